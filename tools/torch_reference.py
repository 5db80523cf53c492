#!/usr/bin/env python3
"""Writes PyTorch reference fixtures for the engine's tests.

Each case stores its inputs, the forward output, a fixed random upstream gradient ``gy`` and the gradients of
every input (``grad_<name>``) for ``out.backward(gy)``. Inputs are float32 random numbers; the reference is
computed in float64 from exactly those float32 values and stored as float32, so the fixtures carry PyTorch's
math, not its float32 rounding.

Output: engine/src/test/resources/torch/index.json (cases, parameters, tensor names, shapes and offsets in
floats) and one <case>.bin per case (the tensors, little-endian float32, concatenated in index order).

Run from the repository root with a Python that has torch (Debian: apt-get install python3-torch, then
/usr/bin/python3 tools/torch_reference.py). The tests read only the committed files.
"""
import json
import os
import re
import struct
import sys

import torch
import torch.nn.functional as F

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "src", "test", "resources",
                       "torch")
torch.manual_seed(20240521)


def randn(*shape, scale=1.0):
    return (torch.randn(*shape, dtype=torch.float32) * scale).to(torch.float64)


def torch_pad(pad):
    """Engine order (front, back, top, bottom, left, right) -> F.pad order (left, right, top, bottom, front, back)."""
    return [pad[4], pad[5], pad[2], pad[3], pad[0], pad[1]]


def conv3d(x, w, b, p):
    return F.conv3d(x, w, b, stride=p["stride"], padding=p["padding"], dilation=p["dilation"])


def conv_transpose3d(x, w, b, p):
    return F.conv_transpose3d(x, w, b, stride=p["stride"], padding=p["padding"],
                              output_padding=p["outputPadding"], dilation=p["dilation"])


def instance_norm3d(x, gamma, beta, p):
    return F.instance_norm(x, weight=gamma, bias=beta, eps=p["eps"])


def chain(x, w1, b1, gamma, beta, w2, b2, p):
    h = F.pad(x, torch_pad(p["pad"]), mode="reflect")
    h = F.conv3d(h, w1, b1, stride=1, padding=0)
    h = F.instance_norm(h, weight=gamma, bias=beta, eps=p["eps"])
    h = torch.relu(h)
    h = F.conv_transpose3d(h, w2, b2, stride=2, padding=1, output_padding=1)
    return torch.tanh(h)


def case(name, op, params, inputs, fn):
    """Runs fn(*inputs, params) in float64 with a fixed upstream gradient and returns the index entry + data."""
    leaves = {k: v.clone().requires_grad_(True) for k, v in inputs.items()}
    out = fn(*leaves.values(), params)
    gy = randn(*out.shape)
    out.backward(gy)
    tensors = list(inputs.items()) + [("out", out.detach()), ("gy", gy)]
    tensors += [("grad_" + k, v.grad) for k, v in leaves.items()]
    entry = {"name": name, "op": op, "params": params, "file": name + ".bin", "tensors": []}
    blob = bytearray()
    offset = 0
    for tname, t in tensors:
        flat = t.detach().to(torch.float32).contiguous().view(-1).tolist()
        entry["tensors"].append({"name": tname, "shape": list(t.shape), "offset": offset})
        blob += struct.pack("<%df" % len(flat), *flat)
        offset += len(flat)
    return entry, bytes(blob)


def conv_params(stride, padding, dilation):
    return {"stride": stride, "padding": padding, "dilation": dilation}


def cases():
    yield case("conv3d_odd_batch2_bias", "conv3d", conv_params([1, 1, 1], [1, 1, 1], [1, 1, 1]),
               {"x": randn(2, 2, 7, 5, 3), "weight": randn(3, 2, 3, 3, 3, scale=0.3), "bias": randn(3)}, conv3d)
    yield case("conv3d_stride2_bias", "conv3d", conv_params([2, 2, 2], [1, 1, 1], [1, 1, 1]),
               {"x": randn(2, 2, 7, 5, 3), "weight": randn(2, 2, 3, 3, 3, scale=0.3), "bias": randn(2)}, conv3d)
    yield case("conv3d_dilation2_nobias", "conv3d", conv_params([1, 1, 1], [2, 2, 2], [2, 2, 2]),
               {"x": randn(1, 2, 7, 6, 5), "weight": randn(2, 2, 3, 3, 3, scale=0.3)},
               lambda x, w, p: conv3d(x, w, None, p))
    yield case("conv3d_anisotropic", "conv3d", conv_params([2, 1, 3], [1, 0, 2], [1, 2, 1]),
               {"x": randn(2, 1, 7, 5, 3), "weight": randn(2, 1, 3, 2, 2, scale=0.3), "bias": randn(2)}, conv3d)
    yield case("conv3d_k4_stride2", "conv3d", conv_params([2, 2, 2], [1, 1, 1], [1, 1, 1]),
               {"x": randn(1, 2, 8, 6, 6), "weight": randn(3, 2, 4, 4, 4, scale=0.2), "bias": randn(3)}, conv3d)
    yield case("conv3d_k7_pad3", "conv3d", conv_params([1, 1, 1], [3, 3, 3], [1, 1, 1]),
               {"x": randn(1, 1, 6, 5, 4), "weight": randn(2, 1, 7, 7, 7, scale=0.1), "bias": randn(2)}, conv3d)
    yield case("convT_stride2_outpad1_bias", "convTranspose3d",
               dict(conv_params([2, 2, 2], [1, 1, 1], [1, 1, 1]), outputPadding=[1, 1, 1]),
               {"x": randn(2, 2, 3, 3, 2), "weight": randn(2, 3, 3, 3, 3, scale=0.3), "bias": randn(3)},
               conv_transpose3d)
    yield case("convT_stride1_nobias", "convTranspose3d",
               dict(conv_params([1, 1, 1], [1, 1, 1], [1, 1, 1]), outputPadding=[0, 0, 0]),
               {"x": randn(1, 2, 4, 3, 3), "weight": randn(2, 2, 3, 3, 3, scale=0.3)},
               lambda x, w, p: conv_transpose3d(x, w, None, p))
    yield case("convT_anisotropic", "convTranspose3d",
               dict(conv_params([2, 1, 3], [0, 1, 1], [1, 1, 1]), outputPadding=[1, 0, 2]),
               {"x": randn(2, 2, 2, 3, 2), "weight": randn(2, 1, 2, 3, 3, scale=0.3), "bias": randn(1)},
               conv_transpose3d)
    yield case("instanceNorm_plain", "instanceNorm3d", {"eps": 1e-5},
               {"x": randn(2, 3, 4, 3, 5, scale=2.0) + 1.5},
               lambda x, p: instance_norm3d(x, None, None, p))
    yield case("instanceNorm_affine", "instanceNorm3d", {"eps": 1e-5},
               {"x": randn(2, 3, 4, 3, 5), "gamma": randn(3) + 1.0, "beta": randn(3)}, instance_norm3d)
    yield case("pad_reflect", "pad3d", {"mode": "REFLECT", "pad": [1, 2, 2, 1, 3, 0]},
               {"x": randn(1, 2, 4, 3, 5)},
               lambda x, p: F.pad(x, torch_pad(p["pad"]), mode="reflect"))
    yield case("pad_reflect_generator", "pad3d", {"mode": "REFLECT", "pad": [3, 3, 3, 3, 3, 3]},
               {"x": randn(1, 1, 5, 4, 6)},
               lambda x, p: F.pad(x, torch_pad(p["pad"]), mode="reflect"))
    yield case("leakyRelu_0.2", "leakyRelu", {"slope": 0.2}, {"x": randn(2, 3, 4, 3, 3)},
               lambda x, p: F.leaky_relu(x, p["slope"]))
    yield case("tanh", "tanh", {}, {"x": randn(2, 3, 4, 3, 3, scale=1.5)}, lambda x, p: torch.tanh(x))
    yield case("chain_pad_conv_norm_relu_convT_tanh", "chain", {"pad": [1, 1, 1, 1, 1, 1], "eps": 1e-5},
               {"x": randn(1, 2, 5, 4, 5), "w1": randn(4, 2, 3, 3, 3, scale=0.3), "b1": randn(4),
                "gamma": randn(4) * 0.3 + 1.0, "beta": randn(4) * 0.3, "w2": randn(4, 2, 3, 3, 3, scale=0.3),
                "b2": randn(2) * 0.3},
               chain)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in os.listdir(OUT_DIR):
        if f.endswith(".bin"):
            os.remove(os.path.join(OUT_DIR, f))
    index = {"generator": "tools/torch_reference.py", "torch": torch.__version__, "dtype": "float32",
             "byteOrder": "little", "cases": []}
    total = 0
    for entry, blob in cases():
        with open(os.path.join(OUT_DIR, entry["file"]), "wb") as fh:
            fh.write(blob)
        index["cases"].append(entry)
        total += len(blob)
    with open(os.path.join(OUT_DIR, "index.json"), "w") as fh:
        text = json.dumps(index, indent=1)
        # one line per list of numbers and per tensor entry keeps the index short and diffable
        text = re.sub(r"\[[-\d.e,\s]*\]", lambda m: " ".join(m.group(0).split()), text)
        text = re.sub(r"\{\s+(\"name\": \"[^\"]+\",\s+\"shape\": [^\]]*\],\s+\"offset\": \d+)\s+\}",
                      lambda m: "{" + " ".join(m.group(1).split()) + "}", text)
        fh.write(text + "\n")
    print("wrote %d cases, %d bytes of tensors, to %s" % (len(index["cases"]), total, os.path.normpath(OUT_DIR)),
          file=sys.stderr)


if __name__ == "__main__":
    main()

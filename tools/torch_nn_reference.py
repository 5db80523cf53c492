#!/usr/bin/env python3
"""PyTorch reference values for the nn module's tests.

Writes small fixtures into nn/src/test/resources/torch/ (the Java tests read only those committed files):

  optimizers.safetensors      several steps of SGD / Adam / RMSProp (PyTorch) from given parameters and
                              gradients, and of TF1's RMSPropOptimizer (a numpy transcription of ApplyRMSProp)
  spectral_norm.safetensors   torch.nn.utils.spectral_norm on a conv, a linear and a transposed conv: u, v,
                              sigma and W/sigma after each of three training-mode forwards from given u, the
                              gradient of sum(W_sn * R) through sigma, and an eval-mode forward
  batch_norm.safetensors      torch.nn.BatchNorm3d (momentum 0.1, eps 1e-5) from given weight and bias: two
                              training-mode forwards (outputs and running statistics after each), the gradients
                              of sum(y * R) of the second with respect to input, weight and bias, and an
                              eval-mode forward
  python_checkpoint.safetensors
                              a cryoetgan checkpoint written here with json + struct (no safetensors package)

and one into gan/src/test/resources/torch/ for the gan module's model tests:

  cycle_wgan_expected.safetensors
                              the production generator G_ds and critic D_A (gan/model CycleGenerator and
                              PatchCritic, small widths) run in PyTorch with the weights that Java wrote to
                              cycle_wgan.safetensors under the model's own state names: outputs, parameter
                              gradients, and the critic's updated spectral-norm vectors

Usage: /usr/bin/python3 tools/torch_nn_reference.py [optim|spectral|batchnorm|nets|checkpoint|all]
(Debian's python3-torch; 'nets' needs cycle_wgan.safetensors, written by the gan test WriteCycleWganFixture:
./mvnw -B -ntp -q -pl gan -am test -Dtest=WriteCycleWganFixture -Dsurefire.failIfNoSpecifiedTests=false
-Dcryoetgan.writeFixtures=true.)
"""
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "nn", "src", "test", "resources", "torch")
GAN_OUT = os.path.join(ROOT, "gan", "src", "test", "resources", "torch")


# ---- safetensors with json + struct ------------------------------------------------------------------------

def st_write(path, tensors, metadata=None, pad=True):
    header = {}
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    blobs, offset = [], 0
    for name, arr in tensors.items():
        a = np.ascontiguousarray(np.asarray(arr, dtype="<f4"))
        b = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    if pad:
        h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def st_read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    out = {}
    for name, e in header.items():
        assert e["dtype"] == "F32", name
        s, t = e["data_offsets"]
        out[name] = np.frombuffer(data[s:t], dtype="<f4").reshape(e["shape"]).copy()
    return out, meta


def t32(a):
    return torch.tensor(np.asarray(a, dtype=np.float32))


# ---- optimizers --------------------------------------------------------------------------------------------

OPTIM_CONFIGS = [
    {"name": "sgd", "kind": "sgd", "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0},
    {"name": "sgd_momentum", "kind": "sgd", "momentum": 0.9, "dampening": 0.1, "nesterov": False,
     "weight_decay": 0.01},
    {"name": "sgd_nesterov", "kind": "sgd", "momentum": 0.9, "dampening": 0.0, "nesterov": True,
     "weight_decay": 0.001},
    {"name": "adam", "kind": "adam", "beta1": 0.5, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
    {"name": "adam_wd", "kind": "adam", "beta1": 0.9, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.01},
    {"name": "rmsprop_torch", "kind": "rmsprop", "convention": "PYTORCH", "decay": 0.99, "eps": 1e-8,
     "momentum": 0.0, "centered": False, "weight_decay": 0.0},
    {"name": "rmsprop_torch_full", "kind": "rmsprop", "convention": "PYTORCH", "decay": 0.9, "eps": 1e-6,
     "momentum": 0.5, "centered": True, "weight_decay": 0.01},
    {"name": "rmsprop_tf", "kind": "rmsprop", "convention": "TENSORFLOW", "decay": 0.9, "eps": 1e-10,
     "momentum": 0.0, "centered": False, "weight_decay": 0.0},
    {"name": "rmsprop_tf_momentum", "kind": "rmsprop", "convention": "TENSORFLOW", "decay": 0.9, "eps": 1e-10,
     "momentum": 0.9, "centered": False, "weight_decay": 0.0},
    {"name": "rmsprop_tf_centered", "kind": "rmsprop", "convention": "TENSORFLOW", "decay": 0.8, "eps": 1e-6,
     "momentum": 0.5, "centered": True, "weight_decay": 0.0},
]
OPTIM_LRS = [0.01, 0.005, 0.02, 0.0025]  # a changing rate exercises schedules (and TF's lr-inside-momentum)


def tf_rmsprop(p, grads, lrs, c):
    """numpy transcription of TF1 RMSPropOptimizer / ApplyRMSProp (ms initialised to ones)."""
    p = p.astype(np.float32).copy()
    ms = np.ones_like(p)
    mg = np.zeros_like(p)
    mom = np.zeros_like(p)
    rho, eps, mu = np.float32(c["decay"]), np.float32(c["eps"]), np.float32(c["momentum"])
    out = []
    for g, lr in zip(grads, lrs):
        g = g.astype(np.float32)
        lr = np.float32(lr)
        ms = ms + (g * g - ms) * (np.float32(1) - rho)
        if c["centered"]:
            mg = mg + (g - mg) * (np.float32(1) - rho)
            denom = ms - mg * mg + eps
        else:
            denom = ms + eps
        mom = mom * mu + lr * g / np.sqrt(denom)
        p = p - mom
        out.append(p.copy())
    return out


def torch_steps(p0, grads, lrs, c):
    p = t32(p0).requires_grad_(True)
    if c["kind"] == "sgd":
        opt = torch.optim.SGD([p], lr=lrs[0], momentum=c["momentum"], dampening=c["dampening"],
                              nesterov=c["nesterov"], weight_decay=c["weight_decay"])
    elif c["kind"] == "adam":
        opt = torch.optim.Adam([p], lr=lrs[0], betas=(c["beta1"], c["beta2"]), eps=c["eps"],
                               weight_decay=c["weight_decay"])
    else:
        opt = torch.optim.RMSprop([p], lr=lrs[0], alpha=c["decay"], eps=c["eps"], momentum=c["momentum"],
                                  centered=c["centered"], weight_decay=c["weight_decay"])
    out = []
    for g, lr in zip(grads, lrs):
        for group in opt.param_groups:
            group["lr"] = lr
        p.grad = t32(g)
        opt.step()
        out.append(p.detach().numpy().copy())
    return out


def make_optim():
    rng = np.random.default_rng(20240611)
    tensors, configs = {}, []
    for c in OPTIM_CONFIGS:
        p0 = rng.normal(size=(3, 4)).astype(np.float32)
        grads = [rng.normal(scale=0.5, size=(3, 4)).astype(np.float32) for _ in OPTIM_LRS]
        if c["kind"] == "rmsprop" and c["convention"] == "TENSORFLOW":
            steps = tf_rmsprop(p0, grads, OPTIM_LRS, c)
        else:
            steps = torch_steps(p0, grads, OPTIM_LRS, c)
        tensors[c["name"] + ".param"] = p0
        for k, (g, e) in enumerate(zip(grads, steps), start=1):
            tensors["%s.grad%d" % (c["name"], k)] = g
            tensors["%s.expected%d" % (c["name"], k)] = e
        configs.append(c)
    st_write(os.path.join(OUT, "optimizers.safetensors"), tensors,
             {"configs": json.dumps(configs), "lrs": json.dumps(OPTIM_LRS), "steps": str(len(OPTIM_LRS))})


# ---- spectral norm -----------------------------------------------------------------------------------------

def make_spectral():
    torch.manual_seed(7)
    rng = np.random.default_rng(99)
    cases = {
        "conv": (nn.Conv3d(3, 6, 2), 0, (1, 3, 3, 3, 3)),
        "linear": (nn.Linear(7, 5), 0, (2, 7)),
        "convt": (nn.ConvTranspose3d(3, 6, 2), 1, (1, 3, 2, 2, 2)),
    }
    tensors = {}
    for name, (layer, dim, xshape) in cases.items():
        w0 = rng.normal(scale=0.5, size=tuple(layer.weight.shape)).astype(np.float32)
        b0 = rng.normal(scale=0.1, size=tuple(layer.bias.shape)).astype(np.float32)
        with torch.no_grad():
            layer.weight.copy_(t32(w0))
            layer.bias.copy_(t32(b0))
        m = nn.utils.spectral_norm(layer)  # dim chosen by PyTorch: 1 for ConvTranspose, else 0
        h = w0.shape[dim]
        u0 = rng.normal(size=h).astype(np.float32)
        u0 /= np.linalg.norm(u0)
        v0 = rng.normal(size=w0.size // h).astype(np.float32)
        v0 /= np.linalg.norm(v0)
        with torch.no_grad():
            m.weight_u.copy_(t32(u0))
            m.weight_v.copy_(t32(v0))
        tensors.update({name + ".weight_orig": w0, name + ".bias": b0, name + ".weight_u": u0,
                        name + ".weight_v": v0})
        x = torch.zeros(xshape)
        r = rng.normal(size=w0.shape).astype(np.float32)
        tensors[name + ".R"] = r
        m.train()
        for k in range(1, 4):
            m(x)
            w_sn = m.weight
            wm = m.weight_orig.detach()
            if dim != 0:
                wm = wm.transpose(0, dim)
            wm = wm.reshape(h, -1)
            sigma = torch.dot(m.weight_u, torch.mv(wm, m.weight_v)).item()
            tensors["%s.u%d" % (name, k)] = m.weight_u.detach().numpy().copy()
            tensors["%s.v%d" % (name, k)] = m.weight_v.detach().numpy().copy()
            tensors["%s.sigma%d" % (name, k)] = np.array([sigma], dtype=np.float32)
            tensors["%s.weight%d" % (name, k)] = w_sn.detach().numpy().copy()
            if k == 3:
                (w_sn * t32(r)).sum().backward()
                tensors[name + ".grad_weight_orig"] = m.weight_orig.grad.numpy().copy()
        m.eval()
        m(x)
        tensors[name + ".weight_eval"] = m.weight.detach().numpy().copy()
        tensors[name + ".u_eval"] = m.weight_u.detach().numpy().copy()
    st_write(os.path.join(OUT, "spectral_norm.safetensors"), tensors, {"eps": "1e-12", "power_iterations": "1"})


# ---- batch norm --------------------------------------------------------------------------------------------

def make_batchnorm():
    rng = np.random.default_rng(2024)
    shape = (3, 4, 2, 3, 2)
    bn = nn.BatchNorm3d(4, eps=1e-5, momentum=0.1)
    w0 = rng.normal(1.0, 0.3, size=4).astype(np.float32)
    b0 = rng.normal(0.0, 0.5, size=4).astype(np.float32)
    with torch.no_grad():
        bn.weight.copy_(t32(w0))
        bn.bias.copy_(t32(b0))
    tensors = {"weight": w0, "bias": b0}
    bn.train()
    for k in (1, 2):
        # channels with different offsets and scales, so that the statistics matter
        x0 = (rng.normal(size=shape) * np.array([1, 3, 0.2, 2]).reshape(1, 4, 1, 1, 1)
              + np.array([0, -2, 5, 1]).reshape(1, 4, 1, 1, 1)).astype(np.float32)
        x = t32(x0).requires_grad_(True)
        y = bn(x)
        tensors["x%d" % k] = x0
        tensors["y%d" % k] = y.detach().numpy().copy()
        tensors["running_mean%d" % k] = bn.running_mean.numpy().copy()
        tensors["running_var%d" % k] = bn.running_var.numpy().copy()
        if k == 2:
            r = rng.normal(size=shape).astype(np.float32)
            tensors["R"] = r
            (y * t32(r)).sum().backward()
            tensors["grad_x"] = x.grad.numpy().copy()
            tensors["grad_weight"] = bn.weight.grad.numpy().copy()
            tensors["grad_bias"] = bn.bias.grad.numpy().copy()
    bn.eval()
    with torch.no_grad():
        tensors["y_eval"] = bn(t32(tensors["x1"])).numpy().copy()
    st_write(os.path.join(OUT, "batch_norm.safetensors"), tensors, {"eps": "1e-5", "momentum": "0.1"})


# ---- the production networks (gan/model) ------------------------------------------------------------------

def c7s1(cin, k, tanh=False):
    layers = [nn.ReflectionPad3d(3), nn.Conv3d(cin, k, 7, 1, 0, bias=True)]
    layers += [nn.Tanh()] if tanh else [nn.InstanceNorm3d(k), nn.ReLU(True)]
    return nn.Sequential(*layers)


def down(cin, k):
    return nn.Sequential(nn.Conv3d(cin, k, 3, 2, 1, bias=True), nn.InstanceNorm3d(k), nn.ReLU(True))


def up(cin, k):
    return nn.Sequential(nn.ConvTranspose3d(cin, k, 3, 2, 1, output_padding=1, bias=True), nn.InstanceNorm3d(k),
                         nn.ReLU(True))


class ResBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv_block = nn.Sequential(nn.ReflectionPad3d(1), nn.Conv3d(c, c, 3, bias=True), nn.InstanceNorm3d(c),
                                        nn.ReLU(True), nn.ReflectionPad3d(1), nn.Conv3d(c, c, 3, bias=True),
                                        nn.InstanceNorm3d(c))

    def forward(self, x):
        return x + self.conv_block(x)


class Generator(nn.Module):
    """gan/model/CycleGenerator with transposed-convolution upsampling and no output noise: encoder = c7s1-ngf,
    d2ngf, d4ngf; blocks = R4ngf x n; the noise channels; decoder = u2ngf, ungf, c7s1-1 tanh (same state names)."""

    def __init__(self, ngf, blocks, noise_channels=1):
        super().__init__()
        self.encoder = nn.Sequential(c7s1(1, ngf), down(ngf, 2 * ngf), down(2 * ngf, 4 * ngf))
        self.blocks = nn.Sequential(*[ResBlock(4 * ngf) for _ in range(blocks)])
        self.decoder = nn.Sequential(up(4 * ngf + noise_channels, 2 * ngf), up(2 * ngf, ngf), c7s1(ngf, 1, tanh=True))

    def forward(self, x, noise):
        return self.decoder(torch.cat([self.blocks(self.encoder(x)), noise], dim=1))


class Critic(nn.Module):
    """gan/model/PatchCritic: C-ndf (no norm), C-2ndf, C-4ndf, ... (4^3 convs, instance norm, LeakyReLU 0.2), then a
    stride-1 conv to 1 channel; spectral norm on every conv. One child "body", as in Java."""

    def __init__(self, ndf, stride, layers=3, instance_norm=True):
        super().__init__()
        sn = nn.utils.spectral_norm
        seq, cin = [], 1
        for i in range(layers):
            cout = ndf << min(i, 3)
            seq.append(sn(nn.Conv3d(cin, cout, 4, stride, 1)))
            if i > 0 and instance_norm:
                seq.append(nn.InstanceNorm3d(cout))
            seq.append(nn.LeakyReLU(0.2, True))
            cin = cout
        seq.append(sn(nn.Conv3d(cin, 1, 4, 1, 1)))
        self.body = nn.Sequential(*seq)

    def forward(self, x):
        return self.body(x)


def load_exact(module, prefix, tensors):
    own = dict(module.named_parameters())
    own.update(dict(module.named_buffers()))
    given = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
    if set(own) != set(given):
        raise SystemExit("state names differ for %s: only torch %s, only java %s"
                         % (prefix, sorted(set(own) - set(given)), sorted(set(given) - set(own))))
    with torch.no_grad():
        for k, t in own.items():
            if tuple(t.shape) != given[k].shape:
                raise SystemExit("shape of %s%s: torch %s, java %s" % (prefix, k, tuple(t.shape), given[k].shape))
            t.copy_(t32(given[k]))


def make_nets():
    tensors, meta = st_read(os.path.join(GAN_OUT, "cycle_wgan.safetensors"))
    cfg = json.loads(meta["config"])
    gen = Generator(cfg["ngf"], cfg["blocks"], cfg["noise"])
    crit = Critic(cfg["ndf"], cfg["stride"], cfg["layers"])
    load_exact(gen, "G_ds.", tensors)
    load_exact(crit, "D_A.", tensors)
    gen.train()
    crit.train()
    out = {}
    y = gen(t32(tensors["input.x"]), t32(tensors["input.noise"]))
    (y * t32(tensors["input.gen_R"])).sum().backward()
    out["G_ds.output"] = y.detach().numpy()
    for k, p in gen.named_parameters():
        out["G_ds.grad." + k] = p.grad.numpy().copy()
    d = crit(t32(tensors["input.critic_x"]))
    (d * t32(tensors["input.critic_R"])).sum().backward()
    out["D_A.output"] = d.detach().numpy()
    for k, p in crit.named_parameters():
        out["D_A.grad." + k] = p.grad.numpy().copy()
    for k, b in crit.named_buffers():
        out["D_A.after." + k] = b.numpy().copy()
    st_write(os.path.join(GAN_OUT, "cycle_wgan_expected.safetensors"), out,
             {"torch": torch.__version__, "config": json.dumps(cfg)})


# ---- a checkpoint written by Python ------------------------------------------------------------------------

def make_checkpoint():
    rng = np.random.default_rng(5)
    torch.manual_seed(5)
    net = nn.Sequential(nn.Linear(4, 3), nn.LeakyReLU(0.2), nn.Linear(3, 2))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        opt.zero_grad()
        net(t32(rng.normal(size=(5, 4)))).pow(2).sum().backward()
        opt.step()
    tensors = {}
    for k, v in net.state_dict().items():
        tensors["net." + k] = v.numpy()
    params = list(net.parameters())
    counters = {"steps": 2}
    for i, p in enumerate(params):
        st = opt.state[p]
        tensors["optimizer/adam/%d.exp_avg" % i] = st["exp_avg"].numpy()
        tensors["optimizer/adam/%d.exp_avg_sq" % i] = st["exp_avg_sq"].numpy()
        counters["%d.step" % i] = int(st["step"])
    # tensors in reverse order and an unpadded header: readers must not rely on either
    tensors = dict(reversed(list(tensors.items())))
    st_write(os.path.join(OUT, "python_checkpoint.safetensors"), tensors, {
        "format": "cryoetgan-checkpoint/1",
        "modules": json.dumps(["net"]),
        "optimizers": json.dumps({"adam": counters}),
        "metadata": json.dumps({"written_by": "torch_nn_reference.py", "torch": torch.__version__, "epoch": 2}),
    }, pad=False)


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    os.makedirs(OUT, exist_ok=True)
    if what in ("optim", "all"):
        make_optim()
    if what in ("spectral", "all"):
        make_spectral()
    if what in ("batchnorm", "all"):
        make_batchnorm()
    if what in ("checkpoint", "all"):
        make_checkpoint()
    if what in ("nets", "all"):
        if os.path.exists(os.path.join(GAN_OUT, "cycle_wgan.safetensors")):
            make_nets()
        else:
            print("skipping nets: run the Java fixture writer WriteCycleWganFixture first", file=sys.stderr)


if __name__ == "__main__":
    main()

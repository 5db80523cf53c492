#!/usr/bin/env python3
"""Time the bench networks in PyTorch on one device, as NetworkTiming does on the engine.

Reuses the networks and the timing loop of bench/compare_pytorch.py (generator, critic1, critic2 forward+backward
and one training step) with a device synchronisation after every iteration. Prints one JSON line per case with
the same fields as NetworkTiming --json, after a first line describing torch, CUDA and cuDNN. True fp32 unless
--tf32 (PyTorch allows TF32 in cuDNN convolutions by default; the engine does not).

Usage: python3 tools/gpu/torch_timing.py [--device cuda] [--size 28,40] [--batch 1,8]
                                         [--nets generator,critic1,critic2,step] [--runs 5] [--tf32]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))

import torch  # noqa: E402
from compare_pytorch import torch_net  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--size", default="28,40")
    ap.add_argument("--batch", default="1,8")
    ap.add_argument("--nets", default="generator,critic1,critic2,step")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: torch's default)")
    ap.add_argument("--tf32", action="store_true")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.backends.cudnn.allow_tf32 = a.tf32
    torch.backends.cuda.matmul.allow_tf32 = a.tf32
    cuda = a.device.startswith("cuda")
    print(json.dumps({"torch": torch.__version__, "cuda": torch.version.cuda,
                      "cudnn": torch.backends.cudnn.version() if cuda else None,
                      "device": torch.cuda.get_device_name(0) if cuda else "cpu", "tf32": a.tf32}), flush=True)
    for batch in [int(b) for b in a.batch.split(",")]:
        for size in [int(s) for s in a.size.split(",")]:
            for net in a.nets.split(","):
                best, median, cpu = torch_net(net, size, a.runs, batch, a.device)
                print(json.dumps({"net": net, "size": size, "batch": batch, "device": a.device,
                                  "best_ms": round(best, 2), "median_ms": round(median, 2),
                                  "best_cpu_ms": round(cpu, 2)}), flush=True)


if __name__ == "__main__":
    sys.exit(main())

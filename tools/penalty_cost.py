"""Times one critic step of the paper's critic in PyTorch without and with the WGAN-GP penalty (the reference for
tools/PenaltyCost.java). Usage: /usr/bin/python3 tools/penalty_cost.py BOX WIDTH STRIDE REPEATS [THREADS]"""
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_nn_reference import Critic  # noqa: E402


def step(crit, real, fake, gp):
    t0 = time.perf_counter()
    loss = crit(fake).mean() - crit(real).mean()
    if gp:
        eps = torch.rand(real.shape[0], 1, 1, 1, 1)
        x = (eps * real + (1 - eps) * fake).requires_grad_(True)
        g = torch.autograd.grad(crit(x).sum(), x, create_graph=True)[0]
        norms = torch.sqrt((g * g).sum(dim=[1, 2, 3, 4]) + 1e-12)
        loss = loss + 10 * ((norms - 1) ** 2).mean()
    loss.backward()
    crit.zero_grad(set_to_none=True)
    return time.perf_counter() - t0


def main():
    box, width, stride, repeats = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    torch.manual_seed(1)
    crit = Critic(width, stride)
    crit.train()
    real = torch.randn(1, 1, box, box, box)
    fake = torch.randn(1, 1, box, box, box)
    plain = min(step(crit, real, fake, False) for _ in range(repeats))
    penalised = min(step(crit, real, fake, True) for _ in range(repeats))
    print("torch %d^3 width %d stride %d: critic step %.1f ms, with WGAN-GP %.1f ms, ratio %.2f"
          % (box, width, stride, plain * 1e3, penalised * 1e3, penalised / plain))


if __name__ == "__main__":
    main()

"""PyTorch reference of the critics' gradient penalties (WGAN-GP and R1) for gan/train/GradientPenaltyVsTorchTest.

Writes gan/src/test/resources/torch/penalties.safetensors: the initial state of the paper's critic (spectral norm
on every conv, instance norm, LeakyReLU 0.2, 3-D; width 2, stride 2, three C-k layers) under the Java names
(body.N..., which torch_nn_reference.Critic shares), two batches of volumes (batch 2, odd edge 17), the
interpolation weights eps, and for each penalty its value and the gradient of the penalty with respect to every
critic parameter, computed with torch.autograd.grad(..., create_graph=True) and a second backward pass. The
penalty is taken on the gradient of the summed critic map, one norm per sample (like pix2pix's
cal_gradient_penalty):
  gp = mean((sqrt(|grad|^2 + 1e-12) - 1)^2) at x = eps*real + (1-eps)*fake,   r1 = 0.5*mean(|grad|^2) at real.

Usage: /usr/bin/python3 tools/torch_penalty_reference.py   (Debian's python3-torch)
"""
import copy
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_nn_reference import Critic, st_write  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gan", "src", "test", "resources", "torch")


def squared_gradient_norms(crit, x):
    g = torch.autograd.grad(crit(x).sum(), x, create_graph=True)[0]
    return (g * g).sum(dim=[1, 2, 3, 4])


def main():
    torch.manual_seed(20260)
    crit = Critic(2, 2)
    crit.train()
    n = 17
    real = torch.randn(2, 1, n, n, n)
    fake = torch.randn(2, 1, n, n, n) * 0.5 + 0.3
    eps = torch.rand(2, 1, 1, 1, 1)
    out = {}
    for k, t in list(crit.named_parameters()) + list(crit.named_buffers()):
        out["state." + k] = t.detach().numpy().copy()
    out["input.real"] = real.numpy()
    out["input.fake"] = fake.numpy()
    out["input.eps"] = eps.numpy()

    gp_crit = copy.deepcopy(crit)
    x = (eps * real + (1 - eps) * fake).requires_grad_(True)
    norms = torch.sqrt(squared_gradient_norms(gp_crit, x) + 1e-12)
    gp = ((norms - 1) ** 2).mean()
    gp.backward()
    out["gp.value"] = gp.detach().reshape(1).numpy()
    for k, p in gp_crit.named_parameters():
        out["gp.grad." + k] = (p.grad if p.grad is not None else torch.zeros_like(p)).detach().numpy().copy()

    r1_crit = copy.deepcopy(crit)
    xr = real.clone().requires_grad_(True)
    r1 = 0.5 * squared_gradient_norms(r1_crit, xr).mean()
    r1.backward()
    out["r1.value"] = r1.detach().reshape(1).numpy()
    for k, p in r1_crit.named_parameters():
        out["r1.grad." + k] = (p.grad if p.grad is not None else torch.zeros_like(p)).detach().numpy().copy()

    os.makedirs(OUT, exist_ok=True)
    st_write(os.path.join(OUT, "penalties.safetensors"), out,
             {"torch": torch.__version__, "written_by": "tools/torch_penalty_reference.py"})
    print("gp", gp.item(), "r1", r1.item())


if __name__ == "__main__":
    main()

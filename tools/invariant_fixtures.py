#!/usr/bin/env python3
"""Regenerate the reference values of the invariant-feature classifier tests
(gan/src/test/resources/invariant/).

    /usr/bin/python3 tools/invariant_fixtures.py

Written with NumPy 1.24 and PyTorch 1.13 (Debian 12 packages python3-numpy, python3-torch).

Independent references:
  * features.properties: the rotation-invariant features of a 10^3 volume given by a formula
    (v = sin(0.7 x) + cos(1.3 y) z / 7 + 0.05 (x - 2 y + 3 z)^2 / 10, x fastest), computed with NumPy:
    z-score (population std), radial profile about (n-1)/2 in shells floor(r) < n/2, log power spectrum
    ln(|fftn|^2 / N + 1e-12) averaged over shells rint(|f| n) for shells 1..n/2, skewness mean(z^3),
    excess kurtosis mean(z^4) - 3.
  * logistic.txt: 60 rows of 4 features in 3 classes (NumPy seed 7), then the minimiser of
    (1/n) sum -log softmax(W x + b)[y] + (lambda/2) |W|^2 with lambda = 0.1, found by torch.optim.LBFGS
    in float64 to a gradient below 1e-8. Lines: 'n d k lambda', n rows 'y x1..xd', k rows 'b w1..wd'.
"""
import os
import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "gan", "src", "test", "resources", "invariant")


def formula_volume(n):
    z, y, x = np.meshgrid(np.arange(n), np.arange(n), np.arange(n), indexing="ij")
    v = np.sin(0.7 * x) + np.cos(1.3 * y) * z / 7 + 0.05 * (x - 2 * y + 3 * z) ** 2 / 10
    return v.astype(np.float32).astype(np.float64)  # the Java side reads float32


def features(v):
    n = v.shape[0]
    z = ((v - v.mean()) / v.std()).astype(np.float32).astype(np.float64)
    half = n // 2
    c = (n - 1) / 2
    kk, jj, ii = np.meshgrid(np.arange(n), np.arange(n), np.arange(n), indexing="ij")
    r = np.sqrt((ii - c) ** 2 + (jj - c) ** 2 + (kk - c) ** 2)
    shell = np.floor(r).astype(int)
    profile = [z[shell == s].mean() for s in range(half)]
    f = np.fft.fftfreq(n)
    fz, fy, fx = np.meshgrid(f, f, f, indexing="ij")
    kshell = np.rint(np.sqrt(fx ** 2 + fy ** 2 + fz ** 2) * n).astype(int)
    power = np.abs(np.fft.fftn(z)) ** 2 / z.size
    logp = [np.log(power[kshell == s].mean() + 1e-12) for s in range(1, half + 1)]
    return profile + logp + [np.mean(z ** 3), np.mean(z ** 4) - 3]


def logistic():
    rng = np.random.default_rng(7)
    n, d, k, lam = 60, 4, 3, 0.1
    y = rng.integers(0, k, n)
    centres = rng.normal(0, 1.0, (k, d))
    x = centres[y] + rng.normal(0, 1.0, (n, d))
    X = torch.tensor(x, dtype=torch.float64)
    Y = torch.tensor(y)
    W = torch.zeros(k, d, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(k, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([W, b], lr=1, max_iter=10000, tolerance_grad=1e-12, tolerance_change=0,
                            history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(X @ W.T + b, Y) + 0.5 * lam * (W ** 2).sum()
        loss.backward()
        return loss

    for _ in range(5):
        opt.step(closure)
    closure()
    gmax = max(W.grad.abs().max().item(), b.grad.abs().max().item())
    assert gmax < 1e-8, gmax
    lines = [f"{n} {d} {k} {lam!r}"]
    lines += [" ".join([str(int(y[i]))] + [repr(float(v)) for v in x[i]]) for i in range(n)]
    lines += [" ".join([repr(float(b[c]))] + [repr(float(v)) for v in W[c]]) for c in range(k)]
    return "\n".join(lines) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    feats = features(formula_volume(10))
    with open(os.path.join(OUT, "features.properties"), "w") as f:
        f.write("# written by tools/invariant_fixtures.py\n")
        for i, v in enumerate(feats):
            f.write(f"features.10.{i}={float(v)!r}\n")
    with open(os.path.join(OUT, "logistic.txt"), "w") as f:
        f.write(logistic())


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Where two labelled volume sets differ, in the invariant yardstick's features (see ri_score.py).

    /usr/bin/python3 tools/benchmark/feature_gap.py [--sample N] GENERATED/ DATA/S-test/

--sample N uses N volumes of the first set (a fixed random choice, numpy seed 0) instead of all of them.

For each feature group (radial profile, log power spectrum per radius, skewness/kurtosis) it prints the mean over
features of |mean_a - mean_b| / std_b, over all volumes and per class: 0 means the sets agree, 1 means they are a
standard deviation of the reference set apart. The largest single gaps are listed too, and the Fréchet distance of
the two sets' features (standardised by the second set's statistics; no labels used): with DATA/S-train as the
second set it is a label-free realism score that needs no held-out labels.
"""
import os
import sys

import numpy as np
from scipy import linalg

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ri_score import features, read_folder  # noqa: E402


def table(folder, sample=None):
    vols, labels = read_folder(folder)
    keep = np.random.default_rng(0).permutation(len(vols))[:sample] if sample else range(len(vols))
    return np.array([features(vols[i]) for i in keep]), np.array([labels[i] for i in keep])


def gaps(xa, xb):
    return np.abs(xa.mean(axis=0) - xb.mean(axis=0)) / (xb.std(axis=0) + 1e-8)


def frechet(xa, xb):
    mu, sd = xb.mean(axis=0), xb.std(axis=0) + 1e-8
    a, b = (xa - mu) / sd, (xb - mu) / sd
    ca, cb = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    mean_term = float(((a.mean(axis=0) - b.mean(axis=0)) ** 2).sum())
    return mean_term + float(np.trace(ca + cb - 2 * linalg.sqrtm(ca @ cb).real)), mean_term


def main():
    args = sys.argv[1:]
    sample = None
    if len(args) == 4 and args[0] == "--sample":
        sample = int(args[1])
        args = args[2:]
    if len(args) != 2:
        sys.exit(__doc__)
    xa, ya = table(args[0], sample)
    xb, yb = table(args[1])
    nr = (xa.shape[1] - 2) // 2
    groups = {"profile": slice(0, nr), "spectrum": slice(nr, 2 * nr), "moments": slice(2 * nr, 2 * nr + 2)}
    rows = [("all", gaps(xa, xb))]
    for c in sorted(set(yb)):
        if np.any(ya == c):
            rows.append((c, gaps(xa[ya == c], xb[yb == c])))
    print(f"{'set':20s} " + " ".join(f"{g:>9s}" for g in groups))
    for name, g in rows:
        print(f"{name:20s} " + " ".join(f"{g[s].mean():9.2f}" for s in groups.values()))
    g = rows[0][1]
    names = [f"profile[{i}]" for i in range(nr)] + [f"spectrum[{i}]" for i in range(nr)] + ["skew", "kurtosis"]
    top = np.argsort(-g)[:6]
    print("largest gaps (all volumes): " + ", ".join(
        f"{names[i]} {g[i]:.2f} ({xa[:, i].mean():.3g} vs {xb[:, i].mean():.3g})" for i in top))
    fd, mean_term = frechet(xa, xb)
    print(f"Fréchet distance of the standardised features: {fd:.1f} (of which the means {mean_term:.1f})")


if __name__ == "__main__":
    main()

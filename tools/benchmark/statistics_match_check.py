#!/usr/bin/python3
"""An independent numpy check of `train --match-statistics` without a GAN: fits the label-free match of a simulated
set onto DATA/S-train (mean power per frequency shell, then pooled quantile matching of voxel values), applies it,
and scores the set before and after with the invariant-feature yardstick of ri_score.py on DATA/S-test.

    /usr/bin/python3 tools/benchmark/statistics_match_check.py SIMULATED_SET DATA_DIR
"""
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ri_score  # noqa: E402


def zscore(v):
    return (v - v.mean()) / (v.std() + 1e-12)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    sim, labels = ri_score.read_folder(sys.argv[1])
    target, _ = ri_score.read_folder(os.path.join(sys.argv[2], "S-train"))
    test, test_labels = ri_score.read_folder(os.path.join(sys.argv[2], "S-test"))
    sim = [zscore(v) for v in sim]
    target = [zscore(v) for v in target]
    n = sim[0].shape[0]
    shell = np.fft.ifftshift(np.sqrt(((np.indices((n, n, n)) - n // 2) ** 2).sum(0))).round().astype(int)
    shells = shell.max() + 1

    def mean_power(vs):
        p = np.zeros(shells)
        for v in vs:
            p += np.bincount(shell.ravel(), (np.abs(np.fft.fftn(v)) ** 2).ravel(), shells)
        return p / len(vs)

    test_x = np.array([ri_score.features(v) for v in test])

    def score(vs):
        x = np.array([ri_score.features(v) for v in vs])
        mu, sd = x.mean(0), x.std(0) + 1e-8
        clf = LogisticRegression(max_iter=5000).fit((x - mu) / sd, labels)
        return 100 * np.mean(clf.predict((test_x - mu) / sd) == np.array(test_labels))

    print(f"as simulated: {score(sim):.1f}%", flush=True)
    gain = np.sqrt(mean_power(target) / mean_power(sim))
    filtered = [zscore(np.real(np.fft.ifftn(np.fft.fftn(v) * gain[shell]))) for v in sim]
    levels = np.linspace(0, 1, 1001)
    src = np.quantile(np.concatenate([v.ravel() for v in filtered]), levels)
    dst = np.quantile(np.concatenate([v.ravel() for v in target]), levels)
    matched = [zscore(np.interp(v, src, dst)) for v in filtered]
    print(f"spectrum and values matched: {score(matched):.1f}%")


if __name__ == "__main__":
    main()

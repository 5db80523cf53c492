#!/usr/bin/python3
"""Independent check of the rotation-invariant yardstick (numpy, scipy, scikit-learn, mrcfile).

Trains a multinomial logistic regression on rotation-invariant features of one labelled volume folder and
reports its accuracy on another, as the benchmark's Java yardstick does, so the two can be compared:

    /usr/bin/python3 tools/benchmark/ri_score.py --train generated/ --test data/S-test/

Each folder holds MRC volumes and a labels.csv (file,label,...) as `density`, `simulate` and `generate` write
it. Features of each volume, after a per-volume z-score: the radial profile (mean value per integer radius from
the centre), the log of the radially averaged power spectrum, skewness and kurtosis. They are standardised with
the training set's statistics only; the test set is used as it is.
"""
import argparse
import csv
import os
import sys

import mrcfile
import numpy as np
from scipy import stats
from sklearn.linear_model import LogisticRegression


def read_folder(folder):
    table = os.path.join(folder, "labels.csv")
    if not os.path.exists(table):
        sys.exit(f"{folder}: no labels.csv")
    vols, labels = [], []
    with open(table, newline="") as f:
        for row in csv.DictReader(f):
            with mrcfile.open(os.path.join(folder, row["file"]), permissive=True) as m:
                vols.append(np.asarray(m.data, dtype=np.float64))
            labels.append(row["label"])
    return vols, labels


def features(v):
    v = (v - v.mean()) / (v.std() + 1e-12)
    n = v.shape[0]
    c = (n - 1) / 2.0
    z, y, x = np.indices(v.shape)
    r = np.sqrt((x - c) ** 2 + (y - c) ** 2 + (z - c) ** 2).round().astype(int)
    nr = n // 2 + 1
    keep = r < nr
    counts = np.bincount(r[keep], minlength=nr)
    profile = np.bincount(r[keep], weights=v[keep], minlength=nr) / np.maximum(counts, 1)
    power = np.abs(np.fft.fftshift(np.fft.fftn(v))) ** 2
    k = np.sqrt(((np.indices(v.shape) - n // 2) ** 2).sum(axis=0)).round().astype(int)
    kk = k < nr
    kc = np.bincount(k[kk], minlength=nr)
    spectrum = np.log(np.bincount(k[kk], weights=power[kk], minlength=nr) / np.maximum(kc, 1) + 1e-8)
    return np.concatenate([profile, spectrum, [stats.skew(v.ravel()), stats.kurtosis(v.ravel())]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", required=True, nargs="+")
    ap.add_argument("--test", required=True)
    ap.add_argument("--C", type=float, default=1.0)
    a = ap.parse_args()
    xs, ys = [], []
    for folder in a.train:
        v, y = read_folder(folder)
        xs += [features(x) for x in v]
        ys += y
    vt, yt = read_folder(a.test)
    xt = np.array([features(x) for x in vt])
    x = np.array(xs)
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-8
    clf = LogisticRegression(C=a.C, max_iter=5000).fit((x - mu) / sd, ys)
    pred = clf.predict((xt - mu) / sd)
    acc = float(np.mean(pred == np.array(yt)))
    classes = sorted(set(yt))
    print(f"train {len(ys)} volumes ({', '.join(a.train)}), test {len(yt)} ({a.test}): accuracy {100 * acc:.1f}%")
    for c in classes:
        sel = np.array(yt) == c
        print(f"  {c:20s} {100 * np.mean(pred[sel] == c):5.1f}%  predicted as this class: {np.sum(pred == c)}")


if __name__ == "__main__":
    main()

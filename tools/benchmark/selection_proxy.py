#!/usr/bin/python3
"""Label-free checkpoint-selection scores against the held-out accuracy, per generated set.

    /usr/bin/python3 tools/benchmark/selection_proxy.py DATA/ GENERATED/ [GENERATED/ ...]

For each labelled generated set (700 volumes, numpy seed 0): the invariant-feature logistic regression (ri_score.py)
is trained on it, and it prints the accuracy on DATA/S-test (needs labels: the yardstick), the transfer score (the
Inception Score of the classifier's probabilities on DATA/S-train, no labels read; what `train --select-every` uses)
and the Fréchet distance to DATA/S-train (feature_gap.py), then the correlations of both scores with the accuracy.
"""
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from feature_gap import frechet, table  # noqa: E402


def transfer_score(clf, x):
    p = clf.predict_proba(x)
    pm = p.mean(axis=0)
    return float(np.exp((p * (np.log(p + 1e-12) - np.log(pm + 1e-12))).sum(axis=1).mean()))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data = sys.argv[1]
    s_train, _ = table(os.path.join(data, "S-train"))
    s_test, y_test = table(os.path.join(data, "S-test"))
    rows = []
    for folder in sys.argv[2:]:
        x, y = table(folder, 700)
        mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-8
        clf = LogisticRegression(max_iter=5000).fit((x - mu) / sd, y)
        acc = float(np.mean(clf.predict((s_test - mu) / sd) == y_test))
        ts = transfer_score(clf, (s_train - mu) / sd)
        fd, _ = frechet(x, s_train)
        rows.append((acc, ts, fd))
        print(f"{folder:50s} accuracy {100 * acc:5.1f}%  transfer {ts:5.2f}  Fréchet {fd:7.1f}", flush=True)
    if len(rows) > 2:
        a = np.array(rows)
        print(f"correlation with accuracy: transfer {np.corrcoef(a[:, 0], a[:, 1])[0, 1]:.2f}, "
              f"Fréchet {np.corrcoef(a[:, 0], a[:, 2])[0, 1]:.2f}")


if __name__ == "__main__":
    main()

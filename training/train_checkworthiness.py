"""Train the check-worthiness model and write analysis/resources/checkworthiness.json.

Usage:
    python training/train_checkworthiness.py [--out PATH]

Data (bundled, CC BY 4.0): data/external/claimbuster/crowdsourced.csv (22,501 crowd-labelled
debate sentences) for training and groundtruth.csv (1,032 expert-labelled) as the dev set.
Check-worthy = ClaimBuster's CFS (Verdict 1); NFS and UFS are not. The regularisation strength
and the decision threshold are the ones with the best dev F1 of the check-worthy class.
Deterministic: fixed feature order, liblinear solver with a fixed seed, rounded weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.checkworthiness import MODEL_PATH, features  # noqa: E402

DATA = REPO / "data" / "external" / "claimbuster"
C_GRID = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = np.round(np.arange(0.10, 0.90, 0.02), 2)
MIN_COUNT = 2  # a feature must occur in at least this many training sentences


def load(name: str) -> tuple[list[list[str]], np.ndarray]:
    """Feature names and 0/1 labels (1 = check-worthy factual sentence) of one bundled file."""
    frame = pd.read_csv(DATA / f"{name}.csv")
    return [sorted(set(features(text))) for text in frame["Text"]], (frame["Verdict"] == 1).to_numpy(int)


def matrix(rows: list[list[str]], vocabulary: dict[str, int]) -> csr_matrix:
    """Binary features, each row scaled to unit length (as ``checkworthiness.score`` does)."""
    indices, indptr, values = [], [0], []
    for names in rows:
        columns = [vocabulary[name] for name in names if name in vocabulary]
        indices += columns
        values += [1.0 / np.sqrt(len(names))] * len(columns)
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(rows), len(vocabulary)))


def f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of the positive class."""
    tp = int((labels & predicted).sum())
    return 2 * tp / max(int(labels.sum()) + int(predicted.sum()), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    train_rows, train_labels = load("crowdsourced")
    dev_rows, dev_labels = load("groundtruth")
    counts = Counter(name for names in train_rows for name in names)
    vocabulary = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    train_x, dev_x = matrix(train_rows, vocabulary), matrix(dev_rows, vocabulary)
    best = None
    for c in C_GRID:
        model = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=0)
        model.fit(train_x, train_labels)
        probabilities = model.predict_proba(dev_x)[:, 1]
        for threshold in THRESHOLDS:
            score = f1(dev_labels, (probabilities >= threshold).astype(int))
            print(f"C={c:<5} threshold={threshold:.2f} dev F1={score:.4f}", file=sys.stderr) if threshold == 0.5 else None
            if best is None or score > best[0] + 1e-12:
                best = (score, c, float(threshold), model)
    score, c, threshold, model = best
    names = sorted(vocabulary, key=vocabulary.get)
    weights = {name: round(float(w), 4) for name, w in zip(names, model.coef_[0]) if abs(w) >= 5e-5}
    payload = {
        "about": "Check-worthiness logistic regression (training/train_checkworthiness.py) on "
                 "ClaimBuster crowdsourced.csv (CC BY 4.0, Arslan et al. 2020).",
        "C": c, "threshold": threshold, "dev_f1": round(score, 4), "l2_normalise": True,
        "bias": round(float(model.intercept_[0]), 4), "weights": weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights): C={c}, threshold={threshold:.2f}, dev F1={score:.4f}")


if __name__ == "__main__":
    main()

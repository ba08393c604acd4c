"""Train the check-worthiness model and write analysis/resources/checkworthiness.json.

Usage:
    python training/train_checkworthiness.py [--out PATH]

Data (bundled, CC BY 4.0): data/external/claimbuster/crowdsourced.csv (22,501 crowd-labelled
debate sentences, 1960-2016) and groundtruth.csv (1,032 expert-labelled, the dev set).
Check-worthy = ClaimBuster's CFS (Verdict 1); NFS and UFS are not.

Model choice uses two validation sets, never a test set: the expert dev set, and the newest
debates (2016) held out from a model trained on the older ones, because the sentences the model
meets later are newer than its training data. The regularisation strength C and the decision
threshold maximise the mean F1 (check-worthy class) over the two; the shipped model is then
refit on all of crowdsourced.csv. Deterministic: sorted features, liblinear with a fixed seed,
rounded weights.
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
NEWEST = "2016"  # debates held out as the "newer sentences" validation set


def load(name: str) -> pd.DataFrame:
    """One bundled file with ``names`` (feature names) and ``label`` (1 = check-worthy) columns."""
    frame = pd.read_csv(DATA / f"{name}.csv")
    frame["names"] = [sorted(set(features(text))) for text in frame["Text"]]
    frame["label"] = (frame["Verdict"] == 1).astype(int)
    return frame


def vocabulary_of(rows) -> dict[str, int]:
    """Feature name → column, for names seen in at least ``MIN_COUNT`` sentences (sorted)."""
    counts = Counter(name for names in rows for name in names)
    return {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}


def matrix(rows, vocabulary: dict[str, int]) -> csr_matrix:
    """Binary features, each row scaled to unit length (as ``checkworthiness.score`` does)."""
    indices, indptr, values = [], [0], []
    for names in rows:
        columns = [vocabulary[name] for name in names if name in vocabulary]
        indices += columns
        values += [1.0 / np.sqrt(len(names))] * len(columns)
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(rows), len(vocabulary)))


def fit(rows, labels, c: float) -> tuple[LogisticRegression, dict[str, int]]:
    """Fit the logistic regression on feature-name rows; returns the model and its vocabulary."""
    vocabulary = vocabulary_of(rows)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=0)
    return model.fit(matrix(rows, vocabulary), labels), vocabulary


def f1_curve(model, vocabulary, frame: pd.DataFrame) -> np.ndarray:
    """F1 of the check-worthy class at every threshold in ``THRESHOLDS``."""
    probabilities = model.predict_proba(matrix(frame["names"], vocabulary))[:, 1]
    labels = frame["label"].to_numpy()
    predicted = probabilities[None, :] >= THRESHOLDS[:, None]
    true_positives = (predicted & (labels == 1)).sum(axis=1)
    return 2 * true_positives / np.maximum(labels.sum() + predicted.sum(axis=1), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    train, dev = load("crowdsourced"), load("groundtruth")
    newest = train["File_id"].str.startswith(NEWEST)
    older, held_out = train[~newest], train[newest]
    best = None
    for c in C_GRID:
        model, vocabulary = fit(older["names"], older["label"], c)
        newest_f1 = f1_curve(model, vocabulary, held_out)
        model, vocabulary = fit(train["names"], train["label"], c)
        dev_f1 = f1_curve(model, vocabulary, dev)
        mean = (newest_f1 + dev_f1) / 2
        i = int(np.argmax(mean))
        print(f"C={c:<5} best threshold {THRESHOLDS[i]:.2f}: dev F1 {dev_f1[i]:.4f}, "
              f"{NEWEST} held-out F1 {newest_f1[i]:.4f}")
        if best is None or mean[i] > best[0]:
            best = (mean[i], c, float(THRESHOLDS[i]), dev_f1[i], newest_f1[i], model, vocabulary)
    _, c, threshold, dev_score, newest_score, model, vocabulary = best
    names = sorted(vocabulary, key=vocabulary.get)
    weights = {name: round(float(w), 4) for name, w in zip(names, model.coef_[0]) if abs(w) >= 5e-5}
    payload = {
        "about": "Check-worthiness logistic regression written by training/train_checkworthiness.py "
                 "from ClaimBuster crowdsourced.csv (CC BY 4.0, Arslan et al. 2020).",
        "C": c, "threshold": threshold, "dev_f1": round(float(dev_score), 4),
        "newest_held_out_f1": round(float(newest_score), 4),
        "bias": round(float(model.intercept_[0]), 4), "weights": weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights): C={c}, threshold={threshold:.2f}")


if __name__ == "__main__":
    main()

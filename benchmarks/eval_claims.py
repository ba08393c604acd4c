"""Evaluate the claims stage: check-worthiness, the causal type and the quantity parser.

Usage:
    python benchmarks/eval_claims.py [--checkthat DIR] [--causal DIR] [--quantities FILE]

1. Check-worthiness on CLEF CheckThat! 2024 English (research-only data, never bundled):
   precision, recall and F1 of the check-worthy ("Yes") class at the shipped threshold, on
   ``dev`` (= ClaimBuster's expert set, used for model choice) and ``dev-test`` (never used for
   a choice). DIR defaults to ../shared/data/research-only/checkthat2024; when it is missing
   this part prints "skipped: data not found".
2. The causal claim type on the Causal News Corpus dev set (bundled, CC0): the cue rule
   (``claims.CAUSAL``) and ``claim_type == "causal"``, against the all-causal baseline.
3. The quantity parser on the case table of tests/data/quantities.json.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

import pandas as pd

from analysis import claims
from analysis.checkworthiness import load_model, score
from analysis.quantities import parse_quantities

REPO = Path(__file__).resolve().parents[1]
CHECKTHAT = REPO / ".." / "shared" / "data" / "research-only" / "checkthat2024"
CAUSAL = REPO / "data" / "external" / "causal-news-corpus"
QUANTITIES = REPO / "tests" / "data" / "quantities.json"


def prf(labels: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class (higher = better)."""
    tp = sum(1 for y, p in zip(labels, predicted) if y and p)
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(labels), 1)
    return precision, recall, 2 * tp / max(sum(labels) + sum(predicted), 1)


def line(name: str, n: int, labels: list[bool], predicted: list[bool]) -> str:
    """One result line: set name, size, positives, precision, recall, F1."""
    precision, recall, f1 = prf(labels, predicted)
    return f"  {name:<34} n={n:<5} positives={sum(labels):<4} P={precision:.3f} R={recall:.3f} F1={f1:.3f}"


def evaluate_checkworthiness(folder: Path) -> None:
    """Print P/R/F1 of the check-worthy class on CheckThat! 2024 dev and dev-test."""
    model = load_model()
    print(f"1. Check-worthiness (CheckThat! 2024 English, 'Yes' class, threshold {model['threshold']:.2f})")
    files = {"dev": "CT24_checkworthy_english_dev.tsv", "dev-test": "CT24_checkworthy_english_dev-test.tsv"}
    if not all((folder / name).is_file() for name in files.values()):
        print(f"  skipped: data not found ({folder})")
        return
    for split, name in files.items():
        frame = pd.read_csv(folder / name, sep="\t", dtype=str, keep_default_na=False)
        labels = (frame["class_label"] == "Yes").tolist()
        predicted = [score(text, model=model) >= model["threshold"] for text in frame["Text"]]
        print(line(split, len(frame), labels, predicted))


def evaluate_causal(folder: Path) -> None:
    """Print P/R/F1 of the causal cue rule and of ``claim_type == "causal"`` on CNC dev."""
    print("2. Causal claim type (Causal News Corpus V2 subtask 1, dev)")
    path = folder / "dev_subtask1.csv"
    if not path.is_file():
        print(f"  skipped: data not found ({path})")
        return
    frame = pd.read_csv(path, encoding="utf-8-sig")
    texts, labels = frame["text"].tolist(), (frame["label"] == 1).tolist()
    threshold = load_model()["threshold"]
    cue = [claims.CAUSAL.found(text.lower()) for text in texts]
    typed = []
    for text in texts:
        quantities = parse_quantities(text)
        is_claim = score(text, quantities) >= threshold
        typed.append(claims.claim_type(text, quantities, is_claim) == "causal")
    print(line("causal cue rule (claims.CAUSAL)", len(texts), labels, cue))
    print(line('claim_type == "causal"', len(texts), labels, typed))
    print(line("baseline: every sentence causal", len(texts), labels, [True] * len(texts)))


def evaluate_quantities(path: Path) -> None:
    """Print the quantity case table: each case, pass/fail, and the totals."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    print(f"3. Quantity parser ({path.relative_to(REPO) if path.is_relative_to(REPO) else path})")
    passed = 0
    for case in cases:
        got = parse_quantities(case["text"])
        ok = got == case["expected"]
        passed += ok
        shown = "; ".join(f"{q['text']!r} -> {q['value']} {q['unit'] or '-'}{' ~' if q['approximate'] else ''}"
                          for q in got) or "(none)"
        print(f"  {'pass' if ok else 'FAIL'}  {case['text'][:60]!r:<64} {shown}")
    print(f"  {passed}/{len(cases)} cases pass")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkthat", type=Path, default=CHECKTHAT)
    parser.add_argument("--causal", type=Path, default=CAUSAL)
    parser.add_argument("--quantities", type=Path, default=QUANTITIES)
    args = parser.parse_args(argv)
    print("$ python benchmarks/eval_claims.py " + shlex.join(sys.argv[1:] if argv is None else argv))
    evaluate_checkworthiness(args.checkthat.resolve())
    evaluate_causal(args.causal)
    evaluate_quantities(args.quantities.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Sentence-boundary F1 of analysis.segment against GUM's gold sentences (CoNLL-U).

Usage:
    python benchmarks/eval_sentences.py [DEP_FOLDER]

DEP_FOLDER defaults to ../shared/data/open/gum-wikinews-quotes/dep (GUM news, CC BY). Each
document is rebuilt from its tokens (SpaceAfter=No respected; sentences joined by a space,
paragraphs by a blank line); a predicted boundary counts when it falls on a gold sentence end.
Two figures are printed: over all boundaries, and over paragraph-internal ones only (the hard
ones: paragraph ends are boundaries by construction).
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.segment import segment

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "open" / "gum-wikinews-quotes" / "dep"


def read_conllu(path: Path) -> tuple[str, set[int], set[int]]:
    """Return the document text, its gold sentence-end offsets and its paragraph-end offsets."""
    paragraphs: list[list[str]] = []
    sentence_tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraphs.append([])
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sentence_tokens:
                paragraphs[-1].append("".join(sentence_tokens).strip())
                sentence_tokens = []
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            space = "" if "SpaceAfter=No" in cols[9] else " "
            sentence_tokens.append(cols[1] + space)
    text, ends, paragraph_ends = "", set(), set()
    for paragraph in (p for p in paragraphs if p):
        if text:
            text += "\n\n"
        for index, sentence in enumerate(paragraph):
            if index:
                text += " "
            text += sentence
            ends.add(len(text))
        paragraph_ends.add(len(text))
    return text, ends, paragraph_ends


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def evaluate(folder: Path, show_errors: bool = False) -> dict[str, tuple[float, float, float]]:
    counts = {"all": [0, 0, 0], "internal": [0, 0, 0]}
    for path in sorted(folder.glob("*.conllu")):
        text, gold, paragraph_ends = read_conllu(path)
        _, sentences = segment("eval", text)
        predicted = {s["end"] for s in sentences}
        for name, exclude in (("all", set()), ("internal", paragraph_ends)):
            g, p = gold - exclude, predicted - exclude
            counts[name][0] += len(g & p)
            counts[name][1] += len(p)
            counts[name][2] += len(g)
        if show_errors:
            for offset in sorted((gold ^ predicted) - paragraph_ends):
                kind = "missed" if offset in gold else "spurious"
                print(f"{kind:9} {path.stem}: …{text[max(0, offset - 50):offset]}|{text[offset:offset + 30]}…")
    return {name: prf(*c) for name, c in counts.items()}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else DEFAULT
    if not folder.is_dir():
        print(f"skipped: GUM data not found at {folder}")
        return 0
    results = evaluate(folder, show_errors="--errors" in argv)
    print(f"command: python benchmarks/eval_sentences.py {' '.join(argv)}".rstrip())
    for name, (p, r, f) in results.items():
        print(f"{name:9} boundaries  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

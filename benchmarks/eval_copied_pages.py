"""Evaluate the copied-page parser (analysis.copied_page) against gold metadata and bodies.

Usage (from the repo root):
    .venv/bin/python benchmarks/eval_copied_pages.py [FOLDER] [GOLD_JSON]

FOLDER holds ``<id>.txt`` pages copied from a browser; GOLD_JSON is a list of
``{id, title, authors, date, body}`` (authors comma-separated, "" when none; date YYYY-MM-DD).
Defaults: ../shared/data/research-only/copied-pages-dev and its gold.json. Exits 0 with
"skipped: data not found" when they are absent.

Pages are split deterministically into dev (~70%: sha1(id) mod 10 < 7, used for development)
and held-out (~30%, an estimate for unseen sites); figures are printed for dev, held-out and all.

Metrics (all: higher = better):
- title: exact match after normalisation (NFKC; curly single/double quotes and primes to ' and ";
  whitespace runs to one space; leading/trailing whitespace and quote marks stripped; casefold).
- date: the ISO date (YYYY-MM-DD) of ``published`` equals the gold date.
- authors: the set of names equals the gold set (names whitespace-normalised and casefolded;
  an empty gold list must be predicted empty).
- body F1: token F1 between the bags (multisets) of lowercase word tokens (analysis.tokens
  tokenizer, punctuation and spaces dropped) of predicted and gold body, averaged over pages.
The baseline takes the whole copied text as the body (its title/date/authors are empty).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.copied_page import parse_page_text  # noqa: E402
from analysis.normalise import clean_text, normalise_date  # noqa: E402
from analysis.tokens import tokenize  # noqa: E402

DEFAULT_FOLDER = REPO.parent / "shared" / "data" / "research-only" / "copied-pages-dev"
_QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                            "“": '"', "”": '"', "„": '"', "″": '"'})


def is_dev(page_id: str) -> bool:
    """Deterministic ~70% development split by SHA-1 of the page id."""
    return int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 10 < 7


def norm_title(title: str) -> str:
    """Title normalisation used for exact match (see module docstring)."""
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTE_MAP)
    return " ".join(text.split()).strip("'\" ").casefold()


def norm_names(names) -> set[str]:
    """A set of whitespace-normalised, casefolded names from a list or a comma-separated string."""
    if isinstance(names, str):
        names = names.split(",")
    return {" ".join(n.split()).casefold() for n in names if n and n.strip()}


def word_bag(text: str) -> Counter:
    """Bag of lowercase word tokens (no punctuation or whitespace tokens)."""
    return Counter(t.lower_ for t in tokenize(text or "") if not (t.is_punct or t.is_space))


def token_f1(predicted: str, gold: str) -> float:
    """F1 of the overlap between the two bags of word tokens (1.0 when both are empty)."""
    pred, ref = word_bag(predicted), word_bag(gold)
    if not pred and not ref:
        return 1.0
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def score_page(parsed: dict, gold: dict) -> dict:
    """The four per-page scores (1/0 for exact matches, F1 for the body)."""
    return {
        "title": float(norm_title(parsed["headline"]) == norm_title(gold["title"])),
        "date": float(normalise_date(parsed["published"])[:10] == gold["date"]),
        "authors": float(norm_names(parsed["authors"]) == norm_names(gold["authors"])),
        "body_f1": token_f1(parsed["body"], gold["body"]),
    }


def evaluate(folder: Path, gold_path: Path) -> tuple[dict[str, dict[str, list[dict]]], list[float]]:
    """Per-page scores for the parser and the whole-text baseline, keyed by split, and the
    parser's time per page in seconds."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores: dict[str, dict[str, list[dict]]] = {}
    seconds = []
    for item in gold:
        page = folder / f"{item['id']}.txt"
        if not page.exists():
            continue
        text = clean_text(page.read_text(encoding="utf-8", errors="replace"))
        started = time.perf_counter()
        parsed = parse_page_text(text)
        seconds.append(time.perf_counter() - started)
        baseline = {"headline": "", "published": "", "authors": [], "body": text}
        split = "dev" if is_dev(item["id"]) else "held-out"
        for name, result in (("parser", parsed), ("baseline", baseline)):
            scores.setdefault(name, {}).setdefault(split, []).append(score_page(result, item))
    return scores, seconds


def report(scores: dict[str, dict[str, list[dict]]]) -> None:
    print(f"{'system':9} {'split':9} {'pages':>5} {'title':>6} {'date':>6} {'authors':>7} {'body_f1':>7}")
    for name, by_split in scores.items():
        rows = dict(by_split)
        rows["all"] = [row for split in ("dev", "held-out") for row in by_split.get(split, [])]
        for split in ("dev", "held-out", "all"):
            pages = rows.get(split, [])
            if not pages:
                continue
            mean = {k: sum(p[k] for p in pages) / len(pages) for k in pages[0]}
            print(f"{name:9} {split:9} {len(pages):5d} {mean['title']:6.3f} {mean['date']:6.3f} "
                  f"{mean['authors']:7.3f} {mean['body_f1']:7.3f}")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    gold_path = Path(argv[2]) if len(argv) > 2 else folder / "gold.json"
    if not folder.is_dir() or not gold_path.is_file():
        print(f"skipped: data not found ({folder})")
        return 0
    print("command:", " ".join([Path(sys.executable).name, *argv]))
    scores, seconds = evaluate(folder, gold_path)
    report(scores)
    if seconds:
        print(f"parse time per page: mean {1000 * sum(seconds) / len(seconds):.1f} ms, "
              f"max {1000 * max(seconds):.1f} ms (lower = faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

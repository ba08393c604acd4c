"""Evaluate the copied-page parser (analysis.copied_page) against gold metadata and bodies.

Usage (from the repo root):
    .venv/bin/python benchmarks/eval_copied_pages.py [FOLDER] [GOLD_JSON]
    .venv/bin/python benchmarks/eval_copied_pages.py --errors [FIELD] [FOLDER] [GOLD_JSON]

``--errors`` scores the dev split only and prints its failing pages (FIELD: title, date,
authors or body_f1; all four when omitted). It never shows held-out pages or their scores.

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
    """Bag of lowercase word tokens (no punctuation or whitespace tokens). Reads only each
    token's text, so the score does not depend on which lexical attributes the tokenizer sets."""
    return Counter(t.text.lower() for t in tokenize(text or "") if not (t.text.isspace() or _is_punct(t.text)))


def _is_punct(token: str) -> bool:
    """Every character is Unicode punctuation (spaCy's ``is_punct``)."""
    return all(unicodedata.category(char).startswith("P") for char in token)


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


Scores = dict[str, dict[str, list[dict]]]


def evaluate(folder: Path, gold_path: Path, dev_only: bool = False,
             errors: list[tuple[str, dict, dict]] | None = None) -> tuple[Scores, list[float]]:
    """Per-page scores for the parser and the whole-text baseline, keyed by split, and the
    parser's time per page in seconds. With ``dev_only``, held-out pages are not even parsed;
    ``errors`` (when given) collects (page id, parsed, gold) for every dev page."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores: Scores = {}
    seconds = []
    for item in gold:
        page = folder / f"{item['id']}.txt"
        if not page.exists() or (dev_only and not is_dev(item["id"])):
            continue
        text = clean_text(page.read_text(encoding="utf-8", errors="replace"))
        started = time.perf_counter()
        parsed = parse_page_text(text)
        seconds.append(time.perf_counter() - started)
        baseline = {"headline": "", "published": "", "authors": [], "body": text}
        split = "dev" if is_dev(item["id"]) else "held-out"
        if errors is not None and split == "dev":
            errors.append((item["id"], parsed, item))
        for name, result in (("parser", parsed), ("baseline", baseline)):
            scores.setdefault(name, {}).setdefault(split, []).append(score_page(result, item))
    return scores, seconds


def report(scores: Scores) -> None:
    print(f"{'system':9} {'split':9} {'pages':>5} {'title':>6} {'date':>6} {'authors':>7} {'body_f1':>7}")
    for name, by_split in scores.items():
        rows = dict(by_split)
        rows["all"] = [row for split in ("dev", "held-out") for row in by_split.get(split, [])]
        for split in ("dev", "held-out", "all"):
            pages = rows.get(split, [])
            if not pages or (split == "all" and len(by_split) < 2):
                continue
            mean = {k: sum(p[k] for p in pages) / len(pages) for k in pages[0]}
            print(f"{name:9} {split:9} {len(pages):5d} {mean['title']:6.3f} {mean['date']:6.3f} "
                  f"{mean['authors']:7.3f} {mean['body_f1']:7.3f}")


# Parsed key and gold key of each exact-match field.
_FIELD_KEYS = {"title": ("headline", "title"), "date": ("published", "date"), "authors": ("authors", "authors")}
BODY_F1_TARGET = 0.95  # --errors lists pages whose body F1 is below this


def print_errors(pages: list[tuple[str, dict, dict]], fields: list[str]) -> None:
    """Failing dev pages per field, with the site (gold ``site`` when given) so that errors can be
    grouped by site: predicted vs gold (body: F1 and both ends of each body)."""
    for field in fields:
        threshold = BODY_F1_TARGET if field == "body_f1" else 1.0
        failing = [(pid, parsed, gold) for pid, parsed, gold in pages if score_page(parsed, gold)[field] < threshold]
        sites = {gold.get("site", "") for _, _, gold in failing}
        print(f"\n== {field}: {len(failing)} failing dev pages on {len(sites)} sites")
        for pid, parsed, gold in failing:
            pid = f"{pid} {gold.get('site', '')}".strip()
            if field == "body_f1":
                print(f"{pid} F1={score_page(parsed, gold)[field]:.3f}\n  pred: {parsed['body'][:150]!r}"
                      f" ... {parsed['body'][-150:]!r}\n  gold: {gold['body'][:150]!r} ... {gold['body'][-150:]!r}")
            else:
                key, gold_key = _FIELD_KEYS[field]
                print(f"{pid}\n  pred: {parsed[key]!r}\n  gold: {gold[gold_key]!r}")


def main(argv: list[str]) -> int:
    args = argv[1:]
    fields = None
    if args and args[0] == "--errors":
        args = args[1:]
        fields = [*_FIELD_KEYS, "body_f1"]
        if args and args[0] in fields:
            fields, args = [args[0]], args[1:]
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    gold_path = Path(args[1]) if len(args) > 1 else folder / "gold.json"
    if not folder.is_dir() or not gold_path.is_file():
        print(f"skipped: data not found ({folder})")
        return 0
    print("command:", " ".join([Path(sys.executable).name, *argv]))
    pages: list[tuple[str, dict, dict]] = []
    scores, seconds = evaluate(folder, gold_path, dev_only=fields is not None,
                               errors=pages if fields is not None else None)
    report(scores)
    if fields is not None:
        print_errors(pages, fields)
    if seconds:
        print(f"parse time per page: mean {1000 * sum(seconds) / len(seconds):.1f} ms, "
              f"max {1000 * max(seconds):.1f} ms (lower = faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

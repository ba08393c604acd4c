"""HTML extraction quality of the loader (trafilatura underneath) on public extraction benchmarks.

Usage:
    python benchmarks/eval_html.py [EXTRACTION_FOLDER]

EXTRACTION_FOLDER defaults to ../shared/data/research-only/article-extraction (research use only:
read in place, never copied). Two sets:

* ``scrapinghub/`` — 181 pages with ground-truth bodies. Body token precision, recall and F1
  (lower-cased word tokens, bag of words), averaged over pages, for the package's HTML path and,
  as the yardstick in the same run, plain ``trafilatura.extract``.
* ``mozilla-readability/`` — 130 pages with expected metadata: share of pages whose title,
  byline (as a set of names) and date the package gets right, among pages where one is given
  (titles and names compared case-, punctuation- and whitespace-insensitively).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from analysis.load import RawArticle, decode
from analysis.normalise import normalise

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "research-only" / "article-extraction"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of ``predicted`` against ``gold``."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def read_html(path: Path) -> str:
    return decode(gzip.decompress(path.read_bytes()))[0]


def package_article(html: str, source: str) -> dict:
    return normalise(RawArticle(source, None, "html", html))


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def eval_scrapinghub(folder: Path) -> dict[str, tuple[float, float, float]]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, list[tuple[float, float, float]]] = {"package": [], "trafilatura.extract": []}
    for key, truth in sorted(gold.items()):
        html = read_html(folder / "html" / f"{key}.html.gz")
        scores["package"].append(token_prf(package_article(html, key)["body"], truth["articleBody"]))
        scores["trafilatura.extract"].append(token_prf(trafilatura.extract(html) or "", truth["articleBody"]))
    return {name: tuple(mean(s[i] for s in rows) for i in range(3)) for name, rows in scores.items()}


def _key(text: str) -> str:
    """Comparison key: case, punctuation and whitespace differences ignored."""
    return " ".join(_TOKEN.findall((text or "").lower()))


def _names(text) -> set[str]:
    text = re.sub(r"^\s*by\s+", "", text or "", flags=re.I)
    return {_key(n) for n in re.split(r",|\band\b|;|&", text) if _key(n)}


def eval_mozilla(folder: Path) -> dict[str, tuple[float, int]]:
    hits: dict[str, list[bool]] = {"title": [], "byline": [], "date": []}
    for page in sorted(p for p in folder.iterdir() if (p / "source.html.gz").exists()):
        expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        article = package_article(read_html(page / "source.html.gz"), page.name)
        if expected.get("title"):
            hits["title"].append(_key(article["headline"]) == _key(expected["title"]))
        if expected.get("byline"):
            hits["byline"].append({_key(a) for a in article["authors"]} == _names(expected["byline"]))
        if expected.get("publishedTime"):
            hits["date"].append(article["published"][:10] == expected["publishedTime"][:10])
    return {name: (mean(values), len(values)) for name, values in hits.items()}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"skipped: article-extraction data not found at {folder}")
        return 0
    print(f"command: python benchmarks/eval_html.py {' '.join(argv)}".rstrip())
    if (folder / "scrapinghub").is_dir():
        print("scrapinghub body (mean over pages)   precision  recall  F1")
        for name, (p, r, f) in eval_scrapinghub(folder / "scrapinghub").items():
            print(f"  {name:34} {p:9.3f} {r:7.3f} {f:5.3f}")
    if (folder / "mozilla-readability" / "pages").is_dir():
        print("mozilla-readability metadata (share right, pages with a value)")
        for name, (share, n) in eval_mozilla(folder / "mozilla-readability" / "pages").items():
            print(f"  {name:8} {share:.3f}  (n={n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

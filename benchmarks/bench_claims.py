"""Throughput of the claims stage on one core (target: at least 2,000 sentences per second).

Usage:
    python benchmarks/bench_claims.py [CORPUS] [--repeat N]

CORPUS defaults to data/raw (the bundled Wikinews articles and the seed). Articles are loaded,
normalised, segmented and quote-attributed first; only ``claims.extract_claims`` is timed
(best of N runs over all articles, in this process).
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from analysis import claims, quotes
from analysis.load import RawArticle, load_paths
from analysis.normalise import normalise
from analysis.segment import segment

REPO = Path(__file__).resolve().parents[1]
TARGET = 2_000


def prepared(corpus: Path) -> list[tuple[dict, list[dict], list[dict]]]:
    """(article, sentences, quotes) for every loadable article of the corpus."""
    inputs = []
    for item in load_paths([corpus]):
        if not isinstance(item, RawArticle):
            continue  # a load issue
        article = normalise(item)
        paragraphs, sentences = segment(article["article_id"], article["body"])
        inputs.append((article, sentences, quotes.extract_quotes(article, paragraphs, sentences)))
    return inputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "data" / "raw")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("$ python benchmarks/bench_claims.py " + shlex.join(sys.argv[1:]))
    inputs = prepared(args.corpus)
    n_sentences = sum(len(sentences) for _, sentences, _ in inputs)
    claims.extract_claims(*inputs[0])  # load the model and compile patterns outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for article, sentences, quote_rows in inputs:
            claims.extract_claims(article, sentences, quote_rows)
        best = min(best, time.perf_counter() - started)
    rate = n_sentences / best
    print(f"{len(inputs)} articles, {n_sentences} sentences: best of {args.repeat} runs {best:.2f} s "
          f"= {rate:,.0f} sentences/s on one core (target >= {TARGET:,}: {'met' if rate >= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

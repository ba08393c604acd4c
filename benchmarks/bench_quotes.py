"""Speed of the quote stage on the bundled corpus (data/raw): articles per second on one core.

Target (issue 3): ``extract_quotes`` handles at least 500 articles per second. Loading,
normalising and segmenting run before the clock starts; the stage then runs over every article
until at least two seconds of CPU time have passed (CPU time, so other load on the
machine does not skew the figure).

Usage: python benchmarks/bench_quotes.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "data" / "raw"
TARGET = 500.0
MIN_SECONDS = 2.0


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    sys.path.insert(0, str(REPO))
    from analysis.load import RawArticle, load_paths
    from analysis.normalise import normalise
    from analysis.quotes import extract_quotes
    from analysis.segment import segment

    prepared = []
    for item in load_paths([str(folder)]):
        if isinstance(item, RawArticle):
            article = normalise(item)
            prepared.append((article, *segment(article["article_id"], article["body"])))
    if not prepared:
        print(f"skipped: no articles found at {folder}")
        return 0
    extract_quotes(*prepared[0])  # warm up the tokenizer
    done, n_quotes, start = 0, 0, time.process_time()
    while time.process_time() - start < MIN_SECONDS:
        for article, paragraphs, sentences in prepared:
            n_quotes += len(extract_quotes(article, paragraphs, sentences))
        done += len(prepared)
    elapsed = time.process_time() - start
    rate = done / elapsed
    words = sum(len(a["body"].split()) for a, _, _ in prepared) / len(prepared)
    print(f"command: python benchmarks/bench_quotes.py {' '.join(argv[1:])}".rstrip())
    print(f"{len(prepared)} articles (mean {words:.0f} words), {n_quotes * len(prepared) // done} quote rows per pass")
    print(f"quote stage: {rate:.0f} articles/s on one core (target >= {TARGET:.0f}): "
          f"{'OK' if rate >= TARGET else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

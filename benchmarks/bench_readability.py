"""Speed of the readability stage: all scopes of every article vs textstat's seven formulas.

Research use only: reads the BBC news corpus (Greene & Cunningham 2006) from a local path and
never copies it. Target: ``measure`` for all scopes of all articles in at most 1.5x the time of
calling textstat's seven formulas on each raw file. Segmentation and quote extraction are
earlier pipeline stages and run before the clock starts. Times are CPU seconds of this process
(the machine may be shared).

Usage: python benchmarks/bench_readability.py [BBC_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / ".." / "shared" / "data" / "research-only" / "bbc-news" / "bbc"
TARGET_RATIO = 1.5


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    files = sorted(folder.glob("*/*.txt"))
    if not files:
        print(f"skipped: data not found at {folder}")
        return 0
    sys.path.insert(0, str(REPO))
    import textstat

    from analysis import quotes, readability
    from analysis.load import RawArticle, decode, load_paths
    from analysis.normalise import normalise
    from analysis.segment import segment

    raw_texts = [decode(path.read_bytes())[0] for path in files]
    prepared = []
    for item in load_paths([str(path) for path in files]):
        if isinstance(item, RawArticle):
            article = normalise(item)
            paragraphs, sentences = segment(article["article_id"], article["body"])
            prepared.append((article, paragraphs, sentences,
                             quotes.extract_quotes(article, paragraphs, sentences)))
    # One-off loads (each process pays them once, before the clock): textstat reads the CMU
    # dictionary's pronunciations, measure() only their syllable counts (a shipped table).
    start = time.process_time()
    readability.cmu_syllables()
    table_load = time.process_time() - start
    start = time.process_time()
    readability.cmu_dictionary()
    dictionary_load = time.process_time() - start

    readability.use_offline_cmudict()  # clears textstat's caches
    start = time.process_time()
    for text in raw_texts:
        for metric in readability.METRICS:
            getattr(textstat, metric)(text)
    baseline = time.process_time() - start

    readability.use_offline_cmudict()
    readability.clear_word_caches()
    start = time.process_time()
    n_rows = sum(len(readability.measure(*args)) for args in prepared)
    ours = time.process_time() - start

    ratio = ours / baseline
    print(f"command: python {' '.join(argv)}")
    print(f"files: {len(raw_texts)}  articles measured: {len(prepared)}  readability rows: {n_rows}")
    print(f"one-off loads: syllable table {table_load:.3f} CPU s (measure), "
          f"CMU dictionary {dictionary_load:.2f} CPU s (textstat)")
    print(f"textstat, 7 formulas on raw files: {baseline:.2f} CPU s")
    print(f"measure(), all scopes (textstat + news-aware): {ours:.2f} CPU s")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

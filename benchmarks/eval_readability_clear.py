"""Readability metrics against teachers' judgements: the CLEAR corpus (Crossley et al. 2022).

Research use only (CC BY-NC-SA 4.0): reads CLEAR_corpus_final.xlsx from a local path, never
copies it. Prints the Spearman correlation of every metric of the ``article`` scope (textstat's
and the news-aware ``*_news`` variants) with ``BT_easiness`` (higher = easier), so Flesch Reading
Ease correlates positively and grade levels negatively. Nothing is tuned on this corpus.
Needs openpyxl to read the workbook.

Usage: python benchmarks/eval_readability_clear.py [CLEAR_corpus_final.xlsx]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / ".." / "shared" / "data" / "research-only" / "clear-corpus" / "CLEAR_corpus_final.xlsx"
PUBLISHED_FRE_RHO = 0.55  # approximate figure quoted in issue 5 for Flesch Reading Ease


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.is_file():
        print(f"skipped: data not found at {path}")
        return 0
    sys.path.insert(0, str(REPO))
    import pandas as pd

    from analysis.readability import METRICS, measure_text

    corpus = pd.read_excel(path, usecols=["ID", "Excerpt", "BT_easiness", "Flesch-Reading-Ease"])
    rows = pd.DataFrame([measure_text(str(text)) for text in corpus["Excerpt"]])
    columns = [name for metric in METRICS for name in (metric, f"{metric}_news")]
    rho = rows[columns].corrwith(corpus["BT_easiness"], method="spearman")
    print(f"command: python {' '.join(argv)}")
    print(f"excerpts: {len(corpus)}")
    print(f"{'metric':<36} {'textstat':>9} {'news':>9}")
    for metric in METRICS:
        print(f"{metric:<36} {rho[metric]:>9.3f} {rho[f'{metric}_news']:>9.3f}")
    corpus_fre = corpus["Flesch-Reading-Ease"].corr(corpus["BT_easiness"], method="spearman")
    print(f"CLEAR's own Flesch-Reading-Ease column: {corpus_fre:.3f} (issue quotes about {PUBLISHED_FRE_RHO})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

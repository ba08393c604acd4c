"""Stage 6, readability: textstat's formulas by article, headline, paragraph and voice (issue 5)."""

from __future__ import annotations


def measure(article: dict, paragraphs: list[dict], sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``readability`` rows of one article (interim: none)."""
    return []

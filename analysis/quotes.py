"""Stage 4, quotes: direct, mixed and indirect quotations with their speakers (issue 3)."""

from __future__ import annotations


def extract_quotes(article: dict, paragraphs: list[dict], sentences: list[dict]) -> list[dict]:
    """Return the ``quotes`` rows of one article (interim: none)."""
    return []

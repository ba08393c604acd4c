"""Stage 5, claims: check-worthiness, type, quantities, hedging and claimer per sentence (issue 4)."""

from __future__ import annotations


def extract_claims(article: dict, sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``claims`` rows of one article (interim: none)."""
    return []

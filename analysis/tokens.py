"""The shared tokenizer: spaCy's blank English pipeline (rule-based, offline, no model download)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def nlp():
    """Return spaCy's blank English ``Language`` (tokenizer with English exceptions only)."""
    import spacy

    return spacy.blank("en")


def tokenize(text: str):
    """Tokenize ``text`` into a spaCy ``Doc`` (character offsets via ``token.idx``)."""
    return nlp().make_doc(text)

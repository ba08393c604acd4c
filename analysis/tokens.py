"""The shared tokenizer: spaCy's blank English pipeline (rule-based, offline, no model download)."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def nlp():
    """Return spaCy's blank English ``Language`` (tokenizer with English exceptions only)."""
    import spacy
    from spacy.attrs import IS_CURRENCY

    blank = spacy.blank("en")
    blank.max_length = 10**9  # only the tokenizer runs: no parser memory to protect
    # The tokenizer caches the tokens of each space-separated chunk; its default 10,000 entries
    # keep filling up and flushing on a corpus. A bounded 100,000 costs a few MB.
    blank.tokenizer.max_cache_size = 100_000
    # Callers read offsets, lengths, whitespace and IS_CURRENCY only. Every new word otherwise
    # gets ~20 lexical attributes computed in Python (shape, like_num, stop word, ...), a third
    # of the tokenizer's time on a corpus; token boundaries do not depend on them.
    getters = blank.vocab.lex_attr_getters
    blank.vocab.lex_attr_getters = {IS_CURRENCY: getters[IS_CURRENCY]}
    return blank


#: Runs of non-space characters longer than this are masked before tokenizing: spaCy peels
#: prefixes and suffixes off a token one at a time, which is quadratic in the token's length.
MAX_TOKEN_CHARS = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def tokenize(text: str):
    """Tokenize ``text`` into a spaCy ``Doc`` (character offsets via ``token.idx``).

    Tokens carry their text, offsets, whitespace and ``is_currency`` only: lexical attributes
    such as ``lower_``, ``is_punct`` or ``like_num`` are not computed (see :func:`nlp`), so
    read ``token.text`` and test it yourself.

    A run of more than :data:`MAX_TOKEN_CHARS` non-space characters (a pasted blob, a 2 MB
    "word") becomes one token of ``x`` characters of the same length, so offsets still hold.
    """
    return nlp().make_doc(masked(text))


def masked(text: str) -> str:
    """``text`` as :func:`tokenize` reads it (the ``Doc``'s text): long runs masked with ``x``."""
    if len(text) > MAX_TOKEN_CHARS and _LONG_RUN.search(text):
        return _LONG_RUN.sub(lambda match: "x" * len(match.group()), text)
    return text

"""The shared tokenizer: spaCy's blank English pipeline (rule-based, offline, no model download)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain
from operator import sub

from spacy.attrs import IDX, LENGTH


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


def span_tokens(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[int], list[int]]:
    """The non-space tokens :func:`tokenize` gives each ``(start, end)`` span of ``text`` (in
    order, not overlapping), from one pass over all of them.

    Whitespace tokens (from runs of spaces, line breaks, tabs) are dropped: they are never words.

    Returns:
        The tokens' words, their offsets in ``text``, and for each span the number of tokens
        up to its end (span ``k``'s tokens are ``words[ends[k - 1]:ends[k]]``).
    """
    # Joined by single spaces, the spans keep their own tokens: spaCy tokenizes every
    # whitespace-separated piece by itself.
    words, offsets = word_tokens(" ".join(text[start:end] for start, end in spans))
    return words, *offsets_in_text(offsets, spans, gap=1)


def offsets_in_text(offsets: list[int], spans: list[tuple[int, int]], gap: int) -> tuple[list[int], list[int]]:
    """Token offsets in a text, from their ``offsets`` in the text's ``spans`` joined with
    ``gap`` characters between them (every token inside one span).

    Returns:
        The offsets in the text, and for each span the number of tokens up to its end.
    """
    starts, ends, at = [], [], 0  # at: offset of the span in the joined string
    for start, end in spans:
        first, last = len(starts), bisect_left(offsets, at + end - start)
        starts += [offset + start - at for offset in offsets[first:last]]
        ends.append(last)
        at += end - start + gap
    return starts, ends


def word_tokens(text: str) -> tuple[list[str], list[int]]:
    """The words and offsets of the non-space tokens :func:`tokenize` gives ``text``.

    spaCy tokenizes every whitespace-separated piece of a text by itself, and a corpus repeats
    most of its pieces, so the tokens of each piece are kept (:data:`_PIECES`) and spaCy reads
    only the pieces not seen before: a dictionary look-up per piece costs a fraction of
    building spaCy's ``Doc``. A text with leading, trailing or repeated whitespace, whitespace
    other than spaces and line breaks, unprintable characters, or a run longer than
    :data:`MAX_TOKEN_CHARS` is tokenized whole.
    """
    plain = text.replace("\n", " ")
    pieces = plain.split(" ")
    if "" in pieces or not plain.isprintable() or max(map(len, pieces)) > MAX_TOKEN_CHARS:
        return _doc_tokens(text)
    entries = list(map(_PIECES.get, pieces))
    if None in entries:
        missing = [k for k, entry in enumerate(entries) if entry is None]
        _learn_pieces({pieces[k] for k in missing})
        for k in missing:
            entries[k] = _PIECES[pieces[k]]
    # Each piece's entry alternates its tokens' words and advances (length, plus the space
    # after the piece for its last token): the offsets are the running sum of the advances.
    flat = list(chain.from_iterable(entries))
    return flat[0::2], list(accumulate(flat[1:-2:2], initial=0))


#: The tokens of each piece seen, as ``(word, advance, word, advance, ...)``; bounded: emptied
#: when full. (spaCy's own piece cache keeps no piece of a text after its first special case,
#: such as "Mr." or "don't": read through it, most pieces of an article are split again.)
_PIECES: dict[str, tuple] = {}
_MAX_PIECES = 100_000


def _learn_pieces(new: set[str]) -> None:
    """Keep the tokens of the ``new`` pieces (no whitespace, none too long), from one tokenizer
    call for those not plainly one token; when the cache is full, it is emptied first."""
    if len(_PIECES) + len(new) > _MAX_PIECES:
        _PIECES.clear()
    special = nlp().tokenizer.rules
    batch = []
    for piece in new:
        if _one_token(piece, special):
            _PIECES[piece] = (piece, len(piece) + 1)
        else:
            batch.append(piece)
    if not batch:
        return
    # Line breaks between the pieces are tokens of their own, so no special case (":)", "Mr.")
    # can match across two pieces: each piece gets its tokens as if alone, whatever the batch.
    words, offsets = _doc_tokens("\n".join(batch))
    # A token's advance reaches the next token: for the last of a piece, over the line break.
    advances = list(map(sub, offsets[1:], offsets)) + [len(words[-1]) + 1]
    flat = list(chain.from_iterable(zip(words, advances)))
    lasts = [k for k, (word, advance) in enumerate(zip(words, advances)) if advance > len(word)]
    first = 0
    for piece, last in zip(batch, lasts):
        # (a piece that is one token keeps the key as its word: one string, not two)
        _PIECES[piece] = (piece, len(piece) + 1) if last == first else tuple(flat[2 * first:2 * last + 2])
        first = last + 1


def _one_token(piece: str, special: dict) -> bool:
    """Whether spaCy's English tokenizer leaves ``piece`` whole without reading it: a word of
    ASCII letters is, unless it is a ``special`` case ("cannot", "dont"), since every English
    prefix, suffix and infix rule needs a character other than a letter (a guard: first sight
    of a piece costs spaCy several regular-expression searches)."""
    return piece.isascii() and piece.isalpha() and piece not in special


def _doc_tokens(text: str) -> tuple[list[str], list[int]]:
    """Words and offsets of the non-space tokens of spaCy's ``Doc`` of ``text``."""
    offsets, lengths = tokenize(text).to_array([IDX, LENGTH]).T.tolist()
    words = [text[offset:offset + length] for offset, length in zip(offsets, lengths)]
    if any(map(str.isspace, words)):
        kept = [i for i, word in enumerate(words) if not word.isspace()]
        words, offsets = [words[i] for i in kept], [offsets[i] for i in kept]
    return words, offsets

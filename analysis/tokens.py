"""The shared tokenizer: spaCy's blank English pipeline (rule-based, offline, no model download)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, combinations, compress, pairwise
from operator import not_

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


def span_tokens(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[str], list[int], list[int]]:
    """The non-space tokens :func:`tokenize` gives each ``(start, end)`` span of ``text`` (in
    order, not overlapping), from one pass over all of them.

    Whitespace tokens (from runs of spaces, line breaks, tabs) are dropped: they are never words.

    Returns:
        The tokens' words, the words in lower case, their offsets in ``text``, and for each
        span the number of tokens up to its end (span ``k``'s tokens are
        ``words[ends[k - 1]:ends[k]]``).
    """
    # Joined by single spaces, the spans keep their own tokens: spaCy tokenizes every
    # whitespace-separated piece by itself.
    words, lower, offsets = word_tokens(" ".join(text[start:end] for start, end in spans))
    return words, lower, *offsets_in_text(offsets, spans, gap=1)


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


def word_tokens(text: str) -> tuple[list[str], list[str], list[int]]:
    """The words, the words in lower case and the offsets of the non-space tokens
    :func:`tokenize` gives ``text``.

    spaCy tokenizes every whitespace-separated piece of a text by itself, and a corpus repeats
    most of its pieces, so the tokens of each piece are kept (:data:`_PIECES`) and spaCy reads
    only the pieces not seen before: a dictionary look-up per piece costs a fraction of
    building spaCy's ``Doc``. A text with leading, trailing or repeated whitespace, whitespace
    other than spaces and line breaks, unprintable characters, or a run longer than
    :data:`MAX_TOKEN_CHARS` is tokenized whole.
    """
    if len(_PIECES) > _MAX_PIECES:  # (bounded: emptied when full, before a text's look-ups)
        _PIECES.clear()
        _SHAPES.clear()
    pieces = text.replace("\n", " ").split(" ")
    entries = list(map(_PIECES.get, pieces))
    if None in entries:
        # (a piece kept is never empty, unprintable or too long: only the new ones need a look)
        new = set(compress(pieces, map(not_, entries)))
        if "" in new or not all(map(str.isprintable, new)) or max(map(len, new)) > MAX_TOKEN_CHARS:
            words, offsets = _doc_tokens(text)
            return words, list(map(str.lower, words)), offsets
        _learn_pieces(new)
        for k in compress(range(len(pieces)), map(not_, entries)):  # (only the new pieces' slots)
            entries[k] = _PIECES[pieces[k]]
    # Each piece's entry holds, token after token, the word, its lower case and its advance
    # (length, plus the space after the piece for the last token): the offsets are the running
    # sum of the advances.
    flat = list(chain.from_iterable(entries))
    return flat[0::3], flat[1::3], list(accumulate(flat[2:-3:3], initial=0))


#: The tokens of each piece seen, as ``(word, lower, advance, word, lower, advance, ...)`` (the
#: lower case kept too: lowering every token of every text costs a new string each); emptied
#: when it holds more than :data:`_MAX_PIECES` (by at most one text's new pieces). (spaCy's own
#: piece cache keeps no piece of a text after its first special case, such as "Mr." or "don't":
#: read through it, most pieces of an article are split again.)
_PIECES: dict[str, tuple] = {}
_MAX_PIECES = 100_000


#: The token lengths of the pieces with digits, by :func:`_digit_shape` (emptied with
#: :data:`_PIECES`): "£4.5bn" and "£2.7bn" split alike, so a figure seen in a new form costs
#: spaCy once per form, not once per figure.
_SHAPES: dict[str, tuple[int, ...]] = {}


def _learn_pieces(new: set[str]) -> None:
    """Keep the tokens of the ``new`` pieces (no whitespace, none too long), from one tokenizer
    call for those whose tokens neither :func:`_plain_tokens` nor a piece of the same
    :func:`_digit_shape` can tell."""
    special = nlp().tokenizer.rules
    batch = {}  # the pieces for the tokenizer, with their digit shapes
    for piece in new:
        words = _plain_tokens(piece, special)
        if words is None:
            shape = _digit_shape(piece)
            lengths = _SHAPES.get(shape)
            if lengths is None:
                batch[piece] = shape
                continue
            words = [piece[start:end] for start, end in pairwise(accumulate(lengths, initial=0))]
        _PIECES[piece] = _entry(piece, words)
    if not batch:
        return
    # Line breaks between the pieces are tokens of their own, so no special case (":)", "Mr.")
    # can match across two pieces: each piece gets its tokens as if alone, whatever the batch.
    words, offsets = _doc_tokens("\n".join(batch))
    first, piece_end = 0, 0
    for piece, shape in batch.items():
        piece_end += len(piece)
        last = bisect_left(offsets, piece_end, first)
        _PIECES[piece] = _entry(piece, words[first:last])
        if shape:
            _SHAPES[shape] = tuple(map(len, words[first:last]))
        first, piece_end = last, piece_end + 1  # past the line break


def _entry(piece: str, words: list[str]) -> tuple:
    """The :data:`_PIECES` entry of a piece from its tokens' words: a piece holds no whitespace,
    so each token's advance is its length, plus the space after the piece for the last."""
    if len(words) == 1:  # (the key as its word: one string, not two)
        return piece, _lower(piece), len(piece) + 1
    advances = list(map(len, words))
    advances[-1] += 1
    return tuple(chain.from_iterable(zip(words, map(_lower, words), advances)))


def _lower(word: str) -> str:
    """``word`` in lower case: ``word`` itself when it is already (one string kept, not two)."""
    lower = word.lower()
    return word if lower == word else lower


#: A piece whose split by spaCy's English affix rules is known: an optional opening quote,
#: apostrophe or bracket, ASCII words joined by hyphens (an infix), an optional possessive ('s,
#: ’s: a suffix) and up to three closing marks (an apostrophe among them), a full stop only
#: after a lower-case letter, two capitals or another closing mark and never two in a row
#: ("U.S." keeps its stop, "A." is an initial, ".." is one token; "UK." → UK .).
_PLAIN_PIECE = re.compile(r'(["(\'[]?)([A-Za-z]+(?:-[A-Za-z]+)*)((?:[\'’][sS])?)'
                          r'((?:[,;:!?")\]\']|(?:(?<=[a-z,;:!?")\'])|(?<=[A-Z]{2}))\.(?!\.)){0,3})')
_HYPHEN = re.compile(r"(-)")
#: The closing marks of a :data:`_PLAIN_PIECE` but the full stop.
_CLOSING_MARKS = frozenset(',;:!?")]\'')
#: Special cases that are read as themselves, one token of the same text, so a run of a piece
#: equal to one is no obstacle to its split: the apostrophe (a closing mark).
_CASES_OF_THEMSELVES = ("'",)


def _plain_tokens(piece: str, special: dict) -> list[str] | None:
    """The words of the tokens spaCy's English tokenizer gives ``piece`` when they can be told
    without running it (a guard: first sight of a piece costs spaCy several regular-expression
    searches), else None.

    A word of ASCII letters is one token and a :data:`_PLAIN_PIECE` splits at its marks,
    hyphens and possessive ("said," → said ,; "well-known." → well - known .; "Blair's" →
    Blair 's), since every English prefix, suffix and infix rule needs a character other than
    a letter, unless some run of those tokens is a ``special`` case ("cannot", "Mr.", ":)",
    "it's"), which spaCy reads as its own. The two commonest shapes, a word alone and a word
    with one closing mark, are told without the regular expression (as :func:`_plain_parts`).
    """
    if piece.isascii() and piece.isalpha():
        return None if piece in special else [piece]
    word, mark = piece[:-1], piece[-1:]
    if word.isascii() and word.isalpha() and (mark in _CLOSING_MARKS or mark == "." and word[-1].islower()):
        obstacle = word in special or piece in special or mark in special and mark not in _CASES_OF_THEMSELVES
        return None if obstacle else [word, mark]
    return _plain_parts(piece, special)


def _plain_parts(piece: str, special: dict) -> list[str] | None:
    """The tokens of a :data:`_PLAIN_PIECE` no run of which is a ``special`` case (the
    possessive and the apostrophe alone are, read as themselves), else None: see
    :func:`_plain_tokens`."""
    match = _PLAIN_PIECE.fullmatch(piece)
    if match is None:
        return None
    opening, words, possessive, closing = match.groups()
    parts = [opening] * bool(opening) + _HYPHEN.split(words) + [possessive] * bool(possessive) + list(closing)
    runs = [piece[a:b] for a, b in combinations(accumulate(map(len, parts), initial=0), 2)]  # (of parts)
    runs = [run for run in runs if run != possessive and run not in _CASES_OF_THEMSELVES]
    return None if any(map(special.__contains__, runs)) else parts


_ANY_DIGIT_AS_5 = str.maketrans("0123456789", "5555555555")
_ASCII_DIGIT = re.compile("[0-9]")


def _digit_shape(piece: str) -> str:
    """``piece`` with every ASCII digit as 5 when spaCy splits every piece of that shape at the
    same places, else "" (also for a piece without digits).

    spaCy's English prefix, suffix and infix rules match digits by class (``[0-9]``), never
    one digit; only its special cases with a digit ("10am", "8)", "<3") and the IP addresses
    of its URL pattern (four numbers, three full stops) tell digits apart. So two pieces of
    one shape holding neither (no special case found anywhere in them, where spaCy could
    match one) split alike.
    """
    if piece.count(".") > 2 or not _ASCII_DIGIT.search(piece) or _digit_special_cases().search(piece):
        return ""
    return piece.translate(_ANY_DIGIT_AS_5)


@lru_cache(maxsize=1)
def _digit_special_cases() -> re.Pattern:
    """A pattern finding any of the tokenizer's special cases that holds a digit."""
    cases = sorted((case for case in nlp().tokenizer.rules if _ASCII_DIGIT.search(case)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, cases)))


def _doc_tokens(text: str) -> tuple[list[str], list[int]]:
    """Words and offsets of the non-space tokens of spaCy's ``Doc`` of ``text``."""
    offsets, lengths = tokenize(text).to_array([IDX, LENGTH]).T.tolist()
    words = [text[offset:offset + length] for offset, length in zip(offsets, lengths)]
    if any(map(str.isspace, words)):
        kept = [i for i, word in enumerate(words) if not word.isspace()]
        words, offsets = [words[i] for i in kept], [offsets[i] for i in kept]
    return words, offsets

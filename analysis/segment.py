"""Stage 3, segment: paragraphs and sentences with character offsets into the body.

Sentences are found over spaCy's English tokenizer, whose exceptions already keep "U.S.",
"Mr.", "Jan." and "3.5%" whole. A boundary follows sentence-final punctuation (with any closing
quotes and brackets after it) when the next word can start a sentence. Abbreviations end a
sentence only before a word that typically starts one ("... in the U.S. The company ...").
"""

from __future__ import annotations

import re
from operator import add, lt

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.lang.lex_attrs import is_currency  # the tokenizer's own IS_CURRENCY

from .tokens import masked, offsets_in_text, tokenize, word_tokens

_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_FINAL_CHARS = {final[-1] for final in _FINAL}  # what a token ending a sentence ends with
_FINAL_CHAR = re.compile("[" + "".join(sorted(_FINAL_CHARS)) + "]")
_CLOSERS = set("”’\"')]}»")
_OPENERS = set("“‘\"'([{«¿¡•*")
# Abbreviations that are normally followed by a name or number, never ending a sentence.
_NEVER_FINAL = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gov.", "sen.", "rep.", "gen.", "lt.", "col.", "capt.",
    "sgt.", "st.", "rev.", "fr.", "hon.", "pres.", "supt.", "no.", "nos.", "vs.", "v.", "cf.", "e.g.",
    "i.e.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
    "dec.", "op.", "vol.", "fig.", "p.", "pp.", "art.", "ch.", "sec.", "mt.", "ft.", "approx.",
}
# Words that typically begin a sentence: after an abbreviation like "U.S." or "Inc.", a
# capitalised word from this set starts a new sentence.
_SENTENCE_STARTERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
    "in", "on", "at", "but", "and", "or", "so", "yet", "however", "meanwhile", "there", "his", "her",
    "its", "their", "our", "my", "as", "after", "before", "when", "while", "if", "since", "for",
    "what", "who", "why", "how", "some", "many", "most", "all", "no", "not", "one", "two", "both",
    "officials", "police", "according", "earlier", "later", "last", "next", "now", "then", "still",
    "also", "even", "such", "other", "another", "each", "every", "to", "from", "with", "by", "despite",
}


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: runs of non-blank lines between blank lines,
    trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    open_start = None
    offset = 0
    for line in body.split("\n") + [""]:
        if line.strip():
            if open_start is None:
                open_start = offset + len(line) - len(line.lstrip())
            last_end = offset + len(line.rstrip())
        elif open_start is not None:
            spans.append((open_start, last_end))
            open_start = None
        offset += len(line) + 1
    return spans


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of one paragraph, shifted by ``offset``.

    Spans are trimmed of surrounding whitespace; together they cover every non-space character.
    A text that :func:`_one_sentence` settles is not tokenized.
    """
    if _one_sentence(text):
        end = len(text.rstrip())
        return [(offset + _lead(text), offset + end)] if end else []
    return _sentence_spans(text, _Tokens(text, _stretches(text)), offset)


def _sentence_spans(text: str, tokens: _Tokens, offset: int) -> list[tuple[int, int]]:
    """:func:`sentence_spans` from the tokens of ``text`` the rules read."""
    spans, start, n, resume = [], 0, len(tokens.words), 0
    for i in tokens.candidates():
        if i < resume or not _ends_sentence_here(tokens, i):
            continue
        j = i + 1
        while j < n and (tokens.words[j] in _CLOSERS or tokens.words[j] in _FINAL) and not tokens.spaced[j - 1]:
            j += 1
        while (j < n and tokens.words[j] in _CLOSERS and tokens.words[j] not in "\"'"
               and not tokens.spaced[j - 1]):
            j += 1
        if j < n and _can_start(tokens, j):
            spans.append((start, tokens.starts[j - 1] + len(tokens.words[j - 1])))
            start = tokens.starts[j]
        resume = j
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return [(offset + s + _lead(text[s:e]), offset + e) for s, e in spans if text[s:e].strip()]


#: A text's first sentence-final character followed, past any closing marks and final
#: characters, by another character: the text may hold the end of a sentence before its own end.
#: (Matched from the text's start, possessively: linear.)
_FINAL_THEN_MORE = re.compile("[^{final}]*+[{final}][{tail}]*+[^{tail}]".format(
    final=re.escape("".join(sorted(_FINAL_CHARS))), tail=re.escape("".join(sorted(_FINAL_CHARS | _CLOSERS)))))


def _one_sentence(text: str) -> bool:
    """Whether no sentence of ``text`` ends before the text does (a guard: paragraphs of one
    sentence are common, and tokenizing costs far more): true when everything after its first
    sentence-final character is a closing mark or a final character ("She left.”"). A
    sentence ends only before a word starting with a capital or a digit (after any opening
    mark or currency sign), and none can come after that character."""
    return _FINAL_THEN_MORE.match(text) is None


class _Tokens:
    """The tokens the sentence rules read, as plain lists (much faster to read than spaCy
    ``Token`` objects): text, offset in ``text``, whether a space follows (spaCy's ``SPACY``).

    Only ``stretches`` of the text are tokenized (:func:`_stretches`; the whole text as the
    reference), joined into one string: spaCy tokenizes every space-separated piece on its own,
    so these are exactly the tokens of the whole text there, and every token the rules look at
    around a candidate is inside its stretch. Most of a paragraph (the words between sentence
    ends) is skipped. When the joined stretches are single-spaced (nearly always), their tokens
    come from :func:`analysis.tokens.word_tokens`, whose piece cache the quotes stage shares, and
    a token is followed by a space when the next one starts later; otherwise from spaCy's ``Doc``
    (which also makes tokens of runs of whitespace).
    """

    def __init__(self, text: str, stretches: list[tuple[int, int]]):
        joined = masked("".join(text[start:end] for start, end in stretches))  # the text tokenize reads
        if _single_spaced(joined):
            self.words, _, offsets = word_tokens(joined.rstrip(" "))
            ends = list(map(add, offsets, map(len, self.words)))
            self.spaced = list(map(lt, ends, offsets[1:])) + [joined.endswith(" ")] * bool(ends)
        else:
            offsets, lengths, spaced = tokenize(joined).to_array([IDX, LENGTH, SPACY]).T.tolist()
            self.words = [joined[start:start + length] for start, length in zip(offsets, lengths)]
            self.spaced = list(map(bool, spaced))
        self.starts, _ = offsets_in_text(offsets, stretches, gap=0)  # offsets in text

    def candidates(self) -> list[int]:
        """Indices of the tokens that may end a sentence: those ending like a sentence-final mark."""
        return [i for i, word in enumerate(self.words) if word[-1:] in _FINAL_CHARS]


#: Pieces read after the piece holding a candidate: the next sentence's opener can be a lone
#: quote mark and a lone currency sign before the word that decides ("“ £ 5 ..."). When the
#: next piece starts with a letter or digit, its first token decides, and one piece is read.
_PIECES_AFTER = 3
# A piece is a run without a separator (see :func:`_is_separator`). Possessive: linear.
_PIECE = r"(?:[^ ]++|(?<!\S) | (?!\S))*+"
_REST_OF_PIECE = re.compile(_PIECE)
_NEXT_PIECES = {n: re.compile(rf"(?: {_PIECE}){{0,{n}}}") for n in (1, _PIECES_AFTER)}


def _stretches(text: str) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` stretches of ``text``: each piece (text between single spaces)
    holding a sentence-final character, with the pieces after it that the rules may read
    (:data:`_PIECES_AFTER`) and the space that follows them."""
    stretches: list[tuple[int, int]] = []
    piece_end = -1
    for match in _FINAL_CHAR.finditer(text):
        if match.start() < piece_end:
            continue  # another final character of the same piece ("U.S.")
        start, piece_end = _piece_start(text, match.start()), _REST_OF_PIECE.match(text, match.start()).end()
        after = 1 if text[piece_end + 1:piece_end + 2].isalnum() else _PIECES_AFTER
        end = min(_NEXT_PIECES[after].match(text, piece_end).end() + 1, len(text))  # with its space
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
        else:
            stretches.append((start, end))
    return stretches


def _single_spaced(text: str) -> bool:
    """Whether every whitespace character of ``text`` is a single space after a non-space one:
    spaCy then makes no whitespace tokens, and its tokens are the pieces' own."""
    return text[:1] != " " and not text.endswith("  ") and " ".join(text.split()) == text.rstrip(" ")


def _is_separator(text: str, at: int) -> bool:
    """A single space between two non-space characters: where spaCy ends one piece."""
    return 0 < at < len(text) - 1 and not text[at - 1].isspace() and not text[at + 1].isspace()


def _piece_start(text: str, position: int) -> int:
    at = text.rfind(" ", 0, position)
    while at >= 0 and not _is_separator(text, at):
        at = text.rfind(" ", 0, at)
    return at + 1


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _ends_sentence_here(tokens: _Tokens, i: int) -> bool:
    words = tokens.words
    text = words[i]
    if text == "." and i > 0 and not tokens.spaced[i - 1] and words[i - 1].lower() + "." in _NEVER_FINAL:
        return False  # "No." split by the tokenizer into "No" + "."
    if text in _FINAL:
        return True
    if len(text) > 1 and text.endswith(".") and text.lower() not in _NEVER_FINAL:
        # Abbreviation or initialism such as "U.S." or "Inc.": only before a typical sentence opener.
        nxt = words[i + 1] if i + 1 < len(words) else None
        return nxt is not None and nxt[:1].isupper() and nxt.lower() in _SENTENCE_STARTERS
    return False


def _can_start(tokens: _Tokens, j: int) -> bool:
    words = tokens.words
    first = words[j]
    if first[:1] in _OPENERS and j + 1 < len(words):
        j, first = (j + 1, words[j + 1]) if len(first) == 1 else (j, first[1:])
    if is_currency(words[j]) and j + 1 < len(words):  # "£1.17 billion was given ..."
        first = words[j + 1]
    return first[:1].isupper() or first[:1].isdigit()


def segment(article_id: str, body: str) -> tuple[list[dict], list[dict]]:
    """Return the ``paragraphs`` and ``sentences`` rows of one article body."""
    paragraphs, sentences = [], []
    for paragraph_id, (p_start, p_end) in enumerate(paragraph_spans(body)):
        paragraphs.append({"article_id": article_id, "paragraph_id": paragraph_id,
                           "start": p_start, "end": p_end, "text": body[p_start:p_end]})
        for s_start, s_end in sentence_spans(body[p_start:p_end], offset=p_start):
            sentences.append({"article_id": article_id, "sentence_id": len(sentences),
                              "paragraph_id": paragraph_id, "start": s_start, "end": s_end,
                              "text": body[s_start:s_end]})
    return paragraphs, sentences

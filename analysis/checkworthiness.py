"""Check-worthiness: how likely a sentence is a checkable factual claim (0-1, higher = more).

A logistic regression over word n-grams and cues that carry over from debates to news
(figures, comparisons, capitalised names, tense, attribution). It is trained by
``training/train_checkworthiness.py`` on ClaimBuster and shipped as plain JSON
(``resources/checkworthiness.json``: feature weights, bias, decision threshold); scoring is
pure Python.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Iterator

from .quantities import has_digit, parse_quantities

MODEL_PATH = Path(__file__).with_name("resources") / "checkworthiness.json"

# Words, or figures with their separators; apostrophes kept inside words ("don't").
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*")
# What can make the tokens of lower-cased text differ from its runs of word characters: a word
# character outside a-z and 0-9 (non-ASCII, or "_"), a digit next to a letter, "." or ",".
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\x00-\x7f]")
_JOINED_DIGIT = re.compile(r"\d(?:(?<=[a-z]\d)|[a-z.,])")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# A capitalised word after a word or a comma (not opening the sentence), or an all-caps word.
# Written to start with [A-Z] (the lookbehinds come after it) so the regex engine can skip ahead.
_CAPITALISED = re.compile(r"[A-Z](?:(?<=[\w,;:] .)[a-z]+|(?<!\w.)[A-Z]+\b)")
# Cue words: a cue fires when the sentence has one of its words (or, for suffixed cues, a
# word with that ending; for phrases, that bigram).
_CUE_WORDS = {
    "compare": {"more", "less", "fewer", "higher", "lower", "than", "compared", "times", "double",
                "doubled", "doubles", "half", "increase", "increased", "increases", "decrease",
                "decreased", "decreases", "rose", "fell", "cut", "grew", "raise", "raised"},
    "superlative": {"most", "least", "first", "largest", "biggest", "record"},
    "past": {"was", "were", "had", "did"},
    "future": {"will", "won't", "going to", "plan to", "plans to", "expected to"},
    "modal": {"should", "must", "could", "would", "might", "may", "ought"},
    "first_person": {"i", "i'm", "i've", "me", "my", "we", "we're", "we've", "our", "us"},
    "second_person": {"you", "your", "you're"},
    "attribution": {"said", "says", "according", "reported", "told", "announced", "stated", "claimed"},
    "negation": {"not", "no", "never", "nothing", "none"},
    "opinion": {"think", "believe", "feel", "hope", "want", "wish", "great", "good", "bad", "terrible",
                "wonderful", "wrong", "right", "love", "thank", "thanks"},
    "law": {"law", "laws", "bill", "illegal", "legal", "legislation", "tax", "taxes", "court", "regulation"},
    "money": {"billion", "million", "trillion", "dollar", "dollars", "budget", "deficit", "debt", "percent"},
}
_CUE_ENDINGS = {"superlative": "est", "past": "ed", "negation": "n't"}
# The cue tests by kind: one-word cue -> the features of the cues holding it (one set intersection
# finds a sentence's cue words instead of one test per cue), two-word cues as (word, word) pairs,
# and ending + " ".
_CUES_OF_WORD = {word: tuple(f"cue={cue}" for cue, words in _CUE_WORDS.items() if word in words)
                 for word in sorted({w for words in _CUE_WORDS.values() for w in words if " " not in w})}
_CUE_WORD_SET = frozenset(_CUES_OF_WORD)
_CUE_PAIRS = tuple((f"cue={cue}", frozenset(tuple(w.split()) for w in words if " " in w))
                   for cue, words in _CUE_WORDS.items() if any(" " in w for w in words))
_ENDING_CUES = tuple((f"cue={cue}", ending + " ") for cue, ending in _CUE_ENDINGS.items())


def features(text: str, quantities: list[dict] | None = None) -> list[str]:
    """Return the sentence's feature names (word uni/bigrams and cue flags).

    Figures become ``<num>`` and years ``<year>`` so that the model learns "a number is here",
    not which number. ``quantities`` are the sentence's parsed quantities, when already known.
    """
    tokens = _tokens(text)
    bigrams = list(_bigrams(tokens))
    flags = _flags(text, tokens, set(tokens), set(bigrams), quantities)
    return [f"w={t}" for t in tokens] + [f"b={a} {b}" for a, b in bigrams] + sorted(flags)


def tokens_are_words(lower: str) -> bool:
    """Whether the tokens of lower-cased text are its runs of word characters (``\\w+``), in order:
    true unless it holds an apostrophe, "_", a non-ASCII word character, or a digit next to a
    letter, "." or ","."""
    return not ("'" in lower or "’" in lower or "_" in lower or _JOINED_DIGIT.search(lower)
                or (not lower.isascii() and _NON_ASCII_WORD_CHARACTER.search(lower)))


def _tokens(text: str, words: list[str] | None = None) -> list[str]:
    """The sentence's words, figures as ``<num>`` and years as ``<year>``.

    ``words`` are its runs of word characters, lower-cased, when already known and
    :func:`tokens_are_words` holds.
    """
    words = _TOKEN.findall(text.lower().replace("’", "'")) if words is None else words
    if not has_digit(text):
        return words
    return [("<year>" if _YEAR.fullmatch(t) else "<num>") if t[0].isdigit() else t for t in words]


def _bigrams(tokens: list[str]) -> Iterator[tuple[str, str]]:
    """The token pairs, with ``<s>`` and ``</s>`` at the ends."""
    return zip(["<s>", *tokens], [*tokens, "</s>"])


def _flags(text: str, tokens: list[str], unique_tokens: set[str], unique_bigrams: set[tuple[str, str]],
           quantities: list[dict] | None) -> set[str]:
    """The feature names other than word uni/bigrams: cues, units, capitals, length, question."""
    flags = set()
    for word in unique_tokens.intersection(_CUE_WORD_SET):
        flags.update(_CUES_OF_WORD[word])
    for flag, cue_bigrams in _CUE_PAIRS:
        if not unique_bigrams.isdisjoint(cue_bigrams):
            flags.add(flag)
    spaced = " ".join(tokens) + " "  # "est " in it: a token ends with "est"
    for flag, ending in _ENDING_CUES:
        if ending in spaced:
            flags.add(flag)
    if "$" in text or "%" in text or "£" in text or "€" in text:
        flags.add("cue=money")
    quantities = parse_quantities(text) if quantities is None else quantities
    if quantities:
        flags.add("cue=quantity")
        flags.update([f"unit={_unit_kind(q['unit'])}" for q in quantities])
    flags.add(f"caps={min(len(_CAPITALISED.findall(text)), 3)}")
    flags.add(f"len={min(len(tokens) // 5, 8)}")
    if text.rstrip().endswith("?"):
        flags.add("cue=question")
    return flags


def _unit_kind(unit: str) -> str:
    """Group units: percent, money (currency codes), ratio, count."""
    if unit in ("percent", "percentage points", "ratio", "times"):
        return unit
    return "money" if unit.isupper() else "count"


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict:
    """Load the shipped model: ``weights`` (feature → weight), ``bias``, ``threshold``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def score(text: str, quantities: list[dict] | None = None, model: dict | None = None,
          words: list[str] | None = None) -> float:
    """Probability (0-1) that ``text`` is a check-worthy factual claim; higher = more check-worthy.

    Args:
        text: One sentence.
        quantities: Its parsed quantities, when already known (saves parsing twice).
        model: A loaded model; the shipped one by default.
        words: The runs of word characters of ``text.lower()``, when already known and
            :func:`tokens_are_words` holds (saves tokenizing twice).
    """
    shipped = model is None or model is load_model()
    unigrams, bigrams, others = _shipped_weights() if shipped else _weight_tables(model)
    words = _tokens(text, words)
    tokens, pairs = set(words), set(_bigrams(words))  # binary features
    flags = _flags(text, words, tokens, pairs, quantities)
    weights = chain(map(unigrams.get, tokens, repeat(0.0)), map(bigrams.get, pairs, repeat(0.0)),
                    map(others.get, flags, repeat(0.0)))
    # scaled to unit length, as in training; fsum: the same total whatever the set order
    logit = (model or load_model())["bias"] + math.fsum(weights) / math.sqrt(len(tokens) + len(pairs) + len(flags))
    return 1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0)))


@lru_cache(maxsize=1)
def _shipped_weights() -> tuple[dict, dict, dict]:
    return _weight_tables(load_model())


def _weight_tables(model: dict) -> tuple[dict, dict, dict]:
    """The model's weights split by feature kind: token -> weight, (word, word) -> weight, and
    the other feature names -> weight (looked up without building every feature name)."""
    unigrams, bigrams, others = {}, {}, {}
    for name, weight in model["weights"].items():
        if name.startswith("w="):
            unigrams[name[2:]] = weight
        elif name.startswith("b="):
            bigrams[tuple(name[2:].split(" ", 1))] = weight
        else:
            others[name] = weight
    return unigrams, bigrams, others

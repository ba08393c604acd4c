"""Stage 5, claims: check-worthiness, type, quantities, hedging and claimer per sentence (issue 4).

Every body sentence gets one row. ``checkworthiness`` comes from the logistic regression in
:mod:`analysis.checkworthiness`; ``quantities`` from :mod:`analysis.quantities`; the type, hedge
and claimer come from the cue rules below.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from .checkworthiness import load_model, score, tokens_are_words
from .quantities import QUANTITY_WORDS, parse_quantities

HEDGES_PATH = Path(__file__).with_name("resources") / "hedges.txt"
# Entries of the hedges list (wooorm/hedges, MIT) that are not hedges in news prose: boosters,
# modals of future, ability or obligation, quantifiers, everyday verbs and prepositions.
NOT_HEDGES = {
    "always", "certainly", "definitely", "clearly", "clear", "certain", "definite", "surely", "must",
    "actually", "really", "quite clearly", "be sure", "will", "would", "can", "should", "most",
    "many", "several", "some", "few", "little", "much", "bunch", "couple", "overall", "mostly",
    "mainly", "read", "say", "says", "find", "found", "finds", "understand", "understands",
    "understood", "consider", "considers", "considered", "thought", "something", "someone",
    "somebody", "somewhere", "like", "so far", "at least", "about", "around", "diagnostic",
    "consistent with", "rare", "effectively", "pretty", "quite", "rather",
}
# Hedges that put a claim at arm's length by attributing it vaguely.
ATTRIBUTION_HEDGES = (
    "reportedly", "allegedly", "purportedly", "reputedly", "supposedly", "ostensibly", "rumoured",
    "rumored", "unconfirmed", "unverified", "is said to", "are said to", "was said to",
    "were said to", "is believed to", "are believed to", "is thought to", "are thought to",
    "was believed to", "is understood to", "according to sources", "sources said",
)
CLAIM_TYPES = ("quantity", "comparison", "causal", "prediction", "rule", "personal_experience",
               "correlation", "opinion", "other")


_WORD = re.compile(r"\w+")


def _cues(*phrases: str) -> re.Pattern:
    """One word-bounded pattern for the lower-case alternatives (regex syntax allowed).

    Patterns are matched against lower-cased text: case-insensitive matching of long
    alternations is several times slower in Python's ``re``.
    """
    return re.compile(r"\b" + _cues_ending_words(*phrases).pattern)


def _cues_ending_words(*phrases: str) -> re.Pattern:
    """:func:`_cues` without its leading ``\\b``, for :func:`_search_from_word_start`."""
    return re.compile(r"(?:" + "|".join(phrases) + r")\b")


_WORD_CHARACTER = re.compile(r"\w")


def _search_from_word_start(pattern: re.Pattern, lower: str) -> bool:
    """Whether ``pattern`` (made by :func:`_cues_ending_words`) matches from the start of a word
    of ``lower``: what the pattern of :func:`_cues` finds, for cues that start with a word
    character. The ``\\b`` is tested here, outside the pattern, so that the regex engine can skip
    to where a cue's first letters occur instead of trying the whole pattern at every position
    (several times faster)."""
    match = pattern.search(lower)
    while match is not None and match.start() and _WORD_CHARACTER.match(lower, match.start() - 1):
        match = pattern.search(lower, match.start() + 1)
    return match is not None


# ASCII word characters as themselves, every other byte as a space (see _word_runs).
_ASCII_WORD_RUNS = bytes(byte if re.match(r"\w", chr(byte)) else ord(" ") for byte in range(128)) + b" " * 128


def _word_runs(text: str) -> list[str]:
    """The runs of word characters (``\\w+``) of ``text``, in order: for ASCII text (nearly all),
    its other characters turned into spaces by one byte table and a whitespace split, about half
    the cost of the regular expression."""
    if not text.isascii():
        return _WORD.findall(text)
    return text.encode("ascii").translate(_ASCII_WORD_RUNS).decode("ascii").split()


def words_of(lower: str) -> set[str]:
    """The words (runs of word characters) of lower-cased text, which :meth:`Cues.found` takes."""
    return set(_word_runs(lower))


class Cues(NamedTuple):
    """A family of cues, matched against lower-cased text mostly by set lookups on its words.

    A regex alternation costs microseconds per sentence in Python's ``re`` (every word start is
    tried against every alternative). Most cues are single words, which a set lookup finds; a
    cue of several words is searched for only in a sentence that holds its anchor (a word that
    every match of the cue holds as a whole word), with a small pattern of the cues sharing it.

    Attributes:
        words: One-word cues (a cue ``\\bword\\b`` matches exactly when ``word`` is one of the
            text's words).
        keys: The cue words and the anchor words.
        anchored: Anchor word -> one :func:`_cues_ending_words` pattern for the cues anchored
            on it.
        stems: ``(stem, pattern)`` for the cues written ``stem\\w*`` (a word that starts with
            ``stem``), which are searched for only when the text holds ``stem``.
    """

    words: frozenset[str]
    keys: frozenset[str]
    anchored: dict[str, re.Pattern]
    stems: tuple[tuple[str, re.Pattern], ...]

    def found(self, lower: str, words: set[str] | None = None) -> bool:
        """Whether a cue occurs in ``lower`` (lower-cased text).

        ``words`` are its :func:`words_of` when already known; only those among :attr:`keys`
        are looked at, so the others may be left out.
        """
        words = words_of(lower) if words is None else words
        if not words.isdisjoint(self.keys):  # most sentences hold none: one test, no set built
            hits = words.intersection(self.keys)
            if not hits.isdisjoint(self.words):
                return True
            for anchor in hits:
                if _search_from_word_start(self.anchored[anchor], lower):
                    return True
        for stem, pattern in self.stems:
            if stem in lower and _search_from_word_start(pattern, lower):
                return True
        return False

    @property
    def pattern(self) -> re.Pattern:
        """All the family's cues as one pattern: what :meth:`found` decides, more slowly."""
        patterns = [*self.anchored.values(), *(pattern for _, pattern in self.stems)]
        return _cues(*sorted(self.words), *sorted({pattern.pattern[len(r"(?:"):-len(r")\b")]
                                                   for pattern in patterns}))


def _family(words: Iterable[str], *anchored_cues: tuple[str, str]) -> Cues:
    """A :class:`Cues` family from its one-word cues and its other cues, each given as
    ``(anchors, pattern)``: the space-separated words one of which every match of the pattern
    holds as a whole word (or, for a word ending with ``*``, a word that starts with it)."""
    by_anchor: dict[str, list[str]] = {}
    for anchors, cue in anchored_cues:
        for anchor in anchors.split():
            by_anchor.setdefault(anchor, []).append(cue)
    anchored = {anchor: _cues_ending_words(*cues) for anchor, cues in by_anchor.items()
                if not anchor.endswith("*")}
    stems = tuple((stem[:-1], _cues_ending_words(*cues)) for stem, cues in by_anchor.items()
                  if stem.endswith("*"))
    return Cues(frozenset(words), frozenset(words) | frozenset(anchored), anchored, stems)


# Explicit causal connectives and verbs (precision first: "after", "over" and "since" are left out).
CAUSAL = _family(
    "because cause causes caused causing therefore consequently hence trigger triggers triggered "
    "triggering prompts prompted prompting sparks sparked sparking drove demanding following "
    "fuels fuelled fueled fuelling".split(),
    ("due", r"due to"), ("owing", r"owing to"), ("thanks", r"thanks to"),
    ("result consequence", r"as a (?:result|consequence)"),
    ("result results resulted resulting", r"result(?:s|ed|ing)? (?:in|from)"),
    ("lead leads leading", r"lead(?:s|ing)? to"), ("led", r"led to"), ("so", r"so that"),
    ("order", r"in order (?:to|for)"),
    ("force forces forced forcing", r"forc(?:e|es|ed|ing) (?:\w+ )?to"),
    ("driven", r"driven by"), ("response", r"in response to"), ("protest", r"in protest"),
    ("protest", r"to protest"),
    ("protest protests protested protesting", r"protest(?:s|ed|ing)? (?:against|over)"),
    ("demand press oppose condemn express seek stop prevent",
     r"to (?:demand|press|oppose|condemn|express|seek|stop|prevent)"),
    ("blame blames blamed blaming", r"blam(?:e|es|ed|ing) (?:on|for)"), ("attributed", r"attributed to"),
    ("contribute contributes contributed contributing", r"contribut(?:e|es|ed|ing) to"),
    ("responsible", r"responsible for"), ("retaliation", r"in retaliation"),
    ("effect effects", r"effects? of"), ("impact impacts", r"impacts? of"))
CORRELATION = _family(
    (),
    ("linked", r"linked (?:to|with)"), ("associated", r"associated with"), ("correlat*", r"correlat\w*"),
    ("tied", r"tied to"), ("between", r"(?:connection|relationship|association) between"),
    ("likely", r"more likely to"), ("likely", r"less likely to"))
COMPARISON = _family(
    "than highest lowest largest biggest smallest fastest slowest best worst record doubled tripled "
    "halved".split(),
    ("compared", r"compared (?:with|to)"), ("times", r"times (?:as|more|less|higher|lower)"),
    ("twice", r"twice as"), ("many much high low", r"as (?:many|much|high|low) as"),
    ("up", r"up from"), ("down", r"down from"),
    ("rose fell increased decreased dropped grew declined",
     r"(?:rose|fell|increased|decreased|dropped|grew|declined) (?:by|from|to)"))
PREDICTION = _family(
    "will forecast forecasts projected".split(),
    ("won", r"won't"), ("going", r"going to"), ("expected", r"expected to"), ("predict*", r"predict\w*"),
    ("likely", r"likely to"), ("plan plans", r"plans? to"), ("set", r"set to"),
    (" ".join(f"20{year}" for year in range(30, 100)), r"by 20[3-9]\d"))
RULE = _family(
    "laws illegal legal legally ban bans banned require requires required regulation regulations "
    "rule rules mandatory legislation".split(),
    ("law", r"(?:the|a|new|under|by|federal|state|international|criminal) law(?! enforce\w*)"),
    ("prohibit*", r"prohibit\w*"), ("constitution*", r"constitution\w*"),
    ("court", r"court (?:ruled|ordered)"), ("allowed", r"(?:is|are) (?:not )?allowed"),
    ("entitled", r"entitled to"), ("obliged", r"obliged to"))
#: Claim types found by cue, the most specific first.
TYPED_CUES = (("correlation", CORRELATION), ("causal", CAUSAL), ("comparison", COMPARISON),
              ("prediction", PREDICTION), ("rule", RULE))
PERSONAL_EXPERIENCE = _family(
    (),
    ("i we", r"(?:i|we)\b(?: \w+)? (?:was|were|had|saw|met|went|lived|grew|worked|visited|spent|lost|"
     r"remember|experienced|felt|heard|watched|came|\w+ed)"),
    ("my", r"my (?:family|father|mother|son|daughter|wife|husband|child|children|home|life)"))
# An evaluative adjective counts with or without "deeply", "entirely" or "totally" before it.
OPINION = _family(
    "should flawed biased unfair wrong right great terrible wonderful awful ridiculous shameful "
    "counterproductive irony excellent outstanding important proud disappointed disappointing best "
    "worst".split(),
    ("think believe feel", r"i (?:think|believe|feel)"), ("view opinion", r"in my (?:view|opinion)"),
    ("ought", r"ought to"), ("clear", r"clear that"), ("disgrace*", r"disgrace\w*"),
    ("believe hope", r"we (?:believe|hope)"))


def extract_claims(article: dict, sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``claims`` rows of one article: one per body sentence.

    Args:
        article: The ``articles`` row (only ``article_id`` is read).
        sentences: The article's ``sentences`` rows (``sentence_id``, ``start``, ``end``, ``text``).
        quotes: The article's ``quotes`` rows (``start``, ``end``, ``kind``, ``speaker``); may be empty.

    Returns:
        Rows with the ``claims`` columns; ``quantities`` is a list of dicts.
    """
    texts = [sentence.get("text") or "" for sentence in sentences]
    # Each step runs over all the sentences before the next one starts: fewer cache misses.
    lowers = [text.lower() for text in texts]
    all_words = [_word_runs(lower) for lower in lowers]
    words = [_word_keys().intersection(sentence_words) for sentence_words in all_words]
    quantities = [parse_quantities(text, sentence_words) for text, sentence_words in zip(texts, words)]
    # the words serve as the check-worthiness tokens too, when they are the same
    tokens = [sentence_words if tokens_are_words(lower) else None
              for lower, sentence_words in zip(lowers, all_words)]
    scores = [round(score(text, sentence_quantities, words=sentence_tokens), 4)
              for text, sentence_quantities, sentence_tokens in zip(texts, quantities, tokens)]
    threshold = load_model()["threshold"]
    rows = []
    for index, (sentence, nearby_quotes) in enumerate(zip(sentences, _quotes_near(sentences, quotes))):
        text, checkworthiness = texts[index], scores[index]
        is_claim = checkworthiness >= threshold
        rows.append({
            "article_id": article.get("article_id", sentence.get("article_id", "")),
            "claim_id": index,
            "sentence_id": sentence.get("sentence_id", index),
            "start": sentence.get("start"),
            "end": sentence.get("end"),
            "text": text,
            "checkworthiness": checkworthiness,
            "is_claim": is_claim,
            "claim_type": claim_type(text, quantities[index], is_claim, words[index]),
            "claimer": claimer(sentence, nearby_quotes),
            "hedged": is_hedged(text, words[index]),
            "quantities": quantities[index],
        })
    return rows


def _quotes_near(sentences: list[dict], quotes: list[dict]) -> list[list[dict]]:
    """For each sentence (in text order), the quotes that overlap it: a sweep, not all pairs."""
    starts = [sentence.get("start") or 0 for sentence in sentences]
    near: list[list[dict]] = [[] for _ in sentences]
    for quote in quotes:
        quote_start, quote_end = quote.get("start") or 0, quote.get("end") or 0
        index = max(bisect_right(starts, quote_start) - 1, 0)
        while index < len(sentences) and starts[index] < quote_end:
            near[index].append(quote)
            index += 1
    return near


def claim_type(text: str, quantities: list[dict], is_claim: bool, words: set[str] | None = None) -> str:
    """Full Fact's claim type of one sentence, the most specific cue winning.

    Correlation before causal before comparison (a comparison of figures is more than a
    figure); predictions and rules before plain quantities; an evaluative sentence that is not
    check-worthy is an ``opinion``.

    Args:
        text: The sentence.
        quantities: Its parsed quantities.
        is_claim: Whether it is check-worthy.
        words: The words of ``text.lower()`` (:func:`words_of`), when already known; those
            outside :func:`_cue_keys` may be left out.

    Returns:
        One of :data:`CLAIM_TYPES`.
    """
    lower = text.lower()
    words = words_of(lower) if words is None else words
    if not _may_hold_type_cue(lower, words):  # what the steps below conclude then, found cheaply
        return "quantity" if quantities else "other"
    opinion = None  # looked for only when the answer depends on it
    if not is_claim and not quantities:
        opinion = OPINION.found(lower, words)
        if opinion:
            return "opinion"
    for name, cues in TYPED_CUES:
        if cues.found(lower, words):
            return name
    if quantities:
        return "quantity"
    if PERSONAL_EXPERIENCE.found(lower, words):
        return "personal_experience"
    if opinion is None:
        opinion = OPINION.found(lower, words)
    return "opinion" if opinion else "other"


#: Every family that :func:`claim_type` looks for.
TYPE_FAMILIES = (*(cues for _, cues in TYPED_CUES), PERSONAL_EXPERIENCE, OPINION)
_TYPE_KEYS = frozenset().union(*(cues.keys for cues in TYPE_FAMILIES))
_TYPE_STEMS = re.compile("|".join(re.escape(stem) for cues in TYPE_FAMILIES for stem, _ in cues.stems))


def _may_hold_type_cue(lower: str, words: set[str]) -> bool:
    """Whether any of :data:`TYPE_FAMILIES` can find a cue in ``lower`` (one set test and one
    regex instead of seven :meth:`Cues.found` calls): each needs one of its keys among the
    ``words`` (:func:`words_of`, those outside :func:`_cue_keys` may be left out), or one of its
    stems inside ``lower``."""
    return not words.isdisjoint(_TYPE_KEYS) or _TYPE_STEMS.search(lower) is not None


@lru_cache(maxsize=1)
def hedge_cue_set() -> frozenset[str]:
    """Hedge cues: the hedges list less :data:`NOT_HEDGES`, plus :data:`ATTRIBUTION_HEDGES`."""
    lines = HEDGES_PATH.read_text(encoding="utf-8").splitlines()
    cues = {line.strip().lower() for line in lines if line.strip() and not line.startswith("%")}
    return frozenset((cues - NOT_HEDGES) | set(ATTRIBUTION_HEDGES))


def _cue_regex(cue: str) -> str:
    """The regex for a literal cue: any whitespace between its words."""
    return re.escape(cue).replace(r"\ ", r"\s+")


def _cue_alternation(cues) -> re.Pattern:
    """One word-bounded pattern for ``cues``, longest first."""
    return _cues(*sorted(map(_cue_regex, cues), key=len, reverse=True))


@lru_cache(maxsize=1)
def hedge_pattern() -> re.Pattern:
    """Every hedge cue as one pattern."""
    return _cue_alternation(hedge_cue_set())


@lru_cache(maxsize=1)
def _cue_keys() -> frozenset[str]:
    """The words that :meth:`Cues.found` looks at in the families of :func:`claim_type` and
    :func:`is_hedged`: a sentence's other words may be left out of the ``words`` they take."""
    return frozenset().union(*(cues.keys for cues in (*TYPE_FAMILIES, _hedge_family())))


@lru_cache(maxsize=1)
def _word_keys() -> frozenset[str]:
    """The words of a sentence that the stage looks at: :func:`_cue_keys` and the words that
    :func:`~analysis.quantities.parse_quantities` looks at."""
    return _cue_keys() | QUANTITY_WORDS


@lru_cache(maxsize=1)
def _hedge_family() -> Cues:
    """The hedge cues as a :class:`Cues` family. A cue of several words is anchored on its
    longest word: every match of the cue holds each of its words as a whole word."""
    words = {cue for cue in hedge_cue_set() if _WORD.fullmatch(cue)}
    return _family(words, *((max(_WORD.findall(cue), key=len), _cue_regex(cue))
                            for cue in sorted(hedge_cue_set() - words)))


# The month "May" ("in May", "May 5"), which must not count as the hedge "may".
_MONTH_MAY = re.compile(r"\bMay(?= \d)|\b(?:in|of|on|by|since|until|from|to|last|next|early|late|"
                        r"this|mid-) ?May\b")


def _hedge_text(text: str) -> str:
    """``text`` lower-cased for hedge matching, with the month "May" masked."""
    if "May" in text:
        text = _MONTH_MAY.sub(lambda match: match.group(0).replace("May", "M__"), text)
    return text.lower()


def hedge_cues(text: str) -> list[str]:
    """The hedge cues in ``text``, lower-cased, in order."""
    return [match.group(0) for match in hedge_pattern().finditer(_hedge_text(text))]


def is_hedged(text: str, words: set[str] | None = None) -> bool:
    """True when a hedge cue ("may", "reportedly", "allegedly", ...) weakens the sentence.

    ``words`` are the words of ``text.lower()`` (:func:`words_of`), when already known; those
    outside :func:`_cue_keys` may be left out.
    """
    hedge_text = _hedge_text(text)
    if words is None or "May" in text:  # masking the month changes the words
        words = words_of(hedge_text)
    return _hedge_family().found(hedge_text, words)


_PRONOUNS = frozenset("i me we us you he him she her it they them who one this that these those".split())


def claimer(sentence: dict, quotes: list[dict]) -> str:
    """Who makes the claim in ``sentence``: the link between the quotes and claims tables.

    A sentence overlapping a direct or mixed quote belongs to that quote's speaker (the one it
    overlaps most); otherwise a sentence containing an indirect (reported) quote belongs to its
    source; otherwise the outlet asserts it (``reporter``). A quote whose speaker is unresolved
    gives its speaker mention when that names someone ("officials"), and ``unknown`` when it
    is only a pronoun ("he", "we").
    """
    start, end = sentence.get("start") or 0, sentence.get("end") or 0
    best, best_rank = None, (0, 0)
    for quote in quotes:
        overlap = min(end, quote.get("end") or 0) - max(start, quote.get("start") or 0)
        if overlap <= 0:
            continue
        direct = quote.get("kind") in ("direct", "mixed")
        if not direct and not (start <= (quote.get("start") or 0) < end):
            continue  # an indirect quote speaks for the sentence it starts in
        rank = (int(direct), overlap)
        if rank > best_rank:
            best, best_rank = quote, rank
    if best is None:
        return "reporter"
    mention = (best.get("speaker_mention") or "").strip()
    return best.get("speaker") or (mention if mention.lower() not in _PRONOUNS else "") or "unknown"

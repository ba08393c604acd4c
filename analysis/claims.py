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

from .checkworthiness import load_model, score
from .quantities import parse_quantities

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


_CUES_AROUND = (r"\b(?:", r")\b")


def _cues(*phrases: str) -> re.Pattern:
    """One word-bounded pattern for the lower-case alternatives (regex syntax allowed).

    Patterns are matched against lower-cased text: case-insensitive matching of long
    alternations is several times slower in Python's ``re``.
    """
    before, after = _CUES_AROUND
    return re.compile(before + "|".join(phrases) + after)


def _any_cue(*patterns: re.Pattern) -> re.Pattern:
    """One pattern that matches where any of the :func:`_cues` ``patterns`` matches."""
    before, after = _CUES_AROUND
    return _cues(*(pattern.pattern[len(before):-len(after)] for pattern in patterns))


# Explicit causal connectives and verbs (precision first: "after", "over" and "since" are left out).
CAUSAL = _cues(
    r"because", r"due to", r"owing to", r"thanks to", r"as a (?:result|consequence)",
    r"result(?:s|ed|ing)? (?:in|from)", r"lead(?:s|ing)? to", r"led to", r"caus(?:e|es|ed|ing)",
    r"therefore", r"consequently", r"hence", r"so that", r"in order (?:to|for)",
    r"trigger(?:s|ed|ing)?", r"prompt(?:s|ed|ing)", r"spark(?:s|ed|ing)",
    r"forc(?:e|es|ed|ing) (?:\w+ )?to", r"drove", r"driven by", r"in response to", r"in protest",
    r"to protest", r"protest(?:s|ed|ing)? (?:against|over)",
    r"to (?:demand|press|oppose|condemn|express|seek|stop|prevent)", r"demanding", r"following",
    r"blam(?:e|es|ed|ing) (?:on|for)", r"attributed to", r"contribut(?:e|es|ed|ing) to",
    r"fuel(?:s|led|ed|ling)", r"responsible for", r"in retaliation", r"effects? of", r"impacts? of")
CORRELATION = _cues(r"linked (?:to|with)", r"associated with", r"correlat\w*", r"tied to",
                    r"(?:connection|relationship|association) between", r"more likely to",
                    r"less likely to")
COMPARISON = _cues(r"than", r"compared (?:with|to)", r"times (?:as|more|less|higher|lower)",
                   r"twice as", r"as (?:many|much|high|low) as", r"(?:highest|lowest|largest|"
                   r"biggest|smallest|fastest|slowest|best|worst)", r"record", r"doubled",
                   r"tripled", r"halved", r"up from", r"down from", r"(?:rose|fell|increased|"
                   r"decreased|dropped|grew|declined) (?:by|from|to)")
PREDICTION = _cues(r"will", r"won't", r"going to", r"expected to", r"forecasts?", r"predict\w*",
                   r"projected", r"likely to", r"plans? to", r"set to", r"by 20[3-9]\d")
RULE = _cues(r"(?:the|a|new|under|by|federal|state|international|criminal) law(?! enforce\w*)", r"laws",
             r"illegal", r"legal(?:ly)?", r"ban(?:s|ned)?", r"requires?", r"required",
             r"regulations?", r"rules?", r"prohibit\w*", r"mandatory", r"legislation",
             r"constitution\w*", r"court (?:ruled|ordered)", r"(?:is|are) (?:not )?allowed",
             r"entitled to", r"obliged to")
#: Claim types found by cue, the most specific first.
TYPED_CUES = (("correlation", CORRELATION), ("causal", CAUSAL), ("comparison", COMPARISON),
              ("prediction", PREDICTION), ("rule", RULE))
# Most sentences hold none of them: one search says so, several times faster than one each.
_ANY_TYPED_CUE = _any_cue(*(pattern for _, pattern in TYPED_CUES))
PERSONAL_EXPERIENCE = re.compile(
    r"\b(?:i|we)\b(?: \w+)? (?:was|were|had|saw|met|went|lived|grew|worked|visited|spent|lost|"
    r"remember|experienced|felt|heard|watched|came|\w+ed)\b|\bmy (?:family|father|mother|son|"
    r"daughter|wife|husband|child|children|home|life)\b")
OPINION = _cues(r"i think", r"i believe", r"i feel", r"in my (?:view|opinion)", r"should",
                r"ought to", r"clear that", r"(?:deeply |entirely |totally )?(?:flawed|biased|"
                r"unfair|wrong|right|great|terrible|wonderful|awful|ridiculous|disgrace\w*|"
                r"shameful|counterproductive|irony|excellent|outstanding|important|proud|"
                r"disappointed|disappointing|best|worst)", r"we believe", r"we hope")


def extract_claims(article: dict, sentences: list[dict], quotes: list[dict]) -> list[dict]:
    """Return the ``claims`` rows of one article: one per body sentence.

    Args:
        article: The ``articles`` row (only ``article_id`` is read).
        sentences: The article's ``sentences`` rows (``sentence_id``, ``start``, ``end``, ``text``).
        quotes: The article's ``quotes`` rows (``start``, ``end``, ``kind``, ``speaker``); may be empty.

    Returns:
        Rows with the ``claims`` columns; ``quantities`` is a list of dicts.
    """
    threshold = load_model()["threshold"]
    rows = []
    for index, (sentence, nearby_quotes) in enumerate(zip(sentences, _quotes_near(sentences, quotes))):
        text = sentence.get("text") or ""
        quantities = parse_quantities(text)
        checkworthiness = round(score(text, quantities), 4)
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
            "claim_type": claim_type(text, quantities, is_claim),
            "claimer": claimer(sentence, nearby_quotes),
            "hedged": is_hedged(text),
            "quantities": quantities,
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


def claim_type(text: str, quantities: list[dict], is_claim: bool) -> str:
    """Full Fact's claim type of one sentence, the most specific cue winning.

    Correlation before causal before comparison (a comparison of figures is more than a
    figure); predictions and rules before plain quantities; an evaluative sentence that is not
    check-worthy is an ``opinion``.

    Returns:
        One of :data:`CLAIM_TYPES`.
    """
    lower = text.lower()
    opinion = None  # searched only when the answer depends on it
    if not is_claim and not quantities:
        opinion = OPINION.search(lower) is not None
        if opinion:
            return "opinion"
    if _ANY_TYPED_CUE.search(lower):
        for name, pattern in TYPED_CUES:
            if pattern.search(lower):
                return name
    if quantities:
        return "quantity"
    if PERSONAL_EXPERIENCE.search(lower):
        return "personal_experience"
    if opinion is None:
        opinion = OPINION.search(lower) is not None
    return "opinion" if opinion else "other"


@lru_cache(maxsize=1)
def hedge_cue_set() -> frozenset[str]:
    """Hedge cues: the hedges list less :data:`NOT_HEDGES`, plus :data:`ATTRIBUTION_HEDGES`."""
    lines = HEDGES_PATH.read_text(encoding="utf-8").splitlines()
    cues = {line.strip().lower() for line in lines if line.strip() and not line.startswith("%")}
    return frozenset((cues - NOT_HEDGES) | set(ATTRIBUTION_HEDGES))


def _cue_alternation(cues) -> re.Pattern:
    """One word-bounded pattern for ``cues``, longest first, any whitespace between words."""
    return _cues(*sorted((re.escape(cue).replace(r"\ ", r"\s+") for cue in cues), key=len, reverse=True))


@lru_cache(maxsize=1)
def hedge_pattern() -> re.Pattern:
    """Every hedge cue as one pattern."""
    return _cue_alternation(hedge_cue_set())


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _hedge_words_and_phrases() -> tuple[frozenset[str], re.Pattern]:
    """The hedge cues that are one word (a run of word characters, which ``\\b...\\b`` matches
    exactly when it is one of the text's words), and a pattern for the others."""
    words = frozenset(cue for cue in hedge_cue_set() if _WORD.fullmatch(cue))
    return words, _cue_alternation(hedge_cue_set() - words)


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


def is_hedged(text: str) -> bool:
    """True when a hedge cue ("may", "reportedly", "allegedly", ...) weakens the sentence."""
    text = _hedge_text(text)
    words, phrases = _hedge_words_and_phrases()
    return not words.isdisjoint(_WORD.findall(text)) or phrases.search(text) is not None


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

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
from pathlib import Path

from .quantities import parse_quantities

MODEL_PATH = Path(__file__).with_name("resources") / "checkworthiness.json"

# Words, or figures with their separators; apostrophes kept inside words ("don't").
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+|\b[A-Z]{2,}\b")
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


def features(text: str, quantities: list[dict] | None = None) -> list[str]:
    """Return the sentence's feature names (word uni/bigrams and cue flags).

    Figures become ``<num>`` and years ``<year>`` so that the model learns "a number is here",
    not which number. ``quantities`` are the sentence's parsed quantities, when already known.
    """
    words = _TOKEN.findall(text.lower().replace("’", "'"))
    tokens = ["<year>" if _YEAR.fullmatch(t) else "<num>" if t[0].isdigit() else t for t in words]
    bigrams = [f"{a} {b}" for a, b in zip(["<s>"] + tokens, tokens + ["</s>"])]
    present = set(tokens) | set(bigrams)
    names = [f"w={t}" for t in tokens] + [f"b={b}" for b in bigrams]
    names += [f"cue={cue}" for cue, cue_words in _CUE_WORDS.items()
              if not present.isdisjoint(cue_words)
              or (cue in _CUE_ENDINGS and any(t.endswith(_CUE_ENDINGS[cue]) for t in tokens))]
    if any(symbol in text for symbol in "$%£€"):
        names.append("cue=money")
    quantities = parse_quantities(text) if quantities is None else quantities
    if quantities:
        names.append("cue=quantity")
        names += sorted({f"unit={_unit_kind(q['unit'])}" for q in quantities})
    names.append(f"caps={min(len(_CAPITALISED.findall(text)), 3)}")
    names.append(f"len={min(len(tokens) // 5, 8)}")
    if text.rstrip().endswith("?"):
        names.append("cue=question")
    return names


def _unit_kind(unit: str) -> str:
    """Group units: percent, money (currency codes), ratio, count."""
    if unit in ("percent", "percentage points", "ratio", "times"):
        return unit
    return "money" if unit.isupper() else "count"


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict:
    """Load the shipped model: ``weights`` (feature → weight), ``bias``, ``threshold``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def score(text: str, quantities: list[dict] | None = None, model: dict | None = None) -> float:
    """Probability (0-1) that ``text`` is a check-worthy factual claim; higher = more check-worthy.

    Args:
        text: One sentence.
        quantities: Its parsed quantities, when already known (saves parsing twice).
        model: A loaded model; the shipped one by default.
    """
    model = model or load_model()
    weights = model["weights"]
    names = set(features(text, quantities))  # binary features scaled to unit length, as in training
    logit = model["bias"] + sum(weights.get(name, 0.0) for name in names) / math.sqrt(len(names))
    return 1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0)))

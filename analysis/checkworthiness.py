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
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)*|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+|\b[A-Z]{2,}\b")
_CUES = {
    "compare": re.compile(r"\b(?:more|less|fewer|higher|lower|than|compared|times|double[ds]?|"
                          r"half|increase[ds]?|decrease[ds]?|rose|fell|cut|grew|raised?)\b"),
    "superlative": re.compile(r"\b(?:most|least|\w+est|first|largest|biggest|record)\b"),
    "past": re.compile(r"\b(?:was|were|had|did|\w+ed)\b"),
    "future": re.compile(r"\b(?:will|won't|going to|plans? to|expected to)\b"),
    "modal": re.compile(r"\b(?:should|must|could|would|might|may|ought)\b"),
    "first_person": re.compile(r"\b(?:i|i'm|i've|me|my|we|we're|we've|our|us)\b"),
    "second_person": re.compile(r"\b(?:you|your|you're)\b"),
    "attribution": re.compile(r"\b(?:said|says|according|reported|told|announced|stated|claimed)\b"),
    "negation": re.compile(r"\b(?:not|no|never|n't|nothing|none)\b|n't"),
    "opinion": re.compile(r"\b(?:think|believe|feel|hope|want|wish|great|good|bad|terrible|"
                          r"wonderful|wrong|right|love|thank|thanks)\b"),
    "law": re.compile(r"\b(?:law|laws|bill|illegal|legal|legislation|tax|taxes|court|regulation)\b"),
    "money": re.compile(r"\b(?:billion|million|trillion|dollars?|budget|deficit|debt|percent)\b|[$%£€]"),
}


def features(text: str) -> list[str]:
    """Return the sentence's feature names (word uni/bigrams and cue flags).

    Figures become ``<num>`` and years ``<year>`` so that the model learns "a number is here",
    not which number.
    """
    lower = text.lower()
    tokens = ["<year>" if _YEAR.fullmatch(t) else "<num>" if t[0].isdigit() else t
              for t in _TOKEN.findall(lower)]
    names = [f"w={t}" for t in tokens]
    names += [f"b={a} {b}" for a, b in zip(["<s>"] + tokens, tokens + ["</s>"])]
    names += [f"cue={cue}" for cue, pattern in _CUES.items() if pattern.search(lower)]
    quantities = parse_quantities(text)
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


def score(text: str, model: dict | None = None) -> float:
    """Probability (0-1) that ``text`` is a check-worthy factual claim; higher = more check-worthy."""
    model = model or load_model()
    weights = model["weights"]
    names = set(features(text))
    scale = 1.0 / math.sqrt(len(names)) if model.get("l2_normalise") else 1.0
    logit = model["bias"] + scale * sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(min(logit, 40.0), -40.0)))

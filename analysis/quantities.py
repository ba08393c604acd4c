"""Quantities in a sentence: value, unit and whether the figure is approximate.

"nearly 1,000 offline manufacturing and distribution locations" → 1000 ``locations``,
approximate; "$2.3 billion" → 2.3e9 ``USD``; "3.5%" → 3.5 ``percent``; "26 times higher" →
26 ``ratio``. Years, dates, clock times, ordinals and identifiers ("COVID-19", "Boeing 737")
are not quantities. Every pattern is linear (no nested quantifiers), so long inputs are safe.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SMALL = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: i + 1 for i, word in enumerate(_SMALL)}
WORD_VALUES.update({word: 10 * (i + 2) for i, word in enumerate(_TENS)})
WORD_VALUES.update({"a dozen": 12, "dozen": 12, "twice": 2})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Scale letters glued to a figure: "$2.3bn", "£40m", "5k".
_SUFFIX_SCALES = {"bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
                  "k": 1_000, "tn": 1_000_000_000_000}
CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "£": "GBP", "gbp": "GBP", "pound": "GBP",
    "pounds": "GBP", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "¥": "JPY",
    "yen": "JPY", "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "₹": "INR", "rupees": "INR",
}
# Cues that make a figure approximate (bounds count: "more than", "up to").
APPROXIMATE_CUES = ("nearly", "almost", "about", "around", "approximately", "roughly", "some",
                    "over", "under", "more than", "less than", "fewer than", "up to", "at least",
                    "at most", "close to", "an estimated", "estimated", "as many as", "as much as",
                    "upwards of", "just over", "just under", "well over", "almost exactly", "~")
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
# Words before a four-digit number that make it a year ("in 2016", "the 2019 election").
_YEAR_LEAD = {"in", "since", "by", "from", "to", "until", "till", "of", "the", "and", "or", "year",
              "early", "late", "mid", "before", "after", "during", "between", "through", "than",
              "fiscal", "spring", "summer", "autumn", "fall", "winter", "season", "class"} | MONTHS
# Words that end the noun phrase naming a figure's unit.
_UNIT_STOP = set("""the a an of in on at to for from by with as than that which who whom whose
    and or but nor so yet if when while since after before during into onto over under about
    around between among per each every more less most least this these those it its their his
    her our my your they he she we i you them him us was were is are be been being had has have
    will would could can may might must shall should did do does said says say not no also just
    only even still then there here now all some any both such other another what where how why
    had been against via within without across toward towards up down out off last next ago""".split())
_IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "staff", "personnel", "cattle",
                      "feet", "teeth", "mice", "geese", "sheep", "fish", "troops", "data"}
_TIME_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o'clock\b)", re.I)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]{0,40})")
_COMPARATIVE_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:as|than|more|less|higher|lower|larger|bigger|"
                                r"greater|smaller|faster|slower|\w+er)\b", re.I)

_word_numbers = sorted(WORD_VALUES, key=len, reverse=True)
QUANTITY = re.compile(
    r"(?P<approx>\b(?:" + "|".join(re.escape(c) for c in sorted(APPROXIMATE_CUES[:-1], key=len, reverse=True))
    + r")\s+|~\s*)?"
    r"(?P<currency>US\$|A\$|C\$|HK\$|\$|£|€|¥|₹|(?:USD|EUR|GBP|RMB|CNY)\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>[A-Za-z]{1,3})?"
    r"|(?P<words>(?:" + "|".join(_TENS) + r")-(?:" + "|".join(_SMALL[:9]) + r")|"
    + "|".join(_word_numbers) + r"|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b))\b)"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<percent>\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)?"
    r"(?P<times>\s+times\b)?",
    re.IGNORECASE,
)


def parse_quantities(text: str) -> list[dict]:
    """Find the quantities in one sentence.

    Args:
        text: A sentence (any string; never raises).

    Returns:
        One dict per quantity, in text order: ``text`` (the span, from an approximating cue to
        the unit), ``value`` (int when whole, else float), ``unit`` (``percent``, a currency
        code such as ``USD``, ``ratio`` for "N times higher", ``times``, or the counted noun
        as written, e.g. ``arrests``; empty when none) and ``approximate`` (bool).
    """
    found = []
    for match in QUANTITY.finditer(text):
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(text: str, match: re.Match) -> dict | None:
    """Turn one regex match into a quantity dict, or ``None`` when it is not a quantity."""
    groups = match.groupdict()
    number_start = match.start("digits") if groups["digits"] else match.start("words")
    if not _word_boundary(text, match.start()) or _is_identifier(text, number_start, groups):
        return None
    value = _value(groups)
    if value is None:
        return None
    end = match.end()
    currency = CURRENCIES.get((groups["currency"] or "").strip().lower())
    unit = ""
    if groups["percent"]:
        unit = "percent" if "point" not in groups["percent"].lower() else "percentage points"
    elif groups["times"]:
        unit = "ratio" if _COMPARATIVE_AFTER.match(text, end) else "times"
    elif groups["words"] and groups["words"].lower() == "twice":
        unit = "ratio"
    else:
        unit, end = _unit_after(text, end, currency)
    if groups["digits"] and _is_date_or_year(text, match, groups, unit):
        return None
    if groups["words"] and not unit and not groups["scale"]:
        return None  # "the two said", "one of them": a word number with nothing counted
    start = match.start() if groups["approx"] else match.start("currency") if groups["currency"] \
        else number_start
    return {"text": text[start:end], "value": value, "unit": unit,
            "approximate": bool(groups["approx"])}


def _value(groups: dict) -> int | float | None:
    """The figure's value with its scale applied (``None`` for glued letters like "1st")."""
    if groups["digits"]:
        try:
            value = Decimal(groups["digits"].replace(",", ""))
        except InvalidOperation:
            return None
        glued = (groups["glued"] or "").lower()
        if glued:
            if glued not in _SUFFIX_SCALES or (glued in ("m", "b", "k") and not groups["currency"]):
                return None  # ordinals, "5km", "COVID19x": not counted quantities
            value *= _SUFFIX_SCALES[glued]
    else:
        words = groups["words"].lower()
        value = Decimal(1) if words == "a" else Decimal(
            sum(WORD_VALUES[part] for part in words.split("-")) if "-" in words else WORD_VALUES[words])
    if groups["scale"]:
        value *= SCALES[groups["scale"].lower()]
    return int(value) if value == value.to_integral_value() else float(value)


def _unit_after(text: str, position: int, currency: str | None) -> tuple[str, int]:
    """Read the counted noun after a figure: the last word of a short noun phrase.

    Returns the unit (a currency code when ``currency`` is set or a currency word follows)
    and the end offset of the quantity's text.
    """
    if currency:
        return currency, position
    words, end = [], position
    while len(words) < 5:
        match = _WORD_AFTER.match(text, end)
        if not match:
            break
        word = match.group(1)
        lower = word.lower().rstrip("'’")
        if not words and lower in CURRENCIES:
            return CURRENCIES[lower], match.end()
        if lower in ("and", "or") and words:
            following = _WORD_AFTER.match(text, match.end())
            if following and following.group(1).lower() not in _UNIT_STOP:
                end = match.end()
                continue
            break
        if (lower in _UNIT_STOP or lower in MONTHS or lower.endswith("ly")
                or (words and lower.endswith("ed"))):
            break
        words.append(word)
        end = match.end()
        if text[end:end + 1] != " ":
            break  # punctuation after the word ends the phrase
    plural = next((i for i, word in enumerate(words) if _is_plural(word)), None)
    if plural is not None:  # "1,000 arrests had": the first plural noun is what is counted
        return words[plural], text.index(words[plural], position) + len(words[plural])
    return (words[-1] if words else ""), end


def _is_plural(word: str) -> bool:
    """A plural noun by its form ("arrests", "people"), not "ss" words like "business"."""
    lower = word.lower()
    return lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


def _word_boundary(text: str, start: int) -> bool:
    """True when the match starts a word (not inside "G20" or "COVID-19")."""
    before = text[start - 1:start]
    return not before or not (before.isalnum() or before in "-./:#_")


def _is_identifier(text: str, number_start: int, groups: dict) -> bool:
    """A figure right after a capitalised name ("Boeing 737", "Article 5") or "No." names a thing."""
    if groups["approx"] or groups["currency"]:
        return False
    previous = text[max(0, number_start - 30):number_start].split()
    if not previous:
        return False
    word = previous[-1]
    if word.lower() in ("no.", "nos.", "#", "number", "no"):
        return True
    at_sentence_start = len(text[:number_start].split()) == 1
    return word[:1].isupper() and word.isalpha() and not at_sentence_start and word.lower() not in MONTHS


def _is_date_or_year(text: str, match: re.Match, groups: dict, unit: str) -> bool:
    """True for years ("in 2016"), days of months ("January 15", "15 Jan"), times and scores."""
    digits = groups["digits"]
    after = text[match.end("digits"):match.end("digits") + 2]
    if after[:1] in (":", "/") or (after[:1] in "-–" and after[1:2].isdigit()) or _TIME_AFTER.match(text, match.end("digits")):
        return True
    if text[match.start("digits") - 1:match.start("digits")] in ("/", ":"):
        return True
    previous = text[max(0, match.start() - 20):match.start()].split()
    previous_word = previous[-1].lower().strip(".,'’") if previous else ""
    if previous_word in MONTHS and len(digits) <= 2:
        return True
    next_word = _WORD_AFTER.match(text, match.end("digits"))
    if next_word and next_word.group(1).lower().rstrip(".") in MONTHS and len(digits) <= 2:
        return True
    if groups["currency"] or groups["scale"] or groups["percent"] or groups["times"] or groups["approx"]:
        return False
    is_year_like = len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2100
    return is_year_like and (not unit or previous_word in _YEAR_LEAD)

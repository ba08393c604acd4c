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
# Units glued to a figure: "10km", "5kg", "300mph" (a bare "m" stays ambiguous: metres or million).
GLUED_UNITS = {"km", "kg", "cm", "mm", "mi", "ft", "lb", "lbs", "mph", "kmh", "gw", "mw", "kw", "gb",
               "tb", "mb", "ml", "kph"}
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
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_CURRENCY_CODES = "usd eur gbp rmb cny".split()
# Matched against the lower-cased sentence (see _fold). The lookahead lets the regex engine skip
# positions that cannot start a figure, which makes the scan several times faster.
_FIGURE_START = r"(?=[\d$£€¥₹]|\b(?:us|a|c|hk|" + "|".join(_CURRENCY_CODES + _TENS + _SMALL) + r"|twice|dozen)\b)"
_QUANTITY_BODY = (
    r"(?P<currency>(?:us\$|a\$|c\$|hk\$|\$|£|€|¥|₹|usd|eur|gbp|rmb|cny)\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>[a-z]{1,3})?"
    r"|(?P<words>(?:" + "|".join(_TENS) + r")-(?:" + "|".join(_SMALL[:9]) + r")|"
    + "|".join(_word_numbers) + r"|a(?=\s+(?:" + _SCALE_WORDS + r")\b))\b)"
    r"(?:\s+(?P<scale>" + _SCALE_WORDS + r")\b)?"
    r"(?P<percent>\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)?"
    r"(?P<times>\s+times\b)?"
)
QUANTITY = re.compile(_FIGURE_START + _QUANTITY_BODY)
# QUANTITY for a text where no figure can start with a letter (see _starts_at_symbols): the
# regex engine then tests one character class at each position instead of a list of words.
_QUANTITY_AT_SYMBOL = re.compile(r"(?=[\d$£€¥₹])" + _QUANTITY_BODY)
# An approximating cue ending right before a figure (searched in a short window before it).
APPROXIMATE_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(c) for c in sorted(APPROXIMATE_CUES[:-1], key=len, reverse=True))
    + r")\s+|~\s*)\Z")
# Every QUANTITY match holds a digit or one of these words (a number word, or a scale word after "a").
_NUMBER_WORDS = (*_SMALL, *_TENS, "twice", "dozen", *SCALES)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)
#: The words a quantity can start with besides "a", "us", "c" and "hk" (see _starts_at_symbols):
#: the only words of a text that parse_quantities looks at.
QUANTITY_WORDS = _NUMBER_WORD_SET | frozenset(_CURRENCY_CODES)
_DIGIT = re.compile(r"\d")
_ASCII_NON_DIGITS = bytes(byte for byte in range(128) if not chr(byte).isdigit())


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (what ``\\d`` matches). ASCII text (nearly all) is tested by
    deleting its other bytes in one C call, about twice as fast as the regex search."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_NON_DIGITS))
    return _DIGIT.search(text) is not None


_CUE_WINDOW = 30
_MAX_DIGITS = 18  # longer digit runs are identifiers (and would not fit a JSON number reader)


def parse_quantities(text: str, words: set[str] | None = None) -> list[dict]:
    """Find the quantities in one sentence.

    Args:
        text: A sentence (any string; never raises).
        words: The words (runs of word characters) of ``text.lower()``, when already known
            (those outside :data:`QUANTITY_WORDS` may be left out): cheaper tests then rule
            out more sentences and more positions (see :func:`may_hold_quantity`).

    Returns:
        One dict per quantity, in text order: ``text`` (the span, from an approximating cue to
        the unit), ``value`` (int when whole, else float), ``unit`` (``percent``, a currency
        code such as ``USD``, ``ratio`` for "N times higher", ``times``, or the counted noun
        as written, e.g. ``arrests``; empty when none) and ``approximate`` (bool).
    """
    folded = _fold(text)
    found = []
    if not may_hold_quantity(folded, words):
        return found
    pattern = _QUANTITY_AT_SYMBOL if _starts_at_symbols(folded, words) else QUANTITY
    for match in pattern.finditer(folded):
        cue = APPROXIMATE_BEFORE.search(folded, max(0, match.start() - _CUE_WINDOW), match.start())
        quantity = _quantity(text, match, cue.start() if cue else None)
        if quantity is not None:
            found.append(quantity)
    return found


def may_hold_quantity(folded: str, words: set[str] | None = None) -> bool:
    """Whether lower-cased text holds a digit or a number word, which every quantity needs
    (a cheap test that skips the full pattern on most sentences).

    Args:
        folded: The text, lower-cased by :func:`_fold`.
        words: The words of ``text.lower()``, when known: the number word must then be one of
            them, not just inside one ("often" holds "ten"). A quantity's number word is a
            whole word of ``folded``, and lower-casing changes no character around it.
    """
    if has_digit(folded):
        return True
    if words is not None:
        return not words.isdisjoint(_NUMBER_WORD_SET)
    for word in _NUMBER_WORDS:  # a loop: faster than any() over a generator
        if word in folded:
            return True
    return False


def _starts_at_symbols(folded: str, words: set[str] | None) -> bool:
    """Whether every :data:`QUANTITY` match in ``folded`` starts with a digit or a currency sign.

    A match starting with a letter starts with a whole word of ``folded`` (the lookahead) that
    is a number word, a currency code, "us$" or the like (a "$" in the text), "a dozen" or "a"
    before a scale word ("a million"): each holds a word of :data:`QUANTITY_WORDS` or a "$".

    Args:
        folded: The text, lower-cased by :func:`_fold`.
        words: The words of ``text.lower()`` as :func:`parse_quantities` takes them, or ``None``
            (unknown: the answer is then ``False``).
    """
    return words is not None and "$" not in folded and words.isdisjoint(QUANTITY_WORDS)


def _fold(text: str) -> str:
    """Lower-case ``text`` keeping every character's offset (rare letters like "İ" grow when
    lower-cased; those stay as they are)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _quantity(text: str, match: re.Match, cue_start: int | None) -> dict | None:
    """Turn one regex match into a quantity dict, or ``None`` when it is not a quantity.

    ``cue_start`` is where an approximating cue before the figure starts (``None`` if none).
    """
    groups = match.groupdict()
    number_start = match.start("digits") if groups["digits"] else match.start("words")
    if not _word_boundary(text, match.start()) or _is_identifier(text, number_start, groups, cue_start):
        return None
    value = _value(groups)
    if value is None:
        return None
    end = match.end()
    currency = CURRENCIES.get((groups["currency"] or "").strip())
    unit = ""
    if groups["glued"] in GLUED_UNITS:
        unit = groups["glued"]
    elif groups["percent"]:
        unit = "percent" if "point" not in groups["percent"] else "percentage points"
    elif groups["times"]:
        unit = "ratio" if _COMPARATIVE_AFTER.match(text, end) else "times"
    elif groups["words"] == "twice":
        unit = "ratio"
    else:
        unit, end = _unit_after(text, end, currency)
    if groups["digits"] and _is_date_or_year(text, match, groups, unit, cue_start):
        return None
    if groups["words"] and not unit and not groups["scale"]:
        return None  # "the two said", "one of them": a word number with nothing counted
    start = cue_start if cue_start is not None else match.start()
    return {"text": text[start:end], "value": value, "unit": unit, "approximate": cue_start is not None}


def _value(groups: dict) -> int | float | None:
    """The figure's value with its scale applied (``None`` for glued letters like "1st")."""
    if groups["digits"]:
        digits = groups["digits"].replace(",", "")
        if len(digits) > _MAX_DIGITS:
            return None  # a code or a run of digits, not a figure
        try:
            value = Decimal(digits)
        except InvalidOperation:
            return None
        glued = groups["glued"] or ""
        if glued and glued not in GLUED_UNITS:
            if glued not in _SUFFIX_SCALES or (glued in ("m", "b", "k") and not groups["currency"]):
                return None  # ordinals ("1st"), times ("10am"), codes ("3D"): not quantities
            value *= _SUFFIX_SCALES[glued]
    else:
        words = groups["words"]
        value = Decimal(1) if words == "a" else Decimal(
            sum(WORD_VALUES[part] for part in words.split("-")) if "-" in words else WORD_VALUES[words])
    if groups["scale"]:
        value *= SCALES[groups["scale"]]
    return int(value) if value == value.to_integral_value() else float(value)


def _unit_after(text: str, position: int, currency: str | None) -> tuple[str, int]:
    """Read the counted noun after a figure in a short noun phrase of up to five words.

    The unit is the phrase's first plural noun ("1,000 arrests had ...") or else its last word;
    a currency (``currency``, or a currency word right after the figure) gives its code.
    Returns the unit and the end offset of the quantity's text.
    """
    if currency:
        return currency, position
    words: list[tuple[str, int]] = []  # (word, end offset)
    end = position
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
        end = match.end()
        words.append((word, end))
        if text[end:end + 1] != " ":
            break  # punctuation after the word ends the phrase
    if not words:
        return "", position
    return next(((w, e) for w, e in words if _is_plural(w)), words[-1])


def _is_plural(word: str) -> bool:
    """A plural noun by its form ("arrests", "people"), not "ss" words like "business"."""
    lower = word.lower()
    return lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


def _word_boundary(text: str, start: int) -> bool:
    """True when the match starts a word (not inside "G20" or "COVID-19")."""
    before = text[start - 1:start]
    return not before or not (before.isalnum() or before in "-./:#_")


def _is_identifier(text: str, number_start: int, groups: dict, cue_start: int | None) -> bool:
    """A figure right after a capitalised name ("Boeing 737", "Article 5") or "No." names a thing."""
    if cue_start is not None or groups["currency"]:
        return False
    window_start = max(0, number_start - 30)
    previous = text[window_start:number_start].split()
    if not previous:
        return False
    word = previous[-1]
    if word.lower() in ("no.", "nos.", "#", "number", "no"):
        return True
    at_sentence_start = window_start == 0 and len(previous) == 1
    return word[:1].isupper() and word.isalpha() and not at_sentence_start and word.lower() not in MONTHS


def _is_date_or_year(text: str, match: re.Match, groups: dict, unit: str, cue_start: int | None) -> bool:
    """True for years ("in 2016"), days of months ("January 15", "15 Jan"), times and scores."""
    digits = groups["digits"]
    after = text[match.end("digits"):match.end("digits") + 2]
    if after[:1] in (":", "/") or (after[:1] in "-–" and after[1:2].isdigit()) or _TIME_AFTER.match(text, match.end("digits")):
        return True
    if text[match.start("digits") - 1:match.start("digits")] in ("/", ":"):
        return True
    previous = text[max(0, match.start() - 20):match.start()].split()
    previous_word = previous[-1].strip(".,'’") if previous else ""
    next_word = _WORD_AFTER.match(text, match.end("digits"))
    if len(digits) <= 2 and (_is_month(previous_word) or (next_word and _is_month(next_word.group(1)))):
        return True
    if groups["currency"] or groups["scale"] or groups["percent"] or groups["times"] or cue_start is not None:
        return False
    is_year_like = len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2100
    return is_year_like and (not unit or previous_word.lower() in _YEAR_LEAD)


def _is_month(word: str) -> bool:
    """A capitalised month name or abbreviation ("May", "Jan."), not the verb "may"."""
    return word[:1].isupper() and word.lower().rstrip(".") in MONTHS

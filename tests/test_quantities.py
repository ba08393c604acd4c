"""The quantity parser: the case table (tests/data/quantities.json, with negatives) and bad input."""

import json
import re
from pathlib import Path

import pytest

from analysis import quantities
from analysis.quantities import parse_quantities

CASES = json.loads((Path(__file__).parent / "data" / "quantities.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] or "empty" for case in CASES])
def test_case_table(case):
    assert parse_quantities(case["text"]) == case["expected"]


def test_table_has_negatives_and_positives():
    assert sum(not case["expected"] for case in CASES) >= 10
    assert sum(bool(case["expected"]) for case in CASES) >= 10


@pytest.mark.parametrize("text", [
    "x" * 2_000_000,
    "1" * 100_000,
    "1," * 50_000,
    "nearly " * 20_000 + "5",
    "$$$ £££ %%% 3.3.3.3 ,,, 5bn5bn5bn",
    "\u200b\ufeff١٢٣ people, ½ of them, 5\u00a0million",
    "“Unbalanced 1,000 quotes",
])
def test_bad_input_never_raises(text):
    quantities = parse_quantities(text)
    assert all(q["text"] in text and isinstance(q["value"], (int, float)) for q in quantities)


@pytest.mark.parametrize("text, unit", [
    ("He paid 500 dollars.", "USD"),
    ("It cost US$ 12.", "USD"),
    ("Sales hit ¥40bn.", "JPY"),
    ("They raised 7 euros.", "EUR"),
])
def test_currencies(text, unit):
    assert [q["unit"] for q in parse_quantities(text)] == [unit]


@pytest.mark.parametrize("text, approximate", [
    ("nearly 50 cars", True), ("almost 50 cars", True), ("more than 50 cars", True),
    ("up to 50 cars", True), ("an estimated 50 cars", True), ("just 50 cars", False), ("50 cars", False),
])
def test_approximate_cues(text, approximate):
    assert parse_quantities(text)[0]["approximate"] is approximate


NUMBER_WORDS = [*quantities.WORD_VALUES, *quantities.SCALES, "twenty-one", "a hundred"]


@pytest.mark.parametrize("text", [
    *(f"They counted {word} cars." for word in NUMBER_WORDS), *(f"{word.upper()} people" for word in NUMBER_WORDS),
    "It cost $5.", "٣ people", "US$ 12", "the 2019 election", "Page ½", "No figure here at all.", "",
    "Some money and one often gone", "a dozen eggs", "$ dollars", "£ and € only", "İ 5 people",
])
def test_cheap_test_passes_every_text_the_full_pattern_matches(text):
    folded = quantities._fold(text)
    if any(quantities.QUANTITY.finditer(folded)):
        assert quantities.may_hold_quantity(folded)
        assert quantities.may_hold_quantity(folded, set(re.findall(r"\w+", text.lower())))


@pytest.mark.parametrize("text, holds", [
    ("Someone often sent money to the tent.", False), ("None of the hundreds", False), ("fifteen", True),
    ("twenty-one", True), ("a hundred", True), ("x5", True), ("One", True), ("oneself", False), ("", False),
])
def test_cheap_test_on_words_needs_a_whole_number_word(text, holds):
    words = set(re.findall(r"\w+", text.lower()))
    assert quantities.may_hold_quantity(quantities._fold(text), words) is holds
    assert parse_quantities(text, words) == parse_quantities(text)


@pytest.mark.parametrize("text, holds", [
    ("No figure here.", False), ("Prices rose sharply.", False), ("5 cars", True), ("fifteen cars", True),
    ("thirteen", True), ("a hundred", True), ("٣", True),
])
def test_cheap_quantity_test(text, holds):
    assert quantities.may_hold_quantity(quantities._fold(text)) is holds


@pytest.mark.parametrize("text, at_symbols", [
    ("Sales rose 5% to $2.3bn in 2019.", False), ("Sales rose 5% to £2.3bn in 2019.", True),
    ("It cost 300 euros, or US$ 12 each.", False), ("It cost usd 12.", False), ("It cost 12 eur.", False),
    ("A million people and 3 cars.", False), ("A dozen eggs cost 2.", False), ("One of 3 went.", False),
    ("Twenty-one of 30 went.", False), ("We saw 3 of them in the US.", True), ("Route 66, a c 5 us 7", True),
    ("Someone often sent 5 money orders.", True), ("٣ people and ½ a cake.", True), ("İ 5 people", True),
    ("The 2019 election, 10km away at 9 pm.", True), ("No figure here.", True), ("", True),
])
def test_symbol_start_pattern_finds_what_the_full_pattern_finds(text, at_symbols):
    """When no word can start a figure, the cheaper pattern gives the same matches; texts where
    a word starts one take the full pattern."""
    folded = quantities._fold(text)
    words = set(re.findall(r"\w+", text.lower()))
    assert quantities._starts_at_symbols(folded, words) is at_symbols
    assert quantities._starts_at_symbols(folded, words & quantities.QUANTITY_WORDS) is at_symbols
    assert quantities._starts_at_symbols(folded, None) is False
    full = [match.groupdict() | {"span": match.span()} for match in quantities.QUANTITY.finditer(folded)]
    cheap = [match.groupdict() | {"span": match.span()} for match in quantities._QUANTITY_AT_SYMBOL.finditer(folded)]
    if at_symbols:
        assert cheap == full
    elif any(folded[match["span"][0]].isalpha() for match in full):
        assert cheap != full  # a word starts a figure: the cheap pattern alone would miss it
    assert parse_quantities(text, words) == parse_quantities(text)
    assert parse_quantities(text, words & quantities.QUANTITY_WORDS) == parse_quantities(text)


@pytest.mark.parametrize("text, holds", [
    ("", False), ("no figures here.", False), ("nine hundred", False), ("x²", False), ("½ of it", False),
    ("in 2004", True), ("0", True), ("page 9", True), ("a1b", True), ("£3.5bn", True),
    ("١٢٣ people", True), ("café 7", True), ("café", False), ("".join(map(chr, range(128))), True),
    ("".join(chr(c) for c in range(128) if not chr(c).isdigit()), False),
])
def test_has_digit_agrees_with_the_regex(text, holds):
    """The byte test for ASCII text and the regex fallback answer as ``\\d`` does, both ways."""
    assert quantities.has_digit(text) is holds
    assert (re.search(r"\d", text) is not None) is holds

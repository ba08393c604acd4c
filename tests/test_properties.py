"""Property tests across stages: arbitrary text never raises, offsets always hold, and
pathological text takes linear time (fixed seed, bounded examples, so CI stays fast)."""

import time

import pytest
from hypothesis import given, settings, strategies as st

from analysis.load import RawArticle
from analysis.pipeline import analyse_record
from analysis import claims, quotes, readability
from analysis.quantities import parse_quantities
from analysis.segment import segment

NEWSY = st.lists(st.sampled_from(list("aAbBzZ ,.;:!?“”‘’\"'—-()0123456789%$£\n")
                                 + ["said", " he ", "Mr.", "U.S.", "1,000", "\n\n", "Evans", " the company "]),
                 max_size=150).map("".join)
ANY_TEXT = st.text(max_size=300)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.one_of(NEWSY, ANY_TEXT))
def test_every_stage_survives_arbitrary_text_and_offsets_hold(text):
    result = analyse_record(RawArticle("prop.txt", None, "text", text))
    assert result.report["status"] in {"loaded", "skipped"}, result.report["reason"]
    if result.report["status"] == "skipped":
        return
    [article] = result.rows["articles"]
    body = article["body"]
    for table in ("paragraphs", "sentences", "quotes", "claims"):
        for row in result.rows[table]:
            assert body[row["start"]:row["end"]] == row["text"], table


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.one_of(NEWSY, ANY_TEXT))
def test_quantity_parser_never_raises_and_spans_come_from_the_text(text):
    for quantity in parse_quantities(text):
        assert quantity["text"] in text
        assert isinstance(quantity["approximate"], bool)


def run_stages_directly(body: str) -> None:
    article = {"article_id": "p", "headline": "", "authors": [], "body": body}
    paragraphs, sentences = segment("p", body)
    quote_rows = quotes.extract_quotes(article, paragraphs, sentences)
    claims.extract_claims(article, sentences, quote_rows)
    readability.measure(article, paragraphs, sentences, quote_rows)


PATHOLOGICAL = {
    "quote marks": "“" * 3000 + "\"" * 3000 + "’" * 3000,
    "periods": "." * 20000,
    "capitals": "A" * 20000,
    "capital words": "ABC " * 5000,
    "said": "he said " * 3000,
    "digits": "1," * 10000,
    "mixed": "“No. 1,” he said. " * 1500,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_scales_linearly(name):
    """Doubling the input must not much more than double the time (no backtracking blow-ups)."""
    text = PATHOLOGICAL[name]

    def seconds(sample):
        start = time.process_time()
        result = analyse_record(RawArticle("p.txt", None, "text", sample))
        assert result.report["status"] != "failed", result.report["reason"]
        run_stages_directly(sample)  # the body as given, whatever the page parser kept
        return time.process_time() - start

    seconds(text[:200])  # warm caches
    half, full = seconds(text[: len(text) // 2]), seconds(text)
    assert full < 4 * half + 0.5, f"{name}: {half:.2f}s for half, {full:.2f}s for all"

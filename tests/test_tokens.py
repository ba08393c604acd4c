"""The shared tokenizer: tokens read through the piece cache equal spaCy's own."""

import pytest
from hypothesis import example, given, settings, strategies as st

from analysis import tokens
from analysis.tokens import MAX_TOKEN_CHARS, span_tokens, tokenize, word_tokens


def spacy_words(text):
    """``(offset, word)`` of the non-space tokens of spaCy's ``Doc`` of ``text`` (the reference)."""
    return [(token.idx, text[token.idx:token.idx + len(token)]) for token in tokenize(text)
            if not token.text.isspace()]


def cached_words(text):
    words, offsets = word_tokens(text)
    return list(zip(offsets, words))


TEXTS = [
    "He said the U.S. economy grew 3.5% in 2017.",
    "Mr. Smith didn't say: “We can't.” (Reuters) $5bn, £1.17 at 9 a.m. :) e-mail 5km²",
    "“Quote,” she said. 'Single' quotes and rock'n'roll… wait...",
    "See http://example.com/a?b=1 and www.bbc.co.uk/news, or mail@example.org!",
    "İstanbul’s Zürich-based café naïve façade 東京 😀 emoji",
    "a line\nbreak and\n\nblank lines",
    "double  spaces, a\ttab, a\xa0no-break space",
    " leading and trailing spaces ",
    "\nleading line break",
    "x" * (MAX_TOKEN_CHARS + 5) + " after a long run",
    "x" * MAX_TOKEN_CHARS + " at the limit",
    "",
    " ",
    "word",
    "cannot gonna gimme",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_tokens_equal_spacy_tokens(text):
    tokens._PIECES.clear()
    assert cached_words(text) == spacy_words(text)  # pieces not seen before
    assert cached_words(text) == spacy_words(text)  # pieces from the cache


PIECES = ["word", "Word", "U.S.", "Mr.", "don't", "it's", "(BBC)", "said,", "“Yes.”", "'s", "$5", "3.5%",
          "a.m.", ":)", "...", "—", "e-mail", "5km", "x" * 8, "Inc.", "can't.", "(Mr.", "Dr.,", "’"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES + [" ", " ", " ", "\n", "  "]), max_size=40).map("".join))
@example("U.S. The")
@example("said:)")
def test_cached_tokens_equal_spacy_tokens_on_any_mix(text):
    assert cached_words(text) == spacy_words(text)


@pytest.mark.parametrize("text, spans", [
    ("He left the U.S. The firm stayed. “Yes,” she said.", [(0, 16), (17, 33), (34, 51)]),
    ("He left the U.S.The firm stayed.", [(0, 16), (16, 32)]),  # no space between the spans
    ("One. Two. Three.", [(5, 9)]),
    ("One. Two. Three.", [(0, 4), (10, 16)]),
    ("A line\nbreak. Then  two spaces.", [(0, 13), (14, 31)]),
    (" padded . ", [(0, 10)]),
    ("Empty spans", [(0, 0), (5, 5)]),
    ("No spans", []),
])
def test_span_tokens_are_each_spans_own_tokens(text, spans):
    words, starts, ends = span_tokens(text, spans)
    assert len(ends) == len(spans)
    first = 0
    for (start, end), last in zip(spans, ends):
        own = [(start + offset, word) for offset, word in spacy_words(text[start:end])]
        assert list(zip(starts[first:last], words[first:last])) == own
        first = last
    assert first == len(words)


def test_a_full_cache_is_emptied_and_still_answers(monkeypatch):
    monkeypatch.setattr(tokens, "_MAX_PIECES", 5)
    tokens._PIECES.clear()
    for text in TEXTS[:4]:
        assert cached_words(text) == spacy_words(text)
        assert len(tokens._PIECES) <= max(5, len(set(text.split())))


ONE_TOKEN = ["economy", "A", "I", "USA", "McDonald", "km", "mph", "s", "Sept", "x" * MAX_TOKEN_CHARS]
NOT_ONE_TOKEN = ["cannot", "gonna", "dont", "Im", "don't", "U.S.", "e-mail", "5km", "café", "said,", "(BBC)", "$", ""]


@pytest.mark.parametrize("piece", ONE_TOKEN + NOT_ONE_TOKEN)
def test_the_one_token_guard_agrees_with_spacy(piece):
    guarded = tokens._one_token(piece, tokens.nlp().tokenizer.rules)
    assert guarded == (piece in ONE_TOKEN)
    if guarded:
        assert [token.text for token in tokenize(piece)] == [piece]


def test_every_short_ascii_word_that_is_no_special_case_is_one_token():
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    words = list(letters) + [a + b for a in letters for b in letters]
    special = tokens.nlp().tokenizer.rules
    for word in words:
        if tokens._one_token(word, special):
            assert [token.text for token in tokenize(word)] == [word], word


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzAKMST")), min_size=3, max_size=12))
def test_ascii_words_that_are_no_special_case_are_one_token(word):
    if tokens._one_token(word, tokens.nlp().tokenizer.rules):
        assert [token.text for token in tokenize(word)] == [word]

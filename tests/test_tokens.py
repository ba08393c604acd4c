"""The shared tokenizer: tokens read through the piece cache equal spaCy's own."""

import random
from bisect import bisect_right
from itertools import accumulate, product

import pytest
from hypothesis import example, given, settings, strategies as st
from spacy.attrs import ORTH

from analysis import tokens
from analysis.tokens import MAX_TOKEN_CHARS, span_tokens, tokenize, word_tokens


def spacy_words(text):
    """``(offset, word)`` of the non-space tokens of spaCy's ``Doc`` of ``text`` (the reference)."""
    return [(token.idx, text[token.idx:token.idx + len(token)]) for token in tokenize(text)
            if not token.text.isspace()]


def cached_words(text):
    words, lower, offsets = word_tokens(text)
    assert lower == [word.lower() for word in words]
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
    words, lower, starts, ends = span_tokens(text, spans)
    assert lower == [word.lower() for word in words]
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
    texts = TEXTS[:4] * 2
    bound = 5 + max(len(set(text.split())) for text in texts)  # full, plus one text's new pieces
    for text in texts:
        assert cached_words(text) == spacy_words(text)
        assert len(tokens._PIECES) <= bound
    assert len(tokens._PIECES) < len({piece for text in texts for piece in text.split()})  # emptied


ONE_TOKEN = ["economy", "A", "I", "USA", "McDonald", "km", "mph", "s", "Sept", "x" * MAX_TOKEN_CHARS]
PLAIN = ["said,", "said.", "Blair.", "year,\"", "end.)", "\"We", "(BBC)", "well-known.", "US-led", "(a-b-c),",
         "no!?", "Yes\".", "wait;", "x:", "it.\"", "e-mail", "etc.", "(Mr", "Blair's", "BBC's,", "(Jones’s.",
         "well-known's", "A's", "WHO'S", "Blair'", "s'", "workers',", "A'\"", "(Jones')",
         "US.", "'a'", "Jones'.", "'Hello", "UKIP.", "BBC.)", "'Blair's,", "'Em.", "[sic]", "[Reuters],", "word]"]
NOT_PLAIN = ["cannot", "gonna", "dont", "Im", "don't", "U.S.", "U.K.", "A.", "'em", "'cause", "'S", "5km", "café",
             "Mr.", "Mr.,", "(Mr.", "cannot,", "said:)", "end..", "said...", "a--b", "-a", "a-", "((a", "\"\"a",
             "a,,,,", "$", "", "it's", "Let's", "that’s,", "cannot's", "'s", "Blair's's", "BBC'S.", "goin'", "ol',",
             "Blair''", "''", "'", "''a", "\"'a", "[[a", "a]]]]", "[:", "]", "[a]."]


def spacy_piece(piece):
    return [token.text for token in tokenize(piece)]


@pytest.mark.parametrize("piece", ONE_TOKEN + PLAIN + NOT_PLAIN)
def test_the_plain_piece_guard_agrees_with_spacy(piece):
    guarded = tokens._plain_tokens(piece, tokens.nlp().tokenizer.rules)
    assert (guarded is not None) == (piece in ONE_TOKEN + PLAIN)
    if guarded is not None:
        assert guarded == spacy_piece(piece)
    if piece in ONE_TOKEN:
        assert guarded == [piece]


def test_every_short_ascii_word_that_is_no_special_case_is_one_token():
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    words = list(letters) + [a + b for a in letters for b in letters]
    special = tokens.nlp().tokenizer.rules
    for word in words:
        if tokens._plain_tokens(word, special) is not None:
            assert spacy_piece(word) == [word], word


#: Words next to special cases ("Mr", "cannot", "etc", "US", "it's"), a capital before a stop, hyphens, possessives.
CORES = ["a", "A", "US", "Mr", "etc", "Jan", "cannot", "i", "s", "co", "e-mail", "US-led", "well-known", "Inc",
         "a's", "A’s", "Mr's", "it's", "He’S", "US-led's", "cannot's"]
MARKS = ".,;:!?\")('-[]"


def test_every_word_with_up_to_three_marks_around_it_is_split_as_spacy_splits_it():
    special = tokens.nlp().tokenizer.rules
    closings = [""] + ["".join(marks) for n in (1, 2, 3) for marks in product(MARKS, repeat=n)]
    pieces = [opening + core + closing for opening in ("", "\"", "(", "'", "[") for core in CORES
              for closing in closings]
    guarded = {piece: tokens._plain_tokens(piece, special) for piece in pieces}
    told = [piece for piece in pieces if guarded[piece] is not None]
    assert len(told) > len(pieces) / 5  # the guard tells many of them
    words, offsets = tokens._doc_tokens("\n".join(told))  # spaCy, one call
    ends = list(accumulate(len(piece) + 1 for piece in told))
    spacy = [[] for _ in told]
    for word, offset in zip(words, offsets):
        spacy[bisect_right(ends, offset)].append(word)
    assert [guarded[piece] for piece in told] == spacy


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzAKMST-.,:;!?\"()[]'’")),
               min_size=1, max_size=12))
def test_plain_pieces_are_split_as_spacy_splits_them(piece):
    guarded = tokens._plain_tokens(piece, tokens.nlp().tokenizer.rules)
    if guarded is not None:
        assert guarded == spacy_piece(piece)


def test_the_plain_word_shortcuts_agree_with_the_plain_piece_rule():
    # a word alone and a word with one closing mark skip the regular expression: same answer
    special = tokens.nlp().tokenizer.rules
    closings = [""] + list(MARKS) + [a + b for a in MARKS for b in MARKS]
    pieces = [opening + core + closing for opening in ("", "\"", "(", "'", "[") for core in CORES + ONE_TOKEN[:-1]
              for closing in closings] + PLAIN + NOT_PLAIN
    shortcut = [piece for piece in pieces if piece[:-1].isascii() and piece[:-1].isalpha() or piece.isalpha()]
    assert len(shortcut) > 200
    assert [tokens._plain_tokens(piece, special) for piece in pieces] == \
        [tokens._plain_parts(piece, special) for piece in pieces]


def spacy_pieces(pieces):
    """spaCy's words of each piece (no whitespace in any), from one call over all of them."""
    words, offsets = tokens._doc_tokens("\n".join(pieces))
    ends = list(accumulate(len(piece) + 1 for piece in pieces))
    split = [[] for _ in pieces]
    for word, offset in zip(words, offsets):
        split[bisect_right(ends, offset)].append(word)
    return split


def random_figures(count, seed=6):
    """Pieces mixing digits with punctuation, currency signs and letters (a fixed seed)."""
    rng = random.Random(seed)
    others = list(".,%-/:()$£€'\"+x") + ["am", "p.m.", "bn", "m", "km", "s", "th", "<", ")", "A"]
    pieces = []
    for _ in range(count):
        parts = [rng.choice("0123456789") * rng.randint(1, 3) if rng.random() < 0.6 else rng.choice(others)
                 for _ in range(rng.randint(1, 5))]
        pieces.append("".join(parts))
    return pieces


DIGIT_CASES = ["10am", "2p.m.", "8)", "<3", "1.2.3.4", "(10am),", "£8)", "x<3", "192.168.0.1/a", "9.9.9.9.",
               "10.0.0.1:80/x"]


def test_pieces_of_one_digit_shape_split_alike():
    # each special case or address also with its digits changed: spaCy tells those apart
    variants = [case.translate(str.maketrans("0123456789", digits)) for case in DIGIT_CASES
                for digits in ("1234567890", "9876543210", "5555555555", "3141592653")]
    pieces = random_figures(4000) + DIGIT_CASES + variants + ["£4.5bn", "£2.7bn", "(£9.9m).", "1,234", "1.2.3"]
    by_shape, lengths = {}, {}
    for piece, words in zip(pieces, spacy_pieces(pieces)):
        if shape := tokens._digit_shape(piece):
            by_shape.setdefault(shape, set()).add(piece)
            lengths.setdefault(shape, set()).add(tuple(map(len, words)))
    assert sum(len(alike) > 1 for alike in by_shape.values()) > 200  # many shapes of several pieces
    assert {shape: split for shape, split in lengths.items() if len(split) > 1} == {}


@pytest.mark.parametrize("piece", DIGIT_CASES + ["word", "U.S.", "", "£"])
def test_no_digit_shape_for_digit_special_cases_addresses_or_words(piece):
    assert tokens._digit_shape(piece) == ""


@pytest.mark.parametrize("piece, shape", [("£4.5bn", "£5.5bn"), ("1,234", "5,555"), ("(9%).", "(5%)."),
                                          ("1.2.3", "5.5.5"), ("7bn", "5bn")])
def test_digit_shape_puts_every_digit_as_5(piece, shape):
    assert tokens._digit_shape(piece) == shape


def test_figures_read_through_their_shapes_equal_spacy_tokens():
    tokens._PIECES.clear()
    tokens._SHAPES.clear()
    text = " ".join(random_figures(1500, seed=7) + DIGIT_CASES)
    assert cached_words(text) == spacy_words(text)
    assert 0 < len(tokens._SHAPES) < len({piece for piece in text.split() if tokens._digit_shape(piece)})


@pytest.mark.parametrize("case", tokens._CASES_OF_THEMSELVES)
def test_cases_of_themselves_are_special_cases_of_one_token_of_their_own_text(case):
    assert [token[ORTH] for token in tokens.nlp().tokenizer.rules[case]] == [case]
    assert spacy_piece(case) == [case]

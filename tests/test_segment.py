"""Paragraph and sentence segmentation: offsets exact, news abbreviations survive."""

import pytest
from hypothesis import example, given, settings, strategies as st

from analysis.segment import (_NEXT_PIECES, _REST_OF_PIECE, _Tokens, _is_separator, _one_sentence, _sentence_spans,
                              _single_spaced, _stretches, is_currency, paragraph_spans, segment, sentence_spans)
from analysis.tokens import MAX_TOKEN_CHARS, masked, offsets_in_text, tokenize


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("He lives in the U.S. and works in Canada.", ["He lives in the U.S. and works in Canada."]),
    ("He moved to the U.S. The company followed.", ["He moved to the U.S.", "The company followed."]),
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("It opened on Jan. 5 in Paris. Crowds came.", ["It opened on Jan. 5 in Paris.", "Crowds came."]),
    ("Prices rose 3.5% in May. Rents fell.", ["Prices rose 3.5% in May.", "Rents fell."]),
    ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
    ("She said: “It is clear. We will act.” Then she left.",
     ["She said: “It is clear.", "We will act.”", "Then she left."]),
    ("“Really?” she asked. “Yes.”", ["“Really?” she asked.", "“Yes.”"]),
    ("Wait... what happened? Nobody knows!", ["Wait... what happened?", "Nobody knows!"]),
    ("It cost $2.3 billion, e.g. for roads. Critics objected.",
     ["It cost $2.3 billion, e.g. for roads.", "Critics objected."]),
    ("no capital after this. still the same sentence", ["no capital after this. still the same sentence"]),
    ("It was spent on homes. £1.17 billion went to family.",
     ["It was spent on homes.", "£1.17 billion went to family."]),
    ("Sales rose. “$3m is a lot,” he said.", ["Sales rose.", "“$3m is a lot,” he said."]),
    ("The fee is in £. it was paid.", ["The fee is in £. it was paid."]),
])
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_paragraphs_are_blank_line_separated():
    body = "First para.\n\nSecond para, line one.\nline two.\n\nThird."
    assert [body[s:e] for s, e in paragraph_spans(body)] == [
        "First para.", "Second para, line one.\nline two.", "Third."]


def test_segment_rows_have_exact_offsets():
    body = "One. Two here.\n\n“Three,” he said. Four."
    paragraphs, rows = segment("a1", body)
    assert [p["paragraph_id"] for p in paragraphs] == [0, 1]
    assert [r["sentence_id"] for r in rows] == list(range(len(rows)))
    for row in paragraphs + rows:
        assert body[row["start"]:row["end"]] == row["text"]
    assert [r["paragraph_id"] for r in rows] == [0, 0, 1, 1]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("ab .!?“”\"'\nABC3%…")), max_size=300))
def test_segmentation_never_raises_and_offsets_hold(text):
    paragraphs, rows = segment("x", text)
    for row in paragraphs + rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["text"].strip() == row["text"] and row["text"]
    # Sentences cover every non-space character of every paragraph.
    assert sum(len("".join(r["text"].split())) for r in rows) == sum(
        len("".join(p["text"].split())) for p in paragraphs)


def test_pathological_text_is_fast():
    import time

    start = time.perf_counter()
    segment("x", "." * 20_000 + " " + "A" * 20_000 + "“" * 5_000)
    assert time.perf_counter() - start < 10  # generous: guards against super-linear blow-ups only


PIECES = ["No.", "U.S.", ".", "?!", "…", "“", "”", '"', "(", "£", "$5", "A", "The", "x" * 210, "  ", "\n", " \n",
          "\t", " the big red dog"] + [" the", " word"] * 8


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_only_stretches_are_tokenized_and_their_tokens_are_the_whole_texts(text):
    whole = tokenize(text)
    by_start = {token.idx: (token.text if len(token) <= MAX_TOKEN_CHARS else "x" * len(token),
                            bool(token.whitespace_), token.is_currency) for token in whole}
    read = _Tokens(text, _stretches(text))
    assert len(read.words) <= len(whole)
    for word, start, spaced in zip(read.words, read.starts, read.spaced):
        assert by_start[start] == (word, spaced, is_currency(word))


def doc_tokens(text, stretches):
    """The rules' tokens of ``stretches`` read from spaCy's ``Doc`` of the joined stretches."""
    joined = "".join(text[start:end] for start, end in stretches)
    doc = tokenize(joined)
    starts, _ = offsets_in_text([token.idx for token in doc], stretches, gap=0)
    return [masked(joined)[t.idx:t.idx + len(t)] for t in doc], starts, [bool(t.whitespace_) for t in doc]


@pytest.mark.parametrize("text, single_spaced", [
    ("He moved to the U.S. The company followed.", True),
    ("Mr. Smith met Dr. Jones. They talked. No. 10 won. It's 5 p.m. Don't.", True),
    ("Prices rose 3.5% in May. Rents fell to $2.3bn, or £5m. (Really.) “Yes.” ‘No’.", True),
    ("She smiled :) Then left. See http://bbc.co.uk/news. Mail a@b.com. Done!", True),
    ("Ça coûte 5 €. Über alles. İstanbul? Ναι. 東京。Fine. naïve.", True),
    ("Wait... what?! Nobody knows!! (U.S.-led) [sic]. cannot. gonna. 'tis.", True),
    ("x" * 250 + ". The end. " + "y." * 150, True),
    ("Trailing space. ", True),
    ("It ended.  Two spaces here. Then more.", False),
    ("Line one ends.\nLine two starts. Then.", False),
    ("Tab\tended. Here.", False),
    ("Trailing spaces.  ", False),
    (" Leading space. Here.", False),
    ("No\u00a0break. Here.", False),
    ("", True),
])
def test_tokens_from_the_piece_cache_equal_spacys_doc(text, single_spaced):
    """Single-spaced stretches take their tokens from the shared piece cache; the rest from
    spaCy's Doc. Either way the rules read spaCy's tokens: words, offsets, trailing spaces."""
    assert _single_spaced(text) is single_spaced
    for stretches in ([(0, len(text))], _stretches(text)):
        tokens = _Tokens(text, stretches)
        assert (tokens.words, tokens.starts, tokens.spaced) == doc_tokens(text, stretches)


@pytest.mark.parametrize("text, signs", [("£5 or $5, €5bn, US$3, ¥ 7", 4), ("5 . % $ 5$", 2), ("no money", 0)])
def test_currency_signs_are_spacys(text, signs):
    tokens = tokenize(text)
    assert [is_currency(token.text) for token in tokens] == [token.is_currency for token in tokens]
    assert sum(map(is_currency, (token.text for token in tokens))) == signs


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from([" ", "  ", "\n", " \n ", "\t", "a", "U.S.", ".", "“", "x" * 5]), max_size=40).map("".join),
       st.integers(0, 60))
def test_pieces_end_at_the_separators_after_a_position(text, position):
    position = min(position, len(text))
    separators = [at for at in range(len(text)) if text[at] == " " and _is_separator(text, at)]
    after = [at for at in separators if at >= position] + [len(text)] * 4
    piece_end = _REST_OF_PIECE.match(text, position).end()
    assert piece_end == after[0]
    for n, pattern in _NEXT_PIECES.items():
        assert pattern.match(text, piece_end).end() == after[n]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES + [" ", " ", "Mr.", "etc.", "“The", "(A", "$", "‘", "5.", "i.e.", ".”", "e.g.", "St."]),
                max_size=60).map("".join))
@example("He moved to the U.S. “ £ 5 went.")
@example("It fell. “ $ 5 was lost.")
@example("Talks ended. ( The rest.")
@example("He left the U.S. The firm stayed.")
@example("He left the U.S. Then, it rose.")
@example("No. 5 won. 2 more ran.")
def test_sentences_from_stretches_equal_those_from_the_whole_text(text):
    whole = _Tokens(text, [(0, len(text))])
    assert sentence_spans(text) == _sentence_spans(text, whole, 0)


@pytest.mark.parametrize("text, one_sentence", [
    ("He said so.", True),
    ("“It is clear,” she said.”", True),
    ("Really?!”)", True),
    ("Ends with dots...", True),
    ("No final mark at all", True),
    ("  Padded.", True),
    ("", True),
    ("A" + "." * 100_000, True),
    ("A" + "”" * 50_000 + "!", True),
    ("One. Two.", False),
    ("He left the U.S. envoy behind.", False),
    ("Prices rose 3.5% in May", False),
    ("He said.“Next one.”", False),
    ("it ended. the rest is lower case", False),
    ("Wait... what?", False),
    ("Padded. \n", False),
    ("“Yes.” No.", False),
    ("." * 50_000 + "A", False),
])
def test_one_sentence_guard_agrees_with_the_rules(text, one_sentence):
    """A text the guard settles gets the spans the rules would give it; the others go through them."""
    assert _one_sentence(text) is one_sentence
    assert sentence_spans(text, 3) == _sentence_spans(text, _Tokens(text, _stretches(text)), 3)


@pytest.mark.parametrize("text, expected", [
    ("It fell. “ £ 5 was lost,” he said.", ["It fell.", "“ £ 5 was lost,” he said."]),
    ("Alpha " * 30 + "ends. " + "Beta " * 30 + "ends. U.S. Steel rose.",
     ["Alpha " * 30 + "ends.", "Beta " * 30 + "ends.", "U.S. Steel rose."]),
    ("No words end here", ["No words end here"]),
])
def test_sentences_across_stretch_edges(text, expected):
    assert sentences(text) == expected

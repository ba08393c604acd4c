"""Article view: escaping, overlapping spans, empty tables, stable speaker colours, corpus browser."""

import json
import sys
from html import unescape
from html.parser import HTMLParser

import pytest

from analysis.tables import Tables, frame, read_tables
from analysis.schema import TABLES
from analysis.view import (PALETTE, UNRESOLVED_COLOUR, ArticleView, Span, browse, render_body,
                           show, speaker_colours, tint)

BODY = ("The mayor said the bridge would reopen in March.\n\n"
        "“It will cost $2.3 million,” said Jane Doe, the transport director.\n\n"
        "Critics said the plan was late.")
ATTACK = "<script>alert(1)</script>"


def span_of(text, body=BODY):
    start = body.index(text)
    return start, start + len(text)


def article(**fields):
    row = {"article_id": "a1", "headline": "Bridge to reopen", "authors": ["Ann Lee"],
           "author_roles": ["City reporter"], "published": "2024-03-01", "outlet": "Gazette", "body": BODY}
    return {**row, **fields}


def quote(text, speaker, kind="direct", role="", cue="said", article_id="a1", body=BODY):
    start, end = span_of(text, body)
    return {"article_id": article_id, "quote_id": 0, "kind": kind, "start": start, "end": end, "text": text,
            "speaker": speaker, "speaker_mention": speaker, "speaker_role": role, "cue": cue, "sentence_id": 0}


def claim(text, is_claim=True, quantities=(), claim_type="quantity", hedged=False, body=BODY):
    start, end = span_of(text, body)
    return {"article_id": "a1", "claim_id": 0, "sentence_id": 0, "start": start, "end": end, "text": text,
            "checkworthiness": 0.87, "is_claim": is_claim, "claim_type": claim_type, "claimer": "reporter",
            "hedged": hedged, "quantities": list(quantities)}


def tables(articles=(), quotes=(), claims=()):
    given = {"articles": list(articles), "quotes": list(quotes), "claims": list(claims)}
    return Tables(**{name: frame(name, given.get(name, [])) for name in TABLES})


DIRECT = "“It will cost $2.3 million,”"
REPORTED = "the bridge would reopen in March"
MONEY = {"text": "$2.3 million", "value": 2300000.0, "unit": "USD", "approximate": False}


class Stretches(HTMLParser):
    """Text of rendered HTML per element (``<br>`` ignored) with the innermost ``<span>``'s style and title."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces, self.open, self.elements = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.elements += 1
        if tag == "span":
            self.open.append(dict(attrs))

    def handle_endtag(self, tag):
        self.elements += 1
        if tag == "span":
            self.open.pop()

    def handle_data(self, data):
        attrs = self.open[-1] if self.open else {}
        piece = [self.elements, data, attrs.get("style", ""), attrs.get("title", "")]
        if self.pieces and self.pieces[-1][0] == self.elements:  # only <br> in between
            self.pieces[-1][1] += data
        else:
            self.pieces.append(piece)


def stretches(html):
    parser = Stretches()
    parser.feed(html)
    assert not parser.open, "unbalanced <span> tags"
    return [tuple(piece[1:]) for piece in parser.pieces]


def covering(html, text):
    """Style and title of the stretch that contains ``text``."""
    return next((style, title) for piece, style, title in stretches(html) if text in piece)


# --- the body sweep ------------------------------------------------------------------------------

@pytest.mark.parametrize("spans", [
    [],
    [Span(0, 10, "quote", "a", "q")],
    [Span(0, 40, "claim", "c", "claim"), Span(5, 20, "quote", "q", "quote")],          # nested
    [Span(0, 20, "claim", "c", "claim"), Span(10, 30, "quote", "q", "quote")],         # crossing
    [Span(3, 9, "quote", "q1", "1"), Span(3, 9, "quote", "q2", "2")],                  # identical
    [Span(5, 5, "quote", "q", "empty"), Span(-4, 3, "claim", "c", "x"),
     Span(len(BODY) - 2, len(BODY) + 50, "quantity", "n", "x")],                       # clipped / empty
])
def test_render_body_keeps_every_character_once(spans):
    html = render_body(BODY, spans)
    assert "".join(piece for piece, _, _ in stretches(html)) == BODY


def test_newlines_are_drawn_as_line_breaks():
    html = render_body("One.\n\nTwo <b>.", [Span(2, 10, "quote", "q", "t")])
    assert html == 'On<span style="q" title="t">e.<br>\n<br>\nTwo </span>&lt;b&gt;.'


def test_overlapping_spans_combine_styles_and_titles():
    spans = [Span(0, 20, "claim", "border-bottom:2px solid red", "Claim"),
             Span(10, 30, "quote", "background-color:#FFEEAA", "Jane")]
    pieces = {piece: (style, title) for piece, style, title in stretches(render_body(BODY, spans))}
    assert pieces[BODY[0:10]] == ("border-bottom:2px solid red", "Claim")
    assert pieces[BODY[10:20]] == ("border-bottom:2px solid red;background-color:#FFEEAA", "Claim\nJane")
    assert pieces[BODY[20:30]] == ("background-color:#FFEEAA", "Jane")
    assert pieces[BODY[30:]] == ("", "")


def test_inner_quote_colour_wins_where_quotes_overlap():
    spans = [Span(0, 30, "quote", "background-color:#111111", "outer"),
             Span(10, 20, "quote", "background-color:#222222", "inner")]
    pieces = {piece: style for piece, style, _ in stretches(render_body(BODY, spans))}
    assert pieces[BODY[10:20]] == "background-color:#222222"
    assert pieces[BODY[20:30]] == "background-color:#111111"


def test_claim_containing_a_quote_and_a_quantity_renders_all_three():
    sentence = "“It will cost $2.3 million,” said Jane Doe, the transport director."
    html = show("a1", tables([article()], [quote(DIRECT, "Jane Doe", role="transport director")],
                             [claim(sentence, quantities=[MONEY])])).html
    style, title = covering(html, "$2.3 million")
    assert "border-bottom" in style and "background-color" in style and "font-weight:bold" in style
    assert title.split("\n") == ["Claim: quantity · check-worthiness 0.87 · claimer: reporter",
                                 "Jane Doe (transport director): direct quote, cue “said”",
                                 "Quantity: 2300000.0 USD"]
    style, title = covering(html, "said Jane Doe")
    assert "background-color" not in style and title.startswith("Claim: quantity")


# --- escaping ------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["body", "headline", "authors", "author_roles", "outlet", "published",
                                   "speaker", "speaker_role", "cue", "claim_type", "claimer"])
def test_text_fields_are_escaped(where):
    body = BODY + " " + ATTACK if where == "body" else BODY
    row = article(body=body)
    if where in ("authors", "author_roles"):
        row[where] = [ATTACK]
    elif where in row:
        row[where] = ATTACK
    q = quote(DIRECT, "Jane Doe", body=body)
    c = claim("Critics said the plan was late.", body=body)
    if where in q:
        q[where] = ATTACK
    if where in c:
        c[where] = ATTACK
    html = show(row, tables([row], [q], [c])).html
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_attribute_values_cannot_break_out_of_the_title():
    html = show("a1", tables([article()], [quote(DIRECT, 'Jane" onmouseover="alert(1)')])).html
    assert 'onmouseover="' not in html
    assert covering(html, "It will cost")[1].startswith('Jane" onmouseover="alert(1)')


# --- missing and malformed input ----------------------------------------------------------------

def test_empty_tables():
    empty = tables()
    assert "No articles" in browse(empty).html
    with pytest.raises(KeyError):
        show("a1", empty)
    html = show(article(), empty).html
    assert "No quotes found." in html and "0 quotes from 0 sources · 0 check-worthy claims" in html
    assert unescape(html).count("bridge would reopen") == 1


@pytest.mark.parametrize("bad", [
    {"start": None}, {"start": float("nan")}, {"end": "x"}, {"start": 10_000, "end": 20_000},
])
def test_bad_quote_offsets_are_skipped(bad):
    html = show("a1", tables([article()], [{**quote(DIRECT, "Jane Doe"), **bad}])).html
    assert "background-color:#" not in covering(html, "It will cost")[0]


def test_show_without_tables_and_without_headline():
    html = show(article(headline="", authors=None, author_roles=None)).html
    assert "Article a1" in html and "Gazette" in html


def test_unknown_article_id():
    with pytest.raises(KeyError, match="no-such-id"):
        show("no-such-id", tables([article()]))


# --- claims and quantities ----------------------------------------------------------------------

@pytest.mark.parametrize("is_claim, underlined", [(True, True), (False, False), ("True", True),
                                                 ("False", False), (None, False)])
def test_only_claims_are_underlined(is_claim, underlined):
    html = show("a1", tables([article()], [], [claim("Critics said the plan was late.", is_claim)])).html
    assert ("border-bottom:2px solid" in covering(html, "Critics")[0]) is underlined


@pytest.mark.parametrize("score, colour", [(1.0, "#C0392B"), (0.0, "#EFCECA"), (None, "#C0392B"), (7, "#C0392B")])
def test_underline_is_darker_for_more_checkworthy_claims(score, colour):
    row = {**claim("Critics said the plan was late."), "checkworthiness": score}
    assert covering(show("a1", tables([article()], [], [row])).html, "Critics")[0] == f"border-bottom:2px solid {colour}"


def test_hedged_claims_are_dashed():
    html = show("a1", tables([article()], [], [claim("Critics said the plan was late.", hedged=True)])).html
    style, title = covering(html, "Critics")
    assert "dashed" in style and "hedged" in title


@pytest.mark.parametrize("quantities, marked", [
    ([MONEY], ["$2.3 million"]),
    (json.dumps([MONEY]), ["$2.3 million"]),                       # CSV cell: JSON string
    ([{"text": "$9 billion", "value": 9e9}], []),                  # not in the sentence
    ([{"value": 3}], []), (["junk"], []), ("not json", []), (None, []),
])
def test_quantities_are_marked_where_found(quantities, marked):
    row = claim("“It will cost $2.3 million,” said Jane Doe, the transport director.")
    row["quantities"] = quantities
    html = show("a1", tables([article()], [], [row])).html
    bold = [piece for piece, style, _ in stretches(html) if "font-weight:bold" in style and piece in BODY]
    assert bold == marked


def test_csv_round_trip_renders_the_same(tmp_path):
    given = tables([article()], [quote(DIRECT, "Jane Doe", role="transport director")],
                   [claim("“It will cost $2.3 million,” said Jane Doe, the transport director.",
                          quantities=[MONEY])])
    given.write(tmp_path)
    assert show("a1", read_tables(tmp_path)).html == show("a1", given).html


# --- colours -------------------------------------------------------------------------------------

def test_colours_follow_first_appearance_whatever_the_row_order():
    rows = [quote(DIRECT, "Jane Doe"), quote(REPORTED, "The mayor", kind="indirect"),
            quote("the plan was late", "", kind="indirect")]
    expected = {"The mayor": PALETTE[0], "Jane Doe": PALETTE[1], "(unresolved)": UNRESOLVED_COLOUR}
    assert speaker_colours(rows) == expected
    assert speaker_colours(rows[::-1]) == expected


def test_each_speaker_keeps_one_colour_and_speakers_differ():
    second = "the transport director"
    rows = [quote(DIRECT, "Jane Doe"), quote(second, "Jane Doe"), quote(REPORTED, "The mayor")]
    first = show("a1", tables([article()], rows)).html
    assert first == show("a1", tables([article()], rows[::-1])).html
    jane = covering(first, "It will cost")[0]
    assert covering(first, second)[0] == jane
    assert covering(first, "would reopen")[0] != jane
    assert tint(PALETTE[1], 0.5) in jane


def test_palette_repeats_after_ten_speakers():
    body = " ".join(f"w{i}" for i in range(12))
    rows = [quote(f"w{i}", f"Speaker {i}", body=body) for i in range(12)]
    colours = speaker_colours(rows)
    assert len(set(colours.values())) == len(PALETTE) and colours["Speaker 10"] == PALETTE[0]


def test_sources_table_lists_speakers_with_roles_and_counts():
    rows = [quote(DIRECT, "Jane Doe", role="transport director"),
            quote(REPORTED, "The mayor", kind="indirect")]
    html = show("a1", tables([article()], rows)).html
    text = unescape(html)
    assert "transport director" in text and "1 (1 direct)" in text and "1 (1 indirect)" in text
    assert "2 quotes from 2 sources" in text


# --- corpus browser ------------------------------------------------------------------------------

def two_articles():
    other = article(article_id="b2", headline="Harbour ferry starts", body="The ferry runs daily.")
    return tables([article(), other])


def test_browse_falls_back_to_static_view_without_ipywidgets(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes `import ipywidgets` fail
    view = browse(two_articles())
    assert isinstance(view, ArticleView)
    assert "ipywidgets is not installed" in view.html and "Bridge to reopen" in view.html
    assert "Harbour ferry" not in view.html


def test_browse_dropdown_and_search_switch_the_article():
    widgets = pytest.importorskip("ipywidgets")
    box = browse(two_articles())
    (search, picker), view = box.children[0].children, box.children[1]
    assert isinstance(view, widgets.HTML) and "Bridge to reopen" in view.value
    picker.value = "b2"
    assert "Harbour ferry starts" in view.value
    search.value = "bridge"
    assert [value for _, value in picker.options] == ["a1"] and "Bridge to reopen" in view.value
    search.value = "no such words"
    assert picker.options == () and "No headline matches" in view.value

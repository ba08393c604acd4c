"""Article view: an article's voices, claims and quantities at a glance, as self-contained HTML.

:func:`show` renders one article: headline, byline, date, outlet, then the body with every
quote highlighted in its speaker's colour (strong tint = direct or mixed, light italic tint =
indirect), check-worthy claims underlined (paler when less check-worthy, dashed when hedged)
with their type and check-worthiness on hover, quantities in bold blue, and a sources table
beside it.
:func:`browse` wraps it in an ipywidgets search box and dropdown over the corpus.

The HTML uses inline ``style`` attributes only (no ``<style>``, no scripts, no widget
state), so it survives JupyterLab's sanitiser for untrusted outputs and nbconvert's HTML export.
Every piece of article text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from html import escape
from typing import Iterable, Mapping

#: Speaker colours in order of first appearance (Okabe-Ito, then Tableau); they repeat after 10.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2",
           "#D55E00", "#F0E442", "#8C564B", "#17BECF", "#BCBD22")
#: Colour of quotes whose speaker is unresolved (empty ``speaker``).
UNRESOLVED_COLOUR = "#999999"
UNRESOLVED_LABEL = "(unresolved)"
CLAIM_COLOUR = "#C0392B"
QUANTITY_COLOUR = "#1F4E9C"
#: How much of the speaker colour is mixed into white, by quote kind.
KIND_TINT = {"direct": 0.5, "mixed": 0.5, "indirect": 0.22}

_FONT = "font-family:Georgia,'Times New Roman',serif"
_SANS = "font-family:Helvetica,Arial,sans-serif"


@dataclass(frozen=True)
class ArticleView:
    """Rendered HTML that Jupyter displays as rich output (``_repr_html_``)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


@dataclass(frozen=True)
class Span:
    """A highlighted stretch ``body[start:end]``; ``layer`` is ``claim``, ``quote`` or ``quantity``."""

    start: int
    end: int
    layer: str
    style: str
    title: str


# --- reading cells (in-memory lists, CSV JSON strings, NaN) --------------------------------------

def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text(value) -> str:
    """Cell as a string; missing values become ``""``."""
    return "" if _is_missing(value) else str(value)


def _as_list(value) -> list:
    """List cell as a list: Python list, JSON array string (CSV), or array (Parquet)."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip().startswith("[") else []
        except ValueError:
            return []
    if _is_missing(value) or isinstance(value, (str, bytes, Mapping)):
        return []
    try:
        return list(value)
    except TypeError:
        return []


def _flag(value) -> bool:
    """Boolean cell: ``True``/``numpy.bool_``/``"True"``; missing is false."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return not _is_missing(value) and bool(value)


def _offset(value) -> int | None:
    """Offset cell as an int, or ``None`` when missing or not a number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) else None


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _rows(frame, article_id: str) -> list[dict]:
    """Rows of ``frame`` for ``article_id`` as dicts (none when the frame or column is absent)."""
    if frame is None or "article_id" not in getattr(frame, "columns", ()):
        return []
    return frame[frame["article_id"].astype(str) == article_id].to_dict("records")


# --- colours ---------------------------------------------------------------------------------------

def tint(colour: str, amount: float) -> str:
    """``colour`` (``#RRGGBB``) mixed into white; ``amount`` 1 = the colour itself, 0 = white."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in channels)


def speaker_label(speaker) -> str:
    """Display name of a quote's speaker (unresolved speakers share one label)."""
    return _text(speaker).strip() or UNRESOLVED_LABEL


def speaker_colours(quotes: Iterable[Mapping]) -> dict[str, str]:
    """Colour per speaker label, assigned in order of first appearance in the text.

    The same quotes always give the same colours, whatever their row order.
    """
    ordered = sorted(quotes, key=lambda q: (_offset(q.get("start")) or 0, _offset(q.get("end")) or 0))
    colours: dict[str, str] = {}
    for quote in ordered:
        label = speaker_label(quote.get("speaker"))
        if label not in colours:
            resolved = [name for name in colours if name != UNRESOLVED_LABEL]
            colours[label] = (UNRESOLVED_COLOUR if label == UNRESOLVED_LABEL
                              else PALETTE[len(resolved) % len(PALETTE)])
    return colours


# --- spans -------------------------------------------------------------------------------------

def quote_style(kind: str, colour: str) -> str:
    """Inline CSS of a quote of ``kind`` by a speaker drawn in ``colour``."""
    style = f"background-color:{tint(colour, KIND_TINT.get(kind, KIND_TINT['direct']))}"
    return style + ";font-style:italic" if kind == "indirect" else style


def claim_style(hedged: bool, checkworthiness: float | None = None) -> str:
    """Inline CSS of a check-worthy claim: underlined, darker when more check-worthy, dashed when hedged."""
    strength = 1.0 if checkworthiness is None else 0.25 + 0.75 * min(max(checkworthiness, 0.0), 1.0)
    return f"border-bottom:2px {'dashed' if hedged else 'solid'} {tint(CLAIM_COLOUR, strength)}"


QUANTITY_STYLE = f"font-weight:bold;color:{QUANTITY_COLOUR}"


def quote_spans(quotes: list[dict], colours: Mapping[str, str]) -> list[Span]:
    """One span per quote, coloured by speaker; the hover title names speaker, role, kind and cue."""
    spans = []
    for quote in quotes:
        start, end = _offset(quote.get("start")), _offset(quote.get("end"))
        if start is None or end is None:
            continue
        label = speaker_label(quote.get("speaker"))
        role = _text(quote.get("speaker_role")).strip()
        kind = _text(quote.get("kind")).strip() or "direct"
        cue = _text(quote.get("cue")).strip()
        title = f"{label}{f' ({role})' if role else ''}: {kind} quote" + (f", cue “{cue}”" if cue else "")
        spans.append(Span(start, end, "quote", quote_style(kind, colours[label]), title))
    return spans


def claim_spans(claims: list[dict], body: str) -> list[Span]:
    """Spans for claims with ``is_claim`` true, plus one span per quantity found in the claim.

    Quantities carry no offsets, so each is located by its text inside the claim, left to right.
    """
    spans = []
    for claim in claims:
        start, end = _offset(claim.get("start")), _offset(claim.get("end"))
        if start is None or end is None or not _flag(claim.get("is_claim")):
            continue
        claim_type = _text(claim.get("claim_type")).strip() or "claim"
        score = _number(claim.get("checkworthiness"))
        hedged = _flag(claim.get("hedged"))
        title = f"Claim: {claim_type}" + (f" · check-worthiness {score:.2f}" if score is not None else "")
        title += " · hedged" if hedged else ""
        claimer = _text(claim.get("claimer")).strip()
        title += f" · claimer: {claimer}" if claimer else ""
        spans.append(Span(start, end, "claim", claim_style(hedged, score), title))
        spans.extend(quantity_spans(_as_list(claim.get("quantities")), body, start, end))
    return spans


def quantity_spans(quantities: list, body: str, start: int, end: int) -> list[Span]:
    """Spans of ``quantities`` (dicts with ``text``, ``value``, ``unit``, ``approximate``) in ``body[start:end]``."""
    spans, cursor = [], start
    for quantity in quantities:
        if not isinstance(quantity, Mapping) or not _text(quantity.get("text")):
            continue
        found = body.find(_text(quantity["text"]), cursor, end)
        if found < 0:
            continue
        cursor = found + len(_text(quantity["text"]))
        value, unit = _text(quantity.get("value")), _text(quantity.get("unit"))
        approx = "≈ " if _flag(quantity.get("approximate")) else ""
        title = f"Quantity: {approx}{value}{f' {unit}' if unit else ''}".rstrip(": ")
        spans.append(Span(found, cursor, "quantity", QUANTITY_STYLE, title))
    return spans


# --- rendering ---------------------------------------------------------------------------------

#: Order in which the layers' styles and titles combine on a stretch of text.
LAYERS = ("claim", "quote", "quantity")


def render_body(body: str, spans: Iterable[Span]) -> str:
    """HTML of ``body`` with ``spans`` highlighted, built by a sweep over all span boundaries.

    Between two consecutive boundaries the set of covering spans is constant, so each stretch
    becomes one ``<span>`` combining their styles (for overlapping quotes, the innermost one's
    colour) and hover titles. Spans are clipped to the body; empty ones are dropped.
    """
    size = len(body)
    kept = [Span(max(0, s.start), min(size, s.end), s.layer, s.style, s.title) for s in spans]
    kept = sorted((s for s in kept if s.start < s.end), key=lambda s: (s.start, -s.end))
    cuts = sorted({0, size, *(s.start for s in kept), *(s.end for s in kept)})
    pieces, active, upcoming = [], [], iter(kept)
    pending = next(upcoming, None)
    for left, right in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > left]
        while pending is not None and pending.start == left:
            active.append(pending)
            pending = next(upcoming, None)
        pieces.append(_stretch(body[left:right], active))
    return "".join(pieces)


def _escape_text(text: str) -> str:
    """Escaped text with each newline also drawn as ``<br>`` (HTML exports collapse blank lines)."""
    return escape(text).replace("\n", "<br>\n")


def _stretch(text: str, active: list[Span]) -> str:
    if not active:
        return _escape_text(text)
    innermost = {span.layer: span for span in active}  # later (inner) spans win per layer
    layered = [innermost[layer] for layer in LAYERS if layer in innermost]
    style = ";".join(span.style for span in layered)
    title = "\n".join(span.title for span in layered)
    return f'<span style="{escape(style)}" title="{escape(title)}">{_escape_text(text)}</span>'


def byline(authors, roles) -> str:
    """``Name (Role), Name`` from the ``authors`` and ``author_roles`` cells."""
    names, titles = _as_list(authors), _as_list(roles)
    parts = []
    for i, name in enumerate(names):
        role = _text(titles[i]).strip() if i < len(titles) else ""
        parts.append(f"{_text(name)} ({role})" if role else _text(name))
    return ", ".join(parts)


def sources(quotes: list[dict], colours: Mapping[str, str]) -> list[dict]:
    """One row per speaker (first appearance order): role, colour and quote counts by kind."""
    rows = {label: {"speaker": label, "role": "", "colour": colour, "direct": 0, "mixed": 0,
                    "indirect": 0, "quotes": 0} for label, colour in colours.items()}
    for quote in quotes:
        row = rows[speaker_label(quote.get("speaker"))]
        row["role"] = row["role"] or _text(quote.get("speaker_role")).strip()
        kind = _text(quote.get("kind")).strip()
        if kind in KIND_TINT:
            row[kind] += 1
        row["quotes"] += 1
    return list(rows.values())


def _sources_table(rows: list[dict]) -> str:
    cell = "padding:2px 6px;border-bottom:1px solid #DDDDDD;text-align:left;vertical-align:top"
    head = "".join(f'<th style="{cell}">{name}</th>' for name in ("", "Speaker", "Role", "Quotes"))
    body = []
    for row in rows:
        swatch = (f'<span style="background-color:{tint(row["colour"], KIND_TINT["direct"])};'
                  f'border:1px solid {row["colour"]};padding:0 7px">&nbsp;</span>')
        counts = ", ".join(f"{row[kind]} {kind}" for kind in KIND_TINT if row[kind])
        body.append(f'<tr><td style="{cell}">{swatch}</td><td style="{cell}">{escape(row["speaker"])}</td>'
                    f'<td style="{cell}">{escape(row["role"])}</td>'
                    f'<td style="{cell}">{row["quotes"]}{f" ({counts})" if counts else ""}</td></tr>')
    if not body:
        body.append(f'<tr><td colspan="4" style="{cell}">No quotes found.</td></tr>')
    return (f'<table style="border-collapse:collapse;font-size:12px;width:100%">'
            f'<tr>{head}</tr>{"".join(body)}</table>')


def _key() -> str:
    sample = PALETTE[0]
    items = [
        (quote_style("direct", sample), "direct or mixed quote"),
        (quote_style("indirect", sample), "indirect (reported) speech"),
        (claim_style(False), "check-worthy claim (paler = less check-worthy)"),
        (claim_style(True), "hedged claim"),
        (QUANTITY_STYLE, "quantity"),
    ]
    return "<br>".join(f'<span style="{escape(style)}">{escape(label)}</span>' for style, label in items)


def render(article: Mapping, quotes: list[dict], claims: list[dict]) -> str:
    """Full HTML of one article's view from its ``articles`` row and its quote and claim rows."""
    body = _text(article.get("body"))
    colours = speaker_colours(quotes)
    spans = quote_spans(quotes, colours) + claim_spans(claims, body)
    headline = _text(article.get("headline")).strip() or f"Article {_text(article.get('article_id'))}"
    meta = [byline(article.get("authors"), article.get("author_roles")),
            _text(article.get("published")).strip(), _text(article.get("outlet")).strip()]
    meta_line = " · ".join(escape(part) for part in meta if part)
    n_claims = sum(1 for claim in claims if _flag(claim.get("is_claim")))
    summary = (f"{len(quotes)} quote{'s' * (len(quotes) != 1)} from {len(colours)} "
               f"source{'s' * (len(colours) != 1)} · {n_claims} check-worthy claim{'s' * (n_claims != 1)}")
    return (
        f'<div class="article-view" style="{_FONT};color:#1A1A1A;background-color:#FFFFFF;padding:12px;'
        f'border:1px solid #DDDDDD;max-width:1100px">'
        f'<div style="font-size:20px;font-weight:bold;line-height:1.3">{escape(headline)}</div>'
        f'<div style="{_SANS};font-size:12px;color:#555555;margin:4px 0 10px 0">{meta_line}</div>'
        f'<div style="display:flex;flex-wrap:wrap">'
        f'<div style="flex:3 1 480px;font-size:14px;line-height:1.6;'
        f'margin-right:16px">{render_body(body, spans)}</div>'
        f'<div style="flex:1 1 240px;{_SANS};font-size:12px">'
        f'<div style="font-weight:bold;margin-bottom:4px">Sources</div>{_sources_table(sources(quotes, colours))}'
        f'<div style="margin:8px 0 4px 0;color:#555555">{summary}</div>'
        f'<div style="font-weight:bold;margin:8px 0 4px 0">Key</div>{_key()}'
        f'<div style="margin-top:6px;color:#777777">Hover over highlighted text for details.</div>'
        f'</div></div></div>'
    )


def _article_row(article, tables) -> dict:
    """The ``articles`` row for an id or a row (dict or pandas Series)."""
    if isinstance(article, str):
        rows = _rows(getattr(tables, "articles", None), article)
        if not rows:
            raise KeyError(f"no article with article_id {article!r} in tables.articles")
        return rows[0]
    return dict(article)


def show(article, tables=None) -> ArticleView:
    """Render one article with its quotes, claims and quantities highlighted.

    Args:
        article: An ``article_id`` string, or an ``articles`` row (dict or pandas Series).
        tables: :class:`~analysis.tables.Tables` holding the article's ``quotes`` and ``claims``
            rows (in memory or read back from CSV/Parquet). ``None`` shows the bare article.

    Returns:
        An :class:`ArticleView`; Jupyter displays it as HTML, ``.html`` holds the markup.

    Raises:
        KeyError: ``article`` is an id that is not in ``tables.articles``.
    """
    row = _article_row(article, tables)
    article_id = _text(row.get("article_id"))
    return ArticleView(render(row, _rows(getattr(tables, "quotes", None), article_id),
                              _rows(getattr(tables, "claims", None), article_id)))


def headline_options(articles) -> list[tuple[str, str]]:
    """``(label, article_id)`` per article, the label being the headline (or the id when empty)."""
    if articles is None or "article_id" not in getattr(articles, "columns", ()):
        return []
    options = []
    for row in articles.to_dict("records"):
        article_id = _text(row.get("article_id"))
        label = _text(row.get("headline")).strip() or article_id
        options.append((label if len(label) <= 100 else label[:99] + "…", article_id))
    return options


def browse(tables):
    """Corpus browser: a search box and a dropdown over headlines showing the picked article.

    Without ipywidgets (or without articles) this returns a static :class:`ArticleView`
    of the first article instead, with a note.
    """
    options = headline_options(tables.articles)
    if not options:
        return ArticleView(f'<p style="{_SANS}">No articles to show.</p>')
    try:
        import ipywidgets as widgets
    except ImportError:
        note = (f'<p style="{_SANS};font-size:12px;color:#555555">ipywidgets is not installed: '
                f'showing the first of {len(options)} articles. Use '
                f'<code>show(article_id, tables)</code> for the others.</p>')
        return ArticleView(note + show(options[0][1], tables).html)

    search = widgets.Text(placeholder="words in the headline", description="Search")
    picker = widgets.Dropdown(options=options, description="Article", layout=widgets.Layout(width="60%"))
    view = widgets.HTML(show(options[0][1], tables).html)

    def on_pick(change):
        view.value = (show(change["new"], tables).html if change["new"] is not None
                      else f'<p style="{_SANS}">No headline matches.</p>')

    def on_search(change):
        words = change["new"].lower().split()
        picker.options = [option for option in options if all(w in option[0].lower() for w in words)]

    picker.observe(on_pick, names="value")
    search.observe(on_search, names="value")
    return widgets.VBox([widgets.HBox([search, picker]), view])

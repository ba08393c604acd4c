"""Stage 2, normalise: turn a raw record into an article with clean Unicode, metadata and body.

Text copied from a web page goes through :mod:`analysis.copied_page` (furniture removal and
metadata recovery); HTML goes through trafilatura; structured records keep their fields.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .copied_page import page_result, parse_page_text, split_byline
from .load import RawArticle

# Spaces that are not U+0020, zero-width characters, and C0/C1 controls other than \n and \t.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MULTISPACE = re.compile(r" {2,}")
# The start of a whitespace-separated token that contains a letter or digit (each token start
# is tried once, so a 2 MB run of punctuation stays linear).
_WORDY_TOKEN = re.compile(r"(?<!\S)[^\w\s]*\w")


def clean_text(text: str) -> str:
    """Normalise Unicode and whitespace, keeping line structure and curly quotes.

    NFC; every line break becomes ``\\n``; odd spaces become a plain space, runs of spaces
    one space; invisible and control characters go; lines are stripped.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\t", " ")  # of the odd spaces and invisible characters, only the tab is ASCII
    odd = "" if text.isascii() else _non_ascii_chars(text)
    if _SPACES.search(odd) or _INVISIBLE.search(odd):
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    text = _CONTROLS.sub("", text)
    if "  " in text:
        text = _MULTISPACE.sub(" ", text)  # no run spans lines
    return "\n".join(line.strip() for line in text.split("\n"))


_ASCII_BYTES = bytes(range(128))


def _non_ascii_chars(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order: a byte table deletes the ASCII bytes of
    its UTF-8 form (the rest are whole characters), far faster than a regex scan of ``text``."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraph strings into a body: one blank line between non-empty paragraphs."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


# For count_words on text whose only word characters and spaces are ASCII, encoded as ASCII:
# a word character (\w) becomes "a", a space (\s) " ", and punctuation (with the "?" that
# stands for a non-ASCII character) is deleted.
_ASCII_CHARS = [chr(c) for c in range(128)]
_ASCII_WORD_CLASS = bytes(ord("a") if c.isalnum() or c == "_" else ord(" ") for c in _ASCII_CHARS) + bytes(128)
_ASCII_PUNCTUATION = "".join(c for c in _ASCII_CHARS if not (c.isalnum() or c == "_" or c.isspace())).encode("ascii")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_NON_ASCII_SPACE = re.compile(r"[^\S\x00-\x7f]")


def count_words(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit."""
    odd = "" if text.isascii() else _non_ascii_chars(text)
    if not (_NON_ASCII_WORD_CHAR.search(odd) or _NON_ASCII_SPACE.search(odd)):
        # a byte table is about four times faster than the regex: a token with a word character
        # starts where a space (or the text's start) meets an "a"
        marked = text.encode("ascii", "replace").translate(_ASCII_WORD_CLASS, _ASCII_PUNCTUATION)
        return marked.count(b" a") + marked.startswith(b"a")
    return len(_WORDY_TOKEN.findall(text))


def article_id_for(body: str) -> str:
    """Stable content hash of a normalised body (16 hex digits of SHA-256)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def normalise(raw: RawArticle) -> dict:
    """Build an ``articles`` row (all contract columns) from a raw record.

    A ``notes`` key lists anything the load report should mention (it is not a table column).
    """
    fields = dict(raw.fields)
    if raw.source_format == "html" or "html" in fields:
        page = _from_html(fields.pop("html", raw.text))
    else:
        page = _parse_text(clean_text(raw.text), known=fields if raw.source_format != "text" else None)
    given = {k: v for k, v in fields.items() if v not in ("", [], None)}
    article = {**page, **given}
    body = join_paragraphs(article["body"].split("\n\n"))
    article.update(
        article_id=article_id_for(body),
        source=raw.source,
        record=raw.record,
        source_format=raw.source_format,
        body=body,
        n_words=count_words(body),
        language=article.get("language") or "en",
        published=normalise_date(article.get("published", "")),
    )
    article.setdefault("author_roles", [])
    article["notes"] = list(raw.notes) + article.get("notes", [])
    if len(article["author_roles"]) != len(article["authors"]):
        article["author_roles"] = [""] * len(article["authors"])
    return article


def _parse_text(text: str, known: dict | None) -> dict:
    """Parse page text; if the parser fails, keep every line as body and say so in ``notes``
    (reported in ``load_report.reason``) rather than lose the article."""
    try:
        return parse_page_text(text, known=known)
    except Exception as error:  # noqa: BLE001 - a parser bug must not lose the article
        return page_result(body=[line for line in text.split("\n") if line], removed=[],
                           notes=[f"page parser failed ({type(error).__name__}: {error}); whole text kept as body"])


_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")


def normalise_date(value: str) -> str:
    """Return an ISO 8601 date (or datetime when a time is given) for ``value``; '' when it is
    unparseable or names no year. Time zones are dropped (the local time as written is kept)."""
    value = (value or "").strip()
    if not value:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    from dateutil import parser

    if not _HAS_YEAR.search(value):
        return ""  # "Monday", "3 days ago": fuzzy parsing would fill in today's date
    try:
        parsed = parser.parse(value, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return ""
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.isoformat() if has_time else parsed.date().isoformat()


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def looks_like_navigation(lines: list[str]) -> bool:
    """True when no line reads like prose: all are short (under five words) and none ends a
    sentence — the menu-only text an extractor returns for a page without an article."""
    return all(count_words(line) < 5 and not _SENTENCE_END.search(line) for line in lines)


def _as_list(value) -> list[str]:
    """trafilatura gives categories and tags as a list or a comma/semicolon-separated string."""
    items = value if isinstance(value, list) else re.split(r"[;,]", value or "")
    return [item.strip() for item in items if item and item.strip()]


def _authors_from_byline(byline: str) -> tuple[list[str], list[str]]:
    """Names and roles from trafilatura's author string (authors joined by "; ")."""
    authors, roles = [], []
    for part in byline.split(";"):
        names, part_roles = split_byline(part)
        authors += names
        roles += part_roles
    return authors, roles


def _from_html(html: str) -> dict:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    result = document.as_dict() if document is not None else {}
    text = clean_text(result.get("text") or "")
    body_lines = [line for line in text.split("\n") if line]
    if looks_like_navigation(body_lines):
        body_lines = []
    everything = clean_text(trafilatura.html2txt(html) or "")
    kept = set(body_lines)
    removed = [line for line in everything.split("\n") if line and line not in kept]
    authors, roles = _authors_from_byline(result.get("author") or "")
    return page_result(
        body=body_lines, removed=removed,
        outlet=result.get("sitename") or "", headline=clean_text(result.get("title") or ""),
        authors=authors, author_roles=roles, published=result.get("date") or "",
        tags=[tag for field in ("categories", "tags") for tag in _as_list(result.get(field))],
        url=result.get("url") or "", language=result.get("language") or "",
    )

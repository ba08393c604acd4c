"""Stage 1, load: find input files, decode them and split them into raw article records.

Every input file, and every record inside a JSON, JSONL or CSV file, yields exactly one
item: a :class:`RawArticle` to analyse or a :class:`LoadIssue` saying why not. Nothing is
dropped silently.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

#: Inputs larger than this are refused (configurable with ``--max-bytes``).
DEFAULT_MAX_BYTES = 50_000_000

TEXT_FIELDS = ("text", "body", "content", "article", "article_text")
HTML_FIELDS = ("html", "raw_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "datetime", "pubdate")
AUTHOR_FIELDS = ("authors", "author", "byline")
OUTLET_FIELDS = ("outlet", "source", "site", "site_name", "publisher", "sitename")

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_JSON_EXTENSIONS = {".json"}
_JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
_CSV_EXTENSIONS = {".csv", ".tsv"}


@dataclass(frozen=True)
class RawArticle:
    """One article as found in an input, before normalisation."""

    source: str
    record: int | None
    source_format: str  # text | html | json | jsonl | csv
    text: str  # page text, or HTML when source_format == "html" or fields["html"] is set
    fields: dict = field(default_factory=dict)  # metadata given by a structured input
    notes: tuple[str, ...] = ()  # things worth reporting although loading succeeded


@dataclass(frozen=True)
class LoadIssue:
    """An input (or a record inside one) that produced no article."""

    source: str
    record: int | None
    status: str  # skipped | failed
    reason: str


LoadItem = RawArticle | LoadIssue


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for every file under ``paths``, in a stable sorted order.

    Folders are walked recursively without following symlinked folders (so symlink loops
    cannot trap the walk); hidden files are ignored. ``problem`` is a reason when the path
    cannot be used (missing, not a regular file), else None.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name), None
        elif path.is_file():
            yield str(path), None
        elif path.is_symlink():
            yield str(path), "broken symbolic link"
        elif path.exists():
            yield str(path), "not a regular file"
        else:
            yield str(path), "no such file or folder"


def load_paths(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LoadItem]:
    """Yield a :class:`RawArticle` or :class:`LoadIssue` for every file and record under ``paths``."""
    for path, problem in iter_files(paths):
        if problem:
            yield LoadIssue(path, None, "failed", problem)
            continue
        yield from load_file(path, max_bytes=max_bytes)


def load_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LoadItem]:
    """Yield the raw articles (or load issues) of one input file."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            yield LoadIssue(path, None, "skipped",
                            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        yield LoadIssue(path, None, "failed", f"cannot read file: {error.strerror or error}")
        return
    yield from load_bytes(path, data, max_bytes=max_bytes)


def load_bytes(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LoadItem]:
    """Yield the raw articles (or load issues) of one input's bytes; ``source`` names it."""
    suffixes = [s.lower() for s in Path(source).suffixes]
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
                data = handle.read(max_bytes + 1)
        except (OSError, EOFError) as error:
            yield LoadIssue(source, None, "failed", f"corrupt gzip file: {error}")
            return
        if len(data) > max_bytes:
            yield LoadIssue(source, None, "skipped", f"decompressed size is over the {max_bytes:,}-byte limit")
            return
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
    extension = suffixes[-1] if suffixes else ""
    if not data.strip():
        yield LoadIssue(source, None, "skipped", "empty file" if not data else "file contains only whitespace")
        return
    binary = _binary_kind(data)
    if binary:
        yield LoadIssue(source, None, "skipped", f"binary file ({binary}), not text")
        return
    text, notes = decode(data)
    if not text.strip():
        yield LoadIssue(source, None, "skipped", "file contains only whitespace")
        return
    kind = detect_format(extension, text)
    if kind == "json":
        yield from _load_json(source, text, notes)
    elif kind == "jsonl":
        yield from _load_jsonl(source, text, notes)
    elif kind == "csv":
        yield from _load_csv(source, text, notes, delimiter="\t" if extension == ".tsv" else ",")
    else:
        yield RawArticle(source, None, kind, text, {}, notes)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs in every other byte; anything else with NULs is binary.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) < len(head) // 2 * 0.7:
            return "unrecognised binary data"
    return None


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text: BOMs first, then UTF-8, then charset-normalizer's detection.

    Text that is UTF-8 but for a few bad bytes stays UTF-8 with the bad bytes replaced by
    U+FFFD. Among single-byte encodings that fit about equally well, cp1252 (the usual one for
    Western news) is preferred. Returns the text and notes for the load report.
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, (() if "\ufffd" not in text else (f"invalid {encoding} bytes replaced with U+FFFD",))
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        first_bad = error.start
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    n_multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if n_multibyte <= n_bad:
        western = _as_western_cp1252(data)
        if western is not None:
            return western, ("not UTF-8; decoded as cp1252 (Western punctuation and accents)",)
        best = from_bytes(data).best()
        if best is not None:
            return str(best), (f"not UTF-8; decoded as {best.encoding} (detected)",)
    return replaced, (f"invalid UTF-8 bytes ({n_bad}, first at byte {first_bad}) replaced with U+FFFD",)


_WESTERN_SYMBOLS = set("‘’‚“”„–—…•€£¥©®°±½¼¾×÷§¶·«»¿¡™")


def _as_western_cp1252(data: bytes) -> str | None:
    """The cp1252 reading of ``data`` if every non-ASCII character it gives is Western
    typography or an accented Latin letter (what cp1252 news text contains), else None.

    Detectors often pick a DOS or Central European code page for short cp1252 texts whose
    only non-ASCII bytes are curly quotes; this check settles those cases.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in {c for c in text if ord(c) > 127}:
        base = unicodedata.normalize("NFD", ch)[0]
        if ch not in _WESTERN_SYMBOLS and not (ch.isalpha() and base.isascii()):
            return None
    return text


def detect_format(extension: str, text: str) -> str:
    """Return ``html``, ``json``, ``jsonl``, ``csv`` or ``text`` from the extension, else the content."""
    by_extension = {**dict.fromkeys(_HTML_EXTENSIONS, "html"), **dict.fromkeys(_JSONL_EXTENSIONS, "jsonl"),
                    **dict.fromkeys(_JSON_EXTENSIONS, "json"), **dict.fromkeys(_CSV_EXTENSIONS, "csv")}
    if extension in by_extension:
        return by_extension[extension]
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<body" in text[:200_000].lower():
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:50]):
            return "jsonl"
        return "json"
    return "text"


def _load_json(source: str, text: str, notes: tuple[str, ...]) -> Iterator[LoadItem]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield LoadIssue(source, None, "failed",
                        f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")
        return
    if isinstance(value, dict) and not _find(value, TEXT_FIELDS + HTML_FIELDS):
        # A wrapper object such as {"articles": [...]}: use its first list of objects.
        lists = [v for v in value.values() if isinstance(v, list) and any(isinstance(i, dict) for i in v)]
        if lists:
            value = lists[0]
    if isinstance(value, dict):
        yield _record_article(source, None, "json", value, notes)
    elif isinstance(value, list):
        if not value:
            yield LoadIssue(source, None, "skipped", "JSON list is empty")
        for index, item in enumerate(value):
            yield _record_article(source, index, "json", item, notes)
    else:
        yield LoadIssue(source, None, "skipped", f"JSON holds a {type(value).__name__}, not an article object or a list")


def _load_jsonl(source: str, text: str, notes: tuple[str, ...]) -> Iterator[LoadItem]:
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            yield LoadIssue(source, index, "skipped", "blank line")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield LoadIssue(source, index, "failed", f"invalid JSON on this line (column {error.colno}): {error.msg}")
            continue
        yield _record_article(source, index, "jsonl", value, notes)


def _load_csv(source: str, text: str, notes: tuple[str, ...], delimiter: str) -> Iterator[LoadItem]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        yield LoadIssue(source, None, "failed", f"unreadable CSV header: {error}")
        return
    lowered = {name.strip().lower() for name in header if name}
    if not lowered & set(TEXT_FIELDS + HTML_FIELDS):
        yield LoadIssue(source, None, "skipped",
                        f"CSV has no text column (looked for {', '.join(TEXT_FIELDS)}); columns: {', '.join(header)}")
        return
    index = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield LoadIssue(source, index, "failed", f"unreadable CSV row: {error}")
            break
        yield _record_article(source, index, "csv", row, notes)
        index += 1
    if index == 0:
        yield LoadIssue(source, None, "skipped", "CSV has a header but no rows")


def _find(record: dict, names: tuple[str, ...]):
    """Return the first non-empty value among ``names`` (case-insensitive keys)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n\n".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return _as_text(_find(value, ("name",) + TEXT_FIELDS))
    return str(value)


def _authors(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, (list, tuple)):
        return [name for name in (_as_text(v).strip() for v in value) if name]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return _authors(json.loads(text))
        except json.JSONDecodeError:
            pass
    return [text]


def _record_article(source: str, index: int | None, kind: str, record, notes: tuple[str, ...]) -> LoadItem:
    if not isinstance(record, dict):
        return LoadIssue(source, index, "skipped", f"record is a JSON {type(record).__name__}, not an object")
    html = _as_text(_find(record, HTML_FIELDS))
    text = _as_text(_find(record, TEXT_FIELDS))
    if not text.strip() and not html.strip():
        return LoadIssue(source, index, "skipped", f"record has no text (looked for {', '.join(TEXT_FIELDS)})")
    fields = {
        "headline": _as_text(_find(record, TITLE_FIELDS)).strip(),
        "published": _as_text(_find(record, DATE_FIELDS)).strip(),
        "url": _as_text(_find(record, ("url", "link", "href"))).strip(),
        "authors": _authors(_find(record, AUTHOR_FIELDS)),
        "outlet": _as_text(_find(record, OUTLET_FIELDS)).strip(),
        "tags": _authors(_find(record, ("tags", "keywords", "categories"))),
        "language": _as_text(_find(record, ("language", "lang"))).strip(),
    }
    if html.strip() and not text.strip():
        fields["html"] = html
    return RawArticle(source, index, kind, text or html, fields, notes)

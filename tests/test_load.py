"""Loading: every file and record gets one load_report row; formats and encodings recognised."""

import json

import pytest

from analysis.load import LoadIssue, RawArticle, decode, detect_format, load_bytes, load_paths


def items_by_source(folder):
    return {(item.source.rsplit("/", 1)[-1], item.record): item for item in load_paths([folder])}


def test_every_file_and_record_is_accounted_for(messy_folder):
    items = items_by_source(messy_folder)
    assert ("truncated.json", None) in items
    assert {("list.json", i) for i in range(4)} <= set(items)
    assert {("lines.jsonl", i) for i in range(4)} <= set(items)
    assert {("rows.csv", 0), ("rows.csv", 1)} <= set(items)
    # The symlink loop is not followed: the nested file is found exactly once.
    assert sum(1 for name, _ in items if name == "deep.txt") == 1


@pytest.mark.parametrize("name, record, status, reason_part", [
    ("empty.txt", None, "skipped", "empty"),
    ("blank.txt", None, "skipped", "whitespace"),
    ("image.txt", None, "skipped", "PNG"),
    ("doc.txt", None, "skipped", "PDF"),
    ("archive.txt", None, "skipped", "ZIP"),
    ("truncated.json", None, "failed", "invalid JSON"),
    ("list.json", 1, "skipped", "not an object"),
    ("list.json", 2, "skipped", "no text"),
    ("lines.jsonl", 1, "failed", "invalid JSON"),
    ("lines.jsonl", 2, "skipped", "blank line"),
    ("no-text-column.csv", None, "skipped", "no text column"),
    ("rows.csv", 1, "skipped", "no text"),
])
def test_bad_inputs_are_reported_with_a_reason(messy_folder, name, record, status, reason_part):
    item = items_by_source(messy_folder)[(name, record)]
    assert isinstance(item, LoadIssue)
    assert item.status == status
    assert reason_part in item.reason


@pytest.mark.parametrize("name, record, source_format, expected", [
    ("bom.txt", None, "text", "BOM text about"),
    ("utf16.txt", None, "text", "the mayor’s budget"),
    ("cp1252.txt", None, "text", "café’s owner said “no” to the £5"),
    ("list.json", 3, "json", "Second story body"),
    ("lines.jsonl", 3, "jsonl", "Line three"),
    ("rows.csv", 0, "csv", "Row zero text"),
    ("page.html.gz", None, "html", "gzipped page"),
])
def test_good_inputs_decode(messy_folder, name, record, source_format, expected):
    item = items_by_source(messy_folder)[(name, record)]
    assert isinstance(item, RawArticle)
    assert item.source_format == source_format
    assert expected in item.text


def test_structured_fields_are_kept(messy_folder):
    row = items_by_source(messy_folder)[("rows.csv", 0)]
    assert row.fields["headline"] == "Row zero"
    assert row.fields["authors"] == ["Ann Lee", "Bo Chan"]
    assert row.fields["published"] == "2020-03-01"


def test_invalid_utf8_keeps_text_and_says_so():
    text, notes = decode(b"caf\xc3\xa9 " * 50 + b"\xff broken " + b"tail")
    assert text.startswith("café") and text.endswith("tail") and "\ufffd" in text
    assert notes and "replaced" in notes[0]


def test_missing_path_is_reported():
    [issue] = list(load_paths(["/definitely/not/here"]))
    assert issue.status == "failed" and "no such file" in issue.reason


def test_size_limit_is_enforced_and_configurable(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    [issue] = list(load_paths([big], max_bytes=100))
    assert issue.status == "skipped" and "--max-bytes" in issue.reason
    [article] = list(load_paths([big], max_bytes=10_000))
    assert isinstance(article, RawArticle)


@pytest.mark.parametrize("extension, text, expected", [
    (".txt", "Plain copied text", "text"),
    ("", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("", json.dumps([{"text": "a"}]), "json"),
    ("", '{"text": "a"}\n{"text": "b"}\n', "jsonl"),
    ("", '{"text": "a\\nb"}', "json"),
    (".htm", "anything", "html"),
    (".tsv", "text\nx", "csv"),
    (".txt", "“A quote” opens this story", "text"),
])
def test_format_detection(extension, text, expected):
    assert detect_format(extension, text) == expected


def test_json_wrapper_object_with_article_list():
    data = json.dumps({"articles": [{"text": "One."}, {"text": "Two."}]}).encode()
    items = list(load_bytes("wrapped.json", data))
    assert [i.record for i in items] == [0, 1]
    assert all(isinstance(i, RawArticle) for i in items)

"""Hostile input: never a crash, never a lost article, never code run from data."""

import builtins
import re

import pytest

from analysis import analyze
from analysis.load import load_paths

from conftest import ARTICLE, REPO, assert_only_the_failing_story_failed


def statuses(tables):
    return dict(zip(tables.load_report.source.map(lambda s: s.rsplit("/", 1)[-1]), tables.load_report.status))


def test_two_megabyte_word_is_analysed(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_text(ARTICLE + "\n\n" + "x" * 2_000_000 + "\n\nThe end of the story came quickly, said the mayor.",
                    encoding="utf-8")
    tables = analyze(path)
    assert statuses(tables) == {"blob.txt": "loaded"}, tables.load_report.reason.tolist()


def test_forty_megabyte_file_is_refused_by_the_documented_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes((ARTICLE + "\n\n").encode() * (40_000_000 // len(ARTICLE)))
    [issue] = list(load_paths([path]))  # default limit is 50 MB: it would load …
    assert issue.source_format == "text"
    [issue] = list(load_paths([path], max_bytes=10_000_000))  # … and a lower limit refuses it
    assert issue.status == "skipped" and "limit" in issue.reason


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    [issue] = list(load_paths([path]))
    assert issue.status == "failed" and "Permission denied" in issue.reason


@pytest.mark.parametrize("html, status", [
    ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", "skipped"),
    ("<html><body><article><h1>Title</h1><p>" + "A real paragraph about the harbour ferry. " * 5
     + "</p><script>document.write('evil')</script></article></body></html>", "loaded"),
])
def test_html_without_article_is_skipped_and_scripts_never_reach_body(tmp_path, html, status):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    tables = analyze(path)
    assert statuses(tables)["page.html"] == status
    assert not any("evil" in body or "document.write" in body for body in tables.articles.body)


def test_no_code_is_loaded_from_data():
    """Shipped models are plain data: the package never unpickles or evaluates anything."""
    forbidden = re.compile(r"\b(pickle|joblib|marshal|dill)\b|\beval\(|\bexec\(")
    for path in (REPO / "analysis").rglob("*.py"):
        assert not forbidden.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("workers", [1, 2])
def test_one_failing_article_never_loses_the_others(stories_with_one_failing, workers):
    assert_only_the_failing_story_failed(analyze(stories_with_one_failing, workers=workers))


def test_page_parser_failure_keeps_the_whole_text_and_says_so(tmp_path, monkeypatch):
    from analysis import normalise

    def broken(text, known=None):
        raise IndexError("synthetic parser bug")

    monkeypatch.setattr(normalise, "parse_page_text", broken)
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    tables = analyze(path)
    row = tables.load_report.iloc[0]
    assert row.status == "loaded" and "page parser failed" in row.reason and "synthetic parser bug" in row.reason
    assert tables.articles.body.item().split("\n\n") == [line for line in ARTICLE.split("\n") if line]

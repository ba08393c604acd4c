import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "000_3841b963fa27e1fb.txt"

ARTICLE = (
    "Officials said on Monday that the bridge would reopen in March.\n\n"
    "“We are confident,” said Jane Doe, the city’s transport director. “It will be safe.”\n\n"
    "The repairs cost $2.3 million, about 3.5% more than planned."
)


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """A folder with one of every kind of input the loader must survive."""
    folder = tmp_path / "inputs"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "same-again.txt").write_text(ARTICLE + "\n", encoding="utf-8")  # duplicate after normalising
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "doc.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("story.txt", ARTICLE)
    (folder / "archive.txt").write_bytes(archive.getvalue())
    (folder / "bom.txt").write_bytes("\ufeffBOM text about the “city council” vote on Tuesday.".encode("utf-8"))
    (folder / "utf16.txt").write_bytes("UTF-16 text: the mayor’s budget passed.".encode("utf-16"))
    (folder / "cp1252.txt").write_bytes("The café’s owner said “no” to the £5 fee on 12 May.".encode("cp1252"))
    (folder / "bad-bytes.txt").write_bytes(b"Good start of the story. " * 20 + b"\xff\xfe\xfa bad bytes " + b"and a good end.")
    (folder / "truncated.json").write_text('{"title": "Cut", "text": "never clos', encoding="utf-8")
    (folder / "list.json").write_text(json.dumps([
        {"title": "One", "text": "First story text here. It has two sentences."},
        "not an object",
        {"title": "No text"},
        {"headline": "Two", "body": "Second story body, different words entirely."},
    ]), encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        '{"text": "Line one story about a council vote."}\n'
        "{broken json\n"
        "\n"
        '{"content": "Line three story about a school opening.", "url": "https://example.org/3"}\n',
        encoding="utf-8")
    (folder / "no-text-column.csv").write_text("title,date\nA,2020-01-01\n", encoding="utf-8")
    (folder / "rows.csv").write_text(
        'title,date,text,authors\n'
        '"Row zero",2020-03-01,"Row zero text about a harbour.","[""Ann Lee"", ""Bo Chan""]"\n'
        '"Row one",2020-03-02,"",\n',
        encoding="utf-8")
    (folder / "page.html.gz").write_bytes(gzip.compress(
        b"<html><head><title>Gz page</title></head><body><nav>Home | News</nav><article>"
        b"<h1>Gz page</h1><p>This gzipped page has a paragraph that is long enough to be the main text "
        b"of an article about the harbour and its new ferry service.</p>"
        b"<script>alert('never in body')</script></article></body></html>"))
    (folder / "nested" / "deep.txt").write_text("A nested story about a library that opened its doors.",
                                               encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


@pytest.fixture
def stories_with_one_failing(tmp_path, monkeypatch):
    """Six stories in a folder; the claims stage raises on "3.txt" only (patched in this
    process, so forked workers and in-process Dask workers inherit it). Returns the folder."""
    from analysis import pipeline

    real = pipeline.claims.extract_claims

    def fail_on_marker(article, sentences, quotes):
        if "EXPLODE" in article["body"]:
            raise ValueError("cannot score this one")
        return real(article, sentences, quotes)

    monkeypatch.setattr(pipeline.claims, "extract_claims", fail_on_marker)
    folder = tmp_path / "stories"
    folder.mkdir()
    for index in range(6):
        marker = "EXPLODE" if index == 3 else f"story number {index}"
        (folder / f"{index}.txt").write_text(
            f"{ARTICLE}\n\nThis is {marker}, and the council will discuss it at length on Monday evening.",
            encoding="utf-8")
    return folder


def assert_only_the_failing_story_failed(tables) -> None:
    status = dict(zip(tables.load_report.source.map(lambda s: s.rsplit("/", 1)[-1]), tables.load_report.status))
    assert status.pop("3.txt") == "failed"
    assert set(status.values()) == {"loaded"} and len(tables.articles) == 5
    reason = tables.load_report.set_index("status").loc["failed", "reason"]
    assert "claims" in reason and "cannot score this one" in reason

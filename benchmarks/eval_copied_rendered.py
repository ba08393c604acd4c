"""Evaluate the copied-page parser on HTML pages rendered to the text a reader's select-all copy gives.

A second, independent set for analysis.copied_page (besides eval_copied_pages.py): the pages of
the article-extraction benchmarks, rendered offline in a real browser.

Usage (from the repo root):
    .venv/bin/python benchmarks/eval_copied_rendered.py [--cache DIR] [--chromium PATH] [EXTRACTION_FOLDER]
    .venv/bin/python benchmarks/eval_copied_rendered.py --errors [FIELD] [--cache DIR] [EXTRACTION_FOLDER]

EXTRACTION_FOLDER defaults to ../shared/data/research-only/article-extraction (read in place,
never copied) with two sets:

* ``mozilla-readability/pages/*/``: ``source.html.gz``; gold title, byline and publishedTime
  from ``expected-metadata.json``, gold body = the rendered text of ``expected.html.gz``.
* ``scrapinghub/``: ``html/*.html.gz`` with gold bodies in ``ground-truth.json`` (no metadata).

Rendering: each page's ``document.body.innerText`` in Debian's Chromium driven by Playwright
(``--chromium``, default $CHROMIUM or /usr/bin/chromium), one browser, one page at a time,
JavaScript disabled, 1280x800 viewport, every network request aborted (the HTML, decoded by
analysis.load.decode, is loaded with ``page.set_content``). No stylesheet loads, so text that a
site's CSS would hide (menus, pop-ups) is in the copy; a page that hides ``<html>`` or ``<body>``
until its own script shows it is shown by an injected style (a reader's browser runs that
script). Texts are cached by content hash in ``--cache`` (default /tmp/copied-rendered-cache; a
folder inside the repo is refused: the texts are research-only); the browser starts only when a
page is not cached. Exits 0 with "skipped: ..." when the data is absent, or when a page must be
rendered and Playwright or Chromium is missing.

Gold (fields whose gold is missing or unusable are skipped; the counts are printed):
- title: Readability's ``title`` without a trailing " | <siteName>" (or " - ", " – ", " — ", " · ")
  when it ends with the page's ``siteName``.
- date: the first ten characters (YYYY-MM-DD) of ``publishedTime``, as written (no time-zone shift).
- authors: the byline cleaned by one rule: drop a leading "By"/"Written by"/"Par", keep the
  first line, drop parenthesised parts and everything from the first digit on; split on ",",
  ";", " and ", " & "; keep the parts that are 2 to 4 capitalised words (letters, ".", "'" or
  "-"; "de", "van", "von", "der", "da", "del", "la", "le" inside) with no role or outlet word
  (_NOT_NAME_WORDS). Usable when at least one name is left and every name is printed in the
  rendered page text (case-insensitively); a name only in the page's metadata cannot be copied.
- body: the rendered text of expected.html.gz (mozilla), ``articleBody`` (scrapinghub).

Split: dev (~70%) and held-out by eval_copied_pages.is_dev applied to the page's SITE (the
mozilla folder name without a "-N" suffix; the scrapinghub URL's host without "www."), so one
site's pages stay on one side and held-out estimates unseen sites. ``--errors`` (FIELD: title,
date, authors or body_f1; all four when omitted) scores the dev split only and prints its failing
pages (via eval_copied_pages.print_errors); it never shows held-out pages or their scores.

News-like subset: every scrapinghub page (the benchmark chose news and blog articles) and the
mozilla pages with a usable byline or a date gold; the other mozilla pages are mostly Readability's
test fixtures, wikis and docs.

Metrics: eval_copied_pages.score_page (title exact match after normalisation, date equality,
author set equality, body token F1; all: higher = better). The baseline takes the whole rendered
text as the body. "printed" rows score only pages whose gold title is a line of the page text
(eval_copied_pages.norm_title) or whose gold date is printed in a common form
(eval_copied_pages.date_pattern): what a copied-text parser can find at all.

Result (Chromium 156, 2026-11-28, parser of session 8; n = pages with gold):
    .venv/bin/python benchmarks/eval_copied_rendered.py
    subset    split     pages    title (n)    date (n) authors (n) body_f1 (n)  baseline body
    all       dev         209  0.390 ( 82) 0.667 ( 18) 0.939 ( 33) 0.894 (209)    0.713 (209)
    all       held-out    102  0.378 ( 45) 0.333 ( 15) 0.522 ( 23) 0.871 (102)    0.756 (102)
    all       all         311  0.386 (127) 0.515 ( 33) 0.768 ( 56) 0.887 (311)    0.727 (311)
    news-like dev         161  0.649 ( 37) 0.667 ( 18) 0.939 ( 33) 0.921 (161)    0.666 (161)
    news-like held-out     87  0.467 ( 30) 0.333 ( 15) 0.522 ( 23) 0.881 ( 87)    0.739 ( 87)
    news-like all         248  0.567 ( 67) 0.515 ( 33) 0.768 ( 56) 0.907 (248)    0.692 (248)
    title printed on the page: dev 0.842 ( 38), held-out 0.630 ( 27), all 0.754 ( 65)
    date printed on the page: dev 0.900 ( 10), held-out 0.714 (  7), all 0.824 ( 17)
    (311 pages rendered, 248 news-like; gold used (skipped): title 127 (184), date 33 (278),
    authors 56 (255), body 311 (0); 76 bylines given, 61 name a person after cleaning, 56 usable)
Before those rounds (the parser as the set was built): news-like dev .595 / .556 / .667 / .886,
held-out .500 / .333 / .435 / .875.
For comparison, on copied-pages-dev (eval_copied_pages.py) the parser scores title .965, date
.780, authors .965, body F1 .950 (dev) and .831 / .847 / .831 / .919 (held-out). "printed" only
recognises English month names and numeric forms, so a date printed in French or Portuguese
counts as not printed. Rendering all pages takes about 4 min wall time (90 s CPU) the first
time; later runs read the cache (about 20 s).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_copied_pages as copied  # noqa: E402
from analysis.copied_page import parse_page_text  # noqa: E402
from analysis.load import decode  # noqa: E402
from analysis.normalise import clean_text  # noqa: E402

DEFAULT_FOLDER = REPO.parent / "shared" / "data" / "research-only" / "article-extraction"
DEFAULT_CACHE = Path("/tmp/copied-rendered-cache")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-extensions"]
RENDER_TIMEOUT_MS = 30_000
# Pages that hide <html> or <body> until a script of theirs shows them (anti-clickjacking,
# anti-flicker) are shown by this style, as a reader's browser running that script would.
_REVEAL = ("() => { const style = document.createElement('style');"
           " style.textContent = 'html, body { display: block !important; visibility: visible !important; }';"
           " document.documentElement.append(style); }")
RENDER_KEY = b"innerText; javascript off; offline; 1280x800; reveal\n"  # change it when rendering changes
FIELDS = ("title", "date", "authors", "body_f1")

# --- gold ----------------------------------------------------------------------------------------

_BYLINE_LEAD = re.compile(r"^\s*(?:written\s+)?(?:by|par)\b[\s:]*", re.IGNORECASE)
_NAME_PARTICLES = {"de", "van", "von", "der", "da", "del", "la", "le"}
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# Role and outlet words: a byline part holding one names no person ("Staff Writer", "BBC News").
_NOT_NAME_WORDS = {"staff", "writer", "editor", "reporter", "correspondent", "contributor", "contributors",
                   "author", "news", "press", "media", "health", "team", "desk", "works", "updated"}


def clean_byline(byline: str | None) -> list[str]:
    """Person names in a Readability byline by the module docstring's rule ([] when none)."""
    text = _BYLINE_LEAD.sub("", byline or "").strip().split("\n")[0]
    text = re.split(r"\d", re.sub(r"\([^)]*\)", " ", text))[0]
    names = []
    for part in re.split(r",|;|\sand\s|\s&\s", text):
        words = part.split()
        inner_ok = all(w in _NAME_PARTICLES or (w[:1].isupper() and _NAME_WORD.fullmatch(w)) for w in words)
        if 2 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper() and inner_ok \
                and not any(w.casefold().strip(".") in _NOT_NAME_WORDS for w in words):
            names.append(" ".join(words))
    return names


def strip_site_name(title: str, site: str) -> str:
    """``title`` without a trailing separator and ``site`` ("How to X | eHow" -> "How to X")."""
    match = re.fullmatch(rf"(.+?)\s[|\-–—·]\s{re.escape(site)}", title) if site else None
    return match.group(1) if match else title


def title_printed(title: str, text: str) -> bool:
    """The gold title is a whole line of the page text (after title normalisation)."""
    wanted = copied.norm_title(title)
    return bool(wanted) and any(copied.norm_title(line) == wanted for line in text.split("\n"))


def date_printed(iso: str, text: str) -> bool:
    """The gold date is printed in the page text in one of the common forms."""
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", iso)) and copied.date_pattern(iso).search(text) is not None


# --- pages ---------------------------------------------------------------------------------------

def mozilla_pages(folder: Path) -> list[dict]:
    """One item per page: id, site, source HTML bytes, gold metadata, expected HTML bytes."""
    items = []
    for page in sorted(p for p in folder.iterdir() if (p / "source.html.gz").exists()):
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        items.append({
            "id": f"mozilla/{page.name}", "site": re.sub(r"-\d+$", "", page.name),
            "html": gzip.decompress((page / "source.html.gz").read_bytes()),
            "gold_html": gzip.decompress((page / "expected.html.gz").read_bytes()),
            "title": strip_site_name(" ".join((meta.get("title") or "").split()), meta.get("siteName") or ""),
            "byline": meta.get("byline") or "", "date": (meta.get("publishedTime") or "")[:10],
        })
    return items


def scrapinghub_pages(folder: Path) -> list[dict]:
    """One item per page with its gold body (no metadata gold)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [{
        "id": f"scrapinghub/{key[:12]}", "site": (urlparse(item.get("url", "")).hostname or key).removeprefix("www."),
        "html": gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()), "body": item["articleBody"],
    } for key, item in sorted(truth.items())]


# --- rendering -----------------------------------------------------------------------------------

class Renderer:
    """Rendered page texts, from the cache or from one lazily started offline Chromium."""

    def __init__(self, cache: Path, chromium: str):
        self.cache, self.chromium = cache, chromium
        self._playwright = self._browser = self._context = None
        self.failures: list[str] = []

    def text(self, html: bytes, label: str) -> str | None:
        """``document.body.innerText`` of ``html``; None when rendering fails."""
        path = self.cache / f"{hashlib.sha1(RENDER_KEY + html).hexdigest()}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
        page = self._start().new_page()
        try:
            page.set_content(decode(html)[0], wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
            page.evaluate(_REVEAL)
            text = page.evaluate("document.body ? document.body.innerText : ''")
        except Exception as error:  # noqa: BLE001 - one broken page must not stop the evaluation
            self.failures.append(f"{label}: {type(error).__name__}: {str(error)[:100]}")
            return None
        finally:
            page.close()
        path.write_text(text, encoding="utf-8")
        return text

    def _start(self):
        if self._context is None:
            missing = missing_renderer(self.chromium)
            if missing:
                raise RendererUnavailable(missing)
            from playwright.sync_api import sync_playwright
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=self.chromium, args=CHROMIUM_ARGS)
            self._context = self._browser.new_context(java_script_enabled=False, offline=True, service_workers="block",
                                                      viewport={"width": 1280, "height": 800})
            self._context.route("**/*", lambda route: route.abort())
        return self._context

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()


class RendererUnavailable(Exception):
    """A page must be rendered but Playwright or Chromium is missing."""


def missing_renderer(chromium: str) -> str:
    """Why the pages cannot be rendered here ('' when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed"
    return "" if Path(chromium).is_file() else f"chromium not found at {chromium}"


# --- evaluation ----------------------------------------------------------------------------------

def build_gold(item: dict, text: str, gold_body: str) -> tuple[dict, dict[str, bool]]:
    """The gold dict score_page expects, and per field whether its gold is usable here."""
    names = clean_byline(item.get("byline"))
    folded = " ".join(text.casefold().split())
    authors_ok = bool(names) and all(" ".join(name.casefold().split()) in folded for name in names)
    gold = {"id": item["id"], "site": item["site"], "title": item.get("title", ""), "date": item.get("date", ""),
            "authors": names, "body": gold_body}
    usable = {"title": bool(gold["title"]), "date": bool(re.fullmatch(r"\d{4}-\d\d-\d\d", gold["date"])),
              "authors": authors_ok, "body_f1": bool(gold_body.strip())}
    return gold, usable


def evaluate(folder: Path, renderer: Renderer, dev_only: bool = False) -> list[dict]:
    """One record per rendered page: id, split, news-like flag, gold, usable fields, parsed result,
    scores of the parser and the baseline, whether the title/date gold is printed, byline counts.
    With ``dev_only``, held-out pages are not even rendered or parsed."""
    items = []
    if (folder / "mozilla-readability" / "pages").is_dir():
        items += mozilla_pages(folder / "mozilla-readability" / "pages")
    if (folder / "scrapinghub" / "ground-truth.json").is_file():
        items += scrapinghub_pages(folder / "scrapinghub")
    records = []
    for item in items:
        if dev_only and not copied.is_dev(item["site"]):
            continue
        rendered = renderer.text(item["html"], item["id"])
        gold_body = renderer.text(item["gold_html"], f"{item['id']} (gold)") if "gold_html" in item else item["body"]
        if rendered is None or gold_body is None:
            continue
        text = clean_text(rendered)
        gold, usable = build_gold(item, text, clean_text(gold_body))
        parsed = parse_page_text(text)
        baseline = {"headline": "", "published": "", "authors": [], "body": text}
        records.append({
            "id": item["id"], "split": "dev" if copied.is_dev(item["site"]) else "held-out",
            "news": item["id"].startswith("scrapinghub/") or usable["authors"] or usable["date"],
            "gold": gold, "usable": usable, "parsed": parsed,
            "scores": copied.score_page(parsed, gold), "baseline": copied.score_page(baseline, gold),
            "printed": {"title": usable["title"] and title_printed(gold["title"], text),
                        "date": usable["date"] and date_printed(gold["date"], text)},
            "byline_given": bool(item.get("byline")), "has_names": bool(gold["authors"]),
        })
    return records


def _cell(records: list[dict], field: str, key: str = "scores", only: str | None = None) -> str:
    """ "mean (n)" of ``field`` over records with usable gold (and, with ``only``, printed gold)."""
    values = [r[key][field] for r in records if r["usable"][field] and (only is None or r["printed"][only])]
    return f"{sum(values) / len(values):.3f} ({len(values):3d})" if values else f"{'-':>5} (  0)"


def report(records: list[dict]) -> None:
    """Mean scores (and pages with usable gold) per subset and split; "all" only when both splits are in."""
    print(f"{'subset':9} {'split':9} {'pages':>5}  {'title (n)':>11} {'date (n)':>11} {'authors (n)':>11} "
          f"{'body_f1 (n)':>11}  {'baseline body':>13}")
    present = [split for split in ("dev", "held-out") if any(r["split"] == split for r in records)]
    splits = present + ["all"] if len(present) > 1 else present
    for subset in ("all", "news-like"):
        for split in splits:
            rows = [r for r in records if (subset == "all" or r["news"]) and split in ("all", r["split"])]
            print(f"{subset:9} {split:9} {len(rows):5d}  " + " ".join(f"{_cell(rows, f):>11}" for f in FIELDS)
                  + f"  {_cell(rows, 'body_f1', 'baseline'):>13}")
    for field in ("title", "date"):
        print(f"{field} printed on the page: " + ", ".join(
            f"{split} {_cell([r for r in records if split in ('all', r['split'])], field, only=field)}"
            for split in splits))
    n = len(records)
    usable = {f: sum(r["usable"][f] for r in records) for f in FIELDS}
    print(f"pages: {n} rendered, {sum(r['news'] for r in records)} news-like; gold used (skipped): "
          + ", ".join(f"{f} {usable[f]} ({n - usable[f]})" for f in FIELDS)
          + f"; bylines given {sum(r['byline_given'] for r in records)}, naming a person after cleaning "
          f"{sum(r['has_names'] for r in records)}, all names printed (usable) {usable['authors']}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--errors", nargs="?", const="all", choices=[*FIELDS, "all"])
    args = parser.parse_args(argv[1:])
    if not args.folder.is_dir():
        print(f"skipped: data not found ({args.folder})")
        return 0
    if args.cache.resolve().is_relative_to(REPO):
        print(f"error: the cache holds research-only text and must be outside the repo ({args.cache})")
        return 2
    print("command:", " ".join([Path(sys.executable).name, *argv]))
    args.cache.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(args.cache, args.chromium)
    try:
        records = evaluate(args.folder, renderer, dev_only=args.errors is not None)
    except RendererUnavailable as reason:
        print(f"skipped: {reason}")
        return 0
    finally:
        renderer.close()
    for failure in renderer.failures:
        print("render failed:", failure)
    report(records)
    if args.errors:
        fields = list(FIELDS) if args.errors == "all" else [args.errors]
        for field in fields:
            dev = [(r["id"], r["parsed"], r["gold"]) for r in records if r["split"] == "dev" and r["usable"][field]]
            copied.print_errors(dev, [field])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Evaluate the copied-page parser (analysis.copied_page) against gold metadata and bodies.

Usage (from the repo root):
    .venv/bin/python benchmarks/eval_copied_pages.py [FOLDER] [GOLD_JSON]
    .venv/bin/python benchmarks/eval_copied_pages.py --errors [FIELD] [FOLDER] [GOLD_JSON]
    .venv/bin/python benchmarks/eval_copied_pages.py --ablate KIND [--errors [FIELD]] [FOLDER] [GOLD_JSON]
    .venv/bin/python benchmarks/eval_copied_pages.py --perturb KIND[=FORM] [--errors [FIELD]] [FOLDER] [GOLD_JSON]
    .venv/bin/python benchmarks/eval_copied_pages.py --perturb layout[=FORM] [--errors [FIELD]] [FOLDER] [GOLD_JSON]

``--errors`` scores the dev split only and prints its failing pages (FIELD: title, date,
authors or body_f1; all four when omitted). It never shows held-out pages or their scores.

FOLDER holds ``<id>.txt`` pages copied from a browser; GOLD_JSON is a list of
``{id, title, authors, date, body}`` (authors comma-separated, "" when none; date YYYY-MM-DD).
Defaults: ../shared/data/research-only/copied-pages-dev and its gold.json. Exits 0 with
"skipped: data not found" when they are absent.

``--ablate byline|date|both`` scores the dev split only, after deleting from each page the lines
outside the gold body and title that name a gold author (bylines: 25 words or fewer) or print the gold date
in a common form: how much the parser leans on recognising those lines. ``--perturb`` rewrites
them instead: the date into ISO, day-first dotted or "Mar. 5, 2023 at 10:02 a.m. ET" form, and a
"By" line into one of the byline forms news sites print (see :func:`_rewrite_byline`: "Ann Lee",
"Words: Ann Lee", "Ann Lee |", "Ann Lee, Staff Writer", "Ann Lee, Reuters", "ANN LEE", "Posted by
Ann Lee", "Author: Ann Lee", a name line over a role, handle or e-mail line, "Ann Lee • 3 min
read", "Ann Lee and Bo Chan", "Ann Lee, Bo Chan and Cy Diaz", "Ann Lee Published 5 March 2023",
"Ann B. Lee", "Ann van der Lee", "Ánn Ó Lee"), each chosen by page id. The last five change the
authors, and the gold the page is scored against changes with them (invented co-authors join it;
a name takes its new form). After deleting bylines the authors score can only fall (the names
are gone; a date printed on a byline line goes with it), after deleting dates likewise the date
score: watch the other fields. ``--perturb byline`` and ``--perturb both`` add the scores per byline
form (``none``: no "By" line was rewritten); ``--perturb byline=FORM`` (or ``both=FORM``, FORM a number
below 18) applies byline form FORM to every page.

``--perturb layout`` (dev split only) prints each dev page in another site's page layout around its
gold title and body lines, gold unchanged (see :func:`relayout`: a section label, breadcrumb or "Most
read" list above the headline, the byline and date moved above it, a dek, "Updated 3 hours ago", a
share bar, "Listen to this article 4 min", "Advertisement", "Skip to content", a captioned photo or
a newsletter promo before the first body line, a "Related" list after the last), one form per page
chosen by page id, and adds the scores per form; ``--perturb layout=FORM`` applies FORM to every page.

Pages are split deterministically into dev (~70%: sha1(id) mod 10 < 7, used for development)
and held-out (~30%); figures are printed for dev, held-out and all. The split is by page, and most
sites have two pages, so many held-out pages come from a site that also has a page in dev. The
``unseen`` row scores only the held-out pages whose site (gold ``site``) has no dev page: the
estimate for unseen sites that the targets are about (a small set; the row is left out when gold
has no sites).

The ``printed`` system is a ceiling for any parser that reads only the page text: 1 where the
gold value is printed on the page (title: its normalised form occurs in the normalised page;
date: in one of the forms :func:`date_pattern` knows; authors: every gold name occurs, casefolded,
or there are none); its body column is the recall of the gold body's tokens in the page.

Metrics (all: higher = better):
- title: exact match after normalisation (NFKC; curly single/double quotes and primes to ' and ";
  whitespace runs to one space; leading/trailing whitespace and quote marks stripped; casefold).
- date: the ISO date (YYYY-MM-DD) of ``published`` equals the gold date.
- authors: the set of names equals the gold set (names whitespace-normalised and casefolded;
  an empty gold list must be predicted empty).
- body F1: token F1 between the bags (multisets) of lowercase word tokens (analysis.tokens
  tokenizer, punctuation and spaces dropped) of predicted and gold body, averaged over pages.
The baseline takes the whole copied text as the body (its title/date/authors are empty).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.copied_page import parse_page_text  # noqa: E402
from analysis.normalise import clean_text, normalise_date  # noqa: E402
from analysis.tokens import tokenize  # noqa: E402

DEFAULT_FOLDER = REPO.parent / "shared" / "data" / "research-only" / "copied-pages-dev"
_QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                            "“": '"', "”": '"', "„": '"', "″": '"'})


def is_dev(page_id: str) -> bool:
    """Deterministic ~70% development split by SHA-1 of the page id."""
    return int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 10 < 7


def norm_title(title: str) -> str:
    """Title normalisation used for exact match (see module docstring)."""
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTE_MAP)
    return " ".join(text.split()).strip("'\" ").casefold()


def norm_names(names) -> set[str]:
    """A set of whitespace-normalised, casefolded names from a list or a comma-separated string."""
    if isinstance(names, str):
        names = names.split(",")
    return {" ".join(n.split()).casefold() for n in names if n and n.strip()}


def word_bag(text: str) -> Counter:
    """Bag of lowercase word tokens (no punctuation or whitespace tokens). Reads only each
    token's text, so the score does not depend on which lexical attributes the tokenizer sets."""
    return Counter(t.text.lower() for t in tokenize(text or "") if not (t.text.isspace() or _is_punct(t.text)))


def _is_punct(token: str) -> bool:
    """Every character is Unicode punctuation (spaCy's ``is_punct``)."""
    return all(unicodedata.category(char).startswith("P") for char in token)


def token_f1(predicted: str, gold: str) -> float:
    """F1 of the overlap between the two bags of word tokens (1.0 when both are empty)."""
    pred, ref = word_bag(predicted), word_bag(gold)
    if not pred and not ref:
        return 1.0
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def score_page(parsed: dict, gold: dict) -> dict:
    """The four per-page scores (1/0 for exact matches, F1 for the body)."""
    return {
        "title": float(norm_title(parsed["headline"]) == norm_title(gold["title"])),
        "date": float(normalise_date(parsed["published"])[:10] == gold["date"]),
        "authors": float(norm_names(parsed["authors"]) == norm_names(gold["authors"])),
        "body_f1": token_f1(parsed["body"], gold["body"]),
    }


# --- ablations: the parser without (or with unfamiliar) byline and date lines ---------------------

KINDS = ("byline", "date", "both")
_MONTH_NAMES = ("January February March April May June July August September October November December").split()
_AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
_MAX_BYLINE_WORDS = 25  # a longer line naming the author is a bio or a sentence, not a byline


def date_pattern(iso: str) -> re.Pattern:
    """The common printed forms of an ISO date: "March 5, 2023", "Mar. 5th 2023", "5 March
    2023", "2023-03-05", "2023/3/5", "03/05/2023", "5.3.23" (month or day first)."""
    year, month, day = (int(part) for part in iso.split("-"))
    name = _MONTH_NAMES[month - 1]
    months = rf"(?:{name}|{name[:3]}{'|Sept' if month == 9 else ''})\.?"
    d, m, ordinal = rf"0?{day}", rf"0?{month}", r"(?:st|nd|rd|th)?"
    short_year = rf"(?:{year}|{year % 100:02d}(?!\d))"
    return re.compile("|".join([
        rf"{months}\s{d}{ordinal},?\s{year}",
        rf"(?<!\d){d}{ordinal}\s(?:of\s)?{months},?\s{year}",
        rf"(?<!\d){year}(?P<s1>[-/.]){m}(?P=s1){d}(?!\d)",
        rf"(?<![\d/.-]){m}(?P<s2>[-/.]){d}(?P=s2){short_year}",
        rf"(?<![\d/.-]){d}(?P<s3>[-/.]){m}(?P=s3){short_year}",
    ]), re.IGNORECASE)


def _variant(page_id: str, kind: str, n: int) -> int:
    """A deterministic choice among ``n`` rewrites for a page."""
    return int(hashlib.sha1(f"{page_id}:{kind}".encode("utf-8")).hexdigest(), 16) % n


_ROLES = ("Staff Writer", "Senior Correspondent", "Health Reporter")  # for "Ann Lee, <role>"
_OUTLETS = ("Reuters", "Bloomberg", "The Guardian")  # for "Ann Lee, <outlet>"
_CO_AUTHORS = ("Bo Chan", "Cy Diaz")  # invented co-authors ("Ann Lee and Bo Chan")
BYLINE_FORMS = 18
_CO_AUTHOR_FORMS = {12: 1, 13: 2}  # form: co-authors added to a one-author byline
_NAME_FORMS = (15, 16, 17)  # forms that change how the name is written


def _name_variant(name: str, form: int) -> str:
    """``name`` with a middle initial ("Ann B. Lee", form 15), a particle ("Ann van der Lee", 16) or
    Irish spelling ("Ánn Ó Lee", 17: an acute on the first vowel, "Ó" before the surname);
    other forms, one-word names and names with a lower-case or capitals word ("University of
    Tokyo", "Team EBONY") stay as they are. Capitals stay capitals."""
    first, _, rest = name.partition(" ")
    words_case = [word[:1].isupper() and not (len(word) > 1 and word.isupper()) for word in name.split()]
    if not rest or form not in _NAME_FORMS or not (all(words_case) or name.isupper()):  # "Team EBONY", "Ann"
        return name
    if form == 17:
        vowel = re.search(r"[aeiouAEIOU]", first)
        if vowel:
            first = first[:vowel.start()] + unicodedata.normalize("NFC", vowel.group() + "\u0301") + first[vowel.end():]
    middle = {15: "B.", 16: "van der", 17: "Ó"}[form]
    return f"{first} {middle.upper() if name.isupper() else middle} {rest}"


def _rewrite_byline(line: str, names: list[str], form: int, pick: int = 0, date: str = "") -> str:
    """A "By" line in byline form ``form`` (of ``BYLINE_FORMS``), the first gold name in it losing
    its "By": "By Ann Lee, Editor" -> 0 "Ann Lee, Editor", 1 "Words: Ann Lee, Editor", 2 "Ann Lee |
    Editor", 3 "Ann Lee, <role>, Editor", 4 "Ann Lee, <outlet>, Editor" (``pick`` chooses the role
    or outlet), 5 "ANN LEE, Editor", 6 "Posted by Ann Lee, Editor", 7 "Author: Ann Lee, Editor", 8
    "Ann Lee" over "Senior Reporter" (or the role it had) on the next line, 9 over "@annlee", 10
    over "ann.lee@example.com" (co-authors stay on the name's line; the rest of the line goes under
    the new line), 11 "Ann Lee, Editor • 3 min read", 12 "Ann Lee and Bo Chan, Editor", 13 "Ann
    Lee, Bo Chan and Cy Diaz, Editor" (co-authors only beside a sole gold name), 14 "Ann Lee, Editor
    Published <date>" (``date``; "2 hours ago" when empty), 15-17 the name as :func:`_name_variant`
    writes it (every gold name on the line). A line without "By" right before a gold name is
    returned as it is."""
    folded = line.casefold()
    at = min((folded.find(name) for name in names if name in folded), default=-1)
    if at < 0:  # the name is gone (a date rewrite changed the line)
        return line
    name_end = at + len(next(name for name in names if folded.startswith(name, at)))
    before = re.sub(r"(?:\b(?:photos?\s(?:and|&)\s)?(?:written|words|story|reporting|reported|posted|review"
                    r"|interview|analysis|opinion|text)\s)?\bby\s?:?\s*$", "", line[:at], flags=re.IGNORECASE)
    if before == line[:at]:  # no "By" before the name: not a byline to rewrite
        return line
    name, after = line[at:name_end], line[name_end:]
    rest = after.strip(" ,|·•-–—")
    if form in _NAME_FORMS:
        for gold_name in names:
            after = re.sub(re.escape(gold_name), lambda m: _name_variant(m.group(), form), after, flags=re.IGNORECASE)
        return f"{before}{_name_variant(name, form)}{after}"
    if form in (3, 4):
        return f"{before}{name}, {(_ROLES, _OUTLETS)[form - 3][pick % 3]}{after}"
    if form in (8, 9, 10):  # co-authors stay on the name's line, the rest goes below
        co_authors = after if any(other in after.casefold() for other in names) else ""
        role = rest if after.lstrip().startswith(",") and form == 8 and not co_authors else ""
        handle = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name.casefold()))
        below = (role or "Senior Reporter", f"@{handle}", f"{'.'.join(name.casefold().split())}@example.com")[form - 8]
        lines = (f"{before}{name}{co_authors}", below, "" if co_authors or role else rest)
        return "\n".join(part for part in lines if part)
    if form in _CO_AUTHOR_FORMS:
        added = _CO_AUTHORS[:_CO_AUTHOR_FORMS[form]] if len(names) == 1 else ()
        co_authors = "".join(f", {other}" for other in added[:-1]) + (f" and {added[-1]}" if added else "")
        return f"{before}{name}{co_authors.upper() if name.isupper() else co_authors}{after}"
    framed = {1: f"{before}Words: {name}{after}", 2: f"{before}{name} | {after.lstrip(' ,')}".rstrip(),
              5: f"{before}{name.upper()}{after}", 6: f"{before}Posted by {name}{after}",
              7: f"{before}Author: {name}{after}", 11: f"{before}{name}{after} • 3 min read",
              14: f"{before}{name}{after} Published {date or '2 hours ago'}"}
    return framed.get(form, f"{before}{name}{after}")


def perturbed_gold(gold: dict, form: int) -> dict:
    """The gold a page whose "By" line took byline form ``form`` is scored against: with the
    co-authors that form added to a sole author, or with the names in that form's spelling."""
    authors = [name.strip() for name in (gold["authors"] or "").split(",") if name.strip()]
    if form in _CO_AUTHOR_FORMS and len(authors) == 1:
        authors += _CO_AUTHORS[:_CO_AUTHOR_FORMS[form]]
    elif form in _NAME_FORMS:
        authors = [_name_variant(name, form) for name in authors]
    return {**gold, "authors": ", ".join(authors)}


def _rewrite_date(iso: str, form: int) -> str:
    """The gold date as "2023-03-05" (form 0), "05.03.2023" (1) or "March 5, 2023 at 10:02 a.m.
    ET" (2, AP month abbreviations)."""
    year, month, day = (int(part) for part in iso.split("-"))
    return (iso, f"{day:02d}.{month:02d}.{year}", f"{_AP_MONTHS[month - 1]} {day}, {year} at 10:02 a.m. ET")[form]


def ablate(text: str, gold: dict, kind: str, perturb: bool = False, form: int | None = None) -> tuple[str, dict]:
    """``text`` without (``perturb``: with rewritten) the lines outside the gold body that name a
    gold author (``kind`` "byline"), print the gold date ("date"), or either ("both"), "By" lines taking
    byline ``form`` (chosen by page id when None); and the gold to score it against
    (:func:`perturbed_gold` when a "By" line was rewritten, else ``gold``), with the byline form
    recorded as ``byline_form`` (``"none"`` when no "By" line was rewritten)."""
    names = sorted(norm_names(gold["authors"]), key=len, reverse=True)
    dates = date_pattern(gold["date"]) if re.fullmatch(r"\d{4}-\d\d-\d\d", gold["date"] or "") else None
    body = " ".join((gold["body"] or "").casefold().split())
    form = _variant(gold["id"], "byline", BYLINE_FORMS) if form is None else form
    pick = _variant(gold["id"], "pick", 3)
    date_form = _variant(gold["id"], "date", 3)
    printed_date = ""
    if dates is not None:  # the date a "Published" byline prints: as the date lines print it
        year, month, day = (int(part) for part in gold["date"].split("-"))
        printed_date = _rewrite_date(gold["date"], date_form) if kind == "both" else \
            f"{day} {_MONTH_NAMES[month - 1]} {year}"
    kept, rewrote = [], False
    for line in text.split("\n"):
        folded = " ".join(line.casefold().split())
        in_body = (bool(folded) and folded in body) or norm_title(line) == norm_title(gold["title"])
        byline = kind != "date" and not in_body and any(name in folded for name in names) \
            and len(line.split()) <= _MAX_BYLINE_WORDS
        dated = kind != "byline" and not in_body and dates is not None and dates.search(line) is not None
        if not (byline or dated):
            kept.append(line)
        elif perturb:
            if dated:
                rewritten = f' {_rewrite_date(gold["date"], date_form)} '
                line = " ".join(dates.sub(rewritten, line).split())  # not glued to a neighbour
            if byline:
                new = _rewrite_byline(line, names, form, pick, printed_date)
                rewrote, line = rewrote or new != line, new
            kept.append(line)
    return "\n".join(kept), ({**perturbed_gold(gold, form), "byline_form": str(form)} if rewrote
                             else {**gold, "byline_form": "none"})


# --- layout perturbation: the dev pages' article in other sites' page layouts ------------------

_TEASERS = ("Council approves new budget after marathon late-night session",
            "Storm leaves thousands without power across the region",
            "Five things to know before you file your taxes this year",
            "Police name suspect in downtown robbery investigation",
            "Local bakery celebrates 100 years in business")  # invented headlines of other articles
_MIN_ANCHOR_WORDS = 6  # a page line of this many words found in the gold body is a body line


def _layout_lines(title: str, page_id: str, form: str) -> list[str] | None:
    """The lines layout ``form`` inserts (see :func:`relayout`), or None when it moves lines."""
    pick = _variant(page_id, "layout-pick", 3)
    return {
        "section": [("POLITICS", "News > World", "Business")[pick]],
        "breadcrumb": [f"Home > {('News', 'World', 'Business')[pick]} > {title}"],
        "dek": ["What happened, why it matters and what comes next, explained."],
        "share": ["Share", "Facebook", "Twitter", "Copy link"],
        "listen": ["Listen to this article 4 min"],
        "advert": ["Advertisement"],
        "skip": ["Skip to content"],
        "caption": ["Crowds gather outside the building on Tuesday morning.", "Photo: Jo Roe/Reuters"],
        "most-read": ["Most read", *_TEASERS],
        "related": ["Related", *_TEASERS],
        "newsletter": ["Sign up for our free newsletter to get the day's top stories in your inbox"],
        "updated": ["Updated 3 hours ago"],
    }.get(form)


# Where each form goes: "above" the headline, "under" it, "before" the first body line, "after" the last.
LAYOUT_FORMS = {"section": "above", "breadcrumb": "above", "most-read": "above", "meta-above": "above",
                "dek": "under", "updated": "before", "share": "before", "listen": "before", "advert": "before",
                "skip": "before", "caption": "before", "newsletter": "before", "related": "after"}
LAYOUT_KINDS = {("layout", ""), *(("layout", form) for form in LAYOUT_FORMS)}  # "layout", "layout=<form>"


def relayout(text: str, gold: dict, form: str | None = None) -> tuple[str, dict]:
    """``text`` in layout ``form`` (chosen by page id when None; one of :data:`LAYOUT_FORMS`): a section
    label ("POLITICS", "News > World") or a breadcrumb ending with the headline ("Home > News >
    <headline>") above the headline; a "Most read" list of five invented headlines above it; the
    byline and date lines of the header (those naming a gold author or printing the gold date) moved
    above it ("meta-above"); a dek under it; "Updated 3 hours ago", a share bar ("Share", "Facebook",
    "Twitter", "Copy link"), "Listen to this article 4 min", "Advertisement", "Skip to content", a
    caption with its photo credit or a newsletter promo right above the first body line; a "Related"
    list of five headlines right after the last. The headline is the last line equal to the gold title
    before the first body line (after a copy of the title, the line of 20 characters or more that the
    gold body opens with, else the first line of six or more words found in the gold body); the gold is
    unchanged, with the form recorded as ``layout`` (``layout`` "none" when the page has no such
    anchors or nothing to move: the text is returned as it is)."""
    form = form or list(LAYOUT_FORMS)[_variant(gold["id"], "layout", len(LAYOUT_FORMS))]
    lines = [line for line in (line.strip() for line in text.split("\n")) if line]
    body = " ".join((gold["body"] or "").casefold().split())
    folded = [" ".join(line.casefold().split()) for line in lines]
    in_body = [len(line.split()) >= _MIN_ANCHOR_WORDS and line in body for line in folded]
    title = norm_title(gold["title"])
    titled = [i for i, line in enumerate(lines) if norm_title(line) == title]
    after_title = range(titled[0] + 1, len(lines)) if titled else range(0)
    first = next((i for i in after_title if len(folded[i]) >= 20 and body.startswith(folded[i])), None) \
        or next((i for i in after_title if in_body[i]), None)
    if first is None:
        return text, {**gold, "layout": "none"}
    at = max(i for i in range(first) if norm_title(lines[i]) == title)
    last = max(i for i, found in enumerate(in_body) if found)
    if form == "meta-above":
        names = norm_names(gold["authors"])
        dates = date_pattern(gold["date"]) if re.fullmatch(r"\d{4}-\d\d-\d\d", gold["date"] or "") else None
        meta = [i for i in range(at + 1, first) if len(lines[i].split()) <= _MAX_BYLINE_WORDS and (
            any(name in lines[i].casefold() for name in names) or (dates is not None and dates.search(lines[i])))]
        if not meta:
            return text, {**gold, "layout": "none"}
        moved = [lines[i] for i in meta]
        rest = [line for i, line in enumerate(lines) if i not in meta]
        return "\n".join(rest[:at] + moved + rest[at:]), {**gold, "layout": form}
    where = {"above": at, "under": at + 1, "before": first, "after": last + 1}[LAYOUT_FORMS[form]]
    inserted = _layout_lines(lines[at], gold["id"], form)
    return "\n".join(lines[:where] + inserted + lines[where:]), {**gold, "layout": form}


Scores = dict[str, dict[str, list[dict]]]


def printed_on_page(text: str, gold: dict) -> dict:
    """The ``printed`` ceiling of one page (see the module docstring)."""
    folded = " ".join(text.casefold().split())
    dated = re.fullmatch(r"\d{4}-\d\d-\d\d", gold["date"] or "")
    page_words, gold_words = word_bag(text), word_bag(gold["body"] or "")
    return {
        "title": float(norm_title(gold["title"]) in norm_title(text)),
        "date": float(not gold["date"] or (bool(dated) and date_pattern(gold["date"]).search(text) is not None)),
        "authors": float(all(name in folded for name in norm_names(gold["authors"]))),
        "body_f1": sum((gold_words & page_words).values()) / max(1, sum(gold_words.values())),
    }


def evaluate(folder: Path, gold_path: Path, dev_only: bool = False,
             errors: list[tuple[str, dict, dict]] | None = None, transform=None) -> tuple[Scores, list[float]]:
    """Per-page scores for the parser and the whole-text baseline, keyed by split, and the
    parser's time per page in seconds. With ``dev_only``, held-out pages are not even parsed;
    ``errors`` (when given) collects (page id, parsed, gold) for every dev page; ``transform``
    (when given) rewrites each cleaned page text, given its gold item, before parsing, and returns
    the new text and the gold item to score it against."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    dev_sites = {item["site"] for item in gold if "site" in item and is_dev(item["id"])}
    scores: Scores = {}
    seconds = []
    for item in gold:
        page = folder / f"{item['id']}.txt"
        if not page.exists() or (dev_only and not is_dev(item["id"])):
            continue
        text = clean_text(page.read_text(encoding="utf-8", errors="replace"))
        if transform is not None:
            text, item = transform(text, item)
        started = time.perf_counter()
        parsed = parse_page_text(text)
        seconds.append(time.perf_counter() - started)
        baseline = {"headline": "", "published": "", "authors": [], "body": text}
        split = "dev" if is_dev(item["id"]) else "held-out"
        if errors is not None and split == "dev":
            errors.append((item["id"], parsed, item))
        unseen = split == "held-out" and "site" in item and item["site"] not in dev_sites
        splits = [split, "unseen"] if unseen else [split]
        for name, page_scores in (("parser", score_page(parsed, item)), ("baseline", score_page(baseline, item)),
                                  ("printed", printed_on_page(text, item))):
            for each in splits:
                scores.setdefault(name, {}).setdefault(each, []).append(page_scores)
    return scores, seconds


def report(scores: Scores) -> None:
    print(f"{'system':9} {'split':9} {'pages':>5} {'title':>6} {'date':>6} {'authors':>7} {'body_f1':>7}")
    for name, by_split in scores.items():
        rows = dict(by_split)
        rows["all"] = [row for split in ("dev", "held-out") for row in by_split.get(split, [])]
        for split in ("dev", "held-out", "unseen", "all"):
            pages = rows.get(split, [])
            if not pages or (split == "all" and len(by_split) < 2):
                continue
            mean = {k: sum(p[k] for p in pages) / len(pages) for k in pages[0]}
            print(f"{name:9} {split:9} {len(pages):5d} {mean['title']:6.3f} {mean['date']:6.3f} "
                  f"{mean['authors']:7.3f} {mean['body_f1']:7.3f}")


def report_forms(pages: list[tuple[str, dict, dict]], key: str, forms: list[str]) -> None:
    """The parser's dev scores per perturbed form (gold ``key``: ``layout`` or ``byline_form``)."""
    print(f"{key:12} {'pages':>5} {'title':>6} {'date':>6} {'authors':>7} {'body_f1':>7}")
    for form in forms:
        rows = [score_page(parsed, gold) for _, parsed, gold in pages if gold[key] == form]
        if rows:
            mean = {k: sum(row[k] for row in rows) / len(rows) for k in rows[0]}
            print(f"{form:12} {len(rows):5d} {mean['title']:6.3f} {mean['date']:6.3f} "
                  f"{mean['authors']:7.3f} {mean['body_f1']:7.3f}")


# Parsed key and gold key of each exact-match field.
_FIELD_KEYS = {"title": ("headline", "title"), "date": ("published", "date"), "authors": ("authors", "authors")}
BODY_F1_TARGET = 0.95  # --errors lists pages whose body F1 is below this


def print_errors(pages: list[tuple[str, dict, dict]], fields: list[str]) -> None:
    """Failing dev pages per field, with the site (gold ``site`` when given) so that errors can be
    grouped by site: predicted vs gold (body: F1 and both ends of each body)."""
    for field in fields:
        threshold = BODY_F1_TARGET if field == "body_f1" else 1.0
        failing = [(pid, parsed, gold) for pid, parsed, gold in pages if score_page(parsed, gold)[field] < threshold]
        sites = {gold.get("site", "") for _, _, gold in failing}
        print(f"\n== {field}: {len(failing)} failing dev pages on {len(sites)} sites")
        for pid, parsed, gold in failing:
            pid = f"{pid} {gold.get('site', '')}".strip()
            if field == "body_f1":
                print(f"{pid} F1={score_page(parsed, gold)[field]:.3f}\n  pred: {parsed['body'][:150]!r}"
                      f" ... {parsed['body'][-150:]!r}\n  gold: {gold['body'][:150]!r} ... {gold['body'][-150:]!r}")
            else:
                key, gold_key = _FIELD_KEYS[field]
                print(f"{pid}\n  pred: {parsed[key]!r}\n  gold: {gold[gold_key]!r}")


def main(argv: list[str]) -> int:
    args = argv[1:]
    fields, transform = None, None
    forms = None  # (gold key, forms): dev scores per perturbed form (--perturb layout, byline or both)
    kind, _, byline_form = args[1].partition("=") if len(args) > 1 else ("", "", "")
    if len(args) > 1 and args[0] in ("--ablate", "--perturb") and kind in KINDS and (
            not byline_form or (args[0] == "--perturb" and kind != "date"
                                and byline_form in map(str, range(BYLINE_FORMS)))):
        perturb, forced = args[0] == "--perturb", int(byline_form) if byline_form else None
        transform = lambda text, gold: ablate(text, gold, kind, perturb, forced)  # noqa: E731
        if perturb and kind != "date":
            forms = ("byline_form", ["none", *map(str, range(BYLINE_FORMS))])
        args = args[2:]
    elif len(args) > 1 and args[0] == "--perturb" and args[1].partition("=")[::2] in LAYOUT_KINDS:
        form = args[1].partition("=")[2] or None
        transform = lambda text, gold: relayout(text, gold, form)  # noqa: E731
        forms, args = ("layout", ["none", *LAYOUT_FORMS]), args[2:]
    if args and args[0] == "--errors":
        args = args[1:]
        fields = [*_FIELD_KEYS, "body_f1"]
        if args and args[0] in fields:
            fields, args = [args[0]], args[1:]
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    gold_path = Path(args[1]) if len(args) > 1 else folder / "gold.json"
    if not folder.is_dir() or not gold_path.is_file():
        print(f"skipped: data not found ({folder})")
        return 0
    print("command:", " ".join([Path(sys.executable).name, *argv]))
    pages: list[tuple[str, dict, dict]] = []
    scores, seconds = evaluate(folder, gold_path, dev_only=fields is not None or transform is not None,
                               errors=pages if fields is not None or forms is not None else None,
                               transform=transform)
    report(scores)
    if forms is not None:
        report_forms(pages, *forms)
    if fields is not None:
        print_errors(pages, fields)
    if seconds:
        print(f"parse time per page: mean {1000 * sum(seconds) / len(seconds):.1f} ms, "
              f"max {1000 * max(seconds):.1f} ms (lower = faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

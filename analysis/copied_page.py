"""Recover an article from text copied off a web page: metadata, body, and dropped furniture.

A copied page ("select all, copy") is a column of lines with no markup: menus, buttons and
teasers around a headline, a byline, a date and the article's paragraphs. The parser works on
lines only, in four steps:

1. **Body**: every line gets a prose score (long lines ending in sentence punctuation score
   positively, short, button-like or caption-like lines negatively); the body is the run of lines
   with the highest total score (maximum-sum segment). Inside that run, prose lines and short
   subheads followed by prose are kept; captions, credits, buttons and related-article teasers go.
2. **Header**: the headline is the title-like line shortly before the body that is followed by
   a byline or date (and is often repeated elsewhere, e.g. in breadcrumbs or the page title);
   bylines ("By X, Role", "ByX", "BY" + names, "Author:", "as told to") and the publication date
   ("Published" preferred over "Updated") are read near the headline.
3. **Tags and outlet**: a tag line is a title-case line repeated around the article; the outlet
   is a name in a copyright line, a "Headline | Outlet" title line, or a name the body cites as
   an interlocutor ("told X", "speaking with X") that also opens a furniture line.
4. **Removed**: every non-blank line that is not a body paragraph, in input order, so nothing
   disappears silently.

All regexes are linear (no nested quantifiers) and metadata regexes only look at the first
``_HEAD_CHARS`` characters of a line, so 2 MB "words" cannot slow the parser down.
"""

from __future__ import annotations

import datetime as dt
import re

_HEAD_CHARS = 400  # metadata patterns look at most this far into a line
_HEADER_SPAN = 30  # lines before the body searched for the headline, byline and date
_MAX_TITLE_WORDS = 35
_HEADLINE_DISTANCE_COST = 0.15  # per line between a headline candidate and the body

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# A month name may be glued to a preceding lowercase word ("GuerreroDec 20, 2023"); a year may be
# glued to a following time ("December 22, 20233:00 AM").
_MONTH_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
_DATE = re.compile(
    rf"{_MONTH_START}(?P<m1>{_MONTH})\.?\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y1>(?:19|20)\d\d)"
    rf"|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH})\.?,?\s(?P<y2>(?:19|20)\d\d)"
    r"|(?<!\d)(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d\d?)[-/.](?P<d3>\d\d?)(?!\d)"
    r"|(?<![\d/.-])(?P<m4>\d\d?)[/-](?P<d4>\d\d?)[/-](?P<y4>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"publish|posted|first\s|released|\bon\b", re.IGNORECASE)
_UPDATED = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)
_READ_TIME = re.compile(r"(\d{1,3})\s?(?:-\s?)?min(?:ute)?s?\.?\s(?:read|reading)\b", re.IGNORECASE)

# "By X", "ByX" (glued), "BY", "Written by X", "Author: X", "Reporting by X".
_BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|reporting|review|reviewed|report|posted)\s+)?by(?=[A-Z\s:]|$)\s*:?\s*"
    r"|^(?:authors?|writers?|byline)\b\s*:?\s*",
    re.IGNORECASE,
)
_TOLD_TO = re.compile(r"\bas told to\s+", re.IGNORECASE)
# Where a byline stops naming people (cut there; glued forms included).
_BYLINE_STOP = re.compile(
    r"(?:published|updated|posted|last updated|first published|contributions? from|comments?\b"
    r"|\bon\s(?=" + _MONTH + r")|\d+\s(?:min|minutes?|hours?|days?)\b|\|)",
    re.IGNORECASE,
)
# Job titles that end a role ("Asia Editor", "Globe Staff"), and words that only qualify them.
_ROLE_TITLE = re.compile(
    r"\b(?:editor|writer|reporter|correspondent|contributor|columnist|staff|producer|journalist"
    r"|analyst|professor|director|manager|chief|intern|critic|fellow|founder|president|officer"
    r"|anchor|host|photographer|author|team|desk|bureau)s?$",
    re.IGNORECASE,
)
_GLUED_ROLE = re.compile(
    r"(?:STAFF WRITER|STAFF REPORTER|SENIOR WRITER|CONTRIBUTING WRITER|LONG READ|DATA AND GRAPHICS"
    r"|CONTRIBUTOR|CORRESPONDENT|COLUMNIST|EDITOR)",
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|van|von|der|da|del|la|le|bin|al)|[IVX]+)$")
_CAMEL_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_SEPARATOR_LINE = re.compile(r"^(?:,|and|&|·|\|)$", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]»]*$")
_WORDS = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")
_CREDIT = re.compile(
    r"(?:\b(?:photo|image|picture|illustration|video|graphic)s?\s?(?:credit|courtesy|by)?\s?:"
    r"|\bcredit\s?:|\(image credit|\bcourtesy of\b|getty images|/getty\b|\bshutterstock\b|\bistock\b"
    r"|(?:/|\()\s?(?:ap|afp|reuters|epa|upi|pa)\b\)?\s*$|\bphotograph:|\bfile photo\b|^file\s?-\s"
    r"|\((?:[A-Z][\w.'’-]*\s?){1,4}/\s?[^)]{2,60}\)\s*$|\|\s?(?:photo|image)\b)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:advertisement|ad|sponsored(?: content)?|share(?: this(?: article| story)?| on \w+)?|tweet"
    r"|email|print|copy link|comments?|\d+\s?comments?|view (?:all|more)|see (?:all|more)|read more"
    r"|load more|show more|more from\b|related\b|recommended\b|most (?:read|popular)|trending\b"
    r"|sign (?:in|up)|log ?in|subscribe|newsletter|follow us|menu|search|home|skip to\b|close"
    r"|next|previous|back to top|listen\b|watch\b|play\b|save(?: article)?|toggle\b|loading"
    r"|also read\b|read also\b|read next\b|you may also like|don'?t miss|click here|tap here"
    r"|leave a comment|add your own content|enlarge this image|image caption|hide caption"
    r"|toggle caption|expand|download|embed|transcript|oops|something went wrong|please try again"
    r"|continue reading|story continues|article continues|scroll to continue|more content below)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"cookie|privacy policy|terms of (?:use|service)|all rights reserved|©|\(c\) \d{4}"
    r"|affiliate commission|opens? in (?:a )?new (?:window|tab)|newsletter|sign up for|subscribe to"
    r"|javascript|your browser|ad blocker|^[-–—]?\s?\d+[dhms]\b|^-d -h\b",
    re.IGNORECASE,
)
_TEASER_PREFIX = re.compile(r"^(?:read more|related|see also|also read|read also|more|watch|listen|recommended)\s?[:|»>]",
                            re.IGNORECASE)
# Headings that close an article: what follows them is teasers, bios, comments or sign-ups.
_END_MARKER = re.compile(
    r"^(?:related|recommended|more (?:on|from|about|stories|in|like this)|read (?:this )?next|read more"
    r"|you (?:may|might) also|also (?:read|on)|editors?'? (?:picks|recommendations)|trending|latest"
    r"|most (?:read|popular|viewed)|popular|top stories|tags?\b|topics?\b|filed under|about the authors?"
    r"|(?:recent )?(?:stories|articles|posts) by|author\s?:|more information\s?:|(?:view |show )?comments?\b"
    r"|\d+ comments?|comments are closed|leave a (?:comment|reply)|share (?:this|or comment)|in this article"
    r"|this (?:story|article) was originally published|sign up for|subscribe to|follow us"
    r"|partner center|sponsored|promoted|what to read next|keep reading|discover more|explore more"
    r"|related (?:links|articles|posts|stories|content|coverage|topics)|recommended (?:for you|by|stories|reading))",
    re.IGNORECASE,
)
_MAX_MARKER_WORDS = 7
_END_MARKER_SCORE = -50  # bridged by a long body after it, but ends a body with little after it
_BREADCRUMB = re.compile(r"\s[/>»|]\s")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s?[-–]\s?\d{4})?\s*)?(?P<name>[A-Z][\w&.'’ -]{1,60})",
                        re.IGNORECASE)
_INTERLOCUTOR = re.compile(
    r"\b(?i:told|speaking (?:with|to)|spoke (?:with|to)|in an interview with|said to|contacted by"
    r"|according to|confirmed to|a statement to)\s(?P<name>(?:The\s)?[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,3})"
)
_DATELINE_ONLY = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?\S.{0,40}$")


def parse_page_text(text: str, known: dict | None = None) -> dict:
    """Split cleaned page text into metadata, body and removed lines.

    Args:
        text: page text already cleaned by ``analysis.normalise.clean_text``.
        known: metadata given by a structured record (headline, published, ...), or None for a
            copied page. When given, only clear furniture is dropped, never a real paragraph.

    Returns:
        Dict with outlet, headline, authors, author_roles, published, read_time_min, tags, url,
        language, body (paragraphs separated by a blank line) and removed (every other
        non-blank input line, in input order).
    """
    try:
        lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
        return _parse_known(lines, known) if known is not None else _parse_copied(lines)
    except Exception:  # noqa: BLE001 - a parser bug must not lose the article
        lines = [line.strip() for line in str(text or "").split("\n") if line.strip()]
        return _result(body=lines, removed=[])


def _result(body: list[str], removed: list[str], **meta) -> dict:
    article = {
        "outlet": "", "headline": "", "authors": [], "author_roles": [], "published": "",
        "read_time_min": None, "tags": [], "url": "", "language": "",
    }
    article.update(meta)
    article["body"] = "\n\n".join(body)
    article["removed"] = removed
    return article


# --- structured records ------------------------------------------------------------------------

def _parse_known(lines: list[str], known: dict) -> dict:
    """Conservative pass for records with given metadata: drop only clear furniture."""
    headline = str(known.get("headline") or known.get("title") or "").strip()
    keep = []
    for i, line in enumerate(lines):
        head = line[:_HEAD_CHARS]
        is_dateline = i == 0 and _DATE.search(head) and _DATELINE_ONLY.match(head) and len(_WORDS.findall(head)) <= 6
        drop = (
            is_dateline
            or (headline and _same_text(line, headline))
            or (len(line) < 60 and (_FURNITURE.match(line) and _is_short(line, 4)))
            or (len(line) < 80 and _CREDIT.match(line))
        )
        keep.append(not drop)
    body = [line for line, k in zip(lines, keep) if k]
    removed = [line for line, k in zip(lines, keep) if not k]
    published = ""
    if not known.get("published") and not known.get("date"):
        published = next((_first_date(line) for line, k in zip(lines, keep) if not k and _first_date(line)), "")
    return _result(body=body, removed=removed, headline=headline, published=published,
                   read_time_min=_read_time(lines[:3]))


# --- copied pages ------------------------------------------------------------------------------

def _parse_copied(lines: list[str]) -> dict:
    if not lines:
        return _result(body=[], removed=[])
    info = [_line_info(line) for line in lines]
    start, end = _best_run([item["score"] for item in info])
    kept = _keep_in_run(lines, info, start, end)
    first_body = next((i for i in range(start, end) if kept[i]), start)

    headline_at = _find_headline(lines, info, first_body)
    header_from = headline_at if headline_at is not None else max(0, first_body - _HEADER_SPAN)
    if headline_at is not None:  # the headline's own line and the header are never body
        for i in range(start, headline_at + 1):
            kept[i] = False
    authors, roles = _find_authors(lines, header_from, first_body, end)
    published = _find_date(lines, header_from, first_body)
    tags = _find_tags(lines, kept, header_from)
    body = [line for line, k in zip(lines, kept) if k]
    removed = [line for line, k in zip(lines, kept) if not k]
    headline = lines[headline_at] if headline_at is not None else ""
    return _result(
        body=body, removed=removed, headline=headline, authors=authors, author_roles=roles,
        published=published, read_time_min=_read_time(lines[header_from:first_body + 1]),
        tags=tags, outlet=_find_outlet(lines, kept, headline),
    )


def _line_info(line: str) -> dict:
    head = line[:_HEAD_CHARS]
    n_words = len(_WORDS.findall(head)) if len(line) <= _HEAD_CHARS else max(60, len(line) // 6)
    furniture = bool(_FURNITURE.match(head) and n_words <= 6) or bool(
        n_words <= 25 and _FURNITURE_ANYWHERE.search(head)) or bool(_TEASER_PREFIX.match(head))
    credit = bool(_CREDIT.search(line[-_HEAD_CHARS:]) or _CREDIT.search(head))
    sentence = bool(_SENTENCE_END.search(line[-8:]))
    prose = not furniture and not credit and _LETTER.search(head) is not None and (
        (n_words >= 8 and sentence) or n_words >= 30)
    if prose:
        score = min(n_words, 80)
    elif n_words <= _MAX_MARKER_WORDS and _END_MARKER.match(head):
        score = _END_MARKER_SCORE
    elif furniture or credit:
        score = -12
    else:
        score = -8
    return {"words": n_words, "furniture": furniture, "credit": credit, "sentence": sentence,
            "prose": prose, "score": score}


def _best_run(scores: list[int]) -> tuple[int, int]:
    """Maximum-sum contiguous segment [start, end) of ``scores`` (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    total, run_start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, run_start = 0, i
        total += score
        if total > best:
            best, best_span = total, (run_start, i + 1)
    return best_span


def _keep_in_run(lines: list[str], info: list[dict], start: int, end: int) -> list[bool]:
    """Body lines inside the run: prose, plus short subheads that introduce prose."""
    kept = [False] * len(lines)
    for i in range(start, end):
        item = info[i]
        if item["prose"]:
            kept[i] = True
        elif _is_subhead(lines[i], item) and i + 1 < end and info[i + 1]["prose"] and i > start:
            kept[i] = True
    return kept


def _is_subhead(line: str, item: dict) -> bool:
    if item["furniture"] or item["credit"] or not 1 <= item["words"] <= 12:
        return False
    head = line[:_HEAD_CHARS]
    if _DATE.search(head) or _BYLINE.match(head) or not _LETTER.search(head):
        return False
    # A long headline-like line between paragraphs is a related-article teaser, not a subhead.
    return item["words"] <= 8 or line.endswith(("?", ":"))


def _is_short(line: str, max_words: int) -> bool:
    return len(_WORDS.findall(line[:_HEAD_CHARS])) <= max_words


# --- headline ----------------------------------------------------------------------------------

def _find_headline(lines: list[str], info: list[dict], first_body: int) -> int | None:
    """Index of the headline: a title-like line before the body, followed by a byline or date."""
    lo = max(0, first_body - _HEADER_SPAN)
    counts = _line_counts(lines)
    best, best_score = None, float("-inf")
    for i in range(lo, first_body):
        line = lines[i]
        item = info[i]
        if not _is_title_like(line, item):
            continue
        score = -_HEADLINE_DISTANCE_COST * (first_body - i) + _meta_follows(lines, i, first_body)
        if counts.get(_fold(line), 0) > 1 or _echoed(line, lines, i):
            score += 1
        if line.endswith("."):
            score -= 2
        score += _label_before(lines, info, i)
        if item["words"] <= 2:
            score -= 3
        elif 5 <= item["words"] <= 25:
            score += 1
        if score > best_score:
            best, best_score = i, score
    return best


def _label_before(lines: list[str], info: list[dict], i: int) -> float:
    """Headlines follow a short label (section, breadcrumb, button); deks follow a headline."""
    if i == 0:
        return 2.0
    prev, item = lines[i - 1], info[i - 1]
    if item["words"] <= 4 or item["furniture"] or item["credit"] or _BREADCRUMB.search(prev[:_HEAD_CHARS]):
        return 2.0
    return -2.0 if _is_title_like(prev, item) and item["words"] >= 6 else 0.0


def _meta_follows(lines: list[str], i: int, first_body: int) -> float:
    """How directly a byline or date follows line ``i`` (a dek or caption may sit between)."""
    following = lines[i + 1:min(i + 5, first_body + 1)]
    for distance, line in enumerate(following):
        if _is_meta_line(line):
            return 4.0 if distance == 0 else 3.0 if distance == 1 else 2.0
    return 0.0


def _is_title_like(line: str, item: dict) -> bool:
    head = line[:_HEAD_CHARS]
    return (not item["furniture"] and not item["credit"] and 2 <= item["words"] <= _MAX_TITLE_WORDS
            and len(line) >= 10 and not _is_meta_line(line) and not line.endswith((":", ","))
            and _LETTER.search(head) is not None and not _BREADCRUMB.search(head))


def _is_meta_line(line: str) -> bool:
    """Byline or date line (including a bare author name)."""
    head = line[:_HEAD_CHARS]
    return bool(_BYLINE.match(head) or _TOLD_TO.search(head) or
                (_DATE.search(head) and len(_WORDS.findall(head)) <= 14) or _bare_byline(head)[0])


def _echoed(line: str, lines: list[str], at: int) -> bool:
    """Whether ``line`` also appears inside a title or breadcrumb line ("Headline | Outlet")."""
    folded = _fold(line)
    for j, other in enumerate(lines):
        if j != at and len(other) > len(line) and _BREADCRUMB.search(other[:_HEAD_CHARS]) and folded in _fold(other):
            return True
    return False


# --- byline ------------------------------------------------------------------------------------

def _find_authors(lines: list[str], header_from: int, first_body: int, end: int) -> tuple[list[str], list[str]]:
    """Authors and roles from the first byline in the header (or just after the body)."""
    candidates = list(range(header_from, min(first_body + 3, len(lines))))
    candidates += list(range(end, min(end + 8, len(lines))))
    for i in candidates:
        head = lines[i][:_HEAD_CHARS]
        told = _TOLD_TO.search(head)
        match = _BYLINE.match(head)
        if told:
            rest = head[told.end():]
        elif match:
            rest = head[match.end():]
            if not rest.strip():
                rest = _names_below(lines, i + 1)
        else:
            continue
        authors, roles = _split_byline(rest)
        if authors:
            return authors, roles
    for i in range(header_from + 1, min(header_from + 6, len(lines))):
        authors, roles = _bare_byline(lines[i])
        if authors:
            return authors, roles
    return [], []


def _bare_byline(line: str) -> tuple[list[str], list[str]]:
    """A byline without "By": a name line, or a name before a date or separator
    ("Ann Lee | March 3, 2023", "Ann Lee · Example News · Posted ...")."""
    head = line[:_HEAD_CHARS]
    if len(_WORDS.findall(head)) > 20 or _SENTENCE_END.search(head[-3:]) and not _DATE.search(head):
        return [], []
    if _FURNITURE.match(head) or _END_MARKER.match(head) or _FURNITURE_ANYWHERE.search(head):
        return [], []
    stops = (_DATE.search(head), _BYLINE_STOP.search(head), re.search(r"[·•|]", head), _CAMEL_GLUE.search(head))
    cut = min([m.start() for m in stops if m] + [len(head)])
    name = head[:cut].strip(" ,;:-–—")
    words = name.split()
    if not 2 <= len(words) <= 4 or (not name.isupper() and any(len(w) > 1 and w.isupper() for w in words)):
        return [], []
    if not _looks_like_name(name) or _ROLE_TITLE.search(name):
        return [], []
    return [_tidy_name(name)], [""]


def _names_below(lines: list[str], i: int) -> str:
    """A byline split over lines ("BY" / "Ann Lee" / "," / "Bo Chan"), joined with commas."""
    parts = []
    for line in lines[i:i + 7]:
        if _SEPARATOR_LINE.match(line):
            continue
        if _looks_like_name(line) or (not parts and _is_short(line, 8)):
            parts.append(line)
        else:
            break
    return ", ".join(parts)


def _split_byline(text: str) -> tuple[list[str], list[str]]:
    """Names and roles from byline text such as "Ann Lee, Asia Editor and Bo Chan"."""
    glued = _GLUED_ROLE.search(text)
    role_tail = ""
    if glued and glued.start() > 0 and text[glued.start() - 1].isalpha():
        role_tail = text[glued.start():]
        text = text[:glued.start()]
    date = _DATE.search(text)
    if date:
        text = text[:date.start()]
    stop = _BYLINE_STOP.search(text)
    if stop:
        text = text[:stop.start()]
    text = _CAMEL_GLUE.sub(" | ", text)  # "Ann LeeShowbiz Reporter": the role was glued on
    fields = re.split(r"\s[·•|]\s|·|•|\|", text)
    authors, roles = [], []
    pieces = re.split(r"(,|\s(?:and|&)\s)", fields[0], flags=re.IGNORECASE)
    for k in range(0, len(pieces), 2):
        part = pieces[k].strip(" .;:-–—")
        after_comma = k > 0 and pieces[k - 1] == ","
        if not part:
            continue
        if after_comma and authors and not roles[-1] and _ROLE_TITLE.search(part):
            roles[-1] = part  # "Ann Lee, Contributing Opinion Writer"
            continue
        name, role = _name_and_role(part)
        if name:
            authors.append(name)
            roles.append(role)
        elif authors and not roles[-1]:
            roles[-1] = part
    if role_tail and authors and not roles[-1]:
        roles[-1] = role_tail.strip()
    return [_tidy_name(a) for a in authors], roles


def _name_and_role(part: str) -> tuple[str, str]:
    """Split "Adam Sennott Globe Staff" into name and role; ("", "") when ``part`` names nobody."""
    if "." in part and " " not in part:  # a domain such as "example.com"
        return "", ""
    words = part.split()
    if not _ROLE_TITLE.search(part):
        return (part, "") if _looks_like_name(part) else ("", "")
    if len(words) <= 2:  # "Asia Editor", "Staff"
        return "", ""
    cut = 3 if re.fullmatch(r"[A-Z]\.", words[1]) else 2
    name = " ".join(words[:cut])
    return (name, " ".join(words[cut:])) if _looks_like_name(name) else ("", "")


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and words[0][:1].isupper() and all(_NAME_TOKEN.match(w) for w in words) \
        and not any(ch.isdigit() for ch in text)


def _tidy_name(name: str) -> str:
    return name.title() if name.isupper() and len(name) > 3 else name


# --- dates -------------------------------------------------------------------------------------

def _find_date(lines: list[str], header_from: int, first_body: int) -> str:
    """Publication date near the headline: "Published" beats "Updated", earliest line wins."""
    window = range(max(0, header_from - 2), min(first_body + 3, len(lines)))
    found = []  # (rank, position, iso)
    for i in window:
        head = lines[i][:_HEAD_CHARS]
        if len(_WORDS.findall(head)) > 30:
            continue
        for match in _DATE.finditer(head):
            iso = _iso_date(match)
            if not iso:
                continue
            before = head[max(0, match.start() - 40):match.start()]
            # "Updated" only counts when it is the closest label before the date.
            label = before.rsplit("|", 1)[-1]
            rank = 0 if _PUBLISHED.search(label) and not _UPDATED.search(label) else 2 if _UPDATED.search(label) else 1
            found.append((rank, i, match.start(), iso))
    if not found:
        lo = max(0, first_body - 3 * _HEADER_SPAN)
        for i in range(lo, first_body):
            head = lines[i][:_HEAD_CHARS]
            if len(_WORDS.findall(head)) <= 12:
                date = _first_date(head)
                if date:
                    found.append((3, -i, 0, date))
    return min(found)[3] if found else ""


def _first_date(text: str) -> str:
    for match in _DATE.finditer(text[:_HEAD_CHARS]):
        iso = _iso_date(match)
        if iso:
            return iso
    return ""


def _iso_date(match: re.Match) -> str:
    groups = match.groupdict()
    try:
        if groups["y1"]:
            year, month, day = int(groups["y1"]), _MONTHS[groups["m1"][:3].lower()], int(groups["d1"])
        elif groups["y2"]:
            year, month, day = int(groups["y2"]), _MONTHS[groups["m2"][:3].lower()], int(groups["d2"])
        elif groups["y3"]:
            year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
        else:
            year, month, day = int(groups["y4"]), int(groups["m4"]), int(groups["d4"])
            if month > 12:  # day-first numeric date
                month, day = day, month
        return dt.date(year, month, day).isoformat()
    except (KeyError, ValueError, TypeError):
        return ""


def _read_time(lines: list[str]) -> int | None:
    for line in lines:
        match = _READ_TIME.search(line[:_HEAD_CHARS])
        if match:
            return int(match.group(1))
    return None


# --- tags and outlet ---------------------------------------------------------------------------

def _find_tags(lines: list[str], kept: list[bool], header_from: int) -> list[str]:
    """Tags from a title-case line repeated around the article, split on phrases it shares
    with the article ("More from X" lines, the headline and body)."""
    counts = _line_counts(lines)
    tag_line = next((line for i, line in enumerate(lines)
                     if i < header_from + 1 and not kept[i] and counts.get(_fold(line), 0) > 1
                     and _is_tag_line(line)), "")
    if not tag_line:
        return []
    known_tags = [m.group(1) for line in lines if (m := re.match(r"^More from (.{2,60})$", line[:80]))]
    article = " ".join(line for line, k in zip(lines, kept) if k)
    return _split_tag_line(tag_line, known_tags, article)


def _is_tag_line(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 12 and len(line) <= 120 and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
        and not _SENTENCE_END.search(line)


def _split_tag_line(line: str, known_tags: list[str], article: str) -> list[str]:
    """Greedy longest-phrase split: a phrase is a known tag or text the article uses; words
    between such phrases form one tag."""
    words = line.split()
    lowered = article.lower()
    tags, pending, i = [], [], 0
    while i < len(words):
        match_end = 0
        for j in range(min(len(words), i + 5), i, -1):
            phrase = " ".join(words[i:j])
            multi = j - i > 1
            if phrase in known_tags or (multi and re.search(rf"\b{re.escape(phrase.lower())}\b", lowered)) \
                    or (not multi and re.search(rf"\b{re.escape(phrase)}\b", article)):
                match_end = j
                break
        if match_end:
            if pending:
                tags.append(" ".join(pending))
                pending = []
            tags.append(" ".join(words[i:match_end]))
            i = match_end
        else:
            pending.append(words[i])
            i += 1
    if pending:
        tags.append(" ".join(pending))
    return tags


def _find_outlet(lines: list[str], kept: list[bool], headline: str) -> str:
    """Outlet from a copyright line, a "Headline | Outlet" line, or a name the body cites as an
    interlocutor that also opens a furniture line; '' when none is evident."""
    furniture = [line for line, k in zip(lines, kept) if not k]
    for line in furniture:
        match = _COPYRIGHT.search(line[:_HEAD_CHARS])
        if match:
            name = re.split(r"\.\s|,|\||\ball rights\b", match.group("name"), flags=re.IGNORECASE)[0].strip(" .")
            if name and _looks_like_name(name):
                return name
    if headline:
        for line in furniture:
            if line != headline and line.startswith(headline):
                tail = line[len(headline):]
                match = re.match(r"^\s[|–—-]\s(.{2,40})$", tail)
                if match:
                    return match.group(1).strip()
    body = " ".join(line for line, k in zip(lines, kept) if k)
    for match in _INTERLOCUTOR.finditer(body[:200_000]):
        name = match.group("name")
        if any(line.startswith(name + " ") for line in furniture):
            return name
    return ""


# --- helpers -----------------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _fold(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def _same_text(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def _line_counts(lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        key = _fold(line[:_HEAD_CHARS])
        counts[key] = counts.get(key, 0) + 1
    return counts

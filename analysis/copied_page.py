"""Recover an article from text copied off a web page: metadata, body, and dropped furniture.

A copied page ("select all, copy") is a column of lines with no markup: menus, buttons and
teasers around a headline, a byline, a date and the article's paragraphs. The parser works on
lines only, in four steps:

1. **Body**: every line gets a score: prose (eight or more words ending in sentence
   punctuation, not in a teaser's cut-off "...", or thirty words with some punctuation, not a
   tag cloud; in Han, kana and Thai, written without spaces, characters count as words at a stated
   rate) scores its word count, but nothing when the page repeats it (a dek, caption or
   consent banner shown twice: never body); short, button-like or caption-like lines score a
   little below zero (entries of a list of three or more, "Q:" / "A:" pairs too, barely);
   bylines (not a related story's "By" line under its title inside the article's prose: a
   button), dates and closing headings ("Related Articles", "About the author", "Comments",
   "Sur le même sujet") score far below, so they end the body unless a long article continues
   after them (a closing heading the page repeats labels a widget inside the article: it scores
   as a button). The body is the run of lines with the highest total
   (maximum-sum segment), nudged to start under the page's first "By" line (or, without one,
   its "Published ..." line; a share bar between them does not count), and extended over a list,
   or resumed after a table, that its last
   line announces ("The full list is below:"). Inside the run, prose, short subheads (also over
   a photo's credit), list items with their heading or
   lead-in, unmarked entries between a lead-in ending with a colon and the next kept line, and
   one-line paragraphs between kept lines are kept, but not the links to other articles under a
   "Read more:", "Related articles" or "Don't miss" label (up to the next prose line; a short
   subhead right above that prose resumes the article); captions (also "..., Wednesday, Dec. 20, 2023.",
   and short sentences over bare photo credits on a page that prints two or more of them),
   credits, buttons, calls to action ("... here."), disclaimers, teasers, embedded posts (the
   lines above "— Name (@handle) date") and lines the page repeats verbatim go; an author bio
   above the article goes, and the body ends at the author's name or bio (not at a name that
   recurs below, a photo credit, nor at an outlet taken for the author; or at any journalist's
   bio, "X is a reporter at ...", or a bio's heading, "Über X"), at a comments heading ("6
   thoughts on ...", "[ 167 comments ]"; under a short article when a commenter's time stamp
   follows it), or at a closing heading followed by (title, blurb) teaser pairs below
   it. A standfirst right under the headline opens the body.
2. **Header**: the headline is the title-like line before the body that is followed by a
   byline or date, follows a short section label (a teaser above it does not count against a
   headline the byline follows), shares its words with the body and is often echoed in
   breadcrumbs or the page title; it may name a date. A menu entry or a plain sentence
   above it ("You can skip this ad in 5 seconds.") counts as a label, not as a headline it
   would be the dek of (but a title of three or four words in sentence case on the body's subject,
   "The quantum phantom", over a dek of eighteen or more words is its headline); a title right
   under a byline and date block (buttons between) is the
   headline printed under its metadata, not a dek, when no title or prose of five or more words sits
   above that block, it does not end with a full stop, shares a word with the body and (over
   another title) is on its subject. Under a "Most read" / "Trending" / "Top stories" label, the
   titles are teasers when not on the body's subject (half their content words in it; nor when
   the title under them, over a byline or date, is more on it), unless the list ends on them;
   the first title on its subject after them, where their run ends, is the
   headline printed under the list, and the list counts as its label. A dek stays one past its
   headline's comments button ("12 comments"), other
   buttons ("Advertisement", a share bar, "Listen to this article") or a photo with its credit,
   which do not part a headline from its dek (of one line or two, past a box a sentence) or byline;
   a relative time stamp ("Updated 3 hours ago") is a date line, no headline. A
   title sharing no content word with the body is another article's teaser, whatever byline or
   date follows it; a line the page repeats four times or more is a widget's label, and a line
   under a video player's state ("VIDEO LOADING") titles the video. Without a byline or date below
   it (one in a form the parser does not know), or with only one far below it, a title of five or
   more words right above the article's first prose (the body's first line, or a standfirst on its
   subject; not a caption, button, name with a job title, notice or line sharing no word with the
   body; not a video's title under the byline past its share bar and player, nor a teaser under a
   "Related" label) is anchored by that prose instead, also when the page lists it again below the
   body; a share bar under a title (or its dek) anchors it weakly. An entry of a list widget ("list
   2 of 4" markers around it, "Pros:" / "Cons:" fields) is no headline, and a dated title ("Roundup
   2023.12.10") under a line is another article, not its date. Distances to the body count only
   lines the page does not repeat, so a block of repeated widgets does not push the header out of
   reach.
   Bylines ("By X, Role", "ByX", "BY" + names, "Author:", "Words:", "Photos and Words:", "as told
   to", "<date> by X", "Par X et Y", or a bare name beside a date or time stamp ("1:39 PM ET", "X •
   8h", "X - Outlet - <date>"), with a job title ("X, Staff Writer"), an outlet ("X, Reuters", "X, The
   Guardian") or a handle, e-mail or job line below it ("Staff writer at Outlet"), opening a metadata
   strip ("X |", "X | Outlet", share buttons or "Outlet |" below; over its date line, it beats a "By"
   line below it), above its bio or whose bio or contact line the page prints ("X is a reporter at
   ...", "Contact X at ..."; also above the headline), with co-authors listed one per line above the
   date; else a "X — <date>" signature or an author box under the article, or a name over its date
   above the headline that the page prints again) and
   the publication date ("Published" preferred over "Updated") are read near the headline (month names in
   English and, day first, in the other languages guess_language knows, also abbreviated as in
   "21.dez.2018"; dotted numeric dates day first, but a two-digit year's month first on an
   English page); a bare byline under the headline beats a "By" line far from it. Names are
   checked for shape: two to four capitalised words (initials allowed, "JR" too when a role or outlet
   follows and the article does not use the capitals alone; surname prefixes, "van der", "Ó", do not
   count), no job, place, institution, office or menu-label words ("Current Issue", "Live Updates"),
   not opening with an article or preposition ("La Cultura"; nor "Por La ..." a byline),
   at most three on a line without "By"; an all-capitals byline with its role glued on is split
   where the page names the author again in normal case. A picture credit ends the writers' names
   ("X and Y. Photographs by Z", "X with illustrations by Z"), and so does "+3 more".
   A part after a comma that is a job, an outlet word, an acronym ("CNN Business"), one word or a
   "The ..." name ("Reuters", "The Guardian") is a role, not a second author, and so are the
   organisation words that continue a role ("..., Senior Analyst, XYZ Policy Project"). A "By"
   whose text opens with no name ("By submitting ...") is no byline, a label ("More on:",
   "Columns") ends the names listed under a "By", and an embedded post's signature, share buttons,
   a label's value ("Photo:" / "Jo Roe", "More on:" / "ANN LEE") or a byline among teasers' bylines
   (after the body or above the header) names no author. A name the article's text uses as a place
   or an outlet ("in Hong Kong", "told Al Jazeera", its dateline "HONG KONG (AP) —") is no author
   without a "By" ("By Reuters" names the agency), and after a name it is where its author works
   ("Ann Lee, Hong Kong": a role).
3. **Tags, outlet and language**: a tag line is a title-case line shown both above the
   headline and below the body, split on phrases the article uses. The outlet comes from a
   "Headline | Outlet" line, a name the body cites as an interlocutor ("told X", "speaking
   with X") that also opens a short furniture line, or the holder of a copyright line. The
   language is guessed from the body's script or function words ('' when unclear).
4. **Removed**: every non-blank line that is not a body paragraph, in input order, so nothing
   disappears silently.

All regexes are linear (no nested quantifiers) and metadata regexes only look at the first
``_HEAD_CHARS`` characters of a line, so 2 MB "words" cannot slow the parser down.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import islice
from operator import itemgetter

# Tuning constants (chosen on the development split of the copied-pages data).
_HEAD_CHARS = 400  # metadata patterns look at most this far into a line


class _Guarded:
    """A compiled pattern that runs only on texts holding something every match needs.

    Python's ``re`` tries each alternative of a long pattern at every position of a line; a cheap
    necessary test first (a year for a date, a keyword or bracket for a credit) skips most lines.
    tests/test_copied_page.py checks that the guarded and bare patterns agree.
    """

    def __init__(self, pattern: re.Pattern, needed):
        self.pattern, self._needed = pattern, needed

    def search(self, text: str):
        return self.pattern.search(text) if self._needed(text) else None

    def match(self, text: str):
        return self.pattern.match(text) if self._needed(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self._needed(text) else iter(())


# Characters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not lower to
# it (tests/test_copied_page.py checks the list is complete).
_IGNORECASE_TO_ASCII = (("İ", "i"), ("ı", "i"), ("ſ", "s"), ("K", "k"))


def _replace_each(text: str, pairs) -> str:
    """``text`` with every (old, new) character pair replaced (faster than ``str.translate``
    when the characters are rare)."""
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _ignorecase_lower(text: str) -> str:
    """``text`` lower-cased so that it holds a lower-case ASCII keyword wherever a case-insensitive
    pattern would match that keyword."""
    return (text if text.isascii() else _replace_each(text, _IGNORECASE_TO_ASCII)).lower()


def _contains_any(lower: str, keywords) -> bool:
    """Whether ``lower`` (from :func:`_ignorecase_lower`) holds one of the ``keywords``."""
    for keyword in keywords:  # a loop: faster than any() over a generator
        if keyword in lower:
            return True
    return False


def _holds_any(*keywords: str):
    """A :class:`_Guarded` test: the text holds one of the lower-case ASCII ``keywords`` as a
    case-insensitive pattern would match them (a necessary test for a pattern whose every
    match contains one of them)."""
    return lambda text: _contains_any(_ignorecase_lower(text), keywords)


_HEADER_SPAN = 60  # distinct lines before the body searched for the headline, byline and date
_MAX_TITLE_WORDS = 35
_HEADLINE_DISTANCE_COST = 0.15  # per line between a headline candidate and the body
_HEADLINE_OVERLAP_WEIGHT = 5.0  # bonus for a candidate whose words all recur in the body
_META_DIRECTLY_BELOW = 3.5  # bonus for a candidate right above a byline or date (dev is flat over 1.5-4)
_META_OVER_DEK = 3.0  # bonus for a candidate over a dek over a byline or date
_UNRELATED_TITLE_COST = 3.0  # for a candidate sharing no content word with the body (dev is flat over 2-5)
_OPENS_ARTICLE = 3.0  # bonus for a title right above the article's first prose (dev is flat over 2.5-3)
_MIN_STANDFIRST_OVERLAP = 0.5  # share of a standfirst's content words that the body uses
_MIN_DEK_WORDS = 18  # a sentence this long under a short headline is its dek (headlines are shorter)
# A sentence ending inside a line ("... from The Independent. Read our privacy notice"): a notice, not a title.
_INNER_SENTENCE_END = re.compile(r"[a-z\d]{3}[.!?]\s?[A-Z]")
# A video player's state line ("VIDEO LOADING"): the line under it titles the video, not the page.
_PLAYER_STATE = re.compile(r"(?:video\s)?(?:loading|now playing|playing now)(?:\svideo)?", re.IGNORECASE)
_GLUED_CREDIT = re.compile(r"[a-z]{3}\.[A-Z]")  # a caption run into its credit: "... off Iceland.Jo Roe/AP"
_META_ABOVE = 3.0  # bonus for a title right under a byline or date block with no headline above it
_MAX_META_ABOVE = 8  # lines of such a block (names, bylines, dates, time stamps, buttons)
_MAX_TEASER_LIST_LINES = 20  # lines of a teaser list ("Most read") above a headline candidate
# The label of a list of other articles' titles.
_TEASER_LIST_LABEL = re.compile(
    r"(?:most (?:read|popular|viewed|shared|commented|emailed)|(?:trending|popular)(?: now| stories| news| articles)?"
    r"|top (?:stories|news|picks)|latest (?:news|stories|articles|headlines)|must reads?|editor['’]?s['’]? picks"
    r"|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?like|more (?:stories|news|headlines)"
    r"|related (?:stories|articles|news)|read next|up next|what to read next)\s?[:|»>]?", re.IGNORECASE)
_SHARE_BAR_BELOW = 1.5  # bonus for a candidate over a share bar (a weaker anchor than a byline)
_MAX_BUTTONS_UNDER_BYLINE = 8  # a share bar and a player's controls between a byline and a video's title
_DIGITS = re.compile(r"\d+")
_FIELD_LABEL = re.compile(r"[^\W\d_]+:\s")  # "Pros: ...", "Engine: ..."
_WIDGET_REPEATS = 4  # copies of a line that make it a widget's label ("Block for Outlet" per comment), not a headline
_MAX_BARE_CREDIT_WORDS = 6  # "Photo: Jo Roe/Getty Images"; a longer credited line is a caption
_MAX_CAPTION_WORDS = 20  # a sentence over a bare credit: longer, it is a paragraph
_MIN_CAPTIONS = 2  # short sentences over photo credits that show a page's photos carry captions
_MIN_PROSE_WORDS = 8  # a line of this many words ending a sentence is prose
_MAX_PROSE_SCORE = 80  # a prose line scores its word count, up to this
_END_MARKER_SCORE = -50  # bridged by a long body after it, but ends a body with little after it
_FURNITURE_SCORE = -12
_SHORT_LINE_SCORE = -8  # a short line that is neither prose nor furniture (subhead, menu entry)
_MAX_MARKER_WORDS = 7
_ANNOUNCED_SPAN = 30  # lines a table or embed announced by the body's last line may take
_MAX_HEADING_UNDER_TEASERS = 5  # words of a subhead that resumes the article under a block of teaser links
_MAX_SKIPPED_UNDER_SUBHEAD = 2  # credits or buttons between a subhead and its prose
_MAX_ANNOUNCED_ENTRIES = 12  # unmarked list entries a lead-in ("Here's what changed:") may announce
_MAX_LIST_LEAD_GAP = 2  # lines between the body run and a list's lead-in ("The winners:")
_MIN_LIST_ITEMS = 3  # entries under a lead-in that make it a list of the article's
_REPEATED_PROSE_SCORE = 0  # a paragraph the page repeats: neither body nor a break in it
_LIST_ITEM_SCORE = -2  # an entry of a list (three or more entries in a row)
_COMMENTS = re.compile(r"^(?:\d+\s)?(?:comments?|reader comments|view comments|show comments|see all comments"
                       r"|comments are closed|leave a (?:comment|reply)|join the (?:conversation|discussion))\b",
                       re.IGNORECASE)
# A comments heading that ends with the word: "[ 167 comments ]", "Top Rated Comments", "Show all 12 comments".
_COMMENTS_LABEL = re.compile(r"(?:(?:top|most|best|all|reader|readers['’]?|latest|newest|oldest|featured|popular"
                             r"|rated|recent|view|show|see|read)\s){0,3}(?:\d[\d,]*\s)?comments?", re.IGNORECASE)
# A blog's comments heading names the article ("6 thoughts on “<headline>”", "12 responses to ...").
_COMMENTS_ON = re.compile(r"\d+\s(?:thoughts|responses|replies|comments)\s(?:on|to)\s", re.IGNORECASE)
_BYLINE_BONUS = 100  # for the first prose line under the page's first "By" line
_BYLINE_REACH = 11  # lines under that "By" line, buttons not counted, searched for that prose line
_TEASER_LINES_ABOVE_BYLINE = 5  # a teaser's label, title and photo between the article's prose and its byline
_MIN_PARAGRAPHS_BEFORE_CLOSE = 3
_MIN_PARAGRAPHS_BEFORE_COMMENTS = 2  # when a commenter's time stamp follows the comments heading
_COMMENT_STAMP_SPAN = 3  # lines under a comments heading searched for a commenter's time stamp
_MAX_COMMENT_STAMP_WORDS = 14  # a longer dated line is a sentence, not a commenter's stamp
_MIN_STANDFIRST_WORDS = 5
_MAX_BLURB_WORDS = 40  # mean words of a teaser list's blurbs
_MIN_TEASERS = 3
_TEASER_WINDOW = 8  # lines after a closing heading searched for teaser pairs
_NAME_DATE_SPAN = 10
_AUTHOR_BOX_SPAN = 12  # lines after the body searched for the author's name above their bio
_TEASER_BYLINE_SPAN = 4  # lines between the bylines of a list of teasers (title, date, byline)
# Words before a place or an outlet in running text ("in Hong Kong", "told Al Jazeera").
_PLACE_CUE = re.compile(r"\b(?:in|from|to|for|with|at|across|near|outside|throughout|against|into|told|according to)"
                        r"\s(?:the\s)?$")
# A dateline's rest ("HONG KONG, May 3 (AP) —", "WASHINGTON—"; not "Hong Kong-based").
_DATELINE_AFTER = re.compile(r"(?:,[^,\n]{0,25})?(?:\s?\([^()\n]{1,30}\))?(?:\s[—–-]|[—–])")
_TITLE_CASE_SHARE = 0.8
_MAX_SCAN_CHARS = 200_000  # body text searched for tag phrases and outlet mentions

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# Month names of the other languages guess_language knows (German, French, Spanish, Italian,
# Portuguese, Dutch), all written day first: "24 Dicembre 2023", "3. März 2023", "3 de marzo de 2023".
_FOREIGN_MONTHS = {
    name: number for number, names in enumerate([
        "januar jänner janvier enero gennaio janeiro januari", "februar février febrero febbraio fevereiro februari",
        "märz mars marzo março maart", "avril abril aprile", "mai mayo maggio maio mei",
        "juni juin junio giugno junho", "juli juillet julio luglio julho", "août agosto augustus",
        "septembre septiembre setiembre settembre setembro", "oktober octobre octubre ottobre outubro",
        "novembre noviembre novembro", "dezember décembre diciembre dicembre dezembro"], start=1)
    for name in names.split()
}
_FOREIGN_MONTH = "(?:" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + ")"
# Three-letter abbreviations of the month names of English and those languages ("dez", "okt",
# "gen"), except those two months share ("jui": juin, juillet).
_MONTH_NUMBERS_BY_ABBREVIATION: dict[str, set[int]] = {}
for _name, _number in [*_FOREIGN_MONTHS.items(), *_MONTHS.items()]:
    _MONTH_NUMBERS_BY_ABBREVIATION.setdefault(_name[:3], set()).add(_number)
_MONTH_ABBREVIATIONS = {abbreviation: min(numbers)
                        for abbreviation, numbers in _MONTH_NUMBERS_BY_ABBREVIATION.items() if len(numbers) == 1}
# A month name may be glued to a preceding lowercase word ("GuerreroDec 20, 2023"); a year may be
# glued to a following time ("December 22, 20233:00 AM").
_MONTH_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
_DATE = _Guarded(re.compile(
    rf"{_MONTH_START}(?P<m1>{_MONTH})\.?\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y1>(?:19|20)\d\d)"
    rf"|(?<!\d)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH})\.?,?\s(?P<y2>(?:19|20)\d\d)"
    r"|(?<!\d)(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d\d?)[-/.](?P<d3>\d\d?)(?!\d)"
    r"|(?<![\d/.-])(?P<m4>\d\d?)(?P<sep>[/.-])(?P<d4>\d\d?)(?P=sep)(?P<y4>(?:19|20)\d\d)(?![\d.]\d)"
    r"|(?P<y5>(?:19|20)\d\d)\s?[年년]\s?(?P<m5>\d\d?)\s?[月월]\s?(?P<d5>\d\d?)"
    rf"|(?<!\d)(?P<d6>\d{{1,2}})(?:\.|er|º)?\s(?:de\s)?(?P<m6>{_FOREIGN_MONTH})(?![^\W\d_])\.?,?\s(?:de\s)?"
    r"(?P<y6>(?:19|20)\d\d)"
    r"|(?<![\d.])(?P<d7>\d{1,2})\.(?P<m7>[^\W\d_]{3,4})\.(?P<y7>(?:19|20)\d\d)",  # "21.dez.2018"
    re.IGNORECASE,
), lambda text: _may_hold_date(text))
_YEAR = re.compile(r"(?:19|20)\d\d")
# What a date form puts right before its year (a day, "3rd,", a month name, "de", "5/3/", "21.dez.")
# or after it.
_BEFORE_YEAR = re.compile(
    rf"(?:\d[-/.]|\d\.[^\W\d_]{{3,4}}\.|(?:\d(?:st|nd|rd|th)?|{_MONTH}|{_FOREIGN_MONTH})\.?,?\s(?:de\s)?)\Z",
    re.IGNORECASE)
_BEFORE_YEAR_CHARS = 24  # the longest context: "septiembre", ".", ",", a space and "de " (16 characters)
_AFTER_YEAR = re.compile(r"[-/.]\d|\s?[年년]")


def _may_hold_date(text: str) -> bool:
    """Whether ``text`` holds a four-digit year where a ``_DATE`` form puts it: after a day, a
    month name or a day and separator ("3rd, 2023", "March 2023", "5/3/2023"), or before a
    separator and a digit or 年 ("2023-05-03"). Prose names years ("in 2004.") far more often
    than dates."""
    year = _YEAR.search(text)
    while year:
        at = year.start()
        before = text[at - 1:at]
        if _AFTER_YEAR.match(text, at + 4) or ((before.isspace() or before in ("-", "/", "."))
                                               and _BEFORE_YEAR.search(text, max(0, at - _BEFORE_YEAR_CHARS), at)):
            return True
        year = _YEAR.search(text, at + 1)
    return False


# "12-22-23" opening a line, or "12/11/23" anywhere in it: month, day, two-digit year.
_SHORT_DATE = re.compile(r"^(\d\d)[-/.](\d\d)[-/.](\d\d)(?!\d)|(?<![\d/])(\d\d?)/(\d\d?)/(\d\d)(?![\d/])")
_PUBLISHED = re.compile(r"publish|posted|first\s|released|\bon\b", re.IGNORECASE)
_UPDATED = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)
_DATE_LABEL = re.compile(r"publish|posted|updated", re.IGNORECASE)  # a page's own date, not one in the text
_RELATIVE_TIME = re.compile(
    r"^(?:updated\s|published\s|posted\s)?\d{1,2}\s?(?:min(?:ute)?s?|hours?|hrs?|h|days?|d)\s+ago\b", re.IGNORECASE)
_STAMP_LABEL = re.compile(r"\s(?:Published|Updated|Posted|Last updated)\b")  # "Ann Lee Updated 2 hours ago"
_TIME_OR_READ = re.compile(r"\d:\d\d|\bmin(?:ute)?s?\b|\bago\b", re.IGNORECASE)
# A time stamp without a year: a time of day or a short date opening the line, a month and day
# ("on Mar 27", glued to a read time in "Mar 2714 min"), or an age after a field separator ("• 8h").
_TIME_STAMP = re.compile(
    rf"^(?:\d\d?[/.-]\d\d?[/.-]\d\d\s)?\d\d?:\d\d\s?(?:[ap]\.?m\.?)?(?:\s[A-Z]{{2,4}})?$"
    rf"|^(?:on\s)?{_MONTH}\.?\s\d|[|·•]\s?\d\d?\s?(?:h|hrs?|d|m|mins?)$", re.IGNORECASE)
_MAX_STAMP_WORDS = 6
_READ_TIME = re.compile(r"(\d{1,3})\s?(?:-\s?)?min(?:ute)?s?\.?\s(?:read|reading)\b", re.IGNORECASE)

# "By X", "ByX" (glued), "BY", "Written by X", "Photos and story by X", "Author: X", "Words: X",
# "Photos and Words: X", "Author" (names below), French "Par X", Spanish and Portuguese "Por X"
# (capitalised: "par" and "por" are words of prose); not "Cars By Price", "BYD Seal" (a glued "By"
# has a lower-case y) or "Authors Columns Videos".
_BYLINE_LEAD = (r"^(?:(?:written|story|stories|reported|reporting|words|text|article|compiled|edited|produced"
                r"|photos?|and|&|interview|analysis|opinion|commentary|review|posted|published|report|column|essay"
                r"|video|news|feature|guide|blog)\s){0,3}?")
_BYLINE = re.compile(
    _BYLINE_LEAD + r"(?:by(?=\s|:|$)|(?-i:By)(?=(?-i:[A-Z]))|(?-i:P[ao]r|P[AO]R)(?=\s))\s*:?\s*"
    r"|^(?:authors?|writers?|byline)\s*(?::\s*|$)"
    r"|" + _BYLINE_LEAD + r"(?:contributors?|reporters?|words|text|story|reporting|interview)\s?:\s*",  # credit label
    re.IGNORECASE,
)
# "Photograph by X", "Images by X": a picture credit, not a byline ("Photos and story by X" is one).
_PICTURE_CREDIT = re.compile(r"^(?!.*\b(?:story|words|text|written|reporting)\b).*\b(?:photo|photograph|image|picture"
                             r"|illustration|graphic|video|map|chart)", re.IGNORECASE)
_FIELD_SEPARATOR = re.compile(r"\s?[|·•]\s?")
_DATED_BY = re.compile(r"(?:(?:\sat\s[\d:.]{3,5}|\s\d\d?[:.]\d\d)\s?(?:[ap]\.?m\.?)?(?:\s(?-i:[A-Z]{2,4}))?)?"
                       r"\sby:?\s+(?=(?-i:[A-Z]))",
                       re.IGNORECASE)  # "<date> at 2:56 pm by", "<date> 7:11 AM PST BY"
_TOLD_TO = _Guarded(re.compile(r"\bas told to\s+", re.IGNORECASE), _holds_any("as told to"))
# Where a byline stops naming people (cut there; glued forms included): a date, a time, a
# separator, a handle or e-mail address, a handle glued to the name ("Ann Lee@annlee"), "in
# London" (where the reporter filed from), "+3 more" (co-authors not shown), a picture credit ("Ann Lee.
# Photographs by Bo Chan", "Ann Lee with illustrations by Bo Chan": the contract's authors are the writers).
_BYLINE_STOP = re.compile(
    r"(?:published|updated|posted|last updated|first published|contributions? from|comments?\b|;"
    r"|\bon\s(?=" + _MONTH + r")|\d+\s(?:min|minutes?|hours?|days?)\b|\||\s\(?@\w"
    r"|(?<![\w.+-])[\w.+-]+@(?=[\w-]+\.\w)|(?<=[a-z])@(?=\w)"
    r"|\sin\s(?-i:[A-Z])|,?\s\+\d+\smore\b"
    r"|[,./]?\s(?:with\s)?(?:photo(?:graph)?s?|photography|pictures|images|illustrations?|illustrated|graphics|art"
    r"|video)\s?(?:by\b|:))",
    re.IGNORECASE,
)
_JOB_TITLES = (r"editor|writer|reporter|correspondent|contributor|columnist|staff|producer|journalist"
               r"|analyst|professor|director|manager|chief|intern|critic|fellow|founder|president|officer"
               r"|anchor|host|photographer|author|team|desk|bureau")
# Job titles that end a role ("Asia Editor", "Globe Staff").
_ROLE_TITLE = re.compile(rf"\b(?:{_JOB_TITLES})s?$", re.IGNORECASE)
# A newsroom job at an outlet on the line under a name ("Staff writer at Example News", "Special Correspondent to
# EXAMPLE"); other jobs there ("Director of Public Health") are a quoted person's.
_NEWSROOM_JOB_AT = re.compile(r"^(?:[\w-]+\s){0,2}(?:editor|writer|reporter|correspondent|contributor|columnist"
                              r"|journalist|critic)\s(?:at|for|to|with)\s(?-i:[A-Z])", re.IGNORECASE)
_MAX_JOB_AT_WORDS = 9
# Any word of a role ("Senior Political Reporter"): a line made of them names a job, not a person.
_ROLE_WORD = re.compile(rf"\b(?:{_JOB_TITLES}|senior|contributing|associate|assistant|deputy|managing|executive"
                        r"|special)s?\b", re.IGNORECASE)
# Words of places and institutions ("New York City", "Budget Committee"), or an office before a
# name ("Mayor Bo Chan"; "Ann King" is a name): a bare line with one names no author, even
# beside a date.
_NOT_AUTHOR = re.compile(
    r"\b(?:city|county|state|island|valley|street|avenue|university|college|school|district|province|region"
    r"|republic|kingdom|department|council|office|institute|hospital|cent(?:er|re)|committee|commission|board"
    r"|association|foundation|society|ministry|government|party|club|league|union|company|project|program(?:me)?"
    r"|initiative)s?\b"
    r"|^(?:mayor|senator|governor|minister|secretary|judge|justice|sheriff|king|queen|prince|princess|pope)\b",
    re.IGNORECASE)
# Degrees after a name ("Ann Lee, MD"): a role, not a second author.
_CREDENTIAL = re.compile(r"(?:MD|M\.D\.|PhD|Ph\.D\.|RN|MPH|DO|MBA|RD|CPA|JD|Esq\.?|DDS|DVM|PharmD)", re.IGNORECASE)
# A share button under a name in a metadata strip ("Share", "Twitter", "Email").
_SHARE_BUTTON = re.compile(r"(?:share|tweet|e-?mail|print|copy link|save|facebook|twitter|x|linkedin|whatsapp|reddit"
                           r"|pinterest|flipboard|threads|bluesky|messenger)\b", re.IGNORECASE)
# A profile button copied with the name ("Ann Lee Follow", "Ann LeeFollow", "Follow Ann Lee").
_NAME_BUTTON = re.compile(r"^(?:Follow|Contact|Email)\s|(?<=[a-z])\s?(?:Follow|Subscribe|Contact|Email)$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
# Words that make a byline part an organisation rather than a person ("Ann Lee, City News").
_ORGANISATION = re.compile(
    r"\b(?:press|news|times|post|journal|network|media|agency|magazine|daily|herald|tribune|gazette"
    r"|service|wire|radio|television|tv|group|associated|newsroom|online|digital|today)\b",
    re.IGNORECASE,
)
# Upper-case roles glued to an upper-case name ("BY ANN LEESTAFF WRITER").
_GLUED_ROLE = re.compile(
    r"(?:STAFF WRITER|STAFF REPORTER|SENIOR WRITER|CONTRIBUTING WRITER|CONTRIBUTOR|CORRESPONDENT|COLUMNIST"
    r"|EDITOR|LONG READ)",  # "LONG READ" labels the article, glued on like a role
)
_NAME_PARTICLES = {"de", "van", "von", "der", "da", "del", "la", "le", "bin", "al", "of", "the", "for"}
# Words before a surname ("Ann van der Lee", "ANN VAN DER LEE", "Ann Ó Lee"): not counted as a name's words.
_LOWER_CASE_PREFIXES = {"de", "van", "von", "der", "den", "da", "del", "la", "le", "bin", "al"}
_SURNAME_PREFIXES = {*_LOWER_CASE_PREFIXES, "ó", "ní"}
# Words of menu and widget labels ("Current Issue", "Live Updates", "Photo Gallery", "Privacy Policy", "Date
# published", share buttons: "Facebook Twitter Email").
_LABEL_WORDS = set(
    "issue issues edition gallery galleries updates update archive archives stories picks topics latest "
    "popular trending featured breaking current live podcast podcasts video videos photos reviews review "
    "guide guides events report reports alert alerts settings account later check opinion sports weather "
    "politics business world science health technology tech travel lifestyle entertainment markets "
    "economy culture deals shopping careers contact about help login privacy terms home menu search "
    "weekend crossword puzzles horoscopes obituaries classifieds recipes features columns letters insider "
    "illustrated estate contents content images guidelines policy monday tuesday wednesday thursday friday "
    "saturday sunday date facebook twitter linkedin whatsapp reddit pinterest flipboard instagram youtube tiktok "
    "email share".split())
# Function words and label words: a bare line holding one is a label or code ("Order By", "Back to Top",
# "Current Issue"), no name.
_NOT_NAME_WORDS = {"of", "the", "for", "by", "to", "in", "on", "at", "with", "from", "our", "your", "my", "us", "out",
                   *_LABEL_WORDS}
_GENERATION = re.compile(r"II|III|IV")  # "George T. Conway III": not an acronym
_PAIRED_INITIALS = re.compile(r"[A-Z]{2}")  # "JR Raphael", "AJ Lee": initials without full stops
# A full stop after a name, kept after an initial or "Jr." ("Ann M. Lee Jr.").
_NAME_END = re.compile(r"(?<!\b[A-Z])(?<!\b[JS]r)\.+$")
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
# A lower-case run glued to a capitalised word or to capitals ("Ann LeeShowbiz Reporter", "Ann LeeCNN");
# "McEleny" and "MrAJCosplay" are safe.
_CAMEL_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]|[A-Z]{2})")
# "Q: ..." / "A: ..." (an interview's questions and answers) count as "label: value" entries.
_LIST_ITEM = re.compile(r"^(?:[-•*–·▪]\s|\d{1,3}(?:[.)]\s|\s)|[^:]{2,40}:\s\S|[QA]:\s\S"
                        r"|[^:–—-]{2,60}\s[–—-]\s\S)")
_FIELD_ITEM = re.compile(r"[^:\s]{2,40}:\s\S")  # a two-word list entry names a field and its value
_SEPARATOR_LINE = re.compile(r"^(?:,|and|&|·|\|)$", re.IGNORECASE)
_NAME_FIELD_END = re.compile(r"[·•|]|\s[-–—]\s")  # where a bare byline's names stop
_MAX_BARE_NAMES = 3  # more names (or, in capitals, parts) on a line without "By" list people, not writers
# "Ann Lee, Bo Chan and Cy Diaz"; "et", "y", "e": the "and" of a "Par"/"Por" byline
_NAME_LIST_SEPARATOR = re.compile(r",|\s(?:and|&|et|y|e)\s", re.IGNORECASE)

# Scripts written without spaces between words: Han and kana count one word per two characters
# (Chinese and Japanese words average under two), Thai one per four; punctuation of these scripts
# ("。", "，", "「") separates words without being one. Other text counts its whitespace-separated words.
_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_THAI = "\u0e01-\u0e4e"

_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’)\]»」』）]*$")
# Punctuation inside a sentence (Latin, CJK, Arabic, Devanagari; in Thai, a space between words
# parts sentences): a long line without any is a tag cloud or keyword list, not prose (unless it
# is a list's entry: "- Best actor - Ann Lee for ...").
_PUNCTUATION = re.compile(f"[.,;:!?…。，、！？；：،।]|[{_THAI}]{{16}}\\s[{_THAI}]")


def _word_count(text: str) -> int:
    """Whitespace-separated words (``str.split`` splits where regex ``\\s`` matches); in scripts
    written without spaces, words at a stated rate (:func:`_spaceless_word_count`)."""
    return len(text.split()) if _spaced(text) else _spaceless_word_count(text)


def _capped_word_count(text: str, cap: int) -> int:
    """``min(_word_count(text), cap + 1)``, without cutting a long text into all its words."""
    if _spaced(text):
        return len(text.split(None, cap))
    return min(_spaceless_word_count(text), cap + 1)


_SPACELESS = re.compile(f"[{_HAN_KANA}{_THAI}]")
_SPACELESS_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f"
_SPACELESS_WORD = re.compile(f"[{_HAN_KANA}]{{1,2}}|[{_THAI}]{{1,4}}|[^\\s{_HAN_KANA}{_THAI}{_SPACELESS_PUNCTUATION}]+")


def _spaced(text: str) -> bool:
    """``text`` holds no character of a script written without spaces: its words are its
    whitespace-separated tokens."""
    return text.isascii() or not _SPACELESS.search(text)


def _spaceless_word_count(text: str) -> int:
    """Words of a text in a script without spaces: two Han or kana characters, or four Thai ones,
    count as one word; runs of other characters between spaces count one each."""
    return len(_SPACELESS_WORD.findall(text))


# Content words (runs of four or more letters), and their first letters; in ASCII text the letters
# are [A-Za-z], a class the regex engine tests twice as fast as [^\W\d_].
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_ASCII_CONTENT_WORD = re.compile(r"[A-Za-z]{4,}")
_CONTENT_WORD_INITIAL = re.compile(r"([^\W\d_])[^\W\d_]{3,}")
_ASCII_CONTENT_WORD_INITIAL = re.compile(r"([A-Za-z])[A-Za-z]{3,}")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_CREDIT = _Guarded(re.compile(
    r"(?:\b(?:photo|image|picture|illustration|video|graphic)s?\s?(?:credit|courtesy|by)?\s?:"
    r"|\bcredit\s?:|\(image credit|\bcourtesy of\b|getty images|/getty\b|\bshutterstock\b|\bistock\b"
    r"|(?:/|\()\s?(?:ap|afp|reuters|epa|upi|pa)\b\)?\s*$|\bphotograph:|\bfile photo\b|^file\s?-\s"
    r"|[(\[][\w.'’ -]{1,60}/\s?[^)\]]{2,60}[)\]]\s*$|\|\s?(?:photo|image)\b|^file\s?:"
    r"|^(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w.&'’ -]{1,30}$"
    r"|\s[-–—|]\s(?-i:(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w.&'’ -]{1,30})$"  # "... - Jo/AP"
    r"|^courtesy\b|^[\[(][^\])]{1,80}[\])]$|^[^(]{1,40}\)$"
    r"|(?:^|[.!?]\s)(?:photo|photograph|image|illustration)s?\s(?:provided\s|courtesy\s)?by\s[^.]{1,60}\.?$)",
    re.IGNORECASE,
), lambda text: _has_credit_mark(text))
# Characters a credit form with a slash ends within past it ("Ann Lee/Example Agency": a space, a
# capital and 30 more; "/getty" counts as an agency's name).
_MAX_AFTER_CREDIT_SLASH = 32
# The last characters of a line that hold the "by" of a credit sentence ("Photo by Ann Lee."): "by", a
# space, 60 characters, a full stop and a line break.
_MAX_PICTURE_BY_CHARS = 65
_CREDIT_NAMES = ("courtesy", "getty", "shutterstock", "istock", "file photo", "(image credit")
_CREDIT_LABELS = ("photo", "image", "picture", "illustration", "video", "graphic", "credit")  # before ":"
_PICTURE_WORDS = ("photo", "image", "illustration")  # before "by", after "|"


def _has_credit_mark(text: str) -> bool:
    """Whether ``text`` holds what every credit form needs: a slash near its end, a bracket opening or
    closing the line, an opening bracket just before a line's last letter ("(AP"), an agency or "courtesy",
    "file" opening the line, a credit label with a colon ("Photo:"), or a picture word with "by"
    near the end or "|" ("Photo by X", "| Photo"). Prose has many of these words, rarely with the marks."""
    stripped = text.rstrip()
    if "/" in stripped[-_MAX_AFTER_CREDIT_SLASH - 1:] or text.startswith(("(", "[")) or stripped.endswith((")", "]")) \
            or ("(" in stripped[-10:] and stripped[-1:].isalpha()):  # "( Reuters" is 9 characters
        return True
    lower = _ignorecase_lower(text)
    return (_contains_any(lower, _CREDIT_NAMES) or lower.startswith("file")
            or (":" in lower and _contains_any(lower, _CREDIT_LABELS))
            or (("by" in lower[-_MAX_PICTURE_BY_CHARS:] or "|" in lower) and _contains_any(lower, _PICTURE_WORDS)))
# Buttons, menu entries and labels opening a short line; whole words only ("Adam Lee" is no "ad"
# button, "Homeowners" no "home" link) or glued to the next button ("ShareFacebookTwitter"). A
# share button may be a network's name alone.
_FURNITURE = re.compile(
    r"^(?:advertisement|ad|sponsored(?: content)?|share(?: this(?: article| story)?| on \w+)?|tweet"
    r"|email|print|copy link|social sharing|sharing options|share (?:via|article|story)|comments?|\d+\s?comments?"
    r"|view (?:all|more)|see (?:all|more)|read more"
    r"|load more|show more|more from\b|related\b|recommended\b|most (?:read|popular)|trending\b"
    r"|sign (?:in|up)|log ?in|subscribe|newsletter|follow us|menu|search|home|skip to\b|close"
    r"|next|previous|back to top|listen\b|watch\b|play\b|save(?: article)?|toggle\b|loading"
    r"|also read\b|read also\b|read next\b|you may also like|don'?t miss|click here|tap here"
    r"|leave a comment|add your own content|enlarge this image|image caption|hide caption"
    r"|toggle caption|expand|download|embed|transcript|oops|something went wrong|please try again"
    r"|continue reading|story continues|article continues|scroll to continue|more content below)"
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"  # a word end, or buttons glued together ("ShareFacebook")
    r"|^(?:\d+\s(?:images|photos|pictures|slides)$|\d{1,3}\s?/\s?\d{1,3}(?:$|(?-i:[A-Z]))"
    r"|\$\d[\d.,]*\s(?:at|on|from)\s"
    r"|(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|threads|bluesky|messenger)$)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = _Guarded(re.compile(
    r"cookie|privacy policy|terms of (?:use|service)|all rights reserved|©|\(c\) \d{4}"
    r"|affiliate commission|opens? in (?:a )?new (?:window|tab)|newsletter|sign up for|subscribe to"
    r"|javascript|your browser|ad blocker|^[-–—]?\s?\d+[dhms]\b|^-d -h\b",
    re.IGNORECASE,
), lambda text: bool(_OPENS_WITH_COUNT.match(text)) or _FURNITURE_WORDS(text))
_OPENS_WITH_COUNT = re.compile(r"[-–—\s\d]")  # the anchored alternatives ("-3d", "5h ago")
_FURNITURE_WORDS = _holds_any("cookie", "privacy policy", "terms of ", "all rights reserved", "©", "(c) ",
                              "affiliate commission", " new window", " new tab", "newsletter", "sign up for",
                              "subscribe to", "javascript", "your browser", "ad blocker")
# Disclaimers sites put above or below the article, whatever their length.
_BOILERPLATE = _Guarded(re.compile(
    r"\b(?:earn (?:a |an )?(?:small )?(?:affiliate )?commission|affiliate links?\b|independently selected by"
    r"|opinions expressed (?:here|by contributors|in this (?:article|column)) are"
    r"|contributed to this (?:report|story|article)|reprinted (?:by|with) permission|subject to copyright"
    r"|can be reached at\b|through (?:a )?links? on (?:our|this) site\b"
    r"|we may (?:earn|receive|get) (?:a )?(?:compensation|commission)"
    r"|for (?:educational and )?informational purposes only|sign up to (?:get|receive)"
    r"|follow (?:her|him|them|us|me) on\b|follow (?:the\s|our\s)?(?:[\w'’-]+\s){0,5}(?:page|account)s? on\b"
    r"|(?:straight|delivered|direct(?:ly)?) (?:to|into) your inbox"
    r"|let us know in the comments|read our editorial polic|about (?:\w+[’']s |our )?editorial polic"
    r"|(?:do|does) not (?:own|hold) (?:shares|positions) in any|does not necessarily (?:represent|reflect) the"
    r"|(?:a previous|an earlier) version of this (?:story|article))",
    re.IGNORECASE,
), _holds_any("commission", "compensation", "affiliate link", "independently selected by", "opinions expressed",
              "contributed to this ", "reprinted ", "subject to copyright", "can be reached at", " site",
              "informational purposes only", "sign up to ", "follow ", " your inbox", "let us know in the comments",
              "editorial polic", " shares in any", " positions in any", "does not necessarily ", "version of this "))
# The same, for lines that open with it.
_BOILERPLATE_START = re.compile(
    r"(?:listen to this (?:story|article)"
    r"|this (?:story|article) (?:is part of|was originally|originally appeared|first appeared)"
    r"|editor[’']?s note\b|contributing\s?:|excerpted from|citation\s?:|journal information\s?:|a post shared by"
    r"|have a (?:news )?tip\b|share your feedback|(?:clarification|correction)\b[^:]{0,60}:)",
    re.IGNORECASE,
)
# The signature under an embedded post ("— Ann Lee (@annlee) May 3, 2023"): not the page's own date.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s?[^(\n]{0,80}\(@\w{1,30}\)")
_HANDLE = re.compile(r"(?<!\w)[@#]\w")
_MAX_POST_LINES = 3
# A post's media link ("pic.twitter.com/x"): the line is an embedded post, not the article's prose.
_EMBED_LINK = _Guarded(re.compile(r"pic\.twitter\.com/|https?://t\.co/"),
                       lambda text: "pic.twitter.com/" in text or "://t.co/" in text)
# A link's call to action ("Get the full recipe here.", "Sign up here"): it names a link, it says nothing.
_CALL_TO_ACTION = re.compile(r"^(?:get|read|see|click|find|check out|learn|watch|shop|listen|sign up|subscribe"
                             r"|download)\b.{0,150}\bhere[.!]?$", re.IGNORECASE)


def _ends_with_digit(text: str) -> bool:
    """Whether ``text`` ends with a digit, but for full stops, closing brackets and line breaks after it:
    what a pattern ending in a year, ``[.)]?$``, needs (most lines end with a word and a full stop)."""
    return text.rstrip("\n.)")[-1:].isdigit()


# A photo caption ends on the day the photo was taken, weekday included ("..., Wednesday, Dec. 20, 2023.");
# prose names the weekday or the date, rarely both at the end of a paragraph.
_CAPTION_DATE = _Guarded(re.compile(rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s"
                                    rf"(?:{_MONTH}\.?\s\d{{1,2}}|\d{{1,2}}\s{_MONTH}),?\s(?:19|20)\d\d[.)]?$"),
                         lambda text: "day" in text and _ends_with_digit(text))
_MIN_CAPTION_WORDS = 8  # a shorter line ending on a date is a dateline, read as the page's date
# A short line with an e-mail address: a contact line ("Contact Ann Lee at ann@example.com").
_CONTACT = re.compile(r"[\w.+-]@[\w-]+\.[\w.]")
# A handle or e-mail address alone on its line ("@annlee", "ann.lee@example.com").
_PROFILE_LINK = re.compile(r"@\w{2,30}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_MAX_CONTACT_WORDS = 40
# A capitalised label may be glued in front ("EXCLUSIVEREAD MORE: ...").
_TEASER_PREFIX = re.compile(r"^(?-i:[A-Z]{3,15})?(?:read more|related|see also|also read|read also|more|watch|listen"
                            r"|recommended|read|see"
                            r"|trending|up next|next|previous|most read|popular|latest)"
                            r"\s?[:|»>]",
                            re.IGNORECASE)
# Headings of an author bio: "About the author", "Sobre o autor", "Über Ann Lee" ...
_BIO_HEADINGS = (r"(?:about the authors?|sobre (?:o autor|a autora)|über (?:den autor|die autorin)"
                 r"|à propos de l'auteur"
                 r"|(?:sobre|über|à propos de)\s(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})$)")
_BIO_HEADING = re.compile(_BIO_HEADINGS, re.IGNORECASE)
# Headings that close an article: what follows them is teasers, bios, comments or sign-ups.
_END_MARKER = re.compile(
    r"^(?:related|recommended|more (?:on|from|about|stories|in|like this)|read (?:this )?next|read more"
    r"|you (?:may|might) also|also (?:read|on)|editors?'? (?:picks|recommendations)|trending|latest"
    r"|most (?:read|popular|viewed)|popular|top stories|tags?\b|topics?\b|filed under"
    r"|(?:recent )?(?:stories|articles|posts) by|author\s?:|more information\s?:|(?:view |show )?comments?\b"
    r"|\d+ comments?|comments are closed|leave a (?:comment|reply)|share (?:this|or comment)|in this article"
    r"|this (?:story|article) was originally published|sign up for|subscribe to|follow us"
    r"|partner center|sponsored|promoted|what to read next|keep reading|discover more|explore more"
    r"|people (?:are )?also (?:read|reading|viewed|watched)"
    r"|related (?:links|articles|posts|stories|content|coverage|topics)|recommended (?:for you|by|stories|reading)"
    # the same in the other languages guess_language knows, and a bio's heading ("Über Ann Lee")
    r"|sur le même sujet|(?:à )?lire aussi|(?:artigos|notícias|matérias) relacionad[ao]s|leia (?:também|mais)"
    r"|veja também|mais lidas|mehr zum thema|weitere artikel|das könnte sie auch interessieren|ähnliche artikel"
    r"|lees ook|leggi anche|articoli correlati|te puede interesar|(?:noticias|artículos) relacionad[ao]s"
    r"|lo más leído|" + _BIO_HEADINGS + ")"
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))",  # whole words ("Popularity of the plan" is a subhead), or glued
    re.IGNORECASE,
)
# A label alone on its line above a link to another article ("Related", "See also").
_LINK_LABEL = re.compile(r"(?:related|read more|see also|also read|read also|read next|don['’]?t miss|up next)"
                         r"(?:\s(?:story|article))?\s?[:|»>]?", re.IGNORECASE)
_BREADCRUMB = _Guarded(re.compile(r"\s[/>»|]\s"), lambda text: "/" in text or "|" in text or ">" in text or "»" in text)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\s?©?(?=\s?\d))\s*(?:\d{4}(?:\s?[-–]\s?\d{4})?\s*)?(?P<name>[A-Z][\w&.'’ -]{1,60})",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(r"(?:,?\s(?:Inc|LLC|Ltd|Limited|Corp|Co|plc|GmbH|S\.A)\.?)+\s*$", re.IGNORECASE)
_INTERLOCUTOR_NAME = r"(?:The\s)?[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,3}"
_INTERLOCUTOR_CUES = ("told", "speaking with", "speaking to", "spoke with", "spoke to", "in an interview with",
                      "said to", "contacted by", "according to", "confirmed to", "a statement to")
_INTERLOCUTOR = re.compile(rf"\b(?i:{'|'.join(_INTERLOCUTOR_CUES)})\s(?P<name>{_INTERLOCUTOR_NAME})")
_NAME_SHAPED = re.compile(_INTERLOCUTOR_NAME)
# A bio under the article, whoever wrote it ("Ann Lee is a senior reporter at ...", "Ann is a writer on
# ...", "Ann Lee (@annlee) is a ...", "Ann Lee covers ..."): a paragraph of the article rarely opens by
# giving a person (not a pronoun) a newsroom job.
_JOURNALIST_BIO = re.compile(
    r"^(?!(?:He|She|They|It|This|That|There|Who|One|(?:Every|Any|Some|No)(?:one|body))\s)"  # a pronoun: no bio
    r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*\s(?:\(@\w{1,30}\)\s)?(?:is|was|has been)\s(?:a|an|the)\s"
    r"(?:[\w'’&-]+\s){0,4}?"
    r"(?i:reporter|writer|editor|correspondent|columnist|journalist|contributor)s?\b"
    r"|^(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*\s(?:covers|writes about|reports on)\s")
# A dateline such as "Friday, January 4, 2019" (structured records start with one).
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
    lines = [line for line in map(str.strip, (text or "").split("\n")) if line]
    return _parse_known(lines, known) if known is not None else _parse_copied(lines)


def page_result(body: list[str], removed: list[str], **meta) -> dict:
    """A parse result: empty metadata updated with ``meta``; body paragraphs joined by blank lines."""
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
        is_dateline = i == 0 and _DATE.search(head) and _DATELINE_ONLY.match(head) and _word_count(head) <= 6
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
    return page_result(body=body, removed=removed, headline=headline, published=published,
                   read_time_min=_read_time(lines[:3]), language=guess_language("\n".join(body)))


# --- copied pages ------------------------------------------------------------------------------

def _parse_copied(lines: list[str]) -> dict:
    """Body run first, then the header around its start, then what hangs off both."""
    if not lines:
        return page_result(body=[], removed=[])
    info = [_line_info(line) for line in lines]
    keys = [_fold(line[:_HEAD_CHARS]) for line in lines]
    counts = Counter(keys)
    for key, item in zip(keys, info):
        item["key"], item["repeats"] = key, counts[key]  # the page's copies of the line share its key
    _discount_repeated_prose(info)
    _soften_repeated_markers(lines, info)
    _mark_embedded_posts(lines, info)
    _soften_lists(lines, info)
    _soften_teaser_bylines(lines, info)
    start, end = _best_run(_with_byline_bonus(lines, info))
    kept = _keep_in_run(lines, info, start, end)
    end = _extend_over_list(lines, info, kept, end)
    end = _resume_after_announcement(lines, info, kept, end)
    first_body = next((i for i in range(start, end) if kept[i]), start)

    body_heads = "\n".join(lines[i][:_HEAD_CHARS] for i in range(first_body, end) if kept[i])
    body_vocab = _content_vocabulary(body_heads)
    position = _distinct_positions(info)
    headline_at = _find_headline(lines, info, first_body, end, body_vocab, position)
    if headline_at is not None:  # the header sits under the copy of the headline nearest the body
        key = info[headline_at]["key"]
        headline_at = max(i for i in range(headline_at, first_body) if info[i]["key"] == key)
    header_from = headline_at if headline_at is not None else _span_start(position, first_body)
    if headline_at is not None:  # the headline's own line and the header are never body
        for i in range(start, headline_at + 1):
            kept[i] = False
    if headline_at is not None and _is_standfirst(lines, info, headline_at + 1, first_body):
        kept[headline_at + 1] = True
    authors, roles = _find_authors(lines, header_from, first_body, end)
    _drop_leading_bio(lines, kept, first_body, end, authors)
    is_bio = _bio_start(authors)
    end = _close_body(kept, first_body, end,
                      lambda i: (is_bio(lines[i][:_HEAD_CHARS]) and not _recurs_in_run(info, i, end))
                      or bool(_JOURNALIST_BIO.match(lines[i][:_HEAD_CHARS]))
                      or _is_bio_heading(lines[i][:_HEAD_CHARS]))
    comments = {i for i in range(first_body, end) if _is_comments_heading(lines[i][:_HEAD_CHARS])}
    end = _close_body(kept, first_body, end, comments.__contains__)
    end = _close_body(kept, first_body, end, lambda i: i in comments and _comment_stamp_follows(lines, i),
                      _MIN_PARAGRAPHS_BEFORE_COMMENTS)  # the comments under a short article
    end = _close_body(kept, first_body, end, lambda i: _opens_teaser_list(lines, info, i, end))
    tags = _find_tags(lines, info, kept, header_from, end)
    if not any(kept):  # no prose at all (a short plain text): keep what is not furniture
        kept = [not (item["furniture"] or item["credit"]) for item in info]
    body = [line for line, k in zip(lines, kept) if k]
    removed = [line for line, k in zip(lines, kept) if not k]
    headline = lines[headline_at] if headline_at is not None else ""
    language = guess_language("\n".join(body))
    published = _find_date(lines, header_from, first_body, end, month_first=language == "en")
    return page_result(
        body=body, removed=removed, headline=headline, authors=authors, author_roles=roles,
        published=published, read_time_min=_read_time(lines[header_from:first_body + 1]),
        tags=tags, outlet=_find_outlet(lines, kept, headline), language=language,
    )


def _is_standfirst(lines: list[str], info: list[dict], i: int, first_body: int) -> bool:
    """Line ``i``, right under the headline and above the body, is a standfirst (the summary
    the article opens with), not a byline, date, credit, button, title-case teaser or cut-off
    teaser ("...")."""
    if i >= first_body:
        return False
    item, head = info[i], lines[i][:_HEAD_CHARS]
    return (item["words"] >= _MIN_STANDFIRST_WORDS and not item["furniture"] and not item["credit"]
            and not _is_title_case(head) and not lines[i].endswith(("...", "…"))  # teasers
            and not _is_meta_line(head) and not _END_MARKER.match(head) and _LETTER.search(head) is not None)


def _recurs_in_run(info: list[dict], i: int, end: int) -> bool:
    """Line ``i`` comes again further down the body run: a photo credit under each picture
    ("Ann Lee"), not the author's bio, which the page shows once under the article."""
    key = info[i]["key"]
    return any(item["key"] == key for item in info[i + 1:end])


def _close_body(kept: list[bool], first_body: int, end: int, closes,
                min_paragraphs: int = _MIN_PARAGRAPHS_BEFORE_CLOSE) -> int:
    """End the body at the first line ``i`` for which ``closes(i)`` holds, once ``min_paragraphs``
    paragraphs are in (what follows an author bio, a comments heading or a teaser list is the
    page's, not the article's); lines from there on are no longer body. Returns the new end."""
    paragraphs = 0
    for i in range(first_body, end):
        if paragraphs >= min_paragraphs and closes(i):
            for j in range(i, end):
                kept[j] = False
            return i
        paragraphs += kept[i]
    return end


def _opens_teaser_list(lines: list[str], info: list[dict], i: int, end: int) -> bool:
    """Line ``i`` is a closing heading ("Latest Videos", "More on this Topic") that the body
    run bridged, and a teaser list follows it."""
    return info[i]["score"] == _END_MARKER_SCORE and bool(_END_MARKER.match(lines[i][:_HEAD_CHARS])) \
        and _is_teaser_list(info[i + 1:min(end, i + 1 + _TEASER_WINDOW)])


def _is_teaser_list(items: list[dict]) -> bool:
    """Lines that open with (title, one-line blurb) pairs rather than with the paragraphs,
    subheads or list items of an article."""
    blurbs = [b["words"] for a, b in zip(items, items[1:]) if not a["prose"] and b["prose"]]
    return len(blurbs) >= _MIN_TEASERS and sum(blurbs) / len(blurbs) < _MAX_BLURB_WORDS


def _is_bio_heading(head: str) -> bool:
    """ "About the author", "Über Ann Lee": what follows is the author's bio, not the article."""
    return _is_short(head, _MAX_MARKER_WORDS) and bool(_BIO_HEADING.match(head))


def _comment_stamp_follows(lines: list[str], i: int) -> bool:
    """A commenter's time stamp follows line ``i`` (a comments heading): "Ann Lee on May 3, 2023
    at 4:47 pm said:", "2 days ago at 07:52 am"."""
    return any(_is_short(line, _MAX_COMMENT_STAMP_WORDS) and _dates_or_times(line[:_HEAD_CHARS])
               for line in lines[i + 1:i + 1 + _COMMENT_STAMP_SPAN])


def _is_comments_heading(head: str) -> bool:
    """ "Comments", "12 comments", "[ 167 comments ]", "Top Rated Comments", "Leave a reply", "6 thoughts on
    “<headline>”" ..."""
    return (bool(_COMMENTS.match(head)) and _is_short(head, _MAX_MARKER_WORDS)) or bool(_COMMENTS_ON.match(head)) \
        or bool(_COMMENTS_LABEL.fullmatch(head.strip(" []()")))


def _bio_start(authors: list[str], name_alone: bool = True):
    """Matcher for a line that starts an author bio: the name followed by a verb ("Ann Lee is
    a reporter"), or (``name_alone``) the name on its own. An outlet taken for an author ("Seattle
    Times") opens teasers ("Seattle Times staff picks ..."), not a bio: it starts none."""
    people = [author for author in authors if not _ORGANISATION.search(author)]
    if not people:
        return lambda head: False
    ending = r"(?:$|\s(?-i:[a-z]))" if name_alone else r"\s(?-i:[a-z])"
    bio = re.compile("^(?:" + "|".join(re.escape(a) for a in people) + ")" + ending, re.IGNORECASE)
    return lambda head: bool(bio.match(head))


def _drop_leading_bio(lines: list[str], kept: list[bool], first_body: int, end: int, authors: list[str]) -> None:
    """A bio of the author printed above the article is not its first paragraph."""
    is_bio = _bio_start(authors, name_alone=False)
    for i in [i for i in range(first_body, end) if kept[i]][:2]:
        if is_bio(lines[i][:_HEAD_CHARS]):
            kept[i] = False


def _line_info(line: str) -> dict:
    """Word count, furniture/credit flags, whether the line is prose, and its body score."""
    head = line[:_HEAD_CHARS]
    # Long lines are not counted word by word: any line past _HEAD_CHARS is long enough.
    n_words = _word_count(head) if len(line) <= _HEAD_CHARS else max(60, len(line) // 6)
    furniture = bool(
        (n_words <= 6 and _FURNITURE.match(head))
        or (n_words <= 25 and _FURNITURE_ANYWHERE.search(head))
        or _TEASER_PREFIX.match(head) or _BOILERPLATE.search(head) or _BOILERPLATE_START.match(head)
        or (n_words <= _MAX_CONTACT_WORDS and "@" in head and _CONTACT.search(head))
        or _EMBED_SIGNATURE.match(head) or _EMBED_LINK.search(head) or _CALL_TO_ACTION.match(head)
    )
    tail = line[-_HEAD_CHARS:]
    credit = bool(_CREDIT.search(tail) or (len(line) > _HEAD_CHARS and _CREDIT.search(head))  # else head == tail
                  or (n_words >= _MIN_CAPTION_WORDS and _CAPTION_DATE.search(tail)
                      and _byline_text(head) is None and not _bare_byline(head)[0]))
    ends_sentence = bool(_SENTENCE_END.search(line[-8:])) and not line.endswith(("...", "…"))  # a cut teaser
    prose = not furniture and not credit \
        and ((n_words >= _MIN_PROSE_WORDS and ends_sentence) or _is_long_prose(head, n_words)) \
        and _LETTER.search(head) is not None and not _is_title_case(head)
    if prose:
        score = min(n_words, _MAX_PROSE_SCORE)
    elif (n_words <= _MAX_MARKER_WORDS and _END_MARKER.match(head) and not _TEASER_PREFIX.match(head)
          or (not furniture and not credit and _is_meta_line(head))):
        score = _END_MARKER_SCORE
    elif furniture or credit:
        score = _FURNITURE_SCORE
    else:
        score = _SHORT_LINE_SCORE
    return {"words": n_words, "furniture": furniture, "credit": credit, "prose": prose, "score": score}


def _is_long_prose(head: str, n_words: int) -> bool:
    """Thirty words or more with some sentence punctuation, or a list's entry: prose even without a
    sentence end (a tag cloud has no punctuation)."""
    return n_words >= 30 and (_PUNCTUATION.search(head) is not None or _LIST_ITEM.match(head) is not None)


def _mark_embedded_posts(lines: list[str], info: list[dict]) -> None:
    """The line above an embedded post's signature ("— Ann Lee (@annlee) May 3, 2023") is the
    post's text, quoted from elsewhere: furniture, not the article's prose; so are the lines
    above it that mention a handle or hashtag (a post of several lines)."""
    for i in range(1, len(lines)):
        if not _EMBED_SIGNATURE.match(lines[i][:_HEAD_CHARS]):
            continue
        for j in range(i - 1, max(-1, i - 1 - _MAX_POST_LINES), -1):
            if j < i - 1 and not _HANDLE.search(lines[j][:_HEAD_CHARS]):
                break
            info[j].update(furniture=True, prose=False, score=_FURNITURE_SCORE)


def _discount_repeated_prose(info: list[dict]) -> None:
    """Prose the page repeats verbatim (a dek, a caption, a teaser, a consent banner shown twice) is
    never kept, so it scores ``_REPEATED_PROSE_SCORE``, not its length: it must not draw the body
    run away from the article. Unless the page repeats all its prose (then nothing would be left)."""
    if all(item["repeats"] > 1 for item in info if item["prose"]):
        return
    for item in info:
        if item["prose"] and item["repeats"] > 1:
            item["score"] = _REPEATED_PROSE_SCORE


def _soften_repeated_markers(lines: list[str], info: list[dict]) -> None:
    """A closing heading the page repeats ("Related articles" over each box of links inside the
    article) labels a widget: it scores as furniture, not as the article's end."""
    for line, item in zip(lines, info):
        if item["repeats"] > 1 and item["score"] == _END_MARKER_SCORE and _END_MARKER.match(line[:_HEAD_CHARS]):
            item["score"] = _FURNITURE_SCORE


def _soften_lists(lines: list[str], info: list[dict]) -> None:
    """Entries of a list of ``_MIN_LIST_ITEMS`` or more ("2 cups flour", "Engine: V-8") score
    ``_LIST_ITEM_SCORE``, not a short line's score: a recipe's or a spec sheet's lists inside the
    article do not break its run."""
    entries = [item["score"] == _SHORT_LINE_SCORE and item["repeats"] == 1 and _is_list_item(line, item)
               for line, item in zip(lines, info)]
    i = 0
    while i < len(lines):
        stop = i
        while stop < len(lines) and entries[stop]:
            stop += 1
        if stop - i >= _MIN_LIST_ITEMS:
            for item in info[i:stop]:
                item["score"] = _LIST_ITEM_SCORE
        i = stop + 1


def _soften_teaser_bylines(lines: list[str], info: list[dict]) -> None:
    """A "By" line under a title, inside the article's running prose (:func:`_inside_article`) with
    prose below it that is not the writer's bio ("Ann has covered ..."), is a related story's teaser
    ("Related" / title / "By X"): it scores as furniture, not as a byline that ends the body, and the
    bonus for the prose under the page's byline skips it."""
    for i in range(2, len(lines) - 1):
        if info[i]["score"] == _END_MARKER_SCORE and not info[i - 1]["prose"] and _inside_article(info, i) \
                and _is_title_like(lines[i - 1], info[i - 1]) and _is_byline(lines[i][:_HEAD_CHARS]):
            below = next((j for j in range(i + 1, min(i + 3, len(lines))) if info[j]["prose"]), None)
            names = split_byline(_byline_text(lines[i][:_HEAD_CHARS]) or "")[0]
            if below is not None and lines[below].split(None, 1)[0] not in " ".join(names).split():
                info[i]["score"] = _FURNITURE_SCORE


def _is_title_case(text: str) -> bool:
    """Headline Case: almost every word of four or more letters is capitalised."""
    if text.isascii() and _many_lower_case_words(text):
        return False  # settled in a few words, without listing them all
    initials = (_ASCII_CONTENT_WORD_INITIAL if text.isascii() else _CONTENT_WORD_INITIAL).findall(text)
    return len(initials) >= 4 and sum(map(str.isupper, initials)) >= _TITLE_CASE_SHARE * len(initials)


# A word of four or more letters opening with a lower-case letter, in ASCII text; the bytes that are
# not capitals; and the capitalised words Headline Case needs per lower-case one (4 for a share of 0.8).
_ASCII_LOWER_CONTENT_WORD = re.compile(r"(?<![A-Za-z])[a-z][A-Za-z]{3}")
_NOT_CAPITALS = bytes(c for c in range(256) if not ord("A") <= c <= ord("Z"))
_CAPITALISED_PER_LOWER_CASE_WORD = int(_TITLE_CASE_SHARE / (1 - _TITLE_CASE_SHARE))


def _many_lower_case_words(text: str) -> bool:
    """Whether ASCII ``text`` has too many words of four or more letters opening in lower case for
    :func:`_is_title_case`: more than its capital letters (which bound its capitalised words) allow.
    Prose shows that within its first few words."""
    capitals = len(text.encode("ascii").translate(None, _NOT_CAPITALS))
    needed = capitals // _CAPITALISED_PER_LOWER_CASE_WORD + 1
    return sum(1 for _ in islice(_ASCII_LOWER_CONTENT_WORD.finditer(text), needed)) == needed


def _with_byline_bonus(lines: list[str], info: list[dict]) -> list[float]:
    """Line scores, plus a bonus for the first prose line after the page's first "By" line (or
    name with its date: "Ann Lee | May 3, 2023") that more prose follows within two lines: the
    article starts under its byline, not in a sidebar of long teasers nor at a lone blurb (a
    column's description under the columnist's byline, above the headline). Buttons between them
    (a share bar) do not count towards the distance."""
    scores = [item["score"] for item in info]
    byline = next((i for i, line in enumerate(lines) if len(line) < 200 and (
        _is_byline(line) or (not info[i]["prose"] and _is_dated_name(line))) and not _inside_article(info, i)), None)
    if byline is None:  # no byline: the article starts under its "Published ..." line instead
        byline = next((i for i, line in enumerate(lines) if _is_labelled_date(line[:_HEAD_CHARS])), None)
    if byline is not None:
        below = (i for i in range(byline + 1, len(lines)) if not info[i]["furniture"])  # a share bar does not count
        first = next((i for i in islice(below, _BYLINE_REACH)
                      if info[i]["prose"] and any(item["prose"] for item in info[i + 1:i + 3])), None)
        if first is not None:
            scores[first] += _BYLINE_BONUS
    return scores


def _inside_article(info: list[dict], i: int) -> bool:
    """Two paragraphs in a row end at most ``_TEASER_LINES_ABOVE_BYLINE`` lines above line ``i``: the article
    is already running, and a byline there is a related story's teaser's (label, title, "By X")."""
    return any(info[j]["prose"] and info[j + 1]["prose"] for j in range(max(0, i - _TEASER_LINES_ABOVE_BYLINE), i - 1))


def _is_dated_name(line: str) -> bool:
    """A bare byline with its date or time stamp on one line ("Ann Lee | May 3, 2023", "Ann Lee, Staff
    Writer - Thursday, May 4, 2023"): as sure a byline as a "By" line."""
    return _dates_or_times(line[:_HEAD_CHARS]) and bool(_bare_byline(line)[0])


def _is_labelled_date(head: str) -> bool:
    """A short line giving the page's own date ("Published On 22 Dec 2023", "Posted: May 3, 2023")."""
    date = _DATE.search(head) if _is_short(head, 14) else None
    return bool(date) and bool(_DATE_LABEL.search(head[:date.start()]))


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
    """Body lines inside the run: prose, plus short subheads that introduce prose and list
    items. A line the page repeats verbatim is a dek, caption, credit or teaser."""
    kept = [False] * len(lines)
    for i in range(start, end):
        item = info[i]
        if item["repeats"] > 1:
            continue
        if item["prose"]:
            kept[i] = True
        elif _is_subhead(lines[i], item) and i > start and _prose_follows(lines, info, i, end):
            kept[i] = True
        elif start < i < end - 1 and _is_list_item(lines[i], item):
            kept[i] = True
    for i in range(start + 1, end - 1):  # a one-line paragraph between two kept lines
        if kept[i - 1] and kept[i + 1] and not kept[i] and info[i]["repeats"] == 1 \
                and _is_short_sentence(lines[i], info[i]):
            kept[i] = True
    for i in range(end - 2, start, -1):  # a heading or lead-in ("Ingredients", "The changes:") over a list
        if not kept[i] and kept[i + 1] and info[i]["repeats"] == 1 and _is_subhead(lines[i], info[i]) \
                and _is_list_item(lines[i + 1], info[i + 1]):
            kept[i] = True
    _keep_announced_entries(lines, info, kept, start, end)
    for i in _teaser_links(lines, info, start, end):
        kept[i] = False
    _drop_captions(lines, info, kept, start, end)
    return kept


def _drop_captions(lines: list[str], info: list[dict], kept: list[bool], start: int, end: int) -> None:
    """Below the article's first kept line (a caption above it is the header's), drop the short
    sentences over bare photo credits when the page prints ``_MIN_CAPTIONS`` or more of them: its
    photos carry captions. One alone may be a short paragraph over a photo that has only a credit."""
    first = next((i for i in range(start, end) if kept[i]), end)
    captions = [i for i in range(first + 1, end - 1) if kept[i] and _is_caption_over_credit(lines, info, i)]
    if len(captions) >= _MIN_CAPTIONS:
        for i in captions:
            kept[i] = False


def _is_caption_over_credit(lines: list[str], info: list[dict], i: int) -> bool:
    """A short sentence right above a bare photo credit ("Crowds gather on Tuesday." over "Photo: Jo
    Roe/Reuters") is the photo's caption, not a paragraph (those run longer); an aside in brackets
    ("(I know, radical, right?)") is no credit."""
    below = info[i + 1]
    return (below["credit"] and below["words"] <= _MAX_BARE_CREDIT_WORDS and info[i]["words"] <= _MAX_CAPTION_WORDS
            and bool(_SENTENCE_END.search(lines[i][-8:]))
            and _CREDIT.search(lines[i + 1].strip("()[] ")) is not None)


def _teaser_links(lines: list[str], info: list[dict], start: int, end: int) -> list[int]:
    """Lines of the run that link other articles: those under a teaser label or closing heading
    ("Read more:", "Related articles", "Don't miss", "More from Sport") up to the next prose
    line. A short subhead right above that prose is the article resuming, not a link (unless a
    "Read more:" label points at it)."""
    links, label, pointed = [], None, False
    for i in range(start, end):
        item = info[i]
        if item["prose"]:
            label = None
            continue
        points = _points_to_teaser(lines[i], item)
        if points or (item["words"] <= _MAX_HEADING_UNDER_TEASERS and _END_MARKER.match(lines[i][:_HEAD_CHARS])):
            label, pointed = i, points
        elif label is not None and ((pointed and i == label + 1) or item["words"] > _MAX_HEADING_UNDER_TEASERS
                                    or i + 1 >= end or not info[i + 1]["prose"]):
            links.append(i)
    return links


def _keep_announced_entries(lines: list[str], info: list[dict], kept: list[bool], start: int, end: int) -> None:
    """Keep the entries of a list whose markers were not copied ("Here's what changed:", then
    "Rents fell in every ward" ...) when a lead-in ending with a colon announces them, the
    article goes on right after them and every line between is a plain entry."""
    for i in range(start + 1, end - 1):
        head = lines[i][:_HEAD_CHARS]
        if not head.endswith(":") or not (kept[i] or (kept[i - 1] and _is_subhead(lines[i], info[i]))):
            continue
        resume = next((j for j in range(i + 1, min(end, i + 2 + _MAX_ANNOUNCED_ENTRIES)) if kept[j]), None)
        entries = range(i + 1, resume if resume is not None else i + 1)
        if entries and all(_is_plain_entry(lines[j], info[j]) for j in entries):
            for j in range(i, entries.stop):
                kept[j] = True


def _is_plain_entry(line: str, item: dict) -> bool:
    """A list entry without a marker: two words or more of text, not a button, credit, byline,
    date, closing heading, teaser or a line the page repeats."""
    head = line[:_HEAD_CHARS]
    return (item["repeats"] == 1 and item["words"] >= 2 and not item["furniture"] and not item["credit"]
            and not line.endswith(("...", "…")) and _LETTER.search(head) is not None and not _is_meta_line(head)
            and not _END_MARKER.match(head) and not _TEASER_PREFIX.match(head))


def _prose_follows(lines: list[str], info: list[dict], i: int, end: int) -> bool:
    """Prose follows line ``i`` before ``end``, directly or past a photo's credit (and at most
    ``_MAX_SKIPPED_UNDER_SUBHEAD`` credits or buttons in all: "Advertisement" under the photo).
    A line ending like a sentence or cut off ("... a family man (") above a credit is a caption,
    and a line above a button ("View this post on Instagram") an embed, not a subhead."""
    if i + 1 < end and info[i + 1]["prose"]:
        return True
    if i + 1 >= end or not info[i + 1]["credit"] or lines[i].endswith((".", ",", "(")):
        return False
    for j in range(i + 2, min(end, i + 2 + _MAX_SKIPPED_UNDER_SUBHEAD)):
        if info[j]["prose"]:
            return True
        if not (info[j]["credit"] or info[j]["furniture"]):
            return False
    return False


def _points_to_teaser(line: str, item: dict) -> bool:
    """A "Read more:" / "Related" label alone on its line: the line under it links another article."""
    head = line[:_HEAD_CHARS]
    return item["words"] <= 4 and bool(_TEASER_PREFIX.match(head) or _LINK_LABEL.fullmatch(head))


def _extend_over_list(lines: list[str], info: list[dict], kept: list[bool], end: int) -> int:
    """Extend the body over a list that its last lines announce (a lead-in such as "The full
    list of winners is below:" or a heading such as "Tech Specs", then "Best Film - The
    Harbour", "Engine: V-8" ...): list entries are short and score below zero, so the run stops
    before them. Marks the lead-in and the entries kept; returns the new end."""
    for lead in range(end, min(end + _MAX_LIST_LEAD_GAP + 1, len(lines))):
        head = lines[lead][:_HEAD_CHARS]
        announces = head.endswith(":") or not _SENTENCE_END.search(head)  # "The winners:", "Tech Specs"
        if announces and _is_subhead(lines[lead], info[lead]) and info[lead]["repeats"] == 1:
            break
    else:
        return end
    stop = lead + 1
    while stop < len(lines) and info[stop]["repeats"] == 1 and _is_list_item(lines[stop], info[stop]):
        stop += 1
    if stop - lead - 1 < _MIN_LIST_ITEMS:
        return end
    for i in range(lead, stop):
        kept[i] = True
    return stop


def _resume_after_announcement(lines: list[str], info: list[dict], kept: list[bool], end: int) -> int:
    """An article does not end on a line that announces more ("... with a record of .650 or
    better:"): when the body's last line ends with a colon, the table or embed it announces
    breaks the run, and the article resumes at the next prose line within
    ``_ANNOUNCED_SPAN`` lines; its best run from there is kept too. Returns the new end."""
    last = next((i for i in range(end - 1, -1, -1) if kept[i]), None)
    if last is None or not lines[last][:_HEAD_CHARS].endswith(":"):
        return end
    resume = next((i for i in range(end, min(end + _ANNOUNCED_SPAN, len(lines))) if info[i]["prose"]), None)
    if resume is None:
        return end
    total, best, stop = 0, 0, resume
    for i in range(resume, len(lines)):
        total += info[i]["score"]
        if total > best:
            best, stop = total, i + 1
    for i, keep in enumerate(_keep_in_run(lines, info, resume, stop)[resume:stop], start=resume):
        kept[i] = keep
    return stop


def _is_short_sentence(line: str, item: dict) -> bool:
    """A short sentence ("The phenomenon has a name."): two to seven words ending in sentence
    punctuation, with a lower-case word after the first (not a name such as "Warner Bros.")."""
    head = line[:_HEAD_CHARS]
    return (2 <= item["words"] < _MIN_PROSE_WORDS and not item["furniture"] and not item["credit"]
            and bool(_SENTENCE_END.search(head)) and not head.endswith((":", ";"))
            and any(w[:1].islower() for w in head.split()[1:]) and not _is_title_case(head)
            and not _is_meta_line(head) and not _END_MARKER.match(head))


def _is_list_item(line: str, item: dict) -> bool:
    """A list entry inside the article ("1 cup kimchi", "Engine type: V-8", "Torque: 258lb-ft", "- Item")."""
    if item["furniture"] or item["credit"] or item["words"] < 2 or line.endswith(("...", "…")):  # a cut teaser
        return False
    if item["words"] == 2 and not _FIELD_ITEM.match(line):  # "Torque: 151lb-ft", not "Share Story"
        return False
    head = line[:_HEAD_CHARS]
    if _is_meta_line(head) or _END_MARKER.match(head) or _TEASER_PREFIX.match(head) or not _LIST_ITEM.match(head):
        return False
    dated = _DATE.search(head)  # "Ann Lee · City News · Posted: May 3, 2023 ..." is a byline
    return not (dated and _DATE_LABEL.search(head[:dated.start()]))


def _is_subhead(line: str, item: dict) -> bool:
    """A short heading inside the article (kept when prose follows it)."""
    if item["furniture"] or item["credit"] or not 1 <= item["words"] <= 12:
        return False
    head = line[:_HEAD_CHARS]
    if _DATE.search(head) or _is_byline(head) or _END_MARKER.match(head) or not _LETTER.search(head):
        return False
    # A long headline-like line between paragraphs is a related-article teaser, not a subhead.
    return item["words"] <= 8 or line.endswith(("?", ":"))


def _is_short(line: str, max_words: int) -> bool:
    """At most ``max_words`` whitespace-separated words."""
    return _capped_word_count(line[:_HEAD_CHARS], max_words) <= max_words


# --- headline ----------------------------------------------------------------------------------

def _distinct_positions(info: list[dict]) -> list[int]:
    """Running count of lines the page does not repeat: distances measured in it skip blocks
    of repeated widgets ("Oops! Something went wrong." ten times over)."""
    positions, count = [], 0
    for item in info:
        count += item["repeats"] == 1
        positions.append(count)
    return positions


def _span_start(position: list[int], first_body: int) -> int:
    """First line at most ``_HEADER_SPAN`` distinct lines above the body's first line."""
    return bisect_left(position, position[first_body] - _HEADER_SPAN, 0, first_body)  # positions never decrease


def _find_headline(lines: list[str], info: list[dict], first_body: int, end: int,
                   body_vocab: set[str], position: list[int]) -> int | None:
    """Index of the headline: a title-like line before the body, followed by a byline or date,
    sharing words with the body. A tag line (title-case words repeated after the body, no
    byline or date right below) is not a headline."""
    lo = _span_start(position, first_body)
    after_body = {item["key"] for item in info[end:]}
    crumbs = [info[j]["key"] for j in range(max(0, lo - _HEADER_SPAN), min(first_body + _HEADER_SPAN, len(lines)))
              if _BREADCRUMB.search(lines[j][:_HEAD_CHARS])]
    body_lines = {item["key"] for item in info[first_body:end]}
    best, best_score = None, float("-inf")
    for i in range(lo, first_body):
        line = lines[i]
        item = info[i]
        if item["repeats"] >= _WIDGET_REPEATS or not _is_title_like(line, item) \
                or (i > 0 and _PLAYER_STATE.fullmatch(lines[i - 1])) \
                or _under_short_headline(lines, info, i, body_vocab):  # "VIDEO LOADING" / the video's title; a dek
            continue
        meta = _meta_follows(lines, info, i, first_body)
        # under the header's byline, share bar and player: a video's title or a caption, not the headline
        under_byline = _under_byline(lines, info, i)
        linked = i > 0 and _points_to_teaser(lines[i - 1], info[i - 1])  # under "Related" / "Read more": another article
        # without a byline or date below (or a weak one far below), the article's first prose right below anchors it
        opens = not (meta > 1.0 or under_byline or linked) and _opens_article(lines, info, i, first_body, body_vocab)
        overlap = _overlap(line, body_vocab)
        # In a list under "Most read", a title not on the body's subject is a teaser (unless the list ends on
        # it); the first title on it after the teasers, where their run ends, is the headline under the list.
        headed, entries = False, _teaser_entries_above(lines, info, i)
        if entries is not None:
            below = _below_box(lines, info, i + 1, first_body)
            # sharing common words ("local", "years", "business") with the body, a teaser is less on its
            # subject than the title under it (no sentence) over a dek over a byline or date: the headline
            on_subject = overlap >= _MIN_STANDFIRST_OVERLAP and not (
                below < first_body and _is_title_like(lines[below], info[below])
                and not _SENTENCE_END.search(lines[below][-8:]) and _overlap(lines[below], body_vocab) > overlap
                and _meta_follows(lines, info, below, first_body) == _META_OVER_DEK)
            last = below >= first_body or not _is_teaser_entry(lines, info, below)
            if not (on_subject or last):
                linked, opens = True, False
            headed = on_subject and bool(entries) and _is_teaser_entry(lines, info, i) \
                and _overlap(lines[entries[0]], body_vocab) < _MIN_STANDFIRST_OVERLAP \
                and (last or _overlap(lines[below], body_vocab) >= _MIN_STANDFIRST_OVERLAP)
        # A tag line recurs below the body; so may the headline (in "Latest" lists), but a byline,
        # date or the article's prose follows the headline.
        if _is_tag_line(line) and item["key"] in after_body and meta != _META_DIRECTLY_BELOW and not opens:
            continue
        distance = position[first_body] - position[i] + 1
        # byline and date printed above it, no headline above them: the headline under its metadata
        heads = not linked and _heads_under_meta(lines, info, i, body_vocab)
        score = -_HEADLINE_DISTANCE_COST * distance + max(meta, _OPENS_ARTICLE * opens, _META_ABOVE * heads)
        if not meta and overlap and _share_bar_follows(lines, info, i):
            score += _SHARE_BAR_BELOW
        if item["repeats"] > 1 or _echoed(line, crumbs):
            score += 1
        if line.endswith("."):
            score -= 2
        if i + 1 < len(info) and info[i + 1]["credit"] and item["words"] > 4 \
                and info[i + 1]["words"] <= _MAX_BARE_CREDIT_WORDS:
            score -= 3  # a caption: its photo credit follows (a longer credited line is the caption itself)
        if ((i > 0 and (_is_meta_line(lines[i - 1]) or _RELATIVE_TIME.match(lines[i - 1]))) or under_byline) \
                and not heads:
            score -= 3  # under a byline or date: a caption or dek, the headline sits above them
        if linked:
            score -= 3
        if _is_list_entry(lines, info, i):
            score -= 3  # "list 2 of 4" / <title> / "list 3 of 4", "Pros: ..." / "Cons: ...": a widget's entry
        if item["key"] in body_lines:
            score -= 3  # a contents entry: the article repeats it as a subhead
        if _contains_other_line(lines, info, lo, first_body, i):
            score -= 3  # "Share: <headline>", "Section<headline>": the bare copy is the headline
        # A title-like line above counts against a dek (a sentence), not against a title the byline
        # directly follows (the headline under a teaser).
        label = 2.0 if headed else _label_before(lines, info, i)  # the list above labels the headline
        titled = meta == _META_DIRECTLY_BELOW and not line.endswith((".", "!", "…"))
        score += (max(label, 0.0) if titled else label) + _HEADLINE_OVERLAP_WEIGHT * overlap
        if len(_content_words(line)) >= 2 and not overlap:
            score -= _UNRELATED_TITLE_COST  # no content word in the body: another article's teaser
        if item["words"] <= 2:
            score -= 3
        elif item["words"] <= 4:
            score -= 1
        elif item["words"] <= 25:
            score += 1
        if score > best_score:
            best, best_score = i, score
    return best


def _teaser_entries_above(lines: list[str], info: list[dict], i: int) -> list[int] | None:
    """The entries above line ``i`` of a list of teasers under a label ("Most read", "Trending", "Top
    stories") that line ``i`` belongs to: only entries (:func:`_is_teaser_entry`) and the buttons, photo
    credits, numbers or time stamps between them (:func:`_in_list_box`) part it from the label. None
    when line ``i`` is in no such list."""
    entries = []
    for j in range(i - 1, max(-1, i - 1 - _MAX_TEASER_LIST_LINES), -1):
        if _TEASER_LIST_LABEL.fullmatch(lines[j][:_HEAD_CHARS]):
            return entries
        if _is_teaser_entry(lines, info, j):
            entries.append(j)
        elif not _in_list_box(lines[j], info[j]):
            return None
    return None


def _is_teaser_entry(lines: list[str], info: list[dict], j: int) -> bool:
    """Line ``j`` could be a teaser list's entry: a title of five or more words, without a dek's full stop."""
    return 0 <= j < len(lines) and info[j]["words"] >= 5 and not lines[j].endswith(".") \
        and _is_title_like(lines[j], info[j])


def _in_list_box(line: str, item: dict) -> bool:
    """A button, photo credit, number or time stamp between the entries of a teaser list."""
    head = line[:_HEAD_CHARS]
    return item["furniture"] or item["credit"] or bool(_DIGITS.fullmatch(head)) \
        or (item["words"] <= _MAX_STAMP_WORDS and _dates_or_times(head))


def _below_box(lines: list[str], info: list[dict], j: int, stop: int) -> int:
    """The first line from ``j`` on (before ``stop``) that is not a button, credit, number or time stamp."""
    while j < stop and _in_list_box(lines[j], info[j]):
        j += 1
    return j


def _heads_under_meta(lines: list[str], info: list[dict], i: int, body_vocab: set[str]) -> bool:
    """Line ``i`` is a headline printed under its byline or date ("By Ann Lee" / "May 3, 2023" /
    <headline>): a block of such lines (one a byline or date; buttons between them) sits right above
    it, and the line above that block is no title or prose of five or more words (the headline or dek
    that line ``i`` would be the dek or a link under, or a teaser over its date in a list of them). A
    line of four words or fewer is a label, one ending with a full stop or running into a credit a dek
    or caption ("... off Iceland.Jo Roe/AP"), one opening with a job title the byline's role; the
    headline shares a word with the body, and one over another title (a dek, or the next entry of a
    list of the author's articles) is on the body's subject."""
    if i == 0 or info[i]["words"] <= 4 or lines[i].endswith(".") or not _in_meta_block(lines[i - 1], info[i - 1]) \
            or _ROLE_WORD.match(lines[i]) or not _overlap(lines[i], body_vocab) \
            or _GLUED_CREDIT.search(lines[i][:_HEAD_CHARS]) \
            or (_overlap(lines[i], body_vocab) < _MIN_STANDFIRST_OVERLAP
                and _is_teaser_entry(lines, info, _below_box(lines, info, i + 1, len(lines)))):
        return False
    j = i - 1
    while j > max(0, i - 1 - _MAX_META_ABOVE) \
            and (info[j - 1]["furniture"] or _in_meta_block(lines[j - 1], info[j - 1])):
        j -= 1
    if not any(_is_meta_line(line) or _RELATIVE_TIME.match(line) for line in lines[j:i]):
        return False  # name-shaped menu entries ("Link Building") are no byline without a date or "By"
    if j == 0:
        return True
    above, item = lines[j - 1], info[j - 1]
    return not (item["words"] >= 5 and (item["prose"] or _is_title_like(above, item))
                and not above.endswith(("...", "…")))  # a cut-off teaser ("Now Reading: ...") is no headline


def _in_meta_block(line: str, item: dict) -> bool:
    """A byline, date, time stamp ("10:45 AM ET") or bare name line of a header's metadata block."""
    head = line[:_HEAD_CHARS]
    return not _is_dated_title(head) and (
        _is_meta_line(head) or _is_name_line(head, item["words"])
        or (item["words"] <= _MAX_STAMP_WORDS and _dates_or_times(head)))  # relative times too


def _share_bar_follows(lines: list[str], info: list[dict], i: int) -> bool:
    """Line ``i``, a title (no sentence ends in it), has a share bar under it, directly or under a
    dek: a share button and another button. (A caption, "... off Iceland.Jo Roe/AP", may have one
    too; a menu entry may have a lone "Email" link.)"""
    if lines[i].endswith(".") or _INNER_SENTENCE_END.search(lines[i][:_HEAD_CHARS]):
        return False
    j = i + 1
    if j < len(lines) and info[j]["words"] >= _MIN_STANDFIRST_WORDS and not info[j]["furniture"]:
        j += 1
    return j + 1 < len(lines) and info[j]["furniture"] and bool(_SHARE_BUTTON.match(lines[j][:_HEAD_CHARS])) \
        and (info[j + 1]["furniture"] or bool(_SHARE_BUTTON.match(lines[j + 1][:_HEAD_CHARS])))


def _under_byline(lines: list[str], info: list[dict], i: int) -> bool:
    """Line ``i`` sits under a byline past buttons, and maybe one-word labels (a share bar, a
    player's "close" / "Video"): the header's metadata is above it. (A section label alone between
    them, "By Bo Chan" / "Politics", may be a teaser's byline over the headline's label.)"""
    for j in range(i - 1, max(-1, i - 2 - _MAX_BUTTONS_UNDER_BYLINE), -1):
        if not (info[j]["furniture"] or info[j]["words"] <= 1):
            return any(item["furniture"] for item in info[j + 1:i]) and len(lines[j]) < 200 and _is_byline(lines[j])
    return False


def _is_list_entry(lines: list[str], info: list[dict], i: int) -> bool:
    """Line ``i`` is an entry of a list: the line above it is a marker that recurs below it ("Read on"
    / <entry> / "Read on", "list 2 of 4" / <entry> / "list 3 of 4"), or a numbered marker that
    recurs above the entry before (the last entry: "list 3 of 4" / <entry> / "list 4 of 4" / <entry>),
    or it and a neighbour are fields ("Pros: ..." / "Cons: ..."). A section label over a teaser and
    over the headline under it has no number."""
    if not 0 < i < len(lines) - 1:
        return False
    above, below = lines[i - 1][:_HEAD_CHARS], lines[i + 1][:_HEAD_CHARS]
    if not info[i - 1]["furniture"] and _is_short(above, 4) and not _is_meta_line(above):  # a date: scored apart
        marker = _DIGITS.sub("#", above).casefold()
        recurs = (i + 1,) if marker == above.casefold() else (i + 1, i - 3)
        if any(j >= 0 and not info[j]["furniture"] and _DIGITS.sub("#", lines[j][:_HEAD_CHARS]).casefold() == marker
               for j in recurs):
            return True
    return bool(_FIELD_LABEL.match(lines[i][:_HEAD_CHARS])) \
        and bool(_FIELD_LABEL.match(above) or _FIELD_LABEL.match(below))


def _opens_article(lines: list[str], info: list[dict], i: int, first_body: int, body_vocab: set[str]) -> bool:
    """Line ``i``, a title of five or more words, sits right above the article's first prose: the
    body's first line, or a standfirst on the body's subject (not a caption: no photo credit under it).
    A short subhead or button ("Read in app"), a caption ("Ann Lee holding the award."), a notice
    of several sentences, a name with a job title ("Ann Lee, Opinion Writer") or a line sharing no
    word with the body (a promo: "Get the best stories delivered every morning") does not count."""
    below = info[i + 1]
    return info[i]["words"] > 4 and not lines[i].endswith(".") and below["prose"] and below["repeats"] == 1 \
        and not (i + 2 < len(info) and info[i + 2]["credit"] and info[i + 2]["words"] <= _MAX_BARE_CREDIT_WORDS) \
        and not _INNER_SENTENCE_END.search(lines[i][:_HEAD_CHARS]) \
        and not _ROLE_TITLE.search(lines[i][:_HEAD_CHARS]) \
        and (i + 1 == first_body or _overlap(lines[i + 1], body_vocab) >= _MIN_STANDFIRST_OVERLAP) \
        and _overlap(lines[i], body_vocab) > 0


def _content_words(text: str) -> list[str]:
    """Lower-cased words of four or more letters."""
    return [w.lower() for w in _content_word_runs(text[:_HEAD_CHARS])]


def _content_vocabulary(text: str) -> set[str]:
    """The lower-cased content words of ``text`` (as :func:`_content_words`, without the cut), as a
    set; when its only letters are ASCII ones, from the byte table (faster than the regex)."""
    if _ascii_letters_only(text):
        return {word for word in _ascii_lowercase_words(text) if len(word) > 3}
    return set(map(str.lower, _content_word_runs(text)))


def _content_word_runs(text: str) -> list[str]:
    """The runs of four or more letters in ``text``, as written."""
    return (_ASCII_CONTENT_WORD if text.isascii() else _CONTENT_WORD).findall(text)


def _overlap(line: str, vocab: set[str]) -> float:
    """Share of the line's content words (4+ letters) that the body uses, damped for lines
    with fewer than four such words (a section label easily scores 1)."""
    words = _content_words(line)
    return sum(w in vocab for w in words) / max(len(words), 4)


def _label_before(lines: list[str], info: list[dict], i: int) -> float:
    """Headlines follow a short label (section, breadcrumb, button); deks follow a headline, also
    past its comments button, other buttons ("Advertisement", a share bar) or a photo."""
    if i == 0:
        return 2.0
    key = info[i]["key"]
    if i > 1 and info[i - 1]["words"] <= 2 and _is_comments_heading(lines[i - 1][:_HEAD_CHARS]):
        i -= 1  # a comments button between a headline and its dek ("Comments", "12 comments")
    above = i  # buttons or a photo between a headline and its dek ("Advertisement", a share bar)
    while above > max(1, i - _MAX_BUTTONS_UNDER_BYLINE) and _in_header_box(info, above - 1):
        above -= 1
    # (a cut-off teaser, "Now Reading: Ann Lee wins ...", is no headline of this dek)
    if above < i and _is_title_like(lines[above - 1], info[above - 1]) \
            and not lines[above - 1].endswith(("...", "…")):
        i = above
    prev, item = lines[i - 1], info[i - 1]
    # a label, a decorated copy of the candidate, or the last entry of a menu
    if item["words"] <= 4 or item["furniture"] or item["credit"] or _BREADCRUMB.search(prev[:_HEAD_CHARS]) \
            or key in item["key"] or (i > 1 and _same_opening(prev, lines[i - 2])):
        return 2.0
    sentence = prev.endswith(".") and not _is_title_case(prev[:_HEAD_CHARS])  # "You can skip this ad in 5 seconds."
    return -2.0 if _is_title_like(prev, item) and item["words"] >= 6 and not sentence else 0.0


def _under_short_headline(lines: list[str], info: list[dict], i: int, body_vocab: set[str]) -> bool:
    """Line ``i`` is a dek (a sentence of ``_MIN_DEK_WORDS`` or more words, not title case) under a
    headline of three or four words in sentence case on the body's subject ("The quantum phantom"),
    not under a label ("Most Popular Stories", "PC Components PC Cases": capitalised words)."""
    if i == 0 or info[i]["words"] < _MIN_DEK_WORDS or _is_title_case(lines[i][:_HEAD_CHARS]):
        return False
    above, item = lines[i - 1], info[i - 1]
    words = _content_word_runs(above)
    return 3 <= item["words"] <= 4 and any(word[0].islower() for word in words) \
        and any(word.lower() in body_vocab for word in words) and _is_title_like(above, item) \
        and not above.endswith((".", "?", "!")) and _LABEL_WORDS.isdisjoint(above.lower().split()) \
        and not (i > 1 and _same_opening(above, lines[i - 2]))


def _in_header_box(info: list[dict], j: int) -> bool:
    """Line ``j`` is a button ("Advertisement", a share bar, "Listen to this article"), a photo's
    credit or the caption over one: a box the page prints between a headline, its dek and byline."""
    return (info[j]["furniture"] and info[j]["score"] == _FURNITURE_SCORE) or info[j]["credit"] \
        or (j + 1 < len(info) and info[j + 1]["credit"] and info[j + 1]["words"] <= _MAX_BARE_CREDIT_WORDS)


def _same_opening(line: str, other: str) -> bool:
    """Both lines open with the same two words: entries of one menu ("Follow us on X" / "Follow us on Y")."""
    words = line[:_HEAD_CHARS].split(maxsplit=2)
    return len(words) > 2 and other[:_HEAD_CHARS].split(maxsplit=2)[:2] == words[:2]


def _contains_other_line(lines: list[str], info: list[dict], lo: int, hi: int, at: int) -> bool:
    """Whether a shorter line of lines[lo:hi] (20+ characters) is a part of line ``at``."""
    line = lines[at]
    folded = _fold(line)
    return any(j != at and 20 <= len(lines[j]) < len(line) and _folded_line(lines[j], info[j]) in folded
               for j in range(lo, hi))


def _folded_line(line: str, item: dict) -> str:
    """``_fold(line)``; the line's key when that covers the whole line."""
    return item["key"] if len(line) <= _HEAD_CHARS else _fold(line)


def _meta_follows(lines: list[str], info: list[dict], i: int, first_body: int) -> float:
    """How directly a byline or date ("Updated 3 hours ago" too) follows line ``i`` (a dek of one or
    two lines or a caption may sit between; buttons, "Advertisement" or a share bar, and photos
    between do not count); a bare name counts beside a date or before a field separator ("Ann Lee |";
    share buttons below a name-shaped line are not enough here: menus end with social links too)."""
    at = [j for j in range(i + 1, min(i + 5 + _MAX_BUTTONS_UNDER_BYLINE, first_body + 1))
          if not _in_header_box(info, j)][:4]
    following = [lines[j] for j in at]
    for distance, line in enumerate(following):
        if (_is_meta_line(line) and not _is_dated_title(line[:_HEAD_CHARS])) or _RELATIVE_TIME.match(line) \
                or ((_date_beside(following, distance + 1) or _is_field_strip(line)) and _bare_byline(line)[0]):
            if distance == 0:
                return _META_DIRECTLY_BELOW
            # past a box, a dek is prose or ends a sentence: a title there is the headline under a teaser
            dek = all((info[j]["words"] >= 5 or info[j]["credit"]) and (
                j == previous + 1 or info[j]["prose"] or _SENTENCE_END.search(lines[j][-8:]))
                for previous, j in zip([i, *at], at[:distance]))
            # a dek of one line, or of two whose first ends a sentence (a title above a dek is a headline)
            return _META_OVER_DEK if dek and (distance == 1 or (distance == 2 and _SENTENCE_END.search(following[0]))) \
                else 1.0
    return 0.0


def _is_title_like(line: str, item: dict) -> bool:
    """Could be a headline: a few words, not furniture, a byline, a date, a time stamp or a name."""
    head = line[:_HEAD_CHARS]
    return (not item["furniture"] and not item["credit"] and 2 <= item["words"] <= _MAX_TITLE_WORDS
            and len(line) >= 10 and (not _is_meta_line(line) or _is_dated_title(head)) and not line.endswith((":", ","))
            and _LETTER.search(head) is not None and not _BREADCRUMB.search(head)
            and (line[0].isalnum() or line[0] in "\"'‘“") and not line.endswith("|")
            and not (item["words"] <= 4 and _ROLE_TITLE.search(head)) and not _is_name_line(head, item["words"])
            and not _RELATIVE_TIME.match(head))  # "Updated 3 hours ago"


def _is_name_line(head: str, n_words: int) -> bool:
    """A byline without "By", not a title: a short name ("Ann Lee"), names ("Ann Lee and Bo Chan") or a
    name with its date or read time ("Ann Lee • 3 min read")."""
    if n_words > 12 or (n_words > 3 and not _NAME_LIST_SEPARATOR.search(head) and not _dates_or_times(head)):
        return False
    authors = _bare_byline(head)[0]
    return bool(authors) and (n_words <= 3 or len(authors) > 1 or _dates_or_times(head))


def _is_dated_title(head: str) -> bool:
    """A title that names a date ("The Weekly Roundup 2023.12.10", "Crossword answers for March 3,
    2023"): besides the date, three or more words, two of them content words, and no label,
    time, read time or byline that would make it the page's date line."""
    date = _DATE.search(head)
    if not date or _is_byline(head) or _DATE_LABEL.search(head) or _TIME_OR_READ.search(head):
        return False
    rest = head[:date.start()] + " " + head[date.end():]
    words = [w for w in _content_words(rest) if w[:3] not in _MONTHS and not w.endswith("day")]
    return len(rest.split()) >= 3 and len(words) >= 2 and not _bare_byline(rest.strip(" |·•,-–—"))[0]


def _is_meta_line(line: str) -> bool:
    """Byline or date line."""
    return _is_meta_head(line[:_HEAD_CHARS])


_PARENTHESISED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=4096)
def _is_meta_head(head: str) -> bool:
    """``_is_meta_line`` on a line's head; cached, since the header search asks about the same
    lines many times. A parenthesised part ("(Updated: May 4, 2023 at 10:02)") does not count
    towards the length of a date line."""
    n_words = _word_count(_PARENTHESISED.sub("", head) if "(" in head else head)
    return bool((n_words <= 14 and _DATE.search(head)) or _is_byline(head))


def _echoed(line: str, crumbs: list[str]) -> bool:
    """Whether ``line`` also appears inside a title or breadcrumb line ("Headline | Outlet")."""
    folded = _fold(line)
    return any(len(crumb) > len(folded) and folded in crumb for crumb in crumbs)


# --- byline ------------------------------------------------------------------------------------

def _find_authors(lines: list[str], header_from: int, first_body: int, end: int) -> tuple[list[str], list[str]]:
    """Authors and roles from the first byline in the header (a bare name opening a metadata strip
    or over its date line beats a "By" line below it), else a bare name beside a date under the
    headline, else a byline just after the body or an author box (name, bio) below it, else the
    nearest one above the header, else a name over its date above the headline that the page
    prints again, or whose bio it prints (evidence close to the headline beats evidence far from
    it). Names the article uses as places or outlets are no authors (:func:`_unplaced`)."""
    header = range(header_from, min(first_body + 3, len(lines)))
    body = "\n".join(lines[first_body:end])[:_MAX_SCAN_CHARS].lower()
    bare = _bare_byline_under(lines, header_from, first_body, body)  # (line, byline)
    # a "By" line beats a bare name, unless that is the first of a metadata strip ("Ann Lee | May 3, 2023")
    stamped = bare and (_is_field_strip(lines[bare[0]]) or _date_beside(lines, bare[0]))
    found = _labelled_byline(lines, range(header_from, bare[0]) if stamped else header)
    if found:
        return _unplaced(found, body, labelled=True)
    if bare:  # a name without a date, just over a "By" line naming the staff ("BY TMZ STAFF"), is the subject
        staff = not stamped and any(_is_staff_byline(line[:_HEAD_CHARS]) for line in lines[bare[0] + 1:bare[0] + 4])
        return ([], []) if staff else bare[1]
    after_body = range(end, min(end + 8, len(lines)))
    above_header = range(header_from - 1, max(-1, first_body - _HEADER_SPAN), -1)
    found = _labelled_byline(lines, [*after_body, *above_header], alone=True)
    if found:
        return _unplaced(found, body, labelled=True)
    for i in range(end, min(end + _AUTHOR_BOX_SPAN, len(lines))):
        authors, roles = _unplaced(_bare_byline(lines[i]), body)
        is_bio = _bio_start(authors, name_alone=False)
        bio_below = any(is_bio(line[:_HEAD_CHARS]) for line in lines[i + 1:i + 3])  # a role line may sit between
        # "Dec 6, 2023 Ann Lee" or "Ann Lee — 2023-12-06 — Permalink" closing the article, or an author box:
        # "Ann Lee" / ("Staff Writer") / "Ann Lee is ..."
        if authors and ((i in after_body and _is_meta_line(lines[i])) or bio_below):
            return authors, roles
    for i in range(header_from - 1, max(-1, header_from - _NAME_DATE_SPAN), -1):
        authors, roles = _unplaced(_bare_byline(lines[i]), body)
        # "Ann Lee" / "on Mar 27" above the headline, the name a line again (a profile link, an author box),
        # not a blog's title over its date; or a name whose bio the page prints
        if authors and ((_date_beside(lines, i) and lines.count(lines[i]) > 1) or _has_bio(lines, authors[0])):
            return authors, roles
    return [], []


def _is_staff_byline(head: str) -> bool:
    """A "By" line naming no person but a staff or desk ("By Staff", "2/26/2015 7:11 AM BY TMZ STAFF")."""
    rest = (_byline_text(head) or "").strip()
    return _is_short(rest, 4) and bool(_ROLE_TITLE.search(rest)) and not split_byline(rest)[0]


def _unplaced(byline: tuple[list[str], list[str]], body: str, labelled: bool = False) -> tuple[list[str], list[str]]:
    """``byline`` (authors, roles) without the names that ``body``, the article's lower-cased text, uses
    as a place or an outlet (:func:`_is_placed`): after a name, one is where its author filed from or
    works ("Ann Lee, Hong Kong": a role); alone, one names no author ("Hong Kong" / "May 3, 2023"),
    unless a "By" gives it (``labelled``: "By Reuters" names the agency that wrote the article). A bare
    name opening with two capitals is a person's only with a role or outlet after it ("JR Raphael, Contributing
    Editor"; "QR Code" is none) and when the article never uses them alone ("AI Tools": "the AI")."""
    authors, roles = [], []
    for name, role in zip(*byline):
        if not labelled and _PAIRED_INITIALS.fullmatch(name[:2]) and name[2:3] == " " \
                and (not role or re.search(rf"\b{name[:2]}\b", body, re.IGNORECASE)):
            continue  # "QR Code", "AI Tools" (the article says "AI"): an acronym's phrase, not initials
        if (authors or not labelled) and _is_placed(body, name):
            if authors:
                roles[-1] = f"{roles[-1]}, {name}" if roles[-1] else name
            continue
        authors.append(name)
        roles.append(role)
    return authors, roles


def _is_placed(body: str, name: str) -> bool:
    """``body`` (lower-cased) puts ``name`` after a preposition or "told" ("in Hong Kong", "told Al
    Jazeera"), or opens with it as a dateline ("HONG KONG (Reuters) —"): a place or an outlet."""
    key = name.lower()
    for at in _find_all(body, key):
        after = at + len(key)
        if after < len(body) and body[after].isalnum():  # "in Hong Kongers"
            continue
        if _PLACE_CUE.search(body, max(0, at - 20), at) or (at == 0 and _DATELINE_AFTER.match(body, after)):
            return True
    return False


def _labelled_byline(lines: list[str], candidates, alone: bool = False) -> tuple[list[str], list[str]] | None:
    """Authors and roles from the first "By" (or "Author:", "Words:" ...) line among ``candidates``;
    with ``alone``, not from a byline of a list of teasers (another byline a few lines away: title,
    date, "By Ann Lee", title, date, "By Bo Chan")."""
    for i in candidates:
        rest = _byline_text(lines[i][:_HEAD_CHARS])
        if rest is None:
            continue
        text = rest if rest.strip() else _names_below(lines, i + 1)
        authors, roles = _unglue_capitals(text, lines) or split_byline(text)
        if authors and not (alone and _other_byline_near(lines, i)):
            return authors, roles
    return None


def _other_byline_near(lines: list[str], i: int) -> bool:
    """Another "By" line with a name two to ``_TEASER_BYLINE_SPAN`` lines from line ``i``."""
    return any(0 <= j < len(lines) and bool(split_byline(_byline_text(lines[j][:_HEAD_CHARS]) or "")[0])
               for j in [*range(i - _TEASER_BYLINE_SPAN, i - 1), *range(i + 2, i + _TEASER_BYLINE_SPAN + 1)])


def _bare_byline_under(lines: list[str], header_from: int, first_body: int,
                       body: str) -> tuple[int, tuple[list[str], list[str]]] | None:
    """A name without "By" under the headline, with evidence that it is a byline: a date or
    read time near it (on its line: "Ann Lee - Example News - May 3, 2023", anywhere above the body),
    an outlet after it ("ANN LEE USA TODAY"), a job title after or below it ("Staff writer at Example
    News"; also with a date: "Ann Lee, Staff Writer - May 3, 2023", anywhere above the body), a handle or
    e-mail address below it, a date label after it ("Ann Lee Updated 2 hours ago"), the shape
    of a metadata strip (a field separator after it, share buttons or a strip of fields below it:
    "Ann Lee" / "Example News |"; anywhere above the body), or the name's bio on the page
    (:func:`_has_bio`); not a name that ``body`` (the article's lower-cased text) uses as a place or
    an outlet. Returns (line index, (authors, roles)), or None."""
    for i in range(header_from + 1, min(max(first_body, header_from + 6), len(lines))):
        if lines[i - 1].endswith(":"):  # a label's value: "Photo:" / "Jo Roe", "More on:" / "ANN LEE"
            continue
        head = lines[i][:_HEAD_CHARS]
        authors, roles = _bare_byline(head)
        if head.isupper() and (authors or _ROLE_TITLE.search(head)):  # "ANN LEEDATA JOURNALIST": a role glued on
            authors, roles = _unglue_capitals(head, lines) or (authors, roles)
        authors, roles = _unplaced((authors, roles), body)
        if not authors:
            continue
        with_outlet = i == header_from + 1 and any(roles)  # "Ann Lee and Bo Chan, Example News" too
        job = any(_ROLE_TITLE.search(role) for role in roles)  # "Ann Lee, Staff Writer"
        near_headline = i <= header_from + 5 and (_date_near(lines, i) or with_outlet or job)
        dated_role = job and _dates_or_times(head)  # "Ann Lee, Staff Writer - May 3"
        if near_headline or dated_role or _STAMP_LABEL.search(head) or _in_metadata_strip(lines, i) \
                or _role_below(lines, i) or _date_beside(lines, i) or _dates_or_times(head) \
                or _has_bio(lines, authors[0]):
            return i, _unplaced(_with_names_below(lines, i, authors, roles), body)
    return None


def _has_bio(lines: list[str], name: str) -> bool:
    """The page prints a journalist's bio of ``name`` ("Ann Lee is a senior reporter at ...", "Ann Lee
    covers ...") or how to reach them ("Contact Ann Lee at ...", "Ann Lee can be reached at ...")."""
    escaped = re.escape(name)
    contact = re.compile(rf"(?:contact|e-?mail|reach)\s{escaped}\s(?:at|on|via)\b|{escaped}\scan be reached\b",
                         re.IGNORECASE)
    return any((head.startswith(name) and _JOURNALIST_BIO.match(head)) or contact.match(head)
               for head in (line[:_HEAD_CHARS] for line in lines if name in line[:_HEAD_CHARS]))


def _in_metadata_strip(lines: list[str], i: int) -> bool:
    """Line ``i`` has field separators ("Ann Lee |", "Ann Lee | Example News"), or share buttons
    (not an "Advertisement" label) or a strip of fields ("Example News |") follow it: the strip of
    fields (byline, date, buttons) that pages print between headline and article."""
    below = lines[i + 1][:_HEAD_CHARS] if i + 1 < len(lines) else ""
    return _is_field_strip(lines[i]) or bool(below and _FURNITURE.match(below) and _SHARE_BUTTON.match(below)
                                             and _is_short(below, 3)) or _is_field_strip(below)


def _is_field_strip(line: str) -> bool:
    """ "Ann Lee |", "Ann Lee · Example News", "Ann Lee | Example.org": fields of a metadata strip, the
    next ones a date, an outlet or a role, or not copied ("Middle East | World" is a strip of labels)."""
    _, *rest = _fields(line[:_HEAD_CHARS])
    return bool(rest) and (not rest[-1] or any("." in field or _is_role(field) or _dates_or_times(field)
                                               for field in rest))


def _with_names_below(lines: list[str], i: int, authors: list[str], roles: list[str]) -> tuple[list[str], list[str]]:
    """A bare byline at line ``i`` plus the bare names on the lines right below it, when a date
    closes them: an author box lists co-authors one per line ("Ann Lee" / "Bo Chan" / "March 3,
    2023"); a name-like button ("Show Caption") is not followed by a date."""
    found = list(zip(authors, roles))
    j = i + 1
    while j < min(i + 4, len(lines)) and not _DATE.search(lines[j][:_HEAD_CHARS]):
        names = _bare_byline(lines[j])
        if not names[0]:
            break
        found += zip(*names)
        j += 1
    if j == i + 1 or j == len(lines) or not _dates_or_times(lines[j][:_HEAD_CHARS]):
        return authors, roles
    unique: dict[str, str] = {}
    for name, role in found:
        unique.setdefault(name, role)
    return list(unique), list(unique.values())


def _unglue_capitals(text: str, lines: list[str]) -> tuple[list[str], list[str]] | None:
    """Name and role of an all-capitals byline whose role is glued to the name ("ANN
    LEESENIOR WRITER"): the page names its author again in normal case (a bio, "More from Ann
    Lee"), and the longest such name that the byline starts with, ending inside a word, is
    the author. None when the byline is not in capitals or the page has no such name."""
    words = text.split()
    if len(words) < 2 or not text.isupper():
        return None
    page = "\n".join(lines)[:_MAX_SCAN_CHARS]
    mentions = re.finditer(rf"(?<!\w){re.escape(words[0])}(?:\s(?-i:[A-Z])[\w'’.-]*){{1,2}}", page, re.IGNORECASE)
    folded = text.casefold()
    best = ""
    for mention in mentions:
        parts = mention.group().split()
        if mention.group().isupper():
            continue
        if [p.casefold() for p in parts[:2]] == [w.casefold() for w in words[:2]]:
            return None  # the page writes the name as the byline does ("Ann Leeds"): nothing is glued
        for n in (2, 3):
            name = " ".join(parts[:n])
            glued = folded.startswith(name.casefold()) and text[len(name):len(name) + 1].isalpha()
            if len(parts) >= n and glued and len(name) > len(best):
                best = name
    if not best:
        return None
    return [best], [text[len(best):].strip(" ,|")]


def _date_beside(lines: list[str], i: int) -> bool:
    """Line ``i`` or the line after it is a short line with a date or time stamp ("Ann Lee",
    "May 3, 2023"; "Ann Lee", "9/11/13 10:00AM")."""
    return any(_word_count(line[:_HEAD_CHARS]) <= 10 and _dates_or_times(line[:_HEAD_CHARS])
               for line in lines[i:i + 2])


def _role_below(lines: list[str], i: int) -> bool:
    """The next line is a job title ("Staff Writer", "Staff writer at Example News") or a handle or
    e-mail address ("@annlee", "ann.lee@example.com"): line ``i`` is its holder's name."""
    below = lines[i + 1:i + 2]
    return bool(below) and (_is_short(below[0], 5) and bool(_ROLE_TITLE.search(below[0][:_HEAD_CHARS]))
                            or (_is_short(below[0], _MAX_JOB_AT_WORDS) and bool(_NEWSROOM_JOB_AT.match(below[0])))
                            or bool(_PROFILE_LINK.fullmatch(below[0][:_HEAD_CHARS])))


def _byline_text(head: str) -> str | None:
    """The text after "By" ("as told to") when a field of the line is a byline
    ("By Ann Lee", "Oct 2, 2023 | By Ann Lee", "Posted on May 3, 2023 by Ann Lee"); None when
    the line is no byline."""
    return _byline_in(head[:_HEAD_CHARS])


@lru_cache(maxsize=4096)
def _byline_in(head: str) -> str | None:
    """``_byline_text`` on a line's head; cached like ``_is_meta_head``."""
    told = _TOLD_TO.search(head)
    if told:
        return head[told.end():]
    for field in _fields(head):
        match = _BYLINE.match(field)
        if not match or _PICTURE_CREDIT.match(field[:match.end()]):
            continue
        rest = field[match.end():]
        if match.group().strip(" :").lower().endswith(("par", "por")) and _opens_with_article(rest):
            continue  # "Por La Cultura", "Par la rédaction": a label's preposition or a newsroom, no person
        # "News by Category", "Guide by Topic": after a word such as "news", one word is a menu's, not a name
        if match.group().lower().startswith(("by", "author", "writer", "contributor", "reporter")) \
                or len(rest.split()) != 1:
            return rest
    by = _DATED_BY.search(head) if _is_short(head, 14) else None  # "Posted on March 3, 2023 by Ann Lee"
    date = _DATE.search(head[:by.start()]) if by else None
    return head[by.end():] if date and not head[date.end():by.start()].strip(" ,·|-–—") else None


def _fields(head: str) -> list[str]:
    """The fields of a metadata strip ("May 3, 2023 | By Ann Lee"); most lines have one."""
    return _FIELD_SEPARATOR.split(head) if "|" in head or "·" in head or "•" in head else [head]


def _is_byline(head: str) -> bool:
    """A byline line: "By" and names, or "By" alone (names on the next lines)."""
    rest = _byline_text(head)
    return rest is not None and (not rest.strip() or bool(split_byline(rest)[0]))


def _date_near(lines: list[str], i: int) -> bool:
    """A date or read time from two lines above line ``i`` to ``_NAME_DATE_SPAN`` lines below:
    a bare name is a byline only with such a line beside it."""
    return any(_dates_or_times(line[:_HEAD_CHARS]) for line in lines[max(0, i - 2):i + _NAME_DATE_SPAN])


@lru_cache(maxsize=4096)
def _dates_or_times(head: str) -> bool:
    """A line head holds a date, a read time or a relative time ("2 days ago"), or is a short
    time stamp ("1:39 PM ET", "9/11/13 10:00AM", "on Mar 27", "Ann Lee • 8h"); cached, since the
    byline search asks about the same lines many times."""
    return bool(_DATE.search(head) or _READ_TIME.search(head) or _RELATIVE_TIME.match(head)
                or (_is_short(head, _MAX_STAMP_WORDS) and _TIME_STAMP.search(head)))


def _bare_byline(line: str) -> tuple[list[str], list[str]]:
    """A byline without "By": a name line, or a name before a date or separator
    ("Ann Lee | March 3, 2023", "Ann Lee · Example News · Posted ...")."""
    head = line[:_HEAD_CHARS]
    if _word_count(head) > 20 or (_SENTENCE_END.search(head[-3:]) and not _DATE.search(head)):
        return [], []
    if _byline_text(head) is not None:  # a "By" line whose names did not parse
        return [], []
    if _FURNITURE.match(head) or _END_MARKER.match(head) or _FURNITURE_ANYWHERE.search(head) \
            or _EMBED_SIGNATURE.match(head):  # "— Ann Lee (@annlee) May 3, 2023" signs an embedded post
        return [], []
    leading_date = _DATE.match(head)
    if leading_date:  # "May 30, 2023 / Ann Lee", "Oct 24, 2019 at 2:56 pm | Ann Lee"
        stamp = _fields(head)[0]
        timed = len(stamp) < len(head) and _TIME_OR_READ.search(stamp, leading_date.end())
        head = head[len(stamp) if timed else leading_date.end():].lstrip(" /|·•,-–—")
    stops = (_DATE.search(head), _BYLINE_STOP.search(head), _NAME_FIELD_END.search(head),
             _CAMEL_GLUE.search(head))
    cut = min([m.start() for m in stops if m] + [len(head)])
    parts = _NAME_LIST_SEPARATOR.split(head[:cut].strip(" ,;:-–—"))
    if len(parts) > _MAX_BARE_NAMES and head.isupper():  # capitals hide a role glued on ("BO CHANSTAFF WRITER")
        return [], []
    authors, roles = [], []
    for part in (_undouble(_NAME_BUTTON.sub("", part.strip())) for part in parts):
        name, role = _bare_name(part)
        # a role or outlet after the name: "Ann Lee, Staff Writer", "Bo Chan Staff and Globe Writer", "Ann Lee, Reuters"
        if not name and authors and (_is_role(part) or _OUTLET.fullmatch(part)):
            roles[-1] = f"{roles[-1]}, {part}" if roles[-1] else part
            continue
        if not name:
            return [], []
        authors.append(name)
        roles.append(role)
    return (authors, roles) if len(authors) <= _MAX_BARE_NAMES else ([], [])


# An outlet after a name and a comma ("Ann Lee, Reuters", "Ann Lee, The Guardian", "Ann Lee, Phys.org").
_OUTLET = re.compile(r"The\s[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3}|[A-Z][\w&-]*(?:\.[a-z]{2,6})?")


def _is_role(part: str) -> bool:
    """A byline part after a name that describes its holder ("Staff Writer", "Senior Staff
    Technologist", "Example News", "MD", "XYZ Business": an acronym of three or more capitals in
    mixed-case text names an outlet, not a person)."""
    return bool(_ROLE_WORD.search(part) or _ORGANISATION.search(part) or _CREDENTIAL.fullmatch(part)
                or (not part.isupper() and _ACRONYM.search(part)))


def _undouble(text: str) -> str:
    """ "Ann LeeAnn Lee" -> "Ann Lee": a copied avatar's alt text glued to the name it labels."""
    half = len(text) // 2
    return text[:half] if len(text) % 2 == 0 and half and text[:half] == text[half:] else text


def _bare_name(text: str) -> tuple[str, str]:
    """Name and trailing outlet or role of one person in a bare byline ("ANN LEE USA TODAY",
    "Ann Lee for Example News", "Ann Lee Senior Reporter"); ("", "") when ``text`` does not
    start with a person's name (two to four words, initials allowed: "JR Raphael" too)."""
    words = text.split()
    if not 2 <= len(words) <= 7 or (not text.isupper() and any(
            len(w) > 1 and w.isupper() and not _INITIALS.fullmatch(w) and not _GENERATION.fullmatch(w)
            and not (k == 0 and _PAIRED_INITIALS.fullmatch(w) and not words[1].isupper())
            for k, w in enumerate(words))):
        return "", ""
    outlet = _outlet_start(words)
    name, role = " ".join(words[:outlet]), " ".join(words[outlet:])
    if _ROLE_TITLE.search(name):  # "Ann Lee Senior Reporter"; "Example Digest Correspondent" is an outlet's
        name, role = _name_and_role(name)
        if len(role.split()) < 2:
            return "", ""
    if not 2 <= _name_word_count(name) <= 4 or not _looks_like_name(name) or _ROLE_WORD.search(name) \
            or _ORGANISATION.search(name) or _NOT_AUTHOR.search(name) \
            or _NOT_NAME_WORDS & set(name.lower().split()) or _opens_with_article(name):
        return "", ""  # organisations name agencies after "By", not people on their own
    return _tidy_name(name), role


# Articles and prepositions that open a phrase ("La Cultura", "The Week", "Of Note"), never a person's name
# (left out: words that are also first names or family names written first, "Les", "Del", "Van", "Le", "Do").
_PHRASE_OPENERS = {"the", "of", "la", "el", "los", "las", "il", "lo", "de", "dos", "das", "por", "para", "y", "et"}


def _opens_with_article(text: str) -> bool:
    """``text`` opens with an article or preposition ("La Cultura"): a phrase, not a person's name."""
    first = text.split(None, 1)[:1]
    return bool(first) and first[0].lower() in _PHRASE_OPENERS


def _name_word_count(name: str) -> int:
    """Words of a name, not counting surname prefixes after the first ("Ann van der Lee": two; "Van Lee": two)."""
    return sum(k == 0 or word.lower() not in _SURNAME_PREFIXES for k, word in enumerate(name.split()))


def _outlet_start(words: list[str]) -> int:
    """Index where an outlet follows a two-word-or-longer name ("Ann Lee For Example News",
    "ANN LEE USA TODAY"): capitalised words after "for" or with an outlet word ("Ann Lee latest post
    ..." is a sentence); ``len(words)`` when none does."""
    for k in range(2, len(words)):
        if _ORGANISATION.search(" ".join(words[:k])):
            break
        rest = " ".join(words[k + 1:] if words[k].casefold() == "for" else words[k:])
        if _looks_like_name(rest) and (words[k].casefold() == "for" or _ORGANISATION.search(rest)):
            return k
    return len(words)


def _names_below(lines: list[str], i: int) -> str:
    """A byline split over lines ("BY" / "Ann Lee" / "," / "Bo Chan"), joined with commas;
    a short label between "BY" and the names ("Social links for") is skipped, and a menu's label
    ("Columns", "More on:") ends the names."""
    parts, skipped = [], 0
    for line in (line[:_HEAD_CHARS] for line in lines[i:i + 8]):
        if _SEPARATOR_LINE.match(line):
            continue
        names = split_byline(line)[0]
        if line.endswith(":") or any(not _LABEL_WORDS.isdisjoint(name.lower().split()) for name in names):
            break
        if names and _is_short(line, 12):
            parts.append(line)
        elif not parts and skipped < 1 and _is_short(line, 4):
            skipped += 1
        else:
            break
    return ", ".join(parts)


def split_byline(text: str) -> tuple[list[str], list[str]]:
    """Names and roles from byline text such as "Ann Lee, Asia Editor and Bo Chan"."""
    glued = _GLUED_ROLE.search(text)
    role_tail = ""
    if glued and glued.start() > 0 and text[glued.start() - 1].isalpha():
        role_tail = text[glued.start():]
        text = text[:glued.start()]
    date = _DATE.search(text)
    if date:  # "Ann Lee on March 3, 2023"
        text = re.sub(r"\s(?:on|at)\s*$", "", text[:date.start()], flags=re.IGNORECASE)
    stop = _BYLINE_STOP.search(text)
    if stop:
        text = text[:stop.start()]
    text = _CAMEL_GLUE.sub(" | ", text)  # "Ann LeeShowbiz Reporter": the role was glued on
    fields = re.split(r"\s[·•|]\s|·|•|\||\s[-–—]\s", text)
    authors, roles = [], []
    pieces = re.split(r"(,|\s(?:and|&|et|y|e)\s)", fields[0], flags=re.IGNORECASE)
    for k in range(0, len(pieces), 2):
        part = _NAME_END.sub("", _NAME_BUTTON.sub("", pieces[k].strip(" ;:-–—")))
        after_comma = k > 0 and pieces[k - 1] == ","
        if not part:
            continue
        if after_comma and authors and not roles[-1] and (_is_role(part) or _OUTLET.fullmatch(part)):
            roles[-1] = part  # "Ann Lee, Contributing Opinion Writer", "Ann Lee, Example Press"
            continue
        if authors and roles[-1] and (_is_role(part) or _NOT_AUTHOR.search(part)):
            roles[-1] += ", " + part  # "Ann Lee, Senior Analyst, XYZ Labs, and Privacy Project": one role
            continue
        name, role = _name_and_role(part)
        if name and authors and " " not in name:  # "Ann Lee, Example" names an outlet
            name, role = "", part
        if name:
            authors.append(name)
            roles.append(role)
        elif not authors:  # "By submitting this form, you agree to the Terms and Privacy Policy"
            return [], []
        elif not roles[-1]:
            roles[-1] = part
    if role_tail and authors and not roles[-1]:
        roles[-1] = role_tail.strip()
    unique = {}  # a name repeated on the next line ("BY" / "Ann Lee" / "Ann Lee") counts once
    for name, role in zip(authors, roles):
        unique.setdefault(_tidy_name(name).casefold(), (_tidy_name(name), role))
    return [name for name, _ in unique.values()], [role for _, role in unique.values()]


def _name_and_role(part: str) -> tuple[str, str]:
    """Split "Adam Sennott Globe Staff" into name and role; ("", "") when ``part`` names nobody."""
    if "." in part and " " not in part:  # a domain such as "example.com"
        return "", ""
    words = part.split()
    if not _ROLE_TITLE.search(part):
        outlet = _outlet_start(words)  # "Ann Lee For Example News"; one outlet word ends an agency's name
        outlet = len(words) if outlet == len(words) - 1 else outlet  # ("By European Space Agency")
        name, role = " ".join(words[:outlet]), " ".join(words[outlet:])
        return (name, role) if _looks_like_name(name) else ("", "")
    if len(words) <= 2:  # "Asia Editor", "Staff"
        return "", ""
    cut = 1  # the first name, middle initials and surname prefixes, the surname ("Ann B. van der Lee")
    while cut < len(words) - 2 and (words[cut].lower() in _SURNAME_PREFIXES or _INITIALS.fullmatch(words[cut])):
        cut += 1
    name = " ".join(words[:cut + 1])
    return (name, " ".join(words[cut + 1:])) if _looks_like_name(name) else ("", "")


def _looks_like_name(text: str) -> bool:
    """Capitalised words (particles such as "van", "of" inside), no digits: a person or an agency."""
    words = text.split()
    return 1 <= len(words) <= 5 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w in _NAME_PARTICLES or (w[:1].isupper() and _NAME_TOKEN.match(w)) for w in words) \
        and not any(ch.isdigit() for ch in text)


def _tidy_name(name: str) -> str:
    """ "ANN LEE" -> "Ann Lee", "ANN VAN DER LEE" -> "Ann van der Lee"; mixed case is left alone."""
    if not (name.isupper() and len(name) > 3):
        return name
    first, *rest = name.title().split()
    return " ".join([first, *(word.lower() if word.lower() in _LOWER_CASE_PREFIXES else word for word in rest)])


# --- dates -------------------------------------------------------------------------------------

def _find_date(lines: list[str], header_from: int, first_body: int, end: int, month_first: bool = False) -> str:
    """Publication date near the headline ("Published" beats a bare date line, which beats
    "Updated" and dates inside sentences; earlier lines win ties); else a date line just after
    the body; else the closest date line before the header. A date in the headline ranks with
    "Updated": it names the article's subject, a date line names the article. ``month_first``
    (an English page) reads a dotted short date ("11.03.17") month first, as US sites write it."""
    header = range(max(0, header_from - 2), min(first_body + 3, len(lines)))
    found = [c for i in header for c in _date_candidates(lines[i], i, month_first)]
    found = [(max(rank, 2) if i == header_from and _is_dated_title(lines[i][:_HEAD_CHARS]) else rank, i, at, iso)
             for rank, i, at, iso in found]
    if not found:
        before = range(first_body - 1, max(-1, header_from - _HEADER_SPAN), -1)
        found = [c for i in before for c in _date_candidates(lines[i], i, month_first) if c[0] < 3][:1]
    if not found:
        after = range(end, min(end + 12, len(lines)))
        found = [c for i in after for c in _date_candidates(lines[i], i, month_first) if c[0] < 3]
    return min(found)[3] if found else ""


def _date_candidates(line: str, i: int, month_first: bool = False) -> list[tuple[int, int, int, str]]:
    """(rank, line index, offset, ISO date) for each date in ``line``; lower rank is better; a
    dotted short date is read day first unless ``month_first``."""
    head = line[:_HEAD_CHARS]
    n_words = _capped_word_count(head, 30)  # compared with 30 and 14 only
    if n_words > 30:
        return []
    found = []
    for match in _DATE.finditer(head):
        iso = _iso_date(match)
        if not iso:
            continue
        # The label closest before the date decides ("Updated ... | Published ...").
        label = re.split(r"[|/·•]", head[max(0, match.start() - 40):match.start()])[-1]
        if _UPDATED.search(label):
            rank = 2
        elif _PUBLISHED.search(label):
            rank = 0
        else:
            rank = 1 if n_words <= 14 else 3
        found.append((rank, i, match.start(), iso))
    short = None if found or n_words > 14 else _SHORT_DATE.search(head)
    if short:  # "12-22-23", "12/11/23": month, day, two-digit year
        month, day, year = (int(g) for g in short.groups() if g is not None)
        if "." in short.group() and day <= 12 and not month_first:  # dotted: day first, as in _iso_date
            month, day = day, month
        try:
            found.append((1, i, short.start(), dt.date(2000 + year, month, day).isoformat()))
        except ValueError:
            pass
    if found and _CREDIT.search(head):  # a caption's date is when the photo was taken
        found = [(3, *rest) for _, *rest in found]
    return found


def _first_date(text: str) -> str:
    """ISO date of the first valid date in ``text``, or ''."""
    for match in _DATE.finditer(text[:_HEAD_CHARS]):
        iso = _iso_date(match)
        if iso:
            return iso
    return ""


def _iso_date(match: re.Match) -> str:
    """ISO date for a ``_DATE`` match, or '' when it names no real day."""
    groups = match.groupdict()
    try:
        if groups["y1"]:
            year, month, day = int(groups["y1"]), _MONTHS[groups["m1"][:3].lower()], int(groups["d1"])
        elif groups["y2"]:
            year, month, day = int(groups["y2"]), _MONTHS[groups["m2"][:3].lower()], int(groups["d2"])
        elif groups["y3"]:
            year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
        elif groups["y5"]:
            year, month, day = int(groups["y5"]), int(groups["m5"]), int(groups["d5"])
        elif groups["y6"]:
            year, month, day = int(groups["y6"]), _FOREIGN_MONTHS[groups["m6"].lower()], int(groups["d6"])
        elif groups["y7"]:
            year, month, day = int(groups["y7"]), _MONTH_ABBREVIATIONS[groups["m7"][:3].lower()], int(groups["d7"])
        else:
            year, month, day = int(groups["y4"]), int(groups["m4"]), int(groups["d4"])
            # Dotted dates are written day first (German, Russian, Scandinavian ...: "05.03.2023");
            # slashed and dashed ones month first unless the first number cannot be a month.
            if month > 12 or (groups["sep"] == "." and day <= 12):
                month, day = day, month
        return dt.date(year, month, day).isoformat()
    except (KeyError, ValueError, TypeError):
        return ""


def _read_time(lines: list[str]) -> int | None:
    """Minutes from "3 min read" in the first line that states it."""
    for line in lines:
        match = _READ_TIME.search(line[:_HEAD_CHARS])
        if match:
            return int(match.group(1))
    return None


# --- tags and outlet ---------------------------------------------------------------------------

def _find_tags(lines: list[str], info: list[dict], kept: list[bool], header_from: int, end: int) -> list[str]:
    """Tags from a tag line (title-case words shown both above the headline and below the
    body), split on phrases it shares with the article ("More from X" lines, headline, body)."""
    after_body = {item["key"] for item in info[end:]}
    tag_line = next((line for line, item in zip(lines[:header_from], info)
                     if _is_tag_line(line) and item["key"] in after_body), "")
    if not tag_line:
        return []
    known_tags = [m.group(1) for line in lines if (m := re.match(r"^More from (.{2,60})$", line[:80]))]
    article = " ".join(line for line, k in zip(lines, kept) if k)[:_MAX_SCAN_CHARS]
    return _split_tag_line(tag_line, known_tags, article)


def _is_tag_line(line: str) -> bool:
    """A short run of capitalised words without sentence punctuation."""
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
    """Outlet from a "Headline | Outlet" line, else a name the body cites as an interlocutor
    ("told X", "speaking with X") that also opens a short furniture line, else the holder of a
    copyright line; '' when none is evident."""
    furniture = [line for line, k in zip(lines, kept) if not k]
    if headline:
        for line in furniture:
            if line != headline and line.startswith(headline):
                match = re.match(r"^\s[|–—-]\s(.{2,40})$", line[len(headline):])
                if match:
                    return match.group(1).strip()
    openings = {" ".join(words[:n]) for words in (line.split() for line in furniture if _is_short(line, 8))
                for n in range(1, 5)}
    openings = {opening for opening in openings if _NAME_SHAPED.fullmatch(opening)}  # only these can be cited
    body = " ".join(line for line, k in zip(lines, kept) if k)[:_MAX_SCAN_CHARS]
    if _may_cite(body, openings):
        for match in _interlocutors(body):
            if match.group("name") in openings:
                return match.group("name")
    for line in furniture:
        match = _COPYRIGHT.search(line[:_HEAD_CHARS])
        if match:
            name = re.split(r"\.\s|,|\||\ball rights\b", match.group("name"), flags=re.IGNORECASE)[0]
            name = _LEGAL_SUFFIX.sub("", name).strip(" .")
            if name and _looks_like_name(name) and _is_short(name, 5):
                return name
    return ""



def _interlocutors(body: str):
    """The matches of ``_INTERLOCUTOR.finditer(body)``, found faster: the pattern is tried only
    where the lower-cased body holds a cue (``str.find`` beats the regex's case-insensitive scan
    of every word for the cues)."""
    lower = _ignorecase_lower(body)
    if len(lower) != len(body):  # lower-casing moved the offsets
        yield from _INTERLOCUTOR.finditer(body)
        return
    end = 0  # finditer's matches do not overlap
    for at in sorted({at for cue in _INTERLOCUTOR_CUES for at in _find_all(lower, cue)}):
        if at >= end and (match := _INTERLOCUTOR.match(body, at)):
            end = match.end()
            yield match


_LONGEST_CUE = max(map(len, _INTERLOCUTOR_CUES))


def _may_cite(body: str, names) -> bool:
    """Whether ``body`` may cite one of ``names`` as an interlocutor: one of them follows a cue and a
    space somewhere in it (what a match of ``_INTERLOCUTOR`` naming it needs; most pages cite none of
    their few short furniture lines). Each name costs a scan of the body, so when there are as many
    names as cues, it only asks whether one of them occurs in the body."""
    if len(names) >= len(_INTERLOCUTOR_CUES):
        return any(name in body for name in names)
    for name in names:
        for at in _find_all(body, name):
            if at > 0 and body[at - 1].isspace() and \
                    _ignorecase_lower(body[max(0, at - 1 - _LONGEST_CUE):at - 1]).endswith(_INTERLOCUTOR_CUES):
                return True
    return False


def _find_all(text: str, part: str) -> list[int]:
    """Every offset where ``part`` occurs in ``text`` (overlaps included)."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


# --- language ----------------------------------------------------------------------------------

# Frequent function words of each language (a word two languages share counts for both): in
# running text they make up a third or more of the words, so a few sentences decide.
_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was with as on be by this are from have has which",
    "de": "der die und das ist den von zu mit sich des auf für nicht ein eine dem im auch wird",
    "fr": "le les des et est une pour dans que qui sur au du par pas ce sont avec aux été",
    "es": "el los las del y en que una por con para es se su al lo como más pero fue",
    "it": "il di che è della per non una sono gli del con alla nel dei delle anche più",
    "pt": "o os do da em que não uma com para é dos das no na ao pelo pela mais foi",
    "nl": "de het een van en in is dat op te zijn met voor niet aan er ook wordt door bij",
}
_WORD_LANGUAGE: dict[str, list[str]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _WORD_LANGUAGE.setdefault(_word, []).append(_code)
# Scripts that name one language on their own (kana: Japanese; Hangul: Korean; Greek; Hebrew).
_SCRIPT_RANGES = {"ja": "\u3040-\u30ff", "ko": "\uac00-\ud7af", "el": "\u0370-\u03ff", "he": "\u0590-\u05ff"}
_SCRIPTS = tuple((code, re.compile(f"[{chars}]")) for code, chars in _SCRIPT_RANGES.items())
_ANY_SCRIPT = re.compile("[" + "".join(_SCRIPT_RANGES.values()) + "]")  # one scan rules out all four
_LANGUAGE_SAMPLE_CHARS = 2000
_MIN_LANGUAGE_WORDS = 20
_MIN_FUNCTION_SHARE = 0.15  # of the sample's words, for the winning language
_MIN_LANGUAGE_MARGIN = 2.0  # the winner's count over the runner-up's

# Lower-cases an ASCII letter and turns every other byte into a space.
_ASCII_WORD_BYTES = bytes(c | 0x20 if chr(c).isalpha() else 0x20 for c in range(128)) + b" " * 128
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def _lowercase_words(text: str) -> list[str]:
    """The lower-cased runs of letters (``[^\\W\\d_]+``) of ``text``. When its only letters are
    ASCII ones (the usual case), a byte table finds them, several times faster than the regex."""
    if _ascii_letters_only(text):
        return _ascii_lowercase_words(text)
    return [word.lower() for word in _LETTER_RUN.findall(text)]


def _ascii_letters_only(text: str) -> bool:
    """Whether every letter of ``text`` is an ASCII one (the byte table then finds its words)."""
    return text.isascii() or not _NON_ASCII_LETTER.search(text)


def _ascii_lowercase_words(text: str) -> list[str]:
    """:func:`_lowercase_words` of a text whose letters are all ASCII, by the byte table."""
    return text.encode("ascii", "replace").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def guess_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language from its script or its function words ("the",
    "der", "le" ...), for English, German, French, Spanish, Italian, Portuguese, Dutch,
    Japanese, Korean, Greek and Hebrew; '' when the text is short or the evidence unclear."""
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    in_scripts = [] if sample.isascii() or not _ANY_SCRIPT.search(sample) else \
        [(code, n) for code, script in _SCRIPTS if (n := len(script.findall(sample)))]
    if in_scripts:
        letters = len(_LETTER.findall(sample))
        for code, n in in_scripts:
            if letters and n >= 0.2 * letters:
                return code
    words = _lowercase_words(sample)
    n_words = len(words)
    if n_words < _MIN_LANGUAGE_WORDS:
        return ""
    counts = Counter()
    for word, n in Counter(filter(_WORD_LANGUAGE.__contains__, words)).items():
        for code in _WORD_LANGUAGE[word]:
            counts[code] += n
    # a tie for first place returns '' whichever comes first (the margin test fails)
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)  # Counter.most_common is slower on 7 items
    (best, top), (_, second) = (ranked + [("", 0), ("", 0)])[:2]
    if top >= _MIN_FUNCTION_SHARE * n_words and top >= _MIN_LANGUAGE_MARGIN * second:
        return best
    return ""


# --- helpers -----------------------------------------------------------------------------------

_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'))


def _fold(text: str) -> str:
    """Comparison key: straight quotes, casefolded, single spaces."""
    if not text.isascii():
        text = _replace_each(text, _QUOTES)
    return " ".join(text.casefold().split())


def _same_text(a: str, b: str) -> bool:
    """Equal up to quotes, case and spacing."""
    return _fold(a) == _fold(b)

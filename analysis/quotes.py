"""Stage 4, quotes: direct, mixed and indirect quotations with their speakers (issue 3).

Rules over spaCy's blank English tokenizer (no statistical model):

1. **Quote marks.** Each paragraph is scanned for double (“ ” " « » „) and single (‘ ’ ')
   quote marks; a mark's direction comes from the glyph and its neighbours, so apostrophes
   ("It’s", "Evans’ statement") are never mistaken for quotes. A quote still open at the end of
   a paragraph runs on when the next paragraph reopens it (news style); otherwise it is closed
   at the paragraph end with low confidence. Quotes nested in another quote belong to it.
2. **Attribution.** A quoted fragment takes its speaker from an adjacent cue (“…,” he said /
   “…,” said Evans / Evans added: “…” / “…” — Name), from a cue earlier in its sentence whose
   complement contains it (a *mixed* quote: Morris says the candidate has “always run …”), or
   from the fragment before it in a split or multi-paragraph quote.
3. **Scare quotes and titles.** A short fragment with no cue is not a quotation: the
   'notorious markets' list, a “Hope” campaign; nor is the title of a work, cue or not (on
   MSNBC's “Morning Joe”, the show “The Apprentice”, “Title,” by Name). A bare phrase (a few
   words, no punctuation of its own) takes no speaker from an earlier sentence or paragraph.
4. **Indirect speech.** A cue verb (speech, announcement, belief, intention, stance) with a
   subject and a complement (he said 1,000 arrests had been made; according to the report, …;
   …, officials told Reuters; Six in 10 say …; was criticized by Senator Doe), a speaker label
   ("Q: …"), a poll ("In a CBS poll, …"), a passive with its agent ("was rejected by 64 percent
   of voters"), or no source at all ("seemed to", "is expected to", "is known for", "Asked
   whether …"); one row per clause with its own cue (and one for a source closing the clause: "X
   plans to …, officials said"; one for a relative clause or a further subject with its own
   cue), also in the parts of a sentence outside a direct quote.
5. **Speakers.** The mention as written, its canonical name in the article (Evans, he →
   Michael Evans; it, the company → Alibaba) and its role from pre-modifiers or apposition
   (Alibaba Group president Michael Evans; Andrew Turnage, the commission's executive
   director). A pronoun with no fitting antecedent leaves ``speaker`` empty.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import pandas as pd

from .tokens import span_tokens

# --- lexicons -------------------------------------------------------------------------------

#: Verbs of a stance or an act that PolNeAR attributes to their subject ("assailed the rules",
#: "signed the bill"); they report no words, so they do not make a short quote a quotation.
_ACT_LEMMAS = (
    "address identify list nominate challenge eviscerate articulate compare ignore assail lambaste excoriate "
    "ridicule champion target knock hammer laud extol bash berate castigate chastise rebuke fault trumpet "
    "contradict sign order file debate campaign")
_CUE_LEMMAS = (
    "say tell add state announce claim argue warn deny insist explain note report write suggest "
    "acknowledge admit confirm assert allege accuse urge predict promise vow pledge estimate reveal "
    "maintain contend emphasize emphasise stress testify tweet post declare describe call label dub "
    "brand complain concede recall reply respond answer ask question boast charge counter criticize "
    "criticise praise quip joke observe remark comment mention caution threaten demand propose "
    "recommend conclude find show indicate signal believe think hope fear expect worry agree "
    "disagree dispute lament reiterate clarify specify vent gush muse tout scoff snap retort "
    "interject rail slam blast chide decry dismiss reject rebut exclaim shout yell whisper mutter "
    "recount characterize characterise complain inform assure remind tweet text email elaborate "
    "cite credit blame applaud hail ponder wonder chant echo plead beg mock riff scold want decline "
    "remember refer react sing theorize speculate surmise lecture preach recount summarize "
    "support denounce condemn discuss express prefer invoke highlight outline repeat recite unveil "
    "back favor favour "
    "refuse seek endorse defend oppose acknowledge "
    "see know feel plan consider decide learn understand recognize envision attack offer "
    "imagine assume suspect disclose confess hint imply advise encourage forecast underscore exhort brag "
    "rule project thank welcome request portray posit opine press scream fume gripe grumble snipe bristle sneer "
) + " " + _ACT_LEMMAS
_IRREGULAR = {"say": ("said", "says", "say", "saying"),
              "see": ("saw", "sees", "see"), "know": ("knew", "knows", "know"), "feel": ("felt", "feels", "feel"),
              "plan": ("planned", "plans", "plan", "planning"), "attack": ("attacked", "attacking"),
              "understand": ("understood", "understands", "understand"), "learn": ("learned", "learns", "learn"),
              # past forms only: the others are mostly nouns ("the rule", "a project", "thanks")
              "rule": ("ruled",), "project": ("projected",), "thank": ("thanked",), "welcome": ("welcomed",),
              "request": ("requested",), "hint": ("hinted",), "press": ("pressed",),
              "brag": ("bragged", "brags", "bragging"),
              "back": ("backed", "backing"), "sing": ("sang", "sings", "sing"),
              "refer": ("referred", "refers", "refer", "referring"),
              "admit": ("admitted", "admits", "admit", "admitting"),
              "quip": ("quipped", "quips", "quip"), "snap": ("snapped", "snaps", "snap"), "tell": ("told", "tells", "tell", "telling"),
              "write": ("wrote", "writes", "write", "written", "writing"),
              "find": ("found", "finds", "find"), "seek": ("sought", "seeks", "seek", "seeking"), "think": ("thought", "thinks", "think"),
              "show": ("showed", "shows", "shown", "show", "showing"), "dispute": ("disputed", "disputes"),
              "mention": ("mentioned", "mentions"),
              # past forms only: the others are mostly nouns ("the list", "a target", "an address")
              "address": ("addressed",), "list": ("listed",), "target": ("targeted",), "knock": ("knocked",),
              "hammer": ("hammered",), "champion": ("championed",), "fault": ("faulted",),
              "challenge": ("challenged",), "compare": ("compared",), "sign": ("signed",), "order": ("ordered",),
              "file": ("filed",), "debate": ("debated",), "campaign": ("campaigned", "campaigning")}


def _inflect(lemma: str) -> tuple[str, ...]:
    """Past, third person, base and -ing forms of a (regular or listed irregular) verb."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d", lemma + "s", lemma, lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied", _third_person(lemma), lemma, lemma + "ing"
    return lemma + "ed", _third_person(lemma), lemma, lemma + "ing"


def _third_person(lemma: str) -> str:
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "es" if lemma.endswith(("sh", "ch", "ss", "x")) else lemma + "s"


#: Reporting verbs (all inflections) that introduce or follow a quotation.
CUE_WORDS = frozenset(form for lemma in _CUE_LEMMAS.split() for form in _inflect(lemma)) | {"continued"}
_ACT_CUES = frozenset(form for lemma in _ACT_LEMMAS.split() for form in _inflect(lemma))
#: Cues that only report speech when they head the clause (not "call" as in "a phone call").
_NOUN_LIKE_CUES = frozenset({"call", "calls", "report", "reports", "post", "posts", "comment", "comments",
                             "answer", "answers", "question", "questions", "charge", "charges", "find",
                             "finds", "show", "shows", "found", "hope", "fear", "fears", "worry", "counter",
                             "point", "points", "joke", "remark", "demand", "demands", "state", "note",
                             "notes", "call", "ask", "estimate", "estimates", "concern", "tweet", "tweets",
                             "brand", "label", "signal", "signals", "promise", "promises", "vow", "vows",
                             "claim", "claims", "remark", "remarks", "email", "emails", "text", "texts",
                             "reply", "replies", "response", "responses", "statement", "statements", "states",
                             "post", "posted", "praise", "warning", "warnings", "fire", "cry", "cries",
                             "lecture", "lectures", "sing", "refer", "support", "supports", "favor", "favour",
                             "backing", "repeat", "outline"})
#: Present-tense cues that report in title-case headlines.
_HEADLINE_CUES = frozenset(form for lemma in (
    "say warn claim tell urge admit deny vow insist argue call slam blast predict suggest support reveal "
    "accuse want ask praise back reject demand defend dismiss declare announce confirm endorse pledge "
    "promise threaten mock attack blame criticize").split() for form in (lemma, _third_person(lemma)))
#: Verbs that report speech only with their particle ("fired back", "pointed out").
_PHRASAL_CUES = {"fired": {"back"}, "fires": {"back"}, "shot": {"back"}, "shoots": {"back"},
                 "hit": {"back", "out"}, "hits": {"back", "out"}, "lashed": {"out"}, "went": {"on"},
                 "goes": {"on"}, "pointed": {"out", "to"}, "points": {"out", "to"}, "spoke": {"out", "about"},
                 "put": {"it"}, "puts": {"it"}, "pointing": {"to", "out"}, "talked": {"about"},
                 "talking": {"about"}, "talks": {"about"}, "talk": {"about"}, "speaking": {"about"},
                 "pushed": {"back"}, "pushes": {"back"}, "pushing": {"back"},
                 **dict.fromkeys(("voted", "votes", "voting", "vote"), {"for", "against"}),
                 **dict.fromkeys(("focused", "focuses", "focusing"), {"on"}),
                 **dict.fromkeys(("advocated", "advocates", "advocating"), {"for"}),
                 "made": {"clear"}, "makes": {"clear"}, "struck": {"down"}, "strikes": {"down"},
                 "cast": {"doubt"}, "casts": {"doubt"}, "weighed": {"in"}, "weighs": {"in"},
                 "took": {"aim", "issue"}, "takes": {"aim", "issue"},
                 **dict.fromkeys(("raised", "raises", "raising"), {"concerns", "questions", "doubts"})}
#: Every word that can be a cue (a fast first test).
#: Verbs that report only with a statement as object ("issued a statement").
_ISSUING = frozenset({"issued", "issues", "released", "releases"})
_ANY_CUE = CUE_WORDS | _HEADLINE_CUES | set(_PHRASAL_CUES) | _ISSUING \
    | {"read", "reads", "according", "continue", "continues"}
#: Cue words that can introduce a quotation (acts report no words: "listed their country as “Hope”").
_QUOTE_CUES = _ANY_CUE - _ACT_CUES
#: Words that mark an attribution without a source ("seemed to", "is expected to").
_EVIDENTIAL = frozenset("seem seems seemed appear appears appeared expected".split())
#: Passive participles that report a view held by no one named ("is seen as", "are said to").
_OPINION_PASSIVES = frozenset("seen viewed regarded known considered deemed thought believed perceived rumored "
                              "rumoured said reported".split())
_UNSOURCED_CUES = _EVIDENTIAL | _OPINION_PASSIVES | {"asked"}
#: A poll as a source: "In a CBS News poll, she led Sanders 56 percent to 32 percent".
_POLL_WORDS = frozenset("poll polls survey surveys".split())
#: Adjectives that state a belief or stance ("are confident that", "is opposed to").
_STANCE_ADJECTIVES = frozenset(
    "confident sure certain worried convinced concerned optimistic skeptical sceptical eager willing determined "
    "opposed critical supportive aware afraid hopeful unsure doubtful adamant reluctant open ready happy glad proud "
    "angry upset furious frustrated disappointed pleased unhappy nervous anxious wary hostile enamored enamoured "
    "sympathetic receptive dismissive suspicious fearful grateful excited".split())
#: Participles that attribute a view or choice to their "by" agent ("was rejected by 64 percent
#: of voters", "are seen as … by a quarter of voters"), besides the passive forms of cues.
_PASSIVE_CUES = frozenset(
    "seen viewed regarded considered named elected nominated appointed rejected supported backed endorsed "
    "opposed favored favoured defeated interpreted remembered attacked criticized criticised praised described "
    "called labeled labelled accused introduced embraced welcomed condemned denounced questioned challenged "
    "chosen picked blamed targeted mocked ridiculed hailed dismissed measured".split())
_INDIRECT_WORDS = _ANY_CUE | _UNSOURCED_CUES | _POLL_WORDS | _STANCE_ADJECTIVES | _PASSIVE_CUES
_ASIDES = frozenset("however though too also meanwhile instead nevertheless moreover meanwhile "
                    "separately privately publicly".split())
_NAMING_VERBS = frozenset({"called", "dubbed", "titled", "entitled", "labeled", "labelled", "named", "branded"})
_READ_SUBJECTS = frozenset("statement letter message sign signs tweet post headline banner note release "
                          "memo email caption text placard editorial ad column petition shirt t-shirt motto "
                          "slogan inscription suit lawsuit complaint platform resolution bill order ruling "
                          "report".split())
_READERS = _READ_SUBJECTS | {"it"}  # "the statement read", "it reads"
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "person",
             "you": "person"}
_PERSON_PRONOUNS = {"he", "she"}

_DETERMINERS = frozenset("the a an his her its their our this that these those another one some two "
                         "three several many most both each".split())
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_POSSESSIVE_OR_HYPHEN = _POSSESSIVE | {"-"}
#: Tokens that join role words before a name ("the bank’s chief economist", "head of").
_PREMODIFIER_LINKS = _POSSESSIVE | {"-", "of"}
_SKIP_BEFORE_CUE = frozenset(
    "has have had also previously repeatedly later then again publicly recently once later first "
    "last often frequently has've 's ’s would will could should may might can did does do has "
    "reportedly allegedly privately earlier initially further not never always already just "
    "flatly bluntly simply quickly long famously ultimately still now even both all been is are was only "
    "were being n't n’t".split())
_BE_FORMS = frozenset("is are was were been being be".split())
_SKIP_NOT_BE = _SKIP_BEFORE_CUE - _BE_FORMS
_SKIP_NOT_POSSESSIVE = _SKIP_BEFORE_CUE - _POSSESSIVE
#: Verbs that take a cue as infinitive ("continues to insist", "went on to argue", "wants to say").
_CATENATIVES = frozenset(
    "continue continues continued began begins begun start starts started tried tries try "
    "on moved moves sought seeks want wants wanted decided decides used rushed hastened "
    "appeared appears seemed seems avoid avoids avoided".split())
#: Words that count people or a share of them: "36 percent of Democrats said", "Six in 10 say".
_QUANTITIES = frozenset(
    "percent % majority majorities most many some half third thirds quarter quarters all none few "
    "plurality share number one two three four five six seven eight nine ten dozens hundreds "
    "thousands millions several both each".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_APPROXIMATE = frozenset("about nearly almost roughly some just over under around".split())
_QUANTITY_LINKS = _APPROXIMATE | {"in", "-", "than", "more", "fewer", "less", "but", "out", "of"}
_QUANTITY_JOINS = _QUANTITY_LINKS - _APPROXIMATE
#: Quantities that make "about …" an approximate number ("about half", "about a third").
_AMOUNTS = _QUANTITIES - {"all", "none", "both", "each", "some", "many", "most"}
_QUOTE_TOKENS = frozenset({"“", "”", "\"", "''", "``", "«", "»"})
_CLAUSE_BREAK = frozenset({".", "!", "?", ";", "—", "–", "(", ")", ":"}) | _QUOTE_TOKENS
_BREAKS_BUT_COLON = _CLAUSE_BREAK - {":"}
_BREAKS_BUT_BRACKETS = _CLAUSE_BREAK - {"(", ")"}
_QUOTE_AND_SINGLE_MARKS = _QUOTE_TOKENS | {"'", "’", "‘"}
_TITLES = frozenset(
    "president vice sen. senator rep. representative gov. governor mayor secretary minister judge "
    "justice gen. general adm. admiral lt. col. capt. sgt. chairman chairwoman chair dr. prof. professor "
    "speaker ambassador commissioner chancellor premier king queen prince princess pope rev. sheriff "
    "chief detective officer attorney councilman councilwoman congressman congresswoman "
    "superintendent director ceo".split())
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "dr", "dr.", "sir", "dame", "lord"})
_TITLE_WORDS = _TITLES | _HONORIFICS
_ROLE_NOUNS = _TITLES | frozenset(
    "spokesman spokeswoman spokesperson official officials head founder co-founder owner executive "
    "manager analyst economist adviser advisor aide candidate leader lawmaker nominee strategist "
    "member members chief editor reporter correspondent researcher scientist expert professor "
    "lawyer attorney partner deputy staffer staff advocate activist organizer coordinator campaigner "
    "pollster consultant operative fellow president chairman officer secretary commissioner "
    "administrator agent investigator prosecutor counsel dean principal teacher doctor physician "
    "founder ceo cfo coo cto chief donor historian columnist commentator host anchor co-anchor writer author "
    "pundit voter supporter delegate candidate senator congressman".split())
#: Common nouns that can stand as a speaker ("the company said", "officials told").
_SOURCE_NOUNS = _ROLE_NOUNS | frozenset(
    "company firm group giant retailer campaign agency department ministry government administration "
    "police report statement study survey poll court committee commission board council party "
    "organization organisation association union authorities sources source people residents "
    "witnesses critics supporters opponents experts analysts investigators prosecutors officials "
    "lawmakers democrats republicans voters website site paper newspaper network channel magazine "
    "team club league office service spokesperson regulator regulators bank airline manufacturer "
    "platform marketplace network document documents letter memo filing lawsuit complaint "
    "data research figures statistics ruling article blog post tweet message headline sign ad "
    "voice-over percent respondents voters polling polls records numbers results surveys video footage "
    "recording transcript analysis review investigation inquiry audit assessment".split())
_SOURCES_AND_READERS = _SOURCE_NOUNS | _READ_SUBJECTS
_ORG_NOUNS = frozenset("company firm group giant retailer agency department ministry government "
                       "administration court committee commission board council party organization "
                       "organisation association union team club league office service regulator "
                       "bank airline manufacturer platform marketplace network website".split())
_ORG_NAME_WORDS = frozenset(
    "group inc inc. corp corp. co co. company ltd ltd. llc plc party house department ministry "
    "association committee council university college school news times post journal press agency "
    "office bank court commission board union institute foundation organization organisation "
    "campaign administration government reuters ap afp bbc cnn center centre club league "
    "representative network service services act bill clause amendment street avenue road "
    "river county state states nations united city day war senate congress parliament convention airport "
    "hospital "
    "church museum park square hall".split())
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday jan. feb. mar. apr. jun. jul. aug. sep. sept. "
    "oct. nov. dec.".split())
_SENTENCE_WORDS = frozenset(
    "the a an in on at but and or so yet however meanwhile there this that these those as after "
    "before when while if since for what who why how some many most all no not one two both "
    "according earlier later last next now then still also even such other another each every "
    "to from with by despite speaking".split())
_FUNCTION_WORDS = _SENTENCE_WORDS | _DETERMINERS | frozenset(
    "of is are was were be been being has have had will would can could should may might must "
    "do does did than about over under into onto out up down off again further once here very "
    "more less only own same too just because until against between through during without "
    "within along among around behind beyond near across toward towards upon whether which".split())
_NON_DETERMINERS = _FUNCTION_WORDS - _DETERMINERS
_FUNCTION_WORDS_BUT_AND = _FUNCTION_WORDS - {"and"}
#: Capitalised words that end a run of name words ("The" does not: "said The Washington Post").
_NAME_BREAKS = _SENTENCE_WORDS - {"the"}
#: Capitalised words that open sentences but never names ("Afterwards Trump said", "Whenever I").
_NOT_NAMES = frozenset(
    "i afterwards afterward whenever whereas although though meanwhile moreover furthermore "
    "additionally however yesterday today tonight tomorrow earlier later currently previously "
    "recently instead thus therefore finally initially overall still yet unlike like following "
    "during under over among former morning evening asked speaking responding referring "
    "separately similarly notably nonetheless nevertheless indeed perhaps also and but so "
    "once upon until unless while when where whether despite because since after before given preceded "
    "many most some several few all both each half none".split())
_RELATIVE_STARTS = frozenset("who which that whose whom where when in on at during after before".split())

#: Words after which a clause's subject can stand ("…, and Trump vowed", "which he called").
_SUBJECT_OPENERS = frozenset(", ; — – and but while as because when after which whereas".split())
_CLAUSE_OPENERS = frozenset({",", "and", "but", "that", "while", "as", "because", "when", "after", "the"})
_DOUBLE_MARKS = "“”\"«»„"
_SINGLE_MARKS = "‘’'‹›"
#: Two apostrophes used as a double quote mark (''like this'', common in wire copy) are read as
#: one mark: the second one is masked with this character while scanning.
_JOINED = "\u2060"
_DOUBLE_RE = re.compile("[%s]" % _DOUBLE_MARKS)
#: Single marks, except apostrophes inside a word (a letter or digit before, a letter after:
#: It’s, don't), which are never quote marks and are most of the single marks in news text.
_SINGLE_RE = re.compile(r"[{0}](?:(?<![^\W_].)|(?![^\W\d_]))".format(_SINGLE_MARKS))
_ANY_MARK_RE = re.compile("[%s]" % (_DOUBLE_MARKS + _SINGLE_MARKS))
_OPENING_GLYPHS = "“«„‘‹"
_CLOSING_GLYPHS = "”»’›"
_LEFT_OPEN_CONTEXT = set(" \t\n([{—–-/") | set(_OPENING_GLYPHS) | {"\""}
_RIGHT_CLOSE_CONTEXT = set(" \t\n.,;:!?)]}—–-…/") | set(_CLOSING_GLYPHS) | {"\"", "'"}
_PULL_DASH = {"—", "–", "-", "--"}
_MAX_SCARE_WORDS = 4
#: Quoted fragments examined per article (a news article has a few dozen; this bounds bad input).
_MAX_FRAGMENTS = 1000
_MAX_TITLE_WORDS = 10
#: Words a speaker label before a colon can have ("Judicial Watch: …").
_MAX_LABEL = 4
_MAX_LABEL_CHARS = 40
#: Coordinated reporting clauses followed within one sentence (bounds recursion on bad input).
_MAX_CLAUSES = 8


# --- data -----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Fragment:
    """One quoted stretch of body text (``start``/``end`` exclude the quote marks)."""

    open_at: int
    close_at: int  # offset just after the closing mark (== end when unclosed)
    start: int
    end: int
    paragraph: int
    closed: bool = True
    continues: bool = False  # reopened in the next paragraph (multi-paragraph quote)
    continued: bool = False  # continues a quote from the previous paragraph


@dataclass(slots=True)
class _Mention:
    """A speaker mention: token span, role and entity type."""

    start: int  # first token
    end: int  # after last token
    text: str
    role: str = ""
    kind: str = ""  # person, org, group or ""
    name: str = ""  # canonical name when known
    first: int = -1  # first token with any title or role words before the name

    def __post_init__(self) -> None:
        if self.first < 0:
            self.first = self.start


@dataclass(slots=True)
class _Doc:
    """The body's tokens as plain lists (fast to scan) plus sentence lookup."""

    body: str
    text: list[str]
    lower: list[str]
    idx: list[int]
    sent_starts: list[int] = field(default_factory=list)
    sent_ids: list[int] = field(default_factory=list)
    sent_tokens: list[tuple[int, int]] = field(default_factory=list)
    #: :func:`_mention_before` of each (cue, floor) asked so far
    subjects: dict[tuple[int, int], _Mention | None] = field(default_factory=dict)

    def token_at(self, offset: int) -> int:
        """Index of the token containing or following character ``offset``."""
        i = bisect_right(self.idx, offset) - 1
        if i >= 0 and offset < self.idx[i] + len(self.text[i]):
            return i
        return i + 1

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def span_text(self, i: int, j: int) -> str:
        return self.body[self.idx[i]:self.end_char(j - 1)] if j > i else ""

    def sentence_of(self, offset: int) -> int:
        """Position (in ``sent_starts``) of the sentence containing ``offset``."""
        return max(bisect_right(self.sent_starts, offset) - 1, 0)


# --- quote marks ----------------------------------------------------------------------------

def _direction(text: str, i: int) -> str:
    """``open``, ``close`` or ``""`` (not a quote mark here) for the mark at ``text[i]``."""
    char = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt == _JOINED:  # second half of a '' mark
        nxt = text[i + 2] if i + 2 < len(text) else " "
    left_open = prev in _LEFT_OPEN_CONTEXT
    right_close = nxt in _RIGHT_CLOSE_CONTEXT
    if char in _SINGLE_MARKS:
        if left_open and nxt.isalnum() and char != "’":
            return "open"
        if prev.isalnum() and nxt.isalpha():
            return ""  # apostrophe inside a word: It’s, don't
        if left_open and nxt == "’" or left_open and not right_close and nxt.isalnum():
            return "open"
        return "close" if right_close and not prev.isspace() else ""
    if prev == "=" or nxt == ">" or prev == "\"" and text[i - 2:i - 1] == "=":
        return ""  # markup attribute: author="…">, pic=""
    if char == "\"" and prev.isdigit() and not left_open:
        return ""  # inch mark: a 12" screen
    if char in _OPENING_GLYPHS:
        return "close" if right_close and not left_open else "open"
    if char in _CLOSING_GLYPHS:
        return "open" if left_open and not right_close else "close"
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "toggle"


def _scan_marks(text: str, offset: int, marks: re.Pattern) -> list[tuple[int, str]]:
    """``(offset, direction)`` of every quote mark of ``marks`` in one paragraph."""
    found = []
    for match in marks.finditer(text):
        i = match.start()
        direction = _direction(text, i)
        if direction:
            found.append((offset + i, direction))
    return found


def _pair_double(marks: list[tuple[int, str]], p_end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair double marks of one paragraph; returns closed spans and a dangling opening offset."""
    spans, open_at = [], None
    for at, direction in marks:
        if direction == "toggle":
            direction = "close" if open_at is not None else "open"
        if direction == "open":
            if open_at is not None:  # a new quote opens before the last one closed
                spans.append((open_at, at))
            open_at = at
        elif open_at is not None:
            spans.append((open_at, at + 1))
            open_at = None
    return spans, open_at


def _pair_single(marks: list[tuple[int, str]], p_start: int, p_end: int) -> list[tuple[int, int]]:
    """Pair each opening single mark with the first closing one after it."""
    spans, open_at = [], None
    for at, direction in marks:
        if direction == "open" and open_at is None:
            open_at = at
        elif direction == "close" and open_at is not None:
            spans.append((open_at, at + 1))
            open_at = None
    if open_at is not None and open_at == p_start:  # British style: whole paragraph quoted
        spans.append((open_at, p_end))
    return spans


def find_quote_spans(body: str, paragraphs: list[dict]) -> list[_Fragment]:
    """Quoted fragments of ``body`` in text order; never raises on unbalanced marks."""
    fragments: list[_Fragment] = []
    carried = False
    for p_index, paragraph in enumerate(paragraphs):
        p_start, p_end = paragraph["start"], paragraph["end"]
        text = body[p_start:p_end]
        if not _ANY_MARK_RE.search(text):
            carried = False
            continue
        text = text.replace("''", "\"" + _JOINED)
        doubles, dangling = _pair_double(_scan_marks(text, p_start, _DOUBLE_RE), p_end)
        spans = [(s, e, text[e - 1 - p_start] in _DOUBLE_MARKS) for s, e in doubles]
        next_text = body[paragraphs[p_index + 1]["start"]:][:2] if p_index + 1 < len(paragraphs) else ""
        reopens = bool(next_text) and next_text[0] in "“\"«„" and _direction(next_text + " x", 0) == "open"
        if dangling is not None:
            spans.append((dangling, p_end, False))
        singles = _pair_single(_scan_marks(text, p_start, _SINGLE_RE), p_start, p_end)
        spans = _outermost(spans + [(s, e, body[e - 1] in _SINGLE_MARKS) for s, e in singles])
        for k, (s, e, closed) in enumerate(spans):
            inner_start, inner_end = s + 1, e - 1 if closed else e
            if body.startswith("''", s):
                inner_start += 1
            if closed and body.startswith("''", e - 1):
                e += 1
            inner_start, inner_end = _strip(body, inner_start, inner_end)
            if inner_end <= inner_start:
                continue
            dangling_here = not closed and k == len(spans) - 1 and e == p_end
            fragments.append(_Fragment(s, e, inner_start, inner_end, p_index, closed=closed,
                                       continues=dangling_here and reopens,
                                       continued=carried and s == p_start))
        carried = bool(fragments) and fragments[-1].continues
    return fragments


def _outermost(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Drop spans nested in another one (a quote inside a quote belongs to it); sorted."""
    kept, reach = [], -1
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


# --- speaker mentions -----------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)  # called for most tokens; the answer depends on the word only
def _is_name_token(word: str) -> bool:
    return (word[:1].isupper() and word.lower() not in _MONTHS_DAYS and word.lower() not in _NOT_NAMES
            and (word[1:2].islower() or word.isupper() or len(word) <= 2 or "." in word or "’" in word
                 or "'" in word or word[1:2] == "-"))


def _is_cue(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a reporting verb used as a verb (roughly: not after a determiner)."""
    word = doc.lower[i]
    if word not in _ANY_CUE or i > 0 and doc.text[i - 1] == "-" or doc.text[i + 1:i + 2] == ["-"]:
        # not "so-called", nor markup such as tweet-author=
        return False
    if not doc.text[i][:1].islower():  # headline style: "Bellwether County Says Trump …"
        return word in _HEADLINE_CUES and i > 0 and _is_name_token(doc.text[i - 1]) \
            and i + 1 < len(doc.text) and doc.text[i + 1][:1].isupper()
    if word in _ISSUING:  # Trump issued a statement, “…”
        return doc.lower[i + 1:i + 2] in (["a"], ["the"], ["an"]) and doc.lower[i + 2:i + 3] != [] \
            and doc.lower[i + 2] in _READ_SUBJECTS
    if word in {"read", "reads"}:  # the statement read / “…,” read the statement
        return i > 0 and doc.lower[i - 1] in _READERS \
            or doc.lower[i + 1:i + 2] in (["the"], ["a"]) and doc.lower[i + 2:i + 3] != [] \
            and doc.lower[i + 2] in _READ_SUBJECTS
    if word in _PHRASAL_CUES:
        return i + 1 < len(doc.lower) and doc.lower[i + 1] in _PHRASAL_CUES[word]
    if word in {"continue", "continues"}:  # "the message continues, “…”", not "continues to"
        following = doc.text[i + 1:i + 2]
        return following in ([","], [":"]) or following != [] and following[0] in _QUOTE_TOKENS
    if word not in CUE_WORDS:
        return False
    prev = doc.text[i - 1] if i > 0 else ""
    if word in _NOUN_LIKE_CUES and not (prev.lower() in _PRONOUNS or _is_name_token(prev)
                                        or (word.endswith("ed") or word == "found") and _after_noun(doc, i)
                                        or prev.lower() in _SOURCE_NOUNS or prev.lower()[:-1] in _SOURCE_NOUNS
                                        or prev.lower() in _SKIP_NOT_POSSESSIVE
                                        or prev.lower() in _QUANTITIES and not word.endswith("s")
                                        or prev.lower() == "who"):  # "Six in 10 support", not "several states"
        return False
    if word in _NAMING_VERBS and prev.isalpha() and prev.islower() and prev.lower() not in _SOURCE_NOUNS \
            and prev.lower() not in _PRONOUNS and prev.lower() not in _SKIP_BEFORE_CUE \
            and not prev.endswith("ly"):  # but "has not called", "openly called"
        return False  # "a play called “Sons of Trump”" names, it does not report
    return True


def _quote_cue(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a cue that can introduce a quotation (not an act: "listed their
    country as “Hope”", "signed the “Choose Life” bill")."""
    return doc.lower[i] in _QUOTE_CUES and _is_cue(doc, i)


def _after_noun(doc: _Doc, i: int) -> bool:
    """Whether a past-tense cue follows a common noun with its determiner ("The authors found
    that", "the inquiry found"), not a determiner itself ("the found money")."""
    prev = doc.text[i - 1] if i > 0 else ""
    return prev.isalpha() and prev.islower() and prev not in _FUNCTION_WORDS and prev not in CUE_WORDS \
        and _determiner_before(doc, i - 1, max(i - 5, 0))


def _opening_participle(doc: _Doc, k: int) -> bool:
    """A participle opening an introductory phrase ("Appearing before supporters, Suu Kyi …"),
    not a name ending in -ing ("Manning said")."""
    return doc.lower[k].endswith("ing") and len(doc.lower[k]) > 5 and doc.text[k][:1].isupper() \
        and doc.text[k + 1:k + 2] != [] and doc.text[k + 1].islower() and doc.text[k + 1].isalpha()


def _opening_past_participle(doc: _Doc, k: int) -> bool:
    """A past participle opening a phrase ("Led by the speaker, …", "Based on the statement, …")."""
    return doc.lower[k].endswith("ed") and doc.text[k][:1].isupper() \
        and doc.lower[k + 1:k + 2] != [] and doc.lower[k + 1] in {"by", "on", "in", "with", "from", "at"}


def _opening_adverb(doc: _Doc, k: int) -> bool:
    """An adverb or preposition opening a phrase ("Shortly after the call ended, …", "Amid the
    protests, …"), not a name ending in -ly ("Kelly said", "Kelly in a statement")."""
    return doc.lower[k] in {"amid", "amidst"} or doc.lower[k].endswith("ly") and doc.text[k][:1].isupper() \
        and doc.lower[k + 1:k + 2] != [] and doc.lower[k + 1] in {"after", "before", "since", "when", "as"}


def _sentence_subject(doc: _Doc, floor: int, limit: int) -> _Mention | None:
    """The subject at the start of a clause, after any introductory phrase ("In a statement, …")."""
    k = floor
    dash = next((m for m in range(k + 1, min(limit, k + _MAX_DATELINE)) if doc.text[m] in _DATELINE_DASHES), None)
    if dash is not None and all(_is_name_token(doc.text[m]) or doc.text[m] in "(),." for m in range(k, dash)):
        k = dash + 1  # a dateline: "Washington (AFP) – Democrat Hillary Clinton …"
    while k < limit and doc.lower[k] in {"and", "but", "so", "yet", "then"}:  # "And then Trump …"
        k += 1
    if k < limit and (doc.lower[k] in _PHRASE_OPENERS or _opening_participle(doc, k)
                      or _opening_past_participle(doc, k) or _opening_adverb(doc, k)):
        for _ in range(3):  # "At a rally in Portsmouth, N.H., on Tuesday, Senator Sanders …"
            while k < limit and doc.text[k] != ",":
                k += 1
            k += 1
            state = k < limit and doc.text[k + 1:k + 2] == [","] and _is_name_token(doc.text[k])
            if not (state or k < limit and doc.lower[k] in _ASIDE_STARTS):
                break
    else:  # "Thirteen years earlier, she …" / "Immediately after the attacks, Trump …"
        comma = next((m for m in range(k + 1, min(limit, k + 7)) if doc.text[m] == ","), None)
        if comma is not None and comma + 1 < limit \
                and (doc.lower[comma + 1] in _PRONOUNS or _is_name_token(doc.text[comma + 1])) \
                and not any(_is_name_token(doc.text[m]) for m in range(k + 1, comma)):
            k = comma + 1
    return _mention_after(doc, k, limit)


#: Words opening an introductory phrase before a clause's subject ("In a statement, …").
_PHRASE_OPENERS = _NON_DETERMINERS | {"speaking"}
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
_MAX_DATELINE = 8


def _mention_before(doc: _Doc, cue: int, floor: int) -> _Mention | None:
    """The subject noun phrase ending just before the cue (skipping auxiliaries and adverbs).

    Kept per article (``doc.subjects``): the rules for direct quotes, indirect speech and
    trailing sources ask for the same cue's subject again (a quarter of the calls), so callers
    must not change the mention returned (copy it with :func:`dataclasses.replace`).
    """
    key = (cue, floor)
    if key not in doc.subjects:
        doc.subjects[key] = _subject_before(doc, cue, floor)
    return doc.subjects[key]


def _subject_before(doc: _Doc, cue: int, floor: int) -> _Mention | None:
    """:func:`_mention_before`, computed."""
    if doc.lower[cue].endswith("ing") and cue - 1 >= floor and doc.text[cue - 1] == ",":
        if cue - 2 > floor and _is_cue(doc, cue - 2):  # "…, Spicer said, adding, “…”": Spicer
            return _mention_before(doc, cue - 2, floor)
        return _sentence_subject(doc, floor, cue - 1)  # Trump …, telling the crowd, “…”
    if doc.lower[cue].endswith("ing") and cue - 1 > floor and doc.lower[cue - 1] in _GERUND_OPENERS:
        return _sentence_subject(doc, floor, cue - 1)  # "He won by announcing …": he
    j = cue - 1
    while j >= floor:
        if doc.lower[j] in _SKIP_BEFORE_CUE or doc.lower[j].endswith("ly") and doc.text[j].islower():
            j -= 1
        elif doc.lower[j] == "to" and j - 1 >= floor and doc.lower[j - 1] in _CATENATIVES:
            j -= 2  # "He continues to insist", "Trump went on to argue"
            if doc.lower[j + 1] == "on" and j >= floor and doc.lower[j] in {"went", "goes", "go"}:
                j -= 1
        elif doc.lower[j] in _MONTHS_DAYS or doc.lower[j] in {"today", "yesterday", "week", "month", "year", "night", "morning"}:
            j -= 1
            if j >= floor and doc.lower[j] in {"on", "last", "this", "in", "earlier", "later"}:
                j -= 1
        elif doc.text[j] == "," and j - 2 >= floor and doc.text[j - 2] == "," and doc.lower[j - 1] in _ASIDES:
            j -= 3  # officials, however, said
        elif doc.text[j] == ")":  # Sen. Chuck Schumer (D-N.Y.) said
            opening = next((k for k in range(j - 1, max(floor - 1, j - 8), -1) if doc.text[k] == "("), None)
            if opening is None:
                break
            j = opening - 1
        else:
            break
    if j < floor or not doc.lower[cue].endswith("ing") and not _BE_FORMS.isdisjoint(doc.lower[j + 1:cue]):
        return None  # passive: "the shift was expected to", "he was told"
    if doc.lower[j] in {"and", "but", "then"}:  # Clinton shook her head and said
        return _sentence_subject(doc, floor, j)
    if doc.text[j] == ",":  # Clinton, during a town hall in Columbus, Ohio, said
        aside = next((c for c in range(j - 2, max(floor, j - 16), -1)
                      if doc.text[c] == "," and doc.lower[c + 1] in _ASIDE_STARTS), None)
        if aside is not None and not any(doc.text[m] in _CLAUSE_BREAK for m in range(aside, j)):
            subject = _noun_phrase_ending(doc, aside - 1, floor)
            if subject is not None and subject.kind in {"person", "org", ""}:
                return subject
    mention = _noun_phrase_ending(doc, j, floor)
    if mention is not None:
        mention = _before_place(doc, mention, floor)
    if mention is not None and mention.first - 3 >= floor and doc.lower[mention.first - 1] in {"to", "with"} \
            and doc.lower[mention.first - 2] in {"speaking", "talking"}:
        # "Another source speaking to Fox News said": the source, not the outlet
        mention = _noun_phrase_ending(doc, mention.first - 3, floor) or mention
    if mention is not None and mention.first - 2 >= floor and doc.lower[mention.first - 1] == "of":
        share = _quantity_start(doc, mention.first - 2, floor)  # "36 percent of Democrats said"
        if share is not None:
            return _Mention(share, mention.end, doc.span_text(share, mention.end), kind="group")
    if mention is not None and doc.lower[cue].endswith("ing") and doc.lower[mention.start] in {"a", "an"} \
            and mention.start > floor and doc.text[mention.start - 1].isalpha():
        # an object, not the speaker: "His office put out a statement saying …"
        return _sentence_subject(doc, floor, mention.start) or mention
    return mention


def _before_place(doc: _Doc, mention: _Mention, floor: int) -> _Mention:
    """The person before a home town: "Brenda Johnson of Canton, Ohio, said" names Brenda
    Johnson, not Ohio; "Officials in Ohio said" names the officials."""
    k = mention.first - 1
    if k > floor and doc.text[k] == ",":  # "…, Ohio": back over the town
        town = k - 1
        while town > floor and _is_name_token(doc.text[town]):
            town -= 1
        k = town
    if k - 1 >= floor and doc.lower[k] in {"of", "from"}:
        person = _noun_phrase_ending(doc, k - 1, floor)
        if person is not None and person.kind == "person":
            return person
    if k - 1 >= floor and doc.lower[k] == "in" and _is_name_token(doc.text[mention.start]):
        # "Officials in Ohio said", "polling in Florida shows": the source, not the place
        source = _noun_phrase_ending(doc, k - 1, floor)
        head = doc.text[k - 1]
        if source is not None and (source.kind == "person" or doc.lower[k - 1] in _SOURCE_NOUNS
                                   or head.islower() and head.isalpha() and head.endswith("s")):  # organizers in …
            return source
    return mention


def _quantity_start(doc: _Doc, j: int, floor: int) -> int | None:
    """First token of a count or share of people ending at ``j`` ("Six in 10", "about 36
    percent", "two-thirds", "most"), or None."""
    if not (_is_number(doc.lower[j]) or doc.lower[j] in _QUANTITIES):
        return None
    i = j
    while i - 1 >= floor and (_is_number(doc.lower[i - 1]) or doc.lower[i - 1] in _QUANTITIES
                              or doc.lower[i - 1] in _QUANTITY_LINKS):
        i -= 1
    while i < j and doc.lower[i] in _QUANTITY_JOINS:
        i += 1
    return i


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in _NUMBER_WORDS


def _noun_phrase_ending(doc: _Doc, j: int, floor: int) -> _Mention | None:
    word, lower = doc.text[j], doc.lower[j]
    if lower in _PRONOUNS:
        return _Mention(j, j + 1, word, kind=_PRONOUNS[lower])
    if _is_number(lower) and j - 2 >= floor and doc.lower[j - 1] == "in" or lower in _QUANTITIES and (word.islower() or j == floor):
        share = _quantity_start(doc, j, floor)  # "Six in 10 say", "most said"
        return _Mention(share, j + 1, doc.span_text(share, j + 1), kind="group")
    if lower == "who" and j - 1 >= floor:  # Rubio, who mused … / leaders who say …
        antecedent = _noun_phrase_ending(doc, j - 2 if doc.text[j - 1] == "," else j - 1, floor) \
            if j - 2 >= floor or doc.text[j - 1] != "," else None
        if antecedent is None:
            return _Mention(j, j + 1, word, kind="group") if doc.text[j - 1] != "," else None
        return _Mention(j, j + 1, word, role=antecedent.role, kind=antecedent.kind, name=antecedent.text)
    if lower in {"that", "which"} and j - 1 >= floor and (doc.text[j - 1] == "," or doc.text[j - 1].isalpha()):
        # "a message that said", "the memo, which said": the noun before it
        antecedent = _noun_phrase_ending(doc, j - 2 if doc.text[j - 1] == "," else j - 1, floor) \
            if j - 2 >= floor or doc.text[j - 1] != "," else None
        head = doc.lower[antecedent.end - 1] if antecedent is not None else ""
        if antecedent is None or antecedent.kind == "person" or head in _PRONOUNS \
                or not (head in _SOURCES_AND_READERS or antecedent.kind == "org"):
            return None  # not "the list, which highlights fakes"
        return _Mention(j, j + 1, word, role=antecedent.role, kind=antecedent.kind, name=antecedent.text)
    if word == "," and j - 2 >= floor and doc.text[j - 1] == ")":  # "Gov. John Kasich (R-OH), said"
        opening = next((m for m in range(j - 2, max(floor - 1, j - 8), -1) if doc.text[m] == "("), None)
        if opening is not None and opening - 1 >= floor and _is_name_token(doc.text[opening - 1]) \
                and doc.lower[opening - 1] not in _FUNCTION_WORDS:
            return _name_ending(doc, opening - 1, floor)
    if word == ",":  # Name, apposition, said
        relative = _relative_clause_head(doc, j, floor)
        if relative is not None:
            return relative
        comma = j - 1
        while comma > floor and doc.text[comma] != "," and j - comma < 16:
            comma -= 1
        if comma > floor and doc.text[comma] == ",":
            before = comma - 1
            if doc.text[before] == ")":  # "Sen. Rob Portman (R-Ohio), another incumbent, said"
                before = next((m for m in range(before - 1, max(floor, before - 8) - 1, -1) if doc.text[m] == "("), before + 1) - 1
            head = _noun_phrase_ending(doc, before, floor) if before >= floor else None
            if head is not None and head.kind != "person" and all(_is_name_token(doc.text[k]) for k in range(comma + 1, j)):
                # Trump's attorney, Alan Garten, said
                name = _name_ending(doc, j - 1, comma + 1)
                name.role, name.kind = name.role or head.text, "person"
                return name
            if head is not None and doc.lower[comma - 1] not in _PRONOUNS:
                if _looks_like_role(doc, comma + 1, j):
                    head.role = head.role or doc.span_text(comma + 1, j)
                return head  # "Ramos, 58, told" / "Murphy, who was elected in 2012, argued"
            if head is None and _is_number(doc.lower[before]) and before - 1 > floor and doc.text[before - 1] == ",":
                person = _noun_phrase_ending(doc, before - 2, floor)  # "Jillian Chase, 27, a Tinder user, said"
                if person is not None and person.kind == "person" or _is_name_token(doc.text[before - 2]):
                    if person is not None and _looks_like_role(doc, comma + 1, j):
                        person.role = person.role or doc.span_text(comma + 1, j)
                    return person
        return None
    if _is_name_token(word) and lower not in _FUNCTION_WORDS:
        return _name_ending(doc, j, floor)
    noun_cue = lower in _NOUN_LIKE_CUES and _determiner_before(doc, j, floor)  # "the email said"
    if word.islower() and lower not in _FUNCTION_WORDS and (lower not in CUE_WORDS or lower in _SOURCE_NOUNS or noun_cue) and (
            lower in _SOURCE_NOUNS or lower.rstrip("s") in _SOURCE_NOUNS or _determiner_before(doc, j, floor)
            or _plural_subject(doc, j, floor)):
        return _common_np_ending(doc, j, floor)
    return None


def _relative_clause_head(doc: _Doc, comma: int, floor: int) -> _Mention | None:
    """The name before a long relative clause ending at ``comma``: "Dunwoody, who worked as a
    campaign staffer for Barack Obama in the 2008 primary and on into the general election, said"."""
    for k in range(comma - 2, max(floor, comma - _MAX_RELATIVE) - 1, -1):
        if doc.text[k] in _BREAKS_BUT_BRACKETS:  # brackets can stand inside: "… Corps (ROTC) program"
            return None
        if doc.text[k] == "," and doc.lower[k + 1] in {"who", "whose"} and k - 1 >= floor \
                and _is_name_token(doc.text[k - 1]) and doc.lower[k - 1] not in _FUNCTION_WORDS:
            return _name_ending(doc, k - 1, floor)
    return None


_MAX_RELATIVE = 40


def _plural_subject(doc: _Doc, j: int, floor: int) -> bool:
    """A bare plural noun opening the clause: "authorities reported", "Trump fans insist"."""
    lower = doc.lower[j]
    if not lower.endswith("s") or lower.endswith(("ss", "us", "ics")) or len(lower) < 4:
        return False
    return j == floor or j - 1 == floor and _is_name_token(doc.text[floor])


def _determiner_before(doc: _Doc, j: int, floor: int) -> bool:
    """Whether a determiner or possessive opens a short noun phrase ending at ``j``."""
    for k in range(j - 1, max(floor - 1, j - 5), -1):
        if doc.lower[k] in _DETERMINERS or doc.text[k] in _POSSESSIVE:
            return True
        if not (doc.text[k].isalpha() or "-" in doc.text[k]) or doc.lower[k] in _FUNCTION_WORDS_BUT_AND \
                or doc.lower[k] in CUE_WORDS:
            return False  # ("and" joins two nouns: "Her advisers and allies")
    return False


def _name_ending(doc: _Doc, j: int, floor: int) -> _Mention:
    i = j
    while i - 1 >= floor and (_is_name_token(doc.text[i - 1]) and doc.lower[i - 1] not in _SENTENCE_WORDS
                              or doc.text[i - 1] in {"-", "&", "de", "van", "von", "bin", "al"}
                              and i - 2 >= floor and _is_name_token(doc.text[i - 2])
                              or doc.text[i - 1] == "of" and i - 2 >= floor and doc.lower[i - 2] in _ORG_NAME_WORDS
                              and doc.text[i - 2][:1].isupper()):  # "Department of Homeland Security"
        i -= 1
    start = i
    # Leading capitalised titles belong to the role ("United States President Donald Trump"),
    # honorifics to neither.
    titles = [k for k in range(i, j) if doc.lower[k] in _TITLE_WORDS] \
        if not _TITLE_WORDS.isdisjoint(doc.lower[i:j]) else []
    if titles and _has_person_tail(doc, titles[-1] + 1, j + 1) or titles and titles[-1] + 1 == j:
        start = titles[-1] + 1
    while start < j and (doc.lower[start] in _TITLES or doc.lower[start] in _HONORIFICS
                         or doc.lower[start] in _ORG_NAME_WORDS and _has_person_tail(doc, start + 1, j + 1)):
        start += 1
    role_tokens = [k for k in range(i, start) if doc.lower[k] not in _HONORIFICS] if start > i else []
    premod, first = _premodifier(doc, i, floor)
    role = " ".join(filter(None, [premod, " ".join(doc.text[k] for k in role_tokens)])) \
        if role_tokens or premod else ""
    mention = _Mention(start, j + 1, doc.span_text(start, j + 1), role=role,
                       first=first)
    mention.kind = _name_kind(tuple(doc.text[start:j + 1])) if not role_tokens and not premod else "person"
    return mention


def _has_person_tail(doc: _Doc, i: int, j: int) -> bool:
    return j - i >= 2 and all(doc.text[k][:1].isupper() and doc.text[k][1:].islower() for k in range(i, j))


def _premodifier(doc: _Doc, i: int, floor: int) -> tuple[str, int]:
    """Role words before a name ("Alibaba Group president" in "Alibaba Group president Michael
    Evans") and the index of their first token (``i`` when there are none)."""
    k = i
    while k - 1 >= floor and doc.text[k - 1].isalpha() and doc.lower[k - 1] not in _FUNCTION_WORDS \
            and doc.lower[k - 1] not in CUE_WORDS or k - 1 >= floor and doc.text[k - 1] in _PREMODIFIER_LINKS \
            and k - 2 >= floor and doc.text[k - 2].isalpha():
        k -= 1
    if _ROLE_NOUNS.isdisjoint(doc.lower[k:i]):
        return "", i
    last_role = max(m for m in range(k, i) if doc.lower[m] in _ROLE_NOUNS)
    if k - 1 >= floor and doc.lower[k - 1] in {"the", "a", "an"} and doc.text[k] not in _POSSESSIVE:
        k -= 1  # "the bank’s chief economist"
    return (doc.span_text(k, last_role + 1), k) if last_role == i - 1 else ("", i)


def _common_np_ending(doc: _Doc, j: int, floor: int) -> _Mention:
    """A common-noun speaker such as "the company" or "a spokesman for the campaign"."""
    i = j
    while i - 1 >= floor and (doc.text[i - 1].isalpha() or doc.text[i - 1] in _POSSESSIVE_OR_HYPHEN) \
            and doc.lower[i - 1] not in CUE_WORDS and j - i < 7:
        i -= 1
        if doc.lower[i] in _DETERMINERS:
            if i - 2 >= floor and doc.lower[i - 1] in {"for", "of", "at", "with", "in", "on", "from", "to"}:
                continue
            break
    while i < j and (doc.lower[i] in _NON_DETERMINERS):
        i += 1
    head = doc.lower[j]
    kind = "org" if head in _ORG_NOUNS else "person" if head in _ROLE_NOUNS and not head.endswith("s") else "group"
    text = doc.span_text(i, j + 1)
    role = text if head in _ROLE_NOUNS else ""
    return _Mention(i, j + 1, text, role=role, kind=kind)


def _looks_like_role(doc: _Doc, i: int, j: int) -> bool:
    if i >= j or doc.lower[i] in _RELATIVE_STARTS or j - i > 14:
        return False
    return any(doc.lower[k] in _ROLE_NOUNS or doc.lower[k] in _ORG_NAME_WORDS for k in range(i, j)) \
        or doc.lower[i] in {"the", "a", "an"} and any(doc.text[k][:1].isupper() for k in range(i + 1, j))


def _mention_after(doc: _Doc, i: int, limit: int) -> _Mention | None:
    """A speaker noun phrase starting at token ``i`` ("said Evans", "said the company's president")."""
    if i >= limit:
        return None
    word, lower = doc.text[i], doc.lower[i]
    if lower in _PRONOUNS:
        return _Mention(i, i + 1, word, kind=_PRONOUNS[lower])
    j = i
    if _is_name_token(word) and lower not in _FUNCTION_WORDS or lower in _HONORIFICS or lower in _TITLES:
        while j < limit and (_is_name_token(doc.text[j]) or doc.text[j] in {"-", "&"}) \
                and doc.lower[j] not in _NAME_BREAKS:
            j += 1
        role = j
        while role < limit and role - j < 3 and doc.text[role].isalpha() and doc.text[role].islower() \
                and doc.lower[role] not in _FUNCTION_WORDS and doc.lower[role] not in CUE_WORDS:
            role += 1  # "said Democratic strategist Hank Sheinkopf"
        if role > j and role < limit and _is_name_token(doc.text[role]) and doc.lower[role] not in _FUNCTION_WORDS \
                and any(doc.lower[m] in _ROLE_NOUNS for m in range(j, role)):
            j = role
            while j < limit and (_is_name_token(doc.text[j]) or doc.text[j] in {"-", "&"}) \
                    and doc.lower[j] not in _NAME_BREAKS:
                j += 1
    elif word.islower() and lower not in _FUNCTION_WORDS and lower not in CUE_WORDS:
        # lowercase pre-modifiers before a name: "said retired Army Lt. Gen. Mick Bednarek"
        while j < limit and j - i < 4 and doc.text[j].islower() and doc.text[j].isalpha():
            j += 1
        if j >= limit or not _is_name_token(doc.text[j]):
            return None
        while j < limit and (_is_name_token(doc.text[j]) or doc.text[j] in {"-", "&"}) \
                and doc.lower[j] not in _NAME_BREAKS:
            j += 1
    elif lower in _DETERMINERS:
        j += 1
        while j < limit and j - i < 8 and doc.text[j] not in _CLAUSE_BREAK and doc.text[j] != "," \
                and doc.lower[j] not in _NP_BREAKS and doc.lower[j] not in CUE_WORDS:
            j += 1
        stop = j
        while j > i + 1 and doc.lower[j - 1] not in _SOURCE_NOUNS and not _is_name_token(doc.text[j - 1]):
            j -= 1
        if j == i + 1:  # no known source noun: the head of "a narrator", "one senior aide"
            j = i + 1
            while j < stop and j - i < 5 and doc.text[j].isalpha() and doc.text[j].islower() \
                    and doc.lower[j] not in _FUNCTION_WORDS and doc.lower[j] not in CUE_WORDS:
                j += 1
    else:
        return None
    if j <= i:
        return None
    mention = _noun_phrase_ending(doc, j - 1, i)
    if mention is None:
        return None
    if j < limit and doc.text[j] == ",":
        stop = j + 1
        while stop < limit and doc.text[stop] not in {",", ".", ";", "!", "?", "“", "”", "\""}:
            stop += 1
        if _looks_like_role(doc, j + 1, stop) and not mention.role:
            mention.role = doc.span_text(j + 1, stop)
            if mention.kind != "person" and any(doc.lower[k] in _ROLE_NOUNS for k in range(j + 1, stop)):
                mention.kind = "person"
    return mention


@lru_cache(maxsize=1 << 14)  # the same names recur through an article
def _name_kind(words: tuple[str, ...]) -> str:
    """``person`` for a multi-word capitalised name without organisation words, else ``org``."""
    if not _ORG_NAME_WORDS.isdisjoint(map(str.lower, words)) or any(w.isupper() and len(w) > 1 for w in words):
        return "org"
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "person"
    return ""


# --- entities and resolution ----------------------------------------------------------------

@lru_cache(maxsize=1 << 14)  # the same names recur through an article
def _name_words(text: str, kind: str) -> tuple[tuple[str, ...], str]:
    """The words of a name without possessives, honorifics and, for a person, leading titles
    ("United States President Donald Trump" → Donald Trump), and the name they spell."""
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in _HONORIFICS]
    titles = [k for k, w in enumerate(words[:-1]) if w.lower() in _TITLES] if kind == "person" else []
    if titles:
        words = words[titles[-1] + 1:]
    return tuple(words), " ".join(words).strip(" ,’'")


class _Entities:
    """Names seen so far in the article, for canonical names and pronoun resolution."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}  # surname → full name
        self.full_names: set[str] = set()  # the values of ``people``
        self.kinds: dict[str, str] = {}  # canonical name → person/org
        self.roles: dict[str, str] = {}
        self.history: list[tuple[int, str]] = []  # (token index, canonical name) of subjects
        self.pronoun_of: dict[str, str] = {}
        # the names of ``kinds`` in order, and the first of them ending / (organisations)
        # starting with a word: a one-word name looked up in them instead of scanning ``kinds``
        self._order: list[str] = []
        self._ending: dict[str, int] = {}
        self._org_starting: dict[str, int] = {}

    def canonical(self, text: str, kind: str) -> str:
        words, name = _name_words(text, kind)
        if not words:
            return ""
        if kind == "person" and len(words) >= 2:
            self.people.setdefault(words[-1], name)
            self.full_names.add(self.people[words[-1]])
            return self.people[words[-1]] if name.endswith(self.people[words[-1]]) else name
        if len(words) == 1 and words[0].strip("’'") in self.people:
            return self.people[words[0].strip("’'")]
        if " " not in name:  # the first longer name ending with it (or an organisation starting with it)
            found = min(self._ending.get(name, len(self._order)), self._org_starting.get(name, len(self._order)))
            if found < len(self._order):
                full = self._order[found]
                return full if self.kinds[full] == "person" else name
            return name
        suffix, prefix = " " + name, name + " "
        for full, kind_of_full in self.kinds.items():
            if full.endswith(suffix) or full.startswith(prefix) and kind_of_full == "org":
                return full if kind_of_full == "person" else name
        return name

    def note(self, token: int, name: str, kind: str, role: str = "") -> None:
        if not name:
            return
        if kind and name not in self.kinds:
            self.kinds[name] = kind
            if " " in name:
                self._ending.setdefault(name.rsplit(" ", 1)[1], len(self._order))
                if kind == "org":
                    self._org_starting.setdefault(name.split(" ", 1)[0], len(self._order))
            self._order.append(name)
        if role:
            self.roles.setdefault(name, role)
        self.history.append((token, name))

    def resolve(self, pronoun: str, kind: str, before: int) -> str:
        """Most recent earlier entity of a fitting kind (person for he/she, org for it)."""
        wanted = "person" if pronoun in _PERSON_PRONOUNS or kind == "person" else "org" if kind == "org" else ""
        if not wanted:
            return ""
        for token, name in reversed(self.history):
            if token >= before:
                continue
            if self.kinds.get(name, "org" if wanted == "org" else "") != wanted:
                continue
            other = self.pronoun_of.get(name)
            if pronoun in _PERSON_PRONOUNS and other and other != pronoun:
                continue
            if pronoun in _PERSON_PRONOUNS:
                self.pronoun_of.setdefault(name, pronoun)
            return name
        return ""


def _collect_names(doc: _Doc, entities: _Entities) -> None:
    """Register every capitalised name in subject-like position (for later pronouns)."""
    text, lower = doc.text, doc.lower
    n = len(text)
    clause_starts = {start for start, _ in doc.sent_tokens}
    reached = 0
    full_names: set[tuple[str, ...]] = set()
    for i in compress(range(n), map(str.isupper, map(itemgetter(0), text))):
        if i < reached or lower[i] in _FUNCTION_WORDS or not _is_name_token(text[i]):
            continue
        j = i + 1
        while j < n and _is_name_token(text[j]) and lower[j] not in _SENTENCE_WORDS:
            j += 1
        if j - i >= 2:
            words = tuple(text[i:j])
            if words not in full_names and _name_kind(words) == "person":
                full_names.add(words)  # registering a name again changes nothing
                entities.canonical(doc.span_text(i, j), "person")  # full names, wherever they appear
        reached = j
        follower = text[j] if j < n else ""
        if not (follower[:1].islower() or follower in _POSSESSIVE or follower == ","):
            continue
        if not (i in clause_starts or i > 0 and (lower[i - 1] in _CLAUSE_OPENERS or lower[i - 1] in _ROLE_NOUNS)):
            continue  # not in subject-like position
        mention = _name_ending(doc, j - 1, max(i - 6, 0))
        if mention.end > mention.start:
            kind = mention.kind or ("org" if mention.end - mention.start == 1 and text[mention.start] not in entities.people else "")
            name = entities.canonical(mention.text, kind)
            kind = entities.kinds.get(name, kind) or ("person" if name in entities.full_names else "")
            if kind:  # a later "Carson said" is a person when "Ben Carson" appeared
                entities.note(mention.start, name, kind, mention.role)


def _speaker(mention: _Mention | None, entities: _Entities) -> tuple[str, str]:
    """Canonical speaker and role for a mention ("" when unresolved)."""
    if mention is None:
        return "", ""
    lower = mention.text.lower()
    if mention.name:  # relative "who" standing for its antecedent
        return _speaker(_Mention(mention.start, mention.end, mention.name, mention.role, mention.kind), entities)
    if lower in _PRONOUNS:
        if lower in {"i", "you", "we", "they"}:
            return "", ""
        name = entities.resolve(lower, mention.kind, mention.start)
        return name, entities.roles.get(name, "")
    words = lower.split()
    head = words[-1] if words else ""
    if words and words[0] in _DETERMINERS and head in _ORG_NOUNS and len(words) <= 3:
        name = entities.resolve("it", "org", mention.start)
        return name, entities.roles.get(name, "")
    if mention.kind == "group" or words and words[0] in _DETERMINERS:
        return "", mention.role
    name = entities.canonical(mention.text, mention.kind)
    entities.note(mention.start, name, mention.kind or entities.kinds.get(name, ""), mention.role)
    return name, mention.role or entities.roles.get(name, "")


# --- attribution ----------------------------------------------------------------------------

@dataclass(slots=True)
class _Attribution:
    cue_start: int  # char offsets of the cue ("" cue when none)
    cue_end: int
    mention: _Mention | None
    confidence: float


#: Conjunctions opening a new clause after a quote: in “…,” although he supports … he is no speaker.
_CONCESSIVE = frozenset("although though whereas unless".split())
_FUNCTION_OR_CONCESSIVE = _FUNCTION_WORDS | _CONCESSIVE


def _cue_after(doc: _Doc, tok: int, limit: int) -> _Attribution | None:
    """“…,” said Evans / “…,” he said / “…,” the company said in a statement."""
    k = tok
    while k < limit and doc.text[k] in {",", "—", "–", "-"}:
        k += 1
    if k >= limit:
        return None
    if _quote_cue(doc, k) and doc.lower[k] not in _ADDRESSING and doc.lower[k] not in _STANCE_CUES \
            and not doc.lower[k].endswith("ing"):
        # (“…,” said Evans; but in “…,” denounced her record the next words are the object, and
        # in “…,” adding that Valeant … a participle's subject is the clause's before the quote)
        mention = _mention_after(doc, k + 1, limit)
        if mention is not None:
            return _Attribution(doc.idx[k], doc.end_char(k), mention, 0.95)
    if doc.lower[k] == "according" and doc.lower[k + 1:k + 2] == ["to"]:  # “…,” according to CNN.
        mention = _source_after_according(doc, k, limit)[0]
        return _Attribution(doc.idx[k], doc.end_char(k + 1), mention, 0.9) if mention is not None else None
    cue = k
    while cue + 1 < limit:
        cue += 1
        if doc.text[cue] == "(":  # “…,” Sen. Chuck Schumer (D-N.Y.) said
            cue = next((m for m in range(cue + 1, min(limit, cue + 8)) if doc.text[m] == ")"), limit)
            continue
        if doc.text[cue] in _CLAUSE_BREAK:
            break
        if _quote_cue(doc, cue):
            mention = _mention_before(doc, cue, k)
            if mention is not None and mention.first < k:
                mention = None
            elif mention is not None and mention.first > k:  # “…,” screenwriter Cole Haddon wrote
                words = range(k, mention.first)
                role_first = mention.role and doc.span_text(k, mention.first - 1) == mention.role  # the assailant, Name,
                # no punctuation between the quote and these words: the “wise Latina” phrase X cited
                unpunctuated = k == tok and tok >= 2 and doc.text[tok - 2][-1:].isalnum()
                if unpunctuated or not role_first and (len(words) > 5 or not all(
                        doc.text[m] in _POSSESSIVE_OR_HYPHEN or doc.lower[m] in _TITLES  # "California Rep. …"
                        or doc.text[m].isalpha() and (doc.lower[m] not in _FUNCTION_OR_CONCESSIVE
                                                      or doc.lower[m] in _DETERMINERS)
                        for m in words)):
                    mention = None
                elif not mention.role and mention.kind == "person":
                    first_word = next((m for m in words if doc.lower[m] not in _DETERMINERS), mention.first)
                    mention = replace(mention, role=doc.span_text(first_word, mention.first))
            if mention is not None:
                return _Attribution(doc.idx[cue], doc.end_char(cue), mention, 0.95)
            break
    if doc.text[tok:tok + 1] and doc.text[tok] in _PULL_DASH and k < limit:  # “…” — Name
        mention = _mention_after(doc, k, limit)
        if mention is not None and mention.kind != "group" and doc.lower[k] not in _PRONOUNS:
            return _Attribution(doc.idx[tok], doc.end_char(tok), mention, 0.8)
    return None


def _cue_before(doc: _Doc, tok: int, floor: int) -> _Attribution | None:
    """Evans added: “…” / said Evans, “…” / according to the company, “…” / Evans: “…”."""
    k = tok - 1
    if k < floor or doc.text[k] not in {":", ","}:
        return None
    punct = doc.text[k]
    for cue in range(k - 1, max(floor - 1, k - 12), -1):
        if doc.text[cue] in _BREAKS_BUT_COLON:
            break
        if doc.lower[cue] == "according" and doc.lower[cue + 1:cue + 2] == ["to"]:
            mention = _mention_after(doc, cue + 2, k)
            return _Attribution(doc.idx[cue], doc.end_char(cue + 1), mention, 0.9)
        if _quote_cue(doc, cue):
            mention = _mention_before(doc, cue, floor) or _mention_after(doc, cue + 1, k)
            if mention is not None:
                mention = _reporting_subject(doc, mention, floor)
                return _Attribution(doc.idx[cue], doc.end_char(cue), mention, 0.95 if punct == ":" else 0.85)
            return None
    if punct == ":" and k - 1 >= floor and _is_name_token(doc.text[k - 1]):
        mention = _noun_phrase_ending(doc, k - 1, floor)
        if mention is not None and (mention.start in {floor, floor + 1} or _noun_phrase_run(doc, floor, mention.start)):
            # transcript "EVANS: “…”", "Former secretary of state Hillary Rodham Clinton: “…”"
            return _Attribution(doc.idx[k], doc.end_char(k), mention, 0.7)
    return None


def _reporting_subject(doc: _Doc, mention: _Mention, floor: int) -> _Mention:
    """The subject reporting a pronoun's clause: in "The senator said he rarely asks …, “…”"
    the quote is the senator's; other mentions are returned unchanged."""
    j = mention.first - 1
    if j > floor and doc.lower[j] == "that":
        j -= 1
    if doc.lower[mention.start] not in _PERSON_PRONOUNS or j <= floor or not _quote_cue(doc, j):
        return mention
    return _mention_before(doc, j, floor) or mention


def _cue_in_clause(doc: _Doc, floor: int, tok: int) -> tuple[_Attribution, int] | None:
    """The cue with a subject between ``floor`` (or the last quote mark) and ``tok``; returns it
    and its content start. Of several cues the last whose subject opens a clause wins ("Cruz
    said …, and Trump vowed to “…”", "While not all Trump says is true, Jamieson said …"); a
    subject right after another cue does not open one ("Bryant said he expects “…”")."""
    for mark in range(tok - 1, floor - 1, -1):
        if doc.text[mark] in _QUOTE_TOKENS:
            floor = mark + 1
            break
    fallback = best = None
    for cue in range(floor, tok):
        if doc.lower[cue] == "according" and doc.lower[cue + 1:cue + 2] == ["to"]:  # "according to X, … “…”"
            mention, stop = _source_after_according(doc, cue, tok)
            if mention is not None and stop < tok and doc.text[stop] == ",":
                best = _Attribution(doc.idx[cue], doc.end_char(cue + 1), mention, 0.85), stop + 1
            continue
        if doc.lower[cue] not in _QUOTE_CUES or not _is_cue(doc, cue):
            continue
        mention = _mention_before(doc, cue, floor)
        if mention is None:
            continue
        found = _Attribution(doc.idx[cue], doc.end_char(cue), mention, 0.85), _skip_cue_complements(doc, cue, tok)
        if mention.first <= floor or doc.lower[mention.first - 1] in _SUBJECT_OPENERS:
            best = found
        fallback = fallback or found
    return best or fallback


def _lead_in(doc: _Doc, s_pos: int) -> _Attribution | None:
    """The speaker announced by sentence ``s_pos`` right before a quote that opens a paragraph or
    sentence ("Evans added:" / "he argued the probe …" / "Lau said in a statement. “…”")."""
    floor, limit = doc.sent_tokens[s_pos]
    if limit <= floor:
        return None
    clause = _cue_in_clause(doc, floor, limit)
    if clause is not None:
        attribution = clause[0]
    elif doc.text[limit - 1] == ":":
        mention = _sentence_subject(doc, floor, limit - 1)
        if mention is None:
            return None
        attribution = _Attribution(doc.idx[limit - 1], doc.end_char(limit - 1), mention, 0.6)
    else:
        return None
    attribution.confidence = 0.6
    return attribution


def _trailing_cue(doc: _Doc, start: int, limit: int) -> _Attribution | None:
    """A cue closing the sentence after a comma: "…, the memo stated." / "…, said Jones."."""
    end = limit
    while end > start and (doc.text[end - 1] in {".", "!", "?", "’", ")"} or doc.text[end - 1] in _QUOTE_TOKENS):
        end -= 1
    for cue in range(end - 1, max(start, end - _MAX_TRAILING) - 1, -1):
        if not _is_cue(doc, cue):
            continue
        if end - cue > 8 and doc.text[cue - 1] != ",":
            continue  # far from the end only ", said Name, a long role"
        if doc.text[cue - 1] == ",":
            mention = _mention_after(doc, cue + 1, end) if doc.lower[cue] not in _ADDRESSING else None
        else:
            mention = _mention_before(doc, cue, start)
            if mention is not None and (mention.first - 1 < start or doc.text[mention.first - 1] != ","):
                mention = None
        return _Attribution(doc.idx[cue], doc.end_char(cue), mention, 0.8) if mention else None
    return None


#: Tokens from a sentence's end searched for a trailing cue ("…, said Name, executive director of …").
_MAX_TRAILING = 24
_TITLE_PREPOSITIONS = frozenset("on in of from and at".split())
#: Nouns for works whose titles are quoted: "the television program ''Inside Edition''".
_WORK_NOUNS = frozenset(
    "show program programme series podcast book books novel memoir biography film movie documentary "
    "play musical album song column op-ed essay article episode segment newsletter magazine".split())
#: Words before a quoted title ("the show “…”", "a host of “The Five”", "on “Meet the Press”").
_TITLE_OPENERS = _WORK_NOUNS | {"of", "on"}


def _is_work_title(doc: _Doc, frag: _Fragment, body: str) -> bool:
    """A quoted title of a work, whatever else the sentence says: one credited to its author
    ("“Posthumous books could …,” by Boston Globe's Joseph P. Kahn") or a title-case one after a
    possessive, *of*, *on*, a noun for a work or a naming verb that does not report ("on
    MSNBC's “Morning Joe”", "a host of “The Five”", the show “The Apprentice”, a robot named
    “Better Idea”)."""
    inner = body[frag.start:frag.end]
    after = doc.token_at(frag.close_at)
    if inner.endswith(",") and after + 1 < len(doc.text) and doc.lower[after] == "by" \
            and doc.idx[after] >= frag.close_at and _is_name_token(doc.text[after + 1]):
        return True
    before = doc.token_at(frag.open_at) - 1
    while before >= 0 and doc.text[before] in _QUOTE_AND_SINGLE_MARKS:
        before -= 1  # the first half of a '' mark
    if before < 0 or len(inner.split()) > _MAX_TITLE_WORDS:
        return False
    opener = doc.text[before] in _POSSESSIVE or doc.lower[before] in _TITLE_OPENERS \
        or doc.lower[before] in _NAMING_VERBS and not _is_cue(doc, before)
    # one capitalised word is a title after a work noun or a name's possessive ("Fox's “Hannity”")
    single = doc.lower[before] in _WORK_NOUNS or doc.text[before] in _POSSESSIVE and before > 0 \
        and _is_name_token(doc.text[before - 1])
    return opener and _title_case(inner, single=single)


def _is_scare_quote(doc: _Doc, frag: _Fragment, body: str, has_cue: bool) -> bool:
    """A short quoted phrase used as a title, name or scare quote rather than someone's words.

    A short fragment counts as a quotation when its sentence has a reporting verb ("calling him
    a “nice guy”") and it is not a title after a preposition ("on “Meet the Press”"), or when it
    carries its own punctuation and is not a title.
    """
    inner = body[frag.start:frag.end]
    words = [word for word in inner.split() if any(char.isalnum() for char in word)]
    if len(words) > _MAX_TITLE_WORDS:
        return False
    if _modifies_noun(doc, frag, len(words)):
        return True  # the ‘notorious markets’ list, even in a sentence with a cue
    if has_cue:  # a cue elsewhere in the sentence: only "on “Meet the Press”", "in “Friends”" are titles
        opener = doc.token_at(frag.open_at) - 1
        return opener >= 0 and doc.lower[opener] in _TITLE_PREPOSITIONS and _title_like(doc, frag, body)
    if _title_like(doc, frag, body):
        return True
    return _bare_phrase(inner)


def _bare_phrase(inner: str) -> bool:
    """A few quoted words without their own punctuation ("the “usuals”"), which a cue must
    introduce to be a quotation."""
    if inner[-1:] in ".?!,":
        return False
    counted = 0
    for word in inner.split():  # (stops early: quotes run to hundreds of words)
        counted += any(map(str.isalnum, word))
        if counted > _MAX_SCARE_WORDS:
            return False
    return True


def _title_like(doc: _Doc, frag: _Fragment, body: str) -> bool:
    """Quoted title or modifier: all words capitalised, or the quote modifies a following noun."""
    inner = body[frag.start:frag.end]
    return _title_case(inner) or _modifies_noun(doc, frag, len(inner.split()))


def _title_case(text: str, single: bool = False) -> bool:
    """Every content word capitalised (two or more of them, or one in capitals, or just one
    when ``single``): "Meet the Press", the show “The Apprentice”."""
    content = [w for w in (w.strip(".,;:!?") for w in text.split())
               if w.isalpha() and w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[:1].isupper() for w in content) \
        and (len(content) > 1 or content[0].isupper() or single)


def _modifies_noun(doc: _Doc, frag: _Fragment, n_words: int) -> bool:
    """A short quote followed by the lower-case noun it modifies: the ‘notorious markets’ list."""
    after = doc.token_at(frag.close_at)
    if n_words > 3 or after >= len(doc.text):
        return False
    nxt = doc.text[after]
    return nxt.isalpha() and nxt.islower() and nxt not in _FUNCTION_WORDS and not _is_cue(doc, after) \
        and doc.idx[after] > frag.close_at


# --- the stage ------------------------------------------------------------------------------

#: Every byte that is not an ASCII letter, as a space (see :func:`_letters`).
_LETTERS_ONLY = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256))
_DOUBLE_QUOTE_CHARS = re.compile(r"[“”\"«»„‘]")
_SINGLE_QUOTE_MARK = re.compile(r"'(?<!\S')|['’](?!\S)")  # not an apostrophe inside a word
#: Cue words as a sentence can spell them (lower case; title case in headlines: "County Says").
_CUE_SPELLINGS = CUE_WORDS | _EVIDENTIAL | _POLL_WORDS | {"Asked"} \
    | {word.capitalize() for word in _HEADLINE_CUES}
#: Frequent verbs that report only when a clause follows them ("they know that …", not "know him").
_WEAK_CUES = frozenset(form for lemma in "see know feel plan understand learn decide consider offer attack".split()
                       for form in _inflect(lemma))
_STRONG_CUE_SPELLINGS = _CUE_SPELLINGS - _WEAK_CUES
_AFTER_WEAK = re.compile(r"\b(?:%s) (\w+)" % "|".join(sorted(_WEAK_CUES)))
_CLAUSE_INTRODUCERS = frozenset("that how what whether if why when where who he she they it we i you to the "
                                "his her their its this there".split())
_OPINION_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?: \w+ly)? (?:%s) (?:as|to|for)\b"
                                 % "|".join(sorted(_OPINION_PASSIVES)))
_LABEL = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,%d}: " % (_MAX_LABEL - 1))
_PHRASAL_RE = re.compile(r"\b(?:%s)\b" % "|".join(
    f"{verb} (?:{'|'.join(sorted(particles))})" for verb, particles in sorted(_PHRASAL_CUES.items())))
_ANAPHOR = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]he (?:%s))\b" % "|".join(sorted(_ORG_NOUNS | _ROLE_NOUNS)))


def _letters(text: str) -> str:
    """``text`` with every character but an ASCII letter made a space (same offsets): the
    ``split`` of any slice is that slice's words, its runs of ``[A-Za-z]``. One C-level pass
    over the body instead of a regular-expression scan of each sentence."""
    return text.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")


def _relevant(text: str, letters: str) -> bool:
    """Whether a sentence can hold a quotation or attribution (quote mark, cue word, lead-in
    colon, pull-quote dash), given ``text`` and its :func:`_letters`."""
    if _DOUBLE_QUOTE_CHARS.search(text) or ("'" in text or "’" in text) and _SINGLE_QUOTE_MARK.search(text) \
            or text.endswith(":") or text[:1] in "—–-" or "ccording to" in text \
            or ":" in text[:_MAX_LABEL_CHARS] and _is_label(text):
        return True
    words = letters.split()
    if not _STRONG_CUE_SPELLINGS.isdisjoint(words):
        return True
    if not _WEAK_CUES.isdisjoint(words) and any(word in _CLAUSE_INTRODUCERS or word[:1].isupper()
                                                for word in _AFTER_WEAK.findall(text)):
        return True  # (a common verb of perception or intention alone must introduce a clause: "knew that …")
    if " by " in text and not _PASSIVE_CUES.isdisjoint(words):  # "was rejected by 64 percent of voters"
        return True
    if not _OPINION_PASSIVES.isdisjoint(words) and _OPINION_PASSIVE_RE.search(text):  # "is seen as"
        return True
    return not _PHRASAL_CUES.keys().isdisjoint(words) and bool(_PHRASAL_RE.search(text))


def _is_label(text: str) -> bool:
    """Whether a sentence opens with a speaker label ("Sanders: …", "NG: …"; not "Image: …")."""
    match = _LABEL.match(text)
    return bool(match) and _NOT_LABELS.isdisjoint(match.group().lower().rstrip(": ").split())


def _prepare(body: str, sentences: list[dict]) -> _Doc:
    """Tokenize the sentences that can matter (those with quote marks or cues, and the one before
    each that refers back with a pronoun); the others keep empty token ranges. Tokenizing is a
    large part of the stage's cost, so this is what keeps it fast."""
    letters = _letters(body)
    keep = [_relevant(s["text"], letters[s["start"]:s["end"]]) for s in sentences]
    for k in range(len(sentences) - 1, 0, -1):
        if keep[k] and not keep[k - 1] and _ANAPHOR.search(sentences[k]["text"]):
            keep[k - 1] = True
    text, lower, idx, ends = span_tokens(body, [(s["start"], s["end"]) for s, wanted in zip(sentences, keep) if wanted])
    ranges, first, ends = [], 0, iter(ends)
    for wanted in keep:
        last = next(ends) if wanted else first
        ranges.append((first, last))
        first = last
    doc = _Doc(body, text, lower, idx)
    for sentence, token_range in zip(sentences, ranges):
        if "\n" in sentence["text"]:
            for start, end, sentence_id in _lines(sentence):
                doc.sent_starts.append(start)
                doc.sent_ids.append(sentence_id)
                doc.sent_tokens.append((doc.token_at(start), doc.token_at(end)))
        else:
            doc.sent_starts.append(sentence["start"])
            doc.sent_ids.append(sentence["sentence_id"])
            doc.sent_tokens.append(token_range)
    return doc


def _lines(sentence: dict) -> list[tuple[int, int, int]]:
    """``(start, end, sentence_id)`` of each line of a sentence: a line break ends a sentence
    here even where the segmenter did not split (live blogs, lists)."""
    start, text = sentence["start"], sentence["text"]
    out, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            first = offset + len(line) - len(line.lstrip())
            out.append((start + first, start + offset + len(line.rstrip()), sentence["sentence_id"]))
        offset += len(line) + 1
    return out


def _row(article_id, kind, start, end, body, speaker, mention, role, cue, sentence_id, confidence,
         mention_span=(-1, -1)) -> dict:
    return {"article_id": article_id, "quote_id": 0, "kind": kind, "start": start, "end": end,
            "text": body[start:end], "speaker": speaker, "speaker_mention": mention,
            "speaker_role": role, "cue": cue, "sentence_id": sentence_id,
            "confidence": round(confidence, 2), "speaker_start": mention_span[0],
            "speaker_end": mention_span[1]}


def _mention_fields(doc: _Doc, attribution: _Attribution | None, entities: _Entities):
    if attribution is None:
        return "", "", "", (-1, -1), ""
    cue = doc.body[attribution.cue_start:attribution.cue_end]
    if attribution.mention is None:
        return "", "", "", (-1, -1), cue
    mention = attribution.mention
    speaker, role = _speaker(mention, entities)
    span = (doc.idx[mention.start], doc.end_char(mention.end - 1))
    return speaker, mention.text, role, span, cue


def _content_end(doc: _Doc, sentence: int, floor_char: int) -> int:
    """End of a sentence's content: before final punctuation and closing marks."""
    _, s_end = doc.sent_tokens[sentence]
    end = doc.end_char(s_end - 1) if s_end > 0 else floor_char
    text = doc.body
    while end > floor_char and text[end - 1] in ".!?;:,— " :
        end -= 1
    return end


def extract_quotes(article: dict, paragraphs: list[dict], sentences: list[dict]) -> list[dict]:
    """Return the ``quotes`` rows of one article: direct, mixed and indirect quotations.

    Args:
        article: The ``articles`` row (uses ``article_id`` and ``body``).
        paragraphs: Its ``paragraphs`` rows.
        sentences: Its ``sentences`` rows.

    Returns:
        ``quotes`` rows in text order, plus ``confidence`` (0-1; higher = surer attribution)
        and ``speaker_start``/``speaker_end`` (offsets of the speaker mention in the body, -1
        when none). ``body[start:end] == text`` for every row.
    """
    body = article.get("body") or ""
    if not body.strip() or not sentences:
        return []
    doc = _prepare(body, sentences)
    entities = _Entities()
    _collect_names(doc, entities)
    entities.history.sort()
    rows: list[dict] = []
    claimed: list[tuple[int, int]] = []  # char spans already used as content
    _direct_and_mixed(doc, article["article_id"], paragraphs, entities, rows, claimed)
    _indirect(doc, article["article_id"], entities, rows, claimed)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for quote_id, row in enumerate(rows):
        row["quote_id"] = quote_id
        row.pop("_cue_start", None)
    return rows


def _direct_and_mixed(doc, article_id, paragraphs, entities, rows, claimed) -> None:
    body = doc.body
    fragments = find_quote_spans(body, paragraphs)[:_MAX_FRAGMENTS]
    cues_in: dict[int, bool] = {}

    def sentence_has_cue(s_pos: int) -> bool:
        if s_pos not in cues_in:
            floor, limit = doc.sent_tokens[s_pos]
            cues_in[s_pos] = any(word in _QUOTE_CUES and _is_cue(doc, floor + i)
                                 for i, word in enumerate(doc.lower[floor:limit]))
        return cues_in[s_pos]

    previous: dict | None = None  # last attributed quote row
    # rows waiting for a later speaker in the paragraph (in the same sentence when it has a cue:
    # "The program was a “good thing” that yielded “good information,” he remarked.")
    pending: list[tuple[_Fragment, dict, int | None]] = []
    for n, frag in enumerate(fragments):
        if not frag.continued and (_is_work_title(doc, frag, body)
                                   or _single_quoted_line(frag, paragraphs, body)):
            continue
        s_pos = doc.sentence_of(frag.open_at)
        s_floor, s_limit = doc.sent_tokens[s_pos]
        open_tok, close_tok = doc.token_at(frag.open_at), doc.token_at(frag.close_at)
        # the sentence of the closing mark bounds a trailing cue ("… ,” he said.")
        close_pos = doc.sentence_of(max(frag.close_at - 1, frag.open_at))
        limit = doc.sent_tokens[close_pos][1]
        if limit <= close_tok and open_tok <= s_floor + 1:  # the quote is its sentence: "…?” Trump asked.
            following = doc.sent_tokens[close_pos + 1] if close_pos + 1 < len(doc.sent_tokens) else (0, 0)
            same_paragraph = close_pos + 1 < len(doc.sent_starts) and "\n" not in body[frag.close_at:doc.sent_starts[close_pos + 1]]
            limit = following[1] if following[0] == close_tok and same_paragraph else close_tok
        before = _cue_before(doc, open_tok, s_floor) if not frag.continued else None
        after = _cue_after(doc, close_tok, min(limit, close_tok + 24)) if frag.closed else None
        # A cue right before the quote ("Evans added: “…”") beats one after it; a cue further
        # back ("… predicted the casino would not last long: “…,” Roffman said") does not.
        near = before is not None and doc.token_at(before.cue_start) >= open_tok - 4
        attribution = before if near or after is None else after
        if attribution is after and after is not None and body[after.cue_start:after.cue_end] in _PULL_DASH \
                and _title_like(doc, frag, body):
            attribution = None  # “Headline of a cited story” — Outlet
        sentence_id = doc.sent_ids[s_pos]
        kind, start, end, confidence = "direct", frag.start, frag.end, 0.0
        same_subject = None  # a later cue sharing the mixed quote's subject ("… and threatened to …")
        if attribution is None and not frag.continued:
            clause = _cue_in_clause(doc, s_floor, open_tok)
            if clause is not None:
                attribution, content_tok = clause
                content_start = doc.idx[content_tok] if content_tok < len(doc.idx) else frag.open_at
                if content_start < frag.open_at and body[content_start:frag.open_at].strip():
                    kind, start = "mixed", content_start
                    end = max(frag.close_at, _content_end(doc, doc.sentence_of(frag.close_at - 1), frag.close_at))
                    joined = _next_clause(doc, close_tok - 1, s_limit)
                    if joined is not None and doc.idx[joined[0]] >= frag.close_at \
                            and (joined[2] or not _has_quote_mark(body[doc.idx[joined[0]]:doc.end_char(s_limit - 1)])):
                        end = doc.idx[joined[0]]  # not into "… and Trump says he's “…”"
                        same_subject = None if joined[2] else joined[1]
                    end = _strip(body, start, end)[1]
        if attribution is None and not frag.continued and close_tok < s_limit:
            attribution = _trailing_cue(doc, close_tok, s_limit)
            if attribution is not None and doc.text[close_tok] != ",":
                comma = doc.token_at(attribution.cue_start) - 1
                while comma > close_tok and doc.text[comma] != ",":
                    comma -= 1
                if comma > close_tok:
                    kind, start, end = "mixed", min(doc.idx[s_floor], frag.open_at), doc.idx[comma]
        # a speaker announced before the sentence, or the last paragraph's, does not make a bare
        # phrase a quotation
        bare = not frag.continued and _bare_phrase(body[frag.start:frag.end])
        lead_in = attribution is None and not frag.continued and not bare
        same_voice = previous is not None and _same_voice(previous, frag, paragraphs, body) \
            and not (bare and previous["_paragraph"] != frag.paragraph)
        if lead_in and frag.paragraph > 0 and frag.open_at == paragraphs[frag.paragraph]["start"]:
            previous_paragraph = paragraphs[frag.paragraph - 1]
            attribution = _lead_in(doc, doc.sentence_of(max(previous_paragraph["end"] - 1, previous_paragraph["start"])))
        elif lead_in and s_pos > 0 and open_tok == s_floor:
            attribution = _lead_in(doc, s_pos - 1)
        if attribution is not None:
            confidence = attribution.confidence
        elif frag.continued and previous is not None:
            confidence = 0.8
        elif same_voice and frag.open_at == doc.sent_starts[s_pos]:
            pass  # the next part of a split quote: “A,” she said. “B.”
        elif _is_scare_quote(doc, frag, body, sentence_has_cue(s_pos)):
            continue
        elif open_tok > s_floor + 2 and not same_voice:
            subject = _sentence_subject(doc, s_floor, open_tok)  # Sanders credited … to “…”
            if subject is not None and (subject.name or _known_subject(subject, entities)):
                attribution = _Attribution(frag.open_at, frag.open_at, subject, 0.5)
                confidence = 0.5
        if kind == "mixed" and any(s <= start < e for s, e in claimed):
            continue  # a second quoted fragment of the same mixed quote
        speaker, mention, role, span, cue = _mention_fields(doc, attribution, entities)
        if attribution is None and same_voice:
            speaker, mention, role, cue = (previous["speaker"], previous["speaker_mention"],
                                           previous["speaker_role"], "")
            span = (previous["speaker_start"], previous["speaker_end"])
            confidence = 0.75 if previous["_paragraph"] == frag.paragraph or frag.continued else 0.6
        if not frag.closed and not frag.continues:
            confidence = min(confidence or 0.5, 0.4)
        row = _row(article_id, kind, start, end, body, speaker, mention, role, cue, sentence_id,
                   confidence or 0.3, span)
        row["_paragraph"] = frag.paragraph
        if attribution is None and not speaker:
            pending.append((frag, row, s_pos if sentence_has_cue(s_pos) else None))
        elif speaker or mention:
            for waiting_frag, waiting, sentence in pending:
                if waiting_frag.paragraph == frag.paragraph and sentence in {None, s_pos}:
                    waiting.update(speaker=speaker, speaker_mention=mention, speaker_role=role,
                                   speaker_start=span[0], speaker_end=span[1], confidence=0.7)
            pending = []
            previous = row
        rows.append(row)
        claimed.append((min(start, frag.open_at), max(end, frag.close_at)))
        if same_subject is not None and kind == "mixed":
            cue = same_subject
            _add_indirect(doc, article_id, entities, rows, claimed, s_pos,
                          _Attribution(doc.idx[cue], doc.end_char(cue), attribution.mention, 0.75),
                          doc.idx[_skip_cue_complements(doc, cue, s_limit)], _clause_end(doc, s_floor, s_limit))
    for row in rows:
        row.pop("_paragraph", None)


def _has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds a double quote mark (or a wire-style '')."""
    return bool(_DOUBLE_QUOTE_CHARS.search(text)) or "''" in text


def _single_quoted_line(frag: _Fragment, paragraphs: list[dict], body: str) -> bool:
    """A paragraph that is only a phrase in single quote marks: a headline in British style
    (‘A fight from start to finish.’), not someone's words."""
    paragraph = paragraphs[frag.paragraph]
    return body[frag.open_at] in _SINGLE_MARKS and not body.startswith("''", frag.open_at) \
        and frag.open_at == paragraph["start"] and not body[frag.close_at:paragraph["end"]].strip()


def _known_subject(subject: _Mention, entities: _Entities) -> bool:
    """A sentence subject that can be a speaker: a pronoun for a person, or a name that is a
    person or organisation ("Sanders", not "Conversations" or a dateline like "TALLAHASSEE")."""
    lower = subject.text.lower()
    if lower in _PRONOUNS:
        return lower in {"he", "she", "it"}
    if subject.text.isupper() and len(subject.text) > 5:
        return False
    return subject.kind in {"person", "org"} or subject.text in entities.kinds or subject.text in entities.people


def _same_voice(previous: dict, frag: _Fragment, paragraphs: list[dict], body: str) -> bool:
    """Whether an unattributed fragment continues the previous speaker's quote."""
    if frag.continued:
        return True
    gap_start = previous["end"]
    between = body[gap_start:frag.open_at]
    if "\n\n" not in between:
        return True  # same paragraph: split quote
    paragraph = paragraphs[frag.paragraph]
    starts_paragraph = frag.open_at == paragraph["start"]
    return starts_paragraph and between.count("\n\n") == 1


def _free_ranges(doc: _Doc, floor: int, limit: int, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of a sentence outside the (sorted) character spans of direct and mixed quotes."""
    first_char, end_char = doc.idx[floor], doc.end_char(limit - 1)
    ranges, k = [], floor
    for start, end in quoted:
        if start >= end_char:
            break
        if end <= first_char:
            continue
        first, after = doc.token_at(start), doc.token_at(end)
        if first > k:
            ranges.append((k, min(first, limit)))
        k = max(k, after)
    if k < limit:
        ranges.append((k, limit))
    return ranges


def _indirect(doc, article_id, entities, rows, claimed) -> None:
    """Reported speech in the parts of sentences not already covered by a direct or mixed quote
    ("“…,” he said, citing low growth"; "He said he did not recall …" before a quote)."""
    quoted, done = sorted(claimed), 0
    for s_pos, (s_floor, s_limit) in enumerate(doc.sent_tokens):
        if s_limit - s_floor < 4 or _INDIRECT_WORDS.isdisjoint(doc.lower[s_floor:s_limit]) \
                and ":" not in doc.text[s_floor:s_floor + _MAX_LABEL + 1]:
            continue  # no cue word (nor "according", "seemed", "Name:") in the sentence
        while done < len(quoted) and quoted[done][1] <= doc.idx[s_floor]:
            done += 1  # quotes ending before this sentence cannot touch later ones
        for floor, limit in _free_ranges(doc, s_floor, s_limit, quoted[done:]):
            for c_floor, c_limit in _clauses(doc, floor, limit):
                if c_limit - c_floor >= 4:
                    _indirect_in(doc, article_id, entities, rows, claimed, s_pos, c_floor, c_limit)


def _clauses(doc: _Doc, floor: int, limit: int) -> list[tuple[int, int]]:
    """Token ranges of ``floor:limit`` split at semicolons, which join independent clauses
    ("Most mayors have endorsed her; last month, the campaign unveiled a list")."""
    if ";" not in doc.text[floor:limit]:
        return [(floor, limit)]
    bounds = [k for k in range(floor, limit) if doc.text[k] in _CLAUSE_SEPARATORS]
    return list(zip([floor] + [k + 1 for k in bounds], bounds + [limit]))


_CLAUSE_SEPARATORS = frozenset({";"})


def _indirect_in(doc, article_id, entities, rows, claimed, s_pos, floor, limit, depth=0) -> None:
    """Indirect rows from the tokens ``floor:limit`` of sentence ``s_pos``: one per clause with
    its own cue ("Cruz said A, while Trump argued B"; "She blamed A and said B"), and a source
    closing the clause as well as the ones inside it ("X is planning to …, officials announced")."""
    if doc.lower[floor] in {"asked", "when"} and depth < _MAX_CLAUSES:
        question = _unsourced(doc, floor, limit)  # "Asked whether he would …, Smith said …": both
        if question is not None and doc.token_at(question[0].cue_start) <= floor + 1:
            _add_indirect(doc, article_id, entities, rows, claimed, s_pos, *question)
            rest = doc.token_at(question[2]) + 1
            if limit - rest >= 4:
                _indirect_in(doc, article_id, entities, rows, claimed, s_pos, rest, limit, depth + 1)
            return
    words = set(doc.lower[floor:limit])
    found = _reported_speech(doc, floor, limit)
    if found is None and "by" in words:
        found = _passive_by(doc, floor, limit)
    if found is None and not _UNSOURCED_CUES.isdisjoint(words):
        found = _unsourced(doc, floor, limit)
    if found is None and not _POLL_WORDS.isdisjoint(words):
        found = _poll_source(doc, floor, limit)
    if found is None and not _STANCE_ADJECTIVES.isdisjoint(words):
        found = _stance_adjective(doc, floor, limit)
    if found is None:
        return
    attribution, c_start, c_end = found
    cue, content = doc.token_at(attribution.cue_start), doc.token_at(c_start)
    trailing = _later_trailing_source(doc, floor, limit, cue) if depth == 0 else None
    if content < cue and limit - cue > 4 and depth < _MAX_CLAUSES:
        # content before the cue: the rest of the sentence can hold another attribution
        # ("…, records show, and experts say it is worth less")
        _indirect_in(doc, article_id, entities, rows, claimed, s_pos, cue + 1, limit, depth + 1)
    if content > cue:  # content after the cue
        joined = _next_clause(doc, content, limit)
        if joined is not None and depth < _MAX_CLAUSES:
            joiner, cue, has_subject = joined
            c_end = doc.idx[joiner]
            if has_subject:
                _indirect_in(doc, article_id, entities, rows, claimed, s_pos, joiner, limit, depth + 1)
            else:  # same subject: "… and said B"
                _add_indirect(doc, article_id, entities, rows, claimed, s_pos,
                              _Attribution(doc.idx[cue], doc.end_char(cue), attribution.mention, 0.75),
                              doc.idx[_skip_cue_complements(doc, cue, limit)], doc.end_char(limit - 1))
        else:
            embedded = _embedded_clause(doc, content, limit)
            if embedded is not None:  # "charged Corey Lewandowski after determining that a video showed …"
                c_end = min(c_end, doc.idx[embedded])
            new_subject = _new_subject(doc, content, limit)
            if new_subject is not None:
                c_end = min(c_end, doc.idx[new_subject])
    if trailing is not None and trailing[2] > c_start:
        c_end = min(c_end, trailing[2])
        _add_indirect(doc, article_id, entities, rows, claimed, s_pos, *trailing)
    _add_indirect(doc, article_id, entities, rows, claimed, s_pos, attribution, c_start, c_end)
    if depth == 0 and "who" in words:
        for relative in _relative_cues(doc, floor, limit, cue):
            _add_indirect(doc, article_id, entities, rows, claimed, s_pos, *relative)
    present = CUE_WORDS.intersection(words) - _MENTAL_CUES
    if depth == 0 and present and (present != {doc.lower[cue]} or doc.lower[floor:limit].count(doc.lower[cue]) > 1):
        used = {row["_cue_start"] for row in rows[-_MAX_CLAUSES:] if "_cue_start" in row}
        for other in _other_cues(doc, floor, limit, content, used, present):
            _add_indirect(doc, article_id, entities, rows, claimed, s_pos, *other)


#: Cues of a mental state or intention, which nest inside reported clauses more than they report.
_MENTAL_CUES = frozenset(form for lemma in (
    "think believe want hope fear worry expect feel know see plan consider recall seek support back favor "
    "prefer wonder imagine assume suspect understand learn decide refuse endorse oppose").split()
    for form in _inflect(lemma))


def _other_cues(doc: _Doc, floor: int, limit: int, content: int, used: set, present: set):
    """Further cues (of the words ``present``) of a clause with a pronoun or name right before
    them ("as he mentioned A, … she talked about B"), not the first words of a reported clause
    ("said they believed")."""
    for cue in range(floor + 1, limit - 2):
        if doc.lower[cue] not in present or doc.idx[cue] in used or content <= cue <= content + 3 \
                or not _is_cue(doc, cue):
            continue
        subject = cue - 1
        while subject > floor and doc.lower[subject] in _SKIP_NOT_BE:
            subject -= 1
        word = doc.lower[subject]
        if not (word in {"he", "she", "they"} or _is_name_token(doc.text[subject]) and word not in _FUNCTION_WORDS):
            continue
        found = _cue_clause(doc, cue, subject, floor, limit, 0.6)
        if found is not None:
            yield found


def _relative_cues(doc: _Doc, floor: int, limit: int, taken: int):
    """Attributions in relative clauses other than the cue ``taken`` ("Rubio, who has assailed
    policies of the Clinton era, said …": who has assailed), as ``(attribution, content_start,
    content_end)`` tuples."""
    for k in range(floor + 1, limit - 2):
        if doc.lower[k] != "who":
            continue
        cue = k + 1
        while cue < limit - 1 and cue - k <= 3 and (doc.lower[cue] in _SKIP_NOT_BE
                                                    or doc.lower[cue].endswith("ly") and doc.text[cue].islower()):
            cue += 1
        if cue == taken or cue >= limit - 1 or not _is_cue(doc, cue):
            continue
        found = _cue_clause(doc, cue, k, floor, limit, 0.7)
        if found is not None:
            yield found


def _cue_clause(doc: _Doc, cue: int, subject_end: int, floor: int, limit: int, confidence: float):
    """The attribution of ``cue`` to the noun phrase ending at token ``subject_end``, with its
    content up to the next clause break or comma, as ``(attribution, content_start,
    content_end)``; None without a noun phrase or a content clause."""
    mention = _noun_phrase_ending(doc, subject_end, floor)
    content = _skip_cue_complements(doc, cue, limit)
    if mention is None or content >= limit - 1 or not _opens_content(doc, cue, content):
        return None
    end = next((m for m in range(content + 1, limit) if doc.text[m] in _CLAUSE_BREAK or doc.text[m] == ","), limit)
    return _Attribution(doc.idx[cue], doc.end_char(cue), mention, confidence), doc.idx[content], doc.end_char(end - 1)


def _passive_agent(doc: _Doc, cue: int, floor: int, limit: int):
    """A passive cue with its agent: "Bernie Sanders was endorsed by the union" → the union, about
    Bernie Sanders; returns ``(attribution, content_start, content_end)`` or None."""
    if cue + 1 >= limit or doc.lower[cue + 1] != "by" or not doc.lower[cue].endswith(("ed", "en", "ld", "ght")):
        return None
    be = next((m for m in range(cue - 1, max(floor, cue - 4) - 1, -1) if doc.lower[m] in _BE_FORMS), None)
    if be is None or be <= floor:
        return None
    mention = _mention_after(doc, cue + 2, limit)
    if mention is None:
        return None
    attribution = _Attribution(doc.idx[cue], doc.end_char(cue), mention, 0.7)
    if mention.end + 1 < limit and doc.lower[mention.end] in _QUESTION_OPENERS:
        # the question put: "Sanders was asked by host John Dickerson whether …"
        return attribution, doc.idx[mention.end], _clause_end(doc, floor, limit)
    return attribution, doc.idx[floor], doc.idx[be]


_MAX_AGENT_GAP = 12


def _passive_by(doc: _Doc, floor: int, limit: int):
    """A passive whose agent comes a few words after the participle ("Pigs are considered
    unclean by Muslims", "This proposal was rejected by 64 percent of the electorate"): the agent
    is the source, the subject the content; ``(attribution, content_start, content_end)`` or None."""
    for by in range(floor + 3, limit - 1):
        if doc.lower[by] != "by" or _PASSIVE_CUES.isdisjoint(doc.lower[max(floor, by - _MAX_AGENT_GAP):by]):
            continue
        participle = next((m for m in range(by - 1, max(floor, by - _MAX_AGENT_GAP) - 1, -1)
                           if doc.lower[m] in _PASSIVE_CUES or doc.text[m] in _CLAUSE_BREAK or doc.text[m] == ","), None)
        if participle is None or doc.lower[participle] not in _PASSIVE_CUES:
            continue
        be = participle - 1
        while be > floor and (doc.lower[be].endswith("ly") or doc.lower[be] in _SKIP_NOT_BE):
            be -= 1
        mention = _mention_after(doc, by + 1, limit) or _noun_phrase_after(doc, by + 1, limit)
        if be <= floor or doc.lower[be] not in _BE_FORMS or mention is None:
            continue
        return _Attribution(doc.idx[participle], doc.end_char(participle), mention, 0.7), doc.idx[floor], doc.idx[be]
    return None


def _noun_phrase_after(doc: _Doc, i: int, limit: int) -> _Mention | None:
    """A plain noun phrase starting at token ``i`` ("64 percent of the electorate"), or None."""
    j = i
    while j < limit and j - i < _MAX_SUBJECT and _in_noun_phrase(doc, j):
        j += 1
    while j > i and doc.lower[j - 1] in _FUNCTION_WORDS:
        j -= 1
    return _Mention(i, j, doc.span_text(i, j), kind="group") if j > i else None


def _stance_adjective(doc: _Doc, floor: int, limit: int):
    """A belief or stance stated with an adjective: "Republicans are confident that …", "she is
    opposed to …", "they’re supportive of …"; returns ``(attribution, content_start,
    content_end)`` or None."""
    for k in range(floor + 2, limit - 1):
        if doc.lower[k] not in _STANCE_ADJECTIVES or doc.lower[k + 1] not in _STANCE_LINKS:
            continue
        verb = k - 1
        while verb > floor and (doc.lower[verb] in {"not", "n't", "so", "very", "more", "less", "also", "still"}
                                or doc.lower[verb].endswith("ly")):
            verb -= 1
        if doc.lower[verb] not in _LINKING_VERBS or verb - 1 < floor:
            continue
        mention = _noun_phrase_ending(doc, verb - 1, floor)
        if mention is None or mention.text.lower() == "it" \
                or mention.first > floor + 1 and doc.lower[mention.first - 1] not in _CLAUSE_JOINS:
            continue
        content = k + 1 + (doc.lower[k + 1] != "to")
        if content < limit:
            return _Attribution(doc.idx[verb], doc.end_char(k), mention, 0.6), doc.idx[content], _clause_end(doc, floor, limit)
    return None


_STANCE_LINKS = frozenset("that to of about with in toward towards".split())
_LINKING_VERBS = _BE_FORMS | frozenset("’re 're ’m 'm remain remains remained became become becomes grew grow grows "
                                       "seem seems seemed".split())


def _poll_source(doc: _Doc, floor: int, limit: int):
    """A finding reported "in" a poll or survey: returns ``(attribution, content_start,
    content_end)`` with the poll as the source, or None."""
    for k in range(floor + 1, limit):
        if doc.lower[k] not in _POLL_WORDS:
            continue
        opener = next((m for m in range(k - 1, max(floor - 1, k - 9), -1)
                       if doc.lower[m] == "in" or doc.text[m] in _CLAUSE_BREAK or doc.text[m] == ","), None)
        if opener is None or doc.lower[opener] != "in" or opener + 1 == k:
            continue
        end = k + 1
        while end < limit and doc.text[end] not in _CLAUSE_BREAK and doc.text[end] != "," and end - k < 6 \
                and doc.lower[end] not in _BE_FORMS:
            end += 1  # "… poll released Wednesday"
        mention = _Mention(opener + 1, end, doc.span_text(opener + 1, end), kind="group")
        attribution = _Attribution(doc.idx[opener], doc.end_char(opener), mention, 0.6)
        if opener == floor and end < limit and doc.text[end] == ",":
            return attribution, doc.idx[end + 1], _clause_end(doc, floor, limit)
        if opener - floor >= 3 and (end >= limit - 1 or doc.text[end] in _CLAUSE_BREAK or doc.text[end] == ","):
            return attribution, doc.idx[floor], doc.idx[opener]  # not "voters in the poll were undecided"
    return None


def _unsourced(doc: _Doc, floor: int, limit: int):
    """An attribution without a source, as ``(attribution, content_start, content_end)``: an
    impression ("The court seemed to send a signal", "the race appears closer"), an expectation
    ("The sale is expected to expand …") or a question put ("When asked whether he would …")."""
    for k in range(floor, limit - 2):
        word, nxt = doc.lower[k], doc.lower[k + 1]
        if word in {"seem", "seems", "seemed"}:
            found = k > floor and doc.text[k + 1].isalpha() and (nxt in {"to", "that"} or nxt not in _FUNCTION_WORDS)
        elif word in {"appear", "appears", "appeared"}:
            found = k > floor and nxt in {"to", "that", "poised", "likely", "unlikely", "certain", "ready", "set"}
        elif word == "expected":
            found = k > floor and doc.lower[k - 1] in _BE_FORMS and nxt == "to"
        elif word in _OPINION_PASSIVES:  # "Ginsburg is known for …", "was widely viewed as payback"
            be = k - 1 - (k - 1 > floor and doc.lower[k - 1].endswith("ly"))
            found = be > floor and doc.lower[be] in _BE_FORMS and nxt in {"as", "to", "for"} \
                and "by" not in doc.lower[k:limit]
        else:
            found = word == "asked" and nxt in _QUESTION_OPENERS and (k == floor or doc.lower[k - 1] in _ASKED_AFTER)
        if found:
            content = k + 1 + (nxt == "that" or word in _OPINION_PASSIVES and nxt in {"as", "for"})
            end = _clause_end(doc, floor, limit)
            if word == "asked":  # the question ends its clause: "When asked whether …, Smith smiled"
                comma = next((m for m in range(content, limit) if doc.text[m] == ","), None)
                end = doc.idx[comma] if comma is not None else end
            return _Attribution(doc.idx[k], doc.end_char(k), None, 0.5), doc.idx[content], end
    return None


def _label(doc: _Doc, floor: int, limit: int) -> _Attribution | None:
    """A speaker's name as a label opening the sentence: headline "Sanders: Endorsements prove …",
    interview "Q: How did it go?"."""
    colon = next((k for k in range(floor + 1, min(floor + _MAX_LABEL + 1, limit - 2)) if doc.text[k] == ":"), None)
    if colon is None or not _NOT_LABELS.isdisjoint(doc.lower[floor:colon]) \
            or not all(_is_name_token(doc.text[k]) or doc.text[k] in {"Q", "A"} for k in range(floor, colon)):
        return None
    mention = _noun_phrase_ending(doc, colon - 1, floor)
    if mention is None or mention.start != floor and doc.text[mention.start - 1] not in _POSSESSIVE:
        return None
    return _Attribution(doc.idx[colon], doc.end_char(colon), mention, 0.7)


_NOT_LABELS = frozenset("note update updated correction editor editors photo photos video related watch read "
                        "byline busted breaking exclusive dateline contributing boom live more "
                        "source sources disclosure also see listen warning image caption credit".split())
_QUESTION_OPENERS = frozenset("whether if what how why when who which about".split())
_WH_OR_THAT = _QUESTION_OPENERS | {"that"}
_ASKED_AFTER = frozenset("when was were being , if".split())


def _next_clause(doc: _Doc, content: int, limit: int) -> tuple[int, int, bool] | None:
    """A later coordinated clause with its own cue inside reported content: returns the joining
    token, the cue, and whether the clause has its own subject ("…, while Trump argued") or
    shares the first one ("… and said")."""
    for cue in range(content + 2, limit - 2):
        if doc.lower[cue] not in _ANY_CUE or not _is_cue(doc, cue):
            continue
        joiner = cue - 1
        while joiner > content + 1 and cue - joiner < 3 and doc.lower[joiner] in _SKIP_BEFORE_CUE:
            joiner -= 1  # "… and has expressed support for …"
        if doc.lower[joiner] in {"and", "but"} and not doc.lower[cue].endswith("ing"):
            return joiner - (doc.text[joiner - 1] == ","), cue, False
        if doc.text[cue - 1] == "," and doc.lower[cue].endswith("ing"):  # "…, insisting that …"
            return cue - 1, cue, False
        mention = _mention_before(doc, cue, content + 1)
        if mention is not None and mention.first - 1 > content \
                and doc.lower[mention.first - 1] in _COORDINATORS and mention.text.lower() not in {"it", "who"}:
            return mention.first - 1, cue, True
    return None


_CLAUSE_MARKS = frozenset({",", "—", "–", "--"})


def _new_subject(doc: _Doc, content: int, limit: int) -> int | None:
    """A comma or dash inside reported content followed by what opens another clause (a pronoun,
    a determiner or a name: "… the videos exist, foreign policy experts affirm …"), or None."""
    if _CLAUSE_MARKS.isdisjoint(doc.text[content + 2:limit - 3]):
        return None
    for k in range(content + 2, limit - 3):
        if doc.text[k] in _CLAUSE_MARKS and (doc.lower[k + 1] in {"he", "she", "they", "it", "we", "i"}
                                                     or doc.lower[k + 1] in {"the", "his", "her", "their", "its", "a", "an"}
                                                     or _is_name_token(doc.text[k + 1]) and doc.lower[k + 1] not in _FUNCTION_WORDS):
            return k
    return None


def _embedded_clause(doc: _Doc, content: int, limit: int) -> int | None:
    """The word opening a later subordinate clause with its own source and cue inside reported
    content ("… after determining that a video recording showed …": that), or None."""
    words = doc.lower[content + 2:limit - 1]
    if _SUBORDINATE_OPENERS.isdisjoint(words) or _ANY_CUE.isdisjoint(words):
        return None
    for cue in range(content + 3, limit - 1):
        if doc.lower[cue] not in _ANY_CUE or not _is_cue(doc, cue):
            continue
        mention = _mention_before(doc, cue, content + 1)
        if mention is not None and mention.first - 1 > content + 1 and doc.lower[mention.first - 1] in _SUBORDINATE_OPENERS:
            return mention.first - 1
    return None


_SUBORDINATE_OPENERS = frozenset("that after because when while as if since before".split())


def _add_indirect(doc, article_id, entities, rows, claimed, s_pos, attribution, c_start, c_end) -> None:
    body = doc.body
    c_start, c_end = _strip(body, c_start, c_end)
    while c_end > c_start and body[c_end - 1] in ".,;:—– ":
        c_end -= 1
    cue_word = body[attribution.cue_start:attribution.cue_end].lower()
    if c_end - c_start < 2 or len(body[c_start:c_end].split()) < 2 \
            and cue_word not in _ONE_WORD_CUES:
        return  # one word is content only for a stance or a phrasal cue ("endorsed Sanders", "called for change")
    speaker, mention, role, span, cue = _mention_fields(doc, attribution, entities)
    if not mention and attribution.mention is not None:
        return
    if mention.lower() in {"i", "we"}:
        speaker = speaker or _labelled_speaker(doc, s_pos, entities)
    rows.append(_row(article_id, "indirect", c_start, c_end, body, speaker, mention, role, cue,
                     doc.sent_ids[s_pos], attribution.confidence * (1.0 if speaker else 0.8), span))
    rows[-1]["_cue_start"] = attribution.cue_start  # (dropped before returning)
    claimed.append((c_start, c_end))


def _labelled_speaker(doc: _Doc, s_pos: int, entities: _Entities) -> str:
    """The speaker a label names at the start of the paragraph of sentence ``s_pos`` (who *I*
    is in an interview answer: "A: … I think …"), or ""."""
    body = doc.body
    paragraph_start = body.rfind("\n", 0, doc.sent_starts[s_pos]) + 1
    opening = body[paragraph_start:paragraph_start + _MAX_LABEL_CHARS]
    if not _is_label(opening):
        return ""
    label = _label(doc, *doc.sent_tokens[doc.sentence_of(paragraph_start)])
    speaker = _speaker(label.mention, entities)[0] if label is not None else ""
    return speaker or _LABEL.match(opening).group().rstrip(": ")  # "A: …" (not a noun phrase)


def _reported_speech(doc: _Doc, floor: int, limit: int):
    """Find ``(attribution, content_start, content_end)`` in one sentence, or None."""
    label = _label(doc, floor, limit) if ":" in doc.text[floor + 1:floor + _MAX_LABEL + 1] else None
    if label is not None:
        return label, label.cue_end + 1, _clause_end(doc, floor, limit)
    words = doc.lower[floor:limit]
    for k in (range(floor, limit - 1) if "according" in words else ()):
        if doc.lower[k] == "according" and doc.lower[k + 1] == "to":
            mention, stop = _source_after_according(doc, k, limit)
            if mention is None:
                return None
            attribution = _Attribution(doc.idx[k], doc.end_char(k + 1), mention, 0.8)
            opens = k == floor or k == floor + 1 and doc.lower[floor] in {"but", "and", "yet", "so"}
            if opens or doc.text[k - 1] == "," and (k - 1 <= floor + 1 or stop < limit and doc.text[stop] == ","
                                                         and (k - 1 - floor < 5 or _is_intro_phrase(doc, floor, k - 1))):
                # "According to X, …" / "Over the long term, according to X, …"
                return (attribution, doc.end_char(stop), _clause_end(doc, floor, limit)) if stop < limit else None
            content_end = doc.idx[k - 1] if doc.text[k - 1] == "," else doc.idx[k]
            return attribution, doc.idx[floor], content_end
    fallback = None
    for k in [floor + i for i, word in enumerate(words) if word in _INDIRECT_CUES and i]:
        if not _is_cue(doc, k):
            continue
        passive = _passive_agent(doc, k, floor, limit)
        if passive is not None:
            return passive
        inverted = _inverted_source(doc, k, floor, limit)
        if inverted is not None:
            return inverted
        mention = _mention_before(doc, k, floor) or _clause_subject(doc, k, floor)
        if mention is not None:
            # …, he said.  (content before the cue; "…, the nonpartisan Budget Office reported",
            # "…, as the Times reported")
            lead = _lead_words(doc, mention.first, floor)
            if lead > floor + 1 and doc.text[lead - 1] == "," and mention.text.lower() != "who" \
                    and (limit - k <= 8 or doc.text[k + 1:k + 2] == [","]):
                attribution = _Attribution(doc.idx[k], doc.end_char(k), mention, 0.75)
                if lead - 1 - floor >= 5 and not _is_intro_phrase(doc, floor, lead - 1) \
                        and not _after_quote_in_paragraph(doc, floor):
                    # (right after a quote, the words before the cue name its speaker:
                    # "“…,” Harry Bond, 30, of Raleigh, N.C., said")
                    return attribution, doc.idx[floor], doc.idx[lead - 1]
                if doc.text[k + 1:k + 2] == [","] and k + 3 < limit:  # "This campaign, he says, is different"
                    return attribution, doc.idx[k + 2], _clause_end(doc, floor, limit)
                # else an introductory phrase before the subject: "In response, Twitter said it …"
            content = _skip_cue_complements(doc, k, limit)
            if content >= limit - 1 or not _opens_content(doc, k, content):
                continue
            found = _Attribution(doc.idx[k], doc.end_char(k), mention, 0.8), doc.idx[content], _clause_end(doc, floor, limit)
            if mention.first > floor + 3 and lead > floor and doc.lower[lead - 1] not in _CLAUSE_JOINS \
                    and doc.lower[mention.first] != "who" and not _noun_phrase_run(doc, floor, mention.first) \
                    or mention.text.lower() == "who" and doc.text[mention.start - 1] == ",":
                # a subject opening no clause, or a relative clause: a later cue may have the main one
                fallback = fallback or found
                continue
            return found
    return fallback


#: Cue words that report no indirect speech: "issued a statement" introduces a quote, and the
#: forms that are mostly nouns ("the state", "emails", "a plan") report too rarely.
_NOT_INDIRECT_CUES = _ISSUING | frozenset("state states email emails find plan".split())


_INDIRECT_CUES = _ANY_CUE - _NOT_INDIRECT_CUES


def _inverted_source(doc: _Doc, k: int, floor: int, limit: int):
    """A source after a cue that follows its content ("…, said Larry Sabato, director of …"),
    as ``(attribution, content_start, content_end)``, or None."""
    if doc.text[k - 1] != "," or k + 1 >= limit or k - floor <= 3 or doc.lower[k] in _ADDRESSING \
            or doc.lower[k].endswith("ing"):
        return None  # (a participle's object is no source: "…, fearing the consequences")
    mention = _mention_after(doc, k + 1, limit)
    if mention is None or mention.end < limit and doc.text[mention.end] not in _MENTION_ENDS:
        return None
    return _Attribution(doc.idx[k], doc.end_char(k), mention, 0.75), doc.idx[floor], doc.idx[k - 1]


#: Words between a subject and its cue ("were more likely to say", "here said").
_SUBJECT_GAP = _SKIP_BEFORE_CUE | frozenset("likely unlikely more less to here there able quick first eager "
                                            "ready going yet".split())
_MAX_SUBJECT = 12


def _clause_subject(doc: _Doc, cue: int, floor: int) -> _Mention | None:
    """The noun phrase opening a clause as a speech cue's subject when no known noun phrase ends
    right before the cue ("Several supporters of reform said", "Five past and current employees
    separately told", "Caucus-goers were more likely to say")."""
    if doc.lower[cue] not in CUE_WORDS and doc.lower[cue] not in _PHRASAL_CUES:
        return None
    j = cue - 1
    while j >= floor and (doc.lower[j] in _SUBJECT_GAP or doc.lower[j].endswith("ly") and doc.text[j].islower()):
        j -= 1
    if j > floor and doc.text[j] == ",":  # "Supporters of abortion rights, on the other hand, argued"
        aside = next((c for c in range(j - 2, max(floor, j - 6), -1) if doc.text[c] == ","), None)
        if aside is not None and (doc.lower[aside + 1] in _INTRO_STARTS or doc.lower[aside + 1] in _ASIDES):
            j = aside - 1
    elif j > floor and doc.text[j] in {"—", "–", "--"}:  # "Intelligence officials — including …— have argued"
        aside = next((c for c in range(j - 2, max(floor, j - _MAX_RELATIVE), -1) if doc.text[c] == doc.text[j]), None)
        if aside is not None:
            j = aside - 1
    last_verb = next((m for m in range(cue - 1, j, -1) if not doc.lower[m].endswith("ly")), None)
    if j < floor or last_verb is not None and doc.lower[last_verb] in _BE_FORMS:
        return None  # passive: "was told"
    i = j
    while i - 1 >= floor and j - i < _MAX_SUBJECT and _in_noun_phrase(doc, i - 1):
        i -= 1
    if i > floor and doc.text[i - 1] not in _SUBJECT_OPENERS and doc.lower[i - 1] not in _CLAUSE_STARTERS \
            or doc.lower[i] in _NOT_SUBJECT_STARTS or doc.lower[j] in _FUNCTION_WORDS or not _in_noun_phrase(doc, j):
        return None
    return _Mention(i, j + 1, doc.span_text(i, j + 1), kind="group")


def _in_noun_phrase(doc: _Doc, k: int) -> bool:
    """Whether token ``k`` can stand inside a plain noun phrase (no verb, no clause break)."""
    word = doc.lower[k]
    if word in _NP_LINKS or word in _DETERMINERS or word in _QUANTITIES or doc.text[k] in _NP_SYMBOLS \
            or _is_number(word):
        return True
    return (doc.text[k].isalpha() or "-" in doc.text[k]) and word not in _FUNCTION_WORDS \
        and (word not in CUE_WORDS or word in _NOUN_LIKE_CUES) and not (word.endswith("ly") and doc.text[k].islower())


def _noun_phrase_run(doc: _Doc, floor: int, first: int) -> bool:
    """Whether the tokens from the last clause opening (``floor``, a comma or a joining word)
    to ``first`` are the start of one noun phrase ("More than half of respondents in the USA
    TODAY/Suffolk poll", "Not surprisingly, Democrat socialist Sen. …")."""
    floor = next((k + 1 for k in range(first - 1, floor - 1, -1) if doc.lower[k] in _CLAUSE_JOINS), floor)
    return all(_in_noun_phrase(doc, k) or doc.lower[k] in _COUNT_WORDS for k in range(floor, first))


_NP_LINKS = frozenset("of for from in at with on and".split())
_NP_SYMBOLS = _POSSESSIVE | {"/", "&"}
_COUNT_WORDS = _QUANTITIES | _QUANTITY_LINKS
#: Prepositions before a gerund cue whose subject is the clause's ("opened by talking about").
_GERUND_OPENERS = frozenset("by after while before without when since".split())
#: Cues whose "with" phrase is the content ("agree with the ruling").
_WITH_CUES = frozenset(_inflect("agree") + _inflect("disagree"))
#: Cues whose "on" phrase is the content ("commented on the reason").
_ON_CUES = frozenset(_inflect("comment") + _inflect("remark") + _inflect("elaborate"))
#: Words after which a subject starts ("…, but several supporters said").
_CLAUSE_STARTERS = frozenset("and but that because while whereas although though so if when".split())


def _later_trailing_source(doc: _Doc, floor: int, limit: int, cue: int):
    """:func:`_trailing_source` of tokens ``floor:limit`` when its cue comes after token ``cue``
    (a second source, closing the clause: "X is planning to …, officials announced"), else None.
    That cue is a cue word: a clause with none after ``cue`` (most) needs no further look."""
    if _ANY_CUE.isdisjoint(doc.lower[cue + 1:limit]):
        return None
    trailing = _trailing_source(doc, floor, limit)
    return trailing if trailing is not None and trailing[0].cue_start > doc.idx[cue] else None


def _trailing_source(doc: _Doc, floor: int, limit: int):
    """A source closing the clause ("…, the administration is planning to …, officials
    announced."): it reports all before it, cues inside included (the outer source)."""
    if _ANY_CUE.isdisjoint(doc.lower[max(floor, limit - 9):limit]):
        return None  # (the cue must be among the last words)
    attribution = _trailing_cue(doc, floor, limit)
    if attribution is None:
        return None
    cue = doc.token_at(attribution.cue_start)
    comma = cue - 1 if doc.text[cue - 1] == "," else attribution.mention.first - 1
    parenthetical = attribution.mention.first < cue and doc.text[cue + 1:cue + 2] == [","]  # "…, he says, is …"
    if limit - cue > 8 or parenthetical or doc.lower[cue].endswith("ing") or comma - floor < 5 \
            or _is_intro_phrase(doc, floor, comma) or _after_quote_in_paragraph(doc, floor):
        return None
    attribution.confidence = 0.75
    return attribution, doc.idx[floor], doc.idx[comma]


def _after_quote_in_paragraph(doc: _Doc, floor: int) -> bool:
    """Whether token ``floor`` follows a closing quote mark in its own paragraph (not one that
    ends the paragraph before)."""
    return floor > 0 and doc.text[floor - 1] in _QUOTE_TOKENS \
        and "\n" not in doc.body[doc.end_char(floor - 1):doc.idx[floor]]


def _source_after_according(doc: _Doc, k: int, limit: int) -> tuple[_Mention | None, int]:
    """The source named after "according to" at token ``k``, and the punctuation ending it."""
    stop = k + 2
    while stop < limit and doc.text[stop] not in {",", ".", ";"}:
        stop += 1
    mention = _mention_after(doc, k + 2, stop)
    if mention is None and stop > k + 2:
        mention = _Mention(k + 2, stop, doc.span_text(k + 2, stop))
    return mention, stop


def _clause_end(doc: _Doc, floor: int, limit: int) -> int:
    """End of the content of tokens ``floor:limit``: before the sentence's final punctuation."""
    return min(_content_end(doc, doc.sentence_of(doc.idx[floor]), doc.idx[floor]), doc.end_char(limit - 1))


def _lead_words(doc: _Doc, first: int, floor: int) -> int:
    """First token of a speaker phrase with its determiner, adjectives and an "as" before it
    ("as the nonpartisan Congressional Budget Office")."""
    lead = first
    while lead - 1 > floor and first - lead < 4 and (doc.lower[lead - 1] in _DETERMINERS or doc.text[lead - 1].isalpha()
                                                     and doc.text[lead - 1].islower()
                                                     and doc.lower[lead - 1] not in _FUNCTION_WORDS):
        lead -= 1
    return lead - 1 if lead - 1 > floor and doc.lower[lead - 1] == "as" else lead


_COORDINATORS = frozenset(", ; and but while whereas although though which".split())
#: Words after which a new clause (with its own subject) can start.
_CLAUSE_JOINS = frozenset(", ; — – ( that and but though although because while since as when where if "
                          "after before so whom which".split())
_INTRO_STARTS = frozenset("in on at during as while after before since when with for speaking asked "
                          "responding then".split())
#: Openers of a phrase set off by commas inside a clause ("Clinton, during a town hall, said").
_ASIDE_STARTS = _INTRO_STARTS - {"as", "then", "asked"}
#: Function words that end a noun phrase ("of", "for", "at" continue one: "one of the advisers").
_NP_BREAKS = _NON_DETERMINERS - {"of", "for", "at", "with"}
_MENTION_ENDS = frozenset({",", ".", ";", "(", "!", "?", "in", "on", "at", "during", "last", "this", "after"})
_NOT_CONTENT_STARTS = frozenset("of at in on by from during as while after before because when upon through "
                                "outside inside".split())


#: Cues of a stance towards someone, whose object alone is the content ("endorsed Sanders").
_STANCE_CUES = frozenset(form for lemma in "support back endorse oppose criticize praise blame attack defend reject "
                         "denounce condemn slam blast accuse thank applaud hail mock dismiss".split()
                         for form in _inflect(lemma))
#: Cues that a "to" phrase follows only as a setting ("said to applause"), never as content.
_MANNER_CUES = frozenset(_inflect("say") + _inflect("tell") + _inflect("explain") + _inflect("add") + _inflect("remark")
                         + _inflect("joke"))


def _opens_content(doc: _Doc, cue: int, content: int) -> bool:
    """Whether the words after a cue are reported content, not a setting or an aside
    ("said at the opening session", "said, clutching the lectern", "told cheering supporters")."""
    first = doc.lower[content]
    if doc.lower[content - 1] == "that":
        return True  # "showed that during the first two years, …"
    if first in _NOT_CONTENT_STARTS and not (first in {"in", "by"} and doc.lower[content + 1:content + 2] != []
                                             and doc.lower[content + 1][:1].isdigit()
                                             and doc.text[content + 2:content + 3] not in ([], ["."], [","])):
        return False  # but "said in 2016 the cases were …" reports ("said in 2011." does not)
    if doc.text[content - 1] == "," and first.endswith("ing"):
        return False
    if first == "with" or first in {"to", "about"} and doc.lower[cue] in _MANNER_CUES \
            and not (first == "about" and _approximates(doc, content + 1)):
        # "explained with a smile", "said to rousing applause", "said about the movement"
        # (but "said about half of …" reports an approximate number)
        return False
    if first == "to" and doc.lower[cue] in {"went", "goes"}:
        return False  # "went on to say": the later cue reports
    return not (doc.lower[cue] in _TELL and content == cue + 1)


def _approximates(doc: _Doc, k: int) -> bool:
    """Whether token ``k`` starts a number or a share ("about half", "about 1,000", "about a third")."""
    word = doc.lower[k] if k < len(doc.lower) else ""
    if word in {"a", "an"} and k + 1 < len(doc.lower):
        word = doc.lower[k + 1]
    return _is_number(word) or word in _AMOUNTS


def _is_intro_phrase(doc: _Doc, floor: int, comma: int) -> bool:
    """Whether ``floor:comma`` is only an introductory phrase ("In an interview", "Asked about
    it", "Although the state does not track it") rather than reported content."""
    first = doc.lower[floor]
    return (first in _INTRO_STARTS or first in _SUBORDINATORS) \
        and "," not in doc.text[floor:comma]


#: Words that open a subordinate clause or phrase before the main clause's subject.
_SUBORDINATORS = frozenset("if although though because unless once until whereas regarding despite "
                           "like unlike among amid".split())
#: Words that cannot open a clause subject ("in", "because", "of").
_NOT_SUBJECT_STARTS = _NOT_CONTENT_STARTS | _SUBORDINATORS | _NON_DETERMINERS - {"many", "some", "most"}


_TIME_WORDS = frozenset("week month year night morning afternoon evening weekend".split())
_CUE_SETTINGS = frozenset(
    "statement interview email e-mail tweet speech letter release post conference call briefing "
    "memo report filing radio television tv podcast op-ed video twitter facebook instagram "
    "press hearing court".split())
_TELL = frozenset({"told", "tells", "tell", "telling"})
_CALL_FORMS = frozenset(_inflect("call"))
#: Cues whose content can be one word ("endorsed Sanders", "called for change", "Pigs are considered …").
_ONE_WORD_CUES = _STANCE_CUES | _PASSIVE_CUES | _PHRASAL_CUES.keys() | _CALL_FORMS
_OBJECT_TAKING = _TELL | frozenset({"assured", "warned", "reminded", "informed"})
#: Cues whose next noun phrase is the person addressed, never the speaker ("…, told POLITICO").
_ADDRESSING = _TELL | frozenset({"assured", "reminded", "informed"})


def _skip_cue_complements(doc: _Doc, cue: int, limit: int) -> int:
    """First token of the reported content after a cue, skipping its object and setting
    ("told Reuters that", "said in a statement that", "said on Monday")."""
    k = cue + 1
    if doc.lower[cue] in _PHRASAL_CUES and k < limit and doc.lower[k] in _PHRASAL_CUES[doc.lower[cue]] \
            or doc.lower[cue] in _CALL_FORMS and doc.lower[k:k + 1] in (["for"], ["on"]):
        k += 1  # "pointed out that", "talked about", "called for", "called on"
    if doc.lower[cue] in _WITH_CUES and doc.lower[k:k + 1] == ["with"] \
            or doc.lower[cue] in _ON_CUES and doc.lower[k:k + 1] == ["on"]:
        k += 1  # "agree with the ruling", "commented on the reason"
    if doc.lower[k:k + 1] == ["to"] and doc.lower[cue] in _MANNER_CUES:  # "explained to CBS why …"
        wh = next((m for m in range(k + 1, min(limit, k + 5)) if doc.lower[m] in _WH_OR_THAT), None)
        if wh is not None and all(_is_name_token(doc.text[m]) or doc.lower[m] in _DETERMINERS
                                  or doc.text[m] in _POSSESSIVE for m in range(k + 1, wh)):
            k = wh
    if doc.lower[cue] in _OBJECT_TAKING and k < limit:
        stop = k
        while stop < limit and stop - k < 8 and doc.lower[stop] not in {"that", ",", ":"}:
            stop += 1
        if stop < limit and doc.lower[stop] in {"that", ",", ":"} or doc.lower[k] in _PRONOUNS \
                or _is_name_token(doc.text[k]) or doc.lower[k] in {"reporters", "me", "us", "him", "her", "them"}:
            if stop < limit and doc.lower[stop] in {"that", ",", ":"}:
                k = stop
            else:  # told Business Insider he …
                k += 1
                while k < limit and (_is_name_token(doc.text[k]) or doc.text[k] in _POSSESSIVE) \
                        and doc.lower[k] not in _PRONOUNS:
                    k += 1  # "told CNN’s Jake Tapper he …"
        elif doc.lower[k] in {"the", "a", "an"}:  # "told the AP his firm …", "told a reporter the plan …"
            end = k + 1
            while end < limit and end - k < 4 and (doc.text[end].isalpha() and doc.lower[end] not in _FUNCTION_WORDS):
                end += 1
            if end > k + 1 and end + 1 < limit and (doc.lower[end] in _PRONOUNS or doc.lower[end] in _DETERMINERS
                                                   or _is_name_token(doc.text[end])):
                k = end
    while k < limit:
        if doc.lower[k] in _MONTHS_DAYS or doc.lower[k] in {"today", "yesterday", "tuesday"}:
            k += 1
        elif doc.lower[k] in {"in", "on", "during", "at", "via"} and any(
                doc.lower[m] in _CUE_SETTINGS for m in range(k + 1, min(k + 4, limit))):
            k = next(m for m in range(k + 1, min(k + 4, limit)) if doc.lower[m] in _CUE_SETTINGS) + 1
        elif doc.text[k] == "," and k + 1 < limit and doc.lower[k + 1] in {"in", "on", "during"}:
            k += 1
        elif doc.lower[k] in {"in", "on", "last", "this", "earlier", "late"} and k + 1 < limit and (
                doc.lower[k + 1] in _MONTHS_DAYS or doc.lower[k + 1] in _TIME_WORDS):
            k += 2  # said in April / said last week
        elif doc.lower[k] in {"late", "earlier", "early", "later"} and doc.lower[k + 1:k + 2] != [] \
                and doc.lower[k + 1] in {"last", "this", "next", "on", "in"}:
            k += 1  # said late last week
        else:
            break
    if k < limit and doc.lower[k] in _SETTING_STARTS:  # "said in an interview with The AP last week that"
        that = next((m for m in range(k + 1, min(limit, k + _MAX_SETTING)) if doc.lower[m] == "that"
                     or doc.text[m] in _CLAUSE_BREAK or doc.text[m] == "," or doc.lower[m] in CUE_WORDS), None)
        if that is not None and doc.lower[that] == "that":
            k = that
    if k < limit and doc.lower[k] in {"that", ":", ","}:
        k += 1
    return k


#: Words opening a setting between a cue and its "that" clause, and its longest length.
_SETTING_STARTS = frozenset("in on at during with to via before after last this earlier late over through".split())
_MAX_SETTING = 12


def headline_quotes(headline: str) -> list[dict]:
    """Quoted phrases of a headline (not ``quotes`` rows: offsets are into the headline).

    Returns:
        One dict per quoted phrase with ``start``, ``end`` (offsets into ``headline``) and ``text``.
    """
    if not headline or not headline.strip():
        return []
    paragraph = [{"start": 0, "end": len(headline)}]
    return [{"start": f.start, "end": f.end, "text": headline[f.start:f.end]}
            for f in find_quote_spans(headline, paragraph)]


def _n_words(text: str) -> int:
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def sources_summary(quotes: pd.DataFrame, articles: pd.DataFrame | str) -> pd.DataFrame:
    """Who speaks in each article, and how much: one row per article and speaker.

    Args:
        quotes: The ``quotes`` table (DataFrame).
        articles: The ``articles`` table (DataFrame with ``article_id`` and ``body``), or one
            article body as a string when ``quotes`` holds a single article.

    Returns:
        DataFrame with ``article_id``, ``speaker`` (canonical; the mention as written when
        unresolved), ``role`` (most frequent non-empty role), ``n_quotes``, ``n_direct``,
        ``n_indirect`` (indirect and mixed), ``words_quoted`` (words inside direct quotes),
        ``words_attributed`` (all words of the speaker's quotes and reported statements) and
        ``share`` (``words_attributed`` / words in the body; higher = a bigger voice), sorted by
        article then share, largest first.
    """
    if isinstance(articles, str):
        ids = quotes["article_id"].unique() if len(quotes) else ["article"]
        totals = {article_id: _n_words(articles) for article_id in ids}
    else:
        totals = {row.article_id: _n_words(row.body) for row in articles.itertuples()}
    columns = ["article_id", "speaker", "role", "n_quotes", "n_direct", "n_indirect",
               "words_quoted", "words_attributed", "share"]
    if quotes is None or len(quotes) == 0:
        return pd.DataFrame(columns=columns)
    frame = quotes.assign(
        voice=[s or (f"({m})" if m else "(unattributed)") for s, m in zip(quotes["speaker"], quotes["speaker_mention"])],
        words=[_n_words(t) for t in quotes["text"]],
        direct=(quotes["kind"] == "direct"))
    out = []
    for (article_id, voice), group in frame.groupby(["article_id", "voice"], sort=True):
        roles = Counter(r for r in group["speaker_role"] if r)
        attributed = int(group["words"].sum())
        out.append({"article_id": article_id, "speaker": voice,
                    "role": roles.most_common(1)[0][0] if roles else "",
                    "n_quotes": len(group), "n_direct": int(group["direct"].sum()),
                    "n_indirect": int((~group["direct"]).sum()),
                    "words_quoted": int(group.loc[group["direct"], "words"].sum()),
                    "words_attributed": attributed,
                    "share": round(attributed / totals[article_id], 4) if totals.get(article_id) else 0.0})
    summary = pd.DataFrame(out, columns=columns)
    return summary.sort_values(["article_id", "share", "speaker"], ascending=[True, False, True],
                               ignore_index=True)

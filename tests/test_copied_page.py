"""Copied-page parser: seed metadata, bylines, dates, furniture, and nothing silently lost."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from analysis import copied_page
from analysis.copied_page import guess_language, parse_page_text
from analysis.normalise import clean_text

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "000_3841b963fa27e1fb.txt"

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget for the coming year.",
    "Officials said the plan would cut spending on roads while adding money for schools.",
    "“We had to make hard choices,” said the mayor, who backed the plan from the start.",
    "Opponents argued that the cuts would hurt neighbourhoods that already lack services.",
    "The budget takes effect in July, after a final review by the state auditor.",
]
LONG_PARAGRAPHS = [f"Speaker number {n} argued for hours over every line of the plan, from the cost of repairing "
                   "bridges to the salaries of teachers, while the mayor listened without interrupting and took notes "
                   "on each objection, promising a written answer to every resident before the next council meeting."
                   for n in range(6)]
INLINE_TEASERS = ["Keep reading", "list of 4 items", "Mayor opens a new library in the north",
                  "Schools get new computers", "Bridge repairs begin next week", "Police chief to retire in spring",
                  "end of list"]


def page(*header: str, footer: tuple[str, ...] = ("Related Articles", "Another story headline here")) -> str:
    """A copied page: menu, header lines, the article paragraphs and a footer."""
    return "\n".join(["Home", "News", "Sign in", *header, *PARAGRAPHS, *footer])


@pytest.fixture(scope="module")
def seed():
    return parse_page_text(clean_text(SEED.read_text(encoding="utf-8")))


def test_seed_metadata(seed):
    assert seed["outlet"] == "The Drum"
    assert seed["headline"] == ("Alibaba labels USTR’s notorious markets list a ‘flawed, biased and "
                                "politicized process’ after Taobao inclusion")
    assert seed["authors"] == ["Charlotte McEleny"]
    assert seed["author_roles"] == ["Asia Editor"]
    assert seed["published"] == "2018-01-15"
    assert seed["read_time_min"] == 3
    assert seed["tags"] == ["Counterfeit Goods", "US Government", "Alibaba"]


def test_seed_body_and_removed(seed):
    paragraphs = seed["body"].split("\n\n")
    assert paragraphs[0].startswith("Alibaba has taken issue")
    assert paragraphs[-1].endswith("intellectual property worldwide.”")
    assert len(paragraphs) == 9
    assert "Taobao placed on the 'notorious markets' list by USTR again" in seed["removed"]
    for furniture in ["-d -h -min -sec", "View all", "More from Counterfeit Goods", "Industry insights",
                      "Add your own content +", "The Drum Awards Festival - Extended Deadline",
                      "By Charlotte McEleny, Asia Editor", "January 15, 2018 | 3 min read"]:
        assert furniture in seed["removed"]
        assert furniture not in seed["body"]
    assert seed["removed"].count("Counterfeit Goods US Government Alibaba") == 2


@pytest.mark.parametrize("byline, authors, roles", [
    (["By Ann Lee"], ["Ann Lee"], [""]),
    (["ByAnn Lee"], ["Ann Lee"], [""]),
    (["By Ann Lee, Science Editor"], ["Ann Lee"], ["Science Editor"]),
    (["By Ann Lee, City News"], ["Ann Lee"], ["City News"]),
    (["By Associated Press"], ["Associated Press"], [""]),
    (["By Ann Lee and Bo Chan"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["BY ANN LEE AND BO CHAN"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["By Ann Lee, Bo Chan, Cy Diaz"], ["Ann Lee", "Bo Chan", "Cy Diaz"], ["", "", ""]),
    (["BY", "Ann Lee", ",", "Bo Chan"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["Written by Ann Lee"], ["Ann Lee"], [""]),
    (["Author:", "Ann Lee"], ["Ann Lee"], [""]),
    (["By Ann LeeMarch 3, 2023"], ["Ann Lee"], [""]),
    (["By Ann Lee | Published March 3, 2023"], ["Ann Lee"], [""]),
    (["Ann Lee · City Paper · Posted: Mar 3, 2023"], ["Ann Lee"], [""]),
    (["Oct 2, 2023 | By Ann Lee"], ["Ann Lee"], [""]),
    (["Photos and story by Ann Lee"], ["Ann Lee"], [""]),
    (["By Émile Zola"], ["Émile Zola"], [""]),
    (["Reporting by Ann Lee; Editing by Bo Chan"], ["Ann Lee"], [""]),
    (["Ann Lee", "March 3, 2023"], ["Ann Lee"], [""]),  # a bare name beside a date
    (["Ann Lee", "Staff Writer"], ["Ann Lee"], [""]),  # a bare name above a job title
    (["Ann Lee"], [], []),  # a bare name alone is not enough
    (["March 3, 2023"], [], []),  # no byline: no authors
    (["ANN LEE CITY NEWS"], ["Ann Lee"], ["CITY NEWS"]),  # a name and its outlet under the headline
    (["Ann Lee and Bo Chan", "March 3, 2023"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["Ann Lee, Bo Chan", "March 3, 2023"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["Ann Lee", "2 days ago"], ["Ann Lee"], [""]),
    (["Posted by Ann Lee on March 3, 2023"], ["Ann Lee"], [""]),
    (["By Ann Lee @annlee"], ["Ann Lee"], [""]),
    (["By Ann Lee For Example News"], ["Ann Lee"], ["For Example News"]),
    (["By Ann Lee and The Associated Press"], ["Ann Lee", "The Associated Press"], ["", ""]),
    (["Photograph by Jo Roe, City Archive", "By Ann Lee"], ["Ann Lee"], [""]),  # a picture credit
    (["Cars By Price"], [], []),  # a menu entry, not a byline
    (["Daily Example News", "March 3, 2023"], [], []),  # an outlet, not a person
    (["By Ann Lee ann.lee@example.com"], ["Ann Lee"], [""]),  # an e-mail address ends the names
    (["Reporting by Ann Lee in London; Editing by Bo Chan"], ["Ann Lee"], [""]),  # where she filed from
    (["Contributor: Ann Lee"], ["Ann Lee"], [""]),
    (["By Ann M. Lee Jr."], ["Ann M. Lee Jr."], [""]),  # the full stop of "Jr." stays
    (["Ann M. Lee", "March 3, 2023"], ["Ann M. Lee"], [""]),  # an initial is not an acronym
    (["Ann LeeAnn Lee", "March 3, 2023"], ["Ann Lee"], [""]),  # avatar text glued to the name
    (["Ann Lee for Example News", "March 3, 2023"], ["Ann Lee"], ["for Example News"]),
    (["Ann Lee – Senior Reporter", "March 3, 2023"], ["Ann Lee"], [""]),
    (["Ann Lee Senior Reporter", "March 3, 2023"], ["Ann Lee"], ["Senior Reporter"]),
    (["Example Digest Correspondent", "March 3, 2023"], [], []),  # an outlet's designation
    (["Senior Political Reporter", "March 3, 2023"], [], []),  # a job, no name
    (["Staff Report", "March 3, 2023"], [], []),
    (["New York City", "March 3, 2023"], [], []),  # a place
    (["Budget Committee", "March 3, 2023"], [], []),  # an institution
    (["Mayor Bo Chan", "March 3, 2023"], [], []),  # an office holder named in the news
    (["Ann King", "March 3, 2023"], ["Ann King"], [""]),  # an office word as a surname
    (["Ann Lee Follow", "March 3, 2023"], ["Ann Lee"], [""]),  # a profile button copied with the name
    (["Ann LeeFollow", "March 3, 2023"], ["Ann Lee"], [""]),
    (["Follow Ann Lee", "March 3, 2023"], ["Ann Lee"], [""]),
    (["Ann Lee, MD", "March 3, 2023"], ["Ann Lee"], ["MD"]),  # a degree, not a second author
    (["By Ann Lee, PhD"], ["Ann Lee"], ["PhD"]),
    (["By Ann Lee (@annlee)"], ["Ann Lee"], [""]),
    (["Posted on March 3, 2023 by Ann Lee"], ["Ann Lee"], [""]),  # the byline after the date
    (["March 3, 2023 at 10:00 am by Ann Lee"], ["Ann Lee"], [""]),
    (["Approved on March 3, 2023 by a vote of seven to two"], [], []),
    (["BYD Seal"], [], []),  # a glued "By" has a lower-case y
    (["News by Category"], [], []),  # one word after "news by": a menu
    (["Authors Columns Newsletters Podcasts"], [], []),  # a label without a colon or names below
    (["By Ann Lee - City Paper - Thursday, December 21, 2023"], ["Ann Lee"], [""]),  # not a caption
    (["Adam Lee", "March 3, 2023"], ["Adam Lee"], [""]),  # a name is no "ad" button
    (["Homer Chan", "March 3, 2023"], ["Homer Chan"], [""]),  # nor a "home" link
    (["Ann Lee", "Bo Chan", "March 3, 2023"], ["Ann Lee", "Bo Chan"], ["", ""]),  # co-authors one per line
    (["Ann Lee", "Bo Chan", "Cy Diaz", "2 days ago"], ["Ann Lee", "Bo Chan", "Cy Diaz"], ["", "", ""]),
    (["Ann Lee", "Show Caption", "Hide Caption", "March 3, 2023"], ["Ann Lee"], [""]),  # buttons, not names
    (["Ann Lee", "Jo Roe", "Photographer", "March 3, 2023"], ["Ann Lee"], [""]),  # no date closes the names
    (["By Ann Lee, XYZ Business"], ["Ann Lee"], ["XYZ Business"]),  # an acronym names an outlet
    (["By Ann Lee, Bo Chan"], ["Ann Lee", "Bo Chan"], ["", ""]),
    (["Jo Roe/Example Agency", "March 3, 2023"], [], []),  # a photo credit, not a byline
    (["Words: Ann Lee"], ["Ann Lee"], [""]),  # a credit label instead of "By"
    (["Reporting: Ann Lee"], ["Ann Lee"], [""]),
    (["Text: 555 0199"], [], []),  # a label without a name
    (["Story: Council votes again"], [], []),
    (["Ann Lee |"], ["Ann Lee"], [""]),  # a bare name in a metadata strip: a field separator after it
    (["Ann Lee ·"], ["Ann Lee"], [""]),
    (["Ann Lee", "Share"], ["Ann Lee"], [""]),  # or share buttons below it
    (["Ann Lee", "Council members"], [], []),  # no strip: a name alone
    (["By Ann Lee, Senior Staff Analyst, XYZ Policy, and Budget Project"], ["Ann Lee"],
     ["Senior Staff Analyst, XYZ Policy, Budget Project"]),  # the parts of a role after the name are no names
    (["By Ann Lee, Staff Writer, and Bo Chan"], ["Ann Lee", "Bo Chan"], ["Staff Writer", ""]),  # a name after a role
    (["By Ann Lee@annlee"], ["Ann Lee"], [""]),  # a handle glued to the name is no e-mail address
    (["By Ann Lee@annlee Updated March 3, 2023"], ["Ann Lee"], [""]),
    (["Par Anne Leroy et Jean Dupont"], ["Anne Leroy", "Jean Dupont"], ["", ""]),  # French
    (["Por Ana Lima e Bruno Costa"], ["Ana Lima", "Bruno Costa"], ["", ""]),  # Portuguese
    (["Par for the course"], [], []),  # "Par" with no name after it
    (["Por La Cultura", "March 3, 2023"], [], []),  # a section's label: a preposition and an article, no "By"
    (["La Cultura", "March 3, 2023"], [], []),  # a capitalised phrase opening with an article names nobody
    (["The Week", "March 3, 2023"], [], []),
    (["Por Juan de la Cruz", "March 3, 2023"], ["Juan de la Cruz"], [""]),  # particles inside a name stay
    (["By The Associated Press"], ["The Associated Press"], [""]),  # an agency after an English "By" stays
    (["Del Shannon", "March 3, 2023"], ["Del Shannon"], [""]),  # first names spelt like particles
    (["Ann Lee", "1:39 PM ET"], ["Ann Lee"], [""]),  # a bare name above a time stamp without a year
    (["Ann Lee", "9/11/13 10:00AM"], ["Ann Lee"], [""]),
    (["Ann Lee", "on Mar 2714 min"], ["Ann Lee"], [""]),  # a month and day glued to a read time
    (["Ann Lee • 8h"], ["Ann Lee"], [""]),  # an age after a field separator
    (["Ann Lee", "8 hours of debate"], [], []),  # not a time stamp
    (["Ann Lee", "1:39 left in the game"], [], []),
    (["Photos and Words: Ann Lee"], ["Ann Lee"], [""]),  # a credit label after lead words
    (["Analysis Text: Ann Lee Contributor"], ["Ann Lee"], ["Contributor"]),
    (["Ann Lee | Example.org"], ["Ann Lee"], [""]),  # the first field of a metadata strip
    (["ANN LEE | EXAMPLE NEWS"], ["Ann Lee"], [""]),
    (["Oct 24, 2023 at 2:56 pm | Ann Lee |"], ["Ann Lee"], [""]),  # a date and time before the name
    (["Photo: Jo Roe/Example Agency", "Ann Lee, Contributing Opinion Writer"], ["Ann Lee"],
     ["Contributing Opinion Writer"]),  # a role after the name
    (["George T. Lee III", "March 3, 2023"], ["George T. Lee III"], [""]),  # a generation, not an acronym
    (["Ann Lee and Bo Chan Globe Staff and Globe Correspondent, Updated March 3, 2023"], ["Ann Lee", "Bo Chan"],
     ["", "Globe Staff, Globe Correspondent"]),  # two roles of the names before
    (["ORDER BY", "March 3, 2023"], [], []),  # code or a label: no name holds a function word
    (["Front Page Podcast", "Advertisement"], [], []),  # an ad label below is no share button
    (["Tech Industry", "By Bo Chan, March 3, 2023"], ["Bo Chan"], [""]),  # a section label above the byline
    (["Middle East | World"], [], []),  # a strip of labels
    (["Ann Lee, Reuters"], ["Ann Lee"], ["Reuters"]),  # one word after the name's comma: an outlet
    (["Ann Lee, Phys.org"], ["Ann Lee"], ["Phys.org"]),
    (["Ann Lee, The Guardian", "March 3, 2023"], ["Ann Lee"], ["The Guardian"]),  # "The ...": an outlet
    (["By Ann Lee, The Guardian"], ["Ann Lee"], ["The Guardian"]),  # not a second author
    (["Ann Lee", "@annlee"], ["Ann Lee"], [""]),  # a handle or e-mail address below the name
    (["Ann Lee", "ann.lee@example.com"], ["Ann Lee"], [""]),
    (["Ann Lee", "@annlee", "Senior Reporter"], ["Ann Lee"], [""]),
    (["Photo Gallery", "@annlee"], [], []),
    (["Ann Lee Updated 2 hours ago"], ["Ann Lee"], [""]),  # a date label after the name
    (["Ann Lee posted a photo"], [], []),  # a sentence
    (["Ann Lee", "Example News |"], ["Ann Lee"], [""]),  # the strip's next field on its own line
    (["Current Issue", "March 3, 2023"], [], []),  # menu and widget labels are no names
    (["Live Updates", "March 3, 2023"], [], []),
    (["Photo Gallery", "Share"], [], []),
    (["Business Insider |"], [], []),
    (["Real Estate |", "March 3, 2023"], [], []),
    (["Weekend Edition", "March 3, 2023"], [], []),
    (["By", "Social Links for", "Ann Lee", "MORE ON:", "BUDGET"], ["Ann Lee"], [""]),  # a label ends the names
    (["By", "Ann Lee", "Privacy Policy"], ["Ann Lee"], [""]),
    (["Authors", "Columns", "Videos", "Podcasts"], [], []),  # a menu
    (["By submitting your e-mail you agree to the Terms and Privacy Policy."], [], []),  # names nobody first
    (["Getty Images", "March 3, 2023"], [], []),  # a photo agency
    (["Ann Lee", "Getty Images", "March 3, 2023"], ["Ann Lee"], [""]),
    (["By", "Getty Images"], [], []),
    (["Council members at the vote. Photo:", "Jo Roe Smith", "March 3, 2023"], [], []),  # a credit under its label
    (["MORE ON:", "ANN LEE", "March 3, 2023"], [], []),  # any label's value (a topic), no byline
    (["Facebook Twitter Email LinkedIn", "March 3, 2023"], [], []),  # share buttons are no name
    (["Author", "Date published March 3, 2023"], [], []),  # the next field's label is no name
    (["Author:", "March 3, 2023", "Ann Lee latest photo post came in like a wrecking ball."], [], []),  # a sentence
    (["By European Space Agency"], ["European Space Agency"], [""]),  # one outlet word ends an agency's name
    (["By Ann ParkerCNN"], ["Ann Parker"], [""]),  # an outlet in capitals glued to the name
    (["By MrAJCosplay"], ["MrAJCosplay"], [""]),  # capitals inside a handle are not glued on
    (["BY ANN LEELONG READ"], ["Ann Lee"], ["LONG READ"]),  # an article label glued on like a role
    (["March 3, 2023 7:11 AM PST BY Ann Lee"], ["Ann Lee"], [""]),  # a time and zone between date and "by"
    (["Ann Lee", "Her pearl dress was stolen", "March 3, 2023 7:11 AM PST BY EXAMPLE STAFF"], [], []),  # a subject
    (["Ann Lee", "March 3, 2023", "By Staff"], ["Ann Lee"], [""]),  # a name beside its date is the byline
    (["By Ann Lee and Bo Chan. Photographs by Cy Diaz"], ["Ann Lee", "Bo Chan"], ["", ""]),  # a picture credit
    (["By Ann Lee, photographs by Bo Chan"], ["Ann Lee"], [""]),  # ends the writers: no co-author, no role
    (["By Ann Lee with illustrations by Bo Chan"], ["Ann Lee"], [""]),
    (["Text by Ann Lee / Photos by Bo Chan"], ["Ann Lee"], [""]),
    (["By Ann Lee, Art Director"], ["Ann Lee"], ["Art Director"]),  # a job, not a picture credit
    (["ANN LEE, BO CHAN, CY DIAZ, +5 MORE", "UPDATED", "March 3, 2023"], ["Ann Lee", "Bo Chan", "Cy Diaz"],
     ["", "", ""]),  # co-authors not shown
    (["Ann Lee, Senior Correspondent, Bo Chan, Cy Diaz", "March 3, 2023"], ["Ann Lee", "Bo Chan", "Cy Diaz"],
     ["Senior Correspondent", "", ""]),  # a role among three names
    (["Ann Lee, Bo Chan, Cy Diaz, Di Eng", "March 3, 2023"], [], []),  # four names without "By": a list of people
    (["Ann Lee and Bo Chan, Example.org"], ["Ann Lee", "Bo Chan"], ["", "Example.org"]),  # the last name's outlet
    (["JR Raphael, Contributing Editor", "March 3, 2023"], ["JR Raphael"], ["Contributing Editor"]),  # initials
    (["AJ Lee, Example News | March 3, 2023"], ["AJ Lee"], ["Example News"]),
    (["QR Code", "March 3, 2023"], [], []),  # no role or outlet: two capitals may be an acronym
    (["Ann van der Lee Globe Correspondent, Updated March 3, 2023"], ["Ann van der Lee"],
     ["Globe Correspondent"]),  # surname prefixes belong to the name
    (["ANN VAN DER MARIE LEE", "March 3, 2023"], ["Ann van der Marie Lee"], [""]),
    (["Ann Ó Lee Staff Writer", "March 3, 2023"], ["Ann Ó Lee"], ["Staff Writer"]),
    (["Van Lee", "March 3, 2023"], ["Van Lee"], [""]),  # a prefix's word as a first name
    (["Ann Lee", "Staff writer at Example News"], ["Ann Lee"], [""]),  # a newsroom job at an outlet below
    (["Ann Lee", "Director of Public Health"], [], []),  # another job: a quoted person's
])
def test_bylines(byline, authors, roles):
    parsed = parse_page_text(page("Council approves a leaner budget for next year", *byline))
    assert parsed["authors"] == authors
    assert parsed["author_roles"] == roles
    assert parsed["headline"] == "Council approves a leaner budget for next year"


@pytest.mark.parametrize("byline, bio, authors, roles", [
    ("BY ANN LEEDATA JOURNALIST", "Ann Lee covers data and city hall for the paper.", ["Ann Lee"], ["DATA JOURNALIST"]),
    ("BY ANN LEE AND BO CHAN", "Ann Lee covers data and city hall for the paper.", ["Ann Lee", "Bo Chan"], ["", ""]),
    ("BY ANN LEEDATA JOURNALIST", "The paper covers data and city hall.",  # no evidence: no split
     ["Ann Leedata"], ["JOURNALIST"]),
    ("BY ANN LEEDS", "Ann Leeds covers city hall; Ann Lee edits her stories.", ["Ann Leeds"], [""]),  # not glued
    ("ANN LEEDATA AND GRAPHICS JOURNALIST", "Ann Lee covers data and city hall for the paper.", ["Ann Lee"],
     ["DATA AND GRAPHICS JOURNALIST"]),  # a bare byline
    ("ANN LEESTAFF WRITER", "Ann Lee covers data and city hall for the paper.", ["Ann Lee"], ["STAFF WRITER"]),
    ("ANN LEESTAFF WRITER", "The paper covers data and city hall.", [], []),  # a bare byline needs the evidence
])
def test_capitals_byline_with_a_glued_role_is_split_where_the_page_names_the_author(byline, bio, authors, roles):
    parsed = parse_page_text("\n".join(["Council approves a leaner budget", byline, *PARAGRAPHS, bio]))
    assert (parsed["authors"], parsed["author_roles"]) == (authors, roles)


@pytest.mark.parametrize("bio, authors", [
    ("Ann Lee is a reporter covering city hall for the paper.", ["Ann Lee"]),
    ("The paper covers city hall every day of the week.", []),  # a name without its bio names nobody
])
def test_author_box_after_the_article(bio, authors):
    text = "\n".join(["Council approves a leaner budget", "March 3, 2023", *PARAGRAPHS, "About the author", "Ann Lee",
                      bio])
    assert parse_page_text(text)["authors"] == authors
    with_role = "\n".join(["Council approves a leaner budget", "March 3, 2023", *PARAGRAPHS, "About the author",
                           "Ann Lee", "Staff Writer", bio])  # a role line between the name and the bio
    assert parse_page_text(with_role)["authors"] == authors


@pytest.mark.parametrize("bio, authors", [
    ("Ann Lee is a reporter covering city hall for the paper.", ["Ann Lee"]),
    ("The paper covers city hall every day of the week.", []),
])
def test_author_box_below_the_articles_topics(bio, authors):
    topics = [f"Topic number {n}" for n in range(8)]  # what pages list between the article and the author box
    text = "\n".join(["Council approves a leaner budget", "March 3, 2023", *PARAGRAPHS, *topics, "About the author",
                      "Ann Lee", bio])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("strip, authors", [
    (["Ann Lee |", "March 3, 2023"], ["Ann Lee"]),  # a name opening the metadata strip under the headline
    (["Ann Lee", "March 3, 2023"], ["Ann Lee"]),  # a name over its date line
    (["Ann Lee", "Council members", "March 3, 2023"], []),  # a name alone: the "By" line wins
])
def test_a_bare_name_opening_a_metadata_strip_beats_a_teasers_byline_below(strip, authors):
    text = "\n".join(["Council approves a leaner budget", *strip, PARAGRAPHS[0],
                      "Another story about the budget", "By Bo Chan", *PARAGRAPHS[1:]])
    assert parse_page_text(text)["authors"] == (authors or ["Bo Chan"])


@pytest.mark.parametrize("byline, authors", [
    ("Ann Lee • 3 min read", ["Ann Lee"]),  # a name with its read time
    ("Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),  # names
])
def test_a_bare_byline_under_a_caption_is_no_headline(byline, authors):
    headline = "Council approves a leaner budget for next year"
    parsed = parse_page_text(page(headline, "Council members vote on the budget at City Hall.",
                                  "Photo: Jo Roe/City News", byline, "March 3, 2023"))
    assert (parsed["headline"], parsed["authors"]) == (headline, authors)


@pytest.mark.parametrize("header", [
    ["Council approves a leaner budget", "— Ann Lee (@annlee) March 3, 2023"],
    ["— Ann Lee (@annlee) March 3, 2023", "— Ann Lee (@annlee) March 3, 2023", "Council approves a leaner budget"],
])
def test_an_embedded_posts_signature_is_no_byline(header):
    assert parse_page_text("\n".join(["Home", *header, *PARAGRAPHS]))["authors"] == []


@pytest.mark.parametrize("widgets", [0, 5])
def test_a_name_with_role_and_date_is_a_byline_far_under_the_headline_and_no_caption(widgets):
    byline = "Ann Lee, Senior Correspondent - City Paper - Thursday, December 21, 2023"
    teasers = ["Mayor opens a new library", "Schools get new computers", "Bridge repairs begin",
               "Police chief to retire", "Advertisement"][:widgets]
    text = "\n".join(["Home", "Council approves a leaner budget for next year", *teasers,
                      "Council members vote on the budget at City Hall on Tuesday night, July 24, 2023, in town.",
                      "Back", "Print", byline, *PARAGRAPHS])
    assert parse_page_text(text)["authors"] == ["Ann Lee"]
    assert not copied_page._line_info(byline)["credit"]  # it ends on a weekday's date, as captions do


@pytest.mark.parametrize("byline, authors", [
    ("Ann Lee - The City Paper - Thursday, December 21, 2023", ["Ann Lee"]),  # a name with its date on its line
    ("City Council - The City Paper - Thursday, December 21, 2023", []),  # no person
])
def test_a_name_with_its_date_is_a_byline_far_under_the_headline(byline, authors):
    teasers = ["Mayor opens a new library", "Schools get new computers", "Bridge repairs begin", "Advertisement"]
    text = "\n".join(["Home", "Council approves a leaner budget for next year", *teasers, "Print", byline, *PARAGRAPHS])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("name, paragraph, authors", [
    ("JR Raphael, Staff Writer", PARAGRAPHS[0], ["JR Raphael"]),
    ("AI Tools, Example News", "Schools will spend more on AI to grade homework and plan lessons.", []),  # an acronym
])
def test_two_capitals_are_initials_unless_the_article_uses_them_alone(name, paragraph, authors):
    text = "\n".join(["Home", "Council approves a leaner budget for next year", name, "March 3, 2023", paragraph,
                      *PARAGRAPHS[1:]])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("above, under, bio, authors", [
    (["Ann Lee"], [], "Ann Lee is a senior reporter at the City Paper.", ["Ann Lee"]),  # a name above the headline
    (["ANN LEE CITY TODAY"], [], "Contact Ann Lee at alee@example.com.", ["Ann Lee"]),
    ([], ["Ann Lee"], "Ann Lee covers city hall for the paper.", ["Ann Lee"]),  # or under it
    (["Ann Lee"], [], "", []),  # no bio: a topic label, maybe
    (["Ann Lee"], [], "Ann Lee is a singer who wrote about the budget.", []),  # no journalist's bio
    ([], ["Ann Lee"], "The paper covers city hall.", []),
])
def test_a_bare_name_is_a_byline_when_the_page_prints_its_bio(above, under, bio, authors):
    text = "\n".join(["Home", "Politics", *above, "Council approves a leaner budget for next year", *under,
                      *PARAGRAPHS, "Related Articles", "Another story headline here", bio])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("top, repeated, authors", [
    (["Ann Lee", "Mar 27 · 14 min read"], ["Ann Lee"], ["Ann Lee"]),  # a profile's name above the headline
    (["Ann Lee", "Mar 27 · 14 min read"], [], []),  # printed once: maybe a blog's title
    (["City Notes", "Sunday, May 8, 2016"], ["City Notes"], []),  # no person
])
def test_a_name_over_its_date_above_the_headline(top, repeated, authors):
    text = "\n".join(["Sign in", *top, "Share", "Council approves a leaner budget for next year", *PARAGRAPHS,
                      "Related Articles", *repeated, "Another story headline here"])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("signature, authors", [
    ("Ann Lee — 2023-03-03 — in Politics — Permalink", ["Ann Lee"]),  # a blog's signature under the post
    ("Ann Lee | March 3, 2023", ["Ann Lee"]),
    ("City Council — 2023-03-03 — Permalink", []),  # no person
    ("Ann Lee — in Politics — Permalink", []),  # no date
])
def test_name_and_date_closing_the_article(signature, authors):
    text = "\n".join(["Council approves a leaner budget", *PARAGRAPHS, signature])
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("date_lines, expected", [
    (["January 15, 2018 | 3 min read"], "2018-01-15"),
    (["20 Dec 2023"], "2023-12-20"),
    (["Published 3:04 PM EST, Fri December 22, 2023"], "2023-12-22"),
    (["Updated Dec 23, 2023", "Published Dec 21, 2023"], "2023-12-21"),
    (["Updated: Dec. 23, 2023 | Published: Dec. 21, 2023"], "2023-12-21"),
    (["2023-12-20"], "2023-12-20"),
    (["12/22/2023"], "2023-12-22"),
    (["Dec 21st 2023 at 10:00AM"], "2023-12-21"),
    (["5 days ago"], ""),  # relative dates cannot be resolved
    (["February 30, 2023"], ""),  # not a real day
    (["Updated: Dec 23, 2023 / Published: Dec 21, 2023"], "2023-12-21"),
    (["22.12.2023"], "2023-12-22"),
    (["2023年12月22日"], "2023-12-22"),
    (["Publié le 3 mars 2023"], "2023-03-03"),  # day-first month names of other languages
    (["Veröffentlicht am 3. März 2023"], "2023-03-03"),
    (["3 de marzo de 2023"], "2023-03-03"),
    (["24 dicembre 2023"], "2023-12-24"),
    (["3 marsupials 2023"], ""),  # a month name is a whole word
    (["Ann Lee • 12/11/23 4:23pm"], "2023-12-11"),
    (["Smoke over the harbour on December 14, 2023 [Jo Roe/Example Agency]", "Published On 9 Oct 2023"],
     "2023-10-09"),  # a caption's date is not the publication date
    (["04.03.2023"], "2023-03-04"),  # dotted numeric dates are day first
    (["03/04/2023"], "2023-03-04"),  # slashed ones month first
    (["12.22.2023"], "2023-12-22"),  # unless the day cannot be a month
    (["05.03.23"], "2023-05-03"),  # a dotted short date on an English page is month first (US sites)
    (["12-22-23"], "2023-12-22"),
    (["Mar. 5, 2023 at 10:02 a.m. ET"], "2023-03-05"),
    (["21.dez.2018 às 12h55"], "2018-12-21"),  # a dotted date with an abbreviated month name
    (["3.okt.2023"], "2023-10-03"),
    (["3.Mar.2023"], "2023-03-03"),
    (["3.jui.2023"], ""),  # juin or juillet: ambiguous
    (["3.abc.2023"], ""),  # no month
    (["11.03.17 in Gadgetry"], "2017-11-03"),  # month first on an English page (US sites)
])
def test_dates(date_lines, expected):
    parsed = parse_page_text(page("Council approves a leaner budget for next year", "By Ann Lee", *date_lines))
    assert parsed["published"] == expected


@pytest.mark.parametrize("header, footer, authors", [
    (["Ann Lee |"], ["By Bo Chan"], ["Ann Lee"]),  # a bare byline under the headline beats a far "By" line
    (["By Ann Lee"], ["Bo Chan |"], ["Ann Lee"]),
    ([], ["By Bo Chan"], ["Bo Chan"]),  # without a byline under the headline, the one after the body
])
def test_byline_near_the_headline_beats_one_far_from_it(header, footer, authors):
    text = page("Council approves a leaner budget for next year", *header,
                footer=("Related Articles", *footer, "Another story headline here"))
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("footer, authors", [
    (["Mayor opens a new library", "By Bo Chan", "Schools get new computers", "By Cy Diaz"], []),  # teasers' bylines
    (["Mayor opens a new library", "March 2, 2023", "By Bo Chan", "Schools get new computers", "By Bo Chan"], []),
    (["By Bo Chan", "Mayor opens a new library", "March 2, 2023"], ["Bo Chan"]),  # the article's, alone
])
def test_a_byline_among_teasers_after_the_article_is_theirs(footer, authors):
    text = page("Council approves a leaner budget for next year", "March 3, 2023",
                footer=("More stories", *footer, "Another story headline here"))
    assert parse_page_text(text)["authors"] == authors


@pytest.mark.parametrize("header, opening, authors, roles", [
    (["Hong Kong", "March 3, 2023"], "Protesters gathered in Hong Kong on Tuesday against the budget.", [], []),
    (["HONG KONG", "March 3, 2023"], "HONG KONG (Reuters) — Protesters gathered on Tuesday against the budget.",
     [], []),  # its dateline
    (["Ann Lee", "March 3, 2023"], "Ann Lee-Smith, the mayor, backed the budget on Tuesday after a long debate.",
     ["Ann Lee"], [""]),  # another name opening the article, no dateline
    (["Al Jazeera | March 3, 2023"], "The mayor told Al Jazeera on Tuesday that the budget was fair to all.", [], []),
    (["Ann Lee, Hong Kong", "March 3, 2023"], "Protesters gathered in Hong Kong on Tuesday against the budget.",
     ["Ann Lee"], ["Hong Kong"]),  # where the author filed from
    (["By Ann Lee, Hong Kong"], "Protesters gathered in Hong Kong on Tuesday against the budget.",
     ["Ann Lee"], ["Hong Kong"]),
    (["By Reuters"], "The mayor told Reuters on Tuesday that the budget was fair to all.", ["Reuters"], [""]),
    (["Ann Lee", "March 3, 2023"], "Ann Lee answers a reader's question about the budget every month.",
     ["Ann Lee"], [""]),  # the body names the author, not as a place
    (["Ann Lee", "March 3, 2023"], "Protesters gathered in Ann Leeds Park on Tuesday against the budget.",
     ["Ann Lee"], [""]),  # another name
])
def test_a_name_the_article_uses_as_a_place_or_outlet_is_no_author(header, opening, authors, roles):
    text = "\n".join(["Home", "Council approves a leaner budget for next year", *header, opening, *PARAGRAPHS[1:],
                      "Related Articles"])
    parsed = parse_page_text(text)
    assert (parsed["authors"], parsed["author_roles"]) == (authors, roles)


@pytest.mark.parametrize("under, headline", [
    (["File: Council members vote on the budget at City Hall on Tuesday night.", "Jo Roe/City News"],
     "Council approves a leaner budget for next year"),  # a credited caption under the headline
    (["Council members vote on the new budget at City Hall", "Photo: Jo Roe/City News"],
     "Council approves a leaner budget for next year"),  # a caption above its short credit is no headline
])
def test_headline_without_byline_or_date_above_a_photo_caption(under, headline):
    text = "\n".join(["Home", "Politics", "Mayor opens a new library in the north of the city", "Trending",
                      "Council approves a leaner budget for next year", *under, *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == headline


@pytest.mark.parametrize("date_lines, expected", [(["March 2, 2023"], "2023-03-02"), ([], "2023-03-03")])
def test_a_date_line_beats_the_date_in_the_headline(date_lines, expected):
    text = "\n".join(["Home", "The Weekly Council Roundup 2023.03.03", "By Ann Lee", *date_lines, *PARAGRAPHS])
    assert parse_page_text(text)["published"] == expected


@pytest.mark.parametrize("date_line, expected", [("05.03.23", "2023-03-05"), ("12/11/23", "2023-12-11")])
def test_dotted_short_dates_are_day_first_on_pages_not_in_english(date_line, expected):
    paragraphs = ["Der Stadtrat hat am Dienstag den neuen Haushalt für das kommende Jahr beschlossen.",
                  "Die Verwaltung sagte, der Plan kürzt die Ausgaben für Straßen und gibt mehr Geld für Schulen.",
                  "Die Gegner sagten, dass die Kürzungen vor allem die Viertel treffen, die schon jetzt wenig haben."]
    header = ["Stadtrat beschließt einen schlankeren Haushalt", "Von Anna Lehmann", date_line]
    parsed = parse_page_text("\n".join([*header, *paragraphs]))
    assert parsed["language"] == "de"
    assert parsed["published"] == expected


@pytest.mark.parametrize("line, credit", [
    ("Council members listen to residents at City Hall on Tuesday - Jo Roe/Example Agency", True),  # after a dash
    ("Jo Roe/Example Agency", True),
    ("Council members listen to residents at City Hall on Tuesday and/or Wednesday", False),
    ("Council members listen to residents - and/or Example Agency", False),
])
def test_a_caption_ending_in_a_credit_is_a_credit(line, credit):
    assert copied_page._line_info(line)["credit"] is credit


@pytest.mark.parametrize("line, is_meta", [
    ("Example News 30 April 2015 07:19 (Updated: 30 April 2015 07:38 to add a photo of the scene)", True),
    ("Example News 30 April 2015 07:19 Updated: 30 April 2015 07:38 to add a photo of the scene", False),  # long
])
def test_a_parenthesised_update_does_not_make_a_date_line_long(line, is_meta):
    assert copied_page._is_meta_line(line) is is_meta


def test_read_time_only_when_stated():
    with_time = parse_page_text(page("Council approves a leaner budget", "By Ann Lee", "4 min read"))
    without = parse_page_text(page("Council approves a leaner budget", "By Ann Lee"))
    assert with_time["read_time_min"] == 4
    assert without["read_time_min"] is None


@pytest.mark.parametrize("furniture", [
    "Advertisement", "View all", "Sign in", "We use cookies to improve your experience.",
    "Photo: Jane Roe/Getty Images", "READ MORE: Council leader resigns after vote", "1 / 7", "32 IMAGES",
    "$26 AT EXAMPLE STORE", "[Source: Example Research]", "(Getty Images)",
    "We may earn a commission from links on this page, but we only recommend products we love.",
    "Contact Ann Lee at alee@example.com. Follow her on X at @annlee.",
    "Jo Roe contributed to this report.", "Have a tip? Send it to us!",
    "Smoke rises over the harbour after the fire. Photograph by Jo Roe.",
    "Ann Lee · City News · Posted: March 3, 2023 8:25 AM EST | Last Updated: March 4, 2023 9:00 AM EST",
    "Council members listen to residents at City Hall in Springfield, Tuesday, March 3, 2023.",  # a caption
    "Get the full budget breakdown for every neighbourhood here.", "Check out the full list of projects here",
    "Social Sharing", "ShareFacebookTwitterEmail", "EXCLUSIVEREAD MORE: Mayor says the budget is the hardest of her career",
    "A previous version of this story misstated the size of the budget.",
    "This story does not necessarily represent the position of our parent company.",
    "Big night at city hall! pic.twitter.com/AbCdEf123",
    "Follow the City News page on Facebook to make sure you never miss a story.",
])
def test_furniture_inside_the_article_is_removed(furniture):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], furniture,
                      *PARAGRAPHS[2:]])
    parsed = parse_page_text(text)
    assert parsed["body"].split("\n\n") == PARAGRAPHS
    assert furniture in parsed["removed"]


@pytest.mark.parametrize("middle, kept", [
    (["Here are the main changes:", "1. Road repairs", "2. New teachers", "3. Longer library hours"], True),
    (["Ingredients", "2 cups flour", "1 teaspoon salt", "3 large eggs"], True),
    (["Best Actor - Ann Lee", "Best Film - The Harbour Years (Presented by Example Studio)",
      "Best Score - Bo Chan"], True),  # "label - value" entries
    (["Share", "Facebook", "Twitter"], False),  # share buttons do not end the article
    (["READ MORE:", "Mayor opens a new library in the north"], False),  # a teaser is no subhead
    (["Related", "Schools get new computers"], False),
])
def test_lists_stay_and_buttons_go_inside_the_article(middle, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], *middle, *PARAGRAPHS[2:],
                      *LONG_PARAGRAPHS[:2]])
    body = [*PARAGRAPHS[:2], *(middle if kept else []), *PARAGRAPHS[2:], *LONG_PARAGRAPHS[:2]]
    assert parse_page_text(text)["body"].split("\n\n") == body


@pytest.mark.parametrize("middle, kept", [
    (["Related articles", "Budget row: Council delays the vote on the new plan again"], []),  # "label: title" links
    (["Don't miss", "Budget row: Council delays the vote again [VIDEO]",
      "Schools: New computers arrive in every classroom [PICTURES]"], []),
    (["More from City News", "Parks: Ten new playgrounds open this summer",
      "Bridge repairs: Work starts next week on the old crossing"], []),
    (["Related", "Schools get new computers", "Keeping the schools open"], ["Keeping the schools open"]),  # a subhead
    (["More from City News", "Parks: Ten new playgrounds open this summer", "What happens next"],
     ["What happens next"]),
    (["Key figures:", "Roads: 12 million", "Schools: 30 million", "Libraries: 4 million"],
     ["Key figures:", "Roads: 12 million", "Schools: 30 million", "Libraries: 4 million"]),  # no label above
])
def test_links_under_a_teaser_label_inside_the_article_go(middle, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], *middle, *PARAGRAPHS[2:],
                      *LONG_PARAGRAPHS[:2]])
    body = [*PARAGRAPHS[:2], *kept, *PARAGRAPHS[2:], *LONG_PARAGRAPHS[:2]]
    assert parse_page_text(text)["body"].split("\n\n") == body


@pytest.mark.parametrize("tail, extended", [
    (["The full list of winners is below:", "Best Actor - Ann Lee", "Best Film - The Harbour", "Best Score - Bo Chan",
      "Best Song - Cy Diaz"], True),
    (["The full list of winners is below:", "Best Actor - Ann Lee", "Best Film - The Harbour"], False),  # too short
    (["Most read:", "Mayor opens a new library", "Schools get new computers", "Bridge repairs begin"], False),
    (["Tech Specs", "Engine: 2.0-liter turbo four", "Power: 250 hp", "Price: from $35,000"], True),  # a heading
    (["Want the latest news?", "Markets: Free Report", "Stocks: Free Report", "Bonds: Free Report"], False),
    (["Tech Specs", "Engine: 2.0-liter turbo four", "Horsepower: 250hp@6000rpm", "Torque: 258lb-ft",
      "Price: from $35,000"], True),  # two-word entries that name a field and its value
    (["Tech Specs", "Engine turbo", "Horsepower high", "Torque plenty", "Price: from $35,000"], False),  # no fields
])
def test_body_extends_over_a_list_its_last_line_announces(tail, extended):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, *tail, "Privacy Policy"])
    assert parse_page_text(text)["body"].split("\n\n") == PARAGRAPHS + (tail if extended else [])


@pytest.mark.parametrize("lead_in, resumed", [
    ("These are the districts with the largest cuts:", True),  # a table announced, not the end
    ("These are the districts with the largest cuts.", False),
])
def test_article_resumes_after_the_table_its_last_line_announces(lead_in, resumed):
    table = ["District Cut Share", *[f"Ward {n} {n * 3} {n}%" for n in range(1, 15)]]
    after = LONG_PARAGRAPHS[:2]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, lead_in, *table, *after,
                      "Related Articles", "Another story headline here"])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == PARAGRAPHS + [lead_in] + (after if resumed else [])


@pytest.mark.parametrize("subhead", ["Homeowners brace for a tax rise", "Adding up the cost", "Closer to home",
                                     "Popularity of the plan"])
def test_subheads_that_open_with_a_button_word_stay(subhead):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], subhead, *PARAGRAPHS[2:]])
    assert parse_page_text(text)["body"].split("\n\n") == [*PARAGRAPHS[:2], subhead, *PARAGRAPHS[2:]]


@pytest.mark.parametrize("prose", [
    "The new rules take effect on March 3, 2024, after a final vote by the council.",  # a date, no weekday
    "The council met on Tuesday, and the vote is set for March 3, 2024.",
    "Residents who want to speak at the meeting can get a form at the library or here.",  # no call to action
    "Readers shared their views on the budget in hundreds of letters to the council.",
])
def test_prose_like_furniture_stays(prose):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], prose, *PARAGRAPHS[2:]])
    assert parse_page_text(text)["body"].split("\n\n") == [*PARAGRAPHS[:2], prose, *PARAGRAPHS[2:]]


@pytest.mark.parametrize("short_line, kept", [
    ("The vote has a name.", True),  # a one-line paragraph before a subhead
    ("Warner Bros.", False),  # no lower-case word: a name or label
    ("Photo: Jo Roe.", False),  # a credit
])
def test_short_sentence_between_kept_lines_stays(short_line, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], short_line,
                      "What happens next", *PARAGRAPHS[2:]])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == [*PARAGRAPHS[:2], *([short_line] if kept else []), "What happens next", *PARAGRAPHS[2:]]


@pytest.mark.parametrize("marker", ["Read more", "12 comments", "Share this article", "Related Articles",
                                    "About the author", "Most Popular", "Sur le même sujet", "Artigos relacionados",
                                    "Mehr zum Thema Haushalt", "Über Ann Lee", "Sobre Ana Lima"])
def test_closing_heading_ends_the_article(marker):
    teaser = "Residents will get a chance to comment on the next budget at a public meeting in May."
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, marker, teaser])
    parsed = parse_page_text(text)
    assert parsed["body"].split("\n\n") == PARAGRAPHS
    assert parsed["removed"][-2:] == [marker, teaser]


@pytest.mark.parametrize("heading, closes", [
    ("Über Ann Lee", True),  # a bio's heading
    ("Sobre o autor", True),
    ("About the author", True),
    ("6 thoughts on “Council approves a leaner budget”", True),  # a blog's comments heading
    ("Sobre el presupuesto", False),  # a subhead
    ("Thoughts on the budget", False),
])
def test_bio_and_comments_headings_end_the_article_before_a_long_text(heading, closes):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, heading, *LONG_PARAGRAPHS[:2]])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == (PARAGRAPHS if closes else [*PARAGRAPHS, heading, *LONG_PARAGRAPHS[:2]])


@pytest.mark.parametrize("byline, line_below, closes", [
    ("By Ann Lee", "Ann Lee covers city hall and the budget for the paper", True),  # the author's bio
    ("By Ann Lee", "Ann is a freelance writer based in Leeds whose work has appeared in many papers.", True),
    ("By Ann Lee", "He was a reporter at the paper before he ran for the council seat.", False),  # no name
    ("By Ann Lee", "Metro Times staff picks for the weekend ahead", False),
    ("By Metro Times", "Metro Times staff picks for the weekend ahead", False),  # an outlet taken for the author
    ("By Metro Times", "Metro Times readers weigh in on the budget", False),
])
def test_body_ends_at_the_authors_bio_not_at_an_outlets_teaser(byline, line_below, closes):
    text = "\n".join(["Council approves a leaner budget", byline, *PARAGRAPHS[:4], line_below, *LONG_PARAGRAPHS[:2]])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:4] == PARAGRAPHS[:4]
    assert (body[-2:] == LONG_PARAGRAPHS[:2]) is not closes


MORE_PARAGRAPHS = [
    "Mix the dough until it comes away from the sides of the bowl and feels smooth to the touch.",
    "Leave it to rest in a warm place for an hour, covered with a damp cloth, until it has doubled.",
    "Bake the loaf for forty minutes, then let it cool on a rack before you cut the first slice.",
]


@pytest.mark.parametrize("entries, kept", [
    (["2 cups flour, sifted", "1 teaspoon salt", "1 packet dried yeast", "300 ml warm water", "2 tablespoons olive oil",
      "1 teaspoon sugar", "3 sprigs rosemary", "1 egg, beaten", "2 cups bread flour", "1 pinch sea salt",
      "4 cloves garlic", "1 tablespoon honey"], True),  # a recipe's list does not break the article
    (["Flour: 500 g", "Salt: 1 tsp", "Yeast: 1 packet", "Water: 300 ml", "Oil: 2 tbsp", "Sugar: 1 tsp",
      "Rosemary: 3 sprigs", "Egg: 1", "Honey: 1 tbsp", "Garlic: 4 cloves", "Butter: 20 g", "Milk: 50 ml"], True),
    (["Mayor opens a new library", "Schools get new computers", "Bridge repairs begin next week",
      "Police chief to retire", "Parks reopen after the storm", "Bus fares rise again", "New mural on Main Street",
      "Market hall gets a roof", "Library hours extended", "Pool closes for repairs", "Tram line delayed again",
      "Zoo welcomes twin cubs"], False),  # a block of teaser titles still breaks it
])
def test_a_long_list_inside_the_article_does_not_break_it(entries, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, "Ingredients", *entries,
                      *MORE_PARAGRAPHS])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:len(PARAGRAPHS)] == PARAGRAPHS
    assert (body[-3:] == MORE_PARAGRAPHS) is kept
    assert (entries[0] in body) is kept


@pytest.mark.parametrize("credits, closes", [
    (1, True),  # the author's name once under the article: the bio's start
    (3, False),  # the name under each photo: a credit, not a bio
])
def test_a_name_repeated_under_photos_does_not_end_the_article(credits, closes):
    lines = ["Council approves a leaner budget", "By Jo Roe", *PARAGRAPHS[:3]]
    for paragraph in [*PARAGRAPHS[3:], *MORE_PARAGRAPHS][:credits]:
        lines += ["Jo Roe", paragraph]
    body = parse_page_text("\n".join(lines))["body"].split("\n\n")
    assert body[:3] == PARAGRAPHS[:3]
    assert (len(body) == 3) is closes


def test_subheads_stay_and_trailing_teasers_go():
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], "What happens next",
                      *PARAGRAPHS[2:], "Related Articles", "Mayor opens new library in the north",
                      "Schools get new computers", "Privacy Policy"])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == [*PARAGRAPHS[:2], "What happens next", *PARAGRAPHS[2:]]


@pytest.mark.parametrize("under_headline, standfirst", [
    ("The plan cuts road spending to pay for more teachers", True),
    ("Council Approves Plan To Pay For More Teachers", False),  # a title-case teaser
    ("Photo: Ann Lee / City News", False),  # a credit
    ("May 3, 2023", False),  # a date
])
def test_standfirst_opens_the_body(under_headline, standfirst):
    text = "\n".join(["Home", "Council approves a leaner budget", under_headline, "By Ann Lee", *PARAGRAPHS])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == ([under_headline] if standfirst else []) + PARAGRAPHS


@pytest.mark.parametrize("date_line, anchored", [("Published On 3 Mar 2023", True), ("Home", False)])
def test_article_starts_under_its_published_line_when_there_is_no_byline(date_line, anchored):
    text = "\n".join(["Home", "Council approves a leaner budget", date_line, *PARAGRAPHS[:2], *INLINE_TEASERS,
                      *LONG_PARAGRAPHS])
    body = parse_page_text(text)["body"].split("\n\n")
    assert (body[:2] == PARAGRAPHS[:2]) is anchored


def test_cut_off_teasers_are_not_an_article():
    teasers = [f"Story number {n} about a mayor who said the new plan would change the city's..." for n in range(12)]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, "Most read", *teasers])
    assert parse_page_text(text)["body"].split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("blurb_words, cut", [(25, True), (60, False)])
def test_teaser_pairs_after_a_closing_heading_end_the_article(blurb_words, cut):
    blurbs = [f"Blurb {n} " + "word " * (blurb_words - 3) + "end." for n in range(6)]
    tail = [line for n, blurb in enumerate(blurbs) for line in (f"Video title number {n}", blurb)]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, "Latest Videos", *tail])
    assert parse_page_text(text)["body"].split("\n\n") == PARAGRAPHS + ([] if cut else tail)


@pytest.mark.parametrize("post", [
    ["Packed chamber for the budget vote tonight. pic.twitter.com/AbCdEf123"],
    ["Packed chamber for the budget vote tonight, and the mayor is all smiles about it."],
    ["BREAKING: @CityCouncil passes the budget by seven votes to two after a long and heated debate tonight.",
     "More to come from the chamber, where the mayor is now speaking to reporters."],  # a post of two lines
])
def test_embedded_post_is_removed_and_does_not_end_the_article(post):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:3], *post,
                      "— Ann Lee (@annlee) May 3, 2023", *PARAGRAPHS[3:], *LONG_PARAGRAPHS])
    parsed = parse_page_text(text)
    assert parsed["body"].split("\n\n") == PARAGRAPHS + LONG_PARAGRAPHS
    assert all(line in parsed["removed"] for line in post)


@pytest.mark.parametrize("item", ["2 cups flour, sifted", "Engine type: Gen V V-8", "- Fresh basil leaves"])
def test_list_items_inside_the_article_stay(item):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:2], item, *PARAGRAPHS[2:]])
    assert parse_page_text(text)["body"].split("\n\n") == [*PARAGRAPHS[:2], item, *PARAGRAPHS[2:]]


def test_repeated_credit_is_not_a_subhead():
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", PARAGRAPHS[0], "Jane Roe",
                      PARAGRAPHS[1], PARAGRAPHS[2], "Jane Roe", *PARAGRAPHS[3:]])
    parsed = parse_page_text(text)
    assert parsed["body"].split("\n\n") == PARAGRAPHS
    assert parsed["removed"].count("Jane Roe") == 2


@pytest.mark.parametrize("entries, kept", [
    (["Q: Favourite book?", "A: The Harbour Years", "Q: Favourite place in the city?", "A: The old market hall",
      "Q: First job?", "A: Paper round", "Q: Best advice?", "A: Read the small print"], True),  # an interview
    (["Q&A: Mayor opens a new library", "Quiz: Schools get new computers", "Bridge repairs begin next week",
      "Police chief to retire", "Parks reopen after the storm", "Bus fares rise again", "Zoo welcomes twin cubs",
      "Tram line delayed again"], False),  # teaser titles
])
def test_question_and_answer_pairs_inside_the_article_stay(entries, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, *entries, *MORE_PARAGRAPHS])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:len(PARAGRAPHS)] == PARAGRAPHS
    assert (body[len(PARAGRAPHS):] == [*entries, *MORE_PARAGRAPHS]) is kept


ARTICLE = ("The city council voted on Tuesday to approve a new budget that cuts spending on roads, adds money for "
           "schools and libraries, and asks the state auditor to review every contract above one million dollars "
           "before the plan takes effect in July, after a year of hearings in which hundreds of residents spoke.")


@pytest.mark.parametrize("tags, prose", [
    (" ".join(["budget council mayor schools roads libraries auditor taxes harbour parks police"] * 4), False),
    # a long line cut before its full stop is still prose when it has a sentence's punctuation
    ("Residents packed the hall, many of them parents, and the mayor answered questions about the budget, the "
     "schools, the roads and the libraries for more than three hours until the last speaker", True),
    # a long list entry without punctuation is an entry of the article's list, not a tag cloud
    ("- Outstanding achievement or performance in an affiliate theatre - Ann Lee for A Night In A Car With A "
     "Stranger at the Playhouse Studio Upstairs at the Royal Court", True),
])
def test_a_tag_cloud_is_not_prose(tags, prose):
    text = "\n".join(["Home", "Tags", tags, "Archives", "2023", "March (12)", "February (9)",
                      "Council approves a leaner budget", "Posted by Ann Lee", ARTICLE, "Back"])
    assert copied_page._line_info(tags)["prose"] is prose
    if not prose:
        assert parse_page_text(text)["body"] == ARTICLE


CONSENT = ["This website uses cookies to improve your experience while you navigate through the website, and the "
           "cookies that are categorized as necessary are stored on your browser as they are essential for the "
           "working of basic functionalities of the website.",
           "Any cookies that may not be particularly necessary for the website to function and are used to collect "
           "personal data via analytics, ads and other embedded contents are termed non-necessary cookies."]


def test_prose_the_page_repeats_does_not_draw_the_body_away():
    """A consent banner shown twice outweighs a short article broken by ad labels when its copies
    count as prose; the page's copies of a paragraph are never body, so they do not."""
    article = PARAGRAPHS[:2] + MORE_PARAGRAPHS[:2]
    text = "\n".join(["Home", "Council approves a leaner budget", "By Ann Lee", article[0], "Advert", article[1],
                      "Advert", article[2], "Advert", article[3], "Advert", "Privacy Policy",
                      *[CONSENT[0], "Privacy Overview"] * 2, "Necessary", CONSENT[1]])
    assert parse_page_text(text)["body"].split("\n\n") == article


@pytest.mark.parametrize("copies", [2, 3])
def test_a_page_that_repeats_all_its_prose_keeps_it(copies):
    text = "\n".join(["Council approves a leaner budget", *PARAGRAPHS * copies])
    assert set(PARAGRAPHS) <= set(parse_page_text(text)["body"].split("\n\n"))


@pytest.mark.parametrize("subhead, under, kept", [
    ("What happens next", ["Photo: Jo Roe/AP"], True),  # a subhead over a photo
    ("What happens next", ["Jo Roe/Getty Images", "Advertisement"], True),
    ("The mayor at the vote on Tuesday.", ["Photo: Jo Roe/AP"], False),  # a caption
    ("View this post on Instagram", ["A post shared by Ann Lee (@annlee)"], False),  # an embed
])
def test_a_subhead_over_a_photo_credit_stays(subhead, under, kept):
    after = [*PARAGRAPHS[3:], *LONG_PARAGRAPHS[:2]]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:3], subhead, *under, *after])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == [*PARAGRAPHS[:3], *([subhead] if kept else []), *after]


@pytest.mark.parametrize("line, under, kept", [
    ("The mayor speaks at the vote on Tuesday evening.", "Photo: Jo Roe/AP", False),  # a caption over its credit
    ("Protesters gathered outside City Hall before the council's vote.", "Jo Roe/Getty Images", False),
    ("Crowds gather outside the building on Tuesday morning.", "(Photo: Jo Roe / Reuters)", False),
    ("The mayor speaks at the vote on Tuesday evening.", "Advertisement", True),  # no credit: a short paragraph
    ("The mayor speaks at the vote on Tuesday evening.", "(I know, radical, right?)", True),  # an aside, no credit
    ("The mayor said the council would meet again next week to settle what is left of the budget, and that "
     "residents could still send comments.", "Photo: Jo Roe/AP", True),  # a paragraph: longer than a caption
    ("What happens next", "Photo: Jo Roe/AP", True),  # a subhead over a photo, no sentence
])
def test_short_sentences_over_photo_credits_are_captions(line, under, kept):
    second = "Residents queue to speak at the hearing on the budget."  # the page's other photo
    after = [*PARAGRAPHS[4:], *LONG_PARAGRAPHS[:2]]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:3], line, under,
                      PARAGRAPHS[3], second, "Bo Chan/Reuters", *after])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == [*PARAGRAPHS[:3], *([line] if kept else []), PARAGRAPHS[3], *([second] if kept else []), *after]


def test_one_short_paragraph_over_a_lone_photo_credit_stays():
    line = "The mayor speaks at the vote on Tuesday evening."  # a photo with a credit only may follow a paragraph
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:3], line, "Photo: Jo Roe/AP",
                      *PARAGRAPHS[3:], *LONG_PARAGRAPHS[:2]])
    assert line in parse_page_text(text)["body"].split("\n\n")


@pytest.mark.parametrize("heading, closes", [
    ("[ 167 comments ]", True),
    ("Top Rated Comments", True),
    ("Show all 12 comments", True),
    ("Public comments on the plan", False),  # a subhead
])
def test_comments_headings_that_end_with_the_word_end_the_article(heading, closes):
    comments = ["jo_roe", "2 days ago at 07:52 am", *LONG_PARAGRAPHS[:3], "Rating: 36 Votes"]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, heading, *comments])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:len(PARAGRAPHS)] == PARAGRAPHS
    assert (len(body) == len(PARAGRAPHS)) is closes


@pytest.mark.parametrize("label_copies, resumed", [
    (3, True),  # a label over each box of links inside the article
    (1, False),  # a closing heading
])
def test_a_closing_heading_the_page_repeats_is_a_widget_label(label_copies, resumed):
    box = ["Related articles", "Mayor opens a new library in the north", "Schools get new computers"]
    after = MORE_PARAGRAPHS[:2]
    lines = ["Home", "Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS, *box, *after]
    lines += ["Privacy Policy", *box] * (label_copies - 1)  # other copies of the box, below the article
    body = parse_page_text("\n".join(lines))["body"].split("\n\n")
    assert body == PARAGRAPHS + (after if resumed else [])


@pytest.mark.parametrize("lines, closes", [
    (["Comments", "Jo Roe on March 3, 2023 at 4:47 pm said:", LONG_PARAGRAPHS[2], "Bo Chan on March 4, 2023 said:",
      LONG_PARAGRAPHS[3]], True),  # comments under a short article
    (["Comments", "Jo Roe", "2 days ago at 07:52 am", LONG_PARAGRAPHS[2], LONG_PARAGRAPHS[3]], True),
    (["Comments", "Jo Roe said:", LONG_PARAGRAPHS[2], LONG_PARAGRAPHS[3]], False),  # no time stamp: a short article
])
def test_comments_with_time_stamps_end_a_short_article(lines, closes):
    article = LONG_PARAGRAPHS[:2]
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *article, *lines])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:2] == article
    assert (len(body) == 2) is closes


UNMARKED_ENTRIES = ["Bus fares rise by ten cents", "Libraries open on Sundays", "Road repairs wait until autumn"]


@pytest.mark.parametrize("lead_in, entries, kept", [
    ("Here is what changes for residents:", UNMARKED_ENTRIES, True),  # a list whose bullets were not copied
    ("The changes:", UNMARKED_ENTRIES, True),
    ("What changes for residents", UNMARKED_ENTRIES, False),  # nothing announces a list
    ("Here is what changes for residents:", [UNMARKED_ENTRIES[0], "$26 at Example Shop", UNMARKED_ENTRIES[1]],
     False),  # a shop's button among them
    ("Read our coverage of the vote:", ["Mayor opens a new library in the...", "Schools get new computers in the..."],
     False),  # cut-off teasers
])
def test_entries_a_lead_in_announces_stay(lead_in, entries, kept):
    text = "\n".join(["Council approves a leaner budget", "By Ann Lee", *PARAGRAPHS[:3], lead_in, *entries,
                      *PARAGRAPHS[3:], *LONG_PARAGRAPHS[:2]])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body[:3] == PARAGRAPHS[:3]
    assert body[-2:] == LONG_PARAGRAPHS[:2]
    assert (entries[0] in body) is kept
    assert (lead_in in body) is kept



@pytest.mark.parametrize("before", [
    ["Trending: Mayor opens a new library in the north of the city"],  # a teaser above the headline
    ["Politics", "Oops!", "Something went wrong.", "Oops!", "Something went wrong."] * 20,  # repeated widgets
])
def test_headline_is_found_past_teasers_and_repeated_widgets(before):
    headline = "Council approves a leaner budget for next year"
    text = "\n".join(["Home", *before[:1], headline, "By Ann Lee", *before[1:], *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == headline


@pytest.mark.parametrize("above, under", [
    (["Trending", "Mayor opens new library in the north of the city", "Schools get new computers this spring"],
     ["By Ann Lee", "March 3, 2023"]),  # teasers above the headline
    (["Sponsored", "Five tips to save money on your heating bill this winter"], ["By Ann Lee"]),
    (["Politics"], ["The plan cuts road spending to pay for more teachers, officials said.", "By Ann Lee"]),  # a dek
])
def test_headline_is_the_title_above_the_byline_not_a_teaser_or_dek(above, under):
    headline = "Council approves a leaner budget for next year"
    parsed = parse_page_text("\n".join(["Home", "Sign in", *above, headline, *under, *PARAGRAPHS]))
    assert parsed["headline"] == headline
    assert headline not in parsed["body"]


HEADLINE = "Council approves a leaner budget for next year"
WIDGET = "Hide the comments on this budget"


def comment_page(widget_copies: int) -> list[str]:
    """Headline, a counter, a name and buttons above the article; the comments below repeat a
    button of the header once per comment."""
    header = ["Home", "Video", HEADLINE, "3,204", "Ann Lee", "Filed to: money", "Edit", WIDGET, "Share"]
    return [*header, *PARAGRAPHS, *[WIDGET, "Nice piece, thanks."] * (widget_copies - 1)]


@pytest.mark.parametrize("lines", [
    comment_page(4),
    comment_page(7),
    ["Home", "News", HEADLINE, "By Ann Lee", *PARAGRAPHS, "Latest", HEADLINE, "Most read", HEADLINE],  # three copies
])
def test_a_line_the_page_repeats_four_times_is_a_widget_not_the_headline(lines):
    assert parse_page_text("\n".join(lines))["headline"] == HEADLINE


@pytest.mark.parametrize("above", [
    ["Link to our page on Twitter", "Link to our page on Facebook"],  # a menu of similar entries
    ["Home", "Video", "You can skip this ad in 5 seconds."],  # a sentence, not a title the headline is the dek of
])
def test_headline_under_a_menu_entry_or_a_sentence(above):
    under = ["The plan cuts road spending to pay for more teachers in the city", "Copy link",
             "The mayor speaks at city hall on Tuesday - Jo Roe/Getty Images", "March 3, 2023"]
    if above[-1].endswith("."):
        under = ["Ann Lee", "Filed to: budget"]
    text = "\n".join(["Home", *above, HEADLINE, *under, *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == HEADLINE


@pytest.mark.parametrize("player, headline", [
    ("VIDEO LOADING", HEADLINE),  # a player's state: the line under it titles the video
    ("Now playing", HEADLINE),
    ("Video", "Mayor shares a video of the council vote"),  # a section label: the title under it may head the page
])
def test_a_video_title_under_a_player_is_not_the_headline(player, headline):
    text = "\n".join(["Home", HEADLINE, "The plan cuts road spending to pay for more teachers in the city.",
                      player, "Mayor shares a video of the council vote", "By Ann Lee", *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == headline


@pytest.mark.parametrize("above, label", [
    (["Link to our page on Twitter", "Link to our page on Facebook"], 2.0),  # a menu entry: a label
    (["Schools get new computers this spring", "Mayor opens a new library in the north of the city"], -2.0),
    (["Top stories", "Top stories today"], 2.0),  # a short label
    (["Menu", "You can skip this ad in 5 seconds."], 0.0),  # a sentence
    (["Menu", "Fair or Foul? You Judge This Case of Very Close Parking."], -2.0),  # a title ending in "."
    (["Mayor opens a new library in the north of the city", "12 comments"], -2.0),  # a button under a headline
    (["Menu", "Comments"], 2.0),  # ... under a label
    (["Mayor opens a new library in the north of the city", "Trending"], 2.0),  # a section label
])
def test_line_above_a_candidate_is_a_label_or_a_headline_it_is_the_dek_of(above, label):
    lines = [*above, HEADLINE]
    info = [copied_page._line_info(line) for line in lines]
    for line, item in zip(lines, info):
        item["key"] = copied_page._fold(line)
    assert copied_page._label_before(lines, info, len(lines) - 1) == label


@pytest.mark.parametrize("line, other, same", [
    ("Link to our page on Twitter", "Link to our page on Facebook", True),
    ("Mayor opens a new library", "Schools get new computers", False),
    ("Top stories", "Top stories", False),  # two words: too short to call a menu
])
def test_menu_entries_share_their_opening_words(line, other, same):
    assert copied_page._same_opening(line, other) is same


@pytest.mark.parametrize("column_blurb", [
    ["Ann Lee writes about the city's money every week, with an eye on what it costs you."],  # a lone blurb
    [],
])
def test_article_starts_at_a_block_of_prose_under_the_byline(column_blurb):
    """A column's blurb under the columnist's byline, or cut-off teasers under the headline, are
    not where the article starts."""
    teasers = [f"Another column number {n} about the city's..." for n in range(4)]
    text = "\n".join(["Home", "By Ann Lee, Columnist", "About", *column_blurb, "City Money",
                      "Council approves a leaner budget", *teasers, "Show More", *PARAGRAPHS])
    parsed = parse_page_text(text)
    assert parsed["headline"] == "Council approves a leaner budget"
    assert parsed["body"].split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("under, headline", [
    (["Published on 3 March 2023"], "Council Approves Leaner Budget For Next Year"),  # listed again below
    (["Council approves a leaner budget", "By Ann Lee"], "Council approves a leaner budget"),  # a tag line
])
def test_title_case_line_repeated_below_the_body(under, headline):
    title_case = "Council Approves Leaner Budget For Next Year"
    text = "\n".join(["Home", "Business", title_case, *under, *PARAGRAPHS, "Latest News", title_case,
                      "Schools Get New Computers This Spring"])
    assert parse_page_text(text)["headline"] == headline


@pytest.mark.parametrize("header, headline", [
    (["The Weekly Council Roundup 2023.03.03", "By Ann Lee"], "The Weekly Council Roundup 2023.03.03"),
    (["Crossword answers for Friday, March 3, 2023", "By Ann Lee"], "Crossword answers for Friday, March 3, 2023"),
    (["Council approves a leaner budget", "Published March 3, 2023 at 10:00"], "Council approves a leaner budget"),
    (["Council approves a leaner budget", "Charlotte Anne Smith March 3, 2023"], "Council approves a leaner budget"),
    (["Council approves a leaner budget", "Friday, March 3, 2023 - 3 min read"], "Council approves a leaner budget"),
])
def test_a_title_may_name_a_date_but_a_date_line_is_no_title(header, headline):
    assert parse_page_text("\n".join(["Home", "News", *header, *PARAGRAPHS]))["headline"] == headline


STANDFIRST = "The plan cuts road spending to pay for more teachers, the council said on Tuesday."


@pytest.mark.parametrize("header, headline", [
    # the headline right above the article's first paragraph (its byline and date in a form the
    # parser does not know) beats a teaser above it that a byline follows
    (["Mayor opens a new library in the north of the city", "By Bo Chan March 1, 2023", "Politics", HEADLINE],
     HEADLINE),
    (["Mayor opens a new library in the north of the city", "By Bo Chan March 1, 2023", "Politics", HEADLINE,
      STANDFIRST],
     HEADLINE),  # ... or right above a standfirst on the article's subject
    (["Council Approves Leaner Budget For Next Year"], "Council Approves Leaner Budget For Next Year"),  # listed below
    # not a short subhead or button, nor a notice of several sentences, nor a label above an unrelated question
    (["Mayor opens a new library in the north of the city", "By Bo Chan March 1, 2023", "Read in app"],
     "Mayor opens a new library in the north of the city"),
    ([HEADLINE, "By Bo Chan March 1, 2023", "Sign up for our daily newsletter. Read our privacy notice"], HEADLINE),
    ([HEADLINE, "Ann Lee", "Question of the Day", "Who do you think will win the final on Sunday, and why?"],
     HEADLINE),
])
def test_headline_right_above_the_article_without_its_byline(header, headline):
    text = "\n".join(["Home", "Latest", *header, *PARAGRAPHS, "Latest News",
                      "Council Approves Leaner Budget For Next Year", "Schools Get New Computers This Spring"])
    assert parse_page_text(text)["headline"] == headline


@pytest.mark.parametrize("title, under, caption, opens", [
    (HEADLINE, PARAGRAPHS[0], None, True),  # right above the body's first line
    (HEADLINE, STANDFIRST, None, True),  # or a standfirst on the body's subject
    (HEADLINE, STANDFIRST, "The mayor speaks at city hall on Tuesday, March 21, 2023, in the north.", True),
    (HEADLINE, "Who do you think will win the final on Sunday, and why?", None, False),  # on another subject
    (HEADLINE, STANDFIRST, "Jo Roe/Getty Images", False),  # a caption: a photo credit follows
    ("Council members vote on the budget at City Hall.", PARAGRAPHS[0], None, False),  # a caption
    ("Ann Lee, Contributing Opinion Writer", PARAGRAPHS[0], None, False),  # a bare byline
    ("Read in app", PARAGRAPHS[0], None, False),  # a button
    ("Get the best stories delivered to your phone every morning", PARAGRAPHS[0], None, False),  # a promo: unrelated
    ("Sign up for our newsletter. Read our privacy notice", PARAGRAPHS[0], None, False),  # a notice
])
def test_a_title_opens_the_article_above_its_first_prose(title, under, caption, opens):
    lines = ["Home", title, under, *([caption] if caption else []), *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    for item in info:
        item["repeats"] = 1
    first_body = lines.index(PARAGRAPHS[0])
    vocab = set(copied_page._content_words("\n".join(PARAGRAPHS)))
    assert copied_page._opens_article(lines, info, 1, first_body, vocab) is opens


VIDEO_TITLE = "Mayor shares a video of the council vote on the budget"
TEASER = "Mayor says the council budget cuts roads to pay for schools"


@pytest.mark.parametrize("header, headline", [
    # a video's title under the byline, its share bar and the player's buttons, right above the first prose
    ([HEADLINE, "By Ann Lee | City News", "Facebook", "Twitter", "Email", "close", "Video", VIDEO_TITLE], HEADLINE),
    ([HEADLINE, "By Ann Lee", "Share", "Twitter", "Video", VIDEO_TITLE], HEADLINE),
    # a teaser under a "Related" / "Read more:" label
    ([HEADLINE, "Related", TEASER], HEADLINE),
    ([HEADLINE, "Read more:", TEASER], HEADLINE),
    # the entries of a list widget ("list 1 of 3" ...), a review's "Pros:" / "Cons:" fields
    ([HEADLINE, "list 1 of 3", "Council budget vote delayed by a week", "list 2 of 3",
      "Schools ask the council for more money", "list 3 of 3", "Mayor backs the council budget plan", "end of list"],
     HEADLINE),
    ([HEADLINE, "Rating: 4 out of 5", "Pros: cuts spending on roads; more money for schools",
      "Cons: hurts neighbourhoods that already lack services"], HEADLINE),
    # but a title under a section label, or a date, still opens the article
    (["Politics", TEASER], TEASER),
    (["Sunday, March 5, 2023", TEASER], TEASER),
    (["Budget 2023", "Report: " + TEASER], "Report: " + TEASER),
])
def test_no_byline_title_above_the_first_prose_is_not_a_video_title_teaser_or_list_entry(header, headline):
    assert parse_page_text("\n".join(["Home", "News", *header, *PARAGRAPHS]))["headline"] == headline


@pytest.mark.parametrize("above, under", [
    (["By Ann Lee", "Share", "Twitter", "Video"], True),  # past a share bar and a player's label
    (["By Ann Lee | City News", "close"], True),
    (["By Ann Lee"], False),  # right under a byline: scored as a dek or caption already
    (["By Ann Lee", "Politics and the city", "Share"], False),  # a title between
    (["By Ann Lee", "Politics"], False),  # a section label only: a teaser's byline over the headline's label
    (["March 3, 2023", "Share", "Politics"], False),  # a date over the menu, not a byline
    (["Share", "Video"], False),
])
def test_a_line_under_a_byline_past_buttons(above, under):
    lines = [*above, VIDEO_TITLE, *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    assert copied_page._under_byline(lines, info, len(above)) is under


@pytest.mark.parametrize("markers, entry", [
    (["list 1 of 4", "list 2 of 4", "list 3 of 4"], True),  # numbered markers around it
    (["Read on", "Read on", "Read on"], True),  # the same marker
    (["list 3 of 4", "list 4 of 4", "end of list"], True),  # the last entry: the marker recurs above the one before
    (["Politics", "Politics", "By Ann Lee"], False),  # a section label over a teaser and over the headline
    (["Advertisement", "Advertisement", "Advertisement"], False),  # furniture
    (["March 2, 2023", "March 3, 2023", "March 4, 2023"], False),  # dates: scored apart
])
def test_an_entry_of_a_list_widget(markers, entry):
    lines = [markers[0], "Schools ask the council for more money", markers[1], TEASER, markers[2], *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    assert copied_page._is_list_entry(lines, info, 3) is entry


@pytest.mark.parametrize("fields, entry", [
    (["Pros: cuts spending on roads; more money for schools", "Cons: hurts neighbourhoods"], True),
    (["Report: " + TEASER, PARAGRAPHS[0]], False),  # a headline with a label, over prose
])
def test_fields_of_a_list_are_entries(fields, entry):
    lines = ["Reviews", *fields, *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    assert copied_page._is_list_entry(lines, info, 1) is entry


CAPTION = "The mayor presents the budget plan for the coming year to the city council on Tuesday."


@pytest.mark.parametrize("under, shared", [
    (["Share", "Twitter"], True),
    (["Share", "Facebook Email Twitter"], True),
    (["The plan cuts road spending to pay for more teachers", "Share", "Print"], True),  # under a dek
    (["Email", "Politics"], False),  # a menu entry's lone link
    (["Politics", "Share", "Twitter"], False),
])
def test_a_share_bar_under_a_title(under, shared):
    lines = ["Budget squeeze is over", *under, *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    assert copied_page._share_bar_follows(lines, info, 0) is shared
    lines[0] = CAPTION  # a caption ending like a sentence has none
    assert not copied_page._share_bar_follows(lines, [copied_page._line_info(line) for line in lines], 0)


def test_a_share_bar_anchors_a_headline_without_byline_over_a_caption():
    text = "\n".join(["Home", "Economy", "Budget squeeze is over", "Share", "Twitter", "Read in app", CAPTION,
                      "Jo Roe/Getty Images", "Redeem now", *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == "Budget squeeze is over"


@pytest.mark.parametrize("under, meta", [
    (["March 3, 2023"], copied_page._META_DIRECTLY_BELOW),
    (["The Weekly Council Roundup 2023.03.03"], 0.0),  # a dated title below: another article's teaser
    (["Crossword answers for Friday, March 3, 2023", "By Ann Lee"], 3.0),  # the byline under it counts
])
def test_a_dated_title_under_a_line_is_no_date_line(under, meta):
    lines = ["Latest from the blog", *under, *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    assert copied_page._meta_follows(lines, info, 0, len(under) + 1) == meta


@pytest.mark.parametrize("text, language", [
    (" ".join(PARAGRAPHS), "en"),
    ("Der Stadtrat hat am Dienstag einen neuen Haushalt für das kommende Jahr beschlossen. Die Verwaltung "
     "sagte, dass der Plan die Ausgaben für Straßen kürzt und mehr Geld für die Schulen vorsieht.", "de"),
    ("Le conseil municipal a voté mardi un nouveau budget pour l'année prochaine. Les responsables ont dit "
     "que le plan réduit les dépenses pour les routes et ajoute de l'argent pour les écoles.", "fr"),
    ("El ayuntamiento aprobó el martes un nuevo presupuesto para el próximo año. Los responsables dijeron "
     "que el plan reduce el gasto en carreteras y añade dinero para las escuelas.", "es"),
    ("市議会は火曜日、来年度の新しい予算を承認した。当局によると、この計画は道路への支出を削減するという。", "ja"),
    ("Council votes tonight.", ""),  # too short to tell
    ("Budget Council Mayor Schools Roads Parents Library Harbour Taxes Police " * 3, ""),  # no function words
])
def test_language_guess(text, language):
    assert guess_language(text) == language


def test_plain_text_is_all_body():
    text = "\n\n".join(PARAGRAPHS)
    parsed = parse_page_text(text)
    assert parsed["body"] == text
    assert parsed["removed"] == []
    assert parsed["headline"] == ""


def test_short_plain_text_is_kept():
    assert parse_page_text("Council votes tonight.")["body"] == "Council votes tonight."


@pytest.mark.parametrize("text", ["", "\n\n\n", "Share\nView all\nMenu"])
def test_no_article(text):
    parsed = parse_page_text(text)
    assert parsed["body"] == ""
    assert parsed["authors"] == [] and parsed["headline"] == ""


@pytest.mark.parametrize("text", [
    "x" * 2_000_000,
    "“unbalanced quote " * 1000,
    "By " * 100_000,
    "1/1/2020 " * 100_000,
    "\u202e\u0301\U0001F600 é́ ﬁ",
    "\n".join(["By Ann Lee", "March 3, 2023"] * 5000),
    "\n".join(["(" + "a" * 2000, "(" + "A " * 500, "1/" * 1000, "© " + "Ab " * 700] * 20),  # backtracking bait
])
def test_bad_input_never_raises(text):
    parsed = parse_page_text(text)
    assert isinstance(parsed["body"], str) and isinstance(parsed["removed"], list)


def test_known_record_keeps_real_paragraphs():
    text = "\n\n".join(["Friday, January 4, 2019", "Council approves budget", "Yes.", *PARAGRAPHS,
                        "Share this", "Image: Jane Roe."])
    parsed = parse_page_text(text, known={"headline": "Council approves budget", "published": "2019-01-04"})
    assert parsed["body"].split("\n\n") == ["Yes.", *PARAGRAPHS]
    assert parsed["removed"] == ["Friday, January 4, 2019", "Council approves budget", "Share this",
                                 "Image: Jane Roe."]


def test_known_record_without_furniture_is_untouched():
    text = "\n\n".join(PARAGRAPHS)
    parsed = parse_page_text(text, known={"headline": "Something else entirely"})
    assert parsed["body"] == text and parsed["removed"] == []


LINES = st.one_of(
    st.sampled_from(PARAGRAPHS + [
        "Home", "Share", "View all", "Advertisement", "By Ann Lee, Science Editor", "BY", "Ann Lee", ",",
        "January 15, 2018 | 3 min read", "Council approves a leaner budget", "Related Articles", "More from News",
        "Photo: Jane Roe/Getty Images", "Counterfeit Goods US Government", "© 2023 City Paper Inc.",
    ]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
            max_size=80),
)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(LINES, max_size=40), st.booleans())
def test_no_line_is_silently_lost(lines, structured):
    text = clean_text("\n".join(lines))
    parsed = parse_page_text(text, known={"headline": "Council approves a leaner budget"} if structured else None)
    given_lines = [line for line in text.split("\n") if line.strip()]
    body = [p for p in parsed["body"].split("\n\n") if p]
    assert Counter(body) + Counter(parsed["removed"]) == Counter(given_lines)
    assert is_subsequence(body, given_lines)  # whole input lines, in input order
    assert is_subsequence(parsed["removed"], given_lines)
    assert len(parsed["authors"]) == len(parsed["author_roles"])


def is_subsequence(items: list[str], sequence: list[str]) -> bool:
    remaining = iter(sequence)
    return all(item in remaining for item in items)


def load_eval_script(name: str = "eval_copied_pages"):
    """The benchmark script ``benchmarks/<name>.py`` as a module."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("a, b, equal", [
    ("‘Quoted’ headline  here", "'quoted' HEADLINE here", True),
    ("“Quoted whole”", "Quoted whole", True),
    ("Budget passes", "Budget fails", False),
])
def test_eval_title_normalisation(a, b, equal):
    module = load_eval_script()
    assert (module.norm_title(a) == module.norm_title(b)) is equal


@pytest.mark.parametrize("predicted, gold, expected", [
    ("the cat sat", "The cat, sat.", 1.0),
    ("the cat", "the cat sat on the mat", 2 * (1.0 * 2 / 6) / (1.0 + 2 / 6)),
    ("dog", "cat", 0.0),
    ("", "", 1.0),
])
def test_eval_token_f1(predicted, gold, expected):
    assert load_eval_script().token_f1(predicted, gold) == pytest.approx(expected)


def test_eval_skips_without_data(tmp_path, capsys):
    assert load_eval_script().main(["eval", str(tmp_path / "missing")]) == 0
    assert "skipped: data not found" in capsys.readouterr().out


@pytest.mark.parametrize("options", [["--errors", "title"], ["--ablate", "both"], ["--perturb", "byline", "--errors"]])
def test_eval_errors_and_ablations_score_dev_pages_only(tmp_path, capsys, options):
    module = load_eval_script()
    ids = [f"page{n:02d}" for n in range(40)]
    dev_id = next(i for i in ids if module.is_dev(i))
    held_out_id = next(i for i in ids if not module.is_dev(i))
    gold = [{"id": i, "title": "Wrong title", "authors": "", "date": "", "body": "Other words."}
            for i in (dev_id, held_out_id)]
    for i in (dev_id, held_out_id):
        (tmp_path / f"{i}.txt").write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert module.main(["eval", *options, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert held_out_id not in out and "held-out" not in out and "parser    dev" in out
    assert (dev_id in out) is ("--errors" in options)


@pytest.mark.parametrize("page, gold, printed", [
    ("Budget passes\nBy Ann Lee\nMarch 5, 2023\nThe council voted.",
     {"title": "Budget passes", "authors": "Ann Lee", "date": "2023-03-05", "body": "The council voted."},
     {"title": 1.0, "date": 1.0, "authors": 1.0, "body_f1": 1.0}),
    ("Budget passes\nBy Ann Lee\n2 days ago\nThe council voted.",  # date not printed, a co-author missing
     {"title": "Budget passes today", "authors": "Ann Lee, Bo Chan", "date": "2023-03-05",
      "body": "The council voted twice."},
     {"title": 0.0, "date": 0.0, "authors": 0.0, "body_f1": 0.75}),
])
def test_eval_printed_ceiling(page, gold, printed):
    assert load_eval_script().printed_on_page(page, gold) == printed


def test_eval_unseen_row_scores_held_out_pages_of_sites_without_dev_pages(tmp_path, capsys):
    module = load_eval_script()
    ids = [f"page{n:02d}" for n in range(40)]
    dev_id = next(i for i in ids if module.is_dev(i))
    held_out = [i for i in ids if not module.is_dev(i)][:2]
    sites = {dev_id: "a.example", held_out[0]: "a.example", held_out[1]: "b.example"}
    gold = [{"id": i, "title": "Budget passes", "authors": "", "date": "", "body": "Other words.", "site": site}
            for i, site in sites.items()]
    for i in sites:
        (tmp_path / f"{i}.txt").write_text("\n".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert module.main(["eval", str(tmp_path)]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["parser", "held-out", "2"] in [row[:3] for row in rows]
    assert ["parser", "unseen", "1"] in [row[:3] for row in rows]


GUARDED = ("_DATE", "_CREDIT", "_FURNITURE_ANYWHERE", "_BOILERPLATE", "_EMBED_LINK", "_CAPTION_DATE", "_TOLD_TO",
           "_BREADCRUMB")


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("aeFhilopt 0129/()[]|:.-,ſKİı年月\n\t") + [
    "Photo", "credit", "Getty Images", "May ", "2023", "19", "courtesy of", "FILE", "AP", "Jan. 5, ", "Wednesday, ",
    "cookie", "©", "(c) ", "opens in a new ", "Window", "5h", "-d -h", "COMMISSION", "compensation", "our site",
    "follow ", "your inbox", "does not own shares in any", "version of this ", "pic.twitter.com/", "https://t.co/",
    "Sign up to get", "Privacy Policy", " by ", "BY", "Illustration", "image credit", "Courtesy", "iStock",
    "Shutterstock", "file photo", "Reuters", "afp", "ſ", "video", "März ", "de ", "septiembre", "3rd, ", "of ",
    "년", "월", " 20", "in 2004", " > ", " » ", "dez.", ".Jan."]),
    max_size=30).map("".join))
@example("FILE - Crowds gather on May 3, 2023.")
@example("Photograph: Ann Lee/Getty Images")
@example("Ann Lee (Reuters)")
@example("Crowds gather (AP")
@example("İmage: Ann Lee")
@example("We may earn compensation from links")
@example("The crowd, Wednesday, Dec. 20, 2023.")
@example("A long paragraph (with an aside) that ends in a credit ( Reuters")
@example("The crowd at the rally. Illustration by Ann Lee.")
@example("Ann Lee | Photo")
@example("Video credit: Ann Lee")
@example("3 de marzo de 2023")
@example("24 Dicembre 2023")
@example("2023년 5월 3일")
@example("March 3rd, 2023")
@example("3rd of March, 2023")
@example("Posted 05.03.2023")
@example("21.dez.2018 às 12h55")
@example("Crowds gather - Ann Lee/Example Agency")
@example("It grew in 2004 and 2005, to 20 stores by 2023.")  # years, no date
@example("Crowds gather (Image credit Ann Lee)")
@example("fıle: the crowd")
@example("Crowds gather - Ann/ " + "E" * 31)  # a slash 33 characters from the end: the farthest a credit's can be
@example("Ann Lee/ " + "E" * 31 + "  \n")
@example("Ann Lee/ " + "E" * 32)  # one more: no credit
@example("The crowd. Photo by " + "x" * 60 + ".\n")  # "by" 65 characters from the end: the farthest a credit's can be
@example("The crowd. Photo by " + "x" * 61 + ".")
@example("Crowds gather at the rally in the city centre on Monday (Ann Lee/Example Agency)")
@example("Sales rose 24/7 at the chain's stores, and it plans to open more of them next year.")
@example("The crowd, Wednesday, Dec. 20, 2023)\n")
@example("The crowd, Wednesday, Dec. 20, 2023.)")
@example("The crowd, Wednesday, Dec. 20, 2023 ")
@example("It rained on Wednesday, Dec. 20, 2023 and on Thursday.")
def test_guarded_patterns_agree_with_bare_ones(text):
    for name in GUARDED:
        guarded = getattr(copied_page, name)
        for method in ("search", "match"):
            found, bare = getattr(guarded, method)(text), getattr(guarded.pattern, method)(text)
            assert (found and found.span()) == (bare and bare.span()), name
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in guarded.pattern.finditer(text)], name


def test_ignorecase_fold_covers_every_character_matched_to_an_ascii_letter():
    letters = "abcdefghijklmnopqrstuvwxyz"
    folded = [chr(c) for c in range(128, 0x30000) if not 0xD800 <= c < 0xE000
              and re.fullmatch(f"[{letters}]", chr(c), re.IGNORECASE)]
    assert folded  # "ſ" matches "s" under re.IGNORECASE
    assert all(copied_page._replace_each(c, copied_page._IGNORECASE_TO_ASCII).lower() in letters for c in folded)


@pytest.mark.parametrize("keywords, text, holds", [
    (("file",), "FILE photo", True), (("file",), "FİLE photo", True), (("file",), "fıle", True),
    (("link",), "LINK", True), (("site",), "ſite", True), (("file",), "fil e", False), (("file",), "", False),
])
def test_holds_any_matches_as_ignorecase_does(keywords, text, holds):
    assert copied_page._holds_any(*keywords)(text) is holds
    assert (re.search("|".join(keywords), text, re.IGNORECASE) is not None) is holds


@pytest.mark.parametrize("text", ["", "a", " a  b\tc\n", "a\u00a0b\u2009c\u3000d\x1ce\x85f", "\u200bx", "one"])
def test_word_count_counts_runs_of_non_spaces(text):
    assert copied_page._word_count(text) == len(re.findall(r"\S+", text))


def test_word_count_splits_on_exactly_the_regex_spaces():
    spaces = [chr(c) for c in range(0x3000 + 1) if re.fullmatch(r"\s", chr(c))]
    assert all(copied_page._word_count(f"a{space}b") == 2 for space in spaces)
    assert copied_page._word_count("a\u200bb") == 1  # a zero-width space is no space


@pytest.mark.parametrize("text", ["", "a", " a  b\tc\n", "one two three four", "a\u00a0b\u2009c\u3000d\x1ce\x85f",
                                  "  lead and trail  ", " ".join(["word"] * 60), "x" * 500])
@pytest.mark.parametrize("cap", [0, 1, 3, 14, 30])
def test_capped_word_count_is_the_word_count_up_to_one_past_the_cap(text, cap):
    n_words = copied_page._word_count(text)
    assert copied_page._capped_word_count(text, cap) == min(n_words, cap + 1)
    assert copied_page._is_short(text, cap) is (n_words <= cap)


@pytest.mark.parametrize("text, n_words", [
    ("市議会は予算を可決した。", 6),  # eleven Han and kana characters: six words of two
    ("市议会通过了新预算，学校投入增加。", 8),  # punctuation parts words without being one
    ("DeepMind新电脑 2023年5月3日", 9),  # a Latin word; Han by twos; digits between them
    ("ภาษาไทย ง่าย", 3),  # Thai by fours
    ("「ウゥー、ワン！！」", 3),  # three kana are two words
])
def test_words_of_scripts_without_spaces_count_at_a_stated_rate(text, n_words):
    assert copied_page._word_count(text) == n_words
    assert copied_page._capped_word_count(text, 3) == min(n_words, 4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\u3000\u00a0aZé,.。，「」ΩЖ한\u0e00\u0e4f\u0e50\u303f\u3100\ufb00\uff01"
                                             "\u2e80\u4dc0")), max_size=40),
       st.integers(min_value=0, max_value=12))
def test_word_count_of_text_without_those_scripts_is_its_whitespace_split(text, cap):
    # neighbours of the Han, kana and Thai ranges, CJK punctuation, Hangul, Greek: counted as before
    assert copied_page._word_count(text) == len(text.split())
    assert copied_page._capped_word_count(text, cap) == min(len(text.split()), cap + 1)


CJK_MENU = ["ホーム", "ニュース", "政治", "経済"]
JAPANESE = ["市議会は火曜日、来年度の新しい予算案を賛成多数で可決した。道路の補修費を減らし、学校への支出を増やす内容となっている。",
            "市長は記者会見で「難しい選択だったが、子どもたちの将来のために必要だ」と述べ、計画の意義を強調した。",
            "一方、反対派の議員らは、すでに行政サービスが不足している地域がさらに困ることになると批判している。",
            "新しい予算は七月から施行される予定で、その前に県の監査委員による最終的な審査が行われる。"]
CHINESE = ["市议会周二以多数票通过了新一年度的预算案，削减道路维修开支，同时增加对学校的投入。",
           "市长在记者会上表示：“这是一个艰难的选择，但为了孩子们的未来，这是必要的。”",
           "反对派议员批评说，这些削减将进一步伤害那些本已缺乏公共服务的社区。"]
THAI = ["สภาเมืองลงมติอนุมัติงบประมาณใหม่สำหรับปีหน้าเมื่อวันอังคาร โดยลดค่าใช้จ่ายด้านถนนและเพิ่มเงินให้โรงเรียน "
        "ซึ่งเป็นการเปลี่ยนแปลงครั้งใหญ่ที่สุดในรอบหลายปี",
        "นายกเทศมนตรีกล่าวว่า นี่เป็นทางเลือกที่ยากลำบาก แต่จำเป็นสำหรับอนาคตของเด็ก ๆ ในเมือง "
        "และขอให้ประชาชนเข้าใจเหตุผลของการตัดงบประมาณในครั้งนี้",
        "ฝ่ายค้านวิจารณ์ว่า การตัดงบประมาณจะกระทบชุมชนที่ขาดแคลนบริการอยู่แล้ว "
        "และเรียกร้องให้สภาทบทวนแผนการใช้จ่ายทั้งหมดอีกครั้งก่อนถึงเดือนกรกฎาคม"]


@pytest.mark.parametrize("headline, date_line, paragraphs, footer", [
    ("市議会、新年度予算案を可決　学校への支出を増額", "2023年5月3日 10:00", JAPANESE, ["関連記事", "駅前に新しい図書館が開館"]),
    ("市议会通过新年度预算 学校投入增加", "2023年5月3日 10:00", CHINESE, ["相关新闻", "市中心新图书馆开馆"]),
    ("สภาเมืองอนุมัติงบประมาณใหม่ เพิ่มเงินให้โรงเรียน", "", THAI,
     ["ข่าวที่เกี่ยวข้อง", "ห้องสมุดใหม่เปิดใจกลางเมือง"]),
])
def test_pages_in_scripts_without_spaces_have_a_body_and_headline(headline, date_line, paragraphs, footer):
    parsed = parse_page_text("\n".join([*CJK_MENU, headline, *filter(None, [date_line]), *paragraphs, *footer]))
    assert parsed["body"] == "\n\n".join(paragraphs)
    assert parsed["headline"] == headline


@pytest.mark.parametrize("keywords", [
    " ".join(["北京", "上海", "广州", "深圳", "天津", "重庆", "成都", "武汉", "西安", "南京"] * 3),  # no punctuation
    " ".join(["ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "เทคโนโลยี", "สุขภาพ", "ต่างประเทศ"] * 4),
])
def test_keyword_lists_in_scripts_without_spaces_are_not_prose(keywords):
    assert copied_page._word_count(keywords) >= 30
    assert not copied_page._line_info(keywords)["prose"]


@pytest.mark.parametrize("above, byline, paragraphs, starts", [
    ([], ["March 3, 2023"], PARAGRAPHS + LONG_PARAGRAPHS[:2], True),  # no byline of the article's own
    (["Related"], ["Ann Lee", "March 3, 2023"], LONG_PARAGRAPHS, True),  # a bare byline: the teaser's "By" is first
    (["Related"], ["By Ann Lee", "March 3, 2023"], LONG_PARAGRAPHS, True),
    # the same lines in the header (no article prose above them) are the article's byline
    (None, ["March 3, 2023"], LONG_PARAGRAPHS, False),
])
def test_a_teasers_byline_inside_the_article_does_not_move_its_start(above, byline, paragraphs, starts):
    teaser = ["Mayor opens a new library in the north", "By Bo Chan"]
    middle = teaser if above is None else []
    lines = ["Home", "Council approves a leaner budget", *byline, *middle, *paragraphs[:2],
             *([] if above is None else above + teaser), *paragraphs[2:]]
    parsed = parse_page_text("\n".join(lines))
    assert parsed["body"] == "\n\n".join(paragraphs)
    assert ("Bo Chan" in parsed["authors"]) is not starts
    assert "By Bo Chan" in parsed["removed"] and teaser[0] in parsed["removed"]


LONG_DEK = ("Officials said the plan cuts spending on roads and adds money for schools, a change that parents had "
            "long sought")


@pytest.mark.parametrize("above, headline", [
    ("Council passes leaner budget", "Council passes leaner budget"),  # a short headline over its dek
    ("The leaner budget", "The leaner budget"),
    ("Most Popular Stories", LONG_DEK),  # labels: the dek-like line under them is all the headline there is
    ("Business News Today", LONG_DEK),
    ("Council Budget Coverage", LONG_DEK),  # capitalised words: a section's label
    ("News > Local > Politics", LONG_DEK),  # a breadcrumb
    ("Sign up today", LONG_DEK),  # no word of the body
])
def test_a_short_headline_over_its_dek_is_the_headline_not_a_label(above, headline):
    lines = ["Home", "Weather", above, LONG_DEK, "By Ann Lee", "March 3, 2023", *PARAGRAPHS]
    assert parse_page_text("\n".join(lines))["headline"] == headline


OFFICE_PARAGRAPHS = [
    "Offices across the city stood half empty this year as local firms struggled to bring staff back.",
    "Business owners said that years of remote work had changed what employees expect from an office.",
    "“People want a reason to come in,” said one architect, who has designed offices for local firms.",
    "Some companies now offer free lunches and quiet rooms, while others have cut their floor space."]
OFFICE_HEADLINE = "Return to office: what workers want from the office of 2024"
MOST_READ = ["Council approves new budget after marathon late-night session",
             "Storm leaves thousands without power across the region",
             "Police name suspect in downtown robbery investigation",
             "Local bakery celebrates 100 years in business"]  # shares "local", "years", "business" with the body


@pytest.mark.parametrize("teasers, under", [
    (MOST_READ, ["Architects and business leaders explain how to design an office that brings workers back."]),
    (MOST_READ[:3], []),  # the list ends on off-subject titles
])
def test_a_teaser_sharing_common_words_with_the_body_is_not_the_headline_under_its_list(teasers, under):
    lines = ["Home", "Most read", *teasers, OFFICE_HEADLINE, *under, "By Ann Lee", "March 3, 2023", *OFFICE_PARAGRAPHS]
    parsed = parse_page_text("\n".join(lines))
    assert parsed["headline"] == OFFICE_HEADLINE
    assert parsed["body"].endswith("\n\n".join(OFFICE_PARAGRAPHS))  # after the standfirst, when there is one
    assert not any(teaser in parsed["body"] for teaser in teasers)


@pytest.mark.parametrize("lines, outlet", [
    (["Home", "Reuters", *PARAGRAPHS[:2], "The mayor told Reuters on Monday the plan was final.", *PARAGRAPHS[2:]],
     "Reuters"),
    (["Home", "reuters", *PARAGRAPHS[:2], "The mayor told reuters on Monday the plan was final.", *PARAGRAPHS[2:]], ""),
    (["Home", "Reuters", *PARAGRAPHS], ""),
])
def test_outlet_from_an_interlocutor_that_opens_a_furniture_line(lines, outlet):
    kept = [line not in ("Home", "Reuters", "reuters") for line in lines]
    assert copied_page._find_outlet(lines, kept, "") == outlet


@pytest.mark.parametrize("printed, found", [
    ("March 5, 2023", True), ("Mar. 5th 2023", True), ("5 March 2023", True), ("2023-03-05", True),
    ("2023/3/5", True), ("03/05/2023", True), ("5.3.23", True), ("Posted: Sept 5, 2023", False),
    ("March 15, 2023", False), ("2023-03-050", False), ("March 5, 2024", False),
])
def test_eval_date_pattern_finds_printed_forms_of_the_gold_date(printed, found):
    assert (load_eval_script().date_pattern("2023-03-05").search(printed) is not None) is found


ABLATION_GOLD = {"id": "page01", "title": "Council approves a leaner budget", "authors": "Ann Lee",
                 "date": "2023-03-05", "body": "\n".join(PARAGRAPHS + ["Ann Lee told the council she agreed."])}
ABLATION_PAGE = ["Home", "Council approves a leaner budget", "By Ann Lee, Reporter", "March 5, 2023", *PARAGRAPHS,
                 "Ann Lee told the council she agreed.", "More from Ann Lee"]


@pytest.mark.parametrize("kind, perturb, expected", [
    ("byline", False, ["Home", "Council approves a leaner budget", "March 5, 2023", *ABLATION_GOLD["body"].split("\n")]),
    ("date", False, ["Home", "Council approves a leaner budget", "By Ann Lee, Reporter",
                     *ABLATION_GOLD["body"].split("\n"), "More from Ann Lee"]),
    ("both", False, ["Home", "Council approves a leaner budget", *ABLATION_GOLD["body"].split("\n")]),
    ("both", True, None),  # rewritten, not deleted: as many lines
])
def test_eval_ablation_deletes_byline_and_date_lines_outside_the_body(kind, perturb, expected):
    ablated, gold = load_eval_script().ablate("\n".join(ABLATION_PAGE), ABLATION_GOLD, kind, perturb)
    ablated = ablated.split("\n")
    assert gold == {**ABLATION_GOLD, "byline_form": gold["byline_form"]}  # page01's byline form changes no name
    assert (gold["byline_form"] == "none") is not perturb  # the form is recorded when a "By" line was rewritten
    if expected is not None:
        assert ablated == expected
    else:
        assert len(ablated) == len(ABLATION_PAGE) and ablated[4:-2] == ABLATION_PAGE[4:-2]
        assert "By Ann Lee" not in ablated[2] and "Ann Lee" in ablated[2] and ablated[3] != "March 5, 2023"


@pytest.mark.parametrize("form, rewritten, authors", [
    (0, "Ann Lee, Reporter", "Ann Lee"), (1, "Words: Ann Lee, Reporter", "Ann Lee"),
    (2, "Ann Lee | Reporter", "Ann Lee"), (3, "Ann Lee, Staff Writer, Reporter", "Ann Lee"),
    (4, "Ann Lee, Reuters, Reporter", "Ann Lee"), (5, "ANN LEE, Reporter", "Ann Lee"),
    (6, "Posted by Ann Lee, Reporter", "Ann Lee"), (7, "Author: Ann Lee, Reporter", "Ann Lee"),
    (8, "Ann Lee\nReporter", "Ann Lee"), (9, "Ann Lee\n@annlee\nReporter", "Ann Lee"),
    (10, "Ann Lee\nann.lee@example.com\nReporter", "Ann Lee"), (11, "Ann Lee, Reporter • 3 min read", "Ann Lee"),
    (12, "Ann Lee and Bo Chan, Reporter", "Ann Lee, Bo Chan"),
    (13, "Ann Lee, Bo Chan and Cy Diaz, Reporter", "Ann Lee, Bo Chan, Cy Diaz"),
    (14, "Ann Lee, Reporter Published 5 March 2023", "Ann Lee"), (15, "Ann B. Lee, Reporter", "Ann B. Lee"),
    (16, "Ann van der Lee, Reporter", "Ann van der Lee"), (17, "Ánn Ó Lee, Reporter", "Ánn Ó Lee"),
])
def test_eval_byline_rewrites(form, rewritten, authors):
    module = load_eval_script()
    assert module._rewrite_byline("By Ann Lee, Reporter", ["ann lee"], form, 0, "5 March 2023") == rewritten
    assert module._rewrite_byline("Ann Lee told the council", ["ann lee"], form) == "Ann Lee told the council"
    assert module.perturbed_gold({"authors": "Ann Lee"}, form) == {"authors": authors}
    page, gold = module.ablate("\n".join(ABLATION_PAGE), ABLATION_GOLD, "byline", True, form)  # a form forced
    assert rewritten in page and gold == {**ABLATION_GOLD, "authors": authors, "byline_form": str(form)}


@pytest.mark.parametrize("line, closes", [
    ("Ann Lee is a senior reporter at City News covering schools and city hall.", True),
    ("Ann Lee covers schools and city hall for City News.", True),
    ("Ann Lee (@annlee) is a senior reporter at City News covering schools and city hall.", True),  # a handle
    ("Ann Lee is a nurse who has worked at the city hospital for twenty years.", False),  # no newsroom job
    ("Residents said the reporter who covered the vote was fair to both sides.", False),  # no name first
])
def test_a_journalist_bio_ends_the_article_without_a_known_byline(line, closes):
    text = "\n".join(["Home", "Council approves a leaner budget", *PARAGRAPHS, line, *LONG_PARAGRAPHS[:2]])
    body = parse_page_text(text)["body"].split("\n\n")
    assert body == (PARAGRAPHS if closes else [*PARAGRAPHS, line, *LONG_PARAGRAPHS[:2]])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["told ", "TOLD", "retold ", "according to ", "said to", "ſaid to ", "speaking with",
                                 "İn an interview with ", " ", "\t", "Ann", "Ann Lee", "Reuters", "The Daily News",
                                 "The ", "Bo", ", ", ". ", "x"]), max_size=12).map("".join),
       st.sets(st.sampled_from(["Ann", "Ann Lee", "Reuters", "The Daily News", "Bo", "The", "Lee"]), max_size=12))
@example("The mayor told Reuters on Monday.", {"Reuters"})
@example("The mayor told Reuters on Monday.", {"Ann"})  # named nowhere
@example("Reuters reported that the mayor told the council.", {"Reuters"})  # named, but after no cue
@example("retold Ann", {"Ann"})
@example("told\tAnn", {"Ann"})
@example("ſaid to Ann", {"Ann"})
@example("speaking with Reuters", {f"Name{n}" for n in range(10)} | {"Reuters"})  # as many names as cues
def test_a_body_citing_a_name_may_cite_it(body, names):
    cited = any(m.group("name") in names for m in copied_page._INTERLOCUTOR.finditer(body))
    assert copied_page._may_cite(body, names) or not cited
    if not any(name in body for name in names):
        assert not copied_page._may_cite(body, names)


@pytest.mark.parametrize("body, names, may", [
    ("The mayor told Reuters on Monday.", {"Reuters"}, True),
    ("The mayor said to Reuters on Monday.", {"Reuters"}, True),
    ("Reuters reported that the mayor told the council.", {"Reuters"}, False),
    ("The mayor told Reuters on Monday.", {"Ann Lee"}, False),
    ("The mayor retold Reuters' story.", {"Reuters"}, True),  # a superset: "retold" is no cue, the pattern decides
])
def test_may_cite_needs_a_name_after_a_cue(body, names, may):
    assert copied_page._may_cite(body, names) is may


@pytest.mark.parametrize("body", [
    "The mayor told Reuters on Monday.", "TOLD ANN LEE", "He told Told Ann Lee Bo Chan", "retold Ann", "told",
    "ſaid to Ann", "İn an interview with Ann Lee", "said to said to Ann", "according to The Daily News and told Bo",
    "told\tAnn", "The plan was final, officials said.", "",
])
def test_interlocutors_are_the_pattern_matches(body):
    found = [(m.span(), m.group("name")) for m in copied_page._interlocutors(body)]
    assert found == [(m.span(), m.group("name")) for m in copied_page._INTERLOCUTOR.finditer(body)]


@pytest.mark.parametrize("text", [
    "", "The Council, the 3 councils; don't!", "£5bn for the café in Zürich", "Ærø ÆRØ", "x²y ½ Ⅻ", "a_b c1d",
    "İstanbul straße", "١٢٣ abc", "日本語のテキスト", "a\u00a0b\u2009c", "— ... !",
])
def test_lowercase_words_are_the_lower_cased_letter_runs(text):
    assert copied_page._lowercase_words(text) == [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


@pytest.mark.parametrize("text", [
    "", "The Council, the 3 councils; don't!", "£5bn for the café in Zürich", "Ærø ÆRØ", "x²y ½ Ⅻ", "a_b c1d",
    "İstanbul straße", "İab ſtop", "١٢٣ abcd", "日本語のテキスト", "a\u00a0bcde\u2009fghi", "— ... ! Word WORD word",
    "ab abc abcd ABCDE\nAbcd", "Council Approves The Leaner Budget",
])
def test_content_vocabulary_is_the_set_of_lower_cased_content_words(text):
    assert copied_page._content_vocabulary(text) == {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)}


@pytest.mark.parametrize("text", ["Council Approves The Leaner Budget", "the council approves a leaner budget",
                                  "A_b Cd3ef GHIJ klmn", "", "Zürich Café", "The Café In Zürich Opens Today",
                                  "Five Capitalised Words Here also", "Four Capitalised Words here",  # 80 %, 75 %
                                  "Five Capitalised Words Here also, more", "NASA And IBM Plan Moon base",
                                  "iPhone Sales Rise Again today", "McDonald MacArthur OReilly wins", "a1bcd efgh",
                                  "The chancellor said on Monday that the Budget would not raise taxes for Britain."])
def test_content_words_of_ascii_text_are_those_of_the_unicode_pattern(text):
    initials = copied_page._CONTENT_WORD_INITIAL.findall(text)
    if text.isascii():
        assert copied_page._ASCII_CONTENT_WORD_INITIAL.findall(text) == initials
        assert copied_page._ASCII_CONTENT_WORD.findall(text) == copied_page._CONTENT_WORD.findall(text)
    assert copied_page._content_word_runs(text) == copied_page._CONTENT_WORD.findall(text)
    capitalised = sum(c.isupper() for c in initials)
    assert copied_page._is_title_case(text) is (len(initials) >= 4 and capitalised >= 0.8 * len(initials))


@pytest.mark.parametrize("guard, text, needed", [
    ("_may_hold_date", "Sales rose in 2004 and by 20% in 2005.", False),  # years in prose name no date
    ("_may_hold_date", "Sales rose on March 3, 2004.", True),
    ("_may_hold_date", "Posted 2004-03-03", True),
    ("_has_credit_mark", "The video of the vote (and its count) was shared widely by officials.", False),
    ("_has_credit_mark", "Photo by Ann Lee", True),
    ("_has_credit_mark", "The council met on Monday ( AP", True),
    ("_has_credit_mark", "The shop, open 24/7 since 2004, sold more than it ever had before this year.", False),
    ("_has_credit_mark", "The council met on Monday. Ann Lee/Example Agency", True),
    ("_has_credit_mark", "A photo taken by a resident showed the flooded road and the cars left there all night long.",
     False),  # "by" far from the end
    ("_has_credit_mark", "The council met on Monday. Photo by Ann Lee.", True),
    ("_ends_with_digit", "The council met on Wednesday, May 3, 2023.", True),
    ("_ends_with_digit", "The council met on Wednesday, May 3, 2023)\n", True),
    ("_ends_with_digit", "The council met on a Wednesday in May.", False),
    ("_ends_with_digit", "", False),
])
def test_guards_pass_candidates_and_skip_plain_prose(guard, text, needed):
    assert getattr(copied_page, guard)(text) is needed


@pytest.mark.parametrize("repeats", [[1] * 5, [1] * 100, [1, 2, 2, 1] * 40, [3] * 70 + [1] * 70, [2] * 10, [1]])
def test_span_start_walks_back_header_span_distinct_lines(repeats):
    info = [{"repeats": n} for n in repeats]
    position = copied_page._distinct_positions(info)
    for first_body in range(len(info)):
        lo = first_body  # the definition: step back while the line above is within the span
        while lo > 0 and position[first_body] - position[lo - 1] <= copied_page._HEADER_SPAN:
            lo -= 1
        assert copied_page._span_start(position, first_body) == lo


@pytest.mark.parametrize("byline, names", [
    ("By Ann Lee", ["Ann Lee"]),
    ("Written by Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),
    ("Par Anne Leroy", ["Anne Leroy"]),
    ("Ann van der Lee; Bo Chan & Cy Diaz", ["Ann van der Lee", "Bo Chan", "Cy Diaz"]),
    ("Ann Lee, Staff Writer", ["Ann Lee"]),  # a role names no person
    ("Ann Lee (@annlee)", ["Ann Lee"]),  # parenthesised parts go
    ("Ann Lee\nMarch 3, 2023", ["Ann Lee"]),  # the first line only
    ("Ann Lee 3 hours ago", ["Ann Lee"]),  # everything from the first digit goes
    ("Example News", []),  # an outlet
    ("annlee", []),
    ("Ann", []),  # one word
    ("Ann Bo Cy Dee Lee", []),  # five words
    ("", []),
    (None, []),
])
def test_rendered_eval_byline_gold_keeps_person_names(byline, names):
    assert load_eval_script("eval_copied_rendered").clean_byline(byline) == names


@pytest.mark.parametrize("title, site, stripped", [
    ("How to Plant Tulips | eHow", "eHow", "How to Plant Tulips"),
    ("Budget passes - City News", "City News", "Budget passes"),
    ("Budget passes — City News", "City News", "Budget passes"),
    ("A (1+1) guide · C++ Hub", "C++ Hub", "A (1+1) guide"),  # the site name is matched literally
    ("Budget passes | City News", "", "Budget passes | City News"),  # no site name given
    ("City News | Budget passes", "City News", "City News | Budget passes"),  # the site name does not end it
    ("Budget passes | City News Daily", "City News", "Budget passes | City News Daily"),
    ("Budget passes|City News", "City News", "Budget passes|City News"),  # no spaced separator
    ("City News", "City News", "City News"),  # nothing before it
])
def test_rendered_eval_title_gold_drops_a_trailing_site_name(title, site, stripped):
    assert load_eval_script("eval_copied_rendered").strip_site_name(title, site) == stripped


DEK = "The plan cuts road spending to pay for more teachers, officials said."


@pytest.mark.parametrize("between", [
    ["Advertisement"],  # an ad slot between the headline and its dek
    ["Share", "Facebook", "Twitter", "Copy link"],  # a share bar
    ["Listen to this article 4 min"],
    ["Crowds gather outside city hall on Tuesday morning.", "Photo: Jo Roe/Reuters"],  # a photo with its credit
    ["Updated 3 hours ago"],  # a relative time stamp
    ["The vote ended a month of debate.", "Crowds gather outside city hall on Tuesday morning.",
     "Photo: Jo Roe/Reuters"],  # a dek of two lines around a photo
])
def test_headline_is_found_past_buttons_photos_and_stamps_above_its_dek(between):
    parsed = parse_page_text("\n".join(["Home", "Politics", HEADLINE, *between, DEK, "By Ann Lee", "March 3, 2023",
                                        *PARAGRAPHS]))
    assert parsed["headline"] == HEADLINE


@pytest.mark.parametrize("above, under, headline", [
    # a teaser over an ad slot is not the headline's label: the byline follows the headline
    (["Most read", "Mayor opens a new library in the north of the city", "Advertisement"], ["By Ann Lee"], HEADLINE),
    # a cut-off teaser over buttons ("Now Reading: ...") does not make the headline its dek
    (["Now Reading:", "Council approves a leaner budget for ...", "Share", "Comments (0)"], ["March 3, 2023"],
     HEADLINE),
])
def test_headline_is_not_taken_for_a_dek_past_buttons(above, under, headline):
    parsed = parse_page_text("\n".join(["Home", "Sign in", *above, HEADLINE, *under, *PARAGRAPHS]))
    assert parsed["headline"] == headline


@pytest.mark.parametrize("line, title_like", [
    ("Updated 3 hours ago", False), ("Updated 45 minutes ago", False), ("Posted 2 days ago", False),
    ("Updated rules for 3 schools", True), ("3 hours in the council chamber", True),
])
def test_a_relative_time_stamp_is_no_headline(line, title_like):
    assert copied_page._is_title_like(line, copied_page._line_info(line)) is title_like


def test_a_weak_stamp_far_below_does_not_cancel_the_prose_that_anchors_the_headline():
    standfirst = "Officials said the plan would cut spending on roads while adding money for schools this year."
    text = "\n".join(["Home", "Live", "Trending now", HEADLINE, standfirst,
                      "Council members at city hall on Tuesday, March 3, 2023 [Jo Roe/Reuters]",
                      "|", "Updated:", "9 hours ago", *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == HEADLINE


LAYOUT_GOLD = {**ABLATION_GOLD, "body": "\n".join(PARAGRAPHS)}
LAYOUT_PAGE = ["Home", "Council approves a leaner budget", "By Ann Lee, Reporter", "March 5, 2023", *PARAGRAPHS,
               "More from Ann Lee"]


@pytest.mark.parametrize("form, expected", [
    ("section", LAYOUT_PAGE[:1] + ["News > World"] + LAYOUT_PAGE[1:]),
    ("breadcrumb", LAYOUT_PAGE[:1] + ["Home > World > Council approves a leaner budget"] + LAYOUT_PAGE[1:]),
    ("meta-above", ["Home", "By Ann Lee, Reporter", "March 5, 2023", "Council approves a leaner budget",
                    *LAYOUT_PAGE[4:]]),
    ("dek", LAYOUT_PAGE[:2] + ["What happened, why it matters and what comes next, explained."] + LAYOUT_PAGE[2:]),
    ("advert", LAYOUT_PAGE[:4] + ["Advertisement"] + LAYOUT_PAGE[4:]),
    ("related", None),
])
def test_eval_layout_rewrites_only_around_the_title_and_body(form, expected):
    module = load_eval_script()
    text, gold = module.relayout("\n".join(LAYOUT_PAGE), LAYOUT_GOLD, form)
    lines = text.split("\n")
    if form == "related":
        expected = LAYOUT_PAGE[:-1] + ["Related", *module._TEASERS] + LAYOUT_PAGE[-1:]
    if form in ("section", "breadcrumb"):
        expected[1] = lines[1]  # the label is chosen by page id
        assert lines[1] in ("POLITICS", "News > World", "Business") or lines[1].endswith("> " + LAYOUT_PAGE[1])
    assert lines == expected
    assert gold == {**LAYOUT_GOLD, "layout": form}
    assert module.relayout("No title here", LAYOUT_GOLD, form) == ("No title here", {**LAYOUT_GOLD, "layout": "none"})


OTHER_TEASERS = ["Storm leaves thousands without power across the region",
                 "Police name suspect in downtown robbery investigation",
                 "Local bakery celebrates its centenary with free cakes",
                 "Five things to know before filing your taxes"]
PHOTO_BOX = ["News", "Comments (8)", "(Image credit: Jo Roe)"]


QUESTION_HEADLINE = "What does the new budget cut? Everything the council approved"


@pytest.mark.parametrize("lines, headline", [
    # the byline and date printed above the headline, under a section label that shares a word with the body
    (["City Budget News", "By Ann Lee", "March 3, 2023", HEADLINE, "Still counting.", *PHOTO_BOX], HEADLINE),
    (["City Budget News", "By Ann Lee", "March 3, 2023", HEADLINE, DEK, *PHOTO_BOX], HEADLINE),
    (["Council Budget", "Ann Lee", "Updated 3 hours ago", HEADLINE, "Advertisement",
      "Council members at city hall on Tuesday.", "Photo: Jo Roe/Reuters"], HEADLINE),
    (["City Budget News", "By Ann Lee", "March 3, 2023", QUESTION_HEADLINE, *PHOTO_BOX], QUESTION_HEADLINE),
])
def test_a_headline_under_its_byline_and_date_is_no_dek(lines, headline):
    assert parse_page_text("\n".join(["Home", *lines, *PARAGRAPHS]))["headline"] == headline


@pytest.mark.parametrize("lines, headline", [
    # a dek under the byline stays a dek when a title of five or more words is above the byline
    ([HEADLINE, "By Ann Lee", "March 3, 2023", "Officials cut road spending to pay for more teachers", *PHOTO_BOX],
     HEADLINE),
    # a caption under the byline is no headline
    ([HEADLINE, "By Ann Lee", "March 3, 2023", "The council chamber during the budget vote on Tuesday.",
      "Photo: Jo Roe/Reuters"], HEADLINE),
])
def test_lines_under_a_byline_below_a_headline_stay_deks_and_captions(lines, headline):
    assert parse_page_text("\n".join(["Home", *lines, *PARAGRAPHS]))["headline"] == headline


@pytest.mark.parametrize("label, under", [
    ("Most read", [DEK, "Budget talks", DEK]),  # a dek the page repeats: it does not anchor the headline
    ("Most read", ["Politics", "Comments (8)", DEK, "(Image credit: Jo Roe)"]),
    ("Trending now", ["Politics", "Comments (8)", DEK, "(Image credit: Jo Roe)"]),
])
def test_the_headline_under_a_most_read_list_is_not_its_teasers_dek(label, under):
    text = "\n".join(["Home", "Sign in", label, *OTHER_TEASERS, HEADLINE, *under, *PARAGRAPHS])
    assert parse_page_text(text)["headline"] == HEADLINE


@pytest.mark.parametrize("lines", [
    # a "Top stories" list between the header and the article: its last entry is no headline
    [HEADLINE, "By Ann Lee", "March 3, 2023", "Top stories", *OTHER_TEASERS],
    ["Most read", *OTHER_TEASERS, "Politics", HEADLINE, "By Ann Lee"],
    ["Most popular", "1", OTHER_TEASERS[0], "2", OTHER_TEASERS[1], HEADLINE, *PHOTO_BOX],
])
def test_teaser_list_entries_are_not_headlines(lines):
    assert parse_page_text("\n".join(["Home", *lines, *PARAGRAPHS]))["headline"] == HEADLINE


@pytest.mark.parametrize("buttons, bonus", [
    ([f"Share on {network}" for network in ("Facebook", "Twitter", "Reddit", "Email", "Flipboard", "LinkedIn")]
     + ["Print", "Copy link", "Save"], True),  # a share bar does not push the article out of the byline's reach
    ([f"Council members met for the {n}th time" for n in range(9)], False),  # other lines do
])
def test_the_byline_bonus_reaches_past_a_share_bar(buttons, bonus):
    lines = ["By Ann Lee", "March 3, 2023", HEADLINE, *buttons, *PARAGRAPHS]
    info = [copied_page._line_info(line) for line in lines]
    scores = copied_page._with_byline_bonus(lines, info)
    first = lines.index(PARAGRAPHS[0])
    assert (scores[first] - info[first]["score"] == copied_page._BYLINE_BONUS) is bonus

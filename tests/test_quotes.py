"""Tests for the quotes stage (issue 3): direct, mixed and indirect quotes with their speakers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import quotes
from analysis.load import RawArticle, load_paths
from analysis.normalise import normalise
from analysis.quotes import extract_quotes, headline_quotes, sources_summary
from analysis.segment import segment
from analysis.schema import columns
from benchmarks.eval_quotes import GUM_XML, evaluate_gum

from conftest import REPO, SEED


def quotes_of(body: str) -> list[dict]:
    paragraphs, sentences = segment("t", body)
    return extract_quotes({"article_id": "t", "body": body, "headline": ""}, paragraphs, sentences)


def assert_offsets(body: str, rows: list[dict]) -> None:
    for row in rows:
        assert body[row["start"]:row["end"]] == row["text"]
        assert row["text"].strip() == row["text"] and row["text"]


@pytest.fixture(scope="module")
def seed():
    article = normalise(next(item for item in load_paths([str(SEED)]) if isinstance(item, RawArticle)))
    paragraphs, sentences = segment(article["article_id"], article["body"])
    return article, extract_quotes(article, paragraphs, sentences)


def test_seed_direct_quotes_are_michael_evans_with_his_role(seed):
    _, rows = seed
    direct = [r for r in rows if r["kind"] == "direct"]
    assert len(direct) == 2
    assert direct[0]["text"].startswith("It’s clear that no matter how much action we take")
    assert direct[1]["text"].startswith("In the face of all of the results Alibaba has delivered")
    assert {(r["speaker"], r["speaker_role"]) for r in direct} == {("Michael Evans", "Alibaba Group president")}
    assert [r["cue"] for r in direct] == ["said", "added"]
    assert [r["speaker_mention"] for r in direct] == ["Michael Evans", "Evans"]


@pytest.mark.parametrize("start, speaker, mention", [
    ("in 2016 the proactive cases were 26 times higher", "Alibaba", "it"),
    ("1,000 arrests had been made so far", "Michael Evans", "he"),
])
def test_seed_indirect_statements_resolve_pronouns(seed, start, speaker, mention):
    _, rows = seed
    row = next(r for r in rows if r["text"].startswith(start))
    assert (row["kind"], row["speaker"], row["speaker_mention"], row["cue"]) == ("indirect", speaker, mention, "said")


def test_seed_notorious_markets_is_not_a_quotation(seed):
    article, rows = seed
    assert "notorious markets" in article["body"]
    assert not any("notorious markets" in r["text"] for r in rows)
    assert_offsets(article["body"], rows)


def test_rows_have_the_contract_columns(seed):
    _, rows = seed
    for row in rows:
        assert set(columns("quotes")) <= set(row)
        assert 0 <= row["confidence"] <= 1
    assert [r["quote_id"] for r in rows] == list(range(len(rows)))


@pytest.mark.parametrize("body, expected", [
    # split quote: both fragments, one speaker, role from apposition
    ("“We are confident,” said Jane Doe, the city’s transport director. “It will be safe.”",
     [("direct", "We are confident,", "Jane Doe", "the city’s transport director"),
      ("direct", "It will be safe.", "Jane Doe", "the city’s transport director")]),
    # colon-introduced
    ("Evans added: “This will not deter us.”", [("direct", "This will not deter us.", "Evans", "")]),
    # speaker after the quote, inverted
    ("“Prices will rise,” the bank’s chief economist Anna Berg warned on Monday.",
     [("direct", "Prices will rise,", "Anna Berg", "the bank’s chief economist")]),
    # multi-paragraph: the first paragraph's quote is reopened, not closed
    ("Ann Lee said: “We started the work in May.\n\n“We will finish it next year.”",
     [("direct", "We started the work in May.", "Ann Lee", ""),
      ("direct", "We will finish it next year.", "Ann Lee", "")]),
    # pull quote with a dash
    ("“Nothing is impossible.” — Ann Lee", [("direct", "Nothing is impossible.", "Ann Lee", "")]),
    # partial quote inside reported speech is a mixed quote
    ("Andrew Turnage, the commission’s executive director, said the rules were “clear and fair.”",
     [("mixed", "the rules were “clear and fair.”", "Andrew Turnage", "the commission’s executive director")]),
    # British single quotes
    ("‘We will not give up,’ said Tom Price.", [("direct", "We will not give up,", "Tom Price", "")]),
])
def test_direct_and_mixed_quotes(body, expected):
    rows = quotes_of(body)
    assert_offsets(body, rows)
    assert [(r["kind"], r["text"], r["speaker"], r["speaker_role"]) for r in rows] == expected


@pytest.mark.parametrize("body, mention, speaker, role", [
    ("Alibaba Group president Michael Evans was in Beijing on Monday.\n\n“It is unfair,” he said.",
     "he", "Michael Evans", "Alibaba Group president"),
    ("Michael Evans spoke first.\n\n“It is unfair,” Evans said.", "Evans", "Michael Evans", ""),
    ("Alibaba published its figures on Monday.\n\nThe company said the process was flawed and biased.",
     "The company", "Alibaba", ""),
    # nothing to resolve to: leave the speaker empty rather than guess
    ("“We will appeal,” she said.", "she", "", ""),
    # the subject, not a place in an aside, an object before "saying" or the next sentence's cue
    ("Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to win.”", "Clinton", "Clinton", ""),
    ("His office put out a statement saying the U.S. “cannot vet every refugee.”", "His office", "", ""),
    ("Sanders said the comment “was inappropriate.” He writes often.", "Sanders", "Sanders", ""),
    ("And then Trump went fully on the attack, saying, “Obama must resign.”", "Trump", "Trump", ""),
])
def test_speaker_resolution(body, mention, speaker, role):
    rows = quotes_of(body)
    row = rows[-1]
    assert (row["speaker_mention"], row["speaker"], row["speaker_role"]) == (mention, speaker, role)


@pytest.mark.parametrize("body, text, mention, cue", [
    ("Officials told Reuters that the bridge would reopen in March.",
     "the bridge would reopen in March", "Officials", "told"),
    ("According to the report, sales fell by 5% last year.", "sales fell by 5% last year", "the report", "According to"),
    ("The bridge will reopen in March, the mayor said.", "The bridge will reopen in March", "the mayor", "said"),
    ("Smith warned that the plan would fail.", "the plan would fail", "Smith", "warned"),
])
def test_indirect_quotes(body, text, mention, cue):
    rows = quotes_of(body)
    assert [(r["kind"], r["text"], r["speaker_mention"], r["cue"]) for r in rows] == [("indirect", text, mention, cue)]


@pytest.mark.parametrize("body, expected", [
    # two coordinated clauses, each with its own speaker
    ("Cruz said the plan would fail, while Trump argued that it would work well.",
     [("the plan would fail", "Cruz", "said"), ("it would work well", "Trump", "argued")]),
    # one subject, two cues
    ("Smith blamed the delay on the weather and said the bridge would reopen in March.",
     [("the delay on the weather", "Smith", "blamed"), ("the bridge would reopen in March", "Smith", "said")]),
    # a relative clause with its own cue inside the content of another
    ("Grayson criticized his opponents for their hostility, which he argued seeks to restrict voting.",
     [("his opponents for their hostility", "Grayson", "criticized"), ("seeks to restrict voting", "he", "argued")]),
    # a setting between the cue and the content
    ("Bernanke said in April that the spending cuts had hurt the economy.",
     [("the spending cuts had hurt the economy", "Bernanke", "said")]),
    # a title-case headline
    ("Bellwether County Says Trump Should Win Nomination.",
     [("Trump Should Win Nomination", "Bellwether County", "Says")]),
    # a bare plural subject and a noun-like cue
    ("Exit polls show the senator won most young voters.", [("the senator won most young voters", "Exit polls", "show")]),
    # reported speech after a direct quote in the same sentence
    ("“We will win,” Jones said, adding that the campaign had raised record sums.",
     [("We will win,", "Jones", "said"), ("the campaign had raised record sums", "Jones", "adding")]),
])
def test_several_attributions(body, expected):
    rows = quotes_of(body)
    assert_offsets(body, rows)
    assert [(r["text"], r["speaker_mention"], r["cue"]) for r in rows] == expected


@pytest.mark.parametrize("body, text, mention, cue", [
    # a line break ends a sentence even where the segmenter did not split (live blogs)
    ("He called it a “setback.”\nCruz said that he had apologized to Carson.", "he had apologized to Carson",
     "Cruz", "said"),
    # a parenthetical cue: the content follows it
    ("This campaign, he says, is different from all the others.", "is different from all the others", "he", "says"),
    # counts and shares of people as speakers (polls)
    ("Six in 10 say he is at least somewhat decisive.", "he is at least somewhat decisive", "Six in 10", "say"),
    ("36 percent of Democrats said they were willing to switch.", "they were willing to switch",
     "36 percent of Democrats", "said"),
    ("Most said they would vote for him.", "they would vote for him", "Most", "said"),
    # a cue as the infinitive of another verb
    ("He continues to insist that he will fight on.", "he will fight on", "He", "insist"),
    # verbs of belief and knowledge, first person included
    ("Republicans believe the tax plan will pass.", "the tax plan will pass", "Republicans", "believe"),
    ("I think the plan will fail badly.", "the plan will fail badly", "I", "think"),
    ("They know that the plan failed.", "the plan failed", "They", "know"),
    # "According" opening a sentence; an introductory phrase before the subject
    ("According to the results, Clinton increases her lead.", "Clinton increases her lead", "the results", "According to"),
    ("In response, Twitter said it investigated the threats.", "it investigated the threats", "Twitter", "said"),
    ("Over the long term, according to the budget office, deficits will rise.", "deficits will rise",
     "the budget office", "according to"),
    ("He went on to say the plan had failed.", "the plan had failed", "He", "say"),
    ("Ryan told CNN’s Jake Tapper he would support Trump.", "he would support Trump", "Ryan", "told"),
    # a stance adjective (in a sentence the rules read: here the apostrophe makes it one)
    ("The senators’ staff are confident that the bill will pass.", "the bill will pass", "The senators’ staff",
     "are confident"),
    # a relative "who" subject, and a home town between the speaker and the cue
    ("He met Jones, who said the plan would fail badly.", "the plan would fail badly", "who", "said"),
    ("Sandy Phillips of Aurora, Colorado, said the plan had failed.", "the plan had failed", "Sandy Phillips", "said"),
    # a long relative clause or a bracket between the speaker and the cue
    ("Dunwoody, who worked for Barack Obama in the 2008 primary and on into the general election, said "
     "tensions were high.", "tensions were high", "Dunwoody", "said"),
    ("Sen. Rob Portman (R-Ohio), another incumbent, said he had not thought about it.", "he had not thought about it",
     "Rob Portman", "said"),
    # a speaker label (headlines, interview transcripts)
    ("Sanders: Endorsements prove Clinton is the establishment candidate",
     "Endorsements prove Clinton is the establishment candidate", "Sanders", ":"),
    ("Q: How did things go for you?", "How did things go for you", "Q", ":"),
    # a passive cue with its agent
    ("The plan was criticized by Senator Jane Doe.", "The plan", "Jane Doe", "criticized"),
    # phrasal cues, and a stance whose object alone is the content
    ("Smith pointed out that the bridge was old.", "the bridge was old", "Smith", "pointed"),
    ("He talked about immigration policy at length.", "immigration policy at length", "He", "talked"),
    ("The union endorsed Sanders.", "Sanders", "The union", "endorsed"),
    # a trailing cue whose speaker has a determiner and adjectives, or "as" before it
    ("Deficits will rise again this year, the nonpartisan Budget Office reported.",
     "Deficits will rise again this year", "Budget Office", "reported"),
    ("Ailes also met with Mr. Trump that day, as The New York Times reported.",
     "Ailes also met with Mr. Trump that day", "New York Times", "reported"),
    # a poll as the source of a finding
    ("In an early CBS News poll, she led Mr. Sanders by 24 points.", "she led Mr. Sanders by 24 points",
     "an early CBS News poll", "In"),
    ("He fell to 10 percent in the latest CNN/ORC poll released Wednesday.", "He fell to 10 percent",
     "the latest CNN/ORC poll released Wednesday", "in"),
    # a title-case headline cue
    ("Hedge Funds Support Hillary Clinton", "Hillary Clinton", "Hedge Funds", "Support"),
    # coordinated plural speakers; a clause opened by "in which"
    ("Her advisers and allies say she will spend the coming weeks on her message.",
     "she will spend the coming weeks on her message", "Her advisers and allies", "say"),
    ("He gave an interview, in which he said he did not support the lawsuit.", "he did not support the lawsuit",
     "he", "said"),
])
def test_indirect_attribution_patterns(body, text, mention, cue):
    rows = [r for r in quotes_of(body) if r["kind"] == "indirect"]
    assert_offsets(body, rows)
    assert [(r["text"], r["speaker_mention"], r["cue"]) for r in rows] == [(text, mention, cue)]


@pytest.mark.parametrize("body, text, cue", [
    ("The court seemed to send a signal to Congress.", "to send a signal to Congress", "seemed"),
    ("The sale is expected to close in March.", "to close in March", "expected"),
    ("When asked whether he would run again, Smith smiled.", "whether he would run again", "asked"),
])
def test_attributions_without_a_source_keep_the_speaker_empty(body, text, cue):
    rows = quotes_of(body)
    assert [(r["kind"], r["text"], r["speaker_mention"], r["speaker"], r["cue"]) for r in rows] == \
        [("indirect", text, "", "", cue)]


def test_a_later_clause_after_a_trailing_cue_is_searched_too():
    body = "The jet was insured for 35 million dollars, records show, and experts say it is worth less now."
    rows = quotes_of(body)
    assert [(r["text"], r["speaker_mention"]) for r in rows] == [
        ("The jet was insured for 35 million dollars", "records"), ("it is worth less now", "experts")]


@pytest.mark.parametrize("body", [
    "He was told to wait outside the hall.",                         # passive: no speaker
    "The senator appeared on television on Sunday.",                 # "appeared" without "to"
    "Note: This story was updated on Monday.",                       # not a speaker label
    "Image: John Smith.",
    "Trump said late last week.",                                    # settings, not content
    "She said to rousing applause.",
    "He explained with a smile.",
    '<tweet tweet-author="@x">Hello to the world</tweet>',           # markup, not a cue
    "The company has 10 offices in the city.",                       # a number is not a speaker
    "Voters in the poll came from all fifty states.",                # a poll that reports nothing
    "Several states joined him in the end.",                         # "states" after a count is a noun
    "Contributing: Deborah Berry",                                   # a credit line, not a speaker
    "Sanders said in 2011.",                                         # a setting only
    "They know him well from the campaign.",                         # a common verb without a clause
    "The senators’ staff are ready for the vote.",                   # an adjective without "that"/"to"/"of"

    "Mr. Lew said at the opening session of the talks in Beijing.",  # a setting, not content
    "In an interview, Durbin said on Thursday.",                     # an introductory phrase
])
def test_not_reported_speech(body):
    assert [r for r in quotes_of(body) if r["kind"] == "indirect"] == []


@pytest.mark.parametrize("body, mention", [
    ("“It is over,”\xa0CBS News reported.", "CBS News"),             # a no-break space
    ("“It is over,” one senior Democrat said.", "Democrat"),
    ("“It is over,” says a narrator.", "a narrator"),
    ("Later, Trump issued a statement, “It is over.”", "Trump"),
    ("“It is over,” read the statement.", "the statement"),
    ("“It is over,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.", "Chuck Schumer"),  # party in brackets
    ("“It is over,” Texas-based Matt Mackowiak said.", "Matt Mackowiak"),            # hyphenated pre-modifier
    ("“It is over,” Robert McDuff, attorney for one of four groups to file suit over the law, said.",
     "Robert McDuff"),                                                               # a long apposition
    ("“It is over,” the assailant, John McGraw, told the program.", "John McGraw"),  # role, Name, cue
    ("“It is over,” the email said.", "the email"),                                  # a cue word as a noun
    ("Sam Lau, a spokesman for the party, said in a statement. “It is over.”", "Sam Lau"),  # previous sentence
    ("“It is over,” according to CNN.", "CNN"),                                      # "according to" after
    ("Another source speaking to Fox News said, “It is over.”", "Another source"),  # not the outlet spoken to
    ("“It is over,” the chief of staff, Joe Kasper, told POLITICO.", "the chief of staff"),  # nor the one told
])
def test_speaker_found(body, mention):
    rows = quotes_of(body)
    assert [(r["kind"], r["speaker_mention"]) for r in rows] == [("direct", mention)]


@pytest.mark.parametrize("body", [
    "Taobao was placed on the ‘notorious markets’ list again.",      # modifier of a noun
    "It joined the ‘notorious markets’ list, which highlights fakes.",  # even with a cue word
    'She starred in "Orange Is the New Black" for years.',           # a title
    'The so-called "experts" were wrong about the bridge.',          # scare quote
    "The band played “Hope” at the end of the night.",              # a name
    "It’s the company’s third attempt; the owners’ plans changed.",  # apostrophes only
    'The 12" screen and the 15" one were both sold out.',            # inch marks
    "The bridge reopened in March after repairs.",                   # no quote at all
    "He appeared on “Meet the Press” while critics said nothing.",  # a title, with a cue elsewhere
])
def test_not_quotations(body):
    assert quotes_of(body) == []


@pytest.mark.parametrize("body", [
    "",
    "   \n\n  ",
    "“",
    "”",
    '"""',
    "'''",
    "He said “this never closes.\n\nNext paragraph without quote.",
    "“One” “two” ‘three’ \"four\" 'five' ” ‘ “" * 50,
    "x" * 200_000,
    "“" + "word " * 5000,
    "Ünïcödé “ẞtraße” said Zoë.\n\n\u200b“\u00a0”",
])
def test_bad_input_never_raises_and_offsets_hold(body):
    rows = quotes_of(body)
    assert_offsets(body, rows)


def test_unclosed_quote_closes_at_paragraph_end_with_low_confidence():
    body = "He said “this never closes.\n\nNext paragraph without quote."
    rows = quotes_of(body)
    assert [(r["text"], r["confidence"] < 0.5) for r in rows] == [("this never closes.", True)]


@pytest.mark.parametrize("headline, expected", [
    ("Alibaba labels USTR’s notorious markets list a ‘flawed, biased and politicized process’ after Taobao inclusion",
     ["flawed, biased and politicized process"]),
    ("Mayor says bridge is “safe”", ["safe"]),
    ("Mayor’s bridge reopens", []),
    ("", []),
])
def test_headline_quotes(headline, expected):
    assert [q["text"] for q in headline_quotes(headline)] == expected


def test_sources_summary_on_the_seed(seed):
    article, rows = seed
    summary = sources_summary(pd.DataFrame(rows), pd.DataFrame([article]))
    evans = summary.set_index("speaker").loc["Michael Evans"]
    assert (evans["role"], evans["n_quotes"], evans["n_direct"], evans["n_indirect"]) == ("Alibaba Group president", 3, 2, 1)
    assert evans["words_quoted"] > 100 and 0 < evans["share"] < 1
    assert summary["share"].sum() <= 1
    assert summary.iloc[0]["speaker"] == "Michael Evans"  # the biggest voice first


def test_sources_summary_empty():
    assert sources_summary(pd.DataFrame(columns=columns("quotes")), "Some body text.").empty


def test_offsets_hold_on_the_bundled_corpus():
    items = [item for item in load_paths([str(REPO / "data" / "raw" / "wikinews")]) if isinstance(item, RawArticle)]
    n_rows = 0
    for item in items[::5]:
        article = normalise(item)
        rows = extract_quotes(article, *segment(article["article_id"], article["body"]))
        assert_offsets(article["body"], rows)
        n_rows += len(rows)
    assert n_rows > 100


def test_gum_gold_quotations():
    """GUM news (bundled, CC BY): hand-marked quotations are found, titles and scare quotes mostly not."""
    scores = evaluate_gum(GUM_XML)
    precision, recall, _ = scores["direct quote"].prf()
    assert recall >= 0.9 and precision >= 0.75


@pytest.mark.parametrize("body, title", [
    ('Trump said on MSNBC\'s "Morning Joe" that the race was over.', "Morning Joe"),     # after a possessive
    ('She told the television program "Inside Edition" that she was sorry.', "Inside Edition"),  # a work noun
    ('"Posthumous books could come with dollar signs," by Boston Globe\'s Joseph Kahn.', "Posthumous"),  # credited
    ('According to the coach, the team\'s robot, named "Better Idea of Girls," scored.', "Better Idea"),  # a name
])
def test_work_titles_are_not_quotes_even_with_a_cue(body, title):
    assert [r for r in quotes_of(body) if r["kind"] != "indirect" and title in r["text"]] == []


@pytest.mark.parametrize("body, mention", [
    ('“It is over,” by all accounts, Smith said.', "Smith"),          # "by" without a name: still a quote
    ('The book "was a disaster," Smith said.', "Smith"),              # after a work noun, not a title
    ('Trump called him "A Total Loser" on Monday.', "Trump"),         # a naming verb that reports
    ("Ryan and Trump will meet, Spicer said, adding, “They need to talk.”", "Spicer"),  # cue, adding
    ("“It is over,” the editorial read.", "the editorial"),
    ("Over the long term, according to the budget office, the deficit “is mainly due to aging.”",
     "the budget office"),                                            # according to, then a mixed quote
    ("“Boots on the ground” would be right, Republican candidate Ben Carson said after the attacks.",
     "Ben Carson"),                                                   # pre-modified name in a trailing cue
    ("“For teachers, he is saying the right things” about inequality, said Jane Doe, executive director "
     "of the activist group Teachers United in Ohio.", "Jane Doe"),  # a long role after a trailing cue
])
def test_quote_speakers_of_this_round(body, mention):
    rows = [r for r in quotes_of(body) if r["kind"] != "indirect"]
    assert [r["speaker_mention"] for r in rows] == [mention]


@pytest.mark.parametrize("body, mention, cue", [
    ("The authors found that voters chose extreme lawmakers.", "The authors", "found"),  # past form after a noun
    ("Republicans are now positing that Trump could win.", "Republicans", "positing"),
    ("The Department of Homeland Security said it followed all procedures.",
     "Department of Homeland Security", "said"),                                        # "of" inside a name
    ("In the poll, Smith led Jones by ten points.", "the poll", "In"),
    ("She has not called for him to resign.", "She", "called"),                          # not a naming verb here
    ("On Sunday, Clinton, the front-runner, called on tech companies to act.", "Clinton", "called"),
    ("Sanders was asked by host John Dickerson whether his aim was similar.", "John Dickerson", "asked"),
    ("Wilcox, whose education was paid for by the Reserve Officers’ Training Corps (ROTC) program, said he "
     "would like more students to get chances.", "Wilcox", "said"),                     # brackets in a relative
])
def test_indirect_sources_of_this_round(body, mention, cue):
    assert [(r["speaker_mention"], r["cue"]) for r in quotes_of(body) if r["kind"] == "indirect"] == [(mention, cue)]


@pytest.mark.parametrize("body", [
    "The money found in the house was returned.",                    # a participle, not a finding
    "Fifteen percent of voters in the poll were undecided about the race.",  # the poll is no source here
    "Her claims that the vote was rigged were dismissed.",           # a noun after a possessive
    "A play called Sons of Trump opens on Friday night.",            # naming, not reporting
    "The war continues to rage in the north of the country.",        # "continues" without a quote
])
def test_not_indirect_sources_of_this_round(body):
    assert [r for r in quotes_of(body) if r["kind"] == "indirect"] == []


@pytest.mark.parametrize("body, expected", [
    ("‘A fight from start to finish.’\n\nThe race ended on Monday.", []),  # a headline in single marks
    ("''It is over,'' he said.\n\n''We won the race and we will win again.''",      # wire-style double marks
     ["It is over,", "We won the race and we will win again."]),
    ("The coach said: ‘We won the race.’", ["We won the race."]),            # not a line of its own
])
def test_single_quoted_lines(body, expected):
    assert [r["text"] for r in quotes_of(body) if r["kind"] == "direct"] == expected


@pytest.mark.parametrize("body, mentions", [
    ('Cruz accuses Obama of "leading from behind" and Trump says he is "losing the war on terrorism."',
     ["Cruz", "Trump"]),                                              # a mixed quote ends at the next clause
    ("Trump summed up Clinton as “terrible,” denounced her record and said she should not run.",
     ["Trump"]),                                                      # “…,” denounced X: X is the object
    ("Appearing before supporters at the party headquarters, Suu Kyi said it was early but added, “We won.”",
     ["Suu Kyi"]),                                                    # an opening participle is no name
    ("Manning, the coach, said he was happy and added, “We won.”", ["Manning"]),  # a name ending in -ing
    ("“Mexico!” the audience screamed back.", ["the audience"]),
    ("To alert the police, the message continues, “Please hold a sign over your head.”", ["the message"]),
    ("The page was replaced by a message that said, “Sorry, the item is gone.”", ["that"]),  # a relative
])
def test_mixed_and_inverted_cues(body, mentions):
    assert [r["speaker_mention"] for r in quotes_of(body) if r["kind"] != "indirect"] == mentions


@pytest.mark.parametrize("body, mentions", [
    # a participle after a quote never names its speaker: the clause before the quote does
    ("Paulson told investors that the concerns were “overblown,” adding that Valeant had upside.", ["Paulson"]),
    ("Obama remarked that there is still “more work to do,” noting flagging conditions in China.", ["Obama"]),
    ("“We won,” said Evans.", ["Evans"]),                                   # a finite inverted cue still names
    # the subject after an introductory phrase with a town and state, or a past participle
    ("At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders endorsed Clinton, saying she would "
     "“make an outstanding president.”", ["Bernie Sanders"]),
    ("“It will soften,” California Rep. Duncan Hunter’s chief of staff, Joe Kasper, told POLITICO.",
     ["Duncan Hunter’s chief of staff"]),                               # a title abbreviation before the name
    ("Led by the speaker, the rally denounced Trump’s call for “a total and complete shutdown.”", [""]),
    # an earlier fragment of the sentence takes the speaker of a later one
    ("The program was a “good thing” that yielded “good information,” he remarked.", ["he", "he"]),
])
def test_participles_and_earlier_fragments(body, mentions):
    assert [r["speaker_mention"] for r in quotes_of(body) if r["kind"] != "indirect"] == mentions


@pytest.mark.parametrize("body, title, is_quote", [
    ("Wednesday on Fox News Channel’s “Hannity,” Newt Gingrich said he would accept.", "Hannity", False),
    ("Gen. John Allen said on ABC's ''This Week'' that troops were in danger.", "This Week", False),
    ("The ad, entitled “Nuestra Historia,” features five speakers.", "Nuestra", False),   # a naming verb
    ("The company’s “Unacceptable,” she said, “was the word.”", "Unacceptable", True),   # no name: a quote
])
def test_more_titles_of_works(body, title, is_quote):
    assert any(title in r["text"] for r in quotes_of(body) if r["kind"] != "indirect") == is_quote


@pytest.mark.parametrize("body, expected", [
    # a participle clause after the content is its own attribution
    ("Carson said he plans to visit Libya after Christmas, insisting that the leaders were wrong.",
     [("Carson", "said", "he plans to visit Libya after Christmas"), ("Carson", "insisting", "the leaders were wrong")]),
    # a coordinated cue after an auxiliary
    ("Clinton has said she wants a safe zone in Syria and has expressed support for wider engagement.",
     [("Clinton", "said", "she wants a safe zone in Syria"), ("Clinton", "expressed", "support for wider engagement")]),
    ("The budget office said about half of the adjustment reflected losses.",        # an approximate number
     [("The budget office", "said", "about half of the adjustment reflected losses")]),
    ("Officials in Ohio said that the count was over.", [("Officials", "said", "the count was over")]),
    ("But according to reports in the media, he could not convince his family.",
     [("reports in the media", "according to", "he could not convince his family")]),
    ("Donald Trump was calling for change.", [("Donald Trump", "calling", "change")]),  # a phrasal cue
    ("In response, the Florida Republican would only say that the plan was worrisome.",  # a name after "the"
     [("Florida Republican", "say", "the plan was worrisome")]),
    ("But protest organizers in Cleveland say that the rules are too strict.",
     [("protest organizers", "say", "the rules are too strict")]),
    # a source closing the clause, as well as the one inside it
    ("The administration is planning to expand the program to more families, officials announced.",
     [("officials", "announced", "The administration is planning to expand the program to more families"),
      ("The administration", "planning", "to expand the program to more families")]),
    # semicolons separate clauses: the first clause is not the campaign's
    ("Most of the mayors have publicly endorsed her; last month, the campaign unveiled a list.",
     [("the campaign", "unveiled", "a list")]),
])
def test_indirect_rules_of_round_six(body, expected):
    rows = [(r["speaker_mention"], r["cue"], r["text"]) for r in quotes_of(body) if r["kind"] == "indirect"]
    assert rows == expected


@pytest.mark.parametrize("body", [
    "Although the state does not track the rates, the governor said on Monday.",    # an introductory clause
    "He said about the movement that it was growing.",                              # "about" a topic
])
def test_not_content_before_a_cue(body):
    starts = [r["text"] for r in quotes_of(body) if r["kind"] == "indirect"]
    assert not any(text.startswith(("Although", "about the movement")) for text in starts)


def test_trailing_cue_after_a_quote_paragraph():
    body = ("“The states know it.”\n\n"
            "If states fail in protecting students, the Department of Justice can step in, Wilcox said.")
    rows = [r for r in quotes_of(body) if r["kind"] == "indirect"]
    assert [(r["speaker_mention"], r["text"][:9]) for r in rows] == [("Wilcox", "If states")]


@pytest.mark.parametrize("body, speaker", [
    ("Q: How did it go?\n\nA: Badly. I think we lost the vote in the end.", "A"),   # I in an answer
    ("SANDERS: Thank you. I think we won the vote in the end.", "SANDERS"),
    ("Thank you all. I think we won the vote in the end.", ""),                        # no label: unresolved
])
def test_first_person_in_a_labelled_answer(body, speaker):
    rows = [r for r in quotes_of(body) if r["kind"] == "indirect" and r["speaker_mention"] == "I"]
    assert [r["speaker"] for r in rows] == [speaker]


@pytest.mark.parametrize("body, expected", [
    # a plain noun phrase opening the clause as the subject, where no known source noun ends it
    ("Several supporters of reform said it was more realistic to keep the system.",
     [("Several supporters of reform", "said", "it was more realistic to keep the system")]),
    ("Five past and current employees separately told The Post that the company offers no leave.",
     [("Five past and current employees", "told", "the company offers no leave")]),
    ("Caucus-goers were slightly more likely to say they preferred Clinton.",
     [("Caucus-goers", "say", "they preferred Clinton")]),
    # a long subject noun phrase after an opening phrase is the subject, not a relative clause
    ("Not surprisingly, Democrat socialist Sen. Bernie Sanders supports the proposal.",
     [("Bernie Sanders", "supports", "the proposal")]),
    ("More than half of respondents in the USA TODAY/Suffolk poll said the nation needs more parties.",
     [("Suffolk poll", "said", "the nation needs more parties")]),
    # a source after its content, also when a noun phrase could end before the cue
    ("Cruz lacks support from his colleagues in Congress, whom he has alienated, said Larry Sabato.",
     [("Larry Sabato", "said", "Cruz lacks support from his colleagues in Congress, whom he has alienated")]),
    ("His endorsement could matter more for identity politics, said Democratic strategist Hank Sheinkopf.",
     [("Hank Sheinkopf", "said", "His endorsement could matter more for identity politics")]),
    # settings and objects before the content
    ("Ginsburg said in an interview with The Associated Press last week that she was worried.",
     [("Ginsburg", "said", "she was worried")]),
    ("Podesta told the AP his firm worked closely with the nonprofit.",
     [("Podesta", "told", "his firm worked closely with the nonprofit")]),
    ("Richard Trumka told members of the AFL-CIO executive council that the body would not vote.",
     [("Richard Trumka", "told", "the body would not vote")]),
    ("Sam Jacobs explained to CBS why Merkel was selected above the others.",
     [("Sam Jacobs", "explained", "why Merkel was selected above the others")]),
    ("The report showed that during her first two years, most meetings were with donors.",
     [("The report", "showed", "during her first two years, most meetings were with donors")]),
    # appositions with an age, asides in dashes
    ("Jillian Chase, 27, a Tinder user in New York, said the election came up with her matches.",
     [("Jillian Chase", "said", "the election came up with her matches")]),
    ("Intelligence officials — including the NSA director — have long argued that data manipulation is possible.",
     [("Intelligence officials", "argued", "data manipulation is possible")]),
    # phrasal cues, and cues whose "with"/"on" phrase is the content
    ("Nearly 10 percent of them voted for Ben Carson.", [("Nearly 10 percent of them", "voted", "Ben Carson")]),
    ("The actors agree with the widespread repudiation of the plan.",
     [("The actors", "agree", "the widespread repudiation of the plan")]),
    ("Trump’s campaign has not commented on the reason for the change.",
     [("Trump’s campaign", "commented", "the reason for the change")]),
    ("He won two years ago by announcing the release of the tycoon.", [("He", "announcing", "the release of the tycoon")]),
    # more stance verbs, and verbs that are cues only in the past tense
    ("The senator assailed the new voting rules.", [("The senator", "assailed", "the new voting rules")]),
    ("Obama signed the trade bill into law.", [("Obama", "signed", "the trade bill into law")]),
    # a passive with its agent a few words on
    ("This proposal was rejected by 64 percent of the electorate.",
     [("64 percent of the electorate", "rejected", "This proposal")]),
    # a question put before the main clause, and views held by no one named
    ("Asked whether he would support Trump, Smith said he would.",
     [("", "Asked", "whether he would support Trump"), ("Smith", "said", "he would")]),
    ("Ginsburg is known for speaking her mind on other issues.", [("", "known", "speaking her mind on other issues")]),
    # further clauses with their own cue and subject, a relative clause with its own cue
    ("As he mentioned raising the minimum wage, she talked about her own plans.",
     [("he", "mentioned", "raising the minimum wage"), ("she", "talked", "her own plans")]),
    ("Rubio, who has criticized the deal, said the plan would fail.",
     [("who", "criticized", "the deal"), ("Rubio", "said", "the plan would fail")]),
    # reported content ends where a comma opens a clause with a new subject
    ("Clinton claimed the videos exist, the experts doubt that.", [("Clinton", "claimed", "the videos exist")]),
    # a later cue sharing the subject of a mixed quote
    ("Trump called the plans “an absolute disgrace,” and threatened to impose a tax on imports.",
     [("Trump", "threatened", "to impose a tax on imports")]),
])
def test_indirect_rules_of_round_seven(body, expected):
    rows = sorted((r["start"], r["speaker_mention"], r["cue"], r["text"]) for r in quotes_of(body) if r["kind"] == "indirect")
    assert [row[1:] for row in rows] == expected


@pytest.mark.parametrize("body", [
    "He was hit by a car on his way home.",                                  # a passive that reports nothing
    "The state of the race changed, and the plan failed in the end.",        # nouns that are also cues
    "Trump held a rally in Ohio, where the crowd was large.",                 # no cue at all
    "The results of the primaries in most states came in late.",             # a plain noun phrase without a cue
    "The list of candidates will sign up at the campaign office.",           # "list" and "sign" as nouns or base forms
])
def test_not_indirect_sources_of_round_seven(body):
    assert [r for r in quotes_of(body) if r["kind"] == "indirect"] == []


@pytest.mark.parametrize("body, mention", [
    ("Winning Ohio was the goal, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”",
     "John Kasich"),                                                         # a name before its bracket
    ("Washington (AFP) – Democrat Hillary Clinton took a swipe at Trump, saying that “bombastic comments” hurt.",
     "Democrat Hillary Clinton"),                                            # not the dateline
])
def test_quote_speakers_of_round_seven(body, mention):
    rows = [r for r in quotes_of(body) if r["kind"] in {"direct", "mixed"}]
    assert [r["speaker_mention"] for r in rows] == [mention]


def test_a_participles_object_is_not_its_source():
    rows = quotes_of("Democrats in Congress, fearing the consequences, balked at the plan.")
    assert [r["speaker_mention"] for r in rows if r["kind"] == "indirect"] == ["Democrats"]


@pytest.mark.parametrize("body, quoted", [
    ("The refugee team listed their country as “Hope” on the backs of their shirts.", False),   # an act, a name
    ("The refugee team said their country was “Hope” on the backs of their shirts.", True),     # a report
])
def test_acts_do_not_make_names_quotations(body, quoted):
    assert bool([r for r in quotes_of(body) if r["kind"] in {"direct", "mixed"}]) == quoted


def test_markup_attributes_are_not_quotes():
    body = '<tweet pic="" author="someone" timestamp="1454346000">Hello there, friends of the show.</tweet>'
    assert [r for r in quotes_of(body) if r["kind"] in {"direct", "mixed"}] == []


@pytest.mark.parametrize("body, fragment, mention", [
    # a quote closed without punctuation, then a noun: no inverted "“…,” role Name said"
    ("The “wise Latina” phrase Grassley cited on Wednesday has appeared in speeches.", "wise Latina", ""),
    # with its comma, the words after the quote are the speaker's role
    ("“We will win,” screenwriter Cole Haddon wrote on Monday.", "We will win,", "Cole Haddon"),
])
def test_words_after_an_unpunctuated_quote_are_no_role(body, fragment, mention):
    rows = quotes_of(body)
    assert_offsets(body, rows)
    found = [r for r in rows if fragment in r["text"]]
    assert [r["speaker_mention"] for r in found if r["kind"] == "direct"] == ([mention] if mention else [])


@pytest.mark.parametrize("body, quoted", [
    ("She called the plan ‘a flawed, biased and politicized process’ on Monday.", ["a flawed, biased and politicized process"]),
    ("He said 'we will not back down' and left.", ["we will not back down"]),
    ("It’s the company’s view, and Evans’ statement didn’t say otherwise.", []),  # apostrophes only
    ("Trump’s ‘America First’ plan, he said, isn’t new.", ["America First"]),
])
def test_single_quote_marks_and_apostrophes(body, quoted):
    from analysis.quotes import find_quote_spans
    paragraphs, _ = segment("t", body)
    assert [body[f.start:f.end] for f in find_quote_spans(body, paragraphs)] == quoted


@pytest.mark.parametrize("body, fragment, mention", [
    # a bare phrase opening a paragraph is neither the last speaker's nor the lead-in's words
    ("“We will win this race,” Smith said.\n\n“open door” became the slogan of the week.", "open door", None),
    ("Smith told the crowd on Monday:\n\n“open door” became the slogan of the week.", "open door", None),
    # a sentence of its own is
    ("“We will win this race,” Smith said.\n\n“We will keep the door open.”", "We will keep the door open.", "Smith"),
    ("Smith told the crowd on Monday:\n\n“We will keep the door open.”", "We will keep the door open.", "Smith"),
])
def test_bare_phrases_take_no_speaker_from_earlier_sentences(body, fragment, mention):
    rows = [r for r in quotes_of(body) if r["text"] == fragment]
    assert [r["speaker_mention"] for r in rows] == ([mention] if mention else [])


@pytest.mark.parametrize("body, fragment, mention", [
    # a pronoun opening reported speech stands for the reporting subject
    ("Smith said he rarely asks friends to help, “except for people I’m close to.”", "except", "Smith"),
    ("Smith said that she rarely asks friends to help, “except for people I’m close to.”", "except", "Smith"),
    # not after an addressee, nor without a reporting cue
    ("Smith told reporters that he rarely asks friends to help, “except for people I’m close to.”", "except", "he"),
    ("He rarely asks friends to help, “except for people I’m close to.”", "except", "He"),
    # a concessive clause after a quote is no trailing cue, and ends the mixed quote
    ("Smith said he believes the war was “a terrible mistake,” although he supports the troops.", "mistake", "Smith"),
    ("“It was a terrible mistake,” although he supports the troops.", "mistake", ""),
    ("“It was a terrible mistake,” adviser Jane Doe said.", "mistake", "Jane Doe"),
    # an opening adverb or "amid" phrase is no subject; a name ending in -ly is
    ("Shortly after Smith’s speech ended, the senator took a swipe at “the billionaire class.”", "billionaire",
     "the senator"),
    ("Amid Smith’s long speech, the senator took a swipe at “the billionaire class.”", "billionaire", "the senator"),
    ("Kelly took a swipe at “the billionaire class.”", "billionaire", "Kelly"),
    ("Kelly in a speech took a swipe at “the billionaire class.”", "billionaire", "Kelly"),
])
def test_speakers_of_round_nine(body, fragment, mention):
    rows = [r for r in quotes_of(body) if r["kind"] in {"direct", "mixed"} and fragment in r["text"]]
    assert_offsets(body, rows)
    assert [r["speaker_mention"] for r in rows] == [mention]
    if "although" in body:
        assert "although" not in rows[0]["text"]


@pytest.mark.parametrize("text", [
    "", "said", "Blair said: “We won’t.”", "naïve café owners said", "U.S.-led talks", "x" * 300 + " said",
    "emoji 😀said👍 he", "tab\tsaid\nnew line", "ÜNÏCÖDÉ", "don't", "ʼsaid", "1990s said2 _said_ said_",
    "lone \ud800 surrogate said", "\u00a0said\u2009told\u200bwrote",
])
def test_letters_split_into_the_ascii_letter_words_of_any_slice(text):
    # the guard _relevant reads words through, against the regular expression it replaces
    letters = quotes._letters(text)
    assert len(letters) == len(text)
    for start, end in [(0, len(text)), (1, len(text) - 1), (len(text) // 3, 2 * len(text) // 3)]:
        assert letters[start:end].split() == re.findall("[A-Za-z]+", text[start:end])


_CLAUSES = [
    "The company is planning to cut 500 jobs, officials announced on Monday.",
    "Smith said the plan would fail, and analysts warned that costs would rise, the report said.",
    "He said he would stay, according to aides.",
    "“We will win,” said Jones, the party’s chairman, who added that polls were wrong.",
    "Experts say the drug works, records show, and doctors agree.",
    "The minister denied the claims; her office said she had done nothing wrong, officials told Reuters.",
    "Mr Blair told MPs the war was legal, insisting it was right, his spokesman said.",
    "Sales rose 5% last year.",  # no cue at all
    "She said.",
    "Asked whether he would run, Smith said he was thinking about it, a source close to him said.",
    "“It was a mistake,” screenwriter Cole Haddon wrote. Haddon wrote that it was over.",  # role from the words before
]


def _kept_doc(body, monkeypatch):
    """The stage's ``_Doc`` of ``body`` after the stage ran on it, and the fresh one."""
    seen = []
    prepare = quotes._prepare
    monkeypatch.setattr(quotes, "_prepare", lambda *args: seen.append(prepare(*args)) or seen[-1])
    quotes_of(body)
    monkeypatch.undo()
    return seen[0], prepare(body, segment("t", body)[1])


@pytest.mark.parametrize("body", _CLAUSES + [" ".join(_CLAUSES)])
def test_subjects_kept_per_article_are_those_computed_afresh(body, monkeypatch):
    # the rules share the kept mentions: none may have changed one after it was kept
    doc, fresh = _kept_doc(body, monkeypatch)
    assert any(doc.subjects.values()) != body.startswith(("Sales", "She said", "He said he would stay"))
    for (cue, floor), mention in doc.subjects.items():
        assert mention == quotes._subject_before(fresh, cue, floor)


@pytest.mark.parametrize("body, has_later_source", [
    (body, body.startswith(("The company", "Smith said", "“We will", "The minister", "Mr Blair"))) for body in _CLAUSES])
def test_later_trailing_source_agrees_with_the_unguarded_search(body, has_later_source, monkeypatch):
    # the guard (a cue word after ``cue``) against _trailing_source filtered afterwards
    _, doc = _kept_doc(body, monkeypatch)
    found = 0
    for floor, limit in doc.sent_tokens:
        trailing = quotes._trailing_source(doc, floor, limit)
        for cue in range(floor, limit):
            unguarded = trailing if trailing is not None and trailing[0].cue_start > doc.idx[cue] else None
            assert quotes._later_trailing_source(doc, floor, limit, cue) == unguarded
            found += unguarded is not None
    assert (found > 0) == has_later_source

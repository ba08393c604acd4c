"""The claims stage: one row per sentence, check-worthiness, type, hedging and claimer."""

import json
import re

import pytest

from analysis import claims
from analysis.checkworthiness import MODEL_PATH, features, load_model, score
from analysis.schema import columns
from analysis.segment import segment

BODY = (
    "Officials said on Monday that the bridge would reopen in March.\n\n"
    "“We are confident,” said Jane Doe, the city’s transport director. “It will be safe.”\n\n"
    "The repairs cost $2.3 million, about 3.5% more than planned."
)


def analyse(body: str, quotes: list[dict] | None = None) -> list[dict]:
    article = {"article_id": "a1", "body": body}
    _, sentences = segment("a1", body)
    return claims.extract_claims(article, sentences, quotes or [])


def quote(kind: str, start: int, end: int, speaker: str = "Jane Doe", mention: str = "") -> dict:
    return {"kind": kind, "start": start, "end": end, "speaker": speaker, "speaker_mention": mention}


def test_one_row_per_sentence_with_contract_columns():
    _, sentences = segment("a1", BODY)
    rows = analyse(BODY)
    assert len(rows) == len(sentences) == 4
    threshold = load_model()["threshold"]
    for index, row in enumerate(rows):
        assert list(row) == columns("claims")
        assert row["claim_id"] == index and row["sentence_id"] == sentences[index]["sentence_id"]
        assert BODY[row["start"]:row["end"]] == row["text"]
        assert 0.0 <= row["checkworthiness"] <= 1.0
        assert row["is_claim"] == (row["checkworthiness"] >= threshold)
        assert row["claim_type"] in claims.CLAIM_TYPES
        assert isinstance(row["quantities"], list)
    assert json.dumps(rows)  # every cell is plain data
    assert rows[-1]["quantities"][0]["value"] == 2_300_000


@pytest.mark.parametrize("body", [
    "", "   ", "“Unbalanced quote. And another", "\u200b\ufeff\u202e 5 ½ 😀 ١٢٣.",
    "$$$ %%% 1,,,000 — “” ‘’", "No punctuation at all " * 5_000,
])
def test_bad_input_never_raises(body):
    rows = analyse(body, [quote("direct", 0, 5), {"kind": "indirect"}])
    assert all(0.0 <= row["checkworthiness"] <= 1.0 for row in rows)


@pytest.mark.parametrize("text", ["x" * 2_000_000, "1" * 100_000, "may " * 100_000, ""])
def test_huge_or_empty_sentence(text):
    sentence = {"article_id": "a1", "sentence_id": 0, "paragraph_id": 0, "start": 0, "end": len(text), "text": text}
    [row] = claims.extract_claims({"article_id": "a1"}, [sentence], [])
    assert 0.0 <= row["checkworthiness"] <= 1.0 and row["claimer"] == "reporter"
    assert json.dumps(row)  # what the table writer does with it


def test_no_sentences_no_rows():
    assert claims.extract_claims({"article_id": "a1"}, [], []) == []


@pytest.mark.parametrize("factual, opinion", [
    ("Unemployment rose to 8.5 percent in 2009, the highest rate in 26 years.", "Thank you very much."),
    ("The company paid $2.3 billion in taxes last year.", "I think that is a wonderful idea."),
    ("Police said 1,000 arrests had been made.", "Well, let me say this."),
])
def test_factual_sentences_score_higher(factual, opinion):
    assert score(factual) > load_model()["threshold"] > score(opinion)


@pytest.mark.parametrize("text, expected", [
    ("Unemployment stood at 3.5% in May.", "quantity"),
    ("Crime was 26 times higher than in 2015.", "comparison"),
    ("The road closed because of the flooding.", "causal"),
    ("The new airport will open in 2031.", "prediction"),
    ("The new law makes it illegal to sell knives to children.", "rule"),
    ("I grew up in a small town and I worked in a factory.", "personal_experience"),
    ("Smoking is linked to lung cancer.", "correlation"),
    ("This is a deeply flawed, biased and politicized process.", "opinion"),
    ("The meeting took place on Monday.", "other"),
])
def test_claim_type(text, expected):
    quantities = claims.parse_quantities(text)
    is_claim = score(text, quantities) >= load_model()["threshold"]
    assert claims.claim_type(text, quantities, is_claim) == expected


# Lower-cased sentences holding every kind of cue (words, anchored phrases, stems), near misses
# and no cue at all.
CUE_TEXTS = [
    "the road closed because of the flooding.", "smoking is linked to lung cancer.", "a ban on knives",
    "law enforcement arrived.", "the law enforcement", "under the law, it is not allowed.", "rather than",
    "thanks", "thanks to you", "forced them to go", "forces to", "prices rose by 3%", "by 2035", "by 2025",
    "by 2035s", "the meeting took place on monday.", "", "record-breaking", "’", "won't", "won’t", "we won",
    "as a result, results in, resulting from", "due to", "dueto", "in order for", "so that", "so-called",
    "protests against", "to protest", "in protest", "blamed on", "contributed to", "effects of",
    "impact of", "in retaliation", "up from", "down from", "up_from", "as many as", "twice as",
    "26 times higher", "compared with", "associated with", "tied to", "a relationship between them",
    "more likely to", "less likely to", "likely to", "going to", "expected to", "plans to", "plan to",
    "set to", "the court ruled", "court ordered", "entitled to", "obliged to", "the correlation",
    "uncorrelated", "predicted", "unpredictable", "prohibited", "unconstitutional", "constitutional",
    "a disgraceful act", "i was there", "we visited", "we once visited", "i_was", "my family", "i think",
    "we believe", "we hope", "in my view", "in my opinion", "it is clear that", "it ought to",
    "deeply flawed", "flawless", "prompt", "prompted", "fuelled", "following", "is said to",
    "sources said", "according to sources", "don't know", "sort of", "in my   mind", "and so forth",
    "more or less", "if i'm understanding you correctly", "it may be", "mayor", "café may",
    "owing to", "leads to", "leading to, lead to", "led to", "driven by", "in response to",
    "to demand, to press, to oppose", "to condemn, to express", "to seek, to stop, to prevent",
    "attributed to", "responsible for", "responsible", "to stop_gap",
    *sorted(claims.hedge_cue_set()),  # every hedge cue on its own
]
FAMILIES = {**dict(claims.TYPED_CUES), "personal_experience": claims.PERSONAL_EXPERIENCE,
            "opinion": claims.OPINION, "hedge": claims._hedge_family()}


@pytest.mark.parametrize("family", FAMILIES)
def test_cue_family_agrees_with_its_whole_pattern(family):
    cues, whole = FAMILIES[family], FAMILIES[family].pattern
    for text in CUE_TEXTS:
        found = whole.search(text) is not None
        assert cues.found(text) is found, text
        assert cues.found(text, claims.words_of(text)) is found, text
        assert cues.found(text, claims.words_of(text) & claims._cue_keys()) is found, text
    assert 0 < sum(cues.found(text) for text in CUE_TEXTS) < len(CUE_TEXTS)  # positives and negatives


@pytest.mark.parametrize("text", [
    *CUE_TEXTS[:40], "It may rain in May.", "In May it may be likely to fall.", "Prices rose in May 2019.",
    "They REPORTEDLY won’t pay.", "I think the 3% rise is wrong.",
])
@pytest.mark.parametrize("quantities, is_claim", [([], False), ([], True), ([{"unit": "percent"}], True)])
def test_claim_type_and_hedge_need_only_the_cue_words(text, quantities, is_claim):
    cue_words = claims.words_of(text.lower()) & claims._cue_keys()
    assert claims.claim_type(text, quantities, is_claim, cue_words) == claims.claim_type(text, quantities, is_claim)
    assert claims.is_hedged(text, cue_words) is claims.is_hedged(text)


@pytest.mark.parametrize("text", [*CUE_TEXTS, "I think the 3% rise is wrong.", "Prices rose in May 2019."])
def test_type_cue_test_rules_out_only_sentences_without_type_cues(text):
    """When the cheap test says no family of claim_type can fire, none does: claim_type's answer
    is the one the families would give."""
    lower = text.lower()
    words = claims.words_of(lower)
    may_hold = claims._may_hold_type_cue(lower, words)
    assert claims._may_hold_type_cue(lower, words & claims._cue_keys()) is may_hold
    if not may_hold:
        assert not any(cues.found(lower, words) for cues in claims.TYPE_FAMILIES)


def test_type_cue_test_has_positives_and_negatives():
    may_hold = [claims._may_hold_type_cue(text, claims.words_of(text)) for text in CUE_TEXTS]
    assert any(may_hold) and not all(may_hold)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_anchored_cue_is_exercised_and_found_on_its_own(family):
    """Every anchored pattern matches one of :data:`CUE_TEXTS` (so the test above covers it),
    and each of its matches, on its own, is found by the cheap lookups: it holds its anchor."""
    cues = FAMILIES[family]
    for anchor, pattern in [*cues.anchored.items(), *cues.stems]:
        matches = [match.group(0) for text in CUE_TEXTS for match in pattern.finditer(text)]
        assert matches, anchor
        for match in matches:
            assert cues.found(match), match


# Cues inside words (after a letter, a digit, "_" or a non-ASCII letter), which the word boundary
# before a cue rules out, and the same cues at a word start.
MID_WORD_TEXTS = [
    "undue to", "overdue to pay", "alsoso that", "x_so that", "3due to", "éso that", "thisis said to",
    "mandall that", "2by 2035", "hi was there", "wei visited", "onlinked to", "un-linked to",
    "is said to", "due to", "(so that)", "by 2035", "i was there", "and all that", "is said tois said to",
    "thisis said to, is said to", "undue to, due to",
]


@pytest.mark.parametrize("text", [*CUE_TEXTS, *MID_WORD_TEXTS])
def test_search_from_word_start_agrees_with_the_word_bounded_pattern(text):
    """Each anchored or stem pattern, with the word boundary before it tested outside the regex,
    finds what it finds with a leading ``\\b``."""
    for cues in FAMILIES.values():
        for pattern in [*cues.anchored.values(), *(pattern for _, pattern in cues.stems)]:
            bounded = re.compile(r"\b" + pattern.pattern)
            expected = bounded.search(text) is not None
            assert claims._search_from_word_start(pattern, text) is expected, (pattern.pattern, text)


def test_mid_word_texts_exercise_the_word_boundary():
    """Some texts hold a cue only inside a word (the boundary test rejects it), others at a word start."""
    patterns = [pattern for cues in FAMILIES.values()
                for pattern in [*cues.anchored.values(), *(pattern for _, pattern in cues.stems)]]
    inside_only = [text for text in MID_WORD_TEXTS
                   if any(p.search(text) for p in patterns)
                   and not any(claims._search_from_word_start(p, text) for p in patterns)]
    at_start = [text for text in MID_WORD_TEXTS if any(claims._search_from_word_start(p, text) for p in patterns)]
    assert len(inside_only) >= 10 and len(at_start) >= 5


ASCII_CHARACTERS = "".join(map(chr, range(128)))


@pytest.mark.parametrize("text", [
    "", " ", "the cat sat on the mat.", "in 2004, it sold 1,000 cars (3.5%).", "snake_case and kebab-case",
    "it's don't ’quoted’", "tabs\tand\nnew\rlines\x0b\x0c\x1c\x1d\x1e\x1f\x85end", "£300 - 5% ~7 / 8 ; 9",
    "café naïve ١٢٣ x² straße", "“quoted” — dashes…", ASCII_CHARACTERS, "a".join(ASCII_CHARACTERS),
    "x" * 10_000, "a\x00b\x7fc",
])
def test_word_runs_are_the_runs_of_word_characters(text):
    """The byte-table split of ASCII text (and the regex fallback) gives ``\\w+``'s runs exactly."""
    assert claims._word_runs(text) == re.findall(r"\w+", text)


def test_word_runs_are_not_a_plain_whitespace_split():
    """Texts where splitting at whitespace alone would give other words: the table does the work."""
    texts = ["snake-case", "x,y", "it's", "a\x00b", "(so)"]
    assert all(claims._word_runs(text) != text.split() for text in texts)


def test_every_hedge_cue_starts_with_a_word_character():
    """What the boundary test outside the pattern assumes (the list is data, not code)."""
    assert all(re.match(r"\w", cue) for cue in claims.hedge_cue_set())


@pytest.mark.parametrize("text, hedged", [
    ("The minister reportedly resigned.", True),
    ("He allegedly stole the car.", True),
    ("The plant may close next year.", True),
    ("The virus is believed to spread in water.", True),
    ("Prices could possibly rise.", True),
    ("The plant will close next year.", False),
    ("It is clearly the best result.", False),
    ("They talked about 1,000 arrests.", False),
    ("He must pay the fine.", False),
    ("The vote was held in May 2019.", False),
    ("Results came on May 5.", False),
    ("It may rain in May.", True),
])
def test_hedged(text, hedged):
    assert claims.is_hedged(text) is hedged


@pytest.mark.parametrize("text", [
    "It is,\nsaid to be, kind\tof odd.", "In my   view it works.", "If I'm understanding you correctly, no.",
    "Their impressions differ.", "Sources said so.", "Un-allegedly", "allegedly_", "mayor", "dismay",
    "The cat sort-of sat.", "", "’", "MAY BE", "Don't know.", "apparently.", "appear to be fine",
])
def test_hedged_agrees_with_the_whole_cue_pattern(text):
    whole_pattern = claims.hedge_pattern().search(claims._hedge_text(text)) is not None
    assert claims.is_hedged(text) is whole_pattern


SENTENCE = {"start": 100, "end": 200}


@pytest.mark.parametrize("quotes, expected", [
    ([], "reporter"),
    ([quote("direct", 120, 180)], "Jane Doe"),                    # quote inside the sentence
    ([quote("mixed", 50, 150)], "Jane Doe"),                      # overlapping quote
    ([quote("indirect", 130, 190, "Ann Lee")], "Ann Lee"),        # reported speech in it
    ([quote("indirect", 50, 150, "Ann Lee")], "reporter"),        # starts in an earlier sentence
    ([quote("direct", 200, 260)], "reporter"),                    # touches but does not overlap
    ([quote("indirect", 110, 190, "Ann Lee"), quote("direct", 150, 160)], "Jane Doe"),  # direct wins
    ([quote("direct", 100, 120, "Ann Lee"), quote("direct", 120, 200)], "Jane Doe"),  # larger overlap
    ([quote("direct", 120, 180, "", "the spokesman")], "the spokesman"),
    ([quote("direct", 120, 180, "", "")], "unknown"),
    ([quote("direct", 120, 180, "", "We")], "unknown"),          # a bare pronoun names nobody
    ([quote("indirect", 130, 190, "", "he")], "unknown"),
])
def test_claimer(quotes, expected):
    assert claims.claimer(SENTENCE, quotes) == expected


def test_claimer_column_uses_quote_rows():
    rows = analyse(BODY, [quote("direct", BODY.index("“We"), BODY.index("”") + 1)])
    assert [row["claimer"] for row in rows] == ["reporter", "Jane Doe", "reporter", "reporter"]


def test_hedge_list_drops_boosters_and_keeps_attribution():
    cues = claims.hedge_cues("Reportedly, it will certainly happen, and may be alleged by some.")
    assert cues == ["reportedly", "may", "alleged"]


def test_model_is_small_plain_json():
    assert MODEL_PATH.stat().st_size < 5_000_000
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert 0.0 < model["threshold"] < 1.0 and len(model["weights"]) > 1_000


def test_features_abstract_numbers():
    names = features("In 2016 it sold 1,000 cars.")
    assert "w=<year>" in names and "w=<num>" in names and "cue=quantity" in names
    assert not any("1,000" in name or "2016" in name for name in names)


@pytest.fixture(scope="module")
def seed_claims():
    from analysis.pipeline import analyze
    from conftest import SEED
    return analyze(SEED).claims.to_dict("records")


def test_seed_figures(seed_claims):
    arrests = next(row for row in seed_claims if "1,000 arrests" in row["text"])
    assert [(q["value"], q["unit"], q["approximate"]) for q in arrests["quantities"]] == [
        (1000, "arrests", False), (1000, "locations", True)]
    ratio = next(row for row in seed_claims if "26 times" in row["text"])
    assert ratio["claim_type"] == "comparison" and ratio["is_claim"]
    assert [(q["value"], q["unit"]) for q in ratio["quantities"]] == [(26, "ratio"), (8, "ratio")]


@pytest.mark.parametrize("text", [
    "The repairs cost $2.3 million, about 3.5% more than planned.",
    "I'm going to win, and we plan to cut taxes by 2030!",
    "The biggest rise was not expected, officials said.",
    "Is it the best?",
    "",
])
def test_score_is_the_logistic_of_the_feature_weights(text):
    import math

    model = load_model()
    names = set(features(text))  # binary features, scaled to unit length
    logit = model["bias"] + sum(model["weights"].get(name, 0.0) for name in names) / math.sqrt(len(names))
    assert score(text) == pytest.approx(1.0 / (1.0 + math.exp(-logit)), rel=1e-12, abs=1e-15)
    assert score(text, model=model) == score(text)


@pytest.mark.parametrize("text, same", [
    ("the cat sat on the mat.", True), ("in 2004 it sold 300 cars", True), ("£300 - 5% (or ~7) / 8 ; 9", True),
    ("“quoted” — dashes… and spaces\u00a0here", True), ("", True), ("in 2004.", False), ("1,000 cars", False),
    ("3.5 percent", False), ("the 1990s", False), ("g20 summit", False), ("it's here", False), ("it’s here", False),
    ("rock'n'roll", False), ("snake_case", False), ("café society", False), ("١٢٣ people", False),
    ("x²", False), ("naïve", False),
])
def test_words_serve_as_tokens_only_when_the_splits_agree(text, same):
    """Where the cheap test holds, the runs of word characters are exactly the tokens (so the
    claims stage passes them to score); the other texts include ones where they differ."""
    import re

    from analysis import checkworthiness

    words = re.findall(r"\w+", text)
    assert checkworthiness.tokens_are_words(text) is same
    if same:
        assert words == checkworthiness._TOKEN.findall(text.replace("’", "'"))
        assert score(text, words=words) == score(text)
    assert claims.extract_claims({"article_id": "a1"}, [{"text": text, "start": 0, "end": len(text)}], [])[0][
        "checkworthiness"] == round(score(text), 4)


def test_words_and_tokens_differ_on_some_texts_the_test_rejects():
    import re

    from analysis import checkworthiness

    texts = ["in 2004.", "1,000 cars", "the 1990s", "it's here", "snake_case", "café society", "x²"]
    assert all(not checkworthiness.tokens_are_words(text) for text in texts)
    assert all(re.findall(r"\w+", text) != checkworthiness._TOKEN.findall(text) for text in texts[1:])


@pytest.mark.parametrize("text, cues", [
    ("The fastest growth.", {"cue=superlative"}),
    ("They walked home.", {"cue=past"}),
    ("It isn't so.", {"cue=negation"}),
    ("We are going to see.", {"cue=future", "cue=first_person"}),
    ("A cat sat on a mat.", set()),
])
def test_cue_flags(text, cues):
    found = {name for name in features(text) if name.startswith("cue=")}
    assert cues <= found
    if not cues:
        assert not found & {"cue=superlative", "cue=past", "cue=negation", "cue=future"}


CUE_FLAG_TEXTS = [
    "More people than ever were here, less than half of last year.", "Taxes rose; the deficit fell.",
    "The first and largest record.", "The fastest growth yet.", "They walked home and had dinner.",
    "It did not work; nothing did.", "It isn't so.", "It isn’t so.", "I will see. We won't.",
    "We are going to see.", "They plan to go; she plans to stay.", "It is expected to rise.",
    "You should, and we must, and they might.", "I'm sure we've seen your papers.",
    "Officials said, according to the report, that it was claimed.", "We think it's great, not bad.",
    "The court struck down the bill and the tax law.", "A $5 budget, 3% and £2 and €4 of debt.",
    "2 billion dollars.", "Thanks, I love it.",
    # negatives: cue words only inside other words, a phrase split by a word, endings elsewhere
    "A cat sat on a mat.", "Wasp nests hadn't been seen.", "Going home to sleep.", "Plans were made to go.",
    "The bed and the nest.", "Mother Teresa.", "Tested: edible nests.", "Youth, ourselves, saidy.",
    "Knottiness and canton.", "", "1,000 cars in 2016.",
]


def reference_cue_flags(text: str) -> set[str]:
    """The cue features by their definition: a cue word among the tokens, a two-word cue among
    the token pairs, a token with the cue's ending, or (money) a currency or percent sign."""
    from analysis import checkworthiness

    tokens = checkworthiness._tokens(text)
    pairs = {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
    endings = checkworthiness._CUE_ENDINGS
    return {f"cue={cue}" for cue, words in checkworthiness._CUE_WORDS.items()
            if set(tokens) & words or pairs & words
            or (cue in endings and any(token.endswith(endings[cue]) for token in tokens))
            or (cue == "money" and any(sign in text for sign in "$%£€"))}


@pytest.mark.parametrize("text", CUE_FLAG_TEXTS)
def test_cue_flags_agree_with_the_cue_definitions(text):
    from analysis import checkworthiness

    cue_names = {f"cue={cue}" for cue in checkworthiness._CUE_WORDS}
    assert {name for name in features(text) if name in cue_names} == reference_cue_flags(text)


def test_every_cue_flag_has_positives_and_negatives():
    from analysis import checkworthiness

    found = [reference_cue_flags(text) for text in CUE_FLAG_TEXTS]
    for cue in checkworthiness._CUE_WORDS:
        assert 0 < sum(f"cue={cue}" in flags for flags in found) < len(found), cue

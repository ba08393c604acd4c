"""The table contract: every table's columns, in order, each with a one-line meaning.

This is the single source for the column lists the pipeline writes and for docs/tables.md
(regenerate with ``python -m analysis schema > docs/tables.md``). Columns may be added,
never renamed or dropped.
"""

TABLES: dict[str, dict[str, str]] = {
    "load_report": {
        "source": "Input file path as given (inside a folder: the path found while walking it).",
        "record": "0-based record index inside a JSON list, JSONL file or CSV file (CSV rows not counting the header); empty for single-article files.",
        "status": "`loaded`, `duplicate` (same normalised text as an earlier article), `skipped` (nothing to analyse) or `failed` (an error).",
        "reason": "Why the input was skipped, failed or flagged, in plain words; empty when loaded cleanly.",
        "article_id": "Id of the article this input produced (for `duplicate`: the id of the article it duplicates).",
        "stage": "Pipeline stage that failed (`load`, `normalise`, `segment`, `quotes`, `claims`, `readability`); empty otherwise.",
    },
    "articles": {
        "article_id": "Stable content hash (first 16 hex digits of SHA-256 of the normalised body).",
        "source": "Input file the article came from.",
        "source_format": "`text` (copied web page), `html`, `json`, `jsonl` or `csv`.",
        "outlet": "Publication name, when recovered.",
        "headline": "Article headline.",
        "authors": "JSON list of author names.",
        "author_roles": "JSON list of the authors' roles (same order as `authors`; empty strings where unknown).",
        "published": "Publication date (ISO 8601 date or datetime), empty if unknown.",
        "read_time_min": "Read time stated by the page, in minutes; empty if not stated.",
        "tags": "JSON list of topic tags shown with the article.",
        "url": "Article URL when known.",
        "language": "ISO 639-1 language code (from metadata, else `en`).",
        "n_words": "Number of words in `body` (whitespace-separated tokens containing a letter or digit).",
        "body": "Normalised article text; paragraphs separated by one blank line.",
        "removed": "JSON list of input lines dropped as page furniture (menus, buttons, countdowns, metadata lines).",
        "record": "Record index inside a multi-record input file; empty for single-article files.",
    },
    "paragraphs": {
        "article_id": "Article the paragraph belongs to.",
        "paragraph_id": "0-based paragraph index within the article.",
        "start": "Character offset of the paragraph in `articles.body`.",
        "end": "End offset (exclusive): `body[start:end] == text`.",
        "text": "Paragraph text.",
    },
    "sentences": {
        "article_id": "Article the sentence belongs to.",
        "sentence_id": "0-based sentence index within the article.",
        "paragraph_id": "Paragraph that contains the sentence.",
        "start": "Character offset of the sentence in `articles.body`.",
        "end": "End offset (exclusive): `body[start:end] == text`.",
        "text": "Sentence text.",
    },
    "quotes": {
        "article_id": "Article the quote belongs to.",
        "quote_id": "0-based quote index within the article, in text order.",
        "kind": "`direct` (all in quotation marks), `mixed` (partly quoted) or `indirect` (reported speech).",
        "start": "Character offset of the quoted or reported content in `articles.body`.",
        "end": "End offset (exclusive): `body[start:end] == text`.",
        "text": "The quoted or reported content.",
        "speaker": "Canonical speaker for the article (e.g. the full name), empty when unresolved.",
        "speaker_mention": "The speaker as written near the quote (e.g. `he`, `the company`).",
        "speaker_role": "Speaker's title or affiliation, empty if unknown.",
        "cue": "Reporting verb or phrase as written (e.g. `said`, `according to`; `:` after a speaker label such as `Q:`; `in` before a poll; `seemed`, `expected`, `asked` for an attribution without a source, whose speaker columns are empty).",
        "sentence_id": "Sentence in which the quote starts.",
        "confidence": "How sure the attribution is, 0-1 (higher = surer): 0.95 adjacent cue, 0.75-0.85 split, mixed or continued quote, 0.5-0.6 speaker taken from the sentence subject or the lead-in paragraph, below 0.5 unclosed quote, no speaker, or an attribution without a source (`seemed to`, `is expected to`).",
        "speaker_start": "Character offset of `speaker_mention` in `articles.body`; -1 when there is no mention.",
        "speaker_end": "End offset (exclusive) of `speaker_mention`; -1 when there is no mention.",
    },
    "claims": {
        "article_id": "Article the sentence belongs to.",
        "claim_id": "0-based index within the article (one per body sentence).",
        "sentence_id": "Sentence examined.",
        "start": "Character offset of the sentence in `articles.body`.",
        "end": "End offset (exclusive).",
        "text": "Sentence text.",
        "checkworthiness": "Probability (0-1) that the sentence is a check-worthy factual claim; higher = more check-worthy.",
        "is_claim": "`checkworthiness` at or above the model's threshold.",
        "claim_type": "Full Fact type: quantity, comparison, causal, prediction, rule, personal_experience, correlation, opinion, other.",
        "claimer": "Canonical speaker who makes the claim (speaker of a direct/mixed quote overlapping the sentence, else of an indirect quote in it), `reporter` when the outlet itself asserts it; the quote's speaker mention or `unknown` when its speaker is unresolved.",
        "hedged": "True when a hedge cue (may, reportedly, allegedly, ...) weakens the claim.",
        "quantities": "JSON list of objects with `text`, `value`, `unit` (`percent`, currency code such as `USD`, `ratio` for \"N times higher\", or the counted noun, e.g. `arrests`), `approximate`.",
    },
    "readability": {
        "article_id": "Article measured.",
        "scope": "`article`, `headline`, `paragraph`, `quoted` (direct-quote text) or `narration` (the rest).",
        "scope_id": "Paragraph id for `paragraph` scope; empty otherwise.",
        "n_words": "Words in the scope's text (textstat's lexicon count). A scope with no words (no headline, no direct quotes) has 0 and NaN metrics.",
        "n_sentences": "Sentences in the scope's text (textstat's sentence count).",
        "flesch_reading_ease": "Flesch Reading Ease (textstat); higher = easier.",
        "flesch_kincaid_grade": "Flesch-Kincaid grade (textstat); higher = harder.",
        "gunning_fog": "Gunning fog index (textstat); higher = harder.",
        "smog_index": "SMOG index (textstat); higher = harder.",
        "coleman_liau_index": "Coleman-Liau index (textstat); higher = harder.",
        "automated_readability_index": "Automated Readability Index (textstat); higher = harder.",
        "dale_chall_readability_score": "Dale-Chall score (textstat); higher = harder.",
        "n_syllables": "Syllables in the scope's text (textstat's count: CMU dictionary, else pyphen).",
        "n_words_news": "Words in the scope as in `articles.n_words` (whitespace tokens with a letter or digit).",
        "n_sentences_news": "Project sentences (`sentences` table) in the scope; a sentence split between a quote and its attribution counts by its share of words, so `quoted` + `narration` = `article`; a headline is one sentence.",
        "n_syllables_news": "Syllables as read aloud: numbers spelled out (\"3.5%\" = three point five percent = 5), initialisms by letter (\"U.S.\" = 2), compounds by part.",
        "flesch_reading_ease_news": "Flesch Reading Ease from the `*_news` counts; higher = easier.",
        "flesch_kincaid_grade_news": "Flesch-Kincaid grade from the `*_news` counts; higher = harder.",
        "gunning_fog_news": "Gunning fog from the `*_news` counts (numbers are never hard words); higher = harder.",
        "smog_index_news": "SMOG index from the `*_news` counts; higher = harder.",
        "coleman_liau_index_news": "Coleman-Liau index from the `*_news` counts (letters and digits only); higher = harder.",
        "automated_readability_index_news": "ARI from the `*_news` counts (letters and digits per word, no punctuation); higher = harder.",
        "dale_chall_readability_score_news": "Dale-Chall score from the `*_news` counts (numbers and possessives of easy words are easy); higher = harder.",
    },
}

#: JSON-list columns, serialised as JSON arrays in CSV output.
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("authors", "author_roles", "tags", "removed"),
    "claims": ("quantities",),
}


#: Integer columns (nullable: empty where unknown).
INTEGER_COLUMNS = frozenset({
    "record", "paragraph_id", "sentence_id", "quote_id", "claim_id", "start", "end",
    "n_words", "n_sentences", "read_time_min", "scope_id",
})

#: Integer columns that are never missing (plain integers).
PLAIN_INTEGER_COLUMNS = frozenset({"n_syllables", "n_words_news", "n_syllables_news", "speaker_start", "speaker_end"})

#: True/False columns.
BOOLEAN_COLUMNS = frozenset({"is_claim", "hedged"})

#: Numbers with a fraction (NaN where unknown): the scores, and the readability metrics.
FLOAT_COLUMNS = frozenset({"confidence", "checkworthiness"}).union(
    set(TABLES["readability"]) - INTEGER_COLUMNS - PLAIN_INTEGER_COLUMNS - {"article_id", "scope"})


def columns(table: str) -> list[str]:
    """Return the contract's columns of ``table`` in order."""
    return list(TABLES[table])


def markdown() -> str:
    """Render the schema as Markdown (the content of docs/tables.md)."""
    lines = ["# Tables", "", "Written by `python -m analysis analyze` and returned by `analysis.analyze()`.",
             "Offsets are character offsets into `articles.body` of the same article.", ""]
    for table, cols in TABLES.items():
        lines += [f"## `{table}`", "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {meaning} |" for name, meaning in cols.items()]
        lines.append("")
    return "\n".join(lines)

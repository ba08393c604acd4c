"""Normalisation helpers: Unicode and whitespace, dates, ids."""

import unicodedata

import pytest

from analysis import normalise
from analysis.normalise import article_id_for, clean_text, count_words, normalise_date


@pytest.mark.parametrize("value, expected", [
    ("2018-01-15", "2018-01-15"),
    ("January 15, 2018", "2018-01-15"),
    ("20 Dec 2023", "2023-12-20"),
    ("Fri December 22, 2023 3:04 PM EST", "2023-12-22T15:04:00"),
    ("2023-12-20T10:35:00+00:00", "2023-12-20T10:35:00"),
    ("12/22/23", "2023-12-22"),
    ("Monday", ""),            # no year: today's date must never be filled in
    ("3 days ago", ""),
    ("garbage", ""),
    ("", ""),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("caf\u0065\u0301", "café"),                        # NFC
    ("a\u00a0b\u2009c", "a b c"),                        # odd spaces
    ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),                  # line breaks
    ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),      # invisible characters
    ("  many   spaces  ", "many spaces"),
    ("“curly” ‘quotes’ kept", "“curly” ‘quotes’ kept"),
])
def test_clean_text(text, expected):
    assert clean_text(text) == expected


def test_word_count_and_ids():
    assert count_words("One, two — 3 ! ") == 3
    assert article_id_for("body") == article_id_for("body") != article_id_for("body.")
    assert len(article_id_for("x")) == 16


@pytest.mark.parametrize("text, words", [
    ("", 0), ("— ... !", 0), ("«Hi» —there", 2), ("a\tb\nc\u00a0d", 4), ("é ü 3", 3), ("_ x", 2),
    ("." * 2_000_000 + " end", 1),
])
def test_count_words_counts_tokens_with_a_letter_or_digit(text, words):
    assert count_words(text) == words


TEXTS = ["", "plain words here", "a\tb  c\x0bd\x7fe", "tab\there", "  many   spaces  ", "x_y ? ! -- 3.5",
         "£5bn for the café", "naïve — “quoted” …", "a\u00a0b\u2009c\u3000d", "zero\u200bwidth\u00adsoft",
         "line\u2028break\u2029para", "a\x1cb\x1fc", "\x85next", "١٢٣ ٤", "日本語 テキスト", "ǅ ǈ ½ Ⅻ",
         "£5 — \u00a0", "é\u200d", "— – …", "a\ud800b c"]


@pytest.mark.parametrize("text", TEXTS)
def test_count_words_agrees_with_its_regex_on_every_kind_of_text(text):
    assert count_words(text) == len(normalise._WORDY_TOKEN.findall(text))


@pytest.mark.parametrize("text", TEXTS)
def test_clean_text_skips_only_substitutions_that_change_nothing(text):
    unified = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    unified = unified.replace("\u2028", "\n").replace("\u2029", "\n\n")
    every_rule = normalise._MULTISPACE.sub(" ", normalise._INVISIBLE.sub("", normalise._CONTROLS.sub(
        "", normalise._SPACES.sub(" ", unified))))
    assert clean_text(text) == "\n".join(line.strip() for line in every_rule.split("\n"))


@pytest.mark.parametrize("text", TEXTS)
def test_non_ascii_chars_are_the_texts_characters_outside_ascii(text):
    assert normalise._non_ascii_chars(text) == "".join(c for c in text if not c.isascii())

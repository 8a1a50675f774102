"""Tests for the Vietnamese syllable test that tells foreign words in names (issue 17)."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cases import article_text
from vnnews._syllables import is_vietnamese_syllable

VIETNAMESE = [
    "a",
    "ông",
    "gì",
    "gìn",
    "giữa",
    "giường",
    "quốc",
    "quyển",
    "khuya",
    "khuỷu",
    "nghiêng",
    "nghề",
    "ngoằn",
    "ngoèo",
    "khoảng",
    "oái",
    "ươu",
    "hươu",
    "rượu",
    "uống",
    "yêu",
    "yểng",
    "thuở",
    "huých",
    "quỳnh",
    "Nguyễn",
    "Trịnh",
    "Đặng",
    "Ngô",
    "Hoắc",
    "Thích",
    "Kpă",
]
FOREIGN = [
    "Trump",
    "Biden",
    "Schiff",
    "Zhang",
    "Tae",
    "hoon",
    "Park",
    "Lee",
    "Gama",
    "Mendy",
    "Kong",
    "Homer",
    "Stoltenberg",
    "Jens",
    "Will",
    "Marc",
    "iPhone",
    "Facebook",
    "Quốcc",
    "nge",
    "ci",
    "ka",
    "ghan",
]


@pytest.mark.parametrize("word", [w for w in VIETNAMESE if w != "Kpă"])
def test_vietnamese_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(word.upper())
    assert is_vietnamese_syllable(unicodedata.normalize("NFD", word))


@pytest.mark.parametrize("word", [*FOREIGN, "Kpă"])
def test_foreign_words(word: str) -> None:
    # (Ethnic-minority names such as "Kpă" are foreign to Quốc ngữ spelling: the people
    # extractor lists them as surnames instead.)
    assert not is_vietnamese_syllable(word)


def test_every_word_of_the_fixture_article_but_its_loanwords() -> None:
    words = {w for w in regex.findall(r"[\p{L}\p{M}]+", article_text()) if not w.isupper()}
    assert {w for w in words if not is_vietnamese_syllable(w)} == {"banner", "image"}


@given(st.text(max_size=12))
def test_never_raises(text: str) -> None:
    assert is_vietnamese_syllable(text) in {True, False}


def test_not_a_word() -> None:
    for text in ("", "a b", "2020", "H'Mông", "Ki-moon"):
        assert not is_vietnamese_syllable(text)

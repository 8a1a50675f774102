"""Tests for the Vietnamese syllable test that tells foreign words in names (issue 17)."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cases import article_text
from vnnews._syllables import is_unmarked_syllable, is_vietnamese_syllable

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


# --------------------------------------------------------------------------- without diacritics


def _plain(word: str) -> str:
    """The word in ASCII letters, every diacritic dropped ("Nguyễn" → "Nguyen")."""
    decomposed = unicodedata.normalize("NFD", word)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("đ", "d").replace("Đ", "D")


@pytest.mark.parametrize("word", [w for w in VIETNAMESE if w != "Kpă"])
def test_a_syllable_written_without_its_diacritics(word: str) -> None:
    assert is_unmarked_syllable(word)
    assert is_unmarked_syllable(_plain(word))
    assert is_unmarked_syllable(_plain(word).upper())


@pytest.mark.parametrize(
    "word", [w for w in FOREIGN if w not in ("Quốcc",)] + ["Nikkei", "Windows", "Seong", "Kang"]
)
def test_foreign_words_stay_foreign_without_diacritics(word: str) -> None:
    assert not is_unmarked_syllable(word)


@given(
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ\u0300\u0301\u0303\u0309\u0323", max_size=8)
)
def test_unmarked_is_the_marked_rule_on_plain_letters(word: str) -> None:
    """Every syllable is one written without its marks too, with some of them or none."""
    if is_vietnamese_syllable(word):
        assert is_unmarked_syllable(word)
        assert is_unmarked_syllable(_plain(word))


def test_foreign_words_before_a_number_keep_their_ascii_rules() -> None:
    """vnnews.numbers' test of a name before a number uses this rule: a capital inside a word
    makes it foreign, a word all in capitals is not, and a Vietnamese word written in ASCII
    letters ("Viet", "Dien") is no foreign word."""
    from vnnews.numbers._names import is_foreign_word

    assert [is_foreign_word(w) for w in ("iPhone", "PlayStation", "iOS")] == [True] * 3
    assert [is_foreign_word(w) for w in ("CLB", "TP", "VIC", "CEO")] == [False] * 4
    assert [is_foreign_word(w) for w in ("Viet", "Dien", "Penh", "Mi", "Long", "Top")] == [
        False
    ] * 6
    assert [is_foreign_word(w) for w in ("Nikkei", "Windows", "Galaxy", "Kong")] == [True] * 4
    assert not is_foreign_word("Hà")  # not ASCII: never counted

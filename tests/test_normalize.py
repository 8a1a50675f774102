"""Normalisation: the case table, properties of the offset map, and the import contract."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cases import article_text, load_cases
from vnnews import normalize
from vnnews.normalization import normalize_with_offsets

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
ALPHABET = (
    VIETNAMESE
    + VIETNAMESE.upper()
    + "0123456789 .,;:!?-–—“”\"'()/%\n\r\t\u00a0\u200b\u200d\ufeff\u0300\u0301\u0303\u0309\u0323"
)
vietnamese_text = st.text(alphabet=ALPHABET, max_size=60)
any_text = st.text(max_size=60)
WORD = regex.compile(r"\w+")


@pytest.mark.parametrize("case", load_cases("normalize.jsonl"))
def test_case_table(case: dict[str, str]) -> None:
    assert normalize(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", load_cases("normalize.jsonl"))
def test_case_table_nfd_and_upper(case: dict[str, str]) -> None:
    nfd = unicodedata.normalize("NFD", case["text"])
    assert normalize(nfd) == case["expected"]
    assert normalize(case["text"].upper()) == case["expected"].upper()


def test_article_is_left_alone_apart_from_its_spaces() -> None:
    text = article_text()
    assert normalize(text) == text


@given(any_text)
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(vietnamese_text)
def test_nfc_and_nfd_spellings_agree(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert normalize(nfc) == normalize(nfd) == normalize(text)


@given(st.one_of(vietnamese_text, any_text, st.text(alphabet=ALPHABET, min_size=250, max_size=400)))
def test_normalize_is_the_text_of_the_offset_map(text: str) -> None:
    # normalize() takes a shortcut without the map for most texts (and another for short ones).
    assert normalize(text) == normalize_with_offsets(text).text


@given(st.lists(st.sampled_from(["hoà", "hòa", "thuỷ", "thủy", "Uỷ", "Ủy", "khoẻ", "khỏe", " "])))
def test_old_and_new_tone_placement_agree(words: list[str]) -> None:
    text = " ".join(words)
    traditional = text.replace("hoà", "hòa").replace("thuỷ", "thủy").replace("Uỷ", "Ủy")
    assert normalize(text) == normalize(traditional.replace("khoẻ", "khỏe"))


@given(any_text)
def test_offset_map_is_monotonic_and_covers_the_input(text: str) -> None:
    mapped = normalize_with_offsets(text)
    previous_end = 0
    for index in range(len(mapped.text)):
        start, end = mapped.original_span(index, index + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous_end or (start, end) == mapped.original_span(index - 1, index)
        previous_end = end
    assert mapped.original_span(0, len(mapped.text)) == (
        (0, len(text)) if mapped.text else (len(text), len(text))
    )


@given(vietnamese_text)
def test_word_spans_slice_the_original_to_the_same_word(text: str) -> None:
    mapped = normalize_with_offsets(text)
    for match in WORD.finditer(mapped.text):
        original = mapped.original_text(*match.span())
        assert normalize(original) == match.group()


def test_spans_of_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Chủ tịch HĐND tỉnh Khánh Hoà")
    mapped = normalize_with_offsets(text)
    start = mapped.text.index("Khánh Hòa")
    span = mapped.original_span(start, start + len("Khánh Hòa"))
    assert text[span[0] : span[1]] == unicodedata.normalize("NFD", "Khánh Hoà")


def test_type_error_for_non_strings() -> None:
    with pytest.raises(TypeError, match="must be str"):
        normalize(b"abc")  # type: ignore[arg-type]


def test_span_outside_the_text_is_an_index_error() -> None:
    with pytest.raises(IndexError):
        normalize_with_offsets("abc").original_span(2, 5)


def test_long_adversarial_inputs_finish() -> None:
    for text in ["\u0301" * 200_000, " \u00a0" * 100_000, "hoà" * 70_000, "\r\n" * 100_000]:
        assert normalize(normalize(text)) == normalize(text)


def test_import_does_not_load_underthesea() -> None:
    code = "import sys, vnnews; print('underthesea' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

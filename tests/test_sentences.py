"""Sentence splitting (issue 5): the case table, span properties, NFD input and bad input."""

from __future__ import annotations

import unicodedata
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cases import FIXTURES, load_cases
from vnnews import normalize, sentence_spans, split_sentences
from vnnews.sentences import _LINE_BREAKS, _SPACES

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
ALPHABET = (
    VIETNAMESE
    + VIETNAMESE.upper()
    + "0123456789 .,;:!?…-–“”\"'()/%\n\r\t\u00a0\u200b\u0300\u0301\u0303\u0309\u0323"
)
# Tokens that exercise every rule of the splitter, joined by spaces in random order.
TOKENS = [
    "Ông", "bà", "TP.", "TS.", "v.v.", "H.", "N.V.H.", "1.553.", "17h.", "Điều", "1.", "I.",
    "...", "…", "?!", "!!!", ".", '"', "“", "”", "(", ")", "Sau", "đó", "eKYC", "98,5%", "-",
    "www.abc.vn.", "a@b.com.", "mới.Năm", ":", ";", "\n", "'", "Co.", "Ltd",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\t", "\u00a0", "\u200b", " \u200b ", "\u3000", "\r\n", "\n\n"]
vietnamese_text = st.text(alphabet=ALPHABET, max_size=80)
token_text = st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def case_text(case: dict[str, Any]) -> str:
    if "fixture" in case:
        return (FIXTURES / case["fixture"]).read_text(encoding="utf-8")
    text: str = case["text"]
    return text


@pytest.mark.parametrize("case", load_cases("sentences.jsonl"))
def test_case_table(case: dict[str, Any]) -> None:
    assert split_sentences(case_text(case)) == case["sentences"]


@pytest.mark.parametrize("case", load_cases("sentences.jsonl"))
def test_case_table_in_nfd_splits_the_same(case: dict[str, Any]) -> None:
    nfd = unicodedata.normalize("NFD", case_text(case))
    got = split_sentences(nfd)
    assert [unicodedata.normalize("NFC", sentence) for sentence in got] == [
        unicodedata.normalize("NFC", sentence) for sentence in case["sentences"]
    ]


@pytest.mark.parametrize("case", load_cases("sentences.jsonl"))
def test_case_table_spans_point_at_the_sentences(case: dict[str, Any]) -> None:
    text = case_text(case)
    assert [text[start:end] for start, end in sentence_spans(text)] == case["sentences"]


def test_fixture_article_has_one_segment_per_line_at_least() -> None:
    text = (FIXTURES / "article_2022-01-20.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) == 25
    assert len(sentences) == 40
    # Every line is covered by its own segments: no segment crosses a line break.
    assert all("\n" not in sentence for sentence in sentences)
    assert sentences.count("Anh-tin-bai") == 2
    assert sentences[:2] == [
        "image banner",
        "Chủ động, linh hoạt, sáng tạo, quyết tâm, nỗ lực thực hiện thắng lợi nhiệm vụ năm 2022",
    ]


def test_space_and_line_break_classes_are_the_normalisers() -> None:
    # NFC text is split without normalising it, so the splitter's classes must be the same.
    assert all(normalize(f"a{char}b") == "a b" for char in _SPACES)
    assert all(normalize(f"a{char}b") == "a\nb" for char in _LINE_BREAKS)
    others = [chr(code) for code in range(0x3100) if chr(code) not in _SPACES | set(_LINE_BREAKS)]
    assert all(normalize(f"a{char}b") == f"a{char}b" for char in others if char.isspace())


def test_old_style_tones_split_like_new_style() -> None:
    old = "Khánh Hoà có mưa. Thuỷ lợi ổn định. Hoà Bình khoẻ."
    new = "Khánh Hòa có mưa. Thủy lợi ổn định. Hòa Bình khỏe."
    assert sentence_spans(old) == sentence_spans(new)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert sentence_spans("") == []
    assert split_sentences(" \n\r\n\t \u00a0") == []


@pytest.mark.parametrize("value", [None, b"abc", 3, ["a."]])
def test_non_strings_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        sentence_spans(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str"):
        split_sentences(value)  # type: ignore[arg-type]


def assert_spans_well_formed(text: str) -> None:
    spans = sentence_spans(text)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        assert not piece[0].isspace() and not piece[-1].isspace()
        covered[start:end] = [True] * (end - start)
        previous_end = end
    for index, char in enumerate(text):
        if not covered[index]:
            assert char.isspace() or char in ZERO_WIDTH, (index, char)
    assert split_sentences(text) == [text[start:end] for start, end in spans]


@given(vietnamese_text)
def test_spans_are_ordered_stripped_and_cover_the_text(text: str) -> None:
    assert_spans_well_formed(text)


@given(token_text)
def test_spans_well_formed_on_rule_heavy_text(text: str) -> None:
    assert_spans_well_formed(text)


@given(st.text(max_size=60))
def test_never_raises_on_any_string(text: str) -> None:
    assert_spans_well_formed(text)


@given(token_text)
def test_nfd_splits_exactly_like_nfc(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    as_nfc = [unicodedata.normalize("NFC", piece) for piece in split_sentences(nfd)]
    assert as_nfc == split_sentences(nfc)


@st.composite
def spaced_token_text(draw: st.DrawFn) -> str:
    """Rule-heavy tokens with every kind of space and line break between them."""
    tokens = draw(st.lists(st.sampled_from([*TOKENS, "Điều", "đã", "Ổn"]), min_size=1, max_size=30))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(tokens)))
    return "".join(token + separator for token, separator in zip(tokens, separators, strict=False))


@given(spaced_token_text())
def test_odd_spaces_split_like_plain_spaces(text: str) -> None:
    # NFC input is split as it stands, NFD input through the normaliser: both must agree.
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    as_nfc = [unicodedata.normalize("NFC", piece) for piece in split_sentences(nfd)]
    assert as_nfc == split_sentences(nfc)
    assert_spans_well_formed(text)


@given(token_text)
def test_no_segment_crosses_a_line_break(text: str) -> None:
    assert all("\n" not in sentence for sentence in split_sentences(text))


def test_results_are_the_same_from_many_threads() -> None:
    texts = [f"Ông H. về TP. Huế lúc {n}h. Sau đó ông đi... rồi về. Xong!" * 20 for n in range(8)]
    expected = [sentence_spans(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(sentence_spans, texts)) == expected


# ---------------------------------------------------------------- adversarial input (linear time)


def test_one_megabyte_without_punctuation() -> None:
    text = "không có dấu câu nào " * 50_000
    assert split_sentences(text) == [text.strip()]


def test_one_long_line_of_dots() -> None:
    text = "." * 1_000_000
    assert sentence_spans(text) == [(0, len(text))]


@pytest.mark.parametrize("tail", ["a", "1", "A", ""])
def test_long_run_of_marks_before_a_letter(tail: str) -> None:
    text = "Mưa" + "." * 500_000 + "?!…" * 100_000 + tail
    assert split_sentences(text) == [text.strip()]


def test_hundred_thousand_abbreviations_in_a_row() -> None:
    text = "TP. " * 100_000
    assert split_sentences(text) == [text.strip()]


@pytest.mark.parametrize(
    ("unit", "each_unit_is_a_sentence"),
    [
        ("ông H. ", False),  # an initial before a lowercase word never ends a sentence
        ('" ', False),  # straight quotes and no words: one segment
        ("Mưa. ", True),
        ("v.v. v.v. ", False),
        ("… ", False),
        ("N.V.H.", False),
        ("1.", False),
        ("?! ", False),
        ("( ", False),
        ('Ông nói : " Tôi đi . " ', True),
        ("Sau đó là Lê Thị H. ", True),
    ],
)
def test_adversarial_repetitions(unit: str, each_unit_is_a_sentence: bool) -> None:
    text = unit * (200_000 // len(unit))
    sentences = split_sentences(text)
    assert len(sentences) == (text.count(unit) if each_unit_is_a_sentence else 1)
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")

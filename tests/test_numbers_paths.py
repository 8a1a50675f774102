"""The shortcuts of the figure extractor read what its full rules read.

``vnnews.numbers._extract`` finds the places where a figure may begin with ``re`` scans
checked by the exact ``regex`` patterns, reads the commonest figures ("4.028 đảng viên") with
one stdlib match, and settles many words after a figure with a set look-up instead of the
tail patterns. Each shortcut is compared here with the reading it stands for, on texts made
of the number lexicon, figures and characters that case folding or Unicode classes treat
apart ("İ", "ſ", the Kelvin sign, combining marks, digits of other scripts and planes).
"""

from __future__ import annotations

import re
import unicodedata
from unittest.mock import patch

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import vnnews
from vnnews._numerals import lexicon as lex
from vnnews.numbers import _extract, _figures
from vnnews.numbers import _patterns as pat

_WORDS = sorted(
    {
        *lex.number_words(),
        *lex.qualifiers(),
        *lex.units(),
        *(marker for marker, _, _ in lex.currencies()),
        *lex.context_words("id_head"),
        *lex.context_words("vague_before"),
        *lex.context_words("fraction_cue"),
        *lex.context_words("one_article"),
        *lex.context_words("one_count"),
        *lex.context_words("code_head"),
        *lex.context_words("score_after"),
        *("iPhone", "iOS", "Nikkei", "Windows", "Xiaomi", "Mi", "Pro", "CLB", "Liverpool"),
        *("độ", "quả", "nấu", "chín", "muồi", "mẹ"),
        *lex.roman_heads(),
        *("phần", "điểm", "phần trăm", "phẩy", "chấm", "đến", "tới", "từ", "giữa", "thứ"),
        *("đầu tiên", "trở lên", "và", "nhất", "XI", "XV", "IV", "MMXX", "COVID", "CT", "TW"),
        *("đảng", "người", "đơn", "số", "nay", "hoạt", "chỉ", "tiêu", "Đảng", "Ban", "tư"),
    }
)
_FIGURES = [
    *("4.028", "10.293", "89,51", "0,5", "0.500", "05", "1.5", "2021", "1999", "7", "0"),
    *("123456789", "12345678", "1.234.567", "1.2345", "22/28", "5tr", "100K", "3M"),
    *("18001234", "1900.1234", "1800", "1K", "2-5", "0-3", "<50", "≥ 3"),
]
_ODD = [
    *("İ", "ı", "ſ", "\u212a", "ß", "ẞ", "ẛ", "\u0301", "\u0307", "𝐀", "\U0001d7ce", "²"),
    *("½", "Ⅻ", "ⅻ", "５", "٣", "\U00016138", "\u00a0", "\u200b", "_", "Σ", "ς"),
]
# The words the shortcuts decide on, drawn more often than the rest of the lexicon.
_HOT = [
    *("đến", "tới", "phần", "điểm", "phẩy", "đ", "đồng", "đô", "km", "m", "độ", "người"),
    *("lượt", "triệu", "nghìn", "trăm", "ba", "hai", "một", "năm", "tư", "không", "linh"),
    *("từ", "thứ", "giữa", "và", "trên", "cao", "khoảng", "không quá", "tối đa", "nhiều hơn"),
    *("mã số", "đảng", "số", "Rs", "Rs.", "US$", "USD", "VNĐ", "$", "€", "XI", "IV", "MMXX"),
    *("tháng", "thế kỷ", "lần", "bảng", "KV", "nm", "iPhone", "Windows", "cho", "quốc lộ", "<"),
]
_SEPARATORS = ["", " ", " ", " ", " ", " ", ", ", ". ", ",", ".", "-", " - ", "/", "%", " %"]
_SEPARATORS += ["(", ") ", "“", '"', "\n", "–", ": "]


def _cased(word: str, case: int) -> str:
    """The word as written, capitalised, in upper case, or with letters that fold apart."""
    odd = word.replace("i", "İ").replace("s", "ſ").replace("k", "\u212a")
    return (word, word.capitalize(), word.upper(), odd)[case]


_CASES = st.sampled_from([0, 0, 0, 0, 1, 2, 3])
_HOT_WORDS = st.builds(_cased, st.sampled_from(_HOT), _CASES)
_TOKENS = st.one_of(
    st.sampled_from(_FIGURES),
    _HOT_WORDS,
    st.builds(_cased, st.sampled_from(_WORDS), _CASES),
    st.sampled_from(_ODD),
)
_PARTS = st.one_of(
    st.builds(str.__add__, _TOKENS, st.sampled_from(_SEPARATORS)),
    # A figure and a word after it: the shapes the plain-figure reading decides on.
    st.builds(
        "{} {}{}".format, st.sampled_from(_FIGURES), _HOT_WORDS, st.sampled_from(_SEPARATORS)
    ),
)
TEXTS = st.lists(_PARTS, min_size=1, max_size=8).map("".join)


def _variants(text: str) -> list[str]:
    return [text, unicodedata.normalize("NFD", text), vnnews.normalize(text)]


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_starts_are_those_of_the_exact_patterns(text: str) -> None:
    """The ``re`` scans find the places (and words) that the exact patterns find."""
    scans = _extract._start_scans()
    for variant in _variants(text):
        starts, words = _extract._starts(variant)
        symbols = {match.start() for match in scans.symbol.finditer(variant)}
        exact = {match.start(): match.group().casefold() for match in scans.word.finditer(variant)}
        assert words == exact, variant
        assert starts == sorted(symbols | set(exact)), variant


def _full_at(text: str, position: int) -> object:
    """What the rules read at ``position``, with none of the shortcuts."""
    with (
        patch.object(_extract, "_plain_figure", lambda text, pos: None),
        patch.object(_figures, "_no_tail_word", lambda text, start: False),
    ):
        return _extract._at(text, position, -1, None)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_shortcuts_read_what_the_rules_read(text: str) -> None:
    """At every start: the plain-figure reading, the tail-word look-up, the qualifier and
    lone-word shortcuts give what the full reading gives there."""
    for variant in _variants(text):
        starts, words = _extract._starts(variant)
        every = frozenset(starts)
        for position in starts:
            got = _extract._at(variant, position, -1, words.get(position), every)
            assert got == _full_at(variant, position), (variant, position)


@pytest.mark.parametrize(
    "text",
    [
        "sau một tháng, x",
        "Một năm qua",
        "một thế kỷ",
        "một thế hệ",
        "một năm 2021",
        "một người",
        "một lần.",
        "năm tháng",
        "iPhone 11 Pro",
        "Xiaomi Mi 11",
        "CLB 5 x",
        "còn 2-5 cho",
        "1-2 Liverpool",
        "18001234 x",
        "<50nm",
    ],
)
def test_shortcuts_read_what_the_rules_read_on_news_shapes(text: str) -> None:
    """The shapes of issue 17 that the shortcuts decide on, at every start."""
    starts, words = _extract._starts(text)
    for position in starts:
        got = _extract._at(text, position, -1, words.get(position), frozenset(starts))
        assert got == _full_at(text, position), (text, position)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_plain_figures_read_what_the_rules_read(text: str) -> None:
    """Wherever the plain-figure reading gives something, at any digit, not only a start."""
    for variant in _variants(text):
        for position, char in enumerate(variant):
            if not char.isdigit():
                continue
            got = _extract._plain_figure(variant, position)
            if got is not None:
                assert got == _full_at(variant, position), (variant, position)


@pytest.mark.parametrize(
    "text",
    [
        "kết nạp được 4.028 đảng viên",
        "cho 10.293 đảng viên.",
        "kiểm tra 1.900 lượt tổ chức",
        "đạt 89,51%, tặng",
        "đạt 89,51% trở lên",
        "dịch COVID-19 có lúc",
        "dịch COVID-19, rà soát",
        "Trung ương 4 (khóa XI, XII)",
        "World Cup 2022.",
        "có 0,5 người",
        "mã số 123 đơn",
        "x 7",
    ],
)
def test_plain_figures_are_read_plainly(text: str) -> None:
    """The commonest shapes take the plain-figure reading, and read as in full."""
    position = next(index for index, char in enumerate(text) if char.isdigit())
    got = _extract._plain_figure(text, position)
    assert got is not None
    assert got == _full_at(text, position)


@pytest.mark.parametrize(
    "text",
    ["5 người2", "5 triệu", "5 đến 7", "5 km/h", "5 độ C", "05 người", "5.000 Người", "5 haİ"],
)
def test_plain_figures_leave_the_rest_to_the_rules(text: str) -> None:
    assert _extract._plain_figure(text, 0) is None


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_a_word_that_is_no_tail_word_begins_no_tail(text: str) -> None:
    """After a space, a word of letters that is none of the tail words matches no tail
    pattern (the look-up in ``_with_tail`` stands for them)."""
    tails = [
        _figures._FRACTION_WORD,
        _figures._POINTS,
        _figures._PERCENT,
        pat.currency_after(),
        pat.unit_after(),
    ]
    for variant in _variants(text):
        for space in (index for index, char in enumerate(variant) if char == " "):
            if _figures._no_tail_word(variant, space + 1):
                assert all(tail.match(variant, space) is None for tail in tails), variant


_BMP = "".join(map(chr, range(0x10000)))
_ALL = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize(
    ("field", "pattern"),
    [
        ("word_like", r"[\p{L}\p{M}\p{N}]"),
        ("letters", r"[\p{L}\p{M}]"),
        ("numbers", r"\p{N}"),
        ("small", r"\p{Ll}"),
    ],
)
def test_bmp_classes_are_the_regex_classes(field: str, pattern: str) -> None:
    body = getattr(pat.bmp_classes(), field)
    assert re.findall(f"[{body}]", _BMP) == regex.findall(pattern, _BMP)
    assert re.search(f"[{body}]", _ALL[0x10000:]) is None


def test_lower_casing_keeps_letters_marks_and_numbers_apart() -> None:
    """The word scan of lower-cased text relies on it: a character that is no letter, mark
    or number (as the regex module classes them) lower-cases to one that is none either."""
    for others, kind in (
        (r"[^\p{L}\p{M}\p{N}]", r"[\p{L}\p{M}\p{N}]"),
        (r"[^\p{L}\p{M}]", r"[\p{L}\p{M}]"),
    ):
        chars = "".join(char for char in regex.findall(others, _ALL) if len(char.lower()) == 1)
        assert regex.search(kind, chars.lower()) is None


def test_case_insensitive_letters_are_those_that_casefold_alike() -> None:
    """The look-ups compare casefolded words: the regex module's case-insensitive match reads
    no other character as a letter of these words, save "İ" (which the look-ups avoid)."""
    words = [*_extract._goes_on(), *_extract._qualifier_firsts(), *_extract._plain_units()]
    for letter in sorted({char.casefold() for word in words for char in word if char.isalpha()}):
        readings = set(regex.findall(f"(?i){regex.escape(letter)}", _ALL))
        folding = {char for char in readings if char.casefold() == letter}
        assert readings - folding <= {"İ"}, letter

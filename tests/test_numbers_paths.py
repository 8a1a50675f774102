"""The shortcuts of the number readers give what their general rules give.

``vnnews.numbers`` finds the places where a figure may begin with ``re`` scans checked by
the exact ``regex`` patterns; at each, ``_at`` settles the commonest shapes without the rules
(``_plain_figure``: "4.028 đảng viên"; ``_qualifier_only`` and ``_lone_numeral``: words that
begin nothing), tries a qualifier only at a qualifier's first word, and reads dates only on
the lines where a figure may begin. ``_read_at`` is the general rule at one place: the
qualifier pattern and every family tried in order. ``parse_number`` reads plain number
words and plain literals before its full reading. Each shortcut is compared here with the
general rule it restates, on texts that take nothing from the shortcuts' tables: the words
of the data files (read from the files), figures, characters that case folding or Unicode
classes treat apart, the case tables, and, when ``/work/shared`` is there, the real-news
development text (read there at test time, never copied).

Inside the figure reader, three look-ups stand for the tail patterns that would fail
(``_begins_no_tail``), and first characters stand for the range connector and the leading
currency: each is checked directly against the patterns it stands for.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vnnews
from cases import DATA, article_text
from vnnews import NumberMatch, ParseError, extract_dates, extract_numbers, parse_number
from vnnews._numerals.grammar import InvalidNumberError, parse_tokens
from vnnews.numbers import _api, _extract, _figures
from vnnews.numbers import _patterns as pat

REAL_DEV = Path("/work/shared/bench/real_dev")
_DATA_DIR = Path(vnnews.__file__).parent / "data"


def _data_words() -> list[str]:
    """The first column of every number table, as written in the files."""
    found = set()
    for path in sorted(_DATA_DIR.glob("number_*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(line.split("\t")[0])
    return sorted(found)


_WORDS = sorted(
    {
        *_data_words(),
        *("iPhone", "iOS", "Nikkei", "Windows", "Xiaomi", "Mi", "Pro", "CLB", "Liverpool"),
        *("độ", "quả", "nấu", "chín", "muồi", "mẹ", "khóa", "Đại hội", "lần"),
        *("phần", "điểm", "phần trăm", "phẩy", "chấm", "đến", "tới", "từ", "giữa", "thứ"),
        *("đầu tiên", "trở lên", "trở xuống", "và", "nhất", "nhì", "XI", "XV", "IV", "MMXX"),
        *("COVID", "CT", "TW", "đảng", "người", "đơn", "số", "nay", "hoạt", "chỉ", "tiêu"),
        *("Đảng", "Ban", "tư", "tháng", "năm", "ngày", "quý", "giờ", "thế kỷ", "xu", "cent"),
    }
)
_FIGURES = [
    *("4.028", "10.293", "89,51", "0,5", "0.500", "05", "1.5", "2021", "1999", "7", "0"),
    *("123456789", "12345678", "1.234.567", "1.2345", "22/28", "5tr", "100K", "3M"),
    *("18001234", "1900.1234", "1800", "1K", "2-5", "0-3", "<50", "≥ 3", "20/1", "3/4"),
]
_ODD = [
    *("İ", "ı", "ſ", "\u212a", "ß", "ẞ", "ẛ", "\u0301", "\u0307", "𝐀", "\U0001d7ce", "²"),
    *("½", "Ⅻ", "ⅻ", "５", "٣", "\U00016138", "\u00a0", "\u200b", "_", "Σ", "ς"),
]
# The words next to which a figure's reading turns, drawn more often than the rest. Written
# here from the language, not taken from the shortcuts.
_HOT = [
    *("đến", "tới", "phần", "điểm", "phẩy", "đ", "đồng", "đô", "km", "m", "độ", "người"),
    *("lượt", "triệu", "nghìn", "trăm", "ba", "hai", "một", "năm", "tư", "không", "linh"),
    *("từ", "thứ", "giữa", "và", "trên", "cao", "khoảng", "không quá", "tối đa", "nhiều hơn"),
    *("mã số", "đảng", "số", "Rs", "Rs.", "US$", "USD", "VNĐ", "$", "€", "XI", "IV", "MMXX"),
    *("tháng", "thế kỷ", "lần", "bảng", "KV", "nm", "iPhone", "Windows", "cho", "quốc lộ", "<"),
    *("≥", "≤", ">", "lăm", "mốt", "mươi", "chưa", "vượt", "hơn", "gần", "thấp", "đầu"),
]
_SEPARATORS = ["", " ", " ", " ", " ", " ", ", ", ". ", ",", ".", "-", " - ", "/", "%", " %"]
_SEPARATORS += ["(", ") ", "“", '"', "\n", "–", ": ", " – ", "—"]


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
# Runs of the words the shortcuts decide on, side by side ("một năm tư", "khoảng, hơn 5").
_SHORT_WORDS = [
    *("một", "năm", "tư", "không", "lăm", "mốt", "nhăm", "trăm", "hai", "mươi", "phẩy"),
    *("chấm", "trên", "nhiều", "cao", "chưa", "vượt", "khoảng", "hơn", "gần", "tối", "thấp"),
    *("từ", "thứ", "đầu", "tiên", "âm", "Một", "NĂM", "Tư", "ſáu", "số", "nay", "người"),
    *("phần", "điểm", "đồng", "USD", "km", "%", "/", ",", ".", "-", "đến", "và", "5", "2022"),
    *("4.028", "19", "XV", "khóa"),
]
TEXTS = st.one_of(
    st.lists(_PARTS, min_size=1, max_size=8).map("".join),
    st.builds(
        str.join,
        st.sampled_from([" ", ","]),
        st.lists(st.sampled_from(_SHORT_WORDS), min_size=1, max_size=8),
    ),
)


def _variants(text: str) -> list[str]:
    return [text, unicodedata.normalize("NFD", text), vnnews.normalize(text)]


def _table_texts(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip() and line[0] != "/"]


CASE_TEXTS = sorted(
    {*_table_texts("numbers_extract.jsonl"), *_table_texts("numbers_parse.jsonl"), article_text()}
)
NEWS_SHAPES = [
    *("sau một tháng, x", "Một năm qua", "một thế kỷ", "một thế hệ", "một năm 2021", "một người"),
    *("một lần.", "năm tháng", "iPhone 11 Pro", "Xiaomi Mi 11", "CLB 5 x", "còn 2-5 cho"),
    *("1-2 Liverpool", "18001234 x", "<50nm", "< 2,5 triệu", "≥ 30%", "<$50", "≥ hai mươi"),
    *("khóa XI, XII", "thứ XIII", "giữa 1000 và 2000 đồng", "từ 18 tuổi trở lên"),
]


def _real_texts() -> list[str]:
    return [
        json.loads(line)["text"]
        for name in ("numbers.jsonl", "dates.jsonl")
        if (REAL_DEV / name).exists()
        for line in (REAL_DEV / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


# --------------------------------------------------------------------------- the start scan


def _exact_starts(text: str) -> tuple[list[int], dict[int, str]]:
    """Where a figure may begin, by the exact patterns, and the casefolded word there."""
    scans = _extract._start_scans()
    words = {match.start(): match.group().casefold() for match in scans.word.finditer(text)}
    symbols = {match.start() for match in scans.symbol.finditer(text)}
    return sorted(symbols | set(words)), words


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("_ba người, ba_ người, x\u0301ba, ba5, VNDirect 5, US$5, Rs.5, ²3 ½, khóa XI, XII")
@example("KHOẢNG 5 NGƯỜI, Từ 1 đến 2, ſáu người, İ ba, ẞ năm, ΣΑ hai, \u212aém 3, <<50")
def test_starts_are_those_of_the_exact_patterns(text: str) -> None:
    """The ``re`` scans find the places (and words) that the exact patterns find."""
    for variant in _variants(text):
        assert _extract._starts(variant) == _exact_starts(variant), variant


@pytest.mark.parametrize("text", CASE_TEXTS)
def test_starts_are_those_of_the_exact_patterns_on_the_case_tables(text: str) -> None:
    for variant in _variants(text):
        assert _extract._starts(variant) == _exact_starts(variant), variant


# --------------------------------------------------------------------------- at one place


def assert_shortcuts_agree(text: str) -> None:
    """At every place where a figure may begin: ``_at`` gives what ``_read_at`` gives."""
    starts, words = _exact_starts(text)
    every = frozenset(starts)
    for position in starts:
        got = _extract._at(text, position, -1, words.get(position), every)
        assert got == _extract._read_at(text, position, -1), (text, position)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_shortcuts_read_what_the_rules_read(text: str) -> None:
    for variant in _variants(text):
        assert_shortcuts_agree(variant)


@pytest.mark.parametrize("text", CASE_TEXTS + NEWS_SHAPES)
def test_shortcuts_read_what_the_rules_read_on_the_case_tables(text: str) -> None:
    for variant in _variants(text):
        assert_shortcuts_agree(variant)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_plain_figures_read_what_the_rules_read(text: str) -> None:
    """Wherever the plain-figure reading gives something, at any digit, not only a start."""
    for variant in _variants(text):
        for position, char in enumerate(variant):
            if char.isdigit():
                got = _extract._plain_figure(variant, position)
                if got is not None:
                    assert got == _extract._read_at(variant, position, -1), (variant, position)


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
        "(4.028 người)",
        "“1.900 lượt kiểm tra”",
    ],
)
def test_plain_figures_are_read_plainly(text: str) -> None:
    """The commonest shapes take the plain-figure reading, and read as in full."""
    position = next(index for index, char in enumerate(text) if char.isdigit())
    got = _extract._plain_figure(text, position)
    assert got is not None
    assert got == _extract._read_at(text, position, -1)


@pytest.mark.parametrize(
    "text",
    ["5 người2", "5 triệu", "5 đến 7", "5 km/h", "5 độ C", "05 người", "5.000 Người", "5 haİ"],
)
def test_plain_figures_leave_the_rest_to_the_rules(text: str) -> None:
    assert _extract._plain_figure(text, 0) is None


# --------------------------------------------------------------------------- a whole text

_DATE_REF = datetime(2000, 1, 1)
_FIELDS = ("ratio", "numerator", "denominator", "low", "high", "currency", "unit", "qualifier")


def numbers_in_full(text: str) -> list[tuple[object, ...]]:
    """The figures of a normalised text by the general rule: at every place the exact
    patterns find, outside every date of the text (all of them, from extract_dates) and
    outside the last figure, ``_read_at``; figures that meet a date are dropped."""
    dates = [match.span for match in extract_dates(text, ref=_DATE_REF)]

    def in_date(start: int, end: int) -> bool:
        return any(low < end and start < high for low, high in dates)

    found: list[tuple[object, ...]] = []
    position, last_roman_end = 0, -1
    for start in _exact_starts(text)[0]:
        if start < position or in_date(start, start + 1):
            continue
        read = _extract._read_at(text, start, last_roman_end)
        if read is None:
            continue
        position = read.end
        if not hasattr(read, "kind"):  # a code or phone number to skip
            continue
        if read.kind == "roman":
            last_roman_end = read.end
        if not in_date(read.start, read.end):
            extra = dict(read.extra)
            if read.kind == "percent":
                extra["ratio"] = read.value / 100
            values = (read.value, *(extra.get(field) for field in _FIELDS[:-1]), read.qualifier)
            found.append(((read.start, read.end), read.kind, *values))
    return found


def _found(matches: list[NumberMatch]) -> list[tuple[object, ...]]:
    return [(m.span, m.kind, m.value, *(getattr(m, field) for field in _FIELDS)) for m in matches]


def _same(got: list[tuple[object, ...]], expected: list[tuple[object, ...]]) -> bool:
    """Equal, an exact Fraction standing for the float or int the API gives."""

    def close(a: object, b: object) -> bool:
        if isinstance(b, Fraction) and isinstance(a, int | float):
            return a == (int(b) if b.denominator == 1 else float(b))
        return a == b

    return len(got) == len(expected) and all(
        len(g) == len(e) and all(close(a, b) for a, b in zip(g, e, strict=True))
        for g, e in zip(got, expected, strict=True)
    )


def assert_extraction_agrees(raw: str) -> None:
    text = vnnews.normalize(raw)
    got, expected = _found(extract_numbers(text)), numbers_in_full(text)
    assert _same(got, expected), (text, got, expected)


@settings(max_examples=800, deadline=None)
@given(TEXTS)
@example("Ngày 20/1, có 3/4 số hộ\nnăm 2022 có 5 người; từ 10-15/1 giá 5 triệu")
def test_extract_numbers_finds_what_the_rules_find(text: str) -> None:
    assert_extraction_agrees(text)


@pytest.mark.parametrize("text", CASE_TEXTS + NEWS_SHAPES)
def test_extract_numbers_finds_what_the_rules_find_on_the_case_tables(text: str) -> None:
    assert_extraction_agrees(text)


@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="the shared real-news folder is not here")
def test_real_news_development_text() -> None:
    texts = _real_texts()
    assert texts
    for text in texts:
        assert_shortcuts_agree(vnnews.normalize(text))
        assert_extraction_agrees(text)


# --------------------------------------------------------------------------- inside a figure


def _tails() -> list[regex.Pattern[str]]:
    """The patterns of the tails after a numeral, as ``_with_tail`` tries them."""
    return [
        _figures._FRACTION_WORD,
        _figures._SLASH,
        _figures._POINTS,
        _figures._PERCENT,
        pat.currency_after(),
        pat.currency_after_amount(),
        pat.unit_after(),
    ]


def _tail_texts() -> st.SearchStrategy[str]:
    """A figure, then a space or not, then any tail word or marker as written in the data
    files, in any case, or anything else."""
    tail_words = [w for w in _data_words() if w] + ["phần", "phần trăm", "điểm", "%", "/5"]
    return st.builds(
        "{}{}{}{}".format,
        st.sampled_from(_FIGURES),
        st.sampled_from(["", " ", "  ", "\n"]),
        st.one_of(st.builds(_cased, st.sampled_from(tail_words), _CASES), st.text(max_size=3)),
        st.sampled_from([*_SEPARATORS, "x", "2", "s", "/h"]),
    )


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_tail_texts(), TEXTS))
@example("4.028 dİrham")  # the patterns read "İ" as i: the prefix look-up missed it
def test_a_place_that_begins_no_tail_matches_no_tail_pattern(text: str) -> None:
    """Where ``_begins_no_tail`` holds, every tail pattern fails: the look-ups
    (``tails()``, ``tail_words()``, ``never_tail()``) stand for them."""
    for variant in _variants(text):
        for end in range(len(variant) + 1):
            if _figures._begins_no_tail(variant, end):
                assert all(tail.match(variant, end) is None for tail in _tails()), (variant, end)


def test_every_tail_word_of_the_data_files_is_seen_after_a_figure() -> None:
    """Each word of the number tables right after a figure, glued or after a space, in each
    case: where the look-ups say no tail begins, no tail pattern matches."""
    for word in _data_words():
        for case in range(4):
            for gap in ("", " "):
                text = f"5{gap}{_cased(word, case)}"
                if _figures._begins_no_tail(text, 1):
                    assert all(tail.match(text, 1) is None for tail in _tails()), text


@pytest.mark.parametrize("text", CASE_TEXTS)
def test_a_place_that_begins_no_tail_on_the_case_tables(text: str) -> None:
    for end in range(len(text) + 1):
        if _figures._begins_no_tail(text, end):
            assert all(tail.match(text, end) is None for tail in _tails()), (text, end)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(TEXTS, _tail_texts()))
def test_first_characters_stand_for_their_patterns(text: str) -> None:
    """The range connector begins with a character of ``_CONNECTOR_FIRSTS``, a leading
    currency with one of ``currency_firsts()``."""
    for position in range(len(text)):
        char = text[position]
        if char not in _extract._CONNECTOR_FIRSTS:
            assert _extract._CONNECTOR.match(text, position) is None
        if char not in pat.currency_firsts():
            assert pat.currency_before().match(text, position) is None


# --------------------------------------------------------------------------- parse_number


def _read_in_full(text: str) -> int | float | str:
    """parse_number's general reading: the normalised tokens read by the grammar."""
    tokens = _api.tokenize(text)
    if not tokens:
        return "ParseError"
    try:
        return _api.as_number(parse_tokens(tokens))
    except InvalidNumberError:
        return "ParseError"


def _parsed(text: str) -> int | float | str:
    try:
        return parse_number(text)
    except ParseError:
        return "ParseError"


_NUMBER_TEXTS = st.one_of(
    st.integers(-(10**15), 10**15).map(vnnews.number_to_words),
    st.integers(-(10**12), 10**12).map(vnnews.format_number),
    st.decimals(-(10**9), 10**9, places=3, allow_nan=False).map(vnnews.format_number),
    st.lists(st.sampled_from([*_data_words(), *_FIGURES, "-", "âm", "phẩy"]), max_size=5).map(
        " ".join
    ),
    st.builds(
        "{}{}{}".format,
        st.sampled_from(["", " ", "-", "−", "- ", "\u200b"]),
        st.sampled_from([*_FIGURES, "1,5", ",5", "1.000,25", "12.5", "100K", "3,5 triệu"]),
        st.sampled_from(["", " ", "  ", "\u00a0", "x"]),
    ),
)


@settings(max_examples=3000, deadline=None)
@given(_NUMBER_TEXTS)
@example("-5tr")  # "-5TR" was read as "-5tr": digits keep their case
def test_parse_number_reads_what_its_general_reading_reads(text: str) -> None:
    """The plain-words reading, the plain-literal reading and the quick tokens give what the
    normalised tokens give (a value of the same type, or an error)."""
    for variant in [*_variants(text), text.upper(), text.title()]:
        got, expected = _parsed(variant), _read_in_full(variant)
        assert got == expected and type(got) is type(expected), variant


@pytest.mark.parametrize(
    "text",
    _table_texts("numbers_parse.jsonl") + _table_texts("numbers_invalid.jsonl"),
)
def test_parse_number_reads_what_its_general_reading_reads_on_the_case_tables(text: str) -> None:
    got, expected = _parsed(text), _read_in_full(text)
    assert got == expected and type(got) is type(expected)


# --------------------------------------------------------------------------- the assumptions

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

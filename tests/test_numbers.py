"""Tests of vnnews.numbers (issue 3): parse_number, extract_numbers, format_*, number_to_words."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnnews
from cases import DATA, article_text, load_cases
from vnnews import (
    NumberMatch,
    ParseError,
    extract_numbers,
    format_number,
    format_percent,
    number_to_words,
    parse_number,
)

OPTIONAL_FIELDS = ("numerator", "denominator", "low", "high", "currency", "unit", "qualifier")


def _same_number(actual: object, expected: object) -> bool:
    return type(actual) is type(expected) and actual == expected


# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize("case", load_cases("numbers_parse.jsonl"))
def test_parse_number(case: dict[str, Any]) -> None:
    text = unicodedata.normalize("NFD", case["text"]) if case.get("nfd") else case["text"]
    value = parse_number(text)
    assert _same_number(value, case["value"]), (value, case["value"])


@pytest.mark.parametrize("case", load_cases("numbers_invalid.jsonl"))
def test_parse_number_refuses(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as raised:
        parse_number(case["text"])
    assert raised.value.text == case["text"]
    assert raised.value.hint == case["hint"]
    assert str(raised.value) == f"cannot read {case['text']!r}: {case['hint']}"
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("value", [None, 12, 1.5, b"12", ["12"]])
def test_parse_number_needs_str(value: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        parse_number(value)  # type: ignore[arg-type]


def test_integral_values_are_int() -> None:
    assert type(parse_number("3,5 triệu")) is int
    assert type(parse_number("1,0")) is int
    assert type(parse_number("1,25")) is float


# --------------------------------------------------------------------------- extract_numbers


def _as_dict(match: NumberMatch, expected: dict[str, Any]) -> dict[str, Any]:
    got: dict[str, Any] = {"text": match.text, "kind": match.kind, "value": match.value}
    got.update(
        {key: getattr(match, key) for key in OPTIONAL_FIELDS if getattr(match, key) is not None}
    )
    return {key: got.get(key) for key in set(got) | set(expected) - {"before"}}


def _check(text: str, matches: list[NumberMatch], expected: list[dict[str, Any]]) -> None:
    for match in matches:
        assert text[match.span[0] : match.span[1]] == match.text
    got = [_as_dict(m, e) for m, e in zip(matches, expected, strict=False)]
    want = [{k: v for k, v in e.items() if k != "before"} for e in expected]
    assert got == want
    assert len(matches) == len(expected), [m.text for m in matches]
    for match, case in zip(matches, expected, strict=True):
        assert type(match.value) is type(case["value"]), match
        if match.kind == "percent":
            assert match.ratio == pytest.approx(match.value / 100)
        else:
            assert match.ratio is None


@pytest.mark.parametrize("case", load_cases("numbers_extract.jsonl"))
def test_extract_numbers(case: dict[str, Any]) -> None:
    _check(case["text"], extract_numbers(case["text"]), case["expect"])


@pytest.mark.parametrize("case", load_cases("numbers_extract.jsonl"))
def test_extract_numbers_nfd_spans(case: dict[str, Any]) -> None:
    """Decomposed input finds the same figures, with spans into the decomposed text."""
    text = unicodedata.normalize("NFD", case["text"])
    matches = extract_numbers(text)
    assert [(m.kind, m.value) for m in matches] == [(e["kind"], e["value"]) for e in case["expect"]]
    for match, expected in zip(matches, case["expect"], strict=True):
        assert text[match.span[0] : match.span[1]] == match.text
        assert unicodedata.normalize("NFC", match.text) == expected["text"]


def test_old_style_tones_and_spaces_map_back() -> None:
    text = "Khoảng\u00a0 hai  mươi  lăm  nghìn tỉ đồng được giải ngân, tăng 3,5 %."
    matches = extract_numbers(text)
    assert [(m.kind, m.value) for m in matches] == [
        ("money", 25_000_000_000_000),
        ("percent", 3.5),
    ]
    assert matches[0].text == "hai  mươi  lăm  nghìn tỉ đồng"
    assert matches[0].qualifier == "approx"
    assert matches[1].text == "3,5 %"


def test_fixture_article() -> None:
    path = DATA / "numbers_article.jsonl"
    expected = [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("//")
    ]
    text = article_text()
    matches = extract_numbers(text)
    _check(text, matches, expected)
    for match, case in zip(matches, expected, strict=True):
        assert text[: match.span[0]].endswith(case["before"])


@pytest.mark.parametrize(
    "fragment",
    ["COVID-19", "05-CT/TW", "20/1", "18/12/2021", "2021 – 2026", "năm 2022", "Năm 2021"],
)
def test_fixture_article_non_figures(fragment: str) -> None:
    text = article_text()
    spans = [m.span for m in extract_numbers(text)]
    start = text.find(fragment)
    assert start >= 0
    while start >= 0:
        end = start + len(fragment)
        assert not any(s < end and start < e for s, e in spans), fragment
        start = text.find(fragment, end)


def test_dates_are_not_figures() -> None:
    text = "Sáng 20/1, thứ 5 (20/1), 3 ngày tới, từ 10-15/1 giá tăng 3%"
    assert [(m.text, m.kind) for m in extract_numbers(text)] == [("3%", "percent")]


def test_match_is_frozen() -> None:
    match = extract_numbers("đạt 89,51%")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.value = 1  # type: ignore[misc]
    assert match.ratio == pytest.approx(0.8951)


@pytest.mark.parametrize("value", [None, 5, b"5 ha"])
def test_extract_numbers_needs_str(value: object) -> None:
    with pytest.raises(TypeError):
        extract_numbers(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name, text",
    [
        ("digits", "1" * 200_000),
        ("dots", "1." * 100_000),
        ("commas", "1," * 100_000),
        ("dashes", "1-" * 100_000),
        ("slashes", "1/" * 100_000),
        ("number words", "hai " * 50_000),
        ("tens", "hai mươi " * 22_000),
        ("ranges", "từ 1 " * 40_000),
        ("roman", "khóa XI, " * 22_000),
        ("mixed", "âm 1,5 phẩy 2 triệu - 3 % đồng thứ " * 5_000),
    ],
)
def test_adversarial_input_finishes(name: str, text: str) -> None:
    matches = extract_numbers(text)
    previous_end = 0
    for match in matches:
        assert text[match.span[0] : match.span[1]] == match.text
        assert match.span[0] >= previous_end
        previous_end = match.span[1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,-/% đồnghaimươtrăkVXIthứ\u00a0\n", max_size=60))
def test_extract_numbers_never_raises(text: str) -> None:
    previous_end = 0
    for match in extract_numbers(text):
        assert text[match.span[0] : match.span[1]] == match.text
        assert match.span[0] >= previous_end
        previous_end = match.span[1]


# --------------------------------------------------------------------------- writing numbers


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (4028, None, "4.028"),
        (89.51, None, "89,51"),
        (0, None, "0"),
        (-1_234_567.5, None, "-1.234.567,5"),
        (1_200_000, None, "1.200.000"),
        (Decimal("0.1"), None, "0,1"),
        (2 / 3, 2, "0,67"),
        (7, 1, "7,0"),
        (1234.5, 0, "1.234"),
        (10**30 + 1, None, "1.000.000.000.000.000.000.000.000.000.001"),
        (-(10**30), 1, "-1.000.000.000.000.000.000.000.000.000.000,0"),
        (1e-30, None, "0," + "0" * 29 + "1"),
    ],
)
def test_format_number(value: float, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (89.51, None, "89,51%"),
        (100, None, "100%"),
        (0.5, None, "0,5%"),
        (12.345, 1, "12,3%"),
        (10**30, None, "1" + ".000" * 10 + "%"),
    ],
)
def test_format_percent_does_not_round(value: float, decimals: int | None, expected: str) -> None:
    assert format_percent(value, decimals) == expected


@pytest.mark.filterwarnings("ignore:format_percent")  # 5e-324 looks like a ratio
@pytest.mark.parametrize("value", [1e308, -1e308, 5e-324, Decimal("1E+500"), 10**400])
def test_format_any_finite_number(value: float) -> None:
    """Beyond the 28 digits of the default decimal context (InvalidOperation before)."""
    for written in (format_number(value), format_number(value, 2), format_percent(value)):
        assert written.lstrip("-")[:1].isdigit()


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (0.8951, None, "89,51%"),  # babel: format_percent(0.8951) is '90%'
        (Decimal("0.5"), None, "50%"),
        (1, None, "100%"),
        (1.25, None, "125%"),
        (-0.031, None, "-3,1%"),
        (2 / 3, 1, "66,7%"),
        (0.0005, None, "0,05%"),
    ],
)
def test_format_percent_of_a_ratio(value: float, decimals: int | None, expected: str) -> None:
    """ratio=True takes babel's scale (issue 21); decimals are those of the percentage."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert format_percent(value, decimals, ratio=True) == expected


@pytest.mark.parametrize("value", [0.8951, 2 / 3, -0.125, Decimal("0.1234"), 0.001])
def test_format_percent_warns_when_a_ratio_looks_meant(value: float) -> None:
    with pytest.warns(UserWarning, match=r"pass ratio=True") as caught:
        written = format_percent(value)
    assert written == format_number(value) + "%"  # still written as asked
    assert caught[0].filename == __file__  # the warning points at the caller
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert format_percent(value, ratio=False) == written


@pytest.mark.parametrize("value", [0.5, 0.05, -0.25, 0, 1, 12.5, 89.51, 150, Decimal("0.10")])
def test_format_percent_does_not_warn_for_a_percentage(value: float) -> None:
    """Percentages as news writes them ("0,5%", "0,05%", "-0,25%") are no ratio."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        format_percent(value)


def test_format_percent_warning_says_what_to_do() -> None:
    with pytest.warns(UserWarning) as caught:
        format_percent(0.8951)
    assert str(caught[0].message) == (
        "format_percent(0.8951) writes 0,8951%: x is the percentage, as news writes it. "
        "If 0.8951 is a ratio (89,51%), pass ratio=True, as babel's format_percent takes it; "
        "pass ratio=False to write it as a percentage without this warning."
    )
    with pytest.raises(TypeError, match="ratio must be True, False or None"):
        format_percent(0.5, ratio="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, words, written",
    [
        (0.1 + 0.2, "không phẩy ba", "0,3"),
        (1.1 * 3, "ba phẩy ba", "3,3"),
        (0.07 * 100, "bảy", "7"),
        (89.51, "tám mươi chín phẩy năm một", "89,51"),
        (
            Decimal("0.30000000000000004"),
            "không phẩy " + " ".join(["ba"] + ["không"] * 15 + ["bốn"]),
            "0,30000000000000004",
        ),
    ],
)
def test_float_noise_is_not_read_out(value: float, words: str, written: str) -> None:
    """A float is read to 15 significant digits (issue 21); a Decimal exactly."""
    assert number_to_words(value) == words
    assert format_number(value) == written


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False
    )
)
def test_a_float_is_read_as_written(written: Decimal) -> None:
    """What was written with up to 15 digits is what is read, float or not."""
    assert number_to_words(float(written)) == number_to_words(written)
    assert format_number(float(written)) == format_number(written)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "12", True])
def test_format_refuses(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        format_number(bad)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        number_to_words(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, words",
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (21011, "hai mươi mốt nghìn không trăm mười một"),
        (1_000_000_001, "một tỷ không trăm linh một"),
        (10**15, "một triệu tỷ"),
        (-7, "âm bảy"),
        (12.5, "mười hai phẩy năm"),
        (-0.05, "âm không phẩy không năm"),
    ],
)
def test_number_to_words(value: float, words: str) -> None:
    assert number_to_words(value) == words


@pytest.mark.parametrize(
    "value", [0, 1, 10, 100, 1000, 10**6, 10**9, 10**12, 10**15, 10**15 - 1, 1_000_001, 100_010]
)
def test_round_trip_edges(value: int) -> None:
    assert parse_number(number_to_words(value)) == value


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_integers(value: int) -> None:
    words = number_to_words(value)
    assert parse_number(words) == value
    assert parse_number(format_number(value)) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=4))
def test_round_trip_decimals(units: int, places: int) -> None:
    value = Decimal(units).scaleb(-places)
    expected = int(value) if value == value.to_integral_value() else float(value)
    assert parse_number(number_to_words(value)) == expected
    assert parse_number(format_number(value)) == expected


def test_exports() -> None:
    for name in (
        "parse_number",
        "extract_numbers",
        "NumberMatch",
        "format_number",
        "format_percent",
        "number_to_words",
    ):
        assert name in vnnews.__all__
        assert getattr(vnnews, name) is not None
    assert Path(vnnews.numbers.__file__).parent.name == "numbers"


@pytest.mark.parametrize(
    ("special", "plain"),
    [("tốİ đa 5 người", "tối đa 5 người"), ("không dướİ 3 tỷ", "không dưới 3 tỷ")],
)
def test_a_qualifier_with_a_dotted_capital_i_is_read(special: str, plain: str) -> None:
    """The case-insensitive match reads "İ" as i; the qualifier is then looked up as listed
    (it raised KeyError before)."""
    got = [(m.span, m.value, m.qualifier) for m in extract_numbers(special)]
    assert got == [(m.span, m.value, m.qualifier) for m in extract_numbers(plain)]
    assert got and got[0][2] is not None


@pytest.mark.parametrize(
    "text", ["x² = 4", "²3 người", "1\U00016138 đồng", "²- \U000404061\U00016138.00"]
)
def test_digits_int_cannot_read_are_no_figures(text: str) -> None:
    """A superscript digit, or a digit of a newer Unicode than this Python's (U+16138, known
    to the regex module), is no figure: extract_numbers gave ValueError from int() before."""
    for match in extract_numbers(text):
        assert text[match.span[0] : match.span[1]] == match.text

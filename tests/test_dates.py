"""Dates and times (issue 4): parse_date, extract_dates, format_date, TimeValue."""

from __future__ import annotations

import dataclasses
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases import article_text, load_cases
from vnnews import DateMatch, ParseError, TimeValue, extract_dates, format_date, parse_date

ARTICLE_REF = date(2022, 1, 20)


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@pytest.mark.parametrize("case", load_cases("dates.jsonl"))
def test_parse_date(case: dict[str, Any]) -> None:
    value = parse_date(case["text"], ref=_when(case["ref"]), prefer=case.get("prefer"))
    assert (value.start, value.end, value.grain) == (
        _when(case["start"]),
        _when(case["end"]),
        case["grain"],
    )
    if "lunar" in case:
        assert value.lunar is not None
        day, month, year, leap = case["lunar"]
        assert (value.lunar.day, value.lunar.month, value.lunar.year, value.lunar.leap) == (
            day,
            month,
            year,
            leap,
        )
    else:
        assert value.lunar is None


@pytest.mark.parametrize("case", load_cases("dates_extract.jsonl"))
def test_extract_dates(case: dict[str, Any]) -> None:
    text = case["text"]
    found = extract_dates(text, ref=_when(case["ref"]), prefer=case.get("prefer"))
    got = [(m.text, m.value.start, m.value.end, m.value.grain) for m in found]
    want = [(t, _when(s), _when(e), g) for t, s, e, g in case["expected"]]
    assert got == want
    for match in found:
        assert text[match.span[0] : match.span[1]] == match.text


@pytest.mark.parametrize("case", load_cases("dates_invalid.jsonl"))
def test_parse_date_rejects(case: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as error:
        parse_date(case["text"], ref=ARTICLE_REF)
    assert error.value.text == case["text"]
    assert error.value.hint == case["hint"]
    assert str(error.value) == f"cannot read {case['text']!r}: {case['hint']}"


# --- the fixture article (published 2022-01-20) ----------------------------------------------

ARTICLE_DATES = [
    ("năm 2022", "2022-01-01", None, "year"),
    ("Sáng 20/1", "2022-01-20T04:00", "2022-01-20T12:00", "hour"),
    ("năm 2021", "2021-01-01", None, "year"),
    ("năm 2022", "2022-01-01", None, "year"),
    ("Năm 2021", "2021-01-01", None, "year"),
    ("nhiệm kỳ 2021 – 2026", "2021-01-01", "2027-01-01", "year"),
    ("ngày 18/12/2021", "2021-12-18", None, "day"),
    ("Năm 2021", "2021-01-01", None, "year"),
    ("năm 2021", "2021-01-01", None, "year"),
    ("năm 2022", "2022-01-01", None, "year"),
    ("năm 2021", "2021-01-01", None, "year"),
    ("Năm 2022", "2022-01-01", None, "year"),
    ("năm 2022", "2022-01-01", None, "year"),
    ("năm 2021", "2021-01-01", None, "year"),
    ("Tết Nguyên đán", "2022-02-01", None, "day"),
    ("Tết", "2022-02-01", None, "day"),
    ("năm 2021", "2021-01-01", None, "year"),
]


def test_article_dates() -> None:
    text = article_text()
    found = extract_dates(text, ref=ARTICLE_REF)
    got = [(m.text, m.value.start, m.value.end, m.value.grain) for m in found]
    assert got == [(t, _when(s), _when(e), g) for t, s, e, g in ARTICLE_DATES]
    for match in found:
        assert text[match.span[0] : match.span[1]] == match.text


@pytest.mark.parametrize(
    "not_a_date", ["22/28", "6/28", "COVID-19", "05-CT/TW", "89,51%", "năm thứ hai"]
)
def test_article_non_dates(not_a_date: str) -> None:
    text = article_text()
    assert not_a_date in text
    spans = [m.span for m in extract_dates(text, ref=ARTICLE_REF)]
    start = 0
    while (start := text.find(not_a_date, start)) >= 0:
        end = start + len(not_a_date)
        assert not any(s < end and start < e for s, e in spans if text[s:e] != "năm 2022"), (
            not_a_date
        )
        start = end


def test_article_spans_survive_nfd_and_old_tones() -> None:
    text = unicodedata.normalize("NFD", article_text())
    found = extract_dates(text, ref=ARTICLE_REF)
    assert [m.value for m in found] == [
        m.value for m in extract_dates(article_text(), ref=ARTICLE_REF)
    ]
    for match in found:
        assert text[match.span[0] : match.span[1]] == match.text
    old_style = "Sáng 20/1, hội nghị Khánh Hoà; giữa tháng hoà giải."
    matches = extract_dates(old_style, ref=ARTICLE_REF)
    assert [m.text for m in matches] == ["Sáng 20/1", "giữa tháng"]


# --- arguments and values --------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, b"20/1", 20, ["20/1"]])
def test_text_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_date(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        extract_dates(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad_ref", [20220120, 1.5, [2022, 1, 20]])
def test_ref_must_be_a_date(bad_ref: object) -> None:
    with pytest.raises(TypeError, match="ref"):
        parse_date("hôm nay", ref=bad_ref)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ref"):
        extract_dates("hôm nay", ref=bad_ref)  # type: ignore[arg-type]


def test_ref_defaults_to_now() -> None:
    before = datetime.now()
    value = parse_date("hôm nay")
    after = datetime.now()
    assert value.start.date() in (before.date(), after.date())
    assert value.grain == "day"


def test_aware_ref_is_read_as_wall_clock_time() -> None:
    from datetime import timezone

    aware = datetime(2022, 1, 20, 23, 30, tzinfo=timezone(timedelta(hours=7)))
    assert parse_date("hôm nay", ref=aware).start == datetime(2022, 1, 20)


def test_values_are_frozen() -> None:
    match = extract_dates("ngày 20/1", ref=ARTICLE_REF)[0]
    assert isinstance(match, DateMatch)
    assert isinstance(match.value, TimeValue)
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.value.start = datetime(2000, 1, 1)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.text = "x"  # type: ignore[misc]


def test_str_of_values() -> None:
    assert str(parse_date("ngày 20/1", ref=ARTICLE_REF)) == "2022-01-20 (day)"
    assert (
        str(parse_date("tối nay", ref=ARTICLE_REF)) == "[2022-01-20 18:00, 2022-01-21 00:00) hour"
    )
    assert str(parse_date("quý I/2022")) == "2022-Q1 (quarter)"
    assert str(parse_date("tháng 12/2021")) == "2021-12 (month)"
    assert str(parse_date("15:23:24", ref=ARTICLE_REF)) == "2022-01-20 15:23:24 (second)"


def test_last_is_the_exclusive_end() -> None:
    assert parse_date("tháng 2/2022").last == datetime(2022, 3, 1)
    assert parse_date("nhiệm kỳ 2021 – 2026").last == datetime(2027, 1, 1)


def test_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="30/2/2022"):
        parse_date("30/2/2022")


# --- format_date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (date(2022, 1, 20), "long", "thứ Năm, ngày 20 tháng 1 năm 2022"),
        (date(2022, 1, 20), "short", "20/01/2022"),
        (date(2022, 1, 23), "long", "Chủ nhật, ngày 23 tháng 1 năm 2022"),
        (datetime(2022, 1, 20, 15, 30), "long", "15:30, thứ Năm, ngày 20 tháng 1 năm 2022"),
        (datetime(2022, 1, 20, 15, 30), "short", "15:30 20/01/2022"),
        (TimeValue(datetime(2022, 12, 1), None, "month"), "long", "tháng 12 năm 2022"),
        (TimeValue(datetime(2022, 12, 1), None, "month"), "short", "12/2022"),
        (TimeValue(datetime(2022, 7, 1), None, "quarter"), "long", "quý III năm 2022"),
        (TimeValue(datetime(2022, 1, 1), None, "year"), "long", "năm 2022"),
        (
            TimeValue(datetime(2022, 1, 1), datetime(2022, 1, 16), "day"),
            "short",
            "01/01/2022 – 15/01/2022",
        ),
        (
            TimeValue(datetime(2021, 1, 1), datetime(2027, 1, 1), "year"),
            "long",
            "từ năm 2021 đến năm 2026",
        ),
    ],
)
def test_format_date(value: Any, style: Any, expected: str) -> None:
    assert format_date(value, style) == expected


def test_format_date_round_trips_through_parse_date() -> None:
    for day in (date(2022, 1, 20), date(2021, 12, 31), date(1991, 9, 3)):
        for style in ("long", "short"):
            assert parse_date(format_date(day, style)).start.date() == day  # type: ignore[arg-type]


def test_format_date_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError):
        format_date("20/1/2022")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style"):
        format_date(date(2022, 1, 20), "full")  # type: ignore[arg-type]


# --- properties, robustness ------------------------------------------------------------------

_DATE_WORDS = st.sampled_from(
    [
        "ngày",
        "tháng",
        "năm",
        "quý",
        "thứ",
        "Hai",
        "hai",
        "Tết",
        "rằm",
        "sáng",
        "chiều",
        "lúc",
        "từ",
        "đến",
        "giờ",
        "rưỡi",
        "tới",
        "qua",
        "nay",
        "âm lịch",
        "(",
        ")",
        "/",
        "-",
        ",",
        " ",
        "mùng",
        "Giêng",
        "Chạp",
        "nhuận",
        "h",
        ":",
        "vừa",
        "cuối",
        "đầu",
        "nhiệm kỳ",
    ]
)
_PIECES = st.one_of(_DATE_WORDS, st.integers(0, 3000).map(str), st.text(max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join), st.dates())
def test_extract_never_raises_and_spans_are_exact(text: str, ref: date) -> None:
    found = extract_dates(text, ref=ref)
    previous_end = 0
    for match in found:
        start, end = match.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == match.text
        assert match.value.end is None or match.value.end > match.value.start
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.sampled_from(["long", "short"]))
def test_any_formatted_day_parses_back(day: date, style: str) -> None:
    value = parse_date(format_date(day, style), ref=date(2000, 1, 1))  # type: ignore[arg-type]
    assert (value.start.date(), value.grain) == (day, "day")


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)))
def test_day_month_without_year_is_the_nearest_occurrence(ref: date) -> None:
    for day in (ref - timedelta(days=150), ref + timedelta(days=150), ref):
        if (day.month, day.day) == (2, 29):
            continue
        value = parse_date(f"ngày {day.day}/{day.month}", ref=ref)
        assert value.start.date() == day


_WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.integers(0, 6))
def test_prefer_places_a_weekday(ref: date, weekday: int) -> None:
    """past: the last one, today included; future: the next one, today included; nearest:
    within three days either side; each is that weekday."""
    placed = {
        prefer: parse_date(_WEEKDAYS[weekday], ref=ref, prefer=prefer).start.date()
        for prefer in ("past", "future", "nearest")
    }
    assert all(day.weekday() == weekday for day in placed.values())
    assert -7 < (placed["past"] - ref).days <= 0 <= (placed["future"] - ref).days < 7
    assert abs((placed["nearest"] - ref).days) <= 3
    assert placed["nearest"] in (placed["past"], placed["future"])


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.dates(date(2001, 1, 1), date(2001, 12, 31))
)
def test_prefer_places_a_day_without_a_year(ref: date, day: date) -> None:
    """The same day and month: past has begun by ref, future has not ended by it, both within
    a year of it; nearest is the nearer of the two (the later on a tie)."""
    text = f"ngày {day.day}/{day.month}"
    placed = {
        prefer: parse_date(text, ref=ref, prefer=prefer).start.date()
        for prefer in ("past", "future", "nearest")
    }
    assert all((found.month, found.day) == (day.month, day.day) for found in placed.values())
    assert placed["past"] <= ref <= placed["future"]
    assert (ref - placed["past"]).days < 366 and (placed["future"] - ref).days < 366
    nearer = min(
        placed["future"], placed["past"], key=lambda found: (abs(found - ref), -found.toordinal())
    )
    assert placed["nearest"] == nearer
    assert parse_date(text, ref=ref).start.date() == placed["nearest"]  # the default


@pytest.mark.parametrize("bad", ["last", "Past", 1, True])
def test_prefer_must_be_one_of_its_values(bad: object) -> None:
    with pytest.raises(ValueError, match="prefer must be 'past', 'future', 'nearest' or None"):
        parse_date("thứ Sáu", prefer=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="prefer must be"):
        extract_dates("thứ Sáu", prefer=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "unit",
    [
        "1/1/",
        "ngày ",
        "thứ ",
        "từ 1 đến ",
        "tháng 1 ",
        "1-",
        "mùng 3 ",
        "lúc 8 giờ ",
        "12:",
        "năm 2021 – ",
        "quý I/",
        "Tết ",
        "sáng ",
        "(",
        "3 ngày tới ",
    ],
)
def test_adversarial_input_finishes(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    found = extract_dates(text, ref=ARTICLE_REF)
    assert all(text[m.span[0] : m.span[1]] == m.text for m in found)
    with pytest.raises(ParseError):
        parse_date(text[:20_000], ref=ARTICLE_REF)


@pytest.mark.parametrize("ref", [date(1, 1, 1), date(9999, 12, 31), datetime(9999, 12, 31, 23, 59)])
def test_extreme_reference_dates_do_not_break_extraction(ref: date) -> None:
    text = (
        "năm tới, năm ngoái, 3 năm tới, cách đây 1000 năm, tối mai, 2 giờ sáng, Tết, 31/12, quý 4"
    )
    for match in extract_dates(text, ref=ref):
        assert text[match.span[0] : match.span[1]] == match.text
    with pytest.raises(ParseError):
        parse_date("năm tới" if ref.year == 9999 else "năm ngoái", ref=ref)


def test_letters_that_grow_when_lower_cased_keep_spans_exact() -> None:
    text = "İstanbul, İİ: Sáng 20/1, Tết Nguyên đán"  # "İ".lower() is two characters
    found = extract_dates(text, ref=ARTICLE_REF)
    assert [m.text for m in found] == ["Sáng 20/1", "Tết Nguyên đán"]
    assert all(text[m.span[0] : m.span[1]] == m.text for m in found)


def test_thread_safe() -> None:
    text = article_text()
    expected = extract_dates(text, ref=ARTICLE_REF)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: extract_dates(text, ref=ARTICLE_REF), range(8)))
    assert all(result == expected for result in results)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khoảng 2/3 số hộ dân đã được hỗ trợ", []),  # a fraction: a counted noun follows
        ("khoảng 1/5 dân số", []),
        ("Khoảng 20/1 sẽ họp", ["20/1"]),  # "khoảng" before a date, no counted noun
        ("khoảng 20/1 năm nay", ["20/1", "năm nay"]),
        ("khoảng 20/1, các đơn vị", ["20/1"]),
    ],
)
def test_approximate_cue_before_a_slash_pair(text: str, expected: list[str]) -> None:
    assert [match.text for match in extract_dates(text, ref=ARTICLE_REF)] == expected


@pytest.mark.parametrize(
    ("special", "plain"),
    [
        ("cách đây 3 ſ", "cách đây 3 s"),
        ("tuần tıếp theo", "tuần tiếp theo"),
        ("3 gıờ chiều nay", "3 giờ chiều nay"),
        ("TUẦN TİẾP THEO", "TUẦN TIẾP THEO"),
        ("nhiệm \u212aỳ 2021 – 2026", "nhiệm Kỳ 2021 – 2026"),
    ],
)
def test_letters_the_rules_fold_read_as_their_ascii_twins(special: str, plain: str) -> None:
    """The case-insensitive rules let "ſ", "ı", "İ" and the Kelvin sign match s, i, i and k;
    what they matched is then read as those letters (it raised KeyError before)."""
    ref = datetime(2022, 1, 20, 10)
    found = [(m.span, m.value) for m in extract_dates(special, ref=ref)]
    assert found  # each is a date
    assert found == [(m.span, m.value) for m in extract_dates(plain, ref=ref)]
    assert [m.text for m in extract_dates(special, ref=ref)] == [
        special[a:b] for (a, b), _ in found
    ]

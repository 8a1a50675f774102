"""Tests of vnnews.lunar: case tables, an independent astronomical check, exhaustive round trips."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lunar_reference as reference
import vnnews
from cases import DATA, load_cases
from vnnews import LunarDate, ParseError, to_lunar, to_solar
from vnnews.lunar import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    days_in_month,
    leap_month,
    year_can_chi,
)

ONE_DAY = timedelta(days=1)

# Month starts where the reference and Hồ Ngọc Đức's series disagree: every one is a new moon
# within 3 minutes of local midnight (see test_every_month_against_independent_computation).
NEAR_MIDNIGHT_MONTHS = {
    (1944, 5, False),
    (1967, 6, False),
    (2072, 11, False),
    (2077, 10, False),
    (2130, 4, False),
    (2150, 5, False),
    (2159, 4, False),
    (2175, 1, False),
    (2199, 1, False),
}
# Tết 1900–2100 where a UTC+8 (Chinese) reckoning differs from the Vietnamese UTC+7 one.
TET_DIFFERS_FROM_UTC8 = {1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053}


def lunar_of(case: dict[str, Any]) -> LunarDate:
    day, month, year, leap = case["lunar"]
    return LunarDate(day, month, year, leap)


# --- Case tables -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", load_cases("lunar.jsonl"))
def test_conversion_cases(case: dict[str, Any]) -> None:
    solar = date.fromisoformat(case["solar"])
    lunar = to_lunar(solar)
    assert lunar == lunar_of(case)
    assert lunar.can_chi == case["can_chi"]
    assert to_solar(*case["lunar"]) == solar


@pytest.mark.parametrize("case", load_cases("lunar_invalid.jsonl"))
def test_invalid_lunar_dates(case: dict[str, Any]) -> None:
    error = ParseError if case["error"] == "ParseError" else TypeError
    with pytest.raises(error, match=case["hint"]) as raised:
        to_solar(*case["args"])
    if error is ParseError:
        assert isinstance(raised.value, ValueError)
        assert raised.value.text == case["text"]
    with pytest.raises(error, match=case["hint"]):
        LunarDate(*case["args"])


@pytest.mark.parametrize("case", load_cases("lunar_tet.jsonl"))
def test_tet_against_independent_computation(case: dict[str, Any]) -> None:
    year, tet = case["year"], date.fromisoformat(case["tet"])
    assert to_solar(1, 1, year) == tet
    assert to_lunar(tet) == LunarDate(1, 1, year)
    if year > FIRST_YEAR:
        assert to_lunar(tet - ONE_DAY).year == year - 1
    assert leap_month(year) == case["leap_month"]


def test_tet_table_is_what_the_reference_computes() -> None:
    stored = (DATA / "lunar_tet.jsonl").read_text(encoding="utf-8")
    assert reference.tet_table_text() == stored


def test_tet_table_covers_1900_to_2199_and_fails_only_near_midnight() -> None:
    rows = [case.values[0] for case in load_cases("lunar_tet.jsonl")]
    assert [row["year"] for row in rows] == list(range(1900, 2200))
    for row in rows:
        if "xfail" in row:
            assert row["year"] > 2100
            assert row["new_moon_minutes_from_midnight"] < 3


# --- The whole calendar against the independent computation ----------------------------------


def test_every_month_against_independent_computation() -> None:
    differing = set()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        months = reference.lunar_year(year)
        assert leap_month(year) == next((number for _, _, number, leap in months if leap), None)
        for k, start, number, leap in months:
            ours = to_solar(1, number, year, leap).toordinal() + reference.JD_MINUS_ORDINAL
            if ours != start:
                assert abs(ours - start) == 1
                assert reference.minutes_from_midnight(reference.new_moon_ut(k), 7) < 3
                differing.add((year, number, leap))
    assert differing == NEAR_MIDNIGHT_MONTHS


def test_vietnamese_and_utc8_tet_differ_in_the_documented_years() -> None:
    differing = set()
    for year in range(1900, 2101):
        if reference.tet_row(year, offset=8)["tet"] != to_solar(1, 1, year).isoformat():
            differing.add(year)
    assert differing == TET_DIFFERS_FROM_UTC8
    assert reference.tet_row(1985, offset=8)["tet"] == "1985-02-20"  # China's Tết Ất Sửu
    assert reference.tet_row(2007, offset=8)["tet"] == "2007-02-18"  # China's Tết Đinh Hợi


# --- Exhaustive structure and round trips ----------------------------------------------------


def test_round_trip_and_continuity_for_every_day() -> None:
    day, previous = FIRST_DAY, None
    month_lengths = []
    while day <= LAST_DAY:
        lunar = to_lunar(day)
        assert to_solar(lunar.day, lunar.month, lunar.year, lunar.leap) == day
        if previous is None:
            assert (lunar.day, lunar.month, lunar.year, lunar.leap) == (1, 1, FIRST_YEAR, False)
        elif lunar.day == 1:  # a new month, or a new year starting with month 1
            month_lengths.append(previous.day)
            new_year = (lunar.year, lunar.month, lunar.leap) == (previous.year + 1, 1, False)
            assert lunar.year == previous.year or new_year
        else:
            same_month = (previous.day + 1, previous.month, previous.year, previous.leap)
            assert (lunar.day, lunar.month, lunar.year, lunar.leap) == same_month
        previous = lunar
        day += ONE_DAY
    assert previous == LunarDate(30, 12, LAST_YEAR)
    assert set(month_lengths) == {29, 30}


def test_years_have_twelve_months_and_at_most_one_leap() -> None:
    leap_years = 0
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        leap = leap_month(year)
        months = [(m, False) for m in range(1, 13)] + ([(leap, True)] if leap else [])
        lengths = [days_in_month(m, year, is_leap) for m, is_leap in months]
        assert set(lengths) <= {29, 30}
        span = (to_solar(1, 1, year + 1) if year < LAST_YEAR else LAST_DAY + ONE_DAY) - to_solar(
            1, 1, year
        )
        assert span.days == sum(lengths)
        leap_years += leap is not None
    assert 105 <= leap_years <= 115  # 7 leap months in 19 years: about 110 in 300


def test_range_ends() -> None:
    assert to_lunar(FIRST_DAY) == LunarDate(1, 1, FIRST_YEAR)
    assert to_lunar(LAST_DAY) == LunarDate(30, 12, LAST_YEAR)
    for outside in (FIRST_DAY - ONE_DAY, LAST_DAY + ONE_DAY, date(1, 1, 1), date(9999, 12, 31)):
        with pytest.raises(ParseError, match="outside the supported range") as raised:
            to_lunar(outside)
        assert raised.value.text == outside.isoformat()


# --- Hồ Ngọc Đức's published code, ported line by line ---------------------------------------
# Not an independent check (it shares the astronomy): it shows that vnnews keeps the published
# method exactly, except for its lunar-day-0 bug, where vnnews gives the real day.


def _published_solar_to_lunar(day_number: int) -> tuple[int, int, int, int]:
    from vnnews import lunar

    tz = 7.0

    def new_moon_day(k: int) -> int:
        return math.floor(lunar._new_moon_jd(k) + 0.5 + tz / 24)

    def sun_sector(jd: int) -> int:
        return math.floor(lunar._sun_longitude(jd - 0.5 - tz / 24) / math.pi * 6)

    def month_11(yy: int) -> int:
        off = date(yy, 12, 31).toordinal() + 1721425 - 2415021
        k = math.floor(off / 29.530588853)
        nm = new_moon_day(k)
        return new_moon_day(k - 1) if sun_sector(nm) >= 9 else nm

    def leap_offset(a11: int) -> int:
        k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
        i, arc = 1, sun_sector(new_moon_day(k + 1))
        while True:
            last, i = arc, i + 1
            arc = sun_sector(new_moon_day(k + i))
            if arc == last or i >= 14:
                return i - 1

    yy = date.fromordinal(day_number - 1721425).year
    k = math.floor((day_number - 2415021.076998695) / 29.530588853)
    month_start = new_moon_day(k + 1)
    if month_start > day_number:
        month_start = new_moon_day(k)
    a11 = b11 = month_11(yy)
    if a11 >= month_start:
        lunar_year, a11 = yy, month_11(yy - 1)
    else:
        lunar_year, b11 = yy + 1, month_11(yy + 1)
    lunar_day = day_number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    lunar_leap, lunar_month = 0, diff + 11
    if b11 - a11 > 365:
        leap_diff = leap_offset(a11)
        if diff >= leap_diff:
            lunar_month = diff + 10
            lunar_leap = int(diff == leap_diff)
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return lunar_day, lunar_month, lunar_year, lunar_leap


def test_same_as_published_code_on_every_month_edge() -> None:
    differing = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        leap = leap_month(year)
        for month, is_leap in [(m, False) for m in range(1, 13)] + ([(leap, True)] if leap else []):
            first = to_solar(1, month, year, is_leap)
            last = first + timedelta(days=days_in_month(month, year, is_leap) - 1)
            for day in (first, last):
                ours = to_lunar(day)
                published = _published_solar_to_lunar(day.toordinal() + 1721425)
                if (ours.day, ours.month, ours.year, int(ours.leap)) != published:
                    differing[day.isoformat()] = (published, ours)
    assert {day: published for day, (published, _) in differing.items()} == {
        "2054-05-07": (0, 4, 2054, 0),
        "2062-04-09": (0, 3, 2062, 0),
    }
    assert differing["2054-05-07"][1] == LunarDate(30, 3, 2054)
    assert differing["2062-04-09"][1] == LunarDate(30, 2, 2062)


# --- Properties ------------------------------------------------------------------------------

days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


@given(days)
def test_to_lunar_fields_are_consistent(day: date) -> None:
    lunar = to_lunar(day)
    assert 1 <= lunar.day <= days_in_month(lunar.month, lunar.year, lunar.leap)
    assert lunar.leap == (lunar.leap and leap_month(lunar.year) == lunar.month)
    assert lunar.can_chi == year_can_chi(lunar.year)
    assert lunar.year in (day.year, day.year - 1)
    assert lunar.to_solar() == day


@given(
    st.datetimes(min_value=datetime(1900, 2, 1), max_value=datetime(2200, 2, 13)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_aware_datetimes_are_read_in_vietnam_time(moment: datetime, offset_minutes: int) -> None:
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    vietnam = aware.astimezone(timezone(timedelta(hours=7)))
    assert to_lunar(aware) == to_lunar(vietnam.date())
    assert to_lunar(moment) == to_lunar(moment.date())


def test_aware_datetime_example() -> None:
    # 17:30 UTC on 31 January 2022 is already 00:30 on Tết in Hà Nội.
    assert to_lunar(datetime(2022, 1, 31, 17, 30, tzinfo=timezone.utc)) == LunarDate(1, 1, 2022)
    assert to_lunar(datetime(2022, 1, 31, 16, 59, tzinfo=timezone.utc)) == LunarDate(29, 12, 2021)


def test_threads_agree_with_a_single_thread() -> None:
    sample = [FIRST_DAY + timedelta(days=n * 97) for n in range(1100)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(to_lunar, sample))
    assert threaded == [to_lunar(day) for day in sample]


# --- Names -----------------------------------------------------------------------------------


def test_year_can_chi_anchors_and_cycle() -> None:
    known = {1900: "Canh Tý", 1945: "Ất Dậu", 1968: "Mậu Thân", 1975: "Ất Mão", 1984: "Giáp Tý"}
    known |= {2000: "Canh Thìn", 2013: "Quý Tỵ", 2019: "Kỷ Hợi", 2022: "Nhâm Dần"}
    assert {year: year_can_chi(year) for year in known} == known
    assert len({year_can_chi(year) for year in range(1984, 2044)}) == 60
    assert all(year_can_chi(year) == year_can_chi(year + 60) for year in range(1900, 2140))


@pytest.mark.parametrize(
    ("year", "first_month"),
    # "Giáp Kỷ chi niên Bính tác thủ": month 1 of a Giáp or Kỷ year is Bính Dần, and so on.
    [
        (1984, "Bính Dần"),
        (1985, "Mậu Dần"),
        (1986, "Canh Dần"),
        (1987, "Nhâm Dần"),
        (1988, "Giáp Dần"),
        (1989, "Bính Dần"),
        (2022, "Nhâm Dần"),
        (2023, "Giáp Dần"),
    ],
)
def test_month_can_chi_follows_the_year_stem(year: int, first_month: str) -> None:
    assert LunarDate(1, 1, year).month_can_chi == first_month
    assert LunarDate(1, 12, year).month_can_chi.endswith("Sửu")
    assert LunarDate(1, 11, year).month_can_chi.endswith("Tý")


def test_day_can_chi() -> None:
    assert to_lunar(date(2000, 1, 1)).day_can_chi == "Mậu Ngọ"  # 2000-01-01, a Mậu Ngọ day
    names = [to_lunar(date(2022, 1, 1) + timedelta(days=n)).day_can_chi for n in range(61)]
    assert len(set(names[:60])) == 60
    assert names[60] == names[0]


def test_lunar_date_value_object() -> None:
    full_moon = LunarDate(15, 1, 2022)
    assert full_moon == LunarDate(15, 1, 2022, False, "Nhâm Dần")
    assert hash(full_moon) == hash(LunarDate(15, 1, 2022))
    assert str(full_moon) == "ngày 15 tháng Giêng năm Nhâm Dần (2022)"
    assert str(LunarDate(1, 2, 2023, True)) == "ngày 1 tháng Hai nhuận năm Quý Mão (2023)"
    assert [LunarDate(1, m, 2022).month_name for m in (1, 4, 11, 12)] == [
        "Giêng",
        "Tư",
        "Mười Một",
        "Chạp",
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        full_moon.day = 16  # type: ignore[misc]
    with pytest.raises(ValueError, match="2022 is Nhâm Dần, not Tân Sửu"):
        LunarDate(15, 1, 2022, False, "Tân Sửu")


@pytest.mark.parametrize("bad", ["2022-02-01", None, 20220201, 738187.0])
def test_to_lunar_rejects_non_dates(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a date or datetime"):
        to_lunar(bad)  # type: ignore[arg-type]


def test_helpers_reject_bad_years() -> None:
    with pytest.raises(TypeError, match="year must be int"):
        year_can_chi("2022")  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="1900–2199"):
        leap_month(2200)
    with pytest.raises(ParseError, match="not leap"):
        days_in_month(5, 2023, leap=True)


def test_exported_from_package_and_nothing_computed_at_import() -> None:
    assert (vnnews.LunarDate, vnnews.to_lunar, vnnews.to_solar) == (LunarDate, to_lunar, to_solar)
    code = (
        "import vnnews, vnnews.lunar as l; "
        "print(l._lunar_year.cache_info().currsize, l._sui.cache_info().currsize)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.split() == ["0", "0"]

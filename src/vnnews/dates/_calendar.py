"""Resolving calendar units against the reference date: nearest occurrences, lunar days, weeks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from vnnews.dates._values import Grain, TimeValue, add_units, truncate

__all__ = [
    "calendar_unit",
    "day_value",
    "lunar_day",
    "lunar_month",
    "lunar_year_named",
    "nearest",
    "relative_unit",
    "solar_day",
    "unit_value",
    "weekday_value",
]


def nearest(
    candidates: Iterable[TimeValue | None], ref: datetime, towards: int = 0
) -> TimeValue | None:
    """The candidate whose start is nearest ``ref`` (the later one on a tie).

    ``towards`` -1 keeps only candidates that have begun by ``ref`` (start at or before it:
    "… vừa qua", ``prefer="past"``), +1 only those that have not ended by it (``prefer=
    "future"``): the unit that contains ``ref`` is both.
    """
    best: TimeValue | None = None
    for value in candidates:
        if (
            value is None
            or (towards < 0 and value.start > ref)
            or (towards > 0 and value.last <= ref)
        ):
            continue
        if best is None or abs(value.start - ref) <= abs(best.start - ref):
            best = value
    return best


def day_value(day: date) -> TimeValue:
    """The day ``day`` at day grain."""
    return TimeValue(datetime(day.year, day.month, day.day), None, "day")


@lru_cache(maxsize=4096)  # a handful of years and months recur through a whole corpus
def calendar_unit(year: int, month: int, grain: Grain) -> TimeValue:
    """The single unit of ``grain`` (month, quarter, year) that starts on the 1st of ``month``."""
    return TimeValue(datetime(year, month, 1), None, grain)


def unit_value(start: datetime, grain: Grain, count: int = 1) -> TimeValue:
    """``count`` units of ``grain`` from ``start``: a single unit, or an interval."""
    if count == 1:
        return TimeValue(start, None, grain)
    return TimeValue(start, add_units(start, grain, count), grain)


@lru_cache(maxsize=4096)
def solar_day(
    day: int, month: int, year: int | None, ref: datetime, towards: int = 0
) -> TimeValue | None:
    """A solar day; without a year, the occurrence nearest ``ref``. None if it does not exist."""
    years = [year] if year is not None else [ref.year - 1, ref.year, ref.year + 1]
    return nearest((_safe_day(y, month, day) for y in years), ref, towards)


def _safe_day(year: int, month: int, day: int) -> TimeValue | None:
    try:
        return day_value(date(year, month, day))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def lunar_day(
    day: int, month: int, year: int | None, ref: datetime, *, leap: bool = False, towards: int = 0
) -> TimeValue | None:
    """A lunar day as a solar day; without a year, the occurrence nearest ``ref``."""
    from vnnews.lunar import LunarDate

    years = [year] if year is not None else _lunar_years_around(ref, 4 if leap else 1)

    def one(lunar_year: int) -> TimeValue | None:
        try:
            lunar = LunarDate(day, month, lunar_year, leap)
            value = day_value(lunar.to_solar())
        except ValueError:
            return None
        return TimeValue(value.start, None, "day", lunar)

    return nearest((one(y) for y in years), ref, towards)


@lru_cache(maxsize=4096)
def lunar_month(
    month: int, year: int | None, ref: datetime, *, leap: bool = False, towards: int = 0
) -> TimeValue | None:
    """A lunar month as the solar interval it covers, at month grain."""
    from vnnews.lunar import LunarDate, days_in_month

    years = [year] if year is not None else _lunar_years_around(ref, 4 if leap else 1)

    def one(lunar_year: int) -> TimeValue | None:
        try:
            lunar = LunarDate(1, month, lunar_year, leap)
            first = lunar.to_solar()
            length = days_in_month(month, lunar_year, leap)
        except ValueError:
            return None
        start = datetime(first.year, first.month, first.day)
        return TimeValue(start, start + timedelta(days=length), "month", lunar)

    return nearest((one(y) for y in years), ref, towards)


@lru_cache(maxsize=4096)
def lunar_year_named(can_chi: str, ref: datetime) -> int | None:
    """The lunar year called ``can_chi`` ("Nhâm Dần") nearest the reference year."""
    from vnnews.lunar import year_can_chi

    wanted = " ".join(can_chi.split()).lower()
    for distance in range(31):
        for year in (ref.year + distance, ref.year - distance):
            if 1900 <= year <= 2199 and year_can_chi(year).lower() == wanted:
                return year
    return None


def _lunar_years_around(ref: datetime, reach: int = 1) -> list[int]:
    from vnnews.lunar import to_lunar

    try:
        year = to_lunar(ref.date()).year
    except ValueError:  # outside the lunar table: the solar year is as near as it gets
        year = ref.year
    # A leap month comes every two or three years: "tháng 2 nhuận" looks further away.
    return list(range(year - reach, year + reach + 1))


@lru_cache(maxsize=1024)  # calendar arithmetic on the reference, the same for a whole article
def relative_unit(grain: Grain, offset: int, ref: datetime) -> TimeValue:
    """The unit of ``grain`` ``offset`` units away from the one containing ``ref``."""
    return TimeValue(add_units(truncate(ref, grain), grain, offset), None, grain)


@lru_cache(maxsize=1024)
def weekday_value(weekday: int, mode: str, ref: datetime) -> TimeValue:
    """A weekday (ISO number) resolved by ``mode``.

    Modes: ``"next_or_today"`` (bare weekday, Duckling's reading; ``prefer="future"``),
    ``"last_or_today"`` (``prefer="past"``), ``"nearest"`` (within three days either side),
    ``"after"`` ("thứ Hai tới"), ``"before"`` ("thứ Ba vừa rồi") or ``"week:N"`` (in the ISO
    week N weeks from ref's).

    >>> thursday = datetime(2022, 1, 20)
    >>> [weekday_value(5, mode, thursday).start.day for mode in ("next_or_today", "last_or_today", "nearest")]
    [21, 14, 21]
    >>> [weekday_value(1, mode, thursday).start.day for mode in ("next_or_today", "last_or_today", "nearest")]
    [24, 17, 17]
    >>> [weekday_value(2, mode, thursday).start.day for mode in ("next_or_today", "last_or_today", "nearest")]
    [25, 18, 18]
    """
    today = truncate(ref, "day")
    shift = weekday - 1 - today.weekday()
    if mode.startswith("week:"):
        monday = truncate(ref, "week") + timedelta(weeks=int(mode[5:]))
        return TimeValue(monday + timedelta(days=weekday - 1), None, "day")
    if mode == "before":
        shift = shift % 7 - 7 if shift % 7 else -7
    elif mode == "after":
        shift = shift % 7 or 7
    elif mode == "last_or_today":
        shift = shift % 7 - 7 if shift % 7 else 0
    elif mode == "nearest":
        shift = (shift + 3) % 7 - 3
    else:
        shift %= 7
    return TimeValue(today + timedelta(days=shift), None, "day")

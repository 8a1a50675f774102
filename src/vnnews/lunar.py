"""The Vietnamese lunar calendar (âm lịch): solar ↔ lunar dates for lunar years 1900–2199.

The calendar is computed with Hồ Ngọc Đức's published method ("Âm lịch Việt Nam"): new moons
and the sun's longitude from Jean Meeus' formulas, reckoned in Vietnam's time zone UTC+7, which
is why some years differ from the Chinese calendar (UTC+8), e.g. Tết 1985 and Tết 2007:

- a lunar month starts on the local day of a new moon;
- month 11 is the month that contains the winter solstice;
- when 13 months lie between two months 11, the first one after month 11 that contains no
  major solar term (trung khí, a multiple of 30° of solar longitude) is the leap month and
  repeats the number of the month before it.

Nothing is computed at import; each lunar year is worked out on first use and cached.

>>> from datetime import date
>>> to_lunar(date(2022, 2, 1))
LunarDate(day=1, month=1, year=2022, leap=False, can_chi='Nhâm Dần')
>>> to_solar(15, 1, 2022)
datetime.date(2022, 2, 15)
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TypedDict

from vnnews._data import read_tsv
from vnnews.errors import ParseError

__all__ = [
    "FIRST_DAY",
    "FIRST_YEAR",
    "LAST_DAY",
    "LAST_YEAR",
    "VIETNAM_TIME",
    "LunarDate",
    "LunarDateDict",
    "days_in_month",
    "leap_month",
    "to_lunar",
    "to_solar",
    "year_can_chi",
]

FIRST_YEAR = 1900
"""The first supported lunar year."""
LAST_YEAR = 2199
"""The last supported lunar year."""
FIRST_DAY = date(1900, 1, 31)
"""The first solar day :func:`to_lunar` accepts: Tết 1900 (Canh Tý)."""
LAST_DAY = date(2200, 2, 14)
"""The last solar day :func:`to_lunar` accepts: the eve of Tết 2200, 30/12/2199 âm lịch."""
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
"""The time zone the calendar is reckoned in (UTC+7)."""

_UTC_OFFSET_DAYS = 7 / 24
_JD_MINUS_ORDINAL = 1721425  # Julian day number of a date = date.toordinal() + this
_MEAN_LUNATION = 29.530588853
_NEW_MOON_0 = 2415021.076998695  # Julian date of the mean new moon k = 0 (1900-01-01)


# --- Astronomy (Hồ Ngọc Đức's formulas, after Meeus; kept term for term) -------------------


def _new_moon_jd(k: int) -> float:
    """Julian date (UT) of the k-th new moon after the one of 1900-01-01 13:51 UT."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # moon's
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jd: float) -> float:
    """The sun's true longitude at Julian date ``jd``, in radians in [0, 2π)."""
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2  # mean anomaly
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2  # mean longitude
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl = dl + (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _new_moon_day(k: int) -> int:
    """Julian day number of the local (UTC+7) day on which new moon ``k`` falls."""
    return math.floor(_new_moon_jd(k) + 0.5 + _UTC_OFFSET_DAYS)


def _sun_sector(day_number: int) -> int:
    """Which 30° sector (0–11) the sun is in at the local midnight starting the day."""
    return math.floor(_sun_longitude(day_number - 0.5 - _UTC_OFFSET_DAYS) / math.pi * 6)


def _last_new_moon_on_or_before(day_number: int) -> int:
    """Index k of the last new moon whose local day is ``day_number`` or earlier.

    The mean lunation only estimates k: the true new moon can fall a day either side, which
    is where a plain ``int()`` estimate gives a lunar day 0 or 31, so the estimate is
    corrected by looking at the actual new-moon days around it.
    """
    k = math.floor((day_number - _NEW_MOON_0) / _MEAN_LUNATION)
    while _new_moon_day(k + 1) <= day_number:
        k += 1
    while _new_moon_day(k) > day_number:
        k -= 1
    return k


# --- Calendar structure ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Month:
    month: int
    leap: bool
    year: int
    start: int  # Julian day number of day 1


@dataclass(frozen=True, slots=True)
class _Year:
    year: int
    months: tuple[_Month, ...]
    starts: tuple[int, ...]  # the months' first days, for bisection
    end: int  # Julian day number of the next year's Tết

    @property
    def start(self) -> int:
        return self.months[0].start

    def length(self, index: int) -> int:
        following = self.months[index + 1].start if index + 1 < len(self.months) else self.end
        return following - self.months[index].start


def _month_11(year: int) -> int:
    """Index k of the new moon starting month 11 of ``year`` (the winter-solstice month)."""
    k = _last_new_moon_on_or_before(date(year, 12, 31).toordinal() + _JD_MINUS_ORDINAL)
    # At or past 270° at the start of that month: the solstice fell in the month before.
    return k - 1 if _sun_sector(_new_moon_day(k)) >= 9 else k


@lru_cache(maxsize=512)
def _sui(year: int) -> tuple[_Month, ...]:
    """The months from month 11 of ``year - 1`` up to month 11 of ``year`` (excluded)."""
    first, last = _month_11(year - 1), _month_11(year)
    starts = [_new_moon_day(k) for k in range(first, last + 1)]
    leap_offset = _leap_offset(starts) if len(starts) == 14 else None
    months = []
    for offset, start in enumerate(starts[:-1]):
        shifted = offset if leap_offset is None or offset < leap_offset else offset - 1
        number = (shifted + 10) % 12 + 1
        months.append(
            _Month(number, offset == leap_offset, _year_label(year, number, offset), start)
        )
    return tuple(months)


def _leap_offset(starts: list[int]) -> int:
    """The first month after month 11 without a major solar term: the same 30° sector holds
    at its start and at the start of the next month."""
    sectors = [_sun_sector(start) for start in starts]
    for offset in range(1, len(starts) - 1):
        if sectors[offset] == sectors[offset + 1]:
            return offset
    raise AssertionError(f"13 lunar months without a leap month near {starts[0]}")


def _year_label(sui_year: int, month: int, offset: int) -> int:
    # Months 11 and 12 (and a leap 11 or 12) at the head of the list belong to the year before.
    return sui_year - 1 if month >= 11 and offset < 4 else sui_year


@lru_cache(maxsize=512)
def _lunar_year(year: int) -> _Year:
    """All the months of lunar year ``year``, Tết first (cached per year)."""
    this, following = _sui(year), _sui(year + 1)
    months = [m for m in this if m.year == year] + [m for m in following if m.year == year]
    end = next(m.start for m in following if m.year == year + 1)
    return _Year(year, tuple(months), tuple(m.start for m in months), end)


def _find_month(year: int, month: int, leap: bool) -> tuple[_Year, int] | None:
    table = _lunar_year(year)
    for index, candidate in enumerate(table.months):
        if candidate.month == month and candidate.leap == leap:
            return table, index
    return None


# --- Names -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    table: dict[str, dict[int, str]] = {}
    for kind, index, name in read_tsv("lunar_names.tsv"):
        table.setdefault(kind, {})[int(index)] = name
    return {kind: tuple(names[i] for i in sorted(names)) for kind, names in table.items()}


def _can_chi(stem: int, branch: int) -> str:
    names = _names()
    return f"{names['can'][stem % 10]} {names['chi'][branch % 12]}"


def year_can_chi(year: int) -> str:
    """The can-chi (sexagenary) name of a lunar year.

    Args:
        year: the lunar year number (any integer; the cycle repeats every 60 years).

    Returns:
        The name, stem then branch, e.g. ``"Nhâm Dần"``.

    Raises:
        TypeError: if ``year`` is not an int.

    >>> year_can_chi(2022), year_can_chi(1945), year_can_chi(2024)
    ('Nhâm Dần', 'Ất Dậu', 'Giáp Thìn')
    """
    _require_int(year, "year")
    return _can_chi(year + 6, year + 8)


# --- Public API ------------------------------------------------------------------------------


class LunarDateDict(TypedDict):
    """A lunar date (:meth:`~vnnews.LunarDate.to_dict`): its fields."""

    day: int
    month: int
    year: int
    leap: bool
    can_chi: str


@dataclass(frozen=True, slots=True)
class LunarDate:
    """A day of the Vietnamese lunar calendar.

    Constructing one checks that the day exists (``ParseError`` otherwise); ``can_chi`` may be
    left out and is then filled in.

    Attributes:
        day: day of the month, 1–30.
        month: month number, 1 (tháng Giêng) to 12 (tháng Chạp).
        year: the lunar year number, which starts at Tết (1900–2199).
        leap: whether this is the leap month (tháng nhuận) that repeats ``month``.
        can_chi: the can-chi name of the lunar year, e.g. ``"Nhâm Dần"`` for 2022.

    >>> full_moon = LunarDate(15, 1, 2022)
    >>> full_moon
    LunarDate(day=15, month=1, year=2022, leap=False, can_chi='Nhâm Dần')
    >>> print(full_moon)
    ngày 15 tháng Giêng năm Nhâm Dần (2022)
    >>> full_moon.to_solar()
    datetime.date(2022, 2, 15)
    """

    day: int
    month: int
    year: int
    leap: bool = False
    can_chi: str = ""

    def __post_init__(self) -> None:
        _month_start(self.day, self.month, self.year, self.leap)
        expected = year_can_chi(self.year)
        if not self.can_chi:
            object.__setattr__(self, "can_chi", expected)
        elif self.can_chi != expected:
            raise ValueError(f"lunar year {self.year} is {expected}, not {self.can_chi}")

    def __str__(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"ngày {self.day} tháng {self.month_name}{leap} năm {self.can_chi} ({self.year})"

    @property
    def month_name(self) -> str:
        """The traditional month name (``"Giêng"`` for 1, ``"Chạp"`` for 12, else a number word).

        >>> LunarDate(23, 12, 2021).month_name
        'Chạp'
        """
        return _names()["month"][self.month - 1]

    @property
    def month_can_chi(self) -> str:
        """The can-chi name of the month (a leap month shares its regular month's name).

        >>> LunarDate(1, 1, 2022).month_can_chi
        'Nhâm Dần'
        """
        return _can_chi(self.year * 12 + self.month + 3, self.month + 1)

    @property
    def day_can_chi(self) -> str:
        """The can-chi name of the day (from its Julian day number).

        >>> LunarDate(1, 1, 2022).day_can_chi
        'Ất Dậu'
        """
        day_number = self.to_solar().toordinal() + _JD_MINUS_ORDINAL
        return _can_chi(day_number + 9, day_number + 1)

    def to_solar(self) -> date:
        """The solar (Gregorian) date of this lunar day.

        >>> LunarDate(1, 1, 2023).to_solar()
        datetime.date(2023, 1, 22)
        """
        return to_solar(self.day, self.month, self.year, self.leap)

    def to_dict(self) -> LunarDateDict:
        """The lunar date as JSON-ready data (its fields), as the ``lunar`` of a date in
        :meth:`vnnews.Article.to_dict`; ``LunarDate(**data)`` reads it back.

        >>> LunarDate(15, 1, 2022).to_dict()
        {'day': 15, 'month': 1, 'year': 2022, 'leap': False, 'can_chi': 'Nhâm Dần'}
        """
        return {
            "day": self.day,
            "month": self.month,
            "year": self.year,
            "leap": self.leap,
            "can_chi": self.can_chi,
        }


def to_lunar(d: date) -> LunarDate:
    """The Vietnamese lunar date of a solar (Gregorian) day.

    Args:
        d: a ``date``, or a ``datetime`` (its date is used; a timezone-aware one is first
            converted to Vietnam's time, UTC+7). Supported: 1900-01-31 (Tết 1900) to
            2200-02-14 (the last day of lunar year 2199), see ``FIRST_DAY`` and ``LAST_DAY``.

    Returns:
        The lunar date, with the can-chi name of its lunar year.

    Raises:
        TypeError: if ``d`` is not a date.
        ParseError: (a ``ValueError``) if ``d`` lies outside the supported range.

    >>> from datetime import date
    >>> to_lunar(date(2022, 2, 15))
    LunarDate(day=15, month=1, year=2022, leap=False, can_chi='Nhâm Dần')
    >>> to_lunar(date(2023, 3, 22))  # the first day of the leap second month of 2023
    LunarDate(day=1, month=2, year=2023, leap=True, can_chi='Quý Mão')
    """
    if not isinstance(d, date):
        raise TypeError(f"d must be a date or datetime, not {type(d).__name__}")
    if isinstance(d, datetime):
        d = (d.astimezone(VIETNAM_TIME) if d.utcoffset() is not None else d).date()
    day_number = d.toordinal() + _JD_MINUS_ORDINAL
    for year in (d.year, d.year - 1):
        if FIRST_YEAR <= year <= LAST_YEAR:
            table = _lunar_year(year)
            if table.start <= day_number < table.end:
                month = table.months[bisect_right(table.starts, day_number) - 1]
                return LunarDate(day_number - month.start + 1, month.month, year, month.leap)
    raise ParseError(d.isoformat(), f"outside the supported range {FIRST_DAY} … {LAST_DAY}")


def to_solar(day: int, month: int, year: int, leap: bool = False) -> date:
    """The solar (Gregorian) date of a Vietnamese lunar date.

    Args:
        day: day of the lunar month, 1–30 (months have 29 or 30 days).
        month: lunar month, 1–12.
        year: lunar year, 1900–2199.
        leap: ``True`` for the leap month (tháng nhuận) repeating ``month``.

    Returns:
        The solar date.

    Raises:
        TypeError: if ``day``, ``month`` or ``year`` is not an int or ``leap`` not a bool.
        ParseError: (a ``ValueError``) if the lunar date does not exist: day 30 of a 29-day
            month, month 13, a leap flag for a month that is not leap that year, or a year
            outside 1900–2199. Its ``text`` reads like ``"30/12/2022 âm lịch"``.

    >>> to_solar(1, 1, 2022)
    datetime.date(2022, 2, 1)
    >>> to_solar(1, 2, 2023, leap=True)
    datetime.date(2023, 3, 22)
    >>> to_solar(30, 12, 2021)
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read '30/12/2021 âm lịch': month 12 of lunar year 2021 has 29 days
    """
    return date.fromordinal(_month_start(day, month, year, leap) + day - 1 - _JD_MINUS_ORDINAL)


def leap_month(year: int) -> int | None:
    """The leap month (tháng nhuận) of a lunar year, or None in a year of 12 months.

    Args:
        year: lunar year, 1900–2199.

    Returns:
        The number of the month that is repeated, or None.

    Raises:
        TypeError: if ``year`` is not an int.
        ParseError: if ``year`` is outside 1900–2199.

    >>> leap_month(2023), leap_month(2022), leap_month(2020)
    (2, None, 4)
    """
    _check_year(year, str(year))
    return next((m.month for m in _lunar_year(year).months if m.leap), None)


def days_in_month(month: int, year: int, leap: bool = False) -> int:
    """The number of days (29 or 30) of a lunar month.

    Args:
        month: lunar month, 1–12.
        year: lunar year, 1900–2199.
        leap: ``True`` for the leap month repeating ``month``.

    Returns:
        29 or 30.

    Raises:
        TypeError: for arguments of the wrong type.
        ParseError: if the month does not exist that year.

    >>> days_in_month(12, 2021), days_in_month(12, 2022)
    (29, 30)
    """
    text = f"{month}{' nhuận' if leap else ''}/{year} âm lịch"
    table, index = _locate_month(month, year, leap, text)
    return table.length(index)


# --- Validation ------------------------------------------------------------------------------


def _require_int(value: object, name: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be int, not {type(value).__name__}")


def _check_year(year: int, text: str) -> None:
    _require_int(year, "year")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ParseError(text, f"lunar years {FIRST_YEAR}–{LAST_YEAR} are supported")


def _locate_month(month: int, year: int, leap: bool, text: str) -> tuple[_Year, int]:
    _require_int(month, "month")
    if not isinstance(leap, bool):
        raise TypeError(f"leap must be bool, not {type(leap).__name__}")
    _check_year(year, text)
    if not 1 <= month <= 12:
        raise ParseError(text, f"there is no lunar month {month}")
    found = _find_month(year, month, leap)
    if found is None:
        actual = leap_month(year)
        which = f"its leap month is {actual}" if actual else "it has no leap month"
        raise ParseError(text, f"month {month} of lunar year {year} is not leap ({which})")
    return found


def _month_start(day: int, month: int, year: int, leap: bool) -> int:
    """Julian day number of day 1 of the month, after checking that the date exists."""
    _require_int(day, "day")
    text = f"{day}/{month}{' nhuận' if leap is True else ''}/{year} âm lịch"
    table, index = _locate_month(month, year, leap, text)
    length = table.length(index)
    if day < 1:
        raise ParseError(text, f"there is no lunar day {day}")
    if day > length:
        leap_word = " (leap)" if leap else ""
        raise ParseError(text, f"month {month}{leap_word} of lunar year {year} has {length} days")
    return table.months[index].start

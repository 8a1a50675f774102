"""Writing dates the Vietnamese way, with Babel's Vietnamese (CLDR) names and patterns."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from vnnews.dates._values import Grain, TimeValue, add_units

__all__ = ["format_date"]

_ROMAN = ("I", "II", "III", "IV")


def format_date(
    value: TimeValue | date | datetime, style: Literal["long", "short"] = "long"
) -> str:
    """Write a date, a datetime or a :class:`TimeValue` in Vietnamese.

    Day names, month names and the time pattern come from Babel's Vietnamese locale data; the
    "ngày … năm …" frame and lower-case "thứ" follow Vietnamese news style.

    Args:
        value: what to write. A ``date`` is a day, a ``datetime`` a minute; a ``TimeValue``
            is written at its grain, an interval as "từ … đến …" (the last included unit).
        style: ``"long"`` ("thứ Năm, ngày 20 tháng 1 năm 2022") or ``"short"`` ("20/01/2022").

    Returns:
        The text.

    Raises:
        TypeError: if ``value`` is not a date, datetime or TimeValue.
        ValueError: if ``style`` is not "long" or "short".

    >>> from datetime import date, datetime
    >>> format_date(date(2022, 1, 20))
    'thứ Năm, ngày 20 tháng 1 năm 2022'
    >>> format_date(date(2022, 1, 20), "short")
    '20/01/2022'
    >>> format_date(datetime(2022, 1, 20, 15, 30))
    '15:30, thứ Năm, ngày 20 tháng 1 năm 2022'
    >>> format_date(TimeValue(datetime(2022, 1, 1), None, "quarter"))
    'quý I năm 2022'
    >>> format_date(TimeValue(datetime(2021, 1, 1), datetime(2027, 1, 1), "year"), "short")
    '2021 – 2026'
    """
    if style not in ("long", "short"):
        raise ValueError(f"style must be 'long' or 'short', not {style!r}")
    if isinstance(value, TimeValue):
        return _format_value(value, style)
    if isinstance(value, datetime):
        return _unit(value.replace(second=0, microsecond=0), "minute", style)
    if isinstance(value, date):
        return _unit(datetime(value.year, value.month, value.day), "day", style)
    raise TypeError(f"value must be a date, datetime or TimeValue, not {type(value).__name__}")


def _format_value(value: TimeValue, style: str) -> str:
    if value.end is None:
        return _unit(value.start, value.grain, style)
    last = add_units(value.end, value.grain, -1)
    if value.grain in ("hour", "minute", "second"):
        last = value.end  # a clock reads better with its exclusive end: "từ 8:00 đến 12:00"
    if last <= value.start:
        return _unit(value.start, value.grain, style)
    first, final = _unit(value.start, value.grain, style), _unit(last, value.grain, style)
    return f"{first} – {final}" if style == "short" else f"từ {first} đến {final}"


def _unit(moment: datetime, grain: Grain, style: str) -> str:
    from babel.dates import format_date as babel_date
    from babel.dates import format_time as babel_time

    if grain == "year":
        return f"{moment.year}" if style == "short" else f"năm {moment.year}"
    if grain == "quarter":
        quarter = _ROMAN[(moment.month - 1) // 3]
        return (
            f"quý {quarter}/{moment.year}"
            if style == "short"
            else f"quý {quarter} năm {moment.year}"
        )
    if grain == "month":
        if style == "short":
            return babel_date(moment, "MM/y", locale="vi")
        return f"{babel_date(moment, 'MMMM', locale='vi')} năm {moment.year}"
    if style == "short":
        day = babel_date(moment, "dd/MM/y", locale="vi")
    else:
        weekday = babel_date(moment, "EEEE", locale="vi")
        weekday = "thứ" + weekday[3:] if weekday.startswith("Thứ") else weekday.capitalize()
        month = babel_date(moment, "MMMM", locale="vi")
        day = f"{weekday}, ngày {moment.day} {month} năm {moment.year}"
    if grain == "week":
        return f"tuần {day}" if style == "short" else f"tuần bắt đầu {day}"
    if grain == "day":
        return day
    pattern = "HH:mm:ss" if grain == "second" else "HH:mm"
    clock = babel_time(moment - timedelta(0), pattern, locale="vi")
    return f"{clock} {day}" if style == "short" else f"{clock}, {day}"

"""Why ``parse_date`` refused a text: the hint of its :class:`~vnnews.ParseError`.

Read only after the rules have failed, so it costs nothing on the way to a value. Its patterns
run on ``re``, as the rules do: a digit they read is one ``int()`` reads. It names
what is wrong and, where it can, what would be right ("February 2022 has no day 30: it has 28
days"): a day past the end of its month, a month, hour or minute out of range, or more than
one expression.
"""

from __future__ import annotations

import calendar
import re

from vnnews.dates._pieces import Piece

__all__ = ["explain"]

# The names of the months in the messages (the messages are in English).
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_NOT_AFTER = r"(?![\w/]|[.,\-:]?\d)"
# "30/2/2022", "30-2", "ngày 30 tháng 2 năm 2022", "30 tháng 2": a day, a month, maybe a year.
_DAY_MONTH = re.compile(
    r"(?<![\w/.,:\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?"
    + _NOT_AFTER
    + r"|(?<!\w)(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})"
    r"(?:\s*[/.\-]\s*|\s+năm\s+)?(?P<y2>\d{4})?(?!\w)",
    re.IGNORECASE,
)
_MONTH = re.compile(r"(?<!\w)tháng\s+(?P<m>\d{1,3})(?!\w)", re.IGNORECASE)
# "25 giờ", "25h", "24:00", "12:60", "3 giờ 75 phút".
_CLOCK = re.compile(
    r"(?<![\w/.,:\-])(?P<h>\d{1,3})\s*(?::|h|g|\s*giờ\s*)(?P<min>\d{1,3})?(?!\w|:\d)",
    re.IGNORECASE,
)


def explain(text: str, pieces: list[Piece]) -> str:
    """The hint for a normalised text that is not one date or time expression.

    >>> explain("30/2/2022", [])
    'February 2022 has no day 30: it has 28 days'
    >>> explain("tháng 13", [])
    'there is no month 13: months run from 1 to 12'
    >>> explain("sáng tạo", [])
    'not a date or time expression'
    """
    readings = [piece for piece in pieces if not piece.weak]
    if len(readings) > 1:
        written = ", ".join(repr(text[piece.start : piece.end]) for piece in readings)
        return f"more than one date or time expression: {written}"
    found = _impossible_date(text) or _impossible_time(text)
    if found is not None:
        return found
    if len(readings) == 1:
        piece = readings[0]
        parts = (text[: piece.start], text[piece.end :])
        rest = " … ".join(kept for part in parts if (kept := part.strip(_EDGES)))
        if rest:
            expression = text[piece.start : piece.end]
            return f"{expression!r} is a date or time expression, but {rest!r} is not"
    return "not a date or time expression"


_EDGES = " ,.;:!?…-–—"


def _impossible_date(text: str) -> str | None:
    for found in _DAY_MONTH.finditer(text):
        day, month = int(found["d"] or found["d2"]), int(found["m"] or found["m2"])
        year = found["y"] or found["y2"]
        if not 1 <= month <= 12:
            return _no_month(month)
        if year is not None:
            length = calendar.monthrange(int(year), month)[1]
            if day > length:
                return f"{_MONTHS[month - 1]} {year} has no day {day}: it has {length} days"
        else:
            length = calendar.monthrange(2000, month)[1]  # a leap year: the longest February
            if month == 2 and day == 29:
                return "29 February is in leap years only, none next to the reference date: write the year"
            if day > length:
                most = "at most " if month == 2 else ""
                return f"{_MONTHS[month - 1]} has no day {day}: it has {most}{length} days"
        if day == 0:
            return "there is no day 0: days run from 1"
    for found in _MONTH.finditer(text):
        month = int(found["m"])
        if not 1 <= month <= 12:
            return _no_month(month)
    return None


def _no_month(month: int) -> str:
    return f"there is no month {month}: months run from 1 to 12"


def _impossible_time(text: str) -> str | None:
    for found in _CLOCK.finditer(text):
        hour = int(found["h"])
        if hour > 23:
            return f"there is no hour {hour}: hours run from 0 to 23"
        if found["min"] is not None and int(found["min"]) > 59:
            return f"there is no minute {int(found['min'])}: minutes run from 0 to 59"
    return None

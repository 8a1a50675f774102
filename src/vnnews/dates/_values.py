"""The values dates resolve to (:class:`TimeValue`, :class:`DateMatch`) and calendar arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, TypedDict

if TYPE_CHECKING:
    from vnnews.lunar import LunarDate, LunarDateDict

__all__ = [
    "GRAINS",
    "DateMatch",
    "DateMatchDict",
    "Grain",
    "TimeValue",
    "TimeValueDict",
    "add_units",
    "finer",
    "truncate",
]

Grain = Literal["second", "minute", "hour", "day", "week", "month", "quarter", "year"]
"""The precision of a :class:`TimeValue`."""

#: The grains from finest to coarsest.
GRAINS: tuple[Grain, ...] = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")

_FIXED_STEPS: dict[str, timedelta] = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
}
_MONTH_STEPS = {"month": 1, "quarter": 3, "year": 12}


class TimeValueDict(TypedDict):
    """A resolved time (:meth:`~vnnews.TimeValue.to_dict`): ISO 8601 ``start`` and exclusive ``end``
    (null for a single unit of ``grain``), and the lunar date written, if any."""

    start: str
    end: str | None
    grain: Grain
    lunar: LunarDateDict | None


class DateMatchDict(TypedDict):
    """A date or time found in a text (:meth:`~vnnews.DateMatch.to_dict`): its ``text`` and ``span``,
    then the keys of its value."""

    text: str
    span: list[int]
    start: str
    end: str | None
    grain: Grain
    lunar: LunarDateDict | None


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A resolved time: one unit of ``grain`` starting at ``start``, or the interval [start, end).

    Attributes:
        start: the first instant (a naive ``datetime``).
        end: the exclusive end of an interval, or ``None`` for a single unit of ``grain``
            ("ngày 20/1" is the day starting at ``start``).
        grain: the precision: second, minute, hour, day, week, month, quarter or year.
        lunar: the lunar date written in the text ("rằm tháng Giêng", "10/3 âm lịch", "Tết"),
            else ``None``.

    >>> from datetime import datetime
    >>> value = TimeValue(datetime(2022, 1, 20, 4), datetime(2022, 1, 20, 12), "hour")
    >>> print(value)
    [2022-01-20 04:00, 2022-01-20 12:00) hour
    >>> print(TimeValue(datetime(2022, 1, 1), None, "year"))
    2022 (year)
    >>> value.last
    datetime.datetime(2022, 1, 20, 12, 0)
    """

    start: datetime
    end: datetime | None
    grain: Grain
    lunar: LunarDate | None = None

    @property
    def last(self) -> datetime:
        """The exclusive end of the time, for a single unit too (start plus one grain)."""
        return self.end if self.end is not None else add_units(self.start, self.grain, 1)

    def to_dict(self) -> TimeValueDict:
        """The value as JSON-ready data: ``start`` and ``end`` as ISO 8601 strings
        (``end`` exclusive, or null for a single unit), the lunar date as an object or null.

        >>> TimeValue(datetime(2022, 1, 20, 4), datetime(2022, 1, 20, 12), "hour").to_dict()
        {'start': '2022-01-20T04:00:00', 'end': '2022-01-20T12:00:00', 'grain': 'hour', 'lunar': None}
        """
        return {
            "start": self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "grain": self.grain,
            "lunar": None if self.lunar is None else self.lunar.to_dict(),
        }

    def __str__(self) -> str:
        if self.end is None:
            return f"{_show(self.start, self.grain)} ({self.grain})"
        start, end = _show(self.start, self.grain), _show(self.end, self.grain)
        return f"[{start}, {end}) {self.grain}"


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or time expression found in a text.

    Attributes:
        text: the expression exactly as written in the original input.
        span: ``(start, end)`` offsets into the original input, so that
            ``original[start:end] == text``.
        value: what it means, resolved against the reference date.

    >>> from vnnews import extract_dates
    >>> match = extract_dates("Sáng 20/1, hội nghị khai mạc.", ref=datetime(2022, 1, 20))[0]
    >>> match.text, match.span
    ('Sáng 20/1', (0, 9))
    >>> print(match.value)
    [2022-01-20 04:00, 2022-01-20 12:00) hour
    """

    text: str
    span: tuple[int, int]
    value: TimeValue

    def to_dict(self) -> DateMatchDict:
        """The match as JSON-ready data, as in :meth:`vnnews.Article.to_dict`: text and span,
        then the keys of :meth:`~vnnews.TimeValue.to_dict`.

        >>> from vnnews import extract_dates
        >>> extract_dates("Sáng 20/1, hội nghị khai mạc.", published="2022-01-20")[0].to_dict()
        {'text': 'Sáng 20/1', 'span': [0, 9], 'start': '2022-01-20T04:00:00', 'end': '2022-01-20T12:00:00', 'grain': 'hour', 'lunar': None}
        """
        value = self.value.to_dict()
        return {
            "text": self.text,
            "span": list(self.span),
            "start": value["start"],
            "end": value["end"],
            "grain": value["grain"],
            "lunar": value["lunar"],
        }


def _show(moment: datetime, grain: Grain) -> str:
    """The shortest exact writing of ``moment`` at ``grain`` ("2022", "2022-Q1", "2022-01")."""
    if grain in ("hour", "minute"):
        return moment.strftime("%Y-%m-%d %H:%M")
    if grain == "second":
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    if moment.time() != datetime.min.time():
        return moment.strftime("%Y-%m-%d %H:%M")
    if grain == "year" and (moment.month, moment.day) == (1, 1):
        return f"{moment.year}"
    if grain == "quarter" and moment.day == 1 and moment.month % 3 == 1:
        return f"{moment.year}-Q{moment.month // 3 + 1}"
    if grain == "month" and moment.day == 1:
        return moment.strftime("%Y-%m")
    return moment.strftime("%Y-%m-%d")


def truncate(moment: datetime, grain: Grain) -> datetime:
    """The start of the ``grain`` unit that contains ``moment`` (weeks start on Monday).

    >>> truncate(datetime(2017, 2, 2, 3, 55), "week")
    datetime.datetime(2017, 1, 30, 0, 0)
    >>> truncate(datetime(2017, 8, 2), "quarter")
    datetime.datetime(2017, 7, 1, 0, 0)
    """
    # Built with the constructor: datetime.replace is several times slower, and this runs for
    # every expression read.
    if grain == "second":
        return datetime(
            moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second
        )
    if grain == "minute":
        return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute)
    if grain == "hour":
        return datetime(moment.year, moment.month, moment.day, moment.hour)
    if grain == "day":
        return datetime(moment.year, moment.month, moment.day)
    if grain == "week":
        return datetime(moment.year, moment.month, moment.day) - timedelta(days=moment.weekday())
    if grain == "month":
        return datetime(moment.year, moment.month, 1)
    if grain == "quarter":
        return datetime(moment.year, (moment.month - 1) // 3 * 3 + 1, 1)
    return datetime(moment.year, 1, 1)


def add_units(moment: datetime, grain: Grain, count: int) -> datetime:
    """``moment`` moved by ``count`` units of ``grain`` (months keep the day, clamped).

    >>> add_units(datetime(2022, 1, 31), "month", 1)
    datetime.datetime(2022, 2, 28, 0, 0)
    >>> add_units(datetime(2022, 1, 1), "quarter", -1)
    datetime.datetime(2021, 10, 1, 0, 0)
    """
    if grain in _FIXED_STEPS:
        return moment + _FIXED_STEPS[grain] * count
    months = moment.year * 12 + moment.month - 1 + _MONTH_STEPS[grain] * count
    year, month = divmod(months, 12)
    return moment.replace(
        year=year, month=month + 1, day=min(moment.day, _days_in(year, month + 1))
    )


def finer(first: Grain, second: Grain) -> Grain:
    """The finer of two grains.

    >>> finer("day", "hour")
    'hour'
    """
    return first if GRAINS.index(first) <= GRAINS.index(second) else second


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day

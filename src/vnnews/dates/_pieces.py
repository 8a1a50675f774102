"""Pieces: date and time expressions found in the text, before and after they are combined."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

from vnnews.dates._lexicon import PartOfDay
from vnnews.dates._values import Grain, TimeValue, truncate

__all__ = ["Clock", "Context", "Kind", "Piece", "Prefer", "apply_part", "placing", "resolve"]

Kind = Literal["value", "day", "clock", "part", "until_now"]

Prefer = Literal["past", "future", "nearest"]
"""Where a weekday, or a date with no year, is placed around the reference date."""

_PREFERENCES: tuple[Prefer, ...] = ("past", "future", "nearest")

# (towards, weekday mode) of each preference: ``towards`` -1 keeps the occurrences that have
# begun by the reference, +1 those that have not ended by it, 0 all (the nearest is taken).
_PLACINGS: dict[Prefer, tuple[int, str]] = {
    "past": (-1, "last_or_today"),
    "future": (1, "next_or_today"),
    "nearest": (0, "nearest"),
}
_DEFAULT = (0, "next_or_today")  # None: conventions 5 and 6 of docs/dates.md


def placing(prefer: object) -> tuple[int, str]:
    """The (towards, weekday mode) of a ``prefer`` argument (None: the conventions of
    ``docs/dates.md``); ValueError for any other value."""
    if prefer is None:
        return _DEFAULT
    if prefer not in _PREFERENCES:
        raise ValueError(f"prefer must be 'past', 'future', 'nearest' or None, not {prefer!r}")
    return _PLACINGS[prefer]


class Context(NamedTuple):
    """What every rule needs: the normalised text, the reference time, and the mode."""

    text: str
    ref: datetime
    whole: bool  # parse_date reads the whole string: keep the weak readings
    # How a date with no year is placed: -1 the last, +1 the next, 0 the nearest ("prefer").
    towards: int = 0
    weekday: str = "next_or_today"  # how a bare weekday is placed (see weekday_value)


class Clock(NamedTuple):
    """A time of day not yet placed on a day (a tuple: cheap to make, immutable)."""

    hour: int
    minute: int
    second: int
    grain: Grain
    ambiguous: bool  # 1-12 without am/pm or a part of the day: a.m. or p.m.


class Piece(NamedTuple):
    """An expression found at [start, end) of the normalised text.

    A named tuple rather than a frozen dataclass: every rule match makes one, and a tuple is
    several times cheaper to build while staying immutable.

    ``kind`` says how it may combine: a ``day`` (a date, a weekday, a holiday), a ``clock``
    (time of day), a ``part`` of the day, a finished ``value``, or ``until_now`` ("đến nay",
    the open end of an interval: it has no value and is kept only as that end). For clocks
    and parts, ``value`` is the day they are anchored to, if any.
    """

    start: int
    end: int
    kind: Kind
    value: TimeValue | None = None
    clock: Clock | None = None
    part: PartOfDay | None = None
    weak: bool = False  # kept only if it combines with a neighbour (or in parse_date)
    weekday: bool = False  # a bare weekday name: a date written next to it wins
    holiday: bool = False
    explicit_year: bool = True
    from_word: bool = False  # starts with "từ": the start of a "từ X đến Y" interval
    relative: bool = False  # its day is named from the reference ("hôm nay", "sáng qua")

    def spanning(self, end: int, **changes: object) -> Piece:
        """This piece widened to ``end`` with some fields changed (it is no longer weak)."""
        return self._replace(end=end, weak=False, **changes)  # type: ignore[arg-type]


def apply_part(clock: Clock, part: PartOfDay) -> Clock:
    """The clock read in a part of the day: "3 giờ chiều" = 15:00, "2 giờ sáng" = 02:00."""
    hour = clock.hour
    if hour <= 12:
        if (part.rule == "pm" and hour < 12) or (part.rule == "noon" and 1 <= hour <= 5):
            hour += 12
        elif part.rule == "night":
            hour = 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    return clock._replace(hour=hour, ambiguous=False)


def resolve(piece: Piece, ref: datetime) -> TimeValue | None:
    """The value of a finished piece; a clock or part without a day is placed near ``ref``."""
    if piece.kind in ("value", "day"):
        return piece.value
    anchor = piece.value
    if piece.kind == "part" and piece.part is not None:
        day = anchor.start if anchor is not None else truncate(ref, "day")
        return TimeValue(
            day + timedelta(hours=piece.part.start_hour),
            day + timedelta(hours=piece.part.end_hour),
            "hour",
            anchor.lunar if anchor is not None else None,
        )
    if piece.clock is None:
        return None
    if anchor is not None:
        return TimeValue(_at(anchor.start, piece.clock, piece.clock.hour), None, piece.clock.grain)
    return _next_clock(piece.clock, ref)


def _at(day: datetime, clock: Clock, hour: int) -> datetime:
    return day.replace(hour=hour, minute=clock.minute, second=clock.second)


@lru_cache(maxsize=1024)  # calendar arithmetic on the reference, the same for a whole article
def _next_clock(clock: Clock, ref: datetime) -> TimeValue:
    """Duckling's reading: the first time at or after ``ref`` the clock shows this time.

    Today's candidates come before tomorrow's, and tomorrow's are all after ``ref``: the
    earliest of today's not before ``ref`` (at the clock's grain), else tomorrow's earliest.
    """
    floor = truncate(ref, clock.grain)
    hours = sorted((clock.hour, (clock.hour + 12) % 24)) if clock.ambiguous else (clock.hour,)
    for hour in hours:
        moment = datetime(ref.year, ref.month, ref.day, hour, clock.minute, clock.second)
        if moment >= floor:
            return TimeValue(moment, None, clock.grain)
    first = datetime(ref.year, ref.month, ref.day, hours[0], clock.minute, clock.second)
    return TimeValue(first + timedelta(days=1), None, clock.grain)

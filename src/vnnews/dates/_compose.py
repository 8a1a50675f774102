"""Combining neighbouring pieces: "thứ Năm (20/1)", "8 giờ sáng", "Sáng 20/1", "từ X đến Y"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

import regex

from vnnews.dates._pieces import Context, Piece, apply_part, resolve
from vnnews.dates._values import TimeValue, add_units, finer, truncate

__all__ = ["compose"]

Combine = Callable[[Piece, Piece, Context], Piece | None]

_SPACE_OR_COMMA = r"\s|\s?,\s"
_CLOSING = regex.compile(r"\s?\)")
_FROM = regex.compile(r"(?<!\w)từ\s$", regex.IGNORECASE)
_DASH = regex.compile(r"\s?[-–—]\s?")
_MAX_GAP = 16  # the longest connector text ("  đến hết ngày ") is shorter


@dataclass(frozen=True, slots=True)
class Merge:
    """Two neighbouring pieces, joined by text matching ``gap``, become one."""

    name: str
    gap: str
    combine: Combine


def _dated(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """A name followed by its date: the date wins ("thứ Năm (20/1)", "hôm qua (19/1)",
    "chiều nay 1/10", "10h sáng nay, ngày 18/12").

    A weekday, and a day named from the reference ("hôm nay", "sáng qua", "10h tối nay"), take
    their date after a space, a comma or in brackets; a holiday after a space or in brackets;
    any other day only in brackets. The date must be written out (no weekday, holiday or
    relative day): "hôm nay, thứ Năm" is two names.
    """
    if right.kind != "day" or right.weekday or right.holiday or right.relative:
        return None
    if left.kind != "day" and not (left.relative and left.kind in ("part", "clock")):
        return None
    end = right.end
    if "(" in ctx.text[left.end : right.start]:
        closing = _CLOSING.match(ctx.text[end : end + 2])
        if closing is None:
            return None
        end += closing.end()
    elif not (left.weekday or left.holiday or left.relative):
        return None
    elif left.holiday and "," in ctx.text[left.end : right.start]:
        return None  # "Giỗ Tổ, 20/1" lists two days; "Quốc khánh 2/9" names one
    return left.spanning(end, value=right.value, weekday=False, holiday=False, relative=False)


def _clock_in_part(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "3 giờ chiều", "8 giờ tối nay": the part decides a.m./p.m. and may bring the day."""
    if left.kind != "clock" or right.kind != "part" or left.clock is None or right.part is None:
        return None
    if left.value is not None and right.value is not None:
        return None
    clock = apply_part(left.clock, right.part)
    return left.spanning(
        right.end, clock=clock, value=left.value or right.value, relative=right.relative
    )


def _part_on_day(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "Sáng 20/1", "sáng chủ nhật": the part of the day on that day."""
    if left.kind != "part" or left.value is not None or right.kind != "day":
        return None
    return left.spanning(right.end, value=right.value, relative=right.relative)


def _clock_on_day(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "14 giờ ngày 20/1", "3 giờ chiều ngày mai"."""
    if left.kind != "clock" or left.value is not None or right.kind != "day":
        return None
    return left.spanning(right.end, value=right.value, relative=right.relative)


def _day_at_clock(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "hôm nay lúc 2 giờ chiều", "ngày 20/1, lúc 15h"."""
    if left.kind != "day" or right.kind != "clock" or right.value is not None:
        return None
    return right.spanning(right.end, value=left.value, start=left.start)


def _interval(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "từ 1/1 đến 15/1" = [1 Jan, 16 Jan): the last named unit is included."""
    before = _FROM.search(ctx.text[max(0, left.start - 4) : left.start])
    opened_by_from = left.from_word or before is not None
    dash = _DASH.fullmatch(ctx.text[left.end : right.start])
    if not (opened_by_from or dash) or not _comparable(left, right):
        return None
    second = resolve(right, ctx.ref)
    if second is None:
        return None
    first_piece = left
    if left.kind == "clock" and left.value is None and right.value is not None:
        first_piece = left._replace(value=right.value)
    first = resolve(first_piece, ctx.ref)
    if first is None:
        return None
    if not left.explicit_year and right.explicit_year and first.grain in ("day", "month"):
        first = _same_year(first, second)
    if left.kind == "clock" and right.kind == "clock" and right.value is None:
        second = resolve(right._replace(value=_day_of(first)), ctx.ref) or second
    if second.last <= first.start:
        return None
    start = left.start
    if before is not None and not left.from_word:
        start = left.start - len(before[0])
    value = TimeValue(first.start, second.last, finer(first.grain, second.grain), first.lunar)
    return Piece(start, right.end, "value", value)


def _until_now(left: Piece, right: Piece, ctx: Context) -> Piece | None:
    """ "từ năm 2020 đến nay" = [2020-01-01, the reference time): an interval opened by "từ"
    that ends at the reference (its day grain or finer). A start with no year written that
    falls after the reference is the one before it ("từ tháng 3 đến nay" in January is last
    March); a start after the reference otherwise is no interval."""
    if right.kind != "until_now" or left.kind not in ("value", "day"):
        return None
    before = _FROM.search(ctx.text[max(0, left.start - 4) : left.start])
    if not (left.from_word or before is not None):
        return None
    first = resolve(left, ctx.ref)
    if first is None:
        return None
    now = truncate(ctx.ref, "second")  # as "bây giờ" reads it
    start = first.start if first.start < now else _moved_back(left, first, now)
    if start is None:
        return None
    value = TimeValue(start, now, finer(first.grain, "day"), first.lunar)
    return Piece(left.start - len(before[0]) if before else left.start, right.end, "value", value)


def _moved_back(piece: Piece, value: TimeValue, ref: datetime) -> datetime | None:
    """The start of the occurrence before ``ref`` of a weekday or a date with no year, if the
    one read is after it; None for anything else (a year, a relative day)."""
    if piece.weekday:
        start = value.start - timedelta(weeks=1)
    elif not piece.explicit_year and value.lunar is None and value.grain != "year":
        start = add_units(value.start, "year", -1)
    else:
        return None
    return start if start < ref else None


def _comparable(left: Piece, right: Piece) -> bool:
    """Two clocks, or two calendar pieces: "20/1/2022 - 14:30" is a dateline, not a range."""
    if "part" in (left.kind, right.kind):
        return False
    return (left.kind == "clock") == (right.kind == "clock")


def _same_year(first: TimeValue, second: TimeValue) -> TimeValue:
    start = first.start.replace(year=second.start.year)
    if start >= second.start:
        start = start.replace(year=start.year - 1)
    return replace(first, start=start)


def _day_of(value: TimeValue) -> TimeValue:
    day = value.start.replace(hour=0, minute=0, second=0)
    return TimeValue(day, None, "day")


_MERGES = (
    Merge("dated_name", r"\s|\s?,\s|\s?\(\s?", _dated),
    Merge("clock_in_part", r"\s", _clock_in_part),
    Merge("part_on_day", _SPACE_OR_COMMA, _part_on_day),
    Merge("clock_on_day", _SPACE_OR_COMMA, _clock_on_day),
    Merge("until_now", r"\s", _until_now),
    Merge("interval", r"\s?(?:[-–—]|đến|tới)\s(?:hết\s)?|\s?[-–—]\s?", _interval),
    Merge("day_at_clock", _SPACE_OR_COMMA + r"|\svào\s|\s[-–|]\s", _day_at_clock),
)


@lru_cache(maxsize=1)
def _gaps() -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(merge.gap, regex.IGNORECASE) for merge in _MERGES)


def compose(pieces: list[Piece], ctx: Context) -> list[Piece]:
    """Apply the merges, strongest first, until no two neighbours combine."""
    changed = len(pieces) > 1
    while changed:
        changed = False
        for merge, gap in zip(_MERGES, _gaps(), strict=True):
            pieces, merged = _merge_pass(pieces, merge, gap, ctx)
            changed = changed or merged
    return pieces


def _merge_pass(
    pieces: list[Piece], merge: Merge, gap: regex.Pattern[str], ctx: Context
) -> tuple[list[Piece], bool]:
    result: list[Piece] = []
    merged_any = False
    for piece in pieces:
        if result:
            left = result[-1]
            between = ctx.text[left.end : piece.start]
            if len(between) <= _MAX_GAP and gap.fullmatch(between):
                try:
                    merged = merge.combine(left, piece, ctx)
                except (ValueError, OverflowError):  # beyond datetime's years 1-9999
                    merged = None
                if merged is not None:
                    result[-1] = merged
                    merged_any = True
                    continue
        result.append(piece)
    return result, merged_any

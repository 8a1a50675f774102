"""Helpers the readers share: reading groups of a match, numbers, years, months."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import regex

from vnnews.dates import _lexicon as lex
from vnnews.dates._calendar import (
    lunar_month,
    lunar_year_named,
    nearest,
    relative_unit,
)
from vnnews.dates._pieces import Context, Piece
from vnnews.dates._values import TimeValue

__all__ = [
    "FOUR_DIGITS",
    "Builder",
    "Match",
    "direction_of",
    "group",
    "groups",
    "has_group",
    "lunar_year_of",
    "make_piece",
    "month_number",
    "month_value",
    "number",
    "optional_groups",
    "two_digit_year",
    "word_before",
    "year_of",
    "years_around",
]


Match = regex.Match[str]

Builder = Callable[[Match, Context], Piece | None]

_WORDS = regex.compile(r"\w+")

FOUR_DIGITS = regex.compile(r"\d{4}")


def group(match: Match, *names: str) -> str | None:
    """The first of the named groups that took part in the match, if any (a rule may lack some)."""
    # By index: the regex module looks a group name up several times slower than this dict.
    index = match.re.groupindex  # a rule's pattern may lack some of the names
    for name in names:
        if name in index:
            value = match.group(index[name])
            if value:
                return value
    return None


def groups(match: Match, *names: str) -> tuple[str | None, ...]:
    """The values of named groups the rule's pattern has (two or more), in one call by index."""
    index = match.re.groupindex
    return match.group(*[index[name] for name in names])


def optional_groups(match: Match, *names: str) -> tuple[str | None, ...]:
    """Like :func:`group` for each name (None if absent, empty or not in the pattern), in one call."""
    index = match.re.groupindex
    values = match.group(0, 0, *[index.get(name, 0) for name in names])[2:]
    return tuple(
        value if value and name in index else None
        for name, value in zip(names, values, strict=True)
    )


def number(text: str | None) -> int | None:
    return None if text is None else lex.word_number(text.lower())


def year_of(match: Match, ctx: Context, prefix: str = "") -> int | None:
    """The year written after a unit ("/2022", "năm nay"), or None if none is written."""
    written = group(match, f"{prefix}y", f"{prefix}y2")
    if written:
        return int(written)
    rel = group(match, f"{prefix}yrel")
    return ctx.ref.year + lex.relative_offsets()[rel.lower()] if rel else None


def two_digit_year(text: str, ref: datetime) -> int:
    """ "91" → 1991 and "17" → 2017: the century that puts the year nearest the reference."""
    if len(text) == 4:
        return int(text)
    base = ref.year // 100 * 100 + int(text)
    return min((base - 100, base, base + 100), key=lambda year: abs(year - ref.year))


def month_value(match: Match, ctx: Context) -> TimeValue | None:
    """The month of a month spec (solar, or lunar for Giêng/Chạp, "nhuận", "âm lịch")."""
    rel, written, year_written, year_written2, year_rel, past, lunar_mark, leap = optional_groups(
        match, "mrel", "mon", "my", "my2", "myrel", "past", "lunar", "nhuan"
    )
    if rel:
        return relative_unit("month", lex.relative_offsets()[rel.lower()], ctx.ref)
    if written is None:
        return relative_unit("month", 0, ctx.ref)
    month, lunar = month_number(written)
    written_year = year_written or year_written2  # as year_of(match, ctx, "m") reads them
    if written_year:
        year: int | None = int(written_year)
    else:
        year = ctx.ref.year + lex.relative_offsets()[year_rel.lower()] if year_rel else None
    if month is None:
        return None
    towards = -1 if past else 0
    if lunar or lunar_mark or leap:
        return lunar_month(month, year, ctx.ref, leap=leap is not None, towards=towards)
    if year is not None:
        return TimeValue(datetime(year, month, 1), None, "month")
    options = (TimeValue(datetime(y, month, 1), None, "month") for y in years_around(ctx))
    return nearest(options, ctx.ref, towards)


def month_number(text: str) -> tuple[int | None, bool]:
    key = " ".join(text.lower().split())
    if key in lex.month_names():
        return lex.month_names()[key]
    number = int(key) if key.isdigit() else None
    return (number if number is not None and 1 <= number <= 12 else None), False


def direction_of(match: Match) -> int:
    """-1 when "vừa qua" follows the expression: the occurrence before the reference."""
    return -1 if group(match, "past") else 0


def has_group(match: Match, name: str) -> bool:
    """Whether the named group exists in the rule's pattern and took part in the match."""
    return group(match, name) is not None


def years_around(ctx: Context) -> tuple[int, int, int]:
    return ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1


def word_before(ctx: Context, start: int) -> str:
    if start == 0:
        return ""
    head = ctx.text[max(0, start - 30) : start].rstrip()
    words = _WORDS.findall(head)
    return words[-1].lower() if words else ""


def make_piece(match: Match, kind: str, value: TimeValue | None, **fields: object) -> Piece:
    start, end = match.span()
    return Piece(start, end, kind, value, **fields)  # type: ignore[arg-type]


def lunar_year_of(match: Match, ctx: Context) -> int | None:
    written = group(match, "ly")
    if not written:
        return None
    digits = FOUR_DIGITS.search(written)  # "Nhâm Dần 2022": the number is exact
    return int(digits[0]) if digits else lunar_year_named(written, ctx.ref)

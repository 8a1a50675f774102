"""Helpers the readers share: reading groups of a match, numbers, years, months."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

import regex

from vnnews.dates import _lexicon as lex
from vnnews.dates._calendar import (
    calendar_unit,
    lunar_month,
    lunar_year_named,
    nearest,
    relative_unit,
)
from vnnews.dates._lexicon import PartOfDay
from vnnews.dates._pieces import Clock, Context, Kind, Piece
from vnnews.dates._values import TimeValue

__all__ = [
    "FOUR_DIGITS",
    "Builder",
    "Groups",
    "Match",
    "direction_of",
    "group",
    "has_group",
    "lunar_year_of",
    "make_piece",
    "month_number",
    "month_value",
    "number",
    "two_digit_year",
    "unless_counted",
    "word_before",
    "word_right_before",
    "year_in",
    "year_of",
    "years_around",
]


Match = re.Match[str]

Builder = Callable[[Match, Context], Piece | None]

Groups = dict[str, str | None]  # a match's groupdict()

_WORDS = regex.compile(r"\w+")

FOUR_DIGITS = regex.compile(r"\d{4}")


def group(match: Match, *names: str) -> str | None:
    """The first of the named groups that took part in the match, if any (a rule may lack some)."""
    index = match.re.groupindex  # a rule's pattern may lack some of the names
    for name in names:
        if name in index:
            value = match[name]
            if value:
                return value
    return None


def number(text: str | None) -> int | None:
    return None if text is None else lex.word_number(text.lower())


def year_of(match: Match, ctx: Context, prefix: str = "") -> int | None:
    """The year written after a unit ("/2022", "năm nay"), or None if none is written."""
    return year_in(match.groupdict(), ctx, prefix)


def year_in(found: Groups, ctx: Context, prefix: str = "") -> int | None:
    """:func:`year_of`, from the match's ``groupdict()`` (read once by a reader needing several)."""
    year, year2, relative = _YEAR_GROUPS[prefix]
    written = found.get(year) or found.get(year2)
    if written:
        return int(written)
    rel = found.get(relative)
    return ctx.ref.year + lex.relative_offsets()[rel.lower()] if rel else None


# The groups of a year spec ("/2022", "năm 2022", "năm nay"), after a month ("m") or not.
_YEAR_GROUPS = {prefix: (f"{prefix}y", f"{prefix}y2", f"{prefix}yrel") for prefix in ("", "m")}


def two_digit_year(text: str, ref: datetime) -> int:
    """ "91" → 1991 and "17" → 2017: the century that puts the year nearest the reference."""
    if len(text) == 4:
        return int(text)
    base = ref.year // 100 * 100 + int(text)
    return min((base - 100, base, base + 100), key=lambda year: abs(year - ref.year))


def month_value(found: Groups, ctx: Context) -> TimeValue | None:
    """The month of a month spec (solar, or lunar for Giêng/Chạp, "nhuận", "âm lịch").

    ``found`` is the match's ``groupdict()``: one call, then cheap reads of the many groups.
    """
    rel, written = found.get("mrel"), found.get("mon")
    if rel:
        return relative_unit("month", lex.relative_offsets()[rel.lower()], ctx.ref)
    if written is None:
        return relative_unit("month", 0, ctx.ref)
    month, lunar = month_number(written)
    year = year_in(found, ctx, "m")
    if month is None:
        return None
    towards = -1 if found.get("past") else ctx.towards if year is None else 0
    leap = found.get("nhuan") is not None
    if lunar or found.get("lunar") or leap:
        return lunar_month(month, year, ctx.ref, leap=leap, towards=towards)
    if year is not None:
        return calendar_unit(year, month, "month")
    options = (calendar_unit(y, month, "month") for y in years_around(ctx))
    return nearest(options, ctx.ref, towards)


def month_number(text: str) -> tuple[int | None, bool]:
    """A month written in digits or as a name ("Giêng" is lunar), and whether it is lunar."""
    if text.isdigit():  # the usual case; no month name is written in digits
        number = int(text)
        return (number if 1 <= number <= 12 else None), False
    key = " ".join(text.lower().split())
    if key.isdigit():  # written with spaces around it
        return month_number(key)
    return lex.month_names().get(key, (None, False))


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


def word_right_before(ctx: Context, start: int) -> str:
    """The word of letters right before ``start`` with one space between, lower-cased; "" at
    the start of the text, after punctuation or after a word with digits ("19h00")."""
    if start < 2 or not ctx.text[start - 1].isspace():
        return ""
    found = _LETTERS_BEFORE.search(ctx.text, max(0, start - 31), start - 1)
    return found[0].lower() if found else ""


_LETTERS_BEFORE = regex.compile(r"(?<![\w])\p{L}[\p{L}\p{M}]*\Z")


def make_piece(
    match: Match,
    kind: Kind,
    value: TimeValue | None,
    *,
    clock: Clock | None = None,
    part: PartOfDay | None = None,
    weak: bool = False,
    weekday: bool = False,
    holiday: bool = False,
    explicit_year: bool = True,
    from_word: bool = False,
    relative: bool = False,
) -> Piece:
    """The piece a rule's match makes (the fields of :class:`Piece`; built positionally, which
    is the cheap way to make a named tuple, and every match of a rule makes one)."""
    start, end = match.span()
    fields = (
        start,
        end,
        kind,
        value,
        clock,
        part,
        weak,
        weekday,
        holiday,
        explicit_year,
        from_word,
        relative,
    )
    return tuple.__new__(Piece, fields)  # the named tuple's own __new__ is a slower Python call


@lru_cache(maxsize=1)
def _after_count() -> regex.Pattern[str]:
    """Empty, where a count and a space come just before: "những |năm tới", "3 |năm nay"."""
    counts = lex.alternation(lex.count_words())
    # The regex module: the count words differ in length, which re's lookbehind cannot take.
    return regex.compile(rf"(?<=(?:{counts}|(?<![\d/.\-])\d{{1,3}})\s)", regex.IGNORECASE)


def unless_counted(build: Builder) -> Builder:
    """``build``, refusing a match that follows a count or a plural word.

    "năm tới" is next year, but "những năm tới" the coming years and "3 năm nay" these three
    years ("1/5 năm nay" is still a date: the number before is part of a date).
    """

    def checked(match: Match, ctx: Context) -> Piece | None:
        start = match.start()
        # A count is followed by a space: most matches (at the start, after a comma) skip the scan.
        if start and ctx.text[start - 1].isspace() and _after_count().match(ctx.text, start):
            return None
        return build(match, ctx)

    return checked


def lunar_year_of(match: Match, ctx: Context) -> int | None:
    written = group(match, "ly")
    if not written:
        return None
    digits = FOUR_DIGITS.search(written)  # "Nhâm Dần 2022": the number is exact
    return int(digits[0]) if digits else lunar_year_named(written, ctx.ref)

"""Dates and times of Vietnamese news, resolved to real datetimes against a reference date.

>>> from datetime import date
>>> from vnnews.dates import extract_dates, parse_date
>>> print(parse_date("ngày 20 tháng 1 năm 2022"))
2022-01-20 (day)
>>> [m.text for m in extract_dates("Sáng 20/1, nhiệm kỳ 2021 – 2026.", published="2022-01-20")]
['Sáng 20/1', 'nhiệm kỳ 2021 – 2026']

The reference date is called ``published`` everywhere (``ref`` is another name for it) and is a
``date``, a ``datetime`` or a ``"YYYY-MM-DD"`` string.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

import regex

from vnnews._reference import one_reference, reference_time
from vnnews.dates._compose import compose
from vnnews.dates._explain import explain
from vnnews.dates._format import format_date
from vnnews.dates._lexicon import context_words
from vnnews.dates._pieces import Context, Piece, Prefer, placing, resolve
from vnnews.dates._scan import find_atoms, starts_by_line
from vnnews.dates._values import (
    GRAINS,
    DateMatch,
    DateMatchDict,
    Grain,
    TimeValue,
    TimeValueDict,
)
from vnnews.errors import ParseError, require_str
from vnnews.normalization import NormalizedText, normalize, normalize_with_offsets

__all__ = [
    "GRAINS",
    "DateMatch",
    "DateMatchDict",
    "Grain",
    "Prefer",
    "TimeValue",
    "TimeValueDict",
    "extract_dates",
    "format_date",
    "parse_date",
]

_LINE = regex.compile(r"[^\n]+")
_DEFAULT_PLACING = placing(None)


@lru_cache(maxsize=1)
def _around() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """What parse_date accepts before and after a whole expression (``date_context_words.tsv``)."""
    lead = "|".join(sorted(context_words("lead_word"), key=len, reverse=True))
    trail = "|".join(
        phrase.replace(" ", r"\s+")
        for phrase in sorted(context_words("trail_phrase"), key=len, reverse=True)
    )
    return (
        regex.compile(rf"\s*(?:(?:{lead})\s+){{0,3}}", regex.IGNORECASE),
        regex.compile(rf"\s*(?:{trail})?\s*[.!?…]?\s*", regex.IGNORECASE),
    )


def parse_date(
    text: str,
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = None,
) -> TimeValue:
    """Read a string that is one date or time expression.

    Args:
        text: the expression, e.g. ``"ngày 20 tháng 1 năm 2022"``, ``"15h30"``,
            ``"quý I/2022"``, ``"tối nay"``, ``"từ ngày 1/1 đến 15/1"``, ``"rằm tháng Giêng"``.
            Words like "vào", "khoảng" before it and "vừa qua" after it are allowed.
        published: the reference date that relative expressions are read from (an article's
            publication date): a ``date``, a ``datetime`` or a ``"YYYY-MM-DD"`` string;
            default: now.
        ref: another name for ``published`` (give one of them).
        prefer: where a bare weekday ("thứ Sáu", "hôm thứ 5") or a date with no year
            ("20/1", "tháng 3", "quý 3", "rằm tháng Giêng", "Quốc khánh") is placed:
            ``"past"`` the last one that has begun by the reference date, ``"future"`` the
            next one that has not ended by it (the one containing the reference date is
            both), ``"nearest"`` the nearest one. None (the default) keeps the conventions
            of ``docs/dates.md``: a date with no year is the nearest, a bare weekday the next
            (Duckling's reading). A direction written in the text ("vừa qua", "tới") wins;
            a time of day with no day is never moved.

    Returns:
        The :class:`TimeValue` it means.

    Raises:
        TypeError: if ``text`` is not a ``str``, the reference date not a ``date``,
            ``datetime`` or ``str``, or both ``published`` and ``ref`` are given.
        ParseError: if the string is not exactly one date or time expression, or names an
            impossible date or time ("30/2/2022", "25 giờ"); or the reference date is a
            string that is not a real ``YYYY-MM-DD`` date.
        ValueError: if ``prefer`` is not one of its values.

    >>> print(parse_date("3 giờ chiều ngày mai", published="2022-01-20"))
    2022-01-21 15:00 (hour)
    >>> print(parse_date("quý I/2022", published="2022-01-20"))
    2022-Q1 (quarter)
    >>> print(parse_date("Tết Nguyên đán", ref=date(2022, 1, 20)))
    2022-02-01 (day)
    >>> [str(parse_date("thứ Sáu", published="2022-01-19", prefer=p)) for p in ("past", "future")]
    ['2022-01-14 (day)', '2022-01-21 (day)']
    >>> parse_date("30/2/2022")
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read '30/2/2022': February 2022 has no day 30: it has 28 days
    """
    require_str(text, "text")
    reference = reference_time(*one_reference(published, ref))
    towards, weekday = placing(prefer)
    normalized = _as_read(normalize(text))
    ctx = Context(normalized, reference, True, towards, weekday)
    pieces = find_atoms(ctx)
    if len(pieces) > 1:  # a single piece has nothing to combine with
        pieces = compose(pieces, ctx)
    value = _whole(normalized, pieces, reference)
    if value is None:
        raise ParseError(text, explain(normalized, pieces))
    return value


def extract_dates(
    text: str,
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = None,
) -> list[DateMatch]:
    """Find every date and time expression in a text, resolved against ``published``.

    Args:
        text: any text; its spans are reported into this exact string.
        published: the reference date (an article's publication date): a ``date``, a
            ``datetime`` or a ``"YYYY-MM-DD"`` string; default: now.
        ref: another name for ``published`` (give one of them).
        prefer: where a bare weekday ("thứ Sáu", "hôm thứ 5") or a date with no year
            ("20/1", "tháng 3", "quý 3", "rằm tháng Giêng", "Quốc khánh") is placed:
            ``"past"`` the last one that has begun by the reference date, ``"future"`` the
            next one that has not ended by it (the one containing the reference date is
            both), ``"nearest"`` the nearest one. None (the default) keeps the conventions
            of ``docs/dates.md``: a date with no year is the nearest, a bare weekday the next
            (Duckling's reading). A direction written in the text ("vừa qua", "tới") wins;
            a time of day with no day is never moved.

    Returns:
        The matches in text order, without overlaps. Impossible dates ("30/2"), fractions
        ("22/28 chỉ tiêu"), document codes, durations ("trong 3 năm") and ordinals
        ("năm thứ hai") are not dates.

    Raises:
        TypeError: if ``text`` is not a ``str``, the reference date not a ``date``,
            ``datetime`` or ``str``, or both ``published`` and ``ref`` are given.
        ParseError: if the reference date is a string that is not a real ``YYYY-MM-DD``
            date (never for the text: any ``str`` is read).
        ValueError: if ``prefer`` is not one of its values.

    >>> found = extract_dates("Đến ngày 18/12/2021, có 22/28 chỉ tiêu đạt.", published="2022-01-20")
    >>> [(m.text, str(m.value)) for m in found]
    [('ngày 18/12/2021', '2021-12-18 (day)')]
    """
    normalized = normalize_with_offsets(require_str(text, "text"))
    reference = reference_time(*one_reference(published, ref))
    found = _found(normalized, reference, placed=placing(prefer))
    return [DateMatch(text[start:end], (start, end), value) for start, end, value in found]


def _dates_in(
    normalized: NormalizedText,
    ref: datetime,
    lines: list[tuple[int, int]],
    prefer: Prefer | None = None,
) -> list[DateMatch]:
    """For ``vnnews.article``: the dates of some lines of ``normalized.text``, given
    as ranges in text order (each within one line), with spans into ``normalized.original``.

    What :func:`extract_dates` finds in the original text of each range read alone: a range
    is read as the slice of the normalised text it is, with ``prefer`` as there.
    """
    original = normalized.original
    return [
        DateMatch(original[start:end], (start, end), value)
        for start, end, value in _found_on(normalized, ref, lines, placing(prefer))
    ]


def _date_spans(
    normalized: NormalizedText, *, ref: datetime, near: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For ``vnnews.numbers``: the spans (into the original text) of the dates that
    :func:`extract_dates` finds on the lines of ``normalized`` that meet one of the ``near``
    spans (of ``normalized.text``); the dates of other lines could not overlap them.
    """
    return [(start, end) for start, end, _ in _found(normalized, ref, near)]


def _lines_meeting(
    lines: list[tuple[int, int]], near: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The lines that overlap one of the ``near`` spans; both lists in text order (one sweep)."""
    kept = []
    index = 0
    for first, last in lines:
        while index < len(near) and near[index][1] <= first:
            index += 1
        if index < len(near) and near[index][0] < last:
            kept.append((first, last))
    return kept


def _found(
    normalized: NormalizedText,
    reference: datetime,
    near: list[tuple[int, int]] | None = None,
    placed: tuple[int, str] = _DEFAULT_PLACING,
) -> Iterator[tuple[int, int, TimeValue]]:
    """The dates of a text: original span and value, in text order (see extract_dates)."""
    # An expression never runs across a line break (headings, captions and bylines are lines).
    lines = [line.span() for line in _LINE.finditer(normalized.text)]
    if near is not None:
        lines = _lines_meeting(lines, near)
    return _found_on(normalized, reference, lines, placed)


def _found_on(
    normalized: NormalizedText,
    reference: datetime,
    lines: list[tuple[int, int]],
    placed: tuple[int, str] = _DEFAULT_PLACING,
) -> Iterator[tuple[int, int, TimeValue]]:
    """The dates of the ``lines`` (ranges of the normalised text, in order, no line breaks),
    weekdays and dates with no year placed by ``placed`` (see ``_pieces.placing``).

    The text is lower-cased once, and the trigger words are found in one scan of it; a line
    without any is skipped.
    """
    towards, weekday = placed
    text = _as_read(normalized.text)
    lowered = text.lower()
    line_starts = starts_by_line(text, lowered, lines)
    for number, (line_start, line_end) in enumerate(lines):
        starts = None if line_starts is None else line_starts[number]
        if starts == []:
            continue
        ctx = Context(text[line_start:line_end], reference, False, towards, weekday)
        line_lowered = None if starts is None else lowered[line_start:line_end]
        for piece in compose(find_atoms(ctx, starts, line_lowered), ctx):
            value = _final(piece, reference)
            if value is not None:
                start, end = normalized.original_span(
                    line_start + piece.start, line_start + piece.end
                )
                yield start, end, value


# Letters the case-insensitive rules (``re``) read as ASCII ones, written as those: the words
# a rule matched are then looked up in the word tables as they are listed ("3 ſ" is "3 s").
_READ_AS = str.maketrans({"İ": "I", "ı": "i", "ſ": "s", "\u212a": "K"})


def _as_read(text: str) -> str:
    """``text`` with those letters replaced, one character for one (offsets stay)."""
    # Four substring tests: cheap on a short expression and on a whole article alike.
    if "ı" in text or "İ" in text or "ſ" in text or "\u212a" in text:
        return text.translate(_READ_AS)
    return text


def _final(piece: Piece, ref: datetime) -> TimeValue | None:
    """The value of a piece extract_dates reports, or None for a weak or unanchored one."""
    if piece.weak or (piece.kind == "part" and piece.value is None):
        return None
    try:
        return resolve(piece, ref)
    except (ValueError, OverflowError):  # beyond datetime's years 1-9999
        return None


def _whole(text: str, pieces: list[Piece], ref: datetime) -> TimeValue | None:
    if len(pieces) != 1:
        return None
    piece = pieces[0]
    if piece.start > 0 and _around()[0].fullmatch(text, 0, piece.start) is None:
        return None
    if piece.end < len(text) and _around()[1].fullmatch(text, piece.end) is None:
        return None
    try:
        return resolve(piece, ref)
    except (ValueError, OverflowError):  # beyond datetime's years 1-9999
        return None

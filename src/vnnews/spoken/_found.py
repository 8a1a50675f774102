"""What :func:`vnnews.extract_dates` and :func:`vnnews.extract_numbers` find in a text, asked
only about the lines where the answer can change the reading.

Neither extractor reads an expression across a line break, so a line is read the same alone
as in its text. The spoken form needs:

- the dates of the lines where a date may need the date reader (see :func:`questions`): a
  digit after or before "/" or ":" ("20/1", "quý I/2022", "8:30"), a day-month dot or dash
  ("20.9", "1-11"), a clock letter ("8h", "8g", "20h15'"), a year ("SN 1985", "World Cup
  2026"), a date word before a number or a unit of time after one ("tháng 4", "thứ 5", "6
  tháng"). A date without a digit ("hôm
  nay") needs no reading; a year after "năm" and a Roman numeral after "quý" are read by
  :mod:`vnnews.spoken` itself, the same way;
- the figures of the lines where :func:`vnnews.extract_numbers` decides something the figure
  reader cannot tell from the shape: a dash between two numbers (a range "2-3 người", or a
  score or code when it reports nothing), a range written with words ("từ 5 đến 7 triệu")
  and a one-letter unit after a space ("30 m"). On every other line the figure reader reads
  each figure the same with or without it.

The lines are found in one pass over the runs of digits (an alternation of patterns tried at
every character costs more than both extractors), joined by line breaks, read in one call
of each extractor, and the spans mapped back. A test reads texts both ways and compares
(``tests/test_spoken.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from vnnews.dates import DateMatch
    from vnnews.numbers import NumberMatch

__all__ = ["extracted", "questions"]

_DIGITS = re.compile(r"[0-9]+")
_DASHED = re.compile(r"[ ]?[-–—][ ]?[0-9]")
_DATE_WORDS_BEFORE = ("tháng", "ngày", "mùng", "mồng", "quý", "thứ", "lúc", "giờ", "hôm")
_TIME_UNITS_AFTER = ("giờ", "tháng", "ngày", "năm", "tuần", "phút")
_RANGE_WORDS_BEFORE = ("đến", "tới")
_CLOCK_LETTERS = frozenset("hHgG'’")

_M = TypeVar("_M", "DateMatch", "NumberMatch")


def questions(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The lines (start and end, without the line break) to ask vnnews.extract_dates about,
    and those to ask vnnews.extract_numbers about: one pass over the runs of digits, each
    looked at with the characters and the word around it.

    >>> questions("Sáng nay\\nNgày 20/1 có 2-3 người\\nhết 5 hộ")
    ([(9, 31)], [(9, 31)])
    """
    dates: list[tuple[int, int]] = []
    figures: list[tuple[int, int]] = []
    line_start, line_end = 0, -1
    for run in _DIGITS.finditer(text):
        start, end = run.span()
        if start > line_end:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
        line = (line_start, line_end)
        dashed = _DASHED.match(text, end) is not None
        if (not dates or dates[-1] != line) and (dashed or _date_question(text, start, end)):
            dates.append(line)
        if (not figures or figures[-1] != line) and (dashed or _figure_question(text, start, end)):
            figures.append(line)
    return dates, figures


def _date_question(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` may be part of a date that needs the date
    reader: after "/" or ":" ("20/1", "quý I/2022", "8:30"), before "/" or ":", a day and
    month joined by a dot or a dash ("20.9", "1-11"), a month and year ("9.2012"), a clock
    letter after ("8h", "8g", "20h15'"), a date word before ("tháng 4", "thứ 5") or a unit of
    time after ("6 tháng")."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before in ("/", ":") or after in ("/", ":") or after in _CLOCK_LETTERS:
        return True
    if after in (".", "-") and end - start <= 2 and text[end + 1 : end + 2].isdigit():
        return True
    if end - start == 4 and text[start : start + 2] in ("19", "20"):
        return True  # a year the date reader may read ("SN 1980", "World Cup 2026")
    return _word_before(text, start, _DATE_WORDS_BEFORE) or _word_after(
        text, end, _TIME_UNITS_AFTER
    )


def _figure_question(text: str, start: int, end: int) -> bool:
    """Whether vnnews.extract_numbers decides the figure at ``text[start:end]``: a range
    written with words ("từ 5 đến 7 triệu") or a one-letter unit after a space ("30 m")."""
    letter = text[end : end + 1] == " " and text[end + 1 : end + 2].isalpha()
    if letter and not text[end + 2 : end + 3].isalpha():
        return True
    return _word_before(text, start, _RANGE_WORDS_BEFORE)


def _word_before(text: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` and a space end right before ``start``."""
    head = text[max(0, start - 7) : start].lower()
    for word in words:
        if head.endswith(word + " "):
            cut = len(head) - len(word) - 2
            return cut < 0 or not head[cut].isalpha()
    return False


def _word_after(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Whether a space and one of ``words`` follow ``end``."""
    tail = text[end : end + 7].lower()
    for word in words:
        if tail.startswith(" " + word):
            rest = tail[len(word) + 1 : len(word) + 2]
            return not rest.isalpha()
    return False


def extracted(
    text: str, ref: date | datetime | None, *, every_line: bool = False
) -> tuple[list[DateMatch], list[NumberMatch]]:
    """The dates and figures of ``text`` that the spoken form needs (spans into ``text``).

    ``every_line`` asks both extractors about the whole text (what the selection restates;
    for tests).
    """
    from vnnews.dates import extract_dates
    from vnnews.numbers import extract_numbers

    if every_line:
        return extract_dates(text, ref=ref), extract_numbers(text)
    date_lines, figure_lines = questions(text)
    dates = _on_lines(lambda part: extract_dates(part, ref=ref), text, date_lines)
    numbers = _on_lines(extract_numbers, text, figure_lines)
    return dates, numbers


def _on_lines(
    extract: Callable[[str], list[_M]], text: str, lines: list[tuple[int, int]]
) -> list[_M]:
    if not lines:
        return []
    if len(lines) == 1 and lines[0] == (0, len(text)):
        return extract(text)
    joined = "\n".join(text[start:end] for start, end in lines)
    starts = []
    position = 0
    for start, end in lines:
        starts.append(position)
        position += end - start + 1
    moved = []
    for match in extract(joined):
        index = bisect_right(starts, match.span[0]) - 1
        shift = lines[index][0] - starts[index]
        moved.append(replace(match, span=(match.span[0] + shift, match.span[1] + shift)))
    return moved

"""What :func:`vnnews.extract_dates` and :func:`vnnews.extract_numbers` find in a text, asked
only about the lines where the answer can change the reading.

Neither extractor reads an expression across a line break, so a line is read the same alone
as in its text. The spoken form needs:

- the dates of the lines with a digit: a date without one ("hôm nay", "quý IV") needs no
  reading, or is read by :mod:`vnnews.spoken` itself (a Roman numeral after "quý");
- the figures of the lines where :func:`vnnews.extract_numbers` decides something the figure
  reader cannot tell from the shape: a dash between two numbers (a range "2-3 người", or a
  score or code when it reports nothing), a range written with words ("từ 5 đến 7 triệu")
  and a one-letter unit after a space ("30 m"). On
  every other line the figure reader reads each figure the same with or without it.

The selected lines are joined by line breaks, read in one call of each extractor, and the
spans mapped back. A test reads texts both ways and compares (``tests/test_spoken.py``).
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

__all__ = ["extracted", "lines_with"]

_DIGIT = re.compile(r"[0-9]")
# A dash between numbers, or a figure and a letter standing alone after a space.
_FIGURE_QUESTION = re.compile(
    r"[0-9][ ]?[-–—][ ]?[0-9]|[0-9] [^\W\d_](?![^\W\d_])|(?:đến|tới) [0-9]"
)

_M = TypeVar("_M", "DateMatch", "NumberMatch")


def lines_with(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The lines of ``text`` (start and end, without the line break) where ``pattern`` occurs.

    >>> lines_with("Sáng nay\\nNgày 20/1\\nhết", re.compile("[0-9]"))
    [(9, 18)]
    """
    found = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() < position:
            continue
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        found.append((start, end))
        position = end
    return found


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
    dates = _on_lines(lambda part: extract_dates(part, ref=ref), text, lines_with(text, _DIGIT))
    numbers = _on_lines(extract_numbers, text, lines_with(text, _FIGURE_QUESTION))
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

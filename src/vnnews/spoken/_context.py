"""What every reader of :mod:`vnnews.spoken` shares: the text being read and the reading type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import regex

from vnnews.spoken._style import SpokenStyle

if TYPE_CHECKING:
    from vnnews.numbers import NumberMatch

__all__ = [
    "Context",
    "Reading",
    "next_words",
    "phrase_after",
    "phrase_before",
    "previous_words",
]


class Reading(NamedTuple):
    """How a stretch ``[start, end)`` of the normalised text is read."""

    start: int
    end: int
    spoken: str
    kind: str
    rule: str
    alternatives: tuple[str, ...] = ()


@dataclass(slots=True)
class Context:
    """The normalised text being read, the style, and what vnnews' extractors found in it.

    ``numbers`` maps the start of each figure :func:`vnnews.extract_numbers` found to it;
    ``floor`` is where the reading has got to: a reader may look back for a head word
    ("thứ", "khóa") but never claims text before it.
    """

    text: str
    style: SpokenStyle
    numbers: dict[int, NumberMatch]
    floor: int = 0
    last: Reading | None = None


_WORD = regex.compile(r"[\p{L}\p{M}]+(?:[\p{L}\p{M}.&/\-]*[\p{L}\p{M}])?|[0-9]+")
_WINDOW = 48


def _words_before(text: str, position: int, count: int) -> list[regex.Match[str]]:
    start = max(0, position - _WINDOW)
    line_break = text.rfind("\n", start, position)
    if line_break >= 0:
        start = line_break + 1
    return list(_WORD.finditer(text, start, position))[-count:]


def previous_words(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` words before ``position`` on its line, lower-cased, nearest last."""
    return [match[0].lower() for match in _words_before(text, position, count)]


def _words_after(text: str, position: int, count: int) -> list[regex.Match[str]]:
    end = min(len(text), position + _WINDOW)
    line_break = text.find("\n", position, end)
    if line_break >= 0:
        end = line_break
    found = []
    for match in _WORD.finditer(text, position, end):
        found.append(match)
        if len(found) == count:
            break
    return found


def next_words(text: str, position: int, count: int) -> list[str]:
    """The first ``count`` words from ``position`` on its line, lower-cased."""
    return [match[0].lower() for match in _words_after(text, position, count)]


def phrase_before(text: str, position: int, phrases: frozenset[str], longest: int = 3) -> bool:
    """Whether one of ``phrases`` (lower case, 1–``longest`` words) ends right before
    ``position``, with only spaces between."""
    found = _words_before(text, position, longest)
    if not found or text[found[-1].end() : position].strip(" "):
        return False
    words = [match[0].lower() for match in found]
    return any(" ".join(words[-size:]) in phrases for size in range(1, len(words) + 1))


def phrase_after(text: str, position: int, phrases: frozenset[str], longest: int = 3) -> str | None:
    """The longest of ``phrases`` (lower case) that starts right after ``position``, with
    only spaces between."""
    found = _words_after(text, position, longest)
    if not found or text[position : found[0].start()].strip(" "):
        return None
    words = [match[0].lower() for match in found]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if phrase in phrases:
            return phrase
    return None

"""What every reader of :mod:`vnnews.spoken` shares: the text being read and the reading type."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from vnnews.spoken._result import SpokenKind
from vnnews.spoken._style import SpokenStyle

if TYPE_CHECKING:
    from vnnews.numbers import NumberMatch

__all__ = [
    "Context",
    "Reading",
    "next_words",
    "phrase_after",
    "phrase_among",
    "phrase_before",
    "previous_words",
]


class Reading(NamedTuple):
    """How a stretch ``[start, end)`` of the normalised text is read."""

    start: int
    end: int
    spoken: str
    kind: SpokenKind
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


# Punctuation around a word; a word is what whitespace separates, without it.
_PUNCTUATION = "\"'“”‘’«»()[]{}<>,;:.!?…"
_WINDOW = 48


def _tokens_before(text: str, position: int) -> list[str]:
    start = max(0, position - _WINDOW)
    line_break = text.rfind("\n", start, position)
    if line_break >= 0:
        start = line_break + 1
    tokens = text[start:position].split()
    if start > 0 and tokens and not text[start - 1].isspace():
        tokens = tokens[1:]  # the window cut this one
    return tokens


def _tokens_after(text: str, position: int) -> list[str]:
    end = min(len(text), position + _WINDOW)
    line_break = text.find("\n", position, end)
    if line_break >= 0:
        end = line_break
    tokens = text[position:end].split()
    if end < len(text) and tokens and not text[end].isspace():
        tokens = tokens[:-1]
    return tokens


def previous_words(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` words before ``position`` on its line, lower-cased and without
    their punctuation, nearest last."""
    words = []
    for token in reversed(_tokens_before(text, position)):
        word = token.strip(_PUNCTUATION)
        if word:
            words.append(word.lower())
            if len(words) == count:
                break
    words.reverse()
    return words


def next_words(text: str, position: int, count: int) -> list[str]:
    """The first ``count`` words from ``position`` on its line, lower-cased and without their
    punctuation."""
    words = []
    for token in _tokens_after(text, position):
        word = token.strip(_PUNCTUATION)
        if word:
            words.append(word.lower())
            if len(words) == count:
                break
    return words


def phrase_among(words: list[str], phrases: frozenset[str]) -> bool:
    """Whether one of ``phrases`` (one or two words) is among ``words`` (as previous_words
    gives them).

    >>> phrase_among(["với", "tỷ", "số"], frozenset({"tỷ số"}))
    True
    """
    pairs = (f"{first} {second}" for first, second in pairwise(words))
    return any(word in phrases for word in words) or any(pair in phrases for pair in pairs)


def phrase_before(text: str, position: int, phrases: frozenset[str], longest: int = 3) -> bool:
    """Whether one of ``phrases`` (lower case, 1–``longest`` words) ends right before
    ``position``, with only spaces between (no punctuation inside or after the phrase)."""
    if position == 0:
        return False
    before = text[position - 1]
    if before != " " and not before.isalpha():
        return False
    words: list[str] = []
    for token in reversed(_tokens_before(text, position)):
        if token[-1] in _PUNCTUATION or len(words) == longest:
            break
        words.append(token.lower())
        if token[0] in _PUNCTUATION:
            break
    if not words:
        return False
    words[-1] = words[-1].lstrip(_PUNCTUATION)
    words.reverse()
    return any(" ".join(words[-size:]) in phrases for size in range(1, len(words) + 1))


def phrase_after(text: str, position: int, phrases: frozenset[str], longest: int = 3) -> str | None:
    """The longest of ``phrases`` (lower case) that starts right after ``position``, with
    only spaces between (no punctuation inside the phrase)."""
    words: list[str] = []
    for token in _tokens_after(text, position):
        if token[0] in _PUNCTUATION or len(words) == longest:
            break
        stripped = token.rstrip(_PUNCTUATION)
        words.append(stripped.lower())
        if stripped != token:
            break
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if phrase in phrases:
            return phrase
    return None

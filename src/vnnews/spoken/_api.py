"""The public function :func:`to_spoken`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from vnnews._reference import one_reference, reference_date
from vnnews.errors import AmbiguityError, require_str
from vnnews.normalization import NormalizedText, normalize_with_offsets
from vnnews.spoken._context import Reading
from vnnews.spoken._found import extracted
from vnnews.spoken._result import SpokenPiece, SpokenText
from vnnews.spoken._scan import scan
from vnnews.spoken._skipped import boilerplate_lines
from vnnews.spoken._style import SpokenStyle

__all__ = ["to_spoken"]

_DEFAULT_STYLE = SpokenStyle()
_ON_AMBIGUOUS = ("flag", "raise", "keep")


def to_spoken(
    text: str,
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    style: SpokenStyle | None = None,
    on_ambiguous: Literal["flag", "raise", "keep"] = "flag",
) -> SpokenText:
    """Write out every figure, date, time, unit, abbreviation and symbol of a Vietnamese
    news text in words, as a news presenter reads it, aligned to the input.

    Everything else is copied as it is: case, punctuation, spacing, line breaks. Each
    rewritten token is a :class:`SpokenPiece` with its span in ``text`` and in the result.

    Args:
        text: any string (NFD, old-style tone marks and odd spacing read the same).
        published: the reference date for the date reader (an article's publication date:
            a ``date``, a ``datetime`` or a ``"YYYY-MM-DD"`` string; default: now); it only
            decides what is a date, never how a date is read.
        ref: another name for ``published`` (give one of them).
        style: the reading choices; default :class:`SpokenStyle()` (news reading);
            :meth:`SpokenStyle.nemo` gives NVIDIA NeMo's conventions.
        on_ambiguous: for a token with several readings ("8g": grams or eight o'clock;
            "4,028"; a bare "15/5"): "flag" reads the best one and lists the others in
            ``alternatives``; "raise" raises :class:`vnnews.AmbiguityError`; "keep" leaves
            the token as written (its readings in ``alternatives``).

    Returns:
        A :class:`SpokenText`.

    Raises:
        TypeError: ``text`` is not a ``str``, ``style`` not a :class:`SpokenStyle`, the
            reference date not a date, datetime or str, or both ``published`` and ``ref``
            are given.
        ValueError: ``on_ambiguous`` is not "flag", "raise" or "keep".
        ParseError: the reference date is a string that is not a real ``YYYY-MM-DD`` date.
        AmbiguityError: with ``on_ambiguous="raise"``, for the first ambiguous token.

    >>> to_spoken("Sáng 20/1, UBND tỉnh có 22/28 chỉ tiêu đạt, tăng 7,09%.").text
    'Sáng hai mươi tháng một, Ủy ban nhân dân tỉnh có hai mươi hai trên hai mươi tám chỉ tiêu đạt, tăng bảy phẩy không chín phần trăm.'
    >>> to_spoken("Giá vàng 85,5 triệu đồng/lượng lúc 8h30.").text
    'Giá vàng tám mươi lăm phẩy năm triệu đồng một lượng lúc tám giờ ba mươi.'
    >>> to_spoken("1020", style=SpokenStyle.nemo()).text
    'một nghìn hai mươi'
    >>> to_spoken("Cân 8g", on_ambiguous="raise")
    Traceback (most recent call last):
    ...
    vnnews.errors.AmbiguityError: cannot read '8g': 2 readings: 'tám gam' or 'tám giờ'; choose one by context or use on_ambiguous='flag'
    """
    require_str(text, "text")
    if style is None:
        style = _DEFAULT_STYLE
    elif not isinstance(style, SpokenStyle):
        raise TypeError(f"style must be a SpokenStyle, not {type(style).__name__}")
    if on_ambiguous not in _ON_AMBIGUOUS:
        raise ValueError(f"on_ambiguous must be 'flag', 'raise' or 'keep', not {on_ambiguous!r}")
    reference = reference_date(*one_reference(published, ref))
    normalized = normalize_with_offsets(text)
    readings = _readings(normalized.text, reference, style)
    return _assemble(normalized, readings, on_ambiguous)


def _readings(
    text: str, ref: date | None, style: SpokenStyle, *, every_line: bool = False
) -> list[Reading]:
    """The readings of the normalised ``text``; ``every_line`` asks vnnews' extractors about
    every line (what their selection restates; for tests)."""
    skipped = boilerplate_lines(text) if style.skip_boilerplate else []
    dates, numbers = extracted(text, ref, every_line=every_line)
    return scan(text, style, dates, numbers, skipped)


def _spaced(spoken: str, text: str, start: int, end: int) -> str:
    """The reading with a space added where it would touch a letter or digit of the text
    around it ("P.5" is "phường năm", not "phườngnăm"); ``text`` is the normalised text and
    ``start``, ``end`` the reading's span in it (so NFD input reads the same)."""
    if start > 0 and text[start - 1].isalnum() and spoken[0].isalnum():
        spoken = " " + spoken
    if end < len(text) and text[end].isalnum() and spoken[-1].isalnum():
        spoken += " "
    return spoken


def _assemble(normalized: NormalizedText, readings: list[Reading], on_ambiguous: str) -> SpokenText:
    original = normalized.original
    parts: list[str] = []
    pieces: list[SpokenPiece] = []
    copied_to = 0
    length = 0
    for reading in readings:
        start, end = normalized.original_span(reading.start, reading.end)
        if start < copied_to or start >= end:
            continue
        written = original[start:end]
        spoken, alternatives = reading.spoken, reading.alternatives
        if alternatives and on_ambiguous == "raise":
            raise AmbiguityError(written, (start, end), (spoken, *alternatives))
        if alternatives and on_ambiguous == "keep":
            spoken, alternatives = written, (spoken, *alternatives)
        elif spoken:
            spoken = _spaced(spoken, normalized.text, reading.start, reading.end)
        between = original[copied_to:start]
        parts.append(between)
        length += len(between)
        parts.append(spoken)
        spoken_span = (length, length + len(spoken))
        length += len(spoken)
        pieces.append(
            SpokenPiece(
                (start, end), written, spoken, spoken_span, reading.kind, alternatives, reading.rule
            )
        )
        copied_to = end
    parts.append(original[copied_to:])
    return SpokenText("".join(parts), tuple(pieces), original)

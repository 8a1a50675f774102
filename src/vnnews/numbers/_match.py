"""The match type of :func:`vnnews.extract_numbers`."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NumberMatch"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One figure found in a text.

    Attributes:
        text: the figure as written in the original input (``original[span[0]:span[1]]``).
        span: ``(start, end)`` into the original input.
        kind: ``cardinal`` (integral), ``decimal``, ``percent``, ``fraction``, ``range``,
            ``ordinal``, ``roman`` or ``money``.
        value: the number: the percentage for a percent (89.51), the numerator for a
            fraction, the low end for a range, the amount for money.
        ratio: percent only: ``value / 100``.
        numerator: fraction only.
        denominator: fraction only.
        low: range only, in the expression's unit ("80-100 triệu" → 80000000).
        high: range only.
        currency: ISO 4217 code of money and money ranges ("VND", "USD"…).
        unit: the unit of measure or counted noun written after the figure ("km", "%"…).
        qualifier: ``approx``, ``over``, ``under``, ``at_least`` or ``at_most``.

    >>> from vnnews import extract_numbers
    >>> match = extract_numbers("khoảng 80-100 triệu đồng")[0]
    >>> match.text, match.span, match.kind, match.low, match.high, match.currency, match.qualifier
    ('80-100 triệu đồng', (7, 24), 'range', 80000000, 100000000, 'VND', 'approx')
    """

    text: str
    span: tuple[int, int]
    kind: str
    value: int | float
    ratio: float | None = None
    numerator: int | float | None = None
    denominator: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None

"""The match type of :func:`vnnews.extract_numbers`, its kinds and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypedDict

__all__ = ["NumberKind", "NumberMatch", "NumberMatchDict", "Qualifier"]

NumberKind = Literal[
    "cardinal", "decimal", "percent", "fraction", "range", "ordinal", "roman", "money"
]
"""The kinds of figure (:attr:`NumberMatch.kind`)."""

Qualifier = Literal["approx", "over", "under", "at_least", "at_most"]
"""What a word or sign before a figure says of it (:attr:`NumberMatch.qualifier`): "khoảng"
approx, "hơn" over, "dưới" under, "ít nhất" at least, "tối đa" at most (the names of
``data/number_qualifiers.tsv``)."""


class NumberMatchDict(TypedDict):
    """A figure (:meth:`~vnnews.NumberMatch.to_dict`): every key always present, null when it does
    not apply to the figure's kind."""

    text: str
    span: list[int]
    kind: NumberKind
    value: int | float
    ratio: float | None
    numerator: int | float | None
    denominator: int | float | None
    low: int | float | None
    high: int | float | None
    currency: str | None
    unit: str | None
    qualifier: Qualifier | None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One figure found in a text.

    Attributes:
        text: the figure as written in the original input (``original[span[0]:span[1]]``).
        span: ``(start, end)`` into the original input.
        kind: ``cardinal`` (integral), ``decimal``, ``percent``, ``fraction``, ``range``,
            ``ordinal``, ``roman`` or ``money`` (the type :data:`~vnnews.numbers.NumberKind`).
        value: the number: the percentage for a percent (89.51), the numerator for a
            fraction, the low end for a range, the amount for money.
        ratio: percent only: ``value / 100``.
        numerator: fraction only.
        denominator: fraction only.
        low: range only, in the expression's unit ("80-100 triệu" → 80000000).
        high: range only.
        currency: ISO 4217 code of money and money ranges ("VND", "USD"…).
        unit: the unit of measure or counted noun written after the figure ("km", "%"…).
        qualifier: ``approx``, ``over``, ``under``, ``at_least`` or ``at_most`` (the type
            :data:`~vnnews.numbers.Qualifier`).

    >>> from vnnews import extract_numbers
    >>> match = extract_numbers("khoảng 80-100 triệu đồng")[0]
    >>> match.text, match.span, match.kind, match.low, match.high, match.currency, match.qualifier
    ('80-100 triệu đồng', (7, 24), 'range', 80000000, 100000000, 'VND', 'approx')
    """

    text: str
    span: tuple[int, int]
    kind: NumberKind
    value: int | float
    ratio: float | None = None
    numerator: int | float | None = None
    denominator: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None

    def to_dict(self) -> NumberMatchDict:
        """The figure as JSON-ready data, as in :meth:`vnnews.Article.to_dict`: the span a
        list, every field a key (null when it does not apply).

        >>> from vnnews import extract_numbers
        >>> extract_numbers("đạt 89,51%")[0].to_dict()
        {'text': '89,51%', 'span': [4, 10], 'kind': 'percent', 'value': 89.51, 'ratio': 0.8951, 'numerator': None, 'denominator': None, 'low': None, 'high': None, 'currency': None, 'unit': None, 'qualifier': None}
        """
        return {
            "text": self.text,
            "span": list(self.span),
            "kind": self.kind,
            "value": self.value,
            "ratio": self.ratio,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "low": self.low,
            "high": self.high,
            "currency": self.currency,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }

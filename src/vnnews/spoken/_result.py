"""The result of :func:`vnnews.to_spoken`: the spoken text and its pieces, aligned both ways."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, TypedDict, get_args

__all__ = ["KINDS", "SpokenKind", "SpokenPiece", "SpokenPieceDict", "SpokenText", "SpokenTextDict"]

SpokenKind = Literal[
    "cardinal",
    "decimal",
    "percent",
    "money",
    "unit",
    "fraction",
    "range",
    "ordinal",
    "roman",
    "date",
    "time",
    "interval",
    "score",
    "phone",
    "code",
    "abbreviation",
    "letters",
    "symbol",
    "boilerplate",
    "url",
]
"""The kinds of :class:`SpokenPiece`, as issue 18 lists them, then the two kinds of text that
is not read at all ("boilerplate" lines of a page and "url"s)."""

#: The kinds of :class:`SpokenPiece` (the values of :data:`SpokenKind`), in that order.
KINDS: tuple[SpokenKind, ...] = get_args(SpokenKind)


class SpokenPieceDict(TypedDict):
    """A rewritten token (:meth:`~vnnews.SpokenPiece.to_dict`): ``span`` into the input,
    ``spoken_span`` into the spoken text."""

    span: list[int]
    written: str
    spoken: str
    spoken_span: list[int]
    kind: SpokenKind
    alternatives: list[str]
    rule: str


class SpokenTextDict(TypedDict):
    """A text as it is read aloud (:meth:`~vnnews.SpokenText.to_dict`); the input is not repeated."""

    text: str
    pieces: list[SpokenPieceDict]


@dataclass(frozen=True, slots=True)
class SpokenPiece:
    """One token of the input and how it is read.

    Attributes:
        span: ``(start, end)`` of the token in the original input.
        written: the token as written (``input[span[0]:span[1]]``).
        spoken: how it is read; the empty string for text that is not read (a boilerplate
            line, a URL, the end mark "./.").
        spoken_span: ``(start, end)`` of ``spoken`` in :attr:`SpokenText.text`.
        kind: one of ``vnnews.spoken.KINDS`` (cardinal, decimal, percent, money, unit, fraction,
            range, ordinal, roman, date, time, interval, score, phone, code, abbreviation,
            letters, symbol, boilerplate, url).
        alternatives: the other readings of an ambiguous token, best first; empty when the
            reading is certain.
        rule: the name of the rule that read it, to trace a wrong reading to its rule.

    >>> from vnnews import to_spoken
    >>> piece = to_spoken("đạt 89,51%").pieces[0]
    >>> piece.written, piece.spoken, piece.kind, piece.span, piece.spoken_span
    ('89,51%', 'tám mươi chín phẩy năm mươi mốt phần trăm', 'percent', (4, 10), (4, 45))
    """

    span: tuple[int, int]
    written: str
    spoken: str
    spoken_span: tuple[int, int]
    kind: SpokenKind
    alternatives: tuple[str, ...] = ()
    rule: str = ""

    @property
    def text(self) -> str:
        """The token as written (the same as :attr:`written`)."""
        return self.written

    def to_dict(self) -> SpokenPieceDict:
        """``{"span", "written", "spoken", "spoken_span", "kind", "alternatives", "rule"}``."""
        return {
            "span": list(self.span),
            "written": self.written,
            "spoken": self.spoken,
            "spoken_span": list(self.spoken_span),
            "kind": self.kind,
            "alternatives": list(self.alternatives),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class SpokenText:
    """A text with every non-standard word written out, and the way back to the input.

    Attributes:
        text: the spoken text: the input with each piece replaced by its reading, every
            other character copied as it is (case, punctuation and spacing kept).
        pieces: the rewritten tokens in text order, without overlaps.
        source: the input, exactly as given.

    >>> from vnnews import to_spoken
    >>> result = to_spoken("Có 22/28 chỉ tiêu đạt.")
    >>> result.text
    'Có hai mươi hai trên hai mươi tám chỉ tiêu đạt.'
    >>> start = result.text.index("chỉ tiêu")
    >>> result.to_original(start, start + 8)
    (9, 17)
    >>> result.to_original(3, 8)  # inside a piece: the whole token
    (3, 8)
    """

    text: str
    pieces: tuple[SpokenPiece, ...]
    source: str = field(repr=False)
    _spoken_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = tuple(piece.spoken_span[0] for piece in self.pieces)
        object.__setattr__(self, "_spoken_starts", starts)

    @property
    def ambiguous(self) -> tuple[SpokenPiece, ...]:
        """The pieces that have other readings."""
        return tuple(piece for piece in self.pieces if piece.alternatives)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` back to a span of the input.

        Text copied from the input maps character for character; a position inside a
        piece's reading maps to the whole written token.

        Raises:
            IndexError: the span is not within ``0..len(text)`` or ``start > end``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        return self._position(start, at_end=False), self._position(end, at_end=start < end)

    def _position(self, position: int, *, at_end: bool) -> int:
        # The last piece that starts at or before the position (or before it, for an end).
        index = bisect_right(self._spoken_starts, position - (1 if at_end else 0)) - 1
        if index < 0:
            return position
        piece = self.pieces[index]
        spoken_start, spoken_end = piece.spoken_span
        inside = spoken_start < position < spoken_end or (
            spoken_start < spoken_end
            and (position == spoken_start if not at_end else position == spoken_end)
        )
        if inside:
            return piece.span[1] if at_end else piece.span[0]
        return piece.span[1] + position - spoken_end

    def to_dict(self) -> SpokenTextDict:
        """``{"text", "pieces"}`` as JSON-ready data (the input is not repeated)."""
        return {"text": self.text, "pieces": [piece.to_dict() for piece in self.pieces]}

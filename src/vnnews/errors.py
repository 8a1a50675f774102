"""The one exception vnnews raises for text it cannot read, and argument checks.

>>> from vnnews import ParseError
>>> try:
...     raise ParseError("30/2/2022", "February has no day 30")
... except ValueError as error:
...     print(error.text, "|", error)
30/2/2022 | cannot read '30/2/2022': February has no day 30
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["AmbiguityError", "ParseError", "require_str"]


class ParseError(ValueError):
    """A string could not be read as the expression asked for.

    Subclasses :class:`ValueError`, so ``except ValueError`` catches it too.

    Attributes:
        text: the input that could not be read.
        hint: an optional explanation of what went wrong or what to do.

    >>> str(ParseError("32/1", "day 32 does not exist"))
    "cannot read '32/1': day 32 does not exist"
    """

    def __init__(self, text: str, hint: str | None = None) -> None:
        self.text = text
        self.hint = hint
        message = f"cannot read {text!r}"
        super().__init__(f"{message}: {hint}" if hint else message)


class AmbiguityError(ParseError):
    """A token has several readings and the caller asked not to guess.

    Raised by :func:`vnnews.to_spoken` with ``on_ambiguous="raise"``.

    Attributes:
        text: the token as written.
        span: its ``(start, end)`` in the input.
        readings: its readings, the preferred one first.

    >>> error = AmbiguityError("8g", (10, 12), ("tám gam", "tám giờ"))
    >>> str(error)
    "cannot read '8g': 2 readings: 'tám gam' or 'tám giờ'; choose one by context or use on_ambiguous='flag'"
    >>> isinstance(error, ParseError), error.readings
    (True, ('tám gam', 'tám giờ'))
    """

    def __init__(self, text: str, span: tuple[int, int], readings: tuple[str, ...]) -> None:
        self.span = span
        self.readings = readings
        listed = " or ".join(repr(reading) for reading in readings)
        super().__init__(
            text,
            f"{len(readings)} readings: {listed}; choose one by context or use on_ambiguous='flag'",
        )


def require_str(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a ``str``, else raise ``TypeError`` naming the argument.

    >>> require_str("abc")
    'abc'
    >>> require_str(b"abc")
    Traceback (most recent call last):
    ...
    TypeError: text must be str, not bytes
    """
    if not isinstance(value, str):
        _type_error(name, value)
    return value


def _type_error(name: str, value: object) -> NoReturn:
    raise TypeError(f"{name} must be str, not {type(value).__name__}")

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

__all__ = ["ParseError", "require_str"]


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

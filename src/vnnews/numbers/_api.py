"""The public reading function :func:`parse_number`."""

from __future__ import annotations

from fractions import Fraction

import regex

from vnnews._numerals.grammar import (
    NOT_A_LITERAL,
    InvalidNumberError,
    literal_problem,
    parse_tokens,
    parse_words,
)
from vnnews._numerals.lexicon import number_words
from vnnews.errors import ParseError, require_str
from vnnews.normalization import normalize
from vnnews.numbers._format import format_number

__all__ = ["as_number", "parse_number", "tokenize"]

_TOKEN = regex.compile(r"[-−]|[^\s\-−]{1,60}")
# One digit literal in the Vietnamese convention, read without the word grammar.
_PLAIN_LITERAL = regex.compile(
    r"\s*(?P<sign>[-−] ?)?(?P<whole>\d{1,3}(?:\.\d{3}){1,6}|\d{1,18})(?:,(?P<decimals>\d{1,15}))?\s*"
)


_LITERAL_STARTS = frozenset("0123456789-−")


def _quick_literal(text: str) -> int | float | None:
    match = _PLAIN_LITERAL.fullmatch(text)
    if match is None:
        return None
    whole = match["whole"].replace(".", "")
    decimals = (match["decimals"] or "").rstrip("0")
    if not (whole + decimals).isdecimal():
        return None  # digits of a newer Unicode than this Python's: the full reading decides
    # float() of the decimal string is the correctly rounded value, as float(Fraction) is.
    value = float(f"{whole}.{decimals}") if decimals else int(whole)
    return -value if match["sign"] else value


def tokenize(text: str, *, quick: bool = False) -> list[str]:
    """Lower-cased tokens of a number expression: words, literals and a leading sign.

    ``quick`` splits on whitespace without the full normalisation: number words have no
    tone-placement variants, and a token in any other form (NFD…) is simply not found, so a
    caller retries without ``quick`` when that reading fails.
    """
    if quick:
        if text.replace(" ", "").isalpha():  # words only: no case to keep
            return text.lower().split()
        tokens = text.split()
    else:
        tokens = _TOKEN.findall(normalize(text).strip())
    # Digits keep their case, with a sign glued before them too: "3M" is three million, "3m"
    # three metres, "-5tr" minus five million and "-5TR" nothing.
    return [
        token
        if token[:1].isdigit() or token[:1] == "," or (token[:1] in "-−" and token[1:2].isdigit())
        else token.lower()
        for token in tokens
    ]


def as_number(value: int | Fraction) -> int | float:
    """An exact value as ``int`` when integral, else ``float``."""
    if isinstance(value, int):
        return value
    return int(value) if value.denominator == 1 else float(value)


def parse_number(text: str) -> int | float:
    """Read a whole string as one number, written in digits, words or both.

    Digits follow the Vietnamese convention ("." groups thousands, "," is the decimal
    mark); words follow spoken Vietnamese, with scale words, "rưỡi", "phẩy" and "âm".

    Args:
        text: exactly one number expression ("4.028", "3,5 triệu", "hai mươi mốt").

    Returns:
        The value, an ``int`` when it is integral, else a ``float``.

    Raises:
        ParseError: ``text`` is empty, not a number, or more than one number.
        TypeError: ``text`` is not a ``str``.

    >>> parse_number("4.028"), parse_number("89,51"), parse_number("3,5 triệu")
    (4028, 89.51, 3500000)
    >>> parse_number("năm tỷ rưỡi"), parse_number("âm mười hai phẩy năm")
    (5500000000, -12.5)
    >>> parse_number("hai mươi ba mươi")
    Traceback (most recent call last):
    ...
    vnnews.errors.ParseError: cannot read 'hai mươi ba mươi': the words do not make one number
    """
    if not isinstance(text, str):
        require_str(text, "text")  # raises TypeError
    # Fast paths (the common shapes), then the full reading. Plain number words first: a
    # token that is not one (a digit, "phẩy", punctuation) makes parse_words give up at once.
    if text[:1] not in _LITERAL_STARTS:
        words = parse_words(text.lower().split())
        if type(words) is int:
            return words
    if text.lstrip()[:1] in _LITERAL_STARTS:
        quick = _quick_literal(text)
        if quick is not None:
            return quick
    try:
        return as_number(parse_tokens(tokenize(text, quick=True)))
    except InvalidNumberError:
        pass  # retry on fully normalised text (zero-width spaces, "-" glued to words…)
    tokens = tokenize(text)
    if not tokens:
        raise ParseError(text, "empty")
    try:
        return as_number(parse_tokens(tokens))
    except InvalidNumberError as error:
        raise ParseError(text, _hint(tokens, error)) from None


def _hint(tokens: list[str], error: InvalidNumberError) -> str:
    """The message of parse_number's error: what is wrong, with the words it is about when
    they are not the whole text, and a spelling that reads where one word makes the
    difference ("mười năm": "mười lăm" is 15)."""
    whole = " ".join(tokens)
    reason = error.reason
    if reason == NOT_A_LITERAL and error.part is not None:
        reason = literal_problem(error.part)
    part = error.part
    named = part is None or part == whole or reason.startswith(repr(part))
    hint = reason if named else f"{part!r}: {reason}"
    suggestion = _respelled(tokens)
    if suggestion is not None:
        spelled, value = suggestion
        hint += f"; {spelled!r} is {format_number(value)}"
    return hint


# Roles whose words stand for one another in spelling: a digit ("năm", "lăm"), a ten
# ("mười", "mươi", "chục").
_SPELLINGS = {
    "digit": "digit",
    "digit_after_tens": "digit",
    "teen": "ten",
    "tens": "ten",
    "ten_count": "ten",
}


def _respelled(tokens: list[str]) -> tuple[str, int | float] | None:
    """The tokens with one number word written as another of the same value and kind
    ("năm" as "lăm", "một" as "mốt", "bốn" as "tư", "mươi" as "mười"), if that is one
    number."""
    words = number_words()
    for index, token in enumerate(tokens):
        entry = words.get(token)
        if entry is None or entry.role not in _SPELLINGS:
            continue
        for other, other_entry in words.items():
            if other == token or other_entry.value != entry.value:
                continue
            if _SPELLINGS.get(other_entry.role) != _SPELLINGS[entry.role]:
                continue
            respelled = [*tokens[:index], other, *tokens[index + 1 :]]
            try:
                return " ".join(respelled), as_number(parse_tokens(respelled))
            except InvalidNumberError:
                continue
    return None

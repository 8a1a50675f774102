"""Read one number expression, in digits, words or both, as an exact :class:`Fraction`.

The grammar, one rule family a function:

* a *literal* is digits in the Vietnamese convention ("4.028", "89,51", ",77"), optionally
  with a glued suffix ("100K", "1,2M", "5tr");
* a *group* is below a thousand in words ("bảy trăm hai mươi mốt", "mười lăm", "trăm")
  or one literal;
* groups are multiplied by *scale words* ("nghìn", "triệu", "tỷ", stacked as "nghìn tỷ");
* a spoken tail ends the expression: "rưỡi" (half the last unit) or one digit after a scale
  ("hai triệu ba" = 2 300 000);
* "phẩy"/"chấm" reads the digits after it as decimals; "âm" or "-" negates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import lru_cache
from operator import mul
from typing import cast

import regex

from vnnews._numerals.lexicon import SUFFIXES, number_words

__all__ = [
    "NOT_A_LITERAL",
    "InvalidNumberError",
    "literal_pattern",
    "literal_problem",
    "literal_value",
    "parse_tokens",
    "parse_words",
    "split_sign",
]

Number = int | Fraction
# Words that are a number on their own only: "không" (0), "tư" (4, as in "tháng tư").
_ALONE = {"không": 0, "tư": 4}


class InvalidNumberError(ValueError):
    """The tokens are not exactly one number expression: the reason is the message, and
    ``part`` the words it is about (None: the whole expression)."""

    def __init__(self, reason: str, part: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.part = part


@lru_cache(maxsize=1)
def literal_pattern() -> str:
    """A digit literal: groups of three after dots, a decimal comma, an optional suffix.

    "1.5" (one dot, not three digits after it) is read as a decimal point, as English
    writers and machine output use it; more than one dot must group by threes.
    """
    grouped = r"\d{1,3}(?:\.\d{3}){1,6}"
    english = r"\d{1,15}\.(?:\d{1,2}|\d{4,15})(?!\d)"
    plain = r"\d{1,18}"
    body = rf"(?:(?:{grouped}|{english}|{plain})(?:,\d{{1,15}})?|,\d{{1,15}})"
    suffix = "|".join(sorted(SUFFIXES, key=len, reverse=True))
    return rf"(?P<body>{body})(?P<suffix>{suffix})?"


@lru_cache(maxsize=1)
def _literal_full() -> regex.Pattern[str]:
    return regex.compile(rf"{literal_pattern()}\Z")


def literal_value(token: str) -> Number | None:
    """The value of a digit literal ("4.028" → 4028, "1,2M" → 1200000), else None."""
    if token.isdecimal() and len(token) <= 18:
        return int(token)
    match = _literal_full().match(token)
    if match is None:
        return None
    body = match["body"]
    if not body.replace(".", "").replace(",", "").isdecimal():
        return None  # digits of a newer Unicode than this Python's, which int() cannot read
    if "," in body:
        whole, _, decimals = body.partition(",")
        value = Fraction(int(whole.replace(".", "") or "0")) + Fraction(
            int(decimals), 10 ** len(decimals)
        )
    elif body.count(".") == 1 and len(body) - body.index(".") - 1 != 3:
        value = Fraction(body)
    else:
        value = Fraction(int(body.replace(".", "")))
    return value * SUFFIXES[match["suffix"]] if match["suffix"] else value


def split_sign(tokens: Sequence[str]) -> tuple[int, Sequence[str]]:
    """Strip a leading "âm" or "-" (as its own token or glued to digits)."""
    if tokens and tokens[0] in ("âm", "-", "−"):
        return -1, tokens[1:]
    if tokens and tokens[0][:1] in ("-", "−") and len(tokens[0]) > 1:
        return -1, [tokens[0][1:], *tokens[1:]]
    return 1, tokens


# Each word is read as one role letter, so the shape of a numeral is checked by one
# pattern over its letters. Digits: k không, 1 một, y năm, d the other digits 2-9;
# o mốt, f tư, v lăm/nhăm (units only after tens or trăm); t mười, m mươi, c chục, h trăm,
# s a scale word, l linh/lẻ, r rưỡi, p phẩy/chấm, D a digit literal.
_LETTERS = {
    "teen": "t",
    "tens": "m",
    "ten_count": "c",
    "hundred": "h",
    "scale": "s",
    "zero_tens": "l",
    "half": "r",
    "decimal": "p",
    "negative": "n",
}
_SPECIAL = {"không": "k", "một": "1", "năm": "y", "mốt": "o", "tư": "f", "lăm": "v", "nhăm": "v"}
_TENS = r"(?:t[1dfvr]?|[dy]m[1dofvr]?|[1dy]?c[1d]?)"
_AFTER_HUNDRED = rf"(?:{_TENS}|l[1dy]|[1dyofr])"
_FIRST_GROUP = rf"(?:[1dy]?h{_AFTER_HUNDRED}?|{_TENS}|[1dy]r?|D)"
_LATER_GROUP = rf"(?:[k1dy]?h{_AFTER_HUNDRED}?|{_TENS}|l[1dy]|[1dy]|D)"
_INTEGER = rf"{_FIRST_GROUP}?(?:s{{1,4}}{_LATER_GROUP})*s{{0,4}}(?:(?<=s)[1dyfor])?"


# Scale words keep their own letter in a numeral's *key* (its shape and scales, which is
# what a reading plan depends on); the shape pattern sees them all as "s".
_SCALE_LETTERS = {1000: "N", 10_000: "V", 10**6: "T", 10**9: "B"}
_SCALE_VALUES = {letter: value for value, letter in _SCALE_LETTERS.items()}
_KEY_TO_SHAPE = str.maketrans(dict.fromkeys(_SCALE_VALUES, "s"))


@lru_cache(maxsize=1)
def _roles() -> tuple[dict[str, str], dict[str, int]]:
    """Every number word → its key letter, and → its integer value."""
    letters, values = {}, {}
    for word, entry in number_words().items():
        value = int(entry.value) if entry.value.denominator == 1 else 0
        letter = _SPECIAL.get(word) or _LETTERS.get(entry.role, "d")
        letters[word] = _SCALE_LETTERS[value] if letter == "s" else letter
        values[word] = value
    return letters, values


@lru_cache(maxsize=1)
def _integer_shape() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{_INTEGER})\Z")


def parse_tokens(tokens: Sequence[str]) -> Number:
    """The exact value of a whole token sequence (lower-cased words and literals).

    Raises:
        InvalidNumberError: the tokens are not exactly one number expression.
    """
    sign, tokens = split_sign(tokens)
    if not tokens:
        raise InvalidNumberError("a minus sign with no number after it")
    key, values = _read(tokens)
    mark = key.find("p")
    if mark < 0:
        return sign * _integer(key, values, tokens)
    if key.find("p", mark + 1) >= 0:
        raise InvalidNumberError("two decimal marks")
    return sign * _with_decimals(key, values, tokens, mark)


def parse_words(tokens: list[str]) -> Number | None:
    """The value of plain integer number words ("hai mươi mốt"), else None (read it in full).

    The common case of :func:`parse_tokens`, kept short because it is the hot path of
    ``parse_number``: one lookup per word and one cached reading plan per shape.
    """
    letter_of, value_of = _roles()
    try:
        key = "".join(map(letter_of.__getitem__, tokens))
    except KeyError:
        return None
    plan = _plan(key)  # None for "phẩy", "âm" and literals: the shape has no place for them
    if plan is None:
        return None
    constant, weights, positions = plan
    digits = map(value_of.__getitem__, map(tokens.__getitem__, positions))
    return constant + cast(Number, sum(map(mul, weights, digits)))  # map(mul) is untyped


def _read(tokens: Sequence[str]) -> tuple[str, list[Number]]:
    """The key letters and values of the tokens (see ``_LETTERS``)."""
    letter_of, value_of = _roles()
    try:
        return "".join([letter_of[token] for token in tokens]), [value_of[t] for t in tokens]
    except KeyError:
        pass  # a digit literal, or not a number
    letters = []
    values: list[Number] = []
    for token in tokens:
        if token in letter_of:
            letters.append(letter_of[token])
            values.append(value_of[token])
            continue
        digits = token[:1].isdigit() or token[:1] == ","
        literal = literal_value(token) if digits else None
        if literal is None:  # see literal_problem for what is wrong with digits
            raise InvalidNumberError(NOT_A_LITERAL if digits else "not a number word", token)
        letters.append("D")
        values.append(literal)
    return "".join(letters), values


# --------------------------------------------------------------------------- decimals


def _with_decimals(key: str, values: list[Number], tokens: Sequence[str], mark: int) -> Number:
    letters = key.translate(_KEY_TO_SHAPE)
    right = letters[mark + 1 :]
    digits_end = len(right.rstrip("s"))
    if mark == 0 or digits_end == 0:
        raise InvalidNumberError("a decimal mark needs digits on both sides")
    if digits_end < len(right) and ("s" in letters[:mark] or "h" in letters[:mark]):
        raise InvalidNumberError("scale words on both sides of the decimal mark")
    whole = _integer(key[:mark], values[:mark], tokens[:mark])
    first, last = mark + 1, mark + 1 + digits_end
    digits = _decimal_digits(key[first:last], values[first:last], tokens[first:last])
    value: Number = whole + Fraction(int(digits), 10 ** len(digits))
    for scale in values[last:]:
        value *= scale
    return value


def _decimal_digits(letters: str, values: list[Number], tokens: Sequence[str]) -> str:
    """The digits after "phẩy": digit by digit ("không năm" → "05"), or one number ("23")."""
    if all(token.isdigit() for token in tokens):
        return "".join(tokens)
    if all(letter in "k1ydofv" for letter in letters):
        return "".join(str(value) for value in values)
    zeros = len(letters) - len(letters.lstrip("k"))
    value = _integer(letters[zeros:], values[zeros:], tokens[zeros:])
    if not isinstance(value, int) or "r" in letters or letters.translate(_KEY_TO_SHAPE) != letters:
        raise InvalidNumberError("decimals must be digits")
    return "0" * zeros + str(value)


# --------------------------------------------------------------------------- integers


def _integer(key: str, values: list[Number], tokens: Sequence[str]) -> Number:
    """Groups joined by scale words, with an optional spoken tail."""
    if len(tokens) == 1 and tokens[0] in _ALONE:
        return _ALONE[tokens[0]]
    if "D" not in key:
        plan = _plan(key)
        if plan is None:
            raise InvalidNumberError(_NOT_ONE, " ".join(tokens))
        constant, weights, positions = plan
        digits = map(values.__getitem__, positions)
        return constant + cast(Number, sum(map(mul, weights, digits)))  # map(mul) is untyped
    letters = key.translate(_KEY_TO_SHAPE)
    if not letters or _integer_shape().match(letters) is None:
        raise InvalidNumberError(_NOT_ONE, " ".join(tokens))
    return _evaluate(letters, values)


_NOT_ONE = "the words do not make one number"
NOT_A_LITERAL = "not a digit literal"


def literal_problem(token: str) -> str:
    """What is wrong with a token that begins with digits but is no digit literal.

    >>> literal_problem("1.2.3")
    "a dot groups digits in threes ('1.234.567'); decimals follow a comma ('1,5')"
    >>> literal_problem("3m")
    "'m' after the digits is no multiplier (k, K, M, tr, G, B)"
    """
    for char in token:
        if (char.isdigit() and not char.isdecimal()) or (
            _ANY_DIGIT.match(char) and not char.isdigit()
        ):
            return f"{char!r} is no digit that can be read"
    body = _BODY.match(token)
    rest = token[body.end() :] if body is not None else token
    if rest == "%":
        return "a percent is not a number: extract_numbers reads it"
    if rest:
        return f"{rest!r} after the digits is no multiplier ({', '.join(SUFFIXES)})"
    if token.count(",") > 1:
        return "one comma marks the decimals, and this has more"
    if "." in token:
        return "a dot groups digits in threes ('1.234.567'); decimals follow a comma ('1,5')"
    return "not a number"


_ANY_DIGIT = regex.compile(r"\d")  # the regex module's Unicode may be newer than Python's
_BODY = regex.compile(r"[\d.,]*")


@lru_cache(maxsize=4096)
def _plan(key: str) -> tuple[Number, tuple[Number, ...], tuple[int, ...]] | None:
    """A word numeral's value as ``constant + Σ weight × digit``, per key; None if invalid.

    Given its letters and scale words (its key), a word numeral is linear in its digits
    (each digit is multiplied by its place and the scales after it), so the walk over the
    letters is done once per key and a numeral is then read with one weighted sum.
    """
    letters = key.translate(_KEY_TO_SHAPE)
    if not letters or _integer_shape().match(letters) is None:
        return None
    base: list[Number] = [_SCALE_VALUES.get(letter, 0) for letter in key]
    positions = [index for index, letter in enumerate(letters) if letter in _DIGIT]
    try:
        constant = _evaluate(letters, base)
        weights = []
        for index in positions:
            unit = base.copy()
            unit[index] = 1
            weights.append(_evaluate(letters, unit) - constant)
    except InvalidNumberError:
        return None
    return constant, tuple(weights), tuple(positions)


def _evaluate(letters: str, values: list[Number]) -> Number:
    """The value of a numeral whose shape is already checked."""
    entries: list[tuple[Number, int]] = []  # (value, scale) in decreasing scale
    group: Number | None = None
    pending = 1
    previous = ""
    following = letters[1:] + " "
    for letter, value, after in zip(letters, values, following, strict=True):
        if letter == "s":
            _apply_scale(entries, group, int(value))
            group = None
        elif previous == "s" and after == " " and letter in _TAIL:
            scale = entries[-1][1]
            entries.append((Fraction(scale, 2) if letter == "r" else value * scale // 10, 0))
        elif letter in _DIGIT and after in _MULTIPLIED:
            pending = int(value)
        else:
            group = (group or 0) + _STEP[letter](value, previous, pending)
            pending = 1
        previous = letter
    if group is not None:
        if entries and entries[-1][1] and group >= entries[-1][1]:
            raise InvalidNumberError("a group after a smaller scale word")
        entries.append((group, 0))
    return sum((value for value, _ in entries), 0)


_TAIL = frozenset("1dyfor")
_DIGIT = frozenset("k1dyofv")
_MULTIPLIED = frozenset("hmc")
# What each letter adds to the group: (its value, the letter before it, a digit before it).
_STEP: dict[str, Callable[[Number, str, int], Number]] = {
    **dict.fromkeys(
        "k1dyofvD", lambda value, previous, _: value * 10 if previous == "h" else value
    ),
    "h": lambda _, __, pending: pending * 100,
    "m": lambda _, __, pending: pending * 10,
    "c": lambda _, __, pending: pending * 10,
    "t": lambda *_: 10,
    "l": lambda *_: 0,
    "r": lambda _, previous, __: 50 if previous == "h" else Fraction(1, 2),
}


def _apply_scale(entries: list[tuple[Number, int]], group: Number | None, scale: int) -> None:
    """Multiply the group just read, and smaller scaled groups before it ("nghìn tỷ")."""
    popped: Number | None = None
    while entries and 0 < entries[-1][1] < scale:
        popped = (popped or 0) + entries.pop()[0]
    if group is None and popped is None:
        if entries:
            raise InvalidNumberError("a scale word with no number before it")
        base: Number = 1
    else:
        base = (group or 0) + (popped or 0)
    if entries and entries[-1][1] <= scale:
        raise InvalidNumberError("scale words out of order")
    entries.append((base * scale, scale))

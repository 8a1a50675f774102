"""Numbers back to text: Vietnamese digits (babel's ``vi`` locale data) and words."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from numbers import Real

__all__ = ["format_number", "format_percent", "number_to_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"))


def _decimal(x: object, name: str = "x") -> Decimal:
    """``x`` as the exact decimal it stands for.

    A float is read to 15 significant digits, all that a float holds for sure: every number
    written with up to 15 digits comes back as written (89.51, not 89.5100000000000051…), and
    the noise of float arithmetic goes (0.1 + 0.2 is 0.3, not 0.30000000000000004). An int or
    a Decimal is exact.
    """
    if isinstance(x, bool) or not isinstance(x, (Real, Decimal)):
        raise TypeError(f"{name} must be a real number, not {type(x).__name__}")
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"cannot format {x!r}")
        return Decimal(format(x, _FLOAT_DIGITS))
    return Decimal(str(x))


# Every decimal of up to 15 significant digits survives the trip to a float and back
# (DBL_DIG): 15 digits keep what was written and drop what arithmetic added.
_FLOAT_DIGITS = ".15g"


def _precision(value: Decimal, decimals: int | None) -> int:
    """Enough significant digits to write ``value`` exactly with ``decimals`` decimals: the
    default context's 28 cannot hold 10**40 or 1e308, and babel's rounding then fails."""
    digits = len(value.as_tuple().digits)
    return max(28, digits + abs(value.adjusted()) + (decimals or 0) + 4)


def _pattern(decimals: int | None) -> str | None:
    if decimals is None:
        return None
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_number(x: float | Decimal, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: "." groups thousands, "," marks decimals.

    Args:
        x: an ``int``, ``float`` or ``Decimal`` (a float is read to 15 significant digits:
            ``0.1 + 0.2`` is 0,3).
        decimals: how many decimals to write (rounded half to even); None keeps every
            decimal the value has, with no rounding.

    Returns:
        The number as text, from babel's ``vi`` locale data.

    Raises:
        TypeError: ``x`` is not a real number.
        ValueError: ``x`` is NaN or infinite, or ``decimals`` is negative.

    >>> format_number(4028), format_number(89.51), format_number(-1234567.5)
    ('4.028', '89,51', '-1.234.567,5')
    >>> format_number(2 / 3, decimals=2), format_number(7, decimals=1)
    ('0,67', '7,0')
    """
    from babel.numbers import format_decimal

    value = _decimal(x)
    pattern = _pattern(decimals)
    with localcontext() as context:
        context.prec = _precision(value, decimals)
        if pattern is None:
            return format_decimal(value, locale="vi", decimal_quantization=False)
        return format_decimal(value, format=pattern, locale="vi")


def format_percent(
    x: float | Decimal, decimals: int | None = None, *, ratio: bool | None = None
) -> str:
    """Write a percentage: ``x`` is the number before the sign (89.51 → "89,51%").

    vnnews' percents are on the 0–100 scale, as news writes them and as
    :func:`vnnews.extract_numbers` gives them (``NumberMatch.value`` 89.51 for "89,51%"), so
    that is what ``x`` is. Babel's ``format_percent`` takes a ratio instead (0.8951 → "90%"):
    pass ``ratio=True`` for that scale. Unlike babel's ``vi`` pattern, which rounds to whole
    percents, every decimal is kept unless ``decimals`` asks for rounding.

    A number between -1 and 1 with more than two decimals (0.8951, 2/3) is rarely a
    percentage as written and often a ratio passed by mistake: with ``ratio`` left out it is
    written on the percent scale, as asked, with a ``UserWarning`` that says so;
    ``ratio=False`` writes it without the warning.

    Args:
        x: the percentage, e.g. ``89.51`` for 89,51%; with ``ratio=True`` the ratio, e.g.
            ``0.8951``.
        decimals: how many decimals of the percentage to write; None keeps them all.
        ratio: True: ``x`` is a ratio (babel's scale), multiplied by 100; False: ``x`` is the
            percentage; None (default): the percentage, with a warning when it looks like a
            ratio.

    Returns:
        The percentage with the locale's sign and no space, e.g. "89,51%".

    Raises:
        TypeError: ``x`` is not a real number, or ``ratio`` not a bool or None.
        ValueError: ``x`` is NaN or infinite, or ``decimals`` is negative.

    >>> format_percent(89.51), format_percent(100), format_percent(12.345, decimals=1)
    ('89,51%', '100%', '12,3%')
    >>> format_percent(0.8951, ratio=True), format_percent(2 / 3, 1, ratio=True)
    ('89,51%', '66,7%')
    >>> format_percent(0.25, ratio=False)
    '0,25%'
    """
    from babel.numbers import format_percent as babel_percent

    if ratio is not None and not isinstance(ratio, bool):
        raise TypeError(f"ratio must be True, False or None, not {type(ratio).__name__}")
    value = _decimal(x)
    if ratio is None and _looks_like_a_ratio(value):
        _warn_ratio(x, value)
    percent = value * 100 if ratio else value
    pattern = _pattern(decimals)
    with localcontext() as context:
        context.prec = _precision(percent, decimals) + 2
        share = percent / 100
        if pattern is None:
            return babel_percent(share, locale="vi", decimal_quantization=False)
        return babel_percent(share, format=pattern + "%", locale="vi")


def _looks_like_a_ratio(value: Decimal) -> bool:
    """Between -1 and 1 (not 0) with more than two decimals: 0.8951 rather than 0,5%."""
    exponent = value.normalize().as_tuple().exponent
    return 0 < abs(value) < 1 and isinstance(exponent, int) and exponent < -2


def _warn_ratio(x: object, value: Decimal) -> None:
    import warnings

    as_percent = format_number(value * 100)
    warnings.warn(
        f"format_percent({x!r}) writes {format_number(value)}%: x is the percentage, as news "
        f"writes it. If {x!r} is a ratio ({as_percent}%), pass ratio=True, as babel's "
        "format_percent takes it; pass ratio=False to write it as a percentage without this "
        "warning.",
        UserWarning,
        stacklevel=3,
    )


def number_to_words(n: float | Decimal) -> str:
    """Spell a number in Vietnamese words, the way it is read aloud in the news.

    Groups below a thousand are read in full inside a number ("không trăm", "linh");
    21 is "hai mươi mốt", 15 "mười lăm", 25 "hai mươi lăm". Above 999 tỷ the scales stack
    ("một nghìn tỷ", "một triệu tỷ"). Decimals are read digit by digit after "phẩy",
    negatives start with "âm". A float is read to 15 significant digits, so the noise of
    float arithmetic is not read out (``0.1 + 0.2`` is "không phẩy ba"); pass a ``Decimal``
    for more digits, exactly. ``parse_number`` reads every result back to ``n`` (a float:
    to ``n`` written with 15 significant digits).

    Args:
        n: an ``int``, ``float`` or ``Decimal``.

    Returns:
        The words, lower case, separated by single spaces.

    Raises:
        TypeError: ``n`` is not a real number.
        ValueError: ``n`` is NaN or infinite.

    >>> number_to_words(21011)
    'hai mươi mốt nghìn không trăm mười một'
    >>> number_to_words(-12.05), number_to_words(10**12)
    ('âm mười hai phẩy không năm', 'một nghìn tỷ')
    >>> number_to_words(0.1 + 0.2)
    'không phẩy ba'
    """
    value = _decimal(n, "n")
    sign = "âm " if value < 0 else ""
    whole_text, _, decimals = format(abs(value), "f").partition(".")
    decimals = decimals.rstrip("0")
    words = _integer_words(int(whole_text))
    if decimals:
        words += " phẩy " + " ".join(_DIGITS[int(digit)] for digit in decimals)
    return sign + words if words != "không" or decimals else words


def _integer_words(n: int) -> str:
    if n == 0:
        return "không"
    return " ".join(_scaled_words(n, leading=True))


def _scaled_words(n: int, *, leading: bool) -> list[str]:
    """Words for ``n``, with "tỷ" stacking above itself (nghìn tỷ, triệu tỷ)."""
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            head = _scaled_words(count, leading=leading) if count >= 1000 else None
            words += head if head is not None else _group_words(count, leading=leading)
            words.append(name)
            leading = False
    if n:
        words += _group_words(n, leading=leading)
    return words


def _group_words(n: int, *, leading: bool) -> list[str]:
    """A group below a thousand; inside a number it is read with all three places."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        return words + (
            ["linh", _DIGITS[units]] if units and words else [_DIGITS[units]] * bool(units)
        )
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units:
        words.append(_unit_after_tens(tens, units))
    return words


def _unit_after_tens(tens: int, units: int) -> str:
    if units == 5:
        return "lăm"
    if units == 1 and tens > 1:
        return "mốt"
    return _DIGITS[units]

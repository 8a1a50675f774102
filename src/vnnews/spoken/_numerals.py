"""Numbers in words, in a :class:`SpokenStyle`: cardinals, decimals, digits, Roman numerals.

Every function takes the digits as a string (ASCII ``0-9``): the reading works on the digits
as written, in time linear in their number, and never builds a Python ``int`` from a long
digit string. Scales stack above "tỷ" (một nghìn tỷ, một triệu tỷ, một tỷ tỷ…).

With ``zero_tens="linh"`` and ``zero_hundreds=True`` the cardinal reading is the reading of
:func:`vnnews.number_to_words` (tested against it).

>>> from vnnews.spoken._style import SpokenStyle
>>> news, nemo = SpokenStyle(), SpokenStyle.nemo()
>>> cardinal("2022", news), cardinal("2022", nemo)
('hai nghìn không trăm hai mươi hai', 'hai nghìn hai mươi hai')
>>> cardinal("105", news), cardinal("105", nemo)
('một trăm lẻ năm', 'một trăm linh năm')
>>> decimal("7", "09", news), decimal("89", "51", news), decimal("3", "14", nemo)
('bảy phẩy không chín', 'tám mươi chín phẩy năm mươi mốt', 'ba phẩy một bốn')
"""

from __future__ import annotations

from functools import lru_cache

from vnnews.spoken._style import SpokenStyle

__all__ = [
    "DIGITS",
    "cardinal",
    "decimal",
    "digits",
    "is_digits",
    "month_word",
    "ordinal",
    "roman_value",
]

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_ASCII_DIGITS = frozenset("0123456789")
# Longer digit strings are read digit by digit: no reader says a 40-digit number in words.
MAX_CARDINAL_DIGITS = 36


def is_digits(text: str) -> bool:
    """Whether ``text`` is one or more ASCII digits (``str.isdigit`` also takes "²", "٣")."""
    return bool(text) and text.isascii() and text.isdigit()


def digits(text: str) -> str:
    """Every digit alone: "0912" → "không chín một hai".

    >>> digits("0912")
    'không chín một hai'
    """
    return " ".join(DIGITS[ord(char) - 48] for char in text if char in _ASCII_DIGITS)


@lru_cache(maxsize=4096)
def cardinal(text: str, style: SpokenStyle) -> str:
    """The cardinal reading of a digit string (leading zeros ignored; "0" is "không").

    >>> from vnnews.spoken._style import SpokenStyle
    >>> cardinal("1000000000000000000", SpokenStyle())
    'một tỷ tỷ'
    >>> cardinal("1050003", SpokenStyle()), cardinal("1050003", SpokenStyle.nemo())
    ('một triệu không trăm năm mươi nghìn không trăm lẻ ba', 'một triệu năm mươi nghìn linh ba')
    """
    stripped = text.lstrip("0")
    if not stripped:
        return DIGITS[0]
    if len(stripped) > MAX_CARDINAL_DIGITS:
        return digits(text)
    return " ".join(_scaled(stripped, style, leading=True))


def _scaled(text: str, style: SpokenStyle, *, leading: bool) -> list[str]:
    """Words for a digit string without leading zeros: the part above 10⁹ is read the same
    way and followed by "tỷ" (so "tỷ" stacks: nghìn tỷ, tỷ tỷ)."""
    words: list[str] = []
    high, low = text[:-9], text[-9:]
    if high.strip("0"):
        words += _scaled(high.lstrip("0"), style, leading=leading)
        words.append(style.billion)
        leading = False
    low = low.rjust(9, "0")
    for index, scale in enumerate(("triệu", style.thousand, "")):
        group = int(low[index * 3 : index * 3 + 3])
        if not group:
            continue
        words += _group(group, style, leading=leading, last=not scale)
        if scale:
            words.append(scale)
        leading = False
    return words


def _group(n: int, style: SpokenStyle, *, leading: bool, last: bool) -> list[str]:
    """A group below a thousand; after a higher group its hundreds are read ("không trăm")
    unless the style drops them. Without them, only the last group says "linh" for an empty
    tens place (một triệu một nghìn linh một)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or (not leading and style.zero_hundreds):
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words or (not leading and (last or style.zero_hundreds)):
                words.append(style.zero_tens)
            words.append(DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units:
        words.append(_unit_after_tens(tens, units, style))
    return words


def _unit_after_tens(tens: int, units: int, style: SpokenStyle) -> str:
    if units == 5:
        return "lăm" if tens == 1 else style.five_after_tens
    if units == 1 and tens > 1:
        return "mốt"
    if units == 4 and tens > 1:
        return style.four_after_tens
    return DIGITS[units]


def decimal(whole: str, fraction: str, style: SpokenStyle) -> str:
    """A decimal number: the whole part, "phẩy", the decimal part.

    With ``decimals="number"`` a decimal part of one to three digits is read as a number,
    its leading zeros as "không" ("09": không chín; "50": năm mươi); longer parts and the
    ``"digits"`` style read each digit.

    >>> from vnnews.spoken._style import SpokenStyle
    >>> decimal("1", "50", SpokenStyle()), decimal("0", "075", SpokenStyle())
    ('một phẩy năm mươi', 'không phẩy không bảy mươi lăm')
    """
    return f"{cardinal(whole, style)} phẩy {decimal_part(fraction, style)}"


def decimal_part(fraction: str, style: SpokenStyle) -> str:
    """The words after "phẩy"."""
    if style.decimals == "digits" or len(fraction) > 3:
        return digits(fraction)
    significant = fraction.lstrip("0")
    zeros = [DIGITS[0]] * (len(fraction) - len(significant))
    if significant:
        zeros.append(cardinal(significant, style))
    return " ".join(zeros)


def ordinal(text: str, style: SpokenStyle) -> str:
    """The number after "thứ": "nhất" for 1, "tư" for 4, else the cardinal.

    >>> from vnnews.spoken._style import SpokenStyle
    >>> ordinal("1", SpokenStyle()), ordinal("4", SpokenStyle()), ordinal("24", SpokenStyle())
    ('nhất', 'tư', 'hai mươi tư')
    """
    stripped = text.lstrip("0")
    if stripped == "1":
        return "nhất"
    if stripped == "4":
        return "tư"
    return cardinal(text, style)


def month_word(month: int, style: SpokenStyle) -> str:
    """The name of a month after "tháng": một (or giêng), hai, ba, tư, năm… mười hai.

    >>> from vnnews.spoken._style import SpokenStyle
    >>> [month_word(m, SpokenStyle()) for m in (1, 4, 12)]
    ['một', 'tư', 'mười hai']
    """
    if month == 1:
        return style.month_one
    if month == 4:
        return "tư"
    return cardinal(str(month), style)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# The canonical spelling of each place, so that "IIII", "VV" or "IC" are not numerals.
_PLACES = (
    ("", "M", "MM", "MMM"),
    ("", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"),
    ("", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"),
    ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"),
)


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral in its canonical spelling (1–3999), any case, else None.

    >>> roman_value("XIII"), roman_value("mmxx"), roman_value("IIII"), roman_value("IC")
    (13, 2020, None, None)
    """
    upper = text.upper()
    if not upper or len(upper) > 15 or any(char not in _ROMAN for char in upper):
        return None
    value = 0
    rest = upper
    for place, spellings in zip((1000, 100, 10, 1), _PLACES, strict=True):
        for digit in range(len(spellings) - 1, 0, -1):
            if rest.startswith(spellings[digit]):
                value += digit * place
                rest = rest[len(spellings[digit]) :]
                break
    return value if not rest and value else None

"""Single figures: a numeral with what is glued to it (%, currency, unit), or a code to skip.

Works on normalised text with spans into it; :mod:`._extract` maps them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import regex

from vnnews._numerals import lexicon as lex
from vnnews._numerals.grammar import InvalidNumberError, literal_value, parse_tokens
from vnnews.numbers import _patterns as pat
from vnnews.numbers._match import NumberKind

__all__ = [
    "Figure",
    "Numeral",
    "Skip",
    "code_skip",
    "ends_with_phrase",
    "figure_at",
    "is_article",
    "is_hotline",
    "numeral_at",
    "one_counts",
    "one_words",
    "tokens_value",
]

_LETTER = regex.compile(r"[\p{L}\p{M}]")
_CODE_TAIL = regex.compile(r"[\p{L}\p{M}\p{N}\-/.]{0,60}")
_PERCENT = regex.compile(r" ?(?:%|(?i:phần trăm)(?![\p{L}\p{M}]))")
_POINTS = regex.compile(r" (?i:điểm) ?(?:%|(?i:phần trăm)(?![\p{L}\p{M}]))")
_SLASH = regex.compile(r"/(?P<den>\d{1,6})(?![\p{N}])")
_FRACTION_WORD = regex.compile(r" (?i:phần) ")
_WORD_AFTER = regex.compile(r" (?P<word>[\p{L}\p{M}]{1,30})")
_SUBUNIT = regex.compile(
    r"(?: (?i:và))? (?P<n>\d{1,2}|[\p{L}\p{M}]{1,10}(?: [\p{L}\p{M}]{1,10}){0,2})"
)
_SUBUNIT_WORD = regex.compile(r" ?(?i:xu|xen|cents?)(?![\p{L}\p{M}])")


@dataclass(frozen=True, slots=True)
class Skip:
    """Text that looks numeric but is not a figure (a code, a phone number): jump past it."""

    end: int


class Numeral(NamedTuple):
    """A run of digits and number words that reads as one number.

    A named tuple, as :class:`Figure`: every place a figure may begin makes one, and a tuple
    is several times cheaper to build than a frozen dataclass while as immutable.
    """

    start: int
    end: int
    value: Fraction
    tokens: tuple[str, ...]
    digits_start: int

    @property
    def alone(self) -> bool:
        """A single word that is not a figure by itself ("một", "năm", "trăm")."""
        return len(self.tokens) == 1 and self.tokens[0].lower() in lex.not_alone()

    @property
    def trailing_scale(self) -> Fraction:
        """The product of the scale words it ends with ("7 triệu" → 10**6), else 1."""
        scale = Fraction(1)
        for token in reversed(self.tokens):
            entry = lex.number_words().get(token.lower())
            if entry is None or entry.role != "scale":
                break
            scale *= entry.value
        return scale

    @property
    def scaled(self) -> bool:
        """Whether any scale word or suffix is part of it."""
        words = lex.number_words()
        return any(
            (t.lower() in words and words[t.lower()].role == "scale") or t[-1:] in "kKr"
            for t in self.tokens
        )


class Figure(NamedTuple):
    """A numeral with its percent sign, currency or unit (spans in normalised text)."""

    start: int
    end: int
    kind: NumberKind
    value: Fraction
    numeral: Numeral | None = None
    currency: str | None = None
    unit: str | None = None
    numerator: Fraction | None = None
    denominator: Fraction | None = None


def _tokens(words: list[str]) -> list[str]:
    """The words of a run as the parser reads them: number words in lower case."""
    return [t if t[:1].isdigit() else t.lower() for t in words]


def numeral_at(text: str, pos: int) -> Numeral | Skip | None:
    """The longest numeral starting at ``pos`` (with "âm" or a minus sign), if any."""
    match = pat.numeral_run().match(text, pos)
    if match is None:
        return None
    negative, run = match.group("neg", "run")
    run_start = match.start("run")
    words = run.split(" ")
    if len(words) > 1 and _adjacent_literals(words):
        return Skip(match.end())
    tokens = tuple(_tokens(words))
    for count in range(_plausible_length(tokens), 0, -1):
        value = tokens_value(tokens[:count])
        if value is None:
            continue
        end = run_start + len(" ".join(words[:count]))
        return Numeral(pos, end, -value if negative else value, tuple(words[:count]), run_start)
    return None


@lru_cache(maxsize=4096)
def tokens_value(tokens: tuple[str, ...]) -> Fraction | None:
    """The value of a numeral's tokens (number words in lower case), or None."""
    try:
        return Fraction(parse_tokens(tokens))
    except InvalidNumberError:
        return None


def _plausible_length(tokens: tuple[str, ...]) -> int:
    """How many tokens can be one numeral: two digit words in a row end it ("hai ba")."""
    words = lex.number_words()
    decimals = False
    for index in range(1, len(tokens)):
        previous, current = words.get(tokens[index - 1]), words.get(tokens[index])
        decimals = decimals or (previous is not None and previous.role == "decimal")
        if decimals or previous is None or current is None:
            continue
        if previous.role == "digit" and current.role == "digit":
            return index
    return len(tokens)


def _adjacent_literals(words: list[str]) -> bool:
    """Two digit groups side by side ("0912 345 678") are a phone or ID number."""
    return any(a[:1].isdigit() and b[:1].isdigit() for a, b in pairwise(words))


def is_code_context(text: str, start: int, end: int, *, tied: bool = False) -> bool:
    """Digits tied to letters: "U23", "COVID-19", "05-CT/TW", "1234/QĐ-UBND", "0912…"."""
    before = text[start - 1] if start else ""
    if _LETTER.match(before):
        return True
    if not tied and before in "-/" and start >= 2 and (text[start - 2].isalnum()):
        return True
    after = text[end : end + 2]
    # "05-CT/TW", "1234/QĐ" are codes; "5tr/tháng" is a figure with a per-unit tail.
    if len(after) == 2 and after[0] in "-/" and after[1].isupper():
        return True
    digits = text[start:end]
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()


def figure_at(
    text: str, pos: int, *, tied: bool = False, after_symbol: bool = True
) -> Figure | Skip | None:
    """A single figure at ``pos``: money with a leading currency, or a numeral and its tail.

    ``tied`` says a dash before ``pos`` joins it to a figure ("10-15"), not to a code.
    ``after_symbol`` False skips the leading-currency test (the caller knows a digit is there).
    """
    before = pat.currency_before().match(text, pos) if after_symbol else None
    if before is not None:
        numeral = numeral_at(text, before.end())
        if isinstance(numeral, Numeral):
            code = _currency_code(before["cur"])
            return _money(text, Figure(pos, numeral.end, "money", numeral.value, numeral), code)
    numeral = numeral_at(text, pos)
    if numeral is None or isinstance(numeral, Skip):
        return numeral
    if _is_literal(numeral) and is_identifier(text, numeral):
        return Skip(numeral.end)
    if _is_literal(numeral) and is_code_context(text, numeral.digits_start, numeral.end, tied=tied):
        return code_skip(text, numeral.end)
    if (
        _is_literal(numeral)
        and numeral.tokens[-1][-1:].isalpha()
        and ends_with_phrase(text, numeral.digits_start, lex.context_words("code_head"))
    ):
        return code_skip(text, numeral.end)  # "quốc lộ 1K" names a road, it is not 1000
    return _with_tail(text, numeral)


def code_skip(text: str, end: int) -> Skip:
    """Past a code that runs on at ``end`` ("COVID-19", "05-CT/TW"): letters, digits, "-",
    "/" and "."."""
    tail = _CODE_TAIL.match(text, end)
    return Skip(tail.end() if tail is not None else end)


def _is_literal(numeral: Numeral) -> bool:
    return numeral.tokens[0][:1].isdigit()


def _with_tail(text: str, numeral: Numeral) -> Figure | Skip | None:
    end = numeral.end
    plain = Figure(numeral.start, end, _plain_kind(numeral.value), numeral.value, numeral)
    if _is_multiplier(numeral.tokens[0]) and (
        numeral.alone or ends_with_phrase(text, numeral.start, lex.context_words("vague_before"))
    ):
        return Skip(end)  # "hàng trăm", "hàng chục nghìn": not a figure
    if _begins_no_tail(text, end):
        return _bare(text, numeral, plain)
    # The tails, in order; the character after the numeral tells which may match.
    following = text[end : end + 1]
    spaced = following == " "
    if spaced and (fraction := word_fraction(text, numeral)) is not None:
        return fraction
    if following == "/" and (slash := _SLASH.match(text, end)) is not None:
        return _slash_pair(text, numeral, slash)
    if spaced and _POINTS.match(text, end) is not None:
        return None if numeral.alone else plain._replace(unit="điểm phần trăm")
    if (spaced or following in "%pP") and (percent := _PERCENT.match(text, end)) is not None:
        return plain._replace(end=percent.end(), kind="percent")
    currency = _currency_after(text, end) or _currency_after_amount(text, numeral)
    if currency is not None:
        code, cur_end = currency
        return _money(text, plain._replace(end=cur_end, kind="money"), code)
    unit = pat.unit_after().match(text, end)
    if unit is not None:
        if is_article(numeral) and unit["unit"].casefold() in one_words("one_article"):
            return None  # "một người": the article "a", not one person counted
        return plain._replace(unit=unit["unit"])
    return _bare(text, numeral, plain)


def is_article(numeral: Numeral) -> bool:
    """Whether the numeral is the word "một" alone, which is also the article "a"."""
    return len(numeral.tokens) == 1 and numeral.tokens[0].casefold() == "một"


@lru_cache(maxsize=4)
def one_words(role: str) -> frozenset[str]:
    """The words of a "một" role of ``number_context.tsv`` (one_article, one_count), casefolded."""
    return frozenset(word.casefold() for word in lex.context_words(role))


_ONE_COUNT = regex.compile(r" (?P<word>[\p{L}\p{M}]{1,10}(?: [\p{L}\p{M}]{1,10})?)")


def one_counts(text: str, end: int) -> bool:
    """Whether "một" ending at ``end`` counts a unit of time ("một năm", "một thế kỷ"), the
    unit not followed by the year it names ("một năm 2021 khó khăn": the article)."""
    found = _ONE_COUNT.match(text, end)
    if found is None:
        return False
    words = found["word"].casefold()
    first = words.split(" ")[0]
    if words in one_words("one_count"):
        after = found.end()
    elif first in one_words("one_count"):
        after = end + 1 + len(first)
    else:
        return False
    return not text[after : after + 2].strip()[:1].isdigit()


def _currency_after_amount(text: str, numeral: Numeral) -> tuple[str, int] | None:
    """A marker read as a currency after an amount only: a scale word, or 1000 or more."""
    if not (numeral.scaled or abs(numeral.value) >= 1000):
        return None
    match = pat.currency_after_amount().match(text, numeral.end)
    if match is None:
        return None
    return _currency_code(match["cur"]), match.end()


def _begins_no_tail(text: str, end: int) -> bool:
    """Whether no tail can begin at ``end``: a shortcut for the tail patterns of
    :func:`_with_tail` (a fraction " phần N", "/N", " điểm %", a percent, a currency, a
    unit), which then all fail there; ``tests/test_numbers_paths.py`` checks that they do.

    After a space, the next word begins none of :func:`~vnnews.numbers._patterns.tails`, or
    is a word of letters that no tail begins with ("5 người", "4.028 đảng viên"); or the
    next character is punctuation that no tail begins with (or the end of the text).
    """
    following = text[end : end + 1]
    if following == " ":
        beginnings, reach = pat.tails()
        ahead = text[end + 1 : end + 1 + reach]
        # The patterns read "İ" as i, which casefolds to two characters: no look-up then.
        if not ahead.casefold().startswith(beginnings) and "İ" not in ahead:
            return True
        return _no_tail_word(text, end + 1)  # "đảng" begins as "đ" does, and is none
    return following in pat.never_tail()  # "" (the end of the text) is in any string


def _no_tail_word(text: str, start: int) -> bool:
    """Whether a word of letters begins at ``start`` and is none that a tail begins with
    (see :func:`~vnnews.numbers._patterns.tail_words`)."""
    run = pat.letter_run().match(text, start)
    return run is not None and "İ" not in run[0] and run[0].casefold() not in pat.tail_words()


def _bare(text: str, numeral: Numeral, plain: Figure) -> Figure | Skip | None:
    """A numeral with no tail: a figure, a code running on into letters, a year, or nothing."""
    end = numeral.end
    if end < len(text) and _LETTER.match(text[end]):
        return code_skip(text, end) if _is_literal(numeral) else plain
    if _looks_like_year(numeral):
        return Skip(end)
    if numeral.alone:
        return plain if is_article(numeral) and one_counts(text, end) else None
    return plain


def _looks_like_year(numeral: Numeral) -> bool:
    """Four bare digits 1900-2099 with nothing after them ("World Cup 2022") are a year:
    a quantity that size is written with a dot in Vietnamese ("1.900 lượt")."""
    token = numeral.tokens[0]
    return (
        len(numeral.tokens) == 1
        and len(token) == 4
        and token.isdigit()
        and token[:2] in ("19", "20")
    )


def _is_multiplier(word: str) -> bool:
    entry = lex.number_words().get(word.lower())
    return entry is not None and entry.role in ("scale", "hundred", "ten_count")


def _plain_kind(value: Fraction) -> NumberKind:
    return "cardinal" if value.denominator == 1 else "decimal"


def _currency_code(marker: str) -> str:
    # The case-insensitive pattern also reads "İ" as i, which casefolds to "i̇".
    folded = marker.casefold().replace("i\u0307", "i")
    for name, code, _ in lex.currencies():
        if name.casefold() == folded:
            return code
    return marker.upper()


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    match = pat.currency_after().match(text, end)
    if match is None:
        return None
    marker = match["cur"]
    if marker.casefold() == "đồng":
        after = _WORD_AFTER.match(text, match.end())
        if after is not None and after["word"].lower() in lex.context_words("not_dong"):
            return None
    if marker.isupper() and marker.isalpha() and match[0].strip() != marker:
        return None
    return _currency_code(marker), match.end()


def _money(text: str, figure: Figure, code: str) -> Figure:
    """Money, with "xu"/"cent" amounts as hundredths and a tail of cents ("2 đô 23 xu")."""
    if code == "cent":
        return figure._replace(kind="money", value=figure.value / 100, currency="USD")
    figure = figure._replace(kind="money", currency=code)
    tail = _SUBUNIT.match(text, figure.end)
    if tail is None:
        return figure
    cents = _small_number(tail["n"])
    if cents is None:
        return figure
    word = _SUBUNIT_WORD.match(text, tail.end())
    # "2 đô 23 xu", "hai đô 23" are cents; "$10 và 20€" is two amounts.
    bare_ok = not tail[0].lower().startswith(" và ") and _ends_phrase(text, tail.end())
    if word is None and not bare_ok:
        return figure
    end = word.end() if word is not None else tail.end()
    return figure._replace(end=end, value=figure.value + cents / 100)


def _small_number(words: str) -> Fraction | None:
    tokens = _tokens(words.split(" "))
    for count in range(len(tokens), 0, -1):
        try:
            value = Fraction(parse_tokens(tokens[:count]))
        except InvalidNumberError:
            continue
        if count == len(tokens) and value.denominator == 1 and 0 < value < 100:
            return value
        return None
    return None


def _ends_phrase(text: str, end: int) -> bool:
    """Nothing but punctuation or the end of the text follows."""
    rest = text[end : end + 2]
    return not rest or not (rest[0].isalnum() or (rest[0] == " " and rest[1:].isalnum()))


def _slash_pair(text: str, numeral: Numeral, slash: regex.Match[str]) -> Figure | Skip:
    """ "22/28 chỉ tiêu" is a fraction; a pair with no counted noun after it is nothing."""
    end = slash.end()
    if end < len(text) and text[end] in "/-.":
        return code_skip(text, end)
    if end < len(text) and _LETTER.match(text[end]):
        return code_skip(text, end)
    denominator = literal_value(slash["den"])
    if denominator is None or denominator == 0 or not _counted(text, numeral.start, end):
        return Skip(end)
    return Figure(
        numeral.start,
        end,
        "fraction",
        numeral.value,
        numeral,
        numerator=numeral.value,
        denominator=Fraction(denominator),
    )


def _counted(text: str, start: int, end: int) -> bool:
    """A counted noun follows ("22/28 chỉ tiêu") or a cue comes before ("có 3/5")."""
    if ends_with_phrase(text, start, lex.context_words("fraction_cue")):
        return True
    after = _WORD_AFTER.match(text, end)
    if after is None or not after["word"][:1].islower():
        return False
    word = after["word"]
    return word not in lex.context_words("not_noun") and word not in lex.number_words()


def ends_with_phrase(text: str, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (and one space) ends right before ``start``."""
    before = text[max(0, start - 24) : start].lower()
    tails = _tails(phrases)
    if not before.endswith(tails):  # one test for all of them: most figures have none
        return False
    return any(before.endswith(tail) and not before[: -len(tail)][-1:].isalpha() for tail in tails)


@lru_cache(maxsize=16)
def _tails(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases as they end a lower-cased text before a figure: lower case, one space."""
    return tuple(phrase.lower() + " " for phrase in phrases)


def is_identifier(text: str, numeral: Numeral) -> bool:
    """An ID, phone or account number: long bare digits, or digits after "mã số", "CMND"…"""
    token = numeral.tokens[0]
    if len(numeral.tokens) == 1 and ((token.isdigit() and len(token) >= 9) or is_hotline(token)):
        return True
    return ends_with_phrase(text, numeral.digits_start, lex.context_words("id_head"))


_HOTLINE = regex.compile(r"1[89]00\.?\d{3,4}")


def is_hotline(literal: str) -> bool:
    """A Vietnamese service number: 1800 (free) or 1900 (paid) and 3-4 digits ("18001234",
    "1900.1234"), which no figure of that shape is."""
    return literal[:1] == "1" and len(literal) >= 7 and _HOTLINE.fullmatch(literal) is not None


def word_fraction(text: str, numeral: Numeral) -> Figure | None:
    """ "hai phần ba": numerator, "phần", denominator in words."""
    match = _FRACTION_WORD.match(text, numeral.end)
    if match is None:
        return None
    denominator = numeral_at(text, match.end())
    if not isinstance(denominator, Numeral) or denominator.tokens[0].lower() in ("trăm", "nghìn"):
        return None
    if denominator.value.denominator != 1 or denominator.value < 2:
        return None
    return Figure(
        numeral.start,
        denominator.end,
        "fraction",
        numeral.value,
        numeral,
        numerator=numeral.value,
        denominator=denominator.value,
    )

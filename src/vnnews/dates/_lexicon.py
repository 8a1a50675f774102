"""Word tables for dates, read lazily from ``vnnews/data/date_*``, and the views dates take of
the number tables below them (:mod:`vnnews._numerals`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from vnnews._data import read_lines, read_tsv
from vnnews._numerals import lexicon as numerals
from vnnews._numerals.grammar import InvalidNumberError, parse_tokens

__all__ = [
    "Holiday",
    "PartOfDay",
    "alternation",
    "amount_words",
    "can_chi_names",
    "context_words",
    "count_words",
    "fraction_cues",
    "fraction_date_cues",
    "function_words",
    "holidays",
    "identifier_heads",
    "month_names",
    "not_counted_nouns",
    "number_words",
    "ordinal_heads",
    "part_of_day_words",
    "parts_of_day",
    "relative_offsets",
    "weekdays",
    "word_number",
]


@dataclass(frozen=True, slots=True)
class PartOfDay:
    """A part of the day ("sáng", "chiều") and the hours it covers."""

    name: str
    start_hour: int
    end_hour: int  # may pass 24: the part runs into the next day
    rule: str  # how a clock hour written with it is read: am, pm, noon or night


@dataclass(frozen=True, slots=True)
class Holiday:
    """A holiday on a fixed solar or lunar day."""

    name: str
    lunar: bool
    day: int
    month: int


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any one space.

    >>> alternation(["tháng", "tháng sáu"])
    '(?:tháng\\\\ sáu|tháng)'
    """
    items = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(regex.escape(item) for item in items) + ")"


def _key(word: str) -> str:
    return " ".join(word.lower().split())


@lru_cache(maxsize=1)
def month_names() -> dict[str, tuple[int, bool]]:
    """Month names after "tháng": name → (month, is_lunar)."""
    return {
        _key(name): (int(month), cal == "lunar") for name, month, cal in read_tsv("date_months.tsv")
    }


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Weekday names → ISO weekday (Monday = 1)."""
    return {_key(name): int(number) for name, number in read_tsv("date_weekdays.tsv")}


@lru_cache(maxsize=1)
def parts_of_day() -> dict[str, PartOfDay]:
    """Parts of the day by name."""
    return {
        _key(name): PartOfDay(_key(name), int(start), int(end), rule)
        for name, start, end, rule in read_tsv("date_parts_of_day.tsv")
    }


@lru_cache(maxsize=1)
def relative_offsets() -> dict[str, int]:
    """Words that move a unit: "này" → 0, "trước" → -1, "tới" → 1."""
    return {_key(word): int(offset) for word, offset in read_tsv("date_relative.tsv")}


@lru_cache(maxsize=1)
def holidays() -> dict[str, Holiday]:
    """Holidays by lower-cased name."""
    return {
        _key(name): Holiday(name, cal == "lunar", int(day), int(month))
        for name, cal, day, month in read_tsv("date_holidays.tsv")
    }


@lru_cache(maxsize=1)
def ordinal_heads() -> frozenset[str]:
    """Words after which "thứ hai" is an ordinal, not a weekday."""
    return frozenset(_key(word) for word in read_lines("date_ordinal_heads.txt"))


@lru_cache(maxsize=16)
def context_words(role: str) -> frozenset[str]:
    """Words of one role in ``date_context_words.tsv`` ("date_cue", "duration_cue", "ratio_cue")."""
    return frozenset(word for word, kind in read_tsv("date_context_words.tsv") if kind == role)


@lru_cache(maxsize=1)
def fraction_date_cues() -> frozenset[str]:
    """Date cues that also announce a fraction: "khoảng 20/1" is a date, "khoảng 2/3 số hộ" not.

    The date cues of ``date_context_words.tsv`` that are also fraction cues of
    ``number_context.tsv``, so that dates and ``vnnews.numbers`` read such a pair the same way.
    """
    return context_words("date_cue") & frozenset(numerals.context_words("fraction_cue"))


@lru_cache(maxsize=1)
def fraction_cues() -> frozenset[str]:
    """The one-word fraction cues of ``number_context.tsv`` ("có", "chiếm"…), lower case."""
    cues = numerals.context_words("fraction_cue")
    return frozenset(cue.lower() for cue in cues if " " not in cue)


@lru_cache(maxsize=1)
def part_of_day_words() -> frozenset[str]:
    """The last words of the parts of the day ("sáng", "trưa", "tối"…): a day and month written
    right after one, even with "." or "-" ("Sáng 2.9", "tối 20-1"), is a date."""
    return frozenset(name.split()[-1] for name in parts_of_day())


@lru_cache(maxsize=1)
def identifier_heads() -> frozenset[str]:
    """Words before a number that make it an identifier or a rank, lower case: the ordinal
    heads ("số", "tầng", "phần") and the identifier heads of ``number_context.tsv`` ("mã",
    "phòng")."""
    heads = {head.lower() for head in numerals.context_words("id_head") if " " not in head}
    return frozenset(heads | {head for head in ordinal_heads() if " " not in head})


@lru_cache(maxsize=1)
def amount_words() -> frozenset[str]:
    """Words after a number that make it an amount: the number words, units and currency
    markers of the number tables (their first words), lower case."""
    markers = (marker for marker, _, _ in numerals.currencies())
    words = [*numerals.number_words(), *numerals.units(), *markers]
    return frozenset(word.split()[0].lower() for word in words)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The words of ``number_context.tsv`` that are no counted noun after a pair ("và", "để",
    "vừa"), less the units of time ("ngày", "năm"), which a range counts ("3-5 năm")."""
    times = {"ngày", "tháng", "năm", "giờ", "tuần", "quý"}
    return frozenset(word for word in numerals.context_words("not_noun") if word not in times)


@lru_cache(maxsize=1)
def not_counted_nouns() -> frozenset[str]:
    """Words after a slash pair that are not a counted noun, as ``vnnews.numbers`` reads them:
    the list of ``number_context.tsv`` ("sẽ", "đã", "ngày", "năm"…) and the number words."""
    return frozenset(numerals.context_words("not_noun")) | frozenset(numerals.number_words())


@lru_cache(maxsize=1)
def can_chi_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ten stems and twelve branches, from the lunar calendar's table."""
    rows = read_tsv("lunar_names.tsv")
    stems = tuple(name for kind, _, name in rows if kind == "can")
    branches = tuple(name for kind, _, name in rows if kind == "chi")
    return stems, branches


_SMALL_NUMBER_ROLES = frozenset({"digit", "digit_after_tens", "teen", "tens"})


@lru_cache(maxsize=1)
def number_words() -> tuple[str, ...]:
    """The number words that spell small numbers (days, hours, counts), from ``number_words.tsv``.

    The table is shared with ``vnnews.numbers`` (:mod:`vnnews._numerals`); scales ("nghìn") and
    signs are left out.
    """
    words = numerals.number_words()
    return tuple(word for word, entry in words.items() if entry.role in _SMALL_NUMBER_ROLES)


@lru_cache(maxsize=1)
def count_words() -> tuple[str, ...]:
    """Words before a unit that make "năm nay", "tháng sau" part of a count or a plural.

    "hai năm nay" (these two years), "những năm tới", "hằng năm", "mấy hôm nay": every number
    word of ``number_words.tsv`` and the plural and quantity words of ``date_context_words.tsv``.
    """
    return (*numerals.number_words(), *sorted(context_words("count_cue")))


def word_number(text: str) -> int | None:
    """A small whole number written in digits or words ("3", "ba", "mười lăm"), else None.

    >>> word_number("07"), word_number("rưỡi")
    (7, None)
    """
    if text.isdigit():
        return int(text)
    try:
        value = parse_tokens(text.lower().split())
    except InvalidNumberError:
        return None
    return int(value) if value.denominator == 1 and value >= 0 else None

"""The number tables (``data/number_*.tsv|txt``) and the digit suffixes, read lazily.

Shared by :mod:`vnnews.numbers` and :mod:`vnnews.dates`, which read a number's words and what
is written around it ("3 triệu đồng", "2/3 số hộ") the same way.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from vnnews._data import read_lines, read_tsv

__all__ = [
    "SUFFIXES",
    "NumberWord",
    "context_words",
    "currencies",
    "not_alone",
    "number_words",
    "qualifiers",
    "roman_heads",
    "sign_qualifiers",
    "units",
]

# Letters glued after digits that multiply them ("100K", "1,2M", ",0012G", "5tr").
SUFFIXES: dict[str, int] = {
    "k": 10**3,
    "K": 10**3,
    "M": 10**6,
    "tr": 10**6,
    "G": 10**9,
    "B": 10**9,
}


class NumberWord(NamedTuple):
    """One row of ``number_words.tsv``: the word's value and grammatical role."""

    value: Fraction
    role: str


@lru_cache(maxsize=1)
def number_words() -> dict[str, NumberWord]:
    """Every number word (lower case, NFC) with its value and role."""
    return {
        word: NumberWord(Fraction(value), role)
        for word, value, role in read_tsv("number_words.tsv")
    }


@lru_cache(maxsize=1)
def currencies() -> tuple[tuple[str, str, str], ...]:
    """(marker, ISO code, where) rows, longest marker first."""
    rows = [(marker, code, where) for marker, code, where in read_tsv("number_currencies.tsv")]
    return tuple(sorted(rows, key=lambda row: len(row[0]), reverse=True))


@lru_cache(maxsize=1)
def units() -> tuple[str, ...]:
    """Units of measure and counted nouns, longest first."""
    return tuple(sorted(read_lines("number_units.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, str]:
    """Qualifier phrase (words) → qualifier name."""
    rows = read_tsv("number_qualifiers.tsv")
    return {phrase: name for phrase, name, *_ in rows if phrase[:1].isalpha()}


@lru_cache(maxsize=1)
def sign_qualifiers() -> dict[str, str]:
    """Qualifier sign ("<", "≥") → qualifier name: signs qualify a figure after them, glued or
    after one space."""
    rows = read_tsv("number_qualifiers.tsv")
    return {phrase: name for phrase, name, *_ in rows if not phrase[:1].isalpha()}


@lru_cache(maxsize=1)
def roman_heads() -> tuple[str, ...]:
    """Words after which a Roman numeral is an identifier, longest first."""
    return tuple(sorted(read_lines("number_roman_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def not_alone() -> frozenset[str]:
    """Number words that are not a figure on their own."""
    return frozenset(read_lines("number_not_alone.txt"))


@lru_cache(maxsize=16)  # one entry a role
def context_words(role: str) -> tuple[str, ...]:
    """The words of ``number_context.tsv`` with this role, longest first."""
    words = [word for word, kind in read_tsv("number_context.tsv") if kind == role]
    return tuple(sorted(words, key=len, reverse=True))

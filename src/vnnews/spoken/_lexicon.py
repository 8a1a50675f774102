"""The tables of ``vnnews/data/spoken_*``, read once per process on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vnnews._data import read_tsv
from vnnews.spoken._style import SpokenStyle

__all__ = [
    "Abbreviation",
    "Currency",
    "Table",
    "Unit",
    "abbreviations",
    "code_prefixes",
    "context_words",
    "currencies",
    "currency_table",
    "letter_names",
    "symbols",
    "unit_table",
    "units",
]


@dataclass(frozen=True, slots=True)
class Unit:
    """A row of ``spoken_units.tsv``."""

    written: str
    news: str
    nemo: str
    where: str  # any, glued or time

    def reading(self, style: SpokenStyle) -> str:
        return self.nemo if style.units == "nemo" and self.nemo else self.news


@dataclass(frozen=True, slots=True)
class Currency:
    """A row of ``spoken_currencies.tsv``."""

    written: str
    reading: str
    where: str  # before, after or both
    cents: str
    alternatives: tuple[str, ...]

    def spoken(self, style: SpokenStyle) -> str:
        return self.reading.replace("{dollar}", style.dollar)


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation and its readings (the first preferred); ``where`` is word, prefix or keep."""

    written: str
    readings: tuple[str, ...]
    where: str


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Every written unit form and its row."""
    return {row[0]: Unit(row[0], row[1], row[2], row[3]) for row in read_tsv("spoken_units.tsv")}


@lru_cache(maxsize=1)
def currencies() -> dict[str, Currency]:
    """Every written currency marker and its row."""
    table = {}
    for row in read_tsv("spoken_currencies.tsv"):
        padded = (*row, "", "")[:5]
        alternatives = tuple(part for part in padded[4].split("|") if part)
        table[row[0]] = Currency(row[0], padded[1], padded[2], padded[3], alternatives)
    return table


class Table:
    """A table of written forms looked up at a position of a text: the longest form written
    there that ends where a word may end (dictionary lookups of the prefixes of the chunk,
    longest first; an alternation of a hundred patterns is many times slower)."""

    __slots__ = ("firsts", "free_end", "longest", "spaced", "words")

    def __init__(self, keys: list[str], *, free_end: bool) -> None:
        self.words = frozenset(key for key in keys if " " not in key)
        self.spaced = tuple(sorted((key for key in keys if " " in key), key=len, reverse=True))
        self.longest = max((len(key) for key in keys), default=0)
        self.firsts = frozenset(key[0] for key in keys)
        # free_end: a key ending in a symbol may touch what follows ("$5", "€10").
        self.free_end = free_end

    def at(self, text: str, position: int) -> str | None:
        """The form written at ``position``, or None."""
        if text[position : position + 1] not in self.firsts:
            return None
        for key in self.spaced:
            if text.startswith(key, position) and self._ends(text, position + len(key), key):
                return key
        chunk = text[position : position + self.longest]
        space = chunk.find(" ")
        if space >= 0:
            chunk = chunk[:space]
        for end in range(len(chunk), 0, -1):
            key = chunk[:end]
            if key in self.words and self._ends(text, position + end, key):
                return key
        return None

    def _ends(self, text: str, end: int, key: str) -> bool:
        if self.free_end and not key[-1].isalpha():
            return True
        following = text[end : end + 1]
        return not following or not (following.isalnum() or "\u0300" <= following <= "\u036f")


@lru_cache(maxsize=1)
def unit_table() -> Table:
    """The written units, looked up at a position (a unit ends at a word boundary)."""
    return Table(list(units()), free_end=False)


@lru_cache(maxsize=1)
def currency_table() -> Table:
    """The currency markers, looked up at a position; one that ends in a letter ends at a
    word boundary ("đ" is not the start of "đầu"), a symbol may touch a digit ("$5")."""
    return Table(list(currencies()), free_end=True)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Abbreviation]:
    """The packaged abbreviations: ``vnnews.people.abbreviation_table()`` under the rows of
    ``spoken_abbreviations.tsv`` (which win)."""
    from vnnews.people import abbreviation_table

    table: dict[str, Abbreviation] = {}
    for written, expansion in abbreviation_table().items():
        where = "prefix" if written.endswith(".") else "word"
        table[written] = Abbreviation(written, (expansion,), where)
    for row in read_tsv("spoken_abbreviations.tsv"):
        if row[2] != "code":
            readings = tuple(part.strip() for part in row[1].split("|") if part.strip())
            table[row[0]] = Abbreviation(row[0], readings, row[2])
    return table


@lru_cache(maxsize=1)
def code_prefixes() -> dict[str, str]:
    """The letters that open a road or kilometre code and their reading ("QL1A", "Km15")."""
    return {row[0]: row[1] for row in read_tsv("spoken_abbreviations.tsv") if row[2] == "code"}


@lru_cache(maxsize=1)
def symbols() -> dict[str, tuple[str, str]]:
    """Each symbol of ``spoken_symbols.tsv``: its reading ("" for the end mark) and where."""
    return {row[1]: (row[2], row[3]) for row in read_tsv("spoken_symbols.tsv")}


@lru_cache(maxsize=1)
def context_words() -> dict[str, frozenset[str]]:
    """The words of ``spoken_context.tsv`` by role (``roman_head`` includes ``roman_head_any``)."""
    by_role: dict[str, set[str]] = {}
    for word, role in read_tsv("spoken_context.tsv"):
        by_role.setdefault(role, set()).add(word)
        if role == "roman_head_any":
            by_role.setdefault("roman_head", set()).add(word)
    return {role: frozenset(words) for role, words in by_role.items()}


@lru_cache(maxsize=1)
def letter_names() -> dict[str, tuple[str, str]]:
    """Each upper-case letter and its Vietnamese and English names."""
    return {row[0]: (row[1], row[2]) for row in read_tsv("spoken_letters.tsv")}

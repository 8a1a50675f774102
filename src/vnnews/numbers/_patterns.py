"""The compiled patterns of the extractor, built once on first use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import regex

from vnnews._numerals import lexicon as lex
from vnnews._trie import trie_pattern

__all__ = [
    "UnicodeClasses",
    "alternation",
    "bmp_classes",
    "currency_after",
    "currency_after_amount",
    "currency_before",
    "currency_firsts",
    "letter_run",
    "never_tail",
    "numeral_run",
    "qualifier",
    "roman",
    "roman_head_before",
    "tail_words",
    "tails",
    "trie_pattern",
    "unit_after",
]

_NOT_WORD_BEFORE = r"(?<![\p{L}\p{M}\p{N}_])"
_NOT_WORD_AFTER = r"(?![\p{L}\p{M}\p{N}_])"


def alternation(words: Iterable[str]) -> str:
    """Escaped words, longest first, with spaces matching one space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(word).replace(r"\ ", " ") for word in ordered)


def _literal() -> str:
    grouped = r"\d{1,3}(?:\.\d{3}){1,6}(?:,\d{1,15})?"
    other = r"\d{1,18}(?:[.,]\d{1,15})?"
    return rf"(?<![\p{{N}}.,])(?:{grouped}|{other})(?![\p{{N}}]|[.,]\p{{N}})(?:(?:k|K|tr)(?![\p{{L}}\p{{M}}]))?"


def _number_word() -> str:
    words = [w for w, e in lex.number_words().items() if e.role not in ("decimal", "negative")]
    return rf"{_NOT_WORD_BEFORE}(?i:{alternation(words)}){_NOT_WORD_AFTER}"


@lru_cache(maxsize=1)
def numeral_run() -> regex.Pattern[str]:
    """A run of number atoms: literals, number words and "phẩy"/"chấm", space-separated."""
    decimal = rf"{_NOT_WORD_BEFORE}(?i:phẩy|chấm){_NOT_WORD_AFTER}"
    atom = rf"(?:{_literal()}|{_number_word()}|{decimal})"
    negative = (
        rf"(?P<neg>{_NOT_WORD_BEFORE}(?i:âm) (?=[\d\p{{L}}])|(?<![\p{{L}}\p{{N}}\-–])-(?=\d))"
    )
    return regex.compile(rf"(?:{negative})?(?P<run>{atom}(?: {atom}){{0,15}})")


@lru_cache(maxsize=1)
def qualifier() -> regex.Pattern[str]:
    """A qualifier phrase (or two, "khoảng chừng từ") right before a figure."""
    phrases = alternation(lex.qualifiers())
    return regex.compile(rf"{_NOT_WORD_BEFORE}(?i:(?P<q>{phrases}))(?: (?i:{phrases})){{0,2}} ")


def _currency_alternation(where: str) -> str:
    markers = [m for m, _, w in lex.currencies() if w in (where, "both")]
    if where == "after_amount":
        markers = [m for m, _, w in lex.currencies() if w == where]
    return alternation(markers)


@lru_cache(maxsize=1)
def currency_after() -> regex.Pattern[str]:
    """A currency marker after a figure: "10.000 đồng", "10$", "20 Euros"."""
    markers = _currency_alternation("after")
    return regex.compile(rf" ?(?i:(?P<cur>{markers}))(?![\p{{L}}\p{{M}}\p{{N}}])")


@lru_cache(maxsize=1)
def currency_before() -> regex.Pattern[str]:
    """A currency marker before a figure: "$10", "USD1,23", "EUR 20", "VN$1000"."""
    markers = _currency_alternation("before")
    return regex.compile(rf"{_NOT_WORD_BEFORE}(?P<cur>{markers}) ?(?=[\d,])")


@lru_cache(maxsize=1)
def currency_after_amount() -> regex.Pattern[str]:
    """A currency marker read after an amount only ("60 triệu bảng"; "8 bảng" is no money)."""
    markers = _currency_alternation("after_amount")
    return regex.compile(rf" ?(?i:(?P<cur>{markers}))(?![\p{{L}}\p{{M}}\p{{N}}])")


@lru_cache(maxsize=1)
def unit_after() -> regex.Pattern[str]:
    """A unit after a figure, glued or after one space: "110kV", "2 m", "30 °C"."""
    return regex.compile(rf" ?(?P<unit>{alternation(lex.units())})(?![\p{{L}}\p{{M}}\p{{N}}])")


@lru_cache(maxsize=1)
def currency_firsts() -> frozenset[str]:
    """The first characters of the currency markers written before a figure ("$", "USD")."""
    return frozenset(m[0] for m, _, where in lex.currencies() if where in ("before", "both"))


@lru_cache(maxsize=1)
def tails() -> tuple[tuple[str, ...], int]:
    """What a tail after a figure and a space begins with, casefolded: the currency markers,
    the units, "phần" (trăm, or a fraction), "điểm" (phần trăm) and "%"; and the longest
    one's length. A cheap test before the tail patterns."""
    words = (*(m for m, _, _ in lex.currencies()), *lex.units(), "phần", "điểm", "%")
    found = tuple(sorted({word.casefold() for word in words}))
    return found, max(map(len, found))


@lru_cache(maxsize=1)
def tail_words() -> frozenset[str]:
    """The words a tail after a figure and a space can begin with, casefolded: the leading
    run of letters and marks of each currency marker and unit, "phần" and "điểm".

    Every tail ends before no letter or mark, or goes on with something else ("km/h", "US$"),
    so after a space it covers the whole run of letters there: a run that is none of these
    words (in any case) begins no tail. Letters that the case-insensitive patterns read as
    one of these words' letters fold to that letter, save "İ" (read as i).
    """
    words = (*(marker for marker, _, _ in lex.currencies()), *lex.units(), "phần", "điểm")
    runs = (regex.split(r"[^\p{L}\p{M}]", word, maxsplit=1)[0] for word in words)
    return frozenset(run.casefold() for run in runs if run)


@lru_cache(maxsize=1)
def letter_run() -> re.Pattern[str]:
    """A run of letters and marks (the regex module's, in the first plane; see
    :func:`bmp_classes`)."""
    return re.compile(f"[{bmp_classes().letters}]+")


@lru_cache(maxsize=1)
def never_tail() -> str:
    """Punctuation no currency marker or unit begins with, and "": after a figure, no tail.

    Read off the word tables, so an entry added there cannot be missed by this shortcut.
    """
    markers = [marker for marker, _, _ in lex.currencies()]
    firsts = {word[0] for word in (*markers, *lex.units())}
    return "".join(sorted(set(",.;:!?)]}\"'”’…\n\t") - firsts))


@lru_cache(maxsize=1)
def roman() -> regex.Pattern[str]:
    """An upper-case Roman numeral standing alone as a word (I … MMMCMXCIX)."""
    numeral = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
    return regex.compile(rf"{_NOT_WORD_BEFORE}(?=[MDCLXVI])(?P<roman>{numeral}){_NOT_WORD_AFTER}")


@lru_cache(maxsize=1)
def roman_head_before() -> regex.Pattern[str]:
    """A head word ("khóa", "Đại hội") ending right before a Roman numeral (reversed search)."""
    heads = alternation(lex.roman_heads())
    return regex.compile(rf"{_NOT_WORD_BEFORE}(?i:{heads}) \Z")


class UnicodeClasses(NamedTuple):
    """Bodies of ``re`` character classes ("a-zà-ỹ…") for the characters of the Basic
    Multilingual Plane that the regex module puts in a Unicode class; see :func:`bmp_classes`.
    """

    word_like: str  # letters, marks and numbers: [\p{L}\p{M}\p{N}]
    letters: str  # letters and marks: [\p{L}\p{M}]
    numbers: str  # \p{N}
    small: str  # small letters: \p{Ll}


@lru_cache(maxsize=1)
def bmp_classes() -> UnicodeClasses:
    """The regex module's letters, marks and numbers, for ``re`` patterns.

    A regex scan costs the same at every character, whatever the pattern; ``re`` skips fast
    to the characters a pattern can begin with, and its classes are bitmaps. These classes
    hold what the regex module's do in the first plane, as the module itself classes it (its
    Unicode version may be newer than Python's); a character of another plane is in none.
    """
    bmp = "".join(map(chr, range(0x10000)))

    def body(pattern: str) -> str:
        runs = regex.finditer(rf"{pattern}+", bmp)
        return "".join(f"{re.escape(run[0][0])}-{re.escape(run[0][-1])}" for run in runs)

    return UnicodeClasses(
        word_like=body(r"[\p{L}\p{M}\p{N}]"),
        letters=body(r"[\p{L}\p{M}]"),
        numbers=body(r"\p{N}"),
        small=body(r"\p{Ll}"),
    )

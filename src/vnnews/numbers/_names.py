"""Number words and digits that belong to a name or an idiom, not to a figure.

* A bare number right after a foreign (Latin-script, non-Vietnamese) name is part of it:
  products, versions and indexes ("iPhone 11", "iOS 17.2", "Nikkei 225", "Windows 11").
* A number word inside a set phrase is not a number ("độ chín" = ripeness, "ba mẹ" = parents):
  the phrases are ``data/number_idioms.txt``.

Works on normalised text with spans into it, as :mod:`._figures` does.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from vnnews._data import read_lines
from vnnews._numerals.lexicon import number_words
from vnnews._syllables import is_unmarked_syllable
from vnnews.numbers._figures import Numeral

__all__ = ["after_product_name", "in_idiom", "is_foreign_word"]

# The words of a name before a number: Latin letters only (with "-", "+", "&" inside), each
# followed by one space. Up to three are read, nearest first.
_NAME_WORDS = regex.compile(r"(?:(?<![\p{L}\p{M}\p{N}\-])[A-Za-z][A-Za-z+&\-]{0,20} ){1,3}\Z")


def is_foreign_word(word: str) -> bool:
    """Whether a word of Latin letters cannot be Vietnamese: a capital inside it ("iPhone",
    "iOS", "PlayStation") or letters that make no Vietnamese syllable, even written without
    its diacritics ("Nikkei", "Windows", "Galaxy"; the one rule of ``vnnews._syllables``).
    A word all in capitals is an abbreviation, Vietnamese as often ("CLB", "TP"), and is not
    counted as foreign.

    >>> [is_foreign_word(w) for w in ("iPhone", "Nikkei", "Windows", "Mi", "Long", "CLB", "Top")]
    [True, True, True, False, False, False, False]
    """
    letters = word.replace("-", "").replace("+", "").replace("&", "")
    if not letters.isascii() or not letters.isalpha() or letters.isupper():
        return False
    if any(char.isupper() for char in letters[1:]):
        return True
    return not is_unmarked_syllable(letters)


def after_product_name(text: str, start: int) -> bool:
    """Whether a foreign name with a capital ends right before ``start`` (one space between):
    "iPhone 11", "Xiaomi Mi 11", "Nikkei 225", "Windows 11". Any of up to three Latin words
    before the number may be the foreign one."""
    # A cheap test first: the word before is ASCII and has a capital ("có 3", "đạt 89" do not).
    if start < 2 or text[start - 1] != " ":
        return False
    low = max(0, start - 24)
    space = text.rfind(" ", low, start - 1)
    word = text[space + 1 if space >= 0 else low : start - 1]
    if not word.isascii() or word.islower() or not word[-1:].isalpha():
        return False
    found = _NAME_WORDS.search(text, max(0, start - 66), start)
    if found is None:
        return False
    words = found[0].split()
    nearest = words[-1]
    if not (nearest[:1].isupper() or any(char.isupper() for char in nearest[1:])):
        return False  # "size 40", "top 10": lower-case words are no names
    return any(is_foreign_word(word) for word in words)


@lru_cache(maxsize=1)
def _idioms() -> dict[str, tuple[tuple[str, str], ...]]:
    """Number word → the (before, after) texts of the idioms it is in, lower case."""
    found: dict[str, list[tuple[str, str]]] = {}
    words = number_words()
    for phrase in read_lines("number_idioms.txt"):
        parts = phrase.lower().split(" ")
        for index, part in enumerate(parts):
            if part in words:
                before = " ".join(parts[:index])
                after = " ".join(parts[index + 1 :])
                found.setdefault(part, []).append(
                    (before + " " if before else "", " " + after if after else "")
                )
                break
    return {word: tuple(pairs) for word, pairs in found.items()}


_LETTER = regex.compile(r"[\p{L}\p{M}]")


def in_idiom(text: str, numeral: Numeral) -> bool:
    """Whether a numeral of one number word is inside an idiom of ``number_idioms.txt``
    ("quả chín vàng", "nấu chín", "ba mẹ")."""
    if len(numeral.tokens) != 1:
        return False
    pairs = _idioms().get(numeral.tokens[0].lower())
    if not pairs:
        return False
    start, end = numeral.start, numeral.end
    for before, after in pairs:
        head = text[max(0, start - len(before) - 1) : start].lower()
        if before and not (
            head.endswith(before) and (len(head) == len(before) or not _LETTER.match(head[0]))
        ):
            continue
        tail = text[end : end + len(after) + 1].lower()
        if after and not (
            tail.startswith(after) and (len(tail) == len(after) or not _LETTER.match(tail[-1]))
        ):
            continue
        return True
    return False

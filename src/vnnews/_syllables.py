"""Whether a word is spelled as one Vietnamese syllable.

Vietnamese writes one syllable a word, and its spelling is closed: an onset from a short list
(``data/syllable_onsets.tsv``), then a rhyme from another (``data/syllable_rhymes.txt``), with a
tone mark on the vowel. A word outside that shape ("Trump", "Schiff", "Tae", "Zhang", "Mendy")
is a foreign word: in a news text, most often part of a foreign name. The test ignores case and
tone marks, and knows the two spelling rules of the front vowels (``k``, ``gh``, ``ngh`` only
before i, y, e, ê; ``c``, ``ng`` never).

>>> is_vietnamese_syllable("Nguyễn"), is_vietnamese_syllable("Trump")
(True, False)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from vnnews._data import read_lines, read_tsv

__all__ = ["is_unmarked_syllable", "is_vietnamese_syllable"]

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_FRONT_VOWELS = ("i", "y", "e", "ê")
_LONGEST_ONSET = 3


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    onsets = {row[0]: row[1] for row in read_tsv("syllable_onsets.tsv")}
    return onsets, frozenset(read_lines("syllable_rhymes.txt"))


@lru_cache(maxsize=1)
def _unmarked_tables() -> tuple[dict[str, str], frozenset[str]]:
    """The tables with every diacritic dropped (ê → e, ơ → o, đ → d…): the spellings of the
    syllables written in plain ASCII letters."""
    onsets, rhymes = _tables()
    unmarked: dict[str, str] = {}
    for onset, rule in onsets.items():
        plain = _unmarked(onset)
        unmarked[plain] = rule if unmarked.get(plain, rule) == rule else "any"
    return unmarked, frozenset(map(_unmarked, rhymes))


def _unmarked(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("đ", "d")


@lru_cache(maxsize=8192)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is spelled as one Vietnamese syllable (any case, any tone).

    >>> [is_vietnamese_syllable(w) for w in ("Hang", "Seo", "Park", "Kong", "Kim", "gì")]
    [True, True, False, False, True, True]
    """
    bare = unicodedata.normalize(
        "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
    )
    return _fits(bare, *_tables())


@lru_cache(maxsize=8192)
def is_unmarked_syllable(word: str) -> bool:
    """Whether ``word`` is one Vietnamese syllable written with its diacritics or without
    some of them, as in plain ASCII ("Nguyen", "Dien", "Viet"): the same tables and rules as
    :func:`is_vietnamese_syllable`, every mark dropped from both the word and the tables.

    >>> [is_unmarked_syllable(w) for w in ("Nguyen", "Dien", "Penh", "Nikkei", "Kong", "Seong")]
    [True, True, True, False, False, False]
    """
    return _fits(_unmarked(word), *_unmarked_tables())


def _fits(bare: str, onsets: dict[str, str], rhymes: frozenset[str]) -> bool:
    """Whether ``bare`` (lower case, no tone mark) is an onset of ``onsets`` or none, then a
    rhyme of ``rhymes``, with the spelling rules of the front vowels."""
    if not bare.isalpha():
        return False
    if bare in rhymes:
        return True
    for size in range(min(_LONGEST_ONSET, len(bare) - 1), 0, -1):
        onset, rhyme = bare[:size], bare[size:]
        rule = onsets.get(onset)
        if rule is None:
            continue
        if onset == "gi" and (rhyme in rhymes or "i" + rhyme in rhymes):
            return True  # "gia", "giữ"; "gìn" writes the rhyme "in" with one i
        if onset == "qu" and "u" + rhyme in rhymes:
            return True  # "quỳnh" is qu + "uynh" with one u
        if rhyme in rhymes and _front_rule_holds(rule, rhyme):
            return True
    return False


def _front_rule_holds(rule: str, rhyme: str) -> bool:
    front = rhyme.startswith(_FRONT_VOWELS)  # "ê" dropped to "e" is still a front vowel
    return rule == "any" or (rule == "front") == front

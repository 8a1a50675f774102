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

__all__ = ["is_vietnamese_syllable"]

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_FRONT_VOWELS = ("i", "y", "e", "ê")
_LONGEST_ONSET = 3


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    onsets = {row[0]: row[1] for row in read_tsv("syllable_onsets.tsv")}
    return onsets, frozenset(read_lines("syllable_rhymes.txt"))


@lru_cache(maxsize=8192)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is spelled as one Vietnamese syllable (any case, any tone).

    >>> [is_vietnamese_syllable(w) for w in ("Hang", "Seo", "Park", "Kong", "Kim", "gì")]
    [True, True, False, False, True, True]
    """
    bare = unicodedata.normalize(
        "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
    )
    if not bare.isalpha():
        return False
    onsets, rhymes = _tables()
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
    front = rhyme.startswith(_FRONT_VOWELS)
    return rule == "any" or (rule == "front") == front

"""Text normalisation with an offset map back to the caller's original string.

Every extractor in vnnews works on normalised text and reports spans into the *original*
input. :func:`normalize` gives the normalised string; :func:`normalize_with_offsets` gives a
:class:`NormalizedText` that also maps every position back.

What normalisation does, in order:

1. Unicode NFC (so NFD input reads like NFC input).
2. Line breaks ``\\r\\n``, ``\\r``, ``\\v``, ``\\f``, U+0085, U+2028 and U+2029 become ``\\n``.
   Line breaks are kept: they carry structure (headings, captions, bylines).
3. Inside a line, tabs, NBSP and the other space characters, zero-width characters
   (U+200B–U+200D, U+2060, U+FEFF) and runs of spaces become one space.
4. Tone marks go where Vietnamese news puts them, on the first vowel of ``oa``, ``oe`` and
   ``uy`` in open syllables (hoà → hòa, khoẻ → khỏe, thuỷ → thủy). Syllables with a final
   consonant or another vowel (hoàn, thuyền, khuya) and syllables whose ``u`` or ``i`` belongs
   to the initial (quý, quả, giữ) are left as they are.

Dashes and quotes are kept as written; extractors match them as classes.

>>> normalize("Uỷ ban nhân dân tỉnh Khánh Hoà")
'Ủy ban nhân dân tỉnh Khánh Hòa'
>>> normalize("Hà\\u00a0Nội,\\t  thứ Năm\\r\\n20/1")
'Hà Nội, thứ Năm\\n20/1'
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from vnnews._data import read_lines
from vnnews.errors import require_str

__all__ = ["NormalizedText", "normalize", "normalize_with_offsets"]

_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
_LINE_BREAKS = r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]"
_SPACES = rf"[ {_SPACE_CHARS}{_ZERO_WIDTH}]{{2,}}|[{_SPACE_CHARS}{_ZERO_WIDTH}]"
# Clusters NFC may change: a base with combining marks, loose runs of marks (canonical
# order), conjoining Hangul jamo, and characters that never survive NFC (singletons).
_CLUSTERS = (
    rf"[^\p{{M}}\s{_ZERO_WIDTH}]\p{{M}}+|\p{{M}}{{2,}}"
    r"|\p{Hangul_Syllable_Type=L}+\p{Hangul_Syllable_Type=V}+\p{Hangul_Syllable_Type=T}*"
    r"|\p{Hangul_Syllable_Type=LV}\p{Hangul_Syllable_Type=T}+"
    r"|\p{NFC_Quick_Check=No}"
)
_SPECIAL_NFC = regex.compile(rf"(?P<br>{_LINE_BREAKS})|(?P<ws>{_SPACES})")
_SPECIAL_ANY = regex.compile(rf"(?P<br>{_LINE_BREAKS})|(?P<ws>{_SPACES})|(?P<cl>{_CLUSTERS})")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Every character the whitespace and line-break rules rewrite (a plain space only in pairs).
_REWRITTEN_CHARS = tuple(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\r\x0b\x0c\x85\u2028\u2029"
)


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string and the map from its positions back to the original input.

    The map is stored as runs: a *linear* run maps one character to one character at a
    fixed shift; any other run (a collapsed space run, an NFC cluster, ``\\r\\n``) maps each of
    its characters to the whole original range it came from.

    >>> nt = normalize_with_offsets("Thuỷ  điện\\u00a0Hoà Bình")
    >>> nt.text
    'Thủy điện Hòa Bình'
    >>> nt.original_span(10, 18)
    (11, 19)
    >>> nt.original_text(10, 18)
    'Hoà Bình'
    """

    original: str
    text: str
    _run_starts: array[int]
    _orig_starts: array[int]
    _orig_ends: array[int]
    _linear: bytes

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to a span of the original string."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if start == end:
            point = self._char_range(start)[0] if start < len(self.text) else len(self.original)
            return point, point
        return self._char_range(start)[0], self._char_range(end - 1)[1]

    def original_text(self, start: int, end: int) -> str:
        """The original substring under the normalised span ``[start, end)``."""
        orig_start, orig_end = self.original_span(start, end)
        return self.original[orig_start:orig_end]

    def _char_range(self, index: int) -> tuple[int, int]:
        run = bisect_right(self._run_starts, index) - 1
        if self._linear[run]:
            position = self._orig_starts[run] + index - self._run_starts[run]
            return position, position + 1
        return self._orig_starts[run], self._orig_ends[run]


def normalize(text: str) -> str:
    """Normalise Vietnamese text: NFC, traditional tone placement, tidy whitespace.

    Args:
        text: any string.

    Returns:
        The normalised string (see the module documentation for every step).

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> normalize("hoà  giải") == normalize("hòa giải") == "hòa giải"
    True
    >>> normalize("quý khách, thuyền, khuya")
    'quý khách, thuyền, khuya'
    """
    return normalize_with_offsets(text).text


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the map from normalised positions to original ones.

    >>> nt = normalize_with_offsets("Thuy\\u0309 lợi")
    >>> nt.text
    'Thủy lợi'
    >>> nt.original_span(0, 4), nt.original_text(0, 4) == "Thuy\\u0309"
    ((0, 5), True)
    """
    return _normalize_cached(require_str(text))


@lru_cache(maxsize=32)
def _normalize_cached(text: str) -> NormalizedText:
    pieces, runs = _rewrite(text, need_nfc=not unicodedata.is_normalized("NFC", text))
    normalized = _fix_tone_placement("".join(pieces))
    if not unicodedata.is_normalized("NFC", normalized):
        # Only reachable with exotic mark sequences: take the exact, cluster-by-cluster path.
        pieces, runs = _rewrite_by_grapheme(text)
        normalized = _fix_tone_placement(unicodedata.normalize("NFC", "".join(pieces)))
        if len(normalized) != sum(len(piece) for piece in pieces):
            runs = [(0, len(text), False, len(normalized))]
    return _build(text, normalized, runs)


_Run = tuple[int, int, bool, int]  # original start, original end, linear, normalised length


def _rewrite(text: str, *, need_nfc: bool) -> tuple[list[str], list[_Run]]:
    if not need_nfc and not _has_rewritten_chars(text):
        return [text], [(0, len(text), True, len(text))]
    pattern = _SPECIAL_ANY if need_nfc else _SPECIAL_NFC
    pieces: list[str] = []
    runs: list[_Run] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start > position:
            pieces.append(text[position:start])
            runs.append((position, start, True, start - position))
        replacement = _replacement(match)
        pieces.append(replacement)
        linear = len(replacement) == end - start == 1
        runs.append((start, end, linear, len(replacement)))
        position = end
    if position < len(text):
        pieces.append(text[position:])
        runs.append((position, len(text), True, len(text) - position))
    return pieces, runs


def _has_rewritten_chars(text: str) -> bool:
    # str.__contains__ runs at C speed; most news text has none of these characters.
    return "  " in text or any(char in text for char in _REWRITTEN_CHARS)


def _replacement(match: regex.Match[str]) -> str:
    if match.group("br") is not None:
        return "\n"
    if match.group("ws") is not None:
        return " "
    return unicodedata.normalize("NFC", match.group())


def _rewrite_by_grapheme(text: str) -> tuple[list[str], list[_Run]]:
    pieces: list[str] = []
    runs: list[_Run] = []
    for match in regex.finditer(r"\X", text):
        cluster = match.group()
        piece = "\n" if regex.fullmatch(_LINE_BREAKS, cluster) else cluster
        piece = unicodedata.normalize("NFC", piece)
        pieces.append(piece)
        runs.append((match.start(), match.end(), False, len(piece)))
    return pieces, runs


def _build(original: str, normalized: str, runs: list[_Run]) -> NormalizedText:
    run_starts, orig_starts, orig_ends = array("q"), array("q"), array("q")
    linear = bytearray()
    position = 0
    for orig_start, orig_end, is_linear, length in runs:
        if length == 0:
            continue
        contiguous = linear and linear[-1] and is_linear and orig_ends[-1] == orig_start
        if contiguous:
            orig_ends[-1] = orig_end
        else:
            run_starts.append(position)
            orig_starts.append(orig_start)
            orig_ends.append(orig_end)
            linear.append(is_linear)
        position += length
    return NormalizedText(original, normalized, run_starts, orig_starts, orig_ends, bytes(linear))


_TONED_CLUSTER = regex.compile(r"[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")
_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=1)
def _initials() -> frozenset[str]:
    return frozenset(read_lines("tone_initials.txt"))


def _fix_tone_placement(text: str) -> str:
    # Search the rare two-letter cluster first, then check the syllable around it: much
    # faster than a pattern that tries every initial at every position.
    pieces: list[str] = []
    position = 0
    for match in _TONED_CLUSTER.finditer(text):
        start, end = match.span()
        if _is_open_syllable(text, start, end):
            pieces.append(text[position:start])
            pieces.append(_move_tone(match.group()))
            position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _is_open_syllable(text: str, start: int, end: int) -> bool:
    if end < len(text) and _LETTER.match(text, end):
        return False
    word_start = start
    while word_start > 0 and start - word_start <= 3 and _LETTER.match(text, word_start - 1):
        word_start -= 1
    if word_start > 0 and _LETTER.match(text, word_start - 1):
        return False
    initial = text[word_start:start].lower()
    return not initial or initial in _initials()


def _move_tone(cluster: str) -> str:
    first, second = cluster[0], cluster[1]
    decomposed = unicodedata.normalize("NFD", second)
    tone = next(mark for mark in decomposed if mark in _TONE_MARKS)
    bare_second = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
    return unicodedata.normalize("NFC", first + tone) + bare_second

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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from heapq import merge

import regex

from vnnews._data import read_lines
from vnnews.errors import require_str

__all__ = ["NormalizedText", "normalize", "normalize_with_offsets"]

_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
_LINE_BREAKS = r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]"
_SPACES = rf"[ {_SPACE_CHARS}{_ZERO_WIDTH}]{{2,}}|[{_SPACE_CHARS}{_ZERO_WIDTH}]"
# Characters NFC may change or join to the character before them: combining marks, and
# the characters whose NFC quick check is No or Maybe (singletons, conjoining Hangul jamo).
_NFC_TRIGGER = regex.compile(
    r"(?V1)[[\p{M}\p{NFC_Quick_Check=No}\p{NFC_Quick_Check=Maybe}]--[\s\u200b-\u200d\u2060\ufeff]]+"
)
_NOT_A_BASE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_SPECIAL = regex.compile(rf"(?P<br>{_LINE_BREAKS})|(?P<ws>{_SPACES})")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Every character the whitespace and line-break rules rewrite (a plain space only in pairs).
_REWRITTEN_CHARS = tuple(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\r\x0b\x0c\x85\u2028\u2029"
)
_REWRITTEN_SET = frozenset(_REWRITTEN_CHARS)
# Below this length a set test over the whole text is cheaper than a search per character.
_SHORT = 256


@dataclass(frozen=True, slots=True)
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
    _aligned: bool = False  # every offset is kept (one linear run from 0): spans map to themselves

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to a span of the original string."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if self._aligned:
            return start, end
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
    if _only_tones_may_change(require_str(text)):
        return _fix_tone_placement(text)  # the common case, without building an offset map
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
    if _only_tones_may_change(text):  # tone marks move in place: every offset is kept
        return _identity(text, _fix_tone_placement(text))
    need_nfc = not unicodedata.is_normalized("NFC", text)
    built = _rewrite(text, _merged_events(text, need_nfc=need_nfc))
    normalized = _fix_tone_placement("".join(built.pieces))
    if not unicodedata.is_normalized("NFC", normalized):
        # Only reachable with exotic mark sequences: take the exact, cluster-by-cluster path.
        built = _rewrite(text, _grapheme_events(text))
        normalized = _fix_tone_placement(unicodedata.normalize("NFC", "".join(built.pieces)))
        if len(normalized) != built.length:
            built = _rewrite(text, iter([(0, len(text), normalized)]))
    return built.result(text, normalized)


class _MapBuilder:
    """Collects the normalised pieces and the run map as the rewrite goes along."""

    __slots__ = ("length", "linear", "orig_ends", "orig_starts", "pieces", "run_starts")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.run_starts, self.orig_starts, self.orig_ends = array("q"), array("q"), array("q")
        self.linear = bytearray()
        self.length = 0

    def copy(self, text: str, start: int, end: int) -> None:
        if start < end:
            self.pieces.append(text[start:end])
            self._extend_linear(start, end)

    def replace(self, start: int, end: int, replacement: str) -> None:
        if not replacement:
            return
        self.pieces.append(replacement)
        if len(replacement) == end - start == 1:
            self._extend_linear(start, end)
            return
        self._open(start, end, linear=False)
        self.length += len(replacement)

    def _extend_linear(self, start: int, end: int) -> None:
        if self.linear and self.linear[-1] and self.orig_ends[-1] == start:
            self.orig_ends[-1] = end
        else:
            self._open(start, end, linear=True)
        self.length += end - start

    def _open(self, start: int, end: int, *, linear: bool) -> None:
        self.run_starts.append(self.length)
        self.orig_starts.append(start)
        self.orig_ends.append(end)
        self.linear.append(linear)

    def result(self, original: str, normalized: str) -> NormalizedText:
        if not self.run_starts:  # the empty string
            self._open(0, 0, linear=True)
        return NormalizedText(
            original,
            normalized,
            self.run_starts,
            self.orig_starts,
            self.orig_ends,
            bytes(self.linear),
        )


def _rewrite(text: str, events: Iterator[_Event]) -> _MapBuilder:
    built = _MapBuilder()
    position = 0
    for start, end, replacement in events:
        if replacement == text[start:end]:
            continue  # unchanged (a cluster NFC leaves as it is): keep the identity map
        built.copy(text, position, start)
        built.replace(start, end, replacement)
        position = end
    built.copy(text, position, len(text))
    return built


def _merged_events(text: str, *, need_nfc: bool) -> Iterator[_Event]:
    if not need_nfc:
        return _space_events(text)
    return merge(_space_events(text), _cluster_events(text))


_Event = tuple[int, int, str]  # original start, original end, replacement


def _identity(original: str, normalized: str) -> NormalizedText:
    """The map of a text normalised without moving an offset (one linear run)."""
    ends = array("q", [len(original)])
    return NormalizedText(
        original, normalized, array("q", [0]), array("q", [0]), ends, b"\x01", _aligned=True
    )


def _only_tones_may_change(text: str) -> bool:
    """Whether ``text`` is NFC already and has no whitespace to rewrite (the common case)."""
    return unicodedata.is_normalized("NFC", text) and not _has_rewritten(text)


def _has_rewritten(text: str) -> bool:
    """Whether the whitespace or line-break rules change something in ``text``."""
    if "  " in text:
        return True
    if len(text) < _SHORT:  # one pass over a short text beats a scan per character
        return not _REWRITTEN_SET.isdisjoint(text)
    # str.__contains__ runs at C speed; most news text has none of these characters.
    return any(char in text for char in _REWRITTEN_CHARS)


def _space_events(text: str) -> Iterator[_Event]:
    if not _has_rewritten(text):
        return
    for match in _SPECIAL.finditer(text):
        yield match.start(), match.end(), "\n" if match.group("br") is not None else " "


def _cluster_events(text: str) -> Iterator[_Event]:
    # Scan for the rare characters NFC changes, then take the base character before each run:
    # a character that passes NFC's quick check never joins the one before it, so each such
    # cluster normalises on its own.
    for match in _NFC_TRIGGER.finditer(text):
        start, end = match.span()
        if start > 0 and not _is_blank(text[start - 1]):
            start -= 1
        yield start, end, unicodedata.normalize("NFC", text[start:end])


def _is_blank(char: str) -> bool:
    return char.isspace() or char in _NOT_A_BASE


def _grapheme_events(text: str) -> Iterator[_Event]:
    return merge(_space_events(text), _nonblank_grapheme_events(text))


def _nonblank_grapheme_events(text: str) -> Iterator[_Event]:
    for match in regex.finditer(r"\X", text):
        cluster = match.group()
        if not any(_is_blank(char) for char in cluster):  # spaces are _space_events' job
            yield match.start(), match.end(), unicodedata.normalize("NFC", cluster)


_TONED_CLUSTER = regex.compile(r"[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")
_TONED_FIRSTS = frozenset("oOuU")  # the letters a cluster above begins with
_TONED_SECONDS = frozenset("àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ")  # and those it ends with
_LETTER = regex.compile(r"\p{L}")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


@lru_cache(maxsize=1)
def _initials() -> frozenset[str]:
    return frozenset(read_lines("tone_initials.txt"))


def _fix_tone_placement(text: str) -> str:
    # Search the rare two-letter cluster first, then check the syllable around it: much
    # faster than a pattern that tries every initial at every position.
    if len(text) < _SHORT and (_TONED_FIRSTS.isdisjoint(text) or _TONED_SECONDS.isdisjoint(text)):
        return text  # a short text without either letter of a cluster: set tests, no scan
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
    if end < len(text) and _LETTER_OR_MARK.match(text, end):
        return False  # a closed syllable, or marks that would join the vowel left bare
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

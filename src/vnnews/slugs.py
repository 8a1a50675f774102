"""URL slugs for Vietnamese titles: :func:`slugify` and :class:`Slugger`.

The rule, applied in this order (users rely on it; it does not change between releases):

1. Unicode NFC, then ``đ``/``Đ`` and the legacy ``Ð``/``ð`` (U+00D0/U+00F0) become ``d``/``D``.
2. NFKD, and combining marks are dropped (so ``ấ`` → ``a``, ``²`` → ``2``, ``Ａ`` → ``A``).
3. Lowercase (unless ``lowercase=False``).
4. Every maximal run of characters outside ``[a-z0-9]`` becomes one separator; leading and
   trailing separators are dropped.
5. ``sep`` may be any string.
6. ``max_length`` keeps the longest prefix of whole words whose length, separators included, is
   at most ``max_length``; a first word longer than that is cut hard.
7. Letters and digits of other scripts are transliterated with ``unidecode`` when the
   ``vnnews[unidecode]`` extra is installed, otherwise they are separators. Vietnamese never goes
   through ``unidecode``: the precomputed table ``data/slug_vi.tsv`` folds it.

>>> slugify("Chủ động, linh hoạt năm 2022")
'chu-dong-linh-hoat-nam-2022'
>>> slugify("Kết nạp 4.028 đảng viên, đạt 89,51%")
'ket-nap-4-028-dang-vien-dat-89-51'
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from vnnews._data import read_tsv
from vnnews.errors import require_str

__all__ = ["Slugger", "fold_to_ascii", "slugify", "vietnamese_table_text"]

Transliterate = Callable[[str], str]

_VIETNAMESE_TABLE = "slug_vi.tsv"
_LATIN_TABLE = "slug_latin.tsv"
_VIETNAMESE_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_D_LETTERS = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}
# Blocks folded once into the translate table, so that common titles never take the slow path:
# Latin-1, Latin Extended-A/B, combining diacritics, Latin Extended Additional (Vietnamese),
# general punctuation (dashes, curly quotes, zero-width spaces) and currency signs (₫).
_TABLE_BLOCKS = (
    (0x0080, 0x0250),
    (0x0300, 0x0370),
    (0x1E00, 0x1F00),
    (0x2000, 0x2070),
    (0x20A0, 0x20D0),
)


def slugify(
    text: str, *, sep: str = "-", max_length: int | None = None, lowercase: bool = True
) -> str:
    """Turn a Vietnamese title into a URL slug (the rule is in the module documentation).

    Args:
        text: any string; NFD input and old-style tone placement (hoà) give the same slug.
        sep: the separator put between words; any string.
        max_length: the longest slug allowed, separators included (whole words are kept; a
            first word longer than this is cut). ``None`` means no limit.
        lowercase: lowercase the slug (``False`` keeps the case of the letters).

    Returns:
        The slug; ``""`` when the title holds no letter or digit.

    Raises:
        TypeError: ``text`` or ``sep`` is not a ``str``.
        ValueError: ``max_length`` is below 1.

    >>> slugify("Đồng chí Thái Thanh Quý - Ủy viên Trung ương Đảng")
    'dong-chi-thai-thanh-quy-uy-vien-trung-uong-dang'
    >>> slugify("COVID-19: nhiệt độ 40°C", sep="_")
    'covid_19_nhiet_do_40_c'
    >>> slugify("Thủ tướng Phạm Minh Chính", max_length=12)
    'thu-tuong'
    >>> slugify("Hà Nội", lowercase=False)
    'Ha-Noi'
    """
    require_str(text)
    require_str(sep, "sep")
    _check_max_length(max_length)
    return _join_within(_slug_words(text, lowercase), sep, max_length)


def fold_to_ascii(text: str) -> str:
    """Steps 1, 2 and 7 of the rule: ``text`` in ASCII letters, digits and spaces.

    Every character outside ``[A-Za-z0-9]`` becomes a space (a separator to be); case is kept.

    Args:
        text: any string.

    Returns:
        An ASCII string of letters, digits and spaces.

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> fold_to_ascii("Ủy ban – “Đắk Lắk”")
    'Uy ban    Dak Lak '
    """
    folded = require_str(text).translate(_fast_table())
    if folded.isascii():
        return folded
    return _fold_other_scripts(folded).translate(_fast_table())


def _slug_words(text: str, lowercase: bool) -> list[str]:
    folded = fold_to_ascii(text)
    return (folded.lower() if lowercase else folded).split()


def _check_max_length(max_length: int | None) -> None:
    if max_length is not None and not isinstance(max_length, int):
        raise TypeError(f"max_length must be int or None, not {type(max_length).__name__}")
    if max_length is not None and max_length < 1:
        raise ValueError(f"max_length must be at least 1 or None, not {max_length!r}")


def _join_within(words: list[str], sep: str, max_length: int | None) -> str:
    if max_length is None or not words:
        return sep.join(words)
    if len(words[0]) >= max_length:
        return words[0][:max_length]
    length, count = len(words[0]), 1
    for word in words[1:]:
        length += len(sep) + len(word)
        if length > max_length:
            break
        count += 1
    return sep.join(words[:count])


def _fold_other_scripts(text: str) -> str:
    # Only characters the table does not know reach this point (other scripts, emoji, full-width
    # forms, NFD sequences outside the Latin marks). Rule step 1: compose them first.
    composed = unicodedata.normalize("NFC", text)
    return "".join(char if char.isascii() else _fold_unknown(char) for char in composed)


def _fold_unknown(char: str) -> str:
    # unidecode is imported only once a letter of another script is met, never for emoji.
    transliterate = _transliterator() if _needs_transliteration(char) else None
    return _fold_char(char, transliterate)


@lru_cache(maxsize=4096)
def _fold_char(char: str, transliterate: Transliterate | None) -> str:
    folded = _decompose(char)
    if folded.isascii():
        return folded
    if transliterate is not None and _is_letter_or_digit(char):
        return transliterate(char)
    return "".join(part if part.isascii() else " " for part in folded)


def _decompose(char: str) -> str:
    folded = _strip_marks(unicodedata.normalize("NFKD", _D_LETTERS.get(char, char)))
    latin = _latin_letters()
    return "".join(latin.get(part, part) for part in folded)


def _is_letter_or_digit(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


@lru_cache(maxsize=4096)
def _needs_transliteration(char: str) -> bool:
    return _is_letter_or_digit(char) and not _decompose(char).isascii()


def _strip_marks(text: str) -> str:
    # Marks of no script of their own (acute, horn, dot below…) are dropped; the vowel signs
    # of Thai or Devanagari belong to their letters and stay for transliteration.
    return "".join(char for char in text if not _is_generic_mark(char))


def _is_generic_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" and unicodedata.combining(char) != 0


@lru_cache(maxsize=1)
def _transliterator() -> Transliterate | None:
    """``unidecode.unidecode`` when the optional extra is installed, else ``None``."""
    try:
        from unidecode import unidecode
    except ImportError:
        return None
    return unidecode


@lru_cache(maxsize=1)
def _latin_letters() -> dict[str, str]:
    return {row[0]: row[1] for row in read_tsv(_LATIN_TABLE)}


@lru_cache(maxsize=1)
def _fast_table() -> list[str]:
    # A list, not a dict: str.translate looks characters up by index, about three times faster.
    # Characters past its end are left as they are (the slow path takes them).
    table = [chr(code) for code in range(_TABLE_BLOCKS[-1][1])]
    for code in range(128):
        if not chr(code).isalnum():
            table[code] = " "
    for start, end in _TABLE_BLOCKS:
        for code in range(start, end):
            char = chr(code)
            if not _needs_transliteration(char):
                table[code] = _spaces_for_symbols(_fold_char(char, None))
    for char, ascii_form in _latin_letters().items():
        table[ord(char)] = ascii_form
    for row in read_tsv(_VIETNAMESE_TABLE):
        table[ord(row[0])] = row[1]
    return table


def _spaces_for_symbols(folded: str) -> str:
    return "".join(char if char.isalnum() else " " for char in folded)


def _vietnamese_letters() -> list[str]:
    letters = []
    for vowel in _VIETNAMESE_VOWELS:
        for mark in _TONE_MARKS:
            letter = unicodedata.normalize("NFC", vowel + mark)
            letters += [letter, letter.upper()]
    letters += list(_D_LETTERS)
    return [letter for letter in letters if not letter.isascii()]


def vietnamese_table_text() -> str:
    """The text of ``data/slug_vi.tsv``, regenerated from the Unicode Character Database.

    Each Vietnamese letter (every vowel with every tone, upper and lower case, and ``đ``/``Đ``
    with the legacy ``ð``/``Ð``) with its ASCII form. A test regenerates it and compares; to
    rewrite the file run ``python -m vnnews.slugs > src/vnnews/data/slug_vi.tsv``.

    >>> vietnamese_table_text().splitlines()[4]
    'à\\ta\\tU+00E0\\tLATIN SMALL LETTER A WITH GRAVE'
    """
    lines = [
        "# Vietnamese letters and their ASCII forms, for vnnews.slugs (slug rule steps 1-2).",
        "# Source: Unicode Character Database (NFKD decomposition, combining marks dropped;",
        "# đ/Đ and legacy ð/Ð -> d/D). Generated by vnnews.slugs.vietnamese_table_text();",
        "# do not edit by hand. Licence: MIT (vnnews). Columns: letter, ascii, code point, name.",
    ]
    for letter in _vietnamese_letters():
        ascii_form = _strip_marks(unicodedata.normalize("NFKD", _D_LETTERS.get(letter, letter)))
        name = unicodedata.name(letter)
        lines.append(f"{letter}\t{ascii_form}\tU+{ord(letter):04X}\t{name}")
    return "\n".join(lines) + "\n"


class Slugger:
    """Hands out unique slugs for a stream of titles: ``x``, ``x-2``, ``x-3``…

    For a site that must never reuse a slug. Thread-safe: one instance may serve many threads.

    Args:
        sep: separator, as for :func:`slugify` (also before the number).
        max_length: longest slug, number included; the title part is shortened (whole words)
            to make room for the number.
        lowercase: as for :func:`slugify`.
        taken: slugs already in use (say, from the database); they are never handed out.
        fallback: the slug base for a title with no letter or digit.

    Raises:
        TypeError: ``sep`` or ``fallback`` is not a ``str``.
        ValueError: ``max_length`` is below 1, or ``fallback`` gives an empty slug.

    >>> slugger = Slugger()
    >>> [slugger(t) for t in ["Hà Nội", "Hà  Nội", "Ha Noi 2", "Hà Nội", "???"]]
    ['ha-noi', 'ha-noi-2', 'ha-noi-2-2', 'ha-noi-3', 'bai-viet']
    """

    def __init__(
        self,
        *,
        sep: str = "-",
        max_length: int | None = None,
        lowercase: bool = True,
        taken: Iterable[str] = (),
        fallback: str = "bai-viet",
    ) -> None:
        require_str(sep, "sep")
        _check_max_length(max_length)
        self._sep = sep
        self._max_length = max_length
        self._lowercase = lowercase
        self._fallback = _slug_words(require_str(fallback, "fallback"), lowercase)
        if not self._fallback:
            raise ValueError(f"fallback {fallback!r} gives an empty slug")
        self._taken = set(taken)
        self._next_number: dict[str, int] = {}
        self._lock = threading.Lock()

    def __call__(self, title: str) -> str:
        """The slug of ``title``, numbered if needed so that it was never handed out before.

        Args:
            title: any string.

        Returns:
            A slug not in use yet; it is now taken.

        Raises:
            TypeError: ``title`` is not a ``str``.
            ValueError: ``max_length`` leaves no room for a new number.

        >>> slugger = Slugger(taken=["tin-moi"])
        >>> slugger("Tin mới")
        'tin-moi-2'
        """
        words = _slug_words(require_str(title), self._lowercase) or self._fallback
        with self._lock:
            slug = self._first_free(words)
            self._taken.add(slug)
        return slug

    def __contains__(self, slug: object) -> bool:
        """Whether ``slug`` is taken (handed out or reserved)."""
        with self._lock:
            return slug in self._taken

    def __len__(self) -> int:
        """How many slugs are taken."""
        with self._lock:
            return len(self._taken)

    def reserve(self, slug: str) -> None:
        """Mark ``slug`` as taken so that it is never handed out.

        >>> slugger = Slugger()
        >>> slugger.reserve("ha-noi")
        >>> slugger("Hà Nội")
        'ha-noi-2'
        """
        require_str(slug, "slug")
        with self._lock:
            self._taken.add(slug)

    def _first_free(self, words: list[str]) -> str:
        plain = _join_within(words, self._sep, self._max_length)
        if plain not in self._taken:
            return plain
        key = self._sep.join(words)
        number = self._next_number.get(key, 2)
        while True:
            candidate = self._numbered(words, number)
            number += 1
            if candidate not in self._taken:
                self._next_number[key] = number
                return candidate

    def _numbered(self, words: list[str], number: int) -> str:
        suffix = f"{self._sep}{number}"
        if self._max_length is None:
            return self._sep.join(words) + suffix
        room = self._max_length - len(suffix)
        if room >= 1:
            return _join_within(words, self._sep, room) + suffix
        if len(str(number)) <= self._max_length:
            return str(number)
        raise ValueError(f"no unique slug of at most {self._max_length} characters is left")


if __name__ == "__main__":
    import sys

    sys.stdout.write(vietnamese_table_text())

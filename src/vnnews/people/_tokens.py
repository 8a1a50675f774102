"""Split normalised text into word, abbreviation, number and punctuation tokens."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

__all__ = ["Token", "tokenize"]

DASHES = frozenset("-–—")


class Token(NamedTuple):
    """One token of the normalised text: its text, offsets and kind (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    kind: str  # "word", "abbr", "num", "nl" or "punct"
    key: str  # casefolded text, for the lexicons

    @property
    def is_name_word(self) -> bool:
        """A capitalised word that may be part of a name."""
        return self.kind == "word" and self.text[0].isupper()

    @property
    def is_lower_word(self) -> bool:
        """A word written in lowercase."""
        return self.kind == "word" and self.text[0].islower()

    @property
    def is_dash(self) -> bool:
        """A hyphen, en dash or em dash."""
        return self.text in DASHES


_SIMPLE = (
    r"|(?P<word>[\p{L}\p{M}](?:[\p{L}\p{M}\d]|['’](?=\p{L})){0,39})"
    r"|(?P<num>\d{1,20}(?:[.,/:]\d{1,20}){0,4})"
    r"|(?P<nl>\n)"
    r"|(?P<punct>[^\s])"
)


@lru_cache(maxsize=2)
def _token_pattern(compounds: bool = True) -> regex.Pattern[str]:
    part = r"\p{Lu}\p{Ll}?[\p{Lu}\d]{0,7}"
    compound = rf"|{part}(?:[.&/-]{part}){{1,5}}(?![\p{{L}}\d])" if compounds else ""
    return regex.compile(r"(?P<abbr>[Đđ]/[Cc](?![\p{L}\d])" + compound + ")" + _SIMPLE)


def _two_capitals_in_a_row(text: str) -> bool:
    # TP.HCM, ThS.BS and GD&ĐT have them; "Hà-Bí" (a name, a dash, a title) has not.
    return any(
        char.isupper() and (nxt.isupper() or (nxt.islower() and after.isupper()))
        for char, nxt, after in zip(text, text[1:], [*text[2:], ""], strict=False)
    )


def _is_upper_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` (already normalised), in order, spaces dropped.

    >>> [t.text for t in tokenize("Đ/c Quý - Chủ tịch UBND TP.HCM")]
    ['Đ/c', 'Quý', '-', 'Chủ', 'tịch', 'UBND', 'TP.HCM']
    """
    tokens: list[Token] = []
    _tokenize_into(tokens, text, 0, len(text), compounds=True)
    return tokens


def _tokenize_into(
    tokens: list[Token], text: str, start: int, end: int, *, compounds: bool
) -> None:
    for match in _token_pattern(compounds).finditer(text, start, end):
        kind = match.lastgroup or "punct"
        value = match.group()
        if kind == "abbr" and len(value) > 3 and not _two_capitals_in_a_row(value):
            _tokenize_into(tokens, text, match.start(), match.end(), compounds=False)
            continue
        if kind == "word" and _is_upper_abbreviation(value):
            kind = "abbr"
        tokens.append(Token(value, match.start(), match.end(), kind, value.casefold()))

"""Split normalised text into word, abbreviation, number and punctuation tokens.

Two tokenizers give the same tokens. The reference one (:func:`_tokenize_into`) runs the
``regex`` pattern match by match and makes a :class:`Token` of each. The fast one runs the same
pattern, written for the standard ``re`` engine with its character classes spelled out, through
one ``split`` call and keeps the tokens as :class:`Columns`, parallel lists built with C-level
``map`` calls (an article has thousands of tokens; the people scanner looks closely at a few
hundred). It covers the lines made only of Latin, Vietnamese and common punctuation characters,
where the spelled-out classes are exactly the ``regex`` ones; any other line takes the
reference tokenizer. A token never spans a line break, so the two can share a text line by line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import regex

__all__ = ["Columns", "Token", "tokenize", "tokenize_columns"]

DASHES = frozenset("-–—")
_make_token = tuple.__new__  # Token(*fields) without the Python-level __new__


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


class Columns:
    """The tokens of a text as parallel lists: ``texts``, ``starts`` and casefolded ``keys``.

    A token's end is its start plus its length; its kind follows from its text (the class
    of its first character, then "abbr" for an all-capitals word), except for the kinds
    listed in ``kinds`` (abbreviations with a dot, slash, ampersand or hyphen, and every
    token of a line the reference tokenizer read).
    """

    __slots__ = ("_first_kind", "apostrophes", "keys", "kinds", "starts", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.starts: list[int] = []
        self.keys: list[str] = []
        self.kinds: dict[int, str] = {}
        self.apostrophes = False  # whether a token may hold one ("H'Mông")
        self._first_kind = _fast_tokenizer().first_kind

    def __len__(self) -> int:
        return len(self.texts)

    def end(self, index: int) -> int:
        """One past the last character of the token at ``index``."""
        return self.starts[index] + len(self.texts[index])

    def kind(self, index: int) -> str:
        """The kind of the token at ``index``: word, abbr, num, nl or punct."""
        return self.token(index).kind

    def token(self, index: int) -> Token:
        """The token at ``index`` as a :class:`Token`."""
        text, start = self.texts[index], self.starts[index]
        kind = self.kinds.get(index)
        if kind is None:
            kind = self._first_kind[text[0]]
            if kind == "word" and len(text) >= 2 and text.isupper():
                kind = "abbr"
        return _make_token(Token, (text, start, start + len(text), kind, self.keys[index]))

    def add(self, text: str, start: int, kind: str, key: str) -> None:
        """Append a token whose kind is given."""
        self.kinds[len(self.texts)] = kind
        self.texts.append(text)
        self.starts.append(start)
        self.keys.append(key)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` (already normalised), in order, spaces dropped.

    >>> [t.text for t in tokenize("Đ/c Quý - Chủ tịch UBND TP.HCM")]
    ['Đ/c', 'Quý', '-', 'Chủ', 'tịch', 'UBND', 'TP.HCM']
    """
    columns = tokenize_columns(text)
    return [columns.token(index) for index in range(len(columns))]


def tokenize_columns(text: str) -> Columns:
    """The tokens of ``text`` (already normalised) as :class:`Columns`."""
    columns = Columns()
    fast = _fast_tokenizer()
    position = 0
    for rare in fast.unsafe.finditer(text):
        if rare.start() < position:
            continue  # on a line already tokenized
        line_start = text.rfind("\n", 0, rare.start()) + 1
        line_end = text.find("\n", rare.start())
        line_end = len(text) if line_end < 0 else line_end
        fast.tokenize_into(columns, text, position, line_start)
        columns.apostrophes = True  # (not looked for on these lines)
        tokens: list[Token] = []
        _tokenize_into(tokens, text, line_start, line_end, compounds=True)
        for token in tokens:
            columns.add(token.text, token.start, token.kind, token.key)
        position = line_end
    fast.tokenize_into(columns, text, position, len(text))
    return columns


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


# --------------------------------------------------------------------------- fast tokenizer

# Latin (with Latin-1, Extended-A and -B), Vietnamese letters, general punctuation, currency.
_SAFE_RANGES = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF))


def _char_class(chars: str) -> str:
    """A ``re`` character class body for ``chars``, as ``\\uXXXX`` ranges."""
    codes = sorted({ord(char) for char in chars})
    parts = []
    index = 0
    while index < len(codes):
        first = last = codes[index]
        while index + 1 < len(codes) and codes[index + 1] == last + 1:
            index += 1
            last = codes[index]
        parts.append(f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}")
        index += 1
    return "".join(parts)


class _FastTokenizer:
    """The token pattern in ``re`` for the safe characters, and the C-level column builder."""

    def __init__(self) -> None:
        safe = "".join(chr(code) for low, high in _SAFE_RANGES for code in range(low, high + 1))

        def members(pattern: str) -> str:  # the safe characters ``regex`` puts in a class
            return "".join(regex.findall(pattern, safe))

        upper, lower = _char_class(members(r"\p{Lu}")), _char_class(members(r"\p{Ll}"))
        letter, word = _char_class(members(r"\p{L}")), _char_class(members(r"[\p{L}\p{M}]"))
        digit, space = _char_class(members(r"\d")), _char_class(members(r"\s"))
        part = f"[{upper}][{lower}]?[{upper}{digit}]{{0,7}}"
        abbreviation = (
            f"[Đđ]/[Cc](?![{letter}{digit}])|{part}(?:[.&/-]{part}){{1,5}}(?![{letter}{digit}])"
        )
        rest = f"|[{digit}]{{1,20}}(?:[.,/:][{digit}]{{1,20}}){{0,4}}|\\n|[^{space}]"
        # ``split`` with the whole token in a group: [gap, token, gap, token, ..., gap], the
        # gaps being the spaces between tokens. Without apostrophes in the text a word is a
        # plain run of letters and digits.
        self.pattern = re.compile(
            f"({abbreviation}|[{word}](?:[{word}{digit}]|['’](?=[{letter}])){{0,39}}{rest})"
        )
        self.plain_pattern = re.compile(f"({abbreviation}|[{word}][{word}{digit}]{{0,39}}{rest})")
        # Every abbreviation with a separator has one of these inside ("TP.HCM", "Đ/c"); the
        # token that holds it is checked.
        self.separator = re.compile(f"[.&/-](?=[{upper}Cc])")
        self.unsafe = re.compile(f"[^{_char_class(safe)}]")
        kinds = dict.fromkeys(safe, "punct")
        kinds.update(dict.fromkeys(members(r"[\p{L}\p{M}]"), "word"))
        kinds.update(dict.fromkeys(members(r"\d"), "num"))
        kinds["\n"] = "nl"
        self.first_kind = kinds

    def tokenize_into(self, columns: Columns, text: str, start: int, end: int) -> None:
        """Append the tokens of ``text[start:end]`` (safe characters only) to ``columns``."""
        segment = text[start:end]
        plain = "'" not in segment and "’" not in segment
        columns.apostrophes = columns.apostrophes or not plain
        parts = (self.plain_pattern if plain else self.pattern).split(segment)
        if len(parts) < 3:
            return
        texts = parts[1::2]
        starts = list(accumulate(map(len, parts), initial=start))[1:-1:2]
        keys = list(map(str.casefold, texts))
        compounds = {
            bisect_right(starts, start + found.start()) - 1
            for found in self.separator.finditer(segment)
        }
        done = 0
        for index in sorted(compounds):
            value = texts[index]
            if self.first_kind[value[0]] != "word" or not _SEPARATOR.search(value):
                continue  # a separator between two tokens, or a token of its own
            columns.texts += texts[done:index]
            columns.starts += starts[done:index]
            columns.keys += keys[done:index]
            done = index + 1
            if len(value) > 3 and not _two_capitals_in_a_row(value):
                pieces: list[Token] = []  # "Hà-Bí", "Tp.Hồ": not one abbreviation
                _tokenize_into(
                    pieces, text, starts[index], starts[index] + len(value), compounds=False
                )
                for piece in pieces:
                    columns.add(piece.text, piece.start, piece.kind, piece.key)
            else:
                columns.add(value, starts[index], "abbr", keys[index])
        if done:
            texts, starts, keys = texts[done:], starts[done:], keys[done:]
        columns.texts += texts
        columns.starts += starts
        columns.keys += keys


_SEPARATOR = re.compile("[./&-]")


@lru_cache(maxsize=1)
def _fast_tokenizer() -> _FastTokenizer:
    return _FastTokenizer()

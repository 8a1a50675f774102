"""Split normalised text into word, abbreviation, number and punctuation tokens.

Two tokenizers give the same tokens. The reference one (:func:`_tokenize_into`) runs the
``regex`` pattern match by match and makes a :class:`Token` of each. The fast one keeps the
tokens as :class:`Columns`, parallel lists built by C-level calls (an article has thousands of
tokens; the people scanner looks closely at a few hundred): it splits the text at its spaces,
takes each chunk of letters alone as a word, and reads the other chunks with plain string
tests or, where these do not settle it, the same pattern written for the standard ``re``
engine with its character classes spelled out. It covers the lines made only of Latin,
Vietnamese and common punctuation characters, where the spelled-out classes are exactly the
``regex`` ones; any other line takes the reference tokenizer. A token never spans a line
break, so the two can share a text line by line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, filterfalse
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
    for rare in fast.unsafe.finditer(text) if _has_unsafe(text) else ():
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

# Latin (Basic, Latin-1, Extended-A and -B, IPA and spacing modifiers), the Vietnamese letters
# of Latin Extended Additional, general punctuation, super- and subscripts, currency and marks
# for symbols: whole blocks of 256 characters, so that a text is checked by the high bytes of
# its UTF-16 code units (:func:`_has_unsafe`).
_SAFE_RANGES = ((0x0000, 0x02FF), (0x1E00, 0x1EFF), (0x2000, 0x20FF))
_SAFE_BLOCKS = bytes(
    block for low, high in _SAFE_RANGES for block in range(low >> 8, (high >> 8) + 1)
)


def _has_unsafe(text: str) -> bool:
    """Whether ``text`` has a character outside the safe ranges.

    A few C-level passes over bytes, several times cheaper than searching the text for one
    with a pattern (a character beyond the BMP is a surrogate pair, outside the blocks).
    """
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    return bool(high_bytes.translate(None, _SAFE_BLOCKS))


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
    """The token pattern in ``re`` for the safe characters, and the C-level column builder.

    Most of a text needs no pattern: split at its spaces, it is mostly chunks of letters
    alone, each of them one word token (a word is at most 40 characters; a longer chunk sends
    its whole segment to the pattern). A comma or full stop before a space is a token of its
    own and the text before it reads as before a space, so these are blanked out before the
    split: each leaves an empty chunk just after its place, where it is put back, and the
    offsets of the chunks stay those of the text. The other chunks (line breaks, numbers,
    words with a mark before or after them, abbreviations) are read one by one, most of them
    by plain string tests and the rest by the pattern.
    """

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
        number = f"[{digit}]{{1,20}}(?:[.,/:][{digit}]{{1,20}}){{0,4}}"
        # ``split`` with the whole token in a group: [gap, token, gap, token, ..., gap], the
        # gaps being the spaces between tokens.
        self.pattern = re.compile(
            f"({abbreviation}|[{word}](?:[{word}{digit}]|['’](?=[{letter}])){{0,39}}"
            f"|{number}|\\n|[^{space}])"
        )
        self.number = re.compile(number)
        # Every abbreviation with a separator has one of these inside ("TP.HCM", "Đ/c"); the
        # token that holds it is checked.
        self.separator = re.compile(f"[.&/-](?=[{upper}Cc])")
        self.unsafe = re.compile(f"[^{_char_class(safe)}]")
        kinds = dict.fromkeys(safe, "punct")
        kinds.update(dict.fromkeys(members(r"[\p{L}\p{M}]"), "word"))
        kinds.update(dict.fromkeys(members(r"\d"), "num"))
        kinds["\n"] = "nl"
        self.first_kind = kinds
        # The punctuation marks: each one a token of its own, whatever stands around it,
        # except inside an abbreviation or a number, or an apostrophe inside a word.
        spaces = frozenset(members(r"\s"))
        self.marks = frozenset(char for char, kind in kinds.items() if kind == "punct") - spaces

    def tokenize_into(self, columns: Columns, text: str, start: int, end: int) -> None:
        """Append the tokens of ``text[start:end]`` (safe characters only) to ``columns``."""
        segment = text[start:end]
        columns.apostrophes = columns.apostrophes or "'" in segment or "’" in segment
        first = len(columns.texts)
        chunks = segment.replace(", ", "  ").replace(". ", "  ").split(" ")
        # The chunk lengths as bytes: a check for a chunk longer than a word and, each plus
        # one for the space after it, the offsets, all in C-level passes.
        try:
            sizes = bytes(map(len, chunks))
        except ValueError:  # a chunk of 256 characters or more
            sizes = b"\xff"
        if sizes.translate(None, _UP_TO_40):  # a chunk longer than a word can be
            self._split_into(columns, text, start, end)
        else:
            offsets = list(accumulate(sizes.translate(_PLUS_ONE), initial=start))
            self._chunks_into(columns, text, chunks, offsets)
        columns.keys += map(str.casefold, columns.texts[first:])

    def _chunks_into(
        self, columns: Columns, text: str, chunks: list[str], offsets: list[int]
    ) -> None:
        """Append the tokens of ``chunks`` (``offsets``: where each starts, then the end + 1).

        The chunks of letters alone and the single marks are tokens as they stand, and stay
        where they are; the others, a few in a sentence, are looked at in order, the tokens
        between two of them copied in one slice.
        """
        texts, starts, marks = columns.texts, columns.starts, self.marks
        start = offsets[0]
        done = seen = 0
        for chunk in filterfalse(str.isalpha, chunks):
            index = chunks.index(chunk, seen)
            seen = index + 1
            if chunk in marks:
                continue
            at = offsets[index]
            if not chunk and at > start and text[at - 1] != " ":
                # Just after a blanked-out comma or full stop (not a second space): put it back.
                chunks[index], offsets[index] = text[at - 1], at - 1
                continue
            texts += chunks[done:index]
            starts += offsets[done:index]
            done = seen
            if "\n" in chunk:
                self._lines_into(columns, text, chunk, at)
            elif chunk:  # (an empty one: two spaces in a row)
                self._piece_into(columns, text, chunk, at)
        texts += chunks[done:]
        starts += offsets[done:-1]

    def _lines_into(self, columns: Columns, text: str, chunk: str, at: int) -> None:
        """Append the tokens of a chunk with line breaks in it (the end of a paragraph)."""
        texts, starts = columns.texts, columns.starts
        for line in chunk.split("\n"):
            if line.isalpha() or line in self.marks:
                texts.append(line)
                starts.append(at)
            elif line:
                self._piece_into(columns, text, line, at)
            at += len(line)
            texts.append("\n")
            starts.append(at)
            at += 1
        del texts[-1], starts[-1]  # (one line break fewer than lines)

    def _piece_into(self, columns: Columns, text: str, piece: str, at: int) -> None:
        """Append the tokens of ``piece``, a chunk of at most 40 characters starting at ``at``.

        A word or a number with one mark after it ("tỉnh;", "2021)"), a word with one mark
        before it ("(khóa"), a number alone ("2022", "4.028") and words and numbers joined by
        hyphens ("COVID-19") need no pattern.
        """
        texts, starts = columns.texts, columns.starts
        head = piece[:-1]
        if piece[-1] in self.marks and (head.isalpha() or (head.isdecimal() and len(head) <= 20)):
            texts += (head, piece[-1])
            starts += (at, at + len(head))
        elif piece[0] in self.marks and piece[1:].isalpha():
            texts += (piece[0], piece[1:])
            starts += (at, at + 1)
        elif self.number.fullmatch(piece):
            texts.append(piece)
            starts.append(at)
        elif self._hyphenated(piece):
            for part in piece.split("-"):
                texts += (part, "-")
                starts += (at, at + len(part))
                at += len(part) + 1
            del texts[-1], starts[-1]
        else:
            self._split_into(columns, text, at, at + len(piece))

    def _hyphenated(self, piece: str) -> bool:
        """Words and numbers joined by hyphens, none of them part of an abbreviation."""
        return (
            "-" in piece
            and not self.separator.search(piece)
            and all(part.isalpha() or self.number.fullmatch(part) for part in piece.split("-"))
        )

    def _split_into(self, columns: Columns, text: str, start: int, end: int) -> None:
        """Append the tokens of ``text[start:end]`` as the token pattern reads them."""
        segment = text[start:end]
        parts = self.pattern.split(segment)
        texts = parts[1::2]
        starts = list(accumulate(map(len, parts), initial=start))[1:-1:2]
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
            done = index + 1
            if len(value) > 3 and not _two_capitals_in_a_row(value):
                pieces: list[Token] = []  # "Hà-Bí", "Tp.Hồ": not one abbreviation
                _tokenize_into(
                    pieces, text, starts[index], starts[index] + len(value), compounds=False
                )
                for piece in pieces:
                    _add(columns, piece.text, piece.start, piece.kind)
            else:
                _add(columns, value, starts[index], "abbr")
        if done:
            texts, starts = texts[done:], starts[done:]
        columns.texts += texts
        columns.starts += starts


def _add(columns: Columns, text: str, start: int, kind: str) -> None:
    """Append a token whose kind is given, its key left for the caller to add."""
    columns.kinds[len(columns.texts)] = kind
    columns.texts.append(text)
    columns.starts.append(start)


_SEPARATOR = re.compile("[./&-]")
# Byte tables for the chunk lengths: the lengths up to a word's 40 (deleted, to find a longer
# one) and each length plus one (the space after the chunk), for the offsets.
_UP_TO_40 = bytes(range(41))
_PLUS_ONE = bytes(range(1, 256)) + bytes(1)


@lru_cache(maxsize=1)
def _fast_tokenizer() -> _FastTokenizer:
    return _FastTokenizer()

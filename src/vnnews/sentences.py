"""Split Vietnamese news text into sentences, with spans into the original string.

The splitter reads the text line by line (every line break ends a segment, so headings,
captions, bylines and boilerplate lines stand alone) and, inside a line, looks at each run of
final marks (``.``, ``!``, ``?``, ``…``). Whether a run ends a sentence is decided from three
things: what the mark is attached to (an abbreviation such as ``TP.``, an initial such as
``Lê Thị H.``, a number, an outline number, or an ordinary word), whether a closing quote or
bracket follows it, and the first token after it (capitalised, lowercase, a digit or
punctuation). Colons and semicolons never end a sentence.

>>> split_sentences("Sáng 20/1, TP. Hồ Chí Minh có mưa. Nhiệt độ giảm mạnh.")
['Sáng 20/1, TP. Hồ Chí Minh có mưa.', 'Nhiệt độ giảm mạnh.']
>>> split_sentences("“Tôi sẽ về sớm.” Bà Lan nói rồi đi.\\nẢnh minh họa")
['“Tôi sẽ về sớm.”', 'Bà Lan nói rồi đi.', 'Ảnh minh họa']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from vnnews._data import read_lines, read_tsv
from vnnews.errors import require_str
from vnnews.normalization import normalize_with_offsets

__all__ = ["sentence_spans", "split_sentences"]

# The characters the normaliser folds: any run of spaces (tabs, NBSP, zero-width characters…)
# reads as one space, and every line break ends a line. The splitter reads them the same way on
# raw text, so NFC text is split as it stands, without a normalisation pass.
_SPACE_LIST = (
    " \t\u00a0\u1680"
    + "".join(chr(code) for code in range(0x2000, 0x200B))
    + "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)
_SPACES = frozenset(_SPACE_LIST)
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_CLOSERS = "”’»›)]}"
_OPENERS = "\"'“‘«‹([{"
# Characters skipped to reach the first word after a boundary candidate: opening quotes and
# brackets, dashes and bullets of an inline list, and a leading ellipsis ("… Rồi").
_LEAD_IN = _OPENERS + "-–—•*·.…"
_BULLETS = "-–—•+*·▪●◦"
_AFTER_CLOSING_QUOTE = ".,;:!?)]}…-–—"
_BEFORE_OPENING_QUOTE = ":([{"
_MAX_QUOTATION = 600  # characters; longer quotations are rare in news
_MAX_TOKEN = 64  # longest word looked at around a mark; keeps every decision O(1)
_MAX_LEAD_IN = 16  # tokens (a run of spaces counts as one) skipped to find the next word


class _Head:
    """What the final mark is attached to (plain strings: they are hashed on every mark)."""

    TERMINAL = "a ? or ! run"
    ELLIPSIS = "an ellipsis"
    PERIOD = "a dot after an ordinary word"
    PREFIX = "a dot after an abbreviation written before a name or number (TP., TS., Q.)"
    FINAL = "a dot after an abbreviation that may end a sentence (v.v., Corp.)"
    INITIAL = "a dot after a lone letter that is not part of a name (vitamin C.)"
    NAME_INITIAL = "a dot after an initial of a name (Lê Thị H., N.V.H.)"
    NUMBER = "a dot after a number, time, code or date (1.553., 17h.)"
    OUTLINE = "a dot after an outline number (1., I., Điều 1.) opening a segment or after : ; ,"


class _Next:
    """The kind of the first token after the mark (and any closing quotes)."""

    CAPITAL = "capitalised word"
    STARTER = "capitalised word that starts sentences (Sau, Theo, Trong)"
    COMPANY = "company-form abbreviation that continues a name (Co. Ltd, Corp. Inc.)"
    LOWER = "lowercase word"
    DIGIT = "number"
    OTHER = "punctuation or nothing"


_CAPITALISED = frozenset({_Next.CAPITAL, _Next.STARTER, _Next.COMPANY})

# Which next tokens make each kind of mark a sentence boundary.
_BOUNDARY_BEFORE: dict[str, frozenset[str]] = {
    _Head.TERMINAL: _CAPITALISED | {_Next.LOWER, _Next.DIGIT},
    _Head.PERIOD: _CAPITALISED | {_Next.LOWER, _Next.DIGIT},
    _Head.ELLIPSIS: _CAPITALISED,
    _Head.FINAL: frozenset({_Next.CAPITAL, _Next.STARTER}),
    _Head.INITIAL: _CAPITALISED,
    _Head.NUMBER: _CAPITALISED,
    _Head.PREFIX: frozenset({_Next.STARTER}),
    _Head.NAME_INITIAL: frozenset({_Next.STARTER}),
    _Head.OUTLINE: frozenset(),
}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Find the sentences and lines of ``text``, as spans into the original string.

    Every line break ends a segment and blank lines are skipped; inside a line, sentences
    end at ``.``, ``!``, ``?`` or ``…`` as the module documentation describes.

    Args:
        text: any string (NFD, old-style tone marks, CRLF and odd spaces are fine).

    Returns:
        ``(start, end)`` spans into ``text``, in order and non-overlapping, each stripped of
        surrounding whitespace; together they cover every non-space character. ``[]`` for
        empty or blank text.

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> text = "Ông N.V.H. (Q. 1) đến lúc 7.30. Ông chờ..."
    >>> [text[start:end] for start, end in sentence_spans(text)]
    ['Ông N.V.H. (Q. 1) đến lúc 7.30.', 'Ông chờ...']
    >>> sentence_spans("Mưa lớn.\\n\\n  Gió mạnh!  ")
    [(0, 8), (12, 21)]
    """
    if unicodedata.is_normalized("NFC", require_str(text)):
        spans = _segments(text)
        if not _patterns().other_space.search(text):
            return spans  # already stripped: nothing else str.isspace() calls space
        spans = [_strip_original(text, start, end) for start, end in spans]
    else:
        normalized = normalize_with_offsets(text)
        spans = [
            _strip_original(text, *normalized.original_span(start, end))
            for start, end in _segments(normalized.text)
        ]
    return [(start, end) for start, end in spans if start < end]


def _sentences_in(text: str, lines: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Internal, for ``vnnews.article``: the sentence spans of some lines of ``text``, each
    given by its span (a whole line, stripped), as :func:`sentence_spans` of each line alone
    gives them, shifted. The line splitter reads only inside the span it is given, so on NFC
    text it runs on the lines in place.
    """
    if not unicodedata.is_normalized("NFC", text) or _patterns().other_space.search(text):
        return [
            (start + first, end + first)
            for first, last in lines
            for start, end in sentence_spans(text[first:last])
        ]
    spans: list[tuple[int, int]] = []
    for first, last in lines:
        _LineSplitter(text, first, last).split_into(spans)
    return spans


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences and lines: the texts of :func:`sentence_spans`.

    Args:
        text: any string.

    Returns:
        The sentences, each an exact substring of ``text`` (nothing is rewritten).

    Raises:
        TypeError: ``text`` is not a ``str``.

    >>> split_sentences("Giá tăng v.v. Nhờ đó lãi 1.553 tỷ đồng. Năm nay khác?! Chưa rõ.")
    ['Giá tăng v.v.', 'Nhờ đó lãi 1.553 tỷ đồng.', 'Năm nay khác?!', 'Chưa rõ.']
    >>> split_sentences("“Sao vậy?”, bà Lan hỏi. Chờ đã... rồi đi.")
    ['“Sao vậy?”, bà Lan hỏi.', 'Chờ đã... rồi đi.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


# ---------------------------------------------------------------- word lists and patterns


@dataclass(frozen=True)
class _Lexicon:
    prefix_abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    starters: frozenset[str]
    name_titles: frozenset[str]
    outline_words: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    rows = read_tsv("sentence_abbreviations.tsv")
    return _Lexicon(
        prefix_abbreviations=frozenset(row[0] for row in rows if row[1] == "prefix"),
        final_abbreviations=frozenset(row[0] for row in rows if row[1] == "final"),
        starters=frozenset(read_lines("sentence_starters.txt")),
        name_titles=frozenset(read_lines("sentence_name_titles.txt")),
        outline_words=frozenset(read_lines("sentence_outline_words.txt")),
    )


@dataclass(frozen=True)
class _Patterns:
    lines: regex.Pattern[str]
    other_space: regex.Pattern[str]
    marks: regex.Pattern[str]
    word_char: regex.Pattern[str]
    token_before: regex.Pattern[str]
    word_before: regex.Pattern[str]
    next_token: regex.Pattern[str]
    outline_number: regex.Pattern[str]
    initials: regex.Pattern[str]
    lowercase_word: regex.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    not_space, space = f"[^{regex.escape(_SPACE_LIST)}]", f"[{regex.escape(_SPACE_LIST)}]"
    lead_in = regex.escape(_LEAD_IN)
    return _Patterns(
        lines=regex.compile(f"[^{regex.escape(_LINE_BREAKS)}]++"),
        other_space=regex.compile(r"[\x1c-\x1f]"),  # spaces to str.isspace(), not to Unicode
        # A whole run of marks (the lookbehind keeps a long run from being retried at each of
        # its characters). One glued to a lowercase letter or a digit (4.028, TP.hcm,
        # a.b@c.vn) never ends a sentence, so it is not even looked at.
        marks=regex.compile(r"(?<![.!?…])[.!?…]++(?![\p{Ll}\p{Nd}])"),
        word_char=regex.compile(r"[\p{L}\p{N}]"),
        # Matched backwards ((?r)) from a position: the non-space run that ends there.
        token_before=regex.compile(f"(?r){not_space}{{0,{_MAX_TOKEN}}}"),
        word_before=regex.compile(f"(?r)(?P<word>{not_space}{{1,{_MAX_TOKEN}}}){space}++"),
        next_token=regex.compile(
            f"(?:{space}++|[{lead_in}]){{0,{_MAX_LEAD_IN}}}+"
            r"(?:(?P<upper>\p{Lu}\p{L}{0,39})|(?P<lower>\p{Ll})|(?P<digit>\p{Nd}))?"
        ),
        outline_number=regex.compile(r"\d{1,3}(?:\.\d{1,3}){0,4}|[IVXLCDM]{1,7}|\p{L}"),
        # A lone letter, a Vietnamese initial digraph (Th., Ng.) or dotted initials (N.V.H.).
        initials=regex.compile(r"\p{L}|Ch|Gh|Gi|Kh|Ng|Ngh|Nh|Ph|Qu|Th|Tr|(?:\p{Lu}\.){1,5}\p{Lu}"),
        lowercase_word=regex.compile(r"\p{Ll}{2,40}"),
    )


# ---------------------------------------------------------------- lines and segments


def _segments(text: str) -> list[tuple[int, int]]:
    """The segments of ``text``: its lines, cut at the sentence boundaries inside them."""
    segments: list[tuple[int, int]] = []
    for line in _patterns().lines.finditer(text):
        _LineSplitter(text, line.start(), line.end()).split_into(segments)
    return segments


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    return start, end


def _strip_original(text: str, start: int, end: int) -> tuple[int, int]:
    """Also drop what ``str.isspace`` calls space (U+001C–U+001F) from the ends."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the usual case, without the loops
    while start < end and (text[start].isspace() or text[start] in _SPACES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACES):
        end -= 1
    return start, end


class _LineSplitter:
    """Walks the final marks of one line and collects its sentence spans.

    Every per-mark look-up is bounded (``_MAX_TOKEN``, ``_MAX_LEAD_IN``), and the running
    scans (straight-quote roles, "has the segment a word yet") only move forward, so a line
    is split in time linear in its length whatever it contains.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start, self.end = _strip(text, start, end)
        self.quotes_read_to = self.start
        self.quote_open = False
        self.quote_opened_at = self.start
        self.segment_start = self.start
        self.word_scanned_to = self.start
        self.segment_has_word = False

    def split_into(self, segments: list[tuple[int, int]]) -> None:
        """Append the segments of the line to ``segments``."""
        text, end = self.text, self.end
        if self.start >= end:
            return
        consumed = self.start
        for mark in _patterns().marks.finditer(text, self.start, end):
            mark_start, mark_end = mark.span()
            if mark_start < consumed:
                continue  # already taken into the previous mark's closing run
            if mark_end + 1 < end and text[mark_end] == " " and text[mark_end + 1].isalnum():
                stop, closed = mark_end, False  # the common case: no closing run
            else:
                stop, closed = self._closing_run(mark_end)
            consumed = stop
            if (
                stop < end
                and (self.segment_has_word or self._has_word_before(mark_start))
                and self._ends(mark, stop, closed)
            ):
                segments.append((self.segment_start, stop))
                self.segment_start, _ = _strip(text, stop, end)
                self.word_scanned_to = self.segment_start
                self.segment_has_word = False
        segments.append((self.segment_start, end))

    # -- running scans

    def _quote_closes(self, position: int) -> bool:
        """Whether the straight double quote at ``position`` closes a quotation.

        Quotes are read once, left to right. Spacing and the neighbouring punctuation decide
        where they can (``word"`` closes, ``"word`` opens, ``" .`` closes, ``: "`` opens);
        a quote spaced on both sides between words (tokenised text) takes the role that
        alternates with the quote before it, so one stray quote cannot flip the rest.
        """
        text = self.text
        quote = text.find('"', self.quotes_read_to, position + 1)
        while quote >= 0:
            # A quotation left open for very long was most likely never closed (a stray
            # quote): read the next ambiguous quote as opening a new one.
            still_open = self.quote_open and quote - self.quote_opened_at <= _MAX_QUOTATION
            closes = _quote_role_closes(text, quote, self.start, self.end, still_open)
            if not closes:
                self.quote_opened_at = quote
            self.quote_open = not closes
            self.quotes_read_to = quote + 1
            quote = text.find('"', self.quotes_read_to, position + 1)
        return not self.quote_open

    def _has_word_before(self, position: int) -> bool:
        if position > self.word_scanned_to:
            found = _patterns().word_char.search(self.text, self.word_scanned_to, position)
            self.segment_has_word = found is not None
            self.word_scanned_to = position
        return self.segment_has_word

    # -- the closing run after a mark: quotes, brackets, spaced marks (`? " .`)

    def _closing_run(self, position: int) -> tuple[int, bool]:
        """Extend a mark over what still belongs to its sentence; report a closer was seen."""
        text, end = self.text, self.end
        closed = False
        while position < end:
            at = position
            while at < end and text[at] in _SPACES:
                at += 1
            if at == end:
                break
            role = self._closing_role(at, spaced=at > position)
            if role is None:
                break
            closed = closed or role
            position = at + 1
        return position, closed

    def _closing_role(self, at: int, spaced: bool) -> bool | None:
        """True for a closing quote or bracket, False for one more final mark, else None."""
        char = self.text[at]
        if char in _CLOSERS or (char == "'" and not spaced):
            return True
        if char == '"':
            return True if self._quote_closes(at) else None
        if char in "!?" or (char == "." and not spaced):
            return False
        if char == "." and self.text[at + 1 : at + 2] not in (".", "…"):
            return False  # a tokenised final dot after a quote or a mark: `? " .`
        return None

    # -- the decision

    def _ends(self, mark: regex.Match[str], stop: int, closed: bool) -> bool:
        if self.text[stop] not in _SPACES:
            return self._glued_boundary(mark, stop, closed)
        following = _next_token(self.text, stop, self.end)
        if following == _Next.OTHER or (closed and following == _Next.LOWER):
            return False  # punctuation next, or a quotation and its attribution ("…?” bà hỏi.")
        return following in _BOUNDARY_BEFORE[self._head(mark)]

    def _glued_boundary(self, mark: regex.Match[str], stop: int, closed: bool) -> bool:
        """A missing space after a final mark, as in "…trong năm.Năm nay…"."""
        text = self.text
        if closed or mark.group() not in (".", "!", "?") or stop + 1 >= self.end:
            return False
        if not (text[stop].isupper() and text[stop + 1].islower()):
            return False
        word = text[_token_start(text, self.start, mark.start()) : mark.start()]
        lexicon = _lexicon()
        return (
            _patterns().lowercase_word.fullmatch(word) is not None
            and word not in lexicon.prefix_abbreviations
            and word not in lexicon.final_abbreviations
        )

    def _head(self, mark: regex.Match[str]) -> str:
        marks = mark.group()
        if "!" in marks or "?" in marks:
            return _Head.TERMINAL
        if len(marks) > 1 or marks == "…":
            return _Head.ELLIPSIS
        start = mark.start()
        if start == self.segment_start or self.text[start - 1] in _SPACES:
            return _Head.PERIOD  # a detached dot, as in tokenised text ("ra đi .")
        word = self.text[_token_start(self.text, self.segment_start, start) : start]
        word = word.lstrip(_OPENERS)
        if not word:
            return _Head.PERIOD
        return self._classify_word(word, mark.start() - len(word))

    def _classify_word(self, word: str, word_start: int) -> str:
        patterns, lexicon = _patterns(), _lexicon()
        short = len(word) <= 11 or word[0].isdigit()  # only short words can be these two
        if (
            short
            and patterns.outline_number.fullmatch(word)
            and (self._starts_outline(word_start) or self._follows_list_mark(word_start))
        ):
            return _Head.OUTLINE
        is_initial = short and patterns.initials.fullmatch(word) is not None
        name_context = is_initial and self._in_name(word_start)
        if is_initial and ("." in word or (name_context and (len(word) > 1 or word.isupper()))):
            return _Head.NAME_INITIAL  # before the abbreviations: "Lê Văn P." is not "phường"
        abbreviation = _abbreviation_kind(word, lexicon)
        if abbreviation is not None:
            return abbreviation
        if is_initial:
            return _Head.NAME_INITIAL if name_context else _Head.INITIAL
        if word[0].isdigit():
            return _Head.NUMBER
        return _Head.PERIOD

    def _starts_outline(self, word_start: int) -> bool:
        """An outline number opens the segment, alone or after "Điều", "Chương"…"""
        if word_start - self.segment_start > 2 * _MAX_LEAD_IN:
            return False
        before = self.text[self.segment_start : word_start]
        if all(char in _BULLETS or char in _OPENERS or char in _SPACES for char in before):
            return True
        label = before.strip(_BULLETS + "".join(_SPACES)).casefold()
        return " ".join(label.split()) in _lexicon().outline_words

    def _follows_list_mark(self, word_start: int) -> bool:
        """An enumerator inside a line: "Yêu cầu: 1. An toàn; 2. Đúng hạn"."""
        position = word_start
        floor = max(self.segment_start, word_start - _MAX_LEAD_IN)
        while position > floor and self.text[position - 1] in _SPACES:
            position -= 1
        return position > floor and self.text[position - 1] in ":;,"

    def _in_name(self, word_start: int) -> bool:
        """An initial at the segment start, or after a capitalised word or a title (ông, chị)."""
        if self._starts_outline(word_start):
            return True
        previous = _patterns().word_before.match(self.text, self.segment_start, word_start)
        if previous is None:
            return False
        word = previous.group("word").lstrip(_OPENERS)
        return bool(word) and (word[0].isupper() or word in _lexicon().name_titles)


def _quote_role_closes(text: str, position: int, start: int, end: int, is_open: bool) -> bool:
    """Whether the straight quote at ``position`` closes (see ``_quote_closes``)."""
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    before_space, after_space = before in _SPACES, after in _SPACES
    if not before_space and (after_space or after in _AFTER_CLOSING_QUOTE):
        return True
    if before_space and after.isalnum():
        return False
    if before_space and after_space:
        previous = _token_start(text, start, position)
        previous_char = text[previous - 1] if previous > start else ""
        following = _next_char(text, position + 1, end)
        if following in ("", *_AFTER_CLOSING_QUOTE):
            return True
        if previous_char in ("", *_BEFORE_OPENING_QUOTE):
            return False
    return is_open


def _token_start(text: str, floor: int, position: int) -> int:
    """Where the non-space run ending at ``position`` starts (at most ``_MAX_TOKEN`` back)."""
    token = _patterns().token_before.match(text, floor, position)
    return position if token is None else token.start()


def _next_char(text: str, position: int, end: int) -> str:
    """The first non-space character from ``position`` within ``_MAX_LEAD_IN`` characters."""
    limit = min(end, position + _MAX_LEAD_IN)
    while position < limit and text[position] in _SPACES:
        position += 1
    return text[position] if position < end and text[position] not in _SPACES else ""


def _abbreviation_kind(word: str, lexicon: _Lexicon) -> str | None:
    """PREFIX or FINAL for a listed abbreviation or a dotted compound of them (PGS.TS)."""
    if word in lexicon.final_abbreviations:
        return _Head.FINAL
    if word in lexicon.prefix_abbreviations:
        return _Head.PREFIX
    if "." in word and all(part in lexicon.prefix_abbreviations for part in word.split(".")):
        return _Head.PREFIX
    return None


def _next_token(text: str, position: int, end: int) -> str:
    """Classify the first word after ``position``, past spaces and opening punctuation."""
    token = _patterns().next_token.match(text, position, end)
    if token is None or token.lastgroup is None:
        return _Next.OTHER
    if token.lastgroup == "upper":
        word, lexicon = token.group("upper"), _lexicon()
        if word.casefold() in lexicon.starters:
            return _Next.STARTER
        return _Next.COMPANY if word in lexicon.final_abbreviations else _Next.CAPITAL
    return _Next.LOWER if token.lastgroup == "lower" else _Next.DIGIT

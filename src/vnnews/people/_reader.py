"""Read titles, organisations, honorifics and names from a token list.

Every method looks at a bounded number of tokens (a title at most ``_ORG_LIMIT`` tokens, a
name at most six), so the scanner that calls them stays linear in the input length.
"""

from __future__ import annotations

from typing import NamedTuple

from vnnews.people._lexicon import Lexicons
from vnnews.people._tokens import Columns, Token

__all__ = ["NameSplit", "Reader", "TitleParse"]

_ORG_LIMIT = 40
_MAX_NAME = 6
_NAME_LOOKBACK = 12
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'(-–—…[")
_LINE_OR_SENTENCE_OPENERS = _SENTENCE_OPENERS | {"\n"}  # a newline token is the only "nl" one
_NUMBERED = frozenset({"place:soft", "place:strict", "head:plain"})
_JOINERS = frozenset({"và", "của", "&"})
_JOINABLE_AFTER = frozenset({"lower", "word", "abbr", "head:plain"})
_STRICT_MARKS = frozenset({"head:named", "place:strict"})
_SOFT_MARK = "place:soft"
# Name lengths by preference when the text leaves the boundary open: Vietnamese full names
# are mostly three syllables, then four, then two.
_NAME_LENGTH_RANK = {3: 0, 4: 1, 2: 2, 5: 3, 6: 4}


class TitleParse(NamedTuple):
    """A title as token index ranges: ``[start, end)`` and its parts.

    (A named tuple: the scanner makes one for every title it tries, and a tuple is made
    several times faster than a frozen dataclass.)
    """

    start: int
    end: int
    modifiers: tuple[tuple[int, int], ...]
    position: tuple[int, int]
    organization: tuple[int, int] | None
    # (token index, kind) where a place word ("xã") or a named head ("Trường") ends: the
    # capitalised words right after it name the place or the institution first.
    proper_name_marks: tuple[tuple[int, str], ...] = ()
    is_rank: bool = False


class NameSplit(NamedTuple):
    """A title whose organisation ended with a person's name: the trimmed title and the name."""

    title: TitleParse
    name_start: int
    name_end: int


class _LazyTokens(dict[int, Token]):
    """``columns`` as :class:`Token` objects, each made the first time it is read.

    The scanner needs a token's kind for a few dozen tokens of an article's thousands (it
    reads texts, keys and offsets from the columns); a hit is a plain dict look-up. Indices
    behave as in a list (``-1`` is the last token).
    """

    def __init__(self, columns: Columns) -> None:
        super().__init__()
        self._columns = columns

    def __missing__(self, index: int) -> Token:
        token = self._columns.token(index)
        self[index] = token
        return token


class Reader:
    """Bounded look-ups over one token list."""

    def __init__(
        self,
        columns: Columns,
        lex: Lexicons,
        word_spans: frozenset[tuple[int, int]] | None = None,
    ) -> None:
        self.tokens = _LazyTokens(columns)
        self.columns = columns
        self.texts = columns.texts
        self.starts = columns.starts
        self.keys = columns.keys
        self.lex = lex
        self.size = len(columns.keys)
        # Character spans of the words a word segmenter found (opt-in), to settle names.
        self.word_spans = word_spans
        self._titles: dict[int, TitleParse | None] = {}  # the scanner asks again and again

    def text_at(self, index: int) -> str:
        """The text of the token at ``index``, or ``""`` past the end."""
        return self.texts[index] if 0 <= index < self.size else ""

    # A token's kind takes a Token object, made by the columns; the case of its text comes
    # first, since most tokens are not capitalised (or not lowercase) and need none.

    def is_name_word(self, index: int) -> bool:
        """Whether the token at ``index`` is a capitalised word (False past either end)."""
        return (
            0 <= index < self.size
            and self.texts[index][0].isupper()
            and self.tokens[index].kind == "word"
        )

    def is_lower_word(self, index: int) -> bool:
        """Whether the token at ``index`` is a lowercase word (False past either end)."""
        return (
            0 <= index < self.size
            and self.texts[index][0].islower()
            and self.tokens[index].kind == "word"
        )

    # Titles -----------------------------------------------------------------------------

    def title_at(self, index: int) -> TitleParse | None:
        """The rank or position title starting at ``index``, the longer if both."""
        if index not in self._titles:
            self._titles[index] = self._read_title(index)
        return self._titles[index]

    def _read_title(self, index: int) -> TitleParse | None:
        if not 0 <= index < self.size or not self.lex.title_openers.opens(self.keys, index):
            return None  # no rank, position or modifier phrase starts here
        rank = self._rank_at(index)
        title = self._position_title_at(index)
        if rank and (title is None or rank.end >= title.end):
            return rank
        return title

    def _rank_at(self, index: int) -> TitleParse | None:
        found = self.lex.ranks.longest(self.keys, index)
        if found is None:
            return None
        end = found[0]
        if (
            self.text_at(end) == "."
            and self.starts[end] == self.columns.end(end - 1)
            and _has_two_capitals(self.texts[end - 1])
        ):
            end += 1  # "TS." and "PGS.TS." keep their dot
        return TitleParse(index, end, (), (index, found[0]), None, is_rank=True)

    def _position_title_at(self, index: int) -> TitleParse | None:
        modifiers: list[tuple[int, int]] = []
        cursor = index
        while len(modifiers) < 4 and (end := self._modifier_end(cursor, "pre")) is not None:
            modifiers.append((cursor, end))
            cursor = end
        position_end = self._position_end(cursor)
        if position_end is None and modifiers and self._position_end(modifiers[-1][0]):
            cursor = modifiers.pop()[0]  # "Ủy viên Ban Thường vụ Tỉnh ủy": Ủy viên is the position
            position_end = self._position_end(cursor)
        if position_end is None:
            return None
        position = (cursor, position_end)
        cursor = position_end
        while len(modifiers) < 6 and (end := self._modifier_end(cursor, "post")) is not None:
            modifiers.append((cursor, end))
            cursor = end
        org_end, marks = self.organization_end(cursor)
        organization = (cursor, org_end) if org_end > cursor else None
        return TitleParse(index, org_end, tuple(modifiers), position, organization, marks)

    def _modifier_end(self, index: int, place: str) -> int | None:
        return self.lex.modifiers.longest_labelled(self.keys, index, place)

    def _position_end(self, index: int) -> int | None:
        best = None
        for end, _, listed in self.lex.positions.matches(self.keys, index):
            if len(listed) == 1 or self._case_allows(index, listed):
                best = end if best is None else max(best, end)
        return best

    def _case_allows(self, index: int, listed: tuple[str, ...]) -> bool:
        # "trưởng ban" is a position, but in "Trưởng Ban Tuyên giáo" the capital B starts the
        # organisation: a lowercase word of the list does not match a capitalised head.
        for offset, word in enumerate(listed[1:], start=1):
            if (
                word[0].islower()
                and self.texts[index + offset][0].isupper()
                and self._starts_org_head(index + offset)
            ):
                return False
        return True

    def _starts_org_head(self, index: int) -> bool:
        first = self.keys[index]
        pair = f"{first} {self.keys[index + 1]}" if index + 1 < self.size else first
        return first in self.lex.org_heads or pair in self.lex.org_heads

    # Organisations ----------------------------------------------------------------------

    def organization_end(self, start: int) -> tuple[int, tuple[tuple[int, str], ...]]:
        """Where the organisation starting at ``start`` ends, and where place words end in it.

        The organisation takes gazetteer phrases, abbreviations, capitalised words (each
        with at most one lowercase syllable after it, as in "Tài chính"), numbers after a
        unit, dashes and "và" between parts; it stops at a verb, a new title or punctuation.
        """
        cursor, previous = start, "start"
        limit = min(self.size, start + _ORG_LIMIT)
        marks: dict[int, str] = {}
        while cursor < limit:
            step = self._org_step(cursor, previous, limit)
            if step is None:
                break
            cursor, previous = step
            if previous in _STRICT_MARKS or previous == _SOFT_MARK:
                marks[cursor] = previous
        return cursor, tuple(marks.items())  # (in order: the cursor only moves forward)

    def _org_step(self, cursor: int, previous: str, limit: int) -> tuple[int, str] | None:
        if self.texts[cursor] == "\n":  # the only text of the "nl" kind
            return None
        found = self.lex.organization.longest(self.keys, cursor)
        if found is not None and found[1].startswith("head") and found[0] == cursor + 1:
            end, _ = self._org_word_step(cursor, previous, limit)
            return end, found[1]  # a one-word head takes its second syllable: "Bộ đội"
        if found is not None:
            return found
        token = self.tokens[cursor]
        if token.kind == "abbr":
            return cursor + 1, "abbr"
        if token.is_name_word:
            return self._org_word_step(cursor, previous, limit)
        if token.kind == "num" and previous in _NUMBERED and len(token.text) <= 3:
            return cursor + 1, "num"
        if previous in {"lower", "word"} and token.is_lower_word:
            bridge = self._lowercase_bridge(cursor, limit)
            if bridge is not None:
                return bridge, "word"
        if cursor + 1 >= limit or previous == "start":
            return None
        if token.is_dash and self.is_name_word(cursor + 1) and self.title_at(cursor + 1) is None:
            return cursor + 1, "dash"
        if token.key in _JOINERS and previous in _JOINABLE_AFTER:
            following = self.tokens[cursor + 1]
            if (following.is_name_word or following.kind == "abbr") and self.title_at(
                cursor + 1
            ) is None:
                return cursor + 1, "join"
        return None

    def _lowercase_bridge(self, cursor: int, limit: int) -> int | None:
        """The end of up to three lowercase words that lead to a place or organisation word.

        "Trung tâm Kiểm soát bệnh tật tỉnh": "bệnh tật" is inside the name because "tỉnh"
        follows; a verb (a stopword) never is.
        """
        for end in range(cursor + 1, min(cursor + 4, limit)):
            if not self.is_lower_word(end - 1) or self.keys[end - 1] in self.lex.stopwords:
                return None
            found = self.lex.organization.longest(self.keys, end)
            if found is not None and found[1] != "abbr":
                return end
        return None

    def _org_word_step(self, cursor: int, previous: str, limit: int) -> tuple[int, str]:
        following = cursor + 1
        if (
            previous != "cap"  # it starts a word
            and following < limit
            and self.is_lower_word(following)
            and self.keys[following] not in self.lex.stopwords
            and self.starts[following] == self.columns.end(cursor) + 1
        ):
            return cursor + 2, "lower"
        return cursor + 1, "cap"

    # Names ------------------------------------------------------------------------------

    def is_surname(self, index: int) -> bool:
        """Whether the token at ``index`` can open a Vietnamese name (surname or ethnic prefix)."""
        text = self.texts[index]
        return text in self.lex.surnames or text.startswith(("H'", "H’"))

    def _place_first(self, candidates: list[int], end: int) -> bool:
        if len(candidates) > 1:
            return True
        two_words = end - candidates[0] == 2
        return two_words and not self._is_ethnic(candidates[0])

    def _is_ethnic(self, index: int) -> bool:
        text = self.texts[index]
        return text in self.lex.ethnic_prefixes or text.startswith(("H'", "H’"))

    def name_run_end(self, start: int, *, stop_at_title: bool = True) -> int | None:
        """The end of the run of at most six capitalised words at ``start`` (None if longer)."""
        cursor = start
        while self.is_name_word(cursor):
            if cursor > start and stop_at_title and self._opens_title(cursor):
                break
            cursor += 1
            if cursor - start > _MAX_NAME:
                return None
        return cursor if cursor > start else None

    def _opens_title(self, index: int) -> bool:
        title = self.title_at(index)
        return title is not None and (title.organization is not None or title.is_rank)

    def known_non_person(self, start: int, end: int) -> int | None:
        """The end of a listed place or landmark at ``start`` that fits in ``[start, end)``."""
        best = None
        for stop, _, _ in self.lex.not_people.matches(self.keys, start):
            if stop <= end:
                best = stop
        return best

    def name_in_title(self, title: TitleParse) -> NameSplit | None:
        """The person's name at the end of a title's organisation, if there is one."""
        if title.organization is None:
            return None
        org_start, end = title.organization
        run_start = end
        while (
            run_start > org_start
            and end - run_start < _NAME_LOOKBACK
            and self.is_name_word(run_start - 1)
        ):
            run_start -= 1
        if run_start == end:
            return None
        near = {
            kind for mark, kind in title.proper_name_marks if run_start - 3 <= mark <= run_start
        }
        name_start = self._choose_name_start(
            run_start, end, strict=bool(near & _STRICT_MARKS), soft=_SOFT_MARK in near
        )
        if name_start is None:
            return None
        if name_start > org_start:
            trimmed = title._replace(end=name_start, organization=(org_start, name_start))
        else:
            trimmed = title._replace(end=_title_core_end(title), organization=None)
        return NameSplit(trimmed, name_start, end)

    def _choose_name_start(
        self, run_start: int, end: int, *, strict: bool = False, soft: bool = False
    ) -> int | None:
        # After a named head ("Trường", "Bệnh viện") the first words name the institution;
        # after a place word ("xã", "TP") they usually name the place, but "UBND tỉnh
        # Nguyễn Văn A" has none, so the whole run stays possible when nothing else fits.
        first_open = run_start + 1 if strict else run_start
        place_end = self.known_non_person(run_start, end)
        if place_end is not None:
            first_open = max(first_open, place_end)
            if 2 <= end - place_end <= _MAX_NAME and self.is_surname(place_end):
                return place_end  # "tỉnh Quảng Nam Lương Nguyễn Minh Triết": after the place
        candidates = [
            index
            for index in range(first_open, end - 1)
            if self.is_surname(index)
            and end - index <= _MAX_NAME
            and self.known_non_person(index, end) is None  # "Hà Nội" opens no name
        ]
        if self.word_spans is not None:
            hinted = self._segmenter_start(
                first_open, end, candidates, open_run=not (strict or soft)
            )
            if hinted is not None:
                return hinted
        if (
            soft
            and candidates
            and candidates[0] == run_start
            and self._place_first(candidates, end)
        ):
            candidates = candidates[1:]  # "huyện Yên Thành": a two-word place, not a name
        if not candidates:
            return None
        if candidates[0] == run_start and end - run_start <= 4:
            return run_start  # the whole run, nothing before it to share with
        return min(candidates, key=lambda index: (_NAME_LENGTH_RANK.get(end - index, 9), index))

    def _segmenter_start(
        self, first_open: int, end: int, candidates: list[int], *, open_run: bool
    ) -> int | None:
        """Where a segmenter word that ends the run starts, when it can be the name.

        It picks among the rule candidates; with none, it may open a name without a known
        surname ("Mỹ Joe Biden") unless a place word, a named head or an organisation word
        is in the way ("huyện Yên Thành", "Sở Công Thương").
        """
        assert self.word_spans is not None
        run_end = self.columns.end(end - 1)
        for index in range(max(first_open, end - _MAX_NAME), end - 1):
            if (self.starts[index], run_end) not in self.word_spans:
                continue
            if index in candidates:
                return index
            no_org_word = self.lex.organization.longest(self.keys, index) is None
            if not candidates and open_run and no_org_word:
                return index if self.known_non_person(index, end) is None else None
        return None

    # Honorifics -------------------------------------------------------------------------

    def honorific_end(self, index: int, *, before_list: bool = False) -> int | None:
        """The end of an honorific at ``index`` that stands before a name (or a list)."""
        found = self.lex.honorifics.longest(self.keys, index)
        if found is None:
            return None
        end = found[0]
        if (
            self.texts[index][0].isupper()
            and self.keys[index] not in {"đ/c", "ngài"}
            and not self.sentence_start(index)
        ):
            return None
        if self.after_place_prefix(index) or self.known_non_person(index, self.size) is not None:
            return None
        if end >= self.size:
            return None
        if self.is_name_word(end) or (before_list and self.texts[end] == ":"):
            return end
        return end if self.title_at(end) is not None else None

    def sentence_start(self, index: int) -> bool:
        """Whether ``index`` opens a line, a sentence, a quote or a bracket."""
        previous = self.text_at(index - 1)  # "" before the first token
        return not previous or previous in _LINE_OR_SENTENCE_OPENERS

    def after_place_prefix(self, index: int) -> bool:
        """Whether a place noun ("núi", "sông", "đường"…) ends right before ``index``."""
        for back in (1, 2):
            if index - back >= 0:
                for end, _, _ in self.lex.place_prefixes.matches(self.keys, index - back):
                    if end == index:
                        return True
        return False


def _has_two_capitals(text: str) -> bool:
    return sum(char.isupper() for char in text) >= 2


def _title_core_end(title: TitleParse) -> int:
    ends = [title.position[1], *(end for _, end in title.modifiers)]
    return max(ends)

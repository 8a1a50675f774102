"""Read titles, organisations, honorifics and names from a token list.

Every method looks at a bounded number of tokens (a title at most ``_ORG_LIMIT`` tokens, a
name at most six), so the scanner that calls them stays linear in the input length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vnnews._syllables import is_vietnamese_syllable
from vnnews.people._lexicon import Lexicons
from vnnews.people._tokens import DASHES, Columns, Token

__all__ = ["NameSplit", "Reader", "TitleParse"]

_ORG_LIMIT = 40
_MAX_NAME = 6  # words (a hyphenated word or an initial is one)
_MAX_NAME_TOKENS = 12
_MAX_FIELDS = 3
_MAX_SKIPPED = 3
_CONNECTORS = frozenset({"của", "tại"})  # "Phó Giám đốc của CBRE", "Chiến lược gia tại X"
_NAME_LOOKBACK = 12
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'(-–—…[")
_LINE_OR_SENTENCE_OPENERS = _SENTENCE_OPENERS | {"\n"}  # a newline token is the only "nl" one
_NUMBERED = frozenset({"place:soft", "place:strict", "head:plain"})
_JOINERS = frozenset({"và", "của", "&"})
_JOINABLE_AFTER = frozenset({"lower", "word", "abbr", "head:plain"})
_STRICT_MARKS = frozenset({"head:named", "place:strict"})
_SOFT_MARK = "place:soft"
_BEFORE_YEAR = frozenset({"cap", "lower", "word", "place:world", "abbr"})
_WORLD = "place:world"
_PLACED = frozenset({_WORLD, "cap"})  # "tại" joins a place after a country or a name word
_NAMED_BEFORE = frozenset({_WORLD, "cap", "lower"})  # where a capitalised word ends
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
    # An occupation ("ca sĩ", "HLV", "thủ môn"): a name with no known surname may follow it.
    is_occupation: bool = False


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
            return TitleParse(index, end, (), (index, end - 1), None, is_rank=True)
        end = self._fields_end(end)  # "Giáo sư vật lý"
        return TitleParse(index, end, (), (index, end), None, is_rank=True)

    def _position_title_at(self, index: int) -> TitleParse | None:
        modifiers: list[tuple[int, int]] = []
        cursor = index
        while len(modifiers) < 4 and (end := self._modifier_end(cursor, "pre")) is not None:
            modifiers.append((cursor, end))
            cursor = end
        head = self._position_end(cursor)
        if head is None and modifiers and self._position_end(modifiers[-1][0]):
            cursor = modifiers.pop()[0]  # "Ủy viên Ban Thường vụ Tỉnh ủy": Ủy viên is the position
            head = self._position_end(cursor)
        if head is None:
            return None
        position_end, is_occupation = head
        position_end = self._fields_end(position_end)
        position = (cursor, position_end)
        cursor = position_end
        while len(modifiers) < 6 and (end := self._modifier_end(cursor, "post")) is not None:
            modifiers.append((cursor, end))
            cursor = end
        org_start = cursor
        org_end, marks = self.organization_end(cursor)
        if org_end == cursor and self._connects_organization(cursor):
            org_start = cursor + 1  # "Phó Giám đốc của CBRE Hotels Việt Nam"
            org_end, marks = self.organization_end(org_start)
        if org_end == org_start:
            return TitleParse(
                index, cursor, tuple(modifiers), position, None, is_occupation=is_occupation
            )
        return TitleParse(
            index,
            org_end,
            tuple(modifiers),
            position,
            (org_start, org_end),
            marks,
            is_occupation=is_occupation,
        )

    def _fields_end(self, index: int) -> int:
        """The end of the lowercase field words that complete a head: "Giám đốc kỹ thuật"."""
        for _ in range(_MAX_FIELDS):
            if not self.is_lower_word(index):
                break
            end = self.lex.fields.longest(self.keys, index)
            if end is None:
                break
            index = end[0]
        return index

    def _connects_organization(self, index: int) -> bool:
        """Whether "của" or "tại" at ``index`` leads to a named organisation."""
        return (
            0 <= index < self.size - 1
            and self.keys[index] in _CONNECTORS
            and (self.is_name_word(index + 1) or self.tokens[index + 1].kind == "abbr")
        )

    def _modifier_end(self, index: int, place: str) -> int | None:
        return self.lex.modifiers.longest_labelled(self.keys, index, place)

    def _position_end(self, index: int) -> tuple[int, bool] | None:
        """The end of the longest position or occupation at ``index``, and whether it is one
        of the occupations (a phrase listed as both counts as an occupation)."""
        best, occupation = -1, False
        for end, label, listed in self.lex.positions.matches(self.keys, index):
            if len(listed) == 1 or self._case_allows(index, listed):
                if end > best:
                    best, occupation = end, label == "occupation"
                elif end == best:
                    occupation = occupation or label == "occupation"
        return (best, occupation) if best >= 0 else None

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
        if (
            found is not None
            and found[1].startswith("head")
            and previous in _NAMED_BEFORE
            and self.texts[cursor][0].islower()
        ):
            found = None  # "ca sĩ Mỹ Tâm tổ chức": after a name word a lowercase head is a verb
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
        if (
            token.key == "số"
            and previous in _NUMBERED | {"abbr", "cap", "lower"}
            and self.tokens[cursor + 1].kind == "num"
            and len(self.texts[cursor + 1]) <= 3
        ):
            return cursor + 2, "num"  # "Đội CSGT số 6", "Trường THCS số 2"
        if token.kind == "num" and previous in _BEFORE_YEAR and _is_year(token.text):
            return cursor + 1, "year"  # "Hoa hậu Du lịch Châu Á 2019"
        if previous == "cap" and token.is_lower_word:
            particles = self._particles_end(cursor)
            if particles is not None and particles < limit:
                return particles, "word"  # "Ursula von der Leyen"
        if previous in {"lower", "word"} and token.is_lower_word:
            bridge = self._lowercase_bridge(cursor, limit)
            if bridge is not None:
                return bridge, "word"
        if cursor + 1 >= limit or previous == "start":
            return None
        if (
            token.is_dash
            and (self.is_name_word(cursor + 1) or self.tokens[cursor + 1].kind == "abbr")
            and self.title_at(cursor + 1) is None
        ):
            return cursor + 1, "dash"  # "Trường ĐH Tôn Đức Thắng - TPHCM"
        if token.key == "tại" and previous in _PLACED:
            place = self.qualifier_end(cursor + 1, limit)  # "Đại sứ Mỹ tại Việt Nam"
            if place is not None:
                return place, _WORLD
        if token.key == "&" and (  # "Moor Insights & Strategy"
            self.is_name_word(cursor + 1) or self.tokens[cursor + 1].kind == "abbr"
        ):
            return cursor + 1, "join"
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
        unit_end = self.name_unit_end(cursor)
        if unit_end is not None and cursor + 1 < unit_end <= limit:
            return unit_end, "cap"  # "Kramp-Karrenbauer", "Tae-hoon", "A." read as one word
        following = cursor + 1
        if (
            previous != "cap"  # it starts a word
            and not self.is_foreign(cursor)  # "Tài chính" pairs two syllables, "Trump tái" not
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

    def is_foreign(self, index: int) -> bool:
        """Whether the word at ``index`` is not spelled as a Vietnamese syllable ("Trump")."""
        return not is_vietnamese_syllable(self.texts[index])

    def _glued(self, index: int) -> bool:
        """Whether the token at ``index`` follows the one before it with no space between."""
        return 0 < index < self.size and self.starts[index] == self.columns.end(index - 1)

    def _is_initial(self, index: int) -> bool:
        text = self.text_at(index)
        return len(text) == 1 and text.isupper() and self.tokens[index].kind == "word"

    def name_unit_end(self, index: int) -> int | None:
        """The end of the name word at ``index`` with what is joined to it (None if no name word).

        One word of a name may be several tokens: a hyphenated foreign word ("Kramp-Karrenbauer",
        "Tae-hoon", "Ki-moon"), initials ("N.C.T"), or an initial with its dot before the next
        word of a foreign name ("Thomas A. Bussiere").
        """
        if not self.is_name_word(index):
            return None
        end = index + 1
        if self._is_initial(index):
            while self.text_at(end) == "." and self._glued(end) and self._is_initial(end + 1):
                if not self._glued(end + 1):
                    break
                end += 2  # "N.C.T"
            if (
                end == index + 1
                and self.text_at(end) == "."
                and self._glued(end)
                and self.is_name_word(end + 1)
                and not self._glued(end + 1)
                and self.is_name_word(index - 1)
                and self.is_foreign(index - 1)
            ):
                end += 1  # "Thomas A. Bussiere"
            return end
        while self._hyphen_joins(end):
            end += 2
        following = self.text_at(end)
        if _ROMAN.fullmatch(following) and not self._glued(end) and self.is_foreign(index):
            end += 1  # "Elizabeth II", "Charles III"
        return end

    def _hyphen_joins(self, hyphen: int) -> bool:
        """Whether the hyphen at ``hyphen`` joins two parts of one foreign name word."""
        following = hyphen + 1
        return (
            self.text_at(hyphen) == "-"
            and following < self.size
            and self._glued(hyphen)
            and self._glued(following)
            and self.tokens[following].kind == "word"
            and (
                self.texts[following][0].islower()
                or self.is_foreign(hyphen - 1)
                or self.is_foreign(following)
            )
            and not self._opens_title(following)
        )

    def name_run_end(self, start: int, *, stop_at_title: bool = True) -> int | None:
        """The end of the run of at most six name words at ``start`` (None if longer).

        A name word is a capitalised word with what is joined to it (:meth:`name_unit_end`);
        particles stand between the words of a foreign name ("Ursula von der Leyen").
        """
        cursor, words = start, 0
        while True:
            end = self.name_unit_end(cursor)
            if end is None:
                after = self._particles_end(cursor) if words else None
                if after is None:
                    break
                cursor = after
                continue
            if cursor > start and stop_at_title and self._opens_title(cursor):
                break
            cursor, words = end, words + 1
            if words > _MAX_NAME or cursor - start > _MAX_NAME_TOKENS:
                return None
        return cursor if cursor > start else None

    def _particles_end(self, index: int) -> int | None:
        """Where a foreign name goes on after the particles at ``index`` ("van", "de"…)."""
        cursor = index
        while cursor - index < 2 and self.text_at(cursor) in self.lex.name_particles:
            cursor += 1
        if (
            cursor > index
            and self.is_name_word(index - 1)
            and self.is_foreign(index - 1)
            and self.is_name_word(cursor)
            and self.is_foreign(cursor)
        ):
            return cursor
        return None

    def name_units(self, start: int, end: int) -> list[tuple[int, int]]:
        """The name words of the run of them that ends at ``end``, not before ``start``."""
        units: list[tuple[int, int]] = []
        cursor = start
        while cursor < end:
            unit_end = self.name_unit_end(cursor)
            if unit_end is not None and unit_end <= end:
                units.append((cursor, unit_end))
                cursor = unit_end
                continue
            particles = self._particles_end(cursor) if units else None
            if particles is not None and particles < end:
                cursor = particles
                continue
            units = []
            cursor += 1
        return units

    def unit_is_foreign(self, start: int, end: int) -> bool:
        """Whether the name word ``[start, end)`` is foreign: joined tokens, or not a syllable."""
        return end - start > 1 or self.is_foreign(start)

    def qualifier_end(self, start: int, end: int) -> int | None:
        """The end of the longest place, country or organisation at ``start`` within ``end``."""
        best = self.known_non_person(start, end)
        for stop, _, _ in self.lex.qualifiers.matches(self.keys, start):
            if stop <= end and (best is None or stop > best):
                best = stop
        return best

    def is_place_name(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a listed place or organisation and cannot be a name.

        A one-syllable place is also a given name ("bà Nga", "ông Đức"), so only a longer
        one, or one not spelled as a Vietnamese syllable ("Indonesia"), counts.
        """
        if self.qualifier_end(start, end) != end:
            return False
        return end - start >= 2 or self.is_foreign(start)

    def _is_brand(self, start: int, end: int) -> bool:
        """A word of a company name: inner capitals ("PayPal", "MobiFone") or a listed one
        ("Telecom", "Group")."""
        text = self.texts[start]
        return (
            end - start == 1
            and (
                text in self.lex.company_words
                or text.endswith(("'s", "’s"))  # "Victoria's Secret", "McDonald's"
                or (any(char.isupper() for char in text[1:]) and not text.isupper())
            )
        )

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

    def name_in_title(self, title: TitleParse, *, loose: bool = False) -> NameSplit | None:
        """The person's name at the end of a title's organisation, if there is one.

        A name that starts with a known surname is always looked for. ``loose`` (a title
        before a name, where the name is expected) also reads a foreign name, after a
        country or organisation or alone ("Tổng thống Mỹ Joe Biden", "HLV Park Hang Seo"),
        a name the text gives without a surname after an occupation ("diễn viên Hữu Tài"),
        and one word after any title ("Bộ trưởng Thể").
        """
        if title.organization is None:
            return None
        org_start, end = title.organization
        units = self.name_units(max(org_start, end - _NAME_LOOKBACK), end)
        if not units and loose and self.is_lower_word(end - 1) and end - 1 > org_start:
            # "ca sĩ Mỹ Tâm hát", "bác sĩ Dung hôm đó": the last name word was read with the
            # verb after it as one organisation word ("Tài chính"); two name words or more
            # before it, or one after an occupation, are a name.
            end -= 1
            units = self.name_units(max(org_start, end - _NAME_LOOKBACK), end)
            if (
                len(units) < (1 if title.is_occupation else 2)
                or self.qualifier_end(units[-1][0], end + 1) == end + 1
            ):
                return None  # "Phóng viên Dân trí": a listed name with the lowercase word
        units = self._outside_qualifiers(units, max(org_start, units[0][0] - 3) if units else 0)
        if not units:
            return self._stage_name(title) if loose else None
        run_start = units[0][0]
        near = {
            kind
            for mark, kind in title.proper_name_marks
            if run_start - 3 <= mark <= run_start and not self._numbered(mark, run_start)
        }
        name_start = self._choose_name_start(
            run_start, end, strict=bool(near & _STRICT_MARKS), soft=_SOFT_MARK in near
        )
        if name_start is None:
            if near & _STRICT_MARKS:
                units = units[1:]  # "Đại học Harvard": the first word names the institution
            if units:
                name_start = self._loose_name_start(units, org_start, title, loose=loose)
        if name_start is None:
            return self._stage_name(title) if loose else None
        cut = name_start
        while cut > org_start and self.texts[cut - 1] in DASHES:
            cut -= 1  # "Hoa hậu Du lịch Châu Á 2019 - Phạm Lan Anh"
        if cut > org_start:
            trimmed = title._replace(end=cut, organization=(org_start, cut))
        else:
            trimmed = title._replace(end=_title_core_end(title), organization=None)
        return NameSplit(trimmed, name_start, end)

    def _numbered(self, start: int, end: int) -> bool:
        """Whether a number stands in ``[start, end)``: "Trường THCS số 2" is named already."""
        return any(self.texts[index][0].isdigit() for index in range(start, end))

    def _stage_name(self, title: TitleParse) -> NameSplit | None:
        """An all-capitals stage name at the end of an artist's title: "nam ca sĩ PSY"."""
        assert title.organization is not None
        org_start, end = title.organization
        last = end - 1
        text = self.texts[last]
        if (
            not title.is_occupation
            or self.tokens[last].kind != "abbr"
            or not text.isalpha()
            or text in self.lex.abbreviations
            or self.qualifier_end(last, end) is not None
            or self.lex.stage_names.longest(self.keys, title.position[0]) is None
            or (last > org_start and self.qualifier_end(org_start, last) != last)
        ):
            return None
        if last > org_start:
            trimmed = title._replace(end=last, organization=(org_start, last))
        else:
            trimmed = title._replace(end=_title_core_end(title), organization=None)
        return NameSplit(trimmed, last, end)

    def _outside_qualifiers(
        self, units: list[tuple[int, int]], since: int
    ) -> list[tuple[int, int]]:
        """``units`` without those inside a place that starts before them ("châu Âu")."""
        if not units:
            return units
        end = units[-1][1]
        for index in range(since, units[0][0]):
            stop = self.qualifier_end(index, end)
            if stop is not None and stop > units[0][0]:
                units = [unit for unit in units if unit[0] >= stop]
        return units

    def _loose_name_start(
        self, units: list[tuple[int, int]], org_start: int, title: TitleParse, *, loose: bool
    ) -> int | None:
        """Where a name with no known surname starts in the run ``units`` (see name_in_title).

        Without ``loose`` (a title after a name) only a foreign name after a country or an
        organisation counts: "Emmanuel Macron, Thủ tướng Đức Olaf Scholz".
        """
        run_start, end = units[0][0], units[-1][1]
        if (
            loose
            and run_start == org_start
            and self.lex.famous.longest(self.keys, run_start) == (end, "person")
        ):
            return run_start  # "Chủ tịch Hồ Chí Minh"
        first, ambiguous = self._after_qualifiers(units, end)
        rest = units[first:]
        if not rest or len(rest) > _MAX_NAME:
            return None
        foreign = any(self.unit_is_foreign(*unit) for unit in rest)
        if first and self._is_brand(*units[first - 1]) and len(rest) < 2:
            return None  # "Victoria's Secret": a name after a brand-shaped word has two words
        if first and foreign:
            return rest[0][0]  # "Mỹ Joe Biden", "Apple Tim Cook"
        if not loose:
            return None
        if first and not ambiguous:
            return rest[0][0]  # "Campuchia Hun Manet"
        if first:
            rest = units  # "ca sĩ Mỹ Tâm": a one-syllable country is also a given name
            foreign = any(self.unit_is_foreign(*unit) for unit in rest)
        if foreign and not first:
            return run_start  # "Đặc phái viên Marshall Billingslea", "HLV Park Hang Seo"
        if (
            run_start == org_start
            and (title.is_occupation or len(rest) == 1)
            and not self._has_organization_word(run_start, end)
            and not self.is_place_name(run_start, end)
            and not (len(rest) == 1 and self.texts[run_start] in self.lex.nationalities)
        ):
            return run_start  # "diễn viên Hữu Tài", "Bộ trưởng Thể"; not "võ sĩ Thái"
        return None

    def _after_qualifiers(self, units: list[tuple[int, int]], end: int) -> tuple[int, bool]:
        """The index in ``units`` after the last place, country or brand in them, and whether
        that one is a single Vietnamese syllable (a country that is also a given name)."""
        starts = {start: number for number, (start, _) in enumerate(units)}
        first, ambiguous, number = 0, False, 0
        while number < len(units):
            start, unit_end = units[number]
            stop = self.qualifier_end(start, end)
            if stop is not None and (stop in starts or stop == end):
                after = starts.get(stop, len(units))
                ambiguous = (
                    after - number == 1 and unit_end - start == 1 and not self.is_foreign(start)
                )
                first = number = after
            elif self._is_brand(start, unit_end):
                first = number = number + 1
                ambiguous = False
            else:
                number += 1
        return first, ambiguous

    def _has_organization_word(self, start: int, end: int) -> bool:
        """Whether an organisation head, place word or abbreviation stands in ``[start, end)``."""
        for index in range(start, end):
            found = self.lex.organization.longest(self.keys, index)
            if found is not None and found[1] != _WORLD:
                return True
        return False

    def name_ok(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` may be a name: it does not start with a place, country or
        organisation ("Việt Nam", "Indonesia"; a one-syllable one is also a given name: "BS
        Anh") and is no company word."""
        stop = self.qualifier_end(start, end)
        if stop is not None and (stop - start >= 2 or self.is_foreign(start)):
            return False
        head = self.lex.organization.longest(self.keys, start)
        if (
            head is not None
            and head[1].startswith("head")
            and (head[0] - start >= 2 or not self.is_surname(start))
        ):
            return False  # "Giáo sư Đại học Harvard", "Tiến sĩ Viện Hàn lâm"
        return not any(self._is_brand(index, index + 1) for index in range(start, end))

    def _choose_name_start(
        self, run_start: int, end: int, *, strict: bool = False, soft: bool = False
    ) -> int | None:
        # After a named head ("Trường", "Bệnh viện") the first words name the institution;
        # after a place word ("xã", "TP") they usually name the place, but "UBND tỉnh
        # Nguyễn Văn A" has none, so the whole run stays possible when nothing else fits.
        first_open = run_start + 1 if strict else run_start
        place_end = self.qualifier_end(run_start, end)
        if place_end is not None:
            first_open = max(first_open, place_end)
            if 2 <= end - place_end <= _MAX_NAME and self.is_surname(place_end):
                return place_end  # "tỉnh Quảng Nam Lương Nguyễn Minh Triết": after the place
        candidates = [
            index
            for index in range(first_open, end - 1)
            if self.is_surname(index)
            and end - index <= _MAX_NAME
            and self.qualifier_end(index, end) is None  # "Hà Nội", "Hà Lan" open no name
        ]
        if self.word_spans is not None and not any(
            self.unit_is_foreign(*unit) for unit in self.name_units(first_open, end)
        ):  # (a foreign name is read by the rules alone)
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
            and not self._full_name_at(end)  # "Dân trí Ông Nguyễn Xuân Thành"
        ):
            return None
        if self.after_place_prefix(index) or self.known_non_person(index, self.size) is not None:
            return None
        if end >= self.size or self.keys[index - 1 : index] == ["một"]:
            return None  # "một chú Kong": a classifier, not a form of address
        if self.is_name_word(end):
            name_end = self.name_run_end(end)
            return None if name_end and self.is_place_name(end, name_end) else end
        if before_list and self.texts[end] == ":":
            return end
        return end if self.title_at(end) is not None else None

    def _full_name_at(self, index: int) -> bool:
        """Whether a Vietnamese full name (a surname and more) starts at ``index``."""
        if not (self.is_name_word(index) and self.is_surname(index)):
            return False
        end = self.name_run_end(index)
        return end is not None and end - index >= 2

    def skip_to_name(self, index: int) -> int:
        """Past the words news puts between an occupation and the name ("nổi tiếng", "22
        tuổi", "người Ấn Độ", "(GĐKT)"); ``index`` itself when there are none."""
        cursor = index
        for _ in range(_MAX_SKIPPED):
            after = self._skipped_end(cursor)
            if after is None:
                break
            cursor = after
        return cursor if self.is_name_word(cursor) else index

    def _skipped_end(self, index: int) -> int | None:
        if self.is_lower_word(index):
            found = self.lex.descriptors.longest(self.keys, index)
            if found is not None:
                return found[0]
            if self.keys[index] == "người":
                place = self.qualifier_end(index + 1, self.size)
                return place
        text = self.text_at(index)
        if text[:1].isdigit() and self.text_at(index + 1) == "tuổi":
            return index + 2
        if text == "(" and self.text_at(index + 2) == ")" and self.tokens[index + 1].kind == "abbr":
            return index + 3
        return None

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


_ROMAN = re.compile("(?:X{0,2})(?:IX|IV|V?I{1,3}|V)")  # II to XXIX: regnal numbers


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdecimal() and text[:2] in {"19", "20"}

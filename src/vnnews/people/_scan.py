"""Find people in a token list: the reading patterns of issue 7, one method each.

The scanner moves left to right and never steps back over what a pattern consumed, and every
pattern looks at a bounded stretch of tokens, so the whole scan is linear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, count, repeat

from vnnews.people._lexicon import QUANTIFIERS, Lexicons
from vnnews.people._reader import Reader, TitleParse
from vnnews.people._tokens import DASHES, Columns

__all__ = ["Found", "scan"]

_QUANTIFIERS = QUANTIFIERS
_ETHNIC = ("H'", "H’")  # the Ê Đê name prefix of women, as Reader.is_surname reads it
_DASH_OR_COMMA = DASHES | {","}  # what opens the titles after a name
_MAX_TITLES = 20
_MAX_LIST = 50
_BRACKET_LIMIT = 60
_BEFORE_LIMIT = 12  # tokens a foreign name before its title may take

Span = tuple[int, int]


@dataclass
class Found:
    """One person as token ranges, before the text is cut out."""

    name: Span
    honorific: Span | None = None
    shared_titles: list[TitleParse] = field(default_factory=list)
    own_titles: list[TitleParse] = field(default_factory=list)
    start: int = 0  # first token of the person's own stretch (honorific, titles, name)
    end: int = 0  # one past its last token


Result = tuple[list[Found], int]


class _Scanner:
    def __init__(
        self,
        columns: Columns,
        lex: Lexicons,
        word_spans: frozenset[tuple[int, int]] | None,
    ) -> None:
        self.read = Reader(columns, lex, word_spans)
        self.columns = columns
        self.size = len(columns.keys)
        self.after = 0  # where the text not yet consumed by a pattern starts

    def scan(self) -> list[Found]:
        people: list[Found] = []
        after = 0
        for index in self._candidates():
            if index < after:
                continue  # inside what an earlier pattern consumed
            self.after = after
            result = self._at(index)
            if result is None:
                continue
            found, end = result
            people.extend(found)
            after = max(end, index + 1)
        return people

    def _candidates(self) -> list[int]:
        """The tokens where some pattern may start, in order (``_at`` is None elsewhere).

        A pattern starts where a honorific or a title (rank, position, modifier) may start,
        at a quantifier right before one ("các đồng chí", "hai Phó Giám đốc") or at a
        surname. One C-level pass finds the tokens whose key may open one of these (a few
        hundred an article, mostly common words such as "tỉnh"); a look at the key, at the
        pair of keys it starts, or at the surname list, keeps the real ones.
        """
        texts, keys = self.columns.texts, self.columns.keys
        lex = self.read.lex
        single, opens, scan_pairs = lex.openers.single, lex.openers.opens, lex.scan_pairs
        surname_keys, surnames = lex.surname_keys, lex.surnames
        following = keys[1:]
        following.append("")  # no key is empty: no pair starts at the last token
        found = []
        for index in compress(count(), map(lex.scan_keys.__contains__, keys)):
            key = keys[index]
            # Most keys fail all three set look-ups, which come before any call: a phrase of
            # two keys or more, or a quantifier before a phrase, has its first pair listed.
            if (
                key in single
                or (
                    (key, following[index]) in scan_pairs
                    and (opens(keys, index) or (key in _QUANTIFIERS and opens(keys, index + 1)))
                )
                or (key in surname_keys and texts[index] in surnames and self._may_open_name(index))
            ):
                found.append(index)
        if self.columns.apostrophes:  # "H'Hen Niê": an Ê Đê woman's name
            ethnic = compress(count(), map(str.startswith, texts, repeat(_ETHNIC)))
            return sorted({*found, *ethnic})
        return found

    def _may_open_name(self, index: int) -> bool:
        """Whether a bare name may start at ``index``: not right after a name word or abbreviation.

        (A surname that opens no phrase and is no quantifier is tried by ``_name_first``
        only, which stops at once where this is False: "Nguyễn Văn An Nguyễn Văn An" has one
        candidate, not two.)
        """
        if index == 0:
            return True
        previous = self.read.tokens[index - 1]
        return not (previous.is_name_word or previous.kind == "abbr")

    def _at(self, index: int) -> Result | None:
        key = self.read.keys[index]
        # A quantifier, the first key of a honorific or title phrase, or a name word.
        if not (
            key in _QUANTIFIERS
            or key in self.read.lex.openers.paths
            or self.read.is_name_word(index)
        ):
            return None  # most tokens: a cheap test before any rule runs
        # "Hai Phó Giám đốc…" opens a sentence; a capitalised "Ba" inside one is a name.
        if key in _QUANTIFIERS and (
            self.read.texts[index][0].islower() or self.read.sentence_start(index)
        ):
            plural = self._plural(index + 1)
            if plural is not None:
                return plural
        return (
            self._foreign_name_before(index)
            or self._title_first(index)
            or self._honorific_first(index)
            or self._name_first(index)
        )

    # Title before the name: "Bí thư Tỉnh ủy Thái Thanh Quý", "Thiếu tướng Nguyễn Văn A",
    # "Phó Chủ tịch UBND tỉnh, đồng chí Nguyễn Văn A", "Giám đốc Sở (ông Nguyễn Văn A)".
    def _title_first(self, index: int, honorific: Span | None = None) -> Result | None:
        titles: list[TitleParse] = []
        cursor = index
        start = honorific[0] if honorific else index
        while len(titles) < _MAX_TITLES and (title := self.read.title_at(cursor)) is not None:
            split = self.read.name_in_title(title, loose=True)
            if split is not None:
                titles.append(split.title)
                return self._after_name(
                    (split.name_start, split.name_end), honorific, titles, start
                )
            titles.append(title)
            cursor = title.end
            if title.organization is None:
                name = self._name_after_title(title, cursor)
                if name is not None:
                    return self._after_name(name, honorific, titles, start)
            following = self.read.text_at(cursor)
            if following == "kiêm" or (following == "," and self.read.title_at(cursor + 1)):
                cursor += 1
                continue
            return self._title_then_name(cursor, honorific, titles, start)
        return ([], cursor) if titles else None

    def _name_after_title(self, title: TitleParse, cursor: int) -> Span | None:
        """The name right after a title with no organisation: "Thượng tướng Tô Lâm", "vận động
        viên nổi tiếng Alexander Averbukh", "PGS Hanh" (a rank or an occupation may take a
        name of one word, any other title one of two or more)."""
        read = self.read
        loose = title.is_rank or title.is_occupation
        start = read.skip_to_name(cursor)
        if not read.is_name_word(start):
            return None
        end = read.name_run_end(start)
        if end is None or not (loose or end - start >= 2) or not read.name_ok(start, end):
            return None
        return start, end

    def _title_then_name(
        self, cursor: int, honorific: Span | None, titles: list[TitleParse], start: int
    ) -> Result:
        following = self.read.text_at(cursor)
        last = titles[-1]
        # "Trao đổi với phóng viên, ông X": a bare lowercase occupation is someone else.
        bare_occupation = (
            last.is_occupation
            and last.organization is None
            and self.read.texts[last.start][0].islower()
        )
        if following == "," and honorific is None and not bare_occupation:
            hon_end = self.read.honorific_end(cursor + 1)
            name_end = self.read.name_run_end(hon_end) if hon_end else None
            if hon_end is not None and name_end is not None:
                return self._after_name((hon_end, name_end), (cursor + 1, hon_end), titles, start)
        if following == "(":
            inner = cursor + 1
            hon_end = self.read.honorific_end(inner)
            name_start = hon_end if hon_end is not None else inner
            name_end = self.read.name_run_end(name_start)
            if name_end is not None and self.read.text_at(name_end) == ")":
                hon = (inner, hon_end) if hon_end is not None else honorific
                found = Found((name_start, name_end), hon, [], list(titles), start, name_end + 1)
                return [found], name_end + 1
        return [], cursor

    # Honorific before the name: "ông Nguyễn Văn A", "đồng chí Bí thư Tỉnh ủy X".
    def _honorific_first(self, index: int) -> Result | None:
        hon_end = self.read.honorific_end(index)
        if hon_end is None:
            return None
        titled = self._title_first(hon_end, honorific=(index, hon_end))
        if titled is not None and titled[0]:
            return titled
        name_end = self.read.name_run_end(hon_end)
        if name_end is None:
            return None
        return self._after_name((hon_end, name_end), (index, hon_end), [], index)

    # A bare name with its titles after it: "Nguyễn Văn Thông – Phó Bí thư Thường trực Tỉnh ủy".
    def _name_first(self, index: int) -> Result | None:
        read = self.read
        if not read.is_surname(index) or not read.is_name_word(index):
            return None
        if not self._may_open_name(index):
            return None
        if read.after_place_prefix(index):
            return None
        end = read.name_run_end(index)
        if end is None or end - index < 2 or read.known_non_person(index, end) is not None:
            return None
        if read.text_at(end) not in {"-", "–", "—", ",", "("}:
            return None
        found, after = self._after_name((index, end), None, [], index)
        return (found, after) if found and found[0].own_titles else None

    # Titles after the name: " - t1, t2 kiêm t3", ", t1, t2," or " (t1, 45 tuổi)".
    def _after_name(
        self,
        name: Span,
        honorific: Span | None,
        titles: list[TitleParse],
        start: int,
        *,
        shared: list[TitleParse] | None = None,
        shared_honorific: Span | None = None,
    ) -> Result:
        name_end = name[1]
        following = self.read.text_at(name_end)
        after_titles: list[TitleParse] = []
        cursor = name_end
        if following in _DASH_OR_COMMA:
            after_titles, cursor = self._title_list(name_end + 1)
            if not after_titles:
                cursor = name_end
        elif following == "(":
            after_titles, cursor = self._bracket_titles(name_end + 1)
            if not after_titles:
                cursor = name_end
        own = [*titles, *after_titles]
        end = own[-1].end if after_titles else name_end
        found = Found(name, honorific, list(shared or []), own, start, max(end, name_end))
        if shared_honorific is not None and honorific is None:
            found.honorific = shared_honorific
        return [found], max(cursor, name_end)

    def _title_list(self, index: int) -> tuple[list[TitleParse], int]:
        titles: list[TitleParse] = []
        cursor = index
        while len(titles) < _MAX_TITLES:
            title = self._apposition_title(cursor)
            if title is None or self.read.name_in_title(title) is not None:
                break
            if self._names_someone_else(title):
                break
            titles.append(title)
            cursor = title.end
            following = self.read.text_at(cursor)
            if following in {",", "kiêm"} and self._apposition_title(cursor + 1) is not None:
                cursor += 1
                continue
            break
        return titles, cursor

    def _names_someone_else(self, title: TitleParse) -> bool:
        """Whether an occupation in a list after a name is the next person with their own
        title: "nghệ sĩ Hữu Châu, diễn viên Đại Nghĩa" (the whole organisation is a name)."""
        if not title.is_occupation or title.organization is None:
            return False
        if self.read.texts[title.organization[0] - 1] in {"của", "tại"}:
            return False
        split = self.read.name_in_title(title, loose=True)
        return split is not None and split.title.organization is None

    def _apposition_title(self, index: int) -> TitleParse | None:
        """The title at ``index`` after a name, unless it is a verb with its object.

        "Ông X, Giám đốc Sở Y tế, chủ trì cuộc họp": a lowercase position that is also a
        verb ("chủ trì", "cố vấn"), with no organisation and a word that is not a function
        word after it, is the verb.
        """
        read = self.read
        title = read.title_at(index)
        if (
            title is not None
            and title.organization is None
            and read.texts[index][0].islower()
            and read.lex.verb_positions.longest(read.keys, title.position[0]) is not None
            and read.is_lower_word(title.end)
            and read.keys[title.end] not in read.lex.stopwords
        ):
            return None
        return title

    # A foreign name with its titles after it: "Will Townsend, chuyên gia phân tích của X".
    def _foreign_name_before(self, index: int) -> Result | None:
        """A foreign name (no known surname) right before the comma or dash at ``index - 1``.

        Tried where a title starts: the name is the run of name words before the comma, at
        least two, one of them foreign, none a place or organisation; a Vietnamese word
        that opens a sentence ("Với", "Theo") is left out.
        """
        read = self.read
        comma = index - 1
        if read.text_at(comma) not in _DASH_OR_COMMA or read.title_at(index) is None:
            return None
        floor = max(self.after, comma - _BEFORE_LIMIT)
        units = read.name_units(floor, comma)
        if not units or units[-1][1] != comma:
            return None
        if units[0][0] == floor and read.is_name_word(floor - 1) and floor > self.after:
            return None  # the run goes on before the window: too long for a name
        while (
            units
            and not read.unit_is_foreign(*units[0])
            and (read.keys[units[0][0]] in read.lex.stopwords or read.sentence_start(units[0][0]))
        ):
            units = units[1:]
        if not 2 <= len(units) <= 5 or not any(read.unit_is_foreign(*unit) for unit in units):
            return None
        start = units[0][0]
        if not read.name_ok(start, comma) or any(
            read.qualifier_end(unit_start, comma) for unit_start, _ in units
        ):
            return None
        found, after = self._after_name((start, comma), None, [], start)
        if not found or not found[0].own_titles:
            return None
        last = found[0].own_titles[-1]
        closed = read.text_at(last.end) in {*_DASH_OR_COMMA, ")", ":", ";", "."}
        # "Sea Games, võ sĩ sẽ…": a bare title that runs on into the sentence is not about it
        return (found, after) if last.organization is not None or closed else None

    def _bracket_titles(self, index: int) -> tuple[list[TitleParse], int]:
        titles: list[TitleParse] = []
        cursor = index
        limit = min(self.size, index + _BRACKET_LIMIT)
        while cursor < limit:
            text = self.read.text_at(cursor)
            if text == ")":
                return titles, cursor + 1
            if text in {"(", "\n"}:
                break
            title = self.read.title_at(cursor)
            if title is not None and self.read.text_at(title.end) in {",", ";", ")"}:
                if self.read.name_in_title(title) is None:
                    titles.append(title)
                cursor = title.end
            else:  # an age, an address, a home town: not a title, skip the item
                while cursor < limit and self.read.text_at(cursor) not in {",", ";", ")", "\n"}:
                    cursor += 1
            if self.read.text_at(cursor) in {",", ";"}:
                cursor += 1
        return [], index

    # Shared titles and honorifics: "Các đồng chí: A - …; B - …", "các Thứ trưởng A, B",
    # "Hai Phó Giám đốc Sở X A và B", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A; B".
    def _plural(self, index: int) -> Result | None:
        read = self.read
        hon_end = read.honorific_end(index, before_list=True)
        honorific = (index, hon_end) if hon_end is not None else None
        cursor = hon_end if hon_end is not None else index
        shared: list[TitleParse] = []
        first: tuple[int, int] | None = None
        while len(shared) < _MAX_TITLES and (title := read.title_at(cursor)) is not None:
            split = read.name_in_title(title, loose=True)
            if split is not None:
                shared.append(split.title)
                first = (split.name_start, split.name_end)
                break
            shared.append(title)
            cursor = title.end
            if read.text_at(cursor) == "," and read.title_at(cursor + 1) is not None:
                cursor += 1
                continue
            break
        if honorific is None and not shared:
            return None
        if first is None:
            first = self._list_name(
                cursor + 1 if read.text_at(cursor) == ":" else cursor, honorific, bool(shared)
            )
        if first is None:
            return [], cursor
        return self._name_list(first, shared, honorific)

    def _list_name(
        self, index: int, honorific: Span | None, titled: bool = False
    ) -> tuple[int, int] | None:
        """A name in a list; under a shared title or honorific any name word may open it
        ("các diễn viên Hữu Tài, Gold Trần"), otherwise a full name with a known surname."""
        read = self.read
        end = read.name_run_end(index)
        if end is None:  # (also past the end)
            return None
        if (honorific is not None or titled) and read.name_ok(index, end):
            return index, end
        if end - index < 2 or not read.is_surname(index):
            return None
        return index, end

    def _name_list(
        self, first: tuple[int, int], shared: list[TitleParse], honorific: Span | None
    ) -> Result:
        people: list[Found] = []
        entry: tuple[Span, Span | None] | None = (first, None)
        cursor = first[1]
        while entry is not None and len(people) < _MAX_LIST:
            name, own_honorific = entry
            start = own_honorific[0] if own_honorific else name[0]
            found, cursor = self._after_name(
                name, own_honorific, [], start, shared=shared, shared_honorific=honorific
            )
            people.extend(found)
            entry = self._next_in_list(cursor, honorific, bool(shared))
        return people, cursor

    def _next_in_list(
        self, cursor: int, honorific: Span | None, titled: bool
    ) -> tuple[Span, Span | None] | None:
        """The next name of a list (and its own honorific: "ông A và bà B")."""
        read = self.read
        if read.text_at(cursor) not in {",", ";", "và"}:
            return None
        cursor += 1
        if read.text_at(cursor) == "và":
            cursor += 1
        own_end = read.honorific_end(cursor)
        if own_end is not None:
            end = read.name_run_end(own_end)
            return ((own_end, end), (cursor, own_end)) if end is not None else None
        name = self._list_name(cursor, honorific, titled)
        return (name, None) if name is not None else None


def scan(
    columns: Columns,
    lex: Lexicons,
    word_spans: frozenset[tuple[int, int]] | None = None,
) -> list[Found]:
    """Every person in ``columns``, in text order (``word_spans``: optional segmenter words)."""
    return _Scanner(columns, lex, word_spans).scan()

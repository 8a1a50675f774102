"""The layout of a scraped page: which line is the title, the byline, the dateline, a caption,
page furniture (boilerplate, driven by the pattern table ``data/boilerplate_lines.tsv``) or a
body paragraph."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import get_args

import regex

from vnnews._data import read_lines, read_tsv
from vnnews.article._results import Boilerplate, BoilerplateKind, Segment, Span
from vnnews.normalization import NormalizedText, normalize_with_offsets

# Layout thresholds, in characters of normalised text.
_BOILERPLATE_MAX = 160  # longer lines are never boilerplate
_TITLE_MIN, _TITLE_MAX = 8, 250
_CAPTION_MAX = 250  # a caption with no final stop
_CAPTION_WITH_STOP_MAX = 120  # a caption that ends with "."
_BYLINE_MAX = 80


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: its normalised text, where that starts in the normalised article,
    and its span in the original input."""

    norm: str
    start: int
    span: Span

    @property
    def norm_range(self) -> Span:
        """The line's range in the normalised text of the article."""
        return self.start, self.start + len(self.norm)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    kind: BoilerplateKind


@dataclass(frozen=True, slots=True)
class _Layout:
    """The regions of an article: what each line of the input is."""

    title: Segment | None
    byline: Segment | None
    author: str | None
    dateline: Segment | None
    published: date | None
    paragraphs: list[Segment]
    paragraph_ranges: list[Span]  # where each paragraph is in the normalised text
    captions: list[Segment]
    boilerplate: list[Boilerplate]
    normalized: NormalizedText


def _read_layout(text: str) -> _Layout:
    normalized = normalize_with_offsets(text)
    lines = _split_lines(normalized)
    furniture = [_match_boilerplate(line.norm) for line in lines]
    content = [i for i, found in enumerate(furniture) if found is None]
    title_at = _find_title(lines, content)
    byline_at = _find_byline(lines, content, title_at)
    caption_at = _find_captions(lines, furniture, content, {title_at, byline_at})
    boilerplate: list[Boilerplate] = []
    paragraphs: list[Segment] = []
    paragraph_ranges: list[Span] = []
    captions: list[Segment] = []
    dateline: Segment | None = None
    published: date | None = None
    for index, line in enumerate(lines):
        segment = Segment(text[line.span[0] : line.span[1]], line.span)
        found = furniture[index]
        if found is not None:
            rule, match = found
            boilerplate.append(Boilerplate(segment.text, segment.span, rule.kind, rule.name))
            if rule.kind == "dateline" and dateline is None:
                published = _dateline_date(match)
                dateline = segment if published is not None else None
        elif title_at is not None and index < title_at:
            boilerplate.append(Boilerplate(segment.text, segment.span, "preamble", "before_title"))
        elif index in caption_at:
            captions.append(segment)
        elif index not in (title_at, byline_at):
            paragraphs.append(segment)
            paragraph_ranges.append(line.norm_range)
    title = _segment(text, lines[title_at]) if title_at is not None else None
    byline = _segment(text, lines[byline_at]) if byline_at is not None else None
    author = _author(text, lines[byline_at]) if byline_at is not None else None
    return _Layout(
        title,
        byline,
        author,
        dateline,
        published,
        paragraphs,
        paragraph_ranges,
        captions,
        boilerplate,
        normalized,
    )


def _segment(text: str, line: _Line) -> Segment:
    return Segment(text[line.span[0] : line.span[1]], line.span)


def _split_lines(normalized: NormalizedText) -> list[_Line]:
    lines = []
    position = 0
    for raw in normalized.text.split("\n"):
        stripped = raw.strip(" ")
        if stripped:
            start = position + raw.index(stripped[0])
            span = normalized.original_span(start, start + len(stripped))
            lines.append(_Line(stripped, start, span))
        position += len(raw) + 1
    return lines


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[tuple[_Rule, regex.Pattern[str]], ...]:
    """The rules of the boilerplate table, in its order, each with its compiled pattern."""
    rows = read_tsv("boilerplate_lines.tsv")
    return tuple(
        (_Rule(name, _kind(kind)), regex.compile(pattern, regex.IGNORECASE))
        for name, kind, pattern in rows
    )


_KINDS: tuple[BoilerplateKind, ...] = get_args(BoilerplateKind)


def _kind(written: str) -> BoilerplateKind:
    """A kind of the table as a :data:`BoilerplateKind` (ValueError for one it lacks)."""
    for kind in _KINDS:
        if kind == written:
            return kind
    raise ValueError(f"boilerplate_lines.tsv: unknown kind {written!r}")


@lru_cache(maxsize=4096)
def _rules_opening(prefix: str) -> tuple[tuple[_Rule, regex.Pattern[str]], ...]:
    """The rules that can match a whole line beginning with ``prefix`` (its first two
    characters), found once per prefix by a partial match.

    Most lines rule out all but a few patterns by their first two characters ("Qu…" can only
    be a breadcrumb or an image file name); trying the whole table, as one alternation, on
    every short line cost more than all the rest of the layout.
    """
    return tuple(rule for rule in _boilerplate_rules() if rule[1].fullmatch(prefix, partial=True))


def _match_boilerplate(line: str) -> tuple[_Rule, regex.Match[str]] | None:
    """The first rule of the table that matches the whole line, and its match."""
    if len(line) > _BOILERPLATE_MAX:
        return None
    for rule, pattern in _rules_opening(line[:2]):
        match = pattern.fullmatch(line)
        if match is not None:
            return rule, match
    return None


def _dateline_date(match: regex.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        day = date(int(groups["year"] or 0), int(groups["month"] or 0), int(groups["day"] or 0))
        if groups.get("hour") and groups.get("minute"):
            return datetime(
                day.year, day.month, day.day, int(groups["hour"]), int(groups["minute"])
            )
    except (ValueError, TypeError):
        return None
    return day


@lru_cache(maxsize=1)
def _sentence_stop() -> regex.Pattern[str]:
    return regex.compile(r"[.!?…:;]\W{0,3}$")


def _find_title(lines: Sequence[_Line], content: Sequence[int]) -> int | None:
    """The first substantial content line, when a headline can be told from a paragraph."""
    for position, index in enumerate(content):
        line = lines[index].norm
        if len(line) < _TITLE_MIN or " " not in line:
            continue
        if position == len(content) - 1 or len(line) > _TITLE_MAX:
            return None  # the only content line, or too long: a paragraph
        return None if line.endswith(".") and not line.endswith("...") else index
    return None


@lru_cache(maxsize=1)
def _byline_pattern() -> regex.Pattern[str]:
    prefixes = sorted(read_lines("boilerplate_byline_prefixes.txt"), key=len, reverse=True)
    label = "|".join(regex.escape(prefix) for prefix in prefixes)
    syllable = r"\p{Lu}(?:'\p{Lu})?\p{Ll}{0,9}"
    name = rf"(?:{syllable}(?: {syllable}){{1,5}}|\p{{Lu}}{{2,8}})"
    source = r"(?:\w{1,30}\.(?:vn|com|net|org)|[\p{Lu}\d](?:[\w&'-]|\.(?=\w)){0,30})"
    parenthesis = r"(?: ?\([^()\n]{1,30}\))?"
    word = r"\w(?:[\w&'-]|\.(?=\w)){0,30}"
    names = rf"{name}{parenthesis}(?:(?: ?[-–—/,] ?| và ){name}{parenthesis}){{0,3}}"
    return regex.compile(
        rf"(?P<source>theo (?:{source})(?: (?:{word}|-|–)){{0,6}})\.?"
        rf"|(?:(?i:{label}) ?: ?)?(?P<author>{names})\.?",
        regex.VERSION0,
    )


def _find_byline(lines: Sequence[_Line], content: Sequence[int], title: int | None) -> int | None:
    """The last content line when it is a short name or "Theo …" source."""
    if not content or content[-1] == title:
        return None
    line = lines[content[-1]].norm
    if len(line) <= _BYLINE_MAX and _byline_pattern().fullmatch(_byline_form(line)):
        return content[-1]
    return None


def _byline_form(line: str) -> str:
    # "Theo" is matched case-insensitively on its own; names keep their capitals.
    return "theo" + line[4:] if line[:5].casefold() == "theo " else line


def _author(text: str, line: _Line) -> str:
    match = _byline_pattern().fullmatch(_byline_form(line.norm))
    assert match is not None  # the line was chosen by this pattern
    group = "source" if match.group("source") else "author"
    normalized = normalize_with_offsets(text[line.span[0] : line.span[1]])
    return normalized.original_text(*match.span(group))


@lru_cache(maxsize=1)
def _credit() -> regex.Pattern[str]:
    return regex.compile(r"\(?(?:ảnh|nguồn|ảnh minh họa|clip|video) ?:", regex.IGNORECASE)


def _find_captions(
    lines: Sequence[_Line],
    furniture: Sequence[tuple[_Rule, regex.Match[str]] | None],
    content: Sequence[int],
    taken: set[int | None],
) -> set[int]:
    """Content lines right after a photo placeholder that read like captions, and credits."""
    captions: set[int] = set()
    for index in content:
        if index in taken or index == 0:
            continue
        before = furniture[index - 1]
        after_photo = before is not None and before[0].kind == "photo"
        credit = index - 1 in captions and _credit().match(lines[index].norm) is not None
        if (after_photo and _is_caption(lines[index].norm)) or credit:
            captions.add(index)
    return captions


def _is_caption(line: str) -> bool:
    if _credit().search(line) and len(line) <= _CAPTION_MAX:
        return True
    if not _sentence_stop().search(line):
        return len(line) <= _CAPTION_MAX
    return len(line) <= _CAPTION_WITH_STOP_MAX and ". " not in line

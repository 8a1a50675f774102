"""Whole-article analysis: one scraped news page in, one structured :class:`Article` out.

:func:`analyze` splits the page into lines, removes boilerplate (driven by the pattern table
``data/boilerplate_lines.tsv``), finds the title, the photo captions, the byline and the
dateline, keeps the rest as body paragraphs, then runs the capability extractors once over the
whole text and keeps what falls inside the regions each result belongs to: sentences, figures
and dates from the body paragraphs, people from the title, body and captions (merged into one
entry per person). Every span points into the original input.

>>> from vnnews import analyze
>>> article = analyze("Tiêu đề bài báo hôm nay\\n\\nSáng 20/1, hội nghị khai mạc.\\n\\nKim Oanh")
>>> article.title, article.author, [p.text for p in article.paragraphs]
('Tiêu đề bài báo hôm nay', 'Kim Oanh', ['Sáng 20/1, hội nghị khai mạc.'])
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date, datetime
from enum import Enum
from functools import lru_cache, partial
from itertools import islice
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

import regex

from vnnews._data import read_lines, read_tsv
from vnnews.errors import ParseError, require_str
from vnnews.normalize import NormalizedText, normalize, normalize_with_offsets

if TYPE_CHECKING:
    from concurrent.futures import Future

    from vnnews.dates import DateMatch
    from vnnews.numbers import NumberMatch
    from vnnews.people import PersonMention, Role
    from vnnews.words import Word

__all__ = [
    "Article",
    "ArticleError",
    "Boilerplate",
    "Person",
    "Segment",
    "analyze",
    "analyze_many",
    "date_to_dict",
    "mention_to_dict",
    "merge_people",
    "number_to_dict",
    "ordered_map",
    "plain",
    "role_to_dict",
    "word_to_dict",
]

Span = tuple[int, int]
_T = TypeVar("_T")
_R = TypeVar("_R")

SCHEMA_VERSION = 1
"""Version of the :meth:`Article.to_dict` schema; it changes only when a key changes meaning."""

# Layout thresholds, in characters of normalised text.
_BOILERPLATE_MAX = 160  # longer lines are never boilerplate
_TITLE_MIN, _TITLE_MAX = 8, 250
_CAPTION_MAX = 250  # a caption with no final stop
_CAPTION_WITH_STOP_MAX = 120  # a caption that ends with "."
_BYLINE_MAX = 80
_DATELINE_MAX = 100


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the article (paragraph, caption, sentence, byline…) and its span.

    ``text`` is the original input under ``span``, surrounding spaces stripped.
    """

    text: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, object]:
        """``{"text": …, "span": [start, end]}``."""
        return {"text": self.text, "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A removed line: page furniture, not part of the article.

    ``kind`` is one of photo, image, comment, share, related, views, tags, nav, dateline (from
    the pattern table) or preamble (a short line before the title); ``rule`` names the pattern
    that matched, so a wrong removal can be traced to its row of ``boilerplate_lines.tsv``.
    """

    text: str
    span: tuple[int, int]
    kind: str
    rule: str

    def to_dict(self) -> dict[str, object]:
        """``{"text", "span", "kind", "rule"}``."""
        return {"text": self.text, "span": list(self.span), "kind": self.kind, "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Person:
    """One person across the whole article: every mention merged.

    Attributes:
        name: the fullest form of the name (normalised, as ``vnnews.people`` gives it).
        honorifics: the honorifics used for the person ("đồng chí", "ông"…), first use first.
        roles: every distinct title the article gives the person, in order of first mention.
        mentions: every mention, in text order (each has ``.text`` and ``.span``).
    """

    name: str
    honorifics: tuple[str, ...]
    roles: tuple[Role, ...]
    mentions: tuple[PersonMention, ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The span of every mention, in text order."""
        return tuple(mention.span for mention in self.mentions)

    def to_dict(self) -> dict[str, object]:
        """``{"name", "honorifics", "roles", "mentions"}`` (see the article schema)."""
        return {
            "name": self.name,
            "honorifics": list(self.honorifics),
            "roles": [role_to_dict(role) for role in self.roles],
            "mentions": [mention_to_dict(mention) for mention in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Article:
    """The structured result of :func:`analyze`. All spans point into ``text``.

    Attributes:
        text: the input, exactly as given.
        title: the headline as written, or None.
        title_span: its span, or None.
        slug: the URL slug of the title (:func:`vnnews.slugify`), or None without a title.
        author: the byline without its credit label ("Kim Oanh"), or a "Theo …" source as
            written; None when the article has no byline.
        byline: the whole byline line and its span, or None.
        published: the date given to :func:`analyze`, else the date of the dateline, else None.
        dateline: the dateline line the date was read from, or None.
        paragraphs: the body paragraphs (one a line), boilerplate, title, captions and byline
            removed.
        captions: the photo captions.
        boilerplate: the removed lines (datelines and lines before the title included).
        sentences: the sentences of the body paragraphs.
        people: one :class:`Person` per person named in the title, body or captions.
        numbers: the figures of the body paragraphs (:func:`vnnews.extract_numbers`).
        dates: the dates of the body paragraphs, resolved against ``published``.
        words: the words of the body paragraphs with ``analyze(..., words=True)``, else None.
    """

    text: str = field(repr=False)
    title: str | None
    title_span: tuple[int, int] | None
    slug: str | None
    author: str | None
    byline: Segment | None
    published: date | None
    dateline: Segment | None
    paragraphs: tuple[Segment, ...]
    captions: tuple[Segment, ...]
    boilerplate: tuple[Boilerplate, ...]
    sentences: tuple[Segment, ...]
    people: tuple[Person, ...]
    numbers: tuple[NumberMatch, ...]
    dates: tuple[DateMatch, ...]
    words: tuple[Word, ...] | None = None

    def to_dict(self) -> dict[str, object]:
        """The article as JSON-ready data with stable keys (schema in ``docs/article.md``).

        >>> article = analyze("Tiêu đề bài báo hôm nay\\nNội dung chính của bài.")
        >>> sorted(article.to_dict())[:5]
        ['author', 'boilerplate', 'byline', 'captions', 'dateline']
        """
        return {
            "schema": SCHEMA_VERSION,
            "title": self.title,
            "title_span": list(self.title_span) if self.title_span else None,
            "slug": self.slug,
            "author": self.author,
            "byline": self.byline.to_dict() if self.byline else None,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "paragraphs": [paragraph.to_dict() for paragraph in self.paragraphs],
            "captions": [caption.to_dict() for caption in self.captions],
            "boilerplate": [line.to_dict() for line in self.boilerplate],
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "people": [person.to_dict() for person in self.people],
            "numbers": [number_to_dict(number) for number in self.numbers],
            "dates": [date_to_dict(match) for match in self.dates],
            "words": None if self.words is None else [word_to_dict(w) for w in self.words],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 characters kept, not escaped)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


@dataclass(frozen=True, slots=True)
class ArticleError:
    """What :func:`analyze_many` yields for a record it could not analyse.

    Attributes:
        index: the position of the record in the input (0-based).
        error: a one-line message.
        error_type: the exception class name ("TypeError", "ParseError"…).
    """

    index: int
    error: str
    error_type: str

    def to_dict(self) -> dict[str, object]:
        """``{"index", "error", "error_type"}``."""
        return {"index": self.index, "error": self.error, "error_type": self.error_type}


# --------------------------------------------------------------------------- analysis


def analyze(text: str, *, published: date | str | None = None, words: bool = False) -> Article:
    """Analyse one news article as scraped: title, byline, body, people, figures, dates.

    Args:
        text: the article, one paragraph or line of page furniture a line.
        published: the publication date (a ``date``, ``datetime`` or ``"YYYY-MM-DD"``); when
            None it is read from a dateline of the page if there is one. Relative dates of the
            body ("hôm qua", "Sáng 20/1") are resolved against it.
        words: also segment the body into words (loads underthesea's model on first use).

    Returns:
        An :class:`Article` whose spans all point into ``text``.

    Raises:
        TypeError: ``text`` is not a str, or ``published`` is not a date, str or None.
        ParseError: ``published`` is a string that is not a ``YYYY-MM-DD`` date.

    >>> article = analyze(
    ...     "image banner\\nHội nghị tổng kết năm 2021 của tỉnh\\n"
    ...     "Ngày 18/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.\\nAnh-tin-bai\\n"
    ...     "Quang cảnh hội nghị\\nTheo Báo Quảng Ngãi",
    ...     published="2022-01-20",
    ... )
    >>> article.title
    'Hội nghị tổng kết năm 2021 của tỉnh'
    >>> [c.text for c in article.captions], article.author
    (['Quang cảnh hội nghị'], 'Theo Báo Quảng Ngãi')
    >>> [(b.text, b.kind) for b in article.boilerplate]
    [('image banner', 'image'), ('Anh-tin-bai', 'photo')]
    """
    require_str(text, "text")
    given = _coerce_published(published)
    layout = _read_layout(text)
    body = tuple(layout.paragraphs)
    reference = given if given is not None else layout.published
    title = layout.title
    dates = _dates(layout, reference)
    return Article(
        text=text,
        title=title.text if title else None,
        title_span=title.span if title else None,
        slug=_slug(title.text) if title else None,
        author=layout.author,
        byline=layout.byline,
        published=reference,
        dateline=layout.dateline,
        paragraphs=body,
        captions=tuple(layout.captions),
        boilerplate=tuple(layout.boilerplate),
        sentences=_sentences(text, body),
        people=_people(layout.normalized, _people_regions(layout)),
        numbers=_numbers(layout, dates),
        dates=dates,
        words=_words(text, body) if words else None,
    )


def analyze_many(
    texts: Iterable[str],
    *,
    published: date | str | None = None,
    words: bool = False,
    workers: int = 1,
    chunksize: int = 16,
) -> Iterator[Article | ArticleError]:
    """Analyse a stream of articles; results come in input order, one per input.

    A record that cannot be analysed (not a str, say) gives an :class:`ArticleError` in its
    place and the stream goes on. With ``workers > 1`` the work is spread over a process
    pool in chunks of ``chunksize`` records, with a bounded number of chunks in flight, so
    memory stays constant however long the stream is.

    Args:
        texts: the articles (any iterable, consumed lazily).
        published: the publication date used for every article (see :func:`analyze`).
        words: also segment each body into words.
        workers: number of processes (1 = in this process).
        chunksize: records sent to a worker at a time.

    Returns:
        An iterator of :class:`Article` or :class:`ArticleError`, one per input record.

    Raises:
        ValueError: ``workers`` or ``chunksize`` is below 1 (raised by the call itself, like
            the errors of ``published``, before any record is read).

    >>> results = list(analyze_many(["Tiêu đề đầu tiên\\nNội dung một.", None, "Nội dung."]))
    >>> [type(result).__name__ for result in results]
    ['Article', 'ArticleError', 'Article']
    >>> results[1].error
    'text must be str, not NoneType'
    """
    if workers < 1 or chunksize < 1:
        raise ValueError("workers and chunksize must be at least 1")
    task = partial(_analyze_record, published=_coerce_published(published), words=words)
    return ordered_map(task, enumerate(texts), workers=workers, chunksize=chunksize)


def _analyze_record(
    record: tuple[int, object], *, published: date | None, words: bool
) -> Article | ArticleError:
    index, text = record
    try:
        return analyze(text, published=published, words=words)  # type: ignore[arg-type]
    except Exception as error:  # one bad record must not stop the stream
        return ArticleError(index, _one_line(error), type(error).__name__)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def ordered_map(
    function: Callable[[_T], _R], items: Iterable[_T], *, workers: int = 1, chunksize: int = 16
) -> Generator[_R, None, None]:
    """``map(function, items)`` over a process pool, in order, with bounded memory.

    ``function`` must be picklable (a module-level function or a ``partial`` of one) and
    should not raise. Workers ignore Ctrl-C; the caller decides how to stop.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Not "fork": a worker forked while this process has half a line in its stdout buffer
    # would write that half again when it exits.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_ignore_interrupts,
    )
    pending: deque[Future[list[_R]]] = deque()
    try:
        for chunk in _chunks(iter(items), chunksize):
            pending.append(pool.submit(_map_chunk, function, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Normal end: nothing is pending and the workers are reaped. Early stop (the caller
        # closed the generator, or Ctrl-C): drop what is queued, do not wait for it.
        pool.shutdown(wait=not pending, cancel_futures=True)


def _chunks(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _map_chunk(function: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [function(item) for item in chunk]


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _coerce_published(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ParseError(value, "expected a date as YYYY-MM-DD") from None
    raise TypeError(f"published must be a date, str or None, not {type(value).__name__}")


# --------------------------------------------------------------------------- layout


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
    kind: str


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
        (_Rule(name, kind), regex.compile(pattern, regex.IGNORECASE))
        for name, kind, pattern in rows
    )


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


# --------------------------------------------------------------------------- extraction
# Each extractor runs on each region (paragraph, caption, title) on its own, so no match can
# reach across a line into furniture or a neighbouring paragraph; its spans are then shifted
# by the region's start. The people extractor never reads across a line, so it runs once over
# the whole text (sharing the layout's normalisation) and keeps the mentions in the regions.
# The total work stays linear in the length of the article.


class _Spanned(Protocol):
    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def span(self) -> Span: ...


_M = TypeVar("_M", bound=_Spanned)


def _shift(match: _M, offset: int) -> _M:
    start, end = match.span
    return replace(match, span=(start + offset, end + offset))


def _per_region(
    text: str, regions: Iterable[Span], extract: Callable[[str], Iterable[_M]]
) -> list[_M]:
    found: list[_M] = []
    for start, end in regions:
        found += (_shift(match, start) for match in extract(text[start:end]))
    return found


def _spans(segments: Iterable[Segment]) -> list[Span]:
    return [segment.span for segment in segments]


def _people_regions(layout: _Layout) -> list[Span]:
    spans = _spans([*layout.paragraphs, *layout.captions])
    return sorted([*spans, layout.title.span] if layout.title else spans)


def _slug(title: str) -> str:
    from vnnews.slugs import slugify

    return slugify(title)


def _sentences(text: str, body: Sequence[Segment]) -> tuple[Segment, ...]:
    from vnnews.sentences import sentences_in

    spans = sentences_in(text, _spans(body))
    return tuple(Segment(text[start:end], (start, end)) for start, end in spans)


def _numbers(layout: _Layout, dates: Sequence[DateMatch]) -> tuple[NumberMatch, ...]:
    """extract_numbers of each paragraph, told the paragraph's dates (found once, by _dates).

    The paragraphs are read in the article's normalised text, which is what normalising each
    of them alone gives (normalisation never reaches across a line break).
    """
    from vnnews.numbers._extract import numbers_in

    found: list[NumberMatch] = []
    starts = [date.span[0] for date in dates]
    for paragraph, (low, high) in zip(layout.paragraphs, layout.paragraph_ranges, strict=True):
        start, end = paragraph.span
        inside = [d.span for d in dates[bisect_left(starts, start) : bisect_left(starts, end)]]
        found += numbers_in(layout.normalized, low, high, inside)
    return tuple(found)


def _dates(layout: _Layout, ref: date | None) -> tuple[DateMatch, ...]:
    """extract_dates of each paragraph, in the article's normalised text (see _numbers)."""
    from vnnews.dates import dates_in, reference_time

    return tuple(dates_in(layout.normalized, reference_time(ref), layout.paragraph_ranges))


def _words(text: str, body: Sequence[Segment]) -> tuple[Word, ...]:
    from vnnews.words import words

    return tuple(_per_region(text, _spans(body), words))


def _people(normalized: NormalizedText, regions: Sequence[Span]) -> tuple[Person, ...]:
    """The people of the regions (sorted spans of whole lines), merged.

    The people extractor never reads across a line break, so one pass over the whole text
    finds in each line what a pass over that line alone finds; the mentions outside the
    regions (boilerplate lines, byline, dateline) are dropped. Its spans already point into
    the original text.
    """
    from vnnews.people import people_in

    starts = [start for start, _ in regions]
    mentions = []
    for mention in people_in(normalized):
        region = bisect_right(starts, mention.span[0]) - 1
        if region >= 0 and mention.span[1] <= regions[region][1]:
            mentions.append(mention)
    return merge_people(mentions)


def merge_people(mentions: Iterable[PersonMention]) -> tuple[Person, ...]:
    """Group mentions by person: same name, or a shorter name that ends one earlier name.

    "đồng chí Thái Thanh Quý" after "Thái Thanh Quý - Bí thư Tỉnh ủy" is the same person,
    and so is a later "ông Quý" when exactly one earlier name ends in "Quý". Roles are kept
    once each (by title, case and spacing ignored), in order of first mention.
    """
    groups: dict[str, list[PersonMention]] = {}
    endings: dict[str, set[str]] = {}  # last syllables of a known name -> the names
    for mention in mentions:
        key = _name_key(mention.name)
        if key not in groups:
            owners = endings.get(key, set())
            if len(owners) == 1:
                key = next(iter(owners))
            else:
                _add_endings(key, endings)
        groups.setdefault(key, []).append(mention)
    return tuple(_person(group) for group in groups.values())


def _name_key(name: str) -> str:
    return " ".join(normalize(name).casefold().split())


def _add_endings(key: str, endings: dict[str, set[str]]) -> None:
    syllables = key.split(" ")
    for start in range(1, min(len(syllables), 8)):
        endings.setdefault(" ".join(syllables[start:]), set()).add(key)


def _person(mentions: list[PersonMention]) -> Person:
    name = max((mention.name for mention in mentions), key=lambda n: len(n.split()))
    honorifics = dict.fromkeys(m.honorific for m in mentions if m.honorific)
    roles: dict[str, Role] = {}
    for mention in mentions:
        for role in mention.roles:
            roles.setdefault(" ".join(role.title.casefold().split()), role)
    return Person(name, tuple(honorifics), tuple(roles.values()), tuple(mentions))


# --------------------------------------------------------------------------- JSON forms


def plain(value: object) -> object:
    """``value`` as JSON-ready data: dataclasses as dicts, tuples as lists, dates as ISO text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return str(value)


_NUMBER_KEYS = (
    "kind",
    "value",
    "ratio",
    "numerator",
    "denominator",
    "low",
    "high",
    "currency",
    "unit",
    "qualifier",
)


def number_to_dict(match: NumberMatch) -> dict[str, object]:
    """A figure as ``{"text", "span", "kind", "value", "ratio", …, "qualifier"}``."""
    data: dict[str, object] = {"text": match.text, "span": list(match.span)}
    data.update({key: plain(getattr(match, key, None)) for key in _NUMBER_KEYS})
    return data


def date_to_dict(match: DateMatch) -> dict[str, object]:
    """A date as ``{"text", "span", "start", "end", "grain", "lunar"}``."""
    value = match.value
    return {
        "text": match.text,
        "span": list(match.span),
        "start": plain(value.start),
        "end": plain(value.end),
        "grain": plain(value.grain),
        "lunar": plain(getattr(value, "lunar", None)),
    }


def role_to_dict(role: Role) -> dict[str, object]:
    """A title as ``{"title", "position", "modifiers", "organization", …, "span"}``."""
    span = getattr(role, "span", None)
    return {
        "title": role.title,
        "position": role.position,
        "modifiers": list(role.modifiers),
        "organization": role.organization,
        "organization_expanded": role.organization_expanded,
        "span": list(span) if span is not None else None,
    }


def mention_to_dict(mention: PersonMention) -> dict[str, object]:
    """A person mention as ``{"text", "span", "name", "honorific", "roles"}``."""
    return {
        "text": mention.text,
        "span": list(mention.span),
        "name": mention.name,
        "honorific": mention.honorific,
        "roles": [role_to_dict(role) for role in mention.roles],
    }


def word_to_dict(word: Word) -> dict[str, object]:
    """A word as ``{"text", "span", "pos", "is_name"}``."""
    return {
        "text": word.text,
        "span": list(word.span),
        "pos": word.pos,
        "is_name": word.is_name,
    }

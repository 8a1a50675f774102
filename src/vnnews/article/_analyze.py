"""Whole-article analysis: :func:`analyze` and :func:`analyze_many`.

The layout (:mod:`vnnews.article._layout`) says what each line is; this module runs the
capability extractors over the regions each result belongs to and merges the people.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from vnnews._reference import one_reference, reference_date, reference_time
from vnnews.article._layout import _Layout, _read_layout
from vnnews.article._pool import ordered_map
from vnnews.article._results import Article, ArticleError, Person, Segment, Span
from vnnews.errors import require_str
from vnnews.normalization import NormalizedText, normalize

if TYPE_CHECKING:
    from vnnews.dates import DateMatch, Prefer
    from vnnews.numbers import NumberMatch
    from vnnews.people import PersonMention, Role
    from vnnews.word_segmentation import Word

__all__ = ["analyze", "analyze_many", "merge_people"]


def analyze(
    text: str,
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
    words: bool = False,
) -> Article:
    """Analyse one news article as scraped: title, byline, body, people, figures, dates.

    Args:
        text: the article, one paragraph or line of page furniture a line.
        published: the publication date (a ``date``, ``datetime`` or ``"YYYY-MM-DD"``); when
            None it is read from a dateline of the page if there is one. Relative dates of the
            body ("hôm qua", "Sáng 20/1") are resolved against it.
        ref: another name for ``published``, as :func:`vnnews.extract_dates` calls it (give
            one of them).
        prefer: where a bare weekday or a date with no year is placed around ``published``
            (see :func:`vnnews.extract_dates`). The default, ``"nearest"``, is the news
            reading: a report names days close to its publication, before it as often as
            after (``docs/dates.md``, "Which occurrence"); ``"past"`` suits an archive of
            reports of past events, None gives :func:`vnnews.extract_dates`' own default.
        words: also segment the body into words (loads underthesea's model on first use).

    Returns:
        An :class:`Article` whose spans all point into ``text``.

    Raises:
        TypeError: ``text`` is not a str, ``published`` is not a date, datetime, str or
            None, or both ``published`` and ``ref`` are given.
        ParseError: ``published`` is a string that is not a real ``YYYY-MM-DD`` date (the
            message says what is wrong: "February 2022 has no day 30 (it has 28 days)").
        ValueError: ``prefer`` is not one of its values.

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
    given = reference_date(*one_reference(published, ref))
    _check_prefer(prefer)
    layout = _read_layout(text)
    body = tuple(layout.paragraphs)
    reference = given if given is not None else layout.published
    title = layout.title
    dates = _dates(layout, reference, prefer)
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
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
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
        ref: another name for ``published`` (give one of them).
        prefer: where weekdays and dates with no year are placed (see :func:`analyze`).
        words: also segment each body into words.
        workers: number of processes (1 = in this process).
        chunksize: records sent to a worker at a time.

    Returns:
        An iterator of :class:`Article` or :class:`ArticleError`, one per input record.

    Raises:
        ValueError: ``workers`` or ``chunksize`` is below 1, or ``prefer`` is not one of its
            values (raised by the call itself, like the errors of ``published`` (see
            :func:`analyze`), before any record is read).

    >>> results = list(analyze_many(["Tiêu đề đầu tiên\\nNội dung một.", None, "Nội dung."]))
    >>> [type(result).__name__ for result in results]
    ['Article', 'ArticleError', 'Article']
    >>> results[1].error
    'text must be str, not NoneType'
    """
    if workers < 1 or chunksize < 1:
        raise ValueError("workers and chunksize must be at least 1")
    given = reference_date(*one_reference(published, ref))
    _check_prefer(prefer)
    task = partial(_analyze_record, published=given, prefer=prefer, words=words)
    from vnnews.article._warm import warm_up

    return ordered_map(
        task, enumerate(texts), workers=workers, chunksize=chunksize, warm_up=warm_up
    )


def _analyze_record(
    record: tuple[int, object], *, published: date | None, prefer: Prefer | None, words: bool
) -> Article | ArticleError:
    index, text = record
    try:
        return analyze(text, published=published, prefer=prefer, words=words)  # type: ignore[arg-type]
    except Exception as error:  # one bad record must not stop the stream
        return ArticleError(index, _one_line(error), type(error).__name__)


def _check_prefer(prefer: object) -> None:
    from vnnews.dates._pieces import placing

    placing(prefer)  # ValueError for a value that is none of prefer's


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


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
    from vnnews.sentences import _sentences_in

    spans = _sentences_in(text, _spans(body))
    return tuple(Segment(text[start:end], (start, end)) for start, end in spans)


def _numbers(layout: _Layout, dates: Sequence[DateMatch]) -> tuple[NumberMatch, ...]:
    """extract_numbers of each paragraph, told the paragraph's dates (found once, by _dates).

    The paragraphs are read in the article's normalised text, which is what normalising each
    of them alone gives (normalisation never reaches across a line break).
    """
    from vnnews.numbers._extract import _numbers_in

    found: list[NumberMatch] = []
    starts = [date.span[0] for date in dates]
    for paragraph, (low, high) in zip(layout.paragraphs, layout.paragraph_ranges, strict=True):
        start, end = paragraph.span
        inside = [d.span for d in dates[bisect_left(starts, start) : bisect_left(starts, end)]]
        found += _numbers_in(layout.normalized, low, high, inside)
    return tuple(found)


def _dates(layout: _Layout, ref: date | None, prefer: Prefer | None) -> tuple[DateMatch, ...]:
    """extract_dates of each paragraph, in the article's normalised text (see _numbers)."""
    from vnnews.dates import _dates_in

    ranges = layout.paragraph_ranges
    return tuple(_dates_in(layout.normalized, reference_time(ref), ranges, prefer))


def _words(text: str, body: Sequence[Segment]) -> tuple[Word, ...]:
    from vnnews.word_segmentation import words

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

"""The result types of :func:`vnnews.analyze`: :class:`Article` and its parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, TypedDict

from vnnews.article._json import (
    choice,
    date_from_dict,
    mappings,
    mention_from_dict,
    number_from_dict,
    role_from_dict,
    span_of,
    text_at,
    word_from_dict,
)
from vnnews.errors import ParseError, require_str

if TYPE_CHECKING:
    from vnnews.dates import DateMatch, DateMatchDict
    from vnnews.numbers import NumberMatch, NumberMatchDict
    from vnnews.people import PersonMention, PersonMentionDict, Role, RoleDict
    from vnnews.word_segmentation import Word, WordDict

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleDict",
    "ArticleError",
    "ArticleErrorDict",
    "Boilerplate",
    "BoilerplateDict",
    "BoilerplateKind",
    "Person",
    "PersonDict",
    "Segment",
    "SegmentDict",
]

Span = tuple[int, int]

SCHEMA_VERSION = 1
"""Version of the :meth:`~vnnews.Article.to_dict` schema; it changes only when a key changes meaning."""

BoilerplateKind = Literal[
    "photo",
    "image",
    "comment",
    "share",
    "related",
    "views",
    "tags",
    "nav",
    "dateline",
    "preamble",
]
"""The kinds of :class:`Boilerplate`: those of ``data/boilerplate_lines.tsv``, and "preamble"."""


class SegmentDict(TypedDict):
    """A piece of an article (:meth:`~vnnews.Segment.to_dict`): a paragraph, caption, sentence,
    byline or dateline."""

    text: str
    span: list[int]


class BoilerplateDict(TypedDict):
    """A removed line of page furniture (:meth:`~vnnews.Boilerplate.to_dict`); ``rule`` names its row
    of ``boilerplate_lines.tsv``."""

    text: str
    span: list[int]
    kind: BoilerplateKind
    rule: str


class PersonDict(TypedDict):
    """One person across an article (:meth:`~vnnews.Person.to_dict`): every mention merged."""

    name: str
    honorifics: list[str]
    roles: list[RoleDict]
    mentions: list[PersonMentionDict]


class ArticleDict(TypedDict):
    """An article (:meth:`~vnnews.Article.to_dict`): the schema of ``docs/article.md``; the input
    text is not repeated."""

    schema: int
    title: str | None
    title_span: list[int] | None
    slug: str | None
    author: str | None
    byline: SegmentDict | None
    published: str | None
    dateline: SegmentDict | None
    paragraphs: list[SegmentDict]
    captions: list[SegmentDict]
    boilerplate: list[BoilerplateDict]
    sentences: list[SegmentDict]
    people: list[PersonDict]
    numbers: list[NumberMatchDict]
    dates: list[DateMatchDict]
    words: list[WordDict] | None


class ArticleErrorDict(TypedDict):
    """A record that could not be analysed (:meth:`~vnnews.ArticleError.to_dict`)."""

    index: int
    error: str
    error_type: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the article (paragraph, caption, sentence, byline…) and its span.

    ``text`` is the original input under ``span``, surrounding spaces stripped.
    """

    text: str
    span: tuple[int, int]

    def to_dict(self) -> SegmentDict:
        """``{"text": …, "span": [start, end]}``."""
        return {"text": self.text, "span": list(self.span)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object], text: str) -> Segment:
        """The segment of :meth:`to_dict`, its span into ``text`` (checked)."""
        return cls(text_at(text, data), span_of(data))


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A removed line: page furniture, not part of the article.

    ``kind`` is one of photo, image, comment, share, related, views, tags, nav, dateline (from
    the pattern table) or preamble (a short line before the title); ``rule`` names the pattern
    that matched, so a wrong removal can be traced to its row of ``boilerplate_lines.tsv``.
    """

    text: str
    span: tuple[int, int]
    kind: BoilerplateKind
    rule: str

    def to_dict(self) -> BoilerplateDict:
        """``{"text", "span", "kind", "rule"}``."""
        return {"text": self.text, "span": list(self.span), "kind": self.kind, "rule": self.rule}

    @classmethod
    def from_dict(cls, data: Mapping[str, object], text: str) -> Boilerplate:
        """The line of :meth:`to_dict`, its span into ``text`` (checked)."""
        rule = data.get("rule")
        if not isinstance(rule, str):
            raise ParseError(str(data)[:60], "a boilerplate line needs a string rule")
        return cls(text_at(text, data), span_of(data), choice(data, "kind", BoilerplateKind), rule)


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

    def to_dict(self) -> PersonDict:
        """``{"name", "honorifics", "roles", "mentions"}`` (see the article schema)."""
        return {
            "name": self.name,
            "honorifics": list(self.honorifics),
            "roles": [role.to_dict() for role in self.roles],
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object], text: str) -> Person:
        """The person of :meth:`to_dict`, every span into ``text`` (checked)."""
        name, honorifics = data.get("name"), data.get("honorifics")
        if not isinstance(name, str) or not isinstance(honorifics, list):
            raise ParseError(str(data)[:60], "a person needs a string name and honorifics")
        return cls(
            name,
            tuple(str(honorific) for honorific in honorifics),
            tuple(role_from_dict(role, text) for role in mappings(data, "roles")),
            tuple(mention_from_dict(mention, text) for mention in mappings(data, "mentions")),
        )


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

    def to_dict(self) -> ArticleDict:
        """The article as JSON-ready data with stable keys (schema in ``docs/article.md``).

        >>> from vnnews import analyze
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
            "numbers": [number.to_dict() for number in self.numbers],
            "dates": [match.to_dict() for match in self.dates],
            "words": None if self.words is None else [word.to_dict() for word in self.words],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object], text: str) -> Article:
        """The article :meth:`to_dict` gave, rebuilt with ``text``, the input it was made from.

        The dictionary does not repeat the input, so it is given again; every span is checked
        against it (``ParseError`` when a span does not slice the ``"text"`` it came with, or
        when ``data`` is not of this schema). Keys other than the schema's (an ``"id"`` or
        ``"index"`` of a record, say) are ignored.

        >>> from vnnews import analyze
        >>> text = "Giá vàng lập đỉnh mới\\nSáng 20/1, giá vàng tăng 2%."
        >>> article = analyze(text, published="2022-01-20")
        >>> Article.from_dict(article.to_dict(), text) == article
        True
        """
        require_str(text, "text")
        if not isinstance(data, Mapping):
            raise TypeError(f"data must be a mapping, not {type(data).__name__}")
        if data.get("schema") != SCHEMA_VERSION:
            raise ParseError(str(data.get("schema")), f"not an article of schema {SCHEMA_VERSION}")
        title_span = span_of(data, "title_span") if data.get("title_span") is not None else None
        words = data.get("words")
        return cls(
            text=text,
            title=text_at(text, data, "title_span", "title") if title_span else None,
            title_span=title_span,
            slug=_optional(data, "slug"),
            author=_optional(data, "author"),
            byline=_segment(data, "byline", text),
            published=_published(data.get("published")),
            dateline=_segment(data, "dateline", text),
            paragraphs=_segments(data, "paragraphs", text),
            captions=_segments(data, "captions", text),
            boilerplate=tuple(
                Boilerplate.from_dict(b, text) for b in mappings(data, "boilerplate")
            ),
            sentences=_segments(data, "sentences", text),
            people=tuple(Person.from_dict(person, text) for person in mappings(data, "people")),
            numbers=tuple(number_from_dict(number, text) for number in mappings(data, "numbers")),
            dates=tuple(date_from_dict(match, text) for match in mappings(data, "dates")),
            words=None
            if words is None
            else tuple(word_from_dict(word, text) for word in mappings(data, "words")),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 characters kept, not escaped)."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _optional(data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ParseError(str(value)[:60], f"{key!r} must be a string or null")


def _segment(data: Mapping[str, object], key: str, text: str) -> Segment | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ParseError(str(value)[:60], f"{key!r} must be an object or null")
    return Segment.from_dict(value, text)


def _segments(data: Mapping[str, object], key: str, text: str) -> tuple[Segment, ...]:
    return tuple(Segment.from_dict(item, text) for item in mappings(data, key))


def _published(value: object) -> date | None:
    """The ``published`` of :meth:`~vnnews.Article.to_dict`: ``YYYY-MM-DD``, or with a time."""
    if value is None:
        return None
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ParseError(str(value), "'published' must be an ISO date or null") from None


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

    def to_dict(self) -> ArticleErrorDict:
        """``{"index", "error", "error_type"}``."""
        return {"index": self.index, "error": self.error, "error_type": self.error_type}

"""Results as flat tables: the schema (one source for Parquet, Spark and the docs) and the rows.

Seven tables, keyed by the record: ``articles`` (one row per input record, failed ones too),
``sentences``, ``numbers``, ``dates``, ``people`` (one row per person of an article),
``roles`` (one row per title of a person) and ``mentions`` (one row per mention of a person).
Every table starts with ``index`` (the record's position in the input, from 0: join on it)
and ``id`` (the record's own id, as text). Spans are ``span_start``/``span_end`` in characters
of the article's text. The layout is versioned by ``TABLE_SCHEMA_VERSION``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

__all__ = ["KEYS", "TABLES", "TABLE_SCHEMA_VERSION", "Column", "article_rows"]

TABLE_SCHEMA_VERSION = 1
"""Version of the table layout; it changes when a column changes name, type or meaning."""

Type = Literal["int64", "int32", "double", "string", "bool", "date", "timestamp", "strings"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, type and meaning.

    ``type`` is one of ``int64``, ``int32``, ``double``, ``string``, ``bool``, ``date``,
    ``timestamp`` (without time zone) and ``strings`` (a list of strings).
    """

    name: str
    type: Type
    doc: str


def _span(what: str) -> tuple[Column, Column]:
    return (
        Column("span_start", "int64", f"start of {what} in the article's text (characters)"),
        Column("span_end", "int64", f"end of {what} (exclusive)"),
    )


_INDEX = Column("index", "int64", "the record's position in the input, from 0")
_ID = Column("id", "string", "the record's own id, as text (null: none)")
_PERSON = Column("person", "int32", "the person's position in the article's people, from 0")

KEYS = {
    "articles": ("index", "id"),
    "sentences": ("index", "id", "n"),
    "numbers": ("index", "id", "n"),
    "dates": ("index", "id", "n"),
    "people": ("index", "id", "person"),
    "roles": ("index", "id", "person", "n"),
    "mentions": ("index", "id", "person", "n"),
}
"""The key columns of each table; the Spark struct column has the other columns."""

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        _INDEX,
        _ID,
        Column("line", "int64", "its line in a JSON Lines input (null otherwise)"),
        Column("error", "string", "why the record could not be analysed (null: it was)"),
        Column("error_type", "string", "the class of that error (TypeError, ParseError…)"),
        Column("schema", "int32", "version of the article schema (docs/article.md)"),
        Column("title", "string", "the headline as written"),
        Column("title_start", "int64", "start of the title in the text"),
        Column("title_end", "int64", "end of the title (exclusive)"),
        Column("slug", "string", "URL slug of the title"),
        Column("author", "string", "byline without credit label, or 'Theo …' as written"),
        Column("byline", "string", "the byline line"),
        Column("published", "date", "publication date: given, or from the dateline"),
        Column("published_at", "timestamp", "the same with its time, when a dateline gave one"),
        Column("dateline", "string", "the line the date was read from"),
        Column("paragraph_count", "int32", "body paragraphs"),
        Column("caption_count", "int32", "photo captions"),
        Column("boilerplate_count", "int32", "lines removed as page furniture"),
    ),
    "sentences": (
        _INDEX,
        _ID,
        Column("n", "int32", "the sentence's position in the article, from 0"),
        Column("text", "string", "the sentence as written"),
        *_span("the sentence"),
    ),
    "numbers": (
        _INDEX,
        _ID,
        Column("n", "int32", "the figure's position in the article, from 0"),
        Column("text", "string", "the figure as written"),
        *_span("the figure"),
        Column(
            "kind", "string", "cardinal, decimal, percent, fraction, range, ordinal, roman, money"
        ),
        Column(
            "value", "double", "the number (percent: 89.51; fraction: numerator; range: low end)"
        ),
        Column("ratio", "double", "percent only: value / 100"),
        Column("numerator", "double", "fraction only"),
        Column("denominator", "double", "fraction only"),
        Column("low", "double", "range only"),
        Column("high", "double", "range only"),
        Column("currency", "string", "ISO 4217 code of money"),
        Column("unit", "string", "unit or counted noun after the figure"),
        Column("qualifier", "string", "approx, over, under, at_least or at_most"),
    ),
    "dates": (
        _INDEX,
        _ID,
        Column("n", "int32", "the date's position in the article, from 0"),
        Column("text", "string", "the expression as written"),
        *_span("the expression"),
        Column("time_start", "timestamp", "first instant of the time it means"),
        Column("time_end", "timestamp", "exclusive end of an interval (null: one unit of grain)"),
        Column("grain", "string", "second, minute, hour, day, week, month, quarter or year"),
        Column("lunar_day", "int32", "lunar date written in the text: day (null: none)"),
        Column("lunar_month", "int32", "its month (1-12)"),
        Column("lunar_year", "int32", "its lunar year"),
        Column("lunar_leap", "bool", "whether the month is the leap month"),
    ),
    "people": (
        _INDEX,
        _ID,
        _PERSON,
        Column("name", "string", "the fullest form of the name (normalised)"),
        Column("honorifics", "strings", "honorifics used for the person, first use first"),
        Column("mention_count", "int32", "how many times the article names the person"),
    ),
    "roles": (
        _INDEX,
        _ID,
        _PERSON,
        Column("n", "int32", "the title's position among the person's, from 0"),
        Column("title", "string", "the whole title (normalised)"),
        Column("position", "string", "its head: 'Bí thư', 'Chủ tịch'…"),
        Column("modifiers", "strings", "its modifiers in text order: 'Phó', 'Thường trực'…"),
        Column("organization", "string", "the organisation as written"),
        Column("organization_expanded", "string", "the same, abbreviations written out"),
        *_span("the title"),
    ),
    "mentions": (
        _INDEX,
        _ID,
        _PERSON,
        Column("n", "int32", "the mention's position among the person's, from 0"),
        Column("text", "string", "the mention as written: honorific, titles and name"),
        *_span("the mention"),
        Column("name", "string", "the name as written there (normalised)"),
        Column("honorific", "string", "the honorific before the name"),
        Column("name_start", "int64", "start of the name alone"),
        Column("name_end", "int64", "end of the name alone (exclusive)"),
    ),
}
"""The columns of each table, in order."""

Row = tuple[object, ...]


def article_rows(output: Mapping[str, object]) -> dict[str, list[Row]]:
    """The rows of every table for one output of :func:`vnnews.analyze_records`.

    Each row is a tuple in the order of ``TABLES``; an error record gives one row of
    ``articles`` (its ``error`` set) and nothing else.

    >>> from vnnews import analyze_records
    >>> [output] = analyze_records(["Giá vàng trong tuần\\nGiá vàng tăng 2%."])
    >>> rows = article_rows(output)
    >>> [(name, len(found)) for name, found in rows.items() if found]
    [('articles', 1), ('sentences', 1), ('numbers', 1)]
    >>> rows["numbers"][0][:8]
    (0, None, 0, '2%', 34, 36, 'percent', 2.0)
    """
    index, key = output["index"], _text(output.get("id"))
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    tables["articles"].append(_article_row(index, key, output))
    if "error" in output:
        return tables
    head = (index, key)
    for n, item in enumerate(_items(output, "sentences")):
        tables["sentences"].append((*head, n, item["text"], *_pair(item["span"])))
    for n, item in enumerate(_items(output, "numbers")):
        tables["numbers"].append((*head, n, *_number(item)))
    for n, item in enumerate(_items(output, "dates")):
        tables["dates"].append((*head, n, *_date(item)))
    for person, item in enumerate(_items(output, "people")):
        mentions, roles = _items(item, "mentions"), _items(item, "roles")
        tables["people"].append((*head, person, item["name"], item["honorifics"], len(mentions)))
        for n, role in enumerate(roles):
            tables["roles"].append((*head, person, n, *_role(role)))
        for n, mention in enumerate(mentions):
            tables["mentions"].append((*head, person, n, *_mention(mention)))
    return tables


def _article_row(index: object, key: str | None, output: Mapping[str, object]) -> Row:
    title_span = output.get("title_span")
    published = _published(output.get("published"))
    return (
        index,
        key,
        output.get("line"),
        output.get("error"),
        output.get("error_type"),
        output.get("schema"),
        output.get("title"),
        *(_pair(title_span) if title_span else (None, None)),
        output.get("slug"),
        output.get("author"),
        _segment_text(output.get("byline")),
        published.date() if isinstance(published, datetime) else published,
        published if isinstance(published, datetime) else None,
        _segment_text(output.get("dateline")),
        _count(output, "paragraphs"),
        _count(output, "captions"),
        _count(output, "boilerplate"),
    )


def _number(item: Mapping[str, object]) -> Row:
    return (
        item["text"],
        *_pair(item["span"]),
        item["kind"],
        *(_double(item.get(key)) for key in ("value", "ratio", "numerator", "denominator")),
        *(_double(item.get(key)) for key in ("low", "high")),
        item.get("currency"),
        item.get("unit"),
        item.get("qualifier"),
    )


def _date(item: Mapping[str, object]) -> Row:
    lunar = item.get("lunar")
    parts: Row = (None, None, None, None)
    if isinstance(lunar, Mapping):
        parts = (lunar["day"], lunar["month"], lunar["year"], lunar["leap"])
    return (
        item["text"],
        *_pair(item["span"]),
        _moment(item.get("start")),
        _moment(item.get("end")),
        item["grain"],
        *parts,
    )


def _role(item: Mapping[str, object]) -> Row:
    span = item.get("span")
    return (
        item["title"],
        item["position"],
        item["modifiers"],
        item.get("organization"),
        item.get("organization_expanded"),
        *(_pair(span) if span is not None else (None, None)),
    )


def _mention(item: Mapping[str, object]) -> Row:
    return (
        item["text"],
        *_pair(item["span"]),
        item["name"],
        item.get("honorific"),
        *_pair(item["name_span"]),
    )


def _items(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _count(data: Mapping[str, object], key: str) -> int | None:
    value = data.get(key)
    return len(value) if isinstance(value, list) else None


def _pair(span: object) -> tuple[object, object]:
    assert isinstance(span, Sequence)
    return span[0], span[1]


def _segment_text(segment: object) -> object:
    return segment.get("text") if isinstance(segment, Mapping) else None


def _text(value: object) -> str | None:
    return None if value is None else value if isinstance(value, str) else str(value)


def _double(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _moment(value: object) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def _published(value: object) -> date | None:
    if value is None:
        return None
    text = str(value)
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)


def schema_markdown() -> str:
    """The columns of every table as Markdown (``docs/_generated/tables.md``)."""
    lines = []
    for name, columns in TABLES.items():
        lines += ["", f"**`{name}`**", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in columns]
    return "\n".join(lines[1:]) + "\n"

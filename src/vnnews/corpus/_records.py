"""The record core: a stream of records in, one JSON-ready dict per record out, in order.

Everything that analyses a corpus goes through here: :func:`analyze_records`, the command line
(``vnnews analyze --jsonl``, ``--format parquet``), and the Spark and Dask adapters. A record is
read, analysed and turned into its output form (a dict, a JSON line, or rows of the tables) in
the worker, so the process that reads the input only passes records and results along.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Literal

from vnnews._reference import iso_date, one_reference
from vnnews.article._pool import ordered_map
from vnnews.article._warm import warm_up
from vnnews.errors import ParseError

if TYPE_CHECKING:
    from vnnews.dates import Prefer

__all__ = ["RawLine", "RecordOptions", "analyze_records", "record_stream"]

Form = Literal["dict", "json", "rows"]


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line of a JSON Lines file, read as bytes and parsed in the worker.

    Attributes:
        number: its line number (1-based).
        offset: the byte offset of its start in the file (for a message about a bad byte).
        data: the bytes of the line.
    """

    number: int
    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How to read a record and analyse it (see :func:`analyze_records`)."""

    text: str = "text"
    id: str | None = "id"
    published_field: str | None = None
    published: date | None = None
    words: bool = False
    prefer: Prefer | None = "nearest"


def analyze_records(
    records: Iterable[str | Mapping[str, object]],
    *,
    text: str = "text",
    id: str | None = "id",
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
    words: bool = False,
    workers: int = 1,
    chunksize: int = 16,
) -> Iterator[dict[str, object]]:
    """Analyse a stream of records; yield one JSON-ready dict per record, in input order.

    A record is a ``str`` (the article) or a mapping (a JSON object, a row as a dict) that
    holds the article under ``text``. Each output is the record's ``index`` (its position in
    the input, from 0) and ``id`` (the value under ``id`` in a mapping, else None), followed by
    the keys of :meth:`vnnews.Article.to_dict`. A record that cannot be analysed (no text
    under ``text``, not a str or mapping, a bad date) gives an error record in its place:
    ``{"index", "id", "error", "error_type"}``; the stream never stops, loses or reorders a
    record. :meth:`vnnews.Article.from_dict` turns an output back into an ``Article``.

    The input is read lazily and memory stays bounded however long it is. With
    ``workers=N``, N processes analyse ``chunksize`` records at a time; they return dicts, not
    objects, start warm (:func:`vnnews.warm_up`), stop when the stream is closed early, on
    Ctrl-C, or when this process is killed, and need no ``if __name__ == "__main__":`` guard
    on Linux (elsewhere the error says where to put it).

    Args:
        records: strings or mappings, any iterable (consumed lazily).
        text: the key of the article in a mapping record.
        id: the key copied to the output as ``id`` (None: no id).
        published: the publication date of every record, as :func:`vnnews.analyze` takes
            it (a ``date``, ``datetime`` or ``"YYYY-MM-DD"``); or any other ``str``: the key
            under which each mapping record has its own (``"YYYY-MM-DD"``, a longer ISO
            timestamp, a ``date`` or ``datetime``; absent or null: read from the article's
            dateline). None: from each article's dateline.
        ref: another name for ``published`` (give one of them).
        prefer: where weekdays and dates with no year are placed (see :func:`vnnews.analyze`).
        words: also segment each body into words (loads underthesea's model).
        workers: processes to use (1: this process, lazily).
        chunksize: records sent to a worker at a time.

    Raises:
        ValueError: ``workers`` or ``chunksize`` is below 1, or ``prefer`` is not one of its
            values; :class:`vnnews.ParseError` for a
            ``published`` written as a date that does not exist (``"2022-02-30"``: "February
            2022 has no day 30 (it has 28 days)"). Raised by the call, before any record is
            read.
        TypeError: ``published`` is neither a str, a date nor None, or both ``published``
            and ``ref`` are given.

    >>> records = [
    ...     {"id": "a1", "body": "Giá vàng lập đỉnh mới\\nHôm qua giá vàng tăng 2%."},
    ...     {"id": "a2", "body": None},
    ...     "Tin ngắn trong ngày\\nSáng 20/1, trời mưa.",
    ... ]
    >>> for result in analyze_records(records, text="body", published="2022-01-20"):
    ...     print(result["index"], result["id"], result.get("title") or result["error"])
    0 a1 Giá vàng lập đỉnh mới
    1 a2 'body' is not a string but NoneType
    2 None Tin ngắn trong ngày
    """
    options = record_options(
        text=text, id=id, published=published, ref=ref, prefer=prefer, words=words
    )
    stream = record_stream(records, options, "dict", workers=workers, chunksize=chunksize)
    return stream  # type: ignore[return-value]  # form "dict": dicts


def record_options(
    *,
    text: str,
    id: str | None,
    published: object,
    words: bool,
    ref: object = None,
    prefer: Prefer | None = "nearest",
) -> RecordOptions:
    """The :class:`RecordOptions` of :func:`analyze_records`'s arguments, checked."""
    if not isinstance(text, str) or not (id is None or isinstance(id, str)):
        raise TypeError("text and id must be the keys of the record's fields (str)")
    from vnnews.dates._pieces import placing

    placing(prefer)  # ValueError for a value that is none of prefer's
    published, name = one_reference(published, ref)
    if isinstance(published, str):
        if _looks_like_a_date(published):  # a date, as analyze() takes it: no key looks so
            return RecordOptions(text, id, None, iso_date(published), words, prefer)
        return RecordOptions(text, id, published, None, words, prefer)
    if published is None or isinstance(published, date):
        return RecordOptions(text, id, None, published, words, prefer)
    raise TypeError(f"{name} must be a date, a key (str) or None, not {type(published).__name__}")


def _looks_like_a_date(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def record_stream(
    records: Iterable[object],
    options: RecordOptions,
    form: Form,
    *,
    workers: int = 1,
    chunksize: int = 16,
) -> Iterator[object]:
    """The outputs of the records in ``form``: dicts, JSON lines (``(ok, line)``, the line
    ending with a newline, ``ok`` false for an error record) or table rows
    (:func:`vnnews.corpus._tables.article_rows`), in order.

    Records may also be :class:`RawLine` (a JSON Lines line, parsed in the worker; its
    outputs say its ``line``). Checks ``workers`` and ``chunksize`` at the call.
    """
    if workers < 1 or chunksize < 1:
        raise ValueError("workers and chunksize must be at least 1")
    task = partial(_task, options=options, form=form)
    return ordered_map(
        task, enumerate(records), workers=workers, chunksize=chunksize, warm_up=warm_up
    )


def _task(item: tuple[int, object], *, options: RecordOptions, form: Form) -> object:
    """Analyse one record into its output form. Never raises."""
    index, record = item
    result = analyze_record(index, record, options)
    if form == "dict":
        return result
    if form == "json":
        return "error" not in result, json.dumps(result, ensure_ascii=False) + "\n"
    from vnnews.corpus._tables import article_rows

    return article_rows(result)


def analyze_record(index: int, record: object, options: RecordOptions) -> dict[str, object]:
    """The output of one record: the article's dict, or an error record. Never raises."""
    from vnnews.article._analyze import analyze

    head: dict[str, object] = {"index": index, "id": None}
    if isinstance(record, RawLine):
        head["line"] = record.number
    try:
        fields = _fields(record)
        if fields is None:
            text, when = record, options.published
        else:
            if options.id is not None:
                head["id"] = fields.get(options.id)
            text = fields.get(options.text)
            if not isinstance(text, str):
                raise _missing_text(fields, options.text, _where(record))
            when = _published(fields, options, _where(record))
        article = analyze(text, published=when, prefer=options.prefer, words=options.words)  # type: ignore[arg-type]
    except Exception as error:  # one bad record becomes an error record, never a stop
        message = " ".join(str(error).split()) or type(error).__name__
        return {**head, "error": message, "error_type": type(error).__name__}
    return {**head, **article.to_dict()}


def _where(record: object) -> str:
    """Where a record is, for its error message: a line of a file says its number; any
    other record's position is in its output already (and the message is the same wherever
    the record is, in a Spark or Dask partition too)."""
    return f"line {record.number}: " if isinstance(record, RawLine) else ""


def _fields(record: object) -> Mapping[str, object] | None:
    """The fields of a mapping record (a JSON line parsed); None for a str record."""
    if isinstance(record, str):
        return None
    if isinstance(record, Mapping):
        return record
    if isinstance(record, RawLine):
        return _parse_line(record)
    raise TypeError(f"a record must be a str or a mapping, not {type(record).__name__}")


def _parse_line(line: RawLine) -> Mapping[str, object]:
    excerpt = line.data[:40].decode("utf-8", "replace").rstrip("\r\n")
    try:
        text = line.data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise ParseError(
            excerpt,
            f"line {line.number} is not UTF-8 text (invalid byte "
            f"0x{line.data[error.start]:02x} at byte offset {line.offset + error.start})",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(
            excerpt, f"line {line.number}: bad JSON: {error.msg} (column {error.colno})"
        ) from None
    if not isinstance(data, dict):
        raise ParseError(
            excerpt, f"line {line.number}: expected a JSON object, not {type(data).__name__}"
        )
    return data


def _missing_text(fields: Mapping[str, object], key: str, where: str) -> Exception:
    if key not in fields:
        return ValueError(f"{where}no field {key!r}")
    return TypeError(f"{where}{key!r} is not a string but {type(fields[key]).__name__}")


def _published(fields: Mapping[str, object], options: RecordOptions, where: str) -> date | None:
    key = options.published_field
    value = fields.get(key) if key is not None else None
    if value is None:
        return options.published
    if isinstance(value, date):  # a datetime too
        return value
    if isinstance(value, str) and _looks_like_a_date(value) and value[10:11] in ("", "T", " "):
        try:
            return date.fromisoformat(value[:10])
        except ValueError as error:
            raise ParseError(value, f"{where}bad date in field {key!r}: {error}") from None
    raise ParseError(
        str(value), f"{where}field {key!r} must be a YYYY-MM-DD date or an ISO timestamp"
    )

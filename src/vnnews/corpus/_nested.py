"""One analysed article as a nested value: the columns of the tables, nested the way the
tables join. The Spark struct column and the Dask frame columns have this shape.

The nested value of an output has every non-key column of ``articles`` but ``line`` (which
belongs to JSON Lines input), and the lists ``sentences``, ``numbers``, ``dates`` and
``people``; each person has the lists ``roles`` and ``mentions``. A list item has the non-key
columns of its table, its position in the list being the table's ``n`` (or ``person``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from vnnews.corpus._records import RecordOptions
from vnnews.corpus._tables import KEYS, TABLES, Column, Row, article_rows

__all__ = [
    "ARTICLE_COLUMNS",
    "CHILDREN",
    "PERSON_CHILDREN",
    "nested",
    "pandas_records",
    "value_columns",
]


def value_columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` that are not its keys."""
    keys = set(KEYS[table])
    return tuple(column for column in TABLES[table] if column.name not in keys)


ARTICLE_COLUMNS = tuple(column for column in value_columns("articles") if column.name != "line")
CHILDREN = ("sentences", "numbers", "dates", "people")
PERSON_CHILDREN = ("roles", "mentions")


def _as_dict(table: str, row: Row) -> dict[str, object]:
    values = row[len(KEYS[table]) :]
    return {column.name: value for column, value in zip(value_columns(table), values, strict=True)}


def nested(output: Mapping[str, object]) -> dict[str, object]:
    """The nested value of one output of :func:`vnnews.analyze_records`."""
    rows = article_rows(output)
    article = _as_dict("articles", rows["articles"][0])
    del article["line"]
    for table in ("sentences", "numbers", "dates"):
        article[table] = [_as_dict(table, row) for row in rows[table]]
    people: list[dict[str, object]] = []
    for row in rows["people"]:
        person = _as_dict("people", row)
        number = row[2]
        for table in PERSON_CHILDREN:
            person[table] = [_as_dict(table, item) for item in rows[table] if item[2] == number]
        people.append(person)
    article["people"] = people
    return article


def pandas_records(batch: Any, options: RecordOptions) -> Iterator[dict[str, object]]:
    """The rows of a pandas batch as records: the text and date columns, missing as None."""
    keys = [key for key in (options.text, options.published_field) if key is not None]
    columns = [batch[key] for key in keys]
    for position in range(len(batch)):
        yield {key: _value(cells.iat[position]) for key, cells in zip(keys, columns, strict=True)}


def _value(value: object) -> object:
    """A pandas cell as a Python value: missing values (None, NaN, NaT, NA) as None."""
    import pandas

    if value is None or (not isinstance(value, (str, list, dict)) and pandas.isna(value)):
        return None
    to_python = getattr(value, "to_pydatetime", None)  # a pandas Timestamp
    return to_python() if to_python is not None else value

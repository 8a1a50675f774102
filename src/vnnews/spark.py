"""Spark adapter: analyse a DataFrame column of articles into a typed struct column.

Needs the extra ``vnnews[spark]`` (pyspark, pyarrow, pandas); pyspark is imported when a
function is called, never at ``import vnnews.spark``. The work happens in the record core
(:func:`vnnews.analyze_records`), one partition at a time with ``mapInPandas``, in Spark's
Python workers, which warm up once each (:func:`vnnews.warm_up`) and are reused across tasks.
The same code runs in ``local[N]`` and on a cluster (every executor needs vnnews installed).
``docs/scale.md`` shows it at work.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from vnnews.corpus._nested import (
    ARTICLE_COLUMNS,
    CHILDREN,
    PERSON_CHILDREN,
    nested,
    pandas_records,
    value_columns,
)
from vnnews.corpus._parquet import require
from vnnews.corpus._records import RecordOptions, record_options, record_stream
from vnnews.corpus._tables import Column

if TYPE_CHECKING:
    from vnnews.dates import Prefer

__all__ = ["analyze_column", "article_schema", "tables"]


def _spark_type(column: Column) -> Any:
    types = require("pyspark.sql.types", "spark")
    return {
        "int64": types.LongType(),
        "int32": types.IntegerType(),
        "double": types.DoubleType(),
        "string": types.StringType(),
        "bool": types.BooleanType(),
        "date": types.DateType(),
        "timestamp": types.TimestampNTZType(),
        "strings": types.ArrayType(types.StringType()),
    }[column.type]


def _struct(columns: tuple[Column, ...], children: dict[str, Any] | None = None) -> Any:
    types = require("pyspark.sql.types", "spark")
    fields = [types.StructField(column.name, _spark_type(column)) for column in columns]
    for name, struct in (children or {}).items():
        fields.append(types.StructField(name, types.ArrayType(struct)))
    return types.StructType(fields)


def article_schema() -> Any:
    """The Spark ``StructType`` of one analysed article.

    Its fields are the columns of the ``articles`` table (without the keys ``index``, ``id``
    and ``line``), then the arrays ``sentences``, ``numbers``, ``dates`` and ``people``, whose
    items have the columns of those tables without their keys; each person has the arrays
    ``roles`` and ``mentions``. An item's position in its array is the table's ``n`` (or
    ``person``). Names and types are those of the Parquet tables (``docs/scale.md``).
    """
    person = _struct(
        value_columns("people"), {name: _struct(value_columns(name)) for name in PERSON_CHILDREN}
    )
    children = {name: _struct(value_columns(name)) for name in CHILDREN[:-1]}
    return _struct(ARTICLE_COLUMNS, {**children, "people": person})


def analyze_column(
    frame: Any,
    text: str = "text",
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
    output: str = "vnnews",
) -> Any:
    """``frame`` with the column ``output``: the analysis of its column ``text``.

    Args:
        frame: a ``pyspark.sql.DataFrame``.
        text: the column of the articles (strings; null gives an error in the struct).
        published: a column holding each row's publication date (``DateType``,
            ``TimestampType`` or ``YYYY-MM-DD`` strings), or one ``date`` for every row, or
            None (read from each article's dateline).
        ref: another name for ``published`` (give one of them).
        prefer: where weekdays and dates with no year are placed (see :func:`vnnews.analyze`).
        output: the name of the new column, a struct of :func:`article_schema`.

    Returns:
        a new DataFrame with the columns of ``frame`` and ``output``, one row per input row.

    ``vnnews.spark.tables(result)`` explodes the struct column into the flat tables.
    """
    types = require("pyspark.sql.types", "spark")
    options = record_options(
        text=text, id=None, published=published, ref=ref, prefer=prefer, words=False
    )
    schema = types.StructType([*frame.schema.fields, types.StructField(output, article_schema())])
    task = partial(_analyze_batches, options=options, output=output)
    return frame.mapInPandas(task, schema)


def _analyze_batches(
    batches: Iterator[Any], *, options: RecordOptions, output: str
) -> Iterator[Any]:
    """mapInPandas: each pandas batch with the nested analysis of its rows added."""
    from vnnews import warm_up

    warm_up()  # once per Python worker: later tasks in the same worker find it done
    for batch in batches:
        outputs = record_stream(pandas_records(batch, options), options, "dict")
        result = batch.copy()
        result[output] = [nested(item) for item in outputs]  # type: ignore[arg-type]
        yield result


def tables(frame: Any, column: str = "vnnews", keys: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """The flat tables of an analysed DataFrame, as DataFrames.

    Each table has the columns ``keys`` (columns of ``frame`` that identify a row), then the
    columns of the Parquet table of the same name after its own keys ``index`` and ``id``
    (``n``, ``person``…; see ``docs/scale.md``). ``articles`` has no ``line``.
    """
    functions = require("pyspark.sql.functions", "spark")
    col = functions.col
    key_columns = [col(key) for key in keys]
    result = {
        "articles": frame.select(
            *key_columns, *[col(f"{column}.{c.name}").alias(c.name) for c in ARTICLE_COLUMNS]
        )
    }
    for name in CHILDREN:
        exploded = frame.select(
            *key_columns, functions.posexplode(col(f"{column}.{name}")).alias("_n", "_item")
        )
        position = "person" if name == "people" else "n"
        values = [c.name for c in value_columns(name)]
        result[name] = exploded.select(
            *key_columns,
            col("_n").alias(position),
            *[col(f"_item.{value}").alias(value) for value in values],
        )
        if name == "people":
            for child in PERSON_CHILDREN:
                inner = exploded.select(
                    *key_columns,
                    col("_n").alias("person"),
                    functions.posexplode(col(f"_item.{child}")).alias("_m", "_child"),
                )
                result[child] = inner.select(
                    *key_columns,
                    "person",
                    col("_m").alias("n"),
                    *[col(f"_child.{c.name}").alias(c.name) for c in value_columns(child)],
                )
    return result

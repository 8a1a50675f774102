"""The tables as Parquet files, written as the records stream by (extra ``vnnews[parquet]``)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from vnnews.corpus._tables import TABLE_SCHEMA_VERSION, TABLES, Row, article_rows

__all__ = ["ParquetTables", "arrow_schema", "require", "write_parquet"]

ROWS_PER_GROUP = 1000
"""Articles buffered before a row group of every table is written."""


def require(module: str, extra: str) -> Any:
    """Import ``module`` of an optional extra, or raise an ImportError that names the extra."""
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{error.name or module} is needed for this: pip install 'vnnews[{extra}]'"
        ) from error


def arrow_schema(table: str) -> Any:
    """The ``pyarrow.Schema`` of one table, its version in the metadata."""
    from importlib.metadata import version

    pa = require("pyarrow", "parquet")
    types = {
        "int64": pa.int64(),
        "int32": pa.int32(),
        "double": pa.float64(),
        "string": pa.string(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us"),
        "strings": pa.list_(pa.string()),
    }
    fields = [pa.field(column.name, types[column.type]) for column in TABLES[table]]
    metadata = {
        "vnnews_table": table,
        "vnnews_table_schema": str(TABLE_SCHEMA_VERSION),
        "vnnews_version": version("vnnews"),
    }
    return pa.schema(fields, metadata=metadata)


class ParquetTables:
    """Writes the tables to ``folder/<table>.parquet`` as rows arrive, in row groups of
    :data:`ROWS_PER_GROUP` articles, so memory stays bounded. Use as a context manager."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self._pq = require("pyarrow.parquet", "parquet")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.schemas = {name: arrow_schema(name) for name in TABLES}
        self.writers = {
            name: self._pq.ParquetWriter(self.folder / f"{name}.parquet", schema)
            for name, schema in self.schemas.items()
        }
        self.buffer: dict[str, list[Row]] = {name: [] for name in TABLES}
        self.pending = 0
        self.counts = dict.fromkeys(TABLES, 0)

    def add(self, rows: Mapping[str, list[Row]]) -> None:
        """Add the rows of one article (:func:`vnnews.corpus.article_rows`)."""
        for name, found in rows.items():
            self.buffer[name] += found
            self.counts[name] += len(found)
        self.pending += 1
        if self.pending >= ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered as one row group of every table."""
        pa = require("pyarrow", "parquet")
        for name, rows in self.buffer.items():
            if not rows:
                continue
            schema = self.schemas[name]
            columns = list(zip(*rows, strict=True))
            arrays = [
                pa.array(column, type=field.type)
                for column, field in zip(columns, schema, strict=True)
            ]
            self.writers[name].write_table(pa.Table.from_arrays(arrays, schema=schema))
            rows.clear()
        self.pending = 0

    def close(self) -> None:
        """Write what is left and close the files."""
        try:
            self.flush()
        finally:
            for writer in self.writers.values():
                writer.close()

    def __enter__(self) -> ParquetTables:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def write_parquet(
    outputs: Iterable[Mapping[str, object]], folder: str | os.PathLike[str]
) -> dict[str, int]:
    """Write the outputs of :func:`vnnews.analyze_records` as Parquet tables in ``folder``.

    One file per table (``articles.parquet``, ``sentences.parquet``, …; see
    ``docs/scale.md``), written as the outputs stream by. Returns the rows of each table.
    Needs the extra ``vnnews[parquet]`` (pyarrow).

    >>> import tempfile
    >>> from vnnews import analyze_records
    >>> folder = tempfile.mkdtemp()
    >>> outputs = analyze_records(["Giá vàng trong tuần\\nGiá vàng tăng 2%.", None])
    >>> write_parquet(outputs, folder)["articles"]
    2
    """
    with ParquetTables(folder) as tables:
        for output in outputs:
            tables.add(article_rows(output))
    return tables.counts

"""Dask adapter: analyse a bag of records or a dataframe column, partition by partition.

Needs the extra ``vnnews[dask]``; dask is imported when a function is called, never at
``import vnnews.dask``. Both entry points are ``map_partitions`` over the record core
(:func:`vnnews.analyze_records`); each partition warms its worker up once
(:func:`vnnews.warm_up`). With the local ``processes`` scheduler, dask starts new worker
processes at every ``compute()``; :func:`process_pool` gives it vnnews's warm pool to keep
instead (``docs/scale.md``). With ``dask.distributed`` the workers live on and warm up once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from vnnews.corpus._nested import ARTICLE_COLUMNS, CHILDREN, nested, pandas_records
from vnnews.corpus._parquet import require
from vnnews.corpus._records import RecordOptions, record_options, record_stream

if TYPE_CHECKING:
    from vnnews.dates import Prefer

__all__ = ["analyze_bag", "analyze_frame", "frame_meta", "process_pool"]


def analyze_bag(
    bag: Any,
    *,
    text: str = "text",
    id: str | None = "id",
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
    words: bool = False,
) -> Any:
    """A ``dask.bag.Bag`` of the outputs of :func:`vnnews.analyze_records` for ``bag``.

    ``bag`` holds records (strings or mappings); the arguments are those of
    ``analyze_records`` (``ref`` is another name for ``published``; ``prefer`` as there). Each output's ``index`` is the record's position in its partition.
    """
    require("dask.bag", "dask")
    options = record_options(
        text=text, id=id, published=published, ref=ref, prefer=prefer, words=words
    )
    return bag.map_partitions(_analyze_partition, options=options)


def _analyze_partition(records: Iterable[object], *, options: RecordOptions) -> list[object]:
    from vnnews import warm_up

    warm_up()
    return list(record_stream(records, options, "dict"))


def frame_meta(frame: Any, output_prefix: str = "") -> Any:
    """The empty pandas frame that :func:`analyze_frame` returns for ``frame`` (its ``meta``)."""
    pandas = require("pandas", "dask")
    meta = frame._meta.copy() if hasattr(frame, "_meta") else frame.iloc[:0].copy()
    for column in ARTICLE_COLUMNS:
        meta[output_prefix + column.name] = pandas.Series(
            [], dtype=_dtypes().get(column.type, "object")
        )
    for name in CHILDREN:
        meta[output_prefix + name] = pandas.Series([], dtype="object")
    return meta


def _dtypes() -> dict[str, str]:
    return {"int64": "Int64", "int32": "Int32", "double": "float64", "bool": "boolean"}


def analyze_frame(
    frame: Any,
    text: str = "text",
    *,
    published: date | datetime | str | None = None,
    ref: date | datetime | str | None = None,
    prefer: Prefer | None = "nearest",
    output_prefix: str = "",
) -> Any:
    """``frame`` with the analysis of its column ``text`` added, row by row.

    The new columns are those of the ``articles`` table (without its keys and ``line``) and
    ``sentences``, ``numbers``, ``dates``, ``people``: lists of dicts with the columns of those
    tables (the shape of :func:`vnnews.spark.article_schema`), each name after
    ``output_prefix``. ``published`` is a column of dates, one ``date``, or None (``ref`` is
    another name for it); ``prefer`` is that of :func:`vnnews.analyze`.
    Works on a ``dask.dataframe.DataFrame`` (lazily, by ``map_partitions``) and on a pandas
    ``DataFrame`` (at once).
    """
    options = record_options(
        text=text, id=None, published=published, ref=ref, prefer=prefer, words=False
    )
    if hasattr(frame, "map_partitions"):
        require("dask.dataframe", "dask")
        meta = frame_meta(frame, output_prefix)
        return frame.map_partitions(
            _analyze_pandas, options=options, prefix=output_prefix, meta=meta
        )
    return _analyze_pandas(frame, options=options, prefix=output_prefix)


def _analyze_pandas(part: Any, *, options: RecordOptions, prefix: str) -> Any:
    from vnnews import warm_up

    warm_up()
    outputs = record_stream(pandas_records(part, options), options, "dict")
    values = [nested(output) for output in outputs]  # type: ignore[arg-type]
    result = part.copy()
    pandas = require("pandas", "dask")
    dtypes = _dtypes()
    for column in ARTICLE_COLUMNS:
        cells = [value[column.name] for value in values]
        dtype = dtypes.get(column.type, "object")
        result[prefix + column.name] = pandas.Series(cells, index=part.index, dtype=dtype)
    for name in CHILDREN:
        result[prefix + name] = pandas.Series(
            [value[name] for value in values], index=part.index, dtype="object"
        )
    return result


def process_pool(workers: int = 2) -> Any:
    """A process pool for dask's local ``processes`` scheduler whose workers start warm and
    stay for every ``compute()`` (dask otherwise starts new processes each time).

    Use it as ``with vnnews.dask.process_pool(2) as pool, dask.config.set(pool=pool): …``;
    it is a ``concurrent.futures.ProcessPoolExecutor``, shut down at the end of the block.
    """
    from vnnews.article._pool import _start_pool
    from vnnews.article._warm import warm_up

    return _start_pool(workers, warm_up)

"""A corpus at a time: the record core, results as tables, and the same job on Spark and Dask.

:func:`analyze_records` is the one engine-neutral core: records in (strings or mappings),
one JSON-ready dict per record out, in order, with bounded memory, on one process or many.
The command line, the Parquet writer and the adapters :mod:`vnnews.spark` and
:mod:`vnnews.dask` are thin layers over it. ``TABLES`` describes the flat tables the
results become (``docs/scale.md``).
"""

from vnnews.article._warm import warm_up
from vnnews.corpus._parquet import write_parquet
from vnnews.corpus._records import analyze_records
from vnnews.corpus._tables import KEYS, TABLE_SCHEMA_VERSION, TABLES, Column, article_rows

__all__ = [
    "KEYS",
    "TABLES",
    "TABLE_SCHEMA_VERSION",
    "Column",
    "analyze_records",
    "article_rows",
    "warm_up",
    "write_parquet",
]

"""Spark (local[2]) and Dask (processes scheduler) give what the single-process core gives."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from typing import Any

import pytest

from cases import article_text, generated_articles
from vnnews import analyze_records
from vnnews.corpus import article_rows
from vnnews.corpus._nested import nested

pytestmark = pytest.mark.corpora  # needs the spark and dask extras

PUBLISHED = date(2022, 1, 20)


def rows() -> list[dict[str, Any]]:
    """Records with an id, a text (one missing) and, for some, a date of their own."""
    texts: list[str | None] = [article_text(), *generated_articles(40, seed=3)]
    texts.insert(5, None)
    return [
        {"id": f"r{i}", "text": text, "day": date(2022, 3, i % 28 + 1) if i % 3 else None}
        for i, text in enumerate(texts)
    ]


def core(**options: Any) -> list[dict[str, Any]]:
    return list(analyze_records(rows(), **options))


# ----------------------------------------------------------------------------- Spark


@pytest.fixture(scope="session")
def spark() -> Any:
    pytest.importorskip("pyspark", reason="the extra vnnews[spark] is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17 or later), and there is none on this machine")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers: this interpreter
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("vnnews-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def frame(spark: Any) -> Any:
    return spark.createDataFrame(rows(), "id string, text string, day date").repartition(2, "id")


def test_spark_struct_is_the_core_result(frame: Any) -> None:
    from vnnews.spark import analyze_column

    result = analyze_column(frame, "text", published="day").collect()
    expected = {r["id"]: nested(out) for r, out in zip(rows(), core(published="day"), strict=True)}
    found = {row["id"]: row["vnnews"].asDict(recursive=True) for row in result}
    assert found.keys() == expected.keys()
    for key, value in expected.items():
        assert found[key] == value, key
    assert found["r5"]["error_type"] == "TypeError"
    assert found["r0"]["people"][0]["name"] == "Thái Thanh Quý"


def test_spark_with_one_date_for_every_row_and_its_tables(frame: Any) -> None:
    from vnnews.spark import analyze_column, tables

    analysed = analyze_column(frame.drop("day"), published=PUBLISHED, output="a")
    flat = tables(analysed, "a", keys=("id",))
    outputs = {r["id"]: out for r, out in zip(rows(), core(published=PUBLISHED), strict=True)}
    for name in ("articles", "sentences", "numbers", "dates", "people", "roles", "mentions"):
        found = sorted(tuple(row) for row in flat[name].collect())
        # The core's rows start with index and id (and, in articles, line): Spark's with the key.
        skip = 3 if name == "articles" else 2
        expected = sorted(
            (key, *row[skip:])
            for key, output in outputs.items()
            for row in article_rows(output)[name]
        )
        assert found == expected, name
        assert len(found) > 0, name


# ----------------------------------------------------------------------------- Dask


def test_dask_bag_on_processes_is_the_core_result() -> None:
    db = pytest.importorskip("dask.bag", reason="the extra vnnews[dask] is not installed")
    from vnnews.dask import analyze_bag

    records = rows()
    bag = db.from_sequence(records, npartitions=2)
    found = analyze_bag(bag, published="day").compute(scheduler="processes", num_workers=2)
    sizes = bag.map_partitions(lambda part: [len(list(part))]).compute(scheduler="sync")
    expected = core(published="day")
    # Each output's index is its position in its partition; everything else is the core's.
    assert [{**out, "index": 0} for out in found] == [{**out, "index": 0} for out in expected]
    assert [out["index"] for out in found] == [i for size in sizes for i in range(size)]
    assert len(sizes) == 2


def test_dask_frame_on_a_warm_process_pool_is_the_core_result() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="the extra vnnews[dask] is not installed")
    import dask
    import pandas as pd

    from vnnews.dask import analyze_frame, process_pool

    table = pd.DataFrame(rows())
    table["day"] = table["day"].astype(object)
    frame = dd.from_pandas(table, npartitions=2)
    with process_pool(2) as pool, dask.config.set(pool=pool):
        result = analyze_frame(frame, "text", published="day").compute(scheduler="processes")
        again = analyze_frame(frame, "text", published="day").compute(scheduler="processes")
    expected = [nested(out) for out in core(published="day")]
    assert list(result["id"]) == [row["id"] for row in rows()]
    assert cells(result, expected[0]) == expected
    assert again.equals(result)  # a second compute on the same warm workers
    assert cells(analyze_frame(table, "text", published="day"), expected[0]) == expected


def cells(frame: Any, keys: Any) -> list[dict[str, Any]]:
    return [{key: plain(row[key]) for key in keys} for row in frame.to_dict("records")]


def plain(cell: Any) -> Any:
    """A pandas cell as the core gives it: missing values (NA, NaN, NaT) as None."""
    import pandas as pd

    if not isinstance(cell, list) and pd.isna(cell):
        return None
    return cell.item() if hasattr(cell, "item") else cell

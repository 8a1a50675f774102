"""Results as tables: the rows of an output, the Parquet files, and SQL over them in DuckDB."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from cases import article_text, generated_articles
from vnnews import analyze, analyze_records
from vnnews.corpus import KEYS, TABLE_SCHEMA_VERSION, TABLES, article_rows, write_parquet

pytestmark = pytest.mark.corpora  # needs the parquet extra and duckdb
pyarrow = pytest.importorskip("pyarrow", reason="the extra vnnews[parquet] is not installed")
duckdb = pytest.importorskip("duckdb", reason="duckdb (test extra) is not installed")

PUBLISHED = date(2022, 1, 20)


def records() -> list[Any]:
    texts = [article_text(), *generated_articles(60, seed=7)]
    rows: list[Any] = [{"id": f"a{i}", "text": text} for i, text in enumerate(texts)]
    rows.insert(3, {"id": "broken", "body": "no text"})
    return rows


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tables")
    counts = write_parquet(analyze_records(records(), published=PUBLISHED), path)
    assert counts["articles"] == len(records())
    return path


def sql(folder: Path, query: str) -> list[tuple[Any, ...]]:
    connection = duckdb.connect()
    for name in TABLES:
        connection.execute(
            f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{folder / name}.parquet')"
        )
    return connection.execute(query).fetchall()


def test_every_table_has_its_documented_columns_and_version(folder: Path) -> None:
    import pyarrow.parquet as pq

    for name, columns in TABLES.items():
        schema = pq.read_schema(folder / f"{name}.parquet")
        assert schema.names == [column.name for column in columns]
        assert schema.names[: len(KEYS[name])] == list(KEYS[name])
        metadata = {key.decode(): value.decode() for key, value in schema.metadata.items()}
        assert metadata["vnnews_table_schema"] == str(TABLE_SCHEMA_VERSION)
        assert metadata["vnnews_table"] == name


def test_the_ten_officials_mentioned_most(folder: Path) -> None:
    found = sql(
        folder,
        """
        SELECT p.name, sum(p.mention_count) AS mentions
        FROM people p
        WHERE EXISTS (SELECT 1 FROM roles r WHERE r.index = p.index AND r.person = p.person)
        GROUP BY p.name
        ORDER BY mentions DESC, p.name
        LIMIT 10
        """,
    )
    counts: Counter[str] = Counter()
    for record in records():
        if "text" in record:
            for person in analyze(record["text"], published=PUBLISHED).people:
                if person.roles:
                    counts[person.name] += len(person.mentions)
    expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
    assert found == expected
    assert found[0][1] > 1 and len(found) == 10  # there are more than ten officials


def test_the_figures_of_one_article(folder: Path) -> None:
    found = sql(
        folder,
        "SELECT text, kind, value, unit, qualifier, span_start FROM numbers "
        "WHERE id = 'a0' ORDER BY n",
    )
    article = analyze(article_text(), published=PUBLISHED)
    assert found == [
        (n.text, n.kind, float(n.value), n.unit, n.qualifier, n.span[0]) for n in article.numbers
    ]
    assert ("89,51%", "percent", 89.51) in [row[:3] for row in found]


def test_articles_dates_and_errors_in_sql(folder: Path) -> None:
    [(published, title, errors)] = sql(
        folder,
        "SELECT published, title, (SELECT count(*) FROM articles WHERE error IS NOT NULL) "
        "FROM articles WHERE id = 'a0'",
    )
    assert (published, title) == (PUBLISHED, analyze(article_text()).title)
    assert errors == 1
    [(error_type, index)] = sql(
        folder, "SELECT error_type, index FROM articles WHERE id = 'broken'"
    )
    assert (error_type, index) == ("ValueError", 3)
    starts = sql(
        folder,
        "SELECT text, time_start, grain FROM dates WHERE id = 'a0' AND text = 'ngày 18/12/2021'",
    )
    assert starts == [("ngày 18/12/2021", datetime(2021, 12, 18), "day")]


def test_rows_follow_the_schema_on_every_kind_of_result() -> None:
    text = (
        "Thứ Năm, 20/01/2022 10:30 (GMT+7)\n"
        "Lễ hội lớn nhất của huyện năm nay\n"
        "Bà Trần Thị Hoa, Phó Chủ tịch UBND huyện, cho biết lễ hội khai mạc vào rằm tháng Giêng.\n"
        "Hôm qua, bà Hoa dự lễ."
    )
    [output] = analyze_records([{"id": 7, "text": text}])
    rows = article_rows(output)
    for name, found in rows.items():
        assert all(len(row) == len(TABLES[name]) for row in found), name
    article = dict(zip([c.name for c in TABLES["articles"]], rows["articles"][0], strict=True))
    assert article["id"] == "7" and article["published"] == date(2022, 1, 20)
    assert article["published_at"] == datetime(2022, 1, 20, 10, 30)
    lunar = [
        dict(zip([c.name for c in TABLES["dates"]], row, strict=True)) for row in rows["dates"]
    ]
    assert any(row["lunar_month"] == 1 and row["lunar_day"] == 15 for row in lunar)
    [person] = rows["people"]
    assert person[3:] == ("Trần Thị Hoa", ["Bà", "bà"], 2)  # honorifics as written
    assert [row[4] for row in rows["roles"]] == ["Phó Chủ tịch UBND huyện"]
    assert [row[7] for row in rows["mentions"]] == ["Trần Thị Hoa", "Hoa"]


def test_a_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from vnnews.corpus._parquet import require

    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # as if not installed
    with pytest.raises(ImportError, match=r"pip install 'vnnews\[parquet\]'"):
        require("pyarrow.parquet", "parquet")


def test_the_documented_columns_are_the_tables() -> None:
    from vnnews.corpus._tables import schema_markdown

    path = Path(__file__).resolve().parents[1] / "docs" / "_generated" / "tables.md"
    assert path.read_text(encoding="utf-8") == schema_markdown(), (
        "regenerate: python -c 'from vnnews.corpus._tables import schema_markdown as m; "
        'open("docs/_generated/tables.md", "w").write(m())\''
    )

"""Dates: ``parse_date`` against ``dateparser.parse`` on the same expressions, and
``extract_dates`` against ``dateparser.search.search_dates`` on the fixture article.

Both sides get the same reference date and are told the text is Vietnamese (``languages=["vi"]``,
which spares dateparser its language detection, so the comparison is the fair, fast setting).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from benchmarks.timing import Comparison, compare
from vnnews import extract_dates, parse_date

REF = datetime(2022, 1, 20)
ARTICLE = Path(__file__).parent.parent / "tests" / "fixtures" / "article_2022-01-20.txt"

# Expressions of the issue that dateparser is also meant to read (absolute dates, clock times,
# weekdays, relative days); a failed read costs it about as much as a successful one.
EXPRESSIONS = (
    "ngày 20 tháng 1 năm 2022",
    "18/12/2021",
    "20-1-2022",
    "tháng 12/2021",
    "năm 2022",
    "15h30",
    "15:30",
    "thứ Năm",
    "hôm qua",
    "ngày mai",
    "tuần trước",
    "3 ngày tới",
)


def main() -> list[Comparison]:
    """Run the benchmark and return its rows.

    dateparser is timed twice: told the language (its fastest and fairest setting), and as
    most code calls it (detecting the language).
    """
    import dateparser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": REF}
    article = ARTICLE.read_text(encoding="utf-8")

    def ours_parse() -> None:
        for text in EXPRESSIONS:
            parse_date(text, ref=REF)

    def their_parse(languages: list[str] | None) -> None:
        for text in EXPRESSIONS:
            dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]

    rows = []
    for languages, label in ((["vi"], "languages=['vi']"), (None, "detecting language")):
        rows.append(
            compare(
                f"parse_date ({len(EXPRESSIONS)} expressions)",
                ours_parse,
                f"dateparser.parse, {label}",
                lambda languages=languages: their_parse(languages),
                repeat=5,
                number=5,
            )
        )
        rows.append(
            compare(
                "extract_dates (fixture article)",
                lambda: extract_dates(article, ref=REF),
                f"search_dates, {label}",
                lambda languages=languages: search_dates(
                    article,
                    languages=languages,
                    settings=settings,  # type: ignore[arg-type]
                ),
                repeat=5,
                number=1,
            )
        )
    return rows

"""Dates: ``parse_date`` against ``dateparser.parse`` on the same expressions, and
``extract_dates`` against ``dateparser.search.search_dates`` on the fixture article.

Both sides get the same reference date and are told the text is Vietnamese (``languages=["vi"]``,
which spares dateparser its language detection, so the comparison is the fair, fast setting).
"""

from __future__ import annotations

from datetime import datetime

from benchmarks.bench_article import cycling, synthetic_articles
from benchmarks.timing import Comparison, compare
from vnnews import extract_dates, parse_date

REF = datetime(2022, 1, 20)

# The kinds of expression of the issue that dateparser is also meant to read (absolute dates,
# clock times, weekdays, relative days), each written ten ways: 120 distinct strings, so that
# no cache keyed by the text (vnnews keeps its last 32 normalised texts) serves a repeat. A
# failed read costs dateparser about as much as a successful one.
_WEEKDAYS = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")
_RELATIVE = (
    ("hôm qua", "hôm nay", "hôm kia", "bữa qua", "bữa nay"),
    ("ngày mai", "ngày kia", "ngày mốt"),
    ("tuần trước", "tuần tới", "tuần sau", "tuần này"),
)


def expressions(ways: int = 10) -> list[str]:
    """``ways`` writings of each kind of expression, all distinct."""
    found = []
    for i in range(ways):
        day, month, year = i + 10, i % 12 + 1, 2012 + i
        found += [
            f"ngày {day} tháng {month} năm {year}",
            f"{day}/{month}/{year}",
            f"{day}-{month}-{year}",
            f"tháng {month}/{year}",
            f"năm {year}",
            f"{8 + i}h{10 + i}",
            f"{8 + i}:{10 + i}",
            f"thứ {_WEEKDAYS[i % 6]}" if i < 6 else f"Thứ {_WEEKDAYS[i % 6]}",
            *(_cased(words, i) for words in _RELATIVE),
            f"{i + 2} ngày tới",
        ]
    return found


def _cased(words: tuple[str, ...], i: int) -> str:
    """The i-th of the words: as written, then "Hôm qua", "HÔM QUA", "Hôm Qua" in later rounds."""
    word = words[i % len(words)]
    return (word, word.capitalize(), word.upper(), word.title())[i // len(words) % 4]


EXPRESSIONS = expressions()


def main() -> list[Comparison]:
    """Run the benchmark and return its rows.

    dateparser is timed twice: told the language (its fastest and fairest setting), and as
    most code calls it (detecting the language).
    """
    import dateparser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": REF}
    articles = list(synthetic_articles(40))  # distinct copies: no cache serves a repeat

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
                number=1,
            )
        )
        rows.append(
            compare(
                "extract_dates (fixture article)",
                cycling(lambda text: extract_dates(text, ref=REF), articles),
                f"search_dates, {label}",
                cycling(
                    lambda text, languages=languages: search_dates(
                        text,
                        languages=languages,
                        settings=settings,  # type: ignore[arg-type]
                    ),
                    articles,
                ),
                repeat=5,
                number=1,
            )
        )
    return rows

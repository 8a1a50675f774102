"""extract_people against underthesea.ner on the fixture article (same run, same input)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Comparison, compare
from vnnews import extract_people

ARTICLE = Path(__file__).parent.parent / "tests" / "fixtures" / "article_2022-01-20.txt"


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    from underthesea import ner

    text = ARTICLE.read_text(encoding="utf-8")
    # A different string on every call, so the normalisation cache never answers for us.
    variants = iter([text + "\n" * count for count in range(1, 1000)])
    return [
        compare(
            "extract_people, fixture article",
            lambda: extract_people(next(variants)),
            "underthesea.ner",
            lambda: ner(text),
            repeat=3,
            number=1,
            unit="article",
        ),
        compare(
            "extract_people(use_words=True), fixture",
            lambda: extract_people(next(variants), use_words=True),
            "underthesea.ner",
            lambda: ner(text),
            repeat=3,
            number=1,
            unit="article",
        ),
    ]

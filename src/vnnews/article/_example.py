"""The bundled example article: what ``vnnews analyze --example`` reads."""

from __future__ import annotations

from datetime import date

from vnnews._data import read_text

__all__ = ["EXAMPLE_PUBLISHED", "example_text"]

EXAMPLE_PUBLISHED = date(2022, 1, 20)
"""The day the example article was published."""


def example_text() -> str:
    """The text of the bundled example: a real provincial news article, published on
    ``EXAMPLE_PUBLISHED`` (2022-01-20), as a scraper gives it (title, boilerplate, captions, byline).

    >>> from vnnews import analyze, example_text
    >>> analyze(example_text(), published="2022-01-20").author
    'Kim Oanh'
    """
    return read_text("examples/article_2022-01-20.txt")

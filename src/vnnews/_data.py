"""Read the word lists and tables in ``vnnews/data`` (lazily, once per process).

Each file is UTF-8 text, one entry a line. Lines starting with ``#`` are comments (the
first names the source of the list) and blank lines are skipped. TSV files split on tabs.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["read_lines", "read_text", "read_tsv"]


@cache
def read_text(name: str) -> str:
    """The whole text of a packaged data file, e.g. ``"examples/article_2022-01-20.txt"``."""
    return files("vnnews.data").joinpath(name).read_text(encoding="utf-8")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-a-line data file, without comments and blank lines.

    >>> read_lines("tone_initials.txt")[:3]
    ('b', 'c', 'ch')
    """
    entries = []
    for line in read_text(name).splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            entries.append(stripped)
    return tuple(entries)


@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a TSV data file, each a tuple of its tab-separated, stripped fields."""
    rows = []
    for line in read_text(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)

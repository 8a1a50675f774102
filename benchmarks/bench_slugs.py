"""Slugs: ``vnnews.slugify`` against python-slugify on the same 10 000 Vietnamese titles.

The titles are built reproducibly from the fixture article: its lines and clauses, each with a
variation (NFD, old-style tones, upper case, quotes and dashes, a number with a decimal comma).
Issue 6 targets at least 5x faster.
"""

from __future__ import annotations

import random
import unicodedata

import regex

from benchmarks.timing import Comparison, compare
from vnnews import slugify
from vnnews._data import read_text

TITLE_COUNT = 10_000
_CLAUSE = regex.compile(r"[^.;:\n]{20,160}")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE = regex.compile(
    rf"(?i)(?<![qg])(o(?=[{_TONES}][ae])|u(?=[{_TONES}]y))([{_TONES}])([aey])(?!\p{{M}}|\p{{L}})"
)


def _old_style(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(r"\1\3\2", decomposed))


def _variations(clause: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return unicodedata.normalize("NFD", clause)
    if choice == 1:
        return _old_style(clause)
    if choice == 2:
        return clause.upper()
    if choice == 3:
        return f"“{clause}” – tin {rng.randrange(1, 30)}/1"
    if choice == 4:
        return f"{clause}: đạt {rng.randrange(10, 99)},{rng.randrange(10, 99)}%"
    return clause


def build_titles(count: int = TITLE_COUNT) -> list[str]:
    """``count`` Vietnamese headline-like strings, the same on every run."""
    article = read_text("examples/article_2022-01-20.txt")
    clauses = [match.group().strip(" ,") for match in _CLAUSE.finditer(article)]
    rng = random.Random(20220120)
    return [_variations(clauses[index % len(clauses)], rng) for index in range(count)]


def main() -> list[Comparison]:
    """Run the benchmark and return its row."""
    from slugify import slugify as python_slugify

    titles = build_titles()

    def ours() -> None:
        for title in titles:
            slugify(title)

    def theirs() -> None:
        for title in titles:
            python_slugify(title)

    return [
        compare(
            f"slugify, {TITLE_COUNT} Vietnamese titles",
            ours,
            "python-slugify",
            theirs,
            repeat=5,
            unit="10k titles",
        )
    ]

"""Spoken form: ``vnnews.to_spoken`` against ``vietnormalizer`` on the same article, same run.

``vietnormalizer`` (PyPI, MIT) is the installable rule-based Vietnamese text normaliser for
speech; its ``VietnameseNormalizer().normalize`` rewrites a whole text for a TTS engine, as
``to_spoken`` does (issue 18 asks for at least 5x faster). Both read the fixture article
(``vnnews/data/examples/article_2022-01-20.txt``), made distinct by a last line so that no
per-text cache serves a repeat; ``to_spoken`` runs in its default style, boilerplate lines
left out, every piece with its spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from benchmarks.timing import Comparison, compare
from vnnews import to_spoken
from vnnews._data import read_text

ARTICLES = 12


def _each(function: Callable[[str], object], inputs: Iterable[str]) -> Callable[[], None]:
    items = list(inputs)

    def run() -> None:
        for item in items:
            function(item)

    return run


def article() -> Comparison:
    from vietnormalizer import VietnameseNormalizer

    base = read_text("examples/article_2022-01-20.txt")
    texts = [f"{base}\nBản tin số {index}." for index in range(ARTICLES)]
    normalizer = VietnameseNormalizer()
    return compare(
        "to_spoken(fixture article)",
        _each(to_spoken, texts),
        "vietnormalizer.normalize",
        _each(normalizer.normalize, texts),
        repeat=7,
        unit=f"{ARTICLES} articles",
    )


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    return [article()]


if __name__ == "__main__":
    for row in main():
        print(row.line())

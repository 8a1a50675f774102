"""Numbers: ``vnnews.parse_number`` and ``vnnews.extract_numbers`` against other readers.

* word numerals: ``parse_number`` vs ``vietnam_number.w2n`` on the same 2 000 spelled-out
  numbers (issue 3 targets at least 10x faster);
* digit strings: ``parse_number`` vs ``babel.numbers.parse_decimal(locale="vi")`` on the same
  2 000 Vietnamese-formatted numbers (target: no slower);
* ``extract_numbers`` on the fixture article, time per article (dates included, as they are
  asked for every article). No other library finds Vietnamese figures with spans, so the row
  compares against a floor, in the table of floors: one ``re.findall`` of digit runs, which
  reads nothing (no word numerals, no values, no kinds), a lower bound on any scan.

The inputs are built reproducibly (fixed seed) from ``number_to_words`` / ``format_number``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

from benchmarks.timing import Comparison, compare
from vnnews import extract_numbers, format_number, number_to_words, parse_number
from vnnews._data import read_text

COUNT = 2_000
_DIGIT_RUN = re.compile(r"\d[\d.,]*")


def _values(seed: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.randrange(0, 10 ** rng.randrange(1, 10)) for _ in range(COUNT)]


def _each(function: Callable[[str], object], inputs: Iterable[str]) -> Callable[[], None]:
    items = list(inputs)

    def run() -> None:
        for item in items:
            function(item)

    return run


def word_numerals() -> Comparison:
    from vietnam_number import w2n

    words = [number_to_words(value) for value in _values(3)]
    return compare(
        f"parse_number({COUNT} word numerals)",
        _each(parse_number, words),
        "vietnam_number.w2n",
        _each(w2n, words),
        repeat=5,
    )


def digit_strings() -> Comparison:
    from babel.numbers import parse_decimal

    rng = random.Random(4)
    texts = [format_number(value / 100 if rng.random() < 0.5 else value) for value in _values(5)]
    return compare(
        f"parse_number({COUNT} digit strings)",
        _each(parse_number, texts),
        'babel parse_decimal(locale="vi")',
        _each(lambda text: parse_decimal(text, locale="vi"), texts),
        repeat=5,
    )


def article() -> Comparison:
    base = read_text("examples/article_2022-01-20.txt")
    # Distinct texts, so no per-text cache (normalisation, dates) serves a repeat.
    texts = [f"{base}\nBản tin số {index}." for index in range(12)]
    return compare(
        "extract_numbers(fixture article)",
        _each(extract_numbers, texts),
        "re.findall of digit runs",
        _each(_DIGIT_RUN.findall, texts),
        repeat=5,
        unit=f"{len(texts)} articles",
        kind="floor",
    )


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    return [word_numerals(), digit_strings(), article()]


if __name__ == "__main__":
    for row in main():
        print(row.line())

"""Words: ``vnnews.words`` against ``underthesea.word_tokenize`` on the fixture article.

Issue 11 allows the alignment (normalisation, finding the tokens again, the spans, the ``Word``
objects) to cost at most 10% on top of underthesea: a ratio of at least 0.91x.

Two rows: the whole article handed to ``word_tokenize`` in one call (what a user would do), and
``word_tokenize`` on the same line-sized pieces ``words`` hands it (the pure cost of alignment).
Each call gets one of 64 copies of the article that differ in trailing spaces, so that no cache
(vnnews keeps the last normalisations) makes a repeat free. The two sides run alternately and
each keeps its best CPU time (``time.process_time``): on a shared, loaded machine wall time
swings by more than the 10% being measured.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import cycle

from benchmarks.timing import Comparison
from vnnews import words
from vnnews._data import read_lines, read_text
from vnnews.normalization import normalize
from vnnews.word_segmentation import segmenter_chunks

_COPIES = 64


def _rotating(texts: list[str], function: Callable[[str], object]) -> Callable[[], object]:
    pending = cycle(texts)
    return lambda: function(next(pending))


def compare_cpu(
    name: str,
    ours: Callable[[], object],
    other_name: str,
    other: Callable[[], object],
    *,
    repeat: int = 30,
) -> Comparison:
    """Like ``benchmarks.timing.compare``, alternating the two sides and timing CPU, not wall."""
    ours()
    other()
    best = {"ours": float("inf"), "other": float("inf")}
    for _ in range(repeat):
        for side, function in (("ours", ours), ("other", other)):
            start = time.process_time()
            function()
            best[side] = min(best[side], time.process_time() - start)
    return Comparison(name, best["ours"], other_name, best["other"], unit="article")


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    from underthesea import word_tokenize

    article = read_text("examples/article_2022-01-20.txt")
    copies = [article + " " * (index + 1) for index in range(_COPIES)]

    fixed = list(read_lines("words_fixed.txt"))  # words() keeps these names whole

    def by_pieces(text: str) -> list[str]:
        tokens: list[str] = []
        for chunk in segmenter_chunks(normalize(text)):
            if not chunk.isspace():
                tokens.extend(word_tokenize(chunk, fixed_words=fixed))
        return tokens

    return [
        compare_cpu(
            "words, fixture article (one call)",
            _rotating(copies, words),
            "underthesea.word_tokenize",
            _rotating(copies, word_tokenize),
        ),
        compare_cpu(
            "words, fixture article (same pieces)",
            _rotating(copies, words),
            "word_tokenize by pieces",
            _rotating(copies, by_pieces),
        ),
    ]

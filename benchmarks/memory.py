"""Peak memory of ``analyze`` on a big input: ``python -m benchmarks.memory [MEGABYTES…]``.

The text is the fixture article repeated; the peak is measured with ``tracemalloc`` (Python
allocations) and reported next to the input size, for sizes that double, so the growth is
visible.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from datetime import date

import vnnews
from vnnews._data import read_text

ARTICLE = read_text("examples/article_2022-01-20.txt")


def peak_for(megabytes: float) -> tuple[int, float, float]:
    """(input bytes, peak MiB, seconds) of one ``analyze`` call."""
    size = int(megabytes * 1024 * 1024)
    chars = size * len(ARTICLE) // len(ARTICLE.encode())
    text = (ARTICLE * (chars // len(ARTICLE) + 1))[:chars]
    tracemalloc.start()
    start = time.perf_counter()
    vnnews.analyze(text, published=date(2022, 1, 20))
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return len(text.encode()), peak / 2**20, seconds


def main(argv: list[str]) -> int:
    """Print one line per size."""
    for megabytes in [float(arg) for arg in argv] or [2.5, 5.0, 10.0]:
        size, peak, seconds = peak_for(megabytes)
        print(
            f"analyze on {size / 2**20:5.1f} MiB of UTF-8: peak {peak:7.1f} MiB "
            f"({peak / (size / 2**20):4.1f}x the input), {seconds:6.1f} s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Linear time on pathological input: time(2n)/time(n) for every extractor and ``analyze``.

Inputs of 128 KB, 256 KB, 512 KB and 1 MB; a ratio below 2.5 at every doubling is the promise.
Each input is a whole number of repetitions of its unit: a unit cut short at the end would make
one size a different input from the others ("Nguyễn Văn An … Nguyễn V" ends with a lone "V",
a Roman numeral, which no other size has).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date

import vnnews
from benchmarks.timing import Scaling

SIZES = (128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024)
PATTERNS = {
    "digits and dots": "1.1.",
    "digit run": "9",
    "thứ thứ": "thứ ",
    "titles": "Phó Bí thư Thường trực Tỉnh ủy, ",
    "capitalised names": "Nguyễn Văn An ",
    "từ đến": "từ 1 đến ",
    "no whitespace": "ĐạihộiĐảngbộtỉnh2022",
    "one huge line": "Năm 2022 kết nạp 4.028 đảng viên, đạt 89,51%; ",
    "brackets": "(",
    "quotes": "“a",
    "abbreviations": "TP. TS. v.v. ",
    "a figure on every line": "Có 12 người.\n",
}


def functions() -> dict[str, Callable[[str], object]]:
    """The functions under test, each taking one text."""
    published = date(2022, 1, 20)
    return {
        "extract_numbers": vnnews.extract_numbers,
        "extract_dates": lambda text: vnnews.extract_dates(text, ref=published),
        "extract_people": vnnews.extract_people,
        "sentence_spans": vnnews.sentence_spans,
        "slugify": vnnews.slugify,
        "analyze": lambda text: vnnews.analyze(text, published=published),
        "to_spoken": lambda text: vnnews.to_spoken(text, ref=published),
    }


def measure(function: Callable[[str], object], unit: str) -> tuple[float, ...]:
    """Seconds for each size: best of five runs, with the garbage collector paused as timeit
    does (its full collections over the growing result lists would be measured otherwise).
    Five, not three: on a shared machine, three runs left stretches of outside load in a few
    rows (ratios of 2.6-3.0 that best-of-five runs put at 2.0-2.3)."""
    seconds = []
    for size in SIZES:
        text = unit * max(1, size // len(unit))
        best = float("inf")
        for _ in range(5):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                function(text)
                best = min(best, time.perf_counter() - start)
            finally:
                gc.enable()
        seconds.append(best)
    return tuple(seconds)


def main() -> list[Scaling]:
    """Run every function on every pattern and return one row each."""
    rows = []
    for function_name, function in functions().items():
        for pattern_name, unit in PATTERNS.items():
            name = f"{function_name}: {pattern_name}"
            rows.append(Scaling(name, SIZES, measure(function, unit)))
    return rows

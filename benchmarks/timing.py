"""Timing helpers shared by the benchmarks: same input, same run, printed as a ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Kind = Literal["library", "floor", "self"]
"""What a row compares vnnews with: another ``library`` doing the job, a ``floor`` (a trivial
program that does less than the job, a lower bound rather than a competitor), or vnnews
``self`` (another setting of vnnews: workers, options)."""


@dataclass(frozen=True)
class Comparison:
    """One benchmark row: vnnews against another program on the same input, in the same run."""

    name: str
    ours_seconds: float
    other: str
    other_seconds: float
    unit: str = "call"
    kind: Kind = "library"

    @property
    def speedup(self) -> float:
        """How many times faster vnnews is (above 1 = faster, below 1 = slower)."""
        return self.other_seconds / self.ours_seconds if self.ours_seconds else float("inf")

    @property
    def verdict(self) -> str:
        """The ratio as measured, in words: "13.2× faster", "25.4× slower", "1.04× slower"."""
        ratio = self.speedup
        if ratio >= 1:
            return f"{times(ratio)} faster"
        return f"{times(1 / ratio)} slower" if ratio > 0 else "infinitely slower"

    def line(self) -> str:
        """A printable line for this row."""
        return (
            f"{self.name:<44} vnnews {self.ours_seconds * 1e3:10.3f} ms/{self.unit}   "
            f"{self.other:<26} {self.other_seconds * 1e3:10.3f} ms/{self.unit}   "
            f"{self.verdict} ({self.kind})"
        )


def times(ratio: float) -> str:
    """A ratio with the precision it deserves: ``1.04×``, ``13.2×``, ``2584×``."""
    if ratio < 10:
        return f"{ratio:.2f}×"
    return f"{ratio:.1f}×" if ratio < 100 else f"{ratio:.0f}×"


Clock = Callable[[], float]


def best_time(
    function: Callable[[], object],
    *,
    repeat: int = 5,
    number: int = 1,
    clock: Clock = time.perf_counter,
) -> float:
    """The best (least disturbed) time of ``number`` calls, over ``repeat`` tries, per call."""
    times = []
    for _ in range(repeat):
        start = clock()
        for _ in range(number):
            function()
        times.append((clock() - start) / number)
    return min(times)


def median_time(function: Callable[[], object], *, repeat: int = 5) -> float:
    """The median time of one call over ``repeat`` tries."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(
    name: str,
    ours: Callable[[], object],
    other_name: str,
    other: Callable[[], object],
    *,
    repeat: int = 5,
    number: int = 1,
    unit: str = "call",
    clock: Clock = time.perf_counter,
    kind: Kind = "library",
) -> Comparison:
    """Time ``ours`` and ``other`` alternately in this run and return the row (``clock``:
    wall time by default; ``time.thread_time`` for the CPU time of this thread).

    The tries alternate (ours, other, ours, other…), so a stretch of load from elsewhere on
    the machine falls on both sides rather than on whichever ran then; each side keeps its
    best try. Each try starts with one untimed call, so that neither side is timed with the
    processor caches the other side just filled.
    """
    ours_best = other_best = float("inf")
    for _ in range(repeat):
        ours()  # untimed: caches (processor, compiled patterns, loaded tables) warm again
        ours_best = min(ours_best, best_time(ours, repeat=1, number=number, clock=clock))
        other()
        other_best = min(other_best, best_time(other, repeat=1, number=number, clock=clock))
    return Comparison(name, ours_best, other_name, other_best, unit, kind)


@dataclass(frozen=True)
class Scaling:
    """How one function's time grows when its input doubles (linear time: about 2)."""

    name: str
    sizes: tuple[int, ...]
    seconds: tuple[float, ...]

    @property
    def worst_ratio(self) -> float:
        """The largest time(2n)/time(n) over the measured sizes."""
        return max(
            later / max(earlier, 1e-9)
            for earlier, later in zip(self.seconds, self.seconds[1:], strict=False)
        )

    def line(self) -> str:
        """A printable line for this row."""
        times = "  ".join(
            f"{size // 1024:>5}K {sec * 1e3:9.1f} ms"
            for size, sec in zip(self.sizes, self.seconds, strict=True)
        )
        verdict = "ok" if self.worst_ratio < 2.5 else "SUPER-LINEAR"
        return f"{self.name:<40} {times}   worst t(2n)/t(n) {self.worst_ratio:5.2f} {verdict}"

"""Import time of vnnews against underthesea: median of several fresh processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from benchmarks.timing import Comparison


def import_seconds(module: str, runs: int = 7) -> float:
    """Median wall time of ``python -c 'import MODULE'`` minus a bare interpreter start."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(run("pass") for _ in range(runs))
    loaded = statistics.median(run(f"import {module}") for _ in range(runs))
    return max(loaded - bare, 1e-6)


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    return [
        Comparison(
            "import (fresh process, median of 7)",
            import_seconds("vnnews"),
            "underthesea",
            import_seconds("underthesea"),
            unit="import",
        )
    ]

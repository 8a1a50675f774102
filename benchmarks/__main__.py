"""Run every benchmark (``python -m benchmarks [NAME…]``) and print one row per comparison.

Each ``benchmarks/bench_<name>.py`` has a ``main()`` returning a list of ``Comparison`` rows.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks.timing import Comparison


def discover() -> list[str]:
    """The names of the benchmark modules, in alphabetical order."""
    folder = Path(__file__).parent
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(folder)])
        if info.name.startswith("bench_")
    )


def run(names: list[str]) -> list[Comparison]:
    """Run the named benchmarks, print their rows as they come, return them all."""
    rows: list[Comparison] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        for row in module.main():
            print(row.line(), flush=True)
            rows.append(row)
    return rows


if __name__ == "__main__":
    run(sys.argv[1:] or discover())

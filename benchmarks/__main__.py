"""Run the benchmarks: ``python -m benchmarks [--report] [NAME…]``.

Each ``benchmarks/bench_<name>.py`` has a ``main()`` returning a list of rows (``Comparison``
or ``Scaling``), each with a printable ``line()``. With ``--report`` the runner also writes the
Markdown tables ``docs/_generated/benchmarks.md`` and the chart ``docs/_static/benchmarks.png``
(and, for ``scaling``, ``docs/_generated/scaling.md``) that the documentation shows, so the
published figures always come from this command. The comparisons go in three tables by the
kind of their row: against other libraries (the only ones charted), against a floor, and
against vnnews itself. Each ratio is written as measured ("13.2× faster", "25.4× slower"),
and the stamp gives the machine's load average when the run began and the share of its CPUs
that other processes used during the run: on a shared machine, figures taken under load say
so.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import resource
import sys
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

from benchmarks.timing import Comparison, Scaling

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "docs" / "_generated" / "benchmarks.md"
CHART = ROOT / "docs" / "_static" / "benchmarks.png"
SCALING = ROOT / "docs" / "_generated" / "scaling.md"
CORPORA = ROOT / "docs" / "_generated" / "corpora.md"
# The scaling benchmark feeds 1 MB inputs to every extractor, and the corpora benchmark runs
# thousands of articles through worker pools, Spark and Dask: run them by name, not by default.
# Each has its own report (scaling.md, corpora.md).
NOT_BY_DEFAULT = {"scaling", "corpora"}


def discover() -> list[str]:
    """The names of the benchmark modules run by default, in alphabetical order."""
    folder = Path(__file__).parent
    names = (info.name for info in pkgutil.iter_modules([str(folder)]))
    return sorted(
        name.removeprefix("bench_")
        for name in names
        if name.startswith("bench_") and name.removeprefix("bench_") not in NOT_BY_DEFAULT
    )


def run(names: list[str]) -> list[Comparison | Scaling]:
    """Run the named benchmarks, print their rows as they come, return them all."""
    rows: list[Comparison | Scaling] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        for row in module.main():
            print(row.line(), flush=True)
            rows.append(row)
    return rows


def notes(names: list[str]) -> list[str]:
    """The lines the named benchmarks want under their tables (``NOTES``), if any."""
    found: list[str] = []
    for name in names:
        found += getattr(importlib.import_module(f"benchmarks.bench_{name}"), "NOTES", [])
    return found


class OtherLoad:
    """How busy the rest of the machine was during a run: the CPU time every process used
    (``/proc/stat``) minus this process's and its children's, as a share of all the CPUs."""

    def __init__(self) -> None:
        self.start = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float]:
        """(wall seconds, CPU seconds of the machine, CPU seconds of this run)."""
        ours = sum(
            getattr(resource.getrusage(who), field)
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
            for field in ("ru_utime", "ru_stime")
        )
        try:
            # user nice system idle iowait irq softirq steal: all but idle and iowait are busy
            ticks = [int(value) for value in Path("/proc/stat").read_text().split()[1:9]]
            busy = (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            busy = float("nan")
        return time.monotonic(), busy, ours

    def share(self) -> float:
        """The share (0-1) of all CPUs used by other processes since this object was made."""
        wall, busy, ours = (
            end - start for start, end in zip(self.start, self._sample(), strict=True)
        )
        return max(0.0, busy - ours) / (wall * (os.cpu_count() or 1))


def write_report(
    rows: list[Comparison | Scaling], load: tuple[float, float], names: list[str] | None = None
) -> None:
    """Write the Markdown tables (and the chart) of the rows that were run.

    ``load``: the load average (1 minute) when the run began, and the share of the machine's
    CPUs that other processes used during the run.
    """
    stamp = (
        f"Measured on {date.today().isoformat()}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, vnnews {version('vnnews')}; load "
        f"average {load[0]:.2f} when the run began, other processes used {load[1]:.0%} of "
        "the CPUs during it; by `python -m benchmarks --report"
    )
    comparisons = [row for row in rows if isinstance(row, Comparison)]
    if comparisons and names == ["corpora"]:
        extra = [f"- {line}" for line in notes(names)]
        write_comparisons(comparisons, stamp + " corpora`.", path=CORPORA, extra=extra)
    elif comparisons:
        write_comparisons(comparisons, stamp + "`.")
    scalings = [row for row in rows if isinstance(row, Scaling)]
    if scalings:
        write_scalings(scalings, stamp + " scaling`.")


# The three tables of comparisons: kind of row, heading, and the headers of the columns that
# name the two sides and the ratio.
TABLES = (
    ("library", "vnnews against other libraries", ("vnnews", "other library", "vnnews is")),
    (
        "floor",
        "vnnews against a floor (a trivial program that does less than the job)",
        ("vnnews", "floor", "vnnews is"),
    ),
    (
        "self",
        "vnnews against itself (one setting of vnnews against another)",
        ("setting", "baseline", "the setting is"),
    ),
)


def write_comparisons(
    rows: list[Comparison], stamp: str, *, path: Path | None = None, extra: list[str] | None = None
) -> None:
    """The comparison tables, one per kind of row, and the chart of the library rows (only
    for the main table; ``path`` writes them elsewhere, ``extra`` lines after them)."""
    lines = [stamp]
    for kind, heading, (ours, other, verdict) in TABLES:
        chosen = [row for row in rows if row.kind == kind]
        if not chosen:
            continue
        lines += [
            "",
            f"## {heading}",
            "",
            f"| benchmark | {ours} | {other} | its time | {verdict} |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {row.name} | {row.ours_seconds * 1e3:.3f} ms/{row.unit} | {row.other} "
            f"| {row.other_seconds * 1e3:.3f} ms/{row.unit} | {row.verdict} |"
            for row in chosen
        ]
    if extra:
        lines += ["", *extra]
    target = path or TABLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if path is None:
        # Only rows against another library: a floor is no competitor, and vnnews against
        # itself is no speed-up over anything a user would otherwise pick.
        draw_chart([row for row in rows if row.kind == "library"])


def write_scalings(rows: list[Scaling], stamp: str) -> None:
    """The linear-time table: seconds per size and the worst time(2n)/time(n)."""
    sizes = " | ".join(f"{size // 1024} KB" for size in rows[0].sizes)
    lines = [stamp, "", f"| function: input | {sizes} | worst t(2n)/t(n) |"]
    lines.append("|---" * (len(rows[0].sizes) + 2) + "|")
    for row in rows:
        times = " | ".join(f"{seconds * 1e3:.1f} ms" for seconds in row.seconds)
        lines.append(f"| {row.name} | {times} | {row.worst_ratio:.2f} |")
    SCALING.parent.mkdir(parents=True, exist_ok=True)
    SCALING.write_text("\n".join(lines) + "\n", encoding="utf-8")


def draw_chart(rows: list[Comparison]) -> None:
    """A horizontal bar chart of the speed-ups, log scale, 1× marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(9, 0.45 * len(rows) + 1.2))
    labels = [f"{row.name}\nvs {row.other}" for row in rows]
    axes.barh(labels, [row.speedup for row in rows], color="#2b6cb0")
    axes.axvline(1, color="#c53030", linewidth=1)
    axes.set_xscale("log")
    axes.set_xlabel(
        "speed-up of vnnews (times faster, log scale; red line = as fast, left of it = slower)"
    )
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    figure.tight_layout()
    CHART.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(CHART, dpi=110)


def main(argv: list[str]) -> int:
    """Run the benchmarks named in ``argv`` (default: all but the slow ones).

    ``--report`` rewrites the published tables, so it needs a whole table's rows: the default
    run (all benchmarks but ``scaling`` and ``corpora``), or ``scaling`` or ``corpora`` alone.
    """
    report = "--report" in argv
    names = [arg for arg in argv if arg != "--report"] or discover()
    if report and names not in (discover(), ["scaling"], ["corpora"]):
        print(
            "--report rewrites the published tables: run it with no names (all benchmarks "
            "but scaling and corpora), or with 'scaling' or 'corpora' alone",
            file=sys.stderr,
        )
        return 2
    before, others = os.getloadavg()[0], OtherLoad()
    rows = run(names)
    share = others.share()
    print(f"load average {before:.2f} at the start; other processes used {share:.0%} of the CPUs")
    if report:
        write_report(rows, (before, share), names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

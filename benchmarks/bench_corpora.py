"""A corpus at a time (issue 19): workers, their start, Spark and Dask, the command line.

Every row compares vnnews with itself or with a floor, so the rows go in those two tables:

1. ``analyze_records`` over 5,000 synthetic articles (``VNNEWS_BENCH_CORPUS``) with 2 worker
   processes against 1, each run in a fresh process, best of ``VNNEWS_BENCH_REPEAT`` (3) runs
   (target: 2 workers at least 1.7x one worker).
2. The CPU time the parent process spends per article with 2 workers (reading records, passing
   chunks, unpickling results), against the CPU time of analysing one article (target: at most
   0.3 ms an article).
3. The first record answered by a fresh worker (a pool started, one record, its result back),
   workers forked from a warm process, against the first ``analyze`` of a fresh Python process
   (import and pattern compilation): what a worker used to pay (target: at most 150 ms).
   Both with compiled bytecode in a cache, as an installed package has it.
4. Spark ``local[2]`` (``vnnews.spark.analyze_column``, written to Spark's ``noop`` sink) and Dask
   (``vnnews.dask.analyze_bag`` on the processes scheduler, with dask's own pool and with
   ``vnnews.dask.process_pool``) against the single-process core, on the same 2,000 articles in
   the same run (the SparkSession is started before the clock starts).
5. The command line on a 10 MB input: the first output line and the peak memory of the whole
   process (``VmHWM`` of it and its workers), for ``vnnews numbers`` on a text file and
   ``vnnews analyze --jsonl`` on a JSON Lines file, against ``head -1`` of the same file
   (a floor). Target: the first line within a second, at most 150 MB.

``python -m benchmarks corpora`` prints the rows; the targets are checked in ``TARGETS`` lines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_article import synthetic_articles
from benchmarks.timing import Comparison

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = int(os.environ.get("VNNEWS_BENCH_CORPUS", "5000"))
ENGINE_ARTICLES = int(os.environ.get("VNNEWS_BENCH_ENGINES", "2000"))
REPEAT = int(os.environ.get("VNNEWS_BENCH_REPEAT", "3"))
CACHE = Path(tempfile.gettempdir()) / "vnnews-bench-pycache"
NOTES: list[str] = []
"""The targets of issue 19 and the figures measured against them, for the report."""


def note(line: str) -> None:
    """Print a line about a target and keep it for the report."""
    print(f"TARGETS {line}", flush=True)
    NOTES.append(line)


def environment() -> dict[str, str]:
    """This environment with compiled bytecode cached (outside the source tree)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(CACHE)
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_python(code: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object."""
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=environment()
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


# --------------------------------------------------------------------------- 1, 2: workers

_RECORDS = """
import json, resource, time
from benchmarks.bench_article import synthetic_articles
import vnnews
texts = list(synthetic_articles({count}))
vnnews.warm_up()
start, cpu = time.perf_counter(), time.process_time()
done = sum(1 for _ in vnnews.analyze_records(texts, published="2022-01-20", workers={workers}))
seconds, parent_cpu = time.perf_counter() - start, time.process_time() - cpu
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"articles": done, "seconds": seconds, "parent_cpu": parent_cpu,
                  "worker_cpu": children.ru_utime + children.ru_stime}}))
"""


_JSON_LINES = """
import json, time
from datetime import date
from benchmarks.bench_article import synthetic_articles
import vnnews
from vnnews.corpus._records import RecordOptions, record_stream
texts = list(synthetic_articles({count}))
vnnews.warm_up()
cpu = time.process_time()
options = RecordOptions(published=date(2022, 1, 20))
done = sum(1 for _ in record_stream(texts, options, "json", workers=2))
print(json.dumps({{"articles": done, "parent_cpu": time.process_time() - cpu}}))
"""


def records_run(workers: int) -> dict[str, float]:
    """The best (fastest) of ``REPEAT`` fresh runs of analyze_records."""
    runs = [run_python(_RECORDS.format(count=ARTICLES, workers=workers)) for _ in range(REPEAT)]
    return min(runs, key=lambda run: run["seconds"])


def worker_rows() -> list[Comparison]:
    one, two = records_run(1), records_run(2)
    rate = {workers: run["articles"] / run["seconds"] for workers, run in ((1, one), (2, two))}
    speedup = rate[2] / rate[1]
    overhead = two["parent_cpu"] / two["articles"]
    per_article = one["parent_cpu"] / one["articles"]
    note(
        f"workers: {rate[1]:.0f} articles/s with 1 worker, {rate[2]:.0f} with 2 on "
        f"{ARTICLES} articles: {speedup:.2f}x (target: at least 1.7x)"
    )
    note(f"parent process CPU with 2 workers: {overhead * 1e3:.3f} ms an article (target: 0.3)")
    lines = min(
        (run_python(_JSON_LINES.format(count=ARTICLES)) for _ in range(REPEAT)),
        key=lambda run: run["parent_cpu"],
    )
    note(
        f"parent process CPU with 2 workers returning JSON lines (the command line's "
        f"--jsonl): {lines['parent_cpu'] / lines['articles'] * 1e3:.3f} ms an article"
    )
    # Wall-clock ratios need two free cores; the CPU accounting does not: with two cores free,
    # 2 workers take at least (their CPU + the parent's) / 2 an article.
    total = (two["parent_cpu"] + two["worker_cpu"]) / two["articles"]
    note(
        f"CPU an article: {per_article * 1e3:.2f} ms in 1 process; {total * 1e3:.2f} ms with 2 "
        f"workers, parent included: on two free cores 2 workers can be at most "
        f"{2 * per_article / total:.2f}x one"
    )
    return [
        Comparison(
            f"analyze_records {ARTICLES} arts, 2 workers ({rate[2]:.0f}/s)",
            two["seconds"] / two["articles"],
            f"1 worker ({rate[1]:.0f}/s)",
            one["seconds"] / one["articles"],
            unit="article",
            kind="self",
        ),
        Comparison(
            "parent process CPU per article, 2 workers",
            overhead,
            "CPU of analysing it (1 process)",
            per_article,
            unit="article",
            kind="self",
        ),
    ]


# --------------------------------------------------------------------------- 3: a fresh worker

_FRESH_WORKER = """
import json, time
import vnnews
from vnnews.article._pool import ordered_map
from vnnews.corpus._records import RecordOptions, _task
from functools import partial
from datetime import date
text = open({fixture!r}, encoding="utf-8").read()
vnnews.warm_up()  # the parent, once: workers forked from it start warm
task = partial(_task, options=RecordOptions(published=date(2022, 1, 20)), form="dict")
start = time.perf_counter()
stream = ordered_map(task, [(0, text)], workers=2, chunksize=1, warm_up=vnnews.warm_up)
first = next(stream)
seconds = time.perf_counter() - start
list(stream)
print(json.dumps({{"seconds": seconds}}))
"""

_FRESH_PROCESS = """
import json, time
start = time.perf_counter()
import vnnews
text = open({fixture!r}, encoding="utf-8").read()
vnnews.analyze_records([text], published="2022-01-20").__next__()
print(json.dumps({{"seconds": time.perf_counter() - start}}))
"""


def fresh_worker_rows() -> list[Comparison]:
    fixture = str(ROOT / "tests" / "fixtures" / "article_2022-01-20.txt")
    run_python(_FRESH_PROCESS.format(fixture=fixture))  # fills the bytecode cache
    warm = min(
        run_python(_FRESH_WORKER.format(fixture=fixture))["seconds"] for _ in range(REPEAT + 2)
    )
    cold = min(
        run_python(_FRESH_PROCESS.format(fixture=fixture))["seconds"] for _ in range(REPEAT + 2)
    )
    note(
        f"first record of a fresh worker: {warm * 1e3:.0f} ms (target: 150 ms); a fresh "
        f"process's import and first analyze: {cold * 1e3:.0f} ms"
    )
    return [
        Comparison(
            "first record of a fresh worker (pool start, warm)",
            warm,
            "import + first analyze, fresh process",
            cold,
            unit="record",
            kind="self",
        )
    ]


# --------------------------------------------------------------------------- 4: Spark and Dask

_ENGINES = """
import json, os, sys, time
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
from benchmarks.bench_article import synthetic_articles
import vnnews
texts = list(synthetic_articles({count}))
records = [{{"id": str(i), "text": text}} for i, text in enumerate(texts)]
vnnews.warm_up()
repeat = {repeat}
out = {{}}

def best(function):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)

out["core"] = best(lambda: sum(1 for _ in vnnews.analyze_records(records, published="2022-01-20")))

import dask, dask.bag as db
from vnnews.dask import analyze_bag, process_pool
bag = db.from_sequence(records, npartitions=8)
job = analyze_bag(bag, published=None).map(lambda output: output["index"])
out["dask"] = best(lambda: job.count().compute(scheduler="processes", num_workers=2))
with process_pool(2) as pool, dask.config.set(pool=pool):
    out["dask_pool"] = best(lambda: job.count().compute(scheduler="processes"))

from pyspark.sql import SparkSession
from vnnews.spark import analyze_column
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "2").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
frame = spark.createDataFrame(records, "id string, text string").repartition(8).cache()
frame.count()
result = analyze_column(frame, "text")
out["spark"] = best(lambda: result.write.format("noop").mode("overwrite").save())
spark.stop()
print(json.dumps(out))
"""


def engine_rows() -> list[Comparison]:
    run = run_python(_ENGINES.format(count=ENGINE_ARTICLES, repeat=REPEAT))
    count = ENGINE_ARTICLES
    rates = {name: count / seconds for name, seconds in run.items()}
    note(
        f"engines on {count} articles: "
        + ", ".join(f"{name} {rate:.0f} articles/s" for name, rate in rates.items())
    )
    core = f"core, 1 process ({rates['core']:.0f}/s)"
    return [
        Comparison(
            f"{label} {count} arts ({rates[name]:.0f}/s)",
            run[name] / count,
            core,
            run["core"] / count,
            unit="article",
            kind="self",
        )
        for name, label in (
            ("spark", "Spark local[2], analyze_column"),
            ("dask", "Dask processes (its pool), analyze_bag"),
            ("dask_pool", "Dask processes (vnnews.dask.process_pool)"),
        )
    ]


# --------------------------------------------------------------------------- 5: the command line

_PEAK = """
import json, subprocess, sys, time
command = {command!r}
start = time.perf_counter()
process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
first = process.stdout.readline()
first_seconds = time.perf_counter() - start
peak = 0
for line in iter(process.stdout.readline, b""):
    pass
process.wait()
seconds = time.perf_counter() - start
import resource
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"first": first_seconds, "seconds": seconds, "peak_kb": peak_kb,
                  "got_line": bool(first)}}))
"""


def big_inputs(folder: Path) -> tuple[Path, Path]:
    """A 10 MB text file (articles one after another) and a 10 MB JSON Lines corpus."""
    target = 10 * 1024 * 1024
    text, jsonl = folder / "big.txt", folder / "big.jsonl"
    with text.open("w", encoding="utf-8") as plain, jsonl.open("w", encoding="utf-8") as lines:
        written = [0, 0]
        for number, article in enumerate(synthetic_articles(100_000)):
            if written[0] < target:
                written[0] += plain.write(article + "\n")
            if written[1] < target:
                written[1] += lines.write(json.dumps({"id": number, "text": article}) + "\n")
            if min(written) >= target:
                break
    return text, jsonl


def cli_rows() -> list[Comparison]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        text, jsonl = big_inputs(Path(folder))
        vnnews = [sys.executable, "-m", "vnnews"]
        floor = run_python(_PEAK.format(command=["head", "-1", str(text)]))
        for label, command in (
            ("vnnews numbers -f (10 MB text)", [*vnnews, "numbers", "-f", str(text)]),
            ("vnnews analyze --jsonl (10 MB)", [*vnnews, "analyze", "--jsonl", str(jsonl)]),
            (
                "vnnews analyze --jsonl --workers 2",
                [*vnnews, "analyze", "--jsonl", str(jsonl), "--workers", "2"],
            ),
        ):
            run = run_python(_PEAK.format(command=command))
            peak = run["peak_kb"] / 1024
            note(
                f"{label}: first line after {run['first']:.2f} s (target: 1 s), peak memory "
                f"{peak:.0f} MB (target: 150 MB), the whole input in {run['seconds']:.1f} s"
            )
            rows.append(
                Comparison(
                    f"{label}: first line (peak {peak:.0f} MB)",
                    run["first"],
                    "head -1 of the same file",
                    floor["first"],
                    unit="first line",
                    kind="floor",
                )
            )
    return rows


_KEPT = """
import gc, json, os, sys, tempfile, tracemalloc
from benchmarks.bench_article import synthetic_articles
import vnnews
from vnnews.corpus import write_parquet
path = {ud!r}
texts = ([json.loads(line)["text"] for line in open(path, encoding="utf-8")]
         if os.path.exists(path) else list(synthetic_articles(200)))
vnnews.warm_up()
gc.collect()
tracemalloc.start()
kept = list(vnnews.analyze_records(texts, published="2022-01-20"))
dicts = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
folder = tempfile.mkdtemp()
write_parquet(kept, folder)
parquet = sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))
size = sum(len(text.encode()) for text in texts)
print(json.dumps({{"articles": len(texts), "text": size, "dicts": dicts, "parquet": parquet,
                  "ud": os.path.exists(path)}}))
"""
UD_DEV = Path("/work/shared/bench/ud_vtb/dev.jsonl")


def memory_notes() -> None:
    """Memory per kept article: as output dicts in memory, and in the Parquet tables."""
    run = run_python(_KEPT.format(ud=str(UD_DEV)))
    count = run["articles"]
    source = "UD VTB dev documents" if run["ud"] else "synthetic articles"
    note(
        f"memory per kept article ({count:.0f} {source}, {run['text'] / count / 1024:.2f} KB of "
        f"UTF-8 text each): {run['dicts'] / count / 1024:.1f} KB as output dicts in memory, "
        f"{run['parquet'] / count / 1024:.2f} KB in the Parquet tables"
    )


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    NOTES.clear()
    note(f"load average at the start of this benchmark: {os.getloadavg()[0]:.2f}")
    rows = [*worker_rows(), *fresh_worker_rows(), *engine_rows(), *cli_rows()]
    memory_notes()
    return rows


if __name__ == "__main__":
    for row in main():
        print(row.line())

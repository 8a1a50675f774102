"""analyze() on the fixture article against underthesea.word_tokenize, and batch throughput.

1. ``analyze`` (all extractors, no word segmentation) on the fixture article against
   ``underthesea.word_tokenize`` of the same article, same run: not the same work, and labelled
   so. It says what a whole analysis costs next to segmentation alone (target: at least 10x
   faster), in wall-clock time and in CPU time of the calling thread.
2. ``analyze(words=True)`` (all extractors and underthesea's segmentation of the body) against
   ``underthesea.word_tokenize`` of the same article: both sides segment it with underthesea's
   model (vnnews its body paragraphs, 93% of the text; underthesea all of it), and vnnews does
   everything else on top.
   Each call gets a slightly different copy of the article (a different view-counter line), so
   no cache of a previous call helps either side.
3. ``analyze_many`` over 10 000 synthetic articles built from the fixture (paragraphs rotated,
   a different counter line), with 1 and 2 worker processes, each in a fresh process so that
   its peak memory (``ru_maxrss`` of the process and its workers) is its own. The row compares
   vnnews with itself (2 workers against 1) and goes in the table of self-comparisons; the
   throughput in articles/s and the peak resident memory (main process, plus each worker) are
   in the row names. ``VNNEWS_BENCH_ARTICLES`` changes the number of articles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path

from benchmarks.timing import Comparison, compare

_NO_SEGMENTATION = "analyze, all extractors, no segmentation — vs segmentation alone"
FIXTURE = Path(__file__).parent.parent / "tests" / "fixtures" / "article_2022-01-20.txt"
ARTICLES = int(os.environ.get("VNNEWS_BENCH_ARTICLES", "10000"))


def synthetic_articles(count: int) -> Iterator[str]:
    """``count`` distinct articles made from the fixture: body rotated, counter line changed."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n\n")
    head, body, tail = lines[:2], lines[2:-2], lines[-2:]
    for number in range(count):
        turn = number % len(body)
        rotated = body[turn:] + body[:turn]
        yield "\n\n".join([*head, *rotated, f"Lượt xem: {number}", *tail])


def cycling(function: Callable[[str], object], texts: list[str]) -> Callable[[], object]:
    """A no-argument call of ``function`` on the next text of ``texts``, round and round."""
    items = cycle(texts)
    return lambda: function(next(items))


def single_article() -> Comparison:
    from underthesea import word_tokenize

    from vnnews import analyze

    texts = list(synthetic_articles(40))
    return compare(
        _NO_SEGMENTATION,
        cycling(lambda text: analyze(text, published="2022-01-20"), texts),
        "underthesea.word_tokenize",
        cycling(word_tokenize, texts),
        repeat=15,
        number=3,
        unit="article",
    )


def single_article_cpu() -> Comparison:
    """The same comparison as :func:`single_article`, in CPU time of this thread.

    On a shared machine other processes stretch wall-clock times; CPU time is what the call
    itself costs. Only this thread counts: background threads of a loaded library would
    otherwise be charged to whichever side runs next (work a library hands to its own
    threads is not counted, which can only favour that library).
    """
    import time

    from underthesea import word_tokenize

    from vnnews import analyze

    texts = list(synthetic_articles(40))
    return compare(
        f"{_NO_SEGMENTATION} (CPU time)",
        cycling(lambda text: analyze(text, published="2022-01-20"), texts),
        "underthesea.word_tokenize",
        cycling(word_tokenize, texts),
        repeat=15,
        number=3,
        unit="article",
        clock=time.thread_time,
    )


def single_article_words() -> Comparison:
    """``analyze(words=True)`` against ``word_tokenize``: both sides segment the article."""
    from underthesea import word_tokenize

    from vnnews import analyze

    texts = list(synthetic_articles(40))
    return compare(
        "analyze(words=True), all extractors and segmentation — vs segmentation alone",
        cycling(lambda text: analyze(text, published="2022-01-20", words=True), texts),
        "underthesea.word_tokenize",
        cycling(word_tokenize, texts),
        repeat=15,
        number=3,
        unit="article",
    )


_BATCH = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_article import synthetic_articles
from vnnews import analyze_many
start = time.perf_counter()
done = sum(1 for _ in analyze_many(synthetic_articles({count}), published="2022-01-20",
                                    workers={workers}, chunksize=16))
seconds = time.perf_counter() - start
# VmHWM is this process's own peak (ru_maxrss may carry the parent's over exec on Linux).
status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"articles": done, "seconds": seconds, "peak_kb": int(status),
                  "worker_peak_kb": workers}}))
"""


def batch(workers: int, count: int) -> dict[str, float]:
    """Run ``analyze_many`` on ``count`` articles in a fresh process; its time and peak memory."""
    root = str(Path(__file__).parent.parent)
    code = _BATCH.format(root=root, count=count, workers=workers)
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    data: dict[str, float] = json.loads(result.stdout)
    return data


def batch_rows(count: int) -> list[Comparison]:
    one, two = batch(1, count), batch(2, count)

    def label(run: dict[str, float], workers: int) -> str:
        rate = run["articles"] / run["seconds"]
        memory = f"{run['peak_kb'] / 1024:.0f}MB"
        if workers > 1:
            memory += f"+{workers}x{run['worker_peak_kb'] / 1024:.0f}MB"
        return f"{workers}w {rate:.0f}/s {memory}"

    return [
        Comparison(
            f"analyze_many {count} arts ({label(two, 2)})",
            two["seconds"] / two["articles"],
            f"1 worker ({label(one, 1)})",
            one["seconds"] / one["articles"],
            unit="article",
            kind="self",
        )
    ]


def main() -> list[Comparison]:
    """Run the benchmark and return its rows."""
    batches = batch_rows(ARTICLES)  # first, while this process is still small
    return [single_article(), single_article_cpu(), single_article_words(), *batches]


if __name__ == "__main__":
    for row in main():
        print(row.line())

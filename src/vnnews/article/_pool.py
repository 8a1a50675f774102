"""An ordered, bounded-memory process-pool map: the engine of :func:`vnnews.analyze_many` and
:func:`vnnews.analyze_records`.

How the workers start, and why:

* On Linux, from a process with one thread, workers are **forked**: they need no
  ``if __name__ == "__main__":`` guard in the calling script (a forked worker does not run the
  script again), and when ``warm_up`` is given it runs here first, so every worker starts with
  the patterns compiled. Each forked worker points its standard output at ``/dev/null`` before
  anything else, so what the parent had buffered but not yet written is never written twice.
* Elsewhere (a process with other threads, where forking is unsafe, or another system), workers
  come from the **forkserver** (or are spawned where there is none). The forkserver is asked to
  import :mod:`vnnews.article._preload`, so it is warm and the workers it forks are too. Those
  workers import the calling script again, as Python's start methods do; a script that calls
  vnnews at its top level gets an error that says to put the call under the guard.

Workers ignore Ctrl-C (the caller decides how to stop) and exit by themselves when the process
that started them dies, SIGTERM or SIGKILL alike. A caller that stops early (closes the
generator, Ctrl-C) has the workers terminated at once.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

__all__ = ["GUARD_HINT", "ordered_map"]

_T = TypeVar("_T")
_R = TypeVar("_R")

GUARD_HINT = (
    "worker processes of this script import it again, and it started vnnews workers while "
    "being imported: put the code that runs when the script runs under "
    '`if __name__ == "__main__":` (see docs/scale.md)'
)


def ordered_map(
    function: Callable[[_T], _R],
    items: Iterable[_T],
    *,
    workers: int = 1,
    chunksize: int = 16,
    warm_up: Callable[[], object] | None = None,
) -> Generator[_R, None, None]:
    """``map(function, items)`` over a process pool, in order, with bounded memory.

    ``function`` must be picklable (a module-level function or a ``partial`` of one) and
    should not raise. At most ``2 * workers`` chunks of ``chunksize`` items are in flight.
    ``warm_up`` runs once in every worker before its first item (with forked workers, once
    here, before they start). With ``workers=1`` everything runs in this process, lazily.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    pool = _start_pool(workers, warm_up)
    pending: deque[Future[list[_R]]] = deque()
    try:
        for chunk in _chunks(iter(items), chunksize):
            pending.append(pool.submit(_map_chunk, function, chunk))
            if len(pending) >= 2 * workers:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        if pending:  # an early stop: the caller closed the generator, or Ctrl-C
            _terminate(pool)
        else:
            pool.shutdown(wait=True)


def _result(future: Future[list[_R]]) -> list[_R]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise RuntimeError(
            "a vnnews worker process stopped before its work was done (killed, out of memory, "
            f"or it could not start; if it could not start: {GUARD_HINT})"
        ) from None


def _start_pool(workers: int, warm_up: Callable[[], object] | None) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # We are a worker importing the calling script again (forkserver or spawn), and the
        # script asks for workers while being imported: stop with the fix.
        raise RuntimeError(f"vnnews: {GUARD_HINT}")
    context = _context()
    forked = context.get_start_method() == "fork"
    if forked and warm_up is not None:
        warm_up()  # once, here: every forked worker starts warm
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(forked, None if forked else warm_up),
    )


def _context() -> BaseContext:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Has effect only if this process has not started its forkserver yet; then the
        # server imports the preload module (and warms up) instead of the calling script.
        context.set_forkserver_preload(["vnnews.article._preload"])
        return context
    return multiprocessing.get_context("spawn")


def _start_worker(forked: bool, warm_up: Callable[[], object] | None) -> None:
    """The initializer of every worker: quiet Ctrl-C, stdout, follow the parent, warm up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if forked:
        # A forked worker holds a copy of the parent's unwritten stdout buffer; with stdout
        # pointed at /dev/null, flushing it at exit writes nothing twice.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    _follow_parent()
    if warm_up is not None:
        warm_up()


def _follow_parent() -> None:
    """Exit when the parent process dies (its end of a pipe closes), however it died."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is None:
        return

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="vnnews-parent-watch", daemon=True).start()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: drop what is queued and end the ones at work."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _chunks(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _map_chunk(function: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [function(item) for item in chunk]

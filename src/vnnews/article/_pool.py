"""An ordered, bounded-memory process-pool map: the engine of :func:`vnnews.analyze_many`."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["ordered_map"]

_T = TypeVar("_T")
_R = TypeVar("_R")


def ordered_map(
    function: Callable[[_T], _R], items: Iterable[_T], *, workers: int = 1, chunksize: int = 16
) -> Generator[_R, None, None]:
    """``map(function, items)`` over a process pool, in order, with bounded memory.

    ``function`` must be picklable (a module-level function or a ``partial`` of one) and
    should not raise. Workers ignore Ctrl-C; the caller decides how to stop.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Not "fork": a worker forked while this process has half a line in its stdout buffer
    # would write that half again when it exits.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_ignore_interrupts,
    )
    pending: deque[Future[list[_R]]] = deque()
    try:
        for chunk in _chunks(iter(items), chunksize):
            pending.append(pool.submit(_map_chunk, function, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Normal end: nothing is pending and the workers are reaped. Early stop (the caller
        # closed the generator, or Ctrl-C): drop what is queued, do not wait for it.
        pool.shutdown(wait=not pending, cancel_futures=True)


def _chunks(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _map_chunk(function: Callable[[_T], _R], chunk: list[_T]) -> list[_R]:
    return [function(item) for item in chunk]


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

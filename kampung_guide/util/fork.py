"""Work done by forked processes, which inherit what the parent has loaded instead of receiving it,
and the one decision about when that pays.

Only results travel back, pickled through a pipe. `Forked` runs one piece of work in a process of
its own: checking half of the profiles, making the search index while the rest of the build is set up,
making the open data while the pages render. `pool_map` spreads many chunks of work (rendering
pages) over a pool of workers.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")


# From how much work a process of its own pays for its start (measured on a 2-core machine):
CHECK_APART_FROM = 200  # profiles: a forked process checks half of them
HELPERS_FROM = 200  # kampung: the search index and the open data are made by processes of their own
POOL_FROM = 300  # pages: rendered by a pool of workers
IN_FLIGHT = 4  # chunks waiting or running per pool worker


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worth_forking(workers: int, amount: int, threshold: int) -> bool:
    """The one decision about parallelism: more than one worker, at least `threshold` of work, and
    a system that forks."""
    return workers > 1 and amount >= threshold and can_fork()


_work: Callable[[Any], list[Any]] | None = None  # the pool's work (pool_map's types), inherited by its forked workers


def pool_map(work: Callable[[C], list[R]], chunks: Iterator[C], workers: int) -> Iterator[R]:
    """The results of `work(chunk)` for every chunk, in order, from `workers` forked processes.

    A window of chunks is in flight, not all at once: when the consumer (the disk) is slower than
    the workers, finished results would otherwise pile up in memory (hundreds of MB at 10,000
    kampung). The parent's objects are frozen out of the workers' collections, so the memory they
    inherit stays shared.
    """
    global _work
    _work = work
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = deque(pool.apply_async(_call, (chunk,)) for chunk in islice(chunks, IN_FLIGHT * workers))
            while pending:
                done = pending.popleft().get()
                for chunk in islice(chunks, 1):
                    pending.append(pool.apply_async(_call, (chunk,)))
                yield from done
    finally:
        gc.unfreeze()
        _work = None


def _call(chunk: Any) -> list[Any]:
    assert _work is not None, "pool_map sets the work before the workers fork"
    return _work(chunk)


class Forked(Generic[T]):
    """`work(*args)` running in a forked process from now on; `result()` waits for what it returns
    (or raises what it raised). `stop()` ends it if its result is no longer wanted, as after a
    failed build; a `with` block stops it on leaving."""

    def __init__(self, work: Callable[..., T], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._name = getattr(work, "__name__", "work")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(self._receive, send, work, args), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise RuntimeError(f"the process running {self._name} ended without a result") from None
        finally:
            self._receive.close()
            self._process.join()
        if not ok:
            raise value
        return cast(T, value)  # what `work` returned, pickled

    def stop(self) -> None:
        if not self._receive.closed:  # its result was not taken
            self._process.kill()
            self._process.join()
            self._receive.close()

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _run(receive: Connection, send: Connection, work: Callable[..., object], args: tuple[Any, ...]) -> None:
    receive.close()  # the parent's end: were it open here too, a dead parent would leave this process waiting
    try:
        outcome: tuple[bool, object] = (True, work(*args))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (False, exc)
    with contextlib.suppress(OSError):  # the parent is gone (a killed build): nobody to tell
        send.send(outcome)
    send.close()

"""Work done by a forked process, which inherits what the parent has loaded instead of receiving it.

Only the result travels back, pickled through a pipe. Used where a large build has a second core
idle: checking half of the profiles, making the search index while the rest of the build is set up,
making the open data while the pages render.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


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

"""Work done by a forked process, which inherits what the parent has loaded instead of receiving it.

Only the result travels back, pickled through a pipe. Used where a large build has a second core
idle: checking half of the profiles, making the search index while the rest of the build is set up.
"""
from __future__ import annotations

import multiprocessing
from typing import Callable, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def in_child(work: Callable[..., T], *args) -> Callable[[], T]:
    """Start `work(*args)` in a forked process; the returned function waits for its result (or
    raises what it raised). Call it exactly once."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(send, work, args), daemon=True)
    process.start()
    send.close()

    def result() -> T:
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the process running {work.__name__} ended without a result") from None
        finally:
            receive.close()
            process.join()
        if not ok:
            raise value
        return value
    return result


def _run(send, work: Callable, args: tuple) -> None:
    try:
        outcome = (True, work(*args))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (False, exc)
    send.send(outcome)
    send.close()

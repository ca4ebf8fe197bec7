"""Read a Chromium performance trace (Playwright's `browser.start_tracing`): total blocking time,
first and largest contentful paint, and where the page's main thread spent its time.

Total blocking time is Lighthouse's: every main-thread task after first contentful paint counts its
time beyond 50 ms (a task that began before FCP only its part after it). Lighthouse stops at Time to
Interactive; here the trace ends when the page has been quiet for a while, so every task the page
runs on its own is counted, the map's chunks included. From a throttled load it uses the tasks' wall
time; from an unthrottled one it can also use their CPU time times the slowdown (`PageTrace.blocking`),
which a busy machine does not inflate.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

LONG_TASK_MS = 50.0
CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "loading",
    "blink.user_timing",
    "v8.execute",
    "toplevel",
]
TASK_NAMES = ("RunTask", "ThreadControllerImpl::RunTask")
# Trace events that say what a task did, for the breakdown (their time includes their children).
WORK = {
    "ParseHTML": "parse HTML",
    "ParseAuthorStyleSheet": "parse CSS",
    "UpdateLayoutTree": "style",
    "Layout": "layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "Layerize": "paint",
    "Commit": "paint",
    "EvaluateScript": "script (top level)",
    "v8.compile": "compile",
    "v8.compileModule": "compile",
    "FunctionCall": "script (callbacks)",
    "TimerFire": "script (callbacks)",
    "FireAnimationFrame": "script (callbacks)",
    "FireIdleCallback": "script (callbacks)",
    "EventDispatch": "script (callbacks)",
    "MajorGC": "garbage collection",
    "MinorGC": "garbage collection",
    "V8.GC_SCAVENGER": "garbage collection",
    "V8.GC_MARK_COMPACTOR": "garbage collection",
    "Decode Image": "images",
}


@dataclass
class PageTrace:
    """One page load, as its main thread lived it (milliseconds from navigation start)."""

    fcp: float  # a page that never painted gives no trace
    lcp: float | None
    tasks: list[tuple[float, float, float]]  # (start, wall duration, thread CPU time) of each task
    work: Counter = field(default_factory=Counter)  # "layout" -> ms (outermost events only)
    scripts: Counter = field(default_factory=Counter)  # script file -> ms of top-level run and callbacks

    def blocking(self, slowdown: float = 1.0) -> tuple[float, list[float]]:
        """Total blocking time and the long tasks' lengths: from wall time as the trace saw it, or
        with `slowdown`, from each task's CPU time times `slowdown` (how Lighthouse simulates a
        slower phone, from a load that ran unthrottled; CPU time leaves out the moments the machine
        gave the thread to other processes)."""
        tbt, long_tasks = 0.0, []
        for start, wall, cpu in self.tasks:
            length = wall if slowdown == 1.0 else cpu * slowdown
            if length > LONG_TASK_MS:
                long_tasks.append(length)
            after_fcp = start + length - max(start, self.fcp)
            if after_fcp > LONG_TASK_MS:
                tbt += after_fcp - LONG_TASK_MS
        return tbt, long_tasks

    @property
    def busy(self) -> float:
        """Main-thread wall time in tasks, from navigation start to the end of the trace."""
        return sum(wall for _, wall, _ in self.tasks)


def parse(raw: bytes) -> PageTrace:
    """The figures of a trace recorded around one navigation."""
    events = json.loads(raw)
    events = events["traceEvents"] if isinstance(events, dict) else events
    navigations = [
        e
        for e in events
        if e.get("name") == "navigationStart"
        and (e.get("args", {}).get("data") or {}).get("isLoadingMainFrame")
        and (e.get("args", {}).get("data") or {}).get("documentLoaderURL", "").startswith("http")
    ]
    if not navigations:
        raise ValueError("the trace has no navigation of a main frame")
    start = max(navigations, key=lambda e: e["ts"])  # the page's own (the one before it was robots.txt)
    origin, frame = start["ts"], start.get("args", {}).get("frame")
    fcp_event = next(
        (
            e
            for e in sorted(events, key=lambda e: e.get("ts", 0))
            if e.get("name") == "firstContentfulPaint" and e["ts"] >= origin and e.get("args", {}).get("frame") == frame
        ),
        None,
    )
    if fcp_event is None:
        raise ValueError("the trace has no first contentful paint: the page never painted")
    pid, tid = fcp_event["pid"], fcp_event["tid"]
    ms = lambda ts: (ts - origin) / 1000  # noqa: E731
    candidates = [
        e
        for e in events
        if e.get("name") == "largestContentfulPaint::Candidate"
        and e["ts"] >= origin
        and e["pid"] == pid
        and e.get("args", {}).get("frame") == frame
    ]
    lcp = ms(max(candidates, key=lambda e: e["ts"])["ts"]) if candidates else None
    main = [e for e in events if e["pid"] == pid and e["tid"] == tid and e.get("ph") == "X" and "dur" in e]
    tasks = sorted((e for e in main if e["name"] in TASK_NAMES and ms(e["ts"]) >= -1), key=lambda e: e["ts"])
    timed = [(ms(t["ts"]), t["dur"] / 1000, t.get("tdur", t["dur"]) / 1000) for t in outermost(tasks)]
    result = PageTrace(ms(fcp_event["ts"]), lcp, timed)
    breakdown(main, ms, result)
    return result


def outermost(events: list[dict]) -> list[dict]:
    """Events not inside an earlier one (sorted by start), so nested tasks are not counted twice."""
    kept, end = [], -1
    for e in events:
        if e["ts"] >= end:
            kept.append(e)
            end = e["ts"] + e["dur"]
    return kept


def breakdown(main: list[dict], ms, result: PageTrace) -> None:
    """Main-thread time by kind of work (outermost classified events) and by script file."""
    known = sorted((e for e in main if e["name"] in WORK and ms(e["ts"]) >= -1), key=lambda e: e["ts"])
    for e in outermost(known):
        result.work[WORK[e["name"]]] += e["dur"] / 1000
        if WORK[e["name"]].startswith("script"):
            data = e.get("args", {}).get("data", {})
            url = data.get("url") or data.get("scriptName") or data.get("type") or "?"
            result.scripts[short_url(url)] += e["dur"] / 1000


def short_url(url: str) -> str:
    """`http://127.0.0.1:8000/guide/assets/map.js?v=1` -> `map.js`; an inline script: its page."""
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return name or url

"""The guide in a phone's browser: total blocking time and largest contentful paint of its big pages.

    python bench/browser_bench.py [--sizes 1000,10000] [--runs 3] [--site FOLDER] [--profile] [--lighthouse]

Builds N generated profiles with a base URL (bench/generate.py, or measures a built --site), serves
the site gzip-compressed under /guide/ as a static host would, and loads the home page, the list,
the planner and a kampung page in Debian's Chromium at a phone's size with the CPU slowed 4x and a
slow 4G network (150 ms round trip, 1.6 Mbit/s), each from an empty cache, recording a performance
trace (bench/trace.py reads it). Map tiles get a local PNG. Medians of --runs loads are reported
beside the page weights: the HTML raw and gzipped, and everything the page downloaded (as sent).

--profile adds a V8 CPU profile per page: self time by script and by function (where pin creation,
clustering and JSON parsing go). --lighthouse also runs Lighthouse 12 (mobile preset, simulated
throttling; `npm install --no-save lighthouse@12.2.3`) on each page, median of --runs.
Prints a table and writes bench/results/browser.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import trace  # noqa: E402
from bench.generate import generate  # noqa: E402

BASE_URL = "https://example.org/guide/"
PREFIX = "/guide/"
PAGES = {"home": "", "list": "kampung/", "planner": "en/rencana/", "kampung": None}  # None: the first kampung
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
LOAD_TIMEOUT_MS = 180_000  # a page of every kampung (before issue #18: 5.5 MB at 10,000) parses slowly at 4x
QUIET_S = 2.0  # after the map (if any) has its pins, how long the page is left to finish its own work
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".webmanifest", ".xml", ".geojson", ".ics", ".txt")
TILE_PNG = None  # made on first use (tests/browser/harness.py's plain PNG)


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site under /guide/, text gzip-compressed when the browser accepts it; counts what it sends."""

    sent: Counter  # path -> bytes sent since the last reset (set per server)
    cache: dict

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0]
        if not path.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()  # a folder's redirect, or 404
        zipped = path.endswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        body = self.cache.get((path, zipped))
        if body is None:
            data = Path(path).read_bytes()
            body = self.cache[(path, zipped)] = gzip.compress(data, 6) if zipped else data
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.sent[self.path.split("?")[0]] += len(body)
        return io.BytesIO(body)


class Server:
    """The gzip server on 127.0.0.1 in a thread; use as a context manager."""

    def __init__(self, site: Path):
        sent: Counter[str] = Counter()
        handler = type("Handler", (GzipHandler,), {"sent": sent, "cache": {}})
        self.sent = sent
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{PREFIX}"

    def __enter__(self) -> Server:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def tile_png() -> bytes:
    global TILE_PNG
    if TILE_PNG is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from browser.harness import TILE_PNG as png

        TILE_PNG = png
    return TILE_PNG


def page_paths(site: Path) -> dict[str, str]:
    first = sorted(p.parent.name for p in (site / "kampung").glob("*/index.html"))[0]
    return {name: path if path is not None else f"kampung/{first}/" for name, path in PAGES.items()}


def wait_until_settled(page, cdp, has_map: bool) -> bool:
    """Load, the map's pins (or clusters) on it, then a quiet while for its last chunks. False when
    the page has a map that never showed a pin. Looks twice a second through the DevTools protocol:
    Playwright's own waits and evaluations inject its scripts and poll on every animation frame,
    which would load the page they measure."""
    page.wait_for_load_state("load")
    shown = not has_map
    deadline = time.monotonic() + 60
    probe = {"expression": "!!document.querySelector('#map .leaflet-marker-icon, #map .marker-cluster')"}
    while not shown and time.monotonic() < deadline:
        time.sleep(0.5)
        shown = cdp.send("Runtime.evaluate", probe)["result"].get("value") is True
    time.sleep(QUIET_S)
    return shown


def load_once(browser, server: Server, path: str, has_map: bool, slowdown: float, profile: bool = False) -> dict:
    """One load from an empty cache with the CPU `slowdown` times slower, traced; its figures, what
    it downloaded, and when the map had all its pins (ms from navigation start)."""
    context = browser.new_context(**PHONE, service_workers="block")
    context.route("https://tile.openstreetmap.org/**", lambda r: r.fulfill(body=tile_png(), content_type="image/png"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "robots.txt")  # the page's renderer, before throttling it
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    if profile:
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})
        cdp.send("Profiler.start")
    server.sent.clear()
    browser.start_tracing(page=page, categories=trace.CATEGORIES)
    page.goto(server.url + path, timeout=LOAD_TIMEOUT_MS)
    map_shown = wait_until_settled(page, cdp, has_map)
    raw = browser.stop_tracing()
    sent = sum(server.sent.values())
    cpu = cdp.send("Profiler.stop")["profile"] if profile else None
    ready = cdp.send("Runtime.evaluate", {"expression": READY, "returnByValue": True})["result"].get("value")
    figures = trace.parse(raw)
    context.close()
    return {
        "trace": figures,
        "sent": sent,
        "profile": cpu,
        "map_shown": map_shown,
        "map_ready": ready,
        "errors": errors,
    }


READY = "(performance.getEntriesByName('guide-map-pins-ready')[0] || {}).startTime || null"


def self_times(profile: dict) -> tuple[dict[str, float], dict[str, float]]:
    """Self time (ms) by script file and by function (`file:function`) from a V8 CPU profile."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    by_file: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)
    deltas = profile["timeDeltas"]
    for i, node_id in enumerate(profile["samples"]):
        interval = deltas[i + 1] if i + 1 < len(deltas) else 0
        frame = nodes[node_id]["callFrame"]
        name = trace.short_url(frame["url"]) if frame["url"] else frame["functionName"]
        by_file[name] += interval / 1000
        by_function[f"{name}:{frame['functionName'] or '(anonymous)'}:{frame['lineNumber'] + 1}"] += interval / 1000
    return by_file, by_function


def measure_site(browser, site: Path, runs: int, profile: bool, lighthouse: bool) -> dict:
    """The figures of each page of a built site (medians of `runs` loads)."""
    rows = {}
    with Server(site) as server:
        for name, path in page_paths(site).items():
            html = (site / path / "index.html").read_bytes()
            has_map = b'id="map"' in html
            loads, plain = [], []
            for _ in range(runs):  # alternating, so that the machine's moods fall on both
                loads.append(load_once(browser, server, path, has_map, CPU_SLOWDOWN, profile))
                plain.append(load_once(browser, server, path, has_map, 1.0))
            traces = [load["trace"] for load in loads]
            wall = [t.blocking() for t in traces]
            cpu = [load["trace"].blocking(CPU_SLOWDOWN) for load in plain]
            row = {
                "path": path,
                "tbt_ms": statistics.median(tbt for tbt, _ in wall),
                "lcp_ms": statistics.median(t.lcp for t in traces if t.lcp is not None),
                "fcp_ms": statistics.median(t.fcp for t in traces),
                "longest_task_ms": statistics.median(max(long, default=0) for _, long in wall),
                "long_tasks": statistics.median(len(long) for _, long in wall),
                "tbt_cpu_ms": statistics.median(tbt for tbt, _ in cpu),
                "longest_task_cpu_ms": statistics.median(max(long, default=0) for _, long in cpu),
                "main_thread_cpu_ms": statistics.median(sum(c for _, _, c in load["trace"].tasks) for load in plain),
                "map_ready_ms": median_or_none([load["map_ready"] for load in loads]),
                "busy_ms": statistics.median(t.busy for t in traces),
                "html_raw": len(html),
                "html_gzip": len(gzip.compress(html, 6)),
                "sent": statistics.median(load["sent"] for load in loads),
                "map_shown": all(load["map_shown"] for load in loads + plain),
                "errors": sorted({e for load in loads + plain for e in load["errors"]}),
                "work_ms": median_counter([t.work for t in traces]),
                "scripts_ms": median_counter([t.scripts for t in traces]),
            }
            if profile:
                files, functions = zip(*(self_times(load["profile"]) for load in loads), strict=True)
                row["profile_files_ms"] = median_counter(files)
                slowest = sorted(median_counter(functions).items(), key=lambda item: -item[1])[:25]
                row["profile_functions_ms"] = dict(slowest)
            if lighthouse:
                row["lighthouse"] = run_lighthouse(server.url + path, runs)
            rows[name] = row
            print(
                f"  {name}: TBT {row['tbt_ms']:.0f} ms (from CPU time {row['tbt_cpu_ms']:.0f} ms), "
                f"LCP {row['lcp_ms']:.0f} ms",
                file=sys.stderr,
                flush=True,
            )
    return rows


def median_or_none(values: list) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def median_counter(counters) -> dict:
    keys = set().union(*counters)
    return {k: round(statistics.median(c.get(k, 0) for c in counters), 1) for k in sorted(keys)}


def run_lighthouse(url: str, runs: int) -> dict:
    """Lighthouse's mobile preset (simulated slow 4G, 4x CPU), performance only: medians of `runs`."""
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        raise SystemExit("Lighthouse is missing: npm install --no-save lighthouse@12.2.3")
    found = []
    for _ in range(runs):
        result = subprocess.run(
            ["node", str(cli), url, "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
        )  # fmt: skip
        if result.returncode:
            raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        report = json.loads(result.stdout)
        audits = report["audits"]
        found.append(
            {
                "score": round(report["categories"]["performance"]["score"] * 100),
                "tbt_ms": audits["total-blocking-time"]["numericValue"],
                "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
                "cls": audits["cumulative-layout-shift"]["numericValue"],
                "transfer": audits["total-byte-weight"]["numericValue"],
            }
        )
    return {key: statistics.median(f[key] for f in found) for key in found[0]} | {"runs": found}


def build(size: int, work: Path) -> Path:
    content = generate(work / f"content-{size}", size)
    site = work / f"site-{size}"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(site),
         "--base-url", BASE_URL],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode:
        raise SystemExit(f"the build of {size} profiles failed:\n{result.stderr[-2000:]}")
    return site


def table(results: dict) -> str:
    head = (
        "| N | page | TBT ms | TBT ms (CPU time x4) | LCP ms | longest task ms | map ready ms | "
        "HTML KB | HTML KB gz | sent KB | Lighthouse | LH TBT ms |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for label, rows in results.items():
        for name, r in rows.items():
            lh = r.get("lighthouse")
            ready = "–" if r["map_ready_ms"] is None else f"{r['map_ready_ms']:.0f}"
            score, lh_tbt = (lh["score"], f"{lh['tbt_ms']:.0f}") if lh else ("–", "–")
            lines.append(
                f"| {label} | {name} | {r['tbt_ms']:.0f} | {r['tbt_cpu_ms']:.0f} | {r['lcp_ms']:.0f} | "
                f"{r['longest_task_ms']:.0f} | {ready} | {r['html_raw'] / 1024:.0f} | {r['html_gzip'] / 1024:.1f} | "
                f"{r['sent'] / 1024:.0f} | {score} | {lh_tbt} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--site", help="measure this built site (made with --base-url) instead of building")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="add a CPU profile: self time by script and function")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse 12 (mobile) on each page")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "browser.json"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="guide-browser-") as tmp:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
        )
        if args.site:
            sites = {Path(args.site).name: Path(args.site)}
        else:
            sites = {f"{int(n):,}": build(int(n), Path(tmp)) for n in args.sizes.split(",")}
        for label, site in sites.items():
            print(f"measuring {label}", file=sys.stderr, flush=True)
            results[label] = measure_site(browser, site, args.runs, args.profile, args.lighthouse)
        browser.close()
    print(table(results))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"cpu_slowdown": CPU_SLOWDOWN, "network": SLOW_4G, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()

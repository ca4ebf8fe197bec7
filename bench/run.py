"""The guide's benchmark: build times against Pelican, rebuilds, check, memory and page weight.

    python bench/run.py [--sizes 100,1000,10000] [--runs 3] [--no-pelican]

Prints a table and writes bench/results/bench.json. Generated content is deterministic (seeded);
builds run as separate processes, ours and Pelican's alternating (A B A B) so machine noise
cancels, each a clean build into a new output folder (the last one set aside, not deleted); ours
with a base URL, so it writes everything (sitemap and QR codes too). Every command is timed from
outside, as its user waits for it: the interpreter's start and exit count, for both tools. Peak
memory is that of the largest process (the main one or a worker). Medians are reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402 - run as a script: the repository root goes on sys.path first
from bench.pelican_site import convert  # noqa: E402 - run as a script: the repository root goes on sys.path first

# Both tools run as Python runs by default, keeping compiled modules (*.pyc) between runs, even where
# the shell says PYTHONDONTWRITEBYTECODE (which makes every run compile the guide's code anew).
PYTHON_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
BASE_URL = "https://example.org/guide/"  # a public address: the build then also writes the sitemap and QR codes


def run_timed(command: list[str], cwd: Path | None = None) -> dict:
    """Run a command as a user would; its wall time (interpreter start and exit included), CPU time
    (with the processes it waited for) and the peak memory of its largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=PYTHON_ENV)
    assert process.stderr is not None
    errors = process.stderr.read()  # read while it runs: a large build's warnings outgrow a pipe
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def run_ours(args: list[str]) -> dict:
    return run_timed([sys.executable, str(ROOT / "build.py"), *args])


def set_aside(folder: Path, trash: Path) -> None:
    """Move a previous output out of the way instead of deleting it while measuring.

    On ext4 without a journal (this bench's VM), creating a file skips every inode freed in the
    last one to six minutes, one lookup each: right after deleting 4,000 files, creating 4,000
    new ones cost 2.5 s of kernel time instead of 0.2 s. Deleting between runs would measure
    that, for both tools; the set-aside folders are deleted when the bench ends.
    """
    if folder.exists():
        trash.mkdir(exist_ok=True)
        folder.rename(trash / f"{len(list(trash.iterdir()))}")


def run_pelican(project: Path, trash: Path) -> dict:
    out = project / "output"
    set_aside(out, trash)
    return run_timed(
        [sys.executable, "-m", "pelican", "content", "-o", str(out), "-s", "pelicanconf.py", "-q"], cwd=project
    )


def preview_rebuilds(content: Path) -> dict:
    """What `serve` does after a save: a no-change rebuild and a one-profile rebuild, in seconds."""
    from kampung_guide.serve.preview import State, rebuild

    state = State()
    rebuild(content, str(content), state, "en")
    no_change = statistics.median(rebuild(content, str(content), state, "en", full=False) for _ in range(3))
    profile = sorted((content / "kampung").glob("*.yaml"))[len(list((content / "kampung").glob("*.yaml"))) // 2]
    original = profile.read_text(encoding="utf-8")
    times = []
    for i in range(3):
        profile.write_text(original.replace("summary:\n  id: ", f"summary:\n  id: Edit {i}. "), encoding="utf-8")
        times.append(rebuild(content, str(content), state, "en", full=False))
    profile.write_text(original, encoding="utf-8")
    assert not state.problems, state.problems
    return {"no_change_s": no_change, "one_profile_s": statistics.median(times)}


def page_weight(site: Path) -> dict:
    """Bytes per page type (HTML and the CSS/JS it loads), raw and gzip."""

    def sizes(paths):
        data = [p.read_bytes() for p in paths]
        return {"raw": sum(map(len, data)), "gzip": sum(len(gzip.compress(d, 9)) for d in data)}

    assets = site / "assets"
    css = [assets / "style.css", assets / "categories.css"]
    leaflet = [assets / "vendor/leaflet/leaflet.css", assets / "vendor/leaflet/leaflet.js", assets / "map.js"]
    cluster = [
        assets / "vendor/leaflet.markercluster" / n
        for n in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")
    ]
    kampung = sorted((site / "kampung").glob("*/index.html"))[0]
    home = site / "index.html"
    result = {}
    for name, page, extra in (
        ("home", home, leaflet + (cluster if b"MarkerCluster" in home.read_bytes() else [])),
        ("list", site / "kampung/index.html", []),
        ("kampung", kampung, leaflet),
    ):
        html, other = sizes([page]), sizes(css + [assets / "site.js"] + extra)
        result[name] = {"html": html, "css_js": other, "total_gzip": html["gzip"] + other["gzip"]}
    return result


def measure(size: int, runs: int, pelican: bool, work: Path) -> dict:
    content = generate(work / f"content-{size}", size)
    project = convert(content, work / f"pelican-{size}") if pelican else None
    ours, theirs = [], []
    site = work / f"site-{size}"
    trash = work / "set-aside"
    for _ in range(runs):  # clean builds: like Pelican's, each starts without an output folder
        set_aside(site, trash)
        ours.append(run_ours(["build", "--content", str(content), "--out", str(site), "--base-url", BASE_URL]))
        if project:
            theirs.append(run_pelican(project, trash))
    check = [run_ours(["check", "--content", str(content)])["wall"] for _ in range(runs)]
    row = {
        "n": size,
        "build_s": statistics.median(r["wall"] for r in ours),
        "build_cpu_s": statistics.median(r["cpu"] for r in ours),
        "peak_mb": max(r["rss_mb"] for r in ours),
        "check_s": statistics.median(check),
        "pelican_s": statistics.median(r["wall"] for r in theirs) if theirs else None,
        "pelican_cpu_s": statistics.median(r["cpu"] for r in theirs) if theirs else None,
        "pages": sum(1 for _ in (work / f"site-{size}").rglob("*.html")),
    }
    row["ratio_to_pelican"] = row["build_s"] / row["pelican_s"] if row["pelican_s"] else None
    if size <= 1000:
        row.update(preview_rebuilds(content))
    row["weight"] = page_weight(work / f"site-{size}")
    return row


def table(rows: list[dict]) -> str:
    head = (
        "| N | build s | CPU s | peak MB | check s | Pelican s | Pelican CPU s | ours/Pelican | "
        "no-change s | 1-profile s | kampung KB gz | home KB gz |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        fmt = lambda v, f="{:.2f}": "–" if v is None else f.format(v)  # noqa: E731
        lines.append(
            f"| {r['n']:,} | {fmt(r['build_s'])} | {fmt(r['build_cpu_s'])} | "
            f"{r['peak_mb']:.0f} | {fmt(r['check_s'])} | {fmt(r['pelican_s'])} | {fmt(r.get('pelican_cpu_s'))} | "
            f"{fmt(r['ratio_to_pelican'])} | {fmt(r.get('no_change_s'), '{:.3f}')} | "
            f"{fmt(r.get('one_profile_s'), '{:.3f}')} | {r['weight']['kampung']['total_gzip'] / 1024:.1f} | "
            f"{r['weight']['home']['total_gzip'] / 1024:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "bench.json"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, args.runs, not args.no_pelican, Path(tmp)))
            print(f"measured N={size}", file=sys.stderr, flush=True)
    print(table(rows))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"rows": rows, "python": sys.version.split()[0]}, indent=2) + "\n")


if __name__ == "__main__":
    main()

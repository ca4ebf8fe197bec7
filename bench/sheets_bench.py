"""How long the office waits for a spreadsheet of 1,000 kampung: export, and import back.

    python bench/sheets_bench.py [COUNT] [--runs N]

Generates COUNT profiles (bench/generate.py, five products and two workshops each), then times whole
`build.py` processes, as the office runs them:

- export .xlsx and export .csv;
- import of the unchanged workbook (every profile read, merged and compared; nothing written);
- import of a workbook with one latitude changed in every row (every profile checked and written);
- the same with a product name changed in every profile (a change inside a flow mapping: ruamel's round trip).

Prints a table (median and fastest of N runs, wall-clock and CPU seconds) and writes
bench/results/sheets.json. The target is under 5 s for export and for import.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402

TARGET_S = 5.0


def run(*args: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `build.py` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edited(book: Path, target: Path, sheet: str, column: int, change) -> Path:
    """A copy of the workbook with `change` applied to one column of every data row."""
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb[sheet]
    for row in range(3, ws.max_row + 1):
        ws.cell(row, column).value = change(ws.cell(row, column).value)
    wb.save(target)
    return target


def measure(count: int, runs: int, tmp: Path) -> dict[str, list[tuple[float, float]]]:
    content = generate(tmp / "content", count)
    pristine = tmp / "pristine"
    shutil.copytree(content, pristine)
    book = tmp / "kampung.xlsx"
    results: dict[str, list[tuple[float, float]]] = {}

    def timed(name: str, *args: str, reset: bool = False) -> None:
        for _ in range(runs):
            if reset:
                shutil.rmtree(content)
                shutil.copytree(pristine, content)
            results.setdefault(name, []).append(run(*args))

    timed("export .xlsx", "export", str(book), "--content", str(content))
    timed("export .csv", "export", str(tmp / "kampung.csv"), "--content", str(content))
    timed("import, unchanged", "import", str(book), "--content", str(content))
    moved = edited(book, tmp / "moved.xlsx", "Kampung", 9, lambda lat: round(lat + 0.0001, 5))
    timed("import, 1,000 latitudes changed", "import", str(moved), "--content", str(content), reset=True)
    renamed = edited(book, tmp / "renamed.xlsx", "Products", 2, lambda name: name + " baru")
    timed("import, 5,000 product names changed", "import", str(renamed), "--content", str(content), reset=True)
    return results


def print_table(results: dict, count: int) -> None:
    print(f"\n{count:,} profiles, whole build.py processes (s)")
    print(f"{'':40} {'median':>8} {'fastest':>8} {'CPU':>8}  target {TARGET_S:g} s")
    for name, times in results.items():
        walls, cpus = [w for w, _ in times], [c for _, c in times]
        median = statistics.median(walls)
        verdict = "ok" if median < TARGET_S else "over"
        print(f"{name:40} {median:8.2f} {min(walls):8.2f} {statistics.median(cpus):8.2f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = measure(args.count, args.runs, Path(folder))
    print_table(results, args.count)
    out = ROOT / "bench" / "results" / "sheets.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    summary = {
        name: {
            "median_s": round(statistics.median(w for w, _ in times), 3),
            "fastest_s": round(min(w for w, _ in times), 3),
            "cpu_s": round(statistics.median(c for _, c in times), 3),
        }
        for name, times in results.items()
    }
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    record = {"profiles": args.count, "runs": args.runs, "target_s": TARGET_S, "machine": machine, "results": summary}
    out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

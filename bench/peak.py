"""Run `build.py ARGS` in this process and print its CPU time and peak memory as JSON on stderr.

Workers forked for rendering are children: their peak is reported separately (ru_maxrss of
RUSAGE_CHILDREN is the largest child's, not a sum).
"""
import json
import resource
import runpy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
start = time.perf_counter()
sys.argv = [str(ROOT / "build.py"), *sys.argv[1:]]
status = 0
try:
    runpy.run_path(str(ROOT / "build.py"), run_name="__main__")
except SystemExit as exc:
    status = exc.code or 0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print("PEAK " + json.dumps({"wall": time.perf_counter() - start, "cpu": me.ru_utime + me.ru_stime + kids.ru_utime
                            + kids.ru_stime, "rss_mb": me.ru_maxrss / 1024, "child_rss_mb": kids.ru_maxrss / 1024,
                            "status": status}), file=sys.stderr)

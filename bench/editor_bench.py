"""The browser editor at N profiles: what an office worker waits for.

    python bench/editor_bench.py [--sizes 100,1000] [--runs 5]

For each size, with the preview's watcher running as in `serve`: the editor's check while typing
(one request of the page's script); a press of Save until the answer (read the form, apply it to
the file, check it with the build's checks, write it, wait for the preview's rebuild); that rebuild
alone (the target: within the one-profile rebuild of bench/run.py, 0.3 s at 1,000 profiles); a photo
upload (the request; the preview's rebuild after it runs in the background); and the save that adds
the photo to the profile. Prints
a table and writes bench/results/editor.json. Medians of --runs.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from watchfiles import watch  # noqa: E402

from bench.generate import generate  # noqa: E402
from bench.run import preview_rebuilds  # noqa: E402
from kampung_guide.edit.editing import Editing  # noqa: E402
from kampung_guide.edit.forms import build_form, fields_of  # noqa: E402
from kampung_guide.edit.guard import Guard  # noqa: E402
from kampung_guide.edit.photos import store_upload  # noqa: E402
from kampung_guide.edit.readform import Form  # noqa: E402
from kampung_guide.edit.server import Editor  # noqa: E402
from kampung_guide.serve.preview import State, only_profiles, rebuild  # noqa: E402

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def form_of(editor: Editor, slug: str) -> dict[str, list[str]]:
    """The fields the browser sends for a profile's form, as opened."""
    editing = Editing(editor, "kampung", slug, False, "id")
    source = editing.source(Form({}))
    assert source is not None, slug  # a generated profile
    fields = fields_of(build_form(editing.spec, editing.original(source), editing.ctx))
    fields.update({"_version": [source.version], "_kind": ["kampung"], "_key": [slug], "_new": ["0"]})
    return fields


def jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), (140, 90, 50)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class Watcher:
    """What `serve` runs beside the server: rebuild on every change of the content folder."""

    def __init__(self, content: Path, state: State):
        self.content, self.state = content, state
        self.seconds: list[float] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        time.sleep(0.5)  # the watch is set up

    def run(self) -> None:
        for changes in watch(self.content, stop_event=self.stop, debounce=50, step=20):
            full = not only_profiles(changes, self.content, self.state.site())  # as serve decides
            self.seconds.append(rebuild(self.content, str(self.content), self.state, "id", full))

    def result(self, index: int) -> float:
        """The seconds of the `index`-th rebuild, once it is done."""
        while len(self.seconds) <= index:
            time.sleep(0.005)
        return self.seconds[index]

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)


def save(editor: Editor, slug: str, fields: dict[str, list[str]]) -> float:
    """One press of Save, as the server answers it: checked, written, and the preview rebuilt."""
    seconds, response = timed(lambda: Editing(editor, "kampung", slug, False, "id").save(Form(fields)))
    assert response.status == 303, response.body[:2000]
    return seconds


def measure(size: int, runs: int, work: Path) -> dict:
    content = generate(work / f"content-{size}", size)
    (content / "images").mkdir(exist_ok=True)  # as in every real content folder
    baseline = preview_rebuilds(content)["one_profile_s"]  # bench/run.py's figure, here and now
    state = State()
    rebuild(content, str(content), state, "id")  # the preview's first, full build
    editor = Editor(content, str(content), state, Guard(8000), "id", keep=work / f"keep-{size}")
    slugs = sorted(p.stem for p in (content / "kampung").glob("*.yaml"))
    watcher = Watcher(content, state)
    checks, saves, rebuilds, uploads, upload_rebuilds, photo_saves, photo_rebuilds = [], [], [], [], [], [], []
    try:
        for run in range(runs):
            slug = slugs[(run * 7919) % len(slugs)]
            fields = form_of(editor, slug)
            fields["summary.id"] = [fields["summary.id"][0] + f" Diubah {run}."]
            checks.append(timed(partial(Editing(editor, "kampung", slug, False, "id").check, fields))[0])
            done = len(watcher.seconds)
            saves.append(save(editor, slug, fields))
            rebuilds.append(watcher.result(done))
            assert not state.problems, state.problems
            # A new photo: stored at upload (the preview rebuilds), then saved with the profile.
            done = len(watcher.seconds)
            seconds, name = timed(partial(store_upload, jpeg(), content / "images", slug))
            uploads.append(seconds)
            upload_rebuilds.append(watcher.result(done))
            fields = form_of(editor, slug)
            n = int(fields.get("photos#n", ["0"])[0])
            fields.update({"photos#n": [str(n + 1)], f"photos[{n}].file": [name], f"photos[{n}].alt.id": ["Foto uji"]})
            done = len(watcher.seconds)
            photo_saves.append(save(editor, slug, fields))
            photo_rebuilds.append(watcher.result(done))
    finally:
        watcher.close()
    return {
        "n": size,
        "check_s": statistics.median(checks),
        "save_s": statistics.median(saves),
        "rebuild_after_save_s": statistics.median(rebuilds),
        "bench_run_one_profile_s": baseline,
        "upload_s": statistics.median(uploads),
        "rebuild_after_upload_s": statistics.median(upload_rebuilds),
        "photo_save_s": statistics.median(photo_saves),
        "rebuild_after_photo_save_s": statistics.median(photo_rebuilds),
    }


def table(rows: list[dict]) -> str:
    head = (
        "| N | check while typing s | Save pressed to page shown s | preview rebuild after a save s | "
        "bench/run.py 1-profile s | "
        "photo upload s | its rebuild (background) s | save with the new photo s | rebuild after it s |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['check_s']:.3f} | {r['save_s']:.3f} | {r['rebuild_after_save_s']:.3f} | "
            f"{r['bench_run_one_profile_s']:.3f} | "
            f"{r['upload_s']:.3f} | {r['rebuild_after_upload_s']:.3f} | {r['photo_save_s']:.3f} | "
            f"{r['rebuild_after_photo_save_s']:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "editor.json"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="guide-editor-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, args.runs, Path(tmp)))
            print(f"measured N={size}", file=sys.stderr, flush=True)
    print(table(rows))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"rows": rows, "python": sys.version.split()[0]}, indent=2) + "\n")


if __name__ == "__main__":
    main()

"""Shared fixtures: tiny content folders written inline, and the build command run for real."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import textwrap
import threading
from collections.abc import Mapping
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]

SITE = """\
title: {id: Kampung Uji, en: Test Villages}
tagline: {id: Panduan uji, en: A test guide}
city: Kota Uji
languages: [id, en]
map:
  center: [-7.47, 112.43]
  zoom: 14
"""

CATEGORIES = """\
batik:
  name: {id: Batik, en: Batik}
  color: "#8b4513"
kuliner:
  name: {id: Kuliner, en: Food}
  color: "#b03a2e"
"""

KAMPUNG = """\
name: Kampung Batik
category: batik
summary:
  id: Kampung pembuat batik.
  en: A batik-making village.
description:
  id: |
    Batik tulis dibuat di sini.
  en: |
    Hand-drawn batik is made here.
location:
  lat: -7.47
  lon: 112.43
"""


def jpeg(width: int = 1000, height: int = 750) -> bytes:
    """A real JPEG photo of the given size (a flat colour), for profiles that need a photo file."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (150, 90, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = jpeg()


def write_content(root: Path, files: Mapping[str, str | bytes | None] | None = None) -> Path:
    """A valid minimal content folder under `root`, with `files` added, replaced or (None) removed."""
    content = root / "content"
    defaults = {"site.yaml": SITE, "categories.yaml": CATEGORIES, "kampung/batik.yaml": KAMPUNG}
    for name, text in {**defaults, **(files or {})}.items():
        path = content / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return content


def run_build(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python build.py ARGS` as a user would; output captured as text."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args], cwd=cwd or ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path)


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server for browser tests that keeps the test output clean."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def must_find(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """The first match of `pattern` in `text`; the test fails when there is none."""
    found = re.search(pattern, text, flags)
    assert found, f"{pattern!r} not found"
    return found


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, for byte-for-byte comparisons."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, one for the whole run (a second sync Playwright
    in the same thread is refused); tests open their own contexts and pages."""
    from playwright.sync_api import sync_playwright

    from browser.harness import launch_chromium

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


class Chromium:
    """Debian's Chromium driven from one thread; `run(fn)` calls fn(browser) there and returns its result.

    Playwright runs in a thread of its own here: its sync API allows one session per thread, and the
    suite under tests/browser keeps one open on the main thread for the whole run."""

    def __init__(self):
        self.jobs: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self.serve, name="search-browser", daemon=True)
        self.thread.start()

    def serve(self):
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            while (job := self.jobs.get()) is not None:
                fn, done = job
                try:
                    done.put((True, fn(browser)))
                except BaseException as error:  # handed back to the test's thread, raised there
                    done.put((False, error))
            browser.close()

    def run(self, fn):
        done: queue.Queue = queue.Queue()
        self.jobs.put((fn, done))
        ok, value = done.get(timeout=180)
        if not ok:
            raise value
        return value

    def close(self):
        self.jobs.put(None)
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def chromium():
    """A Chromium thread per test module (test_search_browser, test_routes_browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium (see the README)")
    browser = Chromium()
    yield browser
    browser.close()


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/sites/*/expected from a fresh build instead of comparing with it",
    )

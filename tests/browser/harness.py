"""What the browser tests and scripts/screenshots.py share: build the site, serve it, drive Chromium offline.

Everything here writes only into folders the caller passes in (a temp folder); nothing into the repository.
"""

from __future__ import annotations

import functools
import os
import re
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
BASE_URL = "https://example.org/guide/"  # the public address the test builds are made for
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


# -- building ---------------------------------------------------------------------------------


def start_build(out: Path, content: Path = CONTENT, base_url: str = BASE_URL) -> subprocess.Popen:
    """Start a real `python build.py build` into `out`; the caller waits with `finish_build`."""
    return subprocess.Popen(
        [sys.executable, "build.py", "build", "--content", str(content), "--out", str(out), "--base-url", base_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish_build(process: subprocess.Popen, out: Path) -> Path:
    """Wait for a build; raise with its output when it failed or wrote no home page."""
    output, _ = process.communicate(timeout=300)
    if process.returncode != 0 or not (out / "index.html").is_file():
        raise RuntimeError(f"build into {out} failed (exit {process.returncode}):\n{output}")
    return out


# -- content facts (read from content/, never hard-coded) -------------------------------------


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Kampung:
    slug: str
    category: str
    names: dict  # lang -> name shown on that language's pages

    def name(self, lang: str) -> str:
        return self.names.get(lang) or next(iter(self.names.values()))


@dataclass(frozen=True)
class Facts:
    """The parts of content/ the tests need to know what the built site must contain."""

    languages: tuple[str, ...]
    kampung: tuple[Kampung, ...]
    categories: tuple[str, ...]
    pages: tuple[str, ...]  # free pages' slugs
    office_website: str
    sources: frozenset[str] = frozenset()  # the reports profiles, pages and routes cite (linked from "Sources")

    def prefix(self, lang: str) -> str:
        """Folder of a language's pages: "" for the first language, "en/" for the others."""
        return "" if lang == self.languages[0] else f"{lang}/"

    def in_category(self, category: str) -> list[Kampung]:
        return [k for k in self.kampung if k.category == category]


def read_facts(content: Path = CONTENT) -> Facts:
    site = load_yaml(content / "site.yaml")
    languages = tuple(site.get("languages") or ("id", "en"))
    kampung = []
    for path in sorted((content / "kampung").glob("*.yaml")):
        data = load_yaml(path)
        name = data["name"]
        names = dict(name) if isinstance(name, dict) else {lang: name for lang in languages}
        kampung.append(Kampung(path.stem, data["category"], names))
    categories = tuple(load_yaml(content / "categories.yaml"))
    pages = tuple(sorted(p.name[: -len(".md")] for p in (content / "pages").glob("*.md") if p.name.count(".") == 1))
    website = (site.get("contact") or {}).get("website") or ""
    return Facts(languages, tuple(kampung), categories, pages, website, cited_sources(content))


def cited_sources(content: Path) -> frozenset[str]:
    """The addresses of every source that content/ cites: profiles, routes, and pages' front matter."""
    documents = [load_yaml(p) for folder in ("kampung", "routes") for p in sorted((content / folder).glob("*.yaml"))]
    for page in sorted((content / "pages").glob("*.md")):
        documents.append(yaml.safe_load(page.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---")))
    return frozenset(s["url"] for doc in documents for s in (doc or {}).get("sources") or ())


# -- a stub for map tiles ---------------------------------------------------------------------


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG, made here so that no tile is ever fetched from the internet."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


TILE_PNG = png(256, 256, (226, 226, 226))


def tile_hosts(site: Path) -> set[str]:
    """Hosts of the tile URL templates in the built map scripts (the only outside host a page may ask)."""
    hosts = set()
    for script in site.rglob("map.js"):
        for template in re.findall(r'L\.tileLayer\(\s*"([^"]+)"', script.read_text(encoding="utf-8")):
            hosts.add(urlsplit(template).hostname)
    return hosts


# -- serving ----------------------------------------------------------------------------------


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a folder quietly; a missing file gets `not_found` (if set) with status 404, as static hosts do."""

    not_found: Path | None = None

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    """A real HTTP server on 127.0.0.1 (any free port) in a thread; use as a context manager."""

    def __init__(self, folder: Path, not_found: Path | None = None):
        handler = type("Handler", (SiteHandler,), {"not_found": not_found})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name=f"serve {folder}", daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


# -- the browser ------------------------------------------------------------------------------


def launch_chromium(playwright):
    """Debian's Chromium; Playwright never downloads a browser here."""
    args = (["--no-sandbox"] if os.geteuid() == 0 else []) + CHROMIUM_ARGS
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args)


@dataclass
class Problems:
    """What went wrong while a page ran; each entry is one readable line."""

    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def lines(self) -> Iterator[str]:
        for name in ("console", "page_errors", "failed_requests", "outside_requests"):
            for entry in getattr(self, name):
                yield f"{name}: {entry}"


def watch(
    page,
    local_origins: set[str],
    tiles: set[str],
    tile_png: bytes = TILE_PNG,
    files: Path | None = None,
    expected_status: dict[str, int] | None = None,
) -> Problems:
    """Route and record everything `page` does.

    Requests to `local_origins` (and file:// under `files`) go through; tile requests get `tile_png`;
    anything else is aborted and recorded. Console errors, page errors, failed requests and
    responses >= 400 are recorded too, except a status listed for that URL in `expected_status`.
    """
    problems = Problems()
    expected_status = {} if expected_status is None else expected_status
    files_prefix = files.resolve().as_uri() + "/" if files else None

    def route(r):
        url = r.request.url
        parts = urlsplit(url)
        local = (parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" in local_origins) or (
            parts.scheme == "file" and files_prefix is not None and url.startswith(files_prefix)
        )
        if local or parts.scheme in ("data", "blob"):
            r.continue_()
        elif parts.scheme == "https" and parts.hostname in tiles:
            r.fulfill(status=200, content_type="image/png", body=tile_png)
        else:
            problems.outside_requests.append(url)
            r.abort("blockedbyclient")

    def on_response(response):
        if response.status >= 400 and expected_status.get(response.url) != response.status:
            problems.failed_requests.append(f"{response.status} {response.url}")

    def on_failed(request):
        # Leaflet cancels the tiles it no longer needs when the view moves (ERR_ABORTED): not a failure.
        if not (request.failure == "net::ERR_ABORTED" and urlsplit(request.url).hostname in tiles):
            problems.failed_requests.append(f"{request.failure} {request.url}")

    def on_console(message):
        url = message.location.get("url")
        if message.type == "error" and not (
            message.text.startswith("Failed to load resource") and url in expected_status
        ):
            problems.console.append(f"{message.text} ({url})")

    page.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    return problems


def settle(page) -> None:
    """Wait until the page and, if it has a map, all its pins (the map and Leaflet's scripts load as it
    nears the screen, so it is scrolled to, then back; its pins come in slices: #map then says
    data-pins="ready") and visible tiles have loaded."""
    page.wait_for_load_state("load")
    if page.locator("#map").count():
        page.locator("#map").scroll_into_view_if_needed()
        page.wait_for_function(
            "() => window.L && document.querySelector('#map.leaflet-container[data-pins=ready]')"
            " && [...document.querySelectorAll('#map img.leaflet-tile')].every(i => i.complete)"
        )
        page.evaluate("window.scrollTo(0, 0)")

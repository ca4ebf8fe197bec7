"""`build.py serve`: build in memory, serve on 127.0.0.1, rebuild on change, reload the browser.

Nothing is written to disk: the preview's pages live in memory, and only they carry the small
reload script (injected when a page is served), so a published `_site/` never contains it.
A content error does not stop the server: every page then shows the list of problems, and the
next good save brings the site back.
"""

from __future__ import annotations

import html
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..plan.site import load_site
from ..validate.content import configured_language

RELOAD_PATH = "/__preview/reload.js"
EVENTS_PATH = "/__preview/events"
RELOAD_JS = b"""// Preview only: reload when the site is rebuilt.
(function () {
  var source = new EventSource("/__preview/events");
  var first = null;
  source.onmessage = function (event) {
    if (first === null) { first = event.data; return; }
    if (event.data !== first) { window.location.reload(); }
  };
})();
"""


@dataclass
class State:
    """The current preview: the built files or the problems that stopped the build."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lang: str = "en"  # of the problem messages
    build: object = None  # the last good SiteBuild, for incremental rebuilds
    profiles: dict = field(default_factory=dict)  # checked profiles kept between loads
    generation: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, files: dict[str, bytes] | None, problems: list[str], lang: str = "en") -> None:
        with self.changed:
            if files is not None:
                self.files = files
            self.problems, self.lang = problems, lang
            self.generation += 1
            self.changed.notify_all()


def rebuild(content: Path, shown: str, state: State, lang: str | None, full: bool = True) -> float:
    """Load and build the site into `state`; return the seconds it took.

    Unless `full`, only the pages that changed profiles can touch are rendered again.
    """
    from ..pipeline import SiteBuild, rebuild_files
    from ..render.renderer import TemplateError

    start = time.perf_counter()
    site, report = load_site(content, shown, state.profiles)
    messages_lang = lang or (site.config.messages_language if site else configured_language(content))
    if site is None:
        errors = [p.render(messages_lang, excerpt=True) for p in report.sorted() if not p.warning]
        state.publish(None, errors, messages_lang)
        return time.perf_counter() - start
    try:
        if full or state.build is None:
            state.build = SiteBuild(site, content, None)
            files = dict(state.build.files())
        else:
            state.build, files = rebuild_files(state.build, state.files, site)
        state.publish(files, [])
    except TemplateError as exc:
        state.publish(None, [str(exc)])
    return time.perf_counter() - start


ERROR_TEXT = {
    "en": ("The site cannot be built", "{n} problem(s). Fix them and save: this page reloads by itself."),
    "id": ("Situs tidak dapat dibuat", "{n} masalah. Perbaiki lalu simpan: halaman ini dimuat ulang sendiri."),
}


def error_page(problems: list[str], lang: str = "en") -> bytes:
    """The page every address shows while the content has errors: each problem with file and line,
    and the text of that line under it."""
    items = "\n".join(problem_item(p) for p in problems)
    title, advice = ERROR_TEXT.get(lang, ERROR_TEXT["en"])
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content problems · preview</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f1a17}}
h1{{color:#a11}}li{{margin:.5rem 0}}code{{white-space:pre-wrap;word-break:break-word}}
pre{{margin:.25rem 0 0;padding:.25rem .5rem;background:#f4efe9;border-left:3px solid #a11;overflow-x:auto}}
</style></head>
<body><h1>{title}</h1>
<p>{advice.format(n=len(problems))}</p>
<ol>{items}</ol><script src="{RELOAD_PATH}"></script></body></html>""".encode()


def problem_item(problem: str) -> str:
    """One problem of the error page: its message, then the line it names as written (`  12 | lat: x`)."""
    message, _, quoted = problem.partition("\n")
    shown = f"<pre>{html.escape(quoted)}</pre>" if quoted else ""
    return f"<li><code>{html.escape(message)}</code>{shown}</li>"


def make_handler(state: State):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # quiet: the console is for build messages
            pass

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            if path == RELOAD_PATH:
                return self.send(200, RELOAD_JS, "text/javascript")
            if path == EVENTS_PATH:
                return self.events()
            name = path.lstrip("/")
            if name == "" or name.endswith("/"):
                name += "index.html"
            if state.problems and name.endswith(".html"):
                return self.send(500, error_page(state.problems, state.lang), "text/html; charset=utf-8")
            data = state.files.get(name)
            if data is None and f"{name}/index.html" in state.files:
                return self.redirect(path + "/")
            if data is None:
                return self.send(404, inject(state.files.get("404.html", b"Not found")), "text/html; charset=utf-8")
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            if kind == "text/html":
                data, kind = inject(data), "text/html; charset=utf-8"
            self.send(200, data, kind)

        def send(self, status: int, data: bytes, kind: str):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def redirect(self, location: str):
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def events(self):
            """Server-sent events: the build generation now, then again after every rebuild."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = None
            try:
                while not getattr(self.server, "stopping", False):
                    with state.changed:
                        if seen == state.generation:
                            state.changed.wait(timeout=15)
                        current = state.generation
                    if current != seen:
                        self.wfile.write(f"data: {current}\n\n".encode())
                        seen = current
                    else:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def inject(page: bytes) -> bytes:
    """Add the reload script before </body>."""
    tag = f'<script src="{RELOAD_PATH}"></script>\n</body>'.encode()
    return page.replace(b"</body>", tag, 1) if b"</body>" in page else page + tag


def watched_folders(content: Path) -> list[Path]:
    from ..pipeline import PROJECT_ASSETS
    from ..render.renderer import PROJECT_TEMPLATES

    return [p for p in (content, PROJECT_TEMPLATES, PROJECT_ASSETS) if p.is_dir()]


def serve(content: Path, shown: str, port: int, lang: str | None, out=print) -> None:
    """Build, serve and watch until interrupted."""
    from watchfiles import watch

    state = State()
    seconds = rebuild(content, shown, state, lang)
    report_build(state, seconds, out)
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out(f"Serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)", flush=True)
    stop = threading.Event()
    try:
        for changes in watch(*watched_folders(content), stop_event=stop, debounce=50, step=20):
            seconds = rebuild(content, shown, state, lang, full=not only_profiles(changes, content))
            names = sorted({Path(p).name for _, p in changes})
            out(f"changed: {', '.join(names[:5])}", flush=True)
            report_build(state, seconds, out)
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping = True
        with state.changed:
            state.changed.notify_all()
        server.shutdown()
        server.server_close()
        out("Stopped.", flush=True)


def only_profiles(changes, content: Path) -> bool:
    """Whether every changed file is a kampung profile (then an incremental rebuild is enough)."""
    folder = (content / "kampung").resolve()
    return all(Path(path).resolve().parent == folder for _, path in changes)


def report_build(state: State, seconds: float, out) -> None:
    if state.problems:
        out(f"build failed in {seconds:.2f} s:", flush=True)
        for problem in state.problems:
            out("  " + problem, flush=True)
    else:
        out(f"built {len(state.files)} files in {seconds:.2f} s", flush=True)

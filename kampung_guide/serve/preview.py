"""`build.py serve`: build in memory, serve on 127.0.0.1, rebuild on change, reload the browser,
and the browser editor at /_editor/ (kampung_guide/edit/).

Nothing is written to disk by the preview itself: its pages live in memory, and only they carry
the small reload script and the editor's link (injected when a page is served), so a published
`_site/` never contains either. A content error does not stop the server: every page then shows
the list of problems, and the next good save brings the site back. Every request passes the
editor's guard first (Host, and with `--host 0.0.0.0` the secret key).
"""

from __future__ import annotations

import html
import mimetypes
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import parse_qs, unquote, urlsplit

from ..edit.guard import MAX_BODY, Guard, Request, Response, refusal, stored_token
from ..edit.server import Editor, editor_link, keep_folder
from ..plan.site import load_site
from ..util.problems import Report
from ..validate.content import ProfileCache, configured_language

if TYPE_CHECKING:
    from ..pipeline import SiteBuild
    from ..plan.pages import AnyPage
    from ..validate.model import Site

Out = Callable[..., object]  # print, or a test's collector: called with a line and print's keywords

RELOAD_PATH = "/__preview/reload.js"
EVENTS_PATH = "/__preview/events"
HERE = Path(__file__).resolve().parent
RELOAD_JS = (HERE / "reload.js").read_bytes()
PREVIEW_SW = (HERE / "preview-sw.js").read_bytes()  # served as sw.js: the site's worker must not run here


@dataclass
class State:
    """The current preview: the built files or the problems that stopped the build."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lang: str = "en"  # of the problem messages
    build: SiteBuild | None = None  # the last good SiteBuild, for incremental rebuilds
    profiles: ProfileCache = field(default_factory=dict)  # checked profiles kept between loads
    generation: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)
    last_report: Report | None = None  # of the last load, good or not (the editor counts problems with it)
    started: float = -1.0  # monotonic time the last published build began loading
    by_path: dict[str, AnyPage] = field(default_factory=dict)  # output path -> Page of the last good build

    def publish(
        self, files: dict[str, bytes] | None, problems: list[str], lang: str = "en", started: float = -1.0
    ) -> None:
        with self.changed:
            if files is not None:
                self.files = files
                self.by_path = {page.path: page for page in self.build.pages} if self.build else {}
            self.problems, self.lang = problems, lang
            self.started = max(self.started, started)
            self.generation += 1
            self.changed.notify_all()

    # What the editor asks of the preview (edit/server.py's Preview).
    def site(self) -> Site | None:
        return self.build.site if self.build is not None else None

    def report(self) -> Report | None:
        return self.last_report

    def wait(self, since: float, timeout: float) -> bool:
        """Wait until a build that began after `since` is published (a save's change is then shown)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while self.started <= since:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.changed.wait(left)
        return True


def rebuild(content: Path, shown: str, state: State, lang: str | None, full: bool = True) -> float:
    """Load and build the site into `state`; return the seconds it took.

    Unless `full`, only the pages that changed profiles can touch are rendered again.
    """
    from ..pipeline import SiteBuild, rebuild_files
    from ..render.renderer import TemplateError

    start, began = time.perf_counter(), time.monotonic()
    site, report = load_site(content, shown, state.profiles)
    state.last_report = report
    messages_lang = lang or (site.config.messages_language if site else configured_language(content))
    if site is None:
        errors = [p.render(messages_lang, excerpt=True) for p in report.sorted() if not p.warning]
        state.publish(None, errors, messages_lang, began)
        return time.perf_counter() - start
    try:
        if full or state.build is None:
            state.build = SiteBuild(site, content, None)
            files = dict(state.build.files())
        else:
            state.build, files = rebuild_files(state.build, state.files, site)
        state.publish(files, [], started=began)
    except TemplateError as exc:
        state.publish(None, [str(exc)], started=began)
    return time.perf_counter() - start


ERROR_TEXT = {
    "en": ("The site cannot be built", "{n} problem(s). Fix them and save: this page reloads by itself."),
    "id": ("Situs tidak dapat dibuat", "{n} masalah. Perbaiki lalu simpan: halaman ini dimuat ulang sendiri."),
}


def error_page(problems: list[str], lang: str = "en") -> bytes:
    """The page every address shows while the content has errors: each problem with file and line,
    and the text of that line under it (the reload script and the editor's link are added as it is served)."""
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
<ol>{items}</ol></body></html>""".encode()


def problem_item(problem: str) -> str:
    """One problem of the error page: its message, then the line it names as written (`  12 | lat: x`)."""
    message, _, quoted = problem.partition("\n")
    shown = f"<pre>{html.escape(quoted)}</pre>" if quoted else ""
    return f"<li><code>{html.escape(message)}</code>{shown}</li>"


class PreviewServer(ThreadingHTTPServer):
    """The preview's HTTP server; `stopping` tells the open event streams to end."""

    stopping = False


class PreviewHandler(BaseHTTPRequestHandler):
    """What the preview's request handler class holds: its server, guard and editor."""

    server: PreviewServer
    guard: Guard | None
    editor: Editor | None


def make_handler(state: State, guard: Guard | None = None, editor: Editor | None = None) -> type[PreviewHandler]:
    """The request handler: every request passes `guard`; /_editor/ goes to `editor`, the rest is the site."""

    class Handler(PreviewHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet: the console is for build messages
            pass

        def do_GET(self) -> None:
            request = self.request_of("GET")
            if request is None:
                return None
            refused = self.guard.check(request) if self.guard else None
            if refused:
                return self.answer(refused)
            if self.editor and request.path.startswith("/_editor/"):
                return self.answer(self.editor_answer(request))
            return self.site_file(request.path)

        def do_POST(self) -> None:
            request = self.request_of("POST")
            if request is None:
                return None
            refused = self.guard.check(request) if self.guard else None
            if refused or not (self.editor and request.path.startswith("/_editor/")):
                return self.answer(refused or refusal(405, "Only the editor takes changes."))
            return self.answer(self.editor_answer(request))

        def editor_answer(self, request: Request) -> Response:
            """The editor's response; a bug in it becomes a plain page (and a traceback in the terminal)."""
            try:
                return cast(Editor, self.editor).handle(request)  # only called when there is an editor
            except Exception:  # noqa: BLE001 - whatever broke, the browser gets an answer
                traceback.print_exc()
                return refusal(
                    500, "The editor failed (a bug, shown in the terminal). Nothing was saved by this request."
                )

        def request_of(self, method: str) -> Request | None:
            """The request as the editor's guard and handlers see it (None: refused for its size)."""
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0) if method == "POST" else 0
            if length > MAX_BODY:
                self.close_connection = True
                self.answer(refusal(413, "Refused: the upload is too large."))
                return None
            body = self.rfile.read(length) if length > 0 else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            return Request(method, unquote(parts.path), parse_qs(parts.query), headers, body)

        def site_file(self, path: str) -> None:
            if path == RELOAD_PATH:
                return self.send(200, RELOAD_JS, "text/javascript")
            if path == EVENTS_PATH:
                return self.events()
            if path == "/sw.js":
                return self.send(200, PREVIEW_SW, "text/javascript")
            name = path.lstrip("/")
            if name == "" or name.endswith("/"):
                name += "index.html"
            if state.problems and name.endswith(".html"):
                link = editor_link(None, state.lang) if self.editor else b""
                return self.send(500, inject(error_page(state.problems, state.lang), link), "text/html; charset=utf-8")
            data = state.files.get(name)
            if data is None and f"{name}/index.html" in state.files:
                return self.redirect(path + "/")
            if data is None:
                link = editor_link(None, state.lang) if self.editor else b""
                page = inject(state.files.get("404.html", b"Not found"), link)
                return self.send(404, page, "text/html; charset=utf-8")
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            if kind == "text/html":
                shown = state.by_path.get(name)
                link = editor_link(shown, shown.lang if shown else state.lang) if self.editor else b""
                data, kind = inject(data, link), "text/html; charset=utf-8"
            self.send(200, data, kind)

        def answer(self, response: Response) -> None:
            self.send(response.status, response.body, response.kind, response.headers)

        def send(self, status: int, data: bytes, kind: str, headers: Iterable[tuple[str, str]] = ()) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            names = {name.lower() for name, _ in headers}
            if "cache-control" not in names:
                self.send_header("Cache-Control", "no-store")
            for name, value in headers:
                self.send_header(name, value)
            if kind.startswith("text/html"):
                self.send_header("X-Frame-Options", "DENY")  # the editor's pages must not be framed by another site
                self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(data)

        def redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def events(self) -> None:
            """Server-sent events: the build generation now, then again after every rebuild."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen: int | None = None
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

    Handler.guard, Handler.editor = guard, editor
    return Handler


def inject(page: bytes, link: bytes = b"") -> bytes:
    """Add the reload script (and the editor's link) before </body>."""
    tag = link + f'<script src="{RELOAD_PATH}"></script>\n</body>'.encode()
    return page.replace(b"</body>", tag, 1) if b"</body>" in page else page + tag


def watched_folders(content: Path) -> list[Path]:
    from ..pipeline import PROJECT_ASSETS
    from ..render.renderer import PROJECT_TEMPLATES

    return [p for p in (content, PROJECT_TEMPLATES, PROJECT_ASSETS) if p.is_dir()]


LOCAL = ("127.0.0.1", "localhost")


def serve(content: Path, shown: str, port: int, lang: str | None, out: Out = print, host: str = "127.0.0.1") -> None:
    """Build, serve and watch until interrupted. Any `host` but 127.0.0.1 needs the printed key."""
    from watchfiles import watch

    state = State()
    seconds = rebuild(content, shown, state, lang)
    report_build(state, seconds, out)
    handler = make_handler(state)
    server = PreviewServer(("127.0.0.1" if host in LOCAL else host, port), handler)
    server.daemon_threads = True
    bound = server.server_address[1]
    handler.guard = guard = Guard(bound, public=host not in LOCAL, csrf=stored_token(keep_folder(content)))
    handler.editor = Editor(content, shown, state, guard, lang)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out(f"Serving on http://127.0.0.1:{bound}/ (Ctrl+C to stop)", flush=True)
    if guard.public:
        address = f"http://{network_address()}:{bound}/_editor/?key={guard.secret}"
        out("Editor, from this computer or a phone on the same network (scan, or type the address with its key):")
        out(qr_text(address), flush=True)
        out(f"  {address}", flush=True)
    else:
        out(f"Editor: http://127.0.0.1:{bound}/_editor/", flush=True)
    stop = threading.Event()
    try:
        for changes in watch(*watched_folders(content), stop_event=stop, debounce=50, step=20):
            seconds = rebuild(content, shown, state, lang, full=not only_profiles(changes, content, state.site()))
            names = sorted({Path(p).name for _, p in changes if not Path(p).name.endswith(".tmp")})
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


def network_address() -> str:
    """This machine's address on its network (no packet is sent: a UDP socket only picks a route)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def qr_text(text: str) -> str:
    """A QR code of `text` drawn with block characters for a terminal (two module rows per line)."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    # zxingcpp's Image has the buffer protocol, but its stubs do not declare __buffer__
    cells = memoryview(code.to_image(scale=1, add_quiet_zones=True))  # type: ignore[arg-type]
    height, width = cast(tuple[int, int], cells.shape)  # an image's buffer is two-dimensional
    rows = [[cells[y, x] < 128 for x in range(width)] for y in range(height)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    chars = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
    return "\n".join(
        "".join(chars[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    )


def only_profiles(changes: Iterable[tuple[object, str]], content: Path, site: Site | None = None) -> bool:
    """Whether every changed file is a kampung profile, or a photo no profile of `site` shows (one
    just uploaded in the editor, say): then an incremental rebuild is enough."""
    folder, images = (content / "kampung").resolve(), (content / "images").resolve()
    shown = {photo.file for k in site.kampung for photo in k.photos} if site else None

    def harmless(path: Path) -> bool:
        return path.parent == folder or (shown is not None and path.parent == images and path.name not in shown)

    return all(harmless(Path(path).resolve()) for _, path in changes)


def report_build(state: State, seconds: float, out: Out) -> None:
    if state.problems:
        out(f"build failed in {seconds:.2f} s:", flush=True)
        for problem in state.problems:
            out("  " + problem, flush=True)
    else:
        out(f"built {len(state.files)} files in {seconds:.2f} s", flush=True)

"""The editor at /_editor/ of the preview server: every page and action, as request -> response.

Reading and writing files happens only through documents.py, photos.py and publish.py; every
write passed the guard's Origin and CSRF checks first (guard.py). Names in addresses are looked
up in folder listings, never joined to a path.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Protocol, cast

from ..load.images import PhotoError
from ..outputs.headers import content_security_policy
from ..pipeline import photo_cache
from ..plan.pages import AnyPage
from ..plan.site import load_site
from ..util.messages import format_message
from ..util.problems import Report
from ..validate import model
from ..validate.content import Loader, configured_language, list_images, load_categories, load_config
from ..validate.specs import SLUG
from . import documents, views
from .editing import Editing
from .forms import ROOT_SPECS, FormContext
from .guard import Guard, Request, Response, parts, redirect, refusal
from .lists import content_lists
from .photos import MAX_BYTES, UploadRefused, prepare_variants, store_upload, thumbnail
from .publishing import publish_response
from .readform import Form
from .textedit import TextEditing
from .words import WORDS, word

NOMINATIM = "https://nominatim.openstreetmap.org/search"
USER_AGENT = "kampung-umkm-guide-editor/0.1 (address search for a tourism office's guide)"
ITEM = re.compile(r"^/_editor/(kampung|route|page|category)/([a-z0-9-]{1,80}(?:\.[a-z]{2,3})?)/(text/|undo/|upload/)?$")
SITE_ITEM = re.compile(r"^/_editor/site/(text/|undo/)?$")
CATEGORIES_TEXT = "/_editor/categories/text/"  # the whole categories.yaml as text, for a mistake no form shows
NEW = re.compile(r"^/_editor/new/(kampung|route|category|page)/$")
LANG_COOKIE = "kampung_guide_editor_lang"
VENDOR = Path(__file__).resolve().parents[2] / "assets" / "vendor" / "leaflet"
KINDS_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}


class Preview(Protocol):
    """What the editor asks of the preview server around it."""

    def site(self) -> model.Site | None: ...  # the last site that built

    def report(self) -> Report | None: ...  # the problems of the last build

    def wait(self, since: float, timeout: float) -> bool: ...  # until a build started after `since` is done


class LoadedPreview:
    """For an editor without a preview server (tests, tools): the content loaded on each question."""

    def __init__(self, content: Path, shown: str):
        self.content, self.shown = content, shown

    def site(self) -> model.Site | None:
        return load_site(self.content, self.shown)[0]

    def report(self) -> Report | None:
        return load_site(self.content, self.shown)[1]

    def wait(self, since: float, timeout: float) -> bool:
        return True


def keep_folder(content: Path) -> Path:
    """Where the editor keeps what is not content: the text before each save (for undo), its token."""
    return content.resolve().parent / ".cache" / "editor"


def static_files() -> dict[str, Path]:
    """The editor's own scripts and styles, and the vendored Leaflet, by the name they are served as."""
    files = {p.name: p for p in sorted(views.STATIC.iterdir()) if p.is_file()}
    for path in sorted(VENDOR.rglob("*")):
        if path.is_file() and path.suffix in KINDS_TYPES:
            files["leaflet/" + path.relative_to(VENDOR).as_posix()] = path
    return files


class Editor:
    """Answers every request under /_editor/."""

    def __init__(
        self,
        content: Path,
        shown: str,
        preview: Preview,
        guard: Guard,
        lang: str | None = None,
        keep: Path | None = None,
        geocoder: str = NOMINATIM,
    ):
        self.content, self.shown, self.preview, self.guard = content, shown, preview, guard
        self.lang = lang
        self.keep = keep or keep_folder(content)
        self.geocoder = geocoder
        self.env = views.environment()
        self.static = static_files()
        self.opened: dict[str, str] = {}  # version -> text of files shown in a form, for combining changes
        self.searches: dict[str, list] = {}
        self.last_search = 0.0
        self.search_lock = threading.Lock()

    # -- dispatch ---------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        """The response to a request whose path starts with /_editor/ (Host and secret already checked);
        its pages carry the site's strict Content-Security-Policy (scripts and styles from here only)."""
        response = self.answer(request)
        if response.kind.startswith("text/html"):
            config = self.config()
            tiles = config.map.tiles if config else model.MapConfig(center=(0.0, 0.0)).tiles
            response.headers.append(("Content-Security-Policy", content_security_policy(tiles)))
            response.headers.append(("Referrer-Policy", "same-origin"))
        return response

    def answer(self, request: Request) -> Response:
        """The response before the page headers: static files, photos, writes (checked), pages."""
        path = request.path
        if request.method == "GET":
            if request.arg("lang") in WORDS:
                cookie = f"{LANG_COOKIE}={request.arg('lang')}; Path=/_editor/; SameSite=Strict"
                return redirect(path, 303, [("Set-Cookie", cookie)])
            if path.startswith("/_editor/static/"):
                return self.serve_static(path.removeprefix("/_editor/static/"))
            if path.startswith("/_editor/photo/"):
                return self.serve_photo(path.removeprefix("/_editor/photo/"))
        elif request.method == "POST":
            fields = request.fields()
            refused = self.guard.check_write(request, fields)
            if refused:
                return refused
            if path.startswith("/_editor/api/"):
                return self.api(request, path.removeprefix("/_editor/api/").strip("/"), fields)
        else:
            return refusal(405, "Only GET and POST.")
        return self.page(request, path)

    def page(self, request: Request, path: str) -> Response:
        lang = self.ui_lang(request)
        if path == "/_editor/" and request.method == "GET":
            return self.list_page(lang)
        if path == "/_editor/publish/":
            return self.publish_page(request, lang)
        if path == CATEGORIES_TEXT:
            return self.text_page(request, "categories", "", lang)
        new = NEW.match(path)
        if new:
            return self.edit(request, new[1], "", True, lang)
        item = ITEM.match(path) or SITE_ITEM.match(path)
        if not item:
            return self.not_found(lang)
        kind, key, action = ("site", "", item[1]) if item.re is SITE_ITEM else item.groups()
        if action == "text/":
            return self.text_page(request, kind, key, lang)
        if action == "undo/" and request.method == "POST":
            return self.undo(kind, key)
        if action == "upload/" and request.method == "POST":
            return self.upload_form(request, kind, key)
        if action:
            return self.not_found(lang)
        return self.edit(request, kind, key, False, lang)

    def ui_lang(self, request: Request) -> str:
        """The interface language: the one chosen with the switch, else the site's messages language."""
        chosen = request.cookie(LANG_COOKIE)
        if chosen in WORDS:
            return chosen
        return self.lang or configured_language(self.content)

    def base(self, lang: str, title: str, path: str, current: str = "") -> views.Page:
        return views.Page(lang, title, self.guard.csrf, self.site_title(lang), path, current)

    def site_title(self, lang: str) -> str:
        site = self.preview.site()
        return site.config.title.get(lang) if site else ""

    def not_found(self, lang: str) -> Response:
        page = self.base(lang, word(lang, "not_found"), "/_editor/")
        return Response(404, views.render(self.env, "message.html", page, text=word(lang, "not_found_text")))

    # -- static files -----------------------------------------------------------------------------

    def serve_static(self, name: str) -> Response:
        path = self.static.get(name)
        if path is None:
            return refusal(404, "Not found.")
        kind = KINDS_TYPES.get(path.suffix, "application/octet-stream")
        return Response(200, path.read_bytes(), kind, [("Cache-Control", "no-cache")])

    def serve_photo(self, name: str) -> Response:
        path = list_images(Loader(self.content, self.shown)).get(urllib.parse.unquote(name))
        if path is None:
            return refusal(404, "Not found.")
        try:
            return Response(200, thumbnail(path), "image/jpeg", [("Cache-Control", "no-cache")])
        except (PhotoError, OSError, SyntaxError, ValueError):  # the check reports why; the form shows no picture
            return refusal(404, "This photo cannot be shown.")

    # -- the list -----------------------------------------------------------------------------------

    def list_page(self, lang: str) -> Response:
        page = self.base(lang, word(lang, "contents"), "/_editor/", "contents")
        lists = content_lists(self.content, self.shown, self.preview.site(), self.preview.report(), lang)
        return Response(200, views.render(self.env, "list.html", page, lists=lists))

    # -- editing ------------------------------------------------------------------------------------

    def source(self, kind: str, key: str, new: bool) -> documents.Source | None:
        if new:
            return documents.new_source(self.content, kind, key if SLUG.match(key or "") else "new")
        return documents.open_source(self.content, kind, key)

    def config(self) -> model.SiteConfig | None:
        """The site's settings: the last build's, or read now when no build succeeded yet."""
        site = self.preview.site()
        return site.config if site else load_config(Loader(self.content, self.shown))

    def form_context(self, kind: str, key: str, lang: str) -> FormContext:
        site = self.preview.site()
        config = self.config()
        languages = config.languages if config else ("id", "en")
        if kind == "page":
            code = key.rpartition(".")[2] if "." in key else languages[0]
            languages = (code,)
        if site:
            categories = {k: c.name.get(lang) for k, c in site.categories.items()}
            kampung = {k.slug: k.name.get(lang) for k in site.kampung}
        else:
            found = load_categories(Loader(self.content, self.shown), config.languages if config else languages)
            categories = {k: c.name.get(lang) for k, c in (found or {}).items()}
            kampung = {slug: slug for slug in documents.listing(self.content, "kampung")}
        return FormContext(kind, lang, languages, categories, kampung, photo_url)

    def edit(self, request: Request, kind: str, key: str, new: bool, lang: str) -> Response:
        if request.method == "GET":
            return Editing(self, kind, key, new, lang).show(request)
        return Editing(self, kind, key, new, lang).submit(request.fields())

    def text_page(self, request: Request, kind: str, key: str, lang: str) -> Response:
        editing = TextEditing(self, kind, key, lang)
        return editing.show() if request.method == "GET" else editing.submit(request.fields())

    def undo(self, kind: str, key: str) -> Response:
        source = documents.open_source(self.content, kind, key) or documents.Source(
            kind, key, documents.new_source(self.content, kind, key).path, None
        )
        done = documents.undo(self.keep, source)
        if done:
            self.preview.wait(time.monotonic(), 10)
        if done and documents.read_file(source.path) is None:
            return redirect("/_editor/?undone=1")
        return redirect(views.form_url(kind, key) + ("?undone=1" if done else "?undone=0"))

    def upload_form(self, request: Request, kind: str, key: str) -> Response:
        """A photo sent by the form without script: stored, then the form shows it as a new photo."""
        name, problem = self.store_photo(request, key)
        lang = self.ui_lang(request)
        if problem:
            page = self.base(lang, word(lang, "upload_failed"), request.path)
            text = problem + " " + word(lang, "upload_back")
            return Response(
                400, views.render(self.env, "message.html", page, text=text, back=views.form_url(kind, key))
            )
        return redirect(views.form_url(kind, key) + "?photo=" + urllib.parse.quote(name))

    def store_photo(self, request: Request, key: str) -> tuple[str, str]:
        """Store the photo of an upload request; (file name, "") or ("", the message why not)."""
        lang = self.ui_lang(request)
        files = [(data, filename) for name, data, filename in parts(request) if name == "photo" and filename]
        if not files:
            return "", word(lang, "upload_none")
        stem = key if SLUG.match(key or "") else "foto"
        try:
            name = store_upload(files[0][0], self.content / "images", stem)
        except UploadRefused as exc:
            return "", format_message(exc.key, exc.params, lang)
        prepare_variants(self.content / "images" / name, photo_cache(self.content))
        return name, ""

    # -- requests of the page's script ----------------------------------------------------------------

    def api(self, request: Request, name: str, fields: dict[str, list[str]]) -> Response:
        lang = self.ui_lang(request)
        form = Form(fields)
        kind, key, new = form.get("_kind") or "", form.get("_key") or "", form.get("_new") == "1"
        if name == "geocode":
            return self.geocode(form.get("q") or "", lang)
        if kind not in ROOT_SPECS or (not new and self.source(kind, key, False) is None):
            return Response(404, views.json_bytes({"error": word(lang, "not_found")}), "application/json")
        editing = Editing(self, kind, key, new, lang)
        if name == "check":
            return Response(200, views.json_bytes(editing.check(fields)), "application/json")
        if name == "op":
            return Response(200, views.json_bytes(editing.operate(fields)), "application/json")
        if name == "upload":
            if len(request.body) > MAX_BYTES + 100_000:
                text = word(lang, "photo_too_big", max=MAX_BYTES // 1_000_000)
                return Response(413, views.json_bytes({"error": text}), "application/json")
            stored, problem = self.store_photo(request, form.get("_slug") or key)
            if problem:
                return Response(400, views.json_bytes({"error": problem}), "application/json")
            return Response(200, views.json_bytes(editing.operate(fields, photo=stored)), "application/json")
        return Response(404, views.json_bytes({"error": word(lang, "not_found")}), "application/json")

    def geocode(self, query: str, lang: str) -> Response:
        """Places for an address, from Nominatim (when online), at most one question a second as its
        usage policy asks, each answer kept so the same question is never asked twice."""
        query = " ".join(query.split())[:200]
        if not query:
            return Response(200, views.json_bytes({"places": []}), "application/json")
        with self.search_lock:
            if query not in self.searches:
                time.sleep(max(0.0, self.last_search + 1.0 - time.monotonic()))
                self.last_search = time.monotonic()
                params = {"q": query, "format": "jsonv2", "limit": "5", "countrycodes": "id", "accept-language": lang}
                url = self.geocoder + "?" + urllib.parse.urlencode(params)
                try:
                    ask = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
                    with urllib.request.urlopen(ask, timeout=8) as answer:
                        found = json.loads(answer.read().decode("utf-8"))
                except (OSError, ValueError, urllib.error.URLError):
                    return Response(200, views.json_bytes({"error": word(lang, "search_offline")}), "application/json")
                self.searches[query] = [
                    {"name": p.get("display_name", ""), "lat": float(p["lat"]), "lon": float(p["lon"])}
                    for p in found
                    if isinstance(p, dict) and "lat" in p and "lon" in p
                ]
        return Response(200, views.json_bytes({"places": self.searches[query]}), "application/json")

    # -- publishing ---------------------------------------------------------------------------------

    def publish_page(self, request: Request, lang: str) -> Response:
        return publish_response(self, request, lang)


def photo_url(name: str) -> str:
    return "/_editor/photo/" + urllib.parse.quote(name)


def edit_address(page: AnyPage) -> str:
    """The editor's form for what a page of the preview shows (the list for pages made of many)."""
    obj = page.obj  # the page's kind fixes the type of its object
    kind = page.kind.name
    if kind in ("kampung", "poster"):
        return f"/_editor/kampung/{cast(model.Kampung, obj).slug}/"
    if kind == "category":
        return f"/_editor/category/{cast(model.Category, obj).id}/"
    if kind == "route":
        return f"/_editor/route/{cast(model.Route, obj).slug}/"
    if kind == "page":  # its own language's file when it has one, else the main language's
        free = cast(model.FreePage, obj)
        main = free.source.rpartition("/")[2].removesuffix(".md")  # the main language's file
        own = page.lang != page._languages[0] and page.lang in free.body.values
        return f"/_editor/page/{free.slug}.{page.lang}/" if own else f"/_editor/page/{main}/"
    return "/_editor/"


def editor_link(page: AnyPage | None, lang: str) -> bytes:
    """The preview's link to the editor, put on every page it serves (never in the built site)."""
    address = edit_address(page) if page is not None else "/_editor/"
    words = "edit_page" if address != "/_editor/" else "open_editor"
    return (
        f'<link rel="stylesheet" href="{views.static_url("preview.css")}">'
        f'<p class="kg-edit-link"><a href="{address}" lang="{lang}">{word(lang, words)}</a></p>\n'
    ).encode()

"""Turn a checked Site into the files of the website, as (path, bytes) pairs. No disk writes here."""

from __future__ import annotations

import contextlib
import hashlib
import heapq
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import cast

import jinja2

from .outputs import calendar, offline, opendata, places, search
from .outputs.headers import headers_file
from .outputs.images import PhotoSet, encode_photo, plan_photo
from .outputs.opendata_schema import opendata_schema_file
from .outputs.routes import route_files
from .plan import pages as plan
from .plan.pages import AnyPage
from .render import maps, seo
from .render.colors import category_css
from .render.context import Neighbours
from .render.renderer import Assets, Renderer, make_environment
from .util.fork import HELPERS_FROM, POOL_FROM, Forked, pool_map, worth_forking
from .util.geo import nearest_all
from .validate.model import MapConfig, Site

PROJECT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
CLUSTER_FILES = (
    *(f"assets/vendor/leaflet.markercluster/{name}" for name in ("MarkerCluster.css", "MarkerCluster.Default.css")),
    maps.CLUSTER_SCRIPT,
)  # what a map of many pins needs (maps.CLUSTER_FROM), offline too
HASHED_ASSETS = ("style.css", "site.js", "categories.css", "map.js", "search.js", "plan.js", "agenda.js", "print.css")
MapScriptArgs = tuple[
    str, str, tuple[float, float], int, str, str
]  # pin layer and start scripts, centre, zoom, tiles, attribution


class SiteBuild:
    """One build of a site: its pages, assets and renderer; renders all pages or only some."""

    renderer: Renderer
    _map_script: bytes | None

    def __init__(
        self,
        site: Site,
        content_dir: Path,
        base_url: str | None = None,
        previous: SiteBuild | None = None,
        map_maker: maps.ScriptMaker | None = None,
        workers: int = 1,
    ):
        """`previous`, a build of the same templates, lends its compiled templates and, when no pin
        moved, its nearest-neighbour table. `map_maker` makes the map script in another process.
        With `workers` > 1, a large site's pages are rendered by that many forked processes (the
        same files as one process), its search index is made by others while the rest is set up, and
        its open data by another while the pages render."""
        self.site, self.content_dir, self.base_url, self.map_maker = site, content_dir, base_url, map_maker
        self.workers = workers
        self.digests: dict[str, bytes] = {}  # sha256 of each file written by `files` (or `rebuild_files`)
        with contextlib.ExitStack() as helpers:
            search_files = search_later(site, helpers if self.apart() else None)
            self.pages = plan.plan_pages(site)
            self.assets = site_assets(site, content_dir)
            self.photos = plan_photos(site)
            env = previous.renderer.env if previous else make_environment([content_dir / "templates"])
            # a jinja2.Environment's loader may be None; make_environment always sets one
            loader = cast(jinja2.BaseLoader, env.loader)
            self.map_js = cast(
                tuple[str, str], tuple(loader.get_source(env, name)[0] for name in (maps.PIN_LAYER, maps.MAP_START))
            )
            worker, worker_file, _ = loader.get_source(env, offline.WORKER_TEMPLATE)
            self.worker_js = (worker, worker_file or offline.WORKER_TEMPLATE)
            same_pins = previous and pin_positions(previous.site) == pin_positions(site)
            neighbours = (
                same_neighbours(cast(SiteBuild, previous).renderer.neighbours, site)
                if same_pins
                else nearest_all(site.kampung)
            )
            self.search = search_files()  # named by hash in the list pages; the other data comes last
        self.places = places.places_assets(site)  # named by hash in the home page and the planner
        hashed = {**self.assets, **self.search, **self.places}
        versions = {
            name: hashlib.sha256(data).hexdigest()[:10]
            for path, data in hashed.items()
            if (name := path.removeprefix("assets/")) in HASHED_ASSETS or path in self.search or path in self.places
        }
        self.map_config = site.config.map if site.kampung else None
        if self.map_config:
            versions["map.js"] = maps.script_version(*self.map_script_args())
        self._map_script = (
            previous._map_script if previous and previous.map_script_args() == self.map_script_args() else None
        )
        frame = (site.config, site.categories, site.translations)
        same_frame = previous and (previous.site.config, previous.site.categories, previous.site.translations) == frame
        self.renderer = Renderer(
            site,
            env,
            Assets(versions),
            base_url,
            self.photos,
            neighbours,
            cast(SiteBuild, previous).renderer.memo if same_frame else None,
        )

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Every file of the site in a stable order; paths are relative to the output folder.

        The service worker comes last: its cache is named after a hash of all the others.
        """
        self.digests = digests = {}
        with contextlib.ExitStack() as helpers:
            open_data: Forked[list[tuple[str, bytes]]] | None = None
            if self.apart():  # made by a forked process while the pages render (the generator runs there)
                # mypy types list() here without the generator's items, as list[Never]
                open_data = helpers.enter_context(Forked(list, opendata.opendata_files(self.site, self.base_url)))  # type: ignore[assignment]
            for name, data in chain(
                sorted(self.assets.items()),
                self.map_files(),
                render_pages(self.renderer, self.pages, self.workers),
                self.extra_files(open_data),
            ):
                digests[name] = hashlib.sha256(data).digest()
                yield name, data
        yield "sw.js", self.service_worker(digests)

    def map_script_args(self) -> MapScriptArgs:
        """What makes assets/map.js: the pin layer's and the start's scripts and the map settings."""
        config = cast(MapConfig, self.map_config)  # every checked site has kampung, so a map
        return *self.map_js, config.center, config.zoom, config.tiles, config.attribution

    def map_script(self) -> bytes:
        """assets/map.js, made once per build (and kept by the next while the map settings stay)."""
        if self._map_script is None:
            make = self.map_maker.script if self.map_maker else maps.render_map_script
            self._map_script = make(*self.map_script_args()).encode()
        return self._map_script

    def map_files(self) -> Iterator[tuple[str, bytes]]:
        if self.map_config:
            yield "assets/map.js", self.map_script()

    def service_worker(self, digests: dict[str, bytes]) -> bytes:
        """sw.js for a build whose files have these sha256 digests."""
        languages = self.site.config.languages
        offline_pages = {
            plan.lang_prefix(lang, languages): plan.lang_prefix(lang, languages) + plan.OFFLINE_KEY
            for lang in languages
        }
        shell = [(url, digests[path].hex()[:12]) for url, path in self.precache()]
        return offline.service_worker(self.worker_js, offline.content_version(digests), shell, offline_pages)

    def precache(self) -> list[tuple[str, str]]:
        """What the service worker stores at once, as (URL, file): every language's home, list and offline
        pages, styles, scripts (the map's libraries too), the search indexes and places, icons."""
        languages = self.site.config.languages
        keys = (plan.HOME_KEY, plan.LIST_KEY, plan.OFFLINE_KEY)
        pages = [
            (url or "./", url + "index.html")
            for url in (plan.lang_prefix(lang, languages) + key for lang in languages for key in keys)
        ]
        versioned = [
            (self.renderer.assets.url_from_root(name), f"assets/{name}") for name in self.renderer.assets.versions
        ]
        fixed = [
            "assets/vendor/leaflet/leaflet.css",
            maps.LEAFLET_SCRIPT,
            *(CLUSTER_FILES if len(self.site.kampung) >= maps.CLUSTER_FROM else ()),  # the home page's map clusters
            *sorted(n for n in self.assets if n.startswith("assets/icons/")),
            *[plan.lang_prefix(lang, languages) + plan.MANIFEST_NAME for lang in languages],
        ]
        return pages + sorted(versioned) + [(name, name) for name in fixed]

    def page_files(self, keys: set[str]) -> Iterator[tuple[str, bytes]]:
        """The pages whose key is in `keys`, in every language."""
        yield from render_pages(self.renderer, [p for p in self.pages if p.key in keys], 1)

    def apart(self) -> bool:
        """Whether the search index and the open data are made by processes of their own."""
        return worth_forking(self.workers, len(self.site.kampung), HELPERS_FROM)

    def extra_files(self, open_data: Forked[list[tuple[str, bytes]]] | None = None) -> Iterator[tuple[str, bytes]]:
        """Files made from the whole site: photos, search index and open data, robots.txt, the sitemap.
        `open_data` is the process making the open data files, if another makes them."""
        yield from photo_files(self.site, self.photos, photo_cache(self.content_dir))
        small = {
            **self.search,
            **self.places,
            **calendar.calendar_files(self.site, self.base_url),
            **calendar.events_files(self.site, self.base_url),
            **route_files(self.site),
        }
        small.update([opendata_schema_file()])
        data = open_data.result() if open_data else opendata.opendata_files(self.site, self.base_url)
        yield from heapq.merge(sorted(small.items()), data, key=itemgetter(0))  # in name order
        yield from self.manifests()
        yield "robots.txt", seo.robots(self.base_url).encode()
        yield "_headers", headers_file(self.site.config.map.tiles).encode()
        if self.base_url:
            twins: dict[str, list[tuple[str, str]]] = {}
            for page in self.pages:
                if page.kind.sitemap:
                    twins.setdefault(page.key, []).append((page.lang, page.url))
            yield "sitemap.xml", seo.sitemap(list(twins.values()), self.base_url).encode()

    def manifests(self) -> Iterator[tuple[str, bytes]]:
        """One web app manifest per language, beside that language's home page."""
        config, languages = self.site.config, self.site.config.languages
        for lang in languages:
            prefix = plan.lang_prefix(lang, languages)
            title = config.title.get(lang)
            yield (
                prefix + "manifest.webmanifest",
                offline.manifest(
                    title,
                    offline.short_name(title),
                    config.tagline.get(lang) if config.tagline else title,
                    lang,
                    "../" * prefix.count("/"),
                ),
            )


def build_files(
    site: Site,
    content_dir: Path,
    base_url: str | None = None,
    workers: int = 1,
    map_maker: maps.ScriptMaker | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every file of the site. With `workers` > 1 and a large site, pages are rendered by that
    many forked processes; the files and their order are the same as with one process."""
    return SiteBuild(site, content_dir, base_url, map_maker=map_maker, workers=workers).files()


def search_later(site: Site, helpers: contextlib.ExitStack | None) -> Callable[[], dict[str, bytes]]:
    """What gives the search index scripts: `search.search_assets`, or given `helpers`, a forked
    process per language started now (and stopped with `helpers`), so that the indexes are made
    while the rest of the build is set up."""
    if helpers is None:
        return partial(search.search_assets, site)
    made = [helpers.enter_context(Forked(search.search_assets, site, (lang,))) for lang in site.config.languages]

    def files() -> dict[str, bytes]:
        return {name: data for process in made for name, data in process.result().items()}

    return files


def site_assets(site: Site, content_dir: Path) -> dict[str, bytes]:
    """The files under assets/: the project's and the content's own, category colours, icons (the map
    script comes from `SiteBuild.map_files`)."""
    assets = dict(read_assets(content_dir))
    assets["assets/categories.css"] = category_css(site.categories.values()).encode()
    assets.update(offline.icon_files())
    return assets


def rebuild_files(old: SiteBuild, old_files: dict[str, bytes], site: Site) -> tuple[SiteBuild, dict[str, bytes]]:
    """The files for `site`, re-rendering only the pages a change of profiles can have touched.

    The result equals a clean build's; anything beyond profiles (settings, categories, pages,
    photos, templates, assets) changing means a full build.
    """
    new = SiteBuild(site, old.content_dir, old.base_url, previous=old)
    keys = affected_keys(old, new)
    if keys is None or new.assets != old.assets:
        return new, dict(new.files())
    paths = {page.path for page in new.pages}
    files = {path: data for path, data in old_files.items() if path in paths}
    files.update(new.assets)
    files.update(new.map_files())
    files.update(new.page_files(keys))
    files.update(new.extra_files())
    files.pop("sw.js", None)
    new.digests = {
        name: old.digests[name]
        if old_files.get(name) is data and name in old.digests
        else hashlib.sha256(data).digest()
        for name, data in files.items()
    }  # unchanged files: as before
    files["sw.js"] = new.service_worker(new.digests)
    return new, files


def affected_keys(old: SiteBuild, new: SiteBuild) -> set[str] | None:
    """Keys of the pages whose HTML a change of profiles can alter; None: everything."""
    a, b = old.site, new.site
    settings = (a.config, a.categories, a.pages, a.routes, a.events, a.translations)
    if settings != (b.config, b.categories, b.pages, b.routes, b.events, b.translations):
        return None
    before_photos, after_photos = used_photos(a), used_photos(b)
    if any(before_photos[name] != after_photos[name] for name in before_photos.keys() & after_photos.keys()):
        return None  # a photo that pages show moved; a new or unused photo changes no page but its profile's
    before, after = {k.slug: k for k in a.kampung}, {k.slug: k for k in b.kampung}
    changed = {slug for slug in before.keys() | after.keys() if before.get(slug) != after.get(slug)}
    if not changed:
        return set()
    keys = (
        {plan.HOME_KEY, plan.LIST_KEY}
        | {plan.kampung_key(slug) for slug in changed}
        | {plan.poster_key(s) for s in changed}
    )
    listed = [(k.slug, k.name, k.category) for k in b.kampung] != [(k.slug, k.name, k.category) for k in a.kampung]
    if listed:  # the poster index shows only names and categories
        keys.add(plan.POSTERS_KEY)
    keys |= {plan.category_key(k.category) for k in (*map(before.get, changed), *map(after.get, changed)) if k}
    keys |= {plan.PLAN_KEY, plan.AGENDA_KEY}  # the agenda names the kampung its events take place in
    keys |= {key(r.slug) for r in b.routes if changed & set(r.stops) for key in (plan.route_key, plan.route_print_key)}
    for slug in after:
        shown_before = [(round(km, 9), o.slug) for km, o in old.renderer.neighbours.get(slug, [])]
        shown_after = [(round(km, 9), o.slug) for km, o in new.renderer.neighbours[slug]]
        if shown_before != shown_after or changed & {o for _, o in shown_after}:
            keys.add(plan.kampung_key(slug))
    return keys


CHUNK_PAGES = (8, 64)  # pages per task, fewest and most: a hand-off costs the main process about 0.7 ms


def render_pages(renderer: Renderer, pages: list[AnyPage], workers: int) -> Iterator[tuple[str, bytes]]:
    """Each page's path and HTML, in the order of `pages`; by a pool of workers when it pays."""
    if not worth_forking(workers, len(pages), POOL_FROM):
        for page in pages:
            yield page.path, renderer.render(page).encode()
        return

    def render_chunk(indexes: range) -> list[tuple[str, bytes]]:
        return [(pages[i].path, renderer.render(pages[i]).encode()) for i in indexes]

    yield from pool_map(render_chunk, chunk_ranges(pages, workers, *CHUNK_PAGES), workers)


def chunk_ranges(pages: list[AnyPage], workers: int, smallest: int, largest: int) -> Iterator[range]:
    """Consecutive ranges of pages: up to `largest` while many remain (few hand-offs), shrinking to
    `smallest` towards the end so that the workers finish together. One never splits the pages of
    one kampung (its page in each language and its poster share QR codes, kept by each worker's cache)."""
    start = 0
    while start < len(pages):
        size = max(smallest, min(largest, (len(pages) - start) // (4 * workers)))
        end = min(start + size, len(pages))
        while end < len(pages) and pages[end].obj is not None and pages[end].obj is pages[end - 1].obj:
            end += 1
        yield range(start, end)
        start = end


def read_assets(content_dir: Path) -> Iterator[tuple[str, bytes]]:
    """The project's assets, with any file of the same name under content/assets/ taking its place."""
    found: dict[str, Path] = {}
    for folder in (PROJECT_ASSETS, content_dir / "assets"):
        if folder.is_dir():
            real = folder.resolve()
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.resolve().is_relative_to(real) and not path.name.startswith("."):
                    found["assets/" + path.relative_to(folder).as_posix()] = path
    for name, path in found.items():
        yield name, path.read_bytes()


def same_neighbours(neighbours: Neighbours, site: Site) -> Neighbours:
    """A previous build's neighbour table pointing at this site's (possibly edited) profiles."""
    current = {k.slug: k for k in site.kampung}
    return {slug: [(km, current[other.slug]) for km, other in nearby] for slug, nearby in neighbours.items()}


def pin_positions(site: Site) -> list[tuple[str, float, float]]:
    return [(k.slug, k.location.lat, k.location.lon) for k in site.kampung]


def photo_cache(content_dir: Path) -> Path:
    """Where encoded photo variants are kept between builds (by the hash of what makes them)."""
    return content_dir.parent / ".cache" / "photos"


def used_photos(site: Site) -> dict[str, Path]:
    """The photo files the profiles show: name -> path."""
    return {p.file: site.images[p.file] for k in site.kampung for p in k.photos if p.file in site.images}


def plan_photos(site: Site) -> dict[str, PhotoSet]:
    """The responsive sizes of every photo a profile uses, from the sizes read when it was checked."""
    used = {p.file: p for k in site.kampung for p in k.photos}
    return {name: plan_photo(name, used[name].width, used[name].height) for name in sorted(used)}


def photo_files(site: Site, photos: dict[str, PhotoSet], cache: Path) -> Iterator[tuple[str, bytes]]:
    """The resized, metadata-free variants of each photo (never the originals), cached on disk."""
    for name, photo in photos.items():
        variants, _ = encode_photo(photo, Path(site.images[name]), cache)
        yield from variants

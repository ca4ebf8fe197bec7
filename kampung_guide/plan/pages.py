"""Plan the site: which pages exist, of which kind, in which language, at which address.

Every address of the site is made here and nowhere else: pages (per language), posters, data files,
search indexes and photo variants. The link check, the navigation, the views and the outputs ask
this module instead of spelling an address themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..validate.model import Category, FreePage, Kampung, Route, Site


@dataclass(frozen=True)
class Kind:
    """A kind of page: its template and where it appears. A new kind is a row of KINDS, a view in
    render/views.py and a template."""

    name: str
    template: str
    sitemap: bool = True  # listed in sitemap.xml
    twins: bool = True  # one page per language, with a language switch
    hreflang: bool = True  # its twins are announced to search engines
    canonical: bool = True  # it has a public canonical address
    menu: str = ""  # interface word of its entry in the menu (kinds shown once there)
    own_title: bool = True  # the browser title leads with the page's own title, then the site's
    og_type: str = "website"

    def __str__(self) -> str:
        return self.name


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("home", "home.html", menu="home", own_title=False),
        Kind("list", "list.html", menu="all_kampung"),
        Kind("kampung", "kampung.html", og_type="place"),
        Kind("poster", "poster.html", sitemap=False, twins=False),
        Kind("posters", "posters.html", sitemap=False),
        Kind("category", "category.html"),
        Kind("page", "page.html"),
        Kind("plan", "plan.html", menu="plan_nav"),
        Kind("route", "route.html"),
        Kind("route_print", "route-print.html", sitemap=False),
        Kind("agenda", "agenda.html", menu="agenda_nav"),
        Kind("404", "404.html", sitemap=False, hreflang=False, canonical=False),
        Kind("offline", "offline.html", sitemap=False, hreflang=False, canonical=False),
    )
}

# -- addresses: keys are site-relative and without the language prefix, shared by twins ----------

HOME_KEY = ""
LIST_KEY = "kampung/"
POSTERS_KEY = "poster/"
PLAN_KEY = "rencana/"
AGENDA_KEY = "agenda/"
NOT_FOUND_KEY = "404.html"
OFFLINE_KEY = "offline/"  # the service worker answers with it for any page not stored on the phone
MANIFEST_NAME = "manifest.webmanifest"  # beside each language's home page
GEOJSON_PATH = "data/kampung.geojson"
JSON_PATH = "data/kampung.json"
OPEN_DATA_SCHEMA_PATH = "data/kampung.schema.json"  # the JSON Schema of JSON_PATH
GPX_NAME, GEOJSON_NAME = "route.gpx", "route.geojson"  # beside each route's page
PHOTO_WIDTHS = (480, 960, 1600)  # the widths a photo is published at (never wider than its original)
PHOTO_EXTENSIONS = ("webp", "jpg")


def kampung_key(slug: str) -> str:
    return f"kampung/{slug}/"


def poster_key(slug: str) -> str:
    """The kampung's one poster, for every language (a file, not a folder: a folder per poster costs the build)."""
    return f"kampung/{slug}/poster.html"


POSTER_MARK = ("from", "poster")  # in the address a poster's QR code opens (?from=poster): `stats` counts the scans


def poster_scan_url(url: str) -> str:
    """The address a poster's QR code opens: the page's own, marked; the page's canonical URL stays without."""
    return f"{url}?{POSTER_MARK[0]}={POSTER_MARK[1]}"


def category_key(category_id: str) -> str:
    return f"kategori/{category_id}/"


def page_key(slug: str) -> str:
    """A free page from content/pages/."""
    return f"{slug}/"


def route_key(slug: str) -> str:
    return f"{PLAN_KEY}{slug}/"


def route_print_key(slug: str) -> str:
    """A suggested route's A4 print view."""
    return f"{route_key(slug)}cetak/"


def event_anchor(slug: str) -> str:
    """An event's place on the agenda page (the id of its entry)."""
    return f"acara-{slug}"


def lang_prefix(lang: str, languages: tuple[str, ...]) -> str:
    """`""` for the first language, `"en/"` for the others."""
    return "" if lang == languages[0] else f"{lang}/"


def ics_path(slug: str, lang: str) -> str:
    """Where a kampung's calendar in `lang` is written."""
    return f"data/ical/{slug}.{lang}.ics"


def city_ics_path(lang: str) -> str:
    """Where the calendar of every kampung in `lang` is written."""
    return f"data/kampung.{lang}.ics"


def events_ics_path(lang: str) -> str:
    """Where the calendar of every event in `lang` is written."""
    return f"data/agenda.{lang}.ics"


def search_index_name(lang: str) -> str:
    """The search index script's name under assets/, e.g. `search-en.js`."""
    return f"search-{lang}.js"


def places_name(lang: str) -> str:
    """The places script's name under assets/ (every kampung's pin and hours), e.g. `places-en.js`."""
    return f"places-{lang}.js"


def photo_widths(width: int) -> tuple[int, ...]:
    """The widths to publish for an upright original `width` px wide; never wider than it."""
    largest = min(width, PHOTO_WIDTHS[-1])
    return tuple(w for w in PHOTO_WIDTHS if w < largest) + (largest,)


def photo_path(stem: str, width: int, extension: str) -> str:
    """A published photo variant, e.g. `images/batik-1-480.webp` (the original is never published)."""
    return f"images/{stem}-{width}.{extension}"


@dataclass(frozen=True)
class Addresses:
    """What a link inside the site may lead to: `pages` are keys that exist in every language (a link
    to one leads to the twin in the page's own language); `files` exist once for all languages."""

    pages: frozenset[str]
    files: frozenset[str]

    def find(self, target: str) -> str | None:
        """The address a site link (`kampung/x/`, `data/kampung.json#a`) leads to, or None."""
        path = target.split("#", 1)[0].split("?", 1)[0].removesuffix("index.html")
        for candidate in (path, path + "/"):
            if candidate in self.pages or candidate in self.files:
                return candidate
        return None

    def is_shared(self, target: str) -> bool:
        """Whether a site link leads to a file shared by every language (no language prefix)."""
        found = self.find(target)
        return found is not None and found in self.files


def site_addresses(
    languages: tuple[str, ...],
    kampung: Iterable[str],
    categories: Iterable[str],
    pages: Iterable[str],
    routes: Iterable[str],
    photos: Iterable[tuple[str, int]] = (),
) -> Addresses:
    """Every address a link may lead to, from the slugs of what the site has and its photos
    (file name, upright width)."""
    kampung, routes = tuple(kampung), tuple(routes)
    keys = {HOME_KEY, LIST_KEY, POSTERS_KEY, PLAN_KEY, AGENDA_KEY, OFFLINE_KEY, *map(kampung_key, kampung)}
    keys |= {*map(category_key, categories), *map(page_key, pages), *map(route_key, routes)}
    keys |= set(map(route_print_key, routes))
    files = {GEOJSON_PATH, JSON_PATH, OPEN_DATA_SCHEMA_PATH, *map(poster_key, kampung)}
    files |= {ics_path(slug, lang) for slug in kampung for lang in languages} | set(map(city_ics_path, languages))
    files |= set(map(events_ics_path, languages))
    for name, width in photos:
        stem = name.rsplit(".", 1)[0]
        files |= {photo_path(stem, w, ext) for w in photo_widths(width) for ext in PHOTO_EXTENSIONS}
    return Addresses(frozenset(keys), frozenset(files))


def addresses_of(site: Site) -> Addresses:
    return site_addresses(
        site.config.languages,
        (k.slug for k in site.kampung),
        site.categories,
        (p.slug for p in site.pages),
        (r.slug for r in site.routes),
        ((p.file, p.width) for k in site.kampung for p in k.photos),
    )


# -- the pages --------------------------------------------------------------------------------

# What a page is made from, by kind: kampung and poster a Kampung, category a Category, page a
# FreePage, route a Route; the other kinds nothing.
PageObject = Kampung | Category | FreePage | Route | None
ObjT = TypeVar("ObjT", bound=PageObject, covariant=True)


@dataclass(frozen=True)
class Page(Generic[ObjT]):
    """One page to render. `key` is its address without the language prefix, shared by twins."""

    key: str  # e.g. "kampung/onde-onde/" ("" for home, "404.html" for the error page)
    lang: str
    kind: Kind
    obj: ObjT = None  # type: ignore[assignment]  # what the page shows; None for the kinds that show nothing
    _languages: tuple[str, ...] = ("id", "en")

    @property
    def url(self) -> str:
        """Address relative to the site root, e.g. `en/kampung/onde-onde/`."""
        return lang_prefix(self.lang, self._languages) + self.key

    @property
    def path(self) -> str:
        """Output file relative to the site root."""
        return self.url if self.url.endswith(".html") else self.url + "index.html"

    @property
    def depth(self) -> int:
        return self.url.count("/")

    @property
    def root(self) -> str:
        """Relative prefix from this page to the site root."""
        return "../" * self.depth


AnyPage = Page[PageObject]  # a page of any kind


def plan_pages(site: Site) -> list[AnyPage]:
    """Every page of the site, in a stable order: home and list pages first.

    Each kampung has a page per language and one poster, in the first language's folder, that
    serves every language; they are planned side by side because they share QR codes.
    """
    languages = site.config.languages

    def page(key: str, kind: str, lang: str, obj: PageObject = None) -> AnyPage:
        return Page(key, lang, KINDS[kind], obj, languages)

    pages = [page(key, kind, lang) for lang in languages for key, kind in ((HOME_KEY, "home"), (LIST_KEY, "list"))]
    for k in site.kampung:
        pages += [page(kampung_key(k.slug), "kampung", lang, k) for lang in languages]
        pages.append(page(poster_key(k.slug), "poster", languages[0], k))
    for lang in languages:
        pages.append(page(POSTERS_KEY, "posters", lang))
        pages.extend(page(category_key(c.id), "category", lang, c) for c in site.categories.values())
        pages.extend(page(page_key(p.slug), "page", lang, p) for p in site.pages)
        pages.append(page(PLAN_KEY, "plan", lang))
        pages.extend(page(route_key(r.slug), "route", lang, r) for r in site.routes)
        pages.extend(page(route_print_key(r.slug), "route_print", lang, r) for r in site.routes)
        pages.append(page(AGENDA_KEY, "agenda", lang))
        pages.append(page(NOT_FOUND_KEY, "404", lang))
        pages.append(page(OFFLINE_KEY, "offline", lang))
    return pages

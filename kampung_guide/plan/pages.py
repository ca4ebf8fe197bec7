"""Plan the site: which pages exist, in which language, at which address."""

from __future__ import annotations

from dataclasses import dataclass

from ..validate.model import Site


@dataclass(frozen=True)
class Page:
    """One page to render. `key` is its address without the language prefix, shared by twins."""

    key: str  # e.g. "kampung/onde-onde/" ("" for home, "404.html" for the error page)
    lang: str
    kind: str  # home | list | kampung | category | page | 404
    obj: object = None

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

    _languages: tuple[str, ...] = ("id", "en")


def lang_prefix(lang: str, languages: tuple[str, ...]) -> str:
    """`""` for the first language, `"en/"` for the others."""
    return "" if lang == languages[0] else f"{lang}/"


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


PLAN_KEY = "rencana/"


def route_key(slug: str) -> str:
    return f"{PLAN_KEY}{slug}/"


def plan_pages(site: Site) -> list[Page]:
    """Every page of the site, in a stable order: home and list pages first.

    Each kampung has a page per language and one poster, in the first language's folder, that
    serves every language; they are planned side by side because they share QR codes.
    """
    languages = site.config.languages

    def page(key, kind, lang, obj=None):
        return Page(key, lang, kind, obj, languages)

    pages = [page(key, kind, lang) for lang in languages for key, kind in (("", "home"), ("kampung/", "list"))]
    for k in site.kampung:
        pages += [page(kampung_key(k.slug), "kampung", lang, k) for lang in languages]
        pages.append(page(poster_key(k.slug), "poster", languages[0], k))
    for lang in languages:
        pages.append(page("poster/", "posters", lang))
        pages.extend(page(category_key(c.id), "category", lang, c) for c in site.categories.values())
        pages.extend(page(f"{p.slug}/", "page", lang, p) for p in site.pages)
        pages.append(page(PLAN_KEY, "plan", lang))
        pages.extend(page(route_key(r.slug), "route", lang, r) for r in site.routes)
        pages.append(page("404.html", "404", lang))
    return pages

"""Requests counted into the office's figures (page views per kampung and language, QR-poster visits,
search referrers) and written as a CSV and a one-file HTML report with an SVG bar chart."""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict, cast
from urllib.parse import urlsplit

from ..plan.pages import POSTER_MARK, AnyPage, plan_pages
from ..validate.model import Kampung, Site
from .logs import Request

# Search engines by a label of the referrer's host name.
SEARCH_ENGINES = {
    "google": "Google",
    "bing": "Bing",
    "duckduckgo": "DuckDuckGo",
    "yahoo": "Yahoo",
    "yandex": "Yandex",
    "baidu": "Baidu",
    "ecosia": "Ecosia",
    "brave": "Brave Search",
    "qwant": "Qwant",
    "naver": "Naver",
    "startpage": "Startpage",
}
COUNTED_STATUS = (200, 304)  # a page delivered (304: from the browser's cache, still a view)

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Visitors of the guide", "Pengunjung panduan"),
    "period": ("Period", "Periode"),
    "no_views": ("No page views in this period.", "Tidak ada kunjungan halaman pada periode ini."),
    "views": ("Page views", "Tampilan halaman"),
    "total": ("Total", "Jumlah"),
    "kampung": ("Kampung", "Kampung"),
    "slug": ("Page address", "Alamat halaman"),
    "poster": ("From the QR poster", "Dari poster QR"),
    "per_kampung": ("Page views per kampung", "Tampilan halaman per kampung"),
    "per_language": ("Page views per language", "Tampilan halaman per bahasa"),
    "other_pages": ("Other pages", "Halaman lain"),
    "page_kind": ("Page", "Halaman"),
    "search": ("Visits from search engines", "Kunjungan dari mesin pencari"),
    "engine": ("Search engine", "Mesin pencari"),
    "sites": ("Visits from other websites", "Kunjungan dari situs lain"),
    "site": ("Website", "Situs"),
    "visits": ("Visits", "Kunjungan"),
    "none": ("None in this period.", "Tidak ada pada periode ini."),
    "language": ("Language", "Bahasa"),
    "chart": ("Page views per kampung, by language", "Tampilan halaman per kampung, menurut bahasa"),
    "method": (
        "Counted from the web server's access log: each delivered page is one view. Requests by search-engine "
        "robots and other programs are left out ({bots} of them); the log's IP addresses and browser names are "
        "not kept. A visit from a QR poster is a page opened through the code printed on the kampung's poster.",
        "Dihitung dari log akses server web: setiap halaman yang terkirim adalah satu tampilan. Permintaan robot "
        "mesin pencari dan program lain tidak dihitung ({bots} permintaan); alamat IP dan nama peramban di log "
        "tidak disimpan. Kunjungan dari poster QR adalah halaman yang dibuka lewat kode di poster kampung.",
    ),
}
KINDS: dict[str, tuple[str, str]] = {  # the other pages, by their kind in plan/pages.py
    "home": ("Home page", "Beranda"),
    "list": ("List of kampung", "Daftar kampung"),
    "category": ("Category pages", "Halaman kategori"),
    "page": ("Information pages", "Halaman informasi"),
    "plan": ("Visit planner", "Perencana kunjungan"),
    "route": ("Routes", "Rute"),
    "posters": ("Posters (for printing)", "Poster (untuk dicetak)"),
    "poster": ("Posters (for printing)", "Poster (untuk dicetak)"),
}
LANGUAGE_NAMES = {"id": ("Indonesian", "Bahasa Indonesia"), "en": ("English", "Bahasa Inggris")}


def word(key: str, lang: str, table: dict[str, tuple[str, str]] = WORDS) -> str:
    pair = table.get(key, (key, key))
    return pair[1] if lang == "id" else pair[0]


def language_name(code: str, lang: str) -> str:
    pair = LANGUAGE_NAMES.get(code, (code, code))
    return pair[1] if lang == "id" else pair[0]


@dataclass
class KampungViews:
    slug: str
    name: str
    views: Counter[str] = field(default_factory=Counter)  # by language
    poster: int = 0

    @property
    def total(self) -> int:
        return sum(self.views.values())


@dataclass
class Stats:
    """The figures of a period; nothing in them names a visitor."""

    languages: tuple[str, ...]
    kampung: list[KampungViews]
    by_language: Counter[str] = field(default_factory=Counter)
    other_pages: Counter[str] = field(default_factory=Counter)  # by page kind
    search: Counter[str] = field(default_factory=Counter)  # by engine
    sites: Counter[str] = field(default_factory=Counter)  # by host
    bots: int = 0
    first: datetime.date | None = None
    last: datetime.date | None = None

    @property
    def total(self) -> int:
        return sum(self.by_language.values())

    @property
    def poster_total(self) -> int:
        return sum(k.poster for k in self.kampung)


def base_path(base_url: str | None) -> str:
    """`/guide/` from `https://example.org/guide/` (the site's place on its host); `/` by default."""
    path = urlsplit(base_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def count(
    requests: Iterable[Request],
    site: Site,
    base_url: str | None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    lang: str = "id",
) -> Stats:
    """The figures for the requests between `start` and `end` (dates, both included)."""
    pages = {page.url: page for page in plan_pages(site) if page.kind.name != "404"}
    name_lang = lang if lang in site.config.languages else site.config.languages[0]
    rows = {k.slug: KampungViews(k.slug, k.name.get(name_lang)) for k in site.kampung}
    stats = Stats(site.config.languages, list(rows.values()))
    prefix, own_host = base_path(base_url), urlsplit(base_url or "").hostname
    for request in requests:
        day = request.time.date()
        if (start and day < start) or (end and day > end):
            continue
        if request.bot:
            stats.bots += 1
            continue
        page = find_page(request, pages, prefix)
        if page is None:
            continue
        stats.first, stats.last = min(stats.first or day, day), max(stats.last or day, day)
        stats.by_language[page.lang] += 1
        if page.kind.name == "kampung":  # a kampung page's object is its Kampung (plan_pages)
            rows[cast(Kampung, page.obj).slug].views[page.lang] += 1
            rows[cast(Kampung, page.obj).slug].poster += POSTER_MARK in request.query
        else:
            stats.other_pages[page.kind.name] += 1
        count_referrer(stats, request.referrer, own_host)
    stats.kampung.sort(key=lambda k: (-k.total, k.name))
    return stats


def find_page(request: Request, pages: dict[str, AnyPage], prefix: str) -> AnyPage | None:
    """The page of the site a request delivered, or None (an asset, a missing page, a failed request)."""
    if request.method != "GET" or request.status not in COUNTED_STATUS or not request.path.startswith(prefix):
        return None
    address = request.path[len(prefix) :].removesuffix("index.html")
    return pages.get(address) or (pages.get(address + "/") if address else None)


def count_referrer(stats: Stats, referrer: str, own_host: str | None) -> None:
    """A visit from a search engine (by name) or another website (by host); the guide's own pages are not."""
    host = (urlsplit(referrer).hostname or "") if referrer else ""
    if not host or host == own_host:
        return
    labels = host.removeprefix("www.").split(".")
    engine = next((SEARCH_ENGINES[label] for label in labels if label in SEARCH_ENGINES), None)
    if engine:
        stats.search[engine] += 1
    else:
        stats.sites[host.removeprefix("www.")] += 1


# -- writing ------------------------------------------------------------------------------------


def report_csv(stats: Stats, lang: str) -> str:
    """One row per kampung: page views in each language, the total and the visits from the poster."""
    out = io.StringIO()
    writer = csv.writer(out)
    views = [f"{word('views', lang)} ({language_name(code, lang)})" for code in stats.languages]
    writer.writerow([word("slug", lang), word("kampung", lang), *views, word("total", lang), word("poster", lang)])
    for k in stats.kampung:
        writer.writerow([k.slug, k.name, *(k.views[code] for code in stats.languages), k.total, k.poster])
    return out.getvalue()


BAR_COLOURS = ("#7a3b12", "#0b6e4f", "#1a5fb4", "#6b4c9a")  # the site's brand, accent and focus colours


def chart(stats: Stats, lang: str, width: int = 720) -> dict[str, object]:
    """The bar chart's geometry, ready for the template: one stacked bar per kampung, by language."""
    label_width, row, top = 230, 30, 34
    largest = max((k.total for k in stats.kampung), default=0) or 1
    scale = (width - label_width - 60) / largest
    bars: list[dict[str, object]] = []
    for i, k in enumerate(stats.kampung):
        x: float  # from the labels' int width, then along the bar's parts
        x, parts = label_width, []
        for j, code in enumerate(stats.languages):
            length = k.views[code] * scale
            if length:
                parts.append({"x": round(x, 1), "width": round(length, 1), "colour": BAR_COLOURS[j % 4]})
            x += length
        y = top + i * row
        name = k.name if len(k.name) <= 32 else k.name[:31] + "…"  # the table below has it in full
        bars.append({"text_y": y + 15, "rect_y": y + 2, "name": name, "total": k.total, "parts": parts})
        bars[-1]["end"] = round(x + 6, 1)
    legend = [
        {"x": x, "text_x": x + 20, "colour": BAR_COLOURS[i % 4], "name": language_name(code, lang)}
        for i, code in enumerate(stats.languages)
        for x in (label_width + i * 170,)
    ]
    height = top + len(bars) * row + 10
    return {"width": width, "height": height, "bars": bars, "legend": legend, "label_x": label_width - 8}


def other_pages(stats: Stats, lang: str) -> list[tuple[str, int]]:
    """Views of the pages that are not a kampung's, by kind (both poster kinds as one line)."""
    named: Counter[str] = Counter()
    for kind, n in stats.other_pages.items():
        named[word(kind, lang, KINDS)] += n
    return sorted(named.items(), key=lambda item: (-item[1], item[0]))


class ReportView(TypedDict):
    """What the HTML report (templates/stats-report.html) and the printed summary show."""

    lang: str
    w: dict[str, str]  # the report's words
    method: str
    site_title: str
    period: str
    total: int
    poster_total: int
    languages: list[tuple[str, int]]  # (language name, page views)
    language_names: list[str]
    kampung: list[dict[str, object]]
    other_pages: list[tuple[str, int]]
    search: list[tuple[str, int]]
    sites: list[tuple[str, int]]
    chart: dict[str, object]


def report_view(stats: Stats, lang: str, site_title: str) -> ReportView:
    """Everything the HTML report shows, as ready values."""

    def day(value: datetime.date | None) -> str:
        return value.isoformat() if value else "–"

    return {
        "lang": lang,
        "w": {key: word(key, lang) for key in WORDS},
        "method": word("method", lang).format(bots=stats.bots),
        "site_title": site_title,
        "period": f"{day(stats.first)} – {day(stats.last)}",
        "total": stats.total,
        "poster_total": stats.poster_total,
        "languages": [(language_name(code, lang), stats.by_language[code]) for code in stats.languages],
        "language_names": [language_name(code, lang) for code in stats.languages],
        "kampung": [
            {
                "slug": k.slug,
                "name": k.name,
                "views": [k.views[c] for c in stats.languages],
                "total": k.total,
                "poster": k.poster,
            }
            for k in stats.kampung
        ],
        "other_pages": other_pages(stats, lang),
        "search": stats.search.most_common(10),
        "sites": stats.sites.most_common(10),
        "chart": chart(stats, lang),
    }

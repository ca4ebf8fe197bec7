"""The list page's search index, one per language, written as a script that sets `window.GUIDE_SEARCH`.

A script rather than JSON because fetch() of a local file fails when the site is opened from disk;
a relative <script src> loads from file:// and from any sub-path. Rows are arrays with their field
names listed once, and opening-hours weeks and areas are shared tables, so 1,000 kampung stay small.
"""

from __future__ import annotations

import json
import re
from functools import partial

from ..plan.pages import search_index_name
from ..render.making import children_welcome, making_week
from ..util.memo import IdentityMemo
from ..validate.hours import week
from ..validate.model import Experience, Kampung, Product, Site
from .searchtext import index_tokens

FIELDS = (
    "slug",
    "href",
    "name",
    "category",
    "areas",
    "address",
    "workshop",
    "price",
    "hours",
    "tokens",
    "making",  # the week in which something can be watched being made (an index into weeks), or null
    "children",  # 1 when the workshop rules welcome children
    "checked",  # the date the facts were last checked, or ""
)
_AREA = re.compile(r"\b(Kelurahan|Kecamatan|Kel\.|Kec\.)\s*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)")


def index_names(site: Site) -> tuple[str, ...]:
    """The index scripts' names under assets/, one per language."""
    return tuple(search_index_name(lang) for lang in site.config.languages)


def search_assets(site: Site, languages: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """Each language's index script (or those of `languages`), keyed by its path in the output folder."""
    return {
        f"assets/{search_index_name(lang)}": index_script(search_index(site, lang))
        for lang in languages or site.config.languages
    }


def index_script(index: dict) -> bytes:
    """`window.GUIDE_SEARCH = {...};`, ASCII only, so the page's charset never matters."""
    return b"window.GUIDE_SEARCH=" + json.dumps(index, separators=(",", ":")).encode() + b";\n"


_PARTS = IdentityMemo()  # what a profile gives its row, kept across the preview's rebuilds


def search_index(site: Site, lang: str) -> dict:
    """The index for the list page in `lang`: shared tables and one row per kampung, by slug."""
    categories = {c: i for i, c in enumerate(site.categories)}
    parts = [
        _PARTS.get(k, (lang, site.categories[k.category].name.get(lang)), partial(row_parts, k, site, lang))
        for k in sorted(site.kampung, key=lambda k: k.slug)
    ]
    areas = sorted({area for part in parts for area in part[3]})
    weeks = sorted({week for part in parts for week in (part[7], part[9]) if week is not None})
    area_index, week_index = {a: i for i, a in enumerate(areas)}, {w: i for i, w in enumerate(weeks)}
    rows = [
        [
            slug,
            f"{slug}/",
            name,
            categories[category],
            [area_index[a] for a in own_areas],
            address,
            workshop,
            price,
            week_index.get(hours),
            tokens,
            week_index.get(making),
            children,
            checked,
        ]
        for slug, name, category, own_areas, address, workshop, price, hours, tokens, making, children, checked in parts
    ]
    return {
        "v": 1,
        "lang": lang,
        "fields": list(FIELDS),
        "categories": [[c, site.categories[c].name.get(lang)] for c in categories],
        "areas": [list(area) for area in areas],
        "weeks": [json.loads(w) for w in weeks],
        "kampung": rows,
    }


def row_parts(k: Kampung, site: Site, lang: str) -> tuple:
    """A kampung's row before the shared tables are known: its areas and week as values, not indexes."""
    table = week_table(k)
    return (
        k.slug,
        k.name.get(lang),
        k.category,
        kampung_areas(k, lang),
        k.location.address.get(lang) if k.location.address else "",
        1 if k.experiences else 0,
        price_range(k),
        json.dumps(table) if table is not None else None,
        " ".join(index_tokens(searchable_text(k, site, lang), lang)),
        *visit_parts(k),
    )


def visit_parts(k: Kampung) -> tuple:
    """What the visit filters need: the making week (as JSON, shared like the opening weeks),
    whether children are welcome, and when the facts were checked."""
    making = making_week(k)
    return (json.dumps(making) if making is not None else None, 1 if children_welcome(k) else 0, k.checked or "")


def searchable_text(k: Kampung, site: Site, lang: str) -> str:
    """Everything a visitor may search for: name, summary, products, experiences, tags, category, areas."""
    parts = [k.name.get(lang), k.summary.get(lang), site.categories[k.category].name.get(lang), *k.tags]
    items: tuple[Product | Experience, ...] = (*k.products, *k.experiences)
    for item in items:
        parts += [item.name.get(lang), item.description.get(lang) if item.description else ""]
    parts += [name for _, name in kampung_areas(k, lang)]
    return " ".join(parts)


def kampung_areas(k: Kampung, lang: str) -> list[tuple[str, str]]:
    """(kind, name) of each kelurahan ("kel") and kecamatan ("kec") named in the address."""
    return parse_areas(k.location.address.get(lang)) if k.location.address else []


def parse_areas(address: str) -> list[tuple[str, str]]:
    """`Kelurahan Miji (Kecamatan Kranggan)` -> [("kel", "Miji"), ("kec", "Kranggan")], in order, once each."""
    found = []
    for word, name in _AREA.findall(address):
        kind = "kel" if word.lower().startswith("kel") else "kec"
        found.append((kind, name))
    return list(dict.fromkeys(found))


def week_table(k: Kampung) -> list | None:
    """Opening spans per weekday, Monday first, as [[start, end], ...] in minutes; None when unknown."""
    if not k.opening_hours:
        return None
    return [[list(span) for span in spans] for spans in week(k.opening_hours.rules)]


def price_range(k: Kampung) -> list[int] | None:
    """[lowest, highest] rupiah over products and experiences, or None when no price is known."""
    items: tuple[Product | Experience, ...] = (*k.products, *k.experiences)
    prices = [item.price_idr for item in items if item.price_idr]
    return [min(p.low for p in prices), max(p.high for p in prices)] if prices else None

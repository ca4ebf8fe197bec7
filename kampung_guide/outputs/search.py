"""The list page's search index, one per language, written as a script that sets `window.GUIDE_SEARCH`.

A script rather than JSON because fetch() of a local file fails when the site is opened from disk;
a relative <script src> loads from file:// and from any sub-path. Rows are arrays with their field
names listed once, and opening-hours weeks and areas are shared tables, so 1,000 kampung stay small.
"""

from __future__ import annotations

import bisect
import json
from functools import partial

from ..plan.pages import search_index_name
from ..render.context import name_order
from ..render.filters import kampung_areas, price_range, week_table
from ..render.making import children_welcome, making_week
from ..util.memo import IdentityMemo
from ..validate.model import Experience, Kampung, Product, Site
from .searchtext import drop_prefixes, index_tokens, split_words, variant_groups

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
    "other",
    "making",  # the week in which something can be watched being made (an index into weeks), or null
    "children",  # 1 when the workshop rules welcome children
    "checked",  # the date the facts were last checked, or ""
)
MIN_SITE_WORD = 3  # shorter words of the site's title ("of") would match every kampung for nothing


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
    """The index for the list page in `lang`: shared tables and one row per kampung, in the list's order
    (by name), which is also the order of equally ranked results."""
    categories = {c: i for i, c in enumerate(site.categories)}
    parts = [
        _PARTS.get(k, (lang, category_names(site, k)), partial(row_parts, k, site, lang))
        for k in sorted(site.kampung, key=name_order(lang))  # as the list page, whose cards search.js pairs by row
    ]
    areas = sorted({area for part in parts for area in part[3]})
    weeks = sorted({week for part in parts for week in (part[7], part[10]) if week is not None})
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
            other,
            week_index.get(making),
            *visit,  # children, checked
        ]
        for slug, name, category, own_areas, address, workshop, price, hours, tokens, other, making, *visit in parts
    ]
    return {
        "v": 2,
        "lang": lang,
        "fields": list(FIELDS),
        "site": " ".join(site_tokens(site, lang)),
        "variants": variant_groups(site.config.search_variants),
        "categories": [[c, site.categories[c].name.get(lang)] for c in categories],
        "areas": [list(area) for area in areas],
        "weeks": [json.loads(w) for w in weeks],
        "kampung": rows,
    }


def row_parts(k: Kampung, site: Site, lang: str) -> tuple:
    """A kampung's row before the shared tables are known: its areas and week as values, not indexes."""
    table = week_table(k)
    own = index_tokens(searchable_text(k, site, lang), lang)
    return (
        k.slug,
        k.name.get(lang),
        k.category,
        kampung_areas(k, lang),
        k.location.address.get(lang) if k.location.address else "",
        1 if k.experiences else 0,
        price_range(k),
        json.dumps(table) if table is not None else None,
        " ".join(own),
        " ".join(other_tokens(k, site, lang, own)),
        *visit_parts(k),
    )


def visit_parts(k: Kampung) -> tuple:
    """What the visit filters need: the making week (as JSON, shared like the opening weeks),
    whether children are welcome, and when the facts were checked."""
    making = making_week(k)
    return (json.dumps(making) if making is not None else None, 1 if children_welcome(k) else 0, k.checked or "")


def category_names(site: Site, k: Kampung) -> tuple[str, ...]:
    """The kampung's category name in every language (a row shows them all: its own and the others')."""
    return tuple(site.categories[k.category].name.get(lang) for lang in site.config.languages)


def other_tokens(k: Kampung, site: Site, lang: str, own: list[str]) -> list[str]:
    """The tokens of the kampung's texts in the site's other languages that its own tokens do not
    already find: a visitor may search in either language (found, but ranked lower)."""
    found = set()
    for other in site.config.languages:
        if other != lang:
            found.update(index_tokens(searchable_text(k, site, other), other))
    return [token for token in drop_prefixes(sorted(found)) if not starts_one(token, own)]


def starts_one(token: str, tokens: list[str]) -> bool:
    """Whether `token` starts one of the sorted `tokens`."""
    i = bisect.bisect_left(tokens, token)
    return i < len(tokens) and tokens[i].startswith(token)


def site_tokens(site: Site, lang: str) -> list[str]:
    """The words of the site's title (in every language) and city, as written (no stems: "Perajin"
    in a title must not make "rajin" match everything): true of every kampung it lists."""
    config = site.config
    text = " ".join([*(config.title.get(other) for other in config.languages), config.city])
    return drop_prefixes(sorted({word for word in split_words(text) if len(word) >= MIN_SITE_WORD}))


def searchable_text(k: Kampung, site: Site, lang: str) -> str:
    """Everything a visitor may search for: name, summary, products, experiences, tags, category, areas."""
    parts = [k.name.get(lang), k.summary.get(lang), site.categories[k.category].name.get(lang), *k.tags]
    items: tuple[Product | Experience, ...] = (*k.products, *k.experiences)
    for item in items:
        parts += [item.name.get(lang), item.description.get(lang) if item.description else ""]
    parts += [name for _, name in kampung_areas(k, lang)]
    return " ".join(parts)

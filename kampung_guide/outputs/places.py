"""The site's places, once per language: a script that sets `window.GUIDE_PLACES` for the home page's
overview map and the planner (its map, its kampung search, its routes and opening hours).

One shared, cacheable file instead of every pin and every checkbox in each page's HTML: the home page
and the planner stay the same size however many kampung the guide has, a visitor downloads the places
once for both, and the service worker keeps them for offline use. A script rather than JSON because
fetch() of a local file fails when the site is opened from disk; a relative <script src> loads from
file:// and from any sub-path. Rows are arrays with their field names listed once, in name order;
categories and opening-hours weeks are shared tables.
"""

from __future__ import annotations

import json
from functools import partial

from ..plan.pages import kampung_key, lang_prefix, places_name
from ..render.context import name_order
from ..render.filters import week_table
from ..render.making import making_week
from ..render.maps import rounded
from ..util.memo import IdentityMemo
from ..validate.model import Kampung, Site

FIELDS = ("slug", "lat", "lon", "name", "category", "hours", "approximate", "making")
# FIELDS, with the category id and the weeks as JSON (approximate: 1 where the pin marks only the area;
# making: the week in which making can be watched, where its hours are known)
RowParts = tuple[str, float, float, str, str, str | None, int, str | None]


_ROWS = IdentityMemo()  # what a profile gives its row, kept across the preview's rebuilds


def places_assets(site: Site) -> dict[str, bytes]:
    """Each language's places script, keyed by its path in the output folder."""
    return {f"assets/{places_name(lang)}": places_script(places(site, lang)) for lang in site.config.languages}


def places_script(value: dict[str, object]) -> bytes:
    """`window.GUIDE_PLACES = {...};`, ASCII only, so the page's charset never matters."""
    return b"window.GUIDE_PLACES=" + json.dumps(value, separators=(",", ":")).encode() + b";\n"


def places(site: Site, lang: str) -> dict[str, object]:
    """The places of the site in `lang`: one row per kampung, sorted by its name there."""
    categories = {c: i for i, c in enumerate(site.categories)}
    parts = [_ROWS.get(k, lang, partial(row_parts, k, lang)) for k in sorted(site.kampung, key=name_order(lang))]
    weeks = sorted({week for part in parts for week in (part[5], part[7]) if week is not None})
    week_index = {w: i for i, w in enumerate(weeks)}
    rows = [
        [
            *part[:4],
            categories[part[4]],
            week_index[part[5]] if part[5] is not None else None,
            part[6],
            week_index[part[7]] if part[7] is not None else None,
        ]
        for part in parts
    ]
    return {
        "v": 1,
        "lang": lang,
        "href": lang_prefix(lang, site.config.languages) + kampung_key("{slug}"),  # from the site's root
        "fields": list(FIELDS),
        "categories": [[c.id, c.name.get(lang), c.icon or ""] for c in site.categories.values()],
        "weeks": [json.loads(w) for w in weeks],
        "kampung": rows,
    }


def row_parts(k: Kampung, lang: str) -> RowParts:
    """A kampung's row before the shared tables are known: its category id and week as values."""
    table, making = week_table(k), making_week(k)
    return (
        k.slug,
        rounded(k.location.lat),
        rounded(k.location.lon),
        k.name.get(lang),
        k.category,
        json.dumps(table) if table is not None else None,
        int(k.location.approximate),
        json.dumps(making) if making is not None else None,
    )

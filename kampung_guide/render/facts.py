"""Where a page's facts come from, where to buy, whom to ask: the values the kampung, page and
route views, the maps and the planner share (sources, outlets and `arranged_by` of the content)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..plan.pages import AnyPage, kampung_key
from ..util.geo import distance_km
from ..validate.model import Kampung, Organiser, Outlet, Source
from . import i18n, links, maps
from .context import Values, ViewContext, contact_links

OUTLET_PIN = "_outlet"  # an outlet's pin class (pin--_outlet): no category id can be this (ids are slugs)
OUTLET_ICON = "🛍️"
SAME_PLACE_KM = 0.03  # an outlet this close to its kampung's pin is that pin's place: no second marker on top
OUTLETS_ID = "beli"  # the kampung page's "where to buy" section, for links from the planner and the map


def source_entries(sources: tuple[Source, ...], lang: str) -> list[dict[str, str]]:
    """A page's sources as its "Sources" list shows them: title, link, publisher's host, date."""
    return [
        {
            "title": s.title,
            "url": s.url,
            "host": host_name(s.url),
            "date": i18n.format_report_date(s.date, lang),
            "iso": s.date,
        }
        for s in sources
    ]


def host_name(url: str) -> str:
    """`jatim.antaranews.com` from a report's address (who published it, at a glance)."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def office_for(k: Kampung, ctx: ViewContext, lang: str) -> str:
    """Whom a kampung page's "ask …" lines name: the organisation that arranges its visits, else the office."""
    return k.arranged_by.running_name(lang) if k.arranged_by else ctx.office(lang)


def organiser_entry(organiser: Organiser | None, lang: str) -> Values | None:
    """Who arranges visits, as the kampung page's facts show them."""
    if organiser is None:
        return None
    return {
        "name": organiser.name.get(lang),
        "arranges": organiser.arranges.get(lang) if organiser.arranges else "",
        "address": organiser.address.get(lang) if organiser.address else "",
        "links": contact_links(organiser, lang),
    }


def outlet_entries(k: Kampung, lang: str) -> list[Values]:
    """A kampung's outlets as its "where to buy" section shows them."""
    return [
        {
            "id": f"{OUTLETS_ID}-{n}",
            "name": o.name.get(lang),
            "sells": o.sells.get(lang) if o.sells else "",
            "address": o.location.address.get(lang) if o.location.address else "",
            "approximate": o.location.approximate,
            "hours": i18n.hours_table(o.opening_hours, lang) if o.opening_hours else [],
            "directions": links.directions(o.location.lat, o.location.lon, o.name.get(lang)),
        }
        for n, o in enumerate(k.outlets, 1)
    ]


def outlet_pin(o: Outlet, lang: str, url: str = "") -> maps.Pin:
    """An outlet's pin: its own marker style (pin--_outlet) and a shopping-bag symbol."""
    t = i18n.ui(lang)
    return maps.pin(o.location.lat, o.location.lon, o.name.get(lang), OUTLET_PIN, OUTLET_ICON, url, t("outlet_pin"))


def own_place(k: Kampung, o: Outlet) -> bool:
    """Whether an outlet is where its kampung's pin is (a showroom at the centre itself)."""
    return distance_km(k.location.lat, k.location.lon, o.location.lat, o.location.lon) < SAME_PLACE_KM


def kampung_outlet_pins(k: Kampung, lang: str) -> tuple[maps.Pin, ...]:
    """A kampung map's outlet markers, each linking its entry on the page; none on top of the kampung's pin."""
    return tuple(outlet_pin(o, lang, f"#{OUTLETS_ID}-{n}") for n, o in enumerate(k.outlets, 1) if not own_place(k, o))


def site_outlets(kampung: tuple[Kampung, ...] | list[Kampung]) -> list[tuple[str, Kampung, Outlet]]:
    """Every outlet once (two kampung may list the same shop: same name and pin), with a stable key
    (`<slug>.<n>`: a dot never appears in a kampung's slug) and the first kampung that lists it."""
    return [(key, k, o) for key, k, o, _ in shared_outlets(kampung)]


def shared_outlets(kampung: tuple[Kampung, ...] | list[Kampung]) -> list[tuple[str, Kampung, Outlet, list[Kampung]]]:
    """`site_outlets`, each with every kampung that lists it."""
    found: dict[tuple[str, float, float], tuple[str, Kampung, Outlet, list[Kampung]]] = {}
    for k in sorted(kampung, key=lambda k: k.slug):
        for n, o in enumerate(k.outlets, 1):
            same = (o.name.get(o.name.fallback), round(o.location.lat, 5), round(o.location.lon, 5))
            found.setdefault(same, (f"{k.slug}.{n}", k, o, []))[3].append(k)
    return list(found.values())


def outlet_href(ctx: ViewContext, page: AnyPage, k: Kampung, n: int) -> str:
    """The link to an outlet: its entry in the "where to buy" section of the kampung that lists it."""
    return ctx.href(page, kampung_key(k.slug)) + f"#{OUTLETS_ID}-{n}"

"""The "plan your visit" pages: the planner page, one page per suggested route, and each route's
GPX and GeoJSON files. Values for templates and files; no disk I/O here.
"""

from __future__ import annotations

from urllib.parse import urlencode

from markupsafe import Markup

from ..plan.pages import (
    GEOJSON_NAME,
    GPX_NAME,
    PLAN_KEY,
    AnyPage,
    Page,
    kampung_key,
    lang_prefix,
    route_key,
    route_print_key,
)
from ..util import travel
from ..util.scriptjson import script_json
from ..validate.hours import week
from ..validate.model import Kampung, Outlet, Route
from . import facts, i18n, links, making, maps
from .context import Values, ViewContext
from .sketch import Stop, sketch_svg


def safe_json(value: object) -> Markup:
    """JSON for a <script type="application/json"> island that cannot end its element."""
    return Markup(script_json(value, sort_keys=True))


def estimates_note(words: i18n.Language) -> str:
    """How distances and times are estimated, with the detour factor and the speeds."""
    t = words.t
    speeds = ", ".join(
        t("speed", mode=t(f"mode_{m}").lower(), kmh=words.decimal(travel.SPEED_KMH[m])) for m in travel.MODES
    )
    return t("route_estimates", detour=words.decimal(travel.DETOUR), speeds=speeds)


def hours_summary(k: Kampung, words: i18n.Language) -> str:
    """Opening hours in one line, days with the same hours grouped: `Senin–Sabtu 08.00–16.00; Minggu Tutup`."""
    return i18n.hours_line(k.opening_hours, words.code) if k.opening_hours else ""


def route_legs(stops: list[Kampung], mode: str, words: i18n.Language) -> tuple[list[str], dict[str, str]]:
    """Each leg as text, and the totals (straight-line and street distance, travel time)."""
    kms = travel.leg_distances([(k.location.lat, k.location.lon) for k in stops])
    minutes = [travel.travel_minutes(km, mode) for km in kms]
    legs = [
        words.t("route_leg", distance=words.distance(km), time=words.duration(max(m, 1)))
        for km, m in zip(kms, minutes, strict=True)
    ]
    total = sum(kms)
    return legs, {
        "straight": words.distance(total),
        "road": words.distance(travel.road_km(total)),
        "time": words.duration(max(sum(minutes), 1)),
    }


def route_map(
    ctx: ViewContext, page: AnyPage, stops: list[Kampung], numbered: bool, line: bool, outlets: bool = False
) -> Values:
    """The page's map: a pin per kampung (numbered on a route), no popup links, and the route's line;
    the planner's also shows the places to buy, its optional stops."""
    pins = [ctx.pin(page, k, link=False) for k in stops]
    if numbered:
        pins = [pin._replace(icon=str(n)) for n, pin in enumerate(pins, 1)]
    if outlets:
        pins += [facts.outlet_pin(o, page.lang) for _, k, o in facts.site_outlets(stops) if not facts.own_place(k, o)]
    data = maps.MapData.fitted(
        ctx.site.config.map,
        pins=tuple(pins),
        line=tuple((k.location.lat, k.location.lon) for k in stops) if line else (),
    )
    return maps.map_values(data)


def planner_query(route: Route) -> str:
    """The planner's address query for a suggested route, e.g. `?stops=a,b&start=a&mode=walk`."""
    return "?" + urlencode({"stops": ",".join(route.stops), "start": route.stops[0], "mode": route.mode}, safe=",")


def route_card(ctx: ViewContext, page: AnyPage, route: Route) -> dict[str, str]:
    """A suggested route on the planner page: name, link, mode, stops and distance."""
    lang, t = page.lang, ctx.ui(page.lang)
    stops = ctx.site.route_stops(route)
    _, totals = route_legs(stops, route.mode, ctx.language(lang))
    return {
        "name": route.name.get(lang),
        "href": ctx.href(page, route_key(route.slug)),
        "stops": ", ".join(k.name.get(lang) for k in stops),
        "meta": t("route_card", mode=t(f"mode_{route.mode}"), n=len(stops), distance=totals["straight"]),
    }


def route_view(page: Page[Route], ctx: ViewContext) -> Values:
    """What a suggested route's page shows without JavaScript: stops, legs, totals, map, downloads."""
    route, lang = page.obj, page.lang
    words = ctx.language(lang)
    t = words.t
    stops = ctx.site.route_stops(route)
    legs, totals = route_legs(stops, route.mode, words)
    points = [(k.location.lat, k.location.lon) for k in stops]
    rows = [
        {
            "n": n,
            "name": k.name.get(lang),
            "href": ctx.href(page, kampung_key(k.slug)),
            "category": ctx.site.categories[k.category],
            "hours": hours_summary(k, words),
            "approximate": k.location.approximate,
            "leg": legs[n - 1] if n <= len(legs) else "",
        }
        for n, k in enumerate(stops, 1)
    ]
    name = route.name.get(lang)
    return {
        "title": name,
        "sources": facts.source_entries(route.sources, lang),
        "route": route,
        "name": name,
        "mode": t(f"mode_{route.mode}"),
        "description": t("route_card", mode=t(f"mode_{route.mode}"), n=len(stops), distance=totals["straight"]),
        "description_html": ctx.markdown(page, route.description),
        "stops": rows,
        "totals": totals,
        "name_shown": ctx.shown(route.name, lang),
        "description_shown": ctx.shown(route.description, lang),
        "estimates": estimates_note(words),
        "map": route_map(ctx, page, stops, numbered=True, line=True),
        "map_label": f"{t('route_map')}: {name}",
        "gpx_href": GPX_NAME,
        "geojson_href": GEOJSON_NAME,
        "file_stem": route.slug,
        "map_app": travel.map_app_url(points, route.mode),
        "map_app_partial": t("map_app_partial", n=travel.MAX_WAYPOINTS + 2)
        if len(points) > travel.MAX_WAYPOINTS + 2
        else "",
        "plan_href": ctx.href(page, PLAN_KEY),
        "planner_href": ctx.href(page, PLAN_KEY) + planner_query(route),
        "print_href": ctx.href(page, route_print_key(route.slug)),
    }


def route_print_view(page: Page[Route], ctx: ViewContext) -> Values:
    """A suggested route on one A4 sheet: a sketch map from the pins, and for each stop what a
    visitor needs on paper (address, making times, rules, WhatsApp, a QR code to its page)."""
    route, lang = page.obj, page.lang
    words = ctx.language(lang)
    t = words.t
    stops = ctx.site.route_stops(route)
    legs, totals = route_legs(stops, route.mode, words)
    name = route.name.get(lang)
    sketch = [
        Stop(k.location.lat, k.location.lon, k.name.get(lang), ctx.site.categories[k.category].color) for k in stops
    ]
    return {
        "title": name,
        "description": t("route_card", mode=t(f"mode_{route.mode}"), n=len(stops), distance=totals["straight"]),
        "robots": "noindex",
        "stylesheets": ["print.css"],
        "name": name,
        "mode": t(f"mode_{route.mode}"),
        "totals": totals,
        "estimates": estimates_note(words),
        "sketch": Markup(sketch_svg(sketch, f"{t('route_map')}: {name}", lang, height=250 if len(stops) <= 4 else 180)),
        "stops": [print_stop(page, ctx, k, n, legs) for n, k in enumerate(stops, 1)],
        "route_href": ctx.href(page, route_key(route.slug)),
        "has_qr": bool(ctx.base_url),
    }


def print_stop(page: Page[Route], ctx: ViewContext, k: Kampung, n: int, legs: list[str]) -> Values:
    """One stop of a printed route."""
    lang, words = page.lang, ctx.language(page.lang)
    t = words.t
    office = ctx.office(lang)
    url = ctx.absolute(lang_prefix(lang, ctx.languages) + kampung_key(k.slug))
    name = k.name.get(lang)
    return {
        "n": n,
        "name": name,
        "category": ctx.site.categories[k.category],
        "address": k.location.address.get(lang) if k.location.address else t("ask_office", office=office),
        "hours": hours_summary(k, words),
        "making": making.making_entries(k, lang, office),
        "rules": [(icon, text) for icon, _, text in i18n.rules_rows(k.rules, words)] if k.rules else [],
        "whatsapp": links.format_mobile(k.contact.whatsapp) if k.contact.whatsapp else "",
        "qr": ctx.qr(url, 96, f"{t('print_scan')}: {name}"),
        "url": url,
        "leg": t("print_next", leg=legs[n - 1]) if n <= len(legs) else "",
    }


PLAN_LIST = 30  # kampung listed to tick at once; a larger guide's planner finds them by name instead
PLAN_MATCHES = 12  # of those a search finds, how many are listed (with the ticked ones)


def plan_view(page: Page[None], ctx: ViewContext) -> Values:
    """The planner page: suggested routes, the kampung to tick (all of a small guide; a search over
    the shared places script for a larger one), and the data plan.js needs."""
    lang, words = page.lang, ctx.language(page.lang)
    t = words.t
    chosen = ctx.sorted_kampung(lang)
    searchable = len(chosen) > PLAN_LIST
    listed = chosen[:PLAN_MATCHES] if searchable else chosen  # as plan.js lists them before a word is typed
    return {
        "title": t("plan_title"),
        "description": t("plan_intro"),
        "routes": [route_card(ctx, page, r) for r in ctx.site.routes],
        "choices": [
            ctx.memo.get(
                k,
                ("choice", lang, page.root),
                lambda k=k: {  # type: ignore[misc]  # mypy cannot infer a lambda with a default
                    "slug": k.slug,
                    "name": k.name.get(lang),
                    "category": ctx.site.categories[k.category],
                },
            )
            for k in listed
        ],
        "searchable": searchable,
        "search_status": (
            t("plan_search_count", shown=PLAN_MATCHES, n=i18n.format_number(len(chosen), lang)) if searchable else ""
        ),
        "modes": [(m, t(f"mode_{m}")) for m in travel.MODES],
        "days": list(enumerate(words.day_names)),
        "visit": travel.VISIT_MINUTES,
        "estimates": estimates_note(words),
        "outlet_choices": [
            {"key": key, "name": o.name.get(lang), "of": ", ".join(other.name.get(lang) for other in listed)}
            for key, _, o, listed in facts.shared_outlets(chosen)
        ],
        "plan_data": safe_json(plan_data(ctx, page, chosen)),
        "map": ctx.places_map(page, links=False, extra=outlet_pins(page, chosen)),
        "places_script": ctx.places_script(page),
        "map_label": t("route_map"),
    }


def outlet_pins(page: AnyPage, chosen: list[Kampung]) -> tuple[maps.Pin, ...]:
    """The places to buy on the planner's map (its optional stops), beside the kampung of the places script."""
    return tuple(facts.outlet_pin(o, page.lang) for _, k, o in facts.site_outlets(chosen) if not facts.own_place(k, o))


def outlet_place(ctx: ViewContext, page: AnyPage, k: Kampung, o: Outlet) -> list[object]:
    """A place to buy as the planner's stops are given: place, name, link to it, weekly hours."""
    n = k.outlets.index(o) + 1
    return [
        round(o.location.lat, 6),
        round(o.location.lon, 6),
        i18n.ui(page.lang)("outlet_of", name=o.name.get(page.lang)),
        facts.outlet_href(ctx, page, k, n),
        [[list(span) for span in spans] for spans in week(o.opening_hours.rules)] if o.opening_hours else None,
    ]


def plan_data(ctx: ViewContext, page: AnyPage, chosen: list[Kampung]) -> Values:
    """The planner's data island: the places to buy (the kampung come from the places script, with
    their opening and making hours), the speeds and the words."""
    lang, t = page.lang, ctx.ui(page.lang)
    words = [
        "route_leg",
        "route_straight",
        "route_road",
        "route_travel",
        "route_total",
        "stay",
        "hours_ok",
        "hours_clash",
        "no_hours",
        "plan_pick_more",
        "hours_minutes",
        "closed",
        "map_app_partial",
        "route_all_stops",
        "open_map_app",
        "download_gpx",
        "download_geojson",
        "share_whatsapp",
        "route_take",
        "plan_search_count",
        "plan_search_none",
        "kampung_count_1",
        "kampung_count_n",
        "share_plan_text",
        "share_plan_offline",
        "route_file_name",
        "route_named",
        "and",
        "making_ok",
        "making_clash",
        "making_reordered",
        "making_missed",
        "making_none_day",
    ]
    return {
        "lang": lang,
        "creator": ctx.site.config.title.get(lang),
        "office": ctx.office(lang),
        "matches": PLAN_MATCHES,
        "outlets": {key: outlet_place(ctx, page, k, o) for key, k, o in facts.site_outlets(chosen)},
        "speeds": travel.SPEED_KMH,
        "detour": travel.DETOUR,
        "maxWaypoints": travel.MAX_WAYPOINTS,
        "travelmode": travel.TRAVELMODE,
        "improvement": travel.IMPROVEMENT_KM,
        "mapApp": travel.MAP_APP,
        "gpxNamespace": travel.GPX_NAMESPACE,
        "share": "https://wa.me/?text=",
        "pinsNote": t("pins_approximate"),
        "words": {w: t(w) for w in words},
        "formats": ctx.language(lang).script_formats(),
    }

"""The views: for each kind of page (plan/pages.py KINDS), the values its template shows, ready to
print. Each view is a function of the page and the site's ViewContext; the planner's two live in
planner.py. `common` gives what every page shares (head, menu, footer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from ..plan.pages import (
    AGENDA_KEY,
    GEOJSON_PATH,
    HOME_KEY,
    JSON_PATH,
    KINDS,
    LIST_KEY,
    MANIFEST_NAME,
    PLAN_KEY,
    POSTERS_KEY,
    AnyPage,
    Page,
    category_key,
    ics_path,
    kampung_key,
    lang_prefix,
    page_key,
    poster_key,
    poster_scan_url,
    search_index_name,
)
from ..validate.model import Category, Experience, FreePage, Kampung, Photo, Product, Text
from . import agenda, facts, i18n, links, making, maps, planner, seo, when
from .context import Values, ViewContext, contact_links
from .filters import filter_use

# Each view takes a page of its own kind (view_kampung a Page[Kampung]); the kind, VIEWS' key, is known
# only at run time (plan_pages pairs kinds and objects), so the registry's views take a Page[Any].
View = Callable[[Page[Any], ViewContext], Values]


def common(page: AnyPage, ctx: ViewContext) -> Values:
    """What every page shows around its own content: head, language switch, menu and footer."""
    lang, config, kind = page.lang, ctx.site.config, page.kind
    t = ctx.ui(lang)
    office = ctx.office(lang)
    twins = language_twins(page, ctx)
    return {
        "lang": lang,
        "t": t,
        "page": page,
        "body_class": f"page-{kind.name}",
        "root": page.root,
        "office": office,
        "home": ctx.href(page, HOME_KEY),
        "list_href": ctx.href(page, LIST_KEY),
        "posters_href": ctx.href(page, POSTERS_KEY),
        "manifest_href": ctx.href(page, MANIFEST_NAME),
        "site_title": config.title.get(lang),
        "own_title": kind.own_title,
        "og_type": kind.og_type,
        "tagline": config.tagline.get(lang) if config.tagline else "",
        "asset": lambda name: ctx.assets.url(page, name),
        "nav": nav(page, ctx),
        "twins": twins,
        "hreflang": twins if kind.hreflang and len(twins) > 1 else [],
        "footer_pages": [
            {"href": ctx.href(page, page_key(p.slug)), "label": p.title.get(lang)} for p in ctx.site.pages
        ],
        "canonical": ctx.absolute(page.url) if kind.canonical else "",
        "map": None,
        "places_script": "",
        "robots": "",
        "stylesheets": [],
        "og_locale": ctx.language(lang).og_locale(),
        "office_name": config.contact.name.get(lang) if config.contact.name else office,
        "office_address": ctx.shown(config.contact.address, lang).text,
        "office_links": contact_links(config.contact, t),
    }


def nav(page: AnyPage, ctx: ViewContext) -> list[Values]:
    """The menu: the kinds shown once there (home, list, planner), then the free pages."""
    t = ctx.ui(page.lang)
    items = [(key, t(kind.menu)) for key, kind in MENU_KEYS if key != AGENDA_KEY or ctx.site.events]
    items += [(page_key(p.slug), p.title.get(page.lang)) for p in ctx.site.pages]
    return [{"href": ctx.href(page, key), "label": label, "current": key == page.key} for key, label in items]


MENU_KEYS = [
    (key, KINDS[name])
    for key, name in ((HOME_KEY, "home"), (LIST_KEY, "list"), (PLAN_KEY, "plan"), (AGENDA_KEY, "agenda"))
]  # the agenda only once the site has events


def language_twins(page: AnyPage, ctx: ViewContext) -> list[Values]:
    """The same page in the other languages, for the language switch and hreflang (a poster
    serves every language and has none)."""
    languages = ctx.languages if page.kind.twins else (page.lang,)
    return [
        {
            "lang": lang,
            "href": ctx.href(page, page.key, lang),
            "absolute": ctx.absolute(lang_prefix(lang, ctx.languages) + page.key),
            "name": ctx.ui(lang)("language_name"),
            "current": lang == page.lang,
        }
        for lang in languages
    ]


def count_label(count: int, t: Callable[..., str]) -> str:
    """ "1 kampung", "7 kampung" (the list's script counts with the same two words)."""
    return t("kampung_count_1") if count == 1 else t("kampung_count_n", n=count)


def category_entry(page: AnyPage, ctx: ViewContext, category: Category, count: int) -> Values:
    return {
        "category": category,
        "name": category.name.get(page.lang),
        "description": category.description.get(page.lang) if category.description else "",
        "href": ctx.href(page, category_key(category.id)),
        "count": count_label(count, ctx.ui(page.lang)),
    }


def category_entries(page: AnyPage, ctx: ViewContext) -> list[Values]:
    counts = {c: 0 for c in ctx.site.categories}
    for k in ctx.site.kampung:
        counts[k.category] += 1
    return [category_entry(page, ctx, c, counts[c.id]) for c in ctx.site.categories.values()]


HOME_CARDS = 12  # cards on the home page; the list page shows (and searches) every kampung
LIST_CARDS = 60  # cards the list page lays out at first; the rest are in it too, but inside <noscript>


def view_home(page: Page[None], ctx: ViewContext) -> Values:
    lang, config = page.lang, ctx.site.config
    t = ctx.ui(lang)
    shown = home_choice(ctx, lang)
    count = len(ctx.site.kampung)
    return {
        "title": config.title.get(lang),
        "description": config.tagline.get(lang) if config.tagline else "",
        "intro": ctx.markdown(page, config.intro),
        "intro_shown": ctx.shown(config.intro, lang),
        "categories": category_entries(page, ctx),
        "cards": [ctx.card(page, k) for k in shown],
        "cards_title": t("all_kampung") if len(shown) == count else t("some_kampung"),
        "see_all": t("see_all_n", n=ctx.language(lang).number(count)) if len(shown) < count else "",
        "map": ctx.places_map(page, links=True),
        "places_script": ctx.places_script(page),
        "map_label": t("overview_map"),
        "events": agenda.home_events(page, ctx),
        "agenda_href": ctx.href(page, AGENDA_KEY),
    }


def home_choice(ctx: ViewContext, lang: str) -> list[Kampung]:
    """The home page's cards: every kampung when they fit, else HOME_CARDS of them taken in turn from
    each category (a taste of each), in name order."""
    every = ctx.sorted_kampung(lang)
    if len(every) <= HOME_CARDS:
        return every
    queues = [ctx.sorted_kampung(lang, c) for c in ctx.site.categories]
    picked: list[Kampung] = []
    for turn in range(max(map(len, queues))):
        picked += [queue[turn] for queue in queues if turn < len(queue)][: HOME_CARDS - len(picked)]
        if len(picked) == HOME_CARDS:
            break
    chosen = {id(k) for k in picked}
    return [k for k in every if id(k) in chosen]


def view_list(page: Page[None], ctx: ViewContext) -> Values:
    t = ctx.ui(page.lang)
    every = ctx.sorted_kampung(page.lang)
    cards = [ctx.card(page, k) for k in every]
    return {
        "title": t("list_title"),
        "description": t("list_intro"),
        # Every kampung is in the page, whole without JavaScript; with it the browser reads those after the
        # first LIST_CARDS as text only, and assets/search.js makes a card when it is first shown.
        "cards": cards[:LIST_CARDS],
        "more_cards": cards[LIST_CARDS:],
        "count_title": count_label(len(cards), t),
        "categories": category_entries(page, ctx),
        "search_index": search_index_name(page.lang),
        "filters": filter_use(every, page.lang),
        "days": list(enumerate(ctx.language(page.lang).day_names)),
    }


def view_category(page: Page[Category], ctx: ViewContext) -> Values:
    category, lang = page.obj, page.lang
    assert isinstance(category, Category)
    chosen = ctx.sorted_kampung(lang, category.id)
    cards = [ctx.card(page, k) for k in chosen]
    name = category.name.get(lang)
    return {
        "title": ctx.ui(lang)("in_category", name=name),
        "description": category.description.get(lang) if category.description else "",
        "category": category,
        # as on the list page, the first LIST_CARDS laid out; with JavaScript the rest are on the list page
        "cards": cards[:LIST_CARDS],
        "more_cards": cards[LIST_CARDS:],
        "more_href": f"{ctx.href(page, LIST_KEY)}?cat={category.id}",
        "more_text": ctx.ui(lang)("category_all_n", n=ctx.language(lang).number(len(cards)), name=name),
        "count_title": count_label(len(chosen), ctx.ui(lang)),
        "map": ctx.overview_map(page, [k for k in ctx.site.kampung if k.category == category.id]),
        "map_label": ctx.ui(lang)("overview_map"),
    }


def view_page(page: Page[FreePage], ctx: ViewContext) -> Values:
    free, lang = page.obj, page.lang
    return {
        "sources": facts.source_entries(free.sources, lang),
        "title": free.title.get(lang),
        "description": free.summary.get(lang) if free.summary else "",
        "body": ctx.markdown(page, free.body),
        "body_shown": ctx.shown(free.body, lang),
    }


def view_not_found(page: Page[None], ctx: ViewContext) -> Values:
    t = ctx.ui(page.lang)
    folder = page.url.rpartition("/")[0] + ("/" if "/" in page.url else "")
    return {
        "title": t("not_found_title"),
        "description": t("not_found_text"),
        "base_href": seo.base_path(ctx.base_url) + folder if ctx.base_url else "",
    }


def view_offline(page: Page[None], ctx: ViewContext) -> Values:
    """The page the service worker shows for a page not stored on the phone: what is stored instead."""
    t = ctx.ui(page.lang)
    return {
        "title": t("offline_title"),
        "description": t("offline_text"),
        "robots": "noindex",
        "saved_none": t("offline_saved_none", button=t("offline_save")),
        "always": [
            {"href": ctx.href(page, HOME_KEY), "label": t("home")},
            {"href": ctx.href(page, LIST_KEY), "label": t("all_kampung")},
        ],
    }


def view_kampung(page: Page[Kampung], ctx: ViewContext) -> Values:
    k, lang = page.obj, page.lang
    assert isinstance(k, Kampung)
    t = ctx.ui(lang)
    category = ctx.site.categories[k.category]
    name = k.name.get(lang)
    office = facts.office_for(k, ctx, lang)
    return {
        "title": name,
        "description": k.summary.get(lang),
        "office": office,  # whom its "ask …" lines name: who arranges its visits, else the tourism office
        "organiser": facts.organiser_entry(k.arranged_by, lang),
        "outlets": facts.outlet_entries(k, lang),
        "outlets_id": facts.OUTLETS_ID,
        "sources": facts.source_entries(k.sources, lang),
        "k": k,
        "name": ctx.shown(k.name, lang),
        "summary": ctx.shown(k.summary, lang),
        "category": category,
        "category_name": category.name.get(lang),
        "category_href": ctx.href(page, category_key(category.id)),
        "description_shown": ctx.shown(k.description, lang),
        "description_html": ctx.markdown(page, k.description, top=3),
        "products": [product_entry(p, ctx.language(lang)) for p in k.products],
        "experiences": [experience_entry(e, ctx.language(lang), office) for e in k.experiences],
        "hours": i18n.hours_table(k.opening_hours, ctx.language(lang)) if k.opening_hours else [],
        "making": making.making_entries(k, lang, ctx.office(lang)),
        "checked": making.checked_text(k, lang),
        "events": [agenda.event_line(page, ctx, e) for e in ctx.site.events_at(k.slug)],
        "open_now": when.open_now_data(k.opening_hours, ctx.language(lang)) if k.opening_hours else "",
        "address": ctx.shown(k.location.address, lang),
        "directions": links.directions(k.location.lat, k.location.lon, name),
        "contact_links": contact_links(k.contact, t, t("whatsapp_greeting", name=name)),
        "photos": [photo_entry(page, ctx, p) for p in k.photos],
        "visit": i18n.visit_rows(k.visit, ctx.language(lang)) if k.visit else [],
        "nearby": [
            {
                "href": ctx.href(page, kampung_key(o.slug)),
                "name": o.name.get(lang),
                "distance": ctx.language(lang).distance(km),
                "category": ctx.site.categories[o.category],
            }
            for km, o in ctx.neighbours[k.slug]
        ],
        "map": kampung_map(page, ctx, k),
        "map_label": t("kampung_map"),
        "jsonld": seo.kampung_jsonld(
            k, ctx.site, lang, ctx.absolute(page.url), photo_addresses(ctx, k), kampung_events_jsonld(page, ctx, k)
        ),
        "qr": ctx.qr(ctx.absolute(page.url), 160, "QR"),
        "og_image": ctx.absolute(ctx.photos[k.photos[0].file].fallback.path) if k.photos else "",
        "data_links": data_links(k, page.root, lang, t),
    }


def kampung_events_jsonld(page: AnyPage, ctx: ViewContext, k: Kampung) -> list[Values]:
    """The JSON-LD of the events that take place in the kampung, pointing at the agenda."""
    events = ctx.site.events_at(k.slug)
    url = ctx.absolute(lang_prefix(page.lang, ctx.languages) + AGENDA_KEY)
    return agenda.events_jsonld(ctx.site, events, page.lang, url) if events else []


def kampung_map(page: AnyPage, ctx: ViewContext, k: Kampung) -> Values:
    """A kampung's own map: its pin (with a circle when the pin marks an area), at street zoom."""
    shops = facts.kampung_outlet_pins(k, page.lang)
    data = maps.MapData(
        center=(k.location.lat, k.location.lon),
        zoom=16,
        pins=(ctx.pin(page, k, link=False), *shops),
        fit=bool(shops),  # its outlets may be across town: show them all
        area_m=250 if k.location.approximate else 0,
        color=ctx.site.categories[k.category].color,
    )
    return maps.map_values(data)


def data_links(k: Kampung, root: str, lang: str, t: Callable[..., str] | None = None) -> list[dict[str, str]]:
    """Links from a kampung page to the open data: the whole set, and its calendar when it has one;
    labelled by `t` (the page's lookup; the package's words by default)."""
    t = t or i18n.ui(lang)
    found = [
        {"href": root + GEOJSON_PATH, "label": t("open_data_geojson"), "type": "application/geo+json"},
        {"href": root + JSON_PATH, "label": t("open_data_json"), "type": "application/json"},
    ]
    if k.has_calendar:
        found.append({"href": root + ics_path(k.slug, lang), "label": t("open_data_ics"), "type": "text/calendar"})
    return found


def photo_addresses(ctx: ViewContext, k: Kampung) -> list[str]:
    """The public address of each photo's largest JPEG (none without a base URL)."""
    found = [ctx.absolute(quote(max(ctx.photos[p.file].jpeg, key=lambda v: v.width).path)) for p in k.photos]
    return [url for url in found if url]


def photo_entry(page: AnyPage, ctx: ViewContext, photo: Photo) -> Values:
    """What a <picture> needs: WebP and JPEG srcsets, the fallback, its size, alt text and credit."""
    sizes = ctx.photos[photo.file]
    return {
        "webp": sizes.srcset("image/webp", page.root),
        "jpeg": sizes.srcset("image/jpeg", page.root),
        "src": page.root + sizes.fallback.path,
        "width": sizes.fallback.width,
        "height": sizes.fallback.height,
        "alt": photo.alt.get(page.lang),
        "credit": photo.credit,
    }


def product_entry(product: Product, words: i18n.Language) -> dict[str, str]:
    lang = words.code
    return {
        "name": product.name.get(lang),
        "price": words.price(product.price_idr) if product.price_idr else words.t("price_ask"),
        "description": product.description.get(lang) if product.description else "",
    }


def experience_entry(exp: Experience, words: i18n.Language, office: str) -> Values:
    t, lang = words.t, words.code
    price = words.price(exp.price_idr) + " " + t("per_person") if exp.price_idr else ""
    return {
        "name": exp.name.get(lang),
        "price": price or t("ask_office", office=office),
        "duration": words.duration(exp.duration_minutes) if exp.duration_minutes else "",
        "booking": exp.booking.get(lang) if exp.booking else "",
        "description": exp.description.get(lang) if exp.description else "",
        "schedule": when.sessions(exp.schedule, words),
    }


def view_posters(page: Page[None], ctx: ViewContext) -> Values:
    t = ctx.ui(page.lang)
    return {
        "title": t("posters_title"),
        "description": t("posters_intro"),
        "robots": "noindex",
        "posters": [
            {
                "href": ctx.href(page, poster_key(k.slug), ctx.languages[0]),
                "name": k.name.get(page.lang),
                "category": ctx.site.categories[k.category],
            }
            for k in ctx.sorted_kampung(page.lang)
        ],
        "has_qr": bool(ctx.base_url),
    }


def view_poster(page: Page[Kampung], ctx: ViewContext) -> Values:
    """A printable A4 poster for every language: name, category and summary in each, a QR code
    to each language's page, where to ask."""
    k = page.obj
    assert isinstance(k, Kampung)
    category = ctx.site.categories[k.category]
    return {
        "title": k.name.get(page.lang),
        "description": k.summary.get(page.lang),
        "category": category,
        "robots": "noindex",
        "names": unique_texts(k.name, ctx.languages),
        "category_names": unique_texts(category.name, ctx.languages),
        "summaries": unique_texts(k.summary, ctx.languages),
        "codes": [poster_code(ctx, k, lang) for lang in ctx.languages] if ctx.base_url else [],
        "page_href": ctx.href(page, kampung_key(k.slug)),
    }


def poster_code(ctx: ViewContext, k: Kampung, lang: str) -> dict[str, str]:
    """A poster's QR code to the kampung's page in `lang`, captioned in that language."""
    url, t = ctx.absolute(lang_prefix(lang, ctx.languages) + kampung_key(k.slug)), ctx.ui(lang)
    return {
        "lang": lang,
        "language": t("language_name"),
        "scan": t("poster_scan"),
        "url": url,  # printed under the code for typing in: without the marker
        "qr": ctx.qr(poster_scan_url(url) if url else "", 240, f"{t('language_name')}: {t('poster_scan')}: {url}"),
    }


def unique_texts(value: Text, languages: tuple[str, ...]) -> list[dict[str, str]]:
    """`value` in each language, each wording once (an untranslated one falls back to a wording
    already there): [{"lang": "id", "text": "…"}, …]."""
    found: dict[str, str] = {}
    for lang in languages:
        found.setdefault(value.get(lang), lang)
    return [{"lang": lang, "text": text} for text, lang in found.items()]


VIEWS: dict[str, View] = {
    "home": view_home,
    "list": view_list,
    "kampung": view_kampung,
    "poster": view_poster,
    "posters": view_posters,
    "category": view_category,
    "page": view_page,
    "plan": planner.plan_view,
    "route": planner.route_view,
    "route_print": planner.route_print_view,
    "agenda": agenda.view_agenda,
    "404": view_not_found,
    "offline": view_offline,
}
assert VIEWS.keys() == KINDS.keys(), "every kind of page needs a view"

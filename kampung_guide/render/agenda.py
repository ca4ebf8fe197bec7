"""What's on: the agenda page, the next events on the home page, a kampung's own events, and their
JSON-LD. The build never decides what is upcoming (its output would change with the day it runs):
every entry carries its first and last day, and assets/agenda.js sorts upcoming from past with the
visitor's date in Jakarta. Without JavaScript the agenda lists every event by date."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import NamedTuple

from babel.dates import format_date as cldr_date
from babel.dates import format_interval

from ..plan.pages import AGENDA_KEY, Page, event_anchor, events_ics_path, kampung_key
from ..validate.model import Event, Organiser, Site
from . import i18n, links, seo
from .context import ViewContext, contact_links
from .when import clock_text

HOME_EVENTS = 60  # the latest events by date the home page carries, for agenda.js to pick the next three from


def event_when(event: Event, lang: str) -> str:
    """`Sabtu, 05 Desember 2026 · 09.00–16.00`, `4–6 Desember 2026`, `14 November 2026 dan 21 November 2026`:
    dates, runs of days and times of day as CLDR writes them in the language."""
    words = i18n.language(lang)
    if event.is_range:
        days = day_range(*event.runs[0], words)
    elif len(event.days) == 1:
        days = weekday_date(event.days[0], words)
    else:
        days = "; ".join(i18n.long_date(d, words) for d in event.days)
    if event.start and event.end:
        return f"{days} · {clock_text(event.start, words)}–{clock_text(event.end, words)}"
    if event.start:
        return f"{days} · {words.t('event_from', time=clock_text(event.start, words))}"
    return days


def weekday_date(iso: str, words: i18n.Language) -> str:
    """`Sabtu, 05 Desember 2026` / `Saturday, December 5, 2026`: CLDR's full date."""
    return cldr_date(datetime.date.fromisoformat(iso), "full", locale=words.locale)


def day_range(first: str, last: str, words: i18n.Language) -> str:
    """`5–7 Desember 2026` / `December 5 – 7, 2026`, or across months and years: CLDR's interval format."""
    if first == last:
        return weekday_date(first, words)
    a, b = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    return format_interval(a, b, "yMMMMd", locale=words.locale)


class Where(NamedTuple):
    """An event's place in one language; `kampung` is the slug when it takes place in a kampung."""

    name: str
    address: str
    lat: float
    lon: float
    kampung: str = ""


def event_place(event: Event, site: Site, lang: str) -> Where:
    """Where the event is: its name, address and pin, from the kampung when it takes place in one."""
    place = event.place
    if place.kampung:
        k = next(k for k in site.kampung if k.slug == place.kampung)
        address = k.location.address.get(lang) if k.location.address else ""
        return Where(k.name.get(lang), address, k.location.lat, k.location.lon, k.slug)
    # otherwise address, lat and lon are all there (validate/specs.py PlaceSpec)
    address = place.address.get(lang) if place.address else ""
    name = place.name.get(lang) if place.name else address
    return Where(name, address, place.lat or 0.0, place.lon or 0.0)


def event_price(event: Event, lang: str) -> str:
    t = i18n.ui(lang)
    if event.price_idr is None:
        return t("event_price_unknown")
    if event.price_idr.high == 0:
        return t("event_free")
    return i18n.format_price(event.price_idr, lang)


def event_entry(page: Page, ctx: ViewContext, event: Event) -> dict:
    """One event as the agenda and a kampung page list it."""
    lang = page.lang
    place = event_place(event, ctx.site, lang)
    organiser = event.organiser
    return {
        "id": event_anchor(event.slug),
        "href": ctx.href(page, AGENDA_KEY) + "#" + event_anchor(event.slug),
        "name": ctx.shown(event.name, lang),
        "when": event_when(event, lang),
        "first": event.first_day,
        "last": event.last_day,
        "days": "" if event.is_range else " ".join(event.days),
        "place": place.name,
        "place_href": ctx.href(page, kampung_key(place.kampung)) if place.kampung else "",
        "address": place.address,
        "directions": links.directions(place.lat, place.lon, place.name)["google"],
        "description": ctx.markdown(page, event.description, top=4),
        "description_shown": ctx.shown(event.description, lang),
        "organiser": organiser.name.get(lang) if organiser else "",
        "organiser_links": contact_links(organiser, ctx.ui(lang)) if organiser else [],
        "price": event_price(event, lang),
    }


def event_line(page: Page, ctx: ViewContext, event: Event) -> dict:
    """An event in a short list (the home page, a kampung page): name, when, where, a link to the agenda."""
    place = event_place(event, ctx.site, page.lang)
    return {
        "href": ctx.href(page, AGENDA_KEY) + "#" + event_anchor(event.slug),
        "name": event.name.get(page.lang),
        "when": event_when(event, page.lang),
        "place": place.name,
        "first": event.first_day,
        "last": event.last_day,
        "days": "" if event.is_range else " ".join(event.days),
    }


def view_agenda(page: Page, ctx: ViewContext) -> dict:
    """Every event by date; agenda.js moves the past ones below, under their own heading."""
    lang, t = page.lang, i18n.ui(page.lang)
    url = ctx.absolute(page.url)
    return {
        "title": t("agenda_title"),
        "description": t("agenda_intro"),
        "events": [event_entry(page, ctx, e) for e in ctx.site.events],
        "calendar_href": page.root + events_ics_path(lang),
        "jsonld": seo.script(
            {"@context": "https://schema.org", "@graph": events_jsonld(ctx.site, ctx.site.events, lang, url)}
        ),
    }


def home_events(page: Page, ctx: ViewContext) -> list[dict]:
    """The latest events by date, for the home page's "coming up" (agenda.js shows the next three)."""
    return [event_line(page, ctx, e) for e in ctx.site.events[-HOME_EVENTS:]]


# -- JSON-LD ----------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_summary(markdown: str, limit: int = 300) -> str:
    """The first paragraph of a Markdown text without its markup, for search engines."""
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    text = re.sub(r"[*_`#>]", "", _MD_LINK.sub(r"\1", first)).strip()
    return text[:limit]


def events_jsonld(site: Site, events: Iterable[Event], lang: str, agenda_url: str) -> list[dict]:
    """schema.org Event per event (per day for a list of dates), with place, organiser and offers."""
    return [event_jsonld(site, event, lang, agenda_url, first, last) for event in events for first, last in event.runs]


def event_jsonld(site: Site, event: Event, lang: str, agenda_url: str, first: str, last: str) -> dict:
    place = event_place(event, site, lang)
    data: dict = {
        "@type": "Event",
        "name": event.name.get(lang),
        "description": plain_summary(event.description.get(lang)),
        "startDate": moment(first, event.start),
        "endDate": moment(last, event.end or event.start),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": place.name,
            "address": seo.postal_address(place.address, site.config.city),
            "geo": seo.geo(place.lat, place.lon),
        },
    }
    if agenda_url:
        data["url"] = f"{agenda_url}#{event_anchor(event.slug)}"
    if event.organiser:
        data["organizer"] = organiser_jsonld(event.organiser, lang)
    if event.price_idr is not None:
        data["isAccessibleForFree"] = event.price_idr.high == 0
        data["offers"] = seo.offer(event.price_idr)
    return data


def moment(day: str, clock: str | None) -> str:
    """`2026-12-05T09:00:00+07:00`, or the bare date when the time is not known."""
    return f"{day}T{clock}:00+07:00" if clock else day


def organiser_jsonld(organiser: Organiser, lang: str) -> dict:
    data: dict[str, object] = {"@type": "Organization", "name": organiser.name.get(lang)}
    for key, value in (
        ("url", organiser.website),
        ("telephone", organiser.phone or organiser.whatsapp),
        ("email", organiser.email),
    ):
        if value:
            data[key] = value
    return data

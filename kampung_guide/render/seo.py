"""What search engines and link previews read: JSON-LD, sitemap, robots.txt."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..util.scriptjson import script_json
from ..validate.hours import DAYS, clock, weekly_spans
from ..validate.model import Hours, Kampung, Price, Site, Visit
from . import i18n

SCHEMA_DAYS = dict(
    zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True)
)


def base_path(base_url: str) -> str:
    """`https://host/guide/` -> `/guide/`."""
    return urlsplit(base_url).path or "/"


def coordinate(value: float) -> str:
    """A latitude or longitude with at least the 5 decimals search engines ask of a place (6 at most)."""
    written = repr(float(value))
    decimals = len(written.partition(".")[2]) if "e" not in written else 6
    return f"{value:.{min(max(decimals, 5), 6)}f}"


def kampung_jsonld(
    k: Kampung,
    site: Site,
    lang: str,
    url: str,
    images: list[str] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Markup:
    """schema.org TouristAttraction + LocalBusiness for one kampung, safe inside <script>; `images`
    are the public addresses of its photos. (No `inLanguage`: neither type has it.) With its making
    times (each an Event with a weekly `eventSchedule`, or a PropertyValue note where only a rough
    time is known) and `events`, the JSON-LD of the events that take place there."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": ["TouristAttraction", "LocalBusiness"],
        "name": k.name.get(lang),
        "description": k.summary.get(lang),
        "geo": geo(k.location.lat, k.location.lon),
        "address": postal_address(k.location.address.get(lang) if k.location.address else "", site.config.city),
    }
    if url:
        data["url"] = url
    if images:
        data["image"] = images
    if k.opening_hours:
        data["openingHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[DAYS[d]]}" for d in rule.days],
                "opens": clock(a),
                "closes": clock(b),
            }
            for rule in k.opening_hours.rules
            if rule.days
            for a, b in rule.spans
        ]
    if k.contact.phone or k.contact.whatsapp:
        data["telephone"] = k.contact.phone or k.contact.whatsapp
    if k.tags:
        data["keywords"] = ", ".join(k.tags)
    if k.visit:
        data.update(visit_jsonld(k.visit))
    data.update(making_jsonld(k, lang, events or []))
    return _script_json(data)


def making_jsonld(k: Kampung, lang: str, events: list[dict]) -> dict:
    """`event` (making times with hours as weekly Events, then the kampung's own events) and
    `additionalProperty` (making known only roughly: schema.org has no type for "busiest from about 4 a.m.")."""
    watch = i18n.ui(lang)("making_title")
    found, notes = [], []
    for making in k.making:
        name = f"{watch}: {making.what.get(lang)}"
        if making.hours is None:
            notes.append(
                {"@type": "PropertyValue", "name": name, "value": making.note.get(lang) if making.note else ""}
            )
            continue
        event = {
            "@type": "Event",
            "name": name,
            "eventSchedule": making_schedule(making.hours),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": k.name.get(lang), "geo": geo(k.location.lat, k.location.lon)},
        }
        if making.note:
            event["description"] = making.note.get(lang)
        found.append(event)
    found += events
    data: dict = {}
    if found:
        data["event"] = found
    if notes:
        data["additionalProperty"] = notes
    return data


def making_schedule(hours: Hours) -> list[dict[str, Any]]:
    """A weekly schema.org Schedule per span of the making hours, in Jakarta time."""
    return [
        {
            "@type": "Schedule",
            "byDay": [f"https://schema.org/{SCHEMA_DAYS[DAYS[d]]}" for d in days],
            "startTime": clock(a),
            "endTime": clock(b),
            "repeatFrequency": "P1W",
            "scheduleTimezone": "Asia/Jakarta",
        }
        for (a, b), days in weekly_spans(hours.rules)
    ]


def geo(lat: float, lon: float) -> dict:
    return {"@type": "GeoCoordinates", "latitude": coordinate(lat), "longitude": coordinate(lon)}


def postal_address(street: str, city: str) -> dict:
    address = {"@type": "PostalAddress", "addressLocality": city, "addressCountry": "ID"}
    return {**address, "streetAddress": street} if street else address


def offer(price: Price) -> dict:
    """An Offer in rupiah, or an AggregateOffer for a price range."""
    if price.low == price.high:
        return {"@type": "Offer", "price": price.low, "priceCurrency": "IDR"}
    return {"@type": "AggregateOffer", "lowPrice": price.low, "highPrice": price.high, "priceCurrency": "IDR"}


def script(data: dict[str, Any]) -> Markup:
    """JSON-LD safe inside <script>."""
    return _script_json(data)


FEATURES = {
    "toilet": "Toilets",
    "mushola": "Prayer room",
    "halal_food": "Halal food",
    "drinking_water": "Drinking water",
    "shade": "Shade",
    "seating": "Seating",
}
PARKING = {"car": "Car parking", "motorbike": "Motorbike parking", "bus": "Bus parking"}
PAYMENT = {"cash": "Cash", "qris": "QRIS", "transfer": "Bank transfer", "card": "Credit card"}


def visit_jsonld(visit: Visit) -> dict[str, Any]:
    """schema.org properties for what a visit offers: amenityFeature, paymentAccepted, maximumAttendeeCapacity."""

    def feature(name: str, value: object) -> dict[str, object]:
        return {"@type": "LocationFeatureSpecification", "name": name, "value": value}

    features = [feature(FEATURES[f], True) for f in visit.facilities] + [
        feature(PARKING[p], True) for p in visit.parking
    ]
    if visit.wheelchair:
        features.append(
            feature("Wheelchair accessible", {"yes": True, "partial": "Partially", "no": False}[visit.wheelchair])
        )
    data: dict = {}
    if features:
        data["amenityFeature"] = features
    if visit.payment:
        data["paymentAccepted"] = ", ".join(PAYMENT[p] for p in visit.payment)
    if visit.group_max:
        data["maximumAttendeeCapacity"] = visit.group_max
    return data


def _script_json(data: dict) -> Markup:
    """JSON that cannot close its <script> element: <, > and & are written as \\u escapes."""
    return Markup(script_json(data))


def sitemap(urls: list[list[tuple[str, str]]], base_url: str) -> str:
    """A sitemap; each entry is a page's twins as (lang, url), each listed with hreflang links."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for twins in urls:
        for _, url in twins:
            lines.append(f"  <url><loc>{escape(base_url + url)}</loc>")
            lines.extend(
                f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(base_url + other)}"/>'
                for lang, other in twins
            )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(base_url: str | None) -> str:
    text = "User-agent: *\nAllow: /\n"
    return text + (f"Sitemap: {base_url}sitemap.xml\n" if base_url else "")

"""What search engines and link previews read: JSON-LD, sitemap, robots.txt."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..util.scriptjson import script_json
from ..validate.hours import DAYS, clock
from ..validate.model import Kampung, Site, Visit

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


def kampung_jsonld(k: Kampung, site: Site, lang: str, url: str, images: list[str] | None = None) -> Markup:
    """schema.org TouristAttraction + LocalBusiness for one kampung, safe inside <script>; `images`
    are the public addresses of its photos. (No `inLanguage`: neither type has it.)"""
    data: dict = {
        "@context": "https://schema.org",
        "@type": ["TouristAttraction", "LocalBusiness"],
        "name": k.name.get(lang),
        "description": k.summary.get(lang),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": coordinate(k.location.lat),
            "longitude": coordinate(k.location.lon),
        },
        "address": {
            "@type": "PostalAddress",
            "addressLocality": site.config.city,
            "addressCountry": "ID",
            **({"streetAddress": k.location.address.get(lang)} if k.location.address else {}),
        },
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

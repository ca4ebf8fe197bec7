"""The guide's public data for reuse: every kampung as GeoJSON (RFC 7946) and as a plain JSON list.

Both files hold the same public fields; texts are objects with one entry per language. Contact
numbers are left out on purpose: they are shown to visitors, but a bulk list of residents'
phone numbers invites scraping (the public contact of an organisation that arranges visits, an
office, is kept). Each record carries its sources, its outlets and who arranges its visits.
JSON is written with sorted keys and fixed separators, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any

from ..plan.pages import GEOJSON_PATH, JSON_PATH, ics_path, kampung_key, lang_prefix
from ..util.memo import IdentityMemo
from ..validate.model import Experience, Kampung, Organiser, Outlet, Price, Site, Source, Text
from . import calendar

DATA_ROOT = "../"  # from data/ back to the site root, for relative addresses inside the files


_RECORDS = IdentityMemo()  # a profile's record as JSON, kept across the preview's rebuilds


def opendata_files(site: Site, base_url: str | None) -> Iterator[tuple[str, bytes]]:
    """data/kampung.geojson and data/kampung.json, in that order: the bytes `dump_json` gives the
    whole documents, joined from each profile's own JSON, so a rebuild serialises only the profiles
    that changed. Each document is made when asked for: with 10,000 profiles each is 17 MB."""
    languages = site.config.languages
    records = [
        _RECORDS.get(
            k,
            (base_url, languages, tuple(map(site.categories[k.category].name.get, languages))),
            partial(kampung_json, k, site, base_url),
        )
        for k in sorted(site.kampung, key=lambda k: k.slug)
    ]
    yield (
        GEOJSON_PATH,
        b'{"features":[' + b",".join(feature for _, feature in records) + b'],"type":"FeatureCollection"}\n',
    )
    yield JSON_PATH, b"[" + b",".join(record for record, _ in records) + b"]\n"


def kampung_json(k: Kampung, site: Site, base_url: str | None) -> tuple[bytes, bytes]:
    """A profile's record as JSON, alone and as a GeoJSON Feature."""
    return record_json(kampung_record(k, site, base_url))


def record_json(record: dict[str, Any]) -> tuple[bytes, bytes]:
    """A record as UTF-8 JSON, alone and as a GeoJSON Feature (its place as the geometry)."""
    properties = dict(record)
    geometry = point(properties.pop("lat"), properties.pop("lon"))
    return dumps(record).encode(), dumps({"type": "Feature", "geometry": geometry, "properties": properties}).encode()


def dumps(value: object) -> str:
    """Deterministic, compact JSON: sorted keys, fixed separators."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dump_json(value: object) -> bytes:
    """Deterministic, compact UTF-8 JSON with a final newline."""
    return (dumps(value) + "\n").encode()


def point(lat: float, lon: float) -> dict:
    """A GeoJSON Point: longitude first (RFC 7946 section 3.1.1), six decimals (about 10 cm)."""
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def kampung_record(k: Kampung, site: Site, base_url: str | None) -> dict:
    """The public fields of one kampung, with `lat` and `lon`."""
    languages = site.config.languages
    hours = k.opening_hours
    return {
        "slug": k.slug,
        "name": texts(k.name, languages),
        "summary": texts(k.summary, languages),
        "category": k.category,
        "category_name": texts(site.categories[k.category].name, languages),
        "lat": k.location.lat,
        "lon": k.location.lon,
        "approximate": k.location.approximate,
        "address": texts(k.location.address, languages),
        "opening_hours": hours.source if hours else None,
        "products": [{"name": texts(p.name, languages), "price_idr": price(p.price_idr)} for p in k.products],
        "experiences": [experience_record(e, languages) for e in k.experiences],
        "tags": list(k.tags),
        "url": {lang: public_url(lang_prefix(lang, languages) + kampung_key(k.slug), base_url) for lang in languages},
        "calendar": {lang: public_url(ics_path(k.slug, lang), base_url) for lang in languages}
        if k.has_schedule
        else None,
        "arranged_by": organiser_record(k.arranged_by, languages),
        "outlets": [outlet_record(o, languages) for o in k.outlets],
        "sources": source_records(k.sources),
    }


def source_records(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    """Where the facts come from: each report's title, address and date, as in the content."""
    return [{"title": s.title, "url": s.url, "date": s.date} for s in sources]


def outlet_record(o: Outlet, languages: tuple[str, ...]) -> dict[str, Any]:
    """A place that sells the kampung's products: name, place, what it sells, hours."""
    return {
        "name": texts(o.name, languages),
        "lat": o.location.lat,
        "lon": o.location.lon,
        "approximate": o.location.approximate,
        "address": texts(o.location.address, languages),
        "sells": texts(o.sells, languages),
        "opening_hours": o.opening_hours.source if o.opening_hours else None,
    }


def organiser_record(organiser: Organiser | None, languages: tuple[str, ...]) -> dict[str, Any] | None:
    """Who arranges visits, with the public contact of that organisation."""
    if organiser is None:
        return None
    return {
        "name": texts(organiser.name, languages),
        "arranges": texts(organiser.arranges, languages),
        "address": texts(organiser.address, languages),
        **{key: getattr(organiser, key) for key in ("whatsapp", "phone", "email", "website")},
    }


def experience_record(exp: Experience, languages: tuple[str, ...]) -> dict[str, Any]:
    """An experience's public fields, with its schedule when it has one."""
    record: dict[str, Any] = {
        "name": texts(exp.name, languages),
        "duration_minutes": exp.duration_minutes,
        "price_idr": price(exp.price_idr),
        "booking": texts(exp.booking, languages),
    }
    slots = calendar.experience_slots(exp)
    if slots:
        record["schedule"] = [slot_record(slot) for slot in slots]
    return record


def slot_record(slot: calendar.Slot) -> dict:
    """A schedule entry as in the profile: days or date, local start and end."""
    record: dict[str, Any] = {
        "start": slot.start.strftime("%H:%M"),
        "end": slot.end.strftime("%H:%M"),
        "timezone": calendar.TZID,
    }
    if slot.on:
        record["date"] = slot.on.isoformat()
    else:
        record["days"] = list(slot.days)
        record.update(
            {key: value.isoformat() for key, value in (("from", slot.valid_from), ("until", slot.until)) if value}
        )
    return record


def texts(value: Text | None, languages: tuple[str, ...]) -> dict | None:
    """{"id": ..., "en": ...}: the text in each language (falling back as the pages do), or None."""
    return {lang: value.get(lang) for lang in languages} if value else None


def price(value: Price | None) -> dict | None:
    return {"min": value.low, "max": value.high} if value else None


def public_url(path: str, base_url: str | None) -> str:
    """`path` under the site's address, or relative to the data/ folder when it is not known."""
    return base_url + path if base_url else DATA_ROOT + path

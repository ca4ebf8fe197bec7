"""What data/kampung.json holds, as a JSON Schema the build writes beside it (data/kampung.schema.json)
for whoever reuses the data, and as the README's table. The schema is strict (no property it does
not name), so a field added to opendata.kampung_record without a line here fails the test that
checks every build's data against it. data/kampung.geojson holds the same records as the
`properties` of its Features, with `lat` and `lon` as the Point geometry."""

from __future__ import annotations

import json

from ..plan.pages import JSON_PATH, OPEN_DATA_SCHEMA_PATH

TEXTS = {
    "type": ["object", "null"],
    "additionalProperties": {"type": "string"},
    "description": 'One text per language code of the site, e.g. {"id": "…", "en": "…"}.',
}
PRICE = {
    "type": ["object", "null"],
    "properties": {"min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 0}},
    "required": ["min", "max"],
    "additionalProperties": False,
    "description": "Whole rupiah; min equals max for a single price.",
}
CLOCK = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
DATE = {"type": "string", "format": "date"}
SLOT = {
    "type": "object",
    "properties": {
        "days": {"type": "array", "items": {"enum": ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]}},
        "date": DATE,
        "start": CLOCK,
        "end": CLOCK,
        "from": DATE,
        "until": DATE,
        "timezone": {"const": "Asia/Jakarta"},
    },
    "required": ["start", "end", "timezone"],
    "additionalProperties": False,
}
EXPERIENCE = {
    "type": "object",
    "properties": {
        "name": TEXTS,
        "duration_minutes": {"type": ["integer", "null"], "minimum": 1},
        "price_idr": PRICE,
        "booking": TEXTS,
        "schedule": {"type": "array", "items": SLOT},
    },
    "required": ["name", "duration_minutes", "price_idr", "booking"],
    "additionalProperties": False,
}
BY_LANGUAGE = {"type": "object", "additionalProperties": {"type": "string"}}
FIELDS: dict[str, tuple[dict, str]] = {  # property -> (schema, what it means)
    "slug": (
        {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "The kampung's id: its page is kampung/<slug>/.",
    ),
    "name": (TEXTS, "Name, per language."),
    "summary": (TEXTS, "One sentence: what is made there and why visit, per language."),
    "category": ({"type": "string"}, "Category id."),
    "category_name": (TEXTS, "The category's name, per language."),
    "lat": ({"type": "number", "minimum": -90, "maximum": 90}, "Latitude (WGS 84)."),
    "lon": ({"type": "number", "minimum": -180, "maximum": 180}, "Longitude (WGS 84)."),
    "approximate": ({"type": "boolean"}, "true when the pin marks the area, not the exact door."),
    "address": (TEXTS, "Address as a visitor would ask for it, per language, or null."),
    "opening_hours": ({"type": ["string", "null"]}, "OpenStreetMap opening_hours, or null when not known."),
    "products": (
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": TEXTS, "price_idr": PRICE},
                "required": ["name", "price_idr"],
                "additionalProperties": False,
            },
        },
        "What is made and sold: name and price (null when not known).",
    ),
    "experiences": (
        {"type": "array", "items": EXPERIENCE},
        "Workshops and visits: name, minutes, price per person, how to book, and the schedule "
        "(weekly days or a date, local start and end).",
    ),
    "tags": ({"type": "array", "items": {"type": "string"}}, "Search words."),
    "url": (BY_LANGUAGE, "The kampung's page in each language."),
    "calendar": (
        {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
        "Its iCalendar file in each language, or null without a schedule.",
    ),
    # issue #20: who arranges visits, where to buy, where the facts come from
    "arranged_by": (
        {
            "type": ["object", "null"],
            "properties": {
                "name": TEXTS,
                "arranges": TEXTS,
                "address": TEXTS,
                **{key: {"type": ["string", "null"]} for key in ("whatsapp", "phone", "email", "website")},
            },
            "required": ["name", "arranges", "address", "whatsapp", "phone", "email", "website"],
            "additionalProperties": False,
        },
        "The organisation that arranges visits (an office, so its public contact is kept), or null.",
    ),
    "outlets": (
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": TEXTS,
                    "lat": {"type": "number", "minimum": -90, "maximum": 90},
                    "lon": {"type": "number", "minimum": -180, "maximum": 180},
                    "approximate": {"type": "boolean"},
                    "address": TEXTS,
                    "sells": TEXTS,
                    "opening_hours": {"type": ["string", "null"]},
                },
                "required": ["name", "lat", "lon", "approximate", "address", "sells", "opening_hours"],
                "additionalProperties": False,
            },
        },
        "Places where its products are sold: name, pin, address, what is sold, opening hours.",
    ),
    "sources": (
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "date": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                },
                "required": ["title", "url", "date"],
                "additionalProperties": False,
            },
        },
        "The reports its facts come from: title, address, and date (YYYY-MM-DD, YYYY-MM or YYYY).",
    ),
}


def opendata_schema() -> dict:
    """The JSON Schema of data/kampung.json: a list of kampung records."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": OPEN_DATA_SCHEMA_PATH,
        "title": f"{JSON_PATH}: the kampung of the guide",
        "description": "Every kampung's public fields (contact numbers are left out on purpose). "
        "Addresses are absolute when the site was built with --base-url, else relative to data/.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {name: {**schema, "description": text} for name, (schema, text) in FIELDS.items()},
            "required": list(FIELDS),
            "additionalProperties": False,
        },
    }


def opendata_schema_file() -> tuple[str, bytes]:
    """data/kampung.schema.json, indented for people to read."""
    return OPEN_DATA_SCHEMA_PATH, (json.dumps(opendata_schema(), ensure_ascii=False, indent=2) + "\n").encode()


def opendata_table() -> str:
    """The README's table of a record's fields, from the same definitions."""
    rows = [f"| `{name}` | {text} |" for name, (_, text) in FIELDS.items()]
    return "\n".join(["| field | meaning |", "|---|---|", *rows])

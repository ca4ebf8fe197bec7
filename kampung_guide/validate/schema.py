"""The content format, defined once: validation, conversion to the model and the JSON Schema.

Each content file's fields, with a one-line description each: the same definitions check the
content, build the model, and give the JSON Schema and the README's field reference.
"""

from __future__ import annotations

import re
from typing import Any

from ..util.travel import MODES
from . import model
from .specs import (
    LANG,
    Bool,
    Choice,
    Clock,
    Field,
    HoursSpec,
    IsoDate,
    KampungRef,
    ListOf,
    MapOf,
    Number,
    Obj,
    PriceSpec,
    Ref,
    ScheduleSpec,
    Str,
    TextSpec,
    WhatsApp,
)

# -- The content format ---------------------------------------------------------------------

URL = re.compile(r"^https?://[^\s/$.?#\"'<>`][^\s\"'<>`]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,20}$")
HANDLE = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")
COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|JPE?G|PNG|WEBP)$")


def _phone() -> Str:
    return Str(PHONE, hint="+62 812 3456 7890")


PRICE = PriceSpec()

LOCATION = Obj(
    model.Location,
    {
        "lat": Field(
            Number(-90, 90, range_key="not_latitude"),
            "Latitude in decimal degrees, -90 to 90 (south is negative).",
            True,
        ),
        "lon": Field(Number(-180, 180, range_key="not_longitude"), "Longitude in decimal degrees, -180 to 180.", True),
        "address": Field(TextSpec(), "Street address as a visitor would ask for it: kelurahan, kecamatan, city."),
        "approximate": Field(Bool(), "true when the pin marks the area, not the exact door; the page then says so."),
    },
)

PRODUCT = Obj(
    model.Product,
    {
        "name": Field(TextSpec(), "What the product is called.", True),
        "price_idr": Field(PRICE, "Price in whole rupiah, or [min, max]. Write 25000, not 25.000."),
        "description": Field(TextSpec(), "One line about the product."),
    },
)

DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

SCHEDULE = ScheduleSpec(
    lambda **v: model.Schedule(valid_from=v.pop("from", None), **v),
    {
        "days": Field(ListOf(Choice(*DAY_CODES)), "Weekly: the days it runs, e.g. [Sa, Su]."),
        "date": Field(IsoDate(), "Once: the date, e.g. 2026-12-05."),
        "start": Field(Clock(), "Start time, HH:MM in Asia/Jakarta (WIB).", True),
        "end": Field(Clock(), "End time, HH:MM.", True),
        "from": Field(IsoDate(), "Weekly only: the first date it runs."),
        "until": Field(IsoDate(), "Weekly only: the last date it runs."),
    },
)

EXPERIENCE = Obj(
    model.Experience,
    {
        "name": Field(TextSpec(), "What a visitor can do or learn.", True),
        "duration_minutes": Field(Number(1, 24 * 60, integer=True), "How long it takes, in minutes."),
        "price_idr": Field(PRICE, "Price per person in whole rupiah, or [min, max]."),
        "booking": Field(TextSpec(), "How to book, e.g. a request letter or a message a day before."),
        "description": Field(TextSpec(), "One line about the activity."),
        "schedule": Field(ListOf(SCHEDULE), "When it runs (for calendars): weekly days or dated sessions."),
    },
)

CONTACT = Obj(
    model.Contact,
    {
        "whatsapp": Field(WhatsApp(), "Indonesian mobile number on WhatsApp: 0812 3456 7890 or +62 812-3456-7890."),
        "phone": Field(_phone(), "Telephone number."),
        "instagram": Field(Str(HANDLE, hint="@kampungbatik"), "Instagram account name."),
        "website": Field(Str(URL, hint="https://example.org"), "Website address starting with https://."),
        "email": Field(Str(EMAIL, hint="name@example.org"), "E-mail address."),
    },
)

PHOTO = Obj(
    model.Photo,
    {
        "file": Field(
            Str(FILE, hint="batik-1.jpg (letters, digits, - _ . ; .jpg, .png or .webp)"),
            "File name under content/images/.",
            True,
        ),
        "alt": Field(TextSpec(), "What the photo shows, for visitors who cannot see it.", True),
        "credit": Field(Str(), "Who took the photo."),
    },
)

PARKING = ("car", "motorbike", "bus")
PAYMENT = ("cash", "qris", "transfer", "card")
FACILITIES = ("toilet", "mushola", "halal_food", "drinking_water", "shade", "seating")

VISIT = Obj(
    model.Visit,
    {
        "best_time": Field(TextSpec(), "When to come to see the work, e.g. 'mornings from 04:00'."),
        "booking": Field(TextSpec(), "How groups book, e.g. 'send a request letter to the tourism office'."),
        "booking_lead_days": Field(Number(0, 365, integer=True), "How many days ahead to book."),
        "group_max": Field(Number(1, 10_000, integer=True), "The largest group that can visit at once."),
        "parking": Field(ListOf(Choice(*PARKING)), f"Parking there is: {', '.join(PARKING)}."),
        "payment": Field(ListOf(Choice(*PAYMENT)), f"How visitors can pay: {', '.join(PAYMENT)}."),
        "facilities": Field(ListOf(Choice(*FACILITIES)), f"What is there: {', '.join(FACILITIES)}."),
        "wheelchair": Field(Choice("yes", "partial", "no"), "Wheelchair access: yes, partial or no."),
    },
)

KAMPUNG: Obj[dict[str, Any]] = Obj(
    dict,
    {
        "name": Field(TextSpec(), "Name of the kampung.", True),
        "category": Field(Ref(), "Category id from categories.yaml.", True),
        "summary": Field(TextSpec(max_len=300), "One sentence: what is made here and why visit.", True),
        "description": Field(TextSpec(markdown=True), "The story of the kampung, in Markdown.", True),
        "location": Field(LOCATION, "Where the kampung is.", True),
        "opening_hours": Field(HoursSpec(), "OpenStreetMap opening_hours, e.g. 'Mo-Sa 08:00-16:00; Su off'."),
        "products": Field(ListOf(PRODUCT), "What is made and sold here."),
        "experiences": Field(ListOf(EXPERIENCE), "Workshops and visits a tourist can join."),
        "contact": Field(CONTACT, "How visitors reach the kampung; every key is optional."),
        "photos": Field(ListOf(PHOTO), "Photos under content/images/, each with alt text."),
        "tags": Field(ListOf(Str(max_len=40)), "Search words, e.g. [batik, kain, oleh-oleh]."),
        "visit": Field(VISIT, "Visit readiness: best time, booking, group size, parking, payment, facilities."),
    },
    "A kampung UMKM profile (content/kampung/<slug>.yaml).",
)

CATEGORY: Obj[dict[str, Any]] = Obj(
    dict,
    {
        "name": Field(TextSpec(max_len=60), "Category name.", True),
        "description": Field(TextSpec(max_len=300), "One sentence about the category."),
        "color": Field(Str(COLOR, hint="#8b4513"), "Pin and label colour, as #rrggbb."),
        "icon": Field(Str(max_len=4), "A short symbol (an emoji or one or two letters) shown on pins and cards."),
    },
)

CATEGORIES = MapOf(CATEGORY, "content/categories.yaml: category id -> category.")

MAP = Obj(
    model.MapConfig,
    {
        "center": Field(ListOf(Number(-180, 180)), "[lat, lon] the maps centre on.", True),
        "zoom": Field(Number(1, 19, integer=True), "Zoom level of the overview map, 1-19."),
        "tiles": Field(
            Str(re.compile(r"^https://\S+\{z\}\S*$"), hint="https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "Tile URL template; default OpenStreetMap.",
        ),
        "attribution": Field(Str(), "Tile attribution, required with custom tiles (HTML allowed)."),
    },
)

OFFICE = Obj(
    model.OfficeContact,
    {
        "name": Field(TextSpec(), "Name of the tourism office."),
        "short_name": Field(
            TextSpec(max_len=60), "Short name used in running text, e.g. 'Disbudporapar Kota Mojokerto'."
        ),
        "whatsapp": Field(WhatsApp(), "Indonesian mobile number on WhatsApp."),
        "phone": Field(_phone(), "Telephone number."),
        "email": Field(Str(EMAIL, hint="name@example.org"), "E-mail address."),
        "website": Field(Str(URL, hint="https://example.org"), "Website."),
        "address": Field(TextSpec(), "Office address."),
    },
)

SITE: Obj[dict[str, Any]] = Obj(
    dict,
    {
        "title": Field(TextSpec(max_len=80), "Site title.", True),
        "tagline": Field(TextSpec(max_len=200), "One line under the title."),
        "intro": Field(TextSpec(markdown=True), "Home page introduction, in Markdown."),
        "city": Field(Str(), "City or region the guide covers.", True),
        "languages": Field(ListOf(Str(LANG, hint="id")), "Language codes; the first is served at the root."),
        "map": Field(MAP, "Map centre, zoom and tiles.", True),
        "contact": Field(OFFICE, "The tourism office visitors can ask."),
        "messages_language": Field(Str(LANG, hint="id"), "Language of `check` messages: en or id."),
    },
)

PAGE: Obj[dict[str, Any]] = Obj(
    dict,
    {
        "title": Field(TextSpec(max_len=120), "Page title.", True),
        "summary": Field(TextSpec(max_len=300), "One sentence for lists and link previews."),
        "order": Field(Number(0, 1000, integer=True), "Position in the menu (smaller first)."),
    },
)

MODE = Choice(*MODES)  # the speeds for each mode live in routes.py

ROUTE: Obj[dict[str, Any]] = Obj(
    dict,
    {
        "name": Field(TextSpec(max_len=120), "Name of the route.", True),
        "description": Field(
            TextSpec(markdown=True), "What the route shows a visitor, in Markdown. State only what is known.", True
        ),
        "mode": Field(MODE, "How to travel: walk, becak, motorbike or car.", True),
        "stops": Field(
            ListOf(KampungRef()),
            "Kampung slugs (file names without .yaml) in the order to visit them; at least two.",
            True,
        ),
    },
    "A suggested route through several kampung (content/routes/<slug>.yaml).",
)


def profile_json_schema() -> dict[str, Any]:
    """The JSON Schema of a kampung profile, for editors with the YAML language server."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Kampung profile",
        "description": KAMPUNG.description,
        **KAMPUNG.json_schema(),
    }


def field_table(spec: Obj[Any], prefix: str = "") -> list[tuple[str, bool, str]]:
    """(field path, required, description) for every field, nested fields and list items included."""
    rows = []
    for name, fld in spec.fields.items():
        path = prefix + name
        rows.append((path, fld.required, fld.description))
        inner = fld.spec.item if isinstance(fld.spec, ListOf) else fld.spec
        if isinstance(inner, Obj):
            rows.extend(field_table(inner, path + ("[]." if isinstance(fld.spec, ListOf) else ".")))
    return rows


def markdown_reference() -> str:
    """The field reference of every content file, as Markdown tables (for the README)."""
    parts = []
    for title, spec in (
        ("content/kampung/<slug>.yaml", KAMPUNG),
        ("content/site.yaml", SITE),
        ("content/categories.yaml (each category)", CATEGORY),
        ("content/pages/<slug>.md front matter", PAGE),
        ("content/routes/<slug>.yaml", ROUTE),
    ):
        parts.append(f"#### `{title}`\n\n| field | required | meaning |\n|---|---|---|")
        parts.extend(
            f"| `{path}` | {'yes' if required else ''} | {text} |" for path, required, text in field_table(spec)
        )
        parts.append("")
    return "\n".join(parts)

"""The content format and the guide's content as frozen values, declared once.

Each field a content file can carry is declared here with `content(spec, description)`: its Python
type, the spec that checks it (specs.py), its one-line description and whether it is required.
Validation (`Obj.of(cls)`), the JSON Schema and the README's field reference (schema.py) and the
editors are all derived from these declarations. Fields without `content(...)` are derived by the
loader (a profile's slug and file). Every later stage reads these values.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from ..util.travel import MODES
from .specs import (
    LANG,
    Bool,
    Choice,
    Clock,
    HoursSpec,
    IsoDate,
    KampungRef,
    ListOf,
    Number,
    Obj,
    PriceSpec,
    Ref,
    ReportDate,
    ScheduleSpec,
    Str,
    TextSpec,
    WhatsApp,
    content,
)
from .values import Hours, Price, Text, value

__all__ = ["Hours", "Price", "Text", "value"]  # the small values, from values.py, also named here

URL = re.compile(r"^https?://[^\s/$.?#\"'<>`][^\s\"'<>`]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,20}$")
HANDLE = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")
COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|JPE?G|PNG|WEBP)$")
WORD = re.compile(r"^[^\W_]+$")  # one word: letters and digits, no spaces or hyphens
TILES = re.compile(r"^https://\S+\{z\}\S*$")
DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
PARKING = ("car", "motorbike", "bus")
PAYMENT = ("cash", "qris", "transfer", "card")
FACILITIES = ("toilet", "mushola", "halal_food", "drinking_water", "shade", "seating")
PRICE = PriceSpec()


def phone() -> Str:
    return Str(PHONE, hint="+62 812 3456 7890")


@value(kw_only=True)
class Location:
    lat: float = content(
        Number(-90, 90, range_key="not_latitude"),
        "Latitude in decimal degrees, -90 to 90 (south is negative).",
        required=True,
    )
    lon: float = content(
        Number(-180, 180, range_key="not_longitude"), "Longitude in decimal degrees, -180 to 180.", required=True
    )
    address: Text | None = content(
        TextSpec(), "Street address as a visitor would ask for it: kelurahan, kecamatan, city."
    )
    approximate: bool = content(
        Bool(), "true when the pin marks the area, not the exact door; the page then says so.", default=False
    )


@value(kw_only=True)
class Product:
    name: Text = content(TextSpec(), "What the product is called.", required=True)
    price_idr: Price | None = content(PRICE, "Price in whole rupiah, or [min, max]. Write 25000, not 25.000.")
    description: Text | None = content(TextSpec(), "One line about the product.")


@value(kw_only=True)
class Schedule:
    """When an experience takes place, in Asia/Jakarta time: weekly on `days`, or once on `date`."""

    days: tuple[str, ...] = content(ListOf(Choice(*DAY_CODES)), "Weekly: the days it runs, e.g. [Sa, Su].", default=())
    date: str | None = content(IsoDate(), "Once: the date, e.g. 2026-12-05.")
    start: str = content(Clock(), "Start time, HH:MM in Asia/Jakarta (WIB).", required=True)
    end: str = content(Clock(), "End time, HH:MM.", required=True)
    valid_from: str | None = content(IsoDate(), "Weekly only: the first date it runs.", key="from")
    until: str | None = content(IsoDate(), "Weekly only: the last date it runs.")


@value(kw_only=True)
class Experience:
    name: Text = content(TextSpec(), "What a visitor can do or learn.", required=True)
    duration_minutes: int | None = content(Number(1, 24 * 60, integer=True), "How long it takes, in minutes.")
    price_idr: Price | None = content(PRICE, "Price per person in whole rupiah, or [min, max].")
    booking: Text | None = content(TextSpec(), "How to book, e.g. a request letter or a message a day before.")
    description: Text | None = content(TextSpec(), "One line about the activity.")
    schedule: tuple[Schedule, ...] = content(
        ListOf(ScheduleSpec.of(Schedule)), "When it runs (for calendars): weekly days or dated sessions.", default=()
    )


@value(kw_only=True)
class Contact:
    whatsapp: str | None = content(
        WhatsApp(), "Indonesian mobile number on WhatsApp: 0812 3456 7890 or +62 812-3456-7890."
    )
    phone: str | None = content(phone(), "Telephone number.")
    instagram: str | None = content(Str(HANDLE, hint="@kampungbatik"), "Instagram account name.")
    website: str | None = content(Str(URL, hint="https://example.org"), "Website address starting with https://.")
    email: str | None = content(Str(EMAIL, hint="name@example.org"), "E-mail address.")

    def __bool__(self) -> bool:
        return any((self.whatsapp, self.phone, self.instagram, self.website, self.email))


@value(kw_only=True)
class Photo:
    file: str = content(
        Str(FILE, hint="batik-1.jpg (letters, digits, - _ . ; .jpg, .png or .webp)"),
        "File name under content/images/.",
        required=True,
    )
    alt: Text = content(TextSpec(), "What the photo shows, for visitors who cannot see it.", required=True)
    credit: str | None = content(Str(), "Who took the photo.")
    width: int = 0  # upright size of the original, read from its file when the profile is checked
    height: int = 0


@value(kw_only=True)
class Visit:
    """What a group needs to know before coming: when, how to book, what is there."""

    best_time: Text | None = content(TextSpec(), "When to come to see the work, e.g. 'mornings from 04:00'.")
    booking: Text | None = content(TextSpec(), "How groups book, e.g. 'send a request letter to the tourism office'.")
    booking_lead_days: int | None = content(Number(0, 365, integer=True), "How many days ahead to book.")
    group_max: int | None = content(Number(1, 10_000, integer=True), "The largest group that can visit at once.")
    parking: tuple[str, ...] = content(ListOf(Choice(*PARKING)), f"Parking there is: {', '.join(PARKING)}.", default=())
    payment: tuple[str, ...] = content(
        ListOf(Choice(*PAYMENT)), f"How visitors can pay: {', '.join(PAYMENT)}.", default=()
    )
    facilities: tuple[str, ...] = content(
        ListOf(Choice(*FACILITIES)), f"What is there: {', '.join(FACILITIES)}.", default=()
    )
    wheelchair: str | None = content(Choice("yes", "partial", "no"), "Wheelchair access: yes, partial or no.")


# --- Sources, where to buy, who arranges visits (issue #20) -------------------------------------
# Kept together so the other content additions (issue #16: making, visit.rules, checked) merge beside them.

REPORT_DATE = re.compile(r"^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


@value(kw_only=True)
class Source:
    """A public report a profile's, page's or route's facts come from (Wikipedia's rule: say where)."""

    title: str = content(Str(max_len=300), "The report's title, as published.", required=True)
    url: str = content(Str(URL, hint="https://example.org/berita/123"), "Where the report can be read.", required=True)
    date: str = content(
        ReportDate(REPORT_DATE, hint="2024-02-07 (or 2024-02, or 2024 when only the month or year is known)"),
        "When it was published or the fact confirmed: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.",
        required=True,
    )


def sources_field() -> Any:  # a dataclass field, typed by the attribute it is given to
    """The `sources` field, the same for profiles, pages and routes."""
    return content(
        ListOf(Obj.of(Source)),
        "Reports the facts come from, each with title, url and date; shown as 'Sources' and in the open data.",
        default=(),
    )


@value(kw_only=True)
class Outlet:
    """A place where a kampung's products are sold: a wholesale centre, a gallery, a shop corner."""

    name: Text = content(TextSpec(max_len=120), "What the place is called.", required=True)
    location: Location = content(Obj.of(Location), "Where it is: pin and address.", required=True)
    sells: Text | None = content(TextSpec(max_len=300), "What is sold there, e.g. 'shoes and sandals from 35 makers'.")
    opening_hours: Hours | None = content(HoursSpec(), "When it is open, if known, e.g. 'Mo-Sa 09:00-17:00'.")


@value(kw_only=True)
class Organiser:
    """Who arranges visits to a kampung (e.g. the city office that runs its centre) and how to reach them;
    the page's 'ask …' lines then name them instead of the tourism office."""

    name: Text = content(TextSpec(max_len=200), "Name of the organisation that arranges visits.", required=True)
    short_name: Text | None = content(
        TextSpec(max_len=60), "Short name used in running text ('ask …'), e.g. 'Diskopukmperindag Kota Mojokerto'."
    )
    arranges: Text | None = content(
        TextSpec(max_len=300), "What they arrange and how, e.g. 'study visits, by request letter'."
    )
    whatsapp: str | None = content(WhatsApp(), "Indonesian mobile number on WhatsApp.")
    phone: str | None = content(phone(), "Telephone number.")
    email: str | None = content(Str(EMAIL, hint="name@example.org"), "E-mail address.")
    website: str | None = content(Str(URL, hint="https://example.org"), "Website.")
    address: Text | None = content(TextSpec(), "Office address.")

    def running_name(self, lang: str) -> str:
        """How running text names them."""
        return (self.short_name or self.name).get(lang)


# --- end of issue #20's block -------------------------------------------------------------------


@value(kw_only=True)
class Kampung:
    """A kampung UMKM profile (content/kampung/<slug>.yaml)."""

    name: Text = content(TextSpec(), "Name of the kampung.", required=True)
    category: str = content(Ref(), "Category id from categories.yaml.", required=True)
    summary: Text = content(TextSpec(max_len=300), "One sentence: what is made here and why visit.", required=True)
    description: Text = content(TextSpec(markdown=True), "The story of the kampung, in Markdown.", required=True)
    location: Location = content(Obj.of(Location), "Where the kampung is.", required=True)
    opening_hours: Hours | None = content(HoursSpec(), "OpenStreetMap opening_hours, e.g. 'Mo-Sa 08:00-16:00; Su off'.")
    products: tuple[Product, ...] = content(ListOf(Obj.of(Product)), "What is made and sold here.", default=())
    experiences: tuple[Experience, ...] = content(
        ListOf(Obj.of(Experience)), "Workshops and visits a tourist can join.", default=()
    )
    contact: Contact = content(
        Obj.of(Contact), "How visitors reach the kampung; every key is optional.", default_factory=Contact
    )
    photos: tuple[Photo, ...] = content(
        ListOf(Obj.of(Photo)), "Photos under content/images/, each with alt text.", default=()
    )
    tags: tuple[str, ...] = content(ListOf(Str(max_len=40)), "Search words, e.g. [batik, kain, oleh-oleh].", default=())
    visit: Visit | None = content(
        Obj.of(Visit), "Visit readiness: best time, booking, group size, parking, payment, facilities."
    )
    # issue #20: who arranges visits, where to buy, where the facts come from
    arranged_by: Organiser | None = content(
        Obj.of(Organiser), "The organisation that arranges visits, with its public contact (else the tourism office)."
    )
    outlets: tuple[Outlet, ...] = content(
        ListOf(Obj.of(Outlet)), "Places where the kampung's products are sold, each with its pin.", default=()
    )
    sources: tuple[Source, ...] = sources_field()
    slug: str = ""  # the file name without .yaml: the page address
    source: str = ""  # the file, as the editor typed its path

    @property
    def has_schedule(self) -> bool:
        """Whether any experience has a schedule (and so the kampung a calendar)."""
        return any(e.schedule for e in self.experiences)


@value(kw_only=True)
class Category:
    """A category of categories.yaml; its id is its key there."""

    name: Text = content(TextSpec(max_len=60), "Category name.", required=True)
    description: Text | None = content(TextSpec(max_len=300), "One sentence about the category.")
    color: str = content(Str(COLOR, hint="#8b4513"), "Pin and label colour, as #rrggbb.", default="#555555")
    icon: str | None = content(
        Str(max_len=4), "A short symbol (an emoji or one or two letters) shown on pins and cards."
    )
    id: str = ""


@value(kw_only=True)
class MapConfig:
    center: tuple[float, float] = content(ListOf(Number(-180, 180)), "[lat, lon] the maps centre on.", required=True)
    zoom: int = content(Number(1, 19, integer=True), "Zoom level of the overview map, 1-19.", default=14)
    tiles: str = content(
        Str(TILES, hint="https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
        "Tile URL template; default OpenStreetMap.",
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    )
    attribution: str = content(
        Str(),
        "Tile attribution, required with custom tiles (HTML allowed).",
        default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    )


@value(kw_only=True)
class OfficeContact:
    name: Text | None = content(TextSpec(), "Name of the tourism office.")
    short_name: Text | None = content(
        TextSpec(max_len=60), "Short name used in running text, e.g. 'Disbudporapar Kota Mojokerto'."
    )
    whatsapp: str | None = content(WhatsApp(), "Indonesian mobile number on WhatsApp.")
    phone: str | None = content(phone(), "Telephone number.")
    email: str | None = content(Str(EMAIL, hint="name@example.org"), "E-mail address.")
    website: str | None = content(Str(URL, hint="https://example.org"), "Website.")
    address: Text | None = content(TextSpec(), "Office address.")


@value(kw_only=True)
class SiteConfig:
    title: Text = content(TextSpec(max_len=80), "Site title.", required=True)
    tagline: Text | None = content(TextSpec(max_len=200), "One line under the title.")
    intro: Text | None = content(TextSpec(markdown=True), "Home page introduction, in Markdown.")
    city: str = content(Str(), "City or region the guide covers.", required=True)
    languages: tuple[str, ...] = content(
        ListOf(Str(LANG, hint="id")), "Language codes; the first is served at the root.", default=("id", "en")
    )
    map: MapConfig = content(Obj.of(MapConfig), "Map centre, zoom and tiles.", required=True)
    contact: OfficeContact = content(
        Obj.of(OfficeContact), "The tourism office visitors can ask.", default_factory=OfficeContact
    )
    messages_language: str = content(Str(LANG, hint="id"), "Language of `check` messages: en or id.", default="en")
    search_variants: tuple[tuple[str, ...], ...] = content(
        ListOf(ListOf(Str(WORD, hint="pengrajin", max_len=40))),
        "Words the list page's search treats alike, in groups, e.g. [[batik, mbatik], [kue, jajanan]]; "
        "added to the guide's own list.",
        default=(),
    )


@value(kw_only=True)
class FreePage:
    """A free page, content/pages/<slug>.md (and <slug>.en.md for its English twin); the fields are
    its front matter, the body its Markdown."""

    title: Text = content(TextSpec(max_len=120), "Page title.", required=True)
    summary: Text | None = content(TextSpec(max_len=300), "One sentence for lists and link previews.")
    order: int = content(Number(0, 1000, integer=True), "Position in the menu (smaller first).", default=100)
    sources: tuple[Source, ...] = sources_field()  # issue #20
    body: Text = field(default_factory=lambda: Text({}, ""))
    slug: str = ""
    source: str = ""


@value(kw_only=True)
class Route:
    """A suggested route through several kampung (content/routes/<slug>.yaml)."""

    name: Text = content(TextSpec(max_len=120), "Name of the route.", required=True)
    description: Text = content(
        TextSpec(markdown=True), "What the route shows a visitor, in Markdown. State only what is known.", required=True
    )
    mode: str = content(Choice(*MODES), "How to travel: walk, becak, motorbike or car.", required=True)
    stops: tuple[str, ...] = content(
        ListOf(KampungRef()),
        "Kampung slugs (file names without .yaml) in the order to visit them; at least two.",
        required=True,
    )
    sources: tuple[Source, ...] = sources_field()  # issue #20
    slug: str = ""
    source: str = ""


@value
class Site:
    """Everything the build renders: checked, cross-referenced, in a stable order."""

    config: SiteConfig
    categories: dict[str, Category]
    kampung: tuple[Kampung, ...]
    pages: tuple[FreePage, ...]
    images: dict[str, Path]  # file name under content/images -> its path
    routes: tuple[Route, ...] = ()

    def route_stops(self, route: Route) -> list[Kampung]:
        """The kampung of a route, in its order."""
        by_slug = {k.slug: k for k in self.kampung}
        return [by_slug[slug] for slug in route.stops]

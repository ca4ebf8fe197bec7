"""The guide's content as frozen values: what validation produces and every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pathlib import Path

    from .hours import Rule

C = TypeVar("C")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # so type checkers see the dataclass
def value(cls: type[C]) -> type[C]:
    """A frozen dataclass with slots that pickles as a call of its constructor: twice as fast to
    send between processes as the dataclass default, which the parallel loader relies on."""
    cls = dataclass(frozen=True, slots=True)(cls)
    cls.__reduce__ = _reduce  # type: ignore[method-assign]  # on purpose: see above
    return cls


def _reduce(self: Any) -> tuple[type[Any], tuple[object, ...]]:
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


@value
class Text:
    """A text in one or more languages; a missing language falls back to the site's first one."""

    values: dict[str, str]
    fallback: str

    def get(self, lang: str) -> str:
        """The text in `lang`, or in the fallback language when it is not translated."""
        return self.values.get(lang) or self.values.get(self.fallback) or next(iter(self.values.values()), "")

    def translated(self, lang: str) -> bool:
        """Whether the text was written in `lang` (a plain string counts as every language)."""
        return bool(self.values.get(lang)) or "*" in self.values

    @classmethod
    def plain(cls, text: str, fallback: str) -> Text:
        """The same text in every language."""
        return cls({"*": text}, fallback)


@value
class Price:
    """A price in rupiah, or a range."""

    low: int
    high: int


@value
class Location:
    lat: float
    lon: float
    address: Text | None = None
    approximate: bool = False


@value
class Product:
    name: Text
    price_idr: Price | None = None
    description: Text | None = None


@value
class Schedule:
    """When an experience takes place, in Asia/Jakarta time: weekly on `days`, or once on `date`."""

    start: str  # "HH:MM"
    end: str
    days: tuple[str, ...] = ()  # Mo..Su
    date: str | None = None  # ISO date
    valid_from: str | None = None  # weekly only: first and last day it runs
    until: str | None = None


@value
class Experience:
    name: Text
    duration_minutes: int | None = None
    price_idr: Price | None = None
    booking: Text | None = None
    description: Text | None = None
    schedule: tuple[Schedule, ...] = ()


@value
class Contact:
    whatsapp: str | None = None
    phone: str | None = None
    instagram: str | None = None
    website: str | None = None
    email: str | None = None

    def __bool__(self) -> bool:
        return any((self.whatsapp, self.phone, self.instagram, self.website, self.email))


@value
class Photo:
    file: str
    alt: Text
    credit: str | None = None


@value
class Hours:
    """OpenStreetMap opening_hours, parsed: the source text and its rules."""

    source: str
    rules: tuple[Rule, ...]


@value
class Visit:
    """What a group needs to know before coming: when, how to book, what is there."""

    best_time: Text | None = None
    booking: Text | None = None
    booking_lead_days: int | None = None
    group_max: int | None = None
    parking: tuple[str, ...] = ()  # car, motorbike, bus
    payment: tuple[str, ...] = ()  # cash, qris, transfer, card
    facilities: tuple[str, ...] = ()  # toilet, mushola, halal_food, drinking_water, shade, seating
    wheelchair: str | None = None  # yes, partial, no


@value
class Kampung:
    slug: str
    name: Text
    category: str
    summary: Text
    description: Text
    location: Location
    opening_hours: Hours | None = None
    products: tuple[Product, ...] = ()
    experiences: tuple[Experience, ...] = ()
    contact: Contact = field(default_factory=Contact)
    photos: tuple[Photo, ...] = ()
    tags: tuple[str, ...] = ()
    visit: Visit | None = None
    source: str = ""


@value
class Category:
    id: str
    name: Text
    description: Text | None = None
    color: str = "#555555"
    icon: str | None = None


@value
class MapConfig:
    center: tuple[float, float]
    zoom: int = 14
    tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: str = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


@value
class OfficeContact:
    name: Text | None = None
    short_name: Text | None = None
    whatsapp: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: Text | None = None


@value
class SiteConfig:
    title: Text
    city: str
    map: MapConfig
    tagline: Text | None = None
    intro: Text | None = None
    languages: tuple[str, ...] = ("id", "en")
    contact: OfficeContact = field(default_factory=OfficeContact)
    messages_language: str = "en"


@value
class FreePage:
    slug: str
    title: Text
    body: Text
    summary: Text | None = None
    order: int = 100
    source: str = ""


@value
class Route:
    """A suggested route (content/routes/<slug>.yaml): kampung slugs in the order to visit them."""

    slug: str
    name: Text
    description: Text
    mode: str  # one of routes.MODES
    stops: tuple[str, ...]
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

"""The spreadsheet layout of the content format, found by walking the specs of validate/schema.py:
which sheets there are, which columns each has, in the order of the content definition, and the
headers of each column in English and Indonesian.

A profile is a row of the Kampung sheet; a list of objects (products, experiences, their schedules,
photos) is a sheet of its own whose rows name their kampung by slug (and, for a list inside a list
item, the item's number); a text is one column per site language; a list of words is one cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from ..validate.schema import CATEGORY, KAMPUNG
from ..validate.specs import (
    SLUG,
    Bool,
    Choice,
    ListOf,
    Number,
    Obj,
    PriceSpec,
    Ref,
    Spec,
    Str,
    TextSpec,
)

if TYPE_CHECKING:
    from .cells import SheetValue

# The header of each column, by the field's dotted path from the file's root (list indexes left out),
# as (English, Indonesian). A new field in schema.py needs its line here (tests/test_sheets.py checks).
LABELS: dict[str, tuple[str, str]] = {
    "slug": ("Page address (slug)", "Alamat halaman (slug)"),
    "name": ("Name", "Nama"),
    "category": ("Category", "Kategori"),
    "summary": ("Summary", "Ringkasan"),
    "description": ("Description", "Deskripsi"),
    "location.lat": ("Latitude", "Garis lintang"),
    "location.lon": ("Longitude", "Garis bujur"),
    "location.address": ("Address", "Alamat"),
    "location.approximate": ("Pin is approximate", "Pin hanya perkiraan"),
    "opening_hours": ("Opening hours", "Jam buka"),
    "products.name": ("Product", "Produk"),
    "products.price_idr": ("Price (Rp)", "Harga (Rp)"),
    "products.description": ("About the product", "Keterangan produk"),
    "experiences#": ("Experience no.", "Pengalaman ke-"),
    "experiences.name": ("Experience", "Pengalaman"),
    "experiences.duration_minutes": ("Duration (minutes)", "Lama (menit)"),
    "experiences.price_idr": ("Price per person (Rp)", "Harga per orang (Rp)"),
    "experiences.booking": ("How to book", "Cara memesan"),
    "experiences.description": ("About the experience", "Keterangan pengalaman"),
    "experiences.schedule.days": ("Days (Mo Tu We Th Fr Sa Su)", "Hari (Mo Tu We Th Fr Sa Su)"),
    "experiences.schedule.date": ("Date (once)", "Tanggal (sekali)"),
    "experiences.schedule.start": ("Start", "Mulai"),
    "experiences.schedule.end": ("End", "Selesai"),
    "experiences.schedule.from": ("First date (weekly)", "Tanggal pertama (mingguan)"),
    "experiences.schedule.until": ("Last date (weekly)", "Tanggal terakhir (mingguan)"),
    "contact.whatsapp": ("WhatsApp", "WhatsApp"),
    "contact.phone": ("Telephone", "Telepon"),
    "contact.instagram": ("Instagram", "Instagram"),
    "contact.website": ("Website", "Situs web"),
    "contact.email": ("E-mail", "Surel"),
    "photos.file": ("Photo file", "Berkas foto"),
    "photos.alt": ("What the photo shows", "Isi foto"),
    "photos.credit": ("Photo credit", "Kredit foto"),
    "tags": ("Search words", "Kata pencarian"),
    "visit.best_time": ("Best time to come", "Waktu terbaik datang"),
    "visit.booking": ("Group booking", "Pemesanan rombongan"),
    "visit.booking_lead_days": ("Book days ahead", "Pesan berapa hari sebelumnya"),
    "visit.group_max": ("Largest group", "Rombongan terbesar"),
    "visit.parking": ("Parking", "Parkir"),
    "visit.payment": ("Payment", "Pembayaran"),
    "visit.facilities": ("Facilities", "Fasilitas"),
    "visit.wheelchair": ("Wheelchair access", "Akses kursi roda"),
    # issue #20: who arranges visits, where to buy, sources
    "arranged_by.name": ("Visits arranged by", "Kunjungan diatur oleh"),
    "arranged_by.short_name": ("Organiser, short name", "Nama singkat pengatur"),
    "arranged_by.arranges": ("What they arrange", "Yang diatur"),
    "arranged_by.whatsapp": ("Organiser WhatsApp", "WhatsApp pengatur"),
    "arranged_by.phone": ("Organiser telephone", "Telepon pengatur"),
    "arranged_by.email": ("Organiser e-mail", "Surel pengatur"),
    "arranged_by.website": ("Organiser website", "Situs web pengatur"),
    "arranged_by.address": ("Organiser address", "Alamat pengatur"),
    "outlets.name": ("Place to buy", "Tempat membeli"),
    "outlets.location.lat": ("Latitude", "Garis lintang"),
    "outlets.location.lon": ("Longitude", "Garis bujur"),
    "outlets.location.address": ("Address", "Alamat"),
    "outlets.location.approximate": ("Pin is approximate", "Pin hanya perkiraan"),
    "outlets.sells": ("What is sold", "Yang dijual"),
    "outlets.opening_hours": ("Opening hours", "Jam buka"),
    "sources.title": ("Report title", "Judul laporan"),
    "sources.url": ("Report address", "Alamat laporan"),
    "sources.date": ("Report date", "Tanggal laporan"),
    "categories.id": ("Category id", "Id kategori"),
    "categories.name": ("Category name", "Nama kategori"),
    "categories.description": ("About the category", "Keterangan kategori"),
    "categories.color": ("Colour (#rrggbb)", "Warna (#rrggbb)"),
    "categories.icon": ("Icon", "Ikon"),
}

# Sheet names, by table (English, Indonesian).
SHEETS: dict[str, tuple[str, str]] = {
    "kampung": ("Kampung", "Kampung"),
    "products": ("Products", "Produk"),
    "experiences": ("Experiences", "Pengalaman"),
    "experiences.schedule": ("Schedules", "Jadwal"),
    "photos": ("Photos", "Foto"),
    "outlets": ("Where to buy", "Tempat membeli"),
    "sources": ("Sources", "Sumber"),
    "categories": ("Categories", "Kategori"),
}

LANGUAGE_NAMES = {"id": ("Indonesian", "Indonesia"), "en": ("English", "Inggris")}

# How a cell holds a value: decides conversion, width and dropdown.
TEXT, MARKDOWN, NUMBER, PRICE, BOOL, CHOICE, WORDS, PLAIN = (
    "text",
    "markdown",
    "number",
    "price",
    "bool",
    "choice",
    "words",
    "plain",
)


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Indonesian or the English half of a (English, Indonesian) pair."""
    return pair[1] if lang == "id" else pair[0]


@dataclass(frozen=True)
class Column:
    """One column: `key` is its second header row (`location.lat`, `summary.en`)."""

    key: str
    path: tuple[str, ...]  # the field inside a row's object, without the language
    label_key: str  # its line in LABELS
    spec: Spec[object]
    kind: str
    lang: str | None = None  # the language of a text column
    required: bool = False
    main: bool = False  # the text column of the site's first language: a header without a language means it

    def label(self, lang: str) -> str:
        """The first header row in `lang`: `Ringkasan (Indonesia)`."""
        text = pick(LABELS.get(self.label_key, (self.key, self.key)), lang)
        if self.lang is None:
            return text
        return f"{text} ({pick(LANGUAGE_NAMES.get(self.lang, (self.lang, self.lang)), lang)})"

    def names(self) -> dict[str, str]:
        """Every header this column is known by (normalised, to as written): its key, and its label in
        either language; the main language's text column also by the label alone (`Ringkasan`)."""
        found = [self.label("id"), self.label("en"), self.key]
        bare = [pick(LABELS.get(self.label_key, (self.key, self.key)), m) for m in ("id", "en")]
        if self.lang:
            found += [f"{label} ({self.lang})" for label in bare]
        if self.main:
            found += [*bare, ".".join(self.path)]
        return {normal_header(name): name for name in found}


@dataclass(frozen=True)
class Table:
    """A sheet: `list_path` leads from the file's root to the list its rows are items of (() for the
    Kampung sheet); `keys` say which profile (and list item) a row belongs to."""

    name: str
    list_path: tuple[str, ...]
    keys: tuple[Column, ...]
    columns: tuple[Column, ...]

    def sheet_name(self, lang: str) -> str:
        return pick(SHEETS[self.name], lang)

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return self.keys + self.columns


def normal_header(text: SheetValue) -> str:
    """A header as compared on import: case, spaces and a trailing colon do not matter."""
    return " ".join(str(text).replace("\n", " ").split()).rstrip(":").strip().casefold()


def kind_of(spec: Spec[object]) -> str:
    if isinstance(spec, TextSpec):
        return MARKDOWN if spec.markdown else TEXT
    if isinstance(spec, Number):
        return NUMBER
    if isinstance(spec, PriceSpec):
        return PRICE
    if isinstance(spec, Bool):
        return BOOL
    if isinstance(spec, (Choice, Ref)):
        return CHOICE
    if isinstance(spec, ListOf):
        return WORDS
    return PLAIN


# A list of objects inside an object: its path from the object, its line in LABELS, and its items' spec.
ObjectList: TypeAlias = tuple[tuple[str, ...], str, Obj[object]]


def leaf_columns(
    spec: Obj[object], prefix: tuple[str, ...], label_prefix: str, languages: tuple[str, ...]
) -> tuple[list[Column], list[ObjectList]]:
    """The columns of an object's fields (nested objects flattened) and the lists of objects inside it."""
    columns, lists = [], []
    for name, fld in spec.fields.items():
        path, label_key = prefix + (name,), label_prefix + name
        inner = fld.spec
        if isinstance(inner, ListOf) and isinstance(inner.item, Obj):
            lists.append((path, label_key, inner.item))
        elif isinstance(inner, Obj):
            more, nested = leaf_columns(inner, path, label_key + ".", languages)
            columns += more
            lists += nested
        elif isinstance(inner, TextSpec):
            key = ".".join(path)
            columns += [
                Column(f"{key}.{lang}", path, label_key, inner, kind_of(inner), lang, fld.required and i == 0, i == 0)
                for i, lang in enumerate(languages)
            ]
        else:
            columns.append(Column(".".join(path), path, label_key, inner, kind_of(inner), None, fld.required))
    return columns, lists


def slug_column(key: str = "slug", label_key: str = "slug") -> Column:
    return Column(key, (), label_key, Str(SLUG, hint="batik-majapahit"), PLAIN, None, True)


def position_column(list_label: str) -> Column:
    """The number (1, 2, …) of the list item a nested row belongs to, e.g. the experience of a schedule."""
    return Column(
        list_label.rsplit(".", 1)[-1], (), list_label + "#", Number(1, 10_000, integer=True), NUMBER, None, True
    )


def kampung_tables(languages: tuple[str, ...]) -> list[Table]:
    """The Kampung sheet, then a sheet for each list of objects, depth first, in the schema's order."""
    columns, lists = leaf_columns(KAMPUNG, (), "", languages)
    tables = [Table("kampung", (), (slug_column(),), tuple(columns))]

    def add(list_path: tuple[str, ...], label_key: str, item: Obj[object], keys: tuple[Column, ...]) -> None:
        inner_columns, inner_lists = leaf_columns(item, (), label_key + ".", languages)
        tables.append(Table(label_key, list_path, keys, tuple(inner_columns)))
        for path, inner_label, inner_item in inner_lists:
            add(list_path + path, inner_label, inner_item, keys + (position_column(label_key),))

    for path, label_key, item in lists:
        add(path, label_key, item, (slug_column(),))
    return tables


def category_table(languages: tuple[str, ...]) -> Table:
    columns, _ = leaf_columns(CATEGORY, (), "categories.", languages)
    return Table("categories", (), (slug_column("id", "categories.id"),), tuple(columns))


def all_tables(languages: tuple[str, ...]) -> list[Table]:
    return [*kampung_tables(languages), category_table(languages)]


def find_table(sheet_title: str, tables: list[Table]) -> Table | None:
    """The table a sheet holds, by its name in either language (or the table's own name)."""
    wanted = normal_header(sheet_title)
    for table in tables:
        if wanted in {normal_header(n) for n in (*SHEETS[table.name], table.name)}:
            return table
    return None

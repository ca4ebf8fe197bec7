"""`build.py new kampung SLUG`: a commented profile to fill in, in the editor's language.

The required fields are there to fill: the name (from the file name), an empty category and pin,
and example texts; `check` refuses all of them until they are filled, so nothing of the example
is ever published. Every optional field is shown commented out, with its description, generated
from the content format (so a field added to model.py shows here too). Each line of a
commented-out field starts with a `#` and then the line as it is meant to be: removing only the
`#` leaves the indentation right (removing "# " would shift it by one space).
"""

from __future__ import annotations

import textwrap
from typing import Any

from .validate.fieldhelp import describe
from .validate.placeholders import TO_FILL, placeholder_text
from .validate.schema import KAMPUNG
from .validate.specs import Bool, Clock, ListOf, Obj, Spec

SCHEMA_FILE = "kampung.schema.json"  # written by `build.py schema` into the content folder
COMMENT_COLUMN = 40  # where the description of a commented-out field starts

HEADER = {
    "en": """\
# Profile of {name}. The file name ({slug}.yaml) is the page address: kampung/{slug}/.
# Fill in the empty fields (category, lat, lon), replace the example texts, then run
#   python build.py check
# which names every field still to fill. Lines starting with # are not used. To use a field,
# remove only its # (not the spaces before it), so that it lines up with the fields around it,
# and write its value in place of '...'. Leave out what you do not know: the page then tells
# visitors to ask the tourism office.""",
    "id": """\
# Profil {name}. Nama berkas ({slug}.yaml) menjadi alamat halaman: kampung/{slug}/.
# Isi kolom yang masih kosong (category, lat, lon), ganti teks contoh, lalu jalankan
#   python build.py check
# yang menyebut setiap kolom yang belum diisi. Baris yang diawali # tidak dipakai. Untuk memakai
# sebuah kolom, hapus tanda # saja (spasi di depannya jangan dihapus), agar kolom itu lurus dengan
# kolom di sekitarnya, lalu tulis isinya menggantikan '...'. Yang belum diketahui biarkan ber-#:
# halaman lalu meminta wisatawan bertanya ke dinas pariwisata.""",
}
NOTES = {
    "en": {"category": "Choose one of:", "pin": "Copy lat and lon from a map; the site's map centre is {center}."},
    "id": {"category": "Pilih salah satu:", "pin": "Salin lat dan lon dari peta; pusat peta situs ini {center}."},
}
LOCATION_FIELDS = ("lat", "lon", "address", "approximate")


def kampung_template(
    slug: str, categories: dict[str, str], center: tuple[float, float], languages: tuple[str, ...], lang: str = "en"
) -> str:
    """The text of a new profile for `slug`; `categories` maps each id to its name, `lang` is the
    language of the comments (the site's messages language)."""
    lang = lang if lang in HEADER else "en"
    words = [word.capitalize() for word in slug.split("-")]
    name = " ".join(words if words[0] == "Kampung" else ["Kampung", *words])
    notes = NOTES[lang]
    fields = KAMPUNG.fields

    def about(key: str, spec: Obj = KAMPUNG) -> str:
        return "# " + describe(spec.fields[key].description, lang)

    location = fields["location"].spec
    assert isinstance(location, Obj) and tuple(location.fields) == LOCATION_FIELDS, "update the scaffold's location"
    center_text = f"{center[0]}, {center[1]}"
    choices = ", ".join(f"{key} ({label})" for key, label in categories.items())
    lines = [
        f"# yaml-language-server: $schema=../{SCHEMA_FILE}",
        HEADER[lang].format(name=name, slug=slug),
        "",
        about("name"),
        f"name: {name}",
        about("category") + " " + notes["category"],
        *textwrap.wrap(choices, 96, initial_indent="#   ", subsequent_indent="#   "),
        "category:",
        about("summary"),
        "summary:" + texts("  ", "summary", languages, block=False),
        about("description"),
        "description:" + texts("  ", "description", languages, block=True),
        about("location"),
        "location:",
        "  # " + notes["pin"].format(center=center_text),
        "  " + about("lat", location),
        "  lat:",
        "  " + about("lon", location),
        "  lon:",
        "  " + about("address", location),
        f"#  address: Kelurahan {TO_FILL}, Kecamatan {TO_FILL}",
        "  " + about("approximate", location),
        "  approximate: true",
    ]
    for key, fld in fields.items():
        if not fld.required:
            lines += ["", about(key), *commented(key, fld.spec, lang)]
    return "\n".join(lines) + "\n"


def texts(indent: str, field: str, languages: tuple[str, ...], block: bool) -> str:
    """A required text's example in each of the site's languages (at most two: the main one and
    the first other)."""
    shown = languages[:2]
    if block:
        return "".join(f"\n{indent}{code}: |\n{indent}  {placeholder_text(field, code)}" for code in shown)
    if len(shown) == 1:
        return f' "{placeholder_text(field, shown[0])}"'
    return "".join(f'\n{indent}{code}: "{placeholder_text(field, code)}"' for code in shown)


def commented(key: str, spec: Spec[Any], lang: str) -> list[str]:
    """An optional field with its example value, each line commented by a `#` in front: removing
    that `#` alone gives the field as it is meant to be, indentation included."""
    return ["#" + line for line in written(key, spec, "", "", lang, note="")]


def written(key: str, spec: Spec[Any], lead: str, indent: str, lang: str, note: str) -> list[str]:
    """The lines of field `key` as they read once uncommented: `lead` before its name on its first
    line (the indentation, and `- ` for a list item's first field), `indent` before its fields."""
    if isinstance(spec, ListOf) and isinstance(spec.item, Obj):
        lines = [with_note(f"{lead}{key}:", note, lang)]
        for number, (name, fld) in enumerate(spec.item.fields.items()):
            first = f"{indent}  - " if number == 0 else f"{indent}    "
            lines += written(name, fld.spec, first, indent + "    ", lang, fld.description)
        return lines
    if isinstance(spec, Obj):
        lines = [with_note(f"{lead}{key}:", note, lang)]
        for name, fld in spec.fields.items():
            lines += written(name, fld.spec, indent + "  ", indent + "  ", lang, fld.description)
        return lines
    return [with_note(f"{lead}{key}: {example(spec)}", note, lang)]


def with_note(line: str, description: str, lang: str) -> str:
    """`line` with the field's description as a comment at the end (a field at the top has it above)."""
    return f"{line:<{COMMENT_COLUMN - 1}} # {describe(description, lang)}" if description else line


def example(spec: Spec[Any]) -> str:
    """What a commented-out field holds until it is filled in: `...` in the form the field needs."""
    if isinstance(spec, ListOf):
        return f"[{TO_FILL}]"
    if isinstance(spec, Clock):
        return f'"{TO_FILL}"'
    if isinstance(spec, Bool):
        return "true"
    return TO_FILL

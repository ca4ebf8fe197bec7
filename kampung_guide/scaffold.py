"""`build.py new kampung SLUG`: a commented profile that passes `check` as it stands.

Required fields get placeholder text to replace; every optional field is shown commented out
with its description from the schema, so an editor sees the whole format in the file itself.
"""

from __future__ import annotations

from .validate.schema import KAMPUNG, field_table

SCHEMA_FILE = "kampung.schema.json"  # written by `build.py schema` into the content folder


def describe() -> dict[str, str]:
    return {path: text for path, _, text in field_table(KAMPUNG)}


def kampung_template(slug: str, category: str, lat: float, lon: float, languages: tuple[str, ...]) -> str:
    """The text of a new profile for `slug` in the first category, pinned at the map centre."""
    d = describe()
    words = [word.capitalize() for word in slug.split("-")]
    name = " ".join(words if words[0] == "Kampung" else ["Kampung", *words])
    second = languages[1] if len(languages) > 1 else None

    def text(indent: str, main: str, other: str) -> str:
        if second is None:
            return f' "{main}"'
        return f'\n{indent}{languages[0]}: "{main}"\n{indent}{second}: "{other}"'

    def block(indent: str, main: str, other: str) -> str:
        first = f"\n{indent}{languages[0]}: |\n{indent}  {main}"
        return first + (f"\n{indent}{second}: |\n{indent}  {other}" if second else "")

    summary = text(
        "  ",
        "Tulis satu kalimat tentang apa yang dibuat di sini dan mengapa perlu dikunjungi.",
        "Write one sentence about what is made here and why to visit.",
    )
    description = block(
        "  ",
        "Ceritakan kampung ini: sejarah, cara membuat produknya, apa yang bisa dilihat.",
        "Tell the story of this kampung: its history, how the products are made, what a visitor can see.",
    )
    return f"""# yaml-language-server: $schema=../{SCHEMA_FILE}
# Profile of {name}. The file name ({slug}.yaml) is the page address: kampung/{slug}/.
# Replace the placeholder texts, remove the '#' in front of the fields you know, and run
#   python build.py check
# Leave out what you do not know: the page then tells visitors to ask the tourism office.

# {d["name"]}
name: {name}
# {d["category"]}
category: {category}
# {d["summary"]}
summary:{summary}
# {d["description"]}
description:{description}
# {d["location"]}
location:
  # {d["location.lat"]}
  lat: {lat}
  # {d["location.lon"]}
  lon: {lon}
  # {d["location.address"]}
  # address: Kelurahan ..., Kecamatan ..., Kota ...
  # {d["location.approximate"]}
  approximate: true

# {d["opening_hours"]}
# opening_hours: Mo-Sa 08:00-16:00; Su off

# {d["products"]}
# products:
#   - name: ...                      # {d["products[].name"]}
#     price_idr: 25000               # {d["products[].price_idr"]}
#     description: ...               # {d["products[].description"]}

# {d["experiences"]}
# experiences:
#   - name: ...                      # {d["experiences[].name"]}
#     duration_minutes: 120          # {d["experiences[].duration_minutes"]}
#     price_idr: 75000               # {d["experiences[].price_idr"]}
#     booking: ...                   # {d["experiences[].booking"]}
#     description: ...               # {d["experiences[].description"]}
#     schedule:                      # {d["experiences[].schedule"]}
#       - days: [Sa, Su]             # {d["experiences[].schedule[].days"]}
#         date: 2026-12-05           # {d["experiences[].schedule[].date"]} (use days or date)
#         start: "09:00"             # {d["experiences[].schedule[].start"]}
#         end: "11:00"               # {d["experiences[].schedule[].end"]}
#         from: 2026-01-01           # {d["experiences[].schedule[].from"]}
#         until: 2026-06-30          # {d["experiences[].schedule[].until"]}

# {d["contact"]}
# contact:
#   whatsapp: "+62 812 3456 7890"    # {d["contact.whatsapp"]}
#   phone: "0321 123456"             # {d["contact.phone"]}
#   instagram: namaakun              # {d["contact.instagram"]}
#   website: https://...             # {d["contact.website"]}
#   email: nama@contoh.id            # {d["contact.email"]}

# {d["photos"]}
# photos:
#   - file: {slug}-1.jpg             # {d["photos[].file"]}
#     alt: ...                       # {d["photos[].alt"]}
#     credit: ...                    # {d["photos[].credit"]}

# {d["tags"]}
# tags: [kata, kunci]

# {d["visit"]}
# visit:
#   best_time: ...                   # {d["visit.best_time"]}
#   booking: ...                     # {d["visit.booking"]}
#   booking_lead_days: 3             # {d["visit.booking_lead_days"]}
#   group_max: 30                    # {d["visit.group_max"]}
#   parking: [motorbike]             # {d["visit.parking"]}
#   payment: [cash, qris]            # {d["visit.payment"]}
#   facilities: [toilet, mushola]    # {d["visit.facilities"]}
#   wheelchair: partial              # {d["visit.wheelchair"]}
"""

"""The content files' specs, derived from the model's field declarations (model.py), and what is
made from them for editors: the JSON Schema and the README's field reference.
"""

from __future__ import annotations

from typing import Any

from . import model
from .specs import ListOf, MapOf, Obj, SchemaEnv

# -- The content files, from the model's declarations ------------------------------------------

# A file's checked values by model attribute, which the loader completes and gives to the model class
# (each value is of its attribute's type; a TypedDict per class would state the model twice).
Fields = dict[str, Any]

KAMPUNG: Obj[Fields] = Obj.of(model.Kampung, "A kampung UMKM profile (content/kampung/<slug>.yaml).", build=dict)
CATEGORY: Obj[Fields] = Obj.of(model.Category, build=dict)
CATEGORIES = MapOf(CATEGORY, "content/categories.yaml: category id -> category.")
SITE: Obj[Fields] = Obj.of(model.SiteConfig, build=dict)
PAGE: Obj[Fields] = Obj.of(model.FreePage, build=dict)  # a free page's front matter
ROUTE: Obj[Fields] = Obj.of(
    model.Route, "A suggested route through several kampung (content/routes/<slug>.yaml).", build=dict
)
EVENT: Obj[Fields] = Obj.of(model.Event, build=dict)


def profile_json_schema(languages: tuple[str, ...] = ("id", "en"), categories: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON Schema of a kampung profile of a site with these languages and category ids, for
    editors with the YAML language server. It says what `check` says, except what a schema cannot
    express (tests/test_schema.py lists it): warnings (a text missing in the main language is
    accepted, and shown in another), comparisons between values (a price range or a schedule in
    reverse), and numbers YAML reads differently from how they look (`25.000` is 25)."""
    env = SchemaEnv(tuple(languages), tuple(categories))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Kampung profile",
        "description": KAMPUNG.description,
        "$defs": {
            "language": {
                "description": "A language code: one of the site's languages, or another that CLDR knows (kept, "
                "not published).",
                "enum": env.language_keys(),
            }
        },
        **KAMPUNG.json_schema(env),
    }


def field_table(spec: Obj[object], prefix: str = "") -> list[tuple[str, bool, str]]:
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
        ("content/events/<slug>.yaml", EVENT),
    ):
        parts.append(f"#### `{title}`\n\n| field | required | meaning |\n|---|---|---|")
        parts.extend(
            f"| `{path}` | {'yes' if required else ''} | {text} |" for path, required, text in field_table(spec)
        )
        parts.append("")
    return "\n".join(parts)

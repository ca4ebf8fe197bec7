"""What each editor page shows: ready values for the templates in templates/editor/ (which compute
nothing), and the problems of a check placed next to the fields they are about."""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup

from ..render.renderer import PROJECT_TEMPLATES
from ..util.messages import format_message
from ..util.problems import Problem
from ..util.scriptjson import script_json
from ..validate import model
from .fieldtext import language_name
from .forms import Control, Shown
from .photos import MAX_MB
from .words import WORDS, word

STATIC = Path(__file__).resolve().parent / "static"
JS_WORDS = (
    "saving",
    "unsaved",
    "photo_too_big",
    "uploading",
    "upload_failed",
    "search_offline",
    "search_none",
    "search_searching",
    "map_offline",
    "pin_moved",
    "pin_label",
    "error_prefix",
    "warning_prefix",
    "item_added",
    "item_removed",
    "item_moved",
)


@dataclass
class Page:
    """What every editor page has: its language, title, words and the token its forms carry."""

    lang: str
    title: str
    csrf: str
    site_title: str
    path: str  # of this page, for the language switch
    current: str = ""  # which menu entry is this page's: contents, publish
    map: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def other_langs(self) -> list[tuple[str, str]]:
        """(code, name) of the interface languages this page can switch to."""
        return [(code, language_name(code)) for code in WORDS if code != self.lang]

    @property
    def words_json(self) -> Markup:
        return Markup(script_json({key: WORDS[self.lang][key] for key in JS_WORDS}))


def environment() -> jinja2.Environment:
    """Jinja for the editor's own templates (a site's templates folder cannot replace them)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PROJECT_TEMPLATES / "editor")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static"] = static_url
    return env


def form_url(kind: str, key: str) -> str:
    """The address of the form of a file (or category)."""
    if kind in ("site", "categories"):
        return f"/_editor/{kind}/"
    return f"/_editor/{kind}/{key}/"


def static_url(name: str) -> str:
    """The address of one of the editor's own files, with a version that changes with its bytes."""
    path = STATIC / name
    version = hashlib.sha256(path.read_bytes()).hexdigest()[:10] if path.is_file() else "0"
    return f"/_editor/static/{name}?v={version}"


# -- problems beside their fields -------------------------------------------------------------------


def attach(root: Control, problems: list[Problem], lang: str, prefix: str = "") -> list[Shown]:
    """Put each problem on the control it is about (the nearest group when no control has its name);
    return them all as the summary lists them. `prefix` is taken off the fields (a category's id)."""
    index: dict[str, tuple[Control, list[Control]]] = {}

    def visit(control: Control, ancestors: list[Control]) -> None:
        index[control.name] = (control, ancestors)  # a child of the same name (one language) wins
        for child in control.children:
            visit(child, ancestors + [control])

    visit(root, [])
    shown = []
    for i, problem in enumerate(problems):
        name = problem.field.removeprefix(prefix) if problem.field.startswith(prefix) else problem.field
        control, ancestors = target(index, name, cast("str | None", dict(problem.params).get("lang")))  # a code
        labels = [c.label for c in ancestors + [control] if c.label and c.path]
        text = format_message(problem.key, dict(problem.params), lang)
        item = Shown(text, problem.warning, " › ".join(dict.fromkeys(labels)), control.id, f"problem-{i}")
        control.problems.append(item)
        shown.append(item)
    return shown


def target(
    index: dict[str, tuple[Control, list[Control]]], name: str, lang: str | None
) -> tuple[Control, list[Control]]:
    """The control a problem at field `name` belongs to: the field's own control, a text's input
    in the language the problem names (or its first), else the nearest enclosing group."""
    if name in index:
        control, ancestors = index[name]
        if control.kind in ("text", "markdown", "price") and control.children:
            child = next((c for c in control.children if lang and c.lang == lang), control.children[0])
            return child, ancestors + [control]
        return control, ancestors
    while name:
        cut = max(name.rfind("."), name.rfind("["))
        name = name[:cut] if cut > 0 else ""
        if name in index:
            return index[name]
    return index[""]


def counts_text(shown: list[Shown], lang: str) -> str:
    """`2 kesalahan, 1 peringatan` (`1 error, 2 warnings`), or that there is no problem."""
    errors = sum(not s.warning for s in shown)
    if not shown:
        return word(lang, "no_problems")
    return word(lang, "n_errors", n=errors) + ", " + word(lang, "n_warnings", n=len(shown) - errors)


def check_result(root: Control, shown: list[Shown], others: list[str], lang: str, extra: dict) -> dict:
    """The answer of the check-as-you-type request: every problem with its control, and previews."""
    previews = {c.id: str(c.preview or "") for c in root.walk() if c.kind == "area"}
    hours = {c.id: c.rows for c in root.walk() if c.kind == "hours"}
    return {
        "problems": [s.__dict__ for s in shown],
        "errors": sum(not s.warning for s in shown),
        "counts": counts_text(shown, lang),
        "others": others,
        "previews": previews,
        "hours": hours,
        **extra,
    }


# -- pieces of the form page --------------------------------------------------------------------------


def map_island(site: model.Site | None, config: model.SiteConfig | None, slug: str, value: Any, lang: str) -> Markup:
    """The pin map's data: where to look, the tiles, and the other kampung shown faintly."""
    location = value.get("location") if isinstance(value, dict) else None
    lat, lon = (location.get("lat"), location.get("lon")) if isinstance(location, dict) else (None, None)
    placed = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon))
    placed = placed and -90 <= cast(float, lat) <= 90 and -180 <= cast(float, lon) <= 180  # all() saw numbers
    map_config = config.map if config else model.MapConfig(center=(0.0, 0.0), zoom=2)  # site.yaml unreadable: the world
    others = [
        [k.location.lat, k.location.lon, k.name.get(lang)] for k in (site.kampung if site else ()) if k.slug != slug
    ]
    data = {
        "center": [lat, lon] if placed else list(map_config.center),
        "zoom": 17 if placed else map_config.zoom,
        "placed": placed,
        "tiles": map_config.tiles,
        "attribution": map_config.attribution,
        "others": others,
    }
    return Markup(script_json(data))


def unknown_fields(problems: list[Problem], prefix: str = "") -> list[str]:
    """Fields of the file the content format does not know, which the form offers to remove."""
    return [
        p.field.removeprefix(prefix)
        for p in problems
        if p.key in ("unknown_field", "unknown_field_suggest") and not p.warning
    ]


def diff_lines(before: str, after: str) -> list[tuple[str, str]]:
    """A line diff as (kind, text): kind is `del`, `add` or `same`; for showing two versions."""
    lines = []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = {"-": "del", "+": "add", "@": "gap"}.get(line[:1], "same")
        lines.append((kind, line[1:] if kind != "gap" else "…"))
    return lines


def words_for(lang: str) -> Callable[..., str]:
    """The template's lookup for the editor's words."""

    def w(key: str, **params: object) -> str:
        return word(lang, key, **params)

    return w


def render(env: jinja2.Environment, name: str, page: Page, **values: object) -> bytes:
    return env.get_template(name).render(page=page, w=words_for(page.lang), **values).encode("utf-8")


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def fragment(env: jinja2.Environment, control: Control, lang: str) -> str:
    """The HTML of one control as the whole form renders it (for a list changed by the page's script)."""
    template = env.from_string('{% import "fields.html" as f with context %}{{ f.field(control) }}')
    return template.render(control=control, w=words_for(lang), upload_max=MAX_MB)

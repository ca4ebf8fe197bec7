"""The editor's first page: everything in the content folder, with its problems counted."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..load.yamlfile import YamlError
from ..plan.pages import AGENDA_KEY, category_key, kampung_key, lang_prefix, route_key
from ..util.problems import Report
from ..validate import model
from ..validate.content import PAGE_NAME, Loader
from . import documents
from .fieldtext import language_name
from .words import word


@dataclass
class Entry:
    """One thing to edit, as the list shows it."""

    name: str
    url: str  # of its form
    detail: str = ""  # what it is: a category's name, a file name, a page's language
    errors: int = 0
    warnings: int = 0
    untranslated: int = 0
    view: str = ""  # its page in the preview
    search: str = ""  # what the list's filter matches

    @property
    def status(self) -> list[tuple[str, str]]:
        """(kind, words) for each count that is not zero."""
        return [(kind, text) for kind, text in self.counts if text]

    counts: list[tuple[str, str]] = field(default_factory=list)


def content_lists(
    content: Path, shown: str, site: model.Site | None, report: Report | None, lang: str
) -> dict[str, Any]:
    """Every kampung, category, route, event, page and the site settings, each with its problems counted."""
    loader = Loader(content, shown)
    tally = count_problems(report)
    languages = site.config.languages if site else documents.languages_of(content)
    names = {k.slug: (k.name.get(lang), k.category) for k in site.kampung} if site else {}
    categories = {k: c.name.get(lang) for k, c in site.categories.items()} if site else {}

    def entry(name: str, url: str, path: Path, detail: str = "", view: str = "") -> Entry:
        errors, warnings, untranslated = tally.get(loader.display(path), (0, 0, 0))
        item = Entry(name, url, detail, errors, warnings, untranslated, view, f"{name} {detail}".lower())
        item.counts = [
            ("error", word(lang, "n_errors", n=errors) if errors else ""),
            ("warning", word(lang, "n_warnings", n=warnings) if warnings else ""),
            ("untranslated", word(lang, "n_untranslated", n=untranslated) if untranslated else ""),
        ]
        return item

    kampung = []
    for slug, path in documents.listing(content, "kampung").items():
        name, category = names.get(slug, (slug, ""))
        detail = categories.get(category, category)
        kampung.append(entry(name, f"/_editor/kampung/{slug}/", path, detail, "/" + kampung_key(slug)))
    kampung.sort(key=lambda e: e.name.lower())
    cats = [
        entry(name, f"/_editor/category/{key}/", content / "categories.yaml", key, "/" + category_key(key))
        for key, name in (categories or category_ids(content)).items()
    ]
    for item in cats:  # problems are counted per file: categories.yaml's belong to the file, not one category
        item.counts, item.search = [], f"{item.name} {item.detail}".lower()
    route_names = {r.slug: r.name.get(lang) for r in site.routes} if site else {}
    routes = [
        entry(route_names.get(slug, slug), f"/_editor/route/{slug}/", path, "", "/" + route_key(slug))
        for slug, path in documents.listing(content, "route").items()
    ]
    event_names = {e.slug: e.name.get(lang) for e in site.events} if site else {}
    events = [
        entry(event_names.get(slug, slug), f"/_editor/event/{slug}/", path, "", "/" + AGENDA_KEY)
        for slug, path in documents.listing(content, "event").items()
    ]
    pages = []
    titles = {p.slug: p.title for p in site.pages} if site else {}
    for stem, path in documents.listing(content, "page").items():
        match = cast(re.Match[str], PAGE_NAME.match(path.name))  # listing gives only names that match
        code = match["lang"] or languages[0]
        title = titles[match["slug"]].get(code) if match["slug"] in titles else match["slug"]
        view = "/" + lang_prefix(code, languages) + match["slug"] + "/"
        pages.append(entry(title, f"/_editor/page/{stem}/", path, language_name(code), view))
    settings = entry(word(lang, "site_settings"), "/_editor/site/", content / "site.yaml", "site.yaml", "/")
    total = sum(e.errors for e in kampung + routes + events + pages + [settings])
    cat_errors = tally.get(loader.display(content / "categories.yaml"), (0, 0, 0))[0]
    return {
        "kampung": kampung,
        "categories": cats,
        "category_errors": cat_errors,
        "routes": routes,
        "events": events,
        "pages": pages,
        "settings": settings,
        "errors": total + cat_errors,
        "site_ok": site is not None and not (report and report.errors),
    }


def count_problems(report: Report | None) -> dict[str, tuple[int, int, int]]:
    """File -> (errors, warnings, untranslated texts) of the last build's problems."""
    if report is None:
        return {}
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    untranslated: Counter[str] = Counter()
    for problem in report.problems:
        if not problem.warning:
            errors[problem.file] += 1
        elif problem.key == "untranslated":
            untranslated[problem.file] += 1
        else:
            warnings[problem.file] += 1
    files = set(errors) | set(warnings) | set(untranslated)
    return {f: (errors[f], warnings[f], untranslated[f]) for f in files}


def category_ids(content: Path) -> dict[str, str]:
    """Category ids from categories.yaml when the site did not build (their names unknown then)."""
    path = content / "categories.yaml"
    try:
        whole = documents.Source("category", "", path, documents.read_file(path)).whole()
    except YamlError:
        whole = {}
    return {key: key for key in whole}

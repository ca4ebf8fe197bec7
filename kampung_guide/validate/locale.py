"""A site's own translations of the guide's words: content/locale/<lang>.po, gettext catalogues
that add a language the guide does not ship or change a shipped word (util/catalogue.py).

Each is checked as the content is: a file that cannot be read, a placeholder the English text does
not have (`{nama}` for `{name}`) are errors with their line; words the guide does not have, or
whose English changed since the file was written, are warnings; and for each language `check`
says how many of the guide's words are still untranslated (those show in English).
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import TYPE_CHECKING

from ..util.catalogue import (
    Catalogue,
    CatalogueError,
    Source,
    parse_po,
    shipped,
    shipped_languages,
    source,
    translations,
)
from ..util.problems import Report
from .languages import is_language

if TYPE_CHECKING:
    from .content import Loader

LOCALE_FOLDER = "locale"


def locale_path(root: Path, lang: str) -> Path:
    """Where a site keeps its translation of the guide's words into `lang`."""
    return root / LOCALE_FOLDER / f"{lang}.po"


def load_translations(loader: Loader, languages: tuple[str, ...], languages_line: int) -> dict[str, Catalogue]:
    """The site's catalogues of its languages, checked; notes for languages the guide has no words for."""
    folder = loader.root / LOCALE_FOLDER
    files = sorted(folder.glob("*.po")) if folder.is_dir() else []
    found: dict[str, Catalogue] = {}
    present: set[str] = set()
    for path in files:
        shown = loader.display(path)
        if path.stem not in languages:
            key = "translation_unused" if is_language(path.stem) else "translation_name"
            loader.report.add(shown, 1, (), key, lang=path.stem, langs=", ".join(languages), warning=True)
            continue
        present.add(path.stem)
        text = loader.read_text(path)
        catalogue = None if text is None else check_catalogue(text, path.stem, shown, loader.report)
        if catalogue is not None:
            found[path.stem] = catalogue
    site = loader.display(loader.root / "site.yaml")
    for lang in languages:
        missing = untranslated(lang, found.get(lang))
        if not missing or (lang in present and lang not in found):  # a file with errors: those are reported
            continue
        if lang in found:
            loader.report.add(
                loader.display(locale_path(loader.root, lang)),
                1,
                (),
                "translation_incomplete",
                lang=lang,
                n=len(missing),
                total=len(source("site")),
                warning=True,
            )
        else:
            loader.report.add(
                site,
                languages_line,
                ("languages",),
                "translation_missing",
                lang=lang,
                file=loader.display(locale_path(loader.root, lang)),
                warning=True,
            )
    return found


def untranslated(lang: str, own: Catalogue | None) -> list[str]:
    """The guide's words that neither the package nor the site translates into `lang`."""
    if lang == "en" or (own is None and lang in shipped_languages("site")):
        return []  # the package's own catalogues are complete (tests/test_i18n.py holds them to it)
    ours = shipped("site", lang)
    have = set(ours.messages if ours else ()) | set(own.messages if own else ())
    return [key for key in source("site") if key not in have and key != "language_name"]


def check_catalogue(text: str, lang: str, shown: str, report: Report) -> Catalogue | None:
    """One site catalogue: its translations, with what is wrong in it reported."""
    try:
        catalog = parse_po(text, lang)
    except CatalogueError as exc:
        report.add(shown, exc.line, (), "translation_unreadable", detail=exc.detail)
        return None
    english = source("site")
    ok = True
    for message in catalog:
        if not message.id:
            continue
        line = message.lineno or 1
        known = english.get(message.context or "")
        if known is None:
            report.add(shown, line, (), "translation_unknown", key=message.context or message.id, warning=True)
            continue
        if (message.id if isinstance(message.id, str) else tuple(message.id)) != (
            known.text if known.plural is None else known.forms
        ):
            report.add(shown, line, (), "translation_outdated", key=known.key, english=known.text, warning=True)
        ok = check_placeholders(message.string or "", known, shown, line, report) and ok
    if not ok:
        return None
    found = translations(catalog, lang)
    return Catalogue(lang, {k: v for k, v in found.messages.items() if k in english}, found.plural)


def check_placeholders(
    translated: str | tuple[str, ...] | list[str], known: Source, shown: str, line: int, report: Report
) -> bool:
    """Whether a translation uses only the placeholders of its English text, each well formed."""
    forms = translated if isinstance(translated, (tuple, list)) else (translated,)
    for form in forms:
        if not form:
            continue
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(form) if name is not None}
        except ValueError:
            report.add(shown, line, (), "translation_braces", key=known.key)
            return False
        extra = sorted(names - known.placeholders)
        if extra:
            report.add(
                shown,
                line,
                (),
                "translation_placeholder",
                key=known.key,
                extra=", ".join("{" + name + "}" for name in extra),
                known=", ".join("{" + name + "}" for name in sorted(known.placeholders)) or "-",
            )
            return False
    return True

"""Gettext catalogues: the guide's own words (domain `site`, what visitors read) and its tools'
messages (domain `messages`, what `check`, `build` and `serve` print), read with Babel and
compiled in memory, so a user never runs a compile step.

Each message is identified by its context (`msgctxt`, e.g. `all_kampung`); its `msgid` is the
English text, the source every language falls back to. A language's words are the English
source, overlaid by the package's catalogue for that language (kampung_guide/locale/<domain>/<lang>.po)
and then by a site's own (content/locale/<lang>.po, for the site words).
"""

from __future__ import annotations

import functools
import gettext
import io
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"
DOMAINS = ("site", "messages")
ENGLISH_PLURAL = "(n != 1)"


@dataclass(frozen=True)
class Source:
    """A message of the English source: its text (and plural text), and where it is in the file."""

    key: str
    text: str
    plural: str | None = None
    line: int = 0
    comments: tuple[str, ...] = ()  # for translators, from the template's `#.` lines

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text,) if self.plural is None else (self.text, self.plural)

    @property
    def placeholders(self) -> frozenset[str]:
        """The `{name}`s its text fills in (`{{` and `}}` are literal braces)."""
        return frozenset(name for form in self.forms for _, name, _, _ in string.Formatter().parse(form) if name)


@dataclass(frozen=True)
class Catalogue:
    """The translated messages of one language: key -> text, or the tuple of its plural forms."""

    lang: str
    messages: dict[str, str | tuple[str, ...]]
    plural: str  # the C expression of its Plural-Forms header, e.g. `(n != 1)`


class CatalogueError(ValueError):
    """A .po file that cannot be read; `line` is where."""

    def __init__(self, line: int, detail: str):
        super().__init__(detail)
        self.line, self.detail = line, detail


def parse_po(text: str, lang: str | None = None) -> Catalog:
    """A Babel catalogue from the text of a .po file (in `lang`); CatalogueError when it is not one."""
    try:
        return read_po(io.StringIO(text), locale=lang, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogueError(getattr(exc, "lineno", 1) or 1, str(exc).split(" on line", 1)[0]) from None
    except (ValueError, IndexError, TypeError) as exc:  # a header or plural form Babel cannot read
        raise CatalogueError(1, str(exc)) from None


@functools.cache
def source(domain: str) -> dict[str, Source]:
    """The English messages of a domain, by key, in the order of its template (.pot)."""
    path = LOCALE / domain / f"{domain}.pot"
    catalog = parse_po(path.read_text(encoding="utf-8"))
    found = {}
    for message in catalog:
        if not message.id or message.context is None:
            continue
        text, plural = (message.id[0], message.id[1]) if isinstance(message.id, (tuple, list)) else (message.id, None)
        comments = tuple(message.auto_comments)
        found[message.context] = Source(message.context, str(text), plural, message.lineno or 0, comments)
    return found


def translations(catalog: Catalog, lang: str) -> Catalogue:
    """The translated, non-fuzzy messages of a Babel catalogue (what a compiled .mo would hold)."""
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy or message.context is None:
            continue
        if isinstance(message.string, (tuple, list)):
            if all(message.string):
                messages[message.context] = tuple(message.string)
        elif message.string:
            messages[message.context] = message.string
    return Catalogue(lang, messages, catalog.plural_expr or plural_of(lang))


def plural_of(lang: str) -> str:
    """The gettext plural expression of a language, from CLDR (through Babel)."""
    try:
        return get_plural(lang).plural_expr
    except ValueError:
        return ENGLISH_PLURAL


@functools.cache
def shipped(domain: str, lang: str) -> Catalogue | None:
    """The package's own catalogue of `domain` in `lang`, or None when it ships none."""
    path = LOCALE / domain / f"{lang}.po"
    if not path.is_file():
        return None
    return translations(parse_po(path.read_text(encoding="utf-8"), lang), lang)


def shipped_languages(domain: str) -> tuple[str, ...]:
    """English and every language the package has a catalogue of `domain` for."""
    return ("en", *sorted(p.stem for p in (LOCALE / domain).glob("*.po") if p.stem != "en"))


@functools.cache
def plural_rule(expression: str) -> Callable[[int], int]:
    """The plural form index for `n`, from a gettext Plural-Forms expression."""
    return gettext.c2py(expression)


class Words:
    """The messages of one domain in one language: English where no catalogue translates them.
    `t(key, **params)` gives a message filled with its params; a plural message picks its form by `n`."""

    def __init__(self, domain: str, lang: str, *overlays: Catalogue | None):
        self.lang = lang
        english = plural_rule(ENGLISH_PLURAL)
        self.texts: dict[str, str] = {}  # key -> text; plural messages apart, so `t` is one lookup
        self.plurals: dict[str, tuple[tuple[str, ...], Callable[[int], int]]] = {}
        for key, s in source(domain).items():
            if s.plural is None:
                self.texts[key] = s.text
            else:
                self.plurals[key] = (s.forms, english)
        self.translated: set[str] = set()
        for overlay in overlays:
            if overlay is None:
                continue
            rule = plural_rule(overlay.plural)
            for key, text in overlay.messages.items():
                if isinstance(text, str) and key in self.texts:
                    self.texts[key] = text
                elif not isinstance(text, str) and key in self.plurals:
                    self.plurals[key] = (text, rule)
                else:
                    continue  # not a message of the guide (any more), or plural where it is not
                self.translated.add(key)

    def __contains__(self, key: str) -> bool:
        return key in self.texts or key in self.plurals

    def t(self, key: str, /, **params: object) -> str:
        """The message `key`, filled with `params`; a plural message chooses its form by `n` (the
        form for 2 without it). Without params the text comes as it is, `{n}` and all (for scripts)."""
        text = self.texts.get(key)
        if text is None:
            forms, rule = self.plurals[key]
            count = params.get("n", 2)
            text = forms[min(rule(count if isinstance(count, int) else 2), len(forms) - 1)]
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        """Whether `key` is translated into this language (English counts as translated)."""
        return self.lang == "en" or key in self.translated


@functools.cache
def messages(lang: str) -> Words:
    """The tools' messages in `lang` (English where the package has no translation)."""
    return Words("messages", lang, shipped("messages", lang))


def site_file(lang: str, existing: str | None = None) -> tuple[str, int, int]:
    """The text of a site's content/locale/<lang>.po, as `build.py translations LANG` writes it:
    every word of the guide (English source, empty translation, the package's own translation as
    a comment) merged with what `existing` already translates, as gettext's msgmerge does (a word
    whose English changed keeps its old translation marked fuzzy; one the guide dropped stays at
    the end as obsolete). Also the number of words and of those translated."""
    ours = shipped("site", lang)
    fresh = Catalog(locale=lang, domain="site", project="kampung-umkm-guide", version="", fuzzy=False)
    for key, message in source("site").items():
        comments = message.comments
        if ours and key in ours.messages:
            own = ours.messages[key]
            comments += ("The guide's own: " + (own if isinstance(own, str) else " | ".join(own)),)
        flags = ("python-brace-format",) if message.placeholders else ()
        msgid = message.text if message.plural is None else message.forms
        fresh.add(msgid, "", context=key, flags=flags, auto_comments=comments)
    catalog = fresh
    if existing is not None:
        catalog = parse_po(existing, lang)
        catalog.update(fresh, update_header_comment=False, update_creation_date=False)
    else:
        catalog.header_comment = (
            f"# The kampung UMKM guide's own words in {lang}, for this site.\n"
            "# Fill in each msgstr (Poedit, Weblate or any .po editor);\n"
            "# an empty one shows the English. After updating the guide, run\n"
            f"#   python build.py translations {lang}\n"
            "# again: new words are added, your translations kept."
        )
    buffer = io.BytesIO()
    write_po(buffer, catalog, no_location=True, include_previous=True)
    translated = len(translations(catalog, lang).messages)
    return buffer.getvalue().decode("utf-8"), len(source("site")), translated

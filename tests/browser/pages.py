"""Which page of the build stands for each page kind, in each language (derived from content/)."""

from __future__ import annotations

from .harness import Facts, read_facts

KINDS = ("home", "list", "kampung", "category", "page", "404", "poster", "posters", "offline")
FACTS = read_facts()
KIND_LANGS = [
    (kind, lang) for kind in KINDS for lang in FACTS.languages if kind != "poster" or lang == FACTS.languages[0]
]  # one poster serves every language
IDS = [f"{kind}-{lang}" for kind, lang in KIND_LANGS]


def sample_kampung(facts: Facts):
    return facts.kampung[0]


def sample_category(facts: Facts) -> str:
    """The category with the most kampung, so that its map shows more than one pin where possible."""
    return max(facts.categories, key=lambda c: (len(facts.in_category(c)), c))


def page_path(facts: Facts, kind: str, lang: str) -> str:
    """Path of the page in the output folder, as in its address: `en/kampung/onde-onde/`."""
    key = {
        "home": "",
        "list": "kampung/",
        "kampung": f"kampung/{sample_kampung(facts).slug}/",
        "category": f"kategori/{sample_category(facts)}/",
        "page": f"{facts.pages[0]}/",
        "404": "404.html",
        "poster": f"kampung/{sample_kampung(facts).slug}/poster.html",
        "posters": "poster/",
        "offline": "offline/",
    }[kind]
    return facts.prefix(lang) + key


def expected_pins(facts: Facts, kind: str) -> list:
    """The kampung whose pins the page's map must show (none: the page has no map)."""
    if kind == "home":
        return list(facts.kampung)
    if kind == "category":
        return facts.in_category(sample_category(facts))
    if kind == "kampung":
        return [sample_kampung(facts)]
    return []


def kampung_path(facts: Facts, lang: str, slug: str) -> str:
    return f"{facts.prefix(lang)}kampung/{slug}/"

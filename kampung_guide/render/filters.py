"""What the list page's filters read of a kampung (its areas, opening week, price range), and which
filters the site's kampung give something to choose. The page is rendered with the useless filters
already left out, so that nothing moves when its script starts; the search index (outputs/search.py)
carries the same facts per row."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..validate.hours import week
from ..validate.model import Experience, Kampung, Product
from .making import children_welcome, making_week

_AREA = re.compile(r"\b(Kelurahan|Kecamatan|Kel\.|Kec\.)\s*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)")
# The filters a site may not need, in the form's order; "open" is always shown (switched off and
# explained when no kampung has opening hours): visitors look for it.
OPTIONAL = ("area", "max", "workshop", "watch", "watchday", "children", "sort")


def kampung_areas(k: Kampung, lang: str) -> list[tuple[str, str]]:
    """(kind, name) of each kelurahan ("kel") and kecamatan ("kec") named in the address."""
    return parse_areas(k.location.address.get(lang)) if k.location.address else []


def parse_areas(address: str) -> list[tuple[str, str]]:
    """`Kelurahan Miji (Kecamatan Kranggan)` -> [("kel", "Miji"), ("kec", "Kranggan")], in order, once each."""
    found = []
    for word, name in _AREA.findall(address):
        kind = "kel" if word.lower().startswith("kel") else "kec"
        found.append((kind, name))
    return list(dict.fromkeys(found))


def week_table(k: Kampung) -> list | None:
    """Opening spans per weekday, Monday first, as [[start, end], ...] in minutes; None when unknown."""
    if not k.opening_hours:
        return None
    return [[list(span) for span in spans] for spans in week(k.opening_hours.rules)]


def price_range(k: Kampung) -> list[int] | None:
    """[lowest, highest] rupiah over products and experiences, or None when no price is known."""
    items: tuple[Product | Experience, ...] = (*k.products, *k.experiences)
    prices = [item.price_idr for item in items if item.price_idr]
    return [min(p.low for p in prices), max(p.high for p in prices)] if prices else None


def filter_use(kampung: Iterable[Kampung], lang: str) -> dict[str, bool]:
    """Each filter of the list page: whether some kampung could pass it (`open`: whether one has hours)."""
    use = dict.fromkeys((*OPTIONAL, "open"), False)
    for k in kampung:
        making = k.making and making_week(k) is not None
        use["area"] = use["area"] or bool(kampung_areas(k, lang))
        use["max"] = use["max"] or price_range(k) is not None
        use["workshop"] = use["workshop"] or bool(k.experiences)
        use["open"] = use["open"] or k.opening_hours is not None
        use["watch"] = use["watchday"] = use["watch"] or bool(making)
        use["children"] = use["children"] or children_welcome(k)
        use["sort"] = use["sort"] or bool(k.checked)
    return use

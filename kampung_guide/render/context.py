"""What every view needs to know about the site and the build: addresses, assets, photos,
neighbours, and the pieces several views share (links, Markdown, pins, cards, QR codes, contacts)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import jinja2
from markupsafe import Markup

from ..plan.pages import Addresses, AnyPage, addresses_of, category_key, kampung_key, lang_prefix, places_name
from ..util.memo import IdentityMemo
from ..validate.model import Contact, Kampung, OfficeContact, Organiser, Site, Text
from . import i18n, links, making, maps
from .markdown import relative_links, render_markdown
from .qr import qr_svg

Values = dict[str, object]  # what a view gives its template: ready values by name (text, Markup, lists, objects)
Neighbours = dict[str, list[tuple[float, Kampung]]]  # geo.nearest_all's table: slug -> (km, kampung), nearest first


class PhotoVariant(Protocol):
    """One published size of a photo, as the views use it."""

    @property
    def path(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


class PhotoSizes(Protocol):
    """What the views use of a photo's planned sizes: an outputs.images.PhotoSet, given by the pipeline
    (render/ comes before outputs/, so it is described here, not imported)."""

    @property
    def fallback(self) -> PhotoVariant: ...
    @property
    def jpeg(self) -> tuple[PhotoVariant, ...]: ...
    def srcset(self, mime: str, prefix: str = "") -> str: ...


@dataclass
class Assets:
    """Asset paths with a content-hash query, so browsers never keep a stale copy."""

    versions: dict[str, str]

    def url(self, page: AnyPage, name: str) -> str:
        return page.root + self.url_from_root(name)

    def url_from_root(self, name: str) -> str:
        """`assets/style.css?v=…`, relative to the site root."""
        version = self.versions.get(name)
        return f"assets/{name}" + (f"?v={version}" if version else "")


NO_ATTRIBUTE = Markup("")


class Shown(NamedTuple):
    """A text as a page shows it: in the page's language, or in the language it falls back to
    (then `lang` names that language, for the element's lang attribute, and the text is marked
    as not translated yet)."""

    text: str
    lang: str = ""

    @property
    def attr(self) -> Markup:
        """` lang="id"` for a text shown in another language than the page's, else nothing."""
        return Markup(' lang="{}"').format(self.lang) if self.lang else NO_ATTRIBUTE

    @property
    def untranslated(self) -> bool:
        return bool(self.lang)

    def __str__(self) -> str:
        return self.text


class ContactLink(NamedTuple):
    """One way to reach a kampung or the tourism office."""

    kind: str  # whatsapp, phone, email, website, instagram
    label: str
    href: str
    value: str
    external: bool  # leaves the site for another host (rel="noopener")


@dataclass
class ViewContext:
    """The site and everything made for it before its pages render; language comes from each page."""

    site: Site
    env: jinja2.Environment  # for the card partial, made once per profile and kept between rebuilds
    assets: Assets
    base_url: str | None
    photos: Mapping[str, PhotoSizes]  # file name -> outputs.images.PhotoSet
    neighbours: Neighbours  # geo.nearest_all's table
    memo: IdentityMemo = field(default_factory=IdentityMemo)
    addresses: Addresses = field(init=False)
    _sorted: dict[str, list[Kampung]] = field(default_factory=dict, init=False)
    _words: dict[str, i18n.Language] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.addresses = addresses_of(self.site)

    def language(self, lang: str) -> i18n.Language:
        """The interface of `lang`: the guide's words (with the site's own catalogue) and CLDR formats."""
        found = self._words.get(lang)
        if found is None:
            found = self._words[lang] = i18n.Language(lang, self.site.translations.get(lang))
        return found

    def ui(self, lang: str) -> Callable[..., str]:
        """The lookup of the interface words in `lang`: `t("key", **params)`."""
        return self.language(lang).t

    @property
    def languages(self) -> tuple[str, ...]:
        return self.site.config.languages

    def href(self, page: AnyPage, key: str, lang: str | None = None) -> str:
        """Relative link from `page` to the page `key` in `lang` (default: the page's own)."""
        return page.root + lang_prefix(lang or page.lang, self.languages) + key

    def absolute(self, url: str) -> str:
        """The public address of a site-relative URL; empty without a base URL."""
        return self.base_url + url if self.base_url else ""

    def shown(self, value: Text | None, lang: str) -> Shown:
        """A text for a page in `lang` (empty when there is none)."""
        if not value:
            return Shown("")
        return Shown(value.get(lang), "" if value.translated(lang) else value.fallback)

    def markdown(self, page: AnyPage, value: Text | None, top: int = 2) -> Markup:
        """Markdown as safe HTML for this page: its links relative, its headings from level `top`."""
        if not value:
            return Markup("")
        language_root = page.root + lang_prefix(page.lang, self.languages)
        html = render_markdown(value.get(page.lang), top)
        return Markup(relative_links(html, language_root, page.root, self.addresses.is_shared))

    def sorted_kampung(self, lang: str, category: str | None = None) -> list[Kampung]:
        if lang not in self._sorted:
            self._sorted[lang] = sorted(self.site.kampung, key=name_order(lang))
        return [k for k in self._sorted[lang] if category is None or k.category == category]

    def pin(self, page: AnyPage, k: Kampung, link: bool) -> maps.Pin:
        """A kampung's pin on this page's map (made once per language, folder depth and link)."""
        category = self.site.categories[k.category]
        return self.memo.get(
            k,
            ("pin", page.lang, page.root, link),
            lambda: maps.pin(
                k.location.lat,
                k.location.lon,
                k.name.get(page.lang),
                category.id,
                category.icon or "",
                self.href(page, kampung_key(k.slug)) if link else "",
                category.name.get(page.lang),
            ),
        )

    def overview_map(self, page: AnyPage, chosen: list[Kampung] | tuple[Kampung, ...]) -> Values | None:
        """A map of several kampung, fitted to their pins, each pin's popup linking its page."""
        if not chosen:
            return None
        data = maps.MapData.fitted(self.site.config.map, pins=tuple(self.pin(page, k, link=True) for k in chosen))
        return maps.map_values(data)

    def places_map(self, page: AnyPage, links: bool, extra: tuple[maps.Pin, ...] = ()) -> Values | None:
        """A map of every kampung from the shared places script (the page loads it: `places_script`),
        and the `extra` pins, fitted to them; with `links`, each kampung's popup links its page."""
        if not self.site.kampung:
            return None
        data = maps.MapData.fitted(self.site.config.map, shared=len(self.site.kampung), links=links, pins=extra)
        return maps.map_values(data)

    def places_script(self, page: AnyPage) -> str:
        """The address of the places script (outputs/places.py) in the page's language."""
        return self.assets.url(page, places_name(page.lang))

    def card(self, page: AnyPage, kampung: Kampung) -> Markup:
        """A kampung's card as HTML (partials/card.html), made once per language and folder depth."""
        return self.memo.get(kampung, ("card", page.lang, page.root), lambda: self.card_html(page, kampung))

    def card_html(self, page: AnyPage, kampung: Kampung) -> Markup:
        lang = page.lang
        category = self.site.categories[kampung.category]
        card: Markup = self.env.get_template("partials/card.html").module.card(  # type: ignore[attr-defined]
            {
                "href": self.href(page, kampung_key(kampung.slug)),
                "name": self.shown(kampung.name, lang),
                "summary": self.shown(kampung.summary, lang),
                "category": category,
                "slug": kampung.slug,
                "category_name": category.name.get(lang),
                "category_href": self.href(page, category_key(category.id)),
                "area": kampung.location.address.get(lang) if kampung.location.address else "",
                "workshop": self.ui(lang)("card_workshop") if kampung.experiences else "",
                "making": making.making_short(kampung, lang),
                "making_label": self.ui(lang)("making_card"),
                "checked": self.ui(lang)("card_checked", date=i18n.format_date(kampung.checked, lang))
                if kampung.checked
                else "",
            }
        )
        return card

    def qr(self, url: str, px: int, label: str) -> Markup | str:
        """The QR code of a public address (from `absolute`), inline; none without a base URL."""
        return Markup(qr_svg(url, label, px)) if url else ""

    def office(self, lang: str) -> str:
        """How running text names the tourism office ("ask …"), on every page and in the planner."""
        contact = self.site.config.contact
        named = contact.short_name or contact.name
        return named.get(lang) if named else self.ui(lang)("ask_office_generic")


def name_order(lang: str) -> Callable[[Kampung], tuple[str, str]]:
    """The order kampung are listed in `lang`: by name there, case aside, then by slug."""
    return lambda k: (k.name.get(lang).casefold(), k.slug)


def contact_links(
    contact: Contact | OfficeContact | Organiser, t: Callable[..., str], greeting: str = ""
) -> list[ContactLink]:
    """The ways to reach someone, in a fixed order, labelled by `t` (a language's lookup); a
    WhatsApp link opens with `greeting`."""
    found: list[tuple[str, str, str]] = []
    if contact.whatsapp:
        found.append(
            ("whatsapp", links.whatsapp_url(contact.whatsapp, greeting), links.format_mobile(contact.whatsapp))
        )
    if contact.phone:
        found.append(("phone", links.tel_url(contact.phone), contact.phone))
    if contact.email:
        found.append(("email", f"mailto:{contact.email}", contact.email))
    if contact.website:
        found.append(("website", contact.website, contact.website.split("://", 1)[-1].rstrip("/")))
    instagram = getattr(contact, "instagram", None)
    if instagram:
        found.append(("instagram", links.instagram_url(instagram), "@" + instagram.lstrip("@")))
    return [ContactLink(kind, t(kind), href, value, href.startswith("http")) for kind, href, value in found]

"""Render planned pages to HTML with Jinja. Templates get ready values; they compute nothing."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..outputs import opendata, search
from ..plan.pages import Page, category_key, kampung_key, lang_prefix, poster_key, poster_scan_url
from ..util.memo import IdentityMemo
from ..validate.model import Kampung, Site, Text
from . import i18n, links, maps, planner, seo
from .markdown import relative_links, render_markdown
from .qr import qr_svg

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class TemplateError(Exception):
    """A template that cannot be found or used (a site's own templates are edited by hand); the
    message says where, as `file:line: template: what`."""


def make_environment(extra: list[Path] | None = None) -> jinja2.Environment:
    """Jinja with the site's own template folders first, so one template can be overridden alone."""
    folders = [str(p) for p in (extra or []) if p.is_dir()] + [str(PROJECT_TEMPLATES)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals["template_folders"] = folders
    return env


@dataclass
class Assets:
    """Asset paths with a content-hash query, so browsers never keep a stale copy."""

    versions: dict[str, str]

    def url(self, page: Page, name: str) -> str:
        return page.root + self.url_from_root(name)

    def url_from_root(self, name: str) -> str:
        """`assets/style.css?v=…`, relative to the site root."""
        version = self.versions.get(name)
        return f"assets/{name}" + (f"?v={version}" if version else "")


class Renderer:
    """Renders every page kind for one site; language always comes from the page."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        assets: Assets,
        base_url: str | None,
        photos: dict,
        neighbours: dict,
        memo: IdentityMemo | None = None,
    ):
        """`photos` maps file names to their `photos.PhotoSet`; `neighbours` is `geo.nearest_all`'s
        table. `memo`, a previous renderer's for the same settings and categories, keeps what was made
        from each unchanged profile (cards, pins, planner entries) for the next preview rebuild."""
        self.site, self.env, self.assets, self.base_url = site, env, assets, base_url
        self.photos, self.neighbours = photos, neighbours
        self.languages = site.config.languages
        self.memo = memo if memo is not None else IdentityMemo()
        self._sorted: dict[str, list[Kampung]] = {}

    def render(self, page: Page) -> str:
        """The HTML of one page."""
        view = getattr(self, f"view_{page.kind.replace('404', 'not_found')}")(page)
        context = {**self.common(page), **view}
        name = f"{page.kind}.html"
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            where = template_line(exc) or f"{page.kind}.html:1"
            raise TemplateError(
                f"{where}: template: {exc.name} not found in: {', '.join(self.env.globals['template_folders'])}"
            ) from None
        except Exception as exc:
            where = template_line(exc)
            if where is None:  # not the template's doing
                raise
            raise TemplateError(f"{where}: template: {exc}") from None

    # -- shared context ----------------------------------------------------------------------
    def common(self, page: Page) -> dict:
        lang, config = page.lang, self.site.config
        t = i18n.ui(lang)
        contact = config.contact
        office = (
            (contact.short_name or contact.name).get(lang)
            if (contact.short_name or contact.name)
            else t("ask_office_generic")
        )
        return {
            "lang": lang,
            "main_lang": self.languages[0],
            "t": t,
            "page": page,
            "root": page.root,
            "office": office,
            "home": self.href(page, ""),
            "site_title": config.title.get(lang),
            "tagline": config.tagline.get(lang) if config.tagline else "",
            "asset": lambda name: self.assets.url(page, name),
            "href": lambda key: self.href(page, key),
            "text": lambda value: value.get(lang) if value else "",
            "untranslated": lambda value: bool(value) and not value.translated(lang),
            "nav": self.nav(page),
            "twins": self.twins(page),
            "footer_pages": self.page_links(page),
            "contact": config.contact,
            "canonical": self.absolute(page.url) if page.kind != "404" else "",
            "map": self.page_map(page),
            "robots": "",
            "og_locale": i18n.LOCALES.get(lang, lang),
            "office_name": contact.name.get(lang) if contact.name else office,
            "office_links": self.office_links(lang),
        }

    def office_links(self, lang: str) -> list[dict]:
        """The tourism office's contact links, in a fixed order."""
        c, t = self.site.config.contact, i18n.ui(lang)
        found = []
        if c.whatsapp:
            found.append(
                {
                    "href": links.whatsapp_url(c.whatsapp, ""),
                    "label": f"WhatsApp {links.format_mobile(c.whatsapp)}",
                    "external": True,
                }
            )
        if c.phone:
            found.append({"href": links.tel_url(c.phone), "label": f"{t('phone')} {c.phone}", "external": False})
        if c.email:
            found.append({"href": f"mailto:{c.email}", "label": c.email, "external": False})
        if c.website:
            found.append(
                {
                    "href": c.website,
                    "label": f"{t('website')}: {c.website.split('://', 1)[-1].rstrip('/')}",
                    "external": True,
                }
            )
        return found

    def page_map(self, page: Page) -> dict | None:
        """The page's map, if it has one: its data as JSON and whether pins are clustered."""
        if page.kind == "home":
            chosen, fit = self.site.kampung, True
        elif page.kind == "category":
            chosen, fit = [k for k in self.site.kampung if k.category == page.obj.id], True
        elif page.kind == "kampung":
            chosen, fit = [page.obj], False
        else:
            return None
        if not chosen:
            return None
        config = self.site.config.map
        own = page.obj if page.kind == "kampung" else None
        data = maps.MapData(
            center=(own.location.lat, own.location.lon) if own else tuple(config.center),
            zoom=16 if own else config.zoom,
            fit=fit,
            pins=tuple(self.pin(page, k, link=own is None) for k in chosen),
            area_m=250 if own and own.location.approximate else 0,
            color=self.site.categories[own.category].color if own else "",
        )
        return {"json": Markup(maps.map_json(data)), "clustered": data.clustered}

    def pin(self, page: Page, k: Kampung, link: bool) -> maps.Pin:
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

    def href(self, page: Page, key: str, lang: str | None = None) -> str:
        """Relative link from `page` to the page `key` in `lang` (default: the page's own)."""
        return page.root + lang_prefix(lang or page.lang, self.languages) + key

    def absolute(self, url: str) -> str:
        return self.base_url + url if self.base_url else ""

    def markdown(self, page: Page, value: Text | None, top: int = 2) -> Markup:
        """Markdown as safe HTML for this page: its links relative, its headings from level `top`."""
        if not value:
            return Markup("")
        prefix = page.root + lang_prefix(page.lang, self.languages)
        return Markup(relative_links(render_markdown(value.get(page.lang), top), prefix))

    def nav(self, page: Page) -> list[dict]:
        t = i18n.ui(page.lang)
        items = [("", t("home"), "home"), ("kampung/", t("all_kampung"), "list"), ("rencana/", t("plan_nav"), "plan")]
        items += [(f"{p.slug}/", p.title.get(page.lang), f"page:{p.slug}") for p in self.site.pages]
        current = "page:" + page.obj.slug if page.kind == "page" else page.kind
        return [
            {"href": self.href(page, key), "label": label, "current": ident == current} for key, label, ident in items
        ]

    def twins(self, page: Page) -> list[dict]:
        """The same page in the other languages, for the language switch and hreflang (a poster
        serves every language and has none)."""
        return [
            {
                "lang": lang,
                "href": self.href(page, page.key, lang),
                "absolute": self.absolute(lang_prefix(lang, self.languages) + page.key),
                "name": i18n.ui(lang)("language_name"),
                "current": lang == page.lang,
            }
            for lang in (self.languages if page.kind != "poster" else (page.lang,))
        ]

    def page_links(self, page: Page) -> list[dict]:
        return [{"href": self.href(page, f"{p.slug}/"), "label": p.title.get(page.lang)} for p in self.site.pages]

    def card(self, page: Page, kampung: Kampung) -> Markup:
        """A kampung's card as HTML (partials/card.html), made once per language and folder depth."""
        return self.memo.get(kampung, ("card", page.lang, page.root), lambda: self.card_html(page, kampung))

    def card_html(self, page: Page, kampung: Kampung) -> Markup:
        lang = page.lang
        category = self.site.categories[kampung.category]
        return self.env.get_template("partials/card.html").module.card(
            {
                "href": self.href(page, kampung_key(kampung.slug)),
                "name": kampung.name.get(lang),
                "summary": kampung.summary.get(lang),
                "category": category,
                "slug": kampung.slug,
                "category_name": category.name.get(lang),
                "category_href": self.href(page, category_key(category.id)),
                "area": kampung.location.address.get(lang) if kampung.location.address else "",
            }
        )

    # -- page kinds --------------------------------------------------------------------------
    def view_home(self, page: Page) -> dict:
        lang = page.lang
        counts = {c: sum(k.category == c for k in self.site.kampung) for c in self.site.categories}
        return {
            "title": self.site.config.title.get(lang),
            "description": self.site.config.tagline.get(lang) if self.site.config.tagline else "",
            "intro": self.markdown(page, self.site.config.intro),
            "intro_untranslated": bool(self.site.config.intro) and not self.site.config.intro.translated(lang),
            "categories": [self.category_entry(page, c, counts[c.id]) for c in self.site.categories.values()],
            "cards": [self.card(page, k) for k in self.sorted_kampung(lang)],
            "map_label": i18n.ui(lang)("overview_map"),
        }

    def category_entry(self, page: Page, category, count: int) -> dict:
        t = i18n.ui(page.lang)
        return {
            "category": category,
            "name": category.name.get(page.lang),
            "description": category.description.get(page.lang) if category.description else "",
            "href": self.href(page, category_key(category.id)),
            "count": t("kampung_count_1") if count == 1 else t("kampung_count_n", n=count),
        }

    def sorted_kampung(self, lang: str, category: str | None = None) -> list[Kampung]:
        if lang not in self._sorted:
            self._sorted[lang] = sorted(self.site.kampung, key=lambda k: (k.name.get(lang).casefold(), k.slug))
        return [k for k in self._sorted[lang] if category is None or k.category == category]

    def view_list(self, page: Page) -> dict:
        t = i18n.ui(page.lang)
        return {
            "title": t("list_title"),
            "description": t("list_intro"),
            "cards": [self.card(page, k) for k in self.sorted_kampung(page.lang)],
            "categories": [
                self.category_entry(page, c, sum(k.category == c.id for k in self.site.kampung))
                for c in self.site.categories.values()
            ],
            "search_index": search.index_asset(page.lang),
        }

    def view_category(self, page: Page) -> dict:
        category, lang = page.obj, page.lang
        return {
            "title": i18n.ui(lang)("in_category", name=category.name.get(lang)),
            "description": category.description.get(lang) if category.description else "",
            "category": category,
            "cards": [self.card(page, k) for k in self.sorted_kampung(lang, category.id)],
            "map_label": i18n.ui(lang)("overview_map"),
        }

    def view_page(self, page: Page) -> dict:
        free, lang = page.obj, page.lang
        return {
            "title": free.title.get(lang),
            "description": free.summary.get(lang) if free.summary else "",
            "body": self.markdown(page, free.body),
            "body_untranslated": not free.body.translated(lang),
        }

    def view_plan(self, page: Page) -> dict:
        return planner.plan_view(self, page)

    def view_route(self, page: Page) -> dict:
        return planner.route_view(self, page)

    def view_not_found(self, page: Page) -> dict:
        t = i18n.ui(page.lang)
        return {
            "title": t("not_found_title"),
            "description": t("not_found_text"),
            "base_href": seo.base_path(self.base_url) + page.url.rpartition("/")[0] + ("/" if "/" in page.url else "")
            if self.base_url
            else "",
        }

    def view_kampung(self, page: Page) -> dict:
        k, lang = page.obj, page.lang
        t = i18n.ui(lang)
        category = self.site.categories[k.category]
        name = k.name.get(lang)
        contact = self.contact_links(k, lang)
        return {
            "title": name,
            "description": k.summary.get(lang),
            "k": k,
            "name": name,
            "category": category,
            "category_name": category.name.get(lang),
            "category_href": self.href(page, category_key(category.id)),
            "description_html": self.markdown(page, k.description, top=3),
            "products": [self.product(p, lang) for p in k.products],
            "experiences": [self.experience(e, lang) for e in k.experiences],
            "hours": i18n.hours_table(k.opening_hours, lang) if k.opening_hours else [],
            "address": k.location.address.get(lang) if k.location.address else "",
            "directions": links.directions(k.location.lat, k.location.lon, name),
            "contact_links": contact,
            "photos": [self.photo(page, p) for p in k.photos],
            "visit": i18n.visit_rows(k.visit, lang) if k.visit else [],
            "nearby": [
                {
                    "href": self.href(page, kampung_key(o.slug)),
                    "name": o.name.get(lang),
                    "distance": i18n.format_distance(km, lang),
                    "category": self.site.categories[o.category],
                }
                for km, o in self.neighbours[k.slug]
            ],
            "map_label": t("kampung_map"),
            "jsonld": seo.kampung_jsonld(k, self.site, lang, self.absolute(page.url)),
            "qr": self.qr(self.absolute(page.url), 160, "QR"),
            "og_image": self.absolute(self.photos[k.photos[0].file].fallback.path) if k.photos else "",
            "data_links": opendata.data_links(k, page.root, lang),
        }

    def photo(self, page: Page, photo) -> dict:
        """What a <picture> needs: WebP and JPEG srcsets, the fallback, its size, alt text and credit."""
        sizes = self.photos[photo.file]
        return {
            "webp": sizes.srcset("image/webp", page.root),
            "jpeg": sizes.srcset("image/jpeg", page.root),
            "src": page.root + sizes.fallback.path,
            "width": sizes.fallback.width,
            "height": sizes.fallback.height,
            "alt": photo.alt.get(page.lang),
            "credit": photo.credit,
        }

    def view_posters(self, page: Page) -> dict:
        t = i18n.ui(page.lang)
        return {
            "title": t("posters_title"),
            "description": t("posters_intro"),
            "robots": "noindex",
            "posters": [
                {
                    "href": self.href(page, poster_key(k.slug), self.languages[0]),
                    "name": k.name.get(page.lang),
                    "category": self.site.categories[k.category],
                }
                for k in self.sorted_kampung(page.lang)
            ],
            "has_qr": bool(self.base_url),
        }

    def view_poster(self, page: Page) -> dict:
        """A printable A4 poster for every language: name, category and summary in each, a QR code
        to each language's page, where to ask."""
        k = page.obj
        category = self.site.categories[k.category]
        return {
            "title": k.name.get(page.lang),
            "description": k.summary.get(page.lang),
            "category": category,
            "robots": "noindex",
            "names": unique_texts(k.name, self.languages),
            "category_names": unique_texts(category.name, self.languages),
            "summaries": unique_texts(k.summary, self.languages),
            "codes": [self.poster_code(k, lang) for lang in self.languages] if self.base_url else [],
            "page_href": self.href(page, kampung_key(k.slug)),
        }

    def poster_code(self, k: Kampung, lang: str) -> dict:
        """A poster's QR code to the kampung's page in `lang`, captioned in that language."""
        url, t = self.absolute(lang_prefix(lang, self.languages) + kampung_key(k.slug)), i18n.ui(lang)
        return {
            "lang": lang,
            "language": t("language_name"),
            "scan": t("poster_scan"),
            "url": url,  # printed under the code for typing in: without the marker
            "qr": self.qr(poster_scan_url(url) if url else "", 240, f"{t('language_name')}: {t('poster_scan')}: {url}"),
        }

    def qr(self, url: str, px: int, label: str) -> Markup | str:
        """The QR code of a public address (from `absolute`), inline; none without a base URL."""
        return Markup(qr_svg(url, label, px)) if url else ""

    def product(self, product, lang: str) -> dict:
        return {
            "name": product.name.get(lang),
            "price": i18n.format_price(product.price_idr, lang) if product.price_idr else "",
            "description": product.description.get(lang) if product.description else "",
        }

    def experience(self, exp, lang: str) -> dict:
        return {
            "name": exp.name.get(lang),
            "price": i18n.format_price(exp.price_idr, lang) if exp.price_idr else "",
            "duration": i18n.format_duration(exp.duration_minutes, lang) if exp.duration_minutes else "",
            "booking": exp.booking.get(lang) if exp.booking else "",
            "description": exp.description.get(lang) if exp.description else "",
        }

    def contact_links(self, k: Kampung, lang: str) -> list[dict]:
        c, t = k.contact, i18n.ui(lang)
        greeting = t("whatsapp_greeting")
        found = []
        if c.whatsapp:
            found.append(
                (
                    "whatsapp",
                    links.whatsapp_url(c.whatsapp, greeting.format(name=k.name.get(lang))),
                    links.format_mobile(c.whatsapp),
                )
            )
        if c.phone:
            found.append(("phone", links.tel_url(c.phone), c.phone))
        if c.email:
            found.append(("email", f"mailto:{c.email}", c.email))
        if c.website:
            found.append(("website", c.website, c.website.split("://", 1)[-1].rstrip("/")))
        if c.instagram:
            found.append(("instagram", links.instagram_url(c.instagram), "@" + c.instagram.lstrip("@")))
        return [{"kind": kind, "label": t(kind), "href": href, "value": value} for kind, href, value in found]


def template_line(exc: BaseException) -> str | None:
    """`file:line` of the innermost template line an error passed through (Jinja shows templates as
    the frames of their compiled code), or None."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def unique_texts(value: Text, languages: tuple[str, ...]) -> list[dict]:
    """`value` in each language, each wording once (an untranslated one falls back to a wording
    already there): [{"lang": "id", "text": "…"}, …]."""
    found: dict[str, str] = {}
    for lang in languages:
        found.setdefault(value.get(lang), lang)
    return [{"lang": lang, "text": text} for text, lang in found.items()]

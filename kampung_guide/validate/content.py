"""Read the content folder into a checked Site, or report every problem found.

This is the only module that reads content files. Nothing outside the content folder is read:
files and photos that resolve (through `..` or symlinks) outside it are refused.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

from ..load.yamlfile import Document, YamlError, YamlValue, parse_yaml
from ..util import fork
from ..util.fork import Forked, worth_forking
from ..util.geo import distance_km
from ..util.problems import FieldPath, Problem, Report
from ..util.travel import visiting_order
from . import model
from .placeholders import find_placeholders
from .schema import CATEGORIES, KAMPUNG, PAGE, ROUTE, SITE, Fields
from .specs import INVALID, SLUG, Ctx, ListOf, Obj, Spec, type_name

MAX_FILE_BYTES = 1_000_000  # a profile is a few KB; a megabyte is a mistake, not content
FAR_KM = 30  # a pin further than this from the map centre is probably a typo or swapped lat/lon
PAGE_NAME = re.compile(r"^(?P<slug>[^.]+)(?:\.(?P<lang>[a-z]{2,3}))?\.md$")

Link = tuple[str, int, FieldPath, str]  # (file, line, field, target) of a site link in Markdown
# What checking a profile gave, with the photos it names and whether each was found then.
CachedProfile = tuple[model.Kampung | None, list[Problem], list[Link], tuple[str, ...], tuple[bool, ...]]
ProfileCache = dict[tuple[object, ...], CachedProfile]  # (path, digest, context) -> the profile checked
PageVersion = tuple[Path, Fields, str]  # a page file in one language: its path, front matter, body
# What a profile is checked against: languages, categories, images and the site's settings.
Context = tuple[tuple[str, ...], dict[str, model.Category], dict[str, Path], model.SiteConfig | None]


class Loader:
    """Reads one content folder; `report` collects problems from every file."""

    def __init__(self, root: Path, shown: str | None = None, cache: ProfileCache | None = None) -> None:
        self.root = root
        self.cache = cache  # checked profiles kept between loads (the preview server keeps one)
        self.real_root = root.resolve()
        self.shown = shown if shown is not None else str(root)
        self._shown = str(Path(self.shown))  # normalised, as a Path joins it
        self.report = Report()
        self.links: list[Link] = []  # (file, line, field, target) of site links

    def display(self, path: Path) -> str:
        """The path as the editor typed it: `content/kampung/x.yaml`."""
        text, root = str(path), str(self.root)
        if root != "." and text.startswith(root + os.sep):  # pathlib's relative_to costs 40 µs a file
            return text[len(root) + 1 :] if self._shown == "." else self._shown + text[len(root) :]
        return str(Path(self.shown) / path.relative_to(self.root))

    def inside(self, path: Path) -> bool:
        """Whether `path`, symlinks followed, stays inside the content folder (a symlink costs a lookup)."""
        if not path.is_symlink() and not path.parent.is_symlink() and path.parent.parent == self.root:
            return True
        return path.resolve().is_relative_to(self.real_root)

    def read_text(self, path: Path) -> str | None:
        """A file's text, or None after reporting why it cannot be used."""
        shown = self.display(path)
        if not self.inside(path):
            self.report.add(shown, 1, (), "photo_outside", file=path.name)
            return None
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.report.add(shown, 1, (), "file_too_big", size=size, limit=MAX_FILE_BYTES)
                return None
            data = path.read_bytes()
        except OSError as exc:
            self.report.add(shown, 1, (), "unreadable", detail=exc.strerror or str(exc))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.report.add(shown, data[: exc.start].count(b"\n") + 1, (), "not_utf8")
            return None

    def read_yaml(self, path: Path, text: str | None = None, line_offset: int = 0) -> Document | None:
        """Parse a YAML file (or given text from it); report problems and return None on failure."""
        text = self.read_text(path) if text is None else text
        if text is None:
            return None
        try:
            doc = parse_yaml(text)
        except YamlError as exc:
            shown = self.display(path)
            self.report.add(shown, exc.line + line_offset, (), exc.key, excerpt=exc.excerpt, **exc.params)
            return None
        if line_offset:
            doc.lines = {k: v + line_offset for k, v in doc.lines.items()}
            doc.text_starts = {k: v + line_offset for k, v in doc.text_starts.items()}
            doc.offset = line_offset
        if doc.value is None:
            self.report.add(self.display(path), 1 + line_offset, (), "empty_file")
            return None
        if not isinstance(doc.value, dict):
            self.report.add(self.display(path), doc.line(()), (), "not_a_mapping_file", got=type_name(doc.value))
            return None
        return doc

    def ctx(self, path: Path, doc: Document, languages: Iterable[str], categories: Iterable[str] = frozenset()) -> Ctx:
        return Ctx(self.display(path), doc, self.report, tuple(languages), frozenset(categories))


@dataclass
class Checked:
    """Every file of a content folder, checked one by one: what passed, every problem, and the site
    links written in Markdown (checked against the site's addresses by plan/site.py)."""

    config: model.SiteConfig | None
    categories: dict[str, model.Category] | None
    kampung: tuple[model.Kampung, ...]
    pages: tuple[model.FreePage, ...]
    images: dict[str, Path]  # file name under content/images -> its path
    routes: tuple[model.Route, ...]
    report: Report
    links: list[Link]  # (file, line, field, target)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.config.languages if self.config else DEFAULT_LANGUAGES

    def site(self) -> model.Site | None:
        """The checked site, or None when any file has an error."""
        if self.report.errors or self.config is None or self.categories is None:
            return None
        return model.Site(self.config, self.categories, self.kampung, self.pages, self.images, self.routes)


DEFAULT_LANGUAGES = ("id", "en")


def validate_site(root: Path, shown: str | None = None, cache: ProfileCache | None = None) -> Checked:
    """Read and check every file of the content folder, reporting every problem found.

    A `cache` dict kept between calls lets unchanged profiles skip parsing and checking.
    """
    loader = Loader(root, shown, cache)
    config = load_config(loader)
    languages = config.languages if config else DEFAULT_LANGUAGES
    categories = load_categories(loader, languages)
    images = list_images(loader)
    kampung = load_kampung(loader, languages, categories or {}, images, config)
    pages = load_pages(loader, languages)
    routes = load_routes(loader, languages, kampung)
    return Checked(config, categories, kampung, pages, images, routes, loader.report, loader.links)


def read_required(loader: Loader, name: str) -> tuple[Path, Document | None]:
    """A settings file that every site has, parsed; a missing file is reported."""
    path = loader.root / name
    if not path.is_file():
        loader.report.add(loader.display(path), 1, (), "missing_file")
        return path, None
    return path, loader.read_yaml(path)


def load_config(loader: Loader) -> model.SiteConfig | None:
    """site.yaml, checked; its languages decide which texts every other file may have."""
    path, doc = read_required(loader, "site.yaml")
    if doc is None:
        return None
    languages = _languages(doc, loader.ctx(path, doc, ("id", "en")))
    config: Fields | model.SiteConfig = SITE.check(doc.value, (), loader.ctx(path, doc, languages))
    if config is INVALID:
        return None
    config = model.SiteConfig(**{**cast(Fields, config), "languages": languages})  # from the checked fields
    check_office(config, loader.ctx(path, doc, languages))
    return _check_map(config, doc, loader.ctx(path, doc, languages))


def check_office(config: model.SiteConfig, ctx: Ctx) -> None:
    """A warning when visitors, told on every page to ask the tourism office, have no way to ask it
    but a website (or none at all)."""
    office = config.contact
    if office.phone or office.whatsapp or office.email:
        return
    ctx.warn(("contact",), "office_website_only" if office.website else "office_no_contact")


def _languages(doc: Document, ctx: Ctx) -> tuple[str, ...]:
    raw = cast(dict[str, YamlValue], doc.value).get("languages")  # read_yaml gives mappings only
    if raw is None:
        return ("id", "en")
    checked = cast(tuple[str, ...], SITE.fields["languages"].spec.check(raw, ("languages",), ctx))  # ListOf(Str)
    if checked is INVALID or not checked:
        return ("id", "en")
    for i, lang in enumerate(checked):
        if lang in checked[:i]:
            ctx.error(("languages", i), "language_twice", lang=lang)
    return tuple(dict.fromkeys(checked))


def _check_map(config: model.SiteConfig, doc: Document, ctx: Ctx) -> model.SiteConfig | None:
    m = config.map
    if len(m.center) != 2 or not -90 <= m.center[0] <= 90:
        ctx.error(("map", "center"), "center_pair")
        return None
    raw = cast(dict[str, dict[str, YamlValue]], doc.value)["map"]  # checked: a mapping in a mapping
    if raw.get("tiles") and not raw.get("attribution"):
        ctx.error(("map", "tiles"), "tiles_need_attribution")
        return None
    return config


def load_categories(loader: Loader, languages: tuple[str, ...]) -> dict[str, model.Category] | None:
    """categories.yaml, checked, by id in alphabetical order."""
    path, doc = read_required(loader, "categories.yaml")
    if doc is None:
        return None
    raw = CATEGORIES.check(doc.value, (), loader.ctx(path, doc, languages))
    if raw is INVALID:
        return None
    return {key: model.Category(id=key, **fields) for key, fields in sorted(raw.items())}


def list_images(loader: Loader) -> dict[str, Path]:
    """Photo files under content/images, by name; links that leave the folder are left out."""
    folder = loader.root / "images"
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and loader.inside(p)}


def load_kampung(
    loader: Loader,
    languages: tuple[str, ...],
    categories: dict[str, model.Category],
    images: dict[str, Path],
    config: model.SiteConfig | None,
) -> tuple[model.Kampung, ...]:
    folder = loader.root / "kampung"
    files = sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))) if folder.is_dir() else []
    if not files:
        loader.report.add(loader.display(folder), 1, (), "no_kampung", folder=loader.display(folder))
    seen: dict[str, str]  # slug, lowercased -> the file that has it
    paths, seen = [], {}
    for path in files:
        slug = path.stem
        if not SLUG.match(slug):
            loader.report.add(loader.display(path), 1, (), "bad_slug", value=path.name)
            continue
        if slug.lower() in seen:
            loader.report.add(loader.display(path), 1, (), "duplicate_slug", other=seen[slug.lower()])
            continue
        seen[slug.lower()] = loader.display(path)
        paths.append(path)
    context = (languages, categories, images, config)
    if loader.cache is None and worth_forking(os.cpu_count() or 1, len(paths), fork.CHECK_APART_FROM):
        loaded = load_profiles_in_two(loader, paths, context)
    else:
        loaded = [load_profile(loader, path, *context) for path in paths]
    return tuple(k for k in loaded if k is not None)


def load_profiles_in_two(loader: Loader, paths: list[Path], context: Context) -> list[model.Kampung | None]:
    """Each profile checked, the second half by a forked process, as if one process had checked all:
    the same profiles, problems and links, in the same order."""
    half = len(paths) // 2
    with Forked(_check_all, loader.root, loader.shown, paths[half:], context) as theirs:
        mine = [check_profile(loader, path, *context) for path in paths[:half]]
        kampung, problems, links = theirs.result()
    loader.report.problems.extend(problems)
    loader.links.extend(links)
    return mine + kampung


def _check_all(
    root: Path, shown: str | None, paths: list[Path], context: Context
) -> tuple[list[model.Kampung | None], list[Problem], list[Link]]:
    """Profiles checked by a loader of their own: the profiles, its problems and its links."""
    loader = Loader(root, shown)
    return [check_profile(loader, path, *context) for path in paths], loader.report.problems, loader.links


def load_profile(
    loader: Loader,
    path: Path,
    languages: tuple[str, ...],
    categories: dict[str, model.Category],
    images: dict[str, Path],
    config: model.SiteConfig | None,
) -> model.Kampung | None:
    """One checked profile, from the loader's cache when neither the file nor its context changed."""
    key = None
    if loader.cache is not None and path.is_file() and path.stat().st_size <= MAX_FILE_BYTES:
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()  # mtimes are too coarse
        key = (path, digest, tuple(languages), tuple(categories), config.map.center if config else None)
    cached = cast(ProfileCache, loader.cache).get(key) if key else None  # a key is made only with a cache
    if cached is not None and cached[4] != tuple(name in images for name in cached[3]):
        cached = None  # one of its own photos came or went (a new photo elsewhere, an upload, keeps it)
    if cached is None:
        problems, links = len(loader.report.problems), len(loader.links)
        kampung = check_profile(loader, path, languages, categories, images, config)
        named = tuple(photo.file for photo in kampung.photos) if kampung else ()
        found = tuple(name in images for name in named)
        cached = (kampung, loader.report.problems[problems:], loader.links[links:], named, found)
        if key:
            cast(ProfileCache, loader.cache)[key] = cached
    else:
        loader.report.problems.extend(cached[1])
        loader.links.extend(cached[2])
    return cached[0]


def check_profile(
    loader: Loader,
    path: Path,
    languages: tuple[str, ...],
    categories: dict[str, model.Category],
    images: dict[str, Path],
    config: model.SiteConfig | None,
) -> model.Kampung | None:
    """Read and check one profile file; problems and site links go to the loader."""
    doc = loader.read_yaml(path)
    if doc is None:
        return None
    ctx = loader.ctx(path, doc, languages, categories)
    for hole in find_placeholders(doc.value):  # what a new profile left to fill: one message each
        line = doc.text_line(hole, 0)
        key = "placeholder_required" if always_there(KAMPUNG, hole) else "placeholder"
        loader.report.add(ctx.file, line, hole, key, excerpt=doc.excerpt(line))
        ctx.unfilled.add(hole)
    fields = KAMPUNG.check(doc.value, (), ctx)
    if fields is INVALID or ctx.unfilled:
        return None
    kampung = model.Kampung(slug=path.stem, source=loader.display(path), **fields)
    for lang, text in kampung.description.values.items():
        field = ("description",) if lang == "*" else ("description", lang)
        for offset, written in enumerate(text.splitlines()):
            loader.links.extend(
                (ctx.file, doc.text_line(field, offset), field, target) for target in find_site_links(written)
            )
    return check_kampung(kampung, ctx, images, config, loader)


def always_there(spec: Spec[Any], path: FieldPath) -> bool:
    """Whether every field on `path` is required (then a placeholder there cannot just be commented out)."""
    for part in path:
        if isinstance(spec, ListOf):
            spec = spec.item
            continue
        field = spec.fields.get(str(part)) if isinstance(spec, Obj) else None
        if field is None:
            return True  # inside a text: its languages
        if not field.required:
            return False
        spec = field.spec
    return True


def check_kampung(
    kampung: model.Kampung, ctx: Ctx, images: dict[str, Path], config: model.SiteConfig | None, loader: Loader
) -> model.Kampung:
    """Checks that need more than one field: photo files, pins far from the map, gaps to fill.
    Returns the profile with each photo's upright size, read from its file."""
    photos = []
    for i, photo in enumerate(kampung.photos):
        if photo.file not in images:
            report_missing_photo(ctx, ("photos", i, "file"), photo.file, images, loader)
            photos.append(photo)
            continue
        from ..load.images import read_photo  # Pillow only when a profile has photos: check stays quick

        (width, height), found = read_photo(images[photo.file])
        for key, params in found:
            report = ctx.error if key == "photo_unreadable" else ctx.warn
            report(("photos", i, "file"), key, **params)
        photos.append(dataclasses.replace(photo, width=width, height=height))
    check_gaps(kampung, ctx, config)
    check_sources(ctx, kampung_facts(kampung), kampung.sources)
    check_organiser(kampung.arranged_by, ctx)
    return dataclasses.replace(kampung, photos=tuple(photos)) if photos else kampung


def report_missing_photo(ctx: Ctx, path: FieldPath, name: str, images: dict[str, Path], loader: Loader) -> None:
    """A photo file that is not there, with the name it most likely means (`Batik-1.JPG` for `batik-1.jpg`)."""
    folder = loader.display(loader.root / "images") + "/"
    by_lower = {image.lower(): image for image in images}
    close = [by_lower[name.lower()]] if name.lower() in by_lower else difflib.get_close_matches(name, images, n=1)
    if close:
        ctx.error(path, "photo_missing_suggest", file=name, folder=folder, suggestion=close[0])
    else:
        ctx.error(path, "photo_missing", file=name, folder=folder)


def check_gaps(kampung: model.Kampung, ctx: Ctx, config: model.SiteConfig | None) -> None:
    """Warnings for what a visitor will miss, and for a pin far from the map."""
    if not kampung.photos:
        ctx.warn(("photos",), "no_photo")
    if kampung.opening_hours is None:
        ctx.warn(("opening_hours",), "no_hours")
    if config is not None:
        loc = kampung.location
        km = distance_km(loc.lat, loc.lon, *config.map.center)
        if km > FAR_KM:
            ctx.warn(("location",), "far_from_map", lat=loc.lat, lon=loc.lon, km=round(km))


# issue #20: facts without a source, and an organiser nobody can reach
FACT_FIELDS = ("location.address", "opening_hours", "products", "experiences", "contact", "visit", "outlets")


def kampung_facts(kampung: model.Kampung) -> list[str]:
    """The fields of a profile that state facts a visitor relies on (its description always does)."""
    facts = ["description"]
    values = {"location.address": kampung.location.address, **{f: getattr(kampung, f) for f in FACT_FIELDS[1:]}}
    facts += [name for name in FACT_FIELDS if values[name]]
    return facts + (["arranged_by"] if kampung.arranged_by else [])


def check_sources(ctx: Ctx, facts: list[str], sources: tuple[model.Source, ...]) -> None:
    """One warning per file, naming every field whose facts no source backs."""
    if facts and not sources:
        ctx.warn(("sources",), "no_sources", facts=", ".join(facts))


def check_organiser(organiser: model.Organiser | None, ctx: Ctx) -> None:
    """A warning when the page names who to ask but gives no way to ask them directly."""
    if organiser and not (organiser.phone or organiser.whatsapp or organiser.email):
        key = "organiser_website_only" if organiser.website else "organiser_no_contact"
        ctx.warn(("arranged_by",), key, name=organiser.name.get(ctx.languages[0]))


def load_pages(loader: Loader, languages: tuple[str, ...]) -> tuple[model.FreePage, ...]:
    folder = loader.root / "pages"
    if not folder.is_dir():
        return ()
    by_slug: dict[str, dict[str, PageVersion]] = {}
    for path in sorted(folder.glob("*.md")):
        match = PAGE_NAME.match(path.name)
        slug, lang = (match["slug"], match["lang"] or languages[0]) if match else (path.stem, languages[0])
        if not match or not SLUG.match(slug):
            loader.report.add(loader.display(path), 1, (), "bad_slug", value=path.name)
            continue
        if lang not in languages:
            loader.report.add(loader.display(path), 1, (), "page_language", lang=lang, langs=", ".join(languages))
            continue
        parsed = read_page(loader, path, languages)
        if parsed is not None:
            by_slug.setdefault(slug, {})[lang] = (path, *parsed)
    return tuple(
        sorted(
            (
                _merge_page(loader, slug, versions, languages)
                for slug, versions in by_slug.items()
                if languages[0] in versions or _no_main(loader, slug, versions, languages)
            ),
            key=lambda p: (p.order, p.slug),
        )
    )


def _no_main(loader: Loader, slug: str, versions: dict[str, PageVersion], languages: tuple[str, ...]) -> bool:
    path = next(iter(versions.values()))[0]
    loader.report.add(loader.display(path), 1, (), "page_without_main", main=languages[0], expected=f"{slug}.md")
    return False


def read_page(loader: Loader, path: Path, languages: tuple[str, ...]) -> tuple[Fields, str] | None:
    """Front matter fields and Markdown body of one page file."""
    text = loader.read_text(path)
    if text is None:
        return None
    if not text.startswith("---"):
        loader.report.add(loader.display(path), 1, (), "no_front_matter")
        return None
    head, sep, body = text[3:].partition("\n---")
    if not sep:
        loader.report.add(loader.display(path), 1, (), "no_front_matter")
        return None
    doc = loader.read_yaml(path, head.lstrip("\n") if head.startswith("\n") else head, line_offset=1)
    if doc is None:
        return None
    # the page's own language: its front matter is one language, not a mapping of languages
    fields = PAGE.check(doc.value, (), loader.ctx(path, doc, languages))
    if fields is INVALID:
        return None
    body = body.partition("\n")[2]
    first_body_line = text[: len(text) - len(body)].count("\n") + 1
    for number, line in enumerate(body.splitlines(), first_body_line):
        loader.links.extend((loader.display(path), number, (), target) for target in find_site_links(line))
    return fields, body


def _merge_page(
    loader: Loader, slug: str, versions: dict[str, PageVersion], languages: tuple[str, ...]
) -> model.FreePage:
    main = versions[languages[0]]

    def text(field: str) -> model.Text | None:
        values = {lang: v[1][field].get(lang) for lang, v in versions.items() if v[1].get(field)}
        return model.Text(values, languages[0]) if values else None

    body = model.Text({lang: v[2] for lang, v in versions.items()}, languages[0])
    sources = next((v[1]["sources"] for v in versions.values() if v[1].get("sources")), ())
    if not sources:
        loader.report.add(loader.display(main[0]), 1, ("sources",), "no_sources", warning=True, facts="body")
    return model.FreePage(
        slug=slug,
        title=cast(model.Text, text("title")),  # required in every version
        body=body,
        summary=text("summary"),
        order=main[1].get("order", 100),
        sources=sources,
        source=loader.display(main[0]),
    )


SHORTER_BY = 0.98  # suggest another order only when it saves more than 2 %: less is not worth a warning


def load_routes(
    loader: Loader, languages: tuple[str, ...], kampung: tuple[model.Kampung, ...]
) -> tuple[model.Route, ...]:
    """Suggested routes from content/routes/<slug>.yaml; the folder is optional."""
    folder = loader.root / "routes"
    if not folder.is_dir():
        return ()
    profiles = loader.root / "kampung"
    known = (
        frozenset(p.stem for pattern in ("*.yaml", "*.yml") for p in profiles.glob(pattern) if SLUG.match(p.stem))
        if profiles.is_dir()
        else frozenset()
    )
    places = {k.slug: k.location for k in kampung}
    seen: dict[str, str]  # slug -> the file that has it
    result, seen = [], {}
    for path in sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))):
        if not SLUG.match(path.stem) or path.stem in seen:
            key = "bad_slug" if not SLUG.match(path.stem) else "duplicate_slug"
            loader.report.add(loader.display(path), 1, (), key, value=path.name, other=seen.get(path.stem, ""))
            continue
        seen[path.stem] = loader.display(path)
        route = load_route(loader, path, languages, known, places)
        if route is not None:
            result.append(route)
    return tuple(result)


def load_route(
    loader: Loader,
    path: Path,
    languages: tuple[str, ...],
    known: frozenset[str],
    places: dict[str, model.Location],
) -> model.Route | None:
    """One checked route file; its description's site links go to the loader."""
    doc = loader.read_yaml(path)
    if doc is None:
        return None
    ctx = Ctx(loader.display(path), doc, loader.report, tuple(languages), kampung=known)
    fields = ROUTE.check(doc.value, (), ctx)
    if fields is INVALID:
        return None
    for lang, text in fields["description"].values.items():
        field = ("description",) if lang == "*" else ("description", lang)
        for offset, line in enumerate(text.splitlines()):
            loader.links.extend(
                (ctx.file, doc.text_line(field, offset), field, target) for target in find_site_links(line)
            )
    if not check_route(fields["stops"], ctx, places):
        return None
    check_sources(ctx, ["description"], fields.get("sources", ()))
    return model.Route(slug=path.stem, source=ctx.file, **fields)


def check_route(stops: tuple[str, ...], ctx: Ctx, places: dict[str, model.Location]) -> bool:
    """At least two stops, each once; a warning when the same start allows a clearly shorter order."""
    if len(stops) < 2:
        ctx.error(("stops",), "route_too_short")
        return False
    twice = [(i, slug) for i, slug in enumerate(stops) if stops.index(slug) < i]
    for i, slug in twice:
        ctx.error(("stops", i), "stop_twice", value=slug, first=stops.index(slug) + 1)
    if twice or not all(slug in places for slug in stops):
        return not twice
    points = [(places[s].lat, places[s].lon) for s in stops]
    order = visiting_order(points)
    given = sum(distance_km(*a, *b) for a, b in pairwise(points))
    shorter = sum(distance_km(*points[a], *points[b]) for a, b in pairwise(order))
    if shorter < given * SHORTER_BY:
        ctx.warn(
            ("stops",),
            "route_shorter_order",
            order=" → ".join(stops[i] for i in order),
            shorter=f"{shorter:.1f}",
            given=f"{given:.1f}",
        )
    return True


_MD_LINK = re.compile(r"\]\((/[^)\s]*)|href=[\"'](/[^\"']*)")


def find_site_links(markdown: str) -> list[str]:
    """Site-absolute link targets written in Markdown: `[x](/kampung/onde-onde/)`."""
    return [(a or b)[1:] for a, b in _MD_LINK.findall(markdown) if not (a or b).startswith("//")]


def configured_language(content: Path) -> str:
    """The messages language from site.yaml even when the rest of the content is broken."""
    try:
        value = parse_yaml((content / "site.yaml").read_text(encoding="utf-8")).value
    except (OSError, UnicodeDecodeError, YamlError):
        return "en"
    lang = value.get("messages_language") if isinstance(value, dict) else None
    return lang if lang in ("en", "id") else "en"

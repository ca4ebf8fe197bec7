"""Turn a checked Site into the files of the website, as (path, bytes) pairs. No disk writes here."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from . import maps, seo
from .colors import category_css
from .model import Site
from .pages import Page, kampung_key, plan_pages
from .render import Assets, Renderer, make_environment

PROJECT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
HASHED_ASSETS = ("style.css", "site.js", "categories.css")


def build_files(site: Site, content_dir: Path, base_url: str | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of the site in a stable order; paths are relative to the output folder."""
    pages = plan_pages(site)
    assets = dict(read_assets(content_dir))
    assets["assets/categories.css"] = category_css(site.categories.values()).encode()
    yield from sorted(assets.items())
    versions = {name: hashlib.sha256(assets[f"assets/{name}"]).hexdigest()[:10]
                for name in HASHED_ASSETS if f"assets/{name}" in assets}
    map_scripts = dict(plan_maps(site, pages))
    renderer = Renderer(site, make_environment([content_dir / "templates"]), Assets(versions), base_url,
                        {url for url in map_scripts})
    for page in pages:
        yield page.path, renderer.render(page).encode()
        if page.url in map_scripts:
            yield page.url + "map.js", maps.render_map(map_scripts[page.url]).script.encode()
    yield from photo_files(site)
    yield "robots.txt", seo.robots(base_url).encode()
    if base_url:
        twins: dict[str, list] = {}
        for page in pages:
            if page.kind != "404":
                twins.setdefault(page.key, []).append((page.lang, page.url))
        yield "sitemap.xml", seo.sitemap(list(twins.values()), base_url).encode()


def read_assets(content_dir: Path) -> Iterator[tuple[str, bytes]]:
    """The project's assets, with any file of the same name under content/assets/ taking its place."""
    found: dict[str, Path] = {}
    for folder in (PROJECT_ASSETS, content_dir / "assets"):
        if folder.is_dir():
            real = folder.resolve()
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.resolve().is_relative_to(real) and not path.name.startswith("."):
                    found["assets/" + path.relative_to(folder).as_posix()] = path
    for name, path in found.items():
        yield name, path.read_bytes()


def plan_maps(site: Site, pages: list[Page]) -> Iterator[tuple[str, maps.MapSpec]]:
    """The map of each page that has one: home and categories show many pins, a kampung its own."""
    config = site.config.map
    for page in pages:
        if page.kind == "home":
            chosen, fit = site.kampung, True
        elif page.kind == "category":
            chosen, fit = [k for k in site.kampung if k.category == page.obj.id], True
        elif page.kind == "kampung":
            chosen, fit = [page.obj], False
        else:
            continue
        if not chosen:
            continue
        pins = tuple(pin_for(site, page, k) for k in chosen)
        center, zoom = ((page.obj.location.lat, page.obj.location.lon), 16) if page.kind == "kampung" \
            else (tuple(config.center), config.zoom)
        yield page.url, maps.MapSpec(center, zoom, pins, config.tiles, config.attribution, "map", fit)


def pin_for(site: Site, page: Page, k) -> maps.Pin:
    category = site.categories[k.category]
    own = page.kind == "kampung"
    prefix = "" if page.lang == site.config.languages[0] else f"{page.lang}/"
    return maps.Pin(k.location.lat, k.location.lon, k.name.get(page.lang), category.id, category.icon or "",
                    "" if own else page.root + prefix + kampung_key(k.slug), category.name.get(page.lang),
                    k.location.approximate, category.color)


def photo_files(site: Site) -> Iterator[tuple[str, bytes]]:
    """Each photo used by a profile, copied once under images/."""
    used = sorted({p.file for k in site.kampung for p in k.photos})
    for name in used:
        yield f"images/{name}", Path(site.images[name]).read_bytes()

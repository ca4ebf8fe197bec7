"""Turn a checked Site into the files of the website, as (path, bytes) pairs. No disk writes here."""
from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path
from typing import Iterator

from . import maps, seo
from .colors import category_css
from .model import Site
from .pages import Page, plan_pages
from .render import Assets, Renderer, make_environment

PROJECT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
HASHED_ASSETS = ("style.css", "site.js", "categories.css", "map.js")


def build_files(site: Site, content_dir: Path, base_url: str | None = None,
                workers: int = 1) -> Iterator[tuple[str, bytes]]:
    """Every file of the site in a stable order; paths are relative to the output folder.

    With `workers` > 1 and a large site, pages are rendered by that many forked processes; the
    files and their order are the same as with one process.
    """
    pages = plan_pages(site)
    assets = dict(read_assets(content_dir))
    assets["assets/categories.css"] = category_css(site.categories.values()).encode()
    if site.kampung:
        config = site.config.map
        assets["assets/map.js"] = maps.render_map_script(config.center, config.zoom, config.tiles,
                                                         config.attribution).encode()
    yield from sorted(assets.items())
    versions = {name: hashlib.sha256(assets[f"assets/{name}"]).hexdigest()[:10]
                for name in HASHED_ASSETS if f"assets/{name}" in assets}
    renderer = Renderer(site, make_environment([content_dir / "templates"]), Assets(versions), base_url)
    yield from render_pages(renderer, pages, workers)
    yield from photo_files(site)
    yield "robots.txt", seo.robots(base_url).encode()
    if base_url:
        twins: dict[str, list] = {}
        for page in pages:
            if page.kind != "404":
                twins.setdefault(page.key, []).append((page.lang, page.url))
        yield "sitemap.xml", seo.sitemap(list(twins.values()), base_url).encode()


PARALLEL_FROM = 300  # below this many pages, starting processes costs more than it saves
_job: tuple[Renderer, list[Page]] | None = None  # inherited by forked workers


def render_pages(renderer: Renderer, pages: list[Page], workers: int) -> Iterator[tuple[str, bytes]]:
    """Each page's path and HTML, in the order of `pages`."""
    global _job
    if workers <= 1 or len(pages) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        for page in pages:
            yield page.path, renderer.render(page).encode()
        return
    _job = (renderer, pages)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_render_one, range(len(pages)), chunksize=8)
    finally:
        _job = None


def _render_one(index: int) -> tuple[str, bytes]:
    renderer, pages = _job
    return pages[index].path, renderer.render(pages[index]).encode()


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


def photo_files(site: Site) -> Iterator[tuple[str, bytes]]:
    """Each photo used by a profile, copied once under images/."""
    used = sorted({p.file for k in site.kampung for p in k.photos})
    for name in used:
        yield f"images/{name}", Path(site.images[name]).read_bytes()

"""Installable and usable offline: a web app manifest, icons, and a service worker.

The service worker (templates/sw.js, its settings filled in here) keeps the site's shell (styles,
scripts, icons, the home, list and offline pages of every language) in a cache named after the build's
content hash, so a deploy replaces it; the pages and photos a visitor saved or opened live in caches of
their own that every new version keeps. Requests to other hosts, map tiles above all, are never cached
(OpenStreetMap's tile policy forbids it).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json

from PIL import Image, ImageDraw

from ..render.renderer import TemplateError

ICON_SIZES = (192, 512)
BRAND, PAPER = (122, 59, 18), (255, 250, 243)


def icon_png(size: int, maskable: bool = False) -> bytes:
    """The app icon: a kampung house roof and door, drawn, not copied (deterministic PNG)."""
    image = Image.new("RGB", (size, size), BRAND if maskable else PAPER)
    draw = ImageDraw.Draw(image)
    pad = size * (0.2 if maskable else 0.08)
    if not maskable:
        draw.rounded_rectangle([pad, pad, size - pad, size - pad], radius=size * 0.18, fill=BRAND)
    s = (size - 2 * pad) / 100

    def xy(x: float, y: float) -> tuple[float, float]:
        return (pad + x * s, pad + y * s)

    draw.polygon([xy(16, 52), xy(50, 22), xy(84, 52)], fill=PAPER)  # roof
    draw.rectangle([xy(26, 52), xy(74, 80)], fill=PAPER)  # walls
    draw.rectangle([xy(44, 60), xy(56, 80)], fill=BRAND)  # door
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@functools.lru_cache(maxsize=1)  # drawn once per process: the preview rebuilds often
def icon_files() -> dict[str, bytes]:
    files = {f"assets/icons/icon-{size}.png": icon_png(size) for size in ICON_SIZES}
    files["assets/icons/icon-maskable-512.png"] = icon_png(512, maskable=True)
    return files


def manifest(name: str, short_name: str, description: str, lang: str, root: str) -> bytes:
    """The web app manifest of one language's pages; `root` leads from it to the site root."""
    data = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#fffaf3",
        "theme_color": "#7a3b12",
        "icons": [
            {"src": f"{root}assets/icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
            for size in ICON_SIZES
        ]
        + [
            {
                "src": f"{root}assets/icons/icon-maskable-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            }
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def short_name(title: str, limit: int = 15) -> str:
    """The title's first words that fit under a home-screen icon: 'Craft Villages of Mojokerto' -> 'Craft Villages'."""
    words, name = title.split(), ""
    for word in words:
        if len(f"{name} {word}".strip()) > limit:
            break
        name = f"{name} {word}".strip()
    return name or title[:limit]


def content_version(files: dict[str, bytes]) -> str:
    """A hash of every file of the build: any change gives the service worker a new cache."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]


WORKER_TEMPLATE = "sw.js"  # the service worker's script, a template file (a site may override it)
CONFIG_MARK = '"__GUIDE_CONFIG__"'  # where the build puts the worker's settings
NETWORK_WAIT_MS = 4000  # on weak data, a stored copy of a page answers after this long
SAVED_PAGES, SAVED_BYTES = 50, 40_000_000  # what "save for offline" keeps at most (the oldest out first)
RECENT_ENTRIES = 80  # pages and photos opened but not saved, kept across deploys (the oldest out first)


def service_worker(
    source: tuple[str, str], version: str, shell: list[tuple[str, str]], offline_pages: dict[str, str]
) -> bytes:
    """The service worker script from its template (text, file path): `shell` lists (URL, revision) of the files
    stored at once, `offline_pages` the offline page of each language folder ("" or "en/"); URLs are
    relative to the site root, where the worker lives."""
    text, path = source
    if text.count(CONFIG_MARK) != 1:
        raise TemplateError(f"{path}:1: template: write {CONFIG_MARK} once, where the build puts the settings")
    config = {
        "version": version,
        "shell": [list(entry) for entry in shell],
        "offline": offline_pages,
        "networkWait": NETWORK_WAIT_MS,
        "savedPages": SAVED_PAGES,
        "savedBytes": SAVED_BYTES,
        "recentEntries": RECENT_ENTRIES,
    }
    return text.replace(CONFIG_MARK, config_text(config)).encode()


def config_text(config: dict) -> str:
    """The settings as a JavaScript object literal, one shell file a line (readable diffs of sw.js)."""
    lines = []
    for key in sorted(config):
        value = config[key]
        if isinstance(value, list):
            text = "[\n" + ",\n".join("  " + json.dumps(item) for item in value) + "\n ]"
        else:
            text = json.dumps(value, sort_keys=True)
        lines.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}"

"""Installable and usable offline: a web app manifest, icons, and a service worker.

The service worker precaches the shell (styles, scripts, home and list pages in every language)
and keeps each page and photo the visitor opens. Its cache is named after the build's content
hash, so a new deploy replaces the old cache instead of serving a stale site. Requests to other
hosts, map tiles above all, are never cached (OpenStreetMap's tile policy forbids it).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json

from jinja2 import Template
from markupsafe import Markup
from PIL import Image, ImageDraw

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


SERVICE_WORKER = "sw.js"  # the worker's script, a template file (a site may override it)


def service_worker(template: Template, version: str, precache: list[str]) -> bytes:
    """The service worker script (templates/sw.js); `precache` URLs are relative to the site root, where it lives."""
    values = {"version": Markup(json.dumps(version)), "precache": Markup(json.dumps(precache, indent=1))}
    return template.render(values).encode()

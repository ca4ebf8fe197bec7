"""Markdown to safe HTML: rendered by Python-Markdown, then sanitized by nh3 (ammonia).

Editors are trusted but profiles may come from kampung representatives, so nothing that can run
script survives: no <script>, <style>, <iframe>, event handlers, or javascript:/data: URLs.
Links to other pages of the guide are written site-absolute (`/kampung/onde-onde/`) and made
relative to each page when it is rendered, so they work under a sub-path and from disk.
"""
from __future__ import annotations

import functools
import re

import markdown as _markdown
import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr"}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_SITE_LINK = re.compile(r'href="/(?!/)([^"]*)"')

_converter = _markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


@functools.lru_cache(maxsize=4096)  # the preview re-renders a few pages of texts it has seen; bounded for big builds
def render_markdown(text: str, top: int = 2) -> str:
    """Safe HTML for `text`, its largest heading made level `top` (the page owns <h1>); cached."""
    html = _converter.reset().convert(text)
    levels = [int(m[2]) for m in _HEADING.finditer(html)]
    shift = top - min(levels) if levels else 0
    html = _HEADING.sub(lambda m: f"<{m[1]}h{max(1, min(int(m[2]) + shift, 6))}>", html)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer")


def site_links(html: str) -> list[str]:
    """Site-absolute link targets in rendered HTML (`kampung/onde-onde/`), for link checking."""
    return [m[1] for m in _SITE_LINK.finditer(html)]


def relative_links(html: str, prefix: str) -> str:
    """Make site-absolute links relative: `prefix` leads from the page to its language's root."""
    return _SITE_LINK.sub(lambda m: f'href="{prefix}{m[1]}"', html)

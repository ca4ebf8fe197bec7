"""Markdown to safe HTML: rendered by Python-Markdown, then sanitized by nh3 (ammonia).

Editors are trusted but profiles may come from kampung representatives, so nothing that can run
script survives: no <script>, <style>, <iframe>, event handlers, or javascript:/data: URLs.
Links to other pages of the guide are written site-absolute (`/kampung/onde-onde/`) and made
relative to each page when it is rendered, so they work under a sub-path and from disk.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import markdown as _markdown
import nh3

TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_SITE_LINK = re.compile(r'href="/(?!/)([^"]*)"')

# Python-Markdown tries every inline pattern on every run of text, and on prose that is over half its
# time. A pattern cannot match a text without its marker character (block parsing only removes
# characters, and tabs become spaces), so each text is converted by a converter without the
# patterns it cannot trigger; the HTML is the same. Patterns not named here always stay.
MARKERS = {
    "backtick": "`",
    "escape": "\\",
    "reference": "[",
    "link": "[",
    "image_link": "[",
    "image_reference": "[",
    "short_reference": "[",
    "short_image_ref": "[",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "em_strong": "*_",
}
MARKER_CHARS = "".join(sorted(set("".join(MARKERS.values()))))


def converter(text: str) -> _markdown.Markdown:
    """A reset converter with only the inline patterns whose markers occur in `text`."""
    return _converter(frozenset(c for c in MARKER_CHARS if c in text)).reset()


@functools.cache  # one per set of markers: a few in practice, 128 at most
def _converter(present: frozenset[str]) -> _markdown.Markdown:
    md = _markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    for name, markers in MARKERS.items():
        if name in md.inlinePatterns and not present.intersection(markers):
            md.inlinePatterns.deregister(name)
    return md


@functools.lru_cache(maxsize=4096)  # the preview re-renders a few pages of texts it has seen; bounded for big builds
def render_markdown(text: str, top: int = 2) -> str:
    """Safe HTML for `text`, its largest heading made level `top` (the page owns <h1>); cached."""
    html = converter(text).convert(text)
    levels = [int(m[2]) for m in _HEADING.finditer(html)]
    shift = top - min(levels) if levels else 0
    html = _HEADING.sub(lambda m: f"<{m[1]}h{max(1, min(int(m[2]) + shift, 6))}>", html)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer")


def relative_links(
    html: str, language_root: str, root: str = "", shared: Callable[[str], bool] = lambda target: False
) -> str:
    """Make site-absolute links relative: a page's link leads to its twin in the page's language
    (`language_root` leads there from the page); a file `shared` by every language (a data file,
    a poster, a photo) is reached through `root`, the way to the site root."""
    return _SITE_LINK.sub(lambda m: f'href="{root if shared(m[1]) else language_root}{m[1]}"', html)

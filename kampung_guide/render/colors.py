"""Category colours: CSS for pins and labels, with text colour chosen for contrast."""

from __future__ import annotations

from collections.abc import Iterable

from ..validate.model import Category


def _luminance(color: str) -> float:
    """WCAG relative luminance of #rgb or #rrggbb."""
    hex_ = color.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(color: str) -> str:
    """White or near-black, whichever reads better on `color`."""
    return "#ffffff" if contrast(color, "#ffffff") >= contrast(color, "#1a1a1a") else "#1a1a1a"


def category_css(categories: Iterable[Category]) -> str:
    """One rule per category: `--cat` and `--cat-text` custom properties for pins and labels."""
    rules = [f".cat--{c.id},.pin--{c.id}{{--cat:{c.color};--cat-text:{text_on(c.color)}}}" for c in categories]
    return "\n".join(rules) + "\n"

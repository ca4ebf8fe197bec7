"""A schematic map of a route as inline SVG, drawn from the pins alone: no tiles, so it prints
sharp, works offline and needs no other host. North is up; the stops are numbered circles in their
category's colour, joined in order by a dashed line, with a scale bar."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ..util.geo import EARTH_RADIUS_KM

KM_PER_DEGREE = 2 * math.pi * EARTH_RADIUS_KM / 360
SCALES_M = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000, 100_000)
LABEL_PX = 7.2  # width of a character of the labels, roughly, at their size (for placing them apart)
LINE_PX = 17  # height of a label line
GAP_PX = 8  # room kept between two labels


@dataclass(frozen=True)
class Stop:
    """A stop as the sketch shows it."""

    lat: float
    lon: float
    label: str
    color: str


def project(stops: list[Stop], width: int, height: int, pad: int) -> tuple[list[tuple[float, float]], float]:
    """Each stop's (x, y) in the picture, and the scale in px per degree: an equirectangular view
    around their mean latitude, fitted into the box with the same scale both ways, centred."""
    lat0 = math.radians(sum(s.lat for s in stops) / len(stops))
    xs = [s.lon * math.cos(lat0) for s in stops]
    ys = [-s.lat for s in stops]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min((width - 2 * pad) / span_x if span_x else math.inf, (height - 2 * pad) / span_y if span_y else math.inf)
    scale = scale if math.isfinite(scale) else 1.0
    left = (width - span_x * scale) / 2 - min(xs) * scale
    top = (height - span_y * scale) / 2 - min(ys) * scale
    return [(round(left + x * scale, 1), round(top + y * scale, 1)) for x, y in zip(xs, ys, strict=True)], scale


def scale_bar(scale: float, width: int) -> tuple[int, float]:
    """The length in metres of a round scale bar near a fifth of the picture, and its length in px."""
    metres_per_px = KM_PER_DEGREE * 1000 / scale
    target = width / 5 * metres_per_px
    metres = min(SCALES_M, key=lambda m: abs(math.log(m / target)))
    return metres, metres / metres_per_px


def place_labels(points: list[tuple[float, float]], labels: list[str], width: int) -> list[tuple[float, float, str]]:
    """Where each label goes: right of its circle (left near the right edge), moved down while it
    would cover an earlier label."""
    placed: list[tuple[float, float, float, float]] = []  # boxes: left, top, right, bottom
    found = []
    for (x, y), label in zip(points, labels, strict=True):
        length = len(label) * LABEL_PX
        anchor = "end" if x + 14 + length > width - 4 else "start"
        left = x - 14 - length if anchor == "end" else x + 14
        top = y - LINE_PX / 2
        while any(
            left < r + GAP_PX and x0 < left + length + GAP_PX and top < b and y0 < top + LINE_PX
            for x0, y0, r, b in placed
        ):
            top += LINE_PX
        placed.append((left, top, left + length, top + LINE_PX))
        found.append((x - 14 if anchor == "end" else x + 14, top + LINE_PX * 0.72, anchor))
    return found


def format_metres(metres: int, lang: str) -> str:
    if metres < 1000:
        return f"{metres} m"
    km = f"{metres / 1000:g}"
    return f"{km.replace('.', ',') if lang == 'id' else km} km"


def sketch_svg(stops: list[Stop], title: str, lang: str, width: int = 760, height: int = 250) -> str:
    """The route's sketch map as SVG markup (its text escaped), `title` naming it for screen readers."""
    pad = 40
    points, scale = project(stops, width, height, pad)
    line = " ".join(f"{x},{y}" for x, y in points)
    parts = [
        f'<svg class="sketch" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}">',
        f'<rect width="{width}" height="{height}" fill="#fbf7f0" stroke="#c9bba8"/>',
        f'<polyline points="{line}" fill="none" stroke="#1a5fb4" stroke-width="3" stroke-dasharray="9 6"/>',
    ]
    for (x, y), (lx, ly, anchor), (n, stop) in zip(
        points, place_labels(points, [s.label for s in stops], width), enumerate(stops, 1), strict=True
    ):
        parts.append(f'<circle cx="{x}" cy="{y}" r="11" fill="{escape(stop.color)}" stroke="#fff" stroke-width="2"/>')
        parts.append(
            f'<text x="{x}" y="{y + 4.5}" text-anchor="middle" font-size="13" font-weight="700" fill="#fff">{n}</text>'
        )
        parts.append(
            f'<text x="{round(lx, 1)}" y="{round(ly, 1)}" text-anchor="{anchor}" font-size="13" fill="#1f1a17" '
            f'paint-order="stroke" stroke="#fbf7f0" stroke-width="3">{escape(stop.label)}</text>'
        )
    metres, px = scale_bar(scale, width)
    bar_y = height - 16
    parts += [
        f'<path d="M16 {bar_y - 5}v5h{round(px, 1)}v-5" fill="none" stroke="#1f1a17" stroke-width="2"/>',
        f'<text x="{round(16 + px + 6, 1)}" y="{bar_y + 1}" font-size="12" fill="#1f1a17">'
        f"{format_metres(metres, lang)}</text>",
        f'<path d="M{width - 24} 14l8 20h-16z" fill="#1f1a17"/>',
        f'<text x="{width - 24}" y="50" text-anchor="middle" font-size="13" font-weight="700" fill="#1f1a17">N</text>',
        "</svg>",
    ]
    return "".join(parts)

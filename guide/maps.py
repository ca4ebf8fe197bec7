"""Leaflet maps made with folium, split into markup and a script file for the page.

folium is imported only here, and only when a map is rendered (its import costs about a second).
Output is deterministic: element ids come from a counter that restarts with every map.
Popup and pin text is HTML-escaped by us and passed to Leaflet as JSON, never through folium's
Popup/Tooltip templates, which do not escape for JavaScript.
"""
from __future__ import annotations

import contextlib
import html
import itertools
from dataclasses import dataclass


@dataclass(frozen=True)
class Pin:
    lat: float
    lon: float
    name: str
    category: str
    icon: str = ""
    url: str = ""  # relative to the page; empty: no link in the popup
    note: str = ""  # second line of the popup (category name)
    approximate: bool = False
    color: str = "#555555"


@dataclass(frozen=True)
class MapSpec:
    center: tuple[float, float]
    zoom: int
    pins: tuple[Pin, ...]
    tiles: str
    attribution: str
    element_id: str = "map"
    fit: bool = False  # fit the view to the pins instead of centre and zoom


@dataclass(frozen=True)
class MapOutput:
    element_id: str
    script: str


@contextlib.contextmanager
def _counted_ids():
    """Make branca's element ids a per-map counter instead of random bytes."""
    from branca.element import Element
    counter = itertools.count(1)
    original = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{next(counter):04d}")
    try:
        yield
    finally:
        Element._generate_id = original


def render_map(spec: MapSpec) -> MapOutput:
    """The Leaflet script for `spec`; the page supplies a container with id `spec.element_id`."""
    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    class SafePopup(MacroElement):
        """A popup whose HTML is built and escaped by us and handed to Leaflet as a JSON string."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "{{ this._parent.get_name() }}.bindPopup({{ this.content|tojson }});"
            "{% endmacro %}")

        def __init__(self, content: str):
            super().__init__()
            self._name = "SafePopup"
            self.content = content

    with _counted_ids():
        fmap = folium.Map(location=list(spec.center), zoom_start=spec.zoom, tiles=None,
                          control_scale=True, max_zoom=19)
        folium.TileLayer(tiles=spec.tiles, attr=spec.attribution, max_zoom=19).add_to(fmap)
        for pin in spec.pins:
            if pin.approximate and len(spec.pins) == 1:
                folium.Circle([pin.lat, pin.lon], radius=250, color=pin.color, weight=2,
                              fill=True, fill_opacity=0.12, interactive=False).add_to(fmap)
            marker = folium.Marker([pin.lat, pin.lon], title=pin.name, alt=pin.name, keyboard=True,
                                   icon=folium.DivIcon(html=_pin_html(pin), class_name=f"pin pin--{pin.category}",
                                                       icon_size=(30, 30), icon_anchor=(15, 30),
                                                       popup_anchor=(0, -28)))
            marker.add_child(SafePopup(_popup_html(pin)))
            marker.add_to(fmap)
        if spec.fit and len(spec.pins) > 1:
            lats, lons = [p.lat for p in spec.pins], [p.lon for p in spec.pins]
            fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30))
        figure = fmap.get_root()
        figure.render()
        script = figure.script.render()
        map_name = fmap.get_name()
    script = script.replace(f'"{map_name}"', f'"{spec.element_id}"', 1)
    return MapOutput(spec.element_id, _tidy(script))


def _pin_html(pin: Pin) -> str:
    name = html.escape(pin.name)
    icon = html.escape(pin.icon) if pin.icon else ""
    return f'<span class="pin__icon" aria-hidden="true">{icon}</span><span class="visually-hidden">{name}</span>'


def _popup_html(pin: Pin) -> str:
    name = html.escape(pin.name)
    title = f'<a href="{html.escape(pin.url)}">{name}</a>' if pin.url else f"<strong>{name}</strong>"
    note = f"<br>{html.escape(pin.note)}" if pin.note else ""
    return title + note


def _tidy(script: str) -> str:
    """Drop folium's blank lines and indentation noise; wrap in a function so nothing leaks."""
    lines = [line.strip() for line in script.splitlines() if line.strip()]
    return "(function () {\n\"use strict\";\n" + "\n".join(lines) + "\n})();\n"

"""Leaflet maps: one script for the whole site, made with folium, and a JSON data island per page.

folium renders the map machinery once per build (tile layer, controls, and our pin layer); each
page carries only its pins as JSON in `<script type="application/json" id="map-data">`, which a
browser never executes, or, on the overview maps of the home page and the planner, only which of
the site's places (the shared places script) to show. The map is made when it comes within a screen
of being seen (on the planner and a route, far down a phone's page, Leaflet's scripts load only
then), its pins in slices of a few milliseconds.
Pins and popups are built in the browser with DOM calls and `textContent`, so no content text is
ever parsed as HTML or JavaScript. folium is imported only when the script is rendered (its import
costs about a second).
Output is deterministic: element ids come from a counter, not random bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, cast

from markupsafe import Markup

from ..util.scriptjson import script_json

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from ..validate.model import MapConfig

CLUSTER_FROM = 40  # pins on one map from which they are grouped into clusters


class Pin(NamedTuple):
    """One pin; as JSON, the short array the map script reads (a 1,000-pin overview stays small)."""

    lat: float  # rounded to 6 decimals (about 0.1 m) by `pin`
    lon: float
    name: str
    category: str
    icon: str = ""
    url: str = ""  # relative to the page; empty: no link in the popup
    note: str = ""  # second line of the popup (category name)


def pin(lat: float, lon: float, name: str, category: str, icon: str = "", url: str = "", note: str = "") -> Pin:
    return Pin(rounded(lat), rounded(lon), name, category, icon, url, note)


def rounded(degrees: float) -> float:
    """A latitude or longitude as maps carry it: 6 decimals, about 0.1 m."""
    return round(degrees, 6)


@dataclass(frozen=True)
class MapData:
    """What one page's map shows: its own `pins`, or all of the site's places (the shared places
    script, outputs/places.py), `shared` of them, linked to their pages or not."""

    center: tuple[float, float]
    zoom: int
    pins: tuple[Pin, ...] = ()
    fit: bool = False  # fit the view to the pins instead of centre and zoom
    area_m: int = 0  # radius of a circle around a single approximate pin
    color: str = ""  # the circle's colour
    line: tuple[tuple[float, float], ...] = ()  # a route drawn through these points, in order
    shared: int = 0  # how many places the map shows from window.GUIDE_PLACES (then `pins` is empty)
    links: bool = False  # shared places' popups link to their pages

    @classmethod
    def fitted(
        cls,
        config: MapConfig,
        pins: tuple[Pin, ...] = (),
        line: tuple[tuple[float, float], ...] = (),
        shared: int = 0,
        links: bool = False,
    ) -> MapData:
        """A map of several things, fitted to them; the site's centre and zoom until it has its view."""
        center = cast(tuple[float, float], tuple(config.center))  # a pair (checked)
        return cls(center=center, zoom=config.zoom, fit=True, pins=pins, line=line, shared=shared, links=links)

    @property
    def clustered(self) -> bool:
        return len(self.pins) + self.shared >= CLUSTER_FROM


LEAFLET_SCRIPT = "assets/vendor/leaflet/leaflet.js"
CLUSTER_SCRIPT = "assets/vendor/leaflet.markercluster/leaflet.markercluster.js"  # from CLUSTER_FROM pins


def map_values(data: MapData) -> dict:
    """What a page's templates need of its map: the data island, whether it clusters, and the vendors'
    scripts it runs on (from the site's root, in order: the cluster layer needs Leaflet)."""
    scripts = (LEAFLET_SCRIPT, CLUSTER_SCRIPT) if data.clustered else (LEAFLET_SCRIPT,)
    return {"json": Markup(map_json(data)), "clustered": data.clustered, "scripts": scripts}


def map_json(data: MapData) -> str:
    """The page's map data as JSON that cannot end its <script> element."""
    value = {
        "center": [rounded(c) for c in data.center],
        "zoom": data.zoom,
        "fit": data.fit,
        "cluster": data.clustered,
        "area": data.area_m,
        "color": data.color,
    }
    if data.shared:
        value["places"] = {"link": data.links}
    if data.pins or not data.shared:
        value["pins"] = data.pins  # with shared places: pins of other things, after them
    if data.line:
        value["line"] = [[rounded(lat), rounded(lon)] for lat, lon in data.line]
    return script_json(value)


@contextlib.contextmanager
def _counted_ids() -> Iterator[None]:
    """Make branca's element ids a counter instead of random bytes, for byte-identical builds."""
    from branca.element import Element

    counter = itertools.count(1)
    original = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{next(counter):04d}")  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        Element._generate_id = original  # type: ignore[method-assign]


PIN_LAYER = "map-pins.js"  # the pin layer's script, a template file (a site may override it)
MAP_START = "map-start.js"  # when the map and its scripts load (near the screen), a template file too
MAX_ZOOM = 19  # the tiles' deepest level; the map must know it before a cluster layer joins


def script_version(
    pins_js: str, start_js: str, center: tuple[float, float], zoom: int, tiles: str, attribution: str
) -> str:
    """The map script's version, from everything that makes it (the pin layer's and the start's
    scripts, folium, branca and the map settings): pages can name it before folium (an import of
    almost a second) has made it, so the script is made while the pages render."""
    from importlib.metadata import version

    settings = repr((tuple(center), zoom, tiles, attribution, MAX_ZOOM))
    made_of = [pins_js, start_js, version("folium"), version("branca"), settings]
    return hashlib.sha256("\0".join(made_of).encode()).hexdigest()[:10]


def without_header(script: str) -> str:
    """A script file without its leading comment lines (they describe the file, not the map)."""
    lines = script.strip().splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines).strip()


def render_map_script(
    pins_js: str, start_js: str, center: tuple[float, float], zoom: int, tiles: str, attribution: str
) -> str:
    """The site's map script: folium's Leaflet set-up plus the pin layer that reads the page's data,
    run when `start_js` says (the map near the screen), after the vendors' scripts it loads."""
    import folium
    from branca.element import Figure, MacroElement
    from jinja2 import Template

    class PinLayer(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            + without_header(pins_js)
            + "({{ this._parent.get_name() }});{% endmacro %}"
        )

        def __init__(self) -> None:
            super().__init__()
            self._name = "PinLayer"

    with _counted_ids():
        fmap = folium.Map(
            location=list(center), zoom_start=zoom, tiles=None, control_scale=True, maxZoom=MAX_ZOOM
        )  # maxZoom on the map itself: the tile layer, which also knows it, is added after the pins
        fmap.add_child(PinLayer())  # first, so tiles load only for the page's own view
        folium.TileLayer(tiles=tiles, attr=attribution, max_zoom=MAX_ZOOM).add_to(fmap)
        figure = cast(Figure, fmap.get_root())  # a map's root is its figure
        figure.render()
        script, name = figure.script.render(), fmap.get_name()
    script = script.replace(f'"{name}"', '"map"', 1)
    # No view in L.map's options: the pin layer sets each page's own in a task of its own, and the
    # tile layer waits for it (Leaflet adds layers to a map without a view once it has one).
    script, found = re.subn(r"^[ \t]*center: \[[^\]\n]*\],\n", "", script, count=1, flags=re.M)
    assert found == 1, "folium's map options changed: no centre to leave out"
    lines = [line.strip() for line in script.splitlines() if line.strip()]
    body = "\n".join(lines)
    return (
        "/* The guide's maps: made with folium; pins come from the page's #map-data. */\n"
        '(function () {\n"use strict";\nvar element = document.getElementById("map");\n'
        "if (!element) { return; }\n" + without_header(start_js) + "(element, function () {\n" + body + "\n});\n})();\n"
    )


class ScriptMaker:
    """Makes the map script in a process of its own, started before the profiles load: folium's
    import (most of a second) then runs on another core instead of delaying the build.

    Use as a context manager; `script(...)` takes `render_map_script`'s arguments.
    """

    def __init__(self) -> None:
        import multiprocessing

        self._conn, child = multiprocessing.get_context("fork").Pipe()
        self._used = False
        self._process = multiprocessing.get_context("fork").Process(
            target=_make_scripts, args=(child, self._conn), daemon=True
        )

    def __enter__(self) -> ScriptMaker:
        self._process.start()
        return self

    def script(self, *args: object) -> str:
        self._used = True
        self._conn.send(args)
        ok, value = self._conn.recv()
        if not ok:
            raise RuntimeError(f"the map script could not be made: {value}")
        return value

    def __exit__(self, *exc: object) -> None:
        if self._used:  # done: let it finish
            self._conn.send(None)
            self._process.join(timeout=5)
        if self._process.is_alive():  # never asked (a failed build) or stuck: no need to wait for folium
            self._process.kill()
            self._process.join()


def _make_scripts(conn: Connection, parent_end: Connection) -> None:
    parent_end.close()  # else this process's own copy would keep the pipe open after the parent dies
    import folium  # noqa: F401 - the slow part, done while the parent reads the profiles

    try:
        while (args := conn.recv()) is not None:
            try:
                conn.send((True, render_map_script(*args)))
            except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
                conn.send((False, f"{type(exc).__name__}: {exc}"))
    except EOFError:  # the parent is gone (killed mid-build): nothing left to do
        pass

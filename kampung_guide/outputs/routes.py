"""Each suggested route as GPX and GeoJSON files, beside its page in every language, for a
visitor's own map or navigation app."""

from __future__ import annotations

from ..plan.pages import GEOJSON_NAME, GPX_NAME, lang_prefix, route_key
from ..render import i18n
from ..util import travel
from ..validate.model import Site
from .opendata import dump_json


def route_files(site: Site) -> dict[str, bytes]:
    """Each suggested route as GPX and GeoJSON, beside its page in every language."""
    files = {}
    for route in site.routes:
        stops = site.route_stops(route)
        for lang in site.config.languages:
            folder = lang_prefix(lang, site.config.languages) + route_key(route.slug)
            named = [(k.name.get(lang), k.location.lat, k.location.lon) for k in stops]
            rough = [k.location.approximate for k in stops]
            name, note = route.name.get(lang), i18n.ui(lang)("pins_approximate")
            gpx = travel.route_gpx(name, named, site.config.title.get(lang), rough, note)
            files[folder + GPX_NAME] = gpx.encode()
            files[folder + GEOJSON_NAME] = dump_json(travel.route_geojson(name, route.mode, named, rough, note))
    return files

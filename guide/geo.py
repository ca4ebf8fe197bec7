"""Distances on the earth's surface."""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest(origin, others, count: int = 3) -> list[tuple[float, object]]:
    """The `count` nearest of `others` to `origin` (each with .location), with distances in km."""
    ranked = sorted(
        ((distance_km(origin.location.lat, origin.location.lon, o.location.lat, o.location.lon), o.slug, o)
         for o in others if o is not origin),
        key=lambda t: (t[0], t[1]),
    )
    return [(km, o) for km, _, o in ranked[:count]]

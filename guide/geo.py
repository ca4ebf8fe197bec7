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


def nearest_all(places, count: int = 3) -> dict[str, list[tuple[float, object]]]:
    """For every place (with .slug and .location), its `count` nearest others with distances in km.

    Places are sorted by latitude and each one scans outwards only while the latitude gap alone
    is shorter than its current worst neighbour: exact, and far from comparing every pair.
    """
    ordered = sorted(places, key=lambda p: (p.location.lat, p.slug))
    lat = [math.radians(p.location.lat) for p in ordered]
    lon = [math.radians(p.location.lon) for p in ordered]
    cos = [math.cos(v) for v in lat]
    gap_limit = 1 / EARTH_RADIUS_KM  # radians of latitude per km along a meridian
    result = {}
    for i, place in enumerate(ordered):
        best: list[tuple[float, str, int]] = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(ordered):
                if len(best) == count and abs(lat[j] - lat[i]) > best[-1][0] * gap_limit:
                    break
                a = math.sin((lat[j] - lat[i]) / 2) ** 2 + cos[i] * cos[j] * math.sin((lon[j] - lon[i]) / 2) ** 2
                entry = (2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a))), ordered[j].slug, j)
                if len(best) < count or entry < best[-1]:
                    best.append(entry)
                    best.sort()
                    del best[count:]
                j += step
        result[place.slug] = [(km, ordered[j]) for km, _, j in best]
    return result

"""Routes through several kampung: distances, a visiting order, travel times, opening-hours clashes,
and the route as GPX, GeoJSON and a map-app link. Pure functions of plain values.

assets/plan.js does the same sums in the browser with the same algorithm; keep the two in step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from .geo import distance_km

Point = tuple[float, float]  # (lat, lon)

MODES = ("walk", "becak", "motorbike", "car")
# Town-traffic assumptions for Kota Mojokerto, not measurements: a relaxed walk, a pedalled becak,
# and a motorbike faster than a car because it slips through traffic and parks at the door.
SPEED_KMH = {"walk": 4.5, "becak": 8.0, "motorbike": 25.0, "car": 20.0}
# Streets are not straight lines: road distance is taken as 1.3 times the great-circle distance,
# a usual ratio for a town's street grid.
DETOUR = 1.3
VISIT_MINUTES = 45  # time at each stop when the visitor does not say
IMPROVEMENT_KM = 1e-9  # 2-opt only swaps for a real gain, so float noise cannot loop or differ from JS
# Google Maps URLs take at most 9 waypoints between origin and destination.
MAX_WAYPOINTS = 9
MAP_APP = "https://www.google.com/maps/dir/?api=1"
GPX_NAMESPACE = "http://www.topografix.com/GPX/1/1"
TRAVELMODE = {"walk": "walking", "becak": "two-wheeler", "motorbike": "two-wheeler", "car": "driving"}


def distance_matrix(points: Sequence[Point]) -> list[list[float]]:
    """Great-circle km between every pair of points."""
    return [[distance_km(a[0], a[1], b[0], b[1]) for b in points] for a in points]


def leg_distances(points: Sequence[Point]) -> list[float]:
    """Great-circle km of each leg, in the order given."""
    return [distance_km(a[0], a[1], b[0], b[1]) for a, b in pairwise(points)]


def path_length(matrix: list[list[float]], order: Sequence[int]) -> float:
    """Length of the open path visiting `order`, in km."""
    return sum(matrix[a][b] for a, b in pairwise(order))


def nearest_neighbour(matrix: list[list[float]], start: int = 0) -> list[int]:
    """From `start`, always on to the closest stop not yet visited (the lower index on a tie)."""
    order, left = [start], [i for i in range(len(matrix)) if i != start]
    while left:
        here = order[-1]
        best = min(left, key=lambda i: (matrix[here][i], i))
        order.append(best)
        left.remove(best)
    return order


def two_opt(matrix: list[list[float]], order: Sequence[int]) -> list[int]:
    """Reverse stretches of an open path while that shortens it; the first stop stays first."""
    order = list(order)
    n, improved = len(order), True
    while improved:
        improved = False
        for i in range(1, n - 1):
            for j in range(i + 1, n):
                a, b, c = order[i - 1], order[i], order[j]
                before = matrix[a][b] + (matrix[c][order[j + 1]] if j + 1 < n else 0.0)
                after = matrix[a][c] + (matrix[b][order[j + 1]] if j + 1 < n else 0.0)
                if after < before - IMPROVEMENT_KM:
                    order[i : j + 1] = reversed(order[i : j + 1])
                    improved = True
    return order


def visiting_order(points: Sequence[Point], start: int = 0) -> list[int]:
    """A short open path from `start` through every point: nearest neighbour, then 2-opt.

    Never longer than the given order (start first, the rest as given): that is kept otherwise.
    """
    if not points:
        return []
    matrix = distance_matrix(points)
    given = [start] + [i for i in range(len(points)) if i != start]
    found = two_opt(matrix, nearest_neighbour(matrix, start))
    return found if path_length(matrix, found) < path_length(matrix, given) - IMPROVEMENT_KM else given


def road_km(straight_km: float) -> float:
    """Estimated distance along streets for a straight-line distance."""
    return straight_km * DETOUR


def travel_minutes(straight_km: float, mode: str) -> int:
    """Whole minutes to cover a straight-line distance by `mode`, on streets (half a minute rounds up)."""
    return math.floor(road_km(straight_km) / SPEED_KMH[mode] * 60 + 0.5)


def schedule(legs_km: Sequence[float], mode: str, start: int, visit: int = VISIT_MINUTES) -> list[tuple[int, int]]:
    """(arrival, departure) at each stop in minutes from midnight, leaving the first at `start` + `visit`."""
    stays, arrive = [], start
    for i in range(len(legs_km) + 1):
        stays.append((arrive, arrive + visit))
        if i < len(legs_km):
            arrive += visit + travel_minutes(legs_km[i], mode)
    return stays


def clash(stay: tuple[int, int], spans: Sequence[tuple[int, int]] | None) -> str:
    """ "ok" when one opening span covers the whole stay, "unknown" without hours, else "clash"."""
    if spans is None:
        return "unknown"
    return "ok" if any(a <= stay[0] and stay[1] <= b for a, b in spans) else "clash"


def clashes(
    stays: Sequence[tuple[int, int]], weeks: Sequence[Sequence[Sequence[tuple[int, int]]] | None], weekday: int
) -> list[str]:
    """For each stop, whether its opening hours (hours.week(), or None) cover its stay on `weekday` (0 = Monday)."""
    return [clash(stay, week[weekday] if week is not None else None) for stay, week in zip(stays, weeks, strict=True)]


# -- the route as files and links ---------------------------------------------------------------


def route_gpx(
    name: str,
    stops: Sequence[tuple[str, float, float]],
    creator: str,
    approximate: Sequence[bool] = (),
    note: str = "",
) -> str:
    """GPX 1.1 with one waypoint per stop and a route through them in order. Stops whose pin marks
    an area (`approximate`) carry `note` as their description, and so do the file and the route."""
    import gpxpy.gpx  # imported here: only builds with routes need it

    rough = list(approximate) or [False] * len(stops)
    caveat = note if any(rough) else None
    gpx = gpxpy.gpx.GPX()
    gpx.creator, gpx.name, gpx.description = creator, name, caveat
    route = gpxpy.gpx.GPXRoute(name=name, description=caveat)
    for (title, lat, lon), area in zip(stops, rough, strict=True):
        desc = note if area else None
        gpx.waypoints.append(gpxpy.gpx.GPXWaypoint(round(lat, 6), round(lon, 6), name=title, description=desc))
        route.points.append(gpxpy.gpx.GPXRoutePoint(round(lat, 6), round(lon, 6), name=title, description=desc))
    gpx.routes.append(route)
    return gpx.to_xml(version="1.1")


def route_geojson(
    name: str,
    mode: str,
    stops: Sequence[tuple[str, float, float]],
    approximate: Sequence[bool] = (),
    note: str = "",
) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: the route as a LineString, each stop as a numbered Point
    (with `approximate` when its pin marks an area, and the route with `note` then).

    Positions are [longitude, latitude] (RFC 7946 section 3.1.1), six decimals.
    """
    rough = list(approximate) or [False] * len(stops)
    line = [[round(lon, 6), round(lat, 6)] for _, lat, lon in stops]
    km = sum(leg_distances([(lat, lon) for _, lat, lon in stops]))
    properties = {"name": name, "mode": mode, "straight_km": round(km, 3), "road_km_estimate": round(road_km(km), 3)}
    if any(rough) and note:
        properties["note"] = note
    features = [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": line}, "properties": properties}]
    features += [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": position},
            "properties": {"name": title, "stop": i + 1, "approximate": area},
        }
        for i, ((title, _, _), position, area) in enumerate(zip(stops, line, rough, strict=True))
    ]
    return {"type": "FeatureCollection", "features": features}


def map_app_url(points: Sequence[Point], mode: str) -> str:
    """A Google Maps directions link through the points in order (the first MAX_WAYPOINTS + 2 of them)."""
    shown = list(points[: MAX_WAYPOINTS + 2])

    def where(p: Point) -> str:
        return quote(f"{p[0]:.6f},{p[1]:.6f}", safe="")

    url = f"{MAP_APP}&origin={where(shown[0])}&destination={where(shown[-1])}&travelmode={TRAVELMODE[mode]}"
    middle = shown[1:-1]
    return url + (f"&waypoints={quote('|'.join(f'{p[0]:.6f},{p[1]:.6f}' for p in middle), safe='')}" if middle else "")

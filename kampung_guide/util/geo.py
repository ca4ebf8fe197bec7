"""Distances on the earth's surface."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


class Position(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


class Place(Protocol):
    """What `nearest_all` needs of a place (a kampung profile has it)."""

    @property
    def slug(self) -> str: ...
    @property
    def location(self) -> Position: ...


P = TypeVar("P", bound=Place)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def map_radius_km(lat: float, zoom: int, width_px: int = 1024) -> float:
    """Half the width a web map `width_px` wide shows at `zoom` around latitude `lat` (256 px tiles)."""
    tiles: float = 256 * 2**zoom  # the world's width in pixels at `zoom`
    return EARTH_RADIUS_KM * 2 * math.pi * math.cos(math.radians(lat)) * width_px / tiles / 2


def spread_without_each(distances: list[float]) -> list[float]:
    """For each distance, the median of all the others (0 when there are none): how far the rest
    of a site's places lie, so that one far place cannot widen the area it is compared with."""
    count = len(distances)
    if count < 2:
        return [0.0] * count
    order = sorted(range(count), key=distances.__getitem__)
    rank = {index: position for position, index in enumerate(order)}
    middle = (count - 1) // 2  # the median's place among the count - 1 others (the upper one of two)
    return [distances[order[middle if rank[i] > middle else middle + 1]] for i in range(count)]


def nearest_all(places: Iterable[P], count: int = 3) -> dict[str, list[tuple[float, P]]]:
    """For every place (with .slug and .location), its `count` nearest others with distances in km,
    nearest first (equal distances by slug).

    Places are filed in a grid of cubes by their position as a point of the unit sphere. Each one
    looks through the cubes around its own, ring by ring, until nothing farther out can be nearer
    than its current worst: exact, and linear in the number of places while they are spread out
    (a crowd in one cube is compared pairwise).
    """
    places = list(places)
    points = [unit_point(p.location.lat, p.location.lon) for p in places]
    size = cube_size(points, count)
    cells = [(math.floor(x / size), math.floor(y / size), math.floor(z / size)) for x, y, z in points]
    grid: dict[tuple[int, int, int], list[int]] = {}
    for i, cell in enumerate(cells):
        grid.setdefault(cell, []).append(i)
    low = [min(cell[axis] for cell in cells) for axis in range(3)] if cells else []
    high = [max(cell[axis] for cell in cells) for axis in range(3)] if cells else []
    wanted = min(count, len(places) - 1)
    result: dict[str, list[tuple[float, P]]] = {}
    for i, place in enumerate(places):
        x, y, z = points[i]
        best: list[tuple[float, str, int]] = []  # (squared straight-line distance, slug, index)
        worst = math.inf if wanted else -1.0  # the last of `best` once it is full
        ring = 0
        while True:
            for cell in shell(cells[i], ring):
                for j in grid.get(cell, ()):
                    px, py, pz = points[j]
                    squared = (px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2
                    if squared <= worst and j != i:
                        best.append((squared, places[j].slug, j))
                        best.sort()
                        del best[wanted:]
                        if len(best) == wanted:
                            worst = best[-1][0]
            # Any place not seen yet is `ring` cubes away along some axis: at least that far in a straight line.
            if worst < (ring * size) ** 2 * (1 - 1e-9):
                break
            if all(cells[i][axis] - ring <= low[axis] and cells[i][axis] + ring >= high[axis] for axis in range(3)):
                break  # every cube seen
            ring += 1
        here = place.location
        found = [
            (distance_km(here.lat, here.lon, places[j].location.lat, places[j].location.lon), places[j].slug, j)
            for _, _, j in best
        ]
        result[place.slug] = [(km, places[j]) for km, _, j in sorted(found)]
    return result


def unit_point(lat: float, lon: float) -> tuple[float, float, float]:
    """A position as a point of the unit sphere: the straight line between two such points grows
    with the distance along the surface."""
    a, b = math.radians(lat), math.radians(lon)
    return math.cos(a) * math.cos(b), math.cos(a) * math.sin(b), math.sin(a)


def cube_size(points: list[tuple[float, float, float]], count: int) -> float:
    """The edge of the grid's cubes: about `count` places to a cube if they cover their area evenly."""
    if len(points) < 2:
        return 1.0
    spans = sorted(max(p[axis] for p in points) - min(p[axis] for p in points) for axis in range(3))
    area = spans[2] * max(spans[1], spans[2] / len(points))  # places on the sphere cover a surface, not a volume
    return math.sqrt(area * count / len(points)) or 1.0


def shell(cell: tuple[int, int, int], ring: int) -> Iterator[tuple[int, int, int]]:
    """The cubes exactly `ring` steps from `cell` (counting diagonal steps as one): the cell itself for 0."""
    x, y, z = cell
    if ring == 0:
        yield cell
        return
    for dx in range(-ring, ring + 1):
        for dy in range(-ring, ring + 1):
            edge = abs(dx) == ring or abs(dy) == ring
            for dz in range(-ring, ring + 1) if edge else (-ring, ring):
                yield x + dx, y + dy, z + dz

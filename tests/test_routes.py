"""Routes: the maths (distances, order, times, clashes), the files (GPX, GeoJSON), the content checks,
and the pages a build writes for them."""

from __future__ import annotations

import json
import math

import gpxpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kampung_guide.plan.site import load_site
from kampung_guide.util import travel
from kampung_guide.validate.hours import parse_hours, week

from conftest import KAMPUNG, run_build, write_content

# Four kampung a few hundred metres apart, two with opening hours, and a suggested route.
PASAR = (
    KAMPUNG.replace("Kampung Batik", "Kampung Pasar").replace("lat: -7.47", "lat: -7.465")
    + "opening_hours: Mo-Sa 08:00-12:00\n"
)
GERABAH = (
    KAMPUNG.replace("Kampung Batik", "Kampung Gerabah")
    .replace("lat: -7.47", "lat: -7.475")
    .replace("lon: 112.43", "lon: 112.44")
    + "opening_hours: Mo-Fr 13:00-17:00\n"
)
TENUN = (
    KAMPUNG.replace("Kampung Batik", "Kampung Tenun")
    .replace("lat: -7.47", "lat: -7.46")
    .replace("lon: 112.43", "lon: 112.445")
)
ROUTE = """\
name: {id: Keliling pagi, en: Morning round}
description:
  id: |
    Rute uji. Lihat [batik](/kampung/batik/).
  en: |
    A test route. See [batik](/kampung/batik/).
mode: becak
stops: [batik, pasar, tenun]
"""
FILES = {
    "kampung/pasar.yaml": PASAR,
    "kampung/gerabah.yaml": GERABAH,
    "kampung/tenun.yaml": TENUN,
    "routes/keliling.yaml": ROUTE,
}


def law_of_cosines_km(a, b) -> float:
    """An independent great-circle reference: the spherical law of cosines."""
    p1, p2, dl = math.radians(a[0]), math.radians(b[0]), math.radians(b[1] - a[1])
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0088 * math.acos(max(-1.0, min(1.0, cos)))


def length(points, order) -> float:
    return travel.path_length(travel.distance_matrix(points), order)


# -- maths --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ((-7.4725, 112.4285), (-7.4640, 112.4395)),
        ((-7.47, 112.43), (-7.2575, 112.7521)),
        ((0, 0), (0, 1)),
        ((51.5007, -0.1246), (40.6892, -74.0445)),
    ],
)
def test_distances_match_an_independent_reference_within_half_a_percent(a, b):
    [km] = travel.leg_distances([a, b])
    assert km == pytest.approx(law_of_cosines_km(a, b), rel=0.005)


def test_known_distance_one_degree_of_longitude_at_the_equator():
    assert travel.leg_distances([(0, 0), (0, 1)])[0] == pytest.approx(111.195, abs=0.01)


points_strategy = st.lists(st.tuples(st.floats(-7.50, -7.44), st.floats(112.40, 112.47)), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(points=points_strategy, data=st.data())
def test_ordering_is_never_longer_than_the_given_order(points, data):
    start = data.draw(st.integers(0, len(points) - 1))
    order = travel.visiting_order(points, start)
    given = [start] + [i for i in range(len(points)) if i != start]
    assert sorted(order) == list(range(len(points))) and order[0] == start
    assert length(points, order) <= length(points, given) + 1e-9


@settings(max_examples=100, deadline=None)
@given(points=points_strategy)
def test_two_opt_never_lengthens_a_path(points):
    matrix = travel.distance_matrix(points)
    order = list(range(len(points)))
    assert travel.path_length(matrix, travel.two_opt(matrix, order)) <= travel.path_length(matrix, order) + 1e-9


def test_two_opt_uncrosses_a_crossed_route():
    # a square walked corner, opposite corner, corner, opposite corner: the two diagonals cross
    square = [(0.0, 0.0), (0.01, 0.01), (0.0, 0.01), (0.01, 0.0)]
    matrix = travel.distance_matrix(square)
    better = travel.two_opt(matrix, [0, 1, 2, 3])
    assert better[0] == 0 and travel.path_length(matrix, better) < travel.path_length(matrix, [0, 1, 2, 3]) - 0.5
    assert better in ([0, 2, 1, 3], [0, 3, 1, 2])  # around the sides, no crossing


def test_nearest_neighbour_starts_where_told_and_keeps_the_given_order_when_it_is_best():
    line = [(0.0, 0.0), (0.0, 0.01), (0.0, 0.02), (0.0, 0.03)]
    assert travel.visiting_order(line, 0) == [0, 1, 2, 3]
    assert travel.visiting_order(line, 3) == [3, 2, 1, 0]
    assert travel.visiting_order([(0.0, 0.02), (0.0, 0.0), (0.0, 0.01)], 1) == [1, 2, 0]


def test_travel_times_follow_the_mode_speeds_and_the_detour_factor():
    assert travel.travel_minutes(4.5 / 1.3, "walk") == 60
    assert travel.travel_minutes(1.0, "becak") == round(1.3 / 8 * 60)
    assert travel.travel_minutes(10 / 1.3, "motorbike") == 24
    assert travel.travel_minutes(10 / 1.3, "car") == 30
    assert travel.road_km(2.0) == pytest.approx(2.6)


def test_schedule_and_opening_hours_clashes_on_a_fixed_example():
    weeks = [
        week(parse_hours("Mo-Sa 08:00-12:00")),
        week(parse_hours("Mo-Fr 13:00-17:00")),
        None,
        week(parse_hours("Mo-Su 09:00-10:00,11:00-18:00")),
    ]
    legs = [4.5 / 1.3, 4.5 / 1.3, 0.0]  # an hour's walk each, then next door
    stays = travel.schedule(legs, "walk", start=11 * 60, visit=45)
    assert stays == [(660, 705), (765, 810), (870, 915), (915, 960)]
    assert travel.clashes(stays, weeks, weekday=0) == ["ok", "clash", "unknown", "ok"]  # 12:45 is before 13:00
    assert travel.clashes(stays, weeks, weekday=6) == ["clash", "clash", "unknown", "ok"]  # closed on Sunday
    assert travel.clash((600, 660), ((540, 600), (660, 1080))) == "clash"  # no single span covers the stay


# -- files and links ----------------------------------------------------------------------------

STOPS = [("Kampung <Batik> & Co", -7.47, 112.43), ("Pasar", -7.465, 112.43), ("Tenun", -7.46, 112.445)]


def test_gpx_parses_back_with_its_waypoints_and_route():
    parsed = gpxpy.parse(travel.route_gpx("Keliling", STOPS, "Test guide"))
    assert [(w.name, w.latitude, w.longitude) for w in parsed.waypoints] == STOPS
    [route] = parsed.routes
    assert route.name == "Keliling" and [p.name for p in route.points] == [s[0] for s in STOPS]
    assert parsed.version == "1.1" and parsed.creator == "Test guide"


def test_geojson_is_rfc7946_with_longitude_first():
    collection = travel.route_geojson("Keliling", "walk", STOPS)
    assert collection["type"] == "FeatureCollection"
    line, *points = collection["features"]
    assert line["geometry"] == {
        "type": "LineString",
        "coordinates": [[112.43, -7.47], [112.43, -7.465], [112.445, -7.46]],
    }
    assert [p["geometry"]["coordinates"] for p in points] == [[lon, lat] for _, lat, lon in STOPS]
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in line["geometry"]["coordinates"])
    assert [p["properties"]["stop"] for p in points] == [1, 2, 3]
    json.dumps(collection, allow_nan=False)


def test_map_app_link_has_origin_destination_waypoints_and_mode():
    url = travel.map_app_url([(s[1], s[2]) for s in STOPS], "motorbike")
    assert url.startswith("https://www.google.com/maps/dir/?api=1&origin=-7.470000%2C112.430000")
    assert "&destination=-7.460000%2C112.445000" in url and "&travelmode=two-wheeler" in url
    assert url.endswith("&waypoints=-7.465000%2C112.430000")
    many = travel.map_app_url([(0.0, i / 100) for i in range(20)], "walk")
    assert many.count("%7C") == travel.MAX_WAYPOINTS - 1 and "destination=0.000000%2C0.100000" in many


# -- content ------------------------------------------------------------------------------------


def test_routes_load_into_the_site(tmp_path):
    site, report = load_site(write_content(tmp_path, FILES))
    assert site is not None, [p.render() for p in report.errors]
    [route] = site.routes
    assert (route.slug, route.mode, route.stops) == ("keliling", "becak", ("batik", "pasar", "tenun"))
    assert route.name.get("en") == "Morning round"


def test_no_routes_folder_means_no_routes(tmp_path):
    site, _ = load_site(write_content(tmp_path))
    assert site is not None and site.routes == ()


@pytest.mark.parametrize(
    "route, english, indonesian",
    [
        (
            ROUTE.replace("[batik, pasar, tenun]", "[batik, pasr, tenun]"),
            "keliling.yaml:8: stops[1]: 'pasr' is not a kampung; did you mean 'pasar'?",
            "keliling.yaml:8: stops[1]: 'pasr' bukan kampung; maksud Anda 'pasar'?",
        ),
        (
            ROUTE.replace("[batik, pasar, tenun]", "[batik, xyzzy]"),
            "keliling.yaml:8: stops[1]: 'xyzzy' is not a kampung: there is no xyzzy.yaml in the kampung folder",
            "keliling.yaml:8: stops[1]: 'xyzzy' bukan kampung: tidak ada xyzzy.yaml di folder kampung",
        ),
        (
            ROUTE.replace("mode: becak", "mode: bicycle"),
            "keliling.yaml:7: mode: 'bicycle' is not one of: walk, becak, motorbike, car",
            "keliling.yaml:7: mode: 'bicycle' bukan salah satu dari: walk, becak, motorbike, car",
        ),
        (
            ROUTE.replace("[batik, pasar, tenun]", "[batik]"),
            "keliling.yaml:8: stops: a route needs at least two stops",
            "keliling.yaml:8: stops: rute perlu paling sedikit dua perhentian",
        ),
        (
            ROUTE.replace("[batik, pasar, tenun]", "[batik, pasar, batik]"),
            "keliling.yaml:8: stops[2]: 'batik' is already stop 1; list each kampung once",
            "keliling.yaml:8: stops[2]: 'batik' sudah menjadi perhentian ke-1; cantumkan setiap kampung sekali saja",
        ),
        (
            ROUTE.replace("mode: becak\n", ""),
            "keliling.yaml:1: mode: this field is required and missing",
            "keliling.yaml:1: mode: kolom ini wajib diisi dan belum ada",
        ),
        (
            ROUTE.replace("(/kampung/batik/)", "(/kampung/batk/)"),
            "keliling.yaml:4: description.id: the link '/kampung/batk/' leads to no page of the site",
            "keliling.yaml:4: description.id: tautan '/kampung/batk/' tidak menuju halaman situs mana pun",
        ),
    ],
)
def test_route_problems_are_reported_in_both_languages(tmp_path, route, english, indonesian):
    content = write_content(tmp_path, {**FILES, "routes/keliling.yaml": route})
    for lang, expected in (("en", english), ("id", indonesian)):
        result = run_build("check", "--content", str(content), "--lang", lang)
        assert result.returncode == 1 and expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_a_clearly_shorter_order_is_a_warning_not_an_error(tmp_path):
    zigzag = ROUTE.replace("[batik, pasar, tenun]", "[batik, tenun, gerabah, pasar]")
    content = write_content(tmp_path, {**FILES, "routes/keliling.yaml": zigzag})
    result = run_build("check", "--content", str(content), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert (
        "keliling.yaml:8: stops: warning: from the same start, the order batik → pasar → gerabah → tenun is shorter"
        in result.stderr
    )


def test_a_broken_kampung_is_not_also_called_unknown_by_a_route(tmp_path):
    content = write_content(tmp_path, {**FILES, "kampung/pasar.yaml": PASAR.replace("lat: -7.465", "lat: utara")})
    result = run_build("check", "--content", str(content), "--lang", "en")
    assert "pasar.yaml" in result.stderr and "is not a kampung" not in result.stderr


# -- pages and files in the build ---------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("routes")
    out = tmp / "site"
    result = run_build("build", "--content", str(write_content(tmp, FILES)), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_route_page_lists_stops_legs_totals_and_downloads_without_javascript(built):
    html = (built / "en/rencana/keliling/index.html").read_text(encoding="utf-8")
    names = ["Kampung Batik", "Kampung Pasar", "Kampung Tenun"]
    assert [html.index(f">{n}</a>") for n in names] == sorted(html.index(f">{n}</a>") for n in names)
    assert html.count('class="stop__leg"') == 2 and "Straight-line distance" in html and "Becak" in html
    assert "Opening hours: Monday–Saturday 08:00–12:00; Sunday Closed" in html  # pasar's, grouped
    assert 'href="route.gpx" download="keliling.gpx"' in html and 'href="route.geojson"' in html
    assert "https://www.google.com/maps/dir/?api=1&amp;origin=" in html and "travelmode=two-wheeler" in html
    island = json.loads(html.split('id="map-data">')[1].split("</script>")[0])
    assert island["line"] == [[-7.47, 112.43], [-7.465, 112.43], [-7.46, 112.445]]
    assert [p[4] for p in island["pins"]] == ["1", "2", "3"] and all(p[5] == "" for p in island["pins"])


def test_route_files_are_written_beside_the_page_in_each_language(built):
    for prefix, name in (("", "Kampung Batik"), ("en/", "Kampung Batik")):
        parsed = gpxpy.parse((built / prefix / "rencana/keliling/route.gpx").read_text(encoding="utf-8"))
        assert [w.name for w in parsed.waypoints][0] == name and len(parsed.waypoints) == 3
        geo = json.loads((built / prefix / "rencana/keliling/route.geojson").read_text(encoding="utf-8"))
        assert geo["features"][0]["geometry"]["coordinates"][0] == [112.43, -7.47]


def test_plan_page_lists_every_kampung_and_the_suggested_routes(built):
    for prefix, nav in (("", ">Rencana kunjungan</a>"), ("en/", ">Plan a visit</a>")):
        html = (built / prefix / "rencana/index.html").read_text(encoding="utf-8")
        for slug in ("batik", "pasar", "gerabah", "tenun"):
            assert f'id="plan-k-{slug}"' in html
        assert 'href="keliling/"' in html or 'href="../rencana/keliling/"' in html or "rencana/keliling/" in html
        assert nav in html and "plan.js" in html and 'id="plan-data"' in html
    home = (built / "index.html").read_text(encoding="utf-8")
    assert ">Rencana kunjungan</a>" in home and "plan.js" not in home


def test_two_builds_with_routes_are_byte_identical(built, tmp_path):
    again = tmp_path / "again"
    content = write_content(tmp_path, FILES)
    assert run_build("build", "--content", str(content), "--out", str(again)).returncode == 0
    for path in built.rglob("*"):
        if path.is_file() and ("rencana" in path.parts or path.name.endswith(".js")):
            assert (again / path.relative_to(built)).read_bytes() == path.read_bytes(), path

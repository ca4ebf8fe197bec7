"""What a visitor asks first, in the built pages: a workshop's days and times, the data of the
"open now" line, a card that says a kampung has a class, the home page's search box; what search
engines read (JSON-LD), the route files' caveat, and the open data's schema."""

import json
import re

import gpxpy
import jsonschema
import pytest

from kampung_guide.plan.pages import places_name

from conftest import JPEG, KAMPUNG, ROOT, must_find, run_build, write_content

WORKSHOP = (
    KAMPUNG
    + """\
  approximate: true
opening_hours: Mo-Sa 08:00-16:00; Su off; PH off
experiences:
  - name: {id: Kelas membatik, en: Batik class}
    schedule:
      - days: [Su, Sa]
        start: "09:00"
        end: "11:30"
        from: 2026-01-01
        until: 2026-06-30
      - date: 2026-12-05
        start: "13:00"
        end: "15:00"
      - days: [We]
        start: "10:00"
        end: "12:00"
photos:
  - file: kain.jpg
    alt: Kain batik
"""
)
PLAIN = KAMPUNG.replace("Kampung Batik", "Kampung Polos").replace("lat: -7.47", "lat: -7.46")
ROUTE = """\
name: Keliling
description: Rute uji.
mode: walk
stops: [batik, polos]
"""
BASE = "https://example.org/guide/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kampung-page")
    files: dict[str, str | bytes | None] = {
        "kampung/batik.yaml": WORKSHOP,
        "kampung/polos.yaml": PLAIN,
        "images/kain.jpg": JPEG,
        "routes/keliling.yaml": ROUTE,
    }
    out = tmp / "site"
    result = run_build("build", "--content", str(write_content(tmp, files)), "--out", str(out), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    return out


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_a_workshops_days_and_times_are_on_the_page(site):
    page = read(site, "kampung/batik/index.html")
    sessions = re.findall(r"<li(?: data-last=\"([\d-]+)\")?>([^<]*WIB[^<]*)</li>", page)
    assert sessions == [
        ("2026-06-30", "Setiap Sabtu dan Minggu, 09.00–11.30 WIB (1 Januari 2026 sampai 30 Juni 2026)"),
        ("", "Setiap Rabu, 10.00–12.00 WIB"),
        ("2026-12-05", "5 Desember 2026, 13.00–15.00 WIB"),
    ]
    english = read(site, "en/kampung/batik/index.html")
    # dates as CLDR writes them in English
    assert "Every Saturday and Sunday, 09:00–11:30 (Jakarta time) (January 1, 2026 to June 30, 2026)" in english
    assert "December 5, 2026, 13:00–15:00 (Jakarta time)" in english


def test_the_open_now_line_carries_the_week_and_its_words(site):
    page = read(site, "kampung/batik/index.html")
    [raw] = re.findall(r'<p class="open-now" data-open-now="([^"]*)" hidden></p>', page)
    data = json.loads(raw.replace("&#34;", '"').replace("&amp;", "&"))
    assert data["week"][0] == [[480, 960]] and data["week"][6] == []
    assert data["words"]["closes_at"] == "tutup pukul {time} WIB" and data["sep"] == "."
    assert data["holidays"]  # the text has a PH rule: the line says holidays may differ
    assert "data-open-now" not in read(site, "kampung/polos/index.html")  # no hours, no line


def test_cards_say_when_a_kampung_has_a_class(site):
    page = read(site, "kampung/index.html")
    batik, polos = (
        must_find(rf'<li class="card[^"]*" data-slug="{s}">.*?</li>', page, re.S)[0] for s in ("batik", "polos")
    )
    assert "Ada kelas atau workshop" in batik and "card__workshop" not in polos
    assert "Class or workshop" in read(site, "en/index.html")


def test_the_home_page_has_a_search_box_sent_to_the_list(site):
    page = read(site, "index.html")
    form = must_find(r'<form class="home-search" action="([^"]+)" method="get" role="search"', page)
    assert form and form[1] == "kampung/"
    assert '<input id="home-q" name="q" type="search"' in page
    assert 'action="../en/kampung/"' in read(site, "en/index.html")  # the English list


def test_the_open_now_filter_has_its_explanation(site):
    page = read(site, "kampung/index.html")
    assert must_find(
        r'<p class="search__note" id="search-open-none" hidden>Belum ada kampung yang mencatat jam buka', page
    )


def jsonld(page: str) -> dict:
    return json.loads(must_find(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)[1])


def test_jsonld_has_image_and_precise_coordinates_and_no_inlanguage(site):
    data = jsonld(read(site, "kampung/batik/index.html"))
    assert "inLanguage" not in data
    assert data["geo"]["latitude"] == "-7.47000" and data["geo"]["longitude"] == "112.43000"
    assert data["image"] == [BASE + "images/kain-1000.jpg"]
    assert (site / "images" / "kain-1000.jpg").is_file()
    assert "image" not in jsonld(read(site, "kampung/polos/index.html"))


def test_route_files_keep_the_approximate_pins_caveat(site):
    parsed = gpxpy.parse(read(site, "rencana/keliling/route.gpx"))
    note = "Pin kampung hanya perkiraan area, bukan alamat persis."
    assert parsed.description == note and parsed.routes[0].description == note
    assert [w.description for w in parsed.waypoints] == [note, None]  # batik's pin is approximate, polos's is not
    english = gpxpy.parse(read(site, "en/rencana/keliling/route.gpx"))
    assert english.description == "Kampung pins are approximate areas, not exact addresses."
    line, *points = json.loads(read(site, "rencana/keliling/route.geojson"))["features"]
    assert line["properties"]["note"] == note
    assert [p["properties"]["approximate"] for p in points] == [True, False]


def test_the_planner_has_its_words_for_sharing_and_naming(site):
    page = read(site, "rencana/index.html")
    data = json.loads(must_find(r'<script type="application/json" id="plan-data">(.*?)</script>', page, re.S)[1])
    assert data["words"]["share_plan_text"] == "Rencana kunjungan saya ke {stops}: {url}"
    assert data["words"]["route_file_name"] == "rute"
    places = read(site, f"assets/{places_name('id')}").removeprefix("window.GUIDE_PLACES=").removesuffix(";\n")
    table = json.loads(places)
    row = next(r for r in table["kampung"] if r[table["fields"].index("slug")] == "batik")
    assert row[table["fields"].index("approximate")] == 1  # the planner's files say the pin is approximate
    assert "name" not in data  # the route is named from its stops, not "Rute Anda"


@pytest.mark.parametrize("content", ["tests/sites/lakeside/content", "tests/sites/riverside/content", "content"])
def test_open_data_follows_its_schema(tmp_path, content, site):
    out = tmp_path / "site"
    assert run_build("build", "--content", str(ROOT / content), "--out", str(out)).returncode == 0
    schema = json.loads((out / "data" / "kampung.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    records = json.loads((out / "data" / "kampung.json").read_text(encoding="utf-8"))
    validator.validate(records)
    features = json.loads((out / "data" / "kampung.geojson").read_text(encoding="utf-8"))["features"]
    for feature, record in zip(features, records, strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        validator.validate([{**feature["properties"], "lat": lat, "lon": lon}])
        assert feature["properties"]["slug"] == record["slug"]


def test_the_schema_refuses_a_field_it_does_not_describe(site):
    schema = json.loads(read(site, "data/kampung.schema.json"))
    records = json.loads(read(site, "data/kampung.json"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**records[0], "phone": "0812"}], schema)

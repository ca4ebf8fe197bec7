"""Sources, outlets and who arranges visits (issue #20): checked with file:line, shown on the
kampung page, on its map and in the planner, carried by the open data, edited in the editor."""

import json
import re

from kampung_guide.edit.forms import FormContext, build_form, fields_of
from kampung_guide.validate import schema

from conftest import KAMPUNG, must_find, run_build, write_content

FACTS = """\
arranged_by:
  name: {id: Dinas Koperasi Kota Uji, en: Cooperatives Office of Kota Uji}
  short_name: {id: Dinkop Uji, en: cooperatives office}
  arranges: {id: kunjungan belajar, en: study visits}
  phone: "0321 123456"
outlets:
  - name: {id: Pusat Batik Uji, en: Test Batik Centre}
    sells: {id: kain batik, en: batik cloth}
    opening_hours: Mo-Sa 09:00-17:00
    location:
      lat: -7.471
      lon: 112.436
      address: Jalan Uji 1
sources:
  - title: Berita uji tentang batik
    url: https://news.example.org/batik
    date: 2024-02-07
  - title: Laporan tahunan
    url: https://www.example.org/laporan
    date: 2021
"""


def build(tmp_path, profile):
    content = write_content(tmp_path, {"kampung/batik.yaml": profile})
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    return result, out


def test_sources_outlets_and_organiser_on_the_page_in_both_languages(tmp_path):
    result, out = build(tmp_path, KAMPUNG + FACTS)
    assert result.returncode == 0, result.stderr
    id_page = (out / "kampung/batik/index.html").read_text(encoding="utf-8")
    en_page = (out / "en/kampung/batik/index.html").read_text(encoding="utf-8")
    sources = must_find(r'<section class="sources".*?</section>', id_page, re.S)[0]
    assert "Sumber informasi" in sources
    assert '<a href="https://news.example.org/batik" rel="noopener">Berita uji tentang batik</a>' in sources
    assert 'news.example.org, <time datetime="2024-02-07">7 Februari 2024</time>' in sources
    assert 'example.org, <time datetime="2021">2021</time>' in sources  # www. left out of the publisher
    assert '<time datetime="2024-02-07">February 7, 2024</time>' in en_page  # CLDR's English date
    outlets = must_find(r'<section id="beli".*?</section>', id_page, re.S)[0]
    assert "Beli di sini" in outlets and "Pusat Batik Uji" in outlets and "kain batik" in outlets
    assert '<li class="item outlet" id="beli-1">' in outlets and "09.00–17.00" in outlets
    assert "Kunjungan diatur oleh" in id_page and "Dinas Koperasi Kota Uji" in id_page
    assert 'href="tel:' in must_find(r"Kunjungan diatur oleh.*?</dd>", id_page, re.S)[0]
    # the "ask …" lines name who arranges visits, not the tourism office
    assert "Tanyakan kepada Dinkop Uji" in id_page and "Ask the cooperatives office" in en_page
    data = json.loads(must_find(r'<script type="application/json" id="map-data">(.*?)</script>', id_page, re.S)[1])
    assert [p[3] for p in data["pins"]] == ["batik", "_outlet"]  # the outlet's own marker style
    assert data["pins"][1][2] == "Pusat Batik Uji" and data["pins"][1][5] == "#beli-1" and data["fit"]


def test_open_data_carries_sources_outlets_and_organiser(tmp_path):
    result, out = build(tmp_path, KAMPUNG + FACTS)
    assert result.returncode == 0, result.stderr
    record = json.loads((out / "data/kampung.json").read_text(encoding="utf-8"))[0]
    assert record["sources"] == [
        {"title": "Berita uji tentang batik", "url": "https://news.example.org/batik", "date": "2024-02-07"},
        {"title": "Laporan tahunan", "url": "https://www.example.org/laporan", "date": "2021"},
    ]
    outlet = record["outlets"][0]
    assert outlet["name"] == {"id": "Pusat Batik Uji", "en": "Test Batik Centre"}
    assert (outlet["lat"], outlet["lon"], outlet["opening_hours"]) == (-7.471, 112.436, "Mo-Sa 09:00-17:00")
    assert record["arranged_by"]["phone"] == "0321 123456"
    feature = json.loads((out / "data/kampung.geojson").read_text(encoding="utf-8"))["features"][0]
    assert feature["properties"]["sources"] == record["sources"]


def test_planner_offers_outlets_as_optional_stops(tmp_path):
    result, out = build(tmp_path, KAMPUNG + FACTS)
    assert result.returncode == 0, result.stderr
    page = (out / "rencana/index.html").read_text(encoding="utf-8")
    assert 'id="plan-o-batik.1" name="stop" value="batik.1"' in page
    island = must_find(r'<script type="application/json" id="plan-data">(.*?)</script>', page, re.S)[1]
    place = json.loads(island)["outlets"]["batik.1"]  # the kampung come from the places script
    assert place[:4] == [-7.471, 112.436, "Tempat belanja · Pusat Batik Uji", "../kampung/batik/#beli-1"]
    assert place[4][0] == [[540, 1020]]  # Monday 09:00-17:00, for the planner's open/closed check


def test_check_warns_once_per_file_naming_the_unsourced_facts(tmp_path):
    profile = KAMPUNG + "opening_hours: Mo-Sa 08:00-16:00\nproducts:\n  - name: Kain\n"
    result, _ = build(tmp_path, profile)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "sources:" in line]
    assert len(warnings) == 1
    assert warnings[0].endswith(
        "kampung/batik.yaml:1: sources: warning: no source for what this file states (description, "
        "opening_hours, products); add sources: a list of {title, url, date} of the reports it comes from, so "
        "visitors can tell a checked fact from a guess"
    )
    sourced, _ = build(tmp_path / "b", KAMPUNG + FACTS)
    assert "sources:" not in sourced.stderr


def test_bad_sources_and_outlets_are_named_by_line(tmp_path):
    profile = KAMPUNG + (
        "outlets:\n  - name: Toko\n    location: {lat: 95, lon: 112.4}\n"
        "sources:\n  - title: Berita\n    url: news.example.org\n    date: 2024-13-01\n"
    )
    result, out = build(tmp_path, profile)
    assert result.returncode == 1 and not out.exists()
    assert re.search(r"batik\.yaml:\d+: outlets\[0\]\.location\.lat: ", result.stderr)
    assert re.search(r"batik\.yaml:19: sources\[0\]\.url: ", result.stderr), result.stderr
    assert re.search(r"batik\.yaml:20: sources\[0\]\.date: .*2024-02-07", result.stderr), result.stderr


def test_organiser_without_a_way_to_reach_them_is_a_warning(tmp_path):
    profile = KAMPUNG + "arranged_by:\n  name: Dinas Uji\n  website: https://dinas.example.org\n"
    result, _ = build(tmp_path, profile)
    assert result.returncode == 0
    assert re.search(
        r"batik\.yaml:\d+: arranged_by: warning: the page tells visitors to ask Dinas Uji, who has only a website",
        result.stderr,
    ), result.stderr


def test_editor_form_has_the_new_fields():
    profile = {
        "sources": [{"title": "Berita", "url": "https://news.example.org/a", "date": "2024"}],
        "outlets": [{"name": {"id": "Toko"}, "location": {"lat": -7.47, "lon": 112.43}}],
        "arranged_by": {"name": {"id": "Dinas"}},
    }
    context = FormContext("kampung", "id", ("id", "en"), {"batik": "Batik"})
    fields = fields_of(build_form(schema.KAMPUNG, profile, context))
    assert fields["sources[0].url"] == ["https://news.example.org/a"] and fields["sources[0].date"] == ["2024"]
    assert fields["outlets[0].location.lat"] == ["-7.47"] and fields["outlets[0].name.id"] == ["Toko"]
    assert fields["arranged_by.name.id"] == ["Dinas"]
    page_context = FormContext("page", "id", ("id",))
    page_fields = fields_of(build_form(schema.PAGE, {"title": "T", "sources": profile["sources"]}, page_context))
    assert page_fields["sources[0].title"] == ["Berita"]

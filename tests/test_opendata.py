"""Open data: the GeoJSON and JSON of every kampung, and iCalendar files from experience schedules."""

import dataclasses
import json
from datetime import UTC, date, datetime, time

import icalendar
import pytest

from kampung_guide.outputs import calendar
from kampung_guide.outputs.opendata import opendata_files
from kampung_guide.pipeline import build_files
from kampung_guide.plan.pages import GEOJSON_PATH, JSON_PATH
from kampung_guide.plan.site import load_site
from kampung_guide.render.views import data_links
from kampung_guide.validate import model
from kampung_guide.validate.model import Schedule

from conftest import write_content
from test_search import ONDE, WORKSHOP

BASE = "https://example.org/guide/"


WEEKEND = Schedule(days=("Sa", "Su"), start="09:00", end="11:00")
ONCE = Schedule(date="2026-12-05", start="13:30", end="16:00")


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path, {"kampung/batik.yaml": WORKSHOP, "kampung/onde.yaml": ONDE})


@pytest.fixture
def site(content):
    loaded, report = load_site(content)
    assert loaded is not None, [p.render("en") for p in report.sorted()]
    return loaded


def with_schedule(site, slug: str, *entries):
    """The site with the first experience of `slug` given `entries` as its schedule."""

    def change(k):
        if k.slug != slug:
            return k
        first = dataclasses.replace(k.experiences[0], schedule=tuple(map(as_schedule, entries)))
        return dataclasses.replace(k, experiences=(first, *k.experiences[1:]))

    return dataclasses.replace(site, kampung=tuple(change(k) for k in site.kampung))


def as_schedule(entry) -> model.Schedule:
    """A schedule entry written as in a profile (a dict), as the model holds it."""
    if not isinstance(entry, dict):
        return entry
    return model.Schedule(
        days=tuple(entry.get("days", ())),
        date=entry.get("date"),
        start=entry["start"],
        end=entry["end"],
        valid_from=entry.get("from"),
        until=entry.get("until"),
    )


def check_rfc7946(document: dict) -> None:
    """The parts of RFC 7946 this file uses: a FeatureCollection of Features with Point geometry."""
    assert document["type"] == "FeatureCollection" and isinstance(document["features"], list)
    assert "crs" not in document  # RFC 7946 dropped named CRSs: WGS 84 longitude, latitude only
    for feature in document["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_rfc7946_with_longitude_first(site):
    document = json.loads(dict(opendata_files(site, None))[GEOJSON_PATH])
    check_rfc7946(document)
    batik = next(f for f in document["features"] if f["properties"]["slug"] == "batik")
    assert batik["geometry"]["coordinates"] == [112.43, -7.47]  # lon, lat: the profile says lat -7.47, lon 112.43
    props = batik["properties"]
    assert props["name"] == {"id": "Kampung Batik Tulis", "en": "Kampung Batik Tulis"}
    assert props["summary"] == {"id": "Kampung pembuat batik.", "en": "A batik-making village."}
    assert props["category"] == "batik" and props["approximate"] is False
    assert props["opening_hours"] == "Mo-Sa 08:00-16:00; Su off"
    assert props["products"] == [
        {
            "name": {"id": "Kain batik tulis", "en": "Hand-drawn batik cloth"},
            "price_idr": {"min": 150000, "max": 400000},
        }
    ]
    assert props["experiences"][0]["name"]["en"] == "Batik class"
    assert props["experiences"][0]["price_idr"] == {"min": 75000, "max": 75000}
    assert props["tags"] == ["batik", "kain"] and props["calendar"] is None
    assert props["url"] == {"id": "../kampung/batik/", "en": "../en/kampung/batik/"}  # relative to data/
    assert "lat" not in props and "contact" not in props


def test_json_list_has_the_same_fields_and_absolute_urls_with_a_base_url(site):
    files = dict(opendata_files(site, BASE))
    records = json.loads(files[JSON_PATH])
    features = json.loads(files[GEOJSON_PATH])["features"]
    assert [r["slug"] for r in records] == ["batik", "onde"]
    for record, feature in zip(records, features, strict=True):
        assert {k: v for k, v in record.items() if k not in ("lat", "lon")} == feature["properties"]
        assert [record["lon"], record["lat"]] == feature["geometry"]["coordinates"]
    assert records[0]["url"]["en"] == "https://example.org/guide/en/kampung/batik/"


def test_open_data_is_byte_stable(site):
    assert list(opendata_files(site, BASE)) == list(opendata_files(site, BASE))
    assert dict(opendata_files(site, BASE))[JSON_PATH].endswith(b"]\n")


def session(*slots) -> calendar.Session:
    return calendar.Session(
        "batik-1",
        "Kelas membatik · Kampung Batik",
        "Bawa kain sendiri.",
        "Kota Uji",
        (-7.47, 112.43),
        "https://example.org/guide/kampung/batik/",
        tuple(slots),
    )


def events(data: bytes) -> list:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_weekly_slots_become_weekly_events_in_jakarta_time():
    slot = calendar.parse_slot(WEEKEND)
    made = calendar.make_calendar([session(slot)], "Kampung Batik", "example.org", "id")
    data = made.to_ical()
    assert b"TZID:Asia/Jakarta" in data and b"TZOFFSETTO:+0700" in data
    (event,) = events(data)
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.tzinfo.key, start.date(), start.time(), end.time()) == (
        "Asia/Jakarta",
        date(2026, 1, 3),
        time(9),
        time(11),
    )
    assert start.astimezone(UTC) == datetime(2026, 1, 3, 2, 0, tzinfo=UTC)
    assert start.weekday() == 5  # the first Saturday from 2026-01-01
    assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["BYDAY"] == ["SA", "SU"]
    assert str(event["uid"]) == "batik-1-1@example.org"
    assert event.decoded("dtstamp") == calendar.DTSTAMP
    assert b"DTSTART;TZID=Asia/Jakarta:20260103T090000" in data


def test_dated_slots_and_series_limits():
    once = calendar.parse_slot(ONCE)
    limited = calendar.parse_slot(
        Schedule(days=("We",), start="13:00", end="15:00", valid_from="2026-02-01", until="2026-06-30")
    )
    first, second = events(calendar.make_calendar([session(once, limited)], "x", "example.org", "en").to_ical())
    assert first.decoded("dtstart") == datetime(2026, 12, 5, 13, 30, tzinfo=calendar.JAKARTA)
    assert "rrule" not in first and str(second["uid"]) == "batik-1-2@example.org"
    assert second.decoded("dtstart") == datetime(2026, 2, 4, 13, 0, tzinfo=calendar.JAKARTA)
    assert second["rrule"]["UNTIL"] == [datetime(2026, 6, 30, 16, 59, 59, tzinfo=UTC)]


def test_calendars_for_scheduled_kampung_and_the_city(site):
    assert calendar.calendar_files(site, BASE) == {}
    scheduled = with_schedule(site, "batik", WEEKEND, ONCE)
    files = calendar.calendar_files(scheduled, BASE)
    assert sorted(files) == [
        "data/ical/batik.en.ics",
        "data/ical/batik.id.ics",
        "data/kampung.en.ics",
        "data/kampung.id.ics",
    ]
    english = events(files["data/ical/batik.en.ics"])
    assert [str(e["summary"]) for e in english] == ["Batik class · Kampung Batik Tulis"] * 2
    assert str(english[0]["url"]) == "https://example.org/guide/en/kampung/batik/"
    assert str(english[0]["location"]).startswith("Kelurahan Miji")
    assert len(events(files["data/kampung.id.ics"])) == 2
    assert calendar.calendar_files(scheduled, None)["data/ical/batik.id.ics"].count(b"@kampung-guide.local") == 2
    assert calendar.calendar_files(scheduled, BASE) == files  # no clock in the output


def test_kampung_pages_link_their_data(site, content):
    scheduled = with_schedule(site, "batik", WEEKEND)
    by_slug = {k.slug: k for k in scheduled.kampung}
    assert [link["href"] for link in data_links(by_slug["onde"], "../../", "id")] == [
        "../../data/kampung.geojson",
        "../../data/kampung.json",
    ]
    assert data_links(by_slug["batik"], "../../../", "en")[-1]["href"] == "../../../data/ical/batik.en.ics"
    files = dict(build_files(scheduled, content, BASE))
    assert {"data/kampung.geojson", "data/kampung.json", "data/ical/batik.id.ics", "data/kampung.en.ics"} <= set(files)
    page = files["en/kampung/batik/index.html"].decode()
    assert 'href="../../../data/ical/batik.en.ics"' in page and 'href="../../../data/kampung.geojson"' in page
    assert "data/ical" not in files["kampung/onde/index.html"].decode()
    geojson = json.loads(files["data/kampung.geojson"])
    batik = next(f["properties"] for f in geojson["features"] if f["properties"]["slug"] == "batik")
    assert batik["calendar"]["id"] == "https://example.org/guide/data/ical/batik.id.ics"
    assert batik["experiences"][0]["schedule"] == [
        {"days": ["Sa", "Su"], "start": "09:00", "end": "11:00", "timezone": "Asia/Jakarta"}
    ]

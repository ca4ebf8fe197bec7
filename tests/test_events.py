"""What's on: event files checked like every content file (file:line, both languages), the agenda page,
the home page's and a kampung page's events, the iCalendar feed (parsed back with icalendar) and
JSON-LD Event. The build never decides what is upcoming: that is agenda.js (test_watch_browser.py)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime, timedelta, timezone
from typing import cast

import icalendar
import pytest

from kampung_guide.pipeline import SiteBuild, rebuild_files
from kampung_guide.plan.site import load_site
from kampung_guide.validate.content import ProfileCache

from conftest import KAMPUNG, ROOT, must_find, run_build, write_content

BASE = "https://example.org/guide/"
WIB = timezone(timedelta(hours=7))

EXPO = """\
name: {id: Pameran UMKM, en: Small-business fair}
from: 2026-12-04
until: 2026-12-06
start: "09:00"
end: "16:00"
place:
  kampung: batik
description:
  id: |
    Pameran produk kampung. Lihat [kampung batik](/kampung/batik/).
  en: |
    A fair of the kampung's products. See [the batik kampung](/kampung/batik/).
organiser:
  name: {id: Dinas Koperasi, en: Cooperatives Office}
  whatsapp: "0812 1111 2222"
  website: https://example.org/dinas
price_idr: 0
"""
MARKET = """\
name: {id: Pasar malam, en: Night market}
dates: [2026-12-19, 2026-11-14, 2027-01-09]
start: "18:00"
place:
  name: {id: Alun-alun, en: Town square}
  address: Jalan Alun-alun 1, Kota Uji
  lat: -7.472
  lon: 112.434
description: Jajanan dan kerajinan.
price_idr: [5000, 10000]
"""
BATIK_DAY = """\
name: {id: Hari Batik, en: Batik Day}
dates: [2026-10-02]
place:
  kampung: batik
description: {id: Semua memakai batik., en: Everyone wears batik.}
"""
EVENTS = {"events/pameran.yaml": EXPO, "events/pasar-malam.yaml": MARKET, "events/hari-batik.yaml": BATIK_DAY}


def check(content, lang: str) -> list[str]:
    """The errors `check` prints for the content folder, in `lang` (as `build.py check` renders them)."""
    _, report = load_site(content, str(content))
    return [p.render(lang) for p in report.sorted() if not p.warning]


def build(tmp_path, files: dict, base_url: str | None = BASE):
    content = write_content(tmp_path, files)
    out = tmp_path / "site"
    args = ["build", "--content", str(content), "--out", str(out)] + (["--base-url", base_url] if base_url else [])
    result = run_build(*args)
    assert result.returncode == 0, result.stderr
    return out


def read(out, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


# -- checks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, english, indonesian",
    [
        (
            EXPO.replace("  kampung: batik", "  kampung: batk"),
            "pameran.yaml:7: place.kampung: 'batk' is not a kampung; did you mean 'batik'?",
            "pameran.yaml:7: place.kampung: 'batk' bukan kampung; maksud Anda 'batik'?",
        ),
        (
            EXPO.replace("  kampung: batik", "  kampung: batik\n  lat: -7.47"),
            "pameran.yaml:8: place.lat: a place is either a kampung or a name, address and pin, not both",
            "pameran.yaml:8: place.lat: tempat berupa kampung, atau nama, alamat dan pin, bukan keduanya",
        ),
        (
            MARKET.replace("  lon: 112.434\n", ""),
            "pasar-malam.yaml:4: place: give the kampung (its file name), or the place's address, lat and lon "
            "(missing: lon)",
            "pasar-malam.yaml:4: place: tulis kampung (nama berkasnya), atau alamat, lat dan lon tempatnya "
            "(belum ada: lon)",
        ),
        (
            EXPO.replace("place:\n  kampung: batik\n", ""),
            "pameran.yaml:1: place: this field is required and missing",
            "pameran.yaml:1: place: kolom ini wajib diisi dan belum ada",
        ),
        (
            EXPO.replace("from: 2026-12-04\n", "dates: [2026-12-04]\nfrom: 2026-12-04\n"),
            "pameran.yaml:2: dates: an event has either dates (a list of days) or from and until (a run of "
            "days), not both or neither",
            "pameran.yaml:2: dates: acara berisi dates (daftar hari) atau from dan until (rentang hari), bukan "
            "keduanya atau tidak sama sekali",
        ),
        (
            EXPO.replace("until: 2026-12-06\n", ""),
            "pameran.yaml:2: from: a run of days needs both from and until",
            "pameran.yaml:2: from: rentang hari perlu from dan until",
        ),
        (
            EXPO.replace("until: 2026-12-06", "until: 2026-12-01"),
            "pameran.yaml:3: until: until 2026-12-01 is before from 2026-12-04",
            "pameran.yaml:3: until: until 2026-12-01 lebih awal dari from 2026-12-04",
        ),
        (
            EXPO.replace('start: "09:00"\n', ""),
            "pameran.yaml:4: end: an end time needs a start time",
            "pameran.yaml:4: end: jam selesai perlu jam mulai",
        ),
        (
            EXPO.replace('end: "16:00"', 'end: "08:00"'),
            "pameran.yaml:5: end: the end 08:00 is not after the start 09:00",
            "pameran.yaml:5: end: jam selesai 08:00 tidak setelah jam mulai 09:00",
        ),
        (
            EXPO.replace("from: 2026-12-04", "from: 2026-12-32"),
            "pameran.yaml:2: from: '2026-12-32' is not a date; write YYYY-MM-DD, e.g. 2026-12-05",
            "pameran.yaml:2: from: '2026-12-32' bukan tanggal; tulis YYYY-MM-DD, misalnya 2026-12-05",
        ),
        (
            EXPO.replace('"0812 1111 2222"', '"0321 123456"'),
            "pameran.yaml:15: organiser.whatsapp: '0321 123456' is a landline number, not a mobile one",
            "pameran.yaml:15: organiser.whatsapp: '0321 123456' adalah nomor telepon rumah/kantor, bukan nomor HP",
        ),
        (
            EXPO.replace("price_idr: 0", "price_idr: 5.000"),
            "pameran.yaml:17: price_idr: 5.000 reads as the number 5 (in YAML a dot is a decimal point)",
            "pameran.yaml:17: price_idr: 5.000 terbaca sebagai angka 5 (di YAML titik adalah tanda desimal)",
        ),
        (
            EXPO.replace("(/kampung/batik/)", "(/kampung/tenun/)"),
            "pameran.yaml:10: description.id: the link '/kampung/tenun/' leads to no page of the site",
            "pameran.yaml:10: description.id: tautan '/kampung/tenun/' tidak menuju halaman situs mana pun",
        ),
    ],
)
def test_event_mistakes_get_their_file_line_and_message_in_both_languages(tmp_path, text, english, indonesian):
    content = write_content(
        tmp_path, {"events/pameran.yaml" if "pameran" in english else "events/pasar-malam.yaml": text}
    )
    found = {lang: check(content, lang) for lang in ("en", "id")}
    assert any(line.startswith(f"{content}/events/{english}") for line in found["en"]), found["en"]
    assert any(line.startswith(f"{content}/events/{indonesian}") for line in found["id"]), found["id"]


def test_a_broken_event_stops_the_build_and_check(tmp_path):
    content = write_content(tmp_path, {"events/pameran.yaml": EXPO.replace("until: 2026-12-06", "until: 2026-12-01")})
    result = run_build("check", "--content", str(content), "--lang", "id")
    assert result.returncode == 1 and "pameran.yaml:3: until: until 2026-12-01 lebih awal dari" in result.stderr
    assert run_build("build", "--content", str(content), "--out", str(tmp_path / "site")).returncode == 1


def test_events_are_loaded_in_date_order(tmp_path):
    site, report = load_site(write_content(tmp_path, EVENTS))
    assert site is not None, [p.render() for p in report.errors]
    assert [e.slug for e in site.events] == ["hari-batik", "pasar-malam", "pameran"]
    market = site.events[1]
    assert market.days == ("2026-11-14", "2026-12-19", "2027-01-09") and market.last_day == "2027-01-09"
    assert site.events[2].days == ("2026-12-04", "2026-12-05", "2026-12-06")
    assert [e.slug for e in site.events_at("batik")] == ["hari-batik", "pameran"]


# -- pages --------------------------------------------------------------------------------------


def test_the_agenda_lists_every_event_by_date_with_its_facts(tmp_path):
    out = build(tmp_path, EVENTS)
    page = read(out, "agenda/index.html")
    entries = re.findall(r'<li class="event" id="(.*?)" data-first="(.*?)" data-last="(.*?)"', page)
    assert entries == [
        ("acara-hari-batik", "2026-10-02", "2026-10-02"),
        ("acara-pasar-malam", "2026-11-14", "2027-01-09"),
        ("acara-pameran", "2026-12-04", "2026-12-06"),
    ]
    assert 'data-days="2026-11-14 2026-12-19 2027-01-09"' in page
    when = re.findall(r'<dd class="event__when">(.*?)</dd>', page)
    assert when == [
        "Jumat, 02 Oktober 2026",  # CLDR's full date in Indonesian
        "14 November 2026; 19 Desember 2026; 9 Januari 2027 · mulai 18.00",
        "4–6 Des 2026 · 09.00–16.00",  # CLDR's interval format
    ]
    english = read(out, "en/agenda/index.html")
    assert (
        re.findall(r'<dd class="event__when">(.*?)</dd>', english)[2] == "Dec 4\u2009–\u20096, 2026 · 09:00–16:00"
    )  # CLDR's thin spaces
    assert "<dd>Free</dd>" in english and "<dd>IDR\u00a05,000–10,000</dd>" in english
    assert '<a href="../../en/kampung/batik/">Kampung Batik</a>' in english
    assert "Cooperatives Office" in english and "https://wa.me/6281211112222" in english
    assert 'href="../../data/agenda.en.ics"' in english
    assert 'href="../../en/kampung/batik/" rel="noopener noreferrer">the batik kampung</a>' in english  # its own link
    assert 'href="../en/agenda/"' in read(out, "en/index.html")  # in the menu once there are events


def test_the_agenda_json_ld_has_an_event_per_day_of_a_date_list(tmp_path):
    page = read(build(tmp_path, EVENTS), "en/agenda/index.html")
    data = json.loads(must_find(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    events = data["@graph"]
    assert [(e["name"], e["startDate"], e["endDate"]) for e in events] == [
        ("Batik Day", "2026-10-02", "2026-10-02"),
        ("Night market", "2026-11-14T18:00:00+07:00", "2026-11-14T18:00:00+07:00"),
        ("Night market", "2026-12-19T18:00:00+07:00", "2026-12-19T18:00:00+07:00"),
        ("Night market", "2027-01-09T18:00:00+07:00", "2027-01-09T18:00:00+07:00"),
        ("Small-business fair", "2026-12-04T09:00:00+07:00", "2026-12-06T16:00:00+07:00"),
    ]
    fair = events[-1]
    assert fair["@type"] == "Event" and fair["url"] == "https://example.org/guide/en/agenda/#acara-pameran"
    assert fair["location"]["name"] == "Kampung Batik" and fair["location"]["geo"]["latitude"] == "-7.47000"
    assert fair["organizer"] == {
        "@type": "Organization",
        "name": "Cooperatives Office",
        "url": "https://example.org/dinas",
        "telephone": "+6281211112222",
    }
    assert fair["isAccessibleForFree"] is True and fair["offers"]["price"] == 0
    assert events[1]["offers"] == {
        "@type": "AggregateOffer",
        "lowPrice": 5000,
        "highPrice": 10000,
        "priceCurrency": "IDR",
    }
    assert events[1]["location"]["address"]["streetAddress"] == "Jalan Alun-alun 1, Kota Uji"


def test_home_and_kampung_pages_list_their_events(tmp_path):
    out = build(tmp_path, EVENTS)
    home = read(out, "en/index.html")
    lines = re.findall(r'<li class="event-line" data-first="(.*?)".*?hidden>', home)
    assert lines == ["2026-10-02", "2026-11-14", "2026-12-04"]  # agenda.js shows the next three
    assert '<a href="../en/agenda/">See every event</a>' in home
    kampung = read(out, "en/kampung/batik/index.html")
    listed = re.findall(r'<a class="event-line__name" href="(.*?)">(.*?)</a>', kampung)
    assert listed == [
        ("../../../en/agenda/#acara-hari-batik", "Batik Day"),
        ("../../../en/agenda/#acara-pameran", "Small-business fair"),
    ]
    assert "assets/agenda.js" in kampung
    data = json.loads(must_find(r'<script type="application/ld\+json">(.*?)</script>', kampung, re.S)[1])
    assert [e["name"] for e in data["event"]] == ["Batik Day", "Small-business fair"]


def test_without_events_the_agenda_says_so_and_is_not_in_the_menu(tmp_path):
    out = build(tmp_path, {})
    page = read(out, "en/agenda/index.html")
    assert "No events have been announced yet. Ask the tourism office." in page
    assert 'href="../en/agenda/"' not in read(out, "en/index.html") and "home-agenda" not in read(out, "en/index.html")
    calendar = icalendar.Calendar.from_ical((out / "data/agenda.en.ics").read_bytes())
    assert calendar.walk("VEVENT") == []  # a subscription made now keeps working once events come


# -- the feed -----------------------------------------------------------------------------------


def test_the_feed_is_valid_icalendar_with_every_event(tmp_path):
    out = build(tmp_path, EVENTS)
    calendar = icalendar.Calendar.from_ical((out / "data/agenda.en.ics").read_bytes())
    assert str(calendar["x-wr-calname"]) == "What's on · Test Villages"
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "event-hari-batik-1@example.org",
        "event-pameran-1@example.org",
        "event-pasar-malam-1@example.org",
        "event-pasar-malam-2@example.org",
        "event-pasar-malam-3@example.org",
    ]
    day = events["event-hari-batik-1@example.org"]
    assert day.decoded("dtstart") == date(2026, 10, 2) and day.decoded("dtend") == date(2026, 10, 3)  # all day
    fair = events["event-pameran-1@example.org"]
    assert fair.decoded("dtstart") == datetime(2026, 12, 4, 9, 0, tzinfo=WIB)
    assert fair.decoded("dtend") == datetime(2026, 12, 4, 16, 0, tzinfo=WIB)
    rule = cast(icalendar.vRecur, fair["rrule"])
    assert rule["FREQ"] == ["DAILY"] and rule["UNTIL"][0].date() == date(2026, 12, 6)
    assert str(fair["summary"]) == "Small-business fair" and str(fair["url"]).endswith("/en/agenda/#acara-pameran")
    assert "Cooperatives Office" in str(fair["description"]) and "Entry: Free" in str(fair["description"])
    market = events["event-pasar-malam-2@example.org"]
    assert market.decoded("dtstart") == datetime(2026, 12, 19, 18, 0, tzinfo=WIB) and "dtend" not in market
    assert str(market["location"]) == "Town square, Jalan Alun-alun 1, Kota Uji"
    indonesian = icalendar.Calendar.from_ical((out / "data/agenda.id.ics").read_bytes())
    assert "Pameran UMKM" in {str(e["summary"]) for e in indonesian.walk("VEVENT")}


def test_the_feed_is_the_same_whatever_the_day(tmp_path):
    first = (build(tmp_path / "a", EVENTS) / "data/agenda.id.ics").read_bytes()
    again = (build(tmp_path / "b", EVENTS) / "data/agenda.id.ics").read_bytes()
    assert first == again and b"DTSTAMP:20260101T000000Z" in first


def test_a_rebuild_after_renaming_an_event_s_kampung_equals_a_clean_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "events").mkdir()
    (content / "events" / "pameran.yaml").write_text(
        EXPO.replace("kampung: batik", "kampung: onde-onde").replace("/kampung/batik/", "/kampung/onde-onde/"),
        encoding="utf-8",
    )
    cache: ProfileCache = {}
    site, _ = load_site(content, cache=cache)
    assert site is not None
    before = SiteBuild(site, content, BASE)
    old = dict(before.files())
    path = content / "kampung" / "onde-onde.yaml"
    text = path.read_text(encoding="utf-8")
    renamed = re.sub(r"^name: .*$", "name: Kampung Onde Baru", text, count=1, flags=re.M)
    assert renamed != text
    path.write_text(renamed, encoding="utf-8")
    changed, _ = load_site(content, cache=cache)
    assert changed is not None
    _, files = rebuild_files(before, old, changed)
    clean = dict(SiteBuild(changed, content, BASE).files())
    assert files == clean
    assert "Kampung Onde Baru" in files["agenda/index.html"].decode()
    assert KAMPUNG  # the fixtures' profile is the event's kampung above

"""Making times, workshop rules and how fresh the facts are: checked like every field (file:line, both
languages), shown on the kampung page and its card, and carried by JSON-LD, open data and calendars."""

from __future__ import annotations

import datetime
import json
import re
from typing import cast

import icalendar
import pytest

from kampung_guide.plan.site import load_site
from kampung_guide.util import travel

from conftest import KAMPUNG, must_find, run_build, write_content

MAKING = """\
making:
  - what: {id: Menuang kuningan, en: Pouring brass}
    hours: Sa 05:00-07:00
    note: {id: Hanya hari Sabtu., en: Saturdays only.}
  - what: {id: Mengamplas, en: Sanding}
    note: {id: Paling ramai sejak sekitar pukul 04.00, en: Busiest from about 4 a.m.}
"""
RULES = """\
visit:
  group_max: 30
  rules:
    children: accompanied
    min_age: 10
    closed_shoes: true
    clothing: {id: Pakaian lengan panjang, en: Long sleeves}
    photography: ask
    hazards: [heat, molten_metal, smoke]
    safety: {id: Jaga jarak dari tungku, en: Keep away from the furnace}
    group_booking_from: 8
"""
CHECKED = "checked: 2026-11-20\n"
RICH = KAMPUNG + MAKING + RULES + CHECKED
TODAY = datetime.date(2026, 12, 1)


def check(content, lang: str) -> list[str]:
    """The problem lines `build.py check` prints for the profiles, as an editor reads them (the test
    site.yaml's own warning, that it gives no way to reach the tourism office, left out)."""
    result = run_build("check", "--content", str(content), "--lang", lang)
    return [line for line in result.stderr.splitlines() if line.startswith(f"{content}/kampung/")]


def build(tmp_path, files: dict, base_url: str = "https://example.org/guide/"):
    content = write_content(tmp_path, files)
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out), "--base-url", base_url)
    assert result.returncode == 0, result.stderr
    return out


def read(out, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def jsonld(html: str) -> dict:
    return json.loads(must_find(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])


# -- validation ---------------------------------------------------------------------------------


def test_making_fields_are_checked_with_their_lines_in_both_languages(tmp_path):
    text = KAMPUNG + "making:\n  - hours: Sa 25:00-26:00\n  - what: Menuang\n    when: pagi\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    where = f"{content}/kampung/batik.yaml"
    english, indonesian = check(content, "en"), check(content, "id")
    assert (
        f"{where}:15: making[0].hours: '25:00-26:00' is not understood; write e.g. 'Mo-Sa 08:00-16:00; Su off'"
        in english
    )
    assert f"{where}:15: making[0].what: this field is required and missing" in english
    assert f"{where}:17: making[1].when: unknown field; known fields are: what, hours, note" in english
    assert f"{where}:15: making[0].what: kolom ini wajib diisi dan belum ada" in indonesian
    assert f"{where}:17: making[1].when: kolom tidak dikenal; kolom yang ada: what, hours, note" in indonesian


def test_a_making_entry_without_hours_or_note_is_a_warning(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "making:\n  - what: Batik tulis\n"})
    where = f"{content}/kampung/batik.yaml:15: making[0]"
    assert f"{where}: warning: say when it can be watched (hours) or what is known (note)" in "\n".join(
        check(content, "en")
    )
    assert f"{where}: peringatan: tulis kapan proses ini bisa dilihat (hours)" in "\n".join(check(content, "id"))


def test_rules_are_checked_with_their_lines_in_both_languages(tmp_path):
    text = KAMPUNG + (
        "visit:\n  rules:\n    children: kids\n    min_age: 150\n    closed_shoes: ya\n"
        "    photography: alowed\n    hazards: [heat, lava]\n    group_booking_from: 1\n"
    )
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    where = f"{content}/kampung/batik.yaml"
    assert check(content, "en") == [
        f"{where}:16: visit.rules.children: 'kids' is not one of: welcome, accompanied, no",
        f"{where}:17: visit.rules.min_age: 150 is out of range (must be between 0 and 99)",
        f"{where}:18: visit.rules.closed_shoes: expected true or false, got text",
        f"{where}:19: visit.rules.photography: 'alowed' is not one of: allowed, ask, no; did you mean 'allowed'?",
        f"{where}:20: visit.rules.hazards[1]: 'lava' is not one of: heat, molten_metal, dye, machinery, "
        "sharp_tools, smoke, dust",
        f"{where}:21: visit.rules.group_booking_from: 1 is out of range (must be between 2 and 10000)",
    ]
    assert f"{where}:18: visit.rules.closed_shoes: seharusnya true atau false, bukan teks" in check(content, "id")


def test_rules_that_contradict_each_other_are_warnings(tmp_path):
    text = (
        KAMPUNG
        + "visit:\n  group_max: 10\n  rules:\n    children: welcome\n    min_age: 18\n    group_booking_from: 12\n"
    )
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    where = f"{content}/kampung/batik.yaml"
    english = check(content, "en")
    assert (
        f"{where}:18: visit.rules.min_age: warning: children are 'welcome' but the youngest visitor allowed is 18; "
        "which is right?" in english
    )
    assert (
        f"{where}:19: visit.rules.group_booking_from: warning: groups book ahead from 12 people, but at most 10 "
        "can visit at once (visit.group_max)" in english
    )
    assert any("rombongan memesan mulai 12 orang" in line for line in check(content, "id"))


def test_a_checked_date_must_be_a_real_date(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "checked: 2026-02-30\n"})
    assert check(content, "en") == [
        f"{content}/kampung/batik.yaml:14: checked: '2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-12-05"
    ]


def profiles(**checked: str | None) -> dict[str, str | None]:
    """Profiles named by slug, each with its `checked` date (None: never checked), in place of the
    default content's batik profile."""
    return {"kampung/batik.yaml": None} | {
        f"kampung/{slug}.yaml": KAMPUNG.replace("Kampung Batik", f"Kampung {slug}")
        + (f"checked: {date}\n" if date else "")
        for slug, date in checked.items()
    }


def freshness(content, today=TODAY, lang="en") -> list[str]:
    _, report = load_site(content, "content", today=today)
    return [p.render(lang) for p in report.sorted() if p.field == "checked"]


def test_old_and_missing_checked_dates_are_grouped_warnings(tmp_path):
    content = write_content(
        tmp_path,
        profiles(a="2026-11-20", b="2025-11-30", c="2024-01-02", d=None, e=None, f="2026-12-24"),
    )
    assert freshness(content) == [
        "content/kampung/b.yaml:14: checked: warning: last checked on 2025-11-30, more than 365 days ago "
        "(stale_after_days in site.yaml): confirm the facts with the kampung and update checked; 1 more "
        "profiles too: content/kampung/c.yaml (2024-01-02)",
        "content/kampung/d.yaml:1: checked: warning: no checked date: write checked: YYYY-MM-DD when someone has "
        "confirmed these facts; 1 more profiles too: content/kampung/e.yaml",
        "content/kampung/f.yaml:14: checked: warning: 2026-12-24 is in the future; write the date the facts were "
        "confirmed",
    ]
    assert freshness(content, lang="id")[1] == (
        "content/kampung/d.yaml:1: checked: peringatan: belum ada tanggal checked: tulis checked: YYYY-MM-DD "
        "setelah informasinya dipastikan; juga 1 profil lain: content/kampung/e.yaml"
    )
    # 365 days exactly is not yet too long; a day later is
    assert not any("b.yaml" in line for line in freshness(content, today=datetime.date(2026, 11, 30)))


def test_a_grouped_warning_names_the_first_few_files_and_counts_the_rest(tmp_path):
    content = write_content(tmp_path, profiles(**{f"k{i:02d}": None for i in range(9)}))
    [warning] = freshness(content)
    assert warning.endswith(
        "8 more profiles too: content/kampung/k01.yaml, content/kampung/k02.yaml, content/kampung/k03.yaml, "
        "content/kampung/k04.yaml, content/kampung/k05.yaml, … (+3)"
    )


def test_stale_after_days_comes_from_site_yaml(tmp_path):
    from conftest import SITE

    content = write_content(tmp_path, profiles(a="2026-10-01"))
    assert freshness(content) == []  # 61 days: within the default 365
    (content / "site.yaml").write_text(SITE + "stale_after_days: 30\n", encoding="utf-8")
    [warning] = freshness(content)
    assert "last checked on 2026-10-01, more than 30 days ago" in warning
    (content / "site.yaml").write_text(SITE + "stale_after_days: 0\n", encoding="utf-8")
    printed = run_build("check", "--content", str(content), "--lang", "en").stderr
    assert f"{content}/site.yaml:8: stale_after_days: 0 is out of range (must be between 1 and 36500)" in printed


def test_check_prints_the_freshness_warning_once_for_many_profiles(tmp_path):
    content = write_content(tmp_path, profiles(**{f"k{i}": "2000-01-01" for i in range(4)}))
    lines = [line for line in check(content, "id") if "checked:" in line]
    assert len(lines) == 1 and "terakhir diperiksa 2000-01-01, lebih dari 365 hari lalu" in lines[0]
    assert "juga 3 profil lain" in lines[0]


# -- the kampung page and its card ----------------------------------------------------------------


def test_the_page_shows_making_rules_and_the_checked_date_in_both_languages(tmp_path):
    out = build(tmp_path, {"kampung/batik.yaml": RICH})
    pages = {lang: read(out, f"{prefix}kampung/batik/index.html") for lang, prefix in (("id", ""), ("en", "en/"))}
    making = {
        lang: re.findall(
            r'<strong class="making__what">(.*?)</strong>\s*(?:<span class="making__when">(.*?)</span>)?\s*'
            r'(?:<span class="making__note">(.*?)</span>)?',
            html,
        )
        for lang, html in pages.items()
    }
    assert making["id"] == [
        ("Menuang kuningan", "Sabtu 05.00–07.00", "Hanya hari Sabtu."),
        ("Mengamplas", "", "Paling ramai sejak sekitar pukul 04.00"),
    ]
    assert making["en"] == [
        ("Pouring brass", "Saturday 05:00–07:00", "Saturdays only."),
        ("Sanding", "", "Busiest from about 4 a.m."),
    ]
    assert pages["en"].index('id="making-title"') < pages["en"].index('id="visit-title"')  # high on the page
    rows = {
        lang: re.findall(
            r'<li class="visit__item"><span class="visit__icon" aria-hidden="true">(.*?)</span>'
            r"<span><strong>(.*?):</strong> (.*?)</span></li>",
            html,
        )
        for lang, html in pages.items()
    }
    assert rows["en"][1:] == [
        ("🧒", "Children", "welcome with an adult, from age 10"),
        ("👟", "Shoes", "closed shoes required"),
        ("👕", "Clothing", "Long sleeves"),
        ("📷", "Photos", "ask before you take photos"),
        ("⚠️", "Safety", "Take care near heat, molten metal, and smoke. Keep away from the furnace"),
        ("👥", "Book ahead", "groups of 8 or more"),
    ]
    assert rows["id"][1:] == [
        ("🧒", "Anak-anak", "boleh, didampingi orang dewasa, mulai usia 10 tahun"),
        ("👟", "Alas kaki", "wajib sepatu tertutup"),
        ("👕", "Pakaian", "Pakaian lengan panjang"),
        ("📷", "Foto", "minta izin dulu sebelum memotret"),
        ("⚠️", "Keselamatan", "Hati-hati dengan panas, logam cair, dan asap. Jaga jarak dari tungku"),
        ("👥", "Pesan dulu", "rombongan 8 orang atau lebih"),
    ]
    assert '<p class="checked">Informasi ini diperiksa pada 20 November 2026.</p>' in pages["id"]
    assert '<p class="checked">Information checked on November 20, 2026.</p>' in pages["en"]  # CLDR
    card = must_find(r'<li class="card[^"]*" data-slug="batik">.*?</li>', read(out, "en/kampung/index.html"), re.S)[0]
    assert "<strong>Watch it being made:</strong> Saturday 05:00–07:00" in card
    assert '<span class="card__checked">Checked November 20, 2026</span>' in card


def test_without_making_times_the_page_says_to_ask_the_office(tmp_path):
    out = build(tmp_path, {})
    page = read(out, "en/kampung/batik/index.html")
    assert (
        '<p class="making__unknown">When the making can be watched is not recorded yet. Ask the tourism office' in page
    )
    assert "When this information was last checked is not recorded." in page
    assert "card__making" not in read(out, "en/kampung/index.html")


# -- JSON-LD, open data, calendars ---------------------------------------------------------------


def test_making_times_in_json_ld(tmp_path):
    data = jsonld(read(build(tmp_path, {"kampung/batik.yaml": RICH}), "en/kampung/batik/index.html"))
    [pouring] = data["event"]
    assert pouring["@type"] == "Event" and pouring["name"] == "Watch it being made: Pouring brass"
    assert pouring["eventSchedule"] == [
        {
            "@type": "Schedule",
            "byDay": ["https://schema.org/Saturday"],
            "startTime": "05:00",
            "endTime": "07:00",
            "repeatFrequency": "P1W",
            "scheduleTimezone": "Asia/Jakarta",
        }
    ]
    assert pouring["description"] == "Saturdays only."
    assert data["additionalProperty"] == [
        {"@type": "PropertyValue", "name": "Watch it being made: Sanding", "value": "Busiest from about 4 a.m."}
    ]


def test_making_rules_and_checked_in_the_open_data(tmp_path):
    out = build(tmp_path, {"kampung/batik.yaml": RICH})
    [record] = json.loads(read(out, "data/kampung.json"))
    assert record["checked"] == "2026-11-20"
    assert record["making"][0] == {
        "what": {"id": "Menuang kuningan", "en": "Pouring brass"},
        "hours": "Sa 05:00-07:00",
        "note": {"id": "Hanya hari Sabtu.", "en": "Saturdays only."},
    }
    assert record["making"][1]["hours"] is None
    assert record["rules"]["hazards"] == ["heat", "molten_metal", "smoke"] and record["rules"]["min_age"] == 10
    assert record["calendar"]["en"] == "https://example.org/guide/data/ical/batik.en.ics"
    geojson = json.loads(read(out, "data/kampung.geojson"))
    assert geojson["features"][0]["properties"]["making"] == record["making"]


def test_making_times_with_hours_go_into_the_calendars(tmp_path):
    text = (
        KAMPUNG + "making:\n  - what: {id: Membatik, en: Drawing wax}\n    hours: Mo-Fr 08:00-11:00; Sa 08:00-10:00\n"
    )
    out = build(tmp_path, {"kampung/batik.yaml": text})
    calendar = icalendar.Calendar.from_ical((out / "data/ical/batik.en.ics").read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: str(e["uid"]))
    assert [str(e["summary"]) for e in events] == ["Watch it being made: Drawing wax · Kampung Batik"] * 2
    by_days = {tuple(cast(icalendar.vRecur, e["rrule"])["BYDAY"]): e for e in events}
    assert set(by_days) == {("MO", "TU", "WE", "TH", "FR"), ("SA",)}
    weekdays = by_days[("MO", "TU", "WE", "TH", "FR")]
    assert weekdays.decoded("dtstart").isoformat() == "2026-01-01T08:00:00+07:00"  # the first weekday from 1 January
    assert weekdays.decoded("dtend").isoformat() == "2026-01-01T11:00:00+07:00"
    assert by_days[("SA",)].decoded("dtstart").isoformat() == "2026-01-03T08:00:00+07:00"
    page = read(out, "en/kampung/batik/index.html")
    assert 'href="../../../data/ical/batik.en.ics"' in page and "classes and making times" in page
    assert len(icalendar.Calendar.from_ical((out / "data/kampung.id.ics").read_bytes()).walk("VEVENT")) == 2


# -- the planner's sums (the browser's twin is tested in test_watch_browser.py) ---------------------

A, B, C = (-7.47, 112.43), (-7.47, 112.439), (-7.47, 112.448)  # on a line, about a kilometre apart


@pytest.mark.parametrize(
    "stay, spans, status",
    [
        ((480, 525), [(420, 600)], "ok"),
        ((480, 525), [(510, 600)], "ok"),  # 15 minutes of the stay overlap
        ((480, 525), [(515, 600)], "clash"),  # only 10
        ((480, 490), [(485, 600)], "clash"),
        ((480, 490), [(470, 600)], "ok"),  # a short stay needs only itself
        ((480, 480), [(470, 600)], "ok"),
        ((480, 525), [], "clash"),
        ((480, 525), None, "unknown"),
    ],
)
def test_watch_needs_fifteen_minutes_of_the_stay_in_the_making_hours(stay, spans, status):
    assert travel.watch(stay, spans) == status


def test_the_order_changes_only_to_reach_a_making_time():
    shortest = travel.visiting_order([A, B, C], 0)
    assert shortest == [0, 1, 2]
    # C is made 08:30-10:00: going A, B, C on foot from 08:00 arrives at 10:04; A, C, B at 09:20
    windows = [None, None, [(510, 600)]]
    assert travel.making_order([A, B, C], 0, windows, "walk", 480, 45) == [0, 2, 1]
    assert travel.making_order([A, B, C], 0, windows, "car", 480, 45) == [0, 1, 2]  # by car both orders make it
    assert travel.making_order([A, B, C], 0, windows, "walk", 660, 45) == [0, 1, 2]  # too late either way
    assert travel.making_order([A, B, C], 0, [None, None, None], "walk", 480, 45) == [0, 1, 2]


def test_beyond_eight_stops_the_short_order_stays():
    points = [(-7.47, 112.43 + 0.009 * i) for i in range(9)]
    windows = [None] * 8 + [[(480, 500)]]
    assert travel.making_order(points, 0, windows, "walk", 480, 45) == travel.visiting_order(points, 0)

"""Experience schedules: checked like every field, and published as calendars in Jakarta time."""

from typing import cast

import icalendar

from conftest import KAMPUNG, run_build, write_content

SCHEDULED = (
    KAMPUNG
    + """\
experiences:
  - name: {id: Kelas membatik, en: Batik class}
    schedule:
      - days: [Sa, Su]
        start: "09:00"
        end: "11:00"
        from: 2026-12-05
      - date: 2026-12-31
        start: "19:30"
        end: "21:00"
"""
)


def test_schedules_become_calendars(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": SCHEDULED})
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out), "--base-url", "https://example.org/")
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical((out / "data/ical/batik.en.ics").read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["summary"]) for e in events] == ["Batik class · Kampung Batik"] * 2
    weekly, once = events
    assert weekly.decoded("dtstart").isoformat() == "2026-12-05T09:00:00+07:00"
    assert weekly.decoded("dtend").isoformat() == "2026-12-05T11:00:00+07:00"
    rrule = cast(icalendar.vRecur, weekly["rrule"])
    assert rrule["FREQ"] == ["WEEKLY"] and rrule["BYDAY"] == ["SA", "SU"]
    assert once.decoded("dtstart").isoformat() == "2026-12-31T19:30:00+07:00"
    page = (out / "en/kampung/batik/index.html").read_text(encoding="utf-8")
    assert "data/ical/batik.en.ics" in page


def test_bad_schedules_are_reported_with_their_lines(tmp_path):
    text = (
        KAMPUNG
        + """\
experiences:
  - name: Kelas
    schedule:
      - days: [Sa]
        date: 2026-12-05
        start: "09:00"
        end: "11:00"
      - days: [Sat]
        start: 9
        end: "08:00"
      - date: 2026-02-30
        start: "10:00"
        end: "09:00"
"""
    )
    result = run_build("check", "--content", str(write_content(tmp_path, {"kampung/batik.yaml": text})))
    assert result.returncode == 1
    for expected in [
        "batik.yaml:17: experiences[0].schedule[0]: a schedule entry has either days (weekly) or a date (once)",
        "batik.yaml:21: experiences[0].schedule[1].days[0]: 'Sat' is not one of: Mo, Tu, We, Th, Fr, Sa, Su; "
        "did you mean 'Sa'?",
        "batik.yaml:22: experiences[0].schedule[1].start: 9 reads as a number, not a time; write the time with a "
        'colon, in quotes: "09:00"',
        "batik.yaml:24: experiences[0].schedule[2].date: '2026-02-30' is not a date; write YYYY-MM-DD",
    ]:
        assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr

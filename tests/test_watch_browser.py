"""Watching the making, in headless Chromium with a fixed clock: the list's filters ("can be watched
now", "on <day>", "children welcome") and its sort by the checked date, the planner's order and
warnings for making times (compared with the Python twin), and the agenda sorting upcoming from past.

Uses the Chromium thread and the request-recording tab of test_search_browser: every request to a
host but the local server fails the test, and so does a console error.
"""

from __future__ import annotations

import functools
import random
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from kampung_guide.util import travel

from conftest import KAMPUNG, run_build, write_content
from test_search_browser import BASE_URL, Quiet, Tab


def kampung(name: str, lat: float, lon: float, extra: str = "") -> str:
    text = (
        KAMPUNG.replace("Kampung Batik", name)
        .replace("lat: -7.47", f"lat: {lat}")
        .replace("lon: 112.43", f"lon: {lon}")
    )
    return text + extra


# batik: made Mo-Sa 08-12, children welcome, checked 2026-10-01; cor: brass poured Sa 05-07, no children,
# checked 2025-06-01; onde: making known only roughly. a, b, c lie on a line about a kilometre apart
# (for the planner); c is made on Saturdays 08:30-10:00.
FILES = {
    "kampung/batik.yaml": kampung(
        "Kampung Batik",
        -7.46,
        112.43,
        "making:\n  - what: Batik tulis\n    hours: Mo-Sa 08:00-12:00\n"
        "visit:\n  rules:\n    children: welcome\nchecked: 2026-10-01\n",
    ),
    "kampung/cor.yaml": kampung(
        "Kampung Cor",
        -7.475,
        112.44,
        "making:\n  - what: Menuang kuningan\n    hours: Sa 05:00-07:00\n"
        "visit:\n  rules:\n    children: 'no'\n    closed_shoes: true\nchecked: 2025-06-01\n",
    ),
    "kampung/onde.yaml": kampung(
        "Kampung Onde", -7.465, 112.44, "making:\n  - what: Onde-onde\n    note: Paling ramai sejak pukul 04.00\n"
    ),
    "kampung/a.yaml": kampung("Kampung A", -7.47, 112.43),
    "kampung/b.yaml": kampung("Kampung B", -7.47, 112.439),
    "kampung/c.yaml": kampung("Kampung C", -7.47, 112.448, "making:\n  - what: Gerabah\n    hours: Sa 08:30-10:00\n"),
    "events/lalu.yaml": "name: Bazar lalu\ndates: [2026-11-01]\nplace: {kampung: batik}\ndescription: Sudah lewat.\n",
    "events/kemarin.yaml": "name: Pameran kemarin\nfrom: 2026-11-28\nuntil: 2026-11-30\nplace: {kampung: batik}\n"
    "description: Berakhir 30 November.\n",
    "events/pekan.yaml": "name: Pekan batik\nfrom: 2026-11-30\nuntil: 2026-12-02\nplace: {kampung: batik}\n"
    "description: Sedang berlangsung.\n",
    "events/pasar.yaml": "name: Pasar malam\ndates: [2026-11-20, 2026-12-20]\nplace: {kampung: cor}\n"
    "description: Dua malam.\n",
    "events/tahun-baru.yaml": "name: Tahun baru\ndates: [2027-01-10]\nplace: {kampung: onde}\ndescription: Nanti.\n",
    "events/festival.yaml": "name: Festival\ndates: [2026-12-10]\nplace: {kampung: onde}\ndescription: Nanti juga.\n",
}
DECEMBER_FIRST = "2026-12-01T10:00:00+07:00"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("watch")
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(write_content(tmp, FILES)), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    plain = tmp / "srv" / "plain"  # a site whose profiles say nothing of making, rules or dates
    assert run_build("build", "--content", str(write_content(tmp / "p")), "--out", str(plain)).returncode == 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"origin": origin, "url": origin + "/guide/", "plain": origin + "/plain/", "files": tmp}
    httpd.shutdown()
    httpd.server_close()


def tab(browser, served, **options) -> Tab:
    return Tab(browser, served["origin"], served["files"], **options)


# -- the list's filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "now, shown",
    [
        ("2026-12-05T06:00:00+07:00", ["cor"]),  # Saturday 06:00 in Jakarta
        ("2026-12-04T23:30:00Z", ["cor"]),  # Saturday 06:30 in Jakarta, still Friday in UTC
        ("2026-12-05T09:00:00+07:00", ["batik", "c"]),
        ("2026-12-05T04:30:00Z", ["batik"]),  # Saturday 11:30 in Jakarta: c stopped at 10:00
        ("2026-12-05T05:00:00Z", []),  # 12:00: batik stops then
        ("2026-12-06T09:00:00+07:00", []),  # Sunday
    ],
)
def test_can_be_watched_now_follows_the_clock_in_jakarta(chromium, served, now, shown):
    def check(browser):
        t = tab(browser, served, now=now).open(served["url"] + "en/kampung/")
        t.page.check("#search-watch")
        assert sorted(t.visible()) == shown
        t.close()

    chromium.run(check)


def test_can_be_watched_on_a_day_children_welcome_and_sort_by_checked(chromium, served):
    def check(browser):
        t = tab(browser, served, now=DECEMBER_FIRST).open(served["url"] + "kampung/")
        everyone = t.visible()
        assert everyone == ["a", "b", "batik", "c", "cor", "onde"]  # by name
        day = t.page.eval_on_selector_all("#search-watchday option", "os => os.map(o => o.textContent)")
        assert day == ["Hari apa saja", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
        t.page.select_option("#search-watchday", "5")
        assert t.visible() == ["batik", "c", "cor"]
        t.page.select_option("#search-watchday", "0")
        assert t.visible() == ["batik"]
        t.page.select_option("#search-watchday", "6")
        assert t.visible() == [] and "Tidak ada kampung" in t.status()
        t.page.select_option("#search-watchday", "")
        t.page.check("#search-children")
        assert t.visible() == ["batik"]
        t.page.uncheck("#search-children")
        t.page.select_option("#search-sort", "checked")
        assert t.visible() == ["batik", "cor", "a", "b", "c", "onde"]  # latest check first, then by name
        assert parse_qs(urlsplit(t.page.url).query) == {"sort": ["checked"]}
        t.page.select_option("#search-sort", "")
        assert t.visible() == everyone
        t.close()

    chromium.run(check)


def test_the_visit_filters_live_in_the_address(chromium, served):
    def check(browser):
        url = served["url"] + "en/kampung/?watch=1&watchday=5&children=1&sort=checked"
        t = tab(browser, served, now="2026-12-05T09:00:00+07:00").open(url)
        assert t.page.is_checked("#search-watch") and t.page.is_checked("#search-children")
        assert t.page.input_value("#search-watchday") == "5" and t.page.input_value("#search-sort") == "checked"
        assert t.visible() == ["batik"]
        t.page.click("button[type=reset]")
        t.page.wait_for_function("document.querySelectorAll('.cards > li[hidden]').length === 0")
        assert "?" not in t.page.url and t.visible() == ["a", "b", "batik", "c", "cor", "onde"]
        t.close()

    chromium.run(check)


def test_filters_nothing_could_pass_are_left_out(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["plain"] + "en/kampung/")
        for name in ("watch", "watchday", "children", "sort"):
            assert t.page.is_hidden(f"#search-field-{name}"), name
        t.close()

    chromium.run(check)


# -- the planner -------------------------------------------------------------------------------


def stops_shown(t: Tab) -> list[str]:
    return t.page.eval_on_selector_all("#plan-stops .stop__name", "links => links.map(a => a.textContent)")


def making_lines(t: Tab) -> list[tuple[str, str]]:
    """Each stop's name and its making line as "status: text" ("" without making hours)."""
    found = t.page.eval_on_selector_all(
        "#plan-stops .stop",
        "stops => stops.map(s => { const p = s.querySelector('.stop__making');"
        " return [s.querySelector('.stop__name').textContent,"
        " p ? p.className.split('--')[1] + ': ' + p.textContent : ''] })",
    )
    return [tuple(pair) for pair in found]


def test_the_planner_reaches_a_kampung_while_its_making_can_be_watched(chromium, served):
    def check(browser):
        plan = served["url"] + "en/rencana/?stops=a,b,c&start=a&mode=walk&day=5&v=45&t="
        t = tab(browser, served).open(plan + "08:00")
        assert stops_shown(t) == ["Kampung A", "Kampung C", "Kampung B"]  # not the shortest: A, B, C
        assert t.page.is_visible("#plan-making")
        assert (
            t.page.inner_text("#plan-making") == "The order brings you to each village while its making can be watched."
        )
        assert making_lines(t) == [
            ("Kampung A", ""),
            ("Kampung C", "ok: You arrive while it is being made (08:30–10:00)."),
            ("Kampung B", ""),
        ]
        assert "outside making times" not in t.page.inner_text("#plan-status")
        t.close()
        late = tab(browser, served).open(plan + "11:00")
        assert stops_shown(late) == ["Kampung A", "Kampung B", "Kampung C"]  # no order helps: the short one
        assert late.page.is_hidden("#plan-making")
        assert making_lines(late)[2] == (
            "Kampung C",
            "clash: Check: you arrive outside its making times. Making that day: 08:30–10:00.",
        )
        assert late.page.inner_text("#plan-status").endswith("· outside making times: 1")
        late.page.select_option("#plan-day", "6")  # Sunday: nothing is made at c
        assert making_lines(late)[2] == (
            "Kampung C",
            "clash: Check: you arrive outside its making times. Making that day: none.",
        )
        late.close()
        indonesian = tab(browser, served).open(
            served["url"] + "rencana/?stops=a,b,c&start=a&mode=walk&day=5&v=45&t=08:00"
        )
        assert "Anda tiba saat proses pembuatan bisa dilihat (08.30–10.00)." in indonesian.page.inner_text(
            "#plan-stops"
        )
        indonesian.close()

    chromium.run(check)


def test_the_making_order_in_javascript_is_the_one_in_python(chromium, served):
    rng = random.Random(16)
    cases = []
    for _ in range(50):
        n = rng.randint(2, 9)
        points = [(rng.uniform(-7.49, -7.45), rng.uniform(112.41, 112.45)) for _ in range(n)]
        windows = [
            None if rng.random() < 0.4 else [[start, start + rng.choice((30, 60, 120))]]
            for start in (rng.randrange(360, 840, 15) for _ in range(n))
        ]
        cases.append(
            (
                points,
                rng.randrange(n),
                windows,
                rng.choice(travel.MODES),
                rng.randrange(360, 720, 5),
                rng.choice((0, 30, 45)),
            )
        )
    expected = [
        travel.making_order(
            points, start, [[(a, b) for a, b in w] if w else None for w in windows], mode, depart, visit
        )
        for points, start, windows, mode, depart, visit in cases
    ]
    assert any(e != travel.visiting_order(c[0], c[1]) for e, c in zip(expected, cases, strict=True))  # a real test

    def check(browser):
        t = tab(browser, served).open(served["url"] + "rencana/")
        found = t.page.evaluate(
            """([cases, speeds, detour]) => cases.map(([points, start, windows, mode, depart, visit]) =>
                 GuidePlan.makingOrder(points, start, windows, {depart: depart, v: visit,
                   travel: km => Math.floor(km * detour / speeds[mode] * 60 + 0.5)}, 1e-9))""",
            [cases, travel.SPEED_KMH, travel.DETOUR],
        )
        assert found == expected
        statuses = t.page.evaluate(
            "(stays) => stays.map(([stay, spans]) => GuidePlan.watch(stay, spans))",
            [[[480, 525], [[510, 600]]], [[480, 525], [[515, 600]]], [[480, 480], [[470, 600]]], [[480, 525], None]],
        )
        assert statuses == ["ok", "clash", "ok", "unknown"]
        t.close()

    chromium.run(check)


# -- the agenda --------------------------------------------------------------------------------


def agenda(t: Tab, list_id: str) -> list[str]:
    return t.page.eval_on_selector_all(f"#{list_id} > li .event__name", "hs => hs.map(h => h.textContent.trim())")


def test_the_agenda_puts_upcoming_events_first_by_the_visitor_s_date(chromium, served):
    def check(browser):
        t = tab(browser, served, now=DECEMBER_FIRST).open(served["url"] + "en/agenda/")
        assert agenda(t, "agenda-upcoming") == ["Pekan batik Today", "Festival", "Pasar malam", "Tahun baru"]
        assert agenda(t, "agenda-past") == ["Pameran kemarin", "Bazar lalu"]  # the latest first
        assert t.page.is_visible("#agenda-upcoming-title") and t.page.is_visible("#agenda-past-title")
        t.close()
        # 20:00 UTC on 30 November is 03:00 on 1 December in Jakarta: the show that ended on the 30th is over
        night = tab(browser, served, now="2026-11-30T20:00:00Z").open(served["url"] + "en/agenda/")
        assert "Pameran kemarin" in agenda(night, "agenda-past")
        night.close()
        later = tab(browser, served, now="2027-02-01T10:00:00+07:00").open(served["url"] + "agenda/")
        assert agenda(later, "agenda-upcoming") == [] and later.page.is_visible("#agenda-none")
        assert later.page.is_hidden("#agenda-upcoming-title")
        later.close()

    chromium.run(check)


def test_without_javascript_the_agenda_lists_every_event_by_date(chromium, served):
    def check(browser):
        t = tab(browser, served, javascript=False).open(served["url"] + "en/agenda/")
        assert agenda(t, "agenda-upcoming") == [
            "Bazar lalu",
            "Pasar malam",
            "Pameran kemarin",
            "Pekan batik",
            "Festival",
            "Tahun baru",
        ]
        assert t.page.is_hidden("#agenda-past-title") and t.page.is_hidden("#agenda-upcoming-title")
        home = tab(browser, served, javascript=False).open(served["url"] + "en/")
        assert home.page.locator(".home-agenda .event-line:visible").count() == 0
        assert home.page.is_visible(".home-agenda a[href$='agenda/']")
        home.close()
        t.close()

    chromium.run(check)


def test_home_shows_the_next_three_and_a_kampung_page_marks_past_events(chromium, served):
    def check(browser):
        t = tab(browser, served, now=DECEMBER_FIRST).open(served["url"] + "en/")
        shown = t.page.eval_on_selector_all(
            ".home-agenda .event-line:not([hidden]) .event-line__name", "links => links.map(a => a.textContent)"
        )
        assert shown == ["Pekan batik", "Festival", "Pasar malam"]
        t.close()
        page = tab(browser, served, now=DECEMBER_FIRST).open(served["url"] + "en/kampung/batik/")
        lines = page.page.eval_on_selector_all(
            ".event-line",
            "ls => ls.map(l => [l.querySelector('a').textContent, l.classList.contains('event-line--past')])",
        )
        assert lines == [["Pekan batik", False], ["Bazar lalu", True], ["Pameran kemarin", True]]
        assert page.page.locator(".event-line .badge--past").count() == 2
        page.close()

    chromium.run(check)


@pytest.mark.parametrize("path", ["en/agenda/", "kampung/cor/", "en/kampung/?watch=1"])
def test_new_parts_are_axe_clean_at_phone_width(chromium, served, path):
    from axe_playwright_python.sync_playwright import Axe

    def check(browser):
        t = tab(browser, served, now=DECEMBER_FIRST, viewport={"width": 360, "height": 740}).open(served["url"] + path)
        assert t.page.evaluate("document.documentElement.scrollWidth") <= 360
        violations = Axe().run(t.page, options={"resultTypes": ["violations"]}).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        t.close()

    chromium.run(check)

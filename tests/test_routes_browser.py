"""The planner and the suggested route pages in headless Chromium, served under /guide/.

Uses the Chromium thread of conftest (`chromium`) and the request-recording tab of test_search_browser:
every request to a host but the local server fails the test, map tiles are stubbed with a tiny PNG, and
a console error fails it too.
"""

from __future__ import annotations

import functools
import random
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import gpxpy
import pytest

from kampung_guide.util import travel

from conftest import run_build, write_content
from test_routes import FILES
from test_search_browser import BASE_URL, Quiet, Tab

PHONE = {"width": 360, "height": 740}
NAMES = {"batik": "Kampung Batik", "pasar": "Kampung Pasar", "gerabah": "Kampung Gerabah", "tenun": "Kampung Tenun"}
PLACES = {"batik": (-7.47, 112.43), "pasar": (-7.465, 112.43), "gerabah": (-7.475, 112.44), "tenun": (-7.46, 112.445)}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The route test content built into <tmp>/srv/guide/ and served at http://127.0.0.1:PORT/guide/."""
    tmp = tmp_path_factory.mktemp("plan")
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(write_content(tmp, FILES)), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"site": site, "origin": origin, "url": origin + "/guide/", "files": tmp}
    httpd.shutdown()
    httpd.server_close()


class PlanTab(Tab):
    def close(self) -> None:
        self.page.evaluate("0")  # let events still in flight arrive
        # Leaflet cancels the tiles it no longer needs when the view moves (ERR_ABORTED): not a failure.
        self.problems[:] = [
            p
            for p in self.problems
            if not (p.startswith("failed: https://tile.openstreetmap.org/") and p.endswith("net::ERR_ABORTED"))
        ]
        super().close()


def tab(browser, served, **options) -> Tab:
    return PlanTab(browser, served["origin"], served["files"], **options)


def stops_shown(t: Tab) -> list[str]:
    return t.page.eval_on_selector_all("#plan-stops .stop__name", "links => links.map(a => a.textContent)")


def expected_order(ticked: list[str], start: str) -> list[str]:
    order = travel.visiting_order([PLACES[s] for s in ticked], ticked.index(start))
    return [NAMES[ticked[i]] for i in order]


def route_line_count(t: Tab) -> int:
    t.page.locator("#map[data-pins=ready]").wait_for(state="attached")  # every pin is on the map
    return t.page.locator("#map path.route-line").count()


def test_ticking_three_kampung_draws_orders_and_downloads_the_route(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "en/rencana/")
        assert route_line_count(t) == 0 and not t.page.is_visible("#plan-result")
        ticked = ["batik", "tenun", "pasar"]  # ticked out of order: pasar lies between the other two
        for slug in ticked:
            t.page.check(f"#plan-k-{slug}")
        assert stops_shown(t) == expected_order(ticked, "batik") == ["Kampung Batik", "Kampung Pasar", "Kampung Tenun"]
        assert route_line_count(t) == 1
        assert t.page.locator("#plan-stops .stop__leg").count() == 2
        assert "3 stops" in t.page.inner_text("#plan-status")
        with t.page.expect_download() as info:
            t.page.click("#plan-gpx")
        download = info.value
        assert download.suggested_filename.endswith(".gpx")
        parsed = gpxpy.parse(Path(download.path()).read_text(encoding="utf-8"))
        assert [w.name for w in parsed.waypoints] == ["Kampung Batik", "Kampung Pasar", "Kampung Tenun"]
        assert [(w.latitude, w.longitude) for w in parsed.waypoints] == [
            PLACES["batik"],
            PLACES["pasar"],
            PLACES["tenun"],
        ]
        with t.page.expect_download() as info:
            t.page.click("#plan-geojson")
        geo = Path(info.value.path()).read_text(encoding="utf-8")
        assert '"coordinates":[[112.43,-7.47],[112.43,-7.465],[112.445,-7.46]]' in geo
        link = t.page.get_attribute("#plan-actions a[href^='https://www.google.com/maps/dir/']", "href")
        assert "origin=-7.470000%2C112.430000" in link and "travelmode=walking" in link
        t.page.uncheck("#plan-k-tenun")
        t.page.uncheck("#plan-k-pasar")
        assert route_line_count(t) == 0 and t.page.is_hidden("#plan-result")
        t.close()

    chromium.run(check)


def test_the_plan_lives_in_the_address_and_a_reopened_address_restores_it(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "rencana/")
        for slug in ("gerabah", "batik", "tenun"):
            t.page.check(f"#plan-k-{slug}")
        t.page.select_option("#plan-start", "tenun")
        t.page.select_option("#plan-mode", "motorbike")
        t.page.fill("#plan-time", "10:30")
        t.page.dispatch_event("#plan-time", "change")
        query = parse_qs(urlsplit(t.page.url).query)
        assert query["stops"] == ["gerabah,batik,tenun"] and query["start"] == ["tenun"]
        assert query["mode"] == ["motorbike"] and query["t"] == ["10:30"]
        shown, shared = stops_shown(t), t.page.url
        assert shown == expected_order(["gerabah", "batik", "tenun"], "tenun") and shown[0] == "Kampung Tenun"
        t.close()
        again = tab(browser, served).open(shared)
        assert stops_shown(again) == shown and route_line_count(again) == 1
        assert again.page.is_checked("#plan-k-gerabah") and not again.page.is_checked("#plan-k-pasar")
        assert again.page.input_value("#plan-start") == "tenun" and again.page.input_value("#plan-mode") == "motorbike"
        assert again.page.input_value("#plan-time") == "10:30"
        again.page.reload()
        assert stops_shown(again) == shown
        again.close()
        odd = tab(browser, served).open(
            served["url"] + "rencana/?stops=nope,pasar,batik,pasar&start=x&mode=jet&t=99:99"
        )
        assert stops_shown(odd) == ["Kampung Pasar", "Kampung Batik"]
        assert odd.page.input_value("#plan-mode") == "walk" and odd.page.input_value("#plan-time") == "09:00"
        odd.close()

    chromium.run(check)


def test_opening_hours_clashes_are_flagged(chromium, served):
    """pasar opens Mo-Sa 08-12 and gerabah Mo-Fr 13-17; batik's hours are unknown."""

    def check(browser):
        t = tab(browser, served).open(
            served["url"] + "en/rencana/?stops=pasar,gerabah,batik&start=pasar&mode=walk&t=10:30&day=0&v=45"
        )
        assert stops_shown(t) == ["Kampung Pasar", "Kampung Batik", "Kampung Gerabah"]
        statuses = t.page.eval_on_selector_all(
            "#plan-stops .stop__hours", "ps => ps.map(p => p.className.split('--')[1])"
        )
        stays = t.page.eval_on_selector_all("#plan-stops .stop__stay", "ps => ps.map(p => p.textContent)")
        legs = travel.leg_distances([PLACES["pasar"], PLACES["batik"], PLACES["gerabah"]])
        expected = travel.schedule(legs, "walk", 10 * 60 + 30, 45)
        assert stays[0] == "Arrive 10:30, leave 11:15"
        assert stays == [f"Arrive {a // 60:02d}:{a % 60:02d}, leave {b // 60:02d}:{b % 60:02d}" for a, b in expected]
        weeks = [routes_week("Mo-Sa 08:00-12:00"), None, routes_week("Mo-Fr 13:00-17:00")]
        assert statuses == travel.clashes(expected, weeks, 0)
        assert statuses[0] == "ok" and statuses[1] == "unknown"
        assert "Check: closed" in t.page.inner_text("#plan-stops")
        t.page.select_option("#plan-day", "6")  # Sunday: both closed
        assert t.page.eval_on_selector_all("#plan-stops .stop__hours--clash", "ps => ps.length") == 2
        t.close()

    chromium.run(check)


def routes_week(text: str):
    from kampung_guide.validate.hours import parse_hours, week

    return week(parse_hours(text))


def test_javascript_orders_and_measures_like_python(chromium, served):
    rng = random.Random(7)
    cases = [
        [(rng.uniform(-7.5, -7.44), rng.uniform(112.40, 112.47)) for _ in range(rng.randint(2, 12))] for _ in range(60)
    ]
    starts = [rng.randrange(len(points)) for points in cases]

    def check(browser):
        t = tab(browser, served).open(served["url"] + "rencana/")
        in_js = t.page.evaluate(
            "([cases, starts]) => cases.map((p, i) => GuidePlan.visitingOrder(p, starts[i], 1e-9))", [cases, starts]
        )
        assert in_js == [travel.visiting_order(points, start) for points, start in zip(cases, starts, strict=True)]
        km = t.page.evaluate("(cases) => cases.map(p => GuidePlan.distance(p[0], p[1]))", cases)
        assert km == pytest.approx([travel.leg_distances(points[:2])[0] for points in cases], rel=1e-12)
        t.close()

    chromium.run(check)


def test_suggested_route_page_with_and_without_javascript(chromium, served):
    names = ["Kampung Batik", "Kampung Pasar", "Kampung Tenun"]

    def check(browser):
        t = tab(browser, served).open(served["url"] + "en/rencana/keliling/")
        assert t.page.eval_on_selector_all(".stops .stop__name", "a => a.map(x => x.textContent)") == names
        assert route_line_count(t) == 1 and t.page.locator("#map .leaflet-marker-icon").count() == 3
        with t.page.expect_download() as info:
            t.page.click("a[href='route.gpx']")
        assert len(gpxpy.parse(Path(info.value.path()).read_text(encoding="utf-8")).waypoints) == 3
        t.close()
        plain = tab(browser, served, javascript=False).open(served["url"] + "en/rencana/keliling/")
        text = plain.page.inner_text("main")
        for name in names:
            assert name in text
        legs = plain.page.eval_on_selector_all(".stop__leg", "ps => ps.map(p => p.textContent)")
        assert len(legs) == 2 and all(("m," in leg or "km," in leg) and "minute" in leg for leg in legs)
        assert "Straight-line distance" in text and "Estimated travel time" in text
        plain.close()
        nojs = tab(browser, served, javascript=False).open(served["url"] + "rencana/")
        assert nojs.page.is_visible("#plan-nojs") and nojs.page.is_hidden("#plan-options")
        assert nojs.page.locator(".planner__check").count() == 4 and nojs.page.is_visible("text=Keliling pagi")
        nojs.close()

    chromium.run(check)


@pytest.mark.parametrize("path", ["rencana/", "en/rencana/keliling/"])
def test_pages_at_phone_width_are_axe_clean_with_thumb_sized_targets(chromium, served, path):
    from axe_playwright_python.sync_playwright import Axe

    def check(browser):
        t = tab(browser, served, viewport=PHONE).open(served["url"] + path + "?stops=batik,pasar,gerabah&start=batik")
        assert t.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        small = t.page.eval_on_selector_all(
            "main select, main input:not([type=checkbox]), main .button, .planner__check, .stop__name",
            "els => els.filter(e => e.getClientRects().length && e.getBoundingClientRect().height < 44)"
            ".map(e => e.outerHTML.slice(0, 80))",
        )
        assert not small, small
        unlabelled = t.page.eval_on_selector_all(
            "main input, main select", "els => els.filter(e => !e.labels.length).map(e => e.id)"
        )
        assert not unlabelled
        options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
        for size in (PHONE, {"width": 1280, "height": 800}):
            t.page.set_viewport_size(size)
            violations = Axe().run(t.page, options=options).response["violations"]
            assert not violations, (size, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations])
        t.close()

    chromium.run(check)


def test_the_planner_works_from_the_keyboard(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "en/rencana/")
        t.page.focus("#plan-k-batik")
        t.page.keyboard.press("Space")
        for _ in range(3):
            t.page.keyboard.press("Tab")
            if t.page.evaluate("document.activeElement.id") == "plan-k-gerabah":
                break
        t.page.keyboard.press("Space")
        assert stops_shown(t) == ["Kampung Batik", "Kampung Gerabah"] and route_line_count(t) == 1
        t.close()

    chromium.run(check)

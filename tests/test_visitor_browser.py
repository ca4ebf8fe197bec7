"""What a visitor meets first, in headless Chromium: the "open now" line at several clocks and
time zones, past workshop sessions, the list's heading and its "open now" filter, the home page's
search box (served and from disk), the language switch keeping the filter and the plan, the
planner's WhatsApp sentence and file names, and the phone layout (the search box on the first
screen, the menu's sign that it scrolls, the focus ring on the dark menu)."""

from __future__ import annotations

import functools
import io
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import cast
from urllib.parse import parse_qs, unquote, urlsplit

import gpxpy
import pytest
from PIL import Image
from test_kampung_page import PLAIN, ROUTE, WORKSHOP

from conftest import ROOT, run_build, write_content
from test_search_browser import BASE_URL, Quiet, Tab

TUESDAY_0930 = "2026-12-01T09:30:00+07:00"
TUESDAY_0600 = "2026-12-01T06:00:00+07:00"
SATURDAY_1700 = "2026-12-05T10:00:00Z"  # 17:00 in Jakarta; still Saturday morning in New York
SUNDAY_0930 = "2026-12-06T09:30:00+07:00"
PHONE = {"width": 390, "height": 844}
FILES = {"kampung/batik.yaml": WORKSHOP, "kampung/polos.yaml": PLAIN, "routes/keliling.yaml": ROUTE}


def serve(tmp, content: Path, name: str) -> dict:
    site = tmp / name / "guide"
    result = run_build("build", "--content", str(content), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp / name)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    return {"site": site, "origin": origin, "url": origin + "/guide/", "files": tmp, "httpd": httpd}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("visitor")
    from conftest import JPEG

    found = serve(tmp, write_content(tmp / "src", {**FILES, "images/kain.jpg": JPEG}), "srv")
    yield found
    found["httpd"].shutdown()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The real sample content (content/), as the office publishes it."""
    tmp = tmp_path_factory.mktemp("sample")
    found = serve(tmp, ROOT / "content", "srv")
    yield found
    found["httpd"].shutdown()


class InZone:
    """A browser whose new contexts run in the time zone `zone`, as a visitor's phone abroad would."""

    def __init__(self, browser, zone: str):
        self.browser, self.zone = browser, zone

    def new_context(self, **options):
        return self.browser.new_context(timezone_id=self.zone, locale="en-US", **options)


def tab(browser, served, **options) -> Tab:
    return Tab(browser, served["origin"], served["files"], **options)


@pytest.mark.parametrize(
    "now, zone, lang, expected",
    [
        (TUESDAY_0930, "Asia/Jakarta", "", "Buka sekarang · tutup pukul 16.00 WIB"),
        (TUESDAY_0600, "Asia/Jakarta", "", "Tutup sekarang · buka lagi pukul 08.00 WIB"),
        (SATURDAY_1700, "America/New_York", "", "Tutup sekarang · buka lagi hari Senin pukul 08.00 WIB"),
        (SUNDAY_0930, "Europe/Amsterdam", "", "Tutup sekarang · buka lagi besok pukul 08.00 WIB"),
        (TUESDAY_0930, "America/New_York", "en/", "Open now · closes at 16:00 (Jakarta time)"),
    ],
)
def test_open_now_follows_jakarta_time_wherever_the_visitor_is(chromium, served, now, zone, lang, expected):
    def check(browser):
        t = tab(InZone(browser, zone), served, now=now).open(served["url"] + lang + "kampung/batik/")
        line = t.page.locator(".open-now")
        assert line.is_visible() and line.inner_text().startswith(expected), line.inner_text()
        assert ("open-now--open" in line.get_attribute("class")) == (
            "Buka sekarang" in expected or "Open now" in expected
        )
        assert t.page.locator("table.hours").is_visible()  # the week stays on the page
        t.close()

    chromium.run(check)


def test_without_javascript_the_table_answers_and_the_line_stays_hidden(chromium, served):
    def check(browser):
        t = tab(browser, served, javascript=False).open(served["url"] + "kampung/batik/")
        assert t.page.locator(".open-now").is_hidden() and t.page.locator("table.hours").is_visible()
        assert "Setiap Sabtu dan Minggu" in t.page.inner_text(".sessions")
        t.close()

    chromium.run(check)


def test_past_workshop_sessions_are_marked(chromium, served):
    def check(browser):
        t = tab(browser, served, now=TUESDAY_0930).open(served["url"] + "kampung/batik/")
        items = t.page.eval_on_selector_all(".sessions li", "items => items.map(i => [i.className, i.textContent])")
        assert items == [
            ["is-past", "Setiap Sabtu dan Minggu, 09.00–11.30 WIB (1 Januari 2026 sampai 30 Juni 2026) (sudah lewat)"],
            ["", "Setiap Rabu, 10.00–12.00 WIB"],
            ["", "5 Desember 2026, 13.00–15.00 WIB"],  # 1 December: still to come
        ]
        t.close()

    chromium.run(check)


def test_the_lists_heading_counts_what_the_filter_shows(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        heading = t.page.locator("#kampung-title")
        assert heading.inner_text() == "2 kampung"
        t.type("polos")
        assert heading.inner_text() == "1 kampung" and t.visible() == ["polos"]
        t.type("tidakada")
        assert heading.inner_text() == "0 kampung"
        t.page.click("button[type=reset]")
        t.page.wait_for_function("document.getElementById('kampung-title').textContent === '2 kampung'")
        t.close()

    chromium.run(check)


def test_open_now_filter_explains_itself_when_no_profile_has_hours(chromium, tmp_path):
    """Without any opening hours, the filter stays on the form, switched off, and says why."""
    found = serve(tmp_path, write_content(tmp_path / "src", {"kampung/polos.yaml": PLAIN}), "srv")

    def check(browser):
        t = tab(browser, found).open(found["url"] + "kampung/")
        box, note = t.page.locator("#search-open"), t.page.locator("#search-open-none")
        assert t.page.locator("#search-field-open").is_visible() and box.is_disabled()
        assert note.is_visible() and note.inner_text().startswith("Belum ada kampung yang mencatat jam buka")
        assert box.get_attribute("aria-describedby") == "search-open-none"
        t.close()

    try:
        chromium.run(check)
    finally:
        found["httpd"].shutdown()


def test_open_now_filter_is_usable_when_a_profile_has_hours(chromium, served):
    def check(browser):
        t = tab(browser, served, now=TUESDAY_0930).open(served["url"] + "kampung/")
        assert t.page.locator("#search-open").is_enabled() and t.page.locator("#search-open-none").is_hidden()
        t.page.check("#search-open")
        assert t.visible() == ["batik"]
        t.close()

    chromium.run(check)


@pytest.mark.parametrize("from_disk", [False, True])
def test_the_home_pages_search_box_opens_the_filtered_list(chromium, served, from_disk):
    def check(browser):
        url = (served["site"] / "index.html").as_uri() if from_disk else served["url"]
        t = tab(browser, served).open(url)
        t.page.fill("#home-q", "polos")
        with t.page.expect_navigation():
            t.page.press("#home-q", "Enter")
        address = urlsplit(t.page.url)
        assert address.path.endswith("/kampung/index.html" if from_disk else "/guide/kampung/")
        assert parse_qs(address.query) == {"q": ["polos"]}
        t.page.wait_for_function("document.querySelector('.cards [data-slug=batik]').hidden")
        assert t.visible() == ["polos"] and t.page.input_value("#search-q") == "polos"
        t.close()

    chromium.run(check)


def test_the_language_switch_keeps_the_filter_and_the_plan(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        t.type("polos")
        with t.page.expect_navigation():
            t.page.click(".lang-switch a")
        assert urlsplit(t.page.url).path == "/guide/en/kampung/" and "q=polos" in t.page.url
        assert t.visible() == ["polos"] and t.page.input_value("#search-q") == "polos"
        t.page.goto(served["url"] + "rencana/?stops=batik,polos&start=polos&mode=car")
        with t.page.expect_navigation():
            t.page.click(".lang-switch a")
        query = parse_qs(urlsplit(t.page.url).query)
        assert urlsplit(t.page.url).path == "/guide/en/rencana/"
        assert query["stops"] == ["batik,polos"] and query["start"] == ["polos"] and query["mode"] == ["car"]
        assert t.page.is_checked("#plan-k-batik") and t.page.input_value("#plan-mode") == "car"
        t.close()

    chromium.run(check)


def test_whatsapp_gets_a_sentence_and_downloads_are_named_after_the_route(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "rencana/?stops=batik,polos&start=batik&mode=walk")
        share = t.page.get_attribute("#plan-actions a[href^='https://wa.me/']", "href")
        text = unquote(share.split("?text=", 1)[1])
        assert text == (
            "Rencana kunjungan saya ke Kampung Batik dan Kampung Polos: "
            + served["url"]
            + "rencana/?stops=batik,polos&start=batik&mode=walk&t=09:00&day="
            + text.split("&day=")[1]
        )
        with t.page.expect_download() as info:
            t.page.click("#plan-gpx")
        assert info.value.suggested_filename == "rute-batik-polos.gpx"
        parsed = gpxpy.parse(Path(info.value.path()).read_text(encoding="utf-8"))
        assert parsed.name == "Rute Kampung Batik – Kampung Polos"
        note = "Pin kampung hanya perkiraan area, bukan alamat persis."
        assert parsed.description == note and [w.description for w in parsed.waypoints] == [note, None]
        with t.page.expect_download() as info:
            t.page.click("#plan-geojson")
        assert info.value.suggested_filename == "rute-batik-polos.geojson"
        assert '"approximate":true' in Path(info.value.path()).read_text(encoding="utf-8")
        t.close()

    chromium.run(check)


def test_from_disk_the_planner_says_the_plan_needs_the_published_address(chromium, served):
    def check(browser):
        url = (served["site"] / "en" / "rencana" / "index.html").as_uri() + "?stops=batik,polos"
        t = tab(browser, served).open(url)
        assert t.page.locator("#plan-actions a[href^='https://wa.me/']").count() == 0
        note = t.page.locator("#plan-share-offline")
        assert note.is_visible() and "Share it from the published site's address" in note.inner_text()
        assert t.page.locator("#plan-gpx").is_visible()  # downloads still work from disk
        t.close()

    chromium.run(check)


@pytest.mark.parametrize("path, field", [("kampung/", "#search-q"), ("", "#home-q")])
def test_at_390_px_the_search_box_is_on_the_first_screen(chromium, sample, path, field):
    def check(browser):
        t = tab(browser, sample, viewport=PHONE).open(sample["url"] + path)
        box = t.page.locator(field).bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], box
        assert t.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing pokes out
        t.close()

    chromium.run(check)


def pixel(t: Tab, x: float, y: float) -> tuple[int, int, int]:
    shot = t.page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1}, animations="disabled")
    return cast(tuple[int, int, int], Image.open(io.BytesIO(shot)).convert("RGB").getpixel((0, 0)))


BRAND_DARK = (90, 42, 11)


def test_the_menu_shows_that_it_scrolls_and_shows_the_current_page(chromium, sample):
    def check(browser):
        t = tab(browser, sample, viewport={"width": 360, "height": 740}).open(sample["url"] + "rencana/")
        menu = t.page.locator(".site-nav__list")
        box = menu.bounding_box()
        metrics = menu.evaluate("m => [m.scrollWidth, m.clientWidth, m.scrollLeft]")
        assert metrics[0] > metrics[1], "the menu must overflow at 360 px for this test to mean anything"
        current = t.page.locator(".site-nav__list [aria-current=page]").bounding_box()
        assert box["x"] <= current["x"] and current["x"] + current["width"] <= box["x"] + box["width"]
        middle = box["y"] + box["height"] / 2
        menu.evaluate("m => { m.scrollLeft = 0; }")
        assert pixel(t, box["x"] + box["width"] - 2, middle) != BRAND_DARK  # a glow: more to the right
        assert pixel(t, box["x"] + 2, middle) == BRAND_DARK  # nothing to the left
        menu.evaluate("m => { m.scrollLeft = m.scrollWidth; }")
        assert pixel(t, box["x"] + 2, middle) != BRAND_DARK  # now more waits on the left
        assert pixel(t, box["x"] + box["width"] - 2, middle) == BRAND_DARK
        t.close()

    chromium.run(check)


def test_the_focus_ring_on_the_dark_menu_is_light_and_inside_the_link(chromium, sample):
    def check(browser):
        t = tab(browser, sample, viewport={"width": 360, "height": 740}).open(sample["url"] + "kampung/")
        link = t.page.locator(".site-nav__list a").first
        link.focus()
        t.page.keyboard.press("Shift+Tab")
        t.page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        style = link.evaluate(
            "a => { const s = getComputedStyle(a); return [s.outlineColor, s.outlineOffset, s.outlineStyle]; }"
        )
        assert style == ["rgb(255, 210, 138)", "-4px", "solid"]
        box = link.bounding_box()
        assert pixel(t, box["x"] + 2, box["y"] + box["height"] / 2) == (255, 210, 138)  # drawn, not clipped
        t.close()

    chromium.run(check)

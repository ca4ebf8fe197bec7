"""The list page's search and filters in headless Chromium: served under /guide/, opened from disk.

Playwright runs in a thread of its own (the `chromium` fixture of conftest): its sync API allows one
session per thread, and the suite under tests/browser keeps one open on the main thread for the whole run.
"""

from __future__ import annotations

import functools
import json
import struct
import threading
import zlib
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kampung_guide.outputs.search import search_index
from kampung_guide.outputs.searchrank import Ranker
from kampung_guide.outputs.searchtext import query_terms
from kampung_guide.plan.site import load_site

from conftest import ROOT, run_build, write_content
from test_search import ISSUE_QUERIES, ONDE, WORKSHOP

BASE_URL = "https://example.org/guide/"
TUESDAY = "2026-12-01T09:30:00+07:00"  # 02:30 UTC: still Tuesday morning in Jakarta
SUNDAY = "2026-12-06T09:30:00+07:00"
SUNDAY_EARLY_UTC = "2026-12-06T01:30:00Z"  # Sunday 08:30 in Jakarta: sogan is open, though not at 01:30
SATURDAY_LATE_UTC = "2026-12-05T10:00:00Z"  # Saturday 17:00 in Jakarta: batik has closed, though not at 10:00

SOGAN = """\
name: Kampung Batik Sogan
category: batik
summary: {id: Batik sogan berwarna cokelat., en: Brown sogan batik.}
description: {id: Batik sogan., en: Sogan batik.}
location:
  lat: -7.48
  lon: 112.42
  address: Kelurahan Sentanan, Kecamatan Kranggan, Kota Uji
opening_hours: Su 08:00-12:00
products:
  - name: {id: Kain sogan, en: Sogan cloth}
    price_idr: 40000
"""
# batik: a class, open Mo-Sa 08:00-16:00; sogan: batik without a class, open Sundays; onde: food, no hours.
PROFILES = {"kampung/batik.yaml": WORKSHOP, "kampung/sogan.yaml": SOGAN, "kampung/onde.yaml": ONDE}
WORDS = [
    "membatik",
    "Menyulam",
    "memasak",
    "menulis",
    "mengukir",
    "pengrajin",
    "pembuat",
    "dibuat",
    "berjualan",
    "kerajinannya",
    "perajin",
    "pertanian",
    "sayuran",
    "kuningan",
    "sandals",
    "classes",
    "glass",
    "batik",
    "kain",
    "dia",
    "Onde-onde",
    "Éndah",
    "café naïve",
    "ﬁber",
    "İstanbul",
    "Straße",
    "2026",
    "rp15.000",
    "MEMBATIK!",
    "  batik   tulis ",
    "",
]


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xe2\xe2\xe2"))
        + chunk(b"IEND", b"")
    )


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class Tab:
    """A page in a fresh context, with every request outside the site refused and recorded."""

    def __init__(
        self,
        browser,
        origin: str,
        files: Path,
        now: str | None = None,
        javascript: bool = True,
        viewport: dict | None = None,
    ):
        self.context = browser.new_context(
            java_script_enabled=javascript, viewport=viewport or {"width": 1280, "height": 800}
        )
        self.context.set_default_timeout(10_000)
        if now:
            self.context.add_init_script(f"window.GUIDE_NOW = {json.dumps(now)};")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.origin, self.files = origin, files.resolve().as_uri() + "/"
        self.page.route("**/*", self.route)
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", self.failed)

    def failed(self, request) -> None:
        # Leaflet and a navigation cancel tiles still loading (ERR_ABORTED): not a failure of the page.
        if not (request.failure == "net::ERR_ABORTED" and urlsplit(request.url).hostname == "tile.openstreetmap.org"):
            self.problems.append(f"failed: {request.url} {request.failure}")

    def console(self, message):
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def route(self, r):
        url = r.request.url
        if url.startswith(self.origin + "/") or url.startswith(self.files):
            r.continue_()
        elif urlsplit(url).hostname == "tile.openstreetmap.org":
            r.fulfill(status=200, content_type="image/png", body=tiny_png())
        else:
            self.problems.append(f"outside request: {url}")
            r.abort("blockedbyclient")

    def open(self, url: str):
        response = self.page.goto(url)
        assert response is None or response.status == 200, url  # file:// has no response
        self.page.wait_for_load_state("load")
        return self

    def visible(self) -> list[str]:
        """Slugs of the cards shown, in page order."""
        return self.page.eval_on_selector_all(
            ".cards > li", "cards => cards.filter(c => !c.hidden && c.getClientRects().length).map(c => c.dataset.slug)"
        )

    def status(self) -> str:
        return self.page.inner_text("#search-status")

    def type(self, text: str) -> None:
        self.page.fill("#search-q", "")
        self.page.type("#search-q", text)

    def close(self) -> None:
        self.page.evaluate("0")  # let events still in flight arrive
        problems = list(self.problems)
        self.context.close()
        assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The small test content built into <tmp>/srv/guide/ and served at http://127.0.0.1:PORT/guide/."""
    tmp = tmp_path_factory.mktemp("search")
    content = write_content(tmp, PROFILES)
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(content), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"site": site, "origin": origin, "url": origin + "/guide/", "files": tmp}
    httpd.shutdown()
    httpd.server_close()


def tab(browser, served, **options) -> Tab:
    return Tab(browser, served["origin"], served["files"], **options)


@pytest.mark.parametrize("lang, prefix, two", [("id", "", "2 kampung"), ("en", "en/", "2 kampung")])
def test_typing_batik_narrows_the_cards_in_both_languages(chromium, served, lang, prefix, two):
    def check(browser):
        t = tab(browser, served).open(served["url"] + prefix + "kampung/")
        assert sorted(t.visible()) == ["batik", "onde", "sogan"]
        assert t.page.is_visible("#search") and t.status().endswith("3 kampung")
        t.type("batik")
        assert sorted(t.visible()) == ["batik", "sogan"] and t.status() == two
        t.type("membatik")
        assert sorted(t.visible()) == ["batik", "sogan"]
        t.type("onde")
        assert t.visible() == ["onde"]
        t.type("batik onde")  # no kampung has both words: those with one are listed, and the status says so
        assert sorted(t.visible()) == ["batik", "onde", "sogan"] and t.page.is_visible("#search-status")
        assert t.status().endswith(t.page.get_attribute("#search", "data-partial"))
        assert t.page.get_attribute("#search-status", "aria-live") == "polite"
        t.type("kelas membatik")  # batik has both words, sogan one: batik first, then sogan, no note
        assert t.visible() == ["batik", "sogan"] and t.status() == two
        t.type("zzzz")
        assert t.visible() == [] and t.status() == t.page.get_attribute("#search", "data-count-none")
        t.close()

    chromium.run(check)


def test_category_area_and_price_filters(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        t.page.select_option("#search-cat", "kuliner")
        assert t.visible() == ["onde"]
        t.page.select_option("#search-cat", "")
        labels = t.page.eval_on_selector_all("#search-area option", "os => os.map(o => o.textContent)")
        assert labels == ["Semua wilayah", "Kelurahan Miji", "Kelurahan Sentanan", "Kecamatan Kranggan"]
        t.page.select_option("#search-area", label="Kelurahan Sentanan")
        assert sorted(t.visible()) == ["onde", "sogan"]
        t.page.select_option("#search-area", label="Kecamatan Kranggan")
        assert sorted(t.visible()) == ["batik", "onde", "sogan"]
        t.page.select_option("#search-area", "")
        t.page.fill("#search-max", "50000")
        assert t.visible() == ["sogan"]  # batik's cheapest is 75,000; onde has no known price
        t.page.fill("#search-max", "75000")
        assert sorted(t.visible()) == ["batik", "sogan"]
        t.page.click("button[type=reset]")
        t.page.wait_for_function("document.querySelectorAll('.cards > li[hidden]').length === 0")
        assert "?" not in t.page.url
        t.close()

    chromium.run(check)


def test_workshop_filter_hides_kampung_without_experiences(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "en/kampung/")
        t.page.check("#search-workshop")
        assert t.visible() == ["batik"] and t.status() == "1 kampung"
        t.page.uncheck("#search-workshop")
        assert len(t.visible()) == 3
        t.close()

    chromium.run(check)


@pytest.mark.parametrize(
    "now, shown", [(TUESDAY, ["batik"]), (SUNDAY, ["sogan"]), (SUNDAY_EARLY_UTC, ["sogan"]), (SATURDAY_LATE_UTC, [])]
)
def test_open_now_follows_the_clock_in_jakarta(chromium, served, now, shown):
    """batik opens Mo-Sa 08:00-16:00 and sogan Su 08:00-12:00, Jakarta time; onde's hours are unknown."""

    def check(browser):
        t = tab(browser, served, now=now).open(served["url"] + "kampung/")
        t.page.check("#search-open")
        assert sorted(t.visible()) == shown
        t.close()

    chromium.run(check)


def test_state_is_kept_in_the_address_and_restored(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        t.type("batik")
        t.page.check("#search-workshop")
        t.page.select_option("#search-cat", "batik")
        query = parse_qs(urlsplit(t.page.url).query)
        assert query == {"q": ["batik"], "cat": ["batik"], "workshop": ["1"]}
        shared = t.page.url
        t.close()
        again = tab(browser, served).open(shared)
        assert again.page.input_value("#search-q") == "batik" and again.page.is_checked("#search-workshop")
        assert again.page.input_value("#search-cat") == "batik" and again.visible() == ["batik"]
        again.page.reload()
        assert again.visible() == ["batik"]
        again.close()
        odd = tab(browser, served).open(served["url"] + "kampung/?cat=nope&max=abc&q=onde")
        assert odd.visible() == ["onde"] and odd.page.input_value("#search-cat") == ""
        odd.close()

    chromium.run(check)


def test_search_works_from_file(chromium, served):
    def check(browser):
        url = (served["site"] / "en" / "kampung" / "index.html").resolve().as_uri()
        t = tab(browser, served).open(url + "?q=membatik")
        assert sorted(t.visible()) == ["batik", "sogan"]
        t.page.check("#search-workshop")
        assert t.visible() == ["batik"]
        assert "workshop=1" in t.page.url and t.page.url.startswith("file://")
        t.close()

    chromium.run(check)


def test_without_javascript_every_card_shows_and_the_form_does_not(chromium, served):
    def check(browser):
        t = tab(browser, served, javascript=False).open(served["url"] + "kampung/?q=onde")
        assert sorted(t.visible()) == ["batik", "onde", "sogan"]
        assert not t.page.is_visible("#search")
        t.close()

    chromium.run(check)


def test_the_form_works_from_the_keyboard(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        t.page.focus("#search-q")
        t.page.keyboard.type("bat")
        assert sorted(t.visible()) == ["batik", "sogan"]
        for _ in range(10):
            t.page.keyboard.press("Tab")
            if t.page.evaluate("document.activeElement.id") == "search-workshop":
                break
        else:
            pytest.fail("Tab did not reach the workshop checkbox")
        t.page.keyboard.press("Space")
        assert t.visible() == ["batik"]
        t.close()

    chromium.run(check)


def test_filter_form_at_phone_width_is_axe_clean_with_thumb_sized_targets(chromium, served):
    from axe_playwright_python.sync_playwright import Axe

    def check(browser):
        phone = {"width": 360, "height": 740}
        t = tab(browser, served, viewport=phone).open(served["url"] + "kampung/?q=batik")
        assert t.page.evaluate("document.documentElement.scrollWidth") <= phone["width"]
        small = t.page.eval_on_selector_all(
            "#search input:not([type=checkbox]), #search select, #search button, #search .search__check",
            "els => els.filter(e => e.getClientRects().length)"  # filters nothing could pass are hidden
            ".filter(e => e.getBoundingClientRect().height < 44 || e.getBoundingClientRect().width < 44)"
            ".map(e => e.outerHTML.slice(0, 80))",
        )
        assert not small, small
        boxes = t.page.eval_on_selector_all(
            "#search input[type=checkbox]",
            "els => els.filter(e => e.getClientRects().length)"
            ".map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])",
        )
        assert boxes and all(w >= 24 and h >= 24 for w, h in boxes)
        unlabelled = t.page.eval_on_selector_all(
            "#search input, #search select", "els => els.filter(e => !e.labels.length).map(e => e.id)"
        )
        assert not unlabelled
        options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
        violations = Axe().run(t.page, options=options).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        t.close()

    chromium.run(check)


def test_javascript_and_python_normalise_words_alike(chromium, served):
    def check(browser):
        t = tab(browser, served).open(served["url"] + "kampung/")
        for lang in ("id", "en"):
            in_js = t.page.evaluate("([words, lang]) => words.map(w => GuideSearch.queryTerms(w, lang))", [WORDS, lang])
            assert in_js == [query_terms(word, lang) for word in WORDS], lang
        t.close()

    chromium.run(check)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    """The sample content (content/) built into a temp folder, opened from disk by the tests."""
    out = tmp_path_factory.mktemp("sample") / "site"
    result = run_build("build", "--content", str(ROOT / "content"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def sample_site():
    site, report = load_site(ROOT / "content")
    assert site is not None, [p.render("en") for p in report.sorted()]
    return site


def test_javascript_ranks_like_python_on_the_sample_content(chromium, sample_build, sample_site):
    """The walk-through queries, the word list and a few typos: the same kampung, slots and scores."""
    out = sample_build
    site = sample_site
    queries = [q for q, _, _ in ISSUE_QUERIES] + WORDS + ["kerajian", "fiber glass", "batik ond", "constructor"]

    def check(browser):
        for lang, prefix in (("id", ""), ("en", "en/")):
            ranker = Ranker.of(search_index(site, lang))
            t = Tab(browser, "http://unused.invalid", out).open((out / prefix / "kampung/index.html").as_uri())
            in_js = t.page.evaluate("queries => queries.map(q => GuideSearch.rank(q))", queries)
            assert in_js == [[list(found) for found in ranker.rank(q)] for q in queries], lang
            t.close()

    chromium.run(check)


def test_the_page_lists_the_cards_in_ranked_order_and_back(chromium, sample_build, sample_site):
    """On the sample site, from disk: the cards' order in the page (for screen readers and the
    keyboard too) follows the ranking, and an emptied box restores the list's own order."""
    out = sample_build
    site = sample_site

    def check(browser):
        for lang, prefix in (("id", ""), ("en", "en/")):
            ranker = Ranker.of(search_index(site, lang))
            t = Tab(browser, "http://unused.invalid", out).open((out / prefix / "kampung/index.html").as_uri())
            everything = t.visible()
            for query in ("workshop", "pengrajin", "ondeonde", "spatu", "kue", "umkm", "batik workshop"):
                t.type(query)
                assert t.visible() == [slug for slug, _, _ in ranker.rank(query)], (lang, query)
                in_dom = t.page.eval_on_selector_all(".cards > li:not([hidden])", "cs => cs.map(c => c.dataset.slug)")
                assert in_dom == t.visible()
            t.type("")
            t.page.fill("#search-q", "")
            t.page.dispatch_event("#search-q", "input")
            assert t.page.eval_on_selector_all(".cards > li", "cs => cs.map(c => c.dataset.slug)") == everything
            t.close()

    chromium.run(check)


def test_the_sample_site_finds_its_batik_kampung(chromium, sample_build):
    """On the real sample content: "batik" and "membatik" leave the batik kampung, in both languages."""
    out = sample_build

    def check(browser):
        for prefix in ("", "en/"):
            t = Tab(browser, "http://unused.invalid", out).open((out / prefix / "kampung/index.html").as_uri())
            for query in ("batik", "membatik"):
                t.type(query)
                assert t.visible() == ["batik-majapahit"], (prefix, query)
            t.close()

    chromium.run(check)

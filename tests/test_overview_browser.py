"""A guide of 200 kampung in headless Chromium: the home page's and the planner's maps made lazily and
in slices from the shared places script, clustered; a few cards on the home page with a link to all;
the list page's first cards and the rest a page at a time; the planner's search. Served under /guide/,
opened from disk, and offline through the service worker.
"""

from __future__ import annotations

import random
import re
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from kampung_guide.render.views import LIST_CARDS

from browser.checkers import run_vnu
from conftest import QuietHandler, run_build, write_content

BASE_URL = "https://example.org/guide/"
COUNT = 200
CRAFTS = {"batik": "Batik", "kuliner": "Kuliner"}  # the categories of tests/conftest.py
PLACES = ["Miji", "Sentanan", "Kranggan", "Magersari", "Prajurit", "Gedongan", "Balongsari", "Wates"]
TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a00000000049454e44ae426082"
)
LATE_S = 0.8
SCRIPTS = r"/assets/(plan|map|places-[a-z]+)\.js"  # what fills the home page's and the planner's map and list
SHIFTS = (  # the page's cumulative layout shift so far, as Lighthouse counts it (shifts after input left out)
    "new Promise(done => { let sum = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " { if (!e.hadRecentInput) { sum += e.value; } } }).observe({type: 'layout-shift', buffered: true});"
    " setTimeout(() => done(sum), 300); })"
)


LONG_PAGE = 7  # this kampung's page is long: its map lies far below the first screen


def profile(rng: random.Random, i: int) -> str:
    craft = rng.choice(sorted(CRAFTS))
    text = "\\n\\n".join(
        ["Kampung uji dengan cerita panjang tentang kerajinan warganya."] * (40 if i == LONG_PAGE else 1)
    )
    return f"""\
name: Kampung {CRAFTS[craft]} {PLACES[i % len(PLACES)]} {i:03d}
category: {craft}
summary: {{id: Kampung uji nomor {i}., en: Test village number {i}.}}
description: {{id: "{text}", en: A test village.}}
location:
  lat: {-7.43 - rng.random() * 0.09:.6f}
  lon: {112.39 + rng.random() * 0.09:.6f}
"""


def names() -> dict[str, str]:
    rng = random.Random(18)
    return {f"k{i:03d}": profile(rng, i).splitlines()[0].removeprefix("name: ") for i in range(COUNT)}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """200 kampung built into <tmp>/srv/guide/ and served at http://127.0.0.1:PORT/guide/."""
    tmp = tmp_path_factory.mktemp("overview")
    rng = random.Random(18)
    files: dict[str, str | None] = {f"kampung/k{i:03d}.yaml": profile(rng, i) for i in range(COUNT)}
    files["kampung/batik.yaml"] = None
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(write_content(tmp, files)), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"site": site, "url": f"http://127.0.0.1:{httpd.server_address[1]}/guide/"}
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def open_page(browser):
    """A page in a fresh phone-sized context: tiles get a local PNG, any other outside request fails
    the test, and so does a script error. Requests whose address matches `late` are held back."""
    contexts, problems = [], []

    def make(url: str, javascript: bool = True, init: str = "", workers: bool = False, late: str = ""):
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            java_script_enabled=javascript,
            service_workers="allow" if workers else "block",
        )
        context.set_default_timeout(30_000)
        if init:
            context.add_init_script(init)
        contexts.append(context)
        page = context.new_page()

        def route(r):
            url = r.request.url
            if urlsplit(url).hostname == "tile.openstreetmap.org":
                r.fulfill(body=TILE, content_type="image/png")
            elif url.startswith(("http://127.0.0.1", "file://")):
                if late and re.search(late, url):
                    time.sleep(LATE_S)  # as on a slow network: the page paints before these arrive
                r.continue_()
            else:
                problems.append(f"outside request: {url}")
                r.abort()

        if workers:  # a route on every request would keep the service worker from answering
            context.route("https://tile.openstreetmap.org/**", lambda r: r.fulfill(body=TILE, content_type="image/png"))
        else:
            page.route("**/*", route)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        page.goto(url)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, "\n".join(problems)


def wait_for_pins(page) -> None:
    page.wait_for_function("document.querySelector('#map[data-pins=ready]')")


def pins_on_map(page) -> int:
    """Kampung on the map: single pins plus the counts on the cluster icons."""
    return page.evaluate(
        "document.querySelectorAll('#map .pin').length + [...document.querySelectorAll('#map .marker-cluster')]"
        ".reduce((n, c) => n + parseInt(c.textContent, 10), 0)"
    )


def test_the_home_page_clusters_200_pins_from_the_places_script(served, open_page):
    html = (served["site"] / "index.html").read_text(encoding="utf-8")
    assert "Kampung Batik Miji 000" not in html.split('id="map-data"')[1]  # the pins are not in the page
    assert len(html) < 20_000
    page = open_page(served["url"])
    wait_for_pins(page)
    assert page.locator("#map .marker-cluster").count() > 0
    assert pins_on_map(page) == COUNT
    cluster = page.locator("#map .marker-cluster").first
    inside = int(cluster.inner_text())
    scale = page.locator(".leaflet-control-scale-line").first.inner_text()
    cluster.click()  # a cluster zooms in to its pins
    page.wait_for_function(f"document.querySelector('.leaflet-control-scale-line').textContent !== {scale!r}")
    page.wait_for_timeout(600)  # the zoom animation
    assert inside <= pins_on_map(page) < COUNT  # its pins, and no longer those outside the view


def test_a_pin_s_popup_links_its_page(served, open_page):
    page = open_page(served["url"] + "en/")
    wait_for_pins(page)
    for _ in range(12):  # zoom in until single pins show
        if page.locator("#map .pin").count():
            break
        page.locator("#map .marker-cluster").first.click()
        page.wait_for_timeout(500)
    pin = page.locator("#map .pin").first
    name = pin.get_attribute("title")
    pin.click()
    link = page.locator(".leaflet-popup-content a")
    assert link.inner_text() == name
    slug = next(slug for slug, n in names().items() if n == name)
    assert link.evaluate("a => a.href") == served["url"] + f"en/kampung/{slug}/"
    assert name in pin.inner_text()  # the pin's own label, for screen readers


def test_a_map_below_the_screen_loads_nothing_until_it_is_scrolled_to(served, open_page):
    """Never scrolled to, a map costs nothing: not even Leaflet's script is asked for, however idle the
    browser; a screen away from it, Leaflet loads and the map is made."""
    page = open_page(served["url"] + "rencana/")  # on a phone, the planner's map is below its list
    scripts = "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => /js$/.test(p))"
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # the browser idle meanwhile
    assert page.evaluate("document.querySelector('#map').getBoundingClientRect().top") > 2 * 740
    assert page.locator("#map.leaflet-container").count() == 0, "the map was made before it was seen"
    assert not any("/vendor/" in path for path in page.evaluate(scripts)), "Leaflet was loaded for a map never seen"
    assert page.evaluate("typeof window.L") == "undefined"
    page.locator("#map").scroll_into_view_if_needed()
    wait_for_pins(page)
    assert pins_on_map(page) == COUNT
    assert sorted(path for path in page.evaluate(scripts) if "/vendor/" in path) == [  # fetched side by side
        "/guide/assets/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/guide/assets/vendor/leaflet/leaflet.js",
    ]


def test_the_map_starts_a_screen_before_it_is_seen(served, open_page):
    page = open_page(served["url"] + "rencana/")
    page.wait_for_load_state("load")
    top = page.evaluate("document.querySelector('#map').getBoundingClientRect().top")
    page.evaluate(f"window.scrollTo(0, {top} - 2 * 740 + 100)")  # the map 1.9 screens below the top of the view
    wait_for_pins(page)
    assert page.evaluate("document.querySelector('#map').getBoundingClientRect().top") > 740
    assert pins_on_map(page) == COUNT


def test_a_map_whose_scripts_cannot_load_says_so(served, browser):
    """Offline before Leaflet was ever saved: where the map would be, a notice says it could not load
    (a context of its own: the browser's console reports the failed script, which open_page forbids)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/vendor/leaflet/leaflet.js", lambda r: r.abort("internetdisconnected"))
    page.goto(served["url"] + "en/rencana/")
    page.locator("#map").scroll_into_view_if_needed()
    notice = page.locator("#map + .map-offline")
    notice.wait_for(state="visible")
    assert notice.inner_text() == "Offline: the map could not be loaded. The address and directions are on this page."
    assert notice.get_attribute("role") == "status"
    assert page.locator("#map.leaflet-container").count() == 0
    assert errors == []
    context.close()


def test_the_home_page_shows_a_few_cards_and_links_to_all(served, open_page):
    for javascript in (True, False):
        page = open_page(served["url"] + "en/", javascript=javascript)
        cards = page.locator("main .cards > li")
        assert cards.count() == 12
        categories = {cards.nth(i).get_attribute("class").split("cat--")[1] for i in range(12)}
        assert categories == set(CRAFTS), "a few of each category"
        shown = [cards.nth(i).locator(".card__title").inner_text() for i in range(12)]
        assert shown == sorted(shown, key=str.casefold)
        link = page.get_by_role("link", name=f"See and search all {COUNT} kampung")
        assert link.evaluate("a => a.href") == served["url"] + "en/kampung/"
        with page.expect_navigation():
            link.click()
        assert page.locator("#kampung-title").inner_text() == f"{COUNT} kampung"
        assert len(shown_cards(page)) == (LIST_CARDS if javascript else COUNT)


def shown_cards(page) -> list[str]:
    """Slugs of the list's cards a visitor sees, in page order."""
    return page.eval_on_selector_all(
        "main .cards > li", "cards => cards.filter(c => c.getClientRects().length).map(c => c.dataset.slug)"
    )


def sorted_slugs() -> list[str]:
    return [slug for slug, name in sorted(names().items(), key=lambda item: item[1].casefold())]


def test_the_list_lays_out_its_first_cards_and_brings_the_rest_a_page_at_a_time(served, open_page):
    every = sorted_slugs()
    html = (served["site"] / "en/kampung/index.html").read_text(encoding="utf-8")
    before, rest = html.split('<noscript id="cards-rest">')
    assert before.count('class="card ') == LIST_CARDS and rest.count('class="card ') == COUNT - LIST_CARDS
    assert run_vnu([served["site"] / "en/kampung/index.html"]) == []  # the cards inside <noscript> too
    page = open_page(served["url"] + "en/kampung/")
    assert shown_cards(page) == every[:LIST_CARDS]
    more = page.locator("#cards-more")
    assert (
        more.inner_text() == f"Show {LIST_CARDS} more" and page.locator("#kampung-title").inner_text() == "200 kampung"
    )
    page.wait_for_timeout(500)
    assert page.locator("main .cards > li").count() == LIST_CARDS, "the others stay text until shown"
    more.click()
    assert shown_cards(page) == every[: 2 * LIST_CARDS]
    assert page.locator("main .cards > li").count() == 2 * LIST_CARDS
    focused = page.evaluate("document.activeElement.closest('li').dataset.slug")
    assert focused == every[LIST_CARDS], "the keyboard goes on at the first card the button brought"
    more.click()
    assert more.inner_text() == f"Show {COUNT - 3 * LIST_CARDS} more"
    more.click()
    assert shown_cards(page) == every and not more.is_visible()


def test_the_list_searches_and_filters_every_kampung_not_only_those_laid_out(served, open_page):
    every, slugs = names(), sorted_slugs()
    last = slugs[-1]
    page = open_page(served["url"] + "en/kampung/")
    page.fill("#search-q", every[last].split()[-1])
    page.wait_for_function("document.getElementById('search-status').textContent === '1 kampung'")
    assert shown_cards(page) == [last] and not page.locator("#cards-more").is_visible()
    page.fill("#search-q", "")
    page.select_option("#search-cat", "kuliner")
    kuliner = [slug for slug in slugs if "Kuliner" in every[slug]]
    assert page.locator("#search-status").inner_text() == f"{len(kuliner)} kampung"
    assert shown_cards(page) == kuliner[:LIST_CARDS]
    assert page.locator("#cards-more").inner_text() == f"Show {min(LIST_CARDS, len(kuliner) - LIST_CARDS)} more"
    shared = open_page(served["url"] + f"en/kampung/?q={every[last].split()[-1]}")  # a shared address
    shared.wait_for_function("document.getElementById('search-status').textContent === '1 kampung'")
    assert shown_cards(shared) == [last]


def test_cards_a_search_made_take_their_place_when_the_list_is_paged_on(served, open_page):
    every, slugs = names(), sorted_slugs()
    page = open_page(served["url"] + "en/kampung/")
    for slug in (slugs[-1], slugs[LIST_CARDS + 5]):  # made by a search, at the end of the list
        page.fill("#search-q", every[slug].split()[-1])
        assert shown_cards(page) == [slug]
    page.fill("#search-q", "")
    assert shown_cards(page) == slugs[:LIST_CARDS]
    page.click("#cards-more")
    assert shown_cards(page) == slugs[: 2 * LIST_CARDS]
    page.select_option("#search-cat", "kuliner")  # a change of filter starts again at one page
    assert shown_cards(page) == [slug for slug in slugs if "Kuliner" in every[slug]][:LIST_CARDS]


def test_cards_made_on_the_list_link_their_page_s_index_html_from_disk(served, open_page):
    every, slugs = names(), sorted_slugs()
    page = open_page((served["site"] / "en/kampung/index.html").as_uri())
    page.fill("#search-q", every[slugs[-1]].split()[-1])
    assert shown_cards(page) == [slugs[-1]]
    href = page.locator(".cards > li:not([hidden]) .card__link").evaluate("a => a.href")
    assert href == (served["site"] / "en/kampung" / slugs[-1] / "index.html").as_uri()


def test_the_list_without_javascript_its_index_or_search_js_shows_every_kampung(served, open_page, browser):
    page = open_page(served["url"] + "en/kampung/", javascript=False)
    assert shown_cards(page) == sorted_slugs() and not page.is_visible("#cards-more")
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    failed = context.new_page()
    errors = []
    failed.on("pageerror", lambda e: errors.append(str(e)))
    for script in (r"/assets/search-en\.js", r"/assets/search\.js"):  # the index, or search.js itself
        failed.route(re.compile(script), lambda r: r.abort("internetdisconnected"))
        failed.goto(served["url"] + "en/kampung/")
        failed.wait_for_function(f"document.querySelectorAll('main .cards > li').length === {COUNT}")
        assert shown_cards(failed) == sorted_slugs() and not failed.is_visible("#search"), script
        assert not failed.is_visible("#cards-more") and errors == []
        failed.unroute_all()
    context.close()


def test_a_category_lays_out_its_first_cards_and_links_the_list_for_all(served, open_page):
    every = names()
    batik = [slug for slug in sorted_slugs() if "Batik" in every[slug]]
    assert len(batik) > LIST_CARDS
    page = open_page(served["url"] + "en/kategori/batik/", javascript=False)
    assert shown_cards(page) == batik and not page.get_by_role("link", name=f"See all {len(batik)}").is_visible()
    page = open_page(served["url"] + "en/kategori/batik/")
    assert shown_cards(page) == batik[:LIST_CARDS]
    link = page.get_by_role("link", name=f"See all {len(batik)} Batik kampung")
    with page.expect_navigation():
        link.click()
    assert urlsplit(page.url).path.endswith("/en/kampung/") and page.input_value("#search-cat") == "batik"
    assert page.locator("#search-status").inner_text() == f"{len(batik)} kampung"
    assert shown_cards(page) == batik[:LIST_CARDS]


def test_the_planner_finds_a_kampung_by_name_and_ticks_it(served, open_page):
    every = names()
    page = open_page(served["url"] + "en/rencana/")
    page.wait_for_load_state("load")
    assert page.locator(".planner__check").count() == 12
    status = page.locator("#plan-search-status")
    assert status.inner_text() == f"Showing 12 of {COUNT} kampung; type a name to narrow the list."
    page.fill("#plan-search", "wates 015")
    assert page.locator(".planner__check").count() == 1 and status.inner_text() == "1 kampung"
    page.check("#plan-k-k015")
    page.fill("#plan-search", "kuliner")
    found = sum(1 for name in every.values() if "Kuliner" in name)
    assert status.inner_text() == f"Showing 12 of {found} kampung; type a name to narrow the list."
    assert page.is_checked("#plan-k-k015"), "a ticked kampung stays in the list"
    page.fill("#plan-search", every["k122"].split()[-1])
    page.check("#plan-k-k122")
    assert page.locator("#plan-stops .stop__name").count() == 2
    assert sorted(page.locator("#plan-stops .stop__name").all_inner_texts()) == sorted([every["k015"], every["k122"]])
    page.locator("#map").scroll_into_view_if_needed()  # the map, made now, draws the route chosen before
    wait_for_pins(page)
    assert page.locator("#map path.route-line").count() == 1
    query = parse_qs(urlsplit(page.url).query)
    assert query["stops"] == ["k015,k122"]
    page.fill("#plan-search", "no such village")
    assert status.inner_text() == "No kampung matches."
    assert page.locator(".planner__check").count() == 2  # the ticked ones
    again = open_page(page.url)
    assert again.is_checked("#plan-k-k015") and again.is_checked("#plan-k-k122")
    assert again.locator("#plan-stops .stop__name").count() == 2


def test_the_planner_without_javascript_offers_the_routes_and_pages(served, open_page):
    page = open_page(served["url"] + "rencana/", javascript=False)
    assert page.is_visible("#plan-nojs") and page.is_disabled("#plan-search")
    first = sorted(names().values(), key=str.casefold)
    assert page.locator(".planner__check label").all_inner_texts() == first[:12]  # what the search shows at first
    html = (served["site"] / "rencana/index.html").read_text(encoding="utf-8")
    assert len(html) < 20_000 and first[12] not in html


def test_home_page_and_planner_stay_in_place_while_their_scripts_run(served, open_page):
    """They paint before their scripts arrive (held back here, as on a slow network); what the scripts
    then show (the map's pins, the planner's search and its first matches) does not move the page."""
    for path in ("", "en/rencana/"):
        page = open_page(served["url"] + path, late=SCRIPTS)
        if path:  # the planner's map is a screen below its list on a phone: made once scrolled to
            page.wait_for_function("!document.querySelector('#plan-search').disabled")
            page.locator("#map").scroll_into_view_if_needed()
        wait_for_pins(page)
        assert page.evaluate(SHIFTS) < 0.01, path


def test_home_and_planner_work_from_disk(served, open_page):
    page = open_page((served["site"] / "index.html").as_uri())
    wait_for_pins(page)
    assert pins_on_map(page) == COUNT
    plan = open_page((served["site"] / "en/rencana/index.html").as_uri())
    plan.fill("#plan-search", "wates 015")
    plan.check("#plan-k-k015")
    plan.fill("#plan-search", "wates 023")
    plan.check("#plan-k-k023")
    link = plan.locator("#plan-stops .stop__name").first
    assert link.get_attribute("href").endswith("/index.html")


def test_the_home_map_works_offline(served, open_page):
    """The service worker keeps the places script and the cluster library: offline, the map still clusters."""
    page = open_page(served["url"], workers=True)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    cached = page.evaluate(
        "caches.keys().then(k => caches.open(k[0])).then(c => c.keys()).then(r => r.map(q => q.url))"
    )
    assert any(re.search(r"/assets/places-id\.js\?v=", url) for url in cached)
    assert any(url.endswith("leaflet.markercluster.js") for url in cached)
    page.context.set_offline(True)
    page.reload()
    wait_for_pins(page)
    assert pins_on_map(page) == COUNT

"""Offline in a real browser: the service worker keeps the shell and the pages a visitor opens or saves,
answers a page it does not have with the offline page of that language, keeps saved pages across a
deploy (with the new shell), and the map says it is offline."""

import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from conftest import CATEGORIES, KAMPUNG, QuietHandler, must_find, run_build, write_content

TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a00000000049454e44ae426082"
)
PROFILES = {
    "kampung/tenun.yaml": KAMPUNG.replace("Kampung Batik", "Kampung Tenun"),
    "kampung/gerabah.yaml": KAMPUNG.replace("Kampung Batik", "Kampung Gerabah"),
    "kampung/anyaman.yaml": KAMPUNG.replace("Kampung Batik", "Kampung Anyaman"),
}


class Recorder(QuietHandler):
    """Serves the build; records each path asked for, and holds back those in `hang` (a dead network)."""

    asked: list[str]
    hang: set[str]

    def do_GET(self):
        path = self.path.split("?")[0]
        self.asked.append(path)
        if path in self.hang:
            time.sleep(60)
            return
        super().do_GET()


@pytest.fixture
def served(tmp_path):
    content = write_content(tmp_path, PROFILES)
    out = tmp_path / "srv" / "guide"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    handler = type("Handler", (Recorder,), {"asked": [], "hang": set()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(tmp_path / "srv")))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield content, out, f"http://127.0.0.1:{server.server_address[1]}/guide/", handler
    server.shutdown()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(body=TILE, content_type="image/png"))
    yield context
    context.close()


def wait_for_worker(page):
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def until(page, expression: str, seconds: float = 30) -> None:
    """Wait until `expression`, which may give a promise, is true (wait_for_function takes any promise
    for true)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        time.sleep(0.2)


def save(page, url):
    """Open `url` and press "save for offline"; wait until the page says it is saved."""
    page.goto(url)
    page.locator("[data-save-offline]").click()
    saved = page.locator("[data-save-offline]").get_attribute("data-saved")
    page.wait_for_function(f"document.querySelector('.save-offline__status').textContent === {saved!r}")


def shell_caches(page) -> list[str]:
    return page.evaluate("caches.keys().then(k => k.filter(n => n.startsWith('kampung-guide-shell-')))")


def offline_list(page, which: str) -> list[str]:
    selector = f"[data-offline-list={which}] li a"
    return page.eval_on_selector_all(selector, "links => links.map(a => a.textContent + ' ' + a.href)")


def test_visited_pages_and_the_shell_open_offline(served, context):
    _, _, url, _ = served
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    wait_for_worker(page)
    page.goto(url + "kampung/tenun/")
    assert page.locator("h1").inner_text() == "Kampung Tenun"
    context.set_offline(True)
    for path, heading in (
        ("", "Kampung Uji"),
        ("kampung/", "Semua kampung UMKM"),
        ("en/kampung/", "All craft kampung"),
        ("kampung/tenun/", "Kampung Tenun"),
        ("kampung/?q=tenun", "Semua kampung UMKM"),
    ):
        page.goto(url + path)
        assert page.locator("h1").inner_text() == heading, path
    page.goto(url + "kampung/tenun/")
    page.locator(".map-offline").wait_for(state="visible")  # once the lazily made map's tiles fail
    page.locator("#map[data-pins=ready]").wait_for(state="attached")  # its pins come in later tasks
    assert "Tanpa internet" in page.locator(".map-offline").inner_text()
    assert page.locator(".leaflet-marker-icon").count() == 1  # the pin still shows
    assert page.locator(".facts").is_visible()  # address and directions text beside the map
    cached = page.evaluate("caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys()))))")
    assert cached and not any("tile.openstreetmap" in str(r) for r in cached)
    assert errors == []


@pytest.mark.parametrize(
    "path, lang, heading, home",
    [
        ("kampung/gerabah/", "id", "Tidak ada internet", "Kampung Uji"),
        ("en/kampung/gerabah/", "en", "No internet", "Test Villages"),
    ],
)
def test_a_page_never_stored_gets_the_offline_page_of_its_language(served, context, path, lang, heading, home):
    """Styled, in the address's language, its links leading where they say, listing the saved page."""
    _, _, url, _ = served
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    wait_for_worker(page)
    save(page, url + "kampung/tenun/")
    context.set_offline(True)
    page.goto(url + path)
    assert page.locator("main h1").inner_text() == heading
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.url == url + path  # the address stays, so "try again" reloads the page asked for
    header = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header == "rgb(122, 59, 18)", "the style sheet did not apply"
    page.wait_for_function("document.querySelectorAll('[data-offline-list=saved] li').length === 1")
    assert offline_list(page, "saved") == [f"Kampung Tenun {url}kampung/tenun/"]
    assert page.locator("[data-offline-empty]").is_hidden()
    assert page.locator("[data-retry]").is_visible()
    links = page.eval_on_selector_all(".site-nav a, .offline__section a", "links => links.map(a => a.href)")
    assert all(link.startswith(url) and "/kampung/gerabah/" not in link for link in links), links
    page.locator(".offline__section").last.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url == url + ("en/" if lang == "en" else "")
    assert page.locator("h1").inner_text() == home
    page.go_back()
    page.locator("[data-offline-list=saved] a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Kampung Tenun"
    assert errors == []


def test_saved_pages_survive_a_deploy_and_get_the_new_shell(served, context):
    content, out, url, handler = served
    page = context.new_page()
    page.goto(url)
    wait_for_worker(page)
    save(page, url + "kampung/tenun/")
    page.goto(url + "kampung/gerabah/")  # opened, not saved
    first = shell_caches(page)
    # The deploy: another name for one kampung, another colour for the batik category (categories.css).
    (content / "kampung/anyaman.yaml").write_text(
        PROFILES["kampung/anyaman.yaml"].replace("Kampung Anyaman", "Kampung Anyaman Baru"), encoding="utf-8"
    )
    (content / "categories.yaml").write_text(CATEGORIES.replace("#8b4513", "#123456"), encoding="utf-8")
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    handler.asked.clear()
    page.goto(url)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    until(
        page,
        f"caches.keys().then(k => k.filter(n => n.startsWith('kampung-guide-shell-')).join() !== {first[0]!r}"
        " && k.filter(n => n.startsWith('kampung-guide-shell-')).length === 1)",
    )
    assert "/guide/assets/vendor/leaflet/leaflet.js" not in handler.asked, (
        "an unchanged shell file was downloaded again"
    )
    assert "/guide/assets/icons/icon-512.png" not in handler.asked
    assert "/guide/kampung/index.html" in handler.asked or "/guide/kampung/" in handler.asked  # changed: fetched
    styles = must_find(r"categories\.css\?v=\w+", (out / "kampung/tenun/index.html").read_text(encoding="utf-8"))[0]
    until(  # the new version refreshes the saved page from the network
        page,
        f"caches.open('kampung-guide-saved').then(c => c.match({url + 'kampung/tenun/'!r}))"
        f".then(r => r.text()).then(t => t.includes({styles!r}))",
    )
    context.set_offline(True)
    handler.asked.clear()
    page.goto(url + "kampung/tenun/")
    assert page.locator("main h1").inner_text() == "Kampung Tenun"
    tag = page.evaluate("getComputedStyle(document.querySelector('.kampung .tag')).backgroundColor")
    assert tag == "rgb(18, 52, 86)", "the saved page did not get the new shell's styles"
    page.goto(url + "kampung/gerabah/")  # the recently opened page survives the deploy too
    assert page.locator("main h1").inner_text() == "Kampung Gerabah"
    page.goto(url + "kampung/")
    assert "Kampung Anyaman Baru" in page.locator("main").inner_text()  # the new shell's list page


def test_the_oldest_saved_page_goes_first_when_the_cap_is_reached(served, context):
    _, out, url, _ = served
    worker = out / "sw.js"
    text = worker.read_text(encoding="utf-8")
    assert '"savedPages": 50,' in text
    worker.write_text(text.replace('"savedPages": 50,', '"savedPages": 2,'), encoding="utf-8")
    page = context.new_page()
    page.goto(url)
    wait_for_worker(page)
    for slug in ("tenun", "gerabah", "anyaman"):
        save(page, url + f"kampung/{slug}/")
    context.set_offline(True)
    page.goto(url + "kampung/batik/")  # never opened: the offline page
    page.wait_for_function("document.querySelectorAll('[data-offline-list=saved] li').length > 0")
    assert offline_list(page, "saved") == [
        f"Kampung Anyaman {url}kampung/anyaman/",
        f"Kampung Gerabah {url}kampung/gerabah/",
    ]
    page.goto(url + "kampung/tenun/")
    assert page.locator("main h1").inner_text() == "Tidak ada internet"


def test_a_stored_page_opens_while_the_network_hangs(served, context):
    """Weak data: the server never answers; the stored copy does, after a few seconds."""
    _, _, url, handler = served
    page = context.new_page()
    page.goto(url)
    wait_for_worker(page)
    page.goto(url + "kampung/tenun/")
    handler.hang.add("/guide/kampung/tenun/")
    page.goto(url + "kampung/tenun/", timeout=20_000)
    assert page.locator("main h1").inner_text() == "Kampung Tenun"


def test_save_for_offline_button(served, context):
    _, _, url, _ = served
    page = context.new_page()
    page.goto(url)
    wait_for_worker(page)
    page.goto(url + "en/kampung/batik/")
    page.get_by_role("button", name="Save for offline use").click()
    status = page.locator(".save-offline__status")
    status.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.save-offline__status').textContent.length > 0")
    assert status.inner_text() == "Saved: this page opens without internet."
    page.reload()  # a saved page says so when opened again
    page.wait_for_function("document.querySelector('.save-offline__status').textContent.length > 0")
    assert status.inner_text() == "Saved: this page opens without internet."

"""Offline in a real browser: the service worker keeps the shell and visited pages, the map says
it is offline, and a new build replaces the old cache instead of serving a stale site."""

import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from conftest import KAMPUNG, QuietHandler, run_build, write_content

TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a00000000049454e44ae426082"
)


@pytest.fixture
def served(tmp_path):
    content = write_content(tmp_path, {"kampung/tenun.yaml": KAMPUNG.replace("Kampung Batik", "Kampung Tenun")})
    out = tmp_path / "srv" / "guide"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    handler = partial(QuietHandler, directory=str(tmp_path / "srv"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield content, out, f"http://127.0.0.1:{server.server_address[1]}/guide/"
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


def test_visited_pages_and_the_shell_open_offline(served, context):
    _, _, url = served
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
    ):
        page.goto(url + path)
        assert page.locator("h1").inner_text() == heading, path
    page.goto(url + "kampung/tenun/")
    assert page.locator(".map-offline").is_visible()
    assert "Tanpa internet" in page.locator(".map-offline").inner_text()
    assert page.locator(".leaflet-marker-icon").count() == 1  # the pin still shows
    assert page.locator(".facts").is_visible()  # address and directions text beside the map
    cached = page.evaluate("caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys()))))")
    assert cached and not any("tile.openstreetmap" in str(r) for r in cached)
    assert errors == []


def test_a_new_build_replaces_the_cache(served, context):
    content, out, url = served
    page = context.new_page()
    page.goto(url + "kampung/tenun/")
    wait_for_worker(page)
    first = page.evaluate("caches.keys()")
    (content / "kampung/tenun.yaml").write_text(
        KAMPUNG.replace("Kampung Batik", "Kampung Tenun Baru"), encoding="utf-8"
    )
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    page.goto(url + "kampung/tenun/")
    assert page.locator("h1").inner_text() == "Kampung Tenun Baru"
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_function(f"caches.keys().then(k => k.length === 1 && k[0] !== {first[0]!r})", polling=200)
    context.set_offline(True)
    page.goto(url + "kampung/tenun/")
    assert page.locator("h1").inner_text() == "Kampung Tenun Baru"


def test_save_for_offline_button(served, context):
    _, _, url = served
    page = context.new_page()
    page.goto(url)
    wait_for_worker(page)
    page.goto(url + "en/kampung/batik/")
    page.get_by_role("button", name="Save for offline use").click()
    status = page.locator(".save-offline__status")
    status.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.save-offline__status').textContent.length > 0")
    assert status.inner_text() == "Saved: this page opens without internet."

"""On a 360 px phone the browser fetches the smallest photo variant, in WebP."""

import shutil
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT, QuietHandler, run_build

THREE_PHOTOS = """photos:
  - file: batik-majapahit-1.jpg
    alt: {id: Ilustrasi kain batik, en: Illustration of batik cloth}
  - file: onde-onde-1.jpg
    alt: {id: Ilustrasi onde-onde, en: Illustration of onde-onde}
  - file: cor-kuningan-1.jpg
    alt: {id: Ilustrasi kuningan, en: Illustration of brass}
"""


def build_with_three_photos(tmp: Path) -> Path:
    """The sample site with three photos on Kampung Batik Majapahit (bench/page_weight.py uses it too)."""
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    profile = content / "kampung" / "batik-majapahit.yaml"
    text = profile.read_text(encoding="utf-8")
    start = text.index("photos:")
    end = text.index("\n", text.index("credit:", start))
    profile.write_text(text[:start] + THREE_PHOTOS + text[end + 1 :], encoding="utf-8")
    site = tmp / "site"
    result = run_build("build", "--content", str(content), "--out", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build_with_three_photos(tmp_path_factory.mktemp("photos"))
    handler = partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_phone_fetches_the_480_px_webp_of_every_photo(served, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url) if "/images/" in request.url else None)
    page.goto(served + "en/kampung/batik-majapahit/")
    gallery = page.locator(".gallery")
    for i in range(3):  # bring each lazily loaded photo into view
        gallery.locator("img").nth(i).scroll_into_view_if_needed()
        page.wait_for_function(f"document.querySelectorAll('.gallery img')[{i}].complete")
    names = sorted(url.rsplit("/", 1)[1] for url in fetched)
    assert names == ["batik-majapahit-1-480.webp", "cor-kuningan-1-480.webp", "onde-onde-1-480.webp"]
    shown = page.evaluate("[...document.querySelectorAll('.gallery img')].map(i => i.currentSrc)")
    assert [src.rsplit("/", 1)[1] for src in shown] == [
        "batik-majapahit-1-480.webp",
        "onde-onde-1-480.webp",
        "cor-kuningan-1-480.webp",
    ]
    context.close()

"""QR posters: each code, as the browser draws it, decodes to exactly the kampung's public URL."""

import io
import re
import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
import zxingcpp
from PIL import Image

from conftest import ROOT, QuietHandler, run_build

BASE = "https://kampung.example.org/panduan/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    out = tmp_path_factory.mktemp("posters") / "site"
    result = run_build("build", "--content", str(ROOT / "content"), "--out", str(out), "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    handler = partial(QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def slugs():
    return sorted(p.stem for p in (ROOT / "content" / "kampung").glob("*.yaml"))


def test_every_poster_code_decodes_to_its_language_page(served, browser):
    """One poster per kampung serves every language: a code to each language's page, in print."""
    out, url = served
    page = browser.new_page(viewport={"width": 800, "height": 1100})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    for slug in slugs():
        assert not (out / "en" / "kampung" / slug / "poster.html").exists()
        page.goto(f"{url}kampung/{slug}/poster.html")
        page.emulate_media(media="print")
        decoded = {}
        for figure in page.locator(".poster__qr").all():
            image = Image.open(io.BytesIO(figure.locator("svg").screenshot()))
            [code] = zxingcpp.read_barcodes(image)
            assert code.format == zxingcpp.BarcodeFormat.QRCode
            decoded[figure.get_attribute("lang")] = code.text
        # the codes carry the poster marker (stats counts the scans); the address printed under each, for
        # typing in, and the page's canonical address do not
        assert decoded == {"id": f"{BASE}kampung/{slug}/?from=poster", "en": f"{BASE}en/kampung/{slug}/?from=poster"}
        assert page.locator(".poster__url").all_inner_texts() == [f"{BASE}kampung/{slug}/", f"{BASE}en/kampung/{slug}/"]
        canonical = (out / "kampung" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{BASE}kampung/{slug}/">' in canonical and "from=poster" not in canonical
        assert page.locator(".site-nav").is_hidden()  # printed without the menu
        assert page.locator(".lang-switch").count() == 0  # no twin to switch to
        pdf = page.pdf(format="A4", print_background=True)
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, f"{slug}: the poster does not fit one A4 sheet"
    page.close()


def test_kampung_pages_print_their_qr_code(served, browser):
    _, url = served
    page = browser.new_page()
    page.goto(f"{url}kampung/{slugs()[0]}/")
    assert page.locator(".print-qr").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".print-qr svg").is_visible()
    assert page.locator(".leaflet-control-zoom").count() == 0 or page.locator(".leaflet-control-zoom").is_hidden()
    page.close()


def test_without_base_url_posters_say_so_instead_of_printing_a_wrong_code(tmp_path):
    out = tmp_path / "site"
    assert run_build("build", "--content", str(ROOT / "content"), "--out", str(out)).returncode == 0
    poster = (out / f"kampung/{slugs()[0]}/poster.html").read_text(encoding="utf-8")
    assert "Kode QR belum bisa dibuat" in poster and "<svg" not in poster
    assert '<meta name="robots" content="noindex">' in poster

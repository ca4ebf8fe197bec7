"""A route to print: each suggested route's A4 view, printed to PDF by Chromium, fits one page for up
to six stops, and its QR codes (read back from the rasterised page with zxing-cpp) lead to the stops'
pages under --base-url. The sketch map is drawn from the pins alone."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
import zxingcpp
from PIL import Image

from kampung_guide.render.sketch import Stop, place_labels, project, scale_bar, sketch_svg

from conftest import KAMPUNG, must_find, run_build, write_content
from test_search_browser import BASE_URL, Quiet, Tab

NAMES = ["Batik Tulis", "Cor Kuningan", "Onde-onde", "Alas Sepatu", "Hidroponik", "Suvenir Fiber"]
SLUGS = ["batik", "cor", "onde", "sepatu", "hidroponik", "fiber"]
DETAILS = """\
  address: Kelurahan Contoh Panjang Sekali, Kecamatan Contoh, Kota Uji
opening_hours: Mo-Fr 08:00-16:00; Sa 08:00-12:00; Su off
making:
  - what: {id: Proses pertama yang cukup panjang namanya, en: A first process with quite a long name}
    hours: Mo-Fr 04:00-08:00; Sa 05:00-07:00
    note: {id: Paling ramai sekitar pukul 05.00 pagi., en: Busiest at about 5 a.m.}
  - what: {id: Proses kedua, en: A second process}
    note: {id: Hanya pada hari tertentu., en: On some days only.}
contact:
  whatsapp: "0812 3456 78{n}0"
visit:
  rules:
    children: accompanied
    min_age: 8
    closed_shoes: true
    photography: ask
    hazards: [heat, molten_metal, smoke]
    safety: {id: Jaga jarak dua meter dari tungku, en: Keep two metres from the furnace}
    group_booking_from: 10
"""


def profile(n: int) -> str:
    place = KAMPUNG.replace("Kampung Batik", f"Kampung {NAMES[n]}")
    place = place.replace("lat: -7.47", f"lat: {-7.47 + 0.004 * (n % 3)}").replace(
        "lon: 112.43", f"lon: {112.43 + 0.005 * n}"
    )
    return place + DETAILS.replace("{n}", str(n))


FILES = {f"kampung/{slug}.yaml": profile(n) for n, slug in enumerate(SLUGS)}
FILES["routes/enam.yaml"] = (
    "name: {id: Enam kampung, en: Six kampung}\ndescription: Rute uji.\nmode: walk\nstops: [" + ", ".join(SLUGS) + "]\n"
)
FILES["routes/dua.yaml"] = "name: Dua kampung\ndescription: Rute uji.\nmode: car\nstops: [cor, onde]\n"
ROUTES = {"enam": SLUGS, "dua": ["cor", "onde"]}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("print")
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(write_content(tmp, FILES)), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"origin": origin, "url": origin + "/guide/", "files": tmp, "site": site}
    httpd.shutdown()
    httpd.server_close()


def pdf_pages(pdf) -> int:
    assert shutil.which("pdfinfo"), "pdfinfo missing: apt-get install -y poppler-utils"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(must_find(r"^Pages:\s+(\d+)", info, re.M)[1])


def read_codes(pdf, folder) -> list[str]:
    """The QR codes on the PDF's pages, rasterised at 200 dpi."""
    assert shutil.which("pdftoppm"), "pdftoppm missing: apt-get install -y poppler-utils"
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(folder / "page")], check=True)
    found = []
    for png in sorted(folder.glob("page*.png")):
        found += [
            code.text
            for code in zxingcpp.read_barcodes(Image.open(png))
            if code.format == zxingcpp.BarcodeFormat.QRCode
        ]
    return found


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize("lang, prefix", [("id", ""), ("en", "en/")])
def test_a_printed_route_is_one_a4_page_whose_codes_lead_to_the_stops(chromium, served, tmp_path, route, lang, prefix):
    pdf = tmp_path / f"{route}.pdf"

    def check(browser):
        t = Tab(browser, served["origin"], served["files"]).open(f"{served['url']}{prefix}rencana/{route}/cetak/")
        names = t.page.eval_on_selector_all(".sheet__name", "hs => hs.map(h => h.textContent.trim())")
        assert names == [f"{n} Kampung {NAMES[SLUGS.index(slug)]}" for n, slug in enumerate(ROUTES[route], 1)]
        assert t.page.locator(".sheet__map svg circle").count() == len(ROUTES[route])
        assert t.page.is_visible("button[data-print]")
        t.page.emulate_media(media="print")
        assert t.page.is_hidden(".site-header") and t.page.is_hidden("button[data-print]")
        t.page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
        t.close()

    chromium.run(check)
    assert pdf_pages(pdf) == 1
    codes = read_codes(pdf, tmp_path)
    assert sorted(codes) == sorted(f"{BASE_URL}{prefix}kampung/{slug}/" for slug in ROUTES[route])


def test_the_printed_stops_carry_what_a_visitor_needs_on_paper(served):
    html = (served["site"] / "en/rencana/enam/cetak/index.html").read_text(encoding="utf-8")
    first = html[html.index('<li class="sheet__stop') : html.index("</li>", html.index('<li class="sheet__stop'))]
    for text in (
        "Kelurahan Contoh Panjang Sekali, Kecamatan Contoh, Kota Uji",
        "A first process with quite a long name: Monday–Friday 04:00–08:00; Saturday 05:00–07:00",
        "welcome with an adult, from age 8",
        "closed shoes required",
        "ask before you take photos",
        "<strong>WhatsApp</strong> +62 812-3456-7800",
        "To the next stop:",
    ):
        assert text in first, text
    assert '<meta name="robots" content="noindex">' in html and "assets/print.css?v=" in html
    route_page = (served["site"] / "en/rencana/enam/index.html").read_text(encoding="utf-8")
    assert 'href="../../../en/rencana/enam/cetak/">Print this route (A4)</a>' in route_page


def test_without_a_base_url_the_print_view_says_why_there_are_no_codes(tmp_path):
    out = tmp_path / "site"
    assert run_build("build", "--content", str(write_content(tmp_path, FILES)), "--out", str(out)).returncode == 0
    html = (out / "rencana/dua/cetak/index.html").read_text(encoding="utf-8")
    assert 'class="qr"' not in html and "--base-url" in html


# -- the sketch map -----------------------------------------------------------------------------


def test_the_sketch_keeps_north_up_and_the_same_scale_both_ways():
    stops = [Stop(-7.47, 112.43, "A", "#123456"), Stop(-7.46, 112.45, "B", "#123456")]
    (a, b), scale = project(stops, 760, 300, 40)
    assert b[1] < a[1] and b[0] > a[0]  # B lies north-east of A
    assert min(a[0], b[0]) >= 40 and max(a[0], b[0]) <= 720 and min(a[1], b[1]) >= 40 and max(a[1], b[1]) <= 260
    dx, dy = b[0] - a[0], a[1] - b[1]
    assert dx / dy == pytest.approx(0.02 * 0.99151 / 0.01, rel=1e-3)  # longitude shrinks by cos(latitude)
    metres, px = scale_bar(scale, 760)
    assert metres in (500, 1000) and 760 / 10 < px < 760 / 2


def test_labels_that_would_overlap_are_moved_apart():
    placed = place_labels([(100, 100), (104, 102)], ["Kampung Satu", "Kampung Dua"], 760)
    assert placed[0][1] != placed[1][1]
    assert place_labels([(740, 100)], ["Near the right edge"], 760)[0][2] == "end"


def test_sketch_text_is_escaped():
    svg = sketch_svg([Stop(-7.47, 112.43, "<b>&", "#123456"), Stop(-7.48, 112.44, "B", "#654321")], "Map", "en")
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg and svg.count("<circle") == 2

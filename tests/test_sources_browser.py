"""Places to buy in Chromium: ticked in the planner they become stops with their link, and the
kampung map shows them with their own marker (issue #20)."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from conftest import KAMPUNG, run_build, write_content
from test_search_browser import BASE_URL, Quiet, Tab

SHOP = """\
outlets:
  - name: {id: Pusat Batik Uji, en: Test Batik Centre}
    location: {lat: -7.478, lon: 112.436}
  - name: {id: Ruang pamer, en: Showroom}
    location: {lat: -7.47, lon: 112.43}
"""
FOOD = (
    KAMPUNG.replace("Kampung Batik", "Kampung Kue")
    .replace("category: batik", "category: kuliner")
    .replace("lat: -7.47", "lat: -7.465")
)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("shops")
    content = write_content(tmp, {"kampung/batik.yaml": KAMPUNG + SHOP, "kampung/kue.yaml": FOOD})
    site = tmp / "srv" / "guide"
    result = run_build("build", "--content", str(content), "--out", str(site), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp / "srv")))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"origin": origin, "url": origin + "/guide/", "files": tmp}
    httpd.shutdown()
    httpd.server_close()


def test_a_place_to_buy_ticked_in_the_planner_is_a_stop_linking_its_entry(chromium, served):
    def check(browser):
        t = Tab(browser, served["origin"], served["files"]).open(served["url"] + "en/rencana/")
        t.page.check("#plan-k-kue")
        t.page.check("#plan-o-batik\\.1")
        names = t.page.eval_on_selector_all("#plan-stops .stop__name", "links => links.map(a => a.textContent)")
        assert names == ["Kampung Kue", "Shop · Test Batik Centre"]
        href = t.page.get_attribute("#plan-stops li:nth-child(2) .stop__name", "href")
        assert href == "../../en/kampung/batik/#beli-1"
        assert "stops=kue,batik.1" in t.page.url
        t.page.click("#plan-stops li:nth-child(2) .stop__name")
        t.page.wait_for_url("**/en/kampung/batik/#beli-1")
        assert t.page.is_visible("#beli-1") and "Test Batik Centre" in t.page.inner_text("#beli-1")
        t.close()

    chromium.run(check)


def test_the_kampung_map_shows_its_shop_with_its_own_marker(chromium, served):
    def check(browser):
        t = Tab(browser, served["origin"], served["files"]).open(served["url"] + "kampung/batik/")
        t.page.locator("#map[data-pins=ready]").wait_for(state="attached")  # every pin is on the map
        classes = t.page.eval_on_selector_all("#map .leaflet-marker-icon", "icons => icons.map(i => i.className)")
        # the kampung's round pin and one square shop marker; the showroom at the kampung's own pin has none
        assert sum("pin--batik" in c for c in classes) == 1 and sum("pin--_outlet" in c for c in classes) == 1
        radius = t.page.eval_on_selector("#map .pin--_outlet .pin__icon", "e => getComputedStyle(e).borderRadius")
        assert radius == "6px"
        t.page.click("#map .pin--_outlet")
        assert t.page.get_attribute(".leaflet-popup-content a", "href") == "#beli-1"
        t.close()

    chromium.run(check)

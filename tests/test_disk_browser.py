"""The site opened from disk (file://) in headless Chromium: every link to a folder must open its
index.html, also when it carries a query string or a fragment."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import run_build, write_content
from test_routes import FILES
from test_search_browser import Tab


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("disk")
    out = tmp / "site"
    result = run_build("build", "--content", str(write_content(tmp, FILES)), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_planner_link_of_a_route_opens_the_planner_with_its_stops(chromium, site):
    """`../../rencana/?stops=…` from a route page: the planner's index.html, the query kept."""

    def check(browser):
        route = (site / "en" / "rencana" / "keliling" / "index.html").as_uri()
        t = Tab(browser, "http://unused.invalid", site).open(route)
        link = t.page.locator("a.button[href*='stops=']")
        href = link.get_attribute("href")
        assert "rencana/index.html?stops=batik,pasar,tenun&" in href, href
        with t.page.expect_navigation():
            link.click()
        assert urlsplit(t.page.url).path.endswith("/en/rencana/index.html")
        assert parse_qs(urlsplit(t.page.url).query)["stops"] == ["batik,pasar,tenun"]
        t.page.wait_for_function("document.querySelectorAll('#plan-stops .stop__name').length === 3")
        assert t.page.is_checked("#plan-k-batik") and t.page.is_checked("#plan-k-tenun")
        t.close()

    chromium.run(check)


def test_folder_links_with_a_fragment_or_none_get_index_html(chromium, site):
    def check(browser):
        t = Tab(browser, "http://unused.invalid", site).open((site / "kampung" / "batik" / "index.html").as_uri())
        hrefs = t.page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        folders = [h for h in hrefs if not h.startswith(("#", "http", "mailto:", "tel:", "https:"))]
        assert folders and all("index.html" in h or not h.split("?")[0].split("#")[0].endswith("/") for h in folders)
        assert "#main" in hrefs  # a same-page link is left alone
        t.close()

    chromium.run(check)

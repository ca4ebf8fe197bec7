"""The built files themselves: valid HTML (Nu HTML Checker), links that lead somewhere, only expected outside
addresses, the site served under a sub-path and from disk, and vendored libraries equal to the pinned packages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .checkers import INSTALL_VNU, check_links, describe_vnu
from .harness import BASE_URL, ROOT, settle


@pytest.fixture(scope="module")
def links(built):
    return check_links(built.site, BASE_URL)


def test_every_page_is_valid_html(built, vnu):
    """The Nu HTML Checker (vnu-jar pinned in package.json) reports no error in any generated page."""
    assert len(list(built.site.rglob("*.html"))) >= 2 * len(built.facts.kampung)
    errors = vnu.errors_in(built.site)
    assert not errors, f"{len(errors)} HTML errors:\n  " + "\n  ".join(describe_vnu(m, built.site) for m in errors)


def test_every_internal_link_resolves(built, links):
    """Every href/src/srcset of every page, url() of every style sheet and pin link of every map leads to
    a file of the build (a folder through its index.html), and every #fragment to an id there."""
    report = links
    assert not report.broken, "broken links:\n  " + "\n  ".join(report.broken)
    pages = len(list(built.site.rglob("*.html")))
    assert report.checked > 10 * pages  # the checker really did read the pages
    # every pin on the overview maps (home, categories) links to its kampung, in every language
    facts = built.facts
    assert report.pin_links == len(facts.languages) * 2 * len(facts.kampung)


def allowed_outside(url: str, facts, tiles) -> bool:
    """The outside addresses the guide may link to or load."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme in ("tel", "mailto", "geo") or url in facts.sources:  # a cited report, linked from "Sources"
        return True
    if parts.scheme != "https":
        return False
    office = facts.office_website
    return (
        host in tiles  # map tiles
        or (host in ("www.google.com", "google.com") and parts.path.startswith("/maps"))  # directions
        or host in ("www.openstreetmap.org", "openstreetmap.org")  # directions, tile attribution
        or host == "wa.me"  # WhatsApp
        or (bool(office) and url.rstrip("/") == office.rstrip("/"))  # the tourism office
        or host == "leafletjs.com"
    )  # Leaflet's attribution


def test_outside_addresses_are_only_the_expected_ones(built, links):
    """Outside links: map apps, WhatsApp, phone, e-mail, the tourism office, tile host and attributions."""
    report = links
    unexpected = {
        url: where for url, where in report.external.items() if not allowed_outside(url, built.facts, built.tiles)
    }
    assert not unexpected, "unexpected outside addresses:\n  " + "\n  ".join(
        f"{url} (in {', '.join(sorted(set(where))[:3])})" for url, where in sorted(unexpected.items())
    )
    hosts = {urlsplit(url).hostname for url in report.external}
    assert built.tiles <= hosts and "www.google.com" in hosts  # the collector found them


@pytest.mark.parametrize("path", ["", "kampung/", "kampung/{slug}/", "en/kampung/{slug}/"])
def test_site_works_under_a_sub_path(visit, built, path):
    """Served under /guide/, pages load everything they need without a failed request."""
    slug = built.facts.kampung[-1].slug
    visit.open(built.sub_url(path.format(slug=slug)))
    assert visit.page.locator("main h1").count() == 1
    pins = {"": len(built.facts.kampung), "kampung/": 0}.get(path, 1)
    assert visit.page.locator("#map .leaflet-marker-icon").count() == pins
    visit.assert_clean()


def test_site_works_from_disk(visit, built):
    """Opened as a file, the home page's kampung card leads to the kampung page (site.js points it at index.html)."""
    page = visit.page
    response = page.goto((built.site / "index.html").as_uri())
    assert response is None or response.ok
    settle(page)
    card = page.locator(".card__link").first
    name = card.inner_text()
    assert card.get_attribute("href").endswith("/index.html")
    with page.expect_navigation(wait_until="domcontentloaded"):
        card.click()
    settle(page)
    assert page.url.startswith(built.site.as_uri() + "/") and page.url.endswith("/index.html")
    assert page.locator("main h1").inner_text() == name
    visit.assert_clean()


# The npm package each folder of assets/vendor/ is copied from (package.json pins the versions).
VENDOR_LICENCES = {"leaflet": "LICENSE", "leaflet.markercluster": "MIT-LICENCE.txt"}


@pytest.mark.parametrize("library", sorted(VENDOR_LICENCES))
def test_vendored_library_is_the_pinned_package(library):
    """Every file in assets/vendor/<library>/ is byte for byte the one in the pinned npm package."""
    vendored = ROOT / "assets" / "vendor" / library
    package = ROOT / "node_modules" / library
    if not package.is_dir():
        pytest.fail(f"node_modules/{library} is missing: {INSTALL_VNU}")
    files = sorted(p for p in vendored.rglob("*") if p.is_file())
    assert files
    differ = []
    for path in files:
        rel = path.relative_to(vendored).as_posix()
        source = package / VENDOR_LICENCES[library] if rel == "LICENSE" else package / "dist" / rel
        if not source.is_file() or source.read_bytes() != path.read_bytes():
            differ.append(f"assets/vendor/{library}/{rel} != {source.relative_to(ROOT)}")
    assert not differ, "\n".join(differ)

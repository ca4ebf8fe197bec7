"""The checks do find problems: a deliberately broken home page in a temp copy of the build (conftest's
`broken_site`: an image without alt, a link to a missing page, a stray </span>, a missing image, an outside
image, a script error, two small targets and a box wider than a phone)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from . import checkers
from .checkers import check_links, describe_vnu, run_vnu, small_targets
from .conftest import MISSING_PAGE, OUTSIDE_IMAGE, VnuRun
from .harness import BASE_URL, Server, settle, watch


def test_vnu_reports_the_stray_end_tag(vnu, broken_site):
    errors = vnu.errors_in(broken_site)
    described = [describe_vnu(m, broken_site) for m in errors]
    assert any("Stray end tag" in m["message"] and "span" in m["message"] for m in errors), described
    assert all(line.startswith("index.html:") for line in described), described


def test_missing_vnu_fails_the_test_with_the_install_command(monkeypatch, broken_site):
    monkeypatch.setattr(checkers, "VNU_JAR", checkers.ROOT / "node_modules" / "no-such-folder" / "vnu.jar")
    with pytest.raises(FileNotFoundError, match="npm ci --ignore-scripts"):
        run_vnu([broken_site / "index.html"])
    run = VnuRun([broken_site / "index.html"])
    with pytest.raises(pytest.fail.Exception, match="npm ci --ignore-scripts"):
        run.errors_in(broken_site)


def test_link_checker_reports_the_missing_page_and_image(broken_site):
    report = check_links(broken_site, BASE_URL)
    assert [line for line in report.broken if line.startswith("index.html:") and MISSING_PAGE in line], report.broken
    assert [line for line in report.broken if "assets/no-such-image.png" in line], report.broken
    assert OUTSIDE_IMAGE in report.external


def test_browser_checks_report_the_broken_page(context, built, broken_site):
    """axe reports the image without alt; the harness records the script error, the 404 and the outside
    request; at phone size the page scrolls sideways and the small targets are found."""
    page = context.new_page()
    with Server(broken_site) as server:
        problems = watch(page, {server.origin}, set(built.tiles))
        page.goto(server.origin + "/")
        settle(page)
        violations = Axe().run(page).response["violations"]
        page.set_viewport_size({"width": 360, "height": 740})
        width = page.evaluate("document.documentElement.scrollWidth")
        small = small_targets(page)
        page.evaluate("0")  # deliver events still in flight
        page.close()
    assert width > 360
    assert [s for s in small if 'id="tiny"' in s] and [s for s in small if 'id="flat"' in s], small
    image_alt = [v for v in violations if v["id"] == "image-alt"]
    assert image_alt and [n["target"] for n in image_alt[0]["nodes"]] == [["#no-alt"]], violations
    assert any("notAFunction" in e for e in problems.page_errors), problems
    assert any(e.startswith("404 ") and e.endswith("/assets/no-such-image.png") for e in problems.failed_requests), (
        problems
    )
    assert problems.outside_requests == [OUTSIDE_IMAGE], problems

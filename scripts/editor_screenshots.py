#!/usr/bin/env python3
"""Screenshots of the browser editor for the README: `python scripts/editor_screenshots.py`.

Serves a temp copy of content/ with `build.py serve` and photographs, with Debian's Chromium (map
tiles replaced by plain light grey, nothing fetched from the internet):
- docs/screenshots/editor-desktop.png (1280 x 800): a kampung's form, its languages side by side;
- docs/screenshots/editor-phone.png (360 px wide, 1600 px of the page): a new kampung on a phone,
  its pin just placed on the map, a wrong latitude explained beside the field.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from editor_support import serving  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from browser.harness import CONTENT, launch_chromium, png  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
GREY_TILE = png(256, 256, (221, 221, 221))


def context(browser, width: int, height: int):
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID", device_scale_factor=1)
    ctx.route(re.compile(r"^https://"), lambda route: route.fulfill(body=GREY_TILE, content_type="image/png"))
    return ctx


def desktop(browser, url: str) -> None:
    ctx = context(browser, 1280, 800)
    page = ctx.new_page()
    page.goto(url + "_editor/kampung/onde-onde/")
    page.wait_for_load_state("load")
    page.screenshot(path=str(OUT / "editor-desktop.png"))
    ctx.close()


def phone(browser, url: str) -> None:
    ctx = context(browser, 360, 740)
    page = ctx.new_page()
    page.goto(url + "_editor/new/kampung/")
    page.fill("#f-name-id", "Kampung Keramik")
    page.fill("#f-summary-id", "Kampung perajin keramik.")
    page.locator("#pinmap").scroll_into_view_if_needed()
    page.locator("#pinmap").click(position={"x": 190, "y": 150})
    expect(page.locator("#f-location-lat")).not_to_have_value("")
    page.fill("#f-location-lon", "1124.43")
    page.locator("#f-location-lon").blur()
    page.wait_for_selector("#f-location-lon[aria-invalid=true]")
    top = page.evaluate("document.getElementById('f-location').getBoundingClientRect().top + window.scrollY")
    page.evaluate("window.scrollTo(0, 0)")
    height = page.evaluate("document.documentElement.scrollHeight")
    start = max(0, min(int(top) - 120, height - 1600))
    page.screenshot(
        path=str(OUT / "editor-phone.png"), full_page=True, clip={"x": 0, "y": start, "width": 360, "height": 1600}
    )
    ctx.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(CONTENT, content)
        with serving(content) as served, sync_playwright() as p:
            browser = launch_chromium(p)
            desktop(browser, served.url)
            phone(browser, served.url)
            browser.close()
    print(f"wrote {OUT / 'editor-desktop.png'} and {OUT / 'editor-phone.png'}")


if __name__ == "__main__":
    main()

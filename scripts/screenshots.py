#!/usr/bin/env python3
"""Take phone and desktop screenshots of the sample site: `python scripts/screenshots.py`.

Builds content/ into a temp folder, serves it on 127.0.0.1, and photographs the home page, the
list and one kampung page with Debian's Chromium (map tiles are replaced by plain light grey, so
nothing is fetched from the internet). Writes docs/screenshots/<page>-phone.png (360 px wide, the
full page cut at 1600 px; the list page at 390 x 844, the first screen of a common phone, where its
search box must show) and <page>-desktop.png (1280 x 800), and offline-phone.png (the offline page,
one kampung saved) and map-offline-phone.png (a map without tiles and its notice). The category icons are emoji: install
Debian's fonts-noto-color-emoji first, or they show as empty boxes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser.harness import (  # noqa: E402 - tests/ has to be on sys.path first
    CONTENT,
    Server,
    finish_build,
    launch_chromium,
    png,
    read_facts,
    settle,
    start_build,
    tile_hosts,
    watch,
)

PHONE = {"width": 360, "height": 740}
FIRST_SCREEN = {"list": {"width": 390, "height": 844}}  # pages shot as one phone screen, not in full
DESKTOP = {"width": 1280, "height": 800}
PHONE_MAX_HEIGHT = 1600
GREY_TILE = png(256, 256, (221, 221, 221))


def pages_to_shoot(content: Path) -> dict[str, str]:
    """Screenshot name -> path of the page in the site (first language)."""
    facts = read_facts(content)
    stops = ",".join(k.slug for k in facts.kampung[:3])
    return {
        "home": "",
        "list": "kampung/",
        "kampung": f"kampung/{facts.kampung[0].slug}/",
        "search": "en/kampung/?q=batik",
        "plan": f"en/rencana/?stops={stops}&mode=walk&t=09:00",
    }


SCROLL_TO = {"rencana/": "#map"}  # pages whose interesting part is below the fold on a desktop


def shoot(browser, origin: str, tiles: set[str], path: str, viewport: dict, out: Path, full: bool) -> None:
    page = browser.new_page(viewport=viewport)
    problems = watch(page, {origin}, tiles, tile_png=GREY_TILE)
    page.goto(f"{origin}/{path}")
    settle(page)
    page.evaluate("document.fonts.ready.then(() => 0)")
    if full:
        height = min(page.evaluate("document.documentElement.scrollHeight"), PHONE_MAX_HEIGHT)
        page.screenshot(
            path=out,
            full_page=True,
            animations="disabled",
            clip={"x": 0, "y": 0, "width": viewport["width"], "height": height},
        )
    else:
        for marker, selector in SCROLL_TO.items():
            if marker in path:
                page.evaluate(f"document.querySelector({selector!r}).scrollIntoView({{block: 'center'}})")
                settle(page)
        page.screenshot(path=out, animations="disabled")
    page.close()
    for line in problems.lines():
        print(f"warning: {path or '/'}: {line}", file=sys.stderr)


def shoot_offline(browser, origin: str, content: Path, out: Path) -> list[Path]:
    """offline-phone.png: the offline page a never-opened page gets, one kampung saved and one opened before;
    map-offline-phone.png: a kampung page's map without tiles, with its notice under it."""
    facts = read_facts(content)
    first, second = facts.kampung[0], facts.kampung[1]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{origin}/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{origin}/kampung/{first.slug}/")
    page.locator("[data-save-offline]").click()
    page.wait_for_function("document.querySelector('.save-offline__status').textContent.length > 0")
    page.goto(f"{origin}/kampung/{facts.kampung[2].slug}/")  # opened, not saved: listed as recent
    context.set_offline(True)
    page.goto(f"{origin}/kampung/{second.slug}/")
    page.wait_for_function("document.querySelectorAll('[data-offline-list=saved] li').length > 0")
    page.evaluate("document.fonts.ready.then(() => 0)")
    shots = [out / "offline-phone.png", out / "map-offline-phone.png"]
    page.screenshot(path=shots[0], full_page=True, animations="disabled")
    context.close()
    page = browser.new_page(viewport=PHONE, has_touch=True, is_mobile=True)  # a phone: no keyboard hint
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort("internetdisconnected"))
    page.goto(f"{origin}/kampung/{first.slug}/")
    page.locator(".map-offline").wait_for()
    page.locator("#map .leaflet-marker-icon").first.click()
    page.wait_for_timeout(500)  # the map pans to show the popup
    # Not full_page: Chromium would drop the touch emulation while it captures (and show the keyboard hint).
    page.evaluate(
        "window.scrollTo(0, document.querySelector('.map-figure').getBoundingClientRect().top + scrollY - 70)"
    )
    page.screenshot(path=shots[1], animations="disabled")
    page.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=CONTENT, help="content folder (default: content)")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "docs" / "screenshots",
        help="folder for the PNG files (default: docs/screenshots)",
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        site = finish_build(start_build(Path(tmp) / "site", content=args.content.resolve()), Path(tmp) / "site")
        args.out.mkdir(parents=True, exist_ok=True)
        with Server(site) as server, sync_playwright() as p:
            browser = launch_chromium(p)
            for name, path in pages_to_shoot(args.content).items():
                phone = (FIRST_SCREEN[name], False) if name in FIRST_SCREEN else (PHONE, True)
                for size, viewport, full in (("phone", *phone), ("desktop", DESKTOP, False)):
                    out = args.out / f"{name}-{size}.png"
                    shoot(browser, server.origin, tile_hosts(site), path, viewport, out, full)
                    print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
            for out in shoot_offline(browser, server.origin, args.content, args.out):
                print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

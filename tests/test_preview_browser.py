"""`build.py serve` in Chromium with service workers allowed, as a user's browser has them: the
site's worker must not take over the preview (it held the live-reload streams, and after about
eight pages no page loaded any more)."""

import shutil

import pytest
from editor_support import serving

from browser.harness import CONTENT, TILE_PNG

PAGES = 20


@pytest.fixture
def preview(tmp_path):
    """The sample content served by a real `build.py serve` process on a free port."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with serving(content) as served:
        yield content, served.url


def site_links(page, origin: str) -> list[str]:
    """Addresses of the pages this page links to (not downloads, not anchors on the same page)."""
    return page.eval_on_selector_all(
        "main a[href], nav a[href]",
        """(links, origin) => links.map(a => a.href).filter(h => h.startsWith(origin)
            && !h.includes("#") && !h.includes("/_editor/") && /\\/(\\?.*)?$/.test(h))""",
        origin,
    )


def test_twenty_pages_load_and_the_last_still_reloads_itself(browser, preview):
    content, url = preview
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # service workers allowed
    context.route("https://**", lambda route: route.fulfill(body=TILE_PNG, content_type="image/png"))
    page = context.new_page()
    page.set_default_timeout(15_000)  # one page took 5 s and the tenth never came before the fix
    page.goto(url)
    seen = [page.url]
    for i in range(PAGES):
        links = [h for h in site_links(page, url) if h != page.url]
        target = links[(i * 5) % len(links)]
        page.evaluate("href => [...document.querySelectorAll('a[href]')].find(a => a.href === href).click()", target)
        page.wait_for_url(target)
        page.wait_for_load_state("load")
        seen.append(page.url)
    assert len(seen) == PAGES + 1
    # The site's worker, had it run, would have stored the shell in a cache named kampung-guide-…
    assert page.evaluate("caches.keys()") == []
    # And the page still hears about a rebuild: saving a profile reloads it.
    kampung = next(content.glob("kampung/*.yaml"))
    page.goto(url + f"kampung/{kampung.stem}/")
    page.evaluate("window.__before_reload = true")
    kampung.write_text(kampung.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    page.wait_for_function("window.__before_reload === undefined")
    context.close()

"""Every page kind in every language, in a real browser: runs cleanly, maps, language switch, phone layout, axe."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .checkers import small_targets
from .harness import settle
from .pages import FACTS, IDS, KIND_LANGS, expected_pins, kampung_path, page_path

MAP_KIND_LANGS = [(kind, lang) for kind, lang in KIND_LANGS if expected_pins(FACTS, kind)]
MAP_IDS = [f"{kind}-{lang}" for kind, lang in MAP_KIND_LANGS]
TWIN_KIND_LANGS = [(kind, lang) for kind, lang in KIND_LANGS if kind != "poster"]  # a poster has no twin
TWIN_IDS = [f"{kind}-{lang}" for kind, lang in TWIN_KIND_LANGS]

PHONE = {"width": 360, "height": 740}
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
MAX_TABS = 80  # more Tab presses than the page has stops before its map's pins


def address(built, kind: str, lang: str) -> str:
    """The 404 page carries <base href="/guide/">, so it is opened where that is right: under /guide/."""
    path = page_path(FACTS, kind, lang)
    assert (built.site / (path if path.endswith(".html") else path + "index.html")).is_file(), path
    return built.sub_url(path) if kind == "404" else built.url(path)


def other_language(lang: str) -> str:
    return next(other for other in FACTS.languages if other != lang)


@pytest.mark.parametrize(("kind", "lang"), KIND_LANGS, ids=IDS)
def test_page_runs_cleanly_and_axe_finds_nothing(visit, built, kind, lang):
    """No console error, script error, failed request or outside request (but stubbed tiles); the right
    <html lang>; and axe-core (WCAG 2.2 target-size rule on) finds nothing at desktop and phone sizes."""
    page = visit.page
    visit.open(address(built, kind, lang))
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("main h1").count() == 1
    if not expected_pins(FACTS, kind):
        assert page.locator("#map").count() == 0, "a map on a page that should have none"
    found = []
    for viewport in (None, PHONE):
        if viewport:
            page.set_viewport_size(viewport)
        for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]:
            found.append(
                f"[{'phone' if viewport else 'desktop'}] {v['id']} ({v['impact']}): {v['help']}: "
                + "; ".join(" ".join(n["target"]) for n in v["nodes"])
            )
    assert not found, f"{page.url}:\n  " + "\n  ".join(found)
    visit.assert_clean()


@pytest.mark.parametrize(("kind", "lang"), MAP_KIND_LANGS, ids=MAP_IDS)
def test_map_pins(visit, built, kind, lang):
    """One pin per kampung shown; each named, focusable, and opening a popup (with the right link on overviews)."""
    pins = expected_pins(FACTS, kind)
    visit.open(address(built, kind, lang))
    page = visit.page
    markers = page.locator("#map .leaflet-marker-icon:not(.pin--_outlet)")  # a kampung's shops: test_sources_browser
    assert markers.count() == len(pins)
    titles = [markers.nth(i).get_attribute("title") or "" for i in range(markers.count())]
    assert sorted(titles) == sorted(k.name(lang) for k in pins)
    assert [markers.nth(i).get_attribute("tabindex") for i in range(markers.count())] == ["0"] * len(pins)
    # The map's box cannot be scrolled: a tap on a popup button half out of sight would focus it, scroll
    # the box to show it, and Leaflet would snap the box back between press and release: a lost tap.
    assert (
        page.locator("#map").evaluate(
            "m => { m.scrollTop = 40; m.scrollLeft = 40; return m.scrollTop + m.scrollLeft; }"
        )
        == 0
    )
    by_name = {k.name(lang): k for k in pins}
    popup = page.locator(".leaflet-popup-content")
    for i in range(markers.count()):
        markers.nth(i).click()
        kampung = by_name[titles[i]]
        expect(popup).to_have_count(1)
        assert kampung.name(lang) in popup.inner_text()
        link = popup.locator("a")
        if kind == "kampung":
            assert link.count() == 0, "a kampung page's own pin needs no link to itself"
        else:
            assert link.evaluate("a => a.href") == built.url(kampung_path(FACTS, lang, kampung.slug))
        page.locator(".leaflet-popup-close-button").click()
        expect(popup).to_have_count(0)
    visit.assert_clean()


@pytest.mark.parametrize(("kind", "lang"), MAP_KIND_LANGS, ids=MAP_IDS)
def test_map_pins_work_from_keyboard(visit, built, kind, lang):
    """Tab reaches a pin; Enter opens its popup; on an overview its link leads to that kampung's page."""
    visit.open(address(built, kind, lang))
    page = visit.page
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')"):
            break
    else:
        pytest.fail(f"{MAX_TABS} Tab presses did not reach a map pin")
    name = page.evaluate("document.activeElement.title")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_have_count(1)
    assert name in popup.inner_text()
    if kind != "kampung":
        kampung = next(k for k in expected_pins(FACTS, kind) if k.name(lang) == name)
        with page.expect_navigation(wait_until="domcontentloaded"):
            popup.locator("a").click()
        settle(page)
        assert page.url == built.url(kampung_path(FACTS, lang, kampung.slug))
        assert page.locator("main h1").inner_text() == name
    visit.assert_clean()


@pytest.mark.parametrize(("kind", "lang"), TWIN_KIND_LANGS, ids=TWIN_IDS)
def test_language_switch_leads_to_twin(visit, built, kind, lang):
    """The language link goes to the same page in the other language (whose own link is the other case)."""
    other = other_language(lang)
    twin = address(built, kind, other)
    visit.open(address(built, kind, lang))
    page = visit.page
    switch = page.locator("nav.lang-switch a")
    assert switch.count() == len(FACTS.languages) - 1
    assert switch.first.get_attribute("hreflang") == other
    with page.expect_navigation(wait_until="domcontentloaded"):
        switch.first.click()
    settle(page)
    assert page.url == twin
    assert page.evaluate("document.documentElement.lang") == other
    visit.assert_clean()


@pytest.mark.parametrize(("kind", "lang"), KIND_LANGS, ids=IDS)
def test_phone_layout(visit, built, kind, lang):
    """At 360 x 740: no sideways scrolling; targets at least 24 x 24 px, thumb targets 44 px tall."""
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.open(address(built, kind, lang))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide at a {PHONE['width']}px viewport"
    small = small_targets(page)
    if expected_pins(FACTS, kind):  # measure an open popup's link and close button too
        page.locator("#map .leaflet-marker-icon").first.click()
        small += small_targets(page)
    assert not small, "targets too small:\n  " + "\n  ".join(dict.fromkeys(small))
    visit.assert_clean()


def test_missing_address_gets_working_404_page(visit, built):
    """Under /guide/ an unknown address gets the 404 page, styled; its skip link stays on that page."""
    missing = built.sub_url(f"{FACTS.prefix(FACTS.languages[0])}kampung/no-such-kampung/")
    visit.open(missing, status=404)
    page = visit.page
    assert page.evaluate("document.body.className") == "page-404"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    ), "the style sheet did not apply"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    # With <base href="/guide/"> a bare "#main" would mean /guide/#main: the home page.
    assert page.evaluate("document.activeElement.href") == missing + "#main", "the skip link leaves the page"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main'")
    assert page.url == missing + "#main"
    visit.assert_clean()

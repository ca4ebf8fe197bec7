"""Maps on weak data, from the keyboard and on touch screens, on the sample site.

- Without tiles the map says it is offline, and that notice covers neither the zoom buttons nor a
  pin's popup (on weak data this is most of the time).
- After Enter on a pin, Tab goes into its popup (its link) and then on to the next pin.
- The "press Tab to move between pins" hint is for keyboards: touch screens do not show it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .harness import settle
from .pages import FACTS, expected_pins, page_path

HOME = page_path(FACTS, "home", FACTS.languages[0])
KAMPUNG = page_path(FACTS, "kampung", FACTS.languages[0])
PHONE = {"width": 360, "height": 740}


def rect(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }"
    )


def overlap(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.fixture
def tileless(context, built):
    """A phone-sized page of the sample site whose map tiles all fail, as without internet."""
    page = context.new_page()
    page.set_viewport_size(PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith(built.root_origin + "/"):
            r.continue_()
        else:
            r.abort("internetdisconnected")

    page.route("**/*", route)
    yield page
    page.close()
    assert errors == []


@pytest.mark.parametrize("path", [KAMPUNG, HOME])
def test_the_offline_notice_covers_no_button_and_no_popup(tileless, built, path):
    page = tileless
    page.goto(built.url(path))
    page.locator("#map").scroll_into_view_if_needed()  # made as it nears the screen
    notice = page.locator(".map-offline")
    expect(notice).to_be_visible()
    assert notice.inner_text() == page.locator("#map").get_attribute("data-offline")
    zoom_in = page.locator(".leaflet-control-zoom-in")
    expect(zoom_in).to_be_visible()
    assert not overlap(rect(notice), rect(zoom_in)), "the notice covers the zoom-in button"
    marker = page.locator("#map .leaflet-marker-icon").first
    marker.click()
    popup = page.locator(".leaflet-popup-content-wrapper")
    expect(popup).to_be_visible()
    page.wait_for_timeout(400)  # the map pans to show the popup
    assert not overlap(rect(notice), rect(popup)), "the notice covers the popup"
    map_box = rect(page.locator("#map"))
    assert rect(popup)["t"] >= map_box["t"], "the popup's top is cut off"


def test_after_enter_on_a_pin_tab_goes_into_its_popup_then_to_the_next_pin(visit, built):
    """On the home page's overview map (one pin per kampung): pin, Enter, Tab = the popup's link."""
    assert len(expected_pins(FACTS, "home")) > 1
    page = visit.page
    visit.open(built.url(HOME))
    page.locator("#map .leaflet-marker-icon").first.focus()
    first = page.evaluate("document.activeElement.title")
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_have_count(1)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.closest('.leaflet-popup') !== null, document.activeElement.textContent]"
    )
    assert focused == [True, first], "Tab after Enter did not go into the pin's popup"
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.keyboard.press("Enter")
    settle(page)
    assert page.locator("main h1").inner_text() == first
    visit.assert_clean()


def test_tab_leaves_the_popup_for_the_next_pin_and_shift_tab_comes_back(visit, built):
    page = visit.page
    visit.open(built.url(HOME))
    titles = page.eval_on_selector_all("#map .leaflet-marker-icon", "ms => ms.map(m => m.title)")
    page.locator("#map .leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_have_count(1)

    def focused() -> str:
        return page.evaluate(
            "(e => e.closest('.leaflet-popup') ? 'popup ' + (e.className || e.textContent)"
            " : e.classList.contains('leaflet-marker-icon') ? 'pin ' + e.title : e.tagName)(document.activeElement)"
        )

    seen = []
    for key in ("Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"):
        page.keyboard.press(key)
        seen.append(focused())
    link, close = f"popup {titles[0]}", "popup leaflet-popup-close-button"
    assert seen == [link, close, f"pin {titles[1]}", close, link, f"pin {titles[0]}"]
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup-content")).to_have_count(0)
    assert focused() == f"pin {titles[0]}", "Escape did not return to the pin"
    visit.assert_clean()


def test_the_keyboard_hint_shows_with_a_mouse_and_not_on_touch_screens(browser, built):
    hint = ".map-figure__caption"
    for touch, shown in ((False, True), (True, False)):
        context = browser.new_context(viewport=PHONE, has_touch=touch, is_mobile=touch, service_workers="block")
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(built.root_origin) else r.abort())
        page.goto(built.url(KAMPUNG))
        assert page.locator(hint).count() == 1
        assert page.locator(hint).is_visible() is shown, f"touch={touch}"
        context.close()

"""The browser editor walked as an office worker would, in Debian's Chromium against a real
`build.py serve`: a new kampung from scratch (pin placed on the map, a phone photo uploaded), a
one-line change to a commented profile, a wrong latitude, a colleague's change on disk while the
form is open, and publishing to a local bare repository. axe finds nothing on any editor page."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from editor_support import git, make_project, photo_with_gps, serving
from PIL import Image
from playwright.sync_api import expect

from browser.harness import TILE_PNG
from conftest import ROOT

PHONE = {"width": 360, "height": 740}
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """One project and server for the module: each test works on its own profile (editor_support.PROFILES)."""
    content, remote = make_project(tmp_path_factory.mktemp("editor"))
    with serving(content) as served:
        yield served, remote


@pytest.fixture
def tab(browser, project):
    """A browser page in Indonesian (the sample site's messages language), tiles stubbed, errors recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    context.route(re.compile(r"^https://"), lambda route: route.fulfill(body=TILE_PNG, content_type="image/png"))
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 4" not in m.text else None)
    yield page, project[0], project[1], errors
    context.close()


def wait_checked(page) -> None:
    """Wait until the check after the last keystroke has answered (no waiting function is evaluated in
    the page: the editor's Content-Security-Policy forbids that, as it should)."""
    expect(page.locator("#edit-form")).not_to_have_attribute("data-checking", "")


def test_a_new_kampung_from_scratch_with_a_pin_and_a_phone_photo(tab):
    page, served, _, errors = tab
    page.goto(served.url + "_editor/")
    page.get_by_role("link", name="Kampung baru").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kampung baru")
    page.fill("#f-name-id", "Kampung Keramik Uji")
    page.fill("#f-name-en", "Kampung Keramik Uji")
    page.select_option("#f-category", "kuliner")
    page.fill("#f-summary-id", "Kampung rekaan tempat perajin membuat keramik.")
    page.fill("#f-summary-en", "A made-up kampung where potters make ceramics.")
    page.fill("#f-description-id", "Kampung rekaan untuk pengujian editor.\n\nPerajin membuat **keramik**.")
    wait_checked(page)
    expect(page.locator("#f-_slug")).to_have_value("keramik-uji")  # suggested from the name
    expect(page.locator("#f-description-id-preview strong")).to_have_text("keramik")  # the Markdown, rendered

    lat, lon = page.locator("#f-location-lat"), page.locator("#f-location-lon")
    expect(lat).to_have_value("")
    page.locator("#pinmap").click(position={"x": 300, "y": 120})
    expect(lat).not_to_have_value("")
    placed = float(lat.input_value()), float(lon.input_value())
    assert -7.6 < placed[0] < -7.3 and 112.3 < placed[1] < 112.6, placed
    page.check("#f-location-approximate")

    page.set_input_files(
        "#photo-upload", files=[{"name": "../../IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}]
    )
    alt = page.locator("#f-photos-0-alt-id")
    expect(alt).to_be_focused()  # the alt text is the next thing to type
    expect(page.locator("#f-photos-0-file")).to_have_value("keramik-uji-1.jpg")  # the server's name
    alt.fill("Ilustrasi kendi keramik di atas meja")
    wait_checked(page)
    page.get_by_role("button", name="Simpan").last.click()

    expect(page).to_have_url(re.compile(r"/_editor/kampung/keramik-uji/\?saved=1$"))
    expect(page.get_by_role("status").first).to_contain_text("Tersimpan")
    profile = served.content / "kampung" / "keramik-uji.yaml"
    text = profile.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../kampung.schema.json\n")
    assert f"lat: {lat.input_value()}" in text and "file: keramik-uji-1.jpg" in text

    stored = Image.open(served.content / "images" / "keramik-uji-1.jpg")
    assert stored.size == (900, 1200), "turned upright"
    assert not stored.getexif() and "exif" not in stored.info, "GPS and every other EXIF tag removed"

    page.goto(served.url + "kampung/keramik-uji/")  # the preview shows the new kampung
    expect(page.get_by_role("heading", level=1)).to_have_text("Kampung Keramik Uji")
    check = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--content", str(served.content)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert not [line for line in check.stderr.splitlines() if "keramik-uji" in line and "peringatan" not in line]
    assert errors == []


def test_one_changed_field_of_a_commented_profile_is_a_one_line_diff(tab):
    page, served, _, errors = tab
    page.goto(served.url + "_editor/kampung/gerabah-uji/")
    page.fill("#f-summary-en", "A made-up kampung where potters shape and fire earthenware.")
    page.get_by_role("button", name="Simpan").last.click()
    expect(page).to_have_url(re.compile(r"\?saved=1$"))
    diff = git(served.content.parent, "diff", "--unified=0", "--", "content/kampung/gerabah-uji.yaml")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "-  en: A made-up kampung where potters make earthenware.",
        "+  en: A made-up kampung where potters shape and fire earthenware.",
    ]
    page.get_by_role("button", name="Batalkan simpanan terakhir").click()  # and back again
    expect(page).to_have_url(re.compile(r"\?undone=1$"))
    assert git(served.content.parent, "status", "--porcelain", "--", "content/kampung/gerabah-uji.yaml") == ""
    assert errors == []


def test_a_latitude_of_999_is_explained_beside_the_field_and_nothing_is_written(tab):
    page, served, _, errors = tab
    profile = served.content / "kampung" / "onde-onde.yaml"
    before = profile.read_bytes()
    page.goto(served.url + "_editor/kampung/onde-onde/")
    field = page.locator("#f-location-lat")
    field.fill("999")
    expect(field).to_have_attribute("aria-invalid", "true")  # while typing, before any save
    message = "999 bukan garis lintang (harus antara -90 dan 90)"
    expect(page.locator("#f-location-lat-problems")).to_contain_text(message)
    page.get_by_role("button", name="Simpan").last.click()
    expect(page.locator("#summary")).to_be_focused()  # the refused save starts at the list of problems
    expect(page.locator("#summary")).to_contain_text(message)
    expect(field).to_have_value("999")  # the draft stays in the form
    described = field.get_attribute("aria-describedby").split()
    assert any(message in page.locator(f"#{id_}").inner_text() for id_ in described)
    assert profile.read_bytes() == before
    assert errors == []


def test_a_change_on_disk_while_the_form_is_open_is_never_overwritten(tab):
    page, served, _, errors = tab
    profile = served.content / "kampung" / "tenun-uji.yaml"
    page.goto(served.url + "_editor/kampung/tenun-uji/")
    page.fill("#f-summary-en", "My summary, typed in the form.")
    colleague = profile.read_text(encoding="utf-8").replace("tags: [tenun, uji]", "tags: [tenun, uji, kendi]")
    profile.write_text(colleague, encoding="utf-8")  # a colleague's text editor saves meanwhile
    page.get_by_role("button", name="Simpan").last.click()
    expect(page.get_by_role("heading", name="Berkas ini berubah sejak Anda membukanya")).to_be_visible()
    expect(page.locator(".diff .diff-del")).to_contain_text(["tags: [tenun, uji, kendi]"])
    expect(page.locator("#f-summary-en")).to_have_value("My summary, typed in the form.")
    assert profile.read_text(encoding="utf-8") == colleague
    page.get_by_role("button", name="Gabungkan perubahan saya ke berkas yang sekarang").click()
    expect(page.locator("#f-tags-2")).to_have_value("kendi")  # theirs
    expect(page.locator("#f-summary-en")).to_have_value("My summary, typed in the form.")  # mine
    page.get_by_role("button", name="Simpan").last.click()
    expect(page).to_have_url(re.compile(r"\?saved=1$"))
    text = profile.read_text(encoding="utf-8")
    assert "kendi" in text and "My summary, typed in the form." in text
    assert errors == []


def test_publish_sends_the_change_to_the_remote(tab):
    page, served, remote, errors = tab
    page.goto(served.url + "_editor/kampung/anyaman-uji/")
    page.fill("#f-opening_hours", "Mo-Sa 08:00-15:00; Su off")
    expect(page.locator("#f-opening_hours-week")).to_contain_text("Senin")  # the week the text means
    page.get_by_role("button", name="Simpan").last.click()
    expect(page).to_have_url(re.compile(r"\?saved=1$"))
    page.get_by_role("link", name="Terbitkan").click()
    change = page.locator(".change").filter(has_text="Kampung Anyaman Uji")
    expect(change).to_contain_text("Diubah")
    expect(change).to_contain_text("Jam buka")  # the field, in plain words
    page.fill("#message", "Jam buka Kampung Anyaman Uji")
    page.get_by_role("button", name=re.compile("^Terbitkan ke origin")).click()
    expect(page.locator("#outcome")).to_contain_text("Terbit: 1 simpanan terkirim")
    assert git(remote, "log", "-1", "--format=%s", "main").strip() == "Jam buka Kampung Anyaman Uji"
    files = git(remote, "show", "--name-only", "--format=", "main").split()
    assert "content/kampung/anyaman-uji.yaml" in files and all(f.startswith("content/") for f in files), files
    assert git(served.content.parent, "status", "--porcelain", "--", "content") == ""
    assert errors == []


def test_keyboard_alone_adds_and_fills_a_product(tab):
    page, served, _, errors = tab
    page.goto(served.url + "_editor/kampung/ukir-uji/")
    add = page.get_by_role("button", name="Tambah produk")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#f-products-0-name-id")).to_be_focused()
    page.keyboard.type("Kendi")
    wait_checked(page)
    page.keyboard.press("Tab")
    expect(page.locator("#f-products-0-name-en")).to_be_focused()
    remove = page.get_by_role("button", name="Hapus: Produk 1")
    remove.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#f-products-0-name-id")).to_have_count(0)
    expect(add).to_be_focused()
    assert errors == []


EDITOR_PAGES = [
    "_editor/",
    "_editor/kampung/onde-onde/",
    "_editor/new/kampung/",
    "_editor/route/jalan-pagi/",
    "_editor/page/tentang/",
    "_editor/category/batik/",
    "_editor/site/",
    "_editor/publish/",
    "_editor/kampung/onde-onde/text/",
    "_editor/new/route/",
]


def axe_violations(page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(" ".join(n["target"]) for n in v["nodes"])
        for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_editor_page_passes_axe_and_fits_a_phone(tab, lang):
    page, served, _, errors = tab
    page.goto(served.url + f"_editor/?lang={lang}")
    found = []
    for path in EDITOR_PAGES:
        for viewport in ({"width": 1280, "height": 900}, PHONE):
            page.set_viewport_size(viewport)
            page.goto(served.url + path)
            if path == "_editor/kampung/onde-onde/":  # with problems shown beside their fields
                page.fill("#f-location-lat", "999")
                expect(page.locator("#f-location-lat")).to_have_attribute("aria-invalid", "true")
            assert page.evaluate("document.documentElement.lang") == lang
            # At the end of the page the sticky save bar rests in its place: at the top it lies over
            # whatever reaches the bottom of a phone's screen, which axe would count as a hidden target
            # (a visitor scrolls; a focused field scrolls clear of the bar by the page's scroll padding).
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            found += [f"{path} {viewport['width']}px: {v}" for v in axe_violations(page)]
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > viewport["width"]:
                found.append(f"{path} {viewport['width']}px: the page is {wide} px wide")
    assert not found, "\n".join(found)
    assert errors == []


def test_the_preview_links_each_page_to_its_form(tab):
    page, served, _, errors = tab
    page.goto(served.url + "en/kampung/onde-onde/")
    page.get_by_role("link", name="✎ Edit in the editor").click()
    expect(page).to_have_url(served.url + "_editor/kampung/onde-onde/")
    assert errors == []


def test_photos_too_large_are_refused_before_sending(tab):
    page, served, _, errors = tab
    page.goto(served.url + "_editor/kampung/gerabah-uji/")
    before = sorted(p.name for p in (served.content / "images").iterdir())
    big = io.BytesIO()
    big.write(b"\xff\xd8" + b"\0" * 15_100_000)
    page.set_input_files(
        "#photo-upload", files=[{"name": "big.jpg", "mimeType": "image/jpeg", "buffer": big.getvalue()}]
    )
    expect(page.locator("#upload-status")).to_contain_text("lebih dari 15 MB")
    assert sorted(p.name for p in (served.content / "images").iterdir()) == before
    assert errors == []

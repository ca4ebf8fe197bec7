"""Rebuilds that re-render only what changed equal a clean build, byte for byte; so do parallel builds."""

import shutil

import pytest

from kampung_guide.pipeline import (
    SiteBuild,
    affected_keys,
    build_files,
    chunk_ranges,
    rebuild_files,
)
from kampung_guide.plan.pages import KINDS, AnyPage, Page
from kampung_guide.plan.site import load_site
from kampung_guide.util.fork import HELPERS_FROM, POOL_FROM
from kampung_guide.validate.model import Kampung

from conftest import ROOT

SAMPLE = ROOT / "content"


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(SAMPLE, folder)
    return folder


def load(folder, cache=None):
    site, report = load_site(folder, cache=cache)
    assert site is not None, [p.render() for p in report.errors]
    return site


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    "summary": lambda c: (
        edit(c / "kampung/onde-onde.yaml", "summary:", "summary:\n  # edited\n")
        or edit(c / "kampung/onde-onde.yaml", "  en: ", "  en: Freshly edited. ")
    ),
    "moved": lambda c: edit(c / "kampung/hidroponik.yaml", "lat: -7.", "lat: -7.0"),
    "category": lambda c: edit(c / "kampung/alas-sandal.yaml", "category: alas-kaki", "category: kuliner"),
    "added": lambda c: shutil.copy(c / "kampung/onde-onde.yaml", c / "kampung/onde-onde-kedua.yaml"),
    "removed": lambda c: (c / "kampung/cor-kuningan.yaml").unlink(),
    "renamed": lambda c: edit(
        c / "kampung/batik-majapahit.yaml", "name: Kampung Batik Majapahit", "name: Kampung Batik"
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_rebuild_equals_clean_build(content, change):
    cache: dict = {}
    before = SiteBuild(load(content, cache), content, "https://example.org/")
    files = dict(before.files())
    CHANGES[change](content)
    site = load(content, cache)
    keys = affected_keys(before, SiteBuild(site, content, "https://example.org/"))
    assert keys is not None and keys, "a profile change re-renders some pages, not all and not none"
    _, rebuilt = rebuild_files(before, files, site)
    clean = dict(build_files(load(content), content, "https://example.org/"))
    assert sorted(rebuilt) == sorted(clean)
    assert [path for path in clean if rebuilt[path] != clean[path]] == []


def test_a_new_photo_and_then_a_profile_showing_it_rebuild_as_a_clean_build(content):
    """The editor stores an upload first (a photo no page shows: nothing to re-render), then saves the
    profile that lists it (that profile's pages); each rebuild equals a clean build."""
    cache: dict = {}
    build = SiteBuild(load(content, cache), content, "https://example.org/")
    files = dict(build.files())
    shutil.copy(content / "images/onde-onde-1.jpg", content / "images/onde-onde-2.jpg")
    site = load(content, cache)
    assert affected_keys(build, SiteBuild(site, content, "https://example.org/")) == set()
    build, files = rebuild_files(build, files, site)
    assert sorted(files) == sorted(dict(build_files(load(content), content, "https://example.org/")))
    edit(
        content / "kampung/onde-onde.yaml",
        "tags:",
        "  - file: onde-onde-2.jpg\n    alt: {id: Foto kedua, en: A second photo}\ntags:",
    )
    site = load(content, cache)
    keys = affected_keys(build, SiteBuild(site, content, "https://example.org/"))
    assert keys is not None and "kampung/onde-onde/" in keys and "tentang/" not in keys
    _, files = rebuild_files(build, files, site)
    clean = dict(build_files(load(content), content, "https://example.org/"))
    assert "images/onde-onde-2-480.webp" in clean and sorted(files) == sorted(clean)
    assert [path for path in clean if files[path] != clean[path]] == []


def test_a_new_photo_keeps_every_checked_profile_but_a_removed_one_is_reported(content):
    """The loader's cache does not start over when a photo no profile lists arrives (an upload); a
    profile whose own photo went is checked again."""
    cache: dict = {}
    site = load(content, cache)
    shutil.copy(content / "images/onde-onde-1.jpg", content / "images/baru-1.jpg")
    again = load(content, cache)
    assert all(a is b for a, b in zip(site.kampung, again.kampung, strict=True))
    (content / "images/onde-onde-1.jpg").unlink()
    broken, report = load_site(content, cache=cache)
    assert broken is None and [p.key for p in report.errors] == ["photo_missing"]


def test_only_dependent_pages_are_re_rendered(content):
    before = SiteBuild(load(content), content, None)
    edit(content / "kampung/onde-onde.yaml", "  en: ", "  en: Freshly edited. ")
    keys = affected_keys(before, SiteBuild(load(content), content, None))
    assert keys is not None
    assert {"", "kampung/", "kampung/onde-onde/", "kategori/kuliner/"} <= keys
    assert "kategori/batik/" not in keys and "tentang/" not in keys
    assert len(keys) < len({p.key for p in before.pages})


def test_settings_change_means_a_full_build(content):
    before = SiteBuild(load(content), content, None)
    edit(content / "site.yaml", "zoom: 14", "zoom: 13")
    assert affected_keys(before, SiteBuild(load(content), content, None)) is None


def test_parallel_build_equals_one_process(tmp_path):
    from bench.generate import generate

    folder = generate(tmp_path / "many", HELPERS_FROM)
    site = load(folder)
    one = list(build_files(site, folder, "https://example.org/", workers=1))
    two = list(build_files(site, folder, "https://example.org/", workers=2))
    assert sum(name.endswith(".html") for name, _ in one) >= POOL_FROM  # two processes really render
    assert len(site.kampung) >= HELPERS_FROM  # and others make the search index and open data
    assert [name for name, _ in one] == [name for name, _ in two]
    assert [name for (name, a), (_, b) in zip(one, two, strict=True) if a != b] == []


def test_a_renamed_category_reaches_the_cards_of_unchanged_profiles(content):
    """Unchanged profiles keep their objects across a category rename (the loader's cache), so what
    the preview kept from them (cards, pins, search rows) must not outlive the old name."""
    cache: dict = {}
    build = SiteBuild(load(content, cache), content, "https://example.org/")
    files = dict(build.files())
    edit(content / "categories.yaml", "name: {id: Alas Kaki, en: Footwear}", "name: {id: Sandal dan Sepatu, en: Shoes}")
    build, files = rebuild_files(build, files, load(content, cache))
    edit(content / "kampung/onde-onde.yaml", "  en: ", "  en: Freshly edited. ")
    _, files = rebuild_files(build, files, load(content, cache))
    clean = dict(build_files(load(content), content, "https://example.org/"))
    assert b"Sandal dan Sepatu" in clean["index.html"] and b"Alas Kaki" not in clean["index.html"]
    assert sorted(files) == sorted(clean)
    assert [path for path in clean if files[path] != clean[path]] == []


def test_render_chunks_keep_a_kampungs_pages_together(content):
    """Workers get whole kampung (pages and poster share QR codes), and every page exactly once."""
    pages = SiteBuild(load(content), content, None).pages
    chunks = list(chunk_ranges(pages, 2, 2, 2))
    assert [i for chunk in chunks for i in chunk] == list(range(len(pages)))
    owner: dict[str, int] = {}
    for n, chunk in enumerate(chunks):
        for i in chunk:
            if pages[i].kind.name in ("kampung", "poster"):
                k = pages[i].obj
                assert isinstance(k, Kampung)
                assert owner.setdefault(k.slug, n) == n, f"{k.slug} split across chunks"
    assert len(owner) >= 2 and all(len(chunk) <= 3 for chunk in chunks)


def test_render_chunks_shrink_towards_the_end():
    """Large chunks while many pages remain, the smallest at the end, every page once, in order."""
    pages: list[AnyPage] = [Page(f"{i}/", "id", KINDS["page"]) for i in range(3000)]
    sizes = [len(chunk) for chunk in chunk_ranges(pages, 2, 8, 64)]
    assert sum(sizes) == 3000 and sizes[0] == 64 and sizes[-2] == 8
    assert sizes == sorted(sizes, reverse=True)

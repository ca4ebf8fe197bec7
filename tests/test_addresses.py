"""Every address of the site comes from plan/pages.py: the link check, the links in pages and the
kinds of page all ask it."""

from __future__ import annotations

import pytest

from kampung_guide.plan import pages
from kampung_guide.plan.site import load_site
from kampung_guide.render import views

from conftest import JPEG, KAMPUNG, run_build, write_content

PHOTO = "photos:\n  - file: batik-1.jpg\n    alt: Kain batik\n"


def with_links(*targets: str) -> str:
    lines = "".join(f"    [{i}]({target})\n" for i, target in enumerate(targets))
    text = KAMPUNG.replace("    Batik tulis dibuat di sini.\n", "    Batik tulis dibuat di sini.\n" + lines)
    return text.replace("    Hand-drawn batik is made here.\n", "    Hand-drawn batik is made here.\n" + lines) + PHOTO


@pytest.mark.parametrize(
    "target",
    [
        "/poster/",
        "/kampung/batik/poster.html",
        "/data/kampung.geojson",
        "/data/kampung.json#features",
        "/images/batik-1-960.webp",
        "/images/batik-1-480.jpg",
        "/kategori/batik/",
        "/rencana/",
    ],
)
def test_a_link_to_any_real_address_is_accepted(tmp_path, target):
    content = write_content(tmp_path, {"kampung/batik.yaml": with_links(target), "images/batik-1.jpg": JPEG})
    site, report = load_site(content)
    assert site is not None and not report.errors, [p.render("en") for p in report.errors]


@pytest.mark.parametrize(
    "target", ["/posters/", "/data/kampung.csv", "/images/batik-1.jpg", "/images/batik-1-1600.webp"]
)
def test_a_link_to_an_address_the_site_does_not_have_is_refused(tmp_path, target):
    """The original photo is never published, and a 1000 px photo has no 1600 px variant."""
    content = write_content(tmp_path, {"kampung/batik.yaml": with_links(target), "images/batik-1.jpg": JPEG})
    site, report = load_site(content)
    assert site is None and [p.key for p in report.errors] == ["broken_link", "broken_link"]  # id and en


def test_links_to_shared_files_skip_the_language_folder(tmp_path):
    """On an English page a link to a page leads to its English twin; a data file or poster exists
    once, at the root."""
    content = write_content(
        tmp_path,
        {
            "kampung/batik.yaml": with_links("/kampung/batik/", "/data/kampung.json", "/kampung/batik/poster.html"),
            "images/batik-1.jpg": JPEG,
        },
    )
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    english = (out / "en/kampung/batik/index.html").read_text(encoding="utf-8")
    assert 'href="../../../en/kampung/batik/"' in english
    assert 'href="../../../data/kampung.json"' in english and 'href="../../../kampung/batik/poster.html"' in english


def test_a_new_kind_of_page_is_a_row_a_view_and_a_template(tmp_path, monkeypatch):
    """A throwaway kind ("hello"): one row in KINDS, one view, one template, and a page planned for it."""
    monkeypatch.setitem(pages.KINDS, "hello", pages.Kind("hello", "hello.html", sitemap=False))
    monkeypatch.setitem(
        views.VIEWS, "hello", lambda page, ctx: {"title": "Hello", "description": "", "greeting": "Halo!"}
    )
    plan = pages.plan_pages
    monkeypatch.setattr(
        "kampung_guide.plan.pages.plan_pages",  # the pipeline asks plan.pages by module name
        lambda site: plan(site) + [pages.Page("halo/", "id", pages.KINDS["hello"], None, site.config.languages)],
    )
    template = '{% extends "base.html" %}{% block main %}<p class="greeting">{{ greeting }}</p>{% endblock %}\n'
    content = write_content(tmp_path, {"templates/hello.html": template})
    from kampung_guide.cli import main

    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site"), "--jobs", "1"]) == 0
    html = (tmp_path / "site/halo/index.html").read_text(encoding="utf-8")
    assert '<p class="greeting">Halo!</p>' in html and "<title>Hello · Kampung Uji</title>" in html
    assert 'class="page-hello"' in html


def test_every_kind_has_a_view_and_its_template_exists():
    from kampung_guide.render.renderer import PROJECT_TEMPLATES

    assert views.VIEWS.keys() == pages.KINDS.keys()
    assert all((PROJECT_TEMPLATES / kind.template).is_file() for kind in pages.KINDS.values())

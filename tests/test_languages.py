"""Forgiving where editors expect it: any language fills in for a missing one, texts in languages
the site does not publish are kept, and only keys that are no language code are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kampung_guide.plan.site import load_site
from kampung_guide.validate.languages import is_language, kind_of_key

from conftest import KAMPUNG, SITE, run_build, write_content

ENGLISH_ONLY = """\
name: {en: River Museum}
category: batik
summary: {en: A small museum of river crafts.}
description:
  en: |
    Written by the museum's English-speaking staff.
location:
  lat: -7.471
  lon: 112.431
  address: {en: Museum Street 1}
"""


def problems(content: Path, warnings: bool = False) -> list[str]:
    _, report = load_site(content, "content")
    return [p.render("en") for p in report.sorted() if p.warning == warnings]


def test_an_english_only_profile_builds_the_indonesian_site(tmp_path):
    content = write_content(tmp_path, {"kampung/museum.yaml": ENGLISH_ONLY})
    assert problems(content) == []
    assert (
        "content/kampung/museum.yaml:3: summary: warning: no id text, although id is the site's main language; "
        "its pages show the en text, marked as not translated yet" in problems(content, warnings=True)
    )
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    page = (out / "kampung/museum/index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in page
    assert '<h1 lang="en">River Museum</h1>' in page
    assert '<p class="lead" lang="en">A small museum of river crafts.</p>' in page
    assert re.search(r'<section class="prose"[^>]*lang="en">', page)
    assert '<p class="untranslated" lang="id">Teks ini belum diterjemahkan.</p>' in page
    listing = (out / "kampung/index.html").read_text(encoding="utf-8")
    assert (
        '<h3 class="card__title" lang="en"><a class="card__link" href="../kampung/museum/">River Museum</a></h3>'
        in listing
    )
    assert '<p class="card__summary" lang="en">A small museum of river crafts.</p>' in listing
    english = (out / "en/kampung/museum/index.html").read_text(encoding="utf-8")
    assert "<h1>River Museum</h1>" in english and "untranslated" not in english


def test_the_first_language_that_has_a_text_fills_in(tmp_path):
    site = SITE.replace("languages: [id, en]", "languages: [id, en, ms]")
    text = KAMPUNG.replace("summary:\n  id: Kampung pembuat batik.\n", "summary:\n  ms: Kampung pembuat batik.\n")
    content = write_content(tmp_path, {"site.yaml": site, "kampung/batik.yaml": text})
    site_model, report = load_site(content)
    assert report.errors == [] and site_model is not None
    summary = site_model.kampung[0].summary
    assert summary.fallback == "en"  # en before ms in the site's languages
    assert summary.get("id") == "A batik-making village."


def test_a_site_in_one_language_keeps_the_other_texts_with_one_note(tmp_path):
    """`languages: [id]` takes English offline without deleting a text: one note, no errors."""
    site = SITE.replace("languages: [id, en]", "languages: [id]")
    content = write_content(
        tmp_path,
        {
            "site.yaml": site,
            "kampung/tenun.yaml": KAMPUNG.replace("Kampung Batik", "Kampung Tenun"),
            "pages/tentang.md": "---\ntitle: Tentang\n---\nIsi.\n",
            "pages/tentang.en.md": "---\ntitle: About\n---\nBody.\n",
        },
    )
    assert problems(content) == []
    notes = [p for p in problems(content, warnings=True) if "not published" in p]
    assert notes == [
        "content/site.yaml:4: languages: warning: en: 9 texts in 5 files are kept but not published, as en is not "
        "in languages; add en there to publish them"
    ]
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    assert not (out / "en").exists()
    assert "Hand-drawn" not in (out / "kampung/batik/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "key, message",
    [
        ("eng", "'eng' is not a language code of this site (id, en); did you mean 'en'?"),
        ("EN", "'EN' is not a language code of this site (id, en); did you mean 'en'?"),
        ("ne", "'ne' is not a language code of this site (id, en); did you mean 'en'?"),
        ("ind", "'ind' is not a language code of this site (id, en); did you mean 'id'?"),
        ("xx", "'xx' is not a language code; write one of the site's languages (id, en)"),
    ],
)
def test_a_key_that_is_no_language_code_is_an_error_with_did_you_mean(tmp_path, key, message):
    text = KAMPUNG.replace("  en: A batik-making village.", f"  {key}: A batik-making village.")
    assert problems(write_content(tmp_path, {"kampung/batik.yaml": text})) == [
        f"content/kampung/batik.yaml:5: summary.{key}: {message}"
    ]


def test_page_files_follow_the_same_rules(tmp_path):
    pages = {
        "pages/visit.en.md": "---\ntitle: Visiting\n---\nOnly in English.\n",
        "pages/about.fr.md": "---\ntitle: À propos\n---\nEn français.\n",
    }
    wrong = write_content(tmp_path / "wrong", {**pages, "pages/about.eng.md": "---\ntitle: About\n---\nBody.\n"})
    assert problems(wrong) == [
        "content/pages/about.eng.md:1: 'eng' is not a language code of this site (id, en); did you mean 'en'?"
    ]
    content = write_content(tmp_path, pages)
    assert problems(content) == []
    site, _ = load_site(content)
    assert site is not None
    assert [p.slug for p in site.pages] == ["visit"]  # about.fr.md is kept for when fr is published
    (visit,) = [p for p in site.pages if p.slug == "visit"]
    assert visit.body.fallback == "en" and not visit.body.translated("id")
    assert any("there is no id version of this page (visit.md)" in p for p in problems(content, warnings=True))


def test_site_languages_must_be_language_codes(tmp_path):
    content = write_content(tmp_path, {"site.yaml": SITE.replace("languages: [id, en]", "languages: [id, eng]")})
    assert "content/site.yaml:4: languages[1]: 'eng' is not a language code; did you mean 'en'?" in problems(content)
    content = write_content(tmp_path, {"site.yaml": SITE.replace("languages: [id, en]", "languages: [id, qq]")})
    assert "content/site.yaml:4: languages[1]: 'qq' is not a language code (write a code such as id, en or ms)" in (
        problems(content)
    )


def test_language_codes_come_from_cldr():
    assert all(is_language(code) for code in ("id", "en", "ms", "jv", "su", "zh", "ja", "yue"))
    assert not any(is_language(code) for code in ("eng", "EN", "xx", "in", ""))
    assert kind_of_key("ms", ("id", "en")) == ("unpublished", "")
    assert kind_of_key("ne", ("id", "en")) == ("wrong", "en")
    assert kind_of_key("ne", ("id", "ne")) == ("published", "")


def test_a_page_in_the_main_language_twice_keeps_the_one_named_so(tmp_path):
    """With `languages: [en]`, about.md (no language in its name) and about.en.md are both English."""
    site = SITE.replace("languages: [id, en]", "languages: [en]")
    content = write_content(
        tmp_path,
        {
            "site.yaml": site,
            "pages/tentang.md": "---\ntitle: Tentang\n---\nIsi.\n",
            "pages/tentang.en.md": "---\ntitle: About\n---\nBody.\n",
        },
    )
    assert problems(content) == []
    assert (
        "content/pages/tentang.md:1: warning: this file and tentang.en.md are both the en version of the page (a file "
        "without a language in its name is in the main language, en); tentang.en.md is shown"
        in problems(content, warnings=True)
    )
    site_model, _ = load_site(content)
    assert site_model is not None
    assert [p.title.get("en") for p in site_model.pages] == ["About"]

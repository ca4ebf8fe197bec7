"""Interface words in gettext catalogues, formats from CLDR: a third language (Malay) with its own
.po file shows its own menus, buttons, day names and number formats; without one, English words and
a `check` note; a site's file can change a shipped word; `translations` writes the file to fill in."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kampung_guide.plan.site import load_site
from kampung_guide.util.catalogue import LOCALE, parse_po, shipped, shipped_languages, source

from conftest import KAMPUNG, ROOT, SITE, run_build, write_content

MALAY = (ROOT / "tests" / "locale" / "ms.po").read_text(encoding="utf-8")
PROFILE = KAMPUNG + (
    "opening_hours: Mo-Sa 08:00-16:00; Su off\n"
    "products:\n  - name: Kain batik\n    price_idr: [150000, 1250000]\n"
    "experiences:\n  - name: Kelas membatik\n    duration_minutes: 90\n"
)
THREE = SITE.replace("languages: [id, en]", "languages: [id, en, ms]")


def build(tmp_path: Path, files: dict) -> tuple[Path, str]:
    content = write_content(tmp_path, {"site.yaml": THREE, "kampung/batik.yaml": PROFILE, **files})
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def test_a_third_language_with_its_catalogue(tmp_path):
    out, log = build(tmp_path, {"locale/ms.po": MALAY})
    home = (out / "ms/index.html").read_text(encoding="utf-8")
    assert '<html lang="ms"' in home
    assert ">Laman utama</a>" in home and ">Semua kampung</a>" in home and ">Rancang lawatan</a>" in home
    assert "Data kampung diselenggara oleh" in home
    assert 'lang="ms">Melayu</a>' in (out / "index.html").read_text(encoding="utf-8")  # CLDR's own name
    page = (out / "ms/kampung/batik/index.html").read_text(encoding="utf-8")
    assert "Buka dalam Google Maps" in page and ">Produk<" in page
    assert '<th scope="row">Isnin</th><td>08:00–16:00</td>' in page  # CLDR day names
    assert '<th scope="row">Ahad</th><td>Tutup</td>' in page
    assert "IDR\u00a0150,000–1,250,000" in page and "1 jam 30 minit" in page  # CLDR numbers and units
    assert "Kosongkan carian dan penapis" in (out / "ms/kampung/index.html").read_text(encoding="utf-8")
    assert "See all kampung" in (out / "ms/kategori/batik/index.html").read_text(encoding="utf-8")  # fuzzy: not used
    assert re.search(r"locale/ms.po:1: warning: \d+ of the guide's \d+ words are not translated into ms", log)
    indonesian = (out / "kampung/batik/index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Senin</th><td>08.00–16.00</td>' in indonesian and "Rp150.000–1.250.000" in indonesian


def test_a_third_language_without_a_catalogue_shows_english_and_check_says_so(tmp_path):
    out, log = build(tmp_path, {})
    home = (out / "ms/index.html").read_text(encoding="utf-8")
    assert ">Home</a>" in home and ">All kampung</a>" in home
    assert '<th scope="row">Isnin</th>' in (out / "ms/kampung/batik/index.html").read_text(encoding="utf-8")
    assert (
        "site.yaml:4: languages: warning: the guide's own words (menus, buttons, labels) are not translated "
        "into ms: the ms pages show them in English. Run python build.py translations ms and translate "
        f"{tmp_path}/content/locale/ms.po" in log
    )


def test_a_site_catalogue_changes_a_shipped_word(tmp_path):
    own = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgctxt "home"\nmsgid "Home"\nmsgstr "Halaman depan"\n'
    out, log = build(tmp_path, {"locale/id.po": own, "locale/ms.po": MALAY})
    home = (out / "index.html").read_text(encoding="utf-8")
    assert ">Halaman depan</a>" in home and ">Semua kampung</a>" in home  # the rest as shipped
    assert "locale/id.po" not in log  # nothing left untranslated in id


def test_translations_writes_every_word_and_keeps_what_is_translated(tmp_path):
    content = write_content(tmp_path, {"site.yaml": THREE})
    result = run_build("translations", "ms", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = content / "locale" / "ms.po"
    catalog = parse_po(path.read_text(encoding="utf-8"), "ms")
    words = {m.context: m for m in catalog if m.id}
    assert list(words) == list(source("site"))  # every message, in the template's order
    assert all(not m.string or m.string == ("",) for m in words.values())
    assert words["home"].id == "Home" and catalog.locale_identifier == "ms"
    assert f"{len(words)} words of the guide, 0 translated" in result.stderr
    text = path.read_text(encoding="utf-8").replace('msgid "Home"\nmsgstr ""', 'msgid "Home"\nmsgstr "Laman utama"')
    path.write_text(text, encoding="utf-8")
    again = run_build("translations", "ms", "--content", str(content))
    assert "1 translated" in again.stderr and 'msgstr "Laman utama"' in path.read_text(encoding="utf-8")
    shipped_id = run_build("translations", "id", "--content", str(tmp_path / "other"))
    assert shipped_id.returncode == 0
    assert "#. The guide's own: Beranda" in (tmp_path / "other" / "locale" / "id.po").read_text(encoding="utf-8")
    bad = run_build("translations", "malay", "--content", str(content), "--lang", "en")
    assert bad.returncode == 1 and "'malay' is not a language code" in bad.stderr


@pytest.mark.parametrize(
    "entry, message",
    [
        (
            'msgctxt "footer_data"\nmsgid "Kampung data is kept by the {office}."\nmsgstr "Data oleh {pejabat}."\n',
            "content/locale/ms.po:10: the translation of 'footer_data' uses {pejabat}, which the English does not have "
            "({office}); keep the placeholders as they are",
        ),
        (
            'msgctxt "footer_data"\nmsgid "Kampung data is kept by the {office}."\nmsgstr "Data oleh {office."\n',
            "content/locale/ms.po:10: the translation of 'footer_data' has a { or } without its pair; write "
            "placeholders as the English does, e.g. {name}",
        ),
    ],
)
def test_a_broken_translation_is_an_error_at_its_line(tmp_path, entry, message):
    po = 'msgid ""\nmsgstr ""\n"Language: ms\\n"\n\n' + 'msgctxt "home"\nmsgid "Home"\nmsgstr "Laman"\n\n' + entry
    content = write_content(tmp_path, {"site.yaml": THREE, "locale/ms.po": po})
    _, report = load_site(content, "content")
    assert [p.render("en") for p in report.errors] == [message]


def test_unknown_and_outdated_words_are_warnings(tmp_path):
    po = (
        'msgid ""\nmsgstr ""\n"Language: ms\\n"\n\n'
        'msgctxt "homepage"\nmsgid "Home"\nmsgstr "Laman"\n\n'
        'msgctxt "all_kampung"\nmsgid "All villages"\nmsgstr "Semua kampung"\n'
    )
    content = write_content(tmp_path, {"site.yaml": THREE, "locale/ms.po": po, "locale/fr.po": po})
    site, report = load_site(content, "content")
    warnings = [p.render("en") for p in report.warnings if "locale" in p.file]
    assert (
        "content/locale/ms.po:6: warning: 'homepage' is not a word of the guide (any more); it is ignored" in warnings
    )
    assert (
        "content/locale/ms.po:10: warning: the English of 'all_kampung' is now \"All kampung\"; check the "
        "translation (python build.py translations updates the file)" in warnings
    )
    assert any(w.startswith("content/locale/fr.po:1: warning: 'fr' is not in languages") for w in warnings)
    assert site is not None and site.translations["ms"].messages == {"all_kampung": "Semua kampung"}


@pytest.mark.parametrize("domain", ["site", "messages"])
def test_the_shipped_catalogues_translate_every_message_with_its_placeholders(domain):
    english = source(domain)
    assert shipped_languages(domain) == ("en", "id")
    catalogue = shipped(domain, "id")
    assert catalogue is not None
    indonesian = catalogue.messages
    assert set(indonesian) == set(english), set(english) ^ set(indonesian)
    for key, message in english.items():
        found = indonesian[key]
        for form in (found,) if isinstance(found, str) else found:
            names = {name for _, name, _, _ in string.Formatter().parse(form) if name}
            assert names <= message.placeholders, (key, form)
    assert (LOCALE / domain / f"{domain}.pot").is_file()


@pytest.mark.parametrize("lang", ["id", "en", "ms", "hi", "fr", "es", "ar", "ja"])
def test_quick_number_formats_are_babels(lang):
    """The per-language formatters of whole numbers and rupiah give Babel's own text."""
    import random

    from babel.numbers import format_decimal

    from kampung_guide.render.i18n import Language, currency

    words = Language(lang)
    rng = random.Random(lang)
    for value in [0, 5, 999, 1000, 25000, 350000, *(rng.randrange(10 ** rng.randrange(1, 12)) for _ in range(200))]:
        assert words.number(value) == format_decimal(value, locale=lang)
        assert words.amount(value) == currency(value, words.locale)

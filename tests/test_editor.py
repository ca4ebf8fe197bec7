"""The editor's tools: `new kampung`, `schema`, and messages in both languages."""

import json
import re
import string

import pytest

from kampung_guide.util.messages import MESSAGES, format_message
from kampung_guide.validate.schema import KAMPUNG as KAMPUNG_SPEC
from kampung_guide.validate.schema import field_table

from conftest import JPEG, KAMPUNG, ROOT, run_build, write_content


def test_new_kampung_builds_once_filled_in(tmp_path):
    """The new file is refused until its empty fields and example texts are filled (tests/test_scaffold.py
    shows the messages); filled in, it builds."""
    content = write_content(tmp_path, {"kampung/batik.yaml": None})
    result = run_build("new", "kampung", "kampung-keramik", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = content / "kampung" / "kampung-keramik.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../kampung.schema.json\n")
    assert "name: Kampung Keramik\n" in text
    assert run_build("check", "--content", str(content)).returncode == 1
    path.write_text(fill_in(text), encoding="utf-8")
    check = run_build("check", "--content", str(content))
    assert check.returncode == 0 and "0 errors" in check.stderr, check.stderr
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    assert "Kampung Keramik" in (out / "en/kampung/kampung-keramik/index.html").read_text(encoding="utf-8")


def fill_in(text: str) -> str:
    """A new profile as an editor completes it: category, pin and the two texts."""
    text = text.replace("category:\n", "category: batik\n").replace("  lat:\n", "  lat: -7.47\n")
    text = text.replace("  lon:\n", "  lon: 112.43\n")
    text = re.sub(r'(  id: )"Tulis[^"]*"', r'\1"Kampung pembuat gerabah."', text)
    text = re.sub(r'(  en: )"Write[^"]*"', r'\1"A kampung of potters."', text)
    text = re.sub(r"(  id: \|\n    )Ceritakan.*", r"\1Gerabah dibuat di sini.", text)
    return re.sub(r"(  en: \|\n    )Tell the story.*", r"\1Pottery is made here.", text)


def test_new_kampung_shows_every_field(tmp_path):
    content = write_content(tmp_path)
    run_build("new", "kampung", "gerabah", "--content", str(content))
    text = (content / "kampung" / "gerabah.yaml").read_text(encoding="utf-8")
    for path, _, description in field_table(KAMPUNG_SPEC):
        assert description in text, path
        assert re.search(rf"^\s*#?\s*(- )?{re.escape(path.split('.')[-1].split('[]')[-1])}:", text, re.M), path


@pytest.mark.parametrize("slug, message", [("Kampung Baru", "cannot be a page address"), ("batik", "already exists")])
def test_new_kampung_refuses_bad_or_taken_names(tmp_path, slug, message):
    content = write_content(tmp_path)
    result = run_build("new", "kampung", slug, "--content", str(content))
    assert result.returncode == 1 and message in result.stderr
    assert (content / "kampung" / "batik.yaml").read_text(encoding="utf-8") == KAMPUNG


def test_schema_is_written_beside_the_profiles_and_committed_copy_is_current(tmp_path):
    content = write_content(tmp_path)
    assert run_build("schema", "--content", str(content)).returncode == 0
    written = json.loads((content / "kampung.schema.json").read_text(encoding="utf-8"))
    assert written["title"] == "Kampung profile"
    committed = json.loads((ROOT / "content" / "kampung.schema.json").read_text(encoding="utf-8"))
    assert committed == written, "run: python build.py schema"


def test_every_message_exists_in_both_languages_with_the_same_blanks():
    for key, (english, indonesian) in MESSAGES.items():
        assert english and indonesian and english != indonesian or key == "yaml_tag", key
        blanks = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (english, indonesian)]
        assert blanks[0] == blanks[1], key


@pytest.mark.parametrize(
    "edit, english, indonesian",
    [
        (
            {"kampung/batik.yaml": KAMPUNG + "opening_hour: Mo-Sa 08:00-16:00\n"},
            "batik.yaml:14: opening_hour: unknown field; did you mean 'opening_hours'?",
            "batik.yaml:14: opening_hour: kolom tidak dikenal; maksud Anda 'opening_hours'?",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("name: Kampung Batik\n", "")},
            "batik.yaml:1: name: this field is required and missing",
            "batik.yaml:1: name: kolom ini wajib diisi dan belum ada",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("lon: 112.43", "lon: timur")},
            "batik.yaml:13: location.lon: expected a number, got text",
            "batik.yaml:13: location.lon: seharusnya angka, bukan teks",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("lat: -7.47", "lat: -97.2")},
            "batik.yaml:12: location.lat: -97.2 is not a latitude (must be between -90 and 90)",
            "batik.yaml:12: location.lat: -97.2 bukan garis lintang (harus antara -90 dan 90)",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("category: batik", "category: gerabah")},
            "batik.yaml:2: category: 'gerabah' is not a category in categories.yaml (known: batik, kuliner)",
            "batik.yaml:2: category: 'gerabah' bukan kategori di categories.yaml (yang ada: batik, kuliner)",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG + "photos:\n  - file: ada.jpg\n"},
            "batik.yaml:15: photos[0].alt: this field is required and missing",
            "batik.yaml:15: photos[0].alt: kolom ini wajib diisi dan belum ada",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG + "photos:\n  - file: hilang.jpg\n    alt: Kain\n"},
            "batik.yaml:15: photos[0].file: the photo 'hilang.jpg' is not in",
            "batik.yaml:15: photos[0].file: foto 'hilang.jpg' tidak ada di",
        ),
        (
            {"kampung/batik2.yaml": KAMPUNG, "kampung/Batik2.yml": KAMPUNG},
            "Batik2.yml:1: the file name 'Batik2.yml' cannot be a page address",
            "Batik2.yml:1: nama berkas 'Batik2.yml' tidak bisa jadi alamat halaman",
        ),
        (
            {"kampung/batik.yml": KAMPUNG},
            "batik.yml:1: this page address is also used by",
            "batik.yml:1: alamat halaman ini juga dipakai oleh",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("Batik tulis dibuat di sini.", "[x](/kampung/tidak-ada/)")},
            "batik.yaml:8: description.id: the link '/kampung/tidak-ada/' leads to no page of the site",
            "batik.yaml:8: description.id: tautan '/kampung/tidak-ada/' tidak menuju halaman situs mana pun",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG.replace("  lat:", "\tlat:")},
            "batik.yaml:12: this line is indented with a tab, and YAML accepts only spaces",
            "batik.yaml:12: baris ini diindentasi dengan Tab, padahal YAML hanya menerima spasi",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG + "contact:\n  whatsapp: 0321 123456\n"},
            "batik.yaml:15: contact.whatsapp: '0321 123456' is not an Indonesian mobile number",
            "batik.yaml:15: contact.whatsapp: '0321 123456' bukan nomor HP Indonesia",
        ),
        (
            {"kampung/batik.yaml": KAMPUNG + "products:\n  - name: Kain\n    price_idr: 25.000\n"},
            "batik.yaml:16: products[0].price_idr: 25.000 reads as the number 25 (in YAML a dot is a decimal point)",
            "batik.yaml:16: products[0].price_idr: 25.000 terbaca sebagai angka 25 (di YAML titik",
        ),
    ],
)
def test_check_messages_in_both_languages(tmp_path, edit, english, indonesian):
    content = write_content(tmp_path, {**edit, "images/ada.jpg": JPEG})
    for lang, expected in (("en", english), ("id", indonesian)):
        result = run_build("check", "--content", str(content), "--lang", lang)
        assert result.returncode == 1
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "edit, english, indonesian",
    [
        (
            {"kampung/batik.yaml": KAMPUNG.replace("  en: A batik-making village.\n", "")},
            "batik.yaml:3: summary: warning: no en text yet",
            "batik.yaml:3: summary: peringatan: belum ada teks en",
        ),
        ({}, "batik.yaml:1: photos: warning: no photo yet", "batik.yaml:1: photos: peringatan: belum ada foto"),
        (
            {},
            "batik.yaml:1: opening_hours: warning: no opening hours",
            "batik.yaml:1: opening_hours: peringatan: belum ada jam buka",
        ),
    ],
)
def test_warnings_do_not_fail_check(tmp_path, edit, english, indonesian):
    content = write_content(tmp_path, edit)
    for lang, expected in (("en", english), ("id", indonesian)):
        result = run_build("check", "--content", str(content), "--lang", lang)
        assert result.returncode == 0 and expected in result.stderr, result.stderr


def test_site_yaml_sets_the_messages_language(tmp_path):
    from conftest import SITE

    content = write_content(
        tmp_path,
        {
            "site.yaml": SITE + "messages_language: id\n",
            "kampung/batik.yaml": KAMPUNG.replace("lat: -7.47", "lat: -97.2"),
        },
    )
    result = run_build("check", "--content", str(content))
    assert "bukan garis lintang" in result.stderr and "1 kesalahan" in result.stderr


def test_format_message_falls_back_to_english():
    assert format_message("empty_file", {}, "fr") == "the file is empty"

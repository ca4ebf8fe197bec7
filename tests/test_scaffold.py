"""`build.py new kampung`: a file in the editor's language that sets no trap: nothing of it passes
`check` before it is filled in, and uncommenting a field by removing its `#` keeps the indentation."""

import re

from test_editor import fill_in

from kampung_guide.scaffold import kampung_template
from kampung_guide.validate.fieldhelp import INDONESIAN
from kampung_guide.validate.schema import KAMPUNG, field_table

from conftest import JPEG, SITE, run_build, write_content

SITE_ID = SITE + "messages_language: id\n"
FIELD_LINE = re.compile(r"^#(\s*(?:- )?[a-z_]+:.*)$", re.M)  # a commented-out field, not a note


def new_profile(tmp_path, site=SITE_ID, *args):
    content = write_content(tmp_path, {"site.yaml": site, "kampung/batik.yaml": None})
    result = run_build("new", "kampung", "gerabah", "--content", str(content), *args)
    assert result.returncode == 0, result.stderr
    return content, content / "kampung" / "gerabah.yaml"


def check(content, lang="id") -> list[str]:
    """The errors `check` gives for the new profile (the site's own warnings left out)."""
    result = run_build("check", "--content", str(content), "--lang", lang)
    lines = [line.split(": ", 1)[1] for line in result.stderr.splitlines() if line.startswith(str(content / "kampung"))]
    return [line for line in lines if "peringatan: " not in line]


def test_comments_follow_the_messages_language(tmp_path):
    content, path = new_profile(tmp_path)
    text = path.read_text(encoding="utf-8")
    notes = "\n".join(line for line in text.splitlines() if line.startswith(("# ", "  # ")) or " # " in line)
    assert "Nama kampung." in notes and "hapus tanda # saja" in notes
    for _, _, english in field_table(KAMPUNG):
        assert english not in notes, english
        assert INDONESIAN[english] in text, english
    english_site = new_profile(tmp_path / "en", SITE)[1].read_text(encoding="utf-8")
    assert "Name of the kampung." in english_site and "Nama kampung." not in english_site
    assert "Nama kampung." not in new_profile(tmp_path / "en2", SITE_ID, "--lang", "en")[1].read_text(encoding="utf-8")


def test_every_field_of_the_format_is_translated():
    assert {description for _, _, description in field_table(KAMPUNG)} <= INDONESIAN.keys()


def test_nothing_of_the_new_file_passes_check(tmp_path):
    content, _ = new_profile(tmp_path)
    assert check(content) == [
        "category: isi dengan kategori kampung ini, salah satu id di categories.yaml: batik, kuliner",
        "summary.id: ini masih teks contoh dari berkas baru; ganti dengan teks tentang kampung ini",
        "summary.en: ini masih teks contoh dari berkas baru; ganti dengan teks tentang kampung ini",
        "description.id: ini masih teks contoh dari berkas baru; ganti dengan teks tentang kampung ini",
        "description.en: ini masih teks contoh dari berkas baru; ganti dengan teks tentang kampung ini",
        "location.lat: kolom ini masih kosong; isilah",
        "location.lon: kolom ini masih kosong; isilah",
    ]


def test_category_is_left_to_fill_and_lists_the_choices(tmp_path):
    _, path = new_profile(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^category:$", text, re.M)
    assert "batik (Batik), kuliner (Kuliner)" in text
    assert "-7.47, 112.43" in text  # the map centre, as a hint in a comment, never as the pin
    assert not re.search(r"^\s*lat: \S", text, re.M)


def test_uncommenting_every_field_keeps_the_file_valid_yaml(tmp_path):
    """Removing only the `#` of every commented-out field gives YAML that parses; each `...` left
    is then named, and filled in, the profile passes."""
    content, path = new_profile(tmp_path)
    text = fill_in(path.read_text(encoding="utf-8"))
    opened = FIELD_LINE.sub(r"\1", text)
    assert opened.count("...") > 30 and "#" not in "".join(FIELD_LINE.findall(opened))
    path.write_text(opened, encoding="utf-8")
    messages = check(content)
    assert messages and not [m for m in messages if "'...' masih harus diisi" not in m], messages
    assert len(messages) == len(re.findall(r"\.\.\.", opened)) - 2  # two in the address line
    filled = fill_every_placeholder(opened)
    path.write_text(filled, encoding="utf-8")
    (content / "images").mkdir()
    (content / "images" / "ada.jpg").write_bytes(JPEG)
    assert check(content) == []


VALUES = {
    "opening_hours": "Mo-Sa 08:00-16:00",
    "price_idr": "25000",
    "duration_minutes": "60",
    "days": "[Sa]",
    "date": "2026-12-05",
    "start": '"09:00"',
    "end": '"11:00"',
    "from": "2026-01-01",
    "until": "2026-06-30",
    "whatsapp": "0812 3456 7890",
    "phone": '"0321 123456"',
    "instagram": "gerabah",
    "website": "https://example.org",
    "email": "a@example.org",
    "file": "ada.jpg",
    "tags": "[gerabah]",
    "booking_lead_days": "3",
    "group_max": "20",
    "parking": "[car]",
    "payment": "[cash]",
    "facilities": "[toilet]",
    "wheelchair": "partial",
    "address": "Kelurahan Uji",
    "lat": "-7.47",  # an outlet's pin (the kampung's own lat and lon are left empty, not '...')
    "lon": "112.43",
    "url": "https://example.org/berita/1",
}


def fill_every_placeholder(text: str) -> str:
    """Each `...` of an uncommented profile replaced by a value of its field (test values)."""
    text = text.replace("address: Kelurahan ..., Kecamatan ...", "address: Kelurahan Uji")
    # a weekly schedule has no date (a schedule's date is the one indented six spaces or more; a source's has one)
    text = re.sub(r"^ {6,}date: \.\.\.\s.*\n", "", text, flags=re.M)

    def value(match):
        return f"{match[1]}{match[2]}: {VALUES.get(match[2], 'Teks uji')}"

    return re.sub(r'^(\s*(?:- )?)([a-z_]+): (?:\[\.\.\.\]|"\.\.\."|\.\.\.)', value, text, flags=re.M)


def test_template_for_one_language_writes_plain_texts():
    text = kampung_template("gerabah", {"batik": "Batik"}, (-7.47, 112.43), ("id",), "id")
    assert re.search(r'^summary: "Tulis satu kalimat', text, re.M)
    assert "\n  en:" not in text

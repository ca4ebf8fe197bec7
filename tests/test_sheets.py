"""Spreadsheets in and out: export then import changes no byte, an office-made workbook imports, broken
cells are named by sheet and cell and nothing is written, --dry-run lists the changes field by field."""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from kampung_guide.cli import main
from kampung_guide.edit.cells import SheetValue
from kampung_guide.edit.columns import LABELS, all_tables
from kampung_guide.load.yamlfile import parse_yaml
from kampung_guide.plan.site import load_site

from conftest import ROOT, snapshot

sys.path.insert(0, str(ROOT))
from bench.generate import generate  # noqa: E402


def copy_content(tmp_path: Path, source: Path = ROOT / "content") -> Path:
    target = tmp_path / "content"
    shutil.copytree(source, target)
    return target


def export(content: Path, book: Path, *extra: str) -> None:
    assert main(["export", str(book), "--content", str(content), *extra]) == 0


def run_import(content: Path, book: Path, *extra: str) -> int:
    return main(["import", str(book), "--content", str(content), *extra])


def edit(book: Path, changes: dict[tuple[str, str], SheetValue]) -> None:
    """Set cells of a workbook as the office would in a spreadsheet program."""
    wb = load_workbook(book)
    for (sheet, cell), value in changes.items():
        wb[sheet][cell] = value
    wb.save(book)


def test_every_column_has_a_header_in_both_languages_unique_in_its_sheet():
    used = set()
    for table in all_tables(("id", "en")):
        for lang in ("en", "id"):
            labels = [c.label(lang) for c in table.all_columns]
            assert len(set(labels)) == len(labels), f"{table.name}: the same {lang} header twice"
        used |= {c.label_key for c in table.all_columns}
    assert used <= set(LABELS) and set(LABELS) <= used, "LABELS and the schema's fields differ"


def test_the_kampung_sheet_follows_the_content_definition():
    kampung = all_tables(("id", "en"))[0]
    keys = [c.key for c in kampung.all_columns]
    assert keys[:9] == [
        "slug",
        "name.id",
        "name.en",
        "category",
        "summary.id",
        "summary.en",
        "description.id",
        "description.en",
        "location.lat",
    ]
    assert [t.name for t in all_tables(("id", "en"))] == [
        "kampung",
        "products",
        "experiences",
        "experiences.schedule",
        "photos",
        "outlets",
        "sources",
        "categories",
    ]


def test_two_exports_are_byte_identical_with_fixed_timestamps(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export(ROOT / "content", first)
    export(ROOT / "content", second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z" in core


def test_the_workbook_is_laid_out_for_the_office(tmp_path):
    book = tmp_path / "kampung.xlsx"
    export(ROOT / "content", book)
    wb = load_workbook(book)
    assert wb.sheetnames == [
        "Kampung",
        "Produk",
        "Pengalaman",
        "Jadwal",
        "Foto",
        "Tempat membeli",
        "Sumber",
        "Kategori",
    ]
    ws = wb["Kampung"]
    assert ws["A1"].value == "Alamat halaman (slug)" and ws["A2"].value == "slug"
    assert ws["E1"].value == "Ringkasan (Indonesia)" and ws["E2"].value == "summary.id"
    assert ws.freeze_panes == "B3"
    assert [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)] == sorted(
        p.stem for p in (ROOT / "content" / "kampung").glob("*.yaml")
    )
    dropdowns = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert dropdowns["D3"].type == "list" and dropdowns["D3"].formula1.startswith("'Kategori'!$A$3")
    assert dropdowns["I3"].type == "decimal" and (dropdowns["I3"].formula1, dropdowns["I3"].formula2) == ("-90", "90")
    assert ws.column_dimensions["G"].width == 60  # a description
    english = tmp_path / "english.xlsx"
    export(ROOT / "content", english, "--lang", "en")
    assert load_workbook(english).sheetnames[1] == "Products"


def assert_round_trip_changes_nothing(content: Path, book: Path) -> None:
    before = snapshot(content)
    export(content, book)
    assert run_import(content, book) == 0
    assert snapshot(content) == before


def test_export_then_import_of_the_sample_content_changes_no_byte(tmp_path, capsys):
    assert_round_trip_changes_nothing(copy_content(tmp_path), tmp_path / "kampung.xlsx")
    assert "0 diubah, 0 baru, 0 dihapus" in capsys.readouterr().err


@pytest.mark.parametrize("site", ["lakeside", "riverside"])
def test_export_then_import_of_the_golden_sites_changes_no_byte(tmp_path, site):
    """riverside has an experience with a schedule: the Schedules sheet goes round too."""
    content = copy_content(tmp_path, ROOT / "tests" / "sites" / site / "content")
    assert_round_trip_changes_nothing(content, tmp_path / "site.xlsx")


def test_export_then_import_of_1000_generated_profiles_changes_no_byte(tmp_path):
    content = generate(tmp_path / "content", 1000)
    assert_round_trip_changes_nothing(content, tmp_path / "big.xlsx")
    rows = load_workbook(tmp_path / "big.xlsx", read_only=True)["Products"].max_row  # messages in English
    assert rows == 2 + 5 * 1000


def test_dry_run_lists_a_two_field_change_and_writes_nothing(tmp_path, capsys):
    content = copy_content(tmp_path)
    book = tmp_path / "kampung.xlsx"
    export(content, book)
    before = snapshot(content)
    # row 8 is onde-onde (rows in slug order from row 3); I is location.lat, D of Produk a price
    edit(book, {("Kampung", "I8"): -7.4726, ("Kampung", "O8"): "0812 3456 7890"})
    capsys.readouterr()
    assert run_import(content, book, "--dry-run", "--lang", "en") == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{content}/kampung/onde-onde.yaml: changed",
        "  location.lat: -7.4725 → -7.4726",
        "  contact.whatsapp: (empty) → 0812 3456 7890",
    ]
    assert out.err.strip().endswith("1 changed, 0 new, 0 deleted (dry run: nothing written)")
    assert snapshot(content) == before
    assert run_import(content, book) == 0
    text = (content / "kampung" / "onde-onde.yaml").read_text(encoding="utf-8")
    old = before["kampung/onde-onde.yaml"].decode()
    assert text.replace("lat: -7.4726", "lat: -7.4725").replace("contact:\n  whatsapp: 0812 3456 7890\n", "") == old
    site, report = load_site(content)
    assert site is not None, [p.render() for p in report.errors]
    assert next(k for k in site.kampung if k.slug == "onde-onde").contact.whatsapp == "+6281234567890"


def test_broken_cells_are_named_by_sheet_and_cell_and_nothing_is_written(tmp_path, capsys):
    content = copy_content(tmp_path)
    book = tmp_path / "kampung.xlsx"
    export(content, book)
    before = snapshot(content)
    edit(
        book,
        {
            ("Kampung", "I3"): "-7,47",  # alas-sandal's latitude with a decimal comma
            ("Kampung", "D4"): "batk",  # alas-sepatu: a category that does not exist
            ("Kampung", "O5"): "12345",  # batik-majapahit: not a mobile number
            ("Produk", "D3"): "dua puluh ribu",
            ("Kategori", "F3"): "coklat",
        },
    )
    capsys.readouterr()
    assert run_import(content, book) == 1
    err = capsys.readouterr().err.splitlines()
    name = str(book)
    for line in [
        f"{name}:Kampung!I3: location.lat: '-7,47' ditulis dengan koma; tulis tanda desimal dengan titik: -7.47",
        f"{name}:Kampung!D4: category: 'batk' bukan kategori di categories.yaml; maksud Anda 'batik'?",
        f"{name}:Kampung!O5: contact.whatsapp: '12345' bukan nomor HP Indonesia; "
        "tulis seperti 0812 3456 7890 atau +62 812-3456-7890",
        f"{name}:Produk!D3: products[0].price_idr: 'dua puluh ribu' bukan harga; "
        "tulis rupiah bulat, misalnya 25000, atau rentang seperti 25000-50000",
        f"{name}:Kategori!F3: batik.color: 'coklat' tidak sesuai bentuk yang diharapkan, contoh: #8b4513",
    ]:
        assert line in err
    assert err[-1].startswith("5 kesalahan") and err[-1].endswith("tidak ada yang ditulis")
    assert snapshot(content) == before


def test_an_office_made_workbook_with_indonesian_headers_imports(tmp_path, capsys):
    """One header row, the office's own order and a few columns: the rest of each profile is kept."""
    content = copy_content(tmp_path)
    before = snapshot(content)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "kampung"
    ws.append(["Nama (Indonesia)", "Alamat halaman (slug)", "Kategori", "Garis lintang", "Garis bujur", "Catatan"])
    ws.append(["Kampung Jajanan Sentanan", "onde-onde", "kuliner", -7.4731, 112.4350, "dicek Mei"])
    ws.append(["Kampung Keramik Baru", "keramik-baru", "kuningan", "-7.4700", "112.4300", ""])
    products = wb.create_sheet("Produk")
    products.append(["alamat halaman (slug)", "produk (indonesia)", "Harga (Rp)"])
    products.append(["keramik-baru", "Cangkir", "Rp 25.000"])
    book = tmp_path / "kantor.xlsx"
    wb.save(book)
    assert run_import(content, book, "--lang", "en") == 1  # a new profile needs a summary and a description
    err = capsys.readouterr().err
    assert f"{book}:kampung!B3: summary: this field is required and missing" in err
    assert f"{book}:kampung!F1: warning: the column 'Catatan' is not a field of the guide; it is not read" in err
    assert snapshot(content) == before
    ws.cell(1, 7, "Ringkasan")
    ws.cell(1, 8, "Deskripsi")
    onde: Any = parse_yaml(before["kampung/onde-onde.yaml"].decode()).value
    ws.cell(2, 7, onde["summary"]["id"])  # an empty cell would remove the field: the office copies it over
    ws.cell(2, 8, onde["description"]["id"])
    ws.cell(3, 7, "Kampung perajin keramik.")
    ws.cell(3, 8, "Cerita kampung.\n\nDua paragraf.")
    wb.save(book)
    assert run_import(content, book) == 0
    changed = {name for name, data in snapshot(content).items() if before.get(name) != data}
    assert changed == {"kampung/onde-onde.yaml", "kampung/keramik-baru.yaml"}
    old, new = before["kampung/onde-onde.yaml"].decode(), (content / "kampung" / "onde-onde.yaml").read_text()
    assert new == old.replace("lat: -7.4725", "lat: -7.4731").replace("lon: 112.4285", "lon: 112.435")
    value = parse_yaml((content / "kampung" / "keramik-baru.yaml").read_text()).value
    assert isinstance(value, dict)
    # only the Indonesian texts are in the sheet: the English ones are not written yet
    assert value["name"] == {"id": "Kampung Keramik Baru"} and value["summary"] == {"id": "Kampung perajin keramik."}
    assert value["description"] == {"id": "Cerita kampung.\n\nDua paragraf.\n"}
    assert value["location"] == {"lat": -7.47, "lon": 112.43}
    assert value["products"] == [{"name": {"id": "Cangkir"}, "price_idr": 25000}]
    assert list(value) == ["name", "category", "summary", "description", "location", "products"]
    site, report = load_site(content)
    assert site is not None, [p.render() for p in report.errors]


def test_a_kampung_without_rows_in_a_list_sheet_keeps_its_list_and_a_slug_alone_removes_it(tmp_path):
    content = copy_content(tmp_path)
    wb = Workbook()
    assert wb.active is not None
    wb.active.title = "Produk"
    wb.active.append(["Alamat halaman (slug)", "Produk (Indonesia)"])
    wb.active.append(["hidroponik"])  # the slug alone: hidroponik sells nothing (any more)
    book = tmp_path / "produk.xlsx"
    wb.save(book)
    assert run_import(content, book) == 0
    hidroponik = parse_yaml((content / "kampung" / "hidroponik.yaml").read_text()).value
    onde = parse_yaml((content / "kampung" / "onde-onde.yaml").read_text()).value
    assert isinstance(hidroponik, dict) and "products" not in hidroponik
    assert isinstance(onde, dict) and "products" in onde


def test_english_headers_and_field_paths_are_read_too(tmp_path):
    content = copy_content(tmp_path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Kampung"
    ws.append(["Page address (slug)", "Opening hours"])
    ws.append(["slug", "opening_hours"])
    ws.append(["hidroponik", "Mo-Fr 08:00-15:00"])
    book = tmp_path / "english.xlsx"
    wb.save(book)
    assert run_import(content, book) == 0
    hidroponik = parse_yaml((content / "kampung" / "hidroponik.yaml").read_text()).value
    assert isinstance(hidroponik, dict) and hidroponik["opening_hours"] == "Mo-Fr 08:00-15:00"


def test_delete_missing_removes_profiles_without_a_row_but_not_a_route_stop(tmp_path, capsys):
    content = copy_content(tmp_path)
    book = tmp_path / "kampung.xlsx"
    export(content, book)
    wb = load_workbook(book)
    wb["Kampung"].delete_rows(3)  # alas-sandal
    wb.save(book)
    assert run_import(content, book) == 0
    assert (content / "kampung" / "alas-sandal.yaml").exists()  # left alone without --delete-missing
    assert run_import(content, book, "--delete-missing") == 0
    assert not (content / "kampung" / "alas-sandal.yaml").exists()
    onde = next(r for r in range(3, 10) if wb["Kampung"].cell(r, 1).value == "onde-onde")
    wb["Kampung"].delete_rows(onde)  # the first stop of routes/jalan-pagi.yaml
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--delete-missing", "--lang", "en") == 1
    assert (
        "routes/jalan-pagi.yaml:21: stops[0]: the route stops at 'onde-onde', which --delete-missing would delete"
        in (capsys.readouterr().err)
    )
    assert (content / "kampung" / "onde-onde.yaml").exists()


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    content = copy_content(tmp_path)
    path = content / "kampung" / "hidroponik.yaml"
    path.write_text(path.read_text().replace("tags: [", 'tags: ["=SUM(A1)", '), encoding="utf-8")
    book = tmp_path / "kampung.xlsx"
    assert_round_trip_changes_nothing(content, book)
    row = next(r for r in load_workbook(book)["Kampung"].iter_rows(min_row=3) if r[0].value == "hidroponik")
    tags = next(c for c in row if isinstance(c.value, str) and c.value.startswith("=SUM"))
    assert tags.data_type == "s"


def test_csv_export_is_the_kampung_sheet_with_field_paths(tmp_path):
    target = tmp_path / "kampung.csv"
    export(ROOT / "content", target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("slug,name.id,name.en,category,summary.id")
    assert (
        len([line for line in lines if line.startswith(("alas-", "batik-", "cor-", "hidro", "onde", "suvenir"))]) == 7
    )


def test_a_file_that_is_not_a_workbook_gets_a_message_not_a_traceback(tmp_path, capsys):
    content = copy_content(tmp_path)
    book = tmp_path / "kampung.xlsx"
    book.write_bytes(b"slug,name\nx,y\n")
    assert run_import(content, book, "--lang", "en") == 1
    assert f"{book}: cannot read this file as an .xlsx workbook" in capsys.readouterr().err


def test_export_refuses_broken_content(tmp_path, capsys):
    content = copy_content(tmp_path)
    (content / "kampung" / "hidroponik.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "x.xlsx"), "--content", str(content), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "kampung/hidroponik.yaml:" in err and "nothing exported" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_cells_read_back_from_what_spreadsheets_make_of_typed_values():
    import datetime

    from kampung_guide.edit.cells import CellError, read_cell
    from kampung_guide.edit.columns import all_tables

    columns = {c.key: c for t in all_tables(("id", "en")) for c in t.all_columns}
    assert read_cell(columns["price_idr"], "Rp 25.000") == 25000
    assert read_cell(columns["price_idr"], "25.000 - 50.000") == [25000, 50000]
    assert read_cell(columns["price_idr"], 25000.0) == 25000
    assert read_cell(columns["location.lat"], "-7.47") == -7.47
    assert isinstance(read_cell(columns["location.lat"], "-7,47"), CellError)
    assert read_cell(columns["location.approximate"], "Ya") is True
    assert read_cell(columns["location.approximate"], "no") is False
    assert read_cell(columns["date"], datetime.datetime(2026, 12, 5)) == "2026-12-05"
    assert read_cell(columns["start"], datetime.time(9, 0)) == "09:00"
    assert read_cell(columns["days"], "Sa; Su") == ["Sa", "Su"]
    assert read_cell(columns["name.id"], "  ") is None


def test_workbook_bytes_are_a_real_xlsx():
    """openpyxl and the zip layout agree with what Excel and LibreOffice open: the content types first."""
    buffer = io.BytesIO()
    from kampung_guide.edit.importer import export_content
    from kampung_guide.edit.sheets import export_xlsx

    data, _ = export_content(ROOT / "content", "content")
    assert data is not None
    buffer.write(export_xlsx(data, "id"))
    with zipfile.ZipFile(buffer) as archive:
        assert archive.namelist()[0] == "docProps/app.xml" or "[Content_Types].xml" in archive.namelist()
        assert archive.testzip() is None


def test_a_changed_category_name_is_a_one_line_change_of_categories_yaml(tmp_path):
    content = copy_content(tmp_path)
    book = tmp_path / "kampung.xlsx"
    export(content, book)
    before = (content / "categories.yaml").read_text(encoding="utf-8")
    edit(book, {("Kategori", "C3"): "Batik cloth"})  # row 3 is batik, the file's first category; C its English name
    assert run_import(content, book) == 0
    after = (content / "categories.yaml").read_text(encoding="utf-8")
    assert after == before.replace("name: {id: Batik, en: Batik}", "name: {id: Batik, en: Batik cloth}", 1)


def test_export_names_the_formats_it_writes(tmp_path, capsys):
    assert main(["export", str(tmp_path / "kampung.ods"), "--lang", "en"]) == 1
    assert "'.ods' is not a format the guide writes" in capsys.readouterr().err
    assert not (tmp_path / "kampung.ods").exists()

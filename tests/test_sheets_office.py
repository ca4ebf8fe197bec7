"""A workbook as the office hands it back: cells changed the way a spreadsheet program changes them
(a duration typed as 1:30, a date or a number typed as text, an emptied cell, a row deleted or added,
a sheet renamed) and profiles whose files hold the wrong kind of value. Each gives a message at its
cell or line, never a traceback, and nothing is written; or the import does what the office meant."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kampung_guide.cli import main
from kampung_guide.edit.cells import CellError, canonical, read_cell
from kampung_guide.edit.columns import all_tables
from kampung_guide.load.yamlfile import YamlValue, parse_yaml

from conftest import ROOT, snapshot

COLUMNS = {(t.name, c.key): c for t in all_tables(("id", "en")) for c in t.all_columns}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def book(content: Path, tmp_path: Path) -> Path:
    """The sample content's workbook, headers in Indonesian."""
    path = tmp_path / "kampung.xlsx"
    assert main(["export", str(path), "--content", str(content)]) == 0
    return path


def run_import(content: Path, book: Path, *extra: str) -> int:
    return main(["import", str(book), "--content", str(content), *extra])


def errors_of(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def profile(content: Path, slug: str) -> Any:
    """A profile's value (Any: a test looks inside it)."""
    return parse_yaml((content / "kampung" / f"{slug}.yaml").read_text(encoding="utf-8")).value


def row_of(ws, slug: str) -> int:
    """The row number of a kampung in a sheet (exported in the content folder's order)."""
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == slug)


# -- a cell that no reader expected ------------------------------------------------------------


def test_a_duration_or_a_time_in_a_number_column_says_how_many_minutes_to_write():
    minutes = COLUMNS[("experiences", "duration_minutes")]
    for value in (datetime.timedelta(hours=1, minutes=30), datetime.time(1, 30)):
        read = read_cell(minutes, value)
        assert read == CellError("sheet_time_for_number", {"value": "1:30", "minutes": 90})
    assert read_cell(minutes, datetime.timedelta(hours=26)) == CellError(
        "sheet_time_for_number", {"value": "26:00", "minutes": 1560}
    )


def test_a_stored_list_or_mapping_in_a_number_field_reads_as_no_number():
    lat = COLUMNS[("kampung", "location.lat")]
    stored_values: list[YamlValue] = [[1, 2], {"id": 3}]
    for stored in stored_values:
        assert isinstance(canonical(lat, stored, "id"), CellError)  # was an AttributeError


def test_a_duration_cell_in_the_workbook_is_a_message_at_its_cell(content, book, capsys):
    before = snapshot(content)
    wb = load_workbook(book)
    wb["Pengalaman"]["D3"] = datetime.timedelta(hours=1, minutes=30)  # typed 1:30 into Lama (menit)
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book) == 1
    err = errors_of(capsys)
    assert (
        f"{book}:Pengalaman!D3: experiences[0].duration_minutes: '1:30' adalah waktu, bukan angka; "
        "jika maksudnya 90 menit, tulis 90" in err
    )
    assert snapshot(content) == before


def test_a_number_over_a_stored_list_replaces_it(content, book, capsys):
    """A file holds a list where a number belongs; the sheet's number is what the office means."""
    path = content / "kampung" / "batik-majapahit.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("experiences:\n  - name:", "experiences:\n  - duration_minutes: [60, 90]\n    name:"))
    wb = load_workbook(book)
    wb["Pengalaman"]["D3"] = 90
    wb.save(book)
    assert run_import(content, book) == 0
    value = profile(content, "batik-majapahit")
    assert isinstance(value, dict) and value["experiences"][0]["duration_minutes"] == 90


def test_a_list_field_holding_a_number_gets_a_message_at_its_line(content, book, capsys):
    """`experiences: 5` in a file, and the workbook has a schedule for its first experience."""
    path = content / "kampung" / "onde-onde.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "experiences: 5\n", encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n")
    before = snapshot(content)
    wb = load_workbook(book)
    wb["Jadwal"].append(["onde-onde", 1, "Sa", None, "09:00", "11:00"])
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 1  # was a TypeError
    err = errors_of(capsys)
    assert f"{path}:{line}: experiences: expected a list (lines starting with '- '), got a number" in err
    assert f"{book}:Jadwal!B3: kampung 'onde-onde' has no item 1 to attach this row to (it has 0)" in err
    assert snapshot(content) == before
    # the Experiences sheet carries the list: its rows take the place of the number
    wb["Pengalaman"].append(["onde-onde", "Membuat onde-onde", "Making onde-onde"])
    wb.save(book)
    assert run_import(content, book, "--lang", "en") == 0
    value = profile(content, "onde-onde")
    assert isinstance(value, dict)
    assert value["experiences"] == [
        {
            "name": {"id": "Membuat onde-onde", "en": "Making onde-onde"},
            "schedule": [{"days": ["Sa"], "start": "09:00", "end": "11:00"}],
        }
    ]


def test_a_deleted_profile_that_does_not_parse_is_counted_as_deleted(content, book, capsys):
    (content / "kampung" / "hidroponik.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    wb = load_workbook(book)
    wb["Kampung"].delete_rows(row_of(wb["Kampung"], "hidroponik"))
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--delete-missing", "--dry-run", "--lang", "en") == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{content}/kampung/hidroponik.yaml: deleted"]
    assert err.splitlines()[-1] == "0 changed, 0 new, 1 deleted (dry run: nothing written)"
    assert (content / "kampung" / "hidroponik.yaml").exists()


# -- what an office worker does in a spreadsheet program ----------------------------------------


def test_typed_text_for_numbers_reads_and_text_dates_say_how_to_write_them(content, book, capsys):
    wb = load_workbook(book)
    sandal = row_of(wb["Kampung"], "alas-sandal")
    wb["Kampung"].cell(sandal, 9).value = "-7.4806"  # location.lat typed as text
    wb["Produk"]["D3"] = "25000"  # alas-sandal's product price, as text
    wb["Jadwal"].append(["batik-majapahit", 1, None, "5/12/2026", "09:00", "11:00"])
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 1
    err = errors_of(capsys)
    assert (
        f"{book}:Jadwal!D3: experiences[0].schedule[0].date: '5/12/2026' is not a date; "
        "write YYYY-MM-DD, e.g. 2026-12-05" in err
    )
    wb["Jadwal"]["D3"] = datetime.date(2026, 12, 5)  # typed as a date: the spreadsheet keeps a date
    wb.save(book)
    assert run_import(content, book, "--lang", "en") == 0
    sandal_value, batik = profile(content, "alas-sandal"), profile(content, "batik-majapahit")
    assert sandal_value["location"]["lat"] == -7.4806 and sandal_value["products"][0]["price_idr"] == 25000
    assert batik["experiences"][0]["schedule"] == [{"date": "2026-12-05", "start": "09:00", "end": "11:00"}]


def test_an_emptied_key_or_required_cell_is_named_by_its_cell(content, book, capsys):
    before = snapshot(content)
    wb = load_workbook(book)
    ws = wb["Kampung"]
    ws.cell(row_of(ws, "onde-onde"), 2).value = None  # name.id
    sepatu = row_of(ws, "alas-sepatu")
    ws.cell(sepatu, 1).value = None  # the slug
    wb["Produk"]["A3"] = None
    wb["Kategori"]["A3"] = None
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 1
    err = errors_of(capsys)
    onde = row_of(ws, "onde-onde")
    # an emptied main-language name is filled in by the other language, with a warning (issue 14)
    assert any(
        line.startswith(f"{book}:Kampung!B{onde}: name: warning: no id text, although id is the site's main language")
        for line in err
    ), err
    for cell, key in ((f"Kampung!A{sepatu}", "slug"), ("Produk!A3", "slug"), ("Kategori!A3", "id")):
        assert f"{book}:{cell}: this row's {key} cell is empty; every row needs one (or delete the row)" in err
    assert not any("None" in line for line in err)
    assert snapshot(content) == before


def test_a_deleted_row_says_what_is_kept(content, book, capsys):
    """Without --delete-missing a deleted Kampung row deletes nothing, and a kampung's last deleted
    product row removes nothing: a warning says so (and how to remove them)."""
    before = snapshot(content)
    wb = load_workbook(book)
    wb["Kampung"].delete_rows(row_of(wb["Kampung"], "alas-sepatu"))
    sandal = row_of(wb["Kampung"], "alas-sandal")
    assert [wb["Produk"].cell(r, 1).value for r in (3, 4)] == ["alas-sandal", "alas-sepatu"]
    wb["Produk"].delete_rows(3)  # alas-sandal's only product
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 0
    err = errors_of(capsys)
    assert (
        f"{content}/kampung/alas-sepatu.yaml: warning: 'alas-sepatu' has no row in the Kampung sheet; "
        "its profile is left as it is (--delete-missing would delete it)" in err
    )
    assert (
        f"{book}:Kampung!A{sandal}: products: warning: no row of this kampung in the sheet 'Produk': the 1 it has "
        "there are kept as they are; to remove them, leave one row with the slug alone" in err
    )
    assert snapshot(content) == before
    wb["Produk"].insert_rows(3)
    wb["Produk"]["A3"] = "alas-sandal"  # the slug alone: no products
    wb.save(book)
    assert run_import(content, book) == 0
    assert "products" not in profile(content, "alas-sandal")


def test_a_renamed_sheet_is_read_by_its_columns(content, book, capsys):
    wb = load_workbook(book)
    wb["Kampung"].title = "Kampung (2)"
    wb["Produk"].title = "Sheet1"  # Products' columns are all Experiences' ones too: the closer fit wins
    wb["Sheet1"]["D3"] = 15000
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 0
    err = errors_of(capsys)
    assert (
        f"{book}:'Kampung (2)'!A1: warning: the sheet 'Kampung (2)' is read as the Kampung sheet: "
        "its columns are that sheet's" in err
    )
    assert (
        f"{book}:Sheet1!A1: warning: the sheet 'Sheet1' is read as the Products sheet: its columns are that sheet's"
        in err
    )
    assert profile(content, "alas-sandal")["products"][0]["price_idr"] == 15000
    copy = wb.copy_worksheet(wb["Sheet1"])  # a second sheet of products: which one is meant is unclear
    copy.title = "Salinan"
    wb.save(book)
    capsys.readouterr()
    assert run_import(content, book, "--lang", "en") == 1
    assert f"{book}:Salinan!A1: a second sheet for the same list; keep one" in errors_of(capsys)


def test_an_added_product_row_is_a_new_product(content, book):
    wb = load_workbook(book)
    wb["Produk"].append(["onde-onde", "Onde-onde isi kacang hijau", "Onde-onde with mung bean filling", "Rp 2.000"])
    wb.save(book)
    assert run_import(content, book) == 0
    products = profile(content, "onde-onde")["products"]
    assert products[-1] == {
        "name": {"id": "Onde-onde isi kacang hijau", "en": "Onde-onde with mung bean filling"},
        "price_idr": 2000,
    }


def test_times_typed_the_indonesian_way_read_as_times():
    start = COLUMNS[("experiences.schedule", "start")]
    assert [read_cell(start, v) for v in ("9.00", "09.30", "9:00", datetime.time(13, 5))] == [
        "09:00",
        "09:30",
        "09:00",
        "13:05",
    ]
    for wrong in ("9", 9.3, "25.00", "pagi"):
        assert read_cell(start, wrong) == CellError("sheet_bad_clock", {"value": str(wrong)})

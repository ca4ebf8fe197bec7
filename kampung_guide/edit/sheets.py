"""Spreadsheets of the content: the workbook export writes (one sheet per table of columns.py, frozen
headers, widths, dropdowns, the same bytes for the same content) and the rows import reads back from
a workbook, ours or one the office made with the same headers in either language."""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import zipfile
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, cast

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from python_calamine import CalamineWorkbook, SheetTypeEnum

from ..load.yamlfile import YamlValue
from ..util.messages import format_message
from ..util.problems import FieldPath, Report
from ..validate.specs import Choice, ListOf, Number, Ref
from .cells import BOOL_WORDS, CellError, ReadValue, SheetValue, read_cell, write_cell
from .columns import (
    BOOL,
    CHOICE,
    MARKDOWN,
    NUMBER,
    PRICE,
    TEXT,
    WORDS,
    Column,
    Table,
    all_tables,
    find_table,
    normal_header,
)

FIRST_ROW = 3  # two header rows: the label in the editor's language, then the field path
SPARE_ROWS = 500  # rows below the data that keep the dropdowns, for new entries
FIXED_TIME = datetime.datetime(2000, 1, 1)  # the workbook's created/modified stamps: same content, same bytes
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
WIDTHS = {MARKDOWN: 60, TEXT: 28, NUMBER: 13, PRICE: 15, BOOL: 12, CHOICE: 16, WORDS: 26}
HEAD_FONT = Font(name="Calibri", size=11, bold=True)
PATH_FONT = Font(name="Calibri", size=9, italic=True, color="595959")
HEAD_FILL, KEY_FILL = PatternFill("solid", fgColor="DDEBF7"), PatternFill("solid", fgColor="F2F2F2")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="top")
TEXT_ALIGN = Alignment(wrap_text=True, vertical="top")
TOP_ALIGN = Alignment(vertical="top")


@dataclass
class Content:
    """A content folder's values as the files hold them (not yet checked): what export writes."""

    languages: tuple[str, ...]
    profiles: dict[str, dict[str, YamlValue]]  # slug -> the profile's YAML value, by slug
    categories: dict[str, dict[str, YamlValue]]  # id -> the category's YAML value, in the file's order


# A row's key values (the slug, or a category's id, then the numbers of the enclosing list items) and its item.
KeyedItem: TypeAlias = tuple[tuple[str | int, ...], dict[str, YamlValue]]


def get(value: YamlValue, path: tuple[str, ...]) -> YamlValue:
    """The value at `path` inside nested mappings, or None."""
    for step in path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def rows_of(table: Table, content: Content) -> list[KeyedItem]:
    """(key values, item) for every row of `table`: a category, a profile, or an item of one of its lists."""
    if table.name == "categories":
        return [((cid,), item) for cid, item in content.categories.items()]
    rows = []
    for slug, profile in content.profiles.items():
        rows.extend(items_under(profile, table.list_path, (slug,)))
    return rows


def items_under(
    parent: dict[str, YamlValue], list_path: tuple[str, ...], keys: tuple[str | int, ...]
) -> list[KeyedItem]:
    """The items at the end of `list_path`, each with its keys: the slug, and the number (1, 2, …) of
    every enclosing list item (a schedule names its experience)."""
    if not list_path:
        return [(keys, parent)]
    step, rest = list_path[0], list_path[1:]
    found: list[KeyedItem] = []
    # export reads profiles that passed the build's checks: a list field holds a list
    for number, item in enumerate(cast(list[YamlValue], get(parent, (step,)) or []), 1):
        if isinstance(item, dict):
            found += items_under(item, rest, keys + ((number,) if rest else ()))
    return found


# -- export -------------------------------------------------------------------------------------


def export_xlsx(content: Content, lang: str) -> bytes:
    """The workbook of every profile and category, headers in `lang`; deterministic bytes."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]  # a new workbook has one sheet, the active one
    tables = all_tables(content.languages)
    category_sheet = tables[-1].sheet_name(lang)
    for table in tables:
        fill_sheet(wb.create_sheet(table.sheet_name(lang)), table, rows_of(table, content), lang, category_sheet)
    wb.properties.creator = "kampung-guide"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return save_deterministic(wb)


def fill_sheet(ws: Worksheet, table: Table, rows: list[KeyedItem], lang: str, category_sheet: str) -> None:
    """Headers, one row per item, widths, a frozen header and the columns' dropdowns."""
    columns = table.all_columns
    ws.append([c.label(lang) for c in columns])
    ws.append([c.key for c in columns])
    for keys, item in rows:
        ws.append([*keys, *(write_cell(c, get(item, c.path), lang) for c in table.columns)])
    styles = [style_column(ws, index, column, column in table.keys) for index, column in enumerate(columns, 1)]
    for row in ws.iter_rows(min_row=FIRST_ROW):
        for cell, style in zip(row, styles, strict=True):
            if cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" stays text, not a formula
            # openpyxl's own worksheet copy shares styles this way; setting them cell by cell costs 30 times more
            cell._style = copy(style)  # type: ignore[union-attr]  # a private attribute, left out of the stubs
    ws.freeze_panes = ws.cell(FIRST_ROW, len(table.keys) + 1)  # type: ignore[assignment]  # no merged cells here
    ws.row_dimensions[1].height, ws.row_dimensions[2].height = 32, 14
    set_printing(ws, len(table.keys))
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = 34, True  # three lines of a text
    last = FIRST_ROW + len(rows) + SPARE_ROWS
    for index, column in enumerate(columns, 1):
        validation = column_validation(column, lang, category_sheet, table)
        if validation is not None:
            letter = get_column_letter(index)
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
            ws.add_data_validation(validation)


def set_printing(ws: Worksheet, keys: int) -> None:
    """Printed, a sheet is landscape A4 with grid lines, the headers and the key columns on every page."""
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:2"
    ws.print_title_cols = f"A:{get_column_letter(keys)}"


def style_column(ws: Worksheet, index: int, column: Column, is_key: bool) -> StyleArray:
    """Width, header look and cell format of one column (text columns stay text when typed in);
    returns the style of its data cells."""
    letter = get_column_letter(index)
    width = 22 if is_key else WIDTHS.get(column.kind, 20)
    dimension = ws.column_dimensions[letter]
    dimension.width = max(width, min(len(column.label("en")), 40) * 0.9)
    head, path = ws.cell(1, index), ws.cell(2, index)
    head.font, head.fill, head.alignment = HEAD_FONT, KEY_FILL if is_key else HEAD_FILL, HEAD_ALIGN
    path.font = PATH_FONT
    if column.kind not in (NUMBER, PRICE):
        dimension.number_format = "@"
    dimension.alignment = TEXT_ALIGN if column.kind in (TEXT, MARKDOWN) else TOP_ALIGN
    return dimension._style  # type: ignore[attr-defined]  # private, left out of the stubs


def column_validation(column: Column, lang: str, category_sheet: str, table: Table) -> DataValidation | None:
    """A dropdown for categories, choices and yes/no; bounds for numbers; a hint for word lists."""
    spec, title = column.spec, column.label(lang)[:32]

    def message(key: str, **params: object) -> str:
        return format_message(key, params, lang)[:255]

    if isinstance(spec, Ref) and table.name != "categories":
        first = FIRST_ROW
        formula = f"'{category_sheet}'!$A${first}:$A${first + SPARE_ROWS}"
        return DataValidation("list", formula1=formula, errorStyle="warning", error=message("sheet_dv_category"))
    if isinstance(spec, Choice):
        return DataValidation(
            "list", formula1=f'"{",".join(spec.choices)}"', error=message("sheet_dv_choice"), errorTitle=title
        )
    if column.kind == BOOL:
        words = BOOL_WORDS["id" if lang == "id" else "en"]
        return DataValidation("list", formula1=f'"{",".join(words)}"', error=message("sheet_dv_choice"))
    if isinstance(spec, Number) and spec.low is not None and spec.high is not None:
        kind: Literal["whole", "decimal"] = "whole" if spec.integer else "decimal"
        return DataValidation(
            kind,
            operator="between",
            formula1=str(spec.low),
            formula2=str(spec.high),
            error=message("sheet_dv_number", low=spec.low, high=spec.high),
            errorTitle=title,
        )
    if isinstance(spec, ListOf) and isinstance(spec.item, Choice):
        return DataValidation(
            showInputMessage=True,
            promptTitle=title,
            prompt=message("sheet_dv_words", choices=", ".join(spec.item.choices)),
        )
    return None


def save_deterministic(wb: Workbook) -> bytes:
    """The workbook's bytes with fixed timestamps, inside and in the zip (openpyxl stamps both with now)."""
    first = io.BytesIO()
    with zipfile.ZipFile(first, "w", zipfile.ZIP_STORED) as archive:  # compressed once, below
        ExcelWriter(wb, archive).write_data()  # save() would stamp `modified` with the clock
    out = io.BytesIO()
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def export_csv(content: Content, lang: str) -> str:
    """The Kampung sheet alone as CSV: one header row of field paths (the same in every language)."""
    table = all_tables(content.languages)[0]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.key for c in table.all_columns])
    for keys, item in rows_of(table, content):
        writer.writerow([*keys, *(_csv(write_cell(c, get(item, c.path), lang)) for c in table.columns)])
    return out.getvalue()


def _csv(value: YamlValue) -> str:
    return "" if value is None else str(value)


# -- reading a workbook -------------------------------------------------------------------------


@dataclass
class Row:
    """One data row of a sheet: each present column's value, read (raw, None, or a CellError)."""

    where: str  # "FILE.xlsx:'Produk'!" prefix of its cells' addresses
    number: int
    cells: dict[str, ReadValue] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)

    def cell(self, key: str) -> str:
        """`FILE.xlsx:Kampung!E4` for the column `key` (the row's first cell when it has no such column)."""
        return f"{self.where}{self.letters.get(key, 'A')}{self.number}"


@dataclass
class Sheet:
    table: Table
    rows: list[Row]
    keys: set[str]  # the columns the sheet carries
    title: str = ""  # its name in the workbook


class UnreadableWorkbook(Exception):
    """Not an .xlsx workbook at all (an .xls, .ods, CSV or a damaged file)."""


def sheet_ref(shown: str, title: str) -> str:
    """`FILE.xlsx:Kampung!`, the sheet name quoted as spreadsheets do when it has spaces or quotes."""
    plain = title.replace("_", "").isalnum()
    return f"{shown}:{title if plain else repr(title)}!"


def open_workbook(data: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own errors for a file that is no workbook, or a damaged one
        raise UnreadableWorkbook(str(exc) or type(exc).__name__) from None


def read_xlsx(data: bytes, shown: str, languages: tuple[str, ...], report: Report, lang: str) -> dict[str, Sheet]:
    """Every known sheet of a workbook (.xlsx, or what else calamine reads: .ods, .xls), by table name;
    header problems go to `report`."""
    wb, tables, sheets = open_workbook(data), all_tables(languages), {}
    try:
        for meta in wb.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            table, where = find_table(meta.name, tables), sheet_ref(shown, meta.name)
            try:  # values as the file caches them (never formulas); rows from the sheet's first row on
                rows = cast(
                    list[tuple[SheetValue, ...]], wb.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                )
            except Exception as exc:  # a damaged sheet inside a readable workbook
                raise UnreadableWorkbook(str(exc) or type(exc).__name__) from None
            if table is None and (table := table_by_columns(rows[:2], tables)) is not None:
                report.add(
                    where + "A1", 0, (), "sheet_read_as", warning=True, sheet=meta.name, table=table.sheet_name(lang)
                )
            if table is None:
                report.add(where + "A1", 0, (), "sheet_ignored", warning=True, sheet=meta.name)
                continue
            sheet = read_sheet(rows, table, where, report)
            sheet.title = meta.name
            if table.name in sheets:
                report.add(where + "A1", 0, (), "sheet_twice", sheet=meta.name)
            else:
                sheets[table.name] = sheet
    finally:
        wb.close()
    return sheets


def table_by_columns(header: list[tuple[SheetValue, ...]], tables: list[Table]) -> Table | None:
    """The table a renamed sheet holds, by its header: every header cell names a column of the table
    (a label in either language, or a field path), the keys among them; of the tables that fit, the one
    with the fewest columns left out (Products' columns are also Experiences' ones). None when unclear."""
    fits: dict[str, tuple[int, Table]] = {}
    for row in header:
        heads = {normal_header(v) for v in row if v not in (None, "")}
        for table in tables if heads else ():
            named = [c for c in table.all_columns if heads & set(c.names())]
            every = {name for c in table.all_columns for name in c.names()}
            if heads <= every and all(k in named for k in table.keys):
                left_out = len(table.all_columns) - len(named)
                fits[table.name] = min(fits.get(table.name, (left_out, table)), (left_out, table), key=lambda f: f[0])
    best = sorted(fits.values(), key=lambda f: f[0])
    return best[0][1] if best and (len(best) == 1 or best[0][0] < best[1][0]) else None


def read_sheet(rows: Iterable[tuple[SheetValue, ...]], table: Table, where: str, report: Report) -> Sheet:
    """A sheet's rows under its header (one or two header rows: labels and/or field paths)."""
    rows = iter(rows)
    first, second = next(rows, ()), next(rows, ())
    names = {name: c for c in table.all_columns for name in c.names()}
    shown = {name: text for c in table.all_columns for name, text in c.names().items()}
    paths = {normal_header(c.key): c for c in table.all_columns}
    second_is_paths = any(normal_header(v) in paths for v in second if v) and all(
        normal_header(v) in paths for v in second if v not in (None, "")
    )
    header, number = (second, FIRST_ROW) if second_is_paths else (first, 2)
    columns = header_columns(header, first, names, shown, where, report)
    if not second_is_paths and any(v not in (None, "") for v in second):
        rows = iter([second, *rows])
    missing = [k for k in table.keys if k.key not in {c.key for c in columns.values()}]
    for key in missing:
        report.add(where + "A1", 0, (), "sheet_no_key", column=key.label("id"), key=key.key)
    sheet = Sheet(table, [], {c.key for c in columns.values()})
    if missing:
        return sheet
    letters = {c.key: get_column_letter(i + 1) for i, c in columns.items()}
    for values in rows:
        if any(v not in (None, "") and not (isinstance(v, str) and not v.strip()) for v in values):
            cells = {c.key: read_cell(c, values[i] if i < len(values) else None) for i, c in columns.items()}
            sheet.rows.append(Row(where, number, cells, letters))
        number += 1
    return sheet


def header_columns(
    header: tuple[SheetValue, ...],
    labels: tuple[SheetValue, ...],
    names: dict[str, Column],
    shown: dict[str, str],
    where: str,
    report: Report,
) -> dict[int, Column]:
    """Which column each header cell names; unknown headers are reported and their column skipped."""
    columns: dict[int, Column] = {}
    for index, value in enumerate(header):
        if value in (None, "") and index < len(labels) and labels[index]:
            value = labels[index]  # an office's added column with a label only
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            continue
        column = names.get(normal_header(value))
        cell = f"{where}{get_column_letter(index + 1)}1"
        if column is None:
            close = difflib.get_close_matches(normal_header(value), list(names), n=1, cutoff=0.75)
            key = "sheet_unknown_column_suggest" if close else "sheet_unknown_column"
            report.add(cell, 0, (), key, warning=True, header=str(value), suggestion=shown[close[0]] if close else "")
        elif column in columns.values():
            report.add(cell, 0, (), "sheet_column_twice", header=str(value))
        else:
            columns[index] = column
    return columns


def cell_problem(report: Report, row: Row, key: str, path: FieldPath, value: CellError) -> None:
    # mypy fears a `warning` key in params (then typed object, not bool); no message has that parameter
    report.add(row.cell(key), 0, path, value.key, **value.params)  # type: ignore[arg-type]

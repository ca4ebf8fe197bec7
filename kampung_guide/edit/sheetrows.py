"""Which kampung (and which list item) each workbook row names: rows grouped by slug, the rows whose
key cells are empty, broken or unknown reported at their cells, and the lists a workbook leaves as
they are said to be kept."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, cast

from ..load.yamlfile import YamlValue
from ..util.problems import Report
from ..validate.specs import SLUG
from .columns import Table
from .sheets import Row, Sheet, get

if TYPE_CHECKING:
    from .importer import ImportContext


def rows_by_slug(
    sheets: dict[str, Sheet], profiles: Collection[str], context: ImportContext
) -> dict[str, dict[str, list[Row]]]:
    """Each sheet's rows by the slug they name; rows with a broken or unknown key are reported."""
    report = context["report"]
    found: dict[str, dict[str, list[Row]]] = {"kampung": {}}
    known = set(profiles)
    kampung = sheets.get("kampung")
    if kampung is not None:
        for row in kampung.rows:
            slug = row.cells["slug"]
            if not isinstance(slug, str) or not SLUG.match(slug):
                key_problem(report, row, kampung.table)
            elif slug in found["kampung"]:
                first = found["kampung"][slug][0].number
                report.add(row.cell("slug"), 0, (), "sheet_slug_twice", value=slug, first=first)
            else:
                found["kampung"][slug] = [row]
        known = set(found["kampung"]) | (set() if context["delete_missing"] else known)
    deleted = set(profiles) - known
    for name, sheet in sheets.items():
        if name in ("kampung", "categories"):
            continue
        by_slug = found.setdefault(name, {})
        for row in sheet.rows:
            if good_keys(row, sheet, known, deleted, report):
                by_slug.setdefault(cast(str, row.cells["slug"]), []).append(row)  # good_keys: a known slug
    return found


def key_problem(report: Report, row: Row, table: Table) -> None:
    """A row whose slug (or category id) cell is empty or not a slug."""
    key = table.keys[0]
    value = row.cells[key.key]
    if value is None:
        report.add(row.cell(key.key), 0, (), "sheet_no_key_value", key=key.key)
    else:
        report.add(row.cell(key.key), 0, (), "bad_id", value=str(value))


def good_keys(row: Row, sheet: Sheet, known: set[str], deleted: set[str], report: Report) -> bool:
    """Whether a list row names a known kampung (and whole item numbers from 1)."""
    slug = row.cells["slug"]
    if slug not in known and slug in deleted:
        report.add(row.cell("slug"), 0, (), "sheet_row_of_deleted", warning=True, value=slug)
        return False
    if slug is None:
        key_problem(report, row, sheet.table)
        return False
    if slug not in known:
        report.add(row.cell("slug"), 0, (), "sheet_unknown_slug", value=str(slug))
        return False
    for key in sheet.table.keys[1:]:
        number = row.cells[key.key]
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            report.add(row.cell(key.key), 0, (), "expected_whole_number", value=str(number))
            return False
    return True


def report_kept_list(old: YamlValue, sheet: Sheet, row: Row, report: Report) -> None:
    """A kampung row without rows in a list sheet keeps that list (a workbook may carry some kampung
    only); when the list has items, a warning says so, for the office that deleted the last row."""
    count = count_items(old, sheet.table.list_path)
    if count:
        where = sheet.table.list_path
        report.add(row.cell("slug"), 0, where, "sheet_list_kept", warning=True, sheet=sheet.title, count=count)


def count_items(value: YamlValue, list_path: tuple[str, ...]) -> int:
    """How many items (mappings) the lists at the end of `list_path` hold; a stored value of the wrong
    kind holds none."""
    if not list_path:
        return 1
    items = get(value, list_path[:1])
    return sum(count_items(i, list_path[1:]) for i in items if isinstance(i, dict)) if isinstance(items, list) else 0

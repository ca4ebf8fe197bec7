"""Workbook rows merged into the values of the files they name: a cell that reads back as the stored
value keeps the stored value (so an unchanged sheet changes nothing), an empty cell removes its field,
and a field the sheet has no column for is kept as it is."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, cast, overload

from ..load.yamlfile import YamlValue
from ..util.problems import FieldPath
from ..validate.specs import ListOf, Obj, Spec, type_name
from .cells import CellError, ReadValue, canonical
from .columns import Column, Table
from .sheets import Row, cell_problem, get

if TYPE_CHECKING:
    from .importer import MergeContext


class Locations:
    """The workbook cell each field of a file came from, for messages (`FILE.xlsx:Kampung!E4`)."""

    def __init__(self) -> None:
        self.cells: dict[FieldPath, str] = {}

    def add(self, path: FieldPath, where: str) -> None:
        self.cells.setdefault(path, where)

    def find(self, path: FieldPath) -> tuple[int, str | None]:
        """(depth, cell) of `path` or its nearest ancestor that came from a cell."""
        while path not in self.cells and path:
            path = path[:-1]
        return len(path), self.cells.get(path)


def put(item: dict[str, YamlValue], path: tuple[str, ...], value: YamlValue) -> None:
    """Set the field at `path` (None removes it, and mappings it leaves empty). Mappings on the way
    are copied first: the stored value they came from stays as it was, to compare with."""
    *parents, last = path
    node, trail = item, []
    for step in parents:
        child = node.get(step)
        if not isinstance(child, dict):
            if value is None:
                return
            child = {}
        node[step] = child = dict(child)
        trail.append((node, step))
        node = child
    if value is None:
        node.pop(last, None)
        for parent, step in reversed(trail):
            if not parent[step]:
                del parent[step]
    else:
        node[last] = value


def _norm(text: YamlValue) -> str | None:
    return text.replace("\r\n", "\n").strip() if isinstance(text, str) else None


def merged_text(old: YamlValue, cells: dict[str, str | None], languages: tuple[str, ...]) -> YamlValue:
    """A text from its language cells: the stored text where the cells say the same; one plain string
    when a new text is the same in every language."""
    if isinstance(old, str) and all(v is not None and _norm(v) == _norm(old) for v in cells.values()):
        return old
    base: dict[str, YamlValue] = (
        dict(old) if isinstance(old, dict) else {lang: old for lang in languages} if isinstance(old, str) else {}
    )
    for lang, value in cells.items():
        if value is None:
            base.pop(lang, None)
        elif _norm(base.get(lang)) != value:
            base[lang] = value
    if not base:
        return None
    if isinstance(old, dict):
        return old if base == old else base
    if set(base) == set(languages) and len(set(base.values())) == 1:
        return next(iter(base.values()))
    return {lang: base[lang] for lang in (*languages, *base) if lang in base}


def merge_row(old: YamlValue, row: Row, table: Table, prefix: FieldPath, context: MergeContext) -> dict[str, YamlValue]:
    """The item `old` (a profile, a product, …) with the row's cells in it."""
    item = dict(old) if isinstance(old, dict) else {}
    locations: Locations = context["locations"]
    locations.add(prefix, row.cell(table.keys[0].key))
    for path, group in groupby(table.columns, key=lambda c: c.path):
        carried = [c for c in group if c.key in row.cells]
        if not carried:
            continue  # the sheet has no column for this field: keep it as it is
        full = prefix + path
        for depth in range(len(prefix) + 1, len(full) + 1):
            locations.add(full[:depth], row.cell(carried[0].key))
        for column in carried:
            if column.lang:
                locations.add(full + (column.lang,), row.cell(column.key))
        broken = [c for c in carried if isinstance(row.cells[c.key], CellError)]
        for column in broken:
            where = full + ((column.lang,) if column.lang else ())
            cell_problem(
                context["report"], row, column.key, where, cast(CellError, row.cells[column.key])
            )  # broken: a CellError
        if not broken:
            put(item, path, merged_value(get(item, path), carried, row, context))
    return item


def merged_value(old: YamlValue, columns: list[Column], row: Row, context: MergeContext) -> YamlValue:
    if columns[0].lang is not None:  # a text: a column per language, each read as text (read_text) or empty
        texts = cast(dict[str, str | None], {c.lang: row.cells[c.key] for c in columns})
        return merged_text(old, texts, context["languages"])
    new = cast(YamlValue, row.cells[columns[0].key])  # merge_row merges only rows whose cells read (no CellError)
    return old if canonical(columns[0], old, context["lang"]) == new else new


def merge_list(old: YamlValue, rows: list[Row], table: Table, prefix: FieldPath, context: MergeContext) -> YamlValue:
    """A list from its rows, item by item (an item keeps what its row has no column for)."""
    old_items = old if isinstance(old, list) else []
    new: list[YamlValue] = [
        merge_row(old_items[i] if i < len(old_items) else None, row, table, prefix + (i,), context)
        for i, row in enumerate(rows)
    ]
    if not new:
        return old if old == [] else None
    return old if new == old else new


def apply_table(value: dict[str, YamlValue], table: Table, rows: list[Row], context: MergeContext) -> None:
    """A list sheet's rows for one profile put into its lists (nested lists by their item number)."""
    if not rows:
        return  # no row for this kampung: its lists stay as they are
    parents: list[tuple[FieldPath, dict[str, YamlValue]]] = [((), value)]
    for step in table.list_path[:-1]:
        inner: list[tuple[FieldPath, dict[str, YamlValue]]] = []
        for prefix, parent in parents:
            items = get(parent, (step,))
            if items is not None and not isinstance(items, list):
                # `experiences: 5`: the rows have no item to go into; the file's line says why
                context["ctx"].error(prefix + (step,), "expected_list", got=type_name(items))
                continue
            # copies of the enclosing items, so the stored ones stay as they were
            copied = [dict(i) if isinstance(i, dict) else i for i in items or []]
            if items is not None:
                parent[step] = copied
            inner += [(prefix + (step, i), item) for i, item in enumerate(copied) if isinstance(item, dict)]
        parents = inner
    by_numbers: dict[tuple[ReadValue, ...], list[Row]] = {}
    for row in rows:
        by_numbers.setdefault(tuple(row.cells[k.key] for k in table.keys[1:]), []).append(row)
    last = table.list_path[-1]
    for prefix, parent in parents:
        # prefix is (list, index, list, index, …): every second step is an item's index
        here = by_numbers.pop(tuple(cast(int, i) + 1 for i in prefix[1::2]), None)
        if here is None:
            continue  # no row for this kampung: its list stays as it is
        filled = [row for row in here if any(row.cells[c.key] is not None for c in table.columns if c.key in row.cells)]
        # a row with the slug alone says "none": the list is removed
        put(parent, (last,), merge_list(get(parent, (last,)), filled, table, prefix + (last,), context))
    for numbers, stray in by_numbers.items():
        key = table.keys[len(numbers)].key
        for row in stray:
            context["report"].add(
                row.cell(key),
                0,
                (),
                "sheet_no_such_item",
                slug=row.cells["slug"],
                number=numbers[-1],
                count=len(parents),
            )


@overload
def arrange(new: dict[str, YamlValue], old: YamlValue, spec: Obj[object]) -> dict[str, YamlValue]: ...
@overload
def arrange(new: YamlValue, old: YamlValue, spec: Spec[object] | None) -> YamlValue: ...
def arrange(new: YamlValue, old: YamlValue, spec: Spec[object] | None) -> YamlValue:
    """`new` with the stored file's key order, and a new field placed where the schema puts it."""
    if isinstance(new, dict) and isinstance(spec, Obj):
        order = list(spec.fields)
        rank = {name: i for i, name in enumerate(order)}
        keys = [k for k in old if k in new] if isinstance(old, dict) else []
        for key in new:
            if key not in keys:
                place = rank.get(key, len(order))
                after = [i for i, k in enumerate(keys) if rank.get(k, len(order)) <= place]
                keys.insert(after[-1] + 1 if after else 0, key)
        old = old if isinstance(old, dict) else {}
        fields = spec.fields
        return {k: arrange(new[k], old.get(k), fields[k].spec if k in fields else None) for k in keys}
    if isinstance(new, list) and isinstance(spec, ListOf):
        old = old if isinstance(old, list) else []
        return [arrange(item, old[i] if i < len(old) else None, spec.item) for i, item in enumerate(new)]
    return new

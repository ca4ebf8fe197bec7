"""`build.py import FILE.xlsx`: the workbook's rows merged into the profiles (and categories) they
name, checked with the build's own checks, then written back with the smallest change, or only
listed with --dry-run. With any error nothing is written.

Reading happens in `plan_import`, writing in `apply_plan`: between them everything is values.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, cast

from ..load.yamlfile import Document, YamlError, YamlValue, parse_yaml
from ..plan.pages import site_addresses
from ..plan.site import report_broken_links
from ..util.problems import FieldPath, Report
from ..validate import model
from ..validate.content import (
    Loader,
    check_kampung,
    find_site_links,
    list_images,
    load_categories,
    load_config,
    load_pages,
    load_routes,
)
from ..validate.schema import CATEGORY, KAMPUNG
from ..validate.specs import INVALID, SLUG, Ctx, type_name
from .rowmerge import Locations, apply_table, arrange, merge_row
from .sheets import Content, Row, Sheet, UnreadableWorkbook, get, read_xlsx
from .yamlwrite import replace_scalars, rewrite


@dataclass
class Stored:
    """A content file as read: its path, bytes, and value (None when it does not parse)."""

    path: Path
    shown: str
    data: bytes
    doc: Document | None
    error: YamlError | None = None

    @property
    def value(self) -> YamlValue:
        return self.doc.value if self.doc else None


@dataclass
class Change:
    """One file to write (`new` None: to delete)."""

    stored: Stored | None
    path: Path
    shown: str
    old: YamlValue  # what the file held (None: a new file)
    new: dict[str, YamlValue] | None


@dataclass
class Plan:
    report: Report
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        kinds = ["new" if c.old is None else "deleted" if c.new is None else "changed" for c in self.changes]
        return {kind: kinds.count(kind) for kind in ("changed", "new", "deleted")}


class ImportContext(TypedDict):
    """What the steps of an import share: the site's languages, the messages' language, the report, and
    whether profiles without a row are deleted."""

    languages: tuple[str, ...]
    lang: str
    report: Report
    delete_missing: bool


class MergeContext(ImportContext):
    """The context while one file's rows are merged: also the cell each field came from."""

    locations: Locations


@dataclass
class SheetCtx(Ctx):
    """The specs' context for values from a workbook: problems are placed at cells, or at the line of
    the file for fields that the workbook does not carry."""

    locations: Locations = field(default_factory=Locations)
    stored: Stored | None = None

    def place(self, path: FieldPath) -> tuple[str, int]:
        depth, cell = self.locations.find(path)
        doc = self.stored.doc if self.stored else None
        if doc is not None:
            line_path = path
            while line_path and line_path not in doc.lines:
                line_path = line_path[:-1]
            if cell is None or (len(line_path) > depth and line_path in doc.lines):
                return self.stored.shown, doc.line(path)  # type: ignore[union-attr]  # doc is the stored file's
        return cell or self.file, 0 if cell else 1

    def error(self, path: FieldPath, key: str, /, **params: object) -> object:
        where, line = self.place(path)
        # mypy fears a `warning` key in params (then typed object, not bool); no message has that parameter
        self.report.add(where, line, path, key, **params)  # type: ignore[arg-type]
        return INVALID

    def warn(self, path: FieldPath, key: str, /, **params: object) -> None:
        where, line = self.place(path)
        self.report.add(where, line, path, key, warning=True, excerpt="", **params)


def read_stored(loader: Loader, path: Path) -> Stored:
    data = path.read_bytes()
    try:
        return Stored(path, loader.display(path), data, parse_yaml(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        return Stored(path, loader.display(path), data, None, YamlError(1, "not_utf8"))
    except YamlError as exc:
        return Stored(path, loader.display(path), data, None, exc)


def stored_profiles(loader: Loader) -> dict[str, Stored]:
    folder = loader.root / "kampung"
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
    return {p.stem: read_stored(loader, p) for p in paths if SLUG.match(p.stem)}


def plan_import(root: Path, shown: str, data: bytes, book: str, lang: str, delete_missing: bool = False) -> Plan:
    """Everything the workbook `data` would change in the content folder `root`, checked."""
    loader = Loader(root, shown)
    plan = Plan(loader.report)
    config = load_config(loader)
    categories = load_categories(loader, config.languages) if config else None
    if config is None or categories is None:
        return plan
    try:  # the profiles are read while a second process reads the workbook's list sheets
        sheets, profiles = read_xlsx(data, book, config.languages, plan.report, lambda: stored_profiles(loader))
    except UnreadableWorkbook as exc:
        plan.report.add(book, 0, (), "sheet_unreadable", detail=str(exc))
        return plan
    context: ImportContext = {
        "languages": config.languages,
        "lang": lang,
        "report": plan.report,
        "delete_missing": delete_missing,
    }
    category_ids = plan_categories(loader, sheets.get("categories"), context, plan)
    rows = rows_by_slug(sheets, profiles, context)
    kampung_sheet = sheets.get("kampung")
    if delete_missing and kampung_sheet is None:
        plan.report.add(book, 0, (), "sheet_delete_needs_kampung")
    wanted = rows["kampung"]
    deleted = [s for s in profiles if s not in wanted] if delete_missing and kampung_sheet else []
    images = list_images(loader)
    kept = []
    for slug in dict.fromkeys([*wanted, *(s for t, by in rows.items() if t != "kampung" for s in by)]):
        change = plan_profile(loader, slug, profiles.get(slug), rows, sheets, context, category_ids, images, config)
        if change is not None:
            plan.changes.append(change)
            kept.append(change)
    for slug in deleted:
        stored = profiles[slug]
        plan.changes.append(Change(stored, stored.path, stored.shown, stored.value, None))
    check_site(loader, config, profiles, kept, deleted, category_ids)
    return plan


def rows_by_slug(
    sheets: dict[str, Sheet], profiles: dict[str, Stored], context: ImportContext
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
                report.add(row.cell("slug"), 0, (), "bad_id", value=str(slug))
            elif slug in found["kampung"]:
                first = found["kampung"][slug][0].number
                report.add(row.cell("slug"), 0, (), "sheet_slug_twice", value=slug, first=first)
            else:
                found["kampung"][slug] = [row]
        known = set(found["kampung"]) | (set() if context["delete_missing"] else known)
    for name, sheet in sheets.items():
        if name in ("kampung", "categories"):
            continue
        by_slug = found.setdefault(name, {})
        for row in sheet.rows:
            if good_keys(row, sheet, known, set(profiles) - known, report):
                by_slug.setdefault(cast(str, row.cells["slug"]), []).append(row)  # good_keys: a known slug
    return found


def good_keys(row: Row, sheet: Sheet, known: set[str], deleted: set[str], report: Report) -> bool:
    """Whether a list row names a known kampung (and whole item numbers from 1)."""
    slug = row.cells["slug"]
    if slug not in known and slug in deleted:
        report.add(row.cell("slug"), 0, (), "sheet_row_of_deleted", warning=True, value=slug)
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


def plan_categories(loader: Loader, sheet: Sheet | None, context: ImportContext, plan: Plan) -> frozenset[str]:
    """The category ids after the import; a changed categories.yaml goes into the plan."""
    stored = read_stored(loader, loader.root / "categories.yaml")
    old = cast(dict[str, YamlValue], stored.value or {})  # load_categories has read it: a mapping
    if sheet is None:
        return frozenset(old)
    new = dict(old)
    ctx = SheetCtx(stored.shown, Document(None), context["report"], context["languages"], stored=stored)
    merging: MergeContext = {**context, "locations": ctx.locations}
    for row in sheet.rows:
        cid = row.cells["id"]
        if not isinstance(cid, str) or not SLUG.match(cid):
            context["report"].add(row.cell("id"), 0, (), "bad_id", value=str(cid))
            continue
        new[cid] = arrange(merge_row(old.get(cid), row, sheet.table, (cid,), merging), old.get(cid), CATEGORY)
        if new[cid] != old.get(cid):
            CATEGORY.check(new[cid], (cid,), ctx)
    if new != old:
        plan.changes.append(Change(stored, stored.path, stored.shown, old, new))
    return frozenset(new)


def plan_profile(
    loader: Loader,
    slug: str,
    stored: Stored | None,
    rows: dict[str, dict[str, list[Row]]],
    sheets: dict[str, Sheet],
    context: ImportContext,
    category_ids: frozenset[str],
    images: dict[str, Path],
    config: model.SiteConfig,
) -> Change | None:
    """The change a workbook makes to one profile, checked; None when it changes nothing."""
    report = context["report"]
    path = stored.path if stored else loader.root / "kampung" / f"{slug}.yaml"
    shown = stored.shown if stored else loader.display(path)
    if stored is not None and stored.doc is None:
        # mypy types `[None]` by the left operand, as a list[Row]
        row: Row | None = (rows["kampung"].get(slug) or [None])[0]  # type: ignore[list-item]
        at = row.cell("slug") if row else stored.shown
        error = cast(YamlError, stored.error)  # read_stored keeps the error of every file it could not parse
        report.add(at, 0, (), "sheet_broken_file", detail=f"{stored.shown}:{error.line}")
        report.add(stored.shown, error.line, (), error.key, **error.params)
        return None
    old = stored.value if stored else None
    ctx = SheetCtx(shown, Document(None), report, context["languages"], category_ids, stored=stored)
    merging: MergeContext = {**context, "locations": ctx.locations}
    value = dict(old) if isinstance(old, dict) else {}
    if slug in rows["kampung"]:
        value = merge_row(old, rows["kampung"][slug][0], sheets["kampung"].table, (), merging)
    for name, sheet in sheets.items():
        if name not in ("kampung", "categories"):
            apply_table(value, sheet.table, rows.get(name, {}).get(slug, []), merging)
    value = arrange(value, old, KAMPUNG)
    if value == old:
        return None
    fields = KAMPUNG.check(value, (), ctx)
    if fields is not INVALID:
        kampung = model.Kampung(slug=slug, source=shown, **fields)
        check_kampung(kampung, ctx, images, config, loader)
        for lang, text in kampung.description.values.items():
            where = ("description",) if lang == "*" else ("description", lang)
            cell = ctx.place(where)[0]
            loader.links.extend((cell, 0, where, target) for target in find_site_links(text))
    return Change(stored, path, shown, old, value)


def check_site(
    loader: Loader,
    config: model.SiteConfig,
    profiles: dict[str, Stored],
    changes: list[Change],
    deleted: list[str],
    category_ids: frozenset[str],
) -> None:
    """Checks across files: site links still lead somewhere, routes do not stop at a deleted kampung."""
    languages = config.languages
    remaining = (set(profiles) - set(deleted)) | {c.path.stem for c in changes}
    if deleted:
        for slug in remaining - {c.path.stem for c in changes}:
            add_links(loader, profiles[slug])
    pages = load_pages(loader, languages)
    routes = load_routes(loader, languages, ())
    for route in routes:
        for i, stop in enumerate(route.stops):
            if stop in deleted:
                line = route_line(loader, route.slug, ("stops", i))
                loader.report.add(route.source, line, ("stops", i), "sheet_route_stop_deleted", value=stop)
    addresses = site_addresses(
        languages, sorted(remaining), category_ids, (p.slug for p in pages), (r.slug for r in routes)
    )
    report_broken_links(loader.links, addresses, loader.report)


def route_line(loader: Loader, slug: str, path: FieldPath) -> int:
    """The line of a field in a route file (which loaded cleanly a moment ago)."""
    for suffix in (".yaml", ".yml"):
        file = loader.root / "routes" / f"{slug}{suffix}"
        if file.is_file():
            return parse_yaml(file.read_text(encoding="utf-8-sig")).line(path)
    return 1


def add_links(loader: Loader, stored: Stored) -> None:
    """The site links in an unchanged profile's description, with their lines."""
    description = get(stored.value, ("description",))
    texts = {(): description} if isinstance(description, str) else (description or {})
    for lang, text in texts.items() if isinstance(texts, dict) else ():
        where = ("description",) + ((lang,) if lang else ())
        for offset, line in enumerate(str(text).splitlines()):
            for target in find_site_links(line):
                # a profile with a description was parsed: its doc is there
                loader.links.append((stored.shown, stored.doc.text_line(where, offset), where, target))  # type: ignore[union-attr]


def export_content(root: Path, shown: str) -> tuple[Content | None, Report]:
    """The content folder's values for a workbook, once the site settings, the categories and every
    profile pass the build's checks (None when they do not: broken content would not import back)."""
    loader = Loader(root, shown)
    config = load_config(loader)
    categories = load_categories(loader, config.languages) if config else None
    if config is None or categories is None:
        return None, loader.report
    profiles = stored_profiles(loader)
    if not profiles:
        loader.report.add(
            loader.display(root / "kampung"), 1, (), "no_kampung", folder=loader.display(root / "kampung")
        )
    for stored in profiles.values():
        if stored.doc is None:
            error = cast(YamlError, stored.error)  # read_stored keeps the error of every file it could not parse
            loader.report.add(stored.shown, error.line, (), error.key, **error.params)
        elif not isinstance(stored.value, dict):
            loader.report.add(stored.shown, 1, (), "not_a_mapping_file", got=type_name(stored.value))
        else:
            KAMPUNG.check(stored.value, (), loader.ctx(stored.path, stored.doc, config.languages, categories))
    if loader.report.errors:
        return None, loader.report
    # no errors: every profile is a mapping, and categories.yaml (load_categories read it) a mapping of mappings
    values = {slug: cast(dict[str, YamlValue], stored.value) for slug, stored in profiles.items()}
    category_values = cast(dict[str, dict[str, YamlValue]], read_stored(loader, root / "categories.yaml").value)
    return Content(config.languages, values, category_values), loader.report


# -- writing --------------------------------------------------------------------------------------


def apply_plan(plan: Plan) -> list[Path]:
    """Write every change of a checked plan; nothing when a file changed since it was read."""
    for change in plan.changes:
        now = change.path.read_bytes() if change.path.exists() else None
        if now != (change.stored.data if change.stored else None):
            plan.report.add(change.shown, 1, (), "sheet_changed_meanwhile")
    if plan.report.errors:
        return []
    texts = [(c, new_text(c)) for c in plan.changes if c.new]
    for change, text in texts:
        write_atomic(change.path, text)
    for change in plan.changes:
        if change.new is None:
            change.path.unlink()
    return [c.path for c in plan.changes]


def new_text(change: Change) -> str:
    """The file's new text: edited in place where only one-line values changed (a profile in a
    millisecond), else written back through ruamel's round trip (tens of milliseconds)."""
    # apply_plan asks for the text of the changes that have a new value; a stored file that changes was parsed
    if change.stored is None:
        return rewrite("", change.new)  # type: ignore[arg-type]
    text = change.stored.data.decode("utf-8-sig")
    quick = replace_scalars(text, change.stored.doc.lines, change.old, change.new, parse_yaml)  # type: ignore[union-attr]
    return quick if quick is not None else rewrite(text, change.new)  # type: ignore[arg-type]


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` in one step: a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

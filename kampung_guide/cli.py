"""The command line: build, check, schema (and the commands later issues add)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .plan.site import load_site
from .scaffold import SCHEMA_FILE
from .util.problems import Report
from .validate.content import Loader, configured_language, load_categories, load_config
from .validate.model import Site

if TYPE_CHECKING:
    from .render.maps import ScriptMaker

DEFAULT_CONTENT, DEFAULT_OUT = "content", "_site"
PROJECT = Path(__file__).resolve().parent.parent
PROJECT_FOLDERS = [PROJECT / "templates", PROJECT / "assets", PROJECT / "kampung_guide"]  # never replaced by a build


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv`; return the exit status."""
    args = parser().parse_args(argv)
    return args.run(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="Build the kampung UMKM guide from content/.")
    p.set_defaults(
        run=cmd_build, content=DEFAULT_CONTENT, out=DEFAULT_OUT, base_url=None, force=False, lang=None, jobs=0
    )
    sub = p.add_subparsers(metavar="COMMAND")
    build = sub.add_parser("build", help="build the site (the default command)")
    build.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    build.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: _site)")
    build.add_argument("--base-url", help="public address of the site, e.g. https://example.org/guide/")
    build.add_argument("--force", action="store_true", help="replace an output folder holding other files")
    build.add_argument("--lang", choices=["en", "id"], help="language of messages")
    build.add_argument("--jobs", type=int, default=0, help="processes rendering pages (default: one per CPU)")
    build.set_defaults(run=cmd_build)
    check = sub.add_parser("check", help="check the content without writing anything")
    check.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    check.add_argument("--lang", choices=["en", "id"], help="language of messages (default: site.yaml's)")
    check.set_defaults(run=cmd_check)
    serve = sub.add_parser(
        "serve", help="preview and editor: build, serve on 127.0.0.1, rebuild and reload on change, edit at /_editor/"
    )
    serve.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--lang", choices=["en", "id"], help="language of messages and of the editor")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1); 0.0.0.0 lets phones on the network edit, with a printed key",
    )
    serve.set_defaults(run=cmd_serve)
    new = sub.add_parser("new", help="start a new profile: new kampung SLUG")
    new.add_argument("kind", choices=["kampung"], help="what to create")
    new.add_argument("slug", help="page address, e.g. kampung-keramik (lowercase letters, digits, hyphens)")
    new.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    new.add_argument("--lang", choices=["en", "id"], help="language of the file's comments (default: site.yaml's)")
    new.set_defaults(run=cmd_new)
    schema = sub.add_parser("schema", help="write the JSON Schema of a kampung profile for editors")
    schema.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    schema.add_argument(
        "--out", default=None, help="file to write (default: CONTENT/kampung.schema.json; '-' prints it)"
    )
    schema.add_argument(
        "--format",
        choices=["json", "markdown"],
        default="json",
        help="json: the JSON Schema of a profile; markdown: the field reference",
    )
    schema.set_defaults(run=cmd_schema)
    export = sub.add_parser("export", help="write every profile into a spreadsheet: export FILE.xlsx (or .csv)")
    export.add_argument("file", help="the workbook to write (.xlsx), or .csv for the Kampung sheet alone")
    export.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    export.add_argument("--lang", choices=["en", "id"], help="language of headers and messages")
    export.set_defaults(run=cmd_export)
    imp = sub.add_parser("import", help="update the profiles from a workbook: import FILE.xlsx")
    imp.add_argument("file", help="the workbook to read (.xlsx)")
    imp.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    imp.add_argument("--lang", choices=["en", "id"], help="language of messages (default: site.yaml's)")
    imp.add_argument("--dry-run", action="store_true", help="list what would change, field by field; write nothing")
    imp.add_argument("--delete-missing", action="store_true", help="delete profiles that have no row in the workbook")
    imp.set_defaults(run=cmd_import)
    stats = sub.add_parser("stats", help="visitors per kampung, language and QR poster, from access logs")
    stats.add_argument("logs", nargs="+", metavar="LOGFILE", help="access logs (Common/Combined Log Format, .gz too)")
    stats.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    stats.add_argument("--lang", choices=["en", "id"], help="language of the report and messages")
    stats.add_argument("--base-url", help="the site's public address, e.g. https://example.org/guide/ (default: /)")
    stats.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day counted")
    stats.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day counted")
    stats.add_argument("--out", default="stats", help="folder for report.csv and report.html (default: stats)")
    stats.set_defaults(run=cmd_stats)
    return p


def load_checked(args: argparse.Namespace) -> tuple[Site | None, Report, str]:
    content = Path(args.content)
    site, report = load_site(content, args.content)
    lang = args.lang or (site.config.messages_language if site else configured_language(content))
    for problem in report.sorted():
        print(problem.render(lang, excerpt=True), file=sys.stderr)
    return site, report, lang


def summary(report: Report, lang: str) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if lang == "id":
        return f"{errors} kesalahan, {warnings} peringatan"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def cmd_check(args: argparse.Namespace) -> int:
    site, report, lang = load_checked(args)
    print(summary(report, lang), file=sys.stderr)
    return 1 if site is None else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .render.maps import ScriptMaker
    from .util.fork import can_fork  # not the builder: its imports would delay the map process's start

    with ScriptMaker() if can_fork() else contextlib.nullcontext() as map_maker:
        return build(args, map_maker)


def build(args: argparse.Namespace, map_maker: ScriptMaker | None) -> int:
    from .pipeline import build_files
    from .render.renderer import TemplateError
    from .write.output import OutputError, OutputRefused, check_output_folder, write_site

    site, report, lang = load_checked(args)
    untouched = " — situs lama tidak diubah" if lang == "id" else " — the previous site was not touched"
    if site is None:
        print(summary(report, lang) + untouched, file=sys.stderr)
        return 1
    content, out = Path(args.content), Path(args.out)
    base_url = normalise_base_url(args.base_url)
    try:
        check_output_folder(out, [content, *PROJECT_FOLDERS], args.force)
        count = write_site(build_files(site, content, base_url, args.jobs or os.cpu_count() or 1, map_maker), out)
    except OutputRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OutputError as exc:
        print(exc.message(lang) + untouched, file=sys.stderr)
        return 1
    except TemplateError as exc:
        print(f"{exc}\n" + ("kesalahan templat" if lang == "id" else "template error") + untouched, file=sys.stderr)
        return 1
    print(
        f"{count} files written to {out}" + (f" ({summary(report, lang)})" if report.problems else ""), file=sys.stderr
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import signal

    from .serve.preview import serve

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as on Ctrl+C: close the server cleanly
    try:
        serve(Path(args.content), args.content, args.port, args.lang, host=args.host)
    except OSError as exc:
        print(f"error: cannot serve on port {args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def normalise_base_url(url: str | None) -> str | None:
    """`https://host/guide` -> `https://host/guide/`."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def cmd_schema(args: argparse.Namespace) -> int:
    from .validate.schema import markdown_reference, profile_json_schema

    if args.format == "markdown":
        text = markdown_reference()
    else:
        text = json.dumps(profile_json_schema(), indent=2, ensure_ascii=False) + "\n"
    out = args.out or (None if args.format == "markdown" else str(Path(args.content) / SCHEMA_FILE))
    if out is None or out == "-":
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import kampung_template
    from .validate.specs import SLUG

    content = Path(args.content)
    target = content / "kampung" / f"{args.slug}.yaml"
    if not SLUG.match(args.slug):
        print(
            f"error: '{args.slug}' cannot be a page address: use lowercase letters, digits and hyphens, "
            "e.g. kampung-keramik",
            file=sys.stderr,
        )
        return 1
    if target.exists():
        print(f"error: {target} already exists", file=sys.stderr)
        return 1
    loader = Loader(content, args.content)
    config = load_config(loader)
    categories = load_categories(loader, config.languages) if config else None
    if not config or not categories:
        print("error: site.yaml and categories.yaml must be valid first; run: python build.py check", file=sys.stderr)
        return 1
    lang = args.lang or config.messages_language
    names = {key: category.name.get(config.languages[0]) for key, category in categories.items()}
    text = kampung_template(args.slug, names, config.map.center, config.languages, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    done = {
        "en": "wrote {target}; fill it in, then run: python build.py check (it names every field still to fill)",
        "id": "{target} ditulis; isilah, lalu jalankan: python build.py check "
        "(yang menyebut setiap kolom yang belum diisi)",
    }
    print(done.get(lang, done["en"]).format(target=target), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .edit.importer import export_content
    from .edit.sheets import export_csv, export_xlsx
    from .util.messages import format_message

    content, target = Path(args.content), Path(args.file)
    lang = args.lang or configured_language(content)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        print(f"{args.file}: " + format_message("sheet_bad_suffix", {"suffix": target.suffix}, lang), file=sys.stderr)
        return 1
    data, report = export_content(content, args.content)
    for problem in report.sorted():
        if not problem.warning:
            print(problem.render(lang), file=sys.stderr)
    if data is None:
        print(format_message("sheet_export_refused", {}, lang), file=sys.stderr)
        return 1
    if target.suffix.lower() == ".csv":
        target.write_text(export_csv(data, lang), encoding="utf-8-sig", newline="")
    else:
        target.write_bytes(export_xlsx(data, lang))
    counts = {"file": args.file, "profiles": len(data.profiles), "categories": len(data.categories)}
    print(format_message("sheet_exported", counts, lang), file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .edit.importer import apply_plan, plan_import
    from .edit.listing import describe_plan, problem_lines
    from .util.messages import format_message

    content, book = Path(args.content), Path(args.file)
    lang = args.lang or configured_language(content)
    try:
        data = book.read_bytes()
    except OSError as exc:
        print(
            f"{args.file}: " + format_message("unreadable", {"detail": exc.strerror or str(exc)}, lang), file=sys.stderr
        )
        return 1
    plan = plan_import(content, args.content, data, args.file, lang, args.delete_missing)
    if not plan.report.errors:
        for line in describe_plan(plan, lang):
            print(line)
        if not args.dry_run:
            apply_plan(plan)
    for line in problem_lines(plan.report, lang):
        print(line, file=sys.stderr)
    if plan.report.errors:
        print(summary(plan.report, lang) + " — " + format_message("sheet_nothing_written", {}, lang), file=sys.stderr)
        return 1
    done = "sheet_dry_run" if args.dry_run else "sheet_written"
    print(format_message(done, plan.counts(), lang), file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .stats.command import run_stats

    return run_stats(args)

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
from .util.messages import format_message, message_languages
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
    build.add_argument("--lang", choices=message_languages(), help="language of messages")
    build.add_argument("--jobs", type=int, default=0, help="processes rendering pages (default: one per CPU)")
    build.add_argument("--all", action="store_true", help="list every warning, not each kind once")
    build.set_defaults(run=cmd_build)
    check = sub.add_parser("check", help="check the content without writing anything")
    check.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    check.add_argument("--lang", choices=message_languages(), help="language of messages (default: site.yaml's)")
    check.add_argument("--all", action="store_true", help="list every warning, not each kind once")
    check.set_defaults(run=cmd_check)
    serve = sub.add_parser(
        "serve", help="preview and editor: build, serve on 127.0.0.1, rebuild and reload on change, edit at /_editor/"
    )
    serve.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--lang", choices=message_languages(), help="language of messages and of the editor")
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
    export.add_argument("--lang", choices=message_languages(), help="language of headers and messages")
    export.set_defaults(run=cmd_export)
    imp = sub.add_parser("import", help="update the profiles from a workbook: import FILE.xlsx")
    imp.add_argument("file", help="the workbook to read (.xlsx)")
    imp.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    imp.add_argument("--lang", choices=message_languages(), help="language of messages (default: site.yaml's)")
    imp.add_argument("--dry-run", action="store_true", help="list what would change, field by field; write nothing")
    imp.add_argument("--delete-missing", action="store_true", help="delete profiles that have no row in the workbook")
    imp.set_defaults(run=cmd_import)
    stats = sub.add_parser("stats", help="visitors per kampung, language and QR poster, from access logs")
    stats.add_argument("logs", nargs="+", metavar="LOGFILE", help="access logs (Common/Combined Log Format, .gz too)")
    stats.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    stats.add_argument("--lang", choices=message_languages(), help="language of the report and messages")
    stats.add_argument("--base-url", help="the site's public address, e.g. https://example.org/guide/ (default: /)")
    stats.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day counted")
    stats.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day counted")
    stats.add_argument("--out", default="stats", help="folder for report.csv and report.html (default: stats)")
    stats.set_defaults(run=cmd_stats)
    translations = sub.add_parser(
        "translations", help="write content/locale/LANG.po: the guide's own words to translate (Poedit, Weblate)"
    )
    translations.add_argument("language", help="language code, e.g. ms (listed in site.yaml's languages)")
    translations.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: content)")
    translations.add_argument("--lang", choices=message_languages(), help="language of messages")
    translations.set_defaults(run=cmd_translations)
    return p


def say(lang: str, key: str, /, **params: object) -> None:
    """Print a message of the tools in the messages language."""
    print(format_message(key, params, lang), file=sys.stderr)


def messages_language(args: argparse.Namespace) -> str:
    """The language of messages: --lang, or site.yaml's."""
    return getattr(args, "lang", None) or configured_language(Path(args.content))


def load_checked(args: argparse.Namespace) -> tuple[Site | None, Report, str]:
    content = Path(args.content)
    site, report = load_site(content, args.content)
    lang = args.lang or (site.config.messages_language if site else configured_language(content))
    for line in report.lines(lang, every=getattr(args, "all", False), excerpt=True):
        print(line, file=sys.stderr)
    return site, report, lang


def summary(report: Report, lang: str) -> str:
    """`0 errors, 7 warnings`, in the messages language."""
    errors = format_message("count_errors", {"n": len(report.errors)}, lang)
    warnings = format_message("count_warnings", {"n": len(report.warnings)}, lang)
    return format_message("summary", {"errors": errors, "warnings": warnings}, lang)


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
    if site is None:
        say(lang, "previous_untouched", summary=summary(report, lang))
        return 1
    content, out = Path(args.content), Path(args.out)
    base_url = normalise_base_url(args.base_url)
    try:
        check_output_folder(out, [content, *PROJECT_FOLDERS], args.force)
        count = write_site(build_files(site, content, base_url, args.jobs or os.cpu_count() or 1, map_maker), out)
    except OutputRefused as exc:
        say(lang, "error", message=exc.render(lang))
        return 1
    except OutputError as exc:
        say(lang, "previous_untouched", summary=exc.message(lang))
        return 1
    except TemplateError as exc:
        print(exc, file=sys.stderr)
        say(lang, "template_error")
        return 1
    if report.problems:
        say(lang, "files_written_problems", n=count, out=out, summary=summary(report, lang))
    else:
        say(lang, "files_written", n=count, out=out)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import signal

    from .serve.preview import serve

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as on Ctrl+C: close the server cleanly
    try:
        serve(Path(args.content), args.content, args.port, args.lang, host=args.host)
    except OSError as exc:
        lang = messages_language(args)
        message = format_message("cannot_serve", {"port": args.port, "detail": exc.strerror or str(exc)}, lang)
        say(lang, "error", message=message)
        return 1
    return 0


def normalise_base_url(url: str | None) -> str | None:
    """`https://host/guide` -> `https://host/guide/`."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def cmd_schema(args: argparse.Namespace) -> int:
    from .validate.schema import markdown_reference, profile_json_schema

    lang = messages_language(args)
    if args.format == "markdown":
        text = markdown_reference()
    else:
        loader = Loader(Path(args.content), args.content)
        config = load_config(loader)
        categories = load_categories(loader, config.languages) if config else None
        if not config or not categories:
            for line in loader.report.lines(lang):
                print(line, file=sys.stderr)
            say(lang, "error", message=format_message("schema_needs_content", {}, lang))
            return 1
        schema = profile_json_schema(config.languages, tuple(categories))
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    out = args.out or (None if args.format == "markdown" else str(Path(args.content) / SCHEMA_FILE))
    if out is None or out == "-":
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
        say(lang, "wrote", file=out)
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Write (or bring up to date) the site's catalogue of the guide's words in a language."""
    from .util.catalogue import site_file
    from .validate.languages import is_language, suggestion
    from .validate.locale import locale_path

    lang, code = messages_language(args), args.language
    if not is_language(code):
        close = suggestion(code, ())
        key = "translations_bad_language_suggest" if close else "translations_bad_language"
        say(lang, "error", message=format_message(key, {"lang": code, "suggestion": close}, lang))
        return 1
    path = locale_path(Path(args.content), code)
    existing = path.read_text(encoding="utf-8") if path.is_file() else None
    text, total, translated = site_file(code, existing)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    say(lang, "translations_wrote", file=path, n=total, translated=translated)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import kampung_template
    from .validate.specs import SLUG

    lang = messages_language(args)
    content = Path(args.content)
    target = content / "kampung" / f"{args.slug}.yaml"
    if not SLUG.match(args.slug):
        say(lang, "error", message=format_message("new_bad_slug", {"slug": args.slug}, lang))
        return 1
    if target.exists():
        say(lang, "error", message=format_message("new_exists", {"file": target}, lang))
        return 1
    loader = Loader(content, args.content)
    config = load_config(loader)
    categories = load_categories(loader, config.languages) if config else None
    if not config or not categories:
        say(lang, "error", message=format_message("new_needs_settings", {}, lang))
        return 1
    lang = args.lang or config.messages_language
    names = {key: category.name.get(config.languages[0]) for key, category in categories.items()}
    text = kampung_template(args.slug, names, config.map.center, config.languages, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    say(lang, "new_wrote", target=target)
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

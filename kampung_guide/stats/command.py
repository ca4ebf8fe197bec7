"""`build.py stats LOGFILE…`: read the logs, count, print a summary, write report.csv and report.html."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..plan.site import load_site
from ..util.messages import format_message
from ..validate.content import configured_language
from .logs import read_log
from .report import ReportView, Stats, count, report_csv, report_view


def parse_day(text: str | None, lang: str) -> datetime.date | None:
    """`2026-12-05` as a date; a wrong one is a user's mistake, said as such."""
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise SystemExit("error: " + format_message("bad_date", {"value": text}, lang)) from None


def render_report(view: ReportView) -> str:
    from ..render.renderer import make_environment

    return make_environment().get_template("stats-report.html").render(view)


def run_stats(args: argparse.Namespace) -> int:
    content = Path(args.content)
    site, report = load_site(content, args.content)
    lang = args.lang or (site.config.messages_language if site else configured_language(content))
    if site is None:
        for problem in report.sorted():
            if not problem.warning:
                print(problem.render(lang), file=sys.stderr)
        print(format_message("stats_needs_content", {}, lang), file=sys.stderr)
        return 1
    start, end = parse_day(args.start, lang), parse_day(args.end, lang)
    requests, failed = [], False
    for name in args.logs:
        try:
            read = read_log(Path(name))
        except OSError as exc:
            print(
                f"{name}: " + format_message("unreadable", {"detail": exc.strerror or str(exc)}, lang), file=sys.stderr
            )
            failed = True
            continue
        if read.unreadable:
            params = {"count": read.unreadable}
            print(
                f"{name}:{read.first_unreadable}: " + format_message("stats_unreadable", params, lang), file=sys.stderr
            )
        requests.extend(read.requests)
    if failed:
        return 1
    stats = count(requests, site, args.base_url, start, end, lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.csv").write_text(report_csv(stats, lang), encoding="utf-8-sig", newline="")
    view = report_view(stats, lang, site.config.title.get(lang))  # Text.get falls back to the main language
    (out / "report.html").write_text(render_report(view), encoding="utf-8")
    print_summary(stats, view, lang)
    print(
        format_message("stats_written", {"csv": out / "report.csv", "html": out / "report.html"}, lang), file=sys.stderr
    )
    return 0


def print_summary(stats: Stats, view: ReportView, lang: str) -> None:
    """The report's figures as a few lines of text."""
    w = view["w"]
    print(f"{w['period']}: {view['period']}")
    print(f"{w['views']}: {stats.total} (" + ", ".join(f"{name} {n}" for name, n in view["languages"]) + ")")
    print(f"{w['poster']}: {stats.poster_total}")
    width = max((len(k.name) for k in stats.kampung), default=10)
    for k in stats.kampung:
        per_language = "  ".join(f"{code} {k.views[code]:>5}" for code in stats.languages)
        print(f"  {k.name:<{width}}  {k.total:>6}  {per_language}  QR {k.poster:>4}")
    if view["search"]:
        print(f"{w['search']}: " + ", ".join(f"{name} {n}" for name, n in view["search"]))

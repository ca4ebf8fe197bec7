"""When to come, in words for a kampung page: each workshop's schedule (the days and times the
calendar file has), and what the page's "open now" line needs (assets/site.js works it out from
the visitor's clock in Asia/Jakarta time; the opening-hours table is the fallback without script)."""

from __future__ import annotations

import datetime
import json

from ..validate.hours import holiday_spans, week
from ..validate.model import DAY_CODES, Hours, Schedule
from . import i18n


def format_date(iso: str, lang: str) -> str:
    """`2026-12-05` -> `5 Desember 2026` / `5 December 2026`."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {i18n.ui(lang)('months').split()[day.month - 1]} {day.year}"


def day_list(codes: tuple[str, ...], lang: str) -> str:
    """`(Sa, Su)` -> `Sabtu dan Minggu`; `(Mo, We, Fr)` -> `Senin, Rabu dan Jumat`."""
    t = i18n.ui(lang)
    names = [t("days").split()[DAY_CODES.index(code)] for code in sorted(codes, key=DAY_CODES.index)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {t('and')} " + names[-1]


def session(entry: Schedule, lang: str) -> dict:
    """One schedule entry as a line (`Setiap Sabtu, 09.00–11.00 WIB (mulai 1 Januari 2026)`), and the
    last date it happens (for marking past sessions in the browser; empty for an open-ended one)."""
    t = i18n.ui(lang)
    sep = t("time_sep")
    start, end = (entry.start.replace(":", sep), entry.end.replace(":", sep))
    if entry.date:
        text = t("schedule_once", date=format_date(entry.date, lang), start=start, end=end)
        return {"text": text, "last": entry.date}
    text = t("schedule_weekly", days=day_list(entry.days, lang), start=start, end=end)
    if entry.valid_from and entry.until:
        dates = {"from": format_date(entry.valid_from, lang), "until": format_date(entry.until, lang)}
        text += f" ({t('schedule_range', **dates)})"
    elif entry.valid_from:
        text += f" ({t('schedule_from', date=format_date(entry.valid_from, lang))})"
    elif entry.until:
        text += f" ({t('schedule_until', date=format_date(entry.until, lang))})"
    return {"text": text, "last": entry.until or ""}


def sessions(entries: tuple[Schedule, ...], lang: str) -> list[dict]:
    """An experience's schedule, weekly entries first, dated ones in date order."""
    ordered = sorted(entries, key=lambda e: (bool(e.date), e.date or "", e.start))
    return [session(e, lang) for e in ordered]


def open_now_data(hours: Hours, lang: str) -> str:
    """What the "open now" line needs, as JSON for a data attribute: the week's spans in minutes
    (Monday first), the day names, the time separator and the words."""
    t = i18n.ui(lang)
    words = ("open_now", "closed_now", "open_always", "closes_at", "opens_today", "opens_tomorrow", "opens_day")
    data = {
        "week": [[list(span) for span in spans] for spans in week(hours.rules)],
        "days": t("days").split(),
        "sep": t("time_sep"),
        "words": {w: t(w) for w in words},
        "holidays": t("open_holidays") if holiday_spans(hours.rules) is not None else "",
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

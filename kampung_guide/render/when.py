"""When to come, in words for a kampung page: each workshop's schedule (the days and times the
calendar file has), and what the page's "open now" line needs (assets/site.js works it out from
the visitor's clock in Asia/Jakarta time; the opening-hours table is the fallback without script).
Dates, day names, times of day and lists of days follow CLDR for the page's language (Babel)."""

from __future__ import annotations

import json

from babel.lists import format_list

from ..validate.hours import holiday_spans, week
from ..validate.model import DAY_CODES, Hours, Schedule
from . import i18n


def format_date(iso: str, words: i18n.Language) -> str:
    """`2026-12-05` -> `5 Desember 2026` / `December 5, 2026`: CLDR's long date."""
    return i18n.long_date(iso, words)


def day_list(codes: tuple[str, ...], words: i18n.Language) -> str:
    """`(Sa, Su)` -> `Sabtu dan Minggu`; `(Mo, We, Fr)` -> `Senin, Rabu, dan Jumat` (CLDR's list pattern)."""
    names = [words.day_names[DAY_CODES.index(code)] for code in sorted(codes, key=DAY_CODES.index)]
    return format_list(names, locale=words.locale)


def clock_text(hhmm: str, words: i18n.Language) -> str:
    """`09:00` as the language writes a time of day: `09.00`, `09:00`."""
    hours, minutes = hhmm.split(":")
    return words.clock(int(hours) * 60 + int(minutes))


def session(entry: Schedule, words: i18n.Language) -> dict[str, str]:
    """One schedule entry as a line (`Setiap Sabtu, 09.00–11.00 WIB (mulai 1 Januari 2026)`), and the
    last date it happens (for marking past sessions in the browser; empty for an open-ended one)."""
    t = words.t
    start, end = clock_text(entry.start, words), clock_text(entry.end, words)
    if entry.date:
        text = t("schedule_once", date=format_date(entry.date, words), start=start, end=end)
        return {"text": text, "last": entry.date}
    text = t("schedule_weekly", days=day_list(entry.days, words), start=start, end=end)
    if entry.valid_from and entry.until:
        dates = {"from": format_date(entry.valid_from, words), "until": format_date(entry.until, words)}
        text += f" ({t('schedule_range', **dates)})"
    elif entry.valid_from:
        text += f" ({t('schedule_from', date=format_date(entry.valid_from, words))})"
    elif entry.until:
        text += f" ({t('schedule_until', date=format_date(entry.until, words))})"
    return {"text": text, "last": entry.until or ""}


def sessions(entries: tuple[Schedule, ...], words: i18n.Language) -> list[dict[str, str]]:
    """An experience's schedule, weekly entries first, dated ones in date order."""
    ordered = sorted(entries, key=lambda e: (bool(e.date), e.date or "", e.start))
    return [session(e, words) for e in ordered]


def open_now_data(hours: Hours, words: i18n.Language) -> str:
    """What the "open now" line needs, as JSON for a data attribute: the week's spans in minutes
    (Monday first), the day names, how a time of day is written and the words."""
    t = words.t
    names = ("open_now", "closed_now", "open_always", "closes_at", "opens_today", "opens_tomorrow", "opens_day")
    data = {
        "week": [[list(span) for span in spans] for spans in week(hours.rules)],
        "days": words.day_names,
        "sep": words.time_sep,
        "hourDigits": words.hour_digits,
        "words": {w: t(w) for w in names},
        "holidays": t("open_holidays") if holiday_spans(hours.rules) is not None else "",
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

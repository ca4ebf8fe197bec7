"""What a page says about watching the making and about how fresh its facts are: the "watch it
being made" block, the line on a card, the planner's making weeks, and "information checked on"."""

from __future__ import annotations

from ..validate.hours import week
from ..validate.model import Kampung, Making
from . import i18n


def making_entries(k: Kampung, lang: str, office: str) -> list[dict]:
    """Each thing made that can be watched: what, when (hours in one line) and what is known roughly."""
    return [making_entry(m, lang, office) for m in k.making]


def making_entry(making: Making, lang: str, office: str) -> dict:
    when = i18n.hours_line(making.hours, lang, closed_days=False) if making.hours else ""
    note = making.note.get(lang) if making.note else ""
    return {
        "what": making.what.get(lang),
        "when": when,
        "note": note,
        "ask": "" if when or note else i18n.ui(lang)("making_ask", office=office),
    }


def making_short(k: Kampung, lang: str) -> str:
    """One line for a card: when the first thing made can be watched, or what is known about it."""
    if not k.making:
        return ""
    first = k.making[0]
    when = i18n.hours_line(first.hours, lang, closed_days=False) if first.hours else ""
    return when or (first.note.get(lang) if first.note else "") or first.what.get(lang)


def making_week(k: Kampung) -> list | None:
    """The spans of each weekday (Monday first, minutes) in which something can be watched being
    made, every making entry's hours merged; None when no entry has hours."""
    weeks = [week(m.hours.rules) for m in k.making if m.hours]
    if not weeks:
        return None
    return [merge_spans([span for w in weeks for span in w[day]]) for day in range(7)]


def merge_spans(spans: list[tuple[int, int]]) -> list[list[int]]:
    """Overlapping or touching spans joined: [(240, 480), (420, 600)] -> [[240, 600]]."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def checked_text(k: Kampung, lang: str) -> str:
    """ "Information checked on 20 November 2026", or that the date is not recorded."""
    t = i18n.ui(lang)
    return t("checked_on", date=i18n.format_date(k.checked, lang)) if k.checked else t("checked_unknown")


def children_welcome(k: Kampung) -> bool:
    """Whether the workshop rules say children may come (alone or with an adult)."""
    return bool(k.rules and k.rules.children in ("welcome", "accompanied"))

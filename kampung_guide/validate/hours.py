"""A well-understood subset of OpenStreetMap's opening_hours syntax, parsed into a week.

Supported: `24/7`; rules separated by `;`, each `DAYS TIMES` where DAYS is a comma list of days
(`Mo`..`Su`) or ranges (`Mo-Sa`) and optionally `PH` (public holidays), and TIMES is a comma list of
`HH:MM-HH:MM` spans or `off`/`closed`. A later rule replaces earlier ones for its days, as in OSM.
"""

from __future__ import annotations

import re

from .values import value

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_SPAN = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


class HoursError(ValueError):
    """Text that is not in the supported opening_hours syntax; `part` is the offending piece."""

    def __init__(self, part: str):
        super().__init__(part)
        self.part = part


@value
class Rule:
    days: tuple[int, ...]  # 0 = Monday
    holidays: bool
    spans: tuple[tuple[int, int], ...]  # minutes from midnight; empty = closed


def parse_hours(text: str) -> tuple[Rule, ...]:
    """Parse opening_hours text into rules; raise HoursError naming the part not understood."""
    text = text.strip()
    if text == "24/7":
        return (Rule(tuple(range(7)), False, ((0, 24 * 60),)),)
    rules = tuple(_parse_rule(part.strip()) for part in text.split(";") if part.strip())
    if not rules:
        raise HoursError(text)
    return rules


def _parse_rule(rule: str) -> Rule:
    selector, _, times = rule.partition(" ")
    if not times and (":" in selector or selector in ("off", "closed")):
        selector, times = "Mo-Su", selector  # times alone mean every day
    days, holidays = _parse_days(selector)
    return Rule(days, holidays, _parse_times(times.strip()))


def _parse_days(selector: str) -> tuple[tuple[int, ...], bool]:
    days: list[int] = []
    holidays = False
    for part in selector.split(","):
        if part == "PH":
            holidays = True
        elif "-" in part:
            first, _, last = part.partition("-")
            if first not in DAYS or last not in DAYS:
                raise HoursError(part)
            start, end = DAYS.index(first), DAYS.index(last)
            days.extend((start + i) % 7 for i in range((end - start) % 7 + 1))
        elif part in DAYS:
            days.append(DAYS.index(part))
        else:
            raise HoursError(part)
    return tuple(sorted(set(days))), holidays


def _parse_times(times: str) -> tuple[tuple[int, int], ...]:
    if times in ("off", "closed"):
        return ()
    spans = []
    for part in times.split(","):
        match = _SPAN.match(part.strip())
        if not match:
            raise HoursError(part.strip() or times)
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start >= end or end > 24 * 60:
            raise HoursError(part.strip())
        spans.append((start, end))
    return tuple(spans)


def week(rules: tuple[Rule, ...]) -> list[tuple[tuple[int, int], ...]]:
    """Spans for each weekday, Monday first; later rules replace earlier ones for their days."""
    result: list[tuple[tuple[int, int], ...]] = [()] * 7
    for rule in rules:
        for day in rule.days:
            result[day] = rule.spans
    return result


def weekly_spans(rules: tuple[Rule, ...]) -> list[tuple[tuple[int, int], tuple[int, ...]]]:
    """Each span of the week with the weekdays (0 = Monday) it falls on, by span: for weekly
    schedules in calendars and JSON-LD."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for day, spans in enumerate(week(rules)):
        for span in spans:
            by_span.setdefault(span, []).append(day)
    return [(span, tuple(days)) for span, days in sorted(by_span.items())]


def holiday_spans(rules: tuple[Rule, ...]) -> tuple[tuple[int, int], ...] | None:
    """Spans on public holidays, or None when the text says nothing about them."""
    found = None
    for rule in rules:
        if rule.holidays:
            found = rule.spans
    return found


def clock(minutes: int, sep: str = ":") -> str:
    """`480` -> `08:00` (or `08.00` with sep='.')."""
    return f"{minutes // 60:02d}{sep}{minutes % 60:02d}"

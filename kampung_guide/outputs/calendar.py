"""iCalendar files: experiences that have a schedule and making times that have hours, one file per
kampung and one for the whole city; and the feed of every event (content/events/).

A schedule entry is weekly or dated, with local times in Asia/Jakarta (WIB, UTC+7, no daylight saving):

    schedule:
      - {days: [Sa, Su], start: "09:00", end: "11:00"}            # every Saturday and Sunday
      - {days: [We], start: "13:00", end: "15:00", from: 2026-02-01, until: 2026-06-30}
      - {date: 2026-12-05, start: "09:00", end: "12:00"}          # once

The entries come checked (validate/model.py Schedule: days or a date, a start before its end).
Output is byte-stable: UIDs come from slugs and positions, DTSTAMP is a constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from ..plan.pages import AGENDA_KEY, city_ics_path, event_anchor, events_ics_path, ics_path, kampung_key, lang_prefix
from ..render import i18n
from ..render.agenda import event_place, event_price, plain_summary
from ..validate.hours import weekly_spans
from ..validate.model import Event, Experience, Kampung, Making, Schedule, Site

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
TZID = "Asia/Jakarta"
JAKARTA = ZoneInfo(TZID)
DTSTAMP = datetime(2026, 1, 1, tzinfo=UTC)  # never the build time: builds stay byte-identical
ANCHOR = date(2026, 1, 1)  # a weekly series without `from` starts on its first day from here
DEFAULT_DOMAIN = "kampung-guide.local"


@dataclass(frozen=True)
class Slot:
    """When an experience takes place: weekly on `days`, or once on `on`; times are Jakarta time."""

    start: time
    end: time
    days: tuple[str, ...] = ()  # "Mo".."Su"
    on: date | None = None
    valid_from: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Session:
    """An experience with its slots, ready to become events."""

    uid: str  # e.g. "batik-majapahit-1": slot numbers and "@domain" are added
    summary: str
    description: str
    location: str
    geo: tuple[float, float]
    url: str
    slots: tuple[Slot, ...]


def parse_clock(value: str) -> time:
    """`"09:30"` -> 09:30."""
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def parse_day(value: str | None) -> date | None:
    """`"2026-12-05"` -> a date; None stays None."""
    return None if value is None else date.fromisoformat(value)


def parse_slot(entry: Schedule) -> Slot:
    """A Slot from a checked schedule entry."""
    return Slot(
        parse_clock(entry.start),
        parse_clock(entry.end),
        entry.days,
        parse_day(entry.date),
        parse_day(entry.valid_from),
        parse_day(entry.until),
    )


def experience_slots(experience: Experience) -> tuple[Slot, ...]:
    """The slots of an experience's `schedule`."""
    return tuple(parse_slot(entry) for entry in experience.schedule)


def page_url(slug: str, lang: str, site: Site, base_url: str | None) -> str:
    """The kampung page's public address, or "" when the site's address is not known."""
    return base_url + lang_prefix(lang, site.config.languages) + kampung_key(slug) if base_url else ""


def kampung_sessions(k: Kampung, site: Site, lang: str, base_url: str | None) -> list[Session]:
    """One Session per scheduled experience of `k`, texts in `lang`."""
    sessions = []
    url = page_url(k.slug, lang, site, base_url)
    for number, exp in enumerate(k.experiences, start=1):
        slots = experience_slots(exp)
        if slots:
            parts = [
                exp.description.get(lang) if exp.description else "",
                exp.booking.get(lang) if exp.booking else "",
                url,
            ]
            sessions.append(
                Session(
                    f"{k.slug}-{number}",
                    f"{exp.name.get(lang)} · {k.name.get(lang)}",
                    "\n\n".join(p for p in parts if p),
                    k.location.address.get(lang) if k.location.address else k.name.get(lang),
                    (k.location.lat, k.location.lon),
                    url,
                    slots,
                )
            )
    return sessions


def making_sessions(k: Kampung, site: Site, lang: str, base_url: str | None) -> list[Session]:
    """One Session per making entry with hours: a weekly slot per span, on the days it is made."""
    url = page_url(k.slug, lang, site, base_url)
    where = k.location.address.get(lang) if k.location.address else k.name.get(lang)
    watch = i18n.ui(lang)("making_title")
    return [
        Session(
            f"{k.slug}-making-{number}",
            f"{watch}: {making.what.get(lang)} · {k.name.get(lang)}",
            "\n\n".join(p for p in (making.note.get(lang) if making.note else "", url) if p),
            where,
            (k.location.lat, k.location.lon),
            url,
            making_slots(making),
        )
        for number, making in enumerate(k.making, start=1)
        if making.hours
    ]


def making_slots(making: Making) -> tuple[Slot, ...]:
    """A weekly slot for each span of the making hours, with the days it falls on."""
    spans = weekly_spans(making.hours.rules) if making.hours else []
    return tuple(Slot(minutes_time(a), minutes_time(b), tuple(DAYS[d] for d in days)) for (a, b), days in spans)


def minutes_time(minutes: int) -> time:
    """Minutes after midnight as a time; the end of the day (24:00) as 23:59."""
    return time(23, 59) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def first_day(slot: Slot) -> date:
    """The date of the first event of a slot: its date, or its first listed weekday from `from`."""
    if slot.on:
        return slot.on
    start = slot.valid_from or ANCHOR
    wanted = {DAYS.index(d) for d in slot.days}
    return next(start + timedelta(days=i) for i in range(7) if (start + timedelta(days=i)).weekday() in wanted)


def slot_event(session: Session, number: int, slot: Slot, domain: str) -> icalendar.Event:
    """One VEVENT: a single event, or a weekly series with RRULE."""
    day = first_day(slot)
    event = icalendar.Event()
    event.add("uid", f"{session.uid}-{number}@{domain}")
    event.add("dtstamp", DTSTAMP)
    event.add("dtstart", datetime.combine(day, slot.start, JAKARTA))
    event.add("dtend", datetime.combine(day, slot.end, JAKARTA))
    event.add("summary", session.summary)
    if session.description:
        event.add("description", session.description)
    event.add("location", session.location)
    event.add("geo", session.geo)
    if session.url:
        event.add("url", session.url)
    if not slot.on:
        rule: dict[str, str | list[str] | datetime] = {
            "freq": "weekly",
            "byday": [d.upper() for d in DAYS if d in slot.days],
        }
        if slot.until:
            last = datetime.combine(slot.until, time(23, 59, 59), JAKARTA)
            rule["until"] = last.astimezone(UTC)
        event.add("rrule", rule)
    return event


def jakarta_timezone() -> icalendar.Timezone:
    """A fixed VTIMEZONE for Asia/Jakarta: UTC+7 all year (WIB), so it needs no transition data."""
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=7))
    standard.add("tzoffsetto", timedelta(hours=7))
    standard.add("tzname", "WIB")
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    zone.add_component(standard)
    return zone


def make_calendar(sessions: list[Session], name: str, domain: str, lang: str) -> icalendar.Calendar:
    """A VCALENDAR with the Jakarta time zone and every slot of `sessions`."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//kampung-umkm-guide//{domain}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(jakarta_timezone())
    for session in sessions:
        for number, slot in enumerate(session.slots, start=1):
            calendar.add_component(slot_event(session, number, slot, domain))
    return calendar


def calendar_domain(base_url: str | None) -> str:
    """The host of the site's address, for UIDs; a fixed name when it is not known."""
    return (urlsplit(base_url).hostname if base_url else None) or DEFAULT_DOMAIN


def calendar_files(site: Site, base_url: str | None) -> dict[str, bytes]:
    """Per language: each kampung's calendar (classes with a schedule, making times with hours) and
    the city's; nothing when no kampung has one."""
    domain, files = calendar_domain(base_url), {}
    for lang in site.config.languages:
        everyone = []
        for k in site.kampung:
            sessions = kampung_sessions(k, site, lang, base_url) + making_sessions(k, site, lang, base_url)
            if sessions:
                files[ics_path(k.slug, lang)] = make_calendar(sessions, k.name.get(lang), domain, lang).to_ical()
                everyone += sessions
        if everyone:
            files[city_ics_path(lang)] = make_calendar(everyone, site.config.title.get(lang), domain, lang).to_ical()
    return files


def events_files(site: Site, base_url: str | None) -> dict[str, bytes]:
    """The feed of every event, per language; written even when there is none yet, so that a
    subscription made today keeps working."""
    domain = calendar_domain(base_url)
    return {
        events_ics_path(lang): events_calendar(site, lang, base_url, domain).to_ical() for lang in site.config.languages
    }


def events_calendar(site: Site, lang: str, base_url: str | None, domain: str) -> icalendar.Calendar:
    """A VCALENDAR of every event of the site, texts in `lang`."""
    title = f"{i18n.ui(lang)('agenda_title')} · {site.config.title.get(lang)}"
    calendar = make_calendar([], title, domain, lang)
    agenda = base_url + lang_prefix(lang, site.config.languages) + AGENDA_KEY if base_url else ""
    for event in site.events:
        for component in event_components(event, site, lang, agenda, domain):
            calendar.add_component(component)
    return calendar


def event_components(event: Event, site: Site, lang: str, agenda: str, domain: str) -> list[icalendar.Event]:
    """A run of days as one VEVENT (all day, or daily at its times); a list of dates as one per date."""
    place = event_place(event, site, lang)
    url = f"{agenda}#{event_anchor(event.slug)}" if agenda else ""
    t = i18n.ui(lang)
    organiser = event.organiser.name.get(lang) if event.organiser else ""
    description = "\n\n".join(
        part
        for part in (
            plain_summary(event.description.get(lang), 2000),
            f"{t('event_organiser')}: {organiser}" if organiser else "",
            f"{t('event_price')}: {event_price(event, lang)}",
            url,
        )
        if part
    )
    components = []
    for number, (first, last) in enumerate(event.runs, start=1):
        component = icalendar.Event()
        component.add("uid", f"event-{event.slug}-{number}@{domain}")
        component.add("dtstamp", DTSTAMP)
        add_event_times(component, event, date.fromisoformat(first), date.fromisoformat(last))
        component.add("summary", event.name.get(lang))
        component.add("description", description)
        component.add("location", ", ".join(dict.fromkeys(p for p in (place.name, place.address) if p)))
        component.add("geo", (place.lat, place.lon))
        if url:
            component.add("url", url)
        components.append(component)
    return components


def add_event_times(component: icalendar.Event, event: Event, first: date, last: date) -> None:
    """DTSTART and DTEND: whole days without a start time; otherwise the times of the first day,
    repeated daily until the last day of a run."""
    if not event.start:
        component.add("dtstart", first)
        component.add("dtend", last + timedelta(days=1))  # all-day events end the day after (RFC 5545)
        return
    start = parse_clock(event.start)
    component.add("dtstart", datetime.combine(first, start, JAKARTA))
    if event.end:
        component.add("dtend", datetime.combine(first, parse_clock(event.end), JAKARTA))
    if last > first:
        until = datetime.combine(last, time(23, 59, 59), JAKARTA).astimezone(UTC)
        component.add("rrule", {"freq": "daily", "until": until})

"""Web-server access logs read into requests: Common and Combined Log Format, as nginx and Apache
write them by default, plain or gzipped. The client's address is read only to be dropped."""

from __future__ import annotations

import datetime
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

# host ident user [time] "request" status size ["referer" "user agent"]; nginx escapes a quote as \x22,
# Apache as \"
_QUOTED = r'"((?:[^"\\]|\\.)*)"'
LINE = re.compile(rf"^\S+ \S+ .*?\[([^\]]+)\] {_QUOTED} (\d{{3}}) (\S+)(?: {_QUOTED} {_QUOTED})?")
MONTHS = {
    m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)
}
_TIME = re.compile(r"^(\d{2})/(\w{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$")

# Crawlers, link previews, monitors and tools: what no visitor's browser sends. Lower case.
BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|whatsapp/|telegrambot|preview|lighthouse"
    r"|headless|python-|curl/|wget/|go-http-client|java/|okhttp|httpclient|libwww|scrapy|monitor|uptime"
    r"|pingdom|check_http|feedfetcher|mediapartners|adsbot|yandex|baiduspider|bingpreview|petalbot|semrush"
    r"|ahrefs|mj12|dotbot|bytespider|gptbot|claudebot|ccbot|amazonbot|applebot|duckduckbot|google-inspectiontool"
)


@dataclass(frozen=True)
class Request:
    """One line of a log, without the client's address or user agent."""

    time: datetime.datetime
    method: str
    path: str  # decoded, without the query
    query: tuple[tuple[str, str], ...]
    status: int
    referrer: str  # "" when none
    bot: bool


@dataclass
class LogRead:
    """What a log gave: its requests, and how many lines could not be read (first one's number)."""

    requests: list[Request]
    unreadable: int = 0
    first_unreadable: int = 0


def open_log(path: Path) -> Iterator[str]:
    """The lines of a log, gunzipped when it is gzip (by its first bytes, whatever its name)."""
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as lines:
        yield from lines


def parse_time(text: str) -> datetime.datetime | None:
    """`10/Oct/2026:13:55:36 +0700` (English month names whatever the server's locale)."""
    match = _TIME.match(text)
    if not match or match[2] not in MONTHS:
        return None
    day, _, year, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = datetime.timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
    try:
        return datetime.datetime(
            int(year), MONTHS[match[2]], int(day), int(hour), int(minute), int(second), 0, datetime.timezone(offset)
        )
    except ValueError:
        return None


def parse_line(line: str) -> Request | None:
    """A request from one log line, or None when the line is not in Common or Combined Log Format."""
    match = LINE.match(line)
    if not match:
        return None
    time = parse_time(match[1])
    parts = match[2].split(" ")
    if time is None or len(parts) < 2:
        return None
    target = urlsplit(parts[1])
    agent = _unescape(match[6] or "").lower()
    referrer = _unescape(match[5] or "")
    return Request(
        time=time,
        method=parts[0],
        path=unquote(target.path),
        query=tuple(parse_qsl(target.query)),
        status=int(match[3]),
        referrer="" if referrer == "-" else referrer,
        bot=bool(agent) and (agent == "-" or BOTS.search(agent) is not None),
    )


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\x22", '"').replace("\\\\", "\\")


def read_log(path: Path) -> LogRead:
    """Every request of a log file."""
    read = LogRead([])
    for number, line in enumerate(open_log(path), 1):
        if not line.strip():
            continue
        request = parse_line(line)
        if request is None:
            read.unreadable += 1
            read.first_unreadable = read.first_unreadable or number
        else:
            read.requests.append(request)
    return read

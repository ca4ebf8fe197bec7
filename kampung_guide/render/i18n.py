"""The guide's own words and formats in each language of a site.

Words come from gettext catalogues (util/catalogue.py): the English source, the package's
translation for the language, and a site's own content/locale/<lang>.po on top, which can add
a language or change a shipped word. Numbers, prices, times of day, day names, distances and
durations follow CLDR, through Babel, for whatever language the site lists.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Sequence
from typing import Literal

from babel import Locale
from babel.core import get_global
from babel.dates import format_date as cldr_date
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from babel.units import format_unit

from ..util.catalogue import Catalogue, Words, shipped
from ..validate.hours import holiday_spans, week
from ..validate.model import Hours, Price, Rules, Visit

CURRENCY = "IDR"
NBSP = "\u00a0"
Length = Literal["short", "long", "narrow"]  # of a CLDR unit pattern
Formatter = Callable[[int], str]


class Language:
    """One language of a site's interface: its words (`t`) and its CLDR formats, each formatted
    value made once (a build formats the same prices and times on thousands of pages)."""

    def __init__(self, code: str, own: Catalogue | None = None):
        self.code = code
        self.locale = Locale.parse(code)
        self.words = Words("site", code, shipped("site", code), own)
        if not self.words.has("language_name"):  # the language's own name, as CLDR writes it
            self.words.texts["language_name"] = capitalised(self.locale.get_display_name(self.locale) or code)
        self.t = self.words.t
        self.day_names = [self.locale.days["format"]["wide"][i] for i in range(7)]  # Monday first
        self.decimal_sign = self.locale.number_symbols.get("latn", self.locale.number_symbols).get("decimal", ".")
        self.hour_digits, self.time_sep = time_parts(self.locale.datetime_skeletons.get("Hm"))
        self._made: dict[tuple[object, ...], str] = {}
        self._clocks: dict[int, str] = {}
        self._whole = whole_number_formatter(self.locale)
        self._amount = amount_formatter(self.locale, self._whole)

    def _once(self, key: tuple[object, ...], make: Callable[[], str]) -> str:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = make()
        return found

    def number(self, value: float) -> str:
        """`350000` -> `350.000` (id), `350,000` (en)."""
        if self._whole and isinstance(value, int):
            return self._whole(value)
        return self._once(("n", value), lambda: format_decimal(value, locale=self.locale))

    def decimal(self, value: float, digits: str = "#") -> str:
        """A number with one decimal at most (`0` in `digits` keeps it): `1,3` (id), `1.3` (en)."""
        return self._once(("d", value, digits), lambda: format_decimal(value, f"#,##0.{digits}", locale=self.locale))

    def amount(self, value: int) -> str:
        """An amount of rupiah: `Rp350.000` (id), `IDR 350,000` (en)."""
        if self._amount:
            return self._amount(value)
        return self._once(("c", value), lambda: currency(value, self.locale))

    def price(self, price: Price) -> str:
        """`Rp350.000`, or a range `Rp150.000–350.000`."""
        if price.low == price.high:
            return self.amount(price.low)
        return f"{self.amount(price.low)}–{self.number(price.high)}"

    def unit(self, value: float, unit: str, length: Length = "long") -> str:
        """A number with its CLDR unit: `45 menit`, `2 hours`, `1,3 km`."""
        return self._once(
            ("u", value, unit, length),
            lambda: format_unit(value, unit, length=length, locale=self.locale),
        )

    def duration(self, minutes: int) -> str:
        """`45 menit`, `2 jam`, `1 jam 30 menit`; `45 minutes`, `1 hour 30 minutes`."""
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.unit(minutes, "duration-minute")
        if not rest:
            return self.unit(hours, "duration-hour")
        return self.t(
            "hours_minutes", hours=self.unit(hours, "duration-hour"), minutes=self.unit(rest, "duration-minute")
        )

    def distance(self, km: float) -> str:
        """`430 m` under a kilometre, else `1,3 km` (one decimal)."""
        if km < 1:
            return self.unit(int(round(km * 1000, -1)), "length-meter", "short")
        return self._once(
            ("km", round(km, 1)), lambda: self.unit_text(self.decimal(round(km, 1), "0"), "length-kilometer")
        )

    def unit_text(self, number: str, unit: str, length: Length = "short") -> str:
        """A formatted number with a CLDR unit pattern (its 'other' form)."""
        return (unit_pattern(self.locale, unit, length, "other") or "{0}").replace("{0}", number)

    def clock(self, minutes: int) -> str:
        """`480` -> `08.00` (id), `08:00` (en): CLDR's 24-hour pattern; `1440` is `24.00`."""
        text = self._clocks.get(minutes)
        if text is None:
            hours, rest = divmod(minutes, 60)
            text = self._clocks[minutes] = f"{hours:0{self.hour_digits}d}{self.time_sep}{rest:02d}"
        return text

    def og_locale(self) -> str:
        """`id_ID`, `en_US`, `ms_MY`: the language with its likeliest country, for Open Graph."""
        likely = get_global("likely_subtags").get(self.code, self.code)
        parts = likely.split("_")
        return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]

    def script_formats(self) -> dict[str, object]:
        """What the planner's script needs to format as this page does: CLDR unit patterns by plural
        category, the time separator and the decimal sign."""
        return {
            "units": {
                name: {
                    category: pattern.replace("{0}", "{n}")
                    for category in ("zero", "one", "two", "few", "many", "other")
                    if (pattern := unit_pattern(self.locale, unit, length, category, None))
                }
                for name, unit, length in (
                    ("minute", "duration-minute", "long"),
                    ("hour", "duration-hour", "long"),
                    ("m", "length-meter", "short"),
                    ("km", "length-kilometer", "short"),
                )
            },
            "hourDigits": self.hour_digits,
            "timeSep": self.time_sep,
            "decimal": self.decimal_sign,
        }


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def time_parts(pattern: object) -> tuple[int, str]:
    """The hour's digits and the separator of CLDR's `Hm` pattern: `HH.mm` -> (2, '.')."""
    text = str(getattr(pattern, "pattern", pattern) or "HH:mm")
    match = re.search(r"(H+)'?([^Hm']*)'?m", text)
    return (len(match.group(1)), match.group(2)) if match else (2, ":")


def unit_pattern(locale: Locale, unit: str, length: str, category: str, default: str | None = "{0}") -> str | None:
    patterns = locale._data["unit_patterns"].get(unit, {}).get(length, {})
    return patterns.get(category, patterns.get("other", default) if default else None)


def currency(value: int, locale: Locale) -> str:
    """CLDR's currency format for whole rupiah. When the symbol is the currency code itself
    (`IDR`), a no-break space keeps it apart from the digits, as CLDR's currency spacing asks
    (Babel does not apply it)."""
    text = format_currency(value, CURRENCY, locale=locale, currency_digits=False, format=whole_pattern(locale))
    symbol = get_currency_symbol(CURRENCY, locale)
    if symbol.isalpha() and symbol.isupper():
        text = re.sub(f"({re.escape(symbol)})(?=[0-9])", r"\1" + NBSP, text)
        text = re.sub(f"(?<=[0-9])({re.escape(symbol)})", NBSP + r"\1", text)
    return text


PROBES = (0, 7, 42, 999, 1000, 1234, 9999, 10000, 65000, 123456, 1000000, 1234567, 98765432, 12345678901)


def whole_number_formatter(locale: Locale) -> Formatter | None:
    """A quick formatter of whole numbers made from the locale's CLDR pattern and symbols (a build
    writes thousands of prices; Babel's general formatter costs a tenth of a millisecond each),
    used only when it gives Babel's text for every probe; None otherwise."""
    pattern = locale.decimal_formats.get(None)
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    if pattern is None or not str(pattern.pattern).startswith("#,"):
        return None
    primary, secondary = pattern.grouping
    sign = symbols.get("group", ",")

    def whole(value: int) -> str:
        digits = str(value)
        if len(digits) <= primary:
            return digits
        head, parts = digits[:-primary], [digits[-primary:]]
        while head:
            parts.append(head[-secondary:])
            head = head[:-secondary]
        return sign.join(reversed(parts))

    same = all(whole(n) == format_decimal(n, locale=locale) for n in PROBES)
    return whole if same else None


def amount_formatter(locale: Locale, whole: Formatter | None) -> Formatter | None:
    """A quick formatter of rupiah amounts: `currency` of one amount with the number as a slot, used
    only when it gives `currency`'s text for every probe; None otherwise."""
    if whole is None:
        return None
    sample, number = currency(PROBES[-3], locale), whole(PROBES[-3])
    if sample.count(number) != 1:
        return None
    before, after = sample.split(number)

    def amount(value: int) -> str:
        return before + whole(value) + after

    return amount if all(amount(n) == currency(n, locale) for n in PROBES) else None


def whole_pattern(locale: Locale) -> str:
    """The locale's currency pattern without decimals: `¤#,##0.00` -> `¤#,##0`."""
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    return re.sub(r"\.0+", "", pattern)


@functools.cache
def language(code: str) -> Language:
    """A language with the package's words only (no site catalogue)."""
    return Language(code)


def ui(lang: str) -> Callable[..., str]:
    """A lookup for the package's words in `lang`: `t("key", **params)` (English where the
    package has no translation; views use `ViewContext.ui`, which adds the site's own words)."""
    return language(lang).t


def format_number(value: int, lang: str) -> str:
    return language(lang).number(value)


def format_price(price: Price, lang: str) -> str:
    return language(lang).price(price)


def format_duration(minutes: int, lang: str) -> str:
    return language(lang).duration(minutes)


def format_distance(km: float, lang: str) -> str:
    return language(lang).distance(km)


def format_report_date(date: str, lang: str) -> str:
    """A source's date as CLDR writes it, as far as it is known: `7 Februari 2024`, `Februari 2024`, `2024`."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    locale = language(lang).locale
    return cldr_date(day, "long", locale=locale) if len(parts) == 3 else format_skeleton("yMMMM", day, locale=locale)


def hours_table(hours: Hours, lang: Language | str) -> list[tuple[str, str]]:
    """(day name, hours text) for each weekday, Monday first, plus public holidays when given."""
    words = lang if isinstance(lang, Language) else language(lang)

    def spans_text(spans: Sequence[tuple[int, int]]) -> str:
        if not spans:
            return words.t("closed")
        return ", ".join(f"{words.clock(a)}–{words.clock(b)}" for a, b in spans)

    rows = [(words.day_names[i], spans_text(spans)) for i, spans in enumerate(week(hours.rules))]
    holidays = holiday_spans(hours.rules)
    if holidays is not None:
        rows.append((words.t("public_holidays"), spans_text(holidays)))
    return rows


VISIT_ICONS = {
    "visit_best_time": "🕓",
    "visit_booking": "📝",
    "visit_group": "👥",
    "visit_parking": "🅿️",
    "visit_payment": "💳",
    "visit_facilities": "🚻",
    "visit_wheelchair": "♿",
}


def visit_rows(visit: Visit, words: Language) -> list[tuple[str, str, str]]:
    """(icon, label, text) for each thing the profile says about visiting, in a fixed order."""
    t, lang = words.t, words.code
    rows = []

    def add(key: str, text: str) -> None:
        if text:
            rows.append((VISIT_ICONS[key], t(key), text))

    add("visit_best_time", visit.best_time.get(lang) if visit.best_time else "")
    lead = visit.booking_lead_days
    lead_text = "" if lead is None else t("visit_lead", n=lead)
    add("visit_booking", "; ".join(x for x in (visit.booking.get(lang) if visit.booking else "", lead_text) if x))
    add("visit_group", t("visit_group_max", n=visit.group_max) if visit.group_max else "")
    add("visit_parking", ", ".join(t(f"parking_{p}") for p in visit.parking))
    add("visit_payment", ", ".join(t(f"payment_{p}") for p in visit.payment))
    add("visit_facilities", ", ".join(t(f"facility_{f}") for f in visit.facilities))
    add("visit_wheelchair", t(f"wheelchair_{visit.wheelchair}") if visit.wheelchair else "")
    return rows + (rules_rows(visit.rules, words) if visit.rules else [])


RULE_ICONS = {
    "rules_children": "🧒",
    "rules_shoes": "👟",
    "rules_clothing": "👕",
    "rules_photo": "📷",
    "rules_safety": "⚠️",
    "rules_group_booking": "👥",
}


def rules_rows(rules: Rules, words: Language | str) -> list[tuple[str, str, str]]:
    """(icon, label, text) for each workshop rule the profile states, in a fixed order."""
    words = words if isinstance(words, Language) else language(words)
    t, lang = words.t, words.code
    children = [t(f"children_{rules.children}")] if rules.children else []
    if rules.min_age is not None and rules.children != "no":
        children.append(t("rules_min_age", n=rules.min_age))
    hazards = join_words([t(f"hazard_{h}") for h in rules.hazards], lang)
    safety = [t("rules_take_care", hazards=hazards)] if hazards else []
    found = [
        ("rules_children", ", ".join(children)),
        ("rules_shoes", t("rules_closed_shoes") if rules.closed_shoes else ""),
        ("rules_clothing", rules.clothing.get(lang) if rules.clothing else ""),
        ("rules_photo", t(f"photo_{rules.photography}") if rules.photography else ""),
        ("rules_safety", ". ".join(safety + ([rules.safety.get(lang)] if rules.safety else []))),
        ("rules_group_booking", t("rules_group_from", n=rules.group_booking_from) if rules.group_booking_from else ""),
    ]
    return [(RULE_ICONS[key], t(key), text) for key, text in found if text]


def format_date(iso: str, lang: str) -> str:
    """`2026-11-20` -> `20 November 2026` / `November 20, 2026`: CLDR's long date in `lang`."""
    return long_date(iso, language(lang))


def long_date(iso: str, words: Language) -> str:
    """An ISO date as CLDR's long date in the language of `words`."""
    return cldr_date(datetime.date.fromisoformat(iso), "long", locale=words.locale)


def join_words(words: list[str], lang: str) -> str:
    """`panas, asap, dan debu` / `heat, smoke, and dust`: CLDR's list pattern in `lang`."""
    return format_list(words, locale=language(lang).locale) if words else ""


def hours_line(hours: Hours, lang: str, closed_days: bool = True) -> str:
    """Hours in one line, days with the same hours grouped: `Senin–Sabtu 08.00–16.00; Minggu Tutup`
    (without `closed_days`, the days with no hours are left out, as for making times)."""
    groups: list[list[str | bool | None]] = []  # [first day, last day, hours, is a weekday]
    closed = ui(lang)("closed")
    for i, (day, text) in enumerate(hours_table(hours, lang)):
        if not closed_days and text == closed:
            groups.append([None, None, None, False])  # breaks a run of days
        elif groups and i < 7 and groups[-1][3] and groups[-1][2] == text:
            groups[-1][1] = day
        else:
            groups.append([day, day, text, i < 7])
    return "; ".join((f"{a}" if a == b else f"{a}–{b}") + f" {text}" for a, b, text, _ in groups if text)

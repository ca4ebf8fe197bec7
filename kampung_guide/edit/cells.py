"""Values between a profile and a spreadsheet cell: what export writes for each kind of column and
what import reads back, including the forms a spreadsheet program makes of typed values (numbers
for prices, dates for `2026-12-05`, times for `09:00`, TRUE/FALSE)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TypeAlias, cast

from ..load.yamlfile import YamlValue
from ..validate.specs import Clock
from .columns import BOOL, MARKDOWN, NUMBER, PRICE, TEXT, WORDS, Column

YES = {"ya", "yes", "y", "true", "benar", "1"}
NO = {"tidak", "no", "n", "false", "salah", "0"}
BOOL_WORDS = {"id": ("ya", "tidak"), "en": ("yes", "no")}

_INTEGER = re.compile(r"^[-+]?\d+$")
_DECIMAL = re.compile(r"^[-+]?(?:\d+\.\d*|\.\d+)$")
_CLOCK = re.compile(r"^(\d{1,2})[.:](\d{2})$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d*,\d+$")
_RUPIAH = r"(?:rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?:,-)?"  # 25000, 25.000, Rp 25.000,-
_PRICE = re.compile(rf"^{_RUPIAH}$", re.IGNORECASE)
_PRICE_RANGE = re.compile(rf"^{_RUPIAH}\s*(?:-|–|—|s/d|sampai|to)\s*{_RUPIAH}$", re.IGNORECASE)


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be read as its column's kind: a message key and its parameters."""

    key: str
    params: dict[str, object]  # the message's parameters, as Report.add takes them


# What a cell holds as openpyxl reads it (data_only, no rich text: values, never formulas); a number in a
# duration format ([h]:mm) reads as a timedelta.
SheetValue: TypeAlias = (
    str | int | float | bool | datetime.datetime | datetime.date | datetime.time | datetime.timedelta | None
)
# A cell as import reads it: the value the profile would hold (None: an empty cell), or why it cannot be read.
ReadValue: TypeAlias = YamlValue | CellError


def write_cell(column: Column, raw: YamlValue, lang: str) -> YamlValue:
    """The cell value for a field's value as the profile holds it (None: an empty cell)."""
    if raw is None:
        return None
    if column.kind in (TEXT, MARKDOWN):  # a text column has its language (leaf_columns makes one per language)
        return raw if isinstance(raw, str) else (raw.get(cast(str, column.lang)) if isinstance(raw, dict) else str(raw))
    if column.kind == WORDS:
        return ", ".join(str(item) for item in raw) if isinstance(raw, list) else raw
    if column.kind == BOOL and isinstance(raw, bool):
        return BOOL_WORDS["id" if lang == "id" else "en"][0 if raw else 1]
    if column.kind == PRICE and isinstance(raw, list) and len(raw) == 2:
        return f"{raw[0]}-{raw[1]}"
    return raw


def read_cell(column: Column, value: SheetValue | YamlValue) -> ReadValue:
    """A cell's value as the profile would hold it: None for an empty cell, a CellError if unreadable."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if not value:
            return None
    if value is None:
        return None
    if column.kind == NUMBER and isinstance(value, (datetime.timedelta, datetime.time)):
        return time_for_number(value)
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value.time()
    if isinstance(value, datetime.date):
        value = value.isoformat()
    elif isinstance(value, datetime.time):
        value = value.strftime("%H:%M")
    if isinstance(column.spec, Clock):
        return read_clock(value)
    reader = {NUMBER: read_number, PRICE: read_price, BOOL: read_bool, WORDS: read_words}.get(column.kind, read_text)
    read = reader(value)
    if column.kind == MARKDOWN and isinstance(read, str) and "\n" in read:
        return read + "\n"  # a Markdown block ends with a line break, as content/ writes them (a `|` block)
    return read


def read_text(value: SheetValue | YamlValue) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def read_clock(value: SheetValue | YamlValue) -> ReadValue:
    """`9.00`, `9:00` or `09.30` typed as text is a time of day (Indonesian writes 09.00)."""
    text = read_text(value)
    match = _CLOCK.match(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return f"{int(match[1]):02d}:{match[2]}"
    return CellError("sheet_bad_clock", {"value": text})  # the spec's message would say to add YAML's quotes


def read_number(value: SheetValue | YamlValue) -> ReadValue:
    if isinstance(value, bool):
        return value  # the spec says what is wrong with it
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # a spreadsheet keeps every number as a float
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):  # a stored list or mapping (canonical() of an old value): not a number
        return CellError("sheet_not_number", {"value": str(value)})
    text = value.replace(" ", "")
    if _INTEGER.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return float(text)
    if _DECIMAL_COMMA.match(text):
        return CellError("sheet_decimal_comma", {"value": value, "fixed": text.replace(",", ".")})
    return CellError("sheet_not_number", {"value": value})


def time_for_number(value: datetime.timedelta | datetime.time) -> CellError:
    """`1:30` typed into a number column (a spreadsheet makes it a time, or a duration in [h]:mm): the
    minutes it would be, as a hint; a duration_minutes column is the one where this happens."""
    if isinstance(value, datetime.time):
        value = datetime.timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)
    minutes = round(value.total_seconds() / 60)
    shown = f"{'-' if minutes < 0 else ''}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"
    return CellError("sheet_time_for_number", {"value": shown, "minutes": minutes})


def read_price(value: SheetValue | YamlValue) -> ReadValue:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return read_number(value)
    if isinstance(value, str):
        if match := _PRICE.match(value):
            return _rupiah(match[1])
        if match := _PRICE_RANGE.match(value):
            return [_rupiah(match[1]), _rupiah(match[2])]
    return CellError("sheet_bad_price", {"value": value})


def _rupiah(text: str) -> int:
    """`25.000` or `25,000` in a text cell is twenty-five thousand: rupiah have no cents."""
    return int(re.sub(r"[.,]", "", text))


def read_bool(value: SheetValue | YamlValue) -> ReadValue:
    if isinstance(value, bool):
        return value
    word = str(int(value) if isinstance(value, float) and value.is_integer() else value).casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    return CellError("sheet_bad_bool", {"value": str(value)})


def read_words(value: SheetValue | YamlValue) -> list[YamlValue] | None:
    """`Sa, Su` -> ["Sa", "Su"]: a list of words is one cell, separated by commas (or semicolons)."""
    items = [item.strip() for item in re.split(r"[,;]", read_text(value))]
    return [item for item in items if item] or None


def canonical(column: Column, raw: YamlValue, lang: str) -> ReadValue:
    """A stored value as it reads back from its cell, to tell a changed cell from an unchanged one."""
    if column.kind in (TEXT, MARKDOWN) and isinstance(raw, str):
        return read_cell(column, raw)
    return read_cell(column, write_cell(column, raw, lang))

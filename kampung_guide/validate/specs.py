"""The spec machinery: each spec checks a plain value at a path, records problems with their lines,
and returns a model value (or INVALID); `json_schema()` describes the same rules for editors.
The content format itself, built from these specs, is in schema.py.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from ..load.yamlfile import Document
from ..util.problems import FieldPath, Report
from .hours import HoursError, parse_hours
from .values import Hours, Price, Text

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from .model import Schedule

# A sentinel that mypy cannot tell apart from a checked value (`is INVALID` does not narrow an object()),
# so it is typed Any: a spec's `check` is declared to return its checked type, and callers test for INVALID.
INVALID: Any = object()
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)  # a Spec[str] is a Spec[object]: it checks values and gives str
M = TypeVar("M", bound="DataclassInstance")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass
class Ctx:
    """Where values come from and where problems go."""

    file: str
    doc: Document
    report: Report
    languages: tuple[str, ...] = ("id", "en")
    categories: frozenset[str] = frozenset()
    kampung: frozenset[str] = frozenset()  # slugs of the profiles, for routes' stops
    unfilled: set[FieldPath] = dataclasses.field(default_factory=set)  # placeholders, reported once already

    def error(self, path: FieldPath, key: str, /, **params: object) -> Any:
        """Record an error at `path`, with the text of its line, and return INVALID."""
        if path in self.unfilled:
            return INVALID
        line = self.doc.line(path)
        # mypy fears a `warning` key in params (then typed object, not bool); no message has that parameter
        self.report.add(self.file, line, path, key, excerpt=self.doc.excerpt(line), **params)  # type: ignore[arg-type]
        return INVALID

    def warn(self, path: FieldPath, key: str, /, **params: object) -> None:
        self.report.add(self.file, self.doc.line(path), path, key, warning=True, excerpt="", **params)


def type_name(value: object) -> str:
    """The editor's word for a value's kind, used in 'expected X, got Y' messages."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    return {int: "number", float: "number", str: "text", list: "list", dict: "mapping"}.get(type(value), "value")


class Spec(Generic[T_co]):
    """Checks a plain value and returns it as what the spec is of (Spec[str]: a str), or INVALID."""

    description = ""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> T_co:
        raise NotImplementedError

    def missing(self, path: FieldPath, ctx: Ctx, empty: bool) -> None:
        """Report a required field that is absent, or (`empty`) written without a value."""
        ctx.error(path, "required_empty" if empty else "required", name=path[-1])

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


class Str(Spec[str]):
    """A single line of text, optionally matching a pattern."""

    def __init__(self, pattern: re.Pattern[str] | None = None, hint: str = "", max_len: int = 500) -> None:
        self.pattern, self.hint, self.max_len = pattern, hint, max_len

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.pattern is None:
            value = str(value)
        if not isinstance(value, str):
            return ctx.error(path, "expected_text", got=type_name(value))
        value = value.strip()
        if not value:
            return ctx.error(path, "empty_text")
        if len(value) > self.max_len:
            return ctx.error(path, "too_long", limit=self.max_len)
        if self.pattern and not self.pattern.match(value):
            return ctx.error(path, "bad_format", value=value, hint=self.hint)
        return value

    def json_schema(self) -> dict[str, Any]:
        schema = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern:
            schema["pattern"] = self.pattern.pattern
        return schema


class TextSpec(Spec[Text]):
    """Text that is the same in every language, or a mapping of language code to text."""

    def __init__(self, markdown: bool = False, max_len: int | None = None) -> None:
        self.markdown = markdown
        self.max_len = max_len or (20_000 if markdown else 500)

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> Text:
        if isinstance(value, str):
            return self._one(value, path, ctx) and Text.plain(value.strip(), ctx.languages[0]) or INVALID
        if not isinstance(value, dict):
            return ctx.error(path, "expected_text_or_languages", got=type_name(value), langs="/".join(ctx.languages))
        values = {}
        split = _comma_split(value, path, ctx)
        for lang, text in value.items():
            if lang in split:
                continue
            if lang not in ctx.languages:
                ctx.error(path + (lang,), "unknown_language", lang=lang, langs=", ".join(ctx.languages))
            elif isinstance(text, str) and self._one(text, path + (lang,), ctx):
                values[lang] = text.strip()
            elif not isinstance(text, str):
                ctx.error(path + (lang,), "expected_text", got=type_name(text))
        if split:
            return INVALID
        if not values:
            if value and all(lang in ctx.languages for lang in value):
                return INVALID
            return ctx.error(path, "empty_text") if not value else INVALID
        if ctx.languages[0] not in values:
            return ctx.error(path, "missing_first_language", lang=ctx.languages[0])
        for lang in ctx.languages[1:]:
            if lang not in values:
                ctx.warn(path, "untranslated", lang=lang)
        return Text(values, ctx.languages[0])

    def _one(self, text: str, path: FieldPath, ctx: Ctx) -> bool:
        if not text.strip():
            ctx.error(path, "empty_text")
            return False
        if len(text) > self.max_len:
            ctx.error(path, "too_long", limit=self.max_len)
            return False
        if not self.markdown and "\n" in text.strip():
            ctx.error(path, "one_line")
            return False
        return True

    def json_schema(self) -> dict[str, Any]:
        one = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        return {
            "anyOf": [
                one,
                {
                    "type": "object",
                    "properties": {"id": one, "en": one},
                    "additionalProperties": one,
                    "minProperties": 1,
                },
            ]
        }


def _comma_split(value: dict[str, object], path: FieldPath, ctx: Ctx) -> set[str]:
    """Keys a comma cut from the text before them in an inline `{id: Jalan A, Kota B, en: …}`
    (YAML reads `Kota B` as a key without a value), each reported with the fix."""
    if path not in ctx.doc.flow:
        return set()
    found: set[str] = set()
    before: str | None = None
    for key, text in value.items():
        if text is None and key not in ctx.languages and before is not None:
            ctx.error(path, "text_comma", before=str(value[before]).strip(), key=key, lang=before)
            found.add(key)
        elif isinstance(text, str):
            before = key
    return found


class Number(Spec[float]):
    """A finite number within bounds; `integer` refuses fractions."""

    def __init__(
        self,
        low: float | None = None,
        high: float | None = None,
        integer: bool = False,
        range_key: str = "out_of_range",
    ) -> None:
        self.low, self.high, self.integer, self.range_key = low, high, integer, range_key

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return ctx.error(path, "expected_number", got=type_name(value))
        if isinstance(value, float) and not math.isfinite(value):
            return ctx.error(path, "not_finite", value=str(value))
        if self.integer and isinstance(value, float):
            return ctx.error(path, "expected_whole_number", value=_num(value))
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return ctx.error(path, self.range_key, value=_num(value), low=_num(self.low), high=_num(self.high))
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.low is not None:
            schema["minimum"] = self.low
        if self.high is not None:
            schema["maximum"] = self.high
        return schema


def _num(value: float | None) -> str:
    return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))


class Bool(Spec[bool]):
    def check(self, value: object, path: FieldPath, ctx: Ctx) -> bool:
        if not isinstance(value, bool):
            return ctx.error(path, "expected_bool", got=type_name(value))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class PriceSpec(Spec[Price]):
    """Whole rupiah, or `[min, max]`. A float is refused: `25.000` in YAML is 25, not 25,000."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> Price:
        if isinstance(value, list):
            if len(value) != 2:
                return ctx.error(path, "price_range_size")
            low, high = (self._amount(v, path + (i,), ctx) for i, v in enumerate(value))
            if INVALID in (low, high):
                return INVALID
            if low > high:
                return ctx.error(path, "price_range_order", low=low, high=high)
            return Price(low, high)
        amount = self._amount(value, path, ctx)
        # `amount is INVALID` narrows INVALID (typed Any) to int for mypy; what is returned is the sentinel
        return INVALID if amount is INVALID else Price(amount, amount)  # type: ignore[return-value]

    def _amount(self, value: object, path: FieldPath, ctx: Ctx) -> int:
        typed = ctx.doc.typed.get(path, "")
        if isinstance(value, float) and value.is_integer() and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", typed):
            return ctx.error(path, "price_thousands", typed=typed, value=_num(value), guess=typed.replace(".", ""))
        if isinstance(value, float) and math.isfinite(value):
            return ctx.error(path, "price_float", value=_num(value), guess=_thousands_guess(value))
        written = _written_rupiah(value)
        if written:
            return ctx.error(path, "price_dots", typed=str(value).strip(), guess=written)
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.error(path, "expected_price", got=type_name(value))
        if value < 0:
            return ctx.error(path, "price_negative", value=value)
        return value

    def json_schema(self) -> dict[str, Any]:
        amount = {"type": "integer", "minimum": 0}
        return {"anyOf": [amount, {"type": "array", "items": amount, "minItems": 2, "maxItems": 2}]}


def _written_rupiah(value: object) -> str:
    """The whole rupiah a text such as `1.500.000` or `Rp 25.000,-` means ('' for other values)."""
    if not isinstance(value, str):
        return ""
    match = re.fullmatch(r"(?:Rp\.?\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?:,-|,00)?", value.strip(), re.IGNORECASE)
    return re.sub(r"\D", "", match[1]) if match else ""


def _thousands_guess(value: float) -> str:
    """What `25.000` most likely meant: 25000."""
    return str(round(value * 1000)) if value < 1000 else str(round(value))


class HoursSpec(Spec[Hours]):
    def check(self, value: object, path: FieldPath, ctx: Ctx) -> Hours:
        if not isinstance(value, str):
            return ctx.error(path, "expected_hours", got=type_name(value))
        try:
            return Hours(value.strip(), parse_hours(value))
        except HoursError as exc:
            fixed = _clock_fixed(value.strip())
            if fixed != value.strip() and _parses(fixed):
                return ctx.error(path, "hours_fix", part=exc.part, fix=fixed)
            return ctx.error(path, "bad_hours", part=exc.part)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "examples": ["Mo-Sa 08:00-16:00; Su off", "24/7"]}


def _clock_fixed(text: str) -> str:
    """`8.00-16.00` -> `08:00-16:00`: times written with a dot or one hour digit, as HH:MM."""
    return re.sub(r"(?<![\d:.])(\d{1,2})[.:](\d{2})(?![\d:.])", lambda m: f"{int(m[1]):02d}:{m[2]}", text)


def _parses(text: str) -> bool:
    try:
        parse_hours(text)
    except HoursError:
        return False
    return True


class ListOf(Spec[tuple[T_co, ...]]):
    def __init__(self, item: Spec[T_co], unique: bool = False) -> None:
        self.item, self.unique = item, unique

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> tuple[T_co, ...]:
        if isinstance(value, (str, dict)) or not isinstance(value, list):
            return ctx.error(path, "expected_list", got=type_name(value))
        items = [self.item.check(v, path + (i,), ctx) for i, v in enumerate(value)]
        return INVALID if INVALID in items else tuple(items)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json_schema()}


class WhatsApp(Spec[str]):
    """An Indonesian mobile number in any usual form (0812…, +62 812-…, 62812…), kept as +62812…."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted 62812... reads as a number
        if not isinstance(value, str):
            return ctx.error(path, "expected_text", got=type_name(value))
        normal = normalise_mobile(value)
        if normal is None:
            return ctx.error(path, "bad_whatsapp", value=value.strip())
        return normal

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": r"^(\+?62|0)[\s().-]*8[0-9\s().-]{7,16}$",
            "examples": ["0812 3456 7890", "+62 812-3456-7890"],
        }


def normalise_mobile(text: str) -> str | None:
    """`0812-3456-7890`, `+62 812 3456 7890` or `6281234567890` -> `+6281234567890`; None if not mobile."""
    text = text.strip()
    if not re.fullmatch(r"\+?[0-9(][0-9 ().-]*", text):
        return None
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not re.fullmatch(r"628[0-9]{8,11}", digits):
        return None
    return "+" + digits


class Choice(Spec[str]):
    """One word from a fixed list, with "did you mean" for a near miss."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if not isinstance(value, str):
            return ctx.error(path, "expected_text", got=type_name(value))
        if value not in self.choices:
            close = difflib.get_close_matches(value, self.choices, n=1)
            return ctx.error(
                path,
                "bad_choice_suggest" if close else "bad_choice",
                value=value,
                choices=", ".join(self.choices),
                suggestion=close[0] if close else "",
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


class Clock(Spec[str]):
    """A time of day, `HH:MM` (24-hour)."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):  # `start: 8.00` reads as 8.0
            typed = ctx.doc.typed.get(path) or _num(value)
            fixed = _clock_fixed(typed) if "." in typed else f"{int(value):02d}:00"
            if re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", fixed):
                return ctx.error(path, "clock_number", typed=typed, fix=fixed)
        if not isinstance(value, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value.strip()):
            return ctx.error(path, "bad_clock", value=str(value))
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"}


class IsoDate(Spec[str]):
    """A calendar date, `YYYY-MM-DD`."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()  # type: ignore[attr-defined]  # see except
        except (AttributeError, ValueError):  # not text, or not a real date
            return ctx.error(path, "bad_date", value=str(value))

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


class ReportDate(Str):
    """When a report was published: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is known (a
    year written without quotes, `2024`, is read as that year)."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return super().check(value, path, ctx)


class Ref(Spec[str]):
    """The id of a category defined in categories.yaml."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if not isinstance(value, str):
            return ctx.error(path, "expected_text", got=type_name(value))
        if value not in ctx.categories:
            close = difflib.get_close_matches(value, sorted(ctx.categories), n=1)
            return ctx.error(
                path,
                "unknown_category_suggest" if close else "unknown_category",
                value=value,
                known=", ".join(sorted(ctx.categories)),
                suggestion=close[0] if close else "",
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG.pattern}

    def missing(self, path: FieldPath, ctx: Ctx, empty: bool) -> None:
        ctx.error(path, "required_category", known=", ".join(sorted(ctx.categories)))


class KampungRef(Spec[str]):
    """The slug of a kampung profile (its file name without .yaml)."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> str:
        if not isinstance(value, str):
            return ctx.error(path, "expected_text", got=type_name(value))
        if value not in ctx.kampung:
            close = difflib.get_close_matches(value, sorted(ctx.kampung), n=1)
            return ctx.error(
                path,
                "unknown_kampung_suggest" if close else "unknown_kampung",
                value=value,
                suggestion=close[0] if close else "",
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG.pattern}


@dataclass
class Field:
    """A field of a content file: how it is checked, what it means, whether it must be there."""

    spec: Spec[object]
    description: str
    required: bool = False
    key: str = ""  # its key in the file when that differs from the model's attribute (`from`)


_NO_DEFAULT: Any = dataclasses.MISSING


def content(
    spec: Spec[object],
    description: str,
    required: bool = False,
    default: Any = None,
    default_factory: Any = _NO_DEFAULT,
    key: str = "",
) -> Any:
    """A model attribute that content files carry, declared once: its spec, description and
    whether it is required (model.py); an optional one defaults to `default`."""
    metadata = {"content": Field(spec, description, required, key)}
    if required:
        return dataclasses.field(metadata=metadata)
    if default_factory is not _NO_DEFAULT:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


class Obj(Spec[T_co]):
    """A mapping with known fields that becomes a model dataclass (or, with `build=dict`, a dict of
    the checked values, for the loader to complete with what it derives)."""

    def __init__(
        self,
        build: Callable[..., T_co],
        fields: dict[str, Field],
        description: str = "",
        names: dict[str, str] | None = None,
    ) -> None:
        self.build, self.fields, self.description = build, fields, description
        self.names = names or {}  # file key -> model attribute, where they differ

    @overload
    @classmethod
    def of(cls, model: type[M], description: str = "") -> Obj[M]: ...
    @overload
    @classmethod
    def of(cls, model: type[DataclassInstance], description: str = "", *, build: Callable[..., T]) -> Obj[T]: ...
    @classmethod
    def of(
        cls: type[Obj[Any]],
        model: type[DataclassInstance],
        description: str = "",
        build: Callable[..., object] | None = None,
    ) -> Obj[Any]:
        """The spec of a model class, from its `content(...)` fields, in their order."""
        fields, names = {}, {}
        for attribute in dataclasses.fields(model):
            declared = attribute.metadata.get("content")
            if declared is not None:
                key = declared.key or attribute.name
                fields[key] = declared
                if key != attribute.name:
                    names[key] = attribute.name
        return cls(build or model, fields, description or (model.__doc__ or "").strip(), names)

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> T_co:
        if not isinstance(value, dict):
            return ctx.error(path, "expected_mapping", got=type_name(value))
        values, ok = {}, True
        for key in value:
            if key not in self.fields:
                ok = False
                close = difflib.get_close_matches(key, list(self.fields), n=1, cutoff=0.6)
                ctx.error(
                    path + (key,),
                    "unknown_field_suggest" if close else "unknown_field",
                    suggestion=close[0] if close else "",
                    known=", ".join(self.fields),
                )
        for name, fld in self.fields.items():
            if value.get(name) is None:
                if fld.required:
                    ok = False
                    fld.spec.missing(path + (name,), ctx, name in value)
                continue
            checked = fld.spec.check(value[name], path + (name,), ctx)
            ok = ok and checked is not INVALID
            values[self.names.get(name, name)] = checked
        return self.build(**values) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {
                name: {**f.spec.json_schema(), "description": f.description} for name, f in self.fields.items()
            },
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


class MapOf(Spec[dict[str, T]]):
    """A mapping from slug-like ids to objects (categories.yaml)."""

    def __init__(self, item: Obj[T], description: str = "") -> None:
        self.item, self.description = item, description

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> dict[str, T]:
        if not isinstance(value, dict):
            return ctx.error(path, "expected_mapping", got=type_name(value))
        result = {}
        for key, item in value.items():
            if not SLUG.match(key):
                ctx.error(path + (key,), "bad_id", value=key)
                continue
            checked = self.item.check(item, path + (key,), ctx)
            if checked is not INVALID:
                result[key] = checked
        if not result and not value:
            return ctx.error(path, "empty_file")
        return result

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": SLUG.pattern},
            "additionalProperties": self.item.json_schema(),
            "minProperties": 1,
        }


class ScheduleSpec(Obj["Schedule"]):
    """A schedule entry: weekly `days` or one `date`, a start before the end."""

    def check(self, value: object, path: FieldPath, ctx: Ctx) -> Schedule:
        entry = super().check(value, path, ctx)
        if entry is INVALID:
            return INVALID
        if bool(entry.days) == bool(entry.date):
            return ctx.error(path, "schedule_days_or_date")
        if entry.start >= entry.end:
            return ctx.error(path + ("end",), "schedule_order", start=entry.start, end=entry.end)
        if entry.date and (entry.valid_from or entry.until):
            return ctx.error(path, "schedule_range_weekly")
        return entry

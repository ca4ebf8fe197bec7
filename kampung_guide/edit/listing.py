"""What an import would do and what it found, as lines for the terminal: the changes file by file
and field by field, then the problems (a warning repeated on many rows shown a few times)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..load.yamlfile import YamlValue
from ..util.messages import format_message
from ..util.problems import FieldPath, Report, field_path

if TYPE_CHECKING:
    from .importer import Plan


def problem_lines(report: Report, lang: str, same_warnings: int = 3) -> list[str]:
    """Every error, then the warnings; a warning repeated on many rows is shown a few times and counted."""
    lines, seen = [], Counter[str]()
    for problem in report.errors:
        lines.append(problem.render(lang))
    warnings = report.warnings
    for problem in warnings:
        seen[problem.key] += 1
        if seen[problem.key] <= same_warnings:
            lines.append(problem.render(lang))
    for key, count in seen.items():
        if count > same_warnings:
            example = next(p for p in warnings if p.key == key)
            more = {"count": count - same_warnings, "field": example.field}
            lines.append(
                format_message("sheet_more_warnings" if example.field else "sheet_more_warnings_plain", more, lang)
            )
    return lines


def describe_plan(plan: Plan, lang: str) -> list[str]:
    """What the plan changes, file by file and field by field: `  location.lat: -7.4725 → -7.47`."""
    lines = []
    for change in plan.changes:
        lines.append(format_message(f"sheet_file_{change.kind}", {"file": change.shown}, lang))
        if change.new is None:
            continue
        for name, old, new in changed_fields(change.old, change.new):
            lines.append(f"  {name}: {shown_value(old, lang)} → {shown_value(new, lang)}")
    return lines


def changed_fields(old: YamlValue, new: YamlValue, prefix: FieldPath = ()) -> list[tuple[str, YamlValue, YamlValue]]:
    """(field path, old, new) of every scalar that differs; equal parts are skipped whole (most of a profile)."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        keys = dict.fromkeys([*old, *new])
        return [found for key in keys for found in changed_fields(old.get(key), new.get(key), prefix + (key,))]
    if isinstance(old, list) and isinstance(new, list) and _nested(old) and _nested(new):
        more = max(len(old), len(new))
        pairs = ((old[i] if i < len(old) else None, new[i] if i < len(new) else None) for i in range(more))
        return [found for i, (a, b) in enumerate(pairs) for found in changed_fields(a, b, prefix + (i,))]
    before, after = flatten(old, prefix), flatten(new, prefix)
    return [
        (name, before.get(name), after.get(name))
        for name in dict.fromkeys([*before, *after])
        if before.get(name) != after.get(name)
    ]


def _nested(value: list[YamlValue]) -> bool:
    """A list that flatten() opens item by item (of mappings or lists), not a list of words."""
    return any(isinstance(item, (dict, list)) for item in value)


def flatten(value: YamlValue, prefix: FieldPath = ()) -> dict[str, YamlValue]:
    """Every scalar of a value by its field path (`products[0].name.id`)."""
    if isinstance(value, dict):
        return {name: v for key, item in value.items() for name, v in flatten(item, prefix + (key,)).items()}
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        return {name: v for i, item in enumerate(value) for name, v in flatten(item, prefix + (i,)).items()}
    return {} if value is None else {field_path(prefix): value}


def shown_value(value: YamlValue, lang: str, limit: int = 70) -> str:
    """A value as one short line: lists in brackets, long texts cut with an ellipsis."""
    if value is None:
        return format_message("sheet_empty", {}, lang)
    if isinstance(value, list):
        text = "[" + ", ".join(str(v) for v in value) + "]"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value).strip().replace("\n", " ⏎ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Regular expressions for the JSON Schema that say what the checks in specs.py and hours.py accept,
so that an editor's squiggles and `check` agree (tests/test_schema.py compares them on broken
profiles). Each is written for ECMA 262 regexes, which JSON Schema uses, and Python's alike.
"""

from __future__ import annotations

NON_BLANK = r"\S"  # text that is not only spaces
ONE_LINE = r"^\s*\S(?:[^\n]*\S)?\s*$"  # one line once the spaces around it are stripped


def stripped(pattern: str) -> str:
    """An anchored pattern that also allows the spaces `check` strips around a value."""
    inner = pattern.removeprefix("^").removesuffix("$")
    return rf"^\s*(?:{inner})\s*$"


# Opening hours: the subset hours.py parses (rules `DAYS TIMES` separated by `;`, or `24/7`).
_DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAYS = f"(?:PH|{_DAY}(?:-{_DAY})?)(?:,(?:PH|{_DAY}(?:-{_DAY})?))*"
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]"
_SPAN = f"{_TIME}-(?:{_TIME}|24:00)"
_TIMES = rf"(?:off|closed|{_SPAN}(?:\s*,\s*{_SPAN})*)"
_TIMES_ALONE = f"(?:off|closed|{_SPAN}(?:,{_SPAN})*)"  # a rule without days has no space in it
_RULE = rf"(?:{_DAYS} \s*{_TIMES}|{_TIMES_ALONE})"
HOURS = rf"^\s*(?:24/7|(?:;\s*)*{_RULE}(?:\s*;(?:\s*;)*\s*{_RULE})*(?:\s*;)*)\s*$"

# A real calendar date, YYYY-MM-DD (leap days included, year 0000 not).
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_LEAP_DAY = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
DATE = rf"^\s*(?!0000)(?:[0-9]{{4}}-{_MONTH_DAY}|{_LEAP_DAY})\s*$"

# An Indonesian mobile number as specs.normalise_mobile reads it: 08[1-9]…, 62 8[1-9]… or +62 8[1-9]…,
# 9 to 12 digits after the 0 (or 62), with spaces, dots, dashes or brackets between them.
_SEP = "[ ().-]*"
WHATSAPP = rf"^\s*\+?(?=[0-9(]){_SEP}(?:6{_SEP}2|0){_SEP}8{_SEP}[1-9](?:{_SEP}[0-9]){{7,10}}{_SEP}\s*$"


def whatsapp_numbers() -> list[dict[str, object]]:
    """The same numbers written unquoted, which YAML reads as integers: 62 8[1-9] and 7 to 10 digits."""
    return [{"type": "integer", "minimum": 6281 * 10**rest, "maximum": 6290 * 10**rest - 1} for rest in range(7, 11)]

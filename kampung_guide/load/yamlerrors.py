"""Explain a YAML syntax error the way an office editor can act on it.

The parser reports where it gave up, in its own English ("did not find expected key"), often lines
after the mistake: an unclosed quote is noticed at the end of the file. Here the error is traced
back to the line where the mistake is (the line a quote or bracket opened on, the line whose
indentation is off) and named by a message key of util/messages.py, with the fix as parameters.
The parser's own words never reach the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

KEY = re.compile(r"^(?:- +)*([A-Za-z_][A-Za-z0-9_-]*) *:(?: |$)")  # `name:`, `- file:`, `  lat:`
OPENERS = {"[": "]", "{": "}"}
EXCERPT_MAX = 120  # characters of a quoted line; a longer one ends with "…"


@dataclass
class Diagnosis:
    """What went wrong, on which line (1-based), as a message key and its parameters."""

    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


def diagnose(exc: yaml.MarkedYAMLError, text: str) -> Diagnosis:
    """The editor's view of a parser error in `text`: the line to fix and what to do."""
    lines = text.splitlines() or [""]
    problem = exc.problem_mark or exc.context_mark
    context = exc.context_mark or problem
    at = (min(problem.line, len(lines) - 1), problem.column) if problem else (0, 0)
    opened = (min(context.line, len(lines) - 1), context.column) if context else at
    at_end = problem is not None and problem.line >= len(lines)  # the parser gave up at the end of the file
    what, where = (exc.context or "").lower(), (exc.problem or "").lower()
    tab = first_tab_indent(lines, at[0])
    if tab is not None:
        return Diagnosis(tab + 1, "yaml_tab")
    if "quoted scalar" in what:
        return quote_problem(lines, at, opened, "escape" in where)
    if "flow sequence" in what or "flow mapping" in what:
        return flow_problem(lines, at, opened, at_end)
    if "simple key" in what:
        return colon_missing(lines, opened[0])
    if "block scalar" in what:
        return Diagnosis(at[0] + 1, "yaml_block_indicator", {"indicator": lines[opened[0]][opened[1] : opened[1] + 1]})
    if "single document" in what:
        return Diagnosis(at[0] + 1, "yaml_second_document")
    if "mapping values" in where:
        return colon_problem(lines, at)
    if "cannot start any token" in where or "alias" in what or "anchor" in what or "alias" in where:
        return reserved_start(lines, at)
    if "block mapping" in what or "block collection" in what:
        return block_problem(lines, at)
    return Diagnosis(at[0] + 1, "yaml_syntax")


def excerpt(text: str, line: int) -> str:
    """The text of line `line` (1-based) as it stands in the file, shortened when very long."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    shown = lines[line - 1].rstrip()
    return shown if len(shown) <= EXCERPT_MAX else shown[: EXCERPT_MAX - 1] + "…"


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def first_tab_indent(lines: list[str], last: int) -> int | None:
    """The first line up to `last` (0-based) indented with a tab, which YAML never accepts."""
    for number, line in enumerate(lines[: last + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead and line.strip():
            return number
    return None


def quoted(value: str) -> str:
    """`value` as YAML text in quotes: double quotes, or single ones when it holds a double quote."""
    if '"' in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def value_part(line: str) -> tuple[str, str]:
    """`  summary: Buka: pagi` -> (`  summary: `, `Buka: pagi`); a line without a key: ("", line)."""
    body = line.lstrip(" ")
    match = KEY.match(body)
    if not match:
        return "", line.strip()
    head = line[: indent_of(line)] + body[: match.end()]
    return head if head.endswith(" ") else head + " ", body[match.end() :].strip()


def quote_problem(lines: list[str], at: tuple[int, int], opened: tuple[int, int], escape: bool) -> Diagnosis:
    """A quoted text that never ends (reported where it opened), or a backslash inside "…"."""
    row, column = opened
    mark = lines[row][column : column + 1] or '"'
    if escape:
        return Diagnosis(at[0] + 1, "yaml_escape", {"fix": lines[at[0]].strip().replace('"', "'")})
    line = lines[row].rstrip()
    end = len(line)
    if open_brackets(line[:column]):  # inside {…} or […]: the text ends before the next , } or ]
        found = re.search(r"[,}\]]", line[column + 1 :])
        end = column + 1 + found.start() if found else end
    fix = (line[:end].rstrip() + mark + line[end:]).strip()
    return Diagnosis(row + 1, "yaml_unclosed_quote", {"quote": mark, "fix": fix})


def open_brackets(line: str) -> list[str]:
    """The brackets of `line` left open at its end (quoted parts skipped)."""
    stack: list[str] = []
    quote = ""
    for char in line:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in OPENERS:
            stack.append(char)
        elif char in "]}" and stack and OPENERS[stack[-1]] == char:
            stack.pop()
        elif char == "#":
            break
    return stack


def flow_problem(lines: list[str], at: tuple[int, int], opened: tuple[int, int], at_end: bool) -> Diagnosis:
    """A `[…]` or `{…}` not closed on its line, or a text inside it that needs quotes."""
    row, column = opened
    bracket = lines[row][column : column + 1]
    closer = OPENERS.get(bracket, "]")
    if (at[0] != row or at_end) and open_brackets(lines[row]):
        return Diagnosis(row + 1, "yaml_unclosed_bracket", {"open": bracket, "close": closer})
    return Diagnosis(at[0] + 1, "yaml_flow_text", {"open": bracket, "close": closer})


def colon_missing(lines: list[str], row: int) -> Diagnosis:
    """A line in a list of fields without `: ` after its name (`category batik`, `category:batik`)."""
    line = lines[row]
    glued = re.match(r"^(\s*(?:- +)*[A-Za-z_][A-Za-z0-9_-]*):(\S.*)$", line)
    if glued:
        return Diagnosis(row + 1, "yaml_colon_space", {"fix": f"{glued[1].strip()}: {glued[2]}"})
    return Diagnosis(row + 1, "yaml_no_colon", {})


def colon_problem(lines: list[str], at: tuple[int, int]) -> Diagnosis:
    """`: ` where YAML expects none: inside a text (`summary: Buka: pagi`), or after a field
    indented further than the line above it."""
    row, column = at
    line = lines[row]
    head, rest = value_part(line)
    if head and column >= len(head) - 1:  # the colon is in the value, not after the field's name
        return Diagnosis(row + 1, "yaml_colon_in_text", {"fix": head.strip() + " " + quoted(rest)})
    if not head:  # a text running over several lines, with `: ` on this one
        return Diagnosis(row + 1, "yaml_colon_in_long_text")
    return indentation(lines, row)


def reserved_start(lines: list[str], at: tuple[int, int]) -> Diagnosis:
    """A text starting with a character YAML keeps for itself: @ ` % & * (an Instagram name)."""
    row, column = at
    line = lines[row]
    head, rest = value_part(line)
    char = rest[:1] if rest[:1] in "@`%&*!|>" and rest else (line[column : column + 1] or "?")
    fix = head.strip() + " " + quoted(rest) if head else quoted(line.strip())
    return Diagnosis(row + 1, "yaml_reserved_start", {"char": char, "fix": fix})


def block_problem(lines: list[str], at: tuple[int, int]) -> Diagnosis:
    """Where a block of fields or list items expected the next one: an indentation slip, a list
    item among fields, or text after a closing quote or bracket."""
    row, column = at
    if row >= len(lines) or not lines[row].strip():
        return Diagnosis(min(row, len(lines) - 1) + 1, "yaml_syntax")
    line = lines[row]
    if column > indent_of(line):
        before = line[:column].rstrip()
        if before[-1:] in ("'", '"'):
            head, rest = value_part(line)
            if len(rest) > 1 and rest[0] == rest[-1] == before[-1]:  # `"Kata "batik" di sini"`
                rest = rest[1:-1]
            fix = (head.strip() + " " + quoted(rest)).strip()
            return Diagnosis(row + 1, "yaml_after_quote", {"quote": before[-1], "fix": fix})
        if before[-1:] in ("]", "}"):
            return Diagnosis(row + 1, "yaml_after_bracket", {"close": before[-1]})
        return Diagnosis(row + 1, "yaml_syntax")
    body = line.lstrip(" ")
    glued = re.match(r"^-([A-Za-z_].*)$", body)
    if glued:  # `-file: a.jpg`
        return Diagnosis(row + 1, "yaml_dash_space", {"fix": f"- {glued[1]}"})
    if body.startswith("- ") and not any(ln.lstrip().startswith("- ") for ln in lines[:row]):
        return Diagnosis(row + 1, "yaml_item_here")
    return indentation(lines, row)


def indentation(lines: list[str], row: int) -> Diagnosis:
    """Line `row` lines up with no field above it: say how many spaces it has and may have."""
    spaces = indent_of(lines[row])
    levels, text_indent = open_levels(lines, row)
    if text_indent is not None:  # a line of a `|` text, less indented than its first line
        return Diagnosis(row + 1, "yaml_indent_text", {"spaces": spaces, "choices": (text_indent,)})
    deeper = [level for level in levels if level > spaces]
    shallower = [level for level in levels if level < spaces]
    choices = sorted({*(deeper[:1]), *(shallower[-1:])}) or [0]
    if spaces > levels[-1]:  # further in than the field above, which already has its value
        choices = [levels[-1]]
    return Diagnosis(row + 1, "yaml_indent", {"spaces": spaces, "choices": tuple(choices)})


def open_levels(lines: list[str], row: int) -> tuple[list[int], int | None]:
    """The indentations of the fields and list items still open above line `row`, outermost first
    (block texts after `|` or `>` and comment lines skipped), and the indentation of the block text
    that line `row` continues, if any."""
    levels = [0]
    block_text = None  # the indentation of the field whose `|` text is being skipped
    text_indent = None
    for line in lines[:row]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        spaces = indent_of(line)
        if block_text is not None and spaces > block_text:
            text_indent = spaces if text_indent is None else text_indent  # its first line sets it
            continue
        block_text = text_indent = None
        body = line.lstrip(" ")
        if not KEY.match(body) and not body.startswith("- "):
            continue  # the continuation of a text
        while levels and levels[-1] > spaces:
            levels.pop()
        if not levels or levels[-1] != spaces:
            levels.append(spaces)
        dashes = re.match(r"^(?:- +)+", body)
        if dashes:  # `  - name: a` opens a list at 2 and its item's fields at 4
            levels.append(spaces + dashes.end())
        if re.search(r":\s*[|>][-+0-9]*\s*(#.*)?$", line):
            block_text = levels[-1] if dashes else spaces
    spaces = indent_of(lines[row]) if row < len(lines) else 0
    inside = block_text is not None and text_indent is not None and block_text < spaces < text_indent
    return levels, text_indent if inside else None

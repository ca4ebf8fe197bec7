"""Read YAML the way an editor means it: YAML 1.2 scalars, no duplicate keys, line numbers kept.

PyYAML follows YAML 1.1, where `10:00` is the number 600, `no` is false and `2024-05-01` a date.
An office's content must not change meaning that way, so the loader here resolves only the
YAML 1.2 core schema (true/false, null, decimal/octal/hex integers, floats) and leaves the rest as
text. It walks the composed node tree itself, which keeps every key's line for messages, reports a
duplicate key instead of keeping the last one, and bounds how far aliases may expand.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

import yaml

from ..util.problems import FieldPath as Path  # a key path inside the file
from .yamlerrors import diagnose, excerpt

try:  # libyaml's parser is ~10x faster; the resolver stays ours either way
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser as _ParserBase
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _ParserBase, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _ParserBase.__init__(self)
            Composer.__init__(self)


MAX_NODES = 100_000  # a real profile has a few hundred; an alias bomb has billions
MAX_DEPTH = 64

STR, INT, FLOAT, BOOL, NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"

# What a file holds: YAML 1.2 core schema scalars, lists, and mappings with text keys.
YamlValue: TypeAlias = str | int | float | bool | None | list["YamlValue"] | dict[str, "YamlValue"]


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema resolver (a fresh class-level table, so PyYAML's own is untouched)."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    # PyYAML's general resolve() also walks path resolvers, which this loader never has; the
    # parser calls these once per node, so the short versions save a fifth of a large check.
    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is yaml.SequenceNode else MAP


for _tag, _pattern, _first in (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (NULL, r"^(?:~|null|Null|NULL|)$", "~nN"),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
_Resolver.add_implicit_resolver(NULL, re.compile(r"^$"), [""])


class _Loader(_Parser, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


class YamlError(Exception):
    """A file that is not valid YAML for this guide; `line` is 1-based, `excerpt` that line's text."""

    def __init__(self, line: int, key: str, params: dict[str, Any] | None = None, excerpt: str = "") -> None:
        super().__init__(key)
        self.line, self.key, self.params, self.excerpt = line, key, params or {}, excerpt


@dataclass
class Document:
    """A parsed YAML value with the line of every mapping key and list item, by path."""

    value: YamlValue
    lines: dict[Path, int] = field(default_factory=dict)
    text_starts: dict[Path, int] = field(default_factory=dict)  # first line of a multi-line text
    source: str = ""  # the text parsed, for quoting a line in a message
    offset: int = 0  # lines before the text in its file (a page's front matter starts on line 2)
    flow: set[Path] = field(default_factory=set)  # mappings written inline, `{id: …, en: …}`
    typed: dict[Path, str] = field(default_factory=dict)  # numbers as written: `25.000` read as 25.0

    def excerpt(self, line: int) -> str:
        """The text of the file's line `line`, as the editor wrote it."""
        return excerpt(self.source, line - self.offset)

    def text_line(self, path: Path, offset: int) -> int:
        """The line of the `offset`-th line (0-based) inside the text at `path`."""
        start = self.text_starts.get(path)
        return start + offset if start else self.line(path)

    def line(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def parse_yaml(text: str) -> Document:
    """Parse one YAML document; raise YamlError for syntax errors and forbidden constructs."""
    try:
        node = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]  # the stubs know PyYAML's loaders only
    except yaml.MarkedYAMLError as exc:
        found = diagnose(exc, text)
        raise YamlError(found.line, found.key, found.params, excerpt(text, found.line)) from None
    except yaml.YAMLError:  # pragma: no cover - unmarked errors are rare
        raise YamlError(1, "yaml_syntax", {}, excerpt(text, 1)) from None
    doc = Document(None, source=text)
    if node is not None:
        walker = _Walker(doc)
        try:
            doc.value = walker.convert(node, (), 0)
        except YamlError as exc:
            exc.excerpt = excerpt(text, exc.line)
            raise
        doc.lines.setdefault((), node.start_mark.line + 1)
    return doc


class _Walker:
    """Turns composed nodes into plain values, recording lines and guarding size."""

    def __init__(self, doc: Document) -> None:
        self.lines, self.text_starts, self.flow, self.typed = doc.lines, doc.text_starts, doc.flow, doc.typed
        self.count = 0

    def convert(self, node: yaml.Node, path: Path, depth: int) -> YamlValue:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise YamlError(node.start_mark.line + 1, "yaml_too_big", {"limit": MAX_NODES})
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, path, depth)
        node = cast(yaml.ScalarNode, node)  # neither a mapping nor a sequence
        if node.style in ("|", ">"):  # the text begins on the line after the indicator
            self.text_starts[path] = node.start_mark.line + 2
        elif node.start_mark.line != node.end_mark.line:
            self.text_starts[path] = node.start_mark.line + 1
        value = scalar_value(node)
        if isinstance(value, float):
            self.typed[path] = node.value
        return value

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, YamlValue]:
        if node.tag != MAP:
            raise YamlError(node.start_mark.line + 1, "yaml_tag", {"tag": node.tag})
        result: dict[str, YamlValue] = {}
        if node.flow_style:
            self.flow.add(path)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise YamlError(line, "yaml_key", {"key": getattr(key_node, "value", "?")})
            key = str(key)
            if key in result:
                raise YamlError(line, "yaml_duplicate", {"key": key, "first": self.lines[path + (key,)]})
            self.lines[path + (key,)] = line
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, path: Path, depth: int) -> list[YamlValue]:
        if node.tag != SEQ:
            raise YamlError(node.start_mark.line + 1, "yaml_tag", {"tag": node.tag})
        items = []
        for index, item in enumerate(node.value):
            self.lines[path + (index,)] = item.start_mark.line + 1
            items.append(self.convert(item, path + (index,), depth + 1))
        return items


def scalar_value(node: yaml.ScalarNode) -> str | int | float | bool | None:
    """The Python value of a scalar under the YAML 1.2 core schema."""
    text, tag = cast(str, node.value), node.tag
    if tag == STR:
        return text
    if tag == NULL:
        return None
    if tag == BOOL:
        return text.lower() == "true"
    if tag == INT:
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text)
    if tag == FLOAT:
        lowered = text.lower().lstrip("+")
        if lowered in (".inf", "-.inf", ".nan"):
            return {".inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}[lowered]
        return float(text)
    raise YamlError(node.start_mark.line + 1, "yaml_tag", {"tag": tag})

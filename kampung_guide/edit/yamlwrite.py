"""Write a content file back with the smallest change: ruamel.yaml's round-trip mode keeps comments,
key order, quoting, flow mappings and block scalars of everything that was not edited.

The build reads with its own fast loader (load/yamlfile.py); this module only writes. New strings that
YAML 1.1 tools would misread (`10:00` as 600, `no` as false) are quoted, so a file reads the same
in YAML 1.1 and 1.2.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

if TYPE_CHECKING:
    from ..load.yamlfile import Document

Path = tuple[str | int, ...]  # a field's path, as validate's problems carry it: ("products", 0, "name", "id")

# Plain strings a YAML 1.1 reader would turn into something else: booleans, sexagesimal numbers and times.
_YAML11_TRAPS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|~|null|Null|NULL)$"
)


class Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, keeping each number's own text (see Representer)."""

    def construct_yaml_float(self, node: ScalarNode) -> Any:
        value = super().construct_yaml_float(node)
        if isinstance(value, ScalarFloat):
            value.written = node.value  # type: ignore[attr-defined]  # ScalarFloat keeps a __dict__: our own note on it
        return value


Constructor.add_constructor("tag:yaml.org,2002:float", Constructor.construct_yaml_float)


class Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, except that an untouched number is written as it was: ruamel
    rebuilds a float from its parts and may change digits (`1.7331794424499508e-104` -> ...507)."""

    def represent_scalar_float(self, data: Any) -> ScalarNode:
        written = getattr(data, "written", None)
        if written is not None:
            return self.represent_scalar("tag:yaml.org,2002:float", written)
        return super().represent_scalar_float(data)


Representer.add_representer(ScalarFloat, Representer.represent_scalar_float)


# Characters outside YAML's printable set, and the line breaks a YAML reader may take for the end of
# a line (NEL, U+2028, U+2029): ruamel writes them raw and then cannot read its own file.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml() -> YAML:
    """A round-trip YAML that writes the content folder's style unchanged (see shared notes/editor.md)."""
    y = YAML()
    y.Constructor, y.Representer = Constructor, Representer
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap long lines
    y.indent(mapping=2, sequence=4, offset=2)  # "  - name:" lists, as in content/
    return y


def parse(text: str) -> Any:
    """A file's text as ruamel's round-trip tree (a CommentedMap for a content file)."""
    return yaml().load(text) if text.strip() else CommentedMap()


def dump(tree: Any) -> str:
    buffer = io.StringIO()
    yaml().dump(tree, buffer)
    return buffer.getvalue()


def scalar(value: Any) -> Any:
    """A new value as ruamel should write it: multi-line text as a `|` block, YAML 1.1 traps quoted."""
    if isinstance(value, str):
        if _UNPRINTABLE.search(value):  # written raw they break the file or change meaning: escape them
            return DoubleQuotedScalarString(value)
        if "\n" in value.strip():
            return LiteralScalarString(value)  # ruamel picks |, |- or |+ to keep the final line breaks
        if _YAML11_TRAPS.match(value):
            return DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        tree = CommentedMap()
        for key, item in value.items():
            tree[key] = scalar(item)
        short = all(isinstance(k, str) and re.fullmatch(r"[a-z]{2}", k) for k in value) and _short(value.values())
        tree.fa.set_flow_style() if short else tree.fa.set_block_style()
        return tree
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq([scalar(item) for item in value])
        seq.fa.set_flow_style() if _short(value) else seq.fa.set_block_style()
        return seq
    return value


def _short(values: Iterable[Any]) -> bool:
    """Scalars that fit on one line together: written `[a, b]` or `{id: …, en: …}`, as content/ does."""
    values = list(values)
    plain = all(isinstance(v, (str, int, float)) and "\n" not in str(v) for v in values)
    return plain and sum(len(str(v)) + 2 for v in values) <= 72


def same(old: Any, new: Any) -> bool:
    """Whether a stored value already equals a plain one (so it is left as written)."""
    if isinstance(new, dict):
        return isinstance(old, dict) and old.keys() == new.keys() and all(same(old[k], new[k]) for k in new)
    if isinstance(new, (list, tuple)):
        return isinstance(old, list) and len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(new, bool) or isinstance(old, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, datetime.date) and isinstance(new, str):  # ruamel reads 2026-12-05 as a date, the build as text
        return old.isoformat() == new
    if isinstance(new, (int, float)) and isinstance(old, (int, float)):  # ruamel's own int and float subclasses
        return old == new and isinstance(old, float) == isinstance(new, float)
    return isinstance(old, str) == isinstance(new, str) and old == new


def merge(tree: Any, value: Any) -> Any:
    """`tree` changed in place to equal `value` (plain dicts, lists and scalars), keeping everything that
    already equals it as written; returns the tree (or a new node where the kind changed)."""
    if isinstance(value, dict) and isinstance(tree, CommentedMap):
        for key in [k for k in tree if k not in value]:
            del tree[key]
        for key, item in value.items():
            if key in tree:
                if not same(tree[key], item):
                    tree[key] = merge(tree[key], item)
            else:
                insert_in_order(tree, list(value), key, scalar(item))
        return tree
    if isinstance(value, (list, tuple)) and isinstance(tree, CommentedSeq):
        nodes = list_nodes(list(tree), list(value))
        del tree[len(nodes) :]
        for i, node in enumerate(nodes):
            if i >= len(tree):
                tree.append(node)
            elif tree[i] is not node:
                tree[i] = node
        return tree
    return scalar(value)


def list_nodes(old: list, value: list) -> list:
    """The nodes of a list that now holds `value`: an item that is still there keeps its node (and its
    layout) wherever it moved; a changed item is merged into an old node not taken by another."""
    free = list(range(len(old)))
    picks = []
    for item in value:
        match = next((j for j in free if same(old[j], item)), None)
        picks.append(match)
        if match is not None:
            free.remove(match)
    nodes = []
    for item, match in zip(value, picks, strict=True):
        if match is not None:
            nodes.append(old[match])
        elif free:
            nodes.append(merge(old[free.pop(0)], item))
        else:
            nodes.append(scalar(item))
    return nodes


def insert_in_order(tree: CommentedMap, order: list, key: Any, node: Any) -> None:
    """Add `key` after the last key that comes before it in `order` (the content format's order of
    fields, as a form gives them), so that a new field does not land at the end of the file."""
    rank = order.index(key)
    before = [k for k in order[:rank] if k in tree]
    if before:
        position = list(tree).index(before[-1]) + 1
    else:
        position = 0 if any(k in tree for k in order[rank + 1 :]) else len(tree)
    if position >= len(tree):
        tree[key] = node
    else:
        tree.insert(position, key, node)
    if before and not isinstance(node, (CommentedMap, CommentedSeq)):
        move_comment_lines(tree, before[-1], key)


def move_comment_lines(tree: CommentedMap, previous: Any, key: Any) -> None:
    """Comment lines that followed `previous` introduce what came next: keep them above the key
    after the new one, not between `previous` and the new key."""
    owner, slot, index = trailing_comment(tree, previous)
    token = owner.ca.items.get(slot, [None] * 4)[index] if owner is not None else None
    if token is None:
        return
    head, newline, rest = token.value.partition("\n")
    if not rest.strip():
        return
    token.value = head + newline
    tree.ca.items[key] = [None, None, CommentToken("\n" + rest, CommentMark(0), None), None]


def trailing_comment(tree: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after `key`'s whole value: on the last key nested deepest."""
    value = tree[key]
    if isinstance(value, CommentedMap) and value:
        return trailing_comment(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value:
        last = len(value) - 1
        if isinstance(value[last], CommentedMap) and value[last]:
            return trailing_comment(value[last], list(value[last])[-1])
        return (value, last, 0) if value.ca.items.get(last) else (None, None, 0)
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return None, None, 0
    return (tree, key, 2) if tree.ca.items.get(key) else (None, None, 0)


def rewrite(text: str, value: dict[str, Any]) -> str:
    """The file `text` rewritten so that it holds `value`, untouched parts byte for byte as before."""
    tree = parse(text)
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    return dump(merge(tree, value))


def set_fields(text: str, changes: Iterable[tuple[Path, Any]]) -> str:
    """The file `text` with each field at a path set to a value (None removes it), the rest untouched."""
    tree = parse(text)
    for path, value in changes:
        node = tree
        for step, following in zip(path[:-1], path[1:], strict=True):
            if isinstance(node, dict) and step not in node:
                node[step] = CommentedSeq() if isinstance(following, int) else CommentedMap()
            node = node[step]
        last = path[-1]
        if value is None:
            if isinstance(node, dict):
                node.pop(last, None)
            elif isinstance(node, list) and isinstance(last, int) and last < len(node):
                del node[last]
        elif isinstance(node, list) and isinstance(last, int) and last == len(node):
            node.append(scalar(value))
        elif not (last in node if isinstance(node, dict) else False) or not same(node[last], value):
            node[last] = merge(node[last], value) if isinstance(node, dict) and last in node else scalar(value)
    return dump(tree)


# -- a quicker way for changed scalars --------------------------------------------------------------

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: |\s#|\s$|^$")


def scalar_text(value: Any, flow: bool = False) -> str | None:
    """A scalar as YAML text on one line: plain where it reads back the same, else double-quoted
    (inside `{…}` also when it holds a comma or a bracket)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return repr(value)
    if not isinstance(value, str) or "\n" in value:
        return None
    unsafe = _PLAIN_UNSAFE.search(value) or (flow and re.search(r"[,\[\]{}]", value))
    if unsafe or _YAML11_TRAPS.match(value) or _looks_like_number(value):
        return json.dumps(value, ensure_ascii=False)
    return value


def _looks_like_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return bool(re.match(r"^(0o|0x|[-+]?\.(inf|nan))", text, re.IGNORECASE))
    return True


def changed_scalars(old: Any, new: Any, path: Path = ()) -> list[tuple[Path, Any, Any]] | None:
    """(path, old, new) of every scalar that differs, or None when more than scalars changed."""
    if isinstance(old, dict) and isinstance(new, dict):
        if list(old) != list(new):
            return None
        found = []
        for key in new:
            inner = changed_scalars(old[key], new[key], path + (key,))
            if inner is None:
                return None
            found += inner
        return found
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return None
        found = []
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            inner = changed_scalars(a, b, path + (i,))
            if inner is None:
                return None
            found += inner
        return found
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list)):
        return None
    return [] if type(old) is type(new) and old == new else [(path, old, new)]


def replace_scalars(
    text: str, lines: dict[Path, int], old: Any, new: Any, read: Callable[[str], Document]
) -> str | None:
    """`text` with each changed one-line `key: value` edited in place, or None when the change is not
    that simple (then `rewrite` does it). `lines` are the keys' lines from the build's reader, and
    `read` that reader: the result must read back as `new`, or it is not used."""
    changes = changed_scalars(old, new)
    if not changes:
        return None
    rows = text.split("\n")
    for path, before, after in changes:
        line = lines.get(path)
        if line is None or not isinstance(path[-1], str):
            return None
        edited = replace_block_value(rows[line - 1], path[-1], before, after, read)
        edited = edited or replace_flow_value(rows[line - 1], path[-1], before, after, read)
        if edited is None:
            return None
        rows[line - 1] = edited
    result = "\n".join(rows)
    return result if read(result).value == new else None


def replace_block_value(row: str, key: str, before: Any, after: Any, read: Callable[[str], Document]) -> str | None:
    """`  key: old  # note` -> `  key: new  # note`, or None when the line is not like that."""
    match = re.match(rf"^(\s*(?:- )?{re.escape(key)}:[ \t]+)(.*?)([ \t]+#.*)?$", row)
    replacement = scalar_text(after)
    if not match or replacement is None or read(f"v: {match[2]}").value != {"v": before}:
        return None
    return match[1] + replacement + (match[3] or "")


_FLOW_VALUE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^,}\]]*")


def replace_flow_value(row: str, key: str, before: Any, after: Any, read: Callable[[str], Document]) -> str | None:
    """`{id: old, en: …}` -> `{id: new, en: …}` when `key:` is in the line's flow mapping once."""
    found = list(re.finditer(rf"[{{,][ \t]*{re.escape(key)}:[ \t]*", row))
    replacement = scalar_text(after, flow=True)
    if len(found) != 1 or replacement is None:
        return None
    start = found[0].end()
    value = _FLOW_VALUE.match(row, start)[0].rstrip()  # type: ignore[index]  # it matches "" too: never None
    if not value or read(f"v: {value}").value != {"v": before}:
        return None
    return row[:start] + replacement + row[start + len(value) :]

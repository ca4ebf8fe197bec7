"""Write a content file back with the smallest change: ruamel.yaml's round-trip mode keeps comments,
key order, quoting, flow mappings and block scalars of everything that was not edited.

The build reads with its own fast loader (load/yamlfile.py); this module only writes. New strings that
YAML 1.1 tools would misread (`10:00` as 600, `no` as false) are quoted, so a file reads the same
in YAML 1.1 and 1.2.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

Path = tuple[str | int, ...]  # a field's path, as validate's problems carry it: ("products", 0, "name", "id")

# Plain strings a YAML 1.1 reader would turn into something else: booleans, sexagesimal numbers and times.
_YAML11_TRAPS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|~|null|Null|NULL)$"
)


class Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, keeping each number's own text (see Representer)."""

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if isinstance(value, ScalarFloat):
            value.written = node.value
        return value


Constructor.add_constructor("tag:yaml.org,2002:float", Constructor.construct_yaml_float)


class Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, except that an untouched number is written as it was: ruamel
    rebuilds a float from its parts and may change digits (`1.7331794424499508e-104` -> ...507)."""

    def represent_scalar_float(self, data):
        written = getattr(data, "written", None)
        if written is not None:
            return self.represent_scalar("tag:yaml.org,2002:float", written)
        return super().represent_scalar_float(data)


Representer.add_representer(ScalarFloat, Representer.represent_scalar_float)


# Characters outside YAML's printable set, and NEL, which a YAML reader takes for a line break.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


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


def _short(values) -> bool:
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

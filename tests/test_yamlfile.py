"""The YAML loader: 1.2 scalars, duplicate keys refused, lines kept, aliases bounded."""

import math
from typing import Any

import pytest

from kampung_guide.load.yamlfile import MAX_NODES, YamlError, parse_yaml


def test_yaml_11_surprises_stay_text():
    value = parse_yaml("a: 10:00\nb: no\nc: yes\nd: 2024-05-01\ne: on\nf: 0777\n").value
    assert value == {"a": "10:00", "b": "no", "c": "yes", "d": "2024-05-01", "e": "on", "f": 777}


def test_core_schema_scalars():
    value: Any = parse_yaml(
        "t: true\nf: False\nn: ~\ne:\ni: -12\nx: 0x1F\no: 0o17\nr: 2.5\nk: 25.000\ninf: .inf\n"
    ).value
    assert value["t"] is True and value["f"] is False and value["n"] is None and value["e"] is None
    assert (value["i"], value["x"], value["o"], value["r"], value["k"]) == (-12, 31, 15, 2.5, 25.0)
    assert math.isinf(value["inf"])


def test_lines_of_keys_and_items():
    doc = parse_yaml("name: x\nproducts:\n  - name: a\n  - name: b\n    price: 3\n")
    assert doc.lines[("name",)] == 1
    assert doc.lines[("products", 1)] == 4
    assert doc.line(("products", 1, "price")) == 5
    assert doc.line(("products", 1, "missing")) == 4


@pytest.mark.parametrize(
    "text, line, key",
    [
        ("a: 1\nb: 2\na: 3\n", 3, "yaml_duplicate"),
        ("a:\n\tb: 1\n", 2, "yaml_tab"),
        ("a: [1, 2\nb: 3\n", 1, "yaml_unclosed_bracket"),  # where the bracket opened, not where it was noticed
        ("a: !!python/object/apply:os.system ['true']\n", 1, "yaml_tag"),
        ("? [a, b]\n: 1\n", 1, "yaml_key"),
    ],
)
def test_rejected_documents(text, line, key):
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.key) == (line, key)


def test_duplicate_names_first_line():
    with pytest.raises(YamlError) as caught:
        parse_yaml("x: 1\n\nx: 2\n")
    assert caught.value.params == {"key": "x", "first": 1}


def test_alias_bomb_is_stopped():
    lines = ['a: &a ["l", "l", "l", "l", "l", "l", "l", "l", "l"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlError) as caught:
        parse_yaml("\n".join(lines) + "\n")
    assert caught.value.key == "yaml_too_big" and caught.value.params["limit"] == MAX_NODES


def test_small_aliases_are_expanded():
    assert parse_yaml("a: &x [1, 2]\nb: *x\n").value == {"a": [1, 2], "b": [1, 2]}


def test_empty_document():
    assert parse_yaml("").value is None
    assert parse_yaml("# only a comment\n").value is None

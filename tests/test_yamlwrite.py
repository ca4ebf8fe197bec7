"""Writing content files back: untouched parts stay byte for byte, new YAML-1.1 traps are quoted."""

from pathlib import Path
from typing import Any

import pytest

from kampung_guide.edit.yamlwrite import rewrite, set_fields
from kampung_guide.load.yamlfile import parse_yaml

from conftest import ROOT

FILES = sorted((ROOT / "content").rglob("*.yaml")) + sorted((ROOT / "tests" / "sites").rglob("content/**/*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_rewriting_a_file_with_its_own_values_changes_no_byte(path: Path):
    text = path.read_text(encoding="utf-8")
    value = parse_yaml(text).value
    assert isinstance(value, dict)
    assert rewrite(text, value) == text


def test_one_changed_field_is_a_one_line_diff_and_new_traps_are_quoted():
    text = (ROOT / "content" / "kampung" / "onde-onde.yaml").read_text(encoding="utf-8")
    changed = set_fields(text, [(("location", "lat"), -7.4726), (("visit", "best_time", "en"), "10:00")])
    before, after = text.splitlines(), changed.splitlines()
    assert len(before) == len(after)
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        ("  lat: -7.4725", "  lat: -7.4726"),
        (
            "    en: Before dawn; traders come around 4 a.m., and one resident makes snacks"
            " from about 2 a.m. to 8 a.m.",
            '    en: "10:00"',
        ),
    ]
    value: Any = parse_yaml(changed).value
    assert value["visit"]["best_time"]["en"] == "10:00" and value["location"]["lat"] == -7.4726


def test_removing_a_field_and_adding_a_list_item():
    text = "name: A  # the name\ntags: [a, b]\nsummary: S\n"
    changed = set_fields(text, [(("summary",), None), (("tags", 2), "no")])
    assert changed == 'name: A  # the name\ntags: [a, b, "no"]\n'


def test_changed_one_line_values_are_edited_in_place_and_read_back_checked():
    from kampung_guide.edit.yamlwrite import replace_scalars

    text = 'name: A  # the name\nlocation:\n  lat: -7.4640\n  lon: 112.43\nbest: "mornings"\nflow: {id: X, en: Y}\n'
    old = parse_yaml(text).value
    assert isinstance(old, dict)
    new = {**old, "location": {"lat": -7.47, "lon": 112.43}, "name": "no", "best": "a: b #c"}
    changed = replace_scalars(text, parse_yaml(text).lines, old, new, parse_yaml)
    assert changed == (
        'name: "no"  # the name\nlocation:\n  lat: -7.47\n  lon: 112.43\nbest: "a: b #c"\nflow: {id: X, en: Y}\n'
    )
    assert parse_yaml(changed).value == new
    inside_flow = {**old, "flow": {"id": "Z, z", "en": "Y"}}
    changed = replace_scalars(text, parse_yaml(text).lines, old, inside_flow, parse_yaml)
    assert changed == text.replace("{id: X, en: Y}", '{id: "Z, z", en: Y}')
    assert replace_scalars(text, parse_yaml(text).lines, old, {**old, "new": 1}, parse_yaml) is None  # ruamel does it

"""The README documents the format from the same definitions that check it, and its commands exist."""

import re
from typing import Any, cast

import pytest

from kampung_guide.cli import parser
from kampung_guide.validate.schema import markdown_reference

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_field_reference_is_current():
    assert markdown_reference() in README, "run: python build.py schema --format markdown, and paste it into README.md"


def test_readme_open_data_table_is_current():
    from kampung_guide.outputs.opendata_schema import opendata_table

    assert opendata_table() in README


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "The test command itself is `python -m pytest`" in README
    assert ci.strip().splitlines()[-1] == "python -m pytest"


def test_readme_commands_exist():
    commands = set(re.findall(r"`python build\.py (\w+)", README))
    known = set(cast(Any, parser())._subparsers._group_actions[0].choices)  # argparse keeps its commands private
    assert commands and commands <= known, commands - known


CONTOH = """\
name: Kampung Contoh
category: batik
summary:
  id: Kampung pembuat batik tulis.
  en: A village making hand-drawn batik.
description:
  id: |
    Di sini batik tulis dibuat dengan canting.
  en: |
    Hand-drawn batik is made here with a canting.
location:
  lat: -7.47
  lon: 112.43
  approximate: true
products:
  - name: Batik tulis
    price_idr: 350000
photos:
  - file: contoh-1.jpg
    alt: Perajin membatik
"""

FIVE = {  # the five most common mistakes: each message names the line, quotes it and says the fix
    "indent": CONTOH.replace("  approximate: true", "   address: Kelurahan Contoh\n  approximate: true"),
    "price": CONTOH.replace("350000", "350.000"),
    "hours": CONTOH.replace("products:", "opening_hours: Mo-Sa 8.00-16.00\nproducts:"),
    "quote": CONTOH.replace("  id: Kampung pembuat batik tulis.", '  id: "Kampung pembuat batik tulis.'),
    "photo": CONTOH.replace("file: contoh-1.jpg", "file: contoh1.jpg"),
}
MISTAKES = {
    **FIVE,
    "tab": CONTOH.replace("  lat: -7.47", "\tlat: -7.47"),
    "typo": CONTOH.replace("products:", "product:"),
    "alt": CONTOH.replace("    alt: Perajin membatik\n", ""),
    "swap": CONTOH.replace("lat: -7.47", "lat: 112.43").replace("lon: 112.43", "lon: -7.47"),
    "comma": CONTOH.replace(
        "  approximate: true", "  address: {id: Kelurahan Contoh, Kota Mojokerto, en: Contoh}\n  approximate: true"
    ),
    "at": CONTOH + "contact:\n  instagram: @kampungcontoh\n",
}
WHERE = {"indent": 14, "price": 17, "hours": 15, "quote": 4, "photo": 19}  # the line of each mistake


def check_contoh(folder, text: str) -> list[str]:
    """`check --lang id` of the example profile with a mistake: each error line and the line quoted under it."""
    from conftest import JPEG, run_build, write_content

    write_content(folder, {"kampung/batik.yaml": None, "kampung/contoh.yaml": text, "images/contoh-1.jpg": JPEG})
    lines = run_build("check", "--content", "content", "--lang", "id", cwd=folder).stderr.splitlines()
    return [
        "\n".join([line, *lines[i + 1 : i + 2]]) if i + 1 < len(lines) and " | " in lines[i + 1] else line
        for i, line in enumerate(lines)
        if line.startswith("content/") and "peringatan" not in line
    ]


def test_editor_guide_quotes_the_real_messages(tmp_path):
    guide = (ROOT / "docs" / "panduan-editor.md").read_text(encoding="utf-8")
    assert "docs/panduan-editor.md" in README
    for name, text in MISTAKES.items():
        [error] = check_contoh(tmp_path / name, text)
        shown = error if name in FIVE else error.split("\n")[0]
        assert f"\n{shown}\n" in guide, (name, error)


ENGLISH = re.compile(r"\b(mapping|expected|found|scalar|token|block|allowed|context|while)\b", re.I)


@pytest.mark.parametrize("name", FIVE)
def test_each_common_mistake_names_its_line_quotes_it_and_says_the_fix(tmp_path, name):
    [error] = check_contoh(tmp_path, FIVE[name])
    message, quoted = error.split("\n")
    where = WHERE[name]
    assert message.startswith(f"content/kampung/contoh.yaml:{where}: ")
    assert quoted == f"{where:>6} | {FIVE[name].splitlines()[where - 1]}"
    assert not ENGLISH.search(message.split(": ", 1)[1]), message
    fix = {
        "indent": "jadikan 2 spasi",
        "price": "tulis 350000, tanpa titik",
        "hours": "tulis: Mo-Sa 08:00-16:00",
        "quote": 'tulis: id: "Kampung pembuat batik tulis."',
        "photo": "maksud Anda 'contoh-1.jpg'?",
    }[name]
    assert fix in message

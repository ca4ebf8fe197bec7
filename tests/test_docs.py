"""The README documents the format from the same definitions that check it, and its commands exist."""

import re
from typing import Any, cast

from kampung_guide.cli import parser
from kampung_guide.validate.schema import markdown_reference

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_field_reference_is_current():
    assert markdown_reference() in README, "run: python build.py schema --format markdown, and paste it into README.md"


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

MISTAKES = {
    "tab": CONTOH.replace("  lat: -7.47", "\tlat: -7.47"),
    "typo": CONTOH.replace("products:", "product:"),
    "price": CONTOH.replace("350000", "350.000"),
    "alt": CONTOH.replace("    alt: Perajin membatik\n", ""),
    "swap": CONTOH.replace("lat: -7.47", "lat: 112.43").replace("lon: 112.43", "lon: -7.47"),
}


def test_editor_guide_quotes_the_real_messages(tmp_path):
    from conftest import JPEG, run_build, write_content

    guide = (ROOT / "docs" / "panduan-editor.md").read_text(encoding="utf-8")
    assert "docs/panduan-editor.md" in README
    for name, text in MISTAKES.items():
        folder = tmp_path / name
        write_content(folder, {"kampung/batik.yaml": None, "kampung/contoh.yaml": text, "images/contoh-1.jpg": JPEG})
        result = run_build("check", "--content", "content", "--lang", "id", cwd=folder)
        [error] = [
            line for line in result.stderr.splitlines() if line.startswith("content/") and "peringatan" not in line
        ]
        assert f"\n{error}\n" in guide, (name, error)

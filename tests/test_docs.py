"""The README documents the format from the same definitions that check it, and its commands exist."""
import re

from conftest import ROOT
from guide.cli import parser
from guide.schema import markdown_reference

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_field_reference_is_current():
    assert markdown_reference() in README, "run: python build.py schema --format markdown, and paste it into README.md"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "The test command itself is `python -m pytest`" in README
    assert ci.strip().splitlines()[-1] == "python -m pytest"


def test_readme_commands_exist():
    commands = set(re.findall(r"`python build\.py (\w+)", README))
    known = set(parser()._subparsers._group_actions[0].choices)
    assert commands and commands <= known, commands - known

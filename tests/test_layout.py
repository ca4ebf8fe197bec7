"""The package shows the pipeline: each stage a folder, and every import pointing to the same or an
earlier stage (util/ below them all). Tools (edit/, serve/) and the top-level modules may use any stage."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

PACKAGE = ROOT / "kampung_guide"
ORDER = ["util", "load", "validate", "plan", "render", "outputs", "write"]
TOOLS = {"edit", "serve", "stats"}


def stage_of(module: str) -> str:
    """`kampung_guide.render.views` -> `render`; a top-level module is its own name."""
    return module.split(".")[1]


def imports(path) -> set[str]:
    """The package modules a file imports, as absolute dotted names."""
    module = "kampung_guide." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            found |= {target} if node.module else {f"{target}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kampung_guide."):
            found.add(node.module)
    return found


FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_import_points_to_the_same_or_an_earlier_stage(path):
    stage = stage_of("kampung_guide." + ".".join(path.relative_to(PACKAGE).parts))
    if stage in TOOLS:
        return
    for target in imports(path):
        other = stage_of(target)
        assert other in ORDER and ORDER.index(other) <= ORDER.index(stage), f"{stage} imports {target}"


def test_the_checker_sees_a_backward_import(tmp_path):
    """The test above can fail: a render module importing outputs/ is caught."""
    fake = PACKAGE / "render" / "_backward_probe.py"
    fake.write_text("from ..outputs import search\n", encoding="utf-8")
    try:
        assert {stage_of(t) for t in imports(fake)} == {"outputs"}
    finally:
        fake.unlink()


def test_the_package_lists_its_stages():
    entries = sorted(p.name for p in PACKAGE.iterdir() if not p.name.startswith((".", "__pycache__")))
    assert set(ORDER) <= set(entries) and len(entries) <= 15, entries

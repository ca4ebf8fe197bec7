"""Golden sites: each site under tests/sites/ is built with a fixed base URL and compared, file by
file, with its checked-in output. Text files are compared as text (a unified diff on mismatch);
binary files (photos, icons) and the vendored libraries through a sha256 manifest.

`python -m pytest tests/test_golden.py --update-golden` rewrites the expected output from a fresh
build: do it on purpose, and say in the commit message what changed and why.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest

from kampung_guide.cli import main

from conftest import ROOT, snapshot

SITES = ROOT / "tests" / "sites"
BASE_URL = "https://example.org/guide/"
TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".json", ".geojson", ".gpx", ".ics", ".txt", ".webmanifest"}
TEXT_NAMES = {"_headers", ".kampung-guide-files"}
MANIFEST = "binary.sha256"  # beside expected/: "<sha256>  <path>" per binary or vendored file


def is_text(name: str) -> bool:
    return not name.startswith("assets/vendor/") and (
        Path(name).suffix in TEXT_SUFFIXES or Path(name).name in TEXT_NAMES
    )


def build(site: str, out: Path) -> dict[str, bytes]:
    status = main(
        ["build", "--content", str(SITES / site / "content"), "--out", str(out), "--base-url", BASE_URL, "--jobs", "1"]
    )
    assert status == 0, f"{site} did not build"
    return snapshot(out)


def binary_manifest(files: dict[str, bytes]) -> str:
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items()) if not is_text(name)
    )


def write_expected(folder: Path, files: dict[str, bytes]) -> None:
    expected = folder / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    for name, data in files.items():
        if is_text(name):
            target = expected / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (folder / MANIFEST).write_text(binary_manifest(files), encoding="utf-8")


def differences(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Every way the build differs from the expected output, as readable text."""
    expected = snapshot(folder / "expected") if (folder / "expected").is_dir() else {}
    built = {name: data for name, data in files.items() if is_text(name)}
    found = [f"missing from the build: {name}" for name in sorted(expected.keys() - built.keys())]
    found += [f"new in the build: {name}" for name in sorted(built.keys() - expected.keys())]
    for name in sorted(expected.keys() & built.keys()):
        if expected[name] != built[name]:
            diff = difflib.unified_diff(
                expected[name].decode().splitlines(),
                built[name].decode().splitlines(),
                f"expected/{name}",
                f"built/{name}",
                lineterm="",
                n=2,
            )
            found.append("\n".join(list(diff)[:80]))
    manifest = folder / MANIFEST
    want = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    if want != binary_manifest(files):
        diff = difflib.unified_diff(
            want.splitlines(),
            binary_manifest(files).splitlines(),
            f"{MANIFEST} expected",
            f"{MANIFEST} built",
            lineterm="",
            n=0,
        )
        found.append("\n".join(diff))
    return found


@pytest.mark.parametrize("site", sorted(p.name for p in SITES.iterdir() if (p / "content").is_dir()))
def test_golden_site(site, tmp_path, request):
    files = build(site, tmp_path / "site")
    if request.config.getoption("--update-golden"):
        write_expected(SITES / site, files)
        return
    problems = differences(SITES / site, files)
    assert not problems, (
        f"{site}: the build differs from tests/sites/{site}/expected "
        "(rerun with --update-golden if the change is intended):\n\n" + "\n\n".join(problems)
    )


def test_golden_comparison_sees_a_changed_byte(tmp_path):
    """The comparison itself can fail: one changed byte of a page, one of a photo, one file less."""
    files = build("lakeside", tmp_path / "site")
    page = next(name for name in files if name.endswith(".html"))
    photo_or_icon = next(name for name in files if not is_text(name))
    for changed in (
        {**files, page: files[page].replace(b"<", b"&lt;", 1)},
        {**files, photo_or_icon: files[photo_or_icon] + b"\0"},
        {k: v for k, v in files.items() if k != page},
    ):
        assert differences(SITES / "lakeside", changed)

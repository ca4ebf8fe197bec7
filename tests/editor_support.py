"""What the editor's tests share: a project in git with a bare repository as its remote, a real
`build.py serve` process, and a phone-like photo carrying GPS and an orientation tag."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

# A fictional profile written the way a person writes YAML: comments, a flow mapping, a block text.
COMMENTED = """\
# yaml-language-server: $schema=../kampung.schema.json
# Profil uji: kampung rekaan untuk pengujian editor.
name: Kampung Gerabah Uji   # nama yang dipakai warga
category: kuliner
summary:
  id: Kampung rekaan tempat perajin membuat gerabah.
  en: A made-up kampung where potters make earthenware.
description:
  id: |
    Kampung rekaan untuk pengujian.
  en: |
    A made-up kampung for tests.
location:
  lat: -7.4700
  lon: 112.4300
  approximate: true   # pin perkiraan
tags: [gerabah, uji]
"""


PROFILES = {
    "gerabah-uji": "Gerabah Uji",
    "tenun-uji": "Tenun Uji",
    "anyaman-uji": "Anyaman Uji",
    "ukir-uji": "Ukir Uji",
}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


def make_project(tmp: Path) -> tuple[Path, Path]:
    """The sample content plus a commented profile, committed in a git checkout whose `origin` is a
    local bare repository; returns (content folder, bare repository)."""
    project, remote = tmp / "project", tmp / "remote.git"
    shutil.copytree(ROOT / "content", project / "content")
    for slug, name in PROFILES.items():
        text = COMMENTED.replace("Gerabah Uji", name).replace("gerabah", slug.split("-")[0])
        (project / "content" / "kampung" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    (project / "README.md").write_text("A test project.\n", encoding="utf-8")
    git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(project.parent, "init", "--quiet", "--initial-branch=main", str(project))
    for key, value in (("user.name", "Staf Dinas"), ("user.email", "staf@example.org")):
        git(project, "config", key, value)
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", "Sample content")
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "--quiet", "--set-upstream", "origin", "main")
    return project / "content", remote


@dataclass
class Served:
    content: Path
    url: str  # http://127.0.0.1:PORT/
    process: subprocess.Popen
    output: list[str]


@contextlib.contextmanager
def serving(content: Path, *args: str):
    """A real `build.py serve` on a free port (the editor at url + "_editor/")."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", "0", "--content", str(content), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=content.parent,
    )
    assert process.stdout is not None  # stdout=PIPE
    lines: list[str] = []
    while not any("/_editor/" in line for line in lines):
        line = process.stdout.readline()
        assert line or process.poll() is None, "serve exited early:\n" + "".join(lines)
        lines.append(line)
    found = re.search(r"http://127\.0\.0\.1:\d+/", "".join(lines))
    assert found, "serve printed no address:\n" + "".join(lines)
    url = found[0]
    try:
        yield Served(content, url, process, lines)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def photo_with_gps(width: int = 1200, height: int = 900) -> bytes:
    """A JPEG as a phone stores it: sideways with an Orientation tag (6: turn right), a camera make,
    and the GPS position where it was taken."""
    from PIL import Image

    img = Image.new("RGB", (width, height), (120, 80, 40))
    img.paste((250, 250, 250), (0, 0, width // 4, height // 9))  # a light bar at the stored top-left
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "S", 2: (7.0, 28.0, 19.0), 3: "E", 4: (112.0, 25.0, 42.0)})
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body text) of a real HTTP request; redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


def form_fields(page_html: str) -> dict[str, list[str]]:
    """What a browser would submit from the page's edit form: inputs, ticked boxes, selected options,
    text areas (a newline right after <textarea> is not part of its value, as in HTML)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.fields: dict[str, list[str]] = {}
            self.in_form = False
            self.select: str | None = None
            self.area: str | None = None
            self.area_text = ""

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form":
                self.in_form = a.get("id") == "edit-form"
            if not self.in_form or "name" not in a and tag != "option":
                return
            if tag == "input" and a.get("type") not in ("submit", "button", "file"):
                if a.get("type") == "checkbox" and "checked" not in a:
                    return
                self.fields.setdefault(a["name"], []).append(a.get("value", ""))
            elif tag == "select":
                self.select = a["name"]
            elif tag == "option" and self.select and "selected" in a:
                self.fields.setdefault(self.select, []).append(a.get("value", ""))
            elif tag == "textarea":
                self.area, self.area_text = a["name"], ""

        def handle_endtag(self, tag):
            if tag == "form":
                self.in_form = False
            if tag == "select":
                self.select = None
            if tag == "textarea" and self.area:
                self.fields.setdefault(self.area, []).append(self.area_text.removeprefix("\n"))
                self.area = None

        def handle_data(self, data):
            if self.area:
                self.area_text += data

    reader = Reader()
    reader.feed(page_html)
    return reader.fields


def encode(fields: dict[str, list[str]]) -> bytes:
    return urllib.parse.urlencode([(k, v) for k, values in fields.items() for v in values]).encode()

"""Hostile and broken input: clear errors, nothing lost, nothing injected, nothing read from outside."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kampung_guide.plan.site import load_site

from conftest import CATEGORIES, JPEG, KAMPUNG, ROOT, SITE, run_build, snapshot, write_content

PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '"><img src=x onerror="window.__pwned = 2">',
    "'><svg onload=window.__pwned=3>",
    "</script><script>window.__pwned = 4</script>",
    "${window.__pwned = 5}",
    "`-alert(6)-`",
    "\\u003c/script\\u003e",
    "{{ 7 * 7 }}",
]
MARKDOWN = (
    "[click](javascript:window.__pwned=8) [d](data:text/html;base64,PHNjcmlwdD4=) "
    "<iframe src='https://evil.example'></iframe> <style>body{display:none}</style> "
    "<svg><script>window.__pwned=9</script></svg> <a href='#' onclick='window.__pwned=10'>x</a> "
    "<img src=x onerror='window.__pwned=11'> <object data='x.swf'></object> "
    "<form action='https://evil.example'><input name=q></form>"
)


BAD_URL = 'https://example.org/"><script>window.__pwned=12</script>'
BAD_WEBSITE = json.dumps(BAD_URL)


def q(*parts: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML) of the joined parts."""
    return json.dumps("".join(parts))


def hostile_content(root: Path) -> Path:
    """A content folder with a payload in every text field a template shows."""
    p = iter(PAYLOADS * 4)
    profile = f"""\
name: {{id: {q("Kampung ", next(p))}, en: {q("Village ", next(p))}}}
category: batik
summary: {{id: {q("Ringkas ", next(p))}, en: {q("Short ", next(p))}}}
description:
  id: |
    Deskripsi {MARKDOWN}
  en: |
    Description {MARKDOWN}
location:
  lat: -7.47
  lon: 112.43
  address: {q("Jalan ", next(p))}
opening_hours: Mo-Sa 08:00-16:00
products:
  - name: {q("Produk ", next(p))}
    price_idr: 1000
    description: {q("Desc ", next(p))}
experiences:
  - name: {q("Kelas ", next(p))}
    booking: {q("Pesan ", next(p))}
    description: {q("Desc ", next(p))}
contact:
  website: {BAD_WEBSITE}
photos:
  - file: kain.jpg
    alt: {q("Alt ", next(p))}
    credit: {q("Credit ", next(p))}
tags: [{q("tag ", next(p))}]
"""
    site = (
        SITE.replace("title: {id: Kampung Uji, en: Test Villages}", f"title: {q('Uji ', next(p))}")
        + f"contact:\n  name: {q('Kantor ', next(p))}\n  address: {q('Alamat ', next(p))}\n"
    )
    categories = CATEGORIES.replace("name: {id: Batik, en: Batik}", f"name: {q('Batik ', next(p))}")
    pages = f"---\ntitle: {q('Halaman ', next(p))}\nsummary: {q('Ringkas ', next(p))}\n---\n{MARKDOWN}\n"
    return write_content(
        root,
        {
            "kampung/batik.yaml": profile,
            "site.yaml": site,
            "categories.yaml": categories,
            "pages/info.md": pages,
            "images/kain.jpg": JPEG,
        },
    )


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = hostile_content(root)
    out = root / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 1 or result.returncode == 0
    return content, out, result


def test_hostile_website_field_is_refused_with_a_message(hostile_site):
    _, _, result = hostile_site
    assert result.returncode == 1
    assert (
        "contact.website: 'https://example.org/\"><script>window.__pwned=12</script>' is not in the expected form"
        in result.stderr
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-ok")
    content = hostile_content(root)
    text = (content / "kampung/batik.yaml").read_text(encoding="utf-8")
    (content / "kampung/batik.yaml").write_text(re.sub(r"  website: .*\n", "", text), encoding="utf-8")
    out = root / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_no_injected_markup_survives_in_any_page(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        parser = Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            assert tag not in {"iframe", "object", "embed", "svg", "style", "frame", "base"} or (
                tag == "base" and page.name == "404.html"
            ), (page, tag)
            if tag == "form":  # the guide's own search form stays on the page; the injected one is gone
                assert not re.match(r"^(https?:)?//", attrs.get("action") or ""), (page, attrs)
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
            for name in ("href", "src", "action", "data"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)
            if tag == "script":
                assert attrs.get("src") or attrs.get("type") in ("application/json", "application/ld+json"), (
                    page,
                    attrs,
                )
                if attrs.get("src"):
                    assert not re.match(r"^(https?:)?//", attrs["src"]), attrs
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', text, re.S):
            assert "<" not in block, (page, block[:200])


def test_template_syntax_in_content_is_shown_as_text(built):
    page = (built / "kampung/batik/index.html").read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}" in page


@pytest.mark.parametrize(
    "value, message",
    [
        (".nan", "nan is not a real number"),
        (".inf", "inf is not a real number"),
        ("'-7.47'", "expected a number, got text"),
        ("[-7.47]", "expected a number, got a list"),
        ("true", "expected a number, got true/false"),
    ],
)
def test_coordinates_that_are_not_numbers(tmp_path, value, message):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG.replace("lat: -7.47", f"lat: {value}")})
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1 and f"batik.yaml:12: location.lat: {message}" in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["..yaml", "a b.yaml", "ümlaut.yaml", "x.y.yaml", "-lead.yaml", "CAPS.yaml"])
def test_unsafe_file_names(tmp_path, name):
    content = write_content(tmp_path, {f"kampung/{name}": KAMPUNG})
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1 and f"the file name '{name}' cannot be a page address" in result.stderr


def test_huge_file_is_refused_quickly(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "# " + "x" * 30_000_000 + "\n"})
    start = time.monotonic()
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1
    assert (
        "batik.yaml:1: the file is 30000" in result.stderr
        and "a profile must stay under 1000000 bytes" in result.stderr
    )
    assert time.monotonic() - start < 30  # generous: the point is it does not hang


def test_alias_bomb_file_is_refused(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    content = write_content(tmp_path, {"kampung/batik.yaml": "\n".join(lines) + "\n"})
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1
    assert "batik.yaml:" in result.stderr and "expands to more than 100000 values" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    text = KAMPUNG + f"extra: !!python/object/apply:os.system ['touch {marker}']\n"
    result = run_build("check", "--content", str(write_content(tmp_path, {"kampung/batik.yaml": text})))
    assert result.returncode == 1 and "is not allowed here" in result.stderr
    assert not marker.exists()


def test_nothing_outside_content_templates_assets_is_read(tmp_path):
    """An audit hook records every file the build opens; only the project's inputs and Python itself."""
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    content = write_content(
        tmp_path,
        {
            "kampung/batik.yaml": KAMPUNG + "photos:\n  - file: link.jpg\n    alt: x\n",
            "pages/about.md": "---\ntitle: About\n---\n[secret](/../secret.txt) ![x](../../secret.txt)\n",
        },
    )
    (content / "images").mkdir()
    (content / "images" / "link.jpg").symlink_to(outside)
    script = f"""
import sys
opened = []
def record(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(args[0])
sys.addaudithook(record)
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from kampung_guide.plan.site import load_site
site, report = load_site(Path({str(content)!r}))
print("\\n".join(opened))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    opened = [Path(p).resolve() for p in result.stdout.splitlines() if p]
    allowed = [content.resolve(), ROOT / "kampung_guide", Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
    allowed += [Path("/usr/share/zoneinfo"), Path("/etc/localtime").resolve()]  # Babel asks the system's time zone
    assert outside.resolve() not in opened
    strays = [p for p in opened if not any(p.is_relative_to(a) for a in allowed) and p.suffix != ".so"]
    assert strays == []


def test_an_interrupted_build_leaves_the_site_and_is_cleaned_up(tmp_path):
    from bench.generate import generate

    content = generate(tmp_path / "content", 400)
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out), "--jobs", "1").returncode == 0
    before = snapshot(out)
    (content / "kampung" / "kampung-00001.yaml").write_text(
        (content / "kampung" / "kampung-00001.yaml").read_text().replace("name: Kampung", "name: Changed Kampung")
    )
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(out), "--jobs", "1"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".site.tmp-*/kampung/*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert list(tmp_path.glob(".site.tmp-*")), "the build was killed while writing"
    deadline = time.monotonic() + 10
    while processes_naming(content) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_naming(content) == [], "a helper process outlived the killed build"
    assert snapshot(out) == before
    assert run_build("build", "--content", str(content), "--out", str(out), "--jobs", "1").returncode == 0
    assert list(tmp_path.glob(".site.*")) == []
    assert "Changed Kampung" in (out / "kampung/kampung-00001/index.html").read_text(encoding="utf-8")


def processes_naming(folder: Path) -> list[str]:
    """Command lines of running processes that mention `folder`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended while we looked
            continue
        if str(folder) in line:
            found.append(line)
    return found


TAGGED = {
    "float-word": ("lat: !!float x", "location.lat: the tag !!float does not fit 'x'"),
    "int-word": ("lat: !!int abc", "location.lat: the tag !!int does not fit 'abc'"),
    "float-cut": ("lat: !!float 1e", "location.lat: the tag !!float does not fit '1e'"),
    "bool-yes": ("lon: 112.43\n  approximate: !!bool yes", "location.approximate: the tag !!bool does not fit 'yes'"),
    "binary": ("lat: !!binary aGVsbG8=", "location.lat: the YAML tag !!binary is not allowed here"),
    "local": ("lat: !pin -7.47", "location.lat: the YAML tag !pin is not allowed here"),
    "str": ("lat: !!str -7.47", "location.lat: expected a number, got text"),
}


def test_explicit_yaml_tags_are_errors_at_their_field_never_a_traceback(tmp_path):
    files = {f"kampung/{name}.yaml": KAMPUNG.replace("lat: -7.47", value) for name, (value, _) in TAGGED.items()}
    result = run_build("check", "--content", str(write_content(tmp_path, files)))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for name, (_, message) in TAGGED.items():
        line = 13 if name == "bool-yes" else 12
        assert f"content/kampung/{name}.yaml:{line}: {message}" in result.stderr, (name, result.stderr)
    assert "does not fit 'yes'; remove the tag and write the value as it is" in result.stderr


def test_a_tag_that_fits_its_value_is_read_as_it_says(tmp_path):
    text = KAMPUNG.replace("lat: -7.47", "lat: !!float -7").replace("lon: 112.43", "lon: !!float 112.43")
    site, report = load_site(write_content(tmp_path, {"kampung/batik.yaml": text}))
    assert report.errors == [] and site is not None
    assert (site.kampung[0].location.lat, site.kampung[0].location.lon) == (-7.0, 112.43)

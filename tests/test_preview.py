"""`build.py serve`: a real server process, real file watching, reload signal, error page."""

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import KAMPUNG, ROOT, must_find, write_content


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(predicate, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


@pytest.fixture
def preview(tmp_path):
    content = write_content(tmp_path)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", "0", "--content", str(content)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    line = ""
    while "Serving on" not in line:
        line = process.stdout.readline()
        assert line or process.poll() is None, "serve exited early"
    url = must_find(r"http://127\.0\.0\.1:\d+/", line)[0]
    yield content, url
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0
    assert "Stopped." in process.stdout.read()


def events(url: str):
    """The server-sent events stream: yields each `data:` value."""
    response = urllib.request.urlopen(url + "__preview/events", timeout=20)
    for raw in response:
        line = raw.decode().strip()
        if line.startswith("data:"):
            yield line[5:].strip()


def test_serve_rebuilds_reloads_and_shows_errors(preview):
    content, url = preview
    status, page = fetch(url + "en/kampung/batik/")
    assert status == 200 and "A batik-making village." in page
    assert '<script src="/__preview/reload.js"></script>' in page
    stream = events(url)
    first = next(stream)

    profile = content / "kampung" / "batik.yaml"
    profile.write_text(KAMPUNG.replace("A batik-making village.", "Batik made fresh today."), encoding="utf-8")
    assert next(stream) != first  # a reload is signalled
    assert "Batik made fresh today." in wait_for(
        lambda: (p := fetch(url + "en/kampung/batik/")[1]) and "Batik made fresh today." in p and p
    )

    profile.write_text(KAMPUNG.replace("lat: -7.47", "lat: -97.2"), encoding="utf-8")
    status, page = wait_for(lambda: (r := fetch(url + "kampung/batik/"))[0] == 500 and r)
    assert "kampung/batik.yaml:12: location.lat: -97.2 is not a latitude (must be between -90 and 90)" in page
    assert "<h1>The site cannot be built</h1>" in page
    assert "/__preview/reload.js" in page

    profile.write_text(KAMPUNG, encoding="utf-8")
    status, page = wait_for(lambda: (r := fetch(url + "en/kampung/batik/"))[0] == 200 and r)
    assert "A batik-making village." in page


def test_error_page_speaks_the_editors_language(tmp_path):
    from conftest import SITE

    content = write_content(
        tmp_path,
        {
            "site.yaml": SITE + "messages_language: id\n",
            "kampung/batik.yaml": KAMPUNG.replace("lat: -7.47", "lat: -97.2"),
        },
    )
    from kampung_guide.serve.preview import State, rebuild

    state = State()
    rebuild(content, "content", state, None)
    assert state.problems == [
        "content/kampung/batik.yaml:12: location.lat: -97.2 bukan garis lintang (harus antara -90 dan 90)\n"
        "    12 |   lat: -97.2"
    ]
    from kampung_guide.serve.preview import error_page

    page = error_page(state.problems, state.lang).decode()
    assert '<html lang="id">' in page and "<h1>Situs tidak dapat dibuat</h1>" in page and "1 masalah." in page
    assert "<pre>    12 |   lat: -97.2</pre>" in page


def test_error_page_shows_the_line_of_a_yaml_mistake(tmp_path):
    """An unclosed quote: the page names the line it opened on, in Indonesian, with that line's text."""
    from conftest import SITE

    broken = KAMPUNG.replace("  id: Kampung pembuat batik.", '  id: "Kampung pembuat batik.')
    content = write_content(tmp_path, {"site.yaml": SITE + "messages_language: id\n", "kampung/batik.yaml": broken})
    from kampung_guide.serve.preview import State, error_page, rebuild

    state = State()
    rebuild(content, "content", state, None)
    page = error_page(state.problems, state.lang).decode()
    assert "content/kampung/batik.yaml:4: tanda kutip &quot; yang dibuka di baris ini tidak pernah ditutup" in page
    assert "<pre>     4 |   id: &quot;Kampung pembuat batik.</pre>" in page
    assert "scalar" not in page and "expected" not in page


def test_published_site_has_no_preview_script(tmp_path):
    content = write_content(tmp_path)
    out = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    for path in out.rglob("*"):
        if path.is_file():
            assert b"__preview" not in path.read_bytes(), path

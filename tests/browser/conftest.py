"""Real-browser harness: build the sample site twice, serve it over HTTP, drive Debian's Chromium offline.

- `built`: content/ built for https://example.org/guide/ into <tmp>/site (served at the root of one
  local server) and into <tmp>/sub/guide/ (served under the sub-path /guide/ of another, where a
  missing file gets the guide's 404.html with status 404, as a static host would answer).
- `browser`, `context`: one Chromium and one context for the whole run.
- `visit`: a fresh page per test whose every request outside the local servers is aborted and
  recorded (map tiles get a local PNG), with console errors, page errors and failed requests recorded.
- `broken_site`: a temp copy of the build with a deliberately broken home page; `vnu`: the Nu HTML
  Checker run once over every page of the build and the broken page.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .checkers import run_vnu, vnu_path
from .harness import BASE_URL, Facts, Problems, Server, finish_build, read_facts, settle, start_build, tile_hosts, watch


@dataclass(frozen=True)
class Built:
    """The two builds and where they are served."""

    tmp: Path
    site: Path  # built for BASE_URL, served at root_origin + "/"
    sub_site: Path  # the same, served at sub_origin + "/guide/"
    root_origin: str
    sub_origin: str
    facts: Facts
    tiles: frozenset[str]

    @property
    def origins(self) -> set[str]:
        return {self.root_origin, self.sub_origin}

    def url(self, path: str) -> str:
        """Address of a page of the root-served build; `path` as in the output folder."""
        return f"{self.root_origin}/{path}"

    def sub_url(self, path: str) -> str:
        """Address of a page of the build served under /guide/."""
        return f"{self.sub_origin}/guide/{path}"


@pytest.fixture(scope="session")
def facts() -> Facts:
    return read_facts()


@pytest.fixture(scope="session")
def built(tmp_path_factory, facts) -> Iterator[Built]:
    tmp = tmp_path_factory.mktemp("browser")
    site, sub_site = tmp / "site", tmp / "sub" / "guide"
    sub_site.parent.mkdir()
    # Both builds run at once: each spends most of its time importing folium.
    builds = [(start_build(site), site), (start_build(sub_site), sub_site)]
    for process, out in builds:
        finish_build(process, out)
    assert BASE_URL.endswith("/guide/")
    with Server(site) as root, Server(tmp / "sub", not_found=sub_site / "404.html") as sub:
        yield Built(tmp, site, sub_site, root.origin, sub.origin, facts, frozenset(tile_hosts(site)))


class Visit:
    """One browser page (tab) under watch; `open` loads an address and waits for it to settle."""

    def __init__(self, page, problems: Problems, expected_status: dict[str, int]):
        self.page, self.problems, self.expected_status = page, problems, expected_status

    def open(self, url: str, status: int = 200):
        if status != 200:
            self.expected_status[url] = status
        response = self.page.goto(url)
        assert response is not None and response.status == status, f"{url}: status {response and response.status}"
        settle(self.page)
        return response

    def problem_lines(self) -> list[str]:
        self.page.evaluate("0")  # one round trip, so that events still in flight are delivered
        return list(self.problems.lines())

    def assert_clean(self) -> None:
        lines = self.problem_lines()
        assert not lines, f"{self.page.url}:\n  " + "\n  ".join(lines)


@pytest.fixture(scope="session")
def context(browser):
    """One browser context for the whole run (the site keeps no cookies or storage); a page per test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    context.set_default_timeout(20_000)  # generous: CI shares two cores
    yield context
    context.close()


@pytest.fixture
def visit(context, built) -> Iterator[Visit]:
    page = context.new_page()
    expected: dict[str, int] = {}
    problems = watch(page, built.origins, set(built.tiles), files=built.tmp, expected_status=expected)
    yield Visit(page, problems, expected)
    page.close()


# A deliberately broken page, put at the start of <main> of the home page in a temp copy of the build,
# to show that each check finds what it is there to find.
MISSING_PAGE = "kampung/no-such-kampung/"
OUTSIDE_IMAGE = "https://cdn.example.com/pixel.png"
BROKEN = f"""
<p><img src="assets/vendor/leaflet/images/marker-icon.png" id="no-alt"></p>
<p><a href="{MISSING_PAGE}">a page that does not exist</a></p>
</span>
<p><img src="{OUTSIDE_IMAGE}" alt=""><img src="assets/no-such-image.png" alt="missing"></p>
<script>notAFunction();</script>
<p><a id="tiny" href="#main" style="font-size:6px">x</a>
<a class="button" id="flat" href="#main" style="min-height:30px;padding:0">flat</a></p>
<div style="width:500px">too wide for a phone</div>
"""


@pytest.fixture(scope="session")
def broken_site(built) -> Path:
    site = built.tmp / "broken" / "site"
    shutil.copytree(built.site, site)
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    assert text.count('<main id="main"') == 1
    start = text.index(">", text.index('<main id="main"')) + 1
    home.write_text(text[:start] + BROKEN + text[start:], encoding="utf-8")
    return site


class VnuRun:
    """The Nu HTML Checker run once (one JVM) over every page of the build and the broken page."""

    def __init__(self, files: list[Path]):
        self.problem, self.messages = "", []
        try:
            self.messages = run_vnu(files)
        except FileNotFoundError as exc:
            self.problem = str(exc)

    def errors_in(self, folder: Path) -> list[dict]:
        """Errors for files under `folder`; fails the calling test if vnu could not run."""
        if self.problem:
            pytest.fail(self.problem)
        return [m for m in self.messages if vnu_path(m).is_relative_to(folder.resolve())]


@pytest.fixture(scope="session")
def vnu(built, broken_site) -> VnuRun:
    return VnuRun(sorted(built.site.rglob("*.html")) + [broken_site / "index.html"])

"""Real-browser harness: build the sample site twice, serve it over HTTP, drive Debian's Chromium offline.

- `site`: the sample content built into a temp folder, served at the server root.
- the same content built into <tmp>/sub/guide/, served under the sub-path /guide/ (as on
  https://example.org/guide/, the base URL both builds are made for); a missing file there gets
  the guide's 404.html with status 404, as a static host would answer.
- `visit`: a fresh browser page per test whose every request outside the local servers is aborted
  and recorded (map tiles get a local PNG), with console errors, page errors and failed requests
  recorded too.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .harness import BASE_URL, Facts, Problems, Server, finish_build, launch_chromium, read_facts, settle, \
    start_build, tile_hosts, watch


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
def built(tmp_path_factory, facts) -> Built:
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


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


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
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def visit(context, built) -> Visit:
    page = context.new_page()
    expected: dict[str, int] = {}
    problems = watch(page, built.origins, set(built.tiles), files=built.tmp, expected_status=expected)
    yield Visit(page, problems, expected)
    page.close()

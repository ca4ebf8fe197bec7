"""The checks: links and the Nu HTML Checker read the built files; target sizes are measured in a page.

They are functions returning lists of problems, so the tests can run them on the real build and on a
deliberately broken copy (to show they do find problems).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .harness import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_VNU = "run `npm ci --ignore-scripts` in the repository (package.json pins vnu-jar and the map libraries)"

# A meta tag whose content is an address (it must lead to a page of the site, too).
URL_METAS = {"og:url", "og:image"}


# -- reading pages ----------------------------------------------------------------------------


@dataclass
class Reference:
    url: str
    line: int
    where: str  # e.g. "a href"


@dataclass
class ParsedPage:
    base: str | None = None
    refs: list[Reference] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    map_data: str = ""  # the JSON of <script type="application/json" id="map-data">
    map_data_line: int = 0
    root: str = ""  # <html data-root>: from the page to the site's root


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.result = ParsedPage()
        self._in_map_data = False

    def handle_data(self, data):
        if self._in_map_data:
            self.result.map_data += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_map_data = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        found = dict(attrs)
        if tag == "html":
            self.result.root = found.get("data-root") or ""
        if tag == "script" and found.get("id") == "map-data":
            self._in_map_data, self.result.map_data_line = True, line
        if found.get("id"):
            self.result.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.result.ids.add(found["name"])
        if tag == "base" and found.get("href") is not None and self.result.base is None:
            self.result.base = found["href"]
            return
        for attr in ("href", "src", "poster", "action"):
            if found.get(attr) is not None:
                self.result.refs.append(Reference(found[attr], line, f"{tag} {attr}"))
        for attr in ("srcset", "imagesrcset"):
            if found.get(attr):
                for candidate in found[attr].split(","):
                    if candidate.strip():
                        self.result.refs.append(Reference(candidate.split()[0], line, f"{tag} {attr}"))
        if tag == "meta" and found.get("property") in URL_METAS and found.get("content"):
            self.result.refs.append(Reference(found["content"], line, f"meta {found['property']}"))

    handle_startendtag = handle_starttag


def parse_page(path: Path) -> ParsedPage:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.result


# -- link checking ----------------------------------------------------------------------------


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)  # "file:line: where url: why"
    external: dict[str, list[str]] = field(default_factory=dict)  # url -> where it is used
    checked: int = 0  # internal references that resolved
    pin_links: int = 0  # of those, links in map pins' popups


class LinkChecker:
    """Resolves references the way a browser does for a site published at `base_url`."""

    def __init__(self, site: Path, base_url: str):
        self.site, self.base_url = site, base_url
        self.report = LinkReport()
        self._pages: dict[Path, ParsedPage] = {}

    def page(self, path: Path) -> ParsedPage:
        if path not in self._pages:
            self._pages[path] = parse_page(path)
        return self._pages[path]

    def address(self, path: Path) -> str:
        """Public address of a file of the site; a folder's index.html is addressed as the folder."""
        rel = path.relative_to(self.site).as_posix()
        return self.base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)

    def check_html(self, path: Path) -> None:
        parsed = self.page(path)
        document = self.address(path)
        base = urljoin(document, parsed.base) if parsed.base is not None else document
        for ref in parsed.refs:
            self.check(ref.url, base, f"{self.where(path)}:{ref.line}: {ref.where}")
        if parsed.map_data:
            data = json.loads(parsed.map_data)
            urls = relative_paths(data)
            if (data.get("places") or {}).get("link"):  # the pins come from the places script the page loads
                urls += self.places_links(parsed, base, f"{self.where(path)}:{parsed.map_data_line}")
            for url in urls:
                if self.check(url, base, f"{self.where(path)}:{parsed.map_data_line}: map pin link"):
                    self.report.pin_links += 1

    def places_links(self, parsed: ParsedPage, base: str, where: str) -> list[str]:
        """The pin links a page's map makes from the places script it loads (window.GUIDE_PLACES):
        the page's root, then the script's address pattern with each kampung's slug."""
        scripts = [ref.url for ref in parsed.refs if ref.where == "script src" and "/places-" in "/" + ref.url]
        if len(scripts) != 1:
            self.report.broken.append(f"{where}: a map of the site's places, but {len(scripts)} places scripts")
            return []
        if not self.check(scripts[0], base, f"{where}: places script"):
            return []
        rel = urlsplit(urljoin(base, scripts[0])).path[len(urlsplit(self.base_url).path) :]
        text = (self.site / unquote(rel)).read_text(encoding="utf-8")
        places = json.loads(text.removeprefix("window.GUIDE_PLACES=").removesuffix(";\n"))
        slug = places["fields"].index("slug")
        return [parsed.root + places["href"].replace("{slug}", row[slug]) for row in places["kampung"]]

    def check_css(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"url\(\s*(['\"]?)(.*?)\1\s*\)", text):
            url = match[2]
            if url.startswith("#"):
                continue  # a reference inside the same document (leaflet.css's old-IE `behavior: url(#default#VML)`)
            line = text.count("\n", 0, match.start()) + 1
            self.check(url, self.address(path), f"{self.where(path)}:{line}: css url()")

    def check_map_script(self, path: Path) -> None:
        """The tile and attribution addresses in a map script."""
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'L\.tileLayer\(\s*"([^"]+)"', text):
            self.external(match[1], f"{self.where(path)}: tiles")
        for match in re.finditer(r'"attribution": ("(?:[^"\\]|\\.)*")', text):
            for href in re.findall(r'href="([^"]*)"', json.loads(match[1])):
                self.external(href, f"{self.where(path)}: attribution")

    def where(self, path: Path) -> str:
        return path.relative_to(self.site).as_posix()

    def external(self, url: str, where: str) -> None:
        self.report.external.setdefault(url, []).append(where)

    def check(self, url: str, base: str, where: str) -> bool:
        """Record `url` as external, broken, or checked; True when it resolved to a file of the site."""
        absolute = urljoin(base, url.strip())
        parts = urlsplit(absolute)
        if parts.scheme == "javascript":
            self.report.broken.append(f"{where} {url}: javascript: address")
            return False
        if not absolute.startswith(self.base_url):
            self.external(absolute, where)
            return False
        rel = unquote(parts.path[len(urlsplit(self.base_url).path) :])
        target = self.site / rel
        if rel == "" or rel.endswith("/") or target.is_dir():
            target = target / "index.html"
        if ".." in Path(rel).parts or not target.is_file():
            self.report.broken.append(f"{where} {url}: no file {target.relative_to(self.site).as_posix()}")
            return False
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in self.page(target).ids:
            self.report.broken.append(f"{where} {url}: no id {parts.fragment!r} in {self.where(target)}")
            return False
        self.report.checked += 1
        return True


def relative_paths(data) -> list[str]:
    """Strings in map data that are page addresses (`kampung/onde-onde/`): no space, no scheme, a slash."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in relative_paths(value)]
    if isinstance(data, list):
        return [url for value in data for url in relative_paths(value)]
    if isinstance(data, str) and "/" in data and not re.search(r"\s|^[a-z][a-z0-9+.-]*:", data):
        return [data]
    return []


def check_links(site: Path, base_url: str) -> LinkReport:
    """Check every reference in every .html page (and its map pins), .css file and map script of the built site."""
    checker = LinkChecker(site, base_url)
    for path in sorted(site.rglob("*.html")):
        checker.check_html(path)
    for path in sorted(site.rglob("*.css")):
        checker.check_css(path)
    for path in sorted(site.rglob("map.js")):
        checker.check_map_script(path)
    return checker.report


# -- the Nu HTML Checker ----------------------------------------------------------------------


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's error messages for `files`, from one JVM; raise if it cannot run."""
    if not VNU_JAR.is_file():
        raise FileNotFoundError(f"{VNU_JAR.relative_to(ROOT)} is missing: {INSTALL_VNU}")
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java is missing: install a Java 11+ runtime (Debian: default-jre-headless)")
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"vnu gave no JSON report (exit {run.returncode}):\n{run.stdout}\n{run.stderr}") from error
    if run.returncode not in (0, 1) or (run.returncode == 1 and not messages):
        raise RuntimeError(f"vnu failed (exit {run.returncode}):\n{run.stderr}")
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]


def vnu_path(message: dict) -> Path:
    """The file a vnu message is about (vnu names it by a `file:/…` address)."""
    return Path(unquote(urlsplit(message.get("url", "")).path))


def describe_vnu(message: dict, site: Path) -> str:
    path = vnu_path(message)
    name = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else str(path)
    return f"{name}:{message.get('lastLine', '?')}: {message.get('message', '')} [{message.get('extract', '').strip()}]"


# -- target sizes (WCAG 2.2 AA 2.5.8) ---------------------------------------------------------

# Links inside running text are exempt from the target size (WCAG 2.5.8, "inline" exception).
INLINE_LINKS = ".prose p a, .prose li a, .note a, .map-text a"
# The site's own buttons and list links are meant for thumbs: 44 px tall.
THUMB_TARGETS = ".button, .site-nav a, .lang-switch a, .card__link, .category__link, .nearby a"

_TARGETS_JS = """([inline, thumb]) => {
  const small = [];
  for (const el of document.querySelectorAll(
      "a[href], button, [role=button], input:not([type=hidden]), select, textarea, summary")) {
    const box = el.getBoundingClientRect();
    if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
    if (el.matches(inline)) continue;
    const minHeight = el.matches(thumb) ? 44 : 24;
    if (box.width < 24 || box.height < minHeight) {
      small.push(`${Math.round(box.width * 10) / 10}x${Math.round(box.height * 10) / 10} (need 24x${minHeight}) `
                 + el.outerHTML.slice(0, 140));
    }
  }
  return small;
}"""


def small_targets(page) -> list[str]:
    """Visible links and buttons of `page` smaller than 24 x 24 px (thumb targets: 44 px tall), described."""
    return page.evaluate(_TARGETS_JS, [INLINE_LINKS, THUMB_TARGETS])

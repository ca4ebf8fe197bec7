"""Whole builds through the command line: pages, links, atomicity, determinism, output safety."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import KAMPUNG, ROOT, jpeg, must_find, run_build, snapshot, write_content

SAMPLE = ROOT / "content"
LAKESIDE = ROOT / "tests" / "sites" / "lakeside" / "content"


class Links(HTMLParser):
    """Collects href/src/srcset values and the text of a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.text: list[str] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "base":
            return  # the 404 page's <base>, checked on its own
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.urls.append(attrs[name])
        if attrs.get("srcset"):
            self.urls.extend(part.strip().split(" ")[0] for part in attrs["srcset"].split(","))
        if tag == "script":
            self.scripts.append(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file an internal link leads to, as a static server would find it; None for other hosts."""
    if urlsplit(url).scheme or url.startswith("//"):
        return None
    base = "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, url)).path
    path = site / target.lstrip("/")
    return path / "index.html" if target.endswith("/") or path.is_dir() else path


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    result = run_build("build", "--content", str(SAMPLE), "--out", str(out), "--base-url", "https://example.org/guide/")
    assert result.returncode == 0, result.stderr
    return out


def test_every_kampung_has_a_page_in_both_languages(sample_site):
    slugs = sorted(p.stem for p in (SAMPLE / "kampung").glob("*.yaml"))
    assert len(slugs) == 7
    for slug in slugs:
        profile = yaml.safe_load((SAMPLE / "kampung" / f"{slug}.yaml").read_text(encoding="utf-8"))
        for prefix, lang in (("", "id"), ("en/", "en")):
            page = (sample_site / f"{prefix}kampung/{slug}/index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}" ' in page
            name = profile["name"] if isinstance(profile["name"], str) else profile["name"][lang]
            assert f"<h1>{name}</h1>" in page
            twin = f'href="{"../../en/" if lang == "id" else "../../../"}kampung/{slug}/" hreflang='
            assert twin in page


def test_every_internal_link_and_image_resolves(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        for url in parse(page).urls:
            if page.name == "404.html":
                continue  # resolved against <base>; checked in test_404_pages_use_a_base
            target = resolve(sample_site, page, url)
            assert target is None or target.is_file(), f"{page.relative_to(sample_site)}: {url}"


def test_links_are_relative_so_the_site_works_under_a_sub_path(sample_site):
    for page in sample_site.rglob("*.html"):
        for url in parse(page).urls:
            assert not url.startswith("/"), f"{page}: {url} is root-absolute"
        html = page.read_text(encoding="utf-8")
        for absolute in re.findall(r'(?:href|src)="(https://example\.org[^"]*)"', html):
            assert 'rel="canonical"' in html or "hreflang" in html, absolute


def test_no_file_is_loaded_from_another_host(sample_site):
    for page in sample_site.rglob("*.html"):
        parser = parse(page)
        for attrs in parser.scripts:
            assert "src" not in attrs or not urlsplit(attrs["src"]).netloc, f"{page}: {attrs}"
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(https?:)?//', html)
        assert not re.search(r'<img[^>]+src="(https?:)?//', html)
    for script in sample_site.rglob("*.js"):
        hosts = set(re.findall(r"https?://([^/\"']+)", script.read_text(encoding="utf-8")))
        if "vendor" not in script.parts:  # hosts named in links the visitor opens, never loaded by the page
            assert hosts <= {
                "tile.openstreetmap.org",
                "www.openstreetmap.org",
                "www.google.com",
                "wa.me",
                "www.topografix.com",
            }, (script, hosts)


def test_404_pages_use_a_base(sample_site):
    assert '<base href="/guide/">' in (sample_site / "404.html").read_text(encoding="utf-8")
    assert '<base href="/guide/en/">' in (sample_site / "en" / "404.html").read_text(encoding="utf-8")


def test_sitemap_robots_and_canonical(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/guide/kampung/onde-onde/</loc>" in sitemap
    assert 'hreflang="en" href="https://example.org/guide/en/kampung/onde-onde/"' in sitemap
    assert "404" not in sitemap
    assert "Sitemap: https://example.org/guide/sitemap.xml" in (sample_site / "robots.txt").read_text()
    page = (sample_site / "en/kampung/onde-onde/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/guide/en/kampung/onde-onde/">' in page
    assert '<meta property="og:url" content="https://example.org/guide/en/kampung/onde-onde/">' in page


def test_kampung_json_ld(sample_site):
    import json

    page = (sample_site / "kampung/onde-onde/index.html").read_text(encoding="utf-8")
    data = json.loads(must_find(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert data["@type"] == ["TouristAttraction", "LocalBusiness"]
    assert data["geo"]["@type"] == "GeoCoordinates" and -8 < float(data["geo"]["latitude"]) < -7
    assert len(data["geo"]["latitude"].partition(".")[2]) >= 5  # search engines ask for 5 decimals
    assert data["address"]["addressLocality"] == "Kota Mojokerto"
    assert data["url"] == "https://example.org/guide/kampung/onde-onde/"


def test_missing_optional_fields_render_cleanly(sample_site):
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r">\s*(None|undefined|null)\s*<", html), page
        assert not re.search(r"<h[1-6][^>]*>\s*</h[1-6]>", html), page
    page = (sample_site / "kampung/onde-onde/index.html").read_text(encoding="utf-8")
    assert "Jam buka belum tercatat. Tanyakan kepada Disbudporapar Kota Mojokerto sebelum berkunjung." in page
    assert "Kontak kampung belum tercatat." in page


def test_two_builds_are_byte_identical(sample_site, tmp_path):
    again = tmp_path / "again"
    result = run_build(
        "build", "--content", str(SAMPLE), "--out", str(again), "--base-url", "https://example.org/guide/"
    )
    assert result.returncode == 0, result.stderr
    first, second = snapshot(sample_site), snapshot(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    content = write_content(tmp_path)
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    before = snapshot(out)
    (content / "kampung" / "batik.yaml").write_text(KAMPUNG.replace("lat: -7.47", "lat: -97.2"), encoding="utf-8")
    (content / "kampung" / "new.yaml").write_text(KAMPUNG, encoding="utf-8")
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 1
    assert "kampung/batik.yaml:12: location.lat: -97.2 is not a latitude" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


@pytest.mark.parametrize(
    "line, message",
    [
        ("{{ name }", "unexpected '}'"),
        ("{{ nosuch.field }}", "'nosuch' is undefined"),
        ('{% include "partials/nope.html" %}', "partials/nope.html not found in: "),
        ("{{ name + 1 }}", "concatenate"),
    ],
)
def test_a_broken_template_of_the_site_is_reported_at_its_line(tmp_path, line, message):
    """A site's own template (content/templates/) is edited by hand: its mistakes are the editor's."""
    content = write_content(tmp_path)
    out = tmp_path / "site"
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0
    before = snapshot(out)
    (content / "templates").mkdir()
    (content / "templates" / "kampung.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n' + line + "\n{% endblock %}\n", encoding="utf-8"
    )
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 1
    assert f"{content / 'templates' / 'kampung.html'}:3: template: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and "the previous site was not touched" in result.stderr
    assert snapshot(out) == before


def test_check_writes_nothing(tmp_path):
    content = write_content(tmp_path)
    before = sorted(p for p in tmp_path.rglob("*"))
    result = run_build("check", "--content", str(content))
    assert result.returncode == 0 and "0 errors" in result.stderr
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_hostile_markdown_is_sanitized(tmp_path):
    hostile = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3)) '
        '<iframe src="https://evil.example"></iframe> <style>*{}</style> [d](data:text/html,x) '
        '<svg><script>alert(4)</script></svg> <a href="#" onclick="alert(5)">c</a>'
    )
    text = KAMPUNG.replace("Batik tulis dibuat di sini.", hostile).replace(
        "name: Kampung Batik", 'name: "Kampung \\"><script>alert(6)</script> ${7}"'
    )
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "kampung/batik/index.html").read_text(encoding="utf-8")
    body = page.split('<section class="prose"', 1)[1].split("</section>", 1)[0]
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "data:text", "<svg"):
        assert bad not in body.lower(), bad
    assert "<script>alert(6)" not in page and "&lt;script&gt;alert(6)" in page
    ld = must_find(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert "</script" not in ld and "\\u003c/script\\u003e" in ld
    category = (out / "kategori/batik/index.html").read_text(encoding="utf-8")
    island = must_find(r'<script type="application/json" id="map-data">(.*?)</script>', category, re.S)[1]
    assert "<" not in island and "\\u003cscript\\u003ealert(6)\\u003c/script\\u003e ${7}" in island
    assert json.loads(island)["pins"][0][2] == 'Kampung "><script>alert(6)</script> ${7}'
    places = (out / "assets/places-id.js").read_text(encoding="utf-8")  # the home page's pins: one JSON value
    assert places.startswith("window.GUIDE_PLACES=") and places.endswith(";\n")
    assert json.loads(places.removeprefix("window.GUIDE_PLACES=").removesuffix(";\n"))["kampung"][0][3] == (
        'Kampung "><script>alert(6)</script> ${7}'
    )


def test_a_site_that_is_not_mojokerto_builds_with_the_same_code(tmp_path):
    out = tmp_path / "lake"
    result = run_build("build", "--content", str(LAKESIDE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(out).as_posix() for p in out.rglob("index.html")}
    assert {
        "index.html",
        "kampung/index.html",
        "kampung/harbour-kilns/index.html",
        "visit/index.html",
        "kategori/weaving/index.html",
    } <= pages
    assert not (out / "en").exists()  # one language: no language folders, no switch
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Mojokerto" not in html and "mojokerto" not in html
        assert "lang-switch" not in html
    kilns = (out / "kampung/harbour-kilns/index.html").read_text(encoding="utf-8")
    assert "IDR\u00a0120,000–200,000" in kilns and "1 hour 30 minutes" in kilns
    assert (
        "https://wa.me/6281234567890?text=Hello%2C%20I%20would%20like%20to%20visit%20Harbour%20Kilns%20on%20%E2%80%A6"
        in kilns
    )
    assert "+62 812-3456-7890" in kilns
    assert '<th scope="row">Monday</th><td>Closed</td>' in kilns
    assert '<th scope="row">Tuesday</th><td>10:00–17:00</td>' in kilns
    assert 'href="../../kampung/north-looms/"' in kilns  # a site link in Markdown made relative
    assert "tiles.example.org" in (out / "assets" / "map.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("out", ["content", ".", "..", "/", "~", "content/inside"])
def test_dangerous_output_folders_are_refused(tmp_path, out):
    content = write_content(tmp_path)
    target = str(Path(out).expanduser()) if out.startswith("~") else out
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_build("build", "--content", str(content), "--out", target, "--force", cwd=tmp_path)
    assert result.returncode == 1
    assert "refusing" in result.stderr or "cannot be inside" in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_repo_root_is_refused():
    result = run_build("build", "--out", str(ROOT), "--force", "--lang", "en")
    assert result.returncode == 1 and "refusing" in result.stderr


def test_folder_with_foreign_files_needs_force(tmp_path):
    content = write_content(tmp_path)
    out = tmp_path / "site"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 1 and "thesis.docx" in result.stderr
    assert (out / "thesis.docx").read_text() == "precious"
    assert run_build("build", "--content", str(content), "--out", str(out), "--force").returncode == 0
    assert not (out / "thesis.docx").exists() and (out / "index.html").is_file()
    # the guide's own previous output is not foreign
    assert run_build("build", "--content", str(content), "--out", str(out)).returncode == 0


def jpeg_with_gps(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "S", 2: (7.0, 28.0, 12.5)})  # GPS latitude of the maker's home
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (150, 90, 40)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_photos_are_published_resized_without_the_original(tmp_path):
    text = KAMPUNG + "photos:\n  - file: kain.jpg\n    alt: {id: Kain batik, en: Batik cloth}\n    credit: Dinas\n"
    original = jpeg_with_gps(1200, 900)
    content = write_content(
        tmp_path, {"kampung/batik.yaml": text, "images/kain.jpg": original, "images/unused.jpg": jpeg(1000, 800)}
    )
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    images = sorted(p.name for p in (out / "images").iterdir())
    assert images == [
        "kain-1200.jpg",
        "kain-1200.webp",
        "kain-480.jpg",
        "kain-480.webp",
        "kain-960.jpg",
        "kain-960.webp",
    ]
    assert all(b"GPS" not in p.read_bytes() and p.read_bytes() != original for p in (out / "images").iterdir())
    page = (out / "en/kampung/batik/index.html").read_text(encoding="utf-8")
    assert (
        '<source type="image/webp" srcset="../../../images/kain-480.webp 480w, ../../../images/kain-960.webp 960w, '
        '../../../images/kain-1200.webp 1200w"' in page
    )
    assert 'src="../../../images/kain-960.jpg"' in page and 'width="960" height="720" alt="Batik cloth"' in page
    assert (tmp_path / ".cache" / "photos").is_dir()


def test_photos_that_are_not_images_or_too_small_are_reported(tmp_path):
    text = KAMPUNG + "photos:\n  - file: bad.jpg\n    alt: x\n  - file: tiny.jpg\n    alt: y\n"
    content = write_content(
        tmp_path,
        {"kampung/batik.yaml": text, "images/bad.jpg": b"\xff\xd8\xff not a photo", "images/tiny.jpg": jpeg(300, 200)},
    )
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1
    assert "batik.yaml:15: photos[0].file: this file cannot be read as a photo" in result.stderr
    assert (
        "batik.yaml:17: photos[1].file: warning: the photo is only 300 px wide; use one at least 800 px wide"
        in result.stderr
    )


def test_schema_command_prints_the_profile_schema(tmp_path):
    import json

    result = run_build("schema", "--out", "-")
    schema = json.loads(result.stdout)
    assert schema["required"] == ["name", "category", "summary", "description", "location"]
    assert schema["properties"]["location"]["properties"]["lat"]["maximum"] == 90
    assert "description" in schema["properties"]["opening_hours"]


def test_service_worker_precache_stays_under_a_megabyte(sample_site):
    sw = (sample_site / "sw.js").read_text(encoding="utf-8")
    config = json.loads(must_find(r"^var CONFIG = (\{.*?^\});", sw, re.S | re.M)[1])
    precache = [url for url, _ in config["shell"]]
    total = 0
    for url in precache:
        path = sample_site / url.split("?")[0].removeprefix("./")
        total += (path / "index.html" if url.endswith("/") else path).stat().st_size
    assert {"./", "kampung/", "offline/", "en/", "en/kampung/", "en/offline/"} <= set(precache)
    assert config["offline"] == {"": "offline/", "en/": "en/offline/"}
    assert not [u for u in precache if "//" in u or "tile" in u]
    assert 100_000 < total < 1_000_000, total
    manifest = json.loads((sample_site / "en" / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["short_name"] == "Craft Villages" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        assert (sample_site / "en" / icon["src"]).resolve().is_file()


def test_a_site_service_worker_without_the_place_for_its_settings_is_a_clear_error(tmp_path):
    content = write_content(tmp_path, {"templates/sw.js": "// our own worker\n"})
    result = run_build("build", "--content", str(content), "--out", str(tmp_path / "site"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f'{content / "templates" / "sw.js"}:1: template: write "__GUIDE_CONFIG__" once' in result.stderr
    assert not (tmp_path / "site").exists()

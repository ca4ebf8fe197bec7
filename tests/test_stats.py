"""`build.py stats`: a fixture access log (plain and gzipped, bots, QR-poster visits, both languages)
counted by hand below, and the HTML report checked as the site's pages are (Nu HTML Checker, axe)."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from kampung_guide.cli import main
from kampung_guide.stats.logs import parse_line, read_log

from browser.checkers import run_vnu
from conftest import ROOT

CONTENT = ROOT / "tests" / "sites" / "riverside" / "content"  # kampung gerabah-hilir, kue-tengah, tenun-hulu; id, en
BASE = "https://example.org/guide/"
LOGS = ROOT / "tests" / "logs"
PLAIN_LOG = (LOGS / "access.log").read_text(encoding="utf-8")
GZIP_LOG = (LOGS / "access.log.1").read_text(encoding="utf-8")  # gzipped by the fixture, as logrotate does
# Counted by hand from tests/logs/access.log and access.log.1 for --from 2026-12-03 --to 2026-12-04 (the
# lines of 2 and 5 December are outside the period):
#   gerabah-hilir: id 2 (poster, poster again from the browser's cache: 304), en 1 (from Google) -> 3, poster 2
#   kue-tengah:    id 2 (index.html from Bing; a Common Log Format line without referrer or agent) -> 2, poster 0
#   tenun-hulu:    id 1 (from the guide's own home page: no referrer counted), en 1 (poster, via Facebook)
#                  -> 2, poster 1
#   other pages:   the English home page, from DuckDuckGo -> 1
#   languages:     id 2+2+1 = 5, en 1+1+1 = 3; page views 8; poster visits 3
#   search:        Google 1, Bing 1, DuckDuckGo 1; other sites: l.facebook.com 1
#   dropped:       Googlebot, bingbot, curl = 3 bots; the stylesheet, the 404 and the POST are not pages viewed
#   unreadable:    1 line (line 11 of the plain log)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stats")
    plain, zipped = folder / "access.log", folder / "access.log.1.gz"
    plain.write_text(PLAIN_LOG, encoding="utf-8")
    zipped.write_bytes(gzip.compress(GZIP_LOG.encode()))
    out = folder / "report"
    args = ["stats", str(plain), str(zipped), "--content", str(CONTENT), "--base-url", BASE]
    args += ["--from", "2026-12-03", "--to", "2026-12-04", "--out", str(out)]
    assert main(args) == 0
    return out


def test_the_fixture_log_counts_as_counted_by_hand(report, capsys):
    rows = list(csv.reader((report / "report.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Page address",
        "Kampung",
        "Page views (Indonesian)",
        "Page views (English)",
        "Total",
        "From the QR poster",
    ]
    assert rows[1:] == [
        ["gerabah-hilir", "Kampung Gerabah Hilir", "2", "1", "3", "2"],
        ["kue-tengah", "Middle Cake Kampung", "2", "0", "2", "0"],
        ["tenun-hulu", "Upstream Weavers", "1", "1", "2", "1"],
    ]
    html = (report / "report.html").read_text(encoding="utf-8")
    assert "<strong>8</strong> Page views" in html and "<strong>3</strong> From the QR poster" in html
    assert "<strong>5</strong> Indonesian" in html and "<strong>3</strong> English" in html
    for name in ("Google", "Bing", "DuckDuckGo", "l.facebook.com"):
        assert f'<tr><th scope="row">{name}</th><td class="n">1</td></tr>' in html
    assert '<tr><th scope="row">Home page</th><td class="n">1</td></tr>' in html
    assert "(3 of them)" in html  # the bots left out
    assert "2026-12-03 – 2026-12-04" in html


def test_the_report_keeps_no_address_or_browser_name(report):
    for name in ("report.csv", "report.html"):
        text = (report / name).read_text(encoding="utf-8")
        for secret in ("203.0.113", "66.249", "198.51.100", "Mozilla", "Android", "Firefox", "curl", "Googlebot"):
            assert secret not in text, f"{name} contains {secret}"


def test_unreadable_lines_are_reported_with_the_first_line_number(tmp_path, capsys):
    log = tmp_path / "access.log"
    log.write_text(PLAIN_LOG, encoding="utf-8")
    assert read_log(log).unreadable == 1
    assert main(["stats", str(log), "--content", str(CONTENT), "--out", str(tmp_path / "r"), "--lang", "id"]) == 0
    err = capsys.readouterr().err
    assert f"{log}:11: 1 baris bukan Common atau Combined Log Format dan dilewati" in err


def test_a_gzipped_log_is_read_whatever_its_name(tmp_path):
    log = tmp_path / "access-log"
    log.write_bytes(gzip.compress(GZIP_LOG.encode()))
    assert len(read_log(log).requests) == 6


def test_lines_with_escaped_quotes_and_bots():
    line = (
        '203.0.113.1 - - [03/Dec/2026:08:00:00 +0700] "GET /kampung/a/?q=%22x%22 HTTP/1.1" 200 1 '
        '"https://www.google.com/search?q=\\"batik\\"" "Mozilla/5.0 (compatible; AhrefsBot/7.0)"'
    )
    request = parse_line(line)
    assert request is not None
    assert request.path == "/kampung/a/" and request.query == (("q", '"x"'),)
    assert request.referrer == 'https://www.google.com/search?q="batik"' and request.bot
    browser = parse_line(line.replace("AhrefsBot/7.0", "Windows NT 10.0"))
    assert browser is not None and browser.bot is False
    assert parse_line("not a log line") is None


def test_a_bad_date_is_a_message_not_a_traceback(tmp_path):
    log = tmp_path / "access.log"
    log.write_text(PLAIN_LOG, encoding="utf-8")
    with pytest.raises(SystemExit, match="'2026-13-01' is not a date"):
        main(["stats", str(log), "--content", str(CONTENT), "--from", "2026-13-01", "--out", str(tmp_path)])


def test_the_html_report_passes_the_nu_html_checker(report):
    assert run_vnu([report / "report.html"]) == []


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}])
def test_the_html_report_is_axe_clean(report, browser, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=viewport)
    page.goto(Path(report / "report.html").as_uri())
    assert page.locator("svg.chart rect").count() == 2 + 5  # the legend, and a part per language with views (2+1+2)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "the report scrolls sideways"
    violations = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    page.close()
    assert violations == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations]

"""The site under its own strict Content-Security-Policy: no violation, and the maps, search and
planner still work. The server sends the headers of the `_headers` file the build writes."""

import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from conftest import ROOT, QuietHandler, run_build

TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a00000000049454e44ae426082"
)


def read_headers(site) -> dict[str, str]:
    """The `/*` block of the _headers file, as Netlify and Cloudflare Pages read it."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


class WithHeaders(QuietHandler):
    headers_to_send: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = tmp_path_factory.mktemp("csp") / "site"
    result = run_build(
        "build", "--content", str(ROOT / "content"), "--out", str(site), "--base-url", "https://example.org/"
    )
    assert result.returncode == 0, result.stderr
    headers = read_headers(site)
    handler = partial(type("Handler", (WithHeaders,), {"headers_to_send": headers}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", headers
    server.shutdown()


PAGES = [
    ("", 7),
    ("en/", 7),
    ("kampung/", 0),
    ("en/kampung/onde-onde/", 1),
    ("rencana/", None),
    ("kampung/onde-onde/poster.html", 0),
]


@pytest.mark.parametrize("path, pins", PAGES)
def test_pages_work_under_the_csp(served, browser, path, pins):
    url, headers = served
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(body=TILE, content_type="image/png"))
    page = context.new_page()
    page.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    messages = []
    page.on("console", lambda m: messages.append(m.text) if m.type in ("error", "warning") else None)
    response = page.goto(url + path)
    assert response.headers["content-security-policy"] == headers["Content-Security-Policy"]
    page.wait_for_load_state("networkidle")
    if pins:
        page.locator("#map").scroll_into_view_if_needed()  # its scripts, under the CSP too, load as it nears the screen
        page.locator("#map[data-pins=ready]").wait_for(state="attached")  # pins come in slices
        assert page.locator(".leaflet-marker-icon").count() == pins
    if path == "kampung/":
        page.get_by_role("searchbox").fill("batik")
        page.wait_for_function("document.querySelectorAll('.cards > li:not([hidden])').length === 1")
    assert page.evaluate("window.__violations") == []
    assert not [m for m in messages if "Content Security Policy" in m or "Refused to" in m]
    context.close()


def test_an_inline_script_would_be_blocked(served, browser):
    """The policy is really enforced: a script injected inline is refused and reported."""
    url, _ = served
    page = browser.new_page()
    page.goto(url)
    page.evaluate(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__violations.push(e.violatedDirective))"
    )
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.appendChild(s); }""")
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__violations")[0].startswith("script-src")
    page.close()

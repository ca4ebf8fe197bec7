"""What a 360 px phone downloads for a kampung page with three photos (map tiles excluded).

    python bench/page_weight.py

Builds the sample content with three photos on one kampung, serves it, opens the page in
Debian's Chromium at 360 x 740, scrolls the gallery so every lazy photo loads, and sums what
the browser received: raw bytes, and text files as a gzip-compressing host would send them.
Prints a table and writes bench/results/page_weight.json.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from conftest import QuietHandler  # noqa: E402 - tests/ goes on sys.path first
from test_photos_browser import build_with_three_photos  # noqa: E402 - tests/ goes on sys.path first

BUDGET = 250_000


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    handler = partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
        context.route("https://**", lambda route: route.abort())  # tiles are not counted
        page = context.new_page()
        responses = []
        page.on("response", lambda r: responses.append(r) if r.url.startswith(origin) else None)
        page.goto(origin + "en/kampung/batik-majapahit/")
        for i in range(3):
            page.locator(".gallery img").nth(i).scroll_into_view_if_needed()
            page.wait_for_function(f"document.querySelectorAll('.gallery img')[{i}].complete")
        page.wait_for_load_state("networkidle")
        for response in responses:
            body = response.body()
            kind = response.headers.get("content-type", "").split(";")[0]
            text = kind.startswith("text/") or kind in ("application/javascript", "application/json")
            rows.append(
                {
                    "url": response.url[len(origin) :],
                    "type": kind,
                    "raw": len(body),
                    "sent": len(gzip.compress(body, 6)) if text else len(body),
                }
            )
        browser.close()
    server.shutdown()
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="guide-weight-") as tmp:
        rows = measure(build_with_three_photos(Path(tmp)))
    raw, sent = sum(r["raw"] for r in rows), sum(r["sent"] for r in rows)
    print("| file | type | raw bytes | sent (gzip for text) |\n|---|---|---:|---:|")
    for r in sorted(rows, key=lambda r: -r["sent"]):
        print(f"| {r['url'].split('?')[0]} | {r['type']} | {r['raw']:,} | {r['sent']:,} |")
    print(f"| **total** ({len(rows)} requests) | | {raw:,} | {sent:,} (budget {BUDGET:,}) |")
    out = ROOT / "bench" / "results" / "page_weight.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "page": "en/kampung/batik-majapahit/ with 3 photos, 360x740",
                "raw": raw,
                "sent": sent,
                "budget": BUDGET,
                "files": rows,
            },
            indent=1,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()

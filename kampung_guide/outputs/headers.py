"""The site's HTTP headers: a strict Content-Security-Policy and the usual security headers.

Written as `_headers` (the format Netlify and Cloudflare Pages read); the README shows the same
for nginx and Apache. Every script of the site is a file under the site, and the JSON data
islands and JSON-LD blocks are data, which a browser never runs, so `script-src 'self'` holds.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def tile_source(tiles: str) -> str:
    """The CSP source for a tile URL template: `https://{s}.tile.example/...` -> `https://*.tile.example`."""
    parts = urlsplit(tiles.replace("{s}", "a"))
    host = parts.hostname or ""
    if "{s}" in tiles.split("/")[2]:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def content_security_policy(tiles: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: {tile_source(tiles)}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(tiles: str) -> dict[str, str]:
    # The Referer must stay on for tile requests: OpenStreetMap's tile policy asks for it.
    return {
        "Content-Security-Policy": content_security_policy(tiles),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), payment=(), geolocation=(self)",
    }


def headers_file(tiles: str) -> str:
    """`_headers` for every path of the site."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in security_headers(tiles).items()]
    return "\n".join(lines) + "\n"

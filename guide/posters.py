"""QR codes for printed posters: each kampung's page address as an SVG, made with segno."""
from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> bytes:
    """An SVG QR code for `url` (error correction M: survives a scuffed or rained-on poster)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=10, border=4, xmldecl=False, title=title, dark="#1a1a1a", light="#ffffff")
    return buffer.getvalue()

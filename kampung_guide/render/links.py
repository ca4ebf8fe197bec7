"""Addresses outside the site: the visitor's map apps, WhatsApp, telephone."""

from __future__ import annotations

import re
from urllib.parse import quote


def format_mobile(number: str) -> str:
    """`+6281234567890` -> `+62 812-3456-7890`, the way Indonesian numbers are usually written."""
    digits = re.sub(r"\D", "", number)
    if not digits.startswith("62"):
        return number
    rest = digits[2:]
    return f"+62 {rest[:3]}-{rest[3:7]}-{rest[7:]}" if len(rest) > 7 else f"+62 {rest}"


def whatsapp_digits(number: str) -> str:
    """`0812-3456-7890` or `+62 812…` -> `6281234567890`, the form wa.me expects."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    return digits


def whatsapp_url(number: str, message: str) -> str:
    url = f"https://wa.me/{whatsapp_digits(number)}"
    return f"{url}?text={quote(message)}" if message else url


def tel_url(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    return "tel:" + ("+62" + digits[1:] if digits.startswith("0") else digits)


def directions(lat: float, lon: float, name: str) -> dict[str, str]:
    """Links that open the spot in the visitor's own map app: Google Maps, OpenStreetMap, geo:."""
    return {
        "google": f"https://www.google.com/maps/dir/?api=1&destination={lat:.6f}%2C{lon:.6f}",
        "osm": f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=17/{lat:.6f}/{lon:.6f}",
        "geo": f"geo:{lat:.6f},{lon:.6f}?q={lat:.6f},{lon:.6f}({quote(name)})",
    }


def instagram_url(handle: str) -> str:
    return f"https://www.instagram.com/{handle.lstrip('@')}/"

"""HTTP requests and responses as the editor sees them, and the checks every request passes before
it reaches the editor (the socket itself is the preview server's).

- `Host` must name this machine as 127.0.0.1 or localhost (a page elsewhere can point its own
  name at 127.0.0.1: DNS rebinding); with `--host 0.0.0.0` an IP address or the machine's name.
- With `--host 0.0.0.0` every request needs the secret printed in the terminal: in the address
  once (`?key=…`, then kept in a cookie) or in that cookie.
- Every write needs a same-origin `Origin` and the page's CSRF token.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
import socket
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import cast
from urllib.parse import parse_qs, urlencode

KEY_COOKIE = "kampung_guide_key"
MAX_BODY = 20_000_000  # a photo (15 MB at most) and its form around it


@dataclass
class Request:
    """An HTTP request as the editor sees it."""

    method: str
    path: str  # decoded, without the query
    query: dict[str, list[str]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    def arg(self, name: str) -> str:
        values = self.query.get(name)
        return values[0] if values else ""

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def cookie(self, name: str) -> str:
        for part in self.header("cookie").split(";"):
            key, _, value = part.strip().partition("=")
            if key == name:
                return value
        return ""

    def fields(self) -> dict[str, list[str]]:
        """The submitted form: url-encoded, or the text parts of a multipart body."""
        kind = self.header("content-type")
        if kind.startswith("multipart/form-data"):
            return {name: [value.decode("utf-8", "replace")] for name, value, filename in parts(self) if not filename}
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=5000)


def parts(request: Request) -> list[tuple[str, bytes, str | None]]:
    """(name, bytes, file name) of each part of a multipart/form-data body."""
    head = b"Content-Type: " + request.header("content-type").encode("latin-1") + b"\r\n\r\n"
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    if not message.is_multipart():
        return []
    found = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            payload = cast(bytes | None, part.get_payload(decode=True))  # decoded, a leaf part's payload is bytes
            found.append((str(name), payload or b"", part.get_filename()))
    return found


@dataclass
class Response:
    status: int
    body: bytes
    kind: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


def redirect(location: str, status: int = 303, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(status, b"", "text/plain", [("Location", location), *(headers or [])])


def refusal(status: int, text: str) -> Response:
    """A short plain page saying why a request was refused (`text` in English, or a key of REFUSED:
    the guard answers before it knows the reader's language, so those pages speak both)."""
    if text in REFUSED:
        english, indonesian = REFUSED[text]
        body = f"<p lang='id'>{indonesian}</p><p>{english}</p>"
    else:
        body = f"<p>{text}</p>"
    page = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{status}</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>{body}</body></html>"
    )
    return Response(status, page.encode(), headers=[("Cache-Control", "no-store")])


REFUSED = {
    "host": (
        "Refused: this server answers only to the address it printed (127.0.0.1 or localhost).",
        "Ditolak: server ini hanya menjawab alamat yang dicetaknya (127.0.0.1 atau localhost).",
    ),
    "key": (
        "Refused: open the address with its key, as the terminal shows it (or scan its QR code).",
        "Ditolak: buka alamat beserta kuncinya, seperti yang tampil di terminal (atau pindai kode QR-nya).",
    ),
    "origin": (
        "Refused: a change must come from a page of this editor (Origin).",
        "Ditolak: perubahan harus datang dari halaman editor ini (Origin).",
    ),
    "token": (
        "Refused: the page is out of date (CSRF token). Go back: what you typed is still there; copy it, "
        "reload the page, and save again.",
        "Ditolak: halaman ini sudah kedaluwarsa (token CSRF). Kembali ke halaman sebelumnya: isian Anda masih "
        "ada; salin, muat ulang halaman, lalu simpan lagi.",
    ),
}


def stored_token(folder: Path) -> str:
    """The CSRF token kept in `folder` (made once, readable by this user only), so that a page opened
    before the server was restarted can still save."""
    path = folder / "csrf-token"
    try:
        token = path.read_text(encoding="ascii").strip()
        if len(token) >= 32:
            return token
    except (OSError, UnicodeDecodeError):
        pass
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(token)
    return token


class Guard:
    """Decides whether a request may be answered (Host, secret) and whether it may write (Origin, CSRF)."""

    def __init__(self, port: int, public: bool = False, secret: str | None = None, csrf: str | None = None):
        self.port, self.public = port, public
        self.secret = secret or (secrets.token_urlsafe(16) if public else None)  # a new one for every run
        self.csrf = csrf or secrets.token_urlsafe(32)  # every page carries it
        self.names = {"127.0.0.1", "localhost"} | (machine_names() if public else set())

    def allowed_host(self, host: str) -> bool:
        """Whether the Host header names this server (never another site's name pointed at us)."""
        name, port = split_host(host)
        if port != self.port:
            return False
        if name in self.names:
            return True
        if not self.public:
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def check(self, request: Request) -> Response | None:
        """A refusal for a request that must not be answered, or None."""
        if not self.allowed_host(request.header("host")):
            return refusal(403, "host")
        if not self.public:
            return None
        secret = cast(str, self.secret)  # a public guard always has one
        given = request.arg("key")
        if given and hmac.compare_digest(given, secret):
            rest = {k: v for k, v in request.query.items() if k != "key"}
            location = request.path + ("?" + urlencode(rest, doseq=True) if rest else "")
            cookie = f"{KEY_COOKIE}={self.secret}; Path=/; HttpOnly; SameSite=Strict"
            return redirect(location, 303, [("Set-Cookie", cookie)])
        if not hmac.compare_digest(request.cookie(KEY_COOKIE), secret):
            return refusal(403, "key")
        return None

    def check_write(self, request: Request, fields: dict[str, list[str]]) -> Response | None:
        """A refusal for a write without a same-origin Origin and this server's CSRF token, or None."""
        if request.header("origin") != f"http://{request.header('host')}":
            return refusal(403, "origin")
        token = (fields.get("_csrf") or [""])[0] or request.header("x-csrf-token")
        if not hmac.compare_digest(token, self.csrf):
            return refusal(403, "token")
        return None


def split_host(host: str) -> tuple[str, int]:
    """`127.0.0.1:8000` -> ('127.0.0.1', 8000); `[::1]:80` -> ('::1', 80); no port means 80."""
    host = host.strip().lower()
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        name, _, port = host.rpartition(":") if ":" in host else (host, "", "")
    try:
        return name, int(port) if port else 80
    except ValueError:
        return name, -1


def machine_names() -> set[str]:
    """This machine's own names, which a phone on the same network may use."""
    name = socket.gethostname().lower()
    return {name, f"{name}.local"}

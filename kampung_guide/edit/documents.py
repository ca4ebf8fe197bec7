"""Content files as the editor opens, checks and saves them.

A file is found by looking its name up in a listing of its folder, never by joining a name from a
request to a path; a new file's name is a checked slug. Checking uses the build's own functions
(validate/content.py) on the edited text, so a form shows exactly what `check` would print about
the file once saved. Saving refuses when the file changed on disk since the form was opened (its
version is a hash of the text), writes through a temporary file and `os.replace`, and keeps the
previous text for "undo last save".
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..load.yamlfile import YamlError, parse_yaml
from ..plan.pages import site_addresses
from ..plan.site import report_broken_links
from ..scaffold import SCHEMA_FILE
from ..util.problems import Report
from ..validate.content import (
    PAGE_NAME,
    Loader,
    check_profile,
    list_images,
    load_categories,
    load_config,
    load_route,
    read_page,
)
from ..validate.specs import SLUG
from . import yamlwrite

KINDS = ("kampung", "route", "page", "category", "site")
FOLDERS = {"kampung": "kampung", "route": "routes", "page": "pages"}
FILES = {"category": "categories.yaml", "categories": "categories.yaml", "site": "site.yaml"}
BOM = "\ufeff"
_writing = threading.Lock()  # one save at a time: the version check and the write go together


class Conflict(Exception):
    """The file changed on disk since the form was opened; `current` is its text now (None: gone)."""

    def __init__(self, current: str | None):
        super().__init__("the file changed on disk")
        self.current = current


@dataclass(frozen=True)
class Source:
    """One thing the editor edits: a profile, route, page file, category, or the site settings."""

    kind: str
    key: str  # slug, page file stem (`tentang`, `tentang.en`), category id, or "" for the site
    path: Path
    text: str | None  # None: a file still to be made (or a category still to be added)

    @property
    def version(self) -> str:
        return version_of(self.text)

    @property
    def is_new(self) -> bool:
        return self.text is None or (self.kind == "category" and not isinstance(self.whole().get(self.key), dict))

    def whole(self) -> dict:
        """The file's value (a category's: the whole categories.yaml); nothing when it is not valid YAML."""
        try:
            value = parse_yaml(plain_text(self.text)).value if self.text else None
        except YamlError:
            return {}
        return value if isinstance(value, dict) else {}


def version_of(text: str | None) -> str:
    """The version a form names: a hash of the file's text, or `new` for a file that does not exist."""
    return "new" if text is None else hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def plain_text(text: str) -> str:
    """The text as YAML tools see it: no byte-order mark, `\\n` line ends."""
    return text.removeprefix(BOM).replace("\r\n", "\n")


def like(original: str | None, text: str) -> str:
    """`text` written the way `original` was: its byte-order mark and line ends kept."""
    if original is None:
        return text
    if "\r\n" in original:
        text = text.replace("\n", "\r\n")
    return BOM + text if original.startswith(BOM) else text


def keys(content: Path, kind: str) -> list[str]:
    """The keys of the files of one kind, from the folder's listing (names compared as text: a
    thousand profiles are listed in a millisecond)."""
    if kind in FILES:
        return [""] if (content / FILES[kind]).is_file() else []
    try:
        names = sorted(os.listdir(content / FOLDERS[kind]))
    except (FileNotFoundError, NotADirectoryError):
        return []
    if kind == "page":
        return [name[: -len(".md")] for name in names if PAGE_NAME.match(name)]
    return [name[: -len(".yaml")] for name in names if name.endswith(".yaml") and SLUG.match(name[: -len(".yaml")])]


def file_of(content: Path, kind: str, key: str) -> Path:
    """The file of a key that `keys` listed."""
    if kind in FILES:
        return content / FILES[kind]
    return content / FOLDERS[kind] / (key + (".md" if kind == "page" else ".yaml"))


def listing(content: Path, kind: str) -> dict[str, Path]:
    """The files of one kind by key."""
    return {key: file_of(content, kind, key) for key in keys(content, kind)}


def read_file(path: Path) -> str | None:
    """A content file's text, or None when it is not there."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None


def open_source(content: Path, kind: str, key: str) -> Source | None:
    """An existing file (or category) by key; None when there is none of that name."""
    if kind == "category":
        path = content / FILES["category"]
        source = Source(kind, key, path, read_file(path))
        return source if SLUG.match(key) and not source.is_new else None
    if key not in keys(content, kind):
        return None
    path = file_of(content, kind, key)
    text = read_file(path)
    return Source(kind, key, path, text) if text is not None else None


def new_source(content: Path, kind: str, key: str) -> Source:
    """A file still to be made for the slug `key` (checked by the caller), or a category to add."""
    if kind == "category":
        path = content / FILES["category"]
        return Source(kind, key, path, read_file(path))
    suffix = ".md" if kind == "page" else ".yaml"
    return Source(kind, key, content / FOLDERS[kind] / f"{key}{suffix}", None)


def taken(content: Path, kind: str, key: str) -> bool:
    """Whether a new `key` would clash with an existing file or category (case ignored, as the build does)."""
    if kind == "category":
        source = Source(kind, key, content / FILES["category"], read_file(content / FILES["category"]))
        return key.lower() in {k.lower() for k in source.whole()}
    folder = content / FOLDERS[kind]
    if not folder.is_dir():
        return False
    if kind == "page":
        return any(
            cast(re.Match[str], PAGE_NAME.match(k + ".md"))["slug"].lower() == key.lower()
            for k in keys(content, "page")
        )
    return key.lower() in [p.stem.lower() for pattern in ("*.yaml", "*.yml") for p in folder.glob(pattern)]


# -- values ---------------------------------------------------------------------------------------


def split_page(text: str) -> tuple[str, str, str]:
    """A page file as (front matter, the closing `---` line, body), split as read_page splits it."""
    head, sep, rest = text[3:].partition("\n---")
    line, _, body = rest.partition("\n")
    return head.removeprefix("\n"), sep + line + "\n", body


def value_of(source: Source) -> Any:
    """The value the form shows: the file's (a category's own), as the build's loader reads it.

    Raises YamlError when the file is not valid YAML (the form cannot show it then).
    """
    if source.text is None:
        return {}
    text = plain_text(source.text)
    if source.kind == "page":
        if not text.startswith("---"):
            return {}
        text = split_page(text)[0]
    value = parse_yaml(text).value
    if source.kind == "category":
        value = value.get(source.key) if isinstance(value, dict) else None
    return value if value is not None else {}


def body_of(source: Source) -> str:
    """A page file's Markdown body."""
    text = plain_text(source.text or "")
    return split_page(text)[2] if text.startswith("---") else text


def apply(source: Source, value: dict, body: str | None = None) -> str:
    """The file's new text holding `value` (and a page's `body`), everything unchanged kept byte for byte."""
    text = plain_text(source.text) if source.text is not None else None
    if source.kind == "category":
        new = yamlwrite.set_fields(text or "", [((source.key,), value)])
    elif source.kind == "page":
        new = apply_page(text or "---\n---\n", value, body)
    elif text is None:
        new = header(source.kind) + yamlwrite.rewrite("", value)
    else:
        new = yamlwrite.rewrite(text, value)
    return like(source.text, new)


def draft(source: Source, value: dict, body: str | None = None) -> str:
    """A text holding `value` for checking while typing: JSON, which YAML 1.2 reads as the same value
    and the C parser reads at once (a ruamel round trip of a long profile costs a tenth of a second).
    Lines differ from the file's, which the form does not show; a save checks the file's real text."""
    if source.kind == "category":
        whole = dict(source.whole()) if source.text else {}
        whole[source.key] = value
        return as_json(whole)
    if source.kind == "page":
        front = as_json(value) if value else ""
        return "---\n" + front + "\n---\n" + (body if body is not None else body_of(source))
    return as_json(value)


def as_json(value: Any) -> str:
    """JSON that a YAML reader reads back exactly: what YAML does not allow raw (C1 controls, NEL,
    line and paragraph separators) is escaped, the rest of the text stays as typed."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return re.sub("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m[0]):04x}", text)


def apply_page(text: str, value: dict, body: str | None) -> str:
    head, closing, old_body = split_page(text) if text.startswith("---") else ("", "---\n", text)
    front = yamlwrite.rewrite(head, value) if value != (parse_yaml(head).value or {}) else head
    if front and not front.endswith("\n"):
        front += "\n"
    return "---\n" + front + closing.removeprefix("\n") + (old_body if body is None else body)


def header(kind: str) -> str:
    """The first line of a new profile: the schema comment that `build.py new kampung` writes too."""
    return f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n" if kind == "kampung" else ""


# -- checking -------------------------------------------------------------------------------------


class DraftLoader(Loader):
    """The build's loader, reading the edited text instead of the file on disk for one path."""

    def __init__(self, root: Path, shown: str, path: Path, text: str):
        super().__init__(root, shown)
        self.draft_path, self.draft_text = path, text

    def read_text(self, path: Path) -> str | None:
        if path == self.draft_path:
            return plain_text(self.draft_text)
        return super().read_text(path)


def check(content: Path, shown: str, source: Source, text: str, places: dict | None = None) -> tuple[Report, str]:
    """Every problem the build's checks find with `text` as the file's content, and the file's
    name as messages show it. `places` (slug -> location, from the last build) lets a route's
    order be checked."""
    loader = DraftLoader(content, shown, source.path, text)
    config = load_config(loader)
    languages = config.languages if config else ("id", "en")
    categories = load_categories(loader, languages) or {}
    if source.kind in ("kampung", "route", "page"):
        images = list_images(loader)
        if source.kind == "kampung":
            check_profile(loader, source.path, languages, categories, images, config)
        elif source.kind == "route":
            known = frozenset(keys(content, "kampung"))
            load_route(loader, source.path, languages, known, places or {})
        else:
            read_page(loader, source.path, languages)
        kampung, pages = site_names(content, source)
        addresses = site_addresses(languages, kampung, categories, pages, listing(content, "route"))
        report_broken_links(loader.links, addresses, loader.report)
    return loader.report, loader.display(source.path)


def site_names(content: Path, source: Source) -> tuple[list[str], list[str]]:
    """The kampung and pages the site's links may lead to, from the folders' listings (and the new
    file's slug)."""
    kampung = set(keys(content, "kampung")) | ({source.key} if source.kind == "kampung" else set())
    pages = {cast(re.Match[str], PAGE_NAME.match(key + ".md"))["slug"] for key in keys(content, "page")}
    return sorted(kampung), sorted(pages)


def languages_of(content: Path) -> tuple[str, ...]:
    """The site's languages, as the build reads them (the default pair when site.yaml is broken)."""
    config = load_config(Loader(content))
    return config.languages if config else ("id", "en")


# -- saving ---------------------------------------------------------------------------------------


def save(source: Source, text: str, keep: Path) -> Source:
    """Write `text` as the file's new content unless it changed since `source` was read.

    The previous text is kept under `keep` for `undo`. Raises Conflict (nothing written).
    """
    with _writing:
        current = read_file(source.path)
        if version_of(current) != source.version:
            raise Conflict(current)
        remember(keep, source, current, text)
        write_atomic(source.path, text)
    return Source(source.kind, source.key, source.path, text)


def write_atomic(path: Path, text: str) -> None:
    """Write a text file through a temporary file in the same folder: a reader sees the old or the new file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, keeping the file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode if mode is not None else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def undo_file(keep: Path, source: Source) -> Path:
    return keep / f"{source.kind}-{source.key or 'site'}.json"


def remember(keep: Path, source: Source, before: str | None, after: str) -> None:
    """Keep the text before a save (None: the file did not exist) for one undo."""
    record = {"path": str(source.path), "before": before, "after": version_of(after)}
    write_atomic(undo_file(keep, source), json.dumps(record, ensure_ascii=False))


def can_undo(keep: Path, source: Source) -> bool:
    """Whether the last save of this file can be undone: it was ours and nobody changed the file since."""
    record = _record(keep, source)
    return record is not None and record["after"] == version_of(read_file(source.path))


def _record(keep: Path, source: Source) -> dict | None:
    try:
        record = json.loads(undo_file(keep, source).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return record if record.get("path") == str(source.path) else None


def undo(keep: Path, source: Source) -> bool:
    """Put back the text from before the last save; False when that is no longer possible."""
    with _writing:
        record = _record(keep, source)
        if record is None or record["after"] != version_of(read_file(source.path)):
            return False
        if record["before"] is None:
            source.path.unlink()
        else:
            write_atomic(source.path, record["before"])
        undo_file(keep, source).unlink()
    return True


def parse_error(source: Source) -> YamlError | None:
    """The file's YAML syntax error, if it has one."""
    try:
        value_of(source)
    except YamlError as exc:
        return exc
    return None


def images_of(content: Path) -> set[str]:
    """The names of the photos in content/images/."""
    return set(list_images(Loader(content)))

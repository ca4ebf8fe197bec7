"""Photos uploaded in the editor: decoded to know they are photos, turned upright, stripped of every
piece of metadata (a phone photo carries the GPS position where it was taken: for a home workshop,
someone's house), and stored in content/images/ under a name the server chooses.
"""

from __future__ import annotations

import contextlib
import functools
import io
import threading
from pathlib import Path

from PIL import Image, ImageOps

from ..load.images import MAX_MB, PhotoError, open_image, read_photo
from ..outputs.images import encode_photo, plan_photo, to_srgb
from .documents import write_bytes_atomic

MAX_BYTES = MAX_MB * 1_000_000  # the limit the build warns about, refused here before anything is stored
MAX_SIDE = 2400  # px on the long side: more than the largest variant the site publishes (1600)
FORMATS = ("JPEG", "MPO", "PNG", "WEBP")  # MPO: the multi-picture JPEG some phone cameras write
JPEG: dict[str, int | bool] = {"quality": 88, "optimize": True, "progressive": True}
THUMB = 480
_naming = threading.Lock()  # two uploads at once must not choose the same name


class UploadRefused(Exception):
    """An upload that is not stored, with a message key of util/messages.py and its parameters."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params


def store_upload(data: bytes, folder: Path, stem: str) -> str:
    """Store an uploaded photo as `<stem>-<n>.jpg` (or `.png` with transparency); return its file name."""
    if len(data) > MAX_BYTES:
        raise UploadRefused("upload_too_big", mb=f"{len(data) / 1_000_000:.1f}", max=MAX_MB)
    picture = clean_picture(data)
    options: dict[str, int | bool]
    if picture.mode == "RGBA":
        kind, options = "png", {"optimize": True}
    else:
        kind, options = "jpg", JPEG
    buffer = io.BytesIO()
    picture.save(buffer, "PNG" if kind == "png" else "JPEG", **options)
    with _naming:
        name = free_name(folder, stem, kind)
        write_bytes_atomic(folder / name, buffer.getvalue())
    return name


def clean_picture(data: bytes) -> Image.Image:
    """The uploaded picture, upright, in sRGB, at most MAX_SIDE px, rebuilt from its pixels alone
    (so no EXIF, GPS, XMP, ICC or comment block can come along)."""
    try:
        with open_image(io.BytesIO(data)) as img:
            if img.format not in FORMATS:
                raise UploadRefused("upload_not_photo", detail=img.format or "?")
            img.load()
            upright = ImageOps.exif_transpose(img)
    except PhotoError as exc:
        raise UploadRefused("upload_not_photo", detail=exc.params.get("detail", "")) from exc
    except (OSError, SyntaxError, ValueError) as exc:  # truncated pixel data, a corrupt EXIF block
        raise UploadRefused("upload_not_photo", detail=str(exc) or type(exc).__name__) from exc
    picture = to_srgb(upright)
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    picture = picture.convert("RGBA" if has_alpha else "RGB")
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return Image.frombytes(picture.mode, picture.size, picture.tobytes())


def prepare_variants(path: Path, cache: Path) -> threading.Thread:
    """Encode the site's variants of a new photo into the build's cache, in the background: by the
    time its profile is saved, the preview's rebuild finds them made (WebP takes a second or two)."""

    def encode() -> None:
        with contextlib.suppress(PhotoError, OSError):  # the build reports any problem with the photo itself
            (width, height), _ = read_photo(path)
            if width and height:
                encode_photo(plan_photo(path.name, width, height), path, cache)

    thread = threading.Thread(target=encode, name=f"variants of {path.name}", daemon=True)
    thread.start()
    return thread


def free_name(folder: Path, stem: str, kind: str) -> str:
    """The first `<stem>-<n>.<kind>` not taken by any photo in the folder, whatever its extension."""
    taken = {p.stem.lower() for p in folder.iterdir()} if folder.is_dir() else set()
    n = 1
    while f"{stem}-{n}".lower() in taken:
        n += 1
    return f"{stem}-{n}.{kind}"


def thumbnail(path: Path) -> bytes:
    """A small upright JPEG of a photo for the editor's form (no metadata), kept while the file is unchanged."""
    stat = path.stat()
    return _thumbnail(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _thumbnail(path: Path, mtime: int, size: int) -> bytes:
    with open_image(path) as img:
        img.draft("RGB", (THUMB, THUMB))
        small = ImageOps.exif_transpose(img).convert("RGB")
    small.thumbnail((THUMB, THUMB), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    Image.frombytes(small.mode, small.size, small.tobytes()).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()

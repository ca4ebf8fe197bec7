"""Photos for the web: plan the responsive sizes of each photo and encode them (the originals are read
and checked by load/images.py).

The originals under content/images/ are phone photos: large, often stored sideways with an EXIF
Orientation tag, and carrying GPS and camera metadata. What the site publishes instead is a set of
upright, resized WebP and JPEG variants with no metadata at all (a photo of a home workshop must
not give away where the maker lives). Encoding is deterministic, so a rebuild changes no bytes,
and can be cached on disk by the hash of everything that shapes the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import quote

import PIL
from PIL import Image, ImageCms, ImageOps, features

from ..load.images import PhotoError, open_image
from ..plan.pages import photo_path, photo_widths

FALLBACK_WIDTH = 960
ENCODER_VERSION = "1"  # bump when a change below alters output bytes, to retire cached variants
WEBP = {"quality": 75, "method": 4}
JPEG = {"quality": 78, "optimize": True, "progressive": True, "subsampling": 2}
FORMATS = (("image/webp", "WEBP", "webp", WEBP), ("image/jpeg", "JPEG", "jpg", JPEG))
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Variant:
    path: str  # site-relative, e.g. "images/batik-1-480.webp"
    width: int
    height: int
    mime: str  # "image/webp" or "image/jpeg"


@dataclass(frozen=True)
class PhotoSet:
    name: str  # the file name under content/images/, e.g. "batik-1.jpg"
    width: int  # of the largest variant
    height: int
    webp: tuple[Variant, ...]
    jpeg: tuple[Variant, ...]

    def srcset(self, mime: str, prefix: str = "") -> str:
        """The `srcset` attribute for one format, each URL led by `prefix` (e.g. "../../")."""
        variants = {"image/webp": self.webp, "image/jpeg": self.jpeg}[mime]
        return ", ".join(f"{prefix}{quote(v.path)} {v.width}w" for v in variants)

    @property
    def fallback(self) -> Variant:
        """The JPEG for browsers without srcset: the 960 one, or the largest below it."""
        return max((v for v in self.jpeg if v.width <= FALLBACK_WIDTH), key=lambda v: v.width)

    @property
    def variants(self) -> tuple[Variant, ...]:
        """Every variant, WebP first."""
        return self.webp + self.jpeg


def plan_photo(name: str, width: int, height: int) -> PhotoSet:
    """The variants of one photo, from the upright size of its original (read at load)."""
    stem = Path(name).stem
    sized = [(w, max(1, round(w * height / width))) for w in photo_widths(width)]
    webp, jpeg = (tuple(Variant(photo_path(stem, w, ext), w, h, mime) for w, h in sized) for mime, _, ext, _ in FORMATS)
    return PhotoSet(name, sized[-1][0], sized[-1][1], webp, jpeg)


def encode_photo(photo: PhotoSet, source: Path, cache: Path | None) -> tuple[list[tuple[str, bytes]], int]:
    """Every variant as (site path, bytes), and how many had to be encoded (not in `cache`)."""
    data = source.read_bytes()
    base = hashlib.sha256(data)
    result, encoded, img = [], 0, None
    for variant in photo.variants:
        key = cache_key(base, variant)
        blob = read_cached(cache, key) if cache else None
        if blob is None:
            if img is None:
                img = prepare_image(data, photo)
            blob = encode_variant(img, variant)
            encoded += 1
            if cache:
                write_cached(cache, key, blob)
        result.append((variant.path, blob))
    return result, encoded


def cache_key(base: hashlib._Hash, variant: Variant) -> str:
    """The cache file name: a hash of the source and of everything that shapes the output."""
    mime, _, ext, options = next(f for f in FORMATS if f[0] == variant.mime)
    h = base.copy()
    h.update(
        repr(
            (
                ENCODER_VERSION,
                PIL.__version__,
                features.version("webp"),
                features.version("jpg"),
                features.version("littlecms2"),
                mime,
                variant.width,
                variant.height,
                sorted(options.items()),
            )
        ).encode()
    )
    return f"{h.hexdigest()}.{ext}"


def read_cached(cache: Path, key: str) -> bytes | None:
    """A cached variant, or None when it is not there yet."""
    try:
        return (cache / key).read_bytes()
    except FileNotFoundError:
        return None


def write_cached(cache: Path, key: str, blob: bytes) -> None:
    """Store a variant so that a reader in another process sees all of it or nothing. A cache the
    disk refuses (full, read-only) only costs time: the build goes on without it, and a site that
    cannot be written either is reported when it is written."""
    try:
        cache.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".tmp-", suffix=Path(key).suffix)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, cache / key)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise


def prepare_image(data: bytes, photo: PhotoSet) -> Image.Image:
    """The decoded picture, upright, in sRGB, flattened to RGB, with no metadata left in it."""
    with open_image(io.BytesIO(data)) as img:
        try:
            upright = ImageOps.exif_transpose(img)
        except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt pixel data
            raise PhotoError("photo_unreadable", detail=str(exc) or type(exc).__name__) from exc
    rgb = flatten(to_srgb(upright))
    if round(photo.width * rgb.height / rgb.width) != photo.height:
        raise PhotoError("photo_unreadable", detail="the file changed while the site was built")
    rgb.info = {}  # resize and save copy info (EXIF, ICC, XMP, comments) into the output
    return rgb


def to_srgb(img: Image.Image) -> Image.Image:
    """Convert colours from the embedded ICC profile to sRGB, which browsers assume without one."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return img
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(img, profile, SRGB, outputMode="RGBA" if img.mode == "RGBA" else "RGB")
        return cast(Image.Image, converted)  # a new image (None only when converting in place)
    except (ImageCms.PyCMSError, OSError):
        # A broken profile cannot be honoured; browsers then show the stored colours, and so do we.
        return img


def flatten(img: Image.Image) -> Image.Image:
    """RGB without transparency: see-through parts become white, like the page behind them."""
    if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return img.convert("RGB")


def encode_variant(img: Image.Image, variant: Variant) -> bytes:
    """One variant's bytes: resized with LANCZOS, saved with the fixed settings and no metadata."""
    _, fmt, _, options = next(f for f in FORMATS if f[0] == variant.mime)
    size = (variant.width, variant.height)
    sized = img if img.size == size else img.resize(size, Image.Resampling.LANCZOS)
    sized.info = {}
    out = io.BytesIO()
    sized.save(out, fmt, **options)
    return out.getvalue()

"""Photos for the web: plan the responsive sizes of each photo, encode them, check the originals.

The originals under content/images/ are phone photos: large, often stored sideways with an EXIF
Orientation tag, and carrying GPS and camera metadata. What the site publishes instead is a set of
upright, resized WebP and JPEG variants with no metadata at all (a photo of a home workshop must
not give away where the maker lives). Encoding is deterministic, so a rebuild changes no bytes,
and can be cached on disk by the hash of everything that shapes the output.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import quote

import PIL
from PIL import Image, ImageCms, ImageOps, features

WIDTHS = (480, 960, 1600)
FALLBACK_WIDTH = 960
MIN_WIDTH = 800  # narrower than this looks blurry in the gallery on a phone held sideways
MAX_MB = 15  # larger than any phone's JPEG; probably an uncompressed export
MAX_PIXELS = 60_000_000  # a 50 MP camera passes; decoding more could exhaust a small build machine
ENCODER_VERSION = "1"  # bump when a change below alters output bytes, to retire cached variants
WEBP = {"quality": 75, "method": 4}
JPEG = {"quality": 78, "optimize": True, "progressive": True, "subsampling": 2}
FORMATS = (("image/webp", "WEBP", "webp", WEBP), ("image/jpeg", "JPEG", "jpg", JPEG))
SWAPPED = {5, 6, 7, 8}  # EXIF orientations that turn the stored picture a quarter turn
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class PhotoError(Exception):
    """A photo that cannot be used, with a message key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


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


def plan_widths(width: int) -> tuple[int, ...]:
    """The widths to publish for an upright original `width` px wide; never wider than it."""
    largest = min(width, WIDTHS[-1])
    return tuple(w for w in WIDTHS if w < largest) + (largest,)


def plan_photo(name: str, source: Path) -> PhotoSet:
    """The variants of one photo, from its header alone (no pixels are decoded for JPEG)."""
    with open_image(source) as img:
        width, height = upright_size(img)
    stem = Path(name).stem
    sized = [(w, max(1, round(w * height / width))) for w in plan_widths(width)]
    webp, jpeg = (
        tuple(Variant(f"images/{stem}-{w}.{ext}", w, h, mime) for w, h in sized) for mime, _, ext, _ in FORMATS
    )
    return PhotoSet(name, sized[-1][0], sized[-1][1], webp, jpeg)


def upright_size(img: Image.Image) -> tuple[int, int]:
    """The size the picture shows at once its EXIF orientation is applied."""
    width, height = img.size
    try:
        orientation = img.getexif().get(0x0112)
    except (OSError, SyntaxError, ValueError) as exc:  # a corrupt EXIF block
        raise PhotoError("photo_unreadable", detail=str(exc) or type(exc).__name__) from exc
    if orientation in SWAPPED:
        return height, width
    return width, height


def open_image(source: Path | io.BytesIO) -> Image.Image:
    """Open an image lazily, turning every way it can fail, bombs included, into PhotoError."""
    try:
        # catch_warnings is process-global: call this from worker processes, not threads
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(source)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise PhotoError("photo_unreadable", detail=str(exc)) from exc
    except (OSError, SyntaxError, ValueError) as exc:  # UnidentifiedImageError is an OSError
        detail = (str(exc) or type(exc).__name__).replace(f" '{source}'", "").replace(str(source), "the file")
        raise PhotoError("photo_unreadable", detail=detail) from exc
    if img.width * img.height > MAX_PIXELS:
        img.close()
        raise PhotoError(
            "photo_unreadable", detail=f"{img.width}x{img.height} px is more than {MAX_PIXELS // 1_000_000} megapixels"
        )
    return img


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
    """Store a variant so that a reader in another process sees all of it or nothing."""
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache, prefix=".tmp-", suffix=Path(key).suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, cache / key)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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


def photo_warnings(source: Path) -> list[tuple[str, dict]]:
    """What an editor should know about an original: too small, too big, or not an image at all."""
    found = []
    size = source.stat().st_size
    if size > MAX_MB * 1_000_000:
        found.append(("photo_huge", {"mb": round(size / 1_000_000, 1), "max": MAX_MB}))
    try:
        with open_image(source) as img:
            width, _ = upright_size(img)
            check_pixels(img)
    except PhotoError as exc:
        return found + [(exc.key, exc.params)]
    if width < MIN_WIDTH:
        found.append(("photo_small", {"width": width, "min": MIN_WIDTH}))
    return found


def check_pixels(img: Image.Image) -> None:
    """Decode the whole file, so a truncated photo fails in `check` rather than in the build."""
    # JPEG then decodes at 1/8 scale: every byte is still read, for a fraction of the work
    img.draft(None, (max(1, img.width // 8), max(1, img.height // 8)))
    try:
        img.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoError("photo_unreadable", detail=str(exc) or type(exc).__name__) from exc

"""Read photo originals under content/images/: their upright size from the header, and whether they
can be used at all (a truncated file, a decompression bomb, a photo too small or too large)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image

MIN_WIDTH = 800  # narrower than this looks blurry in the gallery on a phone held sideways
MAX_MB = 15  # larger than any phone's JPEG; probably an uncompressed export
MAX_PIXELS = 60_000_000  # a 50 MP camera passes; decoding more could exhaust a small build machine
SWAPPED = {5, 6, 7, 8}  # EXIF orientations that turn the stored picture a quarter turn


class PhotoError(Exception):
    """A photo that cannot be used, with a message key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


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


def read_photo(source: Path) -> tuple[tuple[int, int], list[tuple[str, dict[str, object]]]]:
    """An original's upright size ((0, 0) when unreadable) and what an editor should know about it:
    too small, too big, or not an image at all."""
    found: list[tuple[str, dict[str, object]]] = []
    size = source.stat().st_size
    if size > MAX_MB * 1_000_000:
        found.append(("photo_huge", {"mb": round(size / 1_000_000, 1), "max": MAX_MB}))
    try:
        with open_image(source) as img:
            width, height = upright_size(img)
            check_pixels(img)
    except PhotoError as exc:
        return (0, 0), found + [(exc.key, exc.params)]
    if width < MIN_WIDTH:
        found.append(("photo_small", {"width": width, "min": MIN_WIDTH}))
    return (width, height), found


def photo_warnings(source: Path) -> list[tuple[str, dict[str, object]]]:
    """What an editor should know about an original (see read_photo)."""
    return read_photo(source)[1]


def check_pixels(img: Image.Image) -> None:
    """Decode the whole file, so a truncated photo fails in `check` rather than in the build."""
    # JPEG then decodes at 1/8 scale: every byte is still read, for a fraction of the work
    img.draft(None, (max(1, img.width // 8), max(1, img.height // 8)))
    try:
        img.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoError("photo_unreadable", detail=str(exc) or type(exc).__name__) from exc

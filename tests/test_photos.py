"""The photo pipeline, with real Pillow encoding of small pictures made in each test."""

from __future__ import annotations

import io
import random
import struct
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageCms, ImageFile

from kampung_guide.load.images import PhotoError, open_image, photo_warnings, read_photo, upright_size
from kampung_guide.outputs.images import encode_photo
from kampung_guide.outputs.images import plan_photo as plan_sized

RED = (220, 20, 20)


def plan_photo(name: str, source: Path):
    """A photo's variants planned from the size load/images.py reads, as the build does."""
    (width, height), _ = read_photo(source)
    return plan_sized(name, width, height)


def photo_like(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """Gradients plus grain: compresses like a photo, unlike a flat test card."""
    w, h = size
    rng = random.Random(seed)
    grain = Image.frombytes("L", (w // 3, h // 3), rng.randbytes((w // 3) * (h // 3))).resize(
        size, Image.Resampling.BICUBIC
    )
    bands = [Image.linear_gradient("L").resize(size).rotate(angle, expand=False) for angle in (0, 90, 45)]
    smooth = Image.merge("RGB", bands)
    return Image.blend(smooth, Image.merge("RGB", (grain, grain, grain)), 0.2)


def save(img: Image.Image, path: Path, **options) -> Path:
    img.save(path, **options)
    return path


def read_back(blob: bytes) -> ImageFile.ImageFile:
    img = Image.open(io.BytesIO(blob))
    img.load()
    return img


def encode(source: Path, cache: Path | None = None):
    photo = plan_photo(source.name, source)
    return photo, *encode_photo(photo, source, cache)


def test_plan_keeps_aspect_ratio(tmp_path):
    source = save(photo_like((2000, 1500)), tmp_path / "batik-1.jpg")
    photo = plan_photo("batik-1.jpg", source)
    assert [(v.width, v.height) for v in photo.webp] == [(480, 360), (960, 720), (1600, 1200)]
    assert [v.path for v in photo.jpeg] == [
        "images/batik-1-480.jpg",
        "images/batik-1-960.jpg",
        "images/batik-1-1600.jpg",
    ]
    assert {v.mime for v in photo.webp} == {"image/webp"} and {v.mime for v in photo.jpeg} == {"image/jpeg"}
    assert (photo.width, photo.height) == (1600, 1200)
    assert photo.fallback.path == "images/batik-1-960.jpg"
    assert photo.srcset("image/webp", "../../") == (
        "../../images/batik-1-480.webp 480w, ../../images/batik-1-960.webp 960w, ../../images/batik-1-1600.webp 1600w"
    )


def test_plan_never_upscales(tmp_path):
    source = save(photo_like((700, 350)), tmp_path / "small.png")
    photo = plan_photo("small.png", source)
    assert [(v.width, v.height) for v in photo.jpeg] == [(480, 240), (700, 350)]
    assert photo.fallback.width == 700
    tiny = plan_photo("tiny.png", save(photo_like((300, 200)), tmp_path / "tiny.png"))
    assert [v.width for v in tiny.webp] == [300] and tiny.fallback.width == 300


def test_plan_publishes_an_original_exactly_the_largest_width(tmp_path):
    photo = plan_photo("a.jpg", save(photo_like((1600, 900)), tmp_path / "a.jpg"))
    assert [(v.width, v.height) for v in photo.jpeg] == [(480, 270), (960, 540), (1600, 900)]


def test_variants_have_the_planned_size_and_format(tmp_path):
    photo, files, count = encode(save(photo_like((700, 560)), tmp_path / "a.png"))
    assert count == 4
    assert [path for path, _ in files] == [v.path for v in photo.webp + photo.jpeg]
    for (_, blob), variant in zip(files, photo.webp + photo.jpeg, strict=True):
        img = read_back(blob)
        assert img.size == (variant.width, variant.height)
        assert img.get_format_mimetype() == variant.mime


def gps_rotated_jpeg(path: Path, icc: bool = True) -> Path:
    """A landscape-stored 1200x900 JPEG that displays as portrait, with GPS, XMP, a comment and ICC."""
    img = photo_like((1200, 900))
    img.paste(RED, (0, 0, 200, 200))  # stored top-left; with orientation 6 it shows top-right
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "S", 2: (7.0, 28.0, 12.5), 3: "E", 4: (112.0, 25.0, 48.2)})
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    if icc:
        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        return save(img, path, exif=exif, icc_profile=profile, xmp=xmp, comment=b"Miji workshop", quality=90)
    return save(img, path, exif=exif, xmp=xmp, comment=b"Miji workshop", quality=90)


@pytest.mark.parametrize("icc", [True, False], ids=["icc", "no-icc"])  # colour conversion drops info itself
def test_outputs_are_upright_and_carry_no_metadata(tmp_path, icc):
    source = gps_rotated_jpeg(tmp_path / "rotated.jpg", icc)
    with Image.open(source) as original:  # the test picture really carries what must go
        assert original.getexif().get_ifd(0x8825) and "comment" in original.info
        assert ("icc_profile" in original.info) == icc
    photo, files, _ = encode(source)
    assert [(v.width, v.height) for v in photo.jpeg] == [(480, 640), (900, 1200)]
    for path, blob in files:
        img = read_back(blob)
        assert img.size[0] < img.size[1], path
        assert not img.getexif(), path
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"} & set(img.info), path
        for marker in (b"Exif", b"PhoneMaker", b"Miji", b"xmpmeta", b"ICC_PROFILE", b"ICCP"):
            assert marker not in blob, (path, marker)
        corner = cast(tuple[int, int, int], img.convert("RGB").getpixel((img.width - 5, 5)))
        assert corner[0] > 180 and corner[1] < 80, (path, corner)


def test_encoding_is_deterministic(tmp_path):
    source = gps_rotated_jpeg(tmp_path / "a.jpg")
    _, first, _ = encode(source)
    _, second, _ = encode(source)
    assert first == second


def test_cache_skips_encoding_and_returns_the_same_bytes(tmp_path):
    source = save(photo_like((1000, 750)), tmp_path / "a.jpg", quality=90)
    cache = tmp_path / "cache"
    _, cold, cold_count = encode(source, cache)
    _, warm, warm_count = encode(source, cache)
    assert (cold_count, warm_count) == (6, 0)
    assert warm == cold
    assert len(list(cache.iterdir())) == 6  # and no temporary files left behind


def test_changed_source_is_encoded_again(tmp_path):
    source = save(photo_like((700, 500)), tmp_path / "a.jpg")
    cache = tmp_path / "cache"
    _, before, _ = encode(source, cache)
    save(photo_like((700, 500), seed=2), source)
    _, after, count = encode(source, cache)
    assert count == 4
    assert after != before


def test_processes_share_a_cache_safely(tmp_path):
    source = save(photo_like((1000, 750)), tmp_path / "a.jpg")
    photo = plan_photo("a.jpg", source)
    cache = tmp_path / "cache"
    with ProcessPoolExecutor(3) as pool:
        results = list(pool.map(encode_photo, [photo] * 3, [source] * 3, [cache] * 3))
    assert all(files == results[0][0] for files, _ in results)
    assert sorted(p.name.startswith(".tmp-") for p in cache.iterdir()) == [False] * 6
    assert encode_photo(photo, source, cache) == (results[0][0], 0)


def test_transparency_becomes_white(tmp_path):
    source = save(Image.new("RGBA", (600, 400), (0, 0, 0, 0)), tmp_path / "cutout.png")
    _, files, _ = encode(source)
    for path, blob in files:
        r, g, b = cast(tuple[int, int, int], read_back(blob).convert("RGB").getpixel((10, 10)))
        assert min(r, g, b) > 245, path


def test_webp_is_smaller_than_jpeg(tmp_path):
    _, files, _ = encode(save(photo_like((1600, 1200)), tmp_path / "a.png"))
    sizes = {path: len(blob) for path, blob in files}
    for width in (480, 960, 1600):
        assert sizes[f"images/a-{width}.webp"] < sizes[f"images/a-{width}.jpg"], sizes


def test_no_warnings_for_a_good_photo(tmp_path):
    assert photo_warnings(save(photo_like((1000, 750)), tmp_path / "a.jpg")) == []


def test_warns_about_a_small_photo(tmp_path):
    source = save(photo_like((600, 400)), tmp_path / "a.jpg")
    assert photo_warnings(source) == [("photo_small", {"width": 600, "min": 800})]


def test_warns_about_a_huge_file(tmp_path):
    source = save(photo_like((1600, 1200)), tmp_path / "a.jpg")
    with source.open("ab") as f:  # Pillow ignores data after the end of the JPEG
        f.write(bytes(16_000_000))
    [(key, params)] = photo_warnings(source)
    mb = params["mb"]
    assert key == "photo_huge" and params["max"] == 15 and isinstance(mb, float) and 16 < mb < 17


@pytest.mark.parametrize("content", [b"<html>not a photo</html>", b""])
def test_warns_about_a_file_that_is_not_an_image(tmp_path, content):
    source = tmp_path / "a.jpg"
    source.write_bytes(content)
    [(key, params)] = photo_warnings(source)
    assert key == "photo_unreadable" and params["detail"]
    assert read_photo(source)[0] == (0, 0)
    with pytest.raises(PhotoError):
        open_image(source)


def test_warns_about_a_truncated_photo(tmp_path):
    whole = save(photo_like((1000, 750)), tmp_path / "whole.jpg").read_bytes()
    source = tmp_path / "a.jpg"
    source.write_bytes(whole[: len(whole) // 2])
    assert [key for key, _ in photo_warnings(source)] == ["photo_unreadable"]
    with open_image(source) as img:  # the header is intact; the pixels are not
        photo = plan_sized("a.jpg", *upright_size(img))
    with pytest.raises(PhotoError):
        encode_photo(photo, source, None)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size it does not have: a decompression bomb's calling card."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(9000, 7000), (12000, 9000), (30000, 30000)])
def test_refuses_decompression_bombs(tmp_path, size):
    source = tmp_path / "bomb.png"
    source.write_bytes(png_header(*size))
    [(key, _)] = photo_warnings(source)
    assert key == "photo_unreadable"
    with pytest.raises(PhotoError):
        open_image(source)

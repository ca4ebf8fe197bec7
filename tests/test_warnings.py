"""Exact where data would be lost, quiet where nothing is: WhatsApp numbers that are not mobile
ones say where they belong; a warning that applies to many files is printed once; errors always
one by one; the far-pin warning knows the area the site covers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from kampung_guide.plan.site import load_site
from kampung_guide.util.geo import spread_without_each

from conftest import KAMPUNG, SITE, run_build, write_content


@pytest.mark.parametrize(
    "number, message",
    [
        (
            "0800 1234 5678",
            "'0800 1234 5678' is a toll-free number, not a mobile one: WhatsApp cannot reach it; put it under phone",
        ),
        (
            "0809 1234 567",
            "'0809 1234 567' is a premium-rate number, not a mobile one; put it under phone if visitors should call it",
        ),
        (
            "+62 804 1 500 000",
            "'+62 804 1 500 000' is a nationwide service number, not a mobile one; put it under phone",
        ),
        (
            "0321 123456",
            "'0321 123456' is a landline number, not a mobile one: WhatsApp needs a mobile number (08…); "
            "put this one under phone",
        ),
        (
            "+44 7700 900123",
            "'+44 7700 900123' is not an Indonesian number; WhatsApp takes an Indonesian mobile number here "
            "(08… or +62 8…); put other numbers under phone",
        ),
        ("0812", "'0812' is not an Indonesian mobile number; write it like 0812 3456 7890 or +62 812-3456-7890"),
    ],
)
def test_whatsapp_takes_only_indonesian_mobile_numbers(tmp_path, number, message):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + f'contact:\n  whatsapp: "{number}"\n'})
    _, report = load_site(content, "content")
    assert [p.render("en") for p in report.errors] == [f"content/kampung/batik.yaml:15: contact.whatsapp: {message}"]


def test_the_office_number_is_checked_alike(tmp_path):
    content = write_content(tmp_path, {"site.yaml": SITE + 'contact:\n  whatsapp: "0800 1234 5678"\n'})
    _, report = load_site(content, "content")
    assert [p.render("id") for p in report.errors] == [
        "content/site.yaml:9: contact.whatsapp: '0800 1234 5678' adalah nomor bebas pulsa, bukan nomor HP: WhatsApp "
        "tidak bisa menghubunginya; tulis di phone"
    ]


def many(tmp_path: Path, count: int, errors: dict[str, str] | None = None) -> Path:
    content = generate(tmp_path / "content", count)
    for name, text in (errors or {}).items():
        (content / "kampung" / name).write_text(text, encoding="utf-8")
    return content


def test_a_warning_in_many_files_is_printed_once_and_every_error_is_named(tmp_path):
    broken = {
        "kampung-00010.yaml": KAMPUNG.replace("category: batik", "category: kramik"),
        "kampung-00500.yaml": KAMPUNG.replace("lat: -7.47", "lat: 200"),
        "kampung-00999.yaml": KAMPUNG + "products:\n  - name: Kain\n    price_idr: 25.000\n",
    }
    content = many(tmp_path, 1000, broken)
    result = run_build("check", "--content", str(content), "--lang", "en")
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) < 50, lines
    for name in broken:
        assert sum(1 for line in lines if f"kampung/{name}:" in line and ": warning: " not in line) == 1, name
    first = [i for i, line in enumerate(lines) if "no photo yet" in line]
    assert len(first) == 1  # 997 profiles without a photo (the three broken ones are not checked that far)
    more = lines[first[0] + 1]
    assert more.startswith("  … the same in 996 more places: ") and more.endswith(
        " and 993 more; check --all lists them"
    )
    # 997 without a photo, 997 without a source, one for all never checked, and site.yaml gives no way
    # to reach the office
    assert lines[-1] == "3 errors, 1996 warnings"
    every = run_build("check", "--all", "--content", str(content), "--lang", "en").stderr.splitlines()
    assert sum(1 for line in every if "no photo yet" in line) == 997


def test_a_few_warnings_are_printed_one_by_one(tmp_path):
    content = many(tmp_path, 5)
    lines = run_build("check", "--content", str(content), "--lang", "id").stderr.splitlines()
    assert sum(1 for line in lines if "belum ada foto" in line) == 5 and not any("…" in line for line in lines)
    # and 5 without a source, 1 for the office without a contact, 1 for all never checked
    assert lines[-1] == "0 kesalahan, 12 peringatan"


def region(tmp_path: Path, center: str, zoom: int, pins: list[tuple[float, float]]) -> list[str]:
    site = SITE.replace("center: [-7.47, 112.43]", f"center: {center}").replace("zoom: 14", f"zoom: {zoom}")
    files = {"site.yaml": site, "kampung/batik.yaml": None}
    for i, (lat, lon) in enumerate(pins):
        text = KAMPUNG.replace("lat: -7.47", f"lat: {lat}").replace("lon: 112.43", f"lon: {lon}")
        files[f"kampung/k{i:02d}.yaml"] = text.replace("Kampung Batik", f"Kampung {i}")
    _, report = load_site(write_content(tmp_path, files), "content")
    return [p.render("en") for p in report.warnings if p.key == "far_from_map"]


EAST_JAVA = [
    (-7.47, 112.43),
    (-7.25, 112.75),
    (-7.98, 112.63),
    (-8.17, 113.70),
    (-7.62, 111.52),
    (-6.89, 112.05),
    (-8.07, 111.90),
    (-7.15, 113.47),
    (-7.87, 112.52),
    (-8.21, 114.37),
]  # Mojokerto to Banyuwangi


def test_a_regional_guide_gets_no_false_alarms(tmp_path):
    assert region(tmp_path, "[-7.6, 112.7]", 8, EAST_JAVA) == []  # zoomed out to the province
    assert region(tmp_path, "[-7.6, 112.7]", 14, EAST_JAVA) == []  # zoom left at the default: the spread decides


def test_a_city_guide_still_catches_a_pin_without_its_minus_sign(tmp_path):
    city = [(-7.47 + i / 500, 112.43 + i / 400) for i in range(8)] + [(7.47, 112.43)]
    assert region(tmp_path, "[-7.47, 112.43]", 14, city) == [
        "content/kampung/k08.yaml:11: location: warning: the pin (7.47, 112.43) is 1661 km from the map centre, far "
        "outside the area the site covers (about 30 km around it); is a minus sign missing, or are lat and lon swapped?"
    ]
    assert region(tmp_path, "[-7.6, 112.7]", 8, EAST_JAVA + [(7.25, 112.75)])[0].startswith(
        "content/kampung/k10.yaml:11: location: warning: the pin (7.25, 112.75)"
    )


def test_the_spread_leaves_out_each_place():
    distances = [3.0, 1.0, 100.0, 2.0, 5.0]
    for i, spread in enumerate(spread_without_each(distances)):
        others = sorted(distances[:i] + distances[i + 1 :])
        assert spread == others[len(others) // 2]
    assert spread_without_each([7.0]) == [0.0] and spread_without_each([]) == []

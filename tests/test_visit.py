"""The visit-readiness block: shown in both languages, in JSON-LD, and checked like every field."""

import json
import re

from conftest import KAMPUNG, must_find, run_build, write_content

VISIT = """\
visit:
  best_time: {id: Pagi hari, en: Mornings}
  booking: {id: Kirim surat permohonan, en: Send a request letter}
  booking_lead_days: 3
  group_max: 30
  parking: [car, bus]
  payment: [cash, qris]
  facilities: [toilet, mushola, halal_food]
  wheelchair: partial
"""


def test_visit_block_in_both_languages_and_json_ld(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + VISIT})
    out = tmp_path / "site"
    result = run_build("build", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = {
        lang: (out / prefix / "kampung/batik/index.html").read_text(encoding="utf-8")
        for lang, prefix in (("id", ""), ("en", "en"))
    }
    rows = {
        lang: re.findall(r'<li class="visit__item">.*?<strong>(.*?):</strong> (.*?)</span></li>', html)
        for lang, html in pages.items()
    }
    assert rows["id"] == [
        ("Waktu terbaik", "Pagi hari"),
        ("Pemesanan", "Kirim surat permohonan; Pesan 3 hari sebelumnya"),
        ("Rombongan", "Maksimal 30 orang"),
        ("Parkir", "mobil, bus"),
        ("Pembayaran", "tunai, QRIS"),
        ("Fasilitas", "toilet, musala, makanan halal"),
        ("Kursi roda", "sebagian bisa diakses"),
    ]
    assert rows["en"] == [
        ("Best time", "Mornings"),
        ("Booking", "Send a request letter; Book 3 days ahead"),
        ("Groups", "Up to 30 people"),
        ("Parking", "cars, buses"),
        ("Payment", "cash, QRIS"),
        ("Facilities", "toilet, prayer room (mushola), halal food"),
        ("Wheelchair", "partly accessible"),
    ]
    data = json.loads(must_find(r'<script type="application/ld\+json">(.*?)</script>', pages["en"], re.S)[1])
    assert data["paymentAccepted"] == "Cash, QRIS" and data["maximumAttendeeCapacity"] == 30
    names = {f["name"]: f["value"] for f in data["amenityFeature"]}
    assert names == {
        "Toilets": True,
        "Prayer room": True,
        "Halal food": True,
        "Car parking": True,
        "Bus parking": True,
        "Wheelchair accessible": "Partially",
    }


def test_no_visit_block_without_visit_facts(tmp_path):
    out = tmp_path / "site"
    assert run_build("build", "--content", str(write_content(tmp_path)), "--out", str(out)).returncode == 0
    assert 'class="visit"' not in (out / "kampung/batik/index.html").read_text(encoding="utf-8")


def test_visit_values_are_checked(tmp_path):
    text = KAMPUNG + "visit:\n  payment: [cash, qirs]\n  wheelchair: maybe\n  group_max: 0\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    for lang, expected in (
        (
            "en",
            [
                "batik.yaml:15: visit.payment[1]: 'qirs' is not one of: cash, qris, transfer, card; "
                "did you mean 'qris'?",
                "batik.yaml:16: visit.wheelchair: 'maybe' is not one of: yes, partial, no",
                "batik.yaml:17: visit.group_max: 0 is out of range (must be between 1 and 10000)",
            ],
        ),
        (
            "id",
            [
                "batik.yaml:15: visit.payment[1]: 'qirs' bukan salah satu dari: cash, qris, transfer, "
                "card; maksud Anda 'qris'?"
            ],
        ),
    ):
        result = run_build("check", "--content", str(content), "--lang", lang)
        assert result.returncode == 1
        for line in expected:
            assert line in result.stderr, result.stderr

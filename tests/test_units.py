"""Small pure functions: hours, Markdown safety, formatting, distances, colours, links; forked work."""

import os
import signal
import time

import pytest

from kampung_guide.render.colors import contrast, text_on
from kampung_guide.render.i18n import format_distance, format_duration, format_price, hours_table
from kampung_guide.render.links import directions, tel_url, whatsapp_digits
from kampung_guide.render.markdown import relative_links, render_markdown
from kampung_guide.util.fork import Forked
from kampung_guide.util.geo import distance_km
from kampung_guide.validate.hours import HoursError, parse_hours, week
from kampung_guide.validate.model import Hours, Price


def test_hours_week_with_overrides_and_wraparound():
    rules = parse_hours("Mo-Su 08:00-16:00; Fr 13:00-17:00; Su off")
    assert week(rules) == [((480, 960),)] * 4 + [((780, 1020),), ((480, 960),), ()]
    assert week(parse_hours("Sa-Mo 04:00-09:00"))[6] == ((240, 540),)
    assert week(parse_hours("Sa-Mo 04:00-09:00"))[1] == ()


@pytest.mark.parametrize(
    "text, part",
    [
        ("Mo-Sa 8-16", "8-16"),
        ("Mon 08:00-10:00", "Mon"),
        ("Mo 17:00-08:00", "17:00-08:00"),
        ("sunset-sunrise", "sunset-sunrise"),
    ],
)
def test_hours_errors_name_the_part(text, part):
    with pytest.raises(HoursError) as caught:
        parse_hours(text)
    assert caught.value.part == part


def test_hours_table_in_both_languages():
    hours = Hours("Mo-Sa 04:00-09:00; PH off", parse_hours("Mo-Sa 04:00-09:00; PH off"))
    assert hours_table(hours, "id")[0] == ("Senin", "04.00–09.00")
    assert hours_table(hours, "id")[6] == ("Minggu", "Tutup")
    assert hours_table(hours, "en")[-1] == ("Public holidays", "Closed")


def test_prices_durations_and_distances_read_locally():
    assert format_price(Price(350000, 350000), "id") == "Rp350.000"
    assert format_price(Price(150000, 350000), "en") == "IDR\u00a0150,000–350,000"  # CLDR's currency spacing
    assert format_duration(120, "id") == "2 jam" and format_duration(45, "en") == "45 minutes"
    assert format_duration(90, "id") == "1 jam 30 menit" and format_duration(61, "en") == "1 hour 1 minute"
    assert format_distance(1.26, "id") == "1,3 km" and format_distance(0.432, "en") == "430 m"


def test_haversine_agrees_with_the_spherical_law_of_cosines():
    import math

    def cosines(lat1, lon1, lat2, lon2):
        p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
        return 6371.0088 * math.acos(math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))

    for a, b in [
        ((-7.2458, 112.7378), (-7.4722, 112.4338)),
        ((-7.47, 112.43), (-7.46, 112.44)),
        ((51.5, 0), (40.7, -74)),
    ]:
        assert distance_km(*a, *b) == pytest.approx(cosines(*a, *b), rel=0.001)
    assert distance_km(0, 0, 0, 1) == pytest.approx(2 * math.pi * 6371.0088 / 360, rel=1e-9)


def test_markdown_is_sanitized_and_headings_demoted():
    html = render_markdown(
        "# Title\n\n<script>x()</script><b onclick='x'>b</b> [j](javascript:x) [ok](https://a.example)"
    )
    assert html.startswith("<h2>Title</h2>")
    assert "<script" not in html and "onclick" not in html and "javascript:" not in html
    assert '<a href="https://a.example" rel="noopener noreferrer">ok</a>' in html


def test_site_links_become_relative():
    html = render_markdown("[a](/kampung/x/) [b](//evil.example/) [c](https://x.example/)")
    assert 'href="../../kampung/x/"' in relative_links(html, "../../")
    assert 'href="//evil.example/"' in relative_links(html, "../../")
    shared = relative_links('<a href="/data/kampung.json">', "../../en/", "../../", lambda t: t.startswith("data/"))
    assert shared == '<a href="../../data/kampung.json">'  # a file every language shares: no language folder


def test_category_text_colour_has_contrast():
    for color in ("#8b4513", "#f0c419", "#2f5d8a", "#ffffff", "#000000"):
        assert contrast(color, text_on(color)) >= 4.5


def test_contact_links():
    assert whatsapp_digits("0812-3456-7890") == whatsapp_digits("+62 812 3456 7890") == "6281234567890"
    assert tel_url("0321 123456") == "tel:+62321123456"
    links = directions(-7.47, 112.43, "Kampung Batik")
    assert links["google"] == "https://www.google.com/maps/dir/?api=1&destination=-7.470000%2C112.430000"
    assert links["geo"].startswith("geo:-7.470000,112.430000?q=")


def spread(rng, n):
    return [(-7.5 + rng.random() * 0.2, 112.3 + rng.random() * 0.2) for _ in range(n)]


def crowded(rng, n):
    """Two dense towns far apart, a few places alone, and places sharing one position."""
    towns = [(-7.47 + rng.gauss(0, 0.003), 112.43 + rng.gauss(0, 0.003)) for _ in range(n // 2)]
    towns += [(-6.2 + rng.gauss(0, 0.01), 106.8 + rng.gauss(0, 0.01)) for _ in range(n // 3)]
    return towns + [(-7.4, 112.4)] * 4 + [(rng.uniform(-60, 60), rng.uniform(-180, 180)) for _ in range(8)]


def edges(rng, n):
    """Both sides of the date line and near the poles."""
    return [(rng.uniform(-89.9, 89.9), rng.choice([179.99, -179.99, 0.0]) + rng.uniform(-0.05, 0.05)) for _ in range(n)]


@pytest.mark.parametrize("layout", [spread, crowded, edges])
@pytest.mark.parametrize("count", [1, 3])
def test_nearest_all_agrees_with_comparing_every_pair(layout, count):
    import random
    from types import SimpleNamespace

    from kampung_guide.util.geo import nearest_all

    rng = random.Random(3)
    places = [
        SimpleNamespace(slug=f"k{i:03d}", location=SimpleNamespace(lat=lat, lon=lon))
        for i, (lat, lon) in enumerate(layout(rng, 150))
    ]
    found = nearest_all(places, count=count)
    for place in places:
        brute = sorted(
            (distance_km(place.location.lat, place.location.lon, o.location.lat, o.location.lon), o.slug)
            for o in places
            if o is not place
        )[:count]
        assert [(round(km, 9), o.slug) for km, o in found[place.slug]] == [(round(km, 9), s) for km, s in brute]
    assert nearest_all(places[:1], count=count) == {"k000": []}
    assert [o.slug for _, o in nearest_all(places[:2], count=count)["k000"]] == ["k001"]


@pytest.mark.parametrize(
    "written, normal",
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("62812345678", "+62812345678"),
        ("(0812) 3456.7890", "+6281234567890"),
        ("085712345678901", None),
        ("0321 123456", None),
        ("+1 415 555 0100", None),
        ("0812", None),
        ("wa: 0812 3456 7890", None),
        ("+62 21 1234 5678", None),
        ("0800 1234 5678", None),  # toll-free: 08 but not 08[1-9]
        ("0809 1234 567", None),  # premium
        ("+62 804 1 500 000", None),  # nationwide service number
    ],
)
def test_whatsapp_numbers_are_normalised_or_refused(written, normal):
    from kampung_guide.validate.specs import normalise_mobile

    assert normalise_mobile(written) == normal


def test_mobile_numbers_are_shown_the_indonesian_way():
    from kampung_guide.render.links import format_mobile

    assert format_mobile("+6281234567890") == "+62 812-3456-7890"


def test_work_in_a_forked_process_returns_its_result_or_raises_its_error():
    assert Forked(sorted, {3, 1, 2}).result() == [1, 2, 3]
    with pytest.raises(ValueError, match="'x'"):
        Forked(int, "x").result()
    with pytest.raises(RuntimeError, match="_exit ended without a result"):
        Forked(os._exit, 3).result()


def test_forked_work_no_longer_wanted_is_stopped():
    with Forked(time.sleep, 60) as sleeper:
        pass
    assert sleeper._process.exitcode == -signal.SIGKILL

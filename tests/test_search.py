"""The list page's search: word normalisation, address areas, and the index the build writes."""

import gzip
import json

import pytest

from kampung_guide.outputs.search import index_script, parse_areas, price_range, search_assets, search_index, week_table
from kampung_guide.outputs.searchtext import (
    fold_text,
    index_tokens,
    query_matches,
    query_terms,
    split_words,
    word_forms,
)
from kampung_guide.plan.site import load_site

from conftest import KAMPUNG, write_content

WORKSHOP = (
    KAMPUNG.replace("name: Kampung Batik", "name: Kampung Batik Tulis")
    + """\
  address: Kelurahan Miji (Kecamatan Kranggan), Kota Uji
opening_hours: Mo-Sa 08:00-16:00; Su off
products:
  - name: {id: Kain batik tulis, en: Hand-drawn batik cloth}
    price_idr: [150000, 400000]
experiences:
  - name: {id: Kelas membatik, en: Batik class}
    price_idr: 75000
    duration_minutes: 120
tags: [batik, kain]
"""
)
ONDE = """\
name: Kampung Onde-onde
category: kuliner
summary: {id: Jajanan tradisional berbalut wijen., en: Sesame-coated snacks.}
description: {id: Onde-onde., en: Onde-onde.}
location:
  lat: -7.46
  lon: 112.44
  address: Kelurahan Sentanan, Kecamatan Kranggan, Kota Uji
"""


@pytest.mark.parametrize(
    "word, forms",
    [
        ("membatik", ["membatik", "batik"]),
        ("menyulam", ["menyulam", "sulam"]),
        ("memasak", ["memasak", "pasak", "masak"]),
        ("menulis", ["menulis", "tulis", "nulis"]),
        ("mengukir", ["mengukir", "ukir", "kukir"]),
        ("pembuat", ["pembuat", "buat"]),
        ("dibuat", ["dibuat", "buat"]),
        ("berjualan", ["berjualan", "berjual", "jualan", "jual"]),
        ("kerajinan", ["kerajinan", "kerajin", "rajinan", "rajin"]),
        ("perajin", ["perajin", "ajin", "rajin"]),
        ("sayuran", ["sayuran", "sayur"]),
        ("batik", ["batik"]),
        ("kain", ["kain"]),  # "-i" would leave "kan": too short to be a root
        ("dia", ["dia"]),
        ("2026", ["2026"]),
    ],
)
def test_indonesian_word_forms(word, forms):
    assert word_forms(word, "id") == forms


def test_english_pages_add_a_plural_rule_and_keep_the_indonesian_one():
    assert word_forms("sandals", "en") == ["sandals", "sandal"]
    assert word_forms("sandals", "id") == ["sandals"]
    assert word_forms("glass", "en") == ["glass"]
    assert word_forms("membatik", "en") == ["membatik", "batik"]


def test_folding_lowercases_and_strips_diacritics():
    assert fold_text("Kerajinan TENUN Éndah çokelat") == "kerajinan tenun endah cokelat"
    assert split_words("Onde-onde, Rp15.000 (ﬁber)") == ["onde", "onde", "rp15", "000", "fiber"]


def test_index_tokens_drop_tokens_that_start_longer_ones():
    tokens = index_tokens("Kelas membatik batik kain kainnya", "id")
    assert tokens == sorted(tokens)
    assert "batik" in tokens and "membatik" in tokens
    assert "kain" not in tokens and "kainnya" in tokens  # "kain" starts "kainnya": still found by prefix


@pytest.mark.parametrize(
    "query, found",
    [
        ("batik", True),
        ("membatik", True),
        ("Batik", True),
        ("bat", True),
        ("kelas bat", True),
        ("batik onde", False),
        ("menyulam", False),
        ("", True),
        ("  ", True),
    ],
)
def test_a_query_matches_when_every_word_starts_a_token(query, found):
    tokens = " ".join(index_tokens("Kampung Batik Tulis. Kelas membatik.", "id"))
    assert query_matches(query_terms(query, "id"), tokens) is found


def test_membatik_in_the_query_finds_batik_in_the_text():
    tokens = " ".join(index_tokens("Kain batik tulis", "id"))
    assert query_matches(query_terms("membatik", "id"), tokens)
    assert query_matches(query_terms("menyulam", "id"), " ".join(index_tokens("Sulam pita", "id")))
    assert query_matches(query_terms("memasak", "id"), " ".join(index_tokens("Kelas masak", "id")))


@pytest.mark.parametrize(
    "address, areas",
    [
        (
            "Kelurahan Miji (Kecamatan Kranggan) dan Kelurahan Surodinawan (Kecamatan Prajurit Kulon), Kota Mojokerto",
            [("kel", "Miji"), ("kec", "Kranggan"), ("kel", "Surodinawan"), ("kec", "Prajurit Kulon")],
        ),
        ("Kelurahan Sentanan, Kecamatan Kranggan, Kota Mojokerto", [("kel", "Sentanan"), ("kec", "Kranggan")]),
        ("Jl. Majapahit 5, Kel. Gedongan, Kec. Magersari", [("kel", "Gedongan"), ("kec", "Magersari")]),
        ("Kota Mojokerto", []),
    ],
)
def test_areas_are_read_from_the_address(address, areas):
    assert parse_areas(address) == areas


@pytest.fixture
def site(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": WORKSHOP, "kampung/onde.yaml": ONDE})
    loaded, report = load_site(content)
    assert loaded is not None, [p.render("en") for p in report.sorted()]
    return loaded


def rows_by_slug(index: dict) -> dict[str, dict]:
    return {row[0]: dict(zip(index["fields"], row, strict=True)) for row in index["kampung"]}


def test_index_rows_carry_what_the_filters_need(site):
    index = search_index(site, "id")
    assert index["lang"] == "id" and index["categories"] == [["batik", "Batik"], ["kuliner", "Kuliner"]]
    assert index["areas"] == [["kec", "Kranggan"], ["kel", "Miji"], ["kel", "Sentanan"]]
    rows = rows_by_slug(index)
    batik, onde = rows["batik"], rows["onde"]
    assert batik["href"] == "batik/" and batik["name"] == "Kampung Batik Tulis"
    assert index["categories"][batik["category"]][0] == "batik"
    assert [index["areas"][i] for i in batik["areas"]] == [["kel", "Miji"], ["kec", "Kranggan"]]
    assert batik["address"].startswith("Kelurahan Miji")
    assert (batik["workshop"], onde["workshop"]) == (1, 0)
    assert (batik["price"], onde["price"]) == ([75000, 400000], None)
    assert index["weeks"][batik["hours"]] == [[[480, 960]]] * 6 + [[]]
    assert onde["hours"] is None
    assert query_matches(query_terms("membatik kelas", "id"), batik["tokens"])
    assert query_matches(query_terms("miji", "id"), batik["tokens"])  # areas are searchable too
    assert not query_matches(query_terms("batik", "id"), onde["tokens"])


def test_each_language_has_its_own_index(site):
    english = rows_by_slug(search_index(site, "en"))
    assert query_matches(query_terms("class", "en"), english["batik"]["tokens"])
    assert query_matches(query_terms("snacks", "en"), english["onde"]["tokens"])
    assert not query_matches(query_terms("class", "id"), rows_by_slug(search_index(site, "id"))["batik"]["tokens"])
    assert sorted(search_assets(site)) == ["assets/search-en.js", "assets/search-id.js"]


def test_index_script_sets_a_global_and_is_plain_ascii(site):
    script = index_script(search_index(site, "id"))
    assert script.startswith(b"window.GUIDE_SEARCH={") and script.endswith(b"};\n")
    script.decode("ascii")
    assert json.loads(script[len(b"window.GUIDE_SEARCH=") : -2])["v"] == 1
    assert len(gzip.compress(script)) < 1000


def test_week_and_price_helpers(site):
    by_slug = {k.slug: k for k in site.kampung}
    assert week_table(by_slug["onde"]) is None and price_range(by_slug["onde"]) is None
    batik = week_table(by_slug["batik"])
    assert batik is not None and batik[6] == []

"""The content contract: what the tourism office writes, and the exact message for each mistake."""

from pathlib import Path

import pytest

from kampung_guide.plan.site import load_site
from kampung_guide.validate.model import Price

from conftest import JPEG, KAMPUNG, write_content


def problems(content: Path, lang: str = "en", warnings: bool = False) -> list[str]:
    _, report = load_site(content, "content")
    chosen = report.problems if warnings else report.errors
    return [p.render(lang) for p in sorted(chosen, key=lambda p: (p.file, p.line, p.field))]


def profile(**replace: str) -> str:
    """The minimal profile with some top-level lines replaced (key -> new line, '' to drop)."""
    lines = KAMPUNG.splitlines()
    for key, new in replace.items():
        lines = [new if line.startswith(f"{key}:") else line for line in lines]
    return "\n".join(line for line in lines if line != "") + "\n"


def test_valid_minimal_content_loads(content):
    site, report = load_site(content)
    assert report.errors == [] and site is not None
    assert [k.slug for k in site.kampung] == ["batik"]
    assert site.kampung[0].name.get("en") == "Kampung Batik"


def test_sample_content_is_valid():
    site, report = load_site(Path(__file__).parent.parent / "content")
    assert report.errors == [], [p.render() for p in report.errors]
    assert site is not None and len(site.kampung) == 7


def test_latitude_out_of_range(tmp_path):
    content = write_content(tmp_path, {"kampung/onde-onde.yaml": KAMPUNG.replace("lat: -7.47", "lat: -97.2")})
    assert problems(content) == [
        "content/kampung/onde-onde.yaml:12: location.lat: -97.2 is not a latitude (must be between -90 and 90)"
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = (
        KAMPUNG.replace("lat: -7.47", "lat: 200")
        .replace("lon: 112.43", "lon: east")
        .replace("category: batik", "category: batk")
    )
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == [
        "content/kampung/batik.yaml:2: category: 'batk' is not a category in categories.yaml; did you mean 'batik'?",
        "content/kampung/batik.yaml:12: location.lat: 200 is not a latitude (must be between -90 and 90)",
        "content/kampung/batik.yaml:13: location.lon: expected a number, got text",
    ]


def test_unknown_field_gets_did_you_mean(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "opening_hour: Mo-Sa 08:00-16:00\n"})
    assert problems(content) == [
        "content/kampung/batik.yaml:14: opening_hour: unknown field; did you mean 'opening_hours'?"
    ]


def test_unknown_field_without_a_close_match_lists_known_fields(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "zzz: 1\n"})
    [message] = problems(content)
    assert message.startswith("content/kampung/batik.yaml:14: zzz: unknown field; known fields are: name, category,")


def test_missing_required_field(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": profile(name="")})
    assert problems(content) == ["content/kampung/batik.yaml:1: name: this field is required and missing"]


def test_float_price_is_refused_with_the_likely_meaning(tmp_path):
    text = KAMPUNG + "products:\n  - name: Batik tulis\n    price_idr: 25.000\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == [
        "content/kampung/batik.yaml:16: products[0].price_idr: 25.000 reads as the number 25 "
        "(in YAML a dot is a decimal point); for 25000 rupiah write 25000, without a dot"
    ]


@pytest.mark.parametrize(
    "price, message",
    [
        ("[90000, 50000]", "the range [90000, 50000] is reversed; write [50000, 90000]"),
        ("-5000", "a price cannot be negative (-5000)"),
        ("[1, 2, 3]", "a price range has exactly two numbers: [min, max]"),
        ("murah", "expected a price in whole rupiah, got text"),
    ],
)
def test_bad_prices(tmp_path, price, message):
    text = KAMPUNG + f"products:\n  - name: Batik tulis\n    price_idr: {price}\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == [f"content/kampung/batik.yaml:16: products[0].price_idr: {message}"]


def test_price_range_is_accepted(tmp_path):
    text = KAMPUNG + "products:\n  - name: Batik tulis\n    price_idr: [150000, 350000]\n"
    site, report = load_site(write_content(tmp_path, {"kampung/batik.yaml": text}))
    assert report.errors == [] and site is not None
    assert site.kampung[0].products[0].price_idr == Price(150000, 350000)


@pytest.mark.parametrize(
    "text, expected",
    [
        (KAMPUNG + "name: again\n", "content/kampung/batik.yaml:14: 'name' appears twice (first on line 1); keep one"),
        (
            KAMPUNG.replace("  lat: -7.47", "\tlat: -7.47"),
            "content/kampung/batik.yaml:12: this line is indented with a tab, and YAML accepts only spaces; "
            "replace the tab at the start of the line with spaces (and set your editor to type spaces for Tab)",
        ),
        ("- just\n- a list\n", "content/kampung/batik.yaml:1: the file must hold fields (key: value), not a list"),
        ("", "content/kampung/batik.yaml:1: the file is empty"),
    ],
)
def test_file_level_problems(tmp_path, text, expected):
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == [expected]


def test_non_utf8_file_names_its_line(tmp_path):
    data = KAMPUNG.replace("A batik-making village.", "Caf\xe9").encode("latin-1")
    content = write_content(tmp_path, {"kampung/batik.yaml": data})
    assert problems(content) == [
        "content/kampung/batik.yaml:5: the file is not UTF-8 text (save it as UTF-8 in your editor)"
    ]


def test_opening_hours_are_parsed_or_explained(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + "opening_hours: Senin-Sabtu 8-16\n"})
    assert problems(content) == [
        "content/kampung/batik.yaml:14: opening_hours: 'Senin-Sabtu' is not understood; "
        "write e.g. 'Mo-Sa 08:00-16:00; Su off'"
    ]


def test_photo_needs_a_file_and_alt_text(tmp_path):
    text = KAMPUNG + "photos:\n  - file: missing.jpg\n  - file: there.jpg\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text, "images/there.jpg": JPEG})
    assert problems(content) == [
        "content/kampung/batik.yaml:15: photos[0].alt: this field is required and missing",
        "content/kampung/batik.yaml:16: photos[1].alt: this field is required and missing",
    ]
    text = KAMPUNG + "photos:\n  - file: missing.jpg\n    alt: Kain\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == [
        "content/kampung/batik.yaml:15: photos[0].file: the photo 'missing.jpg' is not in content/images/; "
        "put the photo there under this name, or correct the name here"
    ]


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sub/dir.jpg"])
def test_photo_paths_cannot_leave_the_images_folder(tmp_path, name):
    text = KAMPUNG + f"photos:\n  - file: {name}\n    alt: x\n"
    [message] = problems(write_content(tmp_path, {"kampung/batik.yaml": text}))
    assert (
        message.startswith("content/kampung/batik.yaml:15: photos[0].file: ") and "not in the expected form" in message
    )


def test_symlinked_photo_outside_content_is_refused(tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"\xff\xd8\xff secret")
    text = KAMPUNG + "photos:\n  - file: link.jpg\n    alt: x\n"
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "link.jpg").symlink_to(secret)
    assert problems(content) == [
        "content/kampung/batik.yaml:15: photos[0].file: the photo 'link.jpg' is not in content/images/; "
        "put the photo there under this name, or correct the name here"
    ]


def test_unknown_category(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": profile(category="category: gerabah")})
    assert problems(content) == [
        "content/kampung/batik.yaml:2: category: 'gerabah' is not a category in categories.yaml (known: batik, kuliner)"
    ]


@pytest.mark.parametrize("name", ["Kampung Batik.yaml", "batik.majapahit.yaml", "bátik.yaml", "BATIK2.yaml"])
def test_file_names_must_be_slugs(tmp_path, name):
    content = write_content(tmp_path, {f"kampung/{name}": KAMPUNG})
    assert problems(content) == [
        f"content/kampung/{name}:1: the file name '{name}' cannot be a page address: use lowercase letters, "
        "digits and hyphens, e.g. batik-majapahit.yaml"
    ]


def test_duplicate_slugs(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yml": KAMPUNG})
    assert problems(content) == [
        "content/kampung/batik.yml:1: this page address is also used by content/kampung/batik.yaml"
    ]


def test_text_in_unknown_language(tmp_path):
    text = KAMPUNG.replace("  en: A batik-making village.", "  eng: A batik-making village.")
    assert problems(write_content(tmp_path, {"kampung/batik.yaml": text})) == [
        "content/kampung/batik.yaml:5: summary.eng: 'eng' is not one of the site's languages (id, en)"
    ]


def test_missing_english_is_a_warning_not_an_error(tmp_path):
    text = KAMPUNG.replace("  en: A batik-making village.\n", "")
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == []
    assert (
        "content/kampung/batik.yaml:3: summary: warning: no en text yet; the page shows the main language "
        "and marks it untranslated" in problems(content, warnings=True)
    )


def test_messages_in_indonesian(tmp_path):
    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG.replace("lat: -7.47", "lat: -97.2")})
    assert problems(content, "id") == [
        "content/kampung/batik.yaml:12: location.lat: -97.2 bukan garis lintang (harus antara -90 dan 90)"
    ]


def test_swapped_coordinates_are_a_warning(tmp_path):
    text = KAMPUNG.replace("lat: -7.47", "lat: 112.43").replace("lon: 112.43", "lon: -7.47")
    assert problems(write_content(tmp_path, {"kampung/batik.yaml": text})) == [
        "content/kampung/batik.yaml:12: location.lat: 112.43 is not a latitude (must be between -90 and 90)"
    ]
    text = KAMPUNG.replace("lat: -7.47", "lat: 7.47")
    content = write_content(tmp_path, {"kampung/batik.yaml": text})
    assert problems(content) == []
    assert any(
        "location: warning: the pin (7.47, 112.43) is 1661 km from the map centre" in p
        for p in problems(content, warnings=True)
    )


def test_missing_site_files(tmp_path):
    content = write_content(tmp_path, {"site.yaml": None, "categories.yaml": None})
    assert problems(content) == [
        "content/categories.yaml:1: this file is required and was not found",
        "content/kampung/batik.yaml:2: category: 'batik' is not a category in categories.yaml (known: )",
        "content/site.yaml:1: this file is required and was not found",
    ]


def test_broken_site_link_in_markdown(tmp_path):
    text = KAMPUNG.replace(
        "Batik tulis dibuat di sini.", "Lihat [kuliner](/kampung/tidak-ada/) dan [ini](/kampung/batik/)."
    )
    assert problems(write_content(tmp_path, {"kampung/batik.yaml": text})) == [
        "content/kampung/batik.yaml:8: description.id: the link '/kampung/tidak-ada/' leads to no page of the site"
    ]


def test_free_pages_pair_by_language(tmp_path):
    content = write_content(
        tmp_path,
        {
            "pages/tentang.md": "---\ntitle: Tentang\norder: 2\n---\nIsi [batik](/kampung/batik/).\n",
            "pages/tentang.en.md": "---\ntitle: About\n---\nBody.\n",
            "pages/only.en.md": "---\ntitle: Only English\n---\nBody.\n",
            "pages/broken.md": "no front matter\n",
            "pages/bad.md": "---\ntitle: x\n---\n\nSee [gone](/gone/).\n",
        },
    )
    assert problems(content) == [
        "content/pages/bad.md:5: the link '/gone/' leads to no page of the site",
        "content/pages/broken.md:1: a page starts with front matter between '---' lines (title: ...)",
        "content/pages/only.en.md:1: there is no id version of this page (only.md)",
    ]


def test_checking_in_two_processes_equals_one(tmp_path, monkeypatch):
    """A large folder's profiles are checked half by a forked process: the same site, and the same
    problems in the same order, as one process gives; problems from both halves are kept."""
    import kampung_guide.util.fork
    import kampung_guide.validate.content
    from bench.generate import generate

    folder = generate(tmp_path / "many", 2 * kampung_guide.util.fork.CHECK_APART_FROM)
    edit = lambda name, old, new: (folder / "kampung" / name).write_text(  # noqa: E731
        (folder / "kampung" / name).read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8"
    )
    edit("kampung-00010.yaml", "location:\n", "colour: red\nlocation:\n")  # first half: unknown field
    edit(
        "kampung-00390.yaml", "  id: |\n", "  id: |\n    [Lihat](/kampung/tidak-ada/)\n"
    )  # second half: a link to nowhere
    split = []
    in_two = kampung_guide.validate.content.load_profiles_in_two

    def spy(*args):
        split.append(1)
        return in_two(*args)

    monkeypatch.setattr(kampung_guide.validate.content, "load_profiles_in_two", spy)
    two = load_site(folder)
    monkeypatch.setattr(kampung_guide.util.fork, "CHECK_APART_FROM", 10**9)
    one = load_site(folder)
    assert split == [1]  # the first load did use two processes
    assert two[0] is None and one[0] is None  # the errors stop the build either way
    assert [p.render() for p in two[1].problems] == [p.render() for p in one[1].problems]
    assert {(p.file.rsplit("/", 1)[-1], p.key) for p in one[1].errors} == {
        ("kampung-00010.yaml", "unknown_field"),
        ("kampung-00390.yaml", "broken_link"),
    }
    edit("kampung-00010.yaml", "colour: red\n", "")
    edit("kampung-00390.yaml", "/kampung/tidak-ada/", "/kampung/kampung-00001/")
    site_two, _ = load_site(folder)
    monkeypatch.setattr(kampung_guide.util.fork, "CHECK_APART_FROM", 10**9)
    site_one, _ = load_site(folder)
    assert site_two is not None and site_two == site_one

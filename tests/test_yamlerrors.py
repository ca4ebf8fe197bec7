"""YAML syntax errors as an editor can act on them: the line of the mistake (where a quote or a
bracket opened, the line whose indentation is off), a message key with the fix, the line quoted,
and never the parser's own English words."""

import re

import pytest

from kampung_guide.load.yamlfile import YamlError, parse_yaml
from kampung_guide.util.messages import MESSAGES, format_message

from conftest import KAMPUNG, SITE, run_build, write_content

CASES = [
    # (text, line, key, params that must be there)
    (
        'name: x\nsummary: "Kampung batik\ndescription: y\nlocation:\n  lat: 1\n',
        2,
        "yaml_unclosed_quote",
        {"quote": '"', "fix": 'summary: "Kampung batik"'},
    ),
    ("name: x\nsummary: 'Kampung batik\nother: y\n", 2, "yaml_unclosed_quote", {"fix": "summary: 'Kampung batik'"}),
    ('name: {id: "Kampung, en: x}\n', 1, "yaml_unclosed_quote", {"fix": 'name: {id: "Kampung", en: x}'}),
    ('summary: "abc\n---\nx: 1\n', 1, "yaml_unclosed_quote", {}),
    ("name: x\ntags: [a, b\nother: y\n", 2, "yaml_unclosed_bracket", {"open": "[", "close": "]"}),
    ("tags: [a, b]\nname: {id: x\n", 2, "yaml_unclosed_bracket", {"open": "{", "close": "}"}),
    ("name: {id: Kampung: Batik, en: x}\n", 1, "yaml_flow_text", {}),
    ("name: x\n  category: y\nother: z\n", 2, "yaml_indent", {"spaces": 2, "choices": (0,)}),
    ("location:\n  lat: 1\n lon: 2\n", 3, "yaml_indent", {"spaces": 1, "choices": (0, 2)}),
    ("name: x\nlocation:\n  lat: 1\n  lon: 2\n   address: Jalan\n", 5, "yaml_indent", {"choices": (2,)}),
    ("location:\n  lat: 1\n\n opening_hours: Mo-Sa 08:00-16:00\n", 4, "yaml_indent", {"choices": (0, 2)}),
    ("products:\n  - name: a\n    price_idr: 1\n   - name: b\n", 4, "yaml_indent", {"choices": (2, 4)}),
    ("products:\n  - name: a\n   price_idr: 1\n", 3, "yaml_indent", {"choices": (2, 4)}),
    ("description:\n  id: |\n    teks\n   lagi\nname: x\n", 4, "yaml_indent_text", {"choices": (4,)}),
    ("name: x\nsummary: Buka: pagi\n", 2, "yaml_colon_in_text", {"fix": 'summary: "Buka: pagi"'}),
    ("summary: Kampung batik\n  yang terkenal. Buka: pagi\n", 2, "yaml_colon_in_long_text", {}),
    ("contact:\n  instagram: @kampung\n", 2, "yaml_reserved_start", {"char": "@", "fix": 'instagram: "@kampung"'}),
    ("name: `x`\n", 1, "yaml_reserved_start", {"char": "`"}),
    ("name: *x\n", 1, "yaml_reserved_start", {"char": "*"}),
    ("name: &\n", 1, "yaml_reserved_start", {"char": "&"}),
    ('name: "Kampung" Batik\n', 1, "yaml_after_quote", {"fix": "name: '\"Kampung\" Batik'"}),
    ('summary: "Kata "batik" di sini"\n', 1, "yaml_after_quote", {"fix": "summary: 'Kata \"batik\" di sini'"}),
    ("tags: [a, b]]\n", 1, "yaml_after_bracket", {"close": "]"}),
    ("name: x\ncategory\nsummary: y\n", 2, "yaml_no_colon", {}),
    ("name: x\ncategory:batik\nsummary: y\n", 2, "yaml_colon_space", {"fix": "category: batik"}),
    ("photos:\n  - file: a.jpg\n    alt: b\n  -file: c\n", 4, "yaml_dash_space", {"fix": "- file: c"}),
    ("name: x\n- a\n", 2, "yaml_item_here", {}),
    ("description: |x\n  a\n", 1, "yaml_block_indicator", {"indicator": "|"}),
    ("a: 1\n---\nb: 2\n", 2, "yaml_second_document", {}),
    ('name: "C:\\q"\n', 1, "yaml_escape", {"fix": "name: 'C:\\q'"}),
    ("a:\n  b: 1\n\tc: 2\n", 3, "yaml_tab", {}),
]


@pytest.mark.parametrize("text, line, key, params", CASES, ids=[c[2] + f"-{i}" for i, c in enumerate(CASES)])
def test_syntax_errors_name_the_line_of_the_mistake_and_the_fix(text, line, key, params):
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    error = caught.value
    assert (error.line, error.key) == (line, key), format_message(error.key, error.params, "en")
    assert params.items() <= error.params.items()
    assert error.excerpt == text.splitlines()[line - 1].rstrip()
    for lang in ("en", "id"):
        assert not re.search(r"\{[a-z_]+\}", format_message(error.key, error.params, lang))


PARSER_WORDS = re.compile(r"mapping values|did not find|expected <|while scanning|while parsing|could not find|token")


def test_no_message_carries_the_parsers_words():
    for key, texts in MESSAGES.items():
        for text in texts:
            assert not PARSER_WORDS.search(text), key


def test_a_long_line_is_quoted_shortened():
    with pytest.raises(YamlError) as caught:
        parse_yaml("summary: Buka: " + "x" * 300 + "\n")
    assert len(caught.value.excerpt) == 120 and caught.value.excerpt.endswith("…")


def test_inline_languages_cut_by_a_comma_say_to_quote(tmp_path):
    """`{id: Kelurahan A, Kota B, en: …}`: YAML reads `Kota B` as a language; the message says why and
    how to write it, instead of "'Kota B' is not one of the site's languages"."""
    profile = KAMPUNG.replace("  lon: 112.43", "  lon: 112.43\n  address: {id: Kelurahan A, Kota B, en: Town B}")
    result = run_build("check", "--content", str(write_content(tmp_path, {"kampung/batik.yaml": profile})))
    assert result.returncode == 1
    assert (
        "batik.yaml:14: location.address: the comma after 'Kelurahan A' ends the id text, so 'Kota B' is read "
        'as another language; put the text in quotes (id: "Kelurahan A, Kota B") or write each language on its own line'
    ) in result.stderr
    assert "not one of the site's languages" not in result.stderr
    block = KAMPUNG.replace("  lon: 112.43", "  lon: 112.43\n  address:\n    id: Kelurahan A, Kota B\n    en: Town B")
    assert (
        run_build("check", "--content", str(write_content(tmp_path / "b", {"kampung/batik.yaml": block}))).returncode
        == 0
    )


def test_a_wrong_language_key_is_still_reported_as_such(tmp_path):
    profile = KAMPUNG.replace("  lon: 112.43", "  lon: 112.43\n  address: {id: Kelurahan A, fr: Quartier A}")
    result = run_build("check", "--content", str(write_content(tmp_path, {"kampung/batik.yaml": profile})))
    assert "'fr' is not one of the site's languages" in result.stderr and "comma" not in result.stderr


@pytest.mark.parametrize(
    "edit, message",
    [
        ({"site.yaml": SITE.replace("zoom: 14", 'zoom: "14')}, 'site.yaml:7: the quote " opened on this line'),
        ({"categories.yaml": "batik:\n  name: Batik\n color: x\n"}, "categories.yaml:3: the indentation of this line"),
        ({"pages/tentang.md": "---\ntitle: Tentang: kami\n---\nTeks\n"}, "tentang.md:2: the text contains ': '"),
    ],
)
def test_every_kind_of_file_gets_the_explanation_and_the_quoted_line(tmp_path, edit, message):
    result = run_build("check", "--content", str(write_content(tmp_path, edit)))
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert re.search(r"^ +\d+ \| ", result.stderr, re.M) and "Traceback" not in result.stderr


SESSION = "experiences:\n  - name: Kelas\n    schedule:\n      - days: [Sa]\n"


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            SESSION + '        start: 8.00\n        end: "10:00"\n',
            "experiences[0].schedule[0].start: 8.00 reads as a number, not a time; write the time with a colon, "
            'in quotes: "08:00"',
        ),
        (
            SESSION + '        start: "08:00"\n        end: 9.30\n',
            "experiences[0].schedule[0].end: 9.30 reads as a number, not a time; write the time with a colon, "
            'in quotes: "09:30"',
        ),
        (
            "products:\n  - name: Kain\n    price_idr: Rp 25.000,-\n",
            "products[0].price_idr: Rp 25.000,- is text for YAML, not a number; for 25000 rupiah write 25000, "
            "without dots or 'Rp'",
        ),
        (
            "products:\n  - name: Kain\n    price_idr: 1.500.000\n",
            "products[0].price_idr: 1.500.000 is text for YAML, not a number; for 1500000 rupiah write 1500000",
        ),
        ("opening_hours: Mo-Fr 8:00-16.30\n", "opening_hours: '8:00-16.30' is not understood: times are written"),
        ("photos:\n  - file: Ada.JPG\n    alt: Foto\n", "photos[0].file: the photo 'Ada.JPG' is not in"),
    ],
)
def test_common_slips_in_values_say_what_to_write(tmp_path, edit, message):
    from conftest import JPEG

    content = write_content(tmp_path, {"kampung/batik.yaml": KAMPUNG + edit, "images/ada.jpg": JPEG})
    result = run_build("check", "--content", str(content))
    assert result.returncode == 1 and message in result.stderr, result.stderr
    if "Ada.JPG" in edit:
        assert "did you mean 'ada.jpg'?" in result.stderr
    if "opening_hours" in edit:
        assert "write: Mo-Fr 08:00-16:30" in result.stderr

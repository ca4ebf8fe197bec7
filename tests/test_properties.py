"""Property-based: any profile either builds a complete, well-linked site, or fails with
`file:line` messages and leaves the output folder untouched. Never a traceback."""

import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kampung_guide.cli import main

from conftest import snapshot, write_content

texts = st.one_of(st.text(min_size=0, max_size=40), st.sampled_from(["Batik", "<b>x</b>", "10:00", "no", "${x}"]))
numbers = st.one_of(
    st.integers(-1000, 1_000_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([-7.47, 112.43, 25.000, 0]),
)
values = st.one_of(texts, numbers, st.booleans(), st.none(), st.lists(st.integers(0, 10), max_size=3))
texts_or_lang = st.one_of(texts, st.fixed_dictionaries({"id": texts}, optional={"en": texts, "fr": texts}))

profiles = st.fixed_dictionaries(
    {
        "name": texts_or_lang,
        "category": st.sampled_from(["batik", "kuliner", "batk", ""]),
        "summary": texts_or_lang,
        "description": texts_or_lang,
        "location": st.fixed_dictionaries(
            {"lat": st.one_of(st.floats(-7.6, -7.3), numbers), "lon": st.one_of(st.floats(112.3, 112.6), numbers)},
            optional={"approximate": values, "address": texts},
        ),
    },
    optional={
        "products": st.lists(
            st.fixed_dictionaries({"name": texts_or_lang}, optional={"price_idr": values}), max_size=3
        ),
        "opening_hours": st.sampled_from(["Mo-Sa 08:00-16:00", "24/7", "Mo 8-10", "Su off; PH off"]),
        "tags": st.lists(texts, max_size=3),
        "extra_field": values,
    },
)

LINE = re.compile(r"^\S+:\d+: ")
QUOTED = re.compile(r"^ +\d+ \| ")  # the text of the line an error names, under it


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src") and v and tag != "base"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(profiles, min_size=1, max_size=3))
def test_random_profiles_build_or_fail_cleanly(tmp_path, capsys, generated):
    files = {f"kampung/k{i}.yaml": json.dumps(p, allow_nan=True) + "\n" for i, p in enumerate(generated)}
    root = Path(tempfile.mkdtemp(prefix="case", dir=tmp_path))  # Hypothesis may run one example twice
    content = write_content(root, {"kampung/batik.yaml": None, **files})
    out = root / "site"
    out.mkdir()
    (out / "index.html").write_text("previous site")
    (out / ".kampung-guide-files").write_text("index.html\n")
    before = snapshot(out)
    capsys.readouterr()
    status = main(["build", "--content", str(content), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if status == 1:
        assert snapshot(out) == before
        lines = err.splitlines()[:-1]
        problems = [line for line in lines if not line.startswith("error:") and not QUOTED.match(line)]
        assert problems and all(LINE.match(line) for line in problems), err
        for i, line in enumerate(lines):  # a quoted line of the file stands under its problem
            assert not QUOTED.match(line) or (i and LINE.match(lines[i - 1])), err
        return
    assert status == 0, err
    site = snapshot(out)
    for i in range(len(generated)):
        assert f"kampung/k{i}/index.html" in site and f"en/kampung/k{i}/index.html" in site
    for name, data in site.items():
        if not name.endswith(".html") or name.endswith("404.html"):
            continue
        parser = Links()
        parser.feed(data.decode())
        for url in parser.urls:
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", url):
                continue
            target = normpath("/".join([*name.split("/")[:-1], url.split("#")[0].split("?")[0]]))
            target = (
                target + "/index.html" if url.split("#")[0].split("?")[0].endswith("/") or target == "." else target
            )
            target = target.removeprefix("./")
            assert target in site, (name, url, target)


# Markdown pieces that trigger each inline pattern, mixed with plain words, tabs and line ends.
markdown_bits = st.sampled_from(
    [
        "kain",
        " ",
        "\n",
        "\n\n",
        "  \n",
        "\t\n",
        "\t",
        "`",
        "``",
        "\\",
        "\\*",
        "[",
        "]",
        "(",
        ")",
        "![",
        "[a](/kampung/x/)",
        "[b]: https://b.example",
        "[b]",
        "![i](x.jpg)",
        "<",
        ">",
        "<https://a.example>",
        "<a@b.example>",
        "<b>",
        "</b>",
        "&amp;",
        "&",
        "&#65;",
        "*",
        "**",
        "_",
        "__",
        "# ",
        "- ",
        "1. ",
        "> ",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "    code",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(markdown_bits, max_size=30).map("".join))
def test_markdown_without_untriggerable_patterns_converts_the_same(text):
    """The converter chosen by a text's marker characters gives what the full converter gives."""
    import markdown as python_markdown

    from kampung_guide.render.markdown import converter

    full = python_markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    assert converter(text).convert(text) == full.convert(text)

"""The editor without a browser: a real `build.py serve` answering real HTTP requests. Writes need
the page's CSRF token and a same-origin Origin; a foreign Host is refused; uploads that are not
photos or too large are refused; a stored photo has no EXIF; a save based on an old version is
refused. And, for generated profiles, what the editor writes reads back as the same content."""

from __future__ import annotations

import json
import re
import time
import urllib.parse

import pytest
from editor_support import encode, form_fields, http, make_project, photo_with_gps, serving
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kampung_guide.edit import documents
from kampung_guide.edit.forms import FormContext, build_form, fields_of
from kampung_guide.edit.guard import Guard, Request, split_host
from kampung_guide.edit.readform import Form, apply_op, read_form
from kampung_guide.edit.server import Editor, LoadedPreview
from kampung_guide.edit.yamlwrite import rewrite
from kampung_guide.load.yamlfile import parse_yaml
from kampung_guide.util.problems import Report
from kampung_guide.validate import schema, specs
from kampung_guide.validate.specs import INVALID, Ctx

from conftest import KAMPUNG, write_content


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    content, _ = make_project(tmp_path_factory.mktemp("editor-server"))
    with serving(content) as server:
        yield server


def host_of(served) -> str:
    return urllib.parse.urlsplit(served.url).netloc


def open_form(served, path: str) -> dict[str, list[str]]:
    """GET an editor form; the fields a browser would send back from it."""
    status, _, page = http(served.url + path)
    assert status == 200, page
    return form_fields(page)


def post(served, path: str, fields: dict, origin: str | None = "same", host: str | None = None, **headers):
    headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    if origin == "same":
        headers["Origin"] = served.url.rstrip("/")
    elif origin:
        headers["Origin"] = origin
    if host:
        headers["Host"] = host
    return http(served.url + path, encode(fields), headers, "POST")


# -- Host, Origin, CSRF ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["_editor/", "_editor/kampung/onde-onde/", "", "kampung/onde-onde/"])
def test_a_foreign_host_gets_nothing(served, path):
    """A page on another site can point its own name at 127.0.0.1 (DNS rebinding): refused."""
    port = urllib.parse.urlsplit(served.url).port
    assert http(served.url + path)[0] == 200
    assert http(served.url + path, headers={"Host": f"localhost:{port}"})[0] == 200
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1:{port + 1}", f"127.0.0.1.evil.example:{port}"):
        status, _, body = http(served.url + path, headers={"Host": host})
        assert status == 403 and "Refused" in body, host


def test_a_write_needs_the_token_and_a_same_origin(served):
    profile = served.content / "kampung" / "gerabah-uji.yaml"
    before = profile.read_bytes()
    fields = open_form(served, "_editor/kampung/gerabah-uji/")
    fields["name.en"] = ["Changed by a stranger"]
    no_token = {k: v for k, v in fields.items() if k != "_csrf"}
    wrong_token = {**fields, "_csrf": ["x" * 43]}
    attempts = [
        (no_token, "same", None),
        (wrong_token, "same", None),
        (fields, "http://evil.example", None),
        (fields, None, None),  # no Origin at all
        (fields, "null", None),
        (fields, "same", "evil.example"),
    ]
    for data, origin, host in attempts:
        status, _, body = post(served, "_editor/kampung/gerabah-uji/", data, origin, host)
        assert status == 403 and "Refused" in body, (origin, host, status)
        assert profile.read_bytes() == before
    for api in ("check", "op", "upload", "geocode"):  # the page's script gets the same treatment
        assert post(served, f"_editor/api/{api}/", no_token)[0] == 403
    status, headers, _ = post(served, "_editor/kampung/gerabah-uji/", fields)  # the page itself may
    assert status == 303 and headers["Location"] == "/_editor/kampung/gerabah-uji/?saved=1"
    assert "name: {id: Kampung Gerabah Uji, en: Changed by a stranger}" in profile.read_text(encoding="utf-8")
    assert post(served, "_editor/kampung/gerabah-uji/undo/", {"_csrf": fields["_csrf"]})[0] == 303
    assert profile.read_bytes() == before


def test_guard_reads_host_headers_strictly():
    guard = Guard(8000)
    assert split_host("127.0.0.1:8000") == ("127.0.0.1", 8000) and split_host("[::1]:80") == ("::1", 80)
    assert guard.allowed_host("127.0.0.1:8000") and guard.allowed_host("LOCALHOST:8000")
    for host in ("", "127.0.0.1", "127.0.0.1:80", "192.168.1.5:8000", "evil.example:8000", "127.0.0.1:8000:1"):
        assert not guard.allowed_host(host), host
    public = Guard(8000, public=True)
    assert public.allowed_host("192.168.1.5:8000") and public.allowed_host("[fe80::1]:8000")
    assert not public.allowed_host("evil.example:8000")  # a name someone else controls
    request = Request("GET", "/_editor/", {}, {"host": "192.168.1.5:8000"})
    refused = public.check(request)
    assert refused is not None and refused.status == 403  # no key


# -- uploads ---------------------------------------------------------------------------------------


def multipart(fields: dict[str, list[str]], name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "----kampung-guide-test"
    parts = []
    for key, values in fields.items():
        for value in values:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="{name}"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload(served, data: bytes, name: str = "IMG_2041.jpg"):
    fields = open_form(served, "_editor/kampung/ukir-uji/")
    body, kind = multipart(fields, name, data)
    headers = {"Content-Type": kind, "Origin": served.url.rstrip("/")}
    return http(served.url + "_editor/api/upload/", body, headers, "POST")


def images(served) -> list[str]:
    return sorted(p.name for p in (served.content / "images").iterdir())


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (b"GIF89a not really", 400, "bukan foto yang bisa dipakai panduan"),
        (b"%PDF-1.4\n" + b"x" * 5000, 400, "bukan foto yang bisa dipakai panduan"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 200, 400, "bukan foto yang bisa dipakai panduan"),  # a JPEG's first bytes only
        (b"\xff\xd8" + b"\0" * 15_050_000, 400, "foto paling besar 15 MB"),
        (b"\xff\xd8" + b"\0" * 16_000_000, 413, "lebih dari 15 MB"),
    ],
    ids=["gif-text", "pdf", "truncated-jpeg", "just-over-15-mb", "16-mb"],
)
def test_an_upload_that_is_not_a_usable_photo_is_refused(served, data, status, message):
    before = images(served)
    answer, _, body = upload(served, data, "photo.jpg")
    assert answer == status and message in body
    assert images(served) == before


def test_a_body_beyond_any_photo_is_refused_unread(served):
    headers = {"Content-Type": "application/octet-stream", "Content-Length": str(50_000_000)}
    assert http(served.url + "_editor/api/upload/", b"", headers, "POST")[0] == 413


def test_a_stored_photo_is_upright_has_no_exif_and_a_name_the_server_chose(served):
    status, _, body = upload(served, photo_with_gps(), "../../../etc/passwd.jpg")
    assert status == 200, body
    stored = served.content / "images" / "ukir-uji-1.jpg"
    assert '"file": "ukir-uji-1.jpg"' in body and stored.is_file()
    assert not (served.content.parent.parent / "etc").exists()
    with Image.open(stored) as img:
        assert img.format == "JPEG" and img.size == (900, 1200)
        assert not img.getexif() and not img.getexif().get_ifd(0x8825)
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(img.info)
        pixel = img.getpixel((850, 20))
        assert isinstance(pixel, tuple) and pixel[0] > 200, (
            "the light bar of the stored top-left is now at the top right"
        )
    assert b"Exif" not in stored.read_bytes() and b"PhoneMaker" not in stored.read_bytes()
    stored.unlink()


# -- saving ------------------------------------------------------------------------------------------


def test_a_save_made_from_an_old_version_is_refused_and_shows_both(served):
    profile = served.content / "kampung" / "tenun-uji.yaml"
    fields = open_form(served, "_editor/kampung/tenun-uji/")
    colleague = profile.read_text(encoding="utf-8").replace("approximate: true", "approximate: false")
    profile.write_text(colleague, encoding="utf-8")
    fields["summary.en"] = ["Typed in a form opened before the colleague saved."]
    status, _, page = post(served, "_editor/kampung/tenun-uji/", fields)
    assert status == 409
    assert profile.read_text(encoding="utf-8") == colleague
    assert "approximate: false" in page and "Typed in a form opened before the colleague saved." in page
    assert f'name="_version" value="{fields["_version"][0]}"' in page  # saving again is refused again
    assert post(served, "_editor/kampung/tenun-uji/", form_fields(page))[0] == 409


def test_a_save_with_errors_writes_nothing_and_keeps_the_draft(served):
    profile = served.content / "kampung" / "onde-onde.yaml"
    before = profile.read_bytes()
    fields = open_form(served, "_editor/kampung/onde-onde/")
    fields["location.lat"] = ["999"]
    status, _, page = post(served, "_editor/kampung/onde-onde/", fields)
    assert status == 422 and profile.read_bytes() == before
    assert re.search(r'id="f-location-lat"[^>]*aria-describedby="[^"]*problem-0"[^>]*aria-invalid="true"', page)
    assert 'id="problem-0"><span class="problem__kind">Kesalahan:</span> 999 bukan garis lintang' in page


def test_a_new_kampung_needs_a_free_address(served):
    fields = open_form(served, "_editor/new/kampung/")
    fields.update({"name.id": ["Kampung Baru Uji"], "category": ["kuliner"], "summary.id": ["Rekaan."]})
    fields.update({"description.id": ["Rekaan."], "location.lat": ["-7.47"], "location.lon": ["112.43"]})
    for slug, message in (("onde-onde", "sudah dipakai"), ("../etc", "tidak bisa jadi alamat"), ("", "wajib")):
        status, _, page = post(served, "_editor/new/kampung/", {**fields, "_slug": [slug]})
        assert status == 422 and message in page, slug
    assert not (served.content / "etc.yaml").exists() and not (served.content / "kampung" / ".yaml").exists()
    status, headers, _ = post(served, "_editor/new/kampung/", {**fields, "_slug": ["baru-uji"]})
    assert status == 303 and headers["Location"] == "/_editor/kampung/baru-uji/?saved=1"
    saved = parse_yaml((served.content / "kampung" / "baru-uji.yaml").read_text(encoding="utf-8")).value
    assert isinstance(saved, dict) and saved["location"] == {"lat": -7.47, "lon": 112.43}


def test_check_while_typing_names_the_field_of_each_problem(served):
    fields = open_form(served, "_editor/kampung/onde-onde/")
    fields["location.lat"] = ["999"]
    fields["products[0].price_idr[0]"] = ["25.000"]
    status, _, body = post(served, "_editor/api/check/", fields)
    assert status == 200
    assert '"target": "f-location-lat"' in body and '"target": "f-products-0-price_idr-0"' in body
    assert "untuk 25000 rupiah tulis 25000 tanpa titik" in body


def test_the_editor_speaks_english_when_asked(served):
    status, headers, _ = http(served.url + "_editor/?lang=en")
    assert status == 303 and "kampung_guide_editor_lang=en" in headers["Set-Cookie"]
    status, _, page = http(
        served.url + "_editor/kampung/onde-onde/", headers={"Cookie": "kampung_guide_editor_lang=en"}
    )
    assert '<html lang="en">' in page and ">Save</button>" in page and "Simpan" not in page


def test_the_preview_links_to_the_editor_but_the_built_site_does_not(served, tmp_path):
    page = http(served.url + "kampung/onde-onde/")[2]
    assert 'href="/_editor/kampung/onde-onde/"' in page
    from conftest import run_build

    out = tmp_path / "site"
    assert run_build("build", "--content", str(served.content), "--out", str(out)).returncode == 0
    assert not [p for p in out.rglob("*") if p.is_file() and b"_editor" in p.read_bytes()]
    assert not (out / "assets" / "editor.js").exists()


# -- on the office's network: the key -----------------------------------------------------------------


def test_on_the_network_every_request_needs_the_key(tmp_path):
    content = write_content(tmp_path)
    with serving(content, "--host", "0.0.0.0") as server:
        printed = "".join(server.output)
        found = re.search(r"/_editor/\?key=([\w-]+)", printed)
        assert found, printed
        key = found[1]
        assert "█" in printed or "▀" in printed, "a QR code of the address"
        port = urllib.parse.urlsplit(server.url).port
        host = {"Host": f"192.168.1.20:{port}"}
        for path in ("", "_editor/", "assets/style.css", "__preview/reload.js"):
            assert http(server.url + path, headers=host)[0] == 403, path
        status, headers, _ = http(server.url + f"_editor/?key={key}", headers=host)
        assert status == 303 and headers["Location"] == "/_editor/"
        cookie = headers["Set-Cookie"].split(";")[0]
        assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
        assert http(server.url + "_editor/", headers={**host, "Cookie": cookie})[0] == 200
        assert http(server.url + "_editor/", headers={**host, "Cookie": cookie[:-1] + "x"})[0] == 403
        assert http(server.url + "_editor/", headers={"Host": f"evil.example:{port}", "Cookie": cookie})[0] == 403


# -- what is written reads back as the same content -----------------------------------------------------

TRICKY = ["10:00", "no", "yes", "Yes", "off", "null", "~", "25.000", "1e3", "0x1F", "#x", "- a", "a: b", "'q'", '"q"']
TRICKY += ["@handle", "`code`", "[x]", "{y}", "!tag", "&a", "*b", "%p", "a # b", " lead", "trail ", "2026-12-05"]
ODD = ["\x85", "\u2028", "\u2029", "\ufeff", "\x80", "\x9f", "\x7f", "\t", "\x1b", "\x00", "\xa0", "\U0001f361"]
TEXT = st.text(
    st.one_of(st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs")), st.sampled_from(ODD)),
    min_size=1,
    max_size=30,
)
LINE = st.one_of(st.sampled_from(TRICKY), TEXT).map(str.strip).filter(bool)


def strategy(spec, languages=("id", "en")):
    """Values of the content format, generated from its specs (valid in kind, tricky in text)."""
    if isinstance(spec, specs.Obj):
        required = {name: strategy(f.spec, languages) for name, f in spec.fields.items() if f.required}
        optional = {name: strategy(f.spec, languages) for name, f in spec.fields.items() if not f.required}
        return st.fixed_dictionaries(required, optional=optional)
    if isinstance(spec, specs.ListOf):
        return st.lists(strategy(spec.item, languages), min_size=1, max_size=3)
    if isinstance(spec, specs.TextSpec):
        one = st.lists(LINE, min_size=1, max_size=3).map("\n\n".join) if spec.markdown else LINE
        mapping = st.fixed_dictionaries({languages[0]: one}, optional={lang: one for lang in languages[1:]})
        return st.one_of(one, mapping)
    if isinstance(spec, specs.Number):
        low, high = spec.low if spec.low is not None else -1e6, spec.high if spec.high is not None else 1e6
        whole = st.integers(int(low), int(high))
        return whole if spec.integer else st.one_of(whole, st.floats(low, high, allow_nan=False))
    if isinstance(spec, specs.PriceSpec):
        return st.one_of(st.integers(0, 10**7), st.lists(st.integers(0, 10**7), min_size=2, max_size=2).map(sorted))
    if isinstance(spec, specs.Bool):
        return st.booleans()
    if isinstance(spec, specs.Choice):
        return st.sampled_from(spec.choices)
    if isinstance(spec, specs.Ref):
        return st.sampled_from(["batik", "kuliner"])
    if isinstance(spec, specs.HoursSpec):
        return st.sampled_from(["Mo-Sa 08:00-16:00; Su off", "24/7", "Sa,Su 09:00-12:00,13:00-15:00; PH off"])
    if isinstance(spec, specs.Clock):
        return st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
    if isinstance(spec, specs.IsoDate):
        return st.dates().map(lambda d: d.isoformat())
    if isinstance(spec, specs.WhatsApp):
        return st.sampled_from(["0812 3456 7890", "+62 812-3456-7890", "6281234567890"])
    if isinstance(spec, specs.Str) and spec.pattern is not None:
        return st.from_regex(spec.pattern, fullmatch=True).filter(lambda s: s == s.strip() and s.isprintable())
    return LINE


PROFILES = strategy(schema.KAMPUNG)
SAMPLE = (documents.Path(__file__).resolve().parent.parent / "content" / "kampung" / "onde-onde.yaml").read_text()


def model_of(value):
    """What the build makes of a value (the checked model, or the problems' keys)."""
    report = Report()
    checked = schema.KAMPUNG.check(
        value, (), Ctx("x.yaml", parse_yaml("{}"), report, ("id", "en"), frozenset({"batik", "kuliner"}))
    )
    return checked if checked is not INVALID else sorted(p.key for p in report.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROFILES)
def test_a_written_profile_reads_back_as_the_same_content(profile):
    """load(write(profile)) == profile, written as a new file and over the sample profile."""
    for text in (rewrite("", profile), rewrite(SAMPLE, profile)):
        assert parse_yaml(text).value == profile
    assert model_of(parse_yaml(rewrite(SAMPLE, profile)).value) == model_of(profile)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROFILES)
def test_the_text_checked_while_typing_holds_the_same_value(profile):
    """The quick text the form is checked with while typing (documents.draft) reads back as the value."""
    source = documents.Source("kampung", "x", documents.Path("x.yaml"), None)
    assert parse_yaml(documents.draft(source, profile)).value == profile


def test_pasted_control_characters_are_left_out():
    from kampung_guide.edit.readform import clean

    assert clean("Batik\x00 tulis\u200b\ufeff\x1b[0m") == "Batik tulis\u200b[0m"
    assert clean("satu\u2028dua\x85tiga") == "satu\ndua\ntiga"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROFILES)
def test_a_profile_opened_and_saved_unchanged_is_the_same_file(profile):
    """The form shows a file; sent back untouched, it gives the same value and the same bytes."""
    text = documents.header("kampung") + rewrite("", profile)
    source = documents.Source("kampung", "x", documents.Path("x.yaml"), text)
    context = FormContext("kampung", "id", ("id", "en"), {"batik": "Batik", "kuliner": "Kuliner"})
    fields = fields_of(build_form(schema.KAMPUNG, profile, context))
    back = read_form(schema.KAMPUNG, Form(fields), profile, ("id", "en"))
    assert back == profile
    assert documents.apply(source, back) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROFILES, st.data())
def test_a_list_change_in_the_form_changes_only_that_list(profile, data):
    """Removing or moving an item of a list gives the list so changed, everything else as it was."""
    lists = [name for name, value in profile.items() if isinstance(value, list) and name != "tags"]
    names = lists + (["tags"] if profile.get("tags") else [])
    if not names:
        return
    name = data.draw(st.sampled_from(names))
    index = data.draw(st.integers(0, len(profile[name]) - 1))
    op = data.draw(st.sampled_from(["remove", "up", "down"]))
    context = FormContext("kampung", "en", ("id", "en"), {"batik": "Batik", "kuliner": "Kuliner"})
    form, _ = apply_op(Form(fields_of(build_form(schema.KAMPUNG, profile, context))), f"{op}:{name}[{index}]")
    back = read_form(schema.KAMPUNG, form, profile, ("id", "en"))
    items = list(profile[name])
    if op == "remove":
        del items[index]
    else:
        other = index - 1 if op == "up" else index + 1
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
    expected = {**profile, name: items} if items else {k: v for k, v in profile.items() if k != name}
    assert back == expected


def test_new_yaml_11_traps_are_quoted_and_untouched_lines_stay():
    content = KAMPUNG + "opening_hours: Mo-Sa 08:00-16:00\n"
    value = parse_yaml(content).value
    assert isinstance(value, dict)
    value["tags"] = ["no", "10:00"]
    assert rewrite(content, value) == content + 'tags: ["no", "10:00"]\n'


# -- the editor's words ----------------------------------------------------------------------------------


def test_every_field_has_a_label_and_a_description_in_both_languages():
    """fieldtext follows the content format: an entry for each field, none for a field that is gone."""
    from kampung_guide.edit.fieldtext import FIELDS
    from kampung_guide.edit.forms import ROOT_SPECS, describe

    for kind, spec in ROOT_SPECS.items():
        paths = [path for path, _, _ in schema.field_table(spec)]
        assert sorted(FIELDS[kind]) == sorted(paths), kind
        for path in paths:
            words = FIELDS[kind][path]
            assert words.en and words.id and words.id_description, (kind, path)
            steps = tuple(int(step) if step == "0" else step for step in path.replace("[]", ".0").split("."))
            assert describe(kind, steps, "en") and describe(kind, steps, "id"), (kind, path)
        for name, fld in spec.fields.items():
            if isinstance(fld.spec, specs.ListOf) and not isinstance(fld.spec.item, specs.Choice):
                assert FIELDS[kind][name].item, (kind, name)


def test_the_editor_words_exist_in_both_languages_with_the_same_blanks():
    from kampung_guide.edit.words import WORDS

    assert WORDS["id"].keys() == WORDS["en"].keys()
    for key in WORDS["id"]:
        blanks = [set(re.findall(r"\{(\w+)\}", WORDS[lang][key])) for lang in ("id", "en")]
        assert blanks[0] == blanks[1], key
        assert WORDS["id"][key] != WORDS["en"][key] or key == "kampung_heading", key  # "Kampung (7)" in both


def test_editor_pages_carry_a_strict_content_security_policy(served):
    """No inline script or style can run on an editor page, and no other site may frame it."""
    status, headers, _ = http(served.url + "_editor/kampung/onde-onde/")
    policy = headers["Content-Security-Policy"]
    assert status == 200 and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "https://tile.openstreetmap.org" in policy
    assert headers["X-Frame-Options"] == "DENY"


def test_a_file_that_is_not_yaml_opens_as_text_and_saves_only_when_fixed(served):
    profile = served.content / "kampung" / "ukir-uji.yaml"
    good = profile.read_text(encoding="utf-8")
    broken = good.replace("category: kuliner", "category: kuliner: batik")
    profile.write_text(broken, encoding="utf-8")
    status, headers, _ = http(served.url + "_editor/kampung/ukir-uji/")
    assert status == 303 and headers["Location"] == "/_editor/kampung/ukir-uji/text/"
    status, _, page = http(served.url + "_editor/kampung/ukir-uji/text/")
    assert status == 200 and "Baris 4" in page and "teksnya memuat ': ', yang dibaca YAML" in page.replace("&#39;", "'")
    fields = {k: v for k, v in form_fields(page.replace('class="edit-form"', 'id="edit-form"')).items()}
    fields["text"] = [broken.replace("tags:", "tags: [")]
    assert post(served, "_editor/kampung/ukir-uji/text/", fields)[0] == 422
    assert profile.read_text(encoding="utf-8") == broken
    fields["text"] = [good]
    status, headers, _ = post(served, "_editor/kampung/ukir-uji/text/", fields)
    assert status == 303 and profile.read_text(encoding="utf-8") == good
    fields["text"] = [good.replace("Ukir Uji", "Ukir Lain")]  # the version it was opened from is gone now
    status, _, page = post(served, "_editor/kampung/ukir-uji/text/", fields)
    assert status == 409 and profile.read_text(encoding="utf-8") == good
    assert f'name="_version" value="{fields["_version"][0]}"' in page


def test_categories_yaml_as_a_whole_opens_as_text(served):
    status, _, page = http(served.url + "_editor/categories/text/")
    assert status == 200 and "kuliner:" in page and 'action="/_editor/categories/text/"' in page


def test_a_page_opened_before_a_restart_can_still_save(tmp_path):
    """The CSRF token outlives the server (kept in .cache/editor/, readable by its user only); the key
    for the network does not."""
    content = write_content(tmp_path)
    with serving(content) as first:
        fields = open_form(first, "_editor/kampung/batik/")
    assert (tmp_path / ".cache" / "editor" / "csrf-token").stat().st_mode & 0o077 == 0
    with serving(content) as second:
        fields["summary.en"] = ["Saved after a restart."]
        status, _, _ = post(second, "_editor/kampung/batik/", fields)
        assert status == 303 and "Saved after a restart." in (content / "kampung" / "batik.yaml").read_text()


def test_an_uploaded_photo_has_its_variants_made_before_its_profile_is_saved(served):
    """The site's variants of a new photo are encoded in the background at upload, so the preview's
    rebuild after the save that lists it finds them in the cache."""
    cache = served.content.parent / ".cache" / "photos"
    before = set(cache.iterdir()) if cache.is_dir() else set()
    status, _, body = upload(served, photo_with_gps(1600, 1200), "kendi.jpg")
    assert status == 200, body
    deadline = time.monotonic() + 60
    while len(set(cache.iterdir()) - before) < 6 and time.monotonic() < deadline:  # 1600/960/480 px, WebP and JPEG
        time.sleep(0.1)
    assert len(set(cache.iterdir()) - before) == 6
    (served.content / "images" / "ukir-uji-1.jpg").unlink()


# -- the address search ------------------------------------------------------------------------------


def geocode(editor, query: str) -> dict:
    """What the page's script gets for an address search."""
    import json

    return json.loads(editor.geocode(query, "id").body)


def test_the_address_search_asks_nominatim_once_a_second_and_says_when_offline(tmp_path):
    """A local stand-in for Nominatim: the question, the User-Agent its policy asks for, answers kept;
    and without a reachable server, a sentence saying the search needs internet."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from kampung_guide.edit.server import Editor, LoadedPreview

    asked = []

    class Nominatim(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            asked.append((time.monotonic(), self.path, self.headers["User-Agent"]))
            body = json.dumps(
                [{"display_name": "Sentanan, Kranggan, Kota Mojokerto", "lat": "-7.4725", "lon": "112.4285"}]
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

    server = ThreadingHTTPServer(("127.0.0.1", 0), Nominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    content = write_content(tmp_path)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/search"
        editor = Editor(content, "content", LoadedPreview(content, "content"), Guard(8000), "id", geocoder=url)
        found = geocode(editor, "  Sentanan   Mojokerto ")
        assert found == {"places": [{"name": "Sentanan, Kranggan, Kota Mojokerto", "lat": -7.4725, "lon": 112.4285}]}
        geocode(editor, "Sentanan Mojokerto")  # the same question: answered from what was kept
        geocode(editor, "Kranggan")
        assert len(asked) == 2 and asked[1][0] - asked[0][0] >= 0.99
        assert (
            "q=Sentanan+Mojokerto" in asked[0][1]
            and "format=jsonv2" in asked[0][1]
            and "countrycodes=id" in asked[0][1]
        )
        assert asked[0][2].startswith("kampung-umkm-guide-editor/")
    finally:
        server.shutdown()
    offline = Editor(content, "content", LoadedPreview(content, "content"), Guard(8000), "id", geocoder=url)
    assert geocode(offline, "Sentanan") == {
        "error": "Pencarian alamat perlu internet. Taruh pin dengan mengklik peta, atau ketik lintang dan bujur."
    }


def test_a_form_opens_when_site_yaml_or_a_location_is_broken(tmp_path):
    """Two crashes mypy found in the pin map's data: with a site.yaml that does not load, the map
    shows the world (MapConfig takes keywords); a location that is a list, not a mapping, is not
    read with .get. The form opens and says what is wrong."""
    content, _ = make_project(tmp_path)
    (content / "site.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    profile = content / "kampung" / "gerabah-uji.yaml"
    text = profile.read_text(encoding="utf-8")
    start, end = text.index("location:"), text.index("tags:")
    profile.write_text(text[:start] + "location: [-7.47, 112.43]\n" + text[end:], encoding="utf-8")
    with serving(content) as served:
        status, _, page = http(served.url + "_editor/kampung/gerabah-uji/")
        assert status == 200 and "Traceback" not in page
        island = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
        assert island, page[:2000]
        data = json.loads(island[1])
        assert (data["center"], data["zoom"], data["placed"]) == ([0.0, 0.0], 2, False)


def test_the_site_form_shows_the_search_variants_a_list_of_lists(tmp_path):
    """site.yaml's search_variants is a list of lists of words: the form names the inner lists by the
    outer list's item word (it raised KeyError before, and /_editor/site/ answered 500)."""
    content, _ = make_project(tmp_path)
    with (content / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("search_variants:\n  - [mbatik, batik]\n")
    editor = Editor(content, str(content), LoadedPreview(content, str(content)), Guard(8000), "id")
    response = editor.answer(Request("GET", "/_editor/site/", headers={"host": "127.0.0.1:8000"}))
    page = response.body.decode()
    assert response.status == 200
    assert 'name="search_variants[0][0]"' in page and 'value="mbatik"' in page and "Kelompok kata" in page

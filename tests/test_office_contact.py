"""Every page says "ask the tourism office": `check` warns when site.yaml gives no way to ask it but a website."""

import pytest

from conftest import SITE, run_build, write_content


@pytest.mark.parametrize(
    "contact, warned",
    [
        ("contact:\n  website: https://example.org\n", "it has only a website here"),
        ("", "site.yaml gives no way to reach it"),
        ("contact:\n  name: Dinas Uji\n", "site.yaml gives no way to reach it"),
        ("contact:\n  website: https://example.org\n  email: info@example.org\n", None),
        ("contact:\n  whatsapp: 0812 3456 7890\n", None),
        ("contact:\n  phone: 0321 123456\n", None),
    ],
)
def test_office_without_a_way_to_ask_is_warned(tmp_path, contact, warned):
    result = run_build("check", "--content", str(write_content(tmp_path, {"site.yaml": SITE + contact})))
    assert result.returncode == 0
    lines = [line for line in result.stderr.splitlines() if "site.yaml" in line]
    if warned is None:
        assert lines == []
    else:
        [line] = lines
        assert "site.yaml:" in line and "contact: warning: " in line and warned in line
        assert "contact.whatsapp, contact.phone or contact.email" in line


def test_the_warning_speaks_indonesian(tmp_path):
    site = SITE + "messages_language: id\ncontact:\n  website: https://example.org\n"
    result = run_build("check", "--content", str(write_content(tmp_path, {"site.yaml": site})))
    assert (
        "site.yaml:9: contact: peringatan: halaman-halaman meminta wisatawan bertanya ke dinas pariwisata, "
        "tetapi di sini dinas hanya punya situs web; tambahkan cara bertanya langsung"
    ) in result.stderr

"""A disk that refuses the site (full, read-only, no permission): one plain line in the messages
language, never a traceback, and the previous site as it was. Each disk is real: a small tmpfs
mounted in a user namespace fills up, the same tmpfs remounted read-only refuses, and root without
CAP_DAC_OVERRIDE meets a folder's permission bits like anyone else."""

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SITE, snapshot, write_content

SITE_ID = SITE + "messages_language: id\n"
DRIVER = textwrap.dedent(
    """\
    import json, subprocess, sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from conftest import snapshot
    content, out, step = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

    def build():
        return subprocess.run([sys.executable, {build!r}, "build", "--content", str(content), "--out", str(out)],
                              capture_output=True, text=True)

    if step == "first":
        result = build()
        print(json.dumps({{"rc": result.returncode, "stderr": result.stderr}}))
    else:
        before = snapshot(out)
        result = build()
        leftovers = sorted(p.name for p in out.parent.iterdir() if p.name != out.name)
        print(json.dumps({{"rc": result.returncode, "stderr": result.stderr, "kept": snapshot(out) == before,
                          "files": len(before), "leftovers": leftovers}}))
    """
)


def in_namespace(tmp_path, script: str) -> subprocess.CompletedProcess:
    """`script` (sh) run as root of a new user and mount namespace, where it may mount a tmpfs."""
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-euc", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )


def driver(tmp_path) -> str:
    path = tmp_path / "driver.py"
    path.write_text(DRIVER.format(tests=str(ROOT / "tests"), build=str(ROOT / "build.py")), encoding="utf-8")
    return f"{sys.executable} {path}"


def results(process: subprocess.CompletedProcess) -> list[dict]:
    assert process.returncode == 0, process.stderr
    return [json.loads(line) for line in process.stdout.splitlines()]


def assert_one_plain_line(stderr: str, expected: str):
    assert "Traceback" not in stderr and "Errno" not in stderr, stderr
    last = stderr.strip().splitlines()[-1]
    assert last == expected, stderr


def test_a_full_disk_keeps_the_previous_site(tmp_path):
    content = write_content(tmp_path, {"site.yaml": SITE_ID})
    disk = tmp_path / "disk"
    disk.mkdir()
    run = driver(tmp_path)
    script = (  # the site takes ~540 KB: the first build fits in 800 KB, a second copy beside it does not
        f"mount -t tmpfs -o size=800k tmpfs {disk}\n"
        f"{run} {content} {disk}/site first\n"
        f"{run} {content} {disk}/site again\n"
    )
    first, second = results(in_namespace(tmp_path, script))
    assert first["rc"] == 0, first["stderr"]
    assert second["rc"] == 1 and second["kept"] and second["files"] > 40
    assert second["leftovers"] == []  # the half-written copy is gone, the disk has its space back
    assert_one_plain_line(
        second["stderr"],
        f"disk penuh, sehingga situs tidak bisa ditulis ke {disk}/site; kosongkan sebagian ruang "
        "(atau pilih --out lain) lalu jalankan lagi — situs lama tidak diubah",
    )


def test_a_read_only_disk_keeps_the_previous_site(tmp_path):
    content = write_content(tmp_path)
    disk = tmp_path / "disk"
    disk.mkdir()
    run = driver(tmp_path)
    script = (
        f"mount -t tmpfs -o size=4m tmpfs {disk}\n"
        f"{run} {content} {disk}/site first\n"
        f"mount -o remount,ro {disk}\n"
        f"{run} {content} {disk}/site again\n"
    )
    first, second = results(in_namespace(tmp_path, script))
    assert first["rc"] == 0 and second["rc"] == 1 and second["kept"]
    assert_one_plain_line(
        second["stderr"],
        f"{disk} is on a disk that can only be read, so the site could not be written to {disk}/site; "
        "choose another --out — the previous site was not touched",
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_folder_without_permission_keeps_the_previous_site(tmp_path, lang):
    content = write_content(tmp_path, {"site.yaml": SITE + f"messages_language: {lang}\n"})
    public = tmp_path / "public"
    out = public / "site"
    first = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    public.chmod(0o555)
    try:
        again = subprocess.run(  # root, but without the capability that overrides permission bits
            [
                "setpriv",
                "--bounding-set",
                "-dac_override,-dac_read_search",
                "--",
                sys.executable,
                str(ROOT / "build.py"),
                "build",
                "--content",
                str(content),
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
        )
    finally:
        public.chmod(0o755)
    assert again.returncode == 1 and snapshot(out) == before
    expected = {
        "id": f"tidak ada izin menulis di {public}, sehingga situs tidak bisa ditulis ke {out}; pilih --out lain, "
        "atau minta izin menulis di folder itu — situs lama tidak diubah",
        "en": f"there is no permission to write in {public}, so the site could not be written to {out}; choose "
        "another --out, or ask for permission to write in that folder — the previous site was not touched",
    }[lang]
    assert_one_plain_line(again.stderr, expected)
    assert sorted(p.name for p in public.iterdir()) == ["site"]


def test_a_refused_swap_puts_the_previous_site_back(tmp_path, monkeypatch):
    """The last step, renaming the new folder into place, fails after the old one moved aside: the
    old one comes back. (Fault injection: no disk here fails a rename on demand once the one before
    it succeeded.)"""
    from kampung_guide.write import output

    out = tmp_path / "site"
    output.write_site([("index.html", b"old")], out)
    real_rename = type(out).rename

    def refuse_new(self, target):
        if self.name.startswith(".site.tmp-"):
            raise OSError(28, "No space left on device", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(type(out), "rename", refuse_new)
    with pytest.raises(output.OutputError) as caught:
        output.write_site([("index.html", b"new")], out)
    assert (out / "index.html").read_bytes() == b"old"
    assert caught.value.message("en").startswith("the disk is full")

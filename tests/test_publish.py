"""Publishing from the editor with real git: a checkout whose `origin` is a local bare repository,
and a colleague's clone of the same remote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from editor_support import encode, git, http, make_project, serving

from kampung_guide.edit import publish

from conftest import JPEG, KAMPUNG


@pytest.fixture
def project(tmp_path):
    content, remote = make_project(tmp_path)
    return content, remote


def colleague(tmp_path, remote):
    """A second clone of the remote, as on a colleague's computer."""
    other = tmp_path / "colleague"
    git(tmp_path, "clone", "--quiet", str(remote), str(other))
    git(other, "config", "user.name", "Rekan")
    git(other, "config", "user.email", "rekan@example.org")
    return other


def repo_of(content: Path) -> publish.Repo:
    """The checkout holding `content` (every project here is one)."""
    repo = publish.find_repo(content)
    assert repo is not None
    return repo


def test_changes_are_told_in_plain_words(project):
    content, _ = project
    profile = content / "kampung" / "gerabah-uji.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("lat: -7.4700", "lat: -7.4701"), encoding="utf-8")
    (content / "images" / "gerabah-uji-1.jpg").write_bytes(JPEG)
    (content / "routes" / "jalan-pagi.yaml").unlink()
    (content.parent / "README.md").write_text("changed outside the content folder\n", encoding="utf-8")
    repo = repo_of(content)
    assert (repo.content, repo.branch, repo.remote, repo.target, repo.ahead) == ("content", "main", "origin", "main", 0)
    found = {(c.status, c.path, c.kind, c.name, tuple(c.fields)) for c in publish.changes(repo, "en")}
    assert found == {
        ("changed", "kampung/gerabah-uji.yaml", "kampung", "Kampung Gerabah Uji", ("location",)),
        ("added", "images/gerabah-uji-1.jpg", "photo", "", ()),
        ("removed", "routes/jalan-pagi.yaml", "route", "A morning walk from Kampung Jajanan Sentanan", ()),
    }


def test_publish_commits_only_the_content_folder_and_pushes(project):
    content, remote = project
    (content / "kampung" / "baru-uji.yaml").write_text(KAMPUNG.replace("batik", "kuliner"), encoding="utf-8")
    (content.parent / "README.md").write_text("a local note\n", encoding="utf-8")
    outcome = publish.publish(repo_of(content), "  Kampung   baru\n")
    assert (outcome.key, outcome.ok, outcome.pushed) == ("published", True, 1)
    assert git(remote, "log", "-1", "--format=%s%n%an", "main").split("\n")[:2] == ["Kampung baru", "Staf Dinas"]
    assert git(remote, "show", "--name-only", "--format=", "main").split() == ["content/kampung/baru-uji.yaml"]
    assert git(content.parent, "status", "--porcelain").split() == ["M", "README.md"]
    assert publish.publish(repo_of(content), "again").key == "nothing"


def test_someone_else_published_first_then_both_are_kept(project, tmp_path):
    content, remote = project
    other = colleague(tmp_path, remote)
    (other / "content" / "kampung" / "tenun-uji.yaml").unlink()
    git(other, "commit", "--quiet", "-am", "Tenun dihapus")
    git(other, "push", "--quiet")
    ours = content / "kampung" / "gerabah-uji.yaml"
    ours.write_text(
        ours.read_text(encoding="utf-8").replace("tags: [gerabah, uji]", "tags: [gerabah]"), encoding="utf-8"
    )
    repo = repo_of(content)
    rejected = publish.publish(repo, "Kata kunci gerabah")
    assert (rejected.key, rejected.ok) == ("rejected", False) and "rejected" in rejected.output
    assert repo_of(content).ahead == 1  # the commit waits here; nothing is lost
    done = publish.update_and_publish(repo_of(content))
    assert (done.key, done.ok) == ("published", True)
    log = git(remote, "log", "--format=%s", "main").split("\n")
    assert log[:2] == ["Kata kunci gerabah", "Tenun dihapus"]
    assert not (content / "kampung" / "tenun-uji.yaml").exists()  # their change arrived here too


def test_the_same_line_changed_on_both_sides_is_left_as_it_was(project, tmp_path):
    content, remote = project
    other = colleague(tmp_path, remote)
    theirs = other / "content" / "kampung" / "gerabah-uji.yaml"
    theirs.write_text(theirs.read_text(encoding="utf-8").replace("lat: -7.4700", "lat: -7.4800"), encoding="utf-8")
    git(other, "commit", "--quiet", "-am", "Pin mereka")
    git(other, "push", "--quiet")
    ours = content / "kampung" / "gerabah-uji.yaml"
    ours.write_text(ours.read_text(encoding="utf-8").replace("lat: -7.4700", "lat: -7.4600"), encoding="utf-8")
    assert publish.publish(repo_of(content), "Pin kami").key == "rejected"
    head = git(content.parent, "rev-parse", "HEAD")
    outcome = publish.update_and_publish(repo_of(content))
    assert (outcome.key, outcome.ok) == ("overlap", False)
    assert git(content.parent, "rev-parse", "HEAD") == head and git(content.parent, "status", "--porcelain") == ""
    assert "lat: -7.4600" in ours.read_text(encoding="utf-8")


def test_without_a_remote_or_an_identity_or_git(project, tmp_path, monkeypatch):
    content, _ = project
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")  # this machine's own git identity is not asked
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(content.parent, "remote", "remove", "origin")
    (content / "kampung" / "baru-uji.yaml").write_text(KAMPUNG, encoding="utf-8")
    assert publish.publish(repo_of(content), "x").key == "no_remote"
    git(content.parent, "remote", "add", "origin", str(tmp_path / "remote.git"))
    for key in ("user.name", "user.email"):
        git(content.parent, "config", "--unset", key)
    git(content.parent, "config", "user.useConfigOnly", "true")  # no identity guessed from the host name
    repo = repo_of(content)
    assert not repo.identity
    assert publish.publish(repo, "Kampung baru").key == "identity"
    outcome = publish.publish(repo_of(content), "Kampung baru", ("Siti", "siti@example.org"))
    assert outcome.key == "published"
    assert git(content.parent, "log", "-1", "--format=%an <%ae>") == "Siti <siti@example.org>\n"
    loose = tmp_path / "loose" / "content"
    shutil.copytree(content, loose)
    assert publish.find_repo(loose) is None


def test_the_publish_page_publishes_and_refuses_a_broken_site(project):
    content, remote = project
    profile = content / "kampung" / "anyaman-uji.yaml"
    with serving(content) as served:
        status, _, page = http(served.url + "_editor/publish/")
        assert status == 200 and "Tidak ada perubahan sejak terakhir diterbitkan." in page
        profile.write_text(profile.read_text(encoding="utf-8").replace("lat: -7.4700", "lat: 999"), encoding="utf-8")
        served_after_rebuild(served)
        page = http(served.url + "_editor/publish/")[2]
        assert "Belum bisa diterbitkan: situs punya 1 kesalahan" in page and "999 bukan garis lintang" in page
        csrf = page.split('name="_csrf" value="')[1].split('"')[0]
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": served.url.rstrip("/")}
        fields = {"_csrf": [csrf], "message": ["Rusak"], "_action": ["publish"]}
        status, _, page = http(served.url + "_editor/publish/", encode(fields), headers, "POST")
        assert status == 409 and "Belum terbit: situs punya kesalahan" in page
        assert git(remote, "log", "--format=%s", "main").split("\n")[0] == "Sample content"
        profile.write_text(profile.read_text(encoding="utf-8").replace("lat: 999", "lat: -7.4710"), encoding="utf-8")
        served_after_rebuild(served)
        page = http(served.url + "_editor/publish/")[2]
        assert "Profil kampung" in page and "Kampung Anyaman Uji" in page and "kolom: Lokasi" in page
        fields["message"] = ["Pin Anyaman Uji"]
        status, _, page = http(served.url + "_editor/publish/", encode(fields), headers, "POST")
        assert status == 200 and "Terbit: 1 simpanan terkirim ke origin (main)" in page, page
        assert git(remote, "log", "-1", "--format=%s", "main").strip() == "Pin Anyaman Uji"


def served_after_rebuild(served) -> None:
    """Wait until the preview printed the build that followed the last change."""
    while True:
        line = served.process.stdout.readline()
        assert line, "serve stopped:\n" + "".join(served.output[-20:])
        served.output.append(line)
        if line.startswith(("built ", "build failed")):
            return


def test_git_itself_is_never_asked_for_a_password(project, tmp_path):
    content, _ = project
    git(content.parent, "remote", "set-url", "origin", "https://127.0.0.1:9/nowhere.git")
    (content / "kampung" / "baru-uji.yaml").write_text(KAMPUNG, encoding="utf-8")
    outcome = publish.publish(repo_of(content), "Kampung baru")
    assert outcome.key in ("network", "login") and not outcome.ok
    assert subprocess.run(
        ["git", "-C", str(content), "log", "-1", "--format=%s"], capture_output=True, text=True
    ).stdout == ("Kampung baru\n")


def test_odd_shapes_give_plain_answers_not_crashes(project):
    """Each of these crashed the publish code before mypy found it: a changed file that is a list, a
    profile whose `photos` is a number (the publish page asks whether a new photo is used), and
    "take in others' changes" without a remote."""
    content, _ = project
    (content / "kampung" / "daftar-uji.yaml").write_text("- a list\n- not a profile\n", encoding="utf-8")
    profile = content / "kampung" / "gerabah-uji.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text + "photos: 5  # gerabah-uji-9.jpg\n", encoding="utf-8")
    (content / "images" / "gerabah-uji-9.jpg").write_bytes(JPEG)
    found = {(c.status, c.path, c.name) for c in publish.changes(repo_of(content), "en")}
    assert ("added", "kampung/daftar-uji.yaml", "") in found
    assert ("changed", "kampung/gerabah-uji.yaml", "Kampung Gerabah Uji") in found
    with serving(content) as served:
        status, _, page = http(served.url + "_editor/publish/")
        assert status == 200 and "Traceback" not in page
        assert "Belum bisa diterbitkan" in page  # the build refuses both files
    git(content.parent, "remote", "remove", "origin")
    outcome = publish.update_and_publish(repo_of(content))
    assert (outcome.key, outcome.ok) == ("no_remote", False)

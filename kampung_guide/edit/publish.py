"""Publish from the editor: commit the content folder's changes and push them, with git's answer
told in plain words (the raw output stays available below it).

Only files under the content folder are ever added or committed. git never waits for a password
here (GIT_TERMINAL_PROMPT=0, ssh in batch mode): a login problem is reported, not hung on.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..load.yamlfile import YamlError, YamlValue, parse_yaml

TIMEOUT = 120  # seconds for one git command: a push over a slow link, not a hung one
MAX_MESSAGE = 200


@dataclass
class Change:
    """One changed file of the content folder, in words an office worker knows."""

    status: str  # added, changed, removed
    path: str  # inside the content folder, e.g. kampung/onde-onde.yaml
    kind: str  # kampung, photo, route, event, page, categories, site, other
    name: str  # the profile's (or route's) name when it has one
    fields: list[str] = field(default_factory=list)  # top-level fields whose value changed


@dataclass
class Repo:
    """The git checkout holding the content folder."""

    root: Path
    content: str  # the content folder, relative to the root (posix), e.g. "content"
    branch: str | None  # None: no branch checked out
    remote: str | None
    target: str | None  # the branch to push to on the remote
    ahead: int  # commits not yet on the remote
    identity: bool  # whether git knows the author's name and e-mail


@dataclass
class Outcome:
    """What a publish did: a key of the editor's words (published, rejected, login, network, ...), and git's output."""

    key: str
    ok: bool
    output: str = ""
    pushed: int = 0  # commits sent


def git(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    """Run git in `root` without ever prompting, its messages in English (they are read here)."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANG": "C"}
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False
        )
    except FileNotFoundError:  # no git installed
        return subprocess.CompletedProcess(["git", *args], 127, "", "git: command not found")
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(["git", *args], 124, "", f"timed out after {exc.timeout} s")
    return result


def find_repo(content: Path) -> Repo | None:
    """The checkout holding `content`, or None when the folder is not in git."""
    top = git(content, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return None
    root = Path(top.stdout.strip())
    try:
        relative = content.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # the folder is reached through a link from outside the checkout
        return None
    branch = git(root, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip() or None
    remotes = git(root, "remote").stdout.split()
    remote, target = upstream(root, branch, remotes)
    ahead = 0
    if remote and target:
        counted = git(root, "rev-list", "--count", f"{remote}/{target}..HEAD")
        ahead = int(counted.stdout.strip()) if counted.returncode == 0 else count_commits(root)
    identity = all(git(root, "config", key).stdout.strip() for key in ("user.name", "user.email"))
    return Repo(root, relative or ".", branch, remote, target, ahead, identity)


def upstream(root: Path, branch: str | None, remotes: list[str]) -> tuple[str | None, str | None]:
    """The remote and branch to push to: the branch's upstream, else `origin` (or the only remote)."""
    if branch is None or not remotes:
        return (remotes[0] if remotes else None), None
    remote = git(root, "config", f"branch.{branch}.remote").stdout.strip()
    merge = git(root, "config", f"branch.{branch}.merge").stdout.strip()
    if remote in remotes and merge.startswith("refs/heads/"):
        return remote, merge.removeprefix("refs/heads/")
    chosen = "origin" if "origin" in remotes else remotes[0] if len(remotes) == 1 else None
    return chosen, branch if chosen else None


def count_commits(root: Path) -> int:
    counted = git(root, "rev-list", "--count", "HEAD")
    return int(counted.stdout.strip()) if counted.returncode == 0 else 0


def changes(repo: Repo, lang: str = "id") -> list[Change]:
    """Every file of the content folder that differs from the last commit (untracked ones included),
    each named in `lang` where its name is written in it."""
    status = git(repo.root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", repo.content)
    entries = status.stdout.split("\0")
    found, i = [], 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if "R" in code or "C" in code:  # a rename: the old name follows
            found.append(describe(repo, "removed", entries[i], lang))
            i += 1
            code = "A "
        status_word = "added" if "?" in code or "A" in code else "removed" if "D" in code else "changed"
        found.append(describe(repo, status_word, path, lang))
    return sorted(found, key=lambda c: (c.kind != "kampung", c.path))


def describe(repo: Repo, status: str, repo_path: str, lang: str) -> Change:
    """A changed file with its kind, name and changed fields."""
    prefix = "" if repo.content == "." else repo.content + "/"
    path = repo_path.removeprefix(prefix)
    folder = path.split("/")[0] if "/" in path else ""
    kind = {"kampung": "kampung", "images": "photo", "routes": "route", "events": "event", "pages": "page"}.get(
        folder, "other"
    )
    kind = {"categories.yaml": "categories", "site.yaml": "site"}.get(path, kind)
    change = Change(status, path, kind, "")
    if path.endswith((".yaml", ".yml")):
        now = read_text(repo.root / repo_path) if status != "removed" else None
        before = committed(repo, repo_path) if status != "added" else None
        old, new = yaml_value(before), yaml_value(now)
        whole = new or old
        change.name = text_name(whole.get("name") if isinstance(whole, dict) else None, lang)
        if status == "changed" and isinstance(old, dict) and isinstance(new, dict):
            change.fields = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
    return change


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def committed(repo: Repo, repo_path: str) -> str | None:
    shown = git(repo.root, "show", f"HEAD:{repo_path}")
    return shown.stdout if shown.returncode == 0 else None


def yaml_value(text: str | None) -> YamlValue:
    if text is None:
        return None
    try:
        return parse_yaml(text).value
    except YamlError:
        return None


def text_name(name: object, lang: str) -> str:
    """A name as one line: a text in `lang` (else its first language), or the plain text."""
    if isinstance(name, dict):
        return str(name.get(lang) or next(iter(name.values()), ""))
    return name if isinstance(name, str) else ""


def publish(repo: Repo, message: str, author: tuple[str, str] | None = None) -> Outcome:
    """Commit the content folder's changes with `message` (if there are any) and push."""
    message = " ".join(message.split())[:MAX_MESSAGE]
    if repo.branch is None:
        return Outcome("no_branch", False)
    if not repo.remote or not repo.target:
        return Outcome("no_remote", False)
    output = ""
    if changes(repo):
        if not message:
            return Outcome("no_message", False)
        added = git(repo.root, "add", "--all", "--", repo.content)
        who = ["-c", f"user.name={author[0]}", "-c", f"user.email={author[1]}"] if author else []
        made = git(repo.root, *who, "commit", "--quiet", "-m", message, "--", repo.content)
        output = added.stdout + added.stderr + made.stdout + made.stderr
        if made.returncode != 0:
            return Outcome("identity" if "tell me who you are" in output.lower() else "failed", False, output)
    return push(repo, output)


def push(repo: Repo, before: str = "") -> Outcome:
    """Send the branch's commits to the remote."""
    ahead = git(repo.root, "rev-list", "--count", f"{repo.remote}/{repo.target}..HEAD")
    count = int(ahead.stdout.strip()) if ahead.returncode == 0 else count_commits(repo.root)
    if count == 0:
        return Outcome("nothing", True, before)
    remote = cast(str, repo.remote)  # publish and update_and_publish push only with a remote
    pushed = git(repo.root, "push", "--porcelain", "--set-upstream", remote, f"HEAD:refs/heads/{repo.target}")
    output = before + pushed.stdout + pushed.stderr
    if pushed.returncode == 0:
        return Outcome("published", True, output, count)
    return Outcome(push_problem(output), False, output)


def push_problem(output: str) -> str:
    """git's refusal in one word: rejected (someone published first), login, network or failed."""
    text = output.lower()
    if "[rejected]" in text or "non-fast-forward" in text or "fetch first" in text:
        return "rejected"
    if any(s in text for s in ("authentication", "permission denied", "could not read username", "403")):
        return "login"
    if any(s in text for s in ("could not resolve", "unable to access", "connection", "timed out", "network")):
        return "network"
    return "failed"


def update_and_publish(repo: Repo) -> Outcome:
    """Take in what others published (their commits first, ours replayed on top), then push."""
    if not repo.remote or not repo.target:
        return Outcome("no_remote", False)
    pulled = git(repo.root, "pull", "--rebase", "--autostash", repo.remote, repo.target)
    output = pulled.stdout + pulled.stderr
    if pulled.returncode != 0:
        if (repo.root / ".git" / "rebase-merge").exists() or (repo.root / ".git" / "rebase-apply").exists():
            git(repo.root, "rebase", "--abort")
            return Outcome("overlap", False, output)
        return Outcome(push_problem(output), False, output)
    return push(repo, output)

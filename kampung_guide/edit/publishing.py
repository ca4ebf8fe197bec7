"""The publish page: what changed in plain words, a message, then commit and push (publish.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..load.yamlfile import YamlError, parse_yaml
from . import documents, publish, views
from .fieldtext import FIELDS
from .guard import Request, Response
from .words import word

if TYPE_CHECKING:
    from .server import Editor

KIND_OF_FILE = {"kampung": "kampung", "route": "route", "event": "event", "site": "site"}


@dataclass
class ChangeView:
    """One changed file as the page lists it."""

    status: str  # words: Baru, Diubah, Dihapus
    what: str  # words: Profil kampung, Foto, ...
    name: str
    path: str
    fields: str  # the changed fields' labels, joined
    unused_photo: bool = False


def publish_response(editor: Editor, request: Request, lang: str) -> Response:
    """GET: the changes and the form; POST: publish (or take in others' changes first) and say how it went."""
    page = editor.base(lang, word(lang, "publish"), "/_editor/publish/", "publish")
    repo = publish.find_repo(editor.content)
    outcome = None
    if request.method == "POST" and repo is not None:
        fields = request.fields()
        blocking = site_errors(editor, lang)
        if blocking:
            outcome = publish.Outcome("site_errors", False)
        elif (fields.get("_action") or [""])[0] == "update":
            outcome = publish.update_and_publish(repo)
        else:
            message = (fields.get("message") or [""])[0]
            name, email = ((fields.get(k) or [""])[0].strip() for k in ("author", "email"))
            author = (name, email) if name and email else None
            outcome = publish.publish(repo, message, author)
        repo = publish.find_repo(editor.content)
    changes = [change_view(c, lang, editor) for c in publish.changes(repo, lang)] if repo else []
    status = 200 if outcome is None or outcome.ok else 409
    html = views.render(
        editor.env,
        "publish.html",
        page,
        repo=repo,
        changes=changes,
        outcome=outcome,
        outcome_text=outcome_words(outcome, repo, lang) if outcome else "",
        errors=site_errors(editor, lang),
        remote=f"{repo.remote} ({repo.target})" if repo and repo.remote else "",
        max_message=publish.MAX_MESSAGE,
    )
    return Response(status, html, headers=[("Cache-Control", "no-store")])


def site_errors(editor: Editor, lang: str) -> list[str]:
    """The errors that keep the site from building: publishing those would break the published site."""
    report = editor.preview.report()
    return [p.render(lang) for p in report.sorted() if not p.warning] if report else []


def change_view(change: publish.Change, lang: str, editor: Editor) -> ChangeView:
    """A changed file in words: what it is, its name, and which of its fields changed."""
    table = FIELDS.get(KIND_OF_FILE.get(change.kind, ""), {})
    labels = [table[f].label(lang) if f in table else f for f in change.fields]
    unused = change.kind == "photo" and change.status == "added" and not photo_used(editor, change.path)
    return ChangeView(
        word(lang, f"status_{change.status}"),
        word(lang, f"file_{change.kind}"),
        change.name,
        change.path,
        ", ".join(labels),
        unused,
    )


def photo_used(editor: Editor, path: str) -> bool:
    """Whether a profile lists the photo `images/<name>`."""
    name = path.rpartition("/")[2]
    for source_path in documents.listing(editor.content, "kampung").values():
        text = documents.read_file(source_path) or ""
        if name in text:
            try:
                # a profile that is no mapping raises AttributeError, taken below
                photos = parse_yaml(documents.plain_text(text)).value.get("photos") or []  # type: ignore[union-attr]
            except (YamlError, AttributeError):
                continue
            if isinstance(photos, list) and any(isinstance(p, dict) and p.get("file") == name for p in photos):
                return True
    return False


def outcome_words(outcome: publish.Outcome, repo: publish.Repo | None, lang: str) -> str:
    """git's answer in one plain sentence."""
    remote = f"{repo.remote} ({repo.target})" if repo and repo.remote else ""
    return word(lang, f"outcome_{outcome.key}", n=outcome.pushed, remote=remote)

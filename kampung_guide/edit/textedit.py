"""A file as plain text in the editor, for a mistake a form cannot show (the file is not valid YAML),
or for anyone who prefers the text: checked and saved like a form."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from ..util.messages import format_message
from . import documents, views
from .editing import Conflict
from .guard import Response, redirect
from .readform import Form
from .words import word

if TYPE_CHECKING:
    from .server import Editor


class TextEditing:
    """A file as plain text, for a mistake the form cannot show (the file is not valid YAML)."""

    def __init__(self, editor: Editor, kind: str, key: str, lang: str):
        self.editor, self.kind, self.key, self.lang = editor, kind, key, lang
        self.url = views.form_url(kind, key) + "text/"
        self.back = "/_editor/" if kind == "categories" else views.form_url(kind, key)  # no form of the whole file

    def show(
        self,
        text: str | None = None,
        status: int = 200,
        notices: Sequence[tuple[str, str]] = (),
        conflict: Conflict | None = None,
        version: str | None = None,
    ) -> Response:
        """The file's text (or the text as submitted, with the version it was based on) and its problems."""
        source = documents.open_source(self.editor.content, self.kind, self.key)
        if source is None:
            return self.editor.not_found(self.lang)
        text = cast(str, source.text) if text is None else text  # open_source finds only files it could read
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text)
        problems = [p for p in report.sorted() if p.file == shown_file]
        lines = [(p.line, format_message(p.key, dict(p.params), self.lang), p.warning, p.field) for p in problems]
        page = self.editor.base(self.lang, word(self.lang, "edit_as_text"), self.url, "contents")
        html = views.render(
            self.editor.env,
            "text.html",
            page,
            text=documents.plain_text(text),
            version=version or source.version,  # a refused text keeps the version it was based on
            file=shown_file,
            problems=lines,
            errors=sum(not p.warning for p in problems),
            notices=list(notices),
            form_url=self.back,
            action=self.url,
            conflict=conflict,
        )
        return Response(status, html, headers=[("Cache-Control", "no-store")])

    def submit(self, fields: dict[str, list[str]]) -> Response:
        form = Form(fields)
        source = documents.open_source(self.editor.content, self.kind, self.key)
        if source is None:
            return self.editor.not_found(self.lang)
        text = documents.like(source.text, (form.get("text") or "").replace("\r\n", "\n"))
        version = form.get("_version") or ""
        refused = [("problem", word(self.lang, "conflict"))]
        if version != source.version:
            diff = views.diff_lines(source.text or "", text)
            return self.show(text, 409, refused, Conflict(source.text, diff, False), version)
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text)
        if any(p.file == shown_file and not p.warning for p in report.problems):
            return self.show(text, 422, [("problem", word(self.lang, "not_saved_errors"))], version=version)
        try:
            documents.save(source, text, self.editor.keep)
        except documents.Conflict as exc:
            diff = views.diff_lines(exc.current or "", text)
            return self.show(text, 409, refused, Conflict(exc.current, diff, False), version)
        self.editor.preview.wait(time.monotonic(), 10)
        return redirect(self.back + ("?saved=1" if self.back != "/_editor/" else ""))

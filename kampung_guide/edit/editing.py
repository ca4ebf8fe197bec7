"""One form of the editor: opening it, checking it as it is typed, list operations, saving, and what
happens when the file changed on disk meanwhile. Also the plain-text editor for a file that is not
valid YAML (a form cannot show it)."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..load.yamlfile import YamlError
from ..util.messages import format_message
from ..util.problems import Problem, Report
from ..validate.specs import SLUG
from . import documents, views
from .forms import ROOT_SPECS, Control, build_form, control_id, fields_of
from .guard import Response, redirect
from .photos import MAX_MB
from .readform import Form, add_photo, apply_op, read_form
from .words import word

META = ("_csrf", "_version", "_kind", "_key", "_new", "_action", "_op")
MAX_OPENED = 500  # texts of opened versions kept for combining changes


@dataclass
class Conflict:
    """The file changed on disk since the form was opened: its text now, and the lines that differ."""

    theirs: str | None
    diff: list[tuple[str, str]]
    can_combine: bool


def slugify(text: str, drop: str = "") -> str:
    """A page address from a name: `Kampung Keramik Ñusa` -> `keramik-nusa` (with drop="kampung")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if drop and words[:1] == [drop] and len(words) > 1:
        words = words[1:]
    return "-".join(words)[:60].strip("-")


def merge3(base: Any, mine: Any, theirs: Any, path: tuple = ()) -> tuple[Any, list[tuple]]:
    """Combine two edits of `base`: each side's changes taken; where both changed the same field
    differently, `mine` is kept and the field listed."""
    if mine == theirs or theirs == base:
        return mine, []
    if mine == base:
        return theirs, []
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        result, clashes = {}, []
        for key in dict.fromkeys([*theirs, *mine]):
            value, found = merge3(base.get(key), mine.get(key), theirs.get(key), path + (key,))
            clashes += found
            if value is not None:
                result[key] = value
        return result, clashes
    return mine, [path]


class Editing:
    """The form of one file (or category) in the interface language `lang`."""

    def __init__(self, editor, kind: str, key: str, new: bool, lang: str):
        self.editor, self.kind, self.key, self.new, self.lang = editor, kind, key, new, lang
        self.spec = ROOT_SPECS[kind]
        self.ctx = editor.form_context(kind, key, lang)

    # -- the file ---------------------------------------------------------------------------------

    def slug(self, form: Form) -> str:
        return (form.get("_slug") or "").strip() if self.new else self.key

    def source(self, form: Form) -> documents.Source | None:
        return self.editor.source(self.kind, self.slug(form), self.new)

    def original(self, source: documents.Source) -> Any:
        try:
            return {} if self.new and self.kind != "category" else documents.value_of(source)
        except YamlError:
            return {}

    def value(self, form: Form, source: documents.Source) -> tuple[dict, str | None]:
        """What the form holds, built on the file's value, and a page's body."""
        value = read_form(self.spec, form, self.original(source), self.ctx.languages)
        body = (form.get("body") or "").replace("\r\n", "\n") if self.kind == "page" else None
        return value, body

    def slug_problems(self, form: Form, file: str) -> list[Problem]:
        """A new file's address: required, the form of a slug, and not taken."""
        if not self.new:
            return []
        slug, report = self.slug(form), Report()
        if not slug:
            report.add(file, 1, ("_slug",), "required")
        elif not SLUG.match(slug) or len(slug) > 60:
            report.add(file, 1, ("_slug",), "new_slug_bad", value=slug)
        elif documents.taken(self.editor.content, self.kind, slug):
            report.add(file, 1, ("_slug",), "new_slug_taken", value=slug)
        return report.problems

    # -- showing ----------------------------------------------------------------------------------

    def show(self, request) -> Response:
        """The form as the file is now (a new one: empty), after a save or undo if the address says so."""
        source = self.source(Form({}))
        if source is None:
            return self.editor.not_found(self.lang)
        if not self.new and documents.parse_error(source):
            return redirect(views_url(self.kind, self.key) + "text/")
        value = self.original(source)
        root = build_form(self.spec, value, self.ctx)
        fields = fields_of(root)
        if self.kind == "page":
            fields["body"] = [documents.body_of(source) if not self.new else ""]
        focus = ""
        photo = request.arg("photo")
        if photo in documents.images_of(self.editor.content):
            form, focus = add_photo(Form(fields), photo)
            fields = form.fields
        notices = []
        if request.arg("saved") == "1":
            notices.append(("ok", word(self.lang, "saved")))
        if request.arg("undone") in ("0", "1"):
            notices.append(
                (
                    "ok" if request.arg("undone") == "1" else "problem",
                    word(self.lang, "undone_" + request.arg("undone")),
                )
            )
        return self.respond(fields, notices=notices, focus=focus, saved=request.arg("saved") == "1")

    def evaluate(self, fields: dict) -> tuple:
        """Read, apply and check a submitted form: (source, value, body, text, root, shown, others)."""
        form = Form(fields)
        source = self.source(form)
        value, body = self.value(form, source)
        text = documents.apply(source, value, body)
        places = self.places()
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text, places)
        prefix = f"{self.slug(form)}." if self.kind == "category" else ""
        mine = [p for p in report.sorted() if p.file == shown_file and p.field.startswith(prefix.rstrip("."))]
        others = [p.render(self.lang) for p in report.sorted() if p not in mine and not p.warning]
        root = build_form(self.spec, value, self.ctx)
        extra = self.extra_controls(form, body)
        root.children = extra + root.children
        problems = self.slug_problems(form, shown_file) + mine
        shown = views.attach(root, problems, self.lang, prefix)
        return source, value, body, text, root, shown, others

    def places(self) -> dict:
        site = self.editor.preview.site()
        return {k.slug: k.location for k in site.kampung} if site else {}

    def extra_controls(self, form: Form, body: str | None) -> list[Control]:
        """Controls that are not fields of the content format: a new file's address, a page's text."""
        controls = []
        if self.new:
            drop = "kampung" if self.kind == "kampung" else ""
            slug = Control("slug", ("_slug",), word(self.lang, f"slug_{self.kind}"), required=True)
            slug.help = word(self.lang, f"slug_help_{self.kind}")
            slug.value = self.slug(form)
            slug.note = drop
            controls.append(slug)
        if body is not None:
            area = Control("markdown", ("body",), word(self.lang, "page_body"), word(self.lang, "page_body_help"))
            child = Control("area", ("body",), area.label, value=body, lang=self.ctx.languages[0])
            from markupsafe import Markup

            from ..render.markdown import render_markdown

            child.preview = Markup(render_markdown(body, 2)) if body.strip() else None
            area.children = [child]
            controls.append(area)
        return controls

    def respond(
        self, fields: dict, status: int = 200, notices=(), focus: str = "", saved: bool = False, conflict=None
    ) -> Response:
        source, value, body, text, root, shown, others = self.evaluate(fields)
        if source.text is not None and not self.new or self.kind == "category":
            self.remember(source)
        page = self.editor.base(self.lang, self.heading(value), views_url(self.kind, self.key), "contents")
        page.map = self.kind == "kampung"
        unknown = views.unknown_fields([p for p in []], "")
        html = views.render(
            self.editor.env,
            "form.html",
            page,
            form=root,
            kind=self.kind,
            key=self.key,
            new=self.new,
            version=(conflict and source.version) or source.version,
            action=self.action_url(),
            shown=shown,
            errors=[s for s in shown if not s.warning],
            warnings=[s for s in shown if s.warning],
            others=others,
            counts=views.counts_text(shown, self.lang),
            notices=list(notices),
            focus=control_id(tuple(re.findall(r"[^.\[\]]+", focus))) if focus else "",
            saved=saved,
            preview_url=self.preview_url(),
            can_undo=not self.new and documents.can_undo(self.editor.keep, source),
            undo_url=views_url(self.kind, self.key) + "undo/",
            text_url=views_url(self.kind, self.key) + "text/",
            map_data=views.map_island(self.editor.preview.site(), self.config(), self.key, value, self.lang),
            conflict=conflict,
            unknown=unknown,
            upload_url=views_url(self.kind, self.key) + "upload/",
            upload_max=MAX_MB,
        )
        return Response(status, html, headers=[("Cache-Control", "no-store")])

    def config(self):
        site = self.editor.preview.site()
        if site:
            return site.config
        from ..validate.content import Loader, load_config

        return load_config(Loader(self.editor.content, self.editor.shown))

    def remember(self, source: documents.Source) -> None:
        opened = self.editor.opened
        opened[source.version] = source.text
        while len(opened) > MAX_OPENED:
            opened.pop(next(iter(opened)))

    def heading(self, value: dict) -> str:
        if self.new:
            return word(self.lang, f"new_{self.kind}")
        name = value.get("name") or value.get("title")
        if isinstance(name, dict):
            name = next((name[k] for k in self.ctx.languages if isinstance(name.get(k), str)), "")
        if self.kind == "site":
            return word(self.lang, "site_settings")
        return name if isinstance(name, str) and name else self.key

    def action_url(self) -> str:
        return f"/_editor/new/{self.kind}/" if self.new else views_url(self.kind, self.key)

    def preview_url(self) -> str:
        """The page of the preview that shows this file."""
        if self.new:
            return ""
        first = self.ctx.languages[0]
        prefix = ""
        if self.kind == "page" and "." in self.key:
            slug, _, code = self.key.partition(".")
            return f"/{code}/{slug}/"
        return (
            {
                "kampung": f"/{prefix}kampung/{self.key}/",
                "route": f"/{prefix}rencana/{self.key}/",
                "category": f"/{prefix}kategori/{self.key}/",
                "page": f"/{prefix}{self.key}/",
                "site": "/",
            }[self.kind]
            if first
            else "/"
        )

    # -- submitting ---------------------------------------------------------------------------------

    def submit(self, fields: dict) -> Response:
        form = Form(fields)
        if form.get("_op"):
            changed, focus = apply_op(form, form.get("_op"))
            return self.respond(changed.fields, notices=[("info", word(self.lang, "not_saved_yet"))], focus=focus)
        if form.get("_action") == "combine":
            return self.combine(form)
        return self.save(form)

    def save(self, form: Form) -> Response:
        since = time.monotonic()
        source = self.source(form)
        if source is None:  # removed on disk since the form was opened
            return self.conflict(form, None)
        if self.new and self.slug_problems(form, ""):
            return self.respond(form.fields, 422, focus="summary")
        if (form.get("_version") or "") != source.version:
            return self.conflict(form, source.text)
        source, value, body, text, root, shown, others = self.evaluate(form.fields)
        if any(not s.warning for s in shown):
            return self.respond(
                form.fields, 422, notices=[("problem", word(self.lang, "not_saved_errors"))], focus="summary"
            )
        try:
            documents.save(source, text, self.editor.keep)
        except documents.Conflict as exc:
            return self.conflict(form, exc.current)
        self.editor.preview.wait(since, 10)
        return redirect(views_url(self.kind, self.slug(form)) + "?saved=1")

    def conflict(self, form: Form, current: str | None) -> Response:
        """Refuse the save, and show what is on disk now beside what this form would write."""
        source = self.source(form)
        mine = ""
        if source is not None:
            value, body = self.value(form, source)
            mine = documents.apply(source, value, body)
        diff = views.diff_lines(current or "", mine)
        known = (form.get("_version") or "") in self.editor.opened and current is not None
        notice = [("problem", word(self.lang, "conflict_gone" if current is None else "conflict"))]
        fields = {k: v for k, v in form.fields.items()}
        return self.respond(fields, 409, notices=notice, focus="summary", conflict=Conflict(current, diff, known))

    def combine(self, form: Form) -> Response:
        """This form's changes put onto the file as it is now, shown for review (not saved yet)."""
        opened = self.editor.opened.get(form.get("_version") or "")
        current = self.source(form)
        if opened is None or current is None or current.text is None:
            return self.conflict(form, current.text if current else None)
        base_source = documents.Source(self.kind, current.key, current.path, opened)
        base = self.original(base_source)
        mine, mine_body = self.value(form, base_source)
        theirs = self.original(current)
        merged, clashes = merge3(base, mine, theirs)
        root = build_form(self.spec, merged, self.ctx)
        fields = fields_of(root)
        if self.kind == "page":
            bodies = (documents.body_of(base_source), mine_body, documents.body_of(current))
            fields["body"] = [merge3(*bodies)[0]]
            clashes += [("body",)] if len(set(bodies)) == 3 else []
        notices = [("ok", word(self.lang, "combined"))]
        if clashes:
            names = ", ".join(label_of(root, path) for path in clashes)
            notices = [("problem", word(self.lang, "combined_clash", fields=names))]
        if self.new:
            fields["_slug"] = [self.slug(form)]
        return self.respond(fields, 200, notices=notices)

    # -- requests of the page's script -------------------------------------------------------------

    def check(self, fields: dict) -> dict:
        """Problems, previews and counts for the form as typed so far."""
        source, value, body, text, root, shown, others = self.evaluate(fields)
        extra = {}
        if self.new and not (Form(fields).get("_slug") or "").strip():
            name = value.get("name") or value.get("title") or ""
            main = name.get(self.ctx.languages[0], "") if isinstance(name, dict) else name
            extra["slug"] = slugify(main if isinstance(main, str) else "", "kampung" if self.kind == "kampung" else "")
        return views.check_result(root, shown, others, self.lang, extra)

    def operate(self, fields: dict, photo: str = "") -> dict:
        """A list operation (or a new photo) done on the form: the list's new HTML and what to focus."""
        form = Form(fields)
        if photo:
            changed, focus = add_photo(form, photo)
            owner = "photos"
            focus = f"{focus}.alt.{self.ctx.languages[0]}" if len(self.ctx.languages) > 1 else f"{focus}.alt"
        else:
            changed, focus = apply_op(form, form.get("_op") or "")
            owner = re.sub(r"\[\d+\]$", "", (form.get("_op") or "").partition(":")[2])
        source, value, body, text, root, shown, others = self.evaluate(changed.fields)
        target = next((c for c in root.walk() if c.name == owner and c.kind == "list"), None)
        if target is None:
            return {"error": word(self.lang, "not_found")}
        html = views.fragment(self.editor.env, target, self.lang)
        result = views.check_result(root, shown, others, self.lang, {})
        return {**result, "html": html, "list": target.id, "focus": first_input(target, focus)}


def first_input(control: Control, focus: str) -> str:
    """The id of the first input inside the control named `focus` (or of that control)."""
    for c in control.walk():
        inside = c.name == focus or c.name.startswith((focus + ".", focus + "["))
        if inside and c.kind in ("line", "area", "number", "select", "hours", "bool", "slug"):
            return c.id
    return control_id(tuple(re.findall(r"[^.\[\]]+", focus))) if focus else ""


def label_of(root: Control, path: tuple) -> str:
    from ..util.problems import field_path

    name = field_path(path)
    for c in root.walk():
        if c.name == name:
            return c.label
    return name


def views_url(kind: str, key: str) -> str:
    return "/_editor/site/" if kind == "site" else f"/_editor/{kind}/{key}/"


class TextEditing:
    """A file as plain text, for a mistake the form cannot show (the file is not valid YAML)."""

    def __init__(self, editor, kind: str, key: str, lang: str):
        self.editor, self.kind, self.key, self.lang = editor, kind, key, lang

    def show(self, text: str | None = None, status: int = 200, notices=(), conflict=None) -> Response:
        source = documents.open_source(self.editor.content, self.kind, self.key)
        if source is None:
            return self.editor.not_found(self.lang)
        text = source.text if text is None else text
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text)
        problems = [p for p in report.sorted() if p.file == shown_file]
        lines = [(p.line, format_message(p.key, dict(p.params), self.lang), p.warning, p.field) for p in problems]
        page = self.editor.base(
            self.lang, word(self.lang, "edit_as_text"), views_url(self.kind, self.key) + "text/", "contents"
        )
        html = views.render(
            self.editor.env,
            "text.html",
            page,
            text=text,
            version=source.version,
            file=shown_file,
            problems=lines,
            errors=sum(not p.warning for p in problems),
            notices=list(notices),
            form_url=views_url(self.kind, self.key),
            action=views_url(self.kind, self.key) + "text/",
            conflict=conflict,
        )
        return Response(status, html, headers=[("Cache-Control", "no-store")])

    def submit(self, fields: dict) -> Response:
        form = Form(fields)
        source = documents.open_source(self.editor.content, self.kind, self.key)
        if source is None:
            return self.editor.not_found(self.lang)
        text = (form.get("text") or "").replace("\r\n", "\n")
        text = documents.like(source.text, text)
        if (form.get("_version") or "") != source.version:
            diff = views.diff_lines(source.text or "", text)
            return self.show(text, 409, [("problem", word(self.lang, "conflict"))], Conflict(source.text, diff, False))
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text)
        if any(p.file == shown_file and not p.warning for p in report.problems):
            return self.show(text, 422, [("problem", word(self.lang, "not_saved_errors"))])
        since = time.monotonic()
        try:
            documents.save(source, text, self.editor.keep)
        except documents.Conflict as exc:
            diff = views.diff_lines(exc.current or "", text)
            return self.show(text, 409, [("problem", word(self.lang, "conflict"))], Conflict(exc.current, diff, False))
        self.editor.preview.wait(since, 10)
        return redirect(views_url(self.kind, self.key) + "?saved=1")


def format_problem(problem: Problem, lang: str) -> str:
    return format_message(problem.key, dict(problem.params), lang)

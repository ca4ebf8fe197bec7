"""One form of the editor: opening it, checking it as it is typed, list operations, saving, and what
happens when the file changed on disk meanwhile."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup

from ..load.yamlfile import YamlError
from ..plan.pages import category_key, kampung_key, lang_prefix, route_key
from ..render.markdown import render_markdown
from ..util.problems import Problem, Report, field_path
from ..validate.specs import SLUG
from . import documents, views
from .forms import ROOT_SPECS, Control, build_form, control_id, fields_of
from .guard import Response, redirect
from .photos import MAX_MB
from .readform import Form, add_photo, apply_op, read_form
from .words import word

if TYPE_CHECKING:
    from .guard import Request
    from .server import Editor

MAX_OPENED = 500  # texts of opened versions kept for combining changes
FOCUSABLE = ("line", "area", "number", "select", "hours", "bool", "slug")


@dataclass
class Evaluated:
    """A submitted form read, applied to its file and checked."""

    source: documents.Source
    value: dict
    body: str | None
    text: str  # the file as saving would write it
    root: Control  # the form, with every problem on its control
    shown: list  # the problems as the form shows them
    others: list[str]  # errors in other files, as `check` prints them
    unknown: list[str]  # fields of the file the content format does not know

    @property
    def errors(self) -> bool:
        return any(not s.warning for s in self.shown)


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


def first_input(control: Control, focus: str) -> str:
    """The id of the first input inside the control named `focus` (or of that control)."""
    for c in control.walk():
        inside = c.name == focus or c.name.startswith((focus + ".", focus + "["))
        if inside and c.kind in FOCUSABLE:
            return c.id
    return control_id(tuple(re.findall(r"[^.\[\]]+", focus))) if focus else ""


def label_of(root: Control, path: tuple) -> str:
    """The label of the field at `path` (its path when the form has no such field)."""
    name = field_path(path)
    return next((c.label for c in root.walk() if c.name == name), name)


class Editing:
    """The form of one file (or category) in the interface language `lang`."""

    def __init__(self, editor: Editor, kind: str, key: str, new: bool, lang: str):
        self.editor, self.kind, self.key, self.new, self.lang = editor, kind, key, new, lang
        self.spec = ROOT_SPECS[kind]
        self.ctx = editor.form_context(kind, key, lang)

    # -- the file ---------------------------------------------------------------------------------

    def slug(self, form: Form) -> str:
        return (form.get("_slug") or "").strip() if self.new else self.key

    def source(self, form: Form) -> documents.Source | None:
        return self.editor.source(self.kind, self.slug(form), self.new)

    def original(self, source: documents.Source) -> Any:
        """The value of the file (a category's own) as it is, or nothing when the form starts empty."""
        if self.new and (self.kind != "category" or source.is_new):
            return {}
        try:
            return documents.value_of(source)
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

    def places(self) -> dict:
        site = self.editor.preview.site()
        return {k.slug: k.location for k in site.kampung} if site else {}

    # -- showing ----------------------------------------------------------------------------------

    def show(self, request: Request) -> Response:
        """The form as the file is now (a new one: empty), after a save or undo if the address says so."""
        source = self.source(Form({}))
        if source is None:
            return self.editor.not_found(self.lang)
        if not self.new and documents.parse_error(source):
            return redirect(views.form_url(self.kind, self.key) + "text/")
        fields = fields_of(build_form(self.spec, self.original(source), self.ctx))
        if self.kind == "page":
            fields["body"] = [documents.body_of(source) if not self.new else ""]
        focus, photo = "", request.arg("photo")
        if photo in documents.images_of(self.editor.content):
            form, focus = add_photo(Form(fields), photo)
            fields = form.fields
        notices = []
        if request.arg("saved") == "1":
            notices.append(("ok", word(self.lang, "saved")))
        undone = request.arg("undone")
        if undone in ("0", "1"):
            notices.append(("ok" if undone == "1" else "problem", word(self.lang, "undone_" + undone)))
        saved = request.arg("saved") == "1"
        return self.respond(fields, notices=notices, focus=focus, saved=saved, fresh=self.new)

    def evaluate(self, fields: dict, exact: bool = False) -> Evaluated:
        """Read a submitted form, apply it to the file and check the result with the build's checks.
        `exact`: check the file's real new text (to save it); else a quicker text of the same value."""
        form = Form(fields)
        # a new file always has a source; an existing one was found before its form was shown or sent
        source = cast(documents.Source, self.source(form))
        value, body = self.value(form, source)
        text = documents.apply(source, value, body) if exact else documents.draft(source, value, body)
        report, shown_file = documents.check(self.editor.content, self.editor.shown, source, text, self.places())
        prefix = f"{self.slug(form)}." if self.kind == "category" else ""
        mine = [p for p in report.sorted() if p.file == shown_file and p.field.startswith(prefix.rstrip("."))]
        others = [p.render(self.lang) for p in report.sorted() if p not in mine and not p.warning]
        root = build_form(self.spec, value, self.ctx)
        slug, body_control = self.extra_controls(form, body)
        root.children = root.children[:1] + slug + root.children[1:] + body_control  # the address after the name
        shown = views.attach(root, self.slug_problems(form, shown_file) + mine, self.lang, prefix)
        return Evaluated(source, value, body, text, root, shown, others, views.unknown_fields(mine, prefix))

    def extra_controls(self, form: Form, body: str | None) -> tuple[list[Control], list[Control]]:
        """Controls that are not fields of the content format: a new file's address, a page's text."""
        slug, page = [], []
        if self.new:
            control = Control("slug", ("_slug",), word(self.lang, f"slug_{self.kind}"), required=True)
            control.help, control.value = word(self.lang, f"slug_help_{self.kind}"), self.slug(form)
            slug.append(control)
        if body is not None:
            area = Control("markdown", ("body",), word(self.lang, "page_body"), word(self.lang, "page_body_help"))
            child = Control("area", ("body",), area.label, area.help, value=body, lang=self.ctx.languages[0])
            child.preview = Markup(render_markdown(body, 2)) if body.strip() else None
            area.children = [child]
            page.append(area)
        return slug, page

    def respond(
        self,
        fields: dict[str, list[str]],
        status: int = 200,
        notices: Sequence[tuple[str, str]] = (),
        focus: str = "",
        saved: bool = False,
        conflict: Conflict | None = None,
        fresh: bool = False,
    ) -> Response:
        """The form page for submitted (or opened) fields, with every problem beside its field; a
        `fresh` form (new, nothing typed yet) shows none until its fields are filled in."""
        done = self.evaluate(fields)
        if fresh:
            for control in done.root.walk():
                control.problems = []
            done.shown = []
        if done.source.text is not None:
            self.remember(done.source)
        page = self.editor.base(self.lang, self.heading(done.value), self.action_url(), "contents")
        page.map = self.kind == "kampung"
        html = views.render(
            self.editor.env,
            "form.html",
            page,
            form=done.root,
            kind=self.kind,
            key=self.key,
            new=self.new,
            version=(fields.get("_version") or [done.source.version])[0],  # a draft keeps its first version
            action=self.action_url(),
            shown=done.shown,
            errors=[s for s in done.shown if not s.warning],
            warnings=[s for s in done.shown if s.warning],
            others=done.others,
            counts=word(self.lang, "fill_required") if fresh else views.counts_text(done.shown, self.lang),
            notices=list(notices),
            focus=focus if focus in ("summary", "conflict") else first_input(done.root, focus) if focus else "",
            saved=saved,
            preview_url=self.preview_url(),
            can_undo=not self.new and documents.can_undo(self.editor.keep, done.source),
            undo_url=views.form_url(self.kind, self.key) + "undo/",
            text_url=views.form_url(self.kind, self.key) + "text/",
            map_data=views.map_island(
                self.editor.preview.site(), self.editor.config(), self.key, done.value, self.lang
            ),
            conflict=conflict,
            unknown=done.unknown,
            upload_url=views.form_url(self.kind, self.key) + "upload/",
            upload_max=MAX_MB,
            fresh=fresh,
        )
        return Response(status, html, headers=[("Cache-Control", "no-store")])

    def remember(self, source: documents.Source) -> None:
        """Keep the text of the version a form shows, so that its changes can later be combined."""
        opened = self.editor.opened
        opened[source.version] = cast(str, source.text)  # respond keeps only a file that has a text
        while len(opened) > MAX_OPENED:
            opened.pop(next(iter(opened)))

    def heading(self, value: dict) -> str:
        if self.new:
            return word(self.lang, f"new_{self.kind}")
        if self.kind == "site":
            return word(self.lang, "site_settings")
        name = value.get("name") or value.get("title")
        if isinstance(name, dict):
            name = next((name[k] for k in self.ctx.languages if isinstance(name.get(k), str)), "")
        return name if isinstance(name, str) and name else self.key

    def action_url(self) -> str:
        return f"/_editor/new/{self.kind}/" if self.new else views.form_url(self.kind, self.key)

    def preview_url(self) -> str:
        """The page of the preview that shows this file ("" for one not saved yet)."""
        if self.new:
            return ""
        keys = {"kampung": kampung_key, "route": route_key, "category": category_key}
        if self.kind in keys:
            return "/" + keys[self.kind](self.key)
        if self.kind == "page":
            languages = self.editor.form_context("site", "", self.lang).languages
            slug, _, code = self.key.partition(".")
            return "/" + lang_prefix(code or languages[0], languages) + slug + "/"
        return "/"

    # -- submitting ---------------------------------------------------------------------------------

    def submit(self, fields: dict) -> Response:
        form = Form(fields)
        if form.get("_op"):
            changed, focus = apply_op(form, cast(str, form.get("_op")))  # not None: tested above
            return self.respond(changed.fields, notices=[("info", word(self.lang, "not_saved_yet"))], focus=focus)
        if form.get("_action") == "combine":
            return self.combine(form)
        return self.save(form)

    def save(self, form: Form) -> Response:
        """Write the form's content unless it has errors or the file changed since the form was opened."""
        source = self.source(form)
        if source is None:  # removed on disk since the form was opened
            return self.conflict(form, None)
        if self.new and self.slug_problems(form, ""):
            return self.respond(form.fields, 422, focus="summary")
        if (form.get("_version") or "") != source.version:
            return self.conflict(form, source.text)
        done = self.evaluate(form.fields, exact=True)
        if done.errors:
            notice = [("problem", word(self.lang, "not_saved_errors"))]
            return self.respond(form.fields, 422, notices=notice, focus="summary")
        try:
            documents.save(done.source, done.text, self.editor.keep)
        except documents.Conflict as exc:
            return self.conflict(form, exc.current)
        self.editor.preview.wait(time.monotonic(), 10)
        return redirect(views.form_url(self.kind, self.slug(form)) + "?saved=1")

    def conflict(self, form: Form, current: str | None) -> Response:
        """Refuse the save, and show what is on disk now beside what this form would write."""
        source = self.source(form)
        mine = documents.apply(source, *self.value(form, source)) if source is not None else ""
        diff = views.diff_lines(current or "", mine)
        known = (form.get("_version") or "") in self.editor.opened and current is not None
        notice = [("problem", word(self.lang, "conflict_gone" if current is None else "conflict"))]
        return self.respond(form.fields, 409, notices=notice, focus="conflict", conflict=Conflict(current, diff, known))

    def combine(self, form: Form) -> Response:
        """This form's changes put onto the file as it is now, shown for review (not saved yet)."""
        opened = self.editor.opened.get(form.get("_version") or "")
        current = self.source(form)
        if opened is None or current is None or current.text is None:
            return self.conflict(form, current.text if current else None)
        base_source = documents.Source(self.kind, current.key, current.path, opened)
        base = self.original(base_source)
        mine, mine_body = self.value(form, base_source)
        merged, clashes = merge3(base, mine, self.original(current))
        root = build_form(self.spec, merged, self.ctx)
        fields = fields_of(root)
        if self.kind == "page":
            bodies = (documents.body_of(base_source), mine_body, documents.body_of(current))
            fields["body"] = [merge3(*bodies)[0]]
            clashes += [("body",)] if len(set(bodies)) == 3 else []
        fields["_version"] = [current.version]  # from now on the draft is based on the file as it is
        if self.new:
            fields["_slug"] = [self.slug(form)]
        notices = [("ok", word(self.lang, "combined"))]
        if clashes:
            names = ", ".join(label_of(root, path) for path in clashes)
            notices = [("problem", word(self.lang, "combined_clash", fields=names))]
        return self.respond(fields, 200, notices=notices)

    # -- requests of the page's script -------------------------------------------------------------

    def check(self, fields: dict) -> dict:
        """Problems, previews and counts for the form as typed so far (and a new file's address)."""
        done = self.evaluate(fields)
        extra = {}
        if self.new and not (Form(fields).get("_slug") or "").strip():
            name = done.value.get("name") or done.value.get("title") or ""
            main = name.get(self.ctx.languages[0], "") if isinstance(name, dict) else name
            extra["slug"] = slugify(main if isinstance(main, str) else "", "kampung" if self.kind == "kampung" else "")
        return views.check_result(done.root, done.shown, done.others, self.lang, extra)

    def operate(self, fields: dict, photo: str = "") -> dict:
        """A list operation (or a new photo) done on the form: the list's new HTML and what to focus."""
        form = Form(fields)
        if photo:
            changed, focus = add_photo(form, photo)
            owner = "photos"
            focus += f".alt.{self.ctx.languages[0]}" if len(self.ctx.languages) > 1 else ".alt"
        else:
            changed, focus = apply_op(form, form.get("_op") or "")
            owner = re.sub(r"\[\d+\]$", "", (form.get("_op") or "").partition(":")[2])
        done = self.evaluate(changed.fields)
        target = next((c for c in done.root.walk() if c.name == owner and c.kind == "list"), None)
        if target is None:
            return {"error": word(self.lang, "not_found")}
        result = views.check_result(done.root, done.shown, done.others, self.lang, {})
        html = views.fragment(self.editor.env, target, self.lang)
        return {**result, "html": html, "list": target.id, "focus": first_input(target, focus), "file": photo}

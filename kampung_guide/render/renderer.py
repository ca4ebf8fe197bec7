"""Render planned pages to HTML with Jinja: the environment (a site's own templates first), the page's
view in its kind's template, and template errors as `file:line: template: message`. Templates get
ready values from the views; they compute nothing."""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import jinja2

from ..plan.pages import AnyPage
from ..util.memo import IdentityMemo
from ..validate.model import Site
from .context import Assets, Neighbours, PhotoSizes, ViewContext
from .views import VIEWS, common

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class TemplateError(Exception):
    """A template that cannot be found or used (a site's own templates are edited by hand); the
    message says where, as `file:line: template: what`."""


def make_environment(extra: list[Path] | None = None) -> jinja2.Environment:
    """Jinja with the site's own template folders first, so one template can be overridden alone."""
    folders = [str(p) for p in (extra or []) if p.is_dir()] + [str(PROJECT_TEMPLATES)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals["template_folders"] = folders
    return env


class Renderer:
    """Renders the planned pages of one site: each page's view (views.py) in its kind's template;
    language always comes from the page."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        assets: Assets,
        base_url: str | None,
        photos: Mapping[str, PhotoSizes],
        neighbours: Neighbours,
        memo: IdentityMemo | None = None,
    ):
        """`photos` maps file names to their `outputs.images.PhotoSet`; `neighbours` is
        `geo.nearest_all`'s table. `memo`, a previous renderer's for the same settings and categories,
        keeps what was made from each unchanged profile (cards, pins, planner entries) for the next
        preview rebuild."""
        self.env = env
        self.context = ViewContext(site, env, assets, base_url, photos, neighbours, memo or IdentityMemo())

    @property
    def assets(self) -> Assets:
        return self.context.assets

    @property
    def memo(self) -> IdentityMemo:
        return self.context.memo

    @property
    def neighbours(self) -> Neighbours:
        return self.context.neighbours

    def render(self, page: AnyPage) -> str:
        """The HTML of one page."""
        values = {**common(page, self.context), **VIEWS[page.kind.name](page, self.context)}
        name = page.kind.template
        try:
            return self.env.get_template(name).render(values)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            where: str | None = template_line(exc) or f"{name}:1"
            raise TemplateError(
                f"{where}: template: {exc.name} not found in: "
                f"{', '.join(cast(list[str], self.env.globals['template_folders']))}"  # set by make_environment
            ) from None
        except Exception as exc:
            where = template_line(exc)
            if where is None:  # not the template's doing
                raise
            raise TemplateError(f"{where}: template: {exc}") from None


def template_line(exc: BaseException) -> str | None:
    """`file:line` of the innermost template line an error passed through (Jinja shows templates as
    the frames of their compiled code), or None."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None

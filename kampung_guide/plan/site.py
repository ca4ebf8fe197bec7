"""The checked site: every content file validated, then every link written in Markdown checked
against the addresses the site will have (plan/pages.py). The entry point of every command."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from ..util.problems import Report
from ..validate.content import Checked, ProfileCache, validate_site
from ..validate.model import Site
from .pages import Addresses, site_addresses


def load_site(
    root: Path, shown: str | None = None, cache: ProfileCache | None = None, today: datetime.date | None = None
) -> tuple[Site | None, Report]:
    """Load and check the whole content folder; the Site is None when there are errors.

    A `cache` dict kept between calls lets unchanged profiles skip parsing and checking; `today`
    (default: the date in Jakarta) decides which profiles were checked too long ago.
    """
    checked = validate_site(root, shown, cache, today)
    check_links(checked, addresses_checked(checked))
    return checked.site(), checked.report


def addresses_checked(checked: Checked) -> Addresses:
    """The addresses of what passed the checks (a broken file's pages do not exist)."""
    return site_addresses(
        checked.languages,
        (k.slug for k in checked.kampung),
        checked.categories or {},
        (p.slug for p in checked.pages),
        (r.slug for r in checked.routes),
        ((p.file, p.width) for k in checked.kampung for p in k.photos if p.width),
    )


def check_links(checked: Checked, addresses: Addresses) -> None:
    """Every site-absolute link in Markdown must lead to a page, poster, data file or photo of the site."""
    report_broken_links(checked.links, addresses, checked.report)


def report_broken_links(links: Iterable[tuple[str, int, tuple, str]], addresses: Addresses, report: Report) -> None:
    """A problem for each link (file, line, field, target) that leads to no address of the site."""
    for file, line, field, target in links:
        if addresses.find(target) is None:
            report.add(file, line, field, "broken_link", target="/" + target)

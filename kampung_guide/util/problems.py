"""Problems found in content, each tied to a file, a line and a field, in the editor's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from .messages import format_message

FieldPath = tuple[str | int, ...]  # keys and list indexes from a file's top, e.g. ("products", 0, "price_idr")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: an error stops the build, a warning does not."""

    file: str  # or a spreadsheet cell, `FILE.xlsx:Kampung!E4`, with line 0
    line: int
    field: str
    key: str
    params: tuple[tuple[str, object], ...] = ()  # (name, value) pairs, sorted by name
    warning: bool = False
    excerpt: str = ""  # the text of the line, as written, quoted under the message

    def render(self, lang: str = "en", excerpt: bool = False) -> str:
        """`file:line: field: message`, with warnings marked as such; with `excerpt`, the line's text
        under it (`    12 |   lat: 1`), as `check` prints it."""
        text = format_message(self.key, dict(self.params), lang)
        if self.warning:
            text = format_message("warning_prefix", {}, lang) + text
        where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "  # a spreadsheet cell has no line
        shown = where + (f"{self.field}: " if self.field else "") + text
        return shown + ("\n" + self.quote() if excerpt and self.excerpt else "")

    def quote(self) -> str:
        """The line's text with its number, as compilers show it: `    12 |   lat: 1`."""
        return f"{self.line:>6} | {self.excerpt}" if self.excerpt else ""


@dataclass
class Report:
    """Collects every problem of a run, so an editor sees them all at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int,
        path: FieldPath,
        key: str,
        /,
        *,
        warning: bool = False,
        excerpt: str = "",
        **params: object,
    ) -> None:
        """Record a problem at `path` (a tuple of keys and list indexes) in `file`; `excerpt` is the
        text of the line, quoted under the message."""
        problem = Problem(file, line, field_path(path), key, tuple(sorted(params.items())), warning, excerpt)
        self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    def sorted(self) -> list[Problem]:
        """Errors first, each group by file and line."""
        return sorted(self.problems, key=lambda p: (p.warning, p.file, p.line, p.field))


def field_path(path: FieldPath) -> str:
    """`('products', 0, 'price_idr')` -> `products[0].price_idr`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

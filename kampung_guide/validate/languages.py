"""Which keys are language codes: the languages CLDR knows (through Babel), not a hand-made list.

A text may carry a language the site does not publish (yet): it is kept and ignored. A key that is
no language code (`eng`, `EN`, `english`) is a mistake, and so is a real but unlikely code that
is a published one with its letters swapped (`ne` on a site in `en`): both get a "did you mean".
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping

from babel import localedata
from babel.core import get_global


@functools.cache
def language_codes() -> frozenset[str]:
    """Every language CLDR has data for, as its code: `id`, `en`, `ms`, `jv`, `zh`, `yue`…"""
    return frozenset(name for name in localedata.locale_identifiers() if "_" not in name and name != "root")


def is_language(code: str) -> bool:
    return code in language_codes()


def suggestion(key: str, published: tuple[str, ...]) -> str:
    """The code a mistyped key most likely meant, a published language first; '' when none is close."""
    lower = key.strip().lower().replace("-", "_").split("_")[0]
    aliases: Mapping[str, str] = get_global("language_aliases")
    for candidate in (lower, aliases.get(lower, ""), lower[:2]):
        if candidate in published:
            return candidate
    if is_language(lower):
        return lower
    alias = aliases.get(lower, "")
    if is_language(alias):
        return alias
    close = difflib.get_close_matches(lower, list(published), n=1, cutoff=0.5)
    return close[0] if close else ""


def looks_mistyped(code: str, published: tuple[str, ...]) -> str:
    """The published language that `code`, a real but unpublished language, is probably a typo of:
    the same letters in another order (`ne` for `en`); '' otherwise."""
    if code in published:
        return ""
    return next((lang for lang in published if sorted(lang) == sorted(code)), "")


def kind_of_key(key: object, published: tuple[str, ...]) -> tuple[str, str]:
    """What a key of a text mapping is: ('published', ''), ('unpublished', ''), or ('wrong', suggestion)."""
    if not isinstance(key, str):
        return "wrong", ""
    if key in published:
        return "published", ""
    if is_language(key) and not looks_mistyped(key, published):
        return "unpublished", ""
    return "wrong", looks_mistyped(key, published) or suggestion(key, published)

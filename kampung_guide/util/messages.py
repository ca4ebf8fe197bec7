"""Every message `check`, `build` and `serve` can print, in the messages language.

The messages themselves are in the gettext catalogues of the `messages` domain
(kampung_guide/locale/messages/: messages.pot, the English source, and one <lang>.po per
translation); a new message goes into both, at their end.
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import messages, shipped_languages


def format_message(key: str, params: Mapping[str, object], lang: str) -> str:
    """The message `key` in `lang` (English where `lang` has no translation), filled with `params`;
    a `got` param (the kind of value found) is said in the same language."""
    words = messages(lang)
    if "got" in params and f"got:{params['got']}" in words:
        params = {**params, "got": words.t(f"got:{params['got']}")}
    return words.t(key, **params)


def message_languages() -> tuple[str, ...]:
    """The languages messages can be printed in: English and each translation the package ships."""
    return shipped_languages("messages")

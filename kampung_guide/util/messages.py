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
    a `got` param (the kind of value found) is said in the same language, and a tuple of choices
    as `2 or 3`."""
    words = messages(lang)
    filled = dict(params)
    if "got" in filled and f"got:{filled['got']}" in words:
        filled["got"] = words.t(f"got:{filled['got']}")
    for name, value in filled.items():
        if isinstance(value, tuple):
            filled[name] = words.t("or").join(str(v) for v in value)
    return words.t(key, **filled)


def message_languages() -> tuple[str, ...]:
    """The languages messages can be printed in: English and each translation the package ships."""
    return shipped_languages("messages")

"""What a new profile is written with (`build.py new kampung`) and `check` refuses to publish:
its example texts, and `...` where a value is still to be filled in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..util.problems import FieldPath

TEXTS = {  # by language; a language without its own falls back to English
    "id": {
        "summary": "Tulis satu kalimat tentang apa yang dibuat di sini dan mengapa perlu dikunjungi.",
        "description": "Ceritakan kampung ini: sejarah, cara membuat produknya, apa yang bisa dilihat.",
    },
    "en": {
        "summary": "Write one sentence about what is made here and why to visit.",
        "description": (
            "Tell the story of this kampung: its history, how the products are made, what a visitor can see."
        ),
    },
}
TO_FILL = "..."  # the value of every commented-out field of a new profile
_TO_FILL_WORD = re.compile(r"(?:^|\s)(?:\.\.\.|…)(?=[\s,;]|$)")
_KNOWN = {text for texts in TEXTS.values() for text in texts.values()}


def placeholder_text(field: str, lang: str) -> str:
    """The example text a new profile has in `field` for `lang`."""
    return TEXTS.get(lang, TEXTS["en"])[field]


def is_placeholder(text: str) -> bool:
    """Whether `text` is still a new profile's example, or has a `...` standing for what to write."""
    text = text.strip()
    return text in _KNOWN or bool(_TO_FILL_WORD.search(text))


def find_placeholders(value: object, path: FieldPath = ()) -> Iterator[FieldPath]:
    """The paths of every text in a parsed file (or part of one) that is still to be filled in."""
    if isinstance(value, str):
        if is_placeholder(value):
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from find_placeholders(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from find_placeholders(item, path + (index,))

"""Remember what was computed from an unchanging content object, so a rebuild does it once.

Profiles are frozen, and the preview keeps the same object for a file that did not change, so
identity is enough: an entry holds its object, which also keeps its id from being reused.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

T = TypeVar("T")


class IdentityMemo:
    def __init__(self) -> None:
        self.entries: dict[tuple[int, Hashable], tuple[object, Any]] = {}  # each key's values are of one type

    def get(self, obj: object, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` for (obj, key), or the value it gave last time for this very object."""
        entry = self.entries.get((id(obj), key))
        if entry is None or entry[0] is not obj:
            entry = (obj, compute())
            self.entries[(id(obj), key)] = entry
        return cast(T, entry[1])

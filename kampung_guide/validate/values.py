"""The small values content is made of (a text in several languages, a price, opening hours), and
the `value` decorator every model class uses. Below specs.py and model.py, which both use them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

if TYPE_CHECKING:
    from .hours import Rule

C = TypeVar("C")


@overload
def value(cls: type[C], /) -> type[C]: ...
@overload
def value(cls: None = None, /, *, kw_only: bool = False) -> Callable[[type[C]], type[C]]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field,))  # so type checkers see the dataclass
def value(cls: type[C] | None = None, /, *, kw_only: bool = False) -> type[C] | Callable[[type[C]], type[C]]:
    """A frozen dataclass with slots that pickles as a call of its constructor: twice as fast to
    send between processes as the dataclass default, which the parallel loader relies on.
    `kw_only` classes (the content's own, whose fields follow the order of the content format)
    are rebuilt from keywords."""

    def make(cls: type[C]) -> type[C]:
        cls = dataclass(frozen=True, slots=True, kw_only=kw_only)(cls)
        cls.__reduce__ = _reduce_keywords if kw_only else _reduce  # type: ignore[method-assign]  # see the docstring
        return cls

    return make if cls is None else make(cls)


def _reduce(self: Any) -> tuple[type[Any], tuple[object, ...]]:  # self: an instance of any value class
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


def _reduce_keywords(self: Any) -> tuple[Callable[..., object], tuple[object, ...]]:
    return _rebuild, (type(self), tuple(getattr(self, name) for name in self.__slots__))


def _rebuild(cls: type[Any], values: tuple[object, ...]) -> object:  # cls: any kw_only value class
    return cls(**dict(zip(cls.__slots__, values, strict=True)))


@value
class Text:
    """A text in one or more languages. `fallback` is the language shown where one is missing: the
    first of the site's languages that has the text (any language fills in for a missing one)."""

    values: dict[str, str]
    fallback: str

    def get(self, lang: str) -> str:
        """The text in `lang`, or in the fallback language when it is not translated."""
        return self.values.get(lang) or self.values.get(self.fallback) or next(iter(self.values.values()), "")

    def translated(self, lang: str) -> bool:
        """Whether the text was written in `lang` (a plain string counts as every language)."""
        return bool(self.values.get(lang)) or "*" in self.values

    @classmethod
    def plain(cls, text: str, fallback: str) -> Text:
        """The same text in every language."""
        return cls({"*": text}, fallback)


@value
class Price:
    """A price in rupiah, or a range."""

    low: int
    high: int


@value
class Hours:
    """OpenStreetMap opening_hours, parsed: the source text and its rules."""

    source: str
    rules: tuple[Rule, ...]

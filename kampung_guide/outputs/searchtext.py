"""Search words the same way at build time and in the browser: fold, split, and a light stemmer.

assets/search.js holds a line-for-line JavaScript twin of this module; tests/test_search_browser.py
checks that both give the same forms for the same words.

A word becomes its *forms*: the folded word itself, then the stems a light Indonesian stemmer can
find (`membatik` -> `batik`, `menyulam` -> `sulam`, `memasak` -> `pasak`, `masak`). Without a
dictionary an affix cannot always be told from a root, so an ambiguous word keeps every reading;
a wrong stem only adds a token that nobody searches for. English pages also get a plural rule and,
because the guide's English text keeps Indonesian words (kampung, batik, tags), the Indonesian rules.
"""

from __future__ import annotations

import functools
import re
import unicodedata

MIN_STEM = 4  # a stem shorter than this is more likely a wrong cut than a root
VOWELS = "aeiou"
_MARKS = re.compile("[\u0300-\u036f]")
_WORD = re.compile("[a-z0-9]+")
_LETTERS = re.compile("^[a-z]+$")

# (prefix, what may follow it, how the root starts again): "" keeps the rest, a letter is put back
# where the nasal swallowed it (me-nulis -> tulis). Longer prefixes come first; the first match wins.
PREFIXES = (
    ("meny", VOWELS, ("s",)),
    ("peny", VOWELS, ("s",)),
    ("meng", VOWELS, ("", "k")),
    ("peng", VOWELS, ("", "k")),
    ("meng", "gkh", ("",)),
    ("peng", "gkh", ("",)),
    ("mem", "bfpv", ("",)),
    ("pem", "bfpv", ("",)),
    ("mem", VOWELS, ("p", "m")),
    ("pem", VOWELS, ("p", "m")),
    ("men", "cdjstz", ("",)),
    ("pen", "cdjstz", ("",)),
    ("men", VOWELS, ("t", "n")),
    ("pen", VOWELS, ("t", "n")),
    ("ber", VOWELS, ("", "r")),
    ("per", VOWELS, ("", "r")),
    ("ter", VOWELS, ("", "r")),
    ("ber", "", ("",)),
    ("per", "", ("",)),
    ("ter", "", ("",)),
    ("me", "lrwymn", ("",)),
    ("pe", "bcdfghjklmnpqrstvwxyz", ("",)),
    ("di", "", ("",)),
    ("ke", "", ("",)),
)
SUFFIXES = ("kan", "an", "i")


def fold_text(text: str) -> str:
    """Lower case without diacritics: `Kerajinan Tenun Éndah` -> `kerajinan tenun endah`."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


def split_words(text: str) -> list[str]:
    """The folded words of `text`; anything but a-z and 0-9 separates them."""
    return _WORD.findall(fold_text(text))


def strip_suffix(word: str) -> str:
    """`kerajinannya` -> `kerajinan` -> `kerajin`: -nya, then one of -kan/-an/-i, keeping 4 letters."""
    if word.endswith("nya") and len(word) - 3 >= MIN_STEM:
        word = word[:-3]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def strip_prefix(word: str) -> list[str]:
    """The roots `word` may have under the first prefix rule that fits: `menulis` -> [`tulis`, `nulis`]."""
    for prefix, following, restore in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest and (not following or rest[0] in following):
            return [root for root in (letter + rest for letter in restore) if len(root) >= MIN_STEM]
    return []


def indonesian_forms(word: str) -> list[str]:
    """The stems of an Indonesian word, without the word itself."""
    stem = strip_suffix(word)
    return [stem, *strip_prefix(word), *strip_prefix(stem)]


def english_forms(word: str) -> list[str]:
    """A singular for a plain English plural: `sandals` -> `sandal` (not `glass`)."""
    return [word[:-1]] if word.endswith("s") and not word.endswith("ss") and len(word) - 1 >= MIN_STEM else []


def word_forms(word: str, lang: str) -> list[str]:
    """A folded word and its stems, the word first, without repeats."""
    return list(_word_forms(word, lang))


@functools.lru_cache(maxsize=65536)  # texts repeat few distinct words; stemming each once keeps large builds fast
def _word_forms(word: str, lang: str) -> tuple[str, ...]:
    forms = [word]
    if _LETTERS.match(word):
        if lang != "id":
            forms += english_forms(word)
        forms += indonesian_forms(word)
    return tuple(dict.fromkeys(forms))


def query_terms(text: str, lang: str) -> list[list[str]]:
    """What a visitor typed, as one list of forms per word; a card matches when every word matches."""
    return [word_forms(word, lang) for word in split_words(text)]


def index_tokens(text: str, lang: str) -> list[str]:
    """Every form of every word in `text`, sorted, without those that start another token.

    A query form matches when it starts some token, so a token that starts a longer one adds nothing.
    """
    tokens = sorted({form for word in split_words(text) for form in _word_forms(word, lang)})
    return [
        token for token, following in zip(tokens, tokens[1:] + [""], strict=True) if not following.startswith(token)
    ]


def query_matches(terms: list[list[str]], tokens: str) -> bool:
    """Whether every query word has a form that starts some token of the space-separated `tokens`."""
    text = " " + tokens
    return all(any(" " + form in text for form in forms) for forms in terms)

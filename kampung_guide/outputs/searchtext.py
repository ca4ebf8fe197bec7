"""Search words the same way at build time and in the browser: fold, split, and a light stemmer.

assets/search.js holds a line-for-line JavaScript twin of this module and of searchrank.py;
tests/test_search_browser.py checks that both give the same forms and the same ranking.

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
LETTERS = re.compile("^[a-z]+$")

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

# Words the search treats alike, a group each, shipped with the guide (a site adds its own groups in
# site.yaml, `search_variants`): spelling variants, and words visitors use for the same thing in
# either language.
VARIANTS = (
    ("perajin", "pengrajin"),
    ("suvenir", "souvenir", "cenderamata", "cinderamata"),
    ("kue", "jajanan", "camilan", "kudapan"),
    ("workshop", "kelas", "kursus", "class", "course"),
    ("fiberglass", "fibreglass"),
    ("colour", "color"),
    ("centre", "center"),
    ("jewellery", "jewelry"),
)


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
    if LETTERS.match(word):
        if lang != "id":
            forms += english_forms(word)
        forms += indonesian_forms(word)
    return tuple(dict.fromkeys(forms))


def query_terms(text: str, lang: str) -> list[list[str]]:
    """What a visitor typed, as one list of forms per word (searchrank.py ranks the cards with them)."""
    return [word_forms(word, lang) for word in split_words(text)]


def index_tokens(text: str, lang: str) -> list[str]:
    """Every form of every word in `text`, sorted, without those that start another token.

    A query form matches when it starts some token, so a token that starts a longer one adds nothing.
    """
    return drop_prefixes(sorted({form for word in split_words(text) for form in _word_forms(word, lang)}))


def drop_prefixes(tokens: list[str]) -> list[str]:
    """Sorted `tokens` without those that start the next one (a query form that starts one starts both)."""
    following = [*tokens[1:], ""] if tokens else []
    return [token for token, after in zip(tokens, following, strict=True) if not after.startswith(token)]


def variant_groups(extra: tuple[tuple[str, ...], ...] = ()) -> list[list[str]]:
    """The shipped groups of words searched alike and a site's `extra` ones, folded and sorted; groups
    that share a word become one."""
    groups: list[set[str]] = []
    for group in (*VARIANTS, *extra):
        words = {word for text in group for word in split_words(text)}
        for other in [g for g in groups if g & words]:
            groups.remove(other)
            words |= other
        groups.append(words)
    return sorted(sorted(group) for group in groups if len(group) > 1)


def typo_allowance(length: int) -> int:
    """How many edits a word of `length` letters may be off by: none below five, one, two from eight."""
    return 2 if length >= 8 else 1 if length >= 5 else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits from `a` to `b` (a letter added, dropped, changed, or two neighbours swapped), or `limit` + 1
    as soon as more are needed."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)

"""Rank the list page's kampung for what a visitor typed, as assets/search.js does in the browser.

The browser does the searching; this module is its twin, so that the ranking is specified, tested
on content and compared with the JavaScript (tests/test_search_browser.py). Each word of the query
is a *slot*, scored for each kampung by the best way it is found there:

- its own forms (searchtext.word_forms) starting a token: 6 in the page's language, 3 in another;
- a word searched alike (searchtext.VARIANTS and the site's `search_variants`), a split of a joined
  word ("ondeonde" -> "onde" + "onde", both found) or, for two neighbouring words, their join
  ("fiber glass" -> "fiberglass"): 5 in the page's language, 2 in another;
- a word of the guide one edit away (two from eight letters; the word or the guide's word has five
  letters or more, both at least four, and the same first letter): 4 in the page's language, 1 in
  another;
- a word of the site's title or city (true of every kampung): 1.

A kampung is shown when at least one slot scores; those with more slots found come first, then
those with the higher sum, then the list's own order (by name).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .searchtext import LETTERS, edit_distance, split_words, typo_allowance, word_forms

EXACT, VARIANT, TYPO = (0, 3, 6), (0, 2, 5), (0, 1, 4)  # score by level: not found, other language, own
SITE_SCORE = 1
MIN_TYPO = 4  # letters a word needs before an edit is forgiven
MIN_PART = 3  # letters each part of a split word needs


@dataclass(frozen=True)
class Row:
    slug: str
    own: str  # " " + the tokens of the page's language, space-separated
    other: str  # " " + the tokens only the other languages have


@dataclass
class Ranker:
    """One language's search index, ready to rank queries."""

    lang: str
    rows: list[Row]
    site: str  # " " + the tokens of the site's title and city
    variants: dict[str, list[str]]  # word -> the other words of its group
    vocabulary: list[str] = field(default_factory=list)  # sorted: every token and its forms
    known: frozenset[str] = frozenset()

    @classmethod
    def of(cls, index: dict) -> Ranker:
        """A ranker for an index made by outputs/search.py."""
        at = {name: i for i, name in enumerate(index["fields"])}
        rows = [Row(row[at["slug"]], " " + row[at["tokens"]], " " + row[at["other"]]) for row in index["kampung"]]
        variants: dict[str, list[str]] = {}
        for group in index["variants"]:
            for word in group:
                variants[word] = [other for other in group if other != word]
        tokens = {token for row in rows for token in (row.own + row.other).split()}
        words = set(tokens)
        for token in tokens:
            words.update(word_forms(token, index["lang"]))
        ranker = cls(index["lang"], rows, " " + index["site"], variants, sorted(words), frozenset(words))
        return ranker

    def rank(self, query: str) -> list[tuple[str, int, int]]:
        """(slug, slots found, score) of each kampung shown, best first; an empty query shows all."""
        words = split_words(query)
        if not words:
            return [(row.slug, 0, 0) for row in self.rows]
        scores = [[self.slot_score(alternatives, row) for row in self.rows] for alternatives in map(self.ways, words)]
        for i in range(len(words) - 1):
            joined = words[i] + words[i + 1]
            if self.starts_a_word([joined]):
                for r, row in enumerate(self.rows):
                    score = VARIANT[level([[joined]], row)]
                    scores[i][r] = max(scores[i][r], score)
                    scores[i + 1][r] = max(scores[i + 1][r], score)
        for word, slot in zip(words, scores, strict=True):
            if any(" " + form in self.site for form in word_forms(word, self.lang)):
                slot[:] = [max(score, SITE_SCORE) for score in slot]
        found = []
        for r, row in enumerate(self.rows):
            slots = [slot[r] for slot in scores]
            matched = sum(1 for score in slots if score)
            if matched:
                found.append((-matched, -sum(slots), r, row.slug))
        return [(slug, -matched, -total) for matched, total, _, slug in sorted(found)]

    def ways(self, word: str) -> list[tuple[tuple[int, int, int], list[list[str]]]]:
        """How a query word may be found: (scores by level, parts that must all be found, each a list of forms)."""
        forms = word_forms(word, self.lang)
        found = [(EXACT, [forms])]
        alike = dict.fromkeys(other for form in forms for other in self.variants.get(form, ()))
        found += [(VARIANT, [word_forms(other, self.lang)]) for other in alike]
        if LETTERS.match(word):
            found += [(TYPO, [[near]]) for near in self.near_words(word)]
            if len(word) >= 2 * MIN_PART and not self.starts_a_word(forms):
                for i in range(MIN_PART, len(word) - MIN_PART + 1):
                    left, right = word[:i], word[i:]
                    if left in self.known and right in self.known:
                        found.append((VARIANT, [word_forms(left, self.lang), word_forms(right, self.lang)]))
        return found

    def slot_score(self, ways: list[tuple[tuple[int, int, int], list[list[str]]]], row: Row) -> int:
        return max(scores[level(parts, row)] for scores, parts in ways)

    def near_words(self, word: str) -> list[str]:
        """The guide's words a typo away from `word` (not those it starts: they are found anyway)."""
        if len(word) < MIN_TYPO:
            return []
        start = bisect.bisect_left(self.vocabulary, word[0])
        near = []
        for other in self.vocabulary[start:]:
            if other[0] != word[0]:
                break
            allowed = typo_allowance(max(len(word), len(other)))
            if len(other) < MIN_TYPO or not allowed or other.startswith(word) or abs(len(other) - len(word)) > allowed:
                continue
            if 0 < edit_distance(word, other, allowed) <= allowed:
                near.append(other)
        return near

    def starts_a_word(self, forms: list[str]) -> bool:
        """Whether some word of the guide starts with one of `forms`."""
        for form in forms:
            i = bisect.bisect_left(self.vocabulary, form)
            if i < len(self.vocabulary) and self.vocabulary[i].startswith(form):
                return True
        return False


def level(parts: list[list[str]], row: Row) -> int:
    """2 when every part has a form starting a token of the page's language, 1 when each does in some
    language, else 0."""
    lowest = 2
    for forms in parts:
        if any(" " + form in row.own for form in forms):
            continue
        if not any(" " + form in row.other for form in forms):
            return 0
        lowest = 1
    return lowest

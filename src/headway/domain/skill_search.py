"""In-memory autocomplete over a skills vocabulary such as ESCO's.

Every preferred and alternative label is normalised (accents removed, case folded, punctuation
dropped except the ``+`` and ``#`` of names like C++ and C#, British and American spellings
given one key by ``text.spelling_key``) and split into tokens. A query is
answered in tiers, each filling the list only with skills not already suggested:

1. exact: the whole label equals the query;
2. word prefix: the label starts with the query's words ("excel" finds "excel spreadsheets");
3. whole words: every query word is a word of the label ("excel" finds "Microsoft Office
   Excel" before "excellence");
4. prefix: the label starts with the query, the last word still being typed;
5. word prefixes: every query word starts some word of the label, in any order ("proj man"
   finds "manage projects");
6. acronym: a one-word query of 2 to 6 letters equals the initials of a CamelCase word
   ("JS" finds "JavaScript"), then of a label of 2 to 4 significant words ("crm");
7. fuzzy: as tier 5, but a query word of 4 or more characters that starts no indexed word may
   be 1 edit (2 edits from 8 characters) away from the start of a label word; one-edit matches
   come first. Edits are insertions, deletions, substitutions and swaps of neighbours, and the
   first letter must be right.

Query words need not match different label words, so "m m" also finds "manage staff".
Within a tier labels rank by fewer words, then preferred before alternative, then fewer
characters. Label ids are assigned in that order, so each posting list is already ranked and a
tier can stop as soon as it has enough skills.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from headway.domain.text import fold, spelling_key

_TOKEN = re.compile(r"[a-z0-9]+[+#]*")
_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2019\u02bc"))
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")
_STOPWORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})
_SENTINEL = "\U0010ffff"
# How many skills to gather before ranking the best ``limit`` by group and weight.
CANDIDATE_FACTOR = 10
# Stem matches ("cooking" for "cook fish") count as whole-word ones (group 1), a step behind.
STEM_GROUP = 1
STEM_TIER = 3  # its place in `SkillIndex.suggest`'s tiers
STEM_COST = 1
# A label word the query lacks costs this much weight (one step of log2 occupations).
EXTRA_WORD_COST = 2
# Endings of verb and noun forms, longest first: "negotiation" and "negotiate" share "negoti".
_STEM_SUFFIXES = (
    "ations",
    "ation",
    "ively",
    "ities",
    "ments",
    "ings",
    "ions",
    "ment",
    "ness",
    "ates",
    "ated",
    "ity",
    "ing",
    "ion",
    "ive",
    "ate",
    "ers",
    "ors",
    "ies",
    "ed",
    "er",
    "or",
    "es",
    "iv",
    "s",
    "e",
    "y",
)


class SkillRecord(NamedTuple):
    """One vocabulary concept, e.g. an ESCO skill URI with its labels.

    ``weight`` says how widely the skill is needed (e.g. how many occupations list it): among
    equally good matches, the more widely needed skill comes first.
    """

    id: str
    preferred_label: str
    alt_labels: Sequence[str] = ()
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested skill: its id, preferred label and the label the query matched."""

    id: str
    label: str
    matched_label: str


def normalise(text: str) -> list[str]:
    """Return the search tokens of a label or query, British and American spellings as one."""
    return [spelling_key(t) for t in _TOKEN.findall(fold(text.translate(_APOSTROPHES)))]


def within_edits(query: str, token: str, edits: int) -> bool:
    """Return whether ``query`` is at most ``edits`` edits away from some prefix of ``token``."""
    n = len(query)
    m = len(token)
    i = 0
    while i < n and i < m and query[i] == token[i]:
        i += 1
    if i == n:
        return True
    if edits == 0:
        return False
    rest = edits - 1
    q_next = query[i + 1 :]
    return (
        within_edits(q_next, token[i + 1 :], rest)
        or within_edits(q_next, token[i:], rest)
        or within_edits(query[i:], token[i + 1 :], rest)
        or (
            i + 1 < n
            and i + 1 < m
            and query[i] == token[i + 1]
            and query[i + 1] == token[i]
            and within_edits(query[i + 2 :], token[i + 2 :], rest)
        )
    )


def _allowed_edits(token: str) -> int:
    if len(token) >= 8:
        return 2
    if len(token) >= 4:
        return 1
    return 0


class _Matcher:
    """The label tokens one query token may match: a contiguous prefix range plus extras."""

    __slots__ = ("extra", "hi", "lo", "size")

    def __init__(self, lo: int, hi: int, extra: frozenset[int], size: int) -> None:
        self.lo = lo
        self.hi = hi
        self.extra = extra
        self.size = size

    def accepts(self, token_ids: tuple[int, ...]) -> bool:
        lo, hi, extra = self.lo, self.hi, self.extra
        return any(lo <= t < hi or t in extra for t in token_ids)


class SkillIndex:
    """Autocomplete over skill labels; build once with :meth:`build`, then call :meth:`suggest`."""

    def __init__(self) -> None:
        self._skill_ids: list[str] = []
        self._skill_labels: list[str] = []
        self._label_skill: list[int] = []
        self._label_text: list[str] = []
        self._label_norm: list[str] = []
        self._label_tokens: list[tuple[int, ...]] = []
        self._vocab: list[str] = []
        self._postings: list[list[int]] = []
        self._posting_sizes: list[int] = []
        self._first_postings: list[list[int]] = []
        self._exact: dict[str, list[int]] = {}
        self._camel_acronyms: dict[str, list[int]] = {}
        self._word_acronyms: dict[str, list[int]] = {}
        self._fuzzy_cache: dict[str, dict[int, int]] = {}
        self._stems: dict[str, list[int]] = {}
        self._skill_weights: list[int] = []

    @classmethod
    def build(cls, records: Iterable[SkillRecord | tuple[str, str, Sequence[str]]]) -> SkillIndex:
        """Index the preferred and alternative labels of each record."""
        index = cls()
        # Tuples sort by rank: fewer words, preferred first, fewer characters, then text.
        entries: list[tuple[int, int, int, str, int, str, list[str]]] = []
        for skill, (skill_id, preferred, alts, weight) in enumerate(map(_record, records)):
            index._skill_weights.append(int(math.log2(1 + max(0.0, weight))))
            index._skill_ids.append(skill_id)
            index._skill_labels.append(preferred)
            seen: set[str] = set()
            is_alt = 0
            for text in (preferred, *alts):
                tokens = normalise(text)
                if tokens:
                    norm = " ".join(tokens)
                    if norm not in seen:
                        seen.add(norm)
                        entries.append(
                            (len(tokens), is_alt, len(norm), norm, skill, text.strip(), tokens)
                        )
                is_alt = 1
        entries.sort()

        vocab = sorted({t for e in entries for t in e[6]})
        token_id = {t: i for i, t in enumerate(vocab)}.__getitem__
        postings: list[list[int]] = [[] for _ in vocab]
        first_postings: list[list[int]] = [[] for _ in vocab]
        exact: dict[str, list[int]] = {}
        camel: dict[str, list[int]] = {}
        words: dict[str, list[int]] = {}
        label_tokens: list[tuple[int, ...]] = []
        for label_id, (n_words, _, _, norm, _, text, tokens) in enumerate(entries):
            ids = tuple(map(token_id, tokens))
            label_tokens.append(ids)
            exact.setdefault(norm, []).append(label_id)
            first_postings[ids[0]].append(label_id)
            for t in set(ids) if n_words > 1 else ids:
                postings[t].append(label_id)
            if n_words == 1 or " " not in text:
                acronym = _camel_acronym(text)
                if acronym:
                    camel.setdefault(acronym, []).append(label_id)
            elif n_words <= 6:
                acronym = _word_acronym(tokens)
                if acronym:
                    words.setdefault(acronym, []).append(label_id)

        index._label_skill = [e[4] for e in entries]
        index._label_text = [e[5] for e in entries]
        index._label_norm = [e[3] for e in entries]
        index._label_tokens = label_tokens
        index._vocab = vocab
        index._postings = postings
        index._posting_sizes = [0, *accumulate(map(len, postings))]
        index._first_postings = first_postings
        index._exact = exact
        index._camel_acronyms = camel
        index._word_acronyms = words
        for i, word in enumerate(vocab):
            index._stems.setdefault(stem(word), []).append(i)
        return index

    def __len__(self) -> int:
        return len(self._skill_ids)

    @property
    def label_count(self) -> int:
        """Return the number of distinct labels indexed."""
        return len(self._label_text)

    def suggest(self, text: str, limit: int = 10) -> list[Suggestion]:
        """Return up to ``limit`` skills for a query typed so far, best first."""
        tokens = normalise(text)
        if not tokens or limit <= 0:
            return []
        wanted = max(limit, limit * CANDIDATE_FACTOR)
        # skill -> (group, arrival, label, matched by stems only)
        found: dict[int, tuple[int, int, int, bool]] = {}

        def take(group: int, label_ids: Iterable[int], stemmed: bool) -> bool:
            for label_id in label_ids:
                skill = self._label_skill[label_id]
                if skill not in found:
                    found[skill] = (group, len(found), label_id, stemmed)
                    if len(found) >= wanted:
                        return True
            return False

        query = " ".join(tokens)
        # Generators: a tier does no work unless the ones before it left room. Tiers in one
        # group are equally good matches, ranked among themselves by the skills' weight.
        tiers: tuple[tuple[int, Iterable[int]], ...] = (
            (0, self._exact.get(query, ())),
            (1, self._prefix_matches(tokens, query + " ", last_word_partial=False)),
            (1, self._token_matches([self._whole_word_matcher(t) for t in tokens])),
            (STEM_GROUP, self._token_matches([self._stem_matcher(t) for t in tokens])),
            (2, self._prefix_matches(tokens, query, last_word_partial=True)),
            (2, self._token_matches([self._prefix_matcher(t) for t in tokens])),
            (3, self._acronym_matches(tokens)),
            (4, self._fuzzy_matches(tokens, fuzz_all=lambda: not found)),
        )
        for position, (group, tier) in enumerate(tiers):
            if take(group, tier, stemmed=position == STEM_TIER):
                break
        weights = self._skill_weights
        label_tokens = self._label_tokens
        n_query = len(tokens)

        def rank(item: tuple[int, tuple[int, int, int, bool]]) -> tuple[int, int, int]:
            skill, (group, arrival, label_id, stemmed) = item
            extra = max(0, len(label_tokens[label_id]) - n_query)
            cost = EXTRA_WORD_COST * extra - weights[skill] + (STEM_COST if stemmed else 0)
            return (group, cost, arrival)

        ranked = sorted(found.items(), key=rank)[:limit]
        return [
            Suggestion(
                id=self._skill_ids[skill],
                label=self._skill_labels[skill],
                matched_label=self._label_text[label_id],
            )
            for skill, (_group, _arrival, label_id, _stemmed) in ranked
        ]

    def _range(self, prefix: str) -> tuple[int, int]:
        vocab = self._vocab
        return bisect_left(vocab, prefix), bisect_left(vocab, prefix + _SENTINEL)

    def _token_id(self, token: str) -> int | None:
        i = bisect_left(self._vocab, token)
        return i if i < len(self._vocab) and self._vocab[i] == token else None

    def _merged(self, lists: Iterable[list[int]]) -> Iterator[int]:
        lists = [p for p in lists if p]
        if len(lists) == 1:
            return iter(lists[0])
        return heapq.merge(*lists)

    def _prefix_matches(
        self, tokens: list[str], query: str, *, last_word_partial: bool
    ) -> Iterator[int]:
        """Yield labels starting with ``query``; only a lone query word may be partial."""
        if len(tokens) == 1 and last_word_partial:
            lo, hi = self._range(tokens[0])
        else:
            first = self._token_id(tokens[0])
            if first is None:
                return
            lo, hi = first, first + 1
        norms = self._label_norm
        for label_id in self._merged(self._first_postings[lo:hi]):
            norm = norms[label_id]
            # The exact tier already has the label equal to the query.
            if norm.startswith(query) and len(norm) > len(query):
                yield label_id

    def _prefix_matcher(self, token: str) -> _Matcher:
        lo, hi = self._range(token)
        return _Matcher(lo, hi, frozenset(), self._posting_sizes[hi] - self._posting_sizes[lo])

    def _stem_matcher(self, token: str) -> _Matcher:
        ids = self._stems.get(stem(token), ())
        return _Matcher(0, 0, frozenset(ids), sum(len(self._postings[i]) for i in ids))

    def _whole_word_matcher(self, token: str) -> _Matcher:
        i = self._token_id(token)
        if i is None:
            return _Matcher(0, 0, frozenset(), 0)
        return _Matcher(i, i + 1, frozenset(), len(self._postings[i]))

    def _token_matches(self, matchers: list[_Matcher]) -> Iterator[int]:
        if any(m.size == 0 for m in matchers):
            return
        driver = min(matchers, key=lambda m: m.size)
        others = [m for m in matchers if m is not driver]
        lists = [*self._postings[driver.lo : driver.hi], *(self._postings[t] for t in driver.extra)]
        label_tokens = self._label_tokens
        for label_id in self._merged(lists):
            ids = label_tokens[label_id]
            if all(m.accepts(ids) for m in others):
                yield label_id

    def _acronym_matches(self, tokens: list[str]) -> Iterator[int]:
        if len(tokens) != 1 or not 2 <= len(tokens[0]) <= 6 or not tokens[0].isalpha():
            return
        yield from self._camel_acronyms.get(tokens[0], ())
        yield from self._word_acronyms.get(tokens[0], ())

    def _fuzzy_matches(self, tokens: list[str], fuzz_all: Callable[[], bool]) -> Iterator[int]:
        """Yield labels matching with typos: one edit per word first, then up to two.

        Only words that start no indexed word are treated as typos, unless the earlier tiers
        found nothing at all (``fuzz_all``), since scanning for near words is the costly part.
        """
        exact = [self._prefix_matcher(t) for t in tokens]
        fuzzy = [_allowed_edits(t) > 0 and m.size == 0 for t, m in zip(tokens, exact, strict=True)]
        if not any(fuzzy):
            if not fuzz_all():
                return
            fuzzy = [_allowed_edits(t) > 0 for t in tokens]
            if not any(fuzzy):
                return
        near = [self._near_tokens(t) if f else {} for t, f in zip(tokens, fuzzy, strict=True)]
        for max_edits in (1, 2):
            if max_edits == 2 and not any(2 in n.values() for n in near):
                break
            matchers = []
            for m, candidates in zip(exact, near, strict=True):
                extra = frozenset(
                    t for t, d in candidates.items() if d <= max_edits and not m.lo <= t < m.hi
                )
                size = m.size + sum(len(self._postings[t]) for t in extra)
                matchers.append(_Matcher(m.lo, m.hi, extra, size))
            yield from self._token_matches(matchers)

    def _near_tokens(self, token: str) -> dict[int, int]:
        """Return indexed words whose start is within the allowed edits, with their edits."""
        cached = self._fuzzy_cache.get(token)
        if cached is not None:
            return cached
        edits = _allowed_edits(token)
        lo, hi = self._range(token[0])
        vocab = self._vocab
        shortest = len(token) - edits
        result: dict[int, int] = {}
        for i in range(lo, hi):
            word = vocab[i]
            if len(word) < shortest:
                continue
            if within_edits(token, word, 1):
                result[i] = 1
            elif edits > 1 and within_edits(token, word, edits):
                result[i] = edits
        if len(self._fuzzy_cache) > 4096:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[token] = result
        return result


def _camel_acronym(word: str) -> str | None:
    """Return the initials of a CamelCase word ("JavaScript" -> "js"), if it is one."""
    if not _CAMEL_HUMP.search(word):
        return None
    parts = [p for p in _CAMEL_PART.findall(word) if p.isalpha()]
    return "".join(p[0] for p in parts).lower() if len(parts) >= 2 else None


def _word_acronym(tokens: list[str]) -> str | None:
    """Return the initials of a label of 2 to 4 significant words ("crm"), if it is one."""
    significant = [t for t in tokens if t not in _STOPWORDS and t[0].isalpha()]
    if 2 <= len(significant) <= 4:
        return "".join(t[0] for t in significant)
    return None


def _record(record: SkillRecord | tuple[str, str, Sequence[str]]) -> SkillRecord:
    return record if isinstance(record, SkillRecord) else SkillRecord(*record)


def stem(word: str) -> str:
    """Return a rough stem shared by a word's verb and noun forms ("cooking" -> "cook")."""
    for _ in range(2):
        for suffix in _STEM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "debugging" -> "debug"
    return word

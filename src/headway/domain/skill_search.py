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

After the query's own prefix matches (tier 6) come other readings of it, adding their exact
and whole-word matches (tiers 1 to 4) as prefix matches, when the last word is a whole
indexed word or has a variant: without stop words ("working in a team" finds "work in team"),
with the caller's word variants ("mgmt" read as "management", "tire" as "tyre"), and with a
word split in two that labels use more often ("cybersecurity" finds "cyber security"). Labels
holding single letters in a row are indexed joined too ("A/B testing" is also "ab testing").
When every query word is whole, a skill found brings its broader skills
(``SkillRecord.broader``: "Chinese" after "listen to Mandarin"), as prefix matches ranked
just behind the narrower skill. Skills whose description holds the stems of every query word
join the prefix group at a cost (``DESCRIPTION_COST``). Readings, broader skills and
descriptions all rank behind every label holding the query's whole words: put level with
them, they crowded out what half-typed words were heading for.

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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
# A broader skill ranks as a prefix match this far behind the narrower skill the query found;
# only skills with at most BROADER_MAX narrower ones are offered so.
BROADER_COST = 1
BROADER_MAX = 12
# A skill found by its description ranks with the prefix matches (group 2) at this cost; at most
# DESCRIPTION_TAKE such skills, the most widely needed, are considered per reading.
DESCRIPTION_COST = 6
DESCRIPTION_GROUP = 2
DESCRIPTION_TAKE = 10
# Other readings of the query come after its own prefix matches (tiers 5 and 6), in their
# group, and add their exact and whole-word matches only.
READINGS_TIER = 6
READINGS_GROUP = 2
# A split reading needs both parts of the word to be indexed words of this many letters.
SPLIT_MIN = 3
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
        equally good matches, the more widely needed skill comes first. ``broader`` holds the ids of
        the skills directly above it in a hierarchy ("query languages" above "SQL"). ``description``
    is secondary text: a skill whose description holds every query word is offered behind
    label matches ("recycling" finds "waste management", described as "... includes recycling").
    """

    id: str
    preferred_label: str
    alt_labels: Sequence[str] = ()
    weight: float = 0.0
    broader: Sequence[str] = ()
    description: str = ""


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
        self._skill_broader: list[tuple[int, ...]] = []
        self._preferred_label: list[int] = []
        self._variants: dict[str, tuple[str, ...]] = {}
        self._described: dict[str, list[int]] = {}

    @classmethod
    def build(
        cls,
        records: Iterable[SkillRecord | tuple[str, str, Sequence[str]]],
        word_variants: Mapping[str, str] | None = None,
    ) -> SkillIndex:
        """Index the preferred and alternative labels of each record.

        ``word_variants`` maps a word people type to the words labels use for it
        ("mgmt" -> "management", "tire" -> "tyre"); queries are also read with them.
        """
        index = cls()
        # Tuples sort by rank: fewer words, preferred first, fewer characters, then text.
        entries: list[tuple[int, int, int, str, int, str, list[str]]] = []
        broader_ids: list[Sequence[str]] = []
        descriptions: list[str] = []
        for skill, record in enumerate(map(_record, records)):
            index._skill_weights.append(int(math.log2(1 + max(0.0, record.weight))))
            index._skill_ids.append(record.id)
            index._skill_labels.append(record.preferred_label)
            broader_ids.append(record.broader)
            descriptions.append(record.description)
            seen: set[str] = set()
            is_alt = 0
            for text in (record.preferred_label, *record.alt_labels):
                tokens = normalise(text)
                # The joined form ranks as an alternative label, behind any label typed so.
                for form, rank in ((tokens, is_alt), (_joined_letters(tokens), 1)):
                    norm = " ".join(form)
                    if form and norm not in seen:
                        seen.add(norm)
                        entries.append(
                            (len(form), rank, len(norm), norm, skill, text.strip(), form)
                        )
                is_alt = 1
        entries.sort()
        position = {skill_id: i for i, skill_id in enumerate(index._skill_ids)}
        described: dict[str, list[int]] = {}
        for skill, text in enumerate(descriptions):
            for word in {stem(t) for t in normalise(text) if t not in _STOPWORDS}:
                described.setdefault(word, []).append(skill)
        weights = index._skill_weights
        for skills in described.values():
            skills.sort(key=lambda skill: -weights[skill])
        index._described = described
        children = Counter(b for above in broader_ids for b in set(above))
        # A skill above many others ("think critically") says little about any one of them.
        index._skill_broader = [
            tuple(position[b] for b in above if b in position and children[b] <= BROADER_MAX)
            for above in broader_ids
        ]
        for word, meant in (word_variants or {}).items():
            key, replacement = normalise(word), normalise(meant)
            if len(key) == 1 and replacement:
                index._variants[key[0]] = tuple(replacement)

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
        preferred = [-1] * len(index._skill_ids)
        for label_id, entry in enumerate(entries):
            if entry[1] == 0 and preferred[entry[4]] < 0:
                preferred[entry[4]] = label_id
        index._preferred_label = preferred
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
        weights = self._skill_weights
        label_tokens = self._label_tokens
        # skill -> (group, cost, arrival, label)
        found: dict[int, tuple[int, int, int, int]] = {}

        def take(group: int, label_ids: Iterable[int], stemmed: bool, n_query: int) -> bool:
            for label_id in label_ids:
                skill = self._label_skill[label_id]
                if skill not in found:
                    extra = max(0, len(label_tokens[label_id]) - n_query)
                    cost = EXTRA_WORD_COST * extra - weights[skill] + (STEM_COST if stemmed else 0)
                    found[skill] = (group, cost, len(found), label_id)
                    if len(found) >= wanted:
                        return True
            return False

        # Generators: a tier does no work unless the ones before it left room. Tiers in one
        # group are equally good matches, ranked among themselves by the skills' weight.
        readings = [(r, self._tiers(r, fuzz_all=lambda: not found)) for r in self._readings(tokens)]
        (_, typed), others = readings[0], readings[1:]
        for position, (group, tier) in enumerate(typed):
            if position == READINGS_TIER and any(
                take(max(g, READINGS_GROUP), t, stemmed=p == STEM_TIER, n_query=len(reading))
                for reading, tiers in others
                for p, (g, t) in enumerate(tiers[: STEM_TIER + 1])
            ):
                break
            if take(group, tier, stemmed=position == STEM_TIER, n_query=len(tokens)):
                break
        for reading, _tiers in readings:
            for skill in self._described_skills(reading):
                label_id = self._preferred_label[skill]
                if skill not in found and label_id >= 0:
                    cost = DESCRIPTION_COST - weights[skill]
                    found[skill] = (DESCRIPTION_GROUP, cost, len(found), label_id)
        # Broader skills crowd out what a half-typed word is heading for, so only whole words.
        whole_words = all(self._token_id(t) is not None for t in tokens)
        for skill, (group, cost, arrival, label_id) in list(found.items()) if whole_words else ():
            for above in self._skill_broader[skill]:
                if above not in found and group < 3:
                    found[above] = (max(group, 2), cost + BROADER_COST, arrival, label_id)

        ranked = sorted(found.items(), key=lambda item: item[1][:3])[:limit]
        return [
            Suggestion(
                id=self._skill_ids[skill],
                label=self._skill_labels[skill],
                matched_label=self._label_text[label_id],
            )
            for skill, (_group, _cost, _arrival, label_id) in ranked
        ]

    def _tiers(
        self, tokens: list[str], fuzz_all: Callable[[], bool]
    ) -> tuple[tuple[int, Iterable[int]], ...]:
        """Return the tiers for one reading of the query, as (group, label ids) in order."""
        query = " ".join(tokens)
        return (
            (0, self._exact.get(query, ())),
            (1, self._prefix_matches(tokens, query + " ", last_word_partial=False)),
            (1, self._token_matches([self._whole_word_matcher(t) for t in tokens])),
            (STEM_GROUP, self._token_matches([self._stem_matcher(t) for t in tokens])),
            (2, self._prefix_matches(tokens, query, last_word_partial=True)),
            (2, self._token_matches([self._prefix_matcher(t) for t in tokens])),
            (3, self._acronym_matches(tokens)),
            (4, self._fuzzy_matches(tokens, fuzz_all=fuzz_all)),
        )

    def _readings(self, tokens: list[str]) -> list[list[str]]:
        """Return the query as typed, then without stop words, with variants, with splits."""
        readings = [tokens]
        last = tokens[-1]
        if self._token_id(last) is None and last not in self._variants:
            return readings  # a half-typed last word: other readings only add noise
        # The last word may be the start of a longer one ("manage a" -> "manage a team").
        significant = [t for t in tokens[:-1] if t not in _STOPWORDS] + tokens[-1:]
        varied = [w for t in significant for w in self._variants.get(t, (t,))]
        split = [w for i, t in enumerate(varied) for w in self._split(t, i == len(varied) - 1)]
        for reading in (significant, varied, split):
            if reading not in readings:
                readings.append(reading)
        return readings

    def _described_skills(self, tokens: list[str]) -> list[int]:
        """Return the most widely needed skills whose description holds every word's stem."""
        if any(self._token_id(t) is None for t in tokens):
            return []  # a half-typed word would match descriptions by chance
        words = {stem(t) for t in tokens if t not in _STOPWORDS}
        lists = sorted((self._described.get(w, []) for w in words), key=len)
        if not lists or not lists[0]:
            return []
        others = [set(skills) for skills in lists[1:]]
        picked: list[int] = []
        for skill in lists[0]:
            if len(picked) >= DESCRIPTION_TAKE:
                break
            if all(skill in other for other in others):
                picked.append(skill)
        return picked

    def _split(self, token: str, last: bool) -> tuple[str, ...]:
        """Return a word as two words labels use more often ("frontend"), or as itself.

        The last word is split only when labels have it whole, as it may be half typed.
        """
        whole = self._token_id(token)
        if len(token) < 2 * SPLIT_MIN or (last and whole is None):
            return (token,)
        uses = len(self._postings[whole]) if whole is not None else 0
        for cut in range(len(token) - SPLIT_MIN, SPLIT_MIN - 1, -1):
            head, tail = self._token_id(token[:cut]), self._token_id(token[cut:])
            # A word labels use more often as two ("cyber security") is read as two.
            if (
                head is not None
                and tail is not None
                and uses < min(len(self._postings[head]), len(self._postings[tail]))
            ):
                return (token[:cut], token[cut:])
        return (token,)

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


def _joined_letters(tokens: list[str]) -> list[str]:
    """Return the tokens with each run of single letters joined ("a b testing" -> "ab testing")."""
    joined: list[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and token.isalpha():
            run += token
            continue
        if run:
            joined.append(run)
        run = ""
        joined.append(token)
    if run:
        joined.append(run)
    return joined if len(joined) < len(tokens) else []


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

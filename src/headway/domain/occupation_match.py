"""How close an ESCO occupation is to the O*NET occupation a crosswalk names. No Django here.

A crosswalk row says two occupations correspond; it does not say they are the same job. Before
one occupation's figures or skills are shown for the other, the pair is judged on two things:

- titles: the best word overlap (Dice coefficient over stemmed words) between any title of
  the ESCO occupation (preferred and alternative labels) and any of the O*NET occupation's
  (title and alternate titles), 0 to 1;
- work: how the O*NET occupation ranks among all O*NET occupations by the TF-IDF cosine
  similarity of its description and task statements to the ESCO description and essential
  skills (rank 1: no O*NET occupation's work reads closer).

A pair is close when its work ranks in the top `CLOSE_RANK` (sharing some words), or in the
top `TITLE_RANK` when a title is the same (title similarity 1). The thresholds were set on
O*NET 29.3, ESCO 1.1.1 and Nesta's crosswalk: they keep "chef" and Chefs and Head Cooks
(rank 2) and drop "call centre analyst" and Business Intelligence Analysts (rank 123), and
"data scientist" and Computer and Information Research Scientists (rank 38).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from headway.domain.text import fold

CLOSE_RANK = 25
TITLE_RANK = 75
COMMON_SHARE = 0.15
COMMON_MINIMUM = 50
QUERY_WORDS = 40

_WORD = re.compile(r"[a-z0-9]+")
_STOP_TEXT = (
    "a an and or of the for in on at to by with from as all other others is are be their "
    "this that these those such into within using use used e g etc including include"
)
_STOPWORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True, slots=True)
class MatchSide:
    """One occupation as the judgement sees it: its titles (preferred first) and its work."""

    titles: tuple[str, ...]
    work: str


@dataclass(frozen=True, slots=True)
class Closeness:
    """How close an ESCO occupation is to an O*NET one."""

    title: float  # best title overlap, 0 to 1
    work: float  # cosine similarity of the work texts, 0 to 1
    rank: int  # the O*NET occupation's rank by work similarity, 1 = closest
    of: int  # among how many O*NET occupations

    @property
    def close(self) -> bool:
        if self.title >= 1.0 and self.rank <= TITLE_RANK:
            return True
        return self.work > 0 and self.rank <= CLOSE_RANK

    @property
    def words(self) -> str:
        """Return the closeness in words: "very close", "close" or "not close"."""
        if not self.close:
            return "not close"
        return "very close" if self.rank <= 3 and self.title >= 0.5 else "close"

    @property
    def explanation(self) -> str:
        """Return how the closeness was judged, in a sentence."""
        place = "the closest" if self.rank == 1 else f"number {self.rank}"
        return (
            f"By the wording of its work, this is {place} of {self.of:,} US occupations; "
            f"their closest titles share {round(self.title * 100)}% of their words."
        )


def words(text: str) -> list[str]:
    """Return the stemmed content words of `text`, in order."""
    return [_stem(word) for word in _WORD.findall(fold(text)) if word not in _STOPWORDS]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)] + replacement
    return word


@lru_cache(maxsize=1 << 17)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(words(title))


def title_similarity(left: Iterable[str], right: Iterable[str]) -> float:
    """Return the best Dice overlap of stemmed words between any title of each side."""
    left_sets = [words for words in map(_title_words, left) if words]
    right_sets = [words for words in map(_title_words, right) if words]
    best = 0.0
    for a in left_sets:
        for b in right_sets:
            if a.isdisjoint(b):
                continue
            overlap = 2 * len(a & b) / (len(a) + len(b))
            if overlap > best:
                best = overlap
    return best


class WorkIndex:
    """TF-IDF vectors of the O*NET occupations' work, to rank them against another text.

    Words found in more than `COMMON_SHARE` of the documents are left out: they say little
    about which occupation a text describes, and dropping them keeps ranking fast.
    """

    def __init__(self, onet_work: Mapping[str, str], other_work: Iterable[str] = ()) -> None:
        texts = {code: words(text) for code, text in onet_work.items()}
        frequency: Counter[str] = Counter()
        documents = 0
        for tokens in (*texts.values(), *(words(text) for text in other_work)):
            documents += 1
            frequency.update(set(tokens))
        self._documents = max(documents, 1)
        # In a small corpus every shared word looks common; only a large share counts.
        limit = max(COMMON_SHARE * self._documents, COMMON_MINIMUM)
        self._idf = {
            word: math.log((1 + self._documents) / (1 + count))
            for word, count in frequency.items()
            if count <= limit
        }
        self.vectors = {code: self._vector(tokens) for code, tokens in texts.items()}
        self._codes = list(self.vectors)
        self._position = {code: i for i, code in enumerate(self._codes)}
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, vector in enumerate(self.vectors.values()):
            for word, weight in vector.items():
                self._postings.setdefault(word, []).append((i, weight))

    def _vector(self, tokens: Sequence[str]) -> dict[str, float]:
        counts = Counter(token for token in tokens if token in self._idf)
        vector = {word: (1 + math.log(n)) * self._idf[word] for word, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values()))
        return {word: value / norm for word, value in vector.items()} if norm else {}

    def vector(self, text: str) -> dict[str, float]:
        """Return the unit-length TF-IDF vector of `text`."""
        return self._vector(words(text))

    def place(self, text: str, code: str) -> tuple[float, int]:
        """Return the similarity of `text` to O*NET occupation `code`, and that code's rank.

        The rank is 1 when no O*NET occupation's work is closer to `text`.
        """
        scores = [0.0] * len(self._codes)
        vector = self.vector(text)
        # The heaviest words decide the ranking; the rest only slow it down.
        for word in sorted(vector, key=vector.__getitem__, reverse=True)[:QUERY_WORDS]:
            weight = vector[word]
            for i, other_weight in self._postings.get(word, ()):
                scores[i] += weight * other_weight
        position = self._position.get(code)
        mine = scores[position] if position is not None else 0.0
        return mine, 1 + sum(1 for value in scores if value > mine)


def judge(esco: MatchSide, onet: MatchSide, code: str, work: WorkIndex) -> Closeness:
    """Return how close an ESCO occupation is to the O*NET occupation `code`."""
    similarity, rank = work.place(esco.work, code)
    return Closeness(
        title_similarity(esco.titles, onet.titles), similarity, rank, len(work.vectors)
    )


def best_candidate(
    esco: MatchSide, candidates: Sequence[tuple[str, MatchSide]], work: WorkIndex
) -> tuple[str, Closeness] | None:
    """Return the closest of several O*NET candidates (e.g. the parts of a split code)."""
    judged = [(code, judge(esco, side, code, work)) for code, side in candidates]
    return max(judged, key=lambda pair: (pair[1].close, -pair[1].rank, pair[1].title), default=None)

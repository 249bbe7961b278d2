"""Tokens, lexicon matches, clauses and negation for one goal text.

Offsets always point into the original text: folding only swaps characters one for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx


def _split(block: str) -> list[str]:
    """Split a comma-separated block of words into a list."""
    return [w.strip() for w in block.split(",") if w.strip()]


_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*[+#]*")
_BOUNDARY_RE = re.compile(r"[,;:!?()\[\]{}\"|\n]|\.\s|\.$|^\.\.|\s-\s|\s-$|^-\s")
_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas", "instead"})
_NEGATORS = frozenset(
    _split(
        """not, never, don't, dont, doesn't, doesnt, didn't, won't, wont, cannot, can't, isn't,
        aren't, wasn't, nor, neither, shouldn't, wouldn't"""
    )
)
_NEG_EXCEPTIONS = frozenset(
    {"only", "just", "later", "less", "more", "fewer", "sure", "to", "miss"}
)


def fold(text: str) -> str:
    """Return text with quotes, dashes and odd spaces made plain, keeping every offset."""
    return text.translate(_FOLD)


class Token:
    """One word of the goal."""

    __slots__ = ("base", "clause", "end", "i", "negated", "norm", "raw", "start", "upper")

    def __init__(self, raw: str, start: int, end: int, i: int) -> None:
        self.raw = raw
        self.start = start
        self.end = end
        self.i = i
        norm = raw.lower()
        self.norm = norm
        if norm.endswith("'s"):
            self.base = norm[:-2]
        elif norm.endswith("'"):
            self.base = norm[:-1]
        else:
            self.base = norm
        self.upper = raw[:1].isupper()
        self.clause = 0
        self.negated = False


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon phrase found in the goal."""

    cat: str
    info: str
    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    key: str


@lru_cache(maxsize=16384)  # a pure function of one word; goals repeat their vocabulary
def singular(word: str) -> str:
    """Return a rough singular of an English noun."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def _correct(word: str) -> str | None:
    """Return the lexicon word one typo away from word, if exactly one fits."""
    if len(word) < 5 or not word.isalpha() or word in lx.KNOWN_WORDS:
        return None
    if singular(word) in lx.KNOWN_WORDS or word[:-1] in lx.KNOWN_WORDS:
        return None  # a plural or inflection of a known word
    found: set[str] = set(lx.TYPO_INDEX.get(word, ()))
    for i in range(len(word)):
        found.update(lx.TYPO_INDEX.get(word[:i] + word[i + 1 :], ()))
    fits = []
    for cand in found:
        if not _one_edit(word, cand):
            continue
        if cand[0] != word[0] or abs(len(cand) - len(word)) > 1:
            continue
        if cand.startswith(word) or word.startswith(cand):
            continue  # an inflection ("retired"), not a typo
        if len(cand) == len(word):
            diff = [k for k in range(len(word)) if cand[k] != word[k]]
            if diff and diff[0] >= len(word) - 2 and len(diff) == 1:
                continue  # "teaches" is not "teacher"
        fits.append(cand)
    return fits[0] if len(fits) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Return whether a and b differ by one insertion, deletion, substitution or swap."""
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1:
        return False
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[k:] == long[k + 1 :]


class Parsed:
    """A goal split into tokens, with lexicon matches, clauses and negated words."""

    __slots__ = ("by_cat", "cats", "folded", "matches", "memo", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.memo: dict[str, object] = {}  # readings shared by the judgements of one goal
        self.tokens: list[Token] = [
            Token(m.group(), m.start(), m.end(), i)
            for i, m in enumerate(_TOKEN_RE.finditer(self.folded))
        ]
        self._fix_typos()
        joinable = self._clauses()
        self._negation()
        self.matches: list[Match] = self._match(joinable)
        self.by_cat: dict[str, list[Match]] = {}
        self.cats: list[set[str]] = [set() for _ in self.tokens]
        for m in self.matches:
            self.by_cat.setdefault(m.cat, []).append(m)
            for k in range(m.i, m.j):
                self.cats[k].add(m.cat)

    def _fix_typos(self) -> None:
        for tok in self.tokens:
            if (
                tok.upper
                and tok.i
                and not self.folded[: tok.start].rstrip().endswith((".", "!", "?"))
            ):
                continue  # a capitalised word inside a sentence is a name ("Easter")
            fixed = _correct(tok.base)
            if fixed is not None:
                tok.base = fixed
                tok.norm = fixed

    def _clauses(self) -> list[bool]:
        toks = self.tokens
        joinable = []
        clause = 0
        for k, tok in enumerate(toks):
            if k:
                gap = self.folded[toks[k - 1].end : tok.start]
                in_number = (
                    gap in (",", ".") and toks[k - 1].raw[-1:].isdigit() and tok.raw[:1].isdigit()
                )
                if not in_number and (_BOUNDARY_RE.search(gap) or tok.base in _CLAUSE_WORDS):
                    clause += 1
                joinable.append(in_number or gap.strip() in ("", "-", "/", ".", "&"))
            tok.clause = clause
        joinable.append(False)
        return joinable

    def _negation(self) -> None:
        toks = self.tokens
        k = 0
        while k < len(toks):
            tok = toks[k]
            nxt = toks[k + 1].base if k + 1 < len(toks) else ""
            cue = tok.base in _NEGATORS and nxt not in _NEG_EXCEPTIONS
            if tok.base == "no" and nxt in ("longer",):
                cue = True
            if tok.base in ("instead", "rather", "other") and nxt in ("of", "than"):
                cue = True
            if cue:
                m = k + 1
                while m < len(toks) and toks[m].clause == tok.clause:
                    toks[m].negated = True
                    m += 1
                k = m
            else:
                k += 1

    def _match(self, joinable: list[bool]) -> list[Match]:
        toks = self.tokens
        phrases = lx.PHRASES
        prefixes = lx.PREFIXES
        out: list[Match] = []
        n_tok = len(toks)
        sing = [singular(t.base) for t in toks]
        for i in range(n_tok):
            first = toks[i]
            if (
                first.norm not in prefixes
                and first.base not in prefixes
                and sing[i] not in prefixes
            ):
                continue
            kn = kb = ""
            for j in range(i, min(n_tok, i + lx.MAX_PHRASE)):
                if j > i and not joinable[j - 1]:
                    break
                t = toks[j]
                ks = (kb + " " + sing[j]) if j > i else sing[j]
                kn = (kn + " " + t.norm) if j > i else t.norm
                kb = (kb + " " + t.base) if j > i else t.base
                for key in (kn, kb, ks):
                    entries = phrases.get(key)
                    if not entries:
                        continue
                    if key in lx.UPPER_ONLY and not first.raw.isupper():
                        # "it" is a pronoun and "IT" a field; "do" is a verb and "DO" a degree
                        entries = [e for e in entries if e[0] in ("ev", "learn", "dir")]
                    for cat, info in entries:
                        out.append(Match(cat, info, i, j + 1, first.start, t.end, key))
                    break
                if kn not in prefixes and kb not in prefixes:
                    break
        return out

    def longest(self, cat: str) -> list[Match]:
        """Return the matches of a category, longest first, without overlaps."""
        chosen: list[Match] = []
        taken: set[int] = set()
        for m in sorted(self.by_cat.get(cat, ()), key=lambda m: (m.i - m.j, m.i)):
            if not any(k in taken for k in range(m.i, m.j)):
                chosen.append(m)
                taken.update(range(m.i, m.j))
        chosen.sort(key=lambda m: m.i)
        return chosen

    def span_text(self, start: int, end: int) -> str:
        """Return the original text between two offsets."""
        return self.text[start:end]

    def token_at(self, offset: int) -> int | None:
        """Return the index of the first token starting at or after offset."""
        for tok in self.tokens:
            if tok.start >= offset:
                return tok.i
        return None

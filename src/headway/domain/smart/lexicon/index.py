"""Index the word lists once at import: phrases by key, fields by term, typo variants."""

from __future__ import annotations

from collections import defaultdict

from .attainable import ROLE_ZONES
from .words import (
    ACTIVITY_VERBS,
    BUSINESSES,
    CREDENTIAL_NOUNS,
    DIRECTION_DOWN,
    DIRECTION_UP,
    EMPLOYMENT,
    EVENT_VERBS_OBJ,
    EVENT_VERBS_SELF,
    FIELDS,
    GENERIC_BUSINESSES,
    GENERIC_ORGS,
    GENERIC_ROLES,
    HARD_SKILLS,
    IRREGULAR,
    LEARNING_VERBS,
    LEVEL_WORDS,
    NAMED_CREDENTIALS,
    NAMED_ORGS,
    ORG_KINDS,
    PLACES,
    PLAIN_WORDS,
    PROGRAM_NOUNS,
    RESULTS,
    SENIORITY,
    SOFT_SKILLS,
    SPECIFIC_ROLES,
    STOPWORDS,
    STRONG_WORKS,
    VAGUE,
    WEAK_WORKS,
    words,
)


# ---------------------------------------------------------------------------
# Index
# ---------------------------------------------------------------------------
def _verb_forms(phrase: str) -> set[str]:
    """Return simple inflections of the first word of a verb phrase."""
    head, _, rest = phrase.partition(" ")
    forms = {head}
    if head in IRREGULAR:
        forms.update(IRREGULAR[head])
    if head.endswith("e"):
        forms.update({head + "s", head + "d", head[:-1] + "ing"})
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms.update({head[:-1] + "ies", head[:-1] + "ied", head + "ing"})
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms.update({head + "es", head + "ed", head + "ing"})
    else:
        forms.update({head + "s", head + "ed", head + "ing"})
    return {f"{f} {rest}".strip() for f in forms}


PHRASES: dict[str, list[tuple[str, str]]] = defaultdict(list)
ROLE_FIELD: dict[str, str] = {}
TERM_FIELDS: dict[str, set[str]] = defaultdict(set)


_NOUN_CATS = frozenset({"result", "work", "employ", "org", "biz", "role"})


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _add(cat: str, info: str, phrases: tuple[str, ...] | list[str]) -> None:
    for p in phrases:
        keys = [p]
        if cat in _NOUN_CATS:
            head, _, last = p.rpartition(" ")
            one = _singular(last)
            if one != last:
                keys.append(f"{head} {one}".strip())
        for key in keys:
            entry = (cat, info)
            if entry not in PHRASES[key]:
                PHRASES[key].append(entry)


for _fid, (_occ, _sector) in FIELDS.items():
    _add("field", "occ:" + _fid, words(_occ))
    _add("field", "sector:" + _fid, words(_sector))
    for _w in words(_occ) + words(_sector):
        TERM_FIELDS[_w].add(_fid)
for _fid, _block in SPECIFIC_ROLES.items():
    for _w in words(_block):
        _add("role", "specific", [_w])
        ROLE_FIELD[_w] = _fid
        TERM_FIELDS[_w].add(_fid)
_add("role", "generic", GENERIC_ROLES)
for _fid, _block in NAMED_CREDENTIALS.items():
    _add("cred", "named", words(_block))
    for _w in words(_block):
        if _fid != "general":
            TERM_FIELDS[_w].add(_fid)
_add("cred", "generic", CREDENTIAL_NOUNS)
_add("cred", "program", PROGRAM_NOUNS)
for _fid, _block in HARD_SKILLS.items():
    _add("skill", "hard", words(_block))
    for _w in words(_block):
        TERM_FIELDS[_w].add(_fid)
_add("skill", "soft", SOFT_SKILLS)
_add("work", "strong", STRONG_WORKS)
_add("work", "weak", WEAK_WORKS)
_add("biz", "concrete", BUSINESSES)
_add("biz", "generic", GENERIC_BUSINESSES)
_add("result", "", RESULTS)
_add("employ", "", EMPLOYMENT)
_add("org", "kind", ORG_KINDS)
_add("org", "generic", GENERIC_ORGS)
_add("org", "named", NAMED_ORGS)
_add("place", "", PLACES)
_add("vague", "", VAGUE)
_add("level", "", LEVEL_WORDS)
_add("nonqual", "", SENIORITY)
for _v in EVENT_VERBS_SELF:
    _add("ev", "self", sorted(_verb_forms(_v)))
for _v in EVENT_VERBS_OBJ:
    _add("ev", "obj", sorted(_verb_forms(_v)))
for _v in LEARNING_VERBS:
    _add("learn", "", sorted(_verb_forms(_v)))
for _v in DIRECTION_UP:
    _add("dir", "up", sorted(_verb_forms(_v)))
for _v in DIRECTION_DOWN:
    _add("dir", "down", sorted(_verb_forms(_v)))
for _block in ROLE_ZONES.values():
    for _w in words(_block):
        PHRASES.setdefault(_w, [])

PREFIXES = frozenset(
    " ".join(key.split(" ")[:k]) for key in PHRASES for k in range(1, key.count(" ") + 2)
)
ROLE_ZONE: dict[str, int] = {w: z for z, block in ROLE_ZONES.items() for w in words(block)}
ACTIVITY_FORMS = frozenset(f for v in ACTIVITY_VERBS for f in _verb_forms(v))

# Short keys that are also common words count only when written in capitals ("IT", "ARE").
UPPER_ONLY = frozenset(
    words(
        """ace, act, ai, are, are exams, c, ccs, ceng, cma, cpt, delta, do, ea, ep, fe, it, md, med,
        mos, np, ot, pa, pe, ppl, pr, qa, r, sat, un, us, who, bed, cen, cpn, cil, apm, pte, cae,
        cpe, fce, aca, aat, ifa, ocs, cia exam, ea exam, hca, ma, ba, bs, ms, gp, cpl"""
    )
)

# Single words of the lexicon long enough for typo correction ("enginer" -> "engineer").
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_TYPO_CATS = frozenset({"role", "cred", "skill", "field", "org", "work", "biz", "result", "employ"})
VOCABULARY = frozenset(
    w
    for key, entries in PHRASES.items()
    if any(cat in _TYPO_CATS for cat, _ in entries)
    for w in key.split(" ")
    if len(w) >= 6 and w.isalpha()
) | frozenset(m for m in MONTH_NAMES if len(m) >= 6)
KNOWN_WORDS = (
    frozenset(w for key in PHRASES for w in key.split(" ")) | STOPWORDS | frozenset(PLAIN_WORDS)
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


TYPO_INDEX: dict[str, set[str]] = defaultdict(set)
for _w in VOCABULARY:
    TYPO_INDEX[_w].add(_w)
    for _d in _deletions(_w):
        TYPO_INDEX[_d].add(_w)

"""Judge whether a goal is specific: a concrete outcome and where it applies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as lx
from .model import CriterionResult, Evidence, Metric
from .reader import (
    _ADMISSION,
    _CAREER_CHANGE,
    _MILITARY,
    _MOVE_HEADS,
    _OWN,
    _PERFORM_VERBS,
    _SCHOOLISH,
    _VAGUE_WORDS,
    Item,
    _split,
    _takes_field,
)
from .text import Parsed

# ---------------------------------------------------------------------------------------
# Specific
# ---------------------------------------------------------------------------------------
_KIND_WORDS = {
    "role": "a role",
    "employ": "a role or job",
    "credential": "a credential",
    "skill": "a skill",
    "work": "a piece of work",
    "business": "a business",
    "result": "a result",
    "organisation": "an organisation",
    "field": "a field",
    "place": "a place",
    "habit": "a habit with its amount or frequency",
}


def judge_specific(
    parsed: Parsed, items: Sequence[Item], metrics: Sequence[Metric] = ()
) -> CriterionResult:
    """Judge whether the goal names a concrete outcome and where it applies."""
    text = parsed.text
    live = [it for it in items if not it.negated]
    where = [it for it in live if it.where and it.kind in ("organisation", "place", "field")]
    own = bool(_OWN.search(parsed.folded))
    promoted = any(
        m.key.startswith(("get promoted", "promoted", "be promoted")) or m.key == "promoted to"
        for m in parsed.by_cat.get("ev", ())
    ) or any(t.base in ("promotion", "promoted") for t in parsed.tokens if not t.negated)
    concrete: list[Item] = []
    partial: list[Item] = []
    for it in live:
        if it.kind == "role" and _someone_elses(parsed, it):
            continue
        if it.kind == "role":
            anchored = it.concrete or bool(where) or own or promoted
            (concrete if anchored and not it.vague else partial).append(it)
        elif it.kind == "employ":
            if it.info == "own" and not it.concrete:
                continue
            fields = [w for w in where if w.kind == "field" or _carries_field(parsed, w)]
            orgs = [w for w in where if w.kind in ("organisation", "place")]
            good = (it.concrete or (fields and orgs)) and not it.vague
            (concrete if good else partial).append(it)
        elif it.kind in ("credential", "skill", "work", "business", "result"):
            good = it.concrete and not (it.vague and it.kind in ("work", "business", "result"))
            (concrete if good else partial).append(it)
        elif it.kind in ("organisation", "place", "field"):
            if it.info == "own":
                continue
            if it.kind == "organisation" and not it.concrete:
                if it.vague or it.info != "kind":
                    continue
                if not any(o.kind != "organisation" for o in live):
                    continue
            partial.append(it)
    for m in parsed.by_cat.get("ev", ()):
        if m.key.split()[0] in _MOVE_HEADS or m.key in _CAREER_CHANGE:
            for it in live:
                if it.kind == "field" and it.info.startswith("occ") and 0 <= it.i - m.j <= 4:
                    concrete.append(it)
                    break
    admission = _admission(parsed, live)
    if admission is not None:
        concrete.append(admission)
    concrete.extend(_venue_outcomes(parsed, live))
    concrete.extend(_field_at_place(parsed, live))
    concrete.extend(_gig_work(parsed, live))
    concrete.extend(_seats(parsed))
    concrete, partial = _idioms(parsed, concrete, partial)
    if not concrete:
        concrete.extend(_habits(parsed, metrics))
    for m in parsed.by_cat.get("ev", ()):
        if m.info == "self" and not any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            partial.append(Item("event", m.start, m.end, m.i, m.j, False))
    if concrete:
        what = _describe(concrete, where)
        return CriterionResult(
            "specific",
            "met",
            f"Names {what}: {_quote([*concrete, *where], text)}.",
            None,
            tuple(_dedupe([it.span(text) for it in concrete] + [w.span(text) for w in where])),
        )
    if partial:
        kinds = {it.kind for it in partial}
        if kinds <= {"organisation", "place", "field"}:
            explanation = (
                f"Names where ({_quote(partial, text)}) but not the role or result you want there."
            )
            fix = "Which role or result do you want there? e.g. add 'as a junior data analyst'."
        elif "role" in kinds and all(it.vague for it in partial if it.kind == "role"):
            explanation = (
                f"Names a role ({_quote(partial, text)}) but qualifies it only with a vague word."
            )
            fix = "Replace the vague word with something checkable: a title, a place or a level."
        elif "role" in kinds:
            explanation = (
                f"Names a role ({_quote(partial, text)}) but not its field or organisation."
            )
            fix = "Say in which field or organisation, e.g. 'marketing manager at a nonprofit'."
        elif kinds & {"employ", "event"}:
            explanation = (
                f"Names a kind of outcome ({_quote(partial, text)}) but not the role or field."
            )
            fix = "Name the role and where, e.g. 'a junior accountant role at a mid-size firm'."
        elif "credential" in kinds:
            explanation = f"Names a credential ({_quote(partial, text)}) but not which one."
            fix = "Name the credential, e.g. 'CompTIA Security+' or 'a bachelor's in nursing'."
        elif "skill" in kinds:
            explanation = (
                f"Names a broad skill ({_quote(partial, text)}) rather than a concrete one."
            )
            fix = "Name the concrete skill and where you will use it, e.g. 'SQL for sales reports'."
        else:
            explanation = (
                f"Names an outcome ({_quote(partial, text)}) without saying what or where exactly."
            )
            fix = "Say exactly what the outcome is and where it applies."
        return CriterionResult(
            "specific",
            "partly",
            explanation,
            fix,
            tuple(_dedupe([it.span(text) for it in partial])),
        )
    vague = [
        Evidence("vague", text[t.start : t.end], t.start, t.end)
        for t in parsed.tokens
        if t.base in _VAGUE_WORDS and not t.negated
    ]
    if any(it.negated for it in items) and not vague:
        explanation = "Says what you do not want, not what you want."
        fix = "Say what you want instead, e.g. 'become a pharmacy technician'."
    elif vague:
        explanation = (
            "Uses only vague words "
            + ", ".join(f'"{e.text}"' for e in vague[:3])
            + "; it names no role, skill, credential, piece of work or result."
        )
        fix = "Name the outcome and where, e.g. 'a marketing role at a Fortune 500 company'."
    else:
        explanation = "Names no role, skill, credential, piece of work or result."
        fix = "Name the outcome and where, e.g. 'a junior developer role at a fintech startup'."
    return CriterionResult("specific", "missing", explanation, fix, tuple(vague))


_HABITS = frozenset(lx.HABIT_WORDS)


def _someone_elses(parsed: Parsed, it: Item) -> bool:
    """Return whether a role is someone else's, in the possessive ("my manager's advice")."""
    folded = parsed.folded
    return folded[it.end : it.end + 2] in ("'s", "\u2019s") or folded[it.start : it.end].endswith(
        ("'s", "\u2019s")
    )


def _habits(parsed: Parsed, metrics: Sequence[Metric]) -> list[Item]:
    """Return a habit named with its amount or frequency ("swim 40 lengths twice a week")."""
    for tok in parsed.tokens:
        if tok.base not in _HABITS or tok.negated:
            continue
        after = [
            m
            for m in metrics
            if m.start is not None
            and m.end is not None
            and m.end > tok.start
            and m.start - tok.end < 40
            and (tok.base not in ("lose", "losing") or m.kind == "weight")
        ]
        if after:
            start = min(tok.start, after[0].start or tok.start)
            end = max(tok.end, after[0].end or tok.end)
            return [Item("habit", start, end, tok.i, tok.i + 1, True)]
    return []


# Idioms that say how a career should go, not what it should reach: what follows them in the
# clause only says where ("make a name for myself in wedding photography" is partly specific).
_SUCCESS_IDIOMS = re.compile(
    r"\bmak(?:e|es|ing)\s+a\s+name\s+for\s+(?:my|your|him|her|our|them)sel(?:f|ves)\b|"
    r"\bmade\s+a\s+name\s+for\b|\bmak(?:e|ing)\s+it\s+big\b|"
    r"\bhit(?:ting)?\s+the\s+ground\s+running\b|"
    r"\bclimb(?:s|ed|ing)?\s+(?:up\s+)?the\s+(?:[\w-]+\s+)?ladder\b|"
    r"\btak(?:e|es|ing)\s+(?:my|our|the)\s+(?:[\w'-]+\s+){1,3}to\s+the\s+next\s+level\b|"
    r"\bget(?:ting)?\s+ahead\b|\bgo(?:ing)?\s+places\b",
    re.IGNORECASE,
)
# Idioms whose words are not outcomes at all ("work-life balance" is no work).
_EMPTY_IDIOMS = re.compile(
    r"\bwork[-\s]life\s+balance\b|\bseat\s+at\s+the\s+table\b|"
    r"\b(?:get|got|getting)\s+(?:my|our)\s+(?:life|lives|act|shit)\s+together\b|"
    r"\bfind(?:ing)?\s+my\s+(?:niche|calling|passion|purpose|way|feet|footing)\b|"
    r"\b(?:go|going|went)\s+the\s+extra\s+mile\b|\bknock\s+(?:it|them)\s+out\s+of\s+the\s+park\b|"
    r"\bjack\s+of\s+all\s+trades\b|\b(?:get|getting|have)\s+my\s+ducks\s+in\s+a\s+row\b|"
    r"\b(?:give|giving|gave|put\s+in)\s+(?:it\s+)?1[0-9]{2}\s*%|\bstep\s+up\s+my\s+game\b|"
    r"\bup\s+my\s+game\b|"
    r"\bmove\s+the\s+needle\b|\bwear\s+(?:many|more|different)\s+hats\b|\blearn\s+the\s+ropes\b",
    re.IGNORECASE,
)


# Idioms that name a thing but no checkable end ("get my songs out there").
_UNCHECKABLE_IDIOMS = re.compile(
    r"\b(?:get|getting|put|putting)\s+(?:my|our|it|them)\s+(?:[\w'-]+\s+)?out\s+there\b",
    re.IGNORECASE,
)


def idiom_spans(parsed: Parsed) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return the spans of empty idioms and the scopes of success idioms (to the clause end)."""
    memo = parsed.memo.get("idioms")
    if memo is not None:
        return memo  # type: ignore[return-value]
    folded = parsed.folded
    empty = [(m.start(), m.end()) for m in _EMPTY_IDIOMS.finditer(folded)]
    scopes = []
    for m in _SUCCESS_IDIOMS.finditer(folded):
        k = parsed.token_at(m.start())
        if k is None:
            continue
        clause = parsed.tokens[k].clause
        end = max(t.end for t in parsed.tokens if t.clause == clause)
        scopes.append((m.start(), end))
    parsed.memo["idioms"] = (empty, scopes)
    return empty, scopes


def _idioms(
    parsed: Parsed, concrete: list[Item], partial: list[Item]
) -> tuple[list[Item], list[Item]]:
    """Read career idioms by what they mean, not by their words.

    Inside an empty idiom nothing counts; after a success idiom, in the same clause, a concrete
    item only says where (partly) and a partial one says nothing.
    """
    empty, scopes = idiom_spans(parsed)
    if not empty and not scopes:
        return concrete, partial

    def inside(it: Item, spans: list[tuple[int, int]]) -> bool:
        return any(a <= it.start < b or it.start <= a < it.end for a, b in spans)

    def where(it: Item) -> bool:
        return it.kind in ("organisation", "place") or it.info.startswith("occ")

    demoted = [it for it in concrete if inside(it, scopes) and not inside(it, empty)]
    concrete = [it for it in concrete if not inside(it, scopes) and not inside(it, empty)]
    partial = [
        it for it in partial if not inside(it, empty) and (where(it) or not inside(it, scopes))
    ]
    return concrete, partial + demoted


def _field_at_place(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return fields entered at a named place: "break into UX writing at a SaaS company".

    A field alone is partly specific ("work in marketing"); with a verb that takes it as the
    outcome and a concrete organisation or place in the same clause it is met.
    """
    toks = parsed.tokens
    out = []
    for m in parsed.by_cat.get("ev", ()):
        if not _takes_field(m) or toks[m.i].negated:
            continue
        clause = toks[m.i].clause
        field = next(
            (
                it
                for it in items
                if it.kind == "field" and it.info.startswith("occ") and 0 <= it.i - m.j <= 4
            ),
            None,
        )
        if field is None:
            continue
        if any(
            it.kind in ("organisation", "place")
            and it.concrete
            and it.info != "own"
            and toks[it.i].clause == clause
            and it is not field
            for it in items
        ):
            out.append(field)
    return out


_GIG_VERBS = frozenset(
    _split(
        """drive, drives, driving, drove, deliver, delivers, delivering, delivered, ride, riding,
        courier, couriering, shop, shopping, work, working, freelance, freelancing, tasking"""
    )
)


def _gig_work(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return gig platforms worked through ("Drive for Uber"): the platform names the role."""
    toks = parsed.tokens
    out = []
    for it in items:
        if it.kind != "organisation" or it.info != "named":
            continue
        if lx.key_of(parsed.text[it.start : it.end]) not in lx.GIG_PLATFORMS:
            continue
        if any(toks[k].base in _GIG_VERBS for k in range(max(0, it.i - 3), it.i)):
            out.append(it)
    return out


_SEAT = re.compile(
    r"\bseat\s+on\s+(?:(?:the|an?|my|our)\s+)?(?:[\w-]+'s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:board|committee|council|panel|bench|executive|senate|cabinet)\b",
    re.IGNORECASE,
)


def _seats(parsed: Parsed) -> list[Item]:
    """Return seats on a board or committee: a position with its body ("a seat on the board")."""
    out = []
    for m in _SEAT.finditer(parsed.folded):
        k = parsed.token_at(m.start())
        if k is None or parsed.tokens[k].negated:
            continue
        j = k + len(lx.WORD_RE.findall(m.group()))
        out.append(Item("role", m.start(), m.end(), k, j, True, where=True))
    return out


def _venue_outcomes(parsed: Parsed, items: Sequence[Item]) -> list[Item]:
    """Return outcomes made concrete by their venue: a talk at a conference, joining the Army."""
    out = []
    for m in parsed.by_cat.get("ev", ()):
        if any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            continue
        enlist = m.key.split()[0] in ("enlist", "enlisted", "join", "joined", "joining", "serve")
        perform = bool(_PERFORM_VERBS.match(m.key))
        if not (enlist or perform):
            continue
        for it in items:
            if it.i < m.j or it.i - m.j > 6 or it.kind != "organisation" or it.vague:
                continue
            key = lx.key_of(parsed.text[it.start : it.end]).removeprefix("the ")
            if (enlist and key in _MILITARY) or (perform and it.concrete):
                out.append(it)
            break
    return out


def _carries_field(parsed: Parsed, it: Item) -> bool:
    """Return whether an organisation names its field ("an accounting firm", "a law firm")."""
    if it.kind != "organisation":
        return False
    return any(
        (m.cat == "skill" or (m.cat == "field" and m.info.startswith("occ")))
        and it.i <= m.i
        and m.j <= it.j
        and (m.i, m.j) != (it.i, it.j)
        for m in parsed.matches
    )


def _admission(parsed: Parsed, items: Sequence[Item]) -> Item | None:
    for m in parsed.by_cat.get("ev", ()):
        if m.key not in _ADMISSION or any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            continue
        finishing = m.key.split()[0] in ("finish", "finishing", "complete", "completing")
        for it in items:
            if (
                it.i >= m.j
                and it.i - m.j <= 4
                and it.kind in ("organisation", "credential")
                and not it.vague
            ):
                if not it.concrete:
                    continue
                if finishing and not _SCHOOLISH.search(parsed.text[it.start : it.end].lower()):
                    continue
                return it
    return None


def _describe(concrete: Sequence[Item], where: Sequence[Item]) -> str:
    kinds = []
    for it in concrete:
        word = _KIND_WORDS.get(it.kind, "an outcome")
        if word not in kinds:
            kinds.append(word)
    what = " and ".join(kinds[:2])
    if where and not all(w in concrete for w in where):
        what += " and where it applies"
    return what


def _quote(items: Sequence[Item], text: str) -> str:
    """Quote up to three names, skipping any that lie inside a longer one."""
    kept: list[Item] = []
    for it in sorted(items, key=lambda it: (it.start - it.end, it.start)):
        if not any(k.start <= it.start and it.end <= k.end for k in kept):
            kept.append(it)
    kept.sort(key=lambda it: it.start)
    return ", ".join(f'"{text[it.start : it.end]}"' for it in kept[:3])


def _dedupe(spans: list[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for e in sorted(spans, key=lambda e: (e.start or 0, -(e.end or 0))):
        if any(
            o.start is not None
            and e.start is not None
            and o.start <= e.start
            and e.end is not None
            and o.end is not None
            and e.end <= o.end
            for o in out
        ):
            continue
        out.append(e)
    return out

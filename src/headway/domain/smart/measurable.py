"""Judge whether a goal is measurable: a number, a credential or an observable event."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as lx
from .dates import TimeExpr
from .model import CriterionResult, Evidence, Metric, SmartContext
from .reader import (
    _BINARY_RESULTS,
    _DETERMINERS,
    _EVENT_RESULTS,
    _PLACEHOLDERS,
    _PREPOSITIONS,
    _STATE_HEADS,
    _WORK_HEADS,
    Item,
    _split,
    _takes_field,
)
from .specific import (
    _UNCHECKABLE_IDIOMS,
    _seats,
    idiom_spans,
)
from .text import Match, Parsed, singular

# ---------------------------------------------------------------------------------------
# Measurable
# ---------------------------------------------------------------------------------------
_EVENT_OBJECTS = frozenset(
    {"role", "employ", "organisation", "place", "work", "business", "credential"}
)


def judge_measurable(
    parsed: Parsed,
    items: Sequence[Item],
    metrics: Sequence[Metric],
    context: SmartContext | None,
    times: Sequence[TimeExpr] = (),
    background: Sequence[tuple[int, int]] = (),
) -> CriterionResult:
    """Judge whether completion of the goal can be checked objectively.

    `background` spans say what the writer already is or has; nothing in them counts.
    """
    text = parsed.text
    toks = parsed.tokens
    live = [it for it in items if not it.negated]
    empty, scopes = idiom_spans(parsed)
    idioms = [
        *empty,
        *scopes,
        *((m.start(), m.end()) for m in _UNCHECKABLE_IDIOMS.finditer(parsed.folded)),
    ]
    evidence: list[Evidence] = [
        Evidence(f"metric:{m.kind}", m.text, m.start, m.end)
        for m in metrics
        if m.start is not None and not any(a <= m.start < b for a, b in idioms)
    ]
    if evidence:
        return CriterionResult(
            "measurable", "met", f"Sets a measure ({_list(evidence)}).", None, tuple(evidence)
        )
    creds = [it for it in live if it.kind == "credential"]
    if creds:
        spans = [it.span(text) for it in creds]
        return CriterionResult(
            "measurable",
            "met",
            f"Earning a credential can be checked ({_list(spans)}).",
            None,
            tuple(spans),
        )
    quiet = [(t.start, t.end) for t in times if t.kind in ("event", "start", "anchored", "age")]
    quiet += idioms
    quiet += background
    quiet += [(m.start(2), m.end()) for m in _EXPLORING.finditer(parsed.folded)]
    events = [e for e in _events(parsed, live, quiet) if not _P_BE_A_LEADER.match(e.text)]
    if events and all(_P_APPLY_MANY.match(e.text) for e in events):
        return CriterionResult(
            "measurable",
            "partly",
            f"Applying ({_list(events)}) can be counted, but the goal sets no number.",
            "How many applications, and by when? e.g. 'apply to 10 jobs a month'.",
            tuple(events),
        )
    if events:
        return CriterionResult(
            "measurable",
            "met",
            f"Completion is an observable event ({_list(events)}).",
            None,
            tuple(events),
        )
    held = _held_role(parsed, live) or _wanted_job(parsed, live)
    if held is not None:
        return CriterionResult(
            "measurable",
            "met",
            f"Holding the role is an observable event ({_list([held])}).",
            None,
            (held,),
        )
    if context is not None and context.target_value is not None:
        value = f"{context.target_value:g}" + (
            f" {context.metric_unit}" if context.metric_unit else ""
        )
        form = Evidence("metric:form", f"target {value}", field="target_value")
        return CriterionResult(
            "measurable", "met", f"The goal's form sets a target of {value}.", None, (form,)
        )
    partial = _directions(parsed, live) + _ladders(parsed)
    level = [
        Evidence("level", text[m.start : m.end], m.start, m.end)
        for m in parsed.by_cat.get("level", ())
        if not toks[m.i].negated and any(it.kind == "skill" for it in live)
    ]
    if partial or level:
        spans = partial + level
        return CriterionResult(
            "measurable",
            "partly",
            f"Points in a direction ({_list(spans)}) but sets no number or test to check it.",
            "How much, or which test? e.g. 'by 15%', 'to 50 clients', 'pass the B2 exam'.",
            tuple(spans),
        )
    learning = any(it.kind == "skill" for it in live)
    fix = (
        "How will you show the skill? e.g. 'pass a named exam' or 'finish a project that uses it'."
        if learning
        else "Add a number or an observable result, e.g. 'get hired as ...', '3 clients'."
    )
    return CriterionResult(
        "measurable",
        "missing",
        "Gives nothing that can be checked: no number, credential or event.",
        fix,
    )


# "Be a leader" names a quality, not a post: nobody is appointed "a leader".
_P_BE_A_LEADER = re.compile(
    r"(?:be|become|becoming|being|grow\s+as)\s+(?:an?\s+)?(?:(?:good|great|better|strong|real|"
    r"true|natural|confident)\s+)?leader$",
    re.IGNORECASE,
)
# Applying for an uncounted plural ("apply for jobs") is an activity, not a result.
_P_APPLY_MANY = re.compile(
    r"(?:keep\s+)?appl(?:y|ies|ying)\s+(?:for|to)\s+(?:(?:some|more|any|new|the)\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:jobs|roles|positions|internships|openings|vacancies|stuff|things)$",
    re.IGNORECASE,
)


def _events(
    parsed: Parsed, items: Sequence[Item], quiet: Sequence[tuple[int, int]] = ()
) -> list[Evidence]:
    toks = parsed.tokens
    text = parsed.text
    found: list[Evidence] = []
    cats = parsed.cats
    learning = parsed.by_cat.get("learn", ())
    verbs = [
        m
        for m in parsed.by_cat.get("ev", ())
        if not any(toks[k].negated for k in range(m.i, m.j))
        and _verb_position(parsed, cats, m)
        and not any(a <= m.start < b for a, b in quiet)
        and not any(x.i == m.i and x.j > m.j for x in learning)  # "get comfortable with"
    ]
    chosen: list[Match] = []
    for m in sorted(verbs, key=lambda m: (m.i, m.i - m.j)):
        if any(o.i <= m.i < o.j for o in chosen):
            continue
        chosen.append(m)
    for m in chosen:
        if m.j < len(toks) and toks[m.j].base in _PLACEHOLDERS:
            continue  # "find something in the nonprofit sector": no outcome named
        if m.info == "self":
            if m.key in ("qualify",) and not any(it.i >= m.j for it in items):
                continue
            found.append(Evidence("event", text[m.start : m.end], m.start, m.end))
            continue
        clause = toks[m.i].clause
        for it in items:
            if it.i < m.j or toks[it.i].clause != clause or it.i - m.j > 7:
                continue
            if any(a <= it.start < b for a, b in quiet):
                continue
            if it.kind in ("field", "place"):
                if not _takes_field(m):
                    continue
            elif it.kind == "result":
                if lx.key_of(text[it.start : it.end]).split()[
                    -1
                ] not in _EVENT_RESULTS and not _first(parsed, it):
                    continue
            elif it.kind not in _EVENT_OBJECTS:
                continue
            head = m.key.split()[0]
            if head in ("do", "does", "did", "doing") and it.kind not in ("employ", "credential"):
                continue  # "do research", "do well in school": activities, not events
            if (
                it.kind == "organisation"
                and it.info == "own"
                and head not in _WORK_HEADS | _STATE_HEADS
            ):
                found.append(Evidence("event", text[m.start : it.end], m.start, it.end))
                break
            if it.vague:
                break
            if it.kind == "organisation" and not it.concrete:
                continue
            if it.kind == "employ" and it.info == "own" and not it.concrete:
                continue
            if (
                it.kind == "work"
                and m.key.split()[0] in lx.ACTIVITY_FORMS
                and m.key.split()[0] not in _MAKE_HEADS
            ):
                continue
            if _comparative_before(parsed, it):
                break
            if it.j < len(toks) and toks[it.j].base in ("more", "less", "better", "bigger"):
                break  # "make my channel more popular" is a direction, not an event
            if m.key.split()[0] in (
                "be",
                "am",
                "is",
                "are",
                "was",
                "were",
                "been",
                "being",
            ) and it.kind not in ("role", "employ"):
                continue
            found.append(Evidence("event", text[m.start : it.end], m.start, it.end))
            break
    if not found:
        found.extend(_conversions(parsed, items, quiet))
    if not found:
        found.extend(it.span(text) for it in _seats(parsed))
    items = [it for it in items if not any(a <= it.start < b for a, b in quiet)]
    if not found:
        for it in items:
            words = lx.key_of(text[it.start : it.end])
            if (
                it.kind == "result"
                and not it.vague
                and (words in _BINARY_RESULTS or words.split()[-1] == "promotion")
            ):
                found.append(it.span(text))
                break
    if not found:
        for it in items:
            if it.kind == "employ" and not it.vague and it.i > 0 and toks[it.i - 1].base == "new":
                found.append(
                    Evidence(
                        "event", text[toks[it.i - 1].start : it.end], toks[it.i - 1].start, it.end
                    )
                )
    return found


def _first(parsed: Parsed, it: Item) -> bool:
    """Return whether a result is a first one ("my first deal"): a first is an event."""
    return any(parsed.tokens[k].base == "first" for k in range(max(0, it.i - 3), it.i))


# "Turn my hobby into a business": the thing made is the outcome.
_CONVERT = re.compile(
    r"\b(?:turn|turns|turned|turning|convert|converts|converted|converting|grow|grew|growing)"
    r"\s+(?:my|our|the|this|a|an|his|her|their)\s+(?:[\w'-]+\s+){0,4}?into\s",
    re.IGNORECASE,
)
_CONVERTED = frozenset({"business", "work", "role", "employ"})
_BIZ = frozenset(lx.GENERIC_BUSINESSES) | frozenset(lx.BUSINESSES)


def _conversions(
    parsed: Parsed, items: Sequence[Item], quiet: Sequence[tuple[int, int]]
) -> list[Evidence]:
    for m in _CONVERT.finditer(parsed.folded):
        if any(a <= m.start() < b for a, b in quiet):
            continue
        k = parsed.token_at(m.start())
        if k is None or parsed.tokens[k].negated:
            continue
        for it in items:
            convertible = it.kind in _CONVERTED or (
                it.kind == "organisation" and lx.key_of(parsed.text[it.start : it.end]) in _BIZ
            )
            if it.start >= m.end() and convertible and not it.vague and it.i - k <= 10:
                return [Evidence("event", parsed.text[m.start() : it.end], m.start(), it.end)]
    return []


# "Look into becoming a paralegal": what is explored is not yet the goal.
_EXPLORING = re.compile(
    r"\b(look(?:s|ing)?\s+into|think(?:s|ing)?\s+(?:about|of)|consider(?:s|ing)?|"
    r"explor(?:e|es|ing)|research(?:es|ing)?|toy(?:ing)?\s+with\s+the\s+idea\s+of)\s+"
    r"(\w+ing)\b",
    re.IGNORECASE,
)
# "Climb the corporate ladder", "climb the ladder at Deloitte": a direction in a named hierarchy.
_LADDER = re.compile(
    r"\bclimb(?:s|ed|ing)?\s+(?:up\s+)?the\s+(?:([\w-]+)\s+)?ladder\b(\s+(?:at|in|of|within)\s+\S)?",
    re.IGNORECASE,
)


def _ladders(parsed: Parsed) -> list[Evidence]:
    out = []
    for m in _LADDER.finditer(parsed.folded):
        k = parsed.token_at(m.start())
        if (m.group(1) or m.group(2)) and k is not None and not parsed.tokens[k].negated:
            out.append(
                Evidence(
                    "direction",
                    parsed.text[m.start() : m.end(0) - len(m.group(2) or "")],
                    m.start(),
                    m.end(0) - len(m.group(2) or ""),
                )
            )
    return out


def _held_role(parsed: Parsed, items: Sequence[Item]) -> Evidence | None:
    """Return the role a verbless goal names ("Mid-2028: senior data analyst role in the NHS")."""
    if any(parsed.by_cat.get(cat) for cat in ("ev", "learn", "dir")):
        return None
    if any(t.base in _ANY_VERB for t in parsed.tokens):
        return None
    for it in items:
        if it.kind in ("role", "employ") and it.concrete and not it.vague:
            return Evidence("event", parsed.text[it.start : it.end], it.start, it.end)
    return None


_WANTING = frozenset({"want", "wants", "need", "needs", "like", "looking"})


def _wanted_job(parsed: Parsed, items: Sequence[Item]) -> Evidence | None:
    """Return a job wanted at a place without a verb of getting ("i need job in bank")."""
    toks = parsed.tokens
    for it in items:
        if it.kind != "employ" or it.vague or it.info == "own" or it.j >= len(toks):
            continue
        if toks[it.j].base not in ("in", "at", "with"):
            continue
        clause = toks[it.i].clause
        before = [t for t in toks[: it.i] if t.clause == clause]
        if any(t.base in _ANY_VERB and t.base not in _WANTING for t in before):
            continue
        first = before[0].i if before else it.i
        if any(cats & {"ev", "learn", "dir"} for cats in parsed.cats[first : it.i]):
            continue
        for w in items:
            if w.kind in ("organisation", "field") and 0 < w.i - it.j <= 3 and w.concrete:
                return Evidence("event", parsed.text[it.start : w.end], it.start, w.end)
    return None


# Verbs outside the lexicon that make a goal more than the name of a role.
_ANY_VERB = frozenset(
    _split(
        """want, wants, like, love, enjoy, hope, try, keep, stay, remain, stop, quit, leave, avoid,
        explore, consider, research, look, looking, think, understand, know, feel, use, using,
        help, support, improve, grow, enjoy, apply, applying"""
    )
)


def _verb_position(parsed: Parsed, cats: Sequence[set[str]], m: Match) -> bool:
    """Return whether an event word is used as a verb, not a noun ("satisfaction scores")."""
    toks = parsed.tokens
    if m.i == 0 or toks[m.i - 1].clause != toks[m.i].clause:
        return True
    if toks[m.i - 1].base in _DETERMINERS:
        return False
    return not (cats[m.i - 1] & {"field", "result", "work", "employ", "cred", "skill"})


_MAKE_HEADS = frozenset(
    _split(
        """write, writing, wrote, written, build, built, building, make, making, made, create,
        creating, created, produce, producing, record, recording, film, filming, compose,
        composing, publish, publishing, have, hold, holding, host, hosting, stage, staging,
        put, set, setting"""
    )
)


def _comparative_before(parsed: Parsed, it: Item) -> bool:
    toks = parsed.tokens
    for k in range(max(0, it.i - 2), it.i):
        if toks[k].base in ("more", "fewer", "less", "better", "higher", "bigger"):
            return True
    return False


def _directions(parsed: Parsed, items: Sequence[Item]) -> list[Evidence]:
    toks = parsed.tokens
    text = parsed.text
    out: list[Evidence] = []
    for m in parsed.by_cat.get("dir", ()):
        if any(toks[k].negated for k in range(m.i, m.j)):
            continue
        if m.key in ("more", "less") and m.j < len(toks) and toks[m.j].base in _INNER_STATES:
            continue  # "more confident": a feeling, not a quantity
        clause = toks[m.i].clause
        end = None
        for k in range(m.j, min(len(toks), m.j + 6)):
            if toks[k].clause != clause:
                break
            b = toks[k].base
            covering = [x.end for x in parsed.matches if x.cat == "result" and x.i <= k < x.j]
            if b == "time" and k + 1 < len(toks) and toks[k + 1].base.startswith("manag"):
                break  # "time management" is a skill
            if covering or b in lx.QUANTITY_NOUNS or singular(b) in lx.QUANTITY_NOUNS:
                end = max(covering or [toks[k].end])
                break
        if (
            end is None
            and m.key in ("more", "less", "fewer")
            and m.i > 0
            and (m.j >= len(toks) or toks[m.j].clause != clause or toks[m.j].base in _PREPOSITIONS)
        ):
            end = m.end
        if end is not None:
            out.append(Evidence("direction", text[m.start : end], m.start, end))
    for it in items:
        if it.kind == "skill" and it.info == "hard" and it.concrete and not it.negated:
            k = it.i - 1
            while k >= 0 and toks[k].base in ("my", "our", "his", "her", "their", "the"):
                k -= 1
            if k >= 0 and toks[k].base in _IMPROVE:
                out.append(
                    Evidence("direction", text[toks[k].start : it.end], toks[k].start, it.end)
                )
    for it in items:
        if (
            it.kind == "result"
            and it.vague
            and not any(o.start is not None and o.start <= it.start < (o.end or 0) for o in out)
        ):
            out.append(it.span(text))
    return out


_INNER_STATES = frozenset(
    _split(
        """confident, comfortable, happy, happier, relaxed, calm, motivated, fulfilled, organised,
        organized, creative, visible, positive, assertive, resilient, patient, present, balanced,
        secure, appreciated, valued, respected"""
    )
)
_IMPROVE = frozenset(_split("improve, improves, improved, improving, polish, polishing"))


def _list(spans: Sequence[Evidence]) -> str:
    seen: list[str] = []
    for e in spans:
        if e.text not in seen:
            seen.append(e.text)
    return ", ".join(f'"{t}"' for t in seen[:3])

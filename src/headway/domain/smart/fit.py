"""Judge the attainable and relevant criteria, which depend on what is known about the user."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from . import lexicon as lx
from .metrics import weekly_hours
from .model import CriterionResult, Deadline, Evidence, Metric, SmartContext
from .reader import Item
from .text import Parsed, singular
from .time_bound import format_date


def _split(block: str) -> list[str]:
    """Split a comma-separated block of words into a list."""
    return [w.strip() for w in block.split(",") if w.strip()]


_SCORE_MAX = {
    "GRE": 340,
    "GMAT": 805,
    "SAT": 1600,
    "ACT": 36,
    "LSAT": 180,
    "MCAT": 528,
    "IELTS": 9,
    "TOEFL": 120,
    "TOEIC": 990,
    "GPA": 5.0,
    "CGPA": 10.0,
    "PSAT": 1520,
    "band": 9,
}
_IN_PROGRESS = re.compile(
    r"\b(?:finish|finishing|complete|completing|continue|continuing)\s+my\b", re.I
)
_WEEKS_PER_MONTH = 4.345


def _months_between(today: date, day: date) -> float:
    return (day - today).days / 30.44


def _education_zone(text: str | None) -> int | None:
    if not text:
        return None
    low = text.lower()
    for pattern, zone in lx.EDUCATION_ZONES:
        if pattern.search(low):
            return zone
    return None


def judge_attainable(
    parsed: Parsed,
    items: Sequence[Item],
    metrics: Sequence[Metric],
    deadline: Deadline | None,
    context: SmartContext | None,
    today: date,
) -> CriterionResult:
    """Judge whether the goal is realistic for this user in the time given."""
    ctx = context or SmartContext()
    text = parsed.text
    live = [it for it in items if not it.negated]
    signals: list[tuple[str, str, str | None, tuple[Evidence, ...]]] = []
    dl_span = (
        (Evidence("deadline", text[deadline.start : deadline.end], deadline.start, deadline.end),)
        if deadline and deadline.start is not None
        else ()
    )
    months = _months_between(today, deadline.on) if deadline else None

    if deadline and deadline.on < today:
        signals.append(
            (
                "missing",
                f"The deadline ({format_date(deadline.on)}) has already passed.",
                "Choose a date in the future.",
                dl_span,
            )
        )

    for m in metrics:
        if m.kind == "score" and m.quantity is not None and m.unit:
            top = _SCORE_MAX.get(m.unit) if m.unit != "band" else 9
            if top is not None and m.quantity > top:
                signals.append(
                    (
                        "missing",
                        f'"{m.text}" is above the top score of {m.unit} ({top:g}).',
                        f"Check the target: the {m.unit} scale ends at {top:g}.",
                        (Evidence("metric", m.text, m.start, m.end),),
                    )
                )
        if (
            m.kind == "percent"
            and m.unit == "%"
            and m.quantity is not None
            and m.quantity > 100
            and m.direction is None
            and m.baseline is None
        ):
            signals.append(
                (
                    "missing",
                    f'"{m.text}" is more than the whole.',
                    "Check the percentage.",
                    (Evidence("metric", m.text, m.start, m.end),),
                )
            )

    hours = weekly_hours(metrics)
    effort = None if hours else _effort_per_week(live, metrics, parsed, months)
    load = hours or effort
    if load is not None:
        per_week, source = load
        span = (
            (Evidence("metric", source.text, source.start, source.end),)
            if source.start is not None
            else ()
        )
        if ctx.hours_per_week is not None:
            have = ctx.hours_per_week
            if per_week <= have:
                signals.append(
                    (
                        "met",
                        f"About {per_week:.0f} hours a week fits the {have:g} you have.",
                        None,
                        span,
                    )
                )
            elif per_week <= 1.25 * have:
                signals.append(
                    (
                        "partly",
                        f"About {per_week:.0f} hours a week is a stretch on the {have:g} you have.",
                        "Can you free a few more hours, or move the deadline?",
                        span,
                    )
                )
            else:
                signals.append(
                    (
                        "missing",
                        f"About {per_week:.0f} hours a week is more than the {have:g} you have.",
                        "Lower the target, move the deadline or find more hours a week.",
                        span,
                    )
                )
        elif per_week > 60:
            signals.append(
                (
                    "missing",
                    f"About {per_week:.0f} hours a week is more than a full working week.",
                    "Lower the target or move the deadline.",
                    span,
                )
            )

    signals.extend(_zone_signal(parsed, live, ctx, months, dl_span))
    signals.extend(_credential_signal(parsed, live, months, dl_span))

    for status in ("missing", "partly", "met"):
        hits = [s for s in signals if s[0] == status]
        if hits:
            evidence = tuple(e for s in hits for e in s[3])
            fix = next((s[2] for s in hits if s[2]), None)
            return CriterionResult("attainable", status, hits[0][1], fix, evidence)
    needs = []
    if deadline is None:
        needs.append("by when you want it")
    if ctx.hours_per_week is None:
        needs.append("how many hours a week you can give it")
    if ctx.current_job_zone is None and not ctx.education_level:
        needs.append("what preparation you already have (education, job)")
    question = (
        "To judge this, tell us " + ", ".join(needs[:2]) + "."
        if needs
        else ("What preparation does this need, and how much of it do you already have?")
    )
    return CriterionResult(
        "attainable",
        "unknown",
        "There is not enough to judge whether this is realistic for you.",
        question,
    )


def _effort_per_week(
    items: Sequence[Item], metrics: Sequence[Metric], parsed: Parsed, months: float | None
) -> tuple[float, Metric] | None:
    """Return the study hours a week a counted plan implies ("10 courses in 2 weeks")."""
    if months is None or months <= 0:
        return None
    weeks = max(months * _WEEKS_PER_MONTH, 1 / 7)
    for m in metrics:
        if m.kind != "count" or not m.unit or m.quantity is None:
            continue
        per = lx.EFFORT_HOURS.get(singular(m.unit))
        if per is not None:
            return m.quantity * per / weeks, m
    for it in items:
        if it.kind == "credential" and it.info in ("named", "generic", "acronym"):
            key = parsed.text[it.start : it.end].lower()
            if (
                any(w in key for w in ("certific", "certified", "license", "licence"))
                or it.info == "named"
            ):
                if any(w in key for w in ("degree", "phd", "bachelor", "master", "doctor")):
                    continue
                pseudo = Metric(
                    "count",
                    parsed.text[it.start : it.end],
                    1.0,
                    "certification",
                    start=it.start,
                    end=it.end,
                )
                return lx.EFFORT_HOURS["certification"] / weeks, pseudo
    return None


def _target_zone(parsed: Parsed, items: Sequence[Item], ctx: SmartContext) -> int | None:
    if ctx.occupation_job_zone:
        return ctx.occupation_job_zone
    best = None
    for it in items:
        if it.kind != "role":
            continue
        words = lx.key_of(parsed.text[it.start : it.end]).split()
        for k in range(len(words)):
            zone = lx.ROLE_ZONE.get(" ".join(words[k:]))
            if zone:
                best = max(best or 0, zone)
                break
    return best


def _zone_signal(
    parsed: Parsed,
    items: Sequence[Item],
    ctx: SmartContext,
    months: float | None,
    dl_span: tuple[Evidence, ...],
) -> list[tuple[str, str, str | None, tuple[Evidence, ...]]]:
    roles = [it for it in items if it.kind in ("role", "employ")]
    if not roles:
        return []
    target = _target_zone(parsed, items, ctx)
    if target is None or months is None:
        return []
    current = ctx.current_job_zone or _education_zone(ctx.education_level)
    if current is None:
        return []
    target = max(1, min(5, target))
    current = max(1, min(5, current))
    need = max(lx.ZONE_MONTHS[target] - lx.ZONE_MONTHS[current], 3)
    role_span = tuple(it.span(parsed.text) for it in roles[:1]) + dl_span
    step = f"job zone {current} to {target}"
    if months >= need:
        return [
            (
                "met",
                f"The step ({step}) usually takes about {need} months; you have {months:.0f}.",
                None,
                role_span,
            )
        ]
    if months >= 0.5 * need:
        return [
            (
                "partly",
                f"The step ({step}) usually takes about {need} months; {months:.0f} is tight.",
                "What preparation do you already have toward it? Or allow more time.",
                role_span,
            )
        ]
    return [
        (
            "missing",
            f"The step ({step}) usually takes about {need} months, far more than {months:.0f}.",
            f"Allow about {need} months, or set a nearer step first.",
            role_span,
        )
    ]


def _credential_signal(
    parsed: Parsed,
    items: Sequence[Item],
    months: float | None,
    dl_span: tuple[Evidence, ...],
) -> list[tuple[str, str, str | None, tuple[Evidence, ...]]]:
    if months is None:
        return []
    out: list[tuple[str, str, str | None, tuple[Evidence, ...]]] = []
    for it in items:
        if it.kind != "credential":
            continue
        key = lx.key_of(parsed.text[it.start : it.end])
        need = next(
            (v for k, v in lx.CREDENTIAL_MONTHS.items() if k in key.split() or key.startswith(k)),
            None,
        )
        if need is None:
            continue
        before = parsed.folded[max(0, it.start - 30) : it.start]
        if _IN_PROGRESS.search(before) or re.search(r"\bmy\s+$", before, re.I):
            continue  # already under way
        span = (it.span(parsed.text), *dl_span)
        name = parsed.text[it.start : it.end]
        if months < 0.6 * need:
            out.append(
                (
                    "missing",
                    f'"{name}" usually takes about {need} months; you allow {months:.0f}.',
                    f"Allow about {need} months, or aim for a shorter credential first.",
                    span,
                )
            )
        elif months < need:
            out.append(
                (
                    "partly",
                    f'"{name}" usually takes about {need} months; {months:.0f} is tight.',
                    "Is part of it already done? Otherwise allow more time.",
                    span,
                )
            )
        else:
            out.append(("met", f'"{name}" fits in the {months:.0f} months you allow.', None, span))
    return out


# ---------------------------------------------------------------------------------------
# Relevant
# ---------------------------------------------------------------------------------------
_GENERIC = (
    lx.STOPWORDS
    | frozenset(w for k in lx.GENERIC_ROLES for w in k.split())
    | frozenset(w for k in lx.SENIORITY for w in k.split())
    | frozenset(w for k in lx.EMPLOYMENT for w in k.split())
    | frozenset(w for k in lx.GENERIC_ORGS for w in k.split())
    | frozenset(
        _split(
            """want, like, goal, vision, become, get, skill, skills, people, help, helping, use,
            using, new, learn, complete, pass, earn, improve, build, make, take, good, great,
            life, daily, level"""
        )
    )
)
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ists",
    "ist",
    "ers",
    "er",
    "ment",
    "ments",
    "ions",
    "ion",
    "ical",
    "ies",
    "ied",
    "ed",
    "es",
    "ity",
    "al",
    "ly",
    "e",
    "s",
    "y",
)


def stem(word: str) -> str:
    """Return a rough stem so that 'nursing' meets 'nurse' and 'designer' meets 'design'."""
    w = word.lower().strip("'")
    for special in ("analy", "therap", "psycholog", "econom", "architect", "photograph", "account"):
        if w.startswith(special):
            return special
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _terms(parsed: Parsed, skip_negated: bool = True) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for t in parsed.tokens:
        if skip_negated and t.negated:
            continue
        b = t.base
        if len(b) < 2 or b in _GENERIC or b.isdigit():
            continue
        out.setdefault(stem(b), (t.start, t.end))
        alias = lx.ALIASES.get(b)
        if alias:
            for w in alias.split():
                if w not in _GENERIC:
                    out.setdefault(stem(w), (t.start, t.end))
    return out


def _fields(parsed: Parsed, skip_negated: bool = True) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for m in parsed.matches:
        if skip_negated and any(parsed.tokens[k].negated for k in range(m.i, m.j)):
            continue
        for fid in lx.TERM_FIELDS.get(m.key, ()):
            out.setdefault(fid, (m.start, m.end))
        if m.cat == "field":
            out.setdefault(m.info.split(":", 1)[1], (m.start, m.end))
    return out


def judge_relevant(
    parsed: Parsed, items: Sequence[Item], context: SmartContext | None
) -> CriterionResult:
    """Judge whether the goal serves the user's vision or target occupation."""
    if context is None or not context.has_vision:
        return CriterionResult(
            "relevant",
            "unknown",
            "No vision or target role to judge it against.",
            "What role or long-term vision does this goal serve? Add it to your vision.",
        )
    text = parsed.text
    vision_texts = [
        context.vision_text or "",
        context.target_role or "",
        context.occupation_title or "",
        *context.responsibilities,
        *context.occupation_tasks,
    ]
    vision = Parsed(" . ".join(t for t in vision_texts if t))
    skills = [Parsed(s) for s in context.occupation_skills]
    goal_terms = _terms(parsed)
    skill_hits: list[Evidence] = []
    for sk in skills:
        words = [stem(t.base) for t in sk.tokens if t.base not in lx.STOPWORDS]
        if words and all(w in goal_terms for w in words):
            a = min(goal_terms[w][0] for w in words)
            b = max(goal_terms[w][1] for w in words)
            skill_hits.append(Evidence("skill", text[a:b], a, b))
    vision_terms = _terms(vision, skip_negated=False)
    for sk in skills:
        vision_terms.update(_terms(sk, skip_negated=False))
    shared = [w for w in goal_terms if w in vision_terms]
    if skill_hits or shared:
        spans = skill_hits + [
            Evidence("term", text[a:b], a, b) for a, b in (goal_terms[w] for w in shared)
        ]
        spans = sorted({(e.start, e.end): e for e in spans}.values(), key=lambda e: e.start or 0)
        named = ", ".join(f'"{e.text}"' for e in spans[:3])
        return CriterionResult(
            "relevant",
            "met",
            f"Shares {named} with your vision or target occupation.",
            None,
            tuple(spans),
        )
    goal_fields = _fields(parsed)
    vision_fields = _fields(vision, skip_negated=False)
    for sk in skills:
        vision_fields.update(_fields(sk, skip_negated=False))
    common = [f for f in goal_fields if f in vision_fields]
    if common:
        found = tuple(
            Evidence("field", text[a:b], a, b) for a, b in (goal_fields[f] for f in common)
        )
        return CriterionResult(
            "relevant", "met", f"Is in the same field ({common[0]}) as your vision.", None, found
        )
    vision_name = (
        context.target_role or context.occupation_title or (context.vision_text or "")[:60]
    )
    if goal_fields and vision_fields:
        found = tuple(Evidence("field", text[a:b], a, b) for a, b in goal_fields.values())
        return CriterionResult(
            "relevant",
            "missing",
            f'Is about {", ".join(sorted(goal_fields))}, not the field of "{vision_name}".',
            f'How does this help you toward "{vision_name}"? If not, choose a step that does.',
            found,
        )
    return CriterionResult(
        "relevant",
        "partly",
        f'Does not say how it serves your vision ("{vision_name}").',
        f'Say how this moves you toward "{vision_name}", e.g. "... so that I can ...".',
    )

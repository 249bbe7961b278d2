"""Guided rewrite: one short question for each SMART criterion a goal misses, and a rewrite
composed from the answers as a plain sentence (no placeholders).

    questions = guide_questions(analysis, context)
    rewrite = compose_rewrite(analysis, {"role": "data analyst", "by": "2027-06-30"})
    rewrite.statement, rewrite.target_date, rewrite.metric_target, rewrite.metric_unit
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .model import SmartAnalysis, SmartContext
from .time_bound import example_date, format_date

_WHERE_KINDS = frozenset({"organisation", "place", "field"})
_ORG_WORDS = (
    "company",
    "firm",
    "startup",
    "hospital",
    "school",
    "agency",
    "bank",
    "charity",
    "council",
    "studio",
    "university",
    "clinic",
)
_NEGATION = re.compile(r"\b(?:not|no|never|without|nor)\b|n't\b", re.IGNORECASE)
_UNIT_CHOICES = ("projects", "clients", "applications", "hours a week", "%")


@dataclass(frozen=True)
class Field:
    """One input of a question: its form name, label, HTML input type and suggested values."""

    name: str
    label: str
    input: str  # text, number or date
    choices: tuple[str, ...] = ()
    value: str = ""


@dataclass(frozen=True)
class Question:
    """What the coach asks to settle one criterion."""

    criterion: str  # specific, measurable or time_bound
    prompt: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class GuidedRewrite:
    """A rewrite composed from the answers, with the form fields it fills."""

    statement: str
    target_date: date | None
    metric_target: float | None
    metric_unit: str | None
    complete: bool  # every question has an answer


def _plan(analysis: SmartAnalysis) -> str:
    """Return how Specific will be settled: "ok", or "rebuild" from the role and place asked."""
    return "ok" if analysis.specific.status == "met" else "rebuild"


def _unique(values: list[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        v = (v or "").strip()
        if v and v.lower() not in (o.lower() for o in out):
            out.append(v)
    return tuple(out[:5])


def guide_questions(
    analysis: SmartAnalysis, context: SmartContext | None = None
) -> tuple[Question, ...]:
    """Return one question for each of specific, measurable and time-bound that is not met.

    Choices come from the user's vision and target occupation, the goal form's metric and the
    entities the goal names; a question the rewrite does not need is not asked (a goal rebuilt as
    "get hired as ..." is measured by the hiring).
    """
    context = context or SmartContext()
    plan = _plan(analysis)
    questions: list[Question] = []
    roles = _unique(
        [
            context.target_role,
            context.occupation_title,
            *(e.text for e in analysis.entities if e.kind == "role"),
        ]
    )
    places = _unique([e.text for e in analysis.entities if e.kind in _WHERE_KINDS])
    if plan == "rebuild":
        questions.append(
            Question(
                "specific",
                "Which role do you want, and where?",
                (
                    Field("role", "Role", "text", roles, roles[0] if roles else ""),
                    Field("where", "Field or organisation", "text", places),
                ),
            )
        )
    if analysis.measurable.status != "met" and plan != "rebuild":
        units = _unique([context.metric_unit, *_UNIT_CHOICES])
        target = f"{context.target_value:g}" if context.target_value is not None else ""
        questions.append(
            Question(
                "measurable",
                "How many, or how much?",
                (
                    Field("count", "Number", "number", (), target),
                    Field("unit", "Of what", "text", units, context.metric_unit or ""),
                ),
            )
        )
    if analysis.time_bound.status != "met":
        today = analysis.today
        dates = _unique(
            [
                context.target_date.isoformat() if context.target_date else None,
                example_date(today).isoformat(),
                # The end of next year, unless the calendar ends first.
                date(today.year + 1, 12, 31).isoformat() if today.year < date.max.year else None,
            ]
        )
        questions.append(
            Question(
                "time_bound",
                "By when?",
                (Field("by", "Date", "date", dates, dates[0] if dates else ""),),
            )
        )
    return tuple(questions)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _at_or_in(where: str) -> str:
    low = where.lower()
    if where[:1].isupper() or low.startswith(("a ", "an ", "the ", "my ", "our ")):
        return "at"
    return "at" if any(w in low for w in _ORG_WORDS) else "in"


def _number(value: str) -> float | None:
    try:
        n = float(Decimal(value.strip().replace(",", "")))
    except (InvalidOperation, ValueError):
        return None
    return n if n > 0 else None


def _day(value: str, today: date) -> date | None:
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return day if day >= today else None


def compose_rewrite(analysis: SmartAnalysis, answers: Mapping[str, str]) -> GuidedRewrite:
    """Compose the goal with the answers as one plain sentence.

    Unanswered questions leave their part out (and `complete` is False); nothing is invented
    and no placeholder is left in the sentence.
    """
    text = analysis.text.strip()
    while text and text[-1] in ".!?":
        text = text[:-1].rstrip()
    plan = _plan(analysis)
    role = " ".join((answers.get("role") or "").split())
    where = " ".join((answers.get("where") or "").split())
    count = _number(answers.get("count") or "")
    unit = " ".join((answers.get("unit") or "").split())
    by = _day(answers.get("by") or "", analysis.today)
    complete = True

    edits: list[tuple[int, int, str]] = []
    if analysis.time_bound.status != "met" and by is not None:
        for e in analysis.time_bound.evidence:
            if e.kind == "vague" and e.start is not None and e.end is not None:
                edits.append((e.start, e.end, ""))  # "soon" gives way to the date
    for start, end, repl in sorted(edits, reverse=True):
        if end <= len(text):
            text = text[:start] + repl + text[end:]
    if plan == "rebuild":
        if role:
            text = f"Get hired as {_article(role)} {role}"
            if where:
                text += f" {_at_or_in(where)} {where}"
            kept = analysis.deadline
            if kept is not None and kept.start is not None and analysis.time_bound.status == "met":
                text += f" by {format_date(kept.on)}"  # the user's own deadline stays
        else:
            complete = False
    if analysis.measurable.status != "met" and plan != "rebuild":
        if count is not None and unit:
            amount = f"{count:g}%" if unit == "%" else f"{count:g} {unit}"
            directed = any(e.kind == "direction" for e in analysis.measurable.evidence)
            if directed:
                text += f" by {amount}" if unit == "%" else f" to {amount}"
            else:
                text += f" and reach {amount}" if unit == "%" else f" and complete {amount}"
        else:
            complete = False
    if analysis.time_bound.status != "met":
        if by is not None:
            recurring = any(e.kind == "recurrence" for e in analysis.time_bound.evidence)
            # After a negation ("not fast food") a comma keeps the date out of its scope.
            joint = "," if _NEGATION.search(text) else ""
            text += f"{joint} {'until' if recurring else 'by'} {format_date(by)}"
        else:
            complete = False
    statement = " ".join(text.split())
    if statement:
        statement = statement[0].upper() + statement[1:] + "."
    return GuidedRewrite(
        statement=statement,
        target_date=by if analysis.time_bound.status != "met" else None,
        metric_target=count if unit and analysis.measurable.status != "met" else None,
        metric_unit=(unit if unit != "%" else "percent")
        if count is not None and analysis.measurable.status != "met"
        else None,
        complete=complete,
    )

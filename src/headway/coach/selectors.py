"""What the coach knows about a user beyond the goal's own words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from headway.accounts.models import User
from headway.careers.models import Task, VisionTarget
from headway.careers.selectors import facts_source, occupation_esco_skills
from headway.domain.smart import SmartAnalysis, SmartContext, analyse_goal
from headway.network.models import Event
from headway.plans.models import PlanSettings, Vision


@dataclass(frozen=True)
class GoalFields:
    """The goal form's other fields, as typed (any of them may be empty or invalid)."""

    horizon: int | None = None
    target_date: date | None = None
    baseline: float | None = None
    target: float | None = None
    unit: str = ""


def parse_goal_fields(data: dict[str, str]) -> GoalFields:
    """Read the goal form's fields leniently: a half-typed field counts as absent."""

    def number(name: str) -> float | None:
        try:
            return float(Decimal(data.get(name, "").strip()))
        except (InvalidOperation, ValueError):
            return None

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(data.get(name, "").strip())
        except ValueError:
            return None

    horizon = data.get("horizon", "").strip()
    return GoalFields(
        horizon=int(horizon) if horizon.isdigit() else None,
        target_date=day("target_date"),
        baseline=number("metric_baseline"),
        target=number("metric_target"),
        unit=data.get("metric_unit", "").strip()[:40],
    )


def smart_context_for_user(user: User, fields: GoalFields | None = None) -> SmartContext:
    """Return the SMART context from the user's vision, target occupation and the form."""
    fields = fields or GoalFields()
    visions = list(Vision.objects.filter(user=user).order_by("horizon"))
    vision = next((v for v in visions if v.horizon == fields.horizon), None) or next(
        iter(visions), None
    )
    occupation = _target_occupation(vision)
    hours, education = _about_you(user)
    return SmartContext(
        vision_text=" ".join(filter(None, [vision.target_role, vision.why])) if vision else None,
        target_role=vision.target_role if vision else None,
        responsibilities=tuple(
            line.strip(" -•\t") for line in (vision.responsibilities if vision else "").splitlines()
        ),
        occupation_title=occupation.title if occupation else None,
        occupation_skills=occupation.skills if occupation else (),
        occupation_tasks=occupation.tasks if occupation else (),
        occupation_job_zone=occupation.job_zone if occupation else None,
        education_level=education,
        hours_per_week=hours,
        events=_dated_events(user),
        target_date=fields.target_date,
        baseline_value=fields.baseline,
        target_value=fields.target,
        metric_unit=fields.unit or None,
    )


@dataclass(frozen=True)
class _Occupation:
    title: str
    skills: tuple[str, ...]
    tasks: tuple[str, ...]
    job_zone: int | None


def _target_occupation(vision: Vision | None) -> _Occupation | None:
    """Return the facts of the occupation the vision targets, if one is set."""
    if vision is None:
        return None
    target = VisionTarget.objects.select_related("occupation").filter(vision=vision).first()
    if target is None:
        return None
    occupation = target.occupation
    skills = occupation_esco_skills(occupation)
    source = facts_source(occupation)
    tasks = (
        tuple(Task.objects.filter(occupation=source).values_list("statement", flat=True)[:40])
        if source
        else ()
    )
    return _Occupation(
        title=occupation.title,
        skills=tuple(s.label for s in [*skills.essential, *skills.optional][:60]),
        tasks=tasks,
        job_zone=source.job_zone if source else None,
    )


def _about_you(user: User) -> tuple[float | None, str | None]:
    """Return the user's hours a week and highest education (its label, which the engine reads)."""
    # One small query: this runs on every keystroke in the goal editor.
    row = (
        PlanSettings.objects.filter(user=user)
        .values_list("hours_per_week", "education_level")
        .first()
    )
    if row is None:
        return None, None
    hours, education = row
    labels = dict(PlanSettings.Education.choices)
    return (float(hours) if hours is not None else None, labels.get(education) or None)


def _dated_events(user: User) -> tuple[tuple[str, date], ...]:
    """Return the user's upcoming networking events, which a goal may be tied to."""
    events = Event.objects.filter(user=user, held_on__gte=timezone.localdate()).order_by("held_on")
    return tuple((e.name, e.held_on) for e in events[:50])


def goal_text_analyse(
    user: User,
    text: str,
    fields: GoalFields | None = None,
    today: date | None = None,
    context: SmartContext | None = None,
) -> SmartAnalysis:
    """Analyse a goal's text for the user, in the light of their plan.

    Pass `context` when it is already at hand, to save building it again.
    Raises GoalTextTooLong for text over MAX_GOAL_LENGTH characters.
    """
    return analyse_goal(
        text,
        today=today or timezone.localdate(),
        context=context if context is not None else smart_context_for_user(user, fields),
    )


def about_you_missing(context: SmartContext) -> bool:
    """Return whether the user has yet to give their hours a week or their education."""
    return context.hours_per_week is None or not context.education_level

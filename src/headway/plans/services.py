"""Writes on the career plan. Every rule is checked here (or in `domain.planning`), once.

A refused input raises `PlanRuleError(field, message)`: views show the message next to the
field, the API answers 422 with it. Services take keyword arguments and run in a transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from headway.accounts.models import User
from headway.domain import planning
from headway.domain.months import add_months
from headway.domain.planning import PlanRuleError, format_day
from headway.domain.smart import Deadline, GoalTextTooLong, analyse_goal
from headway.plans.models import (
    HOURS_PER_WEEK_MAX,
    HOURS_PER_WEEK_MIN,
    Action,
    Goal,
    GoalVersion,
    Horizon,
    MetricReading,
    Milestone,
    PlanSettings,
    Review,
    Trait,
    Vision,
    VisionVersion,
    new_calendar_token,
    snapshot_value,
)
from headway.plans.signals import goal_changed

GOAL_INPUT_FIELDS = (*Goal.TRACKED_FIELDS, "metric_current")
ACTION_INPUT_FIELDS = (
    "title",
    "kind",
    "url",
    "cost_amount",
    "cost_currency",
    "hours",
    "due_on",
    "status",
    "notes",
)
# The review form's "adjust" inputs and the goal fields they change.
ADJUST_FIELDS = {
    "new_target_date": "target_date",
    "new_metric_target": "metric_target",
    "new_statement": "statement",
}


def today() -> date:
    """Return today's date in the site's time zone."""
    return timezone.localdate()


# Settings


def plan_settings_ensure(user: User) -> PlanSettings:
    """Return the user's plan settings, creating the defaults on first use."""
    found, _ = PlanSettings.objects.get_or_create(user=user)
    return found


class Keep(Enum):
    """Marks a setting left as it is, where None would clear it."""

    KEEP = "keep"


@transaction.atomic
def plan_settings_update(
    *,
    user: User,
    focus_limit: int | None = None,
    email_reminders: bool | None = None,
    hours_per_week: int | Keep | None = Keep.KEEP,
    education_level: str | Keep | None = Keep.KEEP,
) -> PlanSettings:
    """Change the plan settings given; leave the others as they are.

    The focus limit is 1-10 and not below the goals active now. Hours a week (1-80) and the
    highest education are optional (None clears them); the coach judges goals with them.
    """
    found = _locked_settings(user)
    fields: list[str] = []
    if focus_limit is not None:
        active = Goal.objects.filter(user=user, status=Goal.Status.ACTIVE).count()
        planning.check_focus_limit_setting(focus_limit, active)
        found.focus_limit = focus_limit
        fields.append("focus_limit")
    if email_reminders is not None:
        found.email_reminders = email_reminders
        fields.append("email_reminders")
    if not isinstance(hours_per_week, Keep):
        found.hours_per_week = _checked_hours_per_week(hours_per_week)
        fields.append("hours_per_week")
    if not isinstance(education_level, Keep):
        found.education_level = _checked_education_level(education_level)
        fields.append("education_level")
    if fields:
        found.save(update_fields=fields)
    return found


def _checked_hours_per_week(hours: int | None) -> int | None:
    if hours is None:
        return None
    if isinstance(hours, bool) or not HOURS_PER_WEEK_MIN <= hours <= HOURS_PER_WEEK_MAX:
        raise PlanRuleError(
            "hours_per_week",
            f"Hours a week must be between {HOURS_PER_WEEK_MIN} and {HOURS_PER_WEEK_MAX}.",
        )
    return hours


def _checked_education_level(level: str | None) -> str:
    level = (level or "").strip()
    if level and level not in PlanSettings.Education.values:
        raise PlanRuleError(
            "education_level",
            "Choose your highest education from the list ("
            + ", ".join(PlanSettings.Education.values)
            + "), or leave it empty.",
        )
    return level


@transaction.atomic
def calendar_token_regenerate(*, user: User) -> PlanSettings:
    """Give the user's calendar feed a new secret URL; the old one stops working at once."""
    found = _locked_settings(user)
    found.calendar_token = new_calendar_token()
    found.calendar_token_created_at = timezone.now()
    found.save(update_fields=["calendar_token", "calendar_token_created_at"])
    return found


def _locked_settings(user: User) -> PlanSettings:
    plan_settings_ensure(user)
    # Locking the settings row serialises a user's activations, so two requests cannot both
    # take the last free place under the focus limit.
    return PlanSettings.objects.select_for_update().get(user=user)


# Vision


def vision_snapshot(vision: Vision) -> dict[str, Any]:
    """Return the tracked fields of a vision as JSON-ready values."""
    return {name: snapshot_value(getattr(vision, name)) for name in Vision.TRACKED_FIELDS}


@transaction.atomic
def vision_save(*, user: User, horizon: int, data: Mapping[str, Any], reason: str = "") -> Vision:
    """Create or revise the user's vision at a horizon (5 or 10 years), keeping the old state.

    A revision that changes nothing adds no version.
    """
    if horizon not in Horizon.values:
        raise PlanRuleError("horizon", "A vision looks 5 or 10 years ahead.")
    unknown = set(data) - set(Vision.TRACKED_FIELDS)
    if unknown:
        raise PlanRuleError(sorted(unknown)[0], "This field is not part of a vision.")
    vision = Vision.objects.select_for_update().filter(user=user, horizon=horizon).first()
    before = vision_snapshot(vision) if vision else None
    if vision is None:
        vision = Vision(user=user, horizon=horizon)
    for name, value in data.items():
        setattr(vision, name, value.strip() if isinstance(value, str) else value)
    role = " ".join(vision.target_role.split())
    if not role:
        raise PlanRuleError(
            "target_role", "Name the role you are aiming for, such as “Data engineer”."
        )
    vision.target_role = role
    planning.check_salary_range(vision.salary_min, vision.salary_max)
    vision.salary_currency = planning.check_money(
        vision.salary_min if vision.salary_min is not None else vision.salary_max,
        vision.salary_currency,
        field="salary_min",
        currency_field="salary_currency",
    )
    _check_choice("work_mode", vision.work_mode, Vision.WorkMode)
    after = vision_snapshot(vision)
    if before is not None and before == after:
        return vision
    if before is not None:
        vision.version += 1
    vision.save()
    VisionVersion.objects.create(
        vision=vision, number=vision.version, snapshot=after, reason=reason.strip()[:500]
    )
    return vision


# Strengths and weaknesses


def _clean_trait(kind: str, title: str, note: str) -> tuple[str, str, str]:
    _check_choice("kind", kind, Trait.Kind)
    return kind, planning.check_title("title", title, "strength or weakness")[:120], note.strip()


def trait_create(*, user: User, kind: str, title: str, note: str = "") -> Trait:
    """Note a strength or a weakness."""
    kind, title, note = _clean_trait(kind, title, note)
    return Trait.objects.create(user=user, kind=kind, title=title, note=note)


def trait_update(*, trait: Trait, kind: str, title: str, note: str = "") -> Trait:
    """Change a strength or weakness."""
    trait.kind, trait.title, trait.note = _clean_trait(kind, title, note)
    trait.save(update_fields=["kind", "title", "note"])
    return trait


def trait_delete(*, trait: Trait) -> None:
    """Delete a strength or weakness (a goal made from it stays)."""
    trait.delete()


@transaction.atomic
def trait_goal_create(*, trait: Trait, on: date | None = None) -> Goal:
    """Turn a weakness into a draft goal to improve it, or return the goal it already became."""
    if trait.kind != Trait.Kind.WEAKNESS:
        raise PlanRuleError("kind", "Only a weakness turns into a goal to improve it.")
    if trait.goal_id is not None:
        return trait.goal  # type: ignore[return-value]
    day = on or today()
    title = trait.title
    if len(title) > 1 and title[1].islower():
        title = title[0].lower() + title[1:]
    goal = goal_create(
        user=trait.user,
        data={
            "statement": f"Get better at {title}",
            "category": Goal.Category.SKILL,
            "why": trait.note,
            "target_date": add_months(day, 6),
        },
        on=day,
        reason=f"Made from the weakness “{trait.title}”.",
    )
    trait.goal = goal
    trait.save(update_fields=["goal"])
    return goal


# Goals


def goal_snapshot(goal: Goal) -> dict[str, Any]:
    """Return the tracked fields of a goal as JSON-ready values."""
    return {name: snapshot_value(getattr(goal, name)) for name in Goal.TRACKED_FIELDS}


_CHOICES: dict[str, Any] = {
    "category": Goal.Category,
    "status": Goal.Status,
    "horizon": Horizon,
    "metric_direction": Goal.Direction,
    "review_cadence": Goal.Cadence,
    "impact": Goal.Level,
    "effort": Goal.Level,
}


def display_value(name: str, raw: Any) -> str:
    """Return a snapshot value of a goal field as a person would read it."""
    if raw is None or raw == "":
        return "(none)"
    if name in _CHOICES:
        choices = _CHOICES[name]
        label = dict(choices.choices).get(
            int(raw) if name in ("horizon", "impact", "effort") else raw
        )
        if name == "horizon":
            return f"{raw}-year vision"
        return str(label or raw)
    if name == "target_date":
        return format_day(date.fromisoformat(str(raw)))
    return str(raw)


def _check_choice(name: str, value: Any, choices: Any) -> None:
    if value not in choices.values:
        labels = ", ".join(str(label) for label in choices.labels)
        raise PlanRuleError(name, f"Choose one of: {labels}.")


def _decimal_or_none(name: str, value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise PlanRuleError(name, "Enter a number.") from error
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise PlanRuleError(name, "Enter a number below a trillion.")
    return number.quantize(Decimal("0.01"))


def _apply_goal_fields(goal: Goal, data: Mapping[str, Any], *, on: date, is_new: bool) -> None:
    """Set `data` on `goal` and check the result against the plan's rules."""
    unknown = set(data) - set(GOAL_INPUT_FIELDS)
    if unknown:
        raise PlanRuleError(sorted(unknown)[0], "This field cannot be set on a goal.")
    old_target, old_statement = goal.target_date, goal.statement
    for name, value in data.items():
        if name.startswith("metric_") and name not in ("metric_unit", "metric_direction"):
            value = _decimal_or_none(name, value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(goal, name, value)
    goal.statement = planning.check_statement(goal.statement or "")
    for name, choices in _CHOICES.items():
        _check_choice(name, getattr(goal, name), choices)
    _agree_on_the_date(goal, on, is_new=is_new, old_statement=old_statement, old_target=old_target)
    if is_new or goal.target_date != old_target:
        last = None
        if not is_new:
            last = goal.milestones.aggregate(last=Max("due_on"))["last"]
        planning.check_target_date(goal.target_date, on, last_milestone_on=last)
    planning.check_metric(
        goal.metric_baseline, goal.metric_target, goal.metric_unit, goal.metric_direction
    )
    if not goal.has_metric:
        goal.metric_current = None
    elif goal.metric_current is None:
        goal.metric_current = goal.metric_baseline


def _statement_deadline(statement: str, on: date) -> Deadline | None:
    """Return the calendar date the goal's own words set ("by March 2027"), if any."""
    try:
        deadline = analyse_goal(statement, today=on).deadline
    except GoalTextTooLong:
        return None
    return deadline if deadline is not None and deadline.kind == "absolute" else None


def _agree_on_the_date(
    goal: Goal, on: date, *, is_new: bool, old_statement: str, old_target: date | None
) -> None:
    """Keep the target date and the date in the goal's words in agreement.

    A missing target date is taken from the words. Words and a date typed together that
    disagree are refused, saying both. A date moved on its own (by a review, say) rewrites
    the words' date, so the statement never keeps promising the old one.
    """
    statement_moved = is_new or goal.statement != old_statement
    target_moved = is_new or goal.target_date != old_target
    if not isinstance(goal.target_date, date):
        deadline = _statement_deadline(goal.statement, on)
        if deadline is None:
            raise PlanRuleError(
                "target_date",
                "Choose the date you aim to reach this goal by, or say it in the goal "
                "(“by March 2027”).",
            )
        goal.target_date = deadline.on
        return
    if not (statement_moved or target_moved):
        return
    deadline = _statement_deadline(goal.statement, on)
    if deadline is None or deadline.on == goal.target_date:
        return
    if statement_moved and goal.target_date > deadline.on:
        raise PlanRuleError(
            "target_date",
            f"The goal says “{deadline.phrase}” ({format_day(deadline.on)}) but the target date "
            f"is {format_day(goal.target_date)}. Change one of them so they agree.",
        )
    if not statement_moved:
        text = goal.statement
        goal.statement = (
            f"{text[: deadline.start]}by {format_day(goal.target_date)}{text[deadline.end :]}"
        )


def _record_version(
    goal: Goal,
    before: Mapping[str, Any] | None,
    *,
    source: str,
    reason: str,
    review: Review | None = None,
) -> GoalVersion | None:
    after = goal_snapshot(goal)
    changes = planning.diff_snapshots(before, after, Goal.TRACKED_FIELDS)
    if before is not None and not changes:
        return None
    return GoalVersion.objects.create(
        goal=goal,
        number=goal.version,
        source=source,
        reason=reason.strip(),
        review=review,
        snapshot=after,
        changes=[
            {
                "field": c.field,
                "label": c.label,
                "old": c.old,
                "new": c.new,
                "old_display": display_value(c.field, c.old),
                "new_display": display_value(c.field, c.new),
            }
            for c in changes
            if before is not None or c.new not in (None, "")
        ],
    )


def _check_open_goals(user: User) -> None:
    # The open goals are one ranked list the person reorders on one page, so their number is
    # bounded instead of paged.
    limit: int = settings.HEADWAY_MAX_OPEN_GOALS
    if Goal.objects.filter(user=user, status__in=Goal.OPEN_STATUSES).count() >= limit:
        raise PlanRuleError(
            "status",
            f"You have {limit:,} open goals, as many as a plan holds. Mark some achieved or "
            "drop them before adding another.",
        )


def _check_focus(user: User, *, exclude: Sequence[int] = ()) -> None:
    limit = _locked_settings(user).focus_limit
    active = list(
        Goal.objects.filter(user=user, status=Goal.Status.ACTIVE)
        .exclude(pk__in=exclude)
        .order_by("rank", "id")
        .values_list("statement", flat=True)
    )
    planning.check_focus_limit(active, limit)


def _start_reviews(goal: Goal, on: date) -> None:
    goal.activated_on = on
    last = goal.reviews.aggregate(last=Max("reviewed_on"))["last"]
    since = max(last, on) if last else on
    goal.next_review_on = planning.next_review_on(goal.review_cadence, since)


@transaction.atomic
def goal_create(
    *, user: User, data: Mapping[str, Any], on: date | None = None, reason: str = ""
) -> Goal:
    """Create a goal, as a draft unless `data["status"]` is "active" (within the focus limit)."""
    day = on or today()
    goal = Goal(user=user)
    _apply_goal_fields(goal, data, on=day, is_new=True)
    if goal.status not in (Goal.Status.DRAFT, Goal.Status.ACTIVE):
        raise PlanRuleError("status", "A new goal starts as a draft or as active.")
    _check_open_goals(user)
    if goal.status == Goal.Status.ACTIVE:
        _check_focus(user)
        goal.activated_on = day
        goal.next_review_on = planning.next_review_on(goal.review_cadence, day)
    top = Goal.objects.filter(user=user).aggregate(top=Max("rank"))["top"]
    goal.rank = (top or 0) + 1
    goal.save()
    _record_version(goal, None, source=GoalVersion.Source.CREATED, reason=reason or "Goal set.")
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    data: Mapping[str, Any],
    reason: str = "",
    source: str = GoalVersion.Source.EDIT,
    review: Review | None = None,
    on: date | None = None,
) -> GoalVersion | None:
    """Change a goal and keep the change as a new version with its reason.

    Changing a key field (statement, category, vision, target date, status or metric) needs a
    reason once the goal has been active: a draft never started (often one Headway wrote, from
    a weakness or a missing skill) is still being written, and its changes are kept without
    asking why. Activating checks the focus limit. Returns the new version, or None when nothing
    changed. Other apps record changes they make to a goal through this service.
    """
    day = on or today()
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = goal_snapshot(goal)
    old_status, old_cadence = goal.status, goal.review_cadence
    still_drafting = old_status == Goal.Status.DRAFT and goal.activated_on is None
    _apply_goal_fields(goal, data, on=day, is_new=False)
    changed = [name for name in Goal.TRACKED_FIELDS if before[name] != goal_snapshot(goal)[name]]
    metric_moved = "metric_current" in data
    if not changed and not metric_moved:
        return None
    needing = planning.reason_needed(changed, Goal.KEY_FIELDS)
    if needing and not reason.strip() and not still_drafting:
        labels = [Goal.TRACKED_FIELDS[name].lower() for name in needing]
        raise PlanRuleError(
            "reason",
            f"Say why you are changing the {_join(labels)}; the reason is kept in the goal's "
            "history.",
        )
    if goal.status != old_status:
        if goal.status == Goal.Status.ACTIVE:
            _check_focus(goal.user, exclude=[goal.pk])
            _start_reviews(goal, day)
        else:
            goal.next_review_on = None
    elif goal.status == Goal.Status.ACTIVE and goal.review_cadence != old_cadence:
        _start_reviews(goal, goal.activated_on or day)
    if changed:
        goal.version += 1
    goal.save()
    version = _record_version(goal, before, source=source, reason=reason, review=review)
    if changed:
        goal_changed.send(sender=Goal, goal=goal, fields=frozenset(changed))
    return version


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


@transaction.atomic
def goal_set_status(
    *,
    goal: Goal,
    status: str,
    reason: str = "",
    park: Goal | None = None,
    review: Review | None = None,
    on: date | None = None,
) -> GoalVersion | None:
    """Move a goal to a status. `park` pauses another active goal first to make room for it."""
    _check_choice("status", status, Goal.Status)
    if park is not None:
        if park.user_id != goal.user_id or park.status != Goal.Status.ACTIVE or park.pk == goal.pk:
            raise PlanRuleError("park", "Choose one of your other active goals to pause.")
        goal_update(
            goal=park,
            data={"status": Goal.Status.PAUSED},
            reason=f"Paused to make room for “{goal.statement}”.",
            source=GoalVersion.Source.FOCUS,
            on=on,
        )
    old = Goal.Status(goal.status).label
    default = f"Status changed from {old} to {Goal.Status(status).label}."
    return goal_update(
        goal=goal,
        data={"status": status},
        reason=reason.strip() or default,
        source=GoalVersion.Source.REVIEW if review else GoalVersion.Source.STATUS,
        review=review,
        on=on,
    )


@transaction.atomic
def goal_place(*, goal: Goal, impact: int, effort: int) -> GoalVersion | None:
    """Place a goal on the impact/effort matrix (1 low to 3 high on each)."""
    planning.check_level("impact", impact)
    planning.check_level("effort", effort)
    return goal_update(
        goal=goal,
        data={"impact": impact, "effort": effort},
        source=GoalVersion.Source.FOCUS,
    )


def _open_goals_in_order(user: User) -> list[Goal]:
    return list(
        Goal.objects.select_for_update()
        .filter(user=user, status__in=Goal.OPEN_STATUSES)
        .order_by("rank", "id")
    )


def _save_order(goals: Sequence[Goal]) -> None:
    for index, goal in enumerate(goals, start=1):
        goal.rank = index
    Goal.objects.bulk_update(goals, ["rank"])


@transaction.atomic
def goal_move(*, goal: Goal, direction: str) -> bool:
    """Move a goal one place up or down among the user's open goals; False at either end."""
    if direction not in ("up", "down"):
        raise PlanRuleError("direction", "Move a goal “up” or “down”.")
    goals = _open_goals_in_order(goal.user)
    index = next((i for i, g in enumerate(goals) if g.pk == goal.pk), None)
    if index is None:
        raise PlanRuleError("direction", "Only draft, active and paused goals are ranked.")
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(goals):
        return False
    goals[index], goals[other] = goals[other], goals[index]
    _save_order(goals)
    return True


@transaction.atomic
def goals_reorder(*, user: User, goal_ids: Sequence[int]) -> None:
    """Rank the user's open goals in the order given; every open goal must be listed once."""
    goals = _open_goals_in_order(user)
    by_id = {g.pk: g for g in goals}
    if sorted(goal_ids) != sorted(by_id):
        raise PlanRuleError(
            "goal_ids", "List each of your draft, active and paused goals exactly once."
        )
    _save_order([by_id[i] for i in goal_ids])


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    """Delete a goal with its milestones, actions, reviews and history."""
    goal.delete()


@transaction.atomic
def goal_metric_update(
    *,
    goal: Goal,
    value: Decimal | float | int | str,
    recorded_on: date | None = None,
    note: str = "",
    review: Review | None = None,
) -> MetricReading:
    """Record the current value of a goal's metric; the latest reading becomes its progress."""
    if not goal.has_metric:
        raise PlanRuleError(
            "value", "This goal has no metric yet: give it a baseline, a target and a unit first."
        )
    number = _decimal_or_none("value", value)
    if number is None:
        raise PlanRuleError("value", f"Enter the current value, in {goal.metric_unit}.")
    day = recorded_on or today()
    if day > today():
        raise PlanRuleError("recorded_on", "A value cannot be recorded for a future date.")
    planning.check_day("recorded_on", day)
    reading = MetricReading.objects.create(
        goal=goal, value=number, recorded_on=day, note=note.strip()[:200], review=review
    )
    latest = goal.readings.order_by("-recorded_on", "-id").values_list("value", flat=True).first()
    goal.metric_current = latest
    goal.save(update_fields=["metric_current", "updated_at"])
    return reading


# Milestones


def milestone_create(*, goal: Goal, title: str, due_on: date, on: date | None = None) -> Milestone:
    """Add a milestone, due today or later and no later than the goal's target date."""
    name = planning.check_title("title", title, "milestone")
    planning.check_milestone_due(due_on, on or today(), goal.target_date)
    return Milestone.objects.create(goal=goal, title=name, due_on=due_on)


def milestone_update(
    *, milestone: Milestone, title: str, due_on: date, on: date | None = None
) -> Milestone:
    """Rename or move a milestone; a new date follows the same rules as for a new milestone."""
    milestone.title = planning.check_title("title", title, "milestone")
    if due_on != milestone.due_on:
        planning.check_milestone_due(due_on, on or today(), milestone.goal.target_date)
        milestone.due_on = due_on
    milestone.save(update_fields=["title", "due_on"])
    return milestone


def milestone_complete(*, milestone: Milestone, done: bool = True) -> Milestone:
    """Mark a milestone done (or not done again)."""
    if done == milestone.is_done:
        return milestone
    milestone.done_at = timezone.now() if done else None
    milestone.save(update_fields=["done_at"])
    return milestone


def milestone_delete(*, milestone: Milestone) -> None:
    """Delete a milestone."""
    milestone.delete()


# Actions and resources


def _apply_action_fields(action: Action, data: Mapping[str, Any]) -> None:
    unknown = set(data) - set(ACTION_INPUT_FIELDS)
    if unknown:
        raise PlanRuleError(sorted(unknown)[0], "This field cannot be set on an action.")
    for name, value in data.items():
        if name in ("cost_amount", "hours"):
            value = _decimal_or_none(name, value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(action, name, "" if value is None and name in ("url", "notes") else value)
    action.title = planning.check_title("title", action.title or "", "action")[:200]
    _check_choice("kind", action.kind, Action.Kind)
    _check_choice("status", action.status, Action.Status)
    action.url = planning.check_link(action.url or "")
    action.cost_currency = planning.check_money(
        action.cost_amount,
        action.cost_currency or "",
        field="cost_amount",
        currency_field="cost_currency",
    )
    if action.hours is not None and action.hours < 0:
        raise PlanRuleError("hours", "Expected hours cannot be negative.")
    if action.due_on is not None:
        planning.check_day("due_on", action.due_on)


def action_create(*, goal: Goal, data: Mapping[str, Any]) -> Action:
    """Add an action or resource to a goal; a link must be an http or https address."""
    action = Action(goal=goal)
    _apply_action_fields(action, data)
    action.save()
    return action


def action_update(*, action: Action, data: Mapping[str, Any]) -> Action:
    """Change an action or resource."""
    _apply_action_fields(action, data)
    action.save()
    return action


def action_delete(*, action: Action) -> None:
    """Delete an action or resource."""
    action.delete()


# Reviews


@transaction.atomic
def review_record(
    *,
    goal: Goal,
    data: Mapping[str, Any],
    adjust: Mapping[str, Any] | None = None,
    on: date | None = None,
) -> Review:
    """Record a review of a goal and act on its decision.

    `data` holds reviewed_on, progress (0-100, for goals without a metric) or metric_value,
    worked, obstacles, decision and decision_note. "adjust" changes the goal with `adjust`
    (new_target_date, new_metric_target, new_statement) as a version citing the review; "drop"
    drops the goal. Either needs a reason in decision_note. The next review is then planned.
    """
    day = on or today()
    if not goal.is_open:
        raise PlanRuleError(
            "decision",
            f"This goal is {goal.get_status_display().lower()}; make it active again to review it.",
        )
    reviewed_on = data.get("reviewed_on") or day
    if reviewed_on > day:
        raise PlanRuleError("reviewed_on", "A review cannot be dated in the future.")
    planning.check_day("reviewed_on", reviewed_on)
    decision = data.get("decision") or Review.Decision.KEEP
    _check_choice("decision", decision, Review.Decision)
    note = (data.get("decision_note") or "").strip()
    review = Review(
        goal=goal,
        reviewed_on=reviewed_on,
        worked=(data.get("worked") or "").strip(),
        obstacles=(data.get("obstacles") or "").strip(),
        decision=decision,
        decision_note=note,
    )
    if goal.has_metric:
        value = _decimal_or_none("metric_value", data.get("metric_value"))
        if value is None:
            raise PlanRuleError(
                "metric_value", f"Enter the metric's current value, in {goal.metric_unit}."
            )
        review.metric_value = value
        assert goal.metric_baseline is not None and goal.metric_target is not None
        review.progress = planning.metric_progress(
            goal.metric_baseline, goal.metric_target, value, goal.metric_direction
        )
    else:
        progress = data.get("progress")
        if progress is None or progress == "" or not 0 <= int(progress) <= 100:
            raise PlanRuleError("progress", "Enter how far along the goal is, from 0 to 100%.")
        review.progress = int(progress)
    if decision != Review.Decision.KEEP and not note:
        raise PlanRuleError(
            "decision_note",
            f"Say why you {'adjust' if decision == Review.Decision.ADJUST else 'drop'} the goal; "
            "it is kept in the goal's history.",
        )
    changes: dict[str, Any] = {}
    if decision == Review.Decision.ADJUST:
        changes = _adjustments(goal, adjust or {})
    review.save()
    if review.metric_value is not None:
        goal_metric_update(
            goal=goal, value=review.metric_value, recorded_on=reviewed_on, review=review
        )
        goal.refresh_from_db()
    if goal.status == Goal.Status.ACTIVE:
        latest = goal.reviews.aggregate(latest=Max("reviewed_on"))["latest"] or reviewed_on
        goal.next_review_on = planning.next_review_on(goal.review_cadence, latest)
        goal.save(update_fields=["next_review_on", "updated_at"])
    if decision == Review.Decision.ADJUST:
        try:
            goal_update(
                goal=goal,
                data=changes,
                reason=note,
                source=GoalVersion.Source.REVIEW,
                review=review,
                on=day,
            )
        except PlanRuleError as error:
            field = {v: k for k, v in ADJUST_FIELDS.items()}.get(error.field, error.field)
            raise PlanRuleError(field, error.message) from error
    elif decision == Review.Decision.DROP:
        goal_set_status(goal=goal, status=Goal.Status.DROPPED, reason=note, review=review, on=day)
    return review


def _adjustments(goal: Goal, adjust: Mapping[str, Any]) -> dict[str, Any]:
    """Return the goal fields an "adjust" review changes, refusing an adjustment of nothing."""
    changes: dict[str, Any] = {}
    for given, field in ADJUST_FIELDS.items():
        value = adjust.get(given)
        if value is None or value == "":
            continue
        if field == "metric_target":
            if not goal.has_metric:
                raise PlanRuleError(given, "This goal has no metric whose target could change.")
            value = _decimal_or_none(given, value)
        elif field == "statement":
            value = " ".join(str(value).split())
        if snapshot_value(value) != snapshot_value(getattr(goal, field)):
            changes[field] = value
    if not changes:
        raise PlanRuleError(
            "new_target_date",
            "An adjustment needs a change: a new target date, metric target or statement.",
        )
    return changes

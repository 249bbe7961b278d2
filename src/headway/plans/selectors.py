"""Reads on the career plan, always scoped to the user who asks (404 for anyone else)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.domain import charts, planning
from headway.plans.models import (
    Action,
    Goal,
    GoalVersion,
    Horizon,
    Milestone,
    PlanSettings,
    Review,
    Trait,
    Vision,
    VisionVersion,
)

# Vision


def visions_for_user(user: User) -> dict[int, Vision]:
    """Return the user's visions keyed by horizon (5, 10); a missing one is absent."""
    return {v.horizon: v for v in Vision.objects.filter(user=user)}


def vision_for_user(user: User, horizon: int) -> Vision | None:
    """Return the user's vision at a horizon, None if not written yet; 404 for a bad horizon."""
    if horizon not in Horizon.values:
        raise Http404("No such horizon.")
    return Vision.objects.filter(user=user, horizon=horizon).first()


@dataclass(frozen=True)
class VersionRow:
    """One version in a history page, with what changed since the one before."""

    number: int
    created_at: Any
    reason: str
    source: str
    changes: list[dict[str, Any]]
    review: Review | None = None
    created: bool = False


_TEXT_FIELDS = {"statement", "why", "responsibilities", "target_role"}


def _with_word_diffs(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for change in changes:
        row = dict(change)
        if change["field"] in _TEXT_FIELDS and change.get("old") and change.get("new"):
            row["segments"] = planning.diff_words(str(change["old"]), str(change["new"]))
        rows.append(row)
    return rows


def vision_history_for_user(user: User, horizon: int) -> tuple[Vision, list[VersionRow]]:
    """Return the user's vision at a horizon and its versions, newest first, each with its diff."""
    vision = vision_for_user(user, horizon)
    if vision is None:
        raise Http404("No vision yet.")
    versions = list(VisionVersion.objects.filter(vision=vision).order_by("number"))
    rows: list[VersionRow] = []
    previous: dict[str, Any] | None = None
    for version in versions:
        diffs = planning.diff_snapshots(previous, version.snapshot, Vision.TRACKED_FIELDS)
        changes = [
            {
                "field": d.field,
                "label": d.label,
                "old": d.old,
                "new": d.new,
                "old_display": _vision_display(d.field, d.old),
                "new_display": _vision_display(d.field, d.new),
            }
            for d in diffs
            if previous is not None or d.new not in (None, "")
        ]
        rows.append(
            VersionRow(
                number=version.number,
                created_at=version.created_at,
                reason=version.reason,
                source="created" if previous is None else "revised",
                changes=_with_word_diffs(changes),
                created=previous is None,
            )
        )
        previous = version.snapshot
    return vision, rows[::-1]


def _vision_display(name: str, raw: Any) -> str:
    if raw is None or raw == "":
        return "(none)"
    if name == "work_mode":
        return str(dict(Vision.WorkMode.choices).get(raw, raw))
    return str(raw)


# Strengths and weaknesses


def traits_list_for_user(user: User) -> QuerySet[Trait]:
    """Return the user's strengths then weaknesses, with the goal each became."""
    return Trait.objects.filter(user=user).select_related("goal")


def trait_get_for_user(user: User, trait_id: int) -> Trait:
    """Return one of the user's strengths or weaknesses, or raise 404."""
    return get_object_or_404(Trait.objects.select_related("goal"), pk=trait_id, user=user)


# Goals


def goals_list_for_user(user: User, statuses: tuple[str, ...] | None = None) -> QuerySet[Goal]:
    """Return the user's goals in rank order, with milestone counts for their progress."""
    goals = Goal.objects.filter(user=user).annotate(
        ms_total=Count("milestones"),
        ms_done=Count("milestones", filter=Q(milestones__done_at__isnull=False)),
    )
    if statuses is not None:
        goals = goals.filter(status__in=statuses)
    return goals.order_by("rank", "id")


def reviews_list_for_user(user: User) -> QuerySet[Review]:
    """Return the user's reviews of every goal, latest first, with their goal."""
    return (
        Review.objects.filter(goal__user=user)
        .select_related("goal")
        .order_by("-reviewed_on", "-id")
    )


def goal_get_for_user(user: User, goal_id: int) -> Goal:
    """Return one of the user's goals, or raise 404. Other apps read goals through this."""
    return get_object_or_404(Goal, pk=goal_id, user=user)


def goal_page_for_user(user: User, goal_id: int) -> Goal:
    """Return a goal with its milestones, actions, reviews and metric readings loaded."""
    goals = Goal.objects.filter(user=user).prefetch_related(
        "milestones",
        "actions",
        "readings",
        Prefetch("reviews", Review.objects.order_by("-reviewed_on", "-id")),
    )
    return get_object_or_404(goals, pk=goal_id)


def goal_history_for_user(user: User, goal_id: int) -> tuple[Goal, list[VersionRow]]:
    """Return a goal and its versions, newest first, each with what changed and why."""
    goal = goal_get_for_user(user, goal_id)
    versions = GoalVersion.objects.filter(goal=goal).select_related("review").order_by("-number")
    return goal, [
        VersionRow(
            number=v.number,
            created_at=v.created_at,
            reason=v.reason,
            source=GoalVersion.Source(v.source).label
            if v.source in GoalVersion.Source.values
            else v.source,
            changes=_with_word_diffs(v.changes),
            review=v.review,
            created=v.source == GoalVersion.Source.CREATED,
        )
        for v in versions
    ]


def milestone_get_for_user(user: User, milestone_id: int) -> Milestone:
    """Return one milestone of the user's goals, or raise 404."""
    return get_object_or_404(
        Milestone.objects.select_related("goal"), pk=milestone_id, goal__user=user
    )


def action_get_for_user(user: User, action_id: int) -> Action:
    """Return one action of the user's goals, or raise 404."""
    return get_object_or_404(Action.objects.select_related("goal"), pk=action_id, goal__user=user)


def active_goals_for_user(user: User, *, exclude: int | None = None) -> list[Goal]:
    """Return the user's active goals in rank order."""
    goals = Goal.objects.filter(user=user, status=Goal.Status.ACTIVE).order_by("rank", "id")
    if exclude is not None:
        goals = goals.exclude(pk=exclude)
    return list(goals)


def plan_settings_for_user(user: User) -> PlanSettings | None:
    """Return the user's plan settings, or None before the first use."""
    return PlanSettings.objects.filter(user=user).first()


def user_for_calendar_token(token: str) -> User:
    """Return the active user whose calendar feed has this secret, or raise 404."""
    found = (
        PlanSettings.objects.select_related("user")
        .filter(calendar_token=token, user__is_active=True)
        .first()
    )
    if found is None or len(token) < 20:
        raise Http404("No such calendar.")
    return found.user


# Pictures


def progress_points(goal: Goal) -> list[tuple[date, float]]:
    """Return a goal's progress in % over time, from metric readings or else from reviews."""
    if goal.has_metric:
        assert goal.metric_baseline is not None and goal.metric_target is not None
        return [
            (
                r.recorded_on,
                float(
                    planning.metric_progress(
                        goal.metric_baseline, goal.metric_target, r.value, goal.metric_direction
                    )
                ),
            )
            for r in goal.readings.all()
        ]
    return [
        (r.reviewed_on, float(r.progress)) for r in goal.reviews.all() if r.progress is not None
    ]


def progress_chart(goal: Goal) -> str:
    """Return the SVG chart of a goal's progress over time."""
    return charts.line_chart_svg(
        progress_points(goal),
        target=100.0,
        title="Progress over time (% of the way to the target)",
        value_format=lambda v: f"{charts.format_number(v)}%",
        chart_id=f"progress-{goal.pk}",
    )


# The first is the default: a year or more of goals, readable, rather than a decade crammed.
ROADMAP_SPANS = {
    "goals": "To your last target",
    "vision": "To your vision",
    "5": "5 years",
    "10": "10 years",
}


def roadmap_for_user(
    user: User, on: date, goals: list[Goal] | None = None, *, span: str = "goals"
) -> str:
    """Return the SVG roadmap of the user's open and achieved goals.

    It runs as `span` says: "goals" (a year, or to the last target date if later; the default),
    "vision" (to the furthest vision's horizon), "5" or "10" years.
    """
    if goals is None:
        goals = list(
            Goal.objects.filter(user=user, status__in=(*Goal.OPEN_STATUSES, Goal.Status.ACHIEVED))
            .prefetch_related("milestones")
            .order_by("rank", "id")
        )
    latest = max((g.target_date for g in goals), default=None)
    if span == "goals":
        horizons: list[int] = []
    elif span in ("5", "10"):
        horizons, latest = [int(span)], None
    else:
        horizons = list(Vision.objects.filter(user=user).values_list("horizon", flat=True))
    rows = [
        charts.TimelineRow(
            label=g.statement,
            start=min(g.activated_on or g.created_at.date(), g.target_date),
            end=g.target_date,
            milestones=[(m.due_on, m.title, m.is_done) for m in g.milestones.all()],
            done=g.status == Goal.Status.ACHIEVED,
        )
        for g in goals
    ]
    return charts.timeline_svg(
        rows,
        on,
        planning.roadmap_end(on, horizons, latest),
        title="Roadmap of your goals" if span == "goals" else "Roadmap to your vision",
        chart_id="roadmap",
    )


# Dashboard


@dataclass
class Dashboard:
    """What the dashboard shows: focus goals, next steps, what is late, reviews due."""

    today: date
    focus_goals: list[Goal]
    focus_limit: int
    next_milestones: list[Milestone]
    overdue_milestones: list[Milestone]
    overdue_goals: list[Goal]
    overdue_actions: list[Action]
    reviews_due: list[Goal]
    reviews_soon: list[Goal]
    visions: dict[int, Vision]
    open_goals: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue_milestones) + len(self.overdue_goals) + len(self.overdue_actions)


def dashboard_for_user(user: User, on: date) -> Dashboard:
    """Return the user's dashboard in a fixed handful of queries, whatever the plan's size."""
    open_goals = list(goals_list_for_user(user, Goal.OPEN_STATUSES))
    active = [g for g in open_goals if g.status == Goal.Status.ACTIVE]
    milestones = Milestone.objects.filter(
        goal__user=user, goal__status__in=Goal.OPEN_STATUSES, done_at__isnull=True
    ).select_related("goal")
    found = plan_settings_for_user(user)
    soon = on + timedelta(days=7)
    return Dashboard(
        today=on,
        focus_goals=active,
        focus_limit=found.focus_limit if found else 3,
        next_milestones=list(milestones.filter(due_on__gte=on).order_by("due_on", "id")[:5]),
        overdue_milestones=list(milestones.filter(due_on__lt=on).order_by("due_on", "id")),
        overdue_goals=[g for g in open_goals if g.target_date < on],
        overdue_actions=list(
            Action.objects.filter(
                goal__user=user,
                goal__status__in=Goal.OPEN_STATUSES,
                status__in=(Action.Status.TODO, Action.Status.DOING),
                due_on__lt=on,
            )
            .select_related("goal")
            .order_by("due_on", "id")
        ),
        reviews_due=[g for g in active if planning.review_reminder_due(g.next_review_on, on)],
        reviews_soon=[g for g in active if g.next_review_on and on < g.next_review_on <= soon],
        visions=visions_for_user(user),
        open_goals=len(open_goals),
    )


def matrix_for_user(goals: list[Goal]) -> list[dict[str, Any]]:
    """Return the four impact/effort quadrants, high impact first, each with its goals."""
    order: list[planning.Quadrant] = ["quick-wins", "major-projects", "fill-ins", "time-sinks"]
    cells: dict[str, list[Goal]] = {key: [] for key in order}
    for goal in goals:
        cells[planning.matrix_quadrant(goal.impact, goal.effort)].append(goal)
    return [
        {
            "key": key,
            "title": planning.QUADRANTS[key][0],
            "hint": planning.QUADRANTS[key][1],
            "goals": cells[key],
        }
        for key in order
    ]

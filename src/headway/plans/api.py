"""The plan's JSON API at /api/plan/: the same selectors and services as the pages.

A rule refusing an input answers 422 with `{"detail": message, "field": name}`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Path, Router, Schema, Status

from headway.core.api_schema import LONG_TEXT, ErrorOut, Id, OneOf, PathId, paged, text
from headway.core.http import authed_user
from headway.domain.planning import LATEST_DAY, STATEMENT_MAX
from headway.plans import selectors, services
from headway.plans.models import Action, Goal, Milestone, PlanSettings, Review, Trait, Vision
from headway.plans.models import Horizon as Horizon_

router = Router(tags=["plans"])

Horizon = Annotated[int, Path(ge=5, le=10, description="The vision's horizon in years: 5 or 10.")]


def _run(call: Callable[[], Any], status: int = 200) -> Any:
    """Call a service; answer its result with `status`."""
    result = call()
    return Status(status, result) if status != 200 else result


def _patch(payload: Schema, clearable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the fields sent; a null counts as not sent unless the field can be cleared."""
    sent = payload.dict(exclude_unset=True)
    return {k: v for k, v in sent.items() if v is not None or k in clearable}


# Vision


class VisionIn(Schema):
    target_role: str = text(200, required=True)
    responsibilities: str = Field("", max_length=LONG_TEXT)
    salary_min: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    salary_max: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    salary_currency: str = Field("", max_length=3)
    location: str = Field("", max_length=200)
    work_mode: Annotated[str, OneOf(Vision.WorkMode)] = Vision.WorkMode.ANY
    why: str = Field("", max_length=LONG_TEXT)
    reason: str = Field("", max_length=500)


class VisionOut(Schema):
    horizon: int
    target_role: str
    responsibilities: str
    salary_min: float | None
    salary_max: float | None
    salary_currency: str
    location: str
    work_mode: str
    why: str
    version: int
    created_at: datetime
    updated_at: datetime


class VisionVersionOut(Schema):
    number: int
    snapshot: dict[str, Any]
    reason: str
    created_at: datetime


@router.get("/visions", response=list[VisionOut])
@paged
def visions_list(request: HttpRequest) -> Any:
    return list(selectors.visions_for_user(authed_user(request)).values())


@router.get("/visions/{horizon}", response=VisionOut)
def vision_get(request: HttpRequest, horizon: Horizon) -> Any:
    vision = selectors.vision_for_user(authed_user(request), horizon)
    if vision is None:
        raise Http404("No vision at this horizon yet.")
    return vision


@router.put("/visions/{horizon}", response={200: VisionOut, 422: ErrorOut})
def vision_save(request: HttpRequest, horizon: Horizon, payload: VisionIn) -> Any:
    data = payload.dict()
    reason = data.pop("reason")
    user = authed_user(request)
    selectors.vision_for_user(user, horizon)  # 404 for a horizon other than 5 or 10
    return _run(lambda: services.vision_save(user=user, horizon=horizon, data=data, reason=reason))


@router.get("/visions/{horizon}/versions", response=list[VisionVersionOut])
@paged
def vision_versions(request: HttpRequest, horizon: Horizon) -> Any:
    vision = selectors.vision_for_user(authed_user(request), horizon)
    if vision is None:
        raise Http404("No vision at this horizon yet.")
    return vision.versions.all()


# Strengths and weaknesses


class TraitIn(Schema):
    kind: Annotated[str, OneOf(Trait.Kind)]
    title: str = text(120, required=True)
    note: str = Field("", max_length=LONG_TEXT)


class TraitOut(Schema):
    id: int
    kind: str
    title: str
    note: str
    goal_id: int | None
    created_at: datetime


@router.get("/traits", response=list[TraitOut])
@paged
def traits_list(request: HttpRequest) -> Any:
    return selectors.traits_list_for_user(authed_user(request))


@router.post("/traits", response={201: TraitOut, 422: ErrorOut})
def trait_create(request: HttpRequest, payload: TraitIn) -> Any:
    user = authed_user(request)
    return _run(lambda: services.trait_create(user=user, **payload.dict()), 201)


@router.put("/traits/{trait_id}", response={200: TraitOut, 422: ErrorOut})
def trait_update(request: HttpRequest, trait_id: PathId, payload: TraitIn) -> Any:
    trait = selectors.trait_get_for_user(authed_user(request), trait_id)
    return _run(lambda: services.trait_update(trait=trait, **payload.dict()))


@router.delete("/traits/{trait_id}", response={204: None})
def trait_delete(request: HttpRequest, trait_id: PathId) -> Any:
    services.trait_delete(trait=selectors.trait_get_for_user(authed_user(request), trait_id))
    return Status(204, None)


# Goals


class GoalIn(Schema):
    statement: str = text(STATEMENT_MAX, required=True)
    category: Annotated[str, OneOf(Goal.Category)] = Goal.Category.SKILL
    horizon: Annotated[int, OneOf(Horizon_)] = 5
    why: str = Field("", max_length=LONG_TEXT)
    target_date: date = Field(description=f"From today to {LATEST_DAY.isoformat()}.")
    status: Literal["draft", "active"] = "draft"
    metric_baseline: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_unit: str = Field("", max_length=40)
    metric_direction: Annotated[str, OneOf(Goal.Direction)] = Goal.Direction.INCREASE
    review_cadence: Annotated[str, OneOf(Goal.Cadence)] = Goal.Cadence.MONTHLY
    impact: Annotated[int, OneOf(Goal.Level)] = 2
    effort: Annotated[int, OneOf(Goal.Level)] = 2


class GoalPatch(Schema):
    """Only the fields sent change; null leaves a field as it is, except that it clears the
    metric's baseline and target. A reason is needed to change a key field."""

    statement: str | None = text(STATEMENT_MAX, required=True, default=None)
    category: Annotated[str, OneOf(Goal.Category)] | None = None
    horizon: Annotated[int, OneOf(Horizon_)] | None = None
    why: str | None = Field(None, max_length=LONG_TEXT)
    target_date: date | None = Field(None, description=f"From today to {LATEST_DAY.isoformat()}.")
    metric_baseline: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    metric_unit: str | None = Field(None, max_length=40)
    metric_direction: Annotated[str, OneOf(Goal.Direction)] | None = None
    review_cadence: Annotated[str, OneOf(Goal.Cadence)] | None = None
    impact: Annotated[int, OneOf(Goal.Level)] | None = None
    effort: Annotated[int, OneOf(Goal.Level)] | None = None
    reason: str = Field("", max_length=LONG_TEXT)


class GoalOut(Schema):
    id: int
    statement: str
    category: str
    horizon: int
    why: str
    target_date: date
    status: str
    metric_baseline: float | None
    metric_target: float | None
    metric_current: float | None
    metric_unit: str
    metric_direction: str
    impact: int
    effort: int
    rank: int
    review_cadence: str
    next_review_on: date | None
    version: int
    progress: int | None
    progress_source: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_progress(obj: Goal) -> int | None:
        return obj.progress.percent

    @staticmethod
    def resolve_progress_source(obj: Goal) -> str:
        return obj.progress.source


class StatusIn(Schema):
    status: Annotated[str, OneOf(Goal.Status)]
    reason: str = Field("", max_length=LONG_TEXT)
    park: Id | None = Field(None, description="An active goal to pause in exchange.")


class MoveIn(Schema):
    direction: Literal["up", "down"]


class OrderIn(Schema):
    goal_ids: list[Id] = Field(max_length=1000)


class PlaceIn(Schema):
    impact: Annotated[int, OneOf(Goal.Level)]
    effort: Annotated[int, OneOf(Goal.Level)]


class MetricIn(Schema):
    value: Decimal = Field(max_digits=14, decimal_places=2)
    recorded_on: date | None = None
    note: str = Field("", max_length=200)


class GoalVersionOut(Schema):
    number: int
    source: str
    reason: str
    review_id: int | None
    changes: list[dict[str, Any]]
    created_at: datetime


def _goal_out(user: Any, goal_id: int) -> Goal:
    return selectors.goals_list_for_user(user).get(pk=goal_id)


@router.get("/goals", response=list[GoalOut])
@paged
def goals_list(request: HttpRequest) -> Any:
    return selectors.goals_list_for_user(authed_user(request))


@router.post("/goals", response={201: GoalOut, 422: ErrorOut})
def goal_create(request: HttpRequest, payload: GoalIn) -> Any:
    user = authed_user(request)
    return _run(
        lambda: _goal_out(user, services.goal_create(user=user, data=payload.dict()).pk), 201
    )


@router.put("/goals/order", response={204: None, 422: ErrorOut})
def goals_reorder(request: HttpRequest, payload: OrderIn) -> Any:
    user = authed_user(request)
    return _run(lambda: services.goals_reorder(user=user, goal_ids=payload.goal_ids), 204)


@router.get("/goals/{goal_id}", response=GoalOut)
def goal_get(request: HttpRequest, goal_id: PathId) -> Any:
    user = authed_user(request)
    selectors.goal_get_for_user(user, goal_id)
    return _goal_out(user, goal_id)


@router.patch("/goals/{goal_id}", response={200: GoalOut, 422: ErrorOut})
def goal_update(request: HttpRequest, goal_id: PathId, payload: GoalPatch) -> Any:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)
    data = _patch(payload, clearable=("metric_baseline", "metric_target"))
    reason = data.pop("reason", "")

    def update() -> Goal:
        services.goal_update(goal=goal, data=data, reason=reason)
        return _goal_out(user, goal_id)

    return _run(update)


@router.delete("/goals/{goal_id}", response={204: None})
def goal_delete(request: HttpRequest, goal_id: PathId) -> Any:
    services.goal_delete(goal=selectors.goal_get_for_user(authed_user(request), goal_id))
    return Status(204, None)


@router.post("/goals/{goal_id}/status", response={200: GoalOut, 422: ErrorOut})
def goal_status(request: HttpRequest, goal_id: PathId, payload: StatusIn) -> Any:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)
    park = selectors.goal_get_for_user(user, payload.park) if payload.park else None

    def change() -> Goal:
        services.goal_set_status(goal=goal, status=payload.status, reason=payload.reason, park=park)
        return _goal_out(user, goal_id)

    return _run(change)


@router.post("/goals/{goal_id}/move", response={200: list[GoalOut], 422: ErrorOut})
def goal_move(request: HttpRequest, goal_id: PathId, payload: MoveIn) -> Any:
    """Move a goal up or down; answer the open goals in their new order."""
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)

    def move() -> list[Goal]:
        services.goal_move(goal=goal, direction=payload.direction)
        return list(selectors.goals_list_for_user(user, Goal.OPEN_STATUSES))

    return _run(move)


@router.post("/goals/{goal_id}/place", response={200: GoalOut, 422: ErrorOut})
def goal_place(request: HttpRequest, goal_id: PathId, payload: PlaceIn) -> Any:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)

    def place() -> Goal:
        services.goal_place(goal=goal, impact=payload.impact, effort=payload.effort)
        return _goal_out(user, goal_id)

    return _run(place)


@router.post("/goals/{goal_id}/metric", response={200: GoalOut, 422: ErrorOut})
def goal_metric(request: HttpRequest, goal_id: PathId, payload: MetricIn) -> Any:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)

    def record() -> Goal:
        services.goal_metric_update(goal=goal, **payload.dict())
        return _goal_out(user, goal_id)

    return _run(record)


@router.get("/goals/{goal_id}/history", response=list[GoalVersionOut])
@paged
def goal_history(request: HttpRequest, goal_id: PathId) -> Any:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    return goal.versions.order_by("number")


@router.post("/traits/{trait_id}/goal", response={201: GoalOut, 422: ErrorOut})
def trait_goal(request: HttpRequest, trait_id: PathId) -> Any:
    user = authed_user(request)
    trait = selectors.trait_get_for_user(user, trait_id)
    return _run(lambda: _goal_out(user, services.trait_goal_create(trait=trait).pk), 201)


# Milestones


class MilestoneIn(Schema):
    title: str = text(200, required=True)
    due_on: date


class MilestonePatch(Schema):
    title: str | None = text(200, required=True, default=None)
    due_on: date | None = None


class PlanMilestoneOut(Schema):
    id: int
    goal_id: int
    title: str
    due_on: date
    done: bool
    done_at: datetime | None

    @staticmethod
    def resolve_done(obj: Milestone) -> bool:
        return obj.is_done


class CompleteIn(Schema):
    done: bool = True


@router.get("/goals/{goal_id}/milestones", response=list[PlanMilestoneOut])
@paged
def milestones_list(request: HttpRequest, goal_id: PathId) -> Any:
    return selectors.goal_get_for_user(authed_user(request), goal_id).milestones.all()


@router.post("/goals/{goal_id}/milestones", response={201: PlanMilestoneOut, 422: ErrorOut})
def milestone_create(request: HttpRequest, goal_id: PathId, payload: MilestoneIn) -> Any:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    return _run(lambda: services.milestone_create(goal=goal, **payload.dict()), 201)


@router.patch("/milestones/{milestone_id}", response={200: PlanMilestoneOut, 422: ErrorOut})
def milestone_update(request: HttpRequest, milestone_id: PathId, payload: MilestonePatch) -> Any:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    data = _patch(payload)
    return _run(
        lambda: services.milestone_update(
            milestone=milestone,
            title=data.get("title") or milestone.title,
            due_on=data.get("due_on") or milestone.due_on,
        )
    )


@router.delete("/milestones/{milestone_id}", response={204: None})
def milestone_delete(request: HttpRequest, milestone_id: PathId) -> Any:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    services.milestone_delete(milestone=milestone)
    return Status(204, None)


@router.post("/milestones/{milestone_id}/complete", response=PlanMilestoneOut)
def milestone_complete(request: HttpRequest, milestone_id: PathId, payload: CompleteIn) -> Any:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    return services.milestone_complete(milestone=milestone, done=payload.done)


# Actions and resources


class ActionIn(Schema):
    title: str = text(200, required=True)
    kind: Annotated[str, OneOf(Action.Kind)] = Action.Kind.COURSE
    url: str = Field("", max_length=500)
    cost_amount: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    cost_currency: str = Field("", max_length=3)
    hours: Decimal | None = Field(None, ge=0, max_digits=7, decimal_places=1)
    due_on: date | None = None
    status: Annotated[str, OneOf(Action.Status)] = Action.Status.TODO
    notes: str = Field("", max_length=LONG_TEXT)


class ActionPatch(Schema):
    """Only the fields sent change; null clears the cost, hours, due date, link and notes."""

    title: str | None = text(200, required=True, default=None)
    kind: Annotated[str, OneOf(Action.Kind)] | None = None
    url: str | None = Field(None, max_length=500)
    cost_amount: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    cost_currency: str | None = Field(None, max_length=3)
    hours: Decimal | None = Field(None, ge=0, max_digits=7, decimal_places=1)
    due_on: date | None = None
    status: Annotated[str, OneOf(Action.Status)] | None = None
    notes: str | None = Field(None, max_length=LONG_TEXT)


class PlanActionOut(Schema):
    id: int
    goal_id: int
    title: str
    kind: str
    url: str
    cost_amount: float | None
    cost_currency: str
    hours: float | None
    due_on: date | None
    status: str
    notes: str


@router.get("/goals/{goal_id}/actions", response=list[PlanActionOut])
@paged
def actions_list(request: HttpRequest, goal_id: PathId) -> Any:
    return selectors.goal_get_for_user(authed_user(request), goal_id).actions.all()


@router.post("/goals/{goal_id}/actions", response={201: PlanActionOut, 422: ErrorOut})
def action_create(request: HttpRequest, goal_id: PathId, payload: ActionIn) -> Any:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    return _run(lambda: services.action_create(goal=goal, data=payload.dict()), 201)


@router.patch("/actions/{action_id}", response={200: PlanActionOut, 422: ErrorOut})
def action_update(request: HttpRequest, action_id: PathId, payload: ActionPatch) -> Any:
    action = selectors.action_get_for_user(authed_user(request), action_id)
    return _run(
        lambda: services.action_update(
            action=action,
            data=_patch(payload, clearable=("cost_amount", "hours", "due_on", "url", "notes")),
        )
    )


@router.delete("/actions/{action_id}", response={204: None})
def action_delete(request: HttpRequest, action_id: PathId) -> Any:
    services.action_delete(action=selectors.action_get_for_user(authed_user(request), action_id))
    return Status(204, None)


# Reviews


class ReviewIn(Schema):
    reviewed_on: date | None = None
    progress: int | None = Field(None, ge=0, le=100)
    metric_value: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    worked: str = Field("", max_length=LONG_TEXT)
    obstacles: str = Field("", max_length=LONG_TEXT)
    decision: Annotated[str, OneOf(Review.Decision)] = Review.Decision.KEEP
    decision_note: str = Field("", max_length=LONG_TEXT)
    new_target_date: date | None = None
    new_metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    new_statement: str = Field("", max_length=STATEMENT_MAX)


class ReviewOut(Schema):
    id: int
    goal_id: int
    reviewed_on: date
    progress: int | None
    metric_value: float | None
    worked: str
    obstacles: str
    decision: str
    decision_note: str
    created_at: datetime


@router.get("/goals/{goal_id}/reviews", response=list[ReviewOut])
@paged
def reviews_list(request: HttpRequest, goal_id: PathId) -> Any:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    return Review.objects.filter(goal=goal).order_by("-reviewed_on", "-id")


@router.post("/goals/{goal_id}/reviews", response={201: ReviewOut, 422: ErrorOut})
def review_create(request: HttpRequest, goal_id: PathId, payload: ReviewIn) -> Any:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    data = payload.dict()
    adjust = {k: data.pop(k) for k in ("new_target_date", "new_metric_target", "new_statement")}
    return _run(lambda: services.review_record(goal=goal, data=data, adjust=adjust), 201)


# Settings and calendar


class SettingsIn(Schema):
    focus_limit: int | None = Field(None, ge=1, le=10, description="Null leaves it as it is.")
    email_reminders: bool | None = Field(None, description="Null leaves it as it is.")
    hours_per_week: int | None = Field(
        None,
        ge=1,
        le=80,
        description="Hours a week the user can give their goals, 1 to 80; null clears it.",
    )
    education_level: Annotated[str, OneOf(PlanSettings.Education, blank=True)] | None = Field(
        None,
        description="Highest education so far, one of: "
        + ", ".join(PlanSettings.Education.values)
        + "; null or empty clears it.",
    )


class SettingsOut(Schema):
    focus_limit: int
    email_reminders: bool
    hours_per_week: int | None
    education_level: str
    calendar_url: str


def _settings_out(request: HttpRequest, found: Any) -> dict[str, Any]:
    return {
        "focus_limit": found.focus_limit,
        "email_reminders": found.email_reminders,
        "hours_per_week": found.hours_per_week,
        "education_level": found.education_level,
        "calendar_url": request.build_absolute_uri(
            reverse("plans-calendar-feed", args=[found.calendar_token])
        ),
    }


CLEARS = ("hours_per_week", "education_level")


@router.get("/settings", response=SettingsOut)
def settings_get(request: HttpRequest) -> Any:
    return _settings_out(request, services.plan_settings_ensure(authed_user(request)))


@router.patch("/settings", response={200: SettingsOut, 422: ErrorOut})
def settings_update(request: HttpRequest, payload: SettingsIn) -> Any:
    """Change the settings given; fields left out stay as they are."""
    user = authed_user(request)
    return _run(
        lambda: _settings_out(
            request,
            services.plan_settings_update(
                user=user, **_patch(payload, clearable=("hours_per_week", "education_level"))
            ),
        )
    )


@router.post("/calendar/token", response=SettingsOut)
def calendar_token_regenerate(request: HttpRequest) -> Any:
    """Give the calendar feed a new secret address; the old one answers 404 from now on."""
    return _settings_out(request, services.calendar_token_regenerate(user=authed_user(request)))

"""The feedback API: the same services and selectors as the pages.

A refused input answers 422 with `detail` and the `field` it is about. An unusable invitation
link answers 400, 404 or 410 with `detail`, `problem` and what to do (`next_step`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from headway.accounts.models import User
from headway.core.api_schema import LONG_TEXT, ErrorOut, Id, OneOf, PathId, paged, text
from headway.core.http import authed_user
from headway.domain.planning import STATEMENT_MAX
from headway.feedback import rules, selectors, services
from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
    Scope,
)
from headway.feedback.rules import InvitationLinkError
from headway.plans import selectors as plan_selectors
from headway.plans.models import Goal, Milestone

router = Router(tags=["feedback"])


class LinkRefused(ErrorOut):
    problem: str | None = Field(None, description="Why the link cannot be used.")
    next_step: str | None = Field(None, description="What to do instead.")


class PersonOut(Schema):
    name: str
    email: str


class GoalBriefOut(Schema):
    id: int
    statement: str
    status: str
    target_date: date


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    message: str
    scope: str
    goals: list[GoalBriefOut]
    state: str
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    withdrawn_at: datetime | None


class InvitationIn(Schema):
    email: str = text(254, required=True)
    role: Annotated[str, OneOf(rules.ROLES)] = "mentor"
    message: str = Field("", max_length=LONG_TEXT)
    scope: Annotated[str, OneOf(Scope)] = Scope.GOALS
    goal_ids: list[Id] = Field([], max_length=1000)


class InvitationCreatedOut(Schema):
    invitation: InvitationOut
    link: str


class AcceptIn(Schema):
    token: str = text(500, required=True)


class AccessOut(Schema):
    id: int
    owner: PersonOut
    reviewer: PersonOut
    role: str
    scope: str
    goals: list[GoalBriefOut]
    started_at: datetime
    ended_at: datetime | None
    ended_by: str


class ShareIn(Schema):
    scope: Annotated[str, OneOf(Scope)]
    goal_ids: list[Id] = Field([], max_length=1000)


class MilestoneOut(Schema):
    id: int
    title: str
    due_on: date
    done: bool


class CommentOut(Schema):
    id: int
    goal_id: int
    milestone_id: int | None
    parent_id: int | None
    kind: str
    author: str
    from_owner: bool
    body: str
    created_at: datetime


class RatingOut(Schema):
    id: int
    goal_id: int
    criterion: str
    rating: str
    note: str
    reviewer: str
    updated_at: datetime


class SharedGoalOut(Schema):
    id: int
    owner: str
    access_id: int
    statement: str
    category: str
    status: str
    why: str
    target_date: date
    metric_baseline: Decimal | None
    metric_target: Decimal | None
    metric_current: Decimal | None
    metric_unit: str
    milestones: list[MilestoneOut]


class SharedGoalDetailOut(SharedGoalOut):
    comments: list[CommentOut]
    ratings: list[RatingOut]


class AdjustmentOut(Schema):
    id: int
    goal_id: int
    version: int
    reason: str
    comment_id: int | None
    rating_id: int | None
    created_at: datetime


class GoalFeedbackOut(Schema):
    goal: GoalBriefOut
    readers: list[PersonOut]
    comments: list[CommentOut]
    ratings: list[RatingOut]
    adjustments: list[AdjustmentOut]


class BodyIn(Schema):
    body: str = text(LONG_TEXT, required=True)


class CommentIn(Schema):
    body: str = text(LONG_TEXT, required=True)
    milestone_id: Id | None = None


class RatingIn(Schema):
    rating: Annotated[str, OneOf(rules.RATINGS)]
    note: str = Field("", max_length=LONG_TEXT)


class AdjustIn(Schema):
    statement: str | None = text(STATEMENT_MAX, required=True, default=None)
    target_date: date | None = None
    metric_target: Decimal | None = Field(None, max_digits=14, decimal_places=2)
    note: str = Field("", max_length=LONG_TEXT)


# Shapes


def _person(user: User) -> dict[str, str]:
    return {"name": user.name, "email": user.email}


def _brief(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.pk,
        "statement": goal.statement,
        "status": goal.status,
        "target_date": goal.target_date,
    }


def _invitation(invitation: Invitation) -> dict[str, Any]:
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "role": invitation.role,
        "message": invitation.message,
        "scope": invitation.scope,
        "goals": [_brief(g) for g in invitation.goals.all()],
        "state": invitation.state,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "accepted_at": invitation.accepted_at,
        "withdrawn_at": invitation.withdrawn_at,
    }


def _access(access: ReviewerAccess) -> dict[str, Any]:
    return {
        "id": access.pk,
        "owner": _person(access.owner),
        "reviewer": _person(access.reviewer),
        "role": access.role,
        "scope": access.scope,
        "goals": [_brief(g) for g in access.goals.all()],
        "started_at": access.started_at,
        "ended_at": access.ended_at,
        "ended_by": access.ended_by,
    }


def _comment(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "goal_id": comment.goal_id,
        "milestone_id": comment.milestone_id,
        "parent_id": comment.parent_id,
        "kind": comment.kind,
        "author": comment.author_name,
        "from_owner": comment.from_owner,
        "body": comment.body,
        "created_at": comment.created_at,
    }


def _rating(rating: CriterionRating) -> dict[str, Any]:
    return {
        "id": rating.pk,
        "goal_id": rating.goal_id,
        "criterion": rating.criterion,
        "rating": rating.rating,
        "note": rating.note,
        "reviewer": rating.reviewer_name,
        "updated_at": rating.updated_at,
    }


def _adjustment(adjustment: Adjustment) -> dict[str, Any]:
    return {
        "id": adjustment.pk,
        "goal_id": adjustment.goal_id,
        "version": adjustment.version.number,
        "reason": adjustment.version.reason,
        "comment_id": adjustment.comment_id,
        "rating_id": adjustment.rating_id,
        "created_at": adjustment.created_at,
    }


def _shared_goal(goal: Goal, access: ReviewerAccess) -> dict[str, Any]:
    return {
        "id": goal.pk,
        "owner": goal.user.name,
        "access_id": access.pk,
        "statement": goal.statement,
        "category": goal.category,
        "status": goal.status,
        "why": goal.why,
        "target_date": goal.target_date,
        "metric_baseline": goal.metric_baseline,
        "metric_target": goal.metric_target,
        "metric_current": goal.metric_current,
        "metric_unit": goal.metric_unit,
        "milestones": [
            {"id": m.pk, "title": m.title, "due_on": m.due_on, "done": m.is_done}
            for m in goal.milestones.all()
        ],
    }


def _thread_comments(threads: list[selectors.Thread]) -> list[dict[str, Any]]:
    rows = []
    for thread in threads:
        rows.append(_comment(thread.opener))
        rows.extend(_comment(m) for c in thread.conversations for m in c.messages)
    return rows


def _own_goals(user: User, ids: list[int]) -> list[Goal]:
    return [plan_selectors.goal_get_for_user(user, goal_id) for goal_id in dict.fromkeys(ids)]


# Invitations


@router.get("/invitations", response=list[InvitationOut])
@paged
def invitations_list(request: HttpRequest) -> Any:
    """List the invitations you sent, newest first."""
    return [_invitation(i) for i in selectors.invitations_list_for_owner(authed_user(request))]


@router.post("/invitations", response={201: InvitationCreatedOut, 404: ErrorOut, 422: ErrorOut})
def invitation_create(request: HttpRequest, payload: InvitationIn) -> Any:
    """Invite someone by email to review your whole plan or chosen goals."""
    user = authed_user(request)
    invitation, token = services.invitation_create(
        owner=user,
        email=payload.email,
        role=payload.role,
        message=payload.message,
        scope=payload.scope,
        goals=_own_goals(user, payload.goal_ids),
    )
    return Status(
        201,
        {"invitation": _invitation(invitation), "link": services.invitation_link(token)},
    )


@router.post("/invitations/{invitation_id}/withdraw", response={200: InvitationOut, 422: ErrorOut})
def invitation_withdraw(request: HttpRequest, invitation_id: PathId) -> Any:
    """Withdraw an invitation not yet accepted; its link stops working."""
    invitation = selectors.invitation_get_for_owner(authed_user(request), invitation_id)
    services.invitation_withdraw(invitation=invitation)
    return _invitation(invitation)


@router.post(
    "/invitations/accept",
    response={201: AccessOut, 400: LinkRefused, 404: LinkRefused, 410: LinkRefused},
)
def invitation_accept(request: HttpRequest, payload: AcceptIn) -> Any:
    """Accept an invitation by its token (the last part of the emailed link)."""
    try:
        access = services.invitation_accept(token=payload.token, user=authed_user(request))
    except InvitationLinkError as error:
        refusal = error.refusal
        return Status(
            refusal.status,
            {
                "detail": refusal.title,
                "field": "token",
                "problem": refusal.problem,
                "next_step": refusal.next_step,
            },
        )
    return Status(201, _access(access))


# Reviewers (as the plan's owner)


@router.get("/reviewers", response=list[AccessOut])
@paged
def reviewers_list(request: HttpRequest, ended: bool = False) -> Any:
    """List your reviewers: active ones, or with `ended=true` those whose access ended."""
    found = selectors.reviewers_list_for_owner(authed_user(request), active=not ended)
    return [_access(a) for a in found.select_related("owner")]


@router.get("/reviewers/{access_id}", response=AccessOut)
def reviewer_get(request: HttpRequest, access_id: PathId) -> Any:
    """Return one of your reviewers and what they see."""
    return _access(selectors.access_get_for_owner(authed_user(request), access_id))


@router.put("/reviewers/{access_id}/goals", response={200: AccessOut, 422: ErrorOut})
def reviewer_share(request: HttpRequest, access_id: PathId, payload: ShareIn) -> Any:
    """Change what a reviewer sees: scope "plan", or "goals" with `goal_ids`."""
    user = authed_user(request)
    access = selectors.access_get_for_owner(user, access_id)
    services.access_update(
        access=access, scope=payload.scope, goals=_own_goals(user, payload.goal_ids)
    )
    return _access(selectors.access_get_for_owner(user, access_id))


@router.post("/reviewers/{access_id}/end", response=AccessOut)
def reviewer_end(request: HttpRequest, access_id: PathId) -> Any:
    """End a reviewer's access; their pages answer 404 from now on."""
    access = selectors.access_get_for_owner(authed_user(request), access_id)
    return _access(services.access_end(access=access, by=ReviewerAccess.EndedBy.OWNER))


# Reviewing (as a reviewer)


@router.get("/reviewing", response=list[AccessOut])
@paged
def reviewing_list(request: HttpRequest) -> Any:
    """List the plans shared with you now."""
    found = selectors.accesses_list_for_reviewer(authed_user(request))
    return [_access(a) for a in found.select_related("reviewer")]


@router.post("/reviewing/{access_id}/leave", response=AccessOut)
def reviewing_leave(request: HttpRequest, access_id: PathId) -> Any:
    """Stop reviewing someone's plan."""
    access = selectors.access_get_for_reviewer(authed_user(request), access_id)
    return _access(services.access_end(access=access, by=ReviewerAccess.EndedBy.REVIEWER))


@router.get("/shared/goals", response=list[SharedGoalOut])
@paged
def shared_goals_list(request: HttpRequest) -> Any:
    """List every goal shared with you, read-only."""
    user = authed_user(request)
    accesses = {a.owner_id: a for a in selectors.accesses_list_for_reviewer(user)}
    goals = (
        selectors.goals_visible_to_reviewer(user)
        .select_related("user")
        .prefetch_related("milestones")
        .order_by("user_id", "rank", "id")
    )
    return [_shared_goal(g, accesses[g.user_id]) for g in goals]


@router.get("/shared/goals/{goal_id}", response=SharedGoalDetailOut)
def shared_goal_get(request: HttpRequest, goal_id: PathId) -> Any:
    """Return a goal shared with you, with your conversation and your ratings."""
    user = authed_user(request)
    goal, access = selectors.shared_goal_get_for_reviewer(user, goal_id)
    return {
        **_shared_goal(goal, access),
        "comments": _thread_comments(selectors.threads_for_goal(goal, reviewer=user)),
        "ratings": [_rating(r) for r in selectors.ratings_for_goal(goal, reviewer=user)],
    }


@router.get("/questions/open", response=list[CommentOut])
@paged
def open_questions(request: HttpRequest) -> Any:
    """List the questions on goals shared with you that you have not answered."""
    return [_comment(c) for c in selectors.open_questions_for_reviewer(authed_user(request))]


@router.post("/goals/{goal_id}/comments", response={201: CommentOut, 422: ErrorOut})
def comment_create(request: HttpRequest, goal_id: PathId, payload: CommentIn) -> Any:
    """Comment on a goal shared with you, or on one of its milestones."""
    user = authed_user(request)
    goal, _ = selectors.shared_goal_get_for_reviewer(user, goal_id)
    milestone = None
    if payload.milestone_id is not None:
        milestone = get_object_or_404(Milestone, pk=payload.milestone_id, goal=goal)
    comment = services.comment_create(
        reviewer=user, goal=goal, body=payload.body, milestone=milestone
    )
    return Status(201, _comment(comment))


@router.put("/goals/{goal_id}/ratings/{criterion}", response={200: RatingOut, 422: ErrorOut})
def rating_put(request: HttpRequest, goal_id: PathId, criterion: str, payload: RatingIn) -> Any:
    """Rate one SMART criterion of a goal shared with you: met, partly or not_met."""
    user = authed_user(request)
    goal, _ = selectors.shared_goal_get_for_reviewer(user, goal_id)
    if criterion not in rules.CRITERIA:
        raise HttpError(404, f"Criteria are: {', '.join(rules.CRITERIA)}.")
    (rating,) = services.goal_rate(
        reviewer=user, goal=goal, ratings=[(criterion, payload.rating, payload.note)]
    )
    return _rating(rating)


# Conversations (either side) and the owner's view of a goal


@router.get("/goals/{goal_id}/feedback", response=GoalFeedbackOut)
def goal_feedback(request: HttpRequest, goal_id: PathId) -> Any:
    """Return all feedback on one of your goals: messages, ratings, adjustments."""
    goal = plan_selectors.goal_get_for_user(authed_user(request), goal_id)
    return {
        "goal": _brief(goal),
        "readers": [_person(a.reviewer) for a in selectors.goal_readers(goal)],
        "comments": _thread_comments(selectors.threads_for_goal(goal)),
        "ratings": [_rating(r) for r in selectors.ratings_for_goal(goal)],
        "adjustments": [_adjustment(a) for a in selectors.adjustments_for_goal(goal)],
    }


@router.post("/goals/{goal_id}/questions", response={201: CommentOut, 422: ErrorOut})
def question_create(request: HttpRequest, goal_id: PathId, payload: BodyIn) -> Any:
    """Ask the reviewers of one of your goals a question."""
    goal = plan_selectors.goal_get_for_user(authed_user(request), goal_id)
    question = services.question_ask(goal=goal, body=payload.body)
    return Status(201, _comment(question))


@router.post("/comments/{comment_id}/replies", response={201: CommentOut, 422: ErrorOut})
def reply_create(request: HttpRequest, comment_id: PathId, payload: BodyIn) -> Any:
    """Reply to a message: answer a question, or continue a conversation."""
    user = authed_user(request)
    target = selectors.comment_get_for_reader(user, comment_id)
    reply = services.comment_reply(user=user, target=target, body=payload.body)
    return Status(201, _comment(reply))


@router.post("/comments/{comment_id}/adjustment", response={201: AdjustmentOut, 422: ErrorOut})
def comment_adjust(request: HttpRequest, comment_id: PathId, payload: AdjustIn) -> Any:
    """Change your goal after a reviewer's message; the new version cites it."""
    comment = selectors.comment_get_for_owner(authed_user(request), comment_id)
    adjustment = services.comment_adjust(
        comment=comment, changes=_changes(payload), note=payload.note
    )
    return Status(201, _adjustment(adjustment))


@router.post("/ratings/{rating_id}/adjustment", response={201: AdjustmentOut, 422: ErrorOut})
def rating_adjust(request: HttpRequest, rating_id: PathId, payload: AdjustIn) -> Any:
    """Change your goal after a reviewer's rating; the new version cites it."""
    rating = selectors.rating_get_for_owner(authed_user(request), rating_id)
    adjustment = services.rating_adjust(rating=rating, changes=_changes(payload), note=payload.note)
    return Status(201, _adjustment(adjustment))


def _changes(payload: AdjustIn) -> dict[str, Any]:
    return {
        name: value
        for name in services.ADJUSTABLE_FIELDS
        if (value := getattr(payload, name)) is not None
    }

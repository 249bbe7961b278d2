"""The feedback section of "download my data": both sides of every relationship."""

from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.core.exports import export_section
from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
)


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _access(access: ReviewerAccess, *, other: User, mine: bool) -> dict[str, Any]:
    goals = access.goals.all()
    return {
        "person": {"name": other.name, "email": other.email},
        "role": access.role,
        "scope": access.scope,
        # The other person's goals are theirs: a reviewer's export names them by number only.
        "goals": [g.statement if mine else g.pk for g in goals],
        "started_at": _when(access.started_at),
        "ended_at": _when(access.ended_at),
        "ended_by": access.ended_by,
    }


@export_section("feedback")
def export_feedback(user: User) -> dict[str, Any]:
    """Return the invitations sent, relationships on both sides, feedback received and given.

    Feedback given on another person's goals names the person, not their goal: the goal is
    theirs.
    """
    invitations = Invitation.objects.filter(owner=user).prefetch_related("goals")
    as_owner = ReviewerAccess.objects.filter(owner=user).select_related("reviewer")
    as_reviewer = ReviewerAccess.objects.filter(reviewer=user).select_related("owner")
    received = Comment.objects.filter(goal__user=user).select_related("author", "milestone")
    ratings_received = CriterionRating.objects.filter(goal__user=user).select_related("reviewer")
    written = Comment.objects.filter(author=user).select_related("goal__user")
    given = CriterionRating.objects.filter(reviewer=user).select_related("goal__user")
    adjustments = Adjustment.objects.filter(goal__user=user).select_related("version")
    return {
        "invitations_sent": [
            {
                "email": i.email,
                "role": i.role,
                "message": i.message,
                "scope": i.scope,
                "goals": [g.statement for g in i.goals.all()],
                "created_at": _when(i.created_at),
                "expires_at": _when(i.expires_at),
                "accepted_at": _when(i.accepted_at),
                "withdrawn_at": _when(i.withdrawn_at),
                "state": i.state,
            }
            for i in invitations
        ],
        "reviewers": [
            _access(a, other=a.reviewer, mine=True) for a in as_owner.prefetch_related("goals")
        ],
        "reviewing": [
            _access(a, other=a.owner, mine=False) for a in as_reviewer.prefetch_related("goals")
        ],
        "feedback_received": [
            {
                "goal": c.goal_id,
                "milestone": c.milestone.title if c.milestone else None,
                "kind": c.kind,
                "from": "you" if c.from_owner else c.author_name,
                "body": c.body,
                "created_at": _when(c.created_at),
            }
            for c in received.order_by("goal_id", "created_at", "id")
        ],
        "ratings_received": [
            {
                "goal": r.goal_id,
                "criterion": r.criterion,
                "rating": r.rating,
                "note": r.note,
                "from": r.reviewer_name,
                "updated_at": _when(r.updated_at),
            }
            for r in ratings_received
        ],
        "comments_written": [
            {
                "to": c.goal.user.name,
                "goal": c.goal_id,
                "kind": c.kind,
                "body": c.body,
                "created_at": _when(c.created_at),
            }
            for c in written.exclude(goal__user=user).order_by("created_at", "id")
        ],
        "ratings_given": [
            {
                "to": r.goal.user.name,
                "goal": r.goal_id,
                "criterion": r.criterion,
                "rating": r.rating,
                "note": r.note,
                "updated_at": _when(r.updated_at),
            }
            for r in given
        ],
        "adjustments": [
            {
                "goal": a.goal_id,
                "version": a.version.number,
                "reason": a.version.reason,
                "comment": a.comment_id,
                "rating": a.rating_id,
                "created_at": _when(a.created_at),
            }
            for a in adjustments
        ],
    }

"""Template tags for feedback: the dashboard block, the goal page block, rating colours."""

from __future__ import annotations

from typing import Any

from django import template

from headway.feedback import selectors
from headway.feedback.views import waiting_invitation

register = template.Library()

_RATING_CLASSES = {"met": "ok", "partly": "warn", "not_met": "bad"}


@register.filter
def rating_class(rating: str) -> str:
    """Return the badge class of a rating: ok, warn or bad."""
    return _RATING_CLASSES.get(rating, "")


@register.simple_tag(takes_context=True)
def feedback_summary(context: Any) -> dict[str, Any] | None:
    """Return the signed-in user's feedback news for the dashboard, or None when signed out."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return {
        "summary": selectors.summary_for_user(request.user),
        "waiting": waiting_invitation(request),
    }


@register.simple_tag(takes_context=True)
def goal_feedback(context: Any, goal: Any) -> selectors.GoalSummary | None:
    """Return who reads one of the signed-in user's goals and what feedback on it is new."""
    request = context.get("request")
    if request is None or goal is None or goal.user_id != request.user.pk:
        return None
    return selectors.goal_summary(goal)

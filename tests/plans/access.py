from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from headway.accounts.models import User
from headway.plans.services import plan_settings_ensure
from tests.access import Endpoint, Page
from tests.plans.factories import (
    ActionFactory,
    GoalFactory,
    MilestoneFactory,
    TraitFactory,
    VisionFactory,
)

SOON = (timezone.localdate() + timedelta(days=10)).isoformat()
LATER = (timezone.localdate() + timedelta(days=200)).isoformat()


def _goal(user: User) -> dict[str, Any]:
    return {"goal_id": GoalFactory(user=user).pk}


def _metric_goal(user: User) -> dict[str, Any]:
    goal = GoalFactory(
        user=user, metric_baseline=1, metric_target=5, metric_current=1, metric_unit="talks"
    )
    return {"goal_id": goal.pk}


def _milestone(user: User) -> dict[str, Any]:
    return {"milestone_id": MilestoneFactory(goal__user=user).pk}


def _action(user: User) -> dict[str, Any]:
    return {"action_id": ActionFactory(goal__user=user).pk}


def _trait(user: User) -> dict[str, Any]:
    return {"trait_id": TraitFactory(user=user).pk}


def _vision(user: User) -> dict[str, Any]:
    VisionFactory(user=user, horizon=5)
    return {"horizon": 5}


def _feed(user: User) -> dict[str, Any]:
    return {"token": plan_settings_ensure(user).calendar_token}


POST = ("post",)

PAGES = [
    Page("plans-plan", "signed_in"),
    Page("plans-print", "signed_in"),
    Page("plans-vision", "signed_in"),
    Page("plans-vision-edit", "signed_in", lambda user: {"horizon": 10}),
    Page("plans-vision-history", "owned", _vision),
    Page("plans-traits", "signed_in"),
    Page("plans-trait-edit", "owned", _trait),
    Page("plans-trait-delete", "owned", _trait, methods=("get", "post")),
    Page("plans-trait-goal", "owned", _trait, methods=POST, owner_status=None),
    Page("plans-goals", "signed_in"),
    Page("plans-goal-create", "signed_in"),
    Page("plans-goal", "owned", _goal),
    Page("plans-goal-edit", "owned", _goal),
    Page("plans-goal-delete", "owned", _goal, methods=("get", "post")),
    Page("plans-goal-status", "owned", _goal, methods=POST, owner_status=None),
    Page("plans-goal-move", "owned", _goal, methods=POST, owner_status=None),
    Page("plans-goal-place", "owned", _goal, methods=POST, owner_status=None),
    Page("plans-goal-metric", "owned", _metric_goal, methods=POST, owner_status=None),
    Page("plans-goal-history", "owned", _goal),
    Page("plans-milestone-create", "owned", _goal, methods=POST, owner_status=None),
    Page("plans-milestone-edit", "owned", _milestone),
    Page("plans-milestone-complete", "owned", _milestone, methods=POST, owner_status=None),
    Page("plans-milestone-delete", "owned", _milestone, methods=POST, owner_status=None),
    Page("plans-action-create", "owned", _goal),
    Page("plans-action-edit", "owned", _action),
    Page("plans-action-delete", "owned", _action, methods=POST, owner_status=None),
    Page("plans-review-create", "owned", _goal),
    Page("plans-reviews", "signed_in"),
    Page("plans-focus", "signed_in"),
    # Reorders only the signed-in user's own open goals: a list naming another user's goal is
    # refused like one naming an unknown id (same message, nothing changed; see test_pages).
    Page("plans-goals-reorder", "signed_in", methods=POST, owner_status=None),
    Page("plans-settings", "signed_in"),
    Page("plans-calendar-regenerate", "signed_in", methods=POST, owner_status=None),
    # Public by secret: the token in the URL is the only key (a wrong one is tested to 404).
    Page("plans-calendar-feed", "public", _feed),
]

API = "/api/plan"
GOAL = f"{API}/goals/{{goal_id}}"
ENDPOINTS = [
    Endpoint(f"{API}/visions", "get", "signed_in"),
    Endpoint(f"{API}/visions/{{horizon}}", "get", "owned", _vision),
    Endpoint(
        f"{API}/visions/{{horizon}}",
        "put",
        "signed_in",
        lambda user: {"horizon": 10},
        body={"target_role": "Head of data"},
    ),
    Endpoint(f"{API}/visions/{{horizon}}/versions", "get", "owned", _vision),
    Endpoint(f"{API}/traits", "get", "signed_in"),
    Endpoint(
        f"{API}/traits",
        "post",
        "signed_in",
        body={"kind": "strength", "title": "SQL"},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/traits/{{trait_id}}",
        "put",
        "owned",
        _trait,
        body={"kind": "weakness", "title": "Negotiation"},
    ),
    Endpoint(f"{API}/traits/{{trait_id}}", "delete", "owned", _trait, owner_status=204),
    Endpoint(f"{API}/traits/{{trait_id}}/goal", "post", "owned", _trait, owner_status=201),
    Endpoint(f"{API}/goals", "get", "signed_in"),
    Endpoint(
        f"{API}/goals",
        "post",
        "signed_in",
        body={"statement": "Run a meetup", "target_date": LATER},
        owner_status=201,
    ),
    Endpoint(f"{API}/goals/order", "put", "signed_in", body={"goal_ids": []}, owner_status=204),
    Endpoint(GOAL, "get", "owned", _goal),
    Endpoint(GOAL, "patch", "owned", _goal, body={"why": "It opens doors."}),
    Endpoint(GOAL, "delete", "owned", _goal, owner_status=204),
    Endpoint(f"{GOAL}/status", "post", "owned", _goal, body={"status": "paused"}),
    Endpoint(f"{GOAL}/move", "post", "owned", _goal, body={"direction": "up"}),
    Endpoint(f"{GOAL}/place", "post", "owned", _goal, body={"impact": 3, "effort": 1}),
    Endpoint(f"{GOAL}/metric", "post", "owned", _metric_goal, body={"value": 3}),
    Endpoint(f"{GOAL}/history", "get", "owned", _goal),
    Endpoint(f"{GOAL}/milestones", "get", "owned", _goal),
    Endpoint(
        f"{GOAL}/milestones",
        "post",
        "owned",
        _goal,
        body={"title": "Pass the exam", "due_on": SOON},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/milestones/{{milestone_id}}", "patch", "owned", _milestone, body={"title": "x"}
    ),
    Endpoint(f"{API}/milestones/{{milestone_id}}", "delete", "owned", _milestone, owner_status=204),
    Endpoint(
        f"{API}/milestones/{{milestone_id}}/complete",
        "post",
        "owned",
        _milestone,
        body={"done": True},
    ),
    Endpoint(f"{GOAL}/actions", "get", "owned", _goal),
    Endpoint(
        f"{GOAL}/actions",
        "post",
        "owned",
        _goal,
        body={"title": "Course", "url": "https://example.org"},
        owner_status=201,
    ),
    Endpoint(f"{API}/actions/{{action_id}}", "patch", "owned", _action, body={"status": "done"}),
    Endpoint(f"{API}/actions/{{action_id}}", "delete", "owned", _action, owner_status=204),
    Endpoint(f"{GOAL}/reviews", "get", "owned", _goal),
    Endpoint(f"{GOAL}/reviews", "post", "owned", _goal, body={"progress": 40}, owner_status=201),
    Endpoint(f"{API}/settings", "get", "signed_in"),
    Endpoint(f"{API}/settings", "patch", "signed_in", body={"focus_limit": 4}),
    Endpoint(f"{API}/calendar/token", "post", "signed_in"),
]

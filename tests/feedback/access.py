"""Every feedback page and endpoint, for the privacy test.

"owned" rows build data belonging to the user they are given. For the reviewer's pages that
user is the reviewer: someone else shares a goal with them, and a stranger must still get 404.
The full matrix of who may do what is in `test_access_matrix.py`.
"""

from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.plans.models import Goal
from tests.access import Endpoint, Page
from tests.factories import UserFactory
from tests.feedback.factories import GoalFactory, ask, comment, invite, rate, share


def _goal(user: User) -> dict[str, Any]:
    return {"goal_id": GoalFactory(user=user).pk}


def _invitation(user: User) -> dict[str, Any]:
    invitation, _ = invite(user, "someone@example.org", scope="plan")
    return {"invitation_id": invitation.pk}


def _token(user: User) -> dict[str, Any]:
    _, token = invite(user, "someone@example.org", scope="plan")
    return {"token": token}


def _reviewer_of_user(user: User) -> dict[str, Any]:
    access = share(user, UserFactory(), [GoalFactory(user=user)])
    return {"access_id": access.pk}


def _reviewer_comment(user: User) -> dict[str, Any]:
    goal = GoalFactory(user=user)
    reviewer = UserFactory()
    share(user, reviewer, [goal])
    return {"comment_id": comment(reviewer, goal).pk}


def _reviewer_rating(user: User) -> dict[str, Any]:
    goal = GoalFactory(user=user)
    reviewer = UserFactory()
    share(user, reviewer, [goal])
    return {"rating_id": rate(reviewer, goal).pk}


def _shared_with_user(user: User) -> dict[str, Any]:
    """Someone shares a goal with `user`; the goal and the access are `user`'s to use."""
    owner = UserFactory()
    goal = GoalFactory(user=owner)
    access = share(owner, user, [goal])
    return {"goal_id": goal.pk, "access_id": access.pk}


def _shared_goal(user: User) -> dict[str, Any]:
    return {"goal_id": _shared_with_user(user)["goal_id"]}


def _shared_access(user: User) -> dict[str, Any]:
    return {"access_id": _shared_with_user(user)["access_id"]}


def _shared_question(user: User) -> dict[str, Any]:
    made = _shared_with_user(user)
    return {"comment_id": ask(Goal.objects.get(pk=made["goal_id"])).pk}


def _shared_criterion(user: User) -> dict[str, Any]:
    return {**_shared_goal(user), "criterion": "specific"}


POST = ("post",)

PAGES = [
    Page("feedback-home", "signed_in"),
    Page("feedback-invite", "signed_in"),
    Page("feedback-invitation-withdraw", "owned", _invitation, methods=POST, owner_status=None),
    # Anyone holding the link sees who invites them; the owner is told it is their own.
    Page("feedback-accept", "public", _token, owner_status=400),
    Page("feedback-reviewer", "owned", _reviewer_of_user),
    Page("feedback-reviewer-end", "owned", _reviewer_of_user, methods=POST, owner_status=None),
    Page("feedback-goal", "owned", _goal),
    Page("feedback-question-create", "owned", _goal, methods=POST, owner_status=None),
    Page("feedback-reply", "owned", _reviewer_comment, methods=POST, owner_status=None),
    Page("feedback-comment-adjust", "owned", _reviewer_comment),
    Page("feedback-rating-adjust", "owned", _reviewer_rating),
    Page("feedback-reviewing", "signed_in"),
    Page("feedback-shared-plan", "owned", _shared_access),
    Page("feedback-leave", "owned", _shared_access, methods=POST, owner_status=None),
    Page("feedback-shared-goal", "owned", _shared_goal),
    Page("feedback-comment-create", "owned", _shared_goal, methods=POST, owner_status=None),
    Page("feedback-rate", "owned", _shared_goal, methods=POST, owner_status=None),
]

API = "/api/feedback"
ENDPOINTS = [
    Endpoint(f"{API}/invitations", "get", "signed_in"),
    Endpoint(
        f"{API}/invitations",
        "post",
        "signed_in",
        body={"email": "someone@example.org", "scope": "plan"},
        owner_status=201,
    ),
    Endpoint(f"{API}/invitations/{{invitation_id}}/withdraw", "post", "owned", _invitation),
    Endpoint(
        f"{API}/invitations/accept", "post", "signed_in", body={"token": "x"}, owner_status=400
    ),
    Endpoint(f"{API}/reviewers", "get", "signed_in"),
    Endpoint(f"{API}/reviewers/{{access_id}}", "get", "owned", _reviewer_of_user),
    Endpoint(
        f"{API}/reviewers/{{access_id}}/goals",
        "put",
        "owned",
        _reviewer_of_user,
        body={"scope": "plan"},
    ),
    Endpoint(f"{API}/reviewers/{{access_id}}/end", "post", "owned", _reviewer_of_user),
    Endpoint(f"{API}/reviewing", "get", "signed_in"),
    Endpoint(f"{API}/reviewing/{{access_id}}/leave", "post", "owned", _shared_access),
    Endpoint(f"{API}/shared/goals", "get", "signed_in"),
    Endpoint(f"{API}/shared/goals/{{goal_id}}", "get", "owned", _shared_goal),
    Endpoint(f"{API}/questions/open", "get", "signed_in"),
    Endpoint(
        f"{API}/goals/{{goal_id}}/comments",
        "post",
        "owned",
        _shared_goal,
        body={"body": "Looks good."},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/goals/{{goal_id}}/ratings/{{criterion}}",
        "put",
        "owned",
        _shared_criterion,
        body={"rating": "met"},
    ),
    Endpoint(f"{API}/goals/{{goal_id}}/feedback", "get", "owned", _goal),
    Endpoint(
        f"{API}/goals/{{goal_id}}/questions",
        "post",
        "owned",
        _goal,
        body={"body": "Is this realistic?"},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/comments/{{comment_id}}/replies",
        "post",
        "owned",
        _shared_question,
        body={"body": "Yes, it is."},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/comments/{{comment_id}}/adjustment",
        "post",
        "owned",
        _reviewer_comment,
        body={"statement": "Run a data team of four"},
        owner_status=201,
    ),
    Endpoint(
        f"{API}/ratings/{{rating_id}}/adjustment",
        "post",
        "owned",
        _reviewer_rating,
        body={"statement": "Run a data team of four"},
        owner_status=201,
    ),
]

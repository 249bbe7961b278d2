"""Rows for feedback tests. Goals and milestones are written directly; feedback goes through
the services, so each row is one the application itself could have made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import factory
from django.utils import timezone

from headway.accounts.models import User
from headway.feedback import services
from headway.feedback.models import Comment, CriterionRating, Invitation, ReviewerAccess, Scope
from headway.plans.models import Goal, Milestone
from tests.factories import UserFactory


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


class GoalFactory(factory.django.DjangoModelFactory[Goal]):
    class Meta:
        model = Goal

    user = factory.SubFactory(UserFactory)
    statement = factory.Sequence(lambda n: f"Run a data team of five, step {n}")
    target_date = factory.LazyFunction(lambda: in_days(180))
    status = Goal.Status.ACTIVE
    rank = factory.Sequence(lambda n: n + 1)


class MilestoneFactory(factory.django.DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Lead project {n}")
    due_on = factory.LazyFunction(lambda: in_days(30))


def invite(
    owner: User,
    email: str = "dana@example.org",
    goals: Sequence[Goal] = (),
    scope: str | None = None,
    **kwargs: Any,
) -> tuple[Invitation, str]:
    """Send an invitation through the service; return it and its link token."""
    return services.invitation_create(
        owner=owner,
        email=email,
        scope=scope or (Scope.GOALS if goals else Scope.PLAN),
        goals=goals,
        **kwargs,
    )


def share(
    owner: User, reviewer: User, goals: Sequence[Goal] = (), scope: str | None = None
) -> ReviewerAccess:
    """Invite `reviewer` and accept as them: the way an access comes to be."""
    _, token = invite(owner, reviewer.email, goals, scope)
    return services.invitation_accept(token=token, user=reviewer)


def ask(goal: Goal, body: str = "Is this date realistic?") -> Comment:
    return services.question_ask(goal=goal, body=body)


def comment(reviewer: User, goal: Goal, body: str = "Aim for a smaller first step.") -> Comment:
    return services.comment_create(reviewer=reviewer, goal=goal, body=body)


def reply(user: User, target: Comment, body: str = "Six months feels tight.") -> Comment:
    return services.comment_reply(user=user, target=target, body=body)


def rate(
    reviewer: User,
    goal: Goal,
    criterion: str = "time_bound",
    rating: str = "partly",
    note: str = "The date is close.",
) -> CriterionRating:
    (found,) = services.goal_rate(reviewer=reviewer, goal=goal, ratings=[(criterion, rating, note)])
    return found


def reviewer_user(**kwargs: Any) -> User:
    return UserFactory(**kwargs)

"""List pages cost a fixed number of queries, however big the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from headway.accounts.models import User
from tests.factories import UserFactory
from tests.plans.conftest import TODAY
from tests.plans.factories import (
    ActionFactory,
    GoalFactory,
    MilestoneFactory,
    ReviewFactory,
    VisionFactory,
)

pytestmark = pytest.mark.django_db


def _plan(user: User, goals: int) -> list[int]:
    VisionFactory(user=user)
    ids = []
    for n in range(goals):
        goal = GoalFactory(
            user=user, status="active" if n < 3 else "draft", next_review_on=TODAY, rank=n
        )
        for m in range(5):
            MilestoneFactory(goal=goal, due_on=TODAY + timedelta(days=m * 9 - 10))
            ReviewFactory(goal=goal, progress=m * 10)
        ActionFactory(goal=goal, due_on=TODAY - timedelta(days=1))
        ids.append(goal.pk)
    return ids


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("dashboard", lambda ids: reverse("core-dashboard")),
        ("goals", lambda ids: reverse("plans-goals")),
        ("goal", lambda ids: reverse("plans-goal", args=[ids[0]])),
        ("focus", lambda ids: reverse("plans-focus")),
        ("plan", lambda ids: reverse("plans-plan")),
    ],
)
def test_pages_cost_the_same_queries_for_1_or_10_goals(
    name: str, page: Callable[[list[int]], str]
) -> None:
    small, big = UserFactory(), UserFactory()
    small_ids, big_ids = _plan(small, 1), _plan(big, 10)
    small_client, big_client = _client(small), _client(big)
    _count(small_client, page(small_ids))  # warm the session
    _count(big_client, page(big_ids))
    assert _count(small_client, page(small_ids)) == _count(big_client, page(big_ids)), name


def test_the_dashboard_needs_9_queries(owner: User, django_assert_num_queries: object) -> None:
    _plan(owner, 10)
    client = _client(owner)
    client.get(reverse("core-dashboard"))
    # session, user, open goals, next milestones, overdue milestones, settings, actions, visions
    with django_assert_num_queries(9):  # type: ignore[operator]
        client.get(reverse("core-dashboard"))


def test_the_goal_list_needs_4_queries(owner: User, django_assert_num_queries: object) -> None:
    _plan(owner, 10)
    client = _client(owner)
    client.get(reverse("plans-goals"))
    # session, user, open goals, the count of closed ones (none here, so no page of them)
    with django_assert_num_queries(4):  # type: ignore[operator]
        client.get(reverse("plans-goals"))


def test_the_goal_page_needs_10_queries(owner: User, django_assert_num_queries: object) -> None:
    goal_id = _plan(owner, 10)[0]
    client = _client(owner)
    client.get(reverse("plans-goal", args=[goal_id]))
    # session, user, goal, milestones, actions, readings, reviews, vision
    with django_assert_num_queries(10):  # type: ignore[operator]
        client.get(reverse("plans-goal", args=[goal_id]))


def test_closed_goals_and_past_reviews_page(
    owner: User, settings: Any, django_assert_num_queries: object
) -> None:
    from headway.plans.models import Goal, Review

    settings.HEADWAY_PAGE_SIZE = 3
    ids = _plan(owner, 8)
    Goal.objects.filter(pk__in=ids).update(status=Goal.Status.ACHIEVED)
    for goal_id in ids:
        Review.objects.create(goal_id=goal_id, reviewed_on=TODAY, progress=10)
    reviews_total = Review.objects.filter(goal__user=owner).count()
    pages = -(-reviews_total // 3)
    client = _client(owner)
    client.get(reverse("plans-goals"))
    # session, user, open goals, closed count, the closed page
    with django_assert_num_queries(5):  # type: ignore[operator]
        goals = client.get(reverse("plans-goals"))
    assert len(goals.context["closed_goals"]) == 3
    assert "Page 1 of 3" in goals.content.decode()
    last = client.get(reverse("plans-goals"), {"page": 3})
    assert len(last.context["closed_goals"]) == 2
    reviews = client.get(reverse("plans-reviews"), {"page": pages})
    assert len(reviews.context["recent"]) == reviews_total - 3 * (pages - 1)
    assert f"Page {pages} of {pages}" in reviews.content.decode()

"""List pages cost a fixed number of queries, however big the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

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


def test_the_goal_list_needs_3_queries(owner: User, django_assert_num_queries: object) -> None:
    _plan(owner, 10)
    client = _client(owner)
    client.get(reverse("plans-goals"))
    with django_assert_num_queries(3):  # type: ignore[operator]
        client.get(reverse("plans-goals"))


def test_the_goal_page_needs_10_queries(owner: User, django_assert_num_queries: object) -> None:
    goal_id = _plan(owner, 10)[0]
    client = _client(owner)
    client.get(reverse("plans-goal", args=[goal_id]))
    # session, user, goal, milestones, actions, readings, reviews, vision
    with django_assert_num_queries(10):  # type: ignore[operator]
        client.get(reverse("plans-goal", args=[goal_id]))

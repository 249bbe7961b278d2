"""Personas of feedback tests: Alice owns the plan (`owner`), Dana reviews it, Charlie is a
stranger (`stranger`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import User
from headway.feedback.models import ReviewerAccess
from headway.plans.models import Goal, Milestone
from tests.factories import UserFactory
from tests.feedback.factories import GoalFactory, MilestoneFactory, share


@pytest.fixture(autouse=True)
def _site_url(settings: Any) -> None:
    settings.SITE_URL = "https://headway.example"


@pytest.fixture
def goal(owner: User) -> Goal:
    return GoalFactory(user=owner, statement="Lead a data team by next year")


@pytest.fixture
def milestone(goal: Goal) -> Milestone:
    return MilestoneFactory(goal=goal, title="Lead one project")


@pytest.fixture
def other_goal(owner: User) -> Goal:
    return GoalFactory(user=owner, statement="Speak at a conference")


@pytest.fixture
def dana(db: None) -> User:
    return UserFactory(email="dana@example.org", display_name="Dana")


@pytest.fixture
def dana_client(dana: User) -> Client:
    client = Client()
    client.force_login(dana)
    return client


@pytest.fixture
def access(owner: User, dana: User, goal: Goal) -> ReviewerAccess:
    """Dana reviews Alice's goal `goal`, and nothing else."""
    return share(owner, dana, [goal])

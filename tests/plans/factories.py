"""Factories for plan rows. They write rows directly; tests of the rules go through services."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from headway.plans.models import Action, Goal, Milestone, Review, Trait, Vision
from tests.factories import UserFactory


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


class VisionFactory(factory.django.DjangoModelFactory[Vision]):
    class Meta:
        model = Vision

    user = factory.SubFactory(UserFactory)
    horizon = 5
    target_role = "Data engineer"


class TraitFactory(factory.django.DjangoModelFactory[Trait]):
    class Meta:
        model = Trait

    user = factory.SubFactory(UserFactory)
    kind = Trait.Kind.WEAKNESS
    title = "Public speaking"


class GoalFactory(factory.django.DjangoModelFactory[Goal]):
    class Meta:
        model = Goal

    user = factory.SubFactory(UserFactory)
    statement = factory.Sequence(lambda n: f"Finish data course {n}")
    target_date = factory.LazyFunction(lambda: in_days(180))
    rank = factory.Sequence(lambda n: n + 1)


class MilestoneFactory(factory.django.DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
    due_on = factory.LazyFunction(lambda: in_days(30))


class ActionFactory(factory.django.DjangoModelFactory[Action]):
    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    title = "SQL course"


class ReviewFactory(factory.django.DjangoModelFactory[Review]):
    class Meta:
        model = Review

    goal = factory.SubFactory(GoalFactory)
    reviewed_on = factory.LazyFunction(lambda: in_days(0))
    progress = 40

"""Factories for the Network step's tests. Goals are made through the plan's own service."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import factory

from headway.accounts.models import User
from headway.network.models import Contact, Event, FollowUp, Interaction, Organisation
from headway.plans.models import Goal
from headway.plans.services import goal_create
from tests.factories import UserFactory


def make_goal(user: User, statement: str = "Meet five people in data science", **data: Any) -> Goal:
    """Create a goal through the plan's service, with a target date a year ahead by default."""
    data.setdefault("target_date", date.today() + timedelta(days=365))
    return goal_create(user=user, data={"statement": statement, **data})


def make_counting_goal(user: User, target: int = 5, **data: Any) -> Goal:
    """Create a goal whose metric counts up from 0, such as “5 informational interviews”."""
    return make_goal(
        user,
        f"Hold {target} informational interviews",
        metric_baseline=0,
        metric_target=target,
        metric_unit="interviews",
        **data,
    )


class ContactFactory(factory.django.DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    user = factory.SubFactory(UserFactory)
    name = factory.Faker("name")
    organisation = factory.Faker("company")
    role = factory.Faker("job")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class InteractionFactory(factory.django.DjangoModelFactory[Interaction]):
    class Meta:
        model = Interaction

    contact = factory.SubFactory(ContactFactory)
    user = factory.SelfAttribute("contact.user")
    kind = Interaction.Kind.COFFEE
    occurred_on = factory.LazyFunction(date.today)


class EventFactory(factory.django.DjangoModelFactory[Event]):
    class Meta:
        model = Event

    user = factory.SubFactory(UserFactory)
    name = "Data Engineering Meetup"
    kind = Event.Kind.MEETUP
    held_on = factory.LazyFunction(date.today)
    place = "Berlin"


class FollowUpFactory(factory.django.DjangoModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    event = factory.SubFactory(EventFactory)
    text = "Send my CV"
    due_on = factory.LazyFunction(lambda: date.today() + timedelta(days=7))


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    user = factory.SubFactory(UserFactory)
    name = "Association for Computing Machinery"

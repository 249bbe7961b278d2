"""The private calendar feed: valid iCalendar, stable entries, secret address."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from headway.accounts.models import User
from headway.plans import services
from headway.plans.calendar import uid_for
from tests.plans.factories import GoalFactory

pytestmark = pytest.mark.django_db


def _feed(client: Client, user: User) -> Calendar:
    token = services.plan_settings_ensure(user).calendar_token
    response = client.get(reverse("plans-calendar-feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_feed_holds_milestones_reviews_and_target_dates(owner: User) -> None:
    goal = services.goal_create(
        user=owner,
        data={"statement": "Learn SQL", "target_date": date(2026, 9, 30), "status": "active"},
    )
    milestone = services.milestone_create(goal=goal, title="Module 1", due_on=date(2026, 4, 1))
    GoalFactory(user=owner, status="dropped", statement="Old idea")
    calendar = _feed(Client(), owner)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        uid_for("goal-target", goal.pk),
        uid_for("goal-review", goal.pk),
        uid_for("milestone", milestone.pk),
    }
    assert str(events[uid_for("milestone", milestone.pk)]["SUMMARY"]) == "Module 1"
    assert events[uid_for("milestone", milestone.pk)].decoded("DTSTART") == date(2026, 4, 1)
    assert events[uid_for("goal-review", goal.pk)].decoded("DTSTART") == date(2026, 4, 10)
    assert str(events[uid_for("goal-target", goal.pk)]["SUMMARY"]) == "Goal target: Learn SQL"
    assert str(calendar["X-WR-CALNAME"]).startswith("Headway: ")


def test_entries_keep_their_uid_when_their_date_moves(owner: User) -> None:
    goal = services.goal_create(
        user=owner, data={"statement": "Learn SQL", "target_date": date(2026, 9, 30)}
    )
    milestone = services.milestone_create(goal=goal, title="Module 1", due_on=date(2026, 4, 1))
    before = {str(e["UID"]) for e in _feed(Client(), owner).walk("VEVENT")}
    services.milestone_update(milestone=milestone, title="Module 1", due_on=date(2026, 5, 1))
    after = _feed(Client(), owner).walk("VEVENT")
    assert {str(e["UID"]) for e in after} == before
    moved = next(e for e in after if str(e["UID"]) == uid_for("milestone", milestone.pk))
    assert moved.decoded("DTSTART") == date(2026, 5, 1)


def test_a_feed_shows_only_its_owners_dates(owner: User, stranger: User) -> None:
    GoalFactory(user=stranger, statement="Not yours")
    assert not list(_feed(Client(), owner).walk("VEVENT"))


def test_an_inactive_users_feed_is_gone(owner: User) -> None:
    token = services.plan_settings_ensure(owner).calendar_token
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert Client().get(reverse("plans-calendar-feed", args=[token])).status_code == 404

"""Interactions, goals that count them, and keeping in touch through reminders and the calendar."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from headway.accounts.models import User
from headway.network.models import GoalInteractionTarget, Interaction
from headway.network.services import (
    contact_create,
    goal_target_create,
    goal_target_recount,
    interaction_create,
    interaction_delete,
    interaction_update,
)
from headway.plans.models import Goal
from headway.plans.reminders import reminders_send
from headway.plans.services import goal_update, plan_settings_ensure
from tests.network.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    InteractionFactory,
    make_counting_goal,
    make_goal,
)

pytestmark = pytest.mark.django_db

INTERVIEW = Interaction.Kind.INFORMATIONAL_INTERVIEW


def _log(client: Client, **data: Any) -> Any:
    return client.post(reverse("network-interaction-create"), data)


def test_interviews_linked_to_the_goal_count_from_before_counting_began(
    owner: User, owner_client: Client
) -> None:
    with time_machine.travel(date(2026, 1, 10), tick=False):
        goal = make_counting_goal(owner, target_date=date(2026, 6, 30))
        contact = ContactFactory(user=owner)
        # Two interviews from last month, logged for the goal, and one not linked to it.
        for day in (date(2025, 12, 2), date(2025, 12, 9)):
            interaction_create(
                user=owner, contact_id=contact.pk, kind=INTERVIEW, occurred_on=day, goal_id=goal.pk
            )
        interaction_create(
            user=owner, contact_id=contact.pk, kind=INTERVIEW, occurred_on=date(2025, 12, 20)
        )
        goal_target_create(user=owner, goal_id=goal.pk, kind=INTERVIEW)
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(2)
        page = owner_client.get(reverse("network-targets")).content.decode()
        assert "1 earlier informational interview, from before 10 Jan 2026" in page
        assert "is not counted" in page


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_an_interaction_is_logged_from_the_contact_page(owner_client: Client, owner: User) -> None:
    goal = make_goal(owner)
    contact = ContactFactory(user=owner, name="Zoë")
    page = owner_client.get(reverse("network-contact", args=[contact.pk])).content.decode()
    assert 'value="2026-03-16"' in page
    response = _log(
        owner_client,
        contact=contact.pk,
        kind="coffee",
        occurred_on="2026-03-14",
        goal=goal.pk,
        notes="Talked about the data team.",
    )
    assert response["Location"] == reverse("network-contact", args=[contact.pk])
    page = owner_client.get(response["Location"]).content.decode()
    assert "14 Mar 2026" in page
    assert "Talked about the data team." in page
    interaction = Interaction.objects.get()
    assert (interaction.user, interaction.goal) == (owner, goal)


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_an_interaction_cannot_be_in_the_future_or_with_someone_elses_contact(
    owner_client: Client, owner: User, stranger: User
) -> None:
    contact = ContactFactory(user=owner)
    response = _log(owner_client, contact=contact.pk, kind="call", occurred_on="2026-03-17")
    assert "Log an interaction once it has happened: 17 Mar 2026 is in the future." in (
        response.content.decode()
    )
    theirs = ContactFactory(user=stranger)
    response = _log(owner_client, contact=theirs.pk, kind="call", occurred_on="2026-03-16")
    assert 'id="id_contact_error"' in response.content.decode()
    response = owner_client.post(
        "/api/network/interactions",
        {"contact_id": theirs.pk, "kind": "call", "occurred_on": "2026-03-16"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "Choose one of your contacts.", "field": "contact_id"}
    their_goal = make_goal(stranger)
    response = owner_client.post(
        "/api/network/interactions",
        {
            "contact_id": contact.pk,
            "kind": "call",
            "occurred_on": "2026-03-16",
            "goal_id": their_goal.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Interaction.objects.exists()


def test_the_interaction_form_post_needs_a_csrf_token(csrf_client: Client, owner: User) -> None:
    contact = ContactFactory(user=owner)
    data = {"contact": contact.pk, "kind": "call", "occurred_on": date.today().isoformat()}
    assert csrf_client.post(reverse("network-interaction-create"), data).status_code == 403


def test_the_interactions_page_takes_the_same_queries_for_many(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    goal = make_goal(owner)
    InteractionFactory(contact=ContactFactory(user=owner), goal=goal)
    with CaptureQueriesContext(connection) as few:
        owner_client.get(reverse("network-interactions"))
    for _ in range(10):
        InteractionFactory(contact=ContactFactory(user=owner), goal=goal)
    with django_assert_num_queries(len(few)):
        owner_client.get(reverse("network-interactions"))


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_a_goal_counts_its_interactions_as_they_are_logged_changed_and_deleted(
    owner_client: Client, owner: User
) -> None:
    goal = make_counting_goal(owner, target=5, target_date=date(2026, 6, 30))
    contact = ContactFactory(user=owner)
    response = owner_client.post(
        reverse("network-target-create"), {"goal": goal.pk, "kind": INTERVIEW}
    )
    assert response.status_code == 302
    first = _log(owner_client, contact=contact.pk, kind=INTERVIEW, occurred_on="2026-03-16")
    assert first.status_code == 302
    _log(owner_client, contact=contact.pk, kind=INTERVIEW, occurred_on="2026-03-16")
    _log(owner_client, contact=contact.pk, kind="coffee", occurred_on="2026-03-16")
    goal.refresh_from_db()
    assert goal.metric_current == Decimal("2.00")
    assert goal.progress.percent == 40
    assert [r.value for r in goal.readings.order_by("id")] == [Decimal(1), Decimal(2)]
    assert goal.readings.last().note == "2 logged (informational interview)"  # type: ignore[union-attr]

    interview = Interaction.objects.filter(kind=INTERVIEW).first()
    assert interview is not None
    owner_client.post(
        reverse("network-interaction-edit", args=[interview.pk]),
        {"contact": contact.pk, "kind": "call", "occurred_on": "2026-03-16"},
    )
    goal.refresh_from_db()
    assert goal.metric_current == Decimal(1)
    remaining = Interaction.objects.get(kind=INTERVIEW)
    owner_client.post(reverse("network-interaction-delete", args=[remaining.pk]))
    goal.refresh_from_db()
    assert goal.metric_current == Decimal(0)
    # The readings draw the goal's progress chart on its page.
    page = owner_client.get(reverse("plans-goal", args=[goal.pk]))
    assert page.status_code == 200
    assert goal.readings.count() == 4


def test_counting_keeps_to_the_period_and_optionally_to_the_goal(owner: User) -> None:
    with time_machine.travel(date(2026, 1, 10), tick=False):
        goal = make_counting_goal(owner, target_date=date(2026, 6, 30))
        other = make_goal(owner, "Another goal")
        contact = ContactFactory(user=owner)
        # Before the goal existed: not counted unless counting starts earlier.
        interaction_create(
            user=owner, contact_id=contact.pk, kind=INTERVIEW, occurred_on=date(2026, 1, 2)
        )
        target = goal_target_create(user=owner, goal_id=goal.pk, kind=INTERVIEW)
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(0)
        interaction_create(
            user=owner,
            contact_id=contact.pk,
            kind=INTERVIEW,
            occurred_on=date(2026, 1, 10),
            goal_id=other.pk,
        )
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(1)
    with time_machine.travel(date(2026, 7, 2), tick=False):
        # After the target date: not counted.
        interaction_create(
            user=owner, contact_id=contact.pk, kind=INTERVIEW, occurred_on=date(2026, 7, 1)
        )
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(1)
        from headway.network.services import goal_target_update

        goal_target_update(target=target, kind=INTERVIEW, starts_on=date(2026, 1, 1))
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(2)
        goal_target_update(target=target, kind=INTERVIEW, only_for_goal=True)
        goal.refresh_from_db()
        assert goal.metric_current == Decimal(0)


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_only_an_own_goal_with_a_growing_metric_can_count(
    owner_client: Client, owner: User, stranger: User
) -> None:
    def create(goal: Goal) -> Any:
        return owner_client.post(
            "/api/network/goal-targets",
            {"goal_id": goal.pk, "kind": INTERVIEW},
            content_type="application/json",
        )

    response = create(make_goal(owner, "No metric"))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Give this goal a metric first")
    assert create(make_counting_goal(stranger)).json() == {
        "detail": "Choose one of your own goals.",
        "field": "goal_id",
    }
    goal = make_counting_goal(owner)
    created = create(goal)
    assert created.status_code == 201
    assert created.json()["count"] == 0
    assert created.json()["period_start"] == "2026-03-16"
    assert create(goal).json()["detail"].startswith("This goal already counts interactions")
    # The page shows the same refusal next to the field.
    response = owner_client.post(
        reverse("network-target-create"), {"goal": make_goal(owner).pk, "kind": INTERVIEW}
    )
    assert 'id="id_goal_error"' in response.content.decode()


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_the_goal_counts_page_shows_progress_in_few_queries(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    contact = ContactFactory(user=owner)
    goal = make_counting_goal(owner)
    goal_target_create(user=owner, goal_id=goal.pk, kind=INTERVIEW)
    interaction_create(
        user=owner, contact_id=contact.pk, kind=INTERVIEW, occurred_on=date(2026, 3, 16)
    )
    with CaptureQueriesContext(connection) as few:
        response = owner_client.get(reverse("network-targets"))
    assert "1 → 1 of 5 interviews" in response.content.decode()
    for n in range(4):
        other = make_goal(
            owner, f"Goal {n}", metric_baseline=0, metric_target=3, metric_unit="calls"
        )
        goal_target_create(user=owner, goal_id=other.pk, kind="call")
    with django_assert_num_queries(len(few)):
        owner_client.get(reverse("network-targets"))


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_the_overview_takes_the_same_queries_however_big_the_network(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    def grow(n: int) -> None:
        contact = contact_create(
            user=owner, data={"name": f"C{n}", "keep_in_touch_weeks": 1, "tags": [f"t{n}"]}
        )
        interaction_create(
            user=owner, contact_id=contact.pk, kind="call", occurred_on=date(2026, 3, 1)
        )
        event = EventFactory(user=owner, held_on=date(2026, 4, n + 1))
        event.contacts.add(contact)
        FollowUpFactory(event=event, due_on=date(2026, 3, 20))
        goal = make_goal(owner, f"G{n}", metric_baseline=0, metric_target=3, metric_unit="calls")
        goal_target_create(user=owner, goal_id=goal.pk, kind="call")

    grow(0)
    with CaptureQueriesContext(connection) as few:
        response = owner_client.get(reverse("network-overview"))
    assert "C0" in response.content.decode()
    for n in range(1, 6):
        grow(n)
    with django_assert_num_queries(len(few)):
        owner_client.get(reverse("network-overview"))


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_a_goal_is_counted_again_when_its_metric_changes(owner: User) -> None:
    goal = make_counting_goal(owner)
    goal_target_create(user=owner, goal_id=goal.pk, kind="call")
    contact = ContactFactory(user=owner)
    interaction_create(
        user=owner, contact_id=contact.pk, kind="call", occurred_on=date(2026, 3, 16)
    )
    goal_update(goal=goal, data={"metric_baseline": 2}, reason="Two calls before the goal.")
    # The edit itself counted again: two before the goal and one since.
    goal.refresh_from_db()
    assert goal.metric_current == Decimal(3)
    assert goal.readings.latest("id").note == "1 logged (call)"
    assert goal_target_recount(goal=goal) is None
    assert goal_target_recount(goal=make_goal(owner)) is None


def test_a_goal_without_a_metric_any_more_is_left_alone(owner: User) -> None:
    with time_machine.travel(date(2026, 3, 16), tick=False):
        goal = make_counting_goal(owner)
        target = goal_target_create(user=owner, goal_id=goal.pk, kind="call")
        goal_update(
            goal=goal,
            data={"metric_baseline": None, "metric_target": None, "metric_unit": ""},
            reason="No metric after all.",
        )
        contact = ContactFactory(user=owner)
        interaction = interaction_create(
            user=owner, contact_id=contact.pk, kind="call", occurred_on=date(2026, 3, 16)
        )
        interaction_update(
            interaction=interaction,
            contact_id=contact.pk,
            kind="call",
            occurred_on=date(2026, 3, 15),
        )
        interaction_delete(interaction=interaction)
    goal.refresh_from_db()
    assert goal.metric_current is None
    assert GoalInteractionTarget.objects.filter(pk=target.pk).exists()


def test_keep_in_touch_reminders_come_once_per_due_date(owner: User) -> None:
    with time_machine.travel(date(2026, 1, 1), tick=False):
        zoe = contact_create(user=owner, data={"name": "Zoë Lefèvre", "keep_in_touch_weeks": 2})
        contact_create(user=owner, data={"name": "No plan"})
    InteractionFactory(contact=zoe, occurred_on=date(2026, 1, 5))
    with time_machine.travel(date(2026, 1, 18), tick=False):
        assert reminders_send(on=date(2026, 1, 18)).emails == 0
    with time_machine.travel(date(2026, 1, 19), tick=False):
        report = reminders_send(on=date(2026, 1, 19))
        assert report.emails == 1
        body = mail.outbox[0].body
        assert (
            "You planned to keep in touch with Zoë Lefèvre every 2 weeks; last contact was "
            "5 Jan 2026 (2 weeks ago)."
        ) in body
        assert reverse("network-contact", args=[zoe.pk]) in body
        assert "No plan" not in body
        assert reminders_send(on=date(2026, 1, 19)).emails == 0
    with time_machine.travel(date(2026, 1, 25), tick=False):
        interaction_create(
            user=owner, contact_id=zoe.pk, kind="call", occurred_on=date(2026, 1, 25)
        )
        assert reminders_send(on=date(2026, 2, 7)).emails == 0
        assert reminders_send(on=date(2026, 2, 8)).emails == 1


def test_a_contact_never_met_is_reminded_weeks_after_being_added(owner: User) -> None:
    with time_machine.travel(date(2026, 3, 2), tick=False):
        contact_create(user=owner, data={"name": "李雷", "keep_in_touch_weeks": 1})
    with time_machine.travel(date(2026, 3, 9), tick=False):
        reminders_send(on=date(2026, 3, 9))
    assert (
        "keep in touch with 李雷 every week; no contact logged since you added them on 2 Mar 2026."
    ) in mail.outbox[0].body


def test_follow_ups_due_are_reminded_until_done(owner: User) -> None:
    event = EventFactory(user=owner, name="Career fair")
    FollowUpFactory(event=event, text="Send my CV to Zoë", due_on=date(2026, 4, 1))
    FollowUpFactory(event=event, text="Already done", due_on=date(2026, 4, 1), done=True)
    with time_machine.travel(date(2026, 4, 1), tick=False):
        reminders_send(on=date(2026, 4, 1))
    body = mail.outbox[0].body
    assert "Send my CV to Zoë (after “Career fair”), due today" in body
    assert "Already done" not in body


def test_the_calendar_feed_has_keep_in_touch_dates_events_and_follow_ups(
    owner: User, stranger: User
) -> None:
    with time_machine.travel(date(2026, 3, 2), tick=False):
        zoe = contact_create(user=owner, data={"name": "Zoë", "keep_in_touch_weeks": 3})
        event = EventFactory(user=owner, name="PyData Berlin", held_on=date(2026, 4, 20))
        FollowUpFactory(event=event, text="Write to the speaker", due_on=date(2026, 4, 27))
        FollowUpFactory(event=event, text="Done already", due_on=date(2026, 4, 27), done=True)
        contact_create(user=stranger, data={"name": "Stranger's contact", "keep_in_touch_weeks": 1})
    token = plan_settings_ensure(owner).calendar_token
    response = Client().get(reverse("plans-calendar-feed", args=[token]))
    calendar = Calendar.from_ical(response.content)
    entries = {str(e.get("summary")): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert entries["Get in touch with Zoë"] == date(2026, 3, 23)
    assert entries["Meetup: PyData Berlin"] == date(2026, 4, 20)
    assert entries["Follow up: Write to the speaker"] == date(2026, 4, 27)
    assert "Follow up: Done already" not in entries
    assert not any("Stranger" in summary for summary in entries)
    uids = [str(e.get("uid")) for e in calendar.walk("VEVENT")]
    assert f"keep-in-touch-{zoe.pk}@" in " ".join(uids)


def test_a_contacts_interactions_page_with_a_bounded_query_count(
    owner: User, owner_client: Client, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.HEADWAY_PAGE_SIZE = 3
    contact = ContactFactory(user=owner)
    url = reverse("network-contact", args=[contact.pk])
    for n in range(7):
        Interaction.objects.create(
            user=owner, contact=contact, kind="meeting", occurred_on=date(2026, 1, 1 + n)
        )
    with django_assert_max_num_queries(25):
        first = owner_client.get(url)
    assert first.context["interactions"].paginator.count == 7
    assert len(first.context["interactions"].object_list) == 3
    last = owner_client.get(url, {"page": 3})
    assert len(last.context["interactions"].object_list) == 1
    assert "Page 3 of 3" in last.content.decode()

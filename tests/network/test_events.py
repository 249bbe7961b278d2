"""Events with their goals, contacts and follow-ups; professional organisations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from headway.accounts.models import User
from headway.network.models import Event, FollowUp, Organisation
from tests.network.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    OrganisationFactory,
    make_goal,
)

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_an_event_is_recorded_with_goals_contacts_and_follow_ups(
    owner_client: Client, owner: User
) -> None:
    goal = make_goal(owner, "Move into data engineering")
    zoe = ContactFactory(user=owner, name="Zoë Lefèvre")
    response = owner_client.post(
        reverse("network-event-create"),
        {
            "name": "Ōsaka Data Career Fair",
            "kind": "career_fair",
            "held_on": "2026-04-18",
            "place": "Ōsaka",
            "url": "https://fair.example.jp",
            "goals": [goal.pk],
            "contacts": [zoe.pk],
        },
    )
    event = Event.objects.get()
    assert response["Location"] == reverse("network-event", args=[event.pk])
    response = owner_client.post(
        reverse("network-follow-up-create", args=[event.pk]),
        {"text": "Send my CV to Zoë", "due_on": "2026-04-25"},
    )
    assert response.status_code == 302
    page = owner_client.get(reverse("network-event", args=[event.pk])).content.decode()
    for text in (
        "Ōsaka Data Career Fair",
        "Move into data engineering",
        "Zoë Lefèvre",
        "Send my CV to Zoë",
        "25 Apr 2026",
        "Saturday 18 Apr 2026",
    ):
        assert text in page
    # The contact's page says where the user met them.
    assert (
        "Ōsaka Data Career Fair"
        in owner_client.get(reverse("network-contact", args=[zoe.pk])).content.decode()
    )


def test_a_follow_up_without_text_is_explained(owner_client: Client, owner: User) -> None:
    event = EventFactory(user=owner)
    response = owner_client.post(
        reverse("network-follow-up-create", args=[event.pk]), {"text": " ", "due_on": "2026-04-25"}
    )
    assert response.status_code == 200
    assert "Say what to follow up, such as “Send my CV to Zoë”." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_the_follow_up_form_post_needs_a_csrf_token(csrf_client: Client, owner: User) -> None:
    event = EventFactory(user=owner)
    url = reverse("network-follow-up-create", args=[event.pk])
    assert csrf_client.post(url, {"text": "Write", "due_on": "2026-04-25"}).status_code == 403


def test_a_follow_up_is_marked_done_with_htmx_or_without(owner_client: Client, owner: User) -> None:
    follow_up = FollowUpFactory(event=EventFactory(user=owner), text="Write to Ana")
    url = reverse("network-follow-up-done", args=[follow_up.pk])
    response = owner_client.post(url, {"done": "1"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.strip().startswith(f'<li id="follow-up-{follow_up.pk}"')
    assert 'aria-pressed="true"' in body
    follow_up.refresh_from_db()
    assert follow_up.done
    response = owner_client.post(url, {"done": "0"})
    assert response["Location"] == reverse("network-event", args=[follow_up.event_id])
    follow_up.refresh_from_db()
    assert not follow_up.done


def test_a_follow_up_is_edited_and_deleted(owner_client: Client, owner: User) -> None:
    follow_up = FollowUpFactory(event=EventFactory(user=owner))
    owner_client.post(
        reverse("network-follow-up-edit", args=[follow_up.pk]),
        {"text": "Send the portfolio", "due_on": "2026-05-02", "done": "on"},
    )
    follow_up.refresh_from_db()
    assert (follow_up.text, follow_up.due_on, follow_up.done) == (
        "Send the portfolio",
        date(2026, 5, 2),
        True,
    )
    owner_client.post(reverse("network-follow-up-delete", args=[follow_up.pk]))
    assert not FollowUp.objects.exists()


def test_an_event_cannot_list_someone_elses_contacts_or_goals(
    owner_client: Client, owner: User, stranger: User
) -> None:
    theirs = ContactFactory(user=stranger)
    their_goal = make_goal(stranger)
    body = {"name": "Meetup", "held_on": "2026-03-01"}
    response = owner_client.post(
        "/api/network/events", {**body, "contact_ids": [theirs.pk]}, content_type="application/json"
    )
    assert response.json() == {"detail": "Choose among your own contacts.", "field": "contact_ids"}
    response = owner_client.post(
        "/api/network/events",
        {**body, "goal_ids": [their_goal.pk]},
        content_type="application/json",
    )
    assert response.status_code == 422
    response = owner_client.post(reverse("network-event-create"), {**body, "contacts": [theirs.pk]})
    assert 'id="id_contacts_error"' in response.content.decode()
    assert not Event.objects.exists()


def test_the_api_manages_events_and_follow_ups(owner_client: Client, owner: User) -> None:
    goal = make_goal(owner)
    contact = ContactFactory(user=owner)
    created = owner_client.post(
        "/api/network/events",
        {"name": "PyCon", "kind": "conference", "held_on": "2026-05-14", "url": "ftp://x"},
        content_type="application/json",
    )
    assert created.status_code == 422
    assert created.json()["field"] == "url"
    created = owner_client.post(
        "/api/network/events",
        {
            "name": "PyCon",
            "kind": "conference",
            "held_on": "2026-05-14",
            "goal_ids": [goal.pk],
            "contact_ids": [contact.pk],
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    event_id = created.json()["id"]
    follow_up = owner_client.post(
        f"/api/network/events/{event_id}/follow-ups",
        {"text": "Thank the speaker", "due_on": "2026-05-20"},
        content_type="application/json",
    )
    assert follow_up.status_code == 201
    event = owner_client.get(f"/api/network/events/{event_id}").json()
    assert event["goal_ids"] == [goal.pk]
    assert event["contact_ids"] == [contact.pk]
    assert event["follow_ups"][0]["text"] == "Thank the speaker"
    done = owner_client.put(
        f"/api/network/follow-ups/{follow_up.json()['id']}",
        {"text": "Thank the speaker", "due_on": "2026-05-20", "done": True},
        content_type="application/json",
    )
    assert done.json()["done"] is True
    assert owner_client.delete(f"/api/network/events/{event_id}").status_code == 204
    assert not FollowUp.objects.exists()


def test_the_events_page_takes_the_same_queries_for_many(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    goal = make_goal(owner)

    def add() -> None:
        event = EventFactory(user=owner)
        event.goals.add(goal)
        event.contacts.add(ContactFactory(user=owner))
        FollowUpFactory(event=event)

    add()
    with CaptureQueriesContext(connection) as few:
        owner_client.get(reverse("network-events"))
    for _ in range(8):
        add()
    with django_assert_num_queries(len(few)):
        owner_client.get(reverse("network-events"))


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_an_organisation_is_recorded_edited_and_deleted(owner_client: Client, owner: User) -> None:
    goal = make_goal(owner, "Become a chartered engineer")
    response = owner_client.post(
        reverse("network-organisation-create"),
        {
            "name": "IEEE",
            "member_since": "2024-09-01",
            "role": "Student member",
            "url": "ieee.org",
            "goals": [goal.pk],
        },
    )
    body = response.content.decode()
    assert "“ieee.org” is not a web address: links start with http:// or https://." in body
    assert 'value="Student member"' in body
    owner_client.post(
        reverse("network-organisation-create"),
        {
            "name": "IEEE",
            "member_since": "2024-09-01",
            "role": "Student member",
            "url": "https://www.ieee.org",
            "goals": [goal.pk],
        },
    )
    organisation = Organisation.objects.get()
    page = owner_client.get(reverse("network-organisations")).content.decode()
    assert "member since 1 Sep 2024" in page
    assert "Become a chartered engineer" in page
    owner_client.post(
        reverse("network-organisation-edit", args=[organisation.pk]),
        {"name": "IEEE Computer Society", "goals": []},
    )
    organisation.refresh_from_db()
    assert organisation.name == "IEEE Computer Society"
    assert not organisation.goals.exists()
    owner_client.post(reverse("network-organisation-delete", args=[organisation.pk]))
    assert not Organisation.objects.exists()


def test_the_api_manages_organisations(owner_client: Client, owner: User, stranger: User) -> None:
    their_goal = make_goal(stranger)
    refused = owner_client.post(
        "/api/network/organisations",
        {"name": "ACM", "goal_ids": [their_goal.pk]},
        content_type="application/json",
    )
    assert refused.status_code == 422
    created = owner_client.post(
        "/api/network/organisations",
        {"name": "ACM", "member_since": "2023-01-15", "url": "https://acm.org"},
        content_type="application/json",
    )
    assert created.status_code == 201
    listed = owner_client.get("/api/network/organisations").json()["items"]
    assert [(o["name"], o["member_since"]) for o in listed] == [("ACM", "2023-01-15")]


def test_the_organisations_page_takes_the_same_queries_for_many(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    goal = make_goal(owner)
    OrganisationFactory(user=owner).goals.add(goal)
    with CaptureQueriesContext(connection) as few:
        owner_client.get(reverse("network-organisations"))
    for _ in range(6):
        OrganisationFactory(user=owner).goals.add(goal)
    with django_assert_num_queries(len(few)):
        owner_client.get(reverse("network-organisations"))

"""The network section of "download my data", and account deletion taking it all."""

from __future__ import annotations

import json
from datetime import date

import pytest
import time_machine
from django.apps import apps
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.network.services import (
    contact_create,
    event_create,
    follow_up_create,
    goal_target_create,
    interaction_create,
    organisation_create,
)
from tests.factories import PASSWORD
from tests.network.factories import make_counting_goal

pytestmark = pytest.mark.django_db


def _network(owner: User) -> None:
    goal = make_counting_goal(owner)
    contact = contact_create(
        user=owner,
        data={
            "name": "Zoë",
            "email": "zoe@example.org",
            "other_emails": ["zoe@home.example"],
            "phone": "+33 1 23 45 67 89",
            "other_phones": ["+33 6 12 34 56 78"],
            "tags": ["Paris"],
            "goal_ids": [goal.pk],
            "keep_in_touch_weeks": 4,
            "links": ["https://zoe.example"],
        },
    )
    interaction_create(
        user=owner,
        contact_id=contact.pk,
        kind="informational_interview",
        occurred_on=date(2026, 3, 10),
        notes="Great advice",
        goal_id=goal.pk,
    )
    event = event_create(
        user=owner,
        data={
            "name": "Fair",
            "held_on": date(2026, 4, 1),
            "goal_ids": [goal.pk],
            "contact_ids": [contact.pk],
        },
    )
    follow_up_create(event=event, text="Send CV", due_on=date(2026, 4, 8))
    organisation_create(user=owner, data={"name": "IEEE", "goal_ids": [goal.pk]})
    goal_target_create(user=owner, goal_id=goal.pk, kind="informational_interview")


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_download_my_data_has_the_whole_network(owner_client: Client, owner: User) -> None:
    _network(owner)
    data = json.loads(owner_client.get(reverse("accounts-export")).content)
    network = data["sections"]["network"]
    contact = network["contacts"][0]
    assert contact["name"] == "Zoë"
    assert contact["tags"] == ["Paris"]
    assert contact["links"] == ["https://zoe.example"]
    assert (contact["email"], contact["other_emails"]) == ("zoe@example.org", ["zoe@home.example"])
    assert (contact["phone"], contact["other_phones"]) == (
        "+33 1 23 45 67 89",
        ["+33 6 12 34 56 78"],
    )
    assert contact["keep_in_touch_weeks"] == 4
    assert len(contact["goal_ids"]) == 1
    assert network["interactions"][0]["notes"] == "Great advice"
    assert network["interactions"][0]["contact_id"] == contact["id"]
    event = network["events"][0]
    assert event["contact_ids"] == [contact["id"]]
    assert event["follow_ups"][0]["text"] == "Send CV"
    assert network["organisations"][0]["name"] == "IEEE"
    assert network["goal_interaction_targets"][0]["kind"] == "informational_interview"
    assert network["tags"] == ["Paris"]


def _network_rows() -> int:
    return sum(
        model._default_manager.count() for model in apps.get_app_config("network").get_models()
    )


@time_machine.travel(date(2026, 3, 16), tick=False)
def test_deleting_the_account_removes_the_network(
    owner_client: Client, owner: User, stranger: User
) -> None:
    _network(owner)
    _network(stranger)
    before = _network_rows()
    response = owner_client.post(
        reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert _network_rows() == before // 2
    # The M2M link rows went too.
    from headway.network.models import Contact, Event

    assert Contact.goals.through.objects.count() == 1
    assert Event.contacts.through.objects.count() == 1

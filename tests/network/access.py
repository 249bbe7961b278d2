"""Every page and endpoint of the Network step, and who may reach it."""

from __future__ import annotations

from datetime import date
from typing import Any

from headway.accounts.models import User
from headway.network.models import GoalInteractionTarget
from tests.access import Endpoint, Page
from tests.network.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    InteractionFactory,
    OrganisationFactory,
    make_counting_goal,
)


def _contact(user: User) -> dict[str, Any]:
    return {"contact_id": ContactFactory(user=user).pk}


def _interaction(user: User) -> dict[str, Any]:
    return {"interaction_id": InteractionFactory(contact=ContactFactory(user=user)).pk}


def _event(user: User) -> dict[str, Any]:
    return {"event_id": EventFactory(user=user).pk}


def _follow_up(user: User) -> dict[str, Any]:
    return {"follow_up_id": FollowUpFactory(event=EventFactory(user=user)).pk}


def _organisation(user: User) -> dict[str, Any]:
    return {"organisation_id": OrganisationFactory(user=user).pk}


def _target(user: User) -> dict[str, Any]:
    goal = make_counting_goal(user)
    target = GoalInteractionTarget.objects.create(user=user, goal=goal, kind="coffee")
    return {"target_id": target.pk}


TODAY = date.today().isoformat()
POST = ("get", "post")

PAGES = [
    Page("network-overview", "signed_in"),
    Page("network-contacts", "signed_in"),
    Page("network-contact-create", "signed_in"),
    Page("network-contacts-import", "signed_in"),
    Page("network-contacts-vcard", "signed_in"),
    Page("network-contacts-csv", "signed_in"),
    Page("network-contact", "owned", _contact),
    Page("network-contact-edit", "owned", _contact, methods=POST, data={"name": "X"}),
    Page("network-contact-delete", "owned", _contact, methods=POST),
    Page("network-contact-vcard", "owned", _contact),
    Page("network-interactions", "signed_in"),
    Page("network-interaction-create", "signed_in"),
    Page("network-interaction-edit", "owned", _interaction, methods=POST),
    Page("network-interaction-delete", "owned", _interaction, methods=POST),
    Page("network-events", "signed_in"),
    Page("network-event-create", "signed_in"),
    Page("network-event", "owned", _event),
    Page("network-event-edit", "owned", _event, methods=POST),
    Page("network-event-delete", "owned", _event, methods=POST),
    Page(
        "network-follow-up-create",
        "owned",
        _event,
        methods=("post",),
        owner_status=None,
        data={"text": "Write", "due_on": TODAY},
    ),
    Page("network-follow-up-edit", "owned", _follow_up, methods=POST),
    Page("network-follow-up-done", "owned", _follow_up, methods=("post",), owner_status=None),
    Page("network-follow-up-delete", "owned", _follow_up, methods=("post",), owner_status=None),
    Page("network-organisations", "signed_in"),
    Page("network-organisation-create", "signed_in"),
    Page("network-organisation-edit", "owned", _organisation, methods=POST),
    Page("network-organisation-delete", "owned", _organisation, methods=POST),
    Page("network-targets", "signed_in"),
    Page("network-target-create", "signed_in"),
    Page("network-target-edit", "owned", _target, methods=POST),
    Page("network-target-delete", "owned", _target, methods=POST),
]

CONTACT = {"name": "Zoë Lefèvre"}
INTERACTION = {"contact_id": 1, "kind": "coffee", "occurred_on": TODAY}
EVENT = {"name": "Career fair", "held_on": TODAY}
FOLLOW_UP = {"text": "Write to Zoë", "due_on": TODAY}
ORGANISATION = {"name": "IEEE"}
TARGET = {"kind": "coffee"}

ENDPOINTS = [
    Endpoint("/api/network/contacts", "get", "signed_in"),
    Endpoint("/api/network/contacts", "post", "signed_in", body=CONTACT, owner_status=201),
    Endpoint("/api/network/contacts/vcard", "get", "signed_in"),
    Endpoint("/api/network/contacts/csv", "get", "signed_in"),
    # Multipart: the JSON body of the privacy check is refused (422), after authentication.
    Endpoint("/api/network/contacts/import", "post", "signed_in", owner_status=None),
    Endpoint("/api/network/contacts/{contact_id}", "get", "owned", _contact),
    Endpoint("/api/network/contacts/{contact_id}", "put", "owned", _contact, body=CONTACT),
    Endpoint("/api/network/contacts/{contact_id}", "delete", "owned", _contact, owner_status=204),
    Endpoint("/api/network/contacts/{contact_id}/vcard", "get", "owned", _contact),
    Endpoint("/api/network/interactions", "get", "signed_in"),
    # The contact id belongs to nobody here: the owner is refused with 422.
    Endpoint("/api/network/interactions", "post", "signed_in", body=INTERACTION, owner_status=None),
    Endpoint("/api/network/interactions/{interaction_id}", "get", "owned", _interaction),
    Endpoint(
        "/api/network/interactions/{interaction_id}",
        "put",
        "owned",
        _interaction,
        body=INTERACTION,
        owner_status=None,
    ),
    Endpoint(
        "/api/network/interactions/{interaction_id}",
        "delete",
        "owned",
        _interaction,
        owner_status=204,
    ),
    Endpoint("/api/network/events", "get", "signed_in"),
    Endpoint("/api/network/events", "post", "signed_in", body=EVENT, owner_status=201),
    Endpoint("/api/network/events/{event_id}", "get", "owned", _event),
    Endpoint("/api/network/events/{event_id}", "put", "owned", _event, body=EVENT),
    Endpoint("/api/network/events/{event_id}", "delete", "owned", _event, owner_status=204),
    Endpoint(
        "/api/network/events/{event_id}/follow-ups",
        "post",
        "owned",
        _event,
        body=FOLLOW_UP,
        owner_status=201,
    ),
    Endpoint("/api/network/follow-ups/{follow_up_id}", "put", "owned", _follow_up, body=FOLLOW_UP),
    Endpoint(
        "/api/network/follow-ups/{follow_up_id}", "delete", "owned", _follow_up, owner_status=204
    ),
    Endpoint("/api/network/organisations", "get", "signed_in"),
    Endpoint(
        "/api/network/organisations", "post", "signed_in", body=ORGANISATION, owner_status=201
    ),
    Endpoint("/api/network/organisations/{organisation_id}", "get", "owned", _organisation),
    Endpoint(
        "/api/network/organisations/{organisation_id}",
        "put",
        "owned",
        _organisation,
        body=ORGANISATION,
    ),
    Endpoint(
        "/api/network/organisations/{organisation_id}",
        "delete",
        "owned",
        _organisation,
        owner_status=204,
    ),
    Endpoint("/api/network/goal-targets", "get", "signed_in"),
    # The goal id belongs to nobody here: the owner is refused with 422.
    Endpoint(
        "/api/network/goal-targets",
        "post",
        "signed_in",
        body={"goal_id": 1, "kind": "coffee"},
        owner_status=None,
    ),
    Endpoint("/api/network/goal-targets/{target_id}", "get", "owned", _target),
    Endpoint("/api/network/goal-targets/{target_id}", "put", "owned", _target, body=TARGET),
    Endpoint("/api/network/goal-targets/{target_id}", "delete", "owned", _target, owner_status=204),
]

"""Hard edges of input: bodies too large to read, text too long, names that cannot be shown."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.domain.text import NOTES_MAX
from headway.feedback.models import Scope
from headway.feedback.services import invitation_create
from headway.network.models import Contact, Interaction
from tests.network.factories import ContactFactory

pytestmark = pytest.mark.django_db

FIFTY_MB = 50 * 1024 * 1024


def _claims_fifty_mb(client: Client, path: str, content_type: str) -> object:
    # The payload holds a few bytes but declares 50 MB: the test client's stream fails loudly if
    # anything tries to read past what it holds, so a 413 here proves nothing read the body.
    return client.generic(
        "POST", path, b"--x\r\n", content_type=content_type, CONTENT_LENGTH=str(FIFTY_MB)
    )


def test_a_50_mb_upload_is_refused_before_it_is_read(owner_client: Client) -> None:
    response = _claims_fifty_mb(
        owner_client, reverse("network-contacts-import"), "multipart/form-data; boundary=x"
    )
    assert response.status_code == 413  # type: ignore[attr-defined]
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "This request is 50 MiB; Headway accepts up to 3 MiB at a time." in body


def test_a_50_mb_api_body_is_refused_with_json(owner_client: Client) -> None:
    response = _claims_fifty_mb(owner_client, "/api/network/contacts", "application/json")
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert "accepts up to 3 MiB" in response.json()["detail"]  # type: ignore[attr-defined]


def test_a_body_under_the_limit_is_read_as_usual(owner_client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.HEADWAY_MAX_REQUEST_BYTES = 2048
    small = owner_client.post(
        reverse("network-contact-create"), {"name": "Ada", "relationship": "other", "notes": "x"}
    )
    assert small.status_code == 302
    large = owner_client.post(
        reverse("network-contact-create"),
        {"name": "Bea", "relationship": "other", "notes": "x" * 3000},
    )
    assert large.status_code == 413
    assert list(Contact.objects.values_list("name", flat=True)) == ["Ada"]


def test_contact_notes_are_bounded_in_the_form_and_the_api(
    owner_client: Client, owner: User
) -> None:
    long_notes = "n" * (NOTES_MAX + 1)
    response = owner_client.post(
        reverse("network-contact-create"),
        {"name": "Ada", "relationship": "other", "notes": long_notes},
    )
    assert response.status_code == 200
    assert "Keep this under 10,000 characters (it has 10,001)." in response.content.decode()
    response = owner_client.post(
        "/api/network/contacts",
        json.dumps({"name": "Ada", "notes": long_notes}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Contact.objects.exists()


def test_interaction_notes_are_bounded(owner_client: Client, owner: User) -> None:
    contact = ContactFactory(user=owner)
    response = owner_client.post(
        reverse("network-interaction-create"),
        {"contact": contact.pk, "kind": "call", "occurred_on": "2026-01-05", "notes": "n" * 10_001},
    )
    assert response.status_code == 200
    assert "Keep this under 10,000 characters" in response.content.decode()
    assert not Interaction.objects.exists()


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u200d\ufeff", " \u2060 ", "\u3164"])
def test_a_name_of_only_invisible_characters_is_refused(owner_client: Client, name: str) -> None:
    response = owner_client.post(
        reverse("network-contact-create"), {"name": name, "relationship": "other"}
    )
    assert response.status_code == 200
    assert "Give the contact a name." in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Alice\nBcc: everyone@example.org", "Write your name on one line"),
        ("Alice\u2028Smith", "Write your name on one line"),
        ("Alice\tSmith", "Write your name on one line"),
        ("\u200b\u200c", "Your name is made only of invisible characters."),
    ],
)
def test_a_display_name_that_cannot_be_shown_is_refused(
    owner_client: Client, owner: User, name: str, message: str
) -> None:
    response = owner_client.post(reverse("accounts-settings"), {"display_name": name})
    assert response.status_code == 200
    assert message in response.content.decode()
    response = owner_client.patch(
        "/api/account/me", json.dumps({"display_name": name}), content_type="application/json"
    )
    assert response.status_code == 422
    assert message in response.json()["detail"]
    owner.refresh_from_db()
    assert owner.display_name == "Alice"


def test_a_stored_line_break_no_longer_stops_invitation_emails(owner: User) -> None:
    User.objects.filter(pk=owner.pk).update(display_name="Alice\nSmith")
    owner.refresh_from_db()
    invitation_create(
        owner=owner,
        email="mentor@example.org",
        role="mentor",
        message="",
        scope=Scope.PLAN,
        goals=[],
    )
    assert [m.subject for m in mail.outbox] == [
        "[Headway] Alice Smith asks for your feedback on their career plan"
    ]


def test_long_texts_of_the_plan_are_bounded_in_the_form_and_the_api(
    owner_client: Client, owner: User
) -> None:
    from headway.plans.models import Vision

    url = reverse("plans-vision-edit", args=[5])
    form = owner_client.get(url).content.decode()
    assert f'maxlength="{NOTES_MAX}"' in form  # the browser stops typing there
    long = "x" * (NOTES_MAX + 1)
    data = {"target_role": "Data analyst", "work_mode": "hybrid", "responsibilities": long}
    response = owner_client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Keep this under {NOTES_MAX:,} characters (it has {NOTES_MAX + 1:,})." in body
    assert long in body  # what was typed is kept
    assert not Vision.objects.filter(user=owner, responsibilities=long).exists()
    response = owner_client.put(
        "/api/plan/visions/5",
        json.dumps({"target_role": "Data analyst", "responsibilities": long}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "responsibilities"
    assert not Vision.objects.filter(user=owner, responsibilities=long).exists()

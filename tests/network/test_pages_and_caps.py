"""Long lists come a page at a time; imports and address books have a size limit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.network.models import Contact, Event
from tests.network.factories import (
    ContactFactory,
    EventFactory,
    InteractionFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

PAGE = 5


@pytest.fixture(autouse=True)
def _small_pages(settings: Any) -> None:
    settings.HEADWAY_PAGE_SIZE = PAGE


def _past(n: int) -> Any:
    return timezone.localdate() - timedelta(days=n + 1)


LISTS: list[tuple[str, str, Callable[[User, int], Any]]] = [
    ("network-contacts", "contacts", lambda u, n: ContactFactory(user=u, name=f"Person {n:03}")),
    (
        "network-interactions",
        "interactions",
        lambda u, n: InteractionFactory(contact=ContactFactory(user=u), occurred_on=_past(n)),
    ),
    ("network-events", "past", lambda u, n: EventFactory(user=u, held_on=_past(n))),
    ("network-organisations", "organisations", lambda u, n: OrganisationFactory(user=u)),
]


@pytest.mark.parametrize(("url_name", "key", "make"), LISTS, ids=[row[0] for row in LISTS])
def test_a_long_list_pages_in_constant_queries(
    owner_client: Client, owner: User, url_name: str, key: str, make: Callable[[User, int], Any]
) -> None:
    for n in range(PAGE + 1):
        make(owner, n)
    url = reverse(url_name)
    with CaptureQueriesContext(connection) as few:
        owner_client.get(url)
    for n in range(PAGE + 1, 3 * PAGE + 2):
        make(owner, n)
    with CaptureQueriesContext(connection) as many:
        first = owner_client.get(url)
    assert len(many) == len(few)
    assert len(first.context[key]) == PAGE
    body = first.content.decode()
    assert f"Page 1 of 4 (1–{PAGE} of {3 * PAGE + 2})" in body  # noqa: RUF001
    assert 'href="?page=2" rel="next"' in body
    last = owner_client.get(url, {"page": "4"})
    assert len(last.context[key]) == 2
    assert 'rel="prev"' in last.content.decode()
    # A page past the end or not a number shows the nearest real page, not an error.
    assert "Page 4 of 4" in owner_client.get(url, {"page": "99"}).content.decode()
    assert "Page 1 of 4" in owner_client.get(url, {"page": "x"}).content.decode()


def test_the_next_page_keeps_the_filter(owner_client: Client, owner: User) -> None:
    for n in range(PAGE + 2):
        ContactFactory(user=owner, name=f"Ada {n}")
    ContactFactory(user=owner, name="Zoë")
    response = owner_client.get(reverse("network-contacts"), {"q": "ada"})
    body = response.content.decode()
    assert f"{PAGE + 2} contacts match" in body
    assert 'href="?q=ada&amp;page=2" rel="next"' in body


def test_the_event_form_lists_a_bounded_few_contacts_and_finds_others(
    owner_client: Client, owner: User
) -> None:
    Contact.objects.bulk_create(
        [
            Contact(user=owner, name=f"Person {n:03}", search_text=f"person {n:03}")
            for n in range(120)
        ]
    )
    zoe = ContactFactory(user=owner, name="Zoë Quant")
    zoe.refresh_search_text()
    zoe.save()
    oldest = Contact.objects.filter(user=owner).order_by("id").first()
    assert oldest is not None
    page = owner_client.get(reverse("network-event-create")).content.decode()
    assert page.count('name="contacts"') == 50
    assert f'value="{oldest.pk}"' not in page
    found = owner_client.get(reverse("network-event-create"), {"find": "person 000"})
    assert found.content.decode().count('name="contacts"') == 1
    # Any of the user's contacts can be chosen, listed or not.
    response = owner_client.post(
        reverse("network-event-create"),
        {"name": "Meetup", "kind": "meetup", "held_on": "2026-01-05", "contacts": [oldest.pk]},
    )
    assert response.status_code == 302
    event = Event.objects.get(user=owner)
    assert list(event.contacts.all()) == [oldest]
    edit = owner_client.get(reverse("network-event-edit", args=[event.pk])).content.decode()
    assert f'value="{oldest.pk}"' in edit and "checked" in edit


def _vcards(count: int, prefix: str = "Person") -> bytes:
    cards = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{prefix} {n}\r\nN:{n};{prefix};;;\r\nEND:VCARD\r\n"
        for n in range(count)
    )
    return "".join(cards).encode()


def _import(client: Client, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("book.vcf", data, content_type="text/vcard")
    return client.post(reverse("network-contacts-import"), {"file": upload})


def test_an_import_over_the_per_import_limit_is_refused_whole(
    owner_client: Client, settings: Any
) -> None:
    settings.HEADWAY_IMPORT_MAX_CONTACTS = 10
    response = _import(owner_client, _vcards(11))
    assert "This file holds 11 cards; one import takes up to 10." in response.content.decode()
    assert not Contact.objects.exists()
    assert _import(owner_client, _vcards(10)).status_code == 200
    assert Contact.objects.count() == 10


def test_an_import_past_the_per_user_limit_is_refused_whole(
    owner_client: Client, owner: User, settings: Any
) -> None:
    settings.HEADWAY_MAX_CONTACTS = 12
    for n in range(8):
        ContactFactory(user=owner, name=f"Kept {n}")
    response = _import(owner_client, _vcards(5))
    assert (
        "This file adds 5 contacts. An account keeps up to 12 contacts and you have 8: there is "
        "room for 4 more." in response.content.decode()
    )
    assert Contact.objects.count() == 8


def test_adding_a_contact_past_the_per_user_limit_is_refused(
    owner_client: Client, owner: User, settings: Any
) -> None:
    settings.HEADWAY_MAX_CONTACTS = 2
    ContactFactory(user=owner)
    ContactFactory(user=owner)
    response = owner_client.post(
        reverse("network-contact-create"), {"name": "Third", "relationship": "other"}
    )
    assert "An account keeps up to 2 contacts" in response.content.decode()
    assert Contact.objects.count() == 2

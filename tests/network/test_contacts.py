"""Contacts through the pages and the API: create, find, edit, delete, and the goals they serve."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from headway.accounts.models import User
from headway.network.models import Contact, Tag
from headway.network.services import contact_create
from tests.network.factories import ContactFactory, InteractionFactory, make_goal

pytestmark = pytest.mark.django_db


def _form(**data: Any) -> dict[str, Any]:
    return {"name": "José Núñez", "relationship": "mentor", **data}


def test_a_contact_is_added_with_tags_links_and_goals(owner_client: Client, owner: User) -> None:
    goal = make_goal(owner)
    response = owner_client.post(
        reverse("network-contact-create"),
        _form(
            organisation="Compañía Ibérica",
            role="Director",
            how_met="PyCon ES sprint",
            email="jose@iberica.example",
            phone="+34 600 123 456",
            links="https://iberica.example/jose\nhttp://blog.example",
            tags="Mentors, Madrid, mentors",
            keep_in_touch_weeks="6",
            notes="Likes tea.",
            goals=[goal.pk],
        ),
    )
    contact = Contact.objects.get(user=owner)
    assert response.status_code == 302
    assert response["Location"] == reverse("network-contact", args=[contact.pk])
    assert contact.links == ["https://iberica.example/jose", "http://blog.example"]
    assert [t.name for t in contact.tags.all()] == ["Madrid", "Mentors"]
    assert list(contact.goals.all()) == [goal]
    assert contact.keep_in_touch_weeks == 6
    page = owner_client.get(response["Location"]).content.decode()
    assert "José Núñez" in page
    assert goal.statement in page
    assert "Every 6 weeks" in page


def test_the_form_says_when_there_are_no_goals_to_link(owner_client: Client, owner: User) -> None:
    url = reverse("network-contact-create")
    assert "You have no goals yet" in owner_client.get(url).content.decode()
    make_goal(owner)
    page = owner_client.get(url).content.decode()
    assert "You have no goals yet" not in page
    assert "The goals this contact can help with." in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "email",
            "jose@",
            "“jose@” is not an email address: it should look like name@example.org.",
        ),
        (
            "links",
            "https://ok.example\nftp://files.example",
            "Link 2: “ftp://files.example” is not a web address",
        ),
        ("links", "javascript:alert(1)", "“javascript:alert(1)” is not a web address"),
        ("phone", "call me", "“call me” is not a phone number"),
        (
            "other_emails",
            "ana@example.org\nana@",
            "Address 2: “ana@” is not an email address: it should look like name@example.org.",
        ),
        (
            "other_emails",
            # With no main address the first becomes it, leaving six others.
            "\n".join(f"ana{n}@example.org" for n in range(7)),
            "Keep to 5 other email addresses, besides the main one.",
        ),
        ("other_phones", "+49 30 1234\ncall me", "Number 2: “call me” is not a phone number"),
        (
            "other_phones",
            "\n".join(f"+49 30 123{n}" for n in range(7)),
            "Keep to 5 other phone numbers, besides the main one.",
        ),
        ("name", "  ", "Give the contact a name."),
        ("keep_in_touch_weeks", "500", "Keep in touch every 1 to 104 weeks"),
    ],
)
def test_a_bad_input_is_explained_next_to_its_field_and_nothing_typed_is_lost(
    owner_client: Client, field: str, value: str, message: str
) -> None:
    data = _form(organisation="Typed Org", notes="Typed notes stay.", **{field: value})
    response = owner_client.post(reverse("network-contact-create"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in body
    assert message in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert 'value="Typed Org"' in body
    assert "Typed notes stay." in body
    assert not Contact.objects.exists()


def test_a_contact_keeps_all_their_email_addresses_and_phone_numbers(
    owner_client: Client, owner: User
) -> None:
    response = owner_client.post(
        reverse("network-contact-create"),
        _form(
            email="jose@iberica.example",
            other_emails="pepe@correo.example\n\nJOSE@iberica.example\n jose@uni.example ",
            phone="+34 600 123 456",
            other_phones="+34 91 123 45 67\n+34600123456",
        ),
    )
    assert response.status_code == 302
    contact = Contact.objects.get(user=owner)
    # Each once, in any case or spacing; the main ones are not repeated among the others.
    assert contact.email == "jose@iberica.example"
    assert contact.other_emails == ["pepe@correo.example", "jose@uni.example"]
    assert contact.phone == "+34 600 123 456"
    assert contact.other_phones == ["+34 91 123 45 67"]
    page = owner_client.get(response["Location"]).content.decode()
    assert '<a href="mailto:pepe@correo.example">pepe@correo.example</a>' in page
    assert '<a href="mailto:jose@uni.example">jose@uni.example</a>' in page
    assert '<a href="tel:+34 91 123 45 67">+34 91 123 45 67</a>' in page
    edit = owner_client.get(reverse("network-contact-edit", args=[contact.pk])).content.decode()
    assert "pepe@correo.example\njose@uni.example</textarea>" in edit
    assert "+34 91 123 45 67</textarea>" in edit
    assert "More email addresses, one per line (up to 5)." in edit
    # Emptied on the form, they go.
    response = owner_client.post(
        reverse("network-contact-edit", args=[contact.pk]),
        _form(email="jose@iberica.example", other_emails="", other_phones=""),
    )
    contact.refresh_from_db()
    assert (contact.other_emails, contact.phone, contact.other_phones) == ([], "", [])


def test_with_no_main_email_or_phone_the_first_other_becomes_it(owner: User) -> None:
    contact = contact_create(
        user=owner,
        data={
            "name": "Ana",
            "other_emails": ["ana@example.org", "ana@home.example"],
            "other_phones": "+49 30 1234",
        },
    )
    assert (contact.email, contact.other_emails) == ("ana@example.org", ["ana@home.example"])
    assert (contact.phone, contact.other_phones) == ("+49 30 1234", [])


def test_a_refused_other_address_keeps_everything_typed(owner_client: Client) -> None:
    typed = "ana@example.org\nnot an address\n+49 30 1234"
    response = owner_client.post(
        reverse("network-contact-create"),
        _form(email="ana@main.example", other_emails=typed, other_phones="+49 30 1234"),
    )
    body = response.content.decode().replace("&quot;", '"')
    assert 'id="id_other_emails_error"' in body
    assert "Address 2: “not an address” is not an email address" in body
    assert typed + "</textarea>" in body
    assert 'value="ana@main.example"' in body
    assert "+49 30 1234</textarea>" in body
    assert not Contact.objects.exists()


def test_a_contact_cannot_be_linked_to_another_users_goal(
    owner_client: Client, owner: User, stranger: User
) -> None:
    theirs = make_goal(stranger, "Their goal")
    # The page offers only the owner's goals; a forged choice is refused.
    response = owner_client.post(reverse("network-contact-create"), _form(goals=[theirs.pk]))
    assert response.status_code == 200
    assert "Their goal" not in response.content.decode()
    assert not Contact.objects.exists()
    # The API refuses it with 422 and a message.
    response = owner_client.post(
        "/api/network/contacts",
        {"name": "Zoë", "goal_ids": [theirs.pk]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "Choose among your own goals.", "field": "goal_ids"}
    assert not Contact.objects.exists()


def test_another_users_contact_cannot_be_linked_to_my_goal(
    stranger_client: Client, owner: User, stranger: User
) -> None:
    mine = make_goal(owner, "Owner's goal")
    theirs = ContactFactory(user=stranger)
    response = stranger_client.put(
        f"/api/network/contacts/{theirs.pk}",
        {"name": "Zoë", "goal_ids": [mine.pk]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not theirs.goals.exists()
    # Nor can anyone reach the owner's contact to link it.
    owners = ContactFactory(user=owner)
    response = stranger_client.put(
        f"/api/network/contacts/{owners.pk}", {"name": "X"}, content_type="application/json"
    )
    assert response.status_code == 404


def test_the_contact_form_post_needs_a_csrf_token(csrf_client: Client) -> None:
    assert csrf_client.post(reverse("network-contact-create"), _form()).status_code == 403
    page = csrf_client.get(reverse("network-contact-create"))
    token = page.cookies["csrftoken"].value
    response = csrf_client.post(reverse("network-contact-create"), _form(csrfmiddlewaretoken=token))
    assert response.status_code == 302


def test_editing_keeps_the_fields_and_replaces_tags(owner_client: Client, owner: User) -> None:
    contact = contact_create(user=owner, data={"name": "Zoë", "tags": ["Recruiters", "Paris"]})
    page = owner_client.get(reverse("network-contact-edit", args=[contact.pk])).content.decode()
    assert 'value="Paris, Recruiters"' in page
    response = owner_client.post(
        reverse("network-contact-edit", args=[contact.pk]),
        _form(name="Zoë Lefèvre", tags="Paris", relationship="recruiter"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Zoë Lefèvre"
    assert [t.name for t in contact.tags.all()] == ["Paris"]
    # A tag no contact carries any more goes.
    assert list(Tag.objects.values_list("name", flat=True)) == ["Paris"]


def test_deleting_asks_first_then_deletes(owner_client: Client, owner: User) -> None:
    contact = ContactFactory(user=owner, name="Ana")
    InteractionFactory(contact=contact)
    url = reverse("network-contact-delete", args=[contact.pk])
    assert "Delete Ana?" in owner_client.get(url).content.decode()
    assert Contact.objects.exists()
    assert owner_client.post(url)["Location"] == reverse("network-contacts")
    assert not Contact.objects.exists()


def test_the_list_and_the_exports_are_in_name_order(owner_client: Client, owner: User) -> None:
    for name in ("zed", "Amy", "bea"):
        contact_create(user=owner, data={"name": name})
        InteractionFactory(user=owner, contact=Contact.objects.get(name=name))
    response = owner_client.get(reverse("network-contacts"))
    assert [c.name for c in response.context["contacts"]] == ["Amy", "bea", "zed"]
    csv_text = owner_client.get(reverse("network-contacts-csv")).content.decode()
    assert [line.split(",")[0] for line in csv_text.splitlines()[1:]] == ["Amy", "bea", "zed"]


def test_the_list_searches_and_filters_by_tag_relationship_and_goal(
    owner_client: Client, owner: User
) -> None:
    goal = make_goal(owner)
    contact_create(
        user=owner,
        data={"name": "José Núñez", "tags": ["Madrid"], "relationship": "mentor"},
    )
    contact_create(
        user=owner,
        data={
            "name": "Zoë Lefèvre",
            "organisation": "SGD",
            "relationship": "recruiter",
            "goal_ids": [goal.pk],
        },
    )
    contact_create(user=owner, data={"name": "李雷", "notes": "Met at the alumni dinner"})

    def names(**query: Any) -> list[str]:
        response = owner_client.get(reverse("network-contacts"), query)
        return [c.name for c in response.context["contacts"]]

    assert names() == ["José Núñez", "Zoë Lefèvre", "李雷"]
    assert names(q="sgd") == ["Zoë Lefèvre"]
    assert names(q="alumni") == ["李雷"]
    assert names(tag="Madrid") == ["José Núñez"]
    assert names(relationship="recruiter") == ["Zoë Lefèvre"]
    assert names(goal=goal.pk) == ["Zoë Lefèvre"]
    assert names(q="nobody") == []
    # Case and accents are ignored on every database, as people type names.
    assert names(q="JOSÉ") == ["José Núñez"]
    assert names(q="jose nunez") == ["José Núñez"]
    assert names(q="lefevre sgd") == ["Zoë Lefèvre"]
    assert names(q="zoë") == ["Zoë Lefèvre"]


def test_the_search_finds_every_email_address_and_phone_number(
    owner_client: Client, owner: User
) -> None:
    contact_create(
        user=owner,
        data={
            "name": "Ana",
            "email": "ana@work.example",
            "other_emails": ["Ana.Private@Home.example"],
            "phone": "+49 30 1234",
            "other_phones": ["+49 170 555 0100"],
        },
    )
    contact_create(user=owner, data={"name": "Ben", "email": "ben@home.example"})

    def names(q: str) -> list[str]:
        response = owner_client.get(reverse("network-contacts"), {"q": q})
        return [c.name for c in response.context["contacts"]]

    assert names("ana.private@home") == ["Ana"]
    assert names("home.example") == ["Ana", "Ben"]
    assert names("work.example") == ["Ana"]
    assert names("170 555") == ["Ana"]
    assert names("+49 30") == ["Ana"]


def test_the_search_answers_htmx_with_the_results_only(owner_client: Client, owner: User) -> None:
    ContactFactory(user=owner, name="Zoë")
    response = owner_client.get(
        reverse("network-contacts"), {"q": "zo"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "Zoë" in body
    assert "<html" not in body


def test_the_list_page_takes_the_same_queries_for_many_contacts(
    owner_client: Client, owner: User, django_assert_num_queries: Any
) -> None:
    goal = make_goal(owner)
    contact_create(user=owner, data={"name": "First", "tags": ["a"], "goal_ids": [goal.pk]})
    with CaptureQueriesContext(connection) as few:
        owner_client.get(reverse("network-contacts"))
    for n in range(12):
        contact = contact_create(
            user=owner, data={"name": f"C{n}", "tags": ["a", f"t{n}"], "goal_ids": [goal.pk]}
        )
        InteractionFactory(contact=contact)
    with django_assert_num_queries(len(few)):
        response = owner_client.get(reverse("network-contacts"))
    assert len(response.context["contacts"]) == 13


def test_the_api_creates_lists_reads_updates_and_deletes(owner_client: Client, owner: User) -> None:
    goal = make_goal(owner)
    created = owner_client.post(
        "/api/network/contacts",
        {
            "name": "Kenji Watanabe",
            "relationship": "peer",
            "email": "kenji@example.jp",
            "links": ["https://kenji.example.jp"],
            "tags": ["Japan"],
            "goal_ids": [goal.pk],
            "keep_in_touch_weeks": 4,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["tags"] == ["Japan"]
    assert body["goal_ids"] == [goal.pk]
    assert body["next_keep_in_touch_on"] is not None
    url = f"/api/network/contacts/{body['id']}"
    tagged = owner_client.get("/api/network/contacts", {"tag": "japan"}).json()["items"]
    assert tagged[0]["id"] == body["id"]
    updated = owner_client.put(
        url, {"name": "Kenji W.", "links": ["ftp://x"]}, content_type="application/json"
    )
    assert updated.status_code == 422
    assert updated.json()["field"] == "links"
    updated = owner_client.put(url, {"name": "Kenji W."}, content_type="application/json")
    assert updated.json()["name"] == "Kenji W."
    assert updated.json()["goal_ids"] == []
    assert owner_client.delete(url).status_code == 204
    assert owner_client.get(url).status_code == 404


def test_the_api_reads_and_writes_every_email_and_phone(owner_client: Client, owner: User) -> None:
    created = owner_client.post(
        "/api/network/contacts",
        {
            "name": "Kenji Watanabe",
            "email": "kenji@kansai-ai.example",
            "other_emails": ["kenji.w@mail.example", "KENJI@kansai-ai.example"],
            "phone": "+81 90 1234 5678",
            "other_phones": ["+81-6-1234-5678"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["other_emails"] == ["kenji.w@mail.example"]
    assert body["other_phones"] == ["+81-6-1234-5678"]
    url = f"/api/network/contacts/{body['id']}"
    assert owner_client.get(url).json()["other_emails"] == ["kenji.w@mail.example"]
    refused = owner_client.put(
        url,
        {
            "name": "Kenji",
            "email": "kenji@kansai-ai.example",
            "other_emails": [f"k{n}@x.example" for n in range(6)],
        },
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "detail": "Keep to 5 other email addresses, besides the main one.",
        "field": "other_emails",
    }
    refused = owner_client.put(
        url,
        {"name": "Kenji", "other_phones": ["+81 3 0000", "fax"]},
        content_type="application/json",
    )
    assert refused.json()["field"] == "other_phones"
    assert refused.json()["detail"].startswith("Number 2: “fax” is not a phone number")
    # A PUT replaces the lists, like every other field.
    updated = owner_client.put(
        url,
        {"name": "Kenji", "email": "kenji@kansai-ai.example", "other_phones": ["+81 3 0000"]},
        content_type="application/json",
    ).json()
    assert (updated["other_emails"], updated["phone"], updated["other_phones"]) == (
        [],
        "+81 3 0000",
        [],
    )

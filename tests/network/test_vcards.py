"""vCard import (pages and API), all or nothing, and exports that import back the same."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.domain.vcard import format_size
from headway.network.models import Contact
from headway.network.services import contact_create
from tests.network.factories import make_goal

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"


def _upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    data = content if content is not None else (DATA / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/vcard")


def _import(client: Client, name: str, content: bytes | None = None, **extra: Any) -> Any:
    return client.post(
        reverse("network-contacts-import"), {"file": _upload(name, content), **extra}
    )


def _fields(contact: Contact) -> dict[str, Any]:
    return {
        "name": contact.name,
        "organisation": contact.organisation,
        "role": contact.role,
        "how_met": contact.how_met,
        "relationship": contact.relationship,
        "email": contact.email,
        "other_emails": contact.other_emails,
        "phone": contact.phone,
        "other_phones": contact.other_phones,
        "links": contact.links,
        "notes": contact.notes,
        "keep_in_touch_weeks": contact.keep_in_touch_weeks,
        "tags": sorted(t.name for t in contact.tags.all()),
    }


def test_it_imports_apple_contacts(owner_client: Client, owner: User) -> None:
    response = _import(owner_client, "apple_contacts.vcf")
    assert response.status_code == 200
    assert "Imported 3 contacts." in response.content.decode()
    jose = Contact.objects.get(user=owner, name="José Núñez")
    assert _fields(jose) == {
        "name": "José Núñez",
        "organisation": "Compañía Ibérica",
        "role": "Director de Ingeniería",
        "how_met": "",
        "relationship": "other",
        "email": "jose.nunez@iberica.example",
        "other_emails": ["pepe@correo.example"],
        "phone": "+34 600 123 456",
        "other_phones": [],
        # Apple's escaped colon undone, and a link typed without a scheme made https.
        "links": [
            "https://iberica.example/equipo/jose",
            "https://www.linkedin.com/in/josenunez-example",
        ],
        "notes": (
            "Met at the PyCon ES sprint in Cáceres.\n"
            "Wants to hear about the data team; prefers email."
        ),
        "keep_in_touch_weeks": None,
        "tags": ["Madrid", "Mentors"],
    }
    assert Contact.objects.filter(user=owner, name="Ōsaka Robotics").exists()
    # Imported in bulk, the contacts are still found by search.
    found = owner_client.get(reverse("network-contacts"), {"q": "caceres"}).context["contacts"]
    assert [c.name for c in found] == ["José Núñez"]
    found = owner_client.get(reverse("network-contacts"), {"q": "pepe@correo"}).context["contacts"]
    assert [c.name for c in found] == ["José Núñez"]


def test_it_imports_google_contacts_skipping_duplicates_in_the_file(
    owner_client: Client, owner: User
) -> None:
    response = _import(owner_client, "google_contacts.vcf")
    body = response.content.decode()
    # The third card repeats 李雷's email in capitals.
    assert "Imported 2 contacts; skipped 1 duplicate (1 by email)." in body
    assert sorted(Contact.objects.values_list("name", flat=True)) == ["Maria Schmidt", "李雷"]
    li = Contact.objects.get(name="李雷")
    assert [t.name for t in li.tags.all()] == ["Alumni"]
    assert li.links == ["http://lilei.datalab.example"]
    maria = Contact.objects.get(name="Maria Schmidt")
    assert (maria.email, maria.other_emails) == (
        "maria.schmidt@example.de",
        ["maria.s@home.example"],
    )


def test_it_imports_outlook_2_1_and_thunderbird_4_0(owner_client: Client, owner: User) -> None:
    _import(owner_client, "outlook_2_1.vcf")
    _import(owner_client, "thunderbird_4_0.vcf")
    names = sorted(Contact.objects.filter(user=owner).values_list("name", flat=True))
    assert names == ["Björn Ångström", "Kenji Watanabe", "René Dubois", "Zoë Lefèvre"]
    bjorn = Contact.objects.get(name="Björn Ångström")
    assert bjorn.notes == "Träffade på karriärmässan i Malmö.\nMentor för intervjuträning."
    assert (bjorn.phone, bjorn.other_phones) == ("+46 8 123 456 78", ["+46 70 123 45 67"])
    kenji = Contact.objects.get(name="Kenji Watanabe")
    assert (kenji.email, kenji.organisation) == ("kenji@kansai-ai.example", "Kansai AI Lab (Ōsaka)")
    assert kenji.other_emails == ["kenji.w@mail.example"]
    # The 4.0 `tel:` URI is read as the number it holds.
    assert (kenji.phone, kenji.other_phones) == ("+81 90 1234 5678", ["+81-6-1234-5678"])


def test_an_import_keeps_every_valid_address_and_notes_the_rest(
    owner_client: Client, owner: User
) -> None:
    emails = "".join(f"EMAIL:ana{n}@example.org\r\n" for n in range(8))
    content = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEMAIL:not an address\r\n"
        f"{emails}EMAIL:ANA1@EXAMPLE.ORG\r\n"
        "TEL:+49 30 1234\r\nTEL:call me\r\nTEL:+49301234\r\nTEL:+49 170 555 0100\r\n"
        "END:VCARD\r\n"
    ).encode()
    response = _import(owner_client, "ana.vcf", content)
    body = response.content.decode()
    assert "Imported 1 contact." in body
    ana = Contact.objects.get(user=owner)
    # The first valid one is the main one; the next five are kept, each once.
    assert ana.email == "ana0@example.org"
    assert ana.other_emails == [f"ana{n}@example.org" for n in range(1, 6)]
    assert (ana.phone, ana.other_phones) == ("+49 30 1234", ["+49 170 555 0100"])
    for left_out in (
        "Card 1 (Ana): left out “not an address”, which is not an email address.",
        "Card 1 (Ana): left out “ana6@example.org”: a contact keeps 5 email addresses besides "
        "the main one.",
        "Card 1 (Ana): left out “ana7@example.org”",
        "Card 1 (Ana): left out the phone number “call me”.",
    ):
        assert left_out in body
    assert "ANA1@EXAMPLE.ORG" not in body


def test_a_card_is_a_duplicate_when_any_of_its_emails_is_any_kept_address(
    owner_client: Client, owner: User
) -> None:
    contact_create(
        user=owner,
        data={
            "name": "Pepe",
            "email": "pepe@work.example",
            "other_emails": ["Pepe@Correo.example"],
        },
    )
    response = _import(owner_client, "apple_contacts.vcf")
    # José's second address is one Pepe already has: the same person, kept once.
    assert "Imported 2 contacts; skipped 1 duplicate (1 by email)." in response.content.decode()
    assert not Contact.objects.filter(name="José Núñez").exists()


def test_importing_again_skips_everyone_by_email_or_name(owner_client: Client, owner: User) -> None:
    contact_create(user=owner, data={"name": "Ren\u00e9 DUBOIS"})
    response = _import(owner_client, "outlook_2_1.vcf")
    assert "Imported 1 contact; skipped 1 duplicate (1 by name)." in response.content.decode()
    response = _import(owner_client, "outlook_2_1.vcf")
    assert "Imported 0 contacts; skipped 2 duplicates (1 by email and 1 by name)." in (
        response.content.decode()
    )
    assert Contact.objects.filter(user=owner).count() == 2


def test_a_preview_imports_nothing(owner_client: Client, owner: User) -> None:
    response = _import(owner_client, "apple_contacts.vcf", preview="on")
    body = response.content.decode()
    assert "Would import 3 contacts." in body
    assert "Zoë Lefèvre" in body
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN Zo\xc3\xab\r\nEND:VCARD\r\n",
            "Card 2, line 7: “FN Zoë” is not a vCard line",
        ),
        (
            b"BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ren\xe9\r\nEND:VCARD\r\n",
            "Line 5: The file is not UTF-8 text (byte 0xE9 cannot be read).",
        ),
        (
            b"BEGIN:VCARD\r\nFN:Ana\r\n",
            "Card 1, line 1: the card begun on line 1 has no END:VCARD.",
        ),
        (b"name,email\r\nAna,ana@example.org\r\n", "Line 1: this line is outside any card"),
    ],
)
def test_a_bad_file_imports_nothing_and_says_where(
    owner_client: Client, owner: User, content: bytes, message: str
) -> None:
    response = _import(owner_client, "contacts.vcf", content)
    assert response.status_code == 200
    body = response.content.decode().replace("&quot;", '"')
    assert 'id="id_file_error"' in body
    assert message in body
    assert not Contact.objects.exists()


def test_an_oversized_file_is_refused_before_it_is_read(
    owner_client: Client, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway.network import services

    def must_not_run(**kwargs: Any) -> None:
        raise AssertionError("the file was read")

    monkeypatch.setattr(services, "contacts_import", must_not_run)
    card = (DATA / "apple_contacts.vcf").read_bytes()
    content = card * (1024 * 1024 // len(card) + 1)
    response = _import(owner_client, "big.vcf", content)
    assert format_size(len(content)) == "1.1 MiB"
    assert "The file is 1.1 MiB; vCard files up to 1 MiB can be imported." in (
        response.content.decode()
    )
    response = owner_client.post(
        "/api/network/contacts/import", {"file": _upload("b.vcf", content)}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("The file is 1.1 MiB;")
    assert not Contact.objects.exists()


def test_nothing_is_half_imported_when_writing_fails(
    owner_client: Client, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway.network import services

    real = services._tags_for

    def fail(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_tags_for", fail)
    with pytest.raises(RuntimeError):
        services.contacts_import(user=owner, data=(DATA / "apple_contacts.vcf").read_bytes())
    assert not Contact.objects.exists()
    assert not owner.network_tags.exists()


def test_the_api_imports_previews_and_refuses(owner_client: Client, owner: User) -> None:
    url = "/api/network/contacts/import"
    preview = owner_client.post(url + "?preview=true", {"file": _upload("thunderbird_4_0.vcf")})
    assert preview.status_code == 200
    assert preview.json()["summary"] == "Would import 2 contacts."
    assert not Contact.objects.exists()
    done = owner_client.post(url, {"file": _upload("google_contacts.vcf")})
    assert done.status_code == 201
    assert done.json()["skipped_duplicates"] == [
        {"card": 3, "name": "李雷", "by": "email", "match": "LI.LEI@DATALAB.EXAMPLE"}
    ]
    bad = owner_client.post(url, {"file": _upload("x.vcf", b"BEGIN:VCARD\nFN:A\n")})
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("Card 1, line 1:")


def _roundtrip_contacts(owner: User) -> None:
    goal = make_goal(owner)
    contact_create(
        user=owner,
        data={
            "name": "José Núñez",
            "organisation": "Compañía; Ibérica, S.A.",
            "role": "Director",
            "how_met": "PyCon ES, the sprint",
            "relationship": "mentor",
            "email": "jose@iberica.example",
            "other_emails": ["pepe@correo.example", "jose@uni.example"],
            "phone": "+34 600 123 456",
            "other_phones": ["+34 91 123 45 67", "+34 600 000 000 ext 12"],
            "links": ["https://iberica.example/jose", "https://example.org/a?b=1&c=2"],
            "notes": "Two lines:\nsecond, with; punctuation \\ and a backslash.",
            "keep_in_touch_weeks": 6,
            "tags": ["Mentors", "Madrid, Spain"],
            "goal_ids": [goal.pk],
        },
    )
    contact_create(user=owner, data={"name": "李雷", "relationship": "alumnus"})
    contact_create(user=owner, data={"name": "Zoë " + "Lefèvre-" * 20 + "Ōsaka"})


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_an_export_imports_back_as_the_same_contacts(
    owner_client: Client, owner: User, stranger_client: Client, stranger: User, version: str
) -> None:
    _roundtrip_contacts(owner)
    response = owner_client.get(reverse("network-contacts-vcard"), {"version": version})
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="headway-contacts-')
    exported = response.content
    assert f"VERSION:{version}".encode() in exported
    response = stranger_client.post(
        reverse("network-contacts-import"), {"file": _upload("mine.vcf", exported)}
    )
    assert "Imported 3 contacts." in response.content.decode()
    before = [_fields(c) for c in Contact.objects.filter(user=owner).order_by("name")]
    after = [_fields(c) for c in Contact.objects.filter(user=stranger).order_by("name")]
    assert after == before


def test_one_contact_exports_as_a_vcard_file(owner_client: Client, owner: User) -> None:
    contact = contact_create(user=owner, data={"name": "Zoë Lefèvre"})
    response = owner_client.get(reverse("network-contact-vcard", args=[contact.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="zoe-lefevre.vcf"'
    assert b"FN:Zo\xc3\xab Lef\xc3\xa8vre\r\n" in response.content
    api = owner_client.get(f"/api/network/contacts/{contact.pk}/vcard", {"version": "4.0"})
    assert b"VERSION:4.0" in api.content


def test_the_csv_export_has_every_contact_and_no_formulas(
    owner_client: Client, owner: User
) -> None:
    _roundtrip_contacts(owner)
    contact_create(user=owner, data={"name": '=HYPERLINK("http://evil.example")'})
    response = owner_client.get(reverse("network-contacts-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Name", "Organisation", "Role"]
    by_name = {row[0]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example")' in by_name
    jose = dict(zip(rows[0], by_name["José Núñez"], strict=True))
    assert jose["Relationship"] == "Mentor"
    assert jose["Email"] == "jose@iberica.example"
    assert jose["Phone"] == "+34 600 123 456"
    assert jose["Other emails"] == "pepe@correo.example, jose@uni.example"
    # Phone numbers, even several, stay as typed: no quote to stop a formula.
    assert jose["Other phones"] == "+34 91 123 45 67, +34 600 000 000 ext 12"
    assert jose["Tags"] == "Madrid, Spain, Mentors"
    assert jose["Goals"] == "Meet five people in data science"
    api = owner_client.get("/api/network/contacts/csv")
    assert list(csv.reader(io.StringIO(api.content.decode()))) == rows

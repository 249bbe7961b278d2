"""vCard reading and writing, on files written by hand after real address books' exports."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from headway.domain.vcard import (
    MAX_BYTES,
    CardContact,
    VCardError,
    format_size,
    read_vcards,
    write_vcard,
    write_vcards,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def read(name: str) -> list[CardContact]:
    return list(read_vcards((DATA / name).read_bytes()).contacts)


def test_it_reads_apple_contacts_grouped_properties_and_folded_photos() -> None:
    jose, company, zoe = read("apple_contacts.vcf")
    assert jose.name == "José Núñez"
    assert jose.organisation == "Compañía Ibérica"
    assert jose.role == "Director de Ingeniería"
    assert jose.emails == ("jose.nunez@iberica.example", "pepe@correo.example")
    assert jose.phones == ("+34 600 123 456",)
    # `item1.URL` with Apple's escaped colon, and a link typed without a scheme.
    assert jose.urls == (
        "https://iberica.example/equipo/jose",
        "www.linkedin.com/in/josenunez-example",
    )
    assert jose.note == (
        "Met at the PyCon ES sprint in Cáceres.\nWants to hear about the data team; prefers email."
    )
    assert jose.categories == ("Mentors", "Madrid")
    assert (jose.card, jose.line) == (1, 1)
    # A company card has an empty N and the company as FN.
    assert company.name == "Ōsaka Robotics"
    assert company.emails == ("careers@osaka-robotics.example",)
    assert zoe.name == "Zoë Lefèvre"
    assert zoe.note.endswith("with accents: été, naïve, façade.")


def test_it_reads_google_contacts_and_drops_the_system_group() -> None:
    li, maria, li_again = read("google_contacts.vcf")
    assert li.name == "李雷"
    assert li.urls == ("http://lilei.datalab.example",)
    assert li.note == "Alumnus, class of 2015. Offered an informational interview."
    assert li.categories == ("Alumni",)
    assert maria.categories == ("Managers",)
    assert li_again.card == 3


def test_it_reads_outlook_2_1_quoted_printable_in_any_charset() -> None:
    bjorn, rene = read("outlook_2_1.vcf")
    assert bjorn.name == "Björn Ångström"
    # Bare 2.1 parameters: EMAIL;PREF;INTERNET and TEL;WORK;VOICE.
    assert bjorn.emails == ("bjorn@nordic-careers.example",)
    assert bjorn.phones == ("+46 8 123 456 78", "+46 70 123 45 67")
    # A soft line break joins the note; its CRLF becomes one newline.
    assert bjorn.note == "Träffade på karriärmässan i Malmö.\nMentor för intervjuträning."
    assert rene.name == "René Dubois"
    assert rene.note == "Rencontré au café carrières."


def test_it_reads_thunderbird_4_0_preferences_and_tel_uris() -> None:
    kenji, zoe = read("thunderbird_4_0.vcf")
    assert kenji.name == "Kenji Watanabe"
    assert kenji.emails[0] == "kenji@kansai-ai.example"
    assert kenji.phones == ("+81 90 1234 5678", "+81-6-1234-5678")
    assert kenji.organisation == "Kansai AI Lab (Ōsaka)"
    assert kenji.uid == "urn:uuid:6c1b1f4e-3b0c-4d2e-9a6f-0f4b8e2d7a11"
    assert zoe.emails == ("zoe.lefevre@sgd.example",)


def test_it_prefers_the_preferred_email_whatever_its_place() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A B\r\nEMAIL;PREF=2:two@x.example\r\n"
        "EMAIL:plain@x.example\r\nEMAIL;PREF=1:one@x.example\r\nEND:VCARD\r\n"
    )
    (card,) = read_vcards(text.encode()).contacts
    assert card.emails == ("one@x.example", "two@x.example", "plain@x.example")


def test_it_builds_a_name_from_n_when_fn_is_missing_and_leaves_out_nameless_cards() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:2.1\nN:Okafor;Chidi;;Dr.;\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 555 0100\nEND:VCARD\n"
    )
    book = read_vcards(text.encode())
    assert [c.name for c in book.contacts] == ["Dr. Chidi Okafor"]
    assert book.notes == (
        "Card 2 (line 5) was left out: it has no name, organisation or email address.",
    )


def test_it_refuses_a_file_over_the_limit_before_reading_it() -> None:
    with pytest.raises(VCardError, match=r"The file is 1\.5 MiB; .* up to 1 MiB"):
        read_vcards(b"\xff" * (MAX_BYTES + MAX_BYTES // 2))


def test_it_refuses_text_that_is_not_utf8_naming_the_line() -> None:
    data = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xe9\r\nEND:VCARD\r\n".encode("latin-1")
    with pytest.raises(VCardError, match=r"^Line 3: The file is not UTF-8 text \(byte 0xE9"):
        read_vcards(data)
    with pytest.raises(VCardError, match="UTF-16"):
        read_vcards("BEGIN:VCARD".encode("utf-16"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN B\nEND:VCARD\n",
            r"^Card 2, line 5: “FN B”",
        ),
        ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", r"^Card 1, line 3: the card begun"),
        ("BEGIN:VCARD\nFN:A\n", r"^Card 1, line 1: the card begun on line 1 has no END:VCARD"),
        ("FN:A\n", r"^Line 1: this line is outside any card"),
        ("BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", r"^Line 4: END:VCARD without"),
        ("BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD\n", r"^Card 1, line 2: vCard version 5.0"),
        ("BEGIN:VCARD\nF N:A\nEND:VCARD\n", r"^Card 1, line 2: “F N” is not a vCard property"),
        (
            "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=NOPE:A\nEND:VCARD\n",
            "character set “NOPE”",
        ),
        (
            "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E9\nEND:VCARD\n",
            r"^Card 1, line 2: FN is not valid UTF-8 text",
        ),
        ("\n\n", "no BEGIN:VCARD"),
        ("", "no BEGIN:VCARD"),
    ],
)
def test_it_names_the_card_and_line_of_a_malformed_file(text: str, message: str) -> None:
    with pytest.raises(VCardError, match=message):
        read_vcards(text.encode())


def test_it_writes_lines_of_at_most_75_octets_without_splitting_characters() -> None:
    contact = CardContact(name="李雷", note="长" * 100 + " Zoë" * 30)
    text = write_vcard(contact)
    lines = text.split("\r\n")
    assert text.endswith("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert read_vcards(text.encode()).contacts == (contact,)


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_another_vcard_library_reads_what_it_writes(version: str) -> None:
    contact = CardContact(
        name="José Núñez",
        organisation="Acme; Iberia",
        role="Engineer",
        emails=("jose@example.org", "pepe@example.org"),
        phones=("+34 600 123 456", "+34 91 123 45 67"),
        urls=("https://example.org/people?name=jose&lang=es",),
        note="Line one\nLine two, with a comma; and a semicolon",
        categories=("Mentors", "Madrid, Spain"),
    )
    card = vobject.readOne(write_vcard(contact, version=version))
    assert card.fn.value == "José Núñez"
    assert card.version.value == version
    assert [e.value for e in card.contents["email"]] == list(contact.emails)
    assert [t.value for t in card.contents["tel"]] == list(contact.phones)
    # The first email and phone number, the main ones, are marked preferred; the others not.
    preferred = {"TYPE": ["INTERNET", "PREF"]} if version == "3.0" else {"PREF": ["1"]}
    assert card.contents["email"][0].params == preferred
    assert "PREF" not in str(card.contents["email"][1].params)
    assert "PREF" in str(card.contents["tel"][0].params)
    assert "PREF" not in str(card.contents["tel"][1].params)
    assert card.note.value == contact.note
    assert card.url.value == "https://example.org/people?name=jose&lang=es"


def test_several_emails_and_phones_read_back_in_their_order() -> None:
    contact = CardContact(
        name="Kenji Watanabe",
        emails=("kenji@kansai-ai.example", "kenji.w@mail.example", "k@w.example"),
        phones=("+81 90 1234 5678", "+81-6-1234-5678", "+81 3 0000 0000 ext 12"),
    )
    for version in ("3.0", "4.0"):
        assert read_vcards(write_vcard(contact, version=version).encode()).contacts == (contact,)


def test_every_file_read_writes_back_the_same_contacts() -> None:
    for path in DATA.glob("*.vcf"):
        contacts = list(read_vcards(path.read_bytes()).contacts)
        for version in ("3.0", "4.0"):
            again = read_vcards(write_vcards(contacts, version=version).encode()).contacts
            assert list(again) == contacts, path.name


def test_it_formats_sizes_as_people_read_them() -> None:
    assert format_size(900) == "900 bytes"
    assert format_size(12 * 1024) == "12 KiB"
    assert format_size(1024 * 1024) == "1 MiB"
    assert format_size(1536 * 1024) == "1.5 MiB"
    assert format_size(1024 * 1024 + 1) == "1.1 MiB"


# Text a person could type: any printable characters, no control characters or surrogates.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=0, max_size=80
).map(str.strip)
_ONE_LINE = _TEXT.map(lambda t: " ".join(t.split()))
_NOTE = st.lists(_TEXT, max_size=4).map(lambda lines: "\n".join(lines).strip())


@given(
    name=_ONE_LINE.filter(bool),
    organisation=_ONE_LINE,
    note=_NOTE,
    categories=st.lists(_ONE_LINE.filter(bool), max_size=4, unique_by=str.casefold),
    version=st.sampled_from(["3.0", "4.0"]),
)
def test_any_contact_round_trips(
    name: str, organisation: str, note: str, categories: list[str], version: str
) -> None:
    contact = CardContact(
        name=name, organisation=organisation, note=note, categories=tuple(categories)
    )
    assert read_vcards(write_vcard(contact, version=version).encode()).contacts == (contact,)


@given(st.binary(max_size=400) | _TEXT.map(lambda t: f"BEGIN:VCARD\n{t}\nEND:VCARD\n".encode()))
def test_any_input_is_read_or_refused_with_a_vcard_error(data: bytes) -> None:
    try:
        read_vcards(data)
    except VCardError as error:
        assert error.message

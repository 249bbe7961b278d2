"""The Network step in Chromium: add a contact, find them as you type, log and follow up."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django.test import Client

from headway.accounts.models import User
from headway.network.models import FollowUp, Interaction
from tests.factories import UserFactory
from tests.network.factories import ContactFactory, EventFactory, FollowUpFactory


def login(page: Any, live_server: Any) -> User:
    user = UserFactory()
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return user


def test_a_contact_is_added_found_and_met(page: Any, live_server: Any) -> None:
    user = login(page, live_server)
    ContactFactory(user=user, name="Maria Schmidt", organisation="Example GmbH")
    page.goto("/network/")
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label("Name").fill("José Núñez")
    page.get_by_label(re.compile(r"^Email:?$")).fill("jose@")
    page.get_by_label("Tags").fill("Mentors, Madrid")
    page.get_by_role("button", name="Add contact").click()
    # Summarised atop the form, and said again next to the field.
    page.get_by_role("alert").get_by_role("link", name="Email").wait_for()
    page.locator("#id_email_error", has_text="“jose@” is not an email address").wait_for()
    # What was typed is still there; fix the email only.
    assert page.get_by_label("Tags").input_value() == "Mentors, Madrid"
    page.get_by_label(re.compile(r"^Email:?$")).fill("jose@iberica.example")
    page.get_by_role("button", name="Add contact").click()
    page.get_by_role("heading", name="José Núñez").wait_for()

    page.get_by_label("Type").select_option("informational_interview")
    page.get_by_role("button", name="Log it").click()
    page.get_by_text("Informational interview with José Núñez is logged.").wait_for()
    assert Interaction.objects.filter(user=user, kind="informational_interview").exists()

    page.goto("/network/contacts/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Search").fill("núñez")
    page.locator("#contact-results").get_by_text("Maria Schmidt").wait_for(state="detached")
    assert page.locator("#contact-results").get_by_role("link", name="José Núñez").is_visible()
    # htmx swapped the results in place: the page did not reload.
    assert page.evaluate("window.__sameDocument") is True
    assert "q=n%C3%BA%C3%B1ez" in page.url


def test_a_follow_up_is_ticked_off_in_place(page: Any, live_server: Any) -> None:
    user = login(page, live_server)
    event = EventFactory(user=user, name="Career fair")
    follow_up = FollowUpFactory(
        event=event, text="Send my CV", due_on=date.today() + timedelta(days=3)
    )
    page.goto(f"/network/events/{event.pk}/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name=re.compile(r"^Mark done\s*: Send my CV$")).click()
    page.get_by_role(
        "button", name=re.compile(r"^Done ✓\s*, mark “Send my CV” not done$")
    ).wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert FollowUp.objects.get(pk=follow_up.pk).done

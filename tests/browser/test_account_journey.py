from __future__ import annotations

import re
from typing import Any

from tests.factories import PASSWORD


def test_sign_up_confirm_log_in_dashboard_log_out(page: Any, mailoutbox: list[Any]) -> None:
    page.goto("/")
    page.get_by_role("link", name="Sign up, it's free").click()
    page.get_by_label("Your name").fill("Robin Park")
    page.get_by_label("Email").fill("student@example.org")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body)
    assert link is not None
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()

    # Confirming signs the new user in and brings them into the app, greeted by name.
    page.get_by_role("heading", name="Hello, Robin Park").wait_for()
    assert page.url.endswith("/dashboard/")

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("heading", name="Turn career hopes into a plan, and keep to it.").wait_for()
    page.goto("/dashboard/")
    assert "/accounts/login/" in page.url


def test_keyboard_users_can_skip_to_content(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"

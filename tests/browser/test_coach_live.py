from __future__ import annotations

from typing import Any

from django.test import Client

from tests.factories import UserFactory


def login(page: Any, live_server: Any) -> None:
    """Sign in by handing the browser a session made by the test client."""
    client = Client()
    client.force_login(UserFactory())
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_checks_appear_as_the_goal_is_typed(page: Any, live_server: Any) -> None:
    login(page, live_server)
    page.goto("/coach/")
    page.evaluate("window.__sameDocument = true")
    field = page.get_by_label("Your goal")
    field.press_sequentially("I want to work for a top company", delay=10)
    panel = page.locator("#smart-panel")
    panel.get_by_text("How to fix").first.wait_for()
    assert "Time-bound" in panel.inner_text()

    field.fill("")
    field.press_sequentially(
        "I want to work in a marketing role at a Fortune 500 company within the next 3 years",
        delay=5,
    )
    panel.locator("mark", has_text="within the next 3 years").wait_for()
    assert page.evaluate("window.__sameDocument") is True  # no page reload
    status = page.get_by_role("status")
    assert "SMART" in status.inner_text()


def test_use_suggestion_fills_the_rewrite_in(page: Any, live_server: Any) -> None:
    login(page, live_server)
    page.goto("/coach/")
    field = page.get_by_label("Your goal")
    field.press_sequentially("Learn Python", delay=10)
    button = page.get_by_role("button", name="Use suggestion")
    button.wait_for()
    suggestion = button.get_attribute("data-smart-use")
    button.click()
    assert field.input_value() == suggestion
    assert "[" in suggestion  # placeholders for what is missing, never invented facts


def test_a_visitor_without_an_account_sees_the_live_check(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Try the SMART goal coach").click()
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Your goal").press_sequentially("I want to work for a top company", delay=10)
    page.locator("#smart-panel").get_by_text("How to fix").first.wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert page.get_by_role("link", name="Sign up, it's free").is_visible()

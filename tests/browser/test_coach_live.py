from __future__ import annotations

import re
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


def test_the_guide_asks_and_its_rewrite_fills_the_coach(page: Any, live_server: Any) -> None:
    login(page, live_server)
    page.goto("/coach/")
    field = page.get_by_label("Your goal")
    field.press_sequentially("I want to work for a top company", delay=10)
    page.get_by_text("Which role do you want, and where?").wait_for()
    page.get_by_label("Role").fill("product designer")
    page.get_by_label("Role").press("Tab")
    page.get_by_label("Field or organisation").fill("a health-tech startup")
    page.get_by_label("Field or organisation").press("Tab")
    # Each answer re-checks the goal; wait for the check that has both answers.
    page.locator("blockquote.smart-rewrite", has_text="health-tech startup").wait_for(
        timeout=30_000
    )
    button = page.get_by_role("button", name="Use this rewrite")
    rewrite = button.get_attribute("data-smart-use") or ""
    assert rewrite.startswith("Get hired as a product designer at a health-tech startup by ")
    assert "[" not in rewrite
    button.click()
    assert field.input_value() == rewrite
    page.locator(".smart-verdict .badge", has_text=re.compile(r"^SMART$")).wait_for()
    assert page.get_by_role("link", name="Set it as a goal").count() == 0  # nothing left to ask


def test_accepting_the_rewrite_fills_the_goal_form(page: Any, live_server: Any) -> None:
    login(page, live_server)
    page.goto("/plan/goals/new/")
    page.locator("#id_statement").press_sequentially("Learn SQL", delay=10)
    page.get_by_text("How many, or how much?").wait_for()
    page.get_by_label("Number").fill("4")
    page.get_by_label("Number").press("Tab")
    page.get_by_label("Of what").fill("dashboards")
    page.get_by_label("Of what").press("Tab")
    page.get_by_label("Date", exact=True).fill("2027-06-30")
    page.get_by_label("Date", exact=True).press("Tab")
    button = page.get_by_role("button", name="Use this rewrite")
    # Each answer re-checks the goal on the server; on a loaded machine that takes a moment.
    page.locator("blockquote.smart-rewrite", has_text="30 Jun 2027").wait_for(timeout=30_000)
    button.click()
    assert page.locator("#id_statement").input_value() == (
        "Learn SQL and complete 4 dashboards by 30 Jun 2027."
    )
    assert page.locator("#id_target_date").input_value() == "2027-06-30"
    assert page.locator("#id_metric_target").input_value() == "4"
    assert page.locator("#id_metric_unit").input_value() == "dashboards"


def test_typing_on_while_a_check_is_in_flight_keeps_the_answers(
    page: Any, live_server: Any
) -> None:
    login(page, live_server)
    page.goto("/coach/")
    page.get_by_label("Your goal").press_sequentially("Learn SQL soon", delay=5)
    page.get_by_text("How many, or how much?").wait_for(timeout=30000)
    page.get_by_label("Number").fill("4")
    page.get_by_label("Number").press("Tab")
    page.get_by_label("Of what").press_sequentially("dashboards", delay=30)
    page.get_by_label("Of what").press("Tab")
    page.locator("blockquote.smart-rewrite", has_text="4 dashboards").wait_for(timeout=30000)
    assert page.get_by_label("Of what").input_value() == "dashboards"


def test_a_visitor_without_an_account_sees_the_live_check(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Try the SMART goal coach").click()
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Your goal").press_sequentially("I want to work for a top company", delay=10)
    page.locator("#smart-panel").get_by_text("How to fix").first.wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert page.get_by_role("link", name="Sign up, it's free").is_visible()

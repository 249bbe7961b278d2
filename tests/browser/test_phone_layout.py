"""What a phone's width used to hide: the later steps of the process, the roadmap's words."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.browser.test_coach_live import login
from tests.factories import UserFactory
from tests.plans.factories import GoalFactory, MilestoneFactory


def test_every_step_of_the_process_shows_on_a_phone(page: Any, live_server: Any) -> None:
    login(page, live_server)
    page.goto("/dashboard/")
    steps = page.get_by_role("navigation", name="Your career plan").get_by_role("listitem")
    assert steps.count() == 9
    for index in range(9):
        box = steps.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, index


def test_the_roadmap_text_stays_readable_on_a_phone(page: Any, live_server: Any) -> None:
    user = UserFactory()
    goal = GoalFactory(user=user, statement="Finish the data engineering course")
    MilestoneFactory(goal=goal, title="Module 1")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto("/plan/")
    assert "Roadmap of your goals" in page.locator(".roadmap svg title").first.text_content()
    label = page.locator(".roadmap svg text").first
    rendered = label.bounding_box()
    assert rendered is not None and rendered["height"] >= 9, rendered


def test_a_failed_edit_brings_its_errors_into_view(page: Any, live_server: Any) -> None:
    user = UserFactory()
    goal = GoalFactory(user=user, statement="Finish the data engineering course")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"/plan/goals/{goal.pk}/edit/")
    page.get_by_label("Target date").fill("")
    page.get_by_role("button", name="Save changes").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    box = summary.bounding_box()
    assert box is not None and 0 <= box["y"] < 844
    summary.get_by_role("link", name="Target date").click()
    assert page.evaluate("document.activeElement.id") == "id_target_date"

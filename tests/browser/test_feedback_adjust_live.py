"""The feedback-adjustment form checks the goal against SMART as it is rewritten."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.factories import UserFactory
from tests.feedback.factories import GoalFactory, comment, share


def test_rewriting_the_goal_after_feedback_updates_the_checks(page: Any, live_server: Any) -> None:
    owner, mentor = UserFactory(), UserFactory()
    goal = GoalFactory(user=owner, statement="Get better at data")
    share(owner, mentor, [goal])
    remark = comment(mentor, goal, "Say how you will measure it.")
    client = Client()
    client.force_login(owner)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"/feedback/messages/{remark.pk}/adjust/")
    page.evaluate("window.__sameDocument = true")
    field = page.locator("#id_statement")
    field.fill("")
    field.press_sequentially("Give 4 talks at data meetups within the next 3 years", delay=5)
    page.locator("#smart-panel mark", has_text="within the next 3 years").wait_for()
    assert page.evaluate("window.__sameDocument") is True

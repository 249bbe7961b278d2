"""A student builds a plan in Chromium: vision, goal, milestones, focus limit, review, history."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from headway.domain.planning import format_day
from headway.plans import services
from tests.factories import PASSWORD, UserFactory


def _log_in(page: Any, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("heading", name=re.compile("Hello")).wait_for()


@pytest.mark.django_db(transaction=True)
def test_a_plan_from_vision_to_an_adjusting_review(page: Any) -> None:
    user = UserFactory(email="student@example.org")
    today = date.today()
    target = today + timedelta(days=150)
    _log_in(page, user.email)

    # Vision
    page.goto("/plan/vision/")
    page.get_by_role("link", name="Write your 5-year vision").click()
    page.get_by_label("Target role").fill("Data engineer")
    page.get_by_label("Why it matters to you").fill("I like building things people use.")
    page.get_by_role("button", name="Save vision").click()
    page.get_by_text("Your 5-year vision is saved.").wait_for()

    # A goal with a metric, started as active
    page.goto("/plan/goals/new/")
    page.get_by_label(re.compile(r"^Goal:?$")).fill("Give four talks at data meetups")
    page.get_by_label("Target date").fill(target.isoformat())
    page.get_by_label("Metric unit").fill("talks")
    page.get_by_label("Baseline (where you are now)").fill("0")
    page.get_by_label(re.compile(r"^Target:?$")).fill("4")
    page.get_by_label("Active").check()
    page.get_by_role("button", name="Set goal").click()
    page.get_by_role("heading", name="Give four talks at data meetups").wait_for()
    goal_url = page.url

    # Two milestones, added in place by htmx
    for title, days in (("Write the first talk", 20), ("Give the first talk", 40)):
        page.get_by_label(re.compile(r"^Milestone:?$")).fill(title)
        page.get_by_label("Due date").fill((today + timedelta(days=days)).isoformat())
        page.get_by_role("button", name="Add milestone").click()
        page.locator(".milestone-title", has_text=title).wait_for()
    assert page.locator("#milestone-count").inner_text().startswith("0 of 2")

    # Completing a milestone updates progress without reloading the page
    page.evaluate("window.__stillHere = 'yes'")
    page.get_by_role("button", name="Mark “Write the first talk” done").click()
    page.locator("#milestone-count", has_text="1 of 2").wait_for()
    assert page.evaluate("window.__stillHere") == "yes"
    assert page.url == goal_url
    assert page.locator(".milestone.done .milestone-title").inner_text() == "Write the first talk"

    # The focus limit: two more active goals fill it, the fourth is refused with the reason
    for statement in ("Finish the SQL course", "Find a mentor"):
        services.goal_create(
            user=user, data={"statement": statement, "target_date": target, "status": "active"}
        )
    fourth = services.goal_create(
        user=user, data={"statement": "Build a portfolio site", "target_date": target}
    )
    page.goto(f"/plan/goals/{fourth.pk}/")
    page.get_by_role("button", name="Make active").click()
    page.get_by_role("heading", name="“Build a portfolio site” was not activated").wait_for()
    refusal = page.locator(".refusal-message").inner_text()
    assert "You already have 3 active goals, your focus limit of 3" in refusal
    assert "“Give four talks at data meetups”" in refusal and "“Find a mentor”" in refusal
    assert page.get_by_role("button", name=re.compile("Pause it and activate")).count() == 3

    # A review that adjusts the target date
    new_target = target + timedelta(days=60)
    page.goto(goal_url)
    page.get_by_role("link", name="Record a review").first.click()
    page.get_by_label("Current value (talks)").fill("1")
    page.get_by_label("What worked").fill("Practising with friends")
    page.get_by_label("Adjust the goal").check()
    page.get_by_label("Why this decision").fill("The meetup season starts later")
    page.get_by_label("New target date").fill(new_target.isoformat())
    page.get_by_role("button", name="Record review").click()
    page.get_by_text("The goal is adjusted").wait_for()
    assert f"Target {format_day(new_target)}" in page.locator(".goal-head").inner_text()

    # The change is in the goal's history, citing the review
    page.get_by_role("link", name=re.compile("^History")).click()
    version = page.locator("#version-2")
    version.wait_for()
    text = version.inner_text()
    assert "The meetup season starts later" in text
    assert format_day(target) in text and format_day(new_target) in text
    assert f"From the review of {format_day(today)}" in text

    # And on the roadmap
    page.goto("/plan/")
    roadmap = page.locator("figure.roadmap svg desc").text_content()
    assert "Give four talks at data meetups: " in roadmap
    assert f"to {format_day(new_target)}" in roadmap
    assert "1 of 2 milestones done" in roadmap


@pytest.mark.django_db(transaction=True)
def test_goals_are_ranked_with_the_keyboard(page: Any) -> None:
    user = UserFactory(email="ranker@example.org")
    target = date.today() + timedelta(days=90)
    for statement in ("Alpha goal", "Bravo goal", "Charlie goal"):
        services.goal_create(user=user, data={"statement": statement, "target_date": target})
    _log_in(page, user.email)
    page.goto("/plan/focus/")
    up = page.get_by_role("button", name=re.compile("move “Charlie goal” up"))
    up.focus()
    page.keyboard.press("Enter")
    page.locator(".ranked-item").nth(1).filter(has_text="Charlie goal").wait_for()
    # Focus stays on the moved goal's button, so pressing Enter again keeps moving it.
    # A locator, not wait_for_function: polling a string expression needs eval, which the
    # page's CSP forbids.
    page.locator(":focus", has_text="Charlie goal").wait_for()
    page.keyboard.press("Enter")
    page.locator(".ranked-item").first.filter(has_text="Charlie goal").wait_for()
    names = page.locator(".ranked-body > a").all_inner_texts()
    assert names == ["Charlie goal", "Alpha goal", "Bravo goal"]


def _drag(page: Any, handle: Any, target: Any) -> None:
    """Drag `handle` with the mouse, in small steps, until it is over the top of `target`."""
    target.hover(trial=True)  # waits until rows gliding back from an earlier drag stand still
    handle.hover()
    start = handle.bounding_box()
    end = target.bounding_box()
    assert start is not None and end is not None
    x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y + 2, steps=2)
    page.mouse.move(x, end["y"] + 4, steps=12)


@pytest.mark.django_db(transaction=True)
def test_goals_are_ranked_by_dragging_the_handle(page: Any) -> None:
    user = UserFactory(email="dragger@example.org")
    target = date.today() + timedelta(days=90)
    for statement in ("Alpha goal", "Bravo goal", "Charlie goal", "Delta goal"):
        services.goal_create(user=user, data={"statement": statement, "target_date": target})
    _log_in(page, user.email)
    page.goto("/plan/focus/")
    rows = page.locator(".ranked-item")
    handle = page.get_by_role("button", name="Drag to reorder “Charlie goal”")
    handle.wait_for()  # shown once plans.js has run

    # Escape puts a dragged goal back where it was, and saves nothing.
    _drag(page, handle, rows.first)
    page.locator(".ranked-item.is-dragging").wait_for()
    page.locator(".rank-slot").wait_for()
    page.keyboard.press("Escape")
    page.mouse.up()
    page.locator(".ranked-item.is-dragging").wait_for(state="detached")
    assert page.locator(".ranked-body > a").all_inner_texts()[2] == "Charlie goal"

    # Dropped over the first goal, the third becomes first, and the server says so.
    _drag(page, handle, rows.first)
    page.mouse.up()
    status = page.locator("#rank-status")
    status.filter(has_text="“Charlie goal” moved to position 1 of 4.").wait_for()
    names = page.locator(".ranked-body > a").all_inner_texts()
    assert names == ["Charlie goal", "Alpha goal", "Bravo goal", "Delta goal"]
    assert page.locator(".rank-number").all_inner_texts() == ["1", "2", "3", "4"]
    assert page.get_by_role("button", name=re.compile("move “Charlie goal” up")).is_disabled()

    page.reload()
    page.get_by_role("button", name="Drag to reorder “Delta goal”").wait_for()
    names = page.locator(".ranked-body > a").all_inner_texts()
    assert names == ["Charlie goal", "Alpha goal", "Bravo goal", "Delta goal"]

    # The Up and Down buttons still work beside the handles.
    page.get_by_role("button", name=re.compile("move “Charlie goal” down")).click()
    page.locator(".ranked-item").first.filter(has_text="Alpha goal").wait_for()
    # The handles of the swapped-in list are shown and drag again.
    handle = page.get_by_role("button", name="Drag to reorder “Delta goal”")
    handle.wait_for()
    _drag(page, handle, page.locator(".ranked-item").nth(1))
    page.mouse.up()
    status.filter(has_text="“Delta goal” moved to position 2 of 4.").wait_for()
    page.reload()
    page.locator(".ranked-item").first.wait_for()
    names = page.locator(".ranked-body > a").all_inner_texts()
    assert names == ["Alpha goal", "Delta goal", "Charlie goal", "Bravo goal"]


@pytest.mark.django_db(transaction=True)
def test_a_drag_handle_moves_its_goal_with_the_arrow_keys(page: Any) -> None:
    user = UserFactory(email="arrows@example.org")
    target = date.today() + timedelta(days=90)
    for statement in ("Alpha goal", "Bravo goal", "Charlie goal"):
        services.goal_create(user=user, data={"statement": statement, "target_date": target})
    _log_in(page, user.email)
    page.goto("/plan/focus/")
    page.get_by_role("button", name="Drag to reorder “Alpha goal”").focus()
    page.keyboard.press("End")
    page.locator("#rank-status", has_text="“Alpha goal” moved to position 3 of 3.").wait_for()
    # The focus comes back to the moved goal's handle, so the next key keeps moving it.
    page.locator("[data-drag-handle]:focus", has_text="Alpha goal").wait_for()
    page.keyboard.press("ArrowUp")
    page.locator("#rank-status", has_text="“Alpha goal” moved to position 2 of 3.").wait_for()
    names = page.locator(".ranked-body > a").all_inner_texts()
    assert names == ["Bravo goal", "Alpha goal", "Charlie goal"]

"""A student gets to know themselves in Chromium: interests, matches, skills, a gap made a goal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from headway.accounts.models import User
from headway.assessments.selectors import forget_skill_index
from headway.careers.search import forget_explorer
from tests.assessments.factories import load_items, make_career_data, set_target
from tests.factories import PASSWORD, UserFactory

# Investigative highest, Conventional next, everything else disliked: code "ICR".
RATINGS = {"I": "Enjoy", "C": "Slightly enjoy"}


@pytest.fixture(autouse=True)
def _fresh_indexes() -> Iterator[None]:
    forget_skill_index()
    forget_explorer()
    yield
    forget_skill_index()
    forget_explorer()


def _log_in(page: Any, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("heading", name=re.compile("Hello")).wait_for()


def _answer_page(page: Any) -> None:
    groups = page.locator("fieldset.likert")
    assert groups.count() == 8
    for index in range(8):
        group = groups.nth(index)
        code = (group.get_attribute("id") or "")[len("item-") :]
        group.get_by_label(RATINGS.get(code[0], "Dislike"), exact=True).check()


def _add_skill(page: Any, typed: str, option: str, *, keyboard: bool) -> None:
    # After an htmx swap the new form's scripts attach a moment later; a person cannot type
    # that fast, a test can, so it waits for them.
    page.locator("[data-combobox][data-ready]").wait_for()
    box = page.get_by_role("combobox", name="Skill")
    box.fill(typed)
    choice = page.get_by_role("option", name=re.compile(rf"^{re.escape(option)}"))
    choice.wait_for()
    if keyboard:
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == choice.get_attribute("id")
        box.press("Enter")
    else:
        choice.click()
    assert box.input_value() == option
    assert page.get_by_role("listbox").is_hidden()
    page.get_by_label("How good are you at it?").select_option("4")
    page.get_by_label("How much do you enjoy using it?").select_option("5")
    page.get_by_role("button", name="Add skill").click()
    page.get_by_text(f"“{option}” is added to your skills.").wait_for()


@pytest.mark.django_db(transaction=True)
def test_profile_matches_skills_and_a_gap_made_a_goal(page: Any) -> None:
    user: User = UserFactory(email="student@example.org")  # type: ignore[assignment]
    data = make_career_data()
    load_items()
    set_target(user, data.occupations["software-developer"])
    _log_in(page, user.email)

    # Interests: two pages, stop, come back, and finish.
    page.get_by_role("link", name=re.compile("Know yourself")).first.click()
    page.get_by_role("link", name="Interests", exact=True).click()
    page.get_by_role("button", name="Start").click()
    for number in (1, 2):
        page.get_by_text(f"Page {number} of 6").wait_for()
        _answer_page(page)
        page.get_by_role("button", name="Next page").click()
    page.get_by_text("Page 3 of 6").wait_for()
    assert page.locator("progress").get_attribute("value") == "16"
    page.get_by_role("button", name="Save and finish later").click()
    page.get_by_text("you start on page 3").wait_for()
    page.get_by_role("button", name="Continue on page 3").click()
    for number in (3, 4, 5, 6):
        page.get_by_text(f"Page {number} of 6").wait_for()
        _answer_page(page)
        last = number == 6
        page.get_by_role("button", name="See my results" if last else "Next page").click()
    page.get_by_role("heading", name="Your Holland code: ICR").wait_for()
    assert page.get_by_role("img", name=re.compile("Interest profile")).is_visible()

    # Careers that fit, best first, with a reason.
    page.get_by_role("link", name="Careers that fit", exact=True).first.click()
    first = page.locator(".match").first
    assert "Software Developers" in first.inner_text()
    assert "Strong Investigative and Conventional, like this work." in first.inner_text()
    page.get_by_label("Preparation you are ready for").select_option("2")
    page.locator(".match", has_text="Software Developers").wait_for(state="detached")
    assert "max_job_zone=2" in page.url
    assert page.locator(".match").count() == 2  # Carpenters, Retail Salespersons

    # Skills, through the autocomplete: an alternative label, a click, the keyboard.
    page.get_by_role("link", name="Skills", exact=True).click()
    page.wait_for_url("**/me/skills/")  # and for its scripts, which run before "load"
    _add_skill(page, "JS", "JavaScript", keyboard=True)
    _add_skill(page, "excel", "use spreadsheets software", keyboard=False)
    _add_skill(page, "proj man", "manage projects", keyboard=True)
    rows = page.locator(".skill-table tbody tr")
    assert rows.count() == 3
    page.get_by_role("button", name=re.compile(r"strengths\W+JavaScript$")).click()
    page.get_by_text("“JavaScript” is added to your plan's strengths.").wait_for()

    # The gap to the target occupation, and a missing skill turned into a goal.
    page.get_by_role("link", name="Skill gap", exact=True).click()
    page.get_by_role("heading", name="Skill gap to software developer").wait_for()
    page.get_by_role("button", name=re.compile(r"Make it a goal\W+debug software$")).click()
    page.get_by_text("A draft goal “Build the skill “debug software”” is in your plan").wait_for()
    page.get_by_role("link", name=re.compile(r"Your goal\s+for debug software$")).click()
    page.get_by_role("heading", name="Build the skill “debug software”").wait_for()
    mentor = page.get_by_role(
        "cell", name="Find a mentor who is good at “debug software”", exact=True
    )
    assert mentor.is_visible()

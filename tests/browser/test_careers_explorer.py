"""A student searches with a typo, opens an occupation, compares two, and sets a target."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import User
from headway.careers import search
from headway.careers.models import VisionTarget
from headway.careers.services import datasets_sync
from headway.plans.services import vision_save
from tests.careers.mirror import write_mirror
from tests.factories import UserFactory


@pytest.fixture
def imported(live_server: Any, tmp_path: Path) -> Iterator[None]:
    search.forget_explorer()
    outcomes = datasets_sync(mirror=write_mirror(tmp_path / "mirror"))
    assert all(outcome.ok for outcome in outcomes)
    yield
    search.forget_explorer()


def login(page: Any, live_server: Any) -> User:
    user = UserFactory()
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return user


def test_search_open_compare_and_set_a_target(page: Any, live_server: Any, imported: None) -> None:
    user = login(page, live_server)
    vision = vision_save(
        user=user,
        horizon=5,
        data={"target_role": "Developer", "salary_min": Decimal(150000), "salary_currency": "USD"},
    )
    page.goto("/dashboard/")
    page.get_by_role("navigation", name="Your career plan").get_by_role(
        "link", name="Explore careers"
    ).click()
    page.get_by_role("heading", name="Explore careers").wait_for()

    # Results arrive as the user types, without a page load.
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Job title or keyword").press_sequentially("sofware develpr", delay=20)
    results = page.locator("#results")
    results.get_by_role("link", name="Software Developers").wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert "q=sofware" in page.url  # the address can be shared or bookmarked

    # Compare two ticked results.
    results.get_by_label("Compare Software Developers").check()
    page.get_by_label("Job title or keyword").fill("nurse")
    results.get_by_role("link", name="Registered Nurses").wait_for()
    results.get_by_label("Compare Registered Nurses").check()
    results.get_by_role("button", name="Compare ticked occupations").click()
    page.get_by_role("heading", name="Compare occupations").wait_for()
    table = page.get_by_role("table")
    assert "Registered Nurses" in table.inner_text() and "$93,600" in table.inner_text()

    # Open an occupation and make it the vision's target.
    page.get_by_role("link", name="Software Developers").first.click()
    page.get_by_role("heading", name="Software Developers", level=1).wait_for()
    assert page.get_by_role("heading", name="Pay in the United States").is_visible()
    page.get_by_role("button", name="Set as target of my 5-year vision").click()
    page.get_by_text("is now the target occupation of your 5-year vision").wait_for()
    assert VisionTarget.objects.get(vision=vision).occupation.code == "15-1252.00"


def test_the_search_works_without_javascript(
    browser: Any, live_server: Any, imported: None
) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    login(page, live_server)
    page.goto("/careers/")
    page.get_by_label("Job title or keyword").fill("line cook")
    page.get_by_role("button", name="Search").click()
    page.locator("#results").get_by_role("link", name="Cooks, Restaurant").wait_for()
    context.close()

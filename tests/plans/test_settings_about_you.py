"""The user's hours a week and highest education, kept in plan settings for the coach."""

from __future__ import annotations

import json
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.domain.smart.fit import _education_zone
from headway.plans.models import PlanSettings
from tests.plans.test_api import call

pytestmark = pytest.mark.django_db
FORM = {"focus_limit": "3", "email_reminders": "on"}


def _page(client: Client, data: dict[str, str] | None = None) -> str:
    url = reverse("plans-settings")
    response = client.post(url, data, follow=True) if data is not None else client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_settings_page_saves_and_shows_hours_and_education(
    owner_client: Client, owner: User
) -> None:
    body = _page(owner_client)
    assert "Hours a week you can give your goals" in body
    assert "Highest education so far" in body
    body = _page(owner_client, {**FORM, "hours_per_week": "12", "education_level": "bachelor"})
    assert "Plan settings saved." in body
    found = PlanSettings.objects.get(user=owner)
    assert (found.hours_per_week, found.education_level) == (12, "bachelor")
    assert 'value="12"' in body
    assert '<option value="bachelor" selected>' in body
    # Both are optional: emptying them clears them.
    _page(owner_client, {**FORM, "hours_per_week": "", "education_level": ""})
    found.refresh_from_db()
    assert (found.hours_per_week, found.education_level) == (None, "")


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("0", "Hours a week must be between 1 and 80."),
        ("81", "Hours a week must be between 1 and 80."),
        ("ten", "Hours a week must be a whole number from 1 to 80."),
    ],
)
def test_the_settings_page_says_which_hours_are_refused(
    owner_client: Client, owner: User, hours: str, message: str
) -> None:
    body = _page(owner_client, {**FORM, "hours_per_week": hours, "education_level": "master"})
    assert message in body
    assert PlanSettings.objects.get(user=owner).hours_per_week is None


def test_the_settings_page_refuses_an_unknown_education(owner_client: Client) -> None:
    body = _page(owner_client, {**FORM, "education_level": "wizardry"})
    assert "Choose your highest education from the list." in body


def test_saving_the_settings_needs_a_csrf_token(csrf_client: Client) -> None:
    url = reverse("plans-settings")
    assert csrf_client.post(url, {**FORM, "hours_per_week": "5"}).status_code == 403


def test_the_api_reads_and_changes_hours_and_education(owner_client: Client) -> None:
    first = call(owner_client, "GET", "/settings").json()
    assert (first["hours_per_week"], first["education_level"]) == (None, "")
    changed = call(owner_client, "PATCH", "/settings", {"hours_per_week": 8})
    assert changed.status_code == 200, changed.content
    assert changed.json()["hours_per_week"] == 8
    assert changed.json()["focus_limit"] == first["focus_limit"]  # left out, left alone
    changed = call(owner_client, "PATCH", "/settings", {"education_level": "high_school"})
    assert (changed.json()["hours_per_week"], changed.json()["education_level"]) == (
        8,
        "high_school",
    )
    too_many = call(owner_client, "PATCH", "/settings", {"hours_per_week": 100})
    assert too_many.status_code == 422
    assert too_many.json() == {
        "detail": "hours_per_week: Use a number of at most 80.",
        "field": "hours_per_week",
    }
    unknown = call(owner_client, "PATCH", "/settings", {"education_level": "wizardry"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "education_level"
    cleared = call(owner_client, "PATCH", "/settings", {"hours_per_week": None})
    assert cleared.json()["hours_per_week"] is None
    assert cleared.json()["education_level"] == "high_school"


def test_download_my_data_holds_hours_and_education(owner_client: Client, owner: User) -> None:
    call(owner_client, "PATCH", "/settings", {"hours_per_week": 6, "education_level": "associate"})
    data = json.loads(owner_client.get(reverse("accounts-export")).content)
    settings = data["sections"]["plan"]["settings"]
    assert settings["hours_per_week"] == 6
    assert settings["education_level"] == "associate"
    assert settings["education_level_label"] == "Associate degree"


@pytest.mark.parametrize(
    ("level", "zone"),
    [
        (PlanSettings.Education.NONE, 1),
        (PlanSettings.Education.HIGH_SCHOOL, 2),
        (PlanSettings.Education.SOME_COLLEGE, 3),
        (PlanSettings.Education.ASSOCIATE, 3),
        (PlanSettings.Education.BACHELOR, 4),
        (PlanSettings.Education.MASTER, 5),
        (PlanSettings.Education.DOCTORAL, 5),
    ],
)
def test_every_education_label_places_the_user_in_a_job_zone(
    level: PlanSettings.Education, zone: int
) -> None:
    # The coach reads the label, so a reworded label must still be understood.
    assert _education_zone(level.label) == zone

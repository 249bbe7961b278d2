"""Words on pages and in emails: one date style, counts in the right number."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import headway
from headway.accounts.models import User
from tests.plans.factories import GoalFactory

TEMPLATES = Path(headway.__file__).parent / "templates"
# "3 Jun 2027", with a time "3 Jun 2027, 14:05", without the year "3 Jun", with the weekday.
HOUSE_FORMATS = {"j M Y", "j M Y, H:i", "j M", "l j M Y"}


def test_every_template_writes_dates_in_the_house_style() -> None:
    found = {
        (path.relative_to(TEMPLATES).as_posix(), fmt)
        for path in TEMPLATES.rglob("*.*")
        for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text())
    }
    assert found, "no date filters found: the pattern is stale"
    assert {(p, f) for p, f in found if f not in HOUSE_FORMATS} == set()


def test_dates_without_a_format_use_the_house_style() -> None:
    assert date_format(date(2029, 12, 3)) == "3 Dec 2029"
    moment = timezone.make_aware(datetime(2029, 12, 3, 14, 5))
    assert date_format(moment, "DATETIME_FORMAT") == "3 Dec 2029, 14:05"


@pytest.mark.django_db
def test_the_coach_writes_its_deadline_in_the_house_style(owner_client: Client) -> None:
    body = owner_client.post(
        reverse("coach-check"), {"statement": "Give 4 talks at meetups by 31 March 2027"}
    ).content.decode()
    # The panel's own date; the engine's explanations word dates themselves (domain/smart).
    assert '<time datetime="2027-03-31">31 Mar 2027</time>' in body


@pytest.mark.django_db
def test_a_metric_of_one_is_said_in_the_singular(owner: User, owner_client: Client) -> None:
    goal = GoalFactory(
        user=owner,
        metric_baseline=0,
        metric_target=5,
        metric_current=1,
        metric_unit="informational interviews",
    )
    page = owner_client.get(reverse("plans-goal", args=[goal.pk])).content.decode()
    assert "1 informational interview " in page or "1 informational interview<" in page
    assert "1 informational interviews" not in page
    assert "5 informational interviews" in page


@pytest.mark.django_db
def test_the_event_form_says_which_goals_the_event_serves(
    owner: User, owner_client: Client
) -> None:
    GoalFactory(user=owner)
    page = owner_client.get(reverse("network-event-create")).content.decode()
    assert "The goals going there serve." in page


@pytest.mark.django_db
def test_choice_lists_style_the_list_not_the_checkboxes(owner: User, owner_client: Client) -> None:
    goal = GoalFactory(user=owner)
    page = owner_client.get(reverse("network-contact-create")).content.decode()
    assert '<div id="id_goals" class="choice-list">' in page
    box = re.search(rf'<input type="checkbox" name="goals" value="{goal.pk}"[^>]*>', page)
    assert box is not None and "choice-list" not in box.group(0)

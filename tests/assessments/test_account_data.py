from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.assessments import services
from headway.assessments.models import GapGoal, InterestAttempt, UserSkill
from tests.accounts.test_accounts import _rows_referring_to
from tests.assessments.factories import (
    add_skill,
    finished_attempt,
    make_career_data,
    set_target,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _fill(user: User) -> None:
    data = make_career_data()
    finished_attempt(user, I=5, C=4)
    services.attempt_start(user=user)
    add_skill(user, skill_id=data.skills["javascript"].pk, proficiency=4, evidence="Website")
    add_skill(user, name="Knitting", proficiency=2)
    set_target(user, data.occupations["software-developer"])
    services.gap_goal_create(user=user, skill_id=data.skills["sql"].pk)


def test_download_my_data_has_the_assessments_section(owner: User, owner_client: Client) -> None:
    _fill(owner)
    data = json.loads(owner_client.get(reverse("accounts-export")).content)
    section = data["sections"]["assessments"]
    finished, unfinished = section["interest_attempts"]
    assert finished["holland_code"] == "ICR"
    assert finished["answers"]["I1"] == 5 and len(finished["answers"]) == 48
    assert unfinished["completed_at"] is None and unfinished["answers"] == {}
    assert [(s["name"], s["esco_uri"], s["evidence"]) for s in section["skills"]] == [
        ("JavaScript", "http://data.europa.eu/esco/skill/javascript", "Website"),
        ("Knitting", None, ""),
    ]
    assert section["gap_goals"] == [
        {
            "skill": "SQL",
            "esco_uri": "http://data.europa.eu/esco/skill/sql",
            "technology": None,
            "goal": "Build the skill “SQL”",
            "created_at": section["gap_goals"][0]["created_at"],
        }
    ]


def test_deleting_the_account_removes_every_assessment_row(
    owner: User, owner_client: Client, stranger: User
) -> None:
    _fill(owner)
    add_skill(stranger, name="Knitting")
    response = owner_client.post(
        reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert _rows_referring_to(owner) == {}
    assert not InterestAttempt.objects.filter(user_id=owner.pk).exists()
    assert not GapGoal.objects.exists()
    assert list(UserSkill.objects.values_list("user_id", flat=True)) == [stranger.pk]


def test_the_overview_sums_up_interests_matches_skills_and_gap(
    owner: User, owner_client: Client
) -> None:
    _fill(owner)
    body = owner_client.get(reverse("assessments-know")).content.decode()
    assert 'Your Holland code is <strong class="mono">ICR</strong>' in body
    assert "Software Developers" in body
    assert "2 skills rated: 1 strength, 1 to develop." in body
    assert "Software developer needs 3 essential skills; you are missing 2." in body
    assert 'aria-current="page"' in body


def test_the_first_step_of_the_process_links_here(owner_client: Client) -> None:
    body = owner_client.get(reverse("core-dashboard")).content.decode()
    assert f'href="{reverse("assessments-know")}"' in body

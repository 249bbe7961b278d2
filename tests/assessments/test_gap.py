from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.assessments import selectors
from headway.assessments.models import GapGoal
from headway.plans.models import Action, Goal
from tests.assessments.factories import add_skill, make_career_data, set_target

pytestmark = pytest.mark.django_db
GAP = "assessments-know-gap"


def test_an_esco_target_lists_its_skills_essential_first_then_by_related_need(
    owner: User,
) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["software-developer"])
    add_skill(owner, skill_id=data.skills["sql"].pk, proficiency=4)
    add_skill(owner, name="python (computer programming)", proficiency=2)
    gap = selectors.skill_gap_for_user(owner)
    assert gap.target == data.occupations["software-developer"]
    assert gap.related_total == 2  # the other two ESCO occupations in ISCO 2512
    rows = [(r.label, r.relation, r.related_count, r.has) for r in gap.rows]
    assert rows == [
        ("JavaScript", "essential", 2, False),
        ("SQL", "essential", 1, True),
        ("debug software", "essential", 0, False),
        ("Python (computer programming)", "optional", 1, True),
        ("manage projects", "optional", 0, False),
    ]
    assert gap.rows[1].user_skill is not None and gap.rows[1].user_skill.proficiency == 4


def test_an_onet_target_takes_the_skills_of_its_crosswalked_esco_occupations(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["15-1252.00"])
    body = owner_client.get(reverse(GAP)).content.decode()
    assert "Skill gap to Software Developers" in body
    assert "<strong>Closest ESCO occupation: software developer</strong>" in body
    assert body.index("JavaScript") < body.index("debug software") < body.index("manage projects")
    assert "5 of 5 skills missing: 3 essential and 2 optional" in body


def test_without_a_target_the_page_says_how_to_set_one(owner_client: Client) -> None:
    make_career_data()
    body = owner_client.get(reverse(GAP)).content.decode()
    assert "No target occupation yet" in body
    assert owner_client.get("/api/me/gap").json()["target"] is None


def test_the_ten_year_vision_has_its_own_gap(owner: User, owner_client: Client) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["software-developer"], horizon=5)
    set_target(owner, data.occupations["shop-assistant"], horizon=10)
    body = owner_client.get(reverse(GAP), {"horizon": 10}).content.decode()
    assert "Skill gap to shop assistant" in body and "public speaking" in body
    assert 'href="?horizon=5"' in body
    assert owner_client.get(reverse(GAP), {"horizon": 7}).status_code == 404


def test_one_click_turns_a_missing_skill_into_a_draft_goal_with_actions(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["software-developer"])
    javascript = data.skills["javascript"]
    with time_machine.travel(datetime(2026, 3, 10, 9, tzinfo=UTC)):
        response = owner_client.post(
            reverse("assessments-know-gap-goal"), {"skill_id": javascript.pk, "horizon": 5}
        )
    assert response["Location"] == reverse(GAP) + "?horizon=5"
    goal = Goal.objects.get(user=owner)
    assert goal.statement == "Build the skill “JavaScript”"
    assert (goal.status, goal.category, goal.horizon) == ("draft", "skill", 5)
    assert goal.target_date == date(2026, 9, 10)
    assert goal.why == (
        "“JavaScript” is an essential skill for software developer, the occupation my vision "
        "aims at; 2 related occupations need it too."
    )
    kinds = list(Action.objects.filter(goal=goal).order_by("id").values_list("kind", flat=True))
    assert kinds == ["course", "project", "volunteering", "mentorship"]
    page = owner_client.get(reverse(GAP)).content.decode()
    assert f'href="/plan/goals/{goal.pk}/"' in page
    again = owner_client.post(
        reverse("assessments-know-gap-goal"), {"skill_id": javascript.pk}, follow=True
    )
    assert "This skill is already your goal" in again.content.decode()
    assert Goal.objects.filter(user=owner).count() == 1


def test_the_api_lists_the_gap_and_makes_a_goal_with_chosen_actions(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["software-developer"])
    add_skill(owner, skill_id=data.skills["javascript"].pk, proficiency=3)
    gap = owner_client.get("/api/me/gap").json()
    assert gap["target"]["title"] == "software developer"
    first = gap["skills"][0]
    assert (first["label"], first["relation"], first["has"], first["proficiency"]) == (
        "JavaScript",
        "essential",
        True,
        3,
    )
    created = owner_client.post(
        "/api/me/gap/goals",
        {"skill_uri": data.skills["debug"].uri, "action_kinds": ["course", "mentorship"]},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert [a["kind"] for a in body["actions"]] == ["course", "mentorship"]
    assert body["actions"][1]["title"] == "Find a mentor who is good at “debug software”"
    repeat = owner_client.post(
        "/api/me/gap/goals", {"skill_id": data.skills["debug"].pk}, content_type="application/json"
    )
    assert repeat.status_code == 200 and repeat.json()["goal_id"] == body["goal_id"]
    bad = owner_client.post(
        "/api/me/gap/goals",
        {"skill_id": data.skills["sql"].pk, "action_kinds": ["holiday"]},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("action_kinds.0: Choose one of 'course'")
    assert GapGoal.objects.filter(user=owner).count() == 1
    strengths = owner_client.get("/api/me/strengths").json()
    assert [r["label"] for r in strengths["missing_essential"]] == ["SQL", "debug software"]


def test_deleting_the_goal_lets_the_skill_become_a_goal_again(owner: User) -> None:
    from headway.assessments import services

    data = make_career_data()
    goal, created = services.gap_goal_create(user=owner, skill_id=data.skills["sql"].pk)
    assert created
    goal.delete()
    _again, created = services.gap_goal_create(user=owner, skill_id=data.skills["sql"].pk)
    assert created


def test_the_gap_page_takes_a_fixed_number_of_queries(
    owner: User, owner_client: Client, django_assert_max_num_queries: object
) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["15-1252.00"])
    for skill in data.skills.values():
        add_skill(owner, skill_id=skill.pk)
    # One more query per level of ESCO's skill hierarchy above the user's skills, none per row.
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        owner_client.get(reverse(GAP))

"""Where the skill gap's skills come from, and what a user's skills meet."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.careers.models import (
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Skill,
    SkillBroader,
    Task,
    TechnologySkill,
)
from headway.careers.vocabulary import everyday_skill_names
from tests.assessments.factories import (
    ESCO_OCCUPATION,
    ESCO_SKILL,
    CareerData,
    add_skill,
    make_career_data,
    set_target,
)

pytestmark = pytest.mark.django_db
GAP = "assessments-know-gap"
SPREADSHEETS_URI = next(
    uri for uri, name in everyday_skill_names().items() if name == "spreadsheets (Excel)"
)


def _esco(
    data: CareerData, key: str, title: str, onet: Occupation | None = None, *, close: bool = True
) -> Occupation:
    """An ESCO occupation crosswalked to `onet`; the importer keeps `onet_match` only if close."""
    occupation = Occupation.objects.create(
        source=Occupation.Source.ESCO,
        code=ESCO_OCCUPATION + key,
        key=key,
        title=title,
        isco_group="2511",
        onet_match=onet if close else None,
        crosswalk_candidate=onet,
        crosswalk_direct=onet is not None,
    )
    data.occupations[key] = occupation
    return occupation


def _bi_analysts(data: CareerData) -> Occupation:
    """An O*NET occupation whose only crosswalked ESCO occupation names other work."""
    onet = Occupation.objects.create(
        source=Occupation.Source.ONET,
        code="15-2051.01",
        key="15-2051.01",
        title="Business Intelligence Analysts",
        soc_code="15-2051",
    )
    call_centre = _esco(data, "call-centre-analyst", "call centre analyst", onet, close=False)
    routing = Skill.objects.create(uri=ESCO_SKILL + "routing", label="call routing")
    OccupationSkill.objects.create(occupation=call_centre, skill=routing, relation="essential")
    for example, hot, in_demand in (
        ("Tableau", True, True),
        ("Structured query language SQL", True, False),
        ("IBM Cognos", False, False),
    ):
        TechnologySkill.objects.create(
            occupation=onet,
            example=example,
            commodity_code=43232306,
            commodity_title="Data base user interface and query software",
            hot=hot,
            in_demand=in_demand,
        )
    Task.objects.create(
        occupation=onet, task_id=9001, statement="Build dashboards for managers.", task_type="Core"
    )
    Task.objects.create(
        occupation=onet,
        task_id=9002,
        statement="Train users on reporting tools.",
        task_type="Supplemental",
    )
    return onet


def test_an_onet_target_without_a_close_esco_match_uses_its_own_technologies_and_tasks(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    set_target(owner, _bi_analysts(data))
    add_skill(owner, skill_id=data.skills["sql"].pk, proficiency=4)
    body = owner_client.get(reverse(GAP)).content.decode()
    assert "call routing" not in body
    assert "(call centre analyst) names other work" in body
    assert "2 of 3 technologies missing" in body
    assert (
        body.index("Tableau") < body.index("Structured query language SQL") < body.index("Cognos")
    )
    assert "In demand" in body and "Hot technology" in body
    assert body.index("Build dashboards") < body.index("Train users")
    gap = owner_client.get("/api/me/gap").json()
    assert gap["kind"] == "onet" and gap["tasks"][0] == "Build dashboards for managers."
    sql = next(s for s in gap["skills"] if s["label"] == "Structured query language SQL")
    assert (sql["has"], sql["hot"], sql["in_demand"], sql["skill_id"]) == (True, True, False, None)


def test_an_onet_target_uses_the_skills_of_a_close_esco_match(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    bi = _bi_analysts(data)
    analyst = _esco(data, "bi-analyst", "business intelligence analyst", bi)
    OccupationSkill.objects.create(
        occupation=analyst, skill=data.skills["sql"], relation="essential"
    )
    OccupationTitle.objects.create(occupation=analyst, kind="esco_alt", title="BI analyst")
    set_target(owner, bi)
    gap = owner_client.get("/api/me/gap").json()
    assert gap["kind"] == "esco" and gap["via"] == ["business intelligence analyst"]
    assert [s["label"] for s in gap["skills"]] == ["SQL"]


def test_a_skill_counts_toward_the_broader_skills_above_it(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    query_languages = Skill.objects.create(uri=ESCO_SKILL + "ql", label="query languages")
    SkillBroader.objects.create(skill=data.skills["sql"], broader=query_languages)
    analyst = _esco(data, "data-analyst", "data analyst")
    OccupationSkill.objects.create(occupation=analyst, skill=query_languages, relation="essential")
    OccupationSkill.objects.create(
        occupation=analyst, skill=data.skills["javascript"], relation="essential"
    )
    set_target(owner, analyst)
    add_skill(owner, skill_id=data.skills["sql"].pk, proficiency=4)
    body = owner_client.get(reverse(GAP)).content.decode()
    assert "1 of 2 skills missing" in body
    assert "through SQL" in body
    row = next(s for s in owner_client.get("/api/me/gap").json()["skills"] if s["met_by"])
    assert (row["label"], row["has"], row["proficiency"]) == ("query languages", True, 4)


def test_everyday_names_lead_with_the_esco_label_beside_them(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    sheets = Skill.objects.create(uri=SPREADSHEETS_URI, label="use spreadsheets software")
    clerk = _esco(data, "clerk", "office clerk")
    OccupationSkill.objects.create(occupation=clerk, skill=sheets, relation="essential")
    set_target(owner, clerk)
    body = owner_client.get(reverse(GAP)).content.decode()
    assert 'spreadsheets (Excel) <span class="muted">(ESCO: use spreadsheets software)' in body


def test_common_skills_lead_and_rare_jargon_follows(owner: User) -> None:
    from headway.assessments import selectors

    data = make_career_data()
    target = _esco(data, "analyst", "data analyst")
    rare = Skill.objects.create(uri=ESCO_SKILL + "n1ql", label="N1QL")
    for skill in (rare, data.skills["sql"]):
        OccupationSkill.objects.create(occupation=target, skill=skill, relation="essential")
    set_target(owner, target)
    assert [r.label for r in selectors.skill_gap_for_user(owner).rows] == ["SQL", "N1QL"]


def test_an_occupation_without_any_skills_data_says_so(owner: User, owner_client: Client) -> None:
    data = make_career_data()
    set_target(owner, data.occupations["47-2031.00"])
    body = owner_client.get(reverse(GAP)).content.decode()
    assert "No skills listed for this occupation" in body
    assert "Neither ESCO nor O*NET lists skills" in body


def test_a_technology_of_an_onet_target_becomes_a_goal_once(
    owner: User, owner_client: Client, stranger_client: Client
) -> None:
    from headway.assessments.models import GapGoal

    data = make_career_data()
    set_target(owner, _bi_analysts(data))
    page = owner_client.get(reverse(GAP)).content.decode()
    assert '<input type="hidden" name="technology" value="Tableau">' in page
    response = owner_client.post(
        reverse("assessments-know-gap-goal"), {"technology": "Tableau", "action_kinds": "course"}
    )
    assert response.status_code == 302
    goal = GapGoal.objects.get(user=owner, technology="Tableau").goal
    assert goal.statement == "Build the skill “Tableau”"
    assert "in demand and hot technology used by Business Intelligence Analysts" in goal.why
    assert [a.kind for a in goal.actions.all()] == ["course"]
    page = owner_client.get(reverse(GAP)).content.decode()
    assert f'href="{reverse("plans-goal", args=[goal.pk])}"' in page
    assert '<input type="hidden" name="technology" value="Tableau">' not in page
    again = owner_client.post(
        "/api/me/gap/goals", {"technology": "Tableau"}, content_type="application/json"
    )
    assert again.status_code == 200 and again.json()["goal_id"] == goal.pk
    cognos = owner_client.post(
        "/api/me/gap/goals", {"technology": "IBM Cognos"}, content_type="application/json"
    )
    assert cognos.status_code == 201
    assert cognos.json()["statement"] == "Build the skill “IBM Cognos”"
    unknown = owner_client.post(
        "/api/me/gap/goals", {"technology": "Excel 95"}, content_type="application/json"
    )
    assert unknown.status_code == 422
    assert (
        unknown.json()["detail"] == "That technology is not in your target occupation's skill gap."
    )
    # Another user's gap has no such technology, so nothing is made for them.
    assert (
        stranger_client.post(
            "/api/me/gap/goals", {"technology": "Tableau"}, content_type="application/json"
        ).status_code
        == 422
    )
    assert GapGoal.objects.count() == 2

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headway.accounts.models import User
from headway.assessments import services
from headway.assessments.models import UserSkill
from headway.plans.models import Trait
from headway.plans.selectors import traits_list_for_user
from tests.assessments.factories import add_skill, make_career_data

pytestmark = pytest.mark.django_db
SKILLS = "assessments-know-skills"


def test_autocomplete_finds_skills_by_alternative_label(owner_client: Client) -> None:
    data = make_career_data()
    body = owner_client.get(reverse("assessments-know-skills-suggest"), {"name": "JS"}).content
    html = body.decode()
    javascript = data.skills["javascript"]
    assert f'id="skill-option-{javascript.pk}" data-skill-id="{javascript.pk}"' in html
    assert 'data-label="JavaScript" aria-selected="false">JavaScript' in html
    assert "(“JS”)" in html
    assert 'role="option"' in html and "Keep “JS” in your own words" in html
    api = owner_client.get("/api/me/skills/autocomplete", {"q": "excel"}).json()
    assert api[0]["label"] == "use spreadsheets software"
    assert api[0]["matched_label"] == "Excel"
    assert owner_client.get("/api/me/skills/autocomplete", {"q": "  "}).json() == []


def test_the_index_is_rebuilt_when_skills_are_imported(owner_client: Client) -> None:
    make_career_data()
    assert owner_client.get("/api/me/skills/autocomplete", {"q": "kotlin"}).json() == []
    from headway.careers.models import Skill

    Skill.objects.create(uri="http://data.europa.eu/esco/skill/kotlin", label="Kotlin")
    found = owner_client.get("/api/me/skills/autocomplete", {"q": "kotlin"}).json()
    assert [s["label"] for s in found] == ["Kotlin"]


def test_it_adds_a_vocabulary_skill_and_a_free_text_skill(
    owner: User, owner_client: Client
) -> None:
    data = make_career_data()
    javascript = data.skills["javascript"]
    response = owner_client.post(
        reverse(SKILLS),
        {
            "name": "JS",
            "skill_id": javascript.pk,
            "proficiency": 4,
            "enjoyment": 5,
            "evidence": "Built the club's website",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "“JavaScript” is added to your skills." in body
    owner_client.post(reverse(SKILLS), {"name": "Knitting", "proficiency": 2, "enjoyment": 4})
    rows = list(UserSkill.objects.filter(user=owner).order_by("name_key"))
    assert [(r.label, r.skill_id, r.proficiency) for r in rows] == [
        ("JavaScript", javascript.pk, 4),
        ("Knitting", None, 2),
    ]
    page = owner_client.get(reverse(SKILLS)).content.decode()
    assert "your words" in page
    assert "Add to my plan&#x27;s strengths" in page or "Add to my plan's strengths" in page


def test_typed_text_equal_to_a_label_links_to_that_skill(owner: User) -> None:
    data = make_career_data()
    skill = add_skill(owner, name="  public   SPEAKING ")
    assert skill.skill_id == data.skills["speaking"].pk


def test_a_skill_typed_twice_is_merged_not_duplicated(owner: User, owner_client: Client) -> None:
    data = make_career_data()
    javascript = data.skills["javascript"]
    add_skill(owner, skill_id=javascript.pk, proficiency=2, evidence="A course")
    response = owner_client.post(
        reverse(SKILLS),
        {"name": "JavaScript", "skill_id": javascript.pk, "proficiency": 4, "enjoyment": 4},
        follow=True,
    )
    assert "You already had “JavaScript”: its ratings are updated, not added twice." in (
        response.content.decode()
    )
    merged = UserSkill.objects.get(user=owner)
    assert (merged.proficiency, merged.evidence) == (4, "A course")
    add_skill(owner, name="Team Leadership")
    again, merged_again = services.user_skill_add(
        user=owner, name="team   leadership", proficiency=5, enjoyment=2
    )
    assert merged_again
    assert UserSkill.objects.filter(user=owner).count() == 2
    assert (again.name, again.proficiency) == ("Team Leadership", 5)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=40
    ).filter(lambda s: s.strip())
)
def test_free_text_in_any_case_and_spacing_is_one_skill(owner: User, name: str) -> None:
    UserSkill.objects.filter(user=owner).delete()
    first, merged = services.user_skill_add(user=owner, name=name, proficiency=3, enjoyment=3)
    assert not merged
    variant = "  " + " ".join(name.upper().split()) + " "
    if " ".join(variant.casefold().split()) != first.name_key:
        return  # case folding that changes the text's length (e.g. "ß")
    second, merged = services.user_skill_add(user=owner, name=variant, proficiency=1, enjoyment=1)
    assert merged and second.pk == first.pk
    assert UserSkill.objects.filter(user=owner).count() == 1


def test_ratings_off_the_scale_are_refused_next_to_the_field(
    owner: User, owner_client: Client
) -> None:
    response = owner_client.post(
        reverse(SKILLS), {"name": "Welding", "proficiency": 7, "enjoyment": 0}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Rate how good you are from 1 to 5; 7 is off the scale." in body
    missing = owner_client.post(reverse(SKILLS), {"name": "Welding", "enjoyment": 3})
    assert "Rate how good you are from 1 to 5." in missing.content.decode()
    assert 'value="Welding"' in missing.content.decode()
    assert not UserSkill.objects.exists()


def test_the_api_adds_merges_updates_and_deletes_skills(owner_client: Client) -> None:
    data = make_career_data()
    created = owner_client.post(
        "/api/me/skills",
        {"skill_uri": data.skills["sql"].uri, "proficiency": 5, "enjoyment": 4},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["label"] == "SQL" and created.json()["strength"] is True
    again = owner_client.post(
        "/api/me/skills",
        {"name": "sql", "proficiency": 2, "enjoyment": 4},
        content_type="application/json",
    )
    assert again.status_code == 200
    assert again.json()["merged"] is True and again.json()["to_develop"] is True
    skill_id = created.json()["id"]
    bad = owner_client.patch(
        f"/api/me/skills/{skill_id}", {"enjoyment": 6}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert bad.json()["field"] == "enjoyment"
    assert bad.json()["detail"] == "enjoyment: Use a number of at most 5."
    ok = owner_client.patch(
        f"/api/me/skills/{skill_id}",
        {"evidence": "Reports at work"},
        content_type="application/json",
    )
    assert ok.json()["evidence"] == "Reports at work" and ok.json()["proficiency"] == 2
    assert len(owner_client.get("/api/me/skills").json()["items"]) == 1
    assert owner_client.delete(f"/api/me/skills/{skill_id}").status_code == 204
    assert owner_client.get("/api/me/skills").json()["items"] == []
    unknown = owner_client.post(
        "/api/me/skills",
        {"skill_uri": "http://nowhere", "proficiency": 3, "enjoyment": 3},
        content_type="application/json",
    )
    assert unknown.status_code == 422


def test_strengths_and_areas_to_develop_come_from_the_ratings(
    owner: User, owner_client: Client
) -> None:
    make_career_data()
    add_skill(owner, name="Cooking", proficiency=5, enjoyment=5)
    add_skill(owner, name="Accounting", proficiency=1, enjoyment=2)
    add_skill(owner, name="Driving", proficiency=3)
    profile = owner_client.get("/api/me/strengths").json()
    assert [s["label"] for s in profile["strengths"]] == ["Cooking"]
    assert [s["label"] for s in profile["to_develop"]] == ["Accounting"]


def test_one_click_adds_a_skill_to_the_plans_strengths_once(
    owner: User, owner_client: Client
) -> None:
    skill = add_skill(owner, name="Cooking", proficiency=5, enjoyment=4, evidence="Catering job")
    url = reverse("assessments-know-skill-trait", args=[skill.pk])
    response = owner_client.post(url, {"kind": "strength"}, follow=True)
    assert "“Cooking” is added to your plan&#x27;s strengths." in response.content.decode()
    trait = Trait.objects.get(user=owner)
    assert (trait.kind, trait.title) == ("strength", "Cooking")
    assert trait.note == (
        "From my skills inventory: proficiency 5/5, enjoyment 4/5. Evidence: Catering job"
    )
    again = owner_client.post(url, {"kind": "strength"}, follow=True)
    assert "already among your plan&#x27;s strengths" in again.content.decode()
    assert Trait.objects.filter(user=owner).count() == 1
    bad = owner_client.post(url, {"kind": "hobby"}, follow=True)
    assert "Add a skill as a strength or as a weakness." in bad.content.decode()


def test_the_api_adds_a_weakness_to_the_plan(owner: User, owner_client: Client) -> None:
    skill = add_skill(owner, name="Accounting", proficiency=1)
    response = owner_client.post(
        f"/api/me/skills/{skill.pk}/trait", {"kind": "weakness"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["kind"] == "weakness"
    traits = traits_list_for_user(owner)
    assert [(t.kind, t.title) for t in traits] == [("weakness", "Accounting")]


def test_adding_through_htmx_answers_with_the_section(owner_client: Client) -> None:
    response = owner_client.post(
        reverse(SKILLS),
        {"name": "Knitting", "proficiency": 3, "enjoyment": 5},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<div id="skill-section">')
    assert "“Knitting” is added to your skills." in body
    invalid = owner_client.post(
        reverse(SKILLS), {"name": "", "proficiency": 3, "enjoyment": 3}, HTTP_HX_REQUEST="true"
    )
    # htmx swaps only successful answers, so the form with its errors comes back as 200.
    assert invalid.status_code == 200
    assert "Type a skill, then choose a suggestion" in invalid.content.decode()


def test_edit_and_remove_a_skill(owner: User, owner_client: Client) -> None:
    skill = add_skill(owner, name="Knitting", proficiency=2)
    url = reverse("assessments-know-skill-edit", args=[skill.pk])
    assert "Knitting" in owner_client.get(url).content.decode()
    bad = owner_client.post(url, {"proficiency": 8, "enjoyment": 3})
    assert bad.status_code == 400
    assert "8 is off the scale" in bad.content.decode()
    owner_client.post(url, {"proficiency": 4, "enjoyment": 3, "evidence": "Scarves"})
    skill.refresh_from_db()
    assert (skill.proficiency, skill.evidence) == (4, "Scarves")
    owner_client.post(reverse("assessments-know-skill-delete", args=[skill.pk]))
    assert not UserSkill.objects.exists()


def test_skill_forms_need_a_csrf_token(csrf_client: Client) -> None:
    response = csrf_client.post(reverse(SKILLS), {"name": "x", "proficiency": 3, "enjoyment": 3})
    assert response.status_code == 403


def test_the_skills_page_takes_a_fixed_number_of_queries(
    owner: User, owner_client: Client, django_assert_max_num_queries: object
) -> None:
    data = make_career_data()
    for skill in data.skills.values():
        add_skill(owner, skill_id=skill.pk, proficiency=5)
    for n in range(10):
        add_skill(owner, name=f"Hobby {n}", proficiency=1)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        response = owner_client.get(reverse(SKILLS))
    assert response.content.decode().count("Add to my plan") == 17


def test_without_the_vocabulary_skills_are_added_in_own_words(owner_client: Client) -> None:
    body = owner_client.get(reverse(SKILLS)).content.decode()
    assert "The ESCO skills vocabulary is not loaded" in body
    owner_client.post(reverse(SKILLS), {"name": "Knitting", "proficiency": 3, "enjoyment": 5})
    assert UserSkill.objects.get().is_free_text


@override_settings(HEADWAY_PAGE_SIZE=4)
def test_the_skill_inventory_pages(owner: User, owner_client: Client) -> None:
    for n in range(10):
        add_skill(owner, name=f"Hobby {n}", proficiency=3)
    first = owner_client.get(reverse(SKILLS))
    assert len(first.context["skills_page"].object_list) == 4
    body = first.content.decode()
    assert 'Your skills <span class="muted">(10)</span>' in body
    assert "Page 1 of 3" in body
    last = owner_client.get(reverse(SKILLS), {"page": 3})
    assert len(last.context["skills_page"].object_list) == 2


def test_autocomplete_knows_everyday_names_hidden_labels_and_common_skills(
    owner_client: Client,
) -> None:
    from headway.careers.models import Occupation, OccupationSkill, Skill
    from headway.careers.vocabulary import everyday_skill_names

    data = make_career_data()
    uri = next(u for u, name in everyday_skill_names().items() if name == "public speaking")
    Skill.objects.create(uri=uri, label="address an audience")
    Skill.objects.create(
        uri="http://data.europa.eu/esco/skill/initiative",
        label="show initiative",
        hidden_labels="self starter",
    )
    rare = Skill.objects.create(uri="http://data.europa.eu/esco/skill/rare", label="cook fish")
    common = Skill.objects.create(uri="http://data.europa.eu/esco/skill/meals", label="cook meals")
    for key, skill in (("shop-assistant", common), ("software-developer", common)):
        OccupationSkill.objects.create(
            occupation=data.occupations[key], skill=skill, relation="optional"
        )
    assert rare.pk < common.pk and Occupation.objects.exists()

    def labels(query: str) -> list[str]:
        found = owner_client.get("/api/me/skills/autocomplete", {"q": query}).json()
        return [s["label"] for s in found]

    # Read without its stop words, the phrase also finds the skill labelled "public speaking".
    assert labels("speaking in public") == ["address an audience", "public speaking"]
    assert "address an audience" in labels("public speaking")
    assert labels("self starter") == ["show initiative"]
    assert labels("cooking")[:2] == ["cook meals", "cook fish"]

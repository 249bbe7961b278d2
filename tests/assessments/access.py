from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.assessments import services
from headway.careers.models import Skill
from tests.access import Endpoint, Page
from tests.assessments.factories import add_skill, answers_for, finished_attempt, load_items

POST = ("post",)
GAP_SKILL = "http://data.europa.eu/esco/skill/access-check"


def _items(user: User) -> dict[str, Any]:
    load_items()
    return {}


def _open_attempt(user: User) -> dict[str, Any]:
    load_items()
    attempt, _ = services.attempt_start(user=user)
    return {"attempt_id": attempt.pk}


def _open_page(user: User) -> dict[str, Any]:
    return {**_open_attempt(user), "number": 1}


def _answered_attempt(user: User) -> dict[str, Any]:
    load_items()
    attempt, _ = services.attempt_start(user=user)
    services.answers_save(attempt=attempt, answers=answers_for({"I": 5}))
    return {"attempt_id": attempt.pk}


def _finished(user: User) -> dict[str, Any]:
    return {"attempt_id": finished_attempt(user, I=5, A=4).pk}


def _user_skill(user: User) -> dict[str, Any]:
    return {"user_skill_id": add_skill(user, name="Public speaking").pk}


def _gap_skill(user: User) -> dict[str, Any]:
    Skill.objects.get_or_create(uri=GAP_SKILL, defaults={"label": "check access"})
    return {}


PAGES = [
    Page("assessments-know", "signed_in"),
    Page("assessments-know-interests", "signed_in"),
    Page("assessments-know-interests-start", "signed_in", methods=POST, owner_status=None),
    Page("assessments-know-interests-page", "owned", _open_page, methods=("get", "post")),
    Page("assessments-know-interests-result", "owned", _finished),
    Page("assessments-know-matches", "signed_in"),
    Page("assessments-know-skills", "signed_in", methods=("get", "post")),
    Page("assessments-know-skills-suggest", "signed_in"),
    Page("assessments-know-skill-edit", "owned", _user_skill, methods=("get", "post")),
    Page("assessments-know-skill-delete", "owned", _user_skill, methods=POST, owner_status=None),
    Page("assessments-know-skill-trait", "owned", _user_skill, methods=POST, owner_status=None),
    Page("assessments-know-gap", "signed_in"),
    Page("assessments-know-gap-goal", "signed_in", methods=POST, owner_status=None),
]

ME = "/api/me"
ENDPOINTS = [
    Endpoint(f"{ME}/interests/items", "get", "signed_in", _items),
    Endpoint(f"{ME}/interests/attempts", "get", "signed_in"),
    Endpoint(f"{ME}/interests/attempts", "post", "signed_in", _items, owner_status=201),
    Endpoint(f"{ME}/interests/attempts/{{attempt_id}}", "get", "owned", _open_attempt),
    Endpoint(
        f"{ME}/interests/attempts/{{attempt_id}}/answers",
        "patch",
        "owned",
        _open_attempt,
        body={"answers": {"R1": 4}},
    ),
    Endpoint(
        f"{ME}/interests/attempts/{{attempt_id}}/complete", "post", "owned", _answered_attempt
    ),
    Endpoint(f"{ME}/interests/results", "get", "signed_in", _finished),
    Endpoint(f"{ME}/matches", "get", "signed_in"),
    Endpoint(f"{ME}/skills/autocomplete", "get", "signed_in"),
    Endpoint(f"{ME}/skills", "get", "signed_in"),
    Endpoint(
        f"{ME}/skills",
        "post",
        "signed_in",
        body={"name": "Public speaking", "proficiency": 4, "enjoyment": 5},
        owner_status=201,
    ),
    Endpoint(f"{ME}/skills/{{user_skill_id}}", "get", "owned", _user_skill),
    Endpoint(
        f"{ME}/skills/{{user_skill_id}}", "patch", "owned", _user_skill, body={"proficiency": 2}
    ),
    Endpoint(f"{ME}/skills/{{user_skill_id}}", "delete", "owned", _user_skill, owner_status=204),
    Endpoint(
        f"{ME}/skills/{{user_skill_id}}/trait",
        "post",
        "owned",
        _user_skill,
        body={"kind": "strength"},
        owner_status=201,
    ),
    Endpoint(f"{ME}/strengths", "get", "signed_in"),
    Endpoint(f"{ME}/gap", "get", "signed_in"),
    Endpoint(
        f"{ME}/gap/goals",
        "post",
        "signed_in",
        _gap_skill,
        body={"skill_uri": GAP_SKILL},
        owner_status=201,
    ),
]

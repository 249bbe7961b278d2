from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.assessments import services
from tests.assessments.factories import add_skill, load_items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "assessments-know-interests-page",
        "assessments-know-skill-edit",
        "assessments-know-skill-delete",
        "assessments-know-skill-trait",
        "assessments-know-gap-goal",
    ],
)
def test_every_form_post_needs_a_csrf_token(owner: User, csrf_client: Client, name: str) -> None:
    load_items()
    attempt, _ = services.attempt_start(user=owner)
    skill = add_skill(owner, name="Knitting")
    kwargs = {
        "assessments-know-interests-page": {"attempt_id": attempt.pk, "number": 1},
        "assessments-know-gap-goal": {},
    }.get(name, {"user_skill_id": skill.pk})
    response = csrf_client.post(reverse(name, kwargs=kwargs), {"action": "save"})
    assert response.status_code == 403

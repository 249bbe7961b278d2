"""Inputs that once crashed the API or the pages; each is now refused (or survived) cleanly."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.plans import selectors
from headway.plans.models import Goal
from headway.plans.services import plan_settings_ensure
from tests.plans.factories import GoalFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

BIG = 2**63


def send(client: Client, method: str, path: str, body: Any = None, raw: str | None = None) -> Any:
    data = raw if raw is not None else json.dumps(body) if body is not None else ""
    return client.generic(method, path, data=data, content_type="application/json")


def goal_body(**data: Any) -> dict[str, Any]:
    return {"statement": "Learn SQL well", "target_date": "2030-09-30", **data}


def test_a_goal_dated_beyond_2100_is_refused_by_the_api_and_the_form(
    owner_token_client: Client, owner_client: Client
) -> None:
    refused = send(
        owner_token_client, "POST", "/api/plan/goals", goal_body(target_date="9999-12-31")
    )
    assert refused.status_code == 422
    assert refused.json()["field"] == "target_date"
    assert "out of range" in refused.json()["detail"]
    form = {
        "statement": "Learn SQL well",
        "category": "skill",
        "horizon": "5",
        "target_date": "9999-12-31",
        "metric_direction": "increase",
        "review_cadence": "monthly",
        "status": "draft",
    }
    page = owner_client.post(reverse("plans-goal-create"), form)
    assert page.status_code == 200 and "out of range" in page.content.decode()
    assert not Goal.objects.exists()


def test_a_goal_saved_in_year_9999_before_the_bound_still_shows(
    owner: User, owner_client: Client
) -> None:
    goal = GoalFactory(user=owner, target_date=date(9999, 12, 31), status="active")
    MilestoneFactory(goal=goal, due_on=date(9999, 12, 31))
    assert owner_client.get(reverse("plans-plan")).status_code == 200
    assert owner_client.get(reverse("plans-print")).status_code == 200
    token = plan_settings_ensure(owner).calendar_token
    feed = Client().get(reverse("plans-calendar-feed", args=[token]))
    assert feed.status_code == 200 and b"99991231" in feed.content


@pytest.mark.parametrize("text", ["Learn\x00SQL", "Learn \ud800SQL"])
def test_nul_bytes_and_lone_surrogates_are_refused(owner_token_client: Client, text: str) -> None:
    raw = json.dumps(goal_body(statement=text))  # ASCII JSON: \u0000 and \ud800 escapes
    refused = send(owner_token_client, "POST", "/api/plan/goals", raw=raw)
    assert refused.status_code == 422
    assert refused.json()["field"] == "statement"
    refused = send(owner_token_client, "GET", "/api/careers/occupations?q=a%00b")
    assert refused.status_code == 422 and refused.json()["field"] == "q"
    assert not Goal.objects.exists()


def test_a_null_in_a_patch_leaves_the_field_alone(owner: User, owner_token_client: Client) -> None:
    goal = GoalFactory(user=owner, why="Data jobs ask for it", metric_unit="")
    path = f"/api/plan/goals/{goal.pk}"
    for body in ({"why": None}, {"metric_unit": None}, {"statement": None}):
        response = send(owner_token_client, "PATCH", path, body)
        assert response.status_code == 200, response.content
    assert response.json()["why"] == "Data jobs ask for it"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/api/plan/goals/{BIG}", None),
        ("GET", f"/api/me/interests/results?attempt_id={BIG}", None),
        ("PUT", "/api/plan/goals/order", {"goal_ids": [BIG]}),
        (
            "POST",
            "/api/network/events",
            {"name": "Meetup", "on": "2026-05-01", "contact_ids": [BIG]},
        ),
        ("POST", "/api/network/contacts", {"name": "Ada", "goal_ids": [BIG]}),
    ],
)
def test_ids_beyond_64_bits_are_refused(
    owner_token_client: Client, method: str, path: str, body: Any
) -> None:
    refused = send(owner_token_client, method, path, body)
    assert refused.status_code == 422, refused.content
    assert refused.json()["detail"]


def test_a_bare_json_string_is_not_a_body(owner: User, owner_token_client: Client) -> None:
    goal = GoalFactory(user=owner)
    refused = send(owner_token_client, "POST", f"/api/plan/goals/{goal.pk}/actions", raw='"Read"')
    assert refused.status_code == 422
    assert not goal.actions.exists()


def test_a_malformed_smart_context_gets_a_plain_message(owner_token_client: Client) -> None:
    body = {"text": "Learn SQL by June", "context": {"hours_per_week": "lots"}}
    refused = send(owner_token_client, "POST", "/api/smart/analyse", body)
    assert refused.status_code == 422
    assert refused.json()["field"] == "context.hours_per_week"
    assert "object" not in refused.json()["detail"] and "Error" not in refused.json()["detail"]
    refused = send(owner_token_client, "POST", "/api/smart/analyse", {"text": "x", "context": []})
    assert refused.status_code == 422 and refused.json()["field"] == "context"


def test_a_patch_racing_a_delete_answers_404(
    owner: User, owner_token_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = GoalFactory(user=owner)
    found = selectors.goal_get_for_user

    def found_then_deleted(user: User, goal_id: int) -> Goal:
        stale = found(user, goal_id)
        Goal.objects.filter(pk=goal_id).delete()  # the DELETE wins the race here
        return stale

    monkeypatch.setattr(selectors, "goal_get_for_user", found_then_deleted)
    response = send(owner_token_client, "PATCH", f"/api/plan/goals/{goal.pk}", {"why": "Because"})
    assert response.status_code == 404
    assert not Goal.objects.exists()


def test_unauthenticated_writes_answer_401_with_a_challenge() -> None:
    response = send(Client(enforce_csrf_checks=True), "POST", "/api/plan/goals", goal_body())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json() == {"detail": "Send a personal access token or sign in.", "field": None}


def test_session_writes_still_need_the_csrf_token(owner: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    response = send(browser, "POST", "/api/plan/goals", goal_body())
    assert response.status_code == 403
    assert not Goal.objects.exists()

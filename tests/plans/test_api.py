"""The plan through its JSON API: the same rules, answered as 422 with the message."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import User
from headway.accounts.services import token_create
from headway.plans.models import Goal, PlanSettings
from tests.plans.factories import TraitFactory

pytestmark = pytest.mark.django_db
API = "/api/plan"


def call(client: Client, method: str, path: str, body: Any = None) -> Any:
    return client.generic(
        method,
        f"{API}{path}",
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
    )


def new_goal(client: Client, **data: Any) -> dict[str, Any]:
    body = {"statement": "Learn SQL well", "target_date": "2026-09-30", **data}
    response = call(client, "POST", "/goals", body)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_script_manages_a_vision_and_its_versions(owner: User) -> None:
    _, secret = token_create(user=owner, name="script")
    client = Client(headers={"Authorization": f"Bearer {secret}"})
    first = call(
        client, "PUT", "/visions/5", {"target_role": "Data engineer", "work_mode": "remote"}
    )
    assert first.status_code == 200 and first.json()["version"] == 1
    second = call(
        client,
        "PUT",
        "/visions/5",
        {
            "target_role": "Senior data engineer",
            "salary_min": 60000,
            "salary_max": 75000,
            "salary_currency": "eur",
            "reason": "Raised my sights",
        },
    )
    assert second.json()["version"] == 2 and second.json()["salary_currency"] == "EUR"
    versions = call(client, "GET", "/visions/5/versions").json()["items"]
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[0]["reason"] == "Raised my sights"
    assert versions[1]["snapshot"]["target_role"] == "Data engineer"
    assert [v["horizon"] for v in call(client, "GET", "/visions").json()["items"]] == [5]
    bad = call(
        client, "PUT", "/visions/10", {"target_role": "CTO", "salary_min": 9, "salary_max": 1}
    )
    assert bad.status_code == 422 and bad.json()["field"] == "salary_max"
    assert call(client, "PUT", "/visions/7", {"target_role": "x"}).status_code == 404
    assert call(client, "GET", "/visions/10").status_code == 404


def test_goals_are_created_read_changed_and_deleted(owner_client: Client) -> None:
    goal = new_goal(
        owner_client, metric_baseline=0, metric_target=4, metric_unit="talks", status="active"
    )
    assert (goal["status"], goal["progress"], goal["progress_source"]) == ("active", 0, "metric")
    assert goal["next_review_on"] == "2026-04-10"
    path = f"/goals/{goal['id']}"
    refused = call(owner_client, "PATCH", path, {"target_date": "2026-12-01"})
    assert refused.status_code == 422
    assert refused.json() == {
        "detail": "Say why you are changing the target date; the reason is kept in the goal's "
        "history.",
        "field": "reason",
    }
    changed = call(owner_client, "PATCH", path, {"target_date": "2026-12-01", "reason": "Later"})
    assert changed.json()["target_date"] == "2026-12-01" and changed.json()["version"] == 2
    metric = call(owner_client, "POST", f"{path}/metric", {"value": 2, "note": "two talks"})
    assert metric.json()["progress"] == 50 and metric.json()["metric_current"] == 2
    history = call(owner_client, "GET", f"{path}/history").json()["items"]
    assert [h["number"] for h in history] == [1, 2]
    assert history[1]["changes"][0]["new_display"] == "1 Dec 2026"
    assert call(owner_client, "GET", path).json()["statement"] == "Learn SQL well"
    assert len(call(owner_client, "GET", "/goals").json()["items"]) == 1


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"statement": " "}, "statement", "cannot be empty"),
        ({"target_date": "2025-01-01"}, "target_date", "is in the past"),
        (
            {"metric_baseline": 10, "metric_target": 5, "metric_unit": "h"},
            "metric_target",
            "below the baseline",
        ),
        ({"category": "hobby"}, "category", "Choose one of"),
        ({"impact": 7}, "impact", "Choose one of"),
    ],
)
def test_bad_goals_are_refused_with_422_and_a_message(
    owner_client: Client, body: dict[str, Any], field: str, message: str
) -> None:
    response = call(
        owner_client,
        "POST",
        "/goals",
        {"statement": "Learn SQL", "target_date": "2026-09-30", **body},
    )
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert message in response.json()["detail"]


def test_a_goal_without_a_date_is_refused_by_the_schema(owner_client: Client) -> None:
    assert call(owner_client, "POST", "/goals", {"statement": "x"}).status_code == 422


def test_the_focus_limit_is_enforced_through_the_api(owner_client: Client) -> None:
    goals = [new_goal(owner_client, statement=f"Goal {n}") for n in range(4)]
    for goal in goals[:3]:
        ok = call(owner_client, "POST", f"/goals/{goal['id']}/status", {"status": "active"})
        assert ok.status_code == 200
    refused = call(owner_client, "POST", f"/goals/{goals[3]['id']}/status", {"status": "active"})
    assert refused.status_code == 422
    assert refused.json()["active"] == ["Goal 0", "Goal 1", "Goal 2"]
    parked = call(
        owner_client,
        "POST",
        f"/goals/{goals[3]['id']}/status",
        {"status": "active", "park": goals[0]["id"]},
    )
    assert parked.json()["status"] == "active"
    assert call(owner_client, "GET", f"/goals/{goals[0]['id']}").json()["status"] == "paused"
    too_low = call(owner_client, "PATCH", "/settings", {"focus_limit": 2})
    assert too_low.status_code == 422 and too_low.json()["field"] == "focus_limit"
    raised = call(owner_client, "PATCH", "/settings", {"focus_limit": 5, "email_reminders": False})
    assert raised.json()["focus_limit"] == 5 and raised.json()["email_reminders"] is False


def test_goals_are_ranked_by_moves_and_by_a_full_order(owner_client: Client) -> None:
    a, b, c = (new_goal(owner_client, statement=s)["id"] for s in ("A", "B", "C"))
    moved = call(owner_client, "POST", f"/goals/{c}/move", {"direction": "up"}).json()
    assert [g["statement"] for g in moved] == ["A", "C", "B"]
    assert call(owner_client, "PUT", "/goals/order", {"goal_ids": [b, a, c]}).status_code == 204
    listed = call(owner_client, "GET", "/goals").json()["items"]
    assert [g["statement"] for g in listed] == ["B", "A", "C"]
    partial = call(owner_client, "PUT", "/goals/order", {"goal_ids": [a, b]})
    assert partial.status_code == 422
    placed = call(owner_client, "POST", f"/goals/{a}/place", {"impact": 3, "effort": 1}).json()
    assert (placed["impact"], placed["effort"]) == (3, 1)


def test_milestones_drive_progress_and_their_dates_are_checked(owner_client: Client) -> None:
    goal = new_goal(owner_client)["id"]
    path = f"/goals/{goal}/milestones"
    past = call(owner_client, "POST", path, {"title": "Enrol", "due_on": "2026-03-01"})
    assert past.status_code == 422 and "is in the past" in past.json()["detail"]
    late = call(owner_client, "POST", path, {"title": "Enrol", "due_on": "2026-10-01"})
    assert "after the goal's target date (30 Sep 2026)" in late.json()["detail"]
    first = call(owner_client, "POST", path, {"title": "Module 1", "due_on": "2026-04-01"}).json()
    call(owner_client, "POST", path, {"title": "Module 2", "due_on": "2026-05-01"})
    done = call(owner_client, "POST", f"/milestones/{first['id']}/complete", {"done": True})
    assert done.json()["done"] is True
    assert call(owner_client, "GET", f"/goals/{goal}").json()["progress"] == 50
    renamed = call(owner_client, "PATCH", f"/milestones/{first['id']}", {"title": "Module one"})
    assert renamed.json()["title"] == "Module one"
    assert [m["title"] for m in call(owner_client, "GET", path).json()["items"]] == [
        "Module one",
        "Module 2",
    ]


def test_actions_need_web_links(owner_client: Client) -> None:
    goal = new_goal(owner_client)["id"]
    path = f"/goals/{goal}/actions"
    bad = call(owner_client, "POST", path, {"title": "Course", "url": "javascript:alert(1)"})
    assert bad.status_code == 422 and bad.json()["field"] == "url"
    no_currency = call(owner_client, "POST", path, {"title": "Course", "cost_amount": 20})
    assert no_currency.json()["field"] == "cost_currency"
    made = call(
        owner_client,
        "POST",
        path,
        {
            "title": "Course",
            "kind": "certification",
            "url": "https://example.org",
            "cost_amount": 120,
            "cost_currency": "usd",
            "hours": 30,
            "due_on": "2026-06-01",
        },
    )
    assert made.status_code == 201 and made.json()["cost_currency"] == "USD"
    changed = call(owner_client, "PATCH", f"/actions/{made.json()['id']}", {"status": "doing"})
    assert changed.json()["status"] == "doing" and changed.json()["url"] == "https://example.org"
    assert len(call(owner_client, "GET", path).json()["items"]) == 1


def test_reviews_record_progress_and_adjust_the_goal(owner_client: Client) -> None:
    goal = new_goal(owner_client, status="active")["id"]
    path = f"/goals/{goal}/reviews"
    missing = call(owner_client, "POST", path, {"worked": "x"})
    assert missing.status_code == 422 and missing.json()["field"] == "progress"
    adjust = call(
        owner_client,
        "POST",
        path,
        {
            "progress": 30,
            "decision": "adjust",
            "decision_note": "Busy at work",
            "new_target_date": "2026-12-15",
        },
    )
    assert adjust.status_code == 201
    goal_now = call(owner_client, "GET", f"/goals/{goal}").json()
    assert goal_now["target_date"] == "2026-12-15" and goal_now["version"] == 2
    history = call(owner_client, "GET", f"/goals/{goal}/history").json()["items"]
    assert history[-1]["review_id"] == adjust.json()["id"]
    assert history[-1]["source"] == "review"
    assert [r["progress"] for r in call(owner_client, "GET", path).json()["items"]] == [30]


def test_a_weakness_becomes_a_goal_through_the_api(owner_client: Client, owner: User) -> None:
    trait = TraitFactory(user=owner)
    made = call(owner_client, "POST", f"/traits/{trait.pk}/goal")
    assert made.status_code == 201 and made.json()["status"] == "draft"
    again = call(owner_client, "POST", f"/traits/{trait.pk}/goal")
    assert again.json()["id"] == made.json()["id"]
    listed = call(owner_client, "GET", "/traits").json()["items"]
    assert listed[0]["goal_id"] == made.json()["id"]
    empty = call(owner_client, "POST", "/traits", {"kind": "strength", "title": "  "})
    assert empty.status_code == 422 and empty.json()["field"] == "title"


def test_the_calendar_address_is_regenerated_through_the_api(
    owner_client: Client, owner: User
) -> None:
    before = call(owner_client, "GET", "/settings").json()["calendar_url"]
    after = call(owner_client, "POST", "/calendar/token").json()["calendar_url"]
    assert before != after
    assert Client().get(before).status_code == 404
    assert Client().get(after).status_code == 200
    assert PlanSettings.objects.get(user=owner).calendar_token in after


def test_a_stranger_cannot_park_the_owners_goal(
    owner_client: Client, stranger_client: Client
) -> None:
    theirs = new_goal(stranger_client, status="active")["id"]
    mine = new_goal(owner_client)["id"]
    response = call(
        owner_client, "POST", f"/goals/{mine}/status", {"status": "active", "park": theirs}
    )
    assert response.status_code == 404
    assert Goal.objects.get(pk=theirs).status == "active"

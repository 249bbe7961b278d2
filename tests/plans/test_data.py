"""The plan is in "download my data", and goes with the account."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.plans import services
from headway.plans.models import (
    Action,
    Goal,
    GoalVersion,
    MetricReading,
    Milestone,
    PlanSettings,
    Reminder,
    Review,
    Trait,
    Vision,
    VisionVersion,
)
from headway.plans.reminders import reminders_send
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _whole_plan(user: User) -> Goal:
    services.vision_save(user=user, horizon=5, data={"target_role": "Data engineer"})
    services.vision_save(user=user, horizon=5, data={"target_role": "Senior data engineer"})
    trait = services.trait_create(user=user, kind="weakness", title="Public speaking")
    services.trait_goal_create(trait=trait)
    goal = services.goal_create(
        user=user,
        data={
            "statement": "Give four talks",
            "target_date": date(2026, 9, 30),
            "status": "active",
            "metric_baseline": 0,
            "metric_target": 4,
            "metric_unit": "talks",
        },
    )
    services.milestone_create(goal=goal, title="First talk", due_on=date(2026, 3, 11))
    services.action_create(goal=goal, data={"title": "Toastmasters", "kind": "training"})
    services.review_record(
        goal=goal,
        data={"metric_value": 1, "decision": "adjust", "decision_note": "Going well"},
        adjust={"new_metric_target": 6},
    )
    services.plan_settings_update(user=user, focus_limit=4)
    reminders_send()
    return goal


def test_download_my_data_holds_the_whole_plan(owner_client: Client, owner: User) -> None:
    _whole_plan(owner)
    data = json.loads(owner_client.get(reverse("accounts-export")).content)
    plan = data["sections"]["plan"]
    assert plan["settings"]["focus_limit"] == 4
    assert "calendar_token" not in plan["settings"]
    assert [v["version"] for v in plan["visions"]] == [2]
    assert len(plan["visions"][0]["versions"]) == 2
    assert plan["strengths_and_weaknesses"][0]["title"] == "Public speaking"
    talks = next(g for g in plan["goals"] if g["statement"] == "Give four talks")
    assert talks["metric_target"] == "6"
    assert [v["number"] for v in talks["versions"]] == [1, 2]
    assert talks["versions"][1]["reason"] == "Going well"
    assert talks["versions"][1]["changes"][0]["new_display"] == "6"
    assert talks["versions"][1]["snapshot"]["metric_target"] == "6"
    assert talks["milestones"][0]["title"] == "First talk"
    assert talks["actions"][0]["title"] == "Toastmasters"
    assert talks["reviews"][0]["metric_value"] == "1"
    assert talks["metric_readings"][0]["value"] == "1"
    assert plan["reminders_sent"]
    assert services.plan_settings_ensure(owner).calendar_token not in json.dumps(data)


def test_deleting_the_account_removes_the_whole_plan(owner_client: Client, owner: User) -> None:
    _whole_plan(owner)
    models = (
        Vision,
        VisionVersion,
        Trait,
        Goal,
        GoalVersion,
        Milestone,
        Action,
        Review,
        MetricReading,
        PlanSettings,
        Reminder,
    )
    assert all(model.objects.exists() for model in models)
    response = owner_client.post(
        reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert [m.__name__ for m in models if m.objects.exists()] == []

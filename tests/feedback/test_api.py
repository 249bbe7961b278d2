"""The feedback API, end to end: the same rules as the pages, answered in JSON."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from headway.accounts.models import User
from headway.feedback.models import Adjustment, Comment, ReviewerAccess
from headway.plans.models import Goal
from tests.factories import UserFactory
from tests.feedback.factories import GoalFactory, ask, comment, invite, rate, share

API = "/api/feedback"


def call(client: Client, method: str, path: str, body: Any = None) -> Any:
    response = client.generic(
        method,
        f"{API}{path}",
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
    )
    return response


def test_an_invitation_made_and_accepted_over_the_api(
    owner_client: Client, dana_client: Client, dana: User, goal: Goal, mailoutbox: list[Any]
) -> None:
    made = call(
        owner_client,
        "POST",
        "/invitations",
        {"email": "Dana@example.org", "role": "colleague", "goal_ids": [goal.pk]},
    )
    assert made.status_code == 201, made.content
    data = made.json()
    assert data["invitation"]["email"] == "dana@example.org"
    assert data["invitation"]["state"] == "pending"
    assert data["invitation"]["goals"][0]["id"] == goal.pk
    assert data["link"] in mailoutbox[0].body
    token = data["link"].rstrip("/").rsplit("/", 1)[1]
    accepted = call(dana_client, "POST", "/invitations/accept", {"token": token})
    assert accepted.status_code == 201
    assert accepted.json()["owner"]["email"] == "alice@example.org"
    again = call(dana_client, "POST", "/invitations/accept", {"token": token})
    assert again.status_code == 410
    assert again.json()["problem"] == "used"
    listed = call(owner_client, "GET", "/invitations").json()["items"]
    assert listed[0]["state"] == "accepted"
    reviewers = call(owner_client, "GET", "/reviewers").json()["items"]
    assert [r["reviewer"]["email"] for r in reviewers] == ["dana@example.org"]
    reviewing = call(dana_client, "GET", "/reviewing").json()["items"]
    assert [r["owner"]["name"] for r in reviewing] == ["Alice"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"email": "alice@example.org", "scope": "plan"}, "email", "your own address"),
        ({"email": "nope", "scope": "plan"}, "email", "full email address"),
        ({"email": "x@example.org", "scope": "goals"}, "goals", "at least one goal"),
        ({"email": "x@example.org", "scope": "all"}, "scope", "Choose one of"),
        ({"email": "x@example.org", "scope": "plan", "role": "boss"}, "role", "Choose one of"),
    ],
)
def test_refused_invitations_answer_422_naming_the_field(
    owner_client: Client, body: dict[str, Any], field: str, message: str
) -> None:
    response = call(owner_client, "POST", "/invitations", body)
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert message in response.json()["detail"]


def test_inviting_twice_over_the_api_is_refused(owner: User, owner_client: Client) -> None:
    invite(owner, "dana@example.org", scope="plan")
    response = call(
        owner_client, "POST", "/invitations", {"email": "dana@example.org", "scope": "plan"}
    )
    assert response.status_code == 422
    assert "already invited" in response.json()["detail"]


def test_sharing_someone_elses_goal_is_404(owner_client: Client, stranger: User) -> None:
    theirs = GoalFactory(user=stranger)
    response = call(
        owner_client, "POST", "/invitations", {"email": "d@example.org", "goal_ids": [theirs.pk]}
    )
    assert response.status_code == 404


def test_link_problems_answer_with_their_status(
    owner: User, owner_client: Client, dana_client: Client, settings: Any
) -> None:
    settings.HEADWAY_FEEDBACK_INVITATION_DAYS = 1
    invitation, token = invite(owner, scope="plan")
    assert (
        call(dana_client, "POST", "/invitations/accept", {"token": token + "x"}).json()["problem"]
        == "tampered"
    )
    assert call(owner_client, "POST", "/invitations/accept", {"token": token}).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        expired = call(dana_client, "POST", "/invitations/accept", {"token": token})
        assert (expired.status_code, expired.json()["problem"]) == (410, "expired")
    withdrawn = call(owner_client, "POST", f"/invitations/{invitation.pk}/withdraw")
    assert withdrawn.json()["state"] == "withdrawn"
    gone = call(dana_client, "POST", "/invitations/accept", {"token": token})
    assert (gone.status_code, gone.json()["problem"]) == (410, "withdrawn")
    assert "invite you again" in gone.json()["next_step"]


def test_a_whole_conversation_over_the_api(
    owner_client: Client, dana_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    asked = call(owner_client, "POST", f"/goals/{goal.pk}/questions", {"body": "Realistic?"})
    assert asked.status_code == 201
    question_id = asked.json()["id"]
    open_questions = call(dana_client, "GET", "/questions/open").json()["items"]
    assert [q["id"] for q in open_questions] == [question_id]
    answered = call(dana_client, "POST", f"/comments/{question_id}/replies", {"body": "Mostly."})
    assert answered.status_code == 201
    assert call(dana_client, "GET", "/questions/open").json()["items"] == []
    answer_id = answered.json()["id"]
    back = call(owner_client, "POST", f"/comments/{answer_id}/replies", {"body": "Thanks!"})
    assert back.status_code == 201 and back.json()["from_owner"] is True
    own = call(owner_client, "POST", f"/comments/{question_id}/replies", {"body": "Hm"})
    assert own.status_code == 422
    made = call(dana_client, "POST", f"/goals/{goal.pk}/comments", {"body": "Add a metric."})
    assert made.status_code == 201
    empty = call(dana_client, "POST", f"/goals/{goal.pk}/comments", {"body": " "})
    assert (empty.status_code, empty.json()["field"]) == (422, "body")
    rated = call(dana_client, "PUT", f"/goals/{goal.pk}/ratings/measurable", {"rating": "not_met"})
    assert rated.status_code == 200 and rated.json()["rating"] == "not_met"
    bad = call(dana_client, "PUT", f"/goals/{goal.pk}/ratings/measurable", {"rating": "meh"})
    assert bad.status_code == 422
    assert (
        call(dana_client, "PUT", f"/goals/{goal.pk}/ratings/pretty", {"rating": "met"}).status_code
        == 404
    )
    shared = call(dana_client, "GET", f"/shared/goals/{goal.pk}").json()
    assert [c["body"] for c in shared["comments"]] == [
        "Add a metric.",
        "Realistic?",
        "Mostly.",
        "Thanks!",
    ]
    assert [r["criterion"] for r in shared["ratings"]] == ["measurable"]
    seen = call(owner_client, "GET", f"/goals/{goal.pk}/feedback").json()
    assert len(seen["comments"]) == 4 and seen["readers"][0]["name"] == "Dana"
    assert [g["id"] for g in call(dana_client, "GET", "/shared/goals").json()["items"]] == [goal.pk]


def test_feedback_becomes_an_adjustment_over_the_api(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal, "Too vague.")
    response = call(
        owner_client,
        "POST",
        f"/comments/{remark.pk}/adjustment",
        {"statement": "Lead the analytics team of five by next year", "note": "Named it."},
    )
    assert response.status_code == 201, response.content
    assert response.json()["reason"] == "Adjusted after feedback from Dana: “Too vague.” Named it."
    assert response.json()["comment_id"] == remark.pk
    found = rate(dana, goal)
    nothing = call(owner_client, "POST", f"/ratings/{found.pk}/adjustment", {})
    assert nothing.status_code == 422
    past = call(
        owner_client,
        "POST",
        f"/ratings/{found.pk}/adjustment",
        {"target_date": "2000-01-01"},
    )
    assert (past.status_code, past.json()["field"]) == (422, "target_date")
    later = (goal.target_date + timedelta(days=30)).isoformat()
    done = call(owner_client, "POST", f"/ratings/{found.pk}/adjustment", {"target_date": later})
    assert done.status_code == 201 and done.json()["rating_id"] == found.pk
    assert Adjustment.objects.count() == 2
    listed = call(owner_client, "GET", f"/goals/{goal.pk}/feedback").json()["adjustments"]
    assert len(listed) == 2


def test_ending_and_leaving_access_over_the_api(
    owner: User, owner_client: Client, dana_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    other = UserFactory()
    theirs = share(owner, other, scope="plan")
    changed = call(
        owner_client, "PUT", f"/reviewers/{access.pk}/goals", {"scope": "plan", "goal_ids": []}
    )
    assert changed.json()["scope"] == "plan"
    ended = call(owner_client, "POST", f"/reviewers/{access.pk}/end")
    assert ended.json()["ended_by"] == "owner"
    assert call(dana_client, "GET", f"/shared/goals/{goal.pk}").status_code == 404
    assert call(owner_client, "GET", "/reviewers?ended=true").json()["items"][0]["id"] == access.pk
    other_client = Client()
    other_client.force_login(other)
    left = call(other_client, "POST", f"/reviewing/{theirs.pk}/leave")
    assert left.json()["ended_by"] == "reviewer"
    assert call(other_client, "POST", f"/reviewing/{theirs.pk}/leave").status_code == 404
    assert call(owner_client, "GET", "/reviewers").json()["items"] == []


def test_a_comment_on_a_milestone_of_another_goal_is_404_over_the_api(
    dana_client: Client, goal: Goal, other_goal: Goal, access: ReviewerAccess
) -> None:
    from tests.feedback.factories import MilestoneFactory

    elsewhere = MilestoneFactory(goal=other_goal)
    response = call(
        dana_client,
        "POST",
        f"/goals/{goal.pk}/comments",
        {"body": "Hi", "milestone_id": elsewhere.pk},
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_token_authenticates_the_api_too(owner: User, goal: Goal) -> None:
    from headway.accounts.services import token_create

    _, raw = token_create(user=owner, name="script")
    ask(goal)
    response = Client().get(f"{API}/goals/{goal.pk}/feedback", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["comments"][0]["body"] == "Is this date realistic?"

"""Feedback in "download my data", and what deleting either account does to it."""

from __future__ import annotations

import json

from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.feedback import services
from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
)
from headway.plans.models import Goal, GoalVersion
from tests.factories import PASSWORD
from tests.feedback.factories import GoalFactory, ask, comment, invite, rate, reply, share


def _rows_referring_to(user: User) -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                n = model._default_manager.filter(**{field.name: user.pk}).count()
                if n:
                    counts[f"{model._meta.label}.{field.name}"] = n
    return counts


def _both_sides(owner: User, dana: User, goal: Goal) -> None:
    """Dana reviews Alice's goal and Alice reviews Dana's; both talk, rate and adjust."""
    question = ask(goal)
    answer = reply(dana, question, "Yes if you start now.")
    reply(owner, answer, "Starting Monday.")
    remark = comment(dana, goal, "Name the team.")
    rate(dana, goal)
    services.comment_adjust(comment=remark, changes={"statement": "Lead the analytics team"})
    theirs = GoalFactory(user=dana, statement="Write a book")
    share(dana, owner, [theirs])
    comment(owner, theirs, "Start with a blog.")
    rate(owner, theirs, "specific", "met")
    invite(owner, "pending@example.org", scope="plan", message="Have a look?")


def test_the_export_holds_both_sides_of_feedback(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    _both_sides(owner, dana, goal)
    data = json.loads(owner_client.get(reverse("accounts-export")).content)
    section = data["sections"]["feedback"]
    sent = {i["email"]: i for i in section["invitations_sent"]}
    assert sent["dana@example.org"]["state"] == "accepted"
    assert sent["pending@example.org"]["message"] == "Have a look?"
    assert [r["person"]["email"] for r in section["reviewers"]] == ["dana@example.org"]
    assert section["reviewers"][0]["goals"] == ["Lead the analytics team"]
    assert [r["person"]["name"] for r in section["reviewing"]] == ["Dana"]
    assert [c["body"] for c in section["comments_written"]] == ["Start with a blog."]
    assert section["comments_written"][0]["to"] == "Dana"
    assert [(r["criterion"], r["rating"]) for r in section["ratings_given"]] == [
        ("specific", "met")
    ]
    received = [c["body"] for c in section["feedback_received"]]
    assert received == [
        "Is this date realistic?",
        "Yes if you start now.",
        "Starting Monday.",
        "Name the team.",
    ]
    assert section["ratings_received"][0]["from"] == "Dana"
    assert section["adjustments"][0]["reason"].startswith("Adjusted after feedback from Dana")
    text = json.dumps(section)
    assert "token" not in text and "Write a book" not in text


def test_deleting_the_owner_removes_every_feedback_row(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    _both_sides(owner, dana, goal)
    response = owner_client.post(
        reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert _rows_referring_to(owner) == {}
    assert not Invitation.objects.filter(email="pending@example.org").exists()
    assert not ReviewerAccess.objects.exists()
    assert not Comment.objects.filter(goal_id=goal.pk).exists()
    assert not CriterionRating.objects.filter(goal_id=goal.pk).exists()
    assert not Adjustment.objects.exists()
    # What Alice wrote on Dana's goal stays with Dana's plan, no longer naming Alice.
    left = Comment.objects.get(body="Start with a blog.")
    assert left.author is None and left.author_name == "a former reviewer"


def test_deleting_a_reviewer_ends_their_access_and_anonymises_what_they_wrote(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    _both_sides(owner, dana, goal)
    dana_client = Client()
    dana_client.force_login(dana)
    dana_client.post(reverse("accounts-delete"), {"password": PASSWORD, "confirm": "on"})
    assert _rows_referring_to(dana) == {}
    assert not ReviewerAccess.objects.filter(owner=owner).exists()
    remark = Comment.objects.get(body="Name the team.")
    assert (remark.author, remark.reviewer) == (None, None)
    assert CriterionRating.objects.get(goal=goal).reviewer is None
    adjustment = Adjustment.objects.get()
    assert adjustment.comment == remark
    assert GoalVersion.objects.filter(pk=adjustment.version_id).exists()
    html = owner_client.get(reverse("feedback-goal", args=[goal.pk])).content.decode()
    assert "Name the team." in html
    assert "A former reviewer" in html or "a former reviewer" in html
    assert "Dana" not in html.split("Changes made after feedback")[0]

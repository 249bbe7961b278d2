"""Turning feedback into a new version of the goal, with a reason that cites it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.feedback.models import Adjustment, ReviewerAccess
from headway.plans.models import Goal, GoalVersion
from tests.feedback.factories import ask, comment, in_days, rate, reply


def _form(goal: Goal, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "statement": goal.statement,
        "target_date": goal.target_date.isoformat(),
        "note": "",
    }
    data.update(changes)
    return data


def test_a_comment_becomes_a_goal_version_whose_reason_cites_it(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal, "Next year is too soon for a team of five.")
    url = reverse("feedback-comment-adjust", args=[remark.pk])
    page = owner_client.get(url).content.decode()
    assert "Next year is too soon for a team of five." in page
    new_date = goal.target_date + timedelta(days=90)
    response = owner_client.post(
        url, _form(goal, target_date=new_date.isoformat(), note="Moved by three months.")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback-goal", args=[goal.pk])
    goal.refresh_from_db()
    assert goal.target_date == new_date
    version = GoalVersion.objects.get(goal=goal, number=goal.version)
    assert version.reason == (
        "Adjusted after feedback from Dana: “Next year is too soon for a team of five.” "
        "Moved by three months."
    )
    assert version.source == "feedback"
    assert [c["field"] for c in version.changes] == ["target_date"]
    adjustment = Adjustment.objects.get()
    assert (adjustment.comment, adjustment.version, adjustment.goal) == (remark, version, goal)
    html = owner_client.get(reverse("feedback-goal", args=[goal.pk])).content.decode()
    assert "Changes made after feedback" in html
    assert f'href="#message-{remark.pk}"' in html


def test_an_answer_to_a_question_can_become_an_adjustment(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    answer = reply(dana, ask(goal), "Say which team.")
    response = owner_client.post(
        reverse("feedback-comment-adjust", args=[answer.pk]),
        _form(goal, statement="Lead the analytics team by next year"),
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.statement == "Lead the analytics team by next year"
    assert Adjustment.objects.get().comment == answer


def test_a_rating_becomes_a_goal_version_whose_reason_cites_it(
    owner_client: Client, dana: User, owner: User, access: ReviewerAccess
) -> None:
    from tests.feedback.factories import GoalFactory

    goal = GoalFactory(
        user=owner,
        metric_baseline=Decimal(0),
        metric_target=Decimal(5),
        metric_current=Decimal(0),
        metric_unit="people",
    )
    access.goals.add(goal)
    found = rate(dana, goal, "attainable", "not_met", "Five is a lot.")
    url = reverse("feedback-rating-adjust", args=[found.pk])
    assert "Attainable: not met. Five is a lot." in owner_client.get(url).content.decode()
    response = owner_client.post(url, _form(goal, metric_target="3"))
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.metric_target == Decimal(3)
    version = GoalVersion.objects.get(goal=goal, number=goal.version)
    assert (
        version.reason == "Adjusted after feedback from Dana: “Attainable: not met. Five is a lot.”"
    )
    assert Adjustment.objects.get().rating == found


def test_an_adjustment_that_changes_nothing_is_refused(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal)
    response = owner_client.post(
        reverse("feedback-comment-adjust", args=[remark.pk]), _form(goal, note="Kept as is.")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing changed" in html
    assert "Kept as is." in html
    assert not Adjustment.objects.exists()


def test_the_plans_rules_still_apply_and_show_next_to_the_field(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal)
    response = owner_client.post(
        reverse("feedback-comment-adjust", args=[remark.pk]),
        _form(goal, target_date=in_days(-3).isoformat()),
    )
    html = response.content.decode()
    assert 'id="id_target_date_error"' in html
    assert "is in the past" in html
    assert not Adjustment.objects.exists()
    goal.refresh_from_db()
    assert goal.version == 1


def test_the_owners_own_message_cannot_become_an_adjustment(
    owner_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    question = ask(goal)
    response = owner_client.get(reverse("feedback-comment-adjust", args=[question.pk]))
    assert response.status_code == 302
    assert not Adjustment.objects.exists()


def test_the_adjustment_form_checks_the_goal_live(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal, "Say how you will measure it.")
    page = owner_client.get(reverse("feedback-comment-adjust", args=[remark.pk])).content.decode()
    # The same live check as the goal editor: posted to the coach as the statement changes,
    # and rendered with the page so it shows without JavaScript.
    assert 'hx-post="/coach/check/"' in page and "from:#id_statement" in page
    assert 'class="smart-criteria"' in page

"""The plan through its pages, as a browser without JavaScript (and with htmx) uses them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.plans import services, views
from headway.plans.models import (
    Action,
    Goal,
    GoalVersion,
    Milestone,
    PlanSettings,
    Review,
    Trait,
    Vision,
)
from tests.plans.factories import GoalFactory, MilestoneFactory, TraitFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _goal_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "statement": "Pass the AWS Solutions Architect exam",
        "category": "credential",
        "horizon": "5",
        "why": "Cloud skills are asked for in every data role.",
        "target_date": "2026-09-30",
        "metric_unit": "",
        "metric_baseline": "",
        "metric_target": "",
        "metric_direction": "increase",
        "review_cadence": "monthly",
        "status": "draft",
    }
    return {**data, **overrides}


def _new_goal(user: User, **data: Any) -> Goal:
    fields = {"statement": "Learn SQL well", "target_date": date(2026, 9, 30), **data}
    return services.goal_create(user=user, data=fields)


def _text(response: Any) -> str:
    return response.content.decode()


# Vision


def test_it_writes_and_revises_a_vision_keeping_earlier_versions(owner_client: Client) -> None:
    url = reverse("plans-vision-edit", args=[5])
    response = owner_client.post(
        url,
        {
            "target_role": "Data engineer",
            "responsibilities": "Own the pipelines",
            "salary_min": "55000",
            "salary_max": "70000",
            "salary_currency": "eur",
            "location": "Lyon",
            "work_mode": "hybrid",
            "why": "Build things people use",
        },
    )
    assert response.status_code == 302
    vision = Vision.objects.get(horizon=5)
    assert vision.salary_currency == "EUR"
    owner_client.post(
        url,
        {
            "target_role": "Senior data engineer",
            "salary_min": "60000",
            "salary_max": "75000",
            "salary_currency": "EUR",
            "location": "Lyon",
            "work_mode": "remote",
            "reason": "Aiming higher after my review",
        },
    )
    vision.refresh_from_db()
    assert (vision.version, vision.target_role) == (2, "Senior data engineer")
    page = _text(owner_client.get(reverse("plans-vision")))
    assert "Senior data engineer" in page
    assert "Earlier versions (1)" in page
    history = _text(owner_client.get(reverse("plans-vision-history", args=[5])))
    assert "Aiming higher after my review" in history
    assert '<del><span class="visually-hidden">removed: </span>Data</del>' in history
    assert '<ins><span class="visually-hidden">added: </span>Senior data</ins> engineer' in history
    assert "Hybrid" in history and "Remote" in history


def test_a_salary_range_the_wrong_way_round_is_explained_and_kept(owner_client: Client) -> None:
    response = owner_client.post(
        reverse("plans-vision-edit", args=[10]),
        {"target_role": "CTO", "salary_min": "90000", "salary_max": "80000", "work_mode": "any"},
    )
    assert response.status_code == 200
    body = _text(response)
    assert "The highest salary (80000) is below the lowest (90000)." in body
    assert 'value="CTO"' in body and 'value="90000"' in body
    assert not Vision.objects.exists()


def test_a_vision_needs_a_target_role(owner_client: Client) -> None:
    response = owner_client.post(reverse("plans-vision-edit", args=[5]), {"work_mode": "any"})
    assert "This field is required." in _text(response)


def test_only_5_and_10_year_visions_exist(owner_client: Client) -> None:
    assert owner_client.get(reverse("plans-vision-edit", args=[7])).status_code == 404


# Strengths and weaknesses


def test_a_weakness_becomes_a_draft_goal_in_one_click(owner_client: Client, owner: User) -> None:
    owner_client.post(
        reverse("plans-traits"),
        {"kind": "weakness", "title": "Public speaking", "note": "I freeze in meetings"},
    )
    trait = Trait.objects.get(user=owner)
    response = owner_client.post(reverse("plans-trait-goal", args=[trait.pk]))
    goal = Goal.objects.get(user=owner)
    assert response["Location"] == reverse("plans-goal-edit", args=[goal.pk])
    assert goal.status == "draft"
    assert goal.statement == "Get better at public speaking"
    assert goal.why == "I freeze in meetings"
    edit = _text(owner_client.get(response["Location"]))
    assert "Get better at public speaking" in edit
    # A second click opens the same goal rather than making another.
    owner_client.post(reverse("plans-trait-goal", args=[trait.pk]))
    assert Goal.objects.filter(user=owner).count() == 1
    assert "Goal: Get better at public speaking" in _text(owner_client.get(reverse("plans-traits")))


def test_a_strength_does_not_become_a_goal(owner_client: Client, owner: User) -> None:
    trait = TraitFactory(user=owner, kind="strength", title="SQL")
    owner_client.post(reverse("plans-trait-goal", args=[trait.pk]))
    assert not Goal.objects.exists()


def test_traits_can_be_edited_and_removed(owner_client: Client, owner: User) -> None:
    trait = TraitFactory(user=owner)
    owner_client.post(
        reverse("plans-trait-edit", args=[trait.pk]),
        {"kind": "strength", "title": "Speaking", "note": ""},
    )
    trait.refresh_from_db()
    assert (trait.kind, trait.title) == ("strength", "Speaking")
    # "Remove" asks first, on a page of its own, so it needs no JavaScript.
    listing = _text(owner_client.get(reverse("plans-traits")))
    delete_url = reverse("plans-trait-delete", args=[trait.pk])
    assert f'<a class="danger-link small" href="{delete_url}">Remove' in listing
    asked = _text(owner_client.get(delete_url))
    assert "Remove “Speaking”?" in asked and "Keep it" in asked
    assert Trait.objects.exists()
    owner_client.post(delete_url)
    assert not Trait.objects.exists()


# Goals


def test_it_sets_a_goal_with_a_metric_and_shows_it(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        reverse("plans-goal-create"),
        _goal_form(
            statement="Give talks at meetups",
            metric_unit="talks",
            metric_baseline="0",
            metric_target="4",
            status="active",
        ),
    )
    goal = Goal.objects.get(user=owner)
    assert response["Location"] == reverse("plans-goal", args=[goal.pk])
    assert goal.status == "active"
    assert goal.metric_current == 0
    assert goal.next_review_on == date(2026, 4, 10)
    page = _text(owner_client.get(response["Location"]))
    assert "Give talks at meetups" in page
    assert "0% complete" in page
    assert goal.versions.get().source == GoalVersion.Source.CREATED


def test_the_goal_form_checks_the_statement_beside_it(owner_client: Client) -> None:
    page = _text(owner_client.get(reverse("plans-goal-create")))
    assert 'id="smart-panel-slot"' in page
    assert page.index('name="statement"') < page.index('id="smart-panel-slot"')


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"statement": "   "}, "the statement cannot be empty"),
        ({"target_date": "2026-03-01"}, "The target date 1 Mar 2026 is in the past"),
        (
            {"metric_unit": "hours", "metric_baseline": "10", "metric_target": "5"},
            "The target (5 hours) is below the baseline (10 hours).",
        ),
        (
            {"metric_unit": "hours", "metric_baseline": "10"},
            "Give the metric a baseline, a target and a unit",
        ),
    ],
)
def test_bad_goal_input_gets_a_specific_message_and_keeps_what_was_typed(
    owner_client: Client, overrides: dict[str, str], message: str
) -> None:
    form = _goal_form(why="Typed carefully", **overrides)
    response = owner_client.post(reverse("plans-goal-create"), form)
    assert response.status_code == 200
    body = _text(response)
    assert message in body
    assert "Typed carefully" in body
    assert f'value="{form["target_date"]}"' in body
    assert not Goal.objects.exists()


def test_a_reducing_goal_may_aim_below_its_baseline(owner_client: Client, owner: User) -> None:
    owner_client.post(
        reverse("plans-goal-create"),
        _goal_form(
            statement="Cut my commute",
            metric_unit="minutes",
            metric_baseline="90",
            metric_target="30",
            metric_direction="decrease",
        ),
    )
    goal = Goal.objects.get(user=owner)
    services.goal_metric_update(goal=goal, value=60)
    assert Goal.objects.get(pk=goal.pk).progress.percent == 50


def test_a_draft_headway_wrote_is_edited_without_a_reason(
    owner_client: Client, owner: User
) -> None:
    weakness = TraitFactory(user=owner, kind="weakness", title="Public speaking")
    goal = services.trait_goal_create(trait=weakness)
    url = reverse("plans-goal-edit", args=[goal.pk])
    assert "Why are you changing it?" not in _text(owner_client.get(url))
    form = _goal_form(statement="Give 3 talks at meetups", target_date="2026-12-31")
    del form["status"]
    response = owner_client.post(url, form)
    assert response.status_code == 302, _text(response)
    goal.refresh_from_db()
    assert goal.statement == "Give 3 talks at meetups" and goal.version == 2


def test_changing_a_key_field_needs_a_reason_and_is_kept_in_history(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, status="active")
    url = reverse("plans-goal-edit", args=[goal.pk])
    form = _goal_form(statement="Learn SQL well", category="skill", target_date="2026-12-31")
    del form["status"]
    refused = owner_client.post(url, {**form, "reason": ""})
    assert "Say why you are changing the target date" in _text(refused)
    assert 'value="2026-12-31"' in _text(refused)
    owner_client.post(url, {**form, "reason": "The course moved to the autumn"})
    goal.refresh_from_db()
    assert goal.target_date == date(2026, 12, 31)
    assert goal.version == 2
    history = _text(owner_client.get(reverse("plans-goal-history", args=[goal.pk])))
    assert "The course moved to the autumn" in history
    assert "30 Sep 2026" in history and "31 Dec 2026" in history
    assert history.index("Version 2") < history.index("Version 1")


def test_a_change_to_a_minor_field_needs_no_reason(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    form = _goal_form(statement="Learn SQL well", category="skill", why="New why")
    del form["status"]
    owner_client.post(reverse("plans-goal-edit", args=[goal.pk]), {**form, "reason": ""})
    goal.refresh_from_db()
    assert goal.why == "New why"
    assert goal.versions.count() == 2


def test_a_goal_target_cannot_move_before_its_milestones(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    services.milestone_create(goal=goal, title="Finish module 3", due_on=date(2026, 8, 1))
    form = _goal_form(statement="Learn SQL well", category="skill", target_date="2026-07-01")
    del form["status"]
    response = owner_client.post(
        reverse("plans-goal-edit", args=[goal.pk]), {**form, "reason": "Sooner"}
    )
    assert "A milestone is due on 1 Aug 2026, after the target date 1 Jul 2026." in _text(response)


def test_a_goal_can_be_deleted_after_confirming(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    assert "Delete “Learn SQL well”?" in _text(
        owner_client.get(reverse("plans-goal-delete", args=[goal.pk]))
    )
    owner_client.post(reverse("plans-goal-delete", args=[goal.pk]))
    assert not Goal.objects.exists()


# Milestones


def test_completing_a_milestone_with_htmx_swaps_the_progress(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner)
    first = services.milestone_create(goal=goal, title="Module 1", due_on=date(2026, 4, 1))
    services.milestone_create(goal=goal, title="Module 2", due_on=date(2026, 5, 1))
    response = owner_client.post(
        reverse("plans-milestone-complete", args=[first.pk]), {"done": "1"}, **HTMX
    )
    body = _text(response)
    assert body.lstrip().startswith('<section id="goal-progress"')
    assert "<html" not in body
    assert "1 of 2" in body and "the goal is 50% done" in body
    first.refresh_from_db()
    assert first.is_done
    owner_client.post(reverse("plans-milestone-complete", args=[first.pk]), {"done": "0"})
    first.refresh_from_db()
    assert not first.is_done


def test_a_milestone_in_the_past_is_refused_and_kept(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    url = reverse("plans-milestone-create", args=[goal.pk])
    response = owner_client.post(url, {"title": "Enrol", "due_on": "2026-03-01"})
    body = _text(response)
    assert "1 Mar 2026 is in the past; a milestone must be due 10 Mar 2026 or later." in body
    assert 'value="Enrol"' in body
    htmx = _text(owner_client.post(url, {"title": "Exam", "due_on": "2026-10-15"}, **HTMX))
    assert "after the goal&#x27;s target date (30 Sep 2026)" in htmx
    assert 'value="Exam"' in htmx
    assert not Milestone.objects.exists()


def test_a_milestone_can_be_moved_and_removed(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    milestone = services.milestone_create(goal=goal, title="Enrol", due_on=date(2026, 4, 1))
    owner_client.post(
        reverse("plans-milestone-edit", args=[milestone.pk]),
        {"title": "Enrol in the course", "due_on": "2026-04-15"},
    )
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_on) == ("Enrol in the course", date(2026, 4, 15))
    owner_client.post(reverse("plans-milestone-delete", args=[milestone.pk]), **HTMX)
    assert not Milestone.objects.exists()


def test_overdue_milestones_stand_out_in_words(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    MilestoneFactory(goal=goal, title="Send the application", due_on=date(2026, 3, 7))
    page = _text(owner_client.get(reverse("plans-goal", args=[goal.pk])))
    assert re.search(r'class="milestone overdue"', page)
    assert '<strong class="overdue">3 days overdue</strong>' in page


# Actions


def test_an_action_link_must_be_a_web_address(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    url = reverse("plans-action-create", args=[goal.pk])
    form = {
        "title": "SQL for analysts",
        "kind": "course",
        "url": "ftp://files.example.org/course",
        "cost_amount": "49",
        "cost_currency": "eur",
        "hours": "12",
        "due_on": "2026-05-01",
        "status": "todo",
        "notes": "",
    }
    response = owner_client.post(url, form)
    assert "Enter a web address starting with http:// or https://" in _text(response)
    assert 'value="SQL for analysts"' in _text(response)
    owner_client.post(url, {**form, "url": "https://courses.example.org/sql"})
    action = Action.objects.get()
    assert (action.cost_currency, action.hours) == ("EUR", 12)
    page = _text(owner_client.get(reverse("plans-goal", args=[goal.pk])))
    assert 'href="https://courses.example.org/sql"' in page and "49 EUR" in page
    owner_client.post(
        reverse("plans-action-edit", args=[action.pk]), {**form, "url": "", "status": "done"}
    )
    action.refresh_from_db()
    assert action.status == "done"
    owner_client.post(reverse("plans-action-delete", args=[action.pk]))
    assert not Action.objects.exists()


# Focus


def test_a_new_goal_over_the_focus_limit_is_summarised_at_the_top_and_can_be_a_draft(
    owner_client: Client, owner: User
) -> None:
    for n in range(1, 4):
        _new_goal(owner, statement=f"Goal {n}", status="active")
    url = reverse("plans-goal-create")
    refused = _text(owner_client.post(url, _goal_form(status="active")))
    summary = refused[refused.index("data-error-summary") :]
    # At the top of the form, before the first field, linking to the field at fault.
    assert refused.index("data-error-summary") < refused.index('name="statement"')
    assert '<a href="#id_status">Start as</a>: You already have 3 active goals' in summary
    assert 'name="save_as_draft"' in summary
    assert "Pass the AWS Solutions Architect exam" in refused  # what was typed is kept
    saved = owner_client.post(url, {**_goal_form(status="active"), "save_as_draft": "1"})
    assert saved.status_code == 302
    goal = Goal.objects.get(statement="Pass the AWS Solutions Architect exam")
    assert goal.status == "draft"


def test_a_failed_form_lists_its_errors_at_the_top(owner_client: Client) -> None:
    body = _text(owner_client.post(reverse("plans-goal-create"), _goal_form(target_date="")))
    start = body.index("data-error-summary")
    assert start < body.index('name="statement"')
    assert (
        '<a href="#id_target_date">Target date</a>: Choose the date you aim to reach this goal by'
        in body[start:]
    )
    assert "draft instead" not in body


def test_the_fourth_activation_is_refused_with_the_active_goals_named(
    owner_client: Client, owner: User
) -> None:
    active = [_new_goal(owner, statement=f"Goal {n}", status="active") for n in range(1, 4)]
    fourth = _new_goal(owner, statement="Goal 4")
    url = reverse("plans-goal-status", args=[fourth.pk])
    response = owner_client.post(url, {"status": "active"})
    body = _text(response)
    assert response.status_code == 200
    assert "You already have 3 active goals, your focus limit of 3" in body
    assert "“Goal 1”, “Goal 2” and “Goal 3”" in body
    fourth.refresh_from_db()
    assert fourth.status == "draft"
    # Offered: pause one of them to make room.
    owner_client.post(url, {"status": "active", "park": active[1].pk})
    fourth.refresh_from_db()
    active[1].refresh_from_db()
    assert (fourth.status, active[1].status) == ("active", "paused")
    assert "make room for “Goal 4”" in active[1].versions.last().reason  # type: ignore[union-attr]


def test_the_focus_limit_is_changed_in_plan_settings(owner_client: Client, owner: User) -> None:
    for n in range(3):
        _new_goal(owner, statement=f"Goal {n}", status="active")
    url = reverse("plans-settings")
    refused = _text(owner_client.post(url, {"focus_limit": "2", "email_reminders": "on"}))
    assert "You have 3 active goals; pause 1 of them before lowering the limit to 2." in refused
    too_high = _text(owner_client.post(url, {"focus_limit": "11"}))
    assert "less than or equal to 10" in too_high
    owner_client.post(url, {"focus_limit": "4"})
    found = PlanSettings.objects.get(user=owner)
    assert (found.focus_limit, found.email_reminders) == (4, False)
    _new_goal(owner, statement="Goal 4", status="active")


def test_goals_move_up_and_down_with_and_without_htmx(owner_client: Client, owner: User) -> None:
    *_, c = (_new_goal(owner, statement=s) for s in ("Alpha", "Bravo", "Charlie"))
    response = owner_client.post(reverse("plans-goal-move", args=[c.pk]), {"direction": "up"})
    assert response["Location"].endswith(f"#rank-{c.pk}")
    fragment = _text(
        owner_client.post(reverse("plans-goal-move", args=[c.pk]), {"direction": "up"}, **HTMX)
    )
    assert fragment.lstrip().startswith('<div id="ranked-goals">')
    assert fragment.index("Charlie") < fragment.index("Alpha") < fragment.index("Bravo")
    assert "autofocus" in fragment
    order = list(
        Goal.objects.filter(user=owner).order_by("rank").values_list("statement", flat=True)
    )
    assert order == ["Charlie", "Alpha", "Bravo"]


def _ranked(user: User) -> list[str]:
    return list(
        Goal.objects.filter(user=user, status__in=Goal.OPEN_STATUSES)
        .order_by("rank")
        .values_list("statement", flat=True)
    )


def test_goals_are_reordered_by_a_drag_with_htmx(owner_client: Client, owner: User) -> None:
    a, b, c, d = (_new_goal(owner, statement=s) for s in ("Alpha", "Bravo", "Charlie", "Delta"))
    fragment = _text(
        owner_client.post(
            reverse("plans-goals-reorder"),
            {"goal_ids": [c.pk, a.pk, b.pk, d.pk], "moved": c.pk},
            **HTMX,
        )
    )
    assert _ranked(owner) == ["Charlie", "Alpha", "Bravo", "Delta"]
    assert fragment.lstrip().startswith('<div id="ranked-goals">')
    assert fragment.index("Charlie") < fragment.index("Alpha") < fragment.index("Bravo")
    status = '<p id="rank-status" hx-swap-oob="innerHTML">“Charlie” moved to position 1 of 4.</p>'
    assert status in fragment
    # The Up button of the new first goal is the disabled one, and nothing takes the focus.
    up_buttons = [line for line in fragment.splitlines() if "Up<span" in line]
    assert ["disabled" in line for line in up_buttons] == [True, False, False, False]
    assert "move “Charlie” up" in up_buttons[0]
    assert "autofocus" not in fragment
    assert "Drag to reorder “Alpha”" in fragment


def test_a_plain_reorder_post_redirects_with_the_news(owner_client: Client, owner: User) -> None:
    a, b = _new_goal(owner, statement="Alpha"), _new_goal(owner, statement="Bravo")
    url = reverse("plans-goals-reorder")
    response = owner_client.post(url, {"goal_ids": [b.pk, a.pk], "moved": b.pk})
    assert response["Location"] == f"{reverse('plans-focus')}#rank-{b.pk}"
    assert _ranked(owner) == ["Bravo", "Alpha"]
    page = _text(owner_client.get(reverse("plans-focus")))
    assert "“Bravo” moved to position 1 of 2." in page
    response = owner_client.post(url, {"goal_ids": [a.pk, b.pk], "moved": "x"})
    assert response["Location"] == f"{reverse('plans-focus')}#rank-heading"
    assert _ranked(owner) == ["Alpha", "Bravo"]
    assert "The new order is saved." in _text(owner_client.get(reverse("plans-focus")))


@pytest.mark.parametrize(
    "case", ["missing", "repeated", "unknown", "foreign", "not_a_number", "extra_foreign"]
)
def test_a_reorder_that_does_not_match_the_goals_is_refused_and_changes_nothing(
    owner_client: Client, owner: User, stranger: User, case: str
) -> None:
    a, b, c = (_new_goal(owner, statement=s) for s in ("Alpha", "Bravo", "Charlie"))
    theirs = _new_goal(stranger, statement="Their secret goal")
    ids: list[Any] = {
        "missing": [c.pk, a.pk],
        "repeated": [c.pk, a.pk, a.pk],
        "unknown": [c.pk, a.pk, theirs.pk + 1000],
        "foreign": [c.pk, a.pk, theirs.pk],
        "not_a_number": [c.pk, a.pk, "b"],
        "extra_foreign": [c.pk, a.pk, b.pk, theirs.pk],
    }[case]
    url = reverse("plans-goals-reorder")
    response = owner_client.post(url, {"goal_ids": ids, "moved": theirs.pk}, **HTMX)
    fragment = _text(response)
    assert response.status_code == 200
    assert views.REORDER_REFUSED in fragment
    assert f'<p id="rank-status" hx-swap-oob="innerHTML">{views.REORDER_REFUSED}</p>' in fragment
    # The server's order comes back, and nothing about the other user's goal does.
    assert fragment.index("Alpha") < fragment.index("Bravo") < fragment.index("Charlie")
    assert "secret" not in fragment and f"rank-{theirs.pk}" not in fragment
    assert _ranked(owner) == ["Alpha", "Bravo", "Charlie"]
    assert _ranked(stranger) == ["Their secret goal"]
    plain = owner_client.post(url, {"goal_ids": ids})
    assert plain["Location"] == f"{reverse('plans-focus')}#rank-heading"
    assert views.REORDER_REFUSED in _text(owner_client.get(reverse("plans-focus")))
    assert _ranked(owner) == ["Alpha", "Bravo", "Charlie"]


def test_another_users_reorder_cannot_touch_the_owners_goals(
    owner: User, stranger_client: Client
) -> None:
    a, b = _new_goal(owner, statement="Alpha"), _new_goal(owner, statement="Bravo")
    fragment = _text(
        stranger_client.post(reverse("plans-goals-reorder"), {"goal_ids": [b.pk, a.pk]}, **HTMX)
    )
    assert views.REORDER_REFUSED in fragment and "Alpha" not in fragment
    assert _ranked(owner) == ["Alpha", "Bravo"]


def test_the_focus_page_renders_drag_handles_hidden(owner_client: Client, owner: User) -> None:
    _new_goal(owner, statement="Alpha")
    page = _text(owner_client.get(reverse("plans-focus")))
    handle = re.search(r'<button type="button" class="drag-handle"[^>]*>', page)
    assert handle is not None and " hidden" in handle.group(0)
    assert 'src="/static/headway/plans.js"' in page
    assert '<p id="rank-status"' in page and "hx-swap-oob" not in page


def test_goals_are_placed_on_the_matrix(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner, statement="Build a portfolio")
    owner_client.post(reverse("plans-goal-place", args=[goal.pk]), {"impact": "3", "effort": "1"})
    page = _text(owner_client.get(reverse("plans-focus")))
    quick = page[page.index('id="q-quick-wins"') : page.index('id="q-major-projects"')]
    assert "Build a portfolio" in quick


# Reviews


def test_a_review_that_moves_the_date_moves_the_date_in_the_goal_s_words(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(
        owner,
        statement="Give 4 talks at meetups by March 31, 2027",
        target_date=None,
        status="active",
    )
    assert goal.target_date == date(2027, 3, 31)
    owner_client.post(
        reverse("plans-review-create", args=[goal.pk]),
        {
            "reviewed_on": "2026-03-10",
            "progress": "30",
            "decision": "adjust",
            "decision_note": "The spring meetups are full",
            "new_target_date": "2027-04-30",
        },
    )
    goal.refresh_from_db()
    assert goal.target_date == date(2027, 4, 30)
    assert goal.statement == "Give 4 talks at meetups by 30 Apr 2027"
    page = _text(owner_client.get(reverse("plans-goal-history", args=[goal.pk])))
    assert "March 31, 2027" in page  # the old words stay in the history


def test_the_target_date_comes_from_the_goal_s_words_and_a_mismatch_is_said(
    owner_client: Client,
) -> None:
    url = reverse("plans-goal-create")
    statement = "Pass the AWS Solutions Architect exam by March 2027"
    refused = _text(
        owner_client.post(url, _goal_form(statement=statement, target_date="2028-03-31"))
    )
    assert (
        "The goal says “by March 2027” (31 Mar 2027) but the target date is 31 Mar 2028" in refused
    )
    assert not Goal.objects.exists()
    saved = owner_client.post(url, _goal_form(statement=statement, target_date=""))
    assert saved.status_code == 302
    assert Goal.objects.get().target_date == date(2027, 3, 31)


def test_a_review_that_adjusts_the_date_becomes_a_version_citing_it(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, status="active")
    url = reverse("plans-review-create", args=[goal.pk])
    form = {
        "reviewed_on": "2026-03-10",
        "progress": "30",
        "worked": "Evening study",
        "obstacles": "Overtime at work",
        "decision": "adjust",
        "decision_note": "",
        "new_target_date": "2026-11-30",
    }
    refused = _text(owner_client.post(url, form))
    assert "Say why you adjust the goal" in refused
    assert "Overtime at work" in refused
    owner_client.post(url, {**form, "decision_note": "Work is busy until summer"})
    goal.refresh_from_db()
    review = Review.objects.get()
    assert goal.target_date == date(2026, 11, 30)
    assert goal.next_review_on == date(2026, 4, 10)
    version = goal.versions.get(number=2)
    assert (version.review, version.reason) == (review, "Work is busy until summer")
    history = _text(owner_client.get(reverse("plans-goal-history", args=[goal.pk])))
    assert "review of 10 Mar 2026</a>" in history and "30 Nov 2026" in history
    roadmap = _text(owner_client.get(reverse("plans-plan")))
    assert "30 Nov 2026" in roadmap


def test_an_adjustment_without_a_change_is_refused(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner, status="active")
    response = owner_client.post(
        reverse("plans-review-create", args=[goal.pk]),
        {"reviewed_on": "2026-03-10", "progress": "30", "decision": "adjust", "decision_note": "x"},
    )
    assert "An adjustment needs a change" in _text(response)
    assert not Review.objects.exists()


def test_an_adjusted_date_in_the_past_is_refused_next_to_its_field(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, status="active")
    response = owner_client.post(
        reverse("plans-review-create", args=[goal.pk]),
        {
            "reviewed_on": "2026-03-10",
            "progress": "30",
            "decision": "adjust",
            "decision_note": "x",
            "new_target_date": "2026-01-01",
        },
    )
    assert re.search(r'id="id_new_target_date_error">The target date 1 Jan 2026', _text(response))
    assert not Review.objects.exists()


def test_a_metric_goal_is_reviewed_by_its_value_and_can_be_dropped(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(
        owner, status="active", metric_baseline=0, metric_target=10, metric_unit="applications"
    )
    url = reverse("plans-review-create", args=[goal.pk])
    page = _text(owner_client.get(url))
    assert "Current value (applications)" in page and "Progress (%)" not in page
    owner_client.post(
        url,
        {
            "reviewed_on": "2026-03-10",
            "metric_value": "4",
            "decision": "drop",
            "decision_note": "I found a job",
        },
    )
    goal.refresh_from_db()
    assert (goal.status, goal.metric_current, goal.progress.percent) == ("dropped", 4, 40)
    assert goal.readings.get().value == 4
    assert "Status changed" not in goal.versions.last().reason  # type: ignore[union-attr]


def test_the_reviews_page_lists_what_is_due(owner_client: Client, owner: User) -> None:
    due = GoalFactory(user=owner, status="active", next_review_on=date(2026, 3, 8))
    GoalFactory(user=owner, status="active", next_review_on=date(2026, 3, 20), statement="Later")
    page = _text(owner_client.get(reverse("plans-reviews")))
    assert f"Review “{due.statement}”" in page and "2 days overdue" in page
    assert "Later" in page


def test_recording_a_metric_value_updates_progress(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner, metric_baseline=0, metric_target=20, metric_unit="hours")
    owner_client.post(reverse("plans-goal-metric", args=[goal.pk]), {"value": "5", "note": ""})
    goal.refresh_from_db()
    assert goal.progress.percent == 25
    plain = _new_goal(owner, statement="No metric here")
    response = owner_client.post(reverse("plans-goal-metric", args=[plain.pk]), {"value": "5"})
    assert response.status_code == 302
    assert "This goal has no metric yet" in _text(owner_client.get(response["Location"]))


# Dashboard, overview, print


def test_the_dashboard_shows_focus_next_overdue_and_reviews(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, statement="Become a data engineer", status="active")
    MilestoneFactory(goal=goal, title="Finish the SQL course", due_on=date(2026, 3, 20))
    MilestoneFactory(goal=goal, title="Send the portfolio", due_on=date(2026, 3, 5))
    Goal.objects.filter(pk=goal.pk).update(next_review_on=date(2026, 3, 9))
    page = _text(owner_client.get(reverse("core-dashboard")))
    focus = page[page.index('id="dashboard-focus"') : page.index('id="dashboard-next"')]
    assert "Become a data engineer" in focus and "(1 of 3)" in focus
    assert "Finish the SQL course" in page and "due in 10 days" in page
    overdue = page[page.index('id="dashboard-overdue"') : page.index('id="dashboard-reviews"')]
    assert 'class="overdue"' in overdue and "Milestone overdue:" in overdue
    assert "5 days overdue" in overdue
    assert "1 day overdue" in page[page.index('id="dashboard-reviews"') :]
    assert "{% block" not in page


def test_an_empty_dashboard_invites_to_start(owner_client: Client) -> None:
    assert "Start your plan" in _text(owner_client.get(reverse("core-dashboard")))


def test_the_overview_and_print_pages_show_the_whole_plan(
    owner_client: Client, owner: User
) -> None:
    services.vision_save(user=owner, horizon=10, data={"target_role": "Head of data"})
    goal = _new_goal(owner, status="active")
    services.milestone_create(goal=goal, title="Module 1", due_on=date(2026, 4, 1))
    overview = _text(owner_client.get(reverse("plans-plan")))
    # By default the roadmap is readable: it runs to the last target, not across the decade.
    assert "<svg" in overview and "Roadmap of your goals" in overview
    assert "10 Mar 2036" not in overview
    whole = _text(owner_client.get(reverse("plans-plan"), {"span": "vision"}))
    assert "Roadmap to your vision" in whole
    assert "10 Mar 2036" in whole  # runs to the 10-year horizon
    printed = _text(owner_client.get(reverse("plans-print")))
    assert "Head of data" in printed and "Learn SQL well" in printed and "Module 1" in printed
    assert "print-plan" in printed
    assert "Roadmap of your goals" in printed and "10 Mar 2036" not in printed


# Calendar


def test_the_calendar_address_can_be_replaced(
    owner_client: Client, owner: User, client: Client
) -> None:
    old = services.plan_settings_ensure(owner).calendar_token
    feed = reverse("plans-calendar-feed", args=[old])
    assert client.get(feed).status_code == 200
    assert feed in _text(owner_client.get(reverse("plans-settings")))
    owner_client.post(reverse("plans-calendar-regenerate"))
    new = services.plan_settings_ensure(owner).calendar_token
    assert new != old
    assert client.get(feed).status_code == 404
    assert client.get(reverse("plans-calendar-feed", args=[new])).status_code == 200


def test_a_wrong_calendar_token_is_not_found(client: Client, owner: User) -> None:
    token = services.plan_settings_ensure(owner).calendar_token
    for wrong in (token[:-1] + ("A" if token[-1] != "A" else "B"), "x", token.upper()):
        if wrong != token:
            assert client.get(reverse("plans-calendar-feed", args=[wrong])).status_code == 404


# Safety


def test_form_posts_need_a_csrf_token(csrf_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    assert csrf_client.post(reverse("plans-goal-create"), _goal_form()).status_code == 403
    url = reverse("plans-milestone-create", args=[goal.pk])
    assert csrf_client.post(url, {"title": "x", "due_on": "2026-04-01"}, **HTMX).status_code == 403
    page = _text(csrf_client.get(reverse("plans-goal", args=[goal.pk])))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    ok = csrf_client.post(
        url, {"title": "x", "due_on": "2026-04-01", "csrfmiddlewaretoken": token.group(1)}
    )
    assert ok.status_code == 302


def test_a_reorder_needs_a_csrf_token(csrf_client: Client, owner: User) -> None:
    a, b = _new_goal(owner, statement="Alpha"), _new_goal(owner, statement="Bravo")
    url = reverse("plans-goals-reorder")
    order = {"goal_ids": [b.pk, a.pk]}
    assert csrf_client.post(url, order, **HTMX).status_code == 403
    assert _ranked(owner) == ["Alpha", "Bravo"]
    page = _text(csrf_client.get(reverse("plans-focus")))
    # htmx sends the token from <body hx-headers>, as the drag does.
    token = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', page)
    assert token is not None
    ok = csrf_client.post(url, order, HTTP_X_CSRFTOKEN=token.group(1), **HTMX)
    assert ok.status_code == 200
    assert _ranked(owner) == ["Bravo", "Alpha"]


def test_a_status_form_does_not_redirect_elsewhere(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner)
    response = owner_client.post(
        reverse("plans-goal-status", args=[goal.pk]),
        {"status": "paused", "next": "https://evil.example.org/"},
    )
    assert response["Location"] == reverse("plans-goal", args=[goal.pk])


def test_plan_pages_have_no_inline_script_or_style(owner_client: Client, owner: User) -> None:
    goal = _new_goal(owner, status="active")
    services.milestone_create(goal=goal, title="Module 1", due_on=date(2026, 4, 1))
    for name, args in (
        ("plans-goal", [goal.pk]),
        ("plans-focus", []),
        ("plans-plan", []),
        ("core-dashboard", []),
        ("plans-print", []),
        ("plans-goal-create", []),
        ("plans-vision", []),
    ):
        body = _text(owner_client.get(reverse(name, args=args)))
        assert " style=" not in body, name
        for tag in re.findall(r"<script[^>]*>", body):
            assert "src=" in tag, name


def test_progress_from_milestones_and_from_a_review_are_told_apart(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, status="active")
    for n in range(5):
        services.milestone_create(goal=goal, title=f"Step {n}", due_on=date(2026, 4, 1 + n))
    services.milestone_complete(milestone=goal.milestones.first(), done=True)
    owner_client.post(
        reverse("plans-review-create", args=[goal.pk]),
        {"reviewed_on": "2026-03-10", "progress": "30", "decision": "keep"},
    )
    page = _text(owner_client.get(reverse("plans-goal", args=[goal.pk])))
    note = page[page.index('id="progress-note"') :]
    assert "Your review of 10 Mar 2026 put the goal at <strong>30%</strong>" in note
    assert "the 20% above counts the milestones done" in note


def test_a_review_s_progress_shows_for_a_goal_without_a_metric_or_milestones(
    owner_client: Client, owner: User
) -> None:
    goal = _new_goal(owner, status="active")
    owner_client.post(
        reverse("plans-review-create", args=[goal.pk]),
        {"reviewed_on": "2026-03-10", "progress": "40", "decision": "keep"},
    )
    page = _text(owner_client.get(reverse("plans-goal", args=[goal.pk])))
    assert "put the goal at <strong>40%</strong>" in page
    assert "your reviews are the goal's only measure of progress" in page


def test_open_goals_are_bounded_with_a_clear_refusal_on_the_page_and_the_api(
    owner_client: Client, owner: User, settings: Any
) -> None:
    settings.HEADWAY_MAX_OPEN_GOALS = 2
    _new_goal(owner)
    _new_goal(owner, statement="Learn Python well")
    response = owner_client.post(reverse("plans-goal-create"), _goal_form())
    assert response.status_code == 200
    assert "You have 2 open goals, as many as a plan holds." in _text(response)
    assert "Pass the AWS Solutions Architect exam" in _text(response)  # kept as typed
    api = owner_client.post(
        "/api/plan/goals",
        {"statement": "Pass the AWS exam", "target_date": "2026-09-30"},
        content_type="application/json",
    )
    assert api.status_code == 422
    assert "You have 2 open goals" in api.json()["detail"]
    assert Goal.objects.filter(user=owner).count() == 2


def test_strengths_and_weaknesses_page_apart(
    owner_client: Client, owner: User, settings: Any
) -> None:
    settings.HEADWAY_PAGE_SIZE = 2
    for n in range(3):
        TraitFactory(user=owner, kind=Trait.Kind.STRENGTH, title=f"Strength {n}")
    TraitFactory(user=owner, kind=Trait.Kind.WEAKNESS, title="Weakness 0")
    first = owner_client.get(reverse("plans-traits"))
    assert len(first.context["strengths"].object_list) == 2
    assert len(first.context["weaknesses"].object_list) == 1
    assert "?strengths=2" in _text(first)
    second = owner_client.get(reverse("plans-traits"), {"strengths": 2})
    assert len(second.context["strengths"].object_list) == 1
    assert "Weakness 0" in _text(second)

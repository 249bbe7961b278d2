from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from headway.accounts.models import User
from headway.domain.smart import MAX_GOAL_LENGTH

pytestmark = pytest.mark.django_db

WISH = "I want to work for a top company"
GOAL = "I want to work in a marketing role at a Fortune 500 company within the next 3 years"


def _analyse(client: Client, **body: object) -> dict:
    response = client.post("/api/smart/analyse", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@time_machine.travel(date(2026, 11, 25), tick=False)
def test_the_api_tells_a_wish_from_a_goal(owner_client: Client) -> None:
    wish = _analyse(owner_client, text=WISH)["criteria"]
    assert wish["specific"]["status"] != "met"
    assert wish["measurable"]["status"] != "met"
    assert wish["time_bound"]["status"] == "missing"

    goal = _analyse(owner_client, text=GOAL)
    for criterion in ("specific", "measurable", "time_bound"):
        assert goal["criteria"][criterion]["status"] == "met", criterion
    assert goal["deadline"]["on"] == "2029-11-25"
    assert goal["deadline"]["phrase"] == "within the next 3 years"


def test_evidence_offsets_point_into_the_text(owner_client: Client) -> None:
    result = _analyse(owner_client, text=GOAL)
    for criterion in result["criteria"].values():
        for evidence in criterion["evidence"]:
            if evidence["start"] is not None:
                assert GOAL[evidence["start"] : evidence["end"]] == evidence["text"]


def test_the_api_refuses_over_long_goals_with_the_limit(owner_client: Client) -> None:
    response = owner_client.post(
        "/api/smart/analyse",
        {"text": "x" * (MAX_GOAL_LENGTH + 1)},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert str(MAX_GOAL_LENGTH) in response.json()["detail"]


def test_the_api_judges_relevance_against_the_given_context(owner_client: Client) -> None:
    text = "Complete the Google Data Analytics certificate by March 2027"
    without = _analyse(owner_client, text=text, context={})
    assert without["criteria"]["relevant"]["status"] in ("unknown", "missing")
    with_vision = _analyse(
        owner_client,
        text=text,
        context={"target_role": "data analyst", "occupation_skills": ["data analytics"]},
    )
    assert with_vision["criteria"]["relevant"]["status"] in ("met", "partly")


def test_the_live_check_returns_the_panel_with_evidence_marked(owner_client: Client) -> None:
    response = owner_client.post(
        reverse("coach-check"), {"statement": GOAL}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark" in body
    assert "within the next 3 years" in body
    assert "Time-bound" in body
    assert "<html" not in body  # a fragment, not a page


def test_the_live_check_says_what_is_missing(owner_client: Client) -> None:
    body = owner_client.post(reverse("coach-check"), {"statement": WISH}).content.decode()
    assert "Not SMART yet" in body or "Partly SMART" in body
    assert "How to fix" in body
    assert "Which role do you want, and where?" in body
    assert "By when?" in body


@time_machine.travel(date(2026, 12, 3), tick=False)
def test_the_guide_composes_a_rewrite_from_the_answers(owner_client: Client) -> None:
    answers = {
        "statement": WISH,
        "guide_role": "product designer",
        "guide_where": "a health-tech startup",
        "guide_by": "2027-09-30",
    }
    body = owner_client.post(reverse("coach-check"), answers).content.decode()
    sentence = "Get hired as a product designer at a health-tech startup by 30 Sep 2027."
    assert sentence in body
    assert 'data-smart-date="2027-09-30"' in body
    assert "[" not in sentence


@time_machine.travel(date(2026, 12, 3), tick=False)
def test_the_guide_offers_the_vision_as_a_choice_and_asks_how_many(
    owner: User, owner_client: Client
) -> None:
    from headway.plans.models import Vision

    Vision.objects.create(user=owner, horizon=5, target_role="Data analyst")
    body = owner_client.post(reverse("coach-check"), {"statement": WISH}).content.decode()
    assert '<option value="Data analyst">' in body
    body = owner_client.post(
        reverse("coach-check"),
        {"statement": "Learn SQL", "guide_count": "4", "guide_unit": "dashboards"},
    ).content.decode()
    assert "How many, or how much?" in body
    assert 'data-smart-metric-target="4"' in body
    assert 'data-smart-metric-unit="dashboards"' in body


def test_an_unanswered_guide_shows_no_rewrite(owner_client: Client) -> None:
    body = owner_client.post(
        reverse("coach-check"), {"statement": WISH, "guide_role": "", "guide_by": ""}
    ).content.decode()
    assert "Answer each question" in body
    assert "Use this rewrite" not in body


def test_the_goal_form_takes_the_coachs_rewrite(owner_client: Client) -> None:
    response = owner_client.get(
        reverse("plans-goal-create"),
        {
            "statement": "Learn SQL and complete 4 dashboards by June 30, 2027.",
            "target_date": "2027-06-30",
            "metric_target": "4",
            "metric_unit": "dashboards",
        },
    )
    body = response.content.decode()
    assert "Learn SQL and complete 4 dashboards by June 30, 2027." in body
    assert 'value="2027-06-30"' in body
    assert 'value="dashboards"' in body


def test_markup_in_a_goal_is_shown_as_text(owner_client: Client) -> None:
    text = "<script>alert(1)</script> <b>Become a nurse</b> by 2028"
    body = owner_client.post(reverse("coach-check"), {"statement": text}).content.decode()
    assert "<script>" not in body
    assert "<b>" not in body
    assert "&lt;" in body


def test_the_live_check_shows_the_length_limit(owner_client: Client) -> None:
    text = "a" * (MAX_GOAL_LENGTH + 5)
    body = owner_client.post(reverse("coach-check"), {"statement": text}).content.decode()
    assert f"the limit is {MAX_GOAL_LENGTH:,}".replace(",", "") in body.replace(",", "")


def test_the_live_check_needs_a_csrf_token(csrf_client: Client) -> None:
    assert csrf_client.post(reverse("coach-check"), {"statement": GOAL}).status_code == 403


def test_the_coach_page_checks_a_goal_without_javascript(owner_client: Client) -> None:
    response = owner_client.get(reverse("coach-try"), {"text": GOAL})
    assert response.status_code == 200
    assert "Time-bound" in response.content.decode()


def test_the_command_prints_a_report_and_json() -> None:
    out = StringIO()
    call_command("smart", GOAL, "--today", "2026-11-25", stdout=out)
    assert "Time-bound" in out.getvalue()
    out = StringIO()
    call_command("smart", GOAL, "--today", "2026-11-25", "--json", stdout=out)
    assert json.loads(out.getvalue())["deadline"]["on"] == "2029-11-25"


def test_the_command_refuses_over_long_goals() -> None:
    with pytest.raises(CommandError, match="limit"):
        call_command("smart", "x" * (MAX_GOAL_LENGTH + 1))


def _headway(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from headway.__main__ import main; main(sys.argv); "
    code += "print('django loaded' if 'django' in sys.modules else '', file=sys.stderr)"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_the_command_answers_without_django_when_no_user_is_named() -> None:
    out = StringIO()
    call_command("smart", GOAL, "--today", "2026-11-25", stdout=out)
    done = _headway("smart", GOAL, "--today", "2026-11-25")
    assert done.returncode == 0
    assert done.stdout == out.getvalue()
    assert "django loaded" not in done.stderr
    done = _headway("smart", GOAL, "--today", "2026-11-25", "--json")
    assert json.loads(done.stdout)["deadline"]["on"] == "2029-11-25"
    done = _headway("smart", "x" * (MAX_GOAL_LENGTH + 1))
    assert done.returncode == 1
    assert "limit" in done.stderr
    done = _headway("smart", GOAL, "--today", "not a day")
    assert done.returncode == 2
    assert "--today" in done.stderr


def test_the_command_judges_against_a_users_vision(owner: User) -> None:
    with pytest.raises(CommandError, match="No user"):
        call_command("smart", GOAL, "--user", "nobody@example.org")
    out = StringIO()
    call_command("smart", GOAL, "--user", owner.email, stdout=out)
    assert "Relevant" in out.getvalue()


def test_the_goal_editor_shows_the_checks_beside_the_statement(owner_client: Client) -> None:
    response = owner_client.get(reverse("plans-goal-create"))
    body = response.content.decode()
    assert 'hx-post="/coach/check/"' in body
    assert "checks it against the five SMART criteria" in body


def test_the_goal_editor_keeps_the_checks_when_the_form_is_refused(owner_client: Client) -> None:
    response = owner_client.post(
        reverse("plans-goal-create"),
        {"statement": GOAL, "category": "job", "horizon": "5", "target_date": "not a date"},
    )
    body = response.content.decode()
    assert response.status_code in (200, 400)
    assert "within the next 3 years" in body
    assert "<mark" in body


def test_the_check_uses_the_vision_the_goal_serves(owner_client: Client, owner: User) -> None:
    from headway.plans.models import Vision

    Vision.objects.create(user=owner, horizon=5, target_role="Marketing manager")
    body = owner_client.post(
        reverse("coach-check"), {"statement": GOAL, "horizon": "5"}
    ).content.decode()
    assert "No vision or target role" not in body


def test_a_goal_can_be_due_at_a_recorded_event(owner_client: Client, owner: User) -> None:
    from django.utils import timezone

    from headway.network.models import Event

    day = timezone.localdate().replace(year=timezone.localdate().year + 1)
    Event.objects.create(user=owner, name="Spring career fair", held_on=day)
    result = _analyse(owner_client, text="Talk to 5 recruiters at the spring career fair")
    assert result["criteria"]["time_bound"]["status"] == "met"
    assert result["deadline"]["on"] == day.isoformat()
    assert result["deadline"]["kind"] == "event"


def _about_you(user: User, hours: int | None, education: str) -> None:
    from headway.plans.services import plan_settings_update

    plan_settings_update(user=user, hours_per_week=hours, education_level=education)


@time_machine.travel(date(2026, 11, 25), tick=False)
def test_hours_and_education_let_the_coach_judge_attainable(
    owner_client: Client, owner: User
) -> None:
    nurse = "Become a registered nurse by next month"
    assert _analyse(owner_client, text=nurse)["criteria"]["attainable"]["status"] == "unknown"
    _about_you(owner, 10, "high_school")
    attainable = _analyse(owner_client, text=nurse)["criteria"]["attainable"]
    # High school (job zone 2) to registered nurse (zone 4) takes years, not a month.
    assert attainable["status"] == "missing"
    assert "job zone 2 to 4" in attainable["explanation"]


def test_the_panel_asks_for_hours_and_education_until_given(
    owner_client: Client, owner: User
) -> None:
    link = "Tell Headway your hours and education"
    check = reverse("coach-check")
    body = owner_client.post(check, {"statement": WISH}).content.decode()
    assert link in body
    assert f'href="{reverse("plans-settings")}#about-you"' in body
    _about_you(owner, 10, "bachelor")
    # Still "Can't tell" (no deadline), but the user's own facts are in.
    assert _analyse(owner_client, text=WISH)["criteria"]["attainable"]["status"] == "unknown"
    assert link not in owner_client.post(check, {"statement": WISH}).content.decode()


def test_a_visitor_tries_the_coach_without_an_account(settings: Any) -> None:
    visitor = Client()
    page = visitor.get(reverse("coach-public"), {"text": GOAL})
    assert page.status_code == 200
    body = page.content.decode()
    assert 'hx-post="/coach/try/check/"' in body
    assert "smart-criteria" in body
    assert reverse("account_signup") in body
    # The live check answers from the goal's words alone: the only table it touches is the
    # shared cache that counts checks per address for the rate limit.
    with CaptureQueriesContext(connection) as queries:
        fragment = visitor.post(reverse("coach-public-check"), {"text": WISH})
    touched = [
        q["sql"]
        for q in queries.captured_queries
        if "headway_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]
    assert touched == []
    assert fragment.status_code == 200
    assert "smart-criterion" in fragment.content.decode()
    assert "Tell Headway your hours" not in fragment.content.decode()


def test_the_public_coach_is_rate_limited(settings: Any) -> None:
    settings.HEADWAY_COACH_PUBLIC_CHECKS_PER_MINUTE = 3
    visitor = Client()
    answers = [visitor.post(reverse("coach-public-check"), {"text": GOAL}) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert "Wait a minute" in answers[-1].content.decode()


def test_a_signed_in_user_uses_their_own_coach(owner_client: Client) -> None:
    response = owner_client.get(reverse("coach-public"))
    assert response["Location"] == reverse("coach-try")


def test_the_home_page_offers_the_coach_to_visitors() -> None:
    assert reverse("coach-public") in Client().get("/").content.decode()

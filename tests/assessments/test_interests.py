from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.assessments import selectors, services
from headway.assessments.models import InterestAnswer, InterestAttempt
from headway.assessments.services import AssessmentError
from tests.assessments.factories import answers_for, finished_attempt, load_items

pytestmark = pytest.mark.django_db


def _page_url(attempt: InterestAttempt, number: int) -> str:
    return reverse("assessments-know-interests-page", args=[attempt.pk, number])


def _page_codes(number: int) -> list[str]:
    return [item.code for item in selectors.item_pages()[number - 1]]


def _start(client: Client) -> InterestAttempt:
    response = client.post(reverse("assessments-know-interests-start"))
    assert response.status_code == 302
    return InterestAttempt.objects.get(completed_at__isnull=True)


def test_the_questionnaire_says_when_items_are_not_loaded(owner_client: Client) -> None:
    body = owner_client.get(reverse("assessments-know-interests")).content.decode()
    assert "The questionnaire is not loaded yet" in body
    response = owner_client.post(reverse("assessments-know-interests-start"), follow=True)
    assert "headway data sync" in response.content.decode()
    assert not InterestAttempt.objects.exists()


def test_it_walks_six_pages_of_labelled_radio_groups_to_a_result(owner_client: Client) -> None:
    load_items()
    attempt = _start(owner_client)
    page = owner_client.get(_page_url(attempt, 1)).content.decode()
    assert "Page 1 of 6" in page
    assert page.count("<fieldset") == 8
    assert page.count('type="radio"') == 40
    assert '<progress aria-labelledby="page-label" max="48" value="0">' in page
    assert ">Dislike</span>" in page and ">Enjoy</span>" in page
    ratings = answers_for({"I": 5, "A": 4, "S": 3})
    for number in range(1, 7):
        data = {code: ratings[code] for code in _page_codes(number)}
        response = owner_client.post(_page_url(attempt, number), {**data, "action": "next"})
        assert response.status_code == 302
    assert response["Location"] == reverse("assessments-know-interests-result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.holland_code == "IAS"
    assert attempt.scores["percent"]["I"] == 100.0
    assert attempt.scores["oi"]["A"] == pytest.approx(5.5)
    body = owner_client.get(response["Location"]).content.decode()
    assert "IAS" in body and "<svg" in body
    assert "Investigative, Artistic, Social" in body
    assert "You like to understand how things work and why." in body


def test_a_half_finished_attempt_resumes_where_it_stopped(owner_client: Client) -> None:
    load_items()
    attempt = _start(owner_client)
    first = {code: 4 for code in _page_codes(1)}
    owner_client.post(_page_url(attempt, 1), {**first, "action": "next"})
    partial = dict.fromkeys(_page_codes(2)[:3], 2)
    response = owner_client.post(_page_url(attempt, 2), {**partial, "action": "save"}, follow=True)
    assert "you start on page 2" in response.content.decode()
    assert InterestAnswer.objects.filter(attempt=attempt).count() == 11
    overview = owner_client.get(reverse("assessments-know-interests")).content.decode()
    assert "answered 11 of 48" in overview
    assert "Continue on page 2" in overview
    response = owner_client.post(reverse("assessments-know-interests-start"))
    assert response["Location"] == _page_url(attempt, 2)
    assert InterestAttempt.objects.count() == 1
    page = owner_client.get(_page_url(attempt, 2)).content.decode()
    assert page.count(" checked>") == 3


def test_next_needs_every_activity_on_the_page_and_keeps_the_answers(
    owner_client: Client,
) -> None:
    load_items()
    attempt = _start(owner_client)
    codes = _page_codes(1)
    response = owner_client.post(_page_url(attempt, 1), {codes[0]: "5", "action": "next"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "7 activities need an answer." in body
    assert body.count("Choose how much you would enjoy this activity.") == 7
    assert InterestAnswer.objects.get(attempt=attempt).rating == 5


def test_a_rating_off_the_scale_is_refused_with_a_message(owner_client: Client) -> None:
    load_items()
    attempt = _start(owner_client)
    code = _page_codes(1)[0]
    response = owner_client.post(_page_url(attempt, 1), {code: "9", "action": "save"})
    assert response.status_code == 400
    assert "is off the scale" in response.content.decode()
    assert not InterestAnswer.objects.exists()


def test_the_last_page_lists_pages_still_unanswered(owner_client: Client) -> None:
    load_items()
    attempt = _start(owner_client)
    last = {code: 3 for code in _page_codes(6)}
    response = owner_client.post(_page_url(attempt, 6), {**last, "action": "next"})
    assert response.status_code == 400
    assert "40 activities still need an answer, on pages 1, 2, 3, 4, 5." in (
        response.content.decode()
    )


def test_retaking_keeps_the_history_and_overlays_the_previous_result(
    owner: User, owner_client: Client
) -> None:
    with time_machine.travel(datetime(2026, 1, 5, 9, tzinfo=UTC)):
        first = finished_attempt(owner, R=5, C=4, E=3)
    with time_machine.travel(datetime(2026, 3, 9, 9, tzinfo=UTC)):
        second = finished_attempt(owner, I=5, A=4, S=3)
    history = owner_client.get(reverse("assessments-know-interests")).content.decode()
    assert re.search(r"9 Mar 2026</td>\s*<td><strong class=\"mono\">IAS", history)
    assert re.search(r"5 Jan 2026</td>\s*<td><strong class=\"mono\">RCE", history)
    result = owner_client.get(reverse("assessments-know-interests-result", args=[second.pk]))
    body = result.content.decode()
    assert "Earlier attempt (5 Jan 2026)" in body
    assert "chart-series-2" in body
    assert "(-100 since then)" in body  # Realistic fell from 100 to 0
    alone = owner_client.get(
        reverse("assessments-know-interests-result", args=[second.pk]) + "?compare=none"
    ).content.decode()
    assert "chart-series-2" not in alone
    older = owner_client.get(reverse("assessments-know-interests-result", args=[first.pk]))
    assert "chart-series-2" not in older.content.decode()


def test_an_unfinished_attempt_result_leads_back_to_its_page(
    owner: User, owner_client: Client
) -> None:
    load_items()
    attempt, _ = services.attempt_start(user=owner)
    response = owner_client.get(reverse("assessments-know-interests-result", args=[attempt.pk]))
    assert response["Location"] == _page_url(attempt, 1)


def test_a_finished_attempt_takes_no_more_answers(owner: User) -> None:
    attempt = finished_attempt(owner, I=5)
    with pytest.raises(AssessmentError, match="This attempt is finished"):
        services.answers_save(attempt=attempt, answers={"R1": 3})


def test_the_start_form_needs_a_csrf_token(csrf_client: Client) -> None:
    load_items()
    response = csrf_client.post(reverse("assessments-know-interests-start"))
    assert response.status_code == 403


def test_the_api_saves_partial_answers_and_completes(owner_client: Client) -> None:
    load_items()
    items = owner_client.get("/api/me/interests/items").json()
    assert items["total"] == 48 and len(items["pages"]) == 6
    assert items["scale"]["1"] == "Dislike"
    started = owner_client.post("/api/me/interests/attempts")
    assert started.status_code == 201
    attempt_id = started.json()["id"]
    assert owner_client.post("/api/me/interests/attempts").status_code == 200
    url = f"/api/me/interests/attempts/{attempt_id}"
    half = dict(list(answers_for({"S": 5, "E": 4, "C": 3}).items())[:20])
    saved = owner_client.patch(f"{url}/answers", {"answers": half}, content_type="application/json")
    assert saved.json()["progress"]["answered"] == 20
    early = owner_client.post(f"{url}/complete")
    assert early.status_code == 422
    assert "28 activities still need an answer" in early.json()["detail"]
    rest = answers_for({"S": 5, "E": 4, "C": 3})
    owner_client.patch(f"{url}/answers", {"answers": rest}, content_type="application/json")
    done = owner_client.post(f"{url}/complete").json()
    assert done["holland_code"] == "SEC"
    assert done["scores"]["oi"]["S"] == 7.0
    results = owner_client.get("/api/me/interests/results").json()
    assert results["holland_code"] == "SEC"
    assert results["types"][0]["name"] == "Social"


def test_the_api_refuses_a_rating_off_the_scale_with_422(owner_client: Client) -> None:
    load_items()
    attempt_id = owner_client.post("/api/me/interests/attempts").json()["id"]
    response = owner_client.patch(
        f"/api/me/interests/attempts/{attempt_id}/answers",
        {"answers": {"R1": 6}},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "answers.R1: Use a number of at most 5.",
        "field": "answers.R1",
    }
    unknown = owner_client.patch(
        f"/api/me/interests/attempts/{attempt_id}/answers",
        {"answers": {"Q9": 3}},
        content_type="application/json",
    )
    assert unknown.status_code == 422
    assert "no activity 'Q9'" in unknown.json()["detail"]


def test_the_results_page_takes_a_fixed_number_of_queries(
    owner: User, owner_client: Client, django_assert_max_num_queries: object
) -> None:
    attempt = finished_attempt(owner, I=5)
    for _ in range(3):
        finished_attempt(owner, A=5)
    url = reverse("assessments-know-interests")
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        owner_client.get(url)
    with django_assert_max_num_queries(9):  # type: ignore[operator]
        owner_client.get(reverse("assessments-know-interests-result", args=[attempt.pk]))


def test_earlier_results_page_and_only_the_newest_is_marked_latest(
    owner_client: Client, owner: User, settings: Any
) -> None:
    load_items()
    settings.HEADWAY_PAGE_SIZE = 2
    for _ in range(3):
        finished_attempt(owner)
    first = owner_client.get(reverse("assessments-know-interests"))
    assert len(first.context["attempts"].object_list) == 2
    assert first.content.decode().count("latest</span>") == 1
    second = owner_client.get(reverse("assessments-know-interests"), {"page": 2})
    assert len(second.context["attempts"].object_list) == 1
    assert "latest</span>" not in second.content.decode()

"""A vision's target occupation: set from the page or API, summarised on the vision page."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from headway.accounts.models import User
from headway.accounts.services import account_delete
from headway.careers.models import Occupation, VisionTarget
from headway.careers.selectors import vision_target_summary
from headway.careers.services import vision_target_set
from headway.plans.models import Goal
from headway.plans.services import vision_save
from tests.plans.factories import GoalFactory


def vision_of(user: User, **data: object) -> object:
    return vision_save(user=user, horizon=5, data={"target_role": "Developer", **data})


def test_the_owner_sets_a_target_from_the_occupation_page(
    career_data: Path, owner: User, csrf_client: Client
) -> None:
    vision = vision_of(owner)
    page = csrf_client.get("/careers/occupations/15-1252.00/")
    token = page.cookies["csrftoken"].value
    response = csrf_client.post(
        f"/careers/visions/{vision.pk}/target/",  # type: ignore[attr-defined]
        {"occupation": "15-1252.00", "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/careers/occupations/15-1252.00/"
    body = response.content.decode()
    assert "is now the target occupation of your 5-year vision" in body
    assert "Target of your 5-year vision" in body
    assert VisionTarget.objects.get(vision=vision).occupation.code == "15-1252.00"


def test_a_post_without_the_csrf_token_is_refused(
    career_data: Path, owner: User, csrf_client: Client
) -> None:
    vision = vision_of(owner)
    response = csrf_client.post(
        f"/careers/visions/{vision.pk}/target/",  # type: ignore[attr-defined]
        {"occupation": "15-1252.00"},
    )
    assert response.status_code == 403
    assert not VisionTarget.objects.exists()


def test_without_a_vision_the_page_asks_for_one_first(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get("/careers/occupations/15-1252.00/").content.decode()
    assert 'Write your <a href="/plan/vision/">vision</a> first' in page


def test_setting_again_replaces_and_clearing_removes(career_data: Path, owner: User) -> None:
    vision = vision_of(owner)
    client = Client()
    client.force_login(owner)
    url = f"/careers/visions/{vision.pk}/target/"  # type: ignore[attr-defined]
    client.post(url, {"occupation": "15-1252.00"})
    client.post(url, {"occupation": "29-1141.00"})
    assert VisionTarget.objects.get().occupation.code == "29-1141.00"
    client.post(url + "clear/", {"next": "/plan/vision/"})
    assert not VisionTarget.objects.exists()


def test_an_occupation_no_longer_released_cannot_become_a_target(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner)
    Occupation.objects.filter(code="35-2014.00").update(in_current_release=False)
    response = owner_client.post(
        f"/careers/visions/{vision.pk}/target/",  # type: ignore[attr-defined]
        {"occupation": "35-2014.00"},
        follow=True,
    )
    assert "no longer in the current data release" in response.content.decode()
    assert not VisionTarget.objects.exists()


def test_the_summary_places_the_salary_and_names_the_preparation_gap(
    career_data: Path, owner: User
) -> None:
    vision = vision_of(owner, salary_min=Decimal("150000"), salary_currency="USD")
    GoalFactory(user=owner, horizon=5, category=Goal.Category.EDUCATION, statement="Finish a BSc")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))
    summary = vision_target_summary(owner, vision)  # type: ignore[arg-type]
    assert summary is not None
    assert summary.pay_words == (
        "Your target of $150,000 a year is around the 65th percentile of US pay for "
        "Software Developers (BLS, national)."
    )
    assert summary.preparation_words.startswith(
        "This occupation is among the occupations that need considerable preparation: most of "
        "these occupations require a four-year bachelor's degree, but some do not. BLS lists "
        "“Bachelor's degree” as the typical education for entry."
    )
    assert "You noted these preparation goals for this vision: “Finish a BSc”." in (
        summary.preparation_words
    )
    assert summary.pay_chart is not None and "Your target $150,000" in summary.pay_chart


def test_an_esco_target_uses_its_onet_match(career_data: Path, owner: User) -> None:
    from tests.careers.mirror import SOFTWARE_ESCO

    vision = vision_of(owner, salary_min=Decimal("90000"), salary_currency="EUR")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code=SOFTWARE_ESCO))
    summary = vision_target_summary(owner, vision)  # type: ignore[arg-type]
    assert summary is not None and summary.source is not None
    assert summary.source.code == "15-1252.00"
    assert "in EUR; BLS pay is in US dollars" in summary.pay_words
    assert "You have noted no education, credential or experience goals" in (
        summary.preparation_words
    )


def test_the_fragment_renders_for_the_plans_vision_page(career_data: Path, owner: User) -> None:
    vision = vision_of(owner, salary_max=Decimal("100000"), salary_currency="usd")
    request = RequestFactory().get("/plan/vision/")
    request.user = owner
    empty = render_to_string("careers/_vision_target.html", {"vision": vision}, request)
    assert "No target occupation yet" in empty
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="29-1141.00"))
    html = render_to_string("careers/_vision_target.html", {"vision": vision}, request)
    assert "Target occupation:" in html and "Registered Nurses" in html
    assert "around the 60th percentile" in html
    assert "Remove target occupation" in html


def test_targets_are_in_the_export_and_go_with_the_account(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner)
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))
    export = json.loads(owner_client.get("/settings/export/").content)
    assert export["sections"]["careers"] == {
        "vision_targets": [
            {
                "vision_horizon_years": 5,
                "occupation_code": "15-1252.00",
                "occupation_title": "Software Developers",
                "set_at": VisionTarget.objects.get().set_at.isoformat(),
            }
        ]
    }
    account_delete(user=owner)
    assert not VisionTarget.objects.exists()
    assert Occupation.objects.filter(code="15-1252.00").exists()


def test_the_api_sets_reads_and_clears_a_target(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision_of(owner)
    url = "/api/careers/visions/5/target"
    assert owner_client.get(url).json()["occupation"] is None
    response = owner_client.put(url, {"occupation": "29-1141.00"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["occupation_title"] == "Registered Nurses"
    assert owner_client.get(url).json()["occupation"] == "29-1141.00"
    refused = owner_client.put(url, {"occupation": "nope"}, content_type="application/json")
    assert refused.status_code == 422 and refused.json()["field"] == "occupation"
    assert owner_client.delete(url).status_code == 204
    assert not VisionTarget.objects.exists()


def test_a_stranger_cannot_touch_anothers_target(
    career_data: Path, owner: User, stranger_client: Client
) -> None:
    vision = vision_of(owner)
    url = "/api/careers/visions/5/target"
    put = stranger_client.put(url, {"occupation": "29-1141.00"}, content_type="application/json")
    assert put.status_code == 404
    form = stranger_client.post(
        f"/careers/visions/{vision.pk}/target/",  # type: ignore[attr-defined]
        {"occupation": "29-1141.00"},
    )
    assert form.status_code == 404
    assert not VisionTarget.objects.exists()


def test_the_plans_vision_page_shows_the_target(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner, salary_min=Decimal("150000"), salary_currency="USD")
    assert "No target occupation yet" in owner_client.get("/plan/vision/").content.decode()
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))
    page = owner_client.get("/plan/vision/").content.decode()
    assert "Target occupation:" in page and "around the 65th percentile" in page

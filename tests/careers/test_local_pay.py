"""Local pay: OEWS state and metropolitan-area wages, matched from a vision's location."""

from __future__ import annotations

import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client

from headway.accounts.models import User
from headway.careers import services
from headway.careers.models import AreaWage, Dataset, Occupation, WageArea
from headway.careers.services import vision_target_set
from headway.domain.careerdata import sources
from headway.plans.services import vision_save
from tests.careers.mirror import AREA_WAGES, AREAS


def vision_of(user: User, location: str, **data: object) -> object:
    return vision_save(
        user=user, horizon=5, data={"target_role": "Developer", "location": location, **data}
    )


def test_the_area_workbooks_are_imported_when_present(career_data: Path) -> None:
    record = Dataset.objects.get(key="oews")
    assert record.counts["states with wages"] == 2
    assert record.counts["metropolitan areas with wages"] == 4
    assert record.counts["area wage rows"] == len(AREA_WAGES)
    assert record.missing_files == []
    assert dict(WageArea.objects.values_list("code", "kind")) == {
        code: {2: "state", 4: "metro", 6: "nonmetro"}[kind] for code, (_, kind, _s) in AREAS.items()
    }
    austin = AreaWage.objects.get(area__code="12420", soc_code="15-1252")
    assert austin.annual["median"] == "138000" and austin.employment == 40000
    assert AreaWage.objects.get(area__code="36", soc_code="15-1252").annual["p90"] == "#"
    nurses = AreaWage.objects.get(area__code="12420", soc_code="29-1141")
    assert (nurses.employment, nurses.employment_marker, nurses.annual["median"]) == (
        None,
        "**",
        "*",
    )


def test_the_vision_page_places_the_salary_in_local_and_national_pay(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner, "Austin, TX", salary_min=Decimal("138000"), salary_currency="USD")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))

    page = owner_client.get("/plan/vision/").content.decode()

    assert (
        "In the Austin-Round Rock-San Marcos, TX metropolitan area, the median pay for "
        "Software Developers is $138,000 a year ($130,000 nationally). Your target of "
        "$138,000 a year is around the 50th percentile (the median) of pay there."
    ) in page
    assert "metropolitan-area estimates, matched from your vision's location “Austin, TX”" in page


def test_a_city_without_a_metro_area_falls_back_to_its_state(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner, "Houston, Texas")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="29-1141.00"))

    page = owner_client.get("/plan/vision/").content.decode()

    assert "In Texas, the median pay for Registered Nurses is $86,000 a year ($93,600" in page


def test_a_place_outside_the_data_says_pay_is_national(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_of(owner, "London, UK")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))

    page = owner_client.get("/plan/vision/").content.decode()

    assert "location “London, UK” names no US state or metropolitan area" in page


def test_the_occupation_page_shows_local_pay_beside_national_pay(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision_of(owner, "New York, NY")

    page = owner_client.get("/careers/occupations/15-1252.00/").content.decode()

    assert "Pay where your vision is" in page
    assert '<h3 id="local-pay-' in page and "New York-Newark-Jersey City, NY-NJ</h3>" in page
    assert 'Annual, this area<span class="visually-hidden"> (New York-Newark-Jersey City' in page
    assert "<td>$165,000</td><td>$130,000</td>" in page  # median here, nationally
    assert "≥ $239,200" in page  # BLS's top code for the 90th percentile, kept
    assert "metropolitan and nonmetropolitan area estimates, SOC 15-1252" in page


def test_the_occupation_page_says_when_bls_has_no_local_estimate(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision_of(owner, "Austin, TX")

    page = owner_client.get("/careers/occupations/29-1141.00/").content.decode()

    assert "BLS publishes no pay for Registered Nurses in the Austin-Round Rock" in page


def test_without_a_location_the_page_shows_national_pay_only(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision_of(owner, "")

    page = owner_client.get("/careers/occupations/15-1252.00/").content.decode()

    assert "Pay where your vision is" not in page
    assert "Pay in the United States" in page


def test_without_the_area_workbooks_the_gap_is_said_once_on_the_about_page(
    db: None, mirror: Path, tmp_path: Path, owner: User, owner_client: Client
) -> None:
    national_only = Path(shutil.copytree(mirror, tmp_path / "national"))
    (national_only / sources.OEWS_STATE).unlink()
    (national_only / sources.OEWS_METRO).unlink()
    outcomes = services.datasets_sync(mirror=national_only)
    assert all(outcome.ok for outcome in outcomes)
    vision = vision_of(owner, "Austin, TX")
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code="15-1252.00"))

    occupation = owner_client.get("/careers/occupations/15-1252.00/").content.decode()
    plan = owner_client.get("/plan/vision/").content.decode()
    about = owner_client.get("/careers/about/").content.decode()
    out = StringIO()
    call_command("data", "status", stdout=out)

    assert "Pay where your vision is" not in occupation and "Austin" not in occupation
    assert "metropolitan area" not in plan
    assert about.count("Pay is shown nationally only, not by metropolitan area.") == 1
    assert "bls/state_M2024_dl.xlsx, bls/MSA_M2024_dl.xlsx" in about
    assert "Pay is shown nationally only, not by state." in out.getvalue()


def test_a_partial_area_release_removes_no_area(career_data: Path, tmp_path: Path) -> None:
    states_only = Path(shutil.copytree(career_data, tmp_path / "states"))
    (states_only / sources.OEWS_METRO).unlink()
    before = AreaWage.objects.count()

    outcome = services.datasets_sync(mirror=states_only, only=["oews"])[0]

    assert outcome.status == "imported", outcome.message
    assert AreaWage.objects.count() == before
    assert WageArea.objects.filter(kind="metro").count() == 4


def test_local_pay_adds_three_queries_to_the_occupation_page(
    career_data: Path, owner: User, owner_client: Client, django_assert_num_queries: object
) -> None:
    vision_of(owner, "Austin, TX")
    owner_client.get("/careers/occupations/15-1252.00/")
    # the 16 of test_the_occupation_page_needs_few_queries, the visions' targets, then local
    # pay: areas, the area's wages, top codes
    with django_assert_num_queries(20):  # type: ignore[operator]
        owner_client.get("/careers/occupations/15-1252.00/")

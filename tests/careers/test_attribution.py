"""Every figure and skills list belongs to the occupation in the heading, or says whose it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.careers.models import Occupation
from headway.careers.selectors import vision_target_summary
from headway.careers.services import vision_target_set
from headway.plans.services import vision_save
from tests.careers.attribution import misattributed
from tests.careers.mirror import CALL_CENTRE_ESCO, SOFTWARE_ESCO


def test_no_page_shows_another_occupations_figures_outside_a_closest_block(
    career_data: Path, owner_client: Client
) -> None:
    occupations = list(Occupation.objects.all())
    assert len(occupations) == 16
    for occupation in occupations:
        page = owner_client.get(f"/careers/occupations/{occupation.key}/").content.decode()
        assert misattributed(page, occupation.code) == [], occupation.title


def test_the_check_finds_a_figure_shown_as_the_pages_own() -> None:
    borrowed = '<section data-of="15-1252.00"><p>$130,000</p></section>'
    assert misattributed(borrowed, "esco-1") == ["<section> of 15-1252.00 outside a Closest block"]
    loose = "<p>Median pay $130,000</p>"
    assert misattributed(loose, "esco-1") == [
        "dollar figure in unmarked <p>: ['Median pay $130,000']"
    ]
    titled = (
        '<section class="closest-us" data-of="15-1252.00"><h2>US figures</h2>'
        '<div data-of="15-1252.00">$1</div></section>'
    )
    assert misattributed(titled, "esco-1") == ["block of 15-1252.00 titled 'US figures'"]
    right = titled.replace("US figures", "Closest US occupation: Software Developers")
    assert misattributed(right, "esco-1") == []


def test_the_vision_checks_salary_only_against_its_targets_closest_us_figures(
    career_data: Path, owner: User, owner_client: Client
) -> None:
    vision = vision_save(
        user=owner,
        horizon=5,
        data={"target_role": "Analyst", "salary_min": Decimal("80000"), "salary_currency": "USD"},
    )
    vision_target_set(vision=vision, occupation=Occupation.objects.get(code=CALL_CENTRE_ESCO))
    far = vision_target_summary(owner, vision)
    assert far is not None and far.wages is None and far.pay_chart is None
    assert far.us_match is not None and "not close enough" in far.us_match.reason
    assert "$" not in far.pay_words and "Computer Programmers" not in far.preparation_words
    page = owner_client.get(reverse("plans-vision")).content.decode()
    assert "Your salary target is not compared with another occupation" in page
    assert "Closest US occupation" not in page

    vision_target_set(vision=vision, occupation=Occupation.objects.get(code=SOFTWARE_ESCO))
    close = vision_target_summary(owner, vision)
    assert close is not None and close.source is not None
    assert close.source.code == "15-1252.00"
    assert "of US pay for Software Developers" in close.pay_words
    assert close.preparation_words.startswith(
        "Its closest US occupation, Software Developers, is among the occupations that need"
    )
    page = owner_client.get(reverse("plans-vision")).content.decode()
    assert "<h4>Closest US occupation: Software Developers</h4>" in page
    assert misattributed(page, "") == []  # the salary check sits in that block


def test_compare_names_the_closest_us_occupation_of_an_esco_column(
    career_data: Path, owner_client: Client
) -> None:
    software = Occupation.objects.get(code=SOFTWARE_ESCO)
    far = Occupation.objects.get(code=CALL_CENTRE_ESCO)
    page = owner_client.get(
        "/careers/compare/", {"o": [software.key, far.key, "15-1252.00"]}
    ).content.decode()
    assert "<strong>Closest US occupation: Software Developers</strong>" in page
    assert "not close enough to show its figures" in page
    assert "<strong>Closest ESCO occupation: Software Developer</strong>" in page

"""Matching a written place to a BLS OEWS state or metropolitan area."""

from __future__ import annotations

import pytest

from headway.domain.areas import METRO, NONMETRO, STATE, Area, match_area, metro_cities

AREAS = [
    Area("48", "Texas", STATE, "TX"),
    Area("36", "New York", STATE, "NY"),
    Area("53", "Washington", STATE, "WA"),
    Area("11", "District of Columbia", STATE, "DC"),
    Area("12420", "Austin-Round Rock-San Marcos, TX", METRO, "TX"),
    Area("35620", "New York-Newark-Jersey City, NY-NJ", METRO, "NY"),
    Area("47900", "Washington-Arlington-Alexandria, DC-VA-MD-WV", METRO, "DC"),
    Area("38900", "Portland-Vancouver-Hillsboro, OR-WA", METRO, "OR"),
    Area("38860", "Portland-South Portland, ME", METRO, "ME"),
    Area("49180", "Winston-Salem, NC", METRO, "NC"),
    Area("41180", "St. Louis, MO-IL", METRO, "MO"),
    Area("4800003", "Austin Region of Texas nonmetropolitan area", NONMETRO, "TX"),
]


def matched(location: str) -> tuple[str, bool] | None:
    match = match_area(location, AREAS)
    return (match.area.title, match.by_city) if match else None


@pytest.mark.parametrize(
    ("location", "area"),
    [
        ("Austin, TX", "Austin-Round Rock-San Marcos, TX"),
        ("austin, texas", "Austin-Round Rock-San Marcos, TX"),
        ("Austin TX", "Austin-Round Rock-San Marcos, TX"),
        ("Austin, Texas, USA", "Austin-Round Rock-San Marcos, TX"),
        ("Austin, TX 78701", "Austin-Round Rock-San Marcos, TX"),
        ("Round Rock, TX", "Austin-Round Rock-San Marcos, TX"),
        ("Austin", "Austin-Round Rock-San Marcos, TX"),
        ("New York, NY", "New York-Newark-Jersey City, NY-NJ"),
        ("Jersey City, New Jersey", "New York-Newark-Jersey City, NY-NJ"),
        ("Washington, DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("Portland, Oregon", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("Portland, ME", "Portland-South Portland, ME"),
        ("Winston-Salem, NC", "Winston-Salem, NC"),
        ("St Louis, MO", "St. Louis, MO-IL"),
        ("Saint-Louis", None),
    ],
)
def test_a_principal_city_names_its_metro_area(location: str, area: str | None) -> None:
    assert matched(location) == ((area, True) if area else None)


@pytest.mark.parametrize(
    ("location", "area"),
    [
        ("Texas", "Texas"),
        ("TX", "Texas"),
        ("Houston, TX", "Texas"),  # no metro area named after Houston in this list
        ("New York", "New York"),  # a state's name alone is the state
        ("Washington", "Washington"),
        ("D.C.", "District of Columbia"),
    ],
)
def test_a_state_matches_when_no_metro_area_does(location: str, area: str) -> None:
    assert matched(location) == (area, False)


@pytest.mark.parametrize(
    "location",
    ["", "  ", "Remote", "London, UK", "Paris", "Portland", "Houston, Ontario", "USA"],
)
def test_places_outside_the_data_or_ambiguous_match_nothing(location: str) -> None:
    assert matched(location) is None


def test_a_state_absent_from_the_data_matches_nothing() -> None:
    assert matched("Boise, Idaho") is None


def test_metro_titles_give_cities_whole_and_split() -> None:
    cities, states = metro_cities("Winston-Salem, NC")
    assert {"winston-salem", "winston", "salem"} <= cities
    assert states == {"NC"}
    cities, states = metro_cities("Washington-Arlington-Alexandria, DC-VA-MD-WV")
    assert "arlington" in cities and states == {"DC", "VA", "MD", "WV"}

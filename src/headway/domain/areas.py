"""Match a place a user wrote ("Austin, TX") to a BLS OEWS state or metropolitan area.

BLS names a metropolitan area after its principal cities and states, e.g.
"Austin-Round Rock-San Marcos, TX" or "Washington-Arlington-Alexandria, DC-VA-MD-WV". A place
matches a metropolitan area when its city is one of those principal cities (and its state,
when given, one of those states); otherwise it matches its state when it names one. Names
are compared with case and accents folded and full stops dropped ("St. Louis" = "st louis").
A city in more than one area without a state to tell them apart ("Portland") matches none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from headway.domain.text import fold

STATE = "state"  # a state, the District of Columbia or a territory
METRO = "metro"  # a metropolitan statistical area
NONMETRO = "nonmetro"  # a nonmetropolitan area (never matched by city)

# Postal codes of the places BLS publishes state estimates for.
STATE_CODES: Mapping[str, str] = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "district of columbia": "DC",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "guam": "GU",
    "puerto rico": "PR",
    "virgin islands": "VI",
}
_COUNTRY = {"us", "usa", "united states", "united states of america", "america"}
_ZIP = re.compile(r"\s+\d{5}(?:-\d{4})?$")


@dataclass(frozen=True, slots=True)
class Area:
    """A BLS OEWS area: code, name, kind (STATE, METRO, NONMETRO) and primary state."""

    code: str
    title: str
    kind: str
    state: str  # postal code, e.g. "TX"


@dataclass(frozen=True, slots=True)
class AreaMatch:
    area: Area
    by_city: bool  # True: the place is a principal city of the area; False: its state


def _clean(text: str) -> str:
    text = " ".join(fold(text).replace(".", "").split())
    return _ZIP.sub("", text).strip()


def metro_cities(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the principal-city names and state codes of a metropolitan area's title.

    A city name with a hyphen of its own ("Winston-Salem") is kept whole as well as split.
    """
    names, _, states = title.rpartition(",")
    pieces = [_clean(piece) for piece in names.split("-")]
    cities = {
        "-".join(pieces[start:end])
        for start in range(len(pieces))
        for end in range(start + 1, len(pieces) + 1)
    }
    codes = {code.strip().upper() for code in states.split("-") if code.strip()}
    return frozenset(cities), frozenset(codes)


def state_code(text: str) -> str | None:
    """Return the postal code of a state named or abbreviated in `text`, if it is one."""
    cleaned = _clean(text)
    if cleaned in STATE_CODES:
        return STATE_CODES[cleaned]
    upper = cleaned.upper()
    return upper if len(upper) == 2 and upper in STATE_CODES.values() else None


def _split_place(location: str) -> tuple[str | None, str | None] | None:
    """Return (city, state code) of a written place; None when it names no US place."""
    parts = [_clean(part) for part in location.split(",")]
    parts = [part for part in parts if part and part not in _COUNTRY]
    if not parts:
        return None
    if len(parts) >= 2:
        code = state_code(parts[-1])
        return (parts[0], code) if code else None
    text = parts[0]
    code = state_code(text)
    if code:
        return None, code
    words = text.split()
    for size in (3, 2, 1):  # "austin tx", "albany new york", "st paul minnesota"
        if len(words) > size:
            code = state_code(" ".join(words[-size:]))
            if code:
                return " ".join(words[:-size]), code
    return text, None


def match_area(location: str, areas: Iterable[Area]) -> AreaMatch | None:
    """Return the metropolitan area or state that `location` names, or None."""
    place = _split_place(location)
    if place is None:
        return None
    city, code = place
    areas = list(areas)
    if city:
        metros = []
        for area in areas:
            if area.kind != METRO:
                continue
            cities, states = metro_cities(area.title)
            if city in cities and (code is None or code in states):
                metros.append(area)
        if len(metros) == 1:
            return AreaMatch(metros[0], by_city=True)
    if code:
        state = next((a for a in areas if a.kind == STATE and a.state == code), None)
        if state is not None:
            return AreaMatch(state, by_city=False)
    return None

"""The careers API: the same search, facts and markers as the pages."""

from __future__ import annotations

from pathlib import Path

from django.test import Client


def test_the_api_searches_with_typos_and_filters(career_data: Path, owner_client: Client) -> None:
    hits = owner_client.get("/api/careers/occupations", {"q": "registred nurse"}).json()
    assert hits[0]["title"] in ("Registered Nurses", "nurse responsible for general care")
    onet = next(hit for hit in hits if hit["code"] == "29-1141.00")
    assert onet["median_annual_wage"] == "$93,600" and onet["job_zone"] == 3
    # One hit for the job: its ESCO views ride along instead of being listed again.
    assert onet["twins"] and not any(hit["key"] in onet["twins"] for hit in hits)
    filtered = owner_client.get("/api/careers/occupations", {"interest": "E"}).json()
    assert [hit["title"] for hit in filtered] == ["Chief Executives"]


def test_the_api_refuses_a_search_with_nothing_to_search_by(
    career_data: Path, owner_client: Client
) -> None:
    response = owner_client.get("/api/careers/occupations")
    assert response.status_code == 422 and response.json()["field"] == "q"
    bad = owner_client.get("/api/careers/occupations", {"interest": "X"})
    assert bad.status_code == 422 and bad.json()["field"] == "interest"


def test_the_api_returns_an_occupation_with_bls_markers_kept(
    career_data: Path, owner_client: Client
) -> None:
    chief = owner_client.get("/api/careers/occupations/11-1011.00").json()
    p90 = next(row for row in chief["pay"] if row["percentile"] == "90th percentile")
    assert (p90["annual"], p90["annual_amount"], p90["annual_marker"]) == ("≥ $239,200", None, "#")
    software = owner_client.get("/api/careers/occupations/15-1252.00").json()
    assert software["job_zone"]["zone"] == 4 and software["interest_code"] == "ICR"
    assert [s["label"] for s in software["essential_skills"]] == [
        "debug software",
        "use software design patterns",
    ]
    assert {
        "example": "Python",
        "category": "Object or component oriented development software",
        "hot": True,
        "in_demand": True,
    } in software["technologies"]
    assert software["projection"]["change_percent"] == "15.9"
    assert owner_client.get("/api/careers/occupations/nope").status_code == 404


def test_the_api_compares_and_lists_datasets(career_data: Path, owner_client: Client) -> None:
    compared = owner_client.get("/api/careers/compare?o=15-1252.00&o=35-2014.00").json()
    assert [item["title"] for item in compared] == ["Software Developers", "Cooks, Restaurant"]
    datasets = owner_client.get("/api/careers/datasets").json()["items"]
    assert [d["key"] for d in datasets] == ["onet", "esco", "crosswalk", "oews", "projections"]
    assert datasets[0]["missing_files"] == ["Skills.txt"]

"""The explorer through HTTP: search, filters, occupation pages, compare, about the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from headway.careers.models import Occupation
from tests.careers.mirror import APP_DEVELOPER_ESCO, BIRD_ESCO, CALL_CENTRE_ESCO, SOFTWARE_ESCO

RESULT_LINK = re.compile(r'<a href="/careers/occupations/[^"]+/">([^<]+)</a>')


def titles(response: object) -> list[str]:
    return RESULT_LINK.findall(response.content.decode())  # type: ignore[attr-defined]


def key_of(code: str) -> str:
    return Occupation.objects.get(code=code).key


def test_without_data_the_explorer_says_how_to_load_it(owner_client: Client) -> None:
    page = owner_client.get("/careers/").content.decode()
    assert "No career data is loaded yet" in page
    assert "headway data sync --from DIR" in page
    assert 'name="q"' not in page


def test_search_tolerates_typos_and_ranks_the_occupation_first(
    career_data: Path, owner_client: Client
) -> None:
    response = owner_client.get("/careers/", {"q": "sofware develper"})
    assert response.status_code == 200
    found = titles(response)
    # One result for the job: the O*NET view first, the ESCO view of it beside it.
    assert found[:2] == ["Software Developers", "Software Developer"]


def test_htmx_gets_only_the_results_fragment(career_data: Path, owner_client: Client) -> None:
    response = owner_client.get("/careers/", {"q": "registered nurse rn"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and '<ol class="results">' in body
    assert "Registered Nurses" in titles(response)
    assert "Matches “Registered Nurse (RN)”" in body  # the O*NET alternate title it matched


def test_the_search_form_works_without_javascript(career_data: Path, owner_client: Client) -> None:
    page = owner_client.get("/careers/", {"q": "line cook"}).content.decode()
    assert '<form method="get" action="/careers/"' in page
    assert 'hx-trigger="input changed delay:250ms, search"' in page
    assert "Cooks, Restaurant" in page and "Cook" in RESULT_LINK.findall(page)


def test_results_show_pay_zone_growth_and_where_esco_figures_come_from(
    career_data: Path, owner_client: Client
) -> None:
    body = owner_client.get("/careers/", {"q": "software developer"}).content.decode()
    assert (
        "Considerable preparation needed · Median pay $130,000 a year · Growth +15.9% · "
        "Bachelor&#x27;s degree" in body
    )
    assert "Same job, in Europe (ESCO): <a" in body
    bird = owner_client.get("/careers/", {"q": "ornithologist"}).content.decode()
    assert "No close US occupation" in bird
    analyst = owner_client.get("/careers/", {"q": "call centre analyst"}).content.decode()
    assert "Closest US occupation" not in analyst.split("Call Centre Analyst", 2)[-1][:400]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"job_zone": "4"}, {"Software Developers", "Computer Programmers"}),
        ({"education": "No formal educational credential"}, {"Cooks, Restaurant"}),
        ({"min_pay": "200000"}, {"Chief Executives"}),  # top-coded "#": at least $239,200
        ({"min_growth": "10"}, {"Software Developers", "Cooks, Restaurant"}),
        ({"interest": "S"}, {"Registered Nurses"}),
        ({"interest": "C", "interest_min": "5.5"}, {"Software Developers", "Computer Programmers"}),
    ],
)
def test_filters_browse_onet_occupations(
    career_data: Path, owner_client: Client, filters: dict[str, str], expected: set[str]
) -> None:
    response = owner_client.get("/careers/", filters)
    assert set(titles(response)) == expected


def test_filters_narrow_a_search_through_the_crosswalk(
    career_data: Path, owner_client: Client
) -> None:
    found = titles(owner_client.get("/careers/", {"q": "nurse", "job_zone": "3"}))
    assert set(found) == {  # one job, with its ESCO views beside it
        "Registered Nurses",
        "Nurse Responsible for General Care",
        "Specialist Nurse",
    }
    assert titles(owner_client.get("/careers/", {"q": "nurse", "job_zone": "5"})) == []


def test_a_bad_filter_is_shown_next_to_its_field(career_data: Path, owner_client: Client) -> None:
    page = owner_client.get("/careers/", {"q": "cook", "interest_min": "9"}).content.decode()
    assert "Ensure this value is less than or equal to 7" in page


def test_the_explorer_needs_few_queries(
    career_data: Path, owner_client: Client, django_assert_num_queries: object
) -> None:
    owner_client.get("/careers/", {"q": "nurse"})
    # session, user, data loaded?, import stamp
    with django_assert_num_queries(4):  # type: ignore[operator]
        owner_client.get("/careers/", {"q": "developer", "job_zone": "4"})


def test_an_onet_page_shows_every_part_with_its_source(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get("/careers/occupations/15-1252.00/").content.decode()
    for text in (
        "Design and build computer programs.",
        "Analyse what users need from a program.",  # a core task
        "debug software",  # essential in the ESCO occupation matched to it
        "Python",
        '<span class="badge warn">hot</span>',
        '<span class="badge ok">in demand</span>',
        "Considerable preparation needed",
        "Most of these occupations require a four-year bachelor",
        "Interest profile",
        "$130,000",
        "$62.50",
        "+15.9%",
        "about 115,000",
        "Computer Programmers",  # related
        "Computers and Electronics",  # O*NET knowledge ratings
        "Source: BLS Occupational Employment and Wage Statistics, May 2024",
        "Source: ESCO v1.1.1 occupation-skill relations",
        "Source: O*NET 29.3 Task Statements",
        "Closest ESCO occupations: ICT Application Developer, Software Developer</h2>",
    ):
        assert text in page, text
    assert "Skills.txt missing from the data source" not in page  # Knowledge.txt was loaded
    assert "<svg" in page and "chart-range" in page and "chart-hexagon" in page


def test_a_top_coded_wage_keeps_the_bls_marker(career_data: Path, owner_client: Client) -> None:
    page = owner_client.get("/careers/occupations/11-1011.00/").content.decode()
    assert "≥ $239,200" in page and "≥ $115.00" in page
    assert "at or above its top code (#)" in page


def test_missing_figures_are_named_not_invented(career_data: Path, owner_client: Client) -> None:
    actors = owner_client.get("/careers/occupations/27-2011.00/").content.decode()
    assert "not published" in actors and "BLS publishes no estimate here (*)" in actors
    assert "BLS publishes only hourly wages" in actors
    bare = owner_client.get("/careers/occupations/13-1199.05/").content.decode()
    assert "BLS publishes no national wages for this occupation" in bare
    assert "BLS publishes no projections for this occupation" in bare
    assert "O*NET gives no interest profile for this occupation" in bare
    assert "O*NET says nothing of the preparation this occupation needs" in bare
    assert "No task statements in the data" in bare
    assert "missing from the data source" not in bare  # said once, on About the data


def test_an_esco_page_shows_us_figures_under_its_closest_us_occupation(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get(f"/careers/occupations/{key_of(SOFTWARE_ESCO)}/").content.decode()
    assert "<h1>Software Developer</h1>" in page  # ESCO's label in title case
    assert "European occupation 2512.4, ISCO-08 group 2512" in page
    assert "Implements software systems from specifications." in page
    block = page[page.index('<section class="closest-us"') :]
    assert "Closest US occupation: <a" in block and "Software Developers</a></h2>" in block
    assert "O*NET&#x27;s official 2010-to-2019 code changes" in block
    assert "By the wording of its work, this is number 2 of 7 US occupations" in block
    assert "$130,000" in block and "$130,000" not in page[: page.index(block[:40])]
    assert "use software design patterns" in page  # its own ESCO skills
    assert "ICT Application Developer" in page  # narrower, in title case
    narrower = owner_client.get(f"/careers/occupations/{key_of(APP_DEVELOPER_ESCO)}/")
    assert "through the crosswalk row of a broader ESCO occupation" in narrower.content.decode()


def test_an_esco_page_does_not_borrow_figures_from_a_far_crosswalk_match(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get(f"/careers/occupations/{key_of(CALL_CENTRE_ESCO)}/").content.decode()
    assert "closest-us" not in page and "$" not in page
    assert "pairs this occupation with the US occupation “Computer Programmers”" in page
    assert "not close enough to show its figures as this one&#x27;s" in page
    programmers = owner_client.get("/careers/occupations/15-1251.00/").content.decode()
    assert "Call Centre Analyst" not in programmers and "call centre analyst" not in programmers


def test_an_esco_occupation_without_a_match_says_so(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get(f"/careers/occupations/{key_of(BIRD_ESCO)}/").content.decode()
    assert "The crosswalk matches no US (O*NET) occupation to this ESCO occupation" in page


def test_an_unknown_occupation_is_404(career_data: Path, owner_client: Client) -> None:
    assert owner_client.get("/careers/occupations/00-0000.00/").status_code == 404


def test_the_occupation_page_needs_few_queries(
    career_data: Path, owner_client: Client, django_assert_num_queries: object
) -> None:
    owner_client.get("/careers/occupations/15-1252.00/")
    # session, user, occupation, datasets, titles, tasks, technologies, ratings, related,
    # projection, wage, ESCO matches (for skills, and with closeness), their skills, job zone,
    # visions
    with django_assert_num_queries(16):  # type: ignore[operator]
        owner_client.get("/careers/occupations/15-1252.00/")


def test_compare_shows_occupations_side_by_side(career_data: Path, owner_client: Client) -> None:
    page = owner_client.get(
        "/careers/compare/", {"o": ["15-1252.00", "29-1141.00"]}
    ).content.decode()
    for text in (
        "Software Developers",
        "Registered Nurses",
        "$130,000",
        "$93,600",
        "+15.9%",
        "+4.8%",
        "Social",
        "debug software",
        "administer medication",
        "Python",
    ):
        assert text in page, text
    assert "Add an occupation" in page


def test_compare_adds_an_occupation_found_by_search(
    career_data: Path, owner_client: Client
) -> None:
    page = owner_client.get(
        "/careers/compare/", {"o": ["15-1252.00"], "find": "cook"}
    ).content.decode()
    assert "o=15-1252.00&amp;o=35-2014.00" in page


def test_compare_takes_at_most_three(career_data: Path, owner_client: Client) -> None:
    codes = ["15-1252.00", "29-1141.00", "11-1011.00", "35-2014.00"]
    page = owner_client.get("/careers/compare/", {"o": codes}).content.decode()
    assert "Cooks, Restaurant" not in page
    assert "the most at once" in page


def test_about_the_data_credits_each_dataset(career_data: Path, client: Client) -> None:
    page = client.get("/careers/about/").content.decode()
    assert (
        "O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA). Used under the CC BY 4.0 license" in page
    )
    assert "Headway has modified all or some of this information" in page
    assert "ESCO classification of the European Commission" in page
    assert "U.S. Bureau of Labor Statistics" in page
    assert "Nesta" in page and "MIT" in page
    assert page.count('badge ok">loaded') == 5
    assert "Skills.txt" in page


def test_about_the_data_says_what_is_not_loaded(client: Client, db: None) -> None:
    page = client.get("/careers/about/").content.decode()
    assert page.count("not loaded") >= 5
    assert "About the data" in client.get("/").content.decode()


def test_ticked_occupations_stay_ticked_across_searches(
    career_data: Path, owner_client: Client
) -> None:
    body = owner_client.get(
        "/careers/", {"q": "nurse", "o": "15-1252.00"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Ticked to compare:" in body
    assert 'value="15-1252.00" checked> Software Developers' in body
    again = owner_client.get(
        "/careers/", {"q": "software", "o": "15-1252.00"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Ticked to compare:" not in again
    assert 'value="15-1252.00" aria-label="Compare Software Developers" checked' in again

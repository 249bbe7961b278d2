from __future__ import annotations

import pytest

from headway.domain.skill_gap import skill_ancestors, technology_met, titles_close


@pytest.mark.parametrize(
    ("esco", "onet", "close"),
    [
        (["software developer"], ["Software Developers"], True),
        (["registered nurse", "RN"], ["Registered Nurses"], True),
        (["call centre analyst"], ["Business Intelligence Analysts"], False),
        (["data analyst"], ["Computer and Information Research Scientists"], False),
        (
            ["ICT business analyst", "BI analyst"],
            ["Business Intelligence Analysts", "BI Analyst"],
            True,
        ),
        ([""], ["Cooks, Restaurant"], False),
    ],
)
def test_titles_are_close_when_they_share_half_their_words(
    esco: list[str], onet: list[str], close: bool
) -> None:
    assert titles_close(esco, onet) is close


def test_a_skill_meets_every_skill_above_it_once() -> None:
    broader = {1: [2], 2: [3, 4], 4: [3], 5: [2]}
    found = skill_ancestors([1, 5], broader)
    assert found == {1: 1, 2: 1, 3: 1, 4: 1, 5: 5}


def test_a_cycle_in_the_hierarchy_ends() -> None:
    assert skill_ancestors([1], {1: [2], 2: [1]}) == {1: 1, 2: 1}


@pytest.mark.parametrize(
    ("names", "example", "met"),
    [
        (["Python (computer programming)", "Python"], "Python", True),
        (["SQL"], "Structured query language SQL", True),
        (["R"], "R", True),
        (["R"], "RStudio", False),
        (["spreadsheets"], "Microsoft Excel", False),
        (["Excel"], "Microsoft Excel", True),
        (["statistics", "data modelling"], "Data modeling software", False),
        ([], "Microsoft Excel", False),
    ],
)
def test_a_technology_is_met_when_a_skill_name_names_it(
    names: list[str], example: str, met: bool
) -> None:
    assert technology_met(names, example) is met

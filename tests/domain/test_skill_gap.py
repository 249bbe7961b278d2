from __future__ import annotations

import pytest

from headway.domain.skill_gap import skill_ancestors, technology_met


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

from __future__ import annotations

from headway.domain.occupation_match import (
    CLOSE_RANK,
    Closeness,
    MatchSide,
    WorkIndex,
    best_candidate,
    judge,
    title_similarity,
)

ONET = {
    "chef": MatchSide(
        ("Chefs and Head Cooks", "Chef"),
        "Direct the preparation, seasoning, and cooking of soups, meats and desserts. "
        "Plan menus and order kitchen supplies.",
    ),
    "analyst": MatchSide(
        ("Business Intelligence Analysts", "BI Analyst"),
        "Produce financial and market intelligence by querying data repositories. "
        "Generate periodic reports on sales trends.",
    ),
    "nurse": MatchSide(
        ("Registered Nurses", "Staff Nurse"),
        "Assess patient health problems and needs. Administer medication and care for patients.",
    ),
}
WORK = WorkIndex({code: side.work for code, side in ONET.items()})


def test_titles_overlap_by_stemmed_words() -> None:
    assert title_similarity(["chef"], ["Chefs and Head Cooks", "Chef"]) == 1.0
    assert title_similarity(["call centre analyst"], ["Business Intelligence Analysts"]) == 1 / 3
    assert title_similarity(["ornithologist"], ["Registered Nurses"]) == 0.0


def test_a_pair_that_shares_title_and_work_is_close() -> None:
    chef = MatchSide(("chef", "head cook"), "Plan menus, cook meats and order kitchen supplies.")
    closeness = judge(chef, ONET["chef"], "chef", WORK)
    assert closeness.rank == 1 and closeness.title == 1.0 and closeness.close
    assert closeness.words == "very close"
    assert "this is the closest of 3 US occupations" in closeness.explanation


def test_a_pair_with_a_shared_word_but_other_work_is_not_close() -> None:
    call_centre = MatchSide(
        ("call centre analyst",), "Analyse call volumes and waiting times of a call centre."
    )
    closeness = judge(call_centre, ONET["analyst"], "analyst", WORK)
    assert closeness.work == 0 and not closeness.close and closeness.words == "not close"


def test_rank_decides_beyond_the_top_ones() -> None:
    assert Closeness(0.5, 0.2, CLOSE_RANK, 1016).close
    assert not Closeness(0.5, 0.2, CLOSE_RANK + 1, 1016).close
    assert Closeness(1.0, 0.1, CLOSE_RANK + 1, 1016).close  # the same title: a wider margin
    assert not Closeness(0.5, 0.0, 1, 3).close  # no shared work words at all


def test_the_closest_of_split_codes_is_chosen() -> None:
    nurse = MatchSide(("general nurse",), "Care for patients and administer medication.")
    code, closeness = best_candidate(
        nurse, [("analyst", ONET["analyst"]), ("nurse", ONET["nurse"])], WORK
    ) or ("", None)
    assert code == "nurse" and closeness is not None and closeness.close

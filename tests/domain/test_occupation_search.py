from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.domain.occupation_search import (
    ALTERNATIVE_WEIGHT,
    REPORTED_WEIGHT,
    Hit,
    Label,
    OccupationIndex,
    OccupationRecord,
    OccupationSources,
    Tuning,
    build_index,
    employment_popularity,
    occupation_records,
)

ESCO = {"source": "esco"}
ONET = {"source": "onet"}

RECORDS = [
    OccupationRecord(
        "esco:dev",
        "software developer",
        (Label("programmer", ALTERNATIVE_WEIGHT),),
        facets=ESCO,
        related=("15-1252.00",),
    ),
    OccupationRecord(
        "esco:games",
        "video game developer",
        facets=ESCO,
        related=("15-1252.00",),
    ),
    OccupationRecord(
        "15-1252.00",
        "Software Developers",
        (Label("Application Developer", ALTERNATIVE_WEIGHT), Label("Coder", REPORTED_WEIGHT)),
        facets=ONET,
        related=("esco:dev", "esco:games"),
    ),
    OccupationRecord("esco:cook", "cook", (Label("line cook", ALTERNATIVE_WEIGHT),), facets=ESCO),
    OccupationRecord("esco:pastry", "pastry cook", facets=ESCO, related=("35-2014.00",)),
    OccupationRecord("35-2014.00", "Cooks, Restaurant", facets=ONET, related=("esco:pastry",)),
]


@pytest.fixture(scope="module")
def index() -> OccupationIndex:
    return build_index(RECORDS)


def ids(hits: list[Hit]) -> list[str]:
    return [hit.id for hit in hits]


def test_it_finds_occupations_by_label_with_typos_and_as_typed(index: OccupationIndex) -> None:
    assert ids(index.search("software developer", filters=ESCO, prefix=False))[0] == "esco:dev"
    assert "esco:dev" in ids(index.search("sofware developr", 3, prefix=False))
    assert ids(index.search("progr", 1))[0] == "esco:dev"


def test_a_match_on_a_related_record_credits_this_one(index: OccupationIndex) -> None:
    # "coder" is an O*NET title only; both ESCO occupations crosswalked to it are lifted.
    hits = {hit.id: hit for hit in index.search("coder", prefix=False)}
    assert set(hits) == {"15-1252.00", "esco:dev", "esco:games"}
    share = index.tuning.related_share
    assert hits["esco:dev"].score == pytest.approx(share * hits["15-1252.00"].score, abs=1e-5)
    # The credited record shows the label that matched.
    assert hits["esco:games"].matched_label == "Coder"


def test_credit_flows_before_filters_apply(index: OccupationIndex) -> None:
    assert set(ids(index.search("coder", filters=ESCO, prefix=False))) == {
        "esco:dev",
        "esco:games",
    }


def test_its_own_match_and_credit_add_up_to_more_than_either(index: OccupationIndex) -> None:
    # Both ESCO developers share one O*NET relative, so the same credit: their own match decides.
    order = ids(index.search("software developer", prefix=False))
    assert order.index("esco:dev") < order.index("esco:games")
    # With a full mix, the pastry cook has its own match plus its O*NET relative's share.
    tuning = Tuning(related_mix=1.0, popularity_share=0.0)
    scores = {h.id: h.score for h in build_index(RECORDS, tuning).search("cooks", prefix=False)}
    assert scores["esco:pastry"] == pytest.approx(
        _own(tuning, "esco:pastry", "cooks")
        + tuning.related_share * _own(tuning, "35-2014.00", "cooks"),
        abs=1e-5,
    )


def _own(tuning: Tuning, occupation: str, query: str) -> float:
    unlinked = [
        OccupationRecord(r.id, r.preferred_label, r.labels, r.keywords, r.facets, r.popularity)
        for r in RECORDS
    ]
    hits = build_index(unlinked, tuning).search(query, prefix=False)
    return next(hit.score for hit in hits if hit.id == occupation)


def test_without_a_related_share_records_stand_alone() -> None:
    index = build_index(RECORDS, Tuning(related_share=0.0))
    assert ids(index.search("coder", prefix=False)) == ["15-1252.00"]


def test_unknown_and_self_relations_are_ignored() -> None:
    records = [
        OccupationRecord("a", "welder", related=("a", "missing")),
        OccupationRecord("b", "plumber", related=("a", "a")),
    ]
    hits = build_index(records).search("welder", prefix=False)
    assert ids(hits) == ["a", "b"]
    assert hits[1].score == pytest.approx(Tuning().related_share * hits[0].score, abs=1e-5)


def test_popularity_breaks_ties() -> None:
    records = [
        OccupationRecord("rare", "driver", popularity=0.1),
        OccupationRecord("common", "driver", popularity=0.9),
    ]
    assert ids(build_index(records).search("driver", prefix=False)) == ["common", "rare"]


SOURCES = OccupationSources(
    esco=[
        ("esco:dev", "software developer", "Writes software."),
        ("esco:games", "video game developer", ""),
        ("esco:mobile", "mobile app developer", ""),
        ("esco:chef", "chef", ""),
    ],
    esco_labels={"esco:dev": ["programmer", "coder"]},
    esco_skills={"esco:dev": "use software libraries"},
    onet=[
        ("15-1252.00", "Software Developers", "Develop software."),
        ("35-1011.00", "Chefs and Head Cooks", ""),
        ("99-9999.00", "Unemployed Oddity", ""),
    ],
    onet_alternates={"15-1252.00": ["Application Developer"]},
    onet_reported={"15-1252.00": ["Coder"]},
    # The mobile app developer has no row: it inherits the software developer's code.
    crosswalk={
        "esco:dev": "15-1252.00",
        "esco:games": "15-1252.00",
        "esco:mobile": "15-1252.00",
        "esco:chef": "35-1011.00",
    },
    direct={"esco:dev", "esco:games", "esco:chef"},
    employment={"15-1252": 1_600_000, "35-1011": 150_000},
)


def test_records_link_esco_and_onet_both_ways() -> None:
    records = {record.id: record for record in occupation_records(SOURCES)}
    assert records["esco:dev"].related == ("15-1252.00",)
    assert records["esco:mobile"].related == ("15-1252.00",)
    assert records["15-1252.00"].related == ("esco:dev", "esco:games")  # own rows only
    assert records["99-9999.00"].related == ()
    assert records["esco:dev"].facets == ESCO and records["35-1011.00"].facets == ONET
    assert [(label.text, label.weight) for label in records["15-1252.00"].labels] == [
        ("Application Developer", ALTERNATIVE_WEIGHT),
        ("Coder", REPORTED_WEIGHT),
    ]
    assert "use software libraries" in records["esco:dev"].keywords


def test_employment_is_shared_among_the_esco_occupations_of_a_soc_code() -> None:
    popularity = employment_popularity(SOURCES)
    # The O*NET occupation has all of its SOC code's employment: the most common here.
    assert popularity["15-1252.00"] == 1.0
    # Two ESCO occupations have their own row for 15-1252: each has half.
    assert popularity["esco:dev"] == popularity["esco:games"] < popularity["15-1252.00"]
    # A narrower occupation inherits a share, discounted.
    assert popularity["esco:mobile"] < popularity["esco:dev"]
    # The chef alone has all of 35-1011's smaller employment.
    assert popularity["esco:chef"] == popularity["35-1011.00"] < popularity["esco:dev"]
    assert "99-9999.00" not in popularity


@given(st.dictionaries(st.sampled_from(["15-1252", "35-1011"]), st.integers(0, 10**8)))
def test_popularity_stays_between_zero_and_one(employment: dict[str, int]) -> None:
    popularity = employment_popularity(dataclasses.replace(SOURCES, employment=employment))
    assert all(0.0 <= value <= 1.0 and math.isfinite(value) for value in popularity.values())


def test_a_hit_on_the_onet_record_lifts_its_esco_occupations_in_the_built_index() -> None:
    index = build_index(occupation_records(SOURCES))
    # "application developer" is an O*NET title only.
    found = ids(index.search("application developer", filters=ESCO, prefix=False))
    assert set(found[:3]) == {"esco:dev", "esco:games", "esco:mobile"}
    assert "esco:chef" not in found

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.domain.riasec import (
    TYPE_INFO,
    TYPE_NAMES,
    TYPES,
    AnswerError,
    CodebookError,
    Item,
    group_items,
    match_occupations,
    match_reason,
    parse_item_pool,
    score_answers,
)

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("HEADWAY_DATA_MIRROR", REPO / ".." / "shared" / "data"))
CODEBOOK = DATA / "riasec" / "IIP_RIASEC_codebook.txt"
INTERESTS = DATA / "onet" / "db_29_3_text" / "Interests.txt"
CODES = [f"{t}{n}" for t in TYPES for n in range(1, 9)]


def synthetic_codebook(skip: str | None = None, extra: str = "") -> str:
    lines = ["Preamble that is not an item.", ""]
    lines += [f"{code}\tActivity number {code}" for code in CODES if code != skip]
    lines += ["", "TIPI1\tExtraverted, enthusiastic.", extra]
    return "\n".join(lines)


def profile(**scores: float) -> dict[str, float]:
    return {t: scores.get(t, 1.0) for t in TYPES}


def test_it_parses_the_48_items_in_type_order() -> None:
    items = parse_item_pool(synthetic_codebook())
    assert [i.code for i in items] == CODES
    assert items[9] == Item(code="I2", type="I", text="Activity number I2")


def test_it_parses_the_published_codebook() -> None:
    if not CODEBOOK.exists():
        pytest.skip(f"RIASEC codebook not found at {CODEBOOK}")
    items = parse_item_pool(CODEBOOK.read_text(encoding="utf-8"))
    assert len(items) == 48
    assert {t: sum(i.type == t for i in items) for t in TYPES} == dict.fromkeys(TYPES, 8)
    assert all(i.text and "\t" not in i.text for i in items)


def test_it_rejects_a_codebook_with_a_missing_item() -> None:
    with pytest.raises(CodebookError, match="missing S4"):
        parse_item_pool(synthetic_codebook(skip="S4"))


def test_it_rejects_a_codebook_with_a_repeated_or_extra_item() -> None:
    with pytest.raises(CodebookError, match="more than once"):
        parse_item_pool(synthetic_codebook(extra="A3\tAgain"))
    with pytest.raises(CodebookError, match="unexpected R9"):
        parse_item_pool(synthetic_codebook(extra="R9\tOne too many"))


def test_it_rejects_text_that_is_not_a_codebook() -> None:
    with pytest.raises(CodebookError):
        parse_item_pool("<html>Not found</html>")


def test_it_groups_items_into_six_mixed_pages_the_same_way_every_time() -> None:
    items = parse_item_pool(synthetic_codebook())
    pages = group_items(items)
    assert [len(p) for p in pages] == [8] * 6
    assert sorted(i.code for p in pages for i in p) == sorted(CODES)
    assert all({i.type for i in page} == set(TYPES) for page in pages)
    assert pages == group_items(items)
    assert any([i.type for i in page][:6] != list(TYPES) for page in pages)


def test_it_rejects_an_empty_page_size() -> None:
    with pytest.raises(ValueError):
        group_items(parse_item_pool(synthetic_codebook()), page_size=0)


@pytest.mark.parametrize(
    ("rating", "percent", "oi"), [(1, 0.0, 1.0), (3, 50.0, 4.0), (5, 100.0, 7.0), (4, 75.0, 5.5)]
)
def test_it_maps_ratings_onto_percent_and_onet_scales(
    rating: int, percent: float, oi: float
) -> None:
    result = score_answers(dict.fromkeys(CODES, rating))
    assert result.means["A"] == rating
    assert result.percent["A"] == percent
    assert result.oi["A"] == oi
    assert result.is_complete
    assert result.completeness == 1.0


def test_it_builds_the_holland_code_from_the_highest_means() -> None:
    answers = dict.fromkeys(CODES, 2)
    answers.update({f"S{n}": 5 for n in range(1, 9)})
    answers.update({f"I{n}": 4 for n in range(1, 9)})
    answers.update({"E1": 5, "E2": 5})
    result = score_answers(answers)
    assert result.holland_code == "SIE"
    assert not result.code_has_tie


def test_it_breaks_ties_in_hexagon_order_and_says_so() -> None:
    answers = dict.fromkeys(CODES, 3)
    answers.update({f"C{n}": 5 for n in range(1, 9)})
    result = score_answers(answers)
    assert result.holland_code == "CRI"
    assert result.code_has_tie


def test_it_scores_a_partial_questionnaire() -> None:
    result = score_answers({"R1": 5, "R2": 4, "I1": 1})
    assert result.means["R"] == 4.5
    assert result.means["A"] is None
    assert result.oi["A"] is None
    assert result.answered == {"R": 2, "I": 1, "A": 0, "S": 0, "E": 0, "C": 0}
    assert result.completeness == pytest.approx(3 / 48)
    assert result.holland_code == "RI"
    assert not result.is_complete


@pytest.mark.parametrize("rating", [0, 6, -1, 3.5, "4", True, None])
def test_it_rejects_a_rating_outside_one_to_five(rating: object) -> None:
    with pytest.raises(AnswerError, match="R1"):
        score_answers({"R1": rating})  # type: ignore[dict-item]


@pytest.mark.parametrize("code", ["R9", "X1", "r1", "", "TIPI1"])
def test_it_rejects_an_unknown_item(code: str) -> None:
    with pytest.raises(AnswerError, match="unknown item"):
        score_answers({code: 3})


def test_it_limits_codes_to_the_given_item_pool() -> None:
    items = [Item("R1", "R", "Fix a bike"), Item("I1", "I", "Read a study")]
    assert score_answers({"R1": 5}, items).item_total == 2
    with pytest.raises(AnswerError):
        score_answers({"A1": 5}, items)


@given(st.dictionaries(st.sampled_from(CODES), st.integers(1, 5)))
def test_scores_stay_on_their_scales_for_any_valid_answers(answers: dict[str, int]) -> None:
    result = score_answers(answers)
    assert result.answered_total == len(answers)
    assert result.completeness == pytest.approx(len(answers) / 48)
    for t in TYPES:
        mean = result.means[t]
        if mean is None:
            assert result.answered[t] == 0 and t not in result.holland_code
            continue
        percent, oi = result.percent[t], result.oi[t]
        assert percent is not None and oi is not None
        assert 1 <= mean <= 5 and 0 <= percent <= 100 and 1 <= oi <= 7
        assert oi == pytest.approx(1 + (mean - 1) * 1.5)
    code = result.holland_code
    assert len(code) == min(3, sum(1 for m in result.means.values() if m is not None))
    assert len(set(code)) == len(code)
    code_means = [result.means[t] for t in code]
    assert code_means == sorted(code_means, reverse=True)  # type: ignore[type-var]


@given(
    st.sampled_from(CODES),
    st.one_of(st.integers().filter(lambda n: not 1 <= n <= 5), st.floats(), st.text()),
)
def test_any_rating_outside_the_scale_is_refused(code: str, rating: object) -> None:
    with pytest.raises(AnswerError):
        score_answers({code: rating})  # type: ignore[dict-item]


def test_type_info_explains_all_six_types() -> None:
    assert list(TYPE_INFO) == list(TYPES)
    for letter, info in TYPE_INFO.items():
        assert info.letter == letter and info.name == TYPE_NAMES[letter]
        assert len(info.description) > 100
        assert len(info.activities) >= 3 and len(info.environments) >= 3


OCCUPATIONS = [
    ("lab", profile(I=6.8, R=4.2, C=3.5)),
    ("studio", profile(A=6.9, E=3.8, S=3.0)),
    ("school", profile(S=6.7, A=4.0, E=3.1)),
    ("mild-school", profile(S=4.0, A=2.6, E=2.1)),
    ("shop", profile(E=6.5, C=4.9, S=4.4)),
    ("office", profile(C=6.6, E=4.3, I=2.0)),
    ("site", profile(R=6.9, C=3.2, I=2.5)),
]


def test_each_occupation_ranks_first_for_its_own_profile() -> None:
    for occ_id, scores in OCCUPATIONS:
        matches = match_occupations(scores, OCCUPATIONS)
        assert matches[0].id == occ_id
        assert matches[0].fit == 100


def test_it_tells_strong_from_mild_interest_of_the_same_shape() -> None:
    strong_social = profile(S=6.9, A=4.1, E=3.0)
    mild_social = profile(S=4.2, A=2.5, E=2.0)
    assert match_occupations(strong_social, OCCUPATIONS, 1)[0].id == "school"
    assert match_occupations(mild_social, OCCUPATIONS, 1)[0].id == "mild-school"


def test_it_orders_equal_fits_by_occupation_id() -> None:
    same = profile(I=6.0)
    matches = match_occupations(same, [("b", same), ("a", same), ("c", profile(R=6.0))])
    assert [m.id for m in matches] == ["a", "b", "c"]


def test_it_returns_at_most_the_limit() -> None:
    assert len(match_occupations(profile(R=5), OCCUPATIONS, limit=3)) == 3
    assert match_occupations(profile(R=5), OCCUPATIONS, limit=0) == []


def test_it_handles_a_flat_profile_by_level_alone() -> None:
    flat = dict.fromkeys(TYPES, 2.0)
    matches = match_occupations(flat, OCCUPATIONS)
    assert matches[0].id == "mild-school"
    assert all(0 <= m.fit <= 100 for m in matches)


def test_it_refuses_a_profile_missing_a_type() -> None:
    with pytest.raises(ValueError, match="type C"):
        match_occupations({t: 4.0 for t in "RIASE"}, OCCUPATIONS)
    with pytest.raises(ValueError, match="occupation broken"):
        match_occupations(profile(), [("broken", {**profile(), "A": float("nan")})])


def test_it_explains_a_match_by_the_types_high_for_both() -> None:
    user = profile(I=6.5, A=5.8, S=4.5)
    occupation = profile(A=6.0, I=5.0, R=4.5)
    assert match_reason(user, occupation) == "Strong Investigative and Artistic, like this work"


def test_it_explains_a_match_without_shared_strong_types() -> None:
    low_user = profile(E=3.5, C=3.0, S=2.0)
    assert match_reason(low_user, profile(E=6.0)) == (
        "This work is mostly Enterprising, one of your top interests"
    )
    assert match_reason(profile(R=3.0), profile(A=6.0, S=5.0, E=5.0)).startswith("A similar")


@given(
    st.lists(st.floats(1, 7), min_size=6, max_size=6),
    st.lists(st.lists(st.floats(1, 7), min_size=6, max_size=6), min_size=1, max_size=20),
)
def test_fits_stay_between_0_and_100_and_are_ranked(
    user: list[float], occupations: list[list[float]]
) -> None:
    occs = [(f"o{i:02d}", dict(zip(TYPES, o, strict=True))) for i, o in enumerate(occupations)]
    matches = match_occupations(dict(zip(TYPES, user, strict=True)), occs, limit=50)
    assert len(matches) == len(occs)
    assert all(0 <= m.fit <= 100 and m.reason for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_every_onet_occupation_ranks_first_for_its_own_profile() -> None:
    if not INTERESTS.exists():
        pytest.skip(f"O*NET Interests.txt not found at {INTERESTS}")
    letters = {name: letter for letter, name in TYPE_NAMES.items()}
    profiles: dict[str, dict[str, float]] = defaultdict(dict)
    with INTERESTS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["Scale ID"] == "OI":
                profiles[row["O*NET-SOC Code"]][letters[row["Element Name"]]] = float(
                    row["Data Value"]
                )
    occupations = sorted(profiles.items())
    assert len(occupations) > 900
    for occ_id, scores in occupations[::10]:
        assert match_occupations(scores, occupations, limit=1)[0].id == occ_id

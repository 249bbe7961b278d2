from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.careers.vocabulary import with_skill_names
from headway.domain.skill_search import SkillIndex, SkillRecord, normalise, stem, within_edits

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("HEADWAY_DATA_MIRROR", REPO / ".." / "shared" / "data"))
ESCO_ZIP = DATA / "esco" / "ESCO dataset - v1.1.1 - classification - en - csv.zip"

RECORDS = [
    SkillRecord("js", "JavaScript", ["Java script", "Client-side JavaScript", "ECMAScript"]),
    SkillRecord("java", "Java (computer programming)", ["Java"]),
    SkillRecord("py", "Python (computer programming)", ["Python", "Python3"]),
    SkillRecord("pm", "project management", ["manage projects", "project planning"]),
    SkillRecord("pm-ict", "manage ICT project", []),
    SkillRecord("team", "manage a team", ["lead a team", "team leadership"]),
    SkillRecord("staff", "manage staff", ["manage employees"]),
    SkillRecord("sheets", "use spreadsheets software", ["Microsoft Office Excel", "Excel"]),
    SkillRecord("excellence", "demand excellence from performers", []),
    SkillRecord("cpp", "C++", []),
    SkillRecord("csharp", "C#", []),
    SkillRecord("c", "C (computer programming)", ["C"]),
    SkillRecord("crm", "customer relationship management", ["CRM"]),
    SkillRecord("cafe", "manage a café", ["run a coffee shop"]),
    SkillRecord("comms", "communication", ["communicate with others"]),
    SkillRecord("students", "facilitate students\u2019 teamwork", []),
]


@pytest.fixture(scope="module")
def index() -> SkillIndex:
    return SkillIndex.build(RECORDS)


def ids(index: SkillIndex, text: str, limit: int = 10) -> list[str]:
    return [s.id for s in index.suggest(text, limit)]


def test_it_finds_a_skill_by_its_preferred_label(index: SkillIndex) -> None:
    [first, *_] = index.suggest("project management")
    assert (first.id, first.label, first.matched_label) == (
        "pm",
        "project management",
        "project management",
    )


def test_it_finds_a_skill_by_an_alternative_label(index: SkillIndex) -> None:
    [first, *_] = index.suggest("Microsoft Office Excel")
    assert first.id == "sheets"
    assert first.label == "use spreadsheets software"
    assert first.matched_label == "Microsoft Office Excel"


def test_it_finds_javascript_from_its_initials(index: SkillIndex) -> None:
    assert ids(index, "JS")[0] == "js"
    assert ids(index, "js")[0] == "js"


def test_it_finds_a_label_from_the_initials_of_its_words(index: SkillIndex) -> None:
    assert "crm" in ids(index, "crm")


def test_it_completes_the_word_being_typed(index: SkillIndex) -> None:
    assert ids(index, "Pyth")[0] == "py"
    assert ids(index, "proj")[0] == "pm"
    assert ids(index, "manage st")[0] == "staff"


def test_it_matches_word_prefixes_in_any_order(index: SkillIndex) -> None:
    assert ids(index, "proj man")[:2] == ["pm", "pm-ict"]
    assert "team" in ids(index, "team lea")


def test_it_ranks_exact_before_prefix_before_word_prefix_before_fuzzy(index: SkillIndex) -> None:
    assert ids(index, "c")[0] == "c"
    assert ids(index, "java")[:2] == ["java", "js"]
    # "management" is a word-prefix match only, after every label starting with "manage".
    assert ids(index, "manage") == ["staff", "pm", "cafe", "team", "pm-ict", "crm"]
    assert ids(index, "communic") == ["comms"]
    assert ids(index, "comunic") == ["comms"]
    assert ids(index, "excel") == ["sheets", "excellence"]


def test_it_ranks_shorter_and_preferred_labels_first(index: SkillIndex) -> None:
    suggestions = index.suggest("python")
    assert [s.matched_label for s in suggestions] == ["Python"]
    # Two-word labels first; "manage staff" (preferred) before "manage projects" (alternative).
    assert ids(index, "manage")[:2] == ["staff", "pm"]
    assert ids(index, "manage a") == ["cafe", "team"]


def test_it_keeps_programming_language_symbols(index: SkillIndex) -> None:
    assert ids(index, "C++")[0] == "cpp"
    assert ids(index, "c#")[0] == "csharp"
    assert ids(index, "C")[0] == "c"


def test_it_tolerates_a_typo(index: SkillIndex) -> None:
    assert ids(index, "pyhton") == ["py"]
    assert ids(index, "comunication")[0] == "comms"
    assert ids(index, "projetc managment")[0] == "pm"


def test_it_does_not_guess_at_short_words(index: SkillIndex) -> None:
    assert ids(index, "jvx") == []


def test_it_ignores_accents_case_and_apostrophes(index: SkillIndex) -> None:
    assert ids(index, "MANAGE A CAFE")[0] == "cafe"
    assert ids(index, "students teamwork")[0] == "students"
    assert ids(index, "student's team")[0] == "students"


def test_it_suggests_each_skill_once_and_respects_the_limit(index: SkillIndex) -> None:
    assert ids(index, "java") == list(dict.fromkeys(ids(index, "java")))
    assert len(index.suggest("m", limit=2)) == 2
    assert index.suggest("m", limit=0) == []


def test_it_suggests_nothing_for_an_empty_or_punctuation_query(index: SkillIndex) -> None:
    assert index.suggest("") == []
    assert index.suggest("  -- ") == []


def test_it_counts_the_labels_it_indexed(index: SkillIndex) -> None:
    assert len(index) == len(RECORDS)
    # "Java script" and "JavaScript" normalise differently; exact repeats collapse.
    assert SkillIndex.build([("x", "Excel", ["excel", "EXCEL", "Excel 2010"])]).label_count == 2


@pytest.mark.parametrize(
    ("query", "word", "edits", "expected"),
    [
        ("manag", "management", 0, True),
        ("managment", "management", 1, True),
        ("mnaage", "manage", 1, True),
        ("pyhton", "python", 1, True),
        ("pyhtno", "python", 1, False),
        ("pyhtno", "python", 2, True),
        ("managements", "management", 1, True),
        ("xanage", "manage", 0, False),
    ],
)
def test_it_measures_edits_to_the_start_of_a_word(
    query: str, word: str, edits: int, expected: bool
) -> None:
    assert within_edits(query, word, edits) is expected


@given(st.text(max_size=40), st.integers(0, 15))
def test_any_query_returns_distinct_known_skills_within_the_limit(text: str, limit: int) -> None:
    index = SkillIndex.build(RECORDS)
    suggestions = index.suggest(text, limit)
    known = {r.id for r in RECORDS}
    assert len(suggestions) <= limit
    assert len({s.id for s in suggestions}) == len(suggestions)
    assert all(s.id in known for s in suggestions)


labels = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), max_size=30
).filter(lambda s: normalise(s))


@given(st.lists(labels, min_size=1, max_size=8, unique_by=lambda s: " ".join(normalise(s))))
def test_typing_any_label_in_full_suggests_its_skill_first(names: list[str]) -> None:
    index = SkillIndex.build([(str(i), name, []) for i, name in enumerate(names)])
    for i, name in enumerate(names):
        assert ids(index, name)[0] == str(i)


@pytest.fixture(scope="module")
def esco_index() -> SkillIndex:
    if not ESCO_ZIP.exists():
        pytest.skip(f"ESCO skills not found at {ESCO_ZIP}")
    with zipfile.ZipFile(ESCO_ZIP) as archive, archive.open("skills_en.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        return SkillIndex.build(
            (row["conceptUri"], row["preferredLabel"], row["altLabels"].split("\n"))
            for row in reader
        )


def test_it_indexes_the_whole_esco_vocabulary(esco_index: SkillIndex) -> None:
    assert len(esco_index) == 13_896
    assert esco_index.label_count > 90_000


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("JS", "JavaScript"),
        ("pyhton", "Python (computer programming)"),
        ("excel", "use spreadsheets software"),
        ("CRM", "customer relationship management"),
        ("proj man", "project management"),
    ],
)
def test_it_finds_common_skills_in_esco(esco_index: SkillIndex, query: str, label: str) -> None:
    assert label in [s.label for s in esco_index.suggest(query, limit=5)]


def test_british_and_american_spellings_find_the_same_skill() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("vis", "deliver visual presentation of data", ["data visualisation"]),
            SkillRecord("an", "analyse data", []),
            SkillRecord("mod", "create data models", ["data modelling"]),
        ]
    )
    assert ids(index, "data visualization")[0] == "vis"
    assert ids(index, "analyze data")[0] == "an"
    assert ids(index, "data modeling")[0] == "mod"
    assert normalise("Visualization") == normalise("visualisation")


def test_verb_and_noun_forms_of_a_word_match() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("neg", "negotiate sales contracts", []),
            SkillRecord("dbg", "debug software", []),
        ]
    )
    assert ids(index, "negotiation") == ["neg"]
    assert ids(index, "debugging") == ["dbg"]
    assert stem("cooking") == stem("cook") and stem("negotiation") == stem("negotiate")


def test_among_equal_matches_the_more_widely_needed_skill_comes_first() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("rare", "cook fish", [], weight=2),
            SkillRecord("common", "cook meals", [], weight=300),
        ]
    )
    assert ids(index, "cook") == ["common", "rare"]
    assert ids(index, "cook f") == ["rare"]


@pytest.fixture(scope="module")
def product_index() -> SkillIndex:
    if not ESCO_ZIP.exists():
        pytest.skip(f"ESCO skills not found at {ESCO_ZIP}")
    with zipfile.ZipFile(ESCO_ZIP) as archive, archive.open("skills_en.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        records = [
            SkillRecord(
                row["conceptUri"],
                row["preferredLabel"],
                [*row["altLabels"].split("\n"), *row["hiddenLabels"].split("\n")],
            )
            for row in reader
        ]
    return SkillIndex.build(with_skill_names(records))


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("data visualization", "deliver visual presentation of data"),
        ("public speaking", "address an audience"),
        ("r programming", "R"),
        ("A/B testing", "web analytics"),
        ("excel", "use spreadsheets software"),
        ("ML", "machine learning"),
    ],
)
def test_everyday_words_find_their_esco_skill(
    product_index: SkillIndex, query: str, label: str
) -> None:
    assert label in [s.label for s in product_index.suggest(query, limit=5)]


def test_it_reads_queries_without_stop_words_and_with_word_variants() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("team", "work in team", []),
            SkillRecord("pm", "project management", []),
            SkillRecord("tyres", "replace tyres", []),
        ],
        word_variants={"mgmt": "management", "tires": "tyres"},
    )
    assert ids(index, "working in a team")[0] == "team"
    assert ids(index, "project mgmt") == ["pm"]
    assert ids(index, "replace tires") == ["tyres"]
    # The last word may still be typed: "a" is not dropped from "work in a".
    assert ids(SkillIndex.build([SkillRecord("x", "work in a team", [])]), "work in a") == ["x"]


def test_it_splits_a_joined_word_and_joins_single_letters() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("cyber", "cyber security", ["cyber security threats"]),
            SkillRecord("threat", "analyse cybersecurity threat", []),
            SkillRecord("ab", "web analytics", ["A/B testing"]),
        ]
    )
    # The word as typed first, then its split reading.
    assert ids(index, "cybersecurity") == ["threat", "cyber"]
    assert ids(index, "ab testing") == ["ab"]
    assert ids(index, "a/b testing") == ["ab"]


def test_it_offers_a_broader_skill_right_after_the_narrower_one() -> None:
    index = SkillIndex.build(
        [
            SkillRecord("chinese", "Chinese", [], 100, ()),
            SkillRecord(
                "listen", "understand spoken Chinese", ["listen to Mandarin"], 1, ["chinese"]
            ),
            SkillRecord("tea", "Mandarin tea blends", [], 50),
        ]
    )
    assert ids(index, "mandarin") == ["tea", "listen", "chinese"]


def test_it_finds_a_skill_by_its_description_only_behind_label_matches() -> None:
    index = SkillIndex.build(
        [
            SkillRecord(
                "waste", "waste management", [], 500, (), "Methods. This includes recycling."
            ),
            SkillRecord("sites", "monitor civic recycling sites", [], 1),
            SkillRecord("other", "manage budgets", [], 900, (), "Plan money and cycles."),
        ]
    )
    assert ids(index, "recycling") == ["sites", "waste"]
    assert ids(index, "recycl") == ["sites"]  # a half-typed word never matches descriptions

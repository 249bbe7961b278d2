from __future__ import annotations

from decimal import Decimal

import pytest

from headway.domain.plain import (
    bright_outlook,
    first_sentence,
    job_zone_name,
    sentence_start,
    title_case,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("software developer", "Software Developer"),
        ("ICT application developer", "ICT Application Developer"),
        ("nurse responsible for general care", "Nurse Responsible for General Care"),
        ("actor/actress", "Actor/Actress"),
        ("head of IT", "Head of IT"),
        ("director of the museum", "Director of the Museum"),
        ("take-away cook", "Take-Away Cook"),
        ("manager (of sales)", "Manager (Of Sales)"),
        ("a cook to rely on", "A Cook to Rely On"),
        ("CEO", "CEO"),
        ("iOS developer", "iOS Developer"),
        ("", ""),
    ],
)
def test_title_case_keeps_acronyms_and_small_words(label: str, expected: str) -> None:
    assert title_case(label) == expected


def test_job_zones_read_as_o_nets_names() -> None:
    assert job_zone_name(4) == "Considerable preparation needed"
    assert job_zone_name(1) == "Little or no preparation needed"
    assert job_zone_name(None) == job_zone_name(9) == ""


def test_a_task_reads_after_you_would() -> None:
    assert sentence_start("Write program code from specifications.") == (
        "write program code from specifications"
    )
    assert sentence_start("IT systems are kept running.") == "IT systems are kept running"


def test_the_summary_is_the_first_sentence() -> None:
    assert first_sentence("Cooks food. Cleans up after.") == "Cooks food."
    assert first_sentence("Uses e.g. knives. Then more.") == "Uses e.g. knives."
    long = "word " * 100
    assert first_sentence(long, limit=20).endswith("…") and len(first_sentence(long, 20)) <= 21


@pytest.mark.parametrize(
    ("growth", "openings", "bright", "reasons"),
    [
        (Decimal("7.0"), Decimal("1.0"), True, ("projected growth of +7.0%",)),
        (Decimal("6.9"), Decimal("9.9"), False, ()),
        (Decimal("-2.0"), Decimal("10.0"), True, ("about 100,000 openings over ten years",)),
        (None, None, False, ()),
    ],
)
def test_bright_outlook_follows_the_stated_rule(
    growth: Decimal | None, openings: Decimal | None, bright: bool, reasons: tuple[str, ...]
) -> None:
    outlook = bright_outlook(growth, openings)
    assert (outlook.bright, outlook.reasons) == (bright, reasons)

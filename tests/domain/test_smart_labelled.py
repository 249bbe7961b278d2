"""The SMART coach against the labelled goals: a golden file of verdicts and per-batch floors.

`tests/data/smart_golden.jsonl` records what the engine said about every labelled goal. Any
change in a verdict fails `test_verdicts_match_the_golden_file` with the ids that flipped and
whether each flip agrees with the label, so a change meant to be neutral (a refactor) proves it,
and a change meant to help shows exactly what it moved. After a deliberate change, rewrite it:

    HEADWAY_WRITE_SMART_GOLDEN=1 .venv/bin/pytest tests/domain/test_smart_labelled.py

The sealed batch (`smart_goals_sealed.jsonl`) is not here: nobody reads the engine's answers on
it until it is scored once, in `bench/smart_bench.py`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from headway.domain.smart import SmartAnalysis, SmartContext, analyse_goal

DATA = Path(__file__).resolve().parents[1] / "data"
LABELLED = DATA / "smart_goals.jsonl"
GOLDEN = DATA / "smart_golden.jsonl"
Judged = list[tuple[dict[str, Any], dict[str, Any]]]
CRITERIA = ("specific", "measurable", "time_bound", "attainable", "relevant")

# Per batch (the first letter of the id): the fraction of goals whose three-way label the engine
# matches, a little under what was measured when the floor was set, so that a regression in one
# batch fails even when the others hide it in a pooled figure.
FLOORS: dict[str, dict[str, float]] = {
    "g": {"specific": 0.97, "measurable": 0.98, "time_bound": 0.98, "verdict": 0.97},
    "h": {"specific": 0.93, "measurable": 0.98, "time_bound": 0.99, "verdict": 0.97},
    "k": {"specific": 0.97, "measurable": 0.99, "time_bound": 0.99, "verdict": 0.99},
    "z": {"specific": 0.93, "measurable": 0.99, "time_bound": 0.99, "verdict": 0.95},
    "q": {"specific": 0.95, "measurable": 0.97, "time_bound": 0.97, "verdict": 0.96},
    "w": {"specific": 0.88, "measurable": 0.94, "time_bound": 0.96, "verdict": 0.88},
    "v": {"specific": 0.89, "measurable": 0.95, "time_bound": 0.93, "verdict": 0.90},
    "s": {"specific": 0.90, "measurable": 0.95, "time_bound": 0.98, "verdict": 0.91},
    "m": {"specific": 0.78, "measurable": 0.97, "time_bound": 0.95, "verdict": 0.88},
    "n": {"specific": 0.78, "measurable": 0.90, "time_bound": 0.95, "verdict": 0.83},
}


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def verdicts_of(row: dict[str, Any], a: SmartAnalysis) -> dict[str, Any]:
    out: dict[str, Any] = {"id": row["id"]}
    out.update((name, getattr(a, name).status) for name in CRITERIA)
    out["verdict"] = a.verdict
    out["deadline"] = a.deadline.on.isoformat() if a.deadline else None
    return out


@pytest.fixture(scope="module")
def judged() -> Judged:
    out = []
    for row in load():
        context = SmartContext.from_dict(row["context"]) if "context" in row else None
        a = analyse_goal(row["text"], today=date.fromisoformat(row["today"]), context=context)
        out.append((row, verdicts_of(row, a)))
    return out


def golden() -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


def flips(row: dict[str, Any], now: dict[str, Any], then: dict[str, Any]) -> Iterator[str]:
    for key, value in now.items():
        if then.get(key) != value:
            want = row["labels"].get(key, row.get(key))
            mark = "fixed" if value == want else ("broke" if then.get(key) == want else "moved")
            yield f"{row['id']} {key}: {then.get(key)} -> {value} (label {want}; {mark})"


def test_verdicts_match_the_golden_file(judged: Judged) -> None:
    if os.environ.get("HEADWAY_WRITE_SMART_GOLDEN"):
        lines = [json.dumps(now, ensure_ascii=False) for _, now in judged]
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recorded = golden()
    changed = [
        line
        for row, now in judged
        for line in flips(row, now, recorded.get(row["id"], {"id": row["id"]}))
    ]
    assert not changed, "verdicts changed:\n" + "\n".join(changed)
    assert set(recorded) == {row["id"] for row, _ in judged}


def test_the_labelled_set_has_no_duplicate_goals() -> None:
    seen: dict[tuple[str, str, str], str] = {}
    sealed = DATA / "smart_goals_sealed.jsonl"
    rows = load() + [json.loads(line) for line in sealed.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        key = (" ".join(row["text"].lower().split()), row["today"], json.dumps(row.get("context")))
        assert key not in seen, f"{row['id']} repeats {seen[key]}"
        seen[key] = row["id"]
    assert len({row["id"] for row in rows}) == len(rows)


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_each_batch_stays_above_its_floor(batch: str, judged: Judged) -> None:
    rows = [(row, now) for row, now in judged if row["id"][0] == batch]
    assert rows
    recorded = golden()
    for name, floor in FLOORS[batch].items():
        wrong = [
            row["id"]
            for row, now in rows
            if now[name] != (row["verdict"] if name == "verdict" else row["labels"][name])
        ]
        flipped = [
            row["id"] for row, now in rows if recorded.get(row["id"], {}).get(name) != now[name]
        ]
        accuracy = 1 - len(wrong) / len(rows)
        assert accuracy >= floor, (
            f"batch {batch} {name}: {accuracy:.3f} < {floor}; flipped since the golden file: "
            f"{', '.join(flipped) or 'none'}; wrong: {', '.join(wrong)}"
        )


def test_deadlines_stay_above_their_floor(
    judged: Judged,
) -> None:
    dated = [(row, now) for row, now in judged if "deadline" in row]
    wrong = [row["id"] for row, now in dated if now["deadline"] != row["deadline"]]
    assert 1 - len(wrong) / len(dated) >= 0.97, f"wrong deadlines: {', '.join(wrong)}"

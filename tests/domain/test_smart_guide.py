"""The guided rewrite: questions for what a goal misses, and a sentence composed from answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from headway.domain.smart import SmartContext, analyse_goal
from headway.domain.smart.guide import compose_rewrite, guide_questions

TODAY = date(2026, 12, 3)
LABELLED = Path(__file__).resolve().parents[1] / "data" / "smart_goals.jsonl"
ANSWERS = {
    "role": "junior data analyst",
    "where": "a healthcare company",
    "count": "3",
    "unit": "projects",
}


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def answers_for(today: date) -> dict[str, str]:
    return {**ANSWERS, "by": date(today.year + 1, 6, 30).isoformat()}


def test_every_labelled_goal_rewritten_from_complete_answers_is_smart() -> None:
    failures = []
    for row in load():
        context = SmartContext.from_dict(row["context"]) if "context" in row else None
        today = date.fromisoformat(row["today"])
        before = analyse_goal(row["text"], today=today, context=context)
        asked = {f.name for q in guide_questions(before, context) for f in q.fields}
        rewrite = compose_rewrite(
            before, {k: v for k, v in answers_for(today).items() if k in asked}
        )
        assert rewrite.complete, row["id"]
        assert "[" not in rewrite.statement
        after = analyse_goal(rewrite.statement, today=today, context=context)
        got = (after.specific.status, after.measurable.status, after.time_bound.status)
        if got != ("met", "met", "met"):
            failures.append(f"{row['id']} {got}: {rewrite.statement}")
    assert not failures, f"{len(failures)} rewrites not SMART:\n" + "\n".join(failures[:40])


def test_a_date_after_a_negation_stays_out_of_it() -> None:
    a = analyse_goal("Get a line cook job at a restaurant, not fast food", today=TODAY)
    rewrite = compose_rewrite(a, {"by": "2027-03-31"})
    assert rewrite.statement.endswith("not fast food, by 31 Mar 2027.")


def test_it_asks_only_about_what_is_missing() -> None:
    a = analyse_goal("Become a certified electrician", today=TODAY)
    assert [q.criterion for q in guide_questions(a)] == ["time_bound"]
    a = analyse_goal("Get hired as a nurse at St Mary's hospital by June 2027", today=TODAY)
    assert guide_questions(a) == ()


def test_it_offers_the_vision_and_the_goals_own_words_as_choices() -> None:
    context = SmartContext(target_role="Product designer", occupation_title="Web Designers")
    a = analyse_goal("I want to work for a top company", today=TODAY, context=context)
    specific = next(q for q in guide_questions(a, context) if q.criterion == "specific")
    role = next(f for f in specific.fields if f.name == "role")
    assert role.choices[:2] == ("Product designer", "Web Designers")
    assert role.value == "Product designer"


def test_a_role_without_a_place_is_asked_which_role_and_where() -> None:
    a = analyse_goal("Become a manager", today=TODAY)
    [specific] = [q for q in guide_questions(a) if q.criterion == "specific"]
    assert [(f.name, f.value) for f in specific.fields] == [("role", "manager"), ("where", "")]
    answers = {"role": "manager", "where": "a logistics company", "by": "2027-06-30"}
    rewrite = compose_rewrite(a, answers)
    assert rewrite.statement == "Get hired as a manager at a logistics company by 30 Jun 2027."
    assert rewrite.target_date == date(2027, 6, 30)
    assert rewrite.complete


def test_a_direction_takes_its_amount_and_the_form_fields_follow() -> None:
    a = analyse_goal("Increase sales at my bakery soon", today=TODAY)
    rewrite = compose_rewrite(a, {"count": "20", "unit": "%", "by": "2027-12-31"})
    assert rewrite.statement == "Increase sales at my bakery by 20% by 31 Dec 2027."
    assert (rewrite.metric_target, rewrite.metric_unit) == (20.0, "percent")


def test_a_learning_goal_gets_a_count_and_a_habit_an_end() -> None:
    a = analyse_goal("Practise SQL every week", today=TODAY)
    rewrite = compose_rewrite(a, {"by": "2027-03-31"})
    assert rewrite.statement == "Practise SQL every week until 31 Mar 2027."
    a = analyse_goal("Learn Python", today=TODAY)
    rewrite = compose_rewrite(a, {"count": "3", "unit": "projects", "by": "2027-06-30"})
    assert rewrite.statement == "Learn Python and complete 3 projects by 30 Jun 2027."
    assert (rewrite.metric_target, rewrite.metric_unit) == (3.0, "projects")


@pytest.mark.parametrize("answers", [{}, {"role": "nurse"}, {"by": "2020-01-01"}])
def test_missing_or_bad_answers_leave_their_part_out_never_a_bracket(
    answers: dict[str, str],
) -> None:
    a = analyse_goal("Be successful in my career", today=TODAY)
    rewrite = compose_rewrite(a, answers)
    assert not rewrite.complete
    assert "[" not in rewrite.statement
    assert rewrite.target_date is None

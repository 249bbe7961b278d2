"""Analyse a career goal against the SMART criteria."""

from __future__ import annotations

from datetime import date, datetime

from .dates import TimeExpr, find_time
from .fit import judge_attainable, judge_relevant
from .measurable import judge_measurable
from .metrics import find_metrics
from .model import (
    MAX_GOAL_LENGTH,
    CriterionResult,
    Deadline,
    GoalTextTooLong,
    Metric,
    SmartAnalysis,
    SmartContext,
    Verdict,
)
from .reader import Item, Reader, held_spans, public_entities
from .rewrite import suggest_rewrite
from .specific import judge_specific
from .text import Parsed
from .time_bound import judge_time


def verdict_of(
    specific: CriterionResult,
    measurable: CriterionResult,
    attainable: CriterionResult,
    relevant: CriterionResult,
    time_bound: CriterionResult,
) -> Verdict:
    """Return the overall verdict.

    SMART: specific, measurable and time-bound all met, and neither attainable nor relevant
    missing. Partly SMART: at least two of specific, measurable and time-bound met (or all three
    with attainable or relevant missing). Not SMART: fewer than two of them met.
    """
    met = sum(c.status == "met" for c in (specific, measurable, time_bound))
    if met == 3 and attainable.status != "missing" and relevant.status != "missing":
        return "smart"
    return "partly_smart" if met >= 2 else "not_smart"


def _check(text: str, today: date) -> date:
    if not isinstance(text, str):
        raise TypeError(f"goal text must be a str, not {type(text).__name__}")
    if len(text) > MAX_GOAL_LENGTH:
        raise GoalTextTooLong(len(text))
    return today.date() if isinstance(today, datetime) else today


class _Read:
    """What one goal says, read once and shared by the judgements."""

    __slots__ = ("held", "items", "metrics", "parsed", "times")

    def __init__(self, text: str, today: date, context: SmartContext | None) -> None:
        self.parsed = Parsed(text)
        events = context.events if context else ()
        self.times: list[TimeExpr] = find_time(self.parsed, today, events)
        skip = [(t.start, t.end) for t in self.times if t.kind not in ("duration", "recurrence")]
        metrics: list[Metric] = find_metrics(self.parsed, skip)
        for t in self.times:
            if (
                t.kind == "duration"
                and t.resolution != "length"  # "a 12-week course" names the course
                and t.months
                and not any(
                    m.start is not None and m.start < t.end and t.start < (m.end or 0)
                    for m in metrics
                )
            ):
                metrics.append(
                    Metric(
                        "duration", t.phrase, round(t.months, 2), "months", start=t.start, end=t.end
                    )
                )
        self.metrics = sorted(metrics, key=lambda m: m.start or 0)
        held = held_spans(self.parsed)
        self.items: list[Item] = [
            it
            for it in Reader(self.parsed, skip).read(self.metrics)
            if not any(a <= it.start and it.end <= b for a, b in held)
        ]
        self.held = held


def judge_smt(
    text: str, *, today: date, context: SmartContext | None = None
) -> tuple[CriterionResult, CriterionResult, CriterionResult, Deadline | None]:
    """Judge only specific, measurable and time-bound (the fast path; no rewrite)."""
    today = _check(text, today)
    read = _Read(text, today, context)
    specific = judge_specific(read.parsed, read.items, read.metrics)
    measurable = judge_measurable(
        read.parsed, read.items, read.metrics, context, read.times, read.held
    )
    time_bound, deadline = judge_time(read.parsed, read.times, today, context)
    return specific, measurable, time_bound, deadline


def analyse_goal(text: str, *, today: date, context: SmartContext | None = None) -> SmartAnalysis:
    """Analyse a goal against the five SMART criteria.

    Raise GoalTextTooLong for text over MAX_GOAL_LENGTH characters. Empty or blank text gives a
    well-formed analysis with every criterion missing. Any other text gives a well-formed result.
    """
    today = _check(text, today)
    if not text.strip():
        return _empty(text, today)
    read = _Read(text, today, context)
    parsed = read.parsed
    specific = judge_specific(parsed, read.items, read.metrics)
    measurable = judge_measurable(parsed, read.items, read.metrics, context, read.times, read.held)
    time_bound, deadline = judge_time(parsed, read.times, today, context)
    attainable = judge_attainable(parsed, read.items, read.metrics, deadline, context, today)
    relevant = judge_relevant(parsed, read.items, context)
    rewrite = suggest_rewrite(
        parsed, read.items, read.times, specific, measurable, time_bound, today, context
    )
    return SmartAnalysis(
        text=text,
        today=today,
        specific=specific,
        measurable=measurable,
        attainable=attainable,
        relevant=relevant,
        time_bound=time_bound,
        verdict=verdict_of(specific, measurable, attainable, relevant, time_bound),
        rewrite=rewrite,
        deadline=deadline,
        metrics=tuple(read.metrics),
        entities=public_entities(read.items, text),
    )


def _empty(text: str, today: date) -> SmartAnalysis:
    def missing(name: str, fix: str) -> CriterionResult:
        return CriterionResult(name, "missing", "The goal is empty.", fix)

    from .time_bound import example_date, format_date

    example = format_date(example_date(today))
    return SmartAnalysis(
        text=text,
        today=today,
        specific=missing("specific", "Write what you want to achieve, e.g. 'a marketing role'."),
        measurable=missing("measurable", "Say how you will know it is done."),
        attainable=missing("attainable", "Write the goal first."),
        relevant=missing("relevant", "Write the goal first."),
        time_bound=missing("time_bound", f"Add a date, e.g. 'by {example}'."),
        verdict="not_smart",
        rewrite=(
            "[what you want to achieve, e.g. a marketing role at a Fortune 500 company] "
            f"[measured by a number or an observable result] [by a date, e.g. by {example}]"
        ),
    )

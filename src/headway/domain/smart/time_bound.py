"""Judge whether a goal is time-bound and resolve its deadline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..months import add_months
from . import lexicon as lx
from .dates import TimeExpr
from .model import CriterionResult, Deadline, Evidence, SmartContext
from .text import Parsed

# ---------------------------------------------------------------------------------------
# Time-bound
# ---------------------------------------------------------------------------------------
_PARTLY_FIX = {
    "vague": "Replace '{p}' with a date or a time frame, e.g. 'by {example}'.",
    "recurrence": "Say until when you will keep it up, e.g. 'every week until {example}'.",
    "event": "When is it? Add the date, or record the event with its date.",
    "age": "Turn the age into a date, e.g. 'by {example}'.",
    "start": "Add an end date, e.g. 'by {example}'.",
    "duration": "Say when it starts or ends, e.g. 'by {example}'.",
    "anchored": "When does the period start? Add a date, e.g. 'by {example}'.",
}
_PARTLY_WHY = {
    "vague": "Gives only a vague time ({q}).",
    "recurrence": "Repeats ({q}) but has no end date or period.",
    "event": "Is tied to an event ({q}) with no recorded date.",
    "age": "Is tied to an age ({q}), not a date.",
    "start": "Says when it starts ({q}) but not when it ends.",
    "duration": "Gives a duration ({q}) without a start or end date.",
    "anchored": "Counts from something ({q}) whose date is not known.",
}


def example_date(today: date) -> date:
    """Return a sample deadline for fixes and rewrites: the end of the month six months ahead."""
    try:
        return add_months(today.replace(day=1), 7) - timedelta(days=1)
    except (ValueError, OverflowError):
        return today


def format_date(day: date) -> str:
    """Return a date in the house style the pages use, '30 Jun 2027'."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _takes_up_post(parsed: Parsed) -> bool:
    """Return whether the goal takes up a job or role (not a course), unnegated."""
    for cat in ("employ", "role"):
        for m in parsed.by_cat.get(cat, ()):
            if not parsed.tokens[m.i].negated and m.key not in lx.VERB_ONLY_EMPLOYMENT:
                return True
    return False


def judge_time(
    parsed: Parsed, times: Sequence[TimeExpr], today: date, context: SmartContext | None
) -> tuple[CriterionResult, Deadline | None]:
    """Judge whether the goal has a deadline or time frame, and resolve the deadline."""
    deadlines = [t for t in times if t.kind == "deadline" and t.on is not None]
    starts = [t for t in times if t.kind == "start" and t.on is not None]
    durations = [t for t in times if t.kind == "duration" and t.months]
    if not deadlines and starts and durations:
        # "for one year starting in March 2027" ends a year after March 1, 2027.
        s, d = starts[0], durations[0]
        assert s.on is not None and d.months is not None
        try:
            on = add_months(s.on, round(d.months))
        except (ValueError, OverflowError):
            on = None
        if on is not None:
            lo, hi = min(s.start, d.start), max(s.end, d.end)
            deadlines = [
                TimeExpr("deadline", lo, hi, parsed.text[lo:hi], on=on, resolution=s.resolution)
            ]
    if not deadlines and starts and not durations and _takes_up_post(parsed):
        # "a teaching job starting August 2027": being in the post by then is the deadline.
        s = starts[0]
        assert s.on is not None
        deadlines = [
            TimeExpr(
                "deadline", s.start, s.end, s.phrase, on=s.last or s.on, resolution=s.resolution
            )
        ]
    recurring = any(t.kind == "recurrence" for t in times)
    long_runs = [d for d in durations if d.months and d.months >= 1]
    if not deadlines and recurring and long_runs and not starts:
        # "every week for 3 months" runs from now; "for a day every month" does not.
        d = long_runs[0]
        assert d.months is not None
        try:
            on = add_months(today, round(d.months))
        except (ValueError, OverflowError):
            on = None
        if on is not None:
            deadlines = [
                TimeExpr("deadline", d.start, d.end, d.phrase, on=on, resolution="relative")
            ]
    future = [t for t in deadlines if t.on is not None and t.on >= today]
    if future:
        main = max(future, key=lambda t: (t.on, t.end))
        assert main.on is not None
        kind = (
            main.resolution if main.resolution in ("absolute", "relative", "event") else "absolute"
        )
        deadline = Deadline(main.on, main.phrase, kind, main.start, main.end)  # type: ignore[arg-type]
        spans = tuple(Evidence("deadline", t.phrase, t.start, t.end) for t in future)
        return (
            CriterionResult(
                "time_bound",
                "met",
                f'Has a deadline: "{main.phrase}" ({format_date(main.on)}).',
                None,
                spans,
            ),
            deadline,
        )
    example = format_date(example_date(today))
    if context is not None and context.target_date is not None:
        on = context.target_date
        form = Evidence("deadline", f"target date {on.isoformat()}", field="target_date")
        deadline = Deadline(on, f"target date {on.isoformat()}", "form")
        if on >= today:
            return (
                CriterionResult(
                    "time_bound",
                    "met",
                    f"The goal's form sets a target date ({format_date(on)}).",
                    None,
                    (form,),
                ),
                deadline,
            )
        return (
            CriterionResult(
                "time_bound",
                "partly",
                f"The target date ({format_date(on)}) has passed.",
                f"Set a new target date, e.g. {example}.",
                (form,),
            ),
            deadline,
        )
    if deadlines:
        main = max(deadlines, key=lambda t: (t.on or today, t.end))
        assert main.on is not None
        spans = tuple(Evidence("deadline", t.phrase, t.start, t.end) for t in deadlines)
        return (
            CriterionResult(
                "time_bound",
                "partly",
                f'The deadline "{main.phrase}" ({format_date(main.on)}) has already passed.',
                f"Set a future date, e.g. 'by {example}'.",
                spans,
            ),
            Deadline(main.on, main.phrase, "absolute", main.start, main.end),
        )
    cues = [t for t in times if t.kind in _PARTLY_WHY]
    for kind in ("event", "age", "anchored", "start", "duration", "recurrence", "vague"):
        hits = [t for t in times if t.kind == kind]
        if hits:
            q = ", ".join(f'"{t.phrase}"' for t in hits[:2])
            spans = tuple(Evidence(t.kind, t.phrase, t.start, t.end) for t in cues)
            return (
                CriterionResult(
                    "time_bound",
                    "partly",
                    _PARTLY_WHY[kind].format(q=q),
                    _PARTLY_FIX[kind].format(p=hits[0].phrase, example=example),
                    spans,
                ),
                None,
            )
    return (
        CriterionResult(
            "time_bound",
            "missing",
            "Has no deadline or time frame.",
            f"By when? Add a date, e.g. 'by {example}' or 'within 6 months'.",
        ),
        None,
    )

"""The rules of a career plan: progress, review dates, focus, overdue items, diffs, reminders.

Plain values in and out, no Django: the services call these so the pages and the API share one
rule, and the tests run without a database. A refused input raises `PlanRuleError`, naming the
input it is about and saying why in words a user can act on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any, Literal
from urllib.parse import urlsplit

from headway.domain.errors import RuleError
from headway.domain.months import add_months

Number = Decimal | int | float

CADENCE_DAYS = {"weekly": 7, "biweekly": 14}
CADENCE_MONTHS = {"monthly": 1, "quarterly": 3}
CADENCES = ("weekly", "biweekly", "monthly", "quarterly")
STATEMENT_MAX = 300
FOCUS_LIMIT_MIN, FOCUS_LIMIT_MAX = 1, 10
MILESTONE_SOON_DAYS = 3

REMINDER_REVIEW_DUE = "review-due"
REMINDER_MILESTONE_SOON = "milestone-soon"
REMINDER_MILESTONE_OVERDUE = "milestone-overdue"

LEVELS = {1: "Low", 2: "Medium", 3: "High"}
Quadrant = Literal["quick-wins", "major-projects", "fill-ins", "time-sinks"]
QUADRANTS: dict[Quadrant, tuple[str, str]] = {
    "quick-wins": ("Quick wins", "High impact, low effort: start here."),
    "major-projects": ("Major projects", "High impact, high effort: plan them in steps."),
    "fill-ins": ("Fill-ins", "Low impact, low effort: when you have spare time."),
    "time-sinks": ("Time sinks", "Low impact, high effort: question these."),
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Plans reach a lifetime ahead, not to year 9999: charts and calendars count days from here.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_WORDS = re.compile(r"\s+|[^\s]+")


class PlanRuleError(RuleError):
    """An input the plan's rules refuse; `field` names the input, `message` says why."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)


class FocusLimitReached(PlanRuleError):
    """Activating one more goal would pass the focus limit; `active` names the active goals."""

    def __init__(self, limit: int, active: Sequence[str]) -> None:
        self.limit = limit
        self.active = list(active)
        count = "1 active goal" if len(active) == 1 else f"{len(active)} active goals"
        super().__init__(
            "status",
            f"You already have {count}, your focus limit of {limit}: {quote_list(active)}. "
            "Pause one of them first, or raise the limit in plan settings.",
        )

    def extra(self) -> dict[str, Any]:
        return {"active": self.active}


def quote_list(items: Sequence[str]) -> str:
    """Return items quoted and joined as English: “a”, “b” and “c”."""
    quoted = [f"“{item}”" for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def format_day(day: date) -> str:
    """Return a date as `3 Mar 2026`, whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def format_quantity(value: Number | None, unit: str) -> str:
    """Return a number with its unit, singular for exactly one: "1 informational interview".

    Units are typed in the plural ("talks", "informational interviews", "hours of practice");
    the noun changes (the last word, or the last before "of"), and words that do not look
    plural (kg, "%") stay as they are.
    """
    number = format_number(value)
    unit = unit.strip()
    if not unit:
        return number
    if number in ("1", "-1"):
        noun, of, rest = unit.partition(" of ")
        head, _, last = noun.rpartition(" ")
        noun = f"{head} {_singular(last)}" if head else _singular(last)
        unit = f"{noun}{of}{rest}"
    return f"{number} {unit}"


def format_number(value: Number | None) -> str:
    """Return a number without trailing zeros or exponent: 12.50 → 12.5, 3.00 → 3."""
    if value is None:
        return ""
    number = _decimal(value)
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


# Dates


def next_review_on(cadence: str, since: date) -> date:
    """Return the date a goal reviewed (or activated) on `since` is next due for review."""
    if cadence in CADENCE_DAYS:
        return since + timedelta(days=CADENCE_DAYS[cadence])
    if cadence in CADENCE_MONTHS:
        return add_months(since, CADENCE_MONTHS[cadence])
    raise PlanRuleError("review_cadence", f"Choose how often to review: {', '.join(CADENCES)}.")


def is_overdue(due_on: date | None, today: date, *, done: bool = False) -> bool:
    """Return whether something due on `due_on` and not done is late today."""
    return due_on is not None and not done and due_on < today


def describe_due(due_on: date, today: date, *, done: bool = False) -> str:
    """Return when something is due in words: "due today", "in 3 days", "2 days overdue"."""
    if done:
        return "done"
    days = (due_on - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 1:
        return f"due in {days} days"
    late = -days
    return "1 day overdue" if late == 1 else f"{late} days overdue"


def roadmap_end(today: date, horizons: Sequence[int], latest: date | None = None) -> date:
    """Return the last day a roadmap shows: the furthest vision horizon or dated item, at most
    a century ahead (a date saved before dates were bounded may lie near year 9999)."""
    years = max(horizons, default=1)
    end = date(today.year + years, today.month, min(today.day, 28))
    if latest is None:
        return end
    return max(end, min(latest, date(today.year + 100, 12, 31)))


def check_day(field: str, day: date) -> None:
    """Refuse a plan date outside the years a plan can reach (EARLIEST_DAY to LATEST_DAY)."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise PlanRuleError(
            field,
            f"{format_day(day)} is out of range; choose a date from "
            f"{format_day(EARLIEST_DAY)} to {format_day(LATEST_DAY)}.",
        )


# Goals


def check_statement(statement: str) -> str:
    """Return the statement trimmed, or refuse an empty or overlong one."""
    text = " ".join(statement.split())
    if not text:
        raise PlanRuleError(
            "statement", "Write what you want to achieve: the statement cannot be empty."
        )
    if len(text) > STATEMENT_MAX:
        raise PlanRuleError(
            "statement",
            f"Keep the statement to {STATEMENT_MAX} characters (it has {len(text)}); "
            "put the detail in “Why it matters”.",
        )
    return text


def check_target_date(target: date, today: date, *, last_milestone_on: date | None = None) -> None:
    """Refuse a new (or moved) target date in the past, too far ahead, or before a milestone."""
    check_day("target_date", target)
    if target < today:
        raise PlanRuleError(
            "target_date",
            f"The target date {format_day(target)} is in the past; "
            f"choose {format_day(today)} or later.",
        )
    if last_milestone_on is not None and last_milestone_on > target:
        raise PlanRuleError(
            "target_date",
            f"A milestone is due on {format_day(last_milestone_on)}, after the target "
            f"date {format_day(target)}. Move the milestone first, or choose a later date.",
        )


def check_metric(
    baseline: Number | None,
    target: Number | None,
    unit: str,
    direction: str,
) -> None:
    """Refuse a metric that is half filled in or whose target lies the wrong side of the baseline.

    A target below the baseline only makes sense when the goal says it reduces something
    (`direction == "decrease"`), and the other way round.
    """
    given = {"metric_baseline": baseline, "metric_target": target, "metric_unit": unit.strip()}
    if all(v in (None, "") for v in given.values()):
        return
    missing = [name for name, v in given.items() if v in (None, "")]
    if missing:
        raise PlanRuleError(
            missing[0],
            "Give the metric a baseline, a target and a unit, or leave all three empty.",
        )
    assert baseline is not None and target is not None
    b, t, u = _decimal(baseline), _decimal(target), unit.strip()
    shown_b, shown_t = f"{format_number(b)} {u}", f"{format_number(t)} {u}"
    if t == b:
        raise PlanRuleError(
            "metric_target",
            f"The target equals the baseline ({shown_b}), so there is no change to measure.",
        )
    if direction == "increase" and t < b:
        raise PlanRuleError(
            "metric_target",
            f"The target ({shown_t}) is below the baseline ({shown_b}). If this goal is about "
            "reducing something, set the direction to “Decrease”; otherwise raise the target.",
        )
    if direction == "decrease" and t > b:
        raise PlanRuleError(
            "metric_target",
            f"The target ({shown_t}) is above the baseline ({shown_b}), but the direction is "
            "“Decrease”. Lower the target, or set the direction to “Increase”.",
        )
    if direction not in ("increase", "decrease"):
        raise PlanRuleError("metric_direction", "Choose whether the metric should go up or down.")


def check_level(name: str, value: int) -> None:
    """Refuse an impact or effort outside 1 (low) to 3 (high)."""
    if value not in LEVELS:
        raise PlanRuleError(name, "Choose low (1), medium (2) or high (3).")


def check_focus_limit(active: Sequence[str], limit: int) -> None:
    """Refuse to activate one more goal when `active` already fills the focus limit."""
    if len(active) >= limit:
        raise FocusLimitReached(limit, active)


def check_focus_limit_setting(limit: int, active_count: int) -> None:
    """Refuse a focus limit outside 1..10 or below the number of goals active now."""
    if not FOCUS_LIMIT_MIN <= limit <= FOCUS_LIMIT_MAX:
        raise PlanRuleError(
            "focus_limit",
            f"Choose a focus limit from {FOCUS_LIMIT_MIN} to {FOCUS_LIMIT_MAX} active goals.",
        )
    if limit < active_count:
        raise PlanRuleError(
            "focus_limit",
            f"You have {active_count} active goals; pause {active_count - limit} of them "
            f"before lowering the limit to {limit}.",
        )


def matrix_quadrant(impact: int, effort: int) -> Quadrant:
    """Return the impact/effort quadrant of a goal; a medium score counts as high."""
    high_impact, high_effort = impact >= 2, effort >= 2
    if high_impact:
        return "major-projects" if high_effort else "quick-wins"
    return "time-sinks" if high_effort else "fill-ins"


def reason_needed(changed: Sequence[str], key_fields: Sequence[str]) -> list[str]:
    """Return the changed fields that need a reason given (the key fields among them)."""
    return [name for name in changed if name in key_fields]


# Milestones and actions


def check_milestone_due(due_on: date, today: date, goal_target: date) -> None:
    """Refuse a new (or moved) milestone date in the past or after the goal's target date."""
    if due_on < today:
        raise PlanRuleError(
            "due_on",
            f"{format_day(due_on)} is in the past; a milestone must be due "
            f"{format_day(today)} or later.",
        )
    if due_on > goal_target:
        raise PlanRuleError(
            "due_on",
            f"{format_day(due_on)} is after the goal's target date "
            f"({format_day(goal_target)}). Choose an earlier date, or move the goal's target "
            "date first.",
        )


def check_title(field: str, title: str, what: str) -> str:
    """Return a trimmed title, or refuse an empty one."""
    text = " ".join(title.split())
    if not text:
        raise PlanRuleError(field, f"Give the {what} a name.")
    return text


def check_link(url: str) -> str:
    """Return a trimmed web link, or refuse anything but an http or https address."""
    text = url.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise PlanRuleError(
            "url", "Enter a web address starting with http:// or https://, or leave it empty."
        )
    return text


def check_money(amount: Number | None, currency: str, *, field: str, currency_field: str) -> str:
    """Return the currency code upper-cased, or refuse a negative amount or a bad code."""
    code = currency.strip().upper()
    if amount is not None and _decimal(amount) < 0:
        raise PlanRuleError(field, "An amount cannot be negative.")
    if amount is not None and not code:
        raise PlanRuleError(currency_field, "Give the currency of the amount, such as EUR or USD.")
    if code and not _CURRENCY.match(code):
        raise PlanRuleError(currency_field, "Use a three-letter currency code, such as EUR or USD.")
    return code


def check_salary_range(low: Number | None, high: Number | None) -> None:
    """Refuse a salary range whose lowest figure is above its highest."""
    for name, value in (("salary_min", low), ("salary_max", high)):
        if value is not None and _decimal(value) < 0:
            raise PlanRuleError(name, "A salary cannot be negative.")
    if low is not None and high is not None and _decimal(low) > _decimal(high):
        raise PlanRuleError(
            "salary_max",
            f"The highest salary ({format_number(high)}) is below the lowest "
            f"({format_number(low)}).",
        )


# Progress


@dataclass(frozen=True)
class Progress:
    """How far a goal has come, and from what: its metric or its milestones."""

    percent: int | None
    source: Literal["metric", "milestones", "none"]

    @property
    def label(self) -> str:
        if self.percent is None:
            return "No progress measure yet"
        return f"{self.percent}% done"


def metric_progress(
    baseline: Number, target: Number, current: Number, direction: str = "increase"
) -> int:
    """Return the share of the way from baseline to target reached, 0 to 100, rounded down."""
    b, t, c = _decimal(baseline), _decimal(target), _decimal(current)
    span = t - b
    if span == 0:
        return 100 if (c >= t if direction == "increase" else c <= t) else 0
    share = (c - b) / span * 100
    try:
        whole = int(share.to_integral_value(rounding=ROUND_FLOOR))
    except InvalidOperation:  # pragma: no cover  (Decimal context limits)
        whole = 0
    return max(0, min(100, whole))


def milestone_progress(done: int, total: int) -> int | None:
    """Return the share of milestones done, 0 to 100 rounded down, or None without any."""
    if total <= 0:
        return None
    return max(0, min(100, done * 100 // total))


def goal_progress(
    *,
    milestones_done: int,
    milestones_total: int,
    baseline: Number | None = None,
    target: Number | None = None,
    current: Number | None = None,
    direction: str = "increase",
) -> Progress:
    """Return a goal's progress: from its metric where it has one, else from its milestones."""
    if baseline is not None and target is not None:
        value = baseline if current is None else current
        return Progress(metric_progress(baseline, target, value, direction), "metric")
    percent = milestone_progress(milestones_done, milestones_total)
    return Progress(percent, "none" if percent is None else "milestones")


# Versions


@dataclass(frozen=True)
class FieldChange:
    """One field that changed between two versions, with raw and readable values."""

    field: str
    label: str
    old: object
    new: object


def diff_snapshots(
    old: Mapping[str, object] | None, new: Mapping[str, object], labels: Mapping[str, str]
) -> list[FieldChange]:
    """Return the fields (in `labels` order) whose value differs from `old` to `new`."""
    before = old or {}
    return [
        FieldChange(name, label, before.get(name), new.get(name))
        for name, label in labels.items()
        if before.get(name) != new.get(name)
    ]


Segment = tuple[Literal["equal", "delete", "insert"], str]


def diff_words(old: str, new: str) -> list[Segment]:
    """Return a word-level diff of two texts as (kind, text) segments, whitespace kept."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", "".join(b[j1:j2])))
    return [s for s in segments if s[1]]


# Reminders


def milestone_reminder_kind(
    due_on: date, today: date, *, done: bool, soon_days: int = MILESTONE_SOON_DAYS
) -> str | None:
    """Return which reminder a milestone calls for today: due soon, overdue, or none."""
    if done:
        return None
    if due_on < today:
        return REMINDER_MILESTONE_OVERDUE
    if (due_on - today).days <= soon_days:
        return REMINDER_MILESTONE_SOON
    return None


def review_reminder_due(next_review: date | None, today: date) -> bool:
    """Return whether a review planned for `next_review` is due today (or late)."""
    return next_review is not None and next_review <= today

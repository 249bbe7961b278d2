"""Template filters for plan pages: due dates in words, overdue marks, plain numbers."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils.safestring import mark_safe

from headway.domain import charts, planning

register = template.Library()


@register.filter
def due_words(due_on: date | None, today: date) -> str:
    """Return "due in 3 days", "2 days overdue" and the like."""
    if due_on is None:
        return ""
    return planning.describe_due(due_on, today)


@register.filter
def is_late(due_on: date | None, today: date) -> bool:
    """Return whether a date is before today."""
    return planning.is_overdue(due_on, today)


@register.filter
def number(value: Any) -> str:
    """Return a number without trailing zeros: 12.50 → 12.5."""
    if value is None or value == "":
        return ""
    return planning.format_number(value)


@register.filter
def quantity(value: Any, unit: str) -> str:
    """Return a number and its unit, singular for one: "1 talk", "3 talks"."""
    if value is None or value == "":
        return ""
    return planning.format_quantity(value, unit or "")


@register.filter
def level(value: int) -> str:
    """Return "Low", "Medium" or "High" for 1, 2 or 3."""
    return planning.LEVELS.get(value, str(value))


@register.filter
def progress_bar(goal: Any) -> str:
    """Return the SVG bar of a goal's overall progress, or nothing without a measure."""
    progress = goal.progress
    if progress.percent is None:
        return ""
    label = "From the metric" if progress.source == "metric" else "From milestones done"
    # charts escapes every text it draws, so its SVG is safe to insert as is.
    return mark_safe(  # noqa: S308
        charts.progress_bar_svg(progress.percent, label, chart_id=f"goal-progress-{goal.pk}")
    )


@register.filter
def milestone_bar(goal: Any) -> str:
    """Return the SVG bar of the share of a goal's milestones done."""
    done, total = goal.milestone_counts()
    percent = planning.milestone_progress(done, total)
    if percent is None:
        return ""
    return mark_safe(  # noqa: S308
        charts.progress_bar_svg(percent, "Milestones done", chart_id=f"goal-milestones-{goal.pk}")
    )


@register.filter
def goal_late(goal: Any, today: date) -> bool:
    """Return whether an open goal is past its target date."""
    return bool(goal.is_overdue_on(today))


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """Return mapping[key], or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None

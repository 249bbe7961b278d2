"""Keep counted networking goals true when their goal changes in the plan."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from headway.network import services
from headway.plans.models import Goal
from headway.plans.signals import goal_changed

# The goal fields the count depends on: its counting period and its metric.
COUNTED_FROM = frozenset(
    {"target_date", "metric_baseline", "metric_target", "metric_unit", "metric_direction"}
)


@receiver(goal_changed, sender=Goal, dispatch_uid="network-recount-goal")
def recount_goal(*, goal: Goal, fields: frozenset[str], **_: Any) -> None:
    """Count a networking goal's interactions again when its period or metric changed."""
    if fields & COUNTED_FROM:
        services.goal_target_recount(goal=goal)

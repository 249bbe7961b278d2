"""SMART goal coach: judge a career goal as specific, measurable, attainable, relevant, time-bound.

Pure Python; see docs/smart.md for the definitions, statuses and verdict rule.
"""

from .engine import analyse_goal, judge_smt, verdict_of
from .model import (
    MAX_GOAL_LENGTH,
    CriterionResult,
    Deadline,
    Entity,
    Evidence,
    GoalTextTooLong,
    Metric,
    SmartAnalysis,
    SmartContext,
)
from .report import format_report

__all__ = [
    "MAX_GOAL_LENGTH",
    "CriterionResult",
    "Deadline",
    "Entity",
    "Evidence",
    "GoalTextTooLong",
    "Metric",
    "SmartAnalysis",
    "SmartContext",
    "analyse_goal",
    "format_report",
    "judge_smt",
    "verdict_of",
]

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from headway.coach.selectors import GoalFields, goal_text_analyse
from headway.core.http import authed_user
from headway.domain.smart import MAX_GOAL_LENGTH, GoalTextTooLong, SmartContext, analyse_goal

router = Router(tags=["smart"])


class AnalyseIn(Schema):
    text: str = Field(description="The goal as the user wrote it.")
    today: date | None = Field(None, description="Resolve relative dates from this day.")
    horizon: int | None = Field(None, description="5 or 10: which vision the goal serves.")
    target_date: date | None = None
    metric_baseline: float | None = None
    metric_target: float | None = None
    metric_unit: str = ""
    context: dict[str, Any] | None = Field(
        None,
        description="Judge against this context instead of the user's own plan "
        "(keys of SmartContext: target_role, occupation_skills, hours_per_week, ...).",
    )


class ErrorOut(Schema):
    detail: str


@router.post("/analyse", response={200: dict[str, Any], 422: ErrorOut})
def analyse(request: HttpRequest, payload: AnalyseIn) -> Any:
    """Check a goal against the five SMART criteria and suggest a better one."""
    today = payload.today or timezone.localdate()
    try:
        if payload.context is not None:
            result = analyse_goal(
                payload.text, today=today, context=SmartContext.from_dict(payload.context)
            )
        else:
            fields = GoalFields(
                horizon=payload.horizon,
                target_date=payload.target_date,
                baseline=payload.metric_baseline,
                target=payload.metric_target,
                unit=payload.metric_unit,
            )
            result = goal_text_analyse(authed_user(request), payload.text, fields, today)
    except GoalTextTooLong as error:
        return Status(422, {"detail": str(error)})
    except (TypeError, ValueError) as error:
        return Status(422, {"detail": f"The context is not valid: {error}"})
    data = result.as_dict()
    data["max_length"] = MAX_GOAL_LENGTH
    return data

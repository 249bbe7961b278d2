from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.schema import DjangoGetter
from pydantic import model_validator

from headway.coach.selectors import GoalFields, goal_text_analyse
from headway.core.http import authed_user
from headway.domain.smart import MAX_GOAL_LENGTH, SmartContext, analyse_goal

router = Router(tags=["smart"])


Line = Annotated[str, Field(max_length=500)]


class ContextIn(Schema):
    """What to judge the goal against instead of the user's own plan; every key optional."""

    vision_text: str | None = Field(None, max_length=5000)
    target_role: str | None = Field(None, max_length=200)
    responsibilities: list[Line] = Field([], max_length=100)
    occupation_title: str | None = Field(None, max_length=300)
    occupation_skills: list[Line] = Field([], max_length=500)
    occupation_tasks: list[Line] = Field([], max_length=500)
    occupation_job_zone: int | None = Field(None, ge=1, le=5)
    current_job_zone: int | None = Field(None, ge=1, le=5)
    education_level: str | None = Field(None, max_length=100)
    hours_per_week: float | None = Field(None, ge=0, le=168)
    events: list[tuple[Line, date]] = Field(
        [], max_length=500, description="Recorded events as [name, ISO date] pairs."
    )
    target_date: date | None = None
    baseline_value: float | None = None
    target_value: float | None = None
    metric_unit: str | None = Field(None, max_length=50)

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value: Any) -> Any:
        # Ninja's schemas read attributes of anything (wrapped in a getter); a list or string
        # is not a context.
        if not isinstance(value, DjangoGetter) or not isinstance(value._obj, dict):
            raise ValueError("Send the context as an object of named values.")
        return value


class AnalyseIn(Schema):
    text: str = Field(max_length=MAX_GOAL_LENGTH, description="The goal as the user wrote it.")
    today: date | None = Field(None, description="Resolve relative dates from this day.")
    horizon: Literal[5, 10] | None = Field(None, description="Which vision the goal serves.")
    target_date: date | None = None
    metric_baseline: float | None = None
    metric_target: float | None = None
    metric_unit: str = Field("", max_length=50)
    context: ContextIn | None = Field(
        None, description="Judge against this context instead of the user's own plan."
    )


@router.post("/analyse", response={200: dict[str, Any]})
def analyse(request: HttpRequest, payload: AnalyseIn) -> Any:
    """Check a goal against the five SMART criteria and suggest a better one."""
    today = payload.today or timezone.localdate()
    if payload.context is not None:
        context = SmartContext.from_dict(payload.context.dict())
        result = analyse_goal(payload.text, today=today, context=context)
    else:
        fields = GoalFields(
            horizon=payload.horizon,
            target_date=payload.target_date,
            baseline=payload.metric_baseline,
            target=payload.metric_target,
            unit=payload.metric_unit,
        )
        result = goal_text_analyse(authed_user(request), payload.text, fields, today)
    data = result.as_dict()
    data["max_length"] = MAX_GOAL_LENGTH
    return data

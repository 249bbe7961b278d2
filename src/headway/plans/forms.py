"""HTML forms of the plan. They check types and required inputs; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.core.forms import LongTextBounds
from headway.plans.models import (
    HOURS_PER_WEEK_MAX,
    HOURS_PER_WEEK_MIN,
    Action,
    Goal,
    Horizon,
    PlanSettings,
    Review,
    Trait,
    Vision,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _money(label: str, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, max_digits=14, decimal_places=2, required=False, **kwargs
    )


class VisionForm(LongTextBounds, forms.Form):
    target_role = forms.CharField(
        label="Target role",
        max_length=200,
        help_text="The job you want to hold, for example “Lead data engineer”.",
    )
    responsibilities = forms.CharField(
        label="Responsibilities you want",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you want to be doing and answering for.",
    )
    salary_min = _money("Salary from, per year", min_value=0)
    salary_max = _money("Salary up to, per year", min_value=0)
    salary_currency = forms.CharField(
        label="Currency",
        max_length=3,
        required=False,
        help_text="Three letters, such as EUR, GBP or USD.",
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "size": 4}),
    )
    location = forms.CharField(
        label="Location", max_length=200, required=False, help_text="A city, region or country."
    )
    work_mode = forms.ChoiceField(label="Way of working", choices=Vision.WorkMode.choices)
    why = forms.CharField(
        label="Why it matters to you", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reason = forms.CharField(
        label="What changed, and why (optional)",
        max_length=500,
        required=False,
        help_text="Kept with this version of your vision.",
    )

    def __init__(self, *args: Any, revising: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not revising:
            del self.fields["reason"]


class TraitForm(LongTextBounds, forms.Form):
    kind = forms.ChoiceField(label="This is a", choices=Trait.Kind.choices)
    title = forms.CharField(
        label="What", max_length=120, help_text="For example “SQL” or “Public speaking”."
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="An example, or what someone told you.",
    )


class GoalForm(LongTextBounds, forms.Form):
    # Not required here: the service's message for an empty statement is the one shown.
    statement = forms.CharField(
        label="Goal",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What you will achieve, in one sentence.",
    )
    category = forms.ChoiceField(choices=Goal.Category.choices)
    horizon = forms.TypedChoiceField(label="Vision it serves", choices=Horizon.choices, coerce=int)
    why = forms.CharField(
        label="Why it matters", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # Not required: the service takes a date the goal's words give ("by March 2027").
    target_date = forms.DateField(
        label="Target date",
        required=False,
        widget=DateInput(),
        help_text="Leave it empty when your goal says its date.",
    )
    metric_unit = forms.CharField(
        label="Metric unit",
        max_length=40,
        required=False,
        help_text="Optional: what you count, such as “hours a week” or “applications”.",
    )
    metric_baseline = _money("Baseline (where you are now)")
    metric_target = _money("Target")
    metric_direction = forms.ChoiceField(label="Direction", choices=Goal.Direction.choices)
    review_cadence = forms.ChoiceField(label="Review", choices=Goal.Cadence.choices)
    status = forms.ChoiceField(
        label="Start as",
        choices=[(Goal.Status.DRAFT, "Draft"), (Goal.Status.ACTIVE, "Active")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why are you changing it?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you change the goal, its date, its metric or its category, once "
        "it has been active.",
    )

    def __init__(
        self,
        *args: Any,
        editing: bool = False,
        drafting: bool = False,
        horizons: dict[int, Vision] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["status"]
        if not editing or drafting:
            del self.fields["reason"]
        if horizons:
            self.fields["horizon"].choices = [  # type: ignore[attr-defined]
                (value, f"{label}: {horizons[value].target_role}" if value in horizons else label)
                for value, label in Horizon.choices
            ]

    def goal_data(self) -> dict[str, Any]:
        """Return the cleaned inputs that are goal fields."""
        return {k: v for k, v in self.cleaned_data.items() if k != "reason"}

    def change_reason(self) -> str:
        """Return the reason given for the change ("" when the form does not ask for one)."""
        return str(self.cleaned_data.get("reason", ""))


class StatusForm(LongTextBounds, forms.Form):
    status = forms.ChoiceField(choices=Goal.Status.choices)
    reason = forms.CharField(required=False, max_length=1000)
    park = forms.IntegerField(required=False)


class MoveForm(LongTextBounds, forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])


class GoalIdsField(forms.Field):
    """Goal ids posted as repeated `goal_ids` values, kept in the order given."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        try:
            return [int(v) for v in value or []]
        except (TypeError, ValueError) as error:
            raise forms.ValidationError("Give goal ids as whole numbers.") from error


class OrderForm(LongTextBounds, forms.Form):
    goal_ids = GoalIdsField(required=False)
    # The goal the person dragged, to say where it landed; optional.
    moved = forms.IntegerField(required=False)


class PlaceForm(LongTextBounds, forms.Form):
    impact = forms.TypedChoiceField(choices=Goal.Level.choices, coerce=int)
    effort = forms.TypedChoiceField(choices=Goal.Level.choices, coerce=int)


class MetricForm(LongTextBounds, forms.Form):
    value = forms.DecimalField(label="Current value", max_digits=14, decimal_places=2)
    note = forms.CharField(label="Note (optional)", max_length=200, required=False)


class MilestoneForm(LongTextBounds, forms.Form):
    title = forms.CharField(label="Milestone", max_length=200)
    due_on = forms.DateField(label="Due date", widget=DateInput())


class ActionForm(LongTextBounds, forms.Form):
    title = forms.CharField(label="What", max_length=200)
    kind = forms.ChoiceField(label="Type", choices=Action.Kind.choices)
    # A plain text input, so the service's message about http/https is the one shown.
    url = forms.CharField(
        label="Link",
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    cost_amount = forms.DecimalField(label="Cost", max_digits=10, decimal_places=2, required=False)
    cost_currency = forms.CharField(label="Currency", max_length=3, required=False)
    hours = forms.DecimalField(
        label="Expected hours", max_digits=7, decimal_places=1, required=False
    )
    due_on = forms.DateField(label="Due date", required=False, widget=DateInput())
    status = forms.ChoiceField(choices=Action.Status.choices)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReviewForm(LongTextBounds, forms.Form):
    reviewed_on = forms.DateField(label="Date of review", widget=DateInput())
    progress = forms.IntegerField(
        label="Progress (%)",
        min_value=0,
        max_value=100,
        required=False,
        help_text="How far along the goal is, from 0 to 100.",
    )
    metric_value = forms.DecimalField(
        label="Current value", max_digits=14, decimal_places=2, required=False
    )
    worked = forms.CharField(
        label="What worked", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    obstacles = forms.CharField(
        label="Obstacles", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision = forms.ChoiceField(
        choices=Review.Decision.choices, widget=forms.RadioSelect, initial=Review.Decision.KEEP
    )
    decision_note = forms.CharField(
        label="Why this decision",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed to adjust or drop the goal; kept in its history.",
    )
    new_target_date = forms.DateField(label="New target date", required=False, widget=DateInput())
    new_metric_target = forms.DecimalField(
        label="New metric target", max_digits=14, decimal_places=2, required=False
    )
    new_statement = forms.CharField(
        label="New wording of the goal",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if goal.has_metric:
            del self.fields["progress"]
            self.fields["metric_value"].label = f"Current value ({goal.metric_unit})"
            self.fields["metric_value"].required = True
        else:
            del self.fields["metric_value"]
            del self.fields["new_metric_target"]
            self.fields["progress"].required = True

    def review_data(self) -> dict[str, Any]:
        keys = (
            "reviewed_on",
            "progress",
            "metric_value",
            "worked",
            "obstacles",
            "decision",
            "decision_note",
        )
        return {k: self.cleaned_data.get(k) for k in keys}

    def adjust_data(self) -> dict[str, Any]:
        keys = ("new_target_date", "new_metric_target", "new_statement")
        return {k: self.cleaned_data.get(k) for k in keys}

    @property
    def main_fields(self) -> list[Any]:
        return [self[n] for n in self.fields if not n.startswith("new_") and n != "decision_note"]

    @property
    def adjust_fields(self) -> list[Any]:
        return [self[n] for n in self.fields if n.startswith("new_")]


class PlanSettingsForm(LongTextBounds, forms.Form):
    focus_limit = forms.IntegerField(
        label="Focus limit",
        min_value=1,
        max_value=10,
        help_text="How many goals may be active at once. Fewer active goals get more done.",
    )
    email_reminders = forms.BooleanField(
        label="Email me when reviews are due and milestones are close or late",
        required=False,
    )
    # No min/max here: the service's message for an out-of-range number is the one shown.
    hours_per_week = forms.IntegerField(
        label="Hours a week you can give your goals",
        required=False,
        widget=forms.NumberInput(
            attrs={"min": HOURS_PER_WEEK_MIN, "max": HOURS_PER_WEEK_MAX, "inputmode": "numeric"}
        ),
        error_messages={
            "invalid": f"Hours a week must be a whole number from {HOURS_PER_WEEK_MIN} "
            f"to {HOURS_PER_WEEK_MAX}."
        },
        help_text="Optional. The coach uses it to judge whether a goal fits your time.",
    )
    education_level = forms.ChoiceField(
        label="Highest education so far",
        required=False,
        choices=[("", "Not said"), *PlanSettings.Education.choices],
        error_messages={"invalid_choice": "Choose your highest education from the list."},
        help_text="Optional. The coach uses it to judge how far a target role is from you.",
    )

"""HTML forms of the feedback pages. They check types and required inputs; the rules live in
services, whose refusals the views put next to the field they name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from headway.core.forms import LongTextBounds
from headway.feedback import rules
from headway.feedback.models import Scope
from headway.plans.models import Goal, Milestone


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.statement} ({obj.get_status_display().lower()})"


class ShareForm(LongTextBounds, forms.Form):
    """What a reviewer sees: the whole plan, or chosen goals."""

    scope = forms.ChoiceField(
        label="What they can see",
        choices=Scope.choices,
        widget=forms.RadioSelect,
        initial=Scope.GOALS,
    )
    goals = GoalChoiceField(
        label="Goals to share",
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only these goals and their milestones; nothing else of your plan.",
    )

    def __init__(self, *args: Any, goals: Iterable[Goal] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [g.pk for g in goals]
        goal_field: Any = self.fields["goals"]
        goal_field.queryset = Goal.objects.filter(pk__in=ids).order_by("rank", "id")


class InvitationForm(ShareForm):
    email = forms.CharField(
        label="Their email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text="We email them a link that works once and for 14 days.",
    )
    role = forms.ChoiceField(label="They are your", choices=list(rules.ROLES.items()))
    message = forms.CharField(
        label="Message (optional)",
        required=False,
        max_length=rules.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: “Could you tell me whether my dates are realistic?”",
    )

    field_order = ("email", "role", "message", "scope", "goals")

    def __init__(self, *args: Any, days: int = rules.DEFAULT_INVITATION_DAYS, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields[
            "email"
        ].help_text = f"We email them a link that works once and for {days} days."


class BodyForm(LongTextBounds, forms.Form):
    body = forms.CharField(
        label="Your question",
        max_length=rules.BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, label: str = "Your question", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].label = label


class CommentForm(BodyForm):
    milestone = forms.ModelChoiceField(
        label="About",
        queryset=Milestone.objects.none(),
        required=False,
        empty_label="The goal as a whole",
    )

    field_order = ("milestone", "body")

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, label="Your comment", **kwargs)
        milestone_field: Any = self.fields["milestone"]
        milestone_field.queryset = Milestone.objects.filter(goal=goal).order_by("due_on", "id")
        milestone_field.label_from_instance = lambda m: f"Milestone: {m.title}"


RATING_CHOICES = [("", "Not rated"), *rules.RATINGS.items()]


class RatingForm(LongTextBounds, forms.Form):
    """One rating and note per SMART criterion; an unrated criterion is left as it was."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in rules.CRITERIA.items():
            self.fields[f"{key}_rating"] = forms.ChoiceField(
                label=label,
                choices=RATING_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"{key}_note"] = forms.CharField(
                label=f"Note on “{label}” (optional)",
                required=False,
                max_length=rules.NOTE_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def criteria(self) -> list[tuple[str, Any, Any]]:
        """Return (label, rating field, note field) per criterion, for the template."""
        return [
            (label, self[f"{key}_rating"], self[f"{key}_note"])
            for key, label in rules.CRITERIA.items()
        ]

    def ratings(self) -> list[tuple[str, str, str]]:
        """Return (criterion, rating, note) for each criterion given a rating."""
        return [
            (key, self.cleaned_data[f"{key}_rating"], self.cleaned_data[f"{key}_note"])
            for key in rules.CRITERIA
            if self.cleaned_data.get(f"{key}_rating")
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for key, label in rules.CRITERIA.items():
            if cleaned.get(f"{key}_note") and not cleaned.get(f"{key}_rating"):
                self.add_error(f"{key}_rating", f"Rate “{label}” to go with your note.")
        if not self.errors and not any(cleaned.get(f"{k}_rating") for k in rules.CRITERIA):
            raise forms.ValidationError("Rate at least one criterion: met, partly met or not met.")
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AdjustForm(LongTextBounds, forms.Form):
    statement = forms.CharField(
        label="Goal",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    target_date = forms.DateField(label="Target date", widget=DateInput())
    metric_target = forms.DecimalField(
        label="Metric target", max_digits=14, decimal_places=2, required=False
    )
    note = forms.CharField(
        label="Anything to add to the reason (optional)",
        required=False,
        max_length=rules.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The reason already cites the feedback; it is kept in the goal's history.",
    )

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal = goal
        if goal.has_metric:
            self.fields["metric_target"].help_text = f"In {goal.metric_unit}."
        else:
            del self.fields["metric_target"]

    def changes(self) -> dict[str, Any]:
        """Return the fields whose value differs from the goal's."""
        return {
            name: self.cleaned_data[name]
            for name in ("statement", "target_date", "metric_target")
            if name in self.fields and self.cleaned_data.get(name) != getattr(self.goal, name)
        }

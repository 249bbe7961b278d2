"""HTML forms of "Know yourself". Ranges and merging are the services' rules, not the forms'."""

from __future__ import annotations

from typing import Any

from django import forms

from headway.assessments.selectors import ENJOYMENT_WORDS, PROFICIENCY_WORDS
from headway.assessments.services import SUGGESTED_ACTIONS
from headway.core.forms import LongTextBounds
from headway.domain import plain
from headway.plans.models import Action, Horizon

# Plain integer fields: an out-of-range value reaches the service, which says what is allowed.
_PROFICIENCY = [("", "Choose…"), *((n, f"{n}: {w}") for n, w in PROFICIENCY_WORDS.items())]
_ENJOYMENT = [("", "Choose…"), *((n, f"{n}: {w}") for n, w in ENJOYMENT_WORDS.items())]


def _rating_field(label: str, choices: list[Any], help_text: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        widget=forms.Select(choices=choices),
        help_text=help_text,
        error_messages={"invalid": "Choose a rating from 1 to 5."},
    )


class SkillRatingForm(LongTextBounds, forms.Form):
    proficiency = _rating_field(
        "How good are you at it?", _PROFICIENCY, "1 beginner, 3 capable, 5 expert."
    )
    enjoyment = _rating_field(
        "How much do you enjoy using it?", _ENJOYMENT, "1 dislike it, 5 love it."
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Where you used or learnt it: a course, a project, a job. Optional.",
    )


class SkillAddForm(SkillRatingForm):
    name = forms.CharField(
        label="Skill",
        max_length=200,
        required=False,
        help_text="Type and pick a suggestion, or keep your own words.",
    )
    skill_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = ("name", "skill_id", "proficiency", "enjoyment", "evidence")


class TraitForm(LongTextBounds, forms.Form):
    kind = forms.CharField()


class GapGoalForm(LongTextBounds, forms.Form):
    skill_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    technology = forms.CharField(required=False, max_length=250, widget=forms.HiddenInput)
    horizon = forms.TypedChoiceField(
        choices=Horizon.choices, coerce=int, required=False, widget=forms.HiddenInput
    )
    action_kinds = forms.MultipleChoiceField(
        label="Start with",
        required=False,
        choices=[(k, Action.Kind(k).label) for k in SUGGESTED_ACTIONS],
        widget=forms.CheckboxSelectMultiple,
    )


class MatchFilterForm(LongTextBounds, forms.Form):
    max_job_zone = forms.TypedChoiceField(
        label="Preparation you are ready for",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="From little or no preparation to extensive (often a graduate degree), "
        "as O*NET groups occupations.",
    )
    min_pay = forms.DecimalField(
        label="Median pay at least (US$ a year)",
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=0,
        widget=forms.NumberInput(attrs={"step": 1000, "inputmode": "numeric"}),
    )
    min_growth = forms.DecimalField(
        label="Projected growth at least (%)",
        required=False,
        min_value=-100,
        max_value=1000,
        max_digits=5,
        decimal_places=1,
        help_text="Change in employment over the next ten years (BLS projections).",
    )

    def __init__(self, *args: Any, job_zones: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["max_job_zone"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            ("", "Any"),
            *((z, f"At most: {plain.job_zone_name(z) or name}") for z, name in job_zones),
        ]

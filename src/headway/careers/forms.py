"""HTML forms of the explorer: the search and filter form (GET) and the target form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from headway.careers.search import Filters
from headway.core.forms import LongTextBounds
from headway.domain.plain import JOB_ZONE_NAMES
from headway.domain.riasec import TYPE_NAMES, TYPES

JOB_ZONE_CHOICES = [("", "Any"), *((str(zone), name) for zone, name in JOB_ZONE_NAMES.items())]
INTEREST_CHOICES = [("", "Any"), *((letter, TYPE_NAMES[letter]) for letter in TYPES)]


class ExploreForm(LongTextBounds, forms.Form):
    """Search words and filters; every field is optional."""

    q = forms.CharField(
        label="Job title or keyword",
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "placeholder": "e.g. nurse, web developer",
            }
        ),
    )
    job_zone = forms.TypedChoiceField(
        label="Preparation needed",
        choices=JOB_ZONE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    education = forms.ChoiceField(label="Typical entry education", required=False, choices=[])
    min_pay = forms.IntegerField(
        label="Median pay at least (US$ a year)", min_value=0, max_value=1_000_000, required=False
    )
    min_growth = forms.DecimalField(
        label="Projected growth at least (% over 10 years)",
        min_value=Decimal(-100),
        max_value=Decimal(1000),
        decimal_places=1,
        required=False,
    )
    interest = forms.ChoiceField(
        label="Interest type (RIASEC)", choices=INTEREST_CHOICES, required=False
    )
    interest_min = forms.DecimalField(
        label="Interest score at least (1 to 7)",
        min_value=Decimal(1),
        max_value=Decimal(7),
        decimal_places=1,
        required=False,
        help_text="Without a score, the type must be the occupation's strongest.",
    )

    def __init__(self, *args: Any, education_levels: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["education"].choices = [("", "Any"), *((e, e) for e in education_levels)]  # type: ignore[attr-defined]

    def filters(self) -> Filters:
        """Return the filters of a valid form."""
        data = self.cleaned_data
        interest_min = data.get("interest_min")
        return Filters(
            job_zone=data.get("job_zone"),
            education=data.get("education") or None,
            min_pay=Decimal(data["min_pay"]) if data.get("min_pay") is not None else None,
            min_growth=data.get("min_growth"),
            interest=data.get("interest") or None,
            interest_min=float(interest_min) if interest_min is not None else None,
        )

    @property
    def has_filters(self) -> bool:
        return self.is_bound and self.is_valid() and self.filters().active


class TargetForm(LongTextBounds, forms.Form):
    """Which occupation a vision aims at (by its URL key)."""

    occupation = forms.CharField(max_length=40, widget=forms.HiddenInput)

"""HTML forms of the Network step. They check types and required inputs; the rules live in services.

Goal and contact choices list only the user's own, so the page cannot offer anyone else's.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from headway.core.forms import LongTextBounds
from headway.domain.networking import OTHER_EMAILS_MAX, OTHER_PHONES_MAX
from headway.domain.vcard import MAX_BYTES, format_size
from headway.network.models import Contact, Event, Interaction
from headway.plans.models import Goal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.statement)


class ChoiceList(forms.CheckboxSelectMultiple):
    """Checkboxes in a bordered, scrolling list: the class styles the list, never the boxes."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={**(attrs or {}), "class": "choice-list"})

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["attrs"].pop("class", None)
        return option


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.organisation})" if obj.organisation else str(obj.name)


def _goals_field(goals: QuerySet[Goal], help_text: str) -> GoalChoiceField:
    # With no goals there is nothing to tick: say so instead of showing an empty list.
    if not goals.exists():
        help_text = "You have no goals yet; link them here once you set some in your plan."
    return GoalChoiceField(
        queryset=goals,
        required=False,
        label="Goals",
        help_text=help_text,
        widget=ChoiceList(),
    )


def _statement(goal: Goal) -> str:
    return goal.statement


def _ids(values: Any) -> list[int]:
    return [value.pk for value in values or []]


class ContactForm(LongTextBounds, forms.Form):
    # Text inputs, not EmailField or URLField: the service's messages are the ones shown.
    name = forms.CharField(
        label="Name", required=False, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    organisation = forms.CharField(label="Organisation", required=False)
    role = forms.CharField(label="Role", required=False, help_text="Their job title.")
    relationship = forms.ChoiceField(
        label="Relationship", choices=Contact.Relationship.choices, initial="other"
    )
    how_met = forms.CharField(
        label="How you met", required=False, help_text="For example “PyCon 2025, the data panel”."
    )
    email = forms.CharField(
        label="Email", required=False, widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    other_emails = forms.CharField(
        label="Other emails",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
        help_text=f"More email addresses, one per line (up to {OTHER_EMAILS_MAX}).",
    )
    phone = forms.CharField(
        label="Phone", required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    other_phones = forms.CharField(
        label="Other phones",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=f"More phone numbers, one per line (up to {OTHER_PHONES_MAX}).",
    )
    links = forms.CharField(
        label="Links",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One a line, starting with http:// or https:// (a profile, a website).",
    )
    tags = forms.CharField(
        label="Tags", required=False, help_text="Separated by commas, such as “data, Berlin”."
    )
    keep_in_touch_weeks = forms.IntegerField(
        label="Keep in touch every … weeks",
        required=False,
        help_text="You get a reminder when it is time. Leave empty for no reminder.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, goals: QuerySet[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = _goals_field(goals, "The goals this contact can help with.")
        self.order_fields([*(name for name in self.fields if name != "notes"), "notes"])

    @classmethod
    def initial_for(cls, contact: Contact) -> dict[str, Any]:
        """Return the form's starting values for an existing contact."""
        return {
            "name": contact.name,
            "organisation": contact.organisation,
            "role": contact.role,
            "relationship": contact.relationship,
            "how_met": contact.how_met,
            "email": contact.email,
            "other_emails": "\n".join(contact.other_emails),
            "phone": contact.phone,
            "other_phones": "\n".join(contact.other_phones),
            "links": "\n".join(contact.links),
            "tags": ", ".join(t.name for t in contact.tags.all()),
            "keep_in_touch_weeks": contact.keep_in_touch_weeks,
            "notes": contact.notes,
            "goals": [g.pk for g in contact.goals.all()],
        }

    def contact_data(self) -> dict[str, Any]:
        """Return the cleaned input as the contact services take it."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "goals"}
        data["goal_ids"] = _ids(self.cleaned_data.get("goals"))
        return data


class ContactFilterForm(LongTextBounds, forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Name, organisation, email, phone, notes…"}
        ),
    )
    tag = forms.ChoiceField(label="Tag", required=False)
    relationship = forms.ChoiceField(
        label="Relationship",
        required=False,
        choices=[("", "Any relationship"), *Contact.Relationship.choices],
    )
    goal = forms.TypedChoiceField(label="Goal", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, tags: list[str], goals: QuerySet[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tag_field = self.fields["tag"]
        assert isinstance(tag_field, forms.ChoiceField)
        tag_field.choices = [("", "Any tag"), *((t, t) for t in tags)]
        goal_field = self.fields["goal"]
        assert isinstance(goal_field, forms.ChoiceField)
        goal_field.choices = [("", "Any goal"), *((g.pk, g.statement) for g in goals)]


class ImportForm(LongTextBounds, forms.Form):
    file = forms.FileField(
        label="vCard file (.vcf)",
        help_text=(
            f"Exported from Apple Contacts, Google Contacts, Outlook or Thunderbird; up to "
            f"{format_size(MAX_BYTES)}, saved as UTF-8. Contacts you already have (same email, or "
            "same name) are skipped."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".vcf,.vcard,text/vcard,text/x-vcard"}),
    )
    preview = forms.BooleanField(
        label="Preview only: show what would be imported, and import nothing", required=False
    )


class InteractionForm(LongTextBounds, forms.Form):
    contact = forms.ModelChoiceField(queryset=Contact.objects.none(), label="With")
    kind = forms.ChoiceField(label="Type", choices=Interaction.Kind.choices)
    occurred_on = forms.DateField(label="Date", widget=DateInput())
    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(),
        label="For goal",
        required=False,
        empty_label="No particular goal",
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, contacts: QuerySet[Contact], goals: QuerySet[Goal], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        contact_field = self.fields["contact"]
        goal_field = self.fields["goal"]
        assert isinstance(contact_field, forms.ModelChoiceField)
        assert isinstance(goal_field, forms.ModelChoiceField)
        contact_field.queryset = contacts
        goal_field.queryset = goals
        goal_field.label_from_instance = _statement  # type: ignore[method-assign,assignment]

    def interaction_data(self) -> dict[str, Any]:
        """Return the cleaned input as the interaction services take it."""
        goal = self.cleaned_data.get("goal")
        return {
            "contact_id": self.cleaned_data["contact"].pk,
            "kind": self.cleaned_data["kind"],
            "occurred_on": self.cleaned_data["occurred_on"],
            "notes": self.cleaned_data.get("notes") or "",
            "goal_id": goal.pk if goal else None,
        }


class EventForm(LongTextBounds, forms.Form):
    name = forms.CharField(label="Name", required=False)
    kind = forms.ChoiceField(label="Type", choices=Event.Kind.choices, initial="meetup")
    held_on = forms.DateField(label="Date", widget=DateInput())
    place = forms.CharField(
        label="Place", required=False, help_text="A venue and city, or “online”."
    )
    url = forms.CharField(
        label="Link", required=False, widget=forms.URLInput(attrs={"autocomplete": "off"})
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self,
        *args: Any,
        goals: QuerySet[Goal],
        contacts: QuerySet[Contact],
        shown: list[Contact],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = _goals_field(goals, "The goals going there serve.")
        field = ContactChoiceField(
            queryset=contacts,
            required=False,
            label="Contacts you met there",
            help_text="Those already chosen and your latest contacts; find others above.",
            widget=ChoiceList(),
        )
        # Any of the user's contacts is accepted; only a bounded few are listed.
        field.widget.choices = [(c.pk, field.label_from_instance(c)) for c in shown]
        self.fields["contacts"] = field

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        """Return the form's starting values for an existing event."""
        return {
            "name": event.name,
            "kind": event.kind,
            "held_on": event.held_on,
            "place": event.place,
            "url": event.url,
            "notes": event.notes,
            "goals": [g.pk for g in event.goals.all()],
            "contacts": [c.pk for c in event.contacts.all()],
        }

    def event_data(self) -> dict[str, Any]:
        """Return the cleaned input as the event services take it."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("goals", "contacts")}
        data["goal_ids"] = _ids(self.cleaned_data.get("goals"))
        data["contact_ids"] = _ids(self.cleaned_data.get("contacts"))
        return data


class FollowUpForm(LongTextBounds, forms.Form):
    text = forms.CharField(
        label="Follow-up", required=False, help_text="For example “Send my CV to Zoë”."
    )
    due_on = forms.DateField(label="By", widget=DateInput())
    done = forms.BooleanField(label="Done", required=False)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["done"]


class OrganisationForm(LongTextBounds, forms.Form):
    name = forms.CharField(label="Name", required=False)
    member_since = forms.DateField(label="Member since", required=False, widget=DateInput())
    role = forms.CharField(
        label="Your role", required=False, help_text="Member, volunteer, committee chair…"
    )
    url = forms.CharField(
        label="Link", required=False, widget=forms.URLInput(attrs={"autocomplete": "off"})
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, goals: QuerySet[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = _goals_field(goals, "The goals this membership serves.")

    def organisation_data(self) -> dict[str, Any]:
        """Return the cleaned input as the organisation services take it."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "goals"}
        data["goal_ids"] = _ids(self.cleaned_data.get("goals"))
        return data


class TargetForm(LongTextBounds, forms.Form):
    goal = forms.ModelChoiceField(queryset=Goal.objects.none(), label="Goal")
    kind = forms.ChoiceField(
        label="Count these interactions",
        choices=Interaction.Kind.choices,
        initial=Interaction.Kind.INFORMATIONAL_INTERVIEW,
    )
    starts_on = forms.DateField(
        label="Count from",
        required=False,
        widget=DateInput(),
        help_text="Leave empty to count from the day you set the goal. Counting ends on its "
        "target date.",
    )
    only_for_goal = forms.BooleanField(
        label="Count only interactions logged for this goal", required=False
    )

    def __init__(self, *args: Any, goals: QuerySet[Goal] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if goals is None:
            # The goal of an existing count does not change.
            del self.fields["goal"]
            return
        goal_field = self.fields["goal"]
        assert isinstance(goal_field, forms.ModelChoiceField)
        goal_field.queryset = goals
        goal_field.label_from_instance = _statement  # type: ignore[method-assign,assignment]
        goal_field.help_text = (
            "A goal with a metric that should grow, such as “0 → 5 informational interviews”."
        )

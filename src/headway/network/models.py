"""The Network step: contacts, interactions, events, organisations, and goals that count.

Every row belongs to one user, directly or through its event, and goes when the account does.
Links to goals only ever point at the same user's goals (checked in `services`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from headway.domain import networking
from headway.plans.models import Goal


class Tag(models.Model):
    """A label a user puts on contacts, such as “data science” or “Berlin”."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_tags"
    )
    name = models.CharField(max_length=40)

    class Meta:
        ordering = (Lower("name"),)
        constraints = [
            models.UniqueConstraint(Lower("name"), "user", name="network_tag_unique_per_user")
        ]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """A person the user knows professionally."""

    class Relationship(models.TextChoices):
        MENTOR = "mentor", "Mentor"
        PEER = "peer", "Peer"
        MANAGER = "manager", "Manager"
        RECRUITER = "recruiter", "Recruiter"
        ALUMNUS = "alumnus", "Alumnus"
        OTHER = "other", "Other"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    how_met = models.CharField("How you met", max_length=500, blank=True)
    relationship = models.CharField(
        max_length=10, choices=Relationship.choices, default=Relationship.OTHER
    )
    # The main email and phone (duplicate detection and the index use `email`); the others are
    # lists of strings checked like them (`networking.main_and_others`).
    email = models.CharField(max_length=254, blank=True)
    other_emails = models.JSONField("Other email addresses", default=list, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    other_phones = models.JSONField("Other phone numbers", default=list, blank=True)
    links = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    keep_in_touch_weeks = models.PositiveSmallIntegerField(
        "Keep in touch every (weeks)", null=True, blank=True
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts")
    goals = models.ManyToManyField(Goal, blank=True, related_name="contacts")
    # The searchable fields folded by `networking.search_text`, kept by save() and
    # `refresh_search_text()`, so search ignores case and accents on every database.
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    SEARCHED_FIELDS = (
        "name",
        "organisation",
        "role",
        "email",
        "other_emails",
        "phone",
        "other_phones",
        "how_met",
        "notes",
    )

    class Meta:
        ordering = (Lower("name"), "id")
        indexes = [models.Index(fields=("user", "email"), name="network_contact_user_email")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_text()
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    def refresh_search_text(self) -> None:
        """Fold the searched fields into `search_text` (bulk_create does not call save)."""
        self.search_text = networking.search_text(
            *(getattr(self, name) for name in self.SEARCHED_FIELDS)
        )

    @property
    def added_on(self) -> date:
        return self.created_at.date()


class Interaction(models.Model):
    """A coffee, call, email, interview or meeting with a contact, on a day."""

    class Kind(models.TextChoices):
        COFFEE = "coffee", "Coffee"
        CALL = "call", "Call"
        EMAIL = "email", "Email"
        INFORMATIONAL_INTERVIEW = "informational_interview", "Informational interview"
        EVENT_MEETING = "event_meeting", "Meeting at an event"
        OTHER = "other", "Other"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interactions"
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField("Type", max_length=30, choices=Kind.choices, default=Kind.COFFEE)
    occurred_on = models.DateField("Date")
    notes = models.TextField(blank=True)
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="interactions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-occurred_on", "-id")
        indexes = [
            models.Index(fields=("user", "kind", "occurred_on"), name="network_interaction_count"),
            models.Index(fields=("contact", "occurred_on"), name="network_interaction_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.contact} on {self.occurred_on}"


class Event(models.Model):
    """A career fair, meetup, conference or seminar the user went to (or plans to)."""

    class Kind(models.TextChoices):
        CAREER_FAIR = "career_fair", "Career fair"
        MEETUP = "meetup", "Meetup"
        CONFERENCE = "conference", "Conference"
        SEMINAR = "seminar", "Seminar"
        OTHER = "other", "Other"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_events"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField("Type", max_length=12, choices=Kind.choices, default=Kind.MEETUP)
    held_on = models.DateField("Date")
    place = models.CharField(max_length=200, blank=True)
    url = models.CharField("Link", max_length=500, blank=True)
    notes = models.TextField(blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="network_events")
    contacts = models.ManyToManyField(Contact, blank=True, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-held_on", "-id")

    def __str__(self) -> str:
        return self.name


class FollowUp(models.Model):
    """Something to do after an event: write to someone, send a CV, apply."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField(max_length=300)
    due_on = models.DateField("Due date")
    done = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("done", "due_on", "id")

    def __str__(self) -> str:
        return self.text


class Organisation(models.Model):
    """A professional organisation the user belongs to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    member_since = models.DateField("Member since", null=True, blank=True)
    role = models.CharField("Your role", max_length=200, blank=True)
    url = models.CharField("Link", max_length=500, blank=True)
    notes = models.TextField(blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="organisations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (Lower("name"), "id")

    def __str__(self) -> str:
        return self.name


class GoalInteractionTarget(models.Model):
    """Ties a goal's metric to the count of interactions of one type in the goal's period.

    The period runs from `starts_on` (or the goal's creation) to the goal's target date, read
    from the goal each time so that moving the target date moves the period.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interaction_targets"
    )
    goal = models.OneToOneField(Goal, on_delete=models.CASCADE, related_name="interaction_target")
    kind = models.CharField(
        "Interactions to count", max_length=30, choices=Interaction.Kind.choices
    )
    starts_on = models.DateField("Count from", null=True, blank=True)
    only_for_goal = models.BooleanField(
        "Count only interactions logged for this goal", default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("goal__rank", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.goal}"

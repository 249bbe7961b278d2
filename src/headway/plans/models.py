"""The career plan: a vision, strengths and weaknesses, goals with milestones, actions and reviews.

Every row belongs to one user, directly or through its goal, and goes when the account does.
Writes go through `services`; reads of a user's rows through `selectors`.
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models

from headway.domain.planning import Progress, format_number, goal_progress


def new_calendar_token() -> str:
    """Return a fresh secret for a calendar feed URL."""
    return secrets.token_urlsafe(32)


HOURS_PER_WEEK_MIN = 1
HOURS_PER_WEEK_MAX = 80


class PlanSettings(models.Model):
    """One user's plan-wide choices and what the coach may know of them.

    Focus limit, reminder emails and calendar feed secret; and the hours a week and highest
    education, which let the coach judge whether a goal is attainable.
    """

    class Education(models.TextChoices):
        # The labels are read by the SMART coach (`domain.smart.fit._education_zone`):
        # a reworded label must keep the words that place it in the right job zone.
        NONE = "none", "No formal education"
        HIGH_SCHOOL = "high_school", "High school or equivalent"
        SOME_COLLEGE = "some_college", "Some college, or a postsecondary certificate"
        ASSOCIATE = "associate", "Associate degree"
        BACHELOR = "bachelor", "Bachelor's degree"
        MASTER = "master", "Master's degree"
        DOCTORAL = "doctoral", "Doctoral or professional degree"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_settings"
    )
    focus_limit = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="How many goals may be active at once (1 to 10).",
    )
    email_reminders = models.BooleanField(
        default=True, help_text="Email me when reviews are due and milestones are close or late."
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    calendar_token_created_at = models.DateTimeField(auto_now_add=True)
    hours_per_week = models.PositiveSmallIntegerField(
        "Hours a week you can give your goals",
        null=True,
        blank=True,
        validators=[MinValueValidator(HOURS_PER_WEEK_MIN), MaxValueValidator(HOURS_PER_WEEK_MAX)],
    )
    education_level = models.CharField(
        "Highest education so far", max_length=20, choices=Education.choices, blank=True
    )

    class Meta:
        verbose_name_plural = "plan settings"

    def __str__(self) -> str:
        return f"Plan settings of {self.user}"


class Horizon(models.IntegerChoices):
    FIVE = 5, "5 years"
    TEN = 10, "10 years"


class Vision(models.Model):
    """Where the user wants to be at one horizon. Each saved state is kept as a VisionVersion.

    Fields listed in `TRACKED_FIELDS` are copied into each version; a field added later (such as
    a link to an occupation) joins the history by being added there.
    """

    class WorkMode(models.TextChoices):
        ANY = "any", "No preference"
        ONSITE = "onsite", "On site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    TRACKED_FIELDS: dict[str, str] = {
        "target_role": "Target role",
        "responsibilities": "Responsibilities",
        "salary_min": "Salary from",
        "salary_max": "Salary up to",
        "salary_currency": "Currency",
        "location": "Location",
        "work_mode": "Way of working",
        "why": "Why it matters",
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visions"
    )
    horizon = models.PositiveSmallIntegerField(choices=Horizon.choices)
    target_role = models.CharField("Target role", max_length=200)
    responsibilities = models.TextField("Responsibilities you want", blank=True)
    salary_min = models.DecimalField(
        "Salary from (per year)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    salary_max = models.DecimalField(
        "Salary up to (per year)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    salary_currency = models.CharField("Currency", max_length=3, blank=True)
    location = models.CharField("Location", max_length=200, blank=True)
    work_mode = models.CharField(
        "Way of working", max_length=10, choices=WorkMode.choices, default=WorkMode.ANY
    )
    why = models.TextField("Why it matters to you", blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("horizon",)
        constraints = [
            models.UniqueConstraint(fields=("user", "horizon"), name="plans_one_vision_per_horizon")
        ]

    def __str__(self) -> str:
        return f"{self.get_horizon_display()}: {self.target_role}"

    @property
    def name(self) -> str:
        """Return how pages name this vision: "5-year vision"."""
        return f"{self.horizon}-year vision"


class VisionVersion(models.Model):
    """A saved state of a vision, kept when it is revised."""

    vision = models.ForeignKey(Vision, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=("vision", "number"), name="plans_vision_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.vision} v{self.number}"


class Trait(models.Model):
    """A strength or a weakness the user notes about themselves."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        WEAKNESS = "weakness", "Weakness"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="traits"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=120)
    note = models.TextField(blank=True)
    goal = models.ForeignKey(
        "Goal", on_delete=models.SET_NULL, null=True, blank=True, related_name="from_traits"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("kind", "created_at", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Goal(models.Model):
    """A goal serving a vision, with an optional metric, a review cadence and a rank."""

    class Category(models.TextChoices):
        EDUCATION = "education", "Education"
        SKILL = "skill", "Skill"
        EXPERIENCE = "experience", "Experience"
        ROLE = "role", "Job or role"
        NETWORK = "network", "Network"
        CREDENTIAL = "credential", "Credential"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        ACHIEVED = "achieved", "Achieved"
        DROPPED = "dropped", "Dropped"

    class Direction(models.TextChoices):
        INCREASE = "increase", "Increase (more is better)"
        DECREASE = "decrease", "Decrease (less is better)"

    class Cadence(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        BIWEEKLY = "biweekly", "Every two weeks"
        MONTHLY = "monthly", "Every month"
        QUARTERLY = "quarterly", "Every three months"

    class Level(models.IntegerChoices):
        LOW = 1, "Low"
        MEDIUM = 2, "Medium"
        HIGH = 3, "High"

    OPEN_STATUSES = (Status.DRAFT, Status.ACTIVE, Status.PAUSED)
    # Every field kept in a goal's history, in the order the history shows them.
    TRACKED_FIELDS: dict[str, str] = {
        "statement": "Statement",
        "category": "Category",
        "horizon": "Vision",
        "why": "Why it matters",
        "target_date": "Target date",
        "status": "Status",
        "metric_baseline": "Metric baseline",
        "metric_target": "Metric target",
        "metric_unit": "Metric unit",
        "metric_direction": "Metric direction",
        "review_cadence": "Review cadence",
        "impact": "Impact",
        "effort": "Effort",
    }
    # Changing one of these on an existing goal needs a reason.
    KEY_FIELDS = (
        "statement",
        "category",
        "horizon",
        "target_date",
        "status",
        "metric_baseline",
        "metric_target",
        "metric_unit",
        "metric_direction",
    )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    statement = models.CharField("Goal", max_length=300)
    category = models.CharField(max_length=12, choices=Category.choices, default=Category.SKILL)
    horizon = models.PositiveSmallIntegerField(
        "Vision it serves", choices=Horizon.choices, default=Horizon.FIVE
    )
    why = models.TextField("Why it matters", blank=True)
    target_date = models.DateField("Target date")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    metric_baseline = models.DecimalField(
        "Baseline", max_digits=14, decimal_places=2, null=True, blank=True
    )
    metric_target = models.DecimalField(
        "Target", max_digits=14, decimal_places=2, null=True, blank=True
    )
    metric_current = models.DecimalField(
        "Current value", max_digits=14, decimal_places=2, null=True, blank=True
    )
    metric_unit = models.CharField("Unit", max_length=40, blank=True)
    metric_direction = models.CharField(
        "Direction", max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    impact = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.MEDIUM)
    effort = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.MEDIUM)
    rank = models.PositiveIntegerField(default=0)
    review_cadence = models.CharField(
        "Review", max_length=10, choices=Cadence.choices, default=Cadence.MONTHLY
    )
    next_review_on = models.DateField(null=True, blank=True)
    activated_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("rank", "id")
        indexes = [
            models.Index(fields=("user", "rank"), name="plans_goal_user_rank"),
            models.Index(fields=("status", "next_review_on"), name="plans_goal_review_due"),
        ]

    def __str__(self) -> str:
        return self.statement

    @property
    def has_metric(self) -> bool:
        return self.metric_baseline is not None and self.metric_target is not None

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def milestone_counts(self) -> tuple[int, int]:
        """Return (done, total) milestones, from annotations when the selector added them."""
        if hasattr(self, "ms_total"):
            return int(getattr(self, "ms_done", 0) or 0), int(self.ms_total or 0)
        milestones = list(self.milestones.all())
        return sum(1 for m in milestones if m.done_at is not None), len(milestones)

    @property
    def progress(self) -> Progress:
        cached: Progress | None = getattr(self, "_progress", None)
        if cached is None:
            done, total = self.milestone_counts()
            cached = goal_progress(
                milestones_done=done,
                milestones_total=total,
                baseline=self.metric_baseline,
                target=self.metric_target,
                current=self.metric_current,
                direction=self.metric_direction,
            )
            self._progress = cached
        return cached

    def is_overdue_on(self, today: date) -> bool:
        return self.is_open and self.target_date < today


class GoalVersion(models.Model):
    """One change to a goal (or its creation): what changed, old and new, and why."""

    class Source(models.TextChoices):
        CREATED = "created", "Created"
        EDIT = "edit", "Edited"
        STATUS = "status", "Status change"
        REVIEW = "review", "Review"
        FOCUS = "focus", "Focus"
        FEEDBACK = "feedback", "Feedback"
        OTHER = "other", "Other"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    source = models.CharField(max_length=20, default=Source.EDIT)
    reason = models.TextField(blank=True)
    review = models.ForeignKey(
        "Review", on_delete=models.SET_NULL, null=True, blank=True, related_name="versions"
    )
    # [{"field", "label", "old", "new", "old_display", "new_display"}], in TRACKED_FIELDS order.
    changes = models.JSONField(default=list)
    snapshot = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=("goal", "number"), name="plans_goal_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.goal} v{self.number}"


class Milestone(models.Model):
    """A dated step towards a goal; done when `done_at` is set."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField("Due date")
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("due_on", "id")
        indexes = [models.Index(fields=("due_on",), name="plans_milestone_due")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Action(models.Model):
    """Something to do or use for a goal: a course, a project, a mentor, a book."""

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        CERTIFICATION = "certification", "Certification"
        TRAINING = "training", "Training"
        INTERNSHIP = "internship", "Internship"
        VOLUNTEERING = "volunteering", "Volunteering"
        PROJECT = "project", "Project"
        MENTORSHIP = "mentorship", "Mentorship"
        EVENT = "event", "Event"
        READING = "reading", "Reading"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        TODO = "todo", "To do"
        DOING = "doing", "Doing"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    kind = models.CharField("Type", max_length=15, choices=Kind.choices, default=Kind.COURSE)
    url = models.URLField(
        "Link", max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    cost_amount = models.DecimalField(
        "Cost", max_digits=10, decimal_places=2, null=True, blank=True
    )
    cost_currency = models.CharField("Currency", max_length=3, blank=True)
    hours = models.DecimalField(
        "Expected hours", max_digits=7, decimal_places=1, null=True, blank=True
    )
    due_on = models.DateField("Due date", null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TODO)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("due_on", "id")

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.DROPPED)


class Review(models.Model):
    """A look back at a goal: progress, what worked, obstacles, and what to do next."""

    class Decision(models.TextChoices):
        KEEP = "keep", "Keep going as planned"
        ADJUST = "adjust", "Adjust the goal"
        DROP = "drop", "Drop the goal"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    progress = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    metric_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    worked = models.TextField("What worked", blank=True)
    obstacles = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.KEEP)
    decision_note = models.TextField("Why", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-reviewed_on", "-id")

    def __str__(self) -> str:
        return f"Review of {self.goal} on {self.reviewed_on}"


class MetricReading(models.Model):
    """A value of a goal's metric on a day, from a review or an update."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="readings")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    recorded_on = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, null=True, blank=True, related_name="readings"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("recorded_on", "id")

    def __str__(self) -> str:
        return f"{self.value} on {self.recorded_on}"


class Reminder(models.Model):
    """A reminder claimed for sending. The unique key makes each one go out at most once.

    `kind` is namespaced by the source that produced it (see `plans.reminders`); `object_id`
    is the id of the thing reminded of, and `due_on` its due date, so a moved date reminds anew.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_reminders"
    )
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    due_on = models.DateField()
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-claimed_at",)
        constraints = [
            models.UniqueConstraint(
                fields=("user", "kind", "object_id", "due_on"), name="plans_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} due {self.due_on}"


def snapshot_value(value: Any) -> Any:
    """Return a model value as JSON-ready data for a version snapshot."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)

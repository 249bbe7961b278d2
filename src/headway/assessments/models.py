"""Know yourself: interest questionnaire attempts, a rated skills inventory, skill-gap goals.

`InterestItem` is reference data loaded from the Interest Item Pool codebook by
`assessments.importer`; everything else belongs to one user and goes with the account.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

RATING_MIN = 1
RATING_MAX = 5


class InterestItem(models.Model):
    """One activity of the RIASEC Interest Item Pool, e.g. I2 "Study animal behavior"."""

    code = models.CharField(max_length=4, unique=True)
    type = models.CharField(max_length=1)
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=250)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class InterestAttempt(models.Model):
    """One go at the questionnaire. Unfinished until `completed_at`; scores are kept then."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interest_attempts"
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    holland_code = models.CharField(max_length=3, blank=True)
    code_has_tie = models.BooleanField(default=False)
    # {"means": {R: 1-5}, "percent": {R: 0-100}, "oi": {R: 1-7}}, set on completion.
    scores = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-started_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("user",),
                condition=Q(completed_at__isnull=True),
                name="assessments_one_open_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"Attempt {self.pk} of {self.user_id}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def percent(self) -> dict[str, Any]:
        return dict(self.scores.get("percent", {}))

    @property
    def oi(self) -> dict[str, Any]:
        return dict(self.scores.get("oi", {}))


class InterestAnswer(models.Model):
    """A rating of one activity, 1 (dislike) to 5 (enjoy)."""

    attempt = models.ForeignKey(InterestAttempt, on_delete=models.CASCADE, related_name="answers")
    # PROTECT: the importer updates items in place and never deletes them.
    item = models.ForeignKey(InterestItem, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=("attempt", "item"), name="assessments_answer_once"),
            models.CheckConstraint(
                condition=Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="assessments_answer_rating_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.rating}"


class UserSkill(models.Model):
    """A skill in the user's inventory: an ESCO skill, or free text when none fits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_ratings"
    )
    skill = models.ForeignKey(
        "careers.Skill", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=250, help_text="As typed, or the skill's label.")
    # Free text folded for merging ("Public speaking" and "public  SPEAKING" are one skill).
    name_key = models.CharField(max_length=250)
    proficiency = models.PositiveSmallIntegerField()
    enjoyment = models.PositiveSmallIntegerField()
    evidence = models.TextField(blank=True)
    trait = models.ForeignKey(
        "plans.Trait", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("name_key", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("user", "skill"),
                condition=Q(skill__isnull=False),
                name="assessments_skill_once",
            ),
            models.UniqueConstraint(
                fields=("user", "name_key"),
                condition=Q(skill__isnull=True),
                name="assessments_free_skill_once",
            ),
            models.CheckConstraint(
                condition=Q(proficiency__gte=RATING_MIN, proficiency__lte=RATING_MAX),
                name="assessments_proficiency_range",
            ),
            models.CheckConstraint(
                condition=Q(enjoyment__gte=RATING_MIN, enjoyment__lte=RATING_MAX),
                name="assessments_enjoyment_range",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """Return the skill's current label, or the free text."""
        return self.skill.label if self.skill_id is not None and self.skill else self.name

    @property
    def is_free_text(self) -> bool:
        return self.skill_id is None


class GapGoal(models.Model):
    """The goal a missing skill of the user's target occupation was turned into.

    The skill is an ESCO skill or, in the gap of an O*NET occupation without a close ESCO one,
    an O*NET technology named by its example title ("Tableau"): exactly one of the two is set.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gap_goals"
    )
    skill = models.ForeignKey(
        "careers.Skill", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    technology = models.CharField(max_length=250, blank=True)
    goal = models.ForeignKey("plans.Goal", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(
                fields=("user", "skill"),
                condition=models.Q(skill__isnull=False),
                name="assessments_gap_goal_once",
            ),
            models.UniqueConstraint(
                fields=("user", "technology"),
                condition=models.Q(skill__isnull=True),
                name="assessments_gap_goal_technology_once",
            ),
            models.CheckConstraint(
                condition=models.Q(skill__isnull=False, technology="")
                | (models.Q(skill__isnull=True) & ~models.Q(technology="")),
                name="assessments_gap_goal_skill_or_technology",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skill_id or self.technology} -> {self.goal_id}"

    @property
    def label(self) -> str:
        """Return the skill's label or the technology's name."""
        return self.skill.label if self.skill is not None else self.technology

"""Feedback on a plan: invitations, reviewers' access, conversations, SMART ratings, adjustments.

The plan's owner invites a reviewer by email (`Invitation`); accepting it opens a
`ReviewerAccess` to the whole plan or to chosen goals. Owner and reviewer then talk in
`Comment` rows on a goal, the reviewer rates the goal's SMART criteria (`CriterionRating`),
and the owner may turn a comment or rating into a new goal version (`Adjustment`).

Deleting the owner's account deletes all of it (every row hangs off the owner or their goals).
Deleting a reviewer's account ends their access (the `ReviewerAccess` rows go with them) and
anonymises what they wrote: their comments and ratings stay in the owner's plan, where goal
versions may cite them, but no longer point to them and are shown as from "a former reviewer".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from headway.feedback import rules
from headway.plans.models import Goal, GoalVersion, Milestone

FORMER_REVIEWER = "a former reviewer"


class Scope(models.TextChoices):
    PLAN = "plan", "The whole plan"
    GOALS = "goals", "Chosen goals"


ROLE_CHOICES = list(rules.ROLES.items())
CRITERION_CHOICES = list(rules.CRITERIA.items())
RATING_CHOICES = list(rules.RATINGS.items())


class Invitation(models.Model):
    """An emailed invitation to review the plan. The link's secret is stored only as a hash.

    It works once (`accepted_at`), until `expires_at`, unless `withdrawn_at` is set.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_invitations"
    )
    email = models.EmailField("Their email address")
    role = models.CharField(max_length=12, choices=ROLE_CHOICES, default="mentor")
    message = models.TextField(blank=True)
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.GOALS)
    goals = models.ManyToManyField(Goal, blank=True, related_name="feedback_invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_invitations_accepted",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [models.Index(fields=("owner", "email"), name="feedback_invite_owner_email")]

    def __str__(self) -> str:
        return f"Invitation to {self.email}"

    def state_at(self, now: datetime) -> rules.InvitationState:
        return rules.invitation_state(
            expires_at=self.expires_at,
            accepted_at=self.accepted_at,
            withdrawn_at=self.withdrawn_at,
            now=now,
        )

    @property
    def state(self) -> rules.InvitationState:
        return self.state_at(timezone.now())

    @property
    def is_pending(self) -> bool:
        return self.state == "pending"


class ReviewerAccess(models.Model):
    """A reviewer's read-only access to one owner's plan, or to some of its goals.

    Active while `ended_at` is empty; the owner ends it ("ended") or the reviewer leaves it
    ("left"). At most one active access per owner and reviewer.
    """

    class EndedBy(models.TextChoices):
        OWNER = "owner", "Ended by the owner"
        REVIEWER = "reviewer", "Left by the reviewer"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_reviewers"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_reviewing"
    )
    role = models.CharField(max_length=12, choices=ROLE_CHOICES, default="mentor")
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.GOALS)
    goals = models.ManyToManyField(Goal, blank=True, related_name="feedback_accesses")
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="access"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=8, choices=EndedBy.choices, blank=True)

    class Meta:
        ordering = ("-started_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("owner", "reviewer"),
                condition=models.Q(ended_at__isnull=True),
                name="feedback_one_active_access",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} reviews {self.owner}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    @property
    def whole_plan(self) -> bool:
        return self.scope == Scope.PLAN


class Comment(models.Model):
    """One message in a goal's feedback: the owner's question, a reviewer's comment, a reply.

    `reviewer` names the conversation a message belongs to: the reviewer who wrote a comment
    or answer, or whom the owner replies to. A question has none: every reviewer of the goal
    sees it. Replies hang off the question or comment that opened the thread (`parent`).
    `read_at` is when the person it was written to first saw it.
    """

    class Kind(models.TextChoices):
        QUESTION = "question", "Question"
        COMMENT = "comment", "Comment"
        REPLY = "reply", "Reply"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="feedback_comments")
    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback_comments",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_comments",
    )
    from_owner = models.BooleanField(default=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_conversations",
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "id")
        indexes = [
            models.Index(fields=("goal", "created_at"), name="feedback_comment_goal"),
            models.Index(fields=("reviewer", "read_at"), name="feedback_comment_unread"),
        ]

    def __str__(self) -> str:
        return rules.excerpt(self.body, 60)

    @property
    def author_name(self) -> str:
        return self.author.name if self.author is not None else FORMER_REVIEWER


class CriterionRating(models.Model):
    """A reviewer's judgement of one SMART criterion of a goal, with a note. Rating again
    replaces it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="feedback_ratings")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_ratings",
    )
    criterion = models.CharField(max_length=10, choices=CRITERION_CHOICES)
    rating = models.CharField(max_length=7, choices=RATING_CHOICES)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("goal", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("goal", "reviewer", "criterion"), name="feedback_one_rating_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return rules.rating_summary(self.criterion, self.rating, self.note)

    @property
    def reviewer_name(self) -> str:
        return self.reviewer.name if self.reviewer is not None else FORMER_REVIEWER

    @property
    def summary(self) -> str:
        return rules.rating_summary(self.criterion, self.rating, self.note)


class Adjustment(models.Model):
    """A goal version the owner made after a comment or a rating, linked to it."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="feedback_adjustments")
    version = models.OneToOneField(
        GoalVersion, on_delete=models.CASCADE, related_name="feedback_adjustment"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="adjustments"
    )
    rating = models.ForeignKey(
        CriterionRating,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjustments",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.goal} v{self.version.number} after feedback"

    def as_dict(self) -> dict[str, Any]:
        return {
            "goal_id": self.goal_id,
            "version": self.version.number,
            "reason": self.version.reason,
            "comment_id": self.comment_id,
            "rating_id": self.rating_id,
            "created_at": self.created_at.isoformat(),
        }

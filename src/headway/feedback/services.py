"""Writes on feedback. Every rule is checked here (or in `feedback.rules`), once.

A refused input raises `FeedbackError(field, message)`: forms show it next to the field, the API
answers 422 with it. An unusable invitation link raises `InvitationLinkError`, whose refusal
says what happened and what to do. Emails go out after the change is saved.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.core.links import site_link
from headway.domain.planning import PlanRuleError
from headway.feedback import rules, selectors, tokens
from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
    Scope,
)
from headway.feedback.rules import FeedbackError, InvitationLinkError
from headway.plans import services as plan_services
from headway.plans.models import Goal, Milestone

logger = logging.getLogger(__name__)

# The goal fields an adjustment after feedback may change.
ADJUSTABLE_FIELDS = ("statement", "target_date", "metric_target")
VERSION_SOURCE = "feedback"


def invitation_days() -> int:
    """Return how many days an invitation stays open (setting HEADWAY_FEEDBACK_INVITATION_DAYS)."""
    return int(getattr(settings, "HEADWAY_FEEDBACK_INVITATION_DAYS", rules.DEFAULT_INVITATION_DAYS))


def invitations_per_day() -> int:
    """Return how many invitations one person may send in 24 hours (setting
    HEADWAY_FEEDBACK_INVITATIONS_PER_DAY)."""
    return int(
        getattr(settings, "HEADWAY_FEEDBACK_INVITATIONS_PER_DAY", rules.DEFAULT_INVITATIONS_PER_DAY)
    )


def _send(to: Iterable[str], subject: str, template: str, context: dict[str, Any]) -> None:
    """Send a plain-text email; a failure is logged and never undoes the saved change."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    body = render_to_string(f"feedback/email/{template}.txt", context)
    try:
        send_mail(
            f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body,
            None,
            recipients,
        )
    except Exception:
        logger.exception("Could not send the feedback email %r", template)


# Invitations


def _clean_goals(owner: User, scope: str, goals: Sequence[Goal]) -> list[Goal]:
    rules.check_choice("scope", scope, dict(Scope.choices))
    if scope == Scope.PLAN:
        return []
    if not goals:
        raise FeedbackError("goals", "Choose at least one goal to share, or share the whole plan.")
    if any(g.user_id != owner.pk for g in goals):
        raise FeedbackError("goals", "Choose among your own goals.")
    return list(goals)


def invitation_link(token: str) -> str:
    """Return the absolute link that accepts an invitation."""
    return site_link(reverse("feedback-accept", args=[token]))


def invitation_create(
    *,
    owner: User,
    email: str,
    role: str = "mentor",
    message: str = "",
    scope: str = Scope.GOALS,
    goals: Sequence[Goal] = (),
) -> tuple[Invitation, str]:
    """Invite someone by email to review the whole plan or some goals; return the link's token.

    Refuses a malformed address, one of the owner's own, and one that already has a pending
    invitation or is an active reviewer. The token is signed and only its hash is kept.
    """
    address = rules.normalise_email(email)
    try:
        validate_email(address)
    except ValidationError as error:
        raise FeedbackError(
            "email", "Enter a full email address, such as dana@example.org."
        ) from error
    rules.check_choice("role", role, rules.ROLES)
    text = rules.check_text(
        "message", message, limit=rules.MESSAGE_MAX, what="message", required=False
    )
    chosen = _clean_goals(owner, scope, goals)
    token, stored = tokens.token_new()
    now = timezone.now()
    with transaction.atomic():
        # Locking the owner's row serialises their invitations, so a double submit cannot send
        # two invitations to one address.
        User.objects.select_for_update().filter(pk=owner.pk).first()
        rules.check_invitee(
            address, own=selectors.own_emails(owner), taken=selectors.taken_emails(owner)
        )
        sent = Invitation.objects.filter(owner=owner, created_at__gt=now - timedelta(days=1))
        rules.check_invitation_quota(sent.count(), limit=invitations_per_day())
        invitation = Invitation.objects.create(
            owner=owner,
            email=address,
            role=role,
            message=text,
            scope=scope,
            token_hash=stored,
            created_at=now,
            expires_at=now + timedelta(days=invitation_days()),
        )
        invitation.goals.set(chosen)
    _send(
        [address],
        f"{owner.name} asks for your feedback on their career plan",
        "invitation",
        {
            "owner": owner,
            "invitation": invitation,
            "goals": chosen,
            "link": invitation_link(token),
            "days": invitation_days(),
        },
    )
    return invitation, token


def invitation_withdraw(*, invitation: Invitation) -> Invitation:
    """Withdraw an invitation that was not accepted; its link stops working at once."""
    if invitation.accepted_at is not None:
        raise FeedbackError(
            "invitation",
            f"{invitation.email} already accepted this invitation; end their access from your "
            "list of reviewers instead.",
        )
    if invitation.withdrawn_at is None:
        now = timezone.now()
        Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, withdrawn_at__isnull=True
        ).update(withdrawn_at=now)
        invitation.refresh_from_db()
        if invitation.accepted_at is not None:
            raise FeedbackError("invitation", f"{invitation.email} accepted it a moment ago.")
    return invitation


def invitation_accept(*, token: str, user: User) -> ReviewerAccess:
    """Accept an invitation: open (or widen) the user's read-only access to the owner's plan.

    The link is the credential: whoever holds it may accept with any account but the owner's,
    so a reviewer can use another address than the one invited. It works once: a conditional
    update claims it, so two clicks cannot both succeed. Accepting while already a reviewer of
    the same plan widens that access.
    """
    invitation = selectors.invitation_for_token(token)
    selectors.invitation_check(invitation, user)
    now = timezone.now()
    with transaction.atomic():
        claimed = Invitation.objects.filter(
            pk=invitation.pk,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=now,
        ).update(accepted_at=now, accepted_by=user)
        if not claimed:
            invitation.refresh_from_db()
            selectors.invitation_check(invitation, user)
            raise InvitationLinkError("used")  # pragma: no cover - the check above raises
        access = (
            ReviewerAccess.objects.select_for_update()
            .filter(owner_id=invitation.owner_id, reviewer=user, ended_at__isnull=True)
            .first()
        )
        goals = list(invitation.goals.all())
        if access is None:
            access = ReviewerAccess.objects.create(
                owner_id=invitation.owner_id,
                reviewer=user,
                role=invitation.role,
                scope=invitation.scope,
                invitation=invitation,
                started_at=now,
            )
            access.goals.set(goals)
        elif invitation.scope == Scope.PLAN:
            access.scope = Scope.PLAN
            access.save(update_fields=["scope"])
        else:
            access.goals.add(*goals)
    owner = invitation.owner
    _send(
        [owner.email],
        f"{user.name} accepted your invitation to review your plan",
        "accepted",
        {"owner": owner, "reviewer": user, "link": site_link(reverse("feedback-home"))},
    )
    return access


# Reviewers' access


def access_update(
    *, access: ReviewerAccess, scope: str, goals: Sequence[Goal] = ()
) -> ReviewerAccess:
    """Change what a reviewer sees: the whole plan, or the chosen goals."""
    if not access.is_active:
        raise FeedbackError("scope", "This reviewer's access has ended; invite them again.")
    chosen = _clean_goals(access.owner, scope, goals)
    with transaction.atomic():
        access.scope = scope
        access.save(update_fields=["scope"])
        access.goals.set(chosen)
    return access


def access_end(*, access: ReviewerAccess, by: str) -> ReviewerAccess:
    """End a reviewer's access, by the owner ("owner") or the reviewer ("reviewer").

    Their pages answer 404 at once; what they wrote stays with the owner's goals.
    """
    rules.check_choice("by", by, dict(ReviewerAccess.EndedBy.choices))
    if access.ended_at is None:
        access.ended_at = timezone.now()
        access.ended_by = by
        access.save(update_fields=["ended_at", "ended_by"])
        if by == ReviewerAccess.EndedBy.REVIEWER:
            _send(
                [access.owner.email],
                f"{access.reviewer.name} stopped reviewing your plan",
                "left",
                {"access": access, "link": site_link(reverse("feedback-home"))},
            )
    return access


# Conversations


def _body(body: str, what: str) -> str:
    return rules.check_text("body", body, limit=rules.BODY_MAX, what=what)


def question_ask(*, goal: Goal, body: str) -> Comment:
    """Ask every reviewer of one of your goals a question; each is told by email."""
    text = _body(body, "question")
    question = Comment.objects.create(
        goal=goal,
        kind=Comment.Kind.QUESTION,
        author=goal.user,
        from_owner=True,
        body=text,
    )
    readers = list(selectors.goal_readers(goal))
    for access in readers:
        _send(
            [access.reviewer.email],
            f"{goal.user.name} asks: {rules.excerpt(text, 60)}",
            "question",
            {
                "owner": goal.user,
                "goal": goal,
                "question": question,
                "link": site_link(reverse("feedback-shared-goal", args=[goal.pk])),
            },
        )
    return question


def _tell_owner(comment: Comment) -> None:
    goal = comment.goal
    _send(
        [goal.user.email],
        f"New feedback from {comment.author_name} on “{rules.excerpt(goal.statement, 60)}”",
        "feedback",
        {
            "goal": goal,
            "who": comment.author_name,
            "text": comment.body,
            "link": site_link(reverse("feedback-goal", args=[goal.pk])),
        },
    )


def comment_create(
    *, reviewer: User, goal: Goal, body: str, milestone: Milestone | None = None
) -> Comment:
    """Comment on a goal shared with you, or on one of its milestones; the owner is told."""
    text = _body(body, "comment")
    if milestone is not None and milestone.goal_id != goal.pk:
        raise FeedbackError("milestone", "Choose one of this goal's milestones.")
    if selectors.access_covering(reviewer, goal) is None:
        raise FeedbackError("goal", "This goal is no longer shared with you.")
    comment = Comment.objects.create(
        goal=goal,
        milestone=milestone,
        kind=Comment.Kind.COMMENT,
        author=reviewer,
        reviewer=reviewer,
        body=text,
    )
    _tell_owner(comment)
    return comment


def comment_reply(*, user: User, target: Comment, body: str) -> Comment:
    """Reply in a thread: a reviewer answers a question or follows up; the owner replies.

    Replies join the thread the target opened, in the conversation with one reviewer: the
    owner replies under a reviewer's answer or comment, never to their own question alone.
    """
    text = _body(body, "reply")
    root = target.parent or target
    goal = root.goal
    is_owner = goal.user_id == user.pk
    if is_owner:
        if target.kind == Comment.Kind.QUESTION:
            raise FeedbackError(
                "body", "Your question goes to all your reviewers; reply under one of the answers."
            )
        reviewer = target.reviewer
        if reviewer is None:
            raise FeedbackError(
                "body", "This reviewer has deleted their account and cannot read a reply."
            )
        if selectors.access_covering(reviewer, goal) is None:
            raise FeedbackError(
                "body", f"{reviewer.name} no longer reviews this goal, so they would not see it."
            )
    else:
        if selectors.access_covering(user, goal) is None:
            raise FeedbackError("body", "This goal is no longer shared with you.")
        if root.kind != Comment.Kind.QUESTION and root.reviewer_id != user.pk:
            raise FeedbackError("body", "You can reply only in your own conversations.")
        reviewer = user
    reply = Comment.objects.create(
        goal=goal,
        milestone=root.milestone,
        parent=root,
        kind=Comment.Kind.REPLY,
        author=user,
        from_owner=is_owner,
        reviewer=reviewer,
        body=text,
    )
    if is_owner:
        _send(
            [reviewer.email],
            f"{user.name} replied to you",
            "reply",
            {
                "owner": user,
                "goal": goal,
                "reply": reply,
                "link": site_link(reverse("feedback-shared-goal", args=[goal.pk])),
            },
        )
    else:
        _tell_owner(reply)
    return reply


def goal_rate(
    *, reviewer: User, goal: Goal, ratings: Sequence[tuple[str, str, str]]
) -> list[CriterionRating]:
    """Rate SMART criteria of a shared goal: (criterion, met|partly|not_met, note) each.

    Rating a criterion again replaces the earlier rating. The owner is told once.
    """
    if not ratings:
        raise FeedbackError("ratings", "Rate at least one criterion.")
    if selectors.access_covering(reviewer, goal) is None:
        raise FeedbackError("goal", "This goal is no longer shared with you.")
    cleaned = []
    for criterion, rating, note in ratings:
        rules.check_choice("criterion", criterion, rules.CRITERIA)
        rules.check_choice(f"{criterion}_rating", rating, rules.RATINGS)
        text = rules.check_text(
            f"{criterion}_note", note, limit=rules.NOTE_MAX, what="note", required=False
        )
        cleaned.append((criterion, rating, text))
    now = timezone.now()
    saved = []
    with transaction.atomic():
        for criterion, rating, text in cleaned:
            found, created = CriterionRating.objects.select_for_update().get_or_create(
                goal=goal,
                reviewer=reviewer,
                criterion=criterion,
                defaults={"rating": rating, "note": text, "created_at": now, "updated_at": now},
            )
            if not created and (found.rating, found.note) != (rating, text):
                found.rating, found.note, found.updated_at, found.read_at = rating, text, now, None
                found.save(update_fields=["rating", "note", "updated_at", "read_at"])
            saved.append(found)
    _send(
        [goal.user.email],
        f"{reviewer.name} rated your goal “{rules.excerpt(goal.statement, 60)}”",
        "feedback",
        {
            "goal": goal,
            "who": reviewer.name,
            "text": "\n".join(r.summary for r in saved),
            "link": site_link(reverse("feedback-goal", args=[goal.pk])),
        },
    )
    return saved


def feedback_mark_read(*, goal: Goal, reader: User) -> int:
    """Mark what was written to `reader` on a goal as read; return how many were new."""
    now = timezone.now()
    if reader.pk == goal.user_id:
        count = Comment.objects.filter(goal=goal, from_owner=False, read_at__isnull=True).update(
            read_at=now
        )
        return count + CriterionRating.objects.filter(goal=goal, read_at__isnull=True).update(
            read_at=now
        )
    return Comment.objects.filter(
        goal=goal, from_owner=True, reviewer=reader, read_at__isnull=True
    ).update(read_at=now)


# Adjustments


def _adjust(
    *,
    goal: Goal,
    who: str,
    feedback: str,
    changes: Mapping[str, Any],
    note: str,
    on: date | None,
) -> Any:
    unknown = set(changes) - set(ADJUSTABLE_FIELDS)
    if unknown:
        raise FeedbackError(sorted(unknown)[0], "This field cannot be adjusted here.")
    data = {k: v for k, v in changes.items() if v is not None and v != ""}
    if "metric_target" in data:
        if not goal.has_metric:
            raise FeedbackError(
                "metric_target", "This goal has no metric whose target could change."
            )
        data["metric_target"] = Decimal(str(data["metric_target"]))
    extra = rules.check_text("note", note, limit=rules.NOTE_MAX, what="note", required=False)
    reason = rules.adjustment_reason(reviewer=who, feedback=feedback, note=extra)
    try:
        version = plan_services.goal_update(
            goal=goal, data=data, reason=reason, source=VERSION_SOURCE, on=on
        )
    except PlanRuleError as error:
        raise FeedbackError(error.field, error.message) from error
    if version is None:
        raise FeedbackError(
            "statement",
            "Nothing changed: change the statement, the target date or the metric target to "
            "adjust the goal.",
        )
    return version


def comment_adjust(
    *, comment: Comment, changes: Mapping[str, Any], note: str = "", on: date | None = None
) -> Adjustment:
    """Change a goal after a reviewer's message, as a new version whose reason cites it."""
    if comment.from_owner:
        raise FeedbackError("comment", "Adjust after a reviewer's feedback, not your own message.")
    goal = comment.goal
    with transaction.atomic():
        version = _adjust(
            goal=goal,
            who=comment.author_name,
            feedback=comment.body,
            changes=changes,
            note=note,
            on=on,
        )
        return Adjustment.objects.create(goal=goal, version=version, comment=comment)


def rating_adjust(
    *,
    rating: CriterionRating,
    changes: Mapping[str, Any],
    note: str = "",
    on: date | None = None,
) -> Adjustment:
    """Change a goal after a reviewer's rating, as a new version whose reason cites it."""
    goal = rating.goal
    with transaction.atomic():
        version = _adjust(
            goal=goal,
            who=rating.reviewer_name,
            feedback=rating.summary,
            changes=changes,
            note=note,
            on=on,
        )
        return Adjustment.objects.create(goal=goal, version=version, rating=rating)

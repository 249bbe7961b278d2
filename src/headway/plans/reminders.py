"""Reminder emails: sources say what is due; `reminders_send` claims each item once and mails it.

A source is a function `fn(day) -> Iterable[DueReminder]` registered with `@reminder_source`
(another app registers its own from its AppConfig.ready). Each item is claimed by inserting a
`Reminder` row whose unique key (user, kind, object, due date) lets only one claim succeed, so two
copies of `headway sendreminders` running at once never send the same reminder twice. Each user
gets one email per run listing everything claimed for them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.core.links import site_link
from headway.domain.planning import (
    MILESTONE_SOON_DAYS,
    REMINDER_MILESTONE_OVERDUE,
    REMINDER_MILESTONE_SOON,
    REMINDER_REVIEW_DUE,
    describe_due,
    format_day,
)
from headway.plans.models import Goal, Milestone, PlanSettings, Reminder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueReminder:
    """One thing to remind a user of. (user_id, kind, object_id, due_on) identifies it."""

    user_id: int
    kind: str
    object_id: int
    due_on: date
    section: str
    text: str
    path: str


ReminderSource = Callable[[date], Iterable[DueReminder]]
_SOURCES: dict[str, ReminderSource] = {}


def reminder_source(name: str) -> Callable[[ReminderSource], ReminderSource]:
    """Register `fn(day)` as a source of reminders due on `day`."""

    def register(fn: ReminderSource) -> ReminderSource:
        if name in _SOURCES and _SOURCES[name] is not fn:
            raise ValueError(f"Reminder source {name!r} is registered twice.")
        _SOURCES[name] = fn
        return fn

    return register


def reminder_sources() -> list[tuple[str, ReminderSource]]:
    """Return the registered sources, by name."""
    return sorted(_SOURCES.items())


def _not_claimed(kind: str, user_ref: str, due_ref: str) -> Any:
    return ~Exists(
        Reminder.objects.filter(
            user=OuterRef(user_ref), kind=kind, object_id=OuterRef("pk"), due_on=OuterRef(due_ref)
        )
    )


@reminder_source("plans")
def plan_reminders(day: date) -> Iterator[DueReminder]:
    """Yield reviews due and milestones due within a few days or overdue, on active goals."""
    goals = (
        Goal.objects.filter(status=Goal.Status.ACTIVE, next_review_on__lte=day)
        .filter(_not_claimed(REMINDER_REVIEW_DUE, "user", "next_review_on"))
        .only("id", "user_id", "statement", "next_review_on")
    )
    for goal in goals:
        assert goal.next_review_on is not None
        yield DueReminder(
            user_id=goal.user_id,
            kind=REMINDER_REVIEW_DUE,
            object_id=goal.pk,
            due_on=goal.next_review_on,
            section="Reviews due",
            text=f"Review “{goal.statement}” ({describe_due(goal.next_review_on, day)})",
            path=reverse("plans-review-create", args=[goal.pk]),
        )
    open_milestones = Milestone.objects.filter(
        goal__status=Goal.Status.ACTIVE, done_at__isnull=True
    ).select_related("goal")
    soon = open_milestones.filter(
        due_on__gte=day, due_on__lte=day + timedelta(days=MILESTONE_SOON_DAYS)
    ).filter(_not_claimed(REMINDER_MILESTONE_SOON, "goal__user", "due_on"))
    late = open_milestones.filter(due_on__lt=day).filter(
        _not_claimed(REMINDER_MILESTONE_OVERDUE, "goal__user", "due_on")
    )
    for kind, section, milestones in (
        (REMINDER_MILESTONE_OVERDUE, "Overdue milestones", late),
        (REMINDER_MILESTONE_SOON, "Milestones coming up", soon),
    ):
        for milestone in milestones:
            yield DueReminder(
                user_id=milestone.goal.user_id,
                kind=kind,
                object_id=milestone.pk,
                due_on=milestone.due_on,
                section=section,
                text=(
                    f"{milestone.title}, for “{milestone.goal.statement}”: "
                    f"{describe_due(milestone.due_on, day)} ({format_day(milestone.due_on)})"
                ),
                path=reverse("plans-goal", args=[milestone.goal_id]),
            )


@dataclass
class SendReport:
    """What one run did: reminders claimed and emailed, emails sent, users whose email failed."""

    claimed: int = 0
    emails: int = 0
    failed: int = 0


def reminder_claim(item: DueReminder) -> Reminder | None:
    """Claim a reminder for sending; return None when another run (or an earlier one) has it."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                user_id=item.user_id, kind=item.kind, object_id=item.object_id, due_on=item.due_on
            )
    except IntegrityError:
        return None


def _claim_all(user_id: int, items: list[DueReminder]) -> list[tuple[DueReminder, Reminder]]:
    """Claim a user's reminders in one transaction; none if another run holds the user now.

    Without the lock two runs could split one user's reminders into two emails; with it, the
    second run skips the user, or finds every reminder already claimed.
    """
    with transaction.atomic():
        held = PlanSettings.objects.select_for_update(skip_locked=True).filter(user_id=user_id)
        if not list(held.values_list("pk", flat=True)):
            return []
        return [(item, row) for item in items if (row := reminder_claim(item))]


def reminders_send(*, on: date | None = None, connection: Any = None) -> SendReport:
    """Email every user what is due on `on` (default today), each reminder at most once ever."""
    day = on or timezone.localdate()
    report = SendReport()
    by_user: dict[int, list[DueReminder]] = defaultdict(list)
    for _name, source in reminder_sources():
        for item in source(day):
            by_user[item.user_id].append(item)
    if not by_user:
        return report
    muted = set(
        PlanSettings.objects.filter(user_id__in=by_user, email_reminders=False).values_list(
            "user_id", flat=True
        )
    )
    users = User.objects.filter(pk__in=set(by_user) - muted, is_active=True).in_bulk()
    # Each user's settings row is the lock that keeps one run's claims for a user together.
    PlanSettings.objects.bulk_create(
        [PlanSettings(user_id=user_id) for user_id in users], ignore_conflicts=True
    )
    for user_id in sorted(users):
        claimed = _claim_all(user_id, by_user[user_id])
        if not claimed:
            continue
        report.claimed += len(claimed)
        rows = [row.pk for _, row in claimed]
        try:
            _email(users[user_id], [item for item, _ in claimed], day, connection)
        except Exception:
            # Release the claims so the next run tries again; nobody got this email.
            logger.exception("Reminder email to user %s failed", user_id)
            Reminder.objects.filter(pk__in=rows).delete()
            report.failed += 1
            continue
        Reminder.objects.filter(pk__in=rows).update(sent_at=timezone.now())
        report.emails += 1
    return report


def _email(user: User, items: list[DueReminder], day: date, connection: Any) -> None:
    sections: dict[str, list[dict[str, str]]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.due_on, i.text)):
        sections[item.section].append({"text": item.text, "url": site_link(item.path)})
    count = len(items)
    context = {
        "user": user,
        "day": day,
        "sections": dict(sections),
        "count": count,
        "site_url": site_link(),
        "dashboard_url": site_link(reverse("core-dashboard")),
        "settings_url": site_link(reverse("plans-settings")),
    }
    subject = f"Headway: {count} {'thing' if count == 1 else 'things'} due in your plan"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("plans/email/reminders.txt", context),
        to=[user.email],
        connection=connection,
    )
    message.attach_alternative(render_to_string("plans/email/reminders.html", context), "text/html")
    message.send()

"""A user's private calendar feed: milestones, review dates and goal target dates.

Other apps add entries by registering `fn(user) -> Iterable[CalendarEvent]` with
`@calendar_source("name")` from their AppConfig.ready. UIDs stay the same for the same thing, so
a calendar app moves an entry when its date changes instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.core.links import site_link
from headway.domain.ics import CalendarEvent, build_calendar
from headway.plans.models import Goal

CalendarSource = Callable[[User], Iterable[CalendarEvent]]
_SOURCES: dict[str, CalendarSource] = {}


def calendar_source(name: str) -> Callable[[CalendarSource], CalendarSource]:
    """Register `fn(user)` as a source of entries in the user's calendar feed."""

    def register(fn: CalendarSource) -> CalendarSource:
        if name in _SOURCES and _SOURCES[name] is not fn:
            raise ValueError(f"Calendar source {name!r} is registered twice.")
        _SOURCES[name] = fn
        return fn

    return register


def uid_for(kind: str, object_id: int) -> str:
    """Return the stable UID of one calendar entry."""
    host = urlsplit(settings.SITE_URL).hostname or "headway"
    return f"{kind}-{object_id}@{host}"


@calendar_source("plans")
def plan_events(user: User) -> Iterator[CalendarEvent]:
    """Yield the target dates, next reviews and milestones of the user's open goals."""
    goals = Goal.objects.filter(user=user, status__in=Goal.OPEN_STATUSES).prefetch_related(
        "milestones"
    )
    for goal in goals:
        url = site_link(reverse("plans-goal", args=[goal.pk]))
        yield CalendarEvent(
            uid=uid_for("goal-target", goal.pk),
            day=goal.target_date,
            summary=f"Goal target: {goal.statement}",
            description=f"Target date of your goal ({goal.get_status_display().lower()}).",
            url=url,
            categories=("Goal",),
        )
        if goal.status == Goal.Status.ACTIVE and goal.next_review_on:
            yield CalendarEvent(
                uid=uid_for("goal-review", goal.pk),
                day=goal.next_review_on,
                summary=f"Review: {goal.statement}",
                description=f"{goal.get_review_cadence_display()} review of your goal.",
                url=site_link(reverse("plans-review-create", args=[goal.pk])),
                categories=("Review",),
            )
        for milestone in goal.milestones.all():
            done = "Done: " if milestone.is_done else ""
            yield CalendarEvent(
                uid=uid_for("milestone", milestone.pk),
                day=milestone.due_on,
                summary=f"{done}{milestone.title}",
                description=f"Milestone of “{goal.statement}”.",
                url=url,
                categories=("Milestone",),
            )


def calendar_for_user(user: User) -> bytes:
    """Return the user's whole calendar feed as an iCalendar document."""
    events = [event for _name, source in sorted(_SOURCES.items()) for event in source(user)]
    return build_calendar(events, name=f"Headway: {user.name}", stamp=timezone.now())

"""Network entries in the user's private calendar feed: keep-in-touch dates, events, follow-ups."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.core.links import site_link
from headway.domain.ics import CalendarEvent
from headway.network import selectors
from headway.plans.calendar import calendar_source, uid_for


@calendar_source("network")
def network_events(user: User) -> Iterator[CalendarEvent]:
    """Yield the next keep-in-touch date of each contact, events, and open follow-ups."""
    today = timezone.localdate()
    for row in selectors.keep_in_touch_for_user(user, today):
        contact = row.contact
        yield CalendarEvent(
            uid=uid_for("keep-in-touch", contact.pk),
            day=row.next_on,
            summary=f"Get in touch with {contact.name}",
            description=f"You planned to keep in touch every {contact.keep_in_touch_weeks} "
            "week" + ("" if contact.keep_in_touch_weeks == 1 else "s") + ".",
            url=site_link(reverse("network-contact", args=[contact.pk])),
            categories=("Network",),
        )
    for event in selectors.events_list_for_user(user):
        url = site_link(reverse("network-event", args=[event.pk]))
        yield CalendarEvent(
            uid=uid_for("network-event", event.pk),
            day=event.held_on,
            summary=f"{event.get_kind_display()}: {event.name}",
            description=event.place,
            url=url,
            categories=("Event",),
        )
        for follow_up in event.follow_ups.all():
            if follow_up.done:
                continue
            yield CalendarEvent(
                uid=uid_for("follow-up", follow_up.pk),
                day=follow_up.due_on,
                summary=f"Follow up: {follow_up.text}",
                description=f"After “{event.name}”.",
                url=url,
                categories=("Follow-up",),
            )

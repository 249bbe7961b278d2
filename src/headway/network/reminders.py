"""Network reminders for `headway sendreminders`: contacts to get in touch with, follow-ups due.

Registered with the plan's reminder registry; each item is claimed once for its due date, so a
keep-in-touch reminder comes again only after a new interaction moves the next date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.db.models import Max
from django.urls import reverse

from headway.domain import networking
from headway.network.models import Contact, FollowUp
from headway.plans.models import Reminder
from headway.plans.reminders import DueReminder, reminder_source

REMINDER_KEEP_IN_TOUCH = "network-keep-in-touch"
REMINDER_FOLLOW_UP = "network-follow-up"


def _claimed(kind: str, object_ids: list[int]) -> set[tuple[int, date]]:
    return set(
        Reminder.objects.filter(kind=kind, object_id__in=object_ids).values_list(
            "object_id", "due_on"
        )
    )


@reminder_source("network")
def network_reminders(day: date) -> Iterator[DueReminder]:
    """Yield keep-in-touch dates that have come and open follow-ups due by `day`."""
    contacts = list(
        Contact.objects.filter(keep_in_touch_weeks__isnull=False, user__is_active=True)
        .annotate(last_contact_on=Max("interactions__occurred_on"))
        .only("id", "user_id", "name", "keep_in_touch_weeks", "created_at")
    )
    claimed = _claimed(REMINDER_KEEP_IN_TOUCH, [c.pk for c in contacts])
    for contact in contacts:
        weeks = contact.keep_in_touch_weeks
        assert weeks is not None
        last: date | None = getattr(contact, "last_contact_on", None)
        due_on = networking.next_keep_in_touch_on(weeks, last_contact=last, since=contact.added_on)
        if due_on > day or (contact.pk, due_on) in claimed:
            continue
        yield DueReminder(
            user_id=contact.user_id,
            kind=REMINDER_KEEP_IN_TOUCH,
            object_id=contact.pk,
            due_on=due_on,
            section="Keep in touch",
            text=networking.keep_in_touch_text(
                contact.name, weeks, last_contact=last, since=contact.added_on, today=day
            ),
            path=reverse("network-contact", args=[contact.pk]),
        )
    follow_ups = list(FollowUp.objects.filter(done=False, due_on__lte=day).select_related("event"))
    claimed = _claimed(REMINDER_FOLLOW_UP, [f.pk for f in follow_ups])
    for follow_up in follow_ups:
        if (follow_up.pk, follow_up.due_on) in claimed:
            continue
        when = (
            "today"
            if follow_up.due_on == day
            else f"since {networking.format_day(follow_up.due_on)}"
        )
        yield DueReminder(
            user_id=follow_up.event.user_id,
            kind=REMINDER_FOLLOW_UP,
            object_id=follow_up.pk,
            due_on=follow_up.due_on,
            section="Follow-ups from events",
            text=f"{follow_up.text} (after “{follow_up.event.name}”), due {when}",
            path=reverse("network-event", args=[follow_up.event_id]),
        )

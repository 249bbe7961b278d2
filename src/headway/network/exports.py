"""The network section of "download my data": every contact, interaction, event and more."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Prefetch

from headway.accounts.models import User
from headway.core.exports import export_section
from headway.network.models import (
    Contact,
    Event,
    GoalInteractionTarget,
    Interaction,
    Organisation,
    Tag,
)


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _goal_ids(obj: Any) -> list[int]:
    return sorted(g.pk for g in obj.goals.all())


@export_section("network")
def export_network(user: User) -> dict[str, Any]:
    """Return all the user keeps in the Network step, with ids linking the parts."""
    contacts = Contact.objects.filter(user=user).prefetch_related("tags", "goals")
    events = Event.objects.filter(user=user).prefetch_related(
        "goals", "contacts", Prefetch("follow_ups")
    )
    return {
        "tags": [t.name for t in Tag.objects.filter(user=user)],
        "contacts": [
            {
                "id": c.pk,
                "name": c.name,
                "organisation": c.organisation,
                "role": c.role,
                "how_met": c.how_met,
                "relationship": c.relationship,
                "email": c.email,
                "other_emails": list(c.other_emails),
                "phone": c.phone,
                "other_phones": list(c.other_phones),
                "links": list(c.links),
                "notes": c.notes,
                "keep_in_touch_weeks": c.keep_in_touch_weeks,
                "tags": [t.name for t in c.tags.all()],
                "goal_ids": _goal_ids(c),
                "created_at": _value(c.created_at),
                "updated_at": _value(c.updated_at),
            }
            for c in contacts
        ],
        "interactions": [
            {
                "id": i.pk,
                "contact_id": i.contact_id,
                "kind": i.kind,
                "occurred_on": _value(i.occurred_on),
                "notes": i.notes,
                "goal_id": i.goal_id,
                "created_at": _value(i.created_at),
            }
            for i in Interaction.objects.filter(user=user).order_by("occurred_on", "id")
        ],
        "events": [
            {
                "id": e.pk,
                "name": e.name,
                "kind": e.kind,
                "held_on": _value(e.held_on),
                "place": e.place,
                "url": e.url,
                "notes": e.notes,
                "goal_ids": _goal_ids(e),
                "contact_ids": sorted(c.pk for c in e.contacts.all()),
                "follow_ups": [
                    {"id": f.pk, "text": f.text, "due_on": _value(f.due_on), "done": f.done}
                    for f in e.follow_ups.all()
                ],
                "created_at": _value(e.created_at),
            }
            for e in events
        ],
        "organisations": [
            {
                "id": o.pk,
                "name": o.name,
                "member_since": _value(o.member_since),
                "role": o.role,
                "url": o.url,
                "notes": o.notes,
                "goal_ids": _goal_ids(o),
                "created_at": _value(o.created_at),
            }
            for o in Organisation.objects.filter(user=user).prefetch_related("goals")
        ],
        "goal_interaction_targets": [
            {
                "id": t.pk,
                "goal_id": t.goal_id,
                "kind": t.kind,
                "starts_on": _value(t.starts_on),
                "only_for_goal": t.only_for_goal,
                "created_at": _value(t.created_at),
            }
            for t in GoalInteractionTarget.objects.filter(user=user)
        ],
    }

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from headway.accounts.models import User
from headway.core.exports import export_section
from headway.plans.models import Goal, PlanSettings, Reminder, Trait, Vision, snapshot_value


def _row(obj: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    data = model_to_dict(obj, exclude=("user", *exclude))
    data["id"] = obj.pk
    for name in ("created_at", "updated_at", "done_at", "claimed_at", "sent_at"):
        if hasattr(obj, name):
            value = getattr(obj, name)
            data[name] = value.isoformat() if value else None
    return {key: snapshot_value(value) for key, value in data.items()}


@export_section("plan")
def export_plan(user: User) -> dict[str, Any]:
    """Return the whole plan: settings, visions with versions, traits, goals and all under them."""
    found = PlanSettings.objects.filter(user=user).first()
    settings_row = None
    if found:
        # The calendar secret is left out, as API token secrets are.
        settings_row = _row(found, exclude=("calendar_token",))
        settings_row["education_level_label"] = found.get_education_level_display()
    goals = Goal.objects.filter(user=user).prefetch_related(
        "versions", "milestones", "actions", "reviews", "readings"
    )
    return {
        "settings": settings_row,
        "visions": [
            {**_row(v), "versions": [_row(x, exclude=("vision",)) for x in v.versions.all()]}
            for v in Vision.objects.filter(user=user).prefetch_related("versions")
        ],
        "strengths_and_weaknesses": [_row(t) for t in Trait.objects.filter(user=user)],
        "goals": [
            {
                **_row(g),
                "versions": [_row(x, exclude=("goal",)) for x in g.versions.all()],
                "milestones": [_row(x, exclude=("goal",)) for x in g.milestones.all()],
                "actions": [_row(x, exclude=("goal",)) for x in g.actions.all()],
                "reviews": [_row(x, exclude=("goal",)) for x in g.reviews.all()],
                "metric_readings": [_row(x, exclude=("goal",)) for x in g.readings.all()],
            }
            for g in goals
        ],
        "reminders_sent": [_row(r) for r in Reminder.objects.filter(user=user)],
    }

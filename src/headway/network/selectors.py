"""Reads on the Network step, always scoped to the user who asks (404 for anyone else)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils import timezone

from headway.accounts.models import User
from headway.domain import networking
from headway.domain.networking import Logged, NetworkRuleError, Period, spreadsheet_safe
from headway.domain.vcard import CardContact, write_vcards
from headway.network.models import (
    Contact,
    Event,
    FollowUp,
    GoalInteractionTarget,
    Interaction,
    Organisation,
    Tag,
)
from headway.plans.models import Goal

# Contacts


def _contacts(user: User) -> QuerySet[Contact]:
    return (
        Contact.objects.filter(user=user)
        .annotate(last_contact_on=Max("interactions__occurred_on"))
        .prefetch_related("tags", Prefetch("goals", Goal.objects.order_by("rank", "id")))
        # Meta.ordering does not apply to a grouped (annotated) query; order it here.
        .order_by(Lower("name"), "id")
    )


def contacts_list_for_user(
    user: User,
    *,
    q: str = "",
    tag: str = "",
    relationship: str = "",
    goal_id: int | None = None,
) -> QuerySet[Contact]:
    """Return the user's contacts by name, filtered by words, a tag, a relationship or a goal.

    Each contact carries `last_contact_on`, the day of their latest interaction.
    """
    contacts = _contacts(user)
    for word in q.split():
        contacts = contacts.filter(
            Q(search_text__contains=networking.search_key(word)) | Q(tags__name__iexact=word)
        )
    if tag:
        contacts = contacts.filter(tags__name__iexact=tag)
    if relationship:
        contacts = contacts.filter(relationship=relationship)
    if goal_id is not None:
        contacts = contacts.filter(goals=goal_id)
    return contacts.distinct()


def contact_get_for_user(user: User, contact_id: int) -> Contact:
    """Return one of the user's contacts with tags and goals, or raise 404."""
    return get_object_or_404(_contacts(user), pk=contact_id)


def contact_page_for_user(user: User, contact_id: int) -> Contact:
    """Return a contact with the events where the user met them (interactions page apart)."""
    contacts = _contacts(user).prefetch_related(
        Prefetch("events", Event.objects.order_by("-held_on", "-id")),
    )
    return get_object_or_404(contacts, pk=contact_id)


def interactions_of_contact(contact: Contact) -> QuerySet[Interaction]:
    """Return the interactions logged with a contact (one `contact_page_for_user` gave)."""
    return contact.interactions.select_related("goal")


def tags_for_user(user: User) -> QuerySet[Tag]:
    """Return the tags the user has put on contacts, by name."""
    return Tag.objects.filter(user=user)


def contact_choices_for_user(user: User) -> QuerySet[Contact]:
    """Return the user's contacts for a choice list, by name."""
    return Contact.objects.filter(user=user).only("id", "name", "organisation")


def contact_choices_shown_for_user(
    user: User, *, chosen: Sequence[str], words: str = "", limit: int = 50
) -> list[Contact]:
    """Return the contacts a choice list shows: those chosen, then up to `limit` more.

    The more are those matching `words`, or without words the latest added. A list of every
    contact would be megabytes for a large address book.
    """
    contacts = contact_choices_for_user(user)
    chosen_ids = {int(value) for value in chosen[:500] if value.isdigit() and len(value) < 19}
    shown = list(contacts.filter(pk__in=chosen_ids)) if chosen_ids else []
    more = contacts.exclude(pk__in=chosen_ids)
    for word in words.split()[:10]:
        more = more.filter(search_text__contains=networking.search_key(word))
    if not words.strip():
        more = more.order_by("-id")
    return shown + list(more[:limit])


def goal_choices_for_user(user: User) -> QuerySet[Goal]:
    """Return the user's goals for a choice list, in rank order."""
    return Goal.objects.filter(user=user).order_by("rank", "id")


def contact_uid(contact: Contact) -> str:
    """Return the stable vCard UID of a contact."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{settings.SITE_URL}/contact/{contact.pk}')}"


def contact_card(contact: Contact) -> CardContact:
    """Return a contact as vCard values (tags prefetched)."""
    return CardContact(
        name=contact.name,
        organisation=contact.organisation,
        role=contact.role,
        emails=tuple(e for e in (contact.email, *contact.other_emails) if e),
        phones=tuple(p for p in (contact.phone, *contact.other_phones) if p),
        urls=tuple(contact.links),
        note=contact.notes,
        categories=tuple(t.name for t in contact.tags.all()),
        relationship=contact.relationship,
        how_met=contact.how_met,
        keep_in_touch_weeks=contact.keep_in_touch_weeks,
        uid=contact_uid(contact),
    )


def contacts_vcard_for_user(user: User, *, version: str = "3.0") -> str:
    """Return all the user's contacts as one vCard file."""
    return write_vcards((contact_card(c) for c in _contacts(user)), version=version)


def contact_vcard(contact: Contact, *, version: str = "3.0") -> str:
    """Return one contact as a vCard file."""
    return write_vcards([contact_card(contact)], version=version)


CSV_HEADER = (
    "Name",
    "Organisation",
    "Role",
    "Relationship",
    "How you met",
    "Email",
    "Phone",
    "Other emails",
    "Other phones",
    "Links",
    "Tags",
    "Goals",
    "Keep in touch every (weeks)",
    "Last contact",
    "Notes",
)


def contacts_csv_rows_for_user(user: User) -> list[list[str]]:
    """Return the user's contacts as spreadsheet rows, header first, safe from formulas."""
    rows = [list(CSV_HEADER)]
    for contact in _contacts(user):
        last: date | None = getattr(contact, "last_contact_on", None)
        cells = [
            contact.name,
            contact.organisation,
            contact.role,
            contact.get_relationship_display(),
            contact.how_met,
            contact.email,
            contact.phone,
            ", ".join(contact.other_emails),
            ", ".join(contact.other_phones),
            " ".join(contact.links),
            ", ".join(t.name for t in contact.tags.all()),
            "; ".join(g.statement for g in contact.goals.all()),
            str(contact.keep_in_touch_weeks or ""),
            last.isoformat() if last else "",
            contact.notes,
        ]
        rows.append([spreadsheet_safe(cell) for cell in cells])
    return rows


# Keeping in touch


@dataclass(frozen=True)
class KeepInTouch:
    """A contact the user planned to keep in touch with, and when that is next due."""

    contact: Contact
    last_contact_on: date | None
    next_on: date
    due: bool


def keep_in_touch_for_user(user: User, on: date) -> list[KeepInTouch]:
    """Return the user's keep-in-touch plans, the soonest first."""
    rows = []
    for contact in _contacts(user).filter(keep_in_touch_weeks__isnull=False):
        last: date | None = getattr(contact, "last_contact_on", None)
        assert contact.keep_in_touch_weeks is not None
        next_on = networking.next_keep_in_touch_on(
            contact.keep_in_touch_weeks, last_contact=last, since=contact.added_on
        )
        rows.append(KeepInTouch(contact, last, next_on, next_on <= on))
    return sorted(rows, key=lambda r: (r.next_on, r.contact.name.casefold()))


def next_keep_in_touch_for_contact(contact: Contact) -> date | None:
    """Return when to get in touch with a contact next (None: not planned)."""
    if contact.keep_in_touch_weeks is None:
        return None
    return networking.next_keep_in_touch_on(
        contact.keep_in_touch_weeks,
        last_contact=getattr(contact, "last_contact_on", None),
        since=contact.added_on,
    )


# Interactions


def interactions_list_for_user(
    user: User, *, contact_id: int | None = None, kind: str = "", goal_id: int | None = None
) -> QuerySet[Interaction]:
    """Return the user's interactions, newest first, with contact and goal."""
    interactions = Interaction.objects.filter(user=user).select_related("contact", "goal")
    if contact_id is not None:
        interactions = interactions.filter(contact_id=contact_id)
    if kind:
        interactions = interactions.filter(kind=kind)
    if goal_id is not None:
        interactions = interactions.filter(goal_id=goal_id)
    return interactions


def interaction_get_for_user(user: User, interaction_id: int) -> Interaction:
    """Return one of the user's interactions, or raise 404."""
    return get_object_or_404(
        Interaction.objects.select_related("contact", "goal"), pk=interaction_id, user=user
    )


# Events


def _events(user: User) -> QuerySet[Event]:
    return Event.objects.filter(user=user).prefetch_related(
        Prefetch("goals", Goal.objects.order_by("rank", "id")),
        Prefetch("contacts", Contact.objects.order_by("name", "id")),
        "follow_ups",
    )


def events_list_for_user(user: User) -> QuerySet[Event]:
    """Return the user's events, latest first, with goals, contacts and follow-ups."""
    return _events(user)


def events_ahead_for_user(user: User, today: date) -> QuerySet[Event]:
    """Return the user's events held today or later, soonest first."""
    return _events(user).filter(held_on__gte=today).order_by("held_on", "id")


def events_past_for_user(user: User, today: date) -> QuerySet[Event]:
    """Return the user's events held before today, latest first."""
    return _events(user).filter(held_on__lt=today)


def event_get_for_user(user: User, event_id: int) -> Event:
    """Return one of the user's events, or raise 404."""
    return get_object_or_404(_events(user), pk=event_id)


def follow_up_get_for_user(user: User, follow_up_id: int) -> FollowUp:
    """Return a follow-up of one of the user's events, or raise 404."""
    return get_object_or_404(
        FollowUp.objects.select_related("event"), pk=follow_up_id, event__user=user
    )


def open_follow_ups_for_user(user: User) -> QuerySet[FollowUp]:
    """Return the user's follow-ups not done yet, the soonest first."""
    return (
        FollowUp.objects.filter(event__user=user, done=False)
        .select_related("event")
        .order_by("due_on", "id")
    )


# Organisations


def organisations_list_for_user(user: User) -> QuerySet[Organisation]:
    """Return the user's organisations by name, with their goals."""
    return Organisation.objects.filter(user=user).prefetch_related(
        Prefetch("goals", Goal.objects.order_by("rank", "id"))
    )


def organisation_get_for_user(user: User, organisation_id: int) -> Organisation:
    """Return one of the user's organisations, or raise 404."""
    return get_object_or_404(organisations_list_for_user(user), pk=organisation_id)


# Goals that count interactions


def target_period(target: GoalInteractionTarget) -> Period:
    """Return the days whose interactions count towards the target's goal."""
    goal = target.goal
    return networking.counting_period(
        goal_created_on=timezone.localdate(goal.created_at),
        chosen_start=target.starts_on,
        target_on=goal.target_date,
    )


def _logged_of_kind(target: GoalInteractionTarget) -> list[Logged]:
    return [
        Logged(kind=kind, day=day, goal_id=goal_id)
        for kind, day, goal_id in Interaction.objects.filter(
            user_id=target.user_id, kind=target.kind
        ).values_list("kind", "occurred_on", "goal_id")
    ]


def target_count(target: GoalInteractionTarget, logged: Sequence[Logged] | None = None) -> int:
    """Return how many interactions count towards the target's goal now.

    Those logged for the goal count even from before the counting period began.
    """
    return networking.count_interactions(
        _logged_of_kind(target) if logged is None else logged,
        kind=target.kind,
        period=target_period(target),
        goal_id=target.goal_id if target.only_for_goal else None,
        linked_goal_id=target.goal_id,
    )


@dataclass(frozen=True)
class TargetProgress:
    """A goal that counts interactions: the period, the count now, and what the goal needs."""

    target: GoalInteractionTarget
    period: Period | None
    count: int | None
    value: Decimal | None
    problem: str = ""
    # Interactions of the kind before the period, not linked to the goal: not counted.
    earlier: int = 0


def _progress(target: GoalInteractionTarget, logged: list[Logged]) -> TargetProgress:
    goal = target.goal
    try:
        networking.check_countable_goal(
            has_metric=goal.has_metric, direction=goal.metric_direction, unit=goal.metric_unit
        )
        period = target_period(target)
    except NetworkRuleError as error:
        return TargetProgress(target, None, None, None, error.message)
    count = target_count(target, logged)
    assert goal.metric_baseline is not None
    earlier = (
        0
        if target.only_for_goal
        else networking.count_before(
            logged, kind=target.kind, period=period, linked_goal_id=target.goal_id
        )
    )
    return TargetProgress(
        target, period, count, networking.counted_value(goal.metric_baseline, count), "", earlier
    )


def goal_targets_for_user(user: User) -> list[TargetProgress]:
    """Return the user's goals that count interactions, each with its count now."""
    targets = list(GoalInteractionTarget.objects.filter(user=user).select_related("goal"))
    logged = [
        Logged(kind=kind, day=day, goal_id=goal_id)
        for kind, day, goal_id in Interaction.objects.filter(
            user=user, kind__in={t.kind for t in targets}
        ).values_list("kind", "occurred_on", "goal_id")
    ]
    return [_progress(target, logged) for target in targets]


def goal_target_get_for_user(user: User, target_id: int) -> GoalInteractionTarget:
    """Return one of the user's goal targets with its goal, or raise 404."""
    return get_object_or_404(
        GoalInteractionTarget.objects.select_related("goal"), pk=target_id, user=user
    )


def goal_target_progress(target: GoalInteractionTarget) -> TargetProgress:
    """Return one goal target with its count now."""
    return _progress(target, _logged_of_kind(target))


# Overview


@dataclass
class Overview:
    """What the Network page shows first: who to get in touch with, follow-ups, events."""

    today: date
    keep_in_touch: list[KeepInTouch]
    follow_ups: list[FollowUp]
    upcoming_events: list[Event]
    recent_interactions: list[Interaction]
    targets: list[TargetProgress]
    contact_count: int
    organisation_count: int

    @property
    def due_now(self) -> list[KeepInTouch]:
        return [row for row in self.keep_in_touch if row.due]


def overview_for_user(user: User, on: date) -> Overview:
    """Return the Network overview in a fixed handful of queries."""
    return Overview(
        today=on,
        keep_in_touch=[
            row
            for row in keep_in_touch_for_user(user, on)
            if row.next_on <= on + timedelta(days=14)
        ],
        follow_ups=list(open_follow_ups_for_user(user)[:10]),
        upcoming_events=list(
            Event.objects.filter(user=user, held_on__gte=on).order_by("held_on", "id")[:5]
        ),
        recent_interactions=list(interactions_list_for_user(user)[:5]),
        targets=goal_targets_for_user(user),
        contact_count=Contact.objects.filter(user=user).count(),
        organisation_count=Organisation.objects.filter(user=user).count(),
    )

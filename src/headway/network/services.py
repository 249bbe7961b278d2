"""Writes on the Network step. Every rule is checked here (or in `domain.networking`), once.

A refused input raises `NetworkRuleError(field, message)`: views show the message next to the
field, the API answers 422 with it. Links to goals and contacts are checked to be the user's own.
Logging, changing or deleting an interaction recounts the goals that count that kind of
interaction, recording the new value through the plan's `goal_metric_update`, so it shows on the
goal's progress chart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import User
from headway.domain import networking
from headway.domain.networking import Duplicate, Known, NetworkRuleError
from headway.domain.vcard import CardContact, VCardError, read_vcards
from headway.network.models import (
    Contact,
    Event,
    FollowUp,
    GoalInteractionTarget,
    Interaction,
    Organisation,
    Tag,
)
from headway.network.selectors import target_count, target_period
from headway.plans import services as plan_services
from headway.plans.models import Goal, MetricReading

CONTACT_FIELDS = (
    "name",
    "organisation",
    "role",
    "how_met",
    "relationship",
    "email",
    "other_emails",
    "phone",
    "other_phones",
    "links",
    "notes",
    "keep_in_touch_weeks",
    "tags",
    "goal_ids",
)
EVENT_FIELDS = ("name", "kind", "held_on", "place", "url", "notes", "goal_ids", "contact_ids")
ORGANISATION_FIELDS = ("name", "member_since", "role", "url", "notes", "goal_ids")
EMAIL_MAX = 254


def today() -> date:
    """Return today's date in the site's time zone."""
    return timezone.localdate()


def _check_known(data: Mapping[str, Any], allowed: Sequence[str], what: str) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise NetworkRuleError(sorted(unknown)[0], f"This field cannot be set on {what}.")


def _check_choice(name: str, value: Any, choices: Any) -> str:
    if value not in choices.values:
        labels = ", ".join(str(label) for label in choices.labels)
        raise NetworkRuleError(name, f"Choose one of: {labels}.")
    return str(value)


def _text(data: Mapping[str, Any], name: str, size: int) -> str:
    value = (data.get(name) or "").strip()
    if len(value) > size:
        raise NetworkRuleError(name, f"Keep this under {size} characters.")
    return str(value)


def own_goals(user: User, goal_ids: Iterable[int]) -> list[Goal]:
    """Return the user's goals with these ids; refuse any id that is not one of them."""
    ids = set(goal_ids)
    goals = list(Goal.objects.filter(user=user, pk__in=ids))
    if len(goals) != len(ids):
        raise NetworkRuleError("goal_ids", "Choose among your own goals.")
    return goals


def _own_goal(user: User, goal_id: int | None, *, name: str = "goal_id") -> Goal | None:
    if goal_id is None:
        return None
    goal = Goal.objects.filter(user=user, pk=goal_id).first()
    if goal is None:
        raise NetworkRuleError(name, "Choose one of your own goals.")
    return goal


def _own_contacts(user: User, contact_ids: Iterable[int]) -> list[Contact]:
    ids = set(contact_ids)
    contacts = list(Contact.objects.filter(user=user, pk__in=ids))
    if len(contacts) != len(ids):
        raise NetworkRuleError("contact_ids", "Choose among your own contacts.")
    return contacts


def check_email(email: str) -> str:
    """Return an email address trimmed, or refuse one that is not an address."""
    text = email.strip()
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        raise NetworkRuleError(
            "email",
            f"“{text[:60]}” is not an email address: it should look like name@example.org.",
        ) from None
    if len(text) > EMAIL_MAX:
        raise NetworkRuleError("email", f"Keep an email address under {EMAIL_MAX} characters.")
    return text


def check_emails(email: str, others: str | Iterable[str]) -> tuple[str, list[str]]:
    """Return a contact's main email and the others (one a line, or a list), each checked.

    Each address is kept once, in any case; with no main one, the first other becomes it.
    """
    return networking.main_and_others(
        email,
        others,
        check=check_email,
        key=str.casefold,
        field="other_emails",
        item="Address",
        noun="email addresses",
        limit=networking.OTHER_EMAILS_MAX,
    )


def check_phones(phone: str, others: str | Iterable[str]) -> tuple[str, list[str]]:
    """Return a contact's main phone number and the others (one a line, or a list), each checked.

    A number is kept once, however it is spaced; with no main one, the first other becomes it.
    """
    return networking.main_and_others(
        phone,
        others,
        check=networking.check_phone,
        key=networking.phone_key,
        field="other_phones",
        item="Number",
        noun="phone numbers",
        limit=networking.OTHER_PHONES_MAX,
    )


# Contacts


@dataclass
class _ContactInput:
    fields: dict[str, Any]
    tags: list[str]
    goals: list[Goal] | None


def _clean_contact(user: User, data: Mapping[str, Any]) -> _ContactInput:
    _check_known(data, CONTACT_FIELDS, "a contact")
    email, other_emails = check_emails(data.get("email") or "", data.get("other_emails") or [])
    phone, other_phones = check_phones(data.get("phone") or "", data.get("other_phones") or [])
    fields: dict[str, Any] = {
        "name": networking.check_name(data.get("name") or ""),
        "organisation": _text(data, "organisation", 200),
        "role": _text(data, "role", 200),
        "how_met": _text(data, "how_met", 500),
        "relationship": _check_choice(
            "relationship", data.get("relationship") or "other", Contact.Relationship
        ),
        "email": email,
        "other_emails": other_emails,
        "phone": phone,
        "other_phones": other_phones,
        "links": networking.check_links(data.get("links") or []),
        "notes": networking.check_notes(data.get("notes") or ""),
        "keep_in_touch_weeks": networking.check_keep_in_touch(data.get("keep_in_touch_weeks")),
    }
    tags = networking.parse_tags(data.get("tags") or [])
    goal_ids = data.get("goal_ids")
    goals = own_goals(user, goal_ids) if goal_ids is not None else None
    return _ContactInput(fields=fields, tags=tags, goals=goals)


def _tags_for(user: User, names: Sequence[str]) -> list[Tag]:
    existing = {t.name.casefold(): t for t in Tag.objects.filter(user=user)}
    missing = [n for n in names if n.casefold() not in existing]
    if missing:
        Tag.objects.bulk_create([Tag(user=user, name=n) for n in missing])
        existing = {t.name.casefold(): t for t in Tag.objects.filter(user=user)}
    return [existing[n.casefold()] for n in names]


def _drop_unused_tags(user: User) -> None:
    Tag.objects.filter(user=user, contacts__isnull=True).delete()


@transaction.atomic
def contact_create(*, user: User, data: Mapping[str, Any]) -> Contact:
    """Add a contact; `data` holds its fields, `tags` (names) and `goal_ids` (the user's goals)."""
    cleaned = _clean_contact(user, data)
    networking.check_contact_count(
        Contact.objects.filter(user=user).count(), 1, per_user=settings.HEADWAY_MAX_CONTACTS
    )
    contact = Contact.objects.create(user=user, **cleaned.fields)
    contact.tags.set(_tags_for(user, cleaned.tags))
    if cleaned.goals:
        contact.goals.set(cleaned.goals)
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, data: Mapping[str, Any]) -> Contact:
    """Change a contact; fields missing from `data` are emptied, except `goal_ids` and `tags`."""
    cleaned = _clean_contact(contact.user, data)
    for name, value in cleaned.fields.items():
        setattr(contact, name, value)
    contact.save()
    if "tags" in data:
        contact.tags.set(_tags_for(contact.user, cleaned.tags))
        _drop_unused_tags(contact.user)
    if cleaned.goals is not None:
        contact.goals.set(cleaned.goals)
    return contact


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    """Delete a contact with their interactions; goals that count them are recounted."""
    user = contact.user
    kinds = set(contact.interactions.values_list("kind", flat=True))
    contact.delete()
    _drop_unused_tags(user)
    _recount(user, kinds)


# Importing vCards


@dataclass
class ImportSummary:
    """What an import did (or, for a preview, would do)."""

    imported: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    preview: bool = False

    @property
    def by_email(self) -> int:
        return sum(1 for d in self.duplicates if d.by == "email")

    @property
    def by_name(self) -> int:
        return sum(1 for d in self.duplicates if d.by == "name")

    def sentence(self) -> str:
        """Return the summary in one sentence, as shown after an import."""
        count = len(self.imported)
        verb = "Would import" if self.preview else "Imported"
        text = f"{verb} {count} contact{'' if count == 1 else 's'}"
        skipped = len(self.duplicates)
        if skipped:
            parts = []
            if self.by_email:
                parts.append(f"{self.by_email} by email")
            if self.by_name:
                parts.append(f"{self.by_name} by name")
            text += (
                f"; skipped {skipped} duplicate{'' if skipped == 1 else 's'} "
                f"({' and '.join(parts)})"
            )
        return text + "."


def _card_values(
    values: Sequence[str],
    *,
    check: Callable[[str], str],
    key: Callable[[str], str],
    limit: int,
    refused: Callable[[str], str],
    too_many: Callable[[str], str],
    notes: list[str],
) -> list[str]:
    """Return a card's valid values once each, the main one and `limit` others; note the rest."""
    kept, wrong = networking.distinct_values(values, check=check, key=key)
    notes.extend(refused(text[:60]) for _place, text, _error in wrong)
    notes.extend(too_many(text[:60]) for text in kept[limit + 1 :])
    return kept[: limit + 1]


def _card_fields(card: CardContact, notes: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Turn a card into contact fields, noting anything left out and why."""
    who = f"Card {card.card} ({card.name})"
    emails = _card_values(
        card.emails,
        check=check_email,
        key=str.casefold,
        limit=networking.OTHER_EMAILS_MAX,
        refused=lambda text: f"{who}: left out “{text}”, which is not an email address.",
        too_many=lambda text: (
            f"{who}: left out “{text}”: a contact keeps "
            f"{networking.OTHER_EMAILS_MAX} email addresses besides the main one."
        ),
        notes=notes,
    )
    phones = _card_values(
        card.phones,
        check=networking.check_phone,
        key=networking.phone_key,
        limit=networking.OTHER_PHONES_MAX,
        refused=lambda text: f"{who}: left out the phone number “{text}”.",
        too_many=lambda text: (
            f"{who}: left out the phone number “{text}”: a contact keeps "
            f"{networking.OTHER_PHONES_MAX} numbers besides the main one."
        ),
        notes=notes,
    )
    links: list[str] = []
    for url in card.urls:
        link = networking.link_from_card(url)
        if link is None:
            notes.append(f"{who}: left out “{url[:60]}”, which is not an http or https link.")
        elif link not in links and len(links) < networking.LINKS_MAX:
            links.append(link)
    tags: list[str] = []
    for category in card.categories:
        tag = networking.collapse(category)[: networking.TAG_MAX]
        if tag.casefold() not in {t.casefold() for t in tags} and len(tags) < networking.TAGS_MAX:
            tags.append(tag)
    weeks = card.keep_in_touch_weeks
    relationship = card.relationship
    fields = {
        "name": networking.collapse(card.name)[: networking.NAME_MAX],
        "organisation": card.organisation[:200],
        "role": card.role[:200],
        "how_met": card.how_met[:500],
        "relationship": relationship
        if relationship in Contact.Relationship.values
        else Contact.Relationship.OTHER,
        "email": emails[0] if emails else "",
        "other_emails": emails[1:],
        "phone": phones[0] if phones else "",
        "other_phones": phones[1:],
        "links": links,
        "notes": card.note[: networking.NOTES_MAX],
        "keep_in_touch_weeks": weeks
        if weeks and weeks <= networking.KEEP_IN_TOUCH_MAX_WEEKS
        else None,
    }
    return fields, tags


@transaction.atomic
def contacts_import(*, user: User, data: bytes, preview: bool = False) -> ImportSummary:
    """Import the contacts of a vCard file, all or nothing, skipping ones already kept.

    Raises VCardError (size, encoding or syntax, naming the card and line) before anything is
    written. With `preview`, nothing is written and the summary says what would happen.
    """
    per_import = settings.HEADWAY_IMPORT_MAX_CONTACTS
    # Counted before parsing, so a file of tens of thousands of cards costs no parse.
    cards = data.upper().count(b"BEGIN:VCARD")
    if cards > per_import:
        raise VCardError(
            f"This file holds {cards:,} cards; one import takes up "
            f"to {per_import:,}. Split the file, or export fewer contacts at a time."
        )
    book = read_vcards(data)
    known = _known_contacts(user)
    plan = networking.plan_import(book.contacts, known)
    try:
        networking.check_contact_count(
            len(known), len(plan.new), per_user=settings.HEADWAY_MAX_CONTACTS
        )
    except NetworkRuleError as error:
        raise VCardError(f"This file adds {len(plan.new):,} contacts. {error.message}") from None
    summary = ImportSummary(
        duplicates=list(plan.duplicates), notes=list(book.notes), preview=preview
    )
    rows: list[tuple[Contact, list[str]]] = []
    for card in plan.new:
        fields, tags = _card_fields(card, summary.notes)
        contact = Contact(user=user, **fields)
        contact.refresh_search_text()
        rows.append((contact, tags))
        summary.imported.append(fields["name"])
    if preview or not rows:
        return summary
    contacts = Contact.objects.bulk_create([contact for contact, _ in rows])
    if any(tags for _, tags in rows):
        names: list[str] = []
        for _, tags in rows:
            names.extend(t for t in tags if t.casefold() not in {n.casefold() for n in names})
        by_key = {t.name.casefold(): t for t in _tags_for(user, names)}
        through = Contact.tags.through
        through.objects.bulk_create(
            [
                through(contact_id=contact.pk, tag_id=by_key[tag.casefold()].pk)
                for contact, (_, tags) in zip(contacts, rows, strict=True)
                for tag in tags
            ]
        )
    return summary


def _known_contacts(user: User) -> list[Known]:
    rows = Contact.objects.filter(user=user).values_list("name", "email", "other_emails")
    return [
        Known(name=name, emails=tuple(filter(None, (email, *others))))
        for name, email, others in rows
    ]


# Interactions


def _clean_interaction(
    user: User, *, contact_id: int, kind: str, occurred_on: date, goal_id: int | None, on: date
) -> tuple[Contact, Goal | None]:
    contact = Contact.objects.filter(user=user, pk=contact_id).first()
    if contact is None:
        raise NetworkRuleError("contact_id", "Choose one of your contacts.")
    _check_choice("kind", kind, Interaction.Kind)
    if not isinstance(occurred_on, date):
        raise NetworkRuleError("occurred_on", "Enter the date of the interaction.")
    networking.check_not_future(occurred_on, on, field="occurred_on", what="an interaction")
    return contact, _own_goal(user, goal_id)


@transaction.atomic
def interaction_create(
    *,
    user: User,
    contact_id: int,
    kind: str,
    occurred_on: date,
    notes: str = "",
    goal_id: int | None = None,
    on: date | None = None,
) -> Interaction:
    """Log an interaction with one of the user's contacts (optionally for one of their goals)."""
    contact, goal = _clean_interaction(
        user,
        contact_id=contact_id,
        kind=kind,
        occurred_on=occurred_on,
        goal_id=goal_id,
        on=on or today(),
    )
    interaction = Interaction.objects.create(
        user=user,
        contact=contact,
        kind=kind,
        occurred_on=occurred_on,
        notes=networking.check_notes(notes),
        goal=goal,
    )
    _recount(user, {kind})
    return interaction


@transaction.atomic
def interaction_update(
    *,
    interaction: Interaction,
    contact_id: int,
    kind: str,
    occurred_on: date,
    notes: str = "",
    goal_id: int | None = None,
    on: date | None = None,
) -> Interaction:
    """Change a logged interaction; goals counting its old or new kind are recounted."""
    user = interaction.user
    contact, goal = _clean_interaction(
        user,
        contact_id=contact_id,
        kind=kind,
        occurred_on=occurred_on,
        goal_id=goal_id,
        on=on or today(),
    )
    old_kind = interaction.kind
    interaction.contact = contact
    interaction.kind = kind
    interaction.occurred_on = occurred_on
    interaction.notes = networking.check_notes(notes)
    interaction.goal = goal
    interaction.save(update_fields=["contact", "kind", "occurred_on", "notes", "goal"])
    _recount(user, {old_kind, kind})
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    """Delete a logged interaction; goals counting its kind are recounted."""
    user, kind = interaction.user, interaction.kind
    interaction.delete()
    _recount(user, {kind})


# Goals that count interactions


def goal_target_sync(*, target: GoalInteractionTarget) -> MetricReading | None:
    """Record the count as the goal's metric value when it changed; None when nothing changed.

    A goal whose metric was removed, or whose target date moved before the counting start,
    is left alone until it can count again.
    """
    goal = Goal.objects.get(pk=target.goal_id)
    target.goal = goal
    if not goal.has_metric or goal.metric_direction != Goal.Direction.INCREASE:
        return None
    try:
        count = target_count(target)
    except NetworkRuleError:
        return None
    assert goal.metric_baseline is not None
    value = networking.counted_value(goal.metric_baseline, count)
    if goal.metric_current == value:
        return None
    label = Interaction.Kind(target.kind).label.lower()
    return plan_services.goal_metric_update(
        goal=goal, value=value, recorded_on=today(), note=f"{count} logged ({label})"[:200]
    )


def goal_target_recount(*, goal: Goal) -> MetricReading | None:
    """Count again for a goal whose target date or metric changed; None when nothing changed."""
    target = GoalInteractionTarget.objects.filter(goal=goal).first()
    return goal_target_sync(target=target) if target is not None else None


def _recount(user: User, kinds: set[str]) -> None:
    for target in GoalInteractionTarget.objects.filter(user=user, kind__in=kinds):
        goal_target_sync(target=target)


def _clean_target(
    target: GoalInteractionTarget, *, kind: str, starts_on: date | None, only_for_goal: bool
) -> None:
    goal = target.goal
    networking.check_countable_goal(
        has_metric=goal.has_metric, direction=goal.metric_direction, unit=goal.metric_unit
    )
    target.kind = _check_choice("kind", kind, Interaction.Kind)
    target.starts_on = starts_on
    target.only_for_goal = bool(only_for_goal)
    target_period(target)


@transaction.atomic
def goal_target_create(
    *,
    user: User,
    goal_id: int,
    kind: str,
    starts_on: date | None = None,
    only_for_goal: bool = False,
) -> GoalInteractionTarget:
    """Make one of the user's goals count interactions of a kind, and count them at once."""
    goal = _own_goal(user, goal_id, name="goal_id")
    assert goal is not None
    if GoalInteractionTarget.objects.filter(goal=goal).exists():
        raise NetworkRuleError(
            "goal_id", "This goal already counts interactions; change that count instead."
        )
    target = GoalInteractionTarget(user=user, goal=goal)
    _clean_target(target, kind=kind, starts_on=starts_on, only_for_goal=only_for_goal)
    target.save()
    goal_target_sync(target=target)
    return target


@transaction.atomic
def goal_target_update(
    *,
    target: GoalInteractionTarget,
    kind: str,
    starts_on: date | None = None,
    only_for_goal: bool = False,
) -> GoalInteractionTarget:
    """Change what a goal counts, and count again."""
    _clean_target(target, kind=kind, starts_on=starts_on, only_for_goal=only_for_goal)
    target.save(update_fields=["kind", "starts_on", "only_for_goal"])
    goal_target_sync(target=target)
    return target


def goal_target_delete(*, target: GoalInteractionTarget) -> None:
    """Stop counting interactions for a goal; its metric keeps the values recorded so far."""
    target.delete()


# Events and follow-ups


def _clean_event(
    user: User, event: Event, data: Mapping[str, Any]
) -> tuple[list[Goal], list[Contact]]:
    _check_known(data, EVENT_FIELDS, "an event")
    event.name = networking.check_name(data.get("name") or "", what="event")
    event.kind = _check_choice("kind", data.get("kind") or Event.Kind.OTHER, Event.Kind)
    held_on = data.get("held_on")
    if not isinstance(held_on, date):
        raise NetworkRuleError("held_on", "Enter the date of the event.")
    event.held_on = held_on
    event.place = _text(data, "place", 200)
    event.url = networking.check_link(data.get("url") or "")
    event.notes = networking.check_notes(data.get("notes") or "")
    return own_goals(user, data.get("goal_ids") or []), _own_contacts(
        user, data.get("contact_ids") or []
    )


@transaction.atomic
def event_create(*, user: User, data: Mapping[str, Any]) -> Event:
    """Record an event; `goal_ids` and `contact_ids` must be the user's own."""
    event = Event(user=user)
    goals, contacts = _clean_event(user, event, data)
    event.save()
    event.goals.set(goals)
    event.contacts.set(contacts)
    return event


@transaction.atomic
def event_update(*, event: Event, data: Mapping[str, Any]) -> Event:
    """Change an event, its goals and the contacts met there."""
    goals, contacts = _clean_event(event.user, event, data)
    event.save()
    event.goals.set(goals)
    event.contacts.set(contacts)
    return event


def event_delete(*, event: Event) -> None:
    """Delete an event with its follow-ups (the contacts met there stay)."""
    event.delete()


def _clean_follow_up(follow_up: FollowUp, text: str, due_on: date | None) -> None:
    follow_up.text = networking.collapse(text)
    if not follow_up.text:
        raise NetworkRuleError("text", "Say what to follow up, such as “Send my CV to Zoë”.")
    if len(follow_up.text) > 300:
        raise NetworkRuleError("text", "Keep a follow-up under 300 characters.")
    if not isinstance(due_on, date):
        raise NetworkRuleError("due_on", "Enter the date to follow up by.")
    follow_up.due_on = due_on


def follow_up_create(*, event: Event, text: str, due_on: date | None) -> FollowUp:
    """Add a follow-up to an event."""
    follow_up = FollowUp(event=event)
    _clean_follow_up(follow_up, text, due_on)
    follow_up.save()
    return follow_up


def follow_up_update(
    *, follow_up: FollowUp, text: str, due_on: date | None, done: bool
) -> FollowUp:
    """Change a follow-up's text, due date or whether it is done."""
    _clean_follow_up(follow_up, text, due_on)
    follow_up.done = done
    follow_up.save(update_fields=["text", "due_on", "done"])
    return follow_up


def follow_up_set_done(*, follow_up: FollowUp, done: bool = True) -> FollowUp:
    """Mark a follow-up done (or not done again)."""
    if follow_up.done != done:
        follow_up.done = done
        follow_up.save(update_fields=["done"])
    return follow_up


def follow_up_delete(*, follow_up: FollowUp) -> None:
    """Delete a follow-up."""
    follow_up.delete()


# Organisations


def _clean_organisation(
    user: User, organisation: Organisation, data: Mapping[str, Any]
) -> list[Goal]:
    _check_known(data, ORGANISATION_FIELDS, "an organisation")
    organisation.name = networking.check_name(data.get("name") or "", what="organisation")
    since = data.get("member_since")
    if since is not None and not isinstance(since, date):
        raise NetworkRuleError("member_since", "Enter the date you joined, or leave it empty.")
    if since is not None:
        networking.check_not_future(since, today(), field="member_since", what="a membership")
    organisation.member_since = since
    organisation.role = _text(data, "role", 200)
    organisation.url = networking.check_link(data.get("url") or "")
    organisation.notes = networking.check_notes(data.get("notes") or "")
    return own_goals(user, data.get("goal_ids") or [])


@transaction.atomic
def organisation_create(*, user: User, data: Mapping[str, Any]) -> Organisation:
    """Record a professional organisation the user joined."""
    organisation = Organisation(user=user)
    goals = _clean_organisation(user, organisation, data)
    organisation.save()
    organisation.goals.set(goals)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, data: Mapping[str, Any]) -> Organisation:
    """Change a professional organisation."""
    goals = _clean_organisation(organisation.user, organisation, data)
    organisation.save()
    organisation.goals.set(goals)
    return organisation


def organisation_delete(*, organisation: Organisation) -> None:
    """Delete a professional organisation."""
    organisation.delete()

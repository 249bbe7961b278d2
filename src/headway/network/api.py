"""The Network step's JSON API: the same services and selectors as the pages.

A refused input answers 422 with `{"detail": message, "field": name}`; another user's rows 404.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile

from headway.core.api_schema import LONG_TEXT, ErrorOut, Id, OneOf, PathId, paged, text
from headway.core.http import authed_user
from headway.domain.errors import RuleError
from headway.domain.networking import KEEP_IN_TOUCH_MAX_WEEKS
from headway.domain.vcard import VCardError, check_size
from headway.network import selectors, services
from headway.network.models import (
    Contact,
    Event,
    FollowUp,
    GoalInteractionTarget,
    Interaction,
    Organisation,
)

router = Router(tags=["network"])


# Contacts


class ContactIn(Schema):
    name: str = text(200, required=True)
    organisation: str = Field("", max_length=200)
    role: str = Field("", max_length=200)
    how_met: str = Field("", max_length=500)
    relationship: Annotated[str, OneOf(Contact.Relationship)] = Contact.Relationship.OTHER
    email: str = Field("", max_length=254)
    other_emails: list[Annotated[str, Field(max_length=254)]] = Field([], max_length=20)
    phone: str = Field("", max_length=40)
    other_phones: list[Annotated[str, Field(max_length=40)]] = Field([], max_length=20)
    links: list[Annotated[str, Field(max_length=500)]] = Field([], max_length=20)
    notes: str = Field("", max_length=LONG_TEXT)
    keep_in_touch_weeks: int | None = Field(
        None, ge=0, le=KEEP_IN_TOUCH_MAX_WEEKS, description="0 or null: no reminder."
    )
    tags: list[Annotated[str, Field(max_length=40)]] = Field([], max_length=50)
    goal_ids: list[Id] = Field([], max_length=1000)


class ContactOut(Schema):
    id: int
    name: str
    organisation: str
    role: str
    how_met: str
    relationship: str
    email: str
    other_emails: list[str]
    phone: str
    other_phones: list[str]
    links: list[str]
    notes: str
    keep_in_touch_weeks: int | None
    tags: list[str]
    goal_ids: list[int]
    last_contact_on: date | None
    next_keep_in_touch_on: date | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_tags(obj: Contact) -> list[str]:
        return [t.name for t in obj.tags.all()]

    @staticmethod
    def resolve_goal_ids(obj: Contact) -> list[int]:
        return [g.pk for g in obj.goals.all()]

    @staticmethod
    def resolve_last_contact_on(obj: Contact) -> date | None:
        return getattr(obj, "last_contact_on", None)

    @staticmethod
    def resolve_next_keep_in_touch_on(obj: Contact) -> date | None:
        return selectors.next_keep_in_touch_for_contact(obj)


class ContactFilters(Schema):
    q: str = ""
    tag: str = ""
    relationship: str = ""
    goal_id: int | None = None


class DuplicateOut(Schema):
    card: int
    name: str
    by: Literal["email", "name"]
    match: str


class ImportOut(Schema):
    preview: bool
    summary: str
    imported: list[str]
    skipped_duplicates: list[DuplicateOut]
    notes: list[str]


def _vcard_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/contacts", response=list[ContactOut])
@paged
def contacts_list(request: HttpRequest, filters: Query[ContactFilters]) -> Any:
    """List your contacts, searched by words or filtered by tag, relationship or goal."""
    return selectors.contacts_list_for_user(authed_user(request), **filters.dict())


@router.post("/contacts", response={201: ContactOut, 422: ErrorOut})
def contact_create(request: HttpRequest, payload: ContactIn) -> Any:
    """Add a contact; `goal_ids` must be your own goals, links http or https."""
    user = authed_user(request)
    contact = services.contact_create(user=user, data=payload.dict())
    return Status(201, selectors.contact_get_for_user(user, contact.pk))


@router.get("/contacts/vcard")
def contacts_vcard(request: HttpRequest, version: Literal["3.0", "4.0"] = "3.0") -> HttpResponse:
    """Download all your contacts as one vCard file (3.0 or 4.0)."""
    text = selectors.contacts_vcard_for_user(authed_user(request), version=version)
    return _vcard_response(text, "headway-contacts.vcf")


@router.get("/contacts/csv")
def contacts_csv(request: HttpRequest) -> HttpResponse:
    """Download all your contacts as a CSV spreadsheet."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(selectors.contacts_csv_rows_for_user(authed_user(request)))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="headway-contacts.csv"'
    return response


@router.post("/contacts/import", response={200: ImportOut, 201: ImportOut, 422: ErrorOut})
def contacts_import(request: HttpRequest, file: File[UploadedFile], preview: bool = False) -> Any:
    """Import a vCard file (2.1, 3.0 or 4.0, UTF-8, up to 1 MiB), all or nothing.

    Contacts you already have (same email, or same name) are skipped. With `preview=true`
    nothing is written. A file that cannot be read answers 422 naming the card and line.
    """
    user = authed_user(request)
    try:
        check_size(file.size or 0)
        summary = services.contacts_import(user=user, data=file.read(), preview=preview)
    except VCardError as error:
        raise RuleError("file", error.message) from error
    body = {
        "preview": summary.preview,
        "summary": summary.sentence(),
        "imported": summary.imported,
        "skipped_duplicates": [
            {"card": d.card.card, "name": d.card.name, "by": d.by, "match": d.match}
            for d in summary.duplicates
        ],
        "notes": summary.notes,
    }
    return Status(200 if preview else 201, body)


@router.get("/contacts/{contact_id}", response=ContactOut)
def contact_get(request: HttpRequest, contact_id: PathId) -> Any:
    """Return one of your contacts."""
    return selectors.contact_get_for_user(authed_user(request), contact_id)


@router.put("/contacts/{contact_id}", response={200: ContactOut, 422: ErrorOut})
def contact_update(request: HttpRequest, contact_id: PathId, payload: ContactIn) -> Any:
    """Replace a contact's fields, tags and goals."""
    user = authed_user(request)
    contact = selectors.contact_get_for_user(user, contact_id)
    services.contact_update(contact=contact, data=payload.dict())
    return selectors.contact_get_for_user(user, contact_id)


@router.delete("/contacts/{contact_id}", response={204: None})
def contact_delete(request: HttpRequest, contact_id: PathId) -> Any:
    """Delete a contact with the interactions logged with them."""
    contact = selectors.contact_get_for_user(authed_user(request), contact_id)
    services.contact_delete(contact=contact)
    return Status(204, None)


@router.get("/contacts/{contact_id}/vcard")
def contact_vcard(
    request: HttpRequest, contact_id: PathId, version: Literal["3.0", "4.0"] = "3.0"
) -> HttpResponse:
    """Download one contact as a vCard file."""
    contact = selectors.contact_get_for_user(authed_user(request), contact_id)
    return _vcard_response(selectors.contact_vcard(contact, version=version), "contact.vcf")


# Interactions


class InteractionIn(Schema):
    contact_id: Id
    kind: Annotated[str, OneOf(Interaction.Kind)]
    occurred_on: date
    notes: str = Field("", max_length=LONG_TEXT)
    goal_id: Id | None = None


class InteractionOut(Schema):
    id: int
    contact_id: int
    contact_name: str
    kind: str
    occurred_on: date
    notes: str
    goal_id: int | None
    created_at: datetime

    @staticmethod
    def resolve_contact_name(obj: Interaction) -> str:
        return obj.contact.name


class InteractionFilters(Schema):
    contact_id: int | None = None
    kind: str = ""
    goal_id: int | None = None


@router.get("/interactions", response=list[InteractionOut])
@paged
def interactions_list(request: HttpRequest, filters: Query[InteractionFilters]) -> Any:
    """List your interactions, newest first."""
    return selectors.interactions_list_for_user(authed_user(request), **filters.dict())


@router.post("/interactions", response={201: InteractionOut, 422: ErrorOut})
def interaction_create(request: HttpRequest, payload: InteractionIn) -> Any:
    """Log an interaction; goals counting its type are recounted."""
    interaction = services.interaction_create(user=authed_user(request), **payload.dict())
    return Status(201, interaction)


@router.get("/interactions/{interaction_id}", response=InteractionOut)
def interaction_get(request: HttpRequest, interaction_id: PathId) -> Any:
    """Return one of your interactions."""
    return selectors.interaction_get_for_user(authed_user(request), interaction_id)


@router.put("/interactions/{interaction_id}", response={200: InteractionOut, 422: ErrorOut})
def interaction_update(request: HttpRequest, interaction_id: PathId, payload: InteractionIn) -> Any:
    """Change a logged interaction; goals counting its old or new type are recounted."""
    interaction = selectors.interaction_get_for_user(authed_user(request), interaction_id)
    return services.interaction_update(interaction=interaction, **payload.dict())


@router.delete("/interactions/{interaction_id}", response={204: None})
def interaction_delete(request: HttpRequest, interaction_id: PathId) -> Any:
    """Delete a logged interaction; goals counting its type are recounted."""
    interaction = selectors.interaction_get_for_user(authed_user(request), interaction_id)
    services.interaction_delete(interaction=interaction)
    return Status(204, None)


# Events and follow-ups


class FollowUpIn(Schema):
    text: str = text(300, required=True)
    due_on: date
    done: bool = False


class FollowUpOut(Schema):
    id: int
    event_id: int
    text: str
    due_on: date
    done: bool


class EventIn(Schema):
    name: str = text(200, required=True)
    kind: Annotated[str, OneOf(Event.Kind)] = "other"
    held_on: date
    place: str = Field("", max_length=200)
    url: str = Field("", max_length=500)
    notes: str = Field("", max_length=LONG_TEXT)
    goal_ids: list[Id] = Field([], max_length=1000)
    contact_ids: list[Id] = Field([], max_length=1000)


class EventOut(Schema):
    id: int
    name: str
    kind: str
    held_on: date
    place: str
    url: str
    notes: str
    goal_ids: list[int]
    contact_ids: list[int]
    follow_ups: list[FollowUpOut]
    created_at: datetime

    @staticmethod
    def resolve_goal_ids(obj: Event) -> list[int]:
        return [g.pk for g in obj.goals.all()]

    @staticmethod
    def resolve_contact_ids(obj: Event) -> list[int]:
        return [c.pk for c in obj.contacts.all()]

    @staticmethod
    def resolve_follow_ups(obj: Event) -> list[FollowUp]:
        return list(obj.follow_ups.all())


@router.get("/events", response=list[EventOut])
@paged
def events_list(request: HttpRequest) -> Any:
    """List your events, latest first, with goals, contacts met and follow-ups."""
    return selectors.events_list_for_user(authed_user(request))


@router.post("/events", response={201: EventOut, 422: ErrorOut})
def event_create(request: HttpRequest, payload: EventIn) -> Any:
    """Record an event; `goal_ids` and `contact_ids` must be your own."""
    user = authed_user(request)
    event = services.event_create(user=user, data=payload.dict())
    return Status(201, selectors.event_get_for_user(user, event.pk))


@router.get("/events/{event_id}", response=EventOut)
def event_get(request: HttpRequest, event_id: PathId) -> Any:
    """Return one of your events."""
    return selectors.event_get_for_user(authed_user(request), event_id)


@router.put("/events/{event_id}", response={200: EventOut, 422: ErrorOut})
def event_update(request: HttpRequest, event_id: PathId, payload: EventIn) -> Any:
    """Replace an event's fields, goals and contacts."""
    user = authed_user(request)
    event = selectors.event_get_for_user(user, event_id)
    services.event_update(event=event, data=payload.dict())
    return selectors.event_get_for_user(user, event_id)


@router.delete("/events/{event_id}", response={204: None})
def event_delete(request: HttpRequest, event_id: PathId) -> Any:
    """Delete an event with its follow-ups."""
    services.event_delete(event=selectors.event_get_for_user(authed_user(request), event_id))
    return Status(204, None)


@router.post("/events/{event_id}/follow-ups", response={201: FollowUpOut, 422: ErrorOut})
def follow_up_create(request: HttpRequest, event_id: PathId, payload: FollowUpIn) -> Any:
    """Add a follow-up to one of your events."""
    event = selectors.event_get_for_user(authed_user(request), event_id)
    follow_up = services.follow_up_create(event=event, text=payload.text, due_on=payload.due_on)
    if payload.done:
        services.follow_up_set_done(follow_up=follow_up)
    return Status(201, follow_up)


@router.put("/follow-ups/{follow_up_id}", response={200: FollowUpOut, 422: ErrorOut})
def follow_up_update(request: HttpRequest, follow_up_id: PathId, payload: FollowUpIn) -> Any:
    """Change a follow-up, or mark it done."""
    follow_up = selectors.follow_up_get_for_user(authed_user(request), follow_up_id)
    return services.follow_up_update(follow_up=follow_up, **payload.dict())


@router.delete("/follow-ups/{follow_up_id}", response={204: None})
def follow_up_delete(request: HttpRequest, follow_up_id: PathId) -> Any:
    """Delete a follow-up."""
    follow_up = selectors.follow_up_get_for_user(authed_user(request), follow_up_id)
    services.follow_up_delete(follow_up=follow_up)
    return Status(204, None)


# Organisations


class OrganisationIn(Schema):
    name: str = text(200, required=True)
    member_since: date | None = None
    role: str = Field("", max_length=200)
    url: str = Field("", max_length=500)
    notes: str = Field("", max_length=LONG_TEXT)
    goal_ids: list[Id] = Field([], max_length=1000)


class OrganisationOut(Schema):
    id: int
    name: str
    member_since: date | None
    role: str
    url: str
    notes: str
    goal_ids: list[int]
    created_at: datetime

    @staticmethod
    def resolve_goal_ids(obj: Organisation) -> list[int]:
        return [g.pk for g in obj.goals.all()]


@router.get("/organisations", response=list[OrganisationOut])
@paged
def organisations_list(request: HttpRequest) -> Any:
    """List the professional organisations you belong to."""
    return selectors.organisations_list_for_user(authed_user(request))


@router.post("/organisations", response={201: OrganisationOut, 422: ErrorOut})
def organisation_create(request: HttpRequest, payload: OrganisationIn) -> Any:
    """Record a professional organisation you joined."""
    user = authed_user(request)
    organisation = services.organisation_create(user=user, data=payload.dict())
    return Status(201, selectors.organisation_get_for_user(user, organisation.pk))


@router.get("/organisations/{organisation_id}", response=OrganisationOut)
def organisation_get(request: HttpRequest, organisation_id: PathId) -> Any:
    """Return one of your organisations."""
    return selectors.organisation_get_for_user(authed_user(request), organisation_id)


@router.put("/organisations/{organisation_id}", response={200: OrganisationOut, 422: ErrorOut})
def organisation_update(
    request: HttpRequest, organisation_id: PathId, payload: OrganisationIn
) -> Any:
    """Replace an organisation's fields and goals."""
    user = authed_user(request)
    organisation = selectors.organisation_get_for_user(user, organisation_id)
    services.organisation_update(organisation=organisation, data=payload.dict())
    return selectors.organisation_get_for_user(user, organisation_id)


@router.delete("/organisations/{organisation_id}", response={204: None})
def organisation_delete(request: HttpRequest, organisation_id: PathId) -> Any:
    """Delete an organisation."""
    organisation = selectors.organisation_get_for_user(authed_user(request), organisation_id)
    services.organisation_delete(organisation=organisation)
    return Status(204, None)


# Goals that count interactions


class GoalTargetIn(Schema):
    goal_id: Id
    kind: Annotated[str, OneOf(Interaction.Kind)]
    starts_on: date | None = None
    only_for_goal: bool = False


class GoalTargetUpdateIn(Schema):
    kind: Annotated[str, OneOf(Interaction.Kind)]
    starts_on: date | None = None
    only_for_goal: bool = False


class GoalTargetOut(Schema):
    id: int
    goal_id: int
    goal_statement: str
    kind: str
    starts_on: date | None
    only_for_goal: bool
    period_start: date | None
    period_end: date | None
    count: int | None
    value: Decimal | None
    problem: str


def _target_out(progress: selectors.TargetProgress) -> dict[str, Any]:
    target = progress.target
    return {
        "id": target.pk,
        "goal_id": target.goal_id,
        "goal_statement": target.goal.statement,
        "kind": target.kind,
        "starts_on": target.starts_on,
        "only_for_goal": target.only_for_goal,
        "period_start": progress.period.start if progress.period else None,
        "period_end": progress.period.end if progress.period else None,
        "count": progress.count,
        "value": progress.value,
        "problem": progress.problem,
    }


def _target_body(target: GoalInteractionTarget) -> dict[str, Any]:
    return _target_out(selectors.goal_target_progress(target))


@router.get("/goal-targets", response=list[GoalTargetOut])
@paged
def targets_list(request: HttpRequest) -> Any:
    """List your goals that count interactions, each with its count now."""
    return [_target_out(p) for p in selectors.goal_targets_for_user(authed_user(request))]


@router.post("/goal-targets", response={201: GoalTargetOut, 422: ErrorOut})
def target_create(request: HttpRequest, payload: GoalTargetIn) -> Any:
    """Make one of your goals count interactions of a type from a start to its target date.

    The goal needs a metric that grows; its current value becomes the baseline plus the count,
    recorded as a metric reading, and follows each interaction logged, changed or deleted.
    """
    target = services.goal_target_create(user=authed_user(request), **payload.dict())
    return Status(201, _target_body(target))


@router.get("/goal-targets/{target_id}", response=GoalTargetOut)
def target_get(request: HttpRequest, target_id: PathId) -> Any:
    """Return one goal that counts interactions."""
    return _target_body(selectors.goal_target_get_for_user(authed_user(request), target_id))


@router.put("/goal-targets/{target_id}", response={200: GoalTargetOut, 422: ErrorOut})
def target_update(request: HttpRequest, target_id: PathId, payload: GoalTargetUpdateIn) -> Any:
    """Change what a goal counts, and count again."""
    target = selectors.goal_target_get_for_user(authed_user(request), target_id)
    services.goal_target_update(target=target, **payload.dict())
    return _target_body(target)


@router.delete("/goal-targets/{target_id}", response={204: None})
def target_delete(request: HttpRequest, target_id: PathId) -> Any:
    """Stop counting interactions for a goal; recorded values stay."""
    target = selectors.goal_target_get_for_user(authed_user(request), target_id)
    services.goal_target_delete(target=target)
    return Status(204, None)

"""Pages of the Network step. Thin: parse the form, call a service or selector, render.

When htmx asks, a view answers with the fragment of the same page that changed.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from headway.core.http import authed_user
from headway.core.pagination import paginate
from headway.domain.networking import NetworkRuleError
from headway.domain.vcard import VCardError, check_size
from headway.network import selectors, services
from headway.network.forms import (
    ContactFilterForm,
    ContactForm,
    EventForm,
    FollowUpForm,
    ImportForm,
    InteractionForm,
    OrganisationForm,
    TargetForm,
)
from headway.network.models import Event, FollowUp

T = TypeVar("T")
VCARD_TYPE = "text/vcard; charset=utf-8"


def _attempt(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Run a service; put a refusal next to its field (or atop the form) and return None."""
    try:
        return call()
    except NetworkRuleError as error:
        name = error.field.removesuffix("_ids").removesuffix("_id")
        if name + "s" in form.fields and name not in form.fields:
            name += "s"
        form.add_error(name if name in form.fields else None, error.message)
        return None


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _download(content: str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _vcard_version(request: HttpRequest) -> str:
    return "4.0" if request.GET.get("version") == "4.0" else "3.0"


# Overview


@login_required
@require_GET
def overview_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    return render(
        request,
        "network/network_overview.html",
        {"overview": selectors.overview_for_user(user, services.today())},
    )


# Contacts


@login_required
@require_GET
def contacts_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    tags = [t.name for t in selectors.tags_for_user(user)]
    goals = selectors.goal_choices_for_user(user)
    form = ContactFilterForm(request.GET or None, tags=tags, goals=goals)
    filters: dict[str, Any] = {}
    if form.is_bound:
        # Filters that are valid apply even when another one is not (it shows its error).
        form.is_valid()
        filters = {
            "q": form.cleaned_data.get("q", ""),
            "tag": form.cleaned_data.get("tag", ""),
            "relationship": form.cleaned_data.get("relationship", ""),
            "goal_id": form.cleaned_data.get("goal"),
        }
    page = paginate(request, selectors.contacts_list_for_user(user, **filters))
    context = {
        "form": form,
        "page": page,
        "contacts": page.object_list,
        "filtered": any(filters.values()),
        "today": services.today(),
    }
    template = "network/_contact_rows.html" if _is_htmx(request) else "network/contact_list.html"
    return render(request, template, context)


@login_required
def contact_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = ContactForm(request.POST or None, goals=selectors.goal_choices_for_user(user))
    if request.method == "POST" and form.is_valid():
        contact = _attempt(
            form, lambda: services.contact_create(user=user, data=form.contact_data())
        )
        if contact is not None:
            messages.success(request, f"{contact.name} is in your network.")
            return redirect("network-contact", contact.pk)
    return render(request, "network/contact_form.html", {"form": form, "contact": None})


@login_required
@require_GET
def contact_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = authed_user(request)
    contact = selectors.contact_page_for_user(user, contact_id)
    form = InteractionForm(
        initial={"contact": contact.pk, "occurred_on": services.today()},
        contacts=selectors.contact_choices_for_user(user),
        goals=selectors.goal_choices_for_user(user),
    )
    return render(
        request,
        "network/contact_detail.html",
        {
            "contact": contact,
            "interactions": paginate(request, selectors.interactions_of_contact(contact)),
            "events": list(contact.events.all()),
            "next_on": selectors.next_keep_in_touch_for_contact(contact),
            "interaction_form": form,
            "today": services.today(),
        },
    )


@login_required
def contact_edit_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = authed_user(request)
    contact = selectors.contact_get_for_user(user, contact_id)
    form = ContactForm(
        request.POST or None,
        initial=ContactForm.initial_for(contact),
        goals=selectors.goal_choices_for_user(user),
    )
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form, lambda: services.contact_update(contact=contact, data=form.contact_data())
        )
        if saved is not None:
            messages.success(request, "Saved.")
            return redirect("network-contact", contact.pk)
    return render(request, "network/contact_form.html", {"form": form, "contact": contact})


@login_required
def contact_delete_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = selectors.contact_get_for_user(authed_user(request), contact_id)
    if request.method == "POST":
        services.contact_delete(contact=contact)
        messages.success(request, f"{contact.name} is deleted, with the interactions logged.")
        return redirect("network-contacts")
    return render(
        request,
        "network/object_delete.html",
        {
            "title": f"Delete {contact.name}?",
            "text": "Their interactions go too; events keep their other contacts.",
            "back_url": reverse("network-contact", args=[contact.pk]),
        },
    )


@login_required
@require_GET
def contact_vcard_view(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = selectors.contact_get_for_user(authed_user(request), contact_id)
    text = selectors.contact_vcard(contact, version=_vcard_version(request))
    return _download(text, f"{slugify(contact.name) or 'contact'}.vcf", VCARD_TYPE)


@login_required
@require_GET
def contacts_vcard_view(request: HttpRequest) -> HttpResponse:
    text = selectors.contacts_vcard_for_user(authed_user(request), version=_vcard_version(request))
    stamp = timezone.localdate().isoformat()
    return _download(text, f"headway-contacts-{stamp}.vcf", VCARD_TYPE)


@login_required
@require_GET
def contacts_csv_view(request: HttpRequest) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    # A byte-order mark makes spreadsheet programs read the file as UTF-8.
    response = _download("\ufeff", f"headway-contacts-{stamp}.csv", "text/csv; charset=utf-8")
    csv.writer(response).writerows(selectors.contacts_csv_rows_for_user(authed_user(request)))
    return response


@login_required
def contacts_import_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # The size is known from the upload; nothing is read when it is too big.
            check_size(upload.size or 0)
            summary = services.contacts_import(
                user=user, data=upload.read(), preview=form.cleaned_data["preview"]
            )
        except VCardError as error:
            form.add_error("file", error.message)
        if summary is not None and summary.preview:
            # A file input cannot be filled in again: the person chooses the file once more.
            form = ImportForm()
    return render(request, "network/contact_import.html", {"form": form, "summary": summary})


# Interactions


def _interaction_form(request: HttpRequest, **kwargs: Any) -> InteractionForm:
    user = authed_user(request)
    return InteractionForm(
        request.POST or None,
        contacts=selectors.contact_choices_for_user(user),
        goals=selectors.goal_choices_for_user(user),
        **kwargs,
    )


@login_required
@require_GET
def interactions_view(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.interactions_list_for_user(authed_user(request)))
    return render(
        request,
        "network/interaction_list.html",
        {"page": page, "interactions": page.object_list},
    )


@login_required
def interaction_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    initial: dict[str, Any] = {"occurred_on": services.today()}
    if request.GET.get("contact", "").isdigit():
        initial["contact"] = int(request.GET["contact"])
    form = _interaction_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        interaction = _attempt(
            form, lambda: services.interaction_create(user=user, **form.interaction_data())
        )
        if interaction is not None:
            messages.success(
                request,
                f"{interaction.get_kind_display()} with {interaction.contact.name} is logged.",
            )
            return redirect("network-contact", interaction.contact_id)
    return render(request, "network/interaction_form.html", {"form": form, "interaction": None})


@login_required
def interaction_edit_view(request: HttpRequest, interaction_id: int) -> HttpResponse:
    interaction = selectors.interaction_get_for_user(authed_user(request), interaction_id)
    initial = {
        "contact": interaction.contact_id,
        "kind": interaction.kind,
        "occurred_on": interaction.occurred_on,
        "goal": interaction.goal_id,
        "notes": interaction.notes,
    }
    form = _interaction_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form,
            lambda: services.interaction_update(interaction=interaction, **form.interaction_data()),
        )
        if saved is not None:
            messages.success(request, "Saved.")
            return redirect("network-contact", saved.contact_id)
    return render(
        request, "network/interaction_form.html", {"form": form, "interaction": interaction}
    )


@login_required
def interaction_delete_view(request: HttpRequest, interaction_id: int) -> HttpResponse:
    interaction = selectors.interaction_get_for_user(authed_user(request), interaction_id)
    if request.method == "POST":
        services.interaction_delete(interaction=interaction)
        messages.success(request, "The interaction is deleted.")
        return redirect("network-contact", interaction.contact_id)
    return render(
        request,
        "network/object_delete.html",
        {
            "title": f"Delete this {interaction.get_kind_display().lower()}?",
            "text": f"With {interaction.contact.name} on {interaction.occurred_on:%-d %b %Y}.",
            "back_url": reverse("network-contact", args=[interaction.contact_id]),
        },
    )


# Events and follow-ups


def _event_form(request: HttpRequest, **kwargs: Any) -> EventForm:
    user = authed_user(request)
    if request.method == "POST":
        chosen = request.POST.getlist("contacts")
    else:
        chosen = [str(pk) for pk in kwargs.get("initial", {}).get("contacts", [])]
    shown = selectors.contact_choices_shown_for_user(
        user, chosen=chosen, words=request.GET.get("find", "")[:200]
    )
    return EventForm(
        request.POST or None,
        goals=selectors.goal_choices_for_user(user),
        contacts=selectors.contact_choices_for_user(user),
        shown=shown,
        **kwargs,
    )


@login_required
@require_GET
def events_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    today = services.today()
    ahead = paginate(request, selectors.events_ahead_for_user(user, today), param="ahead")
    past = paginate(request, selectors.events_past_for_user(user, today))
    return render(
        request,
        "network/event_list.html",
        {
            "today": today,
            "ahead_page": ahead,
            "upcoming": ahead.object_list,
            "past_page": past,
            "past": past.object_list,
        },
    )


@login_required
def event_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = _event_form(request, initial={"held_on": services.today()})
    if request.method == "POST" and form.is_valid():
        event = _attempt(form, lambda: services.event_create(user=user, data=form.event_data()))
        if event is not None:
            messages.success(request, f"“{event.name}” is recorded. Add what to follow up.")
            return redirect("network-event", event.pk)
    return render(request, "network/event_form.html", {"form": form, "event": None})


def _event_page(request: HttpRequest, event: Event, follow_up_form: FollowUpForm) -> HttpResponse:
    return render(
        request,
        "network/event_detail.html",
        {
            "event": event,
            "follow_ups": list(event.follow_ups.all()),
            "follow_up_form": follow_up_form,
            "today": services.today(),
        },
    )


@login_required
@require_GET
def event_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_user(authed_user(request), event_id)
    return _event_page(request, event, FollowUpForm())


@login_required
def event_edit_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_user(authed_user(request), event_id)
    form = _event_form(request, initial=EventForm.initial_for(event))
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(form, lambda: services.event_update(event=event, data=form.event_data()))
        is not None
    ):
        messages.success(request, "Saved.")
        return redirect("network-event", event.pk)
    return render(request, "network/event_form.html", {"form": form, "event": event})


@login_required
def event_delete_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_user(authed_user(request), event_id)
    if request.method == "POST":
        services.event_delete(event=event)
        messages.success(request, f"“{event.name}” is deleted.")
        return redirect("network-events")
    return render(
        request,
        "network/object_delete.html",
        {
            "title": f"Delete “{event.name}”?",
            "text": "Its follow-ups go too; the contacts you met there stay.",
            "back_url": reverse("network-event", args=[event.pk]),
        },
    )


@login_required
@require_POST
def follow_up_create_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get_for_user(authed_user(request), event_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        added = _attempt(
            form,
            lambda: services.follow_up_create(
                event=event, text=form.cleaned_data["text"], due_on=form.cleaned_data["due_on"]
            ),
        )
        if added is not None:
            messages.success(request, "Follow-up added.")
            return redirect("network-event", event.pk)
    return _event_page(request, event, form)


@login_required
def follow_up_edit_view(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = selectors.follow_up_get_for_user(authed_user(request), follow_up_id)
    initial = {"text": follow_up.text, "due_on": follow_up.due_on, "done": follow_up.done}
    form = FollowUpForm(request.POST or None, initial=initial, editing=True)
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.follow_up_update(follow_up=follow_up, **form.cleaned_data),
        )
        is not None
    ):
        messages.success(request, "Saved.")
        return redirect("network-event", follow_up.event_id)
    return render(request, "network/followup_form.html", {"form": form, "follow_up": follow_up})


@login_required
@require_POST
def follow_up_done_view(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = selectors.follow_up_get_for_user(authed_user(request), follow_up_id)
    services.follow_up_set_done(follow_up=follow_up, done=request.POST.get("done") != "0")
    if _is_htmx(request):
        return render(
            request,
            "network/_follow_up_row.html",
            {"follow_up": follow_up, "today": services.today()},
        )
    return redirect("network-event", follow_up.event_id)


@login_required
@require_POST
def follow_up_delete_view(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up: FollowUp = selectors.follow_up_get_for_user(authed_user(request), follow_up_id)
    services.follow_up_delete(follow_up=follow_up)
    messages.success(request, "Follow-up deleted.")
    return redirect("network-event", follow_up.event_id)


# Organisations


@login_required
@require_GET
def organisations_view(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.organisations_list_for_user(authed_user(request)))
    return render(
        request,
        "network/organisation_list.html",
        {"page": page, "organisations": page.object_list},
    )


@login_required
def organisation_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = OrganisationForm(request.POST or None, goals=selectors.goal_choices_for_user(user))
    if request.method == "POST" and form.is_valid():
        organisation = _attempt(
            form,
            lambda: services.organisation_create(user=user, data=form.organisation_data()),
        )
        if organisation is not None:
            messages.success(request, f"“{organisation.name}” is recorded.")
            return redirect("network-organisations")
    return render(request, "network/organisation_form.html", {"form": form, "organisation": None})


@login_required
def organisation_edit_view(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = authed_user(request)
    organisation = selectors.organisation_get_for_user(user, organisation_id)
    initial = {
        "name": organisation.name,
        "member_since": organisation.member_since,
        "role": organisation.role,
        "url": organisation.url,
        "notes": organisation.notes,
        "goals": [g.pk for g in organisation.goals.all()],
    }
    form = OrganisationForm(
        request.POST or None, initial=initial, goals=selectors.goal_choices_for_user(user)
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: services.organisation_update(
                organisation=organisation, data=form.organisation_data()
            ),
        )
        is not None
    ):
        messages.success(request, "Saved.")
        return redirect("network-organisations")
    return render(
        request, "network/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
def organisation_delete_view(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_get_for_user(authed_user(request), organisation_id)
    if request.method == "POST":
        services.organisation_delete(organisation=organisation)
        messages.success(request, f"“{organisation.name}” is deleted.")
        return redirect("network-organisations")
    return render(
        request,
        "network/object_delete.html",
        {
            "title": f"Delete “{organisation.name}”?",
            "text": "Only the record of your membership goes.",
            "back_url": reverse("network-organisations"),
        },
    )


# Goals that count interactions


@login_required
@require_GET
def targets_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    return render(
        request,
        "network/target_list.html",
        {"targets": selectors.goal_targets_for_user(user), "today": services.today()},
    )


@login_required
def target_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    initial: dict[str, Any] = {}
    if request.GET.get("goal", "").isdigit():
        initial["goal"] = int(request.GET["goal"])
    form = TargetForm(
        request.POST or None, initial=initial, goals=selectors.goal_choices_for_user(user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = _attempt(
            form,
            lambda: services.goal_target_create(
                user=user,
                goal_id=data["goal"].pk,
                kind=data["kind"],
                starts_on=data["starts_on"],
                only_for_goal=data["only_for_goal"],
            ),
        )
        if target is not None:
            messages.success(
                request, f"“{target.goal.statement}” now counts your logged interactions."
            )
            return redirect("network-targets")
    return render(request, "network/target_form.html", {"form": form, "target": None})


@login_required
def target_edit_view(request: HttpRequest, target_id: int) -> HttpResponse:
    target = selectors.goal_target_get_for_user(authed_user(request), target_id)
    initial = {
        "kind": target.kind,
        "starts_on": target.starts_on,
        "only_for_goal": target.only_for_goal,
    }
    form = TargetForm(request.POST or None, initial=initial, goals=None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(form, lambda: services.goal_target_update(target=target, **form.cleaned_data))
        is not None
    ):
        messages.success(request, "Saved, and counted again.")
        return redirect("network-targets")
    return render(request, "network/target_form.html", {"form": form, "target": target})


@login_required
def target_delete_view(request: HttpRequest, target_id: int) -> HttpResponse:
    target = selectors.goal_target_get_for_user(authed_user(request), target_id)
    if request.method == "POST":
        services.goal_target_delete(target=target)
        messages.success(request, "The goal no longer counts interactions.")
        return redirect("network-targets")
    return render(
        request,
        "network/object_delete.html",
        {
            "title": f"Stop counting for “{target.goal.statement}”?",
            "text": "The goal keeps the values recorded so far; you update it yourself again.",
            "back_url": reverse("network-targets"),
        },
    )

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.accounts import selectors, services
from headway.accounts.forms import AccountDeleteForm, ProfileForm, TokenCreateForm
from headway.core.exports import user_data_export
from headway.core.http import authed_user
from headway.core.pagination import paginate


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    profile_form = ProfileForm(instance=user)
    if request.method == "POST":
        profile_form = ProfileForm(request.POST, instance=user)
        if profile_form.is_valid():
            profile_form.save()
            messages.success(request, "Your profile is saved.")
            return redirect("accounts-settings")
    return render(
        request,
        "accounts/settings.html",
        {
            "profile_form": profile_form,
            "token_form": TokenCreateForm(),
            "tokens": paginate(request, selectors.tokens_list_for_user(user)),
        },
    )


@login_required
@require_POST
def token_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "accounts/settings.html",
            {
                "profile_form": ProfileForm(instance=user),
                "token_form": form,
                "tokens": paginate(request, selectors.tokens_list_for_user(user)),
            },
            status=400,
        )
    token, raw = services.token_create(user=user, name=form.cleaned_data["name"])
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.token_get_for_user(authed_user(request), token_id)
    services.token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” is revoked.")
    return redirect("accounts-settings")


@login_required
def data_export_view(request: HttpRequest) -> HttpResponse:
    data = user_data_export(authed_user(request))
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="headway-data-{stamp}.json"'
    return response


@login_required
def account_delete_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        logout(request)
        services.account_delete(user=user)
        messages.success(request, "Your account and all its data are deleted.")
        return redirect("core-home")
    return render(request, "accounts/delete.html", {"form": form})

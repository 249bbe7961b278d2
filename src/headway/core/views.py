from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from headway.core.http import authed_user
from headway.plans.selectors import dashboard_for_user


def home_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core-dashboard")
    return render(request, "core/home.html")


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    board = dashboard_for_user(authed_user(request), timezone.localdate())
    return render(request, "core/dashboard.html", {"board": board})


def healthz_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")

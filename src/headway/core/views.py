from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def home_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core-dashboard")
    return render(request, "core/home.html")


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return render(request, "core/dashboard.html")


def healthz_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")

"""Middleware of Headway's own."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from headway.domain.vcard import format_size


class RequestSizeLimitMiddleware:
    """Refuse a request body over HEADWAY_MAX_REQUEST_BYTES before anything reads it.

    Django reads no more of the body than its Content-Length says (a body sent without one
    reads as empty), so checking the declared length bounds what is read, uploads included:
    a 50 MB upload is refused without being streamed to a temporary file first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0  # Django reads an unreadable length as no body at all
        limit: int = settings.HEADWAY_MAX_REQUEST_BYTES
        if size > limit:
            message = (
                f"This request is {format_size(size)}; Headway accepts up to "
                f"{format_size(limit)} at a time. Send a smaller file or less text."
            )
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=413)
            return render(request, "413.html", {"message": message}, status=413)
        return self.get_response(request)

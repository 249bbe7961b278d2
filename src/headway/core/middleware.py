"""Middleware of Headway's own: bodies too large to read, API input no view should read."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

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
                return JsonResponse({"detail": message, "field": None}, status=413)
            return render(request, "413.html", {"message": message}, status=413)
        return self.get_response(request)


def _bad_text(value: str) -> str | None:
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (text that is not valid Unicode)"
    return None


def _strings(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path)
            yield from _strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, str(index)))


def _json_body(request: HttpRequest) -> Any:
    if request.content_type != "application/json" or not request.body:
        return None
    try:
        return json.loads(request.body)
    except ValueError:
        return None  # the API answers a body it cannot read itself


def _problem(request: HttpRequest) -> tuple[str | None, str] | None:
    """Return (field, message) for the first thing refused in the request, or None."""
    body = _json_body(request)
    if body is not None and not isinstance(body, dict):
        return None, "Send the body as a JSON object of named fields."
    texts: list[tuple[tuple[str, ...], str]] = [((), request.path)]
    texts += [((key,), value) for key, values in request.GET.lists() for value in [key, *values]]
    for path, value in [*texts, *_strings(body)]:
        problem = _bad_text(value)
        if problem:
            field = ".".join(path) or None
            return field, f"{field or 'The request'} {problem}."
    return None


class ApiInputGuard:
    """Answer 422 to an API request whose JSON body is not an object, or whose path, query or
    body holds NUL or lone surrogates.

    PostgreSQL cannot store either character, and SQLite would store a NUL that breaks
    exports; ninja's schemas would read a bare string or list as an object with defaults.
    The answer has the API's one error shape.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = _problem(request) if request.path.startswith("/api/") else None
        if problem is not None:
            field, detail = problem
            return JsonResponse({"detail": detail, "field": field}, status=422)
        return self.get_response(request)

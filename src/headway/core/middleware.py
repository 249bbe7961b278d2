"""Refuse API text that no database can store, before any view reads it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse


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


def _request_strings(request: HttpRequest) -> Iterator[tuple[tuple[str, ...], str]]:
    yield (), request.path
    for key, values in request.GET.lists():
        for value in [key, *values]:
            yield (key,), value
    if request.content_type == "application/json" and request.body:
        try:
            body = json.loads(request.body)
        except ValueError:
            return  # the API answers a body it cannot read itself
        yield from _strings(body)


class ApiTextGuard:
    """Answer 422 to an API request whose path, query or JSON body holds NUL or lone surrogates.

    PostgreSQL cannot store either, and SQLite would store a NUL that breaks exports; the
    answer has the API's one error shape.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            for path, value in _request_strings(request):
                problem = _bad_text(value)
                if problem:
                    field = ".".join(path) or None
                    detail = f"{field or 'The request'} {problem}."
                    return JsonResponse({"detail": detail, "field": field}, status=422)
        return self.get_response(request)

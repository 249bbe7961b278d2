"""The JSON API at /api/: one NinjaAPI, one router per app, the same services as the pages.

Every refusal is turned into a response here, in one shape, `{"detail": ..., "field": ...}`:
a request the schema rejects (422), a rule that refuses it (422), a missing object (404),
missing credentials (401). The OpenAPI document declares each of them on every operation that
can answer it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema

from headway.accounts.api import router as accounts_router
from headway.assessments.api import router as assessments_router
from headway.careers.api import router as careers_router
from headway.coach.api import router as coach_router
from headway.core.api_auth import API_AUTH
from headway.core.api_schema import ErrorOut
from headway.domain.errors import RuleError
from headway.feedback.api import router as feedback_router
from headway.network.api import router as network_router
from headway.plans.api import router as plans_router

_ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
_DESCRIPTIONS = {
    "400": "The body is not JSON, or not the form the operation reads.",
    "401": "No valid token or signed-in session.",
    "404": "Nothing of yours has this key.",
    "413": "The upload is larger than the operation accepts.",
    "422": "The request is not valid: the schema or a rule refuses it.",
}


class HeadwayAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """Return the document with the shared refusals declared on every operation."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ErrorOut"] = ErrorOut.model_json_schema(ref_template=_ERROR_REF["$ref"])
        for operations in schema["paths"].values():
            for operation in operations.values():
                _declare_refusals(operation)
        return schema


def _declare_refusals(operation: dict[str, Any]) -> None:
    params = operation.get("parameters", [])
    statuses = {"422"} if params or "requestBody" in operation else set()
    if operation.get("security"):
        statuses.add("401")
    if any(param["in"] == "path" for param in params):
        statuses.add("404")
    if "requestBody" in operation:
        statuses.add("400")
    if "multipart/form-data" in operation.get("requestBody", {}).get("content", {}):
        statuses.add("413")
    # Ninja keys statuses by int; JSON and the OpenAPI spec by string.
    responses = operation["responses"] = {str(k): v for k, v in operation["responses"].items()}
    for status in statuses - set(responses):
        responses[status] = {
            "description": _DESCRIPTIONS[status],
            "content": {"application/json": {"schema": _ERROR_REF}},
        }


api = HeadwayAPI(
    title="Headway API",
    version="1",
    description=(
        "Everything in Headway is reachable here. Authenticate with a personal access token as "
        "`Authorization: Bearer hw_…`, created on your settings page, or with your browser "
        "session (send the CSRF token). Lists page with `limit` and `offset` and answer "
        '`{"items": [...], "count": total}`. Every refusal answers '
        '`{"detail": message, "field": input or null}`.'
    ),
    auth=API_AUTH,
    urls_namespace="api",
)


def _refusal(request: HttpRequest, status: int, detail: str, field: str | None) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "field": field}, status=status)


# Pydantic's messages for the refusals a user meets most, said as the rule services say them.
_MESSAGES = {
    "missing": "Send this field.",
    "string_too_short": "Fill this in.",
    "string_too_long": "Keep this to {max_length} characters.",
    "too_long": "Send at most {max_length} items.",
    "literal_error": "Choose one of {expected}.",
    "greater_than_equal": "Use a number of at least {ge}.",
    "less_than_equal": "Use a number of at most {le}.",
    "greater_than": "Use a number above {gt}.",
    "less_than": "Use a number below {lt}.",
}


def _message(error: dict[str, Any]) -> str:
    if error.get("type") == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    template = _MESSAGES.get(str(error.get("type")))
    try:
        return template.format(**error.get("ctx", {})) if template else f"{error['msg']}."
    except (KeyError, IndexError):
        return f"{error.get('msg', 'This value is not valid')}."


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    loc = [str(part) for part in first.get("loc", ())]
    # ("body", "payload", "title") names the body field; ("query", "limit") the parameter.
    parts = loc[2:] if loc[:1] == ["body"] else loc[1:]
    field = ".".join(parts) or None
    message = _message(first) if first else "The request is not valid."
    detail = f"{field}: {message}" if field else message
    if len(exc.errors) > 1:
        more = len(exc.errors) - 1
        detail += f" ({more} more problem{'s' if more > 1 else ''} in this request.)"
    return _refusal(request, 422, detail, field)


@api.exception_handler(RuleError)
def rule_error(request: HttpRequest, exc: RuleError) -> HttpResponse:
    body = {"detail": exc.message, "field": exc.field, **exc.extra()}
    return api.create_response(request, body, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _refusal(request, 404, str(exc) or "Not found.", None)


@api.exception_handler(ObjectDoesNotExist)
def vanished(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    """A row found a moment ago and deleted since (a PATCH racing a DELETE) is not found."""
    return _refusal(request, 404, "Not found: it was deleted meanwhile.", None)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _refusal(request, exc.status_code, str(exc), None)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _refusal(request, 401, "Send a personal access token or sign in.", None)
    response["WWW-Authenticate"] = 'Bearer realm="Headway API"'
    return response


api.add_router("/account", accounts_router)
api.add_router("/plan", plans_router)
api.add_router("/smart", coach_router)
api.add_router("/careers", careers_router)
api.add_router("/me", assessments_router)
api.add_router("/feedback", feedback_router)
api.add_router("/network", network_router)

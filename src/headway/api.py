"""The JSON API at /api/: one NinjaAPI, one router per app, the same services as the pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from headway.accounts.api import router as accounts_router
from headway.assessments.api import router as assessments_router
from headway.careers.api import router as careers_router
from headway.coach.api import router as coach_router
from headway.core.api_auth import API_AUTH
from headway.feedback.api import router as feedback_router
from headway.network.api import router as network_router
from headway.plans.api import router as plans_router

api = NinjaAPI(
    title="Headway API",
    version="1",
    description=(
        "Everything in Headway is reachable here. Authenticate with your browser session "
        "(send the CSRF token) or with a personal access token as `Authorization: Bearer hw_…`, "
        "created on your settings page."
    ),
    auth=API_AUTH,
    urls_namespace="api",
)


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "The request is not valid.", "errors": exc.errors}, status=422
    )


api.add_router("/account", accounts_router)
api.add_router("/plan", plans_router)
api.add_router("/smart", coach_router)
api.add_router("/careers", careers_router)
api.add_router("/me", assessments_router)
api.add_router("/feedback", feedback_router)
api.add_router("/network", network_router)

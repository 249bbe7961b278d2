"""API authentication: a personal access token, or the browser's session with CSRF.

The token is tried first, so a script never meets the session's CSRF check; the session is
checked for CSRF only when it belongs to a signed-in user, so a request with no credentials
answers 401, not 403.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from headway.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


class SignedInSessionAuth(SessionAuth):
    """Django's session; writes need the CSRF token, as in the browser."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


API_AUTH = [TokenAuth(), SignedInSessionAuth()]

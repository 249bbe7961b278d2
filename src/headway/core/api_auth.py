"""API authentication: the browser's session (with CSRF) or a personal access token."""

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


API_AUTH = [SessionAuth(), TokenAuth()]

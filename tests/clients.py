"""Test clients that behave like real ones: CSRF is always enforced."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client
from django.utils.crypto import get_random_string

from headway.accounts.models import User


class BrowserClient(Client):
    """A browser: CSRF checks on; once signed in it sends its CSRF token on every request,
    as the pages do through htmx's `hx-headers`, so forms and session API writes pass."""

    def __init__(self, **defaults: Any) -> None:
        super().__init__(enforce_csrf_checks=True, **defaults)

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        secret = get_random_string(32)
        self.cookies[settings.CSRF_COOKIE_NAME] = secret
        self.defaults["HTTP_X_CSRFTOKEN"] = secret


def token_client(user: User) -> Client:
    """A script: a personal access token, no session, no CSRF token, CSRF checks on."""
    from headway.accounts.services import token_create

    _token, raw = token_create(user=user, name="Script")
    return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

"""Small request helpers shared by views."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.http import HttpRequest

if TYPE_CHECKING:
    from headway.accounts.models import User


def authed_user(request: HttpRequest) -> User:
    """Return the signed-in user of a view guarded by login_required."""
    return cast("User", request.user)

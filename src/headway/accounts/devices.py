"""Recognised devices: a signed cookie that a browser earns by signing in to one account.

Failed sign-ins are limited per client address and per account. Those limits let anyone who
floods them (with made-up accounts, or with a real one's address) lock its owner out too. A
browser that has signed in to an account before carries this cookie, and its attempts on that
account are counted against the device alone, so a flood from elsewhere cannot lock it out.
A guesser never holds the cookie of an account it has not signed in to.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase

COOKIE_NAME = "hw_device"
SALT = "headway.accounts.devices"
MAX_AGE = 365 * 24 * 3600


def _account_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def device_remember(response: HttpResponseBase, email: str) -> None:
    """Give the browser a device cookie for the account it just signed in to."""
    value = signing.dumps(
        {"account": _account_key(email), "device": secrets.token_urlsafe(16)}, salt=SALT
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def device_recognised(request: HttpRequest, email: str) -> str | None:
    """Return the id of this browser's device cookie if it was earned on `email`, else None."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw or not email:
        return None
    try:
        data = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("account") != _account_key(email):
        return None
    device = data.get("device")
    return device if isinstance(device, str) else None

"""Invitation link tokens: a random secret, signed in the link, stored only as a hash.

The signature lets a damaged or altered link be told apart from an unknown one; the hash means
the database never holds a working link.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing

SALT = "headway.feedback.invitation"


def token_new() -> tuple[str, str]:
    """Return a fresh (signed token for the link, hash to store)."""
    raw = secrets.token_urlsafe(24)
    return signing.Signer(salt=SALT).sign(raw), token_hash(raw)


def token_hash(raw: str) -> str:
    """Return the stored form of a raw secret."""
    return hashlib.sha256(raw.encode()).hexdigest()


def token_read(token: str) -> str | None:
    """Return the hash a link's token stands for, or None when its signature does not match."""
    try:
        return token_hash(signing.Signer(salt=SALT).unsign(token))
    except signing.BadSignature:
        return None

"""Writes on accounts: profile, tokens and account deletion."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from headway.accounts.models import PersonalAccessToken, User
from headway.domain.text import check_display_name

TOKEN_PREFIX = "hw_"  # noqa: S105  (a public marker, not a secret)


def profile_update(*, user: User, display_name: str) -> User:
    """Set the user's display name; refuse one with line breaks or nothing visible."""
    user.display_name = check_display_name(display_name)
    user.save(update_fields=["display_name"])
    return user


def hash_token(raw: str) -> str:
    """Return the stored form of a raw token."""
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str) -> tuple[PersonalAccessToken, str]:
    """Create a token and return it with its raw value, which is never shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(
        user=user, name=name.strip() or "Token", prefix=raw[:10], token_hash=hash_token(raw)
    )
    return token, raw


def token_revoke(*, token: PersonalAccessToken) -> None:
    """Revoke a token; it stops working at once."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def tokens_revoke_all(*, user: User) -> int:
    """Revoke every live token of the user (their password changed); return how many."""
    return PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def token_authenticate(raw: str) -> User | None:
    """Return the active user a raw token belongs to, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Write at most once a minute so busy scripts do not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
    return token.user


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the user and, through cascades, every row they own."""
    user.delete()

"""Reads on accounts, scoped to the user who asks."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from headway.accounts.models import PersonalAccessToken, User


def tokens_list_for_user(user: User) -> QuerySet[PersonalAccessToken]:
    """Return the user's tokens, newest first, revoked ones included."""
    return PersonalAccessToken.objects.filter(user=user)


def token_get_for_user(user: User, token_id: int) -> PersonalAccessToken:
    """Return one of the user's tokens, or raise 404."""
    return get_object_or_404(PersonalAccessToken, pk=token_id, user=user)

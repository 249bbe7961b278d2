"""A new password ends every other way in: tokens here, other sessions through Django.

Django already signs out the user's other sessions when the password changes (the session
keeps a hash of it); tokens do not depend on the password, so they are revoked here.
"""

from __future__ import annotations

from typing import Any

from allauth.account.signals import password_changed, password_reset, password_set
from django.dispatch import receiver

from headway.accounts.services import tokens_revoke_all


@receiver(password_changed)
@receiver(password_set)
@receiver(password_reset)
def revoke_tokens_on_new_password(sender: Any, user: Any, **kwargs: Any) -> None:
    tokens_revoke_all(user=user)

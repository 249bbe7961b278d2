"""A new password ends every other way in: tokens here, other sessions through Django.

Django already signs out the user's other sessions when the password changes (the session
keeps a hash of it); tokens do not depend on the password, so they are revoked here, on every
path that changes it: allauth's forms, the admin's password form, `changepassword`.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from headway.accounts.models import User
from headway.accounts.services import tokens_revoke_all


@receiver(post_save, sender=User)
def revoke_tokens_on_new_password(
    sender: Any, instance: User, created: bool, **kwargs: Any
) -> None:
    # `set_password` keeps the new raw password in `_password` until the save that stores its
    # hash has run (Django's own cue for password validators' `password_changed`), so every way
    # of setting a password passes here once, and nothing else does.
    if not created and getattr(instance, "_password", None) is not None:
        tokens_revoke_all(user=instance)

"""Factories shared by every app's tests."""

from __future__ import annotations

from typing import Any

import factory
from allauth.account.models import EmailAddress

from headway.accounts.models import User

PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Faker("first_name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Give the user a confirmed primary address, as allauth expects after sign-up."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

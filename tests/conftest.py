"""Personas shared by every test: the owner (Alice), another user (Charlie), anonymous."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.test import Client

    from headway.accounts.models import User

# Imports that need Django stay inside the fixtures, so `tests/domain` runs without it.


@pytest.fixture
def owner(db: None) -> User:
    from tests.factories import UserFactory

    return UserFactory(email="alice@example.org", display_name="Alice")


@pytest.fixture
def stranger(db: None) -> User:
    from tests.factories import UserFactory

    return UserFactory(email="charlie@example.org", display_name="Charlie")


@pytest.fixture
def owner_client(owner: User) -> Client:
    """The owner's browser: CSRF enforced, its token sent with every request."""
    from tests.clients import BrowserClient

    client = BrowserClient()
    client.force_login(owner)
    return client


@pytest.fixture
def owner_token_client(owner: User) -> Client:
    """The owner's script: a personal access token and no session."""
    from tests.clients import token_client

    return token_client(owner)


@pytest.fixture
def stranger_client(stranger: User) -> Client:
    from tests.clients import BrowserClient

    client = BrowserClient()
    client.force_login(stranger)
    return client


@pytest.fixture
def csrf_client(owner: User) -> Client:
    """The owner's browser, with CSRF checks on as in production."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _plain_static_files(settings: Any) -> None:
    """Serve static files without the manifest that `collectstatic` writes for production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Real hashing costs a tenth of a second a password; tests need speed, not strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

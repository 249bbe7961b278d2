"""Personas shared by every test: the owner (Alice), another user (Charlie), anonymous."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from headway.accounts.models import User
from tests.factories import UserFactory


@pytest.fixture
def owner(db: None) -> User:
    return UserFactory(email="alice@example.org", display_name="Alice")


@pytest.fixture
def stranger(db: None) -> User:
    return UserFactory(email="charlie@example.org", display_name="Charlie")


@pytest.fixture
def owner_client(owner: User) -> Client:
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(stranger: User) -> Client:
    client = Client()
    client.force_login(stranger)
    return client


@pytest.fixture
def csrf_client(owner: User) -> Client:
    """The owner's browser, with CSRF checks on as in production."""
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

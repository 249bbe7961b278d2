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
def _fresh_cache(request: pytest.FixtureRequest) -> None:
    """Rate-limit counters live in the cache (a database table); each test starts with none."""
    names = set(request.fixturenames)
    if request.node.get_closest_marker("django_db") is None:
        if not {"db", "transactional_db", "live_server"} & names:
            return
        transactional = {"transactional_db", "live_server"} & names
        request.getfixturevalue("transactional_db" if transactional else "db")
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


@pytest.fixture(scope="session")
def fixture_release_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, int]]:
    """Record counts of the careers test mirror, which tests take as the complete release."""
    from tests.careers.mirror import release_rows, write_mirror

    return release_rows(write_mirror(tmp_path_factory.mktemp("release")))


@pytest.fixture(autouse=True)
def fixture_release(
    monkeypatch: pytest.MonkeyPatch, fixture_release_rows: dict[str, dict[str, int]]
) -> None:
    """Check imports against the test mirror's counts, not the official releases' (far larger).

    Tests of the real mirror ask for `official_release` (tests/careers/conftest.py) instead.
    """
    from headway.domain.careerdata import integrity

    monkeypatch.setattr(integrity, "RELEASE_ROWS", fixture_release_rows)

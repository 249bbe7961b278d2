"""Domain tests run without Django: the autouse Django fixtures of tests/conftest.py do nothing."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    return None


@pytest.fixture(autouse=True)
def _plain_static_files() -> None:
    return None

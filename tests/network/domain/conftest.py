"""Pure tests of the Network step's domain code: they run without Django or a database."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    return None


@pytest.fixture(autouse=True)
def _plain_static_files() -> None:
    return None

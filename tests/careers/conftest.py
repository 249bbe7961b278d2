from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headway.careers import search
from headway.careers.services import datasets_sync
from headway.domain.careerdata import integrity
from tests.careers.mirror import write_mirror


@pytest.fixture(scope="session")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture mirror, written once per test session (never modify it; copy it)."""
    return write_mirror(tmp_path_factory.mktemp("mirror"))


@pytest.fixture
def career_data(db: None, mirror: Path) -> Iterator[Path]:
    """Import the fixture mirror; the explorer's cache is dropped before and after."""
    search.forget_explorer()
    outcomes = datasets_sync(mirror=mirror)
    assert all(outcome.status == "imported" for outcome in outcomes), outcomes
    yield mirror
    search.forget_explorer()


@pytest.fixture
def official_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check imports against the official releases' record counts (for the real mirror)."""
    monkeypatch.setattr(integrity, "RELEASE_ROWS", integrity.OFFICIAL_RELEASE_ROWS)

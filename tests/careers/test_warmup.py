from __future__ import annotations

from pathlib import Path

import pytest

from headway.careers import search
from headway.core.warmup import warm_indexes


@pytest.mark.django_db
def test_warming_without_data_builds_nothing() -> None:
    search.forget_explorer()
    warm_indexes()
    assert search._current is None


def test_warming_builds_the_explorer_before_the_first_search(career_data: Path) -> None:
    warm_indexes()
    assert search._current is not None
    assert search.get_explorer() is search._current

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _fresh_indexes(db: None) -> Iterator[None]:
    """The skill index and the careers explorer are cached per process; each test builds anew."""
    from headway.assessments.selectors import forget_skill_index
    from headway.careers.search import forget_explorer

    forget_skill_index()
    forget_explorer()
    yield
    forget_skill_index()
    forget_explorer()

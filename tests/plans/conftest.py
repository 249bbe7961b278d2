from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import time_machine

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _frozen_today() -> Iterator[None]:
    """Every plan test runs on 10 March 2026, so dates in messages are known."""
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=UTC), tick=True):
        yield

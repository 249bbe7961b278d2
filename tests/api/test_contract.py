"""The OpenAPI document is the contract: Schemathesis generates requests for every operation
from it, valid and invalid, sends them with a token, and checks every answer against it.

The budget is bounded (a few examples an operation, no shrinking) and the generation is
derandomised, so the run is the same each time and takes well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import CHECKS

from headway.accounts.models import User
from headway.accounts.services import token_create
from headway.api import api
from tests.plans.factories import GoalFactory, MilestoneFactory, VisionFactory

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()

# Every answer must be declared (status, content type, headers) and match its body schema.
CONTRACT = CHECKS.get_by_names(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)


@pytest.fixture
def token(db: None) -> Iterator[str]:
    owner: User = User.objects.create_user(email="script@example.org", password="unused-123")
    goal = GoalFactory(user=owner, metric_baseline=1, metric_target=5, metric_unit="talks")
    MilestoneFactory(goal=goal)
    VisionFactory(user=owner, horizon=5)
    # The app is called as a WSGI app, whose request signals would close the test's database
    # connection (and its transaction) after the first request; Django's test client keeps
    # them off in the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield token_create(user=owner, name="Schemathesis")[1]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_keeps_the_contract(case: Any, token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CONTRACT)

"""A script with a token writes through every router of a live server, over real HTTP.

No test client, no CSRF exemption: the requests are what curl or a Python script sends.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date, timedelta
from typing import Any

import pytest

from headway.accounts.models import User
from headway.accounts.services import token_create
from headway.careers.models import VisionTarget
from headway.feedback.models import Invitation
from headway.network.models import Contact
from headway.plans.models import Goal
from tests.careers.factories import OccupationFactory

pytestmark = pytest.mark.django_db(transaction=True)


class Script:
    def __init__(self, base: str, token: str | None) -> None:
        self.base, self.token = base, token

    def __call__(self, method: str, path: str, body: Any = None) -> tuple[int, Any, Any]:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None if body is None else json.dumps(body).encode()
        url = self.base + path  # http://127.0.0.1:<port>/api/...
        request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310 - the live server
                raw = response.read()
                return response.status, json.loads(raw) if raw else None, response.headers
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read()), error.headers


def in_days(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def test_a_token_writes_through_every_router(live_server: Any) -> None:
    user = User.objects.create_user(email="script@example.org", password="unused-pass-123")
    call = Script(f"{live_server.url}/api", token_create(user=user, name="live")[1])
    occupation = OccupationFactory()

    status, me, _ = call("PATCH", "/account/me", {"display_name": "Sam"})
    assert (status, me["display_name"]) == (200, "Sam")

    status, vision, _ = call("PUT", "/plan/visions/5", {"target_role": "Data analyst"})
    assert (status, vision["horizon"]) == (200, 5)
    goal_body = {"statement": "Finish the SQL course by spring", "target_date": in_days(120)}
    status, goal, _ = call("POST", "/plan/goals", goal_body)
    assert status == 201
    status, _, _ = call("PATCH", f"/plan/goals/{goal['id']}", {"why": "Every data job asks"})
    assert status == 200

    status, target, _ = call("PUT", "/careers/visions/5/target", {"occupation": occupation.key})
    assert (status, target["occupation"]) == (200, occupation.key)

    status, analysis, _ = call("POST", "/smart/analyse", {"text": "Learn SQL"})
    assert status == 200 and analysis["verdict"]

    status, skill, _ = call("POST", "/me/skills", {"name": "SQL", "proficiency": 2, "enjoyment": 4})
    assert status in (200, 201) and skill

    invite = {"email": "mentor@example.org", "role": "mentor", "goal_ids": [goal["id"]]}
    status, _, _ = call("POST", "/feedback/invitations", invite)
    assert status == 201

    status, contact, _ = call("POST", "/network/contacts", {"name": "Ada Lovelace"})
    assert status == 201
    status, _, _ = call("DELETE", f"/network/contacts/{contact['id']}")
    assert status == 204

    user.refresh_from_db()
    assert user.display_name == "Sam"
    assert Goal.objects.get(user=user).why == "Every data job asks"
    assert VisionTarget.objects.filter(vision__user=user, occupation=occupation).exists()
    assert Invitation.objects.filter(owner=user).count() == 1
    assert not Contact.objects.filter(user=user).exists()


def test_without_credentials_a_write_is_challenged_not_refused_for_csrf(live_server: Any) -> None:
    call = Script(f"{live_server.url}/api", None)
    status, body, headers = call(
        "POST", "/plan/goals", {"statement": "x", "target_date": "2030-01-01"}
    )
    assert status == 401
    assert headers["WWW-Authenticate"].startswith("Bearer")
    assert body["field"] is None

"""The README's script session runs as written against a live server, so it cannot drift."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from headway.accounts.models import User
from headway.accounts.services import token_create
from headway.plans.models import Goal

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_session() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- script-session -->\n```python\n(.*?)```", text, re.S)
    assert found, "the README lost its script session"
    return found.group(1)


@pytest.mark.django_db(transaction=True)
def test_the_readme_script_session_works(live_server: Any) -> None:
    user = User.objects.create_user(email="script@example.org", password="unused-pass-123")
    _, secret = token_create(user=user, name="README")
    script = readme_session()
    # Only the two settings a reader fills in change: where the server is and the token.
    script, base = re.subn(r'^BASE = ".*"$', f'BASE = "{live_server.url}/api"', script, flags=re.M)
    script, token = re.subn(r'^TOKEN = ".*"', f'TOKEN = "{secret}"', script, flags=re.M)
    assert base == token == 1
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(script, str(README), "exec"), {})  # noqa: S102 - our own README
    goal = Goal.objects.get(user=user)
    assert printed.getvalue().split() == [str(goal.pk), "First", "post", "published", "keep"]
    assert goal.milestones.count() == 1
    assert goal.reviews.get().worked == "Writing on Sunday mornings"
    assert goal.metric_current == 1

"""Links in emails and feeds reach the server; `headway serve` warns when they would not."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from headway.core.links import bind_disagreement
from headway.plans.services import plan_settings_ensure
from tests.plans.factories import GoalFactory


@pytest.mark.parametrize(
    ("bind", "site_url", "disagrees"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000", False),
        ("localhost:8000", "http://127.0.0.1:8000", False),
        ("127.0.0.1:8101", "http://127.0.0.1:8000", True),
        ("0.0.0.0:8000", "http://127.0.0.1:8000", True),
        ("[::1]:80", "http://localhost", False),
        # A public name sits behind a proxy; the bind address rightly differs.
        ("127.0.0.1:8000", "https://headway.example.org", False),
    ],
)
def test_it_compares_the_bind_address_with_a_local_site_url(
    bind: str, site_url: str, disagrees: bool
) -> None:
    assert (bind_disagreement(bind, site_url) is not None) is disagrees


def test_serve_warns_when_bind_and_site_url_disagree(
    settings: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.SITE_URL = "http://127.0.0.1:8000"
    started: list[list[str]] = []
    monkeypatch.setattr("os.execv", lambda path, argv: started.append(argv))
    monkeypatch.setattr("headway.core.management.commands.serve.call_command", lambda *a, **k: None)
    call_command("serve", bind="127.0.0.1:8101")
    err = capsys.readouterr().err
    assert "SITE_URL is http://127.0.0.1:8000 but --bind is 127.0.0.1:8101" in err
    assert started and "127.0.0.1:8101" in started[0]
    call_command("serve", bind="127.0.0.1:8000")
    assert "Warning" not in capsys.readouterr().err


@pytest.mark.django_db
def test_the_calendar_feed_links_to_the_address_it_was_fetched_from(
    owner: Any, settings: Any
) -> None:
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["10.0.0.5"]
    goal = GoalFactory(user=owner)
    token = plan_settings_ensure(owner).calendar_token
    feed = Client().get(reverse("plans-calendar-feed", args=[token]), HTTP_HOST="10.0.0.5:8103")
    body = feed.content.decode().replace("\r\n ", "")
    assert f"http://10.0.0.5:8103/plan/goals/{goal.pk}/" in body
    assert "127.0.0.1:8000/plan" not in body

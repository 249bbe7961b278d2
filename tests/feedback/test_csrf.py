"""Every feedback form post needs the CSRF token, as in production."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.feedback.world import World, build_world

Post = tuple[str, Callable[[World], str], Callable[[World], dict[str, Any]]]

POSTS: list[Post] = [
    (
        "owner",
        lambda w: reverse("feedback-invite"),
        lambda w: {"email": "new@example.org", "role": "peer", "scope": "plan"},
    ),
    (
        "owner",
        lambda w: reverse("feedback-invitation-withdraw", args=[w.invitation.pk]),
        lambda w: {},
    ),
    ("stranger", lambda w: reverse("feedback-accept", args=[w.token]), lambda w: {}),
    (
        "owner",
        lambda w: reverse("feedback-reviewer", args=[w.access.pk]),
        lambda w: {"scope": "plan"},
    ),
    ("owner", lambda w: reverse("feedback-reviewer-end", args=[w.access.pk]), lambda w: {}),
    (
        "owner",
        lambda w: reverse("feedback-question-create", args=[w.goal.pk]),
        lambda w: {"body": "Realistic?"},
    ),
    ("owner", lambda w: reverse("feedback-reply", args=[w.answer.pk]), lambda w: {"body": "Ok"}),
    (
        "owner",
        lambda w: reverse("feedback-comment-adjust", args=[w.remark.pk]),
        lambda w: {"statement": "Lead the team", "target_date": w.goal.target_date.isoformat()},
    ),
    (
        "owner",
        lambda w: reverse("feedback-rating-adjust", args=[w.rating.pk]),
        lambda w: {"statement": "Lead the team", "target_date": w.goal.target_date.isoformat()},
    ),
    ("reviewer", lambda w: reverse("feedback-leave", args=[w.access.pk]), lambda w: {}),
    (
        "reviewer",
        lambda w: reverse("feedback-comment-create", args=[w.goal.pk]),
        lambda w: {"body": "Fine."},
    ),
    (
        "reviewer",
        lambda w: reverse("feedback-rate", args=[w.goal.pk]),
        lambda w: {"specific_rating": "met"},
    ),
    (
        "reviewer",
        lambda w: reverse("feedback-reply", args=[w.question.pk]),
        lambda w: {"body": "Yes."},
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "url", "data"),
    [pytest.param(*post, id=f"{post[0]}-{i}") for i, post in enumerate(POSTS)],
)
def test_a_form_post_without_the_token_is_refused(
    persona: str, url: Callable[[World], str], data: Callable[[World], dict[str, Any]]
) -> None:
    world = build_world()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[persona])
    assert client.post(url(world), data(world)).status_code == 403
    page = client.get(reverse("feedback-home")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    response = client.post(url(world), {**data(world), "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302

"""Who may do what: every feedback page and endpoint against every persona.

The personas are those of `tests.feedback.world` (owner, reviewer, a reviewer of another goal,
a reviewer whose access was ended, one who left, a stranger) and an anonymous visitor.

Each case builds the world once and runs each persona's request in a savepoint that is rolled
back, so no request sees another's effects. The plans' own goal pages stay closed to reviewers:
reviewers read goals only through the read-only feedback pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from headway.api import api
from tests.feedback.factories import ask
from tests.feedback.world import World, build_world

PERSONAS = ("owner", "reviewer", "elsewhere", "ended", "left", "stranger", "anonymous")
SIGNED_IN = PERSONAS[:-1]


Url = Callable[[World, str], str]


@dataclass(frozen=True)
class Case:
    """One request, made by every persona, and the status each must get."""

    label: str
    method: str
    url: Url
    expected: dict[str, int]
    data: dict[str, Any] | None = None
    api: bool = False
    # The URL name or API operation this case covers, for the completeness check.
    covers: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def expect(*, api: bool = False, default: int = 404, **statuses: int) -> dict[str, int]:
    """Return the status per persona: `default` unless named; anonymous is refused."""
    found = {p: default for p in SIGNED_IN}
    found["anonymous"] = 401 if api else 302
    found.update(statuses)
    return found


def page(name: str, *args: Callable[[World], Any]) -> Url:
    return lambda w, p: reverse(name, args=[a(w) for a in args])


def own_access(w: World, persona: str) -> int:
    """The persona's own access if they had one, else the active reviewer's."""
    return w.accesses.get(persona, w.access).pk


GOAL = lambda w: w.goal.pk  # noqa: E731
OTHER_GOAL = lambda w: w.other_goal.pk  # noqa: E731
ACCESS = lambda w: w.access.pk  # noqa: E731
ALL_SIGNED_IN_200 = expect(default=200)
CHANGE = {"statement": "Lead the analytics team", "target_date": "", "note": ""}


def _change(w: World) -> dict[str, Any]:
    return {**CHANGE, "target_date": w.goal.target_date.isoformat()}


PAGE_CASES = [
    Case("home", "get", page("feedback-home"), ALL_SIGNED_IN_200, covers="feedback-home"),
    Case(
        "invite form", "get", page("feedback-invite"), ALL_SIGNED_IN_200, covers="feedback-invite"
    ),
    Case(
        "invite someone",
        "post",
        page("feedback-invite"),
        expect(default=302),
        data={"email": "new@example.org", "role": "peer", "scope": "plan"},
    ),
    Case(
        "withdraw an invitation",
        "post",
        page("feedback-invitation-withdraw", lambda w: w.invitation.pk),
        expect(owner=302),
        covers="feedback-invitation-withdraw",
    ),
    Case(
        "open an invitation link",
        "get",
        lambda w, p: reverse("feedback-accept", args=[w.token]),
        expect(default=200, owner=400, anonymous=200),
        covers="feedback-accept",
    ),
    Case(
        "accept an invitation link",
        "post",
        lambda w, p: reverse("feedback-accept", args=[w.token]),
        expect(default=302, owner=400),
    ),
    Case(
        "see a reviewer",
        "get",
        page("feedback-reviewer", ACCESS),
        expect(owner=200),
        covers="feedback-reviewer",
    ),
    Case(
        "change what a reviewer sees",
        "post",
        page("feedback-reviewer", ACCESS),
        expect(owner=302),
        data={"scope": "plan"},
    ),
    Case(
        "end a reviewer's access",
        "post",
        page("feedback-reviewer-end", ACCESS),
        expect(owner=302),
        covers="feedback-reviewer-end",
    ),
    Case(
        "the owner's feedback page of a goal",
        "get",
        page("feedback-goal", GOAL),
        expect(owner=200),
        covers="feedback-goal",
    ),
    Case(
        "ask a question",
        "post",
        page("feedback-question-create", GOAL),
        expect(owner=302),
        data={"body": "Is it realistic?"},
        covers="feedback-question-create",
    ),
    Case(
        "reply to the owner's question",
        "post",
        page("feedback-reply", lambda w: w.question.pk),
        # The owner is told to reply under an answer instead (the page, with the message).
        expect(owner=200, reviewer=302),
        data={"body": "Yes."},
        covers="feedback-reply",
    ),
    Case(
        "reply to the reviewer's answer",
        "post",
        page("feedback-reply", lambda w: w.answer.pk),
        expect(owner=302, reviewer=302),
        data={"body": "Thanks."},
    ),
    Case(
        "reply to the reviewer's comment",
        "post",
        page("feedback-reply", lambda w: w.remark.pk),
        expect(owner=302, reviewer=302),
        data={"body": "Thanks."},
    ),
    Case(
        "reply to a former reviewer's comment",
        "post",
        page("feedback-reply", lambda w: w.former_remark.pk),
        # The owner sees it, and is told the former reviewer could no longer read a reply.
        expect(owner=200),
        data={"body": "Thanks."},
    ),
    Case(
        "adjust after a comment: the form",
        "get",
        page("feedback-comment-adjust", lambda w: w.remark.pk),
        expect(owner=200),
        covers="feedback-comment-adjust",
    ),
    Case(
        "adjust after a comment",
        "post",
        page("feedback-comment-adjust", lambda w: w.remark.pk),
        expect(owner=302),
        extra={"data": _change},
    ),
    Case(
        "adjust after a rating: the form",
        "get",
        page("feedback-rating-adjust", lambda w: w.rating.pk),
        expect(owner=200),
        covers="feedback-rating-adjust",
    ),
    Case(
        "adjust after a rating",
        "post",
        page("feedback-rating-adjust", lambda w: w.rating.pk),
        expect(owner=302),
        extra={"data": _change},
    ),
    Case(
        "plans shared with me",
        "get",
        page("feedback-reviewing"),
        ALL_SIGNED_IN_200,
        covers="feedback-reviewing",
    ),
    Case(
        "the plan a reviewer reads",
        "get",
        page("feedback-shared-plan", ACCESS),
        expect(reviewer=200),
        covers="feedback-shared-plan",
    ),
    Case(
        "the plan each persona was once shown",
        "get",
        lambda w, p: reverse("feedback-shared-plan", args=[own_access(w, p)]),
        expect(reviewer=200, elsewhere=200),
    ),
    Case(
        "leave a plan",
        "post",
        page("feedback-leave", ACCESS),
        expect(reviewer=302),
        covers="feedback-leave",
    ),
    Case(
        "leave the plan each persona was once shown",
        "post",
        lambda w, p: reverse("feedback-leave", args=[own_access(w, p)]),
        expect(reviewer=302, elsewhere=302),
    ),
    Case(
        "read the shared goal",
        "get",
        page("feedback-shared-goal", GOAL),
        expect(reviewer=200),
        covers="feedback-shared-goal",
    ),
    Case(
        "read the other shared goal",
        "get",
        page("feedback-shared-goal", OTHER_GOAL),
        expect(elsewhere=200),
    ),
    Case(
        "comment on the shared goal",
        "post",
        page("feedback-comment-create", GOAL),
        expect(reviewer=302),
        data={"body": "Looks good."},
        covers="feedback-comment-create",
    ),
    Case(
        "rate the shared goal",
        "post",
        page("feedback-rate", GOAL),
        expect(reviewer=302),
        data={"specific_rating": "met"},
        covers="feedback-rate",
    ),
    # The plan's own pages: the owner's alone, whoever reviews the goal.
    Case("the plans goal page", "get", page("plans-goal", GOAL), expect(owner=200)),
    Case("the plans goal history", "get", page("plans-goal-history", GOAL), expect(owner=200)),
    Case("the plans goal edit form", "get", page("plans-goal-edit", GOAL), expect(owner=200)),
    Case(
        "the plans milestone edit form",
        "get",
        page("plans-milestone-edit", lambda w: w.milestone.pk),
        expect(owner=200),
    ),
]


def endpoint(path: str) -> Url:
    def build(w: World, p: str) -> str:
        return "/api/feedback" + path.format(
            goal=w.goal.pk,
            other_goal=w.other_goal.pk,
            access=w.access.pk,
            invitation=w.invitation.pk,
            question=w.question.pk,
            answer=w.answer.pk,
            remark=w.remark.pk,
            former_remark=w.former_remark.pk,
            rating=w.rating.pk,
        )

    return build


def api_case(
    label: str,
    method: str,
    path: str,
    covers: str,
    data: dict[str, Any] | None = None,
    **statuses: int,
) -> Case:
    default = statuses.pop("default", 404)
    return Case(
        label,
        method,
        endpoint(path),
        expect(api=True, default=default, **statuses),
        data=data,
        api=True,
        covers=covers,
    )


API_CASES = [
    api_case("list invitations", "get", "/invitations", "get /invitations", default=200),
    api_case(
        "invite",
        "post",
        "/invitations",
        "post /invitations",
        {"email": "new@example.org", "scope": "plan"},
        default=201,
    ),
    api_case(
        "withdraw",
        "post",
        "/invitations/{invitation}/withdraw",
        "post /invitations/{invitation_id}/withdraw",
        owner=200,
    ),
    Case(
        "accept by token",
        "post",
        lambda w, p: "/api/feedback/invitations/accept",
        expect(api=True, default=201, owner=400),
        extra={"data": lambda w: {"token": w.token}},
        api=True,
        covers="post /invitations/accept",
    ),
    api_case("list reviewers", "get", "/reviewers", "get /reviewers", default=200),
    api_case(
        "see a reviewer", "get", "/reviewers/{access}", "get /reviewers/{access_id}", owner=200
    ),
    api_case(
        "change what a reviewer sees",
        "put",
        "/reviewers/{access}/goals",
        "put /reviewers/{access_id}/goals",
        {"scope": "plan"},
        owner=200,
    ),
    api_case(
        "end a reviewer's access",
        "post",
        "/reviewers/{access}/end",
        "post /reviewers/{access_id}/end",
        owner=200,
    ),
    api_case("list what I review", "get", "/reviewing", "get /reviewing", default=200),
    api_case(
        "leave",
        "post",
        "/reviewing/{access}/leave",
        "post /reviewing/{access_id}/leave",
        reviewer=200,
    ),
    api_case("list shared goals", "get", "/shared/goals", "get /shared/goals", default=200),
    api_case(
        "read the shared goal",
        "get",
        "/shared/goals/{goal}",
        "get /shared/goals/{goal_id}",
        reviewer=200,
    ),
    api_case(
        "read the other shared goal",
        "get",
        "/shared/goals/{other_goal}",
        "",
        elsewhere=200,
    ),
    api_case("open questions", "get", "/questions/open", "get /questions/open", default=200),
    api_case(
        "comment",
        "post",
        "/goals/{goal}/comments",
        "post /goals/{goal_id}/comments",
        {"body": "Fine."},
        reviewer=201,
    ),
    api_case(
        "rate",
        "put",
        "/goals/{goal}/ratings/specific",
        "put /goals/{goal_id}/ratings/{criterion}",
        {"rating": "met"},
        reviewer=200,
    ),
    api_case(
        "the owner's feedback on a goal",
        "get",
        "/goals/{goal}/feedback",
        "get /goals/{goal_id}/feedback",
        owner=200,
    ),
    api_case(
        "ask",
        "post",
        "/goals/{goal}/questions",
        "post /goals/{goal_id}/questions",
        {"body": "Realistic?"},
        owner=201,
    ),
    api_case(
        "reply to the question",
        "post",
        "/comments/{question}/replies",
        "post /comments/{comment_id}/replies",
        {"body": "Yes."},
        owner=422,
        reviewer=201,
    ),
    api_case(
        "reply to the answer",
        "post",
        "/comments/{answer}/replies",
        "",
        {"body": "Thanks."},
        owner=201,
        reviewer=201,
    ),
    api_case(
        "reply to a former reviewer",
        "post",
        "/comments/{former_remark}/replies",
        "",
        {"body": "Thanks."},
        owner=422,
    ),
    api_case(
        "adjust after a comment",
        "post",
        "/comments/{remark}/adjustment",
        "post /comments/{comment_id}/adjustment",
        {"statement": "Lead the analytics team"},
        owner=201,
    ),
    api_case(
        "adjust after a rating",
        "post",
        "/ratings/{rating}/adjustment",
        "post /ratings/{rating_id}/adjustment",
        {"statement": "Lead the analytics team"},
        owner=201,
    ),
]

CASES = PAGE_CASES + API_CASES


def _request(client: Client, case: Case, world: World, persona: str) -> Any:
    url = case.url(world, persona)
    data = case.extra["data"](world) if "data" in case.extra else case.data
    if case.api:
        return client.generic(
            case.method.upper(),
            url,
            data=json.dumps(data) if data is not None else "",
            content_type="application/json",
        )
    if case.method == "get":
        return client.get(url)
    return client.post(url, data or {})


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_each_persona_gets_exactly_what_it_may(case: Case) -> None:
    world = build_world()
    clients = {"anonymous": Client()}
    for persona in SIGNED_IN:
        clients[persona] = Client()
        clients[persona].force_login(world.users[persona])
    got: dict[str, int] = {}
    for persona in PERSONAS:
        with transaction.atomic():
            response = _request(clients[persona], case, world, persona)
            transaction.set_rollback(True)
        got[persona] = response.status_code
        if persona == "anonymous" and response.status_code == 302:
            assert response["Location"].startswith(reverse("account_login"))
        if response.status_code == 404 and not case.api:
            assert "Page not found" in response.content.decode()
    assert got == case.expected


@pytest.mark.django_db
def test_former_reviewers_and_strangers_see_nothing_in_their_lists() -> None:
    world = build_world()
    seen: dict[str, tuple[int, int, int, str]] = {}
    for persona in SIGNED_IN:
        client = Client()
        client.force_login(world.users[persona])
        shared = client.get("/api/feedback/shared/goals").json()["items"]
        questions = client.get("/api/feedback/questions/open").json()["items"]
        reviewing = client.get("/api/feedback/reviewing").json()["items"]
        page = client.get(reverse("feedback-reviewing")).content.decode()
        seen[persona] = (len(shared), len(questions), len(reviewing), page)
        if shared:
            assert [g["id"] for g in shared] == [
                world.goal.pk if persona == "reviewer" else world.other_goal.pk
            ]
    assert {p: s[:3] for p, s in seen.items()} == {
        "owner": (0, 0, 0),
        "reviewer": (1, 0, 1),  # Dana already answered the one question
        "elsewhere": (1, 0, 1),
        "ended": (0, 0, 0),
        "left": (0, 0, 0),
        "stranger": (0, 0, 0),
    }
    for persona in ("owner", "ended", "left", "stranger"):
        assert "Alice" not in seen[persona][3]


@pytest.mark.django_db
def test_a_new_question_waits_only_for_active_reviewers_of_its_goal() -> None:
    world = build_world()
    ask(world.goal, "One more thing?")
    waiting = {}
    for persona in SIGNED_IN:
        client = Client()
        client.force_login(world.users[persona])
        questions = client.get("/api/feedback/questions/open").json()["items"]
        waiting[persona] = [q["body"] for q in questions]
    assert waiting == {
        "owner": [],
        "reviewer": ["One more thing?"],
        "elsewhere": [],
        "ended": [],
        "left": [],
        "stranger": [],
    }


def _feedback_url_names(patterns: list[Any] | None = None) -> set[str]:
    names: set[str] = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            names |= _feedback_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and (pattern.name or "").startswith("feedback-"):
            names.add(pattern.name or "")
    return names


def test_the_matrix_covers_every_feedback_page_and_endpoint() -> None:
    covered = {c.covers for c in CASES if c.covers}
    operations = {
        f"{method} {path.removeprefix('/api/feedback')}"
        for path, ops in api.get_openapi_schema()["paths"].items()
        if path.startswith("/api/feedback/")
        for method in ops
    }
    assert covered == _feedback_url_names() | operations

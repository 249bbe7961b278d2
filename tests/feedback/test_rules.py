"""The pure rules of feedback; no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.feedback import rules
from headway.feedback.rules import FeedbackError

NOW = datetime(2025, 3, 1, 12, tzinfo=UTC)


def test_it_names_the_five_smart_criteria_in_order() -> None:
    assert list(rules.CRITERIA) == [
        "specific",
        "measurable",
        "attainable",
        "relevant",
        "time_bound",
    ]


@pytest.mark.parametrize(
    ("accepted", "withdrawn", "expires_in", "state"),
    [
        (None, None, 1, "pending"),
        (None, None, 0, "expired"),
        (None, None, -1, "expired"),
        (NOW, None, 1, "accepted"),
        (NOW, None, -1, "accepted"),
        (None, NOW, 1, "withdrawn"),
        (NOW, NOW, 1, "withdrawn"),
    ],
)
def test_it_tells_the_state_of_an_invitation(
    accepted: datetime | None, withdrawn: datetime | None, expires_in: int, state: str
) -> None:
    found = rules.invitation_state(
        expires_at=NOW + timedelta(seconds=expires_in),
        accepted_at=accepted,
        withdrawn_at=withdrawn,
        now=NOW,
    )
    assert found == state


@pytest.mark.parametrize(
    ("state", "problem", "status"),
    [("accepted", "used", 410), ("withdrawn", "withdrawn", 410), ("expired", "expired", 410)],
)
def test_it_refuses_links_of_closed_invitations_with_gone(
    state: rules.InvitationState, problem: str, status: int
) -> None:
    found = rules.link_problem(state)
    assert found == problem
    assert found is not None
    assert rules.link_refusal(found).status == status


def test_it_accepts_a_pending_invitation() -> None:
    assert rules.link_problem("pending") is None


def test_every_refusal_says_what_to_do() -> None:
    for problem in ("tampered", "unknown", "withdrawn", "used", "expired", "own"):
        refusal = rules.link_refusal(problem)  # type: ignore[arg-type]
        assert refusal.title and refusal.explanation and refusal.next_step
        assert refusal.status in (400, 404, 410)


def test_it_refuses_to_invite_yourself_whatever_the_case() -> None:
    with pytest.raises(FeedbackError) as refused:
        rules.check_invitee(" Alice@Example.org ", own=["alice@example.org"], taken=[])
    assert refused.value.field == "email"
    assert "your own address" in refused.value.message


def test_it_refuses_an_address_already_invited() -> None:
    with pytest.raises(FeedbackError) as refused:
        rules.check_invitee("dana@example.org", own=[], taken=["DANA@example.org"])
    assert "already invited" in refused.value.message


def test_the_daily_quota_allows_up_to_its_limit() -> None:
    rules.check_invitation_quota(19, limit=20)
    with pytest.raises(FeedbackError, match="sent 20 invitations") as refused:
        rules.check_invitation_quota(20, limit=20)
    assert refused.value.field == "email"


def test_it_returns_the_address_lower_cased() -> None:
    assert rules.check_invitee(" Dana@Example.ORG", own=["a@b.c"], taken=[]) == "dana@example.org"


def test_it_refuses_empty_and_overlong_text() -> None:
    with pytest.raises(FeedbackError, match="cannot be empty"):
        rules.check_text("body", "  \n ", limit=10, what="question")
    with pytest.raises(FeedbackError, match="10 characters"):
        rules.check_text("body", "x" * 11, limit=10, what="question")
    assert rules.check_text("body", "", limit=10, what="note", required=False) == ""


def test_it_cites_the_feedback_in_an_adjustment_reason() -> None:
    reason = rules.adjustment_reason(
        reviewer="Dana", feedback="Six months is\ntight for this.", note="Moved to June."
    )
    assert (
        reason
        == "Adjusted after feedback from Dana: “Six months is tight for this.” Moved to June."
    )


def test_it_summarises_a_rating() -> None:
    assert rules.rating_summary("time_bound", "not_met") == "Time-bound: not met."
    assert rules.rating_summary("specific", "met", " Clear. ") == "Specific: met. Clear."


@given(st.text(max_size=500), st.integers(min_value=10, max_value=300))
def test_an_excerpt_is_one_line_and_never_too_long(text: str, length: int) -> None:
    cut = rules.excerpt(text, length)
    assert len(cut) <= length
    assert "\n" not in cut
    if len(" ".join(text.split())) <= length:
        assert cut == " ".join(text.split())
    else:
        assert cut.endswith("…")


@given(st.emails())
def test_any_address_compares_equal_to_itself_in_another_case(email: str) -> None:
    with pytest.raises(FeedbackError):
        rules.check_invitee(email.upper(), own=[email], taken=[])

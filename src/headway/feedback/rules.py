"""The rules of asking for feedback: invitation states, rating names, adjustment reasons.

Plain values in and out, no Django, so the pages and the API share one rule and the tests run
without a database. A refused input raises `FeedbackError`, naming the input and saying why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from headway.domain.errors import RuleError

# The SMART criteria a reviewer rates, in the order they are shown.
CRITERIA: dict[str, str] = {
    "specific": "Specific",
    "measurable": "Measurable",
    "attainable": "Attainable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
RATINGS: dict[str, str] = {"met": "Met", "partly": "Partly met", "not_met": "Not met"}
ROLES: dict[str, str] = {
    "mentor": "Mentor",
    "colleague": "Colleague",
    "supervisor": "Supervisor",
    "teacher": "Teacher",
    "peer": "Peer",
}

BODY_MAX = 4000
MESSAGE_MAX = 1000
NOTE_MAX = 1000
EXCERPT_LENGTH = 160
DEFAULT_INVITATION_DAYS = 14
DEFAULT_INVITATIONS_PER_DAY = 20

InvitationState = Literal["pending", "accepted", "withdrawn", "expired"]
# Why an invitation link cannot be used, in the order they are checked.
LinkProblem = Literal["tampered", "unknown", "withdrawn", "used", "expired", "own"]


class FeedbackError(RuleError):
    """An input the feedback rules refuse; `field` names the input, `message` says why."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)


@dataclass(frozen=True)
class LinkRefusal:
    """What a person following an invitation link is told when it cannot be used."""

    problem: LinkProblem
    status: int
    title: str
    explanation: str
    next_step: str


_REFUSALS: dict[LinkProblem, tuple[int, str, str, str]] = {
    "tampered": (
        400,
        "This invitation link is damaged",
        "Part of the link is missing or was changed, so Headway cannot check it.",
        "Open the link from the email again, or copy all of it into the address bar. If it "
        "still fails, ask the person who invited you to send a new invitation.",
    ),
    "unknown": (
        404,
        "We do not know this invitation",
        "The link is well formed, but no invitation matches it any more.",
        "Ask the person who invited you to send a new invitation.",
    ),
    "withdrawn": (
        410,
        "This invitation was withdrawn",
        "The person who invited you withdrew the invitation, so it no longer opens their plan.",
        "If you expected to review their plan, ask them to invite you again.",
    ),
    "used": (
        410,
        "This invitation was already used",
        "Each invitation link works once, and this one has been accepted.",
        "If you accepted it, find the plan under “Shared with you”. Otherwise ask for a new "
        "invitation.",
    ),
    "expired": (
        410,
        "This invitation has expired",
        "Invitations stay open for a limited time, and this one ran out.",
        "Ask the person who invited you to send a new invitation.",
    ),
    "own": (
        400,
        "This is your own invitation",
        "You sent this invitation, and you cannot review your own plan.",
        "Send the link to the person you invited, or sign in with their account to accept it.",
    ),
}


def link_refusal(problem: LinkProblem) -> LinkRefusal:
    """Return the status, title and advice shown for an unusable invitation link."""
    status, title, explanation, next_step = _REFUSALS[problem]
    return LinkRefusal(problem, status, title, explanation, next_step)


class InvitationLinkError(Exception):
    """An invitation link that cannot be used; `refusal` says why and what to do."""

    def __init__(self, problem: LinkProblem) -> None:
        self.refusal = link_refusal(problem)
        super().__init__(self.refusal.title)


def invitation_state(
    *,
    expires_at: datetime,
    accepted_at: datetime | None,
    withdrawn_at: datetime | None,
    now: datetime,
) -> InvitationState:
    """Return whether an invitation is pending, accepted, withdrawn or expired at `now`."""
    if withdrawn_at is not None:
        return "withdrawn"
    if accepted_at is not None:
        return "accepted"
    if now >= expires_at:
        return "expired"
    return "pending"


def link_problem(state: InvitationState) -> LinkProblem | None:
    """Return why an invitation in `state` cannot be accepted, or None when it can."""
    problems: dict[InvitationState, LinkProblem | None] = {
        "pending": None,
        "accepted": "used",
        "withdrawn": "withdrawn",
        "expired": "expired",
    }
    return problems[state]


def normalise_email(email: str) -> str:
    """Return an address trimmed and lower-cased, the form addresses are compared in."""
    return email.strip().lower()


def check_invitee(email: str, *, own: Iterable[str], taken: Iterable[str]) -> str:
    """Return the invitee's address, refusing one of the user's own or one already invited.

    `own` holds the inviter's addresses; `taken` the addresses with a pending invitation or an
    active reviewer. Both are compared without regard to case.
    """
    address = normalise_email(email)
    if address in {normalise_email(e) for e in own}:
        raise FeedbackError(
            "email",
            "That is your own address. Invite someone else: a mentor, colleague, supervisor, "
            "teacher or peer.",
        )
    if address in {normalise_email(e) for e in taken}:
        raise FeedbackError(
            "email",
            f"{address} is already invited or already reviews your plan. Withdraw the open "
            "invitation first, or change what they see from your list of reviewers.",
        )
    return address


def check_invitation_quota(sent_today: int, *, limit: int) -> None:
    """Refuse another invitation once `limit` were sent in the last 24 hours.

    Invitations are emails sent in the owner's name to any address; the cap keeps an account
    from being used to send mail in bulk while leaving room for any real search for mentors.
    """
    if sent_today >= limit:
        raise FeedbackError(
            "email",
            f"You have sent {sent_today} invitations in the last 24 hours, the most Headway "
            "sends in a day. Try again tomorrow; the people you invited can still accept.",
        )


def check_text(field: str, text: str, *, limit: int, what: str, required: bool = True) -> str:
    """Return `text` trimmed, refusing an empty (when required) or overlong one."""
    value = text.strip()
    if required and not value:
        raise FeedbackError(field, f"Write your {what} first: it cannot be empty.")
    if len(value) > limit:
        raise FeedbackError(field, f"Keep your {what} to {limit} characters (it has {len(value)}).")
    return value


def check_choice(field: str, value: str, choices: dict[str, str]) -> str:
    """Return `value` if it is one of `choices`, or refuse it listing the choices."""
    if value not in choices:
        raise FeedbackError(field, f"Choose one of: {', '.join(choices.values())}.")
    return value


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """Return `text` on one line, cut at a word boundary with an ellipsis when too long."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def adjustment_reason(*, reviewer: str, feedback: str, note: str = "") -> str:
    """Return the reason kept with a goal version made after a piece of feedback."""
    reason = f"Adjusted after feedback from {reviewer}: “{excerpt(feedback)}”"
    extra = " ".join(note.split())
    return f"{reason} {extra}" if extra else reason


def rating_summary(criterion: str, rating: str, note: str = "") -> str:
    """Return a rating as one sentence, such as "Time-bound: not met. The date is too close."."""
    text = f"{CRITERIA.get(criterion, criterion)}: {RATINGS.get(rating, rating).lower()}."
    extra = " ".join(note.split())
    return f"{text} {extra}" if extra else text

"""A plan with every kind of reviewer around it, for tests of who may do what.

Around Alice's goal `goal`:
- owner: Alice.
- reviewer: Dana, who reviews `goal` (and nothing else).
- elsewhere: Bob, who reviews only Alice's `other_goal`.
- ended: Erin, whose access to `goal` Alice ended; left: Finn, who left it himself.
- stranger: Charlie, signed in, never invited.
"""

from __future__ import annotations

from dataclasses import dataclass

from headway.accounts.models import User
from headway.feedback import services
from headway.feedback.models import Comment, CriterionRating, Invitation, ReviewerAccess
from headway.plans.models import Goal, Milestone
from tests.factories import UserFactory
from tests.feedback.factories import (
    GoalFactory,
    MilestoneFactory,
    ask,
    comment,
    invite,
    rate,
    reply,
    share,
)


@dataclass
class World:
    users: dict[str, User]
    goal: Goal
    other_goal: Goal
    milestone: Milestone
    access: ReviewerAccess
    accesses: dict[str, ReviewerAccess]
    question: Comment
    answer: Comment
    remark: Comment
    former_remark: Comment
    rating: CriterionRating
    invitation: Invitation
    token: str


def build_world() -> World:
    owner = UserFactory(email="alice@example.org", display_name="Alice")
    users = {
        "owner": owner,
        "reviewer": UserFactory(display_name="Dana"),
        "elsewhere": UserFactory(display_name="Bob"),
        "ended": UserFactory(display_name="Erin"),
        "left": UserFactory(display_name="Finn"),
        "stranger": UserFactory(display_name="Charlie"),
    }
    goal = GoalFactory(user=owner, statement="Lead a data team")
    other_goal = GoalFactory(user=owner, statement="Speak at a conference")
    milestone = MilestoneFactory(goal=goal)
    accesses = {
        "reviewer": share(owner, users["reviewer"], [goal]),
        "elsewhere": share(owner, users["elsewhere"], [other_goal]),
        "ended": share(owner, users["ended"], [goal]),
        "left": share(owner, users["left"], [goal]),
    }
    question = ask(goal)
    answer = reply(users["reviewer"], question)
    remark = comment(users["reviewer"], goal)
    reply(owner, remark)
    former_remark = comment(users["ended"], goal, "Written before the end.")
    comment(users["left"], goal, "Written before leaving.")
    rating = rate(users["reviewer"], goal)
    services.access_end(access=accesses["ended"], by=ReviewerAccess.EndedBy.OWNER)
    services.access_end(access=accesses["left"], by=ReviewerAccess.EndedBy.REVIEWER)
    invitation, token = invite(owner, "newcomer@example.org", [goal])
    return World(
        users=users,
        goal=goal,
        other_goal=other_goal,
        milestone=milestone,
        access=accesses["reviewer"],
        accesses=accesses,
        question=question,
        answer=answer,
        remark=remark,
        former_remark=former_remark,
        rating=rating,
        invitation=invitation,
        token=token,
    )

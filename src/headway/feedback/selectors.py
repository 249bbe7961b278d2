"""Reads on feedback, scoped to who asks: the plan's owner, or a reviewer with active access.

Everything a reviewer reads goes through `shared_goal_get_for_reviewer` or
`access_get_for_reviewer`, which raise 404 unless the access is active and covers the goal, so
ending access closes every reviewer page at once. Owners read through the plans selectors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Now
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from headway.accounts.models import User
from headway.feedback import rules, tokens
from headway.feedback.models import (
    Adjustment,
    Comment,
    CriterionRating,
    Invitation,
    ReviewerAccess,
    Scope,
)
from headway.feedback.rules import InvitationLinkError
from headway.plans import selectors as plan_selectors
from headway.plans.models import Goal

# Access


def _active_accesses() -> QuerySet[ReviewerAccess]:
    return ReviewerAccess.objects.filter(ended_at__isnull=True)


def goals_visible_to_reviewer(reviewer: User) -> QuerySet[Goal]:
    """Return every goal some active access shows `reviewer`: whole plans and chosen goals."""
    whole_plan = _active_accesses().filter(
        reviewer=reviewer, scope=Scope.PLAN, owner=OuterRef("user")
    )
    chosen = _active_accesses().filter(reviewer=reviewer, scope=Scope.GOALS, goals=OuterRef("pk"))
    return Goal.objects.filter(Exists(whole_plan) | Exists(chosen))


def access_covering(reviewer: User, goal: Goal) -> ReviewerAccess | None:
    """Return the reviewer's active access that shows `goal`, or None."""
    return (
        _active_accesses()
        .filter(reviewer=reviewer, owner_id=goal.user_id)
        .filter(Q(scope=Scope.PLAN) | Q(goals=goal))
        .select_related("owner")
        .first()
    )


def shared_goal_get_for_reviewer(reviewer: User, goal_id: int) -> tuple[Goal, ReviewerAccess]:
    """Return a goal shared with the reviewer and the access that shares it, or raise 404.

    The goal comes with its milestones and actions loaded. The owner's own goals are not
    "shared" with them: owners read their goals on the plan pages.
    """
    goal = (
        goals_visible_to_reviewer(reviewer)
        .select_related("user")
        .prefetch_related("milestones", "actions")
        .filter(pk=goal_id)
        .first()
    )
    if goal is None:
        raise Http404("No such goal is shared with you.")
    access = access_covering(reviewer, goal)
    if access is None:  # pragma: no cover - the query above found one
        raise Http404("No such goal is shared with you.")
    return goal, access


def access_get_for_reviewer(reviewer: User, access_id: int) -> ReviewerAccess:
    """Return the reviewer's active access to someone's plan, or raise 404."""
    return get_object_or_404(
        _active_accesses().select_related("owner"), pk=access_id, reviewer=reviewer
    )


def access_get_for_owner(owner: User, access_id: int) -> ReviewerAccess:
    """Return one of the owner's reviewers (active or ended), or raise 404."""
    return get_object_or_404(
        ReviewerAccess.objects.select_related("reviewer").prefetch_related("goals"),
        pk=access_id,
        owner=owner,
    )


def reviewers_list_for_owner(owner: User, *, active: bool = True) -> QuerySet[ReviewerAccess]:
    """Return the owner's reviewers, newest first, with the goals each sees."""
    found = ReviewerAccess.objects.filter(owner=owner).select_related("reviewer")
    found = found.filter(ended_at__isnull=active)
    return found.prefetch_related(Prefetch("goals", Goal.objects.order_by("rank", "id")))


def accesses_list_for_reviewer(reviewer: User) -> QuerySet[ReviewerAccess]:
    """Return the plans shared with the reviewer now, newest first."""
    return (
        _active_accesses()
        .filter(reviewer=reviewer)
        .select_related("owner")
        .prefetch_related(Prefetch("goals", Goal.objects.order_by("rank", "id")))
    )


def goals_for_access(access: ReviewerAccess) -> list[Goal]:
    """Return the goals an access shows, in the owner's rank order, with milestone counts."""
    goals = plan_selectors.goals_list_for_user(access.owner)
    if not access.whole_plan:
        goals = goals.filter(pk__in=access.goals.values("pk"))
    return list(goals)


def goal_readers(goal: Goal) -> QuerySet[ReviewerAccess]:
    """Return the active accesses that show `goal`: who reads it and would see a question."""
    return (
        _active_accesses()
        .filter(owner_id=goal.user_id)
        .filter(Q(scope=Scope.PLAN) | Q(goals=goal))
        .select_related("reviewer")
        .distinct()
    )


# Invitations


# The database's reading of `Invitation.is_pending`, at the time of the query.
_PENDING = Q(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=Now())


def invitations_list_for_owner(owner: User) -> QuerySet[Invitation]:
    """Return every invitation the owner sent, newest first, with its goals."""
    return Invitation.objects.filter(owner=owner).prefetch_related(
        Prefetch("goals", Goal.objects.order_by("rank", "id"))
    )


def invitations_pending_for_owner(owner: User) -> QuerySet[Invitation]:
    """Return the owner's invitations still waiting for an answer, newest first."""
    return invitations_list_for_owner(owner).filter(_PENDING)


def invitations_past_for_owner(owner: User) -> QuerySet[Invitation]:
    """Return the owner's accepted, withdrawn or expired invitations, newest first."""
    return invitations_list_for_owner(owner).exclude(_PENDING)


def invitation_get_for_owner(owner: User, invitation_id: int) -> Invitation:
    """Return one of the owner's invitations, or raise 404."""
    return get_object_or_404(Invitation, pk=invitation_id, owner=owner)


def invitation_for_token(token: str) -> Invitation:
    """Return the invitation a link's token names, or raise InvitationLinkError when the link
    is damaged ("tampered") or names no invitation ("unknown").

    Says nothing yet about whether it can still be accepted: see `invitation_check`.
    """
    stored = tokens.token_read(token)
    if stored is None:
        raise InvitationLinkError("tampered")
    invitation = (
        Invitation.objects.select_related("owner")
        .prefetch_related(Prefetch("goals", Goal.objects.order_by("rank", "id")))
        .filter(token_hash=stored)
        .first()
    )
    if invitation is None:
        raise InvitationLinkError("unknown")
    return invitation


def invitation_check(invitation: Invitation, user: User | None) -> None:
    """Raise InvitationLinkError unless `user` (None: not signed in) may accept it now."""
    problem = rules.link_problem(invitation.state)
    if problem is not None:
        raise InvitationLinkError(problem)
    if user is not None and user.pk == invitation.owner_id:
        raise InvitationLinkError("own")


def invitation_waiting(token: str | None, user: User) -> Invitation | None:
    """Return the invitation a browser followed before signing in, if `user` may accept it."""
    if not token:
        return None
    try:
        invitation = invitation_for_token(token)
        invitation_check(invitation, user)
    except InvitationLinkError:
        return None
    return invitation


def taken_emails(owner: User) -> set[str]:
    """Return the addresses the owner may not invite again: pending invitations, reviewers."""
    now = timezone.now()
    pending = Invitation.objects.filter(
        owner=owner, accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now
    ).values_list("email", flat=True)
    active = _active_accesses().filter(owner=owner)
    reviewers = active.values_list("reviewer__email", flat=True)
    invited = active.exclude(invitation=None).values_list("invitation__email", flat=True)
    return {rules.normalise_email(e) for e in [*pending, *reviewers, *invited] if e}


def own_emails(user: User) -> set[str]:
    """Return every address of the user: the login address and any other they added."""
    from allauth.account.models import EmailAddress

    found = {user.email}
    found.update(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return {rules.normalise_email(e) for e in found}


# Conversations


def comment_get_for_owner(owner: User, comment_id: int) -> Comment:
    """Return a message on one of the owner's goals, or raise 404."""
    return get_object_or_404(
        Comment.objects.select_related("goal", "author", "reviewer", "parent"),
        pk=comment_id,
        goal__user=owner,
    )


def _visible_to_reviewer(reviewer: User) -> Q:
    # A reviewer sees the owner's questions and their own conversation, never another's.
    return Q(kind=Comment.Kind.QUESTION) | Q(reviewer=reviewer)


def comment_get_for_reader(user: User, comment_id: int) -> Comment:
    """Return a message the user may reply to, as the goal's owner or a reviewer, or raise 404."""
    comment = get_object_or_404(
        Comment.objects.select_related("goal", "author", "reviewer", "parent"), pk=comment_id
    )
    if comment.goal.user_id == user.pk:
        return comment
    if access_covering(user, comment.goal) is None:
        raise Http404("No such message.")
    visible = Comment.objects.filter(pk=comment.pk).filter(_visible_to_reviewer(user)).exists()
    if not visible:
        raise Http404("No such message.")
    return comment


def rating_get_for_owner(owner: User, rating_id: int) -> CriterionRating:
    """Return a rating of one of the owner's goals, or raise 404."""
    return get_object_or_404(
        CriterionRating.objects.select_related("goal", "reviewer"), pk=rating_id, goal__user=owner
    )


@dataclass
class Conversation:
    """The messages between the owner and one reviewer under one question or comment."""

    reviewer: User | None
    messages: list[Comment]

    @property
    def reviewer_name(self) -> str:
        return self.reviewer.name if self.reviewer is not None else "a former reviewer"

    @property
    def reply_to(self) -> Comment:
        return self.messages[0]


@dataclass
class Thread:
    """A question or comment and the conversations under it."""

    opener: Comment
    conversations: list[Conversation] = field(default_factory=list)

    @property
    def is_question(self) -> bool:
        return self.opener.kind == Comment.Kind.QUESTION

    @property
    def message_count(self) -> int:
        return 1 + sum(len(c.messages) for c in self.conversations)


def threads_for_goal(goal: Goal, *, reviewer: User | None = None) -> list[Thread]:
    """Return a goal's threads, newest first; for a reviewer, only what they may see.

    One query, whatever the number of messages.
    """
    comments = Comment.objects.filter(goal=goal).select_related("author", "reviewer", "milestone")
    if reviewer is not None:
        comments = comments.filter(_visible_to_reviewer(reviewer))
    rows = list(comments.order_by("created_at", "id"))
    threads = {c.pk: Thread(c) for c in rows if c.parent_id is None}
    grouped: dict[int, dict[int | None, list[Comment]]] = defaultdict(lambda: defaultdict(list))
    for c in rows:
        if c.parent_id is not None and c.parent_id in threads:
            grouped[c.parent_id][c.reviewer_id].append(c)
    for thread_id, thread in threads.items():
        by_reviewer = grouped.get(thread_id, {})
        for messages in by_reviewer.values():
            thread.conversations.append(Conversation(messages[0].reviewer, messages))
    return sorted(
        threads.values(),
        key=lambda t: max(
            [t.opener.created_at, *[m.created_at for c in t.conversations for m in c.messages]]
        ),
        reverse=True,
    )


def ratings_for_goal(goal: Goal, *, reviewer: User | None = None) -> list[CriterionRating]:
    """Return a goal's ratings in criterion order; for a reviewer, only their own."""
    ratings = CriterionRating.objects.filter(goal=goal).select_related("reviewer")
    if reviewer is not None:
        ratings = ratings.filter(reviewer=reviewer)
    order = list(rules.CRITERIA)
    return sorted(ratings, key=lambda r: (order.index(r.criterion), r.reviewer_id or 0))


@dataclass
class RatingRow:
    """One SMART criterion and every reviewer's rating of it."""

    criterion: str
    label: str
    ratings: list[CriterionRating]


def rating_rows(ratings: list[CriterionRating]) -> list[RatingRow]:
    """Group ratings by criterion, every criterion present even when unrated."""
    by_criterion: dict[str, list[CriterionRating]] = defaultdict(list)
    for rating in ratings:
        by_criterion[rating.criterion].append(rating)
    return [RatingRow(key, label, by_criterion[key]) for key, label in rules.CRITERIA.items()]


def adjustments_for_goal(goal: Goal) -> QuerySet[Adjustment]:
    """Return the goal versions made after feedback, newest first."""
    return Adjustment.objects.filter(goal=goal).select_related(
        "version", "comment", "comment__author", "rating", "rating__reviewer"
    )


def open_questions_for_reviewer(reviewer: User) -> list[Comment]:
    """Return the questions on goals shared with the reviewer that they have not answered."""
    return list(
        _open_questions(reviewer).select_related("goal", "goal__user").order_by("created_at", "id")
    )


# The owner's overview and the dashboard


@dataclass
class GoalFeedbackRow:
    """One of the owner's goals with its feedback counts."""

    goal: Goal
    readers: int
    messages: int
    unread: int
    questions: int


def _count_per_goal(rows: QuerySet[Any]) -> Coalesce:
    """Return a subquery counting `rows` of the outer goal (one subquery each, no cross join)."""
    counted = rows.filter(goal=OuterRef("pk")).order_by().values("goal").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def goal_rows_for_owner(
    owner: User, accesses: list[ReviewerAccess] | None = None
) -> list[GoalFeedbackRow]:
    """Return the owner's open and achieved goals with who reads them and what is new.

    `accesses` are the owner's active reviewers when the caller has them already.
    """
    goals: list[Any] = list(
        Goal.objects.filter(user=owner, status__in=(*Goal.OPEN_STATUSES, Goal.Status.ACHIEVED))
        .annotate(
            messages=_count_per_goal(Comment.objects.all()),
            unread_comments=_count_per_goal(
                Comment.objects.filter(from_owner=False, read_at__isnull=True)
            ),
            questions=_count_per_goal(Comment.objects.filter(kind=Comment.Kind.QUESTION)),
            unread_ratings=_count_per_goal(CriterionRating.objects.filter(read_at__isnull=True)),
        )
        .order_by("rank", "id")
    )
    if accesses is None:
        accesses = list(reviewers_list_for_owner(owner))
    whole_plan = sum(1 for a in accesses if a.whole_plan)
    chosen: dict[int, int] = defaultdict(int)
    for access in accesses:
        if not access.whole_plan:
            for goal in access.goals.all():
                chosen[goal.pk] += 1
    return [
        GoalFeedbackRow(
            goal=g,
            readers=whole_plan + chosen[g.pk],
            messages=g.messages,
            unread=g.unread_comments + g.unread_ratings,
            questions=g.questions,
        )
        for g in goals
    ]


@dataclass
class FeedbackNews:
    """One new piece of feedback for the owner's dashboard."""

    goal: Goal
    who: str
    text: str
    at: Any


@dataclass
class FeedbackSummary:
    """What the dashboard shows about feedback, for the plan's owner and as a reviewer."""

    new_feedback: list[FeedbackNews]
    new_feedback_count: int
    reviewers: int
    open_questions: list[Comment]
    new_replies: int
    shared_with_me: int

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_feedback_count
            or self.open_questions
            or self.new_replies
            or self.reviewers
            or self.shared_with_me
        )


class _CountOf(Subquery):
    """The number of rows a queryset would return, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def _counts(base: QuerySet[Any], **rows: QuerySet[Any]) -> dict[str, int]:
    """Count several querysets in one query, read off the single row of `base`."""
    found = base.annotate(**{k: _CountOf(v.values("pk")) for k, v in rows.items()})
    return found.values(*rows).first() or dict.fromkeys(rows, 0)


def _open_questions(reviewer: User) -> QuerySet[Comment]:
    answered = Comment.objects.filter(parent=OuterRef("pk"), author=reviewer)
    return Comment.objects.filter(
        kind=Comment.Kind.QUESTION, goal__in=goals_visible_to_reviewer(reviewer)
    ).exclude(Exists(answered))


def summary_for_user(user: User, *, limit: int = 5) -> FeedbackSummary:
    """Return the dashboard's feedback block: one query when there is nothing to show, four
    at most."""
    new_comments = Comment.objects.filter(goal__user=user, from_owner=False, read_at__isnull=True)
    new_ratings = CriterionRating.objects.filter(goal__user=user, read_at__isnull=True)
    counts = _counts(
        User.objects.filter(pk=user.pk),
        comments=new_comments,
        ratings=new_ratings,
        reviewers=_active_accesses().filter(owner=user),
        shared_with_me=_active_accesses().filter(reviewer=user),
        questions=_open_questions(user),
        replies=Comment.objects.filter(
            reviewer=user,
            from_owner=True,
            read_at__isnull=True,
            goal__in=goals_visible_to_reviewer(user),
        ),
    )
    news: list[FeedbackNews] = []
    if counts["comments"]:
        latest = new_comments.select_related("goal", "author").order_by("-created_at", "-id")
        news += [
            FeedbackNews(c.goal, c.author_name, rules.excerpt(c.body, 120), c.created_at)
            for c in latest[:limit]
        ]
    if counts["ratings"]:
        rated = new_ratings.select_related("goal", "reviewer").order_by("-updated_at", "-id")
        news += [
            FeedbackNews(r.goal, r.reviewer_name, r.summary, r.updated_at) for r in rated[:limit]
        ]
    news.sort(key=lambda n: n.at, reverse=True)
    questions: list[Comment] = []
    if counts["questions"]:
        questions = list(
            _open_questions(user).select_related("goal", "goal__user").order_by("created_at", "id")
        )
    return FeedbackSummary(
        new_feedback=news[:limit],
        new_feedback_count=counts["comments"] + counts["ratings"],
        reviewers=counts["reviewers"],
        open_questions=questions,
        new_replies=counts["replies"],
        shared_with_me=counts["shared_with_me"],
    )


@dataclass
class GoalSummary:
    """Who reads one goal and what feedback on it is new, for the goal page."""

    goal: Goal
    readers: list[ReviewerAccess]
    messages: int
    new: int
    ratings: int


def goal_summary(goal: Goal) -> GoalSummary:
    """Return the feedback block of one of the owner's goals, in two queries."""
    counts = _counts(
        Goal.objects.filter(pk=goal.pk),
        messages=Comment.objects.filter(goal=goal),
        new_comments=Comment.objects.filter(goal=goal, from_owner=False, read_at__isnull=True),
        ratings=CriterionRating.objects.filter(goal=goal),
        new_ratings=CriterionRating.objects.filter(goal=goal, read_at__isnull=True),
    )
    return GoalSummary(
        goal=goal,
        readers=list(goal_readers(goal)),
        messages=counts["messages"],
        new=counts["new_comments"] + counts["new_ratings"],
        ratings=counts["ratings"],
    )

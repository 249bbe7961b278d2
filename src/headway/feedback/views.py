"""Pages of feedback: the owner invites reviewers, asks, replies and adjusts; reviewers read
what was shared, answer, comment and rate. Thin: parse the form, call a service or selector.

When htmx posts a question, comment or reply, the view answers with the conversation fragment
of the same page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_GET, require_POST

from headway.accounts.models import User
from headway.core.http import authed_user
from headway.core.pagination import paginate
from headway.feedback import selectors, services
from headway.feedback.forms import (
    AdjustForm,
    BodyForm,
    CommentForm,
    InvitationForm,
    RatingForm,
    ShareForm,
)
from headway.feedback.models import CriterionRating, ReviewerAccess, Scope
from headway.feedback.rules import FeedbackError, InvitationLinkError
from headway.plans import selectors as plan_selectors
from headway.plans.models import Goal

T = TypeVar("T")
# Where a visitor's invitation waits while they sign up or log in.
SESSION_INVITATION = "feedback_invitation"


def _attempt(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Run a service; put a refusal next to its field (or atop the form) and return None."""
    try:
        return call()
    except FeedbackError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def _submit(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Validate the form, then run the service as `_attempt` does; None when either refuses."""
    return _attempt(form, call) if form.is_valid() else None


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


# The owner's side


@login_required
@require_GET
def home_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    past = paginate(request, selectors.invitations_past_for_owner(user))
    reviewers = list(selectors.reviewers_list_for_owner(user))
    return render(
        request,
        "feedback/feedback_home.html",
        {
            "reviewers": reviewers,
            "pending": list(selectors.invitations_pending_for_owner(user)),
            "past_page": past,
            "past": past.object_list,
            "goal_rows": selectors.goal_rows_for_owner(user, reviewers),
            "shared_with_me": selectors.accesses_list_for_reviewer(user).count(),
        },
    )


def _share_goals(user: User) -> list[Goal]:
    return list(plan_selectors.goals_list_for_user(user))


def _chosen_goals(form: ShareForm) -> list[Goal]:
    return list(form.cleaned_data.get("goals") or [])


@login_required
def invite_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    goals = _share_goals(user)
    initial: dict[str, Any] = {"scope": Scope.GOALS if goals else Scope.PLAN, "role": "mentor"}
    wanted = request.GET.get("goal", "")
    if wanted.isdigit():
        initial["goals"] = [g.pk for g in goals if g.pk == int(wanted)]
    form = InvitationForm(
        request.POST or None, initial=initial, goals=goals, days=services.invitation_days()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = _attempt(
            form,
            lambda: services.invitation_create(
                owner=user,
                email=data["email"],
                role=data["role"],
                message=data["message"],
                scope=data["scope"],
                goals=_chosen_goals(form),
            ),
        )
        if sent is not None:
            invitation, _ = sent
            messages.success(
                request,
                f"Invitation sent to {invitation.email}. The link works once, until "
                f"{dateformat.format(timezone.localtime(invitation.expires_at), 'j M Y')}.",
            )
            return redirect("feedback-home")
    return render(request, "feedback/invitation_form.html", {"form": form})


@login_required
@require_POST
def invitation_withdraw_view(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = selectors.invitation_get_for_owner(authed_user(request), invitation_id)
    try:
        services.invitation_withdraw(invitation=invitation)
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"The invitation to {invitation.email} is withdrawn; its link no longer works."
        )
    return redirect("feedback-home")


@login_required
def reviewer_view(request: HttpRequest, access_id: int) -> HttpResponse:
    user = authed_user(request)
    access = selectors.access_get_for_owner(user, access_id)
    goals = _share_goals(user)
    initial = {"scope": access.scope, "goals": [g.pk for g in access.goals.all()]}
    form = ShareForm(request.POST or None, initial=initial, goals=goals)
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form,
            lambda: services.access_update(
                access=access, scope=form.cleaned_data["scope"], goals=_chosen_goals(form)
            ),
        )
        if saved is not None:
            messages.success(request, f"{access.reviewer.name} now sees what you chose.")
            return redirect("feedback-reviewer", access.pk)
    return render(request, "feedback/reviewer_detail.html", {"access": access, "form": form})


@login_required
@require_POST
def reviewer_end_view(request: HttpRequest, access_id: int) -> HttpResponse:
    access = selectors.access_get_for_owner(authed_user(request), access_id)
    services.access_end(access=access, by=ReviewerAccess.EndedBy.OWNER)
    messages.success(
        request,
        f"{access.reviewer.name} can no longer see your plan. What they wrote stays here.",
    )
    return redirect("feedback-home")


def _owner_goal_context(
    user: User,
    goal: Goal,
    *,
    top_form: forms.Form | None = None,
    reply_form: forms.Form | None = None,
    reply_target: int | None = None,
) -> dict[str, Any]:
    readers = list(selectors.goal_readers(goal))
    return {
        "goal": goal,
        "viewer": "owner",
        "readers": readers,
        "reader_ids": {a.reviewer_id for a in readers},
        "threads": selectors.threads_for_goal(goal),
        "rating_rows": selectors.rating_rows(selectors.ratings_for_goal(goal)),
        "adjustments": list(selectors.adjustments_for_goal(goal)),
        "top_form": top_form or BodyForm(),
        "top_action": reverse("feedback-question-create", args=[goal.pk]),
        "reply_form": reply_form,
        "reply_target": reply_target,
    }


@login_required
@require_GET
def goal_feedback_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = plan_selectors.goal_get_for_user(user, goal_id)
    context = _owner_goal_context(user, goal)
    # Marked after the page's data is read, so what is new still shows as new this once.
    services.feedback_mark_read(goal=goal, reader=user)
    return render(request, "feedback/goal_feedback.html", context)


@login_required
@require_POST
def question_create_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = plan_selectors.goal_get_for_user(user, goal_id)
    form = BodyForm(request.POST)
    asked = _submit(form, lambda: services.question_ask(goal=goal, body=form.cleaned_data["body"]))
    if asked is not None:
        if not _is_htmx(request):
            messages.success(request, "Your question is sent to the reviewers of this goal.")
            return redirect(f"{reverse('feedback-goal', args=[goal.pk])}#threads")
        form = BodyForm()
    context = _owner_goal_context(user, goal, top_form=form)
    template = "feedback/_threads.html" if _is_htmx(request) else "feedback/goal_feedback.html"
    return render(request, template, context)


def _adjust_page(
    request: HttpRequest,
    goal: Goal,
    *,
    who: str,
    feedback: str,
    apply: Callable[[dict[str, Any], str], Any],
) -> HttpResponse:
    initial = {
        "statement": goal.statement,
        "target_date": goal.target_date,
        "metric_target": goal.metric_target,
    }
    form = AdjustForm(request.POST or None, initial=initial, goal=goal)
    if request.method == "POST" and form.is_valid():
        done = _attempt(form, lambda: apply(form.changes(), form.cleaned_data["note"]))
        if done is not None:
            messages.success(
                request, "Your goal is adjusted; the change and the feedback behind it are kept."
            )
            return redirect("feedback-goal", goal.pk)
    return render(
        request,
        "feedback/adjust_form.html",
        {"form": form, "goal": goal, "who": who, "feedback": feedback},
    )


@login_required
def comment_adjust_view(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get_for_owner(authed_user(request), comment_id)
    if comment.from_owner:
        messages.error(request, "Adjust your goal after a reviewer's feedback, not your own.")
        return redirect("feedback-goal", comment.goal_id)
    return _adjust_page(
        request,
        comment.goal,
        who=comment.author_name,
        feedback=comment.body,
        apply=lambda changes, note: services.comment_adjust(
            comment=comment, changes=changes, note=note
        ),
    )


@login_required
def rating_adjust_view(request: HttpRequest, rating_id: int) -> HttpResponse:
    rating: CriterionRating = selectors.rating_get_for_owner(authed_user(request), rating_id)
    return _adjust_page(
        request,
        rating.goal,
        who=rating.reviewer_name,
        feedback=rating.summary,
        apply=lambda changes, note: services.rating_adjust(
            rating=rating, changes=changes, note=note
        ),
    )


# Both sides: replies


@login_required
@require_POST
def reply_view(request: HttpRequest, comment_id: int) -> HttpResponse:
    user = authed_user(request)
    target = selectors.comment_get_for_reader(user, comment_id)
    goal = target.goal
    is_owner = goal.user_id == user.pk
    form = BodyForm(request.POST, label="Your reply")
    replied = _submit(
        form,
        lambda: services.comment_reply(user=user, target=target, body=form.cleaned_data["body"]),
    )
    page = "feedback-goal" if is_owner else "feedback-shared-goal"
    root_id = target.parent_id or target.pk
    if replied is not None and not _is_htmx(request):
        messages.success(request, "Reply sent.")
        return redirect(f"{reverse(page, args=[goal.pk])}#thread-{root_id}")
    bound = None if replied is not None else form
    if is_owner:
        context = _owner_goal_context(user, goal, reply_form=bound, reply_target=target.pk)
    else:
        goal, access = selectors.shared_goal_get_for_reviewer(user, goal.pk)
        context = _reviewer_goal_context(
            user, goal, access, reply_form=bound, reply_target=target.pk
        )
    if _is_htmx(request):
        thread = next((t for t in context["threads"] if t.opener.pk == root_id), None)
        return render(request, "feedback/_thread.html", {**context, "thread": thread})
    template = "feedback/goal_feedback.html" if is_owner else "feedback/shared_goal.html"
    return render(request, template, context)


# The reviewer's side


def waiting_invitation(request: HttpRequest) -> dict[str, Any] | None:
    """Return the invitation this browser followed before signing in, with its link."""
    token = request.session.get(SESSION_INVITATION)
    invitation = selectors.invitation_waiting(token, authed_user(request))
    if invitation is None:
        return None
    return {"invitation": invitation, "url": reverse("feedback-accept", args=[token])}


@login_required
@require_GET
def reviewing_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    return render(
        request,
        "feedback/reviewing.html",
        {
            "accesses": list(selectors.accesses_list_for_reviewer(user)),
            "open_questions": selectors.open_questions_for_reviewer(user),
            "waiting": waiting_invitation(request),
        },
    )


@login_required
@require_GET
def shared_plan_view(request: HttpRequest, access_id: int) -> HttpResponse:
    access = selectors.access_get_for_reviewer(authed_user(request), access_id)
    visions = plan_selectors.visions_for_user(access.owner) if access.whole_plan else {}
    return render(
        request,
        "feedback/shared_plan.html",
        {
            "access": access,
            "goals": selectors.goals_for_access(access),
            "visions": [visions[h] for h in sorted(visions)],
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def leave_view(request: HttpRequest, access_id: int) -> HttpResponse:
    access = selectors.access_get_for_reviewer(authed_user(request), access_id)
    services.access_end(access=access, by=ReviewerAccess.EndedBy.REVIEWER)
    messages.success(request, f"You no longer review {access.owner.name}'s plan.")
    return redirect("feedback-reviewing")


def _rating_initial(user: User, goal: Goal) -> dict[str, str]:
    initial = {}
    for rating in selectors.ratings_for_goal(goal, reviewer=user):
        initial[f"{rating.criterion}_rating"] = rating.rating
        initial[f"{rating.criterion}_note"] = rating.note
    return initial


def _reviewer_goal_context(
    user: User,
    goal: Goal,
    access: ReviewerAccess,
    *,
    top_form: forms.Form | None = None,
    rating_form: RatingForm | None = None,
    reply_form: forms.Form | None = None,
    reply_target: int | None = None,
) -> dict[str, Any]:
    return {
        "goal": goal,
        "owner": goal.user,
        "access": access,
        "viewer": "reviewer",
        "milestones": list(goal.milestones.all()),
        "actions": list(goal.actions.all()),
        "threads": selectors.threads_for_goal(goal, reviewer=user),
        "top_form": top_form or CommentForm(goal=goal),
        "top_action": reverse("feedback-comment-create", args=[goal.pk]),
        "rating_form": rating_form or RatingForm(initial=_rating_initial(user, goal)),
        "reply_form": reply_form,
        "reply_target": reply_target,
        "today": timezone.localdate(),
    }


@login_required
@require_GET
def shared_goal_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal, access = selectors.shared_goal_get_for_reviewer(user, goal_id)
    context = _reviewer_goal_context(user, goal, access)
    services.feedback_mark_read(goal=goal, reader=user)
    return render(request, "feedback/shared_goal.html", context)


@login_required
@require_POST
def comment_create_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal, access = selectors.shared_goal_get_for_reviewer(user, goal_id)
    form = CommentForm(request.POST, goal=goal)
    created = _submit(
        form,
        lambda: services.comment_create(
            reviewer=user,
            goal=goal,
            body=form.cleaned_data["body"],
            milestone=form.cleaned_data.get("milestone"),
        ),
    )
    if created is not None:
        if not _is_htmx(request):
            messages.success(request, f"Your comment is sent to {goal.user.name}.")
            return redirect(f"{reverse('feedback-shared-goal', args=[goal.pk])}#threads")
        form = CommentForm(goal=goal)
    context = _reviewer_goal_context(user, goal, access, top_form=form)
    template = "feedback/_threads.html" if _is_htmx(request) else "feedback/shared_goal.html"
    return render(request, template, context)


@login_required
@require_POST
def rate_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal, access = selectors.shared_goal_get_for_reviewer(user, goal_id)
    form = RatingForm(request.POST)
    rated = _submit(
        form, lambda: services.goal_rate(reviewer=user, goal=goal, ratings=form.ratings())
    )
    if rated is not None:
        messages.success(request, f"Your ratings are saved and {goal.user.name} is told.")
        return redirect(f"{reverse('feedback-shared-goal', args=[goal.pk])}#rate")
    context = _reviewer_goal_context(user, goal, access, rating_form=form)
    return render(request, "feedback/shared_goal.html", context)


# Accepting an invitation


def _refusal(request: HttpRequest, error: InvitationLinkError) -> HttpResponse:
    refusal = error.refusal
    return render(
        request, "feedback/invitation_problem.html", {"refusal": refusal}, status=refusal.status
    )


def accept_view(request: HttpRequest, token: str) -> HttpResponse:
    user = authed_user(request) if request.user.is_authenticated else None
    try:
        invitation = selectors.invitation_for_token(token)
        selectors.invitation_check(invitation, user)
    except InvitationLinkError as error:
        request.session.pop(SESSION_INVITATION, None)
        return _refusal(request, error)
    if user is None:
        # Kept so the dashboard can bring them back here after sign-up and email confirmation.
        request.session[SESSION_INVITATION] = token
        if request.method == "POST":
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        next_query = urlencode({"next": request.path})
        return render(
            request,
            "feedback/accept_anonymous.html",
            {
                "invitation": invitation,
                "login_url": f"{reverse('account_login')}?{next_query}",
                "signup_url": f"{reverse('account_signup')}?{next_query}",
            },
        )
    if request.method == "POST":
        try:
            access = services.invitation_accept(token=token, user=user)
        except InvitationLinkError as error:
            return _refusal(request, error)
        request.session.pop(SESSION_INVITATION, None)
        messages.success(
            request, f"You can now read what {access.owner.name} shared and give feedback."
        )
        # Land on what they were asked about: the invited goal, else the shared plan.
        first_goal = invitation.goals.order_by("pk").first()
        if invitation.scope == Scope.GOALS and first_goal is not None:
            return redirect("feedback-shared-goal", first_goal.pk)
        return redirect("feedback-shared-plan", access.pk)
    return render(
        request,
        "feedback/accept.html",
        {"invitation": invitation, "goals": list(invitation.goals.all())},
    )

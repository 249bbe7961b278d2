"""Pages of the career plan. Thin: parse the form, call a service or selector, render.

When htmx asks, a view answers with the fragment of the same page that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from headway.core.http import authed_user
from headway.core.pagination import paginate
from headway.domain.planning import FocusLimitReached, PlanRuleError
from headway.plans import selectors, services
from headway.plans.calendar import calendar_for_user
from headway.plans.forms import (
    ActionForm,
    GoalForm,
    MetricForm,
    MilestoneForm,
    MoveForm,
    OrderForm,
    PlaceForm,
    PlanSettingsForm,
    ReviewForm,
    StatusForm,
    TraitForm,
    VisionForm,
)
from headway.plans.models import Action, Goal, Horizon, Review, Trait

CLOSED = (Goal.Status.ACHIEVED, Goal.Status.DROPPED)

T = TypeVar("T")


def _attempt(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Run a service; put a refusal next to its field (or atop the form) and return None."""
    try:
        return call()
    except PlanRuleError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def _succeeds(form: forms.Form, call: Callable[[], object]) -> bool:
    """Run a service as `_attempt` does; return whether it accepted the input."""
    return _attempt(form, call) is not None


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


# The plan as a whole


@login_required
@require_GET
def plan_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    today = services.today()
    goals = list(selectors.goals_list_for_user(user).prefetch_related("milestones", "actions"))
    shown = [g for g in goals if g.is_open or g.status == Goal.Status.ACHIEVED]
    span = request.GET.get("span", "")
    span = span if span in selectors.ROADMAP_SPANS else "goals"
    return render(
        request,
        "plans/plan_overview.html",
        {
            "today": today,
            "visions": selectors.visions_for_user(user),
            "goals": goals,
            "roadmap": selectors.roadmap_for_user(user, today, shown, span=span),
            "span": span,
            "spans": selectors.ROADMAP_SPANS.items(),
        },
    )


@login_required
@require_GET
def plan_print_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    today = services.today()
    goals = list(
        selectors.goals_list_for_user(user, Goal.OPEN_STATUSES).prefetch_related(
            "milestones", "actions"
        )
    )
    traits = list(selectors.traits_list_for_user(user))
    return render(
        request,
        "plans/plan_print.html",
        {
            "today": today,
            "visions": selectors.visions_for_user(user),
            "goals": goals,
            "strengths": [t.title for t in traits if t.kind == Trait.Kind.STRENGTH],
            "weaknesses": [t.title for t in traits if t.kind == Trait.Kind.WEAKNESS],
            "roadmap": selectors.roadmap_for_user(user, today, goals),
        },
    )


# Vision


@login_required
@require_GET
def vision_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    visions = selectors.visions_for_user(user)
    horizons = [(value, label, visions.get(value)) for value, label in Horizon.choices]
    return render(
        request,
        "plans/vision_list.html",
        {"horizons": horizons, "traits": selectors.traits_list_for_user(user)},
    )


@login_required
def vision_edit_view(request: HttpRequest, horizon: int) -> HttpResponse:
    user = authed_user(request)
    vision = selectors.vision_for_user(user, horizon)
    initial: dict[str, Any] = {}
    if vision is not None:
        initial = {name: getattr(vision, name) for name in vision.TRACKED_FIELDS}
    form = VisionForm(request.POST or None, initial=initial, revising=vision is not None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
        saved = _attempt(
            form,
            lambda: services.vision_save(
                user=user, horizon=horizon, data=data, reason=form.cleaned_data.get("reason", "")
            ),
        )
        if saved is not None:
            messages.success(request, f"Your {saved.horizon}-year vision is saved.")
            return redirect("plans-vision")
    return render(
        request,
        "plans/vision_form.html",
        {
            "form": form,
            "vision": vision,
            "horizon": horizon,
            "label": dict(Horizon.choices)[horizon],
        },
    )


@login_required
@require_GET
def vision_history_view(request: HttpRequest, horizon: int) -> HttpResponse:
    vision, versions = selectors.vision_history_for_user(authed_user(request), horizon)
    return render(request, "plans/vision_history.html", {"vision": vision, "versions": versions})


# Strengths and weaknesses


@login_required
def traits_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = TraitForm(request.POST or None, initial={"kind": request.GET.get("kind", "strength")})
    if request.method == "POST" and form.is_valid():
        trait = _attempt(form, lambda: services.trait_create(user=user, **form.cleaned_data))
        if trait is not None:
            messages.success(request, f"“{trait.title}” is noted.")
            return redirect("plans-traits")
    traits = selectors.traits_list_for_user(user)
    return render(
        request,
        "plans/trait_list.html",
        {
            "form": form,
            "strengths": paginate(
                request, traits.filter(kind=Trait.Kind.STRENGTH), param="strengths"
            ),
            "weaknesses": paginate(
                request, traits.filter(kind=Trait.Kind.WEAKNESS), param="weaknesses"
            ),
        },
    )


@login_required
def trait_edit_view(request: HttpRequest, trait_id: int) -> HttpResponse:
    trait = selectors.trait_get_for_user(authed_user(request), trait_id)
    initial = {"kind": trait.kind, "title": trait.title, "note": trait.note}
    form = TraitForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and _succeeds(form, lambda: services.trait_update(trait=trait, **form.cleaned_data))
    ):
        messages.success(request, "Saved.")
        return redirect("plans-traits")
    return render(request, "plans/trait_form.html", {"form": form, "trait": trait})


@login_required
@require_http_methods(["GET", "POST"])
def trait_delete_view(request: HttpRequest, trait_id: int) -> HttpResponse:
    """Ask before removing a strength or weakness (a page, so it works without JavaScript)."""
    trait = selectors.trait_get_for_user(authed_user(request), trait_id)
    if request.method == "GET":
        return render(request, "plans/trait_delete.html", {"trait": trait})
    services.trait_delete(trait=trait)
    messages.success(request, f"“{trait.title}” is removed.")
    return redirect("plans-traits")


@login_required
@require_POST
def trait_goal_view(request: HttpRequest, trait_id: int) -> HttpResponse:
    trait = selectors.trait_get_for_user(authed_user(request), trait_id)
    try:
        goal = services.trait_goal_create(trait=trait)
    except PlanRuleError as error:
        messages.error(request, error.message)
        return redirect("plans-traits")
    messages.success(request, "Here is a draft goal to improve it. Make it yours, then save.")
    return redirect("plans-goal-edit", goal.pk)


# Goals


@login_required
@require_GET
def goals_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    # Open goals are one ranked list the person reorders; closed ones only grow, so they page.
    closed = paginate(request, selectors.goals_list_for_user(user, CLOSED))
    return render(
        request,
        "plans/goal_list.html",
        {
            "today": services.today(),
            "open_goals": list(selectors.goals_list_for_user(user, Goal.OPEN_STATUSES)),
            "closed_page": closed,
            "closed_goals": closed.object_list,
        },
    )


@login_required
def goal_create_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    visions = selectors.visions_for_user(user)
    initial = {
        "status": Goal.Status.DRAFT,
        "review_cadence": Goal.Cadence.MONTHLY,
        "category": Goal.Category.SKILL,
        "horizon": 5,
    }
    # The SMART coach's "Set it as a goal" link brings its rewrite; the form validates it on save.
    for name in ("statement", "target_date", "metric_target", "metric_unit"):
        if request.GET.get(name):
            initial[name] = request.GET[name][:300]
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None and data.get("save_as_draft"):
        data["status"] = Goal.Status.DRAFT  # the focus limit was full: keep it as a draft
    form = GoalForm(data, initial=initial, horizons=visions)
    draft_instead = False
    if request.method == "POST" and form.is_valid():
        goal = None
        try:
            goal = services.goal_create(user=user, data=form.goal_data())
        except FocusLimitReached as refusal:
            form.add_error("status", refusal.message)
            draft_instead = True
        except PlanRuleError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        if goal is not None:
            messages.success(request, "Your goal is set. Now break it into milestones.")
            return redirect("plans-goal", goal.pk)
    return render(
        request,
        "plans/goal_form.html",
        {"form": form, "goal": None, "draft_instead": draft_instead},
    )


@login_required
def goal_edit_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)
    initial = {name: getattr(goal, name) for name in GoalForm.base_fields if hasattr(goal, name)}
    form = GoalForm(
        request.POST or None,
        initial=initial,
        editing=True,
        # A draft never started asks no reason for its changes (the service's rule).
        drafting=goal.status == Goal.Status.DRAFT and goal.activated_on is None,
        horizons=selectors.visions_for_user(user),
    )

    def save() -> bool:
        # None means nothing changed, which is fine too.
        services.goal_update(goal=goal, data=form.goal_data(), reason=form.change_reason())
        return True

    if request.method == "POST" and form.is_valid() and _succeeds(form, save):
        messages.success(request, "Your goal is saved; the change is in its history.")
        return redirect("plans-goal", goal.pk)
    return render(request, "plans/goal_form.html", {"form": form, "goal": goal})


def _goal_page_context(goal: Goal, **extra: Any) -> dict[str, Any]:
    today = services.today()
    return {
        "goal": goal,
        "today": today,
        "milestones": list(goal.milestones.all()),
        "milestone_form": extra.pop("milestone_form", None) or MilestoneForm(),
        **extra,
    }


@login_required
@require_GET
def goal_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = selectors.goal_page_for_user(user, goal_id)
    vision = selectors.vision_for_user(user, goal.horizon)
    return render(
        request,
        "plans/goal_detail.html",
        _goal_page_context(
            goal,
            vision=vision,
            actions=list(goal.actions.all()),
            reviews=list(goal.reviews.all()),
            readings=list(goal.readings.all()),
            chart=selectors.progress_chart(goal) if selectors.progress_points(goal) else "",
            metric_form=MetricForm(),
            status_choices=_status_choices(goal),
        ),
    )


def _status_choices(goal: Goal) -> list[tuple[str, str]]:
    labels = {
        Goal.Status.ACTIVE: "Make active",
        Goal.Status.PAUSED: "Pause",
        Goal.Status.ACHIEVED: "Mark achieved",
        Goal.Status.DROPPED: "Drop",
        Goal.Status.DRAFT: "Back to draft",
    }
    return [(s, label) for s, label in labels.items() if s != goal.status]


@login_required
def goal_delete_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    if request.method == "POST":
        services.goal_delete(goal=goal)
        messages.success(request, f"“{goal.statement}” is deleted.")
        return redirect("plans-goals")
    return render(request, "plans/goal_delete.html", {"goal": goal})


@login_required
@require_POST
def goal_status_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a status.")
        return redirect("plans-goal", goal.pk)
    park_id = form.cleaned_data.get("park")
    park = selectors.goal_get_for_user(user, park_id) if park_id else None
    try:
        services.goal_set_status(
            goal=goal,
            status=form.cleaned_data["status"],
            reason=form.cleaned_data["reason"],
            park=park,
        )
    except FocusLimitReached as refusal:
        return render(
            request,
            "plans/goal_focus_limit.html",
            {
                "goal": goal,
                "refusal": refusal,
                "active_goals": selectors.active_goals_for_user(user, exclude=goal.pk),
            },
        )
    except PlanRuleError as error:
        messages.error(request, error.message)
        return redirect("plans-goal", goal.pk)
    goal.refresh_from_db()
    text = f"“{goal.statement}” is now {goal.get_status_display().lower()}."
    if park is not None:
        text += f" “{park.statement}” is paused."
    messages.success(request, text)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("plans-goal", args=[goal.pk])
    return redirect(target)


def _ranked_context(user: Any, moved: int | None = None, direction: str = "") -> dict[str, Any]:
    found = selectors.plan_settings_for_user(user)
    goals = list(selectors.goals_list_for_user(user, Goal.OPEN_STATUSES))
    return {
        "ranked": goals,
        "moved": moved,
        "moved_direction": direction,
        "focus_limit": found.focus_limit if found else 3,
        "active_count": sum(1 for g in goals if g.status == Goal.Status.ACTIVE),
        "today": services.today(),
    }


@login_required
@require_POST
def goal_move_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = authed_user(request)
    goal = selectors.goal_get_for_user(user, goal_id)
    form = MoveForm(request.POST)
    direction = form.cleaned_data["direction"] if form.is_valid() else ""
    if direction:
        try:
            services.goal_move(goal=goal, direction=direction)
        except PlanRuleError as error:
            messages.error(request, error.message)
    if _is_htmx(request):
        return render(
            request, "plans/_ranked_goals.html", _ranked_context(user, goal.pk, direction)
        )
    return redirect(f"{reverse('plans-focus')}#rank-{goal.pk}")


# Shown for any list that is not exactly the user's open goals (stale tab, foreign or unknown
# ids alike), so the answer says nothing about goals the user does not own.
REORDER_REFUSED = (
    "The new order was not saved: your goals changed since this page was loaded, perhaps in "
    "another tab. This is the current order; move your goals again."
)


@login_required
@require_POST
def goals_reorder_view(request: HttpRequest) -> HttpResponse:
    """Rank the user's open goals in the posted order (the drag handle on the focus page)."""
    user = authed_user(request)
    form = OrderForm(request.POST)
    form.is_valid()  # A bad `moved` only loses the announcement; bad `goal_ids` are refused.
    goal_ids = form.cleaned_data.get("goal_ids")
    error = REORDER_REFUSED if goal_ids is None else ""
    moved = None
    if goal_ids is not None:
        try:
            services.goals_reorder(user=user, goal_ids=goal_ids)
        except PlanRuleError:
            error = REORDER_REFUSED
        else:
            moved = form.cleaned_data.get("moved")
    context = _ranked_context(user, moved)
    ranked = context["ranked"]
    position = next((i for i, g in enumerate(ranked, 1) if g.pk == moved), None)
    if error:
        announcement = error
    elif position is None:
        announcement = "The new order is saved."
    else:
        goal = ranked[position - 1]
        announcement = f"“{goal.statement}” moved to position {position} of {len(ranked)}."
    if _is_htmx(request):
        context.update(reorder_error=error, announcement=announcement)
        return render(request, "plans/_ranked_goals.html", context)
    (messages.error if error else messages.success)(request, announcement)
    anchor = f"#rank-{moved}" if position is not None else "#rank-heading"
    return redirect(f"{reverse('plans-focus')}{anchor}")


@login_required
@require_POST
def goal_place_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    form = PlaceForm(request.POST)
    if form.is_valid():
        services.goal_place(goal=goal, **form.cleaned_data)
        messages.success(request, f"“{goal.statement}” is placed on the matrix.")
    else:
        messages.error(request, "Choose an impact and an effort, each low, medium or high.")
    return redirect(f"{reverse('plans-focus')}#matrix")


@login_required
@require_POST
def goal_metric_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    form = MetricForm(request.POST)
    if form.is_valid() and _succeeds(
        form, lambda: services.goal_metric_update(goal=goal, **form.cleaned_data)
    ):
        messages.success(request, "The new value is recorded.")
    else:
        errors = [str(e) for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(errors) or "Enter the current value.")
    return redirect(f"{reverse('plans-goal', args=[goal.pk])}#metric")


@login_required
@require_GET
def goal_history_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal, versions = selectors.goal_history_for_user(authed_user(request), goal_id)
    return render(request, "plans/goal_history.html", {"goal": goal, "versions": versions})


# Milestones


def _progress_fragment(
    request: HttpRequest,
    goal_id: int,
    form: MilestoneForm | None = None,
    focus: int | None = None,
) -> HttpResponse:
    goal = selectors.goal_page_for_user(authed_user(request), goal_id)
    return render(
        request,
        "plans/_goal_progress.html",
        _goal_page_context(goal, milestone_form=form, focus=focus),
    )


@login_required
@require_POST
def milestone_create_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    form = MilestoneForm(request.POST)
    created = form.is_valid() and _succeeds(
        form, lambda: services.milestone_create(goal=goal, **form.cleaned_data)
    )
    if _is_htmx(request):
        return _progress_fragment(request, goal.pk, None if created else form)
    if created:
        messages.success(request, "Milestone added.")
        return redirect(f"{reverse('plans-goal', args=[goal.pk])}#milestones")
    goal = selectors.goal_page_for_user(authed_user(request), goal_id)
    return render(
        request,
        "plans/milestone_form.html",
        {"form": form, "goal": goal, "milestone": None},
    )


@login_required
def milestone_edit_view(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    form = MilestoneForm(
        request.POST or None, initial={"title": milestone.title, "due_on": milestone.due_on}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _succeeds(
            form, lambda: services.milestone_update(milestone=milestone, **form.cleaned_data)
        )
    ):
        messages.success(request, "Milestone saved.")
        return redirect(f"{reverse('plans-goal', args=[milestone.goal_id])}#milestones")
    return render(
        request,
        "plans/milestone_form.html",
        {"form": form, "goal": milestone.goal, "milestone": milestone},
    )


@login_required
@require_POST
def milestone_complete_view(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    services.milestone_complete(milestone=milestone, done=request.POST.get("done", "1") != "0")
    if _is_htmx(request):
        return _progress_fragment(request, milestone.goal_id, focus=milestone.pk)
    return redirect(f"{reverse('plans-goal', args=[milestone.goal_id])}#milestone-{milestone.pk}")


@login_required
@require_POST
def milestone_delete_view(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = selectors.milestone_get_for_user(authed_user(request), milestone_id)
    services.milestone_delete(milestone=milestone)
    if _is_htmx(request):
        return _progress_fragment(request, milestone.goal_id)
    messages.success(request, f"“{milestone.title}” is removed.")
    return redirect(f"{reverse('plans-goal', args=[milestone.goal_id])}#milestones")


# Actions and resources


def _action_initial(action: Action) -> dict[str, Any]:
    return {name: getattr(action, name) for name in services.ACTION_INPUT_FIELDS}


@login_required
def action_create_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    form = ActionForm(request.POST or None, initial={"status": Action.Status.TODO})
    if (
        request.method == "POST"
        and form.is_valid()
        and _succeeds(form, lambda: services.action_create(goal=goal, data=form.cleaned_data))
    ):
        messages.success(request, "Added to the plan.")
        return redirect(f"{reverse('plans-goal', args=[goal.pk])}#actions")
    return render(request, "plans/action_form.html", {"form": form, "goal": goal, "action": None})


@login_required
def action_edit_view(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get_for_user(authed_user(request), action_id)
    form = ActionForm(request.POST or None, initial=_action_initial(action))
    if (
        request.method == "POST"
        and form.is_valid()
        and _succeeds(form, lambda: services.action_update(action=action, data=form.cleaned_data))
    ):
        messages.success(request, "Saved.")
        return redirect(f"{reverse('plans-goal', args=[action.goal_id])}#actions")
    return render(
        request, "plans/action_form.html", {"form": form, "goal": action.goal, "action": action}
    )


@login_required
@require_POST
def action_delete_view(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get_for_user(authed_user(request), action_id)
    services.action_delete(action=action)
    messages.success(request, f"“{action.title}” is removed.")
    return redirect(f"{reverse('plans-goal', args=[action.goal_id])}#actions")


# Reviews


@login_required
def review_create_view(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = selectors.goal_get_for_user(authed_user(request), goal_id)
    initial: dict[str, Any] = {"reviewed_on": services.today(), "decision": Review.Decision.KEEP}
    if goal.has_metric:
        initial["metric_value"] = goal.metric_current
    else:
        initial["progress"] = goal.progress.percent
    form = ReviewForm(request.POST or None, initial=initial, goal=goal)
    if request.method == "POST" and form.is_valid():
        review = _attempt(
            form,
            lambda: services.review_record(
                goal=goal, data=form.review_data(), adjust=form.adjust_data()
            ),
        )
        if review is not None:
            next_text = {
                Review.Decision.KEEP: "Keep going!",
                Review.Decision.ADJUST: "The goal is adjusted; the change is in its history.",
                Review.Decision.DROP: "The goal is dropped.",
            }[Review.Decision(review.decision)]
            messages.success(request, f"Review recorded. {next_text}")
            return redirect("plans-goal", goal.pk)
    return render(request, "plans/review_form.html", {"form": form, "goal": goal})


@login_required
@require_GET
def reviews_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    today = services.today()
    active = list(selectors.goals_list_for_user(user, (Goal.Status.ACTIVE,)))
    recent = paginate(request, selectors.reviews_list_for_user(user))
    return render(
        request,
        "plans/review_list.html",
        {
            "today": today,
            "due": [g for g in active if g.next_review_on and g.next_review_on <= today],
            "upcoming": sorted(
                (g for g in active if g.next_review_on and g.next_review_on > today),
                key=lambda g: g.next_review_on or today,
            ),
            "recent_page": recent,
            "recent": recent.object_list,
        },
    )


# Focus and settings


@login_required
@require_GET
def focus_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    context = _ranked_context(user)
    context["matrix"] = selectors.matrix_for_user(context["ranked"])
    context["levels"] = Goal.Level.choices
    return render(request, "plans/plan_focus.html", context)


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    found = services.plan_settings_ensure(user)
    initial = {
        "focus_limit": found.focus_limit,
        "email_reminders": found.email_reminders,
        "hours_per_week": found.hours_per_week,
        "education_level": found.education_level,
    }
    form = PlanSettingsForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and _succeeds(form, lambda: services.plan_settings_update(user=user, **form.cleaned_data))
    ):
        messages.success(request, "Plan settings saved.")
        return redirect("plans-settings")
    feed = request.build_absolute_uri(reverse("plans-calendar-feed", args=[found.calendar_token]))
    return render(request, "plans/plan_settings.html", {"form": form, "feed_url": feed})


@login_required
@require_POST
def calendar_regenerate_view(request: HttpRequest) -> HttpResponse:
    services.calendar_token_regenerate(user=authed_user(request))
    messages.success(
        request, "Your calendar has a new address. The old one no longer works: update your apps."
    )
    return redirect(f"{reverse('plans-settings')}#calendar")


@require_GET
def calendar_feed_view(request: HttpRequest, token: str) -> HttpResponse:
    user = selectors.user_for_calendar_token(token)
    response = HttpResponse(calendar_for_user(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="headway.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response

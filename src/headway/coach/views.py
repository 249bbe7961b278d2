from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.coach import presenters
from headway.coach.selectors import (
    GoalFields,
    about_you_missing,
    goal_text_analyse,
    parse_goal_fields,
    smart_context_for_user,
)
from headway.core.http import authed_user
from headway.domain.smart import MAX_GOAL_LENGTH, GoalTextTooLong, analyse_goal
from headway.domain.smart.guide import compose_rewrite, guide_questions


def panel_context(
    request: HttpRequest, text: str, fields: GoalFields, *, public: bool = False
) -> dict[str, object]:
    """Return the template context of `coach/_panel.html` for a goal's text.

    `public`: a visitor without an account; the goal is read on its own, without a plan.
    """
    context: dict[str, object] = {
        "text": text,
        "max_length": MAX_GOAL_LENGTH,
        "public": public,
        "check_url": "coach-public-check" if public else "coach-check",
    }
    if not text.strip():
        return context
    smart = None if public else smart_context_for_user(authed_user(request), fields)
    try:
        if smart is None:
            analysis = analyse_goal(text, today=timezone.localdate())
        else:
            analysis = goal_text_analyse(authed_user(request), text, fields, context=smart)
    except GoalTextTooLong as error:
        context["error"] = str(error)
        return context
    questions = guide_questions(analysis, smart)
    answers = {
        f.name: request.POST[f"guide_{f.name}"].strip()[:200]
        for q in questions
        for f in q.fields
        if f"guide_{f.name}" in request.POST
    }
    shown = {f.name: answers.get(f.name, f.value) for q in questions for f in q.fields}
    context.update(
        # The guide: one question per criterion not met, and the rewrite composed from answers.
        guide=presenters.guide_views(questions, answers),
        guided=compose_rewrite(analysis, {k: v for k, v in shown.items() if v})
        if questions
        else None,
        analysis=analysis,
        # Offer the settings page when only the user's own facts could settle "Attainable".
        ask_about_you=smart is not None
        and analysis.attainable.status == "unknown"
        and about_you_missing(smart),
        criteria=presenters.criterion_views(analysis),
        segments=presenters.highlight(analysis),
        summary=presenters.summary(analysis),
        verdict_words=presenters.VERDICT_WORDS[analysis.verdict],
        verdict_badge=presenters.VERDICT_BADGE[analysis.verdict],
        target=request.POST.get("target", "id_statement"),
    )
    return context


@login_required
def coach_view(request: HttpRequest) -> HttpResponse:
    """Try a goal against the SMART criteria without saving anything."""
    text = request.GET.get("text", "")
    context = panel_context(request, text, GoalFields())
    context.update(target="id_text", check_url="coach-check")
    return render(request, "coach/coach.html", context)


def _over_public_limit(request: HttpRequest) -> bool:
    """Count a visitor's checks per minute in the cache; True once over the limit."""
    address = request.META.get("REMOTE_ADDR", "unknown")
    key = f"coach-public:{address}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count > settings.HEADWAY_COACH_PUBLIC_CHECKS_PER_MINUTE


def _public_panel(request: HttpRequest, text: str) -> tuple[dict[str, object], int]:
    if text.strip() and _over_public_limit(request):
        context: dict[str, object] = {
            "text": text,
            "max_length": MAX_GOAL_LENGTH,
            "public": True,
            "error": "That is a lot of checks in one minute. Wait a minute and try again.",
        }
        return context, 429
    return panel_context(request, text, GoalFields(), public=True), 200


def public_coach_view(request: HttpRequest) -> HttpResponse:
    """Let a visitor without an account try the coach; nothing is stored."""
    if request.user.is_authenticated:
        return redirect("coach-try")
    context, status = _public_panel(request, request.GET.get("text", ""))
    context.update(target="id_text", check_url="coach-public-check")
    return render(request, "coach/coach.html", context, status=status)


@require_POST
def public_check_view(request: HttpRequest) -> HttpResponse:
    """Return the SMART panel for a visitor's goal (an htmx fragment); nothing is stored."""
    context, status = _public_panel(request, request.POST.get("text", ""))
    context["target"] = "id_text"
    return render(request, "coach/_panel.html", context, status=status)


@login_required
@require_POST
def check_view(request: HttpRequest) -> HttpResponse:
    """Return the SMART panel for the goal being typed (an htmx fragment)."""
    text = request.POST.get("statement", request.POST.get("text", ""))
    fields = parse_goal_fields(request.POST.dict())
    return render(request, "coach/_panel.html", panel_context(request, text, fields))

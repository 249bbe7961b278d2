from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
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
from headway.domain.smart import MAX_GOAL_LENGTH, GoalTextTooLong
from headway.domain.smart.guide import compose_rewrite, guide_questions


def panel_context(request: HttpRequest, text: str, fields: GoalFields) -> dict[str, object]:
    """Return the template context of `coach/_panel.html` for a goal's text."""
    context: dict[str, object] = {"text": text, "max_length": MAX_GOAL_LENGTH}
    if not text.strip():
        return context
    user = authed_user(request)
    smart = smart_context_for_user(user, fields)
    try:
        analysis = goal_text_analyse(user, text, fields, context=smart)
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
        ask_about_you=analysis.attainable.status == "unknown" and about_you_missing(smart),
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
    context["target"] = "id_text"
    return render(request, "coach/coach.html", context)


@login_required
@require_POST
def check_view(request: HttpRequest) -> HttpResponse:
    """Return the SMART panel for the goal being typed (an htmx fragment)."""
    text = request.POST.get("statement", request.POST.get("text", ""))
    fields = parse_goal_fields(request.POST.dict())
    return render(request, "coach/_panel.html", panel_context(request, text, fields))

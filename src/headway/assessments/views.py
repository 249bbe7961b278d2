"""Pages of "Know yourself". Thin: parse the form, call a service or selector, render.

When htmx asks, a view answers with the fragment of the same page that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from headway.assessments import selectors, services
from headway.assessments.forms import (
    GapGoalForm,
    MatchFilterForm,
    SkillAddForm,
    SkillRatingForm,
    TraitForm,
)
from headway.assessments.services import AssessmentError
from headway.core.http import authed_user
from headway.core.pagination import paginate
from headway.domain.riasec import Item
from headway.plans.models import Trait

T = TypeVar("T")
OPTIONAL_SHOWN = 25


@dataclass(frozen=True)
class QuestionRow:
    """One activity on a questionnaire page, with the rating given and any error."""

    item: Item
    value: str
    error: str | None


def _attempt(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Run a service; put a refusal next to its field (or atop the form) and return None."""
    try:
        return call()
    except AssessmentError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


# Overview


@login_required
@require_GET
def know_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    latest = selectors.latest_attempt_for_user(user)
    gap = selectors.skill_gap_for_user(user)
    _latest, matches = selectors.matches_for_user(user, limit=5)
    return render(
        request,
        "assessments/know_overview.html",
        {
            "here": "know",
            "result": selectors.interest_result(latest) if latest else None,
            "open_attempt": selectors.attempt_open_for_user(user),
            "profile": selectors.skill_profile_for_user(user, gap),
            "gap": gap,
            "matches": matches,
        },
    )


# Interest profile


@login_required
@require_GET
def interests_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    pages = selectors.item_pages()
    open_attempt = selectors.attempt_open_for_user(user)
    progress = (
        selectors.attempt_progress(selectors.answers_for_attempt(open_attempt), pages)
        if open_attempt
        else None
    )
    attempts = paginate(request, selectors.attempts_list_for_user(user))
    return render(
        request,
        "assessments/interest_list.html",
        {
            "here": "interests",
            "loaded": bool(pages),
            "pages": len(pages),
            "items": sum(len(p) for p in pages),
            "open_attempt": open_attempt,
            "progress": progress,
            "attempts": attempts,
            "not_loaded": services.NOT_LOADED,
        },
    )


@login_required
@require_POST
def interests_start_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    try:
        attempt, created = services.attempt_start(user=user)
    except AssessmentError as error:
        messages.error(request, error.message)
        return redirect("assessments-know-interests")
    progress = selectors.attempt_progress(
        selectors.answers_for_attempt(attempt), selectors.item_pages()
    )
    if not created:
        messages.info(request, f"Welcome back: you left off on page {progress.resume_page}.")
    return redirect(
        "assessments-know-interests-page", attempt_id=attempt.pk, number=progress.resume_page
    )


@login_required
def interests_page_view(request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
    user = authed_user(request)
    attempt = selectors.attempt_get_for_user(user, attempt_id)
    if attempt.is_complete:
        return redirect("assessments-know-interests-result", attempt_id=attempt.pk)
    pages = selectors.item_pages()
    if not 1 <= number <= len(pages):
        raise Http404("No such page.")
    items = pages[number - 1]
    answers = selectors.answers_for_attempt(attempt)
    values: dict[str, Any] = dict(answers)
    errors: dict[str, str] = {}
    summary = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "next")
        given = {
            item.code: request.POST[item.code]
            for item in items
            if request.POST.get(item.code, "") != ""
        }
        values.update(given)
        try:
            services.answers_save(attempt=attempt, answers=given)
            answers.update({code: int(value) for code, value in given.items()})
        except AssessmentError as error:
            errors[error.field] = error.message
        if not errors and action == "save":
            resume = selectors.attempt_progress(answers, pages).resume_page
            messages.success(
                request, f"Your answers are saved. Come back any time: you start on page {resume}."
            )
            return redirect("assessments-know-interests")
        if not errors and action == "back" and number > 1:
            return redirect(
                "assessments-know-interests-page", attempt_id=attempt.pk, number=number - 1
            )
        if not errors:
            for item in items:
                if item.code not in answers:
                    errors[item.code] = "Choose how much you would enjoy this activity."
        if not errors and number < len(pages):
            return redirect(
                "assessments-know-interests-page", attempt_id=attempt.pk, number=number + 1
            )
        if not errors:
            try:
                services.attempt_complete(attempt=attempt)
            except AssessmentError as error:
                summary = error.message
            else:
                messages.success(request, "Your interest profile is ready.")
                return redirect("assessments-know-interests-result", attempt_id=attempt.pk)
        status = 400
        if errors and not summary:
            count = len(errors)
            summary = (
                "One activity needs an answer."
                if count == 1
                else f"{count} activities need an answer."
            )
    progress = selectors.attempt_progress(answers, pages)
    rows = [
        QuestionRow(item, str(values.get(item.code, "")), errors.get(item.code)) for item in items
    ]
    return render(
        request,
        "assessments/interest_page.html",
        {
            "here": "interests",
            "attempt": attempt,
            "rows": rows,
            "number": number,
            "pages": len(pages),
            "is_last": number == len(pages),
            "progress": progress,
            "scale": list(selectors.RATING_WORDS.items()),
            "summary": summary,
            "first_error": next((r.item.code for r in rows if r.error), None),
        },
        status=status,
    )


@login_required
@require_GET
def interests_result_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    user = authed_user(request)
    attempt = selectors.attempt_get_for_user(user, attempt_id)
    if not attempt.is_complete:
        resume = selectors.attempt_progress(
            selectors.answers_for_attempt(attempt), selectors.item_pages()
        ).resume_page
        return redirect("assessments-know-interests-page", attempt_id=attempt.pk, number=resume)
    attempts = selectors.attempts_list_for_user(user)
    choice = request.GET.get("compare", "")
    compare = None
    if choice.isdigit():
        compare = selectors.attempt_get_for_user(user, int(choice))
        if compare.pk == attempt.pk or not compare.is_complete:
            compare = None
    elif choice != "none":
        compare = selectors.previous_attempt(attempt)
    return render(
        request,
        "assessments/interest_result.html",
        {
            "here": "interests",
            "result": selectors.interest_result(attempt, compare),
            "others": [a for a in attempts if a.pk != attempt.pk],
            "compare_choice": str(compare.pk) if compare else "none",
        },
    )


# Careers that fit


@login_required
@require_GET
def matches_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = MatchFilterForm(request.GET or None, job_zones=selectors.job_zone_choices())
    filters = selectors.MatchFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.MatchFilters(
            max_job_zone=form.cleaned_data["max_job_zone"],
            min_pay=form.cleaned_data["min_pay"],
            min_growth=form.cleaned_data["min_growth"],
        )
    attempt, found = selectors.matches_for_user(user, filters, limit=30)
    context = {
        "here": "matches",
        "form": form,
        "attempt": attempt,
        "found": found,
        "filters": filters,
    }
    if _is_htmx(request):
        return render(request, "assessments/_match_results.html", context)
    return render(request, "assessments/match_list.html", context)


# Skills inventory


def _skills_context(
    request: HttpRequest, user: Any, form: SkillAddForm, notice: str = ""
) -> dict[str, Any]:
    gap = selectors.skill_gap_for_user(user)
    profile = selectors.skill_profile_for_user(user, gap)
    return {
        "here": "skills",
        "form": form,
        "profile": profile,
        "skills_page": paginate(request, profile.skills),
        "gap": gap,
        "notice": notice,
        "vocabulary_loaded": selectors.skill_vocabulary_loaded(),
    }


@login_required
def skills_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = SkillAddForm(request.POST or None)
    status = 200
    if request.method == "POST":
        added = None
        if form.is_valid():
            data = form.cleaned_data
            added = _attempt(
                form,
                lambda: services.user_skill_add(
                    user=user,
                    name=data["name"],
                    skill_id=data["skill_id"],
                    proficiency=data["proficiency"],
                    enjoyment=data["enjoyment"],
                    evidence=data["evidence"],
                ),
            )
        if added is not None:
            skill, merged = added
            notice = (
                f"You already had “{skill.label}”: its ratings are updated, not added twice."
                if merged
                else f"“{skill.label}” is added to your skills."
            )
            if _is_htmx(request):
                context = _skills_context(request, user, SkillAddForm(), notice)
                return render(request, "assessments/_skill_section.html", context)
            messages.success(request, notice)
            return redirect("assessments-know-skills")
        # htmx swaps only successful answers: the form with its errors comes back as 200 then.
        status = 200 if _is_htmx(request) else 400
    context = _skills_context(request, user, form)
    template = (
        "assessments/_skill_section.html" if _is_htmx(request) else "assessments/skill_list.html"
    )
    return render(request, template, context, status=status)


@login_required
@require_GET
def skills_suggest_view(request: HttpRequest) -> HttpResponse:
    typed = request.GET.get("name") or request.GET.get("q") or ""
    typed = " ".join(typed.split())[: selectors.SKILL_QUERY_MAX]
    return render(
        request,
        "assessments/_skill_suggestions.html",
        {"suggestions": selectors.skill_suggestions(typed, limit=8), "typed": typed},
    )


@login_required
def skill_edit_view(request: HttpRequest, user_skill_id: int) -> HttpResponse:
    user_skill = selectors.user_skill_get_for_user(authed_user(request), user_skill_id)
    initial = {
        "proficiency": user_skill.proficiency,
        "enjoyment": user_skill.enjoyment,
        "evidence": user_skill.evidence,
    }
    form = SkillRatingForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            saved = _attempt(
                form,
                lambda: services.user_skill_update(
                    user_skill=user_skill,
                    proficiency=data["proficiency"],
                    enjoyment=data["enjoyment"],
                    evidence=data["evidence"],
                ),
            )
            if saved is not None:
                messages.success(request, f"“{saved.label}” is updated.")
                return redirect("assessments-know-skills")
        status = 400
    return render(
        request,
        "assessments/skill_edit.html",
        {"here": "skills", "form": form, "user_skill": user_skill},
        status=status,
    )


@login_required
@require_POST
def skill_delete_view(request: HttpRequest, user_skill_id: int) -> HttpResponse:
    user_skill = selectors.user_skill_get_for_user(authed_user(request), user_skill_id)
    label = user_skill.label
    services.user_skill_delete(user_skill=user_skill)
    messages.success(request, f"“{label}” is removed from your skills.")
    return redirect("assessments-know-skills")


@login_required
@require_POST
def skill_trait_view(request: HttpRequest, user_skill_id: int) -> HttpResponse:
    user = authed_user(request)
    user_skill = selectors.user_skill_get_for_user(user, user_skill_id)
    form = TraitForm(request.POST)
    kind = form.data.get("kind", "")
    try:
        trait, created = services.user_skill_trait_add(user_skill=user_skill, kind=kind)
    except AssessmentError as error:
        messages.error(request, error.message)
        return redirect("assessments-know-skills")
    where = "strengths" if trait.kind == Trait.Kind.STRENGTH else "weaknesses"
    notice = (
        f"“{trait.title}” is added to your plan's {where}."
        if created
        else f"“{trait.title}” is already among your plan's {where}."
    )
    if _is_htmx(request):
        return render(
            request,
            "assessments/_skill_section.html",
            _skills_context(request, user, SkillAddForm(), notice),
        )
    messages.success(request, notice)
    return redirect("assessments-know-skills")


# Skill gap


@login_required
@require_GET
def gap_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    gap = selectors.skill_gap_for_user(user, _int_param(request, "horizon"))
    show_all = request.GET.get("all") == "1"
    optional = gap.optional
    return render(
        request,
        "assessments/gap_detail.html",
        {
            "here": "gap",
            "gap": gap,
            "optional": optional if show_all else optional[:OPTIONAL_SHOWN],
            "optional_hidden": 0 if show_all else max(0, len(optional) - OPTIONAL_SHOWN),
            "action_kinds": list(services.SUGGESTED_ACTIONS),
        },
    )


@login_required
@require_POST
def gap_goal_view(request: HttpRequest) -> HttpResponse:
    user = authed_user(request)
    form = GapGoalForm(request.POST)
    back = reverse("assessments-know-gap")
    if not form.is_valid():
        messages.error(request, "Choose a skill from the list to turn into a goal.")
        return redirect(back)
    data = form.cleaned_data
    horizon = data.get("horizon") or None
    if horizon:
        back += f"?horizon={horizon}"
    kinds = data["action_kinds"] or None
    try:
        goal, created = services.gap_goal_create(
            user=user,
            skill_id=data["skill_id"],
            technology=data["technology"] or None,
            action_kinds=kinds,
            horizon=horizon,
        )
    except AssessmentError as error:
        messages.error(request, error.message)
        return redirect(back)
    if created:
        messages.success(
            request,
            f"A draft goal “{goal.statement}” is in your plan, with suggested actions to keep "
            "or remove.",
        )
    else:
        messages.info(request, f"This skill is already your goal “{goal.statement}”.")
    return redirect(back)

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from headway.careers import search, selectors, services
from headway.careers.forms import ExploreForm, TargetForm
from headway.careers.models import Occupation
from headway.core.http import authed_user
from headway.domain import plain
from headway.domain.careerdata import sources

RESULTS_LIMIT = 20
BROWSE_PAGE = 50


@login_required
def explore_view(request: HttpRequest) -> HttpResponse:
    """Search and filter occupations; htmx asks for the results fragment as the user types."""
    if not selectors.career_data_loaded():
        return render(request, "careers/occupation_list.html", {"no_data": True})
    explorer = search.get_explorer()
    form = ExploreForm(request.GET or None, education_levels=explorer.education_levels)
    ticked = list(dict.fromkeys(request.GET.getlist("o")))[: selectors.COMPARE_MAX]
    context: dict[str, object] = {
        "form": form,
        "query": "",
        "results": None,
        "page": None,
        "ticked": ticked,
    }
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        filters = form.filters()
        context["query"] = query
        context["filtered"] = filters.active
        if query:
            # As the user types (htmx), the last word may be unfinished.
            typing = _is_htmx(request)
            context["results"] = explorer.search(query, filters, RESULTS_LIMIT, prefix=typing)
        elif filters.active:
            paginator = Paginator(explorer.browse(filters), BROWSE_PAGE)
            context["page"] = paginator.get_page(request.GET.get("page"))
            params = request.GET.copy()
            params.pop("page", None)
            context["page_query"] = params.urlencode()
    shown = {result.facts.key for result in context["results"] or ()}  # type: ignore[attr-defined]
    if context["page"] is not None:
        shown |= {facts.key for facts in context["page"]}  # type: ignore[attr-defined]
    context["ticked_elsewhere"] = [
        explorer.by_key[key] for key in ticked if key in explorer.by_key and key not in shown
    ]
    template = "careers/_results.html" if _is_htmx(request) else "careers/occupation_list.html"
    return render(request, template, context)


@login_required
def occupation_view(request: HttpRequest, key: str) -> HttpResponse:
    """Show one occupation: work, skills, preparation, pay and outlook, with sources."""
    page = selectors.occupation_page(key)
    visions = list(selectors.visions_list_for_user(authed_user(request)))
    return render(
        request,
        "careers/occupation_detail.html",
        {
            "page": page,
            "occupation": page.occupation,
            "visions": visions,
            "form": TargetForm(),
            "local_pay": selectors.occupation_local_pay(visions, page.wages),
        },
    )


@login_required
def compare_view(request: HttpRequest) -> HttpResponse:
    """Compare two or three occupations side by side; a search adds one more."""
    keys = request.GET.getlist("o")
    compared = selectors.occupations_compare(keys)
    chosen = [item.occupation.key for item in compared]
    query = request.GET.get("find", "").strip()[:200]
    candidates: list[search.Result] = []
    if query and len(chosen) < selectors.COMPARE_MAX:
        candidates = [
            result
            for result in selectors.occupations_search(query, limit=10)
            if result.facts.key not in chosen
        ]
    return render(
        request,
        "careers/occupation_compare.html",
        {
            "compared": compared,
            "chosen": chosen,
            "query": query,
            "candidates": candidates,
            "can_add": len(chosen) < selectors.COMPARE_MAX,
            "max": selectors.COMPARE_MAX,
        },
    )


def about_view(request: HttpRequest) -> HttpResponse:
    """Credit each dataset as its licence asks, and say what is loaded."""
    loaded = {record.key: record for record in selectors.datasets_list()}
    rows = []
    for source in sources.SOURCES:
        record = loaded.get(source.info.key)
        missing = record.missing_files if record is not None else []
        gaps = [sources.GAPS[path] for path in missing if path in sources.GAPS]
        rows.append((source.info, record, gaps))
    return render(
        request, "careers/dataset_list.html", {"rows": rows, "bright_rule": plain.BRIGHT_RULE}
    )


@login_required
@require_POST
def vision_target_set_view(request: HttpRequest, vision_id: int) -> HttpResponse:
    """Make an occupation the target of one of the user's visions."""
    vision = selectors.vision_get_for_user(authed_user(request), vision_id)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an occupation first.")
        return redirect("careers-explore")
    occupation = selectors.occupation_get(form.cleaned_data["occupation"])
    try:
        services.vision_target_set(vision=vision, occupation=occupation)
    except services.TargetError as error:
        messages.error(request, str(error))
        return redirect("careers-occupation", key=occupation.key)
    messages.success(
        request,
        f"“{occupation.title}” is now the target occupation of your {vision.name}.",
    )
    return redirect(_back(request, occupation))


@login_required
@require_POST
def vision_target_clear_view(request: HttpRequest, vision_id: int) -> HttpResponse:
    """Remove the target occupation of one of the user's visions."""
    vision = selectors.vision_get_for_user(authed_user(request), vision_id)
    services.vision_target_clear(vision=vision)
    messages.success(request, f"Your {vision.name} has no target occupation now.")
    return redirect(request.POST["next"] if _safe_next(request) else "careers-explore")


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _safe_next(request: HttpRequest) -> bool:
    return url_has_allowed_host_and_scheme(
        request.POST.get("next", ""), allowed_hosts={request.get_host()}
    )


def _back(request: HttpRequest, occupation: Occupation) -> str:
    if _safe_next(request):
        return request.POST["next"]
    return reverse("careers-occupation", kwargs={"key": occupation.key})

"""The "Know yourself" API at /api/me/: the same services and selectors as the pages.

A refused input answers 422 with `{"detail": message, "field": name}`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status

from headway.assessments import selectors, services
from headway.assessments.models import InterestAttempt, UserSkill
from headway.assessments.services import AssessmentError
from headway.careers.models import Skill
from headway.core.api_schema import LONG_TEXT, ErrorOut, Id, PathId, QueryId, paged
from headway.core.http import authed_user
from headway.domain.riasec import TYPE_INFO

router = Router(tags=["assessments"])


# Questionnaire


class ItemOut(Schema):
    code: str
    type: str
    text: str


class PageOut(Schema):
    number: int
    items: list[ItemOut]


class ItemPoolOut(Schema):
    scale: dict[int, str]
    total: int
    pages: list[PageOut]


class ProgressOut(Schema):
    answered: int
    total: int
    percent: int
    pages: int
    pages_done: int
    resume_page: int


class ScoresOut(Schema):
    means: dict[str, float]
    percent: dict[str, float]
    oi: dict[str, float]


class AttemptOut(Schema):
    id: int
    started_at: datetime
    completed_at: datetime | None
    holland_code: str
    code_has_tie: bool


class AttemptDetailOut(AttemptOut):
    progress: ProgressOut
    answers: dict[str, int]
    scores: ScoresOut | None


class TypeOut(Schema):
    letter: str
    name: str
    percent: float
    mean: float
    in_code: bool
    description: str
    previous_percent: float | None


class ResultOut(Schema):
    attempt: AttemptOut
    holland_code: str
    code_has_tie: bool
    types: list[TypeOut]
    previous: AttemptOut | None


class AnswersIn(Schema):
    answers: dict[Annotated[str, Field(max_length=4)], Annotated[int, Field(ge=1, le=5)]] = Field(
        ..., max_length=500, description="Item code -> rating, 1 dislike to 5 enjoy."
    )


def _attempt_detail(attempt: InterestAttempt) -> dict[str, Any]:
    answers = selectors.answers_for_attempt(attempt)
    progress = selectors.attempt_progress(answers, selectors.item_pages())
    return {
        "id": attempt.pk,
        "started_at": attempt.started_at,
        "completed_at": attempt.completed_at,
        "holland_code": attempt.holland_code,
        "code_has_tie": attempt.code_has_tie,
        "progress": {
            "answered": progress.answered,
            "total": progress.total,
            "percent": progress.percent,
            "pages": progress.pages,
            "pages_done": progress.pages_done,
            "resume_page": progress.resume_page,
        },
        "answers": answers,
        "scores": attempt.scores if attempt.is_complete else None,
    }


@router.get("/interests/items", response=ItemPoolOut)
def items(request: HttpRequest) -> Any:
    """List the questionnaire's activities, page by page, and the rating scale."""
    pages = selectors.item_pages()
    return {
        "scale": selectors.RATING_WORDS,
        "total": sum(len(p) for p in pages),
        "pages": [
            {"number": n, "items": [{"code": i.code, "type": i.type, "text": i.text} for i in page]}
            for n, page in enumerate(pages, start=1)
        ],
    }


@router.get("/interests/attempts", response=list[AttemptOut])
@paged
def attempts_list(request: HttpRequest) -> Any:
    """List your attempts, newest first, the unfinished one included."""
    return selectors.attempts_all_for_user(authed_user(request))


@router.post(
    "/interests/attempts", response={200: AttemptDetailOut, 201: AttemptDetailOut, 422: ErrorOut}
)
def attempt_start(request: HttpRequest) -> Any:
    """Start an attempt, or take up the unfinished one (200)."""
    attempt, created = services.attempt_start(user=authed_user(request))
    return Status(201 if created else 200, _attempt_detail(attempt))


@router.get("/interests/attempts/{attempt_id}", response=AttemptDetailOut)
def attempt_get(request: HttpRequest, attempt_id: PathId) -> Any:
    """Show an attempt: progress, answers and, once finished, scores."""
    return _attempt_detail(selectors.attempt_get_for_user(authed_user(request), attempt_id))


@router.patch(
    "/interests/attempts/{attempt_id}/answers", response={200: AttemptDetailOut, 422: ErrorOut}
)
def answers_save(request: HttpRequest, attempt_id: PathId, payload: AnswersIn) -> Any:
    """Save some answers of an unfinished attempt; earlier answers stay."""
    attempt = selectors.attempt_get_for_user(authed_user(request), attempt_id)
    services.answers_save(attempt=attempt, answers=payload.answers)
    return _attempt_detail(attempt)


@router.post(
    "/interests/attempts/{attempt_id}/complete", response={200: AttemptDetailOut, 422: ErrorOut}
)
def attempt_complete(request: HttpRequest, attempt_id: PathId) -> Any:
    """Score a fully answered attempt."""
    attempt = selectors.attempt_get_for_user(authed_user(request), attempt_id)
    services.attempt_complete(attempt=attempt)
    return _attempt_detail(attempt)


@router.get("/interests/results", response={200: ResultOut, 404: ErrorOut})
def results(request: HttpRequest, attempt_id: QueryId | None = None) -> Any:
    """Show the latest finished attempt's result (or `attempt_id`'s), beside the one before."""
    user = authed_user(request)
    if attempt_id is not None:
        attempt: InterestAttempt | None = selectors.attempt_get_for_user(user, attempt_id)
    else:
        attempt = selectors.latest_attempt_for_user(user)
    if attempt is None or not attempt.is_complete:
        raise Http404("No finished attempt yet.")
    previous = selectors.previous_attempt(attempt)
    result = selectors.interest_result(attempt, previous)
    return {
        "attempt": attempt,
        "holland_code": result.holland_code,
        "code_has_tie": result.code_has_tie,
        "types": [
            {
                "letter": t.letter,
                "name": t.name,
                "percent": t.percent,
                "mean": t.mean,
                "in_code": t.in_code,
                "description": TYPE_INFO[t.letter].description,
                "previous_percent": t.previous_percent,
            }
            for t in result.types
        ],
        "previous": previous,
    }


# Careers that fit


class MatchOut(Schema):
    occupation_id: int
    code: str
    key: str
    title: str
    fit: int
    reason: str
    interest_code: str
    job_zone: int | None
    median_annual_wage: Decimal | None
    median_wage_marker: str
    median_wage_text: str
    growth_percent: Decimal | None
    url: str


class MatchesOut(Schema):
    holland_code: str | None
    data_loaded: bool
    considered: int
    matches: list[MatchOut]
    message: str


class MatchQuery(Schema):
    max_job_zone: int | None = Field(None, ge=1, le=5)
    min_pay: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    min_growth: Decimal | None = Field(None, ge=-100, le=1000)
    limit: int = Field(20, ge=1, le=100)


@router.get("/matches", response=MatchesOut)
def matches(request: HttpRequest, query: Query[MatchQuery]) -> Any:
    """Rank occupations by fit to your latest interest profile, with optional filters."""
    filters = selectors.MatchFilters(
        max_job_zone=query.max_job_zone, min_pay=query.min_pay, min_growth=query.min_growth
    )
    attempt, found = selectors.matches_for_user(authed_user(request), filters, query.limit)
    if attempt is None:
        message = "Finish the interest questionnaire first."
    elif not found.data_loaded:
        message = "Career data is not loaded; load it with `headway data sync --from DIR`."
    else:
        message = ""
    return {
        "holland_code": attempt.holland_code if attempt else None,
        "data_loaded": found.data_loaded,
        "considered": found.considered,
        "matches": [
            {
                **{k: getattr(m, k) for k in ("occupation_id", "code", "key", "title", "fit")},
                "reason": m.reason,
                "interest_code": m.interest_code,
                "job_zone": m.job_zone,
                "median_annual_wage": m.median_annual,
                "median_wage_marker": m.median_marker,
                "median_wage_text": m.median_text,
                "growth_percent": m.growth_percent,
                "url": m.url,
            }
            for m in found.matches
        ],
        "message": message,
    }


# Skills


class SuggestionOut(Schema):
    id: int
    uri: str
    label: str
    matched_label: str


@router.get("/skills/autocomplete", response=list[SuggestionOut])
def skills_autocomplete(
    request: HttpRequest, q: str = "", limit: int = Query(8, ge=1, le=20)
) -> Any:
    """Suggest vocabulary skills for what was typed; alternative labels count ("JS")."""
    return selectors.skill_suggestions(q, limit)


class UserSkillOut(Schema):
    id: int
    label: str
    skill_id: int | None
    skill_uri: str | None
    free_text: bool
    proficiency: int
    enjoyment: int
    evidence: str
    strength: bool
    to_develop: bool
    trait_id: int | None
    created_at: datetime
    updated_at: datetime


class UserSkillCreatedOut(UserSkillOut):
    merged: bool
    message: str


class UserSkillIn(Schema):
    name: str = Field("", max_length=250)
    skill_id: Id | None = None
    skill_uri: str | None = Field(None, max_length=500)
    proficiency: int = Field(ge=1, le=5)
    enjoyment: int = Field(ge=1, le=5)
    evidence: str = Field("", max_length=LONG_TEXT)


class UserSkillPatch(Schema):
    proficiency: int | None = Field(None, ge=1, le=5)
    enjoyment: int | None = Field(None, ge=1, le=5)
    evidence: str | None = Field(None, max_length=LONG_TEXT)


def _user_skill(user_skill: UserSkill) -> dict[str, Any]:
    return {
        "id": user_skill.pk,
        "label": user_skill.label,
        "skill_id": user_skill.skill_id,
        "skill_uri": user_skill.skill.uri if user_skill.skill else None,
        "free_text": user_skill.is_free_text,
        "proficiency": user_skill.proficiency,
        "enjoyment": user_skill.enjoyment,
        "evidence": user_skill.evidence,
        "strength": user_skill.proficiency >= selectors.STRENGTH_MIN,
        "to_develop": user_skill.proficiency <= selectors.DEVELOP_MAX,
        "trait_id": user_skill.trait_id,
        "created_at": user_skill.created_at,
        "updated_at": user_skill.updated_at,
    }


def _skill_id(skill_id: int | None, uri: str | None) -> int | None:
    if uri:
        found = Skill.objects.filter(uri=uri).values_list("pk", flat=True).first()
        if found is None:
            raise AssessmentError("skill_uri", "No skill in the vocabulary has this URI.")
        return found
    return skill_id


@router.get("/skills", response=list[UserSkillOut])
@paged
def skills_list(request: HttpRequest) -> Any:
    """List your rated skills."""
    return [_user_skill(s) for s in selectors.user_skills_for_user(authed_user(request))]


@router.post(
    "/skills", response={200: UserSkillCreatedOut, 201: UserSkillCreatedOut, 422: ErrorOut}
)
def skills_add(request: HttpRequest, payload: UserSkillIn) -> Any:
    """Add a rated skill; one you already have is updated instead (200, `merged`)."""
    user_skill, merged = services.user_skill_add(
        user=authed_user(request),
        name=payload.name,
        skill_id=_skill_id(payload.skill_id, payload.skill_uri),
        proficiency=payload.proficiency,
        enjoyment=payload.enjoyment,
        evidence=payload.evidence,
    )
    message = (
        f"You already had “{user_skill.label}”: its ratings are updated."
        if merged
        else f"“{user_skill.label}” is added."
    )
    return Status(
        200 if merged else 201, {**_user_skill(user_skill), "merged": merged, "message": message}
    )


@router.get("/skills/{user_skill_id}", response=UserSkillOut)
def skill_get(request: HttpRequest, user_skill_id: PathId) -> Any:
    """Show one rated skill."""
    return _user_skill(selectors.user_skill_get_for_user(authed_user(request), user_skill_id))


@router.patch("/skills/{user_skill_id}", response={200: UserSkillOut, 422: ErrorOut})
def skill_update(request: HttpRequest, user_skill_id: PathId, payload: UserSkillPatch) -> Any:
    """Change a skill's ratings or evidence; fields left out stay."""
    user_skill = selectors.user_skill_get_for_user(authed_user(request), user_skill_id)
    services.user_skill_update(
        user_skill=user_skill,
        proficiency=user_skill.proficiency if payload.proficiency is None else payload.proficiency,
        enjoyment=user_skill.enjoyment if payload.enjoyment is None else payload.enjoyment,
        evidence=user_skill.evidence if payload.evidence is None else payload.evidence,
    )
    return _user_skill(user_skill)


@router.delete("/skills/{user_skill_id}", response={204: None})
def skill_delete(request: HttpRequest, user_skill_id: PathId) -> Any:
    """Remove a skill from your inventory."""
    user_skill = selectors.user_skill_get_for_user(authed_user(request), user_skill_id)
    services.user_skill_delete(user_skill=user_skill)
    return Status(204, None)


class SkillTraitIn(Schema):
    kind: Literal["strength", "weakness"]


class SkillTraitOut(Schema):
    id: int
    kind: str
    title: str
    note: str
    created: bool


@router.post(
    "/skills/{user_skill_id}/trait",
    response={200: SkillTraitOut, 201: SkillTraitOut, 422: ErrorOut},
)
def skill_trait(request: HttpRequest, user_skill_id: PathId, payload: SkillTraitIn) -> Any:
    """Add a skill to your plan's strengths or weaknesses (once)."""
    user_skill = selectors.user_skill_get_for_user(authed_user(request), user_skill_id)
    trait, created = services.user_skill_trait_add(user_skill=user_skill, kind=payload.kind)
    body = {"id": trait.pk, "kind": trait.kind, "title": trait.title, "note": trait.note}
    return Status(201 if created else 200, {**body, "created": created})


class GapSkillOut(Schema):
    skill_id: int | None  # None for an O*NET technology
    uri: str
    label: str  # the everyday name
    esco_label: str  # ESCO's label when it differs from `label`
    relation: str
    related_count: int
    occupations_count: int
    hot: bool
    in_demand: bool
    has: bool
    met_by: str  # the user's narrower skill that meets this one
    user_skill_id: int | None
    proficiency: int | None
    goal_id: int | None


class StrengthsOut(Schema):
    strengths: list[UserSkillOut]
    to_develop: list[UserSkillOut]
    missing_essential: list[GapSkillOut]


def _gap_row(row: selectors.GapRow) -> dict[str, Any]:
    return {
        "skill_id": row.skill_id,
        "uri": row.uri,
        "label": row.label,
        "esco_label": row.esco_label,
        "relation": row.relation,
        "related_count": row.related_count,
        "occupations_count": row.occupations_count,
        "hot": row.hot,
        "in_demand": row.in_demand,
        "has": row.has,
        "met_by": row.met_by,
        "user_skill_id": row.user_skill.pk if row.user_skill else None,
        "proficiency": row.user_skill.proficiency if row.user_skill else None,
        "goal_id": row.goal.pk if row.goal else None,
    }


@router.get("/strengths", response=StrengthsOut)
def strengths(request: HttpRequest) -> Any:
    """List strengths (proficiency 4-5) and areas to develop (1-2, or missing for the target)."""
    profile = selectors.skill_profile_for_user(authed_user(request))
    return {
        "strengths": [_user_skill(s) for s in profile.strengths],
        "to_develop": [_user_skill(s) for s in profile.to_develop],
        "missing_essential": [_gap_row(r) for r in profile.missing_essential],
    }


# Skill gap


class TargetOut(Schema):
    id: int
    key: str
    code: str
    title: str
    source: str


class GapOut(Schema):
    horizon: int | None
    horizons: list[int]
    target: TargetOut | None
    via: list[str]
    related_total: int
    kind: str  # "esco", "onet" (technology skills and tasks) or "" (no skills data)
    skills: list[GapSkillOut]
    tasks: list[str]


@router.get("/gap", response={200: GapOut, 404: ErrorOut})
def gap(request: HttpRequest, horizon: int | None = None) -> Any:
    """List the skills your target occupation needs: essential first, then by related need."""
    found = selectors.skill_gap_for_user(authed_user(request), horizon)
    target = found.target
    return {
        "horizon": found.horizon,
        "horizons": found.horizons,
        "target": {
            "id": target.pk,
            "key": target.key,
            "code": target.code,
            "title": target.title,
            "source": target.source,
        }
        if target
        else None,
        "via": found.via,
        "related_total": found.related_total,
        "kind": found.kind,
        "skills": [_gap_row(r) for r in found.rows],
        "tasks": [t.statement for t in found.tasks],
    }


class GapGoalIn(Schema):
    skill_id: Id | None = None
    skill_uri: str | None = Field(None, max_length=500)
    technology: str | None = Field(
        None, max_length=500, description="A technology row of an O*NET target's gap, by its name."
    )
    action_kinds: list[Literal["course", "project", "volunteering", "mentorship"]] | None = Field(
        None, max_length=4, description="Suggested actions to add (default: all)."
    )
    horizon: Literal[5, 10] | None = None


class ActionOut(Schema):
    id: int
    title: str
    kind: str
    status: str


class GapGoalOut(Schema):
    goal_id: int
    statement: str
    status: str
    target_date: date
    actions: list[ActionOut]
    created: bool


@router.post("/gap/goals", response={200: GapGoalOut, 201: GapGoalOut, 422: ErrorOut})
def gap_goal(request: HttpRequest, payload: GapGoalIn) -> Any:
    """Turn a skill or an O*NET technology of your gap into a draft goal with suggested actions.

    A second call returns the same goal (200).
    """
    skill_id = _skill_id(payload.skill_id, payload.skill_uri)
    if skill_id is None and not payload.technology:
        raise AssessmentError(
            "skill_id", "Name the skill by `skill_id` or `skill_uri`, or a `technology`."
        )
    goal, created = services.gap_goal_create(
        user=authed_user(request),
        skill_id=skill_id,
        technology=payload.technology,
        action_kinds=payload.action_kinds,
        horizon=payload.horizon,
    )
    body = {
        "goal_id": goal.pk,
        "statement": goal.statement,
        "status": goal.status,
        "target_date": goal.target_date,
        "actions": [
            {"id": a.pk, "title": a.title, "kind": a.kind, "status": a.status}
            for a in goal.actions.order_by("id")
        ],
        "created": created,
    }
    return Status(201 if created else 200, body)

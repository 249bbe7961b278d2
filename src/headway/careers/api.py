"""The career explorer's JSON API at /api/careers/: the same selectors and services as the pages.

Occupations are read-only reference data for any signed-in user; a vision's target occupation
belongs to the vision's owner (404 for anyone else).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from headway.careers import search, selectors, services
from headway.careers.facts import WageTable
from headway.careers.models import Occupation
from headway.core.api_schema import ErrorOut, paged
from headway.core.http import authed_user
from headway.domain.errors import RuleError
from headway.plans import selectors as plan_selectors
from headway.plans.models import Vision

router = Router(tags=["careers"])

Horizon = Annotated[int, Path(ge=5, le=10, description="The vision's horizon in years: 5 or 10.")]


class DatasetOut(Schema):
    key: str
    name: str
    version: str
    licence: str
    attribution: str
    imported_at: datetime
    counts: dict[str, int]
    missing_files: list[str]


class SearchIn(Schema):
    q: str = Field("", max_length=200)
    job_zone: int | None = Field(None, ge=1, le=5)
    education: str | None = Field(None, max_length=200)
    min_pay: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    min_growth: Decimal | None = Field(None, ge=-100, le=1000)
    interest: Literal["R", "I", "A", "S", "E", "C", ""] | None = None
    interest_min: float | None = Field(None, ge=0, le=7)
    limit: int = Field(30, ge=1, le=100)


class OccupationHitOut(Schema):
    key: str
    code: str
    source: str
    title: str
    matched_label: str
    score: float | None
    job_zone: int | None
    typical_education: str
    median_annual_wage: str  # "$133,080", "≥ $239,200", "not published" or "" (no match)
    growth_percent: Decimal | None
    interest_code: str
    facts_from: str | None  # O*NET code the figures come from (an ESCO occupation's match)
    twins: list[str] = []  # keys of the other views (ESCO or O*NET) of the same job


class PayOut(Schema):
    percentile: str
    hourly: str
    annual: str
    hourly_amount: Decimal | None
    annual_amount: Decimal | None
    hourly_marker: str
    annual_marker: str


class SkillOut(Schema):
    uri: str
    label: str
    relation: str
    count: int
    of: int


class TaskOut(Schema):
    task_id: int
    statement: str
    task_type: str


class TechnologyOut(Schema):
    example: str
    category: str
    hot: bool
    in_demand: bool


class JobZoneOut(Schema):
    zone: int
    name: str
    education: str
    experience: str
    training: str


class ProjectionOut(Schema):
    start_year: int
    end_year: int
    employment_start_thousands: Decimal
    employment_end_thousands: Decimal
    change_percent: Decimal
    annual_openings_thousands: Decimal
    typical_education: str
    work_experience: str
    on_the_job_training: str


class OccupationOut(Schema):
    key: str
    code: str
    source: str
    title: str
    description: str
    in_current_release: bool
    facts_from: str | None  # the O*NET code whose figures these are (an ESCO one's closest)
    facts_closeness: dict[str, Any] | None  # {title, work, rank, of} of that match
    no_facts_reason: str  # why an ESCO occupation has no US figures; "" otherwise
    crosswalk_method: str
    job_zone: JobZoneOut | None
    interests: dict[str, float] | None
    interest_code: str
    pay_soc_code: str | None
    pay: list[PayOut]
    employment: int | None
    projection: ProjectionOut | None
    tasks: list[TaskOut]
    technologies: list[TechnologyOut]
    essential_skills: list[SkillOut]
    optional_skills: list[SkillOut]
    related: list[str]
    esco_matches: list[str]
    alternate_titles: list[str]


class OccupationTargetIn(Schema):
    occupation: str = Field(
        min_length=1, max_length=200, description="An occupation key: O*NET-SOC code or ESCO id."
    )


class OccupationTargetOut(Schema):
    horizon: int
    occupation: str | None
    occupation_title: str | None
    set_at: datetime | None


def _hit(
    facts: search.OccupationFacts,
    label: str,
    score: float | None,
    twins: tuple[search.OccupationFacts, ...] = (),
) -> dict[str, Any]:
    return {
        "twins": [twin.key for twin in twins],
        "key": facts.key,
        "code": facts.code,
        "source": facts.source,
        "title": facts.title,
        "matched_label": label,
        "score": score,
        "job_zone": facts.job_zone,
        "typical_education": facts.education,
        "median_annual_wage": facts.median_text,
        "growth_percent": facts.growth_percent,
        "interest_code": facts.interest_code,
        "facts_from": None if facts.is_onet or facts.onet_pk is None else facts.onet_title,
    }


@router.get("/datasets", response=list[DatasetOut])
@paged
def datasets(request: HttpRequest) -> Any:
    """List the imported datasets with version, licence, counts and missing files."""
    return selectors.datasets_list()


@router.get("/occupations", response={200: list[OccupationHitOut], 422: ErrorOut})
def occupations(request: HttpRequest, params: Query[SearchIn]) -> Any:
    """Search occupations by job title (typos tolerated) and filter them."""
    if params.interest and params.interest not in search.INTEREST_LETTERS:
        raise RuleError("interest", "Use one of R, I, A, S, E, C.")
    filters = search.Filters(
        job_zone=params.job_zone,
        education=params.education or None,
        min_pay=params.min_pay,
        min_growth=params.min_growth,
        interest=params.interest or None,
        interest_min=params.interest_min,
    )
    limit = max(1, min(params.limit, 100))
    query = params.q.strip()
    if query:
        return [
            _hit(result.facts, result.matched_label, result.score, result.twins)
            for result in selectors.occupations_search(query, filters, limit)
        ]
    if not filters.active:
        raise RuleError("q", "Give a query or at least one filter.")
    return [
        _hit(facts, facts.title, None) for facts in selectors.occupations_browse(filters)[:limit]
    ]


def _pay(table_hourly: WageTable, table_annual: WageTable) -> list[dict[str, Any]]:
    rows = []
    for (label, hourly), (_label, annual) in zip(
        [*table_hourly.rows, ("Mean", table_hourly.mean)],
        [*table_annual.rows, ("Mean", table_annual.mean)],
        strict=True,
    ):
        rows.append(
            {
                "percentile": label,
                "hourly": hourly.text,
                "annual": annual.text,
                "hourly_amount": hourly.amount,
                "annual_amount": annual.amount,
                "hourly_marker": hourly.marker,
                "annual_marker": annual.marker,
            }
        )
    return rows


def _detail(page: selectors.OccupationPage) -> dict[str, Any]:
    occupation: Occupation = page.occupation
    source = page.source
    projection = page.projection
    zone = page.job_zone
    return {
        "key": occupation.key,
        "code": occupation.code,
        "source": occupation.source,
        "title": occupation.title,
        "description": occupation.description,
        "in_current_release": occupation.in_current_release,
        "facts_from": source.code if source is not None else None,
        "facts_closeness": occupation.match_closeness or None
        if page.us_match is not None and page.us_match.occupation is not None
        else None,
        "no_facts_reason": page.us_match.reason if page.us_match is not None else "",
        "crosswalk_method": occupation.crosswalk_method,
        "job_zone": zone.__dict__ if zone else None,
        "interests": page.interests,
        "interest_code": source.interest_code if source is not None else "",
        "pay_soc_code": page.wages.soc_code if page.wages else None,
        "pay": _pay(page.wages.hourly, page.wages.annual) if page.wages else [],
        "employment": page.wages.employment if page.wages else None,
        "projection": {
            "start_year": projection.start_year,
            "end_year": projection.end_year,
            "employment_start_thousands": projection.employment_start,
            "employment_end_thousands": projection.employment_end,
            "change_percent": projection.change_percent,
            "annual_openings_thousands": projection.annual_openings,
            "typical_education": projection.typical_education,
            "work_experience": projection.work_experience,
            "on_the_job_training": projection.on_the_job_training,
        }
        if projection
        else None,
        "tasks": [
            {"task_id": task.task_id, "statement": task.statement, "task_type": task.task_type}
            for task in page.tasks
        ],
        "technologies": [
            {
                "example": tech.example,
                "category": group.title,
                "hot": tech.hot,
                "in_demand": tech.in_demand,
            }
            for group in page.technologies
            for tech in group.examples
        ],
        "essential_skills": [skill.__dict__ for skill in page.skills.essential],
        "optional_skills": [skill.__dict__ for skill in page.skills.optional],
        "related": [link.related.key for link in page.related],
        "esco_matches": [esco.key for esco in page.skills.esco_occupations]
        if occupation.is_onet
        else [],
        "alternate_titles": page.alternate_titles,
    }


@router.get("/occupations/{key}", response=OccupationOut)
def occupation(request: HttpRequest, key: str) -> Any:
    """Return one occupation with everything its page shows."""
    return _detail(selectors.occupation_page(key))


@router.get("/compare", response={200: list[OccupationOut], 404: ErrorOut})
def compare(request: HttpRequest, o: Query[list[str]]) -> Any:
    """Return two or three occupations (by key, repeated `o`) side by side."""
    keys = list(dict.fromkeys(o))[: selectors.COMPARE_MAX]
    return [_detail(selectors.occupation_page(key)) for key in keys]


def _target(vision: Vision, target: Any) -> dict[str, Any]:
    return {
        "horizon": vision.horizon,
        "occupation": target.occupation.key if target else None,
        "occupation_title": target.occupation.title if target else None,
        "set_at": target.set_at if target else None,
    }


def _vision(request: HttpRequest, horizon: int) -> Vision:
    vision = plan_selectors.vision_for_user(authed_user(request), horizon)
    if vision is None:
        raise Http404("No vision at this horizon yet: write it first.")
    return vision


@router.get("/visions/{horizon}/target", response=OccupationTargetOut)
def target_get(request: HttpRequest, horizon: Horizon) -> Any:
    """Return the target occupation of your vision at a horizon (null when it has none)."""
    vision = _vision(request, horizon)
    return _target(vision, selectors.vision_target_get_for_user(vision.user, vision.pk))


@router.put("/visions/{horizon}/target", response={200: OccupationTargetOut, 422: ErrorOut})
def target_set(request: HttpRequest, horizon: Horizon, payload: OccupationTargetIn) -> Any:
    """Make an occupation the target of your vision at a horizon."""
    vision = _vision(request, horizon)
    found = Occupation.objects.filter(key=payload.occupation).first()
    if found is None:
        raise RuleError("occupation", "No occupation has this key.")
    try:
        target = services.vision_target_set(vision=vision, occupation=found)
    except services.TargetError as error:
        raise RuleError("occupation", str(error)) from error
    return _target(vision, target)


@router.delete("/visions/{horizon}/target", response={204: None})
def target_clear(request: HttpRequest, horizon: Horizon) -> Any:
    """Remove the target occupation of your vision at a horizon."""
    services.vision_target_clear(vision=_vision(request, horizon))
    return Status(204, None)

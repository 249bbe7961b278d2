"""Reads for "Know yourself", always scoped to the user who asks (404 for anyone else).

Two in-memory structures are built once per process and rebuilt when the data changes: the
skill autocomplete index (from the ESCO skills in the database) and, through the careers app's
explorer, the facts matching ranks occupations on.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, Max, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.assessments.models import (
    GapGoal,
    InterestAnswer,
    InterestAttempt,
    InterestItem,
    UserSkill,
)
from headway.careers import selectors as career_selectors
from headway.careers.models import (
    Dataset,
    JobZone,
    Occupation,
    OccupationSkill,
    Skill,
    SkillBroader,
    Task,
    TechnologySkill,
    VisionTarget,
)
from headway.careers.search import Filters, OccupationFacts, get_explorer
from headway.careers.selectors import SkillShare
from headway.careers.vocabulary import everyday_skill_names, skill_names, word_variants
from headway.domain import charts, plain
from headway.domain.riasec import (
    TYPE_INFO,
    TYPE_NAMES,
    TYPES,
    Item,
    TypeInfo,
    group_items,
    match_occupations,
)
from headway.domain.skill_gap import skill_ancestors, technology_met
from headway.domain.skill_search import SkillIndex, normalise
from headway.plans.models import Goal, Horizon

PAGE_SIZE = 8
SKILL_QUERY_MAX = 100
STRENGTH_MIN = 4  # proficiency at or above: a strength
DEVELOP_MAX = 2  # proficiency at or below: an area to develop
RATING_WORDS = {1: "Dislike", 2: "Slightly dislike", 3: "Not sure", 4: "Slightly enjoy", 5: "Enjoy"}
PROFICIENCY_WORDS = {1: "Beginner", 2: "Basic", 3: "Capable", 4: "Strong", 5: "Expert"}
ENJOYMENT_WORDS = {1: "Dislike it", 2: "Not much", 3: "It's fine", 4: "Like it", 5: "Love it"}


def fold(text: str) -> str:
    """Return free text folded for comparison: case-insensitive, spaces collapsed."""
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------------------------------------
# The questionnaire


def item_pool() -> list[Item]:
    """Return the loaded questionnaire items in type order (R1..R8, I1, ..., C8); may be empty."""
    rows = InterestItem.objects.values_list("code", "type", "number", "text")
    ordered = sorted(rows, key=lambda r: (TYPES.index(r[1]) if r[1] in TYPES else 9, r[2]))
    return [Item(code=code, type=kind, text=text) for code, kind, _n, text in ordered]


def item_pages(items: Sequence[Item] | None = None) -> list[list[Item]]:
    """Return the questionnaire's pages of items, the same order for everyone."""
    return group_items(item_pool() if items is None else items, PAGE_SIZE)


@dataclass(frozen=True)
class AttemptProgress:
    """How far an attempt has got, and where to take it up again."""

    answered: int
    total: int
    pages: int
    resume_page: int  # the first page with an unanswered item (the last page when none)
    pages_done: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.answered == self.total


def answers_for_attempt(attempt: InterestAttempt) -> dict[str, int]:
    """Return the attempt's answers as item code -> rating."""
    return dict(InterestAnswer.objects.filter(attempt=attempt).values_list("item__code", "rating"))


def attempt_progress(
    answers: Mapping[str, int], pages: Sequence[Sequence[Item]]
) -> AttemptProgress:
    """Return the progress of a set of answers through the pages."""
    total = sum(len(page) for page in pages)
    answered = sum(1 for page in pages for item in page if item.code in answers)
    done = [all(item.code in answers for item in page) for page in pages]
    resume = next((i + 1 for i, ok in enumerate(done) if not ok), max(len(pages), 1))
    return AttemptProgress(
        answered=answered,
        total=total,
        pages=len(pages),
        resume_page=resume,
        pages_done=sum(done),
    )


def attempts_list_for_user(user: User) -> list[InterestAttempt]:
    """Return the user's finished attempts, newest first."""
    return list(
        InterestAttempt.objects.filter(user=user, completed_at__isnull=False).order_by(
            "-completed_at", "-id"
        )
    )


def attempts_all_for_user(user: User) -> list[InterestAttempt]:
    """Return all the user's attempts, the unfinished one included, newest first."""
    return list(InterestAttempt.objects.filter(user=user).order_by("-started_at", "-id"))


def attempt_get_for_user(user: User, attempt_id: int) -> InterestAttempt:
    """Return one of the user's attempts, or raise 404."""
    return get_object_or_404(InterestAttempt, pk=attempt_id, user=user)


def attempt_open_for_user(user: User) -> InterestAttempt | None:
    """Return the user's unfinished attempt, if there is one."""
    return InterestAttempt.objects.filter(user=user, completed_at__isnull=True).first()


def latest_attempt_for_user(user: User) -> InterestAttempt | None:
    """Return the user's latest finished attempt, if any."""
    return (
        InterestAttempt.objects.filter(user=user, completed_at__isnull=False)
        .order_by("-completed_at", "-id")
        .first()
    )


def previous_attempt(attempt: InterestAttempt) -> InterestAttempt | None:
    """Return the finished attempt of the same user just before this one, if any."""
    if attempt.completed_at is None:
        return None
    return (
        InterestAttempt.objects.filter(
            user_id=attempt.user_id,
            completed_at__isnull=False,
            completed_at__lte=attempt.completed_at,
        )
        .exclude(pk=attempt.pk)
        .order_by("-completed_at", "-id")
        .first()
    )


@dataclass(frozen=True)
class TypeScore:
    """One Holland type in a result: its scores and what it means."""

    letter: str
    name: str
    percent: float
    mean: float
    info: TypeInfo
    in_code: bool
    previous_percent: float | None = None

    @property
    def change(self) -> float | None:
        if self.previous_percent is None:
            return None
        return self.percent - self.previous_percent


@dataclass(frozen=True)
class InterestResult:
    """A finished attempt shown: code, scores per type (highest first), chart."""

    attempt: InterestAttempt
    holland_code: str
    code_has_tie: bool
    code_names: list[str]
    types: list[TypeScore]
    chart: str
    compare: InterestAttempt | None


def interest_result(
    attempt: InterestAttempt, compare: InterestAttempt | None = None
) -> InterestResult:
    """Return a finished attempt's result, with `compare` overlaid on the hexagon if given."""
    percent = {t: float(attempt.percent.get(t) or 0) for t in TYPES}
    means = attempt.scores.get("means", {})
    before = (
        {t: float(compare.percent.get(t) or 0) for t in TYPES}
        if compare is not None and compare.is_complete
        else None
    )
    code = attempt.holland_code
    types = [
        TypeScore(
            letter=t,
            name=TYPE_NAMES[t],
            percent=percent[t],
            mean=float(means.get(t) or 0),
            info=TYPE_INFO[t],
            in_code=t in code,
            previous_percent=before[t] if before else None,
        )
        for t in TYPES
    ]
    types.sort(key=lambda s: (-s.percent, TYPES.index(s.letter)))
    when = charts.format_day(attempt.completed_at.date()) if attempt.completed_at else ""
    names = (f"This attempt ({when})", "Earlier attempt")
    if compare is not None and compare.completed_at is not None:
        names = (names[0], f"Earlier attempt ({charts.format_day(compare.completed_at.date())})")
    chart = charts.hexagon_svg(
        percent,
        100.0,
        compare=before,
        title="Interest profile (0 = dislike all, 100 = enjoy all)",
        series_names=names,
        chart_id=f"hexagon-{attempt.pk}",
    )
    return InterestResult(
        attempt=attempt,
        holland_code=code,
        code_has_tie=attempt.code_has_tie,
        code_names=[TYPE_NAMES[t] for t in code],
        types=types,
        chart=chart,
        compare=compare if before else None,
    )


# ---------------------------------------------------------------------------------------------
# Careers that fit


@dataclass(frozen=True)
class MatchFilters:
    """Filters on matches; None means "any"."""

    max_job_zone: int | None = None  # the most preparation the user is ready for (1-5)
    min_pay: Decimal | None = None  # median annual wage, dollars
    min_growth: Decimal | None = None  # projected employment change, percent

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.max_job_zone, self.min_pay, self.min_growth))


@dataclass(frozen=True)
class OccupationMatch:
    """An occupation ranked for the user's interests, with the facts the filters use."""

    occupation_id: int
    code: str
    key: str
    title: str
    fit: int
    reason: str
    interest_code: str
    job_zone: int | None
    median_annual: Decimal | None
    median_marker: str
    median_text: str  # as the explorer words it: "$133,080", "≥ $239,200", "not published"
    growth_percent: Decimal | None
    url: str

    @property
    def preparation(self) -> str:
        """Return the preparation it needs in O*NET's words, e.g. "Some preparation needed"."""
        return plain.job_zone_name(self.job_zone)


@dataclass(frozen=True)
class MatchList:
    """Matches for one profile; `data_loaded` is False when no occupation has interests."""

    matches: list[OccupationMatch]
    considered: int
    data_loaded: bool


def occupation_matches(
    profile_oi: Mapping[str, float],
    filters: MatchFilters | None = None,
    limit: int = 20,
) -> MatchList:
    """Rank O*NET occupations by fit to an interest profile on O*NET's 1-7 OI scale.

    Occupations without an interest profile are left out; a filter whose fact is unknown for
    an occupation leaves it out too (top-coded pay counts at the top code).
    """
    filters = filters or MatchFilters()
    explorer = get_explorer()
    candidates: list[OccupationFacts] = [
        f for f in explorer.facts.values() if f.is_onet and f.interests is not None
    ]
    if not candidates:
        return MatchList([], 0, data_loaded=False)
    careers_filters = Filters(min_pay=filters.min_pay, min_growth=filters.min_growth)
    kept = [
        f
        for f in candidates
        if (
            filters.max_job_zone is None
            or (f.job_zone is not None and f.job_zone <= filters.max_job_zone)
        )
        and (not careers_filters.active or careers_filters.accept(f, explorer.top_code))
    ]
    by_code = {f.code: f for f in kept}
    ranked = match_occupations(
        profile_oi,
        ((f.code, dict(zip(TYPES, f.interests or (), strict=True))) for f in kept),
        limit=limit,
    )
    rows = []
    for match in ranked:
        facts = by_code[match.id]
        rows.append(
            OccupationMatch(
                occupation_id=facts.pk,
                code=facts.code,
                key=facts.key,
                title=facts.title,
                fit=match.fit,
                reason=match.reason,
                interest_code=facts.interest_code,
                job_zone=facts.job_zone,
                median_annual=facts.median_annual,
                median_marker=facts.median_marker,
                median_text=facts.median_text,
                growth_percent=facts.growth_percent,
                url=facts.url,
            )
        )
    return MatchList(rows, len(kept), data_loaded=True)


def matches_for_user(
    user: User, filters: MatchFilters | None = None, limit: int = 20
) -> tuple[InterestAttempt | None, MatchList]:
    """Return the user's latest finished attempt and the occupations that fit it."""
    attempt = latest_attempt_for_user(user)
    if attempt is None or len(attempt.oi) != len(TYPES):
        return attempt, MatchList([], 0, data_loaded=career_data_loaded())
    scores = {t: float(attempt.oi[t]) for t in TYPES}
    return attempt, occupation_matches(scores, filters, limit)


def career_data_loaded() -> bool:
    """Return whether any occupation has an interest profile."""
    return Occupation.objects.filter(
        source=Occupation.Source.ONET, interest_r__isnull=False
    ).exists()


def job_zone_choices() -> list[tuple[int, str]]:
    """Return O*NET's job zones as (zone, name), or plain numbers when not loaded."""
    names = dict(JobZone.objects.values_list("zone", "name"))
    return [(zone, names.get(zone) or f"Job zone {zone}") for zone in range(1, 6)]


# ---------------------------------------------------------------------------------------------
# Skills autocomplete


@dataclass(frozen=True)
class SkillSuggestion:
    """A vocabulary skill offered for what was typed."""

    id: int
    uri: str
    label: str
    matched_label: str


@dataclass
class _SkillVocabulary:
    stamp: tuple[Any, ...]
    index: SkillIndex
    pks: dict[str, int]


_skill_lock = threading.Lock()
_vocabulary: _SkillVocabulary | None = None


def skill_vocabulary_stamp() -> tuple[Any, ...]:
    """Return what identifies the skills in the database: changes when an import writes them."""
    # The importer never deletes skills, so the last id and the import time tell any change;
    # both are index lookups, where counting the rows would scan them on every keystroke.
    last = Skill.objects.aggregate(last=Max("id"))["last"]
    esco = Dataset.objects.filter(key="esco").values_list("imported_at", flat=True).first()
    return (last, esco)


def _skill_vocabulary() -> _SkillVocabulary:
    """Return the autocomplete index, built once per process and again after an import."""
    global _vocabulary
    stamp = skill_vocabulary_stamp()
    found = _vocabulary
    if found is not None and found.stamp == stamp:
        return found
    with _skill_lock:
        if _vocabulary is None or _vocabulary.stamp != stamp:
            records = career_selectors.esco_skill_records()
            pks = dict(Skill.objects.values_list("uri", "pk"))
            index = SkillIndex.build(records, word_variants())
            _vocabulary = _SkillVocabulary(stamp, index, pks)
        return _vocabulary


def skill_vocabulary_loaded() -> bool:
    """Return whether the ESCO skills are loaded."""
    return Skill.objects.exists()


def forget_skill_index() -> None:
    """Drop the cached skill index (tests whose database is rolled back call this)."""
    global _vocabulary
    with _skill_lock:
        _vocabulary = None


def skill_suggestions(text: str, limit: int = 8) -> list[SkillSuggestion]:
    """Return vocabulary skills for what was typed so far, best first (alternative labels too)."""
    text = text[:SKILL_QUERY_MAX]
    if not normalise(text):
        return []
    vocabulary = _skill_vocabulary()
    return [
        SkillSuggestion(
            id=vocabulary.pks[s.id], uri=s.id, label=s.label, matched_label=s.matched_label
        )
        for s in vocabulary.index.suggest(text, limit=limit)
    ]


# ---------------------------------------------------------------------------------------------
# The skills inventory


def user_skills_for_user(user: User) -> list[UserSkill]:
    """Return the user's rated skills, by name."""
    return list(
        UserSkill.objects.filter(user=user)
        .select_related("skill", "trait")
        .order_by("name_key", "id")
    )


def user_skill_get_for_user(user: User, user_skill_id: int) -> UserSkill:
    """Return one of the user's rated skills, or raise 404."""
    return get_object_or_404(
        UserSkill.objects.select_related("skill", "trait"), pk=user_skill_id, user=user
    )


@dataclass(frozen=True)
class SkillProfile:
    """Strengths and areas to develop, from the ratings and the target's missing skills."""

    skills: list[UserSkill]
    strengths: list[UserSkill]
    to_develop: list[UserSkill]
    missing_essential: list[GapRow]


def skill_profile_for_user(user: User, gap: SkillGap | None = None) -> SkillProfile:
    """Return the user's strengths (proficiency 4-5) and areas to develop (1-2, or missing)."""
    skills = user_skills_for_user(user)
    strengths = sorted(
        (s for s in skills if s.proficiency >= STRENGTH_MIN),
        key=lambda s: (-s.proficiency, -s.enjoyment, s.name_key),
    )
    develop = sorted(
        (s for s in skills if s.proficiency <= DEVELOP_MAX),
        key=lambda s: (s.proficiency, -s.enjoyment, s.name_key),
    )
    gap = gap if gap is not None else skill_gap_for_user(user)
    return SkillProfile(
        skills=skills,
        strengths=strengths,
        to_develop=develop,
        missing_essential=[row for row in gap.rows if row.essential and not row.has],
    )


# ---------------------------------------------------------------------------------------------
# Skill gap to the vision's target occupation


@dataclass(frozen=True)
class GapRow:
    """One skill the target occupation needs, and where the user stands on it.

    ESCO rows carry the skill (`skill_id`); O*NET technology rows carry O*NET's hot and
    in-demand flags instead. `label` is the everyday name, `esco_label` ESCO's when it differs.
    `met_by` is the user's skill that meets this one, itself or one below it in ESCO.
    """

    skill_id: int | None
    uri: str
    label: str
    essential: bool
    related_count: int
    user_skill: UserSkill | None
    goal: Goal | None
    esco_label: str = ""
    occupations_count: int = 0  # how many occupations list the skill
    hot: bool = False
    in_demand: bool = False
    met_by: str = ""

    @property
    def has(self) -> bool:
        return self.user_skill is not None or bool(self.met_by)

    @property
    def relation(self) -> str:
        return "essential" if self.essential else "optional"


@dataclass(frozen=True)
class GapSource:
    """Where an occupation's skill gap comes from: its own or a close ESCO occupation's
    skills, else O*NET's technology skills and tasks for it."""

    kind: str  # "esco", "onet" or "" (no skills data)
    esco_sources: list[Occupation] = field(default_factory=list)
    esco_dropped: list[Occupation] = field(default_factory=list)  # matched, but not close
    essential: list[SkillShare] = field(default_factory=list)
    optional: list[SkillShare] = field(default_factory=list)
    technologies: list[TechnologySkill] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


def gap_skill_source(occupation: Occupation) -> GapSource:
    """Return the skills to measure a user against for `occupation`.

    An ESCO occupation uses its own ESCO skills. An O*NET occupation uses the ESCO skills of
    the ESCO occupations judged close to it (`onet_match`, set by the importer from
    `domain.occupation_match`: the same judgement the occupation and compare pages show under
    "Closest ESCO occupation"); otherwise O*NET's own technology skills (hot and in-demand
    first) and tasks. The one place that decides whose skills a gap uses.
    """
    if not occupation.is_onet:
        skills = career_selectors.occupation_esco_skills(occupation)
        if skills.essential or skills.optional:
            return GapSource("esco", skills.sources, [], skills.essential, skills.optional)
        return GapSource("")
    # Crosswalked to this occupation but judged to name other work: said, never used.
    dropped = list(
        Occupation.objects.filter(crosswalk_candidate=occupation, in_current_release=True)
        .exclude(onet_match=occupation)
        .order_by("title")
    )
    skills = career_selectors.occupation_esco_skills(occupation)
    if skills.essential or skills.optional:
        return GapSource("esco", skills.sources, dropped, skills.essential, skills.optional)
    technologies = list(
        TechnologySkill.objects.filter(occupation=occupation).order_by(
            "-in_demand", "-hot", "example"
        )
    )
    tasks = list(
        Task.objects.filter(occupation=occupation).order_by(
            Case(When(task_type="Core", then=0), default=1), "-incumbents_responding", "task_id"
        )
    )
    if technologies or tasks:
        return GapSource("onet", [], dropped, technologies=technologies, tasks=tasks)
    return GapSource("", [], dropped)


@dataclass
class SkillGap:
    """The target occupation's skills, essential first, then the most common across occupations.

    For an O*NET occupation without a close ESCO match the rows are its technology skills and
    `tasks` lists what the work involves.
    """

    horizon: int | None
    horizons: list[int]
    target: Occupation | None
    via: list[str] = field(default_factory=list)  # ESCO occupations the skills come from
    dropped: list[str] = field(default_factory=list)  # ESCO matches too far to use
    kind: str = ""  # GapSource.kind
    related_total: int = 0
    rows: list[GapRow] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    skills_loaded: bool = True

    @property
    def essential(self) -> list[GapRow]:
        return [r for r in self.rows if r.essential]

    @property
    def optional(self) -> list[GapRow]:
        return [r for r in self.rows if not r.essential]

    @property
    def missing(self) -> list[GapRow]:
        return [r for r in self.rows if not r.has]

    @property
    def have(self) -> list[GapRow]:
        return [r for r in self.rows if r.has]

    @property
    def is_empty(self) -> bool:
        return not self.rows and not self.tasks


def targets_for_user(user: User) -> dict[int, VisionTarget]:
    """Return the target occupations of the user's visions, keyed by horizon."""
    return {t.vision.horizon: t for t in career_selectors.vision_targets_list_for_user(user)}


def _related_counts(
    sources: Sequence[Occupation], skill_ids: Sequence[int]
) -> tuple[dict[int, int], int]:
    """Count, per skill, the related occupations needing it; and how many are related.

    Related occupations are the other current ESCO occupations in the ISCO unit groups of the
    target's ESCO occupations.
    """
    groups = {o.isco_group for o in sources if o.isco_group}
    if not groups or not skill_ids:
        return {}, 0
    related = list(
        Occupation.objects.filter(
            source=Occupation.Source.ESCO, isco_group__in=groups, in_current_release=True
        )
        .exclude(pk__in=[o.pk for o in sources])
        .values_list("pk", flat=True)
    )
    wanted = set(skill_ids)
    counts: dict[int, int] = defaultdict(int)
    # Each link is one (occupation, skill) pair, so counting links counts occupations.
    for skill_id in OccupationSkill.objects.filter(occupation_id__in=related).values_list(
        "skill_id", flat=True
    ):
        if skill_id in wanted:
            counts[skill_id] += 1
    return counts, len(related)


def _skill_ancestors(skill_ids: Sequence[int]) -> dict[int, int]:
    """Return the skills at or above the given ones in ESCO, each mapped to the one below."""
    broader: dict[int, list[int]] = defaultdict(list)
    frontier = set(skill_ids)
    seen = set(frontier)
    # ESCO's skill tree is a few levels deep: one query per level.
    while frontier:
        step = list(
            SkillBroader.objects.filter(skill_id__in=frontier).values_list("skill_id", "broader_id")
        )
        for skill, parent in step:
            broader[skill].append(parent)
        frontier = {parent for _, parent in step} - seen
        seen |= frontier
    return skill_ancestors(skill_ids, broader)


def skill_gap_for_user(user: User, horizon: int | None = None) -> SkillGap:
    """Return the skill gap to the target occupation of one of the user's visions.

    Without `horizon`, the nearest vision with a target is used. The skills come from
    `gap_skill_source`. A user's skill meets a gap skill that is it or above it in ESCO's
    hierarchy ("SQL" meets "query languages"), and a technology whose name it names. Rows
    rank essential (or in demand, hot) first, then by how many occupations list the skill, so
    common skills lead and rare jargon follows.
    """
    targets = targets_for_user(user)
    horizons = sorted(targets)
    if horizon is not None and horizon not in targets:
        if horizon not in Horizon.values:
            raise Http404("No such horizon.")
        return SkillGap(horizon=horizon, horizons=horizons, target=None)
    if horizon is None:
        if not horizons:
            return SkillGap(horizon=None, horizons=[], target=None)
        horizon = horizons[0]
    target = targets[horizon].occupation
    source = gap_skill_source(target)
    gap = SkillGap(
        horizon=horizon,
        horizons=horizons,
        target=target,
        via=[o.title for o in source.esco_sources] if target.is_onet else [],
        dropped=[o.title for o in source.esco_dropped],
        kind=source.kind,
        tasks=source.tasks,
    )
    user_skills = list(UserSkill.objects.filter(user=user).select_related("skill"))
    if source.kind == "onet":
        gap.rows = _technology_rows(user, source.technologies, user_skills)
        return gap
    shares = [*source.essential, *source.optional]
    if not shares:
        gap.skills_loaded = Skill.objects.exists()
        return gap
    skill_ids = [s.skill_id for s in shares]
    related, gap.related_total = _related_counts(source.esco_sources, skill_ids)
    commonness = dict(
        OccupationSkill.objects.filter(skill_id__in=skill_ids)
        .values("skill_id")
        .annotate(n=Count("id"))
        .values_list("skill_id", "n")
    )
    by_skill: dict[int, UserSkill] = {}
    by_name: dict[str, UserSkill] = {}
    for user_skill in user_skills:
        if user_skill.skill_id is not None:
            by_skill[user_skill.skill_id] = user_skill
        else:
            by_name[user_skill.name_key] = user_skill
    met = _skill_ancestors(list(by_skill))
    goals = {
        g.skill_id: g.goal
        for g in GapGoal.objects.filter(user=user, skill_id__in=skill_ids).select_related("goal")
    }
    names = everyday_skill_names()
    rows = []
    for s in shares:
        own = by_skill.get(s.skill_id) or by_name.get(fold(s.label))
        below = by_skill.get(met[s.skill_id]) if s.skill_id in met else None
        everyday = names.get(s.uri, "")
        rows.append(
            GapRow(
                skill_id=s.skill_id,
                uri=s.uri,
                label=everyday or s.label,
                esco_label=s.label if everyday else "",
                essential=s.relation == OccupationSkill.Relation.ESSENTIAL,
                related_count=related.get(s.skill_id, 0),
                user_skill=own or below,
                goal=goals.get(s.skill_id),
                occupations_count=commonness.get(s.skill_id, 0),
                met_by=below.name if below is not None and own is None else "",
            )
        )
    rows.sort(key=lambda r: (not r.essential, -r.occupations_count, r.label.casefold()))
    gap.rows = rows
    return gap


def _technology_rows(
    user: User, technologies: Sequence[TechnologySkill], user_skills: Sequence[UserSkill]
) -> list[GapRow]:
    """Return O*NET technology rows: in demand or hot ones count as essential."""
    goals = {
        g.technology: g.goal
        for g in GapGoal.objects.filter(
            user=user, skill=None, technology__in=[t.example for t in technologies]
        ).select_related("goal")
    }
    commonness = dict(
        TechnologySkill.objects.filter(example__in=[t.example for t in technologies])
        .values("example")
        .annotate(n=Count("id"))
        .values_list("example", "n")
    )
    rows = []
    for tech in technologies:
        owner = next(
            (u for u in user_skills if technology_met(_user_skill_names(u), tech.example)), None
        )
        rows.append(
            GapRow(
                skill_id=None,
                uri="",
                label=tech.example,
                essential=tech.in_demand or tech.hot,
                related_count=0,
                user_skill=owner,
                goal=goals.get(tech.example),
                esco_label="",
                occupations_count=commonness.get(tech.example, 0),
                hot=tech.hot,
                in_demand=tech.in_demand,
            )
        )
    rows.sort(key=lambda r: (not r.in_demand, not r.hot, -r.occupations_count, r.label.casefold()))
    return rows


def _user_skill_names(user_skill: UserSkill) -> list[str]:
    """Return every name of a user's skill: as typed, ESCO's labels and Headway's names."""
    skill = user_skill.skill
    if skill is None:
        return [user_skill.name]
    return [
        user_skill.name,
        skill.label,
        *skill.alt_label_list,
        *(line for line in skill.hidden_labels.split("\n") if line),
        *skill_names().get(skill.uri, ()),
    ]

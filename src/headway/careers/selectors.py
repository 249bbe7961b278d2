"""Reads of the careers app: the explorer, occupation pages, and what other apps need.

Career data is public reference data, read by any signed-in user. The only user-owned rows
are vision targets, read through `vision_get_for_user` (404 for anyone but the owner).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from headway.accounts.models import User
from headway.careers import search
from headway.careers.facts import (
    PayFigure,
    WageTable,
    interests_svg,
    local_pay_words,
    pay_place,
    wage_table,
)
from headway.careers.models import (
    AreaWage,
    CrosswalkMethod,
    Dataset,
    ElementRating,
    JobZone,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Projection,
    RelatedOccupation,
    Skill,
    SkillBroader,
    VisionTarget,
    Wage,
    WageArea,
)
from headway.careers.vocabulary import with_skill_names
from headway.domain import plain
from headway.domain.areas import Area, match_area
from headway.domain.careerdata import sources
from headway.domain.occupation_match import Closeness
from headway.domain.skill_search import SkillRecord
from headway.plans.models import Goal, Vision

# ---------------------------------------------------------------------------------------------
# Datasets


def datasets_list() -> list[Dataset]:
    """Return the imported datasets, in the order they are imported."""
    order = {source.info.key: i for i, source in enumerate(sources.SOURCES)}
    return sorted(Dataset.objects.all(), key=lambda record: order.get(record.key, 99))


def career_data_loaded() -> bool:
    """Return whether any occupations are loaded."""
    return Dataset.objects.filter(key__in=("onet", "esco")).exists()


def top_codes() -> dict[str, Decimal]:
    """Return BLS's top-code wages ({"hourly": ..., "annual": ...}) of the imported OEWS."""
    notes = Dataset.objects.filter(key="oews").values_list("notes", flat=True).first() or {}
    return {name: Decimal(value) for name, value in (notes.get("top_codes") or {}).items()}


# ---------------------------------------------------------------------------------------------
# Explorer


def occupations_search(
    query: str, filters: search.Filters | None = None, limit: int = 30, *, typing: bool = False
) -> list[search.Result]:
    """Return occupations matching `query` (typos tolerated), best first.

    `typing` says the query is still being typed: its last word may be unfinished.
    """
    return search.get_explorer().search(query, filters, limit, prefix=typing)


def occupations_browse(filters: search.Filters) -> list[search.OccupationFacts]:
    """Return the O*NET occupations passing `filters`, by title."""
    return search.get_explorer().browse(filters)


def occupation_get(key: str) -> Occupation:
    """Return the occupation with this URL key (O*NET code or ESCO id), or raise 404."""
    return get_object_or_404(Occupation.objects.select_related("onet_match"), key=key)


def occupation_by_code(code: str) -> Occupation | None:
    """Return the occupation with this O*NET-SOC code or ESCO URI, if loaded."""
    return Occupation.objects.filter(code=code).first()


# ---------------------------------------------------------------------------------------------
# Facts about one occupation, for pages and for other apps


@dataclass(frozen=True)
class SkillShare:
    """An ESCO skill of an occupation; for an O*NET occupation, aggregated over its matches."""

    skill_id: int
    uri: str
    label: str
    skill_type: str
    relation: str  # "essential" or "optional"
    count: int  # how many of the matched ESCO occupations list it
    essential_count: int
    of: int  # how many matched ESCO occupations have skills


@dataclass(frozen=True)
class OccupationSkills:
    essential: list[SkillShare]
    optional: list[SkillShare]
    esco_occupations: list[Occupation]  # every ESCO occupation matched (or itself)
    sources: list[Occupation]  # those the skills come from


# ESCO's reuse levels, from the most particular to one occupation to the most general.
REUSE_ORDER = {"occupation-specific": 0, "sector-specific": 1, "cross-sector": 2, "transversal": 3}


def occupation_esco_skills(occupation: Occupation) -> OccupationSkills:
    """Return the occupation's essential and optional ESCO skills.

    An ESCO occupation has its own. An O*NET occupation gets those of the ESCO occupations
    matched to it (`onet_match`: crosswalked and judged close) by their own crosswalk rows
    (or, when there are none, of those matched through a broader ESCO occupation): a skill is
    essential when at least half of them hold it essential, and each skill says how many list
    it. Pages show them under "Closest ESCO occupation".
    """
    if occupation.is_onet:
        matches = list(
            Occupation.objects.filter(onet_match=occupation, in_current_release=True).order_by(
                "title"
            )
        )
        sources = [match for match in matches if match.crosswalk_direct] or matches
    else:
        matches = sources = [occupation]
    essential, optional = esco_skill_shares(sources)
    return OccupationSkills(essential, optional, matches, sources)


def esco_skill_shares(sources: Sequence[Occupation]) -> tuple[list[SkillShare], list[SkillShare]]:
    """Return the essential and optional skills of ESCO occupations taken together.

    A skill is essential when at least half of them hold it essential; each says how many
    list it.
    """
    links = list(
        OccupationSkill.objects.filter(occupation__in=sources).values_list(
            "occupation_id",
            "relation",
            "skill_id",
            "skill__uri",
            "skill__label",
            "skill__skill_type",
            "skill__reuse_level",
        )
    )
    with_skills = {link[0] for link in links}
    total = len(with_skills)
    counts: dict[int, list[Any]] = {}
    specificity: dict[int, int] = {}
    for _occupation_id, relation, skill_id, uri, label, skill_type, reuse in links:
        specificity[skill_id] = REUSE_ORDER.get(reuse, len(REUSE_ORDER))
        entry = counts.setdefault(skill_id, [uri, label, skill_type, 0, 0])
        entry[3] += 1
        entry[4] += relation == OccupationSkill.Relation.ESSENTIAL
    essential: list[SkillShare] = []
    optional: list[SkillShare] = []
    for skill_id, (uri, label, skill_type, count, essential_count) in counts.items():
        is_essential = essential_count > 0 and essential_count * 2 >= total
        share = SkillShare(
            skill_id,
            uri,
            label,
            skill_type,
            "essential" if is_essential else "optional",
            count,
            essential_count,
            total,
        )
        (essential if is_essential else optional).append(share)
    # Most shared first; among equals, the skills most particular to the work.
    essential.sort(
        key=lambda s: (-s.essential_count, -s.count, specificity[s.skill_id], s.label.casefold())
    )
    optional.sort(key=lambda s: (-s.count, specificity[s.skill_id], s.label.casefold()))
    return essential, optional


def facts_source(occupation: Occupation) -> Occupation | None:
    """Return the O*NET occupation whose facts (pay, job zone, interests) apply here.

    For an ESCO occupation that is its closest US occupation, and only when the crosswalk's
    match was judged close (`onet_match`); the pages show its figures under that name.
    """
    return occupation if occupation.is_onet else occupation.onet_match


def closeness_of(occupation: Occupation) -> Closeness | None:
    """Return the stored judgement of an ESCO occupation's crosswalk match, if judged."""
    stored = occupation.match_closeness or {}
    try:
        return Closeness(
            float(stored["title"]), float(stored["work"]), int(stored["rank"]), int(stored["of"])
        )
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class UsMatch:
    """An ESCO occupation's closest US (O*NET) occupation, or why it has none."""

    occupation: Occupation | None  # whose US figures are shown, under its own name
    candidate: Occupation | None  # what the crosswalk names, close or not
    closeness: Closeness | None
    method: str
    reason: str  # why no US figures are shown; "" when they are

    @property
    def how(self) -> str:
        """Return how the crosswalk reaches the O*NET occupation, in words."""
        if self.method == CrosswalkMethod.BROADER:
            return "through the crosswalk row of a broader ESCO occupation"
        if self.method == CrosswalkMethod.OFFICIAL:
            return (
                "through the crosswalk's O*NET-SOC 2010 code and O*NET's official "
                "2010-to-2019 code changes"
            )
        return "through the crosswalk"


def occupation_us_match(occupation: Occupation) -> UsMatch | None:
    """Return how an ESCO occupation reaches US figures (None for an O*NET occupation)."""
    if occupation.is_onet:
        return None
    closeness = closeness_of(occupation)
    candidate = occupation.crosswalk_candidate
    method = occupation.crosswalk_method
    if occupation.onet_match is not None and closeness is not None and closeness.close:
        return UsMatch(occupation.onet_match, candidate, closeness, method, "")
    if candidate is not None and closeness is not None:
        reason = (
            f"Nesta's crosswalk pairs this occupation with the US occupation “{candidate.title}”, "
            f"but the two are not close enough to show its figures as this one's. "
            f"{closeness.explanation}"
        )
    elif occupation.crosswalk_code:
        notes = Dataset.objects.filter(key="crosswalk").values_list("notes", flat=True).first()
        if (notes or {}).get("official_taxonomy_crosswalk"):
            why = "O*NET's official 2010-to-2019 crosswalk names no current occupation for it"
        else:
            why = (
                "O*NET's official 2010-to-2019 crosswalk, which says what became of such codes, "
                "is not in the data source"
            )
        reason = (
            f"The crosswalk names the O*NET-SOC 2010 code {occupation.crosswalk_code}, which "
            f"O*NET 29.3 no longer uses, and {why}; so no US figures are shown rather than "
            "another occupation's."
        )
    else:
        reason = (
            "The crosswalk matches no US (O*NET) occupation to this ESCO occupation or to a "
            "broader one, so there are no US pay, outlook or preparation figures for it."
        )
    return UsMatch(None, candidate, closeness, method, reason)


@dataclass(frozen=True)
class EscoMatch:
    """An ESCO occupation matched to an O*NET occupation, with how close the two are."""

    occupation: Occupation
    closeness: Closeness | None


def occupation_esco_matches(occupation: Occupation) -> list[EscoMatch]:
    """Return the ESCO occupations judged close to an O*NET occupation, closest first."""
    matches = Occupation.objects.filter(onet_match=occupation, in_current_release=True)
    found = [EscoMatch(match, closeness_of(match)) for match in matches]
    return sorted(
        found,
        key=lambda m: (m.closeness.rank if m.closeness else 9999, m.occupation.title.casefold()),
    )


@dataclass(frozen=True)
class JobZoneFacts:
    zone: int
    name: str
    education: str
    experience: str
    training: str
    examples: str


def occupation_job_zone(occupation: Occupation) -> JobZoneFacts | None:
    """Return the job zone (1-5) of the occupation, in O*NET's words, if known."""
    source = facts_source(occupation)
    if source is None or source.job_zone is None:
        return None
    row = JobZone.objects.filter(zone=source.job_zone).first()
    if row is None:
        return JobZoneFacts(source.job_zone, plain.job_zone_name(source.job_zone), "", "", "", "")
    return _zone_facts(row)


def _zone_facts(row: JobZone, *, examples: bool = True) -> JobZoneFacts:
    return JobZoneFacts(
        row.zone,
        plain.job_zone_name(row.zone) or row.name,
        row.education,
        row.experience,
        row.training,
        row.examples if examples else "",
    )


@dataclass(frozen=True)
class WageFacts:
    """National pay of an occupation's SOC code, as BLS published it."""

    soc_code: str
    title: str
    annual: WageTable
    hourly: WageTable
    employment: int | None
    employment_marker: str
    annual_only: bool
    hourly_only: bool

    @property
    def rows(self) -> list[tuple[str, PayFigure, PayFigure]]:
        """Return (label, hourly, annual) from the 10th percentile up, then the mean."""
        rows = [
            (label, hourly, annual)
            for (label, hourly), (_label, annual) in zip(
                self.hourly.rows, self.annual.rows, strict=True
            )
        ]
        return [*rows, ("Mean", self.hourly.mean, self.annual.mean)]


def occupation_wages(occupation: Occupation) -> WageFacts | None:
    """Return the BLS OEWS wages of the occupation (through its O*NET match), if published."""
    source = facts_source(occupation)
    if source is None or not source.soc_code:
        return None
    wage = Wage.objects.filter(soc_code=source.soc_code).first()
    return _wage_facts(wage, top_codes()) if wage else None


def _wage_facts(wage: Wage, tops: dict[str, Decimal]) -> WageFacts:
    return WageFacts(
        soc_code=wage.soc_code,
        title=wage.title,
        annual=wage_table(wage.annual, tops.get("annual"), hourly=False),
        hourly=wage_table(wage.hourly, tops.get("hourly"), hourly=True),
        employment=wage.employment,
        employment_marker=wage.employment_marker,
        annual_only=wage.annual_only,
        hourly_only=wage.hourly_only,
    )


def occupation_interest_profiles() -> dict[str, dict[str, float]]:
    """Return every current O*NET occupation's interest scores (OI, 1-7), keyed by code.

    The scores are keyed R, I, A, S, E, C: ready for `domain.riasec.match_occupations`.
    """
    rows = Occupation.objects.filter(
        source=Occupation.Source.ONET, in_current_release=True, interest_r__isnull=False
    ).values_list(
        "code",
        "interest_r",
        "interest_i",
        "interest_a",
        "interest_s",
        "interest_e",
        "interest_c",
    )
    profiles: dict[str, dict[str, float]] = {}
    for code, *values in rows:
        scores = [float(value) for value in values if value is not None]
        if len(scores) == len("RIASEC"):
            profiles[code] = dict(zip("RIASEC", scores, strict=True))
    return profiles


def occupations_by_codes(codes: Iterable[str]) -> dict[str, Occupation]:
    """Return the occupations with these codes (O*NET-SOC codes or ESCO URIs), by code."""
    return {occupation.code: occupation for occupation in Occupation.objects.filter(code__in=codes)}


def esco_skill_records() -> list[SkillRecord]:
    """Return every current ESCO skill with its alternative labels, for autocomplete.

    Ready for `domain.skill_search.SkillIndex`; ids are ESCO skill URIs. Hidden labels and
    Headway's everyday names (`careers.vocabulary`) count as alternative labels; a skill's
    weight is how many occupations list it; its broader skills come from ESCO's hierarchy; its
    description is secondary search text.
    """
    weights = dict(
        OccupationSkill.objects.values("skill_id")
        .annotate(n=Count("id"))
        .values_list("skill_id", "n")
    )
    broader: dict[int, list[str]] = defaultdict(list)
    for skill_id, uri in SkillBroader.objects.values_list("skill_id", "broader__uri"):
        broader[skill_id].append(uri)
    return with_skill_names(
        SkillRecord(
            uri,
            label,
            tuple(line for line in f"{alt}\n{hidden}".split("\n") if line),
            weights.get(pk, 0),
            tuple(broader.get(pk, ())),
            description,
        )
        for pk, uri, label, alt, hidden, description in Skill.objects.filter(
            in_current_release=True
        )
        .order_by("id")
        .values_list("pk", "uri", "label", "alt_labels", "hidden_labels", "description")
        .iterator(chunk_size=5000)
    )


# ---------------------------------------------------------------------------------------------
# Occupation page


@dataclass
class TechnologyGroup:
    title: str
    examples: list[Any]

    @property
    def hot(self) -> int:
        return sum(1 for example in self.examples if example.hot)


TECHNOLOGY_HIGHLIGHTS = 8


def technology_highlights(groups: Sequence[TechnologyGroup]) -> list[Any]:
    """Return the few technologies to show first: in demand, then hot, by name."""
    flagged = [tech for group in groups for tech in group.examples if tech.hot or tech.in_demand]
    flagged.sort(key=lambda tech: (not tech.in_demand, not tech.hot, tech.example.casefold()))
    return flagged[:TECHNOLOGY_HIGHLIGHTS]


@dataclass
class OccupationPage:
    occupation: Occupation
    source: Occupation | None  # where O*NET facts come from (itself, its match, or none)
    alternate_titles: list[str]
    tasks: list[Any]
    technologies: list[TechnologyGroup]
    skills: OccupationSkills
    ratings: dict[str, list[ElementRating]]
    job_zone: JobZoneFacts | None
    wages: WageFacts | None
    projection: Projection | None
    interests: dict[str, float] | None
    interests_chart: str | None
    related: list[RelatedOccupation]
    broader: Occupation | None
    narrower: list[Occupation]
    us_match: UsMatch | None  # for an ESCO occupation: its closest US occupation, or why none
    esco_matches: list[EscoMatch]  # for an O*NET occupation: the close ESCO occupations
    pay_chart: str | None = None
    hot_count: int = 0
    datasets: dict[str, Dataset] = field(default_factory=dict)
    summary: str = ""
    on_the_job: list[str] = field(default_factory=list)
    outlook: plain.Outlook | None = None
    technology_highlights: list[Any] = field(default_factory=list)
    technology_count: int = 0

    @property
    def title(self) -> str:
        return display_title(self.occupation)

    @property
    def bright_rule(self) -> str:
        return plain.BRIGHT_RULE


def occupation_page(key: str) -> OccupationPage:
    """Return everything the occupation page shows, or raise 404."""
    occupation = get_object_or_404(
        Occupation.objects.select_related("onet_match", "broader", "crosswalk_candidate"), key=key
    )
    source = facts_source(occupation)
    datasets = {record.key: record for record in Dataset.objects.all()}
    titles_of = occupation
    kinds: Sequence[str] = (
        (OccupationTitle.Kind.ALTERNATE,)
        if occupation.is_onet
        else (OccupationTitle.Kind.ESCO_ALT,)
    )
    alternate_titles = list(
        OccupationTitle.objects.filter(occupation=titles_of, kind__in=kinds)
        .order_by("title")
        .values_list("title", flat=True)
    )
    tasks: list[Any] = []
    technologies: list[TechnologyGroup] = []
    ratings: dict[str, list[ElementRating]] = {}
    related: list[RelatedOccupation] = []
    if source is not None:
        tasks = sorted(
            source.tasks.all(),
            key=lambda task: (task.task_type != "Core", -(task.incumbents_responding or 0)),
        )
        groups: dict[str, TechnologyGroup] = {}
        for tech in source.technologies.order_by("-hot", "-in_demand", "example"):
            groups.setdefault(
                tech.commodity_title, TechnologyGroup(tech.commodity_title, [])
            ).examples.append(tech)
        technologies = sorted(groups.values(), key=lambda g: (-g.hot, -len(g.examples), g.title))
        for rating in source.ratings.order_by("-importance", "name"):
            ratings.setdefault(rating.domain, []).append(rating)
        related = list(source.related_links.select_related("related").order_by("rank"))
    interests = source.interests if source is not None else None
    projection = (
        Projection.objects.filter(soc_code=source.soc_code).first()
        if source is not None and source.soc_code
        else None
    )
    wage = (
        Wage.objects.filter(soc_code=source.soc_code).first()
        if source is not None and source.soc_code
        else None
    )
    oews = datasets.get("oews")
    tops = {
        name: Decimal(value)
        for name, value in ((oews.notes if oews else {}).get("top_codes") or {}).items()
    }
    wages = _wage_facts(wage, tops) if wage else None
    skills = occupation_esco_skills(occupation)
    if occupation.is_onet:
        on_the_job = [plain.sentence_start(task.statement) for task in tasks[:5]]
    else:
        # ESCO lists no tasks; its essential skills (not knowledge) are the work in its words.
        on_the_job = [
            plain.sentence_start(skill.label)
            for skill in skills.essential
            if skill.skill_type != "knowledge"
        ][:5]
    return OccupationPage(
        occupation=occupation,
        source=source,
        alternate_titles=alternate_titles,
        tasks=tasks,
        technologies=technologies,
        skills=skills,
        ratings=ratings,
        job_zone=occupation_job_zone(occupation),
        wages=wages,
        projection=projection,
        interests=interests,
        interests_chart=interests_svg(interests, occupation.key) if interests else None,
        related=related,
        broader=occupation.broader,
        narrower=[]
        if occupation.is_onet
        else list(occupation.narrower.filter(in_current_release=True).order_by("title")),
        us_match=occupation_us_match(occupation),
        esco_matches=occupation_esco_matches(occupation) if occupation.is_onet else [],
        pay_chart=wages.annual.chart(f"Annual pay: {wages.title}")
        if wages is not None and wages.annual.published
        else None,
        hot_count=sum(group.hot for group in technologies),
        datasets=datasets,
        summary=plain.first_sentence(occupation.description),
        on_the_job=on_the_job,
        outlook=plain.bright_outlook(projection.change_percent, projection.annual_openings)
        if projection is not None
        else None,
        technology_highlights=technology_highlights(technologies),
        technology_count=sum(len(group.examples) for group in technologies),
    )


def display_title(occupation: Occupation) -> str:
    """Return the occupation's title as a heading shows it (ESCO labels in title case)."""
    return occupation.title if occupation.is_onet else plain.title_case(occupation.title)


# ---------------------------------------------------------------------------------------------
# Local pay (BLS OEWS state and metropolitan-area estimates, where loaded)


@dataclass(frozen=True)
class LocalPay:
    """An occupation's pay in the area a vision's location names, beside its national pay."""

    location: str  # as the user wrote it
    area: WageArea | None  # None: the location names no state or metro area in the data
    by_city: bool  # matched as a principal city of a metro area (else as a state)
    wages: WageFacts | None  # None: BLS publishes no estimate for the occupation there
    national: WageFacts | None

    @property
    def area_name(self) -> str:
        """Return the area in words, e.g. "the Austin-Round Rock-San Marcos, TX metro area"."""
        if self.area is None:
            return ""
        if self.area.kind == WageArea.Kind.STATE:
            return self.area.title
        return f"the {self.area.title} {self.area.get_kind_display().lower()}"

    @property
    def rows(self) -> list[tuple[str, PayFigure, PayFigure | None]]:
        """Return (label, annual pay here, annual pay nationally) from the 10th percentile up."""
        if self.wages is None:
            return []
        national = dict(self.national.annual.rows) if self.national else {}
        rows = [(label, figure, national.get(label)) for label, figure in self.wages.annual.rows]
        mean = self.national.annual.mean if self.national else None
        return [*rows, ("Mean", self.wages.annual.mean, mean)]


def wage_areas() -> list[Area]:
    """Return the loaded OEWS states and metropolitan areas, for `domain.areas.match_area`."""
    return [
        Area(code, title, kind, state)
        for code, title, kind, state in WageArea.objects.values_list(
            "code", "title", "kind", "state"
        )
    ]


def local_pay(
    location: str, national: WageFacts | None, areas: Sequence[Area] | None = None
) -> LocalPay | None:
    """Return the pay, in the area `location` names, of the SOC code of `national`.

    None when there is nothing to say: no location, no national figures to key on, or no
    area wages loaded (the About page says once that those files are missing).
    """
    location = location.strip()
    areas = wage_areas() if areas is None else areas
    if not location or national is None or not areas:
        return None
    match = match_area(location, areas)
    if match is None:
        return LocalPay(location, None, False, None, national)
    row = (
        AreaWage.objects.select_related("area")
        .filter(area__code=match.area.code, soc_code=national.soc_code)
        .first()
    )
    area = row.area if row is not None else WageArea.objects.get(code=match.area.code)
    wages = None
    if row is not None:
        tops = top_codes()
        wages = WageFacts(
            soc_code=row.soc_code,
            title=national.title,
            annual=wage_table(row.annual, tops.get("annual"), hourly=False),
            hourly=wage_table(row.hourly, tops.get("hourly"), hourly=True),
            employment=row.employment,
            employment_marker=row.employment_marker,
            annual_only=row.annual_only,
            hourly_only=row.hourly_only,
        )
    return LocalPay(location, area, match.by_city, wages, national)


def occupation_local_pay(
    visions: Iterable[Vision], national: WageFacts | None
) -> list[tuple[Vision, LocalPay]]:
    """Return the occupation's local pay for each vision that names a place.

    `visions` are the user's own, from `visions_list_for_user`.
    """
    visions = [vision for vision in visions if vision.location.strip()]
    if not visions or national is None:
        return []
    areas = wage_areas()
    found = []
    for vision in visions:
        pay = local_pay(vision.location, national, areas)
        if pay is not None:
            found.append((vision, pay))
    return found


# ---------------------------------------------------------------------------------------------
# Compare


@dataclass
class ComparedOccupation:
    occupation: Occupation
    source: Occupation | None  # itself, or an ESCO occupation's closest US occupation
    job_zone: JobZoneFacts | None
    wages: WageFacts | None
    projection: Projection | None
    interests: dict[str, float] | None
    top_skills: list[SkillShare]
    hot_technologies: list[str]
    us_match: UsMatch | None = None
    skills_from: list[Occupation] = field(default_factory=list)  # when not its own: from these

    @property
    def title(self) -> str:
        return display_title(self.occupation)


COMPARE_MAX = 3


def occupations_compare(keys: Sequence[str]) -> list[ComparedOccupation]:
    """Return side-by-side facts for up to three occupations (unknown keys are skipped)."""
    wanted = list(dict.fromkeys(key for key in keys if key))[:COMPARE_MAX]
    found = {
        occupation.key: occupation
        for occupation in Occupation.objects.select_related(
            "onet_match", "crosswalk_candidate"
        ).filter(key__in=wanted)
    }
    occupations = [found[key] for key in wanted if key in found]
    sources_ = [facts_source(occupation) for occupation in occupations]
    socs = {source.soc_code for source in sources_ if source is not None and source.soc_code}
    wages = {wage.soc_code: wage for wage in Wage.objects.filter(soc_code__in=socs)}
    projections = {row.soc_code: row for row in Projection.objects.filter(soc_code__in=socs)}
    zones = {zone.zone: zone for zone in JobZone.objects.all()}
    tops = top_codes()
    compared = []
    for occupation, source in zip(occupations, sources_, strict=True):
        soc = source.soc_code if source is not None else ""
        zone = zones.get(source.job_zone) if source is not None and source.job_zone else None
        hot = (
            list(
                source.technologies.filter(hot=True)
                .order_by("-in_demand", "example")
                .values_list("example", flat=True)[:8]
            )
            if source is not None
            else []
        )
        skills = occupation_esco_skills(occupation)
        compared.append(
            ComparedOccupation(
                occupation=occupation,
                source=source,
                job_zone=_zone_facts(zone, examples=False) if zone else None,
                wages=_wage_facts(wages[soc], tops) if soc in wages else None,
                projection=projections.get(soc),
                interests=source.interests if source is not None else None,
                top_skills=skills.essential[:8],
                hot_technologies=hot,
                us_match=occupation_us_match(occupation),
                skills_from=skills.sources if occupation.is_onet else [],
            )
        )
    return compared


# ---------------------------------------------------------------------------------------------
# Vision targets (user-owned)


def visions_list_for_user(user: User) -> QuerySet[Vision]:
    """Return the user's visions with their target occupations, 5-year first."""
    return (
        Vision.objects.filter(user=user)
        .prefetch_related(
            Prefetch(
                "careers_target",
                queryset=VisionTarget.objects.select_related("occupation"),
            )
        )
        .order_by("horizon")
    )


def vision_get_for_user(user: User, vision_id: int) -> Vision:
    """Return one of the user's visions, or raise 404."""
    return get_object_or_404(Vision, pk=vision_id, user=user)


def vision_target_get_for_user(user: User, vision_id: int) -> VisionTarget | None:
    """Return the target occupation link of one of the user's visions (404 for others)."""
    vision = vision_get_for_user(user, vision_id)
    return VisionTarget.objects.select_related("occupation").filter(vision=vision).first()


def vision_targets_list_for_user(user: User) -> QuerySet[VisionTarget]:
    """Return every vision target of the user."""
    return VisionTarget.objects.filter(vision__user=user).select_related("vision", "occupation")


@dataclass(frozen=True)
class VisionTargetSummary:
    """How a vision's target occupation compares with what the user wrote in the vision."""

    vision: Vision
    occupation: Occupation
    source: Occupation | None
    wages: WageFacts | None
    desired_salary: Decimal | None
    currency: str
    pay_words: str  # e.g. "Your target of $95,000 is around the 60th percentile ..."
    pay_chart: str | None
    job_zone: JobZoneFacts | None
    entry_education: str
    noted_goals: list[str]
    preparation_words: str
    local: LocalPay | None = None  # pay where the vision's location is, when area wages exist
    local_pay_words: str = ""
    us_match: UsMatch | None = None  # for an ESCO target: its closest US occupation, or why none

    @property
    def title(self) -> str:
        return display_title(self.occupation)


PREPARATION_CATEGORIES = (
    Goal.Category.EDUCATION,
    Goal.Category.CREDENTIAL,
    Goal.Category.EXPERIENCE,
)


def vision_target_summary(user: User, vision: Vision) -> VisionTargetSummary | None:
    """Return the summary of the vision's target occupation, or None when it has none.

    Raises 404 when the vision is not the user's.
    """
    if vision.user_id != user.pk:
        raise Http404("No such vision.")
    target = (
        VisionTarget.objects.select_related("occupation__onet_match").filter(vision=vision).first()
    )
    if target is None:
        return None
    occupation = target.occupation
    source = facts_source(occupation)
    us_match = occupation_us_match(occupation)
    wages = occupation_wages(occupation)
    desired = vision.salary_min if vision.salary_min is not None else vision.salary_max
    currency = (vision.salary_currency or "").upper()
    place = pay_place(
        desired,
        currency,
        wages.annual if wages else None,
        occupation_title=(source.title if source else occupation.title),
    )
    projection = (
        Projection.objects.filter(soc_code=source.soc_code).first()
        if source is not None and source.soc_code
        else None
    )
    zone = occupation_job_zone(occupation)
    goals = list(
        Goal.objects.filter(user=user, horizon=vision.horizon, category__in=PREPARATION_CATEGORIES)
        .exclude(status=Goal.Status.DROPPED)
        .order_by("rank", "id")
        .values_list("statement", flat=True)
    )
    local = local_pay(vision.location, wages)
    local_words = ""
    if local is not None and local.area is None:
        local_words = (
            f"Your vision's location “{local.location}” names no US state or metropolitan area "
            "in the BLS data, so pay here is national."
        )
    elif local is not None:
        local_words = local_pay_words(
            desired,
            currency,
            local.wages.annual if local.wages else None,
            wages.annual if wages else None,
            occupation_title=wages.title if wages else occupation.title,
            area_name=local.area_name,
        )
    return VisionTargetSummary(
        vision=vision,
        occupation=occupation,
        source=source,
        wages=wages,
        desired_salary=desired,
        currency=currency,
        pay_words=place.words,
        pay_chart=place.chart,
        job_zone=zone,
        entry_education=projection.typical_education if projection else "",
        noted_goals=goals,
        preparation_words=_preparation_words(zone, projection, goals, source, occupation),
        us_match=us_match,
        local=local,
        local_pay_words=local_words,
    )


def _preparation_words(
    zone: JobZoneFacts | None,
    projection: Projection | None,
    goals: list[str],
    source: Occupation | None,
    occupation: Occupation,
) -> str:
    subject = (
        "This occupation"
        if source is None or source.pk == occupation.pk
        else f"Its closest US occupation, {source.title},"
    )
    if source is None:
        needs = "There are no US preparation figures for this occupation"
    elif zone is None:
        needs = f"O*NET says nothing of the preparation {subject[0].lower()}{subject[1:]} needs"
        needs = needs.rstrip(",")
    else:
        amount = zone.name.lower().removesuffix(" needed")
        needs = f"{subject} is among the occupations that need {amount}"
        if zone.education:
            needs += f": {zone.education[0].lower()}{zone.education[1:].rstrip('.')}"
    if projection is not None and projection.typical_education:
        needs += f". BLS lists “{projection.typical_education}” as the typical education for entry"
    if goals:
        noted = "You noted these preparation goals for this vision: " + "; ".join(
            f"“{goal}”" for goal in goals[:5]
        )
        if len(goals) > 5:
            noted += f" and {len(goals) - 5} more"
    else:
        noted = "You have noted no education, credential or experience goals for this vision yet"
    return f"{needs}. {noted}."

"""The explorer's occupation search: the domain's title index, built from the database.

One index holds every ESCO and O*NET occupation of the current release. Its records come from
`occupation_search.occupation_records`, the function `bench/job_titles.py` calls with the same
facts read from the files, so the benchmark measures exactly this index (a test checks it):

- an ESCO record has its preferred, alternative and hidden labels, its description and
  essential skills as keywords, and is related to its crosswalked O*NET occupation;
- an O*NET record has its title, alternate and reported titles and description, and is related
  to the ESCO occupations crosswalked to it by their own rows;
- a query matching a record also credits the records related to it, and popularity comes from
  BLS employment per SOC code, shared among the ESCO occupations mapped to it.

The index is built once per process (and rebuilt when a dataset import finishes), then frozen
out of the garbage collector's reach. Filters (job zone, entry education, pay, growth,
interests) use the O*NET and BLS facts of each occupation; an ESCO occupation takes those of
its crosswalked O*NET occupation.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Count, Max
from django.urls import reverse

from headway.careers.facts import money
from headway.careers.models import (
    Dataset,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Projection,
    Wage,
)
from headway.careers.vocabulary import occupation_titles
from headway.domain import plain
from headway.domain.occupation_match import title_similarity
from headway.domain.occupation_search import (
    EXPLORER_TUNING,
    OccupationIndex,
    OccupationRecord,
    OccupationSources,
    build_index,
    occupation_records,
)

TOP_CODED = "#"
INTEREST_LETTERS = "RIASEC"
RECENT_QUERIES = 512


@dataclass(frozen=True, slots=True)
class OccupationFacts:
    """What the explorer lists and filters on for one occupation."""

    pk: int
    source: str
    key: str
    code: str
    title: str
    description: str
    onet_pk: int | None  # the O*NET occupation the facts come from (itself, or its match)
    onet_title: str
    job_zone: int | None
    education: str  # BLS typical education needed for entry
    median_annual: Decimal | None
    median_marker: str  # "#" when top-coded, "*" when not published, "" with an amount
    growth_percent: Decimal | None
    interests: tuple[float, ...] | None
    interest_code: str
    median_text: str  # "$133,080", "≥ $239,200" or "not published"

    @property
    def is_onet(self) -> bool:
        return self.source == Occupation.Source.ONET

    @property
    def display_title(self) -> str:
        """Return the title as shown: ESCO labels in title case."""
        return self.title if self.is_onet else plain.title_case(self.title)

    @property
    def growth_text(self) -> str:
        return "" if self.growth_percent is None else f"{self.growth_percent:+.1f}%"

    @property
    def url(self) -> str:
        return _OCCUPATION_URL.replace(_KEY_PLACEHOLDER, self.key)

    @property
    def summary(self) -> list[str]:
        """Return the facts a result line shows, as short phrases."""
        parts = []
        if not self.is_onet:
            parts.append(
                f"Closest US occupation: {self.onet_title}"
                if self.onet_title
                else "No close US occupation"
            )
        if self.job_zone:
            parts.append(plain.job_zone_name(self.job_zone))
        if self.median_text:
            suffix = (
                " a year" if self.median_annual is not None or self.median_marker == "#" else ""
            )
            parts.append(f"Median pay {self.median_text}{suffix}")
        if self.growth_percent is not None:
            parts.append(f"Growth {self.growth_text}")
        if self.education:
            parts.append(self.education)
        return parts


@dataclass(frozen=True, slots=True)
class Filters:
    """The explorer's filters; None means "any"."""

    job_zone: int | None = None
    education: str | None = None
    min_pay: Decimal | None = None
    min_growth: Decimal | None = None
    interest: str | None = None  # R, I, A, S, E or C
    interest_min: float | None = None  # O*NET OI score 1-7; without it, the first high point

    @property
    def active(self) -> bool:
        return any(
            value not in (None, "")
            for value in (
                self.job_zone,
                self.education,
                self.min_pay,
                self.min_growth,
                self.interest,
            )
        )

    def accept(self, facts: OccupationFacts, top_code: Decimal | None) -> bool:
        """Return whether an occupation passes every filter; unknown values never pass."""
        if self.job_zone is not None and facts.job_zone != self.job_zone:
            return False
        if self.education and facts.education != self.education:
            return False
        if self.min_pay is not None:
            pay = facts.median_annual
            if pay is None and facts.median_marker == TOP_CODED:
                pay = top_code
            if pay is None or pay < self.min_pay:
                return False
        if self.min_growth is not None and (
            facts.growth_percent is None or facts.growth_percent < self.min_growth
        ):
            return False
        if self.interest:
            if facts.interests is None:
                return False
            if self.interest_min is not None:
                score = facts.interests[INTEREST_LETTERS.index(self.interest)]
                return score >= self.interest_min
            return facts.interest_code[:1] == self.interest
        return True


@dataclass(frozen=True, slots=True)
class Result:
    """One job in the results; `twins` are its other views (ESCO and O*NET) of the same job."""

    facts: OccupationFacts
    score: float
    matched_label: str
    twins: tuple[OccupationFacts, ...] = ()

    @property
    def views(self) -> tuple[OccupationFacts, ...]:
        return (self.facts, *self.twins)


# An ESCO occupation and its close O*NET match are one job in the results when one of the ESCO
# labels and the O*NET title share this much of their words (domain.occupation_match).
TWIN_TITLE = 0.5


def twin_groups(
    esco_to_onet: Mapping[str, str],
    titles: Mapping[str, Sequence[str]],
    onet_titles: Mapping[str, str],
) -> dict[str, str]:
    """Return, per ESCO code, the O*NET code it is a twin of (its close match, a close title)."""
    return {
        esco: onet
        for esco, onet in esco_to_onet.items()
        if title_similarity(titles.get(esco, ()), (onet_titles[onet],)) >= TWIN_TITLE
    }


@dataclass
class Explorer:
    """The index and facts of one import state."""

    stamp: tuple[Any, ...]
    index: OccupationIndex
    facts: dict[str, OccupationFacts]
    education_levels: tuple[str, ...]
    top_code: Decimal | None
    onet_codes_by_title: list[str] = field(default_factory=list)
    twin_of: dict[str, str] = field(default_factory=dict)  # ESCO code -> O*NET code
    _recent: dict[tuple[Any, ...], list[Result]] = field(default_factory=dict, repr=False)

    @property
    def empty(self) -> bool:
        return not self.facts

    @cached_property
    def by_key(self) -> dict[str, OccupationFacts]:
        """Return the facts keyed by URL key."""
        return {facts.key: facts for facts in self.facts.values()}

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        limit: int = 30,
        *,
        prefix: bool = True,
    ) -> list[Result]:
        """Return occupations matching `query` from both sources, best first.

        With `prefix`, a last word not followed by a space may still be being typed. Recent
        answers are kept, since typing and its "search" event often repeat a query.
        """
        filters = filters or Filters()
        memo_key = (query, filters, limit, prefix)
        cached = self._recent.get(memo_key)
        if cached is not None:
            return cached
        results = self._search(query, filters, limit, prefix)
        if len(self._recent) >= RECENT_QUERIES:
            self._recent.pop(next(iter(self._recent)))
        self._recent[memo_key] = results
        return results

    def _search(self, query: str, filters: Filters, limit: int, prefix: bool) -> list[Result]:
        # Twins fold into one result, so look deeper than `limit` to fill the list.
        depth = 1000 if filters.active else limit * 2
        results: list[Result] = []
        group_at: dict[str, int] = {}  # O*NET code (the job) -> position in results
        for hit in self.index.search(query, depth, prefix=prefix):
            facts = self.facts[hit.id]
            if filters.active and not filters.accept(facts, self.top_code):
                continue
            job = facts.code if facts.is_onet else self.twin_of.get(facts.code, facts.code)
            at = group_at.get(job)
            if at is not None:
                first = results[at]
                if facts.is_onet:  # the O*NET view leads: the figures shown are its own
                    results[at] = Result(
                        facts, first.score, first.matched_label, (first.facts, *first.twins)
                    )
                else:
                    results[at] = Result(
                        first.facts, first.score, first.matched_label, (*first.twins, facts)
                    )
                continue
            if len(results) >= limit:
                continue  # a later hit may still be a twin of a listed job
            group_at[job] = len(results)
            results.append(Result(facts, hit.score, hit.matched_label))
        return results

    def browse(self, filters: Filters) -> list[OccupationFacts]:
        """Return the O*NET occupations passing `filters`, by title."""
        return [
            self.facts[code]
            for code in self.onet_codes_by_title
            if filters.accept(self.facts[code], self.top_code)
        ]


# ---------------------------------------------------------------------------------------------
# Building from the database


def explorer_stamp() -> tuple[Any, ...]:
    """Return what identifies the current import state: changes whenever an import finishes."""
    state = Dataset.objects.aggregate(
        count=Count("id"), latest=Max("imported_at"), last_id=Max("id")
    )
    return (state["count"], state["latest"], state["last_id"])


@dataclass
class _Catalogue:
    """The occupations as read from the database, and the facts their index is built from."""

    rows: list[tuple[Any, ...]]
    by_pk: dict[int, tuple[Any, ...]]
    sources: OccupationSources


_COLUMNS = (
    "pk",
    "source",
    "key",
    "code",
    "title",
    "description",
    "soc_code",
    "job_zone",
    "interest_r",
    "interest_i",
    "interest_a",
    "interest_s",
    "interest_e",
    "interest_c",
    "interest_code",
    "onet_match_id",
    "crosswalk_method",
    "crosswalk_direct",
    "crosswalk_code",
    "crosswalk_candidate_id",
)


def _read_catalogue() -> _Catalogue:
    rows = list(
        Occupation.objects.filter(in_current_release=True).order_by("id").values_list(*_COLUMNS)
    )
    by_pk = {row[0]: row for row in rows}
    titles: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for occupation_id, kind, text in (
        OccupationTitle.objects.filter(occupation__in_current_release=True)
        .order_by("id")
        .values_list("occupation_id", "kind", "title")
        .iterator(chunk_size=10000)
    ):
        titles[occupation_id].append((kind, text))

    esco_labels: dict[str, list[str]] = defaultdict(list)
    alternates: dict[str, list[str]] = defaultdict(list)
    reported: dict[str, list[str]] = defaultdict(list)
    by_kind: dict[str, dict[str, list[str]]] = {
        OccupationTitle.Kind.ESCO_ALT: esco_labels,
        OccupationTitle.Kind.ESCO_HIDDEN: esco_labels,
        OccupationTitle.Kind.ALTERNATE: alternates,
        OccupationTitle.Kind.REPORTED: reported,
    }
    for pk, pairs in titles.items():
        row = by_pk.get(pk)
        if row is None:
            continue
        for kind, text in sorted(pairs, key=lambda pair: _TITLE_ORDER[pair[0]]):  # file order
            by_kind[kind][row[3]].append(text)
    # Each ESCO occupation's crosswalked code: the O*NET occupation the crosswalk names (close
    # or not: ranking, unlike figures, may use a loose relation); for an outdated code that
    # reaches none, the current one its title matches (the import's `search_bridge`), else the
    # outdated code itself (it can still name a SOC with employment).
    codes: dict[str, str] = {}
    direct: set[str] = set()
    notes = Dataset.objects.filter(key="crosswalk").values_list("notes", flat=True).first()
    bridge: dict[str, str] = (notes or {}).get("search_bridge") or {}
    for row in rows:
        if row[1] != Occupation.Source.ESCO:
            continue
        match = by_pk.get(row[19])
        if match is not None:
            codes[row[3]] = match[3]
        elif row[18]:
            codes[row[3]] = bridge.get(row[18], row[18])
        if row[17]:
            direct.add(row[3])
    sources = OccupationSources(
        esco=[(row[3], row[4], row[5]) for row in rows if row[1] == Occupation.Source.ESCO],
        esco_labels=esco_labels,
        esco_skills=essential_skill_text(),
        onet=[(row[3], row[4], row[5]) for row in rows if row[1] == Occupation.Source.ONET],
        onet_alternates=alternates,
        onet_reported=reported,
        crosswalk=codes,
        direct=direct,
        employment=employment_by_soc(),
        added_titles=occupation_titles(),
    )
    return _Catalogue(rows=rows, by_pk=by_pk, sources=sources)


def employment_by_soc() -> dict[str, int]:
    """Return national employment per SOC code: OEWS, else Employment Projections."""
    employment = {
        soc: int(start * 1000)
        for soc, start in Projection.objects.values_list("soc_code", "employment_start")
    }
    for soc, count in Wage.objects.filter(employment__isnull=False).values_list(
        "soc_code", "employment"
    ):
        if count is not None:
            employment[soc] = count
    return employment


def essential_skill_text() -> dict[str, str]:
    """Return per ESCO occupation URI its essential skills' labels as one text."""
    words: dict[str, list[str]] = defaultdict(list)
    for uri, label in (
        OccupationSkill.objects.filter(relation=OccupationSkill.Relation.ESSENTIAL)
        .order_by("id")
        .values_list("occupation__code", "skill__label")
        .iterator(chunk_size=10000)
    ):
        words[uri].append(label)
    return {uri: ". ".join(labels) for uri, labels in words.items()}


def occupation_records_from_database() -> list[OccupationRecord]:
    """Return the records the explorer indexes (for checks against the benchmark)."""
    return occupation_records(_read_catalogue().sources)


def build_explorer(stamp: tuple[Any, ...] | None = None) -> Explorer:
    """Read the occupations from the database and build the explorer's index."""
    global _OCCUPATION_URL
    _OCCUPATION_URL = _occupation_url_template()
    stamp = explorer_stamp() if stamp is None else stamp
    catalogue = _read_catalogue()
    rows, by_pk = catalogue.rows, catalogue.by_pk
    index = build_index(occupation_records(catalogue.sources), EXPLORER_TUNING)
    onet = [row for row in rows if row[1] == Occupation.Source.ONET]

    wages = {
        soc: annual.get("median", "*")
        for soc, annual in Wage.objects.values_list("soc_code", "annual")
    }
    projections = {
        soc: (growth, education, wage)
        for soc, growth, education, wage in Projection.objects.values_list(
            "soc_code", "change_percent", "typical_education", "median_annual_wage"
        )
    }
    oews = Dataset.objects.filter(key="oews").values_list("notes", flat=True).first() or {}
    top = (oews.get("top_codes") or {}).get("annual")
    top_code = Decimal(top) if top else None
    facts: dict[str, OccupationFacts] = {}
    by_code_title = {row[3]: row[4] for row in rows}
    for row in rows:
        onet_row = by_pk.get(row[15]) if row[1] == Occupation.Source.ESCO else row
        facts[row[3]] = _facts(row, onet_row, wages, projections, top_code)
    educations = sorted(
        {value for _growth, value, _wage in projections.values() if value},
        key=_education_rank,
    )
    esco_to_onet = {
        row[3]: by_pk[row[15]][3]
        for row in rows
        if row[1] == Occupation.Source.ESCO and row[15] in by_pk
    }
    labels = {
        code: [by_code_title[code], *catalogue.sources.esco_labels.get(code, ())]
        for code in esco_to_onet
    }
    return Explorer(
        stamp=stamp,
        index=index,
        facts=facts,
        education_levels=tuple(educations),
        top_code=top_code,
        onet_codes_by_title=[row[3] for row in sorted(onet, key=lambda row: row[4].lower())],
        twin_of=twin_groups(esco_to_onet, labels, {row[3]: row[4] for row in onet}),
    )


_TITLE_ORDER: dict[str, int] = {
    OccupationTitle.Kind.ESCO_ALT: 0,
    OccupationTitle.Kind.ESCO_HIDDEN: 1,
    OccupationTitle.Kind.ALTERNATE: 0,
    OccupationTitle.Kind.REPORTED: 1,
}

# BLS's education categories from least to most.
EDUCATION_ORDER = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)


def _education_rank(value: str) -> tuple[int, str]:
    try:
        return EDUCATION_ORDER.index(value), value
    except ValueError:
        return len(EDUCATION_ORDER), value


def _facts(
    row: tuple[Any, ...],
    onet_row: tuple[Any, ...] | None,
    wages: Mapping[str, str],
    projections: Mapping[str, tuple[Decimal, str, Decimal | None]],
    top_code: Decimal | None,
) -> OccupationFacts:
    median: Decimal | None = None
    marker = ""
    growth = None
    education = ""
    if onet_row is not None:
        soc = onet_row[6]
        wage = wages.get(soc)
        projection = projections.get(soc)
        if wage is not None:
            try:
                median = Decimal(wage)
            except ArithmeticError:
                marker = wage
        elif projection is not None and projection[2] is not None:
            median = projection[2]
        else:
            marker = "*"
        if projection is not None:
            growth, education = projection[0], projection[1]
    scores = onet_row[8:14] if onet_row is not None else (None,) * 6
    interests = (
        tuple(float(value) for value in scores) if all(v is not None for v in scores) else None
    )
    if onet_row is None:
        median_text = ""
    elif median is not None:
        median_text = money(median)
    elif marker == TOP_CODED and top_code is not None:
        median_text = f"≥ {money(top_code)}"
    else:
        median_text = "not published"
    return OccupationFacts(
        pk=row[0],
        source=row[1],
        key=row[2],
        code=row[3],
        title=row[4],
        description=row[5],
        onet_pk=onet_row[0] if onet_row is not None else None,
        onet_title=onet_row[4] if onet_row is not None else "",
        job_zone=onet_row[7] if onet_row is not None else None,
        education=education,
        median_annual=median,
        median_marker=marker,
        growth_percent=growth,
        interests=interests,
        interest_code=(onet_row[14] if onet_row is not None else "") or "",
        median_text=median_text,
    )


_KEY_PLACEHOLDER = "KEY"
_OCCUPATION_URL = "/careers/occupations/KEY/"


def _occupation_url_template() -> str:
    return reverse("careers-occupation", kwargs={"key": _KEY_PLACEHOLDER})


_lock = threading.Lock()
_current: Explorer | None = None


def get_explorer() -> Explorer:
    """Return the explorer for the current import state, building it when that changed."""
    global _current
    stamp = explorer_stamp()
    explorer = _current
    if explorer is not None and explorer.stamp == stamp:
        return explorer
    with _lock:
        if _current is None or _current.stamp != stamp:
            # Left to the collector, the index's long-lived containers make every full
            # collection walk millions of references (about 75 ms, landing in some query).
            # Freeze them after building; unfreeze first, so a replaced index can be collected.
            gc.unfreeze()
            _current = None
            _current = build_explorer(stamp)
            gc.collect()
            gc.freeze()
        return _current


def forget_explorer_answers() -> None:
    """Drop the explorer's remembered answers (benchmarks time each query afresh)."""
    if _current is not None:
        _current._recent.clear()


def forget_explorer() -> None:
    """Drop the cached explorer (tests whose database is rolled back call this)."""
    global _current
    with _lock:
        _current = None

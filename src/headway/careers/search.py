"""The explorer's occupation search: the domain's title index, built from the database.

Two indexes are built once per process and rebuilt when a dataset import finishes:

- ESCO occupations, with exactly the records `bench/job_titles.py` measures (ESCO labels plus
  the O*NET titles of the occupation each directly crosswalked ESCO occupation maps to), so the
  benchmark's figures hold for the product;
- O*NET occupations, with their alternate and reported titles and the labels of the ESCO
  occupations crosswalked to them.

A query runs against both and the hits are merged by score. Filters (job zone, entry
education, pay, growth, interests) use the O*NET and BLS facts of each occupation; an ESCO
occupation takes those of its crosswalked O*NET occupation.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
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
from headway.domain.occupation_search import (
    ALTERNATIVE_WEIGHT,
    REPORTED_WEIGHT,
    Label,
    OccupationIndex,
    OccupationRecord,
    build_index,
)

# How much labels borrowed through the crosswalk count, as in bench/job_titles.py.
BORROWED_SHARE = 0.8
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
    def growth_text(self) -> str:
        return "" if self.growth_percent is None else f"{self.growth_percent:+.1f}%"

    @property
    def url(self) -> str:
        return _OCCUPATION_URL.replace(_KEY_PLACEHOLDER, self.key)

    @property
    def summary(self) -> list[str]:
        """Return the facts a result line shows, as short phrases."""
        parts = []
        if self.job_zone:
            parts.append(f"Job zone {self.job_zone}")
        if self.median_text:
            suffix = (
                " a year" if self.median_annual is not None or self.median_marker == "#" else ""
            )
            parts.append(f"Median pay {self.median_text}{suffix}")
        if self.growth_percent is not None:
            parts.append(f"Growth {self.growth_text}")
        if self.education:
            parts.append(self.education)
        if not self.is_onet:
            parts.append(
                f"US figures of O*NET “{self.onet_title}”" if self.onet_title else "No O*NET match"
            )
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
    facts: OccupationFacts
    score: float
    matched_label: str


@dataclass
class Explorer:
    """The indexes and facts of one import state."""

    stamp: tuple[Any, ...]
    esco_index: OccupationIndex
    onet_index: OccupationIndex
    facts: dict[str, OccupationFacts]
    education_levels: tuple[str, ...]
    top_code: Decimal | None
    onet_codes_by_title: list[str] = field(default_factory=list)
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
        depth = 500 if filters.active else limit
        hits = [
            *self.esco_index.search(query, depth, prefix=prefix),
            *self.onet_index.search(query, depth, prefix=prefix),
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.matched_label))
        results = []
        for hit in hits:
            facts = self.facts[hit.id]
            if filters.active and not filters.accept(facts, self.top_code):
                continue
            results.append(Result(facts, hit.score, hit.matched_label))
            if len(results) >= limit:
                break
        return results

    def browse(self, filters: Filters) -> list[OccupationFacts]:
        """Return the O*NET occupations passing `filters`, by title."""
        return [
            self.facts[code]
            for code in self.onet_codes_by_title
            if filters.accept(self.facts[code], self.top_code)
        ]


# ---------------------------------------------------------------------------------------------
# Records, as plain values (kept free of the ORM so a test can compare them with the benchmark)


def popularity_by_uri(
    codes: Mapping[str, str], direct: set[str], employment: Mapping[str, int]
) -> dict[str, float]:
    """Return per ESCO occupation a 0-1 score of how common it is, as the benchmark does.

    `codes` maps each ESCO URI to its crosswalked O*NET code, `direct` holds the URIs with a
    crosswalk row of their own, `employment` is national employment by SOC code. A SOC code's
    employment is shared among the occupations with their own row mapped to it.
    """
    sharing = Counter(code[:7] for uri, code in codes.items() if uri in direct)
    shares = {
        uri: employment[code[:7]] / max(1, sharing[code[:7]])
        for uri, code in codes.items()
        if code[:7] in employment
    }
    if not shares:
        return {}
    top = math.log10(1 + max(shares.values())) or 1.0
    return {uri: math.log10(1 + share) / top for uri, share in shares.items()}


def esco_records(
    occupations: Iterable[tuple[str, str, str]],
    esco_labels: Mapping[str, Sequence[tuple[str, str]]],
    codes: Mapping[str, str],
    onet_titles: Mapping[str, Sequence[tuple[str, str]]],
    skill_text: Mapping[str, str],
    popularity: Mapping[str, float],
) -> list[OccupationRecord]:
    """Return one record per ESCO occupation, as `bench/job_titles.py` builds them.

    `occupations` holds (uri, preferred label, description); `esco_labels` maps a URI to its
    (kind, label) pairs, alternative labels first; `codes` maps a URI to its crosswalked O*NET
    code; `onet_titles` maps an O*NET code to its (kind, title) pairs, alternate titles first;
    `skill_text` holds the occupation's essential skill labels as one text.
    """
    records = []
    for uri, label, description in occupations:
        labels = [Label(text, ALTERNATIVE_WEIGHT) for _kind, text in esco_labels.get(uri, ())]
        code = codes.get(uri)
        for kind, text in onet_titles.get(code, ()) if code else ():
            weight = (
                ALTERNATIVE_WEIGHT if kind == OccupationTitle.Kind.ALTERNATE else REPORTED_WEIGHT
            )
            labels.append(Label(text, weight * BORROWED_SHARE))
        records.append(
            OccupationRecord(
                id=uri,
                preferred_label=label,
                labels=tuple(labels),
                keywords=f"{description} {skill_text.get(uri, '')}",
                facets={"source": "esco"},
                popularity=popularity.get(uri, 0.0),
            )
        )
    return records


def onet_records(
    occupations: Iterable[tuple[str, str, str]],
    onet_titles: Mapping[str, Sequence[tuple[str, str]]],
    esco_labels: Mapping[str, Sequence[str]],
    employment: Mapping[str, int],
) -> list[OccupationRecord]:
    """Return one record per O*NET occupation: its titles, then its ESCO matches' labels.

    `occupations` holds (code, title, description); `esco_labels` maps an O*NET code to the
    preferred labels of the ESCO occupations crosswalked to it by their own rows. Popularity
    is the log of national employment, scaled to 0-1.
    """
    top = math.log10(1 + max(employment.values(), default=0)) or 1.0
    records = []
    for code, title, description in occupations:
        labels = [
            Label(
                text,
                ALTERNATIVE_WEIGHT if kind == OccupationTitle.Kind.ALTERNATE else REPORTED_WEIGHT,
            )
            for kind, text in onet_titles.get(code, ())
        ]
        labels += [
            Label(text, ALTERNATIVE_WEIGHT * BORROWED_SHARE) for text in esco_labels.get(code, ())
        ]
        records.append(
            OccupationRecord(
                id=code,
                preferred_label=title,
                labels=tuple(labels),
                keywords=description,
                facets={"source": "onet"},
                popularity=math.log10(1 + employment.get(code[:7], 0)) / top,
            )
        )
    return records


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
    """The occupations and their titles as read from the database, ready for indexing."""

    rows: list[tuple[Any, ...]]
    by_pk: dict[int, tuple[Any, ...]]
    esco_records: list[OccupationRecord]
    onet_records: list[OccupationRecord]


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

    onet_titles: dict[str, list[tuple[str, str]]] = {}
    esco_labels: dict[str, list[tuple[str, str]]] = {}
    for pk, pairs in titles.items():
        row = by_pk.get(pk)
        if row is None:
            continue
        ordered = sorted(pairs, key=lambda pair: _TITLE_ORDER[pair[0]])  # stable: file order
        (onet_titles if row[1] == Occupation.Source.ONET else esco_labels)[row[3]] = ordered
    # Each ESCO occupation's crosswalked code: its match's, else the outdated code the
    # crosswalk names (the benchmark keeps it, and it can still name a SOC with employment).
    codes: dict[str, str] = {}
    direct: set[str] = set()
    matched_labels: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row[1] != Occupation.Source.ESCO:
            continue
        match = by_pk.get(row[15])
        if match is not None:
            codes[row[3]] = match[3]
        elif row[18]:
            codes[row[3]] = row[18]
        if row[17]:
            direct.add(row[3])
            if match is not None:
                matched_labels[match[3]].append(row[4])
    employment = employment_by_soc()
    esco = [(row[3], row[4], row[5]) for row in rows if row[1] == Occupation.Source.ESCO]
    onet = [(row[3], row[4], row[5]) for row in rows if row[1] == Occupation.Source.ONET]
    return _Catalogue(
        rows=rows,
        by_pk=by_pk,
        esco_records=esco_records(
            esco,
            esco_labels,
            codes,
            onet_titles,
            essential_skill_text(),
            popularity_by_uri(codes, direct, employment),
        ),
        onet_records=onet_records(onet, onet_titles, matched_labels, employment),
    )


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


def esco_records_from_database() -> list[OccupationRecord]:
    """Return the ESCO records the explorer indexes (for checks against the benchmark)."""
    return _read_catalogue().esco_records


def build_explorer(stamp: tuple[Any, ...] | None = None) -> Explorer:
    """Read the occupations from the database and build the explorer's indexes."""
    global _OCCUPATION_URL
    _OCCUPATION_URL = _occupation_url_template()
    stamp = explorer_stamp() if stamp is None else stamp
    catalogue = _read_catalogue()
    rows, by_pk = catalogue.rows, catalogue.by_pk
    esco_index = build_index(catalogue.esco_records)
    onet_index = build_index(catalogue.onet_records)
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
    for row in rows:
        onet_row = by_pk.get(row[15]) if row[1] == Occupation.Source.ESCO else row
        facts[row[3]] = _facts(row, onet_row, wages, projections, top_code)
    educations = sorted(
        {value for _growth, value, _wage in projections.values() if value},
        key=_education_rank,
    )
    return Explorer(
        stamp=stamp,
        esco_index=esco_index,
        onet_index=onet_index,
        facts=facts,
        education_levels=tuple(educations),
        top_code=top_code,
        onet_codes_by_title=[row[3] for row in sorted(onet, key=lambda row: row[4].lower())],
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
            _current = build_explorer(stamp)
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

"""Import the career datasets from a folder laid out like the official downloads.

Each dataset is imported in one transaction: a damaged or missing file raises `DatasetError`
(naming the file and line) and leaves the database as it was. Rows are upserted by natural key
and compared first, so importing the same files twice writes nothing the second time.
Occupations and skills are never deleted: one that leaves a release is marked
`in_current_release=False`, so primary keys, and the users' links to them, stay.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from headway.careers.models import (
    AreaWage,
    CrosswalkMethod,
    Dataset,
    ElementRating,
    IscoGroup,
    JobZone,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Projection,
    RelatedOccupation,
    Skill,
    SkillBroader,
    SkillGroup,
    SkillGroupMember,
    Task,
    TechnologySkill,
    Wage,
    WageArea,
)
from headway.domain.careerdata import (
    CrosswalkRow,
    DatasetError,
    EscoBroaderRelation,
    EscoReader,
    OewsReader,
    OnetAlternateTitle,
    OnetOccupation,
    OnetReader,
    WageValue,
    iter_crosswalk,
    iter_projections,
    resolve_crosswalk,
    soc_code,
    sources,
)
from headway.domain.careerdata import onet as onet_files
from headway.domain.careerdata.crosswalk import match_stale_codes
from headway.domain.careerdata.integrity import check_dataset
from headway.domain.careerdata.onet import OnetCategoryShare
from headway.domain.careerdata.onet_taxonomy import (
    codes_2019,
    current_codes,
    iter_taxonomy_changes,
)
from headway.domain.careerdata.verify import MINIMUM_COUNTS, digest_file
from headway.domain.occupation_match import Closeness, MatchSide, WorkIndex, best_candidate

# Bump when the importer stores something new, so unchanged files are imported again.
IMPORTER_VERSION = 2
BATCH = 2000
_ESCO_OCCUPATION_URI = re.compile(r"^http://data\.europa\.eu/esco/occupation/([A-Za-z0-9-]{1,40})$")

Progress = Callable[[str], None]
M = TypeVar("M", bound=models.Model)


def _quiet(message: str) -> None:
    pass


@dataclass
class Changes:
    """Rows written by one import."""

    created: int = 0
    updated: int = 0
    deleted: int = 0

    def add(self, other: Changes) -> None:
        """Add another table's changes to these."""
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted

    def __str__(self) -> str:
        if not (self.created or self.updated or self.deleted):
            return "no rows changed"
        return f"{self.created} rows added, {self.updated} updated, {self.deleted} removed"


@dataclass
class ImportReport:
    """What one dataset's importer read and wrote."""

    counts: dict[str, int] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class DatasetOutcome:
    """How importing one dataset went."""

    key: str
    name: str
    status: str  # "imported", "unchanged" or "failed"
    message: str = ""
    counts: Mapping[str, int] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def sync_rows(
    queryset: models.QuerySet[M],
    key_fields: Sequence[str],
    value_fields: Sequence[str],
    desired: Mapping[tuple[Any, ...], tuple[Any, ...]],
    *,
    delete_missing: bool = True,
) -> tuple[Changes, dict[tuple[Any, ...], int]]:
    """Make the rows of `queryset` equal `desired` (natural key -> values), writing only changes.

    Returns the changes and the primary key of every desired row. Values must be given as the
    database returns them (e.g. Decimals quantized to the field's places), or they are
    rewritten on every import.
    """
    model = queryset.model
    width = len(key_fields)
    existing: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
    for row in queryset.values_list("pk", *key_fields, *value_fields).iterator(chunk_size=5000):
        existing[tuple(row[1 : 1 + width])] = (row[0], tuple(row[1 + width :]))
    creates: list[M] = []
    create_keys: list[tuple[Any, ...]] = []
    updates: list[M] = []
    pks: dict[tuple[Any, ...], int] = {}
    for key, values in desired.items():
        found = existing.get(key)
        if found is None:
            creates.append(
                model(**dict(zip(key_fields, key, strict=True)), **_named(value_fields, values))
            )
            create_keys.append(key)
            continue
        pks[key] = found[0]
        if found[1] != values:
            updates.append(model(pk=found[0], **_named(value_fields, values)))
    changes = Changes()
    for start in range(0, len(creates), BATCH):
        queryset.model._default_manager.bulk_create(creates[start : start + BATCH])
    changes.created = len(creates)
    if any(obj.pk is None for obj in creates):  # backends that return no keys
        for row in queryset.values_list("pk", *key_fields).iterator(chunk_size=5000):
            pks.setdefault(tuple(row[1:]), row[0])
    else:
        pks.update(zip(create_keys, (int(obj.pk) for obj in creates), strict=True))
    if updates:
        model._default_manager.bulk_update(updates, list(value_fields), batch_size=BATCH // 2)
        changes.updated = len(updates)
    if delete_missing:
        gone = [pk for key, (pk, _values) in existing.items() if key not in desired]
        for start in range(0, len(gone), BATCH):
            model._default_manager.filter(pk__in=gone[start : start + BATCH]).delete()
        changes.deleted = len(gone)
    return changes, pks


def _named(fields: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(fields, values, strict=True))


def _retire(queryset: models.QuerySet[M], current_pks: Iterable[int]) -> int:
    """Mark rows of `queryset` missing from this release; return how many changed."""
    keep = set(current_pks)
    gone = [
        pk
        for pk in queryset.filter(in_current_release=True).values_list("pk", flat=True)
        if pk not in keep
    ]
    for start in range(0, len(gone), BATCH):
        queryset.filter(pk__in=gone[start : start + BATCH]).update(in_current_release=False)
    return len(gone)


# ---------------------------------------------------------------------------------------------
# O*NET


def import_onet(root: Path, progress: Progress = _quiet) -> ImportReport:
    """Import the O*NET text files under `root` (occupations and everything about them)."""
    reader = OnetReader(root / sources.ONET_FOLDER)
    report = ImportReport()
    occupations = list(reader.occupations())
    if not occupations:
        raise DatasetError("O*NET", "Occupation Data.txt", None, "no occupations in the file")
    zones = {row.code: row.job_zone for row in reader.job_zones()}
    interests = {row.code: row for row in reader.interests()}
    preparation = {row.code: row for row in reader.preparation()}
    report.counts.update(
        {
            "occupations": len(occupations),
            "job zones": len(zones),
            "interests": len(interests),
            "preparation profiles": len(preparation),
        }
    )
    desired: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for occupation in occupations:
        profile = interests.get(occupation.code)
        scores = profile.scores if profile else (None,) * 6
        prep = preparation.get(occupation.code)
        desired[(occupation.code,)] = (
            Occupation.Source.ONET,
            occupation.code,
            occupation.title,
            occupation.description,
            True,
            soc_code(occupation.code),
            zones.get(occupation.code),
            *scores,
            profile.high_points if profile else "",
            _preparation_json(prep) if prep else {},
        )
    progress(f"  {len(occupations)} occupations")
    scope = Occupation.objects.filter(source=Occupation.Source.ONET)
    changes, pk_by_key = sync_rows(
        scope,
        ("code",),
        (
            "source",
            "key",
            "title",
            "description",
            "in_current_release",
            "soc_code",
            "job_zone",
            "interest_r",
            "interest_i",
            "interest_a",
            "interest_s",
            "interest_e",
            "interest_c",
            "interest_code",
            "preparation",
        ),
        desired,
        delete_missing=False,
    )
    report.changes.add(changes)
    retired = _retire(scope, pk_by_key.values())
    report.changes.updated += retired
    report.counts["occupations no longer in the release"] = scope.filter(
        in_current_release=False
    ).count()
    pks = {key[0]: pk for key, pk in pk_by_key.items()}
    unknown = 0
    present = set(reader.files_present)

    def has(*names: str) -> bool:
        # A file absent from the source removes nothing: only a whole release drops rows.
        return present.issuperset(names)

    def known(code: str) -> int | None:
        nonlocal unknown
        pk = pks.get(code)
        if pk is None:
            unknown += 1
        return pk

    reference = {
        (row.job_zone,): (
            row.name,
            row.experience,
            row.education,
            row.job_training,
            row.examples,
            row.svp_range,
        )
        for row in reader.job_zone_reference()
    }
    report.counts["job zone descriptions"] = len(reference)
    changes, _ = sync_rows(
        JobZone.objects.all(),
        ("zone",),
        ("name", "experience", "education", "training", "examples", "svp_range"),
        reference,
        delete_missing=has(onet_files.JOB_ZONE_REFERENCE),
    )
    report.changes.add(changes)

    titles: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    alternates = reported = 0
    for alternate in reader.alternate_titles():
        pk = known(alternate.code)
        if pk is not None:
            alternates += 1
            titles.setdefault(
                (pk, OccupationTitle.Kind.ALTERNATE, alternate.title),
                (alternate.short_title or "",),
            )
    for title in reader.reported_titles():
        pk = known(title.code)
        if pk is not None:
            reported += 1
            titles.setdefault((pk, OccupationTitle.Kind.REPORTED, title.title), ("",))
    report.counts["alternate titles"] = alternates
    report.counts["reported titles"] = reported
    changes, _ = sync_rows(
        OccupationTitle.objects.filter(
            kind__in=(OccupationTitle.Kind.ALTERNATE, OccupationTitle.Kind.REPORTED)
        ),
        ("occupation_id", "kind", "title"),
        ("short_title",),
        titles,
        delete_missing=has(onet_files.ALTERNATE_TITLES, onet_files.REPORTED_TITLES),
    )
    report.changes.add(changes)
    progress(f"  {alternates} alternate and {reported} reported titles")

    tasks: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for task in reader.tasks():
        pk = known(task.code)
        if pk is not None:
            tasks[(task.task_id,)] = (
                pk,
                task.statement,
                task.task_type or "",
                task.incumbents_responding,
            )
    report.counts["tasks"] = len(tasks)
    changes, _ = sync_rows(
        Task.objects.all(),
        ("task_id",),
        ("occupation_id", "statement", "task_type", "incumbents_responding"),
        tasks,
        delete_missing=has(onet_files.TASK_STATEMENTS),
    )
    report.changes.add(changes)

    technologies: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for tech in reader.technology_skills():
        pk = known(tech.code)
        if pk is not None:
            technologies.setdefault(
                (pk, tech.example),
                (tech.commodity_code, tech.commodity_title, tech.hot_technology, tech.in_demand),
            )
    report.counts["technology skills"] = len(technologies)
    changes, _ = sync_rows(
        TechnologySkill.objects.all(),
        ("occupation_id", "example"),
        ("commodity_code", "commodity_title", "hot", "in_demand"),
        technologies,
        delete_missing=has(onet_files.TECHNOLOGY_SKILLS),
    )
    report.changes.add(changes)
    progress(f"  {len(tasks)} tasks, {len(technologies)} technology skills")

    related: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for link in reader.related_occupations():
        pk, other = known(link.code), known(link.related_code)
        if pk is not None and other is not None:
            related.setdefault((pk, other), (link.tier, link.rank))
    report.counts["related occupations"] = len(related)
    changes, _ = sync_rows(
        RelatedOccupation.objects.all(),
        ("occupation_id", "related_id"),
        ("tier", "rank"),
        related,
        delete_missing=has(onet_files.RELATED_OCCUPATIONS),
    )
    report.changes.add(changes)

    ratings: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for domain, rows in (
        (ElementRating.Domain.SKILL, reader.skills()),
        (ElementRating.Domain.KNOWLEDGE, reader.knowledge()),
    ):
        count = 0
        for rating in rows:
            pk = known(rating.code)
            if pk is not None:
                count += 1
                ratings[(pk, domain, rating.element_id)] = (
                    rating.element_name,
                    rating.importance,
                    rating.level,
                )
        report.counts[f"{domain} ratings"] = count
    changes, _ = sync_rows(
        ElementRating.objects.all(),
        ("occupation_id", "domain", "element_id"),
        ("name", "importance", "level"),
        ratings,
        delete_missing=has(onet_files.SKILLS, onet_files.KNOWLEDGE),
    )
    report.changes.add(changes)
    if unknown:
        report.counts["rows naming an unknown occupation (skipped)"] = unknown
    report.notes["files_read"] = sorted(set(reader.files_read))
    return report


def _preparation_json(prep: Any) -> dict[str, Any]:
    def share(value: OnetCategoryShare | None) -> dict[str, Any] | None:
        if value is None:
            return None
        return {
            "category": value.category,
            "description": value.description or "",
            "percent": value.percent,
        }

    parts = {
        "education": share(prep.education),
        "experience": share(prep.related_experience),
        "on_site_training": share(prep.on_site_training),
        "on_the_job_training": share(prep.on_the_job_training),
    }
    return {name: value for name, value in parts.items() if value is not None}


# ---------------------------------------------------------------------------------------------
# ESCO


def import_esco(root: Path, progress: Progress = _quiet) -> ImportReport:
    """Import ESCO's occupations, skills, ISCO groups and occupation-skill relations."""
    reader = EscoReader(root / sources.ESCO_CLASSIFICATION, root / sources.ESCO_RELATIONS)
    report = ImportReport()

    groups = {
        (group.code,): (group.uri, group.preferred_label, group.description)
        for group in reader.isco_groups()
    }
    report.counts["ISCO groups"] = len(groups)
    changes, _ = sync_rows(
        IscoGroup.objects.all(), ("code",), ("uri", "label", "description"), groups
    )
    report.changes.add(changes)

    skills = {
        (skill.uri,): (
            skill.preferred_label,
            "\n".join(skill.alt_labels),
            skill.skill_type,
            skill.reuse_level,
            skill.description,
            True,
            "\n".join(skill.hidden_labels),
        )
        for skill in reader.skills()
    }
    report.counts["skills"] = len(skills)
    skill_scope = Skill.objects.all()
    changes, skill_keys = sync_rows(
        skill_scope,
        ("uri",),
        (
            "label",
            "alt_labels",
            "skill_type",
            "reuse_level",
            "description",
            "in_current_release",
            "hidden_labels",
        ),
        skills,
        delete_missing=False,
    )
    report.changes.add(changes)
    report.changes.updated += _retire(skill_scope, skill_keys.values())
    progress(f"  {len(skills)} skills")

    skill_pks = {key[0]: pk for key, pk in skill_keys.items()}
    _import_skill_hierarchy(reader, skill_pks, report, progress)

    occupations = list(reader.occupations())
    desired: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for occupation in occupations:
        match = _ESCO_OCCUPATION_URI.match(occupation.uri)
        if match is None:  # the reader checked the prefix; the key must also suit a URL
            raise DatasetError(
                "ESCO", "occupations", None, f"occupation URI {occupation.uri!r} has no usable id"
            )
        desired[(occupation.uri,)] = (
            Occupation.Source.ESCO,
            match.group(1),
            occupation.preferred_label,
            occupation.description,
            True,
            occupation.isco_group,
            occupation.code,
        )
    report.counts["occupations"] = len(desired)
    scope = Occupation.objects.filter(source=Occupation.Source.ESCO)
    changes, occupation_keys = sync_rows(
        scope,
        ("code",),
        (
            "source",
            "key",
            "title",
            "description",
            "in_current_release",
            "isco_group",
            "esco_code",
        ),
        desired,
        delete_missing=False,
    )
    report.changes.add(changes)
    report.changes.updated += _retire(scope, occupation_keys.values())
    pks = {key[0]: pk for key, pk in occupation_keys.items()}
    progress(f"  {len(desired)} occupations")

    labels: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for occupation in occupations:
        pk = pks[occupation.uri]
        for text in occupation.alt_labels:
            labels.setdefault((pk, OccupationTitle.Kind.ESCO_ALT, text), ("",))
        for text in occupation.hidden_labels:
            labels.setdefault((pk, OccupationTitle.Kind.ESCO_HIDDEN, text), ("",))
    report.counts["occupation labels"] = len(labels)
    changes, _ = sync_rows(
        OccupationTitle.objects.filter(
            kind__in=(OccupationTitle.Kind.ESCO_ALT, OccupationTitle.Kind.ESCO_HIDDEN)
        ),
        ("occupation_id", "kind", "title"),
        ("short_title",),
        labels,
    )
    report.changes.add(changes)

    broader: dict[tuple[Any, ...], tuple[Any, ...]] = {(pk,): (None,) for pk in pks.values()}
    for link in reader.broader_occupations():
        if link.concept_type == "Occupation" and link.broader_type == "Occupation":
            child, parent = pks.get(link.concept_uri), pks.get(link.broader_uri)
            if child is not None and parent is not None:
                broader[(child,)] = (parent,)
    changes, _ = sync_rows(scope, ("pk",), ("broader_id",), broader, delete_missing=False)
    report.changes.add(changes)

    relations: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    essential = unknown = 0
    for relation in reader.occupation_skills():
        occupation_pk = pks.get(relation.occupation_uri)
        skill_pk = skill_pks.get(relation.skill_uri)
        if occupation_pk is None or skill_pk is None:
            unknown += 1
            continue
        relations[(occupation_pk, skill_pk)] = (relation.relation_type,)
        essential += relation.relation_type == OccupationSkill.Relation.ESSENTIAL
    report.counts["occupation-skill relations"] = len(relations)
    report.counts["essential relations"] = essential
    report.counts["optional relations"] = len(relations) - essential
    if unknown:
        report.counts["relations naming an unknown concept (skipped)"] = unknown
    changes, _ = sync_rows(
        OccupationSkill.objects.all(), ("occupation_id", "skill_id"), ("relation",), relations
    )
    report.changes.add(changes)
    progress(f"  {len(relations)} occupation-skill relations")
    return report


def _import_skill_hierarchy(
    reader: EscoReader, skill_pks: Mapping[str, int], report: ImportReport, progress: Progress
) -> None:
    """Import the skill groups and the skill pillar's broader links between and above skills."""
    groups = {(group.uri,): (group.preferred_label, group.code) for group in reader.skill_groups()}
    report.counts["skill groups"] = len(groups)
    changes, group_keys = sync_rows(SkillGroup.objects.all(), ("uri",), ("label", "code"), groups)
    report.changes.add(changes)
    group_pks = {key[0]: pk for key, pk in group_keys.items()}
    broader: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    members: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for link in reader.broader_skills():
        skill = skill_pks.get(link.concept_uri)
        if skill is None:
            continue  # a group's own parent: the groups' tree is not needed
        if (parent := skill_pks.get(link.broader_uri)) is not None:
            broader[(skill, parent)] = ()
        elif (group := group_pks.get(link.broader_uri)) is not None:
            members[(skill, group)] = ()
    report.counts["broader skill links"] = len(broader)
    report.counts["skill group memberships"] = len(members)
    changes, _ = sync_rows(SkillBroader.objects.all(), ("skill_id", "broader_id"), (), broader)
    report.changes.add(changes)
    changes, _ = sync_rows(SkillGroupMember.objects.all(), ("skill_id", "group_id"), (), members)
    report.changes.add(changes)
    progress(f"  {len(broader)} broader skill links, {len(groups)} skill groups")


# ---------------------------------------------------------------------------------------------
# Crosswalk


def import_crosswalk(root: Path, progress: Progress = _quiet) -> ImportReport:
    """Link each ESCO occupation to the O*NET occupation Nesta's crosswalk names, when close.

    The crosswalk names O*NET-SOC 2010 codes. A code O*NET-SOC 2019 changed is followed
    through O*NET's official 2010-to-2019 crosswalk when the source has it (to the closest of
    the codes it became); without it, such a row reaches no O*NET occupation. ESCO
    occupations without a row of their own take that of their nearest broader occupation.
    Each ESCO occupation and the O*NET occupation reached are then judged by title and work
    (`domain.occupation_match`): only a close pair becomes `onet_match`.
    """
    report = ImportReport()
    rows = list(iter_crosswalk(root / sources.CROSSWALK))
    taxonomy_path = root / sources.ONET_TAXONOMY_CROSSWALK
    official = codes_2019(iter_taxonomy_changes(taxonomy_path)) if taxonomy_path.is_file() else None
    esco = dict(Occupation.objects.filter(source=Occupation.Source.ESCO).values_list("code", "pk"))
    onet = dict(
        Occupation.objects.filter(
            source=Occupation.Source.ONET, in_current_release=True
        ).values_list("code", "pk")
    )
    parent_pk = dict(
        Occupation.objects.filter(source=Occupation.Source.ESCO, broader__isnull=False).values_list(
            "pk", "broader_id"
        )
    )
    uri_by_pk = {pk: uri for uri, pk in esco.items()}
    broader = [
        EscoBroaderRelation(uri_by_pk[child], "Occupation", uri_by_pk[parent], "Occupation")
        for child, parent in parent_pk.items()
        if parent in uri_by_pk
    ]
    direct = {row.esco_uri: row for row in rows}
    resolved = resolve_crosswalk(rows, broader)  # ESCO URI -> O*NET-SOC 2010 code
    parent_uri = {link.concept_uri: link.broader_uri for link in broader}

    def own_row(uri: str) -> CrosswalkRow | None:
        seen = set()
        while uri not in direct and uri in parent_uri and uri not in seen:
            seen.add(uri)
            uri = parent_uri[uri]
        return direct.get(uri)

    judge = _CrosswalkJudge(onet)
    desired: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    counts = {"close": 0, "not close": 0, "outdated code": 0, "none": 0}
    for uri, pk in esco.items():
        code = resolved.get(uri)
        row = own_row(uri)
        if code is None or row is None:
            counts["none"] += 1
            desired[(pk,)] = (None, uri in direct, "", "", None, None, {})
            continue
        candidates = current_codes(code, official, onet)
        if not candidates:
            counts["outdated code"] += 1
            desired[(pk,)] = (None, uri in direct, "", code, row.confidence, None, {})
            continue
        chosen, closeness = judge.best(pk, candidates)
        if uri not in direct:
            method = CrosswalkMethod.BROADER
        elif chosen == code:
            method = CrosswalkMethod.CODE
        else:
            method = CrosswalkMethod.OFFICIAL
        counts["close" if closeness.close else "not close"] += 1
        desired[(pk,)] = (
            onet[chosen] if closeness.close else None,
            uri in direct,
            method,
            code,
            row.confidence,
            onet[chosen],
            {
                "title": round(closeness.title, 3),
                "work": round(closeness.work, 3),
                "rank": closeness.rank,
                "of": closeness.of,
            },
        )
    outdated = sorted({row.onet_code for row in rows if row.onet_code not in onet})
    report.counts["rows"] = len(rows)
    report.counts["ESCO occupations matched (judged close)"] = counts["close"]
    report.counts["ESCO occupations whose crosswalk match is not close (dropped)"] = counts[
        "not close"
    ]
    report.counts["ESCO occupations whose crosswalk code O*NET 29.3 no longer has"] = counts[
        "outdated code"
    ]
    report.counts["ESCO occupations without a crosswalk row"] = counts["none"]
    report.counts["codes not in O*NET 29.3"] = len(outdated)
    report.counts["codes not in O*NET 29.3, followed through O*NET-SOC 2019 changes"] = sum(
        1 for code in outdated if current_codes(code, official, onet)
    )
    unknown_rows = sum(1 for row in rows if row.esco_uri not in esco)
    if unknown_rows:
        report.counts["rows naming an unknown ESCO occupation (skipped)"] = unknown_rows
    report.notes["official_taxonomy_crosswalk"] = official is not None
    unmatched = [code for code in outdated if not current_codes(code, official, onet)]
    report.notes["unmatched_codes"] = unmatched
    # Search may still relate such an occupation to the O*NET one whose title reads alike: it
    # only lends ranking credit, never figures (`careers.search`, `bench/job_titles.py`).
    report.notes["search_bridge"] = {
        code: current
        for code, current in _stale_code_matches(rows).items()
        if code in set(unmatched)
    }
    changes, _ = sync_rows(
        Occupation.objects.filter(source=Occupation.Source.ESCO),
        ("pk",),
        (
            "onet_match_id",
            "crosswalk_direct",
            "crosswalk_method",
            "crosswalk_code",
            "crosswalk_confidence",
            "crosswalk_candidate_id",
            "match_closeness",
        ),
        desired,
        delete_missing=False,
    )
    report.changes.add(changes)
    progress(
        f"  {counts['close']} of {len(esco)} ESCO occupations matched to a close O*NET "
        f"occupation; {counts['not close']} crosswalk matches dropped as not close, "
        f"{counts['outdated code']} left with an outdated code"
    )
    return report


def _stale_code_matches(rows: Sequence[CrosswalkRow]) -> dict[str, str]:
    """Return a current O*NET code for each outdated crosswalk code its title matches."""
    occupations = list(
        Occupation.objects.filter(
            source=Occupation.Source.ONET, in_current_release=True
        ).values_list("pk", "code", "title", "description")
    )
    code_by_pk = {pk: code for pk, code, _title, _description in occupations}
    alternates = [
        OnetAlternateTitle(code_by_pk[occupation_id], title, short or None, ())
        for occupation_id, title, short in OccupationTitle.objects.filter(
            kind=OccupationTitle.Kind.ALTERNATE, occupation_id__in=code_by_pk
        )
        .order_by("id")
        .values_list("occupation_id", "title", "short_title")
    ]
    return match_stale_codes(
        rows,
        [OnetOccupation(code, title, text) for _pk, code, title, text in occupations],
        alternates,
    )


class _CrosswalkJudge:
    """Judges ESCO occupations against O*NET candidates (`domain.occupation_match`)."""

    def __init__(self, onet: Mapping[str, int]) -> None:
        esco_titles: dict[int, list[str]] = {}
        onet_titles: dict[int, list[str]] = {}
        for occupation_id, kind, title in OccupationTitle.objects.filter(
            kind__in=(OccupationTitle.Kind.ESCO_ALT, OccupationTitle.Kind.ALTERNATE)
        ).values_list("occupation_id", "kind", "title"):
            target = esco_titles if kind == OccupationTitle.Kind.ESCO_ALT else onet_titles
            target.setdefault(occupation_id, []).append(title)
        tasks: dict[int, list[str]] = {}
        for occupation_id, statement in Task.objects.values_list("occupation_id", "statement"):
            tasks.setdefault(occupation_id, []).append(statement)
        skills: dict[int, list[str]] = {}
        for occupation_id, label in OccupationSkill.objects.filter(
            relation=OccupationSkill.Relation.ESSENTIAL
        ).values_list("occupation_id", "skill__label"):
            skills.setdefault(occupation_id, []).append(label)
        self.esco: dict[int, MatchSide] = {}
        for pk, title, description in Occupation.objects.filter(
            source=Occupation.Source.ESCO
        ).values_list("pk", "title", "description"):
            work = ". ".join([description, *skills.get(pk, ())])
            self.esco[pk] = MatchSide((title, *esco_titles.get(pk, ())), work)
        self.onet: dict[str, MatchSide] = {}
        code_of = {pk: code for code, pk in onet.items()}
        for pk, title, description in Occupation.objects.filter(pk__in=code_of).values_list(
            "pk", "title", "description"
        ):
            work = " ".join([description, *tasks.get(pk, ())])
            self.onet[code_of[pk]] = MatchSide((title, *onet_titles.get(pk, ())), work)
        self.work = WorkIndex(
            {code: side.work for code, side in self.onet.items()},
            (side.work for side in self.esco.values()),
        )

    def best(self, esco_pk: int, codes: Sequence[str]) -> tuple[str, Closeness]:
        found = best_candidate(
            self.esco[esco_pk], [(code, self.onet[code]) for code in codes], self.work
        )
        assert found is not None  # codes is never empty
        return found


# ---------------------------------------------------------------------------------------------
# BLS

_CENTS = Decimal("0.01")
_TENTH = Decimal("0.1")


def _wage_json(distribution: Any) -> dict[str, str]:
    names = ("mean", "p10", "p25", "median", "p75", "p90")
    return {name: _wage_text(getattr(distribution, name)) for name in names}


def _wage_text(value: WageValue) -> str:
    if value.amount is None:
        return value.marker or "*"
    return format(value.amount.normalize(), "f")


def import_oews(root: Path, progress: Progress = _quiet) -> ImportReport:
    """Import BLS OEWS national employment and wage percentiles by SOC code."""
    reader = OewsReader(root / sources.OEWS_NATIONAL)
    report = ImportReport()
    desired: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    top_coded = 0
    for row in reader.occupations():
        hourly, annual = _wage_json(row.hourly), _wage_json(row.annual)
        top_coded += sum(value == "#" for value in (*hourly.values(), *annual.values()))
        desired[(row.soc_code,)] = (
            row.title,
            row.employment.count,
            row.employment.marker or "",
            row.employment_rse.quantize(_TENTH) if row.employment_rse is not None else None,
            hourly,
            annual,
            row.annual_only,
            row.hourly_only,
        )
    if not desired:
        raise DatasetError("BLS OEWS", sources.OEWS_NATIONAL, None, "no detailed occupations")
    top = reader.top_codes()
    if top is not None:
        report.notes["top_codes"] = {"hourly": str(top.hourly), "annual": str(top.annual)}
    report.counts["detailed occupations"] = len(desired)
    report.counts["top-coded wage values"] = top_coded
    changes, _ = sync_rows(
        Wage.objects.all(),
        ("soc_code",),
        (
            "title",
            "employment",
            "employment_marker",
            "employment_rse",
            "hourly",
            "annual",
            "annual_only",
            "hourly_only",
        ),
        desired,
    )
    report.changes.add(changes)
    progress(f"  {len(desired)} occupations with wages")
    _import_area_wages(root, report, progress)
    return report


_AREA_KINDS = {2: WageArea.Kind.STATE, 3: WageArea.Kind.STATE, 4: WageArea.Kind.METRO}


def _import_area_wages(root: Path, report: ImportReport, progress: Progress) -> None:
    """Import the optional state and metropolitan-area workbooks that are present."""
    present = [
        relative
        for relative in (sources.OEWS_STATE, sources.OEWS_METRO)
        if (root / relative).is_file()
    ]
    if not present:
        return
    # Areas and their rows leave only when both workbooks, a whole release, are here.
    complete = len(present) == 2
    areas: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    rows: dict[tuple[str, str], tuple[Any, ...]] = {}
    for relative in present:
        for row in OewsReader(root / relative).area_occupations():
            area, wage = row.area, row.occupation
            kind = _AREA_KINDS.get(area.area_type, WageArea.Kind.NONMETRO)
            areas[(area.code,)] = (area.title, kind, area.state)
            rows[(area.code, wage.soc_code)] = (
                wage.employment.count,
                wage.employment.marker or "",
                _wage_json(wage.hourly),
                _wage_json(wage.annual),
                wage.annual_only,
                wage.hourly_only,
            )
    changes, area_pks = sync_rows(
        WageArea.objects.all(),
        ("code",),
        ("title", "kind", "state"),
        areas,
        delete_missing=complete,
    )
    report.changes.add(changes)
    desired = {(area_pks[(code,)], soc): values for (code, soc), values in rows.items()}
    changes, _ = sync_rows(
        AreaWage.objects.all(),
        ("area_id", "soc_code"),
        ("employment", "employment_marker", "hourly", "annual", "annual_only", "hourly_only"),
        desired,
        delete_missing=complete,
    )
    report.changes.add(changes)
    kinds = [values[1] for values in areas.values()]
    report.counts["states with wages"] = kinds.count(WageArea.Kind.STATE)
    report.counts["metropolitan areas with wages"] = kinds.count(WageArea.Kind.METRO)
    report.counts["area wage rows"] = len(desired)
    progress(f"  {len(areas)} areas, {len(desired)} area wage rows")


def import_projections(root: Path, progress: Progress = _quiet) -> ImportReport:
    """Import BLS Employment Projections (Table 1.2) by SOC code."""
    report = ImportReport()
    desired: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for row in iter_projections(root / sources.PROJECTIONS):
        wage = row.median_annual_wage
        desired[(row.soc_code,)] = (
            row.title,
            row.start_year,
            row.end_year,
            row.employment_start.quantize(_TENTH),
            row.employment_end.quantize(_TENTH),
            row.change_number.quantize(_TENTH),
            row.change_percent.quantize(_TENTH),
            row.self_employed_percent.quantize(_TENTH)
            if row.self_employed_percent is not None
            else None,
            row.annual_openings.quantize(_TENTH),
            wage.amount.quantize(_CENTS) if wage.amount is not None else None,
            wage.marker or "",
            row.typical_education or "",
            row.work_experience or "",
            row.on_the_job_training or "",
        )
    if not desired:
        raise DatasetError(
            "BLS Employment Projections", sources.PROJECTIONS, None, "no detailed occupations"
        )
    report.counts["detailed occupations"] = len(desired)
    changes, _ = sync_rows(
        Projection.objects.all(),
        ("soc_code",),
        (
            "title",
            "start_year",
            "end_year",
            "employment_start",
            "employment_end",
            "change_number",
            "change_percent",
            "self_employed_percent",
            "annual_openings",
            "median_annual_wage",
            "median_wage_marker",
            "typical_education",
            "work_experience",
            "on_the_job_training",
        ),
        desired,
    )
    report.changes.add(changes)
    progress(f"  {len(desired)} occupations with projections")
    return report


IMPORTERS: dict[str, Callable[[Path, Progress], ImportReport]] = {
    "onet": import_onet,
    "esco": import_esco,
    "crosswalk": import_crosswalk,
    "oews": import_oews,
    "projections": import_projections,
}


# ---------------------------------------------------------------------------------------------
# One dataset, end to end


def files_checksum(root: Path, relatives: Iterable[str]) -> tuple[str, list[dict[str, Any]]]:
    """Return one SHA-256 over the files' digests, and each file's path, size and digest."""
    files = []
    combined = hashlib.sha256()
    for relative in relatives:
        digest = digest_file(root, relative)
        files.append({"path": digest.path, "size": digest.size, "sha256": digest.sha256})
        combined.update(f"{digest.path}\0{digest.sha256}\n".encode())
    return combined.hexdigest(), files


def import_dataset(
    source: sources.DatasetSource,
    root: Path,
    *,
    origin: str,
    force: bool = False,
    progress: Progress = _quiet,
) -> DatasetOutcome:
    """Verify and import one dataset from `root`, in one transaction, and record it.

    Skips the import when the files and the importer are those of the recorded import,
    unless `force`. Every file is checked whole first (`careerdata.integrity`): a truncated
    or damaged one, like any DatasetError, leaves the database as it was and returns a failed
    outcome whose message names the file (and line).
    """
    info = source.info
    started = time.perf_counter()
    present = [relative for relative in source.files if (root / relative).is_file()]
    missing = tuple(relative for relative in source.files if relative not in present)
    required = [relative for relative in missing if relative in source.required]
    if required:
        return DatasetOutcome(
            info.key,
            info.name,
            "failed",
            f"{info.name}: {', '.join(required)}: required file missing from {root}",
            missing=missing,
        )
    checksum, files = files_checksum(root, present)
    recorded = Dataset.objects.filter(key=info.key).first()
    if (
        recorded is not None
        and not force
        and recorded.checksum == checksum
        and recorded.importer_version == IMPORTER_VERSION
    ):
        return DatasetOutcome(
            info.key,
            info.name,
            "unchanged",
            "already imported from identical files",
            counts=recorded.counts,
            missing=missing,
            seconds=time.perf_counter() - started,
        )
    try:
        # Whole files only: a damaged or truncated one is refused before anything is written.
        check_dataset(source, root)
        with transaction.atomic():
            report = IMPORTERS[info.key](root, progress)
            warnings = _below_floors(info.key, report.counts)
            seconds = time.perf_counter() - started
            Dataset.objects.update_or_create(
                key=info.key,
                defaults={
                    "name": info.name,
                    "version": info.version,
                    "publisher": info.publisher,
                    "licence": info.licence,
                    "licence_url": info.licence_url,
                    "attribution": info.attribution,
                    "source": origin,
                    "checksum": checksum,
                    "files": files,
                    "missing_files": [_short_path(source, relative) for relative in missing],
                    "counts": report.counts,
                    "notes": {**report.notes, "warnings": warnings},
                    "importer_version": IMPORTER_VERSION,
                    "imported_at": timezone.now(),
                    "duration_seconds": round(seconds, 2),
                },
            )
    except DatasetError as error:
        return DatasetOutcome(
            info.key,
            info.name,
            "failed",
            str(error),
            missing=missing,
            seconds=time.perf_counter() - started,
        )
    return DatasetOutcome(
        info.key,
        info.name,
        "imported",
        str(report.changes),
        counts=report.counts,
        missing=missing,
        warnings=tuple(warnings),
        seconds=seconds,
    )


def _short_path(source: sources.DatasetSource, relative: str) -> str:
    # O*NET's optional files are best named as O*NET names them, e.g. "Skills.txt".
    return relative.rsplit("/", 1)[-1] if source.info.key == "onet" else relative


def _below_floors(key: str, counts: Mapping[str, int]) -> list[str]:
    floors = MINIMUM_COUNTS.get(key, {})
    return [
        f"only {counts[name]} {name}; a full release has at least {floor}"
        for name, floor in floors.items()
        if name in counts and counts[name] < floor
    ]

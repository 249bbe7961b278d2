"""Read ESCO from its official CSV download, straight from the zip archives.

ESCO ships two archives per version: the classification in one language
(`occupations_en.csv`, `skills_en.csv`, `ISCOGroups_en.csv`, ...) and the
language-independent relations (`occupationSkillRelations.csv`, `broaderRelationsOccPillar.csv`,
`broaderRelationsSkillPillar.csv`).
Members are found by name in any folder, with or without the language suffix.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ._tabular import FileRef, find_zip_member, iter_zip_csv_rows, split_labels

DATASET = "ESCO"

OCCUPATIONS = "occupations"
SKILLS = "skills"
ISCO_GROUPS = "ISCOGroups"
OCCUPATION_SKILL_RELATIONS = "occupationSkillRelations"
BROADER_OCCUPATIONS = "broaderRelationsOccPillar"
SKILL_GROUPS = "skillGroups"
BROADER_SKILLS = "broaderRelationsSkillPillar"

ESSENTIAL = "essential"
OPTIONAL = "optional"


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    uri: str
    preferred_label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    description: str
    isco_group: str  # four-digit ISCO-08 unit group, e.g. "2512"
    code: str  # ESCO code extending the ISCO group, e.g. "2512.4"


@dataclass(frozen=True, slots=True)
class EscoSkill:
    uri: str
    preferred_label: str
    alt_labels: tuple[str, ...]
    skill_type: str  # "skill/competence", "knowledge", or "" where ESCO leaves it blank
    reuse_level: str  # "transversal", "cross-sector", "sector-specific", "occupation-specific"
    description: str
    hidden_labels: tuple[str, ...] = ()  # words people use that ESCO does not show


@dataclass(frozen=True, slots=True)
class EscoOccupationSkill:
    occupation_uri: str
    skill_uri: str
    relation_type: str  # ESSENTIAL or OPTIONAL
    skill_type: str


@dataclass(frozen=True, slots=True)
class EscoIscoGroup:
    uri: str
    code: str
    preferred_label: str
    description: str


@dataclass(frozen=True, slots=True)
class EscoBroaderRelation:
    """One link of the occupation hierarchy: concept -> its broader concept."""

    concept_uri: str
    concept_type: str  # "Occupation" or "ISCOGroup"; "KnowledgeSkillCompetence" or "SkillGroup"
    broader_uri: str
    broader_type: str


@dataclass(frozen=True, slots=True)
class EscoSkillGroup:
    """A group of ESCO's skills hierarchy, e.g. "working with computers" or ISCED-F's "ICTs"."""

    uri: str
    preferred_label: str
    code: str


class EscoReader:
    """Stream records from the two ESCO CSV archives."""

    def __init__(self, classification_zip: Path, relations_zip: Path | None = None) -> None:
        self.classification_zip = classification_zip
        self.relations_zip = relations_zip

    def occupations(self) -> Iterator[EscoOccupation]:
        """Yield occupations with their labels, description and ISCO group."""
        columns = (
            "conceptUri",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
            "description",
            "iscoGroup",
            "code",
        )
        for line, (uri, label, alt, hidden, description, isco, code) in iter_zip_csv_rows(
            self.classification_zip, OCCUPATIONS, DATASET, columns
        ):
            _check_uri(self.classification_zip, OCCUPATIONS, line, uri, "/occupation/")
            yield EscoOccupation(
                uri,
                label.strip(),
                split_labels(alt),
                split_labels(hidden),
                description.strip(),
                isco.strip(),
                code.strip(),
            )

    def skills(self) -> Iterator[EscoSkill]:
        """Yield skills and knowledge concepts."""
        columns = (
            "conceptUri",
            "preferredLabel",
            "altLabels",
            "skillType",
            "reuseLevel",
            "description",
            "hiddenLabels",
        )
        for line, (uri, label, alt, skill_type, reuse, description, hidden) in iter_zip_csv_rows(
            self.classification_zip, SKILLS, DATASET, columns
        ):
            _check_uri(self.classification_zip, SKILLS, line, uri, "/skill/")
            yield EscoSkill(
                uri,
                label.strip(),
                split_labels(alt),
                skill_type,
                reuse,
                description.strip(),
                split_labels(hidden),
            )

    def isco_groups(self) -> Iterator[EscoIscoGroup]:
        """Yield ISCO-08 groups (major to unit level)."""
        columns = ("conceptUri", "code", "preferredLabel", "description")
        for line, (uri, code, label, description) in iter_zip_csv_rows(
            self.classification_zip, ISCO_GROUPS, DATASET, columns
        ):
            _check_uri(self.classification_zip, ISCO_GROUPS, line, uri, "/isco/")
            yield EscoIscoGroup(uri, code.strip(), label.strip(), description.strip())

    def occupation_skills(self) -> Iterator[EscoOccupationSkill]:
        """Yield essential and optional occupation-skill relations."""
        archive = self._relations()
        columns = ("occupationUri", "relationType", "skillType", "skillUri")
        for line, (occupation, relation, skill_type, skill) in iter_zip_csv_rows(
            archive, OCCUPATION_SKILL_RELATIONS, DATASET, columns
        ):
            if relation not in (ESSENTIAL, OPTIONAL):
                raise _member_ref(archive, OCCUPATION_SKILL_RELATIONS).error(
                    line, f"relationType: expected essential or optional, got {relation!r}"
                )
            yield EscoOccupationSkill(occupation, skill, relation, skill_type)

    def broader_occupations(self) -> Iterator[EscoBroaderRelation]:
        """Yield the occupation pillar's broader links (occupation and ISCO hierarchy)."""
        columns = ("conceptType", "conceptUri", "broaderType", "broaderUri")
        for _line, (concept_type, concept, broader_type, broader) in iter_zip_csv_rows(
            self._relations(), BROADER_OCCUPATIONS, DATASET, columns
        ):
            yield EscoBroaderRelation(concept, concept_type, broader, broader_type)

    def skill_groups(self) -> Iterator[EscoSkillGroup]:
        """Yield the groups of the skills hierarchy (skills, knowledge, transversal, language)."""
        columns = ("conceptUri", "preferredLabel", "code")
        for _line, (uri, label, code) in iter_zip_csv_rows(
            self.classification_zip, SKILL_GROUPS, DATASET, columns
        ):
            yield EscoSkillGroup(uri, label.strip(), code.strip())

    def broader_skills(self) -> Iterator[EscoBroaderRelation]:
        """Yield the skill pillar's broader links: skill -> broader skill or skill group."""
        columns = ("conceptType", "conceptUri", "broaderType", "broaderUri")
        for _line, (concept_type, concept, broader_type, broader) in iter_zip_csv_rows(
            self._relations(), BROADER_SKILLS, DATASET, columns
        ):
            yield EscoBroaderRelation(concept, concept_type, broader, broader_type)

    def _relations(self) -> Path:
        if self.relations_zip is None:
            raise FileRef(DATASET, "relations archive").error(None, "no relations archive given")
        return self.relations_zip


def _member_ref(archive: Path, stem: str) -> FileRef:
    with zipfile.ZipFile(archive) as opened:
        member = find_zip_member(opened, stem) or stem
    return FileRef(DATASET, f"{archive.name}:{member}")


def _check_uri(archive: Path, stem: str, line: int, uri: str, kind: str) -> None:
    if not uri.startswith("http://data.europa.eu/esco/") or kind not in uri:
        raise _member_ref(archive, stem).error(
            line, f"conceptUri: expected an ESCO {kind.strip('/')} URI, got {uri!r}"
        )

"""Read the O*NET database from its tab-separated text release (e.g. `db_29_3_text/`).

Every file is optional: a reader method for an absent file yields nothing, and
`OnetReader.files_missing` says which were absent. Scale scores are floats (they are survey
and model estimates); codes stay strings such as `15-1252.00`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._tabular import FileRef, iter_tab_rows

DATASET = "O*NET"
CODE = "O*NET-SOC Code"

OCCUPATION_DATA = "Occupation Data.txt"
ALTERNATE_TITLES = "Alternate Titles.txt"
REPORTED_TITLES = "Sample of Reported Titles.txt"
TASK_STATEMENTS = "Task Statements.txt"
TECHNOLOGY_SKILLS = "Technology Skills.txt"
INTERESTS = "Interests.txt"
JOB_ZONES = "Job Zones.txt"
JOB_ZONE_REFERENCE = "Job Zone Reference.txt"
RELATED_OCCUPATIONS = "Related Occupations.txt"
EDUCATION = "Education, Training, and Experience.txt"
EDUCATION_CATEGORIES = "Education, Training, and Experience Categories.txt"
SKILLS = "Skills.txt"
KNOWLEDGE = "Knowledge.txt"

FILES: tuple[str, ...] = (
    OCCUPATION_DATA,
    ALTERNATE_TITLES,
    REPORTED_TITLES,
    TASK_STATEMENTS,
    TECHNOLOGY_SKILLS,
    INTERESTS,
    JOB_ZONES,
    JOB_ZONE_REFERENCE,
    RELATED_OCCUPATIONS,
    EDUCATION,
    EDUCATION_CATEGORIES,
    SKILLS,
    KNOWLEDGE,
)

# Interests.txt element names, in RIASEC order, and the high-point numbering (1 = R ... 6 = C).
RIASEC_ELEMENTS = (
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
)
HIGH_POINT_ELEMENTS = (
    "First Interest High-Point",
    "Second Interest High-Point",
    "Third Interest High-Point",
)
RIASEC_LETTERS = "RIASEC"

# Scale IDs in Education, Training, and Experience.txt.
REQUIRED_EDUCATION = "RL"
RELATED_EXPERIENCE = "RW"
ON_SITE_TRAINING = "PT"
ON_THE_JOB_TRAINING = "OJ"


@dataclass(frozen=True, slots=True)
class OnetOccupation:
    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class OnetAlternateTitle:
    code: str
    title: str
    short_title: str | None
    sources: tuple[str, ...]  # O*NET source codes, e.g. ("04", "06")


@dataclass(frozen=True, slots=True)
class OnetReportedTitle:
    code: str
    title: str
    shown_in_my_next_move: bool


@dataclass(frozen=True, slots=True)
class OnetTask:
    code: str
    task_id: int
    statement: str
    task_type: str | None  # "Core", "Supplemental", or None where O*NET writes n/a
    incumbents_responding: int | None


@dataclass(frozen=True, slots=True)
class OnetTechnologySkill:
    code: str
    example: str
    commodity_code: int
    commodity_title: str
    hot_technology: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class OnetInterests:
    """OI-scale interest scores (1 to 7) and the high-point code, e.g. "IRC"."""

    code: str
    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    high_points: str

    @property
    def scores(self) -> tuple[float, float, float, float, float, float]:
        """Return the six scores in RIASEC order."""
        return (
            self.realistic,
            self.investigative,
            self.artistic,
            self.social,
            self.enterprising,
            self.conventional,
        )


@dataclass(frozen=True, slots=True)
class OnetJobZone:
    code: str
    job_zone: int


@dataclass(frozen=True, slots=True)
class OnetJobZoneReference:
    job_zone: int
    name: str
    experience: str
    education: str
    job_training: str
    examples: str
    svp_range: str


@dataclass(frozen=True, slots=True)
class OnetRelatedOccupation:
    code: str
    related_code: str
    tier: str  # "Primary-Short", "Primary-Long" or "Supplemental"
    rank: int


@dataclass(frozen=True, slots=True)
class OnetCategoryShare:
    """The share of respondents (percent) who chose one category of a scale."""

    category: int
    description: str | None  # None when the Categories file is absent
    percent: float


@dataclass(frozen=True, slots=True)
class OnetPreparation:
    """The most common answer per scale of Education, Training, and Experience."""

    code: str
    education: OnetCategoryShare | None
    related_experience: OnetCategoryShare | None
    on_site_training: OnetCategoryShare | None
    on_the_job_training: OnetCategoryShare | None


@dataclass(frozen=True, slots=True)
class OnetElementRating:
    """Importance (IM, 1-5) and level (LV, 0-7) of a skill or knowledge element."""

    code: str
    element_id: str
    element_name: str
    importance: float | None
    level: float | None


class OnetReader:
    """Stream records from an O*NET text release folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files_read: list[str] = []

    @property
    def files_present(self) -> tuple[str, ...]:
        """Return the known files found in the folder."""
        return tuple(name for name in FILES if (self.folder / name).is_file())

    @property
    def files_missing(self) -> tuple[str, ...]:
        """Return the known files absent from the folder."""
        return tuple(name for name in FILES if not (self.folder / name).is_file())

    def _rows(self, name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
        path = self.folder / name
        if not path.is_file():
            return
        self.files_read.append(name)
        yield from iter_tab_rows(path, FileRef(DATASET, name), columns)

    def occupations(self) -> Iterator[OnetOccupation]:
        """Yield each occupation's code, title and description."""
        for line, (code, title, description) in self._rows(
            OCCUPATION_DATA, (CODE, "Title", "Description")
        ):
            _check_code(OCCUPATION_DATA, line, code)
            yield OnetOccupation(code, title, description)

    def alternate_titles(self) -> Iterator[OnetAlternateTitle]:
        """Yield alternate titles with their short form and O*NET source codes."""
        for line, (code, title, short, sources) in self._rows(
            ALTERNATE_TITLES, (CODE, "Alternate Title", "Short Title", "Source(s)")
        ):
            _check_code(ALTERNATE_TITLES, line, code)
            yield OnetAlternateTitle(
                code,
                title,
                None if short in ("", "n/a") else short,
                tuple(part.strip() for part in sources.split(",") if part.strip()),
            )

    def reported_titles(self) -> Iterator[OnetReportedTitle]:
        """Yield job titles reported by incumbents (Sample of Reported Titles)."""
        ref = FileRef(DATASET, REPORTED_TITLES)
        for line, (code, title, shown) in self._rows(
            REPORTED_TITLES, (CODE, "Reported Job Title", "Shown in My Next Move")
        ):
            _check_code(REPORTED_TITLES, line, code)
            yield OnetReportedTitle(code, title, ref.to_flag(line, "Shown in My Next Move", shown))

    def tasks(self) -> Iterator[OnetTask]:
        """Yield task statements."""
        ref = FileRef(DATASET, TASK_STATEMENTS)
        for line, (code, task_id, statement, task_type, incumbents) in self._rows(
            TASK_STATEMENTS, (CODE, "Task ID", "Task", "Task Type", "Incumbents Responding")
        ):
            _check_code(TASK_STATEMENTS, line, code)
            yield OnetTask(
                code,
                ref.to_int(line, "Task ID", task_id),
                statement,
                None if task_type in ("", "n/a") else task_type,
                None
                if incumbents in ("", "n/a")
                else ref.to_int(line, "Incumbents Responding", incumbents),
            )

    def technology_skills(self) -> Iterator[OnetTechnologySkill]:
        """Yield technology examples with their UNSPSC commodity and hot/in-demand flags."""
        ref = FileRef(DATASET, TECHNOLOGY_SKILLS)
        for line, (code, example, commodity, title, hot, demand) in self._rows(
            TECHNOLOGY_SKILLS,
            (CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"),
        ):
            _check_code(TECHNOLOGY_SKILLS, line, code)
            yield OnetTechnologySkill(
                code,
                example,
                ref.to_int(line, "Commodity Code", commodity),
                title,
                ref.to_flag(line, "Hot Technology", hot),
                ref.to_flag(line, "In Demand", demand),
            )

    def interests(self) -> Iterator[OnetInterests]:
        """Yield one RIASEC profile per occupation that has all six OI scores."""
        ref = FileRef(DATASET, INTERESTS)
        scores: dict[str, dict[str, float]] = {}
        high_points: dict[str, dict[str, int]] = {}
        first_line: dict[str, int] = {}
        for line, (code, element, scale, value) in self._rows(
            INTERESTS, (CODE, "Element Name", "Scale ID", "Data Value")
        ):
            _check_code(INTERESTS, line, code)
            first_line.setdefault(code, line)
            if scale == "OI" and element in RIASEC_ELEMENTS:
                scores.setdefault(code, {})[element] = ref.to_float(line, "Data Value", value)
            elif scale == "IH" and element in HIGH_POINT_ELEMENTS:
                number = round(ref.to_float(line, "Data Value", value))
                if not 0 <= number <= len(RIASEC_LETTERS):
                    raise ref.error(line, f"Data Value: high-point {value!r} is not 0-6")
                high_points.setdefault(code, {})[element] = number
        for code, by_element in scores.items():
            absent = [name for name in RIASEC_ELEMENTS if name not in by_element]
            if absent:
                raise ref.error(first_line[code], f"{code} lacks OI score(s) for {absent}")
            points = high_points.get(code, {})
            letters = "".join(
                RIASEC_LETTERS[points[name] - 1]
                for name in HIGH_POINT_ELEMENTS
                if points.get(name, 0) > 0
            )
            r, i, a, s_, e, c = (by_element[name] for name in RIASEC_ELEMENTS)
            yield OnetInterests(code, r, i, a, s_, e, c, letters)

    def job_zones(self) -> Iterator[OnetJobZone]:
        """Yield each occupation's job zone (1-5)."""
        ref = FileRef(DATASET, JOB_ZONES)
        for line, (code, zone) in self._rows(JOB_ZONES, (CODE, "Job Zone")):
            _check_code(JOB_ZONES, line, code)
            number = ref.to_int(line, "Job Zone", zone)
            if not 1 <= number <= 5:
                raise ref.error(line, f"Job Zone: expected 1-5, got {zone!r}")
            yield OnetJobZone(code, number)

    def job_zone_reference(self) -> Iterator[OnetJobZoneReference]:
        """Yield the words O*NET uses to explain each job zone."""
        ref = FileRef(DATASET, JOB_ZONE_REFERENCE)
        columns = (
            "Job Zone",
            "Name",
            "Experience",
            "Education",
            "Job Training",
            "Examples",
            "SVP Range",
        )
        for line, (zone, *texts) in self._rows(JOB_ZONE_REFERENCE, columns):
            yield OnetJobZoneReference(ref.to_int(line, "Job Zone", zone), *texts)

    def related_occupations(self) -> Iterator[OnetRelatedOccupation]:
        """Yield related-occupation links in O*NET's order."""
        ref = FileRef(DATASET, RELATED_OCCUPATIONS)
        for line, (code, related, tier, index) in self._rows(
            RELATED_OCCUPATIONS, (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
        ):
            _check_code(RELATED_OCCUPATIONS, line, code)
            _check_code(RELATED_OCCUPATIONS, line, related)
            yield OnetRelatedOccupation(code, related, tier, ref.to_int(line, "Index", index))

    def education_categories(self) -> dict[tuple[str, int], str]:
        """Return category descriptions keyed by (scale ID, category number)."""
        ref = FileRef(DATASET, EDUCATION_CATEGORIES)
        return {
            (scale, ref.to_int(line, "Category", category)): description
            for line, (scale, category, description) in self._rows(
                EDUCATION_CATEGORIES, ("Scale ID", "Category", "Category Description")
            )
        }

    def preparation(self) -> Iterator[OnetPreparation]:
        """Yield per occupation the most common education, experience and training answers."""
        descriptions = self.education_categories()
        ref = FileRef(DATASET, EDUCATION)
        scales = (REQUIRED_EDUCATION, RELATED_EXPERIENCE, ON_SITE_TRAINING, ON_THE_JOB_TRAINING)
        best: dict[str, dict[str, tuple[float, int]]] = {}
        for line, (code, scale, category, value) in self._rows(
            EDUCATION, (CODE, "Scale ID", "Category", "Data Value")
        ):
            _check_code(EDUCATION, line, code)
            by_scale = best.setdefault(code, {})
            if scale not in scales:
                continue
            share = ref.to_float(line, "Data Value", value)
            number = ref.to_int(line, "Category", category)
            current = by_scale.get(scale)
            # Ties go to the lower category: the smaller requirement is the safer claim.
            if current is None or share > current[0]:
                by_scale[scale] = (share, number)

        def pick(by_scale: dict[str, tuple[float, int]], scale: str) -> OnetCategoryShare | None:
            if scale not in by_scale:
                return None
            share, number = by_scale[scale]
            return OnetCategoryShare(number, descriptions.get((scale, number)), share)

        for code, by_scale in best.items():
            yield OnetPreparation(code, *(pick(by_scale, scale) for scale in scales))

    def skills(self) -> Iterator[OnetElementRating]:
        """Yield skill importance and level per occupation (Skills.txt)."""
        return self._ratings(SKILLS)

    def knowledge(self) -> Iterator[OnetElementRating]:
        """Yield knowledge importance and level per occupation (Knowledge.txt)."""
        return self._ratings(KNOWLEDGE)

    def _ratings(self, name: str) -> Iterator[OnetElementRating]:
        ref = FileRef(DATASET, name)
        ratings: dict[tuple[str, str], list[Any]] = {}
        for line, (code, element_id, element_name, scale, value) in self._rows(
            name, (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")
        ):
            _check_code(name, line, code)
            entry = ratings.setdefault((code, element_id), [element_name, None, None])
            if scale == "IM":
                entry[1] = ref.to_float(line, "Data Value", value)
            elif scale == "LV":
                entry[2] = ref.to_float(line, "Data Value", value)
        for (code, element_id), (element_name, importance, level) in ratings.items():
            yield OnetElementRating(
                code,
                element_id,
                str(element_name),
                importance if isinstance(importance, float) else None,
                level if isinstance(level, float) else None,
            )


def soc_code(onet_code: str) -> str:
    """Return the BLS SOC code (e.g. `15-1252`) of an O*NET-SOC code (`15-1252.00`)."""
    return onet_code[:7]


def _check_code(name: str, line: int, code: str) -> None:
    # NN-NNNN.NN: cheap structural check that catches shifted columns.
    if (
        len(code) != 10
        or code[2] != "-"
        or code[7] != "."
        or not (code[:2] + code[3:7] + code[8:]).isdigit()
    ):
        raise FileRef(DATASET, name).error(line, f"not an O*NET-SOC code: {code!r}")

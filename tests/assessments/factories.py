"""Career data, questionnaire items and attempts for the assessments tests.

Career rows are written directly (a small, known slice of O*NET, ESCO and BLS); the user's own
rows go through the services, so the rules under test are the real ones.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from headway.accounts.models import User
from headway.assessments import services
from headway.assessments.importer import import_item_pool
from headway.assessments.models import InterestAttempt
from headway.careers.models import JobZone, Occupation, OccupationSkill, Projection, Skill, Wage
from headway.careers.services import vision_target_set
from headway.domain.riasec import TYPES
from headway.plans.services import vision_save

CODES = [f"{t}{n}" for t in TYPES for n in range(1, 9)]
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"


def codebook_text() -> str:
    """Return a codebook in the published layout: preamble, tab-separated items, more scales."""
    lines = [
        "The following items were rated on a 1-5 scale of how much they would like to perform",
        "that task, with the labels 1=Dislike, 3=Neutral, 5=Enjoy.",
        "",
    ]
    lines += [f"{code}\tActivity {code} at work" for code in CODES]
    lines += ["", "TIPI1\tExtraverted, enthusiastic.", "VCL1\tboat", ""]
    return "\n".join(lines)


def write_codebook(folder: Path, text: str | None = None) -> Path:
    """Write a codebook where the importer looks for it under `folder`; return `folder`."""
    (folder / "riasec").mkdir(parents=True, exist_ok=True)
    (folder / "riasec" / "IIP_RIASEC_codebook.txt").write_text(
        codebook_text() if text is None else text, encoding="utf-8"
    )
    return folder


def load_items() -> None:
    """Import the 48 items from a codebook written to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        import_item_pool(write_codebook(Path(folder)))


def answers_for(ratings: dict[str, int]) -> dict[str, int]:
    """Return an answer for every item: each type's items get that type's rating (default 1)."""
    return {code: ratings.get(code[0], 1) for code in CODES}


def finished_attempt(user: User, **ratings: int) -> InterestAttempt:
    """Take the whole questionnaire for `user`, one rating per type, and finish it."""
    load_items()
    attempt, _ = services.attempt_start(user=user)
    services.answers_save(attempt=attempt, answers=answers_for(ratings))
    return services.attempt_complete(attempt=attempt)


@dataclass
class CareerData:
    occupations: dict[str, Occupation] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)


# code: title, interests R I A S E C, job zone, median pay, growth %
ONET: dict[str, tuple[str, tuple[float, ...], int, str, str]] = {
    "15-1252.00": ("Software Developers", (2.5, 6.9, 3.0, 1.9, 2.6, 4.6), 4, "132270", "17.9"),
    "19-1029.00": ("Biologists", (3.6, 7.0, 2.8, 2.3, 1.9, 3.0), 5, "87300", "5.0"),
    "27-1024.00": ("Graphic Designers", (2.3, 2.4, 6.9, 2.4, 3.9, 3.0), 3, "58910", "2.4"),
    "29-1141.00": ("Registered Nurses", (2.6, 4.7, 1.6, 6.9, 2.4, 3.2), 3, "86070", "5.6"),
    "41-2031.00": ("Retail Salespersons", (1.6, 1.4, 1.8, 4.4, 6.0, 4.1), 2, "33900", "-1.9"),
    "47-2031.00": ("Carpenters", (6.9, 2.7, 2.7, 1.6, 2.4, 3.7), 2, "#", "4.2"),
}
# key: label, alternative labels
SKILLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "javascript": ("JavaScript", ("JS", "ECMAScript")),
    "sql": ("SQL", ("structured query language",)),
    "debug": ("debug software", ("software debugging", "fix bugs")),
    "projects": ("manage projects", ("project management",)),
    "python": ("Python (computer programming)", ("Python",)),
    "speaking": ("public speaking", ("presenting to an audience",)),
    "spreadsheets": ("use spreadsheets software", ("Excel", "spreadsheets")),
}
# ESCO occupations: key -> label, ISCO group, O*NET match, direct, {skill key: relation}
ESCO: dict[str, tuple[str, str, str | None, bool, dict[str, str]]] = {
    "software-developer": (
        "software developer",
        "2512",
        "15-1252.00",
        True,
        {
            "javascript": "essential",
            "sql": "essential",
            "debug": "essential",
            "projects": "optional",
            "python": "optional",
        },
    ),
    "ict-application-developer": (
        "ICT application developer",
        "2512",
        None,
        False,
        {"javascript": "essential", "sql": "optional", "python": "essential"},
    ),
    "mobile-developer": (
        "mobile app developer",
        "2512",
        None,
        False,
        {"javascript": "essential"},
    ),
    "shop-assistant": (
        "shop assistant",
        "5223",
        "41-2031.00",
        True,
        {"speaking": "essential", "spreadsheets": "optional"},
    ),
}


def make_career_data() -> CareerData:
    """Write a small, known slice of the career datasets."""
    data = CareerData()
    for zone in range(1, 6):
        JobZone.objects.create(
            zone=zone,
            name=f"Job Zone {zone}",
            experience="",
            education="",
            training="",
            examples="",
            svp_range="",
        )
    for code, (title, scores, zone, pay, growth) in ONET.items():
        soc = code[:7]
        high = "".join(sorted(TYPES, key=lambda t: -scores[TYPES.index(t)])[:3])
        data.occupations[code] = Occupation.objects.create(
            source=Occupation.Source.ONET,
            code=code,
            key=code,
            title=title,
            soc_code=soc,
            job_zone=zone,
            interest_code=high,
            **{f"interest_{t.lower()}": s for t, s in zip(TYPES, scores, strict=True)},
        )
        Wage.objects.create(soc_code=soc, title=title, annual={"median": pay}, hourly={})
        Projection.objects.create(
            soc_code=soc,
            title=title,
            start_year=2024,
            end_year=2034,
            employment_start=Decimal("100.0"),
            employment_end=Decimal("100.0") * (1 + Decimal(growth) / 100),
            change_number=Decimal(growth),
            change_percent=Decimal(growth),
            annual_openings=Decimal("10.0"),
        )
    for key, (label, alts) in SKILLS.items():
        data.skills[key] = Skill.objects.create(
            uri=ESCO_SKILL + key, label=label, alt_labels="\n".join(alts), skill_type="skill"
        )
    for key, (label, isco, onet, direct, links) in ESCO.items():
        occupation = Occupation.objects.create(
            source=Occupation.Source.ESCO,
            code=ESCO_OCCUPATION + key,
            key=key,
            title=label,
            isco_group=isco,
            onet_match=data.occupations[onet] if onet else None,
            crosswalk_direct=direct,
        )
        data.occupations[key] = occupation
        for skill_key, relation in links.items():
            OccupationSkill.objects.create(
                occupation=occupation, skill=data.skills[skill_key], relation=relation
            )
    return data


def set_target(user: User, occupation: Occupation, horizon: int = 5) -> None:
    """Give `user` a vision at `horizon` aiming at `occupation`."""
    vision = vision_save(user=user, horizon=horizon, data={"target_role": occupation.title})
    vision_target_set(vision=vision, occupation=occupation)


def add_skill(user: User, **kwargs: Any) -> Any:
    """Add a rated skill through the service; defaults rate it 3 and 3."""
    kwargs.setdefault("proficiency", 3)
    kwargs.setdefault("enjoyment", 3)
    skill, _merged = services.user_skill_add(user=user, **kwargs)
    return skill

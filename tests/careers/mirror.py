"""A tiny data mirror in the publishers' formats, with made-up content, for the careers tests.

Seven O*NET occupations, nine ESCO occupations, a crosswalk with outdated O*NET-SOC 2010
codes (and O*NET's 2010-to-2019 crosswalk for them, optional) and one pair far apart, BLS
workbooks with top-coded (#) and unpublished (*) wages. `Skills.txt` is left out,
as in the shared mirror. Every text here is written for the tests, not taken from a release.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl

from headway.domain.careerdata import integrity, sources

ESCO = "http://data.europa.eu/esco/occupation/"
SKILL = "http://data.europa.eu/esco/skill/"
ISCO = "http://data.europa.eu/esco/isco/C"


def esco_uri(n: int) -> str:
    """Return the URI of fixture ESCO occupation `n`."""
    return f"{ESCO}00000000-0000-4000-8000-{n:012d}"


def skill_uri(n: int) -> str:
    return f"{SKILL}00000000-0000-4000-9000-{n:012d}"


SOFTWARE_ESCO = esco_uri(1)
APP_DEVELOPER_ESCO = esco_uri(2)  # narrower than SOFTWARE_ESCO, no crosswalk row of its own
NURSE_ESCO = esco_uri(3)
SPECIALIST_NURSE_ESCO = esco_uri(4)
CEO_ESCO = esco_uri(5)
COOK_ESCO = esco_uri(6)
ACTOR_ESCO = esco_uri(7)
BIRD_ESCO = esco_uri(8)  # no crosswalk row, no broader occupation: no O*NET match
CALL_CENTRE_ESCO = esco_uri(9)  # its crosswalk row names an O*NET occupation far from it

# code, title, description, job zone, OI scores R I A S E C, high points (1-6)
ONET = [
    (
        "15-1252.00",
        "Software Developers",
        "Design and build computer programs.",
        4,
        (3.9, 5.9, 2.3, 1.9, 1.9, 5.5),
        (2, 6, 1),
    ),
    (
        "15-1251.00",
        "Computer Programmers",
        "Write and test program code.",
        4,
        (3.5, 5.2, 2.5, 1.6, 2.1, 5.9),
        (6, 2, 1),
    ),
    (
        "29-1141.00",
        "Registered Nurses",
        "Care for patients and give treatments.",
        3,
        (2.6, 4.1, 1.9, 6.6, 2.4, 4.2),
        (4, 6, 2),
    ),
    (
        "11-1011.00",
        "Chief Executives",
        "Direct an organisation at the highest level.",
        5,
        (1.3, 2.6, 2.0, 3.4, 7.0, 4.9),
        (5, 6, 4),
    ),
    (
        "35-2014.00",
        "Cooks, Restaurant",
        "Prepare meals in a restaurant kitchen.",
        2,
        (6.1, 1.9, 3.2, 2.2, 3.3, 4.6),
        (1, 6, 5),
    ),
    (
        "27-2011.00",
        "Actors",
        "Play parts on stage, film or radio.",
        2,
        (1.6, 1.9, 7.0, 3.6, 4.3, 1.2),
        (3, 5, 4),
    ),
    ("13-1199.05", "Sustainability Specialists", "Advise on sustainable practice.", None, None, ()),
]
ALTERNATE = [
    ("15-1252.00", "Application Developer", "n/a", "08"),
    ("15-1252.00", "Software Engineer", "n/a", "08, 10"),
    ("15-1251.00", "Coder", "n/a", "08"),
    ("29-1141.00", "Registered Nurse (RN)", "RN", "08"),
    ("29-1141.00", "Staff Nurse", "n/a", "10"),
    ("11-1011.00", "Chief Executive Officer (CEO)", "CEO", "08"),
    ("35-2014.00", "Line Cook", "n/a", "08"),
    ("27-2011.00", "Stage Actor", "n/a", "08"),
]
REPORTED = [
    ("15-1252.00", "Software Developer", "Y"),
    ("29-1141.00", "Charge Nurse", "Y"),
    ("35-2014.00", "Grill Cook", "N"),
]
TASKS = [
    ("15-1252.00", 101, "Analyse what users need from a program.", "Core", "40"),
    ("15-1252.00", 102, "Test programs and fix defects.", "Core", "38"),
    ("15-1252.00", 103, "Write documentation for other developers.", "Supplemental", "21"),
    ("15-1251.00", 201, "Write program code from specifications.", "Core", "30"),
    ("29-1141.00", 301, "Record patients' symptoms and treatments.", "Core", "55"),
    ("11-1011.00", 401, "Set the organisation's budget.", "Core", "n/a"),
    ("35-2014.00", 501, "Grill and fry meat and vegetables.", "Core", "12"),
    ("27-2011.00", 601, "Learn lines and rehearse scenes.", "n/a", "n/a"),
]
TECHNOLOGY = [
    (
        "15-1252.00",
        "Python",
        "43232701",
        "Object or component oriented development software",
        "Y",
        "Y",
    ),
    ("15-1252.00", "Git", "43232702", "Configuration management software", "Y", "N"),
    ("15-1252.00", "Spreadsheet program", "43232110", "Spreadsheet software", "N", "N"),
    ("29-1141.00", "Patient charting system", "43231511", "Medical software", "Y", "N"),
]
RELATED = [
    ("15-1252.00", "15-1251.00", "Primary-Short", "1"),
    ("15-1251.00", "15-1252.00", "Primary-Short", "1"),
    ("29-1141.00", "11-1011.00", "Supplemental", "12"),
]
ZONES = [
    (
        1,
        "Job Zone One: Little or No Preparation Needed",
        "No experience needed.",
        "Some may need a high school diploma.",
        "A few days of training.",
        "Dishwashers.",
        "(Below 4.0)",
    ),
    (
        2,
        "Job Zone Two: Some Preparation Needed",
        "Some experience helps.",
        "Usually a high school diploma.",
        "A few months of training.",
        "Tellers.",
        "(4.0 to < 6.0)",
    ),
    (
        3,
        "Job Zone Three: Medium Preparation Needed",
        "Previous experience is required.",
        "Most need vocational training or an associate's degree.",
        "A year or two of training.",
        "Electricians.",
        "(6.0 to < 7.0)",
    ),
    (
        4,
        "Job Zone Four: Considerable Preparation Needed",
        "Several years of experience.",
        "Most of these occupations require a four-year bachelor's degree, but some do not.",
        "Several years of work-related experience.",
        "Accountants.",
        "(7.0 to < 8.0)",
    ),
    (
        5,
        "Job Zone Five: Extensive Preparation Needed",
        "Extensive experience.",
        "Most need a graduate degree.",
        "Some need years of training.",
        "Lawyers.",
        "(8.0 and above)",
    ),
]
EDUCATION_CATEGORIES = [
    ("2.D.1", "Required Level of Education", "RL", 2, "High School Diploma"),
    ("2.D.1", "Required Level of Education", "RL", 6, "Bachelor's Degree"),
    ("3.A.1", "Related Work Experience", "RW", 3, "Over 3 months, up to and including 6 months"),
]
EDUCATION = [
    ("15-1252.00", "2.D.1", "Required Level of Education", "RL", 6, "71.00"),
    ("15-1252.00", "2.D.1", "Required Level of Education", "RL", 2, "9.00"),
    ("15-1252.00", "3.A.1", "Related Work Experience", "RW", 3, "40.00"),
    ("29-1141.00", "2.D.1", "Required Level of Education", "RL", 6, "55.00"),
]
KNOWLEDGE = [
    ("15-1252.00", "2.C.3.a", "Computers and Electronics", "IM", "4.60"),
    ("15-1252.00", "2.C.3.a", "Computers and Electronics", "LV", "5.90"),
    ("15-1252.00", "2.C.4.a", "Mathematics", "IM", "3.70"),
    ("15-1252.00", "2.C.4.a", "Mathematics", "LV", "4.20"),
]

# n, preferred label, ISCO group, ESCO code, alt labels, description
ESCO_OCCUPATIONS = [
    (
        1,
        "software developer",
        "2512",
        "2512.4",
        ["software engineer", "programmer"],
        "Implements software systems from specifications.",
    ),
    (
        2,
        "ICT application developer",
        "2512",
        "2512.4.1",
        ["app developer"],
        "Builds application software for users.",
    ),
    (
        3,
        "nurse responsible for general care",
        "2221",
        "2221.1",
        ["registered nurse", "general nurse"],
        "Promotes the health of patients and gives care.",
    ),
    (4, "specialist nurse", "2221", "2221.2", ["nurse specialist"], "Gives care in one field."),
    (
        5,
        "chief executive officer",
        "1120",
        "1120.1",
        ["CEO", "managing director"],
        "Leads a company.",
    ),
    (6, "cook", "5120", "5120.1", ["line cook", "kitchen cook"], "Prepares food."),
    (7, "actor/actress", "2655", "2655.1", ["performer"], "Plays roles in performances."),
    (8, "ornithologist", "2131", "2131.9", ["bird scientist"], "Studies birds."),
    (
        9,
        "call centre analyst",
        "3341",
        "3341.1",
        ["contact centre analyst"],
        "Analyses call volumes and waiting times of a call centre.",
    ),
]
ESCO_SKILLS = [
    (1, "debug software", "skill/competence", "sector-specific", ["fix software defects"]),
    (2, "use software design patterns", "skill/competence", "sector-specific", []),
    (3, "Python (computer programming)", "knowledge", "sector-specific", ["Python"]),
    (4, "administer medication", "skill/competence", "sector-specific", ["give medicines"]),
    (5, "care for patients", "skill/competence", "cross-sector", []),
    (6, "manage budgets", "skill/competence", "cross-sector", ["budget management"]),
    (7, "prepare food", "skill/competence", "sector-specific", []),
    (8, "act for an audience", "skill/competence", "occupation-specific", []),
    (9, "computer programming", "knowledge", "sector-specific", ["programming"]),
]
# ESCO's skills hierarchy: group n, label; then skill n -> broader skill n or group URI
SKILL_GROUP = "http://data.europa.eu/esco/skill/00000000-0000-4000-a000-"
SKILL_GROUPS = [(1, "working with computers"), (2, "caring for others")]
SKILL_BROADER = [(3, skill_uri(9)), (9, f"{SKILL_GROUP}{1:012d}"), (5, f"{SKILL_GROUP}{2:012d}")]
# occupation n, skill n, relation
ESCO_RELATIONS = [
    (1, 1, "essential"),
    (1, 2, "essential"),
    (1, 3, "optional"),
    (2, 1, "essential"),
    (2, 3, "optional"),
    (3, 4, "essential"),
    (3, 5, "essential"),
    (3, 6, "optional"),
    (4, 5, "essential"),
    (5, 6, "essential"),
    (6, 7, "essential"),
    (7, 8, "essential"),
    (2, 9, "essential"),
]
ISCO_GROUPS = [
    ("2", "Professionals"),
    ("25", "ICT professionals"),
    ("2512", "Software developers"),
    ("2221", "Nursing professionals"),
    ("1120", "Managing directors"),
    ("5120", "Cooks"),
    ("2655", "Actors"),
    ("2131", "Biologists"),
    ("3341", "Office supervisors"),
]
# ESCO n, onet code, onet title (the crosswalk's O*NET-SOC 2010 names), confidence
CROSSWALK = [
    (1, "15-1132.00", "software developers, applications", 2.0),
    (3, "29-1141.00", "registered nurses", 2.0),
    (4, "29-1141.00", "registered nurses", 1.0),
    (5, "11-1011.00", "chief executives", 2.0),
    (6, "35-2014.00", "cooks, restaurant", 2.0),
    (7, "27-2011.00", "actors", 1.0),
    (9, "15-1131.00", "computer programmers", 1.0),
]
# O*NET's 2010-to-2019 taxonomy crosswalk: 2010 code, 2010 title, 2019 code, 2019 title
TAXONOMY = [
    ("15-1131.00", "Computer Programmers", "15-1251.00", "Computer Programmers"),
    ("15-1132.00", "Software Developers, Applications", "15-1252.00", "Software Developers"),
    ("29-1141.00", "Registered Nurses", "29-1141.00", "Registered Nurses"),
]

OEWS_HEADER = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "NAICS",
    "NAICS_TITLE",
    "I_GROUP",
    "OWN_CODE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "EMP_PRSE",
    "JOBS_1000",
    "LOC_QUOTIENT",
    "PCT_TOTAL",
    "PCT_RPT",
    "H_MEAN",
    "A_MEAN",
    "MEAN_PRSE",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "ANNUAL",
    "HOURLY",
]
# SOC, title, group, employment, hourly (mean, 10, 25, 50, 75, 90), annual (...), annual, hourly
OEWS = [
    (
        "00-0000",
        "All Occupations",
        "total",
        150000000,
        (30, 14, 17, 23, 37, 60),
        (62400, 29120, 35360, 47840, 76960, 124800),
        None,
        None,
    ),
    (
        "15-1000",
        "Computer Occupations",
        "minor",
        5000000,
        (55, 30, 40, 52, 68, 85),
        (114400, 62400, 83200, 108160, 141440, 176800),
        None,
        None,
    ),
    (
        "15-1252",
        "Software Developers",
        "detailed",
        1600000,
        (65, 38, 50, 62.5, 80, 100),
        (135200, 79040, 104000, 130000, 166400, 208000),
        None,
        None,
    ),
    (
        "15-1251",
        "Computer Programmers",
        "detailed",
        120000,
        (50, 28, 37, 47.5, 62, 80),
        (104000, 58240, 76960, 98800, 128960, 166400),
        None,
        None,
    ),
    (
        "29-1141",
        "Registered Nurses",
        "detailed",
        3200000,
        (46, 31, 37, 45, 52, 65),
        (95680, 64480, 76960, 93600, 108160, 135200),
        None,
        None,
    ),
    (
        "11-1011",
        "Chief Executives",
        "detailed",
        200000,
        (125, 35, 60, 100, "#", "#"),
        (260000, 72800, 124800, 208000, "#", "#"),
        None,
        None,
    ),
    (
        "35-2014",
        "Cooks, Restaurant",
        "detailed",
        1400000,
        (17, 13, 15, 17, 19, 21),
        (35360, 27040, 31200, 35360, 39520, 43680),
        None,
        None,
    ),
    (
        "27-2011",
        "Actors",
        "detailed",
        "**",
        (30, 12, 17, 25, 40, 70),
        ("*", "*", "*", "*", "*", "*"),
        None,
        "TRUE",
    ),
]
TOP_CODE_NOTE = (
    "#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year "
)

EP_HEADER = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024\u201334",
    "Employment change, percent, 2024\u201334",
    "Percent self employed, 2024",
    "Occupational openings, 2024\u201334 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]
# SOC, title, type, employment 2024 and 2034, change, %, openings, wage, education, experience,
# training
EP = [
    (
        "00-0000",
        "Total, all occupations",
        "Summary",
        170000.0,
        175000.0,
        5000.0,
        2.9,
        18000.0,
        47840,
        "—",
        "—",
        "—",
    ),
    (
        "15-1252",
        "Software developers",
        "Line item",
        1700.0,
        1970.0,
        270.0,
        15.9,
        115.0,
        130000,
        "Bachelor's degree",
        "None",
        "None",
    ),
    (
        "15-1251",
        "Computer programmers",
        "Line item",
        140.0,
        126.0,
        -14.0,
        -10.0,
        6.0,
        98800,
        "Bachelor's degree",
        "None",
        "None",
    ),
    (
        "29-1141",
        "Registered nurses",
        "Line item",
        3300.0,
        3460.0,
        160.0,
        4.8,
        190.0,
        93600,
        "Bachelor's degree",
        "None",
        "None",
    ),
    (
        "11-1011",
        "Chief executives",
        "Line item",
        300.0,
        310.0,
        10.0,
        3.3,
        20.0,
        ">=$239,200",
        "Bachelor's degree",
        "5 years or more",
        "None",
    ),
    (
        "35-2014",
        "Cooks, restaurant",
        "Line item",
        1500.0,
        1680.0,
        180.0,
        12.0,
        250.0,
        35360,
        "No formal educational credential",
        "Less than 5 years",
        "Moderate-term on-the-job training",
    ),
    (
        "27-2011",
        "Actors",
        "Line item",
        70.0,
        72.0,
        2.0,
        2.9,
        8.0,
        "—",
        "Some college, no degree",
        "None",
        "Long-term on-the-job training",
    ),
]


def _tsv(path: Path, header: list[str], rows: list[tuple[object, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(header)] + ["\t".join(str(cell) for cell in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _csv_text(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _write_onet(folder: Path) -> None:
    titles = {code: title for code, title, *_ in ONET}
    _tsv(
        folder / "Occupation Data.txt",
        ["O*NET-SOC Code", "Title", "Description"],
        [(code, title, description) for code, title, description, *_ in ONET],
    )
    _tsv(
        folder / "Alternate Titles.txt",
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        ALTERNATE,
    )
    _tsv(
        folder / "Sample of Reported Titles.txt",
        ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
        REPORTED,
    )
    _tsv(
        folder / "Task Statements.txt",
        [
            "O*NET-SOC Code",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ],
        [(*row, "08/2023", "Incumbent") for row in TASKS],
    )
    _tsv(
        folder / "Technology Skills.txt",
        [
            "O*NET-SOC Code",
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ],
        TECHNOLOGY,
    )
    interests = []
    names = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
    points = (
        "First Interest High-Point",
        "Second Interest High-Point",
        "Third Interest High-Point",
    )
    for code, _title, _description, _zone, scores, high in ONET:
        if scores is None:
            continue
        interests += [
            (code, f"1.B.1.{i}", name, "OI", f"{score:.2f}")
            for i, (name, score) in enumerate(zip(names, scores, strict=True))
        ]
        interests += [
            (code, f"1.B.1.h{i}", name, "IH", f"{point:.2f}")
            for i, (name, point) in enumerate(zip(points, high, strict=True))
        ]
    _tsv(
        folder / "Interests.txt",
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "Date",
            "Domain Source",
        ],
        [(*row, "11/2023", "Analyst") for row in interests],
    )
    _tsv(
        folder / "Job Zones.txt",
        ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
        [(code, zone, "08/2023", "Analyst") for code, _t, _d, zone, *_ in ONET if zone],
    )
    _tsv(
        folder / "Job Zone Reference.txt",
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
        ZONES,
    )
    _tsv(
        folder / "Related Occupations.txt",
        ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
        RELATED,
    )
    _tsv(
        folder / "Education, Training, and Experience Categories.txt",
        ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
        EDUCATION_CATEGORIES,
    )
    _tsv(
        folder / "Education, Training, and Experience.txt",
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Category",
            "Data Value",
            "N",
            "Date",
            "Domain Source",
        ],
        [(*row, "30", "08/2023", "Incumbent") for row in EDUCATION],
    )
    _tsv(
        folder / "Knowledge.txt",
        ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value"],
        [(code, titles[code], *rest) for code, *rest in KNOWLEDGE],
    )


def _write_esco(root: Path) -> None:
    occupations = [
        [
            "Occupation",
            esco_uri(n),
            isco,
            label,
            "\n".join(alt),
            "",
            "released",
            "",
            "",
            "",
            "",
            "",
            description,
            code,
        ]
        for n, label, isco, code, alt, description in ESCO_OCCUPATIONS
    ]
    skills = [
        [
            "KnowledgeSkillCompetence",
            skill_uri(n),
            kind,
            reuse,
            label,
            "\n".join(alt),
            "",
            "released",
            "",
            "",
            "",
            "",
            f"The ability to {label}.",
        ]
        for n, label, kind, reuse, alt in ESCO_SKILLS
    ]
    groups = [
        ["ISCOGroup", f"{ISCO}{code}", code, label, "released", "", "", ""]
        for code, label in ISCO_GROUPS
    ]
    classification = root / sources.ESCO_CLASSIFICATION
    classification.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(classification, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "occupations_en.csv",
            _csv_text(
                [
                    "conceptType",
                    "conceptUri",
                    "iscoGroup",
                    "preferredLabel",
                    "altLabels",
                    "hiddenLabels",
                    "status",
                    "modifiedDate",
                    "regulatedProfessionNote",
                    "scopeNote",
                    "definition",
                    "inScheme",
                    "description",
                    "code",
                ],
                occupations,
            ),
        )
        archive.writestr(
            "skills_en.csv",
            _csv_text(
                [
                    "conceptType",
                    "conceptUri",
                    "skillType",
                    "reuseLevel",
                    "preferredLabel",
                    "altLabels",
                    "hiddenLabels",
                    "status",
                    "modifiedDate",
                    "scopeNote",
                    "definition",
                    "inScheme",
                    "description",
                ],
                skills,
            ),
        )
        archive.writestr(
            "skillGroups_en.csv",
            _csv_text(
                ["conceptType", "conceptUri", "preferredLabel", "altLabels", "code"],
                [
                    ["SkillGroup", f"{SKILL_GROUP}{n:012d}", label, "", f"S{n}"]
                    for n, label in SKILL_GROUPS
                ],
            ),
        )
        archive.writestr(
            "ISCOGroups_en.csv",
            _csv_text(
                [
                    "conceptType",
                    "conceptUri",
                    "code",
                    "preferredLabel",
                    "status",
                    "altLabels",
                    "inScheme",
                    "description",
                ],
                groups,
            ),
        )
    kinds = {n: kind for n, _label, kind, _reuse, _alt in ESCO_SKILLS}
    relations = [
        [esco_uri(o), relation, kinds[s], skill_uri(s)] for o, s, relation in ESCO_RELATIONS
    ]
    relations.append([esco_uri(6), "optional", "skill/competence", skill_uri(99)])  # unknown skill
    broader = [
        ["Occupation", esco_uri(2), "Occupation", esco_uri(1)],
        *[
            ["Occupation", esco_uri(n), "ISCOGroup", f"{ISCO}{isco}"]
            for n, _label, isco, *_ in ESCO_OCCUPATIONS
            if n != 2
        ],
        ["ISCOGroup", f"{ISCO}2512", "ISCOGroup", f"{ISCO}25"],
        ["ISCOGroup", f"{ISCO}25", "ISCOGroup", f"{ISCO}2"],
    ]
    with zipfile.ZipFile(root / sources.ESCO_RELATIONS, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "occupationSkillRelations.csv",
            _csv_text(["occupationUri", "relationType", "skillType", "skillUri"], relations),
        )
        archive.writestr(
            "broaderRelationsOccPillar.csv",
            _csv_text(["conceptType", "conceptUri", "broaderType", "broaderUri"], broader),
        )
        archive.writestr(
            "broaderRelationsSkillPillar.csv",
            _csv_text(
                ["conceptType", "conceptUri", "broaderType", "broaderUri"],
                [
                    [
                        "KnowledgeSkillCompetence",
                        skill_uri(n),
                        "SkillGroup"
                        if parent.startswith(SKILL_GROUP)
                        else "KnowledgeSkillCompetence",
                        parent,
                    ]
                    for n, parent in SKILL_BROADER
                ],
            ),
        )


def _write_crosswalk(root: Path) -> None:
    labels = {n: label for n, label, *_ in ESCO_OCCUPATIONS}
    isco = {n: group for n, _label, group, *_ in ESCO_OCCUPATIONS}
    rows = [
        [i, labels[n], isco[n], code, title, f"['{labels[n]}']", 0.8, confidence, esco_uri(n)]
        for i, (n, code, title, confidence) in enumerate(CROSSWALK)
    ]
    path = root / sources.CROSSWALK
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        _csv_text(
            [
                "id",
                "esco_occupation",
                "isco_code",
                "onet_code",
                "onet_occupation",
                "matching_job_titles",
                "semantic_similarity",
                "confidence",
                "concept_uri",
            ],
            rows,
        ),
        encoding="utf-8",
    )


def _write_bls(root: Path) -> None:
    (root / "bls").mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "national_M2024_dl"
    sheet.append(OEWS_HEADER)
    for soc, title, group, employment, hourly, annual, annual_only, hourly_only in OEWS:
        sheet.append(
            [
                "99",
                "U.S.",
                "1",
                "US",
                "000000",
                "Cross-industry",
                "cross-industry",
                "1235",
                soc,
                title,
                group,
                employment,
                1.0,
                None,
                None,
                None,
                None,
                hourly[0],
                annual[0],
                0.5,
                *hourly[1:],
                *annual[1:],
                annual_only,
                hourly_only,
            ]
        )
    notes = workbook.create_sheet("Field Descriptions")
    notes.append(["May 2024 OEWS Estimates"])
    notes.append([TOP_CODE_NOTE])
    workbook.save(root / sources.OEWS_NATIONAL)

    workbook = openpyxl.Workbook()
    workbook.active.title = "Index"
    table = workbook.create_sheet("Table 1.2")
    table.append(["Table 1.2 Occupational projections, 2024\u20132034 (Employment in thousands)"])
    table.append(EP_HEADER)
    for soc, title, kind, start, end, change, percent, openings, wage, edu, exp, training in EP:
        table.append(
            [
                title,
                soc,
                kind,
                start,
                end,
                1.0,
                1.0,
                change,
                percent,
                5.0,
                openings,
                wage,
                edu,
                exp,
                training,
                "x",
            ]
        )
    table.append(["Footnotes:"])
    table.append(["[1] Wage data are from the OEWS program."])
    workbook.save(root / sources.PROJECTIONS)


# The optional OEWS state and metropolitan-area workbooks (May 2024 layout, made-up figures).
# area code, title, AREA_TYPE, PRIM_STATE
AREAS = {
    "48": ("Texas", 2, "TX"),
    "36": ("New York", 2, "NY"),
    "12420": ("Austin-Round Rock-San Marcos, TX", 4, "TX"),
    "35620": ("New York-Newark-Jersey City, NY-NJ", 4, "NY"),
    "38900": ("Portland-Vancouver-Hillsboro, OR-WA", 4, "OR"),
    "38860": ("Portland-South Portland, ME", 4, "ME"),
    "4800003": ("Big Thicket Region of Texas nonmetropolitan area", 6, "TX"),
}
# area code, SOC, employment, annual (mean, 10, 25, 50, 75, 90); hourly is annual / 2080
AREA_WAGES = [
    ("48", "15-1252", 120000, (130000, 78000, 99000, 125000, 155000, 190000)),
    ("48", "29-1141", 230000, (88000, 62000, 72000, 86000, 100000, 118000)),
    ("36", "15-1252", 110000, (160000, 90000, 118000, 155000, 195000, "#")),
    ("12420", "15-1252", 40000, (142000, 85000, 108000, 138000, 170000, 205000)),
    ("12420", "29-1141", "**", ("*", "*", "*", "*", "*", "*")),
    ("35620", "15-1252", 90000, (170000, 95000, 125000, 165000, 210000, "#")),
    ("38900", "15-1252", 20000, (140000, 84000, 105000, 135000, 165000, 200000)),
    ("38860", "15-1252", 2000, (115000, 70000, 90000, 112000, 135000, 160000)),
    ("4800003", "35-2014", 500, (30000, 24000, 27000, 30000, 33000, 36000)),
]


def _hourly(annual: object) -> object:
    return round(annual / 2080, 2) if isinstance(annual, int) else annual


def write_area_wages(root: Path) -> None:
    """Write `state_M2024_dl.xlsx` and `MSA_M2024_dl.xlsx` as BLS lays them out."""
    for relative, kinds in ((sources.OEWS_STATE, (2, 3)), (sources.OEWS_METRO, (4, 6))):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = Path(relative).stem
        sheet.append(OEWS_HEADER)
        for code, soc, employment, annual in AREA_WAGES:
            title, area_type, state = AREAS[code]
            if area_type not in kinds:
                continue
            hourly = [_hourly(value) for value in annual]
            occupation = next(row[1] for row in OEWS if row[0] == soc)
            sheet.append(
                [
                    code,
                    title,
                    area_type,
                    state,
                    "000000",
                    "Cross-industry",
                    "cross-industry",
                    "1235",
                    soc,
                    occupation,
                    "detailed",
                    employment,
                    2.0,
                    None,
                    None,
                    None,
                    None,
                    hourly[0],
                    annual[0],
                    1.0,
                    *hourly[1:],
                    *annual[1:],
                    None,
                    None,
                ]
            )
        # A summary row, as BLS prints for every area: never imported.
        sheet.append(
            [
                "48",
                "Texas",
                2,
                "TX",
                "000000",
                "Cross-industry",
                "cross-industry",
                "1235",
                "00-0000",
                "All Occupations",
                "total",
                13000000,
            ]
        )
        workbook.save(root / relative)


def write_taxonomy_crosswalk(root: Path) -> None:
    """Write O*NET's (optional) 2010-to-2019 crosswalk into a mirror."""
    path = root / sources.ONET_TAXONOMY_CROSSWALK
    path.parent.mkdir(parents=True, exist_ok=True)
    header = [
        "O*NET-SOC 2010 Code",
        "O*NET-SOC 2010 Title",
        "O*NET-SOC 2019 Code",
        "O*NET-SOC 2019 Title",
    ]
    path.write_text(_csv_text(header, [list(row) for row in TAXONOMY]), encoding="utf-8")


def write_mirror(path: Path, *, taxonomy: bool = True, area_wages: bool = True) -> Path:
    """Write the fixture mirror under `path` and return `path`.

    Without `taxonomy`, O*NET's optional 2010-to-2019 crosswalk is left out; without
    `area_wages`, the optional OEWS state and metropolitan-area workbooks.
    """
    _write_onet(path / sources.ONET_FOLDER)
    _write_esco(path)
    _write_crosswalk(path)
    if taxonomy:
        write_taxonomy_crosswalk(path)
    _write_bls(path)
    if area_wages:
        write_area_wages(path)
    return path


def release_rows(path: Path) -> dict[str, dict[str, int]]:
    """Return the record counts of the mirror at `path`, shaped like `integrity.RELEASE_ROWS`.

    The tests take the fixture mirror as written for the complete release; a test that
    truncates a copy of it is then refused as a truncated official file would be.
    """
    return {
        key: {relative: integrity.count_records(path, relative, key) for relative in official}
        for key, official in integrity.OFFICIAL_RELEASE_ROWS.items()
    }

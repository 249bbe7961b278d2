"""Parameters the Attainable judgement weighs a goal with: typical effort, job zones, lengths."""

from __future__ import annotations

import re

# Typical study effort in hours per unit, used to check a plan against the hours a user has.
EFFORT_HOURS = {
    "course": 20.0,
    "class": 30.0,
    "certification": 40.0,
    "certificate": 40.0,
    "book": 6.0,
    "application": 1.0,
    "project": 20.0,
    "app": 40.0,
    "case study": 10.0,
    "article": 4.0,
    "paper": 60.0,
    "problem": 0.75,
    "interview": 1.0,
    "episode": 4.0,
}

# Typical preparation, in months, a job zone implies (O*NET: zone 1 little or none,
# 2 some, 3 medium, 4 considerable, 5 extensive). The gap between two zones is the
# difference of these figures.
ZONE_MONTHS = {1: 0, 2: 6, 3: 24, 4: 48, 5: 90}
ROLE_ZONES = {
    5: """doctor, physician, surgeon, lawyer, attorney, judge, pharmacist, dentist, veterinarian,
        vet, psychologist, clinical psychologist, professor, nurse practitioner, psychiatrist,
        physician assistant, economist, neuroscientist, architect, speech-language pathologist,
        physical therapist, occupational therapist, optometrist, data scientist""",
    4: """software engineer, software developer, developer, teacher, accountant, engineer,
        data analyst, financial analyst, registered nurse, social worker, product manager,
        ux designer, graphic designer, marketing manager, project manager, auditor, actuary,
        librarian, pilot, airline pilot, commercial airline pilot, instructional designer""",
    3: """electrician, plumber, welder, carpenter, paralegal, dental hygienist, hvac technician,
        surgical technologist, paramedic, lpn, charge nurse, chef, machinist, web developer,
        pharmacy technician, veterinary technician, real estate agent, police officer,
        firefighter, flight attendant, personal trainer, sous chef""",
    2: """cna, emt, dental assistant, medical assistant, bookkeeper, cook, barista, bartender,
        truck driver, phlebotomist, cashier, receptionist, production assistant""",
}

# Months a credential usually takes to earn from the start, for the attainable check.
CREDENTIAL_MONTHS = {
    "phd": 48,
    "doctorate": 48,
    "md": 48,
    "jd": 36,
    "pharmd": 48,
    "dnp": 36,
    "psyd": 48,
    "otd": 36,
    "dpt": 36,
    "master's": 12,
    "masters": 12,
    "mba": 12,
    "msw": 12,
    "msn": 18,
    "bachelor's": 36,
    "bachelors": 36,
    "bsn": 30,
    "associate degree": 18,
}

EDUCATION_ZONES = (
    (re.compile(r"doctor|ph\.?d|professional degree|\bmd\b|\bjd\b|master|\bmba\b"), 5),
    (re.compile(r"bachelor|\bba\b|\bbs\b|\bbsc\b|undergraduate degree|university degree"), 4),
    (
        re.compile(r"associate|vocational|apprentice|trade school|some college|diploma in|college"),
        3,
    ),
    (re.compile(r"high school|secondary|\bged\b|a-levels|a levels|diploma"), 2),
    (re.compile(r"none|no formal|primary|less than"), 1),
)

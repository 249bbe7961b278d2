"""One sync of the real data mirror (skipped when it is absent): counts and a known occupation."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.test import Client

from headway.careers import search
from headway.careers.models import Dataset, Occupation, OccupationSkill, Skill
from headway.careers.services import datasets_sync

MIRROR = Path(
    os.environ.get("HEADWAY_DATA_MIRROR")
    or Path(__file__).resolve().parents[2].parent / "shared" / "data"
)


@pytest.mark.django_db
@pytest.mark.usefixtures("official_release")
def test_it_syncs_the_real_mirror_and_shows_software_developers(owner_client: Client) -> None:
    if not (MIRROR / "onet" / "db_29_3_text" / "Occupation Data.txt").is_file():
        pytest.skip(f"the data mirror is not at {MIRROR}")
    search.forget_explorer()
    outcomes = datasets_sync(mirror=MIRROR)
    assert [(o.key, o.status) for o in outcomes] == [
        (key, "imported") for key in ("onet", "esco", "crosswalk", "oews", "projections")
    ], [o.message for o in outcomes]

    onet = Dataset.objects.get(key="onet")
    assert onet.counts["occupations"] == 1016
    assert onet.counts["alternate titles"] == 56560
    assert onet.counts["technology skills"] == 32681
    assert onet.counts["interests"] == 923
    assert "Skills.txt" in onet.missing_files
    assert Occupation.objects.filter(source="esco").count() == 3007
    assert Skill.objects.count() == 13896
    # 67 of ESCO's 123,855 relations name a concept missing from the classification files.
    assert Dataset.objects.get(key="esco").counts["occupation-skill relations"] > 123_700
    assert (
        OccupationSkill.objects.count()
        == Dataset.objects.get(key="esco").counts["occupation-skill relations"]
    )

    software = Occupation.objects.get(code="15-1252.00")
    assert software.title == "Software Developers" and software.job_zone == 4
    page = owner_client.get("/careers/occupations/15-1252.00/").content.decode()
    assert "$133,080" in page  # May 2024 national median
    assert "Bachelor&#x27;s degree" in page or "Bachelor's degree" in page
    # Nesta mapped ESCO's "software developer" to O*NET-SOC 2010 15-1131.00, which O*NET 29.3
    # no longer has: the importer matches it by title to today's Computer Programmers.
    esco = Occupation.objects.get(source="esco", title="software developer")
    assert (esco.onet_match.code, esco.crosswalk_method) == ("15-1251.00", "title")
    assert software.esco_matches.exists()

    chief = owner_client.get("/careers/occupations/11-1011.00/").content.decode()
    assert "≥ $239,200" in chief  # BLS's "#" top code is kept, not invented

    found = owner_client.get("/careers/", {"q": "sofware develper"}, HTTP_HX_REQUEST="true")
    titles = re.findall(
        r'<a href="/careers/occupations/[^"]+/">([^<]+)</a>', found.content.decode()
    )
    assert "Software Developers" in titles[:3]

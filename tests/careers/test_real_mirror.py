"""One sync of the real data mirror (skipped when it is absent): counts and a known occupation."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.test import Client

from headway.careers import search
from headway.careers.models import Dataset, Occupation, OccupationSkill, Skill
from headway.careers.selectors import closeness_of, facts_source, occupation_us_match
from headway.careers.services import datasets_sync
from tests.careers.attribution import misattributed

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
    # no longer has; O*NET's 2010-to-2019 crosswalk is not in the mirror, so it reaches nothing.
    esco = Occupation.objects.get(source="esco", title="software developer")
    assert (esco.onet_match, esco.crosswalk_code) == (None, "15-1131.00")

    chief = owner_client.get("/careers/occupations/11-1011.00/").content.decode()
    assert "≥ $239,200" in chief  # BLS's "#" top code is kept, not invented

    found = owner_client.get("/careers/", {"q": "sofware develper"}, HTTP_HX_REQUEST="true")
    titles = re.findall(
        r'<a href="/careers/occupations/[^"]+/">([^<]+)</a>', found.content.decode()
    )
    assert "Software Developers" in titles[:3]


@pytest.mark.django_db
def test_every_occupation_shows_only_its_own_figures_or_its_closest_ones(
    owner_client: Client,
) -> None:
    if not (MIRROR / "onet" / "db_29_3_text" / "Occupation Data.txt").is_file():
        pytest.skip(f"the data mirror is not at {MIRROR}")
    search.forget_explorer()
    datasets_sync(mirror=MIRROR)
    counts = Dataset.objects.get(key="crosswalk").counts
    dropped = counts["ESCO occupations whose crosswalk match is not close (dropped)"]
    outdated = counts["ESCO occupations whose crosswalk code O*NET 29.3 no longer has"]
    kept = counts["ESCO occupations matched (judged close)"]
    print(f"crosswalk: {kept} matches kept, {dropped} dropped as not close, {outdated} outdated")
    assert 0 < dropped < kept and outdated > 0

    # Every occupation: the O*NET occupation whose figures and skills it borrows, if any, is the
    # one the crosswalk names and was judged close by title and work.
    occupations = list(Occupation.objects.select_related("onet_match", "crosswalk_candidate"))
    assert len(occupations) == 4023
    for occupation in occupations:
        source = facts_source(occupation)
        if occupation.is_onet:
            assert source == occupation
            continue
        match = occupation_us_match(occupation)
        assert match is not None
        if source is None:
            assert match.reason, occupation.title
            continue
        closeness = closeness_of(occupation)
        assert closeness is not None and closeness.close, occupation.title
        assert source == occupation.crosswalk_candidate == match.occupation
        assert not match.reason
    # An O*NET occupation's ESCO skills come from the ESCO occupations matched to it: close ones.

    # The pages named in the complaint, and a sample of every kind of match, through HTTP.
    by_title = {(o.source, o.title): o for o in occupations}
    analyst = by_title[("esco", "data analyst")]
    page = owner_client.get(f"/careers/occupations/{analyst.key}/").content.decode()
    assert "Computer and Information Research Scientists" not in page and "$" not in page
    assert "15-1111.00, which O*NET 29.3 no longer uses" in page
    bi = by_title[("onet", "Business Intelligence Analysts")]
    page = owner_client.get(f"/careers/occupations/{bi.key}/").content.decode()
    assert "call centre" not in page.lower() and "call routing" not in page.lower()
    chef = by_title[("esco", "chef")]
    page = owner_client.get(f"/careers/occupations/{chef.key}/").content.decode()
    assert "Closest US occupation: <a" in page and "Chefs and Head Cooks</a></h2>" in page
    sample = [analyst, bi, chef]
    kinds: dict[tuple[str, bool, bool], list[Occupation]] = {}
    for occupation in occupations:
        kind = (occupation.crosswalk_method, occupation.onet_match_id is None, occupation.is_onet)
        kinds.setdefault(kind, []).append(occupation)
    for group in kinds.values():
        sample.extend(group[:: max(1, len(group) // 6)][:6])
    for occupation in sample:
        page = owner_client.get(f"/careers/occupations/{occupation.key}/").content.decode()
        assert misattributed(page, occupation.code) == [], occupation.title

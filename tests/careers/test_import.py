"""`headway data sync`: verified, idempotent, one transaction per dataset, links survive."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from headway.careers import services
from headway.careers.models import (
    Dataset,
    ElementRating,
    JobZone,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Projection,
    Skill,
    SkillBroader,
    SkillGroup,
    SkillGroupMember,
    Task,
    TechnologySkill,
    Wage,
)
from headway.domain.careerdata import integrity, sources
from tests.careers.factories import VisionTargetFactory
from tests.careers.mirror import (
    APP_DEVELOPER_ESCO,
    BIRD_ESCO,
    CALL_CENTRE_ESCO,
    SOFTWARE_ESCO,
    release_rows,
    write_mirror,
)

TABLES = (
    Occupation,
    OccupationTitle,
    Task,
    TechnologySkill,
    ElementRating,
    JobZone,
    Skill,
    OccupationSkill,
    SkillBroader,
    SkillGroup,
    SkillGroupMember,
    Wage,
    Projection,
)


def snapshot() -> dict[str, list[tuple[object, ...]]]:
    """Return every career data row, primary keys included."""
    return {model.__name__: sorted(model.objects.values_list(), key=repr) for model in TABLES}


def copy_of(mirror: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(mirror, tmp_path / "mirror"))


def test_it_imports_every_dataset_and_records_it(career_data: Path) -> None:
    records = {record.key: record for record in Dataset.objects.all()}
    assert list(records) == ["onet", "esco", "crosswalk", "oews", "projections"]
    onet = records["onet"]
    assert (onet.name, onet.version, onet.licence) == ("O*NET 29.3 Database", "29.3", "CC BY 4.0")
    assert len(onet.checksum) == 64 and onet.source == str(career_data)
    assert onet.counts["occupations"] == 7 and onet.counts["tasks"] == 8
    assert onet.missing_files == ["Skills.txt"]
    assert {f["path"] for f in onet.files} >= {"onet/db_29_3_text/Occupation Data.txt"}
    assert records["oews"].notes["top_codes"] == {"hourly": "115.00", "annual": "239200"}
    assert records["esco"].counts["relations naming an unknown concept (skipped)"] == 1

    software = Occupation.objects.get(code="15-1252.00")
    assert (software.job_zone, software.interest_code, software.soc_code) == (4, "ICR", "15-1252")
    assert software.interests == {"R": 3.9, "I": 5.9, "A": 2.3, "S": 1.9, "E": 1.9, "C": 5.5}
    assert software.preparation["education"]["description"] == "Bachelor's Degree"
    assert TechnologySkill.objects.get(example="Python").hot
    assert ElementRating.objects.filter(occupation=software, domain="knowledge").count() == 2
    assert Wage.objects.get(soc_code="11-1011").annual["p90"] == "#"
    assert Wage.objects.get(soc_code="27-2011").employment_marker == "**"
    assert Projection.objects.get(soc_code="11-1011").median_wage_marker == "#"


def test_it_joins_esco_and_onet_through_the_crosswalk(career_data: Path) -> None:
    software = Occupation.objects.get(code="15-1252.00")
    esco = Occupation.objects.get(code=SOFTWARE_ESCO)
    # The crosswalk names O*NET-SOC 2010's 15-1132.00; O*NET's own 2010-to-2019 crosswalk says
    # it became 15-1252.00.
    assert (esco.onet_match, esco.crosswalk_method, esco.crosswalk_code) == (
        software,
        "official",
        "15-1132.00",
    )
    assert esco.match_closeness["rank"] <= 2 and esco.match_closeness["title"] == 1.0
    narrower = Occupation.objects.get(code=APP_DEVELOPER_ESCO)
    assert (narrower.broader, narrower.onet_match, narrower.crosswalk_method) == (
        esco,
        software,
        "broader",
    )
    assert not narrower.crosswalk_direct and esco.crosswalk_direct
    assert Occupation.objects.get(code=BIRD_ESCO).onet_match is None
    # A crosswalk row whose two occupations share neither title words nor work is dropped.
    far = Occupation.objects.get(code=CALL_CENTRE_ESCO)
    assert far.onet_match is None
    assert far.crosswalk_candidate == Occupation.objects.get(code="15-1251.00")
    counts = Dataset.objects.get(key="crosswalk").counts
    assert counts["ESCO occupations whose crosswalk match is not close (dropped)"] == 1


def test_without_onets_taxonomy_crosswalk_an_outdated_code_reaches_nothing(
    db: None, tmp_path: Path
) -> None:
    mirror = write_mirror(tmp_path, taxonomy=False)
    outcomes = services.datasets_sync(mirror=mirror)
    assert all(outcome.status == "imported" for outcome in outcomes)
    crosswalk = Dataset.objects.get(key="crosswalk")
    assert crosswalk.missing_files == ["onet/2010_to_2019_Crosswalk.csv"]
    esco = Occupation.objects.get(code=SOFTWARE_ESCO)
    # Never matched by title to whatever O*NET occupation reads alike.
    assert (esco.onet_match, esco.crosswalk_candidate, esco.crosswalk_code) == (
        None,
        None,
        "15-1132.00",
    )
    assert crosswalk.notes["unmatched_codes"] == ["15-1131.00", "15-1132.00"]


def test_it_imports_the_skill_hierarchy(career_data: Path) -> None:
    python = Skill.objects.get(label="Python (computer programming)")
    programming = Skill.objects.get(label="computer programming")
    assert list(SkillBroader.objects.values_list("skill", "broader")) == [
        (python.pk, programming.pk)
    ]
    assert SkillGroup.objects.count() == 2
    assert [m.group.label for m in SkillGroupMember.objects.filter(skill=programming)] == [
        "working with computers"
    ]
    counts = Dataset.objects.get(key="esco").counts
    assert (counts["broader skill links"], counts["skill group memberships"]) == (1, 2)


def test_importing_the_same_files_twice_changes_nothing(career_data: Path) -> None:
    before = snapshot()
    stamps = dict(Dataset.objects.values_list("key", "imported_at"))
    again = services.datasets_sync(mirror=career_data)
    assert {outcome.status for outcome in again} == {"unchanged"}
    forced = services.datasets_sync(mirror=career_data, force=True)
    assert {outcome.message for outcome in forced} == {"no rows changed"}
    assert snapshot() == before
    assert dict(Dataset.objects.values_list("key", "imported_at")) != stamps


def test_a_damaged_file_aborts_its_dataset_and_names_file_and_line(
    career_data: Path, tmp_path: Path
) -> None:
    damaged = copy_of(career_data, tmp_path)
    tasks = damaged / sources.ONET_FOLDER / "Task Statements.txt"
    lines = tasks.read_text().splitlines()
    lines[3] = lines[3].replace("\t", " ", 1)  # line 4 loses a column
    tasks.write_text("\n".join(lines) + "\n")
    titles = damaged / sources.ONET_FOLDER / "Alternate Titles.txt"
    titles.write_text(titles.read_text() + "15-1252.00\tFresh Title\tn/a\t08\n")
    before = snapshot()
    record = Dataset.objects.values().get(key="onet")

    outcomes = {o.key: o for o in services.datasets_sync(mirror=damaged, only=["onet"])}

    assert outcomes["onet"].status == "failed"
    assert "Task Statements.txt, line 4" in outcomes["onet"].message
    assert snapshot() == before  # the new alternate title was rolled back too
    assert Dataset.objects.values().get(key="onet") == record


def test_a_missing_required_file_fails_only_its_dataset(career_data: Path, tmp_path: Path) -> None:
    partial = copy_of(career_data, tmp_path)
    (partial / sources.OEWS_NATIONAL).unlink()
    outcomes = {o.key: o for o in services.datasets_sync(mirror=partial, force=True)}
    assert outcomes["oews"].status == "failed"
    assert "national_M2024_dl.xlsx" in outcomes["oews"].message
    assert outcomes["projections"].status == "imported"
    assert Wage.objects.count() == 6


def test_an_occupation_leaving_a_release_is_kept_with_its_links(
    career_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cooks = Occupation.objects.get(code="35-2014.00")
    target = VisionTargetFactory(occupation=cooks)
    pks = dict(Occupation.objects.values_list("code", "pk"))
    newer = copy_of(career_data, tmp_path)
    data = newer / sources.ONET_FOLDER / "Occupation Data.txt"
    data.write_text(
        "\n".join(line for line in data.read_text().splitlines() if "35-2014.00" not in line) + "\n"
    )
    # A whole newer release: its own counts are what a complete file holds.
    monkeypatch.setattr(integrity, "RELEASE_ROWS", release_rows(newer))

    outcomes = {o.key: o for o in services.datasets_sync(mirror=newer)}

    assert outcomes["onet"].status == "imported"
    assert outcomes["crosswalk"].status == "imported"  # redone because O*NET changed
    cooks.refresh_from_db()
    assert not cooks.in_current_release
    assert Task.objects.filter(occupation=cooks).count() == 0  # its rows left with the release
    target.refresh_from_db()
    assert target.occupation_id == cooks.pk
    assert dict(Occupation.objects.values_list("code", "pk")) == pks


def test_the_command_syncs_reports_and_says_what_is_missing(db: None, mirror: Path) -> None:
    out = StringIO()
    call_command("data", "sync", "--from", str(mirror), stdout=out)
    text = out.getvalue()
    assert "O*NET 29.3 Database 29.3" in text
    assert "not in the source (optional): onet/db_29_3_text/Skills.txt" in text
    assert "imported:" in text and "Done in" in text

    out = StringIO()
    call_command("data", "status", stdout=out)
    assert "files missing from the source: Skills.txt" in out.getvalue()
    assert "ESCO classification 1.1.1: imported" in out.getvalue()


def test_the_command_fails_when_a_dataset_fails(db: None, mirror: Path, tmp_path: Path) -> None:
    broken = copy_of(mirror, tmp_path)
    (broken / sources.CROSSWALK).write_text("not,a,crosswalk\n1,2,3\n")
    with pytest.raises(CommandError, match="1 of 5 datasets failed"):
        call_command("data", "sync", "--from", str(broken), stdout=StringIO(), stderr=StringIO())
    assert Dataset.objects.count() == 4


def test_the_command_refuses_a_missing_mirror_folder(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="does not exist"):
        call_command("data", "sync", "--from", str(tmp_path / "nowhere"), stdout=StringIO())


def test_ensure_syncs_only_what_is_missing(db: None, mirror: Path, settings: Any) -> None:
    settings.HEADWAY_DATA_MIRROR = str(mirror)
    out = StringIO()
    call_command("data", "ensure", stdout=out)
    assert "Career data missing: onet, esco, crosswalk, oews, projections" in out.getvalue()
    assert Dataset.objects.count() == 5
    out = StringIO()
    call_command("data", "ensure", stdout=out)
    assert out.getvalue().strip() == "Career data is loaded."


def test_ensure_without_a_reachable_source_explains_how_to_load(
    db: None, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.HEADWAY_DATA_MIRROR = ""
    monkeypatch.setattr(services, "official_sources_reachable", lambda timeout=5.0: False)
    out = StringIO()
    call_command("data", "ensure", stdout=out)
    assert "headway data sync --from DIR" in out.getvalue()
    assert Dataset.objects.count() == 0


def test_a_malformed_taxonomy_crosswalk_fails_naming_the_file_and_line(
    db: None, tmp_path: Path
) -> None:
    mirror = write_mirror(tmp_path)
    path = mirror / "onet" / "2010_to_2019_Crosswalk.csv"
    path.write_text(path.read_text(encoding="utf-8") + "15-11X,Bad,15-1252.00,Software\n")
    outcomes = {outcome.key: outcome for outcome in services.datasets_sync(mirror=mirror)}
    assert outcomes["crosswalk"].status == "failed"
    assert "2010_to_2019_Crosswalk.csv" in outcomes["crosswalk"].message
    assert "line 5" in outcomes["crosswalk"].message and "'15-11X'" in outcomes["crosswalk"].message

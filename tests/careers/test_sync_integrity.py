"""A sync never makes the data worse: a truncated or damaged file is refused whole."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from headway.careers import services
from headway.careers.models import (
    AreaWage,
    Dataset,
    Occupation,
    OccupationSkill,
    OccupationTitle,
    Skill,
    Task,
    TechnologySkill,
    Wage,
    WageArea,
)
from headway.domain.careerdata import sources
from tests.careers.test_real_mirror import MIRROR as REAL_MIRROR

COUNTED = (
    Occupation,
    OccupationTitle,
    Task,
    TechnologySkill,
    Skill,
    OccupationSkill,
    Wage,
    WageArea,
    AreaWage,
)


def row_counts() -> dict[str, int]:
    """Return the number of rows of each career table, and of current occupations."""
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["current occupations"] = Occupation.objects.filter(in_current_release=True).count()
    return counts


def copy_of(mirror: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(mirror, tmp_path / "damaged"))


def cut(path: Path, keep_rows: int, *, mid_field: bool) -> None:
    """Keep the header and `keep_rows` rows; cut the last one inside its last field."""
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)[: 1 + keep_rows]
    if mid_field:
        lines[-1] = lines[-1][: len(lines[-1]) - 12]
    path.write_bytes(b"".join(lines))


def sync_refused(mirror: Path, only: str) -> str:
    """Run `headway data sync --only` and return what it wrote to stderr; it must fail."""
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 datasets failed; their data is unchanged"):
        call_command(
            "data", "sync", "--from", str(mirror), "--only", only, stdout=StringIO(), stderr=err
        )
    return err.getvalue()


@pytest.mark.parametrize("mid_field", [True, False], ids=["cut-mid-field", "cut-at-a-row"])
def test_a_truncated_occupation_file_is_refused_and_deletes_nothing(
    career_data: Path, tmp_path: Path, mid_field: bool
) -> None:
    damaged = copy_of(career_data, tmp_path)
    cut(damaged / sources.ONET_FOLDER / "Occupation Data.txt", 3, mid_field=mid_field)
    before, record = row_counts(), Dataset.objects.values().get(key="onet")

    errors = sync_refused(damaged, "onet")

    assert "Occupation Data.txt" in errors
    assert ("cut mid-row" if mid_field else "only 3 records where the 29.3 release has 7") in errors
    assert row_counts() == before
    assert Dataset.objects.values().get(key="onet") == record


def test_a_truncated_esco_archive_is_refused(career_data: Path, tmp_path: Path) -> None:
    damaged = copy_of(career_data, tmp_path)
    archive = damaged / sources.ESCO_CLASSIFICATION
    archive.write_bytes(archive.read_bytes()[:-200])  # the central directory is gone
    before = row_counts()

    errors = sync_refused(damaged, "esco")

    assert "classification - en - csv.zip" in errors and "not a zip archive" in errors
    assert row_counts() == before


def rewrite_member(archive: Path, stem: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one CSV member of a zip archive (stored, so its bytes can be damaged)."""
    with zipfile.ZipFile(archive) as source:
        members = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as target:
        for name, data in members.items():
            target.writestr(name, change(data) if name.startswith(stem) else data)


def test_an_esco_member_cut_inside_a_quoted_cell_is_refused(
    career_data: Path, tmp_path: Path
) -> None:
    damaged = copy_of(career_data, tmp_path)
    # Alternative labels are newline-separated inside quotes: cut in the middle of one.
    rewrite_member(
        damaged / sources.ESCO_CLASSIFICATION,
        "occupations",
        lambda data: data[: data.index(b"kitchen cook")],
    )
    before = row_counts()

    errors = sync_refused(damaged, "esco")

    assert "occupations_en.csv" in errors and "a quote is never closed" in errors
    assert row_counts() == before


def test_an_esco_member_with_a_bad_crc_is_refused(career_data: Path, tmp_path: Path) -> None:
    damaged = copy_of(career_data, tmp_path)
    archive = damaged / sources.ESCO_RELATIONS
    rewrite_member(archive, "occupationSkillRelations", lambda data: data)
    data = bytearray(archive.read_bytes())
    position = data.index(b"essential")
    data[position] = ord("E")  # the member's bytes no longer match its CRC-32
    archive.write_bytes(bytes(data))
    before = row_counts()

    errors = sync_refused(damaged, "esco")

    assert "occupationSkillRelations.csv" in errors and "Bad CRC-32" in errors
    assert row_counts() == before


def test_a_wage_workbook_with_missing_rows_is_refused(career_data: Path, tmp_path: Path) -> None:
    damaged = copy_of(career_data, tmp_path)
    path = damaged / sources.OEWS_NATIONAL
    workbook = openpyxl.load_workbook(path)
    workbook["national_M2024_dl"].delete_rows(4, 4)  # four of the six detailed occupations
    workbook.save(path)
    before = row_counts()

    errors = sync_refused(damaged, "oews")

    assert "national_M2024_dl.xlsx" in errors and "only 2 records" in errors
    assert row_counts() == before


def test_a_file_absent_from_the_source_removes_nothing(career_data: Path, tmp_path: Path) -> None:
    partial = copy_of(career_data, tmp_path)
    (partial / sources.ONET_FOLDER / "Task Statements.txt").unlink()
    (partial / sources.ONET_FOLDER / "Technology Skills.txt").unlink()
    tasks, technologies = Task.objects.count(), TechnologySkill.objects.count()

    outcome = services.datasets_sync(mirror=partial, only=["onet"])[0]

    assert outcome.status == "imported", outcome.message
    assert (Task.objects.count(), TechnologySkill.objects.count()) == (tasks, technologies)
    missing = Dataset.objects.get(key="onet").missing_files
    assert {"Task Statements.txt", "Technology Skills.txt"} <= set(missing)


def test_ensure_refuses_a_truncated_file_and_exits_non_zero(
    db: None, mirror: Path, tmp_path: Path, settings: Any
) -> None:
    damaged = copy_of(mirror, tmp_path)
    cut(damaged / sources.ONET_FOLDER / "Occupation Data.txt", 2, mid_field=True)
    settings.HEADWAY_DATA_MIRROR = str(damaged)
    err = StringIO()

    with pytest.raises(CommandError, match="datasets failed"):
        call_command("data", "ensure", stdout=StringIO(), stderr=err)

    assert "Occupation Data.txt" in err.getvalue()
    assert not Occupation.objects.filter(source=Occupation.Source.ONET).exists()
    assert not Dataset.objects.filter(key="onet").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("official_release")
def test_the_real_occupation_file_cut_at_119_of_1016_rows_changes_nothing(
    tmp_path: Path,
) -> None:
    real = REAL_MIRROR / sources.ONET_FOLDER
    if not (real / "Occupation Data.txt").is_file():
        pytest.skip(f"the data mirror is not at {REAL_MIRROR}")
    outcome = services.datasets_sync(mirror=REAL_MIRROR, only=["onet"])[0]
    assert outcome.status == "imported", outcome.message
    damaged = tmp_path / "damaged"
    shutil.copytree(real, damaged / sources.ONET_FOLDER)
    data = damaged / sources.ONET_FOLDER / "Occupation Data.txt"
    cut(data, 119, mid_field=True)
    assert len(io.BytesIO(data.read_bytes()).readlines()) == 120
    before = row_counts()
    assert before["Occupation"] == before["current occupations"] == 1016

    errors = sync_refused(damaged, "onet")

    assert "O*NET: Occupation Data.txt, line 120: the last row ends without a line break" in errors
    assert row_counts() == before
    assert Occupation.objects.get(code="15-1252.00").description.endswith(".")


def test_a_truncated_area_workbook_is_refused(career_data: Path, tmp_path: Path) -> None:
    damaged = copy_of(career_data, tmp_path)
    workbook = damaged / sources.OEWS_METRO
    workbook.write_bytes(workbook.read_bytes()[:-300])
    before = row_counts()

    errors = sync_refused(damaged, "oews")

    assert "MSA_M2024_dl.xlsx" in errors and "not a readable zip archive or workbook" in errors
    assert row_counts() == before


def test_ensure_after_a_refused_file_loads_it_and_redoes_the_crosswalk(
    db: None, mirror: Path, tmp_path: Path, settings: Any
) -> None:
    damaged = copy_of(mirror, tmp_path)
    cut(damaged / sources.ONET_FOLDER / "Occupation Data.txt", 2, mid_field=True)
    settings.HEADWAY_DATA_MIRROR = str(damaged)
    with pytest.raises(CommandError):
        call_command("data", "ensure", stdout=StringIO(), stderr=StringIO())
    esco = Occupation.objects.filter(source=Occupation.Source.ESCO)
    assert not esco.filter(onet_match__isnull=False).exists()  # nothing to match yet

    settings.HEADWAY_DATA_MIRROR = str(mirror)  # the whole file again
    out = StringIO()
    call_command("data", "ensure", stdout=out)

    assert "Career data missing: onet. Syncing." in out.getvalue()
    assert Occupation.objects.filter(source=Occupation.Source.ONET).count() == 7
    assert esco.filter(onet_match__isnull=False).exists()

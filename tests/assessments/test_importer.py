from __future__ import annotations

import os
from pathlib import Path

import pytest

from headway.assessments.importer import ItemPoolError, import_item_pool
from headway.assessments.models import InterestItem
from tests.assessments.factories import CODES, codebook_text, write_codebook

REPO = Path(__file__).resolve().parents[2]
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR", REPO / ".." / "shared" / "data"))


def test_it_imports_the_48_items_from_a_codebook(tmp_path: Path) -> None:
    counts = import_item_pool(write_codebook(tmp_path))
    assert counts == {"items": 48, "created": 48, "updated": 0}
    assert list(InterestItem.objects.values_list("code", flat=True)) == CODES
    item = InterestItem.objects.get(code="S4")
    assert (item.type, item.number, item.text) == ("S", 4, "Activity S4 at work")


def test_importing_again_changes_nothing_and_updates_edited_text(tmp_path: Path) -> None:
    import_item_pool(write_codebook(tmp_path))
    first = dict(InterestItem.objects.values_list("code", "pk"))
    assert import_item_pool(tmp_path) == {"items": 48, "created": 0, "updated": 0}
    edited = codebook_text().replace("Activity C8 at work", "Keep shipping records")
    assert import_item_pool(write_codebook(tmp_path, edited))["updated"] == 1
    assert dict(InterestItem.objects.values_list("code", "pk")) == first
    assert InterestItem.objects.get(code="C8").text == "Keep shipping records"


def test_a_malformed_codebook_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    import_item_pool(write_codebook(tmp_path))
    broken = (
        codebook_text().replace("E5\tActivity E5 at work\n", "").replace("R1\tActivity", "R1\tNew")
    )
    with pytest.raises(ItemPoolError, match="missing E5"):
        import_item_pool(write_codebook(tmp_path, broken))
    assert InterestItem.objects.count() == 48
    assert InterestItem.objects.get(code="R1").text == "Activity R1 at work"


def test_a_missing_codebook_is_named(tmp_path: Path) -> None:
    with pytest.raises(ItemPoolError, match=r"IIP_RIASEC_codebook\.txt: the RIASEC codebook"):
        import_item_pool(tmp_path)
    assert not InterestItem.objects.exists()


def test_it_imports_the_published_codebook() -> None:
    if not (MIRROR / "riasec" / "IIP_RIASEC_codebook.txt").exists():
        pytest.skip(f"RIASEC codebook not found under {MIRROR}")
    assert import_item_pool(MIRROR)["created"] == 48
    assert InterestItem.objects.get(code="I2").text == "Study animal behavior"


def test_data_sync_loads_the_items_with_the_career_data(tmp_path: Path) -> None:
    from io import StringIO

    from django.core.management import call_command

    from tests.careers.mirror import write_mirror

    mirror = write_mirror(tmp_path / "mirror")
    write_codebook(mirror)
    out = StringIO()
    call_command("data", "sync", "--from", str(mirror), stdout=out, stderr=StringIO())
    assert "RIASEC item pool: 48 items (48 new, 0 changed)" in out.getvalue()
    assert InterestItem.objects.count() == 48

"""Load the RIASEC Interest Item Pool from the data mirror into `InterestItem`.

The 48 activities are read from the codebook published with the open RIASEC data set
(`riasec/IIP_RIASEC_codebook.txt` under the mirror folder), never kept in the code. Items are
upserted by code in one transaction, so a second import of the same file writes nothing and
answers already given keep pointing at their item.
"""

from __future__ import annotations

import tempfile
import urllib.request
import zipfile
from pathlib import Path

from django.db import transaction

from headway.assessments.models import InterestItem
from headway.domain.riasec import CodebookError, parse_item_pool

CODEBOOK = Path("riasec") / "IIP_RIASEC_codebook.txt"


class ItemPoolError(Exception):
    """The codebook is missing or does not hold the 48-item pool."""


@transaction.atomic
def import_item_pool(mirror_dir: Path) -> dict[str, int]:
    """Import the item pool from `mirror_dir`; return how many items were read and changed.

    Raise `ItemPoolError` (and change nothing) when the codebook is missing or malformed.
    """
    path = Path(mirror_dir) / CODEBOOK
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ItemPoolError(f"{path}: the RIASEC codebook is missing") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ItemPoolError(f"{path}: cannot be read ({error})") from error
    try:
        items = parse_item_pool(text)
    except CodebookError as error:
        raise ItemPoolError(f"{path}: {error}") from error
    existing = {item.code: item for item in InterestItem.objects.all()}
    created = updated = 0
    for item in items:
        values = {"type": item.type, "number": int(item.code[1:]), "text": item.text}
        found = existing.get(item.code)
        if found is None:
            InterestItem.objects.create(code=item.code, **values)
            created += 1
        elif any(getattr(found, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(found, name, value)
            found.save(update_fields=list(values))
            updated += 1
    return {"items": len(items), "created": created, "updated": updated}


# The open RIASEC data set whose codebook holds the item pool (public domain).
OFFICIAL_URL = "https://openpsychometrics.org/_rawdata/RIASEC_data12Dec2018.zip"


def item_pool_loaded() -> bool:
    """Return whether the questionnaire's items are in the database."""
    return InterestItem.objects.exists()


def item_pool_sync(mirror_dir: Path | None) -> dict[str, int]:
    """Import the item pool from a mirror folder, or download the official data set's codebook.

    Raise `ItemPoolError` when neither works; nothing is changed then.
    """
    if mirror_dir is not None:
        return import_item_pool(mirror_dir)
    with tempfile.TemporaryDirectory(prefix="headway-riasec-") as folder:
        archive = Path(folder) / "riasec.zip"
        try:
            with urllib.request.urlopen(OFFICIAL_URL, timeout=60) as response:
                archive.write_bytes(response.read())
            with zipfile.ZipFile(archive) as bundle:
                member = next(n for n in bundle.namelist() if n.endswith("codebook.txt"))
                target = Path(folder) / CODEBOOK
                target.parent.mkdir(parents=True)
                target.write_bytes(bundle.read(member))
        except (OSError, StopIteration, zipfile.BadZipFile) as error:
            raise ItemPoolError(f"{OFFICIAL_URL}: cannot be downloaded ({error})") from error
        return import_item_pool(Path(folder))

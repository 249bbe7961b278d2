"""Writes of the careers app: dataset sync and import, and a vision's target occupation."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from headway.careers.importer import DatasetOutcome, Progress, import_dataset
from headway.careers.models import Dataset, Occupation, VisionTarget
from headway.domain.careerdata import DatasetError, sources
from headway.plans.models import Vision

DATASET_KEYS: tuple[str, ...] = tuple(source.info.key for source in sources.SOURCES)
# The crosswalk joins O*NET and ESCO rows, so it is redone whenever either changed.
_CROSSWALK_INPUTS = ("onet", "esco")


class TargetError(Exception):
    """A vision's target occupation cannot be set as asked."""


def _quiet(message: str) -> None:
    pass


def configured_mirror() -> Path | None:
    """Return the mirror folder from settings (HEADWAY_DATA_MIRROR), if one is set."""
    value = getattr(settings, "HEADWAY_DATA_MIRROR", "")
    return Path(value).expanduser() if value else None


def download_folder() -> Path:
    """Return where downloaded datasets are kept (under HEADWAY_DATA_DIR)."""
    return Path(settings.DATA_DIR) / "datasets"


def datasets_sync(
    *,
    mirror: Path | None = None,
    only: Sequence[str] | None = None,
    force: bool = False,
    progress: Progress = _quiet,
) -> list[DatasetOutcome]:
    """Obtain each dataset (from `mirror`, or the official addresses) and import it.

    Datasets are imported in order (O*NET, ESCO, crosswalk, OEWS, projections), each in its
    own transaction; one that fails leaves its data as it was and the others go on.
    """
    wanted = [source for source in sources.SOURCES if not only or source.info.key in only]
    outcomes: list[DatasetOutcome] = []
    changed: set[str] = set()
    for source in wanted:
        info = source.info
        progress(f"{info.name} {info.version}")
        if mirror is not None:
            root, origin = mirror, str(mirror)
        else:
            root, origin = download_folder(), "official downloads"
            failure = _download(source, root, progress)
            if failure is not None:
                outcomes.append(failure)
                progress(f"  failed: {failure.message}")
                continue
        again = force or (info.key == "crosswalk" and bool(changed & set(_CROSSWALK_INPUTS)))
        outcome = import_dataset(source, root, origin=origin, force=again, progress=progress)
        outcomes.append(outcome)
        if outcome.status == "imported":
            changed.add(info.key)
        for relative in outcome.missing:
            progress(f"  not in the source (optional): {relative}")
        for warning in outcome.warnings:
            progress(f"  warning: {warning}")
        progress(f"  {outcome.status}: {outcome.message} ({outcome.seconds:.1f} s)")
    return outcomes


def _download(
    source: sources.DatasetSource, root: Path, progress: Progress
) -> DatasetOutcome | None:
    info = source.info
    try:
        progress("  downloading from the official address")
        sources.sync_dataset(source, root)
    except DatasetError as error:
        # ESCO has no direct download: files saved there by hand are used as they are.
        if all((root / relative).is_file() for relative in source.required):
            return None
        return DatasetOutcome(info.key, info.name, "failed", str(error))
    except (OSError, ValueError) as error:
        return DatasetOutcome(info.key, info.name, "failed", f"download failed: {error}")
    return None


def datasets_missing() -> list[str]:
    """Return the keys of the datasets not imported yet."""
    loaded = set(Dataset.objects.values_list("key", flat=True))
    return [key for key in DATASET_KEYS if key not in loaded]


def official_sources_reachable(timeout: float = 5.0) -> bool:
    """Return whether the first official download address answers."""
    url = sources.ONET_SOURCE.downloads[0].url
    request = urllib.request.Request(  # noqa: S310  (a fixed https address)
        url, method="HEAD", headers={"User-Agent": sources.DEFAULT_USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310
            return True
    except (urllib.error.URLError, OSError, ValueError):
        return False


def datasets_ensure(
    *, mirror: Path | None = None, progress: Progress = _quiet
) -> list[DatasetOutcome] | None:
    """Sync the missing datasets when some are missing and a source is reachable.

    Returns None when nothing was attempted (all loaded, or no source reachable).
    """
    missing = datasets_missing()
    if not missing:
        progress("Career data is loaded.")
        return None
    mirror = mirror or configured_mirror()
    if mirror is not None and not mirror.is_dir():
        progress(f"The data mirror {mirror} does not exist.")
        mirror = None
    if mirror is None and not official_sources_reachable():
        progress(
            "Career data is not loaded and no source is reachable. Load it with "
            "`headway data sync --from DIR` (a folder holding the official files)."
        )
        return None
    progress(f"Career data missing: {', '.join(missing)}. Syncing.")
    wanted = set(missing)
    if wanted & set(_CROSSWALK_INPUTS):
        # A crosswalk imported while O*NET or ESCO was refused matched nothing: redo it.
        wanted.add("crosswalk")
    only = [key for key in DATASET_KEYS if key in wanted]
    return datasets_sync(mirror=mirror, only=only, progress=progress)


@transaction.atomic
def vision_target_set(*, vision: Vision, occupation: Occupation) -> VisionTarget:
    """Make `occupation` the target occupation of `vision` (replacing any earlier one)."""
    if not occupation.in_current_release:
        raise TargetError("This occupation is no longer in the current data release.")
    target, _created = VisionTarget.objects.update_or_create(
        vision=vision, defaults={"occupation": occupation, "set_at": timezone.now()}
    )
    return target


def vision_target_clear(*, vision: Vision) -> None:
    """Remove the target occupation of `vision`, if it has one."""
    VisionTarget.objects.filter(vision=vision).delete()

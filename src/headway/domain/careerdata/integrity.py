"""Check that a dataset's files are whole before anything of it is imported.

A file cut short must never reach the importer: it would mark the rows it lost as gone. Two
checks, both raising `DatasetError` naming the file:

- structure, in the row readers of `_tabular` that every reader uses: a row with the wrong
  number of fields, a last row without its line break (cut mid-row), an unterminated quote,
  a zip member whose CRC or compressed data is wrong;
- size: each file's record count against the count of the release `sources` names, refused
  when more than `TOLERANCE` short.

`RELEASE_ROWS` holds the counts of the official files (keys are mirror paths; a zip member is
`<archive path>:<member stem>`). A file missing from it gets the structure check only (for the
optional OEWS state and area workbooks, their zip container's CRCs).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from . import crosswalk, esco, onet, sources
from ._tabular import FileRef, iter_tab_rows, iter_zip_csv_rows
from .bls import OEWS_DATASET, PROJECTIONS_DATASET, OewsReader, iter_projections
from .crosswalk import iter_crosswalk
from .errors import DatasetError

# A file this much shorter than its release is refused: releases of one version do not shrink,
# and a later version gets its own row of counts here.
TOLERANCE = 0.10


def _onet(name: str) -> str:
    return f"{sources.ONET_FOLDER}/{name}"


def _member(archive: str, stem: str) -> str:
    return f"{archive}:{stem}"


# Data rows (header excluded) of O*NET 29.3, ESCO v1.1.1, the November 2020 crosswalk, and the
# BLS May 2024 OEWS and 2024-34 Projections workbooks (detailed occupations).
OFFICIAL_RELEASE_ROWS: Mapping[str, Mapping[str, int]] = {
    "onet": {
        _onet(onet.OCCUPATION_DATA): 1_016,
        _onet(onet.ALTERNATE_TITLES): 56_560,
        _onet(onet.REPORTED_TITLES): 7_796,
        _onet(onet.TASK_STATEMENTS): 18_796,
        _onet(onet.TECHNOLOGY_SKILLS): 32_681,
        _onet(onet.INTERESTS): 8_307,
        _onet(onet.JOB_ZONES): 923,
        _onet(onet.JOB_ZONE_REFERENCE): 5,
        _onet(onet.RELATED_OCCUPATIONS): 18_460,
        _onet(onet.EDUCATION): 36_209,
        _onet(onet.EDUCATION_CATEGORIES): 41,
    },
    "esco": {
        _member(sources.ESCO_CLASSIFICATION, "occupations"): 3_007,
        _member(sources.ESCO_CLASSIFICATION, "skills"): 13_896,
        _member(sources.ESCO_CLASSIFICATION, "ISCOGroups"): 619,
        _member(sources.ESCO_RELATIONS, "occupationSkillRelations"): 123_855,
        _member(sources.ESCO_RELATIONS, "broaderRelationsOccPillar"): 3_617,
    },
    "crosswalk": {sources.CROSSWALK: 1_680},
    "oews": {sources.OEWS_NATIONAL: 831},
    "projections": {sources.PROJECTIONS: 832},
}
# What `check_dataset` compares with (tests swap in the counts of their own small mirror).
RELEASE_ROWS: Mapping[str, Mapping[str, int]] = OFFICIAL_RELEASE_ROWS


def _count(items: Iterable[object]) -> int:
    return sum(1 for _ in items)


def count_records(root: Path, path: str, dataset: str) -> int:
    """Read every record of one mirror file (or `archive:member`) and return how many.

    Raises DatasetError on the first structural fault.
    """
    if ":" in path:
        archive, stem = path.split(":", 1)
        return _count(iter_zip_csv_rows(root / archive, stem, dataset, ()))
    counter = _COUNTERS.get(path)
    if counter is not None:
        return counter(root / path)
    if path.endswith((".xlsx", ".zip")):
        return _check_container(root / path, FileRef(dataset, path.rsplit("/", 1)[-1]))
    name = path.rsplit("/", 1)[-1]
    return _count(iter_tab_rows(root / path, FileRef(dataset, name), ()))


_COUNTERS: Mapping[str, Callable[[Path], int]] = {
    sources.CROSSWALK: lambda path: _count(iter_crosswalk(path)),
    sources.OEWS_NATIONAL: lambda path: _count(OewsReader(path).occupations()),
    sources.PROJECTIONS: lambda path: _count(iter_projections(path)),
}


def _check_container(path: Path, ref: FileRef) -> int:
    """Check a zip archive or workbook (every member's CRC-32); return 0, as rows go uncounted.

    Used for files without release counts, such as the state and metropolitan-area workbooks:
    they hold some 200,000 rows, and reading them twice would double their import time.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ref.error(None, f"not a readable zip archive or workbook ({exc})") from None
    if damaged is not None:
        raise ref.error(None, f"damaged archive: member {damaged} fails its CRC-32 check")
    return 0


def short_by(count: int, expected: int) -> bool:
    """Return whether `count` records fall more than TOLERANCE short of `expected`."""
    return count < expected * (1 - TOLERANCE)


def check_dataset(
    source: sources.DatasetSource,
    root: Path,
    expected: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, int]:
    """Check every present file of `source` under `root`; return the records per file.

    Raises DatasetError, naming the file, for a structural fault or a file far smaller than
    its release (`expected`, by default RELEASE_ROWS).
    """
    table = (RELEASE_ROWS if expected is None else expected).get(source.info.key, {})
    dataset = _LABELS.get(source.info.key, source.info.name)
    paths = [relative for relative in source.files if (root / relative).is_file()]
    members = [path for path in table if ":" in path and path.split(":", 1)[0] in paths]
    counts: dict[str, int] = {}
    for path in [*(p for p in paths if p not in _archives(members)), *members]:
        count = count_records(root, path, dataset)
        counts[path] = count
        wanted = table.get(path)
        if wanted is not None and short_by(count, wanted):
            raise DatasetError(
                dataset,
                _display(path),
                None,
                f"only {count:,} records where the {source.info.version} release has "
                f"{wanted:,}: the file looks truncated or damaged; nothing was imported",
            )
    return counts


# The names the readers give in their errors.
_LABELS = {
    "onet": onet.DATASET,
    "esco": esco.DATASET,
    "crosswalk": crosswalk.DATASET,
    "oews": OEWS_DATASET,
    "projections": PROJECTIONS_DATASET,
}


def _archives(members: Iterable[str]) -> set[str]:
    return {member.split(":", 1)[0] for member in members}


def _display(path: str) -> str:
    # Name the file as its publisher does, e.g. "Occupation Data.txt" or "...zip:occupations".
    if ":" in path:
        archive, stem = path.split(":", 1)
        return f"{archive.rsplit('/', 1)[-1]}:{stem}"
    return path.rsplit("/", 1)[-1]

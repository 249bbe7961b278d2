"""Check a mirror: a SHA-256 per file, and record counts against sanity floors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import sources
from .errors import DatasetError
from .mirror import Mirror

# Floors well under the 2024-25 releases: a count below one means a truncated or wrong file.
MINIMUM_COUNTS: Mapping[str, Mapping[str, int]] = {
    "onet": {"occupations": 900, "alternate titles": 40_000, "interests": 800, "job zones": 800},
    "esco": {"occupations": 2_900, "skills": 13_000, "occupation-skill relations": 100_000},
    "crosswalk": {"rows": 1_500},
    "oews": {"detailed occupations": 700},
    "projections": {"detailed occupations": 700},
}


@dataclass(frozen=True, slots=True)
class FileDigest:
    path: str  # relative to the mirror root
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    dataset: str
    files: tuple[FileDigest, ...]
    missing: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Return whether the dataset passed every check."""
        return not self.problems


def digest_file(root: Path, relative: str) -> FileDigest:
    """Return the size and SHA-256 of a mirror file."""
    sha = hashlib.sha256()
    path = root / relative
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            sha.update(chunk)
    return FileDigest(relative, path.stat().st_size, sha.hexdigest())


def verify_dataset(
    source: sources.DatasetSource, root: Path, expected: Mapping[str, str] | None = None
) -> VerifyReport:
    """Digest a dataset's files, read every record, and compare counts with the floors.

    `expected` maps relative paths to SHA-256 digests recorded earlier (e.g. at sync time).
    """
    present = [relative for relative in source.files if (root / relative).is_file()]
    missing = tuple(relative for relative in source.files if relative not in present)
    problems = [
        f"required file missing: {relative}" for relative in missing if relative in source.required
    ]
    digests = tuple(digest_file(root, relative) for relative in present)
    for digest in digests:
        wanted = (expected or {}).get(digest.path)
        if wanted is not None and wanted != digest.sha256:
            problems.append(f"checksum mismatch: {digest.path}")
    counts: list[tuple[str, int]] = []
    if not problems:
        try:
            for name, count in _COUNTERS[source.info.key](Mirror(root)):
                counts.append((name, count))
        except DatasetError as exc:
            problems.append(str(exc))
    floors = MINIMUM_COUNTS.get(source.info.key, {})
    for name, count in counts:
        if count < floors.get(name, 0):
            problems.append(f"only {count} {name}; expected at least {floors[name]}")
    return VerifyReport(source.info.key, digests, missing, tuple(counts), tuple(problems))


def verify_mirror(root: Path) -> tuple[VerifyReport, ...]:
    """Verify every dataset of a mirror folder."""
    return tuple(verify_dataset(source, root) for source in sources.SOURCES)


def _count(items: Iterable[object]) -> int:
    return sum(1 for _ in items)


def _onet_counts(mirror: Mirror) -> Iterable[tuple[str, int]]:
    reader = mirror.onet()
    yield "occupations", _count(reader.occupations())
    yield "alternate titles", _count(reader.alternate_titles())
    yield "reported titles", _count(reader.reported_titles())
    yield "tasks", _count(reader.tasks())
    yield "technology skills", _count(reader.technology_skills())
    yield "interests", _count(reader.interests())
    yield "job zones", _count(reader.job_zones())
    yield "job zone descriptions", _count(reader.job_zone_reference())
    yield "related occupations", _count(reader.related_occupations())
    yield "preparation profiles", _count(reader.preparation())
    yield "skill ratings", _count(reader.skills())
    yield "knowledge ratings", _count(reader.knowledge())


def _esco_counts(mirror: Mirror) -> Iterable[tuple[str, int]]:
    reader = mirror.esco()
    yield "occupations", _count(reader.occupations())
    yield "skills", _count(reader.skills())
    yield "occupation-skill relations", _count(reader.occupation_skills())
    yield "ISCO groups", _count(reader.isco_groups())


_COUNTERS: Mapping[str, Callable[[Mirror], Iterable[tuple[str, int]]]] = {
    "onet": _onet_counts,
    "esco": _esco_counts,
    "crosswalk": lambda mirror: [("rows", _count(mirror.crosswalk()))],
    "oews": lambda mirror: [("detailed occupations", _count(mirror.oews().occupations()))],
    "projections": lambda mirror: [("detailed occupations", _count(mirror.projections()))],
}

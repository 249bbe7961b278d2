"""Read Nesta's ESCO to O*NET occupation crosswalk (`esco_onet_crosswalk_Nov2020.csv`).

The crosswalk maps the 1,680 ESCO occupations of hierarchy level 5 to one O*NET-SOC code
each; narrower ESCO occupations inherit their parent's code (`resolve_crosswalk`). It was
made in 2020 against the O*NET-SOC 2010 taxonomy, so some codes (e.g. `15-1132.00`) no longer
exist in O*NET 29.x, which uses O*NET-SOC 2019: callers must expect unmatched codes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ._tabular import FileRef, iter_csv_rows
from .esco import EscoBroaderRelation
from .onet import OnetAlternateTitle, OnetOccupation

DATASET = "ESCO-O*NET crosswalk"

COLUMNS = (
    "concept_uri",
    "esco_occupation",
    "isco_code",
    "onet_code",
    "onet_occupation",
    "matching_job_titles",
    "semantic_similarity",
    "confidence",
)


@dataclass(frozen=True, slots=True)
class CrosswalkRow:
    esco_uri: str
    esco_label: str
    isco_code: str
    onet_code: str
    onet_title: str
    matching_titles: tuple[str, ...]
    semantic_similarity: float
    confidence: float  # Nesta's confidence: 0.5, 1 or 2 (highest)


def iter_crosswalk(path: Path) -> Iterator[CrosswalkRow]:
    """Yield the crosswalk's rows."""
    ref = FileRef(DATASET, path.name)
    if not path.is_file():
        raise ref.error(None, "file not found")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, (uri, label, isco, code, title, titles, similarity, confidence) in iter_csv_rows(
            handle, ref, COLUMNS
        ):
            if not uri.startswith("http://data.europa.eu/esco/occupation/"):
                raise ref.error(line, f"concept_uri: expected an ESCO occupation URI, got {uri!r}")
            if len(code) != 10 or code[2] != "-" or code[7] != ".":
                raise ref.error(line, f"onet_code: not an O*NET-SOC code: {code!r}")
            yield CrosswalkRow(
                uri,
                label,
                isco,
                code,
                title,
                _parse_titles(titles.strip()),
                ref.to_float(line, "semantic_similarity", similarity),
                ref.to_float(line, "confidence", confidence),
            )


def resolve_crosswalk(
    rows: Iterable[CrosswalkRow], broader: Iterable[EscoBroaderRelation]
) -> dict[str, str]:
    """Return an O*NET-SOC code for every ESCO occupation the crosswalk reaches.

    Occupations without a row of their own take the code of their nearest broader
    occupation that has one.
    """
    codes = {row.esco_uri: row.onet_code for row in rows}
    parent = {
        link.concept_uri: link.broader_uri
        for link in broader
        if link.concept_type == "Occupation" and link.broader_type == "Occupation"
    }
    resolved = dict(codes)
    for uri in parent:
        seen = {uri}
        current = uri
        while current not in codes and current in parent:
            current = parent[current]
            if current in seen:  # a cycle would be a data error; stop rather than loop
                break
            seen.add(current)
        if current in codes:
            resolved[uri] = codes[current]
    return resolved


def _parse_titles(cell: str) -> tuple[str, ...]:
    # Nesta wrote Python list literals, "na" when no title is shared, and in one row of the
    # November 2020 file a stray ISCO code. The column is informative only, so anything that
    # is not a list of strings reads as "no shared titles" rather than failing the import.
    if not cell.startswith("["):
        return ()
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return ()
    return tuple(value)


def match_stale_codes(
    rows: Iterable[CrosswalkRow],
    occupations: Iterable[OnetOccupation],
    alternate_titles: Iterable[OnetAlternateTitle] = (),
    *,
    confident_score: float = 1.2,
) -> dict[str, str]:
    """Map crosswalk codes absent from the current O*NET release to current codes by title.

    The crosswalk's codes come from O*NET-SOC 2010. A stale code is matched to the current
    occupation whose title (or alternate title) best matches the crosswalk's O*NET title; a
    weak match is kept only within the same SOC major group. O*NET's own 2010-to-2019
    taxonomy crosswalk is authoritative where available; this covers its absence.
    """
    from headway.domain.occupation_search import (
        ALTERNATIVE_WEIGHT,
        Label,
        OccupationRecord,
        build_index,
    )

    current = list(occupations)
    known = {occupation.code for occupation in current}
    stale = {row.onet_code: row.onet_title for row in rows if row.onet_code not in known}
    if not stale:
        return {}
    alternates: dict[str, list[Label]] = {}
    for title in alternate_titles:
        alternates.setdefault(title.code, []).append(Label(title.title, ALTERNATIVE_WEIGHT))
    index = build_index(
        OccupationRecord(o.code, o.title, tuple(alternates.get(o.code, ()))) for o in current
    )
    matches = {}
    for code, stale_title in stale.items():
        # A trailing space marks the title as complete, so its last word is not a prefix.
        hits = index.search(f"{stale_title} ", limit=1)
        if hits and (hits[0].score >= confident_score or hits[0].id[:2] == code[:2]):
            matches[code] = hits[0].id
    return matches

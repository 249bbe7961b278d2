"""Rank ESCO occupations for real vacancy titles; print MRR, Recall@k and latency.

Reads the ESCO, O*NET and crosswalk files from the data mirror (HEADWAY_DATA_MIRROR, default
../shared/data) and the labelled titles from ../shared/bench/job-titles/titles.validation.csv.

    .venv/bin/python bench/job_titles.py [--esco-only] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import math
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from headway.domain.careerdata import Mirror, resolve_crosswalk, soc_code  # noqa: E402
from headway.domain.careerdata.crosswalk import match_stale_codes  # noqa: E402
from headway.domain.occupation_search import (  # noqa: E402
    ALTERNATIVE_WEIGHT,
    REPORTED_WEIGHT,
    Label,
    OccupationRecord,
    build_index,
)

SHARED = ROOT.parent / "shared"
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR", SHARED / "data"))
TITLES = SHARED / "bench" / "job-titles" / "titles.validation.csv"
RANK_DEPTH = 100  # MRR counts a title as missed when its occupation ranks below this


def onet_codes_for_esco(mirror: Mirror) -> dict[str, str]:
    """Map ESCO occupation URIs to current O*NET-SOC codes through the crosswalk."""
    onet = mirror.onet()
    occupations = list(onet.occupations())
    rows = list(mirror.crosswalk())
    bridge = match_stale_codes(rows, occupations, onet.alternate_titles())
    current = [
        dataclasses.replace(row, onet_code=bridge.get(row.onet_code, row.onet_code)) for row in rows
    ]
    return resolve_crosswalk(current, mirror.esco().broader_occupations())


def employment_by_soc(mirror: Mirror) -> dict[str, int]:
    """Return national employment per SOC code (OEWS, else Employment Projections)."""
    employment = {
        projection.soc_code: int(projection.employment_start * 1000)
        for projection in mirror.projections()
    }
    for row in mirror.oews().occupations():
        if row.employment.count is not None:
            employment[row.soc_code] = row.employment.count
    return employment


def occupation_popularity(
    mirror: Mirror, codes: dict[str, str], split: float = 1.0, narrower: float = 1.0
) -> dict[str, float]:
    """Return per ESCO occupation a 0-1 score of how common it is, from US employment.

    A SOC code's employment is shared among the crosswalk's own (level 5) occupations
    mapped to it; narrower occupations, which inherit their parent's code, count `narrower`
    times as much.
    """
    employment = employment_by_soc(mirror)
    direct = {row.esco_uri for row in mirror.crosswalk()}
    sharing = Counter(soc_code(code) for uri, code in codes.items() if uri in direct)
    shares = {}
    for uri, code in codes.items():
        soc = soc_code(code)
        if soc in employment:
            share = employment[soc] / max(1, sharing[soc]) ** split
            shares[uri] = share * (1.0 if uri in direct else narrower)
    top = math.log10(1 + max(shares.values()))
    return {uri: math.log10(1 + share) / top for uri, share in shares.items()}


def skill_words(mirror: Mirror) -> dict[str, str]:
    """Return per ESCO occupation the labels of its essential skills, as one text."""
    esco = mirror.esco()
    labels = {skill.uri: skill.preferred_label for skill in esco.skills()}
    words: dict[str, list[str]] = defaultdict(list)
    for relation in esco.occupation_skills():
        if relation.relation_type == "essential":
            words[relation.occupation_uri].append(labels.get(relation.skill_uri, ""))
    return {uri: ". ".join(texts) for uri, texts in words.items()}


def esco_records(
    mirror: Mirror, with_onet: bool, with_popularity: bool = True, with_skills: bool = True
) -> list[OccupationRecord]:
    """Return one record per ESCO occupation, optionally with mapped O*NET titles."""
    esco = mirror.esco()
    occupations = list(esco.occupations())
    skills = skill_words(mirror) if with_skills else {}
    codes = onet_codes_for_esco(mirror)
    popularity = occupation_popularity(mirror, codes) if with_popularity else {}
    extra: dict[str, list[Label]] = defaultdict(list)
    if with_onet:
        onet = mirror.onet()
        by_code: dict[str, list[str]] = defaultdict(list)
        for uri, code in codes.items():
            by_code[code].append(uri)
        for title in onet.alternate_titles():
            for uri in by_code.get(title.code, ()):
                extra[uri].append(Label(title.title, ALTERNATIVE_WEIGHT * 0.8))
        for reported in onet.reported_titles():
            for uri in by_code.get(reported.code, ()):
                extra[uri].append(Label(reported.title, REPORTED_WEIGHT * 0.8))
    return [
        OccupationRecord(
            id=occupation.uri,
            preferred_label=occupation.preferred_label,
            labels=(
                *(Label(text, ALTERNATIVE_WEIGHT) for text in occupation.alt_labels),
                *(Label(text, ALTERNATIVE_WEIGHT) for text in occupation.hidden_labels),
                *extra.get(occupation.uri, ()),
            ),
            keywords=f"{occupation.description} {skills.get(occupation.uri, '')}",
            facets={"source": "esco"},
            popularity=popularity.get(occupation.uri, 0.0),
        )
        for occupation in occupations
    ]


def main() -> None:
    """Build the index, rank every validation title, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--esco-only", action="store_true", help="index ESCO labels only")
    parser.add_argument("--limit", type=int, default=0, help="evaluate the first N titles")
    args = parser.parse_args()
    if not MIRROR.is_dir() or not TITLES.is_file():
        sys.exit(f"needs {MIRROR} and {TITLES}")

    started = time.perf_counter()
    records = esco_records(Mirror(MIRROR), with_onet=not args.esco_only)
    read_seconds = time.perf_counter() - started
    labels = sum(1 + len(record.labels) for record in records)
    started = time.perf_counter()
    index = build_index(records)
    build_seconds = time.perf_counter() - started

    with TITLES.open(encoding="utf-8", newline="") as handle:
        rows = [(row["vacancyTitle"], row["conceptUri"]) for row in csv.DictReader(handle)]
    if args.limit:
        rows = rows[: args.limit]

    reciprocal = 0.0
    found = {1: 0, 5: 0, 10: 0}
    latencies = []
    for title, uri in rows:
        started = time.perf_counter()
        hits = index.search(title, limit=RANK_DEPTH, prefix=False)
        latencies.append(time.perf_counter() - started)
        ranked = [hit.id for hit in hits]
        if uri in ranked:
            rank = ranked.index(uri) + 1
            reciprocal += 1 / rank
            for k in found:
                found[k] += rank <= k
    count = len(rows)
    latencies.sort()
    p95 = latencies[min(count - 1, int(0.95 * count))]
    print(f"index: {len(records)} occupations, {labels} labels")
    print(f"read {read_seconds:.2f} s, build {build_seconds:.2f} s")
    print(f"titles: {count}")
    print(
        f"MRR {100 * reciprocal / count:.1f}  R@1 {100 * found[1] / count:.1f}  "
        f"R@5 {100 * found[5] / count:.1f}  R@10 {100 * found[10] / count:.1f}"
    )
    print(
        f"latency median {1000 * statistics.median(latencies):.1f} ms, "
        f"p95 {1000 * p95:.1f} ms, max {1000 * latencies[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()

"""Rank ESCO occupations for real vacancy titles; print MRR, Recall@k and latency.

Reads the ESCO, O*NET, crosswalk and BLS files from the data mirror (HEADWAY_DATA_MIRROR,
default ../shared/data) and the labelled titles from
../shared/bench/job-titles/titles.validation.csv. The index is the explorer's: one index over
ESCO and O*NET occupations built by `occupation_records` (the function the product calls with
the same facts read from its database), searched with O*NET hits left out of the ranking.

    .venv/bin/python bench/job_titles.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gc
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from headway.careers.vocabulary import occupation_titles  # noqa: E402
from headway.domain.careerdata import Mirror, resolve_crosswalk, sources  # noqa: E402
from headway.domain.careerdata.crosswalk import match_stale_codes  # noqa: E402
from headway.domain.careerdata.onet_taxonomy import (  # noqa: E402
    codes_2019,
    current_codes,
    iter_taxonomy_changes,
)
from headway.domain.occupation_search import (  # noqa: E402
    EXPLORER_TUNING,
    OccupationSources,
    build_index,
    occupation_records,
)

SHARED = ROOT.parent / "shared"
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR", SHARED / "data"))
TITLES = SHARED / "bench" / "job-titles" / "titles.validation.csv"
RANK_DEPTH = 100  # MRR counts a title as missed when its occupation ranks below this
ESCO_ONLY = {"source": "esco"}


def onet_codes_for_esco(mirror: Mirror) -> dict[str, str]:
    """Map ESCO occupation URIs to O*NET-SOC codes through the crosswalk, as the explorer does.

    A code O*NET-SOC 2019 changed follows O*NET's 2010-to-2019 crosswalk when the mirror has
    it (to the first code it lists; the importer takes the closest); one it leaves unmatched is
    related to the current occupation whose title reads alike (ranking only, never figures).
    """
    onet = mirror.onet()
    occupations = list(onet.occupations())
    current = {occupation.code for occupation in occupations}
    path = mirror.root / sources.ONET_TAXONOMY_CROSSWALK
    official = codes_2019(iter_taxonomy_changes(path)) if path.is_file() else None
    crosswalk = list(mirror.crosswalk())
    bridge = match_stale_codes(crosswalk, occupations, onet.alternate_titles())
    rows = []
    for row in crosswalk:
        codes = current_codes(row.onet_code, official, current)
        code = codes[0] if codes else bridge.get(row.onet_code, row.onet_code)
        rows.append(dataclasses.replace(row, onet_code=code))
    return resolve_crosswalk(rows, mirror.esco().broader_occupations())


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


def skill_words(mirror: Mirror) -> dict[str, str]:
    """Return per ESCO occupation the labels of its essential skills, as one text."""
    esco = mirror.esco()
    labels = {skill.uri: skill.preferred_label for skill in esco.skills()}
    words: dict[str, list[str]] = defaultdict(list)
    for relation in esco.occupation_skills():
        if relation.relation_type == "essential":
            words[relation.occupation_uri].append(labels.get(relation.skill_uri, ""))
    return {uri: ". ".join(texts) for uri, texts in words.items()}


def occupation_sources(mirror: Mirror) -> OccupationSources:
    """Return the facts the explorer indexes, read from the mirror's files."""
    esco = list(mirror.esco().occupations())
    onet = mirror.onet()
    alternates: dict[str, list[str]] = defaultdict(list)
    for title in onet.alternate_titles():
        alternates[title.code].append(title.title)
    reported: dict[str, list[str]] = defaultdict(list)
    for title in onet.reported_titles():
        reported[title.code].append(title.title)
    return OccupationSources(
        esco=[(o.uri, o.preferred_label, o.description) for o in esco],
        esco_labels={o.uri: (*o.alt_labels, *o.hidden_labels) for o in esco},
        esco_skills=skill_words(mirror),
        onet=[(o.code, o.title, o.description) for o in onet.occupations()],
        onet_alternates=alternates,
        onet_reported=reported,
        crosswalk=onet_codes_for_esco(mirror),
        direct={row.esco_uri for row in mirror.crosswalk()},
        employment=employment_by_soc(mirror),
        added_titles=occupation_titles(),
    )


def main() -> None:
    """Build the index, rank every validation title, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="evaluate the first N titles")
    args = parser.parse_args()
    if not MIRROR.is_dir() or not TITLES.is_file():
        sys.exit(f"needs {MIRROR} and {TITLES}")

    started = time.perf_counter()
    records = occupation_records(occupation_sources(Mirror(MIRROR)))
    read_seconds = time.perf_counter() - started
    labels = sum(1 + len(record.labels) for record in records)
    started = time.perf_counter()
    index = build_index(records, EXPLORER_TUNING)
    build_seconds = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # as the explorer does: full collections would walk the index (~75 ms)

    with TITLES.open(encoding="utf-8", newline="") as handle:
        rows = [(row["vacancyTitle"], row["conceptUri"]) for row in csv.DictReader(handle)]
    if args.limit:
        rows = rows[: args.limit]

    reciprocal = 0.0
    found = {1: 0, 5: 0, 10: 0}
    latencies = []
    for title, uri in rows:
        started = time.perf_counter()
        hits = index.search(title, limit=RANK_DEPTH, filters=ESCO_ONLY, prefix=False)
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

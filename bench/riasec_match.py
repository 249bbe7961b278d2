"""Check that every O*NET occupation's own interest profile ranks it in the top 5.

For each occupation with an ``OI`` profile in O*NET's ``Interests.txt``, enter that profile as a
user's scores, match against all occupations and record the rank of the occupation itself.
Prints the top-1 and top-5 shares, how ties were met, and match latency.

Run: .venv/bin/python bench/riasec_match.py  (HEADWAY_DATA_MIRROR overrides the data folder)
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from headway.domain.riasec import TYPE_NAMES, TYPES, match_occupations  # noqa: E402

NAME_TO_LETTER = {name: letter for letter, name in TYPE_NAMES.items()}


def data_dir() -> Path:
    return Path(os.environ.get("HEADWAY_DATA_MIRROR", ROOT / ".." / "shared" / "data"))


def load_profiles(path: Path) -> dict[str, dict[str, float]]:
    profiles: dict[str, dict[str, float]] = defaultdict(dict)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["Scale ID"] == "OI" and row["Element Name"] in NAME_TO_LETTER:
                letter = NAME_TO_LETTER[row["Element Name"]]
                profiles[row["O*NET-SOC Code"]][letter] = float(row["Data Value"])
    return {code: p for code, p in profiles.items() if len(p) == len(TYPES)}


def main() -> None:
    path = data_dir() / "onet" / "db_29_3_text" / "Interests.txt"
    if not path.exists():
        sys.exit(f"O*NET Interests.txt not found at {path}")
    profiles = load_profiles(path)
    occupations = sorted(profiles.items())
    same_profile = Counter(tuple(p[t] for t in TYPES) for p in profiles.values())
    shared = {k: v for k, v in same_profile.items() if v > 1}

    ranks: list[int] = []
    times: list[float] = []
    times_top20: list[float] = []
    margins: list[float] = []
    tied_at_top = 0
    misses: list[tuple[str, int]] = []
    for code, scores in occupations:
        start = time.perf_counter()
        matches = match_occupations(scores, occupations, limit=len(occupations))
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        match_occupations(scores, occupations, limit=20)
        times_top20.append(time.perf_counter() - start)
        margins.append(matches[0].score - matches[1].score)
        rank = next(i for i, m in enumerate(matches, 1) if m.id == code)
        ranks.append(rank)
        if len(matches) > 1 and matches[1].score == matches[0].score:
            tied_at_top += 1
        if rank > 5:
            misses.append((code, rank))

    n = len(ranks)
    print(f"occupations with an OI profile: {n}")
    print(
        f"own occupation ranked 1st:      {sum(r == 1 for r in ranks)}/{n} "
        f"({sum(r == 1 for r in ranks) / n:.1%})"
    )
    print(
        f"own occupation in top 5:        {sum(r <= 5 for r in ranks)}/{n} "
        f"({sum(r <= 5 for r in ranks) / n:.1%})"
    )
    print(f"worst rank: {max(ranks)}; misses: {misses[:10]}")
    print(
        f"profiles shared by several occupations: {len(shared)} "
        f"(covering {sum(shared.values())} occupations); "
        f"queries with a tie for first place: {tied_at_top} (ties ordered by O*NET-SOC code)"
    )
    print(
        f"fit gap between 1st and 2nd place: median {statistics.median(margins):.2f}, "
        f"smallest {min(margins):.2f} points"
    )
    for label, sample in (("full ranking", times), ("top 20", times_top20)):
        ms = sorted(t * 1000 for t in sample)
        print(
            f"match against all {n} ({label}): median {statistics.median(ms):.2f} ms, "
            f"p95 {ms[int(0.95 * (n - 1))]:.2f} ms"
        )


if __name__ == "__main__":
    main()

"""Measure skill autocomplete quality and speed on the full ESCO skills vocabulary.

Samples 1,000 ESCO alternative labels (fixed seed) and types each one in full, as its first 60%,
as its first 3 characters and in full with two letters swapped; reports how often the label's
skill is in the top 5, with build time and suggestion latency.

Run: .venv/bin/python bench/skill_autocomplete.py  (HEADWAY_DATA_MIRROR overrides the data folder)
"""

from __future__ import annotations

import csv
import io
import os
import random
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from headway.domain.skill_search import SkillIndex, SkillRecord  # noqa: E402

ESCO_ZIP = "esco/ESCO dataset - v1.1.1 - classification - en - csv.zip"
SAMPLE_SIZE = 1000
SEED = 20250601
TOP = 5


def data_dir() -> Path:
    return Path(os.environ.get("HEADWAY_DATA_MIRROR", ROOT / ".." / "shared" / "data"))


def load_records(path: Path) -> list[SkillRecord]:
    with zipfile.ZipFile(path) as archive, archive.open("skills_en.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        return [
            SkillRecord(
                id=row["conceptUri"],
                preferred_label=row["preferredLabel"],
                alt_labels=[a.strip() for a in row["altLabels"].split("\n") if a.strip()],
                description=row["description"],
            )
            for row in reader
        ]


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def with_typo(label: str) -> str:
    """Swap two letters in the middle of the label's longest word, a common slip."""
    words = label.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return label
    mid = len(word) // 2
    words[longest] = word[:mid] + word[mid + 1] + word[mid] + word[mid + 2 :]
    return " ".join(words)


def main() -> None:
    path = data_dir() / ESCO_ZIP
    if not path.exists():
        sys.exit(f"ESCO skills zip not found at {path}")
    records = load_records(path)

    start = time.perf_counter()
    index = SkillIndex.build(records)
    build_s = time.perf_counter() - start
    print(
        f"skills: {len(index)}, distinct labels indexed: {index.label_count}, "
        f"build: {build_s:.2f} s"
    )

    alts = [(r.id, a) for r in records for a in r.alt_labels]
    sample = random.Random(SEED).sample(alts, SAMPLE_SIZE)
    variants = {
        "full label": lambda s: s,
        "first 60%": lambda s: s[: max(1, round(len(s) * 0.6))],
        "first 3 characters": lambda s: s[:3],
        "full, one typo": with_typo,
    }
    latencies: list[float] = []
    for name, cut in variants.items():
        hits = top1 = 0
        for skill_id, label in sample:
            typed = cut(label)
            t0 = time.perf_counter()
            suggestions = index.suggest(typed, limit=10)
            latencies.append(time.perf_counter() - t0)
            ids = [s.id for s in suggestions[:TOP]]
            hits += skill_id in ids
            top1 += bool(ids) and ids[0] == skill_id
        print(
            f"{name:>20}: skill in top {TOP}: {hits / SAMPLE_SIZE:.1%}, "
            f"first: {top1 / SAMPLE_SIZE:.1%}"
        )

    # Every keystroke of the sampled labels, as a user would type them.
    keystrokes: list[float] = []
    for _, label in sample[:200]:
        for end in range(1, len(label) + 1):
            t0 = time.perf_counter()
            index.suggest(label[:end], limit=10)
            keystrokes.append(time.perf_counter() - t0)

    for name, values in (("sampled queries", latencies), ("every keystroke", keystrokes)):
        ms = sorted(v * 1000 for v in values)
        print(
            f"latency, {name} (n={len(ms)}): p50 {statistics.median(ms):.2f} ms, "
            f"p95 {percentile(ms, 0.95):.2f} ms, max {ms[-1]:.2f} ms"
        )


if __name__ == "__main__":
    main()

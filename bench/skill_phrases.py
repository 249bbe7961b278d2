"""Measure skill autocomplete on everyday phrases: does the expected ESCO concept come in the top 5?

`bench/data/skill_phrases.tsv` holds 551 phrases people type for a skill ("data visualization",
"public speaking", "r programming"), each labelled by hand with the ESCO concept(s) that answer
it. The "dev" and "seen" phrases may be looked at while improving the autocomplete; the "sealed"
ones are only measured, as a total printed with `--sealed`; `--misses` never lists them. The
index is the product's: ESCO's preferred, alternative and hidden labels, `careers.vocabulary`'s
names, and each skill weighed by how many occupations list it.

Run: .venv/bin/python bench/skill_phrases.py [--misses] [--sealed]
(HEADWAY_DATA_MIRROR: the data folder)
"""

from __future__ import annotations

import csv
import io
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from skill_autocomplete import ESCO_ZIP, data_dir, load_records  # noqa: E402

from headway.careers.vocabulary import with_skill_names, word_variants  # noqa: E402
from headway.domain.skill_search import SkillIndex, SkillRecord  # noqa: E402

PHRASES = ROOT / "bench" / "data" / "skill_phrases.tsv"
TOP = 5
RELATIONS_ZIP = "esco/ESCO dataset - v1.1.1 - classification -  - csv.zip"


def occupation_counts(path: Path) -> Counter[str]:
    """Return per ESCO skill URI how many occupations list it, as the product weighs skills."""
    with zipfile.ZipFile(path) as archive, archive.open("occupationSkillRelations.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        return Counter(row["skillUri"] for row in reader)


def broader_skills(path: Path) -> dict[str, list[str]]:
    """Return per ESCO skill URI the skills directly above it, as the product imports them."""
    broader: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as archive, archive.open("broaderRelationsSkillPillar.csv") as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")):
            if row["conceptType"] == row["broaderType"] == "KnowledgeSkillCompetence":
                broader.setdefault(row["conceptUri"], []).append(row["broaderUri"])
    return broader


def product_records() -> list[SkillRecord]:
    """Return the records the product indexes: ESCO's labels, weights and hierarchy, Headway's
    names."""
    counts = occupation_counts(data_dir() / RELATIONS_ZIP)
    hidden = hidden_labels(data_dir() / ESCO_ZIP)
    broader = broader_skills(data_dir() / RELATIONS_ZIP)
    return with_skill_names(
        r._replace(
            alt_labels=(*r.alt_labels, *hidden.get(r.id, ())),
            weight=counts.get(r.id, 0),
            broader=tuple(broader.get(r.id, ())),
        )
        for r in load_records(data_dir() / ESCO_ZIP)
    )


def hidden_labels(path: Path) -> dict[str, list[str]]:
    """Return per ESCO skill URI its hidden labels, which the product indexes too."""
    with zipfile.ZipFile(path) as archive, archive.open("skills_en.csv") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        return {
            row["conceptUri"]: [h.strip() for h in row["hiddenLabels"].split("\n") if h.strip()]
            for row in reader
            if row["hiddenLabels"].strip()
        }


def main() -> None:
    started = time.perf_counter()
    index = SkillIndex.build(product_records(), word_variants())
    print(f"index: {len(index)} skills, built in {time.perf_counter() - started:.1f} s")
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, split, uris, labels = line.split("\t")
        found = [s.id for s in index.suggest(phrase, limit=TOP)]
        hit = bool(set(uris.split()) & set(found))
        totals.setdefault(split, [0, 0])
        totals[split][0] += hit
        totals[split][1] += 1
        if not hit and split != "sealed":
            misses.append(f"  {phrase!r}: want {labels}")
    splits = ("dev", "seen", "sealed") if "--sealed" in sys.argv else ("dev", "seen")
    for split in splits:
        hits, count = totals.get(split, [0, 0])
        print(f"{split:>6}: top-{TOP} hit rate {100 * hits / max(1, count):.1f}% ({hits}/{count})")
    if "--misses" in sys.argv:
        print("dev and seen misses:", *misses, sep="\n")


if __name__ == "__main__":
    main()

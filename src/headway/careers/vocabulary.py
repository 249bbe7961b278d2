"""Headway's own additions to the official vocabularies, read from `careers/data/`.

- `skill_names.tsv`: everyday names of ESCO skills ("Excel" for "use spreadsheets software").
  The first name of a skill marked `*` is shown before ESCO's label in the skill gap; every
  name is also an autocomplete label of the skill.
- `word_variants.tsv`: words people type and the word ESCO's labels use ("mgmt" ->
  "management", "tire" -> "tyre"); the skill autocomplete reads every query with them too.
- `occupation_titles.tsv`: current job titles and abbreviations ("AI engineer", "SWE") for
  O*NET occupations, added to the job-title search like O*NET's reported titles.

All are short lists kept by hand for words the datasets lack; see `docs/vocabulary.md`.
Plain file reading, no Django, so the benchmarks use the same lists as the product.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from headway.domain.skill_search import SkillRecord

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def skill_names() -> dict[str, tuple[str, ...]]:
    """Return ESCO skill URI -> the everyday names Headway adds to it."""
    names: dict[str, list[str]] = {}
    for uri, _label, *added in _rows("skill_names.tsv"):
        names.setdefault(uri, []).extend(n.lstrip("*") for a in added for n in a.split("|") if n)
    return {uri: tuple(found) for uri, found in names.items()}


@lru_cache(maxsize=1)
def everyday_skill_names() -> dict[str, str]:
    """Return ESCO skill URI -> the everyday name to show before ESCO's label."""
    shown: dict[str, str] = {}
    for uri, _label, *added in _rows("skill_names.tsv"):
        for name in (n for a in added for n in a.split("|")):
            if name.startswith("*"):
                shown.setdefault(uri, name[1:])
    return shown


def with_skill_names(records: Iterable[SkillRecord]) -> list[SkillRecord]:
    """Return the records with Headway's everyday names added as alternative labels."""
    added = skill_names()
    return [
        r._replace(alt_labels=(*r.alt_labels, *added.get(r.id, ()))) if r.id in added else r
        for r in records
    ]


@lru_cache(maxsize=1)
def word_variants() -> dict[str, str]:
    """Return typed word -> the word skill labels use for it, for `SkillIndex.build`."""
    return {typed: meant for typed, meant in _rows("word_variants.tsv")}


@lru_cache(maxsize=1)
def occupation_titles() -> dict[str, tuple[str, ...]]:
    """Return O*NET-SOC code -> the job titles Headway adds to it."""
    titles: dict[str, list[str]] = {}
    for code, _title, *added in _rows("occupation_titles.tsv"):
        titles.setdefault(code, []).extend(t for a in added for t in a.split("|") if t)
    return {code: tuple(found) for code, found in titles.items()}

"""Count the occupations whose skill gap has something to show, and where it comes from.

Syncs the mirror into a scratch SQLite database (see `assessments_db.py`; `--db PATH` keeps
it), then asks `assessments.selectors.gap_skill_source` (the function the skill gap uses) for
every current occupation. Prints how many have a non-empty gap against how many have any task,
technology or ESCO skill row, and how many crosswalked ESCO occupations are dropped as not
close (the importer's judgement, `domain.occupation_match`).

Run: .venv/bin/python bench/skill_gaps.py [--db PATH]
"""

from __future__ import annotations

import time
from collections import Counter

from assessments_db import parse_args, prepare


def main() -> None:
    prepare(parse_args(__doc__ or "").db)
    from headway.assessments.selectors import gap_skill_source
    from headway.careers.models import Occupation, OccupationSkill, Task, TechnologySkill

    started = time.perf_counter()
    with_data = (
        set(Task.objects.values_list("occupation_id", flat=True))
        | set(TechnologySkill.objects.values_list("occupation_id", flat=True))
        | set(OccupationSkill.objects.values_list("occupation_id", flat=True))
    )
    kinds: Counter[tuple[str, str]] = Counter()
    missing: list[str] = []
    dropped = kept = 0
    for occupation in Occupation.objects.filter(in_current_release=True).order_by("id"):
        source = gap_skill_source(occupation)
        kinds[(occupation.source, source.kind or "empty")] += 1
        if occupation.is_onet:
            dropped += len(source.esco_dropped)
            kept += len(source.esco_sources)
        if not source.kind and occupation.pk in with_data:
            missing.append(f"{occupation.code} {occupation.title}")
    seconds = time.perf_counter() - started
    for source in ("onet", "esco"):
        total = sum(n for (s, _), n in kinds.items() if s == source)
        parts = ", ".join(f"{kind} {n}" for (s, kind), n in sorted(kinds.items()) if s == source)
        print(f"{source}: {total} occupations; gap from: {parts}")
    non_empty = sum(n for (_, kind), n in kinds.items() if kind != "empty")
    print(
        f"non-empty gaps: {non_empty}; occupations with a task, technology or ESCO skill row: "
        f"{len(with_data)}; with data but an empty gap: {len(missing)}"
    )
    print(
        f"crosswalked ESCO occupations used for O*NET skills: {kept}; dropped as not close: "
        f"{dropped}"
    )
    for line in missing[:20]:
        print("  empty:", line)
    print(f"{seconds:.1f} s")


if __name__ == "__main__":
    main()

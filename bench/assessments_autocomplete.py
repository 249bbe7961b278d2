"""Skill autocomplete through the assessments app, on the ESCO skills in the database.

Syncs the data mirror into a temporary SQLite database with the careers app's sync, samples
1,000 ESCO alternative labels (fixed seed) and types each through `selectors.skill_suggestions`:
prints how often the label's skill is in the top 5 (full label, first 60%, one typo). Then
times GET /api/me/skills/autocomplete and the htmx fragment through the test client, for the
full labels and for every keystroke of 200 of them.

Run: .venv/bin/python bench/assessments_autocomplete.py [--db /tmp/headway-bench.sqlite3]
"""

from __future__ import annotations

import random
import time
from urllib.parse import urlencode

from assessments_db import bench_user, describe, parse_args, prepare, time_calls

SAMPLE_SIZE = 1000
SEED = 20250601
TOP = 5


def with_typo(label: str) -> str:
    """Swap two letters in the middle of the label's longest word."""
    words = label.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return label
    mid = len(word) // 2
    words[longest] = word[:mid] + word[mid + 1] + word[mid] + word[mid + 2 :]
    return " ".join(words)


def main() -> None:
    args = parse_args(__doc__ or "")
    prepare(args.db)
    from django.test import Client

    from headway.assessments import selectors
    from headway.careers.models import Skill

    alts = [
        (pk, label.strip())
        for pk, text in Skill.objects.filter(in_current_release=True)
        .order_by("id")
        .values_list("pk", "alt_labels")
        for label in text.split("\n")
        if label.strip()
    ]
    sample = random.Random(SEED).sample(alts, SAMPLE_SIZE)
    print(f"alternative labels in the database: {len(alts)}; sampled: {SAMPLE_SIZE}")

    started = time.perf_counter()
    selectors.skill_suggestions("warm up")
    print(f"index build on first use: {time.perf_counter() - started:.2f} s")

    for name, cut in (
        ("full label", lambda s: s),
        ("first 60%", lambda s: s[: max(1, round(len(s) * 0.6))]),
        ("full, one typo", with_typo),
    ):
        hits = first = 0
        for pk, label in sample:
            ids = [s.id for s in selectors.skill_suggestions(cut(label), limit=TOP)]
            hits += pk in ids
            first += bool(ids) and ids[0] == pk
        print(
            f"{name:>16}: skill in top {TOP}: {hits}/{SAMPLE_SIZE} ({hits / SAMPLE_SIZE:.1%}), "
            f"first: {first / SAMPLE_SIZE:.1%}"
        )

    client = Client()
    client.force_login(bench_user("bench-autocomplete@example.org"))
    for name, path, param in (
        ("GET /api/me/skills/autocomplete", "/api/me/skills/autocomplete", "q"),
        ("GET /me/skills/suggest/ (htmx fragment)", "/me/skills/suggest/", "name"),
    ):
        full = []
        for _pk, label in sample:
            url = f"{path}?{urlencode({param: label})}"
            full += time_calls(lambda url=url: client.get(url), 1)
        print(describe(f"{name}, full labels", full))
        keystrokes = []
        for _pk, label in sample[:200]:
            for end in range(1, len(label) + 1):
                url = f"{path}?{urlencode({param: label[:end]})}"
                keystrokes += time_calls(lambda url=url: client.get(url), 1)
        print(describe(f"{name}, every keystroke", keystrokes))


if __name__ == "__main__":
    main()

"""Careers that fit and the skill gap, through the assessments app, on the real datasets.

Syncs the data mirror into a temporary SQLite database with the careers app's sync, then:

1. for every O*NET occupation with an interest profile, enters that profile as a user's scores
   and ranks occupations through `selectors.matches_for_user`: prints the share of
   occupations ranked in their own top 5 (and first);
2. times GET /api/me/matches (with and without filters) and the matches page through the
   test client;
3. times GET /api/me/gap and the gap page for 200 target occupations (ESCO and O*NET).

Run: .venv/bin/python bench/assessments_matching.py [--db /tmp/headway-bench.sqlite3]
"""

from __future__ import annotations

import random

from assessments_db import bench_user, describe, parse_args, prepare, time_calls

SEED = 20250601
TIMED_PROFILES = 200
TIMED_TARGETS = 200


def main() -> None:
    args = parse_args(__doc__ or "")
    prepare(args.db)
    from django.test import Client
    from django.utils import timezone

    from headway.assessments import selectors, services
    from headway.assessments.models import InterestAttempt, UserSkill
    from headway.careers import selectors as career_selectors
    from headway.careers.models import Occupation, Skill
    from headway.careers.services import vision_target_set
    from headway.domain.riasec import TYPES
    from headway.plans.services import vision_save

    user = bench_user("bench-matching@example.org")
    InterestAttempt.objects.filter(user=user).delete()
    attempt = InterestAttempt.objects.create(user=user, completed_at=timezone.now())
    profiles = career_selectors.occupation_interest_profiles()

    def enter(scores: dict[str, float]) -> None:
        means = {t: 1 + (scores[t] - 1) / 1.5 for t in TYPES}
        InterestAttempt.objects.filter(pk=attempt.pk).update(
            scores={"oi": scores, "means": means, "percent": {t: 0 for t in TYPES}}
        )

    ranks: list[int | None] = []
    misses = []
    for code, scores in sorted(profiles.items()):
        enter(scores)
        _attempt, found = selectors.matches_for_user(user, limit=5)
        codes = [m.code for m in found.matches]
        rank = codes.index(code) + 1 if code in codes else None
        ranks.append(rank)
        if rank is None:
            misses.append(code)
    n = len(ranks)
    top5 = sum(r is not None for r in ranks)
    first = sum(r == 1 for r in ranks)
    print(f"O*NET occupations with an interest profile: {n}")
    print(f"own occupation in the top 5 (selectors.matches_for_user): {top5}/{n} ({top5 / n:.1%})")
    print(f"own occupation first: {first}/{n} ({first / n:.1%}); misses: {misses[:10]}")

    client = Client()
    client.force_login(user)
    sample = random.Random(SEED).sample(sorted(profiles.values(), key=str), TIMED_PROFILES)
    for label, url in (
        ("GET /api/me/matches", "/api/me/matches?limit=20"),
        (
            "GET /api/me/matches with filters",
            "/api/me/matches?limit=20&max_job_zone=3&min_pay=45000&min_growth=2",
        ),
        ("GET /me/careers/ (page)", "/me/careers/?max_job_zone=4"),
    ):
        client.get(url)  # the explorer is built on the first request
        timings = []
        for scores in sample:
            enter(scores)
            timings += time_calls(lambda url=url: client.get(url), 1)
        print(describe(label, timings))

    # The gap: the user rates 40 skills, then aims at one occupation after another.
    rng = random.Random(SEED)
    skill_ids = list(Skill.objects.values_list("pk", flat=True))
    UserSkill.objects.filter(user=user).delete()
    for pk in rng.sample(skill_ids, 40):
        services.user_skill_add(user=user, skill_id=pk, proficiency=rng.randint(1, 5), enjoyment=3)
    vision = vision_save(user=user, horizon=5, data={"target_role": "Something new"})
    esco = list(
        Occupation.objects.filter(source="esco", in_current_release=True).values_list(
            "pk", flat=True
        )
    )
    onet = list(
        Occupation.objects.filter(source="onet", in_current_release=True).values_list(
            "pk", flat=True
        )
    )
    targets = rng.sample(esco, TIMED_TARGETS // 2) + rng.sample(onet, TIMED_TARGETS // 2)
    sizes = []
    for label, url in (("GET /api/me/gap", "/api/me/gap"), ("GET /me/gap/ (page)", "/me/gap/")):
        timings = []
        for pk in targets:
            vision_target_set(vision=vision, occupation=Occupation.objects.get(pk=pk))
            timings += time_calls(lambda url=url: client.get(url), 1)
            if url.startswith("/api"):
                sizes.append(len(client.get(url).json()["skills"]))
        print(describe(label, timings))
    print(
        f"skills per target: median {sorted(sizes)[len(sizes) // 2]}, max {max(sizes)}; "
        f"targets without skills: {sum(s == 0 for s in sizes)}/{len(sizes)}"
    )


if __name__ == "__main__":
    main()

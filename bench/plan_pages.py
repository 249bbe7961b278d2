"""Time the dashboard and a goal page on a database of 1,000 users with full plans.

Builds (with bulk_create) 1,000 users, each with a vision and 10 goals of 5 milestones and
5 reviews, in a temporary SQLite file (or, with --database-url, in a PostgreSQL database that
should be empty: the script fills it). Then requests the dashboard and a goal page with the
Django test client, rotating over users, and prints the median and 95th percentile times and
the number of queries each page makes for a user with 10 goals and for one with a single goal
(equal counts mean no query per goal).

Run: .venv/bin/python bench/plan_pages.py [--users 1000] [--requests 200] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--goals", type=int, default=10)
    parser.add_argument("--milestones", type=int, default=5)
    parser.add_argument("--reviews", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url", default="")
    return parser.parse_args()


def setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django
    from django.conf import settings

    django.setup()
    # Serve static URLs without the manifest `collectstatic` writes for production.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build(args: argparse.Namespace) -> tuple[list[Any], Any]:
    """Fill the database; return the plan-holding users and a user with a single goal."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from headway.accounts.models import User
    from headway.plans.models import Goal, Milestone, PlanSettings, Review, Vision

    today = timezone.localdate()
    password = make_password("bench-password")
    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", password=password) for n in range(args.users + 1)],
        batch_size=2000,
    )
    users = list(User.objects.filter(email__startswith="bench").order_by("pk"))
    single, users = users[-1], users[:-1]
    PlanSettings.objects.bulk_create([PlanSettings(user=u) for u in [*users, single]], 2000)
    Vision.objects.bulk_create(
        [Vision(user=u, horizon=5, target_role="Data engineer") for u in [*users, single]], 2000
    )

    def goals_for(user: Any, count: int) -> list[Any]:
        return [
            Goal(
                user=user,
                statement=f"Goal {g} of {user.email}",
                target_date=today + timedelta(days=60 + 20 * g),
                status="active" if g < 3 else ("draft" if g < 8 else "achieved"),
                rank=g + 1,
                next_review_on=today + timedelta(days=g - 2),
                activated_on=today - timedelta(days=30),
                metric_baseline=0 if g % 2 else None,
                metric_target=10 if g % 2 else None,
                metric_current=g if g % 2 else None,
                metric_unit="talks" if g % 2 else "",
            )
            for g in range(count)
        ]

    rows = [goal for u in users for goal in goals_for(u, args.goals)] + goals_for(single, 1)
    Goal.objects.bulk_create(rows, batch_size=2000)
    goals = list(Goal.objects.values_list("pk", "target_date"))
    Milestone.objects.bulk_create(
        (
            Milestone(
                goal_id=pk,
                title=f"Step {m}",
                due_on=min(target, today + timedelta(days=15 * m - 20)),
                done_at=timezone.now() if m < 2 else None,
            )
            for pk, target in goals
            for m in range(args.milestones)
        ),
        batch_size=5000,
    )
    Review.objects.bulk_create(
        (
            Review(goal_id=pk, reviewed_on=today - timedelta(days=7 * r), progress=10 * r)
            for pk, _ in goals
            for r in range(args.reviews)
        ),
        batch_size=5000,
    )
    return users, single


def timed(clients: list[tuple[Any, str]], count: int) -> list[float]:
    for client, url in clients[:10]:
        client.get(url)
    times = []
    for i in range(count):
        client, url = clients[i % len(clients)]
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def queries(client: Any, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def summary(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"{name:<14} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms"


def main() -> None:
    args = parse()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ.setdefault("HEADWAY_DATA_DIR", folder)
        setup(url)
        from django.db import connection
        from django.test import Client

        from headway.plans.models import Goal

        start = time.perf_counter()
        users, single = build(args)
        built = time.perf_counter() - start
        goals = Goal.objects.count()
        print(f"database:   {connection.vendor}, built in {built:.1f} s")
        print(
            f"rows:       {len(users) + 1} users, {goals} goals, "
            f"{goals * args.milestones} milestones, {goals * args.reviews} reviews"
        )

        rng = random.Random(7)
        sample = rng.sample(users, min(20, len(users)))
        clients = []
        for user in sample:
            client = Client()
            client.force_login(user)
            first_goal = (
                Goal.objects.filter(user=user).order_by("rank").values_list("pk", flat=True)
            )
            clients.append((client, user, first_goal[0]))
        dashboard = [(c, "/dashboard/") for c, _, _ in clients]
        goal_pages = [(c, f"/plan/goals/{g}/") for c, _, g in clients]
        print(f"requests:   {args.requests} per page, over {len(clients)} users")
        print(summary("dashboard", timed(dashboard, args.requests)))
        print(summary("goal page", timed(goal_pages, args.requests)))

        lone = Client()
        lone.force_login(single)
        lone_goal = Goal.objects.get(user=single).pk
        big, _, big_goal = clients[0]
        print("queries     10 goals   1 goal")
        for name, many, one in (
            ("dashboard", "/dashboard/", "/dashboard/"),
            ("goal page", f"/plan/goals/{big_goal}/", f"/plan/goals/{lone_goal}/"),
            ("goals list", "/plan/goals/", "/plan/goals/"),
        ):
            print(f"{name:<12}{queries(big, many):>8}{queries(lone, one):>9}")
        if connection.vendor == "postgresql" and args.database_url:
            print("(the PostgreSQL database now holds the bench rows)")


if __name__ == "__main__":
    main()

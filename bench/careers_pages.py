"""Time the career explorer after a sync: search as the user types, and occupation pages.

Queries are a few hundred real vacancy titles (../shared/bench/job-titles), each as typed in
full, with a typo, and half typed. Search is timed through the selector and through the
results fragment the page fetches (test client, htmx header); pages through the test client.

    .venv/bin/python bench/careers_pages.py [--database-url URL] [--queries N]

Without --database-url the mirror (HEADWAY_DATA_MIRROR, else ../shared/data) is synced into a
temporary SQLite database first.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR") or SHARED / "data")
TITLES = SHARED / "bench" / "job-titles" / "titles.validation.csv"


def typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters of the longest word."""
    words = text.split()
    if not words:
        return text
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 4:
        i = rng.randrange(1, len(word) - 2)
        words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)


def half_typed(text: str) -> str:
    """Cut the title in the middle of its last word, as while typing."""
    words = text.split()
    last = words[-1]
    return " ".join([*words[:-1], last[: max(2, len(last) // 2)]])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(label: str, seconds: list[float], cpu: list[float]) -> None:
    """Print wall-clock and CPU time; CPU time is what a busy shared machine distorts least."""
    ms = [1000 * s for s in seconds]
    cpu_ms = [1000 * s for s in cpu]
    print(
        f"{label:<32} n={len(ms):<4} wall median {statistics.median(ms):6.1f} "
        f"p95 {percentile(ms, 0.95):6.1f}   cpu median {statistics.median(cpu_ms):6.1f} "
        f"p95 {percentile(cpu_ms, 0.95):6.1f} ms"
    )


def timed(call: Callable[[], object], seconds: list[float], cpu: list[float]) -> object:
    started, started_cpu = time.perf_counter(), time.process_time()
    result = call()
    seconds.append(time.perf_counter() - started)
    cpu.append(time.process_time() - started_cpu)
    return result


def main() -> None:
    """Sync if needed, then time search and pages and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="an already synced database")
    parser.add_argument("--queries", type=int, default=100, help="titles to sample (x3 forms)")
    args = parser.parse_args()
    if not TITLES.is_file():
        sys.exit(f"needs {TITLES}")
    scratch = None
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        if not MIRROR.is_dir():
            sys.exit(f"needs the data mirror at {MIRROR}")
        scratch = tempfile.mkdtemp(prefix="headway-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/careers.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from headway.accounts.models import User
    from headway.careers import search
    from headway.careers.models import Occupation
    from headway.careers.services import datasets_sync
    from headway.careers.views import RESULTS_LIMIT

    try:
        if scratch is not None:
            call_command("migrate", verbosity=0)
            started = time.perf_counter()
            datasets_sync(mirror=MIRROR)
            print(f"sync: {time.perf_counter() - started:.1f} s")
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        setup_test_environment()
        settings.ALLOWED_HOSTS = ["testserver"]

        started = time.perf_counter()
        explorer = search.get_explorer()
        print(
            f"explorer built in {time.perf_counter() - started:.2f} s "
            f"({len(explorer.facts)} occupations)"
        )

        rng = random.Random(2024)
        with TITLES.open(encoding="utf-8", newline="") as handle:
            titles = [row["vacancyTitle"] for row in csv.DictReader(handle)]
        sample = rng.sample(titles, args.queries)
        forms = {
            "full title": sample,
            "with a typo": [typo(title, rng) for title in sample],
            "half typed": [half_typed(title) for title in sample],
        }
        every: list[float] = []
        every_cpu: list[float] = []
        for label, queries in forms.items():
            seconds: list[float] = []
            cpu: list[float] = []
            for query in queries:
                search.forget_explorer_answers()
                timed(lambda q=query: explorer.search(q, limit=RESULTS_LIMIT), seconds, cpu)
            every += seconds
            every_cpu += cpu
            report(f"search selector, {label}", seconds, cpu)
        report("search selector, all", every, every_cpu)

        user, _ = User.objects.get_or_create(email="bench@example.org")
        client = Client()
        client.force_login(user)
        client.get("/careers/", {"q": "warm up"}, HTTP_HX_REQUEST="true")
        seconds, cpu = [], []
        for query in [q for queries in forms.values() for q in queries]:
            search.forget_explorer_answers()
            response = timed(
                lambda q=query: client.get("/careers/", {"q": q}, HTTP_HX_REQUEST="true"),
                seconds,
                cpu,
            )
            assert response.status_code == 200, response  # type: ignore[attr-defined]
        report("search results fragment (HTTP)", seconds, cpu)

        keys = {
            source: list(
                Occupation.objects.filter(source=source, in_current_release=True).values_list(
                    "key", flat=True
                )
            )
            for source in ("onet", "esco")
        }
        for source, label in (("onet", "O*NET occupation page"), ("esco", "ESCO occupation page")):
            seconds, cpu = [], []
            for key in rng.sample(keys[source], min(100, len(keys[source]))):
                response = timed(
                    lambda k=key: client.get(f"/careers/occupations/{k}/"), seconds, cpu
                )
                assert response.status_code == 200, response  # type: ignore[attr-defined]
            report(label, seconds, cpu)
        pairs = [rng.sample(keys["onet"], 3) for _ in range(30)]
        seconds, cpu = [], []
        for pair in pairs:
            timed(lambda p=pair: client.get("/careers/compare/", {"o": p}), seconds, cpu)
        report("compare page (3 occupations)", seconds, cpu)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

"""A temporary SQLite database holding the real career data, for the assessments benchmarks.

`prepare()` points Django at a SQLite file (a fresh temporary one, or `--db PATH` to keep and
reuse it between runs), migrates it, syncs the datasets from the data mirror with the careers
app's own sync, and imports the RIASEC item pool. Not a benchmark itself.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR", ROOT / ".." / "shared" / "data"))


def parse_args(description: str) -> argparse.Namespace:
    """Read the common options: --db to keep the database file between runs."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", type=Path, help="SQLite file to create or reuse (kept)")
    return parser.parse_args()


def prepare(db: Path | None) -> None:
    """Set up Django on a SQLite file with the mirror's datasets and items loaded."""
    if not MIRROR.is_dir():
        sys.exit(f"Data mirror not found at {MIRROR} (set HEADWAY_DATA_MIRROR)")
    if db is None:
        folder = tempfile.mkdtemp(prefix="headway-bench-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        db = Path(folder) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db.resolve()}"
    os.environ.setdefault("HEADWAY_DATA_DIR", str(db.resolve().parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Pages use plain static file names: no collectstatic manifest here.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    from headway.assessments.importer import import_item_pool
    from headway.careers.services import datasets_sync

    started = time.perf_counter()
    outcomes = datasets_sync(mirror=MIRROR)
    for outcome in outcomes:
        print(f"  {outcome.name}: {outcome.status} ({outcome.seconds:.1f} s)")
    print(f"sync from {MIRROR}: {time.perf_counter() - started:.1f} s")
    import_item_pool(MIRROR)


def bench_user(email: str) -> Any:
    """Return a user for the benchmark, created once."""
    from headway.accounts.models import User

    user, _ = User.objects.get_or_create(email=email)
    return user


def time_calls(call: Callable[[], Any], repeat: int) -> list[float]:
    """Return the duration of each call, in milliseconds."""
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def describe(name: str, values: Sequence[float]) -> str:
    """Return a line with the median, 95th percentile and maximum of timings in ms."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"{name} (n={len(ordered)}): median {statistics.median(ordered):.2f} ms, "
        f"p95 {p95:.2f} ms, max {ordered[-1]:.2f} ms"
    )

"""Time a full `headway data sync` from the data mirror into a fresh SQLite database.

Prints the wall time per dataset for the first import, for a second sync of the same files
(skipped as unchanged) and for a forced re-import (which must change no rows).

    .venv/bin/python bench/careers_sync.py [--database-url URL] [--keep]

The mirror is HEADWAY_DATA_MIRROR, else ../shared/data. With --database-url the database
must be empty and migrated (e.g. a PostgreSQL test database).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR") or ROOT.parent / "shared" / "data")


def main() -> None:
    """Set up a database, sync three times, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="use this database instead of a temporary one")
    parser.add_argument("--keep", action="store_true", help="print and keep the temporary db")
    args = parser.parse_args()
    if not MIRROR.is_dir():
        sys.exit(f"needs the data mirror at {MIRROR}")
    scratch = tempfile.mkdtemp(prefix="headway-bench-")
    url = args.database_url or f"sqlite:///{scratch}/careers.sqlite3"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from headway.careers.services import datasets_sync

    if args.database_url is None:
        call_command("migrate", verbosity=0)
    for label, force in (("first sync", False), ("same files again", False), ("forced", True)):
        started = time.perf_counter()
        outcomes = datasets_sync(mirror=MIRROR, force=force)
        wall = time.perf_counter() - started
        print(f"== {label}: {wall:.1f} s")
        for outcome in outcomes:
            print(
                f"  {outcome.key:<12} {outcome.seconds:6.1f} s  {outcome.status}: {outcome.message}"
            )
        if any(not outcome.ok for outcome in outcomes):
            sys.exit("a dataset failed")
    if args.database_url is None:
        if args.keep:
            print(f"database kept: {url}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

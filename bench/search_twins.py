"""Count the twins left in the explorer's search: one job shown twice, as ESCO and O*NET.

An ESCO occupation and the O*NET occupation its crosswalk match was judged close to
(`domain.occupation_match`) are twins when they are listed as two separate results of one
search. Titles whose words overlap enough (`search.TWIN_TITLE`) are folded into one result;
this counts what remains, with folding on and off, over real vacancy titles
(../shared/bench/job-titles) and every ESCO and O*NET title.

    .venv/bin/python bench/search_twins.py [--database-url URL] [--queries N]

Without --database-url the mirror (HEADWAY_DATA_MIRROR, else ../shared/data) is synced into a
temporary SQLite database first.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR") or SHARED / "data")
TITLES = SHARED / "bench" / "job-titles" / "titles.validation.csv"


def main() -> None:
    """Sync if needed, search, and print how many twins the results hold."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="an already synced database")
    parser.add_argument("--queries", type=int, default=1000, help="vacancy titles to sample")
    args = parser.parse_args()
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
    from django.core.management import call_command

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
        explorer = search.get_explorer()
        close = dict(
            Occupation.objects.filter(source="esco", onet_match__isnull=False).values_list(
                "code", "onet_match__code"
            )
        )
        queries: dict[str, list[str]] = {}
        if TITLES.is_file():
            with TITLES.open(encoding="utf-8", newline="") as handle:
                titles = [row["vacancyTitle"] for row in csv.DictReader(handle)]
            queries["vacancy titles"] = random.Random(2024).sample(titles, args.queries)
        else:
            print(f"(no vacancy titles at {TITLES})")
        queries["ESCO titles"] = list(
            Occupation.objects.filter(source="esco", in_current_release=True).values_list(
                "title", flat=True
            )
        )
        queries["O*NET titles"] = list(
            Occupation.objects.filter(source="onet", in_current_release=True).values_list(
                "title", flat=True
            )
        )
        print(
            f"{len(close)} ESCO occupations have a close O*NET match; "
            f"{len(explorer.twin_of)} of them share enough title words to be folded"
        )
        folding = explorer.twin_of
        for label, texts in queries.items():
            for mode, twin_of in (("folded", folding), ("not folded", {})):
                explorer.twin_of = twin_of
                search.forget_explorer_answers()
                pairs = titled = shown = grouped = 0
                queries_with = 0
                for text in texts:
                    results = explorer.search(f"{text} ", None, RESULTS_LIMIT, prefix=False)
                    listed = {result.facts.code for result in results}
                    shown += len(results)
                    grouped += sum(1 for result in results if result.twins)
                    found = [code for code in listed if code in close and close[code] in listed]
                    pairs += len(found)
                    titled += sum(1 for code in found if code in folding)
                    queries_with += bool(found)
                print(
                    f"{label:<15} {mode:<10} queries {len(texts):>5}  results {shown:>6}  "
                    f"folded results {grouped:>5}  twins left {pairs:>5} "
                    f"(close titles {titled}, other titles {pairs - titled}) "
                    f"in {queries_with} queries"
                )
        explorer.twin_of = folding
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

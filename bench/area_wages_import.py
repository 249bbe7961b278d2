"""Time importing OEWS with full-size state and metropolitan-area workbooks.

The data mirror holds only the national workbook, so this writes synthetic state and area
workbooks in BLS's May 2024 layout and size (54 states and territories and 530 metro and
nonmetro areas; every area lists each national detailed occupation with probability
`--share`), with made-up wages, and times the first import, a repeat (unchanged files) and a
forced one (no rows changed) into a fresh SQLite database.

    .venv/bin/python bench/area_wages_import.py [--share 0.5] [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MIRROR = Path(os.environ.get("HEADWAY_DATA_MIRROR") or ROOT.parent / "shared" / "data")

HEADER = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "NAICS",
    "NAICS_TITLE",
    "I_GROUP",
    "OWN_CODE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "EMP_PRSE",
    "JOBS_1000",
    "LOC_QUOTIENT",
    "PCT_TOTAL",
    "PCT_RPT",
    "H_MEAN",
    "A_MEAN",
    "MEAN_PRSE",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "ANNUAL",
    "HOURLY",
]


def write_workbook(
    path: Path, areas: list[tuple[str, str, int]], socs: list[str], share: float
) -> int:
    """Write one synthetic area workbook; return its data rows."""
    import openpyxl

    rng = random.Random(path.name)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(path.stem)
    sheet.append(HEADER)
    rows = 0
    for code, title, area_type in areas:
        for soc in socs:
            if rng.random() > share:
                continue
            median = rng.randrange(30_000, 200_000, 10)
            annual = [median * factor // 100 for factor in (105, 60, 78, 100, 125, 150)]
            hourly = [round(value / 2080, 2) for value in annual]
            sheet.append(
                [code, title, area_type, "TX", "000000", "Cross-industry", "cross-industry",
                 "1235", soc, soc, "detailed", rng.randrange(30, 50_000), 5.0, None, None,
                 None, None, hourly[0], annual[0], 1.0, *hourly[1:], *annual[1:], None, None]
            )  # fmt: skip
            rows += 1
    workbook.save(path)
    return rows


def main() -> None:
    """Write the workbooks, import three times, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--share", type=float, default=0.5, help="occupations listed per area")
    parser.add_argument("--database-url", help="an empty, migrated database to use instead")
    args = parser.parse_args()
    national = MIRROR / "bls" / "national_M2024_dl.xlsx"
    if not national.is_file():
        sys.exit(f"needs the data mirror at {MIRROR}")
    scratch = Path(tempfile.mkdtemp(prefix="headway-bench-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from headway.careers.importer import import_dataset
    from headway.domain.careerdata import OewsReader, sources

    if args.database_url is None:
        call_command("migrate", verbosity=0)
    (scratch / "bls").mkdir()
    shutil.copy(national, scratch / sources.OEWS_NATIONAL)
    socs = [row.soc_code for row in OewsReader(national).occupations()]
    states = [(f"{n:02d}", f"State {n}", 2) for n in range(1, 55)]
    metros = [(f"{10000 + n * 10}", f"City {n}-Town {n}, TX", 4) for n in range(400)]
    metros += [(f"{4800000 + n}", f"Region {n} nonmetropolitan area", 6) for n in range(130)]
    started = time.perf_counter()
    state_rows = write_workbook(
        scratch / sources.OEWS_STATE, states, socs, min(1.0, args.share * 1.8)
    )
    metro_rows = write_workbook(scratch / sources.OEWS_METRO, metros, socs, args.share)
    print(
        f"wrote {state_rows:,} state and {metro_rows:,} area rows "
        f"in {time.perf_counter() - started:.1f} s"
    )
    for label, force in (("first import", False), ("same files again", False), ("forced", True)):
        outcome = import_dataset(sources.OEWS_SOURCE, scratch, origin="bench", force=force)
        print(f"== {label}: {outcome.seconds:.1f} s  {outcome.status}: {outcome.message}")
        if not outcome.ok:
            sys.exit("the import failed")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

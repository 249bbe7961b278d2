"""`headway data sync|status|ensure`: obtain, verify and import the career datasets."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from headway.assessments.importer import ItemPoolError, item_pool_loaded, item_pool_sync
from headway.careers import services
from headway.careers.models import Dataset
from headway.domain.careerdata import sources

USAGE = """\
headway data sync [--from DIR] [--only KEY ...] [--force]
    Obtain O*NET 29.3, ESCO v1.1.1, the ESCO-O*NET crosswalk, BLS OEWS (May 2024) and BLS
    Employment Projections (2024-34), verify them and import them. DIR (or the setting
    HEADWAY_DATA_MIRROR) is a folder laid out like the official downloads; without one the
    official addresses are used. Unchanged files are not imported again unless --force.
headway data status
    List the imported datasets with version, date, counts and missing files.
headway data ensure [--from DIR]
    Sync only when some dataset is missing and a source is reachable (used at start-up).
"""


class Command(BaseCommand):
    help = "Obtain, verify and import the career datasets (O*NET, ESCO, crosswalk, BLS)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="{sync,status,ensure}")
        sync = actions.add_parser("sync", help="obtain, verify and import every dataset")
        sync.add_argument("--from", dest="mirror", type=Path, help="mirror folder to read from")
        sync.add_argument(
            "--only",
            nargs="+",
            choices=services.DATASET_KEYS,
            help="import only these datasets",
        )
        sync.add_argument("--force", action="store_true", help="import even unchanged files")
        actions.add_parser("status", help="show what is loaded")
        ensure = actions.add_parser("ensure", help="sync when data is missing")
        ensure.add_argument("--from", dest="mirror", type=Path, help="mirror folder to read from")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options.get("action")
        if action == "sync":
            self._sync(options.get("mirror"), options.get("only"), options["force"])
        elif action == "status":
            self._status()
        elif action == "ensure":
            outcomes = services.datasets_ensure(mirror=options.get("mirror"), progress=self._say)
            mirror = options.get("mirror") or services.configured_mirror()
            if not item_pool_loaded() and (mirror or services.official_sources_reachable()):
                self._item_pool(mirror)
            if outcomes is not None:
                self._summarise(outcomes)
        else:
            self.stdout.write(USAGE)

    def _say(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    def _sync(self, mirror: Path | None, only: list[str] | None, force: bool) -> None:
        mirror = mirror or services.configured_mirror()
        if mirror is not None and not mirror.is_dir():
            raise CommandError(f"The mirror folder {mirror} does not exist.")
        self._say(f"Reading from {mirror}" if mirror else "Downloading from official addresses")
        started = time.perf_counter()
        outcomes = services.datasets_sync(mirror=mirror, only=only, force=force, progress=self._say)
        if not only:
            self._item_pool(mirror)
        self._say(f"Done in {time.perf_counter() - started:.1f} s.")
        self._summarise(outcomes)

    def _item_pool(self, mirror: Path | None) -> None:
        """Load the RIASEC questionnaire's items, which come with the reference data."""
        try:
            counts = item_pool_sync(mirror)
        except ItemPoolError as error:
            self.stderr.write(f"RIASEC item pool: {error}")
            return
        self._say(
            f"RIASEC item pool: {counts['items']} items "
            f"({counts['created']} new, {counts['updated']} changed)"
        )

    def _summarise(self, outcomes: list[Any]) -> None:
        failed = [outcome for outcome in outcomes if not outcome.ok]
        for outcome in failed:
            self.stderr.write(f"{outcome.name}: {outcome.message}")
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(outcomes)} datasets failed; their data is unchanged."
            )

    def _status(self) -> None:
        records = {record.key: record for record in Dataset.objects.all()}
        mirror = services.configured_mirror()
        self._say(f"Mirror: {mirror}" if mirror else "Mirror: none (HEADWAY_DATA_MIRROR unset)")
        for source in sources.SOURCES:
            info = source.info
            record = records.get(info.key)
            if record is None:
                self._say(f"{info.name} {info.version}: not loaded")
                continue
            when = date_format(timezone.localtime(record.imported_at), "j M Y, H:i")
            self._say(f"{record.name} {record.version}: imported {when} from {record.source}")
            for name, count in record.counts.items():
                self._say(f"  {name}: {count:,}")
            if record.missing_files:
                self._say(f"  files missing from the source: {', '.join(record.missing_files)}")
            for relative in record.missing_files:
                if relative in sources.GAPS:
                    self._say(f"  {sources.GAPS[relative]}")

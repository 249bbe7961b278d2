"""`headway sendreminders`: email what is due; with --loop, keep doing so every few minutes.

Safe to run on several machines at once: each reminder is claimed by a unique row before it is
sent, so it goes out once.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from headway.plans.reminders import reminders_send


class Command(BaseCommand):
    help = "Email reminders of reviews due and milestones due soon or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, one pass a while.")
        parser.add_argument(
            "--interval", type=int, default=300, help="Seconds between passes with --loop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval = max(1, options["interval"])
        while True:
            report = reminders_send()
            self.stdout.write(
                f"Reminders: {report.claimed} due, {report.emails} emails sent, "
                f"{report.failed} failed."
            )
            if not options["loop"]:
                return
            # A long-running loop must not keep a connection the database has dropped.
            close_old_connections()
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return

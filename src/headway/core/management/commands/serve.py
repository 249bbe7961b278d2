from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from headway.core.links import bind_disagreement


class Command(BaseCommand):
    help = "Serve Headway with gunicorn, a production-grade WSGI server (static files included)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=settings.HEADWAY_BIND)
        parser.add_argument("--workers", type=int, default=settings.HEADWAY_WORKERS)

    def handle(self, *args: Any, **options: Any) -> None:
        # The manifest storage needs collected files; unchanged files are skipped quickly.
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "headway.wsgi:application",
            "--config",
            "python:headway.gunicorn_conf",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "10",
        ]
        self.stdout.write(f"Headway is at http://{options['bind']}/ (Ctrl+C stops it)")
        problem = bind_disagreement(options["bind"], settings.SITE_URL)
        if problem:
            self.stderr.write(
                f"Warning: SITE_URL is {settings.SITE_URL} but --bind is {options['bind']}: "
                f"{problem}. Reminder emails sent by `headway sendreminders` link to SITE_URL; "
                "set it to the address people open (README, “Where links point”)."
            )
        self.stdout.flush()
        os.execv(sys.executable, argv)  # noqa: S606  (replace this process with the server)

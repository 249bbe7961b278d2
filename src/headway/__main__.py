"""The `headway` command: Django's management commands, under Headway's name.

headway serve             start the production server (gunicorn)
headway migrate           apply database migrations
headway createsuperuser   create a staff account for /admin/
headway <command> --help  help for any command; `headway help` lists them all
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "smart":
        # The SMART check needs no database unless it reads a user's context: answering it
        # without Django's start-up takes a tenth of the time.
        from headway.coach.cli import fast_smart

        status = fast_smart(args[2:])
        if status is not None:
            sys.exit(status)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    from django.core.management import execute_from_command_line

    args[0] = "headway"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()

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
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "headway"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()

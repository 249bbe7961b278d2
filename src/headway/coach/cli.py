"""`headway smart`: the arguments and output shared by the Django command and the fast path.

Django-free, so that `headway smart "goal"` without `--user` answers without setting Django up
(see `headway.__main__`); with `--user` the management command reads the user's context.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from headway.domain.smart import SmartContext

HELP = 'Check a goal against the SMART criteria: headway smart "Get hired as ... by June 2027"'


def add_smart_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the `smart` command's arguments to a parser."""
    parser.add_argument("goal", help="The goal, in quotes.")
    parser.add_argument("--json", action="store_true", help="Print the full result as JSON.")
    parser.add_argument(
        "--today", type=date.fromisoformat, help="Resolve relative dates from this day."
    )
    parser.add_argument("--user", help="Judge against this user's vision (their email).")


def local_today() -> date:
    """Return today in the TIME_ZONE the settings use (UTC unless set)."""
    return datetime.now(ZoneInfo(os.environ.get("TIME_ZONE", "UTC"))).date()


def smart_output(goal: str, *, today: date, context: SmartContext | None, as_json: bool) -> str:
    """Return what `headway smart` prints; raise GoalTextTooLong for an over-long goal."""
    from headway.domain.smart import analyse_goal, format_report

    result = analyse_goal(goal, today=today, context=context)
    if as_json:
        return json.dumps(result.as_dict(), indent=2, ensure_ascii=False)
    return format_report(result)


def fast_smart(argv: list[str]) -> int | None:
    """Run `headway smart ...` without Django when no user context is asked for.

    Return the exit status, or None when the Django command must run instead (`--user`).
    """
    if any(a == "--user" or a.startswith("--user=") for a in argv):
        return None
    import sys

    parser = argparse.ArgumentParser(prog="headway smart", description=HELP)
    add_smart_arguments(parser)
    options = parser.parse_args(argv)
    from headway.domain.smart import GoalTextTooLong

    try:
        out = smart_output(
            options.goal, today=options.today or local_today(), context=None, as_json=options.json
        )
    except GoalTextTooLong as error:
        sys.stderr.write(f"CommandError: {error}\n")
        return 1
    sys.stdout.write(out + "\n")
    return 0

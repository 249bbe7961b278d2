from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from headway.accounts.models import User
from headway.coach.selectors import smart_context_for_user
from headway.domain.smart import GoalTextTooLong, analyse_goal, format_report


class Command(BaseCommand):
    help = 'Check a goal against the SMART criteria: headway smart "Get hired as ... by June 2027"'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("goal", help="The goal, in quotes.")
        parser.add_argument("--json", action="store_true", help="Print the full result as JSON.")
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Resolve relative dates from this day."
        )
        parser.add_argument("--user", help="Judge against this user's vision (their email).")

    def handle(self, *args: Any, **options: Any) -> None:
        context = None
        if options["user"]:
            user = User.objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(f"No user has the email {options['user']}.")
            context = smart_context_for_user(user)
        try:
            result = analyse_goal(
                options["goal"], today=options["today"] or timezone.localdate(), context=context
            )
        except GoalTextTooLong as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(format_report(result))

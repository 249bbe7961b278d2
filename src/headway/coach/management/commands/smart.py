from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from headway.accounts.models import User
from headway.coach.cli import HELP, add_smart_arguments, smart_output
from headway.coach.selectors import smart_context_for_user
from headway.domain.smart import GoalTextTooLong


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser: CommandParser) -> None:
        add_smart_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        context = None
        if options["user"]:
            user = User.objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(f"No user has the email {options['user']}.")
            context = smart_context_for_user(user)
        try:
            out = smart_output(
                options["goal"],
                today=options["today"] or timezone.localdate(),
                context=context,
                as_json=options["json"],
            )
        except GoalTextTooLong as error:
            raise CommandError(str(error)) from error
        self.stdout.write(out)

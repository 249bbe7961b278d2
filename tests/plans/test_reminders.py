"""Reminder emails: what is due goes out once, whatever runs at the same time."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from headway.accounts.models import User
from headway.plans import services
from headway.plans.models import Goal, PlanSettings, Reminder
from headway.plans.reminders import DueReminder, reminder_claim, reminders_send
from tests.factories import UserFactory
from tests.plans.conftest import TODAY
from tests.plans.factories import GoalFactory, MilestoneFactory


def _plan(user: User) -> Goal:
    """An active goal with a review due today, one milestone close and one late."""
    goal = GoalFactory(
        user=user, statement="Become a data engineer", status="active", next_review_on=TODAY
    )
    MilestoneFactory(goal=goal, title="Finish the SQL course", due_on=TODAY + timedelta(days=2))
    MilestoneFactory(goal=goal, title="Send the portfolio", due_on=TODAY - timedelta(days=3))
    MilestoneFactory(goal=goal, title="Far away", due_on=TODAY + timedelta(days=40))
    return goal


@pytest.mark.django_db
def test_one_email_lists_everything_due(owner: User, settings: Any) -> None:
    settings.SITE_URL = "https://headway.example.org"
    goal = _plan(owner)
    report = reminders_send()
    assert (report.claimed, report.emails, report.failed) == (3, 1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "Headway: 3 things due in your plan"
    assert "Review “Become a data engineer” (due today)" in message.body
    assert "Finish the SQL course" in message.body and "due in 2 days" in message.body
    assert "Send the portfolio" in message.body and "3 days overdue" in message.body
    assert "Far away" not in message.body
    assert f"https://headway.example.org/plan/goals/{goal.pk}/review/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<a href="https://headway.example.org' in html
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 3


@pytest.mark.django_db
def test_nothing_is_sent_before_it_is_due(owner: User) -> None:
    goal = GoalFactory(user=owner, status="active", next_review_on=TODAY + timedelta(days=1))
    MilestoneFactory(goal=goal, due_on=TODAY + timedelta(days=4))
    GoalFactory(user=owner, status="paused", next_review_on=TODAY - timedelta(days=1))
    MilestoneFactory(goal__user=owner, goal__status="draft", due_on=TODAY)
    assert reminders_send().emails == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reminder_already_sent_is_not_sent_again(owner: User) -> None:
    goal = _plan(owner)
    reminders_send()
    assert reminders_send().claimed == 0
    assert len(mail.outbox) == 1
    # Two days later the close milestone is late: that is one new reminder, sent once.
    with time_machine.travel(TODAY + timedelta(days=3), tick=False):
        assert reminders_send().claimed == 1
        assert "Finish the SQL course" in mail.outbox[1].body
        assert reminders_send().claimed == 0
    # A milestone moved to a new date reminds again for that date.
    milestone = goal.milestones.get(title="Send the portfolio")
    milestone.due_on = TODAY - timedelta(days=1)
    milestone.save(update_fields=["due_on"])
    assert reminders_send().claimed == 1


@pytest.mark.django_db
def test_done_milestones_and_muted_users_get_nothing(owner: User, stranger: User) -> None:
    goal = GoalFactory(user=owner, status="active")
    services.milestone_complete(milestone=MilestoneFactory(goal=goal, due_on=TODAY))
    _plan(stranger)
    PlanSettings.objects.create(user=stranger, email_reminders=False)
    assert reminders_send().emails == 0
    assert not Reminder.objects.exists()


@pytest.mark.django_db
def test_a_claim_succeeds_only_once(owner: User) -> None:
    item = DueReminder(owner.pk, "review-due", 7, TODAY, "Reviews due", "x", "/")
    assert reminder_claim(item) is not None
    assert reminder_claim(item) is None
    assert Reminder.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_email_releases_its_claims_for_the_next_run(owner: User) -> None:
    _plan(owner)

    class Broken:
        def send_messages(self, messages: list[Any]) -> int:
            raise OSError("mail server down")

    report = reminders_send(connection=Broken())
    assert (report.emails, report.failed) == (0, 1)
    assert not Reminder.objects.exists()
    assert reminders_send().emails == 1


@pytest.mark.django_db
def test_each_user_gets_their_own_email(owner: User, stranger: User) -> None:
    _plan(owner)
    _plan(stranger)
    reminders_send()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, stranger.email])


@pytest.mark.django_db
def test_the_command_runs_once_or_in_a_loop(owner: User, monkeypatch: Any) -> None:
    _plan(owner)
    out: list[str] = []
    call_command("sendreminders", stdout=_Writer(out))
    assert out == ["Reminders: 3 due, 1 emails sent, 0 failed.\n"]
    sleeps: list[float] = []

    def stop(seconds: float) -> None:
        sleeps.append(seconds)
        raise KeyboardInterrupt

    monkeypatch.setattr("time.sleep", stop)
    call_command("sendreminders", "--loop", "--interval", "60", stdout=_Writer(out))
    assert sleeps == [60]
    assert out[-1] == "Reminders: 0 due, 0 emails sent, 0 failed.\n"
    assert len(mail.outbox) == 1


class _Writer:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def write(self, text: str) -> None:
        self.lines.append(text)

    def flush(self) -> None:
        pass


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once() -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database serialises threads; see the claim test")
    users = [UserFactory() for _ in range(5)]
    for user in users:
        _plan(user)
    barrier = threading.Barrier(2)
    reports: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait()
            reports.append(reminders_send(on=date(2026, 3, 10)))
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.claimed for r in reports) == 15
    assert sum(r.emails for r in reports) == 5
    assert len(mail.outbox) == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert Reminder.objects.count() == 15
